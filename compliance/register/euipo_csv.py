"""A CSV export of EU trade marks from the EUIPO's eSearch plus (results exported as CSV), one row
per trade mark, its columns found by their headings (case and spacing aside):

- number: ``Trade mark number`` (or ``Number``, ``Filing number``, ``Application number``)
- the words: ``Name`` (or ``Verbal element``, ``Trade mark name``, ``Mark``); empty for a
  figurative mark without words, which is skipped
- ``Trade mark status`` (or ``Status``): the EUIPO's status words, kept as the status code; a mark
  is dead when they say expired, cancelled, surrendered, withdrawn, refused, rejected, revoked,
  invalid or lapsed
- ``Nice classes`` (or ``Nice classification``, ``Classes``): ``9, 25`` in any separator
- ``Owner name`` (or ``Owner``, ``Applicant``); ``Filing date`` and ``Registration date``
  (``DD/MM/YYYY`` or ISO)

The delimiter is the one of comma, semicolon and tab that cuts the heading row into most columns.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .base import Mark, Office, RegisterRecord, Source, Status, iso_date, nice_classes

HEADINGS: dict[str, tuple[str, ...]] = {
    "number": ("trade mark number", "trademark number", "number", "filing number", "application number"),
    "mark": ("name", "verbal element", "trade mark name", "trademark name", "mark", "word mark"),
    "status": ("trade mark status", "trademark status", "status"),
    "classes": ("nice classes", "nice classification", "nice class", "classes"),
    "owner": ("owner name", "owner names", "owner", "applicant", "applicant name"),
    "filed": ("filing date", "application date"),
    "registered": ("registration date",),
}
REQUIRED = ("number", "mark", "status")
DEAD_WORDS = frozenset({"expired", "cancelled", "canceled", "surrendered", "withdrawn", "refused", "rejected",
                        "revoked", "invalid", "invalidated", "lapsed", "removed"})
_WORD = re.compile(r"[a-z]+")


def status_of(words: str) -> Status:
    return Status.DEAD if DEAD_WORDS & set(_WORD.findall(words.lower())) else Status.LIVE


def _heading(cell: str) -> str:
    return " ".join(cell.strip().lower().replace("_", " ").split())


def _columns(header: list[str]) -> dict[str, int]:
    names = [_heading(h) for h in header]
    found = {}
    for field, aliases in HEADINGS.items():
        for alias in aliases:
            if alias in names:
                found[field] = names.index(alias)
                break
    return found


def _delimiter(first_line: str) -> str:
    return max(",;\t", key=lambda d: len(first_line.split(d)))


def records(path: Path) -> Iterator[RegisterRecord | None]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        delimiter = _delimiter(handle.readline())
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        columns = _columns(next(reader, []))
        missing = [HEADINGS[f][0] for f in REQUIRED if f not in columns]
        if missing:
            raise InputError(f"no column {', '.join(repr(m) for m in missing)}; export the eSearch plus results "
                             f"with those columns", path, 1)
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            yield _mark(path, reader.line_num, columns, cells)


def _mark(path: Path, line: int, columns: dict[str, int], cells: list[str]) -> Mark | None:
    def cell(field: str) -> str:
        index = columns.get(field)
        return cells[index] if index is not None and index < len(cells) else ""

    def where(field: str):
        return lambda message: InputError(f"{HEADINGS[field][0]} {message}", path, line, columns[field] + 1)

    number = "".join(cell("number").split())
    if not number.isdigit():
        raise InputError(f"trade mark number '{number}' is not a number; correct or remove the row", path, line,
                         columns["number"] + 1)
    text = " ".join(cell("mark").split())
    if not text:
        return None
    words = " ".join(cell("status").split())
    registered = iso_date(cell("registered"), where("registered"))
    owners = tuple(o for o in (" ".join(part.split()) for part in re.split(r"[\n|]", cell("owner"))) if o)
    return Mark(Office.EM, number.zfill(9), text, status_of(words), words, number.zfill(9) if registered else None,
                iso_date(cell("filed"), where("filed")), registered, owners, None, nice_classes(cell("classes")))


def _heading_row(head: bytes) -> dict[str, int]:
    first = head.decode("utf-8-sig", errors="replace").split("\n", 1)[0].rstrip("\r")
    return _columns(next(csv.reader([first], delimiter=_delimiter(first)), []))


class EuipoCsv:
    name = "euipo-csv"
    description = "EUIPO eSearch plus results exported as CSV"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir() or head.startswith((b"PK", b"PAR1")):
            return False
        found = _heading_row(head)
        return all(f in found for f in REQUIRED)

    def open(self, path: Path) -> Source:
        return Source(self.name, path, (path,), lambda: records(path))


LAYOUT = EuipoCsv()
