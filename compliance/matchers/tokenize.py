"""English tokens and token patterns for the context step, without loading spaCy.

The context step reads the words around each mark with token patterns (``patterns/context.jsonl``,
written in spaCy's Matcher syntax). Loading spaCy for that takes over a second on every run, most
of a small check's start-up. This module gives the same tokens and the same matches from spaCy's
own English rules, exported once to ``patterns/tokenizer_en.json`` (prefixes, suffixes, infixes,
the URL pattern and the special cases such as "can't" or "U.S."; spaCy is MIT-licensed):

* :class:`Tokenizer` follows spaCy's algorithm (``Tokenizer.explain`` and the special-case pass);
* :class:`Doc`, :class:`Token` and :class:`Span` carry the attributes the context step reads;
* :class:`Matcher` matches the subset of the pattern syntax the patterns use (``LOWER``, ``ORTH``,
  ``ENT_TYPE``; ``IN``; the operators ``?`` and ``+``), returning every match as spaCy does.

spaCy stays the reference: ``tests/test_tokenize.py`` checks that both give the same tokens,
and the context step the same readings, on generated and real text, and that the exported rules
are those of the installed spaCy (``python -m compliance.matchers.tokenize`` re-exports them).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterator, NamedTuple

RULES_FILE = "tokenizer_en.json"


@dataclass(frozen=True)
class Rules:
    prefix_search: Callable[[str], re.Match | None]
    suffix_search: Callable[[str], re.Match | None]
    infix_finditer: Callable[[str], Iterator[re.Match]]
    url_match: Callable[[str], re.Match | None]
    specials: dict[str, tuple[str, ...]]
    matched_specials: frozenset[str]  # special cases found after splitting ("e.g.", ":)")


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = json.loads(resources.files(__package__).joinpath(f"patterns/{RULES_FILE}").read_text("utf-8"))
    return Rules(re.compile(data["prefix"]).search, re.compile(data["suffix"]).search,
                 re.compile(data["infix"]).finditer, re.compile(data["url"]).match,
                 {k: tuple(v) for k, v in data["specials"].items()}, frozenset(data["matched_specials"]))


# English number words, as spaCy's English lexical attributes read them (like_num).
_NUM_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion trillion quadrillion quintillion sextillion septillion octillion "
    "nonillion decillion gajillion bazillion first second third fourth fifth sixth seventh eighth ninth "
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth "
    "hundredth thousandth millionth billionth trillionth quadrillionth quintillionth sextillionth "
    "septillionth octillionth nonillionth decillionth gajillionth bazillionth".split())


def like_num(text: str) -> bool:
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    lower = text.lower()
    return lower in _NUM_WORDS or lower.endswith(("st", "nd", "rd", "th")) and lower[:-2].isdigit()


def is_punct(text: str) -> bool:
    return all(unicodedata.category(c).startswith("P") for c in text)


class Token:
    __slots__ = ("doc", "i", "text", "idx", "whitespace_", "lower_", "ent_type_")

    def __init__(self, doc: "Doc", i: int, text: str, idx: int, space: bool):
        self.doc, self.i, self.text, self.idx = doc, i, text, idx
        self.whitespace_ = " " if space else ""
        self.lower_ = text.lower()
        self.ent_type_ = ""

    def __len__(self) -> int:
        return len(self.text)

    @property
    def is_punct(self) -> bool:
        return is_punct(self.text)

    @property
    def is_space(self) -> bool:
        return self.text.isspace()

    @property
    def like_num(self) -> bool:
        return like_num(self.text)

    @property
    def is_title(self) -> bool:
        return self.text.istitle()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper()

    @property
    def is_lower(self) -> bool:
        return self.text.islower()

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()


@dataclass
class Span:
    doc: "Doc"
    start: int
    end: int
    label_: str = ""

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].idx

    @property
    def end_char(self) -> int:
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char:self.end_char] if self.end > self.start else ""

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Token]:
        return iter(self.doc.tokens[self.start:self.end])

    def __getitem__(self, i: int) -> Token:
        return self.doc.tokens[self.start:self.end][i]


@dataclass
class Doc:
    text: str
    tokens: list[Token] = field(default_factory=list)
    _ents: tuple[Span, ...] = ()

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.tokens))
            return Span(self, start, max(start, stop))
        return self.tokens[key]

    def char_span(self, start: int, end: int, label: str = "", alignment_mode: str = "expand") -> Span | None:
        """The tokens the characters ``start:end`` touch (spaCy's "expand" alignment: a token owns
        its trailing space, and a start in that space begins at the next token)."""
        first, last = self._token_at(start), self._token_at(end - 1)
        if first < 0 or last < 0:
            return None
        token = self.tokens[first]
        if start == token.idx + len(token.text):
            first += 1
        return Span(self, first, last + 1, label)

    def _token_at(self, char: int) -> int:
        lo, hi = 0, len(self.tokens) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            token = self.tokens[mid]
            if char < token.idx:
                hi = mid - 1
            elif char >= token.idx + len(token.text) + len(token.whitespace_):
                lo = mid + 1
            else:
                return mid
        return -1

    @property
    def ents(self) -> tuple[Span, ...]:
        return self._ents

    @ents.setter
    def ents(self, spans) -> None:
        """The entities (the marks), each token of one taking its label, as spaCy's ``ent_type_``."""
        self._ents = tuple(spans)
        for t in self.tokens:
            t.ent_type_ = ""
        for s in self._ents:
            for t in self.tokens[s.start:s.end]:
                t.ent_type_ = s.label_


def filter_spans(spans) -> list[Span]:
    """The longest spans that do not overlap, earlier first on ties (spaCy's filter_spans)."""
    kept: list[Span] = []
    seen: set[int] = set()
    for s in sorted(spans, key=lambda s: (s.end - s.start, -s.start), reverse=True):
        if s.start not in seen and s.end - 1 not in seen:
            kept.append(s)
            seen.update(range(s.start, s.end))
    return sorted(kept, key=lambda s: s.start)


class Tokenizer:
    """spaCy's English tokenizer, from its exported rules."""

    def __init__(self):
        self.rules = rules()

    def __call__(self, text: str) -> Doc:
        return self._doc(text, self._apply_specials(self._split(text), text))

    def _split(self, text: str) -> list[str]:
        out: list[str] = []
        for substring in text.split():
            out += _split_chunk(substring)
        return out

    def _split_word(self, substring: str, specials: bool) -> list[str]:
        """One whitespace-free chunk: prefixes, suffixes, then a special case, a URL or infixes."""
        r = self.rules
        tokens: list[str] = []
        suffixes: list[str] = []
        while substring:
            if specials and substring in r.specials:
                tokens += r.specials[substring]
                substring = ""
                continue
            substring, special = self._strip_affixes(substring, tokens, suffixes, specials)
            if special:
                tokens += r.specials[substring]
            elif substring:
                tokens += self._rest(substring, specials)
            substring = ""
        return tokens + suffixes[::-1]

    def _strip_affixes(self, substring: str, tokens: list[str], suffixes: list[str],
                       specials: bool) -> tuple[str, bool]:
        """Prefixes and suffixes off; (the rest, whether the rest is a special case met between them)."""
        r = self.rules
        while r.prefix_search(substring) or r.suffix_search(substring):
            if specials and substring in r.specials:
                return substring, True
            m = r.prefix_search(substring)
            if m:
                if m.end() == 0:
                    break
                tokens.append(substring[:m.end()])
                substring = substring[m.end():]
                if specials and substring in r.specials:
                    continue
            m = r.suffix_search(substring)
            if m:
                if m.start() == len(substring):
                    break
                suffixes.append(substring[m.start():])
                substring = substring[:m.start()]
        return substring, False

    def _rest(self, substring: str, specials: bool) -> list[str]:
        r = self.rules
        if r.url_match(substring):
            return [substring]
        if specials and substring in r.specials:
            return list(r.specials[substring])
        matches = list(r.infix_finditer(substring))
        if not matches:
            return [substring]
        out: list[str] = []
        offset = 0
        for m in matches:
            if offset == 0 and m.start() == 0:
                continue
            if substring[offset:m.start()]:
                out.append(substring[offset:m.start()])
            if substring[m.start():m.end()]:
                out.append(substring[m.start():m.end()])
            offset = m.end()
        if substring[offset:]:
            out.append(substring[offset:])
        return out

    def _apply_specials(self, words: list[str], text: str) -> list[str]:
        """Special cases that only show after splitting ("e.g." beside a bracket), as spaCy's
        special-case matcher finds them: longest first, where their text is written as one."""
        found = []
        by_first = _specials_by_first_piece()
        for i, word in enumerate(words):
            for key, pieces in by_first.get(word, ()):
                if tuple(words[i:i + len(pieces)]) == pieces:
                    found.append((i, i + len(pieces), key))
        if not found:
            return words
        kept = _filter_special(found)
        starts = _token_starts(words, text)
        out: list[str] = []
        i = 0
        by_start = {s: (e, key) for s, e, key in kept}
        while i < len(words):
            if i in by_start:
                end, key = by_start[i]
                written = text[starts[i]:starts[end - 1] + len(words[end - 1])]
                if written == "".join(self.rules.specials[key]):
                    out += self.rules.specials[key]
                    i = end
                    continue
            out.append(words[i])
            i += 1
        return out

    def _doc(self, text: str, words: list[str]) -> Doc:
        doc = Doc(text)
        pos = 0
        for word in words:
            at = text.index(word, pos)
            if at > pos:
                _add(doc, text[pos:at], pos)
            _add(doc, word, at)
            pos = at + len(word)
            if pos < len(text) and text[pos] == " ":
                doc.tokens[-1].whitespace_ = " "
                pos += 1
        if pos < len(text):
            _add(doc, text[pos:], pos)
        return doc


def _add(doc: Doc, text: str, idx: int) -> None:
    """A token with no trailing space yet: the caller marks the one space it swallows."""
    doc.tokens.append(Token(doc, len(doc.tokens), text, idx, False))


def _filter_special(found):
    """Longest matches first (then the earlier), each kept only where its first and last tokens
    are free of every match looked at before: as spaCy's tokenizer filters special-case matches."""
    seen: set[int] = set()
    kept = []
    for start, end, key in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        if start not in seen and end - 1 not in seen:
            kept.append((start, end, key))
        seen.update(range(start, end))
    return sorted(kept)


def _token_starts(words: list[str], text: str) -> list[int]:
    starts, pos = [], 0
    for word in words:
        pos = text.index(word, pos)
        starts.append(pos)
        pos += len(word)
    return starts


@lru_cache(maxsize=50_000)
def _split_chunk(chunk: str) -> tuple[str, ...]:
    """A whitespace-free chunk's tokens, cached as spaCy's tokenizer caches them (chunks recur)."""
    return tuple(_plain_tokenizer()._split_word(chunk, True))


@lru_cache(maxsize=1)
def _specials_by_first_piece() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    table: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for key in sorted(rules().matched_specials):
        pieces = _affix_pieces(key)
        if pieces:
            table.setdefault(pieces[0], []).append((key, pieces))
    return {k: tuple(v) for k, v in table.items()}


def _affix_pieces(key: str) -> tuple[str, ...]:
    tokenizer = _plain_tokenizer()
    out: list[str] = []
    for chunk in key.split():
        out += tokenizer._split_word(chunk, False)
    return tuple(out)


@lru_cache(maxsize=1)
def _plain_tokenizer() -> Tokenizer:
    return Tokenizer()


class Matcher:
    """Token patterns in spaCy's syntax (the subset ``patterns/context.jsonl`` uses): every match
    of every pattern, as (label, start, end), without duplicates. Each pattern is tried only at
    the tokens its first word can match (indexed by lower-case text, text, or entity type)."""

    def __init__(self):
        self.patterns: list[tuple[str, list[dict]]] = []
        self._compiled: list[tuple[Spec, ...]] = []  # per pattern, its specs as Spec tuples
        self._by_lower: dict[str, list[int]] = {}
        self._by_orth: dict[str, list[int]] = {}
        self._by_ent: dict[str, list[int]] = {}

    def add(self, label: str, patterns: list[list[dict]]) -> None:
        for p in patterns:
            index = len(self.patterns)
            self.patterns.append((label, p))
            self._compiled.append(tuple(_compile(spec) for spec in p))
            for spec in _first_specs(p):
                self._index(spec, index)

    def _index(self, spec: dict, index: int) -> None:
        for key, table in (("LOWER", self._by_lower), ("ORTH", self._by_orth), ("ENT_TYPE", self._by_ent)):
            if key in spec:
                want = spec[key]
                for value in (want["IN"] if isinstance(want, dict) else [want]):
                    table.setdefault(value, []).append(index)
                return

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        seen: set[tuple[str, int, int]] = set()
        tokens = doc.tokens
        by_lower, by_orth, by_ent = self._by_lower, self._by_orth, self._by_ent
        for start, token in enumerate(tokens):
            lower, orth, ent = by_lower.get(token.lower_), by_orth.get(token.text), by_ent.get(token.ent_type_)
            if not (lower or orth or ent):
                continue  # most tokens start no pattern
            for index in sorted(set(lower or ()) | set(orth or ()) | set(ent or ())):
                label = self.patterns[index][0]
                for end in sorted(_ends(self._compiled[index], 0, tokens, start)):
                    if end > start and (label, start, end) not in seen:
                        seen.add((label, start, end))
                        found.append((label, start, end))
        return found


def _first_specs(pattern: list[dict]) -> list[dict]:
    """The specs that may match a match's first token: the first, and after each optional one, the next."""
    out = []
    for spec in pattern:
        out.append(spec)
        if spec.get("OP") != "?":
            break
    return out


class Spec(NamedTuple):
    """One token spec, compiled: its operator and, per attribute it names, the values it accepts."""

    op: str
    lower: frozenset[str] | None
    orth: frozenset[str] | None
    ent: frozenset[str] | None


SPEC_KEYS = frozenset({"LOWER", "ORTH", "ENT_TYPE", "OP"})


def _compile(spec: dict) -> Spec:
    unknown = set(spec) - SPEC_KEYS
    if unknown:
        raise ValueError(f"token pattern key {sorted(unknown)} is not one this matcher reads: {sorted(SPEC_KEYS)}")

    def accepted(key: str) -> frozenset[str] | None:
        want = spec.get(key)
        if want is None:
            return None
        return frozenset(want["IN"]) if isinstance(want, dict) else frozenset((want,))

    return Spec(spec.get("OP", ""), accepted("LOWER"), accepted("ORTH"), accepted("ENT_TYPE"))


def _ends(pattern: tuple[Spec, ...], k: int, tokens: list[Token], i: int) -> set[int]:
    """Where pattern ``pattern[k:]`` can end when matched from token ``i``."""
    if k == len(pattern):
        return {i}
    spec = pattern[k]
    op = spec.op
    out: set[int] = set()
    if op == "?":
        out |= _ends(pattern, k + 1, tokens, i)
    if i < len(tokens) and _fits(spec, tokens[i]):
        out |= _ends(pattern, k + 1, tokens, i + 1)
        if op == "+":
            j = i + 1
            while j < len(tokens) and _fits(spec, tokens[j]):
                out |= _ends(pattern, k + 1, tokens, j + 1)
                j += 1
    return out


def _fits(spec: Spec, token: Token) -> bool:
    return (spec.lower is None or token.lower_ in spec.lower) and (spec.orth is None or token.text in spec.orth) \
        and (spec.ent is None or token.ent_type_ in spec.ent)


def export_rules() -> dict:
    """spaCy's English tokenizer rules as this module reads them (needs spaCy installed)."""
    import spacy

    t: Any = spacy.blank("en").tokenizer
    specials = {k: [d[65] for d in v] for k, v in t.rules.items()}  # 65: ORTH
    matched = sorted(k for k in specials if t.prefix_search(k) or t.suffix_search(k)
                     or list(t.infix_finditer(k)) or " " in k)
    return {"spacy": spacy.__version__, "prefix": t.prefix_search.__self__.pattern,
            "suffix": t.suffix_search.__self__.pattern, "infix": t.infix_finditer.__self__.pattern,
            "url": t.url_match.__self__.pattern, "specials": specials, "matched_specials": matched}


if __name__ == "__main__":
    path = resources.files(__package__).joinpath(f"patterns/{RULES_FILE}")
    with open(str(path), "w", encoding="utf-8") as handle:
        json.dump(export_rules(), handle, ensure_ascii=False, indent=0, sort_keys=True)
        handle.write("\n")
