"""Region rules RG001-RG007 and the product scope they share: listings that must fire, near misses
that must not."""
from __future__ import annotations

import pytest

from compliance.errors import InputError
from compliance.listing import Listing
from compliance.rules.coverage import ProductScope, load_scope_table

from .rule_harness import hits


def entries(code, values, params=None):
    return [h.entry for h in hits(code, params or {}, values)]


@pytest.mark.parametrize("values, expected", [
    ({"title": "Baking Mat", "description": "Made in China."}, ["gpsr:no-eu-responsible-person"]),
    ({"title": "Baking Mat", "description": "Hergestellt in China."}, ["gpsr:no-eu-responsible-person"]),
    ({"title": "Baking Mat", "description": "Fabriqué en Chine"}, ["gpsr:no-eu-responsible-person"]),
    ({"title": "Baking Mat", "description": "Country of origin: PRC"}, ["gpsr:no-eu-responsible-person"]),
    ({"title": "Baking Mat", "description": "Manufacturer: Shenzhen Acme Technology Co., Ltd."},
     ["gpsr:no-eu-responsible-person"]),
    ({"title": "Baking Mat", "brand": "Generic"}, ["gpsr:no-manufacturer"]),
    ({"title": "Baking Mat", "brand": "Unbranded"}, ["gpsr:no-manufacturer"]),
    # near misses
    ({"title": "Baking Mat", "description": "Made in China. EU responsible person: Acme GmbH, Berlin"}, []),
    ({"title": "Baking Mat", "description": "Made in China. Importer: Acme GmbH, 10115 Berlin"}, []),
    ({"title": "Baking Mat", "description": "Made in Germany."}, []),
    ({"title": "Baking Mat", "description": "Made in Portugal from recycled silicone."}, []),
    ({"title": "China Tea Cup Set", "description": "Fine bone china, dishwasher safe."}, []),
    ({"title": "Baking Mat", "brand": "Acme"}, []),
    ({"title": "Baking Mat", "brand": ""}, []),  # no brand column: nothing known
])
def test_rg001_gpsr(values, expected):
    assert entries("RG001", values) == expected


def test_rg001_points_at_the_origin_statement():
    [hit] = hits("RG001", {}, {"title": "Mat", "description": "Silicone. Made in China."})
    assert (hit.field, hit.text) == ("description", "Made in China")
    assert "cannot be confirmed" in hit.message and "responsible person" in hit.fix


@pytest.mark.parametrize("values, expected", [
    ({"title": "USB Wall Charger 20W, UKCA certified"}, ["UKCA"]),
    ({"title": "USB Wall Charger 20W", "description": "UKNI marked."}, ["UKNI"]),
    ({"title": "USB Wall Charger 20W, CE and UKCA certified"}, []),
    ({"title": "USB Wall Charger 20W, UKCA", "description": "CE marking on the plug."}, []),
    ({"title": "USB Wall Charger 20W"}, []),
    ({"title": "Duck Hunting Decoy"}, []),  # "uk" inside words is no mark
])
def test_rg002_ukca_without_ce(values, expected):
    assert entries("RG002", values) == expected


@pytest.mark.parametrize("values, fires", [
    ({"title": "Smartphone 128GB Dual SIM 5G"}, True),
    ({"title": "Celular Samsung Galaxy A15 128GB"}, True),
    ({"title": "Apple iPhone 15 Pro 128GB Unlocked"}, True),
    ({"title": "Roteador Wi-Fi Dual Band", "category": ""}, True),
    ({"title": "Wireless Router AC1200 Dual Band"}, True),
    ({"title": "Fone de Ouvido Bluetooth 5.3 TWS"}, True),
    ({"title": "Samsung Galaxy A15", "category": "Cell Phones & Accessories > Cell Phones & Smartphones"}, True),
    ({"title": "Smartphone 128GB", "description": "ANATEL"}, True),  # named, but no code
    # near misses
    ({"title": "Smartphone 128GB Dual SIM 5G", "description": "Homologação ANATEL nº 01234-19-05678"}, False),
    ({"title": "Phone Case for iPhone 15"}, False),
    ({"title": "Capa para Celular Samsung A15"}, False),
    ({"title": "iPhone 15 Pro Max Silicone Case"}, False),
    ({"title": "Smartphone Holder for Car Dashboard"}, False),
    ({"title": "Wired Earbuds 3.5mm with Mic"}, False),
    ({"title": "Toy Phone for Toddlers"}, False),
    ({"title": "Bluetooth Speaker Stand"}, False),
    ({"title": "Drone Propellers 4 Pack"}, False),
])
def test_rg003_anatel(values, fires):
    found = hits("RG003", {}, values)
    assert bool(found) == fires
    if fires:
        assert found[0].entry == "anatel"


def test_rg003_says_when_anatel_is_named_without_a_code():
    [hit] = hits("RG003", {}, {"title": "Smartphone 128GB", "description": "Aprovado pela ANATEL"})
    assert "mentions ANATEL but gives no homologation code" in hit.message


@pytest.mark.parametrize("values, fires", [
    ({"title": "Power Bank 20000mAh Fast Charging"}, True),
    ({"title": "HP LaserJet Pro Printer M404n"}, True),
    ({"title": "Wireless Earbuds Bluetooth 5.3"}, True),
    ({"title": "LED Bulb 9W B22 Cool White"}, True),
    ({"title": "Power Bank 20000mAh", "description": "BIS R-41001234"}, False),
    ({"title": "Power Bank 20000mAh", "description": "Certified to IS 13252 (Part 1)"}, False),
    ({"title": "Wired Earphones 3.5mm"}, False),
    ({"title": "Laptop Sleeve 15.6 inch"}, False),
    ({"title": "Printer Paper A4 500 Sheets"}, False),
    ({"title": "Cotton Kurta for Men"}, False),
])
def test_rg004_bis(values, fires):
    assert bool(hits("RG004", {}, values)) == fires


@pytest.mark.parametrize("values, fires", [
    ({"title": "Secadora de Pelo 2000W Iónica"}, True),
    ({"title": "Cargador USB-C 20W Carga Rápida"}, True),
    ({"title": "Hair Dryer 1875W Ionic"}, True),
    ({"title": "Secadora de Pelo 2000W", "description": "Cumple NOM-003-SCFI-2014"}, False),
    ({"title": "Secadora de Pelo 2000W", "description": "Certificado NOM"}, False),
    ({"title": "Funda para Cargador"}, False),
    ({"title": "Blender Bottle Shaker 28 oz"}, False),
    ({"title": "Cepillo de Pelo Desenredante"}, False),
])
def test_rg005_nom(values, fires):
    assert bool(hits("RG005", {}, values)) == fires


@pytest.mark.parametrize("values, fires", [
    ({"title": "Наушники беспроводные Bluetooth 5.3"}, True),
    ({"title": "Смартфон 128 ГБ"}, True),
    ({"title": "Мягкая игрушка медведь 30 см"}, True),
    ({"title": "Kids Toy Car Remote Control"}, True),
    ({"title": "Фен для волос 2000 Вт"}, True),
    ({"title": "Наушники беспроводные", "description": "Декларация о соответствии ЕАЭС N RU Д-CN.РА01.В.12345"},
     False),
    ({"title": "Наушники беспроводные", "description": "Маркировка EAC"}, False),
    ({"title": "Наушники проводные 3.5 мм"}, False),
    ({"title": "Игрушка для собак, резиновый мяч"}, False),
    ({"title": "Dog Toy Squeaky Plush"}, False),
    ({"title": "Чехол для смартфона"}, False),
    ({"title": "Фенечка из бисера"}, False),  # a friendship bracelet, not a hair dryer
])
def test_rg006_eac(values, fires):
    assert bool(hits("RG006", {}, values)) == fires


@pytest.mark.parametrize("values, expected", [
    ({"title": "18650 Rechargeable Li-ion Battery 3000mAh, 4 Pack"}, ["UN3480"]),
    ({"title": "Power Bank 20000mAh"}, ["UN3480"]),
    ({"title": "CR2032 Lithium Coin Cell Battery 10 Pack"}, ["UN3090"]),
    ({"title": "AA Lithium Batteries 8 Pack"}, ["UN3090"]),
    ({"title": "Li-ion Camcorder Battery for Sony NP-F970"}, ["UN3480"]),
    ({"title": "Replacement Li-ion Battery for Nikon EN-EL9"}, ["UN3480"]),
    ({"title": "Аккумулятор 18650 литий-ионный"}, ["UN3480"]),
    ({"title": "Electric Bike 26 inch 48V 13Ah Lithium"}, ["over 100 Wh"]),
    ({"title": "Portable Power Station 300Wh"}, ["UN3480"]),
    # devices with their battery, and what is no lithium battery
    ({"title": "LED Flashlight with 18650 Li-ion Battery Installed"}, []),
    ({"title": "LED Flashlight 18650 Li-ion Battery Included"}, []),
    ({"title": "Bluetooth Speaker 5000mAh Li-ion Battery Waterproof"}, []),
    ({"title": "18650 Battery Charger 4 Slot, Li-ion"}, []),
    ({"title": "AA Alkaline Batteries 24 Pack"}, []),
    ({"title": "Audio-Technica ATH-CKL200WH In-Ear Headphones"}, []),  # a model number, not 200 Wh
    ({"title": "Laptop 15.6 inch, 3-cell 41Wh Li-ion battery"}, []),
])
def test_rg007_lithium(values, expected):
    assert entries("RG007", values) == expected


def test_rg007_over_the_limit_for_a_battery_says_both():
    [hit] = hits("RG007", {}, {"title": "Power Bank 30000mAh"})
    assert "UN3480" in hit.message and "111 Wh" in hit.message


# --- the product scope ---------------------------------------------------------------------

def scope(code: str, title: str, category: str = "", **options):
    return ProductScope(code, **options).find(Listing.from_values("S1", 1, {"title": title, "category": category}))


@pytest.mark.parametrize("code, title, category, phrase, field", [
    ("RG003", "Apple iPhone 15 Pro 128GB", "", "iphone", "title"),
    ("RG003", "Case for iPhone 15", "", None, None),
    ("RG003", "For iPhone 15 Pro Max Case", "", None, None),
    ("RG003", "Samsung Galaxy A15", "Electronics > Cell Phones", "cell phones", "category"),
    ("RG004", "HP Envelope Feeder 75 Sheets", "Printers", None, None),  # the title names another product
    ("RG003", "Wireless Earbuds with Charging Case", "", "earbuds", "title"),
])
def test_scope_reads_the_head_then_the_category(code, title, category, phrase, field):
    found = scope(code, title, category)
    assert (found.phrase if found else None, found.field if found else None) == (phrase, field)


def test_scope_offsets_point_into_the_raw_text():
    found = scope("RG003", "Apple iPhone 15 Pro 128GB")
    assert (found.start, found.end, found.text) == (6, 12, "iPhone")
    category = "Electronics > Cell Phones"
    found = scope("RG003", "Samsung Galaxy A15", category)
    assert category[found.start:found.end] == "Cell Phones"


def test_scope_table_is_validated(tmp_path):
    bad = tmp_path / "scope.csv"
    bad.write_text("rule,group,kind,phrase,note\nRG003,phone,gadget,smartphone,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"scope.csv, line 2: kind 'gadget'"):
        load_scope_table.__wrapped__(bad)


def test_every_scoped_rule_has_products():
    table = load_scope_table()
    for code in ("RG003", "RG004", "RG005", "RG006", "RG007", "MP003", "MP004", "MP005", "MP006"):
        assert any(kind == "product" for _, kind, _ in table[code]), code


@pytest.mark.parametrize("text", [
    "Made in China", "manufactured in P.R.C.", "Country of origin: Vietnam", "Herkunftsland: China",
    "Ursprungsland China", "pays d'origine : chine", "país de origen: China", "Hergestellt in China",
    "produziert in Indien", "Fabriqué en Chine", "fabricado en China", "prodotto in Cina", "fabbricato in Cina",
    "Manufacturer: Shenzhen Acme Co", "Hersteller: Guangzhou XYZ", "fabricant : Yiwu", "produttore: Ningbo",
    "assembled in Mexico", "origin china", "PRODUCED IN TAIWAN",
])
def test_every_origin_statement_holds_a_word_of_the_quick_gate(text):
    # The GPSR rule searches its slow origin pattern only in fields where the gate finds a word:
    # the gate must hold a word of every way the pattern can match, or listings would go unflagged.
    from compliance.rules.region import _ORIGIN, _ORIGIN_WORDS

    m = _ORIGIN.search(text)
    assert m is not None
    assert _ORIGIN_WORDS.search(m.group(0))
