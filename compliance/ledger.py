"""Accounting for a run: every row read is in the report once, or the run fails.

The reader counts the records it yields (readable or not); the report counts what it wrote.
Rows read = pass + warn + fail + error (+ unchanged) on every marketplace, or the run ends with
exit 2: a gate that drops a listing must never pass. With ``--changed-only`` a row that is the
same as in the previous catalog is not checked but still reported, with the verdict
``unchanged``, so it stays in the sum. Ids that repeat are reported, since a seller's upload
would overwrite one listing with the other.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from .errors import ListguardError
from .findings import UNCHANGED, VERDICTS

if TYPE_CHECKING:
    import numpy as np

# The verdicts a row can be reported with; any other name in the counts is not a row accounted for.
ACCOUNTED = (*VERDICTS, UNCHANGED)

SHOWN = 5  # repeated ids named in the notice


class AccountingError(ListguardError):
    """The report does not hold every row read: a defect, never a verdict."""


class SeenIds:
    """The ids read so far, as their hashes, about 8 bytes each.

    A set of a million Python ints holds 66 MB for the whole run, in the process that reads the
    catalog, and every worker forked from it maps those pages too: the largest thing a long check
    keeps. The newest ids wait in a small set; every ``MERGE_AT`` of them move into one sorted
    array (numpy, imported only by catalogs that large), searched for a whole batch of ids at once:
    one bisection per id from Python costs more than the set did."""

    MERGE_AT = 65_536

    def __init__(self) -> None:
        self._recent: set[int] = set()
        self._merged: np.ndarray | None = None  # sorted int64, once MERGE_AT ids have been read

    def add(self, keys: list[int]) -> list[bool]:
        """Note ``keys``, in order; for each, whether it was seen before (earlier in ``keys`` too)."""
        merged = self._in_merged(keys)
        recent = self._recent
        before = []
        for key, old in zip(keys, merged):
            seen = old or key in recent
            before.append(seen)
            if not seen:
                recent.add(key)
        if len(recent) >= self.MERGE_AT:
            self._merge()
        return before

    def _in_merged(self, keys: list[int]) -> list[bool]:
        if self._merged is None:
            return [False] * len(keys)
        import numpy as np

        wanted = np.array(keys, dtype=np.int64)
        at = np.minimum(self._merged.searchsorted(wanted), len(self._merged) - 1)
        return (self._merged[at] == wanted).tolist()

    def _merge(self) -> None:
        import numpy as np

        recent = np.sort(np.fromiter(self._recent, dtype=np.int64, count=len(self._recent)))
        merged = self._merged
        # Each id is new to the array (add() found it in neither), so inserting keeps it sorted and
        # costs one copy, where a union would sort the whole array again.
        self._merged = recent if merged is None else np.insert(merged, merged.searchsorted(recent), recent)
        self._recent = set()


class Ledger:
    BATCH = 4096  # ids looked up together (see SeenIds)

    def __init__(self) -> None:
        self.read = 0
        self._seen = SeenIds()
        self._waiting: list[tuple[int, str, int]] = []  # (hash, id, row) not looked up yet
        self.repeated: list[tuple[str, int]] = []  # (id, row) of each repeat, in the order read

    def watch(self, listings: Iterable) -> Iterator:
        """Pass ``listings`` through, counting them and noting ids seen before."""
        for listing in listings:
            self.read += 1
            if listing.error is None:
                self._waiting.append((hash(listing.id), listing.id, listing.row))
                if len(self._waiting) >= self.BATCH:
                    self._look_up()
            yield listing
        self._look_up()

    def _look_up(self) -> None:
        waiting, self._waiting = self._waiting, []
        before = self._seen.add([key for key, _, _ in waiting])
        self.repeated += [(i, row) for (_, i, row), old in zip(waiting, before) if old]

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
