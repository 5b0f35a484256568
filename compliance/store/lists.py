"""The seller's own blocklists, kept in the store: the tables ``lists`` and ``list_entries``.

A list comes in from a blocklist CSV (``listguard blocklist import``), read and validated by
:func:`compliance.blocklist.load_blocklist`, so a bad line is refused with the same file, line
and column message as a ``--blocklist`` file; an entry added by hand (``blocklist add``) and
every stored row read back for a check go through the same per-line validation
(:func:`compliance.blocklist.entry_from_cells`). Every change is one transaction: an import
that fails leaves the store as it was.

A check reads all the lists (:func:`stored_lists`) after the curated ones and before any
``--blocklist`` file; an entry with the same kind and term as an earlier one replaces it.
Within one list there is one entry per kind and term (compared as letters and digits, folded:
``Ray-Ban`` is ``rayban``), the later line of a file winning, as when lists are merged.
"""
from __future__ import annotations

import csv
import datetime as dt
import enum
import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Collection, Iterable, TextIO

from ..blocklist import COLUMNS, KINDS, Entry, default_blocklist_paths, entry_from_cells, load_blocklist
from ..errors import UsageError
from .db import open_store, store_path

if TYPE_CHECKING:
    from .db import sqlite_utils

# A stored entry's row as read back: which list, which line of its file, then the CSV's columns.
ROW_COLUMNS = ("list", "line", *COLUMNS)


class NoSuchList(UsageError):
    """A list name the store does not hold."""


class NoSuchEntry(UsageError):
    """A term no list of the store holds."""


class ImportOutcome(enum.Enum):
    NEW = "new"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def now() -> str:
    """The time stamps the tables hold: ISO 8601 UTC to the second."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _key(term: str) -> str:
    from ..normalize import compact

    return compact(term)


def _line_of(entry: Entry) -> int | None:
    """The line of its file an entry was read from (its source is ``file.csv:LINE``)."""
    number = entry.source.rpartition(":")[2]
    return int(number) if number.isdigit() else None


@dataclass(frozen=True)
class ListFile:
    """A blocklist CSV read and validated, ready to store."""

    path: Path
    sha256: str
    entries: tuple[Entry, ...]  # one per kind and term: a later line replaces an earlier one
    repeated: int  # lines left out that way


def read_list_file(path: Path | str, platform_names: Collection[str] | None = None) -> ListFile:
    """Read ``path`` as a ``--blocklist`` file is read; an :class:`InputError` names a bad line."""
    path = Path(path)
    entries = load_blocklist(path, platform_names)  # opens and validates the file, or says why not
    unique: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.kind, _key(entry.term))
        unique.pop(key, None)
        unique[key] = entry
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return ListFile(path, sha256, tuple(unique.values()), len(entries) - len(unique))


def _row(name: str, entry: Entry, line: int | None) -> dict:
    """An entry as a ``list_entries`` row: the CSV's cells as validated, empty ones NULL."""
    cells = {
        "term": entry.term, "kind": entry.kind, "owner": entry.owner, "aliases": "|".join(entry.aliases),
        "classes": "|".join(str(c) for c in sorted(entry.classes)), "regions": "|".join(sorted(entry.regions)),
        "expires": entry.expires.isoformat() if entry.expires else "", "keywords": "|".join(entry.keywords),
        "platforms": "|".join(sorted(entry.platforms)), "severity": entry.severity, "reference": entry.reference,
        "goods": entry.goods, "reach": entry.reach, "note": entry.note,
    }
    row: dict = {column: (value or None) for column, value in cells.items()}
    row.update({"list": name, "term_key": _key(entry.term), "generic": int(entry.generic), "line": line})
    return row


def _cells(values: dict) -> dict[str, str]:
    """A stored row as the CSV's cells (what the import read, and what export writes)."""
    cells = {name: "" if values.get(name) is None else str(values[name]) for name in COLUMNS}
    cells["generic"] = "true" if values.get("generic") else ""
    return cells


@dataclass(frozen=True)
class ImportResult:
    name: str
    outcome: ImportOutcome
    entries: tuple[Entry, ...]
    repeated: int


def list_exists(db: sqlite_utils.Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM lists WHERE name = ?", [name]).fetchone() is not None


def import_list(db: sqlite_utils.Database, listed: ListFile, name: str | None = None) -> ImportResult:
    """Store ``listed`` as list ``name`` (default: the file's stem), replacing that list's entries,
    in one transaction; the same file again (its content hash) changes nothing."""
    name = listed.path.stem if name is None else name.strip()
    if not name:
        raise UsageError("--name: empty; give the list a name")
    held = db.execute("SELECT sha256 FROM lists WHERE name = ?", [name]).fetchone()
    if held is not None and held[0] == listed.sha256:
        return ImportResult(name, ImportOutcome.UNCHANGED, listed.entries, listed.repeated)
    stamp = now()
    with db.atomic():
        db.execute("DELETE FROM list_entries WHERE list = ?", [name])
        db.execute("""INSERT INTO lists (name, source, sha256, imported_at, updated_at) VALUES (?, ?, ?, ?, ?)
                      ON CONFLICT (name) DO UPDATE SET source = excluded.source, sha256 = excluded.sha256,
                      imported_at = excluded.imported_at, updated_at = excluded.updated_at""",
                   [name, str(listed.path), listed.sha256, stamp, stamp])
        db.table("list_entries").insert_all((_row(name, e, _line_of(e)) for e in listed.entries), batch_size=500)
    outcome = ImportOutcome.NEW if held is None else ImportOutcome.REPLACED
    return ImportResult(name, outcome, listed.entries, listed.repeated)


@dataclass(frozen=True)
class ListSummary:
    name: str
    entries: int
    source: str | None
    imported_at: str | None


def list_summaries(db: sqlite_utils.Database) -> list[ListSummary]:
    rows = db.execute("""SELECT l.name, COUNT(e.id), l.source, l.imported_at FROM lists l
                         LEFT JOIN list_entries e ON e.list = l.name GROUP BY l.name ORDER BY l.name""").fetchall()
    return [ListSummary(*row) for row in rows]


@dataclass(frozen=True)
class AddResult:
    entry: Entry
    list: str
    replaced: bool  # an entry of the same kind and term was there and is replaced
    new_list: bool


def add_entry(db: sqlite_utils.Database, cells: dict[str, str], name: str,
              platform_names: Collection[str] | None = None) -> AddResult:
    """Add one entry, given as the CSV's cells and validated as a CSV line is, to list ``name``
    (made if new); an entry of the same kind and term there is replaced."""
    entry = entry_from_cells(cells, platform_names)
    new_list = not list_exists(db, name)
    stamp = now()
    with db.atomic():
        if new_list:
            db.execute("INSERT INTO lists (name, updated_at) VALUES (?, ?)", [name, stamp])
        else:  # the list is no longer its file as imported: importing that file again restores it
            db.execute("UPDATE lists SET sha256 = NULL, updated_at = ? WHERE name = ?", [stamp, name])
        gone = db.execute("DELETE FROM list_entries WHERE list = ? AND kind = ? AND term_key = ?",
                          [name, entry.kind, _key(entry.term)]).rowcount
        db.table("list_entries").insert(_row(name, entry, None))
    return AddResult(entry, name, gone > 0, new_list)


@dataclass(frozen=True)
class Removed:
    list: str
    term: str
    kind: str


def remove_entries(db: sqlite_utils.Database, term: str, name: str | None = None) -> list[Removed]:
    """Remove the entries whose term is ``term`` (any kind) from list ``name``, else from every list."""
    if name is not None and not list_exists(db, name):
        raise NoSuchList(f"no list '{name}' in the store; 'listguard blocklist list' shows the lists")
    where, params = "term_key = ?", [_key(term)]
    if name is not None:
        where, params = where + " AND list = ?", [*params, name]
    rows = db.execute(f"SELECT list, term, kind FROM list_entries WHERE {where} ORDER BY list, kind", params).fetchall()
    if not rows:
        place = f"list '{name}'" if name is not None else "the store's lists"
        raise NoSuchEntry(f"no entry '{term}' in {place}; 'listguard blocklist show {term}' says which lists "
                          f"hold it")
    stamp = now()
    with db.atomic():
        db.execute(f"DELETE FROM list_entries WHERE {where}", params)
        for changed in sorted({r[0] for r in rows}):
            db.execute("UPDATE lists SET sha256 = NULL, updated_at = ? WHERE name = ?", [stamp, changed])
    return [Removed(*row) for row in rows]


def export_cells(db: sqlite_utils.Database, name: str | None = None) -> list[dict[str, str]]:
    """The entries of list ``name`` (else of every list, list by list) as the CSV's cells."""
    if name is not None and not list_exists(db, name):
        raise NoSuchList(f"no list '{name}' in the store; 'listguard blocklist list' shows the lists")
    where, params = ("WHERE list = ?", [name]) if name is not None else ("", [])
    cursor = db.execute(f"SELECT {', '.join(COLUMNS)} FROM list_entries {where} ORDER BY list, id", params)
    return [_cells(dict(zip(COLUMNS, row))) for row in cursor.fetchall()]


def write_csv(cells: Iterable[dict[str, str]], stream: TextIO) -> None:
    """Write entries in the blocklist CSV format, which ``blocklist import`` reads back."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for line in cells:
        writer.writerow([line[name] for name in COLUMNS])


@dataclass(frozen=True)
class ListStats:
    lists: list[tuple[str, int]]
    kinds: list[tuple[str, int]]
    goods: list[tuple[str, int]]  # "" for entries whose goods are not said


def list_stats(db: sqlite_utils.Database) -> ListStats:
    lists = [(s.name, s.entries) for s in list_summaries(db)]
    kinds = Counter(dict(db.execute("SELECT kind, COUNT(*) FROM list_entries GROUP BY kind").fetchall()))
    goods = db.execute("""SELECT COALESCE(goods, ''), COUNT(*) AS n FROM list_entries GROUP BY 1
                          ORDER BY n DESC, 1""").fetchall()
    return ListStats(lists, [(k, kinds[k]) for k in KINDS if kinds[k]], [(g, n) for g, n in goods])


@dataclass(frozen=True)
class Held:
    """An entry that holds a term, and where it is."""

    entry: Entry
    list: str  # the store list's name, or the curated file's name
    curated: bool
    line: int | None  # the line of the file it was read from; None for an entry added by hand


def _store_rows(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(f"SELECT {', '.join(ROW_COLUMNS)} FROM list_entries ORDER BY list, id").fetchall()


def _stored_entry(row: tuple, where: str, platform_names: Collection[str] | None) -> Entry:
    values = dict(zip(ROW_COLUMNS, row))
    name, line = values["list"], values["line"]
    source = f"store:{name}:{line}" if line is not None else f"store:{name}"
    return entry_from_cells(_cells(values), platform_names, path=f"{where} list '{name}'", source=source)


def find_term(db: sqlite_utils.Database | None, term: str) -> list[Held]:
    """Every entry of the store's lists (``db``, if any), then of the curated lists, whose term or
    an alias is ``term``, ignoring case, spaces and punctuation."""
    key = _key(term)

    def holds(entry: Entry) -> bool:
        return any(_key(name) == key for name in entry.names)

    found = []
    if db is not None:
        for row in _store_rows(db):
            entry = _stored_entry(row, "the store", None)
            if holds(entry):
                found.append(Held(entry, row[0], False, row[1]))
    for path in default_blocklist_paths():
        found += [Held(e, path.name, True, _line_of(e)) for e in load_blocklist(path) if holds(e)]
    return found


@dataclass(frozen=True)
class StoredLists:
    """The store's lists as a check reads them: every row, and a digest of them for the cache key
    of the built indexes (an added or removed term is a new key)."""

    path: Path
    rows: tuple[tuple, ...]
    digest: str
    size: int

    def entries(self, platform_names: Collection[str] | None) -> list[Entry]:
        return [_stored_entry(row, str(self.path), platform_names) for row in self.rows]


def stored_lists(path: Path | str | None = None) -> StoredLists | None:
    """The store's lists, or None when there is no store or it holds none: a check without a
    store never makes one."""
    target = Path(path) if path is not None else store_path()
    if not target.exists():
        return None
    db = open_store(target, create=False)
    try:
        rows = tuple(_store_rows(db))
    finally:
        db.close()
    if not rows:
        return None
    text = repr(rows).encode("utf-8", "surrogatepass")
    return StoredLists(target, rows, hashlib.sha256(text).hexdigest(), len(text))
