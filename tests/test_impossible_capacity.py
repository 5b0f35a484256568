"""CF003: flash storage with a famous maker's name and a capacity or price no genuine one has."""
import pytest


def cf003(result):
    return [(f.severity, f.text) for f in result.findings if f.rule == "CF003"]


@pytest.mark.parametrize("title, price, expected", [
    ("SanDisk 16TB USB Flash Drive High Speed", "", [("warn", "16TB")]),       # no flash drive holds 16 TB
    ("Флешка Samsung 8 ТБ", "500", [("warn", "8 ТБ")]),                          # in Russian, any price
    ("Kingston 2TB Flash Drive USB 3.2", "$9.99", [("warn", "2TB")]),           # a price no genuine one has
    ("Kingston 2TB Flash Drive USB 3.2", "1500", []),                          # price of unknown currency
    ("SanDisk Ultra 256GB USB 3.0 Flash Drive", "$19.99", []),                 # a real capacity and price
    ("16TB USB Flash Drive Metal", "$9.99", []),                               # no maker's name: not a counterfeit
    ("Samsung 16TB External Hard Drive", "", []),                              # hard drives do hold 16 TB
])
def test_impossible_flash_capacity_next_to_a_mark_is_a_warning(checker_with, title, price, expected):
    assert cf003(checker_with()(title, price=price)) == expected
