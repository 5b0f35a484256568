"""The USPTO Trademark Case Files Dataset as Parquet: ``case_file.parquet``, ``owner.parquet`` and
``intl_class.parquet`` (or ``classification.parquet``) with the CSV tables' columns (see
:mod:`.uspto`), read a batch of rows at a time with pyarrow, which is imported only here. Values
may be typed (an integer serial_no, a date column) or text; both read the same. Errors name the
row (Parquet has no lines) and the column.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from .base import Source
from .uspto import CASE_FILE, TableFile, find_tables, folder_holds, missing_columns, table_records

BATCH_ROWS = 16_384


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


class ParquetTable:
    def __init__(self, table: TableFile, wanted: tuple[str, ...]):
        self.table = table
        self.wanted = wanted

    def rows(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        import pyarrow.parquet as pq  # only a Parquet import needs it

        try:
            parquet = pq.ParquetFile(self.table.path)
        except Exception as exc:  # pyarrow has its own error kinds for a file that is not Parquet
            raise InputError(f"not a readable Parquet file ({exc}); download it again", self.table.path) from None
        names = {n.lower(): n for n in parquet.schema_arrow.names}
        problem = missing_columns(self.table, self.wanted, list(names))
        if problem:
            raise problem
        row = 0
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=[names[c] for c in self.wanted]):
            columns = [[_text(v) for v in column.to_pylist()] for column in batch.columns]
            for cells in zip(*columns):
                row += 1
                yield row, cells

    def error(self, place: int, cell: int | None, message: str) -> InputError:
        column = f", column {self.wanted[cell]}" if cell is not None else ""
        return InputError(f"row {place}{column}: {message}", self.table.path)


class UsptoParquet:
    name = "uspto-parquet"
    description = "USPTO Trademark Case Files Dataset, Parquet (the same tables and columns)"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            return folder_holds(path, CASE_FILE, "parquet")
        return head.startswith(b"PAR1")

    def open(self, path: Path) -> Source:
        tables = find_tables(path, "parquet")
        return Source(self.name, path, tables.files, lambda: table_records(tables, ParquetTable))


LAYOUT = UsptoParquet()
