"""The seller's own and licensed brands (``--authorized FILE``): never blocked on trademark grounds.

A CSV with a header; only ``brand`` is required::

    brand,owner,platforms
    Acme,Acme Corp.,
    Hello Kitty,Sanrio,amazon|ebay      # licensed for these marketplaces only

``owner`` (or ``licensor``) covers every mark of that owner; ``platforms`` (``|``-separated)
limits the licence to those marketplaces, empty means everywhere. Copy words (replica, 1:1)
still fail: a licence covers the brand, not a copy.
"""
from __future__ import annotations

import csv
from pathlib import Path

from .errors import InputError
from .rules.evidence import AuthorizedBrand

COLUMNS = ("brand", "owner", "licensor", "platforms")


def load_authorized(path, platform_names=None) -> tuple[AuthorizedBrand, ...]:
    path = Path(path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot open the authorized brands file ({exc.strerror}); check the path", path) from None
    with handle:
        try:
            rows = list(csv.reader(handle))
        except UnicodeDecodeError:
            raise InputError("not UTF-8 text; save the authorized brands as UTF-8 CSV", path) from None
        except csv.Error as exc:
            raise InputError(f"unreadable CSV ({exc}); check the quoting", path) from None
    if not rows:
        raise InputError("the file is empty; it needs a header line with at least 'brand'", path, 1)
    names = [h.strip().lower() for h in rows[0]]
    if "brand" not in names:
        raise InputError(f"the header has no 'brand' column (found: {', '.join(names) or 'nothing'}); "
                         f"columns are {', '.join(COLUMNS)}", path, 1)
    unknown = next((n for n in names if n and n not in COLUMNS), None)
    if unknown:
        raise InputError(f"unknown column '{unknown}'; columns are {', '.join(COLUMNS)}", path, 1,
                         names.index(unknown) + 1)
    return tuple(_brand(row, names, path, line, platform_names)
                 for line, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row))


def _brand(row, names, path, line, platform_names) -> AuthorizedBrand:
    def cell(name):
        i = names.index(name) if name in names else None
        return row[i].strip() if i is not None and i < len(row) else ""

    brand = cell("brand")
    if not brand:
        raise InputError("brand: empty; every line names a brand you own or are licensed for", path, line,
                         names.index("brand") + 1)
    platforms = frozenset(p.strip().lower() for p in cell("platforms").split("|") if p.strip())
    if platform_names is not None:
        bad = next((p for p in sorted(platforms) if p not in platform_names), None)
        if bad:
            raise InputError(f"platforms: '{bad}' is not a known platform ({', '.join(sorted(platform_names))})",
                             path, line, names.index("platforms") + 1)
    return AuthorizedBrand(brand=brand, owner=cell("owner") or cell("licensor"), platforms=platforms)
