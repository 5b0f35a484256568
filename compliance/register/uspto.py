"""What the USPTO's published files share: status codes, and where the case-file tables are.

**Status codes** (``cfh_status_cd`` in the Trademark Case Files Dataset, ``status-code`` in the
daily XML) are the USPTO's TRAM case status codes. These mean the mark is dead:

- 401, 402: international registration cancelled, no transformation (or the case abandoned)
- 600-609: abandoned (incomplete response, express, failure to respond, after appeal, after
  inter partes decision, after publication, no statement of use, defective statement of use,
  after petition decision, defective divided application)
- 614: abandoned, petition to revive denied; 618: abandoned file (backfile); 622: misassigned serial number
- 626: registered (backfile), cancelled or expired
- 710-714: registration cancelled (section 8, section 7, court order, section 18, section 24)
- 900: expired

Every other code is a live application or registration (630-694 pending, 700-705 registered,
800 registered and renewed...). A code listguard does not know is counted live: a warning to review
is cheaper for a seller than a missed mark.

**The table set**: the Case Files Dataset is one table a file. ``register import`` takes a folder
holding ``case_file``, ``owner`` and ``intl_class`` (or ``classification``) tables, the
``case_file`` table itself with the others beside it, or (CSV) a zip holding them; a table may also
be its own zip (``owner.csv.zip``), as the USPTO publishes them.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterator, Protocol

from ..errors import InputError
from .base import ClassRow, Mark, Office, OwnerRow, RegisterRecord, Status, iso_date, nice_class, registration_number

DEAD_CODES = frozenset({401, 402, *range(600, 610), 614, 618, 622, 626, *range(710, 715), 900})


def status_of(code: str) -> Status:
    code = code.strip()
    return Status.DEAD if code.isdigit() and int(code) in DEAD_CODES else Status.LIVE


CASE_FILE, OWNER = "case_file", "owner"
CLASS_TABLES = ("intl_class", "classification")  # intl_class names every Nice class; classification its primary one


@dataclass(frozen=True)
class TableFile:
    """A table's file, or its member in a zip."""

    path: Path
    member: str | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.member}" if self.member else str(self.path)

    def open_text(self) -> IO[str]:
        """The table as text: UTF-8, a byte that is not is read as U+FFFD rather than failing the import."""
        try:
            if self.member is None:
                return open(self.path, encoding="utf-8-sig", errors="replace", newline="")
            archive = zipfile.ZipFile(self.path)
            return io.TextIOWrapper(archive.open(self.member), encoding="utf-8-sig", errors="replace", newline="")
        except (OSError, zipfile.BadZipFile) as exc:
            raise InputError(f"cannot read the table ({exc}); check the file", str(self)) from None


@dataclass(frozen=True)
class TableSet:
    case_file: TableFile
    owner: TableFile
    classes: TableFile
    class_table: str  # intl_class or classification
    files: tuple[Path, ...]  # the files the import's identity is taken over


def _in_folder(folder: Path, name: str, ext: str) -> TableFile | None:
    plain = folder / f"{name}.{ext}"
    if plain.is_file():
        return TableFile(plain)
    zipped = folder / f"{name}.{ext}.zip"
    if zipped.is_file():
        return _in_zip(zipped, name, ext)
    return None


def _in_zip(path: Path, name: str, ext: str) -> TableFile | None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.namelist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"not a readable zip ({exc}); download it again", path) from None
    for member in members:
        if member.rsplit("/", 1)[-1].lower() == f"{name}.{ext}":
            return TableFile(path, member)
    return None


def zip_holds(path: Path, name: str, ext: str) -> bool:
    try:
        return _in_zip(path, name, ext) is not None
    except InputError:
        return False


def folder_holds(folder: Path, name: str, ext: str) -> bool:
    return (folder / f"{name}.{ext}").is_file() or (folder / f"{name}.{ext}.zip").is_file()


def find_tables(path: Path, ext: str) -> TableSet:
    """The case_file, owner and class tables ``path`` points at (see the module's docstring)."""
    if path.is_file() and path.suffix.lower() == ".zip" and ext == "csv" and not path.name.startswith(CASE_FILE):
        return _tables(path, lambda name: _in_zip(path, name, ext), ext, f"in {path.name}")
    folder = path if path.is_dir() else path.parent
    return _tables(path, lambda name: _in_folder(folder, name, ext), ext, f"in {folder}")


def _tables(path: Path, find, ext: str, where: str) -> TableSet:
    found = {name: find(name) for name in (CASE_FILE, OWNER, *CLASS_TABLES)}
    if found[CASE_FILE] is None:
        raise InputError(f"no {CASE_FILE}.{ext} {where}; point at the USPTO Trademark Case Files Dataset's "
                         f"folder (case_file, owner and intl_class tables)", path)
    if found[OWNER] is None:
        raise InputError(f"no {OWNER}.{ext} {where}; the owner table goes beside case_file.{ext}", path)
    class_table = next((name for name in CLASS_TABLES if found[name] is not None), None)
    if class_table is None:
        raise InputError(f"no intl_class.{ext} or classification.{ext} {where}; a class table goes beside "
                         f"case_file.{ext}", path)
    tables = (found[CASE_FILE], found[OWNER], found[class_table])
    files = tuple(dict.fromkeys(t.path for t in tables))
    return TableSet(found[CASE_FILE], found[OWNER], found[class_table], class_table, files)


# The columns read from each table (the dataset's own names; the others are passed over).
CASE_COLUMNS = ("serial_no", "mark_id_char", "cfh_status_cd", "registration_no", "filing_dt", "registration_dt")
OWNER_COLUMNS = ("serial_no", "own_name", "own_type_cd")
CLASS_COLUMN = {"intl_class": "intl_class_cd", "classification": "class_primary_cd"}


class TableReader(Protocol):
    """A table's rows as text cells of the wanted columns, with each row's place (line or row)."""

    def rows(self) -> Iterator[tuple[int, tuple[str, ...]]]: ...

    def error(self, place: int, cell: int | None, message: str) -> InputError: ...


US = f"{Office.US.value}:"


def _serial(reader: TableReader, place: int, text: str) -> str:
    if not text.isdigit():
        text = text.strip()
        if not text.isdigit():
            raise reader.error(place, 0, f"serial_no '{text}' is not a serial number; correct or remove the row")
    return text.lstrip("0") or "0"


def _marks(reader: TableReader) -> Iterator[Mark | None]:
    """The case_file table's marks; None for a row that names no words (a design-only mark)."""
    for place, (serial, mark, code, registration, filed, registered) in reader.rows():
        number = _serial(reader, place, serial)
        mark = " ".join(mark.split())
        if not mark:
            yield None
            continue
        yield Mark(Office.US, number, mark, status_of(code), code.strip(), registration_number(registration),
                   iso_date(filed, _cell_error(reader, place, 4, "filing_dt")),
                   iso_date(registered, _cell_error(reader, place, 5, "registration_dt")))


def _cell_error(reader: TableReader, place: int, cell: int, column: str) -> Callable[[str], InputError]:
    return lambda message: reader.error(place, cell, f"{column} {message}")


def _owners(reader: TableReader) -> Iterator[OwnerRow | None]:
    for place, (serial, name, kind) in reader.rows():
        number = _serial(reader, place, serial)
        name = " ".join(name.split())
        kind = kind.strip()
        if kind and not kind.isdigit():
            raise reader.error(place, 2, f"own_type_cd '{kind}' is not a number; correct or remove the row")
        yield OwnerRow(US + number, name, int(kind or 0)) if name else None


def _classes(reader: TableReader) -> Iterator[ClassRow | None]:
    for place, (serial, code) in reader.rows():
        number = _serial(reader, place, serial)
        found = nice_class(code)
        yield ClassRow(US + number, found) if found is not None else None


def table_records(tables: TableSet, reader: Callable[[TableFile, tuple[str, ...]], TableReader]
                  ) -> Iterator[RegisterRecord | None]:
    """The marks of case_file, then the owner rows, then the class rows."""
    yield from _marks(reader(tables.case_file, CASE_COLUMNS))
    yield from _owners(reader(tables.owner, OWNER_COLUMNS))
    yield from _classes(reader(tables.classes, ("serial_no", CLASS_COLUMN[tables.class_table])))


def missing_columns(table: TableFile, wanted: tuple[str, ...], names: list[str]) -> InputError | None:
    missing = [c for c in wanted if c not in names]
    if not missing:
        return None
    line = None if table.path.suffix == ".parquet" else 1
    return InputError(f"no column {', '.join(missing)}; is this the USPTO case files dataset's "
                      f"{table.path.name.split('.')[0]} table?", str(table), line)
