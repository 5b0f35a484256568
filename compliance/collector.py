"""The garbage collector kept out of the way of objects that live as long as the run."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


def freeze_survivors() -> None:
    """One collection, then what survives it moves out of the collector's reach for the rest of
    the run (and, before a fork, stays on pages the workers share with the parent)."""
    gc.collect()
    gc.freeze()


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
