"""How many genuine listings ``check --register`` warns about: the register-warning rate.

Runs ``check --register`` (TM007) over the genuine Walmart/Amazon tables in ../shared/data, read
as :func:`score.ip_blocks` reads them (a catalog CSV with the brand column, checked for
walmart:US), against a store of a generated register (``bench/register_check.py``'s marks,
1,000,000 by default). Every listing there is a retailer's genuine product under its own brand,
so a TM007 warning on it is one a seller would have to review for nothing. Prints the share of
listings with such a warning (goal: at most 3 %) and 15 of them (title, matched phrase, mark).

    python eval/register_rate.py                          # fills a temporary store first
    python eval/register_rate.py --store /tmp/reg.db      # reuse (or fill and keep) a store
    python eval/register_rate.py --source shopee          # another source with a brand column
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sources import ALL_SOURCES, WITH_BRAND, available  # noqa: E402

TARGET = "walmart:US"
EXAMPLES = 15


def warnings(source: str, store: Path) -> tuple[list, dict[str, list]]:
    """(rows, listing id -> TM007 findings) of ``check --register`` over the source's rows."""
    from compliance.blocklist import load_blocklists
    from compliance.catalog import read_catalog
    from compliance.check import Checker
    from compliance.matchers.register import open_register
    from compliance.platforms import MARKETPLACES, load_platforms, parse_targets

    rows = list(ALL_SOURCES[source]())
    packs = load_platforms()
    entries = load_blocklists([], defaults=True, platform_names=set(packs) | set(MARKETPLACES))
    checker = Checker(parse_targets([TARGET], packs), entries, register=open_register(store))
    found: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{source}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(["id", "title", "description", "category", "price", "brand"])
            for v in rows:
                out.writerow([v.id, v.title, v.description, v.category, v.price, v.brand])
        _, listings = read_catalog(path)
        for result in checker.check(listings):
            hits = [f for f in result.findings if f.rule == "TM007"]
            if hits:
                found[result.listing.id] = hits
    return rows, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="register store to use; filled with --marks marks if missing")
    parser.add_argument("--marks", type=int, default=1_000_000)
    parser.add_argument("--source", default="walmart-amazon", choices=sorted(WITH_BRAND))
    args = parser.parse_args()
    if not available():
        print("../shared/data is not here: nothing to measure", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="listguard-register-rate-")
    store = args.store or Path(work) / "listguard.db"
    os.environ.setdefault("LISTGUARD_CACHE_DIR", str(Path(work) / "cache"))
    if not store.exists():
        from register_check import fill_store

        print(f"filling {store} with {args.marks:,} generated marks ...", file=sys.stderr, flush=True)
        fill_store(store, args.marks)
    rows, found = warnings(args.source, store)
    by_id = {v.id: v for v in rows}
    phrases = Counter(f.text.lower() for hits in found.values() for f in hits)
    print(f"## Register warnings (TM007) on the genuine {args.source} listings\n")
    print(f"listings: {len(rows):,}; with a TM007 warning: {len(found):,} "
          f"({100 * len(found) / max(1, len(rows)):.3f} %; goal <= 3 %)")
    print(f"phrases warned most: {', '.join(f'{p} ({n})' for p, n in phrases.most_common(10))}\n")
    print("| title | brand | matched | register mark |")
    print("| --- | --- | --- | --- |")
    for listing_id in random.Random(13).sample(sorted(found), min(EXAMPLES, len(found))):
        v, f = by_id[listing_id], found[listing_id][0]
        mark = dict(f.explanation)
        print(f"| {v.title[:70]} | {v.brand} | {f.text} | {mark['mark']} ({mark['serial']}, "
              f"classes {'|'.join(map(str, mark['classes']))}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
