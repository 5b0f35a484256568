"""The contract every input layout keeps: a header and the records in file order.

A layout (CSV text, an Excel workbook, a marketplace template, a feed) only finds the header and
cuts the file into records; which column is the title, the brand or the id is decided once for
all layouts by :func:`compliance.catalog.resolve_columns`, and :mod:`compliance.catalog` turns the
records into listings. A record that cannot be read comes back with ``error`` set and its place,
so the report still shows it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

from ..errors import InputError

# Bytes a layout may look at to say whether a file is written its way.
HEAD_BYTES = 65_536


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The file's first ``size`` bytes, or an input error a seller can act on."""
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise InputError(f"cannot open the catalog ({exc.strerror}); check the path", path) from None


@dataclass(frozen=True)
class ReadOptions:
    """How the seller asked for the catalog to be read; anything left None is found from the content."""

    mapping: dict[str, str] = field(default_factory=dict)  # --map FIELD=COLUMN
    input_format: str | None = None  # --input-format: a layout's name
    encoding: str | None = None  # --encoding
    delimiter: str | None = None  # --delimiter
    sheet: str | None = None  # --sheet, for workbooks


@dataclass(frozen=True)
class Where:
    """Where a record sits in its file: ``line`` is the text line (or sheet row) it starts on, which
    SARIF regions and annotations point at; ``place`` says it in an error message's words
    ("line 12", "sheet 'Template', row 12", "item 3, line 40")."""

    line: int
    end_line: int = 0
    place: str = ""

    def __str__(self) -> str:
        return self.place or f"line {self.line}"


@dataclass
class Record:
    """One record's cells in header order, or why it could not be read."""

    cells: list[str]
    where: Where
    error: str | None = None


@dataclass(frozen=True)
class ParentLink:
    """How a layout's variation rows name their product: a record with no title whose ``column``
    cell holds a name a product read before it goes by takes that product's text. A product goes by
    each of its ``names`` cells, ``(column, prefix)``: Shopify's variants repeat the product's
    Handle; WooCommerce's name their parent as "id:123" or by its SKU. Columns are header names."""

    column: str
    names: tuple[tuple[str, str], ...]


@dataclass
class Table:
    """A catalog as a layout read it. ``records`` is called once, with the column each field was
    found in (a layout may check those columns more closely than the rest), and streams."""

    layout: str
    header: list[str]
    header_where: Where
    records: Callable[[dict[str, int]], Iterator[Record]]
    delimiter: str | None = None
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    parent: ParentLink | None = None  # how variation rows name their product, where the layout has them
    # Field -> header of the column the layout knows holds it; the seller's --map still wins.
    fields: dict[str, str] = field(default_factory=dict)


class LayoutReader(Protocol):
    """One input layout: ``sniff`` says from the file's first bytes whether it is written this way;
    ``open`` reads it (raising :class:`compliance.errors.InputError` for a file it cannot read at all)."""

    name: str
    description: str

    def sniff(self, head: bytes, path: Path) -> bool: ...

    def open(self, path: Path, options: ReadOptions, progress: Callable[[int], None] | None) -> Table: ...
