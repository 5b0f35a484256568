"""Amazon category listing templates, as a workbook's "Template" sheet or saved as text.

Above the listings, a template has a settings row (``TemplateType=fptcustom``, ``Version=...``,
``settings=attributeRow=3&dataRow=4&...``), one or two rows of group names and labels in the
seller's language ("Seller SKU", "Product Name"), and a row of field names: the old flat-file
names (``item_sku``, ``item_name``, ``bullet_point1``) or the new field IDs
(``item_name[marketplace_id=ATVPDKIKX0DER][language_tag=en_US]#1.value``). The field-name row is
the header: its names are the same in every language. The new IDs are shortened to the field's
name (``item_name``, ``bullet_point2``) so :func:`compliance.catalog.resolve_columns` finds them
like any header. Rows between the field names and the first listing are the template's own (an
example row); they are passed over only where the template says so, and the run says which.

This module knows the template's rows; :mod:`.xlsx` and :mod:`.amazon_text` read the cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence
from urllib.parse import parse_qs

# The Template sheet's name in Amazon's templates for each marketplace language.
TEMPLATE_SHEETS = ("Template", "Vorlage", "Modèle", "Modello", "Plantilla", "Sjabloon", "Mall", "Szablon",
                   "テンプレート")
# What the first cell of the template's example row says, per language.
EXAMPLE_MARKERS = ("example", "examples", "beispiel", "exemple", "ejemplo", "esempio", "voorbeeld", "exempel",
                   "przykład", "例", "記入例", "入力例")
# Field names that only a template's field-name row holds: one of them tells it from a label row.
KEY_FIELDS = ("item_sku", "contribution_sku", "feed_product_type", "product_type", "item_name",
              "external_product_id")
# Rows a template may hold above its field names (settings, groups, labels) and below them
# (requirement hints, an example): how far to look for the field names.
PREAMBLE_ROWS = 10

_FIELD_ID = re.compile(r"^:{0,2}[a-z][a-z0-9_.]*(\[[^\]]*\])*(#\d+.*)?$")
_PARTS = re.compile(r"^(?P<base>[^\[#]+)(?:\[[^\]]*\])*(?:#(?P<n>\d+)(?:\.(?P<rest>.*))?)?$")
# Fields that repeat with a number in the old names (bullet_point1 .. bullet_point5).
_NUMBERED = ("bullet_point",)
# A new field ID whose value sits under a part of its own: the seller's price is the offer's our_price.
_PART_NAMES = {"purchasable_offer.our_price": "our_price"}


def is_settings_row(cells: Sequence[str]) -> bool:
    """The template's first row: ``TemplateType=fptcustom``, ``Version=2024.0323``, ``settings=...``.
    ``Version=`` alone is no mark of Amazon's: eBay's ``#INFO`` line has one too."""
    return any("TemplateType=" in c or c.strip().startswith("settings=") for c in cells)


def is_field_row(cells: Sequence[str]) -> bool:
    """A row of field names: nearly all its cells are field names, and one names a listing's key field."""
    names = [c.strip() for c in cells if c.strip()]
    if not names:
        return False
    fields = [n for n in names if _FIELD_ID.match(n)]
    return len(fields) * 5 >= len(names) * 4 and any(_base(n) in KEY_FIELDS for n in fields)


def _base(field_id: str) -> str:
    return re.split(r"[\[#]", field_id, maxsplit=1)[0]


def field_name(field_id: str) -> str:
    """The field's name a header is matched on: ``item_name[marketplace_id=...]#1.value`` is
    ``item_name``, ``bullet_point[...]#3.value`` is ``bullet_point3``, ``brand[...]#1.value`` is
    ``brand``; an old flat-file name stays as it is."""
    text = field_id.strip()
    m = _PARTS.match(text)
    if not m or not _FIELD_ID.match(text):
        return text
    base, n, rest = m["base"], int(m["n"] or 1), m["rest"] or ""
    name = f"{base}{n}" if base in _NUMBERED or n > 1 else base
    part = re.split(r"[#.]", rest, maxsplit=1)[0]
    if part and not part.startswith("value"):
        name = f"{name}.{part}"
    return _PART_NAMES.get(name, name)


def template_settings(cells: Sequence[str]) -> dict[str, str]:
    """The ``settings=`` of a settings row (``attributeRow=3&dataRow=4&labelRow=2...``), as a dict."""
    for cell in cells:
        m = re.search(r"(?:^|\s)settings=(\S+)", cell)
        if m:
            return {k: v[0] for k, v in parse_qs(m.group(1)).items()}
    return {}


def is_example_row(cells: Sequence[str]) -> bool:
    """The template's example row, marked so in its first cell ("Example", "Beispiel", "Ejemplo:")."""
    first = next((c.strip() for c in cells if c.strip()), "")
    return first.rstrip(":：").strip().casefold() in EXAMPLE_MARKERS


@dataclass(frozen=True)
class TemplateRows:
    """Where a template's rows are: ``field_row`` (an index into the rows given to
    :func:`find_template`) holds the field names; listings start at row number ``data_row`` where
    the template's settings say so (None: after the field names, less a clearly marked example)."""

    field_row: int
    header: list[str]
    data_row: int | None


def find_template(rows: Sequence[Sequence[str]], row_numbers: Sequence[int]) -> TemplateRows | None:
    """The template's field-name row among the first rows of a sheet or file (``row_numbers`` are
    their numbers there, 1-based, blank rows left out), or None when these rows are no template."""
    if not rows or not (is_settings_row(rows[0]) or is_field_row(rows[0])):
        return None
    settings = template_settings(rows[0]) if is_settings_row(rows[0]) else {}
    field_row = next((i for i, n in enumerate(row_numbers) if str(n) == settings.get("attributeRow")), None)
    if field_row is None or not is_field_row(rows[field_row]):
        field_row = next((i for i, cells in enumerate(rows) if is_field_row(cells)), None)
    if field_row is None:
        return None
    data_row = settings.get("dataRow", "")
    first_data = int(data_row) if data_row.isdigit() and int(data_row) > row_numbers[field_row] else None
    return TemplateRows(field_row, [field_name(c) for c in rows[field_row]], first_data)


def template_row(cells: Sequence[str], number: int, template: TemplateRows) -> bool:
    """Whether a row below the field names is the template's own rather than a listing: above the
    data row its settings name, or (without one) marked as the example."""
    if template.data_row is not None:
        return number < template.data_row
    return is_example_row(cells)


def skipped_note(rows: Sequence[str]) -> str:
    """What the run says of the template rows it passed over (``rows`` are their places)."""
    return (f"Amazon listing template: {', '.join(rows)} {'is' if len(rows) == 1 else 'are'} the template's "
            f"example, not a listing, and {'was' if len(rows) == 1 else 'were'} not checked; if a listing is "
            f"there, move it below the example")
