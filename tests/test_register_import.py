"""listguard register import / stats / show: the official register's layouts in the store."""
from __future__ import annotations

import shutil
import sqlite3
import zipfile

import pytest
from click.testing import CliRunner

from cli import main
from compliance.errors import InputError
from compliance.register.base import Status
from compliance.register.importer import import_register
from compliance.store.db import open_store
from tests.conftest import FIXTURES

REGISTER = FIXTURES / "register"
USPTO_CSV = REGISTER / "uspto-csv"
USPTO_PARQUET = REGISTER / "uspto-parquet"
USPTO_XML = REGISTER / "uspto-daily.xml"
EUIPO_CSV = REGISTER / "euipo.csv"

# The case files fixture's marks as the store holds them: (serial, registration, mark, mark_key, owner,
# status, status_code, filed, registered, classes). Owners: the latest owner type wins (73222222 was
# assigned after registration), joint applicants are both named; 86444444 is design-only (no words)
# and 87555555's only class is the USPTO's certification class A (no Nice class).
CASE_FILES = [
    ("US:73222222", "1234567", "Blue Falcon", "blue falcon", "Raptor Holdings Ltd", "live", "800", "1980-05-12",
     "1983-01-18", "28|41"),
    ("US:74333333", "1876543", "KOFFEE KORNER", "koffee korner", "Korner, Karl", "dead", "900", "1993-09-27",
     "1995-06-06", "30|43"),
    ("US:75111111", None, "BLUE FALCON", "blue falcon", "Falcon Toys Co", "dead", "602", "1996-07-01", None, "28"),
    ("US:78666666", "3111111", "Sunny Days", "sunny days", "Days Beauty Inc.", "dead", "710", "2005-06-20",
     "2006-10-10", "3"),
    ("US:87555555", "5222222", "ACME CERTIFIED", "acme certified", "Acme Standards Association", "live", "700",
     "2017-08-08", "2018-07-17", None),
    ("US:88000001", None, "MOON HARBOR", "moon harbor", "Harbor Labs Inc.; Quinn, Jane", "live", "686",
     "2020-06-30", None, "9"),
    ("US:97123456", "7012345", "SUNNY DAYS", "sunny days", "Sunny Days Apparel LLC", "live", "700", "2021-11-15",
     "2023-04-04", "25|35"),
]


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "store.db"
    monkeypatch.setenv("LISTGUARD_DB", str(path))
    return path


def _run(*args):
    return CliRunner().invoke(main, list(args))


def _marks(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT serial, registration, mark, mark_key, owner, status, status_code, filed, "
                            "registered, classes FROM register_marks ORDER BY serial").fetchall()


def _tables(path):
    with sqlite3.connect(path) as conn:
        return (conn.execute("SELECT * FROM register_marks ORDER BY serial").fetchall(),
                conn.execute("SELECT * FROM register_classes ORDER BY serial, class").fetchall())


@pytest.mark.parametrize("source", [USPTO_CSV, USPTO_PARQUET, USPTO_CSV / "case_file.csv",
                                    USPTO_PARQUET / "case_file.parquet"])
def test_the_case_files_tables_import_joined_as_csv_or_parquet(store, source):
    layout = "uspto-parquet" if "parquet" in str(source) else "uspto-csv"
    result = _run("register", "import", str(source))
    assert (result.exit_code, result.output) == (0, f"{source}: imported ({layout}, 31 records, 7 marks)\n")
    assert _marks(store) == CASE_FILES
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT serial, class FROM register_classes WHERE serial = 'US:73222222'").fetchall() == [
            ("US:73222222", 28), ("US:73222222", 41)]


def test_a_zip_of_the_csv_tables_imports_the_same(store, tmp_path):
    archive = tmp_path / "casefiles.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for table in ("case_file", "owner", "intl_class"):
            out.write(USPTO_CSV / f"{table}.csv", f"csv/{table}.csv")
    result = _run("register", "import", str(archive))
    assert (result.exit_code, result.output) == (0, f"{archive}: imported (uspto-csv, 31 records, 7 marks)\n")
    assert _marks(store) == CASE_FILES


def test_the_daily_xml_imports_its_case_files_and_updates_marks_read_before(store):
    assert _run("register", "import", str(USPTO_CSV)).exit_code == 0
    result = _run("register", "import", str(USPTO_XML))
    assert (result.exit_code, result.output) == (0, f"{USPTO_XML}: imported (uspto-xml, 4 records, 3 marks)\n")
    result = _run("register", "show", "Moon Harbor")
    assert (result.exit_code, result.output) == (0, (
        "serial       registration  mark         owner             status      classes\n"
        "-----------  ------------  -----------  ----------------  ----------  -------\n"
        "US:88000001  7100001       MOON HARBOR  Harbor Labs Inc.  live (700)  9, 42\n"))
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT class FROM register_classes WHERE serial = 'US:88000001'").fetchall() == [
            (9,), (42,)]


def test_the_daily_xml_zip_reads_as_the_xml(store, tmp_path):
    archive = tmp_path / "apc260106.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(USPTO_XML, "apc260106.xml")
    result = _run("register", "import", str(archive))
    assert (result.exit_code, result.output) == (0, f"{archive}: imported (uspto-xml, 4 records, 3 marks)\n")
    assert [row[:3] for row in _marks(store)] == [("US:88000001", "7100001", "MOON HARBOR"),
                                                  ("US:98000001", None, "STAR GLOW"),
                                                  ("US:98000002", None, "Sunny Days")]


def test_the_euipo_export_imports_with_status_words_kept(store):
    result = _run("register", "import", str(EUIPO_CSV))
    assert (result.exit_code, result.output) == (0, f"{EUIPO_CSV}: imported (euipo-csv, 5 records, 4 marks)\n")
    assert _marks(store) == [
        ("EM:017000003", "017000003", "Blue Falcon", "blue falcon", "Falcon Toys Co", "dead", "Registration expired",
         "2008-02-14", "2008-12-01", "28|41"),
        ("EM:018000001", "018000001", "SUNNY DAYS", "sunny days", "Sunny Days Apparel LLC", "live", "Registered",
         "2019-01-02", "2019-05-15", "25|35"),
        ("EM:018000002", None, "Nordlicht", "nordlicht", "Nordlicht GmbH", "live", "Application published",
         "2020-03-10", None, "9"),
        ("EM:018000005", None, "Café Noir", "cafe noir", "Noir SARL", "dead", "Application withdrawn", "2021-11-11",
         None, "30|43"),
    ]


def test_the_layout_can_be_named(store):
    result = _run("register", "import", str(EUIPO_CSV), "--layout", "euipo-csv")
    assert (result.exit_code, result.output) == (0, f"{EUIPO_CSV}: imported (euipo-csv, 5 records, 4 marks)\n")


def test_a_finished_import_run_again_changes_nothing_and_says_so(store):
    assert _run("register", "import", str(USPTO_CSV)).exit_code == 0
    before = _tables(store)
    result = _run("register", "import", str(USPTO_CSV / "case_file.csv"))
    assert (result.exit_code, result.output) == (
        0, f"{USPTO_CSV / 'case_file.csv'}: imported before (uspto-csv, 31 records, 7 marks); nothing changed\n")
    assert _tables(store) == before


class Killed(Exception):
    pass


def _kill_after(batches):
    calls = []

    def hook(done):
        calls.append(done)
        if len(calls) == batches:
            raise Killed()
    return hook


@pytest.mark.parametrize("source, layout, records, marks", [(USPTO_CSV, "uspto-csv", 31, 7),
                                                            (USPTO_PARQUET, "uspto-parquet", 31, 7),
                                                            (USPTO_XML, "uspto-xml", 4, 3)])
def test_a_killed_import_resumes_where_it_stopped_and_ends_as_an_uninterrupted_one(store, tmp_path, source, layout,
                                                                                   records, marks):
    whole = tmp_path / "whole.db"
    import_register(open_store(whole), source)
    with pytest.raises(Killed):  # a kill after the first batch's commit
        import_register(open_store(store), source, batch_size=3, after_batch=_kill_after(1))
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT records_done, finished_at FROM register_imports").fetchall() == [(3, None)]
    result = _run("register", "import", str(source))
    assert (result.exit_code, result.output) == (
        0, f"{source}: resumed after record 3; imported ({layout}, {records} records, {marks} marks)\n")
    assert _tables(store) == _tables(whole)


def test_batches_that_split_a_marks_owner_and_class_rows_give_the_same_tables(store, tmp_path):
    # In batches of 3, 97123456's two class rows (records 21 and 22) and 73222222's three owner rows
    # (14 to 16) fall into two batches each.
    whole = tmp_path / "whole.db"
    import_register(open_store(whole), USPTO_CSV)
    import_register(open_store(store), USPTO_CSV, batch_size=3)
    assert _tables(store) == _tables(whole)


@pytest.mark.parametrize("batch", [11, 15])
def test_a_kill_between_the_owner_rows_of_one_mark_resumes_to_the_same_owner(store, tmp_path, batch):
    # Records 11 and 12 are 88000001's joint applicants; 15 is 73222222's registrant row, 16 its
    # later owner: batches of 11 and 15 stop between them.
    whole = tmp_path / "whole.db"
    import_register(open_store(whole), USPTO_CSV)
    with pytest.raises(Killed):
        import_register(open_store(store), USPTO_CSV, batch_size=batch, after_batch=_kill_after(1))
    import_register(open_store(store), USPTO_CSV)
    assert _tables(store) == _tables(whole)


def test_stats_counts_marks_per_office_and_status_and_shows_each_import(store):
    for source in (USPTO_CSV, USPTO_XML, EUIPO_CSV):
        assert _run("register", "import", str(source)).exit_code == 0
    with pytest.raises(Killed):
        import_register(open_store(store), USPTO_PARQUET, batch_size=10, after_batch=_kill_after(1))
    result = _run("register", "stats")
    width = max(len(str(p)) for p in (USPTO_CSV, USPTO_XML, EUIPO_CSV, USPTO_PARQUET))
    assert (result.exit_code, result.output) == (0, (
        "office  status  marks\n"
        "------  ------  -----\n"
        "EM      dead    2\n"
        "EM      live    2\n"
        "US      dead    4\n"
        "US      live    5\n"
        "\n"
        f"{'file'.ljust(width)}  layout         records  marks  finished\n"
        f"{'-' * width}  -------------  -------  -----  --------\n"
        f"{str(USPTO_CSV).ljust(width)}  uspto-csv      31       7      yes\n"
        f"{str(USPTO_XML).ljust(width)}  uspto-xml      4        3      yes\n"
        f"{str(EUIPO_CSV).ljust(width)}  euipo-csv      5        4      yes\n"
        f"{str(USPTO_PARQUET).ljust(width)}  uspto-parquet  10       7      no\n"))


def test_stats_of_a_store_without_a_register_says_how_to_import_one(store):
    open_store(store)
    result = _run("register", "stats")
    assert (result.exit_code, result.output) == (
        0, "The register in the store is empty; import the USPTO's or the EUIPO's files with "
           "'listguard register import FILE'\n")


def test_show_lists_the_marks_with_the_words_of_the_name_live_first(store):
    for source in (USPTO_CSV, USPTO_XML, EUIPO_CSV):
        assert _run("register", "import", str(source)).exit_code == 0
    result = _run("register", "show", "sunny-days!")
    assert (result.exit_code, result.output) == (0, (
        "serial        registration  mark        owner                     status             classes\n"
        "------------  ------------  ----------  ------------------------  -----------------  -------\n"
        "EM:018000001  018000001     SUNNY DAYS  Sunny Days Apparel LLC    live (Registered)  25, 35\n"
        "US:97123456   7012345       SUNNY DAYS  Sunny Days Apparel LLC    live (700)         25, 35\n"
        "US:78666666   3111111       Sunny Days  Days Beauty Inc.          dead (710)         3\n"
        "US:98000002                 Sunny Days  Tee Makers Ltd; Shirt Co  dead (602)         25\n"))
    result = _run("register", "show", "CAFE NOIR")
    assert result.output.splitlines()[2] == ("EM:018000005                Café Noir  Noir SARL  "
                                             "dead (Application withdrawn)  30, 43")


def test_show_of_a_name_the_register_lacks_exits_1(store):
    assert _run("register", "import", str(EUIPO_CSV)).exit_code == 0
    result = _run("register", "show", "Zentrova")
    assert (result.exit_code, result.output) == (1, "No register mark has the words 'zentrova'\n")


@pytest.mark.parametrize("command", [("register", "stats"), ("register", "show", "x")])
def test_reading_commands_without_a_store_say_how_to_make_one(store, command):
    result = _run(*command)
    assert result.exit_code == 2
    assert result.output == (f"Error: {store}: no store yet; it is made by 'listguard blocklist import' or "
                             f"'listguard register import', or by a 'check' run without --no-store\n")
    assert not store.exists()


def _copy_tables(tmp_path, case_file_text=None):
    folder = tmp_path / "tables"
    shutil.copytree(USPTO_CSV, folder)
    if case_file_text is not None:
        (folder / "case_file.csv").write_text(case_file_text, encoding="utf-8")
    return folder


HEADER = "serial_no,registration_no,filing_dt,registration_dt,cfh_status_cd,mark_id_char\n"


def test_a_bad_serial_names_file_line_and_column_and_keeps_the_batches_before_it(store, tmp_path):
    rows = "".join(f"{97000000 + i},0,2020-01-01,,700,MARK {i}\n" for i in range(12))
    folder = _copy_tables(tmp_path, HEADER + rows + "97x,0,2020-01-01,,700,BROKEN\n")
    with pytest.raises(InputError) as error:
        import_register(open_store(store), folder, batch_size=5)
    assert str(error.value) == (f"{folder / 'case_file.csv'}, line 14, column 1: serial_no '97x' is not a serial "
                                f"number; correct or remove the row")
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT records_done, marks, finished_at FROM register_imports").fetchall() == [
            (10, 10, None)]
    result = _run("register", "import", str(folder))  # the same file: the same message, nothing lost
    assert (result.exit_code, result.output) == (2, f"Error: {error.value}\n")
    assert len(_marks(store)) == 10


def test_a_corrected_file_is_imported_from_its_start(store, tmp_path):
    folder = _copy_tables(tmp_path, HEADER + "97000001,0,2020-01-01,,700,ONE\n97x,0,2020-01-01,,700,TWO\n")
    assert _run("register", "import", str(folder)).exit_code == 2
    (folder / "case_file.csv").write_text(HEADER + "97000001,0,2020-01-01,,700,ONE\n"
                                          "97000002,0,2020-01-01,,602,TWO\n", encoding="utf-8")
    result = _run("register", "import", str(folder))
    assert (result.exit_code, result.output) == (0, f"{folder}: imported (uspto-csv, 25 records, 2 marks)\n")
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT path, records_done, finished_at IS NOT NULL FROM register_imports").fetchall() == [
            (str(folder), 25, 1)]


@pytest.mark.parametrize("case_file, message", [
    (HEADER + "97000001,0,2020-13-01,,700,ONE\n",
     "line 2, column 3: filing_dt '2020-13-01' is not a date (YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY); correct it"),
    ("serial_no,registration_no,filing_dt,registration_dt,cfh_status_cd\n97000001,0,2020-01-01,,700\n",
     "line 1: no column mark_id_char; is this the USPTO case files dataset's case_file table?"),
    (HEADER + "97000001,0,2020-01-01\n",
     "line 2: has 3 cells where the header has 6; the file may be cut short: download it again"),
])
def test_bad_case_file_rows_are_named_with_what_to_do(store, tmp_path, case_file, message):
    folder = _copy_tables(tmp_path, case_file)
    result = _run("register", "import", str(folder))
    assert (result.exit_code, result.output) == (2, f"Error: {folder / 'case_file.csv'}, {message}\n")


def test_a_missing_owner_table_is_named(store, tmp_path):
    folder = _copy_tables(tmp_path)
    (folder / "owner.csv").unlink()
    result = _run("register", "import", str(folder / "case_file.csv"))
    assert (result.exit_code, result.output) == (
        2, f"Error: {folder / 'case_file.csv'}: no owner.csv in {folder}; the owner table goes beside case_file.csv\n")


def test_an_xml_declaring_entities_is_refused(store, tmp_path):
    bomb = tmp_path / "apc.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY lol "lol">]>\n'
                    "<trademark-applications-daily>&lol;</trademark-applications-daily>\n")
    result = _run("register", "import", str(bomb))
    assert (result.exit_code, result.output) == (
        2, f"Error: {bomb}: declares an entity or refers outside itself, which listguard refuses; the USPTO's daily "
           f"files do neither: check where this file came from\n")
    assert _marks(store) == []


def test_broken_xml_names_line_and_column(store, tmp_path):
    broken = tmp_path / "apc.xml"
    broken.write_text("<trademark-applications-daily><case-file>\n<serial-number>1</serial-number>\n"
                      "</case-fil></trademark-applications-daily>\n")
    result = _run("register", "import", str(broken))
    assert (result.exit_code, result.output) == (
        2, f"Error: {broken}, line 3, column 3: not well-formed XML (mismatched tag); download the file again\n")


def test_an_euipo_export_without_its_status_column_is_named(store, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Trade mark number,Name,Status\n018000001,SUNNY DAYS,Registered\n", encoding="utf-8")
    result = _run("register", "import", str(export), "--layout", "euipo-csv")
    assert result.exit_code == 0
    export.write_text("Trade mark number,Name,Nice classes\n018000001,SUNNY DAYS,25\n", encoding="utf-8")
    result = _run("register", "import", str(export), "--layout", "euipo-csv")
    assert (result.exit_code, result.output) == (
        2, f"Error: {export}, line 1: no column 'trade mark status'; export the eSearch plus results with those "
           f"columns\n")


@pytest.mark.parametrize("name, message", [
    ("README.md", "not a register layout listguard reads (uspto-xml, uspto-parquet, uspto-csv, euipo-csv); "
                  "name it with --layout"),
    ("missing", "no such file or folder; check the path"),
])
def test_a_path_that_is_no_register_is_named(store, tmp_path, name, message):
    path = tmp_path / name
    if name == "README.md":
        path.write_text("# notes\n")
    result = _run("register", "import", str(path))
    assert (result.exit_code, result.output) == (2, f"Error: {path}: {message}\n")


@pytest.mark.parametrize("code, status", [("700", Status.LIVE), ("800", Status.LIVE), ("630", Status.LIVE),
                                          ("686", Status.LIVE), ("602", Status.DEAD), ("606", Status.DEAD),
                                          ("710", Status.DEAD), ("900", Status.DEAD), ("626", Status.DEAD),
                                          ("715", Status.LIVE), ("", Status.LIVE), ("999", Status.LIVE)])
def test_uspto_status_codes_say_live_or_dead(code, status):
    from compliance.register.uspto import status_of

    assert status_of(code) is status


@pytest.mark.parametrize("words, status", [("Registered", Status.LIVE), ("Application published", Status.LIVE),
                                           ("Registration expired", Status.DEAD),
                                           ("Registration cancelled", Status.DEAD),
                                           ("Application withdrawn", Status.DEAD),
                                           ("Application refused", Status.DEAD),
                                           ("Registration surrendered", Status.DEAD),
                                           ("Opposition pending", Status.LIVE)])
def test_euipo_status_words_say_live_or_dead(words, status):
    from compliance.register.euipo_csv import status_of

    assert status_of(words) is status


def test_the_command_line_offers_the_layouts_the_library_reads():
    from cli import REGISTER_LAYOUTS
    from compliance.register import layout_names

    assert sorted(REGISTER_LAYOUTS) == sorted(layout_names())


def test_tables_zipped_one_a_file_as_the_uspto_publishes_them_import_the_same(store, tmp_path):
    folder = tmp_path / "casefiles"
    folder.mkdir()
    for table in ("case_file", "owner", "intl_class"):
        with zipfile.ZipFile(folder / f"{table}.csv.zip", "w") as out:
            out.write(USPTO_CSV / f"{table}.csv", f"{table}.csv")
    result = _run("register", "import", str(folder))
    assert (result.exit_code, result.output) == (0, f"{folder}: imported (uspto-csv, 31 records, 7 marks)\n")
    assert _marks(store) == CASE_FILES


def test_a_semicolon_euipo_export_is_found_and_read(store, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Trade mark number;Name;Nice classes;Trade mark status;Owner name\n"
                      "018000001;SUNNY DAYS;25, 35;Registration cancelled;Sunny Days Apparel LLC\n", encoding="utf-8")
    result = _run("register", "import", str(export))
    assert (result.exit_code, result.output) == (0, f"{export}: imported (euipo-csv, 1 record, 1 mark)\n")
    assert _marks(store) == [("EM:018000001", None, "SUNNY DAYS", "sunny days", "Sunny Days Apparel LLC", "dead",
                              "Registration cancelled", None, None, "25|35")]


def test_ctrl_c_during_an_import_says_how_to_carry_on(store, monkeypatch):
    from compliance.register import importer

    def interrupted(db, path, layout=None, after_batch=None):
        after_batch(40_000)
        raise KeyboardInterrupt()

    monkeypatch.setattr(importer, "import_register", interrupted)
    result = _run("register", "import", str(USPTO_CSV))
    assert (result.exit_code, result.output) == (
        130, "listguard: import stopped; 40,000 records are in the store: run the same command again to carry on\n")
