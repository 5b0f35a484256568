"""Contact details in listing text: e-mail addresses, phone numbers, links and messenger handles.

Marketplaces keep buyers and sellers talking on the platform, so every text field is
scanned for ways to reach the seller elsewhere. Matching runs on the visible text (so
``<b>info</b>@shop.com`` still reads as an address) and offsets are mapped back to the raw
field. Link targets in HTML attributes (``href="https://..."``, ``mailto:``, ``tel:``) are
found too: they are the usual way a description links off the platform.

Kinds of span: ``email`` (label = domain), ``phone`` (label = E.164 number), ``url``
(label = host without ``www.``) and ``handle`` (label = messenger or network name, ``@`` for
a bare ``@handle``, ``dm`` for "DM me" style requests).
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from . import Span

# --- e-mail -------------------------------------------------------------------------------

_FILE_EXTENSIONS = frozenset("png jpg jpeg gif webp svg bmp pdf doc docx xls xlsx txt zip mp4 mov".split())
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![\w-])")
# Written out to dodge filters: "shop [at] gmail [dot] com", "shop at gmail dot com".
_EMAIL_OBFUSCATED = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*\s*(?:[\[({]\s*at\s*[\])}]|\s+at\s+)\s*"
    r"([A-Za-z0-9-]+)\s*(?:[\[({]\s*dot\s*[\])}]|\s+dot\s+)\s*(com|net|org|info|biz|co|de|fr|uk|cn|ru)\b",
    re.IGNORECASE)

# --- links --------------------------------------------------------------------------------

# Top-level domains that are not also words, units or file extensions: a bare
# "name.<tld>" counts as a link in any letter case.
_TLDS = frozenset(
    "com net org biz xyz io co ly gl gd cc eu asia mobi "
    "uk fr nl pl au ca jp cn ru br mx tr ae eg sg hk tw kr ch dk fi cz gr pt ie nz za ar cl "
    "vn th ro hu sk bg ua pk ng ke lk bd".split())
# Generic domains that are English words: a link only when written in lower case, since
# "Best gift.Shop now" is a missing space, not a web address.
_WORD_GTLDS = frozenset("shop store online site top club link app vip info website".split())
# Country domains that are words in listing languages (de, es, it, in, ...): "calidad.es un"
# and "quality.it is" are typos, so these need www., a scheme, a path or a second level.
_WORD_CCTLDS = frozenset("it in is at be us to me no so do am as by id my tv ai es de se ma sa eu il si".split())
_SECOND_LEVEL = frozenset("co com net org ac gov edu".split())
SHORTENERS = frozenset(
    "bit.ly tinyurl.com goo.gl t.co ow.ly is.gd buff.ly rebrand.ly cutt.ly shorturl.at rb.gy t.ly "
    "tiny.cc bl.ink s.id v.gd lnkd.in wa.me t.me m.me amzn.to".split())

_URL_STOP = r"[^\s<>\"'()\[\]{}]"
_SCHEME_URL = re.compile(rf"\b(?:https?|ftp)://{_URL_STOP}+", re.IGNORECASE)
_WWW_URL = re.compile(rf"(?<![\w./@-])www\d{{0,3}}\.{_URL_STOP}+", re.IGNORECASE)
_BARE_HOST = re.compile(
    rf"(?<![\w.@/-])((?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+([a-z]{{2,24}}))(?![\w-]|\.[a-z0-9])(/{_URL_STOP}*)?",
    re.IGNORECASE)
_TRAILING = ".,;:!?'\")]}"
_DOTTED_NAME = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2}")

# --- phones -------------------------------------------------------------------------------

# Cheap prefilter: 7+ digits with at most 3 separator characters between digits.
_DIGIT_RUN = re.compile(r"\+?\(?\d(?:[\s().\-/]{0,3}\d){6,}")
# Seven characters of digits and separators in a row: every phone number has them, and the
# test is a fast scan (most descriptions have no such run at all).
_DIGIT_HINT = re.compile(r"\d[\d\s().\-/]{6}")
_PHONE_CONTEXT = re.compile(
    r"(?:\b(?:tel|tele|telephone|phone|ph|call|text|sms|whats\s?app|wa|viber|wechat|weixin|"
    r"telegram|mobile|mob|cell|contact|hotline|fax)\b|☎|📞)[\s.:#\-=]*(?:no\.?|number|nr)?[\s.:#\-=]*$",
    re.IGNORECASE)
_PRODUCT_ID_CONTEXT = re.compile(
    r"(?:\b(?:model|part|parts|sku|upc|ean|isbn|mpn|gtin|asin|item|art|ref|oem|serial|code|barcode|"
    r"p/n|s/n|pn|sn|no|nr|style|lot|batch|fits|for|years?)\b|#)[\s.:#\-=]*(?:no\.?|number|nr)?[\s.:#\-=]*$",
    re.IGNORECASE)
_YEARS_ONLY = re.compile(r"^(?:(?:19|20)\d\d[\s\-/–]*)+$")
_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$")
_UNIT_AFTER = re.compile(
    r"^\s?(?:(?:mm|cm|m|in|inch|inches|ft|kg|g|lb|lbs|oz|mah|wh|v|w|a|hz|khz|mhz|ghz|gb|tb|mb|pcs|pc|ml|l|k)\b|[%\"″])",
    re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"[$€£¥₹]\s?$")

# --- handles ------------------------------------------------------------------------------

_NETWORKS = {
    "whatsapp": "whatsapp", "whats app": "whatsapp", "wechat": "wechat", "we chat": "wechat",
    "weixin": "wechat", "telegram": "telegram", "viber": "viber", "skype": "skype",
    "instagram": "instagram", "insta": "instagram", "facebook": "facebook", "messenger": "facebook",
    "tiktok": "tiktok", "tik tok": "tiktok", "snapchat": "snapchat", "kik": "kik", "zalo": "zalo",
    "kakaotalk": "kakaotalk", "kakao": "kakaotalk", "line": "line", "wa": "whatsapp", "ig": "instagram",
    "fb": "facebook", "tg": "telegram", "vx": "wechat", "wx": "wechat", "qq": "qq",
}
_STRONG = (r"whats\s?app|we\s?chat|weixin|telegram|viber|skype|instagram|insta|facebook|messenger|tik\s?tok"
           r"|snapchat|kik|zalo|kakao(?:talk)?")
# Short or everyday names ("line", "ig") only count with an explicit "ID".
_WEAK = r"line|wa|ig|fb|tg|vx|wx|qq"
# A weak network name right before "id", as the plain reading (" word word ") writes it.
_WEAK_HINTS = tuple(hint for name in _WEAK.split("|") for hint in (f" {name}id", f" {name} id "))
_ID = r"(?:\+?\d[\d\s\-()]{5,}\d|@?[A-Za-z0-9][A-Za-z0-9_.\-]{2,})"
_HANDLE_NETWORK = re.compile(
    rf"\b(?P<net>{_STRONG})\s*(?:(?:id|number|no\.?|account|handle|user(?:name)?)\s*)?[:：=]\s*(?P<id>{_ID})"
    rf"|\b(?P<net2>{_STRONG})\s+(?:id|number|no\.?|account|handle|user(?:name)?)\s+(?P<id2>{_ID})"
    rf"|\b(?P<net3>{_STRONG})\s+(?P<id3>@[A-Za-z0-9_][A-Za-z0-9_.]{{1,29}}|\+?\d[\d\s\-]{{5,}}\d)",
    re.IGNORECASE)
_HANDLE_WEAK = re.compile(rf"\b(?P<net>{_WEAK})\s*id\s*[:：=]?\s*(?P<id>{_ID})", re.IGNORECASE)
# Substrings one of the network names contains: a cheap test before the costly patterns.
_STRONG_HINTS = ("whats", "chat", "weixin", "telegram", "viber", "skype", "insta", "facebook", "messenger",
                 "tik", "snap", "kik", "zalo", "kakao")
_AT_HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)")
_DM = re.compile(
    r"\b(?:dm|pm|inbox)\s+(?:me|us)\b"
    r"|\b(?:message|msg|text|add|follow|find|contact|reach)\s+(?:me|us)\s+(?:on|via|through)\b"
    r"(?!\s+(?:the\s+)?(?:ebay|amazon|here|this|our\s+(?:store|shop)))",
    re.IGNORECASE)


@lru_cache(maxsize=8192)
def _parsed_numbers(snippet: str, region: str, leniency) -> tuple:
    """phonenumbers' matches in a short snippet; catalogs repeat the same specs, so cache them."""
    return tuple((m.start, m.end, m.number) for m in PhoneNumberMatcher(snippet, region, leniency=leniency))


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def link_host(url: str) -> str:
    """Lower-case host of a link as written (``www.`` dropped); ``""`` when there is none."""
    value = url.strip()
    if value.lower().startswith("www."):
        value = "//" + value
    elif "://" not in value and not value.startswith("//"):
        value = "//" + value
    try:
        host = urlsplit(value).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _bare_host_is_link(host: str, tld: str, path: str | None) -> bool:
    labels = host.lower().split(".")
    if not any(c.isalpha() for c in "".join(labels[:-1])):
        return False  # "1.5.in", "5.3": numbers, not names
    if host.lower() in SHORTENERS:
        return True
    low = tld.lower()
    if low in _TLDS:
        return True
    if low in _WORD_GTLDS:
        return tld == low
    if low in _WORD_CCTLDS:
        return bool(path and len(path) > 1) or (len(labels) >= 3 and labels[-2] in _SECOND_LEVEL)
    return False


def _plainly_no_phone(body: str, before: str) -> bool:
    """A run of digits no phone word vouches for that is plainly something else: one unbroken
    number, a list of years, or a product code after "model", "SKU" or "#"."""
    return bool(body.isdigit() or _YEARS_ONLY.match(body) or _PRODUCT_ID_CONTEXT.search(before[-20:]))


_SIZE_RUN = re.compile(r"^\s*[1-9]\d{1,2}(?:[\s,/-]+[1-9]\d{1,2}){2,}\s*$")


def _size_run(body: str) -> bool:
    """"30 32 34 36 38", "36/37/38/39": three numbers or more of two or three digits, each the one
    before plus the same small step: a size chart's sizes, not a phone number's groups."""
    if not _SIZE_RUN.match(body):
        return False
    groups = [int(g) for g in re.split(r"[\s,/-]+", body.strip())]
    steps = {b - a for a, b in zip(groups, groups[1:])}
    return len(steps) == 1 and 0 < steps.pop() <= 10


def _international_without_plus(body: str):
    """"WhatsApp 8613800138000": an international number written without "+"; None when the
    digits make no valid number that way."""
    digits = re.sub(r"\D", "", body)
    if len(digits) < 11:
        return None
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _part_of_longer_code(text: str, start: int, end: int) -> bool:
    """The digits run on into letters, a model code or a longer number."""
    prev = text[start - 1] if start else ""
    nxt = text[end] if end < len(text) else ""
    if prev.isalnum() or nxt.isalnum():
        return True  # glued to letters: "SM-G9910123456X", "A1234567"
    if prev in "-_/." and start >= 2 and text[start - 2].isalnum():
        return True  # "WH-1000-2233445", "v1.2345678"
    # a decimal or thousands group continues
    return nxt in ".," and end + 1 < len(text) and text[end + 1].isdigit()


def _date_price_or_size(text: str, start: int, end: int, stripped: str) -> bool:
    """The digits are years, a date, a price or a measurement, or a run of sizes."""
    if _YEARS_ONLY.match(stripped) or _DATE.match(stripped) or _size_run(stripped):
        return True
    return bool(_CURRENCY_BEFORE.search(text[max(0, start - 2):start]) or _UNIT_AFTER.match(text[end:end + 8]))


class ContactMatcher:
    """Finds e-mail addresses, phone numbers, links and messenger handles in every text field.

    ``regions`` are the default regions for numbers written without a country code;
    numbers written with ``+`` are found whatever the region.
    """

    name = "contact"

    def __init__(self, regions: tuple[str, ...] = ("US",)):
        self.regions = tuple(regions)

    def find(self, listing) -> list[Span]:
        spans: list[Span] = []
        for field in listing.text_fields():
            spans.extend(self.find_in_field(field))
        return spans

    def find_in_field(self, field) -> list[Span]:
        text = field.text
        found: list[tuple[str, int, int, str, dict]] = []  # kind, start, end (visible text), label, data
        taken: list[tuple[int, int]] = []

        def add(kind: str, start: int, end: int, label: str, data: dict | None = None, exclusive=True):
            if exclusive and _overlaps(start, end, taken):
                return
            found.append((kind, start, end, label, data or {}))
            if exclusive:
                taken.append((start, end))

        lower = text.lower()
        if "@" in text or " at " in lower or "[at]" in lower or "(at)" in lower or "{at}" in lower:
            self._emails(text, add)
        if "." in text:
            self._links(text, add)
        if _DIGIT_HINT.search(text):
            self._phones(text, add)
        self._handles(text, lower, field.plain.text, add, taken)

        spans = []
        for kind, start, end, label, data in found:
            raw_start, raw_end = field.raw_span(start, end)
            spans.append(Span(kind, field.name, raw_start, raw_end, text[start:end], label, 1.0, data))
        spans.extend(self._attribute_links(field))
        spans.sort(key=lambda s: (s.start, s.end))
        return spans

    # Each finder reports through ``add`` so earlier kinds claim text first.

    @staticmethod
    def _emails(text: str, add) -> None:
        for m in _EMAIL.finditer(text):
            domain = m.group(1).lower()
            if domain.rsplit(".", 1)[-1] in _FILE_EXTENSIONS:
                continue  # "icon@2x.png" is a file name
            add("email", m.start(), m.end(), domain)
        for m in _EMAIL_OBFUSCATED.finditer(text):
            add("email", m.start(), m.end(), f"{m.group(1)}.{m.group(2)}".lower(), {"obfuscated": True})

    @staticmethod
    def _links(text: str, add) -> None:
        lower = text.lower()
        for pattern, hint in ((_SCHEME_URL, "://"), (_WWW_URL, "www")):
            if hint not in lower:
                continue
            for m in pattern.finditer(text):
                url = m.group(0).rstrip(_TRAILING)
                host = link_host(url)
                if host:
                    add("url", m.start(), m.start() + len(url), host,
                        {"url": url, "scheme": url.split("://", 1)[0].lower() if "://" in url else "",
                         "shortener": host in SHORTENERS})
        if not _DOTTED_NAME.search(text):
            return
        for m in _BARE_HOST.finditer(text):
            host, tld, path = m.group(1), m.group(2), m.group(3)
            if not _bare_host_is_link(host, tld, path):
                continue
            url = m.group(0).rstrip(_TRAILING)
            label = host.lower()
            label = label[4:] if label.startswith("www.") else label
            add("url", m.start(), m.start() + len(url), label,
                {"url": url, "scheme": "", "shortener": label in SHORTENERS})

    def _phones(self, text: str, add) -> None:
        for run in _DIGIT_RUN.finditer(text):
            before = text[max(0, run.start() - 30):run.start()]
            context = bool(_PHONE_CONTEXT.search(before))
            if not context and _plainly_no_phone(run.group(0), before):
                continue  # nothing in it could pass _looks_like_phone: skip the costly parse
            hits, parsed_in = self._numbers_in_run(text, run, context)
            for start, end, number in hits:
                if self._looks_like_phone(text, start, end, context):
                    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                    # A number written without "+" is a phone number only in the region it was
                    # read for: "1700533-001" may parse in MY and mean nothing in the US.
                    local = parsed_in if not text[start:end].lstrip().startswith("+") else None
                    add("phone", start, end, e164, {"context": context, "region": local})

    def _numbers_in_run(self, text: str, run: re.Match[str], context: bool) -> tuple[list, str | None]:
        """The numbers phonenumbers reads in a run of digits, and the region it read them for:
        the first of ``regions`` that reads any (None for a number only a phone word vouches for)."""
        # Widen a little so phonenumbers sees a leading "+" or bracket.
        lo, hi = max(0, run.start() - 1), min(len(text), run.end() + 1)
        # With no phone word, a valid number grouped as the country writes it ("415-555-2671", not
        # the part number "2403-820-105", which reads as a Maryland number ungrouped).
        leniency = Leniency.POSSIBLE if context else Leniency.STRICT_GROUPING
        for region in self.regions:
            hits = [(lo + s, lo + e, number) for s, e, number in _parsed_numbers(text[lo:hi], region, leniency)]
            if hits:
                return hits, region
        if context:
            number = _international_without_plus(run.group(0))
            if number is not None:
                return [(run.start(), run.end(), number)], None
        return [], None

    @staticmethod
    def _looks_like_phone(text: str, start: int, end: int, context: bool) -> bool:
        """Reject model numbers, dates, years, prices, sizes and bare product codes."""
        candidate = text[start:end]
        if _part_of_longer_code(text, start, end):
            return False
        if _date_price_or_size(text, start, end, candidate.strip()):
            return False
        if context:
            return True
        if _PRODUCT_ID_CONTEXT.search(text[max(0, start - 20):start]):
            return False
        # Unseparated digit strings are UPC/EAN, part and order numbers unless a word says "phone".
        return not candidate.isdigit()

    @staticmethod
    def _handles(text: str, lower: str, plain: str, add, taken: list[tuple[int, int]]) -> None:
        # Handles may overlap a phone number ("WhatsApp +86 ..." is both) but not each other.
        # ``plain`` is the field's plain reading: whole words, so "me" in "measures" is no hint.
        handles: list[tuple[int, int]] = []
        ContactMatcher._network_handles(text, lower, plain, add, handles)
        if "@" in text:
            ContactMatcher._at_handles(text, add, taken, handles)
        if " me " in plain or " us " in plain:
            ContactMatcher._dm_requests(text, add, handles)

    @staticmethod
    def _network_handles(text: str, lower: str, plain: str, add, handles: list[tuple[int, int]]) -> None:
        """An ID given with a messenger or network's name: "WhatsApp: +86 ...", "Line ID shop"."""
        matches: list[re.Match[str]] = []
        if any(hint in lower for hint in _STRONG_HINTS):
            matches.extend(_HANDLE_NETWORK.finditer(text))
        if any(hint in plain for hint in _WEAK_HINTS):
            matches.extend(_HANDLE_WEAK.finditer(text))
        for m in matches:
            groups = m.groupdict()
            net = next(groups[g] for g in ("net", "net2", "net3") if groups.get(g))
            ident = next(groups[g] for g in ("id", "id2", "id3") if groups.get(g))
            label = _NETWORKS.get(re.sub(r"\s+", " ", net.lower()), net.lower())
            if _overlaps(m.start(), m.end(), handles):
                continue
            add("handle", m.start(), m.end(), label, {"id": ident.strip()}, exclusive=False)
            handles.append((m.start(), m.end()))

    @staticmethod
    def _at_handles(text: str, add, taken: list[tuple[int, int]], handles: list[tuple[int, int]]) -> None:
        """A bare "@handle" that is not part of an address or link found before."""
        for m in _AT_HANDLE.finditer(text):
            handle = m.group(1)
            if len(handle) < 2 or not any(c.isalpha() for c in handle):
                continue
            if _overlaps(m.start(), m.end(), taken) or _overlaps(m.start(), m.end(), handles):
                continue
            add("handle", m.start(), m.end(), "@", {"id": "@" + handle}, exclusive=False)
            handles.append((m.start(), m.end()))

    @staticmethod
    def _dm_requests(text: str, add, handles: list[tuple[int, int]]) -> None:
        """"DM me", "message us on ...": a request to talk off the platform."""
        for m in _DM.finditer(text):
            # "follow us on Instagram @shop": the handle right after already says it.
            if _overlaps(m.start(), m.end() + 12, handles):
                continue
            add("handle", m.start(), m.end(), "dm", {}, exclusive=False)

    def _attribute_links(self, field) -> list[Span]:
        """Link targets in HTML attributes: ``href``, ``mailto:``, ``tel:``."""
        if field.name == "title" or "<" not in field.raw:
            return []
        spans = []
        raw = field.raw
        for tag in field.markup.tags:
            for attr, value in tag.attrs:
                if attr != "href" or not value:
                    continue
                value = value.strip()
                at = raw.find(value, tag.start, tag.end)
                start, end = (at, at + len(value)) if at >= 0 else (tag.start, tag.end)
                span = self._href_span(field.name, start, end, value)
                if span is not None:
                    spans.append(span)
        return spans

    def _href_span(self, field_name: str, start: int, end: int, value: str) -> Span | None:
        """The address, number or web link an ``href`` leads to; None for any other target."""
        low = value.lower()
        if low.startswith("mailto:"):
            address = value[7:].split("?", 1)[0]
            domain = address.rsplit("@", 1)[-1].lower() if "@" in address else ""
            return Span("email", field_name, start, end, address, domain, 1.0, {"in": "href"})
        if low.startswith("tel:"):
            number = value[4:]
            return Span("phone", field_name, start, end, number, self._tel_label(number), 1.0, {"in": "href"})
        if low.startswith(("http://", "https://", "//", "www.")):
            host = link_host(value)
            if host:
                scheme = low.split("://", 1)[0] if "://" in low else ""
                data = {"url": value, "scheme": scheme, "shortener": host in SHORTENERS, "in": "href"}
                return Span("url", field_name, start, end, value, host, 1.0, data)
        return None

    def _tel_label(self, number: str) -> str:
        """A ``tel:`` number in E.164, read in the first region; its digits as written when unreadable."""
        region = self.regions[0] if self.regions else None
        try:
            return phonenumbers.format_number(phonenumbers.parse(number, region),
                                              phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            return re.sub(r"[^\d+]", "", number)
