"""Suggest marks for the lists: brand-like names that recur in a catalog and no list knows.

A name is brand-like when it stands in the brand column, or leads a title written as a name
(capitalised or in capitals) and is no everyday word of the seed's languages. Names the lists
already hold (terms and aliases) are left out. The result is for people to review: a recurring
name may be the seller's own brand (add it to ``--authorized``), a maker to list, or noise.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .normalize import compact

MAX_WORDS = 3       # a brand rarely has more words than this in the brand position
MIN_LETTERS = 3     # shorter names are initials and sizes more often than brands
EXAMPLES = 3
_TOKEN = re.compile(r"[^\W_][\w'&.+-]*", re.UNICODE)


@dataclass
class Suggestion:
    name: str
    listings: int = 0
    in_brand_column: int = 0
    leading_title: int = 0
    examples: list[str] = field(default_factory=list)


def suggest_marks(listings, entries, min_listings: int = 3) -> list[Suggestion]:
    """Names that recur in ``listings`` (at least ``min_listings`` times) and name no entry."""
    known = {compact(name) for e in entries if e.kind in ("trademark", "counterfeit") for name in e.names}
    found: dict[str, Suggestion] = {}
    spellings: dict[str, Counter] = {}
    for listing in listings:
        if listing.error:
            continue
        for name, where in _candidates(listing):
            key = compact(name)
            if len(key) < MIN_LETTERS or key in known or key.isdigit():
                continue
            spellings.setdefault(key, Counter())[name] += 1
            s = found.setdefault(key, Suggestion(name))
            s.listings += 1
            s.in_brand_column += where == "brand"
            s.leading_title += where == "title"
            if len(s.examples) < EXAMPLES:
                s.examples.append(f"{listing.id}: {listing.title[:80]}")
    for key, s in found.items():
        s.name = spellings[key].most_common(1)[0][0]  # the spelling the catalog uses most
    chosen = [s for s in found.values() if s.listings >= min_listings]
    return sorted(chosen, key=lambda s: (-s.listings, s.name.lower()))


def _candidates(listing) -> list[tuple[str, str]]:
    """The listing's brand-like names, each once: the brand column's, and the title's leading name."""
    out = []
    brand = listing.brand.strip()
    if brand and compact(brand) not in _no_brand():
        out.append((brand, "brand"))
    lead = leading_name(listing.title)
    if lead and compact(lead) != compact(brand):
        out.append((lead, "title"))
    return out


def leading_name(title: str) -> str:
    """The words a title starts with that are written as a name and are no everyday words
    ("Rocoren USB C Cable" -> "Rocoren"; "KUULAA Power Bank" -> "KUULAA"; "Cute plush" -> "")."""
    taken = []
    for word in _TOKEN.findall(title)[:MAX_WORDS]:
        letters = [c for c in word if c.isalpha()]
        if not letters or not letters[0].isupper() or not word[0].isalpha():
            break
        if any(c.isdigit() for c in word) or _ordinary_word(word.lower()):
            break
        taken.append(word)
    return " ".join(taken)


# A word this frequent in a seed language's large list is in its dictionary: a shop opening a
# title with it names the product ("Карнавальный костюм", "Беспроводные наушники"), not a brand.
DICTIONARY_ZIPF = 2.0


@lru_cache(maxsize=50_000)
def _ordinary_word(word: str) -> bool:
    """An everyday word, a product noun of the title table ("Футболка", "Чехол"), or, written in a
    script other than Latin, a word of its language's dictionary (the Latin-script languages' words
    that rare are brands' names as often: "Rocoren", "Lonwalk"); a Russian word also where the
    frequency lists are too thin for it ("Напальчники", "Противоударный")."""
    from wordfreq import zipf_frequency

    from .classes import title_products
    from .matchers.declension import cyrillic, russian_word
    from .matchers.marks import LANGUAGES, is_common_word

    if is_common_word(word) or title_products(word):
        return True
    if word.isascii():
        return False
    frequent = any(zipf_frequency(word, lang) >= DICTIONARY_ZIPF for lang in LANGUAGES)
    return frequent or cyrillic(word) and russian_word(word)


def _no_brand() -> frozenset[str]:
    from .rules.evidence import NO_BRAND

    return NO_BRAND
