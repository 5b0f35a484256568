"""Google Merchant Center feeds: XML (RSS 2.0 ``<item>`` or Atom ``<entry>``, with the ``g:``
namespace) and the tab-separated file with a header (id, title, description, ...).

The XML is read with defusedxml, so a feed that declares entities (the "billion laughs" that
expand to gigabytes, or one that reads a file or a URL into the text) is refused before any of it
is used. It is streamed: each item is handed on and then dropped, so memory stays the same
whatever the feed's size. An item's place is "item N, line L", the line its start tag is on. XML
that breaks off (a tag never closed, a stray ``&``) stops the reading there: every item before it
is reported, then one ``error`` record names the line and column, since nothing after it can be
read with certainty.
"""
from __future__ import annotations

import csv
import re
from collections import deque
from dataclasses import replace
from pathlib import Path
from typing import IO, Iterator
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, iterparse

from ..errors import InputError
from .base import ReadOptions, Record, Table, Where, read_head
from .csv_text import READER as CSV_TEXT

G = "{http://base.google.com/ns/1.0}"
ATOM = "{http://www.w3.org/2005/Atom}"
ITEMS = ("item", ATOM + "entry")  # RSS 2.0 items, Atom entries
HEADER = ["id", "title", "description", "brand", "category", "price"]

# Element -> (column, rank): where an item has several for a column, the lowest rank is read:
# Google's own g: element before the RSS or Atom one, a category path before a category number.
_READ_AS = {
    G + "id": ("id", 0), "id": ("id", 1), ATOM + "id": ("id", 1),
    G + "title": ("title", 0), "title": ("title", 1), ATOM + "title": ("title", 1),
    G + "description": ("description", 0), "description": ("description", 1), ATOM + "summary": ("description", 2),
    ATOM + "content": ("description", 3),
    G + "brand": ("brand", 0),
    G + "google_product_category": ("category", 0), G + "product_type": ("category", 1),
    G + "price": ("price", 0), "price": ("price", 1),
}
_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed)[\s>]")
_DECLARED = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']""")


def _refused(exc: DefusedXmlException) -> str:
    if isinstance(exc, EntitiesForbidden):
        what = f"declares the entity '{exc.name}'" + (f" (reading {exc.sysid})" if exc.sysid else "")
    elif isinstance(exc, ExternalReferenceForbidden):
        what = f"refers to {exc.sysid} outside the file"
    else:
        what = f"declares what a feed should not ({exc})"
    return (f"the feed {what}: a product feed needs no entities, and a declared one can expand to gigabytes "
            f"or read a file or address into the text, so the feed is not read; remove the <!DOCTYPE ...> part "
            f"and check again")


class _ItemLines(TreeBuilder):
    """Notes the line each item's start tag is on, while the parser is there (the events of
    iterparse come a chunk later, when the parser has moved on)."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.starts: deque[int] = deque()

    def start(self, tag, attrs):
        if tag in ITEMS and self.parser is not None:
            self.starts.append(self.parser.parser.CurrentLineNumber)
        return super().start(tag, attrs)


class GoogleFeed:
    name = "google-feed"
    description = "Google Merchant Center XML feed (RSS 2.0 <item> or Atom <entry>, g: namespace)"

    def sniff(self, head: bytes, path: Path) -> bool:
        return bool(_ROOT.search(head)) and b"base.google.com/ns/1.0" in head

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        head = read_head(path)
        declared = _DECLARED.search(head)
        _refuse_declarations(head, path)
        encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        return Table(self.name, list(HEADER), Where(1, place="the feed's items"),
                     lambda columns: _items(path, progress), encoding=encoding)


def _refuse_declarations(head: bytes, path: Path) -> None:
    """Refuse a feed whose prolog declares entities before reading any item (a DOCTYPE past the
    first bytes is refused when the reading gets there)."""
    parser = DefusedXMLParser(target=TreeBuilder())
    try:
        parser.feed(head)
    except DefusedXmlException as exc:
        raise InputError(_refused(exc), path, parser.parser.CurrentLineNumber) from None
    except ParseError:
        pass  # reported in its place, after the items before it


def _items(path: Path, progress) -> Iterator[Record]:
    builder = _ItemLines()
    parser = DefusedXMLParser(target=builder)
    builder.parser = parser
    count = 0
    with open(path, "rb") as handle:
        try:
            for record in _item_records(handle, parser, builder):
                count += 1
                if progress is not None:
                    progress(handle.tell())
                yield record
        except DefusedXmlException as exc:
            raise InputError(_refused(exc), path, parser.parser.CurrentLineNumber) from None
        except ParseError as exc:
            line, column = exc.position
            reason = re.sub(r"^not well-formed \((.*)\)$", r"\1", str(exc).split(":")[0])
            yield Record([], Where(line, place=f"line {line}, column {column + 1}"),
                         f"line {line}, column {column + 1}: the feed is not well-formed XML ({reason}); the "
                         f"{count} item(s) before it were read, nothing after it can be: fix the XML there and "
                         f"check again")


def _item_records(handle: IO[bytes], parser: DefusedXMLParser, builder: _ItemLines) -> Iterator[Record]:
    open_elements: list[Element] = []
    number = 0
    for event, element in iterparse(handle, events=("start", "end"), parser=parser):
        if event == "start":
            open_elements.append(element)
            continue
        open_elements.pop()
        if element.tag not in ITEMS:
            continue
        number += 1
        line = builder.starts.popleft() if builder.starts else 0
        yield Record(_cells(element), Where(line, place=f"item {number}, line {line}"))
        element.clear()  # the item is handed on: let it go, and its place in the channel too
        if open_elements:
            open_elements[-1].remove(element)


def _cells(item: Element) -> list[str]:
    best: dict[str, tuple[int, str]] = {}
    for child in item:
        column, rank = _READ_AS.get(child.tag, ("", 0))
        if not column:
            continue
        text = "".join(child.itertext()).strip()
        if column == "category" and text.isdigit():
            rank += 2  # a taxonomy number says less than a path; kept when there is nothing else
        if text and (column not in best or rank < best[column][0]):
            best[column] = (rank, text)
    return [best[c][1] if c in best else "" for c in HEADER]


# Merchant Center's tab-separated feed: its header has "id" and "title" and one of these.
TSV_MARKS = {"google_product_category", "gtin", "mpn", "availability"}


class GoogleTsv:
    name = "google-tsv"
    description = "Google Merchant Center tab-separated feed (id, title, description, ... google_product_category)"

    def sniff(self, head: bytes, path: Path) -> bool:
        lines = head.decode("utf-8-sig", "replace").splitlines()
        if not lines or "\t" not in lines[0]:
            return False
        names = {c.strip().lower().replace(" ", "_") for c in next(csv.reader(lines[:1], delimiter="\t"), [])}
        return {"id", "title"} <= names and bool(TSV_MARKS & names)

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        return replace(CSV_TEXT.open(path, options, progress), layout=self.name)


READER = GoogleFeed()
TSV_READER = GoogleTsv()
