"""Blocklists: curated trademarks, patents, counterfeit terms and prohibited items.

The import format is a CSV with a header; only ``term`` and ``kind`` are required::

    term,kind,owner,aliases,classes,regions,generic,expires,keywords,platforms,severity,reference

Lists are validated as they load; a bad value is an :class:`InputError` naming the file,
line and column. The package's own curated lists live in ``blocklists/`` and load by
default (see :func:`default_blocklist_paths`).
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Collection, Iterator, Mapping, NoReturn, Protocol

from .errors import InputError
from .regions import parse_region

KINDS = ("trademark", "patent", "counterfeit", "prohibited")
DEFAULT_SEVERITY = {"trademark": "block", "patent": "block", "counterfeit": "block", "prohibited": "block"}
COLUMNS = ("term", "kind", "owner", "aliases", "classes", "regions", "generic", "expires",
           "keywords", "platforms", "severity", "reference", "goods", "reach", "note")
# ``note`` is for the people who keep a list (why a short or dictionary-like mark is distinctive);
# matching never reads it.
# What a mark's goods are, which decides how others may name it: a device, vehicle, appliance
# or tool is what accessories and parts are made to fit (naming it is compatibility); a
# character, sports or media property is what merchandise is made of (naming it on a mug or
# a poster is the infringement); fashion and luxury houses are what copies are made of; a
# component or platform (a chip, an operating system, a fabric, a zipper) is inside other
# makers' products, so naming it states what a product contains; an online service or app (a
# streaming service, a social network) is what a device runs or connects to, and its logo on
# a T-shirt is its merchandise.
# How far a mark's fame reaches: ``global`` (the default, an empty cell) for a brand known across
# markets, which copies are sold under; ``local`` for a label known mostly in its home market
# (Indonesia's Erigo or Zoya, Vietnam's Biti's): its shops name it as the maker of the genuine
# goods they resell ("Sepatu Ventela Public Low"), and copies are seldom sold under it, so a plain
# mention is a review, not a failure; copy words beside it still fail. A property (a character, a
# club, a show) sells its merchandise whatever its reach.
REACH = ("global", "local")
GOODS = ("device", "vehicle", "appliance", "tool", "component", "fashion", "luxury", "character", "sports",
         "media", "service", "cosmetics", "food", "toy", "other")
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


@dataclass(frozen=True)
class Entry:
    """One blocklist line: a mark, a patented product type, a counterfeit term or a banned item."""

    term: str
    kind: str
    owner: str = ""
    aliases: tuple[str, ...] = ()
    classes: frozenset[int] = frozenset()
    regions: frozenset[str] = frozenset()
    generic: bool = False
    expires: dt.date | None = None
    keywords: tuple[str, ...] = ()
    platforms: frozenset[str] = frozenset()
    severity: str = "block"
    reference: str = ""
    goods: str = ""  # one of GOODS; empty: not said (judged from the classes)
    reach: str = ""  # "local" for a label known mostly in its home market (REACH); empty: global
    source: str = field(default="", compare=False)
    # The owner's house mark when this entry is one of its product lines, models or characters
    # (Switch of Nintendo, Civic of Honda): set when the lists are merged, from the owners or from
    # a line's first keyword naming its house (Superstay of Maybelline).
    line_of: str = field(default="", compare=False)
    # The list keeper's note (why the mark is distinctive): kept so a stored list exports as it came in.
    note: str = field(default="", compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its aliases: every wording that names this entry."""
        return (self.term, *self.aliases)

    def in_force(self, as_of: dt.date) -> bool:
        return self.expires is None or as_of <= self.expires


def _split(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


def load_blocklist(path, platform_names=None) -> list[Entry]:
    """Read one blocklist CSV. ``platform_names`` (if given) validates the platforms column."""
    path = Path(path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot open blocklist ({exc.strerror}); check the path", path) from None
    with handle:
        reader = csv.reader(handle)
        index = _column_index(reader, path)
        return [_entry(row, index, path, line, platform_names) for row, line in _filled_rows(reader, path)]


def _column_index(reader, path: Path) -> dict[str, int]:
    """The header line's columns by name, read from ``reader``: it must name term and kind, and
    only columns a blocklist has."""
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("the blocklist is empty; it needs a header line with at least term,kind",
                         path, 1) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text; save the blocklist as UTF-8 CSV", path, 1) from None
    names = [h.strip().lower() for h in header]
    for required in ("term", "kind"):
        if required not in names:
            raise InputError(f"the header has no '{required}' column (found: {', '.join(names) or 'nothing'}); "
                             f"columns are {','.join(COLUMNS)}", path, 1)
    unknown = [n for n in names if n and n not in COLUMNS]
    if unknown:
        col = names.index(unknown[0]) + 1
        raise InputError(f"unknown column '{unknown[0]}'; columns are {','.join(COLUMNS)}", path, 1, col)
    return {n: i for i, n in enumerate(names)}


def _filled_rows(reader, path: Path) -> Iterator[tuple[list[str], int]]:
    """The lines after the header that hold something, each with its line number; blank lines are
    skipped, and text that is not UTF-8 or not CSV is an error naming its line."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except UnicodeDecodeError:
            raise InputError("not UTF-8 text; save the blocklist as UTF-8 CSV", path, reader.line_num + 1) from None
        except csv.Error as exc:
            raise InputError(f"unreadable CSV ({exc}); check the quoting", path, reader.line_num) from None
        if not any(cell.strip() for cell in row):
            continue
        yield row, reader.line_num


def entry_from_cells(cells: Mapping[str, str], platform_names: Collection[str] | None = None,
                     path: Path | str | None = None, line: int | None = None, source: str = "") -> Entry:
    """One blocklist line given by column name (a stored list's row, ``blocklist add``'s options),
    validated exactly as a CSV line is. Without ``path`` an error is the message alone."""
    row = [cells.get(name) or "" for name in COLUMNS]
    entry = _entry(row, {name: i for i, name in enumerate(COLUMNS)}, path, line, platform_names)
    return replace(entry, source=source) if source else entry


@dataclass(frozen=True)
class _Line:
    """One line of a blocklist: its cells by column name, and where it is for the errors."""

    cells: list[str]
    index: dict[str, int]
    path: Path | str | None
    number: int | None

    def cell(self, name: str) -> str:
        i = self.index.get(name)
        return self.cells[i].strip() if i is not None and i < len(self.cells) else ""

    def fail(self, name: str, message: str) -> NoReturn:
        # A column number means something only in a file; a line given by name has none.
        column = self.index[name] + 1 if self.path is not None and self.number is not None else None
        raise InputError(f"{name}: {message}", self.path, self.number, column)


def _entry(row: list[str], index: dict[str, int], path: Path | str | None, line: int | None,
           platform_names: Collection[str] | None) -> Entry:
    at = _Line(row, index, path, line)
    term = at.cell("term")
    if not term:
        at.fail("term", "empty; every line needs the term to look for")
    kind = at.cell("kind").lower()
    if kind not in KINDS:
        at.fail("kind", f"'{at.cell('kind')}' is not one of {', '.join(KINDS)}")
    classes, regions = _classes(at), _regions(at)
    generic_text = at.cell("generic").lower()
    if generic_text not in _TRUE | _FALSE:
        at.fail("generic", f"'{at.cell('generic')}' is not true or false")
    expires, platforms = _expires(at), _platforms(at, platform_names)
    goods = at.cell("goods").lower()
    if goods and goods not in GOODS:
        at.fail("goods", f"'{at.cell('goods')}' is not one of {', '.join(GOODS)}")
    severity = at.cell("severity").lower() or DEFAULT_SEVERITY[kind]
    if severity not in ("block", "warn"):
        at.fail("severity", f"'{at.cell('severity')}' is not block or warn")
    reach = at.cell("reach").lower()
    if reach and reach not in REACH:
        at.fail("reach", f"'{at.cell('reach')}' is not one of {', '.join(REACH)}")
    return Entry(
        term=term, kind=kind, owner=at.cell("owner"), aliases=tuple(_split(at.cell("aliases"))),
        classes=classes, regions=regions, generic=generic_text in _TRUE,
        expires=expires, keywords=tuple(_split(at.cell("keywords"))), platforms=platforms,
        severity=severity, reference=at.cell("reference"), goods=goods, reach="" if reach == "global" else reach,
        source=f"{Path(path).name}:{line}" if path is not None else "", note=at.cell("note"),
    )


def _classes(at: _Line) -> frozenset[int]:
    classes = set()
    for part in _split(at.cell("classes")):
        if not part.isdigit() or not 1 <= int(part) <= 45:
            at.fail("classes", f"'{part}' is not a Nice class (a number from 1 to 45); separate classes with |")
        classes.add(int(part))
    return frozenset(classes)


def _regions(at: _Line) -> frozenset[str]:
    regions = set()
    for part in _split(at.cell("regions")):
        code = "EU" if part.upper() == "EU" else parse_region(part)
        if code is None:
            at.fail("regions", f"'{part}' is not an ISO country code (DE, US, ...) or EU")
        regions.add(code)
    return frozenset(regions)


def _expires(at: _Line) -> dt.date | None:
    if not at.cell("expires"):
        return None
    try:
        return dt.date.fromisoformat(at.cell("expires"))
    except ValueError:
        at.fail("expires", f"'{at.cell('expires')}' is not an ISO date (YYYY-MM-DD)")


def _platforms(at: _Line, platform_names: Collection[str] | None) -> frozenset[str]:
    platforms = frozenset(p.lower() for p in _split(at.cell("platforms")))
    for p in sorted(platforms):
        if platform_names is not None and p not in platform_names:
            at.fail("platforms", f"'{p}' is not a known platform ({', '.join(sorted(platform_names))})")
    return platforms


def default_blocklist_paths() -> list[Path]:
    """The curated lists shipped in the package's ``blocklists/`` folder."""
    folder = resources.files("compliance.blocklists")
    # licensees.csv is the register of known licensees (compliance.licensees), namesakes.csv the
    # marks that share a listed mark's name (namesakes()) and everyday_names.csv the names of marks
    # that are also everyday words (everyday_names()): none is a blocklist.
    return sorted(Path(str(p)) for p in folder.iterdir()
                  if p.name.endswith(".csv") and p.name not in ("licensees.csv", NAMESAKES_FILE, EVERYDAY_NAMES_FILE))


NAMESAKES_FILE = "namesakes.csv"
EVERYDAY_NAMES_FILE = "everyday_names.csv"


@lru_cache(maxsize=1)
def everyday_names() -> dict[str, frozenset[str]]:
    """The names the lists give marks that are also everyday words of a seed language, word for
    word, by their compact form, with the languages they are words of ("Трико", Pokémon's Treecko
    in Russian, is a leotard; "kabar", Ka-Bar's letters, is Indonesian for news): read as the mark
    only where the listing confirms it, as a generic mark's word is (the evidence decides where the
    word is meant). Where a mark's every name is an everyday word its row says generic instead."""
    from .normalize import compact

    text = resources.files("compliance.blocklists").joinpath(EVERYDAY_NAMES_FILE).read_text("utf-8")
    return {compact(row["name"]): frozenset(row["language"].split("|")) for row in csv.DictReader(text.splitlines())}


@lru_cache(maxsize=1)
def namesakes() -> dict[str, Entry]:
    """Other companies' marks that share the name of a listed mark, by the name's compact form
    ("apc": APC of Schneider Electric, beside the fashion label A.P.C.). They are not matched on
    their own: a listed mark's span is read as its namesake where the listing's product is in the
    namesake's classes and not in classes of the listed mark's alone
    (:func:`compliance.rules.trademark.mark_decisions`)."""
    from .normalize import compact

    path = Path(str(resources.files("compliance.blocklists").joinpath(NAMESAKES_FILE)))
    return {compact(name): e for e in load_blocklist(path) for name in e.names}


class Blocklist(list):
    """The entries of a run; ``fingerprint`` (when set) hashes the files they came from, so
    indexes built from them can be found again in the disk cache (:mod:`compliance.cache`)."""

    fingerprint: str | None = None


CACHE_MIN_BYTES = 256 * 1024  # lists this large are parsed once and kept in the disk cache


class StoredEntries(Protocol):
    """The seller's lists in the store (:class:`compliance.store.lists.StoredLists`): a digest of
    their content, for the cache key, and their entries, read only when no saved build matches."""

    @property
    def digest(self) -> str: ...

    @property
    def size(self) -> int: ...

    def entries(self, platform_names: Collection[str] | None) -> list[Entry]: ...


def load_blocklists(paths, defaults=True, platform_names=None, stored: StoredEntries | None = None) -> list[Entry]:
    """The curated lists (unless ``defaults`` is false), then the store's lists (``stored``), then
    ``paths`` in order.

    A later list's entry replaces an earlier one with the same kind and term, so a
    seller's own list can narrow or widen a curated mark (its classes, regions, severity).
    """
    curated = default_blocklist_paths() if defaults else []
    files = curated + [Path(p) for p in paths]
    try:
        contents = [p.read_bytes() for p in files]
    except OSError:  # the reader names the file it cannot open
        return Blocklist(_merge(files, platform_names, stored, len(curated)))
    import hashlib

    from .cache import fingerprint, load_or_build

    # The store's lists are part of the key: an added or removed term is a new build.
    own = (stored.digest,) if stored is not None else ()
    key = fingerprint([(p.name, hashlib.sha256(c).hexdigest()) for p, c in zip(files, contents)], *own,
                      sorted(platform_names or ()), platform_names is None, sources=(__file__,))
    build = partial(_merge, files, platform_names, stored, len(curated))
    if sum(len(c) for c in contents) + (stored.size if stored is not None else 0) >= CACHE_MIN_BYTES:
        result = Blocklist(load_or_build("blocklist", key, build))
    else:
        result = Blocklist(build())
    result.fingerprint = key
    return result


def _merge(files, platform_names, stored: StoredEntries | None = None, curated: int = 0) -> list[Entry]:
    """Every file's entries, the store's after the first ``curated`` files (the curated lists)."""
    from .normalize import compact

    entries: dict[tuple[str, str], Entry] = {}

    def keep(loaded: list[Entry]) -> None:
        for entry in loaded:
            key = (entry.kind, compact(entry.term))
            entries.pop(key, None)
            entries[key] = entry

    for p in files[:curated]:
        keep(load_blocklist(p, platform_names))
    if stored is not None:
        keep(stored.entries(platform_names))
    for p in files[curated:]:
        keep(load_blocklist(p, platform_names))
    return link_lines(list(entries.values()))


# Goods kinds of properties printed on merchandise: a character, franchise, team, show or online
# service (compliance.rules.evidence.Goods.property_for_merchandise reads it from here).
PROPERTY_GOODS = frozenset({"character", "sports", "media", "service"})


def link_lines(entries: list[Entry]) -> list[Entry]:
    """Mark each trademark that is a product line, model or character of its owner's house mark:
    the owner's mark whose name the owner's own name holds ("Nintendo" of "Nintendo Co., Ltd.")."""
    from .normalize import compact

    house = _house_marks(entries)
    marks = {compact(e.term): e for e in entries if e.kind == "trademark"}
    out = []
    for e in entries:
        maker = _house_in_keywords(e, marks) or (house.get(compact(e.owner)) if e.kind == "trademark" and e.owner
                                                 else None)
        out.append(replace(e, line_of=maker) if maker and maker != e.term else e)
    return out


def _house_marks(entries: list[Entry]) -> dict[str, str]:
    """Each owner's house mark, by the owner's compact name: among an owner's several trademarks,
    one whose name the owner's name holds."""
    from .normalize import compact

    by_owner: dict[str, list[Entry]] = {}
    for e in entries:
        if e.kind == "trademark" and e.owner:
            by_owner.setdefault(compact(e.owner), []).append(e)
    house = {}
    for owner, group in by_owner.items():
        named = [e for e in group if len(compact(e.term)) >= 3 and compact(e.term) in owner]
        if len(group) > 1 and named:
            # The name the owner's name starts with ("Jaguar" of "Jaguar Land Rover Limited"), else the shortest.
            house[owner] = min(named, key=lambda e: (not owner.startswith(compact(e.term)), len(e.term))).term
    return house


def _house_in_keywords(entry: Entry, marks: dict[str, Entry]) -> str:
    """The house mark a line's keywords name, for the same goods and listed under another owner:
    the lists give a group's lines the group as owner (Superstay, L'Oréal S.A.) and its house brand
    the house's own company (Maybelline, Maybelline LLC), so the owner alone does not join them.
    The house is a distinctive mark, not an everyday word ("Ultra" is no house of Galaxy S).
    Not a character's, team's or show's keywords: a franchise or a league names its context, and a
    team is no line of its league."""
    from .normalize import compact

    if entry.goods in PROPERTY_GOODS or not entry.keywords:
        return ""
    # The first keyword, as the lists write a line's house first ("Maybelline|Мейбелин"); a later
    # one is a context word or another line ("camera|Zuiko|OM System" of Olympus).
    found = marks.get(compact(entry.keywords[0]))
    if found is None or found is entry or found.generic or found.goods != entry.goods or found.owner == entry.owner:
        return ""
    return found.term
