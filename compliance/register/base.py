"""The contract every register layout keeps: the records of an office's published files, in order.

A record is a :class:`Mark` (one application or registration), or, for the USPTO's table layouts,
an :class:`OwnerRow` or :class:`ClassRow` read from the owner and class tables after the marks of
the case_file table. The importer writes a mark and applies an owner or class row to the mark the
store already holds, so joining a million marks with their owners and classes never holds a table
in memory, whatever order the office wrote the rows in.

A layout raises :class:`compliance.errors.InputError` naming the file, line and column (or, in XML,
the case file) and what to do, for input it cannot read.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Protocol, Union

from ..errors import InputError

HEAD_BYTES = 65_536


class Status(str, Enum):
    """Whether a mark still stands: dead ones (abandoned, expired, cancelled...) are kept, marked."""

    LIVE = "live"
    DEAD = "dead"


class Office(str, Enum):
    US = "US"  # USPTO
    EM = "EM"  # EUIPO (its WIPO ST.3 code)


class Mark(NamedTuple):
    """One application or registration, as the office published it. (Records are named tuples: an
    import makes millions of them.)"""

    office: Office
    number: str  # the office's application (serial) number
    mark: str
    status: Status
    status_code: str  # the office's own status code or word
    registration: str | None = None
    filed: str | None = None  # ISO dates
    registered: str | None = None
    owners: tuple[str, ...] = ()
    owner_kind: int | None = None  # the office's owner type code the owners were named under
    classes: tuple[int, ...] = ()

    @property
    def serial(self) -> str:
        return f"{self.office.value}:{self.number}"


class OwnerRow(NamedTuple):
    """An owner named in a table read after the marks; ``kind`` orders owners in a mark's life
    (USPTO ``own_type_cd``: 10 applicant, 20 owner at publication, 30 registrant, 31+ later owners),
    so the latest kind is the mark's owner and joint owners of that kind are all named."""

    serial: str
    name: str
    kind: int


class ClassRow(NamedTuple):
    """A Nice class named in a table read after the marks."""

    serial: str
    nice_class: int


RegisterRecord = Union[Mark, OwnerRow, ClassRow]


@dataclass(frozen=True)
class Source:
    """A register file (or table set) opened by a layout. ``files`` are what its identity is taken
    over (a re-run of the same files resumes or changes nothing); ``records`` streams, from the start."""

    layout: str
    path: Path
    files: tuple[Path, ...]
    records: Callable[[], Iterator[RegisterRecord | None]]  # None: a row that adds nothing (counted, skipped)


class RegisterLayout(Protocol):
    """One published register layout: ``sniff`` says from the path and its first bytes whether it is
    written this way; ``open`` finds its files (raising InputError for what is missing)."""

    name: str
    description: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def open(self, path: Path) -> Source: ...


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    if path.is_dir():
        return b""
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise InputError(f"cannot open the register file ({exc.strerror}); check the path", path) from None


_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d/%m/%Y", "%d.%m.%Y")


def iso_date(text: str, where: Callable[[str], InputError], formats: tuple[str, ...] = _DATE_FORMATS) -> str | None:
    """``text`` as an ISO date (None when empty); ``where(message)`` makes the error for a non-date."""
    text = text.strip()
    if not text:
        return None
    try:  # the common cases, YYYY-MM-DD and YYYYMMDD, without strptime's cost
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return dt.date.fromisoformat(text).isoformat()
        if len(text) == 8 and text.isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
    except ValueError:
        raise where(f"'{text}' is not a date (YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY); correct it") from None
    for form in formats:
        try:
            return dt.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    raise where(f"'{text}' is not a date (YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY); correct it")


_CLASS_DIGITS = re.compile(r"\d+")


def nice_class(text: str) -> int | None:
    """The Nice class a code names ('025' -> 25), or None for an office's own non-Nice class
    (USPTO 'A', 'B', '200' for certification and collective marks)."""
    text = text.strip()
    if text.isdigit():
        value = int(text)
        if 1 <= value <= 45:
            return value
    return None


def nice_classes(text: str) -> tuple[int, ...]:
    """All Nice classes a cell lists ('9, 25', '09;25', '9 | 25'), sorted, each once."""
    found = {nice_class(part) for part in _CLASS_DIGITS.findall(text)}
    return tuple(sorted(c for c in found if c is not None))


def registration_number(text: str) -> str | None:
    """A registration number, or None where the office writes none or zeros for 'not registered'."""
    text = text.strip()
    if not text or not text.strip("0"):
        return None
    return text
