"""eBay File Exchange and Seller Hub CSV: the first column is ``Action(SiteID=US|...|CC=UTF-8)``.

The file is read as delimited text (:mod:`compliance.inputs.csv_text`: its ``#INFO`` lines passed
over, its line numbers, its unreadable rows); what eBay's layout adds:

- ``CC=`` in the Action column names the file's charset (File Exchange templates say
  ``CC=ISO-8859-1``); the file is read in it unless the seller named an encoding, or the file is
  in fact UTF-8 (Excel saves the template as UTF-8 and leaves the Action text as it was);
- item specifics (``C:Character``, ``C:Franchise``, ``C:Theme`` ...) other than ``C:Brand``, the
  brand, are listing text too: a character named there is another company's mark as it is in the
  title. They come as one more column, "Name: value" joined with "; ";
- File Exchange variation rows (``Relationship`` = ``Variation``, no Action, no title) belong to
  the listing above them and take its text.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from .base import HEAD_BYTES, ParentLink, ReadOptions, Record, Table, read_head
from .csv_text import READER as CSV_TEXT

# The Action column's header: "Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8)",
# with a required mark ("*Action(...)") in File Exchange templates, quoted or not.
_ACTION = re.compile(rb'^(?:\xef\xbb\xbf)?"?\*?\s*Action\(([^)\r\n]*)\)', re.MULTILINE | re.IGNORECASE)
SPECIFICS = "item specifics (C: columns)"  # its header key is the field item_specifics
LISTING_NUMBER = "listing (its Action row)"  # names the listing a variation row belongs to
VARIATIONS = ParentLink(LISTING_NUMBER, ((LISTING_NUMBER, ""),))


def action_settings(head: bytes) -> dict[str, str] | None:
    """The Action header's settings (``{"SiteID": "US", "CC": "UTF-8", ...}``), or None without one."""
    found = _ACTION.search(head[:HEAD_BYTES])
    if found is None:
        return None
    parts = found.group(1).decode("ascii", "replace").split("|")
    return {k.strip(): v.strip() for k, _, v in (p.partition("=") for p in parts) if k.strip()}


def _is_utf8_text(head: bytes) -> bool:
    """The head has bytes beyond ASCII and they are UTF-8 (a character cut at the end is allowed)."""
    if head.isascii():
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def file_charset(declared: str, head: bytes) -> tuple[str | None, str | None]:
    """The charset to read in for ``CC=declared`` (None: UTF-8) and a note for the seller, if any."""
    if not declared:
        return None, None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None, f"the Action column names CC={declared}, a charset listguard does not know: read as UTF-8"
    if name == "utf-8":
        return None, None
    if _is_utf8_text(head):
        return None, (f"the Action column names CC={declared}, but the file is UTF-8 text (as Excel saves "
                      f"it): read as UTF-8")
    return name, None


def _specific_name(header: str) -> str | None:
    """``" C:Character"`` -> ``"Character"``; None for a column that is no item specific."""
    text = header.strip().lstrip("*").strip()
    return text[2:].strip() if text[:2].upper() == "C:" and text[2:].strip() else None


class EbayCsv:
    name = "ebay"
    description = "eBay File Exchange or Seller Hub CSV (Action(...|CC=charset) column, C: item specifics)"

    def sniff(self, head: bytes, path: Path) -> bool:
        return action_settings(head) is not None

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        head = read_head(path)
        notes = []
        if options.encoding is None:
            charset, note = file_charset((action_settings(head) or {}).get("CC", ""), head)
            options = replace(options, encoding=charset)
            notes += [note] if note else []
        table = CSV_TEXT.open(path, options, progress)
        specifics = [(i, name) for i, h in enumerate(table.header)
                     for name in [_specific_name(h)] if name and name.lower() != "brand"]
        width = len(table.header)
        header = table.header + [SPECIFICS, LISTING_NUMBER]

        def records(columns: dict[str, int]) -> Iterator[Record]:
            # The item specifics are read as text, so their bytes are checked like the fields'.
            watched = {**columns, **{f"C:{name}": i for i, name in specifics}}
            watched = {k: i for k, i in watched.items() if i < width}
            return _with_specifics(table.records(watched), width, specifics, _column(table.header, "action"),
                                   _column(table.header, "relationship"), columns.get("brand"))

        return replace(table, layout=self.name, header=header, records=records, parent=VARIATIONS,
                       notes=table.notes + notes)


def _column(header: list[str], name: str) -> int | None:
    """The column whose header starts with ``name`` ("Action(SiteID=...)", "*Relationship")."""
    return next((i for i, h in enumerate(header) if h.strip().lstrip("*").strip().lower().startswith(name)), None)


def _cell(cells: list[str], i: int | None) -> str:
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _with_specifics(records: Iterator[Record], width: int, specifics: list[tuple[int, str]], action: int | None,
                    relationship: int | None, brand: int | None) -> Iterator[Record]:
    """Each record with its item specifics as one cell and the number of the listing it belongs to:
    its own for a row with an Action, the one above for a variation row."""
    listing = 0
    for record in records:
        if record.error is not None:
            yield record
            continue
        cells = record.cells[:width] + [""] * (width - len(record.cells))
        if _cell(cells, action) or not _cell(cells, relationship):
            listing += 1
        text = "; ".join(f"{name}: {cells[i].strip()}" for i, name in specifics if i != brand and cells[i].strip())
        yield Record(cells + [text, str(listing)], record.where)


READER = EbayCsv()
