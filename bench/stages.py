"""Where a check's time goes, on rows drawn from real marketplace listings.

The generated catalog of ``bench/run.py`` has a closed vocabulary, which flatters every cache.
This benchmark draws its rows from the real listing sets in ``../shared/data`` (the dev sources
of ``eval/sources.py``: Walmart/Amazon, Ozon, Shopee, Lazada, SHEIN, AliExpress, Wish, Flipkart;
third-party data for internal testing, read at run time and never written into the repository),
checks them in this process on one core with all rules and the curated lists, and times each
stage: reading the catalog, each matcher, the context step, the trademark decisions, each rule
and writing the report. Times are exclusive: a stage's time leaves out the stages it calls.

    python bench/stages.py [--rows 20000] [--seed 7] [--output stages.json]

Without ``../shared/data`` (or ``LISTGUARD_SHARED_DATA``) it says so and exits 0.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from functools import wraps
from pathlib import Path
from types import GeneratorType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "eval"))

TARGETS = ("ebay:US", "amazon:US")
AS_OF = dt.date(2026, 1, 1)


class Stages:
    """Exclusive wall time per label: a stage's own time, without the stages it calls."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list] = []  # [label, start, time spent in callees]

    def timed(self, label: str, fn):
        @wraps(fn)
        def run(*args, **kwargs):
            self._stack.append([label, time.perf_counter(), 0.0])
            try:
                found = fn(*args, **kwargs)
                # A rule's check is a generator: its work is done while it is read.
                return list(found) if isinstance(found, GeneratorType) else found
            finally:
                name, start, inner = self._stack.pop()
                spent = time.perf_counter() - start
                self.seconds[name] += spent - inner
                self.calls[name] += 1
                if self._stack:
                    self._stack[-1][2] += spent
        return run


def real_rows(rows: int, seed: int) -> list:
    """``rows`` listings sampled (with replacement, seeded) from the dev sources' real listings."""
    from sources import DEV_SOURCES, views

    pool = sorted(views(DEV_SOURCES).values(), key=lambda v: (v.source, v.id))
    rng = random.Random(seed)
    return [rng.choice(pool) for _ in range(rows)]


def write_catalog(path: Path, picked: list) -> dict[str, int]:
    per_source: dict[str, int] = defaultdict(int)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "description", "brand", "category", "price"])
        for i, view in enumerate(picked):
            out.writerow([f"R{i}", view.title, view.description, view.brand, view.category, view.price])
            per_source[view.source] += 1
    return dict(per_source)


def instrument(checker, stages: Stages) -> None:
    """Wrap the checker's matchers, its context annotator, the trademark decisions and every rule."""
    import compliance.rules.counterfeit as counterfeit
    import compliance.rules.trademark as trademark

    for matcher in checker.matchers:
        matcher.find = stages.timed(f"match: {matcher.name}", matcher.find)
        if hasattr(matcher, "prepare"):  # the work a matcher does once per batch, before finding
            matcher.prepare = stages.timed(f"match: {matcher.name}, per batch", matcher.prepare)
    context = checker.context  # built here, so loading its rules is not counted as checking
    context.annotate = stages.timed("context", context.annotate)
    decisions = stages.timed("trademark decisions (evidence, steps)", trademark.mark_decisions)
    trademark.mark_decisions = decisions
    counterfeit.mark_decisions = decisions
    seen = set()
    for rule, *_ in checker.rules:
        if id(rule) not in seen:
            seen.add(id(rule))
            rule.check = stages.timed(f"rule {rule.code}", rule.check)


def measure(path: Path, stages: Stages) -> tuple[int, float]:
    from compliance.blocklist import load_blocklists
    from compliance.catalog import read_catalog
    from compliance.check import Checker
    from compliance.collector import freeze_survivors
    from compliance.platforms import load_platforms, parse_targets

    packs = load_platforms()
    checker = Checker(parse_targets(list(TARGETS), packs), load_blocklists([]), as_of=AS_OF)
    instrument(checker, stages)
    # The collector as the command line leaves it after start-up (survivors frozen, the young
    # generation's threshold raised), so the table times the check a seller runs.
    freeze_survivors()
    _, listings = read_catalog(path)
    reading = stages.timed("read catalog", lambda it: next(it))
    it = iter(listings)

    def timed_listings():
        while True:
            try:
                yield reading(it)
            except StopIteration:
                return

    write = stages.timed("report (dict, JSON)", lambda result: json.dumps(result.to_dict()))
    count = 0
    start = time.perf_counter()
    for result in checker.check(timed_listings()):
        write(result)
        count += 1
    return count, time.perf_counter() - start


def table(stages: Stages, total: float, count: int) -> str:
    lines = [f"{'stage':<44} {'seconds':>8} {'share':>6} {'calls':>8}", "-" * 70]
    accounted = 0.0
    for label, seconds in sorted(stages.seconds.items(), key=lambda kv: -kv[1]):
        accounted += seconds
        lines.append(f"{label:<44} {seconds:8.2f} {seconds / total:6.1%} {stages.calls[label]:8,}")
    other = total - accounted
    lines.append(f"{'the rest (batching, verdicts, suppression)':<44} {other:8.2f} {other / total:6.1%}")
    lines.append("-" * 70)
    lines.append(f"{'total':<44} {total:8.2f}  {count / total:,.0f} listings/s on one core")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, help="write the stage times as JSON")
    args = parser.parse_args(argv)
    from sources import available

    if not available():
        print("bench/stages.py: no ../shared/data beside the checkout (or LISTGUARD_SHARED_DATA): "
              "the real-vocabulary stage timing needs it; skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="listguard-stages-") as tmp:
        path = Path(tmp) / "real.csv"
        per_source = write_catalog(path, real_rows(args.rows, args.seed))
        print(f"{args.rows:,} rows drawn from real listings: "
              + ", ".join(f"{k} {v:,}" for k, v in sorted(per_source.items())))
        stages = Stages()
        count, total = measure(path, stages)
    if count != args.rows:
        print(f"bench/stages.py: the check gave {count:,} results for {args.rows:,} rows", file=sys.stderr)
        return 1
    print(table(stages, total, count))
    if args.output:
        args.output.write_text(json.dumps({"rows": count, "seconds": total, "per_source": per_source,
                                           "stages": dict(stages.seconds), "calls": dict(stages.calls)},
                                          indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
