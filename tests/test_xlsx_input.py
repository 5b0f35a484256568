"""Excel workbooks (.xlsx, .xlsm): the sheet read, cells as text, places, refusals (.xls, zip bombs)."""
import datetime as dt
import json
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner

from cli import main
from compliance.catalog import read_catalog
from compliance.errors import InputError
from compliance.inputs import ReadOptions, open_table, xlsx

from .conftest import FIXTURES

BLOCKLIST = str(FIXTURES / "blocklist.csv")


def workbook(path, sheets):
    """Write ``sheets`` ({name: rows}) as a workbook; a row is a list of cell values."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=number, column=column, value=value)
    book.save(path)
    return path


def check(*args):
    return CliRunner().invoke(main, ["check", *map(str, args), "--no-default-blocklists", "--blocklist", BLOCKLIST,
                                     "--as-of", "2026-01-01", "-f", "json"], catch_exceptions=False)


def listings(path, **options):
    layout, rows = read_catalog(path, options=ReadOptions(**options))
    return layout, list(rows)


LISTINGS = [
    ["SKU", "Title", "Brand", "Price", "Added"],
    ["A1", "Stainless Steel Water Bottle", "Trailmate", 12.0, dt.datetime(2024, 3, 1)],
    ["A2", "Running Shoes Nike style", "Stridex", 19.99, None],
    [1003, "Kids Headphones", None, 7, dt.datetime(2024, 3, 1, 10, 30)],
]


def test_first_sheet_is_read_with_cells_as_a_seller_sees_them(tmp_path):
    path = workbook(tmp_path / "catalog.xlsx", {"Listings": [[], *LISTINGS], "Other": [["SKU", "Title"]]})
    layout, rows = listings(path)
    assert layout.input_format == "xlsx"
    assert layout.header_line == 2  # the first row that is not empty
    assert [r.id for r in rows] == ["A1", "A2", "1003"]
    assert [r.fields["title"].raw for r in rows] == [x[1] for x in LISTINGS[1:]]
    assert [r.brand for r in rows] == ["Trailmate", "Stridex", ""]
    assert [r.line for r in rows] == [3, 4, 5]
    table = open_table(path, ReadOptions())
    records = list(table.records({"title": 1}))
    assert [r.cells[3:] for r in records] == [["12", "2024-03-01"], ["19.99", ""], ["7", "2024-03-01 10:30:00"]]
    assert [str(r.where) for r in records] == [f"sheet 'Listings', row {n}" for n in (3, 4, 5)]
    assert str(table.header_where) == "sheet 'Listings', row 2"


@pytest.mark.parametrize("value, text", [
    (None, ""), (12.0, "12"), (-0.0, "0"), (19.99, "19.99"), (0.1 + 0.2, "0.3"), (4006381333931, "4006381333931"),
    (True, "TRUE"), (dt.datetime(2024, 3, 1), "2024-03-01"), (dt.date(2024, 3, 1), "2024-03-01"),
    (dt.datetime(2024, 3, 1, 9, 5, 7), "2024-03-01 09:05:07"), (dt.time(9, 30), "09:30:00"), ("  x ", "  x "),
])
def test_cell_text(value, text):
    assert xlsx.cell_text(value) == text


def test_sheet_option_reads_that_sheet(tmp_path):
    path = workbook(tmp_path / "catalog.xlsx", {"Notes": [["read me"]], "Shop": [["SKU", "Title"], ["S9", "Mug"]]})
    result = check(path, "--sheet", "shop")  # a sheet's name in any case
    assert result.exit_code == 0, result.output
    assert [x["id"] for x in json.loads(result.stdout)["listings"]] == ["S9"]


def test_unknown_sheet_lists_the_sheets_there_are(tmp_path):
    path = workbook(tmp_path / "catalog.xlsx", {"Notes": [["read me"]], "Shop": [["SKU", "Title"]]})
    result = check(path, "--sheet", "Listings")
    assert result.exit_code == 2
    assert "--sheet Listings: the workbook has no such sheet; its sheets are 'Notes', 'Shop'" in result.output


def test_found_from_content_not_the_name(tmp_path):
    path = workbook(tmp_path / "export.csv", {"Sheet1": [["SKU", "Title"], ["Z1", "Garden Hose"]]})
    layout, rows = listings(path)
    assert layout.input_format == "xlsx" and [r.fields["title"].raw for r in rows] == ["Garden Hose"]


def test_a_zip_that_is_no_workbook_is_not_taken_for_one(tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "hello")
    assert not xlsx.READER.sniff(path.read_bytes()[:64], path)
    named = tmp_path / "catalog.xlsx"  # named a workbook: told it is none rather than read as text
    named.write_bytes(path.read_bytes())
    with pytest.raises(InputError, match="catalog.xlsx: is not a readable Excel workbook"):
        listings(named)


def test_error_cell_is_an_error_row_naming_sheet_and_cell(tmp_path):
    rows = [["SKU", "Title", "Weight"], ["A1", "Water Bottle", "#DIV/0!"], ["A2", "#REF!", "1"], ["A3", "Mug", "2"]]
    path = workbook(tmp_path / "catalog.xlsx", {"Template": rows})
    _, read = listings(path)
    assert [(r.id, r.row, r.line) for r in read] == [("A1", 1, 2), ("A2", 2, 3), ("A3", 3, 4)]
    assert [r.error is None for r in read] == [True, False, True]  # an unread column's error is its text
    assert read[1].error.startswith("sheet 'Template', cell B3: the title cell shows the Excel error #REF!")


def test_every_row_reported_in_order_through_the_cli(tmp_path):
    rows = [["SKU", "Title"], *[[f"R{i}", "#N/A" if i == 3 else f"Garden Hose {i}"] for i in range(1, 7)]]
    path = workbook(tmp_path / "catalog.xlsx", {"Sheet": rows})
    report = json.loads(check(path).stdout)
    assert [x["id"] for x in report["listings"]] == [f"R{i}" for i in range(1, 7)]
    assert [x["row"] for x in report["listings"]] == list(range(1, 7))
    assert report["input_format"] == "xlsx"
    assert "cell B4" in report["listings"][2]["error"]


def test_empty_sheet_is_an_input_error(tmp_path):
    path = workbook(tmp_path / "catalog.xlsx", {"Sheet": []})
    with pytest.raises(InputError, match="sheet 'Sheet' is empty"):
        listings(path)


def test_xls_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = check(path)
    assert result.exit_code == 2
    assert "Excel 97-2003 workbook (.xls)" in result.output and "save it as Excel Workbook (.xlsx)" in result.output


def test_damaged_workbook_is_an_input_error(tmp_path):
    path = tmp_path / "catalog.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a readable Excel workbook"):
        listings(path)


def _bomb(path, size):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * size)
    return path


def test_zip_bomb_part_is_refused_before_unpacking(tmp_path):
    path = _bomb(tmp_path / "bomb.xlsx", 8 * 1024**2)  # 8 MB of zeros pack to about 8 KB
    assert xlsx.READER.sniff(path.read_bytes()[:64], path)
    with pytest.raises(InputError, match=r"xl/worksheets/sheet1\.xml would unpack from .* as a zip bomb does"):
        listings(path)


def test_small_parts_may_pack_tightly(tmp_path):
    path = workbook(tmp_path / "catalog.xlsx", {"Sheet": [["SKU", "Title"], *[["A", "Mug"]] * 2000]})
    assert len(listings(path)[1]) == 2000


def test_workbook_unpacking_over_the_limit_is_refused(tmp_path, monkeypatch):
    path = workbook(tmp_path / "catalog.xlsx", {"Sheet": [["SKU", "Title"], ["A1", "Mug"]]})
    monkeypatch.setattr(xlsx, "MAX_UNPACKED", 1024)
    result = check(path)
    assert result.exit_code == 2
    assert "refused to read: the workbook would unpack to" in result.output and "over the 1.0 KB" in result.output
