"""Reading catalogs: delimiters, BOM, column names, HTML, and rows that cannot be read."""
import json

import pytest

from compliance.catalog import read_catalog
from compliance.errors import InputError, UsageError

from .conftest import FIXTURES


def write(tmp_path, text, name="catalog.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def listings(path, mapping=None):
    layout, rows = read_catalog(path, mapping)
    return layout, list(rows)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_sniffed(tmp_path, delimiter):
    text = delimiter.join(["sku", "title", "price"]) + "\n" + delimiter.join(["A1", "Red mug, large", "9.99"]) + "\n"
    if delimiter == ",":
        text = 'sku,title,price\nA1,"Red mug, large",9.99\n'
    layout, rows = listings(write(tmp_path, text))
    assert layout.delimiter == delimiter
    assert rows[0].id == "A1" and rows[0].title == "Red mug, large"


def test_bom_and_usual_column_names(tmp_path):
    path = write(tmp_path, "\ufeffItem_ID,Product_Name,Body (HTML),Vendor,Product Category\n"
                           "X9,Mug,<p>Nice</p>,Acme,Home\n")
    layout, rows = listings(path)
    assert set(layout.columns) == {"id", "title", "description", "brand", "category"}
    assert rows[0].id == "X9" and rows[0].brand == "Acme"
    assert rows[0].fields["description"].text.strip() == "Nice"


def test_missing_title_column_names_the_columns_found(tmp_path):
    with pytest.raises(UsageError) as exc:
        read_catalog(write(tmp_path, "sku,headline,price\nA,b,1\n"))
    assert "no title column" in str(exc.value) and "sku, headline, price" in str(exc.value)


def test_map_overrides_and_validates(tmp_path):
    path = write(tmp_path, "sku,headline\nA,Red mug\n")
    _, rows = listings(path, {"title": "headline"})
    assert rows[0].title == "Red mug"
    with pytest.raises(UsageError, match="has no column 'nope'"):
        read_catalog(path, {"title": "nope"})
    with pytest.raises(UsageError, match="unknown field 'colour'"):
        read_catalog(path, {"colour": "headline"})


def test_bad_rows_become_error_listings_and_the_run_goes_on(tmp_path):
    # UTF-8 (its accents say so) with one byte pasted from elsewhere: that row is an error, not the file
    raw = b"sku,title\nA,Good caf\xc3\xa9 mug\nB,Bad \xff bytes\nC,too,many,fields\nD,Cr\xc3\xa8me again\n"
    _, rows = listings(write(tmp_path, raw))
    assert [r.id for r in rows] == ["A", "B", "C", "D"]
    assert rows[0].error is None and rows[3].error is None
    assert "line 3, column 2 (title)" in rows[1].error and "not utf-8" in rows[1].error
    assert "line 4" in rows[2].error and "4 fields but the header has 2" in rows[2].error


def test_unclosed_quote_is_reported_on_its_row(tmp_path):
    _, rows = listings(write(tmp_path, 'sku,title\nA,"Open quote mug\nB,Next\nC,Last\n'))
    assert len(rows) == 1 and rows[0].error and "never closed" in rows[0].error


def test_row_numbers_and_lines(tmp_path):
    _, rows = listings(write(tmp_path, 'sku,title,description\nA,Mug,"two\nlines"\n\nB,Cup,x\n'))
    assert [(r.row, r.line) for r in rows] == [(1, 2), (2, 5)]


def test_missing_id_gets_a_row_id(tmp_path):
    _, rows = listings(write(tmp_path, "title\nMug\n"))
    assert rows[0].id == "row-1"


def test_shopify_variant_rows_inherit_the_product_text():
    _, rows = listings(FIXTURES / "shopify_product_template.csv")
    product, variant = rows[0], rows[1]
    assert variant.title == product.title and variant.variant_of == product.id
    assert variant.id != product.id


def test_ebay_seller_hub_template_skips_info_lines(tmp_path):
    header = (FIXTURES / "ebay_draft_listings_template_US_shoes_header.csv").read_text("utf-8")
    text = header.rstrip("\n") + "\nDraft,SHOE-1,15709,Canvas Sneakers,,39.99,1,,1000,Soft canvas,FixedPrice,Zonsan\n"
    layout, rows = listings(write(tmp_path, text))
    assert layout.header_line == 5
    assert (rows[0].id, rows[0].title, rows[0].brand) == ("SHOE-1", "Canvas Sneakers", "Zonsan")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot open"):
        read_catalog(tmp_path / "nope.csv")


def test_empty_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="empty"):
        read_catalog(write(tmp_path, ""))


@pytest.mark.parametrize("header, field, column", [
    ("sku,Product_Brand,Product Title", "brand", "Product_Brand"),
    ("sku,Brand Name,Title", "brand", "Brand Name"),
    ("Artikelnummer,Titel,Marke", "brand", "Marke"),
    ("sku,nombre,marca", "brand", "marca"),
    ("sku,titre,marque", "brand", "marque"),
    ("артикул,название,бренд", "brand", "бренд"),
    ("货号,商品名称,品牌", "brand", "品牌"),
    ("*Title,C:Brand", "brand", "C:Brand"),
    ("sku|title|price (EUR, incl. VAT)", "price", "price (EUR, incl. VAT)"),
    ("артикул,название,бренд", "title", "название"),
    ("sku,Item_Title,brand", "title", "Item_Title"),
])
def test_headers_are_recognised_in_the_sellers_words(tmp_path, header, field, column):
    path = tmp_path / "c.csv"
    cells = header.split("|") if "|" in header else header.split(",")
    path.write_text(",".join(f'"{c}"' for c in cells) + "\n" + ",".join("x" for _ in cells) + "\n", encoding="utf-8")
    layout, _ = read_catalog(path)
    assert layout.column_names()[field] == column


def test_an_exact_name_wins_over_a_qualified_one(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("sku,product brand,brand,title\n1,a,b,c\n", encoding="utf-8")
    layout, _ = read_catalog(path)
    assert layout.column_names()["brand"] == "brand"


def test_a_column_that_only_contains_a_field_word_is_not_that_field(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("sku,title,brand safety score,option1 name\n1,a,b,c\n", encoding="utf-8")
    layout, _ = read_catalog(path)
    assert "brand" not in layout.column_names() and not layout.has_brand


def test_the_layout_can_be_named_and_a_wrong_name_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from cli import main

    path = write(tmp_path, "sku,title\nA1,Plain mug\n")
    result = CliRunner().invoke(main, ["check", str(path), "--input-format", "csv", "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["input_format"] == "csv" and report["encoding"] == "utf-8"
    assert f"read {path} as csv (utf-8)" in result.stderr
    wrong = CliRunner().invoke(main, ["check", str(path), "--input-format", "parquet"])
    assert wrong.exit_code == 2 and "parquet" in wrong.output
