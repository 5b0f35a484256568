"""A console maker is what a cartridge fits; its characters are properties of their own."""
import pytest

from .rule_harness import severities, tm_findings


def test_a_cartridge_for_the_console_names_what_it_fits(checker_with):
    found = tm_findings(checker_with()("Игра для Sega: BOMBER", brand=None))
    assert ("TM003", "info", "sega") in found
    assert not any(severity == "block" for _, severity, _ in found)


@pytest.mark.parametrize("title, mark", [
    ("Sonic the Hedgehog plush toy 30cm", "sonic the hedgehog"),
    ("Мягкая игрушка Соник 30 см", "соник"),
    ("Shadow the Hedgehog figure", "shadow the hedgehog"),
])
def test_the_consoles_characters_are_still_merchandise(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) == {"block"}


def test_the_console_makers_name_on_a_shirt_is_fan_merchandise(checker_with):
    assert severities(checker_with()("Camiseta Sega retro gamer", brand=None), "sega") == {"block"}
