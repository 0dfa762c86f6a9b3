#!/usr/bin/env bash
# What the shopping feeds cost the build: times `etalase build` of this commit against the same
# commit with the two feed writes taken out (an ablation built from a copy of the source), on a
# synthetic catalogue of 1,000 producers and 10,000 products with one photo each (a product
# without a photo is left out of the feeds, so the photo-less scale catalogue would list none).
# Runs alternate between the two binaries so that noise falls on both alike; photos come from
# the catalogue's cache after the first build, as in an editor's rebuild.
#
# Usage: bench/feeds-cost.sh
# Environment:
#   RUNS=5            timed runs of each binary
#   PRODUCERS=1000    producers in the synthetic catalogue
#   PRODUCTS=10000    products in the synthetic catalogue
#   PHOTO_SIZE=400x300  the size of the synthetic photos (small: only their presence matters)
#   BENCH_DIR=...     work folder (default: ${TMPDIR:-/tmp}/etalase-feeds-bench)
set -euo pipefail

RUNS="${RUNS:-5}"
PRODUCERS="${PRODUCERS:-1000}"
PRODUCTS="${PRODUCTS:-10000}"
PHOTO_SIZE="${PHOTO_SIZE:-400x300}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/etalase-feeds-bench}"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$REPO/target}"
CAT="$BENCH_DIR/catalogue-${PRODUCERS}x${PRODUCTS}-photos"

die() {
    echo "feeds-cost: $*" >&2
    exit 1
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# This commit's source (as committed: work in progress is left out) in `$1`; with `ablate`,
# the Google and Meta feeds are taken out of the lists each language writes (`render::LISTS`).
unpack_source() {
    local dir="$1" ablate="${2:-}"
    rm -rf "$dir"
    mkdir -p "$dir"
    # -m: the files get the time of unpacking, so cargo sees them as changed and rebuilds.
    git -C "$REPO" archive HEAD | tar -x -m -C "$dir"
    [[ "$ablate" == ablate ]] || return 0
    python3 - "$dir/src/render/mod.rs" <<'EOF'
import sys
path = sys.argv[1]
text = open(path).read()
feeds = "    List::Google,\n    List::Meta,\n"
if text.count(feeds) != 1:
    sys.exit(f"feeds-cost: expected the feeds once in the LISTS of {path}")
open(path, "w").write(text.replace(feeds, "").replace("const LISTS: [List; 5]", "const LISTS: [List; 3]"))
EOF
}

# Builds the source in `$1` in the target folder `$2` and copies its binary to `$3`. Each
# source needs a target folder of its own: cargo keys its builds by package, not by folder, so
# in a shared one it would take the ablation for the build it already has.
build_binary() {
    (cd "$1" && CARGO_TARGET_DIR="$2" cargo build --release --locked --bin etalase)
    cp "$2/release/etalase" "$3"
}

build_binaries() {
    echo "== building this commit, the ablation and the generator (release)"
    unpack_source "$BENCH_DIR/source-with-feeds"
    unpack_source "$BENCH_DIR/source-without-feeds" ablate
    build_binary "$BENCH_DIR/source-with-feeds" "$TARGET" "$BENCH_DIR/etalase-with-feeds"
    # The ablation's folder starts as a copy of the main one: its dependencies are already built.
    [[ -d "$BENCH_DIR/target-ablation" ]] || cp -a "$TARGET" "$BENCH_DIR/target-ablation"
    # Its record of the etalase crate names the other source's files: forget it.
    rm -rf "$BENCH_DIR/target-ablation/release/.fingerprint/etalase-"*
    build_binary "$BENCH_DIR/source-without-feeds" "$BENCH_DIR/target-ablation" "$BENCH_DIR/etalase-without-feeds"
    cmp -s "$BENCH_DIR/etalase-with-feeds" "$BENCH_DIR/etalase-without-feeds" && die "the two binaries are the same"
    (cd "$BENCH_DIR/source-with-feeds" && CARGO_TARGET_DIR="$TARGET" cargo build --release --locked --example synth-catalogue)
}

ensure_catalogue() {
    local wanted="producers=$PRODUCERS products=$PRODUCTS photos=1 size=$PHOTO_SIZE generator=$(sha256sum "$REPO/bench/synth_catalogue.rs" | cut -d' ' -f1)"
    if [[ -d "$CAT" && "$(cat "$CAT.args" 2>/dev/null)" == "$wanted" ]]; then
        echo "== reusing catalogue $CAT"
        return
    fi
    echo "== generating catalogue $CAT"
    rm -rf "$CAT"
    "$TARGET/release/examples/synth-catalogue" --producers "$PRODUCERS" --products "$PRODUCTS" \
        --photos-per-product 1 --photo-size "$PHOTO_SIZE" --out "$CAT"
    echo "$wanted" >"$CAT.args"
}

timed() {
    local binary="$1" out="$2"
    /usr/bin/time -f '%e' -o "$BENCH_DIR/time.txt" "$binary" build --root "$CAT" --output "$out" >"$BENCH_DIR/build.log" 2>&1 ||
        { tail -n 20 "$BENCH_DIR/build.log" >&2; die "build failed: $binary"; }
    tail -n 1 "$BENCH_DIR/time.txt"
}

main() {
    mkdir -p "$BENCH_DIR"
    build_binaries
    ensure_catalogue
    local with="$BENCH_DIR/etalase-with-feeds" without="$BENCH_DIR/etalase-without-feeds"
    echo "== first build (processes the photos into the cache; not timed)"
    "$with" build --root "$CAT" --output "$BENCH_DIR/site-with" >/dev/null 2>&1 || die "first build failed"
    "$without" build --root "$CAT" --output "$BENCH_DIR/site-without" >/dev/null 2>&1 || die "first build failed"
    [[ -f "$BENCH_DIR/site-with/id/feeds/google.xml" ]] || die "this commit wrote no feed"
    [[ ! -e "$BENCH_DIR/site-without/id/feeds/google.xml" ]] || die "the ablation still writes feeds"
    local listed
    listed="$(grep -c '<item>' "$BENCH_DIR/site-with/id/feeds/google.xml")"
    : >"$BENCH_DIR/with.txt"
    : >"$BENCH_DIR/without.txt"
    echo "== $RUNS rebuilds of each, alternating"
    for i in $(seq 1 "$RUNS"); do
        timed "$without" "$BENCH_DIR/site-without" | tee -a "$BENCH_DIR/without.txt" | sed 's/^/   without feeds: /'
        timed "$with" "$BENCH_DIR/site-with" | tee -a "$BENCH_DIR/with.txt" | sed 's/^/   with feeds:    /'
    done
    local a b
    a="$(median <"$BENCH_DIR/without.txt")"
    b="$(median <"$BENCH_DIR/with.txt")"
    echo
    echo "== $PRODUCERS producers, $PRODUCTS products ($listed listed in each feed), $RUNS runs each; nproc=$(nproc)"
    echo "without feeds: median $a s"
    echo "with feeds:    median $b s"
    awk -v a="$a" -v b="$b" 'BEGIN { printf "the feeds add:  %.1f %%\n", (b - a) / a * 100 }'
    du -k "$BENCH_DIR/site-with/id/feeds/"* | awk '{ printf "   %s: %d KB\n", $2, $1 }'
}

main "$@"
