"""The collector paused while long-lived objects are built, and left as it was found."""
import gc

import pytest

from compliance.collector import YOUNG_GENERATION, paused_collector


@pytest.fixture(autouse=True)
def _restore():
    enabled = gc.isenabled()
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
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


def test_after_the_freeze_young_objects_are_collected_seldom():
    # a listing's short-lived objects are freed by reference counting: the collector's young
    # passes over what is alive between listings find little to free
    gc.set_threshold(700, 10, 10)
    with paused_collector(freeze=True):
        pass
    assert gc.get_threshold() == (YOUNG_GENERATION, 10, 10)
