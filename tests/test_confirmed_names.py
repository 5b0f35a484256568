"""Character, team and model names that are everyday words count only in their context."""
import datetime as dt

import pytest

from compliance.blocklist import Entry
from compliance.check import Checker
from compliance.listing import Listing
from compliance.platforms import load_platforms, parse_targets

MERCH = frozenset({9, 14, 16, 18, 21, 24, 25, 28, 41})
ENTRIES = [
    Entry("Pokemon", "trademark", owner="Nintendo", classes=MERCH, goods="character"),
    Entry("Pikachu", "trademark", owner="Nintendo", classes=MERCH, goods="character",
          keywords=("Pokemon", "Pokémon")),
    Entry("Ditto", "trademark", owner="Nintendo", classes=MERCH, goods="character", generic=True,
          keywords=("Pokemon", "Pokémon")),
    Entry("Honda", "trademark", owner="Honda Motor Co.", classes=frozenset({12, 28, 37}), goods="vehicle"),
    Entry("Civic", "trademark", owner="Honda Motor Co.", classes=frozenset({12, 28, 37}), goods="vehicle",
          generic=True, keywords=("Honda",)),
    Entry("Victor", "trademark", owner="Victor Rackets Industrial Corp.", classes=frozenset({25, 28, 41}),
          goods="sports", generic=True, keywords=("badminton", "racket")),
    Entry("Princess", "trademark", owner="Disney Enterprises", classes=MERCH, goods="character", generic=True,
          keywords=("castle",)),
    Entry("Storm", "trademark", owner="Marvel Characters", classes=MERCH, goods="character", generic=True,
          keywords=("Marvel",)),
    Entry("X-23", "trademark", owner="Marvel Characters", classes=MERCH, goods="character"),
    Entry("KISS", "trademark", owner="Kiss Catalog", classes=MERCH, goods="media", generic=True,
          keywords=("Gene Simmons", "band", "rock")),
]


@pytest.fixture(scope="module")
def check():
    checker = Checker(parse_targets(["ebay:US"], load_platforms()), ENTRIES, as_of=dt.date(2026, 1, 1))

    def run(title, description=""):
        result = checker.check_batch([Listing.from_values("T1", 1, {"title": title, "description": description})])[0]
        return {f.entry for f in result.findings if f.kind == "trademark"}
    return run


@pytest.mark.parametrize("title, description, marks", [
    ("Ditto Plush Toy 20cm", "", {"Ditto"}),                           # a name on merchandise
    ("Pokemon Ditto Keychain", "", {"Pokemon", "Ditto"}),              # beside its franchise
    ("Ditto and Pikachu Figure Set", "", {"Ditto", "Pikachu"}),        # beside another of its characters
    ("Ditto Sticker Sheet", "Cute Pokémon stickers", {"Ditto", "Pokemon"}),  # the franchise in the description
    ("Receipt book, ditto copies, 50 sheets", "", set()),              # the everyday word
    ("Ditto Notebook Refill Paper", "", set()),                        # no merchandise, no franchise
    ("Civic Center Parking Sign", "", set()),                          # no maker
    ("Floor Mats for Honda Civic 2016-2021", "", {"Honda", "Civic"}),  # the model beside its maker (fit)
    ("Net bádminton VICTOR import quality", "", {"Victor"}),           # a sports maker beside its sport
    ("Victor Hugo poster, Les Misérables", "", set()),                 # the name, no sport
    ("Princess castle tent for girls", "", set()),                     # a franchise's everyday keyword
    ("Kiss End of The Road Tour T-shirt, rock band tee", "", {"KISS"}),  # two of a band's everyday keywords
    ("Kiss me t-shirt with a band of lace", "", set()),                # one of them: an everyday phrase
    ("Storm and X-23 Figure Set", "", {"Storm", "X-23"}),              # beside another of its characters
    ("Storm shipping case with foam 13.1 x 23.7 x 24.9", "", set()),   # 'x 23' is a size, vouching for nothing
])
def test_an_everyday_name_counts_only_in_its_context(check, title, description, marks):
    assert check(title, description) == marks


def test_a_fashion_line_on_a_bag_filed_under_phones_is_still_its_merchandise():
    entries = [Entry("Fear of God", "trademark", owner="Fear of God, LLC", classes=frozenset({18, 25}), goods="fashion",
                     generic=True),
               Entry("Essentials", "trademark", owner="Fear of God, LLC", classes=frozenset({25}), goods="fashion",
                     generic=True, keywords=("Fear of God", "FOG"))]
    checker = Checker(parse_targets(["ebay:US"], load_platforms()), entries, as_of=dt.date(2026, 1, 1))
    values = {"title": "FEAR OF GOD ESSENTIALS Street Wear Chest Bag Crossbody", "brand": "",
              "category": "Cell Phones & Gadgets > Smartphones"}
    result = checker.check_batch([Listing.from_values("T1", 1, values)])[0]
    assert {(f.entry, f.severity) for f in result.findings if f.kind == "trademark"} >= {("Essentials", "block")}
