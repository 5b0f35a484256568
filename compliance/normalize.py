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

import hashlib
import json
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from itertools import accumulate

ZERO_WIDTH = frozenset("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff")
# Latin letters with a stroke or ligatures, which Unicode does not decompose into a letter and an
# accent: folded as the letters they carry ("RØDE" is Rode, "Łódź" Lodz), as accents are.
STROKED = {"ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ı": "i", "ð": "d", "þ": "th", "æ": "ae",
           "œ": "oe"}
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}
GLUE = frozenset(".-_*·'’`~+/\\")
# Digits followed by a unit are measurements, never leetspeak (20000mAh, 60W, 6ft, 1080P, 4K).
_MEASURE = re.compile(r"^\d+(?:[.,]\d+)?[a-z]{1,5}$")


@lru_cache(maxsize=1)
def confusable_map() -> dict[str, str]:
    """Non-Latin characters that look like an ASCII letter or digit, from Unicode's confusables data
    (a large JSON file: the table drawn from it is kept in the disk cache)."""
    from .cache import fingerprint, load_or_build

    source = resources.files("confusable_homoglyphs").joinpath("confusables.json")
    data = source.read_bytes()
    return load_or_build("confusables", fingerprint(hashlib.sha256(data).hexdigest(), sources=(__file__,)),
                         lambda: _confusables(data))


def _confusables(data: bytes) -> dict[str, str]:
    table = {}
    for ch, glyphs in json.loads(data).items():
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
    offsets. ``segments`` may be a function that builds them: most readings are searched
    and never mapped back, so their map is only built when a match asks for it.
    """

    __slots__ = ("text", "length", "_map")

    def __init__(self, text: str, length: int, segments=None):
        self.text = text
        self.length = length  # of the source text
        # (reading starts, source starts, {segment: explicit offsets}), or a function that builds it.
        self._map = segments if segments is not None else ([0], [0], None)

    def _segments(self):
        if callable(self._map):
            self._map = self._map()
        return self._map

    def in_place(self) -> bool:
        """Whether every character sits at its own source offset (ASCII text folded)."""
        starts, srcs, explicit = self._segments()
        return len(starts) == 1 and not explicit and srcs[0] == 0

    def src_index(self, i: int) -> int:
        starts, srcs, explicit = self._segments()
        k = bisect_right(starts, i) - 1
        if explicit:
            offsets = explicit.get(k)
            if offsets is not None:
                return offsets[i - starts[k]]
        return srcs[k] + (i - starts[k])

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
        if not self.segments:
            return Reading("".join(self.parts), length)
        explicit = {k: offsets for k, (_, _, offsets) in enumerate(self.segments) if offsets is not None}
        return Reading("".join(self.parts), length, ([seg[0] for seg in self.segments],
                                                     [seg[1] for seg in self.segments], explicit))


def _fold_char(ch: str, confusables: dict[str, str] | None) -> str:
    if ch in ZERO_WIDTH:
        return ""
    out = unicodedata.normalize("NFKC", ch)
    if confusables is not None:
        out = "".join(confusables.get(c, c) for c in out)
    out = out.casefold()
    if not out.isascii():
        out = "".join(STROKED.get(c, c) for c in unicodedata.normalize("NFD", out) if not unicodedata.combining(c))
    return out


@lru_cache(maxsize=1 << 16)
def _latinish(token: str) -> bool:
    """A word whose letters are Latin, or look-alikes of Latin: fold its look-alikes (once per
    word: catalogs repeat their words)."""
    confusables = confusable_map()
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return False
    has_latin = any(c.isascii() or unicodedata.normalize("NFKC", c).isascii() for c in letters)
    return has_latin or all(c in confusables for c in letters)


_TOKEN = re.compile(r"\S+|\s+")


def _among_own_script(tokens, n: int) -> bool:
    """A word of look-alike letters only ("АТАКА", "НА") beside a word of its own script that is
    no look-alike ("Брелок АТАКА НА ТИТАНОВ"): a word of that language in capitals, not a
    disguised Latin one; beside Latin words ("АDIDAS shoes") it stays a disguise."""
    for k in (n - 2, n + 2):  # the words before and after (tokens alternate with spaces)
        if 0 <= k < len(tokens) and _plainly_non_latin(tokens[k].group()):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def _plainly_non_latin(token: str) -> bool:
    confusables = confusable_map()
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and not any(c.isascii() for c in letters) and any(c not in confusables for c in letters)


def fold(text: str) -> Reading:
    """Case-, width-, diacritic- and look-alike-folded ``text`` with its offset map."""
    if text.isascii():
        return Reading(text.lower(), len(text))
    out = _Builder()
    tokens = list(_TOKEN.finditer(text))
    for n, m in enumerate(tokens):
        token = m.group()
        base = m.start()
        if token.isascii():
            out.copy(token.lower(), base)
            continue
        latin = _latinish(token) and not _among_own_script(tokens, n)
        folded, relative = _fold_token(token, latin)
        out.place(folded, [base + i for i in relative])
    return out.build(len(text))


@lru_cache(maxsize=1 << 16)
def _fold_token(token: str, latin: bool) -> tuple[str, tuple[int, ...]]:
    """A non-ASCII word folded, with each folded character's offset in the word: catalogs repeat
    their words, so each is folded once (look-alikes folded only in a Latin-looking word)."""
    table = confusable_map() if latin else None
    chars, offsets = [], []
    for i, ch in enumerate(token):
        for c in _fold_char(ch, table):
            chars.append(c)
            offsets.append(i)
    return "".join(chars), tuple(offsets)


def disguised(source: str) -> bool:
    """Whether ``source`` hides Latin letters behind look-alikes, full-width forms or zero-width characters."""
    if source.isascii():
        return False
    confusables = confusable_map()
    for token in source.split():
        latin = _latinish(token)
        for ch in token:
            if ch in ZERO_WIDTH or (latin and ch in confusables):
                return True
            if not ch.isascii() and ch.isalnum() and unicodedata.normalize("NFKC", ch).isascii():
                return True
    return False


_WORD = re.compile(r"[^\W_]+")
_ASCII_PUNCT = "".join(chr(c) for c in range(128) if not chr(c).isalnum() and not chr(c).isspace())
_LEFT_EDGE = _ASCII_PUNCT.translate({ord(c): None for c in "@$"})
_RIGHT_EDGE = _ASCII_PUNCT.translate({ord(c): None for c in "@$!|"})
_CHUNK = re.compile(r"\S+")


def _segment_starts(lengths) -> list[int]:
    """Where the segments of " w1 w2 ... " start: the leading space, then each word (words of
    ``lengths``; a word's segment also covers the space after it)."""
    starts = [0]
    starts.extend(accumulate((n + 1 for n in lengths), initial=1))
    starts.pop()  # the position after the last word starts nothing
    return starts


def _spaced_segments(words) -> tuple:
    """The offset map of " w1 w2 ... " from ``(text, source_start, offsets)`` words; the leading
    space maps to 0."""
    srcs = [0]
    srcs.extend([w[1] for w in words])
    explicit = {0: [0]}
    for k, w in enumerate(words, 1):
        if w[2] is not None:
            explicit[k] = w[2] + [w[2][-1] + 1]
    return _segment_starts(len(w[0]) for w in words), srcs, explicit


def _plain_segments(text: str, found: list[str]) -> tuple:
    """:func:`_spaced_segments` of text folded in place, whose words ``found`` sit at their own offsets."""
    srcs = [0]
    srcs.extend([m.start() for m in _WORD.finditer(text)])
    return _segment_starts(map(len, found)), srcs, {0: [0]}


def _spaced(words, length: int) -> Reading:
    """Join ``(text, source_start, offsets)`` words with single spaces, padded: " a b c ".

    Each word's segment also covers the space after it, which maps to the source character
    right after the word.
    """
    return Reading(" " + " ".join(w[0] for w in words) + " " if words else " ",
                   length, lambda: _spaced_segments(words))


def _to_source(folded: Reading, start: int, end: int):
    """(source start, None) when folded[start:end] was copied in order, else explicit offsets."""
    if folded.in_place():
        return start, None  # ASCII text folds in place
    starts, srcs, explicit = folded._segments()
    k = bisect_right(starts, start) - 1
    if k == len(starts) - 1 or end <= starts[k + 1]:
        # Within one segment (a folded word is one): its offsets are a slice, not a search per character.
        placed = explicit.get(k) if explicit else None
        if placed is None:
            return srcs[k] + (start - starts[k]), None
        offsets = placed[start - starts[k]:end - starts[k]]
    else:
        offsets = [folded.src_index(j) for j in range(start, end)]
    first = offsets[0]
    if offsets[-1] - first == end - 1 - start and all(b - a == 1 for a, b in zip(offsets, offsets[1:])):
        return first, None
    return first, offsets


def plain_reading(folded: Reading) -> Reading:
    """Every run of letters and digits, joined by single spaces."""
    text = folded.text
    if folded.in_place():
        # The common case, done at C speed; the offset map is built only if a match needs it.
        found = _WORD.findall(text)
        return Reading(" " + " ".join(found) + " " if found else " ", folded.length,
                       lambda: _plain_segments(text, found))
    words = []
    for m in _WORD.finditer(text):
        src, offsets = _to_source(folded, m.start(), m.end())
        words.append((m.group(), src, offsets))
    return _spaced(words, folded.length)


_LEET_TABLE = str.maketrans(LEET)
_LETTER = re.compile(r"[^\W\d_]")


def _leet(word: str) -> str:
    leeted = word.translate(_LEET_TABLE)
    if leeted == word or not _LETTER.search(word) or _MEASURE.match(word):
        return word
    return leeted


# An ASCII chunk that is not one plain word with punctuation at its edges ("Safe", "(model",
# "seconds."): only those (DL-59256, G.U.C.C.I, N1ke, it's) go through the per-chunk reading;
# the words between them are found at C speed. Linear: the parts of the pattern never overlap.
_SINGLE_RUN = re.compile(r"(?<!\S)\S \S \S(?!\S)")  # three one-character words in a row
_OTHER_CHUNK = re.compile(r"(?<!\S)(?![^\sA-Za-z0-9@$]*(?:[A-Za-z]+|[0-9]+)[^\sA-Za-z0-9@$!|]*(?!\S))\S+")


def evasion_reading(folded: Reading) -> Reading:
    """The reading that undoes common evasions; see the module docstring."""
    text = folded.text
    words: list[tuple[str, int, list[int] | None]] = []  # ("", ...) marks a lone punctuation chunk
    if folded.in_place():
        # Most of the text is plain words: their strings come from C, their offsets only if a match
        # needs them. ``items`` keeps, in order, plain stretches (start, end) and the words of the others.
        parts: list[str] = []
        items: list = []
        pos = 0
        for m in _OTHER_CHUNK.finditer(text):
            if m.start() > pos:
                parts.extend(_WORD.findall(text, pos, m.start()))
                items.append((pos, m.start()))
            chunk: list = []
            _chunk_words(folded, True, m, chunk)
            chunk = [w for w in chunk if w[0]]
            parts.extend(w[0] for w in chunk)
            items.append(chunk)
            pos = m.end()
        parts.extend(_WORD.findall(text, pos))
        items.append((pos, len(text)))

        def placed():
            out = []
            for item in items:
                if isinstance(item, tuple):
                    out.extend([(w.group(), w.start(), None) for w in _WORD.finditer(text, item[0], item[1])])
                else:
                    out.extend(item)
            return out

        def segments():
            srcs, explicit = [0], {0: [0]}
            for item in items:
                if isinstance(item, tuple):
                    srcs.extend([w.start() for w in _WORD.finditer(text, item[0], item[1])])
                    continue
                for _, src, offsets in item:
                    srcs.append(src)
                    if offsets is not None:
                        explicit[len(srcs) - 1] = offsets + [offsets[-1] + 1]
            return _segment_starts(map(len, parts)), srcs, explicit

        joined = " ".join(parts)
        if not _SINGLE_RUN.search(joined):
            return Reading(" " + joined + " " if parts else " ", folded.length, segments)
        return _join_single_letters(placed(), folded.length)
    for m in _CHUNK.finditer(text):
        _chunk_words(folded, False, m, words)
    return _join_single_letters(words, folded.length)


def _chunk_words(folded: Reading, in_place: bool, m, words: list) -> None:
    """The evasion reading's words of one whitespace-separated chunk ``m``, appended to ``words``."""
    raw = m.group()
    if raw.isalpha() or raw.isdigit():
        if in_place:
            words.append((raw, m.start(), None))
        else:
            src, offsets = _to_source(folded, m.start(), m.end())
            words.append((raw, src, offsets))
        return
    # Strip punctuation at the edges of the word; keep leet symbols inside or at the end.
    if raw.isascii():
        core = raw.lstrip(_LEFT_EDGE)
        lo = len(raw) - len(core)
        core = core.rstrip(_RIGHT_EDGE)
        hi = lo + len(core)
    else:
        lo, hi = _unicode_core_bounds(raw)
    if lo >= hi:
        words.append(("", 0, None))
        return
    core = raw[lo:hi]
    leeted = _leet(core)
    base = m.start() + lo
    if leeted is core and GLUE.isdisjoint(core):
        # No leetspeak and nothing glued: the word splits at its punctuation, as in the plain reading.
        for w in _WORD.finditer(core):
            if in_place:
                words.append((w.group(), base + w.start(), None))
            else:
                src, offsets = _to_source(folded, base + w.start(), base + w.end())
                words.append((w.group(), src, offsets))
        return
    _glued_or_leet_words(folded, in_place, leeted, base, words)


def _unicode_core_bounds(raw: str) -> tuple[int, int]:
    """Where the word inside a non-ASCII chunk starts and ends: punctuation at its edges left
    out, leet symbols kept (``@``/``$`` at the start, ``@ $ ! |`` at the end)."""
    lo, hi = 0, len(raw)
    while lo < hi and not (raw[lo].isalnum() or raw[lo] in "@$"):
        lo += 1
    while hi > lo and not (raw[hi - 1].isalnum() or raw[hi - 1] in "@$!|"):
        hi -= 1
    return lo, hi


def _glued_or_leet_words(folded: Reading, in_place: bool, leeted: str, base: int, words: list) -> None:
    """The words of a chunk core written in leetspeak or glued with punctuation (``G.U.C.C.I``,
    ``N1ke``), its leet folded and glue removed, appended to ``words`` with explicit offsets
    (``base`` is where the core starts in the folded text)."""
    piece, offs = [], []
    for i, c in enumerate(leeted):
        if c.isalnum():
            piece.append(c)
            offs.append(base + i if in_place else folded.src_index(base + i))
        elif c in GLUE:
            continue  # glued punctuation inside a word disappears
        elif piece:
            words.append(("".join(piece), 0, offs))
            piece, offs = [], []
    if piece:
        words.append(("".join(piece), 0, offs))


def _join_single_letters(words: list, length: int) -> Reading:
    """Runs of three or more single letters become one word (N I K E); lone punctuation between
    them does not break the run."""
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
                offsets: list[int] = []
                for _, src, offs in letters:
                    offsets.extend(offs if offs is not None else [src])
                joined.append(("".join(t for t, _, _ in letters), 0, offsets))
                i = j
                continue
        if w:
            joined.append(words[i])
        i += 1
    return _spaced(joined, length)


_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=30_000)
def compact(text: str) -> str:
    """Letters and digits only, folded: the form marks are compared in (``Ray-Ban`` -> ``rayban``)."""
    return _NOT_ALNUM.sub("", fold(text).text)


def own_script_words(text: str) -> list[str]:
    """Folded words of a name written in a script of its own ("Сега", "Асус"), its letters kept:
    a word of look-alike letters alone folds to Latin ("cera"), as a disguise in a Latin title would,
    while the name is written among words of its own script."""
    return _WORD.findall(_fold_token(text, False)[0])


def words(text: str) -> list[str]:
    """Folded alphanumeric words of ``text`` (``Ray-Ban`` -> ``["ray", "ban"]``)."""
    return plain_reading(fold(text)).text.split()
