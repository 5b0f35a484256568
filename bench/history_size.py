"""How much the run history adds to the store: bytes per 100,000 findings.

Generates a catalog whose listings carry many findings (other companies' marks, counterfeit and
promotional wording, contact details), checks it once with the history on (a separate process,
as a seller runs it, against a fresh store), and prints the store's growth per 100,000 findings
recorded, with each history table's share when this SQLite has the dbstat table.

    python bench/history_size.py                  # 20,000 listings, about 100,000 findings
    python bench/history_size.py --rows 5000      # a quick run
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKS = ("Nike", "Gucci", "Louis Vuitton", "Rolex", "Ray-Ban", "Chanel", "Prada", "Adidas", "Oakley", "Samsung",
         "Yeti", "Pandora", "Tiffany", "Hermes", "Burberry", "Air Max", "iPhone", "Disney", "Lego", "Hello Kitty")
PROBLEMS = ("replica", "1:1 copy", "AAA quality", "FREE SHIPPING", "best price", "call 555-201-7788",
            "visit www.example-shop.com", "inspired by Chanel", "Nike style", "fake")
GOODS = ("running shoes", "leather handbag", "sunglasses", "wrist watch", "phone case", "scarf", "wallet",
         "backpack", "tumbler", "hoodie", "earrings", "belt")


def write_catalog(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["sku", "title", "description", "brand"])
        for n in range(1, rows + 1):
            marks = rng.sample(MARKS, 2)
            title = f"{marks[0]} {rng.choice(GOODS)} {rng.choice(PROBLEMS)} {marks[1]}"
            description = f"{rng.choice(PROBLEMS)}. Great {rng.choice(GOODS)} like {rng.choice(MARKS)}. " \
                          f"{rng.choice(PROBLEMS)}."
            out.writerow([f"SKU-{n:07d}", title, description, "Trailmate"])


def store_bytes(path: Path) -> int:
    with sqlite3.connect(path) as conn:  # fold the write-ahead log into the file before measuring it
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def table_bytes(path: Path) -> dict[str, int]:
    try:
        with sqlite3.connect(path) as conn:
            return dict(conn.execute("SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'run%' GROUP BY name"))
    except sqlite3.Error:
        return {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="listguard-history-size-") as tmp:
        folder = Path(tmp)
        catalog, store = folder / "catalog.csv", folder / "listguard.db"
        write_catalog(catalog, args.rows, args.seed)
        env = {**os.environ, "LISTGUARD_DB": str(store), "PYTHONPATH": str(ROOT)}
        sys.path.insert(0, str(ROOT))
        from compliance.store.db import open_store

        open_store(store).conn.close()
        empty = store_bytes(store)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from cli import main; main()", "check", str(catalog), "-f", "jsonl",
                        "-o", str(folder / "report.jsonl")], env=env, cwd=ROOT, check=False,
                       stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        added = store_bytes(store) - empty
        with sqlite3.connect(store) as conn:
            listings, findings = conn.execute("SELECT listings, findings FROM runs").fetchone()
            verdicts = conn.execute("SELECT COUNT(*) FROM run_verdicts").fetchone()[0]
        print(f"listings {listings:,}  verdict rows {verdicts:,}  findings {findings:,}  check {seconds:.1f} s")
        print(f"store grew by {added:,} bytes: {added / findings * 100_000:,.0f} bytes per 100,000 findings "
              f"(everything the run added, its verdict rows included)")
        for name, size in sorted(table_bytes(store).items(), key=lambda kv: -kv[1]):
            print(f"  {name:<18} {size:>12,} bytes")
        parts = table_bytes(store)
        if parts:
            own = parts.get("run_findings", 0) + parts.get("run_findings_run", 0)
            print(f"run_findings and its index alone: {own / findings * 100_000:,.0f} bytes per 100,000 findings")


if __name__ == "__main__":
    main()
