"""The history of check runs: each run recorded as its report is written, the runs listed, and
what changed between two of them.

A run is recorded while the report is written, from the same items the report takes (after
``--baseline``, ``--select``, ``--ignore`` and waivers), so the history says what the seller was
told. Rows are buffered for :data:`BATCH` listings and written with ``executemany`` in one
transaction per batch: memory stays bounded however large the catalog, and a check pays a few
commits, not one per row. The history is never part of the gate: :class:`Recording` turns any
failure of the store into a reason to tell the seller once, and the check goes on as without it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ListguardError
from ..findings import UNCHANGED, VERDICTS
from ..ledger import ACCOUNTED
from .db import StoreError, open_store, sqlite_utils, store_path

BATCH = 2000  # listings written per transaction
CHUNK = 1 << 20  # bytes read at a time when hashing the catalog


class UnknownRun(StoreError):
    """A run id the store does not hold."""


def now_utc() -> str:
    """The time a run starts or ends, ISO 8601 in UTC to the second (tests replace it)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def file_sha256(path: str | Path) -> str | None:
    """The catalog's content hash, or None when it is not a regular file (standard input, a pipe)."""
    try:
        if not os.path.isfile(path):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def lists_version(entries: Iterable, files_key: str | None = None) -> str:
    """A hash of the blocklist entries' content the run used: every field that makes an entry what
    it is (not the file it came from), sets sorted and entries sorted, so the same lists give the
    same version in any order, from any folder, under any release.

    ``files_key`` (the hash of the list files and the store's lists the entries were read from)
    finds the version in the disk cache: hashing 50,000 entries costs a small check 0.4 s."""
    if files_key is None:
        return _content_hash(entries)
    from ..cache import fingerprint, load_or_build

    return load_or_build("lists-version", fingerprint(files_key, sources=(__file__,)),
                         lambda: _content_hash(entries))


def _content_hash(entries: Iterable) -> str:
    lines = []
    for entry in entries:
        values = []
        for f in dataclasses.fields(entry):
            if not f.compare:
                continue
            value = getattr(entry, f.name)
            values.append(sorted(value, key=str) if isinstance(value, (set, frozenset)) else value)
        lines.append(repr(values))
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class RunSetting:
    """What a run checked and with what: the columns of ``runs`` known before the first listing."""

    catalog: str
    catalog_sha256: str | None
    listguard: str
    lists: str
    platforms: tuple[str, ...]
    register: str | None = None  # the register's import state, when the run checks against it


class RunWriter:
    """Writes one run's rows into an open store, a batch of listings per transaction."""

    def __init__(self, db: sqlite_utils.Database, setting: RunSetting) -> None:
        self.db = db
        self.platforms = setting.platforms
        self.counts: dict[str, dict[str, int]] = {p: dict.fromkeys(VERDICTS, 0) for p in setting.platforms}
        self.listings = 0
        self.findings = 0
        self._verdicts: list[tuple] = []
        self._findings: list[tuple] = []
        self._pending = 0
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the last
        # batch of a run (never the store), and a check does not wait on a disk flush per batch.
        db.execute("PRAGMA synchronous = NORMAL")
        with db.conn:
            cursor = db.conn.execute(
                "INSERT INTO runs (started_at, catalog, catalog_sha256, listguard, lists, register, platforms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (now_utc(), setting.catalog, setting.catalog_sha256, setting.listguard, setting.lists,
                 setting.register, "|".join(setting.platforms)))
        self.run = int(cursor.lastrowid or 0)

    def listing(self, item: dict) -> None:
        """Buffer one report item (``ListingResult.to_dict``): its verdicts and findings."""
        run, listing, row = self.run, str(item["id"]), int(item["row"])
        for platform, verdict in item["verdicts"].items():
            self._verdicts.append((run, listing, row, platform, verdict))
            counts = self.counts.setdefault(platform, {})
            counts[verdict] = counts.get(verdict, 0) + 1
        for f in item["findings"]:
            self._findings.append((run, listing, row, f["rule"], f["severity"], f["field"], f["text"], f["entry"],
                                   "|".join(f["platforms"]), f["message"]))
        self.listings += 1
        self.findings += len(item["findings"])
        self._pending += 1
        if self._pending >= BATCH:
            with self.db.conn:
                self._flush()

    def _flush(self) -> None:
        """Write the buffered rows; the caller holds the transaction."""
        conn = self.db.conn
        conn.executemany("INSERT INTO run_verdicts (run, listing, row, platform, verdict) VALUES (?, ?, ?, ?, ?)",
                         self._verdicts)
        conn.executemany("INSERT INTO run_findings (run, listing, row, code, severity, field, matched, entry, "
                         "platforms, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self._findings)
        self._verdicts, self._findings, self._pending = [], [], 0

    def finish(self, exit_code: int) -> None:
        """The last batch, the counts and the run's end, in one transaction."""
        with self.db.conn:
            self._flush()
            self.db.conn.executemany(
                "INSERT INTO run_counts (run, platform, verdict, listings) VALUES (?, ?, ?, ?)",
                [(self.run, p, v, n) for p, counts in self.counts.items() for v, n in counts.items()])
            self.db.conn.execute("UPDATE runs SET finished_at = ?, listings = ?, findings = ?, exit_code = ? "
                                 "WHERE id = ?", (now_utc(), self.listings, self.findings, exit_code, self.run))

    def abandon(self) -> None:
        """Remove the run's rows: a run that wrote no report is no part of the history."""
        self.db.conn.rollback()
        with self.db.conn:
            self.db.conn.execute("DELETE FROM runs WHERE id = ?", (self.run,))


STORE_FAILURES = (sqlite3.Error, OSError, ListguardError)


class Recording:
    """A run's recording that never stops the check: the first failure of the store ends the
    recording and becomes :attr:`problem`, the one line the seller is told."""

    def __init__(self, setting: RunSetting, path: Path | None = None) -> None:
        self.path = path or store_path()
        self.problem: str | None = None
        self.writer: RunWriter | None = None
        try:
            self._refuse_unwritable()
            db = open_store(self.path)
        except STORE_FAILURES as exc:
            self._failed(exc)
            return
        try:
            self.writer = RunWriter(db, setting)
        except STORE_FAILURES as exc:
            db.conn.close()
            self._failed(exc)

    def _refuse_unwritable(self) -> None:
        # SQLite says only "unable to open database file" for a store it cannot create; say where.
        folder = self.path.parent
        if not self.path.exists() and folder.is_dir() and not os.access(folder, os.W_OK):
            raise StoreError(f"{folder}: the store's folder is not writable; set LISTGUARD_DB to a writable "
                             f"path, or check with --no-store")
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise StoreError(f"{self.path}: the store is read-only; set LISTGUARD_DB to a writable path, or "
                             f"check with --no-store")

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ListguardError):
            self.problem = str(exc)
        else:
            self.problem = f"{self.path}: cannot write the store ({getattr(exc, 'strerror', None) or exc})"
        writer, self.writer = self.writer, None
        if writer is not None:
            try:
                writer.abandon()
            except STORE_FAILURES:
                pass  # a run left unfinished is not listed (finished_at is empty)
        self._close(writer)

    def _close(self, writer: RunWriter | None) -> None:
        if writer is not None:
            try:
                writer.db.conn.close()
            except sqlite3.Error:
                pass

    def listing(self, item: dict) -> None:
        if self.writer is None:
            return
        try:
            self.writer.listing(item)
        except STORE_FAILURES as exc:
            self._failed(exc)

    def finish(self, exit_code: int) -> None:
        if self.writer is None:
            return
        try:
            self.writer.finish(exit_code)
        except STORE_FAILURES as exc:
            self._failed(exc)
            return
        self._close(self.writer)
        self.writer = None

    def abandon(self) -> None:
        writer, self.writer = self.writer, None
        if writer is None:
            return
        try:
            writer.abandon()
        except STORE_FAILURES:
            pass
        self._close(writer)

    def notice(self) -> str | None:
        """The line for stderr when the run was not recorded."""
        return f"this run was not recorded in the history: {self.problem}" if self.problem else None


# Reading the history ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    """One recorded run, as ``listguard history`` lists it."""

    id: int
    started_at: str
    finished_at: str
    catalog: str
    catalog_sha256: str | None
    listguard: str | None
    lists: str | None
    register: str | None
    platforms: tuple[str, ...]
    listings: int
    findings: int
    exit_code: int
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {**dataclasses.asdict(self), "platforms": list(self.platforms)}


RUN_COLUMNS = ("id, started_at, finished_at, catalog, catalog_sha256, listguard, lists, register, platforms, "
               "listings, findings, exit_code")


def _run_from(row: tuple, counts: dict[str, dict[str, int]]) -> Run:
    (run, started_at, finished_at, catalog, catalog_sha256, listguard, lists, register, platforms_text, listings,
     findings, exit_code) = row
    platforms = tuple(p for p in (platforms_text or "").split("|") if p)
    return Run(run, started_at, finished_at, catalog, catalog_sha256, listguard, lists, register, platforms,
               listings, findings, exit_code, counts={p: counts.get(p, {}) for p in platforms})


def _counts(db: sqlite_utils.Database, run: int) -> dict[str, dict[str, int]]:
    """Per platform, the listings of each verdict, in the report's order (pass, warn, fail, error, unchanged)."""
    counts: dict[str, dict[str, int]] = {}
    rows = db.execute("SELECT platform, verdict, listings FROM run_counts WHERE run = ?", [run]).fetchall()
    for platform, verdict, n in sorted(rows, key=lambda r: ACCOUNTED.index(r[1]) if r[1] in ACCOUNTED else 99):
        counts.setdefault(platform, {})[verdict] = n
    return counts


def list_runs(db: sqlite_utils.Database, limit: int | None = None, catalog: str | None = None) -> list[Run]:
    """Finished runs, newest first; ``catalog`` keeps those of one catalog (its absolute path)."""
    where, params = "finished_at IS NOT NULL", []
    if catalog is not None:
        where += " AND catalog = ?"
        params.append(catalog)
    sql = f"SELECT {RUN_COLUMNS} FROM runs WHERE {where} ORDER BY id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_run_from(row, _counts(db, row[0])) for row in db.execute(sql, params).fetchall()]


def get_run(db: sqlite_utils.Database, run: int) -> Run:
    row = db.execute(f"SELECT {RUN_COLUMNS} FROM runs WHERE id = ? AND finished_at IS NOT NULL", [run]).fetchone()
    if row is None:
        raise UnknownRun(f"no run {run} in the history ({db.conn.execute('PRAGMA database_list').fetchone()[2]}); "
                         f"'listguard history' lists the runs")
    return _run_from(row, _counts(db, run))


@dataclass(frozen=True)
class ListingVerdicts:
    """A listing of a run: its id (empty when the catalog has none), row and verdict per platform."""

    listing: str
    row: int
    verdicts: dict[str, str]

    def to_dict(self) -> dict:
        return {"listing": self.listing, "row": self.row, "verdicts": dict(self.verdicts)}


@dataclass(frozen=True)
class FindingKey:
    """What a finding is for a diff: its rule and the text it matched."""

    code: str
    matched: str

    def to_dict(self) -> dict:
        return {"code": self.code, "matched": self.matched}


@dataclass(frozen=True)
class ListingChange:
    """A listing in both runs whose verdict changed on a platform both checked, and why."""

    before: ListingVerdicts
    after: ListingVerdicts
    changed: dict[str, tuple[str, str]]  # platform -> (old verdict, new verdict)
    appeared: tuple[FindingKey, ...]
    went_away: tuple[FindingKey, ...]

    def to_dict(self) -> dict:
        return {"listing": self.after.listing, "row_before": self.before.row, "row": self.after.row,
                "verdicts": {p: {"old": old, "new": new} for p, (old, new) in self.changed.items()},
                "appeared": [f.to_dict() for f in self.appeared],
                "went_away": [f.to_dict() for f in self.went_away]}


@dataclass(frozen=True)
class RunDiff:
    before: Run
    after: Run
    compared: tuple[str, ...]  # the platforms both runs checked
    changed: list[ListingChange]
    added: list[ListingVerdicts]
    removed: list[ListingVerdicts]
    unchanged: int

    def to_dict(self) -> dict:
        return {"run_a": self.before.to_dict(), "run_b": self.after.to_dict(), "compared": list(self.compared),
                "changed": [c.to_dict() for c in self.changed], "added": [a.to_dict() for a in self.added],
                "removed": [r.to_dict() for r in self.removed], "unchanged": self.unchanged}


def _listings(db: sqlite_utils.Database, run: Run) -> Iterator[ListingVerdicts]:
    """The run's listings in row order, each with its verdicts in the order of the run's platforms."""
    order = {p: i for i, p in enumerate(run.platforms)}
    rows = db.execute("SELECT listing, row, platform, verdict FROM run_verdicts WHERE run = ? ORDER BY row", [run.id])
    current: list[tuple] = []
    for record in rows:
        if current and current[0][1] != record[1]:
            yield _listing_verdicts(current, order)
            current = []
        current.append(record)
    if current:
        yield _listing_verdicts(current, order)


def _listing_verdicts(records: list[tuple], order: dict[str, int]) -> ListingVerdicts:
    records.sort(key=lambda r: order.get(r[2], len(order)))
    return ListingVerdicts(records[0][0], records[0][1], {platform: verdict for _, _, platform, verdict in records})


def _by_listing(listings: Iterable[ListingVerdicts]) -> dict[str, ListingVerdicts]:
    """Each listing under its id, else its row; an id that repeats in the run is told apart by its row."""
    keyed: dict[str, ListingVerdicts] = {}
    for item in listings:
        key = item.listing or f"row {item.row}"
        if key in keyed:
            key = f"{item.listing} (row {item.row})"
        keyed[key] = item
    return keyed


def _finding_keys(db: sqlite_utils.Database, run: int, row: int) -> list[FindingKey]:
    rows = db.execute("SELECT code, matched FROM run_findings WHERE run = ? AND row = ? ORDER BY rowid",
                      [run, row]).fetchall()
    return list(dict.fromkeys(FindingKey(code, matched or "") for code, matched in rows))


def _change(db, before: Run, after: Run, old: ListingVerdicts, new: ListingVerdicts,
            compared: tuple[str, ...]) -> ListingChange | None:
    # A row --changed-only did not check (verdict "unchanged") has no verdict to compare.
    changed = {p: (old.verdicts[p], new.verdicts[p]) for p in compared
               if UNCHANGED not in (old.verdicts.get(p, UNCHANGED), new.verdicts.get(p, UNCHANGED))
               and old.verdicts[p] != new.verdicts[p]}
    if not changed:
        return None
    was, now = _finding_keys(db, before.id, old.row), _finding_keys(db, after.id, new.row)
    appeared, went_away = tuple(f for f in now if f not in was), tuple(f for f in was if f not in now)
    return ListingChange(old, new, changed, appeared, went_away)


def diff_runs(db: sqlite_utils.Database, run_a: int, run_b: int) -> RunDiff:
    """The listings whose verdict changed from run A to run B on a platform both checked (with the
    findings that appeared and went away), and the listings only one of them holds."""
    before, after = get_run(db, run_a), get_run(db, run_b)
    compared = tuple(p for p in after.platforms if p in before.platforms)
    old = _by_listing(_listings(db, before))
    changed, added, unchanged = [], [], 0
    for key, new in _by_listing(_listings(db, after)).items():
        was = old.pop(key, None)
        if was is None:
            added.append(new)
            continue
        change = _change(db, before, after, was, new, compared)
        if change is None:
            unchanged += 1
        else:
            changed.append(change)
    return RunDiff(before, after, compared, changed, added, list(old.values()), unchanged)


def open_history(path: Path | None = None) -> sqlite_utils.Database:
    """The store, for reading the history: a missing store is an error, never a new empty file."""
    return open_store(path, create=False)
