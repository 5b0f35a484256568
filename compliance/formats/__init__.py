"""Report formats: one formatter per format, chosen by name or by the output file's extension.

Every formatter writes to a text stream it does not close, and is driven the same way::

    formatter = get_formatter("json")(stream, color=False)
    formatter.start(header)          # {"tool": {...}, "checked_at": ..., "platforms": [...]}
    for item in results:             # one listing result, in input order
        formatter.listing(item)
    formatter.finish(summary)        # {"listings": N, "by_platform": {...}}

json, jsonl and csv write the report contract only (see :mod:`.json_report`); the
display-only keys ``title`` and ``fields`` of a listing are for the table.
"""
from __future__ import annotations

import os
from pathlib import PurePath
from typing import Protocol, TextIO

from compliance.errors import UsageError

from .csv_report import CsvFormatter
from .json_report import JsonFormatter
from .jsonl import JsonlFormatter
from .table import TableFormatter


class Formatter(Protocol):
    name: str

    def __init__(self, stream: TextIO, color: bool = False) -> None: ...
    def start(self, header: dict) -> None: ...
    def listing(self, item: dict) -> None: ...
    def finish(self, summary: dict) -> None: ...


FORMATS: dict[str, type[Formatter]] = {
    "table": TableFormatter,
    "json": JsonFormatter,
    "jsonl": JsonlFormatter,
    "csv": CsvFormatter,
}

_BY_EXTENSION = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".txt": "table",
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
    return _BY_EXTENSION.get(PurePath(path).suffix.lower())
