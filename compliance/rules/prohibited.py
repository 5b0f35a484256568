"""Prohibited and restricted items, from blocklist entries of kind prohibited."""
from __future__ import annotations

import re

from ..listing import TEXT_FIELDS
from .base import Hit, ListingRule, RuleDoc, register
from .evidence import latin_accents

# "Counterfeit money detector pen", "fake banknote tester": a tool against the item, not the item.
DETECTOR = re.compile(r"^\W*(?:detectors?|detection|detecting|testers?|checkers?|pens?|scanners?|markers?)\b", re.I)


@register
class ProhibitedItem(ListingRule):
    code = "PR001"
    reads = ("marks",)
    name = "prohibited-item"
    kind = "prohibited"
    everywhere = True
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="The listing offers an item the marketplace prohibits or restricts (weapons such as brass knuckles "
             "and switchblades, drugs and paraphernalia, counterfeit currency, hazardous materials ...), in the "
             "languages of the platform's markets.",
        why="Prohibited items are removed and can cost the seller the account; each entry cites the "
            "marketplace's policy page.",
        fails="Brass Knuckles Duster Self Defense Solid",
        passes="Brass Door Knocker Lion Head",
    )

    def check(self, listing, params, fields):
        for span in listing.spans.get("marks", []):
            if span.kind != "prohibited" or span.field not in fields:
                continue
            entry = span.data["entry"]
            after = listing.fields[span.field].raw[span.end:span.end + 30]
            if DETECTOR.match(after):
                listing.decisions.append((span, f"'{span.text}' names what the product detects or tests: no finding"))
                continue
            if _accented_other_word(span):
                listing.decisions.append((span, f"'{span.text}' is a word written with accents, not the item "
                                                f"'{span.data.get('name')}': no finding"))
                continue
            yield Hit(span.field, span.start, span.end, span.text, entry.term,
                      f"'{span.text}' is a prohibited or restricted item ({entry.term})"
                      + (f"; policy: {entry.reference}" if entry.reference else ""),
                      "Do not list this item on these marketplaces, or check the restricted-item rules and "
                      "approvals first", score=span.score, severity=entry.severity, mark=entry,
                      explanation=(("source", entry.source), ("reference", entry.reference)))


def _accented_other_word(span) -> bool:
    """Vietnamese 'bóng' (gloss, ball) and 'bông' (cotton) are not a bong: the item's name has no
    accents and the word matched only once its accents were folded away. Look-alike letters of
    another script ('bоng' with a Cyrillic o) carry no accent and still match."""
    name = span.data.get("name") or ""
    return name.isascii() and not span.text.isascii() and latin_accents(span.text)
