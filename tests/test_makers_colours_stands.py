"""A maker's own name before its line (its owner written with the house in brackets, a spelling
that names its maker), a character whose name is a colour written as one, and a stand made for
a property's figures: what a genuine or a third-party product says, not a borrowed mark."""
import pytest

from compliance.blocklist import Entry
from compliance.rules.evidence import same_maker

from .rule_harness import severities, tm_findings


def _entry(term: str, owner: str) -> Entry:
    return Entry(term, "trademark", owner=owner, classes=frozenset({16}), goods="other")


@pytest.mark.parametrize("owner_a, owner_b", [
    ("Wite-Out (Société BIC)", "Société BIC"),     # the house in brackets
    ("Newell Brands (DYMO)", "DYMO"),
    ("Corsair Memory, Inc.", "Corsair Gaming, Inc."),  # the distinctive first word, as before
])
def test_an_owner_named_in_brackets_is_the_same_maker(owner_a, owner_b):
    assert same_maker(_entry("A", owner_a), _entry("B", owner_b))


@pytest.mark.parametrize("owner_a, owner_b", [
    ("Wite-Out (Société BIC)", "Pentel Co., Ltd."),
    ("Newell Brands (DYMO)", "Brother Industries (Brother)"),
])
def test_owners_sharing_no_name_are_other_makers(owner_a, owner_b):
    assert not same_maker(_entry("A", owner_a), _entry("B", owner_b))


def test_a_line_after_its_owners_house_mark_is_a_review_not_a_block(checker_with):
    # BIC owns Wite-Out: "bic wite-out" is BIC's own product, maybe genuine stock.
    result = checker_with()("bic wite-out shake n squeeze correction pen white 4-pack", brand=None)
    assert severities(result, "wite-out") == {"warn"}


def test_a_line_after_another_makers_name_is_still_anothers_mark(checker_with):
    # Paper Mate is Newell's, not BIC's: its name before Wite-Out makes no BIC product.
    result = checker_with()("papermate wite-out correction pen", brand=None)
    assert severities(result, "wite-out") == {"block"}


@pytest.mark.parametrize("title", [
    "Sram E-tap AXS rear derailleur 12 speed",
    "LTWOO pulley wheels R7000 R8000 Sram E-tap RD ceramic bearing",
])
def test_a_spelling_right_after_its_own_maker_hides_nothing(checker_with, title):
    result = checker_with()(title, brand=None)
    assert not any("written as" in f.message for f in result.findings if f.kind == "trademark")
    assert "block" not in severities(result, "e-tap")


@pytest.mark.parametrize("title, written", [
    ("Shimano E-tap rear derailleur 12 speed", "e-tap"),   # another maker's name before it
    ("Havai-anas Fashionable Summer Flat Slippers For Women", "havai-anas"),
])
def test_a_spelling_after_no_maker_or_another_is_still_a_disguise(checker_with, title, written):
    result = checker_with()(title, brand=None)
    assert severities(result, written) == {"block"}
    assert any("written as" in f.message for f in result.findings if f.kind == "trademark")


@pytest.mark.parametrize("title", [
    "1pc Unisex Brown PU Leather Cuff Bracelet With Circular Decor, Viking Warrior Cosplay Accessory",
    "Brown Leather Cosplay Belt Pouch",
])
def test_a_characters_colour_name_before_the_noun_it_colours_is_the_colour(checker_with, title):
    assert not severities(checker_with()(title, brand=None), "brown")


@pytest.mark.parametrize("title", [
    "Wooden Drawer Organizer, 12 Grid Sorting Tray, Dark Brown (13.2 X 9.2 Inches) Halloween Costumes",
    "Disfraz De Oso Para Niños Marrón Brown Oscuro Talla M",
    "Light Pink Cosplay Wig Costume 80cm",
])
def test_a_shade_of_a_characters_colour_name_is_the_colour(checker_with, title):
    result = checker_with()(title, brand=None)
    assert not severities(result, "brown") and not severities(result, "pink")


@pytest.mark.parametrize("title", [
    "Brown Cosplay Costume Bear Line Friends",  # the character product, and its franchise
    "BROWN plush cosplay 30cm",                  # a name in logo capitals on a plush
])
def test_the_character_named_on_the_character_itself_is_still_read(checker_with, title):
    assert severities(checker_with()(title, brand=None), "brown") == {"block"}


@pytest.mark.parametrize("title, mark", [
    ("DIY Action Figure Display Stand Base For Gundam RG MG Kits", "gundam"),
    ("Soporte De Exhibición Para Gundam RG MG", "gundam"),
    ("Acrylic display case for Funko Pop figures", "funko"),
])
def test_a_stand_for_a_propertys_figures_says_what_it_fits(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert ("TM003", "info", mark) in tm_findings(result)
    assert "block" not in severities(result, mark)


@pytest.mark.parametrize("title, mark", [
    ("Hello Kitty case for iPhone 13", "hello kitty"),      # a case with the character: merchandise
    ("Gundam keychain for bag charm", "gundam"),
])
def test_other_products_for_a_property_are_still_merchandise(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)
