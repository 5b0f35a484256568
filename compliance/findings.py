"""What a check finds and what a listing's verdict on a marketplace is."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("block", "warn", "info")
VERDICTS = ("pass", "warn", "fail", "error")


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
    explanation: tuple[tuple[str, object], ...] = field(default=(), compare=False)

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

    def fingerprint(self, listing_id: str) -> tuple[str, str, str]:
        return (listing_id, self.rule, self.entry)


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
