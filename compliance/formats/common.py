"""What the report formats share: which findings they show, a listing's identity, the catalog's address.

Info findings note a permitted use (compatibility wording): nothing to fix, so the formats a
reviewer reads (table, CI formats) show blocking findings and warnings only; json, jsonl and
csv keep every finding.
"""
from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path, PurePath
from urllib.parse import quote

SHOWN_SEVERITIES = ("block", "warn")
LEVELS = {"block": "error", "warn": "warning", "info": "note"}
STATUSES = ("pass", "warn", "fail", "error")


def shown_findings(item: dict, platform: str | None = None) -> list[dict]:
    """The listing's blocking findings, then its warnings; with ``platform``, those counting there."""
    found = [f for f in item["findings"] if f["severity"] in SHOWN_SEVERITIES
             and (platform is None or platform in (f.get("platforms") or ()))]
    return sorted(found, key=lambda f: SHOWN_SEVERITIES.index(f["severity"]))


def platforms_with(item: dict, verdict: str) -> list[str]:
    """The platforms on which the listing has ``verdict``, in report order."""
    return [p for p, v in item["verdicts"].items() if v == verdict]


def count_columns(by_platform: dict) -> list[str]:
    """The verdicts a counts table shows: the four always, then any other the summary counts
    (``unchanged`` rows of a ``--changed-only`` run)."""
    extra = {v for counts in by_platform.values() for v in counts if v not in STATUSES}
    return [*STATUSES, *sorted(extra)]


def ordered_platforms(by_platform: dict, platforms: list[str]) -> list[str]:
    """The summary's platforms in the run's order, any others after them."""
    return [p for p in platforms if p in by_platform] + [p for p in by_platform if p not in platforms]


def catalog_path(header: dict) -> str:
    """The catalog as the run named it, relative to the working folder where it lies inside it
    (CI tools resolve paths against the checkout, where the run starts), with ``/`` separators."""
    name = header.get("catalog") or ""
    if not name:
        return ""
    path = Path(name)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_posix()
    return PurePath(os.path.normpath(path)).as_posix()


def catalog_uri(header: dict) -> str:
    """The catalog as a URI reference: a relative path percent-encoded, or a ``file:`` URI."""
    path = catalog_path(header)
    if not path:
        return "catalog"
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(path, safe="/")


def normalized(text: str) -> str:
    """Matched text as an identity: compatibility forms folded, case and whitespace ignored."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def finding_identity(listing_id: str, finding: dict) -> tuple[str, ...]:
    """What makes a finding the same finding across runs: the listing, the rule, the field, the
    entry matched (or the matched text, normalized) and where it counts. Offsets and wording are
    left out, so an edit elsewhere in the listing keeps it."""
    what = finding.get("entry") or normalized(finding.get("text") or "")
    where = ",".join(sorted(finding.get("platforms") or ()))
    return (str(listing_id), finding["rule"], finding.get("field") or "", what, where)


def fingerprint(identity: tuple[str, ...], occurrence: int = 1) -> str:
    """A stable hex digest of a finding identity; ``occurrence`` tells repeats in one listing apart."""
    text = "\x1f".join([*identity, str(occurrence)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
