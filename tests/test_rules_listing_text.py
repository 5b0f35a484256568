"""Title and text rules LS000-LS006 and AU001: listings that must fire, and near misses that must not."""
from __future__ import annotations

import pytest

from .rule_harness import hits

AMAZON_CHARS = {"chars": "!$?_{}^¬¦", "allow_in_brand": True}
AMAZON_CONTEXT_CHARS = {"chars": "~#<>*", "allow_contexts": True}
EBAY_SYMBOLS = {"symbols": True}
AMAZON_PROMO = {"phrases": ("free shipping", "100% quality guaranteed")}
AMAZON_SUBJECTIVE = {"phrases": ("hot item", "best seller", "best sellers", "best quality", "sale", "great gift")}
REPEATS = {"max_repeats": 2, "ignore": ("a", "an", "the", "and", "or", "for", "with", "of", "in", "on", "to")}




def entries(code, params, values, fields=None) -> list[str]:
    return [h.entry for h in hits(code, params, values, fields)]


@pytest.mark.parametrize("values, fires", [
    ({"description": "Soft cotton tee"}, True),
    ({"title": "   ", "description": "Soft cotton tee"}, True),
    ({"title": "- - -"}, True),
    ({"title": "???"}, True),
    ({"title": "Tee"}, False),
    ({"title": "4"}, False),
    ({"title": "Café crème mug"}, False),
])
def test_ls000_title_missing(values, fires):
    found = hits("LS000", {}, values)
    assert bool(found) == fires
    if fires:
        assert found[0].field == "title" and found[0].entry == "title"


@pytest.mark.parametrize("title, limit, fires", [
    ("x" * 81, 80, True),
    ("Wireless Earbuds " * 6, 80, True),
    ("y" * 201, 200, True),
    ("x" * 80, 80, False),
    ("x" * 80 + "   ", 80, False),  # trailing spaces are not counted
    ("  " + "x" * 80, 80, False),
    ("x" * 200, 200, False),
    ("Wireless Earbuds " * 6, 200, False),
])
def test_ls001_title_too_long(title, limit, fires):
    found = hits("LS001", {"max_length": limit}, {"title": title})
    assert bool(found) == fires
    if fires:
        hit = found[0]
        length = len(title.strip())
        assert hit.entry == f"max_length={limit}"
        assert hit.start == limit and hit.end == length
        assert str(length) in hit.message and str(limit) in hit.message


def test_ls001_without_a_limit_does_nothing():
    assert hits("LS001", {}, {"title": "x" * 500}) == []


@pytest.mark.parametrize("title, brand, params, expected", [
    ("Wireless Earbuds!", "", AMAZON_CHARS, ["!"]),
    ("Wow!!! Earbuds", "", AMAZON_CHARS, ["!"]),  # one hit per run
    ("Earbuds $19 Deal", "", AMAZON_CHARS, ["$"]),
    ("Case_Black {New}", "", AMAZON_CHARS, ["_", "{", "}"]),
    ("Earbuds?! Black", "", AMAZON_CHARS, ["?!"]),
    ("Earbuds ¦ Black ¬", "", AMAZON_CHARS, ["¦", "¬"]),
    ("Yahoo! Mail Guide", "", AMAZON_CHARS, ["!"]),
    ("Yahoo! Mail Guide", "Yahoo!", AMAZON_CHARS, []),  # part of the brand
    ("Yahoo! Mail Guide", "Yahoo!", {"chars": "!"}, ["!"]),  # only where the pack allows it
    ("Yahoo! Mail Guide, Great!", "Yahoo!", AMAZON_CHARS, ["!"]),
    ("Wireless Earbuds, Black, 2-Pack", "", AMAZON_CHARS, []),
    ("~~Best~~ Earbuds", "", AMAZON_CONTEXT_CHARS, ["~", "~"]),
    ("<<Earbuds>> * Black *", "", AMAZON_CONTEXT_CHARS, ["<", ">", "*", "*"]),
    ("Earbuds #Trending", "", AMAZON_CONTEXT_CHARS, ["#"]),
    ("Envelope Style #4301", "", AMAZON_CONTEXT_CHARS, []),
    ("Dumbbell <10 lb, > 5 kg", "", AMAZON_CONTEXT_CHARS, []),
    ("Tarp 10*20 ft, ~5 lb", "", AMAZON_CONTEXT_CHARS, []),
    ("Acme™ Earbuds", "", EBAY_SYMBOLS, ["™"]),
    ("I ♥ NY Mug", "", EBAY_SYMBOLS, ["♥"]),
    ("½ Inch Drill Bit", "", EBAY_SYMBOLS, ["½"]),
    ("Tarp 10 m² Water H₂O", "", EBAY_SYMBOLS, ["²", "₂"]),
    ("Earbuds 🔥🔥 Sale", "", EBAY_SYMBOLS, ["🔥"]),
    ("Heart ❤️ Necklace", "", EBAY_SYMBOLS, ["❤"]),  # the variation selector belongs to the heart
    ("Acme® Case ©2024", "", EBAY_SYMBOLS, ["®", "©"]),
    ("Acme™ Earbuds", "Acme™", EBAY_SYMBOLS, ["™"]),  # eBay names no brand exception
    ("360° Rotating Stand", "", EBAY_SYMBOLS, []),
    ("Café Crème Mug, 10 × 12 cm", "", EBAY_SYMBOLS, []),
    ("Wireless Earbuds!", "", EBAY_SYMBOLS, []),
])
def test_ls002_forbidden_characters(title, brand, params, expected):
    assert entries("LS002", params, {"title": title, "brand": brand}) == expected


@pytest.mark.parametrize("title, found", [
    ("Yu-Gi-Oh! Trading Card Game Booster Box", []),        # the '!' is part of a mark's own name
    ("Yu-Gi-Oh! Trading Card Game Booster Box!", ["!"]),    # the one after it is not
])
def test_ls002_spares_a_character_of_a_marks_own_name(checker_with, title, found):
    result = checker_with()(title, brand="Konami")
    assert [f.entry for f in result.findings if f.rule == "LS002"] == found


def test_ls002_hit_offsets_cover_the_run():
    title = "Wow!!! Earbuds"
    [hit] = hits("LS002", AMAZON_CHARS, {"title": title})
    assert (hit.start, hit.end, hit.text) == (3, 6, "!!!")


def test_ls002_names_the_special_character():
    [hit] = hits("LS002", EBAY_SYMBOLS, {"title": "Acme™ Earbuds"})
    assert "trade mark sign" in hit.message


@pytest.mark.parametrize("title, expected", [
    ("Чехол™ для телефона", ["™"]),  # a symbol among letters of another script
    ("Чехол для телефона, 10 × 12 см", []),
    ("เคสโทรศัพท์ ♥ สีดำ", ["♥"]),
    ("เคสโทรศัพท์ สีดำ", []),
])
def test_ls002_symbols_among_other_scripts(title, expected):
    assert entries("LS002", EBAY_SYMBOLS, {"title": title}) == expected


def test_rules_derive_from_each_configuration_its_own_pattern():
    # Two configurations of one rule in the same run: each is read from its own params.
    assert entries("LS003", {"phrases": ("free gift",)}, {"title": "Free Gift, Free Shipping"}) == ["free gift"]
    assert entries("LS003", {"phrases": ("free shipping",)}, {"title": "Free Gift, Free Shipping"}) \
        == ["free shipping"]
    assert entries("LS002", {"chars": "!"}, {"title": "Wow! $5"}) == ["!"]
    assert entries("LS002", {"chars": "$"}, {"title": "Wow! $5"}) == ["$"]


@pytest.mark.parametrize("title, params, expected", [
    ("Earbuds FREE SHIPPING", AMAZON_PROMO, ["free shipping"]),
    ("Free-Shipping Earbuds", AMAZON_PROMO, ["free shipping"]),
    ("100% Quality Guaranteed Earbuds", AMAZON_PROMO, ["100% quality guaranteed"]),
    ("Free  Shipping and free shipping", AMAZON_PROMO, ["free shipping", "free shipping"]),
    ("Hot Item Earbuds Best Seller", AMAZON_SUBJECTIVE, ["hot item", "best seller"]),
    ("Best Sellers Earbuds, Great Gift", AMAZON_SUBJECTIVE, ["best sellers", "great gift"]),
    ("Earbuds on Sale", AMAZON_SUBJECTIVE, ["sale"]),
    ("Shipping Boxes, Free of BPA", AMAZON_PROMO, []),
    ("Freeshipping Earbuds", AMAZON_PROMO, []),
    ("Wholesale Earbuds, Salesman Sample", AMAZON_SUBJECTIVE, []),
    ("Best Buy Gift Card Holder", AMAZON_SUBJECTIVE, []),
    ("100% Cotton Tee", AMAZON_PROMO, []),
])
def test_ls003_promotional_phrases(title, params, expected):
    assert entries("LS003", params, {"title": title}) == expected


def test_ls003_pattern_is_compiled_once_per_phrase_list():
    from compliance.rules.listing_text import phrase_pattern

    phrase_pattern.cache_clear()
    for _ in range(3):
        hits("LS003", {"phrases": ("free shipping",)}, {"title": "Free shipping"})
    assert phrase_pattern.cache_info().misses == 1


def test_ls003_checks_the_fields_it_is_given():
    values = {"title": "Earbuds", "description": "Free shipping worldwide"}
    assert entries("LS003", AMAZON_PROMO, values) == []
    assert entries("LS003", AMAZON_PROMO, values, ("description",)) == ["free shipping"]


@pytest.mark.parametrize("title, brand, fires", [
    ("WIRELESS EARBUDS WITH CHARGING CASE", "", True),
    ("SAMSUNG GALAXY CASE COVER", "Samsung", True),
    ("BLUETOOTH HEADPHONES Black Matte", "", False),  # under 80% capitals
    ("4K 1080P HDMI USB LED TV", "", False),  # specs and acronyms only
    ("USB C HUB", "", False),  # fewer than 10 letters
    ("SAMSUNG Galaxy S23 Case", "Samsung", False),
    ("Wireless Earbuds with Charging Case", "", False),
    ("WH-1000XM5 Sony Headphones", "", False),
    ("ЧЕХОЛ ДЛЯ ТЕЛЕФОНА СИЛИКОНОВЫЙ", "", True),
    ("Чехол для телефона силиконовый", "", False),
    ("T-SHIRT O'NEILL SURF CLUB", "", True),  # words with punctuation count their letters
    ("T-Shirt O'Neill Surf Club Tee", "", False),
])
def test_ls004_all_caps(title, brand, fires):
    found = hits("LS004", {}, {"title": title, "brand": brand})
    assert bool(found) == fires
    if fires:
        assert found[0].entry == "all caps" and found[0].start == 0 and found[0].end == len(title)


@pytest.mark.parametrize("title, expected", [
    ("Phone Case Silicone Case Shockproof Case", ["case"]),
    ("case CASE Case cover", ["case"]),
    ("Red Case Red Case Red Case", ["red", "case"]),
    ("Case for iPhone for Samsung for Pixel", []),  # prepositions may repeat
    ("Case Cover Case", []),
    ("10 x 20 x 30 x 40 cm Box", []),  # single letters are not words
    ("2 Pack 2 Colors 2 Sizes", []),  # numbers are not words
    ("Don’t Panic Don't Panic don’t stop", ["don't"]),  # either apostrophe, one word
    ("ΟΔΟΣ οδός ΟΔΟΣ ΚΑΙ ΟΔΟΣ", ["οδος"]),  # Greek capitals, the final sigma as written
    ("İstanbul Mug İstanbul Tea İstanbul", ["i̇stanbul"]),
    ("Кружка Москва кружка МОСКВА кружка", ["кружка"]),
    ("Funda De Silicona De Color De Moda Para Mujer", []),   # the function words of other languages too
    ("Casing untuk HP untuk Samsung untuk Oppo", []),
    ("Чехол для iPhone для Samsung для Xiaomi", []),
    ("Funda Funda De Silicona Funda", ["funda"]),
])
def test_ls005_repeated_words(title, expected):
    assert entries("LS005", REPEATS, {"title": title}) == expected


def test_ls005_points_at_the_first_excess_and_says_it_is_unconfirmed():
    title = "Phone Case Silicone Case Shockproof Case"
    params = dict(REPEATS, caveat="reported, not confirmed by Amazon")
    [hit] = hits("LS005", params, {"title": title})
    assert (hit.start, hit.end) == (title.rindex("Case"), len(title))
    assert "3 times" in hit.message and "not confirmed by Amazon" in hit.message


@pytest.mark.parametrize("title, expected", [
    ("Rolex? Gold Tone Watch", ["Rolex?"]),
    ("Gucci?? Bag Chanel?", ["Gucci?", "Chanel?"]),
    ("Watch ? Gold", []),
    ("Gold Tone Watch", []),
])
def test_ls006_question_mark_keyword(title, expected):
    assert entries("LS006", {}, {"title": title}) == expected


@pytest.mark.parametrize("text, fires", [
    ("I cannot guarantee authenticity.", True),
    ("We can't guarantee it's authentic, sold as is", True),
    ("Can’t guarantee it is 100% genuine", True),
    ("not sure if it is authentic", True),
    ("Not sure if authentic, bought at an estate sale", True),
    ("unsure of authenticity", True),
    ("Unable to verify authenticity.", True),
    ("Authenticity unknown.", True),
    ("authenticity cannot be guaranteed", True),
    ("This bag may not be genuine.", True),
    ("Might not be authentic", True),
    ("No guarantee of authenticity", True),
    ("don't know if it's real", True),
    ("We cannot guarantee delivery time during holidays", False),
    ("100% authentic, guaranteed", False),
    ("Authenticity guaranteed", False),
    ("Genuine leather strap", False),
    ("May not be compatible with older models", False),
    ("Not sure of your size? Check the chart", False),
    ("Colours may not be exactly as shown", False),
    ("cannot guarantee original packaging", False),
])
def test_au001_authenticity_disclaimer(text, fires):
    assert bool(hits("AU001", {}, {"title": "Designer Handbag", "description": text})) == fires


def test_au001_reads_the_visible_text_of_html():
    raw = "<p>Sold as is.</p><p><b>Cannot</b> guarantee authenticity</p>"
    [hit] = hits("AU001", {}, {"title": "Bag", "description": raw})
    assert hit.entry == "cannot guarantee authenticity"
    assert raw[hit.start:hit.end] == "Cannot</b> guarantee authenticity"


def test_ls004_reads_its_thresholds_from_the_pack():
    """A pack's lower ratio and letter count make a title with few capitals fire: the count of a
    title's capitals that lets most titles pass at once is taken against the pack's thresholds."""
    params = {"ratio": 0.3, "min_letters": 4, "acronym_letters": 0}
    assert [h.entry for h in hits("LS004", params, {"title": "ABCd efgh"})] == ["all caps"]
    assert hits("LS004", {}, {"title": "ABCd efgh"}) == []


def test_what_rules_derive_from_their_configurations_is_kept_within_bounds():
    """A process that builds checker after checker does not keep every configuration it had."""
    from compliance.rules import base

    for _ in range(base.PREPARED_MAX + 10):
        assert entries("LS003", {"phrases": ("free gift",)}, {"title": "Free Gift"}) == ["free gift"]
    assert len(base._PREPARED) <= base.PREPARED_MAX
