"""Context around mark spans: compatibility, comparison, disclaimers, brand position.

spaCy's English tokenizer turns each field that has a candidate mark into a ``Doc``; the mark
spans become ``MARK`` entities and a ``Matcher`` loaded from ``patterns/context.jsonl`` (spaCy
token patterns as data) labels the wording around them. By default the tokens and matches come
from spaCy's rules exported to data (``tokenize.py``: the compiled engine, no spaCy import, over a
second less start-up); ``ContextAnnotator("spacy")`` runs spaCy itself, the reference the tests
hold the compiled engine to. The labels:

* ``COMPAT``: "compatible with X", "for X", "fits X", "replacement for X" (permitted use);
* ``COMPARE``: "X style", "inspired by X", "like X", "similar to X", "better than X";
* ``DISCLAIM``: "Not X";
* ``BRAND``: "by X" (the mark named as the maker).

It also tells whether a mark stands in the brand position of the title (first, after
only words such as "New" or "Genuine") and whether it is written as a proper noun in
running text. Only listings with a candidate mark get here, in ``nlp.pipe`` batches.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..blocklist import PROPERTY_GOODS
from . import Span

if TYPE_CHECKING:
    from ..blocklist import Entry

PRIORITY = {"COMPARE": 3, "DISCLAIM": 3, "BRAND": 2, "COMPAT": 1}
# The devices a list of what a product fits may name by kind: "for tablets, smart phones and gaming
# devices including Apple iPad", "для всех устройств iPhone".
DEVICE_WORDS = frozenset("phone phones smartphone smartphones cellphone cellphones tablet tablets laptop laptops "
                         "notebook notebooks device devices player players camera cameras computer computers "
                         "console consoles устройств устройства телефонов смартфонов celulares telefones "
                         "téléphones handys".split())
# Words that may stand between a compatibility word and the brand, or between brands in a list
# of what a product fits: "for 2018-2022 Toyota", "for iPod, iPhone and iPad".
LIST_WORDS = DEVICE_WORDS | frozenset(
    "and or & / , + the your all most select selected latest new original models model "
    "series gen generation up to - – : ; ( ) y e et und и "
    "netbook netbooks mobile cell smart "  # "for tablets, smart phones, mobile phones and iPod"
    # the vehicles a part or a mat is for, named before their maker: "Tapete Para Auto Kia Rio",
    # "Коврики для автомобиля Kia Rio", "untuk mobil Toyota Avanza", "untuk motor matic Honda"
    "car cars auto autos carro carros coche coches vehicle vehicles moto motos motorcycle motorcycles "
    "mobil motor matic bebek автомобиля автомобилей авто машины мотоцикла "
    # its key, for a key's cover or shell: "Capa para chave Volkswagen Gol", "Casing Kunci Mobil Toyota"
    "key keys llave llaves chave chaves ключа ключей kunci "
    "ereader ereaders e-readers reader readers gps pc pcs radio radios "
    # model words that follow a model number in lists of phones ("iPhone 12 11 Pro Max Xiaomi")
    "pro max plus ultra mini lite mate note edge se prime neo fe air xr xs go power play "
    # the same in the seed's languages: "для всех устройств iPhone", "para todos los celulares"
    "всех любых телефона смартфона планшета планшетов "
    "рации раций радиостанции радиостанций "
    "моделей модели серии и или todos todas los las celular telefone "
    "smartphone modelos tous toutes les alle semua hp "
    "умных часов смарт смарт-часов наушников "
    # what the product does for the device: "cable for charging iPhone", "для зарядки iPhone",
    # "Набор для чистки AirPods"
    "charging connecting зарядки подключения cargar carregar carregamento recharger laden "
    "cleaning чистки limpieza limpeza "
    "fast quick быстрой быстрого безопасной data sync syncing transfer "
    "передачи данных синхронизации "
    # the systems a product works with, listed beside the devices ("para ios iphone android")
    "ios android windows macos "
    # the word that joins "works" or "compatible" to the list ("works with Xbox Series X, Xbox One")
    "with met".split())
COMPAT_WORDS = frozenset("for fits fit compatible replacement replaces para pour für для на compatível compativel "
                         "untuk buat cho สำหรับ สําหรับ supports works per voor compatibile compatibel".split())
# Right after a brand and its model: "Epson T040 compatible cartridge", "Sony LMP-E191 replacement lamp".
COMPAT_AFTER = frozenset("compatible replacement equivalent compatibles remanufactured aftermarket non-oem".split())
UNITS = frozenset("inch inches in mm cm ft gb tb mb mah w v hz mhz ghz oz ml g kg lb lbs pc pcs pack".split())
# Words that end the phrase a brand is in: a list of what the product fits runs no further ("for
# iPhone 12 with MagSafe"). "With" in the seed's other languages too: "для AirPods Pro, с
# карабином, рисунок GT-R" names the case's carabiner and its picture after the devices it fits.
STOP_WORDS = frozenset("with by from in including plus of and с со con com avec mit dengan".split())
# Words that bring in examples of the devices just named: after a device word they carry the list
# on ("for tablets, smart phones and gaming devices including Apple iPad, HTC Evo"), where
# elsewhere "including" ends the phrase ("for iPhone 12 including Samsung charger" is no list).
EXAMPLE_WORDS = frozenset("including incl especially namely like e.g. eg termasuk seperti включая например "
                          "incluyendo incluindo como notamment".split())
# Words that may come before the brand at the start of a title.
TITLE_PREFIX = frozenset(
    "new brand genuine original authentic official oem 100% the a an nwt nwob bnib bnwt nib used vintage "
    "sale hot authentic, ( [ { - – | : * # ! \" ' 's ’s men mens women womens ladies kids boys girls "
    "unisex baby toddler adult youth preloved preowned secondhand pre owned jastip".split()
)  # "jastip" (Indonesian "jasa titip"): a personal shopper's order, before the maker's name
# Brackets a title opens with hold the shop's tags, not the product ("(Ready Stock) Samsung Galaxy ...",
# "[Malaysia Set] ZTE Blade ...", "【SG Stock】 Dyson ..."): the name after them is in the brand position.
OPENING_BRACKETS = {"(": ")", "[": "]", "{": "}", "【": "】", "「": "」", "〔": "〕", "«": "»"}
SENTENCE_END = frozenset(".!?:;•|\n*-–—")
CLAUSE_END = frozenset(".!?;•|\n")


def _word_list(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath(f"patterns/{name}").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def accessory_nouns() -> frozenset[str]:
    return _word_list("accessory_nouns.txt")


@lru_cache(maxsize=1)
def part_nouns() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in _word_list("part_nouns.txt"))


# Words in a title that say the item is made to fit, or is a refill of, another maker's
# product: its device brands are then references, not the item's brand.
REFERENCE_MARKERS = frozenset("compatible replacement aftermarket non-oem pengganti".split())
REFILL_MARKERS = frozenset("remanufactured refilled recycled refurbished reman".split())
EQUIVALENCE = ("equivalent", "alternative", "alternativa", "аналог")
FAN_WORDS = frozenset("fans fan lovers lover enthusiasts addicts collectors devotees admirers".split())


def _everyday(word: str) -> bool:
    from .marks import is_common_word

    return is_common_word(word)


def _model_like(token) -> bool:
    """A model number or size: has a digit (V8, 3GS, 2018-2022, 45mm) or is a short code."""
    return any(c.isdigit() for c in token.text) or token.like_num or token.lower_ in UNITS


@lru_cache(maxsize=1)
def load_patterns() -> tuple[dict, ...]:
    text = resources.files(__package__).joinpath("patterns/context.jsonl").read_text("utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


def add_patterns(matcher) -> None:
    """The context patterns into either engine's matcher, each named "LABEL:id"."""
    for p in load_patterns():
        matcher.add(f"{p['label']}:{p['id']}", [p["pattern"]])


@lru_cache(maxsize=1)
def pattern_order() -> dict[str, int]:
    return {p["id"]: i for i, p in enumerate(load_patterns())}


class SpacyEngine:
    """spaCy's blank English pipeline and Matcher: the reference the compiled engine is tested
    against (``tests/test_tokenize.py``), and what ``ContextAnnotator(engine="spacy")`` runs."""

    # spaCy keeps every string it has seen in its vocabulary; over a catalog of millions of
    # listings (each with its own model numbers) that grows without end. The pipeline is built
    # afresh past this many strings, which keeps memory flat at the cost of a tenth of a second.
    # (spaCy's memory zones do the same but turn the tokenizer cache off: six times slower here.)
    MAX_STRINGS = 50_000

    def __init__(self):
        self._build()

    def _build(self):
        from ..collector import paused_collector

        # spaCy's import and its tokenizer's special cases make objects that live as long as the
        # pipeline: collector passes during the build find nothing to free.
        with paused_collector():
            import spacy
            from spacy.matcher import Matcher
            from spacy.util import filter_spans

            self.nlp = spacy.blank("en")
            self.matcher = Matcher(self.nlp.vocab)
            self.filter_spans = filter_spans
            add_patterns(self.matcher)

    def pipe(self, texts):
        return self.nlp.pipe(texts)

    def matches(self, doc) -> list[tuple[str, int, int]]:
        return [(self.nlp.vocab.strings[m], start, end) for m, start, end in self.matcher(doc)]

    def refresh(self) -> None:
        if len(self.nlp.vocab.strings) > self.MAX_STRINGS:
            self._build()


class CompiledEngine:
    """The same tokens and matches from spaCy's exported English rules (``tokenize.py``), without
    loading spaCy: over a second less start-up on every run."""

    def __init__(self):
        from .tokenize import Matcher, Tokenizer, filter_spans

        self.tokenizer = Tokenizer()
        self.matcher = Matcher()
        self.filter_spans = filter_spans
        add_patterns(self.matcher)

    def pipe(self, texts):
        return (self.tokenizer(text) for text in texts)

    def matches(self, doc) -> list[tuple[str, int, int]]:
        return self.matcher(doc)

    def refresh(self) -> None:
        return None


ENGINES: dict[str, type[CompiledEngine] | type[SpacyEngine]] = {"compiled": CompiledEngine, "spacy": SpacyEngine}


class ContextAnnotator:
    """Adds ``data["context"]`` to every ``mark`` span of a batch of listings."""

    def __init__(self, engine: str = "compiled"):
        self.engine: CompiledEngine | SpacyEngine = ENGINES[engine]()

    def annotate(self, listings) -> None:
        jobs = _mark_windows(listings)
        if not jobs:
            return
        docs = self.engine.pipe(field.text[start:end] for field, start, end, _ in jobs)
        for (field, start, _, spans), doc in zip(jobs, docs):
            self._annotate_doc(doc, field, spans, start)
        _inherit_compatibility_by_field(listings)
        self.engine.refresh()

    def _annotate_doc(self, doc, field, spans, offset=0) -> None:
        token_spans = self._mark_entities(doc, spans, offset)
        found = self._framings(doc)
        mostly_title_case = _mostly_title_case(doc)
        words = {t.lower_ for t in doc}
        referenced = field.name == "title" and bool(words & REFERENCE_MARKERS)
        # A refill of a part or consumable ("remanufactured HP 61 ink cartridge"), not a device
        # itself refurbished ("Dell Latitude E7450 Laptop Refurbished": the maker's own, resold).
        refilled = field.name == "title" and bool(words & REFILL_MARKERS) and _names_a_part(words)
        for s in spans:
            ts = token_spans.get(id(s))
            ctx: dict[str, Any] = {"context": None, "pattern": "", "wording": "", "brand_position": False,
                   "proper_noun": False, "near_alias": False, "part": ""}
            if ts is not None:
                self._context_around(doc, ts, s, found, ctx)
                if field.name == "title":
                    ctx["brand_position"] = _in_brand_position(doc, ts)
                else:
                    ctx["proper_noun"] = _written_as_proper_noun(doc, ts, mostly_title_case)
                ctx["near_alias"] = _near_alias(s, ts, spans, token_spans)
            if ctx["context"] is None and device_brand(s.data["entry"]) and (refilled or referenced):
                _title_marker_compat(doc, ctx, refilled)
            s.data["context"] = ctx

    def _mark_entities(self, doc, spans, offset: int) -> dict[int, Any]:
        """The token span of each mark (by the span's id), set on the doc as ``MARK`` entities for
        the patterns to see; a mark no token span covers is left out."""
        token_spans = {}
        for s in spans:
            vs, ve = s.data["visible"]
            ts = doc.char_span(vs - offset, ve - offset, alignment_mode="expand")
            if ts is not None:
                token_spans[id(s)] = ts
        ents = self.engine.filter_spans([doc.char_span(ts.start_char, ts.end_char, label="MARK")
                                         for ts in token_spans.values()])
        doc.ents = ents
        return token_spans

    def _framings(self, doc) -> list[tuple[str, str, int, int]]:
        """The wordings the patterns find in the doc, as (label, pattern id, start, end)."""
        found = []
        for label_id, start, end in self.engine.matches(doc):
            found.append((label_id.split(":")[0], label_id.split(":")[1], start, end))
        # Of the wordings that frame a mark, the longest is quoted ("compatible for iPhone", not
        # "for iPhone"): an order of its own, not the order an engine happens to find them in.
        found.sort(key=lambda m: (m[2] - m[3], m[2], pattern_order()[m[1]]))
        return found

    def _context_around(self, doc, ts, span, found, ctx: dict[str, Any]) -> None:
        """The mark's context from the wording around it: the strongest pattern that frames it,
        less the comparisons that name something else, then the compatibility the patterns cannot
        reach, a brand named to draw its fans, and the part a device brand's name may go with."""
        _strongest_framing(doc, ts, found, ctx)
        entry = span.data["entry"]
        _revise_comparison(doc, ts, entry, ctx)
        if ctx["pattern"] == "id_ms_model" and _model_of_it(entry, ts, found):
            ctx["context"], ctx["pattern"], ctx["wording"] = None, "", ""
        if ctx["context"] is None:
            likeness = _model_then_likeness(doc, ts)
            if likeness:
                ctx["context"], ctx["pattern"], ctx["wording"] = "COMPARE", "model_style", likeness
        if ctx["context"] is None:
            wording = self._referential(doc, ts, span)
            if wording:
                ctx["context"], ctx["pattern"], ctx["wording"] = "COMPAT", "referential", wording
        if ctx["context"] == "COMPAT" and ts.end < len(doc) and doc[ts.end].lower_ in FAN_WORDS:
            # "for Cartier lovers" names the brand to draw its fans, not what the item fits:
            # a comparison with the brand's world.
            ctx["context"], ctx["pattern"] = "COMPARE", "fans"
            ctx["wording"] = doc[max(ts.start - 1, 0):ts.end + 1].text
        if ctx["context"] is None:
            ctx["part"] = (_part_after(doc, ts) or _part_before_its_device(doc, ts)) if device_brand(entry) else ""

    @staticmethod
    def _referential(doc, ts, span) -> str:
        """Compatibility wording the token patterns cannot reach: a brand later in a list after
        "for" ("for iPod, iPhone and iPad"), after a model or year ("for 2018 Toyota"), or a
        device brand before "compatible"/"replacement" or an accessory noun ("iPad 2 case")."""
        entry = span.data["entry"]
        compat = _list_after_compat_word(doc, ts, device_brand(entry))
        if compat:
            return compat
        product_line = span.data["name"] != entry.term
        accessory = accessory_nouns() if product_line and device_brand(entry) else frozenset()
        if accessory and ts.start > 0 and doc[ts.start - 1].lower_ in accessory:
            return doc[ts.start - 1:ts.end].text  # "Case iPhone 15", "Capa iPhone"
        return _compat_or_accessory_after(doc, ts, accessory)


# Goods whose "model" is a scale model or a kit of it ("Kit Model Gundam HG", "Model Hot Wheels"):
# a property's (a character, a show, a team) or a toy line's.
MODELLED_GOODS = PROPERTY_GOODS | {"toy"}


def _model_of_it(entry, ts, found) -> bool:
    """Where "model" before a mark is no Indonesian "-style" ("Knalpot Model Akrapovic"): after a
    compatibility word it lists another model the product fits ("case for apple ipad 2 wifi 3g
    model hp touchpad"); before a property or a toy it is a model kit of it."""
    return entry.goods in MODELLED_GOODS or any(f[0] == "COMPAT" and f[2] < ts.start for f in found)


# Words after a mark's model that make the model a likeness ("Samsung T7 style", "Apple Watch S8
# lookalike"): the model_style pattern's, after any model the token patterns cannot list.
LIKENESS_AFTER_MODEL = frozenset("style styled lookalike inspired dupe dupes replica clone clones".split())
MODEL_SUFFIXES = frozenset("pro max plus mini ultra lite se xl".split())


def _model_then_likeness(doc, ts) -> str:
    """The mark, a model word with a digit and perhaps a second one or a suffix ("T7", "S8 Ultra"),
    then a likeness word: a comparison with that model."""
    k = ts.end
    if k >= len(doc) or not any(c.isdigit() for c in doc[k].text):
        return ""
    k += 1
    if k < len(doc) and (doc[k].lower_ in MODEL_SUFFIXES or any(c.isdigit() for c in doc[k].text)):
        k += 1
    k += k < len(doc) and doc[k].text == "-"
    return doc[ts.start:k + 1].text if k < len(doc) and doc[k].lower_ in LIKENESS_AFTER_MODEL else ""


def _mark_windows(listings) -> list[tuple[Any, int, int, list[Span]]]:
    """What the tokenizer reads: for each field with marks, the stretches around them, as
    (field, start, end, the mark spans in that stretch)."""
    jobs = []
    for listing in listings:
        marks = listing.spans.get("marks", [])
        by_field: dict[str, list[Span]] = {}
        for s in marks:
            if s.kind == "mark":
                by_field.setdefault(s.field, []).append(s)
        for name, spans in by_field.items():
            field = listing.fields[name]
            for start, end, window_spans in _windows(field.text, spans):
                jobs.append((field, start, end, window_spans))
    return jobs


def _inherit_compatibility_by_field(listings) -> None:
    """A referential use carries over to the other mark spans of the same field (each field
    on its own)."""
    for listing in listings:
        for name in {s.field for s in listing.spans.get("marks", []) if s.kind == "mark"}:
            _inherit_compatibility([s for s in listing.spans["marks"] if s.kind == "mark" and s.field == name])


def _strongest_framing(doc, ts, found, ctx: dict[str, Any]) -> None:
    """Of the wordings that cover or overlap the mark, the one of the highest priority (the
    first of them in ``found``'s order) labels it."""
    best = 0
    for label, pid, start, end in found:
        if _cue_in_a_name(doc, pid, start, ts, end):
            continue
        if start <= ts.start and ts.end <= end or (start < ts.end and ts.start < end):
            if PRIORITY[label] > best:
                best = PRIORITY[label]
                ctx["context"], ctx["pattern"] = label, pid
                ctx["wording"] = doc[start:end].text


def _cue_in_a_name(doc, pid: str, start: int, ts, end: int) -> bool:
    """The wording's cue is a mark's own word: the whole wording lies in the mark ("Plants vs.
    Zombies"), or a pattern that opens with its cue opens on a mark's word ("Как приручить
    дракона" of How to Train Your Dragon, "Fit Me Tint C Maybelline New York Fit Me")."""
    return ts.start <= start and end <= ts.end or pid in _cue_first_patterns() and _in_a_longer_name(doc, start)


def _in_a_longer_name(doc, i: int) -> bool:
    """The token is a word of a mark's name of several words ("Fit" of "Fit Me"), not a mark of
    that one word ("fit" may be Honda's model, and is still the word "fit")."""
    return doc[i].ent_type_ == "MARK" and any(e.start <= i < e.end and e.end - e.start > 1 for e in doc.ents)


@lru_cache(maxsize=1)
def _cue_first_patterns() -> frozenset[str]:
    """The ids of the patterns whose first word is their cue ("for", "like", "как"), not the mark."""
    return frozenset(p["id"] for p in load_patterns() if "ENT_TYPE" not in p["pattern"][0])


def _revise_comparison(doc, ts, entry, ctx: dict[str, Any]) -> None:
    """A comparison pattern that matched wording which names something else: a connector or a
    replacement (compatibility), a type number or a style word that qualifies the product (no
    context)."""
    if ctx["context"] != "COMPARE":
        return
    if _connector_after(doc, ts):
        # "Samsung Type-C", "Lenovo Type C": the device's connector, not a comparison.
        ctx["context"], ctx["pattern"] = "COMPAT", "connector"
        ctx["wording"] = doc[ts.start:min(len(doc), ts.end + 3)].text
    elif ctx["wording"].lower().startswith(EQUIVALENCE) and device_brand(entry):
        # "Duracell equivalent of Sony DSC-W80 battery": a replacement names what it replaces.
        ctx["context"], ctx["pattern"] = "COMPAT", "equivalent"
    elif _type_number_after(doc, ts):
        # "Hello Kitty Type 202 beauty case": the model's type number, not a likeness.
        ctx["context"], ctx["pattern"], ctx["wording"] = None, "", ""
    elif _compound_style_before(doc, ts):
        # "headphone-style walkman": the style word qualifies the product the mark names.
        ctx["context"], ctx["pattern"], ctx["wording"] = None, "", ""


def _in_brand_position(doc, ts) -> bool:
    """Only words such as "New" or "Genuine", punctuation and numbers stand before the mark in
    the title, past the bracketed tags it opens with."""
    before = _outside_leading_tags([t for t in doc[: ts.start] if not t.is_space])
    return all(t.lower_ in TITLE_PREFIX or t.is_punct or t.like_num for t in before)


def _written_as_proper_noun(doc, ts, mostly_title_case: bool) -> bool:
    """The mark is capitalised in running text, not at a sentence's start nor in text that
    capitalises most words anyway."""
    first = ts[0]
    prev = next((t for t in reversed(doc[: ts.start]) if not t.is_space), None)
    sentence_start = prev is None or prev.text in SENTENCE_END or prev.text[-1:] in SENTENCE_END
    return (first.is_title or (first.is_upper and len(first) > 1)) and \
        not sentence_start and not mostly_title_case


def _near_alias(span, ts, spans, token_spans) -> bool:
    """Another name of the same mark stands within two tokens of this one."""
    for other in spans:
        if other is span or other.data["entry"] != span.data["entry"] or other.data["name"] == span.data["name"]:
            continue
        o = token_spans.get(id(other))
        if o is not None and (abs(o.start - ts.end) <= 2 or abs(ts.start - o.end) <= 2):
            return True
    return False


def _title_marker_compat(doc, ctx: dict[str, Any], refilled: bool) -> None:
    """A device brand in a title that says the item is a refill of, or made to fit, another
    maker's product: compatibility, quoted by the title's first such word."""
    ctx["context"], ctx["pattern"] = "COMPAT", "refill" if refilled else "marked"
    markers = REFILL_MARKERS if refilled else REFERENCE_MARKERS
    ctx["wording"] = next(t.text for t in doc if t.lower_ in markers)


def _compat_or_accessory_after(doc, ts, accessory: frozenset[str]) -> str:
    """"compatible"/"replacement" right after the brand and its models, or an accessory noun a
    few words on ("iPad 2 case"), before the phrase ends at a stop word, another mark or the
    device itself named as the product."""
    words = 0  # words that are not model numbers, between the brand and the noun
    for j in range(ts.end, min(len(doc), ts.end + 7)):
        t = doc[j]
        if t.lower_ in COMPAT_AFTER and words == 0:
            return doc[ts.start:j + 1].text
        if t.lower_ in accessory:
            return doc[ts.start:j + 1].text
        if _joins_the_phrase(doc, j):
            continue
        if t.lower_ in STOP_WORDS or t.ent_type_ == "MARK" or t.is_punct and t.text not in "-/":
            break
        if t.lower_ in DEVICE_NOUNS and _device_itself(doc, j, accessory):
            break  # "Note 40 Pro Smartphone 7.5 inch HD Screen": the device itself, its screen a feature
        if not (t.is_punct or _model_like(t)):
            words += 1
            if words > 3:
                break
    return ""


def _joins_the_phrase(doc, j: int) -> bool:
    """A word that a stop word's list would end the phrase at, but that goes on with it: the "in"
    of a count ("iphone and ipod 3-in-one charging kit"), or "and" before another kind of device."""
    return _in_of_a_count(doc, j) or _another_device_next(doc, j)


def _another_device_next(doc, j: int) -> bool:
    """"ipad and e-reader jacket", "iphone or smartphone leather holster": "and" or "or" joining
    another kind of device that the accessory fits too."""
    if doc[j].lower_ not in LIST_JOINS:
        return False
    return any("".join(t.lower_ for t in doc[j + 1:j + 1 + n]) in LISTED_DEVICES for n in (1, 2, 3))


def _device_itself(doc, j: int, accessory: frozenset[str]) -> bool:
    """The device noun at ``j`` names the product itself: no accessory noun follows it at once
    ("phone case"), and no "and" or "or" joins it to the devices before it ("iphone or smartphone
    leather holster")."""
    return not (j + 1 < len(doc) and doc[j + 1].lower_ in accessory or j > 0 and doc[j - 1].lower_ in LIST_JOINS)


def _in_of_a_count(doc, j: int) -> bool:
    """The "in" of a count of functions ("3-in-1", "3 in 1", "2-in-one"): a number on each side,
    hyphens aside."""
    if doc[j].lower_ != "in":
        return False
    before = next((t for t in reversed(doc[:j]) if t.text != "-"), None)
    after = next((t for t in doc[j + 1:] if t.text != "-"), None)
    return before is not None and after is not None and before.like_num and \
        (after.like_num or after.lower_ == "one")


# The device itself named as the product ("... Smartphone 7.5 inch HD Screen"): an accessory noun
# after it is one of its features, unless it follows at once ("phone case").
DEVICE_NOUNS = frozenset("smartphone smartphones phone phones handphone cellphone ponsel celular celulares "
                         "smartwatch tablet tablets laptop laptops notebook смартфон телефон ноутбук планшет "
                         "điện thoại โทรศัพท์".split())


# Words joining a device line to another kind of device an accessory fits ("ipad and e-reader
# jacket"), and those kinds.
LIST_JOINS = frozenset("and or & /".split())
LISTED_DEVICES = DEVICE_NOUNS | frozenset("e-reader e-readers ereader ereaders netbook netbooks notebooks mp3".split())


WINDOW = 150  # characters of context either side of a mark in long descriptions


def _windows(text: str, spans):
    """Stretches of ``text`` around the spans, so spaCy reads context, not whole long descriptions."""
    if len(text) <= 3 * WINDOW:
        return [(0, len(text), spans)]
    ranges: list[list[Any]] = []  # [start, end, spans]
    for s in sorted(spans, key=lambda s: s.data["visible"][0]):
        vs, ve = s.data["visible"]
        start, end = max(0, vs - WINDOW), min(len(text), ve + WINDOW)
        if ranges and start <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], end)
            ranges[-1][2].append(s)
        else:
            ranges.append([start, end, [s]])
    out = []
    for start, end, group in ranges:
        # Start and end on a space so no word is cut in two.
        if start > 0:
            start = text.rfind(" ", 0, start) + 1
        if end < len(text):
            cut = text.find(" ", end)
            end = len(text) if cut < 0 else cut
        out.append((start, end, group))
    return out


COMPOUND_STYLE = frozenset("style styled type".split())


def _compound_style_before(doc, ts) -> bool:
    """"headphone-style walkman", "clip-type ipod": a word joined to "style" by a hyphen makes a
    modifier of the noun after it, the mark, which is no comparison with that mark."""
    if ts.start < 3 or doc[ts.start - 1].lower_ not in COMPOUND_STYLE:
        return False
    hyphen, word = doc[ts.start - 2], doc[ts.start - 3]
    return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_ and word.is_alpha \
        and word.ent_type_ != "MARK"


def _connector_after(doc, ts) -> bool:
    """"Type-C", "Type C", "type-a" right after the mark, or after the other marks that follow it
    ("baseus charger type c"): a connector standard."""
    end = ts.end
    while end < len(doc) and doc[end].ent_type_ == "MARK":
        end += 1
    rest = [t.lower_ for t in doc[end:end + 3]]
    if not rest or rest[0] not in ("type", "tipe", "tipo", "typ"):
        return False
    tail = [w for w in rest[1:] if w != "-"]
    return bool(tail) and tail[0] in ("c", "a", "b", "-c", "c.")


def _type_number_after(doc, ts) -> bool:
    """"Type 202", "Typ 3" right after the mark: a model's type number (a year after it, "type
    2024", may still date a likeness); or "Type Cover", the name of a tablet's keyboard cover
    ("Surface Pro Type Cover replacement keyboard")."""
    rest = [t for t in doc[ts.end:ts.end + 3] if t.text != "-"]
    if len(rest) < 2 or rest[0].lower_ not in ("type", "typ", "tipe", "tipo"):
        return False
    if rest[1].lower_ in ("cover", "covers"):
        return True
    number = rest[1].text
    return number.isdigit() and not (len(number) == 4 and number[:2] in ("19", "20"))


def _list_after_compat_word(doc, ts, device: bool = False) -> str:
    """The brand ends a list that follows a compatibility word: "for Acer, Apple, Dell, Sony",
    "for 80 120 160 GB iPod". Before the list's first brand only models, sizes, device words
    and names the blocklist does not know may stand ("for men Nike" is no list); for a device
    brand that is at least the second of the list, any two words ("for amazon kindle barnes
    noble nook sony": "amazon" is also an everyday word)."""
    c = _compat_word_before(doc, ts)
    if c is None:
        return ""
    marks = [i for i in range(c + 1, ts.start) if doc[i].ent_type_ == "MARK"]
    first = marks[0] if marks else ts.start
    lead = [t for t in doc[c + 1:first]
            if not (t.lower_ in LIST_WORDS or t.is_punct or _model_like(t) or _brings_in_examples(t))]
    # Names the blocklist does not know may open the list: capitalised in mixed-case text
    # ("for HTC, Motorola"), or rare words where the text is all lower case ("for htc").
    mixed, shouting = _letter_case(doc)
    if not _list_may_open_with(doc, ts, lead, first, bool(marks), device, mixed, shouting):
        return ""
    if not _list_runs_on(doc[first:ts.start], mixed, shouting):
        return ""
    return doc[c:ts.end].text


def _letter_case(doc) -> tuple[bool, bool]:
    """Whether the text mixes capitals and lower case, and whether it is all in capitals."""
    mixed = any(t.is_upper or t.is_title for t in doc) and any(t.is_lower for t in doc)
    shouting = all(t.is_upper for t in doc if t.is_alpha)
    return mixed, shouting


def _compat_word_before(doc, ts) -> int | None:
    """The index of the compatibility word the brand's clause has before it, within the 60
    tokens a list of models may run ("for samsung toshiba lg ... xbox 360")."""
    start = max(0, ts.start - 60)
    c = next((i for i in range(ts.start - 1, start - 1, -1)
              if doc[i].lower_ in COMPAT_WORDS or doc[i].text in CLAUSE_END), None)
    if c is None or doc[c].lower_ not in COMPAT_WORDS or _in_a_longer_name(doc, c):
        return None  # nor a mark's own word ("Fit Me ... Maybelline New York Fit Me")
    return c


def _list_may_open_with(doc, ts, lead, first: int, not_first: bool, device: bool, mixed: bool,
                        shouting: bool) -> bool:
    """The words before the list's first brand (``lead``) may open a list: a few names the
    blocklist does not know, any two words before a device brand that is not the list's first,
    or a device maker's short name before its line."""
    names = [t for t in lead if _a_name(t, mixed, shouting)]
    if not (len(names) < len(lead) or len(lead) > 4):
        return True
    if device and not_first and len(lead) <= 2:
        return True
    return device and _maker_before_line(doc, ts, lead, first)


def _list_runs_on(tokens, mixed: bool, shouting: bool) -> bool:
    """From the list's first brand to this one, no stop word and never more than three other
    words in a row."""
    gap = 0
    for t in tokens:
        if t.ent_type_ == "MARK":
            gap = 0
        elif t.lower_ in STOP_WORDS - {"and"} and not _brings_in_examples(t):
            return False
        elif _model_like(t) or t.lower_ in LIST_WORDS or t.is_punct or _a_name(t, mixed, shouting):
            continue  # "for iPhone 12 11 Pro Max, Xiaomi": model numbers, words and other makers do not break a list
        else:
            gap += 1
            if gap > 3:
                return False
    return True


def _brings_in_examples(token) -> bool:
    """"including" or "such as" right after a device word: the makers that follow are examples of
    the devices the product is for."""
    doc, i = token.doc, token.i
    if token.lower_ == "such" and i + 1 < len(doc) and doc[i + 1].lower_ == "as":
        return i > 0 and doc[i - 1].lower_ in DEVICE_WORDS
    if token.lower_ == "as" and i > 0 and doc[i - 1].lower_ == "such":
        return i > 1 and doc[i - 2].lower_ in DEVICE_WORDS
    return token.lower_ in EXAMPLE_WORDS and i > 0 and doc[i - 1].lower_ in DEVICE_WORDS


def _maker_before_line(doc, ts, lead, first: int) -> bool:
    """One word right before a device line that a model follows ("for fuji finepix j38 j37", "for
    sony cybershot dsc-w55"): the maker's short name, however everyday a word it is elsewhere."""
    return len(lead) == 1 and lead[0].i == first - 1 and ts.end < len(doc) and _model_like(doc[ts.end])


def _a_name(token, mixed: bool, shouting: bool = False) -> bool:
    """A name the blocklist may not know: capitalised in mixed-case text ("HTC"), a code in
    capitals where the text is not all capitals ("Soporte Para HG RG Gundam"; not a word such as
    "DE" or "MEN"), a rare word where the text is all lower case ("proscan")."""
    if not token.is_alpha:
        return False
    if token.is_upper and not shouting and not _seed_language_word(token.lower_):
        return True
    return (token.is_title or token.is_upper) if mixed else not _everyday(token.lower_)


def _seed_language_word(word: str) -> bool:
    from .marks import any_language_word

    return any_language_word(word)


CAPACITY = re.compile(r"^(?:\d+/)?\d+(?:[.,]\d+)?(?:gb|tb|mb)$")


def _after_capacity(doc, j: int) -> bool:
    """The token before ``j`` ends a capacity ("16GB", "16 GB", "12/512GB")."""
    before = doc[j - 1].lower_
    return bool(CAPACITY.match(before)) or before in ("gb", "tb", "mb") and j >= 2 and doc[j - 2].text[-1:].isdigit()


def _names_a_part(words: set[str]) -> bool:
    """The title's words name a part or consumable a device takes ("ink", "toner", "drum")."""
    return any(first in words for first in _parts_by_first_word())


@lru_cache(maxsize=1)
def _parts_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for p in part_nouns():
        table.setdefault(p[0], []).append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def _part_after(doc, ts) -> str:
    """A part or consumable noun within a few words after the brand and its model."""
    table = _parts_by_first_word()
    for j in range(ts.end, min(len(doc), ts.end + 16)):
        t = doc[j]
        if t.lower_ in STOP_WORDS or t.is_punct and t.text not in "-/":
            return ""
        if j > ts.end and _after_capacity(doc, j):
            continue  # "Galaxy S23 ... 16GB RAM": a device's size, not a part sold for it
        for p in table.get(t.lower_, ()):
            if len(p) == 1 or [x.lower_ for x in doc[j:j + len(p)]] == list(p):
                return doc[ts.start:j + len(p)].text
    return ""


def _part_before_its_device(doc, ts) -> str:
    """A part named a few words before, then the kind of device it goes into right before the
    brand, as Indonesian and Malay titles put it ("Dioda damper DMV 1500 TV Polytron", "Regulator
    kulkas Sharp"): the device the part is for."""
    if ts.start < 2 or doc[ts.start - 1].lower_ not in DEVICE_KINDS:
        return ""
    table = _parts_by_first_word()
    for j in range(ts.start - 2, max(-1, ts.start - 10), -1):
        if doc[j].is_punct and doc[j].text not in "-/":
            return ""  # another phrase ("laptop ram 16gb dibawah 10 juta. laptop acer")
        if doc[j].lower_ in table:
            return doc[j:ts.end].text
    return ""


# Kinds of device a part goes into, named right before their maker in titles written product first.
DEVICE_KINDS = frozenset("tv televisi television kulkas ac laptop notebook monitor printer".split())


# The pattern name of a compatibility frame carried over from another mention of the same mark.
CARRIED_FRAME = "same-brand"


def _inherit_compatibility(spans) -> None:
    """A brand used referentially once ("case for Apple iPad 2") is referential in the rest of
    the field too ("... iPad-228", "Apple iPad"), except in the name that opens a title: the
    brand position and the product line right after it ("Original Apple AirPods Pro2 ... for
    iPhone" names the AirPods sold, not what they fit)."""
    referential: dict[Entry, str] = {}
    for s in spans:
        ctx = s.data.get("context") or {}
        if ctx.get("context") == "COMPAT":
            referential.setdefault(s.data["entry"], ctx["wording"])
    opening = _opening_name(spans)
    for s in spans:
        ctx = s.data.get("context")
        wording = referential.get(s.data["entry"])
        if ctx and wording and ctx["context"] is None and s not in opening:
            ctx["context"], ctx["pattern"], ctx["wording"] = "COMPAT", CARRIED_FRAME, wording


def _opening_name(spans) -> list:
    """The spans of the name a title opens with: those in the brand position, and each name of
    the same mark that follows one with only a space between ("Apple AirPods"; not another
    maker's device after an accessory maker's name, "incipio ipad-211 ... for apple ipad 2")."""
    opening = [s for s in spans if (s.data.get("context") or {}).get("brand_position")]
    for s in sorted(spans, key=lambda s: s.start):
        if s not in opening and any(0 <= s.start - o.end <= 1 and o.data["entry"] is s.data["entry"]
                                    for o in opening):
            opening.append(s)
    return opening


FASHION_CLASSES = frozenset({14, 18, 25, 26})
DEVICE_CLASSES = frozenset({7, 8, 9, 11, 12, 28})


FITTABLE_GOODS = frozenset({"device", "vehicle", "appliance", "tool"})


def fashion_brand(entry) -> bool:
    """A fashion or luxury house: its goods say so, or (where the list does not say) it is
    registered mostly in jewelry, leather goods, clothing and fashion accessory classes."""
    if entry.goods:
        return entry.goods in ("fashion", "luxury")
    return bool(entry.classes) and len(entry.classes & FASHION_CLASSES) * 2 > len(entry.classes)


def device_brand(entry) -> bool:
    """Makes what others make accessories and parts for (phones, printers, cars, appliances, tools):
    its goods say so, or it is no fashion house and registered in device classes."""
    if entry.goods:
        return entry.goods in FITTABLE_GOODS
    return not fashion_brand(entry) and (not entry.classes or bool(entry.classes & DEVICE_CLASSES))


def _outside_leading_tags(before: list) -> list:
    """The tokens before a span, without the bracketed groups the title opens with."""
    rest = list(before)
    while rest and rest[0].text in OPENING_BRACKETS:
        close = OPENING_BRACKETS[rest[0].text]
        end = next((i for i, t in enumerate(rest) if t.text == close), None)
        if end is None:  # the span itself is inside the opening bracket ("(Spiderman) bag")
            return rest[:1]
        rest = rest[end + 1:]
    return rest


def _mostly_title_case(doc) -> bool:
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    if len(words) < 3:
        return True
    return sum(t.is_title or t.is_upper for t in words) / len(words) >= 0.6
