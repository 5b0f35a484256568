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
from dataclasses import dataclass
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


@dataclass
class Reading:
    """A normalized string and, per character, the source offset it came from."""

    text: str
    to_src: list[int]
    length: int  # of the source text

    def src_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the reading span ``[start, end)`` (end exclusive)."""
        s = min(self.to_src[start], self.length)
        return s, max(s, min(self.to_src[end - 1] + 1, self.length))


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
        return Reading(text.lower(), list(range(len(text))), len(text))
    confusables = confusable_map()
    chars: list[str] = []
    offsets: list[int] = []
    for m in _TOKEN.finditer(text):
        token = m.group()
        table = confusables if _latinish(token, confusables) else None
        base = m.start()
        for i, ch in enumerate(token):
            folded = _fold_char(ch, table)
            for c in folded:
                chars.append(c)
                offsets.append(base + i)
    return Reading("".join(chars), offsets, len(text))


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


def _squash_spaces(chars, offsets, length) -> Reading:
    """Turn each run of non-alphanumeric characters into one space; pad with a space each side."""
    out = [" "]
    idx = [offsets[0] if offsets else 0]
    for c, o in zip(chars, offsets):
        if c.isalnum():
            out.append(c)
            idx.append(o)
        elif out[-1] != " ":
            out.append(" ")
            idx.append(o)
    if out[-1] != " ":
        out.append(" ")
        idx.append(idx[-1])
    return Reading("".join(out), idx, length)


def plain_reading(folded: Reading) -> Reading:
    return _squash_spaces(folded.text, folded.to_src, folded.length)


def _leet(word: str) -> str:
    letters = sum(c.isalpha() for c in word)
    if letters == 0 or not any(c in LEET for c in word) or _MEASURE.match(word):
        return word
    # A lone leading or trailing symbol is punctuation, not leetspeak ("$25", "wow!").
    return "".join(LEET.get(c, c) if c in LEET else c for c in word)


def evasion_reading(folded: Reading) -> Reading:
    """The reading that undoes common evasions; see the module docstring."""
    words: list[tuple[str, list[int]]] = []
    text, src = folded.text, folded.to_src
    for m in re.finditer(r"\S+", text):
        raw = m.group()
        # Strip punctuation at the edges of the word; keep leet symbols inside or at the end.
        lo, hi = 0, len(raw)
        while lo < hi and not (raw[lo].isalnum() or raw[lo] in "@$"):
            lo += 1
        while hi > lo and not (raw[hi - 1].isalnum() or raw[hi - 1] in "@$!|"):
            hi -= 1
        if lo >= hi:
            words.append(("", []))  # a lone punctuation token: keeps single-letter runs joinable
            continue
        core = raw[lo:hi]
        leeted = _leet(core)
        chars, offs = [], []
        for i, c in enumerate(leeted):
            if c.isalnum():
                chars.append(c)
                offs.append(src[m.start() + lo + i])
            elif c in GLUE:
                continue  # glued punctuation inside a word disappears
            else:
                chars.append(" ")
                offs.append(src[m.start() + lo + i])
        words.append(("".join(chars), offs))
    out_chars: list[str] = []
    out_offs: list[int] = []
    i = 0
    while i < len(words):
        w, o = words[i]
        if len(w) == 1:
            # Join a run of single letters, skipping lone punctuation tokens between them.
            run_c, run_o, j, singles = [], [], i, 0
            while j < len(words) and (len(words[j][0]) == 1 or words[j][0] == ""):
                if words[j][0]:
                    run_c.append(words[j][0])
                    run_o.extend(words[j][1])
                    singles += 1
                j += 1
            while j > i and words[j - 1][0] == "":
                j -= 1
            if singles >= 3:
                out_chars.extend(run_c + [" "])
                out_offs.extend(run_o + [run_o[-1]])
                i = j
                continue
        if w:
            out_chars.extend(list(w) + [" "])
            out_offs.extend(o + [o[-1]])
        i += 1
    return _squash_spaces(out_chars, out_offs, folded.length)


def compact(text: str) -> str:
    """Letters and digits only, folded: the form marks are compared in (``Ray-Ban`` -> ``rayban``)."""
    return "".join(c for c in fold(text).text if c.isalnum())


def words(text: str) -> list[str]:
    """Folded alphanumeric words of ``text`` (``Ray-Ban`` -> ``["ray", "ban"]``)."""
    return plain_reading(fold(text)).text.split()
