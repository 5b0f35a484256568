"""Per platform: listings and the verdict each pack gives them, with the rules that decide it.

Each row is drawn from the source a pack cites (see the pack's YAML) and runs through the
whole check for one ``PLATFORM:REGION`` target, without blocklists, so only pack rules
decide. Rows that must pass sit next to the rows that must not.
"""
from __future__ import annotations

import datetime as dt

import pytest

from compliance.check import Checker
from compliance.listing import Listing
from compliance.platforms import load_platforms, parse_targets

PACKS = load_platforms()
_CHECKERS: dict[str, Checker] = {}

TITLE_95 = "Wireless Earbuds Bluetooth 5.3 Headphones with Charging Case 40H Playtime IPX7 Waterproof Black"
TITLE_150 = ("Stainless Steel Insulated Water Bottle 32 oz Wide Mouth with Straw Lid and Handle, Leak Proof "
             "Double Wall Vacuum Flask for Sports Gym Travel, Navy 4pk")
REPEATS = "Phone Case Silicone Case Shockproof Case"
UKCA_ONLY = "USB Wall Charger 20W, UKCA certified"
KEYWORDS_300 = " ".join(["earbuds"] * 42)  # 294 bytes without spaces


def run(target: str, **values) -> tuple[str, set[str]]:
    """(verdict, rule codes counting on ``target``) for one listing."""
    if target not in _CHECKERS:
        _CHECKERS[target] = Checker(parse_targets([target], PACKS), [], as_of=dt.date(2026, 11, 1))
    result = _CHECKERS[target].check_batch([Listing.from_values("T1", 1, values)])[0]
    codes = {f.rule for f in result.findings if target in f.platforms and f.severity in ("block", "warn")}
    return result.verdicts[target], codes


CASES = [
    # eBay: 80-character titles, symbols, laser power, loose 18650 cells, UL 2272, UK e-scooters, EU rules
    ("ebay:US", {"title": TITLE_95}, "fail", {"LS001"}),
    ("ebay:US", {"title": "Wireless Earbuds Bluetooth 5.3 with Charging Case!"}, "pass", set()),
    ("ebay:US", {"title": "Green Laser Pointer 200mW Astronomy"}, "fail", {"MP003"}),
    ("ebay:US", {"title": "Laser Pointer Presenter", "description": "Output power below 1mW, Class 2."}, "pass", set()),
    ("ebay:US", {"title": "18650 Rechargeable Battery 3000mAh 4 Pack"}, "fail", {"MP004"}),
    ("ebay:US", {"title": "LED Flashlight with 18650 Battery, 1000 Lumen"}, "pass", set()),
    ("ebay:US", {"title": "18650 Battery Charger 4 Slot"}, "pass", set()),
    ("ebay:US", {"title": "Hoverboard 6.5 inch Self Balancing Scooter"}, "fail", {"MP005"}),
    ("ebay:US", {"title": "Hoverboard 6.5 inch Self Balancing Scooter", "description": "Certified to UL 2272."},
     "pass", set()),
    ("ebay:US", {"title": "Hoverboard Go Kart Seat Attachment"}, "pass", set()),
    ("ebay:AU", {"title": "Hoverboard Charger 42V 2A"}, "fail", {"MP005"}),
    ("ebay:GB", {"title": "Hoverboard 6.5 inch Self Balancing Scooter"}, "pass", set()),
    ("ebay:GB", {"title": "Electric Scooter 350W Foldable"}, "warn", {"MP006"}),
    ("ebay:GB", {"title": "Electric Scooter 350W Foldable", "description":
                 "Warning: It is illegal to ride electric scooters on public roads (except under very specific "
                 "circumstances), pavements, or cycle paths."}, "pass", set()),
    ("ebay:DE", {"title": "Electric Scooter 350W Foldable"}, "pass", set()),
    ("ebay:DE", {"title": "Silicone Baking Mat", "description": "Made in China."}, "warn", {"RG001"}),
    ("ebay:US", {"title": "Silicone Baking Mat", "description": "Made in China."}, "pass", set()),
    ("ebay:DE", {"title": "Silicone Baking Mat", "brand": "Unbranded"}, "warn", {"RG001"}),
    ("ebay:DE", {"title": "USB Wall Charger 20W, UKCA certified"}, "warn", {"RG002"}),
    ("ebay:DE", {"title": "USB Wall Charger 20W, CE and UKCA certified"}, "pass", set()),
    # Amazon: 200 characters, ! and $, regions BR, IN, MX and the EU, search-term bytes
    ("amazon:US", {"title": TITLE_95}, "pass", set()),
    ("amazon:US", {"title": "Wireless Earbuds Bluetooth 5.3 with Charging Case!"}, "fail", {"LS002"}),
    ("amazon:US", {"title": "Wireless Earbuds", "search_terms": KEYWORDS_300}, "warn", {"LS008"}),
    ("amazon:JP", {"title": "Wireless Earbuds", "search_terms": KEYWORDS_300}, "pass", set()),
    ("amazon:IN", {"title": "Cotton Kurta", "search_terms": " ".join(["kurta"] * 42)}, "warn", {"LS008"}),
    ("amazon:DE", {"title": "Silicone Baking Mat", "description": "Made in China."}, "warn", {"RG001"}),
    ("amazon:DE", {"title": "Silicone Baking Mat", "description": "Made in China. EU responsible person: Acme "
                   "GmbH, Hauptstr. 1, Berlin, eu@acme.example"}, "fail", {"CT001"}),
    ("amazon:BR", {"title": "Smartphone 128GB Dual SIM 5G"}, "warn", {"RG003"}),
    ("amazon:BR", {"title": "Smartphone 128GB Dual SIM 5G, ANATEL 01234-19-05678"}, "pass", set()),
    ("amazon:BR", {"title": "Phone Case for iPhone 15"}, "pass", set()),
    ("amazon:IN", {"title": "Power Bank 20000mAh Fast Charging"}, "warn", {"RG004"}),
    ("amazon:MX", {"title": "Secadora de Pelo 2000W Iónica"}, "warn", {"RG005"}),
    ("amazon:FR", {"title": UKCA_ONLY}, "warn", {"RG002"}),
    ("amazon:GB", {"title": UKCA_ONLY}, "pass", set()),
    ("amazon:US", {"title": "Secadora de Pelo 2000W Iónica"}, "pass", set()),
    # Walmart: 150 characters, ~ ! * $, promotions, capitals, English, other marketplaces, URLs
    ("walmart:US", {"title": TITLE_150}, "pass", set()),
    ("walmart:US", {"title": TITLE_150 + "X"}, "fail", {"LS001"}),
    ("walmart:US", {"title": "Wireless Earbuds Bluetooth 5.3!"}, "fail", {"LS002"}),
    ("walmart:US", {"title": "Acme™ Wireless Earbuds"}, "warn", {"LS002"}),
    ("walmart:US", {"title": "Wireless Earbuds, Free Shipping"}, "fail", {"LS003"}),
    ("walmart:US", {"title": "Wireless Earbuds Black Friday Deal"}, "fail", {"LS003"}),
    ("walmart:US", {"title": "Fireplace Insert, Zero Clearance, 36 inch"}, "pass", set()),
    ("walmart:US", {"title": "Wireless Earbuds with High Quality Sound"}, "warn", {"LS003"}),
    ("walmart:US", {"title": "WIRELESS EARBUDS BLUETOOTH HEADPHONES"}, "fail", {"LS004"}),
    ("walmart:US", {"title": "Wireless Earbuds 无线耳机"}, "fail", {"LS007"}),
    ("walmart:US", {"title": "Café Crème Mug, 12 oz"}, "pass", set()),
    ("walmart:US", {"title": "Wireless Earbuds, also sold on eBay"}, "fail", {"MP001"}),
    ("walmart:US", {"title": "USB Flash Drive 32GB, Amazon Frustration-Free Packaging"}, "fail", {"MP001"}),
    ("walmart:US", {"title": "Leather Case for Amazon Kindle Paperwhite"}, "pass", set()),
    ("walmart:US", {"title": "Wireless Earbuds", "description": "Also available on Lazada."}, "warn", {"MP001"}),
    ("walmart:US", {"title": "Wireless Earbuds www.acme-shop.com"}, "fail", {"CT003"}),
    ("walmart:US", {"title": "StarTech.com USB 3.0 to Gigabit Ethernet Adapter", "brand": "StarTech"}, "pass", set()),
    ("walmart:US", {"title": "StarTech.com USB 3.0 to Gigabit Ethernet Adapter", "brand": "Acme"}, "fail", {"CT003"}),
    ("walmart:US", {"title": "USB Adapter, see www.startech.com", "brand": "StarTech"}, "fail", {"CT003"}),
    ("walmart:US", {"title": "- - -"}, "fail", {"LS000"}),
    ("walmart:US", {"title": REPEATS}, "warn", {"LS005"}),
    # Newegg: vague words, condition words, capitals, allowed HTML, diverting customers
    ("newegg:US", {"title": "Samsung 870 EVO 1TB SATA SSD New"}, "fail", {"LS003"}),
    ("newegg:US", {"title": "New Balance 574 Running Shoes", "brand": "New Balance"}, "pass", set()),
    ("newegg:US", {"title": "Lenovo ThinkPad T480 14 inch Laptop Refurbished"}, "fail", {"MP002"}),
    ("newegg:US", {"title": "SAMSUNG 870 EVO 1TB SATA SSD", "brand": "Samsung"}, "pass", set()),
    ("newegg:US", {"title": "CORSAIR VENGEANCE LPX MEMORY KIT", "brand": "Corsair"}, "fail", {"LS004"}),
    ("newegg:US", {"title": "Samsung 1TB SSD", "description": "<p>Fast</p><ul><li>1TB</li></ul>"}, "pass", set()),
    ("newegg:US", {"title": "Samsung 1TB SSD", "description": "<table><tr><td>1TB</td></tr></table>"},
     "fail", {"HT002"}),
    ("newegg:US", {"title": "Samsung 1TB SSD", "description": "Orders: call (415) 555-2671"}, "fail", {"CT002"}),
    ("newegg:US", {"title": "Samsung 1TB SSD, Free Shipping"}, "warn", {"LS003"}),
    ("newegg:US", {"title": "Samsung 1TB SSD", "description": "Orders: sales@acme-shop.com"}, "fail", {"CT001"}),
    ("newegg:US", {"title": "Samsung 1TB SSD", "description": "More at www.acme-shop.com"}, "fail", {"CT003"}),
    ("newegg:US", {"title": "Samsung 1TB SSD", "description": "More at https://www.newegg.com/p/N82E1"},
     "pass", set()),
    ("newegg:US", {"title": "Samsung 1TB SSD", "description": "WhatsApp: +1 415 555 2671"}, "fail",
     {"CT002", "CT004"}),
    ("newegg:US", {"title": "Samsung 1TB SSD", "description": "<p onclick=\"x()\">Fast</p>"}, "fail", {"HT001"}),
    ("newegg:US", {"title": "- - -"}, "fail", {"LS000"}),
    ("newegg:US", {"title": REPEATS}, "warn", {"LS005"}),
    # Etsy: third-party limits are warnings
    ("etsy:US", {"title": "x" * 141}, "warn", {"LS001"}),
    ("etsy:US", {"title": "Silver Stacking Ring", "tags": ", ".join(f"ring {i}" for i in range(14))},
     "warn", {"LS009"}),
    ("etsy:US", {"title": "Silver Stacking Ring", "tags": "silver ring, minimalist sterling silver jewellery"},
     "warn", {"LS009"}),
    ("etsy:US", {"title": "Silver Stacking Ring $20"}, "warn", {"LS002"}),
    ("etsy:US", {"title": "Silver Stacking Ring", "tags": "silver ring, stacking ring, gift for her"}, "pass", set()),
    ("etsy:FR", {"title": "Silver Stacking Ring", "description": "Made in China."}, "warn", {"RG001"}),
    ("etsy:DE", {"title": UKCA_ONLY}, "warn", {"RG002"}),
    # AliExpress: unconfirmed length, stripped HTML, links, regions, lithium
    ("aliexpress:US", {"title": "x" * 129}, "warn", {"LS001"}),
    ("aliexpress:US", {"title": "Summer Dress", "description": "Cool<script>alert(1)</script>"}, "warn", {"HT001"}),
    ("aliexpress:US", {"title": "Summer Dress", "description": "<style>p {color: red}</style><p>Cool</p>"},
     "warn", {"HT002"}),
    ("aliexpress:US", {"title": "Summer Dress", "description": "More: https://www.aliexpress.com/store/123"},
     "pass", set()),
    ("aliexpress:US", {"title": "Summer Dress", "description": "More: www.acme-shop.com"}, "warn", {"CT003"}),
    ("aliexpress:US", {"title": "18650 Li-ion Battery 3000mAh 4 Pack"}, "warn", {"RG007"}),
    ("aliexpress:US", {"title": "LED Flashlight with 18650 Li-ion Battery"}, "pass", set()),
    ("aliexpress:ES", {"title": "Summer Dress", "description": "Made in China."}, "warn", {"RG001"}),
    ("aliexpress:BR", {"title": "Smartphone 128GB Dual SIM 5G"}, "warn", {"RG003"}),
    ("aliexpress:US", {"title": REPEATS}, "warn", {"LS005"}),
    ("aliexpress:FR", {"title": UKCA_ONLY}, "warn", {"RG002"}),
    ("aliexpress:MX", {"title": "Secadora de Pelo 2000W Iónica"}, "warn", {"RG005"}),
    # DHgate: seller badges and contacts (third-party), free shipping accepted
    ("dhgate:US", {"title": "Wireless Earbuds Top Rated Seller"}, "warn", {"LS003"}),
    ("dhgate:US", {"title": "Wireless Earbuds Free Shipping"}, "pass", set()),
    ("dhgate:US", {"title": "Wireless Earbuds", "description": "Wholesale: sales@acme-shop.com"}, "warn", {"CT001"}),
    ("dhgate:US", {"title": "Power Bank 30000mAh"}, "warn", {"RG007"}),
    ("dhgate:US", {"title": "Wireless Earbuds", "description": "Wholesale: call +1 415 555 2671"}, "warn", {"CT002"}),
    ("dhgate:US", {"title": REPEATS}, "warn", {"LS005"}),
    ("dhgate:DE", {"title": "Summer Dress", "description": "Made in China."}, "warn", {"RG001"}),
    ("dhgate:IT", {"title": UKCA_ONLY}, "warn", {"RG002"}),
    ("dhgate:BR", {"title": "Smartphone 128GB Dual SIM 5G"}, "warn", {"RG003"}),
    ("dhgate:MX", {"title": "Secadora de Pelo 2000W Iónica"}, "warn", {"RG005"}),
    # LightInTheBox: regional rules only
    ("lightinthebox:US", {"title": "Floral Summer Dress"}, "pass", set()),
    ("lightinthebox:US", {"title": "Power Bank 20000mAh"}, "warn", {"RG007"}),
    ("lightinthebox:DE", {"title": "Floral Summer Dress", "description": "Made in China."}, "warn", {"RG001"}),
    ("lightinthebox:MX", {"title": "Secadora de Pelo 2000W Iónica"}, "warn", {"RG005"}),
    ("lightinthebox:FR", {"title": UKCA_ONLY}, "warn", {"RG002"}),
    ("lightinthebox:BR", {"title": "Smartphone 128GB Dual SIM 5G"}, "warn", {"RG003"}),
    # Mercado Libre: unconfirmed 60 characters, English for Global Selling, ANATEL, NOM
    ("mercadolibre:BR", {"title": "Fone de Ouvido Bluetooth 5.3 TWS"}, "warn", {"RG003"}),
    ("mercadolibre:BR", {"title": "Fone de Ouvido Bluetooth 5.3 TWS, ANATEL 01234-19-05678"}, "pass", set()),
    ("mercadolibre:BR", {"title": "Capa para Celular Samsung A15"}, "pass", set()),
    ("mercadolibre:BR", {"title": "Celular Samsung A15 128GB"}, "warn", {"RG003"}),
    ("mercadolibre:BR", {"title": "Наушники беспроводные"}, "fail", {"LS007"}),
    ("mercadolibre:BR", {"title": "Camiseta de Algodão Masculina Básica Gola Redonda Manga Curta Azul"},
     "warn", {"LS001"}),
    ("mercadolibre:MX", {"title": "Secadora de Pelo 2000W Iónica"}, "warn", {"RG005"}),
    ("mercadolibre:MX", {"title": "Secadora de Pelo 2000W, NOM-003-SCFI"}, "pass", set()),
    ("mercadolibre:MX", {"title": "Celular Samsung A15 128GB"}, "pass", set()),
    ("mercadolibre:BR", {"title": "Bateria 18650 Li-ion 3000mAh"}, "warn", {"RG007"}),
    # Shopee: other platforms (third-party), ANATEL in Brazil
    ("shopee:SG", {"title": "Wireless Earbuds - also on Lazada"}, "warn", {"MP001"}),
    ("shopee:SG", {"title": "Wireless Earbuds Shopee Exclusive"}, "pass", set()),
    ("shopee:BR", {"title": "Smartphone 128GB Dual SIM"}, "warn", {"RG003"}),
    ("shopee:SG", {"title": "Smartphone 128GB Dual SIM"}, "pass", set()),
    ("shopee:MY", {"title": "Power Bank 20000mAh"}, "warn", {"RG007"}),
    # Lazada: contact details and links (third-party), lithium
    ("lazada:MY", {"title": "Wireless Earbuds", "description": "Order here: www.acme-shop.com"}, "warn", {"CT003"}),
    ("lazada:MY", {"title": "Wireless Earbuds", "description": "Add WeChat ID acme_shop"}, "warn", {"CT004"}),
    ("lazada:MY", {"title": "Wireless Earbuds Bluetooth 5.3"}, "pass", set()),
    ("lazada:MY", {"title": "Power Bank 20000mAh"}, "warn", {"RG007"}),
    ("lazada:MY", {"title": "Wireless Earbuds", "description": "Ask: sales@acme-shop.com"}, "warn", {"CT001"}),
    ("lazada:MY", {"title": "Wireless Earbuds", "description": "Call 012-345 6789"}, "warn", {"CT002"}),
    # Ozon and Wildberries: EAC in Russian and English
    ("ozon:RU", {"title": "Наушники беспроводные Bluetooth 5.3"}, "warn", {"RG006"}),
    ("ozon:RU", {"title": "Наушники беспроводные Bluetooth 5.3, декларация о соответствии ЕАЭС"}, "pass", set()),
    ("ozon:RU", {"title": "Мягкая игрушка медведь 30 см"}, "warn", {"RG006"}),
    ("ozon:RU", {"title": "Игрушка для собак, резиновый мяч"}, "pass", set()),
    ("ozon:RU", {"title": "Чехол для iPhone 15"}, "pass", set()),
    ("ozon:UZ", {"title": "Наушники беспроводные Bluetooth 5.3"}, "pass", set()),
    ("ozon:RU", {"title": "Аккумулятор 18650 литий-ионный 3000 мАч"}, "warn", {"RG007"}),
    ("wildberries:RU", {"title": "Внешний аккумулятор 20000 мАч"}, "warn", {"RG006", "RG007"}),
    ("wildberries:RU", {"title": "Фен для волос 2000 Вт"}, "warn", {"RG006"}),
    ("wildberries:RU", {"title": "Фен для волос 2000 Вт, EAC"}, "pass", set()),
    # Flipkart and Jumia
    ("flipkart:IN", {"title": "Power Bank 20000mAh Fast Charging"}, "warn", {"RG004"}),
    ("flipkart:IN", {"title": "Power Bank 20000mAh Fast Charging, BIS R-41001234"}, "pass", set()),
    ("flipkart:IN", {"title": "Cotton Kurta for Men"}, "pass", set()),
    ("flipkart:IN", {"title": "Phone Case for iPhone 15"}, "pass", set()),
    ("jumia:NG", {"title": "Power Bank 20000mAh"}, "warn", {"RG007"}),
    ("jumia:NG", {"title": "Cotton T-Shirt"}, "pass", set()),
]


@pytest.mark.parametrize("target, values, verdict, codes", CASES,
                         ids=[f"{t}-{i}" for i, (t, *_rest) in enumerate(CASES)])
def test_verdict_per_market(target, values, verdict, codes):
    assert run(target, **values) == (verdict, codes)


def test_length_fixtures():
    assert (len(TITLE_95), len(TITLE_150)) == (95, 150)


def test_every_pack_has_rows():
    assert {t.split(":")[0] for t, *_ in CASES} == set(PACKS)


# eBay's and Amazon's rules from before the regional packs have their own tables (tests/test_rules_*.py).
EARLIER = {("ebay", c) for c in ("LS000", "LS002", "LS003", "LS006", "AU001", "CT001", "CT002", "CT003", "CT004",
                                 "HT001", "TM006")} | \
          {("amazon", c) for c in ("LS000", "LS001", "LS003", "LS004", "LS005", "CT001", "CT002", "CT003", "CT004",
                                   "HT001", "HT002")}


def test_every_pack_rule_has_a_row_that_fires():
    fired = {(t.split(":")[0], code) for t, _, _, codes in CASES for code in codes}
    wanted = {(name, cfg.code) for name, pack in PACKS.items() for cfg in pack.rules}
    assert wanted - fired - EARLIER == set()


@pytest.mark.parametrize("title, failing", [
    (TITLE_95, {"ebay"}),
    ("Wireless Earbuds Bluetooth 5.3 with Charging Case!", {"amazon", "walmart"}),
])
def test_the_same_listing_differs_per_platform(title, failing):
    found = {name for name in PACKS if run(f"{name}:{PACKS[name].default_region}", title=title)[0] == "fail"}
    assert found == failing
