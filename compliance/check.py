"""The check: a pipeline of small named steps over batches of listings.

1. match: every matcher finds its spans (marks, counterfeit cues, patents, contact
   details, markup), built once per run;
2. context: listings with a candidate mark whose decision turns on its wording go through
   spaCy in ``nlp.pipe`` batches;
3. decide: detection rules (trademark, counterfeit, patent, prohibited) and each target
   platform's pack rules turn spans into findings;
4. verdict: per ``PLATFORM:REGION``, ``fail`` on a blocking finding, ``warn`` on warnings.

A listing marked ``unchanged`` (``--changed-only``: the same as in the previous catalog) skips
every step and gets the verdict ``unchanged``, so it is still reported in its place.
"""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Iterable, Iterator

from .findings import UNCHANGED, VERDICTS, Finding, verdict
from .listing import TEXT_FIELDS, Listing
from .matchers import Matcher
from .matchers.contact import ContactMatcher
from .matchers.cues import CueMatcher
from .matchers.marks import MarkMatcher
from .matchers.markup_tags import MarkupMatcher
from .matchers.patents import PatentMatcher
from .rules import REGISTRY
from .rules.base import Hit, ListingRule
from .rules.scope import RunScope
from .rules.trademark import needs_context

if TYPE_CHECKING:
    from .matchers.context import ContextAnnotator  # imported when first needed: it loads spaCy
    from .matchers.register import RegisterMatcher

_FIELD_ORDER = {name: i for i, name in enumerate(TEXT_FIELDS)}
# How many of the last distinct listings a repeat of one reuses the results of: a product's
# variants (Shopify rows inherit their product's text) and re-listed items sit close together.
REPEATS_REMEMBERED = 256


@dataclass(frozen=True)
class KnownResults:
    """A listing's results without the listing, for the repeats of its content."""

    findings: list[Finding]
    verdicts: dict[str, str]
    left_out: dict[str, int]

    def given_to(self, listing: Listing) -> ListingResult:
        return ListingResult(listing, list(self.findings), dict(self.verdicts), dict(self.left_out))


def _content(listing: Listing) -> tuple:
    """All a listing's check reads: its fields as written and the cells beside them."""
    return (tuple((name, f.raw) for name, f in listing.fields.items()), listing.brand, listing.brand_column,
            listing.category, listing.price, listing.waivers)


@dataclass
class ListingResult:
    listing: Listing
    findings: list[Finding] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)  # field -> findings past the per-field cap

    def to_dict(self, with_text: bool = False) -> dict:
        item = {"id": self.listing.id, "row": self.listing.row, "verdicts": dict(self.verdicts),
                "findings": [f.to_dict() for f in self.findings]}
        if self.listing.line:
            item["line"] = self.listing.line  # where the row starts in the file: SARIF, JUnit, annotations
        if self.left_out:
            item["findings_left_out"] = dict(self.left_out)
        if self.listing.error:
            item["error"] = self.listing.error
        if with_text:
            item["title"] = self.listing.title
            item["fields"] = {name: f.raw for name, f in self.listing.fields.items()}
        return item


# Listings that take a check through the steps that load on first use: a device named in
# compatibility wording (the context step's tokenizer and patterns), a character on a decorative product beside a brand
# column naming a company (the licensees), and titles in Cyrillic and with accents (each
# language's word sets). Their results are thrown away.
WARM_UP = (
    {"title": "Case compatible with Samsung Galaxy S21, Hello Kitty print", "description": "Fits Samsung phones",
     "brand": "Acme", "category": "Cell Phone Cases"},
    {"title": "Чехол для iPhone 13 с Человеком-пауком, силиконовый", "description": "Подходит для Apple",
     "brand": "", "category": ""},
    {"title": "Funda nórdica estilo Nike, réplica de Adidas", "description": "", "brand": "Generic",
     "category": ""},
)


class Checker:
    """Everything expensive (automata, fuzzy index, spaCy, compiled rules) built once per run."""

    def __init__(self, targets, entries, as_of: dt.date | None = None, batch_size: int = 512, authorized=(),
                 register: RegisterMatcher | None = None):
        self.targets = tuple(targets)
        self.authorized = tuple(authorized)
        self.register = register
        self.entries = list(entries)
        # The hash of the list files (and the store's lists) the entries came from, when known.
        self.lists_key: str | None = getattr(entries, "fingerprint", None)
        self.scope = RunScope(self.targets, as_of or dt.date.today())
        self.batch_size = batch_size
        # A listing's check reads only its content (not its id or row): in a catalog's run, a repeat
        # reuses the results (check_batch's ``reuse``).
        self.reuse_repeats = True
        # Results only: the listings themselves go when reported (evidence holds them weakly).
        self._recent: OrderedDict[tuple, KnownResults] = OrderedDict()
        self.matchers: list[Matcher] = [
            MarkMatcher(entries), CueMatcher(), PatentMatcher(entries),
            ContactMatcher(regions=tuple(dict.fromkeys(t.region for t in self.targets))), MarkupMatcher()]
        if register is not None:  # check --register: TM007 reads its spans, and finds none without them
            self.matchers.append(register)
        self._context: ContextAnnotator | None = None
        groups: dict[tuple, list[str]] = {}
        named: dict[str, set[str]] = {}  # rule code -> targets whose pack names it
        for target in self.targets:
            for cfg in target.rules():
                groups.setdefault((cfg.code, cfg.severity, cfg.fields, cfg.params), []).append(target.key)
                named.setdefault(cfg.code, set()).add(target.key)
        run = {"_as_of": self.scope.as_of, "_authorized": self.authorized}
        # Each rule also learns the regions it runs for ("_regions"), for region-bound readings.
        self.pack_rules = [(REGISTRY[code], severity, fields,
                            {**dict(params), **run, "_regions": tuple(dict.fromkeys(k.split(":")[1] for k in keys))},
                            tuple(keys), False)
                           for (code, severity, fields, params), keys in groups.items()]
        # Detection rules run on every target whose pack does not configure them itself.
        everywhere = []
        for code, rule in sorted(REGISTRY.items()):
            keys = tuple(k for k in self.scope.keys if k not in named.get(code, ()))
            if rule.everywhere and keys:
                regions = tuple(dict.fromkeys(k.split(":")[1] for k in keys))
                everywhere.append((rule, rule.default_severity, rule.default_fields,
                                   {**run, "_regions": regions}, keys, True))
        self.rules = everywhere + self.pack_rules

    @property
    def context(self) -> ContextAnnotator:
        if self._context is None:
            from .matchers.context import ContextAnnotator  # spaCy loads only when a mark shows up

            self._context = ContextAnnotator()
        return self._context

    def warm_up(self) -> None:
        """Check a few listings of the kinds a catalog holds, for what the check loads on first use
        (the context step, the word sets of each language, the licensees' owners): before worker
        processes fork, so that they share one copy instead of loading one each."""
        self.check_batch([Listing.from_values(f"warm-up-{i}", i, values) for i, values in enumerate(WARM_UP, 1)])

    def check(self, listings: Iterable[Listing]) -> Iterator[ListingResult]:
        """Results in input order, one per listing, a batch at a time."""
        it = iter(listings)
        while True:
            batch = list(islice(it, self.batch_size))
            if not batch:
                return
            yield from self.check_batch(batch, reuse=self.reuse_repeats)

    def check_batch(self, batch: list[Listing], reuse: bool = False) -> list[ListingResult]:
        """Each listing's results. With ``reuse`` (a catalog's run), a listing whose content repeats
        one of the last distinct listings checked takes its results and is not checked again; its
        own listing then carries no spans or decisions (``explain`` checks a listing alone)."""
        readable = [listing for listing in batch if listing.error is None and not listing.unchanged]
        if not reuse:
            return self._check_each(batch, readable)
        keys = {id(listing): _content(listing) for listing in readable}
        known: dict[tuple, KnownResults] = {}  # the results a repeat in this batch reuses
        firsts: dict[tuple, Listing] = {}
        for listing in readable:
            key = keys[id(listing)]
            if key in self._recent:
                known[key] = self._recent[key]
            elif key not in firsts:
                firsts[key] = listing
        results = self._check_each(batch, list(firsts.values()))
        checked = {id(listing): result for listing, result in zip(batch, results) if result is not None}
        for key, listing in firsts.items():
            first = checked[id(listing)]
            known[key] = KnownResults(first.findings, first.verdicts, first.left_out)
            self._remember(key, known[key])
        return [checked.get(id(listing)) or known[keys[id(listing)]].given_to(listing) for listing in batch]

    def _remember(self, key: tuple, outcome: KnownResults) -> None:
        self._recent[key] = outcome
        if len(self._recent) > REPEATS_REMEMBERED:
            self._recent.popitem(last=False)

    def _check_each(self, batch: list[Listing], readable: list[Listing]) -> list:
        """The results of ``batch``: its ``readable`` listings checked, the unreadable and unchanged
        ones reported so; the places of the other listings hold None."""
        for matcher in self.matchers:
            prepare = getattr(matcher, "prepare", None)
            if prepare is not None:
                prepare(readable)
        for listing in readable:
            for matcher in self.matchers:
                listing.spans[matcher.name] = matcher.find(listing)
        # Only listings with a mark whose decision turns on its wording go through spaCy.
        with_marks = [lst for lst in readable
                      if any(s.kind == "mark" and needs_context(lst, s) for s in lst.spans.get("marks", ()))]
        if with_marks:
            self.context.annotate(with_marks)
        chosen = {id(listing) for listing in readable}
        return [self._decide(listing) if id(listing) in chosen or listing.error is not None or listing.unchanged
                else None for listing in batch]

    def _decide(self, listing: Listing) -> ListingResult:
        keys = self.scope.keys
        if listing.error is not None:
            return ListingResult(listing, [], {k: "error" for k in keys})
        if listing.unchanged:
            return ListingResult(listing, [], {k: UNCHANGED for k in keys})
        findings: list[Finding] = []
        found = {name for name, spans in listing.spans.items() if spans}
        for rule, severity, fields, params, platforms, by_default in self.rules:
            if rule.reads and found.isdisjoint(rule.reads):
                continue  # nothing its matchers found on this listing: the rule would find nothing
            for hit in rule.check(listing, params, fields):
                finding = self._finding(rule, hit, severity, platforms, by_default)
                if finding is not None:
                    findings.append(finding)
        findings.sort(key=lambda f: (_FIELD_ORDER.get(f.field, 99), f.start, f.rule))
        verdicts = {k: verdict(findings, k) for k in keys}  # from every finding: the cap never changes them
        shown, left_out = cap_per_field(findings)
        return ListingResult(listing, shown, verdicts, left_out)


    def _finding(self, rule: ListingRule, hit: Hit, severity: str, platforms: tuple[str, ...],
                 by_default: bool) -> Finding | None:
        """A hit as a finding on the targets where it counts: a blocklist entry's hit only where the
        entry applies. A rule that sets the hit's severity decides it, except that a pack that
        configures a detection rule sets its severity (permitted use stays information)."""
        if hit.mark is not None:
            platforms = tuple(k for k in self.scope.platforms_for(hit.mark) if k in platforms)
            if rule.kind == "trademark":
                platforms = self._unlicensed(hit.mark, platforms)
            if not platforms:
                return None
        if hit.severity and (by_default or hit.severity == "info"):
            severity = hit.severity
        return Finding(rule=rule.code, kind=rule.kind, severity=severity, platforms=platforms, field=hit.field,
                       start=hit.start, end=hit.end, text=hit.text, entry=hit.entry, score=hit.score,
                       message=hit.message, fix=hit.fix, explanation=hit.explanation)


    def _unlicensed(self, mark, platforms: tuple[str, ...]) -> tuple[str, ...]:
        """Targets where no marketplace-scoped licence of the seller's (--authorized) covers ``mark``."""
        licensed = {p for a in self.authorized if a.platforms and a.covers(mark) for p in a.platforms}
        return tuple(k for k in platforms if k.split(":")[0] not in licensed) if licensed else platforms


MAX_FINDINGS_PER_FIELD = 50  # a field that names thousands of brands would make a report no one reads

_SEVERITY_ORDER = {"block": 0, "warn": 1, "info": 2}


def cap_per_field(findings: list[Finding]) -> tuple[list[Finding], dict[str, int]]:
    """At most ``MAX_FINDINGS_PER_FIELD`` findings per field, the most severe first (then in text
    order); how many were left out per field is returned for the report to say."""
    by_field: dict[str, list[Finding]] = {}
    for f in findings:
        by_field.setdefault(f.field, []).append(f)
    if all(len(group) <= MAX_FINDINGS_PER_FIELD for group in by_field.values()):
        return findings, {}
    kept: set[int] = set()
    left_out: dict[str, int] = {}
    for name, group in by_field.items():
        ranked = sorted(group, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 3), f.start))
        kept.update(id(f) for f in ranked[:MAX_FINDINGS_PER_FIELD])
        if len(group) > MAX_FINDINGS_PER_FIELD:
            left_out[name] = len(group) - MAX_FINDINGS_PER_FIELD
    return [f for f in findings if id(f) in kept], left_out


def empty_counts(keys, verdicts: tuple[str, ...] = VERDICTS) -> dict[str, dict[str, int]]:
    """Per target, a zero for each verdict the summary counts (``unchanged`` too with --changed-only)."""
    return {k: dict.fromkeys(verdicts, 0) for k in keys}


def count_verdicts(counts: dict[str, dict[str, int]], verdicts: dict[str, str]) -> dict:
    """Add one listing's verdicts (target -> verdict) to ``counts``; a verdict the counts have no
    zero for yet (``unchanged``) starts at one."""
    for k, v in verdicts.items():
        counts[k][v] = counts[k].get(v, 0) + 1
    return counts


def summarize(counts: dict[str, dict[str, int]] | None, result: ListingResult, keys) -> dict:
    return count_verdicts(counts if counts is not None else empty_counts(keys), result.verdicts)
