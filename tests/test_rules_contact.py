"""Contact rules CT001-CT004 over the contact matcher: what must fire, and near misses that must not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.listing import Listing
from compliance.matchers.contact import ContactMatcher
from compliance.rules import REGISTRY

from .rule_harness import hits

EBAY_LINKS = {"allowed_domains": ("ebay.*",), "require_https": True}
AMAZON_LINKS = {"allowed_domains": ()}




def entries(code, params, text, field="description") -> list[str]:
    values = {field: text} if field == "title" else {"title": "Earbuds", field: text}
    return [h.entry for h in hits(code, params, values)]


@pytest.mark.parametrize("text, expected", [
    ("Questions? sales@acme-gadgets.com", ["acme-gadgets.com"]),
    ("Mail John.Doe+shop@Mail.Example.co.uk today", ["mail.example.co.uk"]),
    ("write to shop [at] gmail [dot] com", ["gmail.com"]),
    ("write to shop at gmail dot com", ["gmail.com"]),
    ('<a href="mailto:sales@acme.com">Mail us</a>', ["acme.com"]),
    ("icon@2x.png and logo@3x.jpg", []),
    ("2 @ $5 each", []),
    ("user@localhost", []),
    ("Look at google dot maps", []),
    ("Follow @acme_shop", []),
])
def test_ct001_email(text, expected):
    assert entries("CT001", {}, text) == expected


def test_ct001_in_title_and_offsets_are_raw():
    raw = "<p>Mail <b>sales</b>@acme.com</p>"
    [hit] = hits("CT001", {}, {"title": "Earbuds", "description": raw})
    assert raw[hit.start:hit.end] == "sales</b>@acme.com"
    assert hit.text == "sales@acme.com"
    assert entries("CT001", {}, "Earbuds sales@acme.com", field="title") == ["acme.com"]


@pytest.mark.parametrize("text, expected", [
    ("Wholesale: call (415) 555-2671", ["+14155552671"]),
    ("Orders 415-555-2671 or 415.555.2671", ["+14155552671", "+14155552671"]),
    ("UK office +44 20 7946 0958", ["+442079460958"]),
    ("WhatsApp +86 138 0013 8000", ["+8613800138000"]),
    ("WhatsApp 8613800138000", ["+8613800138000"]),  # international without "+", said to be a number
    ("Call 555-1234 today", ["+15551234"]),  # local number, with a word that says phone
    ("Tel: 4155552671", ["+14155552671"]),
    ('<a href="tel:+14155552671">Call</a>', ["+14155552671"]),
    ("Sony WH-1000XM5 headphones", []),
    ("Power bank 20000mAh, 20000 mAh", []),
    ("Screen 1920x1080, 3840 x 2160", []),
    ("Fits 2018-2022 models, 2015 2016 2017 2018 2019", []),
    ("Made 2023-05-12", []),
    ("UPC 885909950805 EAN 4006381333931", []),
    ("885909950805", []),
    ("4155552671", []),  # bare 10 digits: a part or order number unless a word says phone
    ("Part No. 415-555-2671", []),
    ("Price $4155552671", []),
    ("Size 415 555 2671 cm", []),
    ("ISBN 978-3-16-148410-0", []),
    ("Samsung SM-S911B/DS 8/256GB 2023-2024", []),
    ("1,234,567 units sold, $12.99", []),
    ("Talla de pantalón: 30 32 34 36 38", []),  # a size chart's sizes, one step apart
    ("gn netcom 2403-820-105 jabra biz 2400 headset", []),  # digits grouped unlike a phone number: a part number
    ("Call us: 212 555 0199", ["+12125550199"]),
])
def test_ct002_phone(text, expected):
    assert entries("CT002", {}, text) == expected


@pytest.mark.parametrize("text, params, expected", [
    ("Visit www.acme-gadgets.com", EBAY_LINKS, ["acme-gadgets.com"]),
    ("See https://acme.com/sale?x=1.", EBAY_LINKS, ["acme.com"]),
    ("More at acme.com and example.net", EBAY_LINKS, ["acme.com", "example.net"]),
    ("Shop.com coupon", EBAY_LINKS, ["shop.com"]),
    ("Short link bit.ly/abc or tinyurl.com/x", EBAY_LINKS, ["bit.ly", "tinyurl.com"]),
    ("Join t.me/acme", EBAY_LINKS, ["t.me"]),
    ("Italian shop myshop.co.it? no: myshop.it/sale", EBAY_LINKS, ["myshop.co.it", "myshop.it"]),
    ("Our store acme.shop", EBAY_LINKS, ["acme.shop"]),
    ("Old link http://www.ebay.com/itm/123", EBAY_LINKS, ["ebay.com"]),  # eBay links must be https
    ('<a href="https://evil.example.com/p">our shop</a>', EBAY_LINKS, ["evil.example.com"]),
    ("https://www.ebay.com/str/acme and https://www.ebay.co.uk/itm/1", EBAY_LINKS, []),
    ("pages.ebay.com/help and ebay.de", EBAY_LINKS, []),
    ('<a href="https://www.ebay.com.au/usr/acme">Other items</a>', EBAY_LINKS, []),
    ("https://ebay.evil.com/login", EBAY_LINKS, ["ebay.evil.com"]),
    ("https://www.amazon.com/dp/B000", AMAZON_LINKS, ["amazon.com"]),
    ("https://www.ebay.com/itm/1", AMAZON_LINKS, ["ebay.com"]),
    ("Bluetooth 5.3, version 2.0.1, e.g. pairing, i.e. fast", EBAY_LINKS, []),
    ("See manual.pdf and photo.jpg", EBAY_LINKS, []),
    ("Great quality.It is soft. Best gift.Shop now", EBAY_LINKS, []),
    ("Hecho en calidad.es un regalo, Farbe.de", EBAY_LINKS, []),
    ("No.1 U.S.A. Co.Ltd St.Louis approx.10cm", EBAY_LINKS, []),
    ("Mail sales@acme.com", EBAY_LINKS, []),  # an e-mail address is CT001's
])
def test_ct003_links(text, params, expected):
    assert entries("CT003", params, text) == expected


def test_ct003_messages():
    [short] = hits("CT003", EBAY_LINKS, {"description": "bit.ly/abc"})
    assert "Shortened link" in short.message
    [http] = hits("CT003", EBAY_LINKS, {"description": "http://www.ebay.com/itm/1"})
    assert "https" in http.message and "https://www.ebay.com/itm/1" in http.fix


@pytest.mark.parametrize("text, expected", [
    ("WhatsApp: +86 138 0013 8000", ["whatsapp:+86 138 0013 8000"]),
    ("Add WeChat ID abc123 for sizes", ["wechat:abc123"]),
    ("Telegram @acme_shop", ["telegram:@acme_shop"]),
    ("Follow @acme_shop", ["@acme_shop"]),
    ("Line ID: xyz99", ["line:xyz99"]),
    ("Custom sizes? DM me", ["dm me"]),
    ("message me on Instagram", ["message me on"]),
    ("Follow us on Instagram @acme_shop", ["instagram:@acme_shop"]),
    ("Works with WhatsApp, Instagram and Facebook apps", []),
    ("Line art print, Line 6 amp, FB page, Signal: 5G", []),
    ("Facebook Portal stand", []),
    ("Questions? message me on eBay or contact us via eBay messages", []),
    ("sales@acme.com", []),
    ("2 @ $5", []),
])
def test_ct004_handles(text, expected):
    assert entries("CT004", {}, text) == expected


def test_ct004_caveat_is_in_the_message():
    params = {"caveat": "Amazon's rules do not name messenger handles"}
    [hit] = hits("CT004", params, {"description": "DM me"})
    assert hit.message.endswith("(Amazon's rules do not name messenger handles)")


def test_contact_rules_only_check_their_fields():
    listing = Listing.from_values("SKU1", 1, {"title": "Earbuds", "description": "sales@acme.com"})
    listing.spans["contact"] = ContactMatcher().find(listing)
    assert list(REGISTRY["CT001"].check(listing, {}, ("title",))) == []
    assert len(list(REGISTRY["CT001"].check(listing, {}, ("description",)))) == 1


def test_rules_need_the_matcher_spans():
    listing = Listing.from_values("SKU1", 1, {"description": "sales@acme.com"})
    assert list(REGISTRY["CT001"].check(listing, {}, ("description",))) == []


_PIECES = list("ab19 .-@/:+()<>=\"'") + ["www.x.com", "<a href='", "tel:", "&amp;", "call ", "4155552671"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_contact_spans_stay_inside_the_raw_field(raw):
    listing = Listing.from_values("SKU1", 1, {"title": raw, "description": raw})
    for span in ContactMatcher().find(listing):
        field = listing.fields[span.field]
        assert 0 <= span.start <= span.end <= len(field.raw)
