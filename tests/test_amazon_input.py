"""Amazon category listing templates and inventory flat files, as workbooks and as text."""
import json

import openpyxl
import pytest
from click.testing import CliRunner

from cli import main
from compliance.catalog import read_catalog
from compliance.errors import InputError
from compliance.inputs import ReadOptions, amazon, open_table

from .conftest import FIXTURES

BLOCKLIST = str(FIXTURES / "blocklist.csv")
FLAT_FILE = FIXTURES / "amazon_inventory_flat_file_shirt.txt"
NEW_TEXT = FIXTURES / "amazon_listing_template_shirt_en_US.txt"
MP = "ATVPDKIKX0DER"


def fid(name, n=1, leaf="value"):
    """A new-style field ID for the US marketplace in English."""
    return f"{name}[marketplace_id={MP}][language_tag=en_US]#{n}.{leaf}"


def check(*args):
    return CliRunner().invoke(main, ["check", *map(str, args), "--no-default-blocklists", "--blocklist", BLOCKLIST,
                                     "--as-of", "2026-01-01", "-f", "json"], catch_exceptions=False)


def read(path, **options):
    layout, rows = read_catalog(path, options=ReadOptions(**options))
    return layout, list(rows)


def titles(rows):
    return [r.fields["title"].raw for r in rows]


@pytest.mark.parametrize("field_id, name", [
    ("item_sku", "item_sku"),
    ("bullet_point3", "bullet_point3"),
    ("contribution_sku#1.value", "contribution_sku"),
    (fid("item_name"), "item_name"),
    (f"brand[marketplace_id={MP}]#1.value", "brand"),
    (fid("bullet_point"), "bullet_point1"),
    (fid("bullet_point", 5), "bullet_point5"),
    (fid("generic_keyword", 2), "generic_keyword2"),
    (f"purchasable_offer[marketplace_id={MP}][audience=ALL]#1.our_price#1.schedule#1.value_with_tax", "our_price"),
    (f"list_price[marketplace_id={MP}]#1.value_with_tax", "list_price"),
    (f"item_package_weight[marketplace_id={MP}]#1.unit", "item_package_weight.unit"),
    ("::record_action", "::record_action"),
    ("Seller SKU", "Seller SKU"),  # a label, not a field ID: as it is
])
def test_field_name(field_id, name):
    assert amazon.field_name(field_id) == name


@pytest.mark.parametrize("cells, is_fields", [
    (["feed_product_type", "item_sku", "brand_name", "item_name"], True),
    (["contribution_sku#1.value", "product_type#1.value", "::record_action", fid("item_name")], True),
    (["Product Type", "Seller SKU", "Brand Name", "Product Name"], False),  # the labels above them
    (["Offer", "Basic", "", "Images"], False),  # the group names
    (["sku", "title", "brand"], False),  # any shop's CSV header
    (["item_sku", "Title", "Brand", "Description", "Price"], False),  # one Amazon name among the seller's own
])
def test_field_row(cells, is_fields):
    assert amazon.is_field_row(cells) is is_fields


@pytest.mark.parametrize("cells, is_settings", [
    (["TemplateType=fptcustom", "Version=2021.1014", "TemplateSignature=U0hJUlQ="], True),
    (["settings=attributeRow=4&dataRow=6", ""], True),
    (["TemplateType=fptcustom Version=2025.0401 settings=attributeRow=3&dataRow=4"], True),
    (["sku", "title"], False),
    (["Version", "Title"], False),
    (["#INFO", "Version=0.0.2", "Template= eBay-draft-listings-template_US"], False),  # eBay's, not Amazon's
])
def test_settings_row(cells, is_settings):
    assert amazon.is_settings_row(cells) is is_settings


def test_legacy_flat_file_reads_from_its_field_names():
    layout, rows = read(FLAT_FILE)
    assert layout.input_format == "amazon-text" and layout.header_line == 3
    assert layout.column_names() == {
        "id": "item_sku", "title": "item_name", "description": "product_description",
        **{f"bullet_point{n}": f"bullet_point{n}" for n in range(1, 6)}, "brand": "brand_name",
        "category": "feed_product_type", "price": "standard_price", "search_terms": "generic_keywords"}
    assert [r.id for r in rows] == ["TS-100", "TS-101", "SH-200"]
    assert titles(rows) == ["Trailmate Men's Cotton T-Shirt", "Running Shirt Nike style Breathable",
                            "Stridex Trail Running Shoes"]
    assert [r.brand for r in rows] == ["Trailmate", "Stridex", "Stridex"]
    assert rows[1].fields["bullet_point2"].raw == "Looks like Nike Dri-FIT"
    assert rows[2].fields["search_terms"].raw == "Air Max trail"
    assert [r.line for r in rows] == [4, 5, 6]


def test_new_style_text_template_passes_over_its_example_row():
    layout, rows = read(NEW_TEXT)
    assert layout.header_line == 4
    assert layout.column_names()["title"] == "item_name" and layout.column_names()["brand"] == "brand"
    assert layout.column_names()["price"] == "our_price" and layout.column_names()["search_terms"] == "generic_keyword"
    assert [(r.id, r.line) for r in rows] == [("CT-1", 6), ("CT-2", 7)]  # line 5 is Amazon's ABC123 example
    assert rows[0].fields["bullet_point2"].raw == "Gucci inspired cut"
    assert any("line 5 is the template's example" in note for note in layout.notes)


def test_flat_file_through_the_cli_reports_every_row_in_order():
    report = json.loads(check(FLAT_FILE).stdout)
    assert report["input_format"] == "amazon-text"
    assert [x["id"] for x in report["listings"]] == ["TS-100", "TS-101", "SH-200"]
    by_id = {x["id"]: x for x in report["listings"]}
    assert not by_id["TS-100"]["findings"]
    assert {f["field"] for f in by_id["TS-101"]["findings"] if f["rule"].startswith("TM")} >= {"title"}


def test_flat_file_starting_with_its_field_names(tmp_path):
    path = tmp_path / "inventory.txt"
    path.write_text("item_sku\tbrand_name\titem_name\tbullet_point1\tgeneric_keywords\n"
                    "K1\tTrailmate\tSteel Water Bottle\tKeeps cold\tflask\n", encoding="utf-8")
    layout, rows = read(path)
    assert layout.input_format == "amazon-text" and layout.delimiter == "\t"
    assert [(r.id, r.brand, r.line) for r in rows] == [("K1", "Trailmate", 2)]
    assert rows[0].fields["bullet_point1"].raw == "Keeps cold"


def test_marked_example_row_is_passed_over_and_an_unmarked_row_is_kept(tmp_path):
    path = tmp_path / "vorlage.txt"
    path.write_text("TemplateType=fptcustom\tVersion=2021.1014\n"
                    "Verkäufer-SKU\tProduktname\n"
                    "item_sku\titem_name\n"
                    "Beispiel:\tWasserflasche aus Edelstahl\n"
                    "B1\tTrinkflasche 1 l\n", encoding="utf-8")
    assert [(r.id, r.line) for r in read(path)[1]] == [("B1", 5)]
    path.write_text("TemplateType=fptcustom\tVersion=2021.1014\nitem_sku\titem_name\nABC123\tEine Flasche\n",
                    encoding="utf-8")
    assert [(r.id, r.line) for r in read(path)[1]] == [("ABC123", 3)]  # no mark: a seller's row


def test_text_rows_are_cut_and_checked_as_csv_text_does(tmp_path):
    path = tmp_path / "inventory.txt"
    # UTF-8 text (its accented letters say so) with one stray byte: that row is an error row
    path.write_bytes("TemplateType=fptcustom\tVersion=2021.1014\nitem_sku\titem_name\n"
                     "A\tBouteille isotherme à café, crème\n".encode("utf-8") + b"B\tBad \xff byte\nC\tMug\n")
    rows = read(path)[1]
    assert [(r.id, r.line) for r in rows] == [("A", 3), ("B", 4), ("C", 5)]
    assert rows[0].title == "Bouteille isotherme à café, crème"
    assert rows[1].error.startswith("line 4, column 2 (item_name): bytes that are not utf-8")


def test_settings_row_without_field_names_is_an_input_error(tmp_path):
    path = tmp_path / "inventory.txt"
    path.write_text("TemplateType=fptcustom\tVersion=2021.1014\nSeller SKU\tProduct Name\nA\tBottle\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="no row of Amazon field names"):
        read(path)


def test_plain_shop_csv_is_still_read_as_csv(tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text("sku,title,brand\nA,Bottle,Trailmate\n", encoding="utf-8")
    assert read(path)[0].input_format == "csv"


def _template_workbook(path, sheet_name, rows, first_sheet="Instructions"):
    book = openpyxl.Workbook()
    book.active.title = first_sheet
    book.active["A1"] = "How to fill in this template"
    sheet = book.create_sheet(sheet_name)
    for row in rows:
        sheet.append(row)
    book.create_sheet("Valid Values").append(["Example", "not a listing"])
    book.save(path)
    return path


NEW_STYLE_ROWS = [
    ["TemplateType=fptcustom", "Version=2024.0323", "TemplateSignature=U0hJUlQ=",
     "settings=attributeRow=4&contentLanguageTag=en_US&dataRow=7&labelRow=3&primaryMarketplaceId=amzn1.mp.o." + MP],
    ["Offer Identity", None, "Product Identity", None, "Offer"],
    ["SKU", "Product Type", "Item Name", "Brand Name", "Bullet Point", "Bullet Point", "Your Price"],
    ["contribution_sku#1.value", "product_type#1.value", fid("item_name"), fid("brand"), fid("bullet_point"),
     fid("bullet_point", 2), f"purchasable_offer[marketplace_id={MP}][audience=ALL]#1.our_price#1.schedule#1.value"],
    [],
    ["ABC123", "SHIRT", "Example Item Name", "Example Brand", "Example bullet", None, 10.99],
    ["CT-1", "SHIRT", "Casewell Linen Shirt", "Casewell", "Pure linen", "Gucci inspired cut", 29.0],
    ["CT-2", "SHIRT", "Casewell Oxford Shirt", "Casewell", "Oxford cloth", None, 34.5],
]


def test_new_style_workbook_template_sheet_is_found_and_read(tmp_path):
    path = _template_workbook(tmp_path / "SHIRT.xlsm", "Template", NEW_STYLE_ROWS)
    layout, rows = read(path)
    assert layout.input_format == "xlsx" and layout.header_line == 4
    assert [(r.id, r.line, r.brand) for r in rows] == [("CT-1", 7, "Casewell"), ("CT-2", 8, "Casewell")]
    assert titles(rows) == ["Casewell Linen Shirt", "Casewell Oxford Shirt"]
    assert [r.fields["bullet_point1"].raw for r in rows] == ["Pure linen", "Oxford cloth"]
    assert layout.column_names()["price"] == "our_price" and layout.column_names()["category"] == "product_type"
    assert any("sheet 'Template', row 6 is the template's example" in note for note in layout.notes)
    table = open_table(path, ReadOptions())
    assert [str(r.where) for r in table.records({})] == ["sheet 'Template', row 7", "sheet 'Template', row 8"]


@pytest.mark.parametrize("sheet_name", amazon.TEMPLATE_SHEETS)
def test_localized_template_sheet_is_picked(tmp_path, sheet_name):
    rows = [["TemplateType=fptcustom", "Version=2021.1014", "TemplateSignature=U0hJUlQ="],
            ["Seller SKU", "Brand Name", "Product Name", "Key Product Features"],
            ["item_sku", "brand_name", "item_name", "bullet_point1"],
            ["L1", "Trailmate", "Steel Water Bottle", "Keeps cold for 24 h"]]
    path = _template_workbook(tmp_path / "template.xlsx", sheet_name, rows)
    layout, read_rows = read(path)
    assert [(r.id, r.brand, r.line) for r in read_rows] == [("L1", "Trailmate", 4)]
    assert layout.header_line == 3 and f"sheet '{sheet_name}'" in layout.notes[0]


def test_sheet_option_wins_over_the_template_sheet(tmp_path):
    path = _template_workbook(tmp_path / "template.xlsx", "Template", NEW_STYLE_ROWS, first_sheet="Mine")
    book = openpyxl.load_workbook(path)
    book["Mine"]["A1"], book["Mine"]["A2"] = "Title", "My own row"
    book.save(path)
    assert titles(read(path, sheet="Mine")[1]) == ["My own row"]


def test_template_error_cell_names_the_template_sheet(tmp_path):
    rows = [*NEW_STYLE_ROWS[:4], ["CT-9", "SHIRT", "#VALUE!", "Casewell"], ["CT-10", "SHIRT", "Shirt", "Casewell"]]
    rows[0] = rows[0][:3]  # no settings=: the listings follow the field names
    path = _template_workbook(tmp_path / "template.xlsx", "Modèle", rows)
    report = json.loads(check(path).stdout)
    assert [x["id"] for x in report["listings"]] == ["CT-9", "CT-10"]
    assert report["listings"][0]["error"].startswith("sheet 'Modèle', cell C5: the title cell shows the Excel error")


def test_workbook_starting_with_field_ids_and_a_marked_example(tmp_path):
    rows = [NEW_STYLE_ROWS[3], ["Example", "SHIRT", "Example Item Name"], ["CT-1", "SHIRT", "Casewell Linen Shirt"],
            ["CT-2", "SHIRT", "Casewell Oxford Shirt"]]
    path = _template_workbook(tmp_path / "export.xlsx", "Sheet1", rows)
    layout, read_rows = read(path, sheet="Sheet1")
    assert layout.header_line == 1 and layout.column_names()["title"] == "item_name"
    assert [(r.id, r.line) for r in read_rows] == [("CT-1", 3), ("CT-2", 4)]
    assert any("sheet 'Sheet1', row 2 is the template's example" in note for note in layout.notes)
