"""Every finding on every dev-source listing, to tell what a change does beyond the labelled rows.

The labelled dev and titles sets hold 9,760 listings; the dev sources hold 53,256, and the four
with a brand column are also read by their title alone (the situation of a feed without one,
27,631 more). A change to a rule or a list is checked against all of them: ``run`` writes each
listing's findings (every kind, each source checked for its own marketplace), ``compare`` lists
the listings whose findings differ between two runs, and says whether the two are identical.

    python eval/differential.py run before.json          # on the checkout in use
    python eval/differential.py compare before.json after.json [--show 100]

``compare`` exits 1 when the findings differ. It leaves out the listings of the titles rounds not
yet opened for rule work (they judge the session; see ``score.py``) and counts them only. The
held-out sources are never read here.
The listing texts are third-party data read from ``../shared/data`` at run time; the findings file
holds ids, rule codes and the matched words, and is for the working copy only, never the repository.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from score import OPEN_ROUNDS, TARGET, check_rows, checker_for, round_of, use_this_checkouts_lists  # noqa: E402
from sources import DEV_SOURCES, TITLE_SOURCES, WITH_BRAND, View, available, views  # noqa: E402

Findings = dict[str, list[list]]


def findings(source: str, rows: list[View]) -> Findings:
    """Each listing's findings as [rule, kind, severity, entry, field, start, end, text, platforms]."""
    return {f"{source}:{result.listing.id}": [[f.rule, f.kind, f.severity, f.entry, f.field, f.start, f.end, f.text,
                                               list(f.platforms)] for f in result.findings]
            for result in check_rows(source, rows, checker_for(TARGET[source]))}


def run(out: Path) -> None:
    lists = use_this_checkouts_lists()
    found: Findings = {}
    for source, read in DEV_SOURCES.items():
        found.update(findings(source, list(read())))
    # The sources with a brand column, read again by their title alone.
    for source, read in TITLE_SOURCES.items():
        if source.removesuffix("-titles") in WITH_BRAND:
            found.update(findings(source, list(read())))
    out.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{len(found):,} listings, {sum(map(len, found.values())):,} findings (lists of {lists}): {out}")


def closed_ids() -> set[str]:
    """The ids of the titles rounds not yet opened for rule work."""
    with open(HERE / "titles-ids.csv", encoding="utf-8", newline="") as handle:
        return {row["id"] for index, row in enumerate(csv.DictReader(handle)) if round_of(index) > OPEN_ROUNDS}


def _blocks(found: list[list]) -> set[str]:
    return {f[3] for f in found if f[2] == "block"}


def compare(before: Path, after: Path, show: int) -> int:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    if a.keys() != b.keys():
        print(f"the runs checked different listings: {len(a.keys() ^ b.keys()):,} in one only")
        return 1
    closed = closed_ids()
    changed = [key for key in a if a[key] != b[key]]
    hidden = {key for key in changed if key.split(":", 1)[1] in closed}
    shown = [key for key in changed if key not in hidden]
    print(f"{len(a):,} listings: {'identical' if not changed else f'{len(changed):,} differ'}"
          f"{f' ({len(hidden)} of them in rounds not yet opened, not listed)' if hidden else ''}; "
          f"{sum(_blocks(a[k]) != _blocks(b[k]) for k in changed):,} with other blocked marks")
    # The titles, where the shared data is here to read them from.
    texts = {(s, v.id): v for (s, _), v in views(DEV_SOURCES).items()} if available() and shown else {}
    for key in shown[:show]:
        source, listing_id = key.split(":", 1)
        view = texts.get((source.removesuffix("-titles"), listing_id))
        print(f"- {key} {view.title[:120]!r}" if view else f"- {key}")
        for label, found in (("before", a[key]), ("after", b[key])):
            print(f"    {label}: " + "; ".join(f"{f[0]} {f[2]} {f[3]} '{f[7]}'" for f in found))
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run").add_argument("out", type=Path)
    both = commands.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    both.add_argument("--show", type=int, default=100, help="list at most this many changed listings")
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare(args.before, args.after, args.show)
    if not available():
        print("eval/differential.py: ../shared/data is not beside the checkout (set LISTGUARD_SHARED_DATA)")
        return 0
    run(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
