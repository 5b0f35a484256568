"""A mark's evidence is found when the decision first asks for it, and holds its listing weakly."""
import gc
import weakref

from compliance.listing import Listing
from compliance.rules.trademark import mark_decisions


def _checked(checker, title, brand=""):
    listing = Listing.from_values("T1", 1, {"title": title, "brand": brand})
    checker.check_batch([listing])
    return listing


def test_a_span_decided_by_the_first_steps_never_finds_the_later_answers(checker):
    listing = _checked(checker, "Nike Air Zoom Running Shoes", brand="Nike")
    [decision] = [d for d in mark_decisions(listing) if d.span.data["entry"].term == "Nike"]
    assert decision.step == "spare_own_brand"
    found = vars(decision.evidence)
    assert found["own_brand"] is True
    assert not {"makers_line", "part_number", "impossible_spec", "fitment_list"} & found.keys()


def test_explain_still_prints_every_answer_of_a_spared_span(checker):
    listing = _checked(checker, "Nike Air Zoom Running Shoes", brand="Nike")
    notes = [str(why) for span, why in listing.decisions if span.text == "Nike"]
    assert notes and "decided by spare_own_brand" in notes[0] and "classes overlap" in notes[0]


def _checked_and_let_go(checker):
    """Check a listing whose decisions (with their evidence) are kept on it, and drop it."""
    listing = _checked(checker, "Canvas Sneakers Nike Style")
    kept = len(mark_decisions(listing))
    return weakref.ref(listing), kept


def test_a_checked_listing_is_freed_without_the_cycle_collector(checker):
    gc.collect()
    gc.disable()
    try:
        gone, kept = _checked_and_let_go(checker)
        freed = gone() is None
    finally:
        gc.enable()
    assert kept and freed
