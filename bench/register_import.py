"""Time ``listguard register import`` of a generated 1,000,000-mark register, with peak memory.

Generates the register with bench/register_sample.py into DATA (default: a folder under the system
temp folder, kept for the next run) unless it is there, then imports it into a fresh store once per
layout asked for, each in a process of its own so its peak memory (``resource.getrusage``, the
process's maximum resident set) is its own, and prints a table: layout, records read (rows of all
tables), marks written, seconds (wall clock, and CPU time of the importing process: the wall clock
grows when other work shares the machine), marks per second, peak memory, and the store's size on
disk after the import. It then runs the same import again to show that a finished import is not
redone.

Usage: python bench/register_import.py [--marks N] [--data DIR] [--layouts uspto-csv,uspto-parquet,uspto-xml]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, sys, time
from compliance.register.importer import import_register
from compliance.store.db import open_store
started, cpu = time.perf_counter(), time.process_time()
result = import_register(open_store(sys.argv[2]), sys.argv[1])
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"seconds": seconds, "cpu": cpu, "records": result.records, "marks": result.marks,
                  "already": result.already_done,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

SOURCES = {"uspto-csv": "case_file.csv", "uspto-parquet": "case_file.parquet", "uspto-xml": "daily.xml"}


def _store_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def _run(source: Path, store: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(source), str(store)], env=env, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--marks", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--layouts", default="uspto-csv")
    args = parser.parse_args()
    layouts = args.layouts.split(",")
    data = args.data or Path(tempfile.gettempdir()) / f"listguard-register-{args.marks}"
    wanted = [data / SOURCES[layout] for layout in layouts]
    if not all(p.exists() for p in wanted):
        flags = [f for f, layout in (("--parquet", "uspto-parquet"), ("--xml", "uspto-xml")) if layout in layouts]
        print(f"generating {args.marks:,} case files into {data} ...", flush=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "register_sample.py"), str(data), "--marks",
                        str(args.marks), *flags], check=True)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for layout, source in zip(layouts, wanted):
            store = Path(scratch) / f"{layout}.db"
            first = _run(source, store)
            again = _run(source, store)
            rows.append((layout, f"{first['records']:,}", f"{first['marks']:,}", f"{first['seconds']:.1f}",
                         f"{first['cpu']:.1f}",
                         f"{first['marks'] / first['seconds']:,.0f}", f"{first['peak_mb']:.0f} MB",
                         f"{_store_size(store) / 2**20:.0f} MB", f"{again['seconds']:.1f} s"
                         + (" (nothing changed)" if again["already"] else "")))
    headers = ("layout", "records", "marks", "seconds", "cpu seconds", "marks/s", "peak memory", "store size",
               "run again")
    widths = [max(len(str(r[i])) for r in (headers, *rows)) for i in range(len(headers))]
    for row in (headers, *rows):
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths)))


if __name__ == "__main__":
    main()
