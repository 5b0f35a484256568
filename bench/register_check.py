"""Benchmark ``listguard check --register`` with a register of a million marks.

Fills a store with N generated register marks (default 1,000,000), then times ``check`` on a
catalog, each run a separate process: without --register, with --register cold (the register's
index built from the store and saved in the cache) and warm (read back from the cache). Prints
wall time, listings/s and the peak memory of each run.

The register is ``bench/register_sample.py``'s (mostly everyday words and phrases, coined and
famous-looking names, about 45 % dead, classes skewed toward 9, 25, 35 and 42), written as the
USPTO case files and imported with ``listguard register import``'s own code.

The catalog: the genuine Walmart/Amazon tables when ../shared/data is there, else
examples/catalog.csv repeated.

    python bench/register_check.py                       # 1,000,000 marks
    python bench/register_check.py --marks 100000 --store /tmp/reg.db --keep
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED_DATA = Path(os.environ.get("LISTGUARD_SHARED_DATA", ROOT.parent / "shared" / "data"))
def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def fill_store(path: Path, n: int, seed: int = 7) -> None:
    """The register of ``bench/register_sample.py`` (N case files in the USPTO layout, written once
    to the temporary folder and reused), imported as a seller imports one."""
    sys.path.insert(0, str(ROOT / "bench"))
    from register_sample import generate  # a sibling file, not a package

    from compliance.register.importer import import_register
    from compliance.store.db import open_store

    data = Path(tempfile.gettempdir()) / f"listguard-register-{n}"
    if not (data / "case_file.csv").exists():
        say(f"writing a register of {n:,} case files to {data}")
        generate(data, n, seed)
    say(f"importing it into {path}")
    db = open_store(path)
    try:
        import_register(db, data / "case_file.csv")
    finally:
        db.conn.close()


def write_catalog(path: Path) -> int:
    """The Walmart/Amazon tables as one catalog, else the example catalog repeated; returns rows."""
    tables = SHARED_DATA / "walmart-amazon-products"
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "title", "category", "brand", "price"])
        if tables.is_dir():
            for table, shop in (("tableA.csv", "walmart"), ("tableB.csv", "amazon")):
                with open(tables / table, encoding="utf-8", newline="") as src:
                    for row in csv.DictReader(src):
                        out.writerow([f"{shop}-{row['id']}", row["title"], row["category"], row["brand"],
                                      row["price"]])
                        rows += 1
            return rows
        with open(ROOT / "examples" / "catalog.csv", encoding="utf-8", newline="") as src:
            example = list(csv.DictReader(src))
        for k in range(20_000 // len(example) + 1):
            for row in example:
                out.writerow([f"{k}-{row.get('id') or row.get('sku')}", row.get("title", ""),
                              row.get("category", ""), row.get("brand", ""), row.get("price", "")])
                rows += 1
    return rows


RUNNER = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
          "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
          "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
          "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss, code)")


def timed(args: list[str], env: dict) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB) of one listguard run in a process of its own. CPU time
    is what one core spent: on a machine that other work shares, wall time says less."""
    command = [sys.executable, "-c", "from cli import main; main()", *args]
    out = subprocess.run([sys.executable, "-c", RUNNER, *command], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    seconds, cpu, peak_kib, code = float(out[0]), float(out[1]), int(out[2]), int(out[3])
    if code not in (0, 1):
        sys.exit(f"listguard exited {code}: {' '.join(args)}")
    return seconds, cpu, peak_kib / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--marks", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, help="store file to fill (kept); default a temporary one")
    parser.add_argument("--keep", action="store_true", help="keep the temporary store and cache")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each kind; the fastest is printed (a shared machine's noise only adds time)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="listguard-register-bench-"))
    store = args.store or work / "listguard.db"
    try:
        if not store.exists():
            say(f"filling {store} with {args.marks:,} marks")
            t = time.perf_counter()
            fill_store(store, args.marks)
            say(f"filled in {time.perf_counter() - t:.1f} s ({store.stat().st_size / 2**20:.0f} MiB)")
        catalog = work / "catalog.csv"
        rows = write_catalog(catalog)
        cache = work / "cache"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LISTGUARD_DB": str(store), "LISTGUARD_CACHE_DIR": str(cache)}
        base = ["check", str(catalog), "-p", "walmart:US", "-f", "jsonl", "-o", str(work / "report.jsonl")]
        timed(base, env)  # warms the curated lists' cache, shared by every run below
        runs = [("without --register", base, False), ("--register, cold (index built)", [*base, "--register"], True),
                ("--register, warm (index cached)", [*base, "--register"], False)]
        print(f"catalog: {rows:,} listings; register: {args.marks:,} marks; one process, one core")
        print(f"{'run':34} {'wall s':>7} {'listings/s':>11} {'CPU s':>7} {'listings/CPU s':>15} {'peak MiB':>9}")
        for label, command, cold in runs:
            if cold:
                for p in cache.glob("register-*.pickle"):
                    p.unlink()
            seconds, cpu, peak = min(timed(command, env) for _ in range(args.repeat if not cold else 1))
            print(f"{label:34} {seconds:7.1f} {rows / seconds:11,.0f} {cpu:7.1f} {rows / cpu:15,.0f} {peak:9,.0f}",
                  flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"kept {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
