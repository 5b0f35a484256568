"""Text normalization with an offset map back to the original text.

Two readings of a field are matched against the blocklists:

* the **plain** reading: NFKC, case folding, diacritics removed, zero-width characters
  and soft hyphens dropped, look-alike letters from other scripts folded to Latin inside
  words that are (or pass as) Latin, and every run of punctuation or space turned into
  one space;
* the **evasion** reading, on top of that: punctuation glued inside a word removed
  (``G.U.C.C.I``, ``C.oach``, ``Ray-Ban``), runs of single letters joined (``N I K E``,
  ``R A Y - B A N``) and leetspeak folded (``N1ke``, ``S@msung``) in words that mix letters
  with digits or symbols; ``4K`` and ``1080P`` stay themselves.

Every character of a reading carries the offset of the source character it came from,
so a span found in a reading maps back inside the original field.
"""
from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

ZERO_WIDTH = frozenset("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff")
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}
GLUE = frozenset(".-_*·'’`~+/\\")
# Digits followed by a unit are measurements, never leetspeak (20000mAh, 60W, 6ft, 1080P, 4K).
_MEASURE = re.compile(r"^\d+(?:[.,]\d+)?[a-z]{1,5}$")


@lru_cache(maxsize=1)
def confusable_map() -> dict[str, str]:
    """Non-Latin characters that look like an ASCII letter or digit, from Unicode's confusables data."""
    data = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    table = {}
    for ch, glyphs in data.items():
        if len(ch) != 1 or ch.isascii():
            continue
        for g in glyphs:
            c = g["c"]
            if len(c) == 1 and c.isascii() and c.isalnum():
                table[ch] = c.lower()
                break
    return table


class Reading:
    """A normalized string and, per character, the source offset it came from.

    The map is kept as segments: a run of characters copied in order from the source is one
    segment (``offsets`` None), so the common case of plain words costs one step per word,
    not one per character; characters that moved (leetspeak, joined letters) carry explicit
    offsets.
    """

    __slots__ = ("text", "length", "_starts", "_segments")

    def __init__(self, text: str, length: int, segments=None):
        self.text = text
        self.length = length  # of the source text
        self._segments = segments if segments is not None else [(0, 0, None)]
        self._starts = [seg[0] for seg in self._segments]

    def src_index(self, i: int) -> int:
        k = bisect_right(self._starts, i) - 1
        start, src, offsets = self._segments[k]
        return offsets[i - start] if offsets is not None else src + (i - start)

    def src_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the reading span ``[start, end)`` (end exclusive)."""
        s = min(self.src_index(start), self.length)
        return s, max(s, min(self.src_index(end - 1) + 1, self.length))

    @property
    def to_src(self) -> list[int]:
        """Every character's source offset (for tests and debugging; matchers use src_span)."""
        return [self.src_index(i) for i in range(len(self.text))]


class _Builder:
    """Assembles a reading piece by piece, keeping copied runs as single segments."""

    def __init__(self):
        self.parts: list[str] = []
        self.segments: list[tuple[int, int, list[int] | None]] = []
        self.pos = 0

    def copy(self, text: str, src: int):
        if text:
            self.segments.append((self.pos, src, None))
            self.parts.append(text)
            self.pos += len(text)

    def place(self, text: str, offsets: list[int]):
        if text:
            self.segments.append((self.pos, 0, offsets))
            self.parts.append(text)
            self.pos += len(text)

    def build(self, length: int) -> Reading:
        return Reading("".join(self.parts), length, self.segments or None)


def _fold_char(ch: str, confusables: dict[str, str] | None) -> str:
    if ch in ZERO_WIDTH:
        return ""
    out = unicodedata.normalize("NFKC", ch)
    if confusables is not None:
        out = "".join(confusables.get(c, c) for c in out)
    out = out.casefold()
    if not out.isascii():
        out = "".join(c for c in unicodedata.normalize("NFD", out) if not unicodedata.combining(c))
    return out


def _latinish(token: str, confusables: dict[str, str]) -> bool:
    """A word whose letters are Latin, or look-alikes of Latin: fold its look-alikes."""
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return False
    has_latin = any(c.isascii() or unicodedata.normalize("NFKC", c).isascii() for c in letters)
    return has_latin or all(c in confusables for c in letters)


_TOKEN = re.compile(r"\S+|\s+")


def fold(text: str) -> Reading:
    """Case-, width-, diacritic- and look-alike-folded ``text`` with its offset map."""
    if text.isascii():
        return Reading(text.lower(), len(text))
    confusables = confusable_map()
    out = _Builder()
    for m in _TOKEN.finditer(text):
        token = m.group()
        base = m.start()
        if token.isascii():
            out.copy(token.lower(), base)
            continue
        table = confusables if _latinish(token, confusables) else None
        chars, offsets = [], []
        for i, ch in enumerate(token):
            for c in _fold_char(ch, table):
                chars.append(c)
                offsets.append(base + i)
        out.place("".join(chars), offsets)
    return out.build(len(text))


def disguised(source: str) -> bool:
    """Whether ``source`` hides Latin letters behind look-alikes, full-width forms or zero-width characters."""
    if source.isascii():
        return False
    confusables = confusable_map()
    for token in source.split():
        latin = _latinish(token, confusables)
        for ch in token:
            if ch in ZERO_WIDTH or (latin and ch in confusables):
                return True
            if not ch.isascii() and ch.isalnum() and unicodedata.normalize("NFKC", ch).isascii():
                return True
    return False


_WORD = re.compile(r"[^\W_]+")
_CHUNK = re.compile(r"\S+")


def _spaced(words, length: int) -> Reading:
    """Join ``(text, source_start, offsets)`` words with single spaces, padded: " a b c ".

    Each word's segment also covers the space after it, which maps to the source character
    right after the word.
    """
    parts = [" "]
    segments = [(0, 0, [0])]
    pos = 1
    for text, src, offsets in words:
        segments.append((pos, src, None) if offsets is None else (pos, 0, offsets + [offsets[-1] + 1]))
        parts.append(text)
        parts.append(" ")
        pos += len(text) + 1
    return Reading("".join(parts), length, segments)


def _to_source(folded: Reading, start: int, end: int):
    """(source start, None) when folded[start:end] was copied in order, else explicit offsets."""
    if len(folded._segments) == 1 and folded._segments[0][2] is None:
        return start, None  # ASCII text folds in place
    first = folded.src_index(start)
    if folded.src_index(end - 1) - first == end - 1 - start and (
            end - start < 3 or folded.src_index((start + end) // 2) - first == (start + end) // 2 - start):
        return first, None
    return first, [folded.src_index(j) for j in range(start, end)]


def plain_reading(folded: Reading) -> Reading:
    """Every run of letters and digits, joined by single spaces."""
    words = []
    for m in _WORD.finditer(folded.text):
        src, offsets = _to_source(folded, m.start(), m.end())
        words.append((m.group(), src, offsets))
    return _spaced(words, folded.length)


def _leet(word: str) -> str:
    letters = sum(c.isalpha() for c in word)
    if letters == 0 or not any(c in LEET for c in word) or _MEASURE.match(word):
        return word
    return "".join(LEET.get(c, c) for c in word)


def evasion_reading(folded: Reading) -> Reading:
    """The reading that undoes common evasions; see the module docstring."""
    text = folded.text
    words: list[tuple[str, int, list[int] | None]] = []  # ("", ...) marks a lone punctuation chunk
    for m in _CHUNK.finditer(text):
        raw = m.group()
        if raw.isalpha() or raw.isdigit():
            src, offsets = _to_source(folded, m.start(), m.end())
            words.append((raw, src, offsets))
            continue
        lo, hi = 0, len(raw)
        # Strip punctuation at the edges of the word; keep leet symbols inside or at the end.
        while lo < hi and not (raw[lo].isalnum() or raw[lo] in "@$"):
            lo += 1
        while hi > lo and not (raw[hi - 1].isalnum() or raw[hi - 1] in "@$!|"):
            hi -= 1
        if lo >= hi:
            words.append(("", 0, None))
            continue
        leeted = _leet(raw[lo:hi])
        piece, offs = [], []
        for i, c in enumerate(leeted):
            if c.isalnum():
                piece.append(c)
                offs.append(folded.src_index(m.start() + lo + i))
            elif c in GLUE:
                continue  # glued punctuation inside a word disappears
            elif piece:
                words.append(("".join(piece), 0, offs))
                piece, offs = [], []
        if piece:
            words.append(("".join(piece), 0, offs))
    joined = []
    i = 0
    while i < len(words):
        w = words[i][0]
        if len(w) == 1:
            # Join a run of single letters, skipping lone punctuation chunks between them.
            j, letters = i, []
            while j < len(words) and len(words[j][0]) <= 1:
                if words[j][0]:
                    letters.append(words[j])
                j += 1
            if len(letters) >= 3:
                offsets = []
                for t, src, offs in letters:
                    offsets.extend(offs if offs is not None else [src])
                joined.append(("".join(t for t, _, _ in letters), 0, offsets))
                i = j
                continue
        if w:
            joined.append(words[i])
        i += 1
    return _spaced(joined, folded.length)


@lru_cache(maxsize=100_000)
def compact(text: str) -> str:
    """Letters and digits only, folded: the form marks are compared in (``Ray-Ban`` -> ``rayban``)."""
    return "".join(c for c in fold(text).text if c.isalnum())


def words(text: str) -> list[str]:
    """Folded alphanumeric words of ``text`` (``Ray-Ban`` -> ``["ray", "ban"]``)."""
    return plain_reading(fold(text)).text.split()
