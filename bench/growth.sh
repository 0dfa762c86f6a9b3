#!/usr/bin/env bash
# Growth benchmark: how a build's time grows from a small catalogue to a large one (issue 22:
# "no faster than linearly from 10,000 to 100,000"), for one or more etalase binaries.
#
# This machine's timings drift by ±10 % over minutes, so a ratio of runs made at different
# times says little. Here every round builds each catalogue with each binary, one after the
# other, and the medians of the rounds are compared.
#
# Usage: bench/growth.sh SMALL LARGE BINARY [BINARY ...]
#   SMALL, LARGE   catalogue folders, e.g. made by
#                  `cargo run --release --example synth-catalogue -- --producers 1000
#                  --products 10000 --photos-per-product 0 --out DIR`
#   BINARY         etalase binaries to compare (e.g. main and a previous commit)
# Environment:
#   RUNS=3         rounds
#   SITE=...       where each build writes (default: /dev/shm/etalase-growth-site); removed
#                  between builds and at the end
set -euo pipefail

RUNS="${RUNS:-3}"
SITE="${SITE:-/dev/shm/etalase-growth-site}"

die() {
    echo "growth: $*" >&2
    exit 1
}

[[ $# -ge 3 ]] || die "usage: bench/growth.sh SMALL LARGE BINARY [BINARY ...]"
SMALL="$1"
LARGE="$2"
shift 2
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
for dir in "$SMALL" "$LARGE"; do
    [[ -f "$dir/catalogue.yaml" ]] || die "$dir is no catalogue (no catalogue.yaml)"
done
for binary in "$@"; do
    [[ -x "$binary" ]] || die "$binary is not an executable"
done
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
    die "GNU time is required at /usr/bin/time: run 'apt-get install time'"
fi

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

TIMES="$(mktemp)"
trap 'rm -rf "$SITE" "$TIMES"' EXIT

# One build into a fresh $SITE: appends "binary catalogue wall cpu rss_mb" to $TIMES.
timed_build() {
    local n="$1" binary="$2" catalogue="$3" line
    rm -rf "$SITE"
    line="$(/usr/bin/time -f '%e %U %S %M' "$binary" build --root "$catalogue" --output "$SITE" 2>&1 >/dev/null | tail -n 1)"
    read -r wall user sys rss <<<"$line"
    [[ "$wall" =~ ^[0-9.]+$ ]] || die "build of $catalogue with $binary failed: $line"
    local cpu
    cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    echo "$n $catalogue $wall $cpu $((rss / 1024))" >>"$TIMES"
    printf '  binary %d  %-40s %7.2f s wall  %7.2f s CPU  %5d MB\n' "$n" "$catalogue" "$wall" "$cpu" "$((rss / 1024))"
}

for round in $(seq "$RUNS"); do
    echo "== round $round of $RUNS"
    n=0
    for binary in "$@"; do
        n=$((n + 1))
        timed_build "$n" "$binary" "$SMALL"
        timed_build "$n" "$binary" "$LARGE"
    done
done

echo
echo "| binary | small: wall (CPU) | large: wall (CPU) | growth, wall (CPU) |"
echo "| --- | --- | --- | --- |"
n=0
for binary in "$@"; do
    n=$((n + 1))
    pick() { awk -v n="$n" -v c="$1" -v f="$2" '$1 == n && $2 == c { print $f }' "$TIMES" | median; }
    small_wall="$(pick "$SMALL" 3)"
    small_cpu="$(pick "$SMALL" 4)"
    large_wall="$(pick "$LARGE" 3)"
    large_cpu="$(pick "$LARGE" 4)"
    growth="$(awk -v a="$small_wall" -v b="$large_wall" 'BEGIN { printf "%.2f", b / a }')"
    growth_cpu="$(awk -v a="$small_cpu" -v b="$large_cpu" 'BEGIN { printf "%.2f", b / a }')"
    echo "| $binary | $small_wall s ($small_cpu s) | $large_wall s ($large_cpu s) | ×$growth (×$growth_cpu) |"
done
