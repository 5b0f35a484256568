"""Markdown for a pull-request comment or a CI job summary: counts per platform, then what to fix.

Listing text is the seller's (or a scraper's): it goes into code spans, whose fence is longer
than any run of backticks in it and whose pipes are escaped, so it can neither end the span,
split a table cell nor become HTML; a mention (``@name``) inside a code span notifies nobody.
Text of listguard's own (reasons, fixes), which may quote the listing, is escaped as Markdown.

A GitHub comment holds at most 65,536 characters: rows are kept while they fit and the rest
are counted in a closing "n more not shown" line; memory stays within that size too.
"""
from __future__ import annotations

import html
import re
from typing import TextIO

from .common import STATUSES, count_columns, ordered_platforms, shown_findings
from .table import listing_status, printable

_SECTIONS = (
    ("fail", "Failing listings"),
    ("warn", "Listings with warnings"),
    ("error", "Unreadable rows"),
)
_FINDINGS_HEAD = ("| listing | row | rule | in | matched | reason | fix | counts on |\n"
                  "|---|--:|---|---|---|---|---|---|\n")
_ERRORS_HEAD = "| listing | row | reason |\n|---|--:|---|\n"
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_BACKTICKS = re.compile(r"`+")


def code(text: object) -> str:
    """``text`` as an inline code span that is safe inside a table cell."""
    text = printable(str(text)).replace("|", "\\|")
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    # A space each side keeps a leading or trailing backtick from joining the fence.
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text or ' '}{pad}{fence}"


def plain(text: object) -> str:
    """listguard's own text made literal: no emphasis, links, HTML, cell breaks or mentions."""
    text = html.escape(printable(str(text)), quote=False)
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return text.replace("@", "@\u2060")   # a word joiner: no @mention notification


class MarkdownFormatter:
    """The counts table first (known at the end), then the kept rows; everything within the cap."""

    name = "markdown"
    max_chars = 65_536
    reserve = 4_000   # for the heading, the counts table and the closing lines

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self._platforms: list[str] = []
        self._rows: dict[str, list[str]] = {status: [] for status, _ in _SECTIONS}
        self._used = 0
        self._hidden = 0
        self._counts = dict.fromkeys(STATUSES, 0)

    def start(self, header: dict) -> None:
        self._platforms = list(header.get("platforms", []))
        self.reserve = max(self.reserve, 600 + 80 * len(self._platforms))

    def listing(self, item: dict) -> None:
        status = listing_status(item)
        self._counts[status] += 1
        if status == "pass":
            return
        rows = _error_rows(item) if status == "error" else self._finding_rows(item)
        size = sum(len(r) for r in rows)
        if self._hidden or self._used + size > self.max_chars - self.reserve:
            self._hidden += 1   # once one listing is left out, later ones are too: no gaps
            return
        self._rows[status] += rows
        self._used += size

    def finish(self, summary: dict) -> None:
        parts = [self._heading(), _counts_table(summary.get("by_platform", {}), self._platforms)]
        for status, heading in _SECTIONS:
            if self._rows[status]:
                head = _ERRORS_HEAD if status == "error" else _FINDINGS_HEAD
                parts.append(f"### {heading}\n\n{head}{''.join(self._rows[status])}")
        if self._hidden:
            parts.append(f"_{self._hidden} more listing{'s' if self._hidden != 1 else ''} not shown; "
                         f"the JSON or HTML report has them all._")
        self.stream.write("\n\n".join(parts) + "\n")
        self.stream.flush()

    def _heading(self) -> str:
        c = self._counts
        total = sum(c.values())
        line = (f"## listguard: {c['fail']} of {total} listing{'s' if total != 1 else ''} fail\n\n"
                f"{c['fail']} fail on at least one platform, {c['warn']} warn only, {c['pass']} pass")
        return line + (f", {c['error']} unreadable." if c["error"] else ".")

    def _finding_rows(self, item: dict) -> list[str]:
        rows = []
        for finding in shown_findings(item):
            on = finding.get("platforms") or []
            where = "all" if set(on) == set(self._platforms) else ", ".join(on)
            cells = [code(item["id"]), str(item["row"]), _rule(finding), plain(finding["field"]),
                     code(finding["text"]), plain(finding["message"]), plain(finding.get("fix") or ""),
                     plain(where)]
            rows.append("| " + " | ".join(cells) + " |\n")
        return rows


def _rule(finding: dict) -> str:
    marker = "**fail**" if finding["severity"] == "block" else "warn"
    return f"{plain(finding['rule'])} {marker}"


def _error_rows(item: dict) -> list[str]:
    return [f"| {code(item.get('id') or '')} | {item['row']} | {plain(item.get('error') or '')} |\n"]


def _counts_table(by_platform: dict, platforms: list[str]) -> str:
    columns = count_columns(by_platform)
    lines = ["| platform | " + " | ".join(columns) + " |", "|---|" + "--:|" * len(columns)]
    for name in ordered_platforms(by_platform, platforms):
        counts = by_platform[name]
        lines.append(f"| {plain(name)} | " + " | ".join(str(counts.get(s, 0)) for s in columns) + " |")
    return "\n".join(lines)
