"""Draw the real dev and held-out sets: ids only, seeded, without listguard.

Half of each source's rows are drawn at random; the other half from rows that contain a
name from the open name lists in ../shared/data (brand allow-list, franchises, characters,
Simple Icons), so the set holds enough mark-bearing listings to measure recall and enough
ordinary words that look like names to measure false blocks. listguard's own lists are not
used for drawing, so the draw does not favour what listguard already knows.

    python eval/sample.py      # rewrites eval/dev-ids.csv, heldout-ids.csv and titles-ids.csv
"""
from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sources import DEV_SOURCES, HELDOUT_SOURCES, SHARED_DATA, TITLE_SOURCES, views  # noqa: E402

DEV_SIZES = {"ozon": 260, "shopee": 200, "lazada": 200, "shein": 200, "aliexpress": 260,
             "wish": 120, "flipkart": 120, "walmart-amazon": 300}
HELDOUT_SIZES = {"wdc-computers": 300, "indonesian": 300}
TITLE_SIZES = {"lazada-titles": 200, "shopee-titles": 200, "walmart-amazon-titles": 200}
# A second round of marketplace titles, drawn after the first was labelled (so it stays as it was).
TITLE_SIZES_MORE = {"lazada-titles": 60, "shopee-titles": 240}
# A third round, drawn and labelled before a session's rule work, to judge that work on rows it never saw.
TITLE_SIZES_THIRD = {"walmart-amazon-titles": 150, "shopee-titles": 150}
# A fourth round, drawn and labelled before a session's rule work: the last marketplace titles in no
# other set (Lazada's are all taken), and more of a retailer's electronics titled without a brand.
TITLE_SIZES_FOURTH = {"shopee-titles": 200, "walmart-amazon-titles": 100}
# A fifth round, drawn and labelled before a session's rule work: titles of four more dev sources
# (rows in no other set), since Lazada's and Shopee's titles are all taken.
TITLE_SIZES_FIFTH = {"ozon-titles": 120, "aliexpress-titles": 100, "shein-titles": 40, "flipkart-titles": 40}
# A sixth round, drawn and labelled before a session's rule work: more of a retailer's titles and of the
# two marketplaces with titles left (rows in no other set).
TITLE_SIZES_SIXTH = {"walmart-amazon-titles": 120, "ozon-titles": 90, "aliexpress-titles": 90}
# A seventh round, drawn and labelled before a session's rule work: more of the retailer's titles (the
# situation of a shop's offers read without a brand column), two marketplaces and Flipkart's last rows.
TITLE_SIZES_SEVENTH = {"walmart-amazon-titles": 120, "aliexpress-titles": 80, "ozon-titles": 60,
                       "flipkart-titles": 40}
# An eighth round, drawn and labelled before a session's rule work: the retailer's titles, the two
# marketplaces with titles left, and SHEIN's, whose titles have been drawn once only.
TITLE_SIZES_EIGHTH = {"walmart-amazon-titles": 110, "ozon-titles": 80, "aliexpress-titles": 70,
                      "shein-titles": 40}
# From the ninth round on, one round a session, drawn and labelled at its start and kept closed to
# judge the next session's rule work: the retailer's titles, the two marketplaces with titles left,
# and SHEIN's; with SHEIN's titles nearly all taken (37 left in neither set), Flipkart's instead
# from the twenty-fifth. A new round adds one to the count of the last kind.
TITLE_SIZES_WITH_SHEIN = {"walmart-amazon-titles": 120, "ozon-titles": 80, "aliexpress-titles": 60,
                          "shein-titles": 40}
TITLE_SIZES_WITH_FLIPKART = {"walmart-amazon-titles": 120, "ozon-titles": 80, "aliexpress-titles": 60,
                             "flipkart-titles": 40}
TITLE_SIZES_SHEIN_AND_FLIPKART = {"walmart-amazon-titles": 120, "ozon-titles": 80, "aliexpress-titles": 60,
                                  "shein-titles": 20, "flipkart-titles": 20}
# From the thirty-first round on, SHEIN's and Flipkart's titles are nearly all taken (17 and 11 left in
# no set), so a round takes the retailer's titles and the two marketplaces with titles left.
TITLE_SIZES_THREE_SOURCES = {"walmart-amazon-titles": 140, "ozon-titles": 90, "aliexpress-titles": 70}
# The rounds in the order they were drawn: round k is drawn with seed SEED + k - 1, from rows not
# taken by the dev set or an earlier round; from the second round on, from titles not taken either.
TITLE_ROUNDS = (TITLE_SIZES, TITLE_SIZES_MORE, TITLE_SIZES_THIRD, TITLE_SIZES_FOURTH, TITLE_SIZES_FIFTH,
                TITLE_SIZES_SIXTH, TITLE_SIZES_SEVENTH, TITLE_SIZES_EIGHTH) \
    + (TITLE_SIZES_WITH_SHEIN,) * 16 + (TITLE_SIZES_WITH_FLIPKART,) * 5 \
    + (TITLE_SIZES_SHEIN_AND_FLIPKART,) * 1 + (TITLE_SIZES_THREE_SOURCES,) * 6
SEED = 20261204
# The audits' rows (eval/labels-audit.csv, labels-audit-reviews.csv: listings outside every labelled set
# that listguard blocked or reviewed, labelled blind after the thirty-sixth round was drawn) were read
# while rules were built: later rounds never draw them.
AUDITED_AFTER_ROUND = 36


AUDITS = ("labels-audit.csv", "labels-audit-reviews.csv")


def _audited() -> frozenset[str]:
    found: set[str] = set()
    for name in AUDITS:
        path = Path(__file__).resolve().parent / name
        if path.exists():
            with open(path, encoding="utf-8", newline="") as f:
                found |= {row["id"].split(":", 1)[1] for row in csv.DictReader(f)}
    return frozenset(found)


def _names() -> set[str]:
    names: set[str] = set()
    data = SHARED_DATA
    with open(data / "amazon-brand-allowlist/amazon_brand_allowlist.csv", encoding="utf-8") as f:
        names |= {row["brand"] for row in csv.DictReader(f)}
    with open(data / "media-franchises/media_franchises_by_franchise.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.add(row["franchise"])
            names |= set(filter(None, row["aliases"].split(";")))
    with open(data / "character-names-npm/comic_and_starwars_names.csv", encoding="utf-8") as f:
        names |= {row["name"] for row in csv.DictReader(f)}
    with open(data / "character-names-npm/pokemon_names.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names |= {row["name_en"], row["name_ru"]}
    with open(data / "simple-icons-brands/simple_icons_brands.csv", encoding="utf-8") as f:
        names |= {row["title"] for row in csv.DictReader(f)}
    return {name.strip().lower() for name in names if len(name.strip()) >= 4}


def _mentions(names: set[str]):
    def hit(text: str) -> bool:
        tokens = re.findall(r"\w+", text.lower())
        for size in (1, 2, 3):
            for i in range(len(tokens) - size + 1):
                if " ".join(tokens[i:i + size]) in names:
                    return True
        return False
    return hit


def draw(sources, sizes, names, taken_before=frozenset(), seed=SEED, new_titles=False) -> list[tuple[str, str, str]]:
    """``taken_before``: ids already in another set, never drawn again; with ``new_titles``, nor
    another copy of their titles."""
    rng = random.Random(seed)
    hit = _mentions(names)
    chosen: list[tuple[str, str, str]] = []
    all_views = views(sources)
    for source, size in sizes.items():
        rows = sorted((v for (s, _), v in all_views.items() if s == source), key=lambda v: v.id)
        # de-duplicate identical titles: scraped sets repeat the same listing
        seen = {v.title.lower() for v in rows if v.id in taken_before} if new_titles else set()
        unique = []
        for view in rows:
            if view.title.lower() not in seen and view.id not in taken_before:
                seen.add(view.title.lower())
                unique.append(view)
        named = [v for v in unique if hit(f"{v.title} {v.description}")]
        take_named = rng.sample(named, min(len(named), size // 2))
        taken = {v.id for v in take_named}
        rest = [v for v in unique if v.id not in taken]
        take_random = rng.sample(rest, size - len(take_named))
        chosen += [(source, v.id, "named") for v in take_named]
        chosen += [(source, v.id, "random") for v in take_random]
    return chosen


def write(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["source", "id", "drawn"])
        out.writerows(rows)


if __name__ == "__main__":
    names = _names()
    here = Path(__file__).resolve().parent
    write(here / "dev-ids.csv", draw(DEV_SOURCES, DEV_SIZES, names))
    write(here / "heldout-ids.csv", draw(HELDOUT_SOURCES, HELDOUT_SIZES, names))
    dev = draw(DEV_SOURCES, DEV_SIZES, names)
    titles: list[tuple[str, str, str]] = []
    for number, sizes in enumerate(TITLE_ROUNDS):
        taken = frozenset(i for _, i, _ in dev + titles)
        if number >= AUDITED_AFTER_ROUND:  # rounds are numbered from 0 here
            taken |= _audited()
        titles += draw(TITLE_SOURCES, sizes, names, taken, seed=SEED + number, new_titles=number > 0)
    write(here / "titles-ids.csv", titles)
