"""Read a seller's catalog: CSV (comma, semicolon or tab), UTF-8 with or without BOM.

Columns are found by their usual names in marketplace and shop exports (eBay Seller Hub
drafts, Shopify product CSVs, Amazon flat files, Walmart and generic feeds) and can be
overridden with an explicit map. Rows stream one at a time; a row that cannot be read
comes back as a :class:`~compliance.listing.Listing` with ``error`` set, so the report
still shows it.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
import sys
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Iterator

from .errors import InputError, UsageError
from .listing import Field, Listing
from .suppress import WAIVER_COLUMN, parse_codes

# Field -> header names that mean it, most specific first. Headers are compared after
# :func:`header_key` (case, separators, a required "*", a "C:" item-specific prefix and a
# bracketed unit such as "(EUR, incl. VAT)" do not matter), in the seed's languages.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("sku", "custom label sku", "custom label", "seller sku", "item sku", "variant sku", "id", "item id",
           "listing id", "product id", "offer id", "handle", "artikelnummer", "artikel nr", "référence", "reference",
           "referencia", "código", "codigo", "артикул", "货号", "商品编号", "kode produk"),
    "title": ("title", "name", "product name", "item name", "product title", "item title", "listing title",
              "titel", "produktname", "artikelname", "bezeichnung", "título", "titulo", "nombre",
              "nombre del producto", "nome", "nome do produto", "titre", "nom", "nom du produit", "название",
              "наименование", "название товара", "наименование товара", "标题", "商品标题", "商品名称", "名称",
              "judul", "nama produk", "tên sản phẩm", "ชื่อสินค้า"),
    "description": ("description", "body", "body html", "product description", "item description",
                    "long description", "html description", "beschreibung", "produktbeschreibung",
                    "descripción", "descripcion", "descrição", "descricao", "descriptif", "описание",
                    "описание товара", "描述", "商品描述", "deskripsi", "mô tả", "รายละเอียดสินค้า"),
    "bullet_point1": ("bullet point1", "bullet point 1", "key product features1", "key product features 1"),
    "bullet_point2": ("bullet point2", "bullet point 2", "key product features2", "key product features 2"),
    "bullet_point3": ("bullet point3", "bullet point 3", "key product features3", "key product features 3"),
    "bullet_point4": ("bullet point4", "bullet point 4", "key product features4", "key product features 4"),
    "bullet_point5": ("bullet point5", "bullet point 5", "key product features5", "key product features 5"),
    "brand": ("brand", "brand name", "product brand", "item brand", "vendor", "manufacturer", "marke",
              "markenname", "hersteller", "marca", "fabricante", "marque", "fabricant", "бренд", "марка",
              "производитель", "品牌", "品牌名称", "merek", "thương hiệu", "ยี่ห้อ"),
    "category": ("category", "product type", "item type", "product category", "category path", "category name",
                 "google shopping google product category", "google product category", "type", "kategorie",
                 "produktkategorie", "categoría", "categoria", "catégorie", "категория", "类目", "分类",
                 "kategori", "danh mục", "หมวดหมู่"),
    "price": ("price", "start price", "standard price", "variant price", "sale price", "buy it now price",
              "preis", "precio", "preço", "preco", "prix", "цена", "价格", "售价", "harga", "giá", "ราคา"),
    "tags": ("tags", "keywords", "etsy tags", "schlagwörter", "etiquetas", "étiquettes", "теги", "标签"),
    "search_terms": ("search terms", "generic keywords", "backend keywords", "suchbegriffe"),
}
# Words that qualify a field's name without changing it ("Product_Brand", "Item Title").
HEADER_QUALIFIERS = ("product", "item", "listing", "article", "offer", "produkt", "artikel", "producto",
                     "produto", "produit", "товара", "товар", "商品", "produk")
FIELDS = tuple(COLUMN_NAMES)
_DELIMITERS = ",;\t"


def _clean_header(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lstrip("*").strip().lower())


def header_key(name: str) -> str:
    """A header as compared with :data:`COLUMN_NAMES`: ``"*Product_Brand"``, ``"C:Brand"`` and
    ``"price (EUR, incl. VAT)"`` become ``"product brand"``, ``"brand"`` and ``"price"``."""
    key = _clean_header(name)
    key = re.sub(r"^c:\s*", "", key)            # eBay item specifics
    key = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", key)  # units and notes in brackets
    key = re.sub(r"[_\-./:|#]+", " ", key)
    return re.sub(r"\s+", " ", key).strip()


# Field -> its names as header keys, in order of preference.
_KNOWN = {field: tuple(dict.fromkeys(header_key(n) for n in names)) for field, names in COLUMN_NAMES.items()}


def _field_match(key: str, field: str) -> tuple[int, int] | None:
    """How header ``key`` names ``field``, as (quality, preference), lower is better: quality 0 for
    an exact name, 1 with a qualifier word around it ("Product_Brand", "Item Title"); preference is
    the name's place in :data:`COLUMN_NAMES`. None: it does not name the field."""
    words = key.split(" ")
    candidates = [(0, key)]
    if len(words) > 1 and words[0] in HEADER_QUALIFIERS:
        candidates.append((1, " ".join(words[1:])))
    if len(words) > 1 and words[-1] in HEADER_QUALIFIERS:
        candidates.append((1, " ".join(words[:-1])))
    known = _KNOWN[field]
    found = [(quality, known.index(name)) for quality, name in candidates if name in known]
    return min(found) if found else None


@dataclass
class Layout:
    """Where each field sits in the catalog, and how the file is written."""

    path: Path
    delimiter: str
    header: list[str]
    header_line: int
    columns: dict[str, int]
    waiver_column: int | None = None  # listguard_ignore: read as rule codes, never as listing text
    notes: list[str] = dataclass_field(default_factory=list)  # what the reading found out, for the run to say

    def describe(self) -> str:
        found = ", ".join(f"{f}={self.header[i]!r}" for f, i in self.columns.items())
        return f"{self.path}: {found}"

    def column_names(self) -> dict[str, str]:
        """Field -> the catalog's header for it, in field order: the report's ``columns``."""
        return {f: self.header[self.columns[f]] for f in FIELDS if f in self.columns}

    @property
    def has_brand(self) -> bool:
        return "brand" in self.columns


SNIFF_CHARS = 16_384  # the sniffer's time grows faster than the text; a header's start tells the delimiter


def _sniff_delimiter(sample: str) -> str:
    sample = sample[:SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        counts = {d: first.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def waiver_column(header: list[str]) -> int | None:
    """The ``listguard_ignore`` column (``listguard ignore``, ``Listguard-Ignore`` too), if any."""
    wanted = header_key(WAIVER_COLUMN)
    return next((i for i, h in enumerate(header) if header_key(h) == wanted), None)


def _mapped_columns(header: list[str], mapping: dict[str, str], path) -> dict[str, int]:
    cleaned = [_clean_header(h) for h in header]
    columns: dict[str, int] = {}
    for field, column in mapping.items():
        if field not in FIELDS:
            raise UsageError(f"--map {field}={column}: unknown field '{field}'; fields are {', '.join(FIELDS)}")
        key = _clean_header(column)
        if key not in cleaned:
            raise UsageError(f"--map {field}={column}: {path} has no column '{column}'; "
                             f"its columns are: {', '.join(h for h in header if h.strip())}")
        if cleaned.index(key) == waiver_column(header):
            raise UsageError(f"--map {field}={column}: the {WAIVER_COLUMN} column holds the rule codes a row "
                             f"waives and is never read as listing text; map another column")
        columns[field] = cleaned.index(key)
    return columns


def resolve_columns(header: list[str], mapping: dict[str, str], path) -> dict[str, int]:
    """Which column holds each field: ``--map`` first, then the usual names (exact before qualified,
    earlier names of a field before later ones, and each column used once)."""
    keys = [header_key(h) for h in header]
    columns = _mapped_columns(header, mapping, path)
    # The waiver column holds rule codes: matched as listing text, "TM001" would be a finding of its own.
    taken = set(columns.values()) | {i for i in [waiver_column(header)] if i is not None}
    for field in FIELDS:
        if field in columns:
            continue
        ranked = [(match, i) for i, k in enumerate(keys) if i not in taken
                  for match in [_field_match(k, field)] if match is not None]
        if ranked:
            columns[field] = min(ranked)[1]
            taken.add(columns[field])
    if "title" not in columns:
        raise UsageError(f"{path} has no title column (looked for {', '.join(COLUMN_NAMES['title'][:8])} ...); "
                         f"its columns are: {', '.join(h for h in header if h.strip()) or 'none'}. "
                         f"Name the title column with --map title=COLUMN")
    return columns


def _open_text(path: Path):
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot open the catalog ({exc.strerror}); check the path", path) from None
    # surrogateescape keeps undecodable bytes, so one bad row is reported instead of failing the file
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")


class _LineCounter:
    """Wraps the text stream to know the line each record starts on and the bytes read."""

    def __init__(self, stream):
        self.stream = stream
        self.line = 0
        self.chars = 0

    def __iter__(self):
        return self

    def __next__(self):
        text = self.stream.readline()
        if not text:
            raise StopIteration
        self.line += 1
        self.chars += len(text)
        return text


_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes kept by surrogateescape


def _bad_bytes(value: str) -> int:
    """Index of the first byte that was not UTF-8, or -1."""
    m = _UNDECODED.search(value)
    return m.start() if m else -1


def read_catalog(path, mapping: dict[str, str] | None = None, progress=None) -> tuple[Layout, Iterator[Listing]]:
    """Open ``path`` and return its layout and a stream of listings in file order.

    ``progress`` (optional) is called with the number of characters read so far.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder; give a CSV catalog file", path)
    stream = _open_text(path)
    counter = _LineCounter(stream)
    # eBay Seller Hub templates start with "#INFO" lines before the header.
    skipped = 0
    first = ""
    for first in counter:
        if first.lstrip('"').startswith("#INFO") or not first.strip():
            skipped += 1
            continue
        break
    if not first.strip():
        raise InputError("the catalog is empty; it needs a header line and one row per listing", path, 1)
    if _bad_bytes(first) >= 0:
        raise InputError("the header is not UTF-8 text; save the catalog as UTF-8 CSV", path, skipped + 1,
                         _bad_bytes(first) + 1)
    sample = first
    delimiter = _sniff_delimiter(sample)
    header = next(csv.reader([first], delimiter=delimiter))
    columns = resolve_columns(header, mapping or {}, path)
    layout = Layout(path, delimiter, header, skipped + 1, columns, waiver_column(header))
    return layout, _sparse_brand_column(layout, _rows(layout, counter, progress))


BRAND_SAMPLE = 1_000  # rows read ahead to see how often the brand column is filled


def _sparse_brand_column(layout: Layout, listings: Iterator[Listing]) -> Iterator[Listing]:
    """A brand column empty in most rows (a marketplace export where few sellers fill it in) says
    nothing of a row's brand: its empty cells read as "brand unknown", as with no column, not as
    "no brand"."""
    if not layout.has_brand:
        yield from listings
        return
    head = list(itertools.islice(listings, BRAND_SAMPLE))
    read = sum(1 for x in head if x.error is None)
    empty = sum(1 for x in head if x.error is None and not x.brand.strip())
    sparse = empty * 2 > read > 0
    if sparse:
        layout.notes.append(f"the brand column is empty in {empty} of the first {read} rows: an empty "
                            f"cell is read as 'brand unknown', not as 'no brand'")
    head.reverse()
    while head:  # handed on one by one and let go: the check fills each listing with its spans
        yield _brand_cell_read(head.pop(), sparse)
    for listing in listings:
        yield _brand_cell_read(listing, sparse)


def _brand_cell_read(listing: Listing, sparse: bool) -> Listing:
    if sparse and not listing.brand.strip():
        listing.brand_column = False
    return listing


def _rows(layout: Layout, counter: _LineCounter, progress) -> Iterator[Listing]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(counter, delimiter=layout.delimiter, strict=True)
    columns = layout.columns
    width = len(layout.header)
    row_number = 0
    previous_line = counter.line
    last_product: Listing | None = None
    handle_col = next((i for i, h in enumerate(layout.header) if _clean_header(h) == "handle"), None)
    while True:
        start_line = previous_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_number += 1
            previous_line = counter.line
            if "unexpected end of data" in str(exc):
                reason = (f"line {start_line}: a double quote opened in this row is never closed, so lines "
                          f"{start_line}-{counter.line} could not be read as rows; close the quote and check again")
            else:
                reason = f"line {start_line}: unreadable CSV ({exc}); check the quoting of this row"
            yield Listing(id=f"row-{row_number}", row=row_number, line=start_line, error=reason)
            continue
        previous_line = counter.line
        if progress is not None:
            progress(counter.chars)
        if not cells or not any(c.strip() for c in cells):
            continue
        row_number += 1
        listing = _listing(cells, columns, width, row_number, start_line, counter.line, layout)
        if listing.error is None and handle_col is not None and not listing.fields.get("title"):
            # Shopify variant rows leave Title empty and share the product's Handle.
            handle = cells[handle_col] if handle_col < len(cells) else ""
            if last_product is not None and handle and handle == last_product.id_handle:
                _inherit(listing, last_product)
        if listing.error is None and listing.fields.get("title") and handle_col is not None:
            listing.id_handle = cells[handle_col] if handle_col < len(cells) else ""
            last_product = listing
        yield listing


def _inherit(listing: Listing, product: Listing) -> None:
    """A Shopify variant row takes its product's text, and its brand, category and waivers where it
    names none."""
    listing.fields = {k: Field(k, f.raw) for k, f in product.fields.items()}
    listing.brand = listing.brand or product.brand
    listing.category = listing.category or product.category
    listing.variant_of = product.id
    listing.waivers = listing.waivers or product.waivers


def _waivers(cells: list[str], layout: Layout) -> tuple[str, ...]:
    i = layout.waiver_column
    return parse_codes(cells[i]) if i is not None and i < len(cells) else ()


def _listing(cells, columns, width, row, line, end_line, layout) -> Listing:
    def value(field):
        i = columns.get(field)
        return cells[i] if i is not None and i < len(cells) else ""

    ident = value("id").strip() or f"row-{row}"
    if len(cells) > width and any(c.strip() for c in cells[width:]):
        return Listing(id=ident, row=row, line=line,
                       error=(f"line {line}: {len(cells)} fields but the header has {width}; a field probably "
                              f"contains an unquoted '{_shown(layout.delimiter)}': put such fields in double quotes"))
    for i in columns.values():
        if i < len(cells):
            bad = _bad_bytes(cells[i])
            if bad >= 0:
                return Listing(id=_printable(ident), row=row, line=line,
                               error=(f"line {line}, column {i + 1} ({layout.header[i]}): bytes that are not UTF-8 "
                                      f"at character {bad + 1}; save the catalog as UTF-8"))
    values = {f: value(f) for f in columns}
    listing = Listing.from_values(ident, row, values, line=line)
    listing.waivers = _waivers(cells, layout)
    if end_line > line and "title" in columns and "\n" in value("title").strip():
        # A title never spans lines: a quote opened in this row probably swallowed the next rows.
        listing.error = (f"line {line}: the title runs over {end_line - line + 1} lines; a double quote opened "
                         f"in this row is probably never closed, so rows up to line {end_line} were read as one")
    elif end_line > line:
        swallowed = _swallowed_rows(cells, columns, width, line, layout.delimiter)
        if swallowed:
            listing.error = (f"line {line}: a double quote opened in this row closes only at line {end_line} "
                             f"(an inch mark such as 10\" closes it too), so {len(swallowed)} row(s) inside it, "
                             f"from line {swallowed[0]}, were read as text of this one; quote the field properly "
                             f"or write inches as 'in'")
    return listing


def _swallowed_rows(cells, columns, width, line, delimiter) -> list[int]:
    """Lines inside a multi-line field that read as whole rows of the header's shape (as many
    fields, an id and a title where the catalog has them): rows a stray quote swallowed."""
    if width < 2:
        return []
    found = []
    offset = line
    for i, cell in enumerate(cells):
        parts = cell.split("\n")
        for k, part in enumerate(parts[1:], start=1):
            # The line the stray quote closes on lends its last fields to the record's next cells.
            lent = len(cells) - 1 - i if k == len(parts) - 1 else 0
            if part.count(delimiter) == width - 1 - lent and _looks_like_a_row(part, columns, delimiter):
                found.append(offset + k)
        offset += len(parts) - 1
    return found


def _looks_like_a_row(text: str, columns, delimiter) -> bool:
    fields = next(csv.reader([text], delimiter=delimiter), [])
    title = columns.get("title")
    ident = columns.get("id")
    return (title is None or title < len(fields) and fields[title].strip() != "") and \
        (ident is None or ident < len(fields) and _looks_like_an_id(fields[ident]))


def _looks_like_an_id(text: str) -> bool:
    """A SKU or listing id is one short token: a line of a description that happens to hold as many
    commas as the header ("Size: S, M, L, XL") starts with words, not with an id."""
    text = text.strip()
    return 0 < len(text) <= 64 and not any(c.isspace() for c in text)


def _shown(delimiter: str) -> str:
    return "\\t" if delimiter == "\t" else delimiter


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8", "replace")
