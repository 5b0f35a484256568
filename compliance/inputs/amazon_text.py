"""Amazon inventory flat files and category listing templates saved as text.

Seller Central's inventory files and a Template sheet saved as "Text (Tab delimited)" start with
the template's settings row (``TemplateType=fptcustom``) and its labels in the seller's language,
or directly with the field names (``item_sku``, ``item_name``, ``bullet_point1``, or the new
``contribution_sku#1.value``); the field names are the header (see :mod:`.amazon`). The text is
decoded (in the encoding found or named), cut into rows and numbered by line exactly as
:mod:`.csv_text` does it.
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..errors import InputError
from . import amazon, csv_text
from .base import ReadOptions, Table, Where


class _Rereading(csv_text.LineCounter):
    """The CSV reader's line counter, able to put one line back: a row below the field names is
    looked at to know whether it is the template's example before the records are read."""

    def put_back(self, text: str) -> None:
        self.ahead.appendleft(text)
        self.line -= 1


def _cells(line: str, delimiter: str | None) -> list[str]:
    """One line's cells; without a delimiter, the most frequent one in it (the rows above the field
    names are not the data, and asking every text file this should stay cheap)."""
    if delimiter is None:
        delimiter = max(csv_text.DELIMITERS, key=line.count)
    return next(csv.reader([line], delimiter=delimiter), [])


class AmazonText:
    name = "amazon-text"
    description = "Amazon inventory flat file or listing template saved as text (tab-delimited or CSV)"

    def sniff(self, head: bytes, path: Path) -> bool:
        text = head.decode("utf-8", "replace").lstrip("\ufeff")
        first = next((line for line in text.splitlines() if line.strip()), "")
        cells = _cells(first, None)
        return amazon.is_settings_row(cells) or amazon.is_field_row(cells)

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        encoding = csv_text.encoding_of(path, options)
        counter = _Rereading(csv_text.open_text(path, encoding))
        lines = _preamble(counter)
        if not lines:
            raise InputError("the catalog is empty; it needs the template's field names and one row per listing",
                             path, 1)
        delimiter = csv_text.chosen_delimiter(options.delimiter) if options.delimiter else \
            csv_text.sniff_delimiter(lines[-1][1])  # the field names' line
        rows = [_cells(line, delimiter) for _, line in lines]
        numbers = [number for number, _ in lines]
        template = amazon.find_template(rows, numbers)
        if template is None:
            raise InputError(f"no row of Amazon field names (item_sku, item_name, ... or contribution_sku#1.value) "
                             f"in the first {len(lines)} rows; download the template again, or read the file as "
                             f"plain text with --input-format csv", path, numbers[0])
        header = template.header
        notes = [encoding.note] if encoding.note else []
        notes.append(f"Amazon listing template: field names read from line {numbers[template.field_row]}")
        passed = _pass_template_rows(counter, delimiter, template)
        if passed:
            notes.append(amazon.skipped_note([f"line {n}" for n in passed]))
        shape = csv_text.Shape(delimiter, header, encoding.name)
        return Table(self.name, header, Where(numbers[template.field_row]),
                     lambda columns: csv_text.rows_of(counter, shape, columns, progress), delimiter=delimiter,
                     encoding=encoding.name, notes=notes)


READER = AmazonText()


def _preamble(counter: _Rereading) -> list[tuple[int, str]]:
    """The lines up to the field names (settings, groups, labels), blank ones left out."""
    found: list[tuple[int, str]] = []
    for line in counter:
        if not line.strip():
            continue
        found.append((counter.line, line))
        cells = _cells(line, None)
        if amazon.is_field_row(cells) or len(found) >= amazon.PREAMBLE_ROWS or \
                len(found) == 1 and not amazon.is_settings_row(cells):
            break
    return found


def _pass_template_rows(counter: _Rereading, delimiter: str, template: amazon.TemplateRows) -> list[int]:
    """Read past the template's own rows below the field names; the first listing's line is put back."""
    passed: list[int] = []
    for line in counter:
        if not line.strip():
            continue
        if not amazon.template_row(_cells(line, delimiter), counter.line, template):
            counter.put_back(line)
            break
        passed.append(counter.line)
    return passed
