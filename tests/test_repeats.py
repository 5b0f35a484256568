"""A listing whose content repeats one checked shortly before (a product's variants, a re-listed
item) reuses its results: the same report as checking it again, without matching it again."""
import datetime as dt

from compliance.check import REPEATS_REMEMBERED, Checker
from compliance.listing import Listing
from compliance.platforms import parse_targets

TITLES = ["Nike Women's Sneakers", "Stainless Steel Water Bottle", "G.U.C.C.I Wallet", "Case for Apple iPhone 15",
          "Kids Headphones Best Gift!", "Luxury Tote AAA quality replica", "Ceramic Mug"]


def catalog(n=300):
    for i in range(n):
        yield Listing.from_values(f"P{i}", i + 1, {"title": TITLES[i % len(TITLES)],
                                                   "description": "Contact me@example.com" if i % 5 == 0 else ""})


def _checker(blocklist, reuse: bool, batch_size: int = 16) -> Checker:
    checker = Checker(parse_targets(["ebay:US", "amazon:US"]), blocklist, as_of=dt.date(2026, 1, 1),
                      batch_size=batch_size)
    checker.reuse_repeats = reuse
    return checker


def test_repeats_give_the_report_of_checking_each_listing(fixture_blocklist):
    each = [r.to_dict() for r in _checker(fixture_blocklist, reuse=False).check(catalog())]
    reused = [r.to_dict() for r in _checker(fixture_blocklist, reuse=True).check(catalog())]
    assert [r["id"] for r in reused] == [f"P{i}" for i in range(300)]
    assert reused == each
    assert any(r["findings"] for r in reused)


def test_a_repeat_is_not_matched_again(fixture_blocklist):
    checker = _checker(fixture_blocklist, reuse=True)
    marks = checker.matchers[0]
    seen = []
    find = marks.find
    marks.find = lambda listing: seen.append(listing.id) or find(listing)
    list(checker.check(catalog()))
    # 7 titles x 2 descriptions make at most 14 distinct listings, fewer than the results remembered.
    assert len(seen) <= 14 < REPEATS_REMEMBERED


def test_only_the_same_content_is_a_repeat(fixture_blocklist):
    checker = _checker(fixture_blocklist, reuse=True)
    rows = [Listing.from_values("A", 1, {"title": "Nike running shoes", "brand": "Nike"}),
            Listing.from_values("B", 2, {"title": "Nike running shoes", "brand": "Acme"}),
            Listing.from_values("C", 3, {"title": "Nike running shoes", "brand": "Nike"})]
    a, b, c = checker.check_batch(rows, reuse=True)
    assert a.verdicts != b.verdicts
    assert a.to_dict()["findings"] == c.to_dict()["findings"] and c.listing.id == "C"


def test_the_listings_checked_are_not_kept_for_their_repeats(fixture_blocklist):
    import gc
    import weakref

    checker = _checker(fixture_blocklist, reuse=True)
    listing = Listing.from_values("A", 1, {"title": "Canvas Sneakers Nike Style"})
    [result] = checker.check_batch([listing], reuse=True)
    assert result.findings
    gone = weakref.ref(listing)
    del listing, result
    gc.collect()
    assert gone() is None
    [again] = checker.check_batch([Listing.from_values("B", 2, {"title": "Canvas Sneakers Nike Style"})], reuse=True)
    assert again.findings and again.listing.id == "B"


def test_a_listing_checked_alone_is_checked_whole(fixture_blocklist):
    # explain checks one listing and reads the decisions kept on it: never a repeat's empty ones
    checker = _checker(fixture_blocklist, reuse=True)
    list(checker.check(catalog(20)))
    values = {"title": "Nike Air Zoom Running Shoes", "brand": "Nike"}  # its own brand: a decision kept
    list(checker.check_batch([Listing.from_values("Y", 1, values)], reuse=True))
    [alone] = checker.check_batch([Listing.from_values("Z", 2, values)])
    assert alone.listing.spans.get("marks") and alone.listing.decisions
