import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest

from compliance.blocklist import load_blocklist
from compliance.check import Checker
from compliance.listing import Listing
from compliance.platforms import load_platforms, parse_targets

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SHARED = HERE.resolve().parents[1] / "shared"

# Built indexes go to a cache of this test run, never the user's (subprocesses inherit it).
os.environ["LISTGUARD_CACHE_DIR"] = tempfile.mkdtemp(prefix="listguard-test-cache-")
os.environ["LISTGUARD_CACHE_KEY"] = os.path.join(tempfile.mkdtemp(prefix="listguard-test-key-"), "cache.key")
# The store (lists, register, run history) of this test run, never the user's; tests that need a
# store of their own set LISTGUARD_DB to a path under tmp_path.
os.environ["LISTGUARD_DB"] = os.path.join(tempfile.mkdtemp(prefix="listguard-test-store-"), "listguard.db")


@pytest.fixture(scope="session")
def fixture_blocklist():
    return load_blocklist(FIXTURES / "blocklist.csv")


@pytest.fixture(scope="session")
def checker(fixture_blocklist):
    """A checker over the test blocklist only, for ebay:US, amazon:US, ebay:DE, amazon:DE."""
    targets = parse_targets(["ebay:US", "amazon:US", "ebay:DE", "amazon:DE"], load_platforms())
    return Checker(targets, fixture_blocklist, as_of=dt.date(2026, 1, 1))


@pytest.fixture(scope="session")
def check_one(checker):
    def run(title, description="", brand="", category="", **more):
        values = {"title": title, "description": description, "brand": brand, "category": category, **more}
        return checker.check_batch([Listing.from_values("T1", 1, values)])[0]
    return run


@pytest.fixture(scope="session")
def curated_entries():
    from compliance.blocklist import load_blocklists

    return load_blocklists([], defaults=True)


@pytest.fixture(scope="session")
def checker_with(curated_entries):
    """``checker_with(authorized=("Sanrio",))(title, ...)``: a check against the curated lists,
    optionally with the seller's authorized brands (or owners)."""
    from compliance.rules.evidence import AuthorizedBrand

    def build(authorized=()):
        targets = parse_targets(["ebay:US", "amazon:US"], load_platforms())
        brands = tuple(AuthorizedBrand(brand=b, owner=b) for b in authorized)
        checker = Checker(targets, curated_entries, as_of=dt.date(2026, 1, 1), authorized=brands)

        def run(title, description="", brand="", category="", **more):
            # brand=None: the catalog has no brand column at all
            values = {"title": title, "description": description, "brand": brand, "category": category, **more}
            if brand is None:
                del values["brand"]
            return checker.check_batch([Listing.from_values("T1", 1, values)])[0]
        return run
    return build
