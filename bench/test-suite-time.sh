#!/usr/bin/env bash
# Test-suite time: `cargo test --locked` on a fresh clone (compile and run, empty target
# folder), once per revision given, so two revisions are measured in the same conditions.
#
# Usage: bench/test-suite-time.sh REV [REV...]     e.g. bench/test-suite-time.sh f231ce8 HEAD
#
# Each revision is cloned from this repository into a temporary folder; `cargo fetch --locked`
# runs first, so downloading crates is not timed. Prints one line per revision:
#   <revision> <commit> <wall seconds> <compile seconds> <max RSS in MB>
# followed by `FAILED` (and where the log is) when the tests did not pass. Needs GNU time at
# /usr/bin/time (`apt-get install time`). Other busy processes inflate the times.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -gt 0 ] || { echo "usage: $0 REV [REV...]" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "test-suite-time.sh needs GNU time at /usr/bin/time" >&2; exit 2; }

repo=$(pwd)
# Each clone gets its own, empty target folder: nothing compiled before counts.
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR
work=$(mktemp -d "${TMPDIR:-/tmp}/etalase-test-time.XXXXXX")
echo "revision commit wall_s compile_s max_rss_mb   (work folder: $work)"

for rev in "$@"; do
  commit=$(git rev-parse --verify "$rev^{commit}")
  clone="$work/${commit:0:12}"
  git clone --quiet --no-checkout "$repo" "$clone"
  git -C "$clone" -c advice.detachedHead=false checkout --quiet "$commit"
  cd "$clone"
  cargo fetch --locked --quiet
  status=0
  /usr/bin/time -v -o time.log cargo test --locked >test.log 2>&1 || status=$?
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' time.log |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')
  # Cargo's own "Finished `test` profile ... in 13m 31s" (or "in 45.20s"): the compile and link.
  compile=$(sed -n 's/.*Finished `test` profile.* in //p' test.log | head -1 |
    awk '{ s = 0; for (i = 1; i <= NF; i++) { v = $i + 0; if ($i ~ /m$/) s += v * 60; else s += v } printf "%.1f", s }')
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' time.log)
  cd "$repo"
  if [ "$status" -eq 0 ]; then
    echo "$rev ${commit:0:12} $wall $compile $rss"
    rm -rf "$clone" # gigabytes of build output, of no further use
  else
    echo "$rev ${commit:0:12} $wall $compile $rss FAILED (see $clone/test.log)"
  fi
done
rmdir "$work" 2>/dev/null || true
