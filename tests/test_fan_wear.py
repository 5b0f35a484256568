"""A car, motorcycle, bicycle or drink maker's name on clothing (a food or drink brand's on any
decorative product of other goods) from a shop naming no brand is its fan merchandise; a
sportswear or sports-gear maker's own clothing, and the maker's name on its own kind of goods,
are not."""
import pytest

from .rule_harness import severities


@pytest.mark.parametrize("title, mark", [
    ("Ferrari Team T-shirt Men Racing Red", "ferrari"),
    ("SPECIALIZED Lightning Maillot De Ciclismo Equipo De Carretera Manga Corta", "specialized"),
    ("NEW Red Bull Summer Mens Casual Shorts Loose Cotton", "red bull"),
])
def test_a_vehicle_or_drink_makers_name_on_clothing_is_fan_merchandise(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"block"}
    assert any("fan merchandise" in f.message for f in result.findings)


@pytest.mark.parametrize("title, mark", [
    ("Yonex T-shirt badminton", "yonex"),             # a sports-gear maker's own clothing
    ("Ferrari 488 GTB 1:18 diecast", "ferrari"),      # no clothing: maybe genuine stock
])
def test_a_makers_own_kind_of_goods_stays_a_review(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"warn"}


def test_fan_wear_from_a_shop_naming_its_brand_is_not_called_merchandise_of_an_unnamed_shop(checker_with):
    # A brand column naming a company: it may be the maker's licensee, decided as before.
    result = checker_with()("Ferrari Team T-shirt Men Racing Red", brand="Puma")
    assert not any("fan merchandise" in f.message for f in result.findings)


@pytest.mark.parametrize("title, mark", [
    ("Чехол силиконовый для Apple Airpods Pro Киндер", "киндер"),   # "для" makes no case fit a chocolate
    ("Coca-Cola keychain retro metal", "coca-cola"),
])
def test_a_food_or_drink_brand_on_a_decorative_product_is_its_merchandise(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) == {"block"}


@pytest.mark.parametrize("title, mark", [
    ("grab-and-go sour patch kids candy snacks in reception box", "sour patch kids"),  # its own kind of goods
    ("Honda key case leather", "honda"),                                            # a car's case may fit its key
    ("Carlsberg Green Label Can 320ml (Pack of 48) Silver Ring", "carlsberg"),       # the ring is not what it sells
])
def test_a_brand_on_its_own_goods_or_a_cars_case_is_no_fan_merchandise(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert not any("merchandise" in f.message for f in result.findings)


@pytest.mark.parametrize("title, mark", [
    ("BMW coffee mug 11oz white", "bmw"),
    ("Ducati wall poster 60x90", "ducati"),
    ("Кружка Toyota белая 330 мл", "toyota"),
    ("Hot Wheels coffee mug 11oz", "hot wheels"),       # a toy line's too
])
def test_a_vehicle_or_toy_makers_name_on_a_decorative_product_is_its_merchandise(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"block"}
    assert any("merchandise" in f.message for f in result.findings)


@pytest.mark.parametrize("title, mark", [
    ("Toyota car floor mats set", "toyota"),           # made to fit the car
    ("Honda motorcycle cover waterproof", "honda"),
    ("Vestido De Falda Larga De Gasa Tencel Honda Falda Larga", "honda"),  # clothing beyond fan wear's garments
    ("Storage box for Lego bricks 3 drawers", "lego"),  # made for the toy
])
def test_a_vehicle_makers_name_on_what_fits_it_or_on_clothing_is_no_such_merchandise(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert "block" not in severities(result, mark)
