"""Nice classes (12th edition) of a listing's product, from its category path or its title.

A trademark is registered for goods in some of the 45 Nice classes; a listing infringes
only when its product falls in (or next to) those classes. This module maps what a
listing says about its product to classes, using the phrase table ``data/nice_terms.csv``
(header ``phrase,classes,note``):

* ``phrase`` is a lower-case product noun or noun phrase, written in the singular (or in
  the only form the noun has, like "jeans"). The regular English plural of its last word
  is added in code ("+s"; "+es" after s/x/z/ch/sh/o; consonant+"y" -> "ies") and a few
  irregular ones from ``_IRREGULAR_PLURALS``; a row written in the plural wins over a
  generated form ("glasses" is not "glass" + s).
* ``classes`` is ``|``-separated. Empty marks a stop phrase: it consumes its words so
  that none of them matches alone ("light blue" is a colour, not a lamp).
* ``note`` is free text, except for three leading tags:
  ``path-only`` marks a department word ("baby", "garden", "electronics") that counts
  only in category paths, and there only when its segment names nothing more specific;
  ``head-only`` marks a noun that names the product only when no product noun follows
  it in the same noun group ("football" is a ball, "football pants" are trousers);
  ``kind`` marks a word that makes the nouns right after it that kind ("toy airplane").

Matching is longest-first over word tokens, ties going to the rightmost phrase because
English puts the head noun last: "jewelry box" wins over "jewelry", "seat cover" over
"seat", and "cat litter box" is a litter box. The classes of the product phrases found are
united. Materials and colours have no rows or stop rows, so "leather" or "black" map to
nothing. Everything is built once at import; category answers are cached per string.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA_FILE = Path(__file__).resolve().parent / "data" / "nice_terms.csv"
PATH_ONLY = "path-only"
HEAD_ONLY = "head-only"
KIND = "kind"
NICE_CLASSES = range(1, 46)

# Marketplaces write "Home & Garden > Decor", some exports "Home/Garden" with spaces or "|".
_SEGMENT_SEPARATOR = re.compile(r"\s*(?:>|\||\s/\s)\s*")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_APOSTROPHE = re.compile(r"['\u2019]")
_WORD = re.compile(r"[a-z0-9\u0430-\u044f\u0451]+")  # Latin after folding, and Cyrillic
# Punctuation that separates nouns of a list ("Shorts & Briefs", "Case, Black - 2 Pack").
_BREAK = re.compile(r"[,;:&/|+()\[\]]|\s[-\u2013\u2014]\s")
_VOWELS = frozenset("aeiou")
# Only nouns the table uses; a general f/fe -> ves rule would make "saves" a plural of "safe".
_IRREGULAR_PLURALS = {
    "knife": "knives",
    "shelf": "shelves",
    "scarf": "scarves",
    "leaf": "leaves",
    "loaf": "loaves",
    "half": "halves",
    "hoof": "hooves",
    "mouse": "mice",
    "cactus": "cacti",
    "tooth": "teeth",
}
# Words that join two products in a list, like the punctuation in _BREAK.
_JOINERS = frozenset({"and", "with", "plus", "or", "w"})
# In a title, what follows these words names what the product fits, not the product:
# "Case for iPhone", "Strap fits Galaxy Watch", "Toner Compatible with ...".
_TARGET = re.compile(r"\b(?:for|fits|compatible)\b", re.IGNORECASE)

Lexicon = dict[tuple[str, ...], frozenset[int]]
Hit = tuple[int, int, tuple[str, ...], frozenset[int]]  # start, end, phrase, classes


def words(text: str) -> tuple[str, ...]:
    """Lower-case word tokens: accents dropped ("đ" read "d"), possessive "'s" removed; Latin and
    Cyrillic letters (the table holds nouns of the seed's languages: "vestido", "сумка")."""
    # Vietnamese "đ" is a letter of its own, not a "d" with an accent: NFKD keeps it.
    text = unicodedata.normalize("NFKD", text.lower().replace("đ", "d"))
    text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    return tuple(_WORD.findall(text))


def tokens_and_breaks(text: str) -> tuple[tuple[str, ...], frozenset[int]]:
    """Word tokens of ``text`` and the token positions that follow list punctuation."""
    tokens: list[str] = []
    breaks: set[int] = set()
    for chunk in _BREAK.split(text):
        if tokens:
            breaks.add(len(tokens))
        tokens.extend(words(chunk))
    return tuple(tokens), frozenset(breaks)


def plural(word: str) -> str:
    """Regular English plural of ``word`` ("box" -> "boxes", "battery" -> "batteries")."""
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _plural_forms(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    head, last = phrase[:-1], phrase[-1]
    forms = [head + (plural(last),)]
    if last in _IRREGULAR_PLURALS:
        forms.append(head + (_IRREGULAR_PLURALS[last],))
    if last.endswith("o"):  # "radios" as well as "potatoes"
        forms.append(head + (last + "s",))
    return forms


def _parse_classes(text: str, phrase: str) -> frozenset[int]:
    classes = frozenset(int(part) for part in text.split("|") if part.strip())
    if not classes <= frozenset(NICE_CLASSES):
        raise ValueError(f"{DATA_FILE.name}: {phrase!r} has a class outside 1-45: {text!r}")
    return classes


class Terms(NamedTuple):
    """The phrase table, ready for matching."""

    title: Lexicon
    category: Lexicon
    head_only: frozenset[tuple[str, ...]]
    kinds: frozenset[tuple[str, ...]]


def load_terms(path: Path = DATA_FILE) -> Terms:
    """Read the phrase table; raises ValueError on a duplicate phrase or a class outside 1-45."""
    explicit: list[tuple[tuple[str, ...], frozenset[int], bool]] = []
    head_only: set[tuple[str, ...]] = set()
    kinds: set[tuple[str, ...]] = set()
    seen: set[tuple[str, ...]] = set()
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            phrase = words(row["phrase"])
            if not phrase:
                raise ValueError(f"{path.name}: empty phrase in row {row!r}")
            if phrase in seen:
                raise ValueError(f"{path.name}: duplicate phrase {row['phrase']!r}")
            seen.add(phrase)
            note = row.get("note") or ""
            path_only = note.startswith(PATH_ONLY)
            if note.startswith(HEAD_ONLY):
                head_only.update([phrase, *_plural_forms(phrase)])
            elif note.startswith(KIND):
                kinds.add(phrase)  # singular only: "toy car" is a toy, "toys" is a head noun
            explicit.append((phrase, _parse_classes(row["classes"], row["phrase"]), path_only))
    title: Lexicon = {}
    category: Lexicon = {}
    # Written rows first, so a generated plural never hides a row ("glasses" is not "glass"+s).
    for phrase, classes, path_only in explicit:
        category[phrase] = classes
        if not path_only:
            title[phrase] = classes
    for phrase, classes, path_only in explicit:
        for form in _plural_forms(phrase):
            category.setdefault(form, classes)
            if not path_only:
                title.setdefault(form, classes)
    return Terms(title, category, frozenset(head_only), frozenset(kinds))


class _Matcher:
    """Longest-first phrase scanner over one lexicon; built once, shared by all calls."""

    def __init__(
        self,
        lexicon: Lexicon,
        departments: frozenset[tuple[str, ...]],
        head_only: frozenset[tuple[str, ...]],
        kinds: frozenset[tuple[str, ...]],
    ) -> None:
        self.lexicon = lexicon
        self.departments = departments
        self.head_only = head_only
        self.kinds = kinds
        self.longest = max((len(phrase) for phrase in lexicon), default=0)
        self.starts = frozenset(phrase[0] for phrase in lexicon)

    def hits(self, tokens: tuple[str, ...]) -> list[Hit]:
        """Non-overlapping (start, end, phrase, classes) in ``tokens``, longest taken first.

        Among equally long phrases the rightmost wins, because English puts the head noun
        last: in "cat litter box" the product is the "litter box", not the "cat litter".
        """
        candidates = []
        count = len(tokens)
        for i, token in enumerate(tokens):
            if token not in self.starts:
                continue
            for size in range(1, min(self.longest, count - i) + 1):
                phrase = tokens[i : i + size]
                classes = self.lexicon.get(phrase)
                if classes is not None:
                    candidates.append((size, i, phrase, classes))
        candidates.sort(key=lambda hit: (-hit[0], -hit[1]))
        taken = [False] * count
        chosen: list[Hit] = []
        for size, i, phrase, classes in candidates:
            if any(taken[i : i + size]):
                continue
            taken[i : i + size] = [True] * size
            chosen.append((i, i + size, phrase, classes))
        chosen.sort()
        return chosen

    @staticmethod
    def _listed(tokens: tuple[str, ...], breaks: frozenset[int], end: int, start: int) -> bool:
        """Whether list punctuation or a joining word separates tokens[end:start]."""
        if _JOINERS.intersection(tokens[end:start]):
            return True
        return any(end <= i <= start for i in breaks)

    def products(self, text: str) -> list[tuple[tuple[str, ...], frozenset[int]]]:
        """The phrases of ``text`` that name its product, with their classes.

        A head-only noun right before another product noun is a modifier and adds
        nothing ("Motorcycle Jackets" are clothing); a kind word such as "toy" makes
        the nouns after it that kind ("Toy Airplanes" are toys, not aircraft).
        """
        tokens, breaks = tokens_and_breaks(text)
        found = [hit for hit in self.hits(tokens) if hit[3]]
        modifier = [False] * len(found)
        if len(found) > 1:  # a lone product modifies nothing
            self._mark_kind_groups(found, tokens, breaks, modifier)
            self._mark_head_only_modifiers(found, tokens, breaks, modifier)
        return [(hit[2], hit[3]) for hit, dropped in zip(found, modifier) if not dropped]

    def _mark_kind_groups(self, found: list[Hit], tokens: tuple[str, ...], breaks: frozenset[int],
                          modifier: list[bool]) -> None:
        """Mark in ``modifier`` the nouns after a kind word, up to the end of its noun group."""
        for index in range(len(found) - 1):
            _, end, phrase, _ = found[index]
            kind = phrase in self.kinds or phrase[-1:] in self.kinds  # "kids toy" is a toy too
            if kind and not modifier[index] and found[index + 1][0] == end:
                # A kind word makes the rest of its noun group that kind: a toy car is a toy.
                for later in range(index + 1, len(found)):
                    if self._listed(tokens, breaks, found[later - 1][1], found[later][0]):
                        break
                    modifier[later] = True

    def _mark_head_only_modifiers(self, found: list[Hit], tokens: tuple[str, ...], breaks: frozenset[int],
                                  modifier: list[bool]) -> None:
        """Mark in ``modifier`` each head-only noun that only modifies the product noun after it."""
        # Right to left, so that in "Desk & Shelf Clocks" the dropped "Shelf" drops "Desk" too.
        for index in range(len(found) - 2, -1, -1):
            _, end, phrase, _ = found[index]
            if phrase not in self.head_only or modifier[index]:
                continue
            start, _, following, _ = found[index + 1]
            listed = self._listed(tokens, breaks, end, start)
            # "Motorcycle Protective Jacket" is a jacket; "Car & Jacket" lists two things.
            modifier[index] = not listed or (following in self.head_only and modifier[index + 1])

    def classes(self, text: str) -> frozenset[int]:
        """Union of the classes of the products named in ``text``; department words
        ("Pet Supplies") count only when nothing more specific is named."""
        specific: set[int] = set()
        department: set[int] = set()
        for phrase, classes in self.products(text):
            (department if phrase in self.departments else specific).update(classes)
        return frozenset(specific or department)


def _saved_terms() -> Terms:
    """The phrase table as last built from the same data file and code (a tenth of a second of
    every run's start to read and expand the CSV), or built now."""
    from .cache import fingerprint, load_or_build

    return load_or_build("terms", fingerprint(sources=(str(DATA_FILE), __file__)), load_terms)


_TERMS = _saved_terms()
_TITLE = _Matcher(_TERMS.title, frozenset(), _TERMS.head_only, _TERMS.kinds)
# Phrases that only category paths know are department words ("Pet Supplies", "Baby").
_PATH = _Matcher(
    _TERMS.category,
    frozenset(_TERMS.category.keys() - _TERMS.title.keys()),
    _TERMS.head_only,
    _TERMS.kinds,
)


def phrase_count() -> int:
    """Number of phrases as written in the data file, before generated plurals."""
    with DATA_FILE.open(newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def segments(path: str) -> list[str]:
    """Category path segments, root first ("A > B | C" -> ["A", "B", "C"])."""
    return [part for part in _SEGMENT_SEPARATOR.split(path.strip()) if part]


@lru_cache(maxsize=8192)
def classes_for_category(path: str) -> frozenset[int]:
    """Nice classes for a category path such as eBay's "Clothing, Shoes & Accessories > Men >
    Men's Shoes > Athletic Shoes", Amazon's "Beauty & Personal Care > Fragrance", Google's
    "Apparel & Accessories > Shoes", Shopify's product category (same as Google), or a flat
    category like "headphone accessories" / "inkjet printer ink". Empty frozenset when unknown.

    The leaf decides; a parent is asked only when the segments below it name nothing, so
    "... > Women's Bags & Handbags" is class 18 alone and not 18 plus its clothing parent.
    """
    for segment in reversed(segments(path)):
        found = _PATH.classes(segment)
        if found:
            return found
    return frozenset()


def classes_for_title(title: str) -> frozenset[int]:
    """Nice classes of the product nouns in a title ("Men's Lightweight Running Shoes" -> {25}).
    Empty when none found.

    Nouns after "for" / "fits" / "compatible" name the device or vehicle the product
    fits; they count only when nothing before them names a product.
    """
    head = _TARGET.split(title, maxsplit=1)[0]
    if head.strip() and head != title:
        found = _TITLE.classes(head)
        if found:
            return found
    return _TITLE.classes(title)


def classes_of(listing) -> frozenset[int]:
    """The listing's product classes, found once per listing for every mark and register span."""
    return listing.once("classes", lambda: listing_classes(listing.category, listing.title)[0])


def listing_classes(category: str, title: str) -> tuple[frozenset[int], str]:
    """(classes, source) where source is "category", "title" or "unknown": category first,
    title nouns when the category is empty or maps to nothing."""
    if category and category.strip():
        found = classes_for_category(category)
        if found:
            return found, "category"
    if title and title.strip():
        found = classes_for_title(title)
        if found:
            return found, "title"
    return frozenset(), "unknown"


def title_products(text: str) -> tuple[str, ...]:
    """The product phrases ``text`` names, in order, as lower-case words joined by spaces:
    "LED Flashlight with 18650 Battery" -> ("flashlight", "battery"); a head-only noun
    before another product is dropped as in :func:`classes_for_title` ("Phone Case" ->
    ("phone case",)). Rules use the first one to tell a battery from a device that has one."""
    return tuple(" ".join(phrase) for phrase, _ in _TITLE.products(text))
