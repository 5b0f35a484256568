"""Writing a register file into the store, in batches, resumably.

An import is known by its files' content (sha256) and layout. Records are committed in batches, each
in one transaction with ``register_imports.records_done``, so an import stopped at any point (Ctrl-C,
a crash, bad input further on) keeps every batch before it, and a re-run of the same files skips
the records committed and carries on. A re-run of a finished import changes nothing. A changed file
(the same path with other content) is imported from its start; its marks replace the same serials.

Joining the USPTO's tables happens here, in SQL: a mark is written when read; an owner row sets the
mark's owner if its owner type is later than the one held (joint owners of the same type are
added); a class row adds a ``register_classes`` row and rewrites the mark's ``classes`` column. So
memory stays at one batch whatever the size or order of the tables.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..store.db import sqlite_utils
from ..store.schema import mark_key
from . import open_register
from .base import ClassRow, Mark, OwnerRow, RegisterRecord, Source

BATCH = 20_000

_UPSERT_MARK = """
INSERT INTO register_marks (serial, office, registration, mark, mark_key, owner, owner_kind, status, status_code,
                            filed, registered, classes)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (serial) DO UPDATE SET office = excluded.office, registration = excluded.registration,
    mark = excluded.mark, mark_key = excluded.mark_key, owner = excluded.owner, owner_kind = excluded.owner_kind,
    status = excluded.status, status_code = excluded.status_code, filed = excluded.filed,
    registered = excluded.registered, classes = excluded.classes"""

# An owner of a later type replaces the one held; another owner of the same type joins it.
_SET_OWNER = """
UPDATE register_marks SET
    owner = CASE WHEN owner IS NULL OR owner_kind IS NULL OR owner_kind < :kind THEN :name
                 WHEN owner_kind = :kind AND instr('; ' || owner || '; ', '; ' || :name || '; ') = 0
                     THEN owner || '; ' || :name
                 ELSE owner END,
    owner_kind = max(coalesce(owner_kind, :kind), :kind)
WHERE serial = :serial"""

_ADD_CLASS = """
INSERT OR IGNORE INTO register_classes (serial, class)
SELECT :serial, :class WHERE EXISTS (SELECT 1 FROM register_marks WHERE serial = :serial)"""

# A mark's classes column is empty exactly when it has no register_classes rows: then the batch's
# classes are all it has; else (its class rows span two batches) they are read back, in order.
_CLASSES_COLUMN = """
UPDATE register_marks SET classes = CASE WHEN classes IS NULL THEN :classes ELSE (
    SELECT group_concat(class, '|') FROM (SELECT class FROM register_classes WHERE serial = :serial ORDER BY class))
    END
WHERE serial = :serial"""


@dataclass(frozen=True)
class ImportResult:
    path: str
    layout: str
    records: int  # records read in all (rows of every table, or case files), this run and before
    marks: int  # mark rows written in all
    resumed_at: int  # records a resumed import skipped; 0 for a new one
    already_done: bool  # the same files were imported before: nothing changed


def _digest(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0")
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class _Progress:
    id: int
    records_done: int
    marks: int
    finished: bool


def _progress(db: sqlite_utils.Database, source: Source, digest: str) -> _Progress:
    """The import of these files so far, or a new one (forgetting an unfinished import of the same
    path whose content has changed since: it cannot be resumed)."""
    row = db.execute("SELECT id, records_done, marks, finished_at FROM register_imports WHERE sha256 = ? AND "
                     "layout = ?", [digest, source.layout]).fetchone()
    if row is not None:
        return _Progress(row[0], row[1], row[2], row[3] is not None)
    with db.conn:
        db.conn.execute("DELETE FROM register_imports WHERE path = ? AND layout = ? AND finished_at IS NULL",
                        [str(source.path), source.layout])
        cursor = db.conn.execute("INSERT INTO register_imports (path, sha256, layout, started_at) VALUES (?, ?, ?, ?)",
                                 [str(source.path), digest, source.layout, _now()])
    return _Progress(int(cursor.lastrowid or 0), 0, 0, False)


def _write_marks(conn, marks: list[Mark]) -> int:
    rows = []
    classes: list[tuple[str, int]] = []
    for office, number, text, status, code, registration, filed, registered, owners, kind, nice in marks:
        key = mark_key(text)
        if not key:
            continue  # no words to match (punctuation, a symbol)
        serial = f"{office.value}:{number}"
        rows.append((serial, office.value, registration, text, key, "; ".join(owners) or None, kind, status.value,
                     code, filed, registered, "|".join(map(str, nice)) or None))
        classes.extend((serial, c) for c in nice)
    conn.executemany(_UPSERT_MARK, rows)
    # A mark read again (a newer file) holds the classes it is read with, not the ones before.
    conn.executemany("DELETE FROM register_classes WHERE serial = ?", [(row[0],) for row in rows])
    conn.executemany("INSERT OR IGNORE INTO register_classes (serial, class) VALUES (?, ?)", classes)
    return len(rows)


def _write(conn, records: list[RegisterRecord]) -> int:
    """Write a batch (marks before the owner and class rows that may name them); the marks written."""
    marks = [r for r in records if isinstance(r, Mark)]
    written = _write_marks(conn, marks) if marks else 0
    owners = [{"serial": r.serial, "name": r.name, "kind": r.kind} for r in records if isinstance(r, OwnerRow)]
    conn.executemany(_SET_OWNER, owners)
    classes = [r for r in records if isinstance(r, ClassRow)]
    if classes:
        conn.executemany(_ADD_CLASS, [{"serial": r.serial, "class": r.nice_class} for r in classes])
        per_mark: dict[str, set[int]] = {}
        for serial, nice in classes:
            per_mark.setdefault(serial, set()).add(nice)
        conn.executemany(_CLASSES_COLUMN, [{"serial": serial, "classes": "|".join(map(str, sorted(found)))}
                                           for serial, found in per_mark.items()])
    return written


def import_register(db: sqlite_utils.Database, path: Path | str, layout: str | None = None, batch_size: int = BATCH,
                    after_batch: Callable[[int], None] | None = None) -> ImportResult:
    """Import ``path`` (a register file or USPTO table set) in the layout named or found from its content.
    ``after_batch(records_done)`` is called after each batch is committed."""
    source = open_register(Path(path), layout)
    progress = _progress(db, source, _digest(source.files))
    if progress.finished:
        return ImportResult(str(source.path), source.layout, progress.records_done, progress.marks, 0, True)
    resumed_at = progress.records_done
    # WAL with synchronous=NORMAL: a committed batch survives a crash of listguard; only a power cut
    # can lose the last batches, and the import then resumes from the batch before them.
    db.execute("PRAGMA synchronous = NORMAL")
    # A larger page cache (64 MB) keeps the mark_key index's pages at hand while a million keys go in.
    db.execute("PRAGMA cache_size = -65536")
    pending: list[RegisterRecord] = []
    done = 0
    for done, record in enumerate(source.records(), 1):
        if done <= resumed_at:
            continue
        if record is not None:
            pending.append(record)
        if done % batch_size == 0:
            _commit(db, progress, pending, done, finished=False)
            pending = []
            if after_batch:
                after_batch(done)
    _commit(db, progress, pending, max(done, resumed_at), finished=True)
    return ImportResult(str(source.path), source.layout, progress.records_done, progress.marks, resumed_at, False)


def _commit(db: sqlite_utils.Database, progress: _Progress, records: list[RegisterRecord], done: int,
            finished: bool) -> None:
    with db.conn:
        written = _write(db.conn, records)
        progress.records_done, progress.marks = done, progress.marks + written
        db.conn.execute("UPDATE register_imports SET records_done = ?, marks = ?, finished_at = ? WHERE id = ?",
                        [done, progress.marks, _now() if finished else None, progress.id])
