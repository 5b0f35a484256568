"""Real marketplace listings in ../shared/data, read as the labeller saw them.

The texts are third-party data for internal testing only: they are read here at run time
and never copied into the repository. Only ids and labels are kept (``eval/*.csv``).

Every source is reduced to one view per listing (title, brand, category, description cut to
``DESCRIPTION_CHARS``), the same view the blind labeller was shown and the one listguard is
run on, so both judge the same text.
"""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

DESCRIPTION_CHARS = 800
SHARED_DATA = Path(os.environ.get("LISTGUARD_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))

csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class View:
    source: str
    id: str
    title: str
    brand: str = ""
    category: str = ""
    description: str = ""
    price: str = ""


def _rows(path: str) -> Iterator[dict]:
    with open(SHARED_DATA / path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _cut(text: str | None) -> str:
    """The description's first ``DESCRIPTION_CHARS`` characters, ending on a whole word (a word cut
    in two, "rep" of "repeated", is a word the seller never wrote)."""
    text = (text or "").strip()
    if len(text) <= DESCRIPTION_CHARS:
        return text
    cut = text[:DESCRIPTION_CHARS]
    return cut[:cut.rfind(" ")] if " " in cut else cut


def _ozon() -> Iterator[View]:
    for row in _rows("ozon-listings-ru-2022/ozon_listings.csv"):
        yield View("ozon", row["id"], row["title"], category=row["category"], price=row["price"])


def _with_description(source: str, path: str) -> Callable[[], Iterator[View]]:
    def read() -> Iterator[View]:
        for row in _rows(path):
            yield View(source, row["id"], row["title"], brand=row.get("brand") or "",
                       category=row.get("category") or "", description=_cut(row.get("description")),
                       price=row.get("price") or "")
    return read


def _aliexpress() -> Iterator[View]:
    for row in _rows("aliexpress-small-scrapes/aliexpress_titles.csv"):
        yield View("aliexpress", row["id"], row["title"], category=row["category"])


def _wish() -> Iterator[View]:
    for row in _rows("wish-summer-apparel/wish_summer_products.csv"):
        yield View("wish", row["id"], row["title"], description=_cut(row.get("tags")), price=row["price"])


def _flipkart() -> Iterator[View]:
    for row in _rows("flipkart-laptop-stickers/flipkart_laptop_stickers.csv"):
        yield View("flipkart", row["id"], row["title"], category="laptop sticker", price=row["price"])


def _walmart_amazon() -> Iterator[View]:
    for table, shop in (("tableA.csv", "walmart"), ("tableB.csv", "amazon")):
        for row in _rows(f"walmart-amazon-products/{table}"):
            yield View("walmart-amazon", f"{shop}-{row['id']}", row["title"], brand=row["brand"],
                       category=row["category"], price=row["price"])


def _wdc() -> Iterator[View]:
    for table in ("tableA.csv", "tableB.csv"):
        for row in _rows(f"wdc-computers-offers/{table}"):
            yield View("wdc-computers", f"{table[5]}-{row['id']}", row["title"])


def _indonesian() -> Iterator[View]:
    for row in _rows("indonesian-product-title-attributes-bio/indonesian_titles_spans.csv"):
        yield View("indonesian", row["id"], row["title"])


# Sources whose listings carry a brand field: the others are written with no brand column, as
# their catalogs have none (an empty brand cell says "no brand", a missing column "unknown").
WITH_BRAND = frozenset({"shopee", "lazada", "shein", "walmart-amazon"})

# The dev set's sources (issue: ozon, shopee, lazada, shein, aliexpress, wish, flipkart,
# walmart-amazon); the held-out sources are never looked at while rules are built.
DEV_SOURCES: dict[str, Callable[[], Iterator[View]]] = {
    "ozon": _ozon,
    "shopee": _with_description("shopee", "shopee-listings-brightdata-sample/shopee_listings.csv"),
    "lazada": _with_description("lazada", "lazada-listings-brightdata-sample/lazada_listings.csv"),
    "shein": _with_description("shein", "shein-listings-brightdata-sample/shein_listings.csv"),
    "aliexpress": _aliexpress,
    "wish": _wish,
    "flipkart": _flipkart,
    "walmart-amazon": _walmart_amazon,
}
HELDOUT_SOURCES: dict[str, Callable[[], Iterator[View]]] = {
    "wdc-computers": _wdc,
    "indonesian": _indonesian,
}


def _titles_only(source: str, read: Callable[[], Iterator[View]]) -> Callable[[], Iterator[View]]:
    """The same listings seen by their title alone, as the held-out sources are (a web shop's
    offer titles, a marketplace's title list): no brand column, no category, no description."""
    def titles() -> Iterator[View]:
        for view in read():
            yield View(source, view.id, view.title)
    return titles


# The titles set: rows of three dev sources not in the dev set, labelled blind from the title
# alone, to tune for catalogs that give nothing but a title without looking at the held-out set.
TITLE_SOURCES: dict[str, Callable[[], Iterator[View]]] = {
    "lazada-titles": _titles_only("lazada-titles", DEV_SOURCES["lazada"]),
    "shopee-titles": _titles_only("shopee-titles", DEV_SOURCES["shopee"]),
    "walmart-amazon-titles": _titles_only("walmart-amazon-titles", _walmart_amazon),
    # Rows of four more dev sources, for a fifth round once Lazada's and Shopee's titles ran out:
    # Russian merchandise cards, AliExpress result titles, SHEIN and Flipkart stickers.
    "ozon-titles": _titles_only("ozon-titles", DEV_SOURCES["ozon"]),
    "aliexpress-titles": _titles_only("aliexpress-titles", DEV_SOURCES["aliexpress"]),
    "shein-titles": _titles_only("shein-titles", DEV_SOURCES["shein"]),
    "flipkart-titles": _titles_only("flipkart-titles", DEV_SOURCES["flipkart"]),
}
ALL_SOURCES = {**DEV_SOURCES, **HELDOUT_SOURCES, **TITLE_SOURCES}


def available() -> bool:
    return SHARED_DATA.is_dir()


def views(sources: dict[str, Callable[[], Iterator[View]]]) -> dict[tuple[str, str], View]:
    return {(view.source, view.id): view for read in sources.values() for view in read()}


def as_json(view: View) -> str:
    fields = {"id": f"{view.source}:{view.id}", "title": view.title}
    for name in ("brand", "category", "description"):
        if getattr(view, name):
            fields[name] = getattr(view, name)
    return json.dumps(fields, ensure_ascii=False)
