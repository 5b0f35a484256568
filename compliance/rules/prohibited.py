"""Prohibited and restricted items, from blocklist entries of kind prohibited."""
from __future__ import annotations

import re

from ..findings import Finding
from .base import ListingRule, RuleDoc, register


# "Counterfeit money detector pen", "fake banknote tester": a tool against the item, not the item.
DETECTOR = re.compile(r"^\W*(?:detectors?|detection|detecting|testers?|checkers?|pens?|scanners?|markers?)\b", re.I)


@register
class ProhibitedItem(ListingRule):
    code = "PR001"
    name = "prohibited-item"
    kind = "prohibited"
    doc = RuleDoc(
        what="The listing offers an item the marketplace prohibits or restricts (weapons such as brass knuckles "
             "and switchblades, drugs and paraphernalia, counterfeit currency, hazardous materials ...), in the "
             "languages of the platform's markets.",
        why="Prohibited items are removed and can cost the seller the account; each entry cites the "
            "marketplace's policy page.",
        fails="Brass Knuckles Duster Self Defense Solid",
        passes="Brass Door Knocker Lion Head",
    )


def prohibited_findings(listing, scope) -> list[Finding]:
    findings = []
    for span in listing.spans.get("marks", []):
        if span.kind != "prohibited":
            continue
        entry = span.data["entry"]
        platforms = scope.platforms_for(entry)
        if not platforms:
            continue
        after = listing.fields[span.field].raw[span.end:span.end + 30]
        if DETECTOR.match(after):
            listing.decisions.append((span, f"'{span.text}' names what the product detects or tests: no finding"))
            continue
        findings.append(Finding(
            rule="PR001", kind="prohibited", severity=entry.severity, platforms=platforms, field=span.field,
            start=span.start, end=span.end, text=span.text, entry=entry.term, score=span.score,
            message=f"'{span.text}' is a prohibited or restricted item ({entry.term})"
                    + (f"; policy: {entry.reference}" if entry.reference else ""),
            fix="Do not list this item on these marketplaces, or check the restricted-item rules and approvals first",
            explanation=(("source", entry.source), ("reference", entry.reference)),
        ))
    return findings
