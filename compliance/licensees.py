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
    agents = licensing_agents(entry.owner)
    for licence in licences:
        if licence.marks & names or any(len(m) >= 4 and owner.startswith(m) for m in licence.marks) \
                or _through_agent(licence, agents) or _named_after(licence, compact(entry.term), owner):
            return licence
    return None


def licensing_agents(owner: str) -> tuple[str, ...]:
    """The licensing agents an owner names after a slash, compacted: "Detroit Red Wings / NHL
    Enterprises, L.P." (owners of a mark shared by two clubs are set apart by ";")."""
    return tuple(compact(part.split("/", 1)[1]) for part in owner.split(";") if "/" in part)


def _through_agent(licence: Licence, agents: tuple[str, ...]) -> bool:
    """A licence for a league (NHL, Major League Baseball) covers the clubs whose marks the
    league's properties company licenses for them: "Detroit Red Wings / NHL Enterprises"."""
    if not agents:
        return False
    names = _curated().names
    return any(agent.startswith(name) for mark in licence.marks for name in names.get(mark, (mark,))
               if len(name) >= 3 for agent in agents)


def _named_after(licence: Licence, term: str, owner: str) -> bool:
    """The mark's name holds a mark the licence names, of the same owner ("Unicorn Gundam" of
    Gundam's owner): a character or model of the licensed property. An owner's other properties
    are not covered (a licence for Power Rangers is none for the rest of Hasbro's)."""
    owners = _curated().owners
    return bool(owner) and any(len(m) >= 4 and m in term and owners.get(m) == owner for m in licence.marks)


def owner_of_name(name_key: str) -> str:
    """The compacted owner of the curated trademark that the compacted ``name_key`` names (its term
    or one of its aliases), or ""."""
    return _curated().owners.get(name_key, "")


@dataclass(frozen=True)
class _Curated:
    owners: dict[str, str]               # compacted name (term or alias) -> its mark's compacted owner
    names: dict[str, tuple[str, ...]]    # compacted name -> every compacted name of its mark


@lru_cache(maxsize=1)
def _curated() -> _Curated:
    """The curated trademarks' owners and names, read only when a licensee is named."""
    from .blocklist import load_blocklists

    owners: dict[str, str] = {}
    names: dict[str, tuple[str, ...]] = {}
    for entry in load_blocklists([]):
        if entry.kind != "trademark":
            continue
        its_names = tuple(dict.fromkeys(compact(name) for name in entry.names))
        for name in its_names:
            if entry.owner:
                owners.setdefault(name, compact(entry.owner))
            names.setdefault(name, its_names)
    return _Curated(owners, names)
