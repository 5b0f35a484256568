"""What the register in the store holds: counts per office and status, the imports, and the marks
a name is keyed to."""
from __future__ import annotations

from dataclasses import dataclass

from ..store.db import sqlite_utils
from ..store.schema import mark_key


@dataclass(frozen=True)
class OfficeCount:
    office: str
    status: str
    marks: int


@dataclass(frozen=True)
class ImportState:
    path: str
    layout: str
    records: int
    marks: int
    finished: bool


@dataclass(frozen=True)
class RegisterStats:
    counts: list[OfficeCount]
    imports: list[ImportState]


def register_stats(db: sqlite_utils.Database) -> RegisterStats:
    counts = [OfficeCount(*row) for row in db.execute(
        "SELECT office, status, count(*) FROM register_marks GROUP BY office, status ORDER BY office, status")]
    imports = [ImportState(path, layout, records, marks, finished is not None) for path, layout, records, marks,
               finished in db.execute("SELECT path, layout, records_done, marks, finished_at FROM register_imports "
                                      "ORDER BY id")]
    return RegisterStats(counts, imports)


@dataclass(frozen=True)
class RegisterMark:
    serial: str
    registration: str | None
    mark: str
    owner: str | None
    status: str
    status_code: str | None
    classes: str | None


def marks_named(db: sqlite_utils.Database, name: str) -> tuple[str, list[RegisterMark]]:
    """The key ``name`` folds to, and the register's marks with that key: live first, then by serial."""
    key = mark_key(name)
    rows = db.execute("SELECT serial, registration, mark, owner, status, status_code, classes FROM register_marks "
                      "WHERE mark_key = ? ORDER BY status = 'dead', office, serial", [key]).fetchall()
    return key, [RegisterMark(*row) for row in rows]
