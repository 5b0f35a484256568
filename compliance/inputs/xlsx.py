"""Excel workbooks (.xlsx, .xlsm), read row by row with openpyxl's read-only mode.

One sheet is read: ``--sheet NAME``, else the "Template" sheet of an Amazon category listing
template (in the marketplace's language: Vorlage, Modèle, ...), else the first. Cells become the
text a seller sees in Excel (``12`` not ``12.0``, dates as ``2024-03-01``), and formulas give the
value Excel last computed. The header is the first row that is not empty, or an Amazon template's
field-name row (see :mod:`.amazon`). A workbook is a zip file: one whose parts would unpack far
beyond what a sheet of listings needs is refused before anything is unpacked. Excel 97-2003
workbooks (.xls) are a different format and are refused with what to do instead.
"""
from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ..errors import InputError
from . import amazon
from .base import ReadOptions, Record, Table, Where

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, and password-protected workbooks
# Zip bombs: a part that unpacks more than MAX_RATIO times its packed size (sheets of listings pack
# 5-30 times), counted for parts over RATIO_FLOOR, or parts adding up to more than MAX_UNPACKED.
# zipfile stops at the size a part declares, so checking the declared sizes bounds what is unpacked.
MAX_UNPACKED = 2 * 1024**3
MAX_RATIO = 100
RATIO_FLOOR = 4 * 1024**2
PROGRESS_EVERY = 1_000  # rows between progress reports

Row = Sequence[Any]  # one sheet row: openpyxl read-only cells

# openpyxl warns of workbook features it does not read (data validation, conditional formats,
# Amazon's macros): nothing a check needs, and noise on the seller's terminal.
warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")


class Xlsx:
    name = "xlsx"
    description = "Excel workbook (.xlsx, .xlsm): --sheet NAME, else Amazon's Template sheet, else the first"

    def sniff(self, head: bytes, path: Path) -> bool:
        if head.startswith(OLE2_MAGIC):
            return True  # claimed to tell the seller it is an .xls, not to read it as text
        if not head.startswith(ZIP_MAGIC):
            return False
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return True  # named a workbook: if it is not one, say so rather than read its bytes as text
        try:
            with zipfile.ZipFile(path) as archive:  # reads only the zip's directory at its end
                return any(name.startswith("xl/workbook") for name in archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return False

    def open(self, path: Path, options: ReadOptions, progress: Callable[[int], None] | None) -> Table:
        _refuse_unreadable(path)
        handle = open(path, "rb")  # given a file, openpyxl reads the content whatever the file's name
        try:
            workbook = _load(handle, path)
        except BaseException:
            handle.close()
            raise

        def close() -> None:
            workbook.close()
            handle.close()

        try:
            return _table(self.name, workbook, close, path, options, progress)
        except BaseException:
            close()
            raise


READER = Xlsx()


def _refuse_unreadable(path: Path) -> None:
    """An .xls, a file that is no zip, or a zip bomb, refused before openpyxl unpacks anything."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(OLE2_MAGIC))
    except OSError as exc:
        raise InputError(f"cannot open the catalog ({exc.strerror}); check the path", path) from None
    if head.startswith(OLE2_MAGIC):
        raise InputError("this is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which "
                         "listguard does not read; open it in Excel and save it as Excel Workbook (.xlsx) "
                         "without a password, or as CSV UTF-8", path)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"is not a readable Excel workbook ({exc}); open it in Excel and save it again as "
                         f".xlsx, or export the sheet as CSV UTF-8", path) from None
    _refuse_bomb(entries, path)


def _refuse_bomb(entries: list[zipfile.ZipInfo], path: Path) -> None:
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            ratio = entry.file_size // max(entry.compress_size, 1)
            raise InputError(f"refused to read: the workbook's part {entry.filename} would unpack from "
                             f"{_size(entry.compress_size)} to {_size(entry.file_size)} ({ratio}:1, over the "
                             f"{MAX_RATIO}:1 a workbook of listings reaches), as a zip bomb does; if the file is "
                             f"genuine, save it again in Excel or export the sheet as CSV", path)
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNPACKED:
        raise InputError(f"refused to read: the workbook would unpack to {_size(total)}, over the "
                         f"{_size(MAX_UNPACKED)} listguard unpacks, as a zip bomb does; if the file is genuine, "
                         f"export the sheet as CSV and check that", path)


def _size(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def _load(handle, path: Path):
    try:
        import openpyxl  # here, not at the top: every run imports the layouts, few read a workbook

        return openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises what its zip, XML and schema parts raise
        raise InputError(f"is not a readable Excel workbook ({type(exc).__name__}: {exc}); open it in Excel "
                         f"and save it again as .xlsx, or export the sheet as CSV UTF-8", path) from None


def _sheet(workbook, wanted: str | None, path: Path):
    names = [sheet.title for sheet in workbook.worksheets]
    if wanted is not None:
        name = next((n for n in names if n == wanted), None) or \
            next((n for n in names if n.strip().casefold() == wanted.strip().casefold()), None)
        if name is None:
            raise InputError(f"--sheet {wanted}: the workbook has no such sheet; its sheets are "
                             f"{', '.join(repr(n) for n in names)}", path)
        return workbook[name]
    if not names:
        raise InputError("the workbook has no sheet of cells; export the listings as .xlsx or CSV", path)
    templates = {t.casefold() for t in amazon.TEMPLATE_SHEETS}
    return workbook[next((n for n in names if n.strip().casefold() in templates), names[0])]


def cell_text(value: Any) -> str:
    """A cell's value as the seller sees it: whole numbers without ``.0``, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"  # Excel shows 15 digits
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _texts(row: Row) -> list[str]:
    return [cell_text(cell.value) for cell in row]


def _filled(row: Row) -> bool:
    return any(cell.value is not None and str(cell.value).strip() for cell in row)


def _table(name: str, workbook, close: Callable[[], None], path: Path, options: ReadOptions, progress) -> Table:
    sheet = _sheet(workbook, options.sheet, path)
    title = sheet.title
    last_row = sheet.max_row or 0  # as the sheet declares it: for progress only
    # The declared size is often wrong in files other programs write; read to the last row there is.
    sheet.reset_dimensions()
    rows = (row for row in enumerate(sheet.iter_rows(), start=1) if _filled(row[1]))
    preamble = _preamble(rows)
    if not preamble:
        raise InputError(f"sheet '{title}' is empty; it needs a header row and one row per listing", path)
    numbers = [number for number, _ in preamble]
    template = amazon.find_template([_texts(row) for _, row in preamble], numbers)
    notes = []
    if template is None:
        header_at, header = 0, _texts(preamble[0][1])
        ahead: Iterator[tuple[int, Row]] = chain(preamble[1:], rows)
    else:
        header_at, header = template.field_row, template.header
        notes.append(f"Amazon listing template (sheet '{title}'): field names read from row {numbers[header_at]}")
        ahead, passed = _pass_template_rows(chain(preamble[header_at + 1:], rows), template)
        if passed:
            notes.append(amazon.skipped_note([f"sheet '{title}', row {n}" for n in passed]))
    scale = (path.stat().st_size, last_row) if progress is not None and last_row else None
    return Table(name, header, _where(title, numbers[header_at]),
                 lambda columns: _records(close, title, len(header), ahead, columns, progress, scale), notes=notes)


def _preamble(rows: Iterator[tuple[int, Row]]) -> list[tuple[int, Row]]:
    """The first rows, enough to find the header: one, or a template's rows above its listings."""
    first = next(rows, None)
    if first is None:
        return []
    found = [first]
    texts = _texts(first[1])
    if amazon.is_settings_row(texts) and not amazon.is_field_row(texts):
        for row in rows:
            found.append(row)
            if len(found) >= amazon.PREAMBLE_ROWS or amazon.is_field_row(_texts(row[1])):
                break
    return found


def _pass_template_rows(rows: Iterator[tuple[int, Row]], template: amazon.TemplateRows):
    """The rows below a template's field names with its own rows taken off the front, and their numbers."""
    passed: list[int] = []
    for number, row in rows:
        if not amazon.template_row(_texts(row), number, template):
            return chain([(number, row)], rows), passed
        passed.append(number)
    return iter(()), passed


def _where(sheet: str, number: int) -> Where:
    return Where(number, number, f"sheet '{sheet}', row {number}")


def _records(close: Callable[[], None], sheet: str, width: int, rows: Iterator[tuple[int, Row]],
             columns: dict[str, int], progress, scale: tuple[int, int] | None) -> Iterator[Record]:
    fields = {i: f for f, i in columns.items()}
    number = 0
    try:
        for number, row in rows:
            cells = _texts(row)
            cells += [""] * (width - len(cells))  # a row's empty end is not stored in the sheet
            yield Record(cells, _where(sheet, number), _cell_error(row, fields, sheet, number))
            if scale is not None and number % PROGRESS_EVERY == 0:
                progress(scale[0] * min(number, scale[1]) // scale[1])
    except Exception as exc:  # a damaged part of the zip or sheet XML: what openpyxl's parser raises varies
        yield Record([], Where(number + 1, number + 1, f"sheet '{sheet}', row {number + 1}"),
                     f"sheet '{sheet}', from row {number + 1}: the rest of the sheet cannot be read "
                     f"({type(exc).__name__}: {exc}); open the workbook in Excel, save it again and check again")
    finally:
        close()


def _cell_error(row: Row, fields: dict[int, str], sheet: str, number: int) -> str | None:
    """A cell the check reads that shows an Excel error (#REF!, #VALUE!, a date out of range) instead of text."""
    for i, field in sorted(fields.items()):
        if i < len(row) and getattr(row[i], "data_type", None) == "e":
            from openpyxl.utils import get_column_letter

            return (f"sheet '{sheet}', cell {get_column_letter(i + 1)}{number}: the {field} cell shows the Excel "
                    f"error {row[i].value} instead of a value; correct the formula or type the value")
    return None
