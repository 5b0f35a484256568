"""Trademark rules: third-party marks, brand comparisons, "Not X" disclaimers, compatibility
wording and keyword stuffing.

One decision serves them all: every candidate mark span of a listing gets its evidence
(:mod:`compliance.rules.evidence`), then goes through :data:`STEPS`, small named steps in a
fixed order, until one decides: a finding of one of these rules at a severity, or no finding
and why. Each rule's ``check`` returns its own share of those decisions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial
from typing import Iterator

from ..blocklist import namesakes
from ..classes import classes_of
from ..listing import TEXT_FIELDS
from ..matchers import Span
from ..matchers.context import FASHION_CLASSES, fashion_brand
from ..normalize import compact, evasion_reading, fold
from .base import Explanation, Hit, ListingRule, RuleDoc, field_label, register
from .evidence import (
    Frame,
    Goods,
    MarkEvidence,
    Reading,
    SellerBrand,
    after_tag_label,
    bare_tag_list,
    gather,
    line_of_the_other,
    same_family,
    same_maker,
    seller_key,
    written_as_word,
)

HOW_WORDS = {
    "disguised": "look-alike letters or hidden characters",
    "evasion": "spaced, dotted or leetspeak letters",
    "typo": "a misspelling",
}


def own_brand(listing, entry) -> bool:
    """The listing's brand column names this mark or its family: the seller's own goods."""
    return same_family(seller_key(listing), entry)


def needs_context(listing, span) -> bool:
    """Whether the decision on a mark span depends on the wording around it (read with spaCy):
    not for the listing's own brand, nor for a generic mark written as the everyday word."""
    entry = span.data["entry"]
    if own_brand(listing, entry):
        return False
    return not (written_as_word(listing, span, entry) and span.data.get("how") not in ("disguised", "evasion"))


def _explanation(span, entry, *more):
    ctx = span.data.get("context") or {}
    items = [("matched", span.text), ("normalized", evasion_reading(fold(span.text)).text.strip()),
             ("name", span.data["name"]), ("reading", span.data["how"]),
             ("owner", entry.owner), ("classes", sorted(entry.classes)), ("generic", entry.generic),
             ("context", ctx.get("context")), ("wording", ctx.get("wording")),
             ("source", entry.source)]
    items.extend(more)
    return tuple(items)


class MarkRule(ListingRule):
    """A trademark rule: its findings are its share of the listing's mark decisions."""

    kind = "trademark"
    everywhere = True
    default_fields = TEXT_FIELDS
    reads = ("marks",)

    def check(self, listing, params, fields):
        return mark_hits(listing, params, fields, self.code)


@register
class ThirdPartyMark(MarkRule):
    code = "TM001"
    name = "third-party-mark"
    doc = RuleDoc(
        what="A listing names another company's trademark (or one of its product lines) that is not the "
             "listing's own brand, including disguised spellings (N1ke, G U C C I, Guccci, look-alike letters).",
        why="Marketplaces remove listings that use brands other than the product's own; rights owners "
            "report them (eBay VeRO, Amazon Brand Registry) and repeat strikes close accounts.",
        fails="Nike Women's Canvas Slip On Sneakers (brand: Zonsan)",
        passes="Women's Canvas Slip On Sneakers (brand: Zonsan)",
    )


@register
class BrandComparison(MarkRule):
    code = "TM002"
    name = "brand-comparison"
    doc = RuleDoc(
        what="Compares the product with a brand: 'X style', 'inspired by X', 'like X', 'similar to X', "
             "'better than X', 'X look alike', in the seed's languages.",
        why="eBay, Amazon, Mercado Libre and DHgate forbid comparisons with other brands "
            "(ebay.com/help/policies/listing-policies/search-browse-manipulation-policy?id=4243).",
        fails="Leather Tote Bag Michael Kors style",
        passes="Leather Tote Bag with Zip Closure",
    )


@register
class Compatibility(MarkRule):
    code = "TM003"
    name = "compatibility-wording"
    default_severity = "info"
    doc = RuleDoc(
        what="Names a brand after 'compatible with', 'for', 'fits' or 'replacement for' to say what the "
             "product works with. Reported as information: this is permitted (nominative) use.",
        why="eBay and Amazon allow a third-party brand only after such wording; listguard reports it so a "
            "reviewer sees the brand is used referentially.",
        fails="Shockproof Case compatible with Apple iPhone 15",
        passes="Shockproof Case for 6.1 inch Phones",
    )


@register
class NotBrandDisclaimer(MarkRule):
    code = "TM004"
    name = "not-brand-disclaimer"
    doc = RuleDoc(
        what="'Not X', 'non-X', 'unbranded X': a disclaimer that names a brand to draw searches for it.",
        why="Using another brand's name as a keyword is search manipulation and brand misuse on eBay and "
            "Amazon, whatever the disclaimer says.",
        fails="Canvas sneakers. Not Adidas, but you will love it.",
        passes="Canvas sneakers you will love.",
    )


@register
class KeywordStuffing(MarkRule):
    code = "TM005"
    name = "keyword-stuffing"
    doc = RuleDoc(
        what="Keyword stuffing with brands: three or more other companies' brands in one field, brand names "
             "in a tag or keyword list ('Tags: nike adidas puma', or a field of short search words parted by "
             "commas for a brand copies are sold under), or brands as hashtags.",
        why="eBay's keyword spam policy forbids lists of brands and loosely related keywords "
            "(ebay.com.my/help/policies/listing-policies/keyword-spam-policy?id=5375); Amazon and AliExpress "
            "suppress listings that stuff other brands' names.",
        fails="Canvas sneakers. Tags: nike adidas puma",
        passes="Canvas sneakers. Tags: canvas, slip-on, casual",
    )

    def check(self, listing, params, fields):
        return stuffing_hits(listing, params, fields)


@register
class CompatibleFashionBrand(ListingRule):
    code = "TM006"
    name = "compatible-fashion-brand"
    kind = "trademark"
    reads = ("marks",)
    default_fields = ("title", "description")
    doc = RuleDoc(
        what="'fits', 'for' or 'compatible with' before the brand of jewelry, clothing or accessories: a mark "
             "registered mostly in Nice classes 14, 18, 25 or 26 (Pandora, Gucci), not a maker that also "
             "registered a watch (Apple).",
        why="eBay: \"'fits', 'for' or 'compatible with' is not allowed before the brand names of jewelry, "
            "clothing and accessories\" "
            "(ebay.com/help/policies/listing-policies/search-browse-manipulation-policy?id=4243).",
        fails="Charms Compatible with Pandora Bracelets",
        passes="Charms for Snake Chain Bracelets",
    )

    def check(self, listing, params, fields):
        classes = frozenset(params.get("classes") or FASHION_CLASSES)
        # The one mark decision first: a word it spared (the colour 'pink', the seller's own or
        # authorized brand) names no brand for the wording to stand before.
        for decision in mark_decisions(listing, params.get("_authorized", ())):
            span, entry = decision.span, decision.span.data["entry"]
            ctx = span.data.get("context") or {}
            if decision.spare is not None or span.field not in fields or ctx.get("context") != "COMPAT" \
                    or span.data.get("how") == "typo":
                continue
            if not _fashion_mark(entry, classes) or written_as_word(listing, span, entry):
                continue
            # The mark rides on the hit, so that a licence of the seller's limited to some marketplaces
            # (--authorized ... platforms) spares it there, as for every other mark finding.
            yield Hit(span.field, span.start, span.end, span.text, entry.term,
                      f"eBay does not allow '{ctx.get('wording')}' before a jewelry, clothing or accessories brand "
                      f"({entry.term})",
                      f"Describe the fit without the brand (e.g. 'fits snake chain bracelets'), or list on a "
                      f"marketplace that allows compatibility wording for {entry.term}", mark=entry)


def _fashion_mark(entry, classes) -> bool:
    """A jewelry, clothing or accessories brand: its goods say so (Pandora, Gucci), or, where the
    list does not say, its registrations are mostly in those classes; not a maker that also
    registered a watch (Apple, Samsung)."""
    if entry.goods:
        return fashion_brand(entry)
    return len(entry.classes & classes) * 2 > len(entry.classes)


# ---------------------------------------------------------------------------------------------
# The decision: candidate spans -> evidence -> the first step that decides, in this order.
# A step returns an Outcome (a finding of a rule at a severity) or a Spare (no finding, and
# why), or None to leave it to the next step. ``explain`` prints the evidence and the step.


@dataclass(frozen=True)
class Outcome:
    rule: str
    severity: str  # "block", "warn" or "info"; "" takes the entry's own severity
    message: str
    fix: str


@dataclass(frozen=True)
class Spare:
    why: str


@dataclass(frozen=True)
class MarkDecision:
    span: Span
    evidence: MarkEvidence
    step: str
    outcome: Outcome | None
    spare: Spare | None


def _owner(entry) -> str:
    return f" (owner {entry.owner})" if entry.owner else ""


def spare_own_brand(span, entry, ev):
    if ev.own_brand:
        return Spare(f"{entry.term} is the listing's own brand or of its family")
    if ev.authorized:
        return Spare(f"{entry.term} is on the seller's authorized brands")
    if ev.licensed_to and not ev.copy_words:
        return Spare(f"the brand column names {ev.licensed_to}: licensed goods")
    if ev.reading is Reading.TYPO and ev.own_product_line:
        return Spare(f"'{span.text}' is the listing's own brand or product line, not a misspelling of {entry.term}")
    return None


def spare_ordinary_sense(span, entry, ev):
    # Folded accents, and words joined across a hyphen, read as a disguise: a word of another
    # language, or everyday words written apart, are spared even then.
    if ev.ordinary_sense and (not ev.reading.hidden or ev.foreign_word or ev.written_apart):
        return Spare(f"'{span.text}' is {ev.ordinary_sense}, not the mark {entry.term}")
    return None


def spare_language_word(span, entry, ev):
    """A mark written without the capitals or accents it has ("Ovo" for OVO, "Poco" for POCO, "pele"
    for Pelé) that is an everyday word of the language its title or description is written in
    ("Creme para pele seca", pele: skin; "Forma de Ovo de Páscoa", ovo: egg; "Camiseta Poco
    Usada"): the word, unless the listing confirms the mark (its maker or franchise named, a model
    right after it: "Xiaomi Poco X3"), writes it in capitals like a logo, or sells goods of the
    mark's classes. A mark written as its owner writes it is read as the mark: a brand or a club is
    as common in its country's text as a word ("Yamaha", "Benfica"), so word lists cannot tell."""
    if not (ev.unlike_mark and ev.language_word) or ev.reading.hidden or ev.copy_words:
        return None
    if ev.confirmed_by or ev.model_follows or ev.logo_capitals or ev.listing_classes and ev.class_overlap:
        return None
    return Spare(f"'{span.text}' is an everyday word of the {field_label(span.field)}'s language "
                 f"({ev.language_word}), not the mark {entry.term}")


# A comparison ending so ("bullet style", "flip-style case") describes a shape with an everyday
# word as often as it names a brand; "inspired by", "like", "look alike" name a brand.
WEAK_COMPARISONS = ("style", "type", "design", "estilo", "стиль")


def spare_everyday_word(span, entry, ev):
    """A generic mark (Apple, Coach) counts only used as a brand, and not beside its everyday use;
    one with keywords, or a name of a mark's that is an everyday word ("Тачки", Disney's Cars, are
    wheelbarrows), only where the listing confirms it."""
    if ev.generic_word and (entry.keywords or ev.everyday_name):
        return _unconfirmed_name(span, entry, ev)  # look-alike readings too: "i5" is no disguised "IS"
    if not ev.generic_word or ev.reading.hidden or ev.copy_words or ev.beside_hidden_marks:
        return None
    if ev.frame is Frame.COMPARISON and not ev.wording.lower().rstrip(" -").endswith(WEAK_COMPARISONS):
        return None  # "Apple look alike", "inspired by Jaguar": the comparison is the brand use
    if ev.everyday_word and not ev.product_line and not _used_as_brand_here(span, ev):
        return Spare(f"'{ev.everyday_word}' uses {entry.term}'s word in its everyday sense")
    if not ev.brand_use:
        return Spare(f"'{span.text}' is not used as a brand (not in the brand position, not a proper noun)")
    return None


def _used_as_brand_here(span, ev) -> bool:
    """The word's everyday use is elsewhere in the listing ("sharp" in the description), while this
    one leads the title written as a logo ("SHARP Hair Dryer")."""
    return ev.brand_position and span.text != ev.everyday_word and len(span.text) >= 3 and span.text.isupper()


def _unconfirmed_name(span, entry, ev):
    """A character, team or model name that is an everyday word (Ditto, Stitch, Giants, Civic)
    names the mark only beside its franchise, league or maker (the entry's keywords, or another
    of its marks), or, for a character, written as a name on a product that is the character
    itself ("Stitch plush", "Ditto figure"; on a sticker or a case it may be any word). A
    creature's name on a figure or a costume is the creature ("Penguin costume", "Skeleton
    figurines"): its franchise must be named there too. A name of two words or more in Latin
    letters in a title written in another script is a name, not that language's words: on a
    decorative product ("Мешок для сменной обуви Among Us") it is the character's merchandise; so
    is one of English words, capitalised, in an Indonesian or Malay title ("Gantungan Kunci Free Fire")."""
    if ev.confirmed_by or _maker_named_in_english(entry, ev) or _written_as_its_name(ev):
        return None
    beside = " or ".join(entry.keywords[:2]) or f"another of {entry.term}'s names or marks"
    return Spare(f"'{span.text}' is an everyday word; it names {entry.term} only beside {beside}"
                 + (" or as a figure or plush" if ev.goods is Goods.CHARACTER and not ev.everyday_name else ""))


def _written_as_its_name(ev) -> bool:
    """The everyday word is written as the property's name on its goods."""
    if ev.goods is Goods.CHARACTER and ev.character_product \
            and not (ev.everyday_word or ev.names_a_creature or ev.everyday_name):
        return True  # "Stitch plush"; not "Фигурка саблезубый тигр", a sabre-toothed tiger's figure
    if ev.goods is Goods.CHARACTER and ev.latin_title and ev.merchandise:
        return True  # "Мешок для сменной обуви Among Us": an English name on a Russian title's bag
    # "Gantungan Kunci Free Fire": English words written as a name on an Indonesian title's goods
    return ev.goods.property_for_merchandise and bool(ev.merchandise) and ev.english_name_in_local_trade


def _maker_named_in_english(entry, ev) -> bool:
    """A maker's name that is an everyday English word ("Specialized"), written as a name in a title
    written in another language ("Sombreros de hombre ... Specialized Snapback"), is the maker's
    name: the English word is not what such a title says. Not in lower case, nor where every word
    is capitalised ("Hiasan Dinding journey Kayu", "Kain Felt Flanel": those titles borrow English
    words too), nor a product line or a property: "Slim Fit" and "Lightning" are English phrases
    those titles borrow."""
    return not entry.line_of and not ev.goods.property_for_merchandise and ev.english_in_other_language \
        and ev.capitalised_as_name


def component_inside(span, entry, ev):
    """A chip, an operating system, a fabric or a zipper named in another product's listing states
    what the product contains ("Tablet ... Qualcomm Snapdragon", "jacket with Gore-Tex"), and a
    board maker lists its card by the chip ("GeForce GTX 580 AMP" by Zotac). A sticker holds no
    platform: its logo on one is the product ("Android Laptop Stickers")."""
    if ev.goods is not Goods.COMPONENT or ev.reading.hidden or ev.copy_words or ev.logo:
        return None
    if ev.brand_position and ev.seller.unnamed:
        return None  # "Intel Core i7-9700K" with no brand column: maybe the maker's own product
    return Spare(f"'{span.text}' names {entry.term}, a component or platform inside the product")


def compatibility(span, entry, ev):
    if ev.frame is not Frame.COMPATIBLE or ev.reading is Reading.TYPO:
        return None
    if ev.generic_word and (entry.keywords or ev.everyday_name) and not ev.confirmed_by:
        return None  # "lids for hot drink cups": an everyday word, spared below, names nothing it fits
    if _nothing_made_to_fit(ev):
        return None
    return Outcome("TM003", "info", f"'{ev.wording}' names {entry.term} to say what the product fits: "
                   f"permitted compatibility use", "Keep the brand after the compatibility wording; never use it "
                   "as the product's name")


def _nothing_made_to_fit(ev) -> bool:
    """What the wording names is no thing another product fits, whatever the wording says."""
    if ev.frame_carried and _names_the_product_sold(ev):
        return True
    if ev.goods.property_for_merchandise and not ev.display_stand:
        # Nothing is made to fit a character ("Hello Kitty case for iPhone" is merchandise) but a
        # stand for its figures or kits ("display stand for Gundam RG MG").
        return True
    if ev.merchandise in GARMENTS and not ev.goods.fittable:
        return True  # "polo para Petronas": clothing for a company's fans fits nothing it makes
    if ev.goods.fashion_house and not _a_house_fitted(ev):
        return True  # "strap for Rolex", "organizer for Longchamp Le Pliage": a house's name sells them
    if ev.goods is Goods.FOOD and ev.sells_merchandise:
        return True  # "Чехол для Apple Airpods Pro Киндер": a case fits no chocolate; its look is the brand's
    return bool(ev.logo) and ev.goods is Goods.VEHICLE  # "emblema para Seat": the badge is the product


def _a_house_fitted(ev) -> bool:
    """The wording says a fashion house's product is what the product fits: a device named in it too,
    a replacement, or fitting words ("replacement band for Apple Watch Hermes"); not a luxury house's
    name on a device's case ("Case for iPhone 13 Louis Vuitton": the phone is what it fits, the house
    its print), nor a fashion label's after the device a case fits ("Чехол для Samsung Galaxy Adidas":
    a case fits the phone, the label is its print)."""
    if _luxury_print_on_a_case(ev) or _label_printed_on_a_devices_case(ev):
        return False
    return ev.device_in_wording or ev.replacement or _says_it_fits(ev.wording)


def _label_printed_on_a_devices_case(ev) -> bool:
    """A fashion label named in the wording of the device a case, cover or sleeve is for."""
    return ev.goods is Goods.FASHION and ev.fitting in DEVICE_CASES and ev.device_in_wording


def _names_the_product_sold(ev) -> bool:
    """A mention that takes its compatibility from another mention of the same mark, and yet names
    the product sold: spelt to hide the mark ("Зарядный конвертер GAR-MIN ... для зарядки часов
    GARMIN", the plain mention says what it charges), or the name given to the product right after
    its noun ("Проводные наушники IPods ... для iPhone iPad"), unless that product is made to fit
    ("чехол samsung s20 ... чехол самсунг": the name after a case says what it fits)."""
    return ev.reading.hidden or ev.after_product and not ev.fitting


# Words that say outright that a product fits another's ("compatible with Pandora bracelets", "fits
# Ray-Ban RB2140"), which a bare "for" or "untuk" before a fashion house does not.
FIT_WORDS = ("compat", "kompat", "совмест", "fits", "fit ", "works with", "replacement", "pengganti")


def _says_it_fits(wording: str) -> bool:
    return wording.lower().startswith(FIT_WORDS)


# Wordings that compare or disclaim in general, but name what an accessory fits when they stand
# between an accessory and a device ("fits phones like iPhone 12", "generic Canon BCI-24 cartridge").
REFERENCE_WORDINGS = ("like", "such as", "similar", "generic", "unbranded", "non-oem", "non oem")


def accessory_reference(span, entry, ev):
    if ev.frame not in (Frame.COMPARISON, Frame.DISCLAIMER) or not ev.goods.fittable:
        return None
    if not (ev.fitting_in_title or ev.part) or not ev.wording.lower().startswith(REFERENCE_WORDINGS):
        return None
    return Outcome("TM003", "info", f"'{ev.wording}' names {entry.term} as what the {ev.fitting or ev.part} fits: "
                   f"permitted compatibility use", f"Write 'compatible with {entry.term} ...' to make the "
                   f"reference plain")


def comparison(span, entry, ev):
    if ev.frame is Frame.COMPARISON and not _model_called_so(span, ev):
        return Outcome("TM002", "block", f"compares the product with the brand {entry.term} ('{ev.wording}')",
                       f"Describe the product itself; remove '{ev.wording}'")
    if ev.frame is Frame.DISCLAIMER:
        return Outcome("TM004", "block", f"'{ev.wording}' names the brand {entry.term} to draw its searches",
                       f"Remove '{ev.wording}'")
    return None


def _model_called_so(span, ev) -> bool:
    """A style word right after a maker leading the title with a model or part number is the
    model's own name ("philips vibe 4gb mp3 video player", "Microsoft Surface Pro Type Cover
    FMM-00001"): genuine stock so titled compares with nothing. A copy names no model of the brand
    it likens itself to ("Chanel Estilo Japonés edredón"); a fashion house's or a character's
    style on a copy is the comparison however the title reads ("Rolex style watch Submariner"). Nor
    is a word that says likeness outright ("Beats Studio style", "AirPods Pro 2 clone") a model's name.
    """
    wording = ev.wording.lower()
    return not ev.copies_sold_under and not wording.endswith(span.text.lower()) \
        and not LIKENESS_WORDS.intersection(re.findall(r"\w+", wording)[-1:]) \
        and ev.seller is SellerBrand.UNKNOWN and ev.leads_title and _specific_product(ev)


# Words after a mark that say the product is like it, never part of a model's name (unlike "vibe",
# "type" or "look": "philips vibe 4gb mp3 player", "Surface Pro Type Cover").
LIKENESS_WORDS = frozenset("style styled styles lookalike lookalikes inspired alike esque dupe dupes replica "
                           "clone clones copy".split())


def hidden_mark(span, entry, ev):
    """A mark written so as to slip past a search ("G.U.C.C.I", "Havai-anas"). Not one written
    after its own maker's name ("Sram E-tap"): a spelling that names its maker hides nothing; nor a
    model code right after another maker's name that reads like one ("Crucial P5 Plus")."""
    if not ev.reading.hidden or ev.after_its_maker:
        return None
    if ev.model_after_maker:
        return Spare(f"'{span.text}' right after {ev.model_after_maker} is its model code, not a disguised "
                     f"{entry.term}")
    return Outcome("TM001", "block", f"names the trademark {entry.term}{_owner(entry)}, written as '{span.text}' "
                   f"({HOW_WORDS[ev.reading.value]}), which is not the listing's brand",
                   f"Remove '{span.text}': a disguised brand name is how copies are listed")


def impossible_specification(span, entry, ev):
    """A maker's mark or model name on a phone whose specification no genuine phone has ("Reno8
    Pro Handphone ... 7.5 inch", "Galaxy S23 Ultra ... 7.5 Inch 16GB RAM"): how copies of famous
    phones are listed, whatever else the title claims ("Original", a warranty)."""
    if not ev.impossible_spec or not ev.in_title or ev.frame is not Frame.NONE:
        return None
    return Outcome("TM001", "block", f"names {entry.term}{_owner(entry)} on a phone with a '{ev.impossible_spec}' "
                   f"screen, which no genuine phone has: how copies of famous phones are listed",
                   f"Remove '{span.text}' and other makers' model names; if this is a genuine {entry.term} "
                   f"phone, give its real specifications")


# A badge is the maker's logo whatever it is said to be for: "emblem for Seat" is no part that fits.
LOGO_FRAMES = (Frame.NONE, Frame.COMPATIBLE)


def logo_product(span, entry, ev):
    """A maker's logo sold as the product ("BMW M logo sticker", "Honda emblem badge", "Toyota logo
    keychain"): whatever the mark's classes, the logo itself is what sells, so it is the maker's
    merchandise where the catalog names no brand. A review where the maker leads with its part
    number in a catalog with no brand column (a genuine replacement emblem); where the brand column
    names a company, the later steps decide as for any product. A fashion house's logo on its own
    kind of goods ("MUSTANG LOGO Tee") is a product of its range, decided as its other goods are."""
    if not ev.logo or ev.frame not in LOGO_FRAMES or ev.reading is Reading.TYPO or not ev.in_title \
            or not ev.seller.unnamed or ev.goods.fashion_house and ev.class_overlap:
        return None
    if ev.leads_title and ev.part_number and ev.seller is SellerBrand.UNKNOWN and not ev.copies_sold_under:
        return Outcome("TM001", "warn", f"sells the {ev.logo} of {entry.term}{_owner(entry)} with a part number: "
                       f"fine for the maker's own part", f"Keep it only if it is {entry.term}'s own part")
    return Outcome("TM001", "block", f"sells the {ev.logo} of {entry.term}{_owner(entry)} as the product: the "
                   f"mark's merchandise, sold only under its licence", f"Remove '{span.text}' unless you are "
                   f"licensed by {entry.owner or entry.term}")


def other_class(span, entry, ev):
    """A mark's rights cover its classes: a diaper brand is not infringed by earrings."""
    if ev.class_overlap or ev.copy_words or ev.beside_hidden_marks:
        return None
    if ev.copies_sold_under and ev.merchandise and ev.confirmed_by and ev.reading is not Reading.TYPO:
        return None  # "FEAR OF GOD ESSENTIALS ... bag" filed under phones: the title says what it is
    if ev.reading is Reading.TYPO or ev.generic_word:
        how = "one letter from" if ev.reading is Reading.TYPO else "the everyday word of"
        return Spare(f"'{span.text}' is {how} {entry.term}, a mark for other goods "
                     f"(classes {sorted(entry.classes)}; the listing's {list(ev.listing_classes)})")
    if ev.copies_sold_under and ev.merchandise:
        return None  # a character or a fashion house printed on any product is still its merchandise
    if _sells_fan_merchandise(ev):
        return Outcome("TM001", "block", f"puts {entry.term}{_owner(entry)}, a mark for other goods, on a "
                       f"{ev.merchandise}: the brand's merchandise, sold only under its licence",
                       f"Remove '{span.text}' unless you are licensed by {entry.owner or entry.term}")
    return Outcome("TM001", "warn", f"names the trademark {entry.term}{_owner(entry)}, registered for other goods "
                   f"than this product: review", f"If '{span.text}' names {entry.term}, remove it")


def fan_wear(span, entry, ev):
    """"Ferrari Team T-shirt", "SPECIALIZED Lightning Maillot De Ciclismo", "Red Bull cap" from a
    shop naming no brand: a car, motorcycle, bicycle or drink maker's name on clothing is its fan
    merchandise, sold only under its licence, even where the maker registered its name for
    clothing too (a sportswear or sports-gear maker's own clothing is its product)."""
    if ev.goods not in FAN_WEAR_GOODS or not _sells_fan_merchandise(ev) or ev.copy_words:
        return None
    return Outcome("TM001", "block", f"puts {entry.term}{_owner(entry)} on a {ev.merchandise}: the maker's fan "
                   f"merchandise, sold only under its licence",
                   f"Remove '{span.text}' unless you are licensed by {entry.owner or entry.term}")


# Makers whose name on clothing sells fan wear, not their own product.
FAN_WEAR_GOODS = (Goods.VEHICLE, Goods.FOOD)


def _sells_fan_merchandise(ev) -> bool:
    """"Herbalife cycling jersey", "PETRONAS jersey", "Coca-Cola t-shirt" from a shop naming no brand:
    not the company's own goods, its name is what sells them: sponsor and fan merchandise. A food
    or drink brand on any decorative product of other goods too ("Чехол для Apple Airpods Pro
    Киндер", "Coca-Cola keychain"; not "sour patch kids candy snacks in reception box", nor "Carlsberg
    Green Label Can ... Silver Ring", where the decorative word is not what the title sells); and a
    car, motorcycle or toy maker's on one nothing is made to fit ("Кружка BMW", "Hot Wheels coffee
    mug"): a car's name on a case may be the case for its key, on a cover the seat's."""
    decorated = ev.sells_merchandise and not ev.class_overlap
    worn = ev.merchandise in GARMENTS and not ev.fitting \
        or ev.goods is Goods.FOOD and decorated or ev.goods in (Goods.VEHICLE, Goods.TOY) and decorated \
        and _nothing_fits(ev)
    return worn and ev.seller.unnamed and ev.reading is Reading.EXACT and ev.in_title


def _nothing_fits(ev) -> bool:
    """A decorative product no vehicle is fitted with nor a maker's name is a word of: no case,
    cover or mat, no line of the maker's named after it ("Stiker Striping Yamaha Nmax": stripes
    cut for the model), and no clothing beyond the garments fan wear is sold as (a Spanish skirt's
    "honda" is a word)."""
    return not (ev.fitting or ev.own_line_follows) and CLOTHING_CLASS not in ev.listing_classes


def service_feature(span, entry, ev):
    """An online service or app named in a product's listing, not leading it and not on a
    decorative product ("Smart TV ... Netflix YouTube Google Play", "ring light for TikTok live",
    "smartwatch with WhatsApp notifications"): what the product runs or connects to. Leading the
    title it names the product, unless the system the product runs follows it ("Google Play
    Android 8.0 OS 10 inch tablet")."""
    if ev.goods is not Goods.SERVICE or ev.merchandise or ev.copy_words or ev.reading.hidden:
        return None
    if ev.brand_position and not ev.system_follows:
        return None
    return Spare(f"'{span.text}' names {entry.term}, an online service the product runs or connects to")


def sales_channel(span, entry, ev):
    """An online service named as where the goods sell or went viral ("baju live tiktok", "celana
    viral tiktok", "as seen on TikTok"): the channel, not a name on the goods, unless it is
    printed on them ("Tik Tok printed tee") or disguised."""
    if not ev.channel or ev.copy_words or ev.reading.hidden:
        return None
    return Spare(f"'{span.text}' names {entry.term} as where the goods sell or are popular ('{ev.channel}'), "
                 f"not a name on them")


def second_hand_resale(span, entry, ev):
    """Goods sold second-hand ("Cambridge Satchel ... มือสอง", "preloved Coach bag"): the resale of
    a genuine product, which the mark's owner cannot stop once it sold it; whether it is genuine
    is a reviewer's question. Not with copy words, nor a disguised or misspelt mark."""
    if not (ev.second_hand and _named_plainly(ev)):
        return None
    return Outcome("TM001", "warn", f"sells {entry.term}{_owner(entry)} goods second-hand: fine for a genuine "
                   f"product's resale", f"Keep it only if this is a genuine {entry.term} product; say so in the "
                   f"description")


def the_work_itself(span, entry, ev):
    """A printed edition of the work, or of the work its character is from ("Komik Doraemon Edisi
    Spesial", "Harry Potter and the Philosopher's Stone paperback book", "Книга Гарри Поттер"): the
    work itself, which its publisher prints and any shop resells, not merchandise. Not a digital copy
    ("Ebook ... PDF", pirate), nor with copy words, nor a colouring or sticker book (merchandise)."""
    if not (ev.goods in (Goods.MEDIA, Goods.CHARACTER) and ev.publication and _named_plainly(ev)):
        return None
    return Spare(f"'{span.text}' names the work this {ev.publication} is an edition of: a publication, not "
                 f"merchandise")


def own_credit_resale(span, entry, ev):
    """A game's or an online service's own credit sold under its name ("Diamond Mobile Legends 86 DM
    Via ID", "Google Play Gift Card Rp 100.000", "Voucher Garena Shell 33"): the service's product
    resold, as shops of vouchers and top-ups sell it, not merchandise. Not with copy words."""
    if not (ev.goods in (Goods.MEDIA, Goods.CHARACTER, Goods.SERVICE) and ev.sells_credit and _named_plainly(ev)):
        return None
    return Spare(f"'{span.text}' names the game or service whose own credit the listing sells "
                 f"('{ev.sells_credit}'): a voucher or top-up resold, not merchandise")


def _named_plainly(ev) -> bool:
    """The mark written as it is, in the title, with no copy words in the listing: what a resale of
    the genuine product (second-hand, an edition, a voucher) is named with."""
    return not ev.copy_words and ev.reading is Reading.EXACT and ev.in_title


def makers_product_line(span, entry, ev):
    """A character's or a show's name right after a device maker leading the title and before a
    model ("asus sabertooth p67 motherboard"): the maker's product line of that name, not the
    property, unless the title sells merchandise or copy words are near."""
    if not (ev.makers_line and ev.goods.property_for_merchandise) or ev.merchandise or ev.character_product:
        return None
    if ev.copy_words or ev.reading is not Reading.EXACT:
        return None
    return Spare(f"'{span.text}' right after {ev.makers_line} and before a model names {ev.makers_line}'s "
                 f"product line, not {entry.term}")


def merchandise(span, entry, ev):
    """A character, franchise, team or show sells whatever it is put on: its distinctive name on
    any product, or a name that is also an everyday word (Stitch, Buzz) on a decorative one. It
    fails where the catalog names no brand; where the brand column names a company, that company
    may be the licensee (team cases by their licensed makers): a review of the licence."""
    # Its maker or licensee leading ("Bandai MG Gundam") says the property is meant, as its own name would.
    maker = _maker_or_licensee_leads(ev)
    if not ev.goods.property_for_merchandise or \
            not (ev.merchandise or ev.distinctive_name or ev.confirmed_by or maker):
        return None
    if ev.reading is Reading.TYPO and not (ev.class_overlap and ev.merchandise):
        return None  # one letter from a character's name ("Deppa" earphones) is merchandise only on merchandise
    product = _product_called(ev.merchandise)
    if ev.copy_words:
        return _by_another_company(span, entry, ev, product)
    said = _licence_said(span, entry, ev, product)
    if said or not maker:
        return said or _by_another_company(span, entry, ev, product)
    return _maker_leads_outcome(span, entry, ev, product, maker)


def _licence_said(span, entry, ev, product: str) -> Outcome | None:
    """The listing says, in words or in the way retail catalogs list it, that the goods are made
    under a licence: a review of the licence."""
    if ev.licence_claimed:
        return _licence_to_check(span, entry, ev, product)
    if ev.catalog_device:
        return _licensed_device(span, entry, ev)
    if ev.other_maker_leads and ev.part_number and ev.seller is SellerBrand.UNKNOWN and not ev.character_product:
        return _makers_licensed_edition(span, entry, ev)
    return None


def _maker_leads_outcome(span, entry, ev, product: str, maker: str) -> Outcome:
    """A review: the property's owner, its maker or a licensee makes the product, as the title says."""
    if maker == ev.owner_named:
        who = f"the title says {maker}, its owner, makes"
    elif maker == ev.owner_heads:
        who, maker = f"the title opens with its owner's name ('{maker}')", entry.owner or maker
    else:
        who = f"{maker}, its maker or licensee, leads"
    return Outcome("TM001", "warn", f"puts {span.data['name']} ({entry.term}{_owner(entry)}) on {product} that "
                   f"{who}: fine for {maker}'s own product",
                   f"If this is {maker}'s product, name it in the brand column; otherwise remove '{span.text}'")


def _licence_to_check(span, entry, ev, product: str) -> Outcome:
    """"Disney 32PCS Officially Licensed Stitch Balloon Set": the seller says the goods are made
    under the owner's licence, which only the owner's records settle; a review, not a failure.
    Copy words beside it still fail."""
    return Outcome("TM001", "warn", f"puts {span.data['name']} ({entry.term}{_owner(entry)}) on {product} that "
                   f"the title says is licensed ('{ev.licence_claimed}'): fine if the licence is real",
                   f"Keep it only if you hold or resell goods under a licence from {entry.owner or entry.term}; "
                   f"list the licence with --authorized so the check knows")


def _licensed_device(span, entry, ev) -> Outcome:
    """"hello kitty 11409-hk earbuds", "memorex disney princess dp3501-prn - dvd player": a device
    with its maker's part number is how retail catalogs list a licensed maker's stock; copies of
    the property's goods seldom carry one. A review of the licence, not a failure."""
    return Outcome("TM001", "warn", f"puts {span.data['name']} ({entry.term}{_owner(entry)}) on a {ev.catalog_device} "
                   f"listed with its maker's part number ('{ev.catalog_code}'), as licensed makers' stock is: fine "
                   f"if its maker holds the licence",
                   f"Keep it only if the maker is licensed by {entry.owner or entry.term}; name the maker in the "
                   f"brand column or list the licence with --authorized")


def _makers_licensed_edition(span, entry, ev) -> Outcome:
    """"razer messenger bag - dragon age ii rc21-00320100-r3m1": a maker the lists know leads the
    title with its own part number, and the property names the edition: how retail catalogs list
    a maker's licensed edition; a copy of the property's goods names no maker's code. A review."""
    return Outcome("TM001", "warn", f"puts {span.data['name']} ({entry.term}{_owner(entry)}) on a product that "
                   f"{ev.other_maker_leads} leads with its part number ('{ev.part_number}'), as a maker's licensed "
                   f"edition is listed: fine if {ev.other_maker_leads} holds the licence",
                   f"Keep it only if {ev.other_maker_leads} is licensed by {entry.owner or entry.term}; name the "
                   f"maker in the brand column or list the licence with --authorized")


def _product_called(noun: str) -> str:
    """The product in the message's English: "a case", or, in another script, "a product the title
    calls 'чехол'" (not "a чехол")."""
    if not noun:
        return "a product"
    return f"a {noun}" if noun.isascii() else f"a product the title calls '{noun}'"


def _by_another_company(span, entry, ev, product: str) -> Outcome:
    """Merchandise of the property: a review of the licence where another company the listing is
    by may hold it, a failure where the catalog names none or only a shop's own label."""
    if ev.seller is SellerBrand.OTHER and not _unknown_maker_in_title(span, ev):
        return Outcome("TM001", "warn", f"puts {span.data['name']} ({entry.term}{_owner(entry)}) on {product} "
                       f"{_other_company(ev)}: fine if it is the property's licensee",
                       f"Keep it only if the brand holds a licence from {entry.owner or entry.term}; list the "
                       f"licence with --authorized so the check knows")
    return Outcome("TM001", "block", f"puts {span.data['name']} ({entry.term}{_owner(entry)}) on {product}"
                   f"{_unknown_company(span, ev)}: merchandise of the property, sold only under its licence",
                   f"Remove '{span.text}' unless you are licensed by {entry.owner or entry.term}; name your licence "
                   f"with --authorized or the brand column")


def _other_company(ev) -> str:
    """Where the other company the listing is by was read: the brand column, or, where that is
    empty, a maker the title names."""
    if ev.maker_in_title:
        return f"that the title says {ev.maker_in_title} makes"
    return "whose brand column names another company"


def _unknown_maker_in_title(span, ev) -> bool:
    """Where the catalog has no brand column, a maker the title names ("PIFPAF KIDS / Рюкзак ...
    Бэтмен") that no list knows as a company or a licensee is most often the shop's own label: on
    a property's merchandise in the title it is no sign of a licence. A brand column is the
    catalog's word for its maker, which retailers' tables give for small licensed makers too."""
    return span.field == "title" and ev.maker_as_seller and not ev.seller_known


def _unknown_company(span, ev) -> str:
    if not _unknown_maker_in_title(span, ev):
        return ""
    return f" {_other_company(ev)}, a name no list knows as a company or licensee"


def _maker_or_licensee_leads(ev) -> str:
    return ev.licensee_leads or ev.owner_named or _owner_heads(ev) or _licensed_edition(ev)


CLOTHING_CLASS = 25  # Nice class 25: clothing, footwear, headgear


def _owner_heads(ev) -> str:
    """The owner's name opening the title ("disney toy story cd boom box"), unless the product is
    clothing or party goods: copies of character clothing and party supplies are titled so ("Disney
    Mickey Mouse imprimé T-shirt", "Marvel Superhero Candy Bags ... For Birthday Parties")."""
    if ev.merchandise in GARMENTS or CLOTHING_CLASS in ev.listing_classes or ev.party_goods:
        return ""
    return ev.owner_heads


def _licensed_edition(ev) -> str:
    """Where the catalog has no brand column, a maker of devices leading a title that sells no
    accessory made to fit one and no figure or plush ("razer starcraft ii gaming mouse",
    "steelseries shift gaming keyboard-world of warcraft edition"): that maker's licensed edition,
    as a retailer titles it. A case or a strap is what the device leading it fits ("Samsung
    Galaxy S21 Hello Kitty case"), unless the title calls the property the product's edition
    ("Logitech G PRO Mechanical Gaming Keyboard - League of Legends Edition"): a keyboard is an
    accessory too, and the maker's own."""
    if ev.seller is not SellerBrand.UNKNOWN or ev.character_product or ev.fitting and not ev.edition_named:
        return ""
    return ev.device_maker_leads


def typo(span, entry, ev):
    """One letter off a mark is a review; leading the listing it is a disguised copy, unless the
    mark is no property, nor a fashion or luxury house on its kind of goods, and the brand column
    names an established company ("mavis beacon" by Encore) or the catalog has no brand column
    and the word leads the title ("Cosway PowerMax Dehumidifier", "rebit 500 gb drive"): then it
    is a maker's own name more often."""
    if ev.reading is not Reading.TYPO or ev.copy_words:
        return None
    # Followed by the maker's own line ("infnix HOT 40 PRO") it is the maker's name misspelt.
    own_name = ev.seller_established or ev.seller is SellerBrand.UNKNOWN and ev.leads_title and not ev.own_line_follows
    if ev.brand_position and not (own_name and not _copied_here(ev)):
        return None
    return Outcome("TM001", "warn", f"'{span.text}' looks like a misspelling of the trademark {entry.term}",
                   f"If '{span.text}' stands for {entry.term}, remove it; if it is another name, keep it")


def _copied_here(ev) -> bool:
    """The mark is one copies are made of, on goods of the kind copied: a property on anything, a
    fashion or luxury house on clothing, bags, jewellery or eyewear (or goods the listing does not
    say); one letter from a fashion house on a hard drive ("rebit 500 gb drive") is the drive
    maker's name."""
    if ev.goods.property_for_merchandise:
        return True
    if _luxury_print_on_a_case(ev):
        return True
    return ev.copies_sold_under and (not ev.listing_classes or bool(set(ev.listing_classes) & FASHION_CLASSES)
                                     or bool(ev.eyewear))


def _luxury_print_on_a_case(ev) -> bool:
    """A luxury house's name on a device's case, cover or sleeve ("Louis Vuitton monogram laptop
    sleeve", "Gucci iPhone case"): the house's print, what copies carry."""
    return ev.goods is Goods.LUXURY and ev.fitting in DEVICE_CASES


# The cases, covers and sleeves of phones, tablets and laptops, in the seed's and the marketplaces'
# languages: a luxury house's print on one is what copies carry, though the goods are of class 9.
DEVICE_CASES = frozenset("case cases cover covers sleeve sleeves skin skins casing softcase hardcase чехол чехлы "
                         "funda fundas capa capas capinha coque housse hülle hulle custodia etui".split())


def fits_device(span, entry, ev):
    """"iPhone 8 case", "Чехол AirPods Pro": a device named with the accessory made for it. Not
    the maker's own name leading the title without a model ("Apple case" claims to be Apple's;
    "LG Ally VS740 case" names the phone it fits), nor a charger or
    cable without compatibility wording: copies of those pass as the maker's own."""
    if not (ev.goods.fittable and ev.fitting) or ev.claims_original and ev.seller.unnamed:
        return None
    if ev.reading is Reading.TYPO or _given_to_its_product(ev):
        return None
    # An established maker in the brand column makes accessories for the device whatever the
    # wording ("dell laptop charger" by Kensington).
    if not (ev.seller_established or _reads_as_for_the_device(ev)):
        return None
    return Outcome("TM003", "info", f"names {entry.term} with the {ev.fitting} made for it: permitted "
                   f"compatibility use", f"Write 'for {entry.term} ...' or 'compatible with {entry.term} ...' "
                   f"to make the reference plain")


def _given_to_its_product(ev) -> bool:
    """"FULCOL Google Tablet PC", "LSKDZ Google Ultra Slim Tablet PC ... Screen 8 Cores": a no-name
    shop gives the maker's name to its product (the screen the title names later is the tablet's
    own); after another listed maker ("Huawei MediaPad ... Honor Tablet") it may be that maker's
    edition. Not after the accessory the title sells ("Защитное стекло Mobius для Huawei Watch Fit")."""
    return ev.names_its_product and bool(ev.coined_leader) and not (ev.other_maker_leads or ev.fitting_before)


def fitment_list(span, entry, ev):
    """A device or vehicle model among the several a title lists, not the first of them: the
    models a part or accessory fits ("knalpot racing Vario 125 Pcx 160 Nmax Aerox")."""
    if not (ev.fitment_list and ev.goods.fittable) or ev.reading is not Reading.EXACT or ev.copy_words \
            or ev.brand_position or ev.claims_original:
        return None
    return Outcome("TM003", "info", f"names {entry.term} among the models the product fits: permitted "
                   f"compatibility use", f"Write 'for {entry.term} ...' or 'compatible with {entry.term} ...' "
                   f"to make the reference plain")


def game_platform(span, entry, ev):
    """A console named with another owner's game ("Call of Duty WWII PS4"): the platform the game
    is made for, as a shop titles a game; the game's own name is decided on its own."""
    if not ev.game_platform or ev.reading is not Reading.EXACT or ev.copy_words or ev.claims_original:
        return None
    return Outcome("TM003", "info", f"names {entry.term} as the platform of the game the title names: "
                   f"permitted compatibility use", f"Write 'for {entry.term}' to make the reference plain")


def _reads_as_for_the_device(ev) -> bool:
    """Not the maker's name leading without a model ("Apple case"), nor a charger or cable named
    with the device and no part number of another maker's (copies of those pass as originals)."""
    if ev.brand_position and not ev.model_named:
        return False
    if ev.fitting not in PASSES_AS_ORIGINAL:
        return True
    # Leading the title, the device is the charger's claimed maker, unless its own model follows.
    if ev.brand_position:
        return _device_model_charged(ev)
    # Mid-title just before the charger, beside a brand column naming another company ("retract
    # ipod charger" by Emerge) or where the catalog has no brand column and another name leads
    # ("macally podtape ipod cassette adapter"), the device is what it is for.
    named_for = ev.seller in (SellerBrand.OTHER, SellerBrand.UNKNOWN) and ev.fitting_follows
    return bool(ev.part_number) or named_for


def _device_model_charged(ev) -> bool:
    """"zte f160 premium heavy duty car charger", "motorola motonav tn20 tn30 gps ... car charger"
    where the brand column names another company: the maker leads with the device's own model, and
    the accessory maker the brand column names made the charger for it. A copy passing as the
    maker's names the maker and what it is ("Samsung 25W charger"), or claims it is the original;
    a part number ("tp-link tl-wn822n ... usb adapter", "xerox 106r01148 print cartridge") may be
    the maker's own product, a review."""
    return ev.seller is SellerBrand.OTHER and bool(ev.device_model) and not (ev.claims_original or ev.part_number)


def works_with_device(span, entry, ev):
    """A device named mid-title in a product another maker's name leads, where the catalog has no
    brand column ("jvc kd-r620 in dash cd mp3 usb ipod receiver", "altec lansing imt320 compact
    ipod speaker system"): most often what the product plays, docks or connects; a review."""
    leader = ev.other_maker_leads or ev.coined_leader
    if not (leader and _device_named_mid_title(ev)) or _given_to_its_product(ev):
        return None
    return Outcome("TM001", "warn", f"names {entry.term}{_owner(entry)} in a product that {leader} "
                   f"leads: fine for what it works with, otherwise remove it",
                   f"Write 'for {entry.term} ...' or 'compatible with {entry.term} ...' to make the reference plain")


def feature_for_device(span, entry, ev):
    """"rca clock radio with ipod dock", "pa system with ipod player controller": a device named as
    what a part of the product is made for, which the product works with."""
    if not (ev.device_feature and _device_named_mid_title(ev)):
        return None
    return Outcome("TM003", "info", f"'{ev.device_feature}' names {entry.term} as what the product's "
                   f"{ev.device_feature.rsplit(' ', 1)[-1]} works with: permitted compatibility use",
                   f"Write 'for {entry.term} ...' or 'compatible with {entry.term} ...' to make the reference plain")


def _device_named_mid_title(ev) -> bool:
    """A device's name written as it is, in the title and not its first mark (the product is then
    the device's), with no copy words nor a claim to be the original."""
    return ev.goods.fittable and ev.in_title and not (ev.brand_position or ev.leads_title) \
        and ev.reading is Reading.EXACT and not (ev.copy_words or ev.claims_original)


def part_or_refill(span, entry, ev):
    if not ev.part:
        return None
    return Outcome("TM001", "warn", f"names the trademark {entry.term} with a part or consumable ('{ev.part}'): "
                   f"fine for the maker's own part or a refill, otherwise say what it fits",
                   f"If this is not {entry.term}'s own part, write 'compatible with {entry.term} ...'")


def beside_own_brand(span, entry, ev):
    # A fashion house beside a no-name brand is a copy's keyword; beside an established maker's
    # own name it is a licensed series ("pioneer ... nautica series").
    if not ev.beside_own_brand or ev.goods.fashion_house and not ev.seller_established:
        return None
    return Outcome("TM001", "warn", f"names the trademark {entry.term} beside the listing's own brand: fine if it "
                   f"names a component or what the product works with, otherwise brand misuse",
                   f"Write 'compatible with {entry.term} ...' or 'with {entry.term} ... inside', or remove "
                   f"'{span.text}'")


def outside_title(span, entry, ev):
    """A mark named plainly only in the description (no comparison, no disguise, no copy words,
    not on merchandise: those are decided above): most often what the item works with, or a
    seller's search words; a reviewer reads it, it is not the product's name."""
    if ev.in_title or ev.copy_words:
        return None
    return Outcome("TM001", "warn", f"names the trademark {entry.term} in the {field_label(span.field)}, not as "
                   f"the product: fine for what it works with, otherwise remove it",
                   f"Write 'compatible with {entry.term} ...', or remove '{span.text}'")


def maybe_genuine(span, entry, ev):
    """Not a mark copies are made of, named as a specific product where the catalog names no brand
    ("Xiaomi Mi Pad 4 Plus", or the maker's part number: "Corsair ... CMK16GX4M2B3200C16"), the
    maker's name leading a title where the catalog has no brand column, or leading the title where
    the brand column names an established company (a licensee or distributor: "Duracell ... card"
    by Dane-Elec): maybe genuine stock."""
    if (_copies_sold_so(ev) and not _titled_as_resold_stock(ev)) or ev.copy_grade \
            or ev.reading is Reading.TYPO or _passes_as_original(ev):
        return None  # a copy's grade beside the mark ("Ventela ... KW Super") is no genuine stock
    if ev.seller.unnamed and not _titled_as_stock(ev):
        return None  # a product line alone on a no-name listing ("Hot Airwrap Air Brush") is no resale
    if _under_another_label(ev):
        return None
    if ev.seller is SellerBrand.OTHER and not _another_company_may_hold_stock(ev):
        return None
    who = f"the title names another maker, {ev.maker_in_title} (a licensee or distributor?)" \
        if ev.seller is SellerBrand.OTHER and ev.maker_in_title else SELLER_SAYS[ev.seller]
    return Outcome("TM001", "warn", f"names the trademark {entry.term}{_owner(entry)} as the product, and {who}: "
                   f"fine for genuine {entry.term} stock", f"If this is genuine {entry.term} stock, set the brand "
                   f"column to {entry.term}; otherwise remove '{span.text}'")


def _titled_as_stock(ev) -> bool:
    """Where the catalog names no brand, the title reads as a shop of genuine stock writes it: a
    specific product, the maker leading it, the official warranty, the maker beside a property
    it makes ("Rg Bandai Astray Marco Rojo Gundam"), or a fashion house with the product's name
    from its label ("Футболка Reebok GS VECTOR TEE")."""
    return _specific_product(ev) or _maker_leads(ev) or _under_warranty(ev) or bool(ev.makes_property) \
        or _as_on_its_label(ev)


def _under_another_label(ev) -> bool:
    """Where the catalog has no brand column, a coined name opens the title and the mark comes
    later, on goods nothing is made to fit ("YOLAN Sea Wubble Burbuja Bola 40-120cm ..."):
    the coined name is the product's maker, and the mark names what its product is sold as. A
    device named so is what the product works with (decided before). Where the title says the mark
    made it ("ibeats headphones ... from monster - black"), the coined name is its product's."""
    return bool(ev.coined_leader) and not (ev.leads_title or ev.signs_title) and not ev.goods.fittable \
        and ev.in_title


def _copies_sold_so(ev) -> bool:
    """Copies of the mark's goods are listed so: a property on anything; a fashion or luxury house
    on its own kind of goods, on a decorative product, or where the listing does not say what
    it sells. A watch house's name leading a title of label-printer tape ("seiko instruments ...
    shipping labels") is the maker's other business, titled as genuine stock is."""
    return _copied_here(ev) or ev.copies_sold_under and bool(ev.merchandise)


def _passes_as_original(ev) -> bool:
    """"Apple USB-C to Lightning cable" from a shop whose brand column is empty or another's: copies
    of chargers and cables pass as the maker's so. With the maker's part number it is its own;
    where the catalog has no brand column and the maker leads the title, it is how a retailer titles
    genuine stock, so a review. A maker of chargers and cables (Baseus, Anker) names its own charger
    so. Claimed "original" where the brand column says no brand ("Original UK Huawei 65W charger
    MateBook D15") it is how copies of chargers are sold, whatever else it names."""
    if ev.fitting not in PASSES_AS_ORIGINAL:
        return False
    if ev.seller is SellerBrand.NONE and ev.claims_original:
        return True
    return ev.goods.fittable and not (_specific_product(ev) or _maker_leads(ev))


SELLER_SAYS = {SellerBrand.UNKNOWN: "the catalog has no brand column",
               SellerBrand.NONE: "the brand column names no brand",
               SellerBrand.OTHER: "the brand column names another company (a licensee or distributor?)"}


def _another_company_may_hold_stock(ev) -> bool:
    """The brand column names another company, and yet the listing may be the maker's stock: the
    maker leads the title beside an established company or the maker's part number, or the
    reseller says so ("OEM Incipio case")."""
    return ev.brand_position and not ev.product_line and (ev.seller_established or bool(ev.part_number)) \
        or _reseller_says_genuine(ev)


def _reseller_says_genuine(ev) -> bool:
    """"OEM Incipio case", "original Nikon case" where the brand column names another company: a
    reseller stating it sells the maker's own stock, which a reviewer checks. Where the catalog
    names no brand, or for marks copies are made of, the same words sell copies."""
    return ev.said_genuine and ev.in_title and not ev.product_line


def _maker_leads(ev) -> bool:
    """The maker's own name leads a title in a catalog with no brand column ("Belkin USB wireless
    mouse"), or follows the product that opens it ("Lampu LED Philips 10W"): how a shop of genuine
    stock titles it, so a review, not a failure. Not where the brand column is empty or says
    Generic (an unbranded product named after a maker), nor a product line alone ("AirPods Pro
    TWS"): what copies are titled with. A claim that it is the original ("Original Apple charger",
    "Wardah Day Cream 30ml Original") changes nothing: shops of genuine stock write it (computer
    shops, Indonesian and Malaysian marketplaces) as copies do. A platform or chip line
    leading the title ("Android TV 32 inch Smart TV", "Intel Core i7-9700K") is the maker's own part
    or a device built on it, as genuine stock is titled. A maker's name signing the title ("G502 HERO
    Gaming Mouse | Logitech G", "... Dock HD by Belkin") is a maker's or a shop's page naming who
    made it; not for a fashion house or a character, whose name tacked on is how copies read."""
    return ev.seller is SellerBrand.UNKNOWN and _maker_named_first_or_last(ev) and ev.in_title \
        and not (ev.product_line and ev.goods is not Goods.COMPONENT and not _line_and_model(ev))


def _maker_named_first_or_last(ev) -> bool:
    return ev.leads_title or ev.after_product or ev.signs_title and not ev.copies_sold_under \
        or ev.ends_title and ev.goods in SIGNED_AT_THE_END


# Makers of goods a title may close with their name, no separator before it, as shops of genuine
# stock title them ("Caneta hidrográfica Fine Pen 0.4mm preto FPB/PRZF Faber-Castell", "Furadeira
# de impacto 650W 220V Bosch"): stationery, tools and appliances, whose copies are not sold so; a
# device maker's name closing a no-name gadget's title is how its copies are keyworded.
SIGNED_AT_THE_END = frozenset({Goods.OTHER, Goods.TOOL, Goods.APPLIANCE})


def _line_and_model(ev) -> bool:
    """A device's line and its model opening the title ("ThinkPad T460 14in", "iPhone 15 Pro Max
    Titanium White", "Xbox One S 1TB console"): a specific product, as a shop of genuine stock
    titles it; copies are titled with the line and what they are instead ("AirPods Pro TWS")."""
    return ev.goods is Goods.DEVICE and ev.model_follows and ev.leads_title


def _official_fashion_stock(ev) -> bool:
    """A fashion or watch house leading a title that names the official warranty ("Seiko 5 Sports
    SRPD55K1 Automatic Garansi Resmi", "Eiger Tas Ransel 25L Garansi Resmi"): how its authorised
    dealers title genuine stock; copies are not sold with the distributor's warranty. Or one that
    says, beyond a bare "original", where genuine stock comes from ("Original Store", "Jastip": a
    personal shopper buying in the brand's shop abroad; "100% original", "BNIB"): how resellers of
    genuine stock title it. A bare "ORIGINAL" ("Camiseta Deus EX MACHINA proceso ORIGINAL"), also
    beside the maker's style code ("Seiko 5 Sports SRPD55K1 Automatic Original"), is how copies
    are titled too, except in Indonesian and Malay titles ("Sepatu Bata Pria Kulit Original"),
    where copies are titled with the trade's words for their grade instead ("KW Super")."""
    return ev.goods.fashion_house and (_under_warranty(ev) or ev.in_title and ev.genuine_stock_claim
                                       and _named_first(ev))


def _titled_as_resold_stock(ev) -> bool:
    """A house copies are sold under, titled as a shop of its genuine stock titles it; not named as
    the goods' print ("Bantal Sofa Motif Nike"), which is what copies carry."""
    if ev.printed_as:
        return False
    return _official_fashion_stock(ev) or _as_on_its_label(ev) or _named_in_local_trade(ev)


def _named_in_local_trade(ev) -> bool:
    """A fashion label, not a luxury house, named as the maker in an Indonesian or Malay title
    ("Sepatu Adidas Superstar Hitam Putih", "Kaos Uniqlo Airism Pria"): that trade names its copies
    by their grade ("KW Super", "Grade Ori", "Mirror"), so a label named plainly is most often resold
    stock, a review (:func:`maybe_genuine` has left out any title with a copy's grade); a luxury
    house's name there sells copies still."""
    return ev.goods is Goods.FASHION and ev.in_title and _named_first(ev) and ev.local_trade


def _as_on_its_label(ev) -> bool:
    """A fashion or watch house named with what its own label says: the product's name in Latin
    letters in a title of another script ("Футболка Reebok GS VECTOR TEE"), or, leading the title,
    the maker's style code ("Balenciaga Women's Glasses PINK BB0095S003", "The North Face Inferno
    NF0A52DL1U5 Sleeping Bag") or, where the catalog has no brand column, a retail department and the
    product's own name ("Fossil Women's Harlow ... Necklace"): how shops and retail catalogs list
    genuine stock; a brand column that says "Unbranded" says otherwise. A bare "Original"
    beside the code ("Seiko 5 Sports SRPD55K1 Automatic Original") is how copies are titled too."""
    if ev.label_name:
        return True
    return ev.goods.fashion_house and ev.leads_title and not ev.claims_original \
        and (ev.style_code or ev.seller is SellerBrand.UNKNOWN and bool(ev.department_line))


def _named_first(ev) -> bool:
    """The house leads the title, or follows the product the title names first, and is no line alone
    (a line whose own name opens with its house is not alone: "Sepatu Vans Old Skool")."""
    return ev.brand_position or ev.leads_title or ev.after_its_maker \
        or ev.after_product and (not ev.product_line or ev.maker_named)


def _under_warranty(ev) -> bool:
    """A product line leading a title that names the maker's or distributor's warranty ("Redmi Note
    13 8/256 Garansi Resmi", "... 1 Year Samsung Malaysia Warranty"): how official stores and
    authorised resellers title genuine stock; also the maker right after the product it names, and
    its line right after it ("Tas Ransel Eiger Escaper 25L Original Garansi Resmi", "Sandal Crocs
    Classic Clog ... Garansi Resmi"), not a line alone after it ("TWS earbuds AirPods Pro 2
    Garansi Resmi": how copies are titled, warranty or not)."""
    return ev.warranty and ev.in_title and _named_first(ev)


def _specific_product(ev) -> bool:
    """The maker and a model ("Xiaomi Mi Pad 4"; a numbered line right after its maker: "JBL Flip 5",
    not "Apple AirPods Pro", how copies are titled), or the maker's part number with the maker or
    the line leading ("Crucial ... CT2K8G4SFS824A"): what a catalog of genuine stock names."""
    return ev.model_named and (ev.maker_named or ev.after_its_maker and (ev.numbered_name or ev.model_follows)) \
        or bool(ev.part_number) and (ev.maker_named or ev.brand_position)


def another_companys_mark(span, entry, ev):
    message = f"names the trademark {entry.term}{_owner(entry)}"
    if span.data["name"] != entry.term:
        message += f" through its product line {span.data['name']}"
    if ev.reading is Reading.TYPO:
        message += f", written as '{span.text}' ({HOW_WORDS['typo']})"
    message += ", which is not the listing's brand"
    severity = "" if not ev.copy_words else "block"
    fix = (f"Remove '{span.text}'. If this is genuine {entry.term} stock, set the brand column to "
           f"{entry.term}; for an accessory, write 'compatible with {entry.term} ...'")
    if entry.severity == "warn" and ev.goods.property_for_merchandise and not ev.copy_words:
        message += f" ({entry.term} is licensed to many makers: a review, not a failure)"
        fix = f"List it only if it is genuine or licensed {entry.term} merchandise; otherwise remove '{span.text}'"
    return Outcome("TM001", severity, message, fix)


# Clothing a company's name is printed on as team, sponsor or fan wear ("Herbalife cycling jersey"):
# where the mark is for other goods, the garment is not the company's own product. A subset of
# the merchandise nouns (patterns/merchandise_nouns.txt), which the evidence reads.
GARMENTS = frozenset(
    "t-shirt t-shirts tshirt shirt shirts tee tees hoodie hoodies sweatshirt jersey jerseys hat "
    "polo shorts jacket jackets sweater maillot maillots camiseta camisetas playera polera sudadera gorra "
    "camisa chaqueta camisola moletom jaqueta boné casquette débardeur trikot футболка толстовка худи "
    "свитшот лонгслив кепка куртка джерси kaos baju jersi jaket topi áo เสื้อ".split())

# Accessories that copies pass off as the maker's own: named with a device without "for" or
# "compatible with", they are no reference.
PASSES_AS_ORIGINAL = frozenset("charger chargers cable cables cord adapter adapters cartridge cartridges toner "
                               "refill refills replacement remote cargador carregador cabo chargeur câble ladegerät "
                               "kabel кабель зарядка зарядное адаптер картридж".split())

STEPS = (spare_own_brand, spare_ordinary_sense, spare_language_word, component_inside, compatibility,
         accessory_reference, spare_everyday_word,
         comparison, hidden_mark, impossible_specification, second_hand_resale, the_work_itself, own_credit_resale,
         makers_product_line, service_feature, sales_channel, merchandise, logo_product, other_class, fan_wear,
         typo,
         fitment_list, game_platform, fits_device, feature_for_device, works_with_device,
         part_or_refill,
         beside_own_brand,
         outside_title, maybe_genuine, another_companys_mark)


def decide(span, evidence: MarkEvidence) -> MarkDecision:
    entry = span.data["entry"]
    for step in STEPS:
        result = step(span, entry, evidence)
        if isinstance(result, Spare):
            return MarkDecision(span, evidence, step.__name__, None, result)
        if isinstance(result, Outcome):
            return MarkDecision(span, evidence, step.__name__, result, None)
    raise AssertionError("the last step always decides")


def mark_decisions(listing, authorized=()) -> list[MarkDecision]:
    """Every candidate mark span of the listing decided, once per listing (the TM rules share it)."""
    cached = listing.decided.get("marks")
    if cached is not None:
        return cached
    decisions: list[MarkDecision] = []
    # Namesakes first: the evidence of one span reads the others (which mark leads the title).
    spans = listing.spans["marks"] = [_as_namesake(listing, s) if s.kind == "mark" else s
                                      for s in listing.spans.get("marks", [])]
    for span in spans:
        if span.kind != "mark":
            continue
        decision = _named_again(decide(span, gather(listing, span, authorized)), decisions)
        if decision.spare is not None:
            listing.decisions.append((span, SpareNote(decision)))
        decisions.append(decision)
    listing.decided["marks"] = decisions
    return decisions


class SpareNote:
    """Why a mark did not fire, with its evidence, as ``explain`` prints it: written only when
    printed, so a check reads no more of the evidence than its decision did."""

    __slots__ = ("decision",)

    def __init__(self, decision: MarkDecision):
        self.decision = decision

    def __str__(self) -> str:
        d = self.decision
        assert d.spare is not None
        evidence = "; ".join(f"{k}: {v}" for k, v in d.evidence.summary())
        return f"{d.spare.why} [decided by {d.step}; {evidence}]"


def _as_namesake(listing, span: Span) -> Span:
    """The span read as another company's mark of the same name (blocklists/namesakes.csv) where
    the listing's product is in that mark's classes and in none that only the listed mark has:
    "apc back-ups 1500va" names APC's power supply, not the fashion label A.P.C."""
    entry = span.data["entry"]
    written = compact(span.text)
    other = namesakes().get(written) or namesakes().get(compact(span.data["name"]))
    if other is None or other.owner == entry.owner:
        return span
    classes = classes_of(listing)
    if written in namesakes() and written not in {compact(n) for n in entry.names}:
        # The listed mark misspelt is the namesake's own name ("da-lite" for Daylite): the namesake,
        # unless the product is known to be outside its goods.
        if classes and not classes & other.classes:
            return span
    elif not classes & other.classes or not (classes & entry.classes) <= other.classes:
        return span
    listing.decisions.append((span, f"'{span.text}' names {other.term} ({other.owner}), not {entry.term}: the "
                                    f"product is in {other.term}'s classes {sorted(other.classes)}"))
    score = 1.0 if written in namesakes() else span.score
    return replace(span, score=score, data={**span.data, "entry": other, "name": other.term, "how": "exact"})


def _named_again(decision: MarkDecision, earlier: list[MarkDecision]) -> MarkDecision:
    """A mark the title names again after naming it, or a line of its maker's, as the product's
    maker ("OPPO A60 - Original OPPO Malaysia", "ZTE Blade A55 ... 1 Year ZTE Malaysia Warranty",
    "Raket Yonex Astrox 88D ... Original Yonex") makes the same claim once more: the first mention's
    review covers it, not a block of its own."""
    if decision.step not in (another_companys_mark.__name__, maybe_genuine.__name__) or decision.span.field != "title":
        return decision
    entry = decision.span.data["entry"]
    # Another line of the maker, itself a review, keeps its own ("Apple iPad Pro": the line named).
    blocked = decision.step == another_companys_mark.__name__
    first = next((d for d in earlier if d.span.field == "title" and d.step == maybe_genuine.__name__
                  and (d.span.data["entry"] is entry or blocked and same_maker(d.span.data["entry"], entry))), None)
    if first is None:
        return decision
    return replace(decision, step=_named_again.__name__, outcome=None,
                   spare=Spare(f"names {entry.term} again, as the maker it named at {first.span.start}: "
                               f"the review there covers it"))


def mark_hits(listing, params, fields, code) -> Iterator[Hit]:
    """The hits of rule ``code`` among the listing's mark decisions, in ``fields``."""
    for d in mark_decisions(listing, params.get("_authorized", ())):
        if d.outcome is None or d.outcome.rule != code or d.span.field not in fields:
            continue
        entry = d.span.data["entry"]
        severity = d.outcome.severity or entry.severity
        yield Hit(d.span.field, d.span.start, d.span.end, d.span.text, entry.term, d.outcome.message,
                  d.outcome.fix, score=d.span.score, severity=severity, mark=entry,
                  explanation=Explanation(partial(_decision_explained, d)))


def _decision_explained(d: MarkDecision) -> tuple:
    return _explanation(d.span, d.span.data["entry"], ("decided by", d.step), *d.evidence.summary())


STUFFING_MIN = 3
def stuffing_hits(listing, params, fields) -> Iterator[Hit]:
    """TM005: three or more other brands in one field, brands in a tag list or as hashtags, from
    the TM001, TM002 and TM004 decisions (blocking ones, and plain mentions outside the title).
    A tag list, or fashion, luxury and character brands dropped in running text, fail; a run of
    device brands in a description (most often what the item fits, or search words) is a review."""
    for name, found in _named_brands_by_field(listing, params, fields).items():
        raw = listing.fields[name].raw
        entries = _one_per_owner(found)
        # In a bare list of tags, the brands copies are sold under (a fashion house, a character);
        # a device's there is most often what the item fits.
        tagged = [d for d in found if after_tag_label(raw, d.span.start)
                  or bare_tag_list(raw) and d.evidence.copies_sold_under]
        if len(entries) < STUFFING_MIN and not tagged:
            continue
        copied = any(d.evidence.copies_sold_under for d in found)
        first = min(found, key=lambda d: d.span.start).span
        last = max(found, key=lambda d: d.span.end).span
        shown = ", ".join(sorted(entries))
        why = (f"lists {len(entries)} other brands ({shown})" if len(entries) >= STUFFING_MIN
               else f"puts {shown} in a tag list or hashtag")
        yield Hit(name, first.start, last.end, raw[first.start:last.end], shown,
                  f"keyword stuffing: the {field_label(name)} {why} to draw their searches",
                  "Remove other brands' names; describe only the item you sell",
                  severity="block" if tagged or copied else "warn",
                  explanation=(("brands", sorted(entries)), ("tagged", [d.span.text for d in tagged])))


def _one_per_owner(found: list[MarkDecision]) -> set[str]:
    """The brands named, one per owner: a franchise and its characters ("Sword Art Online Кирито
    Асуна"), or a maker and its lines ("iPhone, iPad"), are one owner's brand, not three brands
    drawing three brands' searches. Owners are told apart as the lists write them, not by a parent
    company a group of them shares (Marvel's and Lucasfilm's are Disney's)."""
    kept: list = []
    for d in sorted(found, key=lambda d: d.span.start):
        entry = d.span.data["entry"]
        if not any(_one_brand(other, entry) for other in kept):
            kept.append(entry)
    return {entry.term for entry in kept}


def _one_brand(a, b) -> bool:
    return a is b or bool(a.owner) and compact(a.owner) == compact(b.owner) or line_of_the_other(a, b)


def _named_brands_by_field(listing, params, fields) -> dict[str, list[MarkDecision]]:
    """Field -> the decisions that name another company's brand there: blocking TM001, TM002 and
    TM004 findings, and plain mentions outside the title."""
    by_field: dict[str, list[MarkDecision]] = {}
    for d in mark_decisions(listing, params.get("_authorized", ())):
        o = d.outcome
        if o is None or o.rule not in ("TM001", "TM002", "TM004") or d.span.field not in fields:
            continue
        if (o.severity or d.span.data["entry"].severity) == "block" or d.step == "outside_title":
            by_field.setdefault(d.span.field, []).append(d)
    return by_field
