"""Score listguard on real listings labelled blind, and on the generated regression set.

    python eval/score.py                 # every figure (what `make eval` runs)
    python eval/score.py --errors dev    # also list the dev rows listguard gets wrong
    python eval/score.py --judge         # also the figures of the round that judges a session

Figures:
* real dev set (``eval/labels-dev.csv``), titles set (``eval/labels-titles.csv``: other rows of
  three dev sources judged from the title alone) and held-out set (``eval/labels-heldout.csv``), per
  source: IP-block precision, recall (all fails, and the fails whose mark the curated lists
  cover) and the false-block rate on rows labelled pass. An IP block is a block-severity
  trademark or counterfeit finding. Rows labelled ``review`` count in neither precision nor
  the false-block rate;
* the audits (``eval/labels-audit.csv``, ``labels-audit-reviews.csv``): listings blocked, and
  listings reviewed but not blocked, outside every labelled set, labelled after they were chosen:
  the precision of blocks in the wild, and which of either are blocked now;
* the dev set again, checked for every marketplace at its default region: the same figures per
  marketplace, so that a marketplace's own IP rules (eBay's ban on 'for' before a fashion brand)
  are measured where they apply;
* the genuine Walmart/Amazon tables, whole: the share of listings with an IP block (all of
  them are a retailer's genuine goods, so every block is false);
* the category table's coverage of Google's product taxonomy and of the Walmart/Amazon
  categories;
* ``../shared/eval-dev``: macro-F1 of the generated regression set with its own scorer.

The listing texts are read from ``../shared/data`` at run time; without it, says so and stops.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from sample import TITLE_ROUNDS as DRAWN_ROUNDS  # noqa: E402
from sources import ALL_SOURCES, DEV_SOURCES, SHARED_DATA, WITH_BRAND, View, available, views  # noqa: E402

TARGET = {"ozon": "ozon:RU", "shopee": "shopee:SG", "lazada": "lazada:MY", "shein": "amazon:US",
          "aliexpress": "aliexpress:US", "wish": "ebay:US", "flipkart": "flipkart:IN",
          "walmart-amazon": "walmart:US", "wdc-computers": "amazon:US", "indonesian": "lazada:ID",
          "lazada-titles": "lazada:MY", "shopee-titles": "shopee:SG", "walmart-amazon-titles": "amazon:US",
          "ozon-titles": "ozon:RU", "aliexpress-titles": "aliexpress:US", "shein-titles": "amazon:US",
          "flipkart-titles": "flipkart:IN"}
AS_OF = dt.date(2026, 12, 1)
IP_KINDS = ("trademark", "counterfeit")
# The titles set's rounds, rows per round in the labels' order, as eval/sample.py draws them. A
# round is opened for rule work once it has judged a session's work: ``--errors titles`` never
# lists the rows of a later round, so that they stay unseen until then.
TITLE_ROUNDS = tuple(sum(sizes.values()) for sizes in DRAWN_ROUNDS)
OPEN_ROUNDS = 35


def round_of(index: int) -> int:
    """The titles round (1, 2, ...) of the labels' row ``index`` (0-based)."""
    end = 0
    for number, size in enumerate(TITLE_ROUNDS, start=1):
        end += size
        if index < end:
            return number
    raise ValueError(f"row {index + 1} of labels-titles.csv is in no round of TITLE_ROUNDS")


def read_labels(name: str) -> dict[tuple[str, str], dict]:
    path = HERE / f"labels-{name}.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return {tuple(row["id"].split(":", 1)): row for row in csv.DictReader(f)}


def use_this_checkouts_lists() -> Path:
    """Read the lists of this checkout, also where the installed package is another checkout's (a
    worktree of an earlier commit run for 'before' with the main venv): an editable install maps
    ``compliance.blocklists`` to its own ``blocklists/`` folder while ``compliance`` comes from the
    path, which would check the old code against the new lists."""
    import importlib.util

    import compliance

    folder = HERE.parent / "blocklists"
    spec = importlib.util.spec_from_file_location("compliance.blocklists", folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    if spec is None or spec.loader is None or Path(compliance.__file__).parent != HERE.parent / "compliance":
        sys.exit(f"eval: cannot read the code and lists of {HERE.parent}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["compliance.blocklists"] = module
    spec.loader.exec_module(module)
    return folder


def checker_for(*targets: str):
    from compliance.blocklist import load_blocklists
    from compliance.check import Checker
    from compliance.platforms import MARKETPLACES, load_platforms, parse_targets

    packs = load_platforms()
    entries = load_blocklists([], defaults=True, platform_names=set(packs) | set(MARKETPLACES))
    return Checker(parse_targets(list(targets), packs), entries, as_of=AS_OF)


def check_rows(source: str, rows: list[View], checker):
    """Run listguard over the rows written as a catalog CSV, so the columns are found as a seller's
    would be: each listing's result."""
    from compliance.catalog import read_catalog

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{source}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            with_brand = source in WITH_BRAND
            out.writerow(["id", "title", "description", "category", "price"] + ["brand"] * with_brand)
            for v in rows:
                out.writerow([v.id, v.title, v.description, v.category, v.price] + [v.brand] * with_brand)
        _, listings = read_catalog(path)
        yield from checker.check(listings)


def ip_blocks(source: str, rows: list[View], checker=None) -> dict[str, list]:
    """The blocking IP findings per listing id (on any of the checker's marketplaces; by default
    the source's own)."""
    found = {}
    for result in check_rows(source, rows, checker or checker_for(TARGET[source])):
        found[result.listing.id] = [f for f in result.findings if f.kind in IP_KINDS and f.severity == "block"]
        if result.listing.error:
            UNREADABLE.append(f"{source}:{result.listing.id}: {result.listing.error[:160]}")
    return found


# Rows the reader turned into errors: each is checked for nothing, so it would hide a miss or a
# false block; the scorer names them (a properly quoted catalog should have none).
UNREADABLE: list[str] = []


def covered_marks():
    from compliance.blocklist import load_blocklists
    from compliance.normalize import compact

    return {compact(name) for e in load_blocklists([]) if e.kind == "trademark" for name in e.names}


class Tally:
    def __init__(self):
        self.n = self.fails = self.passes = self.reviews = 0
        self.tp = self.fp = self.fp_review = self.covered = self.covered_found = self.fn = 0

    def add(self, label: str, blocked: bool, covered: bool) -> str:
        self.n += 1
        if label == "fail":
            self.fails += 1
            self.tp += blocked
            self.fn += not blocked
            if covered:
                self.covered += 1
                self.covered_found += blocked
            return "" if blocked else "missed"
        if label == "pass":
            self.passes += 1
            self.fp += blocked
            return "false block" if blocked else ""
        self.reviews += 1
        self.fp_review += blocked
        return ""

    def row(self, name: str) -> list[str]:
        blocked = self.tp + self.fp
        return [name, str(self.n), f"{self.fails}/{self.passes}/{self.reviews}", str(blocked + self.fp_review),
                _ratio(self.tp, blocked), _ratio(self.tp, self.fails), _ratio(self.covered_found, self.covered),
                _ratio(self.fp, self.passes, pct=True)]

    def merge(self, other: "Tally") -> None:
        for key, value in vars(other).items():
            setattr(self, key, getattr(self, key) + value)


def _ratio(a: int, b: int, pct: bool = False) -> str:
    if not b:
        return "-"
    return f"{100 * a / b:.2f} %" if pct else f"{a / b:.2f}"


def score_set(name: str, sources, errors: bool, judge: bool = False) -> None:
    from compliance.normalize import compact

    labels = read_labels(name)
    by_source: dict[str, list[View]] = defaultdict(list)
    texts = views(sources)
    for key in labels:
        by_source[key[0]].append(texts[key])
    marks = covered_marks()
    order = {key: index for index, key in enumerate(labels)}
    rounds: dict[int, Tally] = defaultdict(Tally)
    total = Tally()
    table = []
    wrong = []
    for source in sources:
        if source not in by_source:
            continue
        found = ip_blocks(source, by_source[source])
        tally = Tally()
        for view in by_source[source]:
            label = labels[(source, view.id)]
            covered = any(compact(m) in marks for m in label["mark"].split("|") if m.strip())
            blocks = found.get(view.id, [])
            number = round_of(order[(source, view.id)]) if name == "titles" else 0
            rounds[number].add(label["label"], bool(blocks), covered)
            if number > OPEN_ROUNDS:
                continue  # a closed round counts only in its own row, which shows its size alone
            outcome = tally.add(label["label"], bool(blocks), covered)
            if outcome:
                wrong.append((outcome, source, view, label, blocks))
        table.append(tally.row(source))
        total.merge(tally)
    table.append(total.row("all"))
    headers = ["source", "rows", "fail/pass/review", "IP blocks", "precision", "recall", "recall (covered)",
               "false blocks on pass"]
    closed = sum(t.n for n, t in rounds.items() if n > OPEN_ROUNDS)
    held_back = f" (and {closed} in rounds not yet opened, counted only by round below)" if closed else ""
    print(f"\n## Real {name} set: {total.n} listings labelled blind{held_back}\n")
    _print_table(headers, table)
    if name == "titles":
        print(f"\nBy round (rounds after {OPEN_ROUNDS} not yet opened for rule work):\n")
        _print_table(["round"] + headers[1:], [_round_row(n, rounds[n], judge) for n in sorted(rounds)])
    if errors:
        for outcome, source, view, label, blocks in sorted(wrong, key=lambda w: (w[0], w[1])):
            shown = "; ".join(f"{f.rule} {f.entry} '{f.text}'" for f in blocks)
            print(f"- {outcome} [{source}:{view.id}] {view.title[:110]!r} brand={view.brand!r} "
                  f"label={label['mark']}/{label['use']} ({label['reason']}) {shown}")


def _round_row(number: int, tally: Tally, judge: bool) -> list[str]:
    """A round's figures; a round not yet opened shows only its size, so that a session's work is
    not steered by the figures of the rows that judge it. ``--judge`` shows the first closed round,
    the one that judges the session, for its closing note."""
    if number <= OPEN_ROUNDS or judge and number == OPEN_ROUNDS + 1:
        return tally.row(str(number))
    return [str(number), str(tally.n), "closed", "", "", "", "", ""]


def score_marketplaces() -> None:
    """The dev set checked for every marketplace at its default region, as a seller listing the
    same catalog there would: a marketplace's own IP rules (eBay's ban on 'for' before a fashion
    brand) count only there, and the labels say what an IP reviewer would take down anywhere."""
    from compliance.normalize import compact

    labels = read_labels("dev")
    texts = views(DEV_SOURCES)
    checker = checker_for("all")
    marks = covered_marks()
    tallies: dict[str, Tally] = {t.key: Tally() for t in checker.targets}
    for source in DEV_SOURCES:
        rows = [texts[key] for key in labels if key[0] == source]
        found = ip_blocks(source, rows, checker)
        for view in rows:
            label = labels[(source, view.id)]
            covered = any(compact(m) in marks for m in label["mark"].split("|") if m.strip())
            for key, tally in tallies.items():
                tally.add(label["label"], any(key in f.platforms for f in found.get(view.id, [])), covered)
    print("\n## Real dev set, checked for every marketplace\n")
    _print_table(["marketplace", "rows", "fail/pass/review", "IP blocks", "precision", "recall", "recall (covered)",
                  "false blocks on pass"], [tally.row(key) for key, tally in tallies.items()])


def score_genuine_tables(errors: bool) -> None:
    rows = [v for v in ALL_SOURCES["walmart-amazon"]()]
    found = ip_blocks("walmart-amazon", rows)
    if errors:
        for v in rows:
            for f in found.get(v.id, []):
                print(f"- [{v.id}] {v.title[:100]!r} brand={v.brand!r} cat={v.category!r}: "
                      f"{f.rule} {f.entry} '{f.text}'")
    shops = defaultdict(lambda: [0, 0])
    for v in rows:
        shop = v.id.split("-")[0]
        shops[shop][0] += 1
        shops[shop][1] += bool(found.get(v.id))
    print("\n## Genuine Walmart/Amazon tables: listings with a (false) IP block\n")
    table = [[shop, str(n), str(b), f"{100 * b / n:.2f} %"] for shop, (n, b) in shops.items()]
    n, b = sum(x[0] for x in shops.values()), sum(x[1] for x in shops.values())
    table.append(["all", str(n), str(b), f"{100 * b / n:.2f} %"])
    _print_table(["table", "listings", "IP blocks", "rate"], table)


def score_class_coverage() -> None:
    """How much of Google's product taxonomy and of the Walmart/Amazon flat categories the
    category table maps to Nice classes (goal: 95 % and 90 %)."""
    from compliance.classes import classes_for_category

    with open(SHARED_DATA / "google-product-taxonomy" / "taxonomy-with-ids.en-US.txt", encoding="utf-8") as f:
        paths = [line.split(" - ", 1)[1].strip() for line in f if " - " in line and not line.startswith("#")]
    google = sum(bool(classes_for_category(p)) for p in paths) / len(paths)
    rows = [v for v in ALL_SOURCES["walmart-amazon"]()]
    flat = sum(bool(classes_for_category(v.category)) for v in rows) / len(rows)
    print("\n## Category table coverage\n")
    _print_table(["set", "entries", "mapped to Nice classes", "goal"],
                 [["Google product taxonomy", str(len(paths)), f"{100 * google:.1f} %", "95 %"],
                  ["Walmart/Amazon categories", str(len(rows)), f"{100 * flat:.1f} %", "90 %"]])


# The command line of this checkout with this checkout's lists (see use_this_checkouts_lists).
THIS_CHECKOUTS_CLI = (f"import sys; sys.path[:0] = [{str(ROOT)!r}, {str(HERE)!r}]; import score; "
                      "score.use_this_checkouts_lists(); import cli; cli.main()")


def score_generated() -> None:
    dev = SHARED_DATA.parent / "eval-dev"
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([sys.executable, "-c", THIS_CHECKOUTS_CLI, "check", str(dev / "listings.csv"), "--blocklist",
                        str(dev / "blocklist.csv"), "-p", "ebay:US", "-p", "amazon:US", "-p", "ebay:DE",
                        "-p", "amazon:DE", "--as-of", AS_OF.isoformat(), "-f", "json", "-o", str(report),
                        "--no-store"],  # a measurement: neither the store's lists nor a run in its history
                       check=False)
        print("\n## Generated regression set (../shared/eval-dev)\n")
        out = subprocess.run([sys.executable, str(dev / "score.py"), str(report), str(dev / "labels.csv")],
                             capture_output=True, text=True, check=False)
        lines = (out.stdout or out.stderr).strip().splitlines()
        print("\n".join(line for line in lines if not line.startswith("  ")))


def _print_table(headers, rows) -> None:
    print("| " + " | ".join(headers) + " |")
    print("|" + "|".join("---" for _ in headers) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=["dev", "titles", "audit", "genuine"],
                        help="list the rows of a labelled set (or the genuine tables) listguard gets wrong")
    parser.add_argument("--only", choices=["dev", "titles", "heldout", "audit", "marketplaces", "genuine", "classes",
                                           "generated"], action="append")
    parser.add_argument("--judge", action="store_true",
                        help="also show the figures of the first closed round of titles, the one that judges a "
                             "session (for its closing note, not while rules are built)")
    args = parser.parse_args()
    if not available():
        print(f"no shared data at {SHARED_DATA}: the real sets cannot be scored here (set LISTGUARD_SHARED_DATA)")
        return 0
    use_this_checkouts_lists()
    only = set(args.only or ["dev", "titles", "heldout", "audit", "marketplaces", "genuine", "classes", "generated"])
    from sources import DEV_SOURCES, HELDOUT_SOURCES, TITLE_SOURCES

    if "dev" in only:
        score_set("dev", DEV_SOURCES, args.errors == "dev")
    if "titles" in only and (HERE / "labels-titles.csv").exists():
        score_set("titles", TITLE_SOURCES, args.errors == "titles", args.judge)
    if "heldout" in only and (HERE / "labels-heldout.csv").exists():
        score_set("heldout", HELDOUT_SOURCES, False)
    audited = {**DEV_SOURCES, "walmart-amazon-titles": TITLE_SOURCES["walmart-amazon-titles"]}
    if "audit" in only and (HERE / "labels-audit.csv").exists():
        # Listings blocked outside every labelled set, labelled after they were chosen for it:
        # precision of blocks in the wild; recall and false blocks say which of them are still blocked.
        score_set("audit", audited, args.errors == "audit")
    if "audit" in only and (HERE / "labels-audit-reviews.csv").exists():
        # Listings reviewed (warned), not blocked, outside every labelled set: the share of those a
        # reviewer takes down that listguard now blocks, and of those that stay up.
        score_set("audit-reviews", audited, args.errors == "audit")
    if "marketplaces" in only:
        score_marketplaces()
    if "genuine" in only:
        score_genuine_tables(args.errors == "genuine")
    if "classes" in only:
        score_class_coverage()
    if "generated" in only:
        score_generated()
    print(f"\n## Rows listguard could not read: {len(UNREADABLE)}\n")
    for line in UNREADABLE[:20]:
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
