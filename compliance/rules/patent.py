"""Patented product types sold where, and while, the patent holds."""
from __future__ import annotations

from ..listing import TEXT_FIELDS
from .base import Hit, ListingRule, RuleDoc, register


@register
class PatentedProduct(ListingRule):
    code = "PT001"
    reads = ("patents",)
    name = "patented-product"
    kind = "patent"
    everywhere = True
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="The listing's product type and one of its feature keywords match a patent on the watchlist, in a "
             "region where the patent holds and before it expires (--as-of sets the date).",
        why="Rights owners take down patented product types in bulk (eBay VeRO, Amazon APEX); a seller should "
            "know before listing in that region.",
        fails="(with the watchlist entry 'self-balancing scooter', keywords hoverboard) Self-Balancing Scooter "
              "Hoverboard 6.5 inch, on ebay:US",
        passes="Kick Scooter Foldable Aluminium, on ebay:US",
    )

    def check(self, listing, params, fields):
        as_of = params.get("_as_of")
        for span in listing.spans.get("patents", []):
            entry = span.data["entry"]
            if span.field not in fields:
                continue
            if as_of is not None and entry.expires and as_of > entry.expires:
                listing.decisions.append((span, f"patent entry '{entry.term}' expired: no finding"))
                continue
            regions = "|".join(sorted(entry.regions)) or "all regions"
            keyword = span.data.get("keyword")
            message = (f"matches the patented product type '{entry.term}'" + (f" with '{keyword}'" if keyword else "")
                       + f" ({entry.owner or 'rights holder'}; holds in {regions}"
                       + (f" until {entry.expires.isoformat()}" if entry.expires else "") + ")")
            if entry.reference:
                message += f"; reference: {entry.reference}"
            yield Hit(span.field, span.start, span.end, span.text, entry.term, message,
                      f"Confirm the product does not use the patented design (or that you are licensed) before "
                      f"listing it in {regions}", severity=entry.severity, mark=entry,
                      explanation=(("keyword", keyword), ("regions", regions), ("expires", str(entry.expires or "")),
                                   ("source", entry.source)))
