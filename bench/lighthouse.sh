#!/usr/bin/env bash
# Lighthouse 12 (mobile defaults) against the bundled sample, served the way a host serves it:
# Debian's nginx with `gzip on` and the server block of docs/publishing.md, on 127.0.0.1.
# Runs each page type RUNS times and prints the median of each category, the CLS and the LCP.
#
#   bench/lighthouse.sh                      # debug binary, 3 runs
#   ETALASE=target/release/etalase RUNS=5 bench/lighthouse.sh
#   LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse bench/lighthouse.sh   # an existing install
#
# Needs nginx, chromium (CHROME_PATH, default /usr/bin/chromium), node/npm and python3.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
target=${CARGO_TARGET_DIR:-$repo/target}
etalase=${ETALASE:-$target/debug/etalase}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
work=$(mktemp -d)
# nginx's workers run as another user (www-data), who must be able to read the site.
chmod 755 "$work"
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Lighthouse from npm, into the temporary folder unless one is given.
lighthouse=${LIGHTHOUSE:-}
if [ -z "$lighthouse" ]; then
  npm install --silent --prefix "$work/lh" lighthouse@12 >/dev/null
  lighthouse=$work/lh/node_modules/.bin/lighthouse
fi

[ -x "$etalase" ] || (cd "$repo" && cargo build --locked)
"$etalase" build --root "$repo" --output "$work/site" >/dev/null 2>&1

# nginx on a free port, with the documented server block and compression on.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
block=$(awk '/^```nginx$/ { on = 1; next } /^```$/ { on = 0 } on' "$repo/docs/publishing.md" |
  sed -e "s|    listen 80;|    listen 127.0.0.1:$port;|" -e "s|    root /var/www/katalog;|    root $work/site;|")
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  gzip on;
  gzip_types text/css application/javascript application/json application/xml image/svg+xml text/plain text/csv;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
$block
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/id/" && break
  sleep 0.1
done

base=http://127.0.0.1:$port
pages=(
  "root /"
  "home /id/"
  "products /id/products/"
  "products?q /id/products/?q=batik"
  "category /id/categories/batik/"
  "tag /id/tags/bambu/"
  "product /id/products/batik-cap-mrico-bolong/"
  "product-no-photo /id/products/tudung-saji-bambu/"
  "producer /id/producers/anyaman-tunas-rukun/"
  "free-page /id/tentang/"
  "brochure /en/brochure/"
  "inquiry /id/inquiry/"
  # Lighthouse refuses to audit an answer with the 404 status (ERRORED_DOCUMENT_REQUEST): the
  # page a missing address shows is audited at its own address, where it comes with a 200.
  "404 /404.html"
)
for entry in "${pages[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  for run in $(seq "$runs"); do
    "$lighthouse" "$base$path" --quiet --output=json --output-path="$work/$name.$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1 || true
  done
done

python3 - "$work" "$runs" "${pages[@]}" <<'EOF'
import json, statistics, sys
work, runs, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
print("| page | performance | accessibility | best practices | SEO | CLS | LCP (s) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for entry in pages:
    name, path = entry.split(" ", 1)
    reports = []
    for run in range(1, runs + 1):
        try:
            with open(f"{work}/{name}.{run}.json") as f:
                reports.append(json.load(f))
        except (OSError, ValueError):
            pass
    errors = [r["runtimeError"]["code"] for r in reports if r.get("runtimeError")]
    reports = [r for r in reports if not r.get("runtimeError")]
    if not reports:
        print(f"| {name} `{path}` | failed: {', '.join(errors) or 'no report'} | | | | | |")
        continue
    def median(get):
        values = [v for v in (get(r) for r in reports) if v is not None]
        return statistics.median(values) if values else None
    def score(key):
        value = median(lambda r: r["categories"][key]["score"])
        return "–" if value is None else round(value * 100)
    def audit(key):
        return median(lambda r: r["audits"][key].get("numericValue"))
    cls, lcp = audit("cumulative-layout-shift"), audit("largest-contentful-paint")
    cls = "–" if cls is None else f"{cls:.3f}"
    lcp = "–" if lcp is None else f"{lcp / 1000:.1f}"
    print(f"| {name} `{path}` | {score('performance')} | {score('accessibility')} "
          f"| {score('best-practices')} | {score('seo')} | {cls} | {lcp} |")
EOF
