"""Marks added from what labelled listings showed sellers use: a game's title on a mug, an artist's
name on earphone cases, a game's name in the singular, a toy's name on no-name balls."""
import pytest

from .rule_harness import severities


@pytest.mark.parametrize("title, mark", [
    ('Кружка "Days Gone", 350 мл', "days gone"),
    ("Чехол силиконовый для Apple Airpods Pro Kaws с карабином", "kaws"),
    ("Doll Stumble Guy muñeca de peluche", "stumble guy"),
])
def test_a_property_on_merchandise_fails(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"block"}


def test_a_toys_name_leading_its_title_is_maybe_genuine_stock(checker_with):
    result = checker_with()("Wubble Bubble Ball with pump", brand=None)
    assert severities(result, "wubble bubble ball") == {"warn"}
