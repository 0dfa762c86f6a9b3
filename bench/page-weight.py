#!/usr/bin/env python3
"""Page weight: what a phone downloads on the first load of a page.

Usage:
    python3 bench/page-weight.py OUTPUT_DIR PATH [PATH ...] [--budget N[,N...]]
        [--chromium /usr/bin/chromium] [--width 390] [--height 844] [--dpr 3]
        [--settle 1.5] [--timeout 20] [--keep DIR]

Example:
    python3 bench/page-weight.py output /id/products/batik-tulis-surya-majapahit/ /id/ \\
        --budget 150000,250000

For each PATH it serves OUTPUT_DIR on 127.0.0.1 (python's http.server on a free
port), starts Debian's Chromium headless with a new, empty profile, makes it a
phone (390x844 CSS px, device pixel ratio 3, mobile, touch, an Android user
agent) and loads the page once. It then prints every response of the page:
status, type, body bytes, response-header bytes and whether the body equals
the file on disk, and the total, checked against the budget.

How it measures:
- The phone is emulated through the DevTools protocol over a pipe
  (--remote-debugging-pipe; Emulation.setDeviceMetricsOverride with
  mobile=true). Window-size flags alone are not enough: headless Chromium 156
  keeps windows at least 500 CSS px wide, so --window-size=390,844 gives a
  500x701 viewport and srcset picks larger images than a phone would.
- Bytes come from Chromium's NetLog (--log-net-log, capture mode Default),
  written as the browser exits. Per URL request: the response headers
  (HTTP_TRANSACTION_READ_RESPONSE_HEADERS; their size as sent on the wire is
  the lines plus CRLFs) and the body (sum of URL_REQUEST_JOB_FILTERED_BYTES_READ
  byte_count, not counted when the body came from the HTTP cache, e.g. after a
  304). Two cross-checks are printed: the socket bytes received from the
  server (SOCKET_BYTES_RECEIVED on sockets connected to it) must equal
  headers + bodies, and DevTools' encodedDataLength must agree too.
- The page counts as loaded after the load event plus --settle seconds without
  network activity (at most --timeout s). Lazy images are fetched only when
  Chromium's own lazy-loading rules ask for them (a distance from the
  viewport); the effective connection type is forced to 4G
  (--force-effective-connection-type=4G), which sets that distance (1,250 px).
- The budget applies to the total received: response headers plus bodies.
  python's http.server sends no compression and short headers; a production
  server would gzip HTML/CSS/JS (less) and send longer headers (more).

Exit status: 0 when every page is within its budget (or no budget is given),
1 when a page is over it, 2 on errors. Python 3 standard library only.
"""

import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Browser, serve  # noqa: E402

PAGE_WEIGHT_FLAGS = ["--force-effective-connection-type=4G", "--net-log-capture-mode=Default"]


PROBE = """JSON.stringify({
  viewport: [innerWidth, innerHeight], dpr: devicePixelRatio, ua: navigator.userAgent,
  images: Array.from(document.images).map(i => ({
    src: i.currentSrc || i.src, loaded: i.complete && i.naturalWidth > 0,
    lazy: i.loading === 'lazy', shown: [i.width, i.height], natural: [i.naturalWidth, i.naturalHeight]
  }))
})"""


def load_page(browser, url, args):
    """Loads url as a phone; returns (probe result, DevTools request list)."""
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for method, params in [
        ("Network.enable", {}),
        ("Page.enable", {}),
        (
            "Emulation.setDeviceMetricsOverride",
            {
                "width": args.width,
                "height": args.height,
                "deviceScaleFactor": args.dpr,
                "mobile": True,
                "screenWidth": args.width,
                "screenHeight": args.height,
            },
        ),
        ("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5}),
        ("Emulation.setUserAgentOverride", {"userAgent": args.user_agent, "platform": "Android"}),
    ]:
        browser.send(method, params, session)
    requests = {}
    browser.send("Page.navigate", {"url": url}, session)
    started = time.monotonic()
    loaded = False
    last_activity = time.monotonic()
    in_flight = set()
    while True:
        now = time.monotonic()
        if now - started > args.timeout:
            print(f"page-weight: warning: {url} still busy after {args.timeout} s; measuring what arrived", file=sys.stderr)
            break
        if loaded and not in_flight and now - last_activity >= args.settle:
            break
        try:
            event = browser.events.get(timeout=0.1)
        except queue.Empty:
            continue
        if event is None:
            raise RuntimeError("Chromium exited while loading the page")
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Page.loadEventFired":
            loaded = True
            last_activity = time.monotonic()
        elif method == "Network.requestWillBeSent":
            rid = params["requestId"]
            in_flight.add(rid)
            requests.setdefault(rid, {})["url"] = params["request"]["url"]
            last_activity = time.monotonic()
        elif method == "Network.responseReceived":
            requests.setdefault(params["requestId"], {})["status"] = params["response"]["status"]
        elif method in ("Network.loadingFinished", "Network.loadingFailed"):
            rid = params["requestId"]
            in_flight.discard(rid)
            requests.setdefault(rid, {})["encoded"] = params.get("encodedDataLength", 0)
            if method == "Network.loadingFailed":
                requests[rid]["failed"] = params.get("errorText", "failed")
            last_activity = time.monotonic()
    probe = browser.send("Runtime.evaluate", {"expression": PROBE, "returnByValue": True}, session)
    return json.loads(probe["result"]["value"]), requests


# --- NetLog ------------------------------------------------------------------


def read_netlog(path):
    text = open(path, encoding="utf-8").read()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        # A log cut short (browser killed) lacks its closing brackets.
        return json.loads(text.rstrip().rstrip(",") + "]}")


def netlog_requests(path, origin):
    """Per URL request to origin: url, status, headers, header bytes, body bytes,
    whether the body came from the cache; plus the socket bytes received from
    the origin's host:port."""
    log = read_netlog(path)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    source_types = {v: k for k, v in log["constants"]["logSourceType"].items()}
    hostport = urllib.parse.urlsplit(origin).netloc
    requests = {}
    sockets = set()
    socket_bytes = {}
    for event in log["events"]:
        name = names.get(event["type"], "")
        source = event["source"]
        params = event.get("params") or {}
        kind = source_types.get(source["type"], "")
        if kind == "URL_REQUEST":
            req = requests.setdefault(source["id"], {"body": 0, "headers": None, "from_cache": False, "order": len(requests)})
            if name == "URL_REQUEST_START_JOB" and "url" in params:
                req["url"] = params["url"]
                req["method"] = params.get("method")
            elif name == "HTTP_TRANSACTION_READ_RESPONSE_HEADERS":
                req["headers"] = params.get("headers", [])
            elif name == "URL_REQUEST_JOB_FILTERED_BYTES_READ":
                req["body"] += params.get("byte_count", 0)
            elif name in ("HTTP_CACHE_READ_DATA",):
                req["from_cache"] = True
        elif name == "TCP_CONNECT" and hostport in params.get("address_list", []):
            sockets.add(source["id"])
        elif name == "SOCKET_BYTES_RECEIVED":
            socket_bytes[source["id"]] = socket_bytes.get(source["id"], 0) + params.get("byte_count", 0)
    out = []
    for req in sorted(requests.values(), key=lambda r: r["order"]):
        if not req.get("url", "").startswith(origin):
            continue
        headers = req["headers"] or []
        status = int(headers[0].split()[1]) if headers else 0
        header_bytes = sum(len(h) + 2 for h in headers) + 2 if headers else 0
        network_body = 0 if (req["from_cache"] or status == 304 or not headers) else req["body"]
        fields = {h.split(":", 1)[0].strip().lower(): h.split(":", 1)[1].strip() for h in headers[1:] if ":" in h}
        out.append(
            {
                "url": req["url"],
                "status": status,
                "type": fields.get("content-type", "").split(";")[0],
                "encoding": fields.get("content-encoding", ""),
                "content_length": fields.get("content-length"),
                "header_bytes": header_bytes,
                "body_bytes": network_body,
                "cached_body": req["body"] - network_body,
                "cache_only": not headers,  # no HTTP transaction: served from the memory or disk cache
            }
        )
    return out, sum(socket_bytes.get(s, 0) for s in sockets)


# --- report ------------------------------------------------------------------

SHORT_TYPES = {
    "text/html": "html",
    "text/css": "css",
    "text/javascript": "js",
    "application/javascript": "js",
    "image/webp": "webp",
    "image/jpeg": "jpeg",
    "image/png": "png",
    "image/svg+xml": "svg",
    "image/avif": "avif",
    "application/json": "json",
    "font/woff2": "woff2",
}


def disk_file(root, url):
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    candidate = os.path.join(root, path.lstrip("/"))
    if path.endswith("/") or os.path.isdir(candidate):
        candidate = os.path.join(candidate, "index.html")
    return candidate if os.path.isfile(candidate) else None


def measure(root, path, budget, args, origin, chromium_version):
    url = origin + path
    work = tempfile.mkdtemp(prefix="page-weight-")
    netlog = os.path.join(work, "netlog.json")
    log = open(os.path.join(work, "chromium.log"), "wb")
    browser = Browser(
        args.chromium, os.path.join(work, "profile"), log, [*PAGE_WEIGHT_FLAGS, f"--log-net-log={netlog}"]
    )
    try:
        probe, devtools = load_page(browser, url, args)
    finally:
        browser.close()
        log.close()
    rows, socket_total = netlog_requests(netlog, origin)

    print(f"\n== {path}   ({url})")
    print(
        f"   Chromium {chromium_version}; viewport {probe['viewport'][0]}x{probe['viewport'][1]} CSS px, "
        f"device pixel ratio {probe['dpr']:g}, user agent: {probe['ua'][:60]}…"
    )
    if probe["viewport"][0] != args.width or probe["dpr"] != args.dpr:
        print(f"   WARNING: the emulation did not take: expected width {args.width} at {args.dpr}x")
    print(f"   {'status':>6}  {'type':<6} {'body':>9} {'headers':>7}  {'on disk':<12} url")
    total_body = total_headers = 0
    problems = 0
    by_type = {}
    for row in rows:
        # A 304 or a cache hit has no Content-Type: take the one of the same URL.
        mime = row["type"] or next((r["type"] for r in rows if r["url"] == row["url"] and r["type"]), "")
        short = SHORT_TYPES.get(mime, mime or "?")
        disk = disk_file(root, row["url"])
        if row["cache_only"]:
            check = "from cache"
        elif row["status"] == 304:
            check = "304, cache"
        elif disk is None:
            check = "no file"
        elif row["encoding"]:
            check = f"{row['encoding']}"
        elif os.path.getsize(disk) == row["body_bytes"]:
            check = "= file"
        else:
            check = f"≠ {os.path.getsize(disk)}"
            problems += 1
        total_body += row["body_bytes"]
        total_headers += row["header_bytes"]
        shown = urllib.parse.urlsplit(row["url"]).path
        by_type[short] = by_type.get(short, 0) + row["body_bytes"]
        status = "-" if row["cache_only"] else row["status"]
        print(f"   {status:>6}  {short:<6} {row['body_bytes']:>9,} {row['header_bytes']:>7,}  {check:<12} {shown}")
    total = total_body + total_headers
    print("   body bytes by type: " + ", ".join(f"{k} {v:,}" for k, v in sorted(by_type.items(), key=lambda kv: -kv[1])))
    devtools_total = sum(r.get("encoded", 0) for r in devtools.values() if r.get("url", "").startswith(origin))
    from_cache = sum(1 for r in rows if r["cache_only"])
    cached = f" (+{from_cache} from the browser cache)" if from_cache else ""
    print(f"   total: {len(rows) - from_cache} responses{cached}, {total_body:,} body bytes + {total_headers:,} header bytes = {total:,} bytes received")
    agree = "agree" if socket_total == total == devtools_total else "DISAGREE"
    print(f"   cross-checks: socket bytes received {socket_total:,}; DevTools encodedDataLength {devtools_total:,} ({agree})")
    if problems:
        print(f"   WARNING: {problems} response(s) differ from the file on disk")
    images = probe["images"]
    if images:
        print("   images (currentSrc as chosen by Chromium):")
        for image in images:
            state = "loaded" if image["loaded"] else ("not loaded (lazy)" if image["lazy"] else "not loaded")
            shown = urllib.parse.urlsplit(image["src"]).path if image["src"] else "(none)"
            print(f"     {state:<18} {image['shown'][0]:>4}x{image['shown'][1]:<4} CSS px  {shown}")
    verdict = None
    if budget is not None:
        if total <= budget:
            verdict = True
            print(f"   budget {budget:,} bytes: within ({budget - total:,} bytes to spare)")
        else:
            verdict = False
            print(f"   budget {budget:,} bytes: OVER by {total - budget:,} bytes")
    if args.keep:
        dest = os.path.join(args.keep, path.strip("/").replace("/", "_") or "root")
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(work, dest, ignore=shutil.ignore_patterns("profile"))
        print(f"   NetLog and Chromium's log kept in {dest}")
    shutil.rmtree(work, ignore_errors=True)
    return {"path": path, "total": total, "body": total_body, "headers": total_headers, "within": verdict, "disk_problems": problems}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output_dir", help="a built site folder")
    parser.add_argument("paths", nargs="+", help="site paths to load, such as /id/")
    parser.add_argument("--budget", help="bytes, one for every path or one per path, comma-separated")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--width", type=int, default=390, help="CSS px (default 390)")
    parser.add_argument("--height", type=int, default=844, help="CSS px (default 844)")
    parser.add_argument("--dpr", type=float, default=3, help="device pixel ratio (default 3)")
    parser.add_argument("--settle", type=float, default=1.5, help="quiet seconds after the load event (default 1.5)")
    parser.add_argument("--timeout", type=float, default=20, help="seconds per page at most (default 20)")
    parser.add_argument("--keep", help="keep each page's NetLog and Chromium log under this folder")
    args = parser.parse_args()

    if not os.path.isdir(args.output_dir):
        parser.error(f"{args.output_dir} is not a folder")
    if not os.access(args.chromium, os.X_OK):
        parser.error(f"no Chromium at {args.chromium} (apt-get install chromium)")
    budgets = [None] * len(args.paths)
    if args.budget:
        values = [int(v.replace("_", "")) for v in args.budget.split(",")]
        if len(values) == 1:
            values *= len(args.paths)
        if len(values) != len(args.paths):
            parser.error(f"--budget has {len(values)} values for {len(args.paths)} paths")
        budgets = values
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    version = subprocess.run([args.chromium, "--version"], capture_output=True, text=True).stdout.split()
    chromium_version = version[1] if len(version) > 1 else "?"
    major = chromium_version.split(".")[0]
    args.user_agent = (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        f"Chrome/{major}.0.0.0 Mobile Safari/537.36"
    )

    root = os.path.abspath(args.output_dir)
    server = serve(root)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    results = []
    try:
        for path, budget in zip(args.paths, budgets):
            if not path.startswith("/"):
                path = "/" + path
            results.append(measure(root, path, budget, args, origin, chromium_version))
    except RuntimeError as error:
        print(f"page-weight: {error}", file=sys.stderr)
        return 2
    finally:
        server.shutdown()

    print("\n== summary")
    for r in results:
        verdict = {None: "no budget", True: "within budget", False: "OVER budget"}[r["within"]]
        print(f"   {r['total']:>9,} bytes  {verdict:<13}  {r['path']}")
    if any(r["disk_problems"] for r in results):
        return 2
    return 1 if any(r["within"] is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
