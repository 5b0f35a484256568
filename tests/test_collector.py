"""The collector paused while long-lived objects are built, and left as it was found."""
import gc

import pytest

from compliance.collector import paused_collector


@pytest.fixture(autouse=True)
def _restore():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


def test_the_collector_is_off_inside_and_back_on_after():
    gc.enable()
    with paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    with paused_collector():
        pass
    assert not gc.isenabled()


def test_an_error_inside_still_turns_it_back_on():
    gc.enable()
    with pytest.raises(ValueError), paused_collector():
        raise ValueError("bad row")
    assert gc.isenabled()


def test_freeze_moves_what_was_built_out_of_reach():
    gc.enable()
    before = gc.get_freeze_count()
    with paused_collector(freeze=True):
        kept = [[i] for i in range(1000)]  # noqa: F841  (lives on, like the lists)
    assert gc.get_freeze_count() >= before + 1000
