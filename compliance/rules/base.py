"""The contract every rule follows, and the registry that keeps rules honest.

A rule reads the spans matchers left on a listing (``listing.spans``) and the listing's
fields, and returns :class:`Hit` objects; the check turns hits into findings with the
severity and platforms its configuration gives. A rule never re-scans text a matcher
already scanned.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Iterable


@dataclass(frozen=True)
class Hit:
    field: str
    start: int
    end: int
    text: str
    entry: str
    message: str
    fix: str
    score: float = 1.0
    explanation: tuple = ()


@dataclass(frozen=True)
class RuleDoc:
    """What a rule checks and why, with one listing that fails and one that passes.

    ``field`` names the field the two examples are written for; empty means the rule's
    first default field (``title`` for title rules, ``description`` for text-wide rules).
    """

    what: str
    why: str
    fails: str
    passes: str
    field: str = ""


class ListingRule:
    """Base class: set the class attributes, implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    kind: ClassVar[str] = "policy"
    default_severity: ClassVar[str] = "block"
    default_fields: ClassVar[tuple[str, ...]] = ("title",)
    doc: ClassVar[RuleDoc]

    def check(self, listing, params: dict, fields: tuple[str, ...]) -> Iterable[Hit]:
        raise NotImplementedError


REGISTRY: dict[str, ListingRule] = {}


def register(cls):
    """Class decorator: one instance per rule code, found by the code in platform packs."""
    if cls.code in REGISTRY:
        raise ValueError(f"rule code {cls.code} registered twice")
    REGISTRY[cls.code] = cls()
    return cls


def checked_fields(listing, fields: Iterable[str]):
    """The listing's fields named in ``fields``, in that order, skipping absent ones."""
    for name in fields:
        field = listing.fields.get(name)
        if field is not None:
            yield field


def field_label(name: str) -> str:
    """A field's name as a seller says it: ``bullet_point2`` -> ``bullet point 2``."""
    if name.startswith("bullet_point"):
        return f"bullet point {name[len('bullet_point'):]}"
    return name.replace("_", " ")


def with_caveat(message: str, params: dict) -> str:
    """Append a pack's ``caveat`` (why a rule is only a warning) to a message."""
    caveat = str(params.get("caveat") or "").strip()
    return f"{message} ({caveat})" if caveat else message
