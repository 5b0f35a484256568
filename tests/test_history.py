"""The run history: what a check records in the store, --no-store, a store that cannot be
written, 'listguard history' and 'listguard diff' (compliance.store.history)."""
import hashlib
import json
import sqlite3
from itertools import count

import pytest
from click.testing import CliRunner

from cli import main
from compliance import __version__
from compliance.blocklist import load_blocklist
from compliance.store import history
from compliance.store.schema import VERSION

from .conftest import FIXTURES

BLOCKLIST = str(FIXTURES / "blocklist.csv")

FIRST = ("sku,title,brand\n"
         "A-1,Stainless Steel Water Bottle,Trailmate\n"
         "A-2,Nike Air Max running shoes,Trailmate\n"
         "A-3,Leather wallet for men,Trailmate\n"
         "A-4,Cotton tote bag FREE SHIPPING,Trailmate\n")
# A-1 the same, A-2 loses its marks, A-3 gains one, A-4 is gone and A-5 is new.
SECOND = ("sku,title,brand\n"
          "A-1,Stainless Steel Water Bottle,Trailmate\n"
          "A-2,Running shoes breathable mesh,Trailmate\n"
          "A-3,Gucci leather wallet for men,Trailmate\n"
          "A-5,Wool scarf,Trailmate\n")


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store of the test's own, and a clock that says 10:00:00, 10:00:01, ... (UTC)."""
    path = tmp_path / "store" / "listguard.db"
    monkeypatch.setenv("LISTGUARD_DB", str(path))
    ticks = count()
    monkeypatch.setattr(history, "now_utc", lambda: f"2026-12-04T10:00:{next(ticks):02d}+00:00")
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def catalog(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def check(path, *more):
    report = path.parent / "report.json"
    return run("check", path, "--no-default-blocklists", "-b", BLOCKLIST, "--as-of", "2026-01-01", "-f", "json",
               "-o", report, *more)


def rows(path, table):
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid" if table == "run_findings" else
                            f"SELECT * FROM {table}").fetchall()


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def two_runs(tmp_path):
    first, second = catalog(tmp_path, "v1.csv", FIRST), catalog(tmp_path, "v2.csv", SECOND)
    assert check(first).exit_code == 1
    assert check(second).exit_code == 1
    return first, second


# Recording ---------------------------------------------------------------------------------------------

def test_a_check_records_the_run_its_counts_verdicts_and_findings(tmp_path, store):
    path = catalog(tmp_path, "v1.csv", FIRST)
    result = check(path)
    assert result.exit_code == 1
    lists = history.lists_version(load_blocklist(BLOCKLIST))
    assert rows(store, "runs") == [
        (1, "2026-12-04T10:00:00+00:00", "2026-12-04T10:00:01+00:00", str(path), sha256(path), __version__, lists,
         None, "ebay:US|amazon:US", 4, 3, 1)]
    assert rows(store, "run_counts") == [
        (1, "amazon:US", "error", 0), (1, "amazon:US", "fail", 2), (1, "amazon:US", "pass", 2),
        (1, "amazon:US", "warn", 0), (1, "ebay:US", "error", 0), (1, "ebay:US", "fail", 1),
        (1, "ebay:US", "pass", 3), (1, "ebay:US", "warn", 0)]
    assert rows(store, "run_verdicts") == [
        (1, "A-1", 1, "amazon:US", "pass"), (1, "A-1", 1, "ebay:US", "pass"),
        (1, "A-2", 2, "amazon:US", "fail"), (1, "A-2", 2, "ebay:US", "fail"),
        (1, "A-3", 3, "amazon:US", "pass"), (1, "A-3", 3, "ebay:US", "pass"),
        (1, "A-4", 4, "amazon:US", "fail"), (1, "A-4", 4, "ebay:US", "pass")]
    assert rows(store, "run_findings") == [
        (1, "A-2", 2, "TM001", "block", "title", "Nike", "Nike", "ebay:US|amazon:US",
         "names the trademark Nike (owner Nike, Inc.), which is not the listing's brand"),
        (1, "A-2", 2, "TM001", "block", "title", "Air Max", "Nike", "ebay:US|amazon:US",
         "names the trademark Nike (owner Nike, Inc.) through its product line Air Max, which is not the "
         "listing's brand"),
        (1, "A-4", 4, "LS003", "block", "title", "FREE SHIPPING", "free shipping", "amazon:US",
         "'FREE SHIPPING' in the title is promotional, temporary or subjective wording this marketplace does not "
         "want there.")]
    assert "not recorded" not in result.stderr


def test_the_run_records_what_the_report_says_after_the_gate(tmp_path, store):
    path = catalog(tmp_path, "v1.csv", FIRST)
    assert check(path, "--ignore", "LS", "--exit-zero").exit_code == 0
    assert [r[3] for r in rows(store, "run_findings")] == ["TM001", "TM001"]
    assert rows(store, "runs")[0][9:] == (4, 2, 0)  # listings, findings, exit code as the check exited


def test_a_run_on_several_processes_records_the_same_rows(tmp_path, store):
    path = catalog(tmp_path, "v1.csv", FIRST)
    assert check(path).exit_code == 1
    assert check(path, "--jobs", "2").exit_code == 1
    verdicts, findings = rows(store, "run_verdicts"), rows(store, "run_findings")
    assert [r[1:] for r in verdicts if r[0] == 2] == [r[1:] for r in verdicts if r[0] == 1]
    assert [r[1:] for r in findings if r[0] == 2] == [r[1:] for r in findings if r[0] == 1]


def test_rows_are_written_in_batches(tmp_path, store, monkeypatch):
    monkeypatch.setattr(history, "BATCH", 3)
    path = catalog(tmp_path, "v1.csv", FIRST)
    assert check(path).exit_code == 1
    assert len(rows(store, "run_verdicts")) == 8 and len(rows(store, "run_findings")) == 3


def test_the_lists_version_is_their_content_in_any_order_and_changes_with_an_entry():
    from dataclasses import replace

    entries = load_blocklist(BLOCKLIST)
    version = history.lists_version(entries)
    assert len(version) == 16
    assert history.lists_version(list(reversed(entries))) == version
    assert history.lists_version([replace(e, source="elsewhere.csv") for e in entries]) == version
    assert history.lists_version([replace(entries[0], classes=frozenset({9})), *entries[1:]]) != version


def test_no_store_records_nothing_and_makes_no_store_file(tmp_path, store):
    path = catalog(tmp_path, "v1.csv", FIRST)
    result = check(path, "--no-store")
    assert result.exit_code == 1
    assert not store.exists() and not store.parent.exists()
    assert "not recorded" not in result.stderr


def _report(path):
    report = json.loads((path.parent / "report.json").read_text(encoding="utf-8"))
    report.pop("checked_at", None)
    return report


@pytest.mark.parametrize("make, reason", [
    ("folder_is_a_file", "{store_parent}: cannot make the store's folder (File exists); set LISTGUARD_DB to a "
                         "writable path"),
    ("read_only_folder", "{store_parent}: the store's folder is not writable; set LISTGUARD_DB to a writable path, "
                         "or check with --no-store"),
    ("read_only_store", "{store}: the store is read-only; set LISTGUARD_DB to a writable path, or check with "
                        "--no-store"),
])
def test_a_store_that_cannot_be_written_leaves_the_check_as_it_was_and_says_why_once(tmp_path, store, make, reason,
                                                                                     monkeypatch):
    import os

    path = catalog(tmp_path, "v1.csv", FIRST)
    assert check(path, "--no-store").exit_code == 1
    expected = _report(path)
    if make == "folder_is_a_file":
        store.parent.write_text("a file where the store's folder would be\n")
    elif make.startswith("read_only"):
        # chmod does not stop the superuser the tests may run as: the access check is what says read-only.
        store.parent.mkdir()
        if make == "read_only_store":
            from compliance.store.db import open_store

            open_store(store).conn.close()
        access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: access(p, mode) and not (
            mode == os.W_OK and str(p).startswith(str(store.parent))))
    result = check(path)
    assert result.exit_code == 1
    assert _report(path) == expected
    said = reason.format(store=store, store_parent=store.parent)
    notices = [line for line in result.stderr.splitlines() if "not recorded" in line]
    assert notices == [f"listguard: this run was not recorded in the history: {said}"]


@pytest.mark.parametrize("make, reason", [
    ("newer_store", f"{{store}}: this store was written by a newer listguard (schema {VERSION + 1}; this release "
                    f"reads up to {VERSION}); upgrade listguard, or set LISTGUARD_DB to another path"),
    ("not_a_store", "{store}: not a listguard store (file is not a database); move it away or set LISTGUARD_DB to "
                    "another path"),
])
def test_a_store_that_cannot_be_read_stops_the_check_since_its_lists_may_block(tmp_path, store, make, reason):
    # The store holds the seller's own lists: a gate that ran without them could pass what they block.
    path = catalog(tmp_path, "v1.csv", FIRST)
    store.parent.mkdir()
    if make == "newer_store":
        with sqlite3.connect(store) as conn:
            conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    else:
        store.write_text("these are my notes, not a database\n" * 200)
    result = check(path)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: {reason.format(store=store)}\n")
    assert not (path.parent / "report.json").exists()
    assert check(path, "--no-store").exit_code == 1


def test_a_store_that_fails_during_the_run_keeps_the_check_and_no_half_run(tmp_path, store, monkeypatch):
    path = catalog(tmp_path, "v1.csv", FIRST)
    assert check(path).exit_code == 1  # run 1 is recorded

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(history, "BATCH", 1)
    monkeypatch.setattr(history.RunWriter, "_flush", full)
    result = check(path)
    assert result.exit_code == 1
    notices = [line for line in result.stderr.splitlines() if "not recorded" in line]
    assert notices == [f"listguard: this run was not recorded in the history: {store}: cannot write the store "
                       f"(database or disk is full)"]
    assert [r[0] for r in rows(store, "runs")] == [1]
    assert {r[0] for r in rows(store, "run_verdicts")} == {1}


def test_a_run_that_writes_no_report_is_not_recorded(tmp_path, store, monkeypatch):
    from compliance import ledger

    path = catalog(tmp_path, "v1.csv", FIRST)
    monkeypatch.setattr(ledger.Ledger, "balance", lambda self, reported, counts: (_ for _ in ()).throw(
        ledger.AccountingError("4 rows were read but the report holds 3")))
    result = check(path)
    assert result.exit_code == 2
    assert rows(store, "runs") == [] and rows(store, "run_verdicts") == []


# history -----------------------------------------------------------------------------------------------

def test_history_lists_the_runs_newest_first(tmp_path, store):
    first, second = two_runs(tmp_path)
    result = run("history")
    assert result.exit_code == 0
    width = len(str(first))
    assert result.output == (
        f"run  started (UTC)        {'catalog':<{width}}  listings  exit  pass/warn/fail/error\n"
        f"---  -------------------  {'-' * width}  --------  ----  {'-' * 34}\n"
        f"2    2026-12-04 10:00:02  {second}  4         1     ebay:US 3/0/1/0, amazon:US 3/0/1/0\n"
        f"1    2026-12-04 10:00:00  {first}  4         1     ebay:US 3/0/1/0, amazon:US 2/0/2/0\n")


def test_history_limit_and_catalog(tmp_path, store):
    first, second = two_runs(tmp_path)
    assert run("history", "--limit", "1").output.splitlines()[2:] == [
        f"2    2026-12-04 10:00:02  {second}  4         1     ebay:US 3/0/1/0, amazon:US 3/0/1/0"]
    assert run("history", "--catalog", first).output.splitlines()[2:] == [
        f"1    2026-12-04 10:00:00  {first}  4         1     ebay:US 3/0/1/0, amazon:US 2/0/2/0"]
    other = tmp_path / "other.csv"
    assert run("history", "--catalog", other).output == f"no runs of {other} recorded\n"


def test_history_as_json(tmp_path, store):
    first, _ = two_runs(tmp_path)
    result = run("history", "--limit", "1", "--catalog", first, "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.output) == [{
        "id": 1, "started_at": "2026-12-04T10:00:00+00:00", "finished_at": "2026-12-04T10:00:01+00:00",
        "catalog": str(first), "catalog_sha256": sha256(first), "listguard": __version__,
        "lists": history.lists_version(load_blocklist(BLOCKLIST)), "register": None,
        "platforms": ["ebay:US", "amazon:US"], "listings": 4, "findings": 3, "exit_code": 1,
        "counts": {"ebay:US": {"pass": 3, "warn": 0, "fail": 1, "error": 0},
                   "amazon:US": {"pass": 2, "warn": 0, "fail": 2, "error": 0}}}]


def test_history_show_prints_one_run(tmp_path, store):
    first, _ = two_runs(tmp_path)
    result = run("history", "show", "1")
    assert result.exit_code == 0
    assert result.output == (
        "run        1\n"
        "started    2026-12-04 10:00:00\n"
        "finished   2026-12-04 10:00:01\n"
        f"catalog    {first}\n"
        f"sha256     {sha256(first)}\n"
        f"listguard  {__version__}\n"
        f"lists      {history.lists_version(load_blocklist(BLOCKLIST))}\n"
        "register   -\n"
        "platforms  ebay:US, amazon:US\n"
        "listings   4\n"
        "findings   3\n"
        "exit       1\n"
        "ebay:US    3/0/1/0  (pass/warn/fail/error)\n"
        "amazon:US  2/0/2/0  (pass/warn/fail/error)\n")


def test_history_with_no_runs_and_with_no_store(tmp_path, store):
    missing = run("history")
    assert missing.exit_code == 2
    assert missing.output == (f"Error: {store}: no store yet; it is made by 'listguard blocklist import' or "
                              f"'listguard register import', or by a 'check' run without --no-store\n")
    assert not store.exists()
    check(catalog(tmp_path, "v1.csv", FIRST), "--select", "XX", "--no-store")
    from compliance.store.db import open_store

    open_store(store).conn.close()
    assert run("history").output == "no runs recorded yet\n"
    assert run("history", "-f", "json").output == "[]\n"


# diff --------------------------------------------------------------------------------------------------

def test_diff_shows_changed_added_and_removed_listings_and_why(tmp_path, store):
    first, second = two_runs(tmp_path)
    lists = history.lists_version(load_blocklist(BLOCKLIST))
    result = run("diff", "1", "2")
    assert result.exit_code == 0
    assert result.output == (
        f"run 1  2026-12-04 10:00:00  {first}  listguard {__version__}  lists {lists}\n"
        f"run 2  2026-12-04 10:00:02  {second}  listguard {__version__}  lists {lists}\n"
        "compared on ebay:US, amazon:US: 2 changed, 1 added, 1 removed, 1 unchanged\n"
        "changed\n"
        "  A-2 (row 2)  ebay:US fail -> pass, amazon:US fail -> pass\n"
        "    - TM001 'Nike'\n"
        "    - TM001 'Air Max'\n"
        "  A-3 (row 3)  ebay:US pass -> fail, amazon:US pass -> fail\n"
        "    + TM001 'Gucci'\n"
        "added\n"
        "  A-5 (row 4)  ebay:US pass, amazon:US pass\n"
        "removed\n"
        "  A-4 (row 4)  ebay:US pass, amazon:US fail\n")


def test_diff_as_json(tmp_path, store):
    two_runs(tmp_path)
    result = run("diff", "1", "2", "-f", "json")
    assert result.exit_code == 0
    out = json.loads(result.output)
    assert [out["run_a"]["id"], out["run_b"]["id"], out["compared"], out["unchanged"]] == [
        1, 2, ["ebay:US", "amazon:US"], 1]
    assert out["changed"] == [
        {"listing": "A-2", "row_before": 2, "row": 2,
         "verdicts": {"ebay:US": {"old": "fail", "new": "pass"}, "amazon:US": {"old": "fail", "new": "pass"}},
         "appeared": [], "went_away": [{"code": "TM001", "matched": "Nike"}, {"code": "TM001", "matched": "Air Max"}]},
        {"listing": "A-3", "row_before": 3, "row": 3,
         "verdicts": {"ebay:US": {"old": "pass", "new": "fail"}, "amazon:US": {"old": "pass", "new": "fail"}},
         "appeared": [{"code": "TM001", "matched": "Gucci"}], "went_away": []}]
    assert out["added"] == [{"listing": "A-5", "row": 4, "verdicts": {"ebay:US": "pass", "amazon:US": "pass"}}]
    assert out["removed"] == [{"listing": "A-4", "row": 4, "verdicts": {"ebay:US": "pass", "amazon:US": "fail"}}]


def test_diff_compares_only_the_platforms_both_runs_checked(tmp_path, store):
    path = catalog(tmp_path, "v1.csv", FIRST)
    check(path, "-p", "ebay:US")
    check(path, "-p", "ebay:US", "-p", "amazon:US")
    lines = run("diff", "1", "2").output.splitlines()
    assert lines[2:] == ["compared on ebay:US: 0 changed, 0 added, 0 removed, 4 unchanged",
                         "not compared: amazon:US (run 2 only)"]


def test_diff_matches_listings_without_an_id_by_row(tmp_path, store):
    # A catalog with no id column gives each listing the id row-N, so its rows are matched by number.
    path = catalog(tmp_path, "noid.csv", "title\nStainless Steel Water Bottle\nCotton tote bag\n")
    check(path)
    path.write_text("title\nNike water bottle\nCotton tote bag\nWool scarf\n", encoding="utf-8")
    check(path)
    assert run("diff", "1", "2").output.splitlines()[2:] == [
        "compared on ebay:US, amazon:US: 1 changed, 1 added, 0 removed, 1 unchanged",
        "changed",
        "  row-1 (row 1)  ebay:US pass -> fail, amazon:US pass -> fail",
        "    + TM001 'Nike'",
        "added",
        "  row-3 (row 3)  ebay:US pass, amazon:US pass"]


def test_diff_of_a_run_that_does_not_exist_exits_2(tmp_path, store):
    two_runs(tmp_path)
    result = run("diff", "1", "7")
    assert result.exit_code == 2
    assert result.output == f"Error: no run 7 in the history ({store}); 'listguard history' lists the runs\n"
    assert run("history", "show", "9").output == (f"Error: no run 9 in the history ({store}); 'listguard history' "
                                                  f"lists the runs\n")


def test_diff_with_no_store_exits_2_and_makes_none(tmp_path, store):
    result = run("diff", "1", "2")
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {store}: no store yet;")
    assert not store.exists()


def test_diff_takes_run_ids_as_numbers(store):
    result = run("diff", "one", "2")
    assert result.exit_code == 2
    assert "'one' is not a valid integer" in result.output


def test_rows_changed_only_did_not_check_are_counted_and_never_a_change(tmp_path, store):
    first, second = catalog(tmp_path, "v1.csv", FIRST), catalog(tmp_path, "v2.csv", SECOND)
    check(first)
    check(second, "--changed-only", first)
    assert run("history", "--limit", "1").output.splitlines()[2] == (
        f"2    2026-12-04 10:00:02  {second}  4         1     ebay:US 2/0/1/0 +1 unchanged, amazon:US 2/0/1/0 +1 "
        f"unchanged")
    assert run("diff", "1", "2").output.splitlines()[2] == (
        "compared on ebay:US, amazon:US: 2 changed, 1 added, 1 removed, 1 unchanged")


def test_the_lists_version_from_the_cache_is_the_content_hash(tmp_path, monkeypatch):
    from compliance.blocklist import load_blocklists

    monkeypatch.setenv("LISTGUARD_CACHE_DIR", str(tmp_path / "cache"))
    entries = load_blocklists([BLOCKLIST], defaults=False)
    assert entries.fingerprint
    first = history.lists_version(entries, entries.fingerprint)  # computed, then kept in the cache
    assert first == history.lists_version(list(entries))
    assert list((tmp_path / "cache").glob("lists-version-*"))
    assert history.lists_version(entries, entries.fingerprint) == first  # read back
