#!/usr/bin/env bash
# Two etalase binaries on the same photo catalogue, runs alternating (issue 21): how many
# cores the cold photo stage keeps busy, with the photos in the page cache and read from
# disk, and how long a warm build takes into a new output folder against a rebuild into the
# existing one, with the output on this disk and on tmpfs. Prints, per scenario and binary,
# the median wall time, user and sys CPU seconds and CPU ÷ wall.
#
# Usage: BEFORE=path/to/etalase AFTER=path/to/etalase bench/photos-cores.sh
# Environment (all optional but BEFORE and AFTER):
#   PRODUCTS=60 PHOTOS=3 SIZE=3000x2250   the synthetic catalogue (5 products per producer)
#   RUNS_COLD=3 RUNS_WARM=5               timed runs of each binary per scenario
#   FROM_DISK=1                           also the cold case with the page cache dropped
#                                         before each run (needs root; 0 to skip)
#   BENCH_DIR=/var/tmp/etalase-cores      catalogue and disk outputs (on a real disk)
#   TMPFS_DIR=/dev/shm/etalase-cores      outputs on tmpfs
# Nothing is deleted until every timed run is over (deletions slow this disk's file
# creation); both folders are removed at the end except the catalogue.
set -euo pipefail

PRODUCTS="${PRODUCTS:-60}"
PHOTOS="${PHOTOS:-3}"
SIZE="${SIZE:-3000x2250}"
RUNS_COLD="${RUNS_COLD:-3}"
RUNS_WARM="${RUNS_WARM:-5}"
FROM_DISK="${FROM_DISK:-1}"
BENCH_DIR="${BENCH_DIR:-/var/tmp/etalase-cores}"
TMPFS_DIR="${TMPFS_DIR:-/dev/shm/etalase-cores}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GENERATOR="${GENERATOR:-$REPO/target/release/examples/synth-catalogue}"

die() {
    echo "photos-cores: $*" >&2
    exit 1
}

[[ -n "${BEFORE:-}" && -x "$BEFORE" ]] || die "BEFORE must name an etalase binary"
[[ -n "${AFTER:-}" && -x "$AFTER" ]] || die "AFTER must name an etalase binary"
[[ -x /usr/bin/time ]] || die "GNU time is missing: apt-get install time"
if [[ "$FROM_DISK" == 1 && "$(id -u)" != 0 ]]; then
    die "FROM_DISK=1 drops the page cache and needs root (or set FROM_DISK=0)"
fi

CAT="$BENCH_DIR/catalogue-${PRODUCTS}x${PHOTOS}-$SIZE"
RUN="$BENCH_DIR/run"
TRASH="$BENCH_DIR/trash"
TIMES="$RUN/times"
mkdir -p "$RUN" "$TRASH" "$TMPFS_DIR"
: >"$TIMES"
cp "$BEFORE" "$RUN/before"
cp "$AFTER" "$RUN/after"

if [[ ! -f "$CAT/catalogue.yaml" ]]; then
    [[ -x "$GENERATOR" ]] || die "no catalogue and no $GENERATOR (cargo build --release --example synth-catalogue)"
    "$GENERATOR" --producers $(((PRODUCTS + 4) / 5)) --products "$PRODUCTS" \
        --photos-per-product "$PHOTOS" --photo-size "$SIZE" --out "$CAT" >/dev/null
fi

n=0
# timed <scenario> <binary name> <output folder>: one build, its times appended to $TIMES.
timed() {
    local scenario="$1" which="$2" out="$3" line
    line="$(/usr/bin/time -f '%e %U %S' "$RUN/$which" build --root "$CAT" --output "$out" 2>&1 >/dev/null | tail -n 1)"
    echo "$scenario $which $line" >>"$TIMES"
    printf '  %-28s %-6s wall %6.2f s  user %6.2f s  sys %5.2f s\n' "$scenario" "$which" $line
}

# Moves the photo cache aside (deleted at the end), so the next build is cold.
cold_cache() {
    n=$((n + 1))
    [[ -d "$CAT/.etalase-cache" ]] && mv "$CAT/.etalase-cache" "$TRASH/cache-$n"
    return 0
}

drop_page_cache() {
    sync
    echo 3 >/proc/sys/vm/drop_caches
}

echo "== cold: no photo cache, new output folder on disk"
for i in $(seq 1 "$RUNS_COLD"); do
    for which in before after; do
        cold_cache
        cat "$CAT"/content/products/*/*.jpg >/dev/null # the photos in the page cache
        timed cold-cached "$which" "$RUN/$which-cold-$i"
    done
done
if [[ "$FROM_DISK" == 1 ]]; then
    echo "== cold, photos read from disk: page cache dropped before each run"
    for i in $(seq 1 "$RUNS_COLD"); do
        for which in before after; do
            cold_cache
            drop_page_cache
            timed cold-disk "$which" "$RUN/$which-disk-$i"
        done
    done
fi

# Fills the cache once more, then the warm cases.
"$RUN/after" build --root "$CAT" --output "$RUN/warm-up" >/dev/null 2>&1
for place in disk tmpfs; do
    dir="$RUN"
    [[ "$place" == tmpfs ]] && dir="$TMPFS_DIR"
    echo "== warm cache, new output folder on $place"
    for i in $(seq 1 "$RUNS_WARM"); do
        for which in before after; do
            timed "fresh-$place" "$which" "$dir/$which-fresh-$i"
        done
    done
    echo "== warm cache, rebuild into the existing output folder on $place"
    for which in before after; do
        "$RUN/$which" build --root "$CAT" --output "$dir/$which-rebuild" >/dev/null 2>&1
        "$RUN/$which" build --root "$CAT" --output "$dir/$which-rebuild" >/dev/null 2>&1
    done
    for i in $(seq 1 "$RUNS_WARM"); do
        for which in before after; do
            timed "rebuild-$place" "$which" "$dir/$which-rebuild"
        done
    done
done

echo
echo "== the two binaries' sites (diff -r of the rebuilt tmpfs outputs)"
if diff -r "$TMPFS_DIR/before-rebuild" "$TMPFS_DIR/after-rebuild" >/dev/null; then
    echo "identical"
else
    echo "DIFFERENT: diff -r $TMPFS_DIR/before-rebuild $TMPFS_DIR/after-rebuild"
fi

echo
echo "== medians ($(nproc) cores; $(find "$CAT/content" -name '*.jpg' | wc -l) photos of $SIZE)"
printf '%-16s %-6s %8s %8s %8s %10s\n' scenario binary wall user sys 'cpu/wall'
awk '{ print $1, $2 }' "$TIMES" | sort -u | while read -r scenario which; do
    awk -v s="$scenario" -v w="$which" '$1 == s && $2 == w { print $3, $4, $5 }' "$TIMES" |
        sort -g | awk -v s="$scenario" -v w="$which" '
            { wall[NR] = $1; user[NR] = $2; sys[NR] = $3 }
            function median(a, n,    b, i, j, t) {
                for (i = 1; i <= n; i++) b[i] = a[i]
                for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
                return (n % 2) ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
            }
            END {
                mw = median(wall, NR); mu = median(user, NR); ms = median(sys, NR)
                printf "%-16s %-6s %8.2f %8.2f %8.2f %10.2f\n", s, w, mw, mu, ms, (mw > 0 ? (mu + ms) / mw : 0)
            }'
done

rm -rf "$TRASH" "$RUN" "$TMPFS_DIR"
