"""The table a seller reads in a terminal: how each marketplace came out, what fails, the fix.

Only failing, warning and unreadable listings are kept, each already rendered to a few
lines (the raw fields are not kept), and at most :attr:`TableFormatter.max_shown` of each;
the rest are counted. Memory stays bounded however large the catalog.

Seller text is shown on one line with control and invisible characters spelled out
(``<U+200B>``): a title must not be able to move the cursor or recolour the terminal,
and a hidden character inside a brand name is worth seeing.
"""
from __future__ import annotations

import re
import textwrap
import unicodedata
from typing import TextIO

from .common import ordered_platforms

WIDTH = 100
CONTEXT = 30      # characters of the field shown on each side of a match
MAX_MATCH = 30    # longer matches are shortened in the middle
INDENT = "    "   # details under a finding

_ANSI = {"block": "1;31", "fail": "1;31", "warn": "1;33", "error": "1;35", "heading": "1"}
_MARKERS = {"block": "BLOCK", "warn": "WARN"}
_SHOWN_SEVERITIES = ("block", "warn")   # info findings note permitted uses: nothing to fix
_SECTIONS = (
    ("fail", "Failing listings", "failing listings"),
    ("warn", "Listings with warnings", "listings with warnings"),
    ("error", "Unreadable rows", "unreadable rows"),
)
_SPACES = re.compile(r" {2,}")


def printable(text: str) -> str:
    """Text made single-line and inert for a terminal: whitespace runs become one space,
    control and invisible characters are spelled out as ``<U+XXXX>``."""
    if not text.isprintable():
        chars = []
        for ch in text:
            if ch.isspace():
                chars.append(" ")
            elif unicodedata.category(ch)[0] == "C":
                chars.append(f"<U+{ord(ch):04X}>")
            else:
                chars.append(ch)
        text = "".join(chars)
    return _SPACES.sub(" ", text)


def listing_status(item: dict) -> str:
    """``error`` for an unreadable row, else ``fail`` on any platform, ``warn``, ``pass``."""
    verdicts = set(item.get("verdicts", {}).values())
    if item.get("error") is not None:
        return "error"
    for status in ("fail", "error", "warn"):
        if status in verdicts:
            return status
    return "pass"


def closing_line(counts: dict[str, int]) -> str:
    """"443 listings checked: 12 fail on at least one platform, 1 warn only, 430 pass", from the
    number of listings of each :func:`listing_status`."""
    total = sum(counts.values())
    text = (f"{total} listing{'' if total == 1 else 's'} checked: "
            f"{counts.get('fail', 0)} fail on at least one platform, {counts.get('warn', 0)} warn only, "
            f"{counts.get('pass', 0)} pass")
    if counts.get("error"):
        text += f", {counts['error']} unreadable"
    return text


def _shortened(match: str) -> str:
    if len(match) <= MAX_MATCH:
        return match
    half = (MAX_MATCH - 3) // 2
    return match[:half] + "..." + match[-(MAX_MATCH - 3 - half):]


def snippet(raw: str | None, start: int, end: int, text: str,
            width: int = WIDTH - len(INDENT)) -> tuple[str, str, str]:
    """(before, match, after) of a finding in its field, cut to fit ``width`` columns.

    Without the field's text (or with offsets outside it) only the matched text is shown.
    """
    if not isinstance(raw, str) or not 0 <= start <= end <= len(raw):
        return "", _shortened(printable(text)), ""
    match = _shortened(printable(raw[start:end]))
    # 2 for the highlight markers, 6 for the ellipses at both ends.
    side = max(0, min(CONTEXT, (width - 8 - len(match)) // 2))
    reach = side + 12   # a little extra so a cut can fall on a word boundary

    window_start = max(0, start - reach)
    before = printable(raw[window_start:start])
    if window_start > 0 or len(before) > side:
        before = before[-side:] if side else ""
        space = before.find(" ", 0, 12)
        before = "..." + (before[space + 1:] if space >= 0 else before)
    else:
        before = before.lstrip()

    window_end = min(len(raw), end + reach)
    after = printable(raw[end:window_end])
    if window_end < len(raw) or len(after) > side:
        after = after[:side]
        cut = after.rfind(" ", max(0, len(after) - 12))
        after = (after[:cut] if cut > 0 else after) + "..."
    else:
        after = after.rstrip()
    return before, match, after


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


class TableFormatter:
    """A per-platform summary, then failing, warning and unreadable listings with fixes."""

    name = "table"
    wants_text = True   # shows the title and the field around each match
    max_shown = 200   # listings kept in full per section; beyond that they are only counted

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self.color = color
        self._platforms: list[str] = []
        self._counts = {"fail": 0, "warn": 0, "pass": 0, "error": 0}
        self._shown: dict[str, list[list[str]]] = {"fail": [], "warn": [], "error": []}

    def start(self, header: dict) -> None:
        self._platforms = list(header.get("platforms", []))

    def listing(self, item: dict) -> None:
        status = listing_status(item)
        self._counts[status] += 1
        if status == "pass":
            return
        kept = self._shown[status]
        if len(kept) < self.max_shown:
            if status == "error":
                kept.append(self._render_unreadable(item))
            else:
                kept.append(self._render_listing(item))

    def finish(self, summary: dict) -> None:
        lines = self._summary_table(summary.get("by_platform", {}))
        for status, heading, noun in _SECTIONS:
            blocks = self._shown[status]
            if not blocks:
                continue
            lines += ["", self._style(heading, "heading"), "-" * len(heading)]
            for i, block in enumerate(blocks):
                if i and status != "error":   # unreadable rows are one line each
                    lines.append("")
                lines += block
            hidden = self._counts[status] - len(blocks)
            if hidden:
                lines.append(f"... and {hidden} more {noun}; use --format json for all")
        lines += ["", self._closing_line()]
        self.stream.write("\n".join(lines) + "\n")
        self.stream.flush()

    def _style(self, text: str, kind: str) -> str:
        if not self.color or kind not in _ANSI:
            return text
        return f"\x1b[{_ANSI[kind]}m{text}\x1b[0m"

    def _summary_table(self, by_platform: dict) -> list[str]:
        columns = ("pass", "warn", "fail", "error")
        platforms = ordered_platforms(by_platform, self._platforms)
        rows = [[p, *(str(by_platform[p].get(c, 0)) for c in columns)] for p in platforms]
        head = ["platform", *columns]
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

        def line(cells: list[str]) -> str:
            first = cells[0].ljust(widths[0])
            return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:]))])

        return [self._style(line(head), "heading"), *(line(r) for r in rows)]

    def _render_listing(self, item: dict) -> list[str]:
        ident = f"{printable(str(item['id']))} (row {item['row']})"
        title = printable(str(item.get("title") or "")).strip()
        first = f"{ident}  {title}" if title else ident
        lines = [self._style(_fit(first, WIDTH), "heading")]
        by_verdict: dict[str, list[str]] = {}
        for platform, verdict in item["verdicts"].items():
            by_verdict.setdefault(verdict, []).append(platform)
        # Colour codes only make textwrap break earlier, never past the width.
        lines += textwrap.wrap(
            "; ".join(f"{self._style(v, v)} on {', '.join(by_verdict[v])}"
                      for v in ("fail", "warn", "error", "pass") if v in by_verdict),
            width=WIDTH, initial_indent="  ", subsequent_indent=INDENT,
            break_long_words=False, break_on_hyphens=False,
        )
        fields = item.get("fields") or {}
        findings = [f for f in item["findings"] if f["severity"] in _SHOWN_SEVERITIES]
        findings.sort(key=lambda f: _SHOWN_SEVERITIES.index(f["severity"]))
        for finding in findings:
            lines += self._render_finding(finding, fields.get(finding["field"]))
        for name, count in (item.get("findings_left_out") or {}).items():
            lines.append(f"  ... and {count} more findings in {name}, not listed (at most 50 per field)")
        return lines

    def _render_finding(self, finding: dict, raw: str | None) -> list[str]:
        severity = finding["severity"]
        marker = self._style(_MARKERS[severity].ljust(5), severity)
        kind = f" ({finding['kind']})" if finding.get("kind") else ""
        lines = [f"  {marker} {finding['rule']}{kind} in {finding['field']}"]
        before, match, after = snippet(raw, finding["start"], finding["end"], finding["text"])
        shown = self._style(match, severity) if self.color else f"»{match}«"
        lines.append(INDENT + before + shown + after)
        wrap = textwrap.TextWrapper(width=WIDTH, initial_indent=INDENT,
                                    subsequent_indent=INDENT, break_on_hyphens=False)
        lines += wrap.wrap(printable(finding["message"]))
        if finding.get("fix"):
            wrap.subsequent_indent = INDENT + "     "
            lines += wrap.wrap("fix: " + printable(finding["fix"]))
        counts_on = list(finding.get("platforms") or [])
        if counts_on and set(counts_on) != set(self._platforms):
            lines.append(f"{INDENT}counts on {', '.join(counts_on)} only")
        return lines

    def _render_unreadable(self, item: dict) -> list[str]:
        ident = printable(str(item.get("id") or ""))
        where = f"{ident} (row {item['row']})" if ident else f"row {item['row']}"
        wrap = textwrap.TextWrapper(width=WIDTH, subsequent_indent=INDENT)
        return wrap.wrap(f"{where}: {printable(str(item['error']))}")

    def _closing_line(self) -> str:
        return closing_line(self._counts) + "."
