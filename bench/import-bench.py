#!/usr/bin/env python3
"""Times `etalase import` on synthetic workbooks (bench/synth_spreadsheet.rs).

For each size, every run starts from a catalogue with the sample's catalogue.yaml and no
content, then times:
  first     the first import (every folder created),
  again     the same workbook again (nothing changes: the idempotence path),
  edited    a workbook with every tenth price changed (10 % of products updated),
  check     `etalase check` of the imported catalogue: the baseline, reading and validating
            the same entries without a spreadsheet;
  copy      `cp -r` of the imported content/ folder: the cost of creating that many files
            on this disk, the floor for a first import.
Every step starts after `sync`, so the writes and deletions of the step before are on disk.
Each figure is the median of --runs runs, with the largest resident memory seen.

    python3 bench/import-bench.py [--runs 5] [--sizes 65x1000,1000x10000]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "etalase")


def timed(args, cwd):
    """Seconds, user CPU seconds and max RSS (KB) of one run; fails loudly on a non-zero
    exit. User CPU is the program's own work: on a slow disk, creating files (system time)
    swamps it and varies from run to run."""
    subprocess.run(["sync"], check=True)
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %M"] + args,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C"},
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr}")
    seconds, user, rss = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rss), float(user)


def workbook(folder, producers, products, variant):
    path = os.path.join(folder, f"katalog-{producers}x{products}-v{variant}.xlsx")
    subprocess.run(
        [
            "cargo", "run", "-q", "--release", "--example", "synth-spreadsheet", "--",
            "--producers", str(producers), "--products", str(products),
            "--out", path, "--variant", str(variant),
        ],
        cwd=ROOT,
        check=True,
    )
    return path


def one_run(folder, first, edited):
    catalogue = os.path.join(folder, "catalogue")
    shutil.rmtree(catalogue, ignore_errors=True)
    os.makedirs(catalogue)
    shutil.copy(os.path.join(ROOT, "catalogue.yaml"), catalogue)
    imp = lambda book: timed([BINARY, "import", book], catalogue)
    steps = {
        "first": imp(first),
        "again": imp(first),
        "edited": imp(edited),
        "check": timed([BINARY, "check"], catalogue),
        "copy": timed(["cp", "-r", "content", "content-copy"], catalogue),
    }
    shutil.rmtree(os.path.join(catalogue, "content-copy"))
    return steps


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="65x1000,1000x10000")
    options = parser.parse_args()
    subprocess.run(["cargo", "build", "-q", "--release"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as folder:
        print("| producers × products | step | median s (min–max) | vs check | user CPU s | max RSS MB |")
        print("| --- | --- | --- | --- | --- | --- |")
        for size in options.sizes.split(","):
            producers, products = map(int, size.split("x"))
            first = workbook(folder, producers, products, 0)
            edited = workbook(folder, producers, products, 1)
            runs = [one_run(folder, first, edited) for _ in range(options.runs)]
            check = statistics.median(r["check"][0] for r in runs)
            for step in ["first", "again", "edited", "check", "copy"]:
                seconds = [r[step][0] for r in runs]
                rss = max(r[step][1] for r in runs) / 1024
                user = statistics.median(r[step][2] for r in runs)
                median = statistics.median(seconds)
                ratio = median / check if check else float("nan")
                print(
                    f"| {producers} × {products} | {step} | {median:.2f} "
                    f"({min(seconds):.2f}–{max(seconds):.2f}) | {ratio:.2f}× | {user:.2f} | {rss:.0f} |"
                )


if __name__ == "__main__":
    main()
