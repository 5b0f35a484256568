"""A listing as the checker sees it: named text fields with visible text and raw offsets."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .literals import unwrap_literals
from .markup import Markup, reduce_html

T = TypeVar("T")

# Fields whose text is searched for marks, cues and contact details. ``item_specifics`` holds a
# listing's named attributes (eBay's "C:Character", a shop's "Attribute 1"), each as "Name: value"
# joined with "; ": a character or franchise named there is another company's mark as in the title.
TEXT_FIELDS = ("title", "description", "bullet_point1", "bullet_point2", "bullet_point3",
               "bullet_point4", "bullet_point5", "item_specifics", "tags", "search_terms")


@dataclass
class Field:
    """One field: ``raw`` as uploaded, ``text`` as a buyer reads it (HTML reduced)."""

    name: str
    raw: str
    _markup: Markup | None = None
    _folded: object = None
    _plain: object = None
    _evasive: object = None

    @property
    def markup(self) -> Markup:
        if self._markup is None:
            self._markup = (reduce_html(self.raw) if self.name != "title"
                            else Markup(self.raw, list(range(len(self.raw) + 1))))
        return self._markup

    @property
    def text(self) -> str:
        return self.markup.text

    @property
    def folded(self):
        """The visible text folded (see :mod:`compliance.normalize`), computed once per field."""
        if self._folded is None:
            from .normalize import fold
            self._folded = fold(self.text)
        return self._folded

    @property
    def plain(self):
        if self._plain is None:
            from .normalize import plain_reading
            self._plain = plain_reading(self.folded)
        return self._plain

    @property
    def evasive(self):
        if self._evasive is None:
            from .normalize import evasion_reading
            self._evasive = evasion_reading(self.folded)
        return self._evasive

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ``raw`` of the visible-text span ``[start, end)``."""
        m = self.markup.to_raw
        if end <= start:
            return m[start], m[start]
        return m[start], m[end - 1] + 1


@dataclass
class Listing:
    """One catalog row. ``row`` counts data rows from 1; ``line`` is where it starts in the file."""

    id: str
    row: int
    line: int = 0
    fields: dict[str, Field] = field(default_factory=dict)
    brand: str = ""
    brand_column: bool = True  # the catalog has a brand column (an empty cell then says "no brand")
    category: str = ""
    price: str = ""
    error: str | None = None
    spans: dict = field(default_factory=dict)  # matcher name -> list[Span], filled by the check
    variant_of: str | None = None  # variation rows (Shopify, WooCommerce) inherit their product's text
    decisions: list = field(default_factory=list)  # (span, why) for marks that did not fire: `explain`
    decided: dict = field(default_factory=dict)  # decisions several rules share, made once (the marks')
    waivers: tuple[str, ...] = ()  # codes or prefixes the row's listguard_ignore column waives
    unchanged: bool = False  # --changed-only: same content as in the previous catalog, not checked

    @classmethod
    def from_values(cls, id, row, values: dict[str, str], line=0) -> "Listing":
        """Build from plain field values (title, description, brand, category, ...), each read as the
        shop shows it where it is written as RDF literals (:mod:`compliance.literals`)."""
        values = {k: unwrap_literals(v) if v else v for k, v in values.items()}
        fields = {k: Field(k, v) for k, v in values.items() if k in TEXT_FIELDS and v}
        return cls(id=str(id), row=row, line=line, fields=fields, brand=values.get("brand", "") or "",
                   brand_column="brand" in values,
                   category=values.get("category", "") or "", price=values.get("price", "") or "")

    def once(self, key, make: Callable[[], T]) -> T:
        """What ``make`` finds about the listing, found once and kept in ``decided``: read by
        every mark's evidence, and a listing names several marks."""
        found = self.decided.get(key)
        if found is None:
            found = self.decided[key] = make()
        return found

    @property
    def title(self) -> str:
        f = self.fields.get("title")
        return f.text if f else ""

    def text_fields(self):
        return [self.fields[n] for n in TEXT_FIELDS if n in self.fields]
