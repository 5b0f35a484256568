"""CSV: one row per finding, for spreadsheets; every listing appears at least once.

The run's summary is not written: a CSV file is one table, and the summary is the
spreadsheet's own count of the verdict columns.
"""
from __future__ import annotations

import csv
from typing import TextIO

from .json_report import FINDING_KEYS


def csv_columns(platforms: list[str]) -> list[str]:
    """The header row: listing columns, one verdict column per platform, finding columns."""
    return ["id", "row", *(f"verdict:{p}" for p in platforms), *FINDING_KEYS, "error"]


# A spreadsheet runs a cell that begins with one of these as a formula (=HYPERLINK(...),
# =cmd|' /C calc'!A0, @SUM(...)); listing text is the seller's or a scraper's, never trusted.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """``value`` made inert for a spreadsheet: a leading apostrophe shows it as text."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "|".join(str(v) for v in value)
    return spreadsheet_safe(value) if isinstance(value, str) else value


class CsvFormatter:
    """Rows are written as listings arrive; a listing without findings gets one row."""

    name = "csv"

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        # RFC 4180 line ends: the writer then quotes a field holding a bare carriage return too.
        self._writer = csv.writer(stream, lineterminator="\r\n")
        self._platforms: list[str] = []

    def start(self, header: dict) -> None:
        self._platforms = list(header.get("platforms", []))
        self._writer.writerow(csv_columns(self._platforms))

    def listing(self, item: dict) -> None:
        verdicts = item["verdicts"]
        lead = [_cell(item["id"]), item["row"], *(verdicts.get(p, "") for p in self._platforms)]
        error = _cell(item.get("error"))
        findings = item["findings"]
        if not findings:
            self._writer.writerow([*lead, *([""] * len(FINDING_KEYS)), error])
        for finding in findings:
            self._writer.writerow([*lead, *(_cell(finding[k]) for k in FINDING_KEYS), error])

    def finish(self, summary: dict) -> None:
        self.stream.flush()
