"""Patented product types sold where, and while, the patent holds."""
from __future__ import annotations

from ..findings import Finding
from .base import ListingRule, RuleDoc, register


@register
class PatentedProduct(ListingRule):
    code = "PT001"
    name = "patented-product"
    kind = "patent"
    doc = RuleDoc(
        what="The listing's product type and one of its feature keywords match a patent on the watchlist, in a "
             "region where the patent holds and before it expires (--as-of sets the date).",
        why="Rights owners take down patented product types in bulk (eBay VeRO, Amazon APEX); a seller should "
            "know before listing in that region.",
        fails="(with the watchlist entry 'self-balancing scooter', keywords hoverboard) Self-Balancing Scooter "
              "Hoverboard 6.5 inch, on ebay:US",
        passes="Kick Scooter Foldable Aluminium, on ebay:US",
    )


def patent_findings(listing, scope) -> list[Finding]:
    findings = []
    for span in listing.spans.get("patents", []):
        entry = span.data["entry"]
        platforms = scope.platforms_for(entry)
        if not platforms:
            why = "expired" if entry.expires and scope.as_of > entry.expires else "not in force in the run's regions"
            listing.decisions.append((span, f"patent entry '{entry.term}' {why}: no finding"))
            continue
        regions = "|".join(sorted(entry.regions)) or "all regions"
        keyword = span.data.get("keyword")
        message = (f"matches the patented product type '{entry.term}'" + (f" with '{keyword}'" if keyword else "")
                   + f" ({entry.owner or 'rights holder'}; holds in {regions}"
                   + (f" until {entry.expires.isoformat()}" if entry.expires else "") + ")")
        if entry.reference:
            message += f"; reference: {entry.reference}"
        findings.append(Finding(
            rule="PT001", kind="patent", severity=entry.severity, platforms=platforms, field=span.field,
            start=span.start, end=span.end, text=span.text, entry=entry.term, score=1.0, message=message,
            fix=f"Confirm the product does not use the patented design (or that you are licensed) before listing "
                f"it in {regions}",
            explanation=(("keyword", keyword), ("regions", regions), ("expires", str(entry.expires or "")),
                         ("source", entry.source)),
        ))
    return findings
