"""Platform packs and the rule registry: every pack loads, every rule is registered and
documented, and each rule's documented examples fail and pass under the packs that use it."""
from __future__ import annotations

import pytest

from compliance.listing import Listing
from compliance.matchers.contact import ContactMatcher
from compliance.matchers.markup_tags import MarkupMatcher
from compliance.platforms import MARKETPLACES, SEVERITIES, Target, load_platforms
from compliance.regions import EU_MEMBERS, parse_region
from compliance.rules import REGISTRY

PACKS = load_platforms()
MATCHERS = (ContactMatcher(), MarkupMatcher())

EBAY_REGIONS = ("US", "GB", "DE", "FR", "IT", "ES", "AU", "CA", "AT", "BE", "CH", "IE", "NL", "PL")
AMAZON_REGIONS = ("US", "CA", "MX", "BR", "GB", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "IE", "TR", "AE",
                  "SA", "EG", "IN", "JP", "AU", "SG")

# Severities each pack gives its rules: the platforms x rules table. A code missing here must be
# missing from the pack.
EXPECTED_SEVERITIES = {
    "ebay": {"LS000": {"block"}, "LS001": {"block"}, "LS002": {"block"}, "LS003": {"block"},
             "LS006": {"block"}, "AU001": {"block"}, "CT001": {"block"}, "CT002": {"block"},
             "CT003": {"block"}, "CT004": {"block"}, "HT001": {"block"}, "TM006": {"block"},
             "MP003": {"block"}, "MP004": {"block"}, "MP005": {"block"}, "MP006": {"warn"},
             "RG001": {"warn"}, "RG002": {"warn"}},
    "amazon": {"LS000": {"block"}, "LS001": {"block", "warn"}, "LS002": {"block", "warn"},
               "LS003": {"block", "warn"}, "LS004": {"warn"}, "LS005": {"warn"}, "LS008": {"warn"},
               "CT001": {"block"}, "CT002": {"block"}, "CT003": {"block"}, "CT004": {"warn"}, "HT001": {"block"},
               "HT002": {"block"}, "RG001": {"warn"}, "RG002": {"warn"}, "RG003": {"warn"}, "RG004": {"warn"},
               "RG005": {"warn"}},
    "walmart": {"LS000": {"block"}, "LS001": {"block"}, "LS002": {"block", "warn"}, "LS003": {"block", "warn"},
                "LS004": {"block"}, "LS005": {"warn"}, "LS007": {"block"}, "CT003": {"block"},
                "MP001": {"block", "warn"}},
    "newegg": {"LS000": {"block"}, "LS003": {"block", "warn"}, "LS004": {"block"}, "LS005": {"warn"},
               "MP002": {"block"}, "CT001": {"block"}, "CT002": {"block"}, "CT003": {"block"}, "CT004": {"block"},
               "HT001": {"block"}, "HT002": {"block"}},
    "etsy": {"LS001": {"warn"}, "LS002": {"warn"}, "LS009": {"warn"}, "RG001": {"warn"}, "RG002": {"warn"}},
    "aliexpress": {"LS001": {"warn"}, "LS005": {"warn"}, "HT001": {"warn"}, "HT002": {"warn"}, "CT003": {"warn"},
                   "RG001": {"warn"}, "RG002": {"warn"}, "RG003": {"warn"}, "RG005": {"warn"}, "RG007": {"warn"}},
    "dhgate": {"LS003": {"warn"}, "LS005": {"warn"}, "CT001": {"warn"}, "CT002": {"warn"}, "RG001": {"warn"},
               "RG002": {"warn"}, "RG003": {"warn"}, "RG005": {"warn"}, "RG007": {"warn"}},
    "lightinthebox": {"RG001": {"warn"}, "RG002": {"warn"}, "RG003": {"warn"}, "RG005": {"warn"},
                      "RG007": {"warn"}},
    "mercadolibre": {"LS001": {"warn"}, "LS007": {"block"}, "RG003": {"warn"}, "RG005": {"warn"},
                     "RG007": {"warn"}},
    "shopee": {"MP001": {"warn"}, "RG003": {"warn"}, "RG007": {"warn"}},
    "lazada": {"CT001": {"warn"}, "CT002": {"warn"}, "CT003": {"warn"}, "CT004": {"warn"}, "RG007": {"warn"}},
    "ozon": {"RG006": {"warn"}, "RG007": {"warn"}},
    "wildberries": {"RG006": {"warn"}, "RG007": {"warn"}},
    "flipkart": {"RG004": {"warn"}},
    "jumia": {"RG007": {"warn"}},
}
DEFAULT_REGIONS = {"ebay": "US", "amazon": "US", "walmart": "US", "newegg": "US", "etsy": "US", "aliexpress": "US",
                   "dhgate": "US", "lightinthebox": "US", "mercadolibre": "BR", "shopee": "SG", "lazada": "MY",
                   "ozon": "RU", "wildberries": "RU", "flipkart": "IN", "jumia": "NG"}

PACK_CODES = sorted({(name, cfg.code) for name, pack in PACKS.items() for cfg in pack.rules})


@pytest.fixture(scope="module")
def prepare(request):
    """Fill a listing's spans as the check does; the pipeline's own checker when the suite has one."""
    try:
        checker = request.getfixturevalue("checker")
    except pytest.FixtureLookupError:
        checker = None

    def run(values: dict) -> Listing:
        listing = Listing.from_values("DOC1", 1, values)
        if checker is not None:
            checker.check_batch([listing])
        else:
            for matcher in MATCHERS:
                listing.spans[matcher.name] = matcher.find(listing)
        return listing

    return run


def _fires(prepare, cfg, text: str) -> bool:
    """Does the rule fire on ``text``, put where its doc says or where the config looks (title rules:
    the title)?"""
    doc_field = REGISTRY[cfg.code].doc.field
    if doc_field and doc_field in cfg.fields:
        field = doc_field
    elif cfg.fields == ("title",):
        field = "title"
    else:
        field = "description" if "description" in cfg.fields else cfg.fields[0]
    listing = prepare({field: text})
    return bool(list(REGISTRY[cfg.code].check(listing, cfg.param_dict, cfg.fields)))


def _pack_hits(prepare, pack_name: str, values: dict, code: str | None = None):
    listing = prepare(values)
    found = []
    for cfg in PACKS[pack_name].rules:
        if code is None or cfg.code == code:
            rule = REGISTRY[cfg.code]
            found.extend((cfg.code, cfg.severity, h) for h in rule.check(listing, cfg.param_dict, cfg.fields))
    return found


def test_every_marketplace_has_a_pack_with_its_regions():
    assert sorted(PACKS) == sorted(MARKETPLACES)
    assert PACKS["ebay"].regions == EBAY_REGIONS and PACKS["amazon"].regions == AMAZON_REGIONS
    assert {name: pack.default_region for name, pack in PACKS.items()} == DEFAULT_REGIONS
    for pack in PACKS.values():
        assert pack.default_region in pack.regions
        assert pack.source.startswith("http")
        assert len(set(pack.regions)) == len(pack.regions)


@pytest.mark.parametrize("name, code", PACK_CODES)
def test_pack_rule_is_registered_and_cited(name, code):
    assert code in REGISTRY
    for cfg in PACKS[name].rules:
        if cfg.code == code:
            assert cfg.severity in SEVERITIES
            assert cfg.source.startswith("http"), f"{name} {code}: cite the source page"
            assert all(parse_region(r) or r == "EU" for r in cfg.regions)
            # "EU" needs a member state among the pack's sites; a country needs its site.
            assert set(cfg.regions) - {"EU"} <= set(PACKS[name].regions)
            assert "EU" not in cfg.regions or EU_MEMBERS & set(PACKS[name].regions)


@pytest.mark.parametrize("name", sorted(EXPECTED_SEVERITIES))
def test_pack_severities(name):
    found: dict[str, set[str]] = {}
    for cfg in PACKS[name].rules:
        found.setdefault(cfg.code, set()).add(cfg.severity)
    assert found == EXPECTED_SEVERITIES[name]


def test_every_pack_is_in_the_severity_table():
    assert set(EXPECTED_SEVERITIES) == set(PACKS)


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_rule_is_documented(code):
    rule = REGISTRY[code]
    assert rule.code == code and rule.name
    assert rule.default_severity in SEVERITIES
    assert rule.default_fields
    for part in ("what", "why", "fails", "passes"):
        assert getattr(rule.doc, part).strip(), f"{code}: doc.{part} is empty"


@pytest.mark.parametrize("code", sorted(c for c, r in REGISTRY.items() if r.kind == "policy"))
def test_every_listing_rule_is_used_by_a_pack(code):
    assert any(cfg.code == code for pack in PACKS.values() for cfg in pack.rules)


@pytest.mark.parametrize("name, code", PACK_CODES)
def test_doc_examples_fail_and_pass_under_the_pack(prepare, name, code):
    doc = REGISTRY[code].doc
    configs = [cfg for cfg in PACKS[name].rules if cfg.code == code]
    assert any(_fires(prepare, cfg, doc.fails) for cfg in configs), f"{name} {code}: doc.fails does not fire"
    for cfg in configs:
        assert not _fires(prepare, cfg, doc.passes), f"{name} {code} {cfg.param_dict}: doc.passes fires"


def test_a_95_character_title_is_too_long_for_ebay_only(prepare):
    title = ("Wireless Earbuds Bluetooth 5.3 Headphones with Charging Case 40H Playtime IPX7 Waterproof "
             "Black")
    assert len(title) == 95
    [(code, severity, hit)] = _pack_hits(prepare, "ebay", {"title": title}, "LS001")
    assert (code, severity, hit.entry, hit.start, hit.end) == ("LS001", "block", "max_length=80", 80, 95)
    assert _pack_hits(prepare, "amazon", {"title": title}, "LS001") == []


def test_an_exclamation_mark_fails_amazon_and_nothing_on_ebay(prepare):
    values = {"title": "Wireless Earbuds Bluetooth 5.3 with Charging Case!"}
    assert [(c, s, h.entry) for c, s, h in _pack_hits(prepare, "amazon", values, "LS002")] == [("LS002", "block", "!")]
    assert _pack_hits(prepare, "ebay", values) == []


def test_an_exclamation_mark_blocks_only_where_a_source_forbids_it(prepare):
    values = {"title": "Wireless Earbuds Bluetooth 5.3 with Charging Case!"}
    blocking = {name for name in PACKS
                if any(sev == "block" for _, sev, _ in _pack_hits(prepare, name, values))}
    assert blocking == {"amazon", "walmart"}


def test_amazon_repeated_words_say_they_are_unconfirmed(prepare):
    [(code, severity, hit)] = _pack_hits(prepare, "amazon", {"title": "Case Silicone Case Shockproof Case for iPhone"},
                                         "LS005")
    assert severity == "warn" and "not confirmed by Amazon" in hit.message


def test_amazon_allows_line_breaks_but_not_paragraphs(prepare):
    assert _pack_hits(prepare, "amazon", {"title": "Tee", "description": "Soft<br>Washable"}, "HT002") == []
    [(_, _, hit)] = _pack_hits(prepare, "amazon", {"title": "Tee", "description": "<p>Soft</p>"}, "HT002")
    assert hit.entry == "p"


def test_ebay_allows_links_to_its_own_pages_only(prepare):
    values = {"title": "Tee", "description": '<a href="https://www.ebay.com/str/acme">Store</a> or https://acme.com'}
    assert [h.entry for _, _, h in _pack_hits(prepare, "ebay", values, "CT003")] == ["acme.com"]
    assert [h.entry for _, _, h in _pack_hits(prepare, "amazon", values, "CT003")] == ["ebay.com", "acme.com"]


def test_region_limited_configs_apply_only_there():
    amazon = PACKS["amazon"]
    us = [(c.code, c.severity) for c in Target(amazon, "US").rules()]
    gb = [(c.code, c.severity) for c in Target(amazon, "GB").rules()]
    assert ("LS001", "warn") in gb and ("LS001", "warn") not in us


@pytest.mark.parametrize("target, present, absent", [
    ("amazon:DE", {"RG001", "RG002"}, {"RG003", "RG004", "RG005"}),
    ("amazon:US", set(), {"RG001", "RG002", "RG003", "RG004", "RG005"}),
    ("amazon:BR", {"RG003"}, {"RG001", "RG004", "RG005"}),
    ("amazon:IN", {"RG004"}, {"RG001", "RG003", "RG005"}),
    ("amazon:MX", {"RG005"}, {"RG001", "RG003", "RG004"}),
    ("ebay:GB", {"MP006"}, {"RG001", "RG002", "MP005"}),
    ("ebay:FR", {"RG001", "RG002"}, {"MP005", "MP006"}),
    ("ebay:AU", {"MP005"}, {"RG001", "MP006"}),
    ("mercadolibre:BR", {"RG003", "RG007"}, {"RG005"}),
    ("mercadolibre:MX", {"RG005", "RG007"}, {"RG003"}),
    ("aliexpress:ES", {"RG001", "RG002", "RG007"}, {"RG003", "RG005"}),
    ("aliexpress:US", {"RG007"}, {"RG001", "RG002", "RG003", "RG005"}),
    ("ozon:RU", {"RG006", "RG007"}, set()),
    ("ozon:UZ", {"RG007"}, {"RG006"}),
    ("shopee:BR", {"RG003", "MP001"}, set()),
    ("shopee:SG", {"MP001"}, {"RG003"}),
])
def test_region_rules_follow_the_target(target, present, absent):
    name, region = target.split(":")
    codes = {cfg.code for cfg in Target(PACKS[name], region).rules()}
    assert present <= codes and not absent & codes


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_doc_field_is_a_default_field(code):
    rule = REGISTRY[code]
    assert not rule.doc.field or rule.doc.field in rule.default_fields


@pytest.mark.parametrize("default", ["USA", "Europe", ""])
def test_a_pack_whose_default_region_is_no_country_code_stops_the_run(tmp_path, default):
    """A bad default region names the file and the key; it never becomes a target without a region."""
    from compliance.errors import InputError
    from compliance.platforms import load_pack

    pack = tmp_path / "shop.yaml"
    pack.write_text(f"name: shop\ntitle: Shop\ndefault_region: '{default}'\nregions: [US]\nrules: []\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="default_region: .* is not an ISO country code") as caught:
        load_pack(pack)
    assert "shop.yaml" in str(caught.value)


def test_a_pack_with_a_country_code_as_default_region_loads(tmp_path):
    from compliance.platforms import load_pack

    pack = tmp_path / "shop.yaml"
    pack.write_text("name: shop\ntitle: Shop\ndefault_region: gb\nregions: [GB]\nrules: []\n", encoding="utf-8")
    assert load_pack(pack).default_region == "GB"
