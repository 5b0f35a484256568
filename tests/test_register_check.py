"""check --register (TM007): titles against the official register's live marks in the store."""
from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from cli import main
from compliance.store.db import open_store
from compliance.store.schema import mark_key

# serial, registration, mark, owner, status, classes
MARKS = [
    ("US:90000001", "6000001", "ZORBLAX", "Zorblax Holdings LLC", "live", "9"),
    ("US:90000002", "6000002", "COMFORT", "Comfort Footwear Co.", "live", "10|25"),
    ("US:90000003", "", "BEST FRIENDS", "Friendly Pets Inc.", "live", "18|20"),
    ("US:90000004", "6000004", "APPLE", "Orchard Tools LLC", "live", "8|21"),
    ("US:90000005", "6000005", "KINAMAX", "Kinamax Corp.", "live", "9"),
    ("US:90000006", "6000006", "DEADWAVE", "Old Wave Ltd.", "dead", "9"),
    ("US:90000007", "6000007", "GLOWNEST", "Glownest Inc.", "live", "11"),
    ("US:90000008", "6000008", "LUMIVEX", "Brightway Industries Ltd.", "live", "11"),
    ("US:90000009", "6000009", "NIKE", "Nike, Inc.", "live", "25"),
    ("US:90000011", "6000011", "BURLAP", "Sackcloth Textiles Ltd.", "live", "24"),
]
SUPPRESSED = "listguard: {} finding(s) in {} listing(s) suppressed ({} by filter)\n"
HEADER = "id,row,verdict:ebay:US,rule,kind,severity,platforms,field,start,end,text,entry,score,message,fix,error\n"


def fill(path, marks=MARKS):
    db = open_store(path)
    db["register_marks"].insert_all(
        {"serial": s, "office": "US", "registration": r or None, "mark": m, "mark_key": mark_key(m), "owner": o,
         "status": st, "status_code": "", "filed": "", "registered": "", "classes": c}
        for s, r, m, o, st, c in marks)
    db["register_classes"].insert_all({"serial": s, "class": int(k)} for s, _, _, _, _, c in marks
                                      for k in c.split("|"))
    db.conn.close()


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "listguard.db"
    monkeypatch.setenv("LISTGUARD_DB", str(path))
    fill(path)
    return path


def catalog(tmp_path, rows, name="catalog.csv"):
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "title", "brand"])
        out.writerows(rows)
    return path


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def check(path, *more):
    return run("check", str(path), "-p", "ebay", "-f", "csv", "--no-default-blocklists", "--register", *more)


def stderr_lines(path, store, marks=9):
    return (f"listguard: columns: id='id', title='title', brand='brand'\n"
            f"listguard: read {path} as csv (utf-8)\n"
            f"listguard: register: {marks} live marks from {store}\n")


def warning(listing, text, start, mark, number, owner, classes, serial):
    end = start + len(text)
    message = (f"registered mark, review before upload: '{text}' is {mark}, {number}, owner {owner}, live, "
               f"classes {classes}")
    fix = (f"Check {mark}'s registration: unless it is yours or licensed to you, take '{text}' out of the title; "
           f"if it is, list your brand with --authorized")
    return (f"{listing},{listing},warn,TM007,trademark,warn,ebay:US,title,{start},{end},{text},{serial},1.0,"
            f'"{message}","{fix}",\n')


def passing(listing):
    return f"{listing},{listing},pass,,,,,,,,,,,,,\n"


NEAR_MISSES = [
    ("Acme Wireless Earbuds", "Acme"),                 # no registered name in it
    ("Kinamax usb optical mouse", "Kinamax"),          # the seller's own brand
    ("Lumivex Desk Lamp", "Brightway"),                # the owner's mark: the brand's family
    ("Comfort insoles for running shoes", "Acme"),     # an everyday word starting a sentence
    ("Apple corer stainless steel", "Acme"),           # an everyday word in its ordinary sense
    ("Cushioned COMFORT insoles", "Acme"),             # everyday, written as a name but not in brand position
    ("Glownest Wireless Earbuds", "Acme"),             # registered for lamps (11), not earbuds (9)
    ("Deadwave Wireless Earbuds", "Acme"),             # a dead mark
    ("wireless earbuds zorblax black", "Acme"),        # one-case title: only its brand position is compared
    ("Wireless earbuds for zorblax phones", "Acme"),   # lower case where the title uses capitals: a word
    ("Burlap Table Runner", "Acme"),                   # English's wider vocabulary, Title Case: a word
    ("Rustic Table Runner BURLAP", "Acme"),            # the same, written as a name outside brand position
    ("【COMFORT】 Memory Foam Insoles", "Acme"),         # an everyday word as a sales banner, before the brand
    ("COMFORT⭐ Memory Foam Insoles", "Acme"),          # the same, set off by a pictograph
    ("[Sale] Comfort insoles for running shoes", "Acme"),  # a sentence's first capital, after a banner
    ("COMFORT MEMORY Insoles for running shoes men", "Acme"),  # capitals running on: emphasis, not a name
]


def test_near_misses_do_not_fire(tmp_path, store):
    path = catalog(tmp_path, [(str(i), title, brand) for i, (title, brand) in enumerate(NEAR_MISSES, 1)])
    result = check(path, "--select", "TM007")  # eBay forbids ⭐ in titles (LS002): only TM007 is looked at
    assert result.exit_code == 0
    assert result.output == stderr_lines(path, store) + SUPPRESSED.format(1, 1, 1) + HEADER + "".join(
        passing(i) for i in range(1, len(NEAR_MISSES) + 1))


def test_registered_names_on_overlapping_goods_warn_with_the_registration(tmp_path, store):
    path = catalog(tmp_path, [
        ("1", "Zorblax Wireless Earbuds", "Acme"),            # a coined name in brand position
        ("2", "COMFORT insoles for running shoes", "Acme"),   # an everyday word written as a name there
        ("3", "Best Friends dog bed", "Acme"),                # an everyday phrase, capitals amid lower case
        ("4", "New Comfort(R) Insoles", "Acme"),              # (R) after it, after an opener word
        ("5", "zorblax wireless earbuds", "Acme"),            # one-case title: its brand position
        ("6", "Wireless Earbuds Zorblax Black", "Acme"),      # a capitalised coined name anywhere
        ("7", "Comfort™ Memory Foam Insoles", "Acme"),        # ™ after an everyday word in brand position
    ])
    result = check(path, "--select", "TM007")  # eBay forbids ™ in titles (LS002): only TM007 is looked at here
    zorblax = ("ZORBLAX", "reg. 6000001", "Zorblax Holdings LLC", "9", "US:90000001")
    comfort = ("COMFORT", "reg. 6000002", "Comfort Footwear Co.", "10|25", "US:90000002")
    assert result.exit_code == 0, result.output
    assert result.output == stderr_lines(path, store) + SUPPRESSED.format(1, 1, 1) + HEADER + "".join([
        warning(1, "Zorblax", 0, *zorblax),
        warning(2, "COMFORT", 0, *comfort),
        warning(3, "Best Friends", 0, "BEST FRIENDS", "serial US:90000003", "Friendly Pets Inc.", "18|20",
                "US:90000003"),
        warning(4, "Comfort", 4, *comfort),
        warning(5, "zorblax", 0, *zorblax),
        warning(6, "Zorblax", 17, *zorblax),
        warning(7, "Comfort", 0, *comfort),
    ])


def test_authorized_brands_are_exempt(tmp_path, store):
    path = catalog(tmp_path, [("1", "Zorblax Wireless Earbuds", "Acme")])
    authorized = tmp_path / "authorized.csv"
    authorized.write_text("brand\nZorblax\n", encoding="utf-8")
    result = check(path, "--authorized", str(authorized))
    assert result.exit_code == 0
    assert result.output == stderr_lines(path, store) + HEADER + passing(1)


def test_fail_on_warn_exits_1_on_a_register_warning(tmp_path, store):
    path = catalog(tmp_path, [("1", "Zorblax Wireless Earbuds", "Acme")])
    assert check(path, "--fail-on", "warn").exit_code == 1


def test_a_mark_of_the_curated_lists_is_not_reported_twice(tmp_path, store):
    path = catalog(tmp_path, [("1", "Nike Running Shoes", "Acme")])
    result = run("check", str(path), "-p", "ebay", "-f", "csv", "--register")
    assert result.exit_code == 1
    rules = [row["rule"] for row in csv.DictReader(result.stdout.splitlines())]
    assert rules == ["TM001"]


def test_without_register_nothing_is_compared(tmp_path, store):
    path = catalog(tmp_path, [("1", "Zorblax Wireless Earbuds", "Acme")])
    result = run("check", str(path), "-p", "ebay", "-f", "csv", "--no-default-blocklists")
    assert result.exit_code == 0
    assert result.stdout == HEADER + passing(1)


def test_explain_shows_the_registration(tmp_path, store):
    path = catalog(tmp_path, [("1", "Zorblax Wireless Earbuds", "Acme"), ("2", "Apple corer stainless steel", "Acme")])
    result = run("explain", str(path), "--id", "1", "-p", "ebay", "--no-default-blocklists", "--register")
    assert result.exit_code == 0
    assert result.stdout == (
        "1 (row 1, line 2): Zorblax Wireless Earbuds\n"
        " brand: Acme category: -\n"
        " verdicts: ebay:US warn\n"
        "\n"
        " TM007 warn [ebay:US] title[0:7] 'Zorblax'\n"
        " registered mark, review before upload: 'Zorblax' is ZORBLAX, reg. 6000001, owner Zorblax Holdings LLC, "
        "live, classes 9\n"
        " fix: Check ZORBLAX's registration: unless it is yours or licensed to you, take 'Zorblax' out of the "
        "title; if it is, list your brand with --authorized\n"
        " entry: US:90000001 score: 1.00\n"
        " mark: ZORBLAX\n"
        " serial: US:90000001\n"
        " registration: 6000001\n"
        " owner: Zorblax Holdings LLC\n"
        " status: live\n"
        " classes: [9]\n"
        " listing classes: [9]\n"
        " position: brand position\n"
        " writing: case says nothing\n"
        " everyday phrase: False\n"
        " more live marks: 0\n")
    spared = run("explain", str(path), "--id", "2", "-p", "ebay", "--no-default-blocklists", "--register")
    assert spared.stdout == (
        "2 (row 2, line 3): Apple corer stainless steel\n"
        " brand: Acme category: -\n"
        " verdicts: ebay:US pass\n"
        " no findings\n"
        "\n"
        " note on title[0:5] 'Apple': TM007 not reported: 'Apple' is an everyday word, not written as a name "
        "(case says nothing)\n")


def test_no_store_exits_2_saying_to_import_the_register(tmp_path, monkeypatch):
    missing = tmp_path / "none.db"
    monkeypatch.setenv("LISTGUARD_DB", str(missing))
    path = catalog(tmp_path, [("1", "Zorblax Wireless Earbuds", "Acme")])
    result = check(path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: {missing}: no store yet, so no register to check against; run 'listguard register import FILE' "
        f"first")
    assert not missing.exists()


def test_an_empty_register_exits_2_saying_to_import_it(tmp_path, monkeypatch):
    path = tmp_path / "empty.db"
    monkeypatch.setenv("LISTGUARD_DB", str(path))
    fill(path, [m for m in MARKS if m[4] == "dead"])
    listings = catalog(tmp_path, [("1", "Zorblax Wireless Earbuds", "Acme")])
    result = check(listings)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: {path}: the register holds no live marks; run 'listguard register import FILE' first")


def test_the_index_is_cached_and_rebuilt_when_the_register_changes(tmp_path, store, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("LISTGUARD_CACHE_DIR", str(cache))
    path = catalog(tmp_path, [("1", "Quorvix Wireless Earbuds", "Acme")])
    assert check(path).stdout == HEADER + passing(1)
    assert len(list(cache.glob("register-*.pickle"))) == 1
    fill(store, [("US:90000010", "6000010", "QUORVIX", "Quorvix GmbH", "live", "9")])
    assert check(path).stdout == HEADER + warning(1, "Quorvix", 0, "QUORVIX", "reg. 6000010", "Quorvix GmbH", "9",
                                                  "US:90000010")
    assert len(list(cache.glob("register-*.pickle"))) == 2


def test_jobs_give_the_same_report(tmp_path, store):
    rows = [(str(i), title, "Acme") for i, title in enumerate(
        ["Zorblax Wireless Earbuds", "Apple corer", "Best Friends dog bed", "Acme Earbuds"] * 300, 1)]
    path = catalog(tmp_path, rows)
    assert check(path, "--jobs", "2").stdout == check(path).stdout


def test_rules_say_tm007_runs_everywhere_with_register():
    listing = run("rules").output.splitlines()
    assert [line.split(None, 3)[3] for line in listing if line.startswith("TM007")] == ["all platforms (--register)"]
    assert run("rules", "explain", "TM007").output.splitlines()[-1] == "used by: every platform, with --register"


def test_register_and_no_store_together_are_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from cli import main

    catalog = tmp_path / "c.csv"
    catalog.write_text("id,title\n1,Zorblax plush\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(catalog), "--register", "--no-store"])
    assert result.exit_code == 2
    assert result.output.endswith("Error: --register reads the register from the store, and --no-store leaves the "
                                  "store out; drop one of them\n")


def test_the_run_history_records_which_register_a_run_checked_against(store, tmp_path):
    import sqlite3

    path = catalog(tmp_path, [["A1", "Zorblax plush toy", ""]])
    check(path)
    run("check", str(path), "-p", "ebay", "-f", "csv", "--no-default-blocklists")
    fill(store, [("US:99999999", "", "Quibbleton", "Q Corp", "live", "28")])
    check(path)
    with sqlite3.connect(store) as conn:
        versions = [r[0] for r in conn.execute("SELECT register FROM runs ORDER BY id")]
    assert versions[1] is None  # checked without --register
    assert versions[0] and versions[2] and versions[0] != versions[2]  # a new mark is a new register state


@pytest.mark.parametrize("title, expected", [
    ("COMFORT insoles for running shoes", "NAME"),           # capitals that stop with the word
    ("COMFORT MEMORY insoles for running shoes men", "UNMARKED"),  # capitals running on past it
    ("LED moon lamp for the bedroom", "UNMARKED"),           # an abbreviation's ordinary form
])
def test_how_capitals_at_the_start_of_a_title_are_read(title, expected):
    from compliance.listing import Field
    from compliance.matchers.register import _title_words, title_case, writing

    words = _title_words(Field("title", title))
    assert writing(words, 0, 1, title_case(words), title).name == expected
