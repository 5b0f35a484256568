"""Catalogs built from web shops' structured data (schema.org markup extracted as N-Triples),
whose cells are RDF literals: ``"Title"@en``. The text inside the quotes is what the shop shows,
so it is what is checked and reported."""
import json

import pytest
from click.testing import CliRunner

from cli import main
from compliance.literals import unwrap_literals

from .rule_harness import severities


@pytest.mark.parametrize("cell, text", [
    ('"HDMI Cable 2m - Amazon Basics"@en', "HDMI Cable 2m - Amazon Basics"),
    ('"Vengeance LPX 16GB"@en-GB  " CMK16GX4M2B3200C16 | Corsair"@en',
     "Vengeance LPX 16GB | CMK16GX4M2B3200C16 | Corsair"),
    ('"Festplatte \\"Blue\\" 1TB \\u00dcbersicht"@de', 'Festplatte "Blue" 1TB Übersicht'),
    ('"2999"^^<http://www.w3.org/2001/XMLSchema#decimal>', "2999"),
])
def test_a_cell_written_as_literals_is_read_as_their_text(cell, text):
    assert unwrap_literals(cell) == text


@pytest.mark.parametrize("cell", [
    '"Hello Kitty" mug',         # a seller quoting a name in a title
    '"Quoted title"',            # quotes alone, no language or type: the seller's own quotes
    '"Mouse"@en null',           # something beside the literals: not a literal cell
    'Plain title "@en"',
])
def test_other_cells_are_kept_as_written(cell):
    assert unwrap_literals(cell) == cell


def test_a_maker_signing_a_literal_title_is_read_as_in_the_plain_title(checker_with):
    # Left in, the language tag ends the title, and the maker's name no longer signs it.
    check = checker_with()
    plain = check("G502 HERO Gaming Mouse | Logitech G", brand=None)
    literal = check('"G502 HERO Gaming Mouse | Logitech G"@en', brand=None)
    assert severities(literal, "logitech") == severities(plain, "logitech") == {"warn"}


def test_the_report_quotes_the_text_the_shop_shows(tmp_path):
    catalog = tmp_path / "offers.csv"
    catalog.write_text('id,title\n1,"""Hello Kitty plush toy 30cm""@en"\n', encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", str(catalog), "-p", "ebay:US", "--no-store", "-f", "json",
                                       "-o", str(out)])
    assert result.exit_code == 1, result.output
    findings = json.loads(out.read_text())["listings"][0]["findings"]
    marks = [f for f in findings if f["rule"] == "TM001"]
    assert marks and marks[0]["text"] == "Hello Kitty", findings
