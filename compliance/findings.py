"""What a check finds and what a listing's verdict on a marketplace is."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from dataclasses import field as dataclass_field  # a finding has a field named field
from typing import Iterable

SEVERITIES = ("block", "warn", "info")
VERDICTS = ("pass", "warn", "fail", "error")
# A row a --changed-only run did not check: its content is the same as in the previous catalog.
UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Finding:
    """One problem (or, with severity ``info``, one noted permitted use) in one field.

    ``start``/``end`` are offsets into the field's original text, so an editor can
    highlight exactly what matched. ``platforms`` lists the ``PLATFORM:REGION`` targets
    on which this finding counts. Identity for baselines is (listing id, rule, entry),
    see :meth:`fingerprint`, so edits elsewhere in a listing do not change it.
    """

    rule: str
    kind: str
    severity: str
    platforms: tuple[str, ...]
    field: str
    start: int
    end: int
    text: str
    entry: str
    score: float
    message: str
    fix: str
    # The (key, value) pairs explain prints, made when first read (rules.base.Explanation).
    explanation: Iterable[tuple[str, object]] = dataclass_field(default=(), compare=False)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "platforms": list(self.platforms),
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entry": self.entry,
            "score": round(self.score, 3),
            "message": self.message,
            "fix": self.fix,
        }

    @classmethod
    def from_dict(cls, item: dict) -> "Finding":
        """A finding back from its report form (:meth:`to_dict`), e.g. from a worker process; keys
        the class does not know are left out, and ``explanation`` is not in the report."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in item.items() if k in known}
        return cls(**{**values, "platforms": tuple(item["platforms"])})

    def fingerprint(self, listing_id: str) -> tuple[str, str, str]:
        """(listing id, rule, entry identity): the blocklist entry or rule parameter the finding
        matched, or, for a rule that names none, the matched text with case, width and spacing
        folded. Neither offsets nor other fields are part of it."""
        return (listing_id, self.rule, self.entry or normalized_text(self.text))


def normalized_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def verdict(findings, platform: str) -> str:
    """``fail`` when a blocking finding counts on ``platform``, ``warn`` for warnings only."""
    worst = "pass"
    for f in findings:
        if platform not in f.platforms:
            continue
        if f.severity == "block":
            return "fail"
        if f.severity == "warn":
            worst = "warn"
    return worst
