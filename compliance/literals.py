"""Cells written as RDF literals: product data extracted from web shops' schema.org markup.

Catalogs built from a shop's structured data (schema.org microdata or JSON-LD, as web data
extractions write it in N-Triples) carry each text as a quoted literal with its language:
``"Corsair Vengeance LPX 16GB DDR4"@en``, sometimes several of them for one property. The
shop shows the text inside the quotes, so that is what is checked: the quotes and the language
tag are not part of the title a buyer reads, and left in they end the title with "@en" where
the maker's name signs it.
"""
from __future__ import annotations

import re

# One literal: a quoted string (with N-Triples escapes), then a language tag or a datatype.
_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"(@[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|\^\^<[^<>\s]*>)?')
_ESCAPES = {"t": "\t", "n": " ", "r": " ", '"': '"', "\\": "\\", "'": "'"}

# Several literals for one property are read as one text, their parts apart as a title's are.
JOIN = " | "


def unwrap_literals(cell: str) -> str:
    """The text of a cell written wholly as RDF literals, at least one of them tagged with its
    language or type; any other cell as it is (a title that merely quotes a name is the seller's)."""
    if not cell.lstrip().startswith('"'):
        return cell
    parts: list[str] = []
    tagged = False
    pos, end = _skip_space(cell, 0), len(cell)
    while pos < end:
        found = _LITERAL.match(cell, pos)
        if found is None:
            return cell
        parts.append(_unescape(found.group(1)).strip())
        tagged = tagged or found.group(2) is not None
        pos = _skip_space(cell, found.end())
    if not tagged:
        return cell
    return JOIN.join(p for p in parts if p)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _unescape(text: str) -> str:
    return _ESCAPE.sub(_unescaped, text)


_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _unescaped(found: re.Match) -> str:
    code = found.group(1)
    if len(code) == 1:
        return _ESCAPES.get(code, code)
    point = int(code[1:], 16)
    return chr(point) if point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF else found.group(0)
