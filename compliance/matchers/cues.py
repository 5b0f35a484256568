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

import yaml

from ..normalize import fold
from . import Span


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
    data = yaml.safe_load(resources.files(__package__).joinpath("patterns/counterfeit_cues.yaml").read_text("utf-8"))
    return tuple(Cue(d["id"], d.get("scope", "any"), re.compile(d["pattern"]), _compile(d.get("honest_after")),
                     _compile(d.get("honest_before")), _compile(d.get("honest_near"))) for d in data)


class CueMatcher:
    """Spans of kind ``cue`` (label = cue id; data["scope"] = "any" or "mark")."""

    name = "cues"

    def __init__(self):
        self.cues = load_cues()

    def find_in_text(self, text: str, folded=None):
        """(start, end, cue) over visible ``text``, honest uses removed."""
        folded = folded if folded is not None else fold(text)
        low = folded.text
        found = []
        for cue in self.cues:
            for m in cue.pattern.finditer(low):
                if cue.honest_after and cue.honest_after.search(low[m.end():m.end() + 40]):
                    continue
                if cue.honest_before and cue.honest_before.search(low[max(0, m.start() - 40):m.start()]):
                    continue
                if cue.honest_near and cue.honest_near.search(low):
                    continue
                if m.end() <= m.start():
                    continue
                vs, ve = folded.src_span(m.start(), m.end())
                if any(s < ve and vs < e for s, e, _ in found):
                    continue
                found.append((vs, ve, cue))
        return found

    def find(self, listing) -> list[Span]:
        spans = []
        for field in listing.text_fields():
            for vs, ve, cue in self.find_in_text(field.text, field.folded):
                rs, re_ = field.raw_span(vs, ve)
                spans.append(Span("cue", field.name, rs, re_, field.raw[rs:re_], label=cue.id,
                                  data={"scope": cue.scope, "visible": (vs, ve)}))
        return spans
