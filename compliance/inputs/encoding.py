"""Which text encoding a catalog is written in: what the seller's office software saves.

A byte order mark decides first (Excel's "Unicode text" is UTF-16 with one); then a sample that
is UTF-8 stays UTF-8; otherwise charset-normalizer chooses among the code pages office software
writes. Only the first :data:`SAMPLE_BYTES` are looked at, never the whole file. ``--encoding``
overrides all of it.
"""
from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass

from ..errors import UsageError

SAMPLE_BYTES = 65_536

# Longest first: UTF-32 LE's mark starts with UTF-16 LE's.
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# The code pages sellers' spreadsheets save in, besides Unicode: Western Europe and the Americas
# (Windows-1252), Chinese (GB18030, a superset of GBK and GB2312), Japanese (Shift-JIS as Windows
# writes it, cp932), Russian and other Cyrillic (Windows-1251, KOI8-R). A short catalog says too
# little to choose among every code page there is; anything else is named with --encoding.
OFFICE_CODE_PAGES = ("utf_8", "cp1252", "gb18030", "cp932", "cp1251", "koi8_r")
# Each chosen code page is read as its everyday superset: latin-1 text from a Windows office is
# Windows-1252 (curly quotes, the euro and ™ sit where latin-1 has control codes).
SUPERSETS = {"latin-1": "cp1252", "iso8859-1": "cp1252", "gbk": "gb18030", "gb2312": "gb18030",
             "shift_jis": "cp932"}
# A chosen code page may show more oddities than charset-normalizer's default allows in a short
# catalog ("torch™" reads as odd to it); among these few candidates the least odd still wins.
MESS_ALLOWED = 0.5
KEEP_UNDECODABLE = "listguard-keep"  # codec error handler: see _keep


@dataclass(frozen=True)
class Encoding:
    """How to decode a catalog: ``codec`` for Python (it skips a byte order mark), ``name`` for the
    seller (what the run reports), and ``note`` when the choice was a guess worth saying."""

    codec: str
    name: str
    note: str | None = None


def _keep(exc: UnicodeError) -> tuple[str, int]:
    """Undecodable bytes become lone surrogates (U+DC00 + byte), for every codec (the standard
    surrogateescape refuses bytes below 0x80, which a broken UTF-16 pair holds): the row holding
    them is then reported instead of failing the file."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error(KEEP_UNDECODABLE, _keep)
_UNDECODED = re.compile("[\udc00-\udcff]")


def undecoded_at(value: str) -> int:
    """Index of the first character that was an undecodable byte, or -1."""
    m = _UNDECODED.search(value)
    return m.start() if m else -1


def named(name: str) -> Encoding:
    """The encoding ``--encoding NAME`` names; an unknown name is a usage error."""
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=name)  # refuses codecs that are not text encodings (base64)
        canonical = codecs.lookup(name).name
    except LookupError:
        raise UsageError(f"--encoding {name}: unknown encoding; name one such as utf-8, utf-16, cp1252, "
                         f"gb18030, shift_jis, cp1251 or koi8-r") from None
    return Encoding(name, canonical)


def with_bom(head: bytes) -> Encoding | None:
    for mark, codec, name in BOMS:
        if head.startswith(mark):
            return Encoding(codec, name)
    return None


def detect(head: bytes) -> Encoding:
    """The encoding of a file whose first bytes are ``head`` (at most :data:`SAMPLE_BYTES` are used)."""
    sample = head[:SAMPLE_BYTES]
    marked = with_bom(sample)
    if marked is not None:
        return marked
    unmarked = _utf16_without_bom(sample)
    if unmarked is not None:
        return Encoding(unmarked, unmarked, f"no byte order mark; the zero bytes say {unmarked}")
    if _mostly_utf8(sample):
        return Encoding("utf-8", "utf-8")
    # Cut at the last line end: a character cut in half at the sample's end is not a clue.
    whole_lines = sample[:sample.rfind(b"\n") + 1] or sample
    from charset_normalizer import from_bytes  # only for text that is not UTF-8: most catalogs never load it

    best = from_bytes(whole_lines, cp_isolation=list(OFFICE_CODE_PAGES), threshold=MESS_ALLOWED).best()
    if best is None:
        return Encoding("utf-8", "utf-8", "the encoding could not be told from the first 64 KB, so the catalog is "
                                          "read as UTF-8; name it with --encoding if rows come out as errors")
    name = codecs.lookup(best.encoding).name
    name = SUPERSETS.get(name, name)
    return Encoding(name, name)


def _mostly_utf8(sample: bytes) -> bool:
    """The sample is UTF-8 if it decodes as UTF-8, or if its UTF-8 characters outnumber the bytes
    that are not: a UTF-8 file with one row pasted from elsewhere is still UTF-8 (its bad row is
    reported), while text in another code page seldom forms UTF-8 sequences by chance."""
    decoder = codecs.getincrementaldecoder("utf-8")(KEEP_UNDECODABLE)
    text = decoder.decode(sample, final=False)  # a character cut at the sample's end is not bad
    bad = len(_UNDECODED.findall(text))
    if bad == 0:
        return True
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good > bad


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 saved without a byte order mark: Latin text then has a zero byte in every other place."""
    even, odd = sample[0:2048:2], sample[1:2048:2]
    if len(odd) < 8:
        return None
    if odd.count(0) * 2 > len(odd) and even.count(0) * 8 < len(even):
        return "utf-16-le"
    if even.count(0) * 2 > len(even) and odd.count(0) * 8 < len(odd):
        return "utf-16-be"
    return None
