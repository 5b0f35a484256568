"""Rules one or two marketplaces state for themselves: other marketplaces' names, condition
words in titles, and eBay's product-safety conditions (laser power, loose 18650 cells,
UL 2272 hoverboards, the UK e-scooter disclaimer).

Prohibited items are blocklist entries (rule PR001); these rules cover what a keyword list
cannot say: a power above a limit, a cell sold on its own rather than in a device, a
statement that must be present.
"""
from __future__ import annotations

import re

from .base import Hit, ListingRule, RuleDoc, checked_fields, field_label, prepared, register, with_caveat
from .coverage import ScopedRule, covered_hit, first_match
from .listing_text import brand_positions, phrase_key, phrase_pattern

_TEXT = ("title", "description", "bullet_point1", "bullet_point2", "bullet_point3", "bullet_point4",
         "bullet_point5")


def _channel_pattern(params: dict) -> tuple[re.Pattern | None, dict[str, str]]:
    return phrase_pattern(tuple(str(p) for p in (params.get("names") or ()))
                          + tuple(str(p) for p in (params.get("phrases") or ())))


def _condition_pattern(params: dict) -> tuple[re.Pattern | None, dict[str, str]]:
    return phrase_pattern(tuple(str(p) for p in (params.get("words") or ())))


@register
class OtherMarketplaceName(ListingRule):
    code = "MP001"
    name = "other-marketplace-name"
    default_severity = "block"
    default_fields = ("title",)
    doc = RuleDoc(
        what="The listing names another marketplace or retailer as a sales channel (params: names, words that "
             "are never a product brand, such as 'eBay' or 'Lazada'; phrases, channel phrases for names that "
             "are also product brands, such as 'sold on Amazon' or 'Amazon Frustration-Free Packaging', so "
             "'case for Amazon Kindle' passes). A name inside the listing's own brand is allowed.",
        why="Walmart titles may not name Walmart or other retailers unless licensed or the brand "
            "(https://marketplacelearn.walmart.com/guides/Item%20setup/Item%20content,%20imagery,%20and%20media/Product-Detail-Page:-overview);"
            " Shopee listings may not mention other platforms such as Lazada "
            "(https://bigseller.com/blog/articleDetails/20/What-are-Listing-Violations-on-Shopee-and-How-to-Avoid-it.htm).",
        fails="Wireless Earbuds Bluetooth 5.3 - also sold on eBay",
        passes="Leather Case for Amazon Kindle Paperwhite, Black",
    )

    def check(self, listing, params, fields):
        pattern, canonical = prepared(params, _channel_pattern)
        if pattern is None:
            return
        brand = listing.brand.strip()
        for field in checked_fields(listing, fields):
            text = field.text
            in_brand = brand_positions(text, brand) if brand else set()
            for m in pattern.finditer(text):
                if m.start() in in_brand:
                    continue
                start, end = field.raw_span(m.start(), m.end())
                name = canonical.get(phrase_key(m.group(0)), m.group(0).lower())
                yield Hit(field.name, start, end, field.raw[start:end], name,
                          with_caveat(f"'{m.group(0)}' in the {field_label(field.name)} names another marketplace "
                                      f"or retailer.", params),
                          f"Remove '{m.group(0)}'; describe the product, not where else it is sold.")


@register
class ConditionInTitle(ListingRule):
    code = "MP002"
    name = "condition-in-title"
    default_severity = "block"
    default_fields = ("title",)
    doc = RuleDoc(
        what="The title states the item's condition with a word the marketplace wants in its condition field "
             "instead (params: words, e.g. refurbished, recertified, remanufactured, reconditioned).",
        why="Newegg titles must not say 'Refurbished', 'Recertified', 'Remanufactured' or 'Reconditioned'; the "
            "condition goes in Item Condition "
            "(https://sellerportal.newegg.com/selleracademy/index.php/knowledge-base/website-short-title-policy-guidelines/).",
        fails="Lenovo ThinkPad T480 14 inch Laptop Refurbished",
        passes="Lenovo ThinkPad T480 14 inch Laptop, Intel Core i5, 8GB RAM",
    )

    def check(self, listing, params, fields):
        pattern, canonical = prepared(params, _condition_pattern)
        if pattern is None:
            return
        for field in checked_fields(listing, fields):
            for m in pattern.finditer(field.text):
                start, end = field.raw_span(m.start(), m.end())
                word = canonical.get(phrase_key(m.group(0)), m.group(0).lower())
                yield Hit(field.name, start, end, field.raw[start:end], word,
                          with_caveat(f"'{m.group(0)}' in the {field_label(field.name)} states the condition, "
                                      f"which belongs in the item condition field.", params),
                          f"Remove '{m.group(0)}' from the {field_label(field.name)} and set the item condition "
                          f"instead.")


_POWER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(mw|w)(?![^\W_])", re.IGNORECASE)


@register
class LaserPower(ScopedRule):
    code = "MP003"
    name = "laser-pointer-power"
    default_severity = "block"
    default_fields = ("title", "description")
    doc = RuleDoc(
        what="A laser pointer whose stated output power is above the limit (params: max_mw, default 5): "
             "'200mW', '1W', in the title or description, in any order. 'High powered', 'military' and "
             "'tactical' lasers are prohibited-item blocklist entries.",
        why="eBay allows laser pointers of 5 mW or less "
            "(https://www.ebay.com/help/policies/prohibited-restricted-items/recalled-items-policy?id=4300).",
        fails="Green Laser Pointer 200mW Astronomy Star Pointer",
        passes="Red Laser Pointer Presenter, Class 2, below 1mW",
        field="title",
    )

    def check(self, listing, params, fields):
        limit = float(params.get("max_mw", 5) or 5)
        covered = self.scope.find(listing)
        if covered is None:
            return
        for field in checked_fields(listing, fields):
            for m in _POWER.finditer(field.text):
                milliwatts = float(m.group(1).replace(",", ".")) * (1 if m.group(2).lower() == "mw" else 1000)
                if milliwatts <= limit:
                    continue
                start, end = field.raw_span(m.start(), m.end())
                yield Hit(field.name, start, end, field.raw[start:end], f"max_mw={limit:g}",
                          with_caveat(f"A laser pointer of '{m.group(0)}' ({milliwatts:g} mW): the limit is "
                                      f"{limit:g} mW.", params),
                          f"Do not list laser pointers over {limit:g} mW on this marketplace.")
                return


@register
class LooseCells(ScopedRule):
    code = "MP004"
    name = "loose-lithium-cells"
    default_severity = "block"
    default_fields = ("title",)
    with_split = True
    first_product = True
    doc = RuleDoc(
        what="The listing sells 18650 cells on their own: the title's product is a battery or cell of that "
             "size, not a device that comes with one ('Flashlight with 18650 Battery' passes) and not a "
             "charger or holder for them.",
        why="eBay: '18650 batteries cannot be listed individually' (they must be pre-installed) "
            "(https://www.ebay.com/help/policies/prohibited-restricted-items/recalled-items-policy?id=4300).",
        fails="18650 Rechargeable Battery 3000mAh 3.7V, 4 Pack",
        passes="LED Flashlight with 18650 Battery, 1000 Lumen",
    )

    def check(self, listing, params, fields):
        covered = self.scope.find(listing)
        if covered is None or covered.field != "title":
            return
        yield covered_hit(covered, "18650",
                           f"'{covered.text}': 18650 cells may not be listed on their own, only installed in a "
                           f"device.", "List the cells only as part of the device they are installed in.", params)


_UL2272 = re.compile(r"(?<![^\W_])UL[\s\-]?2272(?!\d)", re.IGNORECASE)


@register
class HoverboardCertification(ScopedRule):
    code = "MP005"
    name = "hoverboard-ul2272"
    default_severity = "block"
    default_fields = _TEXT
    doc = RuleDoc(
        what="A hoverboard or self-balancing scooter, or its battery or charger, whose listing does not state "
             "UL 2272 certification. Accessories such as go-kart seats are not covered.",
        why="eBay lists hoverboards, self-balancing scooters and their batteries and chargers only if certified "
            "to UL 2272; the listing must state the certification, link to the UL Online Certifications "
            "Directory and offer US, Canada and Australia shipping only "
            "(https://www.ebay.ca/help/policies/prohibited-restricted-items/product-safety-policy?id=4300).",
        fails="Hoverboard 6.5 inch Self Balancing Scooter with Bluetooth Speaker",
        passes="Hoverboard 6.5 inch Self Balancing Scooter, UL 2272 certified",
        field="title",
    )

    def check(self, listing, params, fields):
        covered = self.scope.find(listing)
        if covered is None or first_match((_UL2272,), listing, fields) is not None:
            return
        yield covered_hit(covered, "UL 2272",
                           f"'{covered.text}': hoverboards and their batteries and chargers may be listed only "
                           f"with a statement of UL 2272 certification, and the listing has none.",
                           "State the UL 2272 certification and link to its entry in the UL Online Certifications "
                           "Directory; list it only if it is certified.", params)


_ESCOOTER_DISCLAIMER = re.compile(
    r"illegal\s+to\s+ride\s+electric\s+scooters\s+on\s+public\s+roads", re.IGNORECASE)


@register
class EscooterDisclaimer(ScopedRule):
    code = "MP006"
    name = "uk-escooter-disclaimer"
    default_severity = "warn"
    default_fields = _TEXT
    doc = RuleDoc(
        what="An electric scooter listing without the UK legal disclaimer ('Warning: It is illegal to ride "
             "electric scooters on public roads ...'). Parts and accessories are not covered.",
        why="eBay UK e-scooter listings must carry the exact disclaimer 'Warning: It is illegal to ride "
            "electric scooters on public roads (except under very specific circumstances), pavements, or cycle "
            "paths. They are intended only for use on private land with the owner's permission.'; listings "
            "without it are removed, as reported by a third party "
            "(https://channelx.world/2021/09/e-scooters-require-legal-disclaimer-to-be-sold-on-ebay/).",
        fails="Electric Scooter 350W, 25 km/h, Foldable",
        passes="Electric Scooter 350W, 25 km/h, Foldable. Warning: It is illegal to ride electric scooters on "
               "public roads (except under very specific circumstances), pavements, or cycle paths.",
        field="title",
    )

    def check(self, listing, params, fields):
        covered = self.scope.find(listing)
        if covered is None or first_match((_ESCOOTER_DISCLAIMER,), listing, fields) is not None:
            return
        yield covered_hit(covered, "e-scooter disclaimer",
                           f"'{covered.text}' for the UK without the legal disclaimer that riding e-scooters on "
                           f"public roads is illegal.",
                           "Add: 'Warning: It is illegal to ride electric scooters on public roads (except under "
                           "very specific circumstances), pavements, or cycle paths. They are intended only for "
                           "use on private land with the owner's permission.'", params)
