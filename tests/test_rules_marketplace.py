"""Marketplace rules MP001-MP006 and the text rules LS007-LS009 the regional packs added:
listings that must fire, and near misses that must not."""
from __future__ import annotations

import pytest

from .rule_harness import hits

NAMES = {"names": ["ebay", "lazada", "walmart", "mercado libre"],
         "phrases": ["sold on amazon", "amazon frustration free"]}


@pytest.mark.parametrize("values, expected", [
    ({"title": "Wireless Earbuds - also sold on eBay"}, ["ebay"]),
    ({"title": "Wireless Earbuds, available on Lazada"}, ["lazada"]),
    ({"title": "Wireless Earbuds Walmart Exclusive"}, ["walmart"]),
    ({"title": "Wireless Earbuds Mercado-Libre Edition"}, ["mercado libre"]),
    ({"title": "USB Flash Drive Amazon Frustration-Free Packaging"}, ["amazon frustration free"]),
    ({"title": "Earbuds, best sold on Amazon"}, ["sold on amazon"]),
    ({"title": "Leather Case for Amazon Kindle Paperwhite"}, []),
    ({"title": "Amazon Basics AA Batteries", "brand": "Amazon Basics"}, []),
    ({"title": "eBay Seller Toolkit Book", "brand": "eBay"}, []),  # the brand itself
    ({"title": "Ebayer Notebook"}, []),
])
def test_mp001_other_marketplace(values, expected):
    assert [h.entry for h in hits("MP001", NAMES, values)] == expected


CONDITION = {"words": ["refurbished", "recertified", "remanufactured", "reconditioned"]}


@pytest.mark.parametrize("title, expected", [
    ("Lenovo ThinkPad T480 Laptop Refurbished", ["refurbished"]),
    ("HP 64 Ink Cartridge, Remanufactured", ["remanufactured"]),
    ("Seagate 2TB HDD (Recertified)", ["recertified"]),
    ("Lenovo ThinkPad T480 Laptop, 8GB RAM", []),
    ("Refurbishing Kit for Wood Furniture", []),
])
def test_mp002_condition_in_title(title, expected):
    assert [h.entry for h in hits("MP002", CONDITION, {"title": title})] == expected


@pytest.mark.parametrize("values, fires", [
    ({"title": "Green Laser Pointer 200mW"}, True),
    ({"title": "1000mW Blue Laser Pointer Pen"}, True),
    ({"title": "Laser Pointer 1W Burning"}, True),
    ({"title": "Laser Pointer", "description": "Output 50 mW"}, True),
    ({"title": "Лазерная указка 500mW"}, True),
    ({"title": "Laser Pointer Presenter 5mW"}, False),
    ({"title": "Laser Pointer", "description": "Output below 1mW, Class 2"}, False),
    ({"title": "Laser Level 100mW Self-Leveling"}, False),  # not a pointer
    ({"title": "Laser Pointer Pen Battery 3.7V 300mAh"}, False),
])
def test_mp003_laser_power(values, fires):
    assert bool(hits("MP003", {"max_mw": 5}, values)) == fires


@pytest.mark.parametrize("title, fires", [
    ("18650 Rechargeable Battery 3000mAh 3.7V, 4 Pack", True),
    ("Samsung 25R 18650 Cell 2500mAh", True),
    ("Akku 18650 3400mAh", True),
    ("LED Flashlight with 18650 Battery", False),
    ("LED Flashlight 18650 Battery Included", False),
    ("18650 Battery Charger 4 Slot", False),
    ("18650 Battery Holder 2 Slot", False),
    ("21700 Rechargeable Battery 5000mAh", False),
])
def test_mp004_loose_18650(title, fires):
    assert bool(hits("MP004", {}, {"title": title})) == fires


@pytest.mark.parametrize("values, fires", [
    ({"title": "Hoverboard 6.5 inch Self Balancing Scooter"}, True),
    ({"title": "Self-Balancing Scooter Two Wheel 8 inch"}, True),
    ({"title": "Hoverboard Charger 42V 2A"}, True),
    ({"title": "Hoverboard 6.5 inch", "description": "UL2272 certified, see the UL directory."}, False),
    ({"title": "Hoverboard Go Kart Seat Attachment"}, False),
    ({"title": "Hoverboard Carrying Bag"}, False),
    ({"title": "Wooden Balance Board for Kids"}, False),
])
def test_mp005_hoverboard_ul2272(values, fires):
    assert bool(hits("MP005", {}, values)) == fires


@pytest.mark.parametrize("values, fires", [
    ({"title": "Electric Scooter 350W Foldable"}, True),
    ({"title": "E-Scooter 10 inch 36V"}, True),
    ({"title": "Electric Scooter 350W", "description": "Warning: It is illegal to ride electric scooters on "
                                                       "public roads (except under very specific circumstances)."},
     False),
    ({"title": "Electric Scooter Replacement Tyre 10 inch"}, False),
    ({"title": "Electric Scooter Tyre 10 inch"}, False),
    ({"title": "Electric Scooter Inner Tube 8.5 inch"}, False),
    ({"title": "Electric Scooter 10 inch Wheels, LED Light"}, True),
    ({"title": "Kids Kick Scooter 3 Wheels"}, False),
    ({"title": "Mobility Scooter Basket"}, False),
])
def test_mp006_uk_escooter(values, fires):
    assert bool(hits("MP006", {}, values)) == fires


@pytest.mark.parametrize("title, expected", [
    ("Wireless Earbuds 无线耳机 Bluetooth", ["cjk"]),
    ("Наушники беспроводные", ["cyrillic"]),
    ("Wireless Earbuds 한국어", ["hangul"]),
    ("Wireless Earbuds Bluetooth 5.3", []),
    ("Café Crème Mug, Łódź Design", []),
    ("10μF Capacitor, 5Ω Resistor", []),  # lone unit signs
    ("Ｗｉｒｅｌｅｓｓ Earbuds", []),  # fullwidth Latin is Latin
])
def test_ls007_script(title, expected):
    assert [h.entry for h in hits("LS007", {"allowed_scripts": ["LATIN"]}, {"title": title})] == expected


@pytest.mark.parametrize("terms, limit, fires", [
    (" ".join(["earbuds"] * 36), 249, True),     # 252 bytes
    (" ".join(["earbuds"] * 35), 249, False),    # 245 bytes
    (", ".join(["earbuds"] * 35), 249, False),   # punctuation does not count
    ("наушники " * 16, 249, True),               # 16 bytes a word in UTF-8: 256
    (" ".join(["kurta"] * 41), 200, True),       # 205 bytes
])
def test_ls008_bytes(terms, limit, fires):
    assert bool(hits("LS008", {"max_bytes": limit}, {"search_terms": terms})) == fires


@pytest.mark.parametrize("tags, expected", [
    (", ".join(f"tag{i}" for i in range(14)), ["max_tags=13"]),
    (", ".join(f"tag{i}" for i in range(13)), []),
    ("silver ring, minimalist sterling silver jewellery", ["max_tag_length=20"]),
    ("silver ring,  exactly twenty chars", []),
])
def test_ls009_tags(tags, expected):
    assert [h.entry for h in hits("LS009", {"max_tags": 13, "max_tag_length": 20}, {"tags": tags})] == expected


def test_ls003_skips_the_listings_own_brand():
    params = {"phrases": ["new"], "allow_in_brand": True}
    assert hits("LS003", params, {"title": "New Balance 574 Sneakers", "brand": "New Balance"}) == []
    assert [h.entry for h in hits("LS003", params, {"title": "New Balance 574 Sneakers"})] == ["new"]


def test_ht002_denied_tags_flag_only_those():
    params = {"denied_tags": ["style", "textarea", "pre"]}
    found = hits("HT002", params, {"description": "<p>Soft</p><style>p{}</style><pre>x</pre><b>y</b>"})
    assert sorted(h.entry for h in found) == ["pre", "style"]
