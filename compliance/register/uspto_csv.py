"""The USPTO Trademark Case Files Dataset as CSV: ``case_file.csv``, ``owner.csv`` and
``intl_class.csv`` (or ``classification.csv``), one row per case, owner and class.

Columns read (see :mod:`.uspto`): case_file ``serial_no``, ``mark_id_char`` (the mark's words;
empty for a design-only mark, which is skipped), ``cfh_status_cd``, ``registration_no``
(``0000000`` when not registered), ``filing_dt``, ``registration_dt``; owner ``serial_no``,
``own_name``, ``own_type_cd``; intl_class ``serial_no``, ``intl_class_cd`` (``025``), or
classification ``serial_no``, ``class_primary_cd``.

Each table is read once, front to back; the store does the joining (see :mod:`.base`).
"""
from __future__ import annotations

import csv
import sys
from operator import itemgetter
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .base import Source
from .uspto import CASE_FILE, TableFile, find_tables, folder_holds, missing_columns, table_records, zip_holds


class CsvTable:
    """One CSV table read row by row; errors name its line and column."""

    def __init__(self, table: TableFile, wanted: tuple[str, ...]):
        self.table = table
        self.wanted = wanted
        self.index: list[int] = []

    def rows(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with self.table.open_text() as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise InputError("is empty; download the table again", str(self.table), 1)
            names = [h.strip().lower() for h in header]
            problem = missing_columns(self.table, self.wanted, names)
            if problem:
                raise problem
            self.index = [names.index(c) for c in self.wanted]
            width = max(self.index) + 1
            pick = itemgetter(*self.index)
            for cells in reader:
                if len(cells) < width:
                    if not any(cells):
                        continue
                    raise self.error(reader.line_num, None, f"has {len(cells)} cells where the header has "
                                     f"{len(header)}; the file may be cut short: download it again")
                yield reader.line_num, pick(cells)

    def error(self, place: int, cell: int | None, message: str) -> InputError:
        column = self.index[cell] + 1 if cell is not None else None
        return InputError(message, str(self.table), place, column)


class UsptoCsv:
    name = "uspto-csv"
    description = "USPTO Trademark Case Files Dataset, CSV (case_file, owner, intl_class tables)"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            return folder_holds(path, CASE_FILE, "csv")
        if head.startswith(b"PK"):
            return zip_holds(path, CASE_FILE, "csv")
        first = head.split(b"\n", 1)[0].lower()
        return b"serial_no" in first and b"mark_id_char" in first

    def open(self, path: Path) -> Source:
        tables = find_tables(path, "csv")
        return Source(self.name, path, tables.files, lambda: table_records(tables, CsvTable))


LAYOUT = UsptoCsv()
