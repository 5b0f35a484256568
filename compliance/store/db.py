"""Where the store lives, how it is opened, and how it is upgraded.

The store is one SQLite file built with sqlite-utils: ``$LISTGUARD_DB`` if set, otherwise
``listguard.db`` in the user's data folder (``~/.local/share/listguard`` on Linux). Nothing
creates it until a command needs it, so a fresh install checks with no store present.

Its schema version is SQLite's ``user_version``. Each release knows the migrations up to its own
version (:data:`compliance.store.schema.MIGRATIONS`) and applies the missing ones in order, each
in one transaction, so a store written by an older release upgrades in place when it is opened.
A store whose version is higher than this release knows was written by a newer release: it is
refused with a message, never read or changed, since its tables may mean something else.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import Iterator

from ..errors import ListguardError
from .schema import MIGRATIONS, VERSION


@contextlib.contextmanager
def _without_pandas():
    """sqlite-utils imports pandas when pandas is installed, only to map pandas' Timestamp to a
    column type; the store never writes pandas values. Importing it costs 0.2-0.4 s and 70 MB that
    every check recording its run would pay where the dask extra is installed, so it is hidden
    while sqlite-utils loads. A process that has imported pandas already keeps it."""
    if "pandas" in sys.modules:
        yield
        return
    sys.modules["pandas"] = None  # type: ignore[assignment]  # importing it raises ImportError, as when absent
    try:
        yield
    finally:
        del sys.modules["pandas"]


with _without_pandas():
    import sqlite_utils

FILE_NAME = "listguard.db"


class StoreError(ListguardError):
    """The store cannot be opened or used; the message says which file and what to do."""


def store_path() -> Path:
    """The store's file: ``$LISTGUARD_DB``, else the user data folder's ``listguard.db``."""
    setting = os.environ.get("LISTGUARD_DB", "").strip()
    if setting:
        return Path(setting).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("listguard", appauthor=False)) / FILE_NAME


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def open_store(path: Path | str | None = None, create: bool = True) -> sqlite_utils.Database:
    """Open (and, with ``create``, make) the store and bring its schema up to this release's.

    ``create=False`` is for commands that only read: a missing store is then a
    :class:`StoreError` telling the user how to make one, not an empty file left behind.
    """
    target = Path(path) if path is not None else store_path()
    if not target.exists():
        if not create:
            raise StoreError(f"{target}: no store yet; it is made by 'listguard blocklist import' or "
                             f"'listguard register import', or by a 'check' run without --no-store")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{target.parent}: cannot make the store's folder ({exc.strerror}); "
                             f"set LISTGUARD_DB to a writable path") from None
    try:
        conn = sqlite3.connect(str(target))
        db = sqlite_utils.Database(conn)
        version = schema_version(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{target}: not a listguard store ({exc}); move it away or set LISTGUARD_DB "
                         f"to another path") from None
    if version > VERSION:
        conn.close()
        raise StoreError(f"{target}: this store was written by a newer listguard (schema {version}; this "
                         f"release reads up to {VERSION}); upgrade listguard, or set LISTGUARD_DB to "
                         f"another path")
    db.execute("PRAGMA foreign_keys = ON")
    # WAL lets a report reader (Datasette, the sqlite3 shell) read while a check records a run.
    db.execute("PRAGMA journal_mode = WAL")
    upgrade(db, version)
    return db


@contextlib.contextmanager
def opened_store(path: Path | str | None = None, create: bool = True) -> Iterator[sqlite_utils.Database]:
    """:func:`open_store` for the length of a ``with`` block, closed after it."""
    db = open_store(path, create)
    try:
        yield db
    finally:
        db.close()


def upgrade(db: sqlite_utils.Database, version: int) -> None:
    """Apply the migrations after ``version``, each with its version bump in one transaction."""
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        # One explicit transaction per step (Python's sqlite3 would run DDL outside one): a step
        # that fails leaves the store at the version before it.
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migration.statements:
                db.conn.execute(statement)
            db.conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        except BaseException:
            db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
