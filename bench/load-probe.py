#!/usr/bin/env python3
"""Loads a page in a fresh headless Chromium again and again and counts the loads that never
finish (`document.readyState` still not `complete` after 15 s): a probe for a server that now
and then leaves a request unanswered, such as tiny_http, which `etalase serve` used before.

Usage: python3 bench/load-probe.py ORIGIN [RUNS] [PATH]
  e.g. etalase serve --port 1199 & python3 bench/load-probe.py http://127.0.0.1:1199 24
Chromium: CHROMIUM, else /usr/bin/chromium. Python 3 standard library only."""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Browser  # noqa: E402

PATIENCE = 15


def load(chromium, url):
    """The page's readyState when it completed or PATIENCE ran out, and the seconds taken."""
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(chromium, profile, subprocess.DEVNULL)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})
            session = browser.send(
                "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
            )["sessionId"]
            browser.send("Page.navigate", {"url": url}, session=session)
            started = time.time()
            state = None
            while time.time() - started < PATIENCE:
                reply = browser.send(
                    "Runtime.evaluate",
                    {"expression": "document.readyState", "returnByValue": True},
                    session=session,
                )
                state = reply["result"].get("value")
                if state == "complete":
                    break
                time.sleep(0.1)
            return state, time.time() - started
        finally:
            browser.close()


def main():
    origin = sys.argv[1].rstrip("/")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    path = sys.argv[3] if len(sys.argv) > 3 else "/id/products/"
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    stuck = 0
    for run in range(runs):
        state, took = load(chromium, origin + path)
        stuck += state != "complete"
        print(f"{run + 1:3} {state} {took:.2f} s", flush=True)
    print(f"{runs - stuck} of {runs} loads complete, {stuck} never finished")


if __name__ == "__main__":
    main()
