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
