#!/usr/bin/env bash
# What a built site is made of: files and bytes by kind of output (product pages, their QR
# codes, list pages, ...), and the size of a products list page. Bytes are the same on every
# machine, so one build tells; the table of docs/benchmarks.md "Bytes written at 10,000
# products" comes from this.
#
# Usage: bench/bytes-by-kind.sh SITE_FOLDER
#   e.g. after
#   cargo run --example synth-catalogue -- --producers 1000 --products 10000 \
#       --photos-per-product 0 --out /tmp/syn10k
#   target/debug/etalase build --root /tmp/syn10k --output /tmp/syn10k-site
#   bench/bytes-by-kind.sh /tmp/syn10k-site
set -euo pipefail
site=${1:?usage: bench/bytes-by-kind.sh SITE_FOLDER}
cd "$site"
find . -type f -printf '%s %p\n' | awk '
{ path = $2; kind = "feeds, sitemap, search index, first list pages and the rest" }
path ~ /\/products\/page\//                                  { kind = "products list pages 2..." }
path ~ /\/products\/[^\/]+\/index\.html$/ && path !~ /\/page\// { kind = "product pages" }
path ~ /\/products\/[^\/]+\/qr\.svg$/                        { kind = "product QR codes (qr.svg)" }
path ~ /\/tags\//                                            { kind = "tag pages" }
path ~ /\/producers\//                                       { kind = "producer pages" }
path ~ /\/categories\//                                      { kind = "category pages" }
path ~ /\/brochure\//                                        { kind = "brochure (page and cover code)" }
{ bytes[kind] += $1; files[kind]++; all += $1; count++ }
END {
  for (kind in bytes) printf "%-62s %7d files %12.0f B\n", kind, files[kind], bytes[kind]
  printf "%-62s %7d files %12.0f B\n", "all", count, all
}' | sort -k1,1
for page in id/products/index.html id/products/page/2/index.html; do
  [ -f "$page" ] && printf "%-62s %12d B\n" "$page" "$(stat -c %s "$page")"
done
