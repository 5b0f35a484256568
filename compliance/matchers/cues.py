"""Counterfeit indicators in the seed's languages, with the honest uses spared.

The cues are data (``patterns/counterfeit_cues.yaml``): replica / réplica / реплика /
копия / imitação / contrefaçon / Fälschung, seller slang (1:1, AAA, 7A, mirror quality,
super clone, reps, first copy) and "dupe" next to a mark. Each cue may name the contexts
in which the same words are honest: a 1:18 scale replica model, imitation leather,
AAA batteries, 10A grade virgin hair, a counterfeit-detector pen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick

from ..normalize import fold
from ..yamldata import load_yaml
from . import Span

try:  # the regular-expression parser, to read the literal text a pattern must start with
    # typeshed has no stubs for these private modules (the sre_* names below are their public
    # aliases, deprecated since 3.11)
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

PREFIX_LEN = 8
MAX_HEADS = 512
# What \s matches in a str pattern: a short list, so a space in a cue is as literal as a letter.
_SPACES = [c for c in map(chr, range(0x3001)) if c.isspace()]


@dataclass(frozen=True)
class Cue:
    id: str
    scope: str
    pattern: re.Pattern
    honest_after: re.Pattern | None
    honest_before: re.Pattern | None
    honest_near: re.Pattern | None


def _compile(text):
    return re.compile(text) if text else None


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    data = load_yaml(resources.files(__package__).joinpath("patterns/counterfeit_cues.yaml").read_text("utf-8"))
    return tuple(Cue(d["id"], d.get("scope", "any"), re.compile(d["pattern"]), _compile(d.get("honest_after")),
                     _compile(d.get("honest_before")), _compile(d.get("honest_near"))) for d in data)


def _chars(items):
    """The characters a character class matches, when it is a short list of literals and ranges."""
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < 32:
            out.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_SPACE:
            out.extend(_SPACES)
        else:
            return None
    return out


def _extend(heads, items):
    """Grow each open head (text, open) through the parsed pattern ``items`` while it stays literal."""
    for op, av in items:
        if not any(open_ and len(h) < PREFIX_LEN for h, open_ in heads) or len(heads) > MAX_HEADS:
            break
        if op is _sre.AT:
            continue  # \b, ^: zero width
        grown = _extend_group(heads, op, av)
        if grown is not None:
            heads = grown
            continue
        chars = _literal_chars(op, av)
        if chars is None:
            return {(h, False) for h, _ in heads}
        heads = {(h + c, True) if open_ and len(h) < PREFIX_LEN else (h, open_) for h, open_ in heads for c in chars}
    return heads


def _literal_chars(op, av):
    """The characters one pattern item matches: a literal or a short character class; None for
    anything else."""
    if op is _sre.LITERAL:
        return [chr(av)]
    if op is _sre.IN:
        return _chars(av)
    return None


def _extend_group(heads, op, av):
    """The heads grown through an item that holds other items: alternatives, a group, or a
    repeat; None when the item is none of those (or a repeat that may match nothing)."""
    if op is _sre.BRANCH:
        grown = set()
        for branch in av[1]:
            grown |= _extend(heads, branch)
        return grown
    if op is _sre.SUBPATTERN:
        return _extend(heads, av[-1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        return _extend_repeat(heads, av)
    return None


def _extend_repeat(heads, av):
    """An optional item grows the heads with it and without it; one repeated at least once grows
    them through its required copies, and closes them when more may follow."""
    if av[0] == 0 and av[1] == 1:
        return heads | _extend(heads, av[2])  # optional: with it and without it
    if av[0] >= 1:
        for _ in range(min(av[0], PREFIX_LEN)):
            heads = _extend(heads, av[2])
        if av[1] != av[0]:
            heads = {(h, False) for h, _ in heads}
        return heads
    return None


def literal_prefixes(pattern: re.Pattern) -> set[str] | None:
    """Texts of up to eight characters one of which starts every match of ``pattern`` (case-folded),
    or None when a match may start with anything."""
    heads = _extend({("", True)}, _sre_parse.parse(pattern.pattern, pattern.flags))
    if any(not h for h, _ in heads):
        return None
    return {h.casefold() for h, _ in heads}


def _honest_use(cue: Cue, low: str, m: re.Match[str]) -> bool:
    """The cue's match is one of its honest uses: by the words after it, before it, or anywhere
    in the text."""
    if cue.honest_after and cue.honest_after.search(low[m.end():m.end() + 40]):
        return True
    if cue.honest_before and cue.honest_before.search(low[max(0, m.start() - 40):m.start()]):
        return True
    return bool(cue.honest_near and cue.honest_near.search(low))


class CueMatcher:
    """Spans of kind ``cue`` (label = cue id; data["scope"] = "any" or "mark").

    One Aho-Corasick pass over the folded text finds the literal beginnings of the cue patterns
    (read off the patterns themselves); only the cues whose beginning occurs are run.
    """

    name = "cues"

    def __init__(self):
        self.cues = load_cues()
        self.always = []  # cues with no literal beginning run on every text
        starts: dict[str, set[int]] = {}
        for i, cue in enumerate(self.cues):
            prefixes = literal_prefixes(cue.pattern)
            if prefixes is None:
                self.always.append(i)
            else:
                for p in prefixes:
                    starts.setdefault(p, set()).add(i)
        self.starts = ahocorasick.Automaton()
        for p, ids in starts.items():
            self.starts.add_word(p, frozenset(ids))
        if starts:
            self.starts.make_automaton()
        self._has_starts = bool(starts)

    def find_in_text(self, text: str, folded=None) -> list[tuple[int, int, Cue]]:
        """(start, end, cue) over visible ``text``, honest uses removed."""
        folded = folded if folded is not None else fold(text)
        low = folded.text
        found: list[tuple[int, int, Cue]] = []
        run = self._cues_begun(low)
        if not run:
            return found
        for i, cue in enumerate(self.cues):
            if i not in run:
                continue
            for m in cue.pattern.finditer(low):
                if _honest_use(cue, low, m) or m.end() <= m.start():
                    continue
                vs, ve = folded.src_span(m.start(), m.end())
                if any(s < ve and vs < e for s, e, _ in found):
                    continue
                found.append((vs, ve, cue))
        return found

    def _cues_begun(self, low: str) -> set[int]:
        """The cues to run on folded text ``low``: those whose literal beginning occurs in it, and
        those with none."""
        run = set(self.always)
        if self._has_starts:
            for _, ids in self.starts.iter(low):
                run |= ids
        return run

    def find(self, listing) -> list[Span]:
        spans = []
        for field in listing.text_fields():
            for vs, ve, cue in self.find_in_text(field.text, field.folded):
                rs, re_ = field.raw_span(vs, ve)
                spans.append(Span("cue", field.name, rs, re_, field.raw[rs:re_], label=cue.id,
                                  data={"scope": cue.scope, "visible": (vs, ve)}))
        return spans
