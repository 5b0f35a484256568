"""Matchers find spans in listing text; they never decide policy (that is ``compliance.rules``).

Each matcher is built once per run and exposes ``name`` and ``find(listing) -> list[Span]``.
The check stores the result in ``listing.spans[name]`` for the rules to read. A matcher may also
have ``prepare(listings)``, which the check calls once per batch before ``find``: work done for
the whole batch at once (the mark matcher looks the batch's new words up together).
"""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field  # a span has a field named field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..listing import Listing


@dataclass(frozen=True)
class Span:
    """Something a matcher found: ``start``/``end`` are offsets into the field's raw text."""

    kind: str
    field: str
    start: int
    end: int
    text: str
    label: str = ""
    score: float = 1.0
    data: dict = dataclass_field(default_factory=dict, compare=False, hash=False)


class Matcher(Protocol):
    """What the check needs of a matcher: the key its spans are stored under, and its spans."""

    name: str

    def find(self, listing: Listing) -> list[Span]: ...
