#!/bin/sh
# The largest brochure page, shopping feed file and sitemap file of a built site, with their
# counts, for docs/benchmarks.md ("Brochure, feeds and sitemap at 100,000 products").
# Usage: bench/largest-files.sh OUTPUT_FOLDER
set -eu
out=${1:?usage: bench/largest-files.sh OUTPUT_FOLDER}
largest() { sort -n | tail -1; }
echo "largest brochure page: $(find "$out" -path '*brochure*' -name index.html -printf '%s %P\n' | largest)"
echo "brochure pages: $(find "$out" -path '*brochure*' -name index.html | wc -l)"
echo "largest shopping feed file: $(find "$out" -path '*/feeds/*' -type f -printf '%s %P\n' | largest)"
echo "shopping feed files: $(find "$out" -path '*/feeds/*' -type f | wc -l)"
echo "largest atom.xml: $(find "$out" -name atom.xml -printf '%s %P\n' | largest)"
echo "largest sitemap file: $(find "$out" -maxdepth 1 -name 'sitemap*.xml' -printf '%s %P\n' | largest)"
echo "sitemap files: $(find "$out" -maxdepth 1 -name 'sitemap*.xml' | wc -l)"
echo "most URLs in one sitemap file: $(for f in "$out"/sitemap*.xml; do grep -c '<loc>' "$f"; done | largest)"
