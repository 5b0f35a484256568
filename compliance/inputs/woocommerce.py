"""WooCommerce's product CSV export: ID, Type, SKU, Name, Published, Short description, ...

The file is read as delimited text (:mod:`compliance.inputs.csv_text`); what WooCommerce's layout
adds is where each field is, in the shop's own words:

- Name is the title, Description the description, Short description is checked as the first
  bullet point (it is the text shown beside the product's picture), Tags the tags;
- the category is the last level of the first path in Categories ("Clothing > Hoodies, Sale");
- the brand is the Brands column, or else an attribute named Brand (Marke, Marca, Marque);
- the other attributes ("Attribute 1 name" / "Attribute 1 value(s)" ...) are listing text, as
  "Name: value" joined with "; ", like eBay's item specifics;
- a variation row with no Name takes the text of its parent, which its Parent cell names as
  "id:123" or by the parent's SKU.

The extra fields come as extra columns after the export's own, so the report names them.
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from .base import ParentLink, ReadOptions, Record, Table
from .csv_text import READER as CSV_TEXT

# An export's first line has these (WooCommerce's own header names, in English) ...
REQUIRED = {"id", "type", "sku", "name"}
# ... and at least one of these, which a plain "id,type,sku,name" catalog would not.
PARTICULAR = {"published", "short description", "attribute 1 name", "parent", "regular price", "is featured?"}
BRAND_ATTRIBUTES = {"brand", "brands", "marke", "marca", "marque"}

ID = "id (SKU, else ID)"
CATEGORY = "category (last level of the first Categories path)"
BRAND = "brand (Brands, else a Brand attribute)"
SPECIFICS = "item specifics (attributes)"  # its header key is the field item_specifics
VARIATIONS = ParentLink("Parent", (("ID", "id:"), ("SKU", "")))

_ATTRIBUTE = re.compile(r"attribute (\d+) (name|value\(s\))")
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")  # WooCommerce writes a comma inside a category name as "\,"


def _key(header: str) -> str:
    return header.strip().lower()


def is_woocommerce_header(cells: list[str]) -> bool:
    keys = {_key(c) for c in cells}
    return REQUIRED <= keys and bool(PARTICULAR & keys)


class WooCommerceCsv:
    name = "woocommerce"
    description = "WooCommerce product CSV export (ID, Type, SKU, Name, ... Attribute 1 name, Parent)"

    def sniff(self, head: bytes, path: Path) -> bool:
        lines = head.decode("utf-8-sig", "replace").splitlines()
        return bool(lines) and is_woocommerce_header(next(csv.reader(lines[:1]), []))

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        table = CSV_TEXT.open(path, options, progress)
        index = {_key(h): i for i, h in reversed(list(enumerate(table.header)))}
        width = len(table.header)
        attributes = _attribute_columns(table.header)
        extra = [ID, CATEGORY, BRAND, SPECIFICS]
        known = {"title": "name", "description": "description", "bullet_point1": "short description", "tags": "tags",
                 "price": "regular price" if "regular price" in index else "sale price"}
        fields = {field: table.header[index[key]] for field, key in known.items() if key in index}
        fields.update(id=ID, category=CATEGORY, brand=BRAND, item_specifics=SPECIFICS)

        def records(columns: dict[str, int]) -> Iterator[Record]:
            watched = {**{k: i for k, i in columns.items() if i < width},
                       **{f"attribute {n}": i for n, (_, i) in enumerate(attributes)}}
            for record in table.records(watched):
                if record.error is not None:
                    yield record
                    continue
                cells = record.cells[:width] + [""] * (width - len(record.cells))
                yield Record(cells + _woo_cells(cells, index, attributes), record.where)

        return replace(table, layout=self.name, header=table.header + extra, records=records, parent=VARIATIONS,
                       fields=fields)


def _attribute_columns(header: list[str]) -> list[tuple[int, int]]:
    """(name column, value column) of each attribute, in the export's order."""
    names: dict[str, int] = {}
    values: dict[str, int] = {}
    for i, h in enumerate(header):
        found = _ATTRIBUTE.fullmatch(_key(h))
        if found:
            (names if found.group(2) == "name" else values)[found.group(1)] = i
    return [(names[n], values[n]) for n in sorted(names, key=int) if n in values]


def _woo_cells(cells: list[str], index: dict[str, int], attributes: list[tuple[int, int]]) -> list[str]:
    """The extra columns' cells: id, category, brand and item specifics."""
    cell = _cells_by_name(cells, index)
    ident = cell("sku") or (f"id:{cell('id')}" if cell("id") else "")
    brand = cell("brands")
    specifics = []
    for name_col, value_col in attributes:
        name, value = cells[name_col].strip(), cells[value_col].strip()
        if not name or not value:
            continue
        if name.lower() in BRAND_ATTRIBUTES:
            brand = brand or value
        else:
            specifics.append(f"{name}: {value}")
    return [ident, first_category(cell("categories")), brand, "; ".join(specifics)]


def _cells_by_name(cells: list[str], index: dict[str, int]):
    def cell(name: str) -> str:
        i = index.get(name)
        return cells[i].strip() if i is not None else ""
    return cell


def first_category(categories: str) -> str:
    """``"Clothing > Hoodies, Sale"`` -> ``"Hoodies"``: the last level of the first path."""
    first = _UNESCAPED_COMMA.split(categories, maxsplit=1)[0]
    return first.split(">")[-1].strip().replace("\\,", ",")


READER = WooCommerceCsv()
