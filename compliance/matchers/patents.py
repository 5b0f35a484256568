"""Patented product types: the entry's product-type term (any word order, plurals
tolerated) in one field, and at least one of its feature keywords anywhere in the listing."""
from __future__ import annotations

import re
from functools import lru_cache

from ..blocklist import Entry
from ..normalize import words
from . import Span


@lru_cache(maxsize=30_000)
def _stem(word: str) -> str:
    """Singular of a product noun: enough for "straighteners" / "scooters" / "mounts"."""
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "ies":
                return word[:-3] + "y"
            if suffix == "es" and not word[:-2].endswith(("sh", "ch", "x", "s", "z")):
                return word[:-1]
            return word[: -len(suffix)]
    return word


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in words(text)]


class PatentMatcher:
    """Spans of kind ``patent`` (label = entry term; data["keyword"] = the feature found)."""

    name = "patents"

    def __init__(self, entries: list[Entry]):
        self.entries = [e for e in entries if e.kind == "patent"]
        self.by_head: dict[str, list[tuple[Entry, tuple[str, ...], list[tuple[str, ...]]]]] = {}
        for e in self.entries:
            term = tuple(_stems(e.term))
            if not term:
                continue
            keywords = [tuple(_stems(k)) for k in e.keywords if _stems(k)]
            self.by_head.setdefault(term[-1], []).append((e, term, keywords))
        # Head nouns as written in a plain reading, singular or plural, for a one-pass check.
        heads = sorted(self.by_head, key=len, reverse=True)
        self._heads = re.compile(r" (?:%s)(?:s|es|ies)? " % "|".join(re.escape(h[:-1] if h.endswith("y") else h)
                                                                  + ("[a-z]?" if h.endswith("y") else "")
                                                                  for h in heads)) if heads else re.compile(r"(?!)")

    def find(self, listing) -> list[Span]:
        if not self.by_head:
            return []
        if not any(self._heads.search(f.plain.text) for f in listing.text_fields()):
            return []  # no patented product type named at all: most listings stop here
        fields = []
        all_stems: list[str] = []
        for field in listing.text_fields():
            reading = field.plain
            tokens = _stem_tokens(reading.text)
            fields.append((field, reading, tokens))
            all_stems.extend(t[0] for t in tokens)
        joined = " " + " ".join(all_stems) + " "
        spans = []
        for field, reading, tokens in fields:
            spans.extend(self._field_spans(field, reading, tokens, joined))
        return _first_per_entry(spans)

    def _field_spans(self, field, reading, tokens: list[tuple[str, int, int]], joined: str) -> list[Span]:
        """A span per entry whose product-type term is in this field and one of whose feature
        keywords is anywhere in the listing (``joined``: all its stems)."""
        spans = []
        present = {t[0] for t in tokens}
        for head in present & self.by_head.keys():
            for entry, term, keywords in self.by_head[head]:
                if not set(term) <= present:
                    continue
                keyword = _feature_keyword(keywords, joined)
                if keyword is None:
                    continue
                start, end = _term_extent(tokens, term, head)
                vs, ve = reading.src_span(start, end)
                rs, re_ = field.raw_span(vs, ve)
                spans.append(Span("patent", field.name, rs, re_, field.raw[rs:re_], label=entry.term,
                                  data={"entry": entry, "keyword": keyword}))
        return spans


def _stem_tokens(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of each word of a plain reading, whose words are split by single spaces."""
    tokens = []
    pos = 0
    for w in text.split(" "):
        if w:
            tokens.append((_stem(w), pos, pos + len(w)))
        pos += len(w) + 1
    return tokens


def _feature_keyword(keywords: list[tuple[str, ...]], joined: str) -> str | None:
    """The first of an entry's feature keywords found in the listing's stems; "" for an entry
    that names none (its term alone is enough), None when it names some and none is found."""
    if not keywords:
        return ""
    keyword = next((" ".join(k) for k in keywords if f" {' '.join(k)} " in joined), "")
    return keyword or None


def _term_extent(tokens: list[tuple[str, int, int]], term: tuple[str, ...], head: str) -> tuple[int, int]:
    """The span covers the term's words, first to last occurrence in this field."""
    hits = [t for t in tokens if t[0] in term]
    start = min(h[1] for h in hits)
    end = max(h[2] for h in hits)
    if end - start > 80:  # scattered words: cover the head noun only
        head_tok = next(t for t in tokens if t[0] == head)
        start, end = head_tok[1], head_tok[2]
    return start, end


def _first_per_entry(spans: list[Span]) -> list[Span]:
    """One span per entry per listing is enough: the first found."""
    seen, unique = set(), []
    for s in spans:
        if s.data["entry"] not in seen:
            seen.add(s.data["entry"])
            unique.append(s)
    return unique
