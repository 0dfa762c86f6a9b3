#!/usr/bin/env bash
# Pagefind on our synthetic catalogues: bytes a browser fetches and time per
# keystroke for search and filter on product pages, to compare with a compact
# JSON index of our own. Prints Markdown tables.
#
# Usage: bench/pagefind-compare.sh
#
# What it does, from scratch, in $BENCH_DIR:
#  1. builds etalase and the synthetic-catalogue generator (release);
#  2. installs Pagefind from the npm registry into $BENCH_DIR/npm (the package
#     brings its platform binary, @pagefind/linux-x64); if npm fails it tries
#     `cargo install pagefind --locked` instead;
#  3. generates two catalogues without photos (30 producers / 300 products and
#     1,000 / 10,000) and builds each site;
#  4. copies the product pages (/{id,en}/products/<slug>/index.html) of each
#     site, marks them (filters "category" and "certification", what goes in
#     the index: see VARIANTS) and runs
#     `pagefind --site COPY --glob "{id,en}/products/*/index.html"`;
#  5. serves each copy on 127.0.0.1 and opens a test page in headless Chromium
#     (DevTools protocol over a pipe, as bench/page-weight.py does), once per
#     run in a new browser context (empty cache). The page imports
#     /pagefind/pagefind.js (the JS API, not the UI), calls
#     pagefind.options({}) and searches "b", "ba", "bat", "batik" (typing),
#     "onde", "keripik" and the category "Batik" (a filter, no text), then
#     types b…batik again ("warm": the chunks are in memory by then). After
#     each search it calls data() on the first 20 results (one fragment each),
#     as a result list would;
#  6. prints the bytes fetched (per step, from the server's log: Pagefind runs
#     in a web worker by default, and the page's Resource Timing does not see
#     a worker's fetches), the medians of the times and the index size on disk
#     per language.
#
# Times are wall-clock in a browser on this machine: another busy process
# inflates them (the Checks section gives the load average around each case).
# Bytes do not depend on that. About 10 minutes on 2 cores, most of it the
# release build and the 10,000-product site.
#
# Environment (all optional):
#   BENCH_DIR=${TMPDIR:-/tmp}/pagefind-compare  work folder, emptied first
#                     (it must be missing, empty or made by this script)
#   PAGEFIND_VERSION=1.6.0   npm version to install
#   RUNS=5            browser runs per case (timings are their medians)
#   CATALOGUES="30:300 1000:10000"   producers:products of each catalogue
#   VARIANTS="main card"  what Pagefind indexes on a product page:
#                     body = Pagefind's default, the whole <body> (header
#                     navigation and footer too); main = <main> (name,
#                     category, producer, price, facts, description, tags);
#                     card = the info block and the tags only (name, category,
#                     producer, price, facts, tags: no description)
#   MODES="worker main"   worker = Pagefind's default (pagefind.js starts
#                     pagefind-worker.js); main = options({noWorker: true})
#   LANGS="id en"     languages of the test page (<html lang>)
#   SKIP_BUILD=0      1: use the binaries already built
#   PREBUILT=""       "products:SITE ..." sites already built from the
#                     generator's catalogue of that many products (its
#                     default seed), used instead of generating and building
#                     them again: a 100,000-product site takes minutes and
#                     2.7 GB to build, e.g. PREBUILT="100000:/tmp/syn100k-site"
#   CHROMIUM=/usr/bin/chromium
#
# Needs: cargo, node/npm, Python 3 (standard library), gzip, Chromium.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pagefind-compare}"
PAGEFIND_VERSION="${PAGEFIND_VERSION:-1.6.0}"
RUNS="${RUNS:-5}"
CATALOGUES="${CATALOGUES:-30:300 1000:10000}"
VARIANTS="${VARIANTS:-main card}"
MODES="${MODES:-worker main}"
LANGS="${LANGS:-id en}"
SKIP_BUILD="${SKIP_BUILD:-0}"
PREBUILT="${PREBUILT:-}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
TARGET="${CARGO_TARGET_DIR:-$REPO/target}/release"
ETALASE="$TARGET/etalase"
GENERATOR="$TARGET/examples/synth-catalogue"

die() {
    echo "pagefind-compare: $*" >&2
    exit 1
}

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ -x "$CHROMIUM" ]] || die "no Chromium at $CHROMIUM (apt-get install chromium)"
command -v npm >/dev/null || command -v cargo >/dev/null || die "need npm (or cargo) to install Pagefind"
for v in $VARIANTS; do [[ "$v" =~ ^(body|main|card)$ ]] || die "unknown variant '$v' in VARIANTS"; done
for m in $MODES; do [[ "$m" =~ ^(worker|main)$ ]] || die "unknown mode '$m' in MODES"; done

# The work folder is ours alone: refuse one that holds anything else.
if [[ -e "$BENCH_DIR" ]]; then
    if [[ -n "$(ls -A "$BENCH_DIR")" && ! -f "$BENCH_DIR/.pagefind-compare" ]]; then
        die "$BENCH_DIR exists and was not made by this script; set BENCH_DIR to another folder"
    fi
    rm -rf "${BENCH_DIR:?}"
fi
mkdir -p "$BENCH_DIR/tools"
touch "$BENCH_DIR/.pagefind-compare"
TOOLS="$BENCH_DIR/tools"

# --- helper programs ----------------------------------------------------------

cat >"$TOOLS/prepare.py" <<'PYTHON'
"""Copies the product pages of a built etalase site and marks them for Pagefind.

Usage: prepare.py SITE COPY VARIANT   (VARIANT: body, main or card)

Every copy gets two filters: category (on the category link above the name)
and certification (one value per certification badge, named by its kind: sni,
hki, merek, halal, pirt, bpom). The photo gallery (here a "no photo yet"
placeholder), the WhatsApp and Share buttons and the QR code get
data-pagefind-ignore="all".
  body  nothing else: Pagefind indexes the whole <body> (its default), the
        header navigation and the footer included;
  main  data-pagefind-body on <main>: name, category, producer, price, facts,
        description and tags (the breadcrumbs ignored);
  card  data-pagefind-body on the product's info block and on its tags: name,
        category, producer, price, facts (minimum order, curation,
        certifications) and tags, no description.
"""
import os
import re
import sys

site, copy, variant = sys.argv[1:4]
IGNORE = ' data-pagefind-ignore="all"'


def sub(pattern, replacement, text, source, required=True):
    new, count = re.subn(pattern, replacement, text)
    if required and count == 0:
        sys.exit(f"prepare: {source}: nothing matches {pattern!r} (did the product template change?)")
    return new


count = 0
for lang in ("id", "en"):
    products = os.path.join(site, lang, "products")
    for slug in sorted(os.listdir(products)):
        source = os.path.join(products, slug, "index.html")
        if not os.path.isfile(source):
            continue
        html = open(source, encoding="utf-8").read()
        html = sub(r'(<p class="eyebrow"><a) ', r'\1 data-pagefind-filter="category" ', html, source)
        html = sub(
            r'<li class="badge badge-(sni|hki|merek|halal|pirt|bpom)">',
            r'<li class="badge badge-\1" data-pagefind-filter="certification:\1">',
            html, source, required=False,
        )
        html = sub(r'<div class="product-gallery">', f'<div class="product-gallery"{IGNORE}>', html, source)
        html = sub(r'<p class="inquiry">', f'<p class="inquiry"{IGNORE}>', html, source, required=False)
        html = sub(r'<p class="share">', f'<p class="share"{IGNORE}>', html, source)
        html = sub(r'<figure class="qr">', f'<figure class="qr"{IGNORE}>', html, source)
        if variant == "main":
            html = sub(r'<main id="main" class="wrap">', '<main id="main" class="wrap" data-pagefind-body>', html, source)
            html = sub(r'<nav class="breadcrumbs"', f'<nav class="breadcrumbs"{IGNORE}', html, source)
        elif variant == "card":
            html = sub(r'<div class="product-info">', '<div class="product-info" data-pagefind-body>', html, source)
            html = sub(
                r'<section aria-labelledby="tags-heading">',
                '<section aria-labelledby="tags-heading" data-pagefind-body>',
                html, source, required=False,
            )
        target = os.path.join(copy, lang, "products", slug)
        os.makedirs(target, exist_ok=True)
        with open(os.path.join(target, "index.html"), "w", encoding="utf-8") as out:
            out.write(html)
        count += 1
print(f"prepare: {count} product pages marked ({variant}) in {copy}")
PYTHON

cat >"$TOOLS/measure.py" <<'PYTHON'
"""Measures Pagefind's JS API in headless Chromium for one indexed folder.

Usage: measure.py FOLDER --label L --runs N --langs id,en --modes worker,main
                  --chromium PATH --json OUT

Writes a test page per language into FOLDER/pagefind-bench/, serves FOLDER on
127.0.0.1 with a logging http.server and, per run, opens the page in a new
browser context (empty HTTP cache) of one headless Chromium. The page fetches
/__mark/<step> after every step, so the server's log splits into steps;
every response's status, header bytes and body bytes are logged. python's
http.server sends no Content-Encoding, so a body is the file on disk.
"""
import argparse
import fcntl
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
]
TYPING = ["b", "ba", "bat", "batik"]

PAGE = """<!DOCTYPE html>
<html lang="%(lang)s">
<head><meta charset="utf-8"><title>pagefind bench</title><link rel="icon" href="data:,"></head>
<body>
<pre id="out">running</pre>
<script type="module">
const mark = (name) => fetch("/__mark/" + encodeURIComponent(name), { cache: "no-store" });
const now = () => performance.now();
const params = new URLSearchParams(location.search);
window.benchResult = (async () => {
  performance.setResourceTimingBufferSize(100000);
  const out = { steps: [] };
  await mark("start");
  const t = now();
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options(params.get("worker") === "0" ? { noWorker: true } : {});
  out.import_ms = now() - t;
  await mark("import");
  async function step(label, term, options) {
    const a = now();
    const search = await pagefind.search(term, options);
    const b = now();
    const data = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    const c = now();
    out.steps.push({
      label, search_ms: b - a, data_ms: c - b, results: search.results.length,
      shown: data.length, names: data.slice(0, 3).map((d) => d.meta.title),
    });
    await mark(label);
  }
  for (const q of %(typing)s) await step("type:" + q, q);
  await step("onde", "onde");
  await step("keripik", "keripik");
  await step("filter", null, { filters: { category: "Batik" } });
  for (const q of %(typing)s) await step("warm:" + q, q);
  out.resources = performance.getEntriesByType("resource").map((e) => ({
    path: new URL(e.name).pathname, transferSize: e.transferSize,
    encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize,
  }));
  document.getElementById("out").textContent = JSON.stringify(out, null, 1);
  return out;
})().catch((e) => ({ error: String((e && e.stack) || e) }));
</script>
</body>
</html>
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
    }

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = urllib.parse.unquote(self.path.split("?", 1)[0])
        self.header_bytes = 0
        self.body_bytes = 0
        log = self.server.bench_log
        if path.startswith("/__mark/"):
            with log["lock"]:
                log["phase"] = path[len("/__mark/"):]
            self.send_response(204)
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return
        # The step is the one under way when the request arrives: once the body
        # is sent, the page may already have moved on to the next step.
        with log["lock"]:
            phase = log["phase"]
        super().do_GET()
        with log["lock"]:
            log["rows"].append({"phase": phase, "path": path, "status": self.status,
                                "headers": self.header_bytes, "body": self.body_bytes})

    def send_response(self, code, message=None):
        self.status = code
        super().send_response(code, message)

    def end_headers(self):
        self.header_bytes = sum(len(h) for h in getattr(self, "_headers_buffer", [])) + 2
        super().end_headers()

    def copyfile(self, source, outputfile):
        while chunk := source.read(65536):
            outputfile.write(chunk)
            self.body_bytes += len(chunk)


class Browser:
    """Chromium with --remote-debugging-pipe: JSON messages separated by NUL
    bytes, commands on the child's fd 3, answers on its fd 4."""

    def __init__(self, chromium, user_data_dir, log):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # The child's ends above 10, so that bash's 3<& and 4>& cannot clobber them.
        a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
        b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_child_r)
        os.close(from_child_w)
        args = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={user_data_dir}", "about:blank"]
        self.proc = subprocess.Popen(
            ["/bin/bash", "-c", f'exec "$@" 3<&{a} 4>&{b} {a}<&- {b}>&-', "bash", *args],
            pass_fds=(a, b), stdin=subprocess.DEVNULL, stdout=log, stderr=log,
        )
        os.close(a)
        os.close(b)
        self.next_id = 0
        self.waiting = {}
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        while True:
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                for slot in list(self.waiting.values()):
                    slot["done"].set()
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                slot = self.waiting.get(message.get("id"))
                if slot:
                    slot["reply"] = message
                    slot["done"].set()

    def send(self, method, params=None, session=None, timeout=60):
        with self.lock:
            self.next_id += 1
            ident = self.next_id
            slot = {"done": threading.Event(), "reply": None}
            self.waiting[ident] = slot
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        if not slot["done"].wait(timeout):
            raise RuntimeError(f"no answer from Chromium to {method} within {timeout} s")
        reply = slot["reply"]
        if reply is None:
            raise RuntimeError(f"Chromium exited before answering {method}")
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except RuntimeError:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_child)


def run_page(browser, url, timeout=180):
    """Opens url in a new browser context and returns the page's result."""
    context = browser.send("Target.createBrowserContext", {"disposeOnDetach": True})["browserContextId"]
    target = browser.send("Target.createTarget", {"url": "about:blank", "browserContextId": context})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    browser.send("Page.navigate", {"url": url}, session)
    deadline = time.monotonic() + 30
    while browser.send("Runtime.evaluate", {"expression": "typeof window.benchResult", "returnByValue": True},
                       session)["result"].get("value") != "object":
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url}: the test page did not start")
        time.sleep(0.05)
    value = browser.send(
        "Runtime.evaluate",
        {"expression": "window.benchResult.then(r => JSON.stringify(r))", "awaitPromise": True, "returnByValue": True},
        session, timeout=timeout,
    )["result"]["value"]
    browser.send("Target.closeTarget", {"targetId": target})
    browser.send("Target.disposeBrowserContext", {"browserContextId": context})
    result = json.loads(value)
    if "error" in result:
        raise RuntimeError(f"{url}: {result['error']}")
    return result


@functools.lru_cache(maxsize=None)
def gzip9(path):
    return len(subprocess.run(["gzip", "-9", "-n", "-c", path], capture_output=True, check=True).stdout)


def kind(path):
    name = os.path.basename(path)
    for suffix, label in ((".js", "js"), (".pagefind", "wasm"), (".pf_meta", "meta"), (".json", "meta"),
                          (".pf_index", "index"), (".pf_filter", "filter"), (".pf_fragment", "fragment")):
        if name.endswith(suffix):
            return label
    return "other"


def disk_sizes(bundle, lang):
    """Per kind of file of one language: count, bytes on disk, bytes gunzipped."""
    groups = {
        "wasm": [os.path.join(bundle, f"wasm.{lang}.pagefind")],
        "meta": [os.path.join(bundle, f) for f in os.listdir(bundle) if f.startswith(f"pagefind.{lang}_")],
    }
    for sub in ("index", "filter", "fragment"):
        folder = os.path.join(bundle, sub)
        groups[sub] = [os.path.join(folder, f) for f in os.listdir(folder) if f.startswith(f"{lang}_")]
    out = {}
    for name, files in groups.items():
        files = [f for f in files if os.path.isfile(f)]
        plain = 0
        for f in files:
            data = open(f, "rb").read()
            plain += len(gzip.decompress(data)) if data[:2] == b"\x1f\x8b" else len(data)
        out[name] = {"files": len(files), "bytes": sum(os.path.getsize(f) for f in files), "gunzipped": plain}
    return out


def summarise(label, mode, lang, runs, root, bundle):
    steps = [s["label"] for s in runs[0]["page"]["steps"]]
    order = ["start", "import"] + steps  # a request logged in phase P belongs to the step after P

    def by_step(rows):
        phases = {}
        for row in rows:
            if row["path"].startswith("/pagefind-bench/") or row["path"] == "/favicon.ico":
                continue
            phases.setdefault(row["phase"], []).append(row)
        out = {order[i + 1]: phases.pop(order[i], []) for i in range(len(order) - 1)}
        return out, [r for rows in phases.values() for r in rows]

    per_run = [by_step(run["rows"]) for run in runs]
    fetched, unattributed = per_run[0]
    # Fragments of one step arrive in any order: compare each step's set of files.
    signatures = {json.dumps({k: sorted((r["path"], r["body"]) for r in v) for k, v in f.items()}, sort_keys=True)
                  for f, _ in per_run}
    differences = []  # (run, step, files only in that run, files only in the first run)
    for i, (f, _) in enumerate(per_run[1:], start=2):
        for step in order[1:]:
            mine = {(r["path"], r["body"]) for r in f[step]}
            first = {(r["path"], r["body"]) for r in fetched[step]}
            if mine != first:
                differences.append({"run": i, "step": step, "only_this_run": sorted(mine - first),
                                    "only_first_run": sorted(first - mine)})
    cumulative, total = {}, {}
    for step in order[1:]:
        for row in fetched[step]:
            disk = os.path.join(root, row["path"].lstrip("/"))
            entry = total.setdefault(kind(row["path"]), {"requests": 0, "body": 0, "headers": 0, "gzip9": 0})
            entry["requests"] += 1
            entry["body"] += row["body"]
            entry["headers"] += row["headers"]
            entry["gzip9"] += gzip9(disk) if os.path.isfile(disk) else 0
        cumulative[step] = json.loads(json.dumps(total))
    timings = []
    for i, step in enumerate(steps):
        search = [run["page"]["steps"][i]["search_ms"] for run in runs]
        data = [run["page"]["steps"][i]["data_ms"] for run in runs]
        both = [a + b for a, b in zip(search, data)]
        timings.append({
            **runs[0]["page"]["steps"][i],
            "search_ms": statistics.median(search), "data_ms": statistics.median(data),
            "total_ms": statistics.median(both), "total_ms_min": min(both), "total_ms_max": max(both),
            "search_ms_all": search, "data_ms_all": data,
            "results_all_runs": sorted({run["page"]["steps"][i]["results"] for run in runs}),
        })
    pagefind_rows = [r for rows in fetched.values() for r in rows]
    resource_total = sum(e["decodedBodySize"] for e in runs[0]["page"]["resources"] if e["path"].startswith("/pagefind/"))
    return {
        "label": label, "mode": mode, "lang": lang, "runs": len(runs),
        "bytes_identical_across_runs": len(signatures) == 1,
        "differences": differences,
        "bad_status": sorted({r["status"] for r in pagefind_rows if r["status"] != 200}),
        "import_ms_median": statistics.median(r["page"]["import_ms"] for r in runs),
        "steps": timings,
        "fetched": fetched,
        "unattributed": unattributed,
        "cumulative": cumulative,
        "resource_timing_decoded_total": resource_total,
        "server_body_total": sum(r["body"] for r in pagefind_rows),
        "resources_main_thread": runs[0]["page"]["resources"],
        "disk": disk_sizes(bundle, lang),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--label", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--langs", default="id,en")
    parser.add_argument("--modes", default="worker,main")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--json", required=True)
    args = parser.parse_args()
    root = os.path.abspath(args.folder)
    bundle = os.path.join(root, "pagefind")
    os.makedirs(os.path.join(root, "pagefind-bench"), exist_ok=True)
    for lang in args.langs.split(","):
        with open(os.path.join(root, "pagefind-bench", f"{lang}.html"), "w") as out:
            out.write(PAGE % {"lang": lang, "typing": json.dumps(TYPING)})

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
    server.bench_log = {"lock": threading.Lock(), "phase": "-", "rows": []}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    work = tempfile.mkdtemp(prefix="pagefind-measure-")
    chromium_log = open(os.path.join(work, "chromium.log"), "wb")
    browser = Browser(args.chromium, os.path.join(work, "profile"), chromium_log)
    report = {"label": args.label, "folder": root, "loadavg_before": os.getloadavg(), "cases": []}
    try:
        for mode in args.modes.split(","):
            for lang in args.langs.split(","):
                url = f"{origin}/pagefind-bench/{lang}.html?worker={'0' if mode == 'main' else '1'}"
                runs = []
                for _ in range(args.runs):
                    with server.bench_log["lock"]:
                        server.bench_log.update(phase="-", rows=[])
                    page = run_page(browser, url)
                    with server.bench_log["lock"]:
                        runs.append({"page": page, "rows": list(server.bench_log["rows"])})
                report["cases"].append(summarise(args.label, mode, lang, runs, root, bundle))
    finally:
        browser.close()
        chromium_log.close()
        server.shutdown()
    report["loadavg_after"] = os.getloadavg()
    with open(args.json, "w") as out:
        json.dump(report, out, indent=1)


if __name__ == "__main__":
    main()
PYTHON

cat >"$TOOLS/report.py" <<'PYTHON'
"""Prints Markdown tables from measure.py's JSON files (and index.tsv)."""
import json
import os
import sys

bench, version, chromium = sys.argv[1:4]
files = sys.argv[4:]
reports = [json.load(open(f)) for f in files]
indexing = {}
for line in open(os.path.join(bench, "index.tsv")):
    label, seconds, words = line.rstrip("\n").split("\t")
    indexing[label] = (seconds, words)


def kb(n):
    return f"{n / 1000:,.1f}"


def part(cum, *kinds, field="body"):
    return sum(cum.get(k, {}).get(field, 0) for k in kinds)


ALL = ("js", "wasm", "meta", "index", "filter", "fragment", "other")
print(f"Pagefind {version}, {chromium}, headless; {os.cpu_count()} CPUs. Bytes in kB (1,000 bytes) of HTTP bodies,")
print("as served without Content-Encoding (= the file on disk; Pagefind's wasm, meta, index, filter and fragment")
print("files are gzip-compressed by Pagefind itself). Response headers not counted.\n")

print("### Bytes fetched\n")
print("| catalogue | index | mode | lang | JS | JS gzip -9 | wasm | first search `b`: meta + index / 20 fragments / total | typing `b`→`batik`: meta + index / fragments / total | requests | total gzip -9 | total after `onde`, `keripik`, filter `Batik` |")
print("|---|---|---|---|---:|---:|---:|---|---|---:|---:|---:|")
for report in reports:
    for case in report["cases"]:
        cum = case["cumulative"]
        first, typed, after = cum["type:b"], cum["type:batik"], cum["filter"]
        print(
            f"| {report['label'].split('-')[0]} | {report['label'].split('-')[1]} | {case['mode']} | {case['lang']} "
            f"| {kb(part(first, 'js'))} | {kb(part(first, 'js', field='gzip9'))} | {kb(part(first, 'wasm'))} "
            f"| {kb(part(first, 'meta', 'index', 'filter'))} / {kb(part(first, 'fragment'))} / **{kb(part(first, *ALL))}** "
            f"| {kb(part(typed, 'meta', 'index', 'filter'))} / {kb(part(typed, 'fragment'))} / **{kb(part(typed, *ALL))}** "
            f"| {part(typed, *ALL, field='requests')} | {kb(part(typed, *ALL, field='gzip9'))} | {kb(part(after, *ALL))} |"
        )

print("\n### Time per keystroke (ms, median of the runs): search call + data() of the first 20 results\n")
print("Cold = first time typed in a new page (the first keystroke includes starting Pagefind: worker, wasm, meta);")
print("warm = the same words typed again later in the same page. `n` = number of results.\n")
print("| catalogue | index | mode | lang | runs | `b` cold | `ba` | `bat` | `batik` | `keripik` | filter | `b` warm | `ba` warm | `bat` warm | `batik` warm | max of keystrokes 2–4 cold (search + data) |")
print("|---|---|---|---|---:|---|---|---|---|---|---|---|---|---|---|---:|")
for report in reports:
    for case in report["cases"]:
        steps = {s["label"]: s for s in case["steps"]}

        def cell(label):
            s = steps[label]
            n = "/".join(str(v) for v in s["results_all_runs"])
            return f"{s['search_ms']:.0f} + {s['data_ms']:.0f} (n={n})"

        worst = max(steps[f"type:{q}"]["total_ms"] for q in ("ba", "bat", "batik"))
        cells = " | ".join(cell(label) for label in (
            "type:b", "type:ba", "type:bat", "type:batik", "keripik", "filter",
            "warm:b", "warm:ba", "warm:bat", "warm:batik"))
        print(f"| {report['label'].split('-')[0]} | {report['label'].split('-')[1]} | {case['mode']} | {case['lang']} | {case['runs']} | {cells} | {worst:.0f} |")

print("\n### Index on disk per language (kB; files in parentheses)\n")
print("| catalogue | index | lang | words (both languages) | indexing time (both languages) | meta | index chunks | filter | fragments | total without wasm | same, gunzipped | wasm (language's own) |")
print("|---|---|---|---:|---:|---:|---|---|---|---:|---:|---:|")
for report in reports:
    seen = set()
    for case in report["cases"]:
        if case["lang"] in seen:
            continue
        seen.add(case["lang"])
        d = case["disk"]
        size = sum(d[k]["bytes"] for k in ("meta", "index", "filter", "fragment"))
        plain = sum(d[k]["gunzipped"] for k in ("meta", "index", "filter", "fragment"))
        seconds, words = indexing[report["label"]]
        print(
            f"| {report['label'].split('-')[0]} | {report['label'].split('-')[1]} | {case['lang']} | {words} | {seconds} s "
            f"| {kb(d['meta']['bytes'])} | {kb(d['index']['bytes'])} ({d['index']['files']}) "
            f"| {kb(d['filter']['bytes'])} ({d['filter']['files']}) | {kb(d['fragment']['bytes'])} ({d['fragment']['files']}) "
            f"| **{kb(size)}** | {kb(plain)} | {kb(d['wasm']['bytes'])} |"
        )

print("\n### Checks\n")
for report in reports:
    la = report["loadavg_before"][0], report["loadavg_after"][0]
    for case in report["cases"]:
        notes = []
        if not case["bytes_identical_across_runs"]:
            notes.append("the files fetched differ between runs: " + "; ".join(
                f"run {d['run']}, step {d['step']}: {len(d['only_this_run'])} files only in it, "
                f"{len(d['only_first_run'])} only in run 1" for d in case["differences"][:3]))
        if case["bad_status"]:
            notes.append(f"statuses other than 200: {case['bad_status']}")
        if case["unattributed"]:
            notes.append(f"{len(case['unattributed'])} requests outside any step")
        if case["mode"] == "main" and case["resource_timing_decoded_total"] != case["server_body_total"]:
            notes.append(f"Resource Timing decodedBodySize {case['resource_timing_decoded_total']} ≠ server log {case['server_body_total']}")
        elif case["mode"] == "main":
            notes.append(f"Resource Timing decodedBodySize total = server log ({case['server_body_total']:,} bytes)")
        print(f"- {report['label']} {case['mode']} {case['lang']}: " + ("; ".join(notes) or "ok") + f" (load average {la[0]:.1f} before, {la[1]:.1f} after)")
PYTHON

# --- 1. build ---------------------------------------------------------------------

if [[ "$SKIP_BUILD" != 1 ]]; then
    echo "== building etalase and the generator (release)" >&2
    (cd "$REPO" && cargo build --release && cargo build --release --example synth-catalogue) >&2
fi
[[ -x "$ETALASE" && -x "$GENERATOR" ]] || die "no $ETALASE or $GENERATOR (build them, or unset SKIP_BUILD)"

# --- 2. Pagefind --------------------------------------------------------------------

echo "== installing pagefind@$PAGEFIND_VERSION from the npm registry" >&2
PAGEFIND=""
if command -v npm >/dev/null &&
    mkdir -p "$BENCH_DIR/npm" &&
    (cd "$BENCH_DIR/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund "pagefind@$PAGEFIND_VERSION") >&2; then
    PAGEFIND="$BENCH_DIR/npm/node_modules/.bin/pagefind"
else
    echo "== npm failed; cargo install pagefind --locked --version $PAGEFIND_VERSION" >&2
    cargo install pagefind --locked --version "$PAGEFIND_VERSION" --root "$BENCH_DIR/cargo" >&2
    PAGEFIND="$BENCH_DIR/cargo/bin/pagefind"
fi
VERSION="$("$PAGEFIND" --version | awk '{ print $NF }')"
echo "== $VERSION" >&2

# --- 3. catalogues, sites, indexes, measurements --------------------------------------

: >"$BENCH_DIR/index.tsv"
JSONS=()
for spec in $CATALOGUES; do
    producers="${spec%%:*}"
    products="${spec##*:}"
    [[ "$producers" =~ ^[1-9][0-9]*$ && "$products" =~ ^[1-9][0-9]*$ ]] || die "bad catalogue '$spec' (want producers:products)"
    cat="$BENCH_DIR/catalogue-$products"
    site="$BENCH_DIR/site-$products"
    for built in $PREBUILT; do
        [[ "${built%%:*}" == "$products" ]] && site="${built#*:}"
    done
    if [[ "$site" != "$BENCH_DIR/site-$products" ]]; then
        [[ -d "$site/id/products" ]] || die "PREBUILT: no built site at $site"
        echo "== catalogue of $products products: the site already built at $site" >&2
    else
        echo "== catalogue $producers producers / $products products, site" >&2
        "$GENERATOR" --producers "$producers" --products "$products" --out "$cat" >&2
        "$ETALASE" build --root "$cat" --output "$site" >"$BENCH_DIR/build-$products.log" 2>&1 ||
            die "etalase build failed; see $BENCH_DIR/build-$products.log"
    fi
    for variant in $VARIANTS; do
        copy="$BENCH_DIR/pagefind-$products-$variant"
        python3 "$TOOLS/prepare.py" "$site" "$copy" "$variant" >&2
        start=$(date +%s.%N)
        "$PAGEFIND" --site "$copy" --glob "{id,en}/products/*/index.html" >"$copy.index.log" 2>&1 ||
            die "pagefind failed; see $copy.index.log"
        seconds=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }')
        words=$(sed -n 's/.*Indexed \([0-9]*\) words.*/\1/p' "$copy.index.log" | tail -n 1)
        printf '%s\t%s\t%s\n' "$products-$variant" "$seconds" "$words" >>"$BENCH_DIR/index.tsv"
        echo "== measuring $products-$variant ($RUNS runs per mode and language)" >&2
        python3 "$TOOLS/measure.py" "$copy" --label "$products-$variant" --runs "$RUNS" \
            --langs "${LANGS// /,}" --modes "${MODES// /,}" --chromium "$CHROMIUM" \
            --json "$BENCH_DIR/result-$products-$variant.json"
        JSONS+=("$BENCH_DIR/result-$products-$variant.json")
    done
done

# --- 4. report ----------------------------------------------------------------------

CHROMIUM_VERSION="$("$CHROMIUM" --version 2>/dev/null | awk '{ print $1, $2 }')"
python3 "$TOOLS/report.py" "$BENCH_DIR" "$VERSION" "$CHROMIUM_VERSION" "${JSONS[@]}" | tee "$BENCH_DIR/rows.md"
echo >&2
echo "== tables saved in $BENCH_DIR/rows.md; every request and timing in $BENCH_DIR/result-*.json" >&2
