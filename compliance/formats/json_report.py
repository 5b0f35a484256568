"""The JSON report: one document with the run's header, summary and every listing.

The summary comes before the listings in the document but is only known once the last
listing is checked. Listings are therefore spooled to a temporary file as they arrive (in
memory up to a few MB, on disk beyond) and copied in after the summary, so a catalog of a
million rows never sits in memory.

This module also owns the report contract shared by json, jsonl and csv:
:func:`report_listing` keeps exactly the contract's keys (``findings_left_out`` only where
a field's findings passed the cap) and drops display-only ones (``title``, ``fields``).
"""
from __future__ import annotations

import json
import shutil
import tempfile
from typing import TextIO

HEADER_KEYS = ("tool", "checked_at", "platforms", "columns", "input_format", "encoding")
FINDING_KEYS = (
    "rule", "kind", "severity", "platforms", "field", "start", "end",
    "text", "entry", "score", "message", "fix",
)


def report_header(header: dict) -> dict:
    """The run's header as the report contract has it, keys in contract order."""
    return {
        "tool": dict(header.get("tool", {})),
        "checked_at": header.get("checked_at"),
        "platforms": list(header.get("platforms", [])),
        # field -> the catalog column it was read from; a field absent here was not in the catalog
        "columns": dict(header.get("columns", {})),
        # the layout that read the catalog (compliance.inputs) and, for text, its encoding
        "input_format": header.get("input_format"),
        "encoding": header.get("encoding"),
    }


def report_finding(finding: dict) -> dict:
    """One finding with the contract's keys only, in contract order."""
    return {key: finding[key] for key in FINDING_KEYS}


def report_listing(item: dict) -> dict:
    """One listing with the contract's keys only; ``error`` only for unreadable rows."""
    out = {
        "id": item["id"],
        "row": item["row"],
        "verdicts": dict(item["verdicts"]),
        "findings": [report_finding(f) for f in item["findings"]],
    }
    if item.get("error") is not None:
        out["error"] = item["error"]
    if item.get("findings_left_out"):
        out["findings_left_out"] = dict(item["findings_left_out"])  # field -> findings past the cap
    return out


def _indented(text: str, prefix: str) -> str:
    # json.dumps escapes newlines inside strings, so every "\n" is a layout line break.
    return prefix + text.replace("\n", "\n" + prefix)


class JsonFormatter:
    """The whole report as one JSON document (``indent=2``, UTF-8, deterministic)."""

    name = "json"
    spool_max_bytes = 4 * 1024 * 1024

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self._header = report_header({})
        self._spool = tempfile.SpooledTemporaryFile(
            max_size=self.spool_max_bytes, mode="w+", encoding="utf-8"
        )
        self._count = 0

    def start(self, header: dict) -> None:
        self._header = report_header(header)

    def listing(self, item: dict) -> None:
        text = json.dumps(report_listing(item), ensure_ascii=False, indent=2)
        # Written exactly as json.dumps(whole_document, indent=2) would lay it out.
        self._spool.write(("," if self._count else "") + "\n" + _indented(text, "    "))
        self._count += 1

    def finish(self, summary: dict) -> None:
        head = json.dumps({**self._header, "summary": summary}, ensure_ascii=False, indent=2)
        # Reopen the closing "\n}" of the head to append the listings after the summary.
        self.stream.write(head[:-2])
        if self._count:
            self.stream.write(',\n  "listings": [')
            self._spool.seek(0)
            shutil.copyfileobj(self._spool, self.stream)
            self.stream.write("\n  ]\n}\n")
        else:
            self.stream.write(',\n  "listings": []\n}\n')
        self._spool.close()
        self.stream.flush()
