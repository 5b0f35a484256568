"""eBay File Exchange and Seller Hub CSV: the Action column, its charset, item specifics, variations."""
import json

import pytest
from click.testing import CliRunner

from cli import main
from compliance.catalog import read_catalog
from compliance.inputs import ReadOptions
from compliance.inputs.ebay import READER, action_settings, file_charset

from .conftest import FIXTURES

SELLER_HUB = (FIXTURES / "ebay_draft_listings_template_US_shoes_header.csv").read_text("utf-8")
HEADER = SELLER_HUB.splitlines()[-1].split(",")


def seller_hub_row(sku, title, brand="Zonsan", theme="", style="Sneaker", description="Soft canvas upper"):
    """A draft row under the real Seller Hub header, by column name."""
    values = {"Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8)": "Draft",
              "Custom label (SKU)": sku, "Category ID": "15709", "Title": title, "Price": "39.99",
              "Quantity": "1", "Condition ID": "1000", "Description": description, "Format": "FixedPrice",
              "C:Brand": brand, " C:Style": style, " C:Department": "Kids", " C:Color": "Blue", " C:Theme": theme}
    assert set(values) <= set(HEADER)
    return ",".join(f'"{values.get(h, "")}"' for h in HEADER)


def seller_hub_file(tmp_path, *rows):
    path = tmp_path / "drafts.csv"
    path.write_text(SELLER_HUB.rstrip("\n") + "\n" + "\n".join(rows) + "\n", "utf-8")
    return path


def run_check(path, *more):
    result = CliRunner().invoke(main, ["check", str(path), "-p", "ebay:US", "-f", "json", *more])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout), result


def test_the_action_column_tells_the_layout_and_its_settings():
    head = SELLER_HUB.encode()
    assert READER.sniff(head, FIXTURES / "x.csv")
    assert action_settings(head) == {"SiteID": "US", "Country": "US", "Currency": "USD", "Version": "1193",
                                     "CC": "UTF-8"}
    assert action_settings(b'"*Action(SiteID=UK|CC=ISO-8859-1)",*Title\n') == {"SiteID": "UK", "CC": "ISO-8859-1"}
    assert not READER.sniff(b"sku,title,Action\nA1,Mug,Draft\n", FIXTURES / "x.csv")


def test_seller_hub_drafts_read_with_fields_lines_and_item_specifics(tmp_path):
    path = seller_hub_file(tmp_path, seller_hub_row("SHOE-1", "Kids Canvas Sneakers", theme="Space"),
                           seller_hub_row("SHOE-2", "Kids Canvas Slip-Ons", style="Slip On"))
    layout, rows = read_catalog(path)
    assert layout.input_format == "ebay" and layout.header_line == 5
    assert layout.columns["brand"] == HEADER.index("C:Brand")
    assert layout.header[layout.columns["item_specifics"]] == "item specifics (C: columns)"
    first, second = rows
    assert (first.id, first.title, first.brand, first.line) == ("SHOE-1", "Kids Canvas Sneakers", "Zonsan", 6)
    assert first.fields["item_specifics"].raw == "Style: Sneaker; Department: Kids; Color: Blue; Theme: Space"
    assert second.fields["item_specifics"].raw == "Style: Slip On; Department: Kids; Color: Blue"
    assert "Zonsan" not in first.fields["item_specifics"].raw  # C:Brand is the brand, not listing text


def test_a_character_in_an_item_specific_fails_as_it_would_in_the_title(tmp_path):
    path = seller_hub_file(tmp_path,
                           seller_hub_row("CLEAN", "Kids Canvas Sneakers", brand="Unbranded"),
                           seller_hub_row("THEME", "Kids Canvas Sneakers", brand="Unbranded", theme="Mickey Mouse"),
                           seller_hub_row("TITLE", "Kids Canvas Sneakers Mickey Mouse", brand="Unbranded"))
    report, result = run_check(path)
    assert result.exit_code == 1
    by_id = {item["id"]: item for item in report["listings"]}
    assert [item["id"] for item in report["listings"]] == ["CLEAN", "THEME", "TITLE"]
    assert by_id["CLEAN"]["verdicts"] == {"ebay:US": "pass"}
    assert by_id["THEME"]["verdicts"] == by_id["TITLE"]["verdicts"] == {"ebay:US": "fail"}
    finding = next(f for f in by_id["THEME"]["findings"] if f["rule"] == "TM001")
    assert finding["field"] == "item_specifics" and finding["text"] == "Mickey Mouse"
    assert report["input_format"] == "ebay" and report["columns"]["item_specifics"] == "item specifics (C: columns)"


def test_the_item_specifics_field_is_named_in_the_table_report(tmp_path):
    path = seller_hub_file(tmp_path, seller_hub_row("THEME", "Kids Canvas Sneakers", brand="Unbranded",
                                                    theme="Mickey Mouse"))
    result = CliRunner().invoke(main, ["check", str(path), "-p", "ebay:US", "-f", "table"])
    assert result.exit_code == 1
    # The field and the item specific's own name, around the mark, tell the seller where to look.
    assert "TM001 (trademark) in item_specifics" in result.stdout
    assert "Theme: »Mickey Mouse«" in result.stdout


FILE_EXCHANGE_HEADER = ("*Action(SiteID=US|Country=US|Currency=USD|Version=745|CC=ISO-8859-1),CustomLabel,"
                        "*Category,*Title,*Description,*StartPrice,C:Brand,C:Character,C:Franchise,Relationship,"
                        "RelationshipDetails\n")


def test_file_exchange_in_its_declared_charset_with_required_marks_and_variations(tmp_path):
    rows = ("Add,TEE-1,15687,Camiseta algodón niño,Camiseta de algodón,12.50,Unbranded,Pikachu,Pokémon,,"
            "Size=S;M\n"
            ",,,,,,,,,Variation,Size=S\n"
            ",,,,,,,,,Variation,Size=M\n"
            "Add,MUG-1,20625,Taza cerámica,Taza blanca,8.00,Unbranded,,,,\n")
    path = tmp_path / "file-exchange.csv"
    path.write_bytes((FILE_EXCHANGE_HEADER + rows).encode("iso-8859-1"))
    layout, stream = read_catalog(path)
    listings = list(stream)
    assert layout.input_format == "ebay" and layout.encoding == "iso8859-1"
    assert [x.id for x in listings] == ["TEE-1", "row-2", "row-3", "MUG-1"]
    tee, small, medium, mug = listings
    assert tee.title == "Camiseta algodón niño" and tee.price == "12.50"
    assert tee.fields["item_specifics"].raw == "Character: Pikachu; Franchise: Pokémon"
    assert small.variant_of == medium.variant_of == "TEE-1"
    assert small.title == tee.title and small.fields["item_specifics"].raw == tee.fields["item_specifics"].raw
    assert mug.variant_of is None and "item_specifics" not in mug.fields
    assert [x.line for x in listings] == [2, 3, 4, 5]


def test_a_character_named_only_in_c_character_is_found_through_the_cli(tmp_path):
    path = tmp_path / "fx.csv"
    path.write_bytes((FILE_EXCHANGE_HEADER
                      + "Add,TEE-1,15687,Kids Cotton T-Shirt Yellow,Soft cotton,12.50,Unbranded,Pikachu,,,\n"
                      + "Add,TEE-2,15687,Kids Cotton T-Shirt Blue,Soft cotton,12.50,Unbranded,,,,\n"
                      ).encode("iso-8859-1"))
    report, result = run_check(path)
    assert result.exit_code == 1 and report["encoding"] == "iso8859-1"
    tee1, tee2 = report["listings"]
    assert tee1["verdicts"] == {"ebay:US": "fail"} and tee2["verdicts"] == {"ebay:US": "pass"}
    assert any(f["field"] == "item_specifics" and f["text"] == "Pikachu" for f in tee1["findings"])


@pytest.mark.parametrize("declared, head, charset, noted", [
    ("UTF-8", b"Action(CC=UTF-8),Title\nAdd,Caf\xc3\xa9\n", None, False),
    ("ISO-8859-1", b"Action(CC=ISO-8859-1),Title\nAdd,Caf\xe9\n", "iso8859-1", False),
    ("windows-1252", b"Action(CC=windows-1252),Title\nAdd,Caf\xe9 \x80\n", "cp1252", False),
    # Excel saved the template as UTF-8 and kept the Action text: the bytes win, and the run says so.
    ("ISO-8859-1", b"Action(CC=ISO-8859-1),Title\nAdd,Caf\xc3\xa9\n", None, True),
    ("KOI9-Z", b"Action(CC=KOI9-Z),Title\n", None, True),
    ("", b"Action(SiteID=US),Title\n", None, False),
])
def test_the_declared_charset_is_honoured_when_the_bytes_agree(declared, head, charset, noted):
    found, note = file_charset(declared, head)
    assert found == charset and bool(note) == noted


def test_a_declared_charset_the_bytes_contradict_is_a_note_on_stderr(tmp_path):
    path = tmp_path / "saved-by-excel.csv"
    path.write_text("Action(SiteID=FR|CC=ISO-8859-1),CustomLabel,Title\nAdd,A1,Tasse à café\n", "utf-8")
    report, result = run_check(path)
    assert report["encoding"] == "utf-8"
    assert "CC=ISO-8859-1" in result.stderr and "read as UTF-8" in result.stderr


def test_the_sellers_encoding_wins_over_the_declared_one(tmp_path):
    path = tmp_path / "fx.csv"
    path.write_bytes("Action(CC=ISO-8859-1),CustomLabel,Title\nAdd,A1,Tasse à café\n".encode("cp1252"))
    layout, rows = read_catalog(path, options=ReadOptions(encoding="cp1252"))
    assert layout.encoding == "cp1252" and next(rows).title == "Tasse à café"


def test_a_bad_row_is_an_error_row_in_its_place(tmp_path):
    path = seller_hub_file(tmp_path, seller_hub_row("SHOE-1", "Kids Canvas Sneakers"),
                           'Draft,SHOE-2,15709,"Broken quote sneakers,,39.99',
                           )
    _, stream = read_catalog(path)
    rows = list(stream)
    assert [(r.row, r.line) for r in rows] == [(1, 6), (2, 7)]
    assert rows[0].error is None and rows[1].error and "line 7" in rows[1].error and "quote" in rows[1].error


def test_the_layout_can_be_named(tmp_path):
    path = seller_hub_file(tmp_path, seller_hub_row("SHOE-1", "Kids Canvas Sneakers"))
    report, _ = run_check(path, "--input-format", "ebay")
    assert report["input_format"] == "ebay" and [x["id"] for x in report["listings"]] == ["SHOE-1"]
    plain, _ = run_check(path, "--input-format", "csv")
    assert plain["input_format"] == "csv" and "item_specifics" not in plain["columns"]
