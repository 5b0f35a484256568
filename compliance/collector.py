"""The garbage collector kept out of the way of objects that live as long as the run."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

# The young generation's size before a collection, while listings are checked. A listing's check
# allocates thousands of short-lived objects that reference counting frees; at Python's default
# (700) the collector walks whatever is alive every few listings to free little: 5-6 % of the
# check's time on real rows. At this size a 5,000-row check triggers no young collection at all,
# and the few cycles it leaves wait at most this many allocations (10-15 MB more at peak).
YOUNG_GENERATION = 100_000


def freeze_survivors() -> None:
    """One collection, then what survives it moves out of the collector's reach for the rest of
    the run (and, before a fork, stays on pages the workers share with the parent); from then on
    the young generation is collected only every ``YOUNG_GENERATION`` net allocations."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_GENERATION, *gc.get_threshold()[1:])


@contextmanager
def paused_collector(freeze: bool = False) -> Iterator[None]:
    """The collector off while the block builds objects that live on (the lists and their
    indexes, spaCy's pipeline): its passes over them find nothing to free and cost a tenth of
    a second at start-up. With ``freeze``, one collection on leaving takes what the block threw
    away and the survivors move out of the collector's reach for the rest of the run, so its full
    collections stop walking hundreds of thousands of them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            freeze_survivors()
        if enabled:
            gc.enable()
