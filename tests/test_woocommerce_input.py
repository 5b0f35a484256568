"""WooCommerce product CSV export: fields in the shop's words, attributes as text, variations."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from cli import main
from compliance.catalog import read_catalog
from compliance.inputs.woocommerce import READER, first_category

# WooCommerce's export header (Products > Export, all columns), as it writes it.
HEADER = ["ID", "Type", "SKU", "Name", "Published", "Is featured?", "Visibility in catalog", "Short description",
          "Description", "Date sale price starts", "Date sale price ends", "Tax status", "Tax class", "In stock?",
          "Stock", "Low stock amount", "Backorders allowed?", "Sold individually?", "Weight (kg)", "Length (cm)",
          "Width (cm)", "Height (cm)", "Allow customer reviews?", "Purchase note", "Sale price", "Regular price",
          "Categories", "Tags", "Shipping class", "Images", "Download limit", "Download expiry days", "Parent",
          "Grouped products", "Upsells", "Cross-sells", "External URL", "Button text", "Position", "Brands",
          "Attribute 1 name", "Attribute 1 value(s)", "Attribute 1 visible", "Attribute 1 global",
          "Attribute 2 name", "Attribute 2 value(s)", "Attribute 2 visible", "Attribute 2 global"]


def row(**values):
    named = {"Published": "1", "Visibility in catalog": "visible", "In stock?": "1", **values}
    return [named.get(h.replace(" ", "_").replace("?", "").replace("(", "").replace(")", ""), named.get(h, ""))
            for h in HEADER]


def export(tmp_path, rows, header=HEADER):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "wc-product-export.csv"
    path.write_bytes(out.getvalue().encode("utf-8-sig"))  # WooCommerce writes a BOM
    return path


HOODIE = dict(ID="101", Type="variable", SKU="woo-hoodie", Name="Hoodie with Pocket",
              Short_description="<p>Warm cotton hoodie</p>", Description="<p>Soft fleece inside.</p>",
              Categories="Clothing > Hoodies, Sale", Tags="hoodie, winter", Regular_price="",
              **{"Attribute 1 name": "Color", "Attribute 1 value(s)": "Red, Blue",
                 "Attribute 2 name": "Brand", "Attribute 2 value(s)": "Northfold"})
RED = dict(ID="102", Type="variation", SKU="woo-hoodie-red", Name="", Parent="woo-hoodie", Regular_price="45",
           **{"Attribute 1 name": "Color", "Attribute 1 value(s)": "Red"})
BLUE = dict(ID="103", Type="variation", SKU="", Name="", Parent="id:101", Regular_price="45",
            **{"Attribute 1 name": "Color", "Attribute 1 value(s)": "Blue"})
MUG = dict(ID="110", Type="simple", SKU="", Name="Ceramic Mug", Description="White mug", Regular_price="9",
           Categories="Kitchen > Mugs \\, Cups", Brands="Potterly")


def test_the_export_is_found_from_its_header(tmp_path):
    path = export(tmp_path, [row(**MUG)])
    assert READER.sniff(path.read_bytes(), path)
    assert not READER.sniff(b"id,type,sku,name\n1,simple,A1,Mug\n", path)
    assert not READER.sniff(b"sku,title,price\nA1,Mug,9\n", path)


def test_fields_ids_categories_brands_and_attributes(tmp_path):
    layout, stream = read_catalog(export(tmp_path, [row(**HOODIE), row(**RED), row(**BLUE), row(**MUG)]))
    hoodie, red, blue, mug = list(stream)
    assert layout.input_format == "woocommerce"
    assert layout.column_names()["title"] == "Name" and layout.column_names()["bullet_point1"] == "Short description"
    assert layout.column_names()["price"] == "Regular price"
    assert [x.id for x in (hoodie, red, blue, mug)] == ["woo-hoodie", "woo-hoodie-red", "id:103", "id:110"]
    assert [x.line for x in (hoodie, red, blue, mug)] == [2, 3, 4, 5]
    assert hoodie.title == "Hoodie with Pocket" and hoodie.fields["bullet_point1"].text.strip() == "Warm cotton hoodie"
    assert hoodie.category == "Hoodies" and hoodie.brand == "Northfold"
    assert hoodie.fields["tags"].raw == "hoodie, winter"
    assert hoodie.fields["item_specifics"].raw == "Color: Red, Blue"  # the Brand attribute is the brand
    assert mug.brand == "Potterly" and mug.category == "Mugs , Cups" and mug.price == "9"


def test_variation_rows_inherit_their_parents_text_by_sku_or_id(tmp_path):
    _, stream = read_catalog(export(tmp_path, [row(**HOODIE), row(**MUG), row(**RED), row(**BLUE)]))
    hoodie, mug, red, blue = list(stream)
    for variation in (red, blue):
        assert variation.variant_of == "woo-hoodie" and variation.title == hoodie.title
        assert variation.brand == "Northfold" and variation.category == "Hoodies"
    assert red.price == "45" and mug.variant_of is None


def test_a_variation_whose_parent_was_not_read_keeps_its_own_row(tmp_path):
    _, stream = read_catalog(export(tmp_path, [row(**RED), row(**MUG)]))
    red, mug = list(stream)
    assert red.variant_of is None and red.title == "" and red.error is None


@pytest.mark.parametrize("categories, first", [
    ("Clothing > Hoodies, Sale", "Hoodies"), ("Sale", "Sale"), ("", ""),
    ("Kitchen > Mugs \\, Cups > Large, Gifts", "Large"),
])
def test_the_category_is_the_last_level_of_the_first_path(categories, first):
    assert first_category(categories) == first


def test_a_franchise_in_an_attribute_fails_like_one_in_the_name(tmp_path):
    clean = dict(ID="1", Type="simple", SKU="TEE-1", Name="Kids Cotton T-Shirt", Description="Soft cotton",
                 Regular_price="12", **{"Attribute 1 name": "Size", "Attribute 1 value(s)": "S, M"})
    themed = {**clean, "ID": "2", "SKU": "TEE-2", "Attribute 2 name": "Character",
              "Attribute 2 value(s)": "Mickey Mouse"}
    titled = {**clean, "ID": "3", "SKU": "TEE-3", "Name": "Kids Cotton T-Shirt Mickey Mouse"}
    variation = dict(ID="4", Type="variation", SKU="TEE-2-S", Name="", Parent="TEE-2", Regular_price="12")
    path = export(tmp_path, [row(**clean), row(**themed), row(**titled), row(**variation)])
    result = CliRunner().invoke(main, ["check", str(path), "-p", "ebay:US", "-f", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["input_format"] == "woocommerce"
    verdicts = [(x["id"], x["verdicts"]["ebay:US"]) for x in report["listings"]]
    assert verdicts == [("TEE-1", "pass"), ("TEE-2", "fail"), ("TEE-3", "fail"), ("TEE-2-S", "fail")]
    found = [f for f in report["listings"][1]["findings"] if f["rule"] == "TM001"]
    assert found and found[0]["field"] == "item_specifics" and found[0]["text"] == "Mickey Mouse"


def test_an_unreadable_row_is_reported_in_its_place(tmp_path):
    path = export(tmp_path, [row(**MUG)])
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('111,simple,BROKEN,"Never closed,,\n')
    _, stream = read_catalog(path)
    mug, broken = list(stream)
    assert mug.error is None and broken.error and "line 3" in broken.error
