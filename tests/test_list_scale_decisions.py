"""Decisions that keep a list of thousands of marks right on ordinary text."""
import datetime as dt

import pytest

from compliance.blocklist import Entry, link_lines
from compliance.check import Checker
from compliance.listing import Listing
from compliance.platforms import load_platforms, parse_targets

E = frozenset({9})
ENTRIES = link_lines([
    Entry("Nintendo", "trademark", owner="Nintendo Co., Ltd.", classes=E, goods="device"),
    Entry("Switch", "trademark", owner="Nintendo Co., Ltd.", classes=E, goods="device", generic=True,
          keywords=("Nintendo",)),
    Entry("Qualcomm", "trademark", owner="Qualcomm Incorporated", classes=E, goods="component"),
    Entry("UltraFine", "trademark", owner="LG Electronics", classes=frozenset({9, 16}), goods="device"),
    Entry("Girondins de Bordeaux", "trademark", owner="FC Girondins de Bordeaux", aliases=("Бордо",),
          classes=frozenset({25, 18}), goods="sports"),
    Entry("Maxima", "trademark", owner="Nissan", classes=frozenset({12}), goods="other"),
    Entry("Nordica", "trademark", owner="Tecnica Group S.p.A.", classes=frozenset({25, 28}), goods="other"),
    Entry("Pokemon", "trademark", owner="The Pokemon Company", classes=frozenset({28, 16}), goods="character"),
    Entry("Xpander", "trademark", owner="Mitsubishi Motors", classes=frozenset({9, 28}), goods="other"),
    Entry("Gucci", "trademark", owner="Guccio Gucci S.p.A.", classes=frozenset({18, 25}), goods="luxury"),
    Entry("Nike", "trademark", owner="Nike, Inc.", classes=frozenset({25}), goods="fashion"),
    Entry("ST", "trademark", owner="Ford", classes=frozenset({12}), goods="vehicle", generic=True, keywords=("Ford",)),
    Entry("Sharp", "trademark", owner="Sharp Corporation", classes=frozenset({9, 8, 11}), goods="device",
          generic=True),
    Entry("Lenovo", "trademark", owner="Lenovo", classes=E, goods="device"),
])


@pytest.fixture(scope="module")
def check():
    checker = Checker(parse_targets(["ebay:US"], load_platforms()), ENTRIES, as_of=dt.date(2026, 1, 1))

    def run(title, description="", brand=""):
        values = {"title": title, "description": description, "brand": brand}
        result = checker.check_batch([Listing.from_values("T1", 1, values)])[0]
        return {(f.entry, f.severity) for f in result.findings if f.kind == "trademark"}
    return run


def test_a_product_line_row_is_linked_to_its_owners_house_mark():
    lines = {e.term: e.line_of for e in ENTRIES}
    assert lines["Switch"] == "Nintendo" and lines["Nintendo"] == "" and lines["Qualcomm"] == ""


@pytest.mark.parametrize("title, description, brand, expected", [
    # a component or platform named inside another product states what it contains
    ("10 inch Tablet 4GB RAM Qualcomm Octa Core", "", "Beesitto", set()),
    # a coined compound met as everyday words written apart
    ("Mark-It permanent markers ultra-fine point, dozen", "", "", set()),
    # a colour's own name is the colour, not the club of Bordeaux
    ("Мешок для обуви, полиэстер, микс бордо", "", "", set()),
    # an accented everyday word is that word; a name frequent with and without accents is the name
    ("Fusible 3 en 1 potencia máxima 15A", "", "", set()),
    # a dictionary word with its accents, rarer than an everyday one: a duvet cover, not Nordica
    ("Juego de sábanas y funda nórdica 150 cm", "", "", set()),
    # a misspelling keeps its first letter: "PANDER" is the seller's name, not Xpander
    ("PANDER Reading Glasses Bifocal", "", "", set()),
    # digits read as letters need three letters: "S7" is a phone, not a disguised "ST"
    ("Galaxy S7 silicone case", "", "", set()),
    # the everyday word elsewhere does not undo the logo leading the title
    ("SHARP Hair Dryer 1200W ionic", "Very sharp styling, sharp look", "", {("Sharp", "block")}),
    # a maker leading the title with its part number, no brand column: maybe genuine stock
    ("Lenovo 90W Power Supply 40A20090EU", "", "", {("Lenovo", "warn")}),
    # a model's name that is no word: the device the accessory is made for
    ("Lenovo ThinkPad Ultra Dock 90W", "", "", {("Lenovo", "info")}),
])
def test_ordinary_text_is_not_read_as_marks(check, title, description, brand, expected):
    assert check(title, description, brand) == expected


@pytest.mark.parametrize("title, expected", [
    ("Guccci Leather Belt for Men", {("Gucci", "block")}),     # a misspelling of a fashion house
    ("N1ke Running Shoes Men", {("Nike", "block")}),           # digits as letters, three letters kept
    ("Pokémon Plush Toy 20cm", {("Pokemon", "block")}),        # the name with its accent
    ("Nórdïca Ski Boots Men", {("Nordica", "block")}),          # accents that make no word
])
def test_disguised_marks_are_still_found(check, title, expected):
    assert check(title) == expected
