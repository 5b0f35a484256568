"""The seller's lists in the store: `listguard blocklist import/list/show/add/remove/export/stats`,
and check reading them (compliance.store.lists)."""
import json
import sqlite3

import pytest
from click.testing import CliRunner

from cli import _platform_names, main
from compliance.blocklist import load_blocklist, load_blocklists
from compliance.errors import InputError
from compliance.store.schema import VERSION

HEADER = ("term,kind,owner,aliases,classes,regions,generic,expires,keywords,platforms,severity,reference,goods,reach,"
          "note\n")
MINE = (HEADER
        + 'Zorblax,trademark,"Zorblax, Ltd",Zorb|ZBX,25|9,,,,,,,,fashion,local,an invented word\n'
        + "Hinge Widget,patent,Acme,,,US,,2031-05-01,hinge|fold,,warn,US 1234567,,,\n"
        + "replica,counterfeit,,,,,,,,,,,,,\n"
        + "Quuxlamp,trademark,Quux GmbH,,11,DE|EU,true,,,ebay,,,appliance,,\n")
STAMP = "2026-12-04T12:00:00Z"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store of this test's own (not made yet), with a fixed clock."""
    path = tmp_path / "store.db"
    monkeypatch.setenv("LISTGUARD_DB", str(path))
    monkeypatch.setattr("compliance.store.lists.now", lambda: STAMP)
    return path


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(MINE, encoding="utf-8")
    return path


def tables(path) -> dict[str, list[tuple]]:
    """Every row of the two tables: what 'the store as it was' means."""
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("lists", "list_entries")}


def entry_rows(path, name) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT term, term_key, kind, owner, aliases, classes, regions, generic, expires, "
                            "keywords, platforms, severity, reference, goods, note, line FROM list_entries "
                            "WHERE list = ? ORDER BY id", [name]).fetchall()


def newer_store(path):
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    return (f"Error: {path}: this store was written by a newer listguard (schema {VERSION + 1}; this release "
            f"reads up to {VERSION}); upgrade listguard, or set LISTGUARD_DB to another path\n")


# -- import ----------------------------------------------------------------------------------

def test_import_stores_the_entries_as_validated_with_their_lines(store, mine):
    result = run("blocklist", "import", str(mine))
    assert (result.exit_code, result.output) == (0, "imported 4 entries into list 'mine' (2 trademarks, 1 patent, "
                                                    "1 counterfeit term)\n")
    assert entry_rows(store, "mine") == [
        ("Zorblax", "zorblax", "trademark", "Zorblax, Ltd", "Zorb|ZBX", "9|25", None, 0, None, None, None, "block",
         None, "fashion", "an invented word", 2),
        ("Hinge Widget", "hingewidget", "patent", "Acme", None, None, "US", 0, "2031-05-01", "hinge|fold", None,
         "warn", "US 1234567", None, None, 3),
        ("replica", "replica", "counterfeit", None, None, None, None, 0, None, None, None, "block", None, None, None,
         4),
        ("Quuxlamp", "quuxlamp", "trademark", "Quux GmbH", None, "11", "DE|EU", 1, None, None, "ebay", "block", None,
         "appliance", None, 5),
    ]
    assert tables(store)["lists"] == [("mine", str(mine), tables(store)["lists"][0][2], STAMP, STAMP)]


def test_importing_the_same_file_twice_changes_nothing_and_says_so(store, mine, monkeypatch):
    run("blocklist", "import", str(mine), "--name", "own")
    before = tables(store)
    monkeypatch.setattr("compliance.store.lists.now", lambda: "2026-12-05T08:00:00Z")
    result = run("blocklist", "import", str(mine), "--name", "own")
    assert (result.exit_code, result.output) == (0, f"list 'own' already holds {mine} as it is (4 entries); "
                                                    f"nothing changed\n")
    assert tables(store) == before


def test_a_changed_file_under_the_same_name_replaces_the_list(store, mine, tmp_path):
    run("blocklist", "import", str(mine))
    mine.write_text(HEADER + "Zorblax,trademark\nZORBLAX,trademark,Zorblax Ltd\nfake,counterfeit\n", encoding="utf-8")
    result = run("blocklist", "import", str(mine))
    assert (result.exit_code, result.output) == (
        0, f"replaced list 'mine' with 2 entries from {mine} (1 trademark, 1 counterfeit term); 1 repeated line(s) "
           f"left out, the later line of a kind and term kept\n")
    assert [(r[0], r[3], r[-1]) for r in entry_rows(store, "mine")] == [("ZORBLAX", "Zorblax Ltd", 3),
                                                                       ("fake", None, 4)]


@pytest.mark.parametrize("line, message", [
    ("Acme,trademark,,,9|46", "line 3, column 5: classes: '46' is not a Nice class (a number from 1 to 45); "
                              "separate classes with |"),
    ("Acme,trademark,,,,,,,,,,,gadget", "line 3, column 13: goods: 'gadget' is not one of device, vehicle, "
                                        "appliance, tool, component, fashion, luxury, character, sports, media, "
                                        "service, cosmetics, food, toy, other"),
    ("Acme,trademark,,,,,,,,ebey", "line 3, column 10: platforms: 'ebey' is not a known platform"),
])
def test_a_bad_line_aborts_the_import_and_leaves_the_store_as_it_was(store, mine, tmp_path, line, message):
    run("blocklist", "import", str(mine))
    run("blocklist", "add", "Extra", "--kind", "prohibited", "--list", "mine")
    before = tables(store)
    mine.write_text(HEADER + "Fine,trademark\n" + line + "\n", encoding="utf-8")
    result = run("blocklist", "import", str(mine))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {mine}, {message}")
    assert len(result.output.splitlines()) == 1
    assert tables(store) == before


def test_a_bad_file_makes_no_store(store, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("term,kind\nAcme,brand\n", encoding="utf-8")
    result = run("blocklist", "import", str(bad))
    assert (result.exit_code, result.output) == (
        2, f"Error: {bad}, line 2, column 2: kind: 'brand' is not one of trademark, patent, counterfeit, "
           f"prohibited\n")
    assert not store.exists()


def test_import_of_a_missing_file_names_it(store, tmp_path):
    result = run("blocklist", "import", str(tmp_path / "none.csv"))
    assert (result.exit_code, result.output) == (
        2, f"Error: {tmp_path / 'none.csv'}: cannot open blocklist (No such file or directory); check the path\n")


def test_a_store_from_a_newer_release_is_refused(store, mine):
    expected = newer_store(store)
    for args in (["import", str(mine)], ["list"], ["show", "zorblax"], ["add", "X", "--kind", "trademark"],
                 ["remove", "X"], ["export"], ["stats"]):
        result = run("blocklist", *args)
        assert (result.exit_code, result.output) == (2, expected), args


# -- list, show ------------------------------------------------------------------------------

def test_list_shows_each_list_with_entries_source_and_time(store, mine, monkeypatch):
    monkeypatch.chdir(mine.parent)
    run("blocklist", "import", "mine.csv")
    run("blocklist", "add", "Blorp", "--kind", "trademark", "--list", "by-hand")
    result = run("blocklist", "list")
    assert (result.exit_code, result.output) == (0, (
        "list     entries  source             imported\n"
        "-------  -------  -----------------  --------------------\n"
        "by-hand  1        - (added by hand)  -\n"
        "mine     4        mine.csv           2026-12-04T12:00:00Z\n"))


def test_list_of_an_empty_store_and_of_none(store, mine):
    result = run("blocklist", "list")
    assert (result.exit_code, result.output) == (
        2, f"Error: {store}: no store yet; it is made by 'listguard blocklist import' or 'listguard register "
           f"import', or by a 'check' run without --no-store\n")
    assert not store.exists()
    run("blocklist", "add", "Blorp", "--kind", "trademark")
    run("blocklist", "remove", "Blorp")
    with sqlite3.connect(store) as conn:
        conn.execute("DELETE FROM lists")
    result = run("blocklist", "list")
    assert (result.exit_code, result.output) == (0, "no lists in the store yet; 'listguard blocklist import FILE' "
                                                    "stores one\n")


@pytest.fixture
def curated(tmp_path, monkeypatch):
    """A curated list of this test's own, so the expected output does not follow the shipped lists' edits."""
    path = tmp_path / "curated" / "trademarks.csv"
    path.parent.mkdir()
    path.write_text("term,kind,owner,aliases,classes,goods,generic\n"
                    "Acme,trademark,Acme Corp,,9,device,\n"
                    "Zorblax,trademark,Zorblax Holdings,Zorb,28,toy,true\n", encoding="utf-8")
    monkeypatch.setattr("compliance.store.lists.default_blocklist_paths", lambda: [path])
    return path


def test_show_finds_a_term_or_alias_in_the_store_and_the_curated_lists(store, mine, curated):
    run("blocklist", "import", str(mine))
    run("blocklist", "add", "zorb", "--kind", "counterfeit", "--list", "other")
    result = run("blocklist", "show", "ZORB")
    assert (result.exit_code, result.output) == (0, (
        "Zorblax (trademark) in store list 'mine', line 2\n"
        "  owner:   Zorblax, Ltd\n"
        "  classes: 9|25\n"
        "  goods:   fashion\n"
        "  generic: no\n"
        "  aliases: Zorb|ZBX\n"
        "zorb (counterfeit) in store list 'other' (added by hand)\n"
        "  owner:   -\n"
        "  classes: -\n"
        "  goods:   -\n"
        "  generic: no\n"
        "  aliases: -\n"
        "Zorblax (trademark) in curated list trademarks.csv, line 3\n"
        "  owner:   Zorblax Holdings\n"
        "  classes: 28\n"
        "  goods:   toy\n"
        "  generic: yes\n"
        "  aliases: Zorb\n"))


def test_show_without_a_store_reads_the_curated_lists_and_makes_no_store(store):
    result = run("blocklist", "show", "nike")
    assert result.exit_code == 0
    assert result.output.startswith("Nike (trademark) in curated list trademarks")
    assert "  owner:   Nike, Inc.\n" in result.output
    assert not store.exists()


def test_show_of_a_term_no_list_holds_exits_1(store, curated):
    result = run("blocklist", "show", "Nothingsuch")
    assert (result.exit_code, result.output) == (1, "no list holds 'Nothingsuch'\n")


# -- add, remove -----------------------------------------------------------------------------

def test_add_makes_the_list_then_adds_then_replaces(store):
    result = run("blocklist", "add", "Blorp", "--kind", "trademark", "--owner", "Blorp Inc", "--classes", "25|9",
                 "--aliases", "Blorps", "--goods", "fashion", "--generic")
    assert (result.exit_code, result.output) == (0, "added 'Blorp' (trademark) to new list 'mine'\n")
    result = run("blocklist", "add", "Knockoff", "--kind", "counterfeit")
    assert (result.exit_code, result.output) == (0, "added 'Knockoff' (counterfeit) to list 'mine'\n")
    result = run("blocklist", "add", "BLORP", "--kind", "trademark", "--severity", "warn")
    assert (result.exit_code, result.output) == (0, "replaced 'BLORP' (trademark) in list 'mine'\n")
    assert entry_rows(store, "mine") == [
        ("Knockoff", "knockoff", "counterfeit", None, None, None, None, 0, None, None, None, "block", None, None, None,
         None),
        ("BLORP", "blorp", "trademark", None, None, None, None, 0, None, None, None, "warn", None, None, None, None),
    ]


@pytest.mark.parametrize("option, value, column", [
    ("--classes", "9|99", "classes"), ("--goods", "gadget", "goods"), ("--kind", "brand", "kind"),
    ("--regions", "USA", "regions"), ("--expires", "31/12/2030", "expires"), ("--platforms", "ebey", "platforms"),
])
def test_add_refuses_a_bad_value_with_the_csv_line_message(store, tmp_path, option, value, column):
    args = {"--kind": "trademark", option: value}
    result = run("blocklist", "add", "Blorp", *(x for pair in args.items() for x in pair))
    csv_path = tmp_path / "one.csv"
    csv_path.write_text(f"term,{','.join(a[2:] for a in args)}\nBlorp,{','.join(args.values())}\n", encoding="utf-8")
    with pytest.raises(InputError) as csv_error:
        load_blocklist(csv_path, platform_names=_platform_names())
    where = f"{csv_path}, line 2, column {list(args).index(option) + 2}: "
    assert str(csv_error.value).startswith(where + f"{column}: ")
    # The same message as the CSV line's, less the file, line and column.
    assert (result.exit_code, result.output) == (2, f"Error: {str(csv_error.value)[len(where):]}\n")
    assert not store.exists()


def test_remove_says_what_it_removed_from_which_lists(store, mine):
    run("blocklist", "import", str(mine))
    run("blocklist", "add", "Zorblax", "--kind", "counterfeit", "--list", "other")
    run("blocklist", "add", "zor-blax", "--kind", "trademark", "--list", "other")
    result = run("blocklist", "remove", "zorblax", "--list", "other")
    assert (result.exit_code, result.output) == (0, "removed 'Zorblax' (counterfeit) from list 'other'\n"
                                                    "removed 'zor-blax' (trademark) from list 'other'\n")
    run("blocklist", "add", "Zorblax", "--kind", "counterfeit", "--list", "other")
    result = run("blocklist", "remove", "ZORBLAX")
    assert (result.exit_code, result.output) == (0, "removed 'Zorblax' (trademark) from list 'mine'\n"
                                                    "removed 'Zorblax' (counterfeit) from list 'other'\n")
    assert [r[0] for r in entry_rows(store, "mine")] == ["Hinge Widget", "replica", "Quuxlamp"]


def test_a_list_changed_by_hand_is_restored_by_importing_its_file_again(store, mine):
    run("blocklist", "import", str(mine))
    run("blocklist", "remove", "replica")
    result = run("blocklist", "import", str(mine))
    assert (result.exit_code, result.output) == (0, f"replaced list 'mine' with 4 entries from {mine} (2 trademarks, "
                                                    f"1 patent, 1 counterfeit term)\n")


def test_remove_of_an_unknown_term_or_list_exits_2(store, mine):
    result = run("blocklist", "remove", "Zorblax")
    assert (result.exit_code, result.output) == (
        2, f"Error: {store}: no store yet; it is made by 'listguard blocklist import' or 'listguard register "
           f"import', or by a 'check' run without --no-store\n")
    run("blocklist", "import", str(mine))
    before = tables(store)
    result = run("blocklist", "remove", "Nike")
    assert (result.exit_code, result.output) == (
        2, "Error: no entry 'Nike' in the store's lists; 'listguard blocklist show Nike' says which lists hold it\n")
    result = run("blocklist", "remove", "replica", "--list", "theirs")
    assert (result.exit_code, result.output) == (
        2, "Error: no list 'theirs' in the store; 'listguard blocklist list' shows the lists\n")
    run("blocklist", "add", "Blorp", "--kind", "trademark", "--list", "theirs")
    result = run("blocklist", "remove", "replica", "--list", "theirs")
    assert (result.exit_code, result.output) == (
        2, "Error: no entry 'replica' in list 'theirs'; 'listguard blocklist show replica' says which lists hold it\n")
    assert tables(store)["list_entries"] == before["list_entries"] + [tables(store)["list_entries"][-1]]


# -- export, stats ---------------------------------------------------------------------------

def test_export_writes_the_import_format(store, mine):
    run("blocklist", "import", str(mine))
    run("blocklist", "add", "Blorp", "--kind", "prohibited", "--list", "by-hand")
    result = run("blocklist", "export", "--name", "mine")
    assert result.exit_code == 0
    assert result.stdout == (
        HEADER
        + 'Zorblax,trademark,"Zorblax, Ltd",Zorb|ZBX,9|25,,,,,,block,,fashion,local,an invented word\n'
        + "Hinge Widget,patent,Acme,,,US,,2031-05-01,hinge|fold,,warn,US 1234567,,,\n"
        + "replica,counterfeit,,,,,,,,,block,,,,\n"
        + "Quuxlamp,trademark,Quux GmbH,,11,DE|EU,true,,,ebay,block,,appliance,,\n")
    assert result.stderr == "listguard: 4 entries of list 'mine' written to stdout\n"
    everything = run("blocklist", "export")
    assert everything.stdout == HEADER + "Blorp,prohibited,,,,,,,,,block,,,,\n" + result.stdout[len(HEADER):]
    assert everything.stderr == "listguard: 5 entries of the store's lists written to stdout\n"


def test_an_exported_list_imports_back_to_the_same_entries(store, mine, tmp_path):
    run("blocklist", "import", str(mine))
    out = tmp_path / "out.csv"
    result = run("blocklist", "export", "--name", "mine", "-o", str(out))
    assert (result.exit_code, result.output) == (0, f"listguard: 4 entries of list 'mine' written to {out}\n")
    result = run("blocklist", "import", str(out), "--name", "again")
    assert result.output == "imported 4 entries into list 'again' (2 trademarks, 1 patent, 1 counterfeit term)\n"
    assert [r[:-1] for r in entry_rows(store, "again")] == [r[:-1] for r in entry_rows(store, "mine")]
    original, back = load_blocklist(mine), load_blocklist(out)
    assert back == original and [e.note for e in back] == [e.note for e in original]


def test_export_of_an_unknown_list_exits_2(store, mine):
    run("blocklist", "import", str(mine))
    result = run("blocklist", "export", "--name", "nope")
    assert (result.exit_code, result.output) == (
        2, "Error: no list 'nope' in the store; 'listguard blocklist list' shows the lists\n")


def test_stats_counts_per_list_kind_and_goods(store, mine):
    run("blocklist", "import", str(mine))
    run("blocklist", "add", "Blorp", "--kind", "trademark", "--goods", "fashion", "--list", "by-hand")
    result = run("blocklist", "stats")
    assert (result.exit_code, result.output) == (0, (
        "list     entries\n"
        "-------  -------\n"
        "by-hand  1\n"
        "mine     4\n"
        "\n"
        "kind         entries\n"
        "-----------  -------\n"
        "trademark    3\n"
        "patent       1\n"
        "counterfeit  1\n"
        "\n"
        "goods       entries\n"
        "----------  -------\n"
        "(not said)  2\n"
        "fashion     2\n"
        "appliance   1\n"))


# -- check -----------------------------------------------------------------------------------

@pytest.fixture
def catalog(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("sku,title,brand\nA1,Blorpix running shoes for men,Acme\n", encoding="utf-8")
    return path


def verdict(catalog, *more):
    result = run("check", str(catalog), "-p", "ebay:US", "-f", "json", "--as-of", "2026-01-01", *more)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["listings"][0]


def test_check_uses_the_store_lists_and_a_new_term_reaches_the_cached_index(store, catalog):
    # The curated lists' built index is in the disk cache after the first check: an added term
    # must change its key, or the second check would read the old index.
    assert verdict(catalog)["verdicts"] == {"ebay:US": "pass"}
    run("blocklist", "add", "Blorpix", "--kind", "trademark", "--owner", "Blorpix Ltd", "--classes", "25")
    found = verdict(catalog)
    assert found["verdicts"] == {"ebay:US": "fail"}
    assert [(f["rule"], f["entry"]) for f in found["findings"]] == [("TM001", "Blorpix")]
    assert verdict(catalog, "--no-store")["verdicts"] == {"ebay:US": "pass"}
    assert run("check-files", "-p", "ebay:US", str(catalog)).exit_code == 1
    assert run("check-files", "-p", "ebay:US", "--no-store", str(catalog)).exit_code == 0
    run("blocklist", "remove", "Blorpix")
    assert verdict(catalog)["verdicts"] == {"ebay:US": "pass"}


def test_a_check_with_no_store_reads_no_lists_and_with_no_store_flag_makes_none(store, catalog):
    assert verdict(catalog, "--no-store")["verdicts"] == {"ebay:US": "pass"}
    assert not store.exists()
    # Without the flag the store is made only to record the run in its history: it holds no lists.
    assert verdict(catalog)["verdicts"] == {"ebay:US": "pass"}
    assert run("blocklist", "list").output == ("no lists in the store yet; 'listguard blocklist import FILE' "
                                               "stores one\n")


def test_a_check_refuses_a_store_from_a_newer_release_unless_told_not_to_use_it(store, catalog):
    expected = newer_store(store)
    result = run("check", str(catalog), "-f", "json")
    assert (result.exit_code, result.output) == (2, expected)
    assert verdict(catalog, "--no-store")["verdicts"] == {"ebay:US": "pass"}


def test_explain_and_baseline_read_the_store_lists(store, catalog, tmp_path):
    run("blocklist", "add", "Blorpix", "--kind", "counterfeit")
    result = run("explain", str(catalog), "--id", "A1", "-p", "ebay:US", "--no-default-blocklists")
    assert result.output.endswith(" source: store:mine\n")
    out = tmp_path / "baseline.json"
    run("baseline", "create", str(catalog), "-p", "ebay:US", "--no-default-blocklists", "-o", str(out))
    assert "Blorpix" in out.read_text()
    run("baseline", "create", str(catalog), "-p", "ebay:US", "--no-default-blocklists", "--no-store", "-o", str(out))
    assert "Blorpix" not in out.read_text()


def test_store_lists_come_after_the_curated_ones_and_before_blocklist_files(store, mine, tmp_path):
    from compliance.store.lists import stored_lists

    run("blocklist", "import", str(mine))
    extra = tmp_path / "extra.csv"
    extra.write_text("term,kind,severity\nreplica,counterfeit,warn\n", encoding="utf-8")
    entries = {e.term: e for e in load_blocklists([extra], stored=stored_lists())}
    assert entries["replica"].severity == "warn" and entries["replica"].source == "extra.csv:2"
    assert entries["Zorblax"].source == "store:mine:2"
    nike = {e.term: e for e in load_blocklists([], stored=stored_lists())}["Nike"]
    run("blocklist", "add", "Nike", "--kind", "trademark", "--severity", "warn")
    assert {e.term: e for e in load_blocklists([], stored=stored_lists())}["Nike"].severity == "warn"
    assert nike.severity == "block"
