#!/usr/bin/env python3
"""Save-to-reload latency of `etalase serve`.

Starts `etalase serve` on a catalogue whose photos are already cached, listens to its reload
events like an open page does, then edits files one at a time and times each save until the
reload event arrives:

- text: one product's id.md gets a new sentence (a product that is not featured);
- price: one product's price changes, which its cards show on every list and brochure;
- template: a catalogue template override changes, which renders the whole site (baseline).

Prints the median, min and max of each, in milliseconds, and the rebuild times `serve`
itself reported. The edits are undone at the end.

    python3 bench/serve-latency.py CATALOGUE [--runs 20] [--etalase target/release/etalase]
        [--text-only]
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serve:
    def __init__(self, binary, root):
        self.process = subprocess.Popen(
            [binary, "serve", "--root", str(root), "--port", str(free_port())],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "LANG": "C"},
        )
        self.log = []
        self.ready = threading.Event()
        self.port = None
        threading.Thread(target=self._read_log, daemon=True).start()
        if not self.ready.wait(600):
            sys.exit("etalase serve did not start")

    def _read_log(self):
        for line in self.process.stderr:
            self.log.append(line.rstrip("\n"))
            found = re.search(r"^serving .* at http://127\.0\.0\.1:(\d+)/", line)
            if found:
                self.port = int(found.group(1))
                self.ready.set()

    def rebuild_times(self, since):
        times = []
        for line in self.log[since:]:
            found = re.search(r" in (\d+) ms$", line)
            if found:
                times.append(int(found.group(1)))
        return times

    def stop(self):
        self.process.kill()
        self.process.wait()


class Events:
    """The reload events, read from a raw socket as an EventSource would."""

    def __init__(self, port):
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.socket.sendall(
            b"GET /__etalase/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Accept: text/event-stream\r\n\r\n"
        )
        self.file = self.socket.makefile("r", encoding="utf-8")
        assert self.next() == "hello"

    def next(self, timeout=30):
        self.socket.settimeout(timeout)
        for line in self.file:
            if line.startswith("event: "):
                return line[len("event: "):].strip()
        raise RuntimeError("the event stream closed")


def products_to_edit(root):
    products = sorted((root / "content" / "products").iterdir())
    plain = [p for p in products if "featured: true" not in (p / "product.yaml").read_text()]
    # Not the first products: the first with a photo may preview every page.
    return plain[5:]


def time_edits(events, edits, port, lists):
    """Times each edit from save to the reload event, then until the search index can be
    fetched (`serve` makes the lists after showing the pages, and holds a request for one
    until they are made); the next edit is saved once it came, with the server idle."""
    took = []
    for path, text in edits:
        started = time.perf_counter()
        path.write_text(text)
        name = events.next()
        took.append((time.perf_counter() - started) * 1000)
        assert name == "reload", name
        fetch(port, A_LIST)
        lists.append((time.perf_counter() - started) * 1000)
        time.sleep(0.2)
    return took


# A list `serve` writes after the pages (the Atom feed, at the same address in every version):
# answered once the lists of the last edit are made.
A_LIST = "/id/atom.xml"


def fetch(port, path):
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(1 << 16):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:100]


def summary(label, values):
    return (
        f"{label}: median {statistics.median(values):.0f} ms, "
        f"min {min(values):.0f}, max {max(values):.0f} (n={len(values)})"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--etalase", default="target/release/etalase")
    parser.add_argument("--text-only", action="store_true",
                        help="time the text edits only (e.g. to profile them)")
    args = parser.parse_args()
    root = args.root.resolve()

    products = products_to_edit(root)[: args.runs]
    originals = {p / name: (p / name).read_text() for p in products for name in ("id.md", "product.yaml")}
    theme = Path(__file__).resolve().parent.parent / "themes/default/templates/partials/price.html"
    override = root / "templates/partials/price.html"
    price_template = theme.read_text()

    serve = Serve(args.etalase, root)
    try:
        events = Events(serve.port)
        mark = len(serve.log)
        text_edits = [
            (p / "id.md", originals[p / "id.md"] + f"\nDiperbarui untuk uji ke-{i}.\n")
            for i, p in enumerate(products)
        ]
        text_lists = []
        text = time_edits(events, text_edits, serve.port, text_lists)
        text_rebuilds = serve.rebuild_times(mark)
        text_example = serve.log[-1].strip()
        print(f"catalogue: {root}")
        print(summary("one product's text, save to reload event", text))
        print(summary("  of which serve's rebuild", text_rebuilds))
        print(f"  e.g. {text_example}")
        print(summary("  search index and feeds up to date after", text_lists))
        if args.text_only:
            return
        mark = len(serve.log)
        price_edits = []
        for i, p in enumerate(products):
            yaml = originals[p / "product.yaml"]
            found = re.search(r"price: \{ (amount|min): (\d+)", yaml)
            if found:
                raised = f"price: {{ {found.group(1)}: {int(found.group(2)) + 500 + i}"
                price_edits.append((p / "product.yaml", yaml.replace(found.group(0), raised, 1)))
        price_lists = []
        prices = time_edits(events, price_edits, serve.port, price_lists)
        price_rebuilds = serve.rebuild_times(mark)
        price_example = serve.log[-1].strip()
        # From here on the catalogue overrides a template: every rebuild renders everything.
        override.parent.mkdir(parents=True, exist_ok=True)
        mark = len(serve.log)
        template_edits = [
            (override, f"<!-- uji {i} -->{price_template}") for i in range(max(3, args.runs // 4))
        ]
        template_lists = []
        template = time_edits(events, template_edits, serve.port, template_lists)
        template_rebuilds = serve.rebuild_times(mark)
        print(summary("one product's price, save to reload event", prices))
        print(summary("  of which serve's rebuild", price_rebuilds))
        print(summary("  search index and feeds up to date after", price_lists))
        print(f"  e.g. {price_example}")
        print(summary("a template (whole site), save to reload event", template))
        print(summary("  of which serve's rebuild", template_rebuilds))
        print(summary("  search index and feeds up to date after", template_lists))
        print(f"ratio of medians, whole site / one product: "
              f"{statistics.median(template) / statistics.median(text):.1f}x")
    finally:
        serve.stop()
        for path, text in originals.items():
            path.write_text(text)
        override.unlink(missing_ok=True)
        for folder in (override.parent, override.parent.parent):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


if __name__ == "__main__":
    main()
