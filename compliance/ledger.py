"""Accounting for a run: every row read is in the report once, or the run fails.

The reader counts the records it yields (readable or not); the report counts what it wrote.
Rows read = pass + warn + fail + error (+ unchanged) on every marketplace, or the run ends with
exit 2: a gate that drops a listing must never pass. With ``--changed-only`` a row that is the
same as in the previous catalog is not checked but still reported, with the verdict
``unchanged``, so it stays in the sum. Ids that repeat are reported, since a seller's upload
would overwrite one listing with the other.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .errors import ListguardError
from .findings import UNCHANGED, VERDICTS

# The verdicts a row can be reported with; any other name in the counts is not a row accounted for.
ACCOUNTED = (*VERDICTS, UNCHANGED)

SHOWN = 5  # repeated ids named in the notice


class AccountingError(ListguardError):
    """The report does not hold every row read: a defect, never a verdict."""


class Ledger:
    def __init__(self) -> None:
        self.read = 0
        self._seen: set[int] = set()
        self.repeated: list[tuple[str, int]] = []  # (id, row) of each repeat

    def watch(self, listings: Iterable) -> Iterator:
        """Pass ``listings`` through, counting them and noting ids seen before."""
        for listing in listings:
            self.read += 1
            if listing.error is None:
                key = hash(listing.id)
                if key in self._seen:
                    self.repeated.append((listing.id, listing.row))
                self._seen.add(key)
            yield listing

    def balance(self, reported: int, counts: dict[str, dict[str, int]]) -> None:
        """Raise unless every row read was reported once, with one verdict per marketplace."""
        held = {p: sum(c.get(v, 0) for v in ACCOUNTED) for p, c in counts.items()}
        short = [p for p, n in held.items() if n != self.read]
        if reported != self.read or short:
            raise AccountingError(f"{self.read} rows were read but the report holds {reported} "
                                  f"(per marketplace: {', '.join(f'{p} {n}' for p, n in held.items())});"
                                  f" the report is not written. Please report this as a listguard defect")

    def repeats_notice(self) -> str:
        if not self.repeated:
            return ""
        shown = ", ".join(f"{i!r} (row {r})" for i, r in self.repeated[:SHOWN])
        more = f" and {len(self.repeated) - SHOWN} more" if len(self.repeated) > SHOWN else ""
        return (f"{len(self.repeated)} listing(s) repeat an id used earlier: {shown}{more}; a marketplace "
                f"keeps only one listing per SKU")
