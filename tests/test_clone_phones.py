"""Copies of famous phones: a phone maker's mark or model name on a phone whose screen no genuine
phone has, and "hp" as Indonesian and Malay say handphone."""
import pytest

from compliance.rules.evidence import impossible_phone_screen


def tm_findings(result):
    return [(f.rule, f.severity, f.text) for f in result.findings if f.kind == "trademark"]


@pytest.mark.parametrize("title, expected", [
    ("Reno8 Pro Handphone 4G/5G 12/512GB Original 7.5 inch Smartphone 5G", "7.5 inch"),
    ("Hp murah i15 Pro Max 7.5Inci 5G Handphone 12/512GB", "7.5Inci"),
    ("Original smartphone A97 HD dual camera 7.5 inches 12GB+512GB", "7.5 inches"),
    ("Smartphone 8 pulgadas Android 16GB+1TB", "8 pulgadas"),
    ("Galaxy S24 Ultra 6.8 inch Smartphone 12/512GB", ""),       # a real phone's screen
    ("Mate 20 X 7.2 inch phone", ""),                            # the largest unfolded phone screen
    ("Galaxy Tab S9 FE 10.9 inch tablet", ""),                   # no phone named
    ("8 inch 4G LTE Phone Call Tablets PC", ""),                 # a tablet that makes calls
    ("Galaxy Z Fold5 7.6 inch Smartphone", ""),                  # a foldable opens to 7.6
    ("9 inch Android Car Radio with phone mirror link", ""),     # a car stereo links a phone
    ("Case for Smartphone 7.5 inch universal pouch", ""),        # an accessory sized for one
])
def test_a_phone_screen_no_genuine_phone_has(title, expected):
    assert impossible_phone_screen(title) == expected


@pytest.mark.parametrize("title", [
    "Reno8 Pro Handphone 4G/5G 12/512GB Original 7.5 inch Smartphone 5G WiFi",
    "Smartphone Galaxy S23 Ultra Original 7.5 Inch 16GB RAM +512GB ROM Android Phone",
    "2024 New Hp murah A96 Handphone 7.5Inci 5G RAM Smartphone 16(8+8)GB/ 512GB",
])
def test_a_phone_line_on_a_phone_with_an_impossible_screen_is_blocked(checker_with, title):
    found = tm_findings(checker_with()(title, brand=None))
    assert found and all(severity == "block" for _, severity, _ in found)
    assert "no genuine phone has" in checker_with()(title, brand=None).findings[0].message


def test_the_same_title_with_a_real_screen_is_a_review_of_maybe_genuine_stock(checker_with):
    found = tm_findings(checker_with()("Reno8 Pro Handphone 4G/5G 8/256GB Original 6.4 inch Smartphone 5G",
                                       brand=None))
    assert found and {severity for _, severity, _ in found} == {"warn"}


def test_the_makers_own_brand_column_is_not_second_guessed(checker_with):
    found = tm_findings(checker_with()("Reno8 Pro Handphone 7.5 inch Smartphone 12/512GB", brand="OPPO"))
    assert all(severity != "block" for _, severity, _ in found)


def test_compatibility_wording_still_permits_a_phone_named_with_its_accessory(checker_with):
    found = tm_findings(checker_with()("Universal 7.5 inch phone holder compatible with iPhone 15 Pro Max",
                                       brand=None))
    assert all(severity != "block" for _, severity, _ in found)


@pytest.mark.parametrize("title", [
    "HP Murah Android 4GB RAM 64GB Baru",
    "Casing HP Softcase Motif Lucu",
    "Hp murah 5G Handphone Dual Card Ponsel Baru",
])
def test_hp_beside_phone_words_is_the_word_for_a_phone(checker_with, title):
    assert not [f for f in tm_findings(checker_with()(title, brand=None)) if f[2].lower() == "hp"]


@pytest.mark.parametrize("title", [
    "HP Laptop 14 Intel Core i3 8GB RAM 256GB SSD",
    "Kabel Data HP Type C Fast Charging",
])
def test_hp_without_phone_words_is_still_the_maker(checker_with, title):
    assert [f for f in tm_findings(checker_with()(title, brand=None)) if f[2].lower() == "hp"]
