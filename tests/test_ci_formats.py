"""The CI report formats: SARIF (validated against the official schema), JUnit XML, GitHub Actions
annotations, Markdown and HTML, each parsed back; counts agree with the summary, hostile listing
text stays inert, fingerprints are stable and the hosts' limits are kept."""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from cli import main
from compliance.formats import FILE_NAMES, FORMATS, FanOut, format_for_path, get_formatter
from compliance.formats.github import escape_data, escape_property
from compliance.formats.markdown import code

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text("utf-8"))

PLATFORMS = ["ebay:US", "amazon:US"]
HEADER = {
    "tool": {"name": "listguard", "version": "0.1.0"},
    "checked_at": "2026-11-26T16:00:00+00:00",
    "platforms": PLATFORMS,
    "columns": {"id": "sku", "title": "title"},
    "catalog": "shop/catalog.csv",
}
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> `tick` a|b @octocat \x1b[2J %0A'
TITLE = "Nike trainers " + HOSTILE


def finding(rule="TM001", severity="block", platforms=PLATFORMS, field="title", start=0, end=4, text="Nike",
            entry="nike", message='Registered mark "Nike" in the title.', fix='Remove "Nike".', kind="trademark"):
    return {"rule": rule, "kind": kind, "severity": severity, "platforms": list(platforms), "field": field,
            "start": start, "end": end, "text": text, "entry": entry, "score": 1.0, "message": message, "fix": fix}


def listing(ident, row, verdicts, findings=(), error=None, title="", line=None):
    item = {"id": ident, "row": row, "verdicts": dict(zip(PLATFORMS, verdicts)), "findings": list(findings),
            "title": title, "fields": {"title": title}}
    if error is not None:
        item["error"] = error
    if line is not None:
        item["line"] = line
    return item


PASSING = listing("SKU-PASS", 1, ["pass", "pass"], title="Plain cotton socks", line=2)
FAILING = listing("SKU-FAIL", 2, ["fail", "fail"], [finding()], title=TITLE, line=3)
HOSTILE_TEXT = finding(rule="CT002", kind="policy", field="title", start=14, end=14 + len(HOSTILE), text=HOSTILE,
                       entry="", message=f"Link or markup '{HOSTILE}' in the title.", fix=f"Remove '{HOSTILE}'.")
HOSTILE_LISTING = listing('SKU-"><b>x</b>,7:8', 3, ["fail", "warn"],
                          [HOSTILE_TEXT, finding(rule="CL010", severity="warn", platforms=["amazon:US"],
                                                 start=0, end=4, entry="cures", kind="claim")],
                          title=TITLE)
WARNING = listing("SKU-WARN", 4, ["pass", "warn"],
                  [finding(rule="CL010", severity="warn", platforms=["amazon:US"], kind="claim",
                           message="Medical claim.", fix="Describe the product.")], title="Nike socks")
UNREADABLE = listing("row-5", 5, ["error", "error"], error="row 5: a quote that never closes \x00")
ITEMS = [PASSING, FAILING, HOSTILE_LISTING, WARNING, UNREADABLE]


def summary_of(items) -> dict:
    by_platform = {p: {"pass": 0, "warn": 0, "fail": 0, "error": 0} for p in PLATFORMS}
    for item in items:
        for platform, verdict in item["verdicts"].items():
            by_platform[platform][verdict] = by_platform[platform].get(verdict, 0) + 1
    return {"listings": len(items), "by_platform": by_platform}


def render(name, items=ITEMS, header=HEADER, configure=None) -> str:
    stream = io.StringIO()
    formatter = get_formatter(name)(stream)
    if configure:
        configure(formatter)
    formatter.start(header)
    for item in items:
        formatter.listing(item)
    formatter.finish(summary_of(items))
    return stream.getvalue()


def sarif_doc(items=ITEMS, configure=None) -> dict:
    doc = json.loads(render("sarif", items, configure=configure))
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(doc)
    return doc


# --- registry -----------------------------------------------------------------------------

@pytest.mark.parametrize("path, expected", [
    ("report.sarif", "sarif"), ("out/report.sarif.json", "sarif"), ("report.json", "json"),
    ("junit.XML", "junit"), ("comment.md", "markdown"), ("report.html", "html"), ("report.htm", "html"),
])
def test_ci_formats_are_chosen_by_extension(path, expected):
    assert format_for_path(path) == expected


def test_every_format_has_a_file_name_for_the_output_folder():
    assert set(FILE_NAMES) == set(FORMATS)
    for name, file_name in FILE_NAMES.items():
        assert format_for_path(file_name) in (name, "table" if name == "github" else name)


def test_fan_out_gives_every_formatter_the_same_pass():
    json_out, csv_out = io.StringIO(), io.StringIO()
    fan = FanOut([get_formatter("json")(json_out), get_formatter("csv")(csv_out)])
    assert not fan.wants_text
    assert FanOut([get_formatter("html")(io.StringIO())]).wants_text
    fan.start(HEADER)
    for item in ITEMS:
        fan.listing(item)
    fan.finish(summary_of(ITEMS))
    assert [x["id"] for x in json.loads(json_out.getvalue())["listings"]] == [i["id"] for i in ITEMS]
    assert len(list(csv.reader(io.StringIO(csv_out.getvalue())))) == 1 + 1 + 1 + 2 + 1 + 1


# --- SARIF --------------------------------------------------------------------------------

def test_sarif_validates_against_the_official_schema_with_a_result_per_finding():
    doc = sarif_doc()
    assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1
    run = doc["runs"][0]
    results = run["results"]
    # Blocking findings and warnings are results, and the unreadable row; info findings are not.
    assert [r["ruleId"] for r in results] == ["TM001", "CT002", "CL010", "CL010", "unreadable-row"]
    assert [r["level"] for r in results] == ["error", "error", "warning", "warning", "error"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["TM001", "CT002", "CL010", "unreadable-row"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    tm001 = rules[0]
    assert tm001["name"] == "third-party-mark" and tm001["defaultConfiguration"]["level"] == "error"
    assert tm001["shortDescription"]["text"].startswith("A listing names another company's trademark")
    assert run["properties"]["byPlatform"] == summary_of(ITEMS)["by_platform"]
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_result_points_at_the_catalog_line_or_names_the_listing():
    results = sarif_doc()["runs"][0]["results"]
    first = results[0]
    assert first["message"]["text"] == ('"Nike" in title of SKU-FAIL (row 2): Registered mark "Nike" in the title. '
                                        'Fix: Remove "Nike".')
    located = first["locations"][0]
    assert located["physicalLocation"]["artifactLocation"]["uri"] == "shop/catalog.csv"
    assert located["physicalLocation"]["region"]["startLine"] == 3
    assert located["logicalLocations"][0]["fullyQualifiedName"] == "SKU-FAIL.title"
    # Without a line in the report: no region, the listing and field only.
    hostile = results[1]["locations"][0]
    assert "region" not in hostile["physicalLocation"]
    assert hostile["logicalLocations"][0] == {"name": "title", "fullyQualifiedName": 'SKU-"><b>x</b>,7:8.title',
                                              "kind": "property"}
    assert results[1]["properties"]["matched"] == HOSTILE


def test_sarif_help_uri_comes_from_the_pack_that_cites_the_rule():
    item = listing("L", 1, ["fail", "pass"], [finding(rule="LS001", kind="policy", platforms=["ebay:US"])])
    rule = sarif_doc([item])["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == "LS001" and rule["name"] == "title-too-long"
    assert rule["helpUri"].startswith("https://") and "ebay" in rule["helpUri"]


def test_sarif_catalog_uri_is_percent_encoded_and_relative():
    header = {**HEADER, "catalog": "my shop/catálogo #1.csv"}
    doc = json.loads(render("sarif", [FAILING], header=header))
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(doc)
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20shop/cat%C3%A1logo%20%231.csv"


def _fingerprints(doc) -> list[dict]:
    return [r["partialFingerprints"] for r in doc["runs"][0]["results"]]


def test_sarif_fingerprint_ignores_offsets_and_wording_but_not_identity():
    base = _fingerprints(sarif_doc([FAILING]))
    moved = listing("SKU-FAIL", 9, ["fail", "fail"], [finding(start=20, end=24, message="Reworded.", fix="Other.")],
                    line=40)
    assert _fingerprints(sarif_doc([moved])) == base
    for changed in (finding(entry="adidas"), finding(field="description"), finding(platforms=["ebay:US"]),
                    finding(rule="TM002")):
        other = listing("SKU-FAIL", 2, ["fail", "fail"], [changed])
        assert _fingerprints(sarif_doc([other])) != base
    twice = listing("SKU-FAIL", 2, ["fail", "fail"], [finding(), finding(start=30, end=34)])
    first, second = _fingerprints(sarif_doc([twice]))
    assert first == base[0] and second != first   # a repeat in the same listing is its own alert


def test_sarif_caps_results_and_says_how_many_were_left_out():
    items = [listing(f"S{n}", n, ["fail", "fail"], [finding()]) for n in range(1, 9)]
    doc = sarif_doc(items, configure=lambda f: setattr(f, "max_results", 5))
    run = doc["runs"][0]
    assert [r["properties"]["listing"] for r in run["results"]] == ["S1", "S2", "S3", "S4", "S5"]
    assert run["properties"]["resultsLeftOut"] == 3
    note = run["invocations"][0]["toolExecutionNotifications"][0]
    assert note["level"] == "warning" and note["message"]["text"].startswith("3 results left out")


def test_sarif_stops_before_the_upload_size_limit():
    # Hex digests barely compress, as varied listing text does not: the compressed size grows.
    def noise(n):
        return " ".join(hashlib.sha256(f"{n}-{i}".encode()).hexdigest() for i in range(40))

    items = [listing(f"S{n}", n, ["fail", "fail"], [finding(message=noise(n))]) for n in range(1, 200)]
    doc = sarif_doc(items, configure=lambda f: setattr(f, "max_gzip_bytes", 20_000))
    run = doc["runs"][0]
    assert 0 < len(run["results"]) < 199
    assert len(run["results"]) + run["properties"]["resultsLeftOut"] == 199
    # Within the budget give or take what the compressor holds back before it writes a block.
    assert len(gzip.compress(json.dumps(run["results"]).encode())) < 20_000 + 64_000
    assert all(len(r["message"]["text"]) <= 2_000 for r in run["results"])


# --- JUnit --------------------------------------------------------------------------------

def test_junit_parses_with_a_suite_per_platform_and_counts_equal_to_the_summary():
    root = ET.fromstring(render("junit"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == PLATFORMS
    summary = summary_of(ITEMS)["by_platform"]
    for suite in suites:
        counts = summary[suite.get("name")]
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases) == sum(counts.values())
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure")) == counts["fail"]
        assert int(suite.get("errors")) == len(suite.findall("testcase/error")) == counts["error"]
        assert {c.get("classname") for c in cases} == {suite.get("name")}
        assert [c.get("name") for c in cases] == [i["id"] for i in ITEMS]
    assert int(root.get("tests")) == 2 * len(ITEMS)


def test_junit_failure_body_has_rule_match_reason_and_fix_for_that_platform():
    root = ET.fromstring(render("junit"))
    amazon = root.find("testsuite[@name='amazon:US']")
    case = amazon.find("testcase[@name='SKU-FAIL']")
    failure = case.find("failure")
    assert failure.get("type") == "TM001"
    assert failure.get("message") == 'TM001: Registered mark "Nike" in the title.'
    assert "BLOCK TM001 (trademark) in title: \u00bbNike\u00ab" in failure.text
    assert 'fix: Remove "Nike".' in failure.text
    assert case.get("file") == "shop/catalog.csv" and case.get("line") == "3"
    # A warning only: the case passes and says why in its output.
    ebay_hostile = root.find("testsuite[@name='ebay:US']/testcase[@name='SKU-\"><b>x</b>,7:8']")
    assert ebay_hostile.find("failure") is not None and "CL010" not in ebay_hostile.find("failure").text
    warned = amazon.find("testcase[@name='SKU-WARN']")
    assert warned.find("failure") is None and "WARN CL010 (claim)" in warned.find("system-out").text
    passed = amazon.find("testcase[@name='SKU-PASS']")
    assert list(passed) == []


def test_junit_keeps_hostile_text_as_text_and_replaces_what_xml_forbids():
    out = render("junit")
    assert "\x1b" not in out and "\x00" not in out
    root = ET.fromstring(out)   # would raise on a raw control character or broken markup
    assert root.find(".//script") is None and root.find(".//img") is None and root.find(".//b") is None
    error = root.find("testsuite/testcase[@name='row-5']/error")
    assert error.get("type") == "unreadable-row" and "<U+0000>" in error.text
    body = root.find("testsuite/testcase/failure[@type='CT002']").text
    assert "<script>alert(1)</script>" in body and "<U+001B>[2J" in body


def test_junit_skips_rows_a_run_did_not_check_and_counts_them():
    unchanged = listing("SKU-SAME", 6, ["unchanged", "unchanged"])
    root = ET.fromstring(render("junit", [FAILING, unchanged]))
    for suite in root.findall("testsuite"):
        assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("2", "1", "1")
        assert suite.find("testcase[@name='SKU-SAME']/skipped").get("message") == "unchanged"


# --- GitHub Actions -----------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def unescape(text: str) -> str:
    for code_, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code_, char)
    return text


def parse_commands(out: str) -> list[tuple[str, dict, str]]:
    commands = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        level, props, message = match.groups()
        properties = dict(p.split("=", 1) for p in props.split(",")) if props else {}
        commands.append((level, {k: unescape(v) for k, v in properties.items()}, unescape(message)))
    return commands


def test_github_escapes_percent_line_breaks_and_property_separators():
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotation_lines_stay_single_commands_with_hostile_text(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    item = listing("SKU,1:x\n::error::pwned", 7, ["fail", "pass"],
                   [finding(text="Nike\r\n::add-mask::x %0A", message="50% off,\nnew: line")], line=12)
    commands = parse_commands(render("github", [item]))
    assert len(commands) == 1
    level, properties, message = commands[0]
    assert level == "error"
    assert properties == {"file": "shop/catalog.csv", "line": "12",
                          "title": "SKU,1:x ::error::pwned (row 7) fails on ebay:US"}
    assert message.startswith('TM001 in title: "Nike ::add-mask::x %0A" - 50% off, new: line')


def test_github_annotates_ten_of_each_level_then_a_notice_with_totals(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    items = [listing(f"F{n}", n, ["fail", "fail"], [finding()]) for n in range(25)]
    items += [listing(f"W{n}", 100 + n, ["warn", "pass"], [finding(severity="warn")]) for n in range(12)]
    items += [UNREADABLE]
    commands = parse_commands(render("github", items))
    levels = [c[0] for c in commands]
    assert levels.count("error") == 10 and levels.count("warning") == 10 and levels[-1] == "notice"
    assert levels.count("notice") == 1
    assert commands[-1][2].startswith("26 listings fail or cannot be read and 12 warn; 20 are annotated")


def test_github_writes_the_job_summary_when_the_runner_asks(tmp_path, monkeypatch):
    summary_file = tmp_path / "step_summary.md"
    summary_file.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    out = render("github")
    assert all(line.startswith("::") for line in out.splitlines())
    text = summary_file.read_text("utf-8")
    assert text.startswith("earlier step\n## listguard: 2 of 5 listings fail")
    assert "| ebay:US | 2 | 0 | 2 | 1 |" in text


def test_github_notes_a_job_summary_it_cannot_write(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    commands = parse_commands(render("github", [PASSING]))
    assert commands[-1][0] == "warning" and "job summary cannot be written" in commands[-1][2]


# --- Markdown -----------------------------------------------------------------------------

def markdown_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.rows: list[int] = []
        self._cells = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr":
            self._cells = 0
        elif tag in ("td", "th"):
            self._cells += 1

    def handle_endtag(self, tag):
        if tag == "tr":
            self.rows.append(self._cells)


def test_markdown_code_span_survives_backticks_pipes_and_html():
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"
    assert code("a|b") == "`a\\|b`"
    rendered = markdown_html("| h |\n|---|\n| " + code("<img src=x> `a|b` ``c``") + " |\n")
    assert "<code>&lt;img src=x&gt; `a|b` ``c``</code>" in rendered


def test_markdown_tables_keep_their_shape_and_hostile_text_stays_text():
    out = render("markdown")
    parser = Tags()
    parser.feed(markdown_html(out))
    assert set(parser.tags) <= {"h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "strong", "em"}
    # Counts table: 5 cells a row; findings tables: 8; unreadable rows: 3. A pipe in listing
    # text would add cells, a backtick end the code span, HTML become tags.
    assert parser.rows[:3] == [5, 5, 5]
    assert set(parser.rows[3:]) == {8, 3}
    # Outside code spans a mention is broken by a word joiner, so nobody is notified.
    outside_code = re.sub(r"<code>.*?</code>", "", markdown_html(out))
    assert "@\u2060octocat" in outside_code and "@octocat" not in outside_code
    assert "| ebay:US | 2 | 0 | 2 | 1 |" in out


def test_markdown_lists_failing_warning_and_unreadable_with_rule_match_reason_and_fix():
    out = render("markdown")
    assert out.startswith("## listguard: 2 of 5 listings fail\n\n2 fail on at least one platform, 1 warn only, "
                          "1 pass, 1 unreadable.")
    assert '| `SKU-FAIL` | 2 | TM001 **fail** | title | `Nike` | Registered mark "Nike" in the title. | ' \
           'Remove "Nike". | all |' in out
    assert "### Listings with warnings" in out and "| `SKU-WARN` | 4 | CL010 warn |" in out
    assert "### Unreadable rows" in out and "| `row-5` | 5 | row 5: a quote that never closes &lt;U+0000&gt; |" in out
    assert "SKU-PASS" not in out


def test_markdown_stays_within_a_github_comment_and_counts_what_it_leaves_out():
    items = [listing(f"SKU-{n}", n, ["fail", "fail"], [finding(message="m" * 300)]) for n in range(1, 2001)]
    out = render("markdown", items)
    assert len(out) <= 65_536
    shown = len(re.findall(r"^\| `SKU-\d+` \|", out, re.M))
    left_out = int(re.search(r"^_(\d+) more listings not shown", out, re.M).group(1))
    assert shown > 100 and shown + left_out == 2000


# --- HTML (the browser test is in test_html_report.py) --------------------------------------

class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_mark = tag == "mark"

    def handle_endtag(self, tag):
        self._in_mark = False if tag == "mark" else self._in_mark

    def handle_data(self, data):
        if self._in_mark:
            self.marks.append(data)


def test_html_is_self_contained_escaped_and_highlighted():
    out = render("html")
    parser = Elements()
    parser.feed(out)
    tags = [tag for tag, _ in parser.elements]
    assert tags.count("script") == 1 and "img" not in tags and "b" not in tags
    for _, attrs in parser.elements:
        for name in ("src", "href", "action", "srcset"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or ""), attrs
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", out, re.I)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    # Long matches are shortened in the middle, as in the table.
    assert parser.marks[:2] == ["Nike", '<script>alert...U+001B>[2J %0A']
    csp = next(a["content"] for t, a in parser.elements if t == "meta" and a.get("http-equiv"))
    assert csp.startswith("default-src 'none'; script-src 'sha256-")


def test_html_counts_and_filters_cover_the_run():
    out = render("html")
    parser = Elements()
    parser.feed(out)
    rows = [a for t, a in parser.elements if t == "tr" and "data-status" in a]
    assert [r["data-status"] for r in rows] == ["fail", "fail", "warn", "error"]
    assert rows[1]["data-verdicts"] == "ebay:US=fail amazon:US=warn"
    options = {a.get("value") for t, a in parser.elements if t == "option"}
    assert {"ebay:US", "amazon:US", "TM001", "CT002", "CL010", "fail", "warn", "error"} <= options
    counts = re.search(r'<table id="counts">.*?</table>', out).group()
    assert re.sub(r"<[^>]+>", " ", counts).split() == ["platform", "pass", "warn", "fail", "error",
                                                       "ebay:US", "2", "0", "2", "1", "amazon:US", "1", "2", "1", "1"]


def test_html_lists_a_bounded_number_of_listings():
    items = [listing(f"S{n}", n, ["fail", "fail"], [finding()]) for n in range(30)]
    out = render("html", items, configure=lambda f: setattr(f, "max_listings", 10))
    assert out.count('<tr data-status="fail"') == 10
    assert "20 more listings not listed" in out


def test_counts_tables_show_a_verdict_beyond_the_four():
    summary = {"listings": 2, "by_platform": {p: {"pass": 0, "warn": 0, "fail": 1, "error": 0, "unchanged": 1}
                                              for p in PLATFORMS}}
    for name in ("markdown", "html"):
        stream = io.StringIO()
        formatter = get_formatter(name)(stream)
        formatter.start(HEADER)
        formatter.listing(FAILING)
        formatter.finish(summary)
        flat = re.sub(r"<[^>]+>|\|", " ", stream.getvalue())
        assert "platform pass warn fail error unchanged" in " ".join(flat.split()), name
        assert "ebay:US 0 0 1 0 1" in " ".join(flat.split()), name


# --- command line -------------------------------------------------------------------------

def _catalog(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sku", "title", "description", "brand"])
        writer.writerow(["A1", "Canvas tote bag with zip pocket", "Roomy and strong.", "Acme"])
        writer.writerow(["A2", "Gucci style handbag <script>alert(1)</script>", "A roomy bag.", "Acme"])
        writer.writerow(["A3", "Cotton socks, 5 pairs", "Soft\nand warm.", "Acme"])
    return path


def test_several_formats_from_one_run_agree_with_the_json_summary(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv")
    out = tmp_path / "reports"
    args = ["check", str(catalog), "--no-default-blocklists", "-b", str(FIXTURES / "blocklist.csv"),
            "--output-dir", str(out)]
    for name in ("json", "sarif", "junit", "markdown", "html", "github", "csv"):
        args += ["-f", name]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        FILE_NAMES[n] for n in ("json", "sarif", "junit", "markdown", "html", "github", "csv"))
    report = json.loads((out / "report.json").read_text("utf-8"))
    summary = report["summary"]["by_platform"]
    sarif = json.loads((out / "report.sarif").read_text("utf-8"))
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(sarif)
    blocking = [(x["id"], f["rule"]) for x in report["listings"] for f in x["findings"]
                if f["severity"] in ("block", "warn")]
    assert [(r["properties"]["listing"], r["ruleId"]) for r in sarif["runs"][0]["results"]] == blocking
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("catalog.csv")
    root = ET.parse(out / "report.xml").getroot()
    for suite in root.findall("testsuite"):
        assert int(suite.get("failures")) == summary[suite.get("name")]["fail"]
        assert int(suite.get("tests")) == report["summary"]["listings"] == 3
    assert "<mark>Gucci</mark>" in (out / "report.html").read_text("utf-8")
    assert (out / "report.md").read_text("utf-8").startswith("## listguard: 1 of 3 listings fail")


def test_several_formats_without_an_output_folder_is_a_usage_error(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv")
    result = CliRunner().invoke(main, ["check", str(catalog), "-f", "json", "-f", "sarif"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "--output-dir" in result.output


def test_output_and_output_folder_together_is_a_usage_error(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv")
    result = CliRunner().invoke(main, ["check", str(catalog), "-o", str(tmp_path / "r.json"),
                                       "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_one_format_to_one_file_works_as_before(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv")
    report = tmp_path / "scan.sarif"
    result = CliRunner().invoke(main, ["check", str(catalog), "--no-default-blocklists", "-b",
                                       str(FIXTURES / "blocklist.csv"), "-o", str(report)])
    assert result.exit_code == 1
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(json.loads(report.read_text("utf-8")))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.csv", "scan.sarif"]


def test_fingerprints_stay_when_another_field_of_the_listing_changes(tmp_path):
    def fingerprints(description: str) -> dict:
        catalog = tmp_path / "catalog.csv"
        with open(catalog, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["sku", "title", "description", "brand"])
            writer.writerow(["B0", "Plain cotton socks", "Soft.", "Acme"])
            writer.writerow(["B1", "Gucci style handbag", description, "Acme"])
        report = tmp_path / "report.sarif"
        result = CliRunner().invoke(main, ["check", str(catalog), "--no-default-blocklists", "-b",
                                           str(FIXTURES / "blocklist.csv"), "-o", str(report)])
        assert result.exit_code == 1, result.output
        results = json.loads(report.read_text("utf-8"))["runs"][0]["results"]
        return {(r["ruleId"], r["properties"]["field"]): r["partialFingerprints"] for r in results}

    before = fingerprints("A roomy bag.")
    after = fingerprints("A roomy bag in black leather, with a long strap and three inner pockets.")
    assert before and after == before


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_results_point_at_the_line_where_the_listing_starts(tmp_path, jobs):
    # A2's quoted description runs over two lines, so A3 starts on line 5, not 4.
    catalog = tmp_path / "catalog.csv"
    catalog.write_text('sku,title,description,brand\nA1,Nike running shoes,,Zonsan\n'
                       'A2,Plain mug,"white\nceramic",Zonsan\nA3,Gucci bag,,Zonsan\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(catalog), "-p", "amazon:US", "-f", "sarif", "-f", "junit",
                                       "--output-dir", str(out), "-j", jobs])
    assert result.exit_code == 1, result.output
    sarif = json.loads((out / "report.sarif").read_text())
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif["runs"][0]["results"]}
    assert lines == {2, 5}
    cases = {c.get("name"): c.get("line") for c in ET.parse(out / "report.xml").getroot().iter("testcase")}
    assert cases == {"A1": "2", "A2": "3", "A3": "5"}
