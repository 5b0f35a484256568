"""Delimited text: CSV with comma, semicolon or tab, UTF-8 with or without BOM.

It reads anything that is text, so it is tried last. eBay Seller Hub drafts start with "#INFO"
lines before the header; they are passed over. Undecodable bytes are kept (surrogateescape), so
one bad row is reported as an ``error`` row instead of failing the file.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .base import ReadOptions, Record, Table, Where

DELIMITERS = ",;\t"
SNIFF_CHARS = 16_384  # the sniffer's time grows faster than the text; a header's start tells the delimiter


def sniff_delimiter(sample: str) -> str:
    sample = sample[:SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def open_text(path: Path, encoding: str | None = None):
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot open the catalog ({exc.strerror}); check the path", path) from None
    # surrogateescape keeps undecodable bytes, so one bad row is reported instead of failing the file
    return io.TextIOWrapper(raw, encoding=encoding or "utf-8-sig", errors="surrogateescape", newline="")


class LineCounter:
    """Wraps the text stream to know the line each record starts on and the characters read."""

    def __init__(self, stream):
        self.stream = stream
        self.line = 0
        self.chars = 0

    def __iter__(self):
        return self

    def __next__(self):
        text = self.stream.readline()
        if not text:
            raise StopIteration
        self.line += 1
        self.chars += len(text)
        return text


_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes kept by surrogateescape


def bad_bytes(value: str) -> int:
    """Index of the first byte that was not UTF-8, or -1."""
    m = _UNDECODED.search(value)
    return m.start() if m else -1


class CsvText:
    name = "csv"
    description = "delimited text (comma, semicolon or tab), UTF-8"

    def sniff(self, head: bytes, path: Path) -> bool:
        return True

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        counter = LineCounter(open_text(path, options.encoding))  # a layout may know the file's charset
        skipped = 0
        first = ""
        for first in counter:
            if first.lstrip('"').startswith("#INFO") or not first.strip():
                skipped += 1
                continue
            break
        if not first.strip():
            raise InputError("the catalog is empty; it needs a header line and one row per listing", path, 1)
        if bad_bytes(first) >= 0:
            raise InputError("the header is not UTF-8 text; save the catalog as UTF-8 CSV", path, skipped + 1,
                             bad_bytes(first) + 1)
        delimiter = sniff_delimiter(first)
        header = next(csv.reader([first], delimiter=delimiter))
        return Table(self.name, header, Where(skipped + 1), lambda columns: _records(
            counter, delimiter, len(header), columns, header, progress), delimiter=delimiter,
                     encoding=options.encoding or "utf-8")


READER = CsvText()


def _records(counter: LineCounter, delimiter: str, width: int, columns: dict[str, int], header: list[str],
             progress) -> Iterator[Record]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(counter, delimiter=delimiter, strict=True)
    previous_line = counter.line
    while True:
        start_line = previous_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            previous_line = counter.line
            yield Record([], Where(start_line, counter.line), _unreadable(exc, start_line, counter.line))
            continue
        previous_line = counter.line
        if progress is not None:
            progress(counter.chars)
        if not cells or not any(c.strip() for c in cells):
            continue
        where = Where(start_line, counter.line)
        yield Record(cells, where, _row_error(cells, columns, width, where, delimiter, header))


def _unreadable(exc: csv.Error, start_line: int, end_line: int) -> str:
    if "unexpected end of data" in str(exc):
        return (f"line {start_line}: a double quote opened in this row is never closed, so lines "
                f"{start_line}-{end_line} could not be read as rows; close the quote and check again")
    return f"line {start_line}: unreadable CSV ({exc}); check the quoting of this row"


def _row_error(cells, columns, width, where: Where, delimiter: str, header) -> str | None:
    line, end_line = where.line, where.end_line
    if len(cells) > width and any(c.strip() for c in cells[width:]):
        return (f"line {line}: {len(cells)} fields but the header has {width}; a field probably "
                f"contains an unquoted '{_shown(delimiter)}': put such fields in double quotes")
    for i in columns.values():
        if i < len(cells):
            bad = bad_bytes(cells[i])
            if bad >= 0:
                return (f"line {line}, column {i + 1} ({header[i]}): bytes that are not UTF-8 "
                        f"at character {bad + 1}; save the catalog as UTF-8")
    title = columns.get("title")
    if end_line > line and title is not None and title < len(cells) and "\n" in cells[title].strip():
        # A title never spans lines: a quote opened in this row probably swallowed the next rows.
        return (f"line {line}: the title runs over {end_line - line + 1} lines; a double quote opened "
                f"in this row is probably never closed, so rows up to line {end_line} were read as one")
    if end_line > line:
        swallowed = _swallowed_rows(cells, columns, width, line, delimiter)
        if swallowed:
            return (f"line {line}: a double quote opened in this row closes only at line {end_line} "
                    f"(an inch mark such as 10\" closes it too), so {len(swallowed)} row(s) inside it, "
                    f"from line {swallowed[0]}, were read as text of this one; quote the field properly "
                    f"or write inches as 'in'")
    return None


def _swallowed_rows(cells, columns, width, line, delimiter) -> list[int]:
    """Lines inside a multi-line field that read as whole rows of the header's shape (as many
    fields, an id and a title where the catalog has them): rows a stray quote swallowed."""
    if width < 2:
        return []
    found = []
    offset = line
    for i, cell in enumerate(cells):
        parts = cell.split("\n")
        for k, part in enumerate(parts[1:], start=1):
            # The line the stray quote closes on lends its last fields to the record's next cells.
            lent = len(cells) - 1 - i if k == len(parts) - 1 else 0
            if part.count(delimiter) == width - 1 - lent and _looks_like_a_row(part, columns, delimiter):
                found.append(offset + k)
        offset += len(parts) - 1
    return found


def _looks_like_a_row(text: str, columns, delimiter) -> bool:
    fields = next(csv.reader([text], delimiter=delimiter), [])
    title = columns.get("title")
    ident = columns.get("id")
    return (title is None or title < len(fields) and fields[title].strip() != "") and \
        (ident is None or ident < len(fields) and _looks_like_an_id(fields[ident]))


def _looks_like_an_id(text: str) -> bool:
    """A SKU or listing id is one short token: a line of a description that happens to hold as many
    commas as the header ("Size: S, M, L, XL") starts with words, not with an id."""
    text = text.strip()
    return 0 < len(text) <= 64 and not any(c.isspace() for c in text)


def _shown(delimiter: str) -> str:
    return "\\t" if delimiter == "\t" else delimiter
