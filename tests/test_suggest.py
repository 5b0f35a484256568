"""`listguard blocklist suggest`: recurring brand-like names no list holds, for review."""
import csv
import io

from click.testing import CliRunner

from cli import main
from compliance.suggest import leading_name

CATALOG = """sku,title,brand
1,Rocoren USB C Cable 1m,
2,Rocoren Fast Charger 20W,
3,ROCOREN Car Mount,
4,Cute plush bear,
5,Nike Air running shoes,
6,Kuulaa Power Bank,Kuulaa
7,Kuulaa Wall Charger,Kuulaa
8,Wireless Charger Pad,Kuulaa
9,Solid Oak Side Table,
10,=cmd|' /C calc'!A0 Hack,=Evil
11,=cmd|' /C calc'!A0 Hack,=Evil
12,=cmd|' /C calc'!A0 Hack,=Evil
"""


def test_suggest_lists_recurring_unknown_names_with_counts_and_examples(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text(CATALOG, encoding="utf-8")
    result = CliRunner().invoke(main, ["blocklist", "suggest", str(path)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [(r["name"], r["listings"], r["in_brand_column"], r["leading_title"]) for r in rows] == [
        ("'=Evil", "3", "3", "0"),    # a formula made inert
        ("Kuulaa", "3", "3", "0"),    # the brand column's name, once per listing
        ("Rocoren", "3", "0", "3"),   # leads three titles, whatever its capitals
    ]
    assert rows[2]["examples"] == "1: Rocoren USB C Cable 1m | 2: Rocoren Fast Charger 20W | 3: ROCOREN Car Mount"
    # Nike is in the curated lists, "Cute", "Solid Oak" and "Wireless" are everyday words.
    assert "3 names in at least 3 listings that no list holds" in result.stderr


def test_min_listings_lowers_the_bar(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text(CATALOG, encoding="utf-8")
    result = CliRunner().invoke(main, ["blocklist", "suggest", str(path), "--min-listings", "1"])
    names = [r["name"] for r in csv.DictReader(io.StringIO(result.stdout, newline=""))]
    assert "Nike" not in names and "Cute" not in names and "Solid" not in names


def test_leading_name_stops_at_the_first_everyday_or_lowercase_word():
    assert leading_name("Rocoren USB C Cable") == "Rocoren"
    assert leading_name("Case Logic Laptop Sleeve") == ""
    assert leading_name("cute plush bear") == ""
    assert leading_name("Xtreme Zorbix Gadget 3000") == "Xtreme Zorbix"


def test_leading_name_is_no_product_noun_or_dictionary_word_of_another_script():
    # Russian shops open titles with the product and its adjectives: no brand there.
    assert leading_name("Футболка adidas E 3s Tee") == ""
    assert leading_name("Карнавальный костюм пирата") == ""
    assert leading_name("Беспроводные наушники i14 TWS") == ""
    # Words too rare for the frequency lists are still the dictionary's, or read as its adjectives.
    assert leading_name("Напальчники для игр PUBG геймерские") == ""
    assert leading_name("Противоударный силиконовый чехол для Tecno Camon 18") == ""
    # A maker's name in Cyrillic letters is no dictionary word: a candidate.
    assert leading_name("АРТЭ Митенки Сетка средние черные") == "АРТЭ"
    # A coined name in Latin letters is still a candidate, however rare.
    assert leading_name("Lonwalk Android Tablet PC") == "Lonwalk"
