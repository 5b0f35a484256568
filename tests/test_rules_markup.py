"""HTML rules HT001 (active content) and HT002 (tags not allowed) over the markup matcher."""
from __future__ import annotations

import pytest

from compliance.listing import Listing
from compliance.matchers.markup_tags import MarkupMatcher

from .rule_harness import hits

AMAZON_TAGS = {"allowed_tags": ("br",)}




@pytest.mark.parametrize("title, description, expected", [
    ("Tee", "Soft.<script>alert(1)</script>", ["script"]),
    ("Tee", '<script src="https://cdn.example.net/x.js"></script>', ["script"]),
    ("Tee", '<iframe src="https://x.example"></iframe>', ["iframe"]),
    ("Tee", '<object data="a.swf"></object><embed src="a.swf">', ["object", "embed"]),
    ("Tee", '<form action="https://x.example"><input name="q"><button>Go</button></form>',
     ["form", "input", "button"]),
    ("Tee", '<p onclick="steal()">Soft</p>', ["onclick"]),
    ("Tee", '<img src="a.jpg" onerror="x()">', ["onerror"]),
    ("Tee", '<a href="javascript:alert(1)">x</a>', ["javascript:"]),
    ("Tee", '<a href=" jav&#x61;script:alert(1)">x</a>', ["javascript:"]),
    ("Tee", '<a href="vbscript:msgbox(1)">x</a>', ["vbscript:"]),
    ("Tee", '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', ["data:text/html"]),
    ("Tee", '<meta http-equiv="refresh" content="0;url=https://x.example">', ["meta refresh"]),
    ("Tee", '<link rel="import" href="x.html"><base href="https://x.example/">', ["link import", "base"]),
    ("Tee", '<div style="width: expression(alert(1))">x</div>', ["style script"]),
    ("Tee <script>alert(1)</script>", "", ["script"]),
    ('Tee <img src=x onerror=alert(1)>', "", ["onerror"]),
    ("Tee", '<p>Soft</p><img src="https://i.ebayimg.com/a.jpg"><a href="https://www.ebay.com/str/x">Store</a>', []),
    ("Tee", '<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="a.css">', []),
    ("Tee", "Set onload=true in the config; javascript: optional", []),
    ("JavaScript: The Definitive Guide, 7th Edition", "", []),
    ("Dumbbell <10 lb, Weight > 5 kg", "", []),
    ("Tee", '<img src="data:image/png;base64,iVBORw0KGgo=">', []),
])
def test_ht001_active_content(title, description, expected):
    found = hits("HT001", {}, {"title": title, "description": description})
    assert [h.entry for h in found] == expected


def test_ht001_offsets_cover_the_tag():
    raw = 'Soft.<script src="x.js"></script>'
    [hit] = hits("HT001", {}, {"title": "Tee", "description": raw})
    assert raw[hit.start:hit.end] == '<script src="x.js">' and hit.field == "description"


@pytest.mark.parametrize("description, expected", [
    ("<p>Soft cotton</p>", ["p"]),
    ("<p>Soft</p><p>Washable</p><b>Black</b>", ["p", "b"]),
    ("Soft<!-- keyword stuffing -->", ["!--"]),
    ('<div><span style="color:red">Sale</span></div>', ["div", "span"]),
    ("Soft cotton<br>Machine washable", []),
    ("Soft cotton<br/>Machine washable<BR />", []),
    ("Soft cotton</br>Machine washable", []),
    ("Soft &amp; warm", []),
    ("Weight <10 lb", []),
    ("Soft<script>alert(1)</script>", []),  # active content is HT001's finding
])
def test_ht002_tags_not_allowed_on_amazon(description, expected):
    found = hits("HT002", AMAZON_TAGS, {"title": "Tee", "description": description})
    assert [h.entry for h in found] == expected


def test_ht002_one_hit_per_tag_name_at_its_first_use():
    raw = "<p>Soft</p><p>Washable</p><p>Black</p>"
    [hit] = hits("HT002", AMAZON_TAGS, {"title": "Tee", "description": raw})
    assert (hit.start, hit.end, hit.text) == (0, 3, "<p>")
    assert "3 times" in hit.message and "<br>" in hit.message


def test_ht002_counts_per_field():
    found = hits("HT002", AMAZON_TAGS, {"title": "Tee", "description": "<b>Soft</b>", "bullet_point1": "<b>Black</b>"})
    assert [(h.field, h.entry) for h in found] == [("description", "b"), ("bullet_point1", "b")]


def test_ht002_without_an_allowed_list_allows_no_tag():
    [hit] = hits("HT002", {}, {"title": "Tee", "description": "Soft<br>cotton"})
    assert hit.entry == "br" and "no HTML is allowed" in hit.message


def test_ht002_ignores_the_title():
    assert hits("HT002", AMAZON_TAGS, {"title": "<b>Tee</b>"}) == []


def test_markup_matcher_reports_every_tag_with_its_attributes():
    listing = Listing.from_values("SKU1", 1, {"title": "<b>Tee</b>", "description": '<p class="x">Soft</p><br>'})
    spans = MarkupMatcher().find(listing)
    tags = [(s.field, s.label, s.data["attrs"]) for s in spans if s.kind == "tag"]
    assert tags == [("description", "p", (("class", "x"),)), ("description", "br", ())]
