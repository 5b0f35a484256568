"""Check a catalog on several cores, keeping the output in input order.

Each worker process builds its own :class:`~compliance.check.Checker` once (automata,
fuzzy index, spaCy), then checks batches of listings; forked workers start with the
parent's and are replaced now and then to keep memory flat. The parent reads the catalog,
sends batches out in a bounded sliding window (so memory stays flat however large the
catalog), and yields each batch's results in the order the batches were read.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import signal
from collections import deque
from contextlib import contextmanager
from itertools import islice
from typing import Iterable, Iterator

from .check import Checker
from .collector import freeze_survivors

_worker: Checker | None = None
# A forked worker is replaced after this many batches. Over a long run it copies the pages of the
# shared index it touches (reference counts are writes) and fills its caches; a fresh fork
# shares them again, so memory stays flat for millions of rows. The cost is a new worker's cold
# caches. On a million rows of real listings with 50k marks and two jobs, 50 batches (25,600
# listings) instead of 100 kept the process tree's peak at 584 MB instead of 610, for 3,901
# instead of 4,011 listings/s.
RECYCLE_BATCHES = 50


def _start(targets, entries, as_of, batch_size, authorized=(), register=None):
    global _worker
    # Ctrl-C and SIGTERM are the parent's to handle: it stops the pool, and a worker that
    # printed its own traceback would only bury the one-line message.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # held since the fork (see _held_sigterm): now it may end us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    if _worker is None:  # a forked worker already has the parent's checker
        _worker = Checker(targets, entries, as_of=as_of, batch_size=batch_size, authorized=authorized,
                          register=register)


def _run(batch, with_text):
    assert _worker is not None, "each worker builds or inherits its checker before its first batch"
    results = _worker.check_batch(batch, reuse=_worker.reuse_repeats)
    return [(r.to_dict(with_text=with_text), r.verdicts) for r in results]


class Outcome:
    """What the parent needs of a result: the report item and the verdicts."""

    __slots__ = ("item", "verdicts")

    def __init__(self, item, verdicts):
        self.item, self.verdicts = item, verdicts

    def to_dict(self, with_text: bool = False) -> dict:
        if with_text:
            return self.item
        return {k: v for k, v in self.item.items() if k not in ("title", "fields")}


@contextmanager
def _held_sigterm() -> Iterator[None]:
    """Hold SIGTERM in the threads a pool starts and so in every worker they fork.

    A worker forked in place of a retired one runs the parent's SIGTERM handler until
    :func:`_start` resets it; a pool's terminate() in that moment was taken by that handler and
    the worker lived on, so a stopped run waited for it forever. Held, the signal waits until
    :func:`_start` has put the default back, and then ends the worker.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def check_parallel(checker: Checker, listings: Iterable, jobs: int, with_text: bool = False) -> Iterator[Outcome]:
    """Like :meth:`Checker.check`, on ``jobs`` processes; results in input order.

    Where processes fork, each worker starts with a copy of ``checker`` (nothing is built
    twice); elsewhere each worker builds its own from the same targets and entries.
    """
    global _worker
    forking = "fork" in mp.get_all_start_methods()
    context = mp.get_context("fork" if forking else None)
    window = 4 * jobs
    batch_size = checker.batch_size
    _worker = checker if forking else None
    if forking:
        # What the check loads on first use, loaded here once for every worker to share.
        checker.warm_up()
        # The checker's millions of small objects move out of the collector's reach before the
        # fork: collections in the workers would otherwise write to every one of them and turn
        # the pages they share with the parent into private copies.
        freeze_survivors()
    try:
        with _held_sigterm():
            pool = context.Pool(jobs, initializer=_start, maxtasksperchild=RECYCLE_BATCHES if forking else None,
                                initargs=(checker.targets, checker.entries, checker.scope.as_of, batch_size,
                                          checker.authorized, checker.register))
        with pool:
            pending: deque = deque()
            it = iter(listings)
            while True:
                while len(pending) < window:
                    batch = list(islice(it, batch_size))
                    if not batch:
                        break
                    pending.append(pool.apply_async(_run, (batch, with_text)))
                if not pending:
                    # Every result is in: the workers end as they take the pool's closing
                    # sentinel, not by a signal (a stopped run's terminate() relies on
                    # _held_sigterm instead).
                    pool.close()
                    pool.join()
                    return
                for item, verdicts in pending.popleft().get():
                    yield Outcome(item, verdicts)
    finally:
        _worker = None
        if forking:
            gc.unfreeze()
