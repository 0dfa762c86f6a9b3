"""A DevTools-protocol client for the benchmarks: Chromium over a pipe, and a quiet static
file server on 127.0.0.1. Python 3 standard library only."""

import fcntl
import functools
import http.server
import json
import os
import queue
import subprocess
import threading

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    "--remote-debugging-pipe",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Browser:
    """Chromium with --remote-debugging-pipe: JSON messages separated by NUL
    bytes, commands on the child's fd 3, answers and events on its fd 4."""

    def __init__(self, chromium, user_data_dir, log, extra_flags=()):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # Move the child's ends above 10, so that bash's 3<& and 4>& cannot clobber them (dash takes one-digit fds only, hence bash).
        a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
        b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_child_r)
        os.close(from_child_w)
        args = [chromium, *CHROMIUM_FLAGS, *extra_flags, f"--user-data-dir={user_data_dir}", "about:blank"]
        self.proc = subprocess.Popen(
            ["/bin/bash", "-c", f'exec "$@" 3<&{a} 4>&{b} {a}<&- {b}>&-', "bash", *args],
            pass_fds=(a, b),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        os.close(a)
        os.close(b)
        self.next_id = 0
        self.waiting = {}
        self.events = queue.Queue()
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        while True:
            chunk = os.read(self.from_child, 65536)
            if not chunk:
                self.events.put(None)
                for slot in list(self.waiting.values()):
                    slot["done"].set()
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    slot = self.waiting.get(message["id"])
                    if slot:
                        slot["reply"] = message
                        slot["done"].set()
                else:
                    self.events.put(message)

    def send(self, method, params=None, session=None, timeout=20):
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
