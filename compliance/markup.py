"""HTML in descriptions: the visible text a buyer reads, with offsets back into the HTML.

Matching runs on the visible text, so ``<span>iPhone</span><span> case</span>`` reads as
"iPhone case", while every finding's offsets still point into the original field. The
parse also keeps each tag with its position, for the rules on active content and on
which tags a marketplace allows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

# Tags that start a new line or cell when rendered: they separate words.
_BREAKING = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul "
    "option select textarea button img".split()
)
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "iframe", "object"})


@dataclass(frozen=True)
class Tag:
    """A start tag (or a comment / declaration) as written, with its place in the raw field."""

    name: str
    attrs: tuple[tuple[str, str | None], ...]
    start: int
    end: int


@dataclass
class Markup:
    text: str
    to_raw: list[int]  # to_raw[i] = offset in the raw field of visible character i; one extra at the end
    tags: list[Tag] = field(default_factory=list)


def looks_like_html(raw: str) -> bool:
    return "<" in raw or "&" in raw


class _Reducer(HTMLParser):
    def __init__(self, raw: str):
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0]
        for i, ch in enumerate(raw):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.tags: list[Tag] = []
        self.hidden = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, at: int, contiguous: bool):
        self.chars.extend(text)
        self.offsets.extend(range(at, at + len(text)) if contiguous else [at] * len(text))

    def _break(self, at: int):
        if self.chars and self.chars[-1] != " ":
            self._emit(" ", at, False)

    def handle_starttag(self, tag, attrs):
        start = self._pos()
        text = self.get_starttag_text() or ""
        self.tags.append(Tag(tag, tuple(attrs), start, start + len(text)))
        if tag in _INVISIBLE:
            self.hidden += 1
        if tag in _BREAKING:
            self._break(start)

    def handle_startendtag(self, tag, attrs):
        start = self._pos()
        text = self.get_starttag_text() or ""
        self.tags.append(Tag(tag, tuple(attrs), start, start + len(text)))
        if tag in _BREAKING:
            self._break(start)

    def handle_endtag(self, tag):
        if tag in _INVISIBLE and self.hidden:
            self.hidden -= 1
        if tag in _BREAKING:
            self._break(self._pos())

    def handle_data(self, data):
        if not self.hidden:
            self._emit(data, self._pos(), True)

    def handle_entityref(self, name):
        if not self.hidden:
            self._emit(unescape(f"&{name};"), self._pos(), False)

    def handle_charref(self, name):
        if not self.hidden:
            self._emit(unescape(f"&#{name};"), self._pos(), False)

    def handle_comment(self, data):
        start = self._pos()
        self.tags.append(Tag("!--", (), start, start + len(data) + 7))

    def unknown_decl(self, data):  # pragma: no cover - malformed CDATA and the like
        pass


def reduce_html(raw: str) -> Markup:
    """Visible text of ``raw`` with an offset map; plain text comes back unchanged."""
    if not looks_like_html(raw):
        return Markup(raw, list(range(len(raw) + 1)))
    parser = _Reducer(raw)
    parser.feed(raw)
    parser.close()
    text = "".join(parser.chars)
    offsets = parser.offsets + [len(raw)]
    return Markup(text, offsets, parser.tags)
