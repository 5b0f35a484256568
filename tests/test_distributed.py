"""The Dask check, partition by partition on real worker processes, finds exactly what the
single-process check finds on the same catalog."""
from __future__ import annotations

import csv
import datetime as dt
import logging

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

from compliance.catalog import read_catalog  # noqa: E402
from compliance.check import summarize  # noqa: E402
from compliance.distributed import CheckSetup, check_dask, check_pandas, checkers_built, spark_schema  # noqa: E402
from compliance.errors import UsageError  # noqa: E402
from compliance.formats.json_report import FINDING_KEYS  # noqa: E402

from .conftest import FIXTURES  # noqa: E402

EXAMPLES = FIXTURES.parents[1] / "examples" / "catalog.csv"
TARGETS = ["ebay:US", "amazon:US", "ebay:DE", "amazon:DE"]  # the conftest checker's
AS_OF = dt.date(2026, 1, 1)

TITLES = (
    "Nike Air Max 90 Running Shoes Men", "N I K E Running Shoes", "G.U.C.C.I Leather Belt", "Guccci Marmont Bag",
    "Gucci style tote bag", "Phone Case compatible with iPhone 15 Pro", "Case for Samsung Galaxy Buds 2",
    "AAA quality replica watch", "1:18 scale replica roadster model", "Apple corer stainless steel",
    "Coach bus seat covers set of 2", "Louis Vuitton Neverfull inspired tote", "Ray-Ban sunglasses polarized",
    "Brass knuckles paperweight", "Ionic hair straightener with floating plates", "FREE SHIPPING!! Best price yoga mat",
    "N\u200bike socks 6 pairs", "N\u0456ke training shorts", "Leather wallet for men", "Stanley style tumbler 40 oz",
)
DESCRIPTIONS = (
    "Breathable mesh upper and a cushioned sole.",
    "<p>Soft vegan leather.</p><ul><li>Zip pocket</li><li>Adjustable strap</li></ul>",
    "Call 555-013-4477 or email deals@example.com for bulk orders.",
    "Looks exactly like the real one, 1:1 copy, passing quality.",
    "Fits most phones. Visit www.example-shop.com for more colours.",
    "Dove grey colour, imitation leather strap, runs on AAA batteries.",
    "A great gift for a coach who has everything.",
)
BRANDS = ("Stridex", "Trailmate", "Nike", "Horalux", "Casewell", "Sonavi", "")
CATEGORIES = (
    "Clothing, Shoes & Accessories > Men > Men's Shoes", "Cell Phones & Accessories > Cases, Covers & Skins",
    "Jewelry & Watches > Watches", "Home & Garden > Kitchen, Dining & Bar",
    "Clothing, Shoes & Accessories > Women > Bags",
    "eBay Motors > Parts & Accessories", "Health & Beauty > Hair Care & Styling",
)


@pytest.fixture(scope="module")
def catalog_path(tmp_path_factory):
    """The example catalog, then rows with marks plain and disguised, cues, HTML and contact details."""
    path = tmp_path_factory.mktemp("distributed") / "catalog.csv"
    with open(EXAMPLES, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for i in range(120):
        rows.append({"sku": f"GEN-{i:03d}", "title": TITLES[i % len(TITLES)],
                     "description": DESCRIPTIONS[(i * 3) % len(DESCRIPTIONS)], "brand": BRANDS[i % len(BRANDS)],
                     "category": CATEGORIES[(i * 5) % len(CATEGORIES)], "price": f"{10 + i % 40}.99"})
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["sku", "title", "description", "brand", "category", "price"])
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def expected(catalog_path, checker):
    """The single-process run: the catalog reader and the checker the command line uses."""
    _, listings = read_catalog(catalog_path)
    results = list(checker.check(listings))
    keys = [t.key for t in checker.targets]
    findings = sorted(
        (r.listing.id, r.listing.row, *("|".join(f[k]) if k == "platforms" else f[k] for k in FINDING_KEYS))
        for r in results for f in (x.to_dict() for x in r.findings))
    verdicts = {(r.listing.id, r.listing.row): r.verdicts for r in results}
    counts = None
    for r in results:
        counts = summarize(counts, r, keys)
    return findings, verdicts, counts


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _rows(frame):
    return sorted(tuple(None if pd.isna(v) else v for v in row)
                  for row in frame[["id", "row", *FINDING_KEYS]].itertuples(index=False, name=None))


def test_dask_on_a_local_cluster_finds_what_one_process_finds(client, catalog_path, expected):
    want_findings, want_verdicts, want_counts = expected
    assert want_findings, "the catalog must give the check something to find"
    ddf = dd.read_csv(catalog_path, dtype=str, keep_default_na=False, blocksize=4_000)
    assert ddf.npartitions >= 3

    checked = check_dask(ddf, targets=TARGETS, blocklists=[FIXTURES / "blocklist.csv"], defaults=False, as_of=AS_OF)
    report, findings, summaries = checked.compute()

    assert _rows(findings) == want_findings
    assert findings["partition"].nunique() > 1
    listings = report.drop_duplicates(["id", "row"])
    got_verdicts = {(i, r): {k: listings.iloc[n][f"verdict:{k}"] for k in TARGETS}
                    for n, (i, r) in enumerate(zip(listings["id"], listings["row"]))}
    assert got_verdicts == want_verdicts
    assert list(listings["row"]) == list(range(1, len(want_verdicts) + 1))  # catalog-wide, in input order
    totals = summaries.groupby("platform")[["pass", "warn", "fail", "error"]].sum()
    assert {k: totals.loc[k].to_dict() for k in TARGETS} == want_counts


def test_each_worker_builds_the_checker_once(client, catalog_path):
    ddf = dd.read_csv(catalog_path, dtype=str, keep_default_na=False, blocksize=4_000)
    checked = check_dask(ddf, targets=TARGETS, blocklists=[FIXTURES / "blocklist.csv"], defaults=False, as_of=AS_OF)
    checked.report.compute()
    built = client.run(checkers_built)
    assert sum(built.values()) >= 1
    assert all(n <= 1 for n in built.values()), built


def test_check_pandas_reads_columns_by_their_usual_names():
    frame = pd.DataFrame({"Product Name": ["G U C C I belt", "Plain mug"], "Body (HTML)": ["<p>Leather</p>", ""],
                          "Vendor": ["Horalux", "Claybird"], "Item SKU": ["A1", "A2"]})
    setup = CheckSetup.create(TARGETS, [FIXTURES / "blocklist.csv"], defaults=False, as_of=AS_OF)
    report = check_pandas(frame, setup=setup, mapping={"id": "Item SKU"})
    assert list(report.drop_duplicates("id")["id"]) == ["A1", "A2"]
    assert "Gucci" in set(report["entry"].dropna())
    assert list(report.columns[:6]) == ["id", "row", "verdict:ebay:US", "verdict:amazon:US", "verdict:ebay:DE",
                                        "verdict:amazon:DE"]


def test_a_frame_without_a_title_column_fails_before_any_work():
    ddf = dd.from_pandas(pd.DataFrame({"sku": ["A1"], "body": ["text"]}), npartitions=1)
    with pytest.raises(UsageError, match="no title column"):
        check_dask(ddf, targets=["ebay:US"], defaults=False)


def test_spark_schema_names_every_report_column():
    schema = spark_schema(["ebay:US", "amazon:DE"])
    assert schema.startswith("`id` string, `row` bigint, `verdict:ebay:US` string, `verdict:amazon:DE` string")
    assert "`start` int" in schema and "`score` double" in schema and schema.endswith("`error` string")
