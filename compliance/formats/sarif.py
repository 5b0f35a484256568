"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): one run, one result per finding.

The catalog is the artifact: every result points at it, with the listing's line where the
report carries one (``line``) and always a logical location naming the listing and field.
``ruleId`` is the rule code; ``partialFingerprints`` hash the finding's identity (listing,
rule, field, entry matched, platforms), so an alert stays the same alert when another part
of the listing is edited.

GitHub takes at most 25,000 results per run and a 10 MB gzip upload: results past either
limit are left out and counted in the run's notification, never silently dropped. Results
are spooled as they arrive (the rules and counts they need are small), so a large catalog
does not sit in memory.
"""
from __future__ import annotations

import json
import tempfile
import zlib
from typing import TextIO

from .common import LEVELS, catalog_uri, finding_identity, fingerprint, shown_findings

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
UNREADABLE_RULE = "unreadable-row"
_COMPACT = (",", ":")


class SarifFormatter:
    """Results spooled as listings arrive; the rules, counts and notes written at the end."""

    name = "sarif"
    max_results = 25_000
    max_gzip_bytes = 9_500_000   # under GitHub's 10 MB, leaving room for the rules and the run
    max_message = 2_000
    spool_max_bytes = 4 * 1024 * 1024

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self._header: dict = {}
        self._uri = "catalog"
        self._spool = tempfile.SpooledTemporaryFile(max_size=self.spool_max_bytes, mode="w+", encoding="utf-8")
        self._gzip = zlib.compressobj(6, zlib.DEFLATED, 31)
        self._gzip_bytes = 0
        self._written = 0
        self._left_out = 0
        self._rules: dict[str, int] = {}   # code -> index in tool.driver.rules, in order of first use
        self._severities: dict[str, str] = {}

    def start(self, header: dict) -> None:
        self._header = header
        self._uri = catalog_uri(header)

    def listing(self, item: dict) -> None:
        for result in self._results(item):
            self._write(result)

    def finish(self, summary: dict) -> None:
        run = {
            "tool": {"driver": self._driver()},
            "invocations": [self._invocation()],
            "properties": {"listings": summary.get("listings", 0), "byPlatform": summary.get("by_platform", {}),
                           "platforms": list(self._header.get("platforms", [])),
                           "resultsLeftOut": self._left_out},
        }
        head = json.dumps(run, ensure_ascii=False, separators=_COMPACT)
        self.stream.write('{"$schema":' + json.dumps(SCHEMA_URI) + ',"version":"2.1.0","runs":[')
        self.stream.write(head[:-1] + ',"results":[')
        self._spool.seek(0)
        while chunk := self._spool.read(1 << 16):
            self.stream.write(chunk)
        self.stream.write("]}]}\n")
        self._spool.close()
        self.stream.flush()

    # --- results -------------------------------------------------------------------------

    def _write(self, result: dict) -> None:
        if self._written >= self.max_results or self._gzip_bytes > self.max_gzip_bytes:
            self._left_out += 1
            return
        text = json.dumps(result, ensure_ascii=False, separators=_COMPACT)
        # Compressed as the upload will be, to stop near GitHub's size limit rather than past it.
        self._gzip_bytes += len(self._gzip.compress(text.encode("utf-8")))
        self._spool.write(("," if self._written else "") + text)
        self._written += 1

    def _results(self, item: dict):
        if item.get("error") is not None:
            yield self._unreadable(item)
        seen: dict[tuple, int] = {}
        for finding in shown_findings(item):
            identity = finding_identity(item["id"], finding)
            seen[identity] = seen.get(identity, 0) + 1
            yield self._finding(item, finding, fingerprint(identity, seen[identity]))

    def _finding(self, item: dict, finding: dict, digest: str) -> dict:
        code = finding["rule"]
        self._rule_index(code, finding["severity"])
        text = finding.get("text") or ""
        message = f'"{text}" in {finding["field"]} of {item["id"]} (row {item["row"]}): {finding["message"]}'
        if finding.get("fix"):
            message += f" Fix: {finding['fix']}"
        location = self._location(item, finding["field"], text)
        return {
            "ruleId": code, "ruleIndex": self._rules[code], "level": LEVELS.get(finding["severity"], "warning"),
            "message": {"text": _cut(message, self.max_message)},
            "locations": [location],
            "partialFingerprints": _fingerprints(digest),
            "properties": {"listing": str(item["id"]), "row": item["row"], "field": finding["field"],
                           "matched": text, "entry": finding.get("entry") or "",
                           "platforms": list(finding.get("platforms") or ()), "kind": finding.get("kind") or ""},
        }

    def _unreadable(self, item: dict) -> dict:
        self._rule_index(UNREADABLE_RULE, "block")
        digest = fingerprint((str(item["id"]), UNREADABLE_RULE, str(item["row"])))
        return {
            "ruleId": UNREADABLE_RULE, "ruleIndex": self._rules[UNREADABLE_RULE], "level": "error",
            "message": {"text": _cut(f"{item['id']} (row {item['row']}) cannot be read: {item['error']}",
                                     self.max_message)},
            "locations": [self._location(item, "", "")],
            "partialFingerprints": _fingerprints(digest),
            "properties": {"listing": str(item["id"]), "row": item["row"]},
        }

    def _location(self, item: dict, field: str, text: str) -> dict:
        physical: dict = {"artifactLocation": {"uri": self._uri}}
        if item.get("line"):
            physical["region"] = {"startLine": int(item["line"])}
            if text:
                physical["region"]["snippet"] = {"text": _cut(text, self.max_message)}
        name = f"{item['id']}.{field}" if field else str(item["id"])
        logical = {"name": field or str(item["id"]), "fullyQualifiedName": name,
                   "kind": "property" if field else "object"}
        return {"physicalLocation": physical, "logicalLocations": [logical]}

    def _rule_index(self, code: str, severity: str) -> None:
        if code not in self._rules:
            self._rules[code] = len(self._rules)
            self._severities[code] = severity

    # --- the run -------------------------------------------------------------------------

    def _driver(self) -> dict:
        tool = self._header.get("tool", {})
        driver = {"name": tool.get("name", "listguard"), "rules": self._descriptors()}
        if tool.get("version"):
            driver["version"] = driver["semanticVersion"] = str(tool["version"])
        return driver

    def _descriptors(self) -> list[dict]:
        platforms = [p.split(":")[0] for p in self._header.get("platforms", [])]
        return [rule_descriptor(code, self._severities[code], platforms) for code in self._rules]

    def _invocation(self) -> dict:
        invocation: dict = {"executionSuccessful": True}
        if self._left_out:
            invocation["toolExecutionNotifications"] = [{
                "level": "warning", "descriptor": {"id": "results-left-out"},
                "message": {"text": f"{self._left_out} results left out: code scanning takes at most "
                                    f"{self.max_results:,} results and a 10 MB upload per run; the JSON "
                                    f"report has every finding"},
            }]
        if self._header.get("checked_at"):
            invocation["endTimeUtc"] = _utc(self._header["checked_at"])
        return invocation


def _fingerprints(digest: str) -> dict:
    # GitHub matches alerts across runs on primaryLocationLineHash; filled with the finding's own
    # identity (not a hash of the catalog line), an edit elsewhere in the listing keeps the alert.
    return {"listguardFinding/v1": digest, "primaryLocationLineHash": f"{digest[:16]}:1"}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _utc(stamp: str) -> str:
    """``2026-11-26T16:00:00+00:00`` as SARIF's UTC date-time, ``2026-11-26T16:00:00Z``."""
    return stamp[:-6] + "Z" if stamp.endswith("+00:00") else stamp


def rule_descriptor(code: str, severity: str, platforms: list[str]) -> dict:
    """A ``reportingDescriptor`` for a rule code, from the rule book where it knows the code."""
    level = LEVELS.get(severity, "warning")
    if code == UNREADABLE_RULE:
        return {"id": code, "name": code, "shortDescription": {"text": "A catalog row that cannot be read."},
                "defaultConfiguration": {"level": "error"}}
    entry = _rule_entry(code)
    if entry is None:
        return {"id": code, "name": code, "defaultConfiguration": {"level": level}}
    doc = entry.doc
    descriptor = {
        "id": code, "name": entry.name,
        "shortDescription": {"text": _first_sentence(doc.what)},
        "fullDescription": {"text": doc.what},
        "help": {"text": f"{doc.what}\n\nWhy: {doc.why}\n\nFails: {doc.fails}\nPasses: {doc.passes}"},
        "defaultConfiguration": {"level": LEVELS.get(entry.default_severity, level)},
        "properties": {"kind": entry.kind},
    }
    uri = _help_uri(entry, platforms)
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def _rule_entry(code: str):
    # Imported here: the rule book loads every rule and pack, which a run has done by now but
    # `listguard --help` must not.
    from compliance.rulebook import UnknownRule, explain_rule

    try:
        return explain_rule(code)
    except UnknownRule:
        return None


def _help_uri(entry, platforms: list[str]) -> str:
    """The page the first checked platform's pack cites for the rule, else the first pack's."""
    uses = sorted(entry.uses, key=lambda u: platforms.index(u.platform) if u.platform in platforms else len(platforms))
    return next((u.source for u in uses if u.source.startswith(("https://", "http://"))), "")


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text
