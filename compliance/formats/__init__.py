"""Report formats: one formatter per format, chosen by name or by the output file's extension.

Every formatter writes to a text stream it does not close, and is driven the same way::

    formatter = get_formatter("json")(stream, color=False)
    formatter.start(header)          # {"tool": {...}, "checked_at": ..., "platforms": [...]}
    for item in results:             # one listing result, in input order
        formatter.listing(item)
    formatter.finish(summary)        # {"listings": N, "by_platform": {...}}

json, jsonl and csv write the report contract only (see :mod:`.json_report`); the
display-only keys ``title`` and ``fields`` of a listing are for the formats that show text
(``wants_text``: table, html), and the header's ``catalog`` (the catalog's path) and a
listing's ``line`` are for the formats that point into the catalog (sarif, junit, github).

Several formats are written from one pass over the results with :class:`FanOut`.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Protocol, TextIO

from compliance.errors import UsageError


class Formatter(Protocol):
    name: str

    def __init__(self, stream: TextIO, color: bool = False) -> None: ...
    def start(self, header: dict) -> None: ...
    def listing(self, item: dict) -> None: ...
    def finish(self, summary: dict) -> None: ...


class _Registry(Mapping):
    """Format name -> formatter class, each module imported when its class is first asked for:
    the command line lists every name (``--format``'s choices) at start-up, and a run loads only
    the formatters it writes."""

    def __init__(self, where: dict[str, tuple[str, str]]) -> None:
        self._where = where

    def __getitem__(self, name: str) -> type[Formatter]:
        module, cls = self._where[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), cls)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


FORMATS: Mapping[str, type[Formatter]] = _Registry({
    "table": ("table", "TableFormatter"),
    "json": ("json_report", "JsonFormatter"),
    "jsonl": ("jsonl", "JsonlFormatter"),
    "csv": ("csv_report", "CsvFormatter"),
    "sarif": ("sarif", "SarifFormatter"),
    "junit": ("junit", "JunitFormatter"),
    "github": ("github", "GithubFormatter"),
    "markdown": ("markdown", "MarkdownFormatter"),
    "html": ("html", "HtmlFormatter"),
})

_BY_EXTENSION = {
    ".sarif.json": "sarif",   # compound suffixes first: .sarif.json is SARIF, not plain JSON
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".txt": "table",
    ".sarif": "sarif",
    ".xml": "junit",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
}

# The file each format gets in an output folder (``--output-dir``).
FILE_NAMES = {
    "table": "report.txt",
    "json": "report.json",
    "jsonl": "report.jsonl",
    "csv": "report.csv",
    "sarif": "report.sarif",
    "junit": "report.xml",
    "github": "report.github.txt",
    "markdown": "report.md",
    "html": "report.html",
}


def get_formatter(name: str) -> type[Formatter]:
    """The formatter class for a format name; :class:`UsageError` names the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UsageError(f"unknown format {name!r}; choose one of: {known}") from None


def format_for_path(path: str | os.PathLike) -> str | None:
    """The format an output file's extension asks for (``.json`` -> json), or None."""
    name = PurePath(path).name.lower()
    return next((fmt for ext, fmt in _BY_EXTENSION.items() if name.endswith(ext) and name != ext), None)


class FanOut:
    """Several formatters driven as one: each gets the same header, listings and summary.

    The listing dicts are shared, so formatters only read them.
    """

    name = "fan-out"

    def __init__(self, formatters: list[Formatter]) -> None:
        self.formatters = list(formatters)
        self.wants_text = any(getattr(f, "wants_text", False) for f in self.formatters)

    def start(self, header: dict) -> None:
        for formatter in self.formatters:
            formatter.start(header)

    def listing(self, item: dict) -> None:
        for formatter in self.formatters:
            formatter.listing(item)

    def finish(self, summary: dict) -> None:
        for formatter in self.formatters:
            formatter.finish(summary)
