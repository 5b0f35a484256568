"""Hostile input costs linear time: no misspelling lookup of a word longer than any name, a
delimiter sniffed on a bounded prefix of the header, and at most a capped number of findings listed
per field (the rest counted, never silently dropped)."""
import io
import json

from click.testing import CliRunner

from cli import main
from compliance import catalog
from compliance.blocklist import Entry
from compliance.inputs import csv_text
from compliance.matchers.marks import MarkMatcher


def test_a_word_longer_than_any_name_is_never_looked_up_for_misspellings(monkeypatch):
    matcher = MarkMatcher([Entry("Gucci", "trademark", owner="Guccio Gucci S.p.A.")], cache=False)
    looked = []
    monkeypatch.setattr(MarkMatcher, "_lookup", lambda self, candidate: looked.append(candidate) or ())
    matcher.find_in_text("bag " + "q" * 40_000 + " guccci")
    assert looked and max(map(len, looked)) <= 8  # "guccci" was looked up, the 40 KB word was not


def test_the_delimiter_is_sniffed_on_a_bounded_prefix(tmp_path, monkeypatch):
    seen = []
    original = csv_text._fit
    monkeypatch.setattr(csv_text, "_fit", lambda sample, delimiter: seen.append(len(sample)) or original(
        sample, delimiter))
    path = tmp_path / "wide.csv"
    path.write_text(";".join(f"col{i}" for i in range(100_000)) + ";title\n" + ";" * 100_000 + "Mug\n")
    layout, listings = catalog.read_catalog(path)
    # each candidate delimiter is tried once, on the same bounded prefix of the header and rows
    assert layout.delimiter == ";" and seen == [csv_text.SNIFF_CHARS] * len(csv_text.DELIMITERS)
    assert [item.title for item in listings] == ["Mug"]


def test_a_field_naming_hundreds_of_brands_lists_at_most_the_cap_and_says_how_many_more(tmp_path):
    from compliance.check import MAX_FINDINGS_PER_FIELD
    from compliance.formats.table import TableFormatter

    path = tmp_path / "catalog.csv"
    description = " ".join(["Gucci bag, Prada, Chanel, Nike, Rolex."] * 60)
    path.write_text(f'sku,title,description,brand\nS1,Plain tote bag,"{description}",Zonsan\n', encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", str(path), "-p", "ebay:US", "-f", "json", "-o", str(out)])
    assert result.exit_code == 1
    listing = json.loads(out.read_text())["listings"][0]
    in_description = [f for f in listing["findings"] if f["field"] == "description"]
    assert len(in_description) == MAX_FINDINGS_PER_FIELD
    assert listing["findings_left_out"]["description"] >= 250  # 300 brand names, and their stuffing finding
    assert listing["verdicts"] == {"ebay:US": "fail"}
    stream = io.StringIO()
    table = TableFormatter(stream)
    table.start({"platforms": ["ebay:US"]})
    table.listing({**listing, "title": "Plain tote bag"})
    table.finish({"listings": 1, "by_platform": {"ebay:US": {"pass": 0, "warn": 0, "fail": 1, "error": 0}}})
    assert f"more findings in description, not listed (at most {MAX_FINDINGS_PER_FIELD} per field)" in \
        stream.getvalue()


def test_checks_around_a_mark_in_a_long_field_look_only_near_it():
    from compliance.rules.evidence import NEAR, after_tag_label

    near = "Tags: mug, cup, nike"
    assert after_tag_label(near, near.index("nike"))
    # the same label a long way up the same line is not this mark's: each mark would rescan the field
    far = "Tags: " + "mug cup " * (NEAR // 4) + "nike"
    assert not after_tag_label(far, far.index("nike"))
