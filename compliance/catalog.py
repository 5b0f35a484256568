"""Read a seller's catalog into listings, whatever layout it is written in.

A layout in :mod:`compliance.inputs` finds the header and the records; here the columns are found
by their usual names in marketplace and shop exports (eBay Seller Hub drafts, Shopify product
CSVs, Amazon flat files, Walmart and generic feeds), or from an explicit map, the same way for
every layout. Rows stream one at a time; a row that cannot be read comes back as a
:class:`~compliance.listing.Listing` with ``error`` set, so the report still shows it.
"""
from __future__ import annotations

import itertools
import re
from collections import OrderedDict
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Iterator

from .errors import UsageError
from .inputs import ParentLink, ReadOptions, Record, open_table
from .listing import Field, Listing
from .suppress import WAIVER_COLUMN, parse_codes

# Field -> header names that mean it, most specific first. Headers are compared after
# :func:`header_key` (case, separators, a required "*", a "C:" item-specific prefix and a
# bracketed unit such as "(EUR, incl. VAT)" do not matter), in the seed's languages.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("sku", "custom label sku", "custom label", "customlabel", "seller sku", "item sku", "variant sku", "id",
           "item id", "listing id", "product id", "offer id", "handle", "artikelnummer", "artikel nr", "référence",
           "reference", "referencia", "código", "codigo", "артикул", "货号", "商品编号", "kode produk",
           "contribution sku"),
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
    "item_specifics": ("item specifics",),
    "brand": ("brand", "brand name", "product brand", "item brand", "vendor", "manufacturer", "marke",
              "markenname", "hersteller", "marca", "fabricante", "marque", "fabricant", "бренд", "марка",
              "производитель", "品牌", "品牌名称", "merek", "thương hiệu", "ยี่ห้อ"),
    "category": ("category", "product type", "item type", "product category", "category path", "category name",
                 "google shopping google product category", "google product category", "type", "kategorie",
                 "produktkategorie", "categoría", "categoria", "catégorie", "категория", "类目", "分类",
                 "kategori", "danh mục", "หมวดหมู่", "feed product type", "recommended browse nodes"),
    "price": ("price", "start price", "startprice", "standard price", "variant price", "sale price",
              "buy it now price", "preis", "precio", "preço", "preco", "prix", "цена", "价格", "售价", "harga", "giá",
              "ราคา", "our price", "list price"),
    "tags": ("tags", "keywords", "etsy tags", "schlagwörter", "etiquetas", "étiquettes", "теги", "标签"),
    "search_terms": ("search terms", "generic keywords", "backend keywords", "suchbegriffe", "generic keyword"),
}
# Words that qualify a field's name without changing it ("Product_Brand", "Item Title").
HEADER_QUALIFIERS = ("product", "item", "listing", "article", "offer", "produkt", "artikel", "producto",
                     "produto", "produit", "товара", "товар", "商品", "produk")
FIELDS = tuple(COLUMN_NAMES)


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
    input_format: str = "csv"  # the layout that read the file (see compliance.inputs)
    encoding: str | None = None  # the text encoding it was read in, where the layout is text

    def describe(self) -> str:
        found = ", ".join(f"{f}={self.header[i]!r}" for f, i in self.columns.items())
        return f"{self.path}: {found}"

    def column_names(self) -> dict[str, str]:
        """Field -> the catalog's header for it, in field order: the report's ``columns``."""
        return {f: self.header[self.columns[f]] for f in FIELDS if f in self.columns}

    @property
    def has_brand(self) -> bool:
        return "brand" in self.columns


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


def read_catalog(path, mapping: dict[str, str] | None = None, progress=None,
                 options: ReadOptions | None = None) -> tuple[Layout, Iterator[Listing]]:
    """Open ``path`` and return its layout and a stream of listings in file order.

    ``options`` says how to read it (``--map``, ``--input-format``, ...); ``mapping`` alone is the
    ``--map`` of a caller with nothing else to say. ``progress`` (optional) is called with the
    amount read so far.
    """
    path = Path(path)
    options = options or ReadOptions(mapping=dict(mapping or {}))
    table = open_table(path, options, progress)
    columns = resolve_columns(table.header, {**table.fields, **options.mapping}, path)
    layout = Layout(path, table.delimiter or "", table.header, table.header_where.line, columns,
                    waiver_column(table.header), notes=table.notes, input_format=table.layout,
                    encoding=table.encoding)
    listings = _listings(layout, table.records(columns), table.parent or SHOPIFY_VARIANTS)
    return layout, _sparse_brand_column(layout, listings)


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


# Shopify's product CSV: variant rows repeat their product's Handle and leave its text empty.
SHOPIFY_VARIANTS = ParentLink("handle", (("handle", ""),))
RECENT_PRODUCTS = 256  # products a variation row may name: those read last, so memory stays flat


@dataclass(frozen=True)
class _Product:
    """What a variation row takes from its product: only the text, not the checked listing."""

    id: str
    fields: dict[str, str]
    brand: str
    category: str
    waivers: tuple[str, ...]


def _header_index(header: list[str], name: str) -> int | None:
    wanted = _clean_header(name)
    return next((i for i, h in enumerate(header) if _clean_header(h) == wanted), None)


def _listings(layout: Layout, records: Iterator[Record], link: ParentLink) -> Iterator[Listing]:
    """Records to listings, numbered from 1 in file order; variation rows (no title, a product
    named in ``link.column``) take the text of that product, if it was read shortly before."""
    parent_col = _header_index(layout.header, link.column)
    names = [(i, prefix) for column, prefix in link.names
             for i in [_header_index(layout.header, column)] if i is not None]
    recent: OrderedDict[str, _Product] = OrderedDict()
    for row, record in enumerate(records, start=1):
        listing = _listing(record, row, layout)
        if listing.error is None and parent_col is not None:
            if not listing.fields.get("title"):
                product = recent.get(_cell(record.cells, parent_col).strip())
                if product is not None:
                    _inherit(listing, product)
            else:
                _remember(recent, listing, [prefix + _cell(record.cells, i).strip()
                                            for i, prefix in names if _cell(record.cells, i).strip()])
        yield listing


def _remember(recent: OrderedDict[str, _Product], listing: Listing, keys: list[str]) -> None:
    if not keys:
        return
    product = _Product(listing.id, {k: f.raw for k, f in listing.fields.items()}, listing.brand,
                       listing.category, listing.waivers)
    for key in keys:
        recent[key] = product
        recent.move_to_end(key)
    while len(recent) > RECENT_PRODUCTS:
        recent.popitem(last=False)


def _cell(cells: list[str], i: int | None) -> str:
    return cells[i] if i is not None and i < len(cells) else ""


def _inherit(listing: Listing, product: _Product) -> None:
    """A variation row takes its product's text, and its brand, category and waivers where it
    names none."""
    listing.fields = {k: Field(k, raw) for k, raw in product.fields.items()}
    listing.brand = listing.brand or product.brand
    listing.category = listing.category or product.category
    listing.variant_of = product.id
    listing.waivers = listing.waivers or product.waivers


def _listing(record: Record, row: int, layout: Layout) -> Listing:
    ident = _cell(record.cells, layout.columns.get("id")).strip() or f"row-{row}"
    if record.error is not None:
        return Listing(id=_printable(ident), row=row, line=record.where.line, error=record.error)
    values = {f: _cell(record.cells, i) for f, i in layout.columns.items()}
    listing = Listing.from_values(ident, row, values, line=record.where.line)
    listing.waivers = parse_codes(_cell(record.cells, layout.waiver_column))
    return listing


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8", "replace")
