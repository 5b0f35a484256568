"""Blocklist import: values are validated with errors that name file, line and column."""
import datetime as dt

import pytest

from compliance.blocklist import default_blocklist_paths, load_blocklist, load_blocklists
from compliance.errors import InputError

HEADER = "term,kind,owner,aliases,classes,regions,generic,expires,keywords,platforms,severity,reference,goods,reach\n"


def write(tmp_path, body, header=HEADER):
    path = tmp_path / "list.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_minimal_list_with_two_columns(tmp_path):
    [entry] = load_blocklist(write(tmp_path, "Acme,trademark\n", header="term,kind\n"))
    assert (entry.term, entry.kind, entry.severity, entry.classes) == ("Acme", "trademark", "block", frozenset())


def test_all_columns(tmp_path):
    [entry] = load_blocklist(write(tmp_path,
                                   'Widget,patent,Acme,,,"US|EU",false,2030-01-31,"spring|hinge",ebay,warn,US 1\n'))
    assert entry.regions == {"US", "EU"} and entry.expires == dt.date(2030, 1, 31)
    assert entry.keywords == ("spring", "hinge") and entry.platforms == {"ebay"} and entry.severity == "warn"


@pytest.mark.parametrize("line, column, words", [
    ("Acme,brand\n", 2, "kind: 'brand' is not one of"),
    ("Acme,trademark,,,9|46\n", 5, "'46' is not a Nice class"),
    ("Acme,trademark,,,,,,31/12/2030\n", 8, "not an ISO date"),
    ("Acme,trademark,,,,USA\n", 6, "not an ISO country code"),
    ("Acme,trademark,,,,,maybe\n", 7, "not true or false"),
    ("Acme,trademark,,,,,,,,,fatal\n", 11, "not block or warn"),
    (",trademark\n", 1, "term: empty"),
    ("Acme,trademark,,,,,,,,,,,,regional\n", 14, "reach: 'regional' is not one of global, local"),
])
def test_bad_values_name_file_line_and_column(tmp_path, line, column, words):
    path = write(tmp_path, "Fine,trademark\n" + line)
    with pytest.raises(InputError) as exc:
        load_blocklist(path)
    assert f"list.csv, line 3, column {column}" in str(exc.value)
    assert words in str(exc.value)


def test_reach_says_a_label_is_local_and_global_is_the_default(tmp_path):
    local, global_, unsaid = load_blocklist(write(
        tmp_path, "Erigo,trademark,,,,,,,,,,,,local\nNike,trademark,,,,,,,,,,,,GLOBAL\nAcme,trademark\n"))
    assert (local.reach, global_.reach, unsaid.reach) == ("local", "", "")


def test_unknown_platform_is_rejected(tmp_path):
    with pytest.raises(InputError, match="'ebey' is not a known platform"):
        load_blocklist(write(tmp_path, "Acme,trademark,,,,,,,,ebey\n"), platform_names={"ebay", "amazon"})


def test_missing_required_column(tmp_path):
    with pytest.raises(InputError, match="no 'kind' column"):
        load_blocklist(write(tmp_path, "Acme\n", header="term\n"))


def test_default_lists_ship_with_the_package_and_load():
    paths = default_blocklist_paths()
    assert {p.name for p in paths} >= {"trademarks.csv", "patents.csv", "prohibited.csv"}
    entries = load_blocklists([], defaults=True)
    kinds = {e.kind for e in entries}
    assert {"trademark", "patent", "prohibited"} <= kinds
    assert load_blocklists([], defaults=False) == []


def test_the_lists_readme_gives_each_shipped_list_its_row_count():
    # The table is what a reader sizes the lists by; it must say what the files hold.
    import csv
    import re
    from pathlib import Path

    folder = Path(default_blocklist_paths()[0]).parent
    table = dict(re.findall(r"^\| `([\w-]+\.csv)` \| \w+ \| ([\d,]+) \|", (folder / "README.md").read_text(
        encoding="utf-8"), re.M))
    assert table, "no list table in blocklists/README.md"
    for name, rows in table.items():
        with open(folder / name, encoding="utf-8", newline="") as handle:
            assert sum(1 for _ in csv.DictReader(handle)) == int(rows.replace(",", "")), name



def _lists_folder():
    from pathlib import Path

    return Path(default_blocklist_paths()[0]).parent


def _shipped_marks(pattern: str) -> list[dict]:
    import csv

    rows = []
    for path in sorted(_lists_folder().glob(pattern)):
        with open(path, encoding="utf-8", newline="") as handle:
            rows += [row for row in csv.DictReader(handle) if row["kind"] == "trademark"]
    return rows


def _readme_says(pattern: str) -> tuple[int, ...]:
    import re

    found = re.search(pattern, (_lists_folder() / "README.md").read_text(encoding="utf-8"))
    assert found, f"blocklists/README.md no longer says {pattern!r}"
    return tuple(int(group.replace(",", "")) for group in found.groups())


def _aliases(row) -> int:
    return len([a for a in row["aliases"].split("|") if a.strip()])


def test_the_lists_readme_states_the_totals_the_lists_hold():
    # Beyond the table, the README gives totals (marks, aliases, generic marks, goods) that drifted
    # from the lists while only the table was checked; each is recounted here.
    import re
    from collections import Counter

    rows = _shipped_marks("trademarks*.csv")
    assert _readme_says(r"([\d,]+) marks in all \(with `trademarks.csv`\), ([\d,]+) aliases, ([\d,]+) marked"
                        r" `generic=true`, ([\d,]+)\s+with keywords") == (
        len(rows), sum(_aliases(r) for r in rows), sum(r["generic"] == "true" for r in rows),
        sum(bool(r["keywords"].strip()) for r in rows))
    by_goods = re.search(r"By goods: ([^.]+)\.", (_lists_folder() / "README.md").read_text(encoding="utf-8"))
    assert by_goods, "blocklists/README.md no longer gives the marks by goods"
    stated = {name: int(n.replace(",", "")) for name, n in re.findall(r"(\w+)\s+([\d,]+)", by_goods.group(1))}
    assert stated == dict(Counter(r["goods"] for r in rows))


def test_the_lists_readme_states_what_trademarks_csv_and_the_references_hold():
    main = _shipped_marks("trademarks.csv")
    assert _readme_says(r"(\d[\d,]*) marks \(the table groups the first \d+; [^)]*\), ([\d,]+) aliases, "
                        r"(\d+) marked\s+`generic=true`, (\d+) with severity `warn`") == (
        len(main), sum(_aliases(r) for r in main), sum(r["generic"] == "true" for r in main),
        sum(r["severity"] == "warn" for r in main))
    larger = _shipped_marks("trademarks-*.csv")
    wikipedia = sum("wikipedia.org" in r["reference"] for r in larger)
    data_set = sum("character-names-npm" in r["reference"] for r in larger)
    assert _readme_says(r"on the brand \(([\d,]+) rows\)") == (len(larger) - wikipedia - data_set,)
    assert _readme_says(r"person \(([\d,]+) rows;") == (wikipedia,)
    assert _readme_says(r"`character-names-npm` \(([\d,]+) rows") == (data_set,)


def test_the_lists_readme_states_what_the_gear_list_holds():
    gear = _shipped_marks("trademarks-gear-audio-bags.csv")
    assert _readme_says(r"([\d,]+) marks not held by the other lists \([^)]*\), ([\d,]+) aliases, ([\d,]+) marked "
                        r"`generic=true` with `keywords`") == (
        len(gear), sum(_aliases(r) for r in gear), sum(r["generic"] == "true" and bool(r["keywords"].strip())
                                                       for r in gear))
