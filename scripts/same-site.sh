#!/usr/bin/env bash
# Shows that two revisions of etalase build the bundled sample catalogue into the same tree, byte
# for byte: the check a refactor must pass. Each revision builds a fresh copy of its own sample
# (settings, content, theme), so neither reuses the other's photo cache or output.
#
#   scripts/same-site.sh BASE [OTHER]     OTHER defaults to the working tree
#
# Exit 0 and "same site" when the trees match; exit 1 and the differing files when they do not.
set -euo pipefail

base=${1:?usage: scripts/same-site.sh BASE_REVISION [OTHER_REVISION]}
other=${2:-}
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}
cleanup() {
  git -C "$repo" worktree remove --force "$work/base" 2>/dev/null || true
  [ -n "$other" ] && git -C "$repo" worktree remove --force "$work/other" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

git -C "$repo" worktree add --quiet --detach "$work/base" "$base"
if [ -n "$other" ]; then
  git -C "$repo" worktree add --quiet --detach "$work/other" "$other"
  other_tree=$work/other
else
  other_tree=$repo
fi

# A revision's sample catalogue, without any cache or output left in a working tree.
sample() { # tree, copy
  mkdir -p "$2"
  (cd "$1" && tar -cf - catalogue.yaml content static themes $(ls -d templates 2>/dev/null)) |
    tar -xf - -C "$2"
}

build_with() { # tree, catalogue copy, site
  echo "building the sample with $(git -C "$1" rev-parse --short HEAD)$([ "$1" = "$repo" ] && echo ' (working tree)')" >&2
  cargo build --release --locked --quiet --manifest-path "$1/Cargo.toml"
  "$CARGO_TARGET_DIR/release/etalase" build --root "$2" --output "$3" --lang en 2>/dev/null
}

sample "$work/base" "$work/catalogue-base"
sample "$other_tree" "$work/catalogue-other"
build_with "$work/base" "$work/catalogue-base" "$work/site-base"
build_with "$other_tree" "$work/catalogue-other" "$work/site-other"

if diff -r "$work/site-base" "$work/site-other" >"$work/diff"; then
  echo "same site: $(find "$work/site-base" -type f | wc -l) files, byte for byte"
else
  head -40 "$work/diff"
  echo "the sites differ"
  exit 1
fi
