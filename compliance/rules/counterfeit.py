"""Counterfeit indicators: replica words and seller slang, and blocklist terms of kind counterfeit."""
from __future__ import annotations

import re

from ..listing import TEXT_FIELDS
from .base import Hit, ListingRule, RuleDoc, register
from .evidence import SellerBrand, seller_brand
from .trademark import mark_decisions


@register
class CounterfeitCue(ListingRule):
    code = "CF001"
    reads = ("cues",)
    name = "counterfeit-indicator"
    kind = "counterfeit"
    everywhere = True
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="Replica wording and seller slang for copies: replica, fake, knockoff, imitation, 1:1 copy, AAA / 7A "
             "quality, mirror quality, super clone, first copy, réplica, imitação, contrefaçon, Fälschung, "
             "реплика, копия; 'dupe' and 'reps' next to a brand. Honest uses are spared: a 1:18 scale replica "
             "model, imitation leather, AAA batteries, 10A grade virgin hair, a counterfeit-detector pen.",
        why="Every marketplace bans counterfeits and removes listings that describe an item as a replica or "
            "copy (ebay.ca/help/policies/prohibited-restricted-items/counterfeit-items-policy?id=4276; "
            "global-selling.mercadolibre.com/help/1078).",
        fails="Men's Quartz Wrist Watch AAA quality replica",
        passes="1:18 Scale Diecast Replica Model Car",
    )

    def check(self, listing, params, fields):
        has_mark = any(s.kind == "mark" for s in listing.spans.get("marks", []))
        for cue in listing.spans.get("cues", []):
            # Slang such as "dupe" or "reps" is a counterfeit cue only next to a brand.
            if cue.field not in fields or cue.data.get("scope") == "mark" and not has_mark:
                continue
            yield Hit(cue.field, cue.start, cue.end, cue.text, cue.label,
                      f"'{cue.text}' describes the item as a counterfeit or copy",
                      f"Remove '{cue.text}'. A copy of a branded product cannot be listed on any marketplace",
                      explanation=(("cue", cue.label), ("scope", cue.data.get("scope"))))


@register
class CounterfeitTerm(ListingRule):
    code = "CF002"
    reads = ("marks",)
    name = "counterfeit-term"
    kind = "counterfeit"
    everywhere = True
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="A term from a blocklist entry of kind counterfeit (a seller's or agency's own list of code words).",
        why="Teams keep their own lists of code words seen in takedowns; listguard applies them like its own cues.",
        fails="(with a blocklist line 'passing quality,counterfeit') Sneakers passing quality",
        passes="Sneakers, top quality",
    )

    def check(self, listing, params, fields):
        for span in listing.spans.get("marks", []):
            if span.kind != "counterfeit" or span.field not in fields:
                continue
            entry = span.data["entry"]
            yield Hit(span.field, span.start, span.end, span.text, entry.term,
                      f"'{span.text}' is on the counterfeit term list ({entry.source})", f"Remove '{span.text}'",
                      score=span.score, severity=entry.severity, mark=entry,
                      explanation=(("source", entry.source), ("reference", entry.reference)))


# Flash storage that is sold with impossible capacities: no USB flash drive or memory card holds
# more than 4 TB (the largest announced, 2025), and a terabyte of flash does not sell for pocket
# money. Such a listing with a famous maker's name is how counterfeit flash is sold (the drive
# reports the claimed size and loses what is written past its real one).
FLASH_PRODUCT = re.compile(
    r"(?i)\b(?:usb[\s-]?(?:flash[\s-]?)?(?:drive|stick|disk)|flash[\s-]?(?:drive|disk|memory)|pen[\s-]?drive|"
    r"thumb[\s-]?drive|memory[\s-]?(?:stick|card)|micro[\s-]?sd(?:xc|hc)?|sd(?:xc|hc)?[\s-]?card|tf[\s-]?card|"
    r"memoria[\s-]usb|cl[ée][\s-]usb|usb[\s-]stick|tarjeta[\s-]de[\s-]memoria|cart[ãa]o[\s-]de[\s-]mem[óo]ria|"
    r"флешк\w*|флеш[\s-]накопител\w*|карт\w*[\s-]памяти)")
CAPACITY = re.compile(r"(?i)(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(tb|тб|gb|гб)\b")
MAX_FLASH_GB = 4096
# Below this price (US dollars, euros or pounds) a terabyte of flash is not genuine.
MIN_PRICE_PER_TB = 20
PRICE = re.compile(r"(?i)(?:[$€£]|\b(?:usd|eur|gbp)\b)\s?(\d+(?:[.,]\d{1,2})?)"
                   r"|(\d+(?:[.,]\d{1,2})?)\s?(?:[$€£]|\b(?:usd|eur|gbp)\b)")


@register
class ImpossibleCapacity(ListingRule):
    code = "CF003"
    name = "impossible-capacity"
    kind = "counterfeit"
    everywhere = True
    default_severity = "warn"
    default_fields = ("title",)
    doc = RuleDoc(
        what="A flash drive or memory card with a famous maker's name and a capacity no such product has "
             "(more than 4 TB), or a terabyte or more at a price no genuine one sells for (under 20 dollars, "
             "euros or pounds per terabyte, when the price column names its currency).",
        why="Fake-capacity flash is the commonest counterfeit electronics listing; marketplaces remove it as "
            "counterfeit and misleading (Amazon's anti-counterfeiting policy; eBay's counterfeit items policy).",
        fails="SanDisk 16TB USB Flash Drive High Speed",
        passes="SanDisk Ultra 256GB USB 3.0 Flash Drive",
    )

    def check(self, listing, params, fields):
        field = listing.fields.get("title")
        if field is None or "title" not in fields or not FLASH_PRODUCT.search(field.text):
            return
        # A maker's name read as one (or the listing's own brand), not an everyday word like "Flash".
        marks = [d.span for d in mark_decisions(listing, params.get("_authorized", ()))
                 if d.span.field == "title" and (d.outcome is not None or d.step == "spare_own_brand")]
        if not marks:
            return  # a no-name drive's claim is false advertising, not a counterfeit of anyone's
        for m in CAPACITY.finditer(field.text):
            gb = _gigabytes(m)
            reason = _impossible(gb, _price(listing.price))
            if reason:
                start, end = field.raw_span(m.start(), m.end())
                yield Hit("title", start, end, field.raw[start:end], marks[0].data["entry"].term,
                          f"'{m.group(0)}' {reason}, next to the mark {marks[0].data['entry'].term}: how "
                          f"counterfeit flash is sold", "List the real capacity, and only genuine stock under the "
                          "maker's name", explanation=(("capacity GB", gb),))
                return


def _gigabytes(m) -> float:
    value = float(m.group(1).replace(",", "."))
    return value * 1024 if m.group(2).lower() in ("tb", "тб") else value


def _price(text: str) -> float | None:
    m = PRICE.search(text or "")
    if not m:
        return None
    return float((m.group(1) or m.group(2)).replace(",", "."))


def _impossible(gb: float, price: float | None) -> str:
    if gb > MAX_FLASH_GB:
        return "is more than any flash drive or memory card holds"
    if price is not None and gb >= 1024 and price < MIN_PRICE_PER_TB * gb / 1024:
        return f"at {price:g} is below any genuine price for that much flash"
    return ""


# A film, series or concert on disc: the disc format and words naming a screen work, and none
# naming a player, a drive or blank media. Bootleg discs are sold this way on marketplaces
# ("BLURAY English Movie ... (2023)", "DVD Korean Drama Complete Season 1~14"); a genuine
# disc's listing names its studio or distributor as the brand.
DISC = re.compile(r"(?i)\b(?:blu[\s-]?rays?|bd|dvds?|vcds?|\d+\s?(?:bd|dvd)s?)\b")
# A film ripped from a streaming service and burnt to disc: no studio releases a disc so.
WEB_RIP_WORDS = r"web[\s-]?(?:version|dl|rip)"
WEB_RIP = re.compile(rf"(?i)\b{WEB_RIP_WORDS}\b")
SCREEN_WORK = re.compile(
    r"(?i)\b(?:movies?|films?|tv[\s-]series|series|seasons?|episodes?|drama|k-?drama|anime|cartoons?|concert|"
    rf"documentary|{WEB_RIP_WORDS}|pel[ií]culas?|filme|s[ée]rie|фильмы?|сериал\w*|мультфильм\w*)\b")
NOT_A_WORK = re.compile(
    r"(?i)\b(?:players?|drives?|burners?|writers?|recorders?|blank|rewritable|re-?writable|[dcb]d-?r(?:w|e)?|"
    r"[dcb]d\+r(?:w)?|cases?|storage|binder|sleeves?|cleaner|lens|remote|projector|rack|shelf|organi[sz]er)\b")


@register
class BootlegDisc(ListingRule):
    code = "CF004"
    name = "bootleg-disc"
    kind = "counterfeit"
    everywhere = True
    default_fields = ("title",)
    doc = RuleDoc(
        what="A film, TV series, drama, anime or concert on Blu-ray, DVD or VCD whose brand column is empty or "
             "says no brand (a failure), or in a catalog with no brand column (a review, and a failure when the "
             "title calls it a web version, a rip of a streaming release). A disc whose brand column names a "
             "studio or distributor, and players, drives and blank media, are not it.",
        why="Unauthorised copies of films and series are counterfeit goods on every marketplace (eBay's "
            "counterfeit items policy; Mercado Libre bans unauthorized copies: global-selling.mercadolibre.com/"
            "help/1078); a genuine disc is listed under its studio or distributor.",
        fails="(brand column empty) BLURAY English Movie Lord of Misrule ( 2023 )",
        passes="(brand column 'Warner Home Video') The Dark Knight Blu-ray movie",
    )

    def check(self, listing, params, fields):
        field = listing.fields.get("title")
        if field is None or "title" not in fields:
            return
        disc = DISC.search(field.text)
        if disc is None or not SCREEN_WORK.search(field.text) or NOT_A_WORK.search(field.text):
            return
        seller = seller_brand(listing)
        if seller is SellerBrand.OTHER:
            return  # a studio or distributor named as the brand
        start, end = field.raw_span(disc.start(), disc.end())
        unnamed = "the catalog has no brand column" if seller is SellerBrand.UNKNOWN else "no brand is named"
        rip = WEB_RIP.search(field.text)
        if rip is not None:
            unnamed += f", and '{rip.group(0)}' says it is ripped from a streaming release"
        yield Hit("title", start, end, field.raw[start:end], "bootleg disc",
                  f"a film or series on '{field.raw[start:end]}' where {unnamed}: how unauthorised copies are "
                  f"sold", "List only licensed discs, with the studio or distributor in the brand column",
                  severity="warn" if seller is SellerBrand.UNKNOWN and rip is None else "block",
                  explanation=(("seller brand", seller.value),))
