"""The command line: exit codes, one-line errors, the JSON contract and a golden report."""
import json
import re

import pytest
from click.testing import CliRunner

from cli import main

from .conftest import FIXTURES

BLOCKLIST = str(FIXTURES / "blocklist.csv")
SMALL = str(FIXTURES / "small.csv")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def check(*args):
    return run("check", *args, "--no-default-blocklists", "--blocklist", BLOCKLIST, "--as-of", "2026-01-01")


def test_clean_catalog_exits_0(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("sku,title\nA,Stainless Steel Water Bottle\n", encoding="utf-8")
    result = check(str(path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["by_platform"]["ebay:US"]["pass"] == 1


def test_failing_catalog_exits_1():
    assert check(SMALL, "--format", "json").exit_code == 1


def test_fail_on_warn(tmp_path):
    path = tmp_path / "caps.csv"
    path.write_text("sku,title\nA,STAINLESS STEEL WATER BOTTLE LARGE\n", encoding="utf-8")
    base = check(str(path), "-p", "amazon:US", "--format", "json")
    item = json.loads(base.stdout)["listings"][0]
    assert item["verdicts"]["amazon:US"] == "warn" and base.exit_code == 0
    assert check(str(path), "-p", "amazon:US", "--format", "json", "--fail-on", "warn").exit_code == 1


@pytest.mark.parametrize("args, words", [
    (["-p", "ebey"], "unknown platform 'ebey'; known platforms:"),
    (["-p", "ebay:XX1"], "not an ISO country code"),
    (["--map", "title"], "write FIELD=COLUMN"),
    (["--map", "title=Nope"], "has no column 'Nope'"),
])
def test_usage_errors_exit_2_with_one_line(args, words):
    result = check(SMALL, *args)
    assert result.exit_code == 2
    assert words in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_fault_in_listguard_is_one_line_and_exit_3(tmp_path, monkeypatch):
    from compliance.check import Checker

    def broken(self, batch, **options):
        raise RuntimeError("boom")

    report = tmp_path / "report.json"
    report.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(Checker, "check_batch", broken)
    result = CliRunner().invoke(main, ["check", SMALL, "--no-default-blocklists", "--no-store", "-o", str(report)])
    assert result.exit_code == 3
    assert "internal error (RuntimeError: boom)" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) <= 3  # the columns read, the format, the fault
    assert report.read_text(encoding="utf-8") == "{}"  # the earlier report stays
    monkeypatch.setenv("LISTGUARD_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        CliRunner().invoke(main, ["check", SMALL, "--no-default-blocklists", "--no-store"], catch_exceptions=False)


def test_bad_as_of_date_exits_2():
    result = run("check", SMALL, "--no-default-blocklists", "--as-of", "yesterday")
    assert result.exit_code == 2 and "--as-of yesterday: not an ISO date" in result.output


def test_missing_catalog_and_bad_blocklist_exit_2(tmp_path):
    assert run("check", str(tmp_path / "none.csv")).exit_code == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("term,kind\nAcme,brand\n", encoding="utf-8")
    result = run("check", SMALL, "--blocklist", str(bad))
    assert result.exit_code == 2 and "bad.csv, line 2, column 2" in result.output


def test_catalog_without_title_column_exits_2(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("sku,name_of_thing\nA,b\n", encoding="utf-8")
    result = check(str(path))
    assert result.exit_code == 2 and "its columns are: sku, name_of_thing" in result.output


def test_every_row_appears_once_in_order():
    report = json.loads(check(SMALL, "--format", "json").stdout)
    assert [i["id"] for i in report["listings"]] == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert [i["row"] for i in report["listings"]] == [1, 2, 3, 4, 5, 6]
    assert report["summary"]["listings"] == 6


def test_json_report_matches_the_golden_file():
    report = json.loads(check(SMALL, "--format", "json").stdout)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", report["checked_at"])
    report["checked_at"] = "CHECKED_AT"
    golden = json.loads((FIXTURES / "small.report.json").read_text("utf-8"))
    assert report == golden


def test_jsonl_streams_listings_then_summary(tmp_path):
    out = tmp_path / "r.jsonl"
    assert check(SMALL, "--output", str(out)).exit_code == 1
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [line["id"] for line in lines[:-1]] == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert lines[-1]["summary"]["listings"] == 6


def test_table_shows_failures_and_summary():
    result = check(SMALL, "--format", "table")
    assert "ebay:US" in result.output and "S2" in result.output and "»N I K E«" in result.output
    assert "S1" not in result.output.split("Failing")[1] if "Failing" in result.output else True


def test_explain_prints_the_decision():
    result = run("explain", SMALL, "--id", "S2", "--no-default-blocklists", "--blocklist", BLOCKLIST)
    assert result.exit_code == 0
    assert "TM001" in result.output and "reading: evasion" in result.output and "Nike, Inc." in result.output


def test_explain_unknown_id_exits_2():
    result = run("explain", SMALL, "--id", "NOPE", "--no-default-blocklists", "--blocklist", BLOCKLIST)
    assert result.exit_code == 2 and "no listing with id 'NOPE'" in result.output


def test_help_lists_commands():
    result = run("--help")
    assert result.exit_code == 0 and "check" in result.output and "explain" in result.output


def test_jobs_keep_the_report_identical():
    one = json.loads(check(SMALL, "--format", "json").stdout)
    two = json.loads(check(SMALL, "--format", "json", "--jobs", "2").stdout)
    one["checked_at"] = two["checked_at"] = None
    assert one == two


def test_reports_are_identical_whatever_the_string_hash_seed(tmp_path):
    """Two runs of the same check give the same report, byte for byte but for the time stamp,
    however Python seeds its string hashing (misspellings near several marks come in a fixed order)."""
    import os
    import subprocess
    import sys

    blocklist = tmp_path / "marks.csv"
    blocklist.write_text("term,kind\nZorvex,trademark\nZorvax,trademark\nQuintaro,trademark\nQuintaru,trademark\n")
    catalog = tmp_path / "catalog.csv"
    catalog.write_text("sku,title,description\nA1,Zorvix running shoes,Quintare laces and Zorvux soles\n"
                       "A2,Plain mug,Holds 300 ml\n")
    reports = []
    for seed in ("1", "2"):
        out = tmp_path / f"report-{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "cli", "check", str(catalog), "--no-default-blocklists",
                        "-b", str(blocklist), "-f", "jsonl", "-o", str(out), "--as-of", "2026-01-01"],
                       env=env, cwd=tmp_path, check=False, capture_output=True)
        reports.append([line for line in out.read_text().splitlines() if '"checked_at"' not in line])
    entries = [f["entry"] for f in json.loads(reports[0][0])["findings"]]
    assert entries.count("Zorvex") and entries.count("Zorvax")  # one word near two marks
    assert reports[0] == reports[1]


def test_the_column_mapping_is_printed_and_reported(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("SKU,Product Title,Product_Brand\nA,Canvas Tote Bag,Acme\n", encoding="utf-8")
    result = check(str(path), "--format", "json")
    assert "listguard: columns: id='SKU', title='Product Title', brand='Product_Brand'" in result.stderr
    assert json.loads(result.stdout)["columns"] == {"id": "SKU", "title": "Product Title", "brand": "Product_Brand"}


def test_a_catalog_without_a_brand_column_says_so_once(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("sku,title\nA,Canvas Tote Bag\nB,Linen Shirt\n", encoding="utf-8")
    result = check(str(path), "--format", "json")
    assert result.stderr.count("no brand column") == 1


def test_authorized_brands_are_not_blocked_but_copy_words_are(tmp_path):
    catalog = tmp_path / "c.csv"
    catalog.write_text("sku,title\nA,Hello Kitty Phone Case for iPhone 15\nB,Hello Kitty replica bag\n",
                       encoding="utf-8")
    mine = tmp_path / "mine.csv"
    mine.write_text("brand,owner\nHello Kitty,\"Sanrio Company, Ltd.\"\n", encoding="utf-8")
    before = json.loads(run("check", str(catalog), "--format", "json").stdout)
    after = json.loads(run("check", str(catalog), "--format", "json", "--authorized", str(mine)).stdout)
    assert before["listings"][0]["verdicts"]["ebay:US"] == "fail"
    assert after["listings"][0]["verdicts"]["ebay:US"] != "fail"
    assert after["listings"][1]["verdicts"]["ebay:US"] == "fail"   # replica is still a copy


def test_an_authorized_licence_for_one_marketplace_counts_only_there(tmp_path):
    catalog = tmp_path / "c.csv"
    catalog.write_text("sku,title\nA,Hello Kitty Phone Case for iPhone 15\n", encoding="utf-8")
    mine = tmp_path / "mine.csv"
    mine.write_text("brand,platforms\nSanrio,amazon\n", encoding="utf-8")
    report = json.loads(run("check", str(catalog), "--format", "json", "--authorized", str(mine)).stdout)
    assert report["listings"][0]["verdicts"] == {"ebay:US": "fail", "amazon:US": "pass"}


def test_a_bad_authorized_file_names_file_line_and_column(tmp_path):
    catalog = tmp_path / "c.csv"
    catalog.write_text("sku,title\nA,Tote\n", encoding="utf-8")
    mine = tmp_path / "mine.csv"
    mine.write_text("brand,platforms\nAcme,ebayy\n", encoding="utf-8")
    result = check(str(catalog), "--authorized", str(mine))
    assert result.exit_code == 2 and "mine.csv, line 2, column 2" in result.output and "Traceback" not in result.output


def test_running_cli_py_directly_knows_every_command():
    import subprocess
    import sys
    from pathlib import Path

    cli_py = Path(__file__).resolve().parents[1] / "cli.py"
    for command in ("blocklist", "baseline", "register", "history", "diff"):
        done = subprocess.run([sys.executable, str(cli_py), command, "--help"], capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stderr)
        assert done.stdout.startswith("Usage: cli.py " + command), done.stdout
