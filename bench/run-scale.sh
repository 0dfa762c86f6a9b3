#!/usr/bin/env bash
# Scale benchmark: times `etalase build` on a synthetic catalogue of
# 1,000 producers and 10,000 products (no photos) and prints the medians
# plus a Markdown row for docs/benchmarks.md.
#
# Usage: bench/run-scale.sh
# Environment:
#   RUNS=5            timed runs (one extra warm-up run is always discarded)
#   PRODUCERS=1000    producers in the synthetic catalogue
#   PRODUCTS=10000    products in the synthetic catalogue
#   BENCH_DIR=...     work folder for the catalogue and the sites
#                     (default: ${TMPDIR:-/tmp}/etalase-bench; see bench/README.md
#                     on disk versus tmpfs such as /dev/shm)
set -euo pipefail

RUNS="${RUNS:-5}"
PRODUCERS="${PRODUCERS:-1000}"
PRODUCTS="${PRODUCTS:-10000}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/etalase-bench}"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CAT="$BENCH_DIR/catalogue-${PRODUCERS}x${PRODUCTS}"
MARKER="$CAT.args"
SITES="$BENCH_DIR/sites"
OUT="" # the site of the latest run, set by timed_build
TIMES="$BENCH_DIR/times.txt"
LOG="$BENCH_DIR/build.log"
ETALASE="$REPO/target/release/etalase"
GENERATOR="$REPO/target/release/examples/synth-catalogue"

die() {
    echo "run-scale: $*" >&2
    exit 1
}

for var in RUNS PRODUCERS PRODUCTS; do
    [[ "${!var}" =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer (got '${!var}')"
done
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
    die "GNU time is required at /usr/bin/time: run 'apt-get install time'"
fi

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -g | head -n 1; }
maximum() { sort -g | tail -n 1; }

build() {
    echo "== building etalase and the generator (release)"
    (cd "$REPO" && cargo build --release && cargo build --release --example synth-catalogue)
}

# Reuses the catalogue when its marker matches these arguments and this
# generator source; regenerates it otherwise.
ensure_catalogue() {
    local wanted
    wanted="producers=$PRODUCERS products=$PRODUCTS seed=1 photos=0 generator=$(sha256sum "$REPO/bench/synth_catalogue.rs" | cut -d' ' -f1)"
    if [[ -d "$CAT" && -f "$MARKER" && "$(cat "$MARKER")" == "$wanted" ]]; then
        echo "== reusing catalogue $CAT"
        return
    fi
    echo "== generating catalogue $CAT"
    rm -rf "${CAT:?}" "${MARKER:?}"
    mkdir -p "$BENCH_DIR"
    /usr/bin/time -f 'generator: %e s wall, %M KB peak RSS' \
        "$GENERATOR" --producers "$PRODUCERS" --products "$PRODUCTS" --out "$CAT"
    echo "$wanted" >"$MARKER"
}

# One full build into the output folder $SITES/<n>; appends "wall_s rss_kb"
# to $TIMES unless told to discard it. Cold runs use a new folder each time. Nothing is deleted between runs: on
# this machine's disk, creating files soon after deleting many is several
# times slower (see bench/README.md), which would bill one run's clean-up to
# the next.
timed_build() {
    local n="$1" label="$2" keep="$3"
    OUT="$SITES/$n"
    sync # flush the previous run's writes so they are not billed to this one
    if ! /usr/bin/time -f '%e %M' -o "$BENCH_DIR/time.txt" \
        "$ETALASE" build --root "$CAT" --output "$OUT" >"$LOG" 2>&1; then
        echo "run-scale: etalase build failed ($label); last lines of $LOG:" >&2
        tail -n 20 "$LOG" >&2
        exit 1
    fi
    local wall rss
    read -r wall rss < <(tail -n 1 "$BENCH_DIR/time.txt")
    printf '   %-9s %6.2f s  %7.1f MB\n' "$label" "$wall" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
    if [[ "$keep" == keep ]]; then
        echo "$wall $rss" >>"$TIMES"
    fi
}

report() {
    local title="$1"
    local wall_med wall_min wall_max rss_med rss_min rss_max html commit
    wall_med="$(cut -d' ' -f1 "$TIMES" | median)"
    wall_min="$(cut -d' ' -f1 "$TIMES" | minimum)"
    wall_max="$(cut -d' ' -f1 "$TIMES" | maximum)"
    rss_med="$(cut -d' ' -f2 "$TIMES" | median | awk '{ printf "%.0f", $1 / 1024 }')"
    rss_min="$(cut -d' ' -f2 "$TIMES" | minimum | awk '{ printf "%.0f", $1 / 1024 }')"
    rss_max="$(cut -d' ' -f2 "$TIMES" | maximum | awk '{ printf "%.0f", $1 / 1024 }')"
    html="$(find "$OUT" -name '*.html' | wc -l)"
    commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo uncommitted)"
    if [[ "$commit" != uncommitted && -n "$(git -C "$REPO" status --porcelain --untracked-files=no)" ]]; then
        commit="$commit-dirty"
    fi

    echo
    echo "== $title: $PRODUCERS producers, $PRODUCTS products, no photos; $RUNS runs; nproc=$(nproc)"
    echo "wall time:     median $wall_med s (min $wall_min, max $wall_max)"
    echo "peak RSS:      median $rss_med MB (min $rss_min, max $rss_max)   [MB = 1024 KiB]"
    echo "HTML files:    $html"
    echo
    echo "Row for docs/benchmarks.md:"
    echo "| $(date +%F) | $commit | $title | $wall_med | $wall_min–$wall_max | $rss_med | $html | nproc=$(nproc), $RUNS runs, fs=$(stat -f -c %T "$BENCH_DIR") |"
}

main() {
    build
    [[ -x "$ETALASE" ]] || die "no binary at $ETALASE after cargo build"
    ensure_catalogue
    rm -rf "${SITES:?}" # leftovers of a previous invocation
    mkdir -p "$SITES"
    : >"$TIMES"
    echo "== cold builds: etalase build --root $CAT --output $SITES/<n> (a new folder each run)"
    timed_build 0 warm-up discard
    for i in $(seq 1 "$RUNS"); do
        timed_build "$i" "run $i" keep
    done
    report "cold build"
    # Rebuilds: the same output folder every time, as an editor works. The first
    # two builds create the site and the spare folder etalase keeps beside it.
    : >"$TIMES"
    echo
    echo "== rebuilds: etalase build --root $CAT --output $SITES/rebuild (nothing changed)"
    timed_build rebuild warm-up discard
    timed_build rebuild warm-up discard
    for i in $(seq 1 "$RUNS"); do
        timed_build rebuild "run $i" keep
    done
    report "rebuild"
    rm -rf "$SITES/rebuild" "$SITES/.rebuild.spare"
    # Keep only the last site (on tmpfs the sites live in RAM).
    find "$SITES" -mindepth 1 -maxdepth 1 ! -name "$RUNS" -exec rm -rf {} +
    echo "(last site kept in $OUT, its build log in $LOG)"
}

main "$@"
