"""The platform a game runs on, two devices written as a list, a name that ends where a decimal
number goes on, and a title spelled out in two scripts: how shops title games, accessories and
merchandise, read as what they say."""
import pytest

from .rule_harness import severities, tm_findings


@pytest.mark.parametrize("title, console", [
    ("Call of Duty WWII PS4", "ps4"),
    ("Spider-Man Miles Morales PS4 game disc", "ps4"),
])
def test_a_console_named_with_another_owners_game_is_its_platform(checker_with, title, console):
    result = checker_with()(title, brand=None)
    assert severities(result, console) == {"info"}
    assert any(rule == "TM003" for rule, _, text in tm_findings(result) if text == console)


def test_a_console_named_alone_with_an_accessory_is_still_anothers_mark(checker_with):
    result = checker_with()("Wireless Controller PS4 black", brand=None)
    assert severities(result, "ps4") == {"block"}


def test_a_game_of_the_consoles_own_maker_makes_no_platform_of_it(checker_with):
    # Halo is Microsoft's own: the title is one maker's product, not a game for another's console.
    result = checker_with()("Halo Infinite Xbox Series X", brand=None)
    assert "info" not in severities(result, "xbox series x")


@pytest.mark.parametrize("title", [
    "Gaming Headset PS4/XBOX black",
    "Игровые наушники, Компьютерная гарнитура PS4/XBOX, черный",
])
def test_two_devices_of_two_makers_written_with_a_slash_are_what_the_product_fits(checker_with, title):
    result = checker_with()(title, brand=None)
    assert severities(result, "ps4") == {"info"}
    assert "block" not in severities(result, "xbox")


@pytest.mark.parametrize("title, marks", [
    ("Nike/Adidas socks", ("nike", "adidas")),                    # no device: fashion houses side by side
    ("Original Apple/Samsung charger", ("apple", "samsung")),     # the first leads the title as its maker
])
def test_a_slash_between_marks_that_fit_nothing_or_lead_the_title_lists_nothing(checker_with, title, marks):
    result = checker_with()(title, brand=None)
    for mark in marks:
        assert severities(result, mark) and "info" not in severities(result, mark)
    assert "block" in severities(result, marks[1])  # the second is no maker of this product


def test_a_name_ending_in_a_number_is_not_read_inside_a_decimal_number(checker_with):
    result = checker_with()("1PC RC Dinosaur Stunt Car With Light And Music, RC Cars.3.7V battery", brand=None)
    assert not [f for f in result.findings if f.kind == "trademark" and "Cars" in f.message]


def test_a_name_ending_in_a_number_followed_by_a_word_is_still_read(checker_with):
    result = checker_with()("Cars 3 Lightning McQueen toy", brand=None)
    assert severities(result, "cars 3") == {"block"}


@pytest.mark.parametrize("title, spellings", [
    ("Игра для Dendy: Aladdin (Аладдин)", ("aladdin", "аладдин")),
    ("Игра Sega: Avatar (Аватар)", ("avatar", "аватар")),
])
def test_a_title_spelled_out_in_two_scripts_is_the_title_not_an_everyday_word(checker_with, title, spellings):
    result = checker_with()(title, brand=None)
    for spelling in spellings:
        assert severities(result, spelling) == {"block"}


def test_one_spelling_alone_of_a_name_that_is_a_word_stays_the_word(checker_with):
    result = checker_with()("Кружка Аватар", brand=None)
    assert not tm_findings(result)


def test_a_phone_spelled_out_in_two_scripts_with_its_model_is_the_phone(checker_with):
    # "ZTE Blade A51 / ЗТЕ Блейд А51": ZTE's phone, not Marvel's Blade.
    result = checker_with()("Чехол на ZTE Blade A51 / ЗТЕ Блейд А51", brand=None)
    assert not any(f.severity == "block" for f in result.findings if f.kind == "trademark")


@pytest.mark.parametrize("title, mark", [
    ("Напальчники для PUBG/Напальчники для телефона/Напальчники для игр", "pubg"),
    ("Воздушные шары для девочки Хагги Вагги/Хаги Ваги, синий", "хагги вагги"),
])
def test_a_name_joined_by_a_slash_to_a_word_of_another_script_is_no_model_code(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"block"}


def test_a_word_of_another_script_in_a_list_is_no_name_its_transliteration_collides_with(checker_with):
    # "Симпл Димпл" is the fidget toy Simple Dimple, not the player s1mple.
    result = checker_with()("Силиконовый чехол для Airpods Pro /pop it /Симпл Димпл /Поп ит", brand=None)
    assert "симпл" not in {text for _, _, text in tm_findings(result)}


@pytest.mark.parametrize("written, folded", [("RØDE", "rode"), ("Łódź", "lodz"), ("Æon", "aeon"), ("đen", "den")])
def test_stroked_letters_and_ligatures_fold_as_accents_do(written, folded):
    from compliance.normalize import compact

    assert compact(written) == folded


def test_a_maker_written_without_its_stroke_is_its_name(checker_with):
    # "Rode" is RØDE written on a keyboard without Ø: its own model after it is maybe genuine stock.
    result = checker_with()("Rode NT-USB Microphone", brand=None)
    assert severities(result, "nt-usb") == {"warn"}


def test_a_line_named_with_its_houses_first_word_names_its_maker(checker_with):
    # "Blue Yeti" is Blue Microphones' line written with the house's name: maybe genuine stock.
    result = checker_with()("Blue Yeti USB Microphone Blackout Edition", brand=None)
    assert severities(result, "blue yeti") == {"warn"}


@pytest.mark.parametrize("title", [
    "Cách chọn áo khoác nam đẹp",                       # Vietnamese "way", not Coach
    "Suporte de óculos para carro",                     # Portuguese "glasses", not Oculus
    "Câmera IP Wifi à prova d'água com visão noturna",  # "of water", not the camera maker Dahua
])
def test_a_misspelling_read_only_once_accents_are_folded_is_a_word_of_another_language(checker_with, title):
    result = checker_with()(title, brand=None)
    assert not tm_findings(result)


def test_an_accent_no_name_of_the_mark_carries_disguises_it_though_the_entry_has_names_in_other_scripts(
        checker_with):
    # Apple also has names in Cyrillic: the accent on "ïPHONE" is still one Apple never writes.
    result = checker_with()("DUS BOX ïPHONE 11 PRO MAX", brand=None)
    assert severities(result, "ïphone") == {"block"}
    assert any("written as" in f.message for f in result.findings)


def test_a_name_written_with_its_owners_own_accent_is_no_disguise(checker_with):
    result = checker_with()("Pokémon plush Pikachu", brand=None)
    assert not any("written as" in f.message for f in result.findings)


@pytest.mark.parametrize("title", [
    "BEESITTO Google Tablet PC Octa Core 4GB RAM 64GB ROM Android 7.0 10 inch",
    "FULCOL 2019 Google Tablet PC 10 inch Octa Core kids Android 3G WCDMA",
    "ZEXRON Google 10 inch 3G SIM Tablet PC Octa Core Android 9.0",       # its size and network between
    "ZEXRON Google Ultra Slim Tablet PC 6GB RAM IPS Screen 8 Cores",       # a screen of its own, no accessory
    # Nouns later in the title do not make the tablet their modifier ("tablet ... RAM").
    "ZEXRON Google 10 inch tablet Octa Core 3G 4G LTE 4GB RAM 64GB ROM",
])
def test_a_makers_name_given_to_a_no_name_shops_device_is_no_compatibility(checker_with, title):
    result = checker_with()(title, brand=None)
    assert severities(result, "google") == {"block"}


@pytest.mark.parametrize("title, line", [
    ("KIVBO iPad 10.1 inch Tablet PC Android 4GB RAM 64GB", "ipad"),
    ("ZEXRON MediaPad 10 inch Tablet PC Octa Core", "mediapad"),
])
def test_a_makers_line_given_to_a_no_name_shops_device_of_that_kind_fails(checker_with, title, line):
    result = checker_with()(title, brand=None)
    assert severities(result, line) == {"block"}


def test_a_line_before_a_speaker_is_what_the_speaker_plays(checker_with):
    result = checker_with()("Altec Lansing iMT320 Compact iPod Speaker System", brand=None)
    assert "block" not in severities(result, "ipod")


@pytest.mark.parametrize("title", [
    "Защитное стекло ZEXRON для смарт-часов Huawei Watch Fit",
    "Tempered glass ZEXRON for Huawei Watch GT 3 smart watch",
])
def test_a_device_named_after_the_accessory_a_no_name_shop_sells_is_what_it_fits(checker_with, title):
    result = checker_with()(title, brand=None)
    assert "block" not in severities(result, "huawei"), result.findings


@pytest.mark.parametrize("title, mark", [
    ("FULCOL Google Android 7.0 OS 10 inch tablet", "google"),          # the system, not the product's name
    ("altec lansing imt320 compact ipod speaker system", "ipod"),       # a line: what the speaker plays
    ("Huawei MediaPad T2 7.0 Honor Tablet PC", "honor"),                # after another listed maker
])
def test_a_maker_named_before_what_a_product_runs_or_after_another_maker_is_not_the_products_name(
        checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert "block" not in severities(result, mark)


@pytest.mark.parametrize("title, line", [
    ("Original Apple AirPods Pro2 Wireless Headphone Bluetooth Earphone Sports Headphones for Air Smartphones IPhone",
     "AirPods"),
    ("Xiaomi Redmi Buds 4 Wireless Earbuds TWS Headphones For Xiaomi Redmi Note 12", "Redmi Buds"),
])
def test_the_product_line_right_after_the_maker_opening_a_title_is_the_product_not_what_it_fits(
        checker_with, title, line):
    """"for ... IPhone" at the end names what the earbuds work with; the AirPods the title opens
    with are the earbuds themselves, not a device they fit."""
    result = checker_with()(title, brand=None)
    opening = [f for f in result.findings if f.field == "title" and f.start < 30 and f.text == line]
    assert not any(f.rule == "TM003" for f in opening), result.findings


@pytest.mark.parametrize("title", [
    "Накладки на стики комплект Mario-Luigi",
    "Защитный футляр ZEXRON (Mario & Luigi)",
])
def test_a_character_beside_another_of_its_franchise_is_that_character(checker_with, title):
    # "Mario" alone is an everyday name; Luigi beside it says which Mario.
    assert "block" in severities(checker_with()(title, brand=None), "mario")


def test_a_mark_written_with_a_letter_added_is_no_maker_of_the_listing(checker_with):
    """"IPods" opening a Russian title is iPod written as a plural, not the seller's brand: the
    iPhone the earphones are for is compatibility, not the seller's own family of marks."""
    result = checker_with()("Проводные наушники IPods classic / Гарнитура для iPhone / Белый", brand=None)
    assert ("TM003", "info") in {(f.rule, f.severity) for f in result.findings if f.text == "iPhone"}


def test_a_shops_article_number_set_apart_by_a_dash_is_no_model_of_a_title_in_two_scripts(checker_with):
    # Ozon's print shops number each design after a dash: "Кружка "kpop TWICE твайс - 2235"".
    result = checker_with()('Кружка "Avatar Аватар - 1310", 350 мл', brand=None)
    assert severities(result, "аватар") == {"block"}


def test_a_number_right_after_a_name_in_two_scripts_is_still_its_model(checker_with):
    result = checker_with()("Чехол на ZTE Blade A51 / ЗТЕ Блейд А51 - 2 шт", brand=None)
    assert not any(f.severity == "block" for f in result.findings if f.kind == "trademark")
