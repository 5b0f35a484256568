"""HTML tags in listing fields, and active content (scripts, frames, forms, event handlers).

Kinds of span: ``tag`` for every start tag or comment of a non-title field (label = tag
name, ``data["attrs"]`` = its attributes), and ``active`` for anything a marketplace
treats as executable or interactive (label = why: the tag name, ``meta refresh``,
``link import``, the ``on*`` attribute, or ``javascript:`` / ``vbscript:`` / ``data:text/html``).
Titles are plain text, so only an attempt at active markup (``<script``) is looked for there.
"""
from __future__ import annotations

import re

from . import Span

ACTIVE_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                         "form", "input", "button", "base"})
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcset"})
# Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
_SCHEME_NOISE = re.compile(r"[\s\x00-\x1f]+")
_ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
_TITLE_ACTIVE = re.compile(
    r"<\s*(script|iframe|frameset|frame|object|embed|applet|form|input|button|base)\b"
    # Only as an attribute value: "JavaScript: The Definitive Guide" is a book title.
    r"|=\s*[\"']?\s*(javascript|vbscript)\s*:"
    r"|<[^>]*\s(on[a-z]+)\s*=",
    re.IGNORECASE)


def active_reasons(name: str, attrs) -> list[str]:
    """Why a tag is active content; empty when it is not."""
    reasons = []
    if name in ACTIVE_TAGS:
        reasons.append(name)
    if name in ("meta", "link"):  # only these two carry a refresh or an import; the rest skip the look-up
        reasons.extend(_refresh_or_import(name, attrs))
    for key, value in attrs:
        key = key.lower()
        if key.startswith("on") and len(key) > 2:
            reasons.append(key)
        elif key in _URL_ATTRS and value:
            reasons.extend(_script_schemes(value))
        elif key == "style" and value and _style_script(value):
            reasons.append("style script")
    return reasons


def _refresh_or_import(name: str, attrs) -> list[str]:
    """A ``<meta>`` that refreshes the page elsewhere, or a ``<link>`` that imports a document."""
    values = {k.lower(): (v or "") for k, v in attrs}
    if name == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
        return ["meta refresh"]
    if name == "link" and "import" in values.get("rel", "").lower().split():
        return ["link import"]
    return []


def _script_schemes(value: str) -> list[str]:
    """The active schemes a link target starts with, read as a browser does (noise dropped)."""
    squeezed = _SCHEME_NOISE.sub("", value).lower()
    return [scheme for scheme in _ACTIVE_SCHEMES if squeezed.startswith(scheme)]


def _style_script(value: str) -> bool:
    """A style that runs script: an IE ``expression(...)`` or a ``javascript:`` URL."""
    squeezed = _SCHEME_NOISE.sub("", value).lower()
    return "expression(" in squeezed or "javascript:" in squeezed


class MarkupMatcher:
    """Reports every HTML tag of non-title fields, and active content in any field."""

    name = "markup"

    def find(self, listing) -> list[Span]:
        spans: list[Span] = []
        for field in listing.text_fields():
            if field.name == "title":
                spans.extend(self._title(field))
                continue
            if "<" not in field.raw:
                continue  # entities alone ("&amp;") make no tags
            raw = field.raw
            for tag in field.markup.tags:
                text = raw[tag.start:tag.end]
                spans.append(Span("tag", field.name, tag.start, tag.end, text, tag.name, 1.0, {"attrs": tag.attrs}))
                if tag.name == "!--":
                    continue
                reasons = active_reasons(tag.name, tag.attrs)
                if reasons:
                    spans.append(Span("active", field.name, tag.start, tag.end, text, reasons[0], 1.0,
                                      {"tag": tag.name, "reasons": tuple(reasons)}))
        return spans

    @staticmethod
    def _title(field) -> list[Span]:
        raw = field.raw
        if "<" not in raw and "=" not in raw:
            return []
        spans = []
        for m in _TITLE_ACTIVE.finditer(raw):
            if m.group(1):
                label = m.group(1).lower()
            elif m.group(2):
                label = m.group(2).lower() + ":"
            else:
                label = m.group(3).lower()
            spans.append(Span("active", field.name, m.start(), m.end(), m.group(0), label, 1.0, {"tag": ""}))
        return spans
