"""Second-hand resale, a car maker's badge said to be "for" its car, the mark's owner opening a
retailer's title, a property named as a product's design, and a trade name that is a character's."""
import pytest

from .rule_harness import reviewed, severities, tm_findings


@pytest.mark.parametrize("title, mark", [
    ("Preloved Coach Tabby shoulder bag black leather", "coach"),
    ("กระเป๋า Cambridge Satchel แท้ Handcraft มือสอง", "cambridge satchel"),
    ("Pre-owned Gucci Marmont belt size 85", "gucci"),
    ("Bolsa Louis Vuitton seminova com nota", "louis vuitton"),
    ("Dell Latitude E7450 Laptop Refurbished", "dell"),        # a device itself refurbished
    ("Apple iPhone 12 64GB Renewed", "iphone"),
])
def test_goods_sold_second_hand_are_a_review(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert reviewed(result, mark, "second-hand")


@pytest.mark.parametrize("title, mark", [
    ("Preloved replica Coach Tabby shoulder bag", "coach"),   # copy words: no resale
    ("Coach Tabby shoulder bag black leather new", "coach"),  # nothing says second-hand
])
def test_without_a_second_hand_resale_the_mark_still_fails(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


def test_bekas_alone_is_no_second_hand_word(checker_with):
    # Indonesian "bekas jerawat" is an acne scar: "bekas" says too many things to mean "used".
    from compliance.rules.evidence import _second_hand

    assert not _second_hand("Serum penghilang bekas jerawat")
    assert _second_hand("Tas preloved original") and _second_hand("Сумка б/у")


@pytest.mark.parametrize("title, mark", [
    ("Adhesivo Para Coche 3D, Insignia De Parrilla, Emblema Para Seat Alhambra R Cupra", "cupra"),
    ("Chrome emblem badge for Toyota 3D", "toyota"),
])
def test_a_car_makers_emblem_for_its_car_is_the_makers_logo(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"block"}
    assert any(f.text.lower() == mark and "as the product: the mark's merchandise" in f.message
               for f in result.findings)


def test_a_part_for_the_car_is_still_compatibility(checker_with):
    result = checker_with()("Rubber floor mats for Toyota Corolla 2019", brand=None)
    assert ("TM003", "info", "toyota") in tm_findings(result)


def test_the_owners_own_name_opening_the_title_is_the_maker_leading(checker_with):
    result = checker_with()("harman k81dj akg closed-back folding dj headphone", brand=None)
    assert severities(result, "akg") == {"warn"}


def test_no_owner_opening_the_title_leaves_anothers_mark(checker_with):
    assert "block" in severities(checker_with()("k81dj akg closed-back folding dj headphone", brand=None), "akg")


def test_a_word_many_companies_names_open_with_is_no_owner_leading():
    from types import SimpleNamespace

    from compliance.rules.evidence import _owner_opens_title

    def listing(title):
        return SimpleNamespace(title=title, brand_column=None)

    motors = SimpleNamespace(owner="General Motors LLC")
    harman = SimpleNamespace(owner="Harman International Industries, Inc.")
    assert not _owner_opens_title(listing("General purpose cable for Chevrolet"), motors)
    assert _owner_opens_title(listing("Harman k81dj akg headphone"), harman)
    assert not _owner_opens_title(SimpleNamespace(title="Harman k81dj", brand_column="brand"), harman)


def test_a_property_named_as_the_products_design_is_merchandise(checker_with):
    result = checker_with()("Speaker Bluetooth Karaoke Motif Batman Tipe 3391", brand=None)
    assert severities(result, "batman") == {"block"}


def test_a_mickey_mouse_power_cord_is_the_plugs_trade_name(checker_with):
    assert not tm_findings(checker_with()("cables unlimited 6-feet mickey mouse power cord", brand=None))
    assert "block" in severities(checker_with()("mickey mouse plush toy 30 cm", brand=None), "mickey mouse")


def test_silk_beside_a_garment_or_bedding_is_the_fabric(checker_with):
    assert not tm_findings(checker_with()("Doll clothes New Silk Suit Dress 8 piece set", brand=None))
    assert not tm_findings(checker_with()("Silk Pillowcase for hair and skin 2 pack", brand=None))
    assert "block" in severities(checker_with()("Silk Marvel action figure 15 cm", brand=None), "silk")


def test_a_racket_makers_name_on_its_own_kind_of_goods_is_maybe_its_stock(checker_with):
    # A sports equipment maker is no team or league: its name on socks is not fan merchandise.
    result = checker_with()("Victor SK-145 Calcetines De Bádminton", brand=None)
    assert severities(result, "victor") == {"warn"}


def test_a_remanufactured_consumable_is_still_a_refill_of_the_original(checker_with):
    # "Remanufactured" before a part or consumable says what it refills, not a resale.
    result = checker_with()("Remanufactured HP 61 ink cartridge black", brand=None)
    assert ("TM003", "info", "hp") in tm_findings(result)
    assert not any("second-hand" in f.message for f in result.findings)


@pytest.mark.parametrize("title, mark", [
    ("Louis Vuitton monogram pattern laptop sleeve 15 inch PU leather", "louis vuitton"),
    ("Gucci iPhone 13 case snake print", "gucci"),
    ("Case for iPhone 13 Louis Vuitton", "louis vuitton"),      # the phone is what it fits, the house its print
])
def test_a_luxury_houses_name_on_a_device_case_is_its_print_copied(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark", [
    ("Чехол для Samsung Galaxy S21 Adidas", "adidas"),
    ("Силиконовый чехол для AirPods Pro North Face", "north face"),
])
def test_a_fashion_label_after_the_device_a_case_fits_is_its_print(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


def test_a_fashion_labels_kit_for_a_device_is_still_what_it_fits(checker_with):
    # No case: the label's own kit for the device ("nike ipod sport kit") is what the sensor fits.
    result = checker_with()("Sensor for Nike iPod sport kit", brand=None)
    assert not [f for f in tm_findings(result) if f[1] == "block"], tm_findings(result)


def test_a_luxury_houses_edition_of_a_device_is_still_what_a_replacement_fits(checker_with):
    # (eBay's pack adds its own rule, TM006, for the houses that may not be named so there)
    result = checker_with()("Replacement band for Apple Watch Hermes 44mm", brand=None)
    assert ("TM003", "info", "hermes") in tm_findings(result)
    assert ("TM001", "block", "hermes") not in tm_findings(result)
