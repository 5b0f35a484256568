"""Known licensees in the brand column, hyphenated product names, and the device named just
before its accessory: genuine listings that read as another company's mark."""
import csv
import datetime as dt
from importlib import resources

import pytest

from compliance.blocklist import Entry, default_blocklist_paths
from compliance.check import Checker
from compliance.listing import Listing
from compliance.matchers.marks import compound_name
from compliance.normalize import compact
from compliance.platforms import load_platforms, parse_targets

from .test_trademark import rules


def test_a_known_licensee_in_the_brand_column_sells_licensed_goods(checker_with):
    check = checker_with()
    title = "Duracell rechargeable camcorder battery pack 2200mAh"
    assert "TM001" in rules(check(title, brand="Acme Power", category="batteries"), "block")
    assert not rules(check(title, brand="Battery-Biz", category="batteries"), "block")
    assert not rules(check("duracell 8 gb secure digital card", brand="dane-elec", category="blank media"), "block")
    # A licence to a property covers its characters: Disney for Mickey Mouse.
    assert not rules(check("Mickey Mouse kids headphones", brand="KIDdesigns", category="headphones"), "block")
    # ... and only the marks it names.
    assert "TM001" in rules(check("Nike kids headphones", brand="KIDdesigns", category="headphones"), "block")


@pytest.mark.parametrize("title, league", [
    ("Molten Bola Basket BG4500 Size 7 Original FIBA", "fiba"),
    ("Wilson NBA Authentic Series Outdoor Basketball", "nba"),
])
def test_a_leagues_official_ball_maker_leading_the_title_sells_its_licensed_ball(checker_with, title, league):
    from .rule_harness import severities

    assert severities(checker_with()(title, brand=None), league) == {"warn"}


def test_a_leagues_mark_on_a_ball_no_licensee_leads_still_fails(checker_with):
    from .rule_harness import severities

    assert "block" in severities(checker_with()("Bola Basket Size 7 FIBA Original", brand=None), "fiba")


def test_a_licence_covers_the_brand_not_a_copy(checker_with):
    result = checker_with()("Duracell replica camcorder battery", brand="Battery-Biz", category="batteries")
    assert "CF001" in rules(result, "block")


def _register():
    text = resources.files("compliance.blocklists").joinpath("licensees.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_every_licence_names_marks_the_lists_hold_with_a_reference(curated_entries):
    names = {compact(n) for e in curated_entries for n in e.names}
    for row in _register():
        assert row["relation"] in {"licensee", "distributor", "publisher"}, row
        assert row["reference"].startswith("https://"), row
        missing = [m for m in row["marks"].split("|") if compact(m) not in names]
        assert not missing, (row["licensee"], missing)


def test_the_register_is_not_loaded_as_a_blocklist():
    assert "licensees.csv" not in {p.name for p in default_blocklist_paths()}


@pytest.mark.parametrize("written, compound", [
    ("Kill-A-Watt", True), ("jack-o-lantern", True), ("N-I-K-E", False), ("Gu-cci", False),
    ("Ad-i-das", False), ("Sup-reme", False), ("Chanel", False), ("A-Data", True), ("v-tech", True),
    ("N-ike", False), ("A-D-ATA", False),
])
def test_everyday_words_joined_by_hyphens_are_a_name_not_a_disguise(written, compound):
    assert compound_name(written) is compound


@pytest.fixture(scope="module")
def cosmetics_checker():
    entries = [Entry("Killawatt", "trademark", owner="A cosmetics house", classes=frozenset({3}), goods="cosmetics"),
               Entry("Nike", "trademark", owner="Nike, Inc.", classes=frozenset({25}), goods="fashion")]
    return Checker(parse_targets(["amazon:US"], load_platforms()), entries, as_of=dt.date(2026, 1, 1))


def _findings(checker, title, category, brand="Volta"):
    listing = Listing.from_values("T1", 1, {"title": title, "category": category, "brand": brand})
    return checker.check_batch([listing])[0].findings


def test_a_hyphenated_product_name_is_no_disguised_mark_of_other_goods(cosmetics_checker):
    found = _findings(cosmetics_checker, "Kill-A-Watt plug-in electricity usage monitor", "power meters")
    assert not [f for f in found if f.severity == "block"], found
    # Letters split apart still hide a mark.
    found = _findings(cosmetics_checker, "N-I-K-E running shoes", "shoes")
    assert [f.rule for f in found if f.severity == "block"] == ["TM001"]


@pytest.mark.parametrize("title", [
    "retractable ipod charger-white",
    "3ft iphone usb data sync cable",
    "dual port ipad car charging adapter",
])
def test_the_device_just_before_its_accessory_under_another_brand_is_what_it_fits(checker_with, title):
    result = checker_with()(title, brand="Voltworks", category="chargers")
    assert "TM003" in rules(result, "info") and not rules(result, "block"), result.findings


def test_a_licence_covers_the_propertys_characters_named_after_it_and_no_other_property_of_its_owner():
    from compliance.licensees import licence_for

    unicorn = Entry("Unicorn Gundam", "trademark", owner="Sotsu Co., Ltd. and Sunrise (Bandai Namco Filmworks Inc.)")
    pony = Entry("My Little Pony", "trademark", owner="Hasbro, Inc.")  # Hasbro also owns Power Rangers
    assert licence_for("bandai", unicorn) is not None
    assert licence_for("bandai", pony) is None


def test_a_leagues_licence_covers_the_clubs_its_properties_company_licenses():
    from compliance.licensees import licence_for, licensing_agents

    wings = Entry("Detroit Red Wings", "trademark", owner="Detroit Red Wings / NHL Enterprises, L.P.")
    yankees = Entry("New York Yankees", "trademark",
                    owner="New York Yankees Partnership / Major League Baseball Properties")
    shared = Entry("Giants", "trademark", owner="New York Giants / NFL Properties LLC ; San Francisco Giants / "
                                                "Major League Baseball Properties")
    gators = Entry("Florida Gators", "trademark", owner="University of Florida Board of Trustees")
    assert licensing_agents(shared.owner) == ("nflpropertiesllc", "majorleaguebaseballproperties")
    assert licence_for("siskiyou", wings) is not None  # its licence names the NHL
    assert licence_for("siskiyou", yankees) is not None  # "MLB" is Major League Baseball's mark
    assert licence_for("siskiyou", shared) is not None
    assert licence_for("siskiyou", gators) is None  # a school licenses its own marks: no league's licence covers them
    assert licence_for("molten", wings) is None  # a licence for FIBA is none for the NHL


def test_a_leagues_licensee_in_the_brand_column_sells_its_clubs_goods(checker_with):
    check = checker_with()
    title = "detroit red wings ipod touch silicone skin"
    assert "TM001" not in rules(check(title, brand="siskiyou", category="cases"), "warn")  # spared: licensed
    assert "TM001" in rules(check(title, brand="Acme Cases", category="cases"), "warn")  # a review: licensee?


@pytest.mark.parametrize("title, mark", [
    ("FOCO Detroit Red Wings knit beanie", "detroit red wings"),      # a licensee that no list of marks holds
    ("Loungefly Mickey Mouse mini backpack", "mickey mouse"),
    ("skinit kindle skin fits latest generation 6 display kindle new york yankees", "new york yankees"),
])
def test_a_known_licensee_opening_the_title_makes_a_review_not_a_block(checker_with, title, mark):
    from .rule_harness import severities

    check = checker_with()
    assert severities(check(title, brand=None), mark) == {"warn"}
    without = title.split(" ", 1)[1]
    assert "block" in severities(check(without, brand=None), mark)  # the same goods with no licensee named


@pytest.mark.parametrize("title, mark", [
    ("Набор детской посуды Stor. Disney / Marvel. Человек-паук", "человек-паук"),  # the maker after the product
    ("Воздушный шар Принцесса Белль, Красавица и Чудовище 109 см Anagram", "красавица и чудовище"),
    ("Mochila Loungefly Disney Stitch", "stitch"),        # Spanish word order: the maker after the product
    ("Paleta De Sombras Colorpop x Disney Villains", "disney villains"),  # a collaboration's "x"
    ("Sailor Moon x Colorpop eyeshadow palette", "sailor moon"),
])
def test_a_known_licensee_named_after_the_product_makes_a_review_not_a_block(checker_with, title, mark):
    from .rule_harness import severities

    check = checker_with()
    assert severities(check(title, brand=None), mark) == {"warn"}
    without = title.replace("Stor. ", "").replace(" Anagram", "").replace(" Loungefly", "") \
        .replace("Colorpop x ", "").replace(" x Colorpop", "")
    assert "block" in severities(check(without, brand=None), mark)


def test_in_a_title_of_latin_letters_a_licensee_counts_only_opening_it(checker_with):
    from .rule_harness import severities

    # "Foco" is also Spanish for focus (FOCO is a league licensee); later in such a title a licensee's
    # name may be a copy's keyword ("figure by Bandai")
    assert "block" in severities(checker_with()("Gorra New York Yankees Foco Brillante", brand=None),
                                 "new york yankees")


def test_an_everyday_word_after_the_product_is_the_word_not_a_licensee(checker_with):
    from .rule_harness import severities

    # "Foco" is Spanish for a light bulb: right after the product it is the bulb, not FOCO the licensee
    assert "block" in severities(checker_with()("Lámpara Foco LED Disney Frozen", brand=None), "frozen")
    # a licensee named anywhere else in a title of Latin letters is no maker ("figure by Bandai")
    assert "block" in severities(checker_with()("Mochila Disney Stitch de regalo Loungefly", brand=None),
                                 "stitch")


def test_a_known_licensee_opening_the_title_covers_only_its_licensed_marks(checker_with):
    from .rule_harness import severities

    assert "block" in severities(checker_with()("FOCO Hello Kitty knit beanie", brand=None), "hello kitty")


@pytest.mark.parametrize("title, mark, expected", [
    ("retract 4n1 ipod charger-black", "ipod", {"info"}),                           # the charger's colour
    ("clarion cca748 ipod audio control video playback interface cable-clrcca748", "ipod", {"info"}),  # its code
    ("hp deskjet 1050 all-in-one - multifunction printer - color - ink-jet", "hp", {"warn"}),  # no ink: a printer
])
def test_an_accessory_noun_joined_to_its_colour_or_code_is_still_the_accessory(checker_with, title, mark, expected):
    from .rule_harness import severities

    assert severities(checker_with()(title, brand=None), mark) == expected
