"""Marketplace regions: ISO 3166-1 alpha-2 country codes, and ``EU`` for its member states."""
from __future__ import annotations

import re

EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
# ISO's own code for the United Kingdom is GB; sellers and marketplaces say UK.
ALIASES = {"UK": "GB", "EL": "GR"}
_CODE = re.compile(r"^[A-Z]{2}$")


def parse_region(text: str) -> str | None:
    """Return the canonical code for ``text`` (``de`` -> ``DE``, ``UK`` -> ``GB``), or None."""
    code = text.strip().upper()
    code = ALIASES.get(code, code)
    return code if _CODE.match(code) else None


def region_covers(entry_regions: frozenset[str], region: str) -> bool:
    """Whether an entry limited to ``entry_regions`` holds in ``region`` (empty = everywhere)."""
    if not entry_regions:
        return True
    return region in entry_regions or ("EU" in entry_regions and region in EU_MEMBERS)
