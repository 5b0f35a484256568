"""Known licensees: companies that make or sell another's brand under licence.

A brand column naming Battery-Biz on a Duracell battery, or Sakar on an iCarly mouse, names the
licensee, not a stranger to the mark: the goods are licensed, not infringing. The register is
curated (``blocklists/licensees.csv``: licensee, its other spellings, the marks it holds a
licence for, and a reference for each row) and only ever spares a mark; copy words still fail.
A seller's own licences go in ``--authorized``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .normalize import compact

REGISTER = "licensees.csv"


@dataclass(frozen=True)
class Licence:
    licensee: str
    marks: frozenset[str]  # compacted mark names the licence covers
    relation: str
    reference: str


@lru_cache(maxsize=1)
def known_licences() -> dict[str, tuple[Licence, ...]]:
    """Compacted licensee name (and each of its spellings) -> its licences."""
    text = resources.files("compliance.blocklists").joinpath(REGISTER).read_text("utf-8")
    found: dict[str, list[Licence]] = {}
    for row in csv.DictReader(text.splitlines()):
        licence = Licence(row["licensee"], frozenset(compact(m) for m in row["marks"].split("|") if m.strip()),
                          row["relation"], row["reference"])
        for name in [row["licensee"], *row["aliases"].split("|")]:
            if compact(name):
                found.setdefault(compact(name), []).append(licence)
    return {name: tuple(licences) for name, licences in found.items()}


def licence_for(seller_key: str, entry) -> Licence | None:
    """The licence the brand column's company holds for ``entry`` (the mark, one of its names, a
    mark of its owner's that the licence names: "Disney" covers Mickey Mouse, or a mark of the same
    owner named after one it names: a licence for Gundam covers the Unicorn Gundam), if any."""
    licences = known_licences().get(seller_key)
    if not licences:
        return None
    names = {compact(n) for n in entry.names} | {compact(entry.term)}
    owner = compact(entry.owner)
    for licence in licences:
        if licence.marks & names or any(len(m) >= 4 and owner.startswith(m) for m in licence.marks) \
                or _named_after(licence, compact(entry.term), owner):
            return licence
    return None


def _named_after(licence: Licence, term: str, owner: str) -> bool:
    """The mark's name holds a mark the licence names, of the same owner ("Unicorn Gundam" of
    Gundam's owner): a character or model of the licensed property. An owner's other properties
    are not covered (a licence for Power Rangers is none for the rest of Hasbro's)."""
    owners = _curated_owners()
    return bool(owner) and any(len(m) >= 4 and m in term and owners.get(m) == owner for m in licence.marks)


@lru_cache(maxsize=1)
def _curated_owners() -> dict[str, str]:
    """Compacted name (term or alias) of each curated trademark -> its compacted owner; read only
    when a licensee is named."""
    from .blocklist import load_blocklists

    owners: dict[str, str] = {}
    for entry in load_blocklists([]):
        if entry.kind == "trademark" and entry.owner:
            for name in entry.names:
                owners.setdefault(compact(name), compact(entry.owner))
    return owners
