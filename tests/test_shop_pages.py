"""Titles of computer shops' and makers' product pages, checked with no brand column: the
maker's initials, a model named with a style word, the maker signing the title, a product that
only qualifies another ("ring light"), lists of what a product works with, Italian and Dutch
compatibility wording, and the key switches inside a keyboard."""
import pytest

from .rule_harness import severities, tm_findings


@pytest.mark.parametrize("title", [
    "WD 4TB Black My Passport Portable External Hard Drive",
    "Festplatte WD 2TB WD20EZRZ",
])
def test_the_makers_initials_are_the_maker_not_a_product_line(checker_with, title):
    # "WD" is Western Digital's own short name: leading the title, a review like the full name.
    assert severities(checker_with()(title, brand=None), "wd") == {"warn"}


@pytest.mark.parametrize("title, initials", [
    ("PSG jersey 2023 home", "psg"),
    ("TMNT backpack kids", "tmnt"),
])
def test_a_clubs_or_franchises_initials_on_merchandise_still_block(checker_with, title, initials):
    assert "block" in severities(checker_with()(title, brand=None), initials)


@pytest.mark.parametrize("title, mark", [
    ("philips vibe 4gb mp3 video player", "philips"),
    ("Microsoft Surface Pro Type Cover - Black FMM-00001", "surface pro"),
])
def test_a_style_word_after_a_maker_leading_with_its_model_is_the_models_name(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert not any(rule == "TM002" for rule, _, _ in tm_findings(result))
    assert "block" not in severities(result, mark)


@pytest.mark.parametrize("title, mark", [
    ("Chanel Estilo Japonés Flor De Cerezo Edredón", "chanel"),   # no model of the brand named
    ("Apple style charger 20W for iPhone", "apple"),              # the same
    ("Rolex style watch Submariner 116610", "rolex"),             # a fashion house's style on a copy
])
def test_a_style_word_without_the_makers_model_or_after_a_fashion_house_is_a_comparison(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert ("TM002", "block", mark) in tm_findings(result)


@pytest.mark.parametrize("title, maker", [
    ("G502 HERO High Performance Gaming Mouse | Logitech G", "logitech"),
    ("Blade 15 - Gaming Laptop - Razer United States", "razer"),
    ("Thunderbolt 3 Express Dock HD by Belkin", "belkin"),
    ("ibeats headphones with controltalk from monster - in-ear noise isolation - black", "monster"),
    ("USB-C Travel Dock by Belkin, space grey", "belkin"),   # "by" the maker closing a phrase
])
def test_a_maker_signing_the_page_title_is_a_review(checker_with, title, maker):
    assert severities(checker_with()(title, brand=None), maker) == {"warn"}


@pytest.mark.parametrize("title, mark", [
    ("Oversized Hoodie Men - Nike", "nike"),           # a fashion house tacked on: how copies read
    ("Blade 15 Gaming Laptop - Razer 2024 new hot sale", "razer"),  # more than a store's words after it
    ("G502 HERO Gaming Mouse Logitech G", "logitech"),               # no separator before it
    ("Oversized Hoodie from Nike - black", "nike"),                  # a fashion house named as maker
])
def test_a_name_tacked_on_a_copy_or_followed_by_more_is_no_signature(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


def test_a_product_that_only_qualifies_another_is_not_the_merchandise(checker_with):
    # A ring light is a lamp: the apps named after "for" are what it is used with.
    result = checker_with()("Ring Light 10in with Tripod Stand & Phone Holder for Zoom calls, YouTube, TikTok",
                            brand=None)
    assert not any(severity == "block" for _, severity, _ in tm_findings(result))


@pytest.mark.parametrize("title, mark", [
    ("Hello Kitty ring silver", "hello kitty"),
    ("Маска Карнавальная супергероя со светящимися Глазами/Халк", "халк"),  # the product comes first
])
def test_the_product_itself_is_still_the_merchandise(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, later", [
    ("Controller works with Xbox Series X, Xbox One, PC", "xbox one"),
    ("Gamepad works with PS4, Xbox One", "xbox one"),
])
def test_every_device_of_a_works_with_list_is_what_the_product_fits(checker_with, title, later):
    result = checker_with()(title, brand=None)
    assert severities(result, later) == {"info"}


@pytest.mark.parametrize("title, device", [
    ("Penna per Surface Pro 7 stilo magnetica 4096 livelli di pressione", "surface pro"),
    ("Oplader geschikt voor MacBook Pro 13 USB-C 61W", "macbook pro"),
    ("iPad Pro 12.9 toetsenbord hoes met trackpad QWERTY zwart", "ipad pro"),
])
def test_italian_and_dutch_compatibility_wording(checker_with, title, device):
    assert severities(checker_with()(title, brand=None), device) == {"info"}


@pytest.mark.parametrize("title, switch", [
    ("Mechanische Gaming Tastatur RGB mit Kailh Red Switches QWERTZ", "kailh"),
    ("Teclado mecánico gaming Newskill Hanshi Kailh Brown RGB", "kailh"),
])
def test_a_keyboards_switches_are_a_component_inside_it(checker_with, title, switch):
    assert severities(checker_with()(title, brand=None), switch) <= {"info"}


@pytest.mark.parametrize("title, device", [
    ("Etui Spigen Liquid Air do Samsung Galaxy A55 5G czarne", "samsung"),   # Polish: a case for
    ("Skal till iPhone 15 - Transparent", "iphone"),                          # Swedish
    ("Ładowarka do laptopa Lenovo ThinkPad 65W USB-C", "lenovo"),
])
def test_compatibility_in_the_languages_of_european_computer_shops(checker_with, title, device):
    assert "block" not in severities(checker_with()(title, brand=None), device)


@pytest.mark.parametrize("title, maker", [
    ("Scheda video Zotac GAMING GeForce RTX 4070 Twin Edge OC 12GB", "zotac"),   # Italian: graphics card
    ("Etui Spigen Liquid Air do Samsung Galaxy A55 5G czarne", "spigen"),        # the case's maker
    ("Słuchawki Logitech G435 bezprzewodowe", "logitech"),                      # Polish: headphones
    ("Karta pamięci Kingston 32GB microSDHC Canvas Select Plus", "kingston"),   # Polish: memory card
    ("Scheda di memoria Lexar 128GB SDXC 633x", "lexar"),                       # Italian: memory card
])
def test_the_maker_after_the_product_a_shop_names_in_its_language_leads(checker_with, title, maker):
    assert severities(checker_with()(title, brand=None), maker) == {"warn"}


@pytest.mark.parametrize("title, name", [
    ("Procesador AMD Ryzen 9 7950X 4.5GHz 16 núcleos AM5", "núcleos"),   # a processor's cores, no Pokémon
    ("HYTE Y60 Panoramic Glass Mid-Tower Snow White", "snow white"),      # a computer case's colour
])
def test_a_word_of_a_computer_shops_title_is_no_character(checker_with, title, name):
    assert severities(checker_with()(title, brand=None), name) <= {"info"}


@pytest.mark.parametrize("title, maker", [
    ("Samsonite Mysight Laptop Backpack 15.6\"", "samsonite"),
    ("samsonite double gusset leather portfolio computer case", "samsonite"),
])
def test_a_luggage_maker_leading_a_shops_title_is_its_stock_a_review(checker_with, title, maker):
    # a travel-goods maker sold by department stores and computer shops, no fashion house copies carry
    assert severities(checker_with()(title, brand=None), maker) == {"warn"}


@pytest.mark.parametrize("title, mark, blocked", [
    ("Lápis de cor 24 cores aquarelável 120124 Faber-Castell", "faber-castell", False),  # the maker closing it
    ("Serra tico-tico 500W 220V com maleta Bosch", "bosch", False),
    ("Jogo de lençol casal 4 peças algodão ikea", "ikea", True),            # a keyword tacked on in lower case
    ("Fone de ouvido bluetooth TWS sem fio Samsung", "samsung", True),     # a device maker's: how copies are keyworded
])
def test_a_stationery_tool_or_appliance_maker_closing_the_title_names_its_stock(checker_with, title, mark, blocked):
    assert ("block" in severities(checker_with()(title, brand=None), mark)) == blocked


@pytest.mark.parametrize("title, maker", [
    ("Tapete De Goma Para Auto Kia Rio 2018", "kia"),
    ("Коврики резиновые для автомобиля Kia Rio 2018", "kia"),
    ("Capa de silicone para chave Volkswagen Gol", "volkswagen"),     # the car's key a cover is for
    ("oli gardan 120ml untuk motor matic honda", "honda"),            # an automatic scooter, in Indonesian
])
def test_the_vehicle_a_part_is_for_may_stand_before_its_maker(checker_with, title, maker):
    assert ("TM003", "info", maker) in tm_findings(checker_with()(title, brand=None))
