"""Find the phrases of a title that are live marks of the official register (``check --register``).

The register (``register_marks`` in the store, filled by ``listguard register import``) holds
millions of word marks. What a check needs of it fits in two arrays, the :class:`RegisterIndex`:
a 64-bit key of each live mark's folded words (:func:`compliance.store.schema.mark_key`) and
the Nice classes of the live marks with that key, as a bit mask. It is built once from the store
and kept in the disk cache (:mod:`compliance.cache`) under the register's content state (its
imports and counts), so a second run over a million marks starts in a fraction of a second.
The marks' rows (serial, owner, status, classes) are read from the store only for the few
phrases a rule reports.

Which phrases are compared (:class:`RegisterMatcher`): in the title, runs of one to
:data:`MAX_WORDS` words: those in brand position (the title's first words, after a sales banner
such as "【COD】" and openers such as "New") and the capitalised ones, that is every run not
written in lower case where the title uses letter case; a title all in one case (all lower, all
upper) has no capitalised phrases, so only its brand position is compared. Words with digits are
model numbers, not names, and break a phrase. A phrase whose mark is registered only in classes
the listing's product is not in is no candidate. Each span says how the phrase is written
(:class:`Writing`), where it stands (:class:`Position`) and whether it is an everyday phrase
(every word common in one of the seed's languages, or in English's wider vocabulary): the rule
decides from those.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import Iterator, NamedTuple

from ..classes import classes_of
from ..normalize import words as folded_words
from . import Span
from .marks import WordSet, english_words, is_common_word

MAX_WORDS = 6  # longer register marks are slogans; a title is not searched for them
ONE_CASE_WORDS = 16  # words read of a title in one case: its openers and brand position fit in them
MIN_LETTERS = 3  # "TV", "XL", "HD": abbreviations, registered by many, names of none
# Words that open a title before its brand ("New Acme ...", "Genuine OEM Acme ...").
OPENERS = frozenset("new brand genuine original authentic official oem the all".split())
# Small words a capitalised name may hold in lower case ("Bed of Roses", "Salt and Pepper").
JOINING = frozenset("of and the for in on to a an de la le du".split())
TRADEMARK_SIGNS = ("®", "™", "(r)", "(tm)", "(R)", "(TM)")
NICE_BITS = 46  # bit n is Nice class n (1-45)
# A word English uses about once in four million words or more ("burlap", "extendable", "zirconia")
# is a word of the language, not a name: the register holds such words as marks by the hundred
# thousand, and brands used that often in writing are the famous ones the curated lists hold.
VOCABULARY_ZIPF = 2.4


class Position(Enum):
    """Where a phrase stands in the title."""

    BRAND = "brand position"   # the title's first words, after a sales banner and openers only
    TITLE = "in the title"


class Writing(Enum):
    """What the phrase's letters say about it."""

    NAME = "written as a name"       # ® or ™ after it, capitals amid lower-case words, or ALL CAPS amid mixed case
    UNMARKED = "case says nothing"   # a title all in one case, Title Case, or a sentence's first word
    WORD = "written as a word"       # lower case in a title that uses capitals


class EmptyRegister(Exception):
    """The store holds no live register marks."""


def class_mask(classes) -> int:
    mask = 0
    for c in classes:
        if 0 < int(c) < NICE_BITS:
            mask |= 1 << int(c)
    return mask


def parse_classes(text: str | None) -> tuple[int, ...]:
    """``9|25`` -> (9, 25); anything that is not a class number is left out."""
    return tuple(sorted({int(p) for p in (text or "").split("|") if p.strip().isdigit()}))


def phrase_key(key: str) -> int:
    """The 64-bit key of a mark's folded words, the same in every process and every run."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class RegisterMark:
    """One register row, in the shape the seller's-brand tests read (``names``, ``owner``, ``term``)."""

    serial: str
    registration: str
    mark: str
    owner: str
    status: str
    classes: tuple[int, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.mark,)

    @property
    def term(self) -> str:
        return self.mark

    @property
    def number(self) -> str:
        """How a reviewer looks it up: the registration number, else the application's serial."""
        return f"reg. {self.registration}" if self.registration else f"serial {self.serial}"


def register_state(db) -> tuple:
    """What identifies the register's content: every import's row, and the live and total counts
    (tables filled another way change the counts). The index is cached under it."""
    imports = [tuple(r) for r in db.execute(
        "SELECT id, sha256, layout, records_done, marks, finished_at FROM register_imports ORDER BY id").fetchall()]
    total, last = db.execute("SELECT COUNT(*), MAX(rowid) FROM register_marks").fetchone()
    live = db.execute("SELECT COUNT(*) FROM register_marks WHERE status = 'live'").fetchone()[0]
    return tuple(imports), total, last, live


class RegisterIndex:
    """The live marks' keys, sorted, and per key the bit mask of their Nice classes."""

    def __init__(self, keys, masks, max_words: int, marks: int):
        self.keys = keys
        self.masks = masks
        self.max_words = max_words
        self.marks = marks

    @classmethod
    def build(cls, rows) -> "RegisterIndex":
        """From (mark_key, classes) rows of live marks."""
        import numpy as np

        keys: list[int] = []
        masks: list[int] = []
        longest = 1
        for key, classes in rows:
            n = key.count(" ") + 1
            if not key or n > MAX_WORDS:
                continue
            longest = max(longest, n)
            keys.append(phrase_key(key))
            masks.append(class_mask(parse_classes(classes)) or (1 << NICE_BITS) - 2)  # no classes: any goods
        k = np.array(keys, dtype=np.uint64)
        m = np.array(masks, dtype=np.uint64)
        order = np.argsort(k, kind="stable")
        k, m = k[order], m[order]
        if len(k):
            starts = np.flatnonzero(np.concatenate(([True], k[1:] != k[:-1])))
            k, m = k[starts], np.bitwise_or.reduceat(m, starts)
        return cls(k, m, longest, len(keys))

    def __len__(self) -> int:
        return len(self.keys)

    def lookup(self, keys: list[int]) -> list[int]:
        """Per key, the class mask of the live marks that have it (0: none)."""
        import numpy as np

        probes = np.array(keys, dtype=np.uint64)
        at = np.searchsorted(self.keys, probes)
        at[at >= len(self.keys)] = 0
        found = self.keys[at] == probes
        return np.where(found, self.masks[at], 0).tolist()


def load_index(db, path: Path, state: tuple | None = None) -> RegisterIndex:
    """The index of the store's live marks, from the disk cache when the register is unchanged."""
    from ..cache import fingerprint, load_or_build
    from ..store import schema

    state = register_state(db) if state is None else state
    if not state[3]:
        raise EmptyRegister(str(path))
    key = fingerprint("register-index", state, str(path.resolve()), sources=(__file__, schema.__file__))

    def build() -> RegisterIndex:
        rows = db.execute("SELECT mark_key, classes FROM register_marks WHERE status = 'live'")
        return RegisterIndex.build(rows)

    return load_or_build("register", key, build)


class Word(NamedTuple):
    text: str    # folded
    raw: str     # as written
    start: int   # raw offsets in the title
    end: int


class TitleCase(Enum):
    """How a title uses letter case, which decides what a capital says."""

    ONE_CASE = "one case"    # all lower or all upper: capitals say nothing
    TITLE = "title case"     # most words capitalised: a capital says nothing
    SENTENCE = "sentence"    # most words in lower case: a capital marks a name


def title_case(words: list[Word]) -> TitleCase:
    letters = [w for w in words if w.raw[:1].isalpha()]
    raw = "".join(w.raw for w in letters)
    if raw.islower() or raw.isupper() or not raw:
        return TitleCase.ONE_CASE
    content = [w for w in letters if w.text not in JOINING] or letters
    capitalised = sum(w.raw[:1].isupper() for w in content)
    return TitleCase.TITLE if capitalised * 10 >= len(content) * 6 else TitleCase.SENTENCE


def _all_caps(raw: str) -> bool:
    return sum(c.isalpha() for c in raw) >= 2 and raw.isupper()


def _caps_for_emphasis(words: list[Word], j: int) -> bool:
    """"CAR RETRACTABLE CLEANING BRUSH Air Con ...": capitals running on past the phrase set the
    title's opening words off, as sellers do; they do not make its first word a name."""
    return j < len(words) and _all_caps(words[j].raw)


def _acronym(phrase: list[Word]) -> bool:
    """"LED Moon Lamp", "DVD English Cartoon": a word of three letters or fewer is written in
    capitals as an abbreviation, its ordinary form."""
    return len(phrase) == 1 and len(phrase[0].text) <= 3


def writing(words: list[Word], i: int, j: int, case: TitleCase, raw: str, first: int = 0) -> Writing:
    """How words[i:j] are written, read against the title's use of case; ``first`` is the word that
    starts the title's text, after any sales banner (its capital is a sentence's)."""
    if raw[words[j - 1].end:].lstrip().startswith(TRADEMARK_SIGNS):
        return Writing.NAME
    phrase = words[i:j]
    if _has_lower_case_word(phrase) and case is not TitleCase.ONE_CASE:
        return Writing.WORD
    if case is TitleCase.ONE_CASE:
        return Writing.UNMARKED
    if _capitals_amid_mixed_case(words, phrase, j):
        return Writing.NAME  # "COMFORT insoles"
    if case is TitleCase.SENTENCE and (i > first or j - i > 1):
        return Writing.NAME  # "memory foam Comfort insoles", "Best Friends dog bed": not a sentence's capital
    return Writing.UNMARKED


def _has_lower_case_word(phrase: list[Word]) -> bool:
    """A word of the phrase starts in lower case (a joining word may: "Bed of Roses")."""
    return any(w.raw[:1].islower() and w.text not in JOINING for w in phrase)


def _capitals_amid_mixed_case(words: list[Word], phrase: list[Word], j: int) -> bool:
    """The phrase is in capitals where most of the title is not, and they neither run on past
    it for emphasis nor make an abbreviation."""
    caps = sum(_all_caps(w.raw) for w in words)
    return all(_all_caps(w.raw) or w.text in JOINING for w in phrase) and caps * 2 < len(words) \
        and not _caps_for_emphasis(words, j) and not _acronym(phrase)


def vocabulary() -> WordSet:
    """English words at :data:`VOCABULARY_ZIPF` or more in wordfreq's large list."""
    return english_words(VOCABULARY_ZIPF)


class RegisterMatcher:
    """Spans of kind ``register`` in the title: phrases that are live marks in the listing's classes."""

    name = "register"

    def __init__(self, path: Path, index: RegisterIndex):
        self.path = Path(path)
        self.index = index
        self.version = ""  # a hash of the register's content state: what a run's history records
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._common: dict[str, bool] = {}

    @classmethod
    def from_store(cls, path: Path) -> "RegisterMatcher":
        """Open the store at ``path`` read-only and load (or build and cache) the index."""
        conn = _connect(path)
        try:
            state = register_state(conn)
            index = load_index(conn, path, state)
        finally:
            conn.close()
        matcher = cls(path, index)
        matcher.version = hashlib.sha256(repr(state).encode()).hexdigest()[:16]
        return matcher

    def __getstate__(self):
        # A worker process opens its own connection: one must not cross a fork.
        return {**self.__dict__, "_conn": None, "_pid": 0}

    # -- the store's rows --------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            self._conn, self._pid = _connect(self.path), os.getpid()
        return self._conn

    LIMIT = 500  # rows read per phrase: a word registered by more owners than this is reviewed by its first ones

    def marks(self, key: str, classes: frozenset[int]) -> list[RegisterMark]:
        """The live marks with folded words ``key`` whose classes overlap ``classes`` (all when empty),
        registered ones first."""
        rows = self._db().execute(
            "SELECT serial, registration, mark, owner, status, classes FROM register_marks "
            "WHERE mark_key = ? AND status = 'live' ORDER BY registration IS NULL, serial LIMIT ?",
            (key, self.LIMIT)).fetchall()
        found = []
        for serial, registration, mark, owner, status, text in rows:
            mark_classes = parse_classes(text)
            if classes and mark_classes and not classes.intersection(mark_classes):
                continue
            found.append(RegisterMark(serial, registration or "", mark, owner or "", status, mark_classes))
        return found

    # -- spans -------------------------------------------------------------------------
    def everyday(self, words: tuple[str, ...]) -> bool:
        """Every word of the phrase is an everyday word: common in one of the seed's languages
        (:func:`~compliance.matchers.marks.is_common_word`), or in English's wider vocabulary."""
        return all(self._common_word(w) for w in words)

    def _common_word(self, word: str) -> bool:
        found = self._common.get(word)
        if found is None:
            if len(self._common) > 100_000:
                self._common.clear()
            found = self._common[word] = is_common_word(word) or word in vocabulary()
        return found

    def find(self, listing) -> list[Span]:
        field = listing.fields.get("title")
        if field is None or not self.index:
            return []
        raw = field.raw
        # A title in one case is compared at its brand position only: its first words are enough.
        words = _title_words(field, ONE_CASE_WORDS if raw.islower() or raw.isupper() else None)
        case = title_case(words)
        candidates = list(self._phrases(words, case, raw))
        if not candidates:
            return []
        masks = self.index.lookup([phrase_key(key) for _, _, key in candidates])
        if not any(masks):
            return []
        return self._spans(listing, words, case, raw, candidates, masks)

    def _spans(self, listing, words: list[Word], case: TitleCase, raw: str,
               candidates: list[tuple[int, int, str]], masks: list[int]) -> list[Span]:
        """Spans of the candidate phrases that are live marks in the listing's classes (in any
        class when the listing's classes are unknown)."""
        classes = classes_of(listing)
        wanted = class_mask(classes)
        spans = []
        brand_at = _brand_position(words, raw)
        after = _banner_end(raw)
        first = next((k for k, w in enumerate(words) if w.start >= after), 0)
        for (i, j, key), mask in zip(candidates, masks):
            if not mask or (wanted and not mask & wanted):
                continue
            start, end = words[i].start, words[j - 1].end
            spans.append(Span("register", "title", start, end, raw[start:end], label=key, data={
                "key": key, "classes": classes,
                "position": Position.BRAND if i == brand_at else Position.TITLE,
                "writing": writing(words, i, j, case, raw, first),
                "everyday": self.everyday(tuple(w.text for w in words[i:j])), "register": self}))
        return spans

    def _phrases(self, words: list[Word], case: TitleCase, raw: str) -> Iterator[tuple[int, int, str]]:
        """(i, j, key) of every phrase words[i:j] compared with the register."""
        names = [_name_word(w, case) for w in words]
        longest = min(self.index.max_words, MAX_WORDS)
        # A title all in one case has no capitalised phrases: only its brand position is compared.
        firsts = [_brand_position(words, raw)] if case is TitleCase.ONE_CASE else range(len(words))
        for i in firsts:
            if not names[i] or words[i].text in JOINING:
                continue
            key = ""
            for j in range(i, min(len(words), i + longest)):
                if not names[j]:
                    break
                key = f"{key} {words[j].text}" if key else words[j].text
                if words[j].text in JOINING or len(key) - key.count(" ") < MIN_LETTERS:
                    continue
                yield i, j + 1, key


def _name_word(word: Word, case: TitleCase) -> bool:
    """A word that may belong to a name: letters only, and not lower case where case counts
    (a joining word may be: "Bed of Roses")."""
    if not word.text.isalpha():
        return False
    return case is TitleCase.ONE_CASE or not word.raw[:1].islower() or word.text in JOINING


def _brand_position(words: list[Word], raw: str) -> int:
    """Index of the title's first word after a leading sales banner and openers ("New", "Genuine")."""
    after = _banner_end(raw)
    for k, w in enumerate(words):
        if w.start >= after and w.text not in OPENERS:
            return k
    return 0


BRACKETS = {"[": "]", "【": "】", "(": ")", "（": "）", "{": "}", "「": "」", "<": ">"}
BANNER_CHARS = 40  # a banner is short: "【COD】", "PROMOTION⭐", "✨FAST SHIPPING✨"


def _banner_end(raw: str) -> int:
    """Where a sales banner leading the title ends, else 0. A banner is a few words in brackets
    ("【COD】", "[PRE ORDER]") or set off by pictographs ("PROMOTION⭐", "✨FAST SHIPPING✨"):
    a shop's call to buy, not the product's brand, so the brand position follows it."""
    head = raw[:BANNER_CHARS * 2]
    stripped = head.lstrip()
    at = len(head) - len(stripped)
    close = BRACKETS.get(stripped[:1])
    if close:
        end = stripped.find(close, 1, BANNER_CHARS)
        return at + end + 1 if end > 0 else 0
    seen_letter = False
    for i, ch in enumerate(stripped[:BANNER_CHARS]):
        if ch.isalnum():
            seen_letter = True
        elif seen_letter and unicodedata.category(ch) == "So" and ch not in "®™©":  # those mark a name
            return at + i + 1
    return 0


_WORD = re.compile(r"[^\W_]+")  # a word as compliance.normalize reads it


def _title_words(field, limit: int | None = None) -> list[Word]:
    """The title's words, folded as register marks are (:func:`compliance.store.schema.mark_key`),
    with their raw text; the first ``limit`` only, when given. ™ and ® end a word here, as they
    do on a label ("Comfort™" is the name Comfort), where folding alone would read "comforttm"."""
    raw = field.raw
    found = []
    for m in islice(_WORD.finditer(raw), limit):
        token = m.group()
        text = token.lower() if token.isascii() else "".join(folded_words(token))
        if text:
            found.append(Word(text, token, m.start(), m.end()))
    return found


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)


def open_register(path: Path | None = None) -> RegisterMatcher:
    """The register matcher over the store at ``path`` (default: the store's usual place); a store
    that is missing or holds no live marks is a :class:`~compliance.store.db.StoreError` saying to
    import the register."""
    from ..store.db import StoreError, open_store, store_path

    target = Path(path) if path is not None else store_path()
    todo = "run 'listguard register import FILE' first"
    if not target.exists():
        raise StoreError(f"{target}: no store yet, so no register to check against; {todo}")
    open_store(target, create=False).conn.close()  # refuses a newer store; brings an older one up to date
    try:
        return RegisterMatcher.from_store(target)
    except EmptyRegister:
        raise StoreError(f"{target}: the register holds no live marks; {todo}") from None
