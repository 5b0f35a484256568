"""JSON Lines: one listing per line as it is checked, then one closing summary line.

Each listing line is flushed at once, so a pipeline reading the output (``jq``, a queue,
a database loader) can start on the first listing while the check is still running.
"""
from __future__ import annotations

import json
from typing import TextIO

from .json_report import report_header, report_listing


class JsonlFormatter:
    """One listing object per line; the last line is ``{"summary", "tool", ...}``."""

    name = "jsonl"

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self._header = report_header({})

    def start(self, header: dict) -> None:
        self._header = report_header(header)

    def listing(self, item: dict) -> None:
        self._write_line(report_listing(item))

    def finish(self, summary: dict) -> None:
        self._write_line({"summary": summary, **self._header})

    def _write_line(self, obj: dict) -> None:
        self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.stream.flush()
