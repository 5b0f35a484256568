"""A Russian title declines the product it names ("накладки на стики", "набор посуды", "воздушный
шар"): the noun lists match every case and number form of their Russian words, except a word
marked to match as written ("косплей", the occasion, is nearly always "для ... косплея")."""
import pytest

from compliance.matchers.declension import word_forms
from compliance.rules.evidence import character_nouns, creature_nouns, fitting_nouns, merchandise_nouns

from .rule_harness import severities


@pytest.mark.parametrize("nouns, listed, declined", [
    (merchandise_nouns, "накладка", "накладки"),  # plural
    (merchandise_nouns, "посуда", "посуды"),  # genitive: "набор посуды"
    (merchandise_nouns, "шары", "шар"),  # the singular of a noun listed in the plural
    (fitting_nouns, "защитная", "защитный"),  # an adjective's other genders
    (creature_nouns, "совёнок", "совенок"),  # ё written as е, as titles mostly do
])
def test_a_listed_russian_word_matches_in_its_other_forms(nouns, listed, declined):
    assert listed in nouns() and declined in nouns()


def test_a_word_marked_as_written_is_not_declined():
    assert "косплей" in character_nouns() and "косплея" not in character_nouns()
    assert "косплея" not in merchandise_nouns()


def test_a_nominative_reading_decides_the_forms():
    # "кружка" (a mug) is also the genitive of "кружок" (a club): only the mug's forms are added.
    forms = word_forms(["кружка"])
    assert {"кружку", "кружкой"} <= forms and "кружком" not in forms


def test_words_the_dictionary_does_not_know_and_latin_words_keep_their_one_form():
    assert word_forms(["худи", "poster"]) == {"худи", "poster"}


@pytest.mark.parametrize("title, mark", [
    ("Накладки на стики (Batman) низкие для PS4/PS5", "batman"),
    ('Набор фольгированных воздушных шаров (Халк)', "халк"),
])
def test_a_character_on_a_declined_product_fails(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) == {"block"}
