"""JSON catalogs: JSON Lines (``jsonl``, one listing object per line) and JSON documents (``json``,
an array of listing objects, or an object holding one such as ``{"products": [...]}``).

Both stream: JSON Lines a line at a time, a document through ijson's event parser fed a line (or
64 KB) at a time, so memory stays flat with the file's size and every record knows its line. The
header is the union of the keys of the first :data:`LOOK_AHEAD` records, in the order first seen;
nested values become text (a list of strings "a, b", an object "key: value" pairs). A record that
cannot be read becomes an error row naming its line (and item, in an array); messages quote at
most :data:`QUOTED` characters of the file, never a whole record.
"""
from __future__ import annotations

import ast
import io
import itertools
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator, cast

import ijson

from ..errors import InputError
from .base import HEAD_BYTES, ReadOptions, Record, Table, Where
from .csv_text import encoding_of, open_text
from .encoding import Encoding, undecoded_at, with_bom

LOOK_AHEAD = 1_000  # records read ahead for the header's keys
QUOTED = 40  # characters of the file an error message may quote
CHUNK = 65_536  # characters fed to the parser at most at once (a minified file is one long line)
NESTING = 20  # levels of a nested value turned into text; deeper ones are cut
# Members of a top-level object that hold the listings even when their first item is not an object.
RECORD_KEYS = ("products", "items", "listings", "offers", "data", "results", "records", "entries", "rows")
_STARTS_ARRAY_OF_OBJECTS = re.compile(r'\s*\[\s*[{\[\]"\-0-9]|\s*\[\s*$')
_OPENS_WRAPPER = re.compile(r'\s*\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\[\s*\{')


def _head_text(head: bytes) -> str:
    marked = with_bom(head)
    return head.decode(marked.codec if marked else "utf-8", errors="ignore")


def _holds_records(value: Any) -> bool:
    return isinstance(value, dict) and any(isinstance(v, list) and v and isinstance(v[0], dict)
                                           for v in value.values())


def is_json_lines(text: str, whole: bool) -> bool:
    """Whether text starting with "{" is JSON Lines rather than one JSON object holding the listings:
    its first line is a whole object and another follows, or it is the only line and holds no list
    of objects. ``whole``: ``text`` is the whole file, not just its first bytes."""
    first, newline, rest = text.lstrip().partition("\n")
    if newline or whole:
        try:
            value = json.loads(first)
        except (ValueError, RecursionError):
            return bool(newline) and rest.lstrip().startswith("{")  # an object spread over lines is a document
        return rest.lstrip().startswith("{") or not _holds_records(value)
    return _OPENS_WRAPPER.match(text) is None  # one line longer than the bytes looked at


class JsonLines:
    name = "jsonl"
    description = "JSON Lines: one listing object per line"

    def sniff(self, head: bytes, path: Path) -> bool:
        text = _head_text(head)
        return text.lstrip().startswith("{") and is_json_lines(text, len(head) < HEAD_BYTES)

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        encoding = encoding_of(path, options)
        reading = _Reading(open_text(path, encoding), encoding, progress)
        return _table(self.name, reading, _lines(reading))


class JsonDocument:
    name = "json"
    description = 'a JSON array of listing objects, or an object holding one (such as {"products": [...]})'

    def sniff(self, head: bytes, path: Path) -> bool:
        text = _head_text(head)
        if text.lstrip().startswith("["):
            return _STARTS_ARRAY_OF_OBJECTS.match(text) is not None
        return text.lstrip().startswith("{") and not is_json_lines(text, len(head) < HEAD_BYTES)

    def open(self, path: Path, options: ReadOptions, progress) -> Table:
        encoding = encoding_of(path, options)
        reading = _Reading(open_text(path, encoding), encoding, progress)
        return _table(self.name, reading, _items(reading, path))


JSON_LINES = JsonLines()
JSON_DOCUMENT = JsonDocument()


@dataclass
class _Reading:
    """The text stream and where in it the reading is."""

    stream: io.TextIOWrapper
    how: Encoding
    progress: Callable[[int], None] | None
    line: int = 0  # lines finished

    @property
    def encoding(self) -> str:
        return self.how.name

    def bytes_read(self) -> int:
        return cast(io.BufferedReader, self.stream.buffer).tell()


@dataclass
class _Parsed:
    """A record as read: its value, or why it could not be read."""

    where: Where
    value: Any = None
    error: str | None = None


def _table(layout: str, reading: _Reading, parsed: Iterator[_Parsed]) -> Table:
    ahead = list(itertools.islice(parsed, LOOK_AHEAD))
    header = list(dict.fromkeys(key for p in ahead if p.error is None for key in p.value))
    notes: list[str] = [reading.how.note] if reading.how.note else []

    def records(columns: dict[str, int]) -> Iterator[Record]:
        known = set(header)
        told = False
        for item in itertools.chain(ahead, parsed):
            if item.error is not None:
                yield Record([], item.where, item.error)
                continue
            unknown = next((k for k in item.value if k not in known), None)
            if unknown is not None and not told:
                told = True  # said once, at the end of the run: the header was fixed by then
                notes.append(f"keys first seen after the first {LOOK_AHEAD} records are not read (the first: "
                             f"{_quoted(unknown)}, {item.where}); give them in one of the first records to have "
                             f"them read")
            yield Record([_text(item.value.get(k)) for k in header], item.where)
            if reading.progress is not None:
                reading.progress(reading.bytes_read())
        ahead.clear()

    return Table(layout, header, Where(1), records, encoding=reading.encoding, notes=notes)


def _text(value: Any, depth: int = 0) -> str:
    """A JSON value as the text of a cell: numbers as written, lists joined with ", ", objects as
    "key: value" pairs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, Decimal)):
        return str(value)
    if depth >= NESTING:
        return "..."
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v, depth + 1) for v in value) if t)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v, depth + 1)}" for k, v in value.items())
    return str(value)


def _quoted(text: str) -> str:
    """At most QUOTED characters of the file, on one line, in quotes."""
    text = " ".join(text.split())
    return repr(text if len(text) <= QUOTED else text[:QUOTED - 3] + "...")


# --- JSON Lines -----------------------------------------------------------------------------------


def _lines(reading: _Reading) -> Iterator[_Parsed]:
    for text in reading.stream:
        reading.line += 1
        if not text.strip():
            continue
        yield _line_record(text, reading.line, reading.encoding)


def _line_record(text: str, line: int, encoding: str) -> _Parsed:
    where = Where(line)
    bad = undecoded_at(text)
    if bad >= 0:
        return _Parsed(where, error=f"line {line}: bytes that are not {encoding} at character {bad + 1}; name the "
                                    f"file's encoding with --encoding, or re-save it as UTF-8")
    try:
        # Numbers stay as written ("12.50", not 12.5).
        value = json.loads(text, parse_float=str, parse_int=str)
    except json.JSONDecodeError as exc:
        return _Parsed(where, error=f"line {line}: not valid JSON ({exc.msg}, character {exc.colno}) at "
                                    f"{_quoted(text[max(0, exc.pos - 10):])}; each line must hold one listing "
                                    f"object {{...}}")
    except RecursionError:
        return _Parsed(where, error=f"line {line}: values nested too deeply to read; each line must hold one "
                                    f"listing object {{...}}")
    if not isinstance(value, dict):
        return _Parsed(where, error=f"line {line}: {_kind(text.lstrip()[:1])} {_quoted(text)}, not a listing "
                                    f"object {{...}}; each line must hold one listing object")
    return _Parsed(where, value)


def _kind(first: str) -> str:
    """What a JSON value is, from its first character."""
    if first == "[":
        return "a list"
    if first == '"':
        return "text"
    return "a number" if first in "-0123456789" else "a value"


EVENT_KINDS = {"string": '"', "number": "0", "start_array": "["}


# --- JSON documents -------------------------------------------------------------------------------


class _Broken(Exception):
    """The parser stopped: the JSON breaks at ``line``."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def _events(reading: _Reading) -> Iterator[tuple[int, str, Any, bool]]:
    """ijson's events with the line each came from and whether that text held undecodable bytes
    (they reach the parser as U+FFFD, so the record holding them is reported, not the file failed)."""
    events = ijson.sendable_list()
    parser = ijson.basic_parse_coro(events)
    while True:
        text = reading.stream.readline(CHUNK)
        line = reading.line + 1
        if text.endswith(("\n", "\r")):
            reading.line += 1
        undecoded = undecoded_at(text) >= 0
        try:
            if text:
                parser.send(re.sub("[\udc00-\udcff]", "\ufffd", text).encode("utf-8"))
            else:
                parser.close()
        except ijson.JSONError as exc:
            yield from ((line, event, value, undecoded) for event, value in events)
            raise _Broken(line, _parser_reason(str(exc))) from None
        yield from ((line, event, value, undecoded) for event, value in events)
        del events[:]
        if not text:
            return


def _parser_reason(message: str) -> str:
    """The parser's reason, and a short quote of the text where it stopped (never more)."""
    if message[:2] in ("b'", 'b"'):  # the parser's message as the repr of its bytes
        message = ast.literal_eval(message).decode("utf-8", "replace")
    lines = message.splitlines()
    reason = re.sub(r"^(parse|lexical) error: ", "", lines[0] if lines else message)[:80]
    if reason.startswith("premature EOF"):
        return "the file ends in the middle of it; it was probably cut short"
    snippet = lines[1].strip() if len(lines) > 2 and "right here" in lines[2] else ""
    return f"{reason} at {_quoted(snippet)}" if snippet else reason


@dataclass
class _Place:
    """Where the parser is in the document."""

    depth: int = 0  # containers open
    records_depth: int | None = None  # depth of the array holding the listings, once found
    key: str | None = None  # the last member name of the top-level object
    pending: str | None = None  # a top-level member's array, waiting for its first item to tell
    item: int = 0  # items of the listings array begun


def _items(reading: _Reading, path: Path) -> Iterator[_Parsed]:
    place = _Place()
    events = _events(reading)
    try:
        yield from _walk(events, place, reading)
    except _Broken as broken:
        if place.records_depth is None:
            raise InputError(f"not valid JSON ({broken.reason}); fix the file there and check again",
                             path, broken.line) from None
        yield _Parsed(Where(broken.line, place=f"line {broken.line}"),
                      error=f"line {broken.line}: the JSON breaks here, in or after item {place.item} "
                            f"({broken.reason}); the items after it could not be read: fix the file there "
                            f"and check again")
        return
    if place.records_depth is None:
        raise InputError('holds no list of listings; give a JSON array of listing objects, an object holding '
                         'one (such as {"products": [...]}), or JSON Lines', path)


def _walk(events: Iterator[tuple[int, str, Any, bool]], place: _Place, reading: _Reading) -> Iterator[_Parsed]:
    """Finds the listings array and yields its items, each built from its events."""
    for line, event, value, undecoded in events:
        if place.records_depth is None and not _find_records(place, event, value):
            continue
        if event == "end_array":
            return  # the listings end here; the rest of the document is not listings
        place.item += 1
        yield _item(events, place, line, event, value, undecoded, reading.encoding)


def _find_records(place: _Place, event: str, value: Any) -> bool:
    """Moves ``place`` along the events outside the listings array, finding that array: the
    top-level array, or the first member of the top-level object whose array starts with an
    object (or is named like :data:`RECORD_KEYS`). True: this event begins the first item (or
    ends an empty listings array)."""
    if place.pending is not None:
        name, place.pending = place.pending, None
        if event == "start_map" or name.lower() in RECORD_KEYS:
            place.records_depth = place.depth
            return True
    if event in ("start_map", "start_array"):
        place.depth += 1
        if event == "start_array" and place.depth == 1:
            place.records_depth = 1
        elif event == "start_array" and place.depth == 2 and place.key is not None:
            place.pending = place.key
    elif event in ("end_map", "end_array"):
        place.depth -= 1
    elif event == "map_key" and place.depth == 1:
        place.key = value
    return False


def _item(events, place: _Place, line: int, event: str, value: Any, undecoded: bool, encoding: str) -> _Parsed:
    """One item of the listings array, from its first event to its last."""
    where = Where(line, line, place=f"item {place.item}, line {line}")
    if event not in ("start_map", "start_array"):
        return _Parsed(where, error=f"item {place.item}, line {line}: {_kind(EVENT_KINDS.get(event, ''))} "
                                    f"{_quoted(str(value))}, not a listing object {{...}}")
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth, end_line = 1, line
    while depth:
        end_line, event, value, bad = next(events)  # a break raises _Broken from inside
        undecoded = undecoded or bad
        depth += (event in ("start_map", "start_array")) - (event in ("end_map", "end_array"))
        builder.event(event, value)
    where = Where(line, end_line, place=where.place)
    if undecoded:
        return _Parsed(where, error=f"item {place.item}, line {line}: bytes that are not {encoding}; name the "
                                    f"file's encoding with --encoding, or re-save it as UTF-8")
    if not isinstance(builder.value, dict):
        return _Parsed(where, error=f"item {place.item}, line {line}: a list, not a listing object {{...}}")
    return _Parsed(where, builder.value)

