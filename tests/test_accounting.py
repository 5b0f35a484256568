"""Accounting that cannot lie: rows a stray quote swallows are error rows, every row read is in
the report or the run fails with exit 2, and repeated ids are reported."""
import json

from click.testing import CliRunner

from cli import main
from compliance.check import Checker
from compliance.ledger import Ledger

# Five rows; the inch mark in row A1's description ("10"") closes the quote its description
# opened, so row A2 lies inside that field.
SWALLOWING = 'sku,title,description,price\nA1,Poster 10 inch,"Size 10 x 12,\nA2,Frame,Wood frame 10",5\n' \
             'A3,Mug,White mug,4\nA4,Cap,"Line one\nline two, more",3\n'


def _report(tmp_path, text, *more):
    path = tmp_path / "catalog.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", str(path), "-f", "json", "-o", str(out), *more])
    return result, (json.loads(out.read_text()) if out.exists() else None)


def test_a_row_swallowed_by_a_stray_quote_makes_an_error_row_with_its_lines(tmp_path):
    result, report = _report(tmp_path, SWALLOWING)
    assert result.exit_code == 1  # an unreadable row counts as failing
    first = report["listings"][0]
    assert first["id"] == "A1" and set(first["verdicts"].values()) == {"error"}
    assert "line 2" in first["error"] and "from line 3" in first["error"]
    # A multi-line description that holds no row is read as it is.
    assert [item["id"] for item in report["listings"][1:]] == ["A3", "A4"]
    assert report["listings"][2].get("error") is None


def test_a_listing_the_check_drops_fails_the_run_with_exit_2(tmp_path, monkeypatch):
    original = Checker.check

    def dropping(self, listings):
        for i, result in enumerate(original(self, listings)):
            if i != 1:
                yield result
    monkeypatch.setattr(Checker, "check", dropping)
    result, report = _report(tmp_path, "sku,title\nA1,Mug\nA2,Cap\nA3,Tote\n")
    assert result.exit_code == 2
    assert "3 rows were read but the report holds 2" in result.output
    assert report is None  # no report in place of the last one


def test_the_ledger_balances_only_when_every_row_has_a_verdict_everywhere():
    ledger = Ledger()
    rows = list(ledger.watch(_listings("A", "B")))
    assert len(rows) == 2
    ledger.balance(2, {"ebay:US": {"pass": 1, "warn": 0, "fail": 1, "error": 0}})
    try:
        ledger.balance(2, {"ebay:US": {"pass": 1, "warn": 0, "fail": 0, "error": 0}})
    except Exception as exc:
        assert "2 rows were read" in str(exc)
    else:
        raise AssertionError("an unbalanced report must fail")


def test_repeated_ids_are_reported(tmp_path):
    result, report = _report(tmp_path, "sku,title\nA1,Mug\nA2,Cap\nA1,Tote\n")
    assert result.exit_code == 0
    assert "1 listing(s) repeat an id used earlier: 'A1' (row 3)" in result.stderr
    assert [item["id"] for item in report["listings"]] == ["A1", "A2", "A1"]


def _listings(*ids):
    from compliance.listing import Listing

    return [Listing.from_values(i, n, {"title": "Mug"}) for n, i in enumerate(ids, start=1)]


def test_ids_seen_before_are_found_before_and_after_the_newest_move_into_the_sorted_array(monkeypatch):
    from compliance.ledger import SeenIds

    monkeypatch.setattr(SeenIds, "MERGE_AT", 4)
    seen = SeenIds()
    keys = [hash(f"SKU-{i}") for i in range(10)]
    assert seen.add(keys[:3]) == [False] * 3
    assert seen.add(keys[3:7] + [keys[4]]) == [False] * 4 + [True]     # a repeat within one batch
    assert seen.add(keys[7:]) == [False] * 3                           # after the first merge
    assert seen.add(keys) == [True] * 10                               # each found again, merged or recent
    assert seen.add([hash("SKU-10"), min(keys) - 1, max(keys) + 1]) == [False] * 3  # beyond either end


def test_a_repeat_far_apart_is_reported_with_its_row(monkeypatch):
    from compliance.ledger import SeenIds

    monkeypatch.setattr(SeenIds, "MERGE_AT", 3)
    monkeypatch.setattr(Ledger, "BATCH", 2)
    ledger = Ledger()
    list(ledger.watch(_listings("A", "B", "C", "D", "E", "F", "G", "B")))
    assert ledger.repeated == [("B", 8)]
