"""Marks added from what labelled listings showed sellers use: a game's title on a mug, an artist's
name on earphone cases, a game's name in the singular, a toy's name on no-name balls."""
import pytest

from .rule_harness import severities


@pytest.mark.parametrize("title, mark", [
    ('Кружка "Days Gone", 350 мл', "days gone"),
    ("Чехол силиконовый для Apple Airpods Pro Kaws с карабином", "kaws"),
    ("Doll Stumble Guy muñeca de peluche", "stumble guy"),
    # Video games whose titles copies are printed with, in Latin letters and in Russian.
    ("Накладки на стики (Death Stranding) высокие для PS4/PS5", "death stranding"),
    ("Накладки на стики (Biohazard Village) низкие для PS4/PS5", "biohazard village"),
    ("Значок Данганронпа Монокума металлический", "данганронпа"),
    ('Кружка "музыка ghostemane гостмейн", 350 мл', "ghostemane"),
    ("Dota 2 keychain Pudge metal pendant", "dota 2"),
    # Short names and Russian spellings sellers use for a game or a character.
    ('Кружка "игры пять ночей fnaf - 8773", 330 мл', "fnaf"),
    ("Напальчники для игр пабг геймерские тканевые", "пабг"),
    ("Деревянная подставка для ножа сувенирная КС ГО", "кс го"),
    ('Кружка "аниме Кот Пушин", 350 мл', "пушин"),
    ("Pusheen cat plush toy 25cm", "pusheen"),
    # Temporary tattoos are printed with the character, as stickers are: the name is what sells
    # them, an everyday-word name too.
    ("Набор переводных татуировок Барби / Переводная временная татуировка", "барби"),
    ("Barbie temporary tattoos for girls 10 sheets", "barbie"),
    # A console maker's game franchises are properties of their own, not the console: on a case
    # or a sticker they sell the product, and "for iPhone" beside them changes nothing.
    ("Super Mario phone case for iPhone 12", "super mario"),
    ("Donkey Kong sticker", "donkey kong"),
    ("Legend of Zelda poster", "legend of zelda"),
    ('Подарочный набор кружка "Супер Марио"', "супер марио"),
])
def test_a_property_on_merchandise_fails(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"block"}


def test_a_toys_name_leading_its_title_is_maybe_genuine_stock(checker_with):
    result = checker_with()("Wubble Bubble Ball with pump", brand=None)
    assert severities(result, "wubble bubble ball") == {"warn"}


@pytest.mark.parametrize("title, word", [
    ("Biohazard warning sticker 10 pcs yellow vinyl", "biohazard"),  # the hazard sign, not Capcom's game
    ("Detroit city skyline poster 40x60", "detroit"),  # a city, not "Detroit: Become Human"
])
def test_the_words_a_game_is_named_with_are_no_mark_alone(checker_with, title, word):
    result = checker_with()(title, brand=None)
    assert severities(result, word) == set()



def test_the_console_itself_named_for_a_case_is_still_compatibility(checker_with):
    result = checker_with()("Чехол для Nintendo Switch OLED прозрачный", brand=None)
    assert severities(result, "nintendo switch") == {"info"}


@pytest.mark.parametrize("title, mark", [
    ("Термокружка СКА SKA", "ска"),                                   # the club's short name, confirmed
    ("Шарф болельщика Трактор Челябинск хоккей", "трактор челябинск"),
    ("Ubuntu Developer Sticker for Programmers Laptop Skin", "ubuntu"),
])
def test_khl_clubs_and_apps_printed_on_goods_are_marks(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, word", [
    ("Игрушка трактор с прицепом, зелёный", "трактор"),    # a toy tractor: no club without its city or league
    ("Набор для творчества Адмирал корабль", "адмирал"),
])
def test_club_names_that_are_everyday_words_need_their_keywords(checker_with, title, word):
    assert "block" not in severities(checker_with()(title, brand=None), word)
