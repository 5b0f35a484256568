"""GitHub Actions workflow commands: an ``::error`` or ``::warning`` annotation per listing.

GitHub shows at most 10 error and 10 warning annotations of a step; the first 10 of each are
written as the listings arrive, and a ``::notice`` with the totals follows when there were
more. Where ``GITHUB_STEP_SUMMARY`` names a file, the Markdown report is appended to it as
the job summary.

Listing text cannot issue commands of its own: a workflow command is one line, so line
breaks and ``%`` are percent-encoded in the message, and ``:`` and ``,`` too in properties
(``file=``, ``title=``); other control characters are spelled out (``<U+001B>``).
"""
from __future__ import annotations

import io
import os
from typing import TextIO

from .common import catalog_path, platforms_with, shown_findings
from .markdown import MarkdownFormatter
from .table import listing_status, printable

_LEVELS = {"fail": "error", "error": "error", "warn": "warning"}


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: the message's escapes, and ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    """One workflow command line, ``::level key=value,...::message``, every part escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value not in (None, ""))
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}\n"


def annotation(item: dict, status: str) -> tuple[str, str]:
    """(title, message) of a listing's annotation: where it fails or warns, then each finding."""
    ident = printable(str(item["id"]))
    if status == "error":
        return f"{ident} (row {item['row']}) cannot be read", printable(str(item.get("error") or ""))
    on = platforms_with(item, status)
    title = f"{ident} (row {item['row']}) {'fails' if status == 'fail' else 'warns'} on {', '.join(on)}"
    lines = []
    for finding in shown_findings(item):
        line = (f"{finding['rule']} in {finding['field']}: \"{printable(finding['text'])}\" - "
                f"{printable(finding['message'])}")
        if finding.get("fix"):
            line += f" Fix: {printable(finding['fix'])}"
        lines.append(line)
    return title, "\n".join(lines)


class GithubFormatter:
    """Annotations as listings arrive (flushed, so they show while the run goes on)."""

    name = "github"
    max_per_level = 10

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self._file = ""
        self._annotated = {"error": 0, "warning": 0}
        self._listings = {"error": 0, "warning": 0}
        self._summary_path = os.environ.get("GITHUB_STEP_SUMMARY") or ""
        self._summary_text = io.StringIO()  # the job summary, written to its file at the end
        self._summary = MarkdownFormatter(self._summary_text) if self._summary_path else None

    def start(self, header: dict) -> None:
        self._file = catalog_path(header)
        if self._summary:
            self._summary.start(header)

    def listing(self, item: dict) -> None:
        if self._summary:
            self._summary.listing(item)
        status = listing_status(item)
        level = _LEVELS.get(status)
        if level is None:
            return
        self._listings[level] += 1
        if self._annotated[level] >= self.max_per_level:
            return
        self._annotated[level] += 1
        title, message = annotation(item, status)
        self.stream.write(command(level, message, file=self._file, line=item.get("line"), title=title))
        self.stream.flush()

    def finish(self, summary: dict) -> None:
        errors, warnings = self._listings["error"], self._listings["warning"]
        if errors > self.max_per_level or warnings > self.max_per_level:
            shown = self._annotated["error"] + self._annotated["warning"]
            self.stream.write(command(
                "notice", f"{errors} listings fail or cannot be read and {warnings} warn; {shown} are annotated "
                          f"(GitHub shows {self.max_per_level} of each per step). The other reports have them all.",
                title=f"listguard: {summary.get('listings', 0)} listings checked"))
        if self._summary:
            self._write_summary(self._summary, summary)
        self.stream.flush()

    def _write_summary(self, markdown: MarkdownFormatter, summary: dict) -> None:
        markdown.finish(summary)
        try:
            with open(self._summary_path, "a", encoding="utf-8") as handle:
                handle.write(self._summary_text.getvalue())
        except OSError as exc:
            # The annotations are the report; a job summary that cannot be written is only noted.
            self.stream.write(command("warning", f"the job summary cannot be written: {exc.strerror or exc}",
                                      title="listguard"))
