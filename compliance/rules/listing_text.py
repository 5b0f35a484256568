"""Title and text rules: length, characters, promotional wording, capitals, repeats, disclaimers.

These rules read a title or a short field directly: they are single passes over a few
hundred characters, and no matcher scans for these things. Phrase lists are compiled
into one pattern per parameter set and cached, since a rule runs for every listing.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .base import Hit, ListingRule, RuleDoc, checked_fields, field_label, prepared, register, with_caveat


def _trimmed(text: str) -> tuple[int, int]:
    """Visible-text bounds without leading and trailing whitespace."""
    end = len(text.rstrip())
    start = len(text) - len(text.lstrip()) if end else 0
    return start, end


@register
class TitleMissing(ListingRule):
    code = "LS000"
    name = "title-missing"
    default_severity = "block"
    default_fields = ("title",)
    doc = RuleDoc(
        what="The listing has no title, or its title has no letter or digit at all.",
        why="A listing without a title cannot be uploaded, and Amazon titles must contain "
            "product-identifying information "
            "(https://sellercentral-europe.amazon.com/help/hub/reference/external/201100890).",
        fails="- - -",
        passes="Wireless Earbuds Bluetooth 5.3 with Charging Case",
    )

    def check(self, listing, params, fields):
        for name in fields:
            field = listing.fields.get(name)
            if field is not None and any(c.isalnum() for c in field.text):
                continue
            raw = field.raw if field is not None else ""
            yield Hit(name, 0, len(raw), raw, name,
                      with_caveat(f"The listing has no {field_label(name)}." if not raw.strip()
                                  else f"The {field_label(name)} '{raw.strip()}' has no words in it.", params),
                      f"Write a {field_label(name)} that names the product: brand, product type, key features.")


@register
class TitleTooLong(ListingRule):
    code = "LS001"
    name = "title-too-long"
    default_severity = "block"
    default_fields = ("title",)
    doc = RuleDoc(
        what="The title is longer than the marketplace allows (params: max_length).",
        why="eBay titles are capped at 80 characters "
            "(https://developer.ebay.com/api-docs/user-guides/static/trading-user-guide/listing-title.html); "
            "Amazon titles at 200 characters including spaces "
            "(https://sellercentral-europe.amazon.com/help/hub/reference/external/201100890).",
        fails="Wireless Earbuds Bluetooth 5.3 Headphones with Charging Case, 40H Playtime, IPX7 Waterproof "
              "Sports Earphones with Mic, Touch Control, Deep Bass Stereo Sound for iPhone Android Running "
              "Gym Workout Travel Office, Black",
        passes="Wireless Earbuds Bluetooth 5.3 with Charging Case, Black",
    )

    def check(self, listing, params, fields):
        limit = int(params.get("max_length", 0) or 0)
        if limit <= 0:
            return
        for field in checked_fields(listing, fields):
            text = field.text
            start, end = _trimmed(text)
            length = end - start
            if length <= limit:
                continue
            raw_start, raw_end = field.raw_span(start + limit, end)
            label = field_label(field.name)
            yield Hit(field.name, raw_start, raw_end, field.raw[raw_start:raw_end], f"max_length={limit}",
                      with_caveat(f"The {label} is {length} characters long; the limit is {limit}.", params),
                      f"Shorten the {label} by {length - limit} characters: keep brand, product type and key "
                      f"features, drop filler and repeated words.")


# Characters that are symbols by Unicode category but read as units, not decoration.
_UNIT_SYMBOLS = frozenset("°")
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")


@lru_cache(maxsize=1 << 16)
def _is_special_symbol(ch: str) -> bool:
    """Trademark signs, hearts, emoji, superscripts, subscripts and fractions (asked once per
    character: a catalog is written in a few hundred)."""
    if ch in _UNIT_SYMBOLS or ch.isascii():
        return False
    category = unicodedata.category(ch)
    if category in ("So", "Sk", "No", "Co"):
        return True
    name = unicodedata.name(ch, "")
    return "SUPERSCRIPT" in name or "SUBSCRIPT" in name or "FRACTION" in name


def _has_special_symbol(text: str) -> bool:
    """Whether any character of ``text`` is a special symbol: each distinct character asked once,
    so a title in Cyrillic or Thai letters is not read letter by letter when it has none."""
    return not text.isascii() and any(_is_special_symbol(ch) for ch in set(text))


def _allowed_in_context(text: str, i: int) -> bool:
    """``#`` before a number, ``<``/``>`` before a quantity, ``*`` between numbers, ``~`` before one."""
    ch = text[i]
    after = text[i + 1:i + 4].lstrip(" =")
    before = text[max(0, i - 2):i].rstrip(" ")
    if ch == "#":
        return text[i + 1:i + 2].isdigit()
    if ch in "<>":
        return after[:1].isdigit()
    if ch == "*":
        return before[-1:].isdigit() and after[:1].isdigit()
    if ch == "~":
        return after[:1].isdigit()
    return False


def brand_positions(text: str, brand: str) -> set[int]:
    """Offsets of ``text`` inside occurrences of the listing's own brand name."""
    positions: set[int] = set()
    brand = brand.strip()
    if not brand:
        return positions
    low, needle = text.lower(), brand.lower()
    at = low.find(needle)
    while at >= 0:
        positions.update(range(at, at + len(needle)))
        at = low.find(needle, at + 1)
    return positions


def _offending_runs(text: str, chars: frozenset, contexts: bool, symbols: bool,
                    brands: tuple[str, ...]) -> list[list[int]]:
    """Runs of adjacent forbidden characters (positions in ``text``), skipping those inside a
    brand name and keeping an emoji's joiners with it."""
    in_brand = set().union(*(brand_positions(text, brand) for brand in brands))
    runs: list[list[int]] = []
    for i, ch in enumerate(text):
        offending = (ch in chars and not (contexts and _allowed_in_context(text, i))) or (
            symbols and _is_special_symbol(ch))
        follows = bool(runs) and runs[-1][-1] == i - 1
        if offending and i not in in_brand:
            if follows:
                runs[-1].append(i)
            else:
                runs.append([i])
        elif not offending and ch in _JOINERS and follows:
            runs[-1].append(i)  # an emoji's variation selector or joiner belongs to the emoji before it
    return runs


def _brand_names(listing, field: str, chars: frozenset) -> tuple[str, ...]:
    """The names a forbidden character may be part of: the listing's own brand, and the marks the
    field names whose own name is written with one ("Yu-Gi-Oh!", "FRITZ!Box", "A$AP Rocky")."""
    marks = (s.data["name"] for s in listing.spans.get("marks", ())
             if s.field == field and s.kind == "mark" and not chars.isdisjoint(s.data.get("name") or ""))
    return tuple(dict.fromkeys([listing.brand or "", *marks]))


@register
class ForbiddenCharacters(ListingRule):
    code = "LS002"
    name = "title-forbidden-characters"
    default_severity = "block"
    default_fields = ("title",)
    doc = RuleDoc(
        what="The title uses characters the marketplace forbids (params: chars; allow_contexts lets "
             "'#' and '<'/'>' stand before numbers; symbols flags ™ ♥ ½, emoji, superscripts and fractions; "
             "allow_in_brand skips a character inside the listing's own brand name, as in 'Yahoo!', or "
             "inside a mark's name the title gives, as in 'Yu-Gi-Oh!').",
        why="Amazon titles must not use ! $ ? _ { } ^ ¬ ¦ unless part of the brand, and ~ # < > * only in "
            "specific contexts such as 'Style #4301' "
            "(https://sellercentral-europe.amazon.com/help/hub/reference/external/201100890); eBay does not "
            "allow superscript, subscript or special characters such as ™ ♥ ½ "
            "(https://www.ebay.com.sg/help/policies/listing-policies/search-manipulation-policy?id=4243).",
        fails="Acme™ Wireless Earbuds! Only $19",
        passes="Acme Wireless Earbuds, Style #4301, Bluetooth 5.3",
    )

    def check(self, listing, params, fields):
        chars = prepared(params, _forbidden_chars)
        contexts = bool(params.get("allow_contexts", False))
        symbols = bool(params.get("symbols", False))
        in_brand = bool(params.get("allow_in_brand", False))
        if not chars and not symbols:
            return
        for field in checked_fields(listing, fields):
            text = field.text
            if chars.isdisjoint(text) and not (symbols and _has_special_symbol(text)):
                continue
            brands = _brand_names(listing, field.name, chars) if in_brand else ()
            for run in _offending_runs(text, chars, contexts, symbols, brands):
                yield self._hit(field, text, run, contexts, params)

    @staticmethod
    def _hit(field, text: str, run: list[int], contexts: bool, params: dict) -> Hit:
        start, end = field.raw_span(run[0], run[-1] + 1)
        found = "".join(dict.fromkeys(text[i] for i in run if text[i] not in _JOINERS))
        label = field_label(field.name)
        if len(found) == 1 and not found.isascii():
            what = f"'{found}' ({unicodedata.name(found, 'special character').lower()})"
        else:
            what = f"'{found}'"
        message = f"The {label} contains {what}, a character this marketplace does not allow there."
        fix = f"Remove {what} from the {label}."
        if contexts:
            message = f"The {label} uses {what} decoratively; it is allowed only in specific contexts."
            fix = f"Remove {what}, or use it only as in 'Style #4301' or '<10 lb'."
        return Hit(field.name, start, end, field.raw[start:end], found, with_caveat(message, params), fix)


def _forbidden_chars(params: dict) -> frozenset:
    return frozenset(str(params.get("chars", "") or ""))


def phrase_key(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.strip().lower())


@lru_cache(maxsize=128)
def phrase_pattern(phrases: tuple[str, ...]) -> tuple[re.Pattern | None, dict[str, str]]:
    """One case-insensitive, whole-word pattern for a phrase list; words may be split by spaces or hyphens."""
    canonical = {phrase_key(p): p for p in phrases if str(p).strip()}
    if not canonical:
        return None, {}
    parts = sorted(canonical, key=len, reverse=True)
    body = "|".join(r"[\s\-]+".join(re.escape(w) for w in p.split(" ")) for p in parts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), canonical


def _promotional_pattern(params: dict) -> tuple[re.Pattern | None, dict[str, str]]:
    return phrase_pattern(tuple(str(p) for p in params.get("phrases", ()) or ()))


@register
class PromotionalPhrases(ListingRule):
    code = "LS003"
    name = "promotional-phrases"
    default_severity = "block"
    default_fields = ("title",)
    doc = RuleDoc(
        what="The text uses promotional or subjective phrases the marketplace does not allow "
             "(params: phrases; whole words, any letter case; allow_in_brand skips a phrase inside the "
             "listing's own brand name, as 'new' in 'New Balance').",
        why="Amazon titles must not contain promotional phrases such as 'free shipping' or "
            "'100% quality guaranteed' "
            "(https://sellercentral-europe.amazon.com/help/hub/reference/external/201100890), and its style "
            "guides ask sellers to leave out 'Hot Item', 'Best Seller', 'Sale' or 'Great Gift' "
            "(https://sellercentral.amazon.co.uk/gp/help/external/help.html?itemID=YYX9DD4VB6XKQRC&language=en_GB). "
            "eBay titles may not describe bonuses or free gifts "
            "(https://pages.ebay.in/sellercentral/ebaypolicies/listing_policies_keyword_spamming.html).",
        fails="Free Shipping Best Seller Wireless Earbuds Bluetooth 5.3 Free Gift, Top Rated Seller",
        passes="Wireless Earbuds Bluetooth 5.3 with Charging Case, Black",
    )

    def check(self, listing, params, fields):
        pattern, canonical = prepared(params, _promotional_pattern)
        if pattern is None:
            return
        brand = listing.brand if params.get("allow_in_brand", False) else ""
        for field in checked_fields(listing, fields):
            text = field.text
            in_brand = brand_positions(text, brand) if brand else set()
            for m in pattern.finditer(text):
                if m.start() in in_brand:
                    continue
                start, end = field.raw_span(m.start(), m.end())
                phrase = canonical.get(phrase_key(m.group(0)), m.group(0).lower())
                label = field_label(field.name)
                yield Hit(field.name, start, end, field.raw[start:end], phrase,
                          with_caveat(f"'{m.group(0)}' in the {label} is promotional, temporary or subjective "
                                      f"wording this marketplace does not want there.", params),
                          f"Remove '{m.group(0)}'; describe the product itself (what it is, size, material, "
                          f"compatibility).")


_TOKEN = re.compile(r"\S+")


@register
class AllCapsTitle(ListingRule):
    code = "LS004"
    name = "title-all-caps"
    default_severity = "warn"
    default_fields = ("title",)
    doc = RuleDoc(
        what="The title is written in capital letters: at least 80% of its letters (and at least 10 "
             "letters) are upper case, not counting model numbers, acronyms of up to 4 letters and the "
             "brand name (params: ratio, min_letters, acronym_letters).",
        why="Amazon's title guidance says not to use ALL CAPS "
            "(https://sellercentral.amazon.com/gp/help/external/help.html?itemID=YTR6SYGFA5E3EQC&language=en_US).",
        fails="WIRELESS EARBUDS BLUETOOTH HEADPHONES WITH CHARGING CASE",
        passes="Wireless Earbuds 4K 1080P HDMI USB-C Charging Case",
    )

    def check(self, listing, params, fields):
        ratio = float(params.get("ratio", 0.8))
        min_letters = int(params.get("min_letters", 10))
        acronym = int(params.get("acronym_letters", 4))
        brand_words = {w.lower() for w in listing.brand.split()} if listing.brand else set()
        for field in checked_fields(listing, fields):
            text = field.text
            if sum(map(str.isupper, text)) < ratio * min_letters:
                continue  # too few capitals in the whole title for the words that count to be capitals
            upper, letters = _capital_letters(text, acronym, brand_words)
            if letters < min_letters or upper < ratio * letters:
                continue
            start, end = _trimmed(text)
            raw_start, raw_end = field.raw_span(start, end)
            label = field_label(field.name)
            yield Hit(field.name, raw_start, raw_end, field.raw[raw_start:raw_end], "all caps",
                      with_caveat(f"The {label} is written in capitals ({round(100 * upper / letters)}% of its "
                                  f"letters are upper case).", params),
                      f"Write the {label} in title case ('Wireless Earbuds with Charging Case'); keep capitals "
                      f"for brand names and abbreviations.")


def _capital_letters(text: str, acronym: int, brand_words: set[str]) -> tuple[int, int]:
    """(upper-case letters, letters) of the words that count: not model numbers ("1080P"), short
    acronyms ("USB") or the listing's own brand styled in capitals ("SAMSUNG")."""
    upper = letters = 0
    for token in _TOKEN.findall(text):
        counted = _counted_letters(token, acronym, brand_words)
        if counted is not None:
            upper += counted[0]
            letters += counted[1]
    return upper, letters


def _counted_letters(token: str, acronym: int, brand_words: set[str]) -> tuple[int, int] | None:
    """(upper-case letters, letters) of one word, or None for a word that does not count."""
    if token.isalpha():
        chars = token  # most words are letters only: counted with string methods, no list made
    elif any(c.isdigit() for c in token):
        return None
    else:
        chars = "".join(c for c in token if c.isalpha())
    if not chars or len(chars) <= acronym and all(map(str.isupper, chars)):
        return None
    if brand_words and token.strip(".,;:!?()[]\"'").lower() in brand_words:
        return None
    return sum(map(str.isupper, chars)), len(chars)


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@register
class RepeatedWords(ListingRule):
    code = "LS005"
    name = "title-repeated-words"
    default_severity = "warn"
    default_fields = ("title",)
    doc = RuleDoc(
        what="A word appears in the title more often than allowed (params: max_repeats; ignore lists "
             "articles, prepositions and conjunctions, which may repeat; those of the marketplaces' other "
             "languages, such as 'de', 'untuk' and 'для', always may). Single letters and numbers are "
             "not counted.",
        why="A third-party report of Amazon's January 2025 notice says the same word may not appear more "
            "than twice in a title, except prepositions, articles and conjunctions "
            "(https://forestleopard.com/knowledgedetail/Amazon-US-announcement--the-ne); Amazon's UK style "
            "guide asks sellers not to repeat words.",
        fails="Phone Case Silicone Case Shockproof Case for iPhone 15",
        passes="Phone Case for iPhone 15, Silicone, Shockproof, for Men and for Women",
    )

    def check(self, listing, params, fields):
        limit = int(params.get("max_repeats", 2))
        for field in checked_fields(listing, fields):
            text = field.text
            if not _some_word_repeats(text, limit):
                continue
            ignore = prepared(params, _may_repeat)
            counts: Counter[str] = Counter()
            excess: dict[str, re.Match] = {}
            for m in _WORD.finditer(text):
                word = m.group(0).lower().replace("’", "'")
                if len(word) < 2 or not any(c.isalpha() for c in word) or word in ignore:
                    continue
                counts[word] += 1
                if counts[word] == limit + 1:
                    excess[word] = m
            label = field_label(field.name)
            for word, m in excess.items():
                start, end = field.raw_span(m.start(), m.end())
                yield Hit(field.name, start, end, field.raw[start:end], word,
                          with_caveat(f"'{m.group(0)}' appears {counts[word]} times in the {label}; use a word "
                                      f"at most {limit} times.", params),
                          f"Say '{m.group(0)}' once or twice and use the space for other product details.")


def _may_repeat(params: dict) -> frozenset[str]:
    return frozenset(str(w).lower() for w in params.get("ignore", ()) or ()) | FUNCTION_WORDS


# Articles, prepositions and conjunctions of the marketplaces' other languages: the exception the
# policy makes is grammatical, and a Spanish or Indonesian title repeats "de" and "untuk" as an English
# one repeats "for" ("Funda De Silicona De Color De Moda" names three things, not one three times).
FUNCTION_WORDS = frozenset("""
    de del la el los las y o e u con sin para por en un una unos unas al
    do da dos das ou com sem em no na nos nas um uma os as ao
    du des le les et avec sans pour par au aux à
    der die das den dem und oder mit ohne für von zu zum zur im auf ein eine einen
    di della il lo gli
    dan atau untuk dengan ke dari yang utk dgn
    и или с со без для в во на по из от до к
""".split())


def _some_word_repeats(text: str, limit: int) -> bool:
    """Whether some word of ``text`` appears more than ``limit`` times, the text lower-cased whole
    and its words counted in one pass: most titles repeat none, and are done with that. Lower-casing
    the text whole may split a word the rule lower-cases alone ("İ" becomes "i" and a combining
    dot), which only counts its pieces as often; a Greek capital sigma lower-cases by what follows
    it, so such a text is left to the rule's own count."""
    if "Σ" in text:
        return True
    counts = Counter(_WORD.findall(text.lower().replace("’", "'")))
    return bool(counts) and max(counts.values()) > limit


_QUESTION_KEYWORD = re.compile(r"(?<![\w'’-])([^\W_][\w'’&-]*)\?+")


@register
class QuestionMarkKeyword(ListingRule):
    code = "LS006"
    name = "keyword-question-mark"
    default_severity = "block"
    default_fields = ("title",)
    doc = RuleDoc(
        what="A word in the title is directly followed by a question mark, as in 'Rolex?'.",
        why="eBay's search manipulation policy does not allow keywords with question marks "
            "(https://www.ebay.com/help/policies/listing-policies/search-browse-manipulation-policy?id=4243).",
        fails="Rolex? Gold Tone Men's Wrist Watch",
        passes="Gold Tone Men's Wrist Watch, Stainless Steel",
    )

    def check(self, listing, params, fields):
        for field in checked_fields(listing, fields):
            text = field.text
            if "?" not in text:
                continue
            for m in _QUESTION_KEYWORD.finditer(text):
                start, end = field.raw_span(m.start(), m.end())
                word = m.group(1)
                yield Hit(field.name, start, end, field.raw[start:end], f"{word}?",
                          with_caveat(f"'{m.group(0)}' is a keyword with a question mark in the "
                                      f"{field_label(field.name)}.", params),
                          f"Remove '{m.group(0)}'. Name a brand or model only if the item is that brand or model.")


_APOS = "['’]"
_CANT = (rf"(?:can{_APOS}?t|cannot|can\s+not|unable\s+to|not\s+able\s+to|won{_APOS}?t|will\s+not"
         rf"|do\s+not|don{_APOS}?t)")
_VERIFY = r"(?:guarantee|verify|confirm|vouch\s+for|certify|promise|warrant)"
_SUBJECT = (rf"(?:(?:that|if|whether)\s+)?(?:it{_APOS}s|it\s+is|this\s+is|these\s+are|they\s+are|it\s+was"
            rf"|item\s+is|the\s+item\s+is|this\s+item\s+is|it|this|item|they)\s+"
            rf"(?:(?:to\s+be|100%|an?|fully|completely)\s+)*")
_AUTHENTICITY = rf"(?:(?:the|its|it{_APOS}s|their|any|this\s+item{_APOS}s)\s+)?authenticity"
# "real" and "original" need a subject: "cannot guarantee original packaging" is no disclaimer.
_IS_REAL = (rf"(?:{_AUTHENTICITY}|(?:(?:if|whether)\s+)?(?:authentic|genuine)\b"
            rf"|{_SUBJECT}(?:authentic|genuine|real|original)\b)")
_DISCLAIMER = re.compile(
    r"\b(?:"
    rf"{_CANT}\s+{_VERIFY}\s+{_IS_REAL}"  # cannot guarantee it's authentic
    rf"|(?:not\s+sure|unsure|(?:do\s+not|don{_APOS}?t)\s+know|no\s+idea)\s+(?:if|whether|of|about)\s+{_IS_REAL}"
    rf"|not\s+sure\s+(?:it{_APOS}s|it\s+is)\s+(?:authentic|genuine|real)\b"
    rf"|authenticity\s+(?:is\s+)?(?:unknown|not\s+guaranteed|unverified|not\s+verified"
    rf"|(?:cannot|can{_APOS}?t|can\s+not)\s+be\s+(?:guaranteed|verified|confirmed))"
    r"|(?:may|might|could)\s+(?:or\s+may\s+)?not\s+be\s+(?:100%\s+)?(?:authentic|genuine)\b"
    rf"|no\s+guarantee\s+(?:of|on|that)\s+(?:{_AUTHENTICITY}|{_SUBJECT}(?:authentic|genuine|real|original)\b)"
    r")",
    re.IGNORECASE)
# Every disclaimer names one of these: a cheap test before the pattern.
_DISCLAIMER_WORDS = ("authentic", "genuine", "real", "original")


@register
class AuthenticityDisclaimer(ListingRule):
    code = "AU001"
    name = "authenticity-disclaimer"
    default_severity = "block"
    default_fields = ("title", "description")
    doc = RuleDoc(
        what="The listing disclaims authenticity: 'cannot guarantee authenticity', 'not sure if it is "
             "authentic', 'authenticity unknown', 'may not be genuine' and similar wording.",
        why="eBay members cannot include authenticity disclaimers or deny responsibility for the items "
            "they list "
            "(https://www.ebay.ie/help/policies/listing-policies/selling-policies/"
            "intellectual-property-vero-program?id=4349).",
        fails="Designer handbag, good condition. I cannot guarantee authenticity, sold as is.",
        passes="Designer handbag, good condition. We cannot guarantee delivery times during holidays.",
    )

    def check(self, listing, params, fields):
        for field in checked_fields(listing, fields):
            text = field.text
            lower = text.lower()
            if not any(word in lower for word in _DISCLAIMER_WORDS):
                continue
            for m in _DISCLAIMER.finditer(text):
                start, end = field.raw_span(m.start(), m.end())
                phrase = re.sub(r"\s+", " ", m.group(0).lower().replace("’", "'"))
                yield Hit(field.name, start, end, field.raw[start:end], phrase,
                          with_caveat(f"'{m.group(0)}' in the {field_label(field.name)} is an authenticity "
                                      f"disclaimer.", params),
                          "Remove the disclaimer. List a branded item only when you are sure it is authentic.")


def letter_script(ch: str) -> str:
    """The writing system of a letter as Unicode names it: LATIN, CYRILLIC, CJK, ARABIC ...

    Fullwidth and mathematical Latin letters count as Latin: they are disguises of Latin
    text (normalization's business), not another language.
    """
    name = unicodedata.name(ch, "")
    if "LATIN" in name or name.startswith("MATHEMATICAL"):
        return "LATIN"
    return name.split(" ", 1)[0] if name else "UNKNOWN"


_SCRIPT_NAMES = {"CJK": "Chinese/Japanese (CJK)", "HANGUL": "Korean (Hangul)"}


def _allowed_scripts(params: dict) -> frozenset[str]:
    return frozenset(str(s).upper() for s in params.get("allowed_scripts", ("LATIN",)) or ("LATIN",))


@register
class ScriptNotAllowed(ListingRule):
    code = "LS007"
    name = "text-script-not-allowed"
    default_severity = "block"
    default_fields = ("title", "description", "bullet_point1", "bullet_point2", "bullet_point3",
                      "bullet_point4", "bullet_point5")
    doc = RuleDoc(
        what="A field contains a word written in a script the marketplace's listing language does not use "
             "(params: allowed_scripts, default LATIN; min_letters, default 2, so a lone unit sign such as "
             "'μ' in '10μF' is not a word). One finding per field, at the first such word. It cannot tell "
             "English from other Latin-script languages.",
        why="Walmart listings must be in English "
            "(https://marketplacelearn.walmart.com/academy/Performance/prohibited-products-policy-and-product-violations);"
            " Mercado Libre Global Selling listings must be created in English "
            "(https://developers.mercadolibre.com.ar/devsite/global-listing). Text left in Chinese or Russian "
            "by a translation step is the usual cause.",
        fails="Wireless Earbuds 无线耳机 Bluetooth 5.3",
        passes="Wireless Earbuds Bluetooth 5.3, 10μF capacitor, Café Noir colour",
    )

    def check(self, listing, params, fields):
        allowed = prepared(params, _allowed_scripts)
        min_letters = int(params.get("min_letters", 2))
        for field in checked_fields(listing, fields):
            text = field.text
            if text.isascii():
                continue
            found = None
            i = 0
            while i < len(text) and found is None:
                script = letter_script(text[i]) if text[i].isalpha() else ""
                if not script or script in allowed:
                    i += 1
                    continue
                j = i + 1
                while j < len(text) and text[j].isalpha() and letter_script(text[j]) == script:
                    j += 1
                if j - i >= min_letters:
                    found = (i, j, script)
                i = j
            if found is None:
                continue
            start, end, script = found
            raw_start, raw_end = field.raw_span(start, end)
            label = field_label(field.name)
            written = _SCRIPT_NAMES.get(script, script.capitalize())
            yield Hit(field.name, raw_start, raw_end, field.raw[raw_start:raw_end], script.lower(),
                      with_caveat(f"The {label} contains '{text[start:end]}', written in {written} script; this "
                                  f"marketplace wants listings in {', '.join(sorted(allowed)).title()} script "
                                  f"(its listing language).", params),
                      f"Translate the {label} into the marketplace's listing language and remove the "
                      f"untranslated words.")


_NOT_COUNTED = frozenset(" \t\n\r")


def _counted_bytes(ch: str) -> int:
    """Bytes a character counts toward a keyword limit: spaces and punctuation count nothing."""
    if ch in _NOT_COUNTED or unicodedata.category(ch)[0] in ("P", "Z"):
        return 0
    return len(ch.encode("utf-8"))


@register
class FieldTooManyBytes(ListingRule):
    code = "LS008"
    name = "field-too-many-bytes"
    default_severity = "warn"
    default_fields = ("search_terms",)
    doc = RuleDoc(
        what="A keyword field is longer than the marketplace's byte limit (params: max_bytes). Spaces and "
             "punctuation are not counted; letters outside ASCII count two or more bytes each, as UTF-8 "
             "does.",
        why="Amazon's search terms must stay under a byte limit; spaces and punctuation are not counted "
            "and non-ASCII characters take two or more bytes "
            "(https://megalodon.jp/ref/2025-0814-0124-57/https://sellercentral.amazon.com:443/help/hub/reference/external/23501)."
            " The limit is reported as less than 250 bytes (200 in India, 500 in Japan), and over-limit "
            "terms are suppressed or cut to the first 249 bytes "
            "(https://www.sellerlabs.com/blog/amazons-250-character-indexing-maximum-means-merchants/).",
        fails=("earbuds " * 40).strip(),
        passes="earbuds headphones wireless bluetooth sport running gym waterproof noise cancelling",
        field="search_terms",
    )

    def check(self, listing, params, fields):
        limit = int(params.get("max_bytes", 0) or 0)
        if limit <= 0:
            return
        for field in checked_fields(listing, fields):
            text = field.text
            total, cut = 0, None
            for i, ch in enumerate(text):
                total += _counted_bytes(ch)
                if cut is None and total > limit:
                    cut = i
            if cut is None:
                continue
            while cut > 0 and not text[cut - 1].isspace():
                cut -= 1  # show the first word that does not fit whole
            end = _trimmed(text)[1]
            raw_start, raw_end = field.raw_span(cut, end)
            label = field_label(field.name)
            yield Hit(field.name, raw_start, raw_end, field.raw[raw_start:raw_end], f"max_bytes={limit}",
                      with_caveat(f"The {label} field counts {total} bytes (without spaces and punctuation); the limit "
                                  f"is {limit}, and the words after it are not indexed.", params),
                      f"Cut {total - limit} bytes: drop words already in the title, repeats and plurals.")


@register
class TagLimits(ListingRule):
    code = "LS009"
    name = "too-many-or-long-tags"
    default_severity = "warn"
    default_fields = ("tags",)
    doc = RuleDoc(
        what="The tags field has more tags than the marketplace takes, or a tag longer than its limit "
             "(params: max_tags, max_tag_length; tags are separated by commas).",
        why="Etsy takes 13 tags of at most 20 characters each, as reported by a third party "
            "(https://www.skills.sh/jacob-balslev/skills/etsy).",
        fails="silver ring, stacking ring, minimalist sterling silver jewellery for women",
        passes="silver ring, stacking ring, minimalist ring, gift for her",
        field="tags",
    )

    def check(self, listing, params, fields):
        max_tags = int(params.get("max_tags", 0) or 0)
        max_length = int(params.get("max_tag_length", 0) or 0)
        for field in checked_fields(listing, fields):
            text = field.text
            tags = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", text) if m.group(0).strip()]
            label = field_label(field.name)
            for start, end in tags:
                tag = text[start:end].strip()
                if max_length and len(tag) > max_length:
                    lead = len(text[start:end]) - len(text[start:end].lstrip())
                    raw_start, raw_end = field.raw_span(start + lead, start + lead + len(tag))
                    yield Hit(field.name, raw_start, raw_end, field.raw[raw_start:raw_end],
                              f"max_tag_length={max_length}",
                              with_caveat(f"The tag '{tag}' is {len(tag)} characters long; the limit is "
                                          f"{max_length}.", params),
                              f"Shorten '{tag}' to {max_length} characters or split it into two tags.")
            if max_tags and len(tags) > max_tags:
                raw_start, raw_end = field.raw_span(tags[max_tags][0], tags[-1][1])
                yield Hit(field.name, raw_start, raw_end, field.raw[raw_start:raw_end], f"max_tags={max_tags}",
                          with_caveat(f"The {label} field has {len(tags)} tags; the limit is {max_tags}.", params),
                          f"Keep the {max_tags} tags that describe the item best and drop the rest.")
