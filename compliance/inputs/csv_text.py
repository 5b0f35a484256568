"""Delimited text: CSV with comma, semicolon, tab or pipe, in the encoding the seller's office saves.

It reads anything that is text, so it is tried last. The encoding is found from the first 64 KB
(see :mod:`.encoding`) or named with ``--encoding``; the delimiter is sniffed from the header and
the first data rows, or named with ``--delimiter``. eBay Seller Hub drafts start with "#INFO"
lines before the header; they are passed over. Undecodable bytes are kept, so one bad row is
reported as an ``error`` row instead of failing the file.
"""
from __future__ import annotations

import csv
import io
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, cast

from ..errors import InputError, UsageError
from .base import ReadOptions, Record, Table, Where, read_head
from .encoding import KEEP_UNDECODABLE, SAMPLE_BYTES, Encoding, detect, named, undecoded_at

DELIMITERS = ",;\t|"  # in order of preference when two read the sample equally well
DELIMITER_WORDS = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|"}
# The header and the first data rows, up to this many characters, tell the delimiter: a bounded
# prefix, so a header of a million columns costs no more than a short one.
SNIFF_CHARS = 16_384


def chosen_delimiter(value: str) -> str:
    """The delimiter ``--delimiter VALUE`` names: the character itself or its name."""
    delimiter = DELIMITER_WORDS.get(value.strip().lower(), value)
    if len(delimiter) != 1 or delimiter not in DELIMITERS:
        raise UsageError(f"--delimiter {value!r}: give one of ',', ';', '|', a tab, or the words comma, "
                         f"semicolon, tab, pipe")
    return delimiter


def sniff_delimiter(sample: str) -> str:
    """The delimiter that cuts the header into the most columns while cutting the data rows into as
    many: a semicolon catalog whose header holds "price (EUR, incl. VAT)" and whose prices are
    written "12,50" has one comma a row, but more semicolons, in the header and every row alike."""
    sample = sample[:SNIFF_CHARS]
    if len(sample) == SNIFF_CHARS and "\n" in sample:
        sample = sample[:sample.rfind("\n") + 1]  # a row cut at the bound would count fewer fields
    scores = {d: _fit(sample, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (scores[d], -DELIMITERS.index(d)))
    return best if scores[best][0] else ","


def _fit(sample: str, delimiter: str) -> tuple[bool, float, int]:
    """(the header has several columns, share of data rows with as many fields, header columns)."""
    rows: list[int] = []
    try:
        for cells in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if any(c.strip() for c in cells):
                rows.append(len(cells))
    except csv.Error:
        pass  # a quote left open at the bound: the rows read so far decide
    if not rows:
        return False, 0.0, 0
    width, data = rows[0], rows[1:]
    agreeing = sum(1 for n in data if n == width) / len(data) if data else 1.0
    return width > 1, agreeing, width


def open_text(path: Path, encoding: Encoding) -> io.TextIOWrapper:
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot open the catalog ({exc.strerror}); check the path", path) from None
    # Undecodable bytes are kept (as lone surrogates), so one bad row is reported instead of failing the file.
    return io.TextIOWrapper(raw, encoding=encoding.codec, errors=KEEP_UNDECODABLE, newline="")


class LineCounter:
    """Wraps the text stream to know the line each record starts on and the bytes read. Lines read
    ahead (to sniff the delimiter) are handed out again first, and counted when handed out."""

    def __init__(self, stream: io.TextIOWrapper):
        self.stream = stream
        self.line = 0
        self.ahead: deque[str] = deque()

    def __iter__(self):
        return self

    def __next__(self) -> str:
        text = self.ahead.popleft() if self.ahead else self.stream.readline()
        if not text:
            raise StopIteration
        self.line += 1
        return text

    def peek(self, chars: int, lines: int = 50) -> str:
        """The next lines, up to about ``chars`` characters, left to be read again."""
        while sum(map(len, self.ahead)) < chars and len(self.ahead) < lines:
            text = self.stream.readline()
            if not text:
                break
            self.ahead.append(text)
        return "".join(self.ahead)

    @property
    def bytes_read(self) -> int:
        # bytes, as the progress bar's length is the file's size
        return cast(io.BufferedReader, self.stream.buffer).tell()


class CsvText:
    name = "csv"
    description = "delimited text (comma, semicolon, tab or pipe); UTF-8, UTF-16 or an office code page"

    def sniff(self, head: bytes, path: Path) -> bool:
        return True

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        delimiter = chosen_delimiter(options.delimiter) if options.delimiter else None
        encoding = encoding_of(path, options)
        counter = LineCounter(open_text(path, encoding))
        first, header_line = _header_line(counter, path)
        if undecoded_at(first) >= 0:
            raise InputError(f"the header holds bytes that are not {encoding.name}; name the catalog's encoding "
                             f"with --encoding (such as cp1252, gb18030, shift_jis, cp1251) or save it as UTF-8",
                             path, header_line, undecoded_at(first) + 1)
        if delimiter is None:
            delimiter = sniff_delimiter(first + counter.peek(SNIFF_CHARS - len(first)))
        header = next(csv.reader([first], delimiter=delimiter))
        shape = Shape(delimiter, header, encoding.name)
        return Table(self.name, header, Where(header_line), lambda columns: rows_of(counter, shape, columns, progress),
                     delimiter=delimiter, encoding=encoding.name, notes=[encoding.note] if encoding.note else [])


READER = CsvText()


def sample_of(path: Path) -> bytes:
    """The first bytes, from which the encoding is found."""
    return read_head(path, SAMPLE_BYTES)


def encoding_of(path: Path, options: ReadOptions) -> Encoding:
    """The encoding the seller named (``--encoding``), else the one the first bytes show."""
    return named(options.encoding) if options.encoding else detect(sample_of(path))


def _header_line(counter: LineCounter, path: Path) -> tuple[str, int]:
    """The header's text and line, past eBay's #INFO lines and blank lines."""
    for first in counter:
        first = first.lstrip("\ufeff")  # a byte order mark left by an --encoding without one
        if first.lstrip('"').startswith("#INFO") or not first.strip():
            continue
        return first, counter.line
    raise InputError("the catalog is empty; it needs a header line and one row per listing", path, 1)


@dataclass(frozen=True)
class Shape:
    """What every row of one catalog is read against."""

    delimiter: str
    header: list[str]
    encoding: str

    @property
    def width(self) -> int:
        return len(self.header)


def rows_of(counter: LineCounter, shape: Shape, columns: dict[str, int], progress) -> Iterator[Record]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(counter, delimiter=shape.delimiter, strict=True)
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
            progress(counter.bytes_read)
        if not cells or not any(c.strip() for c in cells):
            continue
        where = Where(start_line, counter.line)
        yield Record(cells, where, _row_error(cells, columns, where, shape))


def _unreadable(exc: csv.Error, start_line: int, end_line: int) -> str:
    if "unexpected end of data" in str(exc):
        return (f"line {start_line}: a double quote opened in this row is never closed, so lines "
                f"{start_line}-{end_line} could not be read as rows; close the quote and check again")
    return f"line {start_line}: unreadable CSV ({exc}); check the quoting of this row"


def _row_error(cells, columns, where: Where, shape: Shape) -> str | None:
    line, end_line = where.line, where.end_line
    width, delimiter = shape.width, shape.delimiter
    if len(cells) > width and any(c.strip() for c in cells[width:]):
        return (f"line {line}: {len(cells)} fields but the header has {width}; a field probably "
                f"contains an unquoted '{_shown(delimiter)}': put such fields in double quotes")
    for i in columns.values():
        if i < len(cells):
            bad = undecoded_at(cells[i])
            if bad >= 0:
                return (f"line {line}, column {i + 1} ({shape.header[i]}): bytes that are not {shape.encoding} "
                        f"at character {bad + 1}; if the catalog is saved in another encoding, name it with "
                        f"--encoding, or re-save the catalog as UTF-8")
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
    ident = columns.get("id")
    own_id = cells[ident] if ident is not None and ident < len(cells) else None
    for i, cell in enumerate(cells):
        parts = cell.split("\n")
        for k, part in enumerate(parts[1:], start=1):
            # The line the stray quote closes on lends its last fields to the record's next cells.
            lent = len(cells) - 1 - i if k == len(parts) - 1 else 0
            if part.count(delimiter) == width - 1 - lent and _looks_like_a_row(part, columns, delimiter, own_id):
                found.append(offset + k)
        offset += len(parts) - 1
    return found


def _looks_like_a_row(text: str, columns, delimiter, own_id: str | None = None) -> bool:
    try:
        fields = next(csv.reader([text.rstrip("\r")], delimiter=delimiter), [])
    except csv.Error:
        # A bare carriage return inside the line (text pasted from an old Mac editor): a line the
        # reader cannot take as one record is no whole row.
        return False
    title = columns.get("title")
    ident = columns.get("id")
    return (title is None or title < len(fields) and fields[title].strip() != "") and \
        (ident is None or ident < len(fields) and _looks_like_an_id(fields[ident], own_id))


def _looks_like_an_id(text: str, own_id: str | None = None) -> bool:
    """A SKU or listing id is one short token: a line of a description that happens to hold as many
    commas as the header ("Size: S, M, L, XL") starts with words, not with an id. And it is written
    as the catalog writes its ids: the last line of a properly quoted description ("Seasons, autumn,
    winter", with the row's other fields after the quote) is no row of a catalog whose ids are
    numbers ("7360103867")."""
    text = text.strip()
    if not 0 < len(text) <= 64 or any(c.isspace() for c in text):
        return False
    return own_id is None or _id_shape(text) == _id_shape(own_id) or \
        (_has_digit(text) and _has_digit(own_id))


def _id_shape(text: str) -> str:
    """The kinds of an id's characters in order, runs collapsed: "SKU-0042" -> "a-9", "7360103867" -> "9"."""
    kinds: list[str] = []
    for c in text.strip():
        kind = "9" if c.isdigit() else "a" if c.isalpha() else c
        if not kinds or kinds[-1] != kind:
            kinds.append(kind)
    return "".join(kinds)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _shown(delimiter: str) -> str:
    return "\\t" if delimiter == "\t" else delimiter
