#!/usr/bin/env bash
# PDF benchmark: `etalase pdf` on the 300-product synthetic catalogue (one photo per product).
#
# Generates the catalogue once (kept in $BENCH_DIR), builds it once so the photo cache is
# warm (printing, not photo processing, is what is measured here; bench/run-photos.sh
# measures photos), then times `etalase pdf --lang id` RUNS times and `etalase pdf` (every
# language) once, and prints medians, page counts and file sizes.
#
# Settings (environment): RUNS (3), PRODUCTS (300), PRODUCERS (30), PHOTO_SIZE (2000x1500),
# BENCH_DIR (${TMPDIR:-/tmp}/etalase-bench-pdf). Needs chromium, pdfinfo (poppler-utils) and
# GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PRODUCTS=${PRODUCTS:-300}
PRODUCERS=${PRODUCERS:-30}
PHOTO_SIZE=${PHOTO_SIZE:-2000x1500}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/etalase-bench-pdf}

for tool in chromium pdfinfo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run-pdf.sh needs $tool (apt-get install chromium poppler-utils time)"; exit 2; }
done

cargo build --release --quiet
cargo build --release --quiet --example synth-catalogue
bin=target/release/etalase

cat_dir="$BENCH_DIR/catalogue-${PRODUCERS}x${PRODUCTS}-$PHOTO_SIZE"
if [ ! -f "$cat_dir/catalogue.yaml" ]; then
  rm -rf "$cat_dir"
  mkdir -p "$BENCH_DIR"
  target/release/examples/synth-catalogue --producers "$PRODUCERS" --products "$PRODUCTS" \
    --photos-per-product 1 --photo-size "$PHOTO_SIZE" --out "$cat_dir" >/dev/null
fi
site="$BENCH_DIR/site"

echo "== warming the photo cache (not timed)"
"$bin" build --root "$cat_dir" --output "$site" >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== etalase pdf --lang id, $RUNS runs"
times=()
for run in $(seq "$RUNS"); do
  /usr/bin/time -f '%e %M' -o "$BENCH_DIR/time.txt" "$bin" pdf --root "$cat_dir" --output "$site" --lang id >"$BENCH_DIR/pdf.log" 2>&1 \
    || { tail -20 "$BENCH_DIR/pdf.log"; exit 1; }
  read -r wall rss <"$BENCH_DIR/time.txt"
  echo "  run $run: ${wall} s, etalase peak RSS $((rss / 1024)) MB"
  times+=("$wall")
done
one=$(printf '%s\n' "${times[@]}" | median)

echo "== etalase pdf (every language and selection), once"
/usr/bin/time -f '%e' -o "$BENCH_DIR/time.txt" "$bin" pdf --root "$cat_dir" --output "$site" >"$BENCH_DIR/pdf.log" 2>&1 \
  || { tail -20 "$BENCH_DIR/pdf.log"; exit 1; }
all=$(cat "$BENCH_DIR/time.txt")

for pdf in "$site"/brochure-*.pdf; do
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  size=$(du -m "$pdf" | cut -f1)
  echo "  $(basename "$pdf"): $pages pages, ${size} MB"
done
echo
echo "median etalase pdf --lang id: ${one} s; every brochure: ${all} s"
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo -dirty)
echo "| $(date +%F) | $commit | $PRODUCTS products, photos $PHOTO_SIZE | ${one} | ${all} | nproc=$(nproc), $RUNS runs |"
