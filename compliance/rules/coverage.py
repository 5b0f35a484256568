"""Which listings a product rule covers: product nouns in the title, as data.

Region and safety rules apply to product types ("a phone sold in Brazil needs an ANATEL
code"), not to every listing. ``compliance/data/product_scope.csv`` lists, per rule code,
groups of product phrases and the words around them that change what the listing is
(header ``rule,group,kind,phrase,note``):

* ``product``: a product phrase of the group, any language; the last word also matches
  its English plural, and a trailing ``*`` matches any ending (``смартфон*``);
* ``accessory``: a word anywhere in the head but before "with" that makes the listing an
  accessory ("iPhone 15 silicone *case*", "*Case* iPhone 15"); rule ``*`` rows hold for
  every rule;
* ``next``: the same, only right after the product phrase: "phone *charger*" is a charger,
  "power bank, fast *charging*" a power bank;
* ``modifier``: a word right before a product phrase that makes it something else
  ("*toy* phone");
* ``keep``: a shared accessory word that stays in scope for this rule ("hoverboard *charger*");
* ``needs``: the group covers a listing only when one of these also appears in the title
  ("wireless" for headphones);
* ``exclude``: the group never covers a title with one of these ("dog" for toys);
* ``lead``: with ``first_product``, the title's first product may also be one of these
  and still be the group's product ("AA lithium batteries").

Only the title's head counts: the words before "for", "fits", "compatible" and their
equivalents name the product, the words after name what it fits ("Case for iPhone").
Model words after a product noun ("iPhone 15 Pro Max Case") are skipped before the
``next`` test. When the English product-noun table of :mod:`compliance.classes` knows the
head's products, a match must share a word with one of them ("laptop" is not the product
of "2GB laptop SODIMM"). When the title names no product at all, the category's last
segment is read.

:class:`ScopedRule` is the base class of rules about a product type (region rules,
eBay's safety rules); the small functions at the end build their hits.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..classes import segments, title_products, words
from ..errors import InputError
from .base import Hit, ListingRule, checked_fields, with_caveat

SCOPE_FILE = Path(__file__).resolve().parent.parent / "data" / "product_scope.csv"
KINDS = ("product", "accessory", "next", "modifier", "keep", "needs", "exclude", "lead")

# Where a title's product ends and what it fits begins.
_TARGET = (r"for|fits?|compatible|works\s+with|to\s+(?:charge|power)|para|compat[íi]vel|pour|f[üu]r|для|под"
           r"|совместим\w*")
# Where a device's own product ends and what comes with it begins: "Flashlight with 18650 Battery".
_WITH = r"with|w/|incl\w*|inkl\w*|includes?|including|mit|com|con|avec|с|plus"
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# Words after a product noun that name a model, not another product: "iPhone 15 Pro Max Case".
_MODEL_WORDS = frozenset("pro max plus mini ultra lite se air note edge fold flip neo prime gen new".split())


def _stem(word: str) -> str:
    """English plural to singular, enough to compare product nouns: "batteries", "headsets"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=4096)
def _products(text: str) -> tuple[str, ...]:
    """The product-noun table's reading of a title head; several rules ask about the same head."""
    return title_products(text)


@dataclass(frozen=True)
class Covered:
    """A product phrase that puts a listing in a rule's scope.

    ``field`` is ``title`` (offsets into the title's raw text) or ``category`` (offsets
    into the category path)."""

    field: str
    start: int
    end: int
    text: str
    group: str
    phrase: str


def _phrase_regex(phrase: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", phrase.strip().lower()) if w]
    stem = words[-1].endswith("*")
    if stem:
        words[-1] = words[-1][:-1]
    last = words[-1]
    plural = ""
    if not stem and last[-1:].isascii() and last[-1:].isalpha():
        if len(last) > 2 and last.endswith("y") and last[-2] not in "aeiou":
            words[-1], plural = last[:-1], "(?:y|ies)"  # battery, batteries
        else:
            plural = "(?:s|es)?"
    body = r"[\s\-]*".join(re.escape(w) for w in words)
    if stem:
        return rf"{body}[^\W\d_]*"
    return rf"{body}{plural}(?![^\W_])"


# Not inside a word, nor a hyphenated model number ("MBR-1500-TOY" names no toy). Written once in
# front of the alternation, not in each phrase: the regex engine then tests it once per position,
# not once per phrase (four times faster over a title).
_PHRASE_START = r"(?<![^\W_])(?<![^\W_]-)"


def _alternation(phrases) -> re.Pattern | None:
    phrases = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(_PHRASE_START + "(?:" + "|".join(f"(?:{_phrase_regex(p)})" for p in phrases) + ")",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def load_scope_table(path: Path = SCOPE_FILE) -> dict[str, list[tuple[str, str, str]]]:
    """Rows by rule code: ``{"RG003": [(group, kind, phrase), ...], "*": [...]}``; a bad kind
    or an empty phrase is an :class:`InputError` naming the line."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), 2):
            kind, phrase = (row.get("kind") or "").strip(), (row.get("phrase") or "").strip()
            if kind not in KINDS:
                raise InputError(f"kind '{kind}' is not one of {', '.join(KINDS)}", path, line)
            if not phrase:
                raise InputError("empty phrase", path, line)
            table.setdefault(row["rule"].strip(), []).append(((row.get("group") or "").strip(), kind, phrase))
    return table


def _phrases(rows, kind: str) -> set[str]:
    return {p.lower() for _, k, p in rows if k == kind}


def _product_groups(rows) -> list[tuple]:
    """(name, product, needs, exclude, lead) per product group of the scope table."""
    groups: dict[str, dict[str, list[str]]] = {}
    for group, kind, phrase in rows:
        if group and kind in ("product", "needs", "exclude", "lead"):
            groups.setdefault(group, {}).setdefault(kind, []).append(phrase)
    return [(name, _alternation(g.get("product", ())), _alternation(g.get("needs", ())),
             _alternation(g.get("exclude", ())), {p.lower() for p in g.get("lead", ())})
            for name, g in groups.items() if g.get("product")]


class ProductScope:
    """The products one rule covers; built once per rule (patterns are compiled here).

    ``with_split`` also ends the title's head at "with" / "including": a battery named after
    them comes with a device. ``first_product`` requires the title's first product (from the
    product-noun table of :mod:`compliance.classes`) to be the group's product, so that
    "Bluetooth Speaker 5000mAh Battery" is a speaker, not a battery.
    """

    def __init__(self, code: str, with_split: bool = False, first_product: bool = False):
        table = load_scope_table()
        rows = table.get("*", []) + table.get(code, [])
        keep = _phrases(rows, "keep")
        self.accessories = _phrases(rows, "accessory") - keep
        self.next_accessories = _phrases(rows, "next") - keep
        self.modifiers = _phrases(rows, "modifier")
        self.groups = _product_groups(rows)
        # Every group's products in one pattern: most titles name none, and one search tells so
        # (a phrase any group's pattern finds at a position, this one finds there too).
        self.any_product = _alternation([phrase for group, kind, phrase in rows if group and kind == "product"])
        self.with_words = re.compile(rf"(?<![^\W_])(?:{_WITH})(?![^\W_])|\s\+\s", re.IGNORECASE)
        split = _TARGET + ("|" + _WITH if with_split else "")
        self.head_end = re.compile(rf"(?<![^\W_])(?:{split})(?![^\W_])|\s\+\s", re.IGNORECASE)
        self.first_product = first_product
        self.multi_accessory = _alternation([a for a in self.accessories if " " in a])
        self.multi_next = _alternation([a for a in self.next_accessories if " " in a])

    def head(self, title: str) -> str:
        """The part of the title that names the product."""
        m = self.head_end.search(title)
        if m is None or not title[:m.start()].strip():
            return title
        return title[:m.start()]

    def _is_accessory(self, text: str, start: int, end: int) -> bool:
        """Whether the head names an accessory of the product: an accessory word anywhere before "with"
        ("iPhone 3GS silicone case", "Silicone Case iPhone 15"), or a ``next`` word right after the
        product phrase ("phone charger"). "Earbuds with Charging Case" are earbuds."""
        stop = self.with_words.search(text, end)
        head = text[:stop.start()] if stop is not None else text
        first = True
        for m in _TOKEN.finditer(head):
            if start <= m.start() < end:
                continue
            word = m.group(0).lower()
            after = m.start() >= end
            if after and (any(c.isdigit() for c in word) or word in _MODEL_WORDS):
                continue
            if self._accessory_at(head, m.start(), word, right_after=after and first):
                return True
            if after:
                first = False
        return False

    def _accessory_at(self, head: str, at: int, word: str, right_after: bool) -> bool:
        """The word at ``at`` names an accessory; ``right_after``: it is the first word after the product."""
        if self.multi_accessory is not None and self.multi_accessory.match(head, at):
            return True
        if right_after and self.multi_next is not None and self.multi_next.match(head, at):
            return True
        forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
        return bool(forms & self.accessories) or right_after and bool(forms & self.next_accessories)

    @staticmethod
    def _agrees(phrase: str, head: str) -> bool:
        """Whether the English product-noun table, when it knows the head's products, names this one:
        "laptop" is not the product of "2GB DDR2 RAM 200-pin laptop SODIMM"."""
        found = _products(head)
        if not found:
            return True
        # Folded as the table folds ("внешний" is read "внешнии"), the stem mark dropped.
        mine = {_stem(w) for w in words(phrase)}
        return any(mine & {_stem(w) for w in p.split(" ")} for p in found)

    def _is_modified(self, text: str, start: int) -> bool:
        before = _TOKEN.findall(text[:start])
        return bool(before) and before[-1].lower() in self.modifiers

    def _leads(self, product_re: re.Pattern, lead: set[str], title: str, m: re.Match) -> bool:
        """Whether the matched phrase is the title's product and not a part of another one: it is the
        first product the English table finds, or it follows a product noun as a compound
        ("Camcorder Battery" is a battery; "Flashlight 18650 Battery Included" is a flashlight)."""
        found = _products(title)
        if not found:
            return True  # nothing the English table knows: trust the phrase match
        first = found[0]
        last = first.split(" ")[-1]
        # The table's products are folded ("внешнии аккумулятор"); so is the phrase matched, to compare.
        if first in lead or " ".join(words(m.group(0))) == first or product_re.fullmatch(first) \
                or product_re.fullmatch(last):
            return True
        before = _TOKEN.findall(title[:m.start()])
        return bool(before) and any(before[-1].lower() == p.split(" ")[-1] for p in found)

    def _match(self, text: str, whole_title: str) -> tuple[str, re.Match] | None:
        if self.any_product is None or self.any_product.search(text) is None:
            return None
        for name, product_re, needs_re, exclude_re, lead in self.groups:
            if needs_re is not None and not needs_re.search(whole_title):
                continue
            if exclude_re is not None and exclude_re.search(whole_title):
                continue
            for m in product_re.finditer(text):
                if self._is_accessory(text, m.start(), m.end()) or self._is_modified(text, m.start()):
                    continue
                if not self._agrees(m.group(0), text):
                    continue
                if self.first_product and not self._leads(product_re, lead, text, m):
                    continue
                return name, m
        return None

    def find(self, listing) -> Covered | None:
        """The first product phrase that puts ``listing`` in scope, or None.

        The category is read only when the title names no product at all: a title that names
        another product ("envelope feeder" under "Printers") is about that product."""
        field = listing.fields.get("title")
        title = field.text if field is not None else ""
        head = ""
        if field is not None:
            head = self.head(title)
            found = self._match(head, title)
            if found is not None:
                group, m = found
                start, end = field.raw_span(m.start(), m.end())
                return Covered("title", start, end, field.raw[start:end], group, m.group(0).lower())
        parts = segments(listing.category or "")
        if not parts:
            return None
        leaf = parts[-1]
        found = self._match(leaf, f"{title} {leaf}")
        # The product-noun table is asked last: most listings are out of scope before it is needed.
        if found is None or field is not None and _products(head):
            return None
        group, m = found
        offset = listing.category.rfind(leaf)
        return Covered("category", offset + m.start(), offset + m.end(), m.group(0), group, m.group(0).lower())


def first_match(patterns, listing, fields):
    """(field, match) of the first match of any pattern in the listing's fields, or None."""
    for field in checked_fields(listing, fields):
        for pattern in patterns:
            m = pattern.search(field.text)
            if m is not None:
                return field, m
    return None


def found_in(patterns, listing, fields) -> bool:
    """Whether any pattern matches in any of the listing's ``fields``: the evidence a rule looks for."""
    return first_match(patterns, listing, fields) is not None


def field_hit(field, m, entry: str, message: str, fix: str, params: dict) -> Hit:
    """A hit on a match in a field's visible text, with offsets into its raw text."""
    start, end = field.raw_span(m.start(), m.end())
    return Hit(field.name, start, end, field.raw[start:end], entry, with_caveat(message, params), fix)


def covered_hit(covered: Covered, entry: str, message: str, fix: str, params: dict) -> Hit:
    """A hit on the product phrase that put the listing in a rule's scope."""
    return Hit(covered.field, covered.start, covered.end, covered.text, entry, with_caveat(message, params), fix)


class ScopedRule(ListingRule):
    """A rule about a product type: its scope is built once, on first use."""

    with_split: bool = False
    first_product: bool = False
    _scope: ProductScope | None = None

    @property
    def scope(self) -> ProductScope:
        if self._scope is None:
            self._scope = ProductScope(self.code, with_split=self.with_split, first_product=self.first_product)
        return self._scope
