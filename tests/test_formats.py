"""Report formats: the JSON contract, JSON Lines, CSV rows and the seller's table."""
from __future__ import annotations

import csv
import io
import json
import re
import tracemalloc

import pytest

from compliance.errors import UsageError
from compliance.formats import FORMATS, format_for_path, get_formatter
from compliance.formats.json_report import FINDING_KEYS, JsonFormatter
from compliance.formats.table import TableFormatter

PLATFORMS = ["ebay:US", "amazon:US"]
HEADER = {
    "tool": {"name": "listguard", "version": "0.1.0"},
    "checked_at": "2026-11-26T16:00:00+00:00",
    "platforms": PLATFORMS,
    "columns": {"id": "sku", "title": "title", "brand": "brand"},
    "input_format": "csv",
    "encoding": "utf-8",
}
SUMMARY = {
    "listings": 3,
    "by_platform": {
        "ebay:US": {"pass": 1, "warn": 0, "fail": 1, "error": 1},
        "amazon:US": {"pass": 1, "warn": 0, "fail": 1, "error": 1},
    },
}
TITLE = "Nike Laufschuhe – günstig, wie Original"
DESCRIPTION = (
    "Brand new running shoes in every size. Great for the gym and for long runs, "
    "this miracle insole cures back pain in a week. Ships from Shenzhen in 3 days."
)
CURES = DESCRIPTION.index("cures")

TRADEMARK = {
    "rule": "TM001", "kind": "trademark", "severity": "block", "platforms": PLATFORMS,
    "field": "title", "start": 0, "end": 4, "text": "Nike", "entry": "nike", "score": 1.0,
    "message": 'Registered mark "Nike" in the title.', "fix": 'Remove "Nike".',
}
HEALTH_CLAIM = {
    "rule": "CL010", "kind": "claim", "severity": "warn", "platforms": ["amazon:US"],
    "field": "description", "start": CURES, "end": CURES + 5, "text": "cures",
    "entry": "cures", "score": 0.8, "message": "Medical claim in the description.",
    "fix": "Describe what the product is, not what it heals.",
}
PASSING = {
    "id": "SKU-PASS", "row": 1, "title": "Plain cotton socks",
    "verdicts": {"ebay:US": "pass", "amazon:US": "pass"}, "findings": [],
}
FAILING = {
    "id": "SKU-FAIL", "row": 2, "title": TITLE,
    "fields": {"title": TITLE, "description": DESCRIPTION},
    "verdicts": {"ebay:US": "fail", "amazon:US": "fail"},
    "findings": [TRADEMARK, HEALTH_CLAIM],
}
UNREADABLE = {
    "id": "SKU-BAD", "row": 3, "verdicts": {"ebay:US": "error", "amazon:US": "error"},
    "findings": [], "error": "row 3: title is empty",
}
ITEMS = [PASSING, FAILING, UNREADABLE]


def contract(item: dict) -> dict:
    """What json, jsonl and csv may carry: no title, no fields."""
    return {k: v for k, v in item.items() if k not in ("title", "fields")}


def render(name: str, items=ITEMS, summary=SUMMARY, **options) -> str:
    stream = io.StringIO()
    formatter = get_formatter(name)(stream, **options)
    formatter.start(HEADER)
    for item in items:
        formatter.listing(item)
    formatter.finish(summary)
    return stream.getvalue()


def run_table(items, summary=SUMMARY, color=False, max_shown=None) -> str:
    stream = io.StringIO()
    formatter = TableFormatter(stream, color=color)
    if max_shown is not None:
        formatter.max_shown = max_shown
    formatter.start(HEADER)
    for item in items:
        formatter.listing(item)
    formatter.finish(summary)
    return stream.getvalue()


# --- json -------------------------------------------------------------------------------

def test_json_is_the_contract_document_in_key_order():
    out = render("json")
    doc = json.loads(out)
    assert list(doc) == ["tool", "checked_at", "platforms", "columns", "input_format", "encoding", "summary",
                         "listings"]
    assert doc == {**HEADER, "summary": SUMMARY, "listings": [contract(i) for i in ITEMS]}
    assert [list(listing) for listing in doc["listings"]] == [
        ["id", "row", "verdicts", "findings"],
        ["id", "row", "verdicts", "findings"],
        ["id", "row", "verdicts", "findings", "error"],
    ]
    assert list(doc["listings"][1]["findings"][0]) == list(TRADEMARK)
    # Deterministic: exactly what json.dumps of the whole document writes, UTF-8 unescaped.
    expected = {**HEADER, "summary": SUMMARY, "listings": [contract(i) for i in ITEMS]}
    assert out == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assert "günstig" not in out   # the title is display-only


def test_json_without_listings_is_still_a_document():
    summary = {"listings": 0, "by_platform": {}}
    doc = json.loads(render("json", items=[], summary=summary))
    assert doc == {**HEADER, "summary": summary, "listings": []}


def test_json_drops_extra_finding_keys():
    finding = {**TRADEMARK, "explanation": [["pattern", "nike"]]}
    doc = json.loads(render("json", items=[{**FAILING, "findings": [finding]}]))
    assert doc["listings"][0]["findings"] == [TRADEMARK]


def _many_listings(n: int):
    for row in range(1, n + 1):
        yield {
            "id": f"SKU{row}", "row": row, "title": "x" * 50,
            "verdicts": {"ebay:US": "fail", "amazon:US": "fail"},
            "findings": [{**TRADEMARK}],
        }


def test_json_spools_listings_instead_of_keeping_them():
    n = 20_000
    stream = io.StringIO()
    formatter = JsonFormatter(stream)
    formatter.start(HEADER)
    tracemalloc.start()
    try:
        for item in _many_listings(n):
            formatter.listing(item)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    # Nothing is written before the summary is known, and nothing holds the listings.
    assert stream.getvalue() == ""
    for value in vars(formatter).values():
        assert not (isinstance(value, (list, tuple, dict)) and len(value) >= n)
    assert formatter._spool._rolled, "listings past the spool limit belong on disk"
    # Kept as dicts, 20,000 listings would take tens of MB; the spool caps memory.
    assert peak < JsonFormatter.spool_max_bytes * 3

    formatter.finish({"listings": n, "by_platform": {}})
    doc = json.loads(stream.getvalue())
    assert len(doc["listings"]) == n
    assert doc["listings"][-1]["id"] == f"SKU{n}"
    assert formatter._spool.closed


# --- jsonl ------------------------------------------------------------------------------

class FlushCounter(io.StringIO):
    def __init__(self):
        super().__init__()
        self.lines_at_flush: list[int] = []

    def flush(self):
        self.lines_at_flush.append(self.getvalue().count("\n"))
        super().flush()


def test_jsonl_writes_one_listing_per_line_then_the_summary():
    stream = FlushCounter()
    formatter = get_formatter("jsonl")(stream)
    formatter.start(HEADER)
    for item in ITEMS:
        formatter.listing(item)
    formatter.finish(SUMMARY)

    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[:3] == [contract(i) for i in ITEMS]
    assert list(lines[3]) == ["summary", "tool", "checked_at", "platforms", "columns", "input_format", "encoding"]
    assert lines[3] == {"summary": SUMMARY, **HEADER}
    assert stream.lines_at_flush[:4] == [1, 2, 3, 4]   # each line flushed as it is written


# --- csv --------------------------------------------------------------------------------

def test_csv_has_one_row_per_finding_and_every_listing():
    out = render("csv")
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames == [
        "id", "row", "verdict:ebay:US", "verdict:amazon:US", "rule", "kind", "severity",
        "platforms", "field", "start", "end", "text", "entry", "score", "message", "fix",
        "error",
    ]
    rows = list(reader)
    assert [(r["id"], r["rule"]) for r in rows] == [
        ("SKU-PASS", ""), ("SKU-FAIL", "TM001"), ("SKU-FAIL", "CL010"), ("SKU-BAD", ""),
    ]
    passing, trademark, claim, bad = rows
    assert passing["verdict:ebay:US"] == passing["verdict:amazon:US"] == "pass"
    assert all(passing[k] == "" for k in ("kind", "field", "start", "text", "error"))
    assert trademark["platforms"] == "ebay:US|amazon:US"
    assert claim["platforms"] == "amazon:US"
    assert (trademark["row"], trademark["start"], trademark["end"]) == ("2", "0", "4")
    assert trademark["verdict:amazon:US"] == "fail"
    assert bad["verdict:ebay:US"] == "error" and bad["error"] == "row 3: title is empty"
    assert "günstig" not in out


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "@SUM(A1:A2)",
                                   "+1+1", "-2+3", "\tTAB", "\rCR"])
def test_csv_cells_a_spreadsheet_would_run_are_inert(value):
    from compliance.formats.csv_report import CsvFormatter

    stream = io.StringIO()
    formatter = CsvFormatter(stream)
    formatter.start({"platforms": ["ebay:US"]})
    formatter.listing({"id": value, "row": 1, "verdicts": {"ebay:US": "fail"}, "error": None, "findings": [
        {**{k: "" for k in FINDING_KEYS}, "text": value, "message": value, "start": 0, "end": 4}]})
    row = next(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert row["id"] == row["text"] == row["message"] == "'" + value
    assert row["start"] == "0"


# --- table ------------------------------------------------------------------------------

def test_table_shows_summary_failing_listing_and_highlighted_match():
    out = run_table(ITEMS)
    assert re.search(r"^platform\s+pass\s+warn\s+fail\s+error$", out, re.M)
    assert re.search(r"^ebay:US\s+1\s+0\s+1\s+1$", out, re.M)
    assert re.search(r"^amazon:US\s+1\s+0\s+1\s+1$", out, re.M)
    assert f"SKU-FAIL (row 2)  {TITLE}" in out
    assert "»Nike« Laufschuhe" in out
    assert "this miracle insole »cures« back pain in a week." in out
    assert "fix: Describe what the product is, not what it heals." in out
    assert "counts on amazon:US only" in out
    assert "SKU-BAD (row 3): row 3: title is empty" in out
    assert "SKU-PASS" not in out and "Plain cotton socks" not in out
    assert "\x1b[" not in out
    assert out.endswith(
        "3 listings checked: 1 fail on at least one platform, 0 warn only, 1 pass, "
        "1 unreadable.\n"
    )


def test_table_lists_blocking_findings_before_warnings_and_skips_info():
    permitted = {**TRADEMARK, "rule": "TM090", "severity": "info", "text": "Original"}
    item = {**FAILING, "findings": [HEALTH_CLAIM, permitted, TRADEMARK]}
    out = run_table([item])
    assert out.index("BLOCK TM001") < out.index("WARN  CL010")
    assert "TM090" not in out


def test_table_colours_the_match_instead_of_marking_it():
    out = run_table(ITEMS, color=True)
    assert "\x1b[1;31mNike\x1b[0m Laufschuhe" in out
    assert "\x1b[1;33mcures\x1b[0m" in out
    assert "»" not in out


def test_table_warning_only_listing_and_closing_line():
    warned = {**FAILING, "id": "SKU-WARN", "findings": [HEALTH_CLAIM],
              "verdicts": {"ebay:US": "pass", "amazon:US": "warn"}}
    out = run_table([PASSING, warned], summary={"listings": 2, "by_platform": {}})
    assert "Listings with warnings" in out and "Failing listings" not in out
    assert "warn on amazon:US; pass on ebay:US" in out
    assert out.endswith("2 listings checked: 0 fail on at least one platform, 1 warn only, 1 pass.\n")


def test_table_keeps_a_bounded_number_of_failing_listings():
    items = [{**FAILING, "id": f"SKU{n}"} for n in range(5)]
    out = run_table(items, max_shown=2)
    assert "SKU0 (row 2)" in out and "SKU1 (row 2)" in out and "SKU2 (row 2)" not in out
    assert "... and 3 more failing listings; use --format json for all" in out
    assert "5 listings checked: 5 fail on at least one platform" in out


def test_table_snippet_keeps_context_short_and_lines_within_100_columns():
    long_desc = ("lorem ipsum dolor " * 20) + "NIKE" + (" sit amet consectetur" * 20)
    start = long_desc.index("NIKE")
    finding = {**TRADEMARK, "field": "description", "start": start, "end": start + 4,
               "message": "word " * 60}
    item = {**FAILING, "title": "t" * 150, "findings": [finding],
            "fields": {"description": long_desc}}
    out = run_table([item])
    snippet_line = next(line for line in out.splitlines() if "»NIKE«" in line)
    assert snippet_line.strip().startswith("...") and snippet_line.endswith("...")
    before, after = snippet_line.strip()[3:-3].split("»NIKE«")
    assert 15 <= len(before) <= 31 and 15 <= len(after) <= 31
    assert max(len(line) for line in out.splitlines()) <= 100


def test_table_without_field_text_still_shows_the_match():
    item = {**FAILING, "fields": {}, "findings": [TRADEMARK]}
    assert "    »Nike«\n" in run_table([item])


def test_table_neutralises_terminal_control_characters():
    title = "Ni\u200bke \x1b[2J shoes\nnew"
    finding = {**TRADEMARK, "end": 5, "text": "Ni\u200bke"}
    item = {**FAILING, "title": title, "fields": {"title": title}, "findings": [finding]}
    out = run_table([item])
    assert "\x1b" not in out
    assert "»Ni<U+200B>ke« <U+001B>[2J shoes new" in out


# --- registry ---------------------------------------------------------------------------

def test_registry_names_match_formatters():
    assert list(FORMATS) == ["table", "json", "jsonl", "csv", "sarif", "junit", "github", "markdown", "html"]
    for name, formatter in FORMATS.items():
        assert formatter.name == name
        assert get_formatter(name) is formatter


def test_unknown_format_is_a_usage_error():
    formats = "table, json, jsonl, csv, sarif, junit, github, markdown, html"
    with pytest.raises(UsageError, match=f"choose one of: {formats}"):
        get_formatter("pdf")


@pytest.mark.parametrize("path, expected", [
    ("report.json", "json"),
    ("out/report.JSONL", "jsonl"),
    ("report.ndjson", "jsonl"),
    ("findings.csv", "csv"),
    ("report.txt", "table"),
    ("report.sarif", "sarif"),
    ("report.pdf", None),
    ("report", None),
    ("-", None),
])
def test_format_for_path(path, expected, tmp_path):
    assert format_for_path(path) == expected
    assert format_for_path(tmp_path / path) == expected


def test_explain_prints_listing_text_without_terminal_escapes(tmp_path):
    from click.testing import CliRunner

    from cli import main

    path = tmp_path / "c.csv"
    path.write_text('sku,title\nX1,"Gucci bag \x1b[2J\x1b]8;;http://x\x07link"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(path), "--id", "X1"])
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "<U+001B>[2J" in result.output
