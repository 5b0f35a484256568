"""What recording the run history costs a check.

Two measurements on the same generated catalog (``bench/catalog.py``, 50,000 rows by default):

1. end to end: ``listguard check`` as a separate process with ``--no-store`` and with the history
   on, alternating, each ``--repeat`` times; wall and CPU seconds of each (the difference is small
   next to a machine's noise, so read it with the second figure);
2. the recording alone: the report's listings (from the first run's JSON Lines) written into a
   fresh store the way a check writes them (``compliance.store.history.Recording``), timed in this
   process, with the catalog hash and the lists' version the run computes besides.

    python bench/history_overhead.py                 # 50,000 rows, one run each way
    python bench/history_overhead.py --rows 5000 --repeat 2
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def timed_check(catalog: Path, report: Path, env: dict, *more: str) -> tuple[float, float]:
    """Wall and CPU (user + system, the child's) seconds of one check."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from cli import main; main()", "check", str(catalog), "-f", "jsonl",
                    "-o", str(report), *more], env=env, cwd=ROOT, check=False, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def recording_alone(report: Path, catalog: Path, store: Path) -> dict[str, float]:
    from compliance.blocklist import load_blocklists
    from compliance.store.history import Recording, RunSetting, file_sha256, lists_version

    items = [json.loads(line) for line in report.open(encoding="utf-8") if line.startswith('{"id"')]
    entries = load_blocklists([], defaults=True)  # the check has them loaded already: not timed
    started = time.perf_counter()
    sha = file_sha256(catalog)
    hashed = time.perf_counter()
    version = lists_version(entries)
    versioned = time.perf_counter()
    recording = Recording(RunSetting(str(catalog), sha, "bench", version, ("ebay:US", "amazon:US")), store)
    for item in items:
        recording.listing(item)
    recording.finish(1)
    done = time.perf_counter()
    assert recording.problem is None, recording.problem
    return {"listings": len(items), "findings": sum(len(i["findings"]) for i in items),
            "catalog hash": hashed - started, "lists version": versioned - hashed, "rows written": done - versioned}


def main() -> None:
    from catalog import write_catalog

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="listguard-history-overhead-") as tmp:
        folder = Path(tmp)
        catalog, report = folder / "catalog.csv", folder / "report.jsonl"
        write_catalog(catalog, args.rows, args.seed)
        env = {**os.environ, "LISTGUARD_DB": str(folder / "listguard.db"), "PYTHONPATH": str(ROOT)}
        timed_check(catalog, report, env, "--no-store")  # warms the index cache: neither side pays the build
        runs: dict[str, list[tuple[float, float]]] = {"--no-store": [], "recorded": []}
        for _ in range(args.repeat):
            runs["--no-store"].append(timed_check(catalog, report, env, "--no-store"))
            runs["recorded"].append(timed_check(catalog, report, env))
        print(f"{args.rows:,} rows, check end to end (best of {args.repeat}):")
        for name, times in runs.items():
            wall, cpu = min(times)
            print(f"  {name:<11} wall {wall:7.2f} s  cpu {cpu:7.2f} s")
        alone = recording_alone(report, catalog, folder / "replay.db")
        total = alone["catalog hash"] + alone["lists version"] + alone["rows written"]
        base = min(runs["--no-store"])[0]
        print(f"recording alone, {alone['listings']:,} listings and {alone['findings']:,} findings: "
              f"{total:.2f} s = {100 * total / base:.1f} % of the check without it "
              f"(catalog hash {alone['catalog hash']:.2f} s, lists version {alone['lists version']:.2f} s, "
              f"rows {alone['rows written']:.2f} s)")


if __name__ == "__main__":
    main()
