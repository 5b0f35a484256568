"""The curated trademark lists are sane: every row sourced and owned, no name twice, classes
real, and every short or dictionary-like mark that is not flagged generic justified."""
import csv
import re
import unicodedata
from collections import defaultdict

import pytest

from compliance.blocklist import GOODS, default_blocklist_paths
from compliance.matchers.marks import is_common_word
from compliance.normalize import compact


def _rows():
    rows = []
    for path in default_blocklist_paths():
        with open(path, encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                if row["kind"] == "trademark":
                    rows.append((f"{path.name}:{line}", row))
    return rows


ROWS = _rows()


def _names(row):
    return [row["term"], *(a for a in (row.get("aliases") or "").split("|") if a.strip())]


def test_the_lists_hold_at_least_5000_marks():
    assert len(ROWS) >= 5000, len(ROWS)


def test_no_name_twice_after_normalization():
    seen = defaultdict(set)
    for where, row in ROWS:
        for name in _names(row):
            seen[compact(name)].add(where)  # "Hermes|Hermès" in one row is one name
    twice = {name: places for name, places in seen.items() if len(places) > 1}
    assert not twice, sorted(twice.items())[:20]


def test_every_row_names_owner_goods_classes_and_source():
    bad = []
    for where, row in ROWS:
        classes = [c for c in row["classes"].split("|") if c]
        if not row["owner"].strip() or not row["reference"].strip() or row["goods"] not in GOODS \
                or not classes or any(not c.isdigit() or not 1 <= int(c) <= 45 for c in classes):
            bad.append(where)
    assert not bad, bad[:20]


def _needs_note(term: str) -> bool:
    if sum(c.isalnum() for c in term) < 5:
        return True
    found = re.findall(r"\w+", term)
    return len(found) == 1 and found[0].isalpha() and is_common_word(found[0])


def test_short_or_dictionary_marks_not_flagged_generic_say_why():
    unjustified = [(where, row["term"]) for where, row in ROWS
                   if row["generic"] == "false" and _needs_note(row["term"]) and not (row.get("note") or "").strip()]
    assert not unjustified, unjustified[:20]


@pytest.mark.parametrize("kind", ["character", "sports", "luxury", "fashion", "device", "vehicle", "cosmetics", "media",
                                  "toy", "food"])
def test_each_kind_of_goods_sellers_infringe_is_covered(kind):
    assert sum(row["goods"] == kind for _, row in ROWS) >= 150


def test_no_oil_or_car_care_maker_is_listed_as_vehicles_products_fit():
    # Goods "vehicle" permits "for X" as compatibility: parts fit a car maker's models, nothing
    # fits a lubricant's or a polish's maker (their goods are chemicals, oils and cleaning kits).
    chemicals = {1, 2, 3, 4, 17, 21}
    wrong = [(where, row["term"]) for where, row in ROWS if row["goods"] == "vehicle"
             and {int(c) for c in row["classes"].split("|") if c} <= chemicals]
    assert not wrong, wrong[:20]


def _spelled(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip()).lower()


def _everyday(word: str) -> bool:
    from compliance.matchers.declension import russian_word

    cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
    return is_common_word(word.lower()) or cyrillic and russian_word(word)


def test_a_generic_marks_own_name_confirms_it_only_where_the_note_says_why():
    """A generic mark counts only beside one of its keywords. A keyword that is the mark's own name
    confirms every mention of it: that is right for a coined name of a generic mark's ('Хоббит'),
    and wrong for its term ('GANT' made "gant de cuisine" Gant's) or an everyday word
    ('Головоломка', Russian for a puzzle, made every puzzle Inside Out's). Those say why."""
    unjustified = []
    for where, row in ROWS:
        if row["generic"] != "true" or (row.get("note") or "").strip():
            continue
        # As keywords are read: whole words, whatever their case ("O.P.I" is not "opi")
        names = {_spelled(name) for name in _names(row)}
        joined = {compact(name) for name in _names(row)}  # 'MakeOver' is 'Make Over' written as one word
        for keyword in filter(None, (k.strip() for k in row["keywords"].split("|"))):
            if _spelled(keyword) not in names and not (" " not in keyword and compact(keyword) in joined):
                continue
            if _spelled(keyword) == _spelled(row["term"]) or " " not in keyword and _everyday(keyword):
                unjustified.append((where, row["term"], keyword))
    assert not unjustified, unjustified


def _words_of(name: str, lang: str, known) -> bool:
    """A one-word name written as one of the language's own words ("kabar" for Ka-Bar), or a
    phrase of its everyday words ("Padre de familia")."""
    from compliance.normalize import fold

    if " " not in name:
        return compact(name) in known[lang]
    return all(w in known[lang] or is_common_word(w) for w in fold(name).text.lower().split())


def test_every_everyday_name_is_a_listed_marks_name_and_a_word_of_its_language():
    from importlib import resources

    from compliance.blocklist import everyday_names
    from compliance.matchers.declension import russian_word
    from compliance.matchers.marks import language_words

    text = resources.files("compliance.blocklists").joinpath("everyday_names.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    listed = {compact(name) for _, row in ROWS for name in _names(row)}
    assert rows and {compact(row["name"]) for row in rows} == set(everyday_names())
    for row in rows:
        assert compact(row["name"]) in listed, row["name"]
        assert row["sense"].strip(), row["name"]
        languages = row["language"].split("|")
        if languages == ["ru"]:
            assert all(russian_word(w) for w in row["name"].lower().split()), row["name"]
        else:  # the languages' everyday words, as their letters are written in a title
            assert any(_words_of(row["name"], lang, language_words()) for lang in languages), row["name"]
    assert "everyday_names.csv" not in {p.name for p in default_blocklist_paths()}
