"""Check a catalog held in a dataframe: pandas in one process or inside Spark's
``mapInPandas``, or Dask partition by partition on a cluster.

A dataframe's columns are found by the same names as a CSV catalog's (see
:data:`compliance.catalog.COLUMN_NAMES`; ``mapping`` overrides, like ``--map``). The
result is the CSV report as a frame: one row per finding, and one row for a listing
without findings (its finding columns empty), each with the listing's ``id``, ``row``,
one ``verdict:PLATFORM:REGION`` column per target and ``error``::

    report = check_pandas(frame, targets=["ebay:US", "amazon:DE"], blocklists=["brands.csv"])

    checked = check_dask(ddf, targets=["ebay:US"], blocklists=["/shared/brands.csv"])
    report, findings, summaries = checked.compute()   # one pass over the data

Every worker process builds the checker (automata, fuzzy index, spaCy) once per
configuration and reuses it for every partition it is given. Blocklist files are read on
the workers, so they must be at the same path there (shared storage); their content hash
is taken on the driver and a worker that sees different content refuses to check.

Unless the frame has a ``row`` column, :func:`check_dask` numbers rows from 1 across the
whole frame, as the command line numbers a CSV's data rows, and :func:`check_pandas` from
``row_offset + 1``. Shopify variant rows are not merged with their product here: a
partition does not know the rows before it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

try:
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError("compliance.distributed needs pandas (and dask for check_dask): "
                      "pip install 'listguard[distributed]'") from exc

from .blocklist import load_blocklists
from .catalog import resolve_columns
from .check import Checker, ListingResult
from .errors import InputError
from .formats.json_report import FINDING_KEYS
from .listing import Listing
from .platforms import DEFAULT_TARGETS, MARKETPLACES, load_platforms, parse_targets

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

ROW_COLUMN = "row"


@dataclass(frozen=True)
class CheckSetup:
    """Everything a worker needs to build the driver's checker: small, hashable, picklable."""

    targets: tuple[str, ...]
    blocklists: tuple[tuple[str, str], ...] = ()  # (path, sha256 of the content on the driver)
    defaults: bool = True
    as_of: dt.date | None = None
    batch_size: int = 512

    @classmethod
    def create(cls, targets: Iterable[str] | None = None, blocklists: Iterable[str | Path] = (),
               defaults: bool = True, as_of: dt.date | None = None, batch_size: int = 512) -> "CheckSetup":
        """Validate the options where the user is (unknown platforms, missing files) and pin
        the date, so every worker checks against the same day and the same lists."""
        keys = tuple(t.key for t in parse_targets(list(targets or DEFAULT_TARGETS), load_platforms()))
        pinned = tuple((str(Path(p)), _content_hash(Path(p))) for p in blocklists)
        return cls(keys, pinned, defaults, as_of or dt.date.today(), batch_size)


def _content_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(f"cannot open blocklist ({exc.strerror}); check the path", path) from None


_building = threading.Lock()


@lru_cache(maxsize=4)
def _build(setup: CheckSetup) -> tuple[Checker, threading.Lock]:
    for path, expected in setup.blocklists:
        if _content_hash(Path(path)) != expected:
            raise InputError("this blocklist differs from the one the check was started with; put blocklists "
                             "on storage every worker reads, at the same path", path)
    packs = load_platforms()
    entries = load_blocklists([p for p, _ in setup.blocklists], defaults=setup.defaults,
                              platform_names=set(packs) | set(MARKETPLACES))
    checker = Checker(parse_targets(list(setup.targets), packs), entries, as_of=setup.as_of,
                      batch_size=setup.batch_size)
    # The checker keeps per-batch state on listings and builds spaCy lazily: one batch at a time.
    return checker, threading.Lock()


def checker_for(setup: CheckSetup) -> tuple[Checker, threading.Lock]:
    """This process's checker for ``setup``, built on first use, and the lock to use it under."""
    with _building:  # threads of one worker would otherwise build the same checker twice
        return _build(setup)


def checkers_built() -> int:
    """How many checkers this process has built (one per configuration, however many partitions)."""
    return _build.cache_info().misses


# -- pandas ------------------------------------------------------------------------------

def report_columns(keys: Iterable[str]) -> list[str]:
    """The report frame's columns, as ``listguard check -f csv`` writes them."""
    return ["id", ROW_COLUMN, *(f"verdict:{k}" for k in keys), *FINDING_KEYS, "error"]


def _dtypes(keys: Iterable[str]) -> dict[str, str]:
    types = {c: "string" for c in report_columns(keys)}
    types.update({ROW_COLUMN: "int64", "start": "Int64", "end": "Int64", "score": "float64"})
    return types


def _frame(records: dict[str, list], index: pd.Index, keys: tuple[str, ...], partition: int | None) -> pd.DataFrame:
    # Each report row keeps the index label of its listing's row, so Dask's divisions still hold.
    data = {}
    if partition is not None:
        data["partition"] = pd.Series([partition] * len(index), dtype="int64", index=index)
    for column, kind in _dtypes(keys).items():
        data[column] = pd.Series(records[column], dtype=kind, index=index)
    return pd.DataFrame(data, index=index)


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value if isinstance(value, str) else str(value)


def _listings(df: pd.DataFrame, mapping: dict[str, str], offset: int) -> Iterator[Listing]:
    columns = resolve_columns([str(c) for c in df.columns], mapping, "the dataframe")
    cells = {name: [_text(v) for v in df.iloc[:, i].tolist()] for name, i in columns.items()}
    numbers = (df[ROW_COLUMN].tolist() if ROW_COLUMN in df.columns
               else range(offset + 1, offset + len(df) + 1))
    for position, row in enumerate(numbers):
        values = {name: column[position] for name, column in cells.items()}
        row = int(row)
        yield Listing.from_values(values.get("id", "").strip() or f"row-{row}", row, values)


def _report(results: Iterable[ListingResult], index: list, keys: tuple[str, ...],
            partition: int | None = None) -> pd.DataFrame:
    records: dict[str, list] = {c: [] for c in report_columns(keys)}
    at: list = []
    for label, result in zip(index, results):
        listing = result.listing
        findings: list[dict | None] = [f.to_dict() for f in result.findings] or [None]
        for finding in findings:
            at.append(label)
            records["id"].append(listing.id)
            records[ROW_COLUMN].append(listing.row)
            for k in keys:
                records[f"verdict:{k}"].append(result.verdicts.get(k))
            for key in FINDING_KEYS:
                value = None if finding is None else finding[key]
                records[key].append("|".join(value) if isinstance(value, list) else value)
            records["error"].append(listing.error)
    return _frame(records, pd.Index(at), keys, partition)


def check_pandas(df: pd.DataFrame, targets: Iterable[str] | None = None, blocklists: Iterable[str | Path] = (),
                 defaults: bool = True, as_of: dt.date | None = None, mapping: dict[str, str] | None = None,
                 setup: CheckSetup | None = None, row_offset: int = 0) -> pd.DataFrame:
    """Check every row of ``df`` and return the report frame (see the module's docstring).

    Rows are numbered ``row_offset + 1`` onwards unless ``df`` has a ``row`` column. Pass
    one ``setup`` (:meth:`CheckSetup.create`) when calling this for many frames, as in
    Spark's ``mapInPandas``; the checker is built once per process either way.
    """
    setup = setup or CheckSetup.create(targets, blocklists, defaults, as_of)
    return _check_frame(df, setup, dict(mapping or {}), row_offset)


def _check_frame(df: pd.DataFrame, setup: CheckSetup, mapping: dict[str, str], row_offset: int = 0,
                 partition: int | None = None) -> pd.DataFrame:
    if df.empty:
        return _frame({c: [] for c in report_columns(setup.targets)}, df.index, setup.targets, partition)
    checker, lock = checker_for(setup)
    listings = _listings(df, mapping, row_offset)
    with lock:
        # Results turn into report rows as they come, so a large partition never holds them all.
        return _report(checker.check(listings), df.index.tolist(), setup.targets, partition)


def summarize_report(report: pd.DataFrame, keys: Iterable[str]) -> pd.DataFrame:
    """Per target: listings, how many pass, warn, fail or error, and the findings that count there."""
    keys = tuple(keys)
    ident = report[["id", ROW_COLUMN]]
    first = ident.ne(ident.shift()).any(axis=1)  # a listing's report rows are consecutive
    listings = report[first]
    platforms = report["platforms"].fillna("").str.split("|")
    rows = []
    for key in keys:
        counts = listings[f"verdict:{key}"].value_counts()
        rows.append({"platform": key, "listings": int(len(listings)),
                     **{v: int(counts.get(v, 0)) for v in ("pass", "warn", "fail", "error")},
                     "findings": int(platforms.map(lambda ps, k=key: k in ps).sum())})
    return pd.DataFrame(rows, columns=["platform", "listings", "pass", "warn", "fail", "error", "findings"]).astype(
        {"platform": "string", **{c: "int64" for c in ("listings", "pass", "warn", "fail", "error", "findings")}})


def spark_schema(targets: Iterable[str] | None = None) -> str:
    """The report frame's schema as a Spark DDL string, for ``mapInPandas(..., schema=...)``."""
    keys = tuple(t.key for t in parse_targets(list(targets or DEFAULT_TARGETS), load_platforms()))
    spark = {"string": "string", "int64": "bigint", "Int64": "int", "float64": "double"}
    return ", ".join(f"`{c}` {spark[t]}" for c, t in _dtypes(keys).items())


# -- dask --------------------------------------------------------------------------------

class DaskReport(NamedTuple):
    """Lazy frames over one check. ``compute()`` computes them together, so each partition
    is checked once; computing them one by one checks each partition again."""

    report: "dd.DataFrame"  # the report frame, with a leading ``partition`` column
    findings: "dd.DataFrame"  # partition, id, row and the finding columns; one row per finding
    summaries: "dd.DataFrame"  # one row per partition and target: listings, pass/warn/fail/error, findings

    def compute(self, **kwargs) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        import dask

        return dask.compute(self.report, self.findings, self.summaries, **kwargs)


def _check_partition(part: pd.DataFrame, setup: CheckSetup, mapping: dict[str, str],
                     partition_info: dict | None = None) -> pd.DataFrame:
    number = partition_info["number"] if partition_info else 0
    return _check_frame(part, setup, mapping, partition=number)


def _summarize_partition(report: pd.DataFrame, keys: tuple[str, ...],
                         partition_info: dict | None = None) -> pd.DataFrame:
    summary = summarize_report(report, keys)
    number = partition_info["number"] if partition_info else 0
    summary.insert(0, "partition", pd.Series([number] * len(summary), dtype="int64"))
    return summary


def check_dask(ddf: "dd.DataFrame", targets: Iterable[str] | None = None, blocklists: Iterable[str | Path] = (),
               defaults: bool = True, as_of: dt.date | None = None,
               mapping: dict[str, str] | None = None, batch_size: int = 512) -> DaskReport:
    """Check a Dask DataFrame partition by partition; returns lazy frames (:class:`DaskReport`).

    Columns are resolved here first, so a frame without a title column fails at once rather
    than on a worker. Without a ``row`` column, rows are numbered across the whole frame.
    """
    setup = CheckSetup.create(targets, blocklists, defaults, as_of, batch_size)
    mapping = dict(mapping or {})
    resolve_columns([str(c) for c in ddf.columns], mapping, "the dataframe")
    if ROW_COLUMN not in ddf.columns:
        # A running count needs only each earlier partition's length, not its rows.
        ddf = ddf.assign(**{ROW_COLUMN: 1})
        ddf = ddf.assign(**{ROW_COLUMN: ddf[ROW_COLUMN].cumsum()})
    empty = _check_frame(ddf._meta, setup, mapping, partition=0)
    report = ddf.map_partitions(_check_partition, setup, mapping, meta=empty)
    findings = report[report["rule"].notnull()][["partition", "id", ROW_COLUMN, *FINDING_KEYS]]
    summary_meta = _summarize_partition(empty, setup.targets).iloc[:0]
    summaries = report.map_partitions(_summarize_partition, setup.targets, meta=summary_meta, clear_divisions=True)
    return DaskReport(report, findings, summaries)
