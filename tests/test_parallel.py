"""Several processes give the same results as one, in input order."""
import datetime as dt

from compliance.check import Checker
from compliance.listing import Listing
from compliance.parallel import check_parallel
from compliance.platforms import parse_targets

TITLES = ["Nike Women's Sneakers", "Stainless Steel Water Bottle", "G.U.C.C.I Wallet", "Case for Apple iPhone 15",
          "Kids Headphones Best Gift!", "Luxury Tote AAA quality replica", "Brass Knuckles Duster", "Ceramic Mug"]


def catalog():
    for i in range(300):
        yield Listing.from_values(f"P{i}", i + 1, {"title": TITLES[i % len(TITLES)],
                                                   "description": "Contact me@example.com" if i % 7 == 0 else ""})


def test_parallel_matches_single_process_in_order(fixture_blocklist):
    targets = parse_targets(["ebay:US", "amazon:US"])
    as_of = dt.date(2026, 1, 1)
    single = [r.to_dict() for r in Checker(targets, fixture_blocklist, as_of=as_of).check(catalog())]
    checker = Checker(targets, fixture_blocklist, as_of=as_of, batch_size=16)
    parallel = [o.to_dict() for o in check_parallel(checker, catalog(), jobs=2)]
    assert [i["id"] for i in parallel] == [f"P{i}" for i in range(300)]
    assert parallel == single


def _run_with_pid(batch, with_text):
    """Like the workers' own task, and says which process ran it."""
    import os

    from compliance import parallel
    return [(r.to_dict(with_text=with_text), {**r.verdicts, "_pid": os.getpid()})
            for r in parallel._worker.check_batch(batch)]


def test_replaced_workers_give_the_same_results(fixture_blocklist, monkeypatch):
    """Workers replaced every two batches (to keep memory flat) still give every result, in order."""
    import compliance.parallel as parallel_module

    monkeypatch.setattr(parallel_module, "RECYCLE_BATCHES", 2)
    monkeypatch.setattr(parallel_module, "_run", _run_with_pid)
    targets = parse_targets(["ebay:US", "amazon:US"])
    as_of = dt.date(2026, 1, 1)
    single = [r.to_dict() for r in Checker(targets, fixture_blocklist, as_of=as_of).check(catalog())]
    checker = Checker(targets, fixture_blocklist, as_of=as_of, batch_size=10)
    outcomes = list(check_parallel(checker, catalog(), jobs=2))
    pids = {o.verdicts.pop("_pid") for o in outcomes}
    assert len(pids) > 2  # 30 batches, a worker lives for 2: many were replaced
    assert [o.to_dict() for o in outcomes] == single


def test_a_finished_run_lets_its_workers_end_without_a_signal(fixture_blocklist, monkeypatch):
    """At the end of a run every worker takes the pool's closing sentinel and ends: none is sent
    SIGTERM, which a worker forked a moment before (still holding the parent's handler) could
    swallow, leaving the run waiting for it forever."""
    import multiprocessing.process

    import compliance.parallel as parallel_module

    signalled = []
    monkeypatch.setattr(parallel_module, "RECYCLE_BATCHES", 2)
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "terminate",
                        lambda self: signalled.append(self.pid))
    targets = parse_targets(["ebay:US", "amazon:US"])
    checker = Checker(targets, fixture_blocklist, as_of=dt.date(2026, 1, 1), batch_size=10)
    assert len(list(check_parallel(checker, catalog(), jobs=2))) == 300
    assert signalled == []


def _start_after_a_sigterm(*args):
    """The pool's initializer, after a SIGTERM that arrives the moment the worker is forked: says
    in a file whether the signal was held for the worker or taken by the handler it inherited,
    then consumes it, so that the worker lives on to check its batches."""
    import os
    import signal

    from compliance import parallel
    os.kill(os.getpid(), signal.SIGTERM)
    held = signal.SIGTERM in signal.sigpending()
    with open(os.environ["LISTGUARD_TEST_SIGTERM_LOG"], "a") as log:
        log.write("held\n" if held else "taken\n")
    if held:
        signal.sigwait({signal.SIGTERM})
    parallel._start_real(*args)


def test_a_sigterm_before_a_worker_is_ready_waits_for_it(fixture_blocklist, monkeypatch, tmp_path):
    """A worker forked with the parent's SIGTERM handler (a replacement, forked mid-run) holds the
    signal until its own default is in place, so a stopped run's terminate() always ends it."""
    import signal

    import compliance.parallel as parallel_module

    log = tmp_path / "sigterm.log"
    monkeypatch.setenv("LISTGUARD_TEST_SIGTERM_LOG", str(log))
    monkeypatch.setattr(parallel_module, "RECYCLE_BATCHES", 2)
    monkeypatch.setattr(parallel_module, "_start_real", parallel_module._start, raising=False)
    monkeypatch.setattr(parallel_module, "_start", _start_after_a_sigterm)
    previous = signal.signal(signal.SIGTERM, lambda *_: None)  # the parent's own handler, as the CLI's
    try:
        targets = parse_targets(["ebay:US", "amazon:US"])
        checker = Checker(targets, fixture_blocklist, as_of=dt.date(2026, 1, 1), batch_size=10)
        assert len(list(check_parallel(checker, catalog(), jobs=2))) == 300
    finally:
        signal.signal(signal.SIGTERM, previous)
    starts = log.read_text().split()
    assert len(starts) > 2 and set(starts) == {"held"}  # replacements included


def test_a_warmed_up_checker_gives_the_same_results_as_a_fresh_one(curated_entries):
    """The warm-up before the workers fork loads what the check loads on first use, and nothing
    of it shows in the results: the same findings, verdicts and order as a checker never warmed."""
    targets = parse_targets(["ebay:US", "amazon:US"])
    as_of = dt.date(2026, 1, 1)
    listings = [*catalog(), Listing.from_values("R1", 301, {"title": "Чехол для iPhone 13 с Человеком-пауком"}),
                Listing.from_values("R2", 302, {"title": "Funda nórdica estilo Nike", "brand": "Generic"})]
    fresh = [r.to_dict() for r in Checker(targets, curated_entries, as_of=as_of).check(listings)]
    warmed = Checker(targets, curated_entries, as_of=as_of)
    warmed.warm_up()
    assert [r.to_dict() for r in warmed.check(listings)] == fresh
    assert any(item["findings"] for item in fresh[-2:])
