"""The contract every rule follows, and the registry that keeps rules honest.

A rule reads the spans matchers left on a listing (``listing.spans``) and the listing's
fields, and returns :class:`Hit` objects; the check turns hits into findings with the
severity and platforms its configuration gives. A rule never re-scans text a matcher
already scanned.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, ClassVar, Iterable, Iterator, TypeVar

T = TypeVar("T")


class Explanation:
    """A finding's explanation, made when first read: ``explain`` prints it, the report leaves it
    out, and making it asks a trademark decision's evidence every question, most of which the
    decision never needed (a twentieth of a check's time). It reads as the tuple of (key, value)
    pairs it stands for, and is pickled as that tuple."""

    __slots__ = ("_make", "_items")

    def __init__(self, make: Callable[[], tuple]):
        self._make: Callable[[], tuple] | None = make
        self._items: tuple | None = None

    def items(self) -> tuple:
        if self._items is None:
            assert self._make is not None
            self._items, self._make = tuple(self._make()), None
        return self._items

    def __iter__(self) -> Iterator:
        return iter(self.items())

    def __len__(self) -> int:
        return len(self.items())

    def __eq__(self, other: object) -> bool:
        return self.items() == (other.items() if isinstance(other, Explanation) else other)

    __hash__ = None  # type: ignore[assignment]  # compared by value, as the tuple is

    def __repr__(self) -> str:
        return repr(self.items())

    def __reduce__(self):
        return tuple, (self.items(),)


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
    explanation: tuple | Explanation = ()
    severity: str | None = None  # set by rules whose severity depends on the case (else the pack's)
    mark: object = None          # the blocklist entry behind the hit: where it counts (its platforms, regions)


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
    # Detection rules run on every target through the blocklists, without a pack entry; a pack
    # that names one runs it for its own targets with its own severity and fields instead.
    everywhere: ClassVar[bool] = False
    needs: ClassVar[str] = ""  # the check option an everywhere rule needs ("--register"); empty: the blocklists
    # The matchers whose spans the rule decides from (keys of ``listing.spans``); empty for a rule
    # that reads the text itself. A listing with none of those spans gets nothing from such a rule,
    # so the check does not ask it: most listings name no mark, contact detail or HTML tag.
    reads: ClassVar[tuple[str, ...]] = ()
    doc: ClassVar[RuleDoc]

    def check(self, listing, params: dict, fields: tuple[str, ...]) -> Iterable[Hit]:
        """The rule's hits in ``fields`` of ``listing``; ``params`` is the pack's configuration, plus
        ``_regions`` (the run's regions for it), ``_as_of`` and ``_authorized`` (the seller's brands)."""
        raise NotImplementedError(f"{type(self).__name__} must implement check()")


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


_PREPARED: dict[tuple[int, Callable], tuple[dict, object]] = {}
# A run has a few dozen configurations; a process that builds checker after checker (a library
# user's loop) starts over past this many rather than keep every one it ever had.
PREPARED_MAX = 4096


def prepared(params: dict, make: Callable[[dict], T]) -> T:
    """What ``make`` derives from a pack's ``params`` (a phrase list's pattern, a set of characters),
    derived once per configuration: a rule runs for every listing, and deriving it each time cost
    more than using it. A run's params are built once and never changed; each is kept with what was
    derived from it, so no other dict can take its identity."""
    key = (id(params), make)
    found = _PREPARED.get(key)
    if found is None or found[0] is not params:
        if len(_PREPARED) >= PREPARED_MAX:
            _PREPARED.clear()
        found = _PREPARED[key] = (params, make(params))
    return found[1]  # type: ignore[return-value]  # make(params) for this very params


def with_caveat(message: str, params: dict) -> str:
    """Append a pack's ``caveat`` (why a rule is only a warning) to a message."""
    caveat = str(params.get("caveat") or "").strip()
    return f"{message} ({caveat})" if caveat else message
