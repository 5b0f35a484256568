"""Hostile input costs linear time: no misspelling lookup of a word longer than any name, and a
delimiter sniffed on a bounded prefix of the header."""
import csv

from compliance import catalog
from compliance.blocklist import Entry
from compliance.matchers.marks import MarkMatcher


def test_a_word_longer_than_any_name_is_never_looked_up_for_misspellings(monkeypatch):
    matcher = MarkMatcher([Entry("Gucci", "trademark", owner="Guccio Gucci S.p.A.")], cache=False)
    looked = []
    monkeypatch.setattr(MarkMatcher, "_lookup", lambda self, candidate: looked.append(candidate) or ())
    matcher.find_in_text("bag " + "q" * 40_000 + " guccci")
    assert looked and max(map(len, looked)) <= 8  # "guccci" was looked up, the 40 KB word was not


def test_the_delimiter_is_sniffed_on_a_bounded_prefix(tmp_path, monkeypatch):
    seen = []
    original = csv.Sniffer.sniff
    monkeypatch.setattr(csv.Sniffer, "sniff", lambda self, sample, delimiters=None:
                        seen.append(len(sample)) or original(self, sample, delimiters))
    path = tmp_path / "wide.csv"
    path.write_text(";".join(f"col{i}" for i in range(100_000)) + ";title\n" + ";" * 100_000 + "Mug\n")
    layout, listings = catalog.read_catalog(path)
    assert layout.delimiter == ";" and seen == [catalog.SNIFF_CHARS]
    assert [item.title for item in listings] == ["Mug"]
