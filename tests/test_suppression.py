"""Suppression for a CI gate: baselines, waiver columns, --select/--ignore, --exit-zero and
--changed-only. Suppressed findings leave the verdicts, and the report counts them."""
import json

import pytest
from click.testing import CliRunner

from cli import main
from compliance.errors import UsageError
from compliance.findings import Finding
from compliance.ledger import Ledger
from compliance.rules import REGISTRY
from compliance.suppress import (
    Baseline,
    BaselineKey,
    Gate,
    PreviousCatalog,
    RuleFilter,
    Suppressor,
    matches,
    parse_codes,
)

from .conftest import FIXTURES

BLOCKLIST = str(FIXTURES / "blocklist.csv")
HEADER = "sku,title,description,brand,category,price"
ROWS = {
    # TM001 on both targets (a spaced-out Nike)
    "A1": "A1,N I K E Running Shoes Men,Breathable mesh.,Stridex,Clothing Shoes & Accessories > Men > Men's Shoes,20",
    # LS002 ('!') on amazon:US only
    "A2": "A2,Kids Headphones Best Gift!,Volume limited.,Sonavi,Consumer Electronics > Headphones,10",
    # no finding
    "A3": "A3,Stainless Steel Water Bottle 32 oz,Keeps drinks cold for 24 hours.,Trailmate,"
          "Home & Garden > Drinkware,15",
    # TM002 on both targets and LS004 (all caps) as a warning on amazon:US
    "A5": "A5,GUCCI STYLE SHOULDER BAG LARGE,Roomy.,Horalux,Clothing Shoes & Accessories > Women > Bags,30",
}


def catalog(tmp_path, *rows, header=HEADER, name="catalog.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return str(path)


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def check(path, *args):
    result = run("check", path, "--no-default-blocklists", "--blocklist", BLOCKLIST, "--as-of", "2026-01-01",
                 "-f", "json", *args)
    report = json.loads(result.stdout) if result.exit_code in (0, 1) else None
    return result, report


def create_baseline(path, out):
    result = run("baseline", "create", path, "--no-default-blocklists", "--blocklist", BLOCKLIST,
                 "--as-of", "2026-01-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text("utf-8"))


def by_id(report):
    return {item["id"]: item for item in report["listings"]}


def rules_of(item):
    return [f["rule"] for f in item["findings"]]


# --- baseline ---------------------------------------------------------------------------------

def test_baseline_create_records_each_listing_rule_and_entry(tmp_path):
    path = catalog(tmp_path, *ROWS.values())
    doc = create_baseline(path, tmp_path / "baseline.json")
    assert doc["version"] == 1
    # Information findings and nothing else are left out; entries are sorted.
    assert doc["entries"] == [
        {"id": "A1", "rule": "TM001", "entry": "Nike"},
        {"id": "A2", "rule": "LS002", "entry": "!"},
        {"id": "A5", "rule": "LS004", "entry": "all caps"},
        {"id": "A5", "rule": "TM002", "entry": "Gucci"},
    ]


def test_check_with_the_baseline_hides_its_findings_and_counts_them(tmp_path):
    path = catalog(tmp_path, *ROWS.values())
    before, _ = check(path)
    assert before.exit_code == 1
    create_baseline(path, tmp_path / "baseline.json")
    result, report = check(path, "--baseline", str(tmp_path / "baseline.json"))
    assert result.exit_code == 0
    assert report["summary"]["by_platform"] == {
        "ebay:US": {"pass": 4, "warn": 0, "fail": 0, "error": 0},
        "amazon:US": {"pass": 4, "warn": 0, "fail": 0, "error": 0},
    }
    suppressed = report["summary"]["suppressed"]
    assert (suppressed["findings"], suppressed["baseline"], suppressed["waiver"], suppressed["filter"]) == (4, 4, 0, 0)
    assert suppressed["listings"] == 3
    assert {row["id"]: row["baseline"] for row in suppressed["by_listing"]} == {"A1": 1, "A2": 1, "A5": 2}
    assert report["summary"]["baseline"] == {"entries": 4, "matched": 4, "stale": 0}
    assert all(item["findings"] == [] for item in report["listings"])
    assert "4 finding(s) in 3 listing(s) suppressed (4 by baseline)" in result.stderr


def test_the_baseline_stays_valid_when_other_fields_and_rows_change(tmp_path):
    path = catalog(tmp_path, *ROWS.values())
    create_baseline(path, tmp_path / "baseline.json")
    # A new row in front moves every line and row number; A1's description, price and the
    # title's text around the mark change; A5 gets a new description.
    edited = catalog(tmp_path, "A0,Bamboo Cutting Board,Sturdy.,Woodly,Kitchen,9",
                     ROWS["A1"].replace("Breathable mesh.", "Now with a softer sole.").replace(",20", ",25")
                     .replace("Running Shoes Men", "Lightweight Running Shoes for Men"),
                     ROWS["A2"], ROWS["A3"], ROWS["A5"].replace("Roomy.", "Roomy with two pockets."),
                     name="edited.csv")
    result, report = check(edited, "--baseline", str(tmp_path / "baseline.json"))
    assert result.exit_code == 0
    assert report["summary"]["suppressed"]["baseline"] == 4
    assert report["summary"]["baseline"]["stale"] == 0


def test_a_new_finding_in_a_baselined_listing_still_fails(tmp_path):
    path = catalog(tmp_path, *ROWS.values())
    create_baseline(path, tmp_path / "baseline.json")
    edited = catalog(tmp_path, ROWS["A1"].replace("Breathable mesh.", "Breathable mesh. Replica."), ROWS["A3"],
                     name="edited.csv")
    result, report = check(edited, "--baseline", str(tmp_path / "baseline.json"))
    assert result.exit_code == 1
    item = by_id(report)["A1"]
    assert rules_of(item) == ["CF001"]  # TM001 is accepted, the copy word is new
    assert item["verdicts"] == {"ebay:US": "fail", "amazon:US": "fail"}


def test_baseline_entries_that_match_nothing_are_counted_as_stale(tmp_path):
    path = catalog(tmp_path, *ROWS.values())
    create_baseline(path, tmp_path / "baseline.json")
    # A2 lost its '!' and A5 was deleted: three entries match nothing.
    fixed = catalog(tmp_path, ROWS["A1"], ROWS["A2"].replace("Gift!", "Gift"), ROWS["A3"], name="fixed.csv")
    result, report = check(fixed, "--baseline", str(tmp_path / "baseline.json"))
    assert result.exit_code == 0
    assert report["summary"]["baseline"] == {"entries": 4, "matched": 1, "stale": 3}
    assert "3 baseline entries matched no finding (stale)" in result.stderr


def test_suppressed_block_leaves_a_warning_verdict(tmp_path):
    """The verdict is recomputed from what remains: hiding A5's TM002 leaves its caps warning."""
    path = catalog(tmp_path, ROWS["A5"])
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"version": 1, "entries": [{"id": "A5", "rule": "TM002", "entry": "Gucci"}]}))
    result, report = check(path, "--baseline", str(baseline))
    item = report["listings"][0]
    assert item["verdicts"] == {"ebay:US": "pass", "amazon:US": "warn"}
    assert rules_of(item) == ["LS004"]
    assert result.exit_code == 0
    assert check(path, "--baseline", str(baseline), "--fail-on", "warn")[0].exit_code == 1


@pytest.mark.parametrize("content, words", [
    ("this is not json", "not a listguard baseline (not JSON"),
    ('{"entries": []}', 'not a listguard baseline (no "version" field)'),
    ('{"version": 2, "entries": []}', "baseline version 2 is not one this listguard reads (version 1); recreate it"),
    ('{"version": 1, "entries": {}}', '"entries" is not a list'),
    ('{"version": 1, "entries": [{"id": "A1", "rule": "TM001"}]}', "entry 1 is not"),
])
def test_a_bad_baseline_file_exits_2_with_one_line_naming_it(tmp_path, content, words):
    path = catalog(tmp_path, *ROWS.values())
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    result, _ = check(path, "--baseline", str(baseline), "--exit-zero")
    assert result.exit_code == 2
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith(f"Error: {baseline}: ") and words in message
    assert "listguard baseline create CATALOG" in message
    assert "Traceback" not in result.output


def test_a_missing_baseline_file_exits_2(tmp_path):
    result, _ = check(catalog(tmp_path, ROWS["A3"]), "--baseline", str(tmp_path / "none.json"))
    assert result.exit_code == 2 and "none.json: cannot read the baseline" in result.stderr


def test_baseline_keys_fall_back_to_the_matched_text_normalized():
    finding = Finding("XX001", "policy", "block", ("ebay:US",), "title", 0, 9, "Call  ME\u00a0Now", "", 1.0, "m", "f")
    assert finding.fingerprint("S1") == ("S1", "XX001", "call me now")
    named = Finding("TM001", "trademark", "block", ("ebay:US",), "title", 4, 8, "N1KE", "Nike", 1.0, "m", "f")
    assert named.fingerprint("S1") == ("S1", "TM001", "Nike")


def test_a_baseline_round_trips_through_its_file(tmp_path):
    keys = frozenset({BaselineKey("B", "TM001", "Nike"), BaselineKey("A", "LS002", "!")})
    path = tmp_path / "b.json"
    path.write_text(Baseline(keys).to_json(), encoding="utf-8")
    assert Baseline.load(str(path)).keys == keys
    assert [e["id"] for e in json.loads(path.read_text())["entries"]] == ["A", "B"]


def test_the_suppressor_recomputes_verdicts_and_counts_per_listing():
    block = Finding("TM001", "trademark", "block", ("ebay:US", "amazon:US"), "title", 0, 4, "Nike", "Nike", 1.0,
                    "m", "f")
    warn = Finding("LS004", "policy", "warn", ("amazon:US",), "title", 0, 9, "ALL CAPS", "all caps", 1.0, "m", "f")
    item = {"id": "S1", "row": 7, "verdicts": {"ebay:US": "fail", "amazon:US": "fail"},
            "findings": [block.to_dict(), warn.to_dict()]}
    suppressor = Suppressor(RuleFilter(), Baseline(frozenset({BaselineKey("S1", "LS004", "all caps")})), REGISTRY)
    out = suppressor.apply(item, waivers=("TM",))
    assert out["findings"] == [] and out["verdicts"] == {"ebay:US": "pass", "amazon:US": "pass"}
    assert out["suppressed"] == {"filter": 0, "waiver": 1, "baseline": 1}
    assert item["findings"] != []  # the item given is left as it was
    assert suppressor.summary()["suppressed"]["by_listing"] == [{"id": "S1", "row": 7, "filter": 0, "waiver": 1,
                                                                  "baseline": 1}]
    assert suppressor.apply(item)["findings"] == [block.to_dict()]  # without the waiver only LS004 is hidden


# --- waivers ----------------------------------------------------------------------------------

def test_a_waiver_column_waives_codes_and_prefixes_for_its_row_only(tmp_path):
    path = catalog(tmp_path, ROWS["A1"] + ",TM", ROWS["A2"] + ",", ROWS["A5"] + ",\"TM002 ls004\"",
                   header=HEADER + ",listguard_ignore")
    result, report = check(path)
    items = by_id(report)
    assert rules_of(items["A1"]) == [] and items["A1"]["verdicts"] == {"ebay:US": "pass", "amazon:US": "pass"}
    assert rules_of(items["A2"]) == ["LS002"]
    assert rules_of(items["A5"]) == []
    suppressed = report["summary"]["suppressed"]
    assert (suppressed["findings"], suppressed["waiver"], suppressed["listings"]) == (3, 3, 2)
    assert {row["id"]: row["waiver"] for row in suppressed["by_listing"]} == {"A1": 1, "A5": 2}
    assert result.exit_code == 1  # A2 still fails on amazon:US
    assert "waivers: rule codes in column 'listguard_ignore'" in result.stderr


def test_the_waiver_column_is_never_read_as_listing_text(tmp_path):
    """Brand names and copy words in the waiver column are no findings; codes no rule has are named."""
    path = catalog(tmp_path, "W1,Bamboo Cutting Board,Sturdy.,Woodly,Kitchen,9,Nike replica N1KE",
                   header=HEADER + ",listguard_ignore")
    result, report = check(path)
    assert result.exit_code == 0
    assert report["listings"][0]["findings"] == []
    assert "listguard_ignore" not in report["columns"].values()
    assert "names codes no rule has, which waive nothing: NIKE (row 1), REPLICA (row 1), N1KE (row 1)" \
        in result.stderr


def test_the_waiver_column_cannot_be_mapped_as_a_field(tmp_path):
    path = catalog(tmp_path, "W1,Board,Sturdy.,Woodly,Kitchen,9,TM001", header=HEADER + ",Listguard Ignore")
    result, _ = check(path, "--map", "description=Listguard Ignore")
    assert result.exit_code == 2
    assert "the listguard_ignore column holds the rule codes a row waives" in result.stderr


# --- select / ignore --------------------------------------------------------------------------

@pytest.mark.parametrize("args, kept", [
    (["--select", "TM"], {"A1": ["TM001"], "A2": [], "A5": ["TM002"]}),
    (["--select", "TM,LS00"], {"A1": ["TM001"], "A2": ["LS002"], "A5": ["LS004", "TM002"]}),
    (["--select", "TM", "--ignore", "TM001"], {"A1": [], "A2": [], "A5": ["TM002"]}),
    (["--ignore", "ls"], {"A1": ["TM001"], "A2": [], "A5": ["TM002"]}),
    # ignore wins over select, however specific the selection
    (["--select", "TM001", "--ignore", "TM"], {"A1": [], "A2": [], "A5": []}),
])
def test_select_and_ignore_by_prefix(tmp_path, args, kept):
    path = catalog(tmp_path, ROWS["A1"], ROWS["A2"], ROWS["A5"])
    _, report = check(path, *args)
    assert {item["id"]: rules_of(item) for item in report["listings"]} == kept
    total = 4 - sum(len(v) for v in kept.values())
    assert report["summary"]["suppressed"]["filter"] == total


def test_unknown_prefix_is_a_usage_error_naming_the_known_prefixes(tmp_path):
    result, _ = check(catalog(tmp_path, ROWS["A3"]), "--select", "TM,XY")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("Error: --select XY: no rule code starts with it; known prefixes: ")
    assert "CF, CT, HT, LS, MP, PR, PT, RG, TM" in lines[-1]


def test_rule_filter_unit():
    rules = RuleFilter.parse(["tm, CF00"], ["TM003"], REGISTRY)
    assert rules.select == ("TM", "CF00") and rules.ignore == ("TM003",)
    assert rules.keeps("TM001") and rules.keeps("CF001") and not rules.keeps("TM003") and not rules.keeps("LS002")
    assert RuleFilter().keeps("LS002") and not RuleFilter().active
    with pytest.raises(UsageError, match="--ignore QQ"):
        RuleFilter.parse([], ["QQ"], REGISTRY)
    assert parse_codes("tm001, CF002;ls  TM001") == ("TM001", "CF002", "LS")
    assert matches("TM001", ("TM0",)) and not matches("TM001", ("CF",))


# --- exit-zero --------------------------------------------------------------------------------

def test_exit_zero_reports_failures_and_exits_0(tmp_path):
    path = catalog(tmp_path, *ROWS.values())
    out = tmp_path / "report.json"
    result = run("check", path, "--no-default-blocklists", "--blocklist", BLOCKLIST, "--exit-zero", "-o", str(out))
    assert result.exit_code == 0
    report = json.loads(out.read_text("utf-8"))
    assert report["summary"]["by_platform"]["ebay:US"]["fail"] == 2


def test_exit_zero_keeps_exit_2_for_usage_errors(tmp_path):
    result, _ = check(catalog(tmp_path, ROWS["A1"]), "--exit-zero", "-p", "ebey")
    assert result.exit_code == 2


# --- changed-only -----------------------------------------------------------------------------

def test_changed_only_checks_new_and_changed_rows_and_reports_the_rest_as_unchanged(tmp_path):
    previous = catalog(tmp_path, *ROWS.values(), name="previous.csv")
    # A column listguard does not read (stock) is new, A1 changed, A9 is new, A2, A3, A5 are as they were.
    header = HEADER + ",stock"
    current = catalog(tmp_path, ROWS["A1"].replace("Breathable", "Airy") + ",3", ROWS["A2"] + ",5",
                      ROWS["A3"] + ",0", "A9,Replica watch,Gold.,Tickr,Watches,50,1", ROWS["A5"] + ",2",
                      header=header, name="current.csv")
    result, report = check(current, "--changed-only", previous)
    assert [item["id"] for item in report["listings"]] == ["A1", "A2", "A3", "A9", "A5"]  # every row, in order
    items = by_id(report)
    for ident in ("A2", "A3", "A5"):
        assert items[ident]["verdicts"] == {"ebay:US": "unchanged", "amazon:US": "unchanged"}
        assert items[ident]["findings"] == []
    assert rules_of(items["A1"]) == ["TM001"] and rules_of(items["A9"]) == ["CF001"]
    counts = report["summary"]["by_platform"]["amazon:US"]
    assert counts == {"pass": 0, "warn": 0, "fail": 2, "error": 0, "unchanged": 3}
    assert sum(counts.values()) == report["summary"]["listings"] == 5  # the ledger's rule holds
    assert report["summary"]["unchanged"] == 3
    assert result.exit_code == 1
    assert "--changed-only: 3 row(s) unchanged since the previous catalog" in result.stderr


def test_changed_only_with_nothing_changed_passes_and_counts_unchanged(tmp_path):
    previous = catalog(tmp_path, *ROWS.values(), name="previous.csv")
    result, report = check(previous, "--changed-only", previous)
    assert result.exit_code == 0
    assert report["summary"]["by_platform"]["ebay:US"] == {"pass": 0, "warn": 0, "fail": 0, "error": 0,
                                                            "unchanged": 4}


def test_an_unreadable_row_is_never_unchanged(tmp_path):
    rows = [ROWS["A3"], 'A7,Mug,"never closed,Claybird,Home,4']
    previous = catalog(tmp_path, *rows, name="previous.csv")
    result, report = check(catalog(tmp_path, *rows, name="current.csv"), "--changed-only", previous)
    assert [set(item["verdicts"].values()) for item in report["listings"]] == [{"unchanged"}, {"error"}]
    assert result.exit_code == 1


def test_changed_only_does_not_count_unchecked_rows_baseline_entries_as_stale(tmp_path):
    previous = catalog(tmp_path, *ROWS.values(), name="previous.csv")
    create_baseline(previous, tmp_path / "baseline.json")
    current = catalog(tmp_path, ROWS["A1"], ROWS["A2"].replace("Gift!", "Gift"), ROWS["A3"], ROWS["A5"],
                      name="current.csv")
    result, report = check(current, "--changed-only", previous, "--baseline", str(tmp_path / "baseline.json"))
    assert result.exit_code == 0
    # Only A2 was checked; its '!' entry is stale, the unchecked rows' entries are not judged.
    assert report["summary"]["baseline"] == {"entries": 4, "matched": 0, "stale": 1}


def test_a_missing_previous_catalog_exits_2(tmp_path):
    result, _ = check(catalog(tmp_path, ROWS["A3"]), "--changed-only", str(tmp_path / "gone.csv"))
    assert result.exit_code == 2 and "gone.csv: cannot open the catalog" in result.stderr


def test_the_ledger_counts_unchanged_rows():
    from compliance.listing import Listing

    ledger = Ledger()
    list(ledger.watch([Listing.from_values(i, n, {"title": "Mug"}) for n, i in enumerate("ABC", start=1)]))
    ledger.balance(3, {"ebay:US": {"pass": 1, "warn": 0, "fail": 0, "error": 0, "unchanged": 2}})
    with pytest.raises(Exception, match="3 rows were read"):
        ledger.balance(3, {"ebay:US": {"pass": 1, "warn": 0, "fail": 0, "error": 0, "skipped": 2}})


# --- one pass, several processes --------------------------------------------------------------

def test_jobs_give_the_same_suppressed_report(tmp_path):
    path = catalog(tmp_path, *(r + ",TM" for r in ROWS.values()), header=HEADER + ",listguard_ignore")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"version": 1, "entries": [{"id": "A2", "rule": "LS002", "entry": "!"}]}))
    one = check(path, "--baseline", str(baseline))[1]
    two = check(path, "--baseline", str(baseline), "--jobs", "2")[1]
    one["checked_at"] = two["checked_at"] = None
    assert one == two
    assert (one["summary"]["suppressed"]["waiver"], one["summary"]["suppressed"]["baseline"]) == (2, 1)


def test_the_gate_passes_results_through_when_it_has_nothing_to_do(tmp_path):
    """Without any option the report is as it was: no summary keys added."""
    _, report = check(catalog(tmp_path, *ROWS.values()))
    assert set(report["summary"]) == {"listings", "by_platform"}
    gate = Gate(Suppressor(), None)
    assert gate.summarize({"listings": 0, "by_platform": {}}) == {"listings": 0, "by_platform": {}}


def test_previous_catalog_digest_ignores_the_order_of_rows():
    from compliance.listing import Listing

    rows = [Listing.from_values("A", 1, {"title": "Mug"}), Listing.from_values("B", 2, {"title": "Cap"})]
    previous = PreviousCatalog.from_listings(rows)
    moved = [Listing.from_values("B", 1, {"title": "Cap"}), Listing.from_values("A", 2, {"title": "Mug!"})]
    assert [x.unchanged for x in previous.mark(moved)] == [True, False]


# --- check-files ------------------------------------------------------------------------------

def test_check_files_checks_each_catalog_and_exits_with_the_worst_code(tmp_path):
    good = catalog(tmp_path, ROWS["A3"], name="good.csv")
    bad = catalog(tmp_path, ROWS["A1"], name="bad.csv")
    args = ["check-files", "--no-default-blocklists", "--blocklist", BLOCKLIST, "--as-of", "2026-01-01"]
    result = run(*args, good, bad)
    assert result.exit_code == 1
    assert f"== {good}" in result.stdout and f"== {bad}" in result.stdout
    assert "Failing listings" in result.stdout and "»N I K E«" in result.stdout
    assert run(*args, good).exit_code == 0
    assert run(*args, "--exit-zero", good, bad).exit_code == 0
    assert run(*args, "--ignore", "TM", good, bad).exit_code == 0
    missing = run(*args, bad, str(tmp_path / "missing.csv"))
    assert missing.exit_code == 2 and "missing.csv: cannot open the catalog" in missing.stderr
