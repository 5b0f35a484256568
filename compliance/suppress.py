"""What a CI gate does not count: baselines, per-listing waivers, rule selection, unchanged rows.

A gate that fails on problems everyone already knows about gets switched off, so a team can
accept today's findings and fail only on new ones, the way linters do:

- a **baseline** file records accepted findings by (listing id, rule, entry identity): the
  blocklist entry a finding matched, or its matched text normalized. Neither the line nor the
  rest of the listing is part of the key, so editing a listing's other fields keeps it valid;
- a **waiver** column ``listguard_ignore`` names codes or prefixes a row may break
  (``TM001,CF002``), like a ``# noqa`` comment;
- a **rule filter** (``--select`` / ``--ignore``) keeps the findings of some rules only; an
  ignored prefix wins over a selected one;
- with a **previous catalog** (``--changed-only``), rows whose content is the same as there
  are not checked at all and are reported with the verdict ``unchanged``.

Suppression is never silent: a suppressed finding leaves the listing's findings and no longer
counts toward its verdicts (recomputed with :func:`compliance.findings.verdict`), and the
report counts per listing and in the summary what was suppressed and by what. Baseline
entries that matched nothing are counted as stale so they can be pruned.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from .errors import InputError, UsageError
from .findings import UNCHANGED, VERDICTS, Finding, verdict

BASELINE_VERSION = 1
WAIVER_COLUMN = "listguard_ignore"
_CODE_SEPARATORS = re.compile(r"[\s,;]+")


class Via(str, Enum):
    """What suppressed a finding, in the order they are asked: a rule left out of the run
    is not reported whatever else holds, a row's own waiver comes before the shared baseline."""

    FILTER = "filter"
    WAIVER = "waiver"
    BASELINE = "baseline"


def parse_codes(text: str) -> tuple[str, ...]:
    """Rule codes or prefixes written ``TM001,CF002`` or ``tm001 cf`` : upper-cased, in order, once each."""
    return tuple(dict.fromkeys(code.upper() for code in _CODE_SEPARATORS.split(text or "") if code))


def matches(code: str, prefixes: Iterable[str]) -> bool:
    """Whether rule ``code`` starts with any of ``prefixes`` (``TM`` and ``TM00`` cover ``TM001``)."""
    return any(code.startswith(prefix) for prefix in prefixes)


def known_prefixes(codes: Iterable[str]) -> list[str]:
    """The rule families: the letters every code starts with (``TM`` for ``TM001``)."""
    # [A-Z]* matches at the start of every string, so the match is never None.
    return sorted({re.match(r"[A-Z]*", code).group() or code for code in codes})  # type: ignore[union-attr]


@dataclass(frozen=True)
class RuleFilter:
    """``--select`` / ``--ignore`` by code prefix: with a selection only its rules are reported;
    an ignored prefix wins over a selected one, however specific the selection."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def parse(cls, select: Iterable[str], ignore: Iterable[str], known: Iterable[str]) -> "RuleFilter":
        """From option values (each may hold several codes); a prefix no rule has is a usage error,
        since a typo there would silently report nothing (``--select TN``) or hide nothing."""
        known = sorted(known)
        chosen = {name: tuple(c for value in values for c in parse_codes(value))
                  for name, values in (("select", select), ("ignore", ignore))}
        for name, prefixes in chosen.items():
            for prefix in prefixes:
                if not any(code.startswith(prefix) for code in known):
                    raise UsageError(f"--{name} {prefix}: no rule code starts with it; known prefixes: "
                                     f"{', '.join(known_prefixes(known))} (or a longer start of a code such as "
                                     f"TM00 or TM001; 'listguard rules' lists every code)")
        return cls(chosen["select"], chosen["ignore"])

    @property
    def active(self) -> bool:
        return bool(self.select or self.ignore)

    def keeps(self, code: str) -> bool:
        if matches(code, self.ignore):
            return False
        return not self.select or matches(code, self.select)


class BaselineKey(NamedTuple):
    """A finding's identity across runs: see :meth:`compliance.findings.Finding.fingerprint`."""

    listing_id: str
    rule: str
    entry: str


def key_of(listing_id: str, finding: Finding) -> BaselineKey:
    return BaselineKey(*finding.fingerprint(listing_id))


def counts_toward_baseline(finding: Finding, waivers: tuple[str, ...]) -> bool:
    """A baseline records accepted problems: not information (it never changes a verdict) and not
    what the row's waiver already covers (removing the waiver must bring the finding back)."""
    return finding.severity != "info" and not matches(finding.rule, waivers)


def _baseline_problem(path: str, what: str, verb: str = "create") -> InputError:
    return InputError(f"{what}; {verb} it with: listguard baseline create CATALOG -o {path}", path)


@dataclass(frozen=True)
class Baseline:
    """Accepted findings, saved as JSON ``{"version": 1, "entries": [{"id", "rule", "entry"}, ...]}``
    sorted, so a baseline kept in git changes only where findings did."""

    keys: frozenset[BaselineKey] = frozenset()

    def __contains__(self, key: BaselineKey) -> bool:
        return key in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def from_findings(cls, found: Iterable[tuple[str, Iterable[Finding], tuple[str, ...]]]) -> "Baseline":
        """From (listing id, findings, the row's waivers) of each checked listing."""
        return cls(frozenset(key_of(listing_id, f) for listing_id, findings, waivers in found
                             for f in findings if counts_toward_baseline(f, waivers)))

    def to_json(self) -> str:
        entries = [{"id": k.listing_id, "rule": k.rule, "entry": k.entry} for k in sorted(self.keys)]
        return json.dumps({"version": BASELINE_VERSION, "tool": "listguard", "entries": entries},
                          ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def load(cls, path: str) -> "Baseline":
        """Read a baseline file; anything else is an :class:`InputError` naming the file and the fix."""
        try:
            document = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise _baseline_problem(path, f"cannot read the baseline ({exc.strerror})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _baseline_problem(path, f"not a listguard baseline (not JSON: {exc})") from None
        return cls(frozenset(_entries(path, document)))


def _entries(path: str, document: object) -> Iterator[BaselineKey]:
    if not isinstance(document, dict) or "version" not in document:
        raise _baseline_problem(path, "not a listguard baseline (no \"version\" field)")
    if document["version"] != BASELINE_VERSION:
        raise _baseline_problem(path, f"baseline version {document['version']!r} is not one this listguard reads "
                                      f"(version {BASELINE_VERSION})", "recreate")
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise _baseline_problem(path, "not a listguard baseline (\"entries\" is not a list)")
    for number, entry in enumerate(entries, start=1):
        values = [entry.get(name) for name in ("id", "rule", "entry")] if isinstance(entry, dict) else [None]
        if not all(isinstance(value, str) for value in values):
            raise _baseline_problem(path, f"entry {number} is not {{\"id\", \"rule\", \"entry\"}} as text")
        yield BaselineKey(*values)


@dataclass
class Suppression:
    """Suppressed findings counted by what suppressed them."""

    counts: Counter = field(default_factory=Counter)

    def __bool__(self) -> bool:
        return bool(self.total)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, int]:
        return {via.value: self.counts[via] for via in Via}


class Suppressor:
    """Applies the filter, each row's waivers and the baseline to report items, and keeps count."""

    def __init__(self, rules: RuleFilter = RuleFilter(), baseline: Baseline | None = None,
                 known: Iterable[str] = ()) -> None:
        self.rules = rules
        self.baseline = baseline
        self.known = tuple(known)
        self.totals = Suppression()
        self.by_listing: list[dict] = []
        self.matched: set[BaselineKey] = set()
        self.unjudged: set[str] = set()  # ids of rows not checked this run (unchanged, unreadable)
        self.unknown_waivers: dict[str, int] = {}  # waiver code that names no rule -> first row

    def apply(self, item: dict, waivers: tuple[str, ...] = ()) -> dict:
        """``item`` (a report listing) without its suppressed findings, verdicts recomputed from the
        rest and ``suppressed`` counts added; the item itself when nothing was suppressed."""
        self._note_unknown(waivers, item["row"])
        if item.get("error") is not None or UNCHANGED in item["verdicts"].values():
            self.unjudged.add(item["id"])
            return item
        if not (waivers or self.active):
            return item
        kept, gone = [], Suppression()
        for raw in item["findings"]:
            via = self._why(item["id"], Finding.from_dict(raw), waivers)
            if via is None:
                kept.append(raw)
            else:
                gone.counts[via] += 1
        return self._suppressed(item, kept, gone) if gone else item

    @property
    def active(self) -> bool:
        """Whether an option (not only a row's waiver) suppresses findings in this run."""
        return self.rules.active or self.baseline is not None

    def _why(self, listing_id: str, finding: Finding, waivers: tuple[str, ...]) -> Via | None:
        key = key_of(listing_id, finding)
        # Marked as matched whatever else suppresses it, so an entry is stale only when its finding is gone.
        in_baseline = self.baseline is not None and key in self.baseline
        if in_baseline:
            self.matched.add(key)
        if not self.rules.keeps(finding.rule):
            return Via.FILTER
        if matches(finding.rule, waivers):
            return Via.WAIVER
        return Via.BASELINE if in_baseline else None

    def _suppressed(self, item: dict, kept: list[dict], gone: Suppression) -> dict:
        remaining = [Finding.from_dict(raw) for raw in kept]
        self.totals.counts.update(gone.counts)
        self.by_listing.append({"id": item["id"], "row": item["row"], **gone.to_dict()})
        return {**item, "findings": kept, "verdicts": {k: verdict(remaining, k) for k in item["verdicts"]},
                "suppressed": gone.to_dict()}

    def _note_unknown(self, waivers: tuple[str, ...], row: int) -> None:
        if not self.known:  # no rule codes given to compare with: nothing can be called unknown
            return
        for code in waivers:
            if code not in self.unknown_waivers and not any(k.startswith(code) for k in self.known):
                self.unknown_waivers[code] = row

    def stale(self) -> int:
        """Baseline entries that matched no finding, leaving out listings this run did not check."""
        if self.baseline is None:
            return 0
        return sum(1 for key in self.baseline.keys if key not in self.matched and key.listing_id not in self.unjudged)

    def summary(self) -> dict:
        """What the report's summary says about suppression (``baseline`` only with a baseline)."""
        out = {"suppressed": {"findings": self.totals.total, **self.totals.to_dict(),
                              "listings": len(self.by_listing), "by_listing": self.by_listing}}
        if self.baseline is not None:
            out["baseline"] = {"entries": len(self.baseline), "matched": len(self.matched), "stale": self.stale()}
        return out

    def notices(self) -> list[str]:
        """One line each for stderr: a gate that hides findings says so even in a table report."""
        lines = []
        if self.totals:
            parts = ", ".join(f"{n} by {via}" for via, n in self.totals.to_dict().items() if n)
            lines.append(f"{self.totals.total} finding(s) in {len(self.by_listing)} listing(s) suppressed ({parts})")
        if self.stale():
            lines.append(f"{self.stale()} baseline entr{'y' if self.stale() == 1 else 'ies'} matched no finding "
                         f"(stale); recreate the baseline with 'listguard baseline create' to prune them")
        if self.unknown_waivers:
            named = ", ".join(f"{code} (row {row})" for code, row in self.unknown_waivers.items())
            lines.append(f"{WAIVER_COLUMN} names codes no rule has, which waive nothing: {named}")
        return lines


def listing_digest(listing) -> bytes:
    """A hash of what the check reads of a row: id, text fields as uploaded, brand, category, price
    and waivers. A column listguard does not read (stock, images) does not make a row changed; a
    Shopify variant whose product's text changed does."""
    values = [listing.id, listing.brand, listing.category, listing.price, list(listing.waivers),
              sorted((name, f.raw) for name, f in listing.fields.items())]
    return hashlib.blake2b(json.dumps(values, ensure_ascii=False).encode("utf-8", "surrogateescape"),
                           digest_size=16).digest()


@dataclass(frozen=True)
class PreviousCatalog:
    """The rows of the catalog a ``--changed-only`` run compares with, as digests."""

    digests: frozenset[bytes]

    @classmethod
    def from_listings(cls, listings: Iterable) -> "PreviousCatalog":
        return cls(frozenset(listing_digest(lst) for lst in listings if lst.error is None))

    def mark(self, listings: Iterable) -> Iterator:
        """Pass ``listings`` through, marking rows whose content is the same as before as unchanged;
        an unreadable row is never unchanged (its problem is reported every run)."""
        for listing in listings:
            if listing.error is None and listing_digest(listing) in self.digests:
                listing.unchanged = True
            yield listing


class Gated:
    """A checked listing as the gate lets it through, offering the report loop what a result does."""

    __slots__ = ("item",)

    def __init__(self, item: dict) -> None:
        self.item = item

    @property
    def verdicts(self) -> dict[str, str]:
        return self.item["verdicts"]

    def to_dict(self, with_text: bool = False) -> dict:
        if with_text:
            return self.item
        return {k: v for k, v in self.item.items() if k not in ("title", "fields")}


class Gate:
    """Between the catalog, the checker and the report: marks unchanged rows on the way in, and on
    the way out suppresses each result with its row's waivers.

    Waivers are kept here by row until the row's result comes back, because results from worker
    processes (``--jobs``) carry the report item only, not the listing."""

    def __init__(self, suppressor: Suppressor | None = None, previous: PreviousCatalog | None = None) -> None:
        self.suppressor = suppressor or Suppressor()
        self.previous = previous
        self.unchanged = 0
        self.waived_rows = 0
        self._waivers: dict[int, tuple[str, ...]] = {}

    def feed(self, listings: Iterable) -> Iterator:
        """The catalog's rows on their way to the checker."""
        if self.previous is not None:
            listings = self.previous.mark(listings)
        for listing in listings:
            if listing.waivers:
                self.waived_rows += 1
                self._waivers[listing.row] = listing.waivers
            yield listing

    def results(self, results: Iterable) -> Iterator[Gated]:
        """The checker's results (``ListingResult`` or a worker's ``Outcome``) as the report takes them."""
        try:
            for result in results:
                yield Gated(self.report(result.to_dict(with_text=True)))
        finally:
            getattr(results, "close", lambda: None)()  # workers stop now, not when collected

    def report(self, item: dict) -> dict:
        if UNCHANGED in item["verdicts"].values():
            self.unchanged += 1
        return self.suppressor.apply(item, self._waivers.pop(item["row"], ()))

    def summarize(self, summary: dict) -> dict:
        """The run's summary with what the gate left out; as it was when the gate had nothing to do."""
        out = dict(summary)
        if self.previous is not None:
            out["by_platform"] = {k: {**dict.fromkeys(VERDICTS, 0), **counts, UNCHANGED: counts.get(UNCHANGED, 0)}
                                  for k, counts in summary["by_platform"].items()}
            out["unchanged"] = self.unchanged
        if self.suppressor.active or self.waived_rows:
            out.update(self.suppressor.summary())
        return out

    def notices(self) -> list[str]:
        """One line each for stderr, so a table report says what the gate left out too."""
        lines = self.suppressor.notices()
        if self.previous is not None:
            lines.insert(0, f"--changed-only: {self.unchanged} row(s) unchanged since the previous catalog, "
                            f"not checked (verdict '{UNCHANGED}')")
        return lines
