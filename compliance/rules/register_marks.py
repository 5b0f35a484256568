"""TM007: a phrase of the title is a live mark of the official register (``check --register``).

The register matcher (:mod:`compliance.matchers.register`) leaves a span for each title phrase
that is a live register mark in the listing's classes, with how it is written and where it
stands. The decision, per span, longest first, in this order:

1. a curated list's mark at the same place is decided by TM001-TM006: not reported twice;
2. an everyday word or phrase (every word common, :func:`compliance.matchers.marks.is_common_word`)
   counts only in brand position and written as a name (® or ™ after it, capitals amid lower-case
   words, ALL CAPS amid mixed case): "Apple corer", "Comfort Insoles", "best friends dog bed" are
   the words, "COMFORT insoles" and "Best Friends dog bed" name something;
3. the seller's own brand (the brand column and its family, as the curated marks treat it) and the
   brands of ``--authorized`` are exempt: a registration of the phrase by them or their owner
   spares it;
4. otherwise a warning naming the first live registration, its owner, status and classes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, NamedTuple

from ..matchers import Span
from ..matchers.register import Position, RegisterMark, Writing
from .base import Hit, ListingRule, RuleDoc, register
from .evidence import same_family, seller_key, title_maker


@dataclass(frozen=True)
class RegisterDecision:
    span: Span
    mark: RegisterMark | None  # the registration reported; None when spared
    others: int                # further live marks of the phrase in the listing's classes
    why: str                   # why it was spared ("" when reported)


def _curated(listing, span: Span) -> bool:
    """A curated list's mark covers the span (the same name, or the phrase is part of it): TM001-TM006
    decide it. A longer register phrase around a curated name ("Best Friends" around "Friends") is
    another mark."""
    return any(s.kind == "mark" and s.field == span.field and s.start <= span.start and span.end <= s.end
               for s in listing.spans.get("marks", ()))


def _ordinary(span: Span) -> str:
    """Why an everyday phrase is read as the words, or "" when it is written as a name in brand position."""
    if not span.data["everyday"]:
        return ""
    what = "phrase" if " " in span.data["key"] else "word"
    if span.data["position"] is not Position.BRAND:
        return f"'{span.text}' is an everyday {what} outside brand position"
    if span.data["writing"] is not Writing.NAME:
        return f"'{span.text}' is an everyday {what}, not written as a name ({span.data['writing'].value})"
    return ""


class _Phrase(NamedTuple):
    """The phrase as written, in the shape the seller's-brand tests read."""

    names: tuple[str, ...]
    owner: str = ""


def _seller_keys(listing) -> list[str]:
    return [k for k in (seller_key(listing), title_maker(listing)) if k]


def _exempt(listing, marks: list[RegisterMark], authorized) -> str:
    """Why the seller may use the phrase: a registration of it is the seller's own or authorized."""
    keys = _seller_keys(listing)
    for m in marks:
        if any(same_family(k, m) for k in keys):
            return f"{m.mark} ({m.owner or 'owner unknown'}) is the listing's own brand or of its family"
        if any(a.covers(m) for a in authorized):
            return f"{m.mark} is on the seller's authorized brands"
    return ""


def _decide(listing, span: Span, authorized) -> RegisterDecision:
    if _curated(listing, span):
        return RegisterDecision(span, None, 0, "a curated list's mark: decided by TM001-TM006")
    why = _ordinary(span)
    if why:
        return RegisterDecision(span, None, 0, why)
    if any(same_family(k, _Phrase((span.text,))) for k in _seller_keys(listing)):
        # The brand column names the phrase itself ("koss" leading a Koss title): no row needs reading.
        return RegisterDecision(span, None, 0, f"'{span.text}' is the listing's own brand or of its family")
    marks = span.data["register"].marks(span.data["key"], span.data["classes"])
    if not marks:
        return RegisterDecision(span, None, 0, "no live mark of it in the listing's classes")
    why = _exempt(listing, marks, authorized)
    if why:
        return RegisterDecision(span, None, 0, why)
    return RegisterDecision(span, marks[0], len(marks) - 1, "")


def register_decisions(listing, authorized=()) -> list[RegisterDecision]:
    """Every register span's decision, made once per listing (several packs may run TM007).
    Longer phrases first; a phrase inside a reported one is not reported again."""
    found = listing.decided.get("register")
    if found is not None:
        return found
    found = []
    reported: list[Span] = []
    spans = sorted(listing.spans.get("register", ()), key=lambda s: (s.start - s.end, s.start))
    for span in spans:
        if any(r.start <= span.start and span.end <= r.end for r in reported):
            continue
        decision = _decide(listing, span, authorized)
        found.append(decision)
        if decision.mark is not None:
            reported.append(span)
        elif span.data["position"] is Position.BRAND or not span.data["everyday"]:
            listing.decisions.append((span, f"TM007 not reported: {decision.why}"))
    listing.decided["register"] = found
    return found


def _classes(classes: Iterable[int]) -> str:
    return "|".join(str(c) for c in classes) or "none given"


@register
class RegisteredMark(ListingRule):
    code = "TM007"
    name = "registered-mark"
    kind = "trademark"
    default_severity = "warn"
    default_fields = ("title",)
    everywhere = True
    needs = "--register"
    reads = ("register",)
    doc = RuleDoc(
        what="With --register: a name in the title (in brand position, or written with capitals) is a live mark "
             "of the official register, registered for goods in the listing's Nice classes, and is not the "
             "listing's own or authorized brand. Everyday words count only when written as a name in brand "
             "position; marks of the curated lists are left to TM001-TM006.",
        why="A registered mark on goods of its classes is what a rights owner reports; the curated lists hold the "
            "famous brands, the register the millions of others. A review, not a block: the register cannot tell "
            "a licensee or a coincidence from a copy.",
        fails="Zorblax Wireless Earbuds (brand: Acme; ZORBLAX registered in class 9 by another owner)",
        passes="Acme Wireless Earbuds (brand: Acme)",
        field="title",
    )

    def check(self, listing, params, fields):
        if "title" not in fields:
            return
        for d in register_decisions(listing, params.get("_authorized", ())):
            if d.mark is None:
                continue
            yield self._hit(listing, d)

    @staticmethod
    def _hit(listing, d: RegisterDecision) -> Hit:
        m, span = d.mark, d.span
        assert m is not None
        more = f"; {d.others} more live mark{'s' * (d.others != 1)} of it" if d.others else ""
        message = (f"registered mark, review before upload: '{span.text}' is {m.mark}, {m.number}, owner "
                   f"{m.owner or 'unknown'}, {m.status}, classes {_classes(m.classes)}{more}")
        listing_classes = sorted(span.data["classes"])
        return Hit(span.field, span.start, span.end, span.text, m.serial, message,
                   f"Check {m.mark}'s registration: unless it is yours or licensed to you, take '{span.text}' out "
                   f"of the title; if it is, list your brand with --authorized",
                   explanation=(("mark", m.mark), ("serial", m.serial), ("registration", m.registration),
                                ("owner", m.owner), ("status", m.status), ("classes", list(m.classes)),
                                ("listing classes", listing_classes or "unknown"),
                                ("position", span.data["position"].value), ("writing", span.data["writing"].value),
                                ("everyday phrase", span.data["everyday"]), ("more live marks", d.others)))
