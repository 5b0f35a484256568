"""Benchmark ``listguard check --register`` with a register of a million marks.

Fills a store with N generated register marks (default 1,000,000), then times ``check`` on a
catalog, each run a separate process: without --register, with --register cold (the register's
index built from the store and saved in the cache) and warm (read back from the cache). Prints
wall time, listings/s and the peak memory of each run.

The marks are made from wordfreq's English words, the way most registered marks are words: a
third single everyday words, a third phrases of two or three words, the rest coined names;
classes skewed toward 9, 25, 35, 3 and 28; about 40 % dead. Good enough to measure with; the
register importer's own generator writes the USPTO files themselves.

The catalog: the genuine Walmart/Amazon tables when ../shared/data is there, else
examples/catalog.csv repeated.

    python bench/register_check.py                       # 1,000,000 marks
    python bench/register_check.py --marks 100000 --store /tmp/reg.db --keep
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED_DATA = Path(os.environ.get("LISTGUARD_SHARED_DATA", ROOT.parent / "shared" / "data"))
WEIGHTED_CLASSES = [9] * 12 + [25] * 10 + [35] * 8 + [3] * 6 + [28] * 6 + list(range(1, 46))
SYLLABLES = ("zor blax ven tri kor lum nex vio qua dra mi zen tek sol ora vex pli gno rux fen "
             "kai lo ba ri su mo xa ty pe").split()
OWNER_ENDINGS = ("LLC", "Inc.", "Ltd.", "GmbH", "Co., Ltd.", "Corporation", "S.A.")


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _coined(rng: random.Random, words: list[str]) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return rng.choice(words[:20_000]) + rng.choice(SYLLABLES)  # "glownest"-like blends


def generate_marks(n: int, seed: int = 13):
    """(serial, registration, mark, owner, status, classes) rows."""
    from wordfreq import top_n_list

    rng = random.Random(seed)
    words = [w for w in top_n_list("en", 60_000) if w.isalpha() and len(w) >= 3]
    for i in range(n):
        kind = rng.random()
        if kind < 0.35:
            mark = rng.choice(words)
        elif kind < 0.70:
            mark = " ".join(rng.choice(words[:20_000]) for _ in range(rng.choice((2, 2, 3))))
        else:
            mark = _coined(rng, words)
        live = rng.random() >= 0.4
        classes = sorted({rng.choice(WEIGHTED_CLASSES) for _ in range(rng.choice((1, 1, 1, 2, 3)))})
        owner = f"{_coined(rng, words).title()} {rng.choice(OWNER_ENDINGS)}"
        registration = str(1_000_000 + i) if live and rng.random() < 0.7 else None
        yield (f"US:{70_000_000 + i}", registration, mark.upper(), owner, "live" if live else "dead",
               "|".join(map(str, classes)))


def fill_store(path: Path, n: int, seed: int = 13) -> None:
    from compliance.store.db import open_store
    from compliance.store.schema import mark_key

    db = open_store(path)
    conn = db.conn
    batch: list[tuple] = []
    classes: list[tuple] = []

    def flush() -> None:
        with conn:
            conn.executemany("INSERT INTO register_marks (serial, office, registration, mark, mark_key, owner, "
                             "status, status_code, classes) VALUES (?, 'US', ?, ?, ?, ?, ?, ?, ?)", batch)
            conn.executemany("INSERT INTO register_classes (serial, class) VALUES (?, ?)", classes)
        batch.clear()
        classes.clear()

    for serial, registration, mark, owner, status, cls in generate_marks(n, seed):
        batch.append((serial, registration, mark, mark_key(mark), owner, status,
                      "800" if status == "live" else "602", cls))
        classes.extend((serial, int(c)) for c in cls.split("|"))
        if len(batch) >= 50_000:
            flush()
    flush()
    with conn:
        conn.execute("INSERT INTO register_imports (path, sha256, layout, records_done, marks) VALUES (?, ?, ?, ?, ?)",
                     (f"generated:{n}:{seed}", f"generated-{n}-{seed}", "uspto-csv", n, n))
    conn.close()


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
