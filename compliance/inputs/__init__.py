"""Input layouts: one module for each kind of file sellers export.

Each module gives a :class:`~compliance.inputs.base.LayoutReader`; :data:`LAYOUTS` lists them in
the order they are asked whether a file is theirs (``sniff`` on its first bytes), most particular
first: plain delimited text reads anything and comes last. ``--input-format NAME`` skips the
asking. Adding a layout is a module here and a line in :data:`LAYOUTS`.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, UsageError
from . import amazon_text, csv_text, ebay, google_feed, json_records, woocommerce, xlsx
from .base import LayoutReader, ParentLink, ReadOptions, Record, Table, Where, read_head

LAYOUTS: tuple[LayoutReader, ...] = (
    xlsx.READER,
    google_feed.READER,
    json_records.JSON_LINES,
    json_records.JSON_DOCUMENT,
    ebay.READER,
    google_feed.TSV_READER,  # before Amazon's: its lower-case field names read as an Amazon field row too
    amazon_text.READER,
    woocommerce.READER,
    csv_text.READER,
)

__all__ = ["LAYOUTS", "LayoutReader", "ParentLink", "ReadOptions", "Record", "Table", "Where", "open_table",
           "layout_names"]


def layout_names() -> list[str]:
    return [reader.name for reader in LAYOUTS]


def _named(name: str) -> LayoutReader:
    for reader in LAYOUTS:
        if reader.name == name:
            return reader
    raise UsageError(f"--input-format {name}: no such layout; layouts are {', '.join(layout_names())}")


def open_table(path: Path, options: ReadOptions, progress=None) -> Table:
    """Read ``path`` with the layout the seller named, or with the first that knows its content."""
    if path.is_dir():
        raise InputError("is a folder; give a catalog file", path)
    if options.input_format:
        return _named(options.input_format).open(path, options, progress)
    head = read_head(path)
    reader = next(r for r in LAYOUTS if r.sniff(head, path))
    return reader.open(path, options, progress)
