#!/usr/bin/env python3
"""What a misbehaving client does to a local server: sends one request whose header line goes
on for MEGABYTES, and reports how much of it the server read (what went out before the writes
stopped) and the server's resident memory before and after; then opens 200 connections that
send nothing and times a page load beside them.

Usage: python3 bench/hostile-client.py HOST:PORT PID [MEGABYTES]
  e.g. etalase serve --port 1199 & python3 bench/hostile-client.py 127.0.0.1:1199 $! 200
Linux (reads /proc/PID/status). Python 3 standard library only."""

import socket
import sys
import time
import urllib.request


def resident_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def endless_header(host, port, megabytes):
    """Bytes of one header line the server took before it stopped reading."""
    sock = socket.create_connection((host, port))
    sock.settimeout(5)
    chunk = b"a" * 65536
    sent = 0
    try:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Endless: ")
        while sent < megabytes * 1048576:
            sock.sendall(chunk)
            sent += len(chunk)
    except OSError as error:
        print(f"  writes stopped: {error}")
    sock.close()
    return sent


def main():
    host, port = sys.argv[1].rsplit(":", 1)
    port = int(port)
    pid = int(sys.argv[2])
    megabytes = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    before = resident_kb(pid)
    sent = endless_header(host, port, megabytes)
    time.sleep(1)
    after = resident_kb(pid)
    print(f"endless header: {sent / 1048576:.1f} MB of {megabytes} went out; "
          f"resident {before / 1024:.0f} MB before, {after / 1024:.0f} MB after")
    silent = [socket.create_connection((host, port)) for _ in range(200)]
    started = time.time()
    status = urllib.request.urlopen(f"http://{host}:{port}/id/", timeout=30).status
    print(f"200 silent connections: GET /id/ answered {status} in {time.time() - started:.2f} s")
    for sock in silent:
        sock.close()


if __name__ == "__main__":
    main()
