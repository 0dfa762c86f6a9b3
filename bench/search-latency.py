#!/usr/bin/env python3
"""Search latency: how long the products page takes to answer a keystroke.

Usage:
    python3 bench/search-latency.py OUTPUT_DIR [--lang id] [--runs 5] [--throttle 1]
        [--chromium /usr/bin/chromium] [--keys]

Serves OUTPUT_DIR (a built etalase site) on 127.0.0.1, opens /{lang}/products/ in
headless Chromium as a phone-sized window (390x844 CSS px), waits until the
search index is loaded, then types queries one character at a time the way
the search box receives them: the field's value grows by one character and an
`input` event is dispatched. For each keystroke it records

- `handler`: from the event until the page's script has filtered, ranked and
  built the result cards and the browser has laid them out (a forced layout
  right after the event), and
- `results`: from the event until the page says the results of that state are
  shown (its `etalase-results` event): with a split index this includes
  fetching the shards the keystroke needs,
- `cards`: from the event until the first page's cards (48, or all results
  if fewer) are on the page: the page shows the count with the first 12
  cards and appends the rest as their record files arrive, and
- `frame`: from the event until the next frame is presented after that
  (requestAnimationFrame, then a task), which includes painting.

It also records the bytes of the search index's files each keystroke fetched
(as written, and gzipped at level 9 as a server would send them), the first
keystroke's with the entry file fetched when the search box is focused.

It prints, per query and overall, the median and the maximum in milliseconds,
and the index's size and load time. `--throttle N` slows Chromium's CPU N times
(DevTools Emulation.setCPUThrottlingRate), to stand in for a cheap phone.

Python 3 standard library only; needs Debian's chromium.
"""

import argparse
import gzip
import json
import os
import queue
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Browser, serve  # noqa: E402

QUERIES = ["batik tulis", "onde", "kopi bubuk", "anyaman bambu", "zzz"]

# Runs in the page: types `text` into the search box, one character at a time.
TYPE = """(async (text) => {
  const box = document.querySelector('#product-filter input[name=q]');
  const results = document.getElementById('search-results');
  const nextFrame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  box.value = '';
  box.dispatchEvent(new Event('input', {bubbles: true}));
  await nextFrame();
  const keys = [];
  for (let i = 1; i <= text.length; i++) {
    box.value = text.slice(0, i);
    const seen = performance.getEntriesByType('resource').length;
    const form = document.getElementById('product-filter');
    const shown = new Promise(done => {
      form.addEventListener('etalase-results', done, {once: true});
      setTimeout(done, 10000);
    });
    const start = performance.now();
    box.dispatchEvent(new Event('input', {bubbles: true}));
    void results.offsetHeight;
    const handled = performance.now();
    await shown;
    void results.offsetHeight;
    const answered = performance.now();
    // The first page's cards, which may come after the first few.
    const total = parseInt(document.getElementById('result-count').textContent, 10) || 0;
    await new Promise(done => {
      const check = () => {
        if (results.hidden || results.children.length >= Math.min(48, total)) { observer.disconnect(); done(); }
      };
      const observer = new MutationObserver(check);
      observer.observe(results, {childList: true});
      check();
      setTimeout(() => { observer.disconnect(); done(); }, 10000);
    });
    void results.offsetHeight;
    const carded = performance.now();
    await nextFrame();
    const entries = performance.getEntriesByType('resource').slice(seen)
      .filter(e => e.name.includes('/products/search/'));
    const fetched = entries.map(e => new URL(e.name).pathname);
    // Until the last of those files was in, from the keystroke.
    const network = Math.max(0, ...entries.filter(e => e.responseEnd < answered).map(e => e.responseEnd - start));
    keys.push({typed: box.value, handler: handled - start, results: answered - start,
               cards: carded - start, network,
               frame: performance.now() - start, fetched,
               shown: results.children.length,
               count: document.getElementById('result-count').textContent});
  }
  return JSON.stringify(keys);
})"""

# Runs in the page: resolves when the index is loaded (focusing the form starts the load).
LOAD_INDEX = """(async () => {
  const start = performance.now();
  document.querySelector('#product-filter input[name=q]').focus();
  const url = document.getElementById('product-filter').getAttribute('data-index');
  for (;;) {
    const entry = performance.getEntriesByType('resource').find(e => e.name.includes('/products/search/index.json'));
    if (entry && entry.responseEnd > 0) {
      await new Promise(done => setTimeout(done, 50));
      return JSON.stringify({url, path: new URL(entry.name).pathname, bytes: entry.decodedBodySize, ms: performance.now() - start});
    }
    await new Promise(done => setTimeout(done, 20));
  }
})()"""


def evaluate(browser, session, expression, timeout=120):
    reply = browser.send(
        "Runtime.evaluate",
        {"expression": expression, "awaitPromise": True, "returnByValue": True},
        session,
        timeout=timeout,
    )
    if "exceptionDetails" in reply:
        raise RuntimeError(json.dumps(reply["exceptionDetails"])[:500])
    return json.loads(reply["result"]["value"])


def open_products_page(browser, url, throttle):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    browser.send("Page.enable", {}, session)
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True},
        session,
    )
    if throttle > 1:
        browser.send("Emulation.setCPUThrottlingRate", {"rate": throttle}, session)
    browser.send("Page.navigate", {"url": url}, session)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            event = browser.events.get(timeout=0.2)
        except queue.Empty:
            continue
        if event is None:
            raise RuntimeError("Chromium exited while loading the page")
        if event.get("sessionId") == session and event.get("method") == "Page.loadEventFired":
            return target, session
    raise RuntimeError(f"{url} did not load within 60 s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("--lang", default="id")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--throttle", type=float, default=1)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--keys", action="store_true",
                        help="also print every keystroke of run 1: times, files and bytes fetched")
    args = parser.parse_args()

    server = serve(os.path.abspath(args.output))
    url = f"http://127.0.0.1:{server.server_address[1]}/{args.lang}/products/"
    per_query = {q: {"handler": [], "results": [], "cards": [], "frame": []} for q in QUERIES}
    root = os.path.abspath(args.output)
    first_bytes = None
    key_bytes = []
    loads = []
    with tempfile.TemporaryDirectory() as work, open(os.path.join(work, "chromium.log"), "w") as log:
        browser = Browser(args.chromium, os.path.join(work, "profile"), log)
        try:
            for run in range(args.runs):
                target, session = open_products_page(browser, url, args.throttle)
                loads.append(evaluate(browser, session, LOAD_INDEX))
                for query in QUERIES:
                    keys = evaluate(browser, session, f"{TYPE}({json.dumps(query)})")
                    if run == 0:
                        last = keys[-1]
                        print(f"  {query!r}: {last['count'] or '0'} ({last['shown']} cards shown)")
                    for key in keys:
                        for kind in ("handler", "results", "cards", "frame"):
                            per_query[query][kind].append(key[kind])
                        if run == 0:
                            key_bytes.append(sizes(root, key["fetched"]))
                            if args.keys:
                                raw, packed, files = key_bytes[-1]
                                print(f"    {key['typed']!r:<16} handler {key['handler']:6.1f} "
                                      f"results {key['results']:6.1f} cards {key['cards']:6.1f} "
                                      f"(last file before results in at {key['network']:6.1f}) ms; {files} files, "
                                      f"{raw:,} B ({packed:,} gzipped)")
                            if first_bytes is None:
                                first_bytes = sizes(root, [loads[0]["path"], *key["fetched"]])
                browser.send("Target.closeTarget", {"targetId": target})
        finally:
            browser.close()
            server.shutdown()

    index = loads[0]
    print(f"\nindex {index['url']}: {index['bytes']:,} bytes; loaded and prepared in "
          f"{statistics.median(l['ms'] for l in loads):.0f} ms (median of {len(loads)})")
    print(f"first keystroke with the entry: {first_bytes[0]:,} bytes as written, "
          f"{first_bytes[1]:,} gzipped ({first_bytes[2]} files)")
    biggest = max(key_bytes)
    print(f"largest keystroke: {biggest[0]:,} bytes as written, {biggest[1]:,} gzipped; "
          f"all keystrokes of run 1: {sum(k[0] for k in key_bytes):,} / {sum(k[1] for k in key_bytes):,}")
    print(f"CPU throttling: {args.throttle}x; {args.runs} runs; times in ms per keystroke\n")
    print(f"{'query':<16} {'handler med':>12} {'max':>7} {'results med':>12} {'max':>7} "
          f"{'cards med':>10} {'max':>7} {'frame med':>10} {'max':>7}")
    every = {"handler": [], "results": [], "cards": [], "frame": []}
    for query, times in per_query.items():
        for kind in every:
            every[kind].extend(times[kind])
        print(f"{query!r:<16} " + " ".join(
            f"{statistics.median(times[k]):>{w}.1f} {max(times[k]):>7.1f}"
            for k, w in (("handler", 12), ("results", 12), ("cards", 10), ("frame", 10))))
    print(f"{'all keystrokes':<16} " + " ".join(
        f"{statistics.median(every[k]):>{w}.1f} {max(every[k]):>7.1f}"
        for k, w in (("handler", 12), ("results", 12), ("cards", 10), ("frame", 10))))


def sizes(root, paths):
    """Bytes of the site's files at `paths` (URL paths), as written and gzipped; and how many."""
    raw = packed = 0
    for path in paths:
        with open(os.path.join(root, path.lstrip("/")), "rb") as f:
            data = f.read()
        raw += len(data)
        packed += len(gzip.compress(data, 9))
    return raw, packed, len(paths)


if __name__ == "__main__":
    main()
