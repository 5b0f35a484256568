"""The store's file, schema versions and upgrades (compliance.store.db)."""
from __future__ import annotations

import sqlite3

import pytest

from compliance.store.db import StoreError, open_store, schema_version, store_path
from compliance.store.schema import MIGRATIONS, VERSION


def _tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_new_store_has_every_table_at_this_release_version(tmp_path):
    db = open_store(tmp_path / "deep" / "store.db")
    assert schema_version(db) == VERSION
    assert {"lists", "list_entries", "register_marks", "register_classes", "register_imports",
            "runs", "run_counts", "run_verdicts", "run_findings"} <= set(db.table_names())


def test_a_store_from_an_older_release_upgrades_in_place_keeping_its_rows(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:  # what the first release wrote: the lists tables only
        for statement in MIGRATIONS[0].statements:
            conn.execute(statement)
        conn.execute("INSERT INTO lists (name, source) VALUES ('mine', 'mine.csv')")
        conn.execute("PRAGMA user_version = 1")
    db = open_store(path)
    assert schema_version(db) == VERSION
    assert "runs" in db.table_names()
    assert [r["name"] for r in db["lists"].rows] == ["mine"]


def test_a_store_from_a_newer_release_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert f"written by a newer listguard (schema {VERSION + 1}" in str(err.value)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="not a listguard store .*set LISTGUARD_DB"):
        open_store(path)


def test_a_step_that_fails_leaves_the_store_at_the_version_before_it(tmp_path, monkeypatch):
    from compliance.store import db as store_db
    from compliance.store.schema import Migration

    broken = (*MIGRATIONS[:1], Migration(2, "broken", ("CREATE TABLE half (x)", "CREATE TABLE lists (y)")))
    monkeypatch.setattr(store_db, "MIGRATIONS", broken)
    path = tmp_path / "s.db"
    with pytest.raises(sqlite3.OperationalError):
        open_store(path)
    assert _tables(path) == {"lists", "list_entries"}
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_reading_commands_do_not_make_a_store(tmp_path):
    path = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no store yet"):
        open_store(path, create=False)
    assert not path.exists()


def test_the_path_comes_from_LISTGUARD_DB_else_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTGUARD_DB", str(tmp_path / "x.db"))
    assert store_path() == tmp_path / "x.db"
    monkeypatch.delenv("LISTGUARD_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert store_path() == tmp_path / "data" / "listguard" / "listguard.db"


def test_register_marks_are_keyed_by_their_folded_words():
    from compliance.store.schema import mark_key

    assert mark_key("Ray-Ban® SUN  Glasses") == "ray ban sun glasses"
    assert mark_key("CAFÉ Ｎｏｉｒ") == "cafe noir"


def test_opening_the_store_does_not_load_pandas(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from compliance.store.db import open_store; open_store(sys.argv[1]); "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s.db")], capture_output=True, text=True,
                         check=True).stdout
    assert out == "False\n"
