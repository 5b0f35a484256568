"""Trademark rules: third-party marks, brand comparisons, "Not X" disclaimers and
compatibility wording, decided from the spans of the mark matcher and their spaCy context."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..classes import listing_classes
from ..matchers.context import FASHION_CLASSES, fashion_brand
from ..findings import Finding
from ..normalize import compact, evasion_reading, fold
from .base import Hit, ListingRule, RuleDoc, register

HOW_WORDS = {
    "disguised": "look-alike letters or hidden characters",
    "evasion": "spaced, dotted or leetspeak letters",
    "typo": "a misspelling",
}


def own_brand(listing, entry) -> bool:
    """The listing's brand column names this mark (or its owner): the seller's own goods."""
    brand = compact(re.sub(r"(?i)^\s*(?:genuine|original|authentic|official|oem)\s+", "", listing.brand))
    if len(brand) < 2:
        return False
    names = {compact(n) for n in entry.names}
    owner = compact(entry.owner)
    # A brand column may be cut short ("genuine xero") or name a product line ("ultimate ear").
    return brand in names or any(brand.startswith(n) for n in names if len(n) >= 3) or \
        (len(brand) >= 4 and (owner.startswith(brand) or any(n.startswith(brand) for n in names)))


@lru_cache(maxsize=1)
def style_names() -> frozenset[str]:
    text = resources.files("compliance.matchers").joinpath("patterns/style_names.txt").read_text("utf-8")
    return frozenset(" ".join(line.lower().split()) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def style_name(listing, span) -> str:
    """The generic mark opens a product-style phrase ("Coach Jacket", "Polo Shirt")."""
    raw = listing.fields[span.field].raw
    following = re.findall(r"[^\W\d_]+", raw[span.end:span.end + 40])[:2]
    word = span.text.lower()
    for n in (1, 2):
        phrase = " ".join([word, *[w.lower() for w in following[:n]]])
        if len(following) >= n and phrase in style_names():
            return phrase
    return ""


def ordinary_use(listing, entry, span) -> str:
    """A lower-case use of a generic mark's word elsewhere in the listing ("plush puma", "apples"),
    or the word naming a product style ("Coach Jacket")."""
    style = style_name(listing, span)
    if style:
        return style
    taken = [(span.field, span.start, span.end)]
    for name in entry.names:
        if " " in name.strip() or not name.isalpha():
            continue
        pattern = re.compile(rf"(?<![^\W\d_]){re.escape(name.lower())}(?:s|es)?(?![^\W\d_])")
        for field in listing.text_fields():
            for m in pattern.finditer(field.raw):
                if any(f == field.name and s <= m.start() < e for f, s, e in taken):
                    continue
                return field.raw[m.start():m.end()]
    return ""


def own_brand_in_title(listing, span) -> bool:
    """The listing's own brand is written in the title too ("MSI GeForce GTX 560", "Radeon XFX HD 6970")."""
    brand = compact(listing.brand)
    if len(brand) < 2 or span.field != "title" or brand in ("generic", "unbranded", "unknown", "none", "na", "oem"):
        return False
    raw = listing.fields["title"].raw
    return brand in compact(raw[:span.start]) or brand in compact(raw[span.end:])


def _after_own_brand(listing, span) -> bool:
    """Within three words after the listing's own brand: its own product line ("Lowepro Fastpack")."""
    brand = compact(listing.brand)
    if len(brand) < 2:
        return False
    before = re.findall(r"\w+", listing.fields[span.field].raw[:span.start])[-4:]
    return any(brand.startswith(compact(w)) and len(compact(w)) >= 3 or compact(w) == brand for w in before) or \
        brand in compact(" ".join(before))


def _plausible_for(listing, entry) -> bool:
    """The mark covers this kind of product (its Nice classes overlap the listing's), or we cannot tell."""
    classes, _ = listing_classes(listing.category, listing.title)
    return not entry.classes or not classes or bool(entry.classes & classes)


def generic_word(span, entry) -> bool:
    """The span is the mark's own everyday word (Coach, Apple), not a product line (iPhone)."""
    return entry.generic and compact(span.data["name"]) == compact(entry.term)


def written_as_word(listing, span, entry) -> bool:
    """A generic mark written in lower case inside mixed-case text: the everyday word ("for coach seats")."""
    if not generic_word(span, entry) or not span.text[:1].islower():
        return False
    field = listing.fields.get(span.field)
    if field is None or _after_tag_label(field.raw, span.start):
        return False  # tag lists are written in lower case
    return any(c.isupper() for c in field.text)


def needs_context(listing, span) -> bool:
    """Whether the decision on a mark span depends on the wording around it (read with spaCy):
    not for the listing's own brand, nor for a generic mark written as the everyday word."""
    entry = span.data["entry"]
    if own_brand(listing, entry):
        return False
    return not (written_as_word(listing, span, entry) and span.data.get("how") not in ("disguised", "evasion"))


def _explanation(span, entry, **more):
    ctx = span.data.get("context") or {}
    items = [("matched", span.text), ("normalized", evasion_reading(fold(span.text)).text.strip()),
             ("name", span.data["name"]), ("reading", span.data["how"]),
             ("owner", entry.owner), ("classes", sorted(entry.classes)), ("generic", entry.generic),
             ("context", ctx.get("context")), ("wording", ctx.get("wording")),
             ("source", entry.source)]
    items.extend(more.items())
    return tuple(items)


@register
class ThirdPartyMark(ListingRule):
    code = "TM001"
    name = "third-party-mark"
    kind = "trademark"
    doc = RuleDoc(
        what="A listing names another company's trademark (or one of its product lines) that is not the "
             "listing's own brand, including disguised spellings (N1ke, G U C C I, Guccci, look-alike letters).",
        why="Marketplaces remove listings that use brands other than the product's own; rights owners "
            "report them (eBay VeRO, Amazon Brand Registry) and repeat strikes close accounts.",
        fails="Nike Women's Canvas Slip On Sneakers (brand: Zonsan)",
        passes="Women's Canvas Slip On Sneakers (brand: Zonsan)",
    )


@register
class BrandComparison(ListingRule):
    code = "TM002"
    name = "brand-comparison"
    kind = "trademark"
    doc = RuleDoc(
        what="Compares the product with a brand: 'X style', 'inspired by X', 'like X', 'similar to X', "
             "'better than X', 'X look alike', in the seed's languages.",
        why="eBay, Amazon, Mercado Libre and DHgate forbid comparisons with other brands "
            "(ebay.com/help/policies/listing-policies/search-browse-manipulation-policy?id=4243).",
        fails="Leather Tote Bag Michael Kors style",
        passes="Leather Tote Bag with Zip Closure",
    )


@register
class Compatibility(ListingRule):
    code = "TM003"
    name = "compatibility-wording"
    kind = "trademark"
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
class NotBrandDisclaimer(ListingRule):
    code = "TM004"
    name = "not-brand-disclaimer"
    kind = "trademark"
    doc = RuleDoc(
        what="'Not X', 'non-X', 'unbranded X': a disclaimer that names a brand to draw searches for it.",
        why="Using another brand's name as a keyword is search manipulation and brand misuse on eBay and "
            "Amazon, whatever the disclaimer says.",
        fails="Canvas sneakers. Not Adidas, but you will love it.",
        passes="Canvas sneakers you will love.",
    )


@register
class KeywordStuffing(ListingRule):
    code = "TM005"
    name = "keyword-stuffing"
    kind = "trademark"
    doc = RuleDoc(
        what="Keyword stuffing with brands: three or more other companies' brands in one field, brand names "
             "in a tag or keyword list ('Tags: nike adidas puma'), or brands as hashtags.",
        why="eBay's keyword spam policy forbids lists of brands and loosely related keywords "
            "(ebay.com.my/help/policies/listing-policies/keyword-spam-policy?id=5375); Amazon and AliExpress "
            "suppress listings that stuff other brands' names.",
        fails="Canvas sneakers. Tags: nike adidas puma",
        passes="Canvas sneakers. Tags: canvas, slip-on, casual",
    )


@register
class CompatibleFashionBrand(ListingRule):
    code = "TM006"
    name = "compatible-fashion-brand"
    kind = "trademark"
    default_fields = ("title", "description")
    doc = RuleDoc(
        what="'fits', 'for' or 'compatible with' before the brand of jewelry, clothing or accessories: a mark "
             "registered mostly in Nice classes 14, 18, 25 or 26 (Pandora, Gucci), not a maker that also "
             "registered a watch (Apple).",
        why="eBay: \"'fits', 'for' or 'compatible with' is not allowed before the brand names of jewelry, "
            "clothing and accessories\" (ebay.com/help/policies/listing-policies/search-browse-manipulation-policy?id=4243).",
        fails="Charms Compatible with Pandora Bracelets",
        passes="Charms for Snake Chain Bracelets",
    )

    def check(self, listing, params, fields):
        classes = frozenset(params.get("classes") or FASHION_CLASSES)
        for span in listing.spans.get("marks", []):
            ctx = span.data.get("context") or {}
            entry = span.data.get("entry")
            if span.kind != "mark" or span.field not in fields or ctx.get("context") != "COMPAT" \
                    or span.data.get("how") == "typo":
                continue
            # A fashion brand is one whose registrations are mostly fashion classes (Pandora, Gucci),
            # not a maker that also registered a watch (Apple, Samsung).
            if len(entry.classes & classes) * 2 <= len(entry.classes):
                continue
            if own_brand(listing, entry) or written_as_word(listing, span, entry):
                continue
            yield Hit(span.field, span.start, span.end, span.text, entry.term,
                      f"eBay does not allow '{ctx.get('wording')}' before a jewelry, clothing or accessories brand "
                      f"({entry.term})",
                      f"Describe the fit without the brand (e.g. 'fits snake chain bracelets'), or list on a "
                      f"marketplace that allows compatibility wording for {entry.term}")


def trademark_findings(listing, scope) -> list[Finding]:
    """TM001-TM005 for the listing's mark spans."""
    spans = [s for s in listing.spans.get("marks", []) if s.kind == "mark"]
    if not spans:
        return []
    cues = listing.spans.get("cues", [])
    evasive_listing = any(s.data.get("how") in ("disguised", "evasion") for s in spans)
    findings: list[Finding] = []
    classes, class_source = None, ""
    for span in spans:
        entry = span.data["entry"]
        platforms = scope.platforms_for(entry)
        if not platforms:
            continue
        ctx = span.data.get("context") or {}
        how = span.data.get("how")
        label = ctx.get("context")
        if own_brand(listing, entry):
            listing.decisions.append((span, f"{entry.term} is the listing's own brand ({listing.brand}): no finding"))
            continue
        explanation = _explanation(span, entry)
        if written_as_word(listing, span, entry) and how not in ("disguised", "evasion"):
            listing.decisions.append((span, f"'{span.text}' is written in lower case in mixed-case text: "
                                            f"the everyday word, not the mark {entry.term}"))
            continue
        if label == "COMPAT":
            findings.append(_finding("TM003", "info", platforms, span, entry,
                                     f"'{ctx.get('wording')}' names {entry.term} to say what the product fits: "
                                     f"permitted compatibility use", "Keep the brand after the compatibility wording; "
                                     "never use it as the product's name", explanation))
            continue
        # A licensed property is a review when named plainly; compared with or disguised, it is misuse.
        misuse = "block" if "licensed property" in entry.reference else entry.severity
        if label == "COMPARE":
            findings.append(_finding("TM002", misuse, platforms, span, entry,
                                     f"compares the product with the brand {entry.term} ('{ctx.get('wording')}')",
                                     f"Describe the product itself; remove '{ctx.get('wording')}'", explanation))
            continue
        if label == "DISCLAIM":
            findings.append(_finding("TM004", misuse, platforms, span, entry,
                                     f"'{ctx.get('wording')}' names the brand {entry.term} to draw its searches",
                                     f"Remove '{ctx.get('wording')}'", explanation))
            continue
        if generic_word(span, entry) and how not in ("disguised", "evasion"):
            if classes is None:
                classes, class_source = listing_classes(listing.category, listing.title)
            reasons = []
            if ctx.get("brand_position"):
                reasons.append("in the brand position of the title")
            if ctx.get("proper_noun"):
                reasons.append("written as a proper noun")
            if ctx.get("near_alias"):
                reasons.append("next to its own product line")
            if label == "BRAND":
                reasons.append(f"named as maker ('{ctx.get('wording')}')")
            if _after_tag_label(listing.fields[span.field].raw, span.start):
                reasons.append("in a tag list")
            if evasive_listing:
                reasons.append("beside disguised brand names")
            if any(c.data.get("scope") == "any" for c in cues):
                reasons.append("with counterfeit wording")
            overlap = not entry.classes or not classes or bool(entry.classes & classes)
            word_use = ordinary_use(listing, entry, span)
            strong = evasive_listing or any(c.data.get("scope") == "any" for c in cues) or ctx.get("near_alias")
            fired = overlap and reasons and (strong or not word_use)
            decision = (f"generic word '{span.text}': listing classes {sorted(classes) or 'unknown'} "
                        f"(from {class_source}), mark classes {sorted(entry.classes) or 'all'}, "
                        f"{'overlap' if overlap else 'no overlap'}; brand use: {', '.join(reasons) or 'none'}"
                        f"{'; ordinary use of the word: ' + repr(word_use) if word_use else ''}"
                        f" -> {'fires' if fired else 'no finding'}")
            listing.decisions.append((span, decision))
            if not fired:
                continue
            explanation = explanation + (("generic_decision", decision),)
        severity = misuse if how in HOW_WORDS else entry.severity
        counterfeit_cue = any(c.data.get("scope") == "any" for c in cues)
        if how == "typo" and (compact(span.text) == compact(listing.brand) or _after_own_brand(listing, span)):
            listing.decisions.append((span, f"'{span.text}' is the listing's own brand or product line, "
                                            f"not a misspelling of {entry.term}"))
            continue
        if how == "typo" and not ctx.get("brand_position") and not evasive_listing and not counterfeit_cue \
                and not _plausible_for(listing, entry):
            # A misspelling where the brand goes, or of a mark for this kind of product, is an
            # evasion; elsewhere it is as likely another maker's product name one letter away.
            findings.append(_finding(
                "TM001", "warn", platforms, span, entry,
                f"'{span.text}' looks like a misspelling of the trademark {entry.term}",
                f"If '{span.text}' stands for {entry.term}, remove it; if it is another name, keep it", explanation,
                score=span.score))
            continue
        if ctx.get("part") and how not in HOW_WORDS and not counterfeit_cue:
            findings.append(_finding(
                "TM001", "warn", platforms, span, entry,
                f"names the trademark {entry.term} with a part or consumable ('{ctx['part']}'): fine for the "
                f"maker's own part or a refill, otherwise say what it fits",
                f"If this is not {entry.term}'s own part, write 'compatible with {entry.term} ...'", explanation,
                score=span.score))
            continue
        if how not in HOW_WORDS and not fashion_brand(entry) and own_brand_in_title(listing, span):
            # "MSI GeForce GTX 560", "Pioneer receiver with iPod control": beside the seller's own
            # brand, a device brand most often names a component or what the product works with.
            severity = "warn"
            message = (f"names the trademark {entry.term} beside the listing's own brand {listing.brand}: fine if it "
                       f"names a component or what the product works with, otherwise brand misuse")
            fix = (f"Write 'compatible with {entry.term} ...' or 'with {entry.term} ... inside' to make the "
                   f"reference clear, or remove '{span.text}'")
            findings.append(_finding("TM001", severity, platforms, span, entry, message, fix, explanation,
                                     score=span.score))
            continue
        message = f"names the trademark {entry.term}" + (f" (owner {entry.owner})" if entry.owner else "")
        if span.data["name"] != entry.term:
            message += f" through its product line {span.data['name']}"
        if how in HOW_WORDS:
            message += f", written as '{span.text}' ({HOW_WORDS[how]})"
        message += ", which is not the listing's brand"
        fix = (f"Remove '{span.text}'. If this is genuine {entry.term} stock, set the brand column to "
               f"{entry.term}; for an accessory, write 'compatible with {entry.term} ...'")
        if severity == "warn" and "licensed property" in entry.reference:
            message += f" ({entry.term} is licensed to many makers: a review, not a failure)"
            fix = f"List it only if it is genuine or licensed {entry.term} merchandise; otherwise remove '{span.text}'"
        findings.append(_finding("TM001", severity, platforms, span, entry, message, fix, explanation,
                                 score=span.score))
    findings.extend(keyword_stuffing(listing, findings, scope.keys))
    return findings


STUFFING_MIN = 3
TAG_LABEL = re.compile(r"(?i)(?:#|\b(?:tags?|keywords?|search terms?|related searches|hashtags?|also fits searches)\s*[:：=-]\s*)")


def keyword_stuffing(listing, findings, keys) -> list[Finding]:
    """TM005: three or more other brands in one field, brands in a tag list or as hashtags."""
    extra = []
    by_field: dict[str, list[Finding]] = {}
    for f in findings:
        if f.rule in ("TM001", "TM002", "TM004") and f.severity == "block":
            by_field.setdefault(f.field, []).append(f)
    for name, found in by_field.items():
        raw = listing.fields[name].raw
        entries = {f.entry for f in found}
        tagged = [f for f in found if _after_tag_label(raw, f.start)]
        if len(entries) < STUFFING_MIN and not tagged:
            continue
        first, last = min(found, key=lambda f: f.start), max(found, key=lambda f: f.end)
        shown = ", ".join(sorted(entries))
        why = (f"lists {len(entries)} other brands ({shown})" if len(entries) >= STUFFING_MIN
               else f"puts {shown} in a tag list or hashtag")
        extra.append(Finding(
            rule="TM005", kind="trademark", severity="block",
            platforms=tuple(k for k in keys if any(k in f.platforms for f in found)),
            field=name, start=first.start, end=last.end, text=raw[first.start:last.end], entry=shown,
            score=1.0, message=f"keyword stuffing: the {name} {why} to draw their searches",
            fix="Remove other brands' names; describe only the item you sell",
            explanation=(("brands", sorted(entries)), ("tagged", [f.text for f in tagged])),
        ))
    return extra


def _after_tag_label(raw: str, start: int) -> bool:
    """A tag label ("Tags:", "Keywords:") earlier on the same line, or a '#' right before the brand."""
    line_start = max(raw.rfind("\n", 0, start), raw.rfind(". ", 0, start)) + 1
    head = raw[line_start:start]
    return bool(TAG_LABEL.search(head)) and (head.rstrip().endswith("#") or "#" not in head or ":" in head)


def _finding(rule, severity, platforms, span, entry, message, fix, explanation, score=None) -> Finding:
    return Finding(rule=rule, kind="trademark", severity=severity, platforms=platforms, field=span.field,
                   start=span.start, end=span.end, text=span.text, entry=entry.term,
                   score=span.score if score is None else score, message=message, fix=fix,
                   explanation=explanation)
