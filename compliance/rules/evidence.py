"""Evidence about one mark span: what the listing says around it, as typed values.

The trademark decision (:mod:`compliance.rules.trademark`) never reads text itself: it reads
a :class:`MarkEvidence` per candidate span, whose answers are found here, from the matcher's
spans, the spaCy context and the listing's own columns, when a step first asks for them. Each
field answers one question a reviewer asks: whose brand is this listing, how is the mark
written, what frames it (compatibility, comparison, disclaimer), what kind of goods the mark is
for and what kind of product the listing sells. ``explain`` prints it.
"""
from __future__ import annotations

import csv
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from ..blocklist import PROPERTY_GOODS
from ..classes import classes_for_title, classes_of, title_products
from ..matchers.context import (
    CARRIED_FRAME,
    FASHION_CLASSES,
    OPENING_BRACKETS,
    STOP_WORDS,
    TITLE_PREFIX,
    device_brand,
)
from ..matchers.declension import word_forms
from ..matchers.marks import (
    GLUED,
    any_language_word,
    cut_at_its_words,
    is_common_word,
    language_counts,
    language_words,
    languages_of,
    own_script,
    own_word,
)
from ..normalize import STROKED, compact, fold, words


class Goods(Enum):
    """What a mark's goods are (the blocklist's ``goods`` column)."""

    DEVICE = "device"
    VEHICLE = "vehicle"
    APPLIANCE = "appliance"
    TOOL = "tool"
    COMPONENT = "component"
    FASHION = "fashion"
    LUXURY = "luxury"
    CHARACTER = "character"
    SPORTS = "sports"
    MEDIA = "media"
    SERVICE = "service"  # an online service or app: Netflix, YouTube, TikTok
    COSMETICS = "cosmetics"
    FOOD = "food"
    TOY = "toy"
    OTHER = "other"

    @property
    def fittable(self) -> bool:
        """Other makers' products are made to fit it: naming it says what a product works with."""
        return self in (Goods.DEVICE, Goods.VEHICLE, Goods.APPLIANCE, Goods.TOOL, Goods.COMPONENT)

    @property
    def property_for_merchandise(self) -> bool:
        """A character, franchise, team, show or online service: its name on a product is the
        selling point."""
        return self.value in PROPERTY_GOODS

    @property
    def fashion_house(self) -> bool:
        """A fashion or luxury house: its name on clothing, bags or cloth is what copies carry."""
        return self in (Goods.FASHION, Goods.LUXURY)

    @property
    def copied(self) -> bool:
        """What copies are made of: a plain mention on a no-name listing is the infringement."""
        return self.fashion_house or self.property_for_merchandise


class Reading(Enum):
    """How the mark is written in the listing."""

    EXACT = "exact"
    DISGUISED = "disguised"   # look-alike letters, hidden characters
    EVASION = "evasion"       # spaced, dotted, leetspeak
    TYPO = "typo"             # a misspelling

    @property
    def hidden(self) -> bool:
        return self in (Reading.DISGUISED, Reading.EVASION)


class Frame(Enum):
    """The wording around the mark (from spaCy's context patterns)."""

    NONE = None
    COMPATIBLE = "COMPAT"
    COMPARISON = "COMPARE"
    DISCLAIMER = "DISCLAIM"
    MAKER = "BRAND"


class SellerBrand(Enum):
    """What the catalog says about the listing's own brand."""

    UNKNOWN = "unknown"  # the catalog has no brand column: anyone's stock, a shop's or a maker's
    NONE = "none"        # the brand cell is empty or says Generic / No Brand: an unbranded product
    OTHER = "other"      # a brand that is not this mark's

    @property
    def unnamed(self) -> bool:
        """The catalog names no brand for the listing (no column, or none in it)."""
        return self is not SellerBrand.OTHER


NO_BRAND = frozenset(compact(w) for w in (
    "generic", "unbranded", "no brand", "nobrand", "no brands", "none", "n/a", "na", "oem", "unknown", "other",
    "china oem", "without brand", "sin marca", "sem marca", "без бренда", "нет бренда", "无品牌", "tidak ada merek",
    # Lazada's and Shopee's own "no brand" values in the region's languages, as their exports give them.
    "tidak ada merk", "tanpa merek", "tanpa merk", "no merk", "không thương hiệu", "ไม่มียี่ห้อ", "sans marque",
    "ohne marke", "no name", "noname"))
COPY_SCOPES = ("any",)
# Words after a mark that say it names a part inside the product, stated as fact
# ("Seiko movement", "Velcro closure", "Lycra blend", "Intel Core i5 processor").
COMPONENT_NOUNS = frozenset(
    "movement movements closure closures fastener fasteners blend fabric fibre fiber fibers fibres material "
    "lining insole sole soles outsole zipper zip zips chip chipset chipsets processor processors cpu gpu graphics "
    "sensor sensors lens lenses glass coating membrane technology tech inside inner powered engine motor "
    "mechanism crystals crystal elements cells cell panel panels display tape".split())
COMPONENT_BEFORE = frozenset("with featuring powered using uses con com avec mit inside".split())
# A fashion or luxury house's name before the cloth ("Gucci fabric", "Ben Sherman blend belt bag") is
# the pattern or name copies are made of, not a fibre inside; its watch movement or crystals are
# ("Seiko movement", "Swarovski crystals").
CLOTH_NOUNS = frozenset("blend fabric fibre fiber fibers fibres material lining".split())
# A bouquet or gift box made of a maker's sweets ("букет из Чупа Чупс", "filled with Kinder"):
# genuine goods as the material.
MADE_OF = frozenset("из of from with filled".split())
# Cloths the Indonesian and Malay garment trade names after a brand, written after the word for the
# material ("Kaos Polo Polos Bahan Lacoste": plain polo shirts of piqué knit): the cloth, not the label.
BRAND_NAMED_CLOTHS = frozenset({"lacoste", "lacos"})
CLOTH_WORDS_BEFORE = frozenset({"bahan", "kain"})
COLOUR_WORDS = frozenset(
    "white black grey gray blue red green pink purple yellow orange brown beige navy gold silver ivory cream "
    "khaki teal coral mint rose violet burgundy tan nude charcoal olive sand taupe blanco negro gris azul rojo "
    "verde rosa branco preto vermelho blanc noir bleu rouge vert weiss schwarz blau rot grün белый черный "
    "серый синий красный зеленый розовый голубой бежевый коричневый фиолетовый бордо бордовый хаки марсала "
    "шампань bordeaux champagne marsala cognac colour color colours colors shade cor couleur farbe цвет".split())
# Category words of supplies made for a maker's device: a device mark leading such a listing names
# the maker's own supply or a refill ("hp q2624x black" in "laser printer toner").
CONSUMABLES = frozenset("toner ink inkjet cartridge cartridges batteries battery paper refill refills "
                        "media filters".split())
# Words that say the product replaces a worn or lost part of another ("replacement wheels for
# Samsonite", "Bezel Insert Pengganti Seiko SKX007"): a part made to fit, whoever made the whole.
REPLACEMENT_WORDS = frozenset("replacement replacements pengganti ganti repuesto repuestos recambio reposição "
                              "reposicao ricambio rechange ersatz ersatzteil замена сменный сменные".split())
ORIGINAL_WORDS = frozenset(
    "original genuine authentic official oem originale originales originais оригинал оригинальный "
    "оригинальная оригинальные asli resmi chính hãng".split())
# "OEM" in a title is how genuine parts in bulk or tray packaging are sold ("bulk oem desktop hard
# drive", "optical mouse - oem"): said of the product, no claim to be the maker's retail original.
CLAIMS_ORIGINAL = ORIGINAL_WORDS - {"oem"}
# Goods sold second-hand or refurbished: a genuine product's resale, which the owner's rights do
# not reach once it was sold under the mark. Not "used" nor "bekas" (Indonesian "scar" as well as
# "used"): they say too many other things; Thai is written without spaces, so it is looked for
# inside words.
SECOND_HAND = re.compile(r"(?i)\b(?:pre-?owned|pre-?loved|second[\s-]?hand|2nd[\s-]hand|seminov[oa]s?|gebraucht|"
                         r"d'occasion|б/у|подержанн\w*|refurbished|renewed|reconditioned|"
                         r"rea?condicionad[oa]s?|восстановленн\w*)(?!\w)|มือสอง|มือ2")


def _second_hand(title: str) -> bool:
    return bool(SECOND_HAND.search(title))


# A maker's or distributor's warranty named in the title ("1 Year Warranty by Samsung Malaysia",
# "Garansi Resmi", "official warranty"): how official stores title genuine stock, unlike a copy's
# bare "original".
# Where a reseller says its stock comes from: the brand's own store, its authorised dealer or
# distributor ("Authorized Dealer", "Distributor Resmi", "Toko Resmi"), a personal shopper buying
# there ("jastip", jasa titip), brand new in its box or with its tags ("BNIB", "BNWT"), or wholly original.
GENUINE_STOCK = re.compile(r"(?i)\b(?:original|official)\s+store\b|\bjastip\b|\bbnib\b|\bbnwt\b"
                           r"|\b100\s*%\s*(?:original|authentic|asli|ori)\b|\b(?:original|authentic|asli)\s*100\s*%"
                           r"|\b(?:authori[sz]ed|official|oficial|officiel)\s+(?:dealer|distributor|distribuidor|"
                           r"distributeur|reseller|retailer|revendedor|revendeur)\b"
                           r"|\b(?:distributor|dealer|toko|agen)\s+resmi\b")
# In an Indonesian or Malay title, a reseller of genuine stock says so with a bare "Original", "Ori"
# or "Asli" ("Sepatu Bata Pria Kulit Original", "Jam Tangan Seiko 5 Automatic Original"): copies
# there are titled with the trade's own words for their grade ("KW super", "grade ori", "mirip ori",
# "ori batam"), which are copy words of their own. Elsewhere a bare "ORIGINAL" is how copies are
# titled too ("Camiseta Deus EX MACHINA proceso ORIGINAL").
LOCAL_ORIGINAL_WORDS = frozenset({"original", "ori", "asli"})
LOCAL_ORIGINAL_LANGUAGES = frozenset({"id", "ms"})
WARRANTY = re.compile(
    r"(?i)\b(?:warranty|garansi|garantia|garantía|garantie|гарантия)\W+(?:\w+\W+){0,2}?(?:by|resmi|oficial|official|"
    r"officielle)\b|\b(?:official|oficial|resmi|distributor)\W+(?:\w+\W+){0,2}"
    r"(?:warranty|garansi|garantia|garantía|garantie)\b")

# A phone's screen no maker's phone has had: the largest unfolded screens reach 7.2 inches, and
# copies of famous phones are listed with 7.5 ("Reno8 Pro Handphone ... 7.5 inch Smartphone",
# "i15 Pro Max 7.5Inci 5G Handphone"). A tablet, a foldable or an accessory sized for one is
# named as such, and a car stereo or a tablet with phone calls names its own kind.
PHONE_WORDS = re.compile(r"(?i)\b(?:smart ?phones?|handphones?|phones?|cell ?phones?|ponsel|celular(?:es)?|"
                         r"telefone|смартфон\w*|телефон\w*)\b")
NOT_A_PHONE = re.compile(r"(?i)\b(?:tablets?|tab|pad|phablets?|fold\w*|flip|laptops?|notebooks?|case|casing|"
                         r"cover|film|protector|holder|stand|mount|bag|pouch|sleeve|strap|lcd|digitizer|"
                         r"touchscreen|car|mobil|carro|coche|auto|vehicle|radio|stereo|player|monitor|tv|"
                         r"projector|navigation|gps|dashcam|dvr|ebook|e-reader|smartwatch|watch)\b")
SCREEN_INCHES = re.compile(r"(?i)(?<![\d.,])([6-9](?:[.,]\d{1,2})?)\s*(?:\"|''|″|inch(?:es)?\b|inci\b|"
                           r"pulgadas?\b|polegadas?\b|дюйм)")
LARGEST_PHONE_SCREEN = 7.2


def impossible_phone_screen(title: str) -> str:
    """The screen size a title gives a phone that no phone has ("7.5 inch"), or ""."""
    size = SCREEN_INCHES.search(title)
    if size is None or not LARGEST_PHONE_SCREEN < float(size.group(1).replace(",", ".")) < 10:
        return ""
    return size.group(0) if PHONE_WORDS.search(title) and not NOT_A_PHONE.search(title) else ""


# ---------------------------------------------------------------------------------------------
# Word tests: is a generic mark's word used in its everyday sense, and is a span in a tag list.

@lru_cache(maxsize=1)
def style_names() -> frozenset[str]:
    text = resources.files("compliance.matchers").joinpath("patterns/style_names.txt").read_text("utf-8")
    return frozenset(" ".join(line.lower().split()) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def style_name(listing, span) -> str:
    """The generic mark opens a product-style phrase ("Coach Jacket", "Polo Shirt")."""
    raw = listing.fields[span.field].raw
    following = re.findall(r"[^\W\d_]+", raw[span.end:span.end + 40])[:2]
    word = span.text.lower()
    for n in (1, 2):
        phrase = " ".join([word, *[w.lower() for w in following[:n]]])
        if len(following) >= n and phrase in style_names():
            return phrase
    return ""


def ordinary_use(listing, entry, span) -> str:
    """A lower-case use of a generic mark's word elsewhere in the listing ("plush puma", "apples"),
    or the word naming a product style ("Coach Jacket")."""
    style = style_name(listing, span)
    if style:
        return style
    taken = [(span.field, span.start, span.end)]
    lines = _alias_keys(entry.aliases)
    for name in entry.names:
        if " " in name.strip() or not name.isalpha():
            continue
        pattern = _word_pattern(name)
        for field in listing.text_fields():
            for m in pattern.finditer(field.raw, *_search_area(field, span)):
                if any(f == field.name and s <= m.start() < e for f, s, e in taken):
                    continue
                # "apple iphone" in lower case is the brand with its product line, not the fruit.
                near = compact(field.raw[max(0, m.start() - 24):m.end() + 24])
                if any(line in near for line in lines):
                    continue
                return field.raw[m.start():m.end()]
    return ""


@lru_cache(maxsize=8192)
def _alias_keys(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """An entry's aliases of three or more letters, compacted: its product lines ("iphone")."""
    return tuple(key for key in map(compact, aliases) if len(key) >= 3)


@lru_cache(maxsize=8192)
def _word_pattern(name: str) -> re.Pattern:
    """A one-word name as a whole word, also in the plural ("apples")."""
    return re.compile(rf"(?<![^\W\d_]){re.escape(name.lower())}(?:s|es)?(?![^\W\d_])")


# Around a mark in a long field, how far the checks below look: a field of megabytes would
# otherwise be scanned again for every mark in it.
NEAR = 2_000


def _search_area(field, span) -> tuple[int, int]:
    """The whole field where it is short; in a long one, the stretch around the mark (or the start)."""
    if len(field.raw) <= 10 * NEAR:
        return 0, len(field.raw)
    centre = span.start if field.name == span.field else 0
    return max(0, centre - NEAR), centre + NEAR


def written_as_word(listing, span, entry) -> bool:
    """A generic mark written in lower case inside mixed-case text: the everyday word ("for coach seats")."""
    if not (entry.generic and compact(span.data["name"]) == compact(entry.term)) or not span.text[:1].islower():
        return False
    field = listing.fields.get(span.field)
    if field is None or after_tag_label(field.raw, span.start):
        return False  # tag lists are written in lower case
    return _has_capitals(listing, field)


def _has_capitals(listing, field) -> bool:
    """Whether the field's text has any capital letter, found once per field."""
    return listing.once(("capitals", field.name), lambda: any(c.isupper() for c in field.text))


TAG_LABEL = re.compile(r"(?i)(?:#|\b(?:tags?|keywords?|search terms?|related searches|hashtags?|also fits searches)"
                       r"\s*[:：=-]\s*)")


def after_tag_label(raw: str, start: int) -> bool:
    """A tag label ("Tags:", "Keywords:") earlier on the same line, or a '#' right before the brand."""
    line_start = max(raw.rfind("\n", 0, start), raw.rfind(". ", 0, start), start - NEAR - 1) + 1
    head = raw[line_start:start]
    return bool(TAG_LABEL.search(head)) and (head.rstrip().endswith("#") or "#" not in head or ":" in head)


# A field that is nothing but a list of search words, as Wish gives a listing's tags: many short
# items parted by commas, no sentence among them ("Summer,Sneakers,Womens Shoes,...,Adidas,Shoes").
TAG_LIST_ITEMS = 8
TAG_WORDS = 3


@lru_cache(maxsize=256)
def bare_tag_list(raw: str) -> bool:
    """Whether ``raw`` is a bare list of tags: at least eight items parted by commas, each of three
    words or fewer, with no sentence's full stop nor a colon (a list of specifications)."""
    if raw.count(",") < TAG_LIST_ITEMS - 1 or ". " in raw or ":" in raw:
        return False
    items = [item for item in raw.split(",") if item.strip()]
    return len(items) >= TAG_LIST_ITEMS and all(len(item.split()) <= TAG_WORDS for item in items)


@lru_cache(maxsize=16)
def _nouns(name: str) -> frozenset[str]:
    """A noun list, with every case and number form of its Russian words (a Russian title declines
    the product: "накладки на стики", "кружку с", "набор наклеек"), but a word marked ``!`` as
    written only."""
    text = resources.files("compliance.matchers").joinpath(f"patterns/{name}").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return word_forms(w for w in lines if not w.endswith("!")) | {w[:-1].lower() for w in lines if w.endswith("!")}


@lru_cache(maxsize=1)
def established_brands() -> frozenset[str]:
    """Real consumer brands (compact form): a brand column naming one is a company, not a shop's label."""
    text = resources.files("compliance").joinpath("data/established_brands.txt").read_text("utf-8")
    return frozenset(compact(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


MODEL = re.compile(r"^(?=[^\W_]*\d)[^\W_][\w-]*$")
# A size, a quantity or a speed, or a memory standard ("DDR3", "GDDR6"): no model either.
SPEC = re.compile(r"^\d+(?:[.,]\d+)?(?:mah|gb|tb|mb|w|v|mm|cm|m|in|inch|hz|khz|mhz|ghz|rpm|ml|l|g|kg|pcs|pc|oz|ft"
                  r"|x|k|p)?$|^(?:lp)?g?ddr\d[a-z]?$", re.I)


YEAR = re.compile(r"^(?:19|20)\d\d$")
QUANTITY_WORDS = frozenset("pieces pcs pc pack packs sheets pages count ct sets units mah gb tb w watt watts "
                           "inch inches mm cm ml oz lb lbs kg g шт".split())


# Two letters and two digits ("tl-sg1024d"), or one letter among four digits or more ("301848u").
PART_NUMBER = re.compile(r"^(?=(?:[^\d]*\d){2})(?=(?:[^a-z]*[a-z]){2}|(?:[^\d]*\d){4})(?=[^a-z]*[a-z])"
                         r"[a-z0-9][a-z0-9-]*(?:[./#][a-z0-9-]+)*$")


def _part_number(title: str) -> str:
    """A manufacturer part number ("du-sd1008g-c", "gb01954", "tl-sg1024d", "myfm2b/a",
    "3dp34es#abd"): letters and digits, six characters or more, not a size or a capacity. Retail
    catalogs carry them; listings of copies rarely do."""
    for word in title.lower().split():
        word = word.strip(".,;:()[]/|")
        if len(word) >= 6 and PART_NUMBER.match(word) and not _size_or_standard(word):
            return word
    return ""


def _style_code(part_number: str) -> bool:
    """A part number as a maker prints it on its label ("bb0095s003", "2f3hsh020h01665", "rb9093"):
    three digits or more, and no everyday word glued to a year or a size in it ("hot2022",
    "size35-40", "primavera2024nueva": a shop's tags run together, not a maker's code)."""
    if sum(c.isdigit() for c in part_number) < 3:
        return False
    return not any(len(run) >= 3 and any_language_word(run) for run in re.findall(r"[a-z]+", part_number))


# A retail catalog's department, written as US retailers' and brands' own pages title goods: "Nike
# Women's Flex Experience Run 11", "Asics Men's Gel Kayano 30 Running Shoes".
DEPARTMENT = re.compile(r"\s+(?:Women's|Men's|Girls'|Boys'|Kids'|Womens|Mens)\s+([A-Z][\w-]*)")


def _department_after_maker(listing, span, entry) -> str:
    """The product's name after a department right after the mark, or after the mark of its maker
    that leads the title ("Nike Men's Air Zoom Pegasus 40": the Air Zoom line's too)."""
    if span.field != "title":
        return ""
    raw = listing.fields["title"].raw
    return _department_line(raw, span.end) or next(
        (_department_line(raw, s.end) for s in _title_leader_spans(listing)
         if s.start < span.start and same_maker(s.data["entry"], entry)), "")


TONE_WORDS = frozenset("tone toned tones colour color coloured colored".split())
DEPARTMENT_JOINS = STOP_WORDS | {"or"}  # "Men's and Women's", "Men's or Women's"


def _department_line(raw: str, end: int) -> str:
    """The product's own name right after the mark and a department in capitals ("Fossil Women's
    Harlow ..."): a name, not what the product is ("Nike Men's Shoes"), its colour ("Women's
    Gold-Tone") or a word joining departments ("Men's and Women's")."""
    found = DEPARTMENT.match(raw, end)
    if not found:
        return ""
    name = found.group(1)
    parts = name.lower().split("-")
    if title_products(name) or all(p in COLOUR_WORDS or p in TONE_WORDS for p in parts) \
            or name.lower() in DEPARTMENT_JOINS:
        return ""
    return name


def _size_or_standard(word: str) -> bool:
    """A size, a capacity or a standard's name, which look like model codes ("20000mah", "70x40cm",
    "usb3.1")."""
    return bool(SPEC.match(word) or DIMENSIONS.match(word) or STANDARD.match(word))


# Sizes and standards that look like part numbers: "70x40cm", "1920x1080", "3x1.5mm2"; "usb3.1",
# "ddr4-3200", "pcie4.0", "ipx7".
DIMENSIONS = re.compile(r"^\d+(?:[.,]\d+)?(?:[x*×]\d+(?:[.,]\d+)?)+(?:mm2?|cm|m|in|inch|px|ft|mah|gb|tb|mb)?$")
STANDARD = re.compile(r"^(?:usb|ddr|lpddr|gddr|pcie|hdmi|sata|wifi|bt|ipx?|nvme|type-?c|qi|ax|ac)\d[\w.\-]*$")


def _model_named(raw: str, end: int) -> bool:
    """A model designation within three words after the mark ("Mi Pad 4", "MediaPad M2", "AM115",
    "ESP 3250"), not a size or a quantity ("20000mAh", "5.3", "1000 pieces"): a specific product,
    maybe genuine stock."""
    words = [w.strip(".,;:()[]/|") for w in raw[end:end + 48].split()[:4]]
    if words and _model_name(words[0]):
        return True
    for i, word in enumerate(words[:3]):
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if not MODEL.match(word) or following in QUANTITY_WORDS:
            continue
        if YEAR.match(word):
            continue  # "Xiaomi 2022 earphones": a year, not a model
        if word.isdigit() and len(word) <= 4 or not SPEC.match(word):
            return True
    return False


def _device_model(listing, span) -> str:
    """A device's own model code right after the mark, or after one word of its line ("zte f160",
    "motorola motonav tn20", "samsung restore m570"): letters and digits, eight characters at most
    (longer ones are part numbers), not a size or a standard ("20000mah", "usb3")."""
    if span.field != "title":
        return ""
    for word in _words(listing.title[span.end:span.end + 40])[:2]:
        if len(word) <= 8 and any(c.isdigit() for c in word) and any(c.isalpha() for c in word) \
                and not _size_or_standard(word):
            return word
    return ""


def _model_name(word: str) -> bool:
    """A name right after the maker that is no word of any seed language ("Xoom", "JIB", "UniFi",
    "Freestyle" is a word): the model's own name."""
    return len(word) >= 3 and word.isascii() and word.isalpha() and not _common(word.lower())


def merchandise_nouns() -> frozenset[str]:
    """Decorative and novelty products a character or team is printed on, in the seed's languages."""
    return _nouns("merchandise_nouns.txt")


def character_nouns() -> frozenset[str]:
    """Products that are a character itself (figure, plush, costume), in the seed's languages."""
    return _nouns("character_nouns.txt")


def device_nouns() -> frozenset[str]:
    """Electronic devices licensed makers sell under a character or team (camera, earbuds, player),
    in the seed's languages."""
    return _nouns("device_nouns.txt")


def creature_nouns() -> frozenset[str]:
    """Creatures a figure, a plush or a costume depicts (penguin, skeleton, angel), in the seed's
    languages: a character named so is no character on those products by its name alone."""
    return _nouns("creature_nouns.txt")


def fitting_nouns() -> frozenset[str]:
    """Accessories, parts and consumables made to fit another maker's product, in the seed's languages."""
    return _nouns("fitting_nouns.txt")


def display_nouns() -> frozenset[str]:
    """Stands and display cases for a collectible, in the seed's languages."""
    return _nouns("display_nouns.txt")


_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _as_written(text: str, key: str) -> str:
    """A name compared by its key ("riota"), as ``text`` writes it ("Riota")."""
    return next((w for w in _WORD.findall(text) if compact(w) == key), key) if key else ""


def _copies_sold_under(entry, goods: Goods) -> bool:
    """Copies are sold under the mark's name (:attr:`Goods.copied`): a property's, whatever its
    reach, or a fashion house's, unless it is a label known mostly in its home market (the list's
    ``reach``: ``local``), whose shops there name it as the maker of the genuine goods they resell."""
    return goods.property_for_merchandise or goods.fashion_house and entry.reach != "local"


def goods_of(entry) -> Goods:
    """The entry's goods column, or a judgement from its classes when the list does not say."""
    if entry.goods:
        return Goods(entry.goods)
    if entry.classes and len(entry.classes & FASHION_CLASSES) * 2 > len(entry.classes):
        return Goods.FASHION
    # Registered for toys with printed matter or clothing, and no devices or vehicles: a property
    # whose name sells merchandise (Disney 16|25|28), not a maker of things others fit.
    if 28 in entry.classes and entry.classes & {16, 25} and not entry.classes & {7, 9, 11, 12}:
        return Goods.CHARACTER
    if 12 in entry.classes and 9 not in entry.classes:
        return Goods.VEHICLE  # registered for vehicles and not for electronics
    if 28 in entry.classes and not entry.classes & {7, 9, 11, 12}:
        return Goods.TOY  # toys and games, no devices
    return Goods.DEVICE if device_brand(entry) else Goods.OTHER


@dataclass(frozen=True)
class AuthorizedBrand:
    """A brand the seller owns or is licensed for (``--authorized``), optionally only on some platforms."""

    brand: str
    owner: str = ""
    platforms: frozenset[str] = frozenset()

    def covers(self, entry) -> bool:
        key = compact(self.brand)
        if key and (key in {compact(n) for n in entry.names} or same_family(key, entry)):
            return True
        return bool(self.owner) and compact(self.owner) == compact(entry.owner)


def same_family(brand_key: str, entry) -> bool:
    """The brand column names the mark's family: the mark written another way (``Levis``,
    ``PUMA Motorsport``, ``U.S. Polo Assn``, ``Phillips``), a product line, or the owner
    (``Titan Company`` for Fastrack)."""
    if len(brand_key) < 2:
        return False
    names = {compact(n) for n in entry.names}
    return brand_key in names or _extends_a_name(brand_key, names) or _names_the_owner(brand_key, entry) \
        or _one_letter_off(brand_key, names)


def _extends_a_name(brand_key: str, names: set[str]) -> bool:
    """Cut short ("genuine xero") or extended ("PUMA Motorsport")."""
    return any(brand_key.startswith(n) for n in names if len(n) >= 3) or \
        len(brand_key) >= 4 and any(n.startswith(brand_key) for n in names)


def _names_the_owner(brand_key: str, entry) -> bool:
    """The owner's name, its distinctive first word ("Titan" of "Titan Company Limited"), or a
    company the owner's name holds ("Bandai Namco" of "Sotsu Co., Ltd. and Sunrise (Bandai Namco
    Filmworks Inc.)")."""
    if not entry.owner:
        return False
    first = compact(entry.owner.split(" ")[0])
    return len(brand_key) >= 4 and compact(entry.owner).startswith(brand_key) or \
        len(first) >= 4 and brand_key.startswith(first) or \
        len(brand_key) >= 6 and brand_key in _owner_word_runs(entry.owner)


@lru_cache(maxsize=20_000)
def _owner_word_runs(owner: str) -> frozenset[str]:
    """Every run of whole words of an owner's name, joined ("bandainamco", "bandainamcofilmworks")."""
    parts = words(owner)
    return frozenset("".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1))


def _one_letter_off(brand_key: str, names: set[str]) -> bool:
    """The seller's own spelling of the mark ("Phillips" for Philips)."""
    return len(brand_key) >= 5 and any(len(n) >= 5 and Levenshtein.distance(brand_key, n, score_cutoff=1) <= 1
                                       for n in names)


_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9&'.-]*(?: +[A-Za-z][A-Za-z0-9&'.-]*)*")


def title_maker(listing) -> str:
    """Where the catalog has no brand column, the maker that a title opening with the product in
    another script names in Latin letters just before a slash or before the mark ("Миска Stor
    Disney Cars", "Сумка ND Play / ..."): how Ozon and Wildberries titles name the brand. Not a
    mark of the lists itself."""
    return _title_maker_found(listing)[0]


def maker_as_seller(listing) -> bool:
    """The maker the title names is named as marketplaces print the seller's brand: before a slash,
    or in Latin letters in a title of another script ("PIFPAF KIDS / Рюкзак", "Миска Stor Disney"),
    not guessed from a retailer's title that opens with it ("veho ... case")."""
    return _title_maker_found(listing)[1]


def _title_maker_found(listing) -> tuple[str, bool]:
    if listing.brand_column:
        return "", False
    return listing.once("title_maker", lambda: _title_maker(listing))


def _latin_letters(word: str) -> bool:
    return word.isascii() or all(unicodedata.name(c, "").startswith("LATIN") for c in word)


def _title_maker(listing) -> tuple[str, bool]:
    """The maker the title names, and whether it is named as the seller's brand (see
    :func:`maker_as_seller`)."""
    title = listing.title
    first = re.search(r"[^\W\d_]+", title)
    if first is None:
        return "", False
    if _latin_letters(first.group()):
        # A title opening in Latin letters, accented too ("Promoción ... jersey"), names its maker
        # so only as "Hori / Сменные накладки": otherwise its first word may be the maker or the mark.
        slash = _maker_before_slash(title)
        return (slash, True) if slash else (_maker_before_model(listing), False)
    return _latin_maker_before_marks(listing, title)


def _latin_maker_before_marks(listing, title: str) -> tuple[str, bool]:
    """In a title of another script, the name in Latin letters before its first mark that a slash
    follows ("ND Play / Рюкзак") or that the mark follows ("Миска Stor Disney Cars")."""
    marks = sorted(s.start for s in listing.spans.get("marks", []) if s.field == "title" and s.kind == "mark")
    first_mark = marks[0] if marks else len(title)
    for run in _LATIN_RUN.finditer(title[:first_mark]):
        name = run.group().strip()
        if sum(c.isalpha() for c in name) < 3 or _everyday_latin_word(name):
            continue
        if title[run.end():].lstrip().startswith("/"):
            return compact(name), True
        # "INFANT. Hello Kitty": a full stop ends the title's sentence; a maker is written right
        # before the mark it sells ("Миска Stor Disney Cars").
        if marks and not title[run.end():first_mark].strip() and not name.endswith("."):
            return compact(name), True
    return "", False


def _everyday_latin_word(name: str) -> bool:
    """One everyday word in Latin letters in a title of another script says what the product is
    ("Наушники Pro / Pods Pro"), unless it is a company the project knows ("Stor", a licensee); so
    does a technical term of the product's kind ("Беспроводные наушники TWS Pods Pro")."""
    return " " not in name and (_common(name) or product_term(name)) and not _known_company(compact(name))


# Technical terms titles use for what a product is or has, in every language, which the frequency
# lists hold as no everyday word: "TWS" earbuds, "ENC" microphones, "HiFi" speakers, an "MTB"
# helmet, an "FPV" drone, an "OLED" screen, a "TPU" case, an "IP67" watch. None names a maker.
PRODUCT_TERMS = frozenset("tws enc anc hifi hi-fi mtb bmx fpv oled amoled qled tpu ip65 ip67 ip68 ipx4 ipx5 ipx6 "
                          "ipx7 ipx8 hd fhd uhd rgb rgbw led lcd".split())


def product_term(word: str) -> bool:
    """A technical term of the product's kind (see :data:`PRODUCT_TERMS`), in any case."""
    return word.casefold() in PRODUCT_TERMS


_MAKER_SLASH = re.compile(r"^\s*([A-Za-z][A-Za-z0-9&'.-]*(?: [A-Za-z][A-Za-z0-9&'.-]*){0,2})\s*/\s*([^\W\d_]+)")


_MAKER_MODEL = re.compile(r"^\s*([A-Za-z][A-Za-z&'-]+(?: [A-Za-z][A-Za-z&'-]+)?) +([A-Za-z0-9][A-Za-z0-9./-]*)(?=\s|$)")


def _maker_before_model(listing) -> str:
    """"pioneer deh-6300ub cd receiver", "clarion cx201 ... receiver": a name that is no mark of the
    lists, followed by the model's code, leading the title: how a retailer's catalog names the maker.
    The name is no everyday word unless retailers list it as a brand ("pioneer")."""
    m = _MAKER_MODEL.match(listing.title)
    if m is None or not PART_NUMBER.match(m.group(2).lower()) and not _short_code(m.group(2)):
        return ""
    if any(s.start < m.end(1) for s in listing.spans.get("marks", ()) if s.field == "title" and s.kind == "mark"):
        return ""
    name = compact(m.group(1))
    if name in NO_BRAND or product_term(name) \
            or not (name in established_brands() or not any(_common(w) for w in words(m.group(1)))):
        return ""
    return name


def _short_code(word: str) -> bool:
    """A model code of letters and digits ("cx201", "imt320", "nxpn10"), not a size, a year or a
    two- or three-character tag ("4k", "v2", "x10")."""
    return len(word) >= 4 and bool(MODEL.match(word)) and any(c.isalpha() for c in word) \
        and not SPEC.match(word) and not YEAR.match(word)


def _maker_before_slash(title: str) -> str:
    m = _MAKER_SLASH.match(title)
    return compact(m.group(1)) if m and not m.group(2).isascii() else ""


def seller_key(listing) -> str:
    brand = re.sub(r"(?i)^\s*(?:genuine|original|authentic|official|oem)\s+", "", listing.brand or "")
    return compact(brand)


class MarkEvidence:
    """Everything the decision needs about one candidate span, and nothing it must re-read.

    Each answer is found (by :data:`_ANSWERS`) when a step first asks for it, and kept: most spans
    are decided by the first steps (the seller's own brand, an ordinary sense, an everyday word),
    which read a few answers, so the rest (who leads the title, what accessory it sells, its part
    number) is never found for them. The listing is held weakly: its kept decisions hold this
    evidence, and a strong reference back would make every checked listing a cycle for the
    collector."""

    goods: Goods
    copies_sold_under: bool  # copies are sold under the mark: a property, or a house famous beyond its home market
    reading: Reading
    frame: Frame
    wording: str            # the frame's words ("compatible with", "inspired by")
    frame_carried: bool     # the frame is another mention's of the same mark, carried over ("для iPhone" to "IPods")
    seller: SellerBrand
    maker_in_title: str     # no brand column: the maker the title names in Latin letters ("Stor"), or ""
    own_brand: bool         # the brand column names this mark or its family
    authorized: bool        # --authorized names this mark, its owner or family
    licensed_to: str        # the brand column names a known licensee of the mark (compliance.licensees)
    said_genuine: bool      # "OEM", "original" or "genuine" just before the mark in the title
    licence_claimed: str    # the title says the goods are licensed ("Officially Licensed"), or ""
    in_title: bool
    brand_position: bool    # first in the title, after only words such as "New"
    leads_title: bool       # this mark or another of its maker's, here or elsewhere, is first in the title
    after_product: bool     # the title's first mark, right after the product it names ("Lampu LED Philips")
    signs_title: bool       # the mark alone ends the title after a separator or "by" ("... Mouse | Logitech G")
    ends_title: bool        # the mark's name is the title's last words ("... FPB/PRZF Faber-Castell")
    other_maker_leads: str  # another maker's mark leads the title (no brand column): the product is its, or ""
    coined_leader: str      # no brand column: a coined word, no mark and no everyday word, opens the title, or ""
    device_maker_leads: str  # another maker of devices leads the title by its own name (no brand column), or ""
    device_feature: str     # "with" the device and a dock, player or control of the product's for it, or ""
    licensee_leads: str     # the property's own maker or a known licensee leads or makes it (no brand column), or ""
    edition_named: bool     # the title names the property as the product's edition ("League of Legends Edition")
    owner_named: str        # the property's own maker named in the title, not as what it fits (no brand column)
    owner_heads: str        # the property's owner by name opens the title ("disney toy story ..."; no brand column)
    makes_property: str     # a property the title names, which this maker owns or is licensed for (no brand column)
    device_in_wording: bool  # the compatibility wording names a device or vehicle too ("for nike ipod")
    replacement: str        # the title sells a replacement part ("Roda Koper Pengganti ... untuk Samsonite"), or ""
    model_after_maker: str  # a look-alike spelling with a digit right after another maker's name ("Crucial P5
                            # Plus", read as PS Plus): that maker, whose model code it is, or ""
    makers_line: str        # another maker leads the title, the span right after it and a model after the span:
                            # the maker's product line ("asus sabertooth p67"), or ""
    brand_use: tuple[str, ...]  # why a generic word reads as the brand (empty: it does not)
    everyday_word: str      # the ordinary word this span also is ("plush puma"), or ""
    ordinary_sense: str     # a colour, a measure, a component stated as fact, another language's word, or ""
    foreign_word: bool      # a mark matched only by folding the accents of another language's word
    language_word: str      # the span is an everyday word of the language its field is written in ("pt")
    english_in_other_language: bool  # an English word only, in a field written in another language
    english_name_in_local_trade: bool  # English words written as a name in an Indonesian or Malay title
    capitalised_as_name: bool  # written with a capital where the field's capitals tell names from words
    logo_capitals: bool     # written in capitals where the rest of its field is not ("POCO X3 case")
    unlike_mark: bool       # written without the capitals or accents the mark has ("Ovo" for OVO, "pele")
    written_apart: bool     # a one-word mark met as everyday words written apart ("ultra-fine")
    class_overlap: bool     # the mark's classes cover the listing's product (or either is unknown)
    listing_classes: tuple[int, ...]
    merchandise: str        # the decorative product the mark is printed on ("mug", "poster"), or ""
    publication: str        # the title sells a printed edition of a work: a book, a comic, a novel ("komik"), or ""
    sells_credit: str       # the title sells a game's or service's own credit: a voucher, a top-up, in-game
                            # currency ("Diamond Mobile Legends 86 DM Via ID", "Google Play Gift Card"), or ""
    eyewear: str            # the title sells sunglasses or spectacles: a fashion house's own goods, in class 9
    sells_merchandise: bool  # the title's first product is that decorative product ("Coca-Cola keychain")
    party_goods: bool       # that decorative product is party supplies ("Candy Bags ... For Birthday Parties")
    character_product: str  # the title names a product that is a character itself ("plush", "figure"), or ""
    latin_title: str        # a name of two words or more in Latin letters in a title of another script, or ""
    label_name: str         # a fashion house's product name in Latin letters after it, in a title of another script
    department_line: str    # a retail department and the product's own name right after the mark, as US retail
                            # catalogs title it ("Fossil Women's Harlow ... Necklace"): that name, or ""
    names_a_creature: bool  # the span is a creature's everyday name ("Penguin", "Skeleton", "Пингвин")
    fitting: str            # the accessory or part the listing sells ("case", "чехол"), or ""
    display_stand: str      # the title sells a stand or display case for a collectible ("soporte"), or ""
    fitting_in_title: bool  # the title says it (not only the category)
    fitting_follows: bool   # the accessory's noun follows the mark closely ("ipod car cassette adapter")
    fitting_before: bool    # the title names the accessory before the mark ("Защитное стекло ... Huawei Watch")
    logo: str               # the title sells a logo as the product ("emblem", "logo sticker"), or ""
    printed_as: str         # a print word right before the mark ("Motif Supreme", "принт Gucci"), or ""
    channel: str            # an online service named as where the goods sell or went viral ("live", "viral")
    impossible_spec: str    # a specification no genuine product has ("7.5 inch" on a phone), or ""
    claims_original: bool   # "original", "genuine" ... in the title
    second_hand: bool       # the title sells the goods second-hand ("preloved", "pre-owned", "มือสอง")
    warranty: bool          # the maker's or distributor's warranty named in the title ("Garansi Resmi")
    genuine_stock_claim: bool  # where genuine stock comes from ("Original Store", "Jastip", "BNIB", "100% original"),
                               # or an Indonesian or Malay title's bare "Original" ("Sepatu Bata ... Original")
    copy_words: bool        # counterfeit wording anywhere in the listing
    copy_grade: bool        # any counterfeit wording, also the kind that needs a mark beside it ("KW Super")
    local_trade: bool       # the title is written in Indonesian or Malay, whose trade grades its copies by name
    beside_hidden_marks: bool  # other marks in the listing are disguised
    part: str               # "HP 61 ink cartridge": the maker's own part or a refill
    beside_own_brand: bool  # the listing's own brand is in the title too
    own_product_line: bool  # the listing's own brand written, or right after it: its own product line
    generic_word: bool      # the span is the mark's own everyday word (Coach, Apple)
    everyday_name: bool     # the span's name is one the list gives the mark that is also an everyday word
                            # ("Трико", Treecko in Russian, is a leotard), as blocklists/everyday_names.csv says
    product_line: bool      # a product line is named (iPhone, or "Stanley ... Quencher")
    after_its_maker: bool   # its maker's own name is right before it ("Western Digital My Book", "Sram E-tap")
    numbered_name: bool     # the name matched carries its model number ("Flip 5", "Galaxy S23")
    model_named: bool       # a product line or a model designation follows the mark: a specific product
    model_follows: bool     # a model designation itself follows the mark ("iPhone 15", "ThinkPad T460")
    device_model: str       # a short model code of letters and digits within two words after the mark in the
                            # title ("zte f160", "motorola motonav tn20"), or ""
    own_line_follows: bool  # one of the maker's own product lines right after the mark ("Asus ROG")
    fitment_list: bool      # one of the device or vehicle models of several makers the title lists
    game_platform: bool     # a device named with another owner's game: the platform the game runs on
    names_its_product: bool  # a device maker's name right before the product the title sells ("Google Tablet")
    system_follows: bool    # the system the product runs named right after it ("Google Play Android 8.0")
    maker_named: bool       # the mark's own name is in the title, not only a product line of it
    distinctive_name: bool  # the name is no everyday word (Spider-Man, Minecraft; not Stitch, Buzz)
    seller_established: bool  # the brand column names a real company (a licensee or distributor may)
    seller_known: bool      # the company the listing is by is an established brand or a known licensee
    maker_as_seller: bool   # the title names its maker the way Ozon's titles name the seller ("Stor / ...")
    part_number: str        # a manufacturer part number in the title ("du-sd1008g-c"): a catalog's SKU
    style_code: bool        # that part number is a maker's style code ("bb0095s003"), no word or year glued in it
    catalog_code: str       # the maker's code the title lists the product with: its style code, or a model
                            # number of five digits or more right after the mark ("hello kitty 87009 ..."), or ""
    catalog_device: str     # no brand column: an electronic device the title sells with its maker's part number
                            # ("hello kitty 11409-hk earbuds"), as retail catalogs list licensed makers' stock, or ""
    confirmed_by: str       # for a mark that is an everyday word with keywords (Ditto, Civic): the keyword,
                            # or another mark of the same franchise or maker, the listing names; or ""

    _seller_and_title_maker: tuple[str, str]
    _title_words: list[str]
    _product_words: list[str]  # the title's words but the mark's own name (:func:`_outside_the_name`)
    _classes: frozenset[int]
    _category_words: list[str]
    _title_fitting: str
    _generic_use: tuple[tuple[str, ...], str]

    def __init__(self, listing, span, authorized: tuple[AuthorizedBrand, ...] = ()):
        self._listing_ref = weakref.ref(listing)
        self._span = span
        self._entry = span.data["entry"]
        self._ctx = span.data.get("context") or {}
        self._authorized = authorized

    def __getattr__(self, name: str):
        # Only for an answer not found yet: a found one is an attribute of the instance.
        find = _ANSWERS.get(name)
        if find is None:
            raise AttributeError(name)
        value = self.__dict__[name] = find(self)
        return value

    @property
    def _listing(self):
        listing = self._listing_ref()
        assert listing is not None, "evidence is read while its listing is checked or explained"
        return listing

    @property
    def _key(self) -> str:
        return self._seller_and_title_maker[0]

    def summary(self) -> tuple[tuple[str, object], ...]:
        """The evidence as ``explain`` prints it: only what is set."""
        items: list[tuple[str, object]] = [("goods", self.goods.value), ("reading", self.reading.value),
                                           ("seller brand", self.seller.value)]
        flags = {"frame": self.frame.value and f"{self.frame.value} ({self.wording})",
                 "frame carried from another mention": self.frame.value and self.frame_carried,
                 "maker named in the title": self.maker_in_title,
                 "another maker leads the title": self.other_maker_leads,
                 "a coined name opens the title": self.coined_leader,
                 "a maker of devices leads the title": self.device_maker_leads,
                 "a feature of the product for the device": self.device_feature,
                 "named as the product's edition": self.edition_named,
                 "its owner named as maker": self.owner_named,
                 "its owner opens the title": self.owner_heads,
                 "a licence the title claims": self.licence_claimed,
                 "the maker of a property the title names": self.makes_property,
                 "the compatibility wording names a device too": self.device_in_wording,
                 "a replacement part": self.replacement,
                 "a model code of the maker before it": self.model_after_maker,
                 "its maker or licensee leads the title": self.licensee_leads,
                 "the leading maker's product line": self.makers_line,
                 "own brand": self.own_brand, "authorized": self.authorized, "licensee": self.licensed_to,
                 "brand position": self.brand_position, "brand use": ", ".join(self.brand_use),
                 "everyday word": self.everyday_word, "ordinary sense": self.ordinary_sense,
                 "merchandise": self.merchandise, "publication": self.publication, "credit": self.sells_credit,
                 "eyewear": self.eyewear, "fitting": self.fitting,
                 "logo": self.logo, "printed as": self.printed_as,
                 "display stand": self.display_stand,
                 "sales channel": self.channel,
                 "impossible specification": self.impossible_spec,
                 "claims original": self.claims_original,
                 "sold second-hand": self.second_hand,
                 "official warranty": self.warranty,
                 "copy words": self.copy_words, "beside disguised marks": self.beside_hidden_marks,
                 "part": self.part, "beside own brand": self.beside_own_brand, "confirmed by": self.confirmed_by,
                 "named right after the product": self.after_product,
                 "signs the title": self.signs_title, "ends the title": self.ends_title,
                 "its own product line follows": self.own_line_follows,
                 "a device's model code after it": self.device_model,
                 "right after its maker's name": self.after_its_maker,
                 "among the models the product fits": self.fitment_list,
                 "the platform of a game the title names": self.game_platform,
                 "the maker's name given to the product": self.names_its_product,
                 "a name in Latin letters among another script's words": self.latin_title,
                 "a creature's name": self.names_a_creature,
                 "a device with its maker's part number": self.catalog_device}
        items += [(k, v) for k, v in flags.items() if v not in (None, "", False)]
        items.append(("classes overlap", self.class_overlap))
        return tuple(items)


# How each answer of :class:`MarkEvidence` is found, from the listing, the span and its entry.
_ANSWERS: dict[str, Callable[[MarkEvidence], object]] = {
    "_seller_and_title_maker": lambda ev: _seller_and_title_maker(ev._listing),
    "_title_words": lambda ev: _words(ev._listing.title),
    "_classes": lambda ev: classes_of(ev._listing),
    "_category_words": lambda ev: _device_category_words(ev._listing, ev.goods),
    "_product_words": lambda ev: _outside_the_name(ev._title_words, ev._span),
    "_title_fitting": lambda ev: _first_fitting(ev._product_words),
    "_generic_use": lambda ev: (
        _generic_use(ev._listing, ev._span, ev._ctx, (ev.names_its_product, ev.latin_title,
                                                      _as_a_name(ev._listing, ev._span) and ev.after_product))
        if ev.generic_word
        else ((), "")),
    "goods": lambda ev: goods_of(ev._entry),
    "copies_sold_under": lambda ev: _copies_sold_under(ev._entry, ev.goods),
    "reading": lambda ev: Reading(ev._span.data.get("how") or "exact"),
    "frame": lambda ev: Frame(ev._ctx.get("context")),
    "frame_carried": lambda ev: ev._ctx.get("pattern") == CARRIED_FRAME,
    "wording": lambda ev: ev._ctx.get("wording") or "",
    "seller": lambda ev: _seller(ev._key, ev._listing.brand_column),
    "maker_in_title": lambda ev: _as_written(ev._listing.title, ev._seller_and_title_maker[1]),
    "own_brand": lambda ev: _own_brand(ev._listing, ev._key, ev._entry),
    "authorized": lambda ev: _authorized_everywhere(ev._entry, ev._authorized),
    "licensed_to": lambda ev: _licensee(ev._key, ev._entry),
    "said_genuine": lambda ev: ev.in_title and _word_before(ev._listing, ev._span) in ORIGINAL_WORDS,
    "licence_claimed": lambda ev: _licence_claimed(ev._listing),
    "in_title": lambda ev: ev._span.field == "title",
    "brand_position": lambda ev: in_brand_position(ev._listing, ev._span),
    "leads_title": lambda ev: _leads_title(ev._listing, ev._entry),
    "after_product": lambda ev: _after_product(ev._listing, ev._span),
    "signs_title": lambda ev: _signs_title(ev._listing, ev._span),
    "ends_title": lambda ev: _ends_title(ev._listing, ev._span),
    "other_maker_leads": lambda ev: _other_maker_leads(ev._listing, ev._entry),
    "coined_leader": lambda ev: _coined_leader(ev._listing),
    "device_maker_leads": lambda ev: _device_maker_leads(ev._listing, ev._entry),
    "device_feature": lambda ev: _device_feature(ev._listing, ev._span),
    "licensee_leads": lambda ev: _licensee_leads(ev._listing, ev._entry),
    "edition_named": lambda ev: _edition_named(ev._listing, ev._span),
    "owner_named": lambda ev: _owner_named(ev._listing, ev._span, ev._entry),
    "owner_heads": lambda ev: _owner_heads_title(ev._listing, ev._span, ev._entry),
    "makes_property": lambda ev: _property_it_makes(ev._listing, ev._span, ev._entry),
    "device_in_wording": lambda ev: _device_in_wording(ev._listing, ev._span, ev._ctx),
    "replacement": lambda ev: _first(ev._title_words, REPLACEMENT_WORDS),
    "model_after_maker": lambda ev: _model_after_another_maker(ev._listing, ev._span, ev._entry),
    "makers_line": lambda ev: _makers_line(ev._listing, ev._span, ev.other_maker_leads),
    "brand_use": lambda ev: ev._generic_use[0],
    "everyday_word": lambda ev: ev._generic_use[1],
    "ordinary_sense": lambda ev: _ordinary_sense(ev._listing, ev._span),
    "foreign_word": lambda ev: _accented_word(ev._span) or _accented_field_word(ev._listing, ev._span),
    "language_word": lambda ev: _field_language_word(ev._listing, ev._span),
    "english_in_other_language": lambda ev: _english_in_other_language(ev._listing, ev._span),
    "english_name_in_local_trade": lambda ev: _english_name(ev._span) and ev.local_trade,
    "capitalised_as_name": lambda ev: ev._span.text[:1].isupper()
    and not _capitals_say_nothing(ev._listing, ev._span.field),
    "logo_capitals": lambda ev: _capitals_in_mixed_case(ev._listing.fields[ev._span.field].text, ev._span.text),
    "unlike_mark": lambda ev: _written_unlike_mark(ev._span.text, ev._span.data["name"]),
    "written_apart": lambda ev: bool(_words_apart(ev._span)),
    "class_overlap": lambda ev: _overlap(ev._entry.classes, ev._classes),
    "listing_classes": lambda ev: tuple(sorted(ev._classes)),
    "merchandise": lambda ev: _merchandise(ev._listing, ev._product_words),
    "publication": lambda ev: ev._listing.once("publication", lambda: _publication(ev._listing, ev._title_words)),
    "sells_credit": lambda ev: ev._listing.once("credit", lambda: _credit_sold(ev._listing)),
    "party_goods": lambda ev: bool(ev.merchandise) and not PARTY_WORDS.isdisjoint(ev._title_words),
    "eyewear": lambda ev: _first(ev._title_words, EYEWEAR),
    "sells_merchandise": lambda ev: bool(ev.merchandise) and ev.merchandise in _first_product(ev._listing).split(),
    "character_product": lambda ev: _first(ev._title_words, character_nouns()),
    "latin_title": lambda ev: _latin_title_among_another_script(ev._listing, ev._span),
    "label_name": lambda ev: _label_name(ev._listing, ev._span),
    "names_a_creature": lambda ev: ev._span.text.lower() in creature_nouns(),
    "fitting": lambda ev: ev._title_fitting or _first(ev._category_words, fitting_nouns()),
    "fitting_in_title": lambda ev: bool(ev._title_fitting),
    "display_stand": lambda ev: _first(ev._title_words, display_nouns()),
    "fitting_follows": lambda ev: _fitting_follows(ev._listing, ev._span),
    "fitting_before": lambda ev: _fitting_before(ev._listing, ev._span),
    "logo": lambda ev: _first(ev._title_words, LOGO_NOUNS) or _logo_decal(ev),
    "printed_as": lambda ev: _printed_as(ev._listing, ev._span),
    "channel": lambda ev: _sales_channel(ev._listing, ev._span) if ev.goods is Goods.SERVICE else "",
    "impossible_spec": lambda ev: _impossible_spec(ev._listing, ev.goods),
    "claims_original": lambda ev: bool(set(ev._title_words) & CLAIMS_ORIGINAL) and not ev.warranty,
    "second_hand": lambda ev: _second_hand(ev._listing.title),
    "warranty": lambda ev: bool(WARRANTY.search(ev._listing.title)),
    "genuine_stock_claim": lambda ev: ev._listing.once("genuine stock claim", lambda: (
        bool(GENUINE_STOCK.search(ev._listing.title)) or _original_in_local_trade(ev._listing))),
    "copy_words": lambda ev: any(c.data.get("scope") in COPY_SCOPES for c in ev._listing.spans.get("cues", [])),
    "copy_grade": lambda ev: bool(ev._listing.spans.get("cues")),
    "local_trade": lambda ev: "title" in ev._listing.fields and _in_local_trade(ev._listing),
    "beside_hidden_marks": lambda ev: _beside_hidden_marks(ev._listing),
    "part": lambda ev: ev._ctx.get("part") or _first(ev._category_words, CONSUMABLES),
    "beside_own_brand": lambda ev: _beside_own_brand(ev._listing, ev._span, ev._key),
    "own_product_line": lambda ev: (
        _own_name(compact(ev._span.text), ev._key) or _after_own_brand(ev._listing, ev._span, ev._key)),
    "generic_word": lambda ev: _generic_name(ev._span, ev._entry) or ev.everyday_name,
    "everyday_name": lambda ev: _everyday_name_of_mark(ev._listing, ev._span),
    "product_line": lambda ev: _product_line(ev._listing, ev._span, ev._entry, ev._ctx) or ev.after_its_maker,
    "after_its_maker": lambda ev: _maker_precedes(ev._listing, ev._span, ev._entry),
    "numbered_name": lambda ev: any(c.isdigit() for c in ev._span.data["name"]),
    "model_named": lambda ev: ev.product_line or ev.own_line_follows or ev.model_follows,
    "model_follows": lambda ev: _model_named(ev._listing.fields[ev._span.field].raw, ev._span.end),
    "device_model": lambda ev: _device_model(ev._listing, ev._span),
    "own_line_follows": lambda ev: _own_line_follows(ev._listing, ev._span, ev._entry),
    "fitment_list": lambda ev: _in_fitment_list(ev._listing, ev._span),
    "game_platform": lambda ev: ev.goods is Goods.DEVICE and _game_platform(ev._listing, ev._span),
    "names_its_product": lambda ev: _names_its_product(ev._listing, ev._span),
    "system_follows": lambda ev: _system_follows(ev._listing, ev._span),
    "maker_named": lambda ev: _maker_named(ev._listing, ev._span, ev._entry, ev.product_line),
    "distinctive_name": lambda ev: (
        ev.goods.property_for_merchandise and not ev.generic_word
        and not _everyday_alias(ev._span.data["name"], ev._entry)),
    "seller_established": lambda ev: ev._key in established_brands(),
    "seller_known": lambda ev: _known_company(ev._key),
    "maker_as_seller": lambda ev: maker_as_seller(ev._listing),
    "part_number": lambda ev: _part_number(ev._listing.title),
    "style_code": lambda ev: _style_code(ev.part_number),
    "department_line": lambda ev: _department_after_maker(ev._listing, ev._span, ev._entry),
    "catalog_code": lambda ev: ev.part_number if ev.style_code else _model_number_after(ev._listing, ev._span),
    "catalog_device": lambda ev: _catalog_device(ev),
    "confirmed_by": lambda ev: _confirmed_by(ev._listing, ev._span, ev._entry, ev.latin_title, ev.everyday_name)
    if ev.generic_word
    else "",
}


def gather(listing, span, authorized: tuple[AuthorizedBrand, ...] = ()) -> MarkEvidence:
    """The evidence for one mark span of ``listing`` (its spaCy context already added), each answer
    found when the decision first asks for it."""
    return MarkEvidence(listing, span, authorized)


def _catalog_device(ev: MarkEvidence) -> str:
    """The electronic device a title sells with its maker's part number or model number, where the
    catalog has no brand column: "spectra hello kitty kt7002 - digital camera", "memorex disney
    princess dp3501-prn - dvd player", "hello kitty 87009 7.1 megapixel digital camera". A brand
    cell naming no brand ("Generic") says the goods are nobody's, and a figure or a plush is the
    character itself, whatever code a shop gives it; and a cover or a case for a device carries the
    device's model code ("covers para WH 1000XM5 auriculares"), not its own, unless the device is
    named first and the accessory comes with it ("hello kitty 50009 2gb mp3 player and faceplates")."""
    if ev.seller is not SellerBrand.UNKNOWN or not ev.catalog_code or ev.character_product:
        return ""
    device = _first(ev._title_words, device_nouns())
    fitting = ev._title_fitting
    if fitting and fitting not in device_nouns() and not _named_before(ev._title_words, device, fitting):
        return ""
    return device


def _named_before(words: list[str], first: str, then: str) -> bool:
    """``first`` is one of the words and comes before ``then``."""
    return bool(first) and first in words and (then not in words or words.index(first) < words.index(then))


MODEL_NUMBER = re.compile(r"[1-9]\d{4,5}")


def _model_number_after(listing, span) -> str:
    """A number of five or six digits right after the mark in the title ("hello kitty 87009 7.1
    megapixel digital camera", "hello kitty 50009 2gb mp3 player"): the licensed maker's model
    number, as retail catalogs list it; a size or a count has its unit, a year four digits."""
    if span.field != "title":
        return ""
    after = listing.title[span.end:span.end + 12].split()
    return after[0] if after and MODEL_NUMBER.fullmatch(after[0]) else ""


def _impossible_spec(listing, goods: Goods) -> str:
    """A device maker's mark on a product whose specification no genuine one has (the title read
    once per listing, however many marks it names)."""
    if goods is not Goods.DEVICE:
        return ""
    return listing.once("impossible_screen", lambda: impossible_phone_screen(listing.title))


def _generic_name(span, entry) -> bool:
    """The span is a generic mark's everyday word: its term (Apple, Coach), or any spelling the
    list gives of a generic name with keywords (Stitch, Civic). The evidence's ``generic_word``
    adds the everyday names of marks not flagged generic (:func:`_everyday_name_of_mark`)."""
    return entry.generic and (compact(span.data["name"]) == compact(entry.term) or bool(entry.keywords))


def _everyday_name_of_mark(listing, span) -> bool:
    """The span's name is one blocklists/everyday_names.csv gives as an everyday word, written as
    that word: in Cyrillic, any way (a Russian title capitalises its first word, "Трико
    гимнастическое"); in Latin letters, in a field of the word's language and not as the list
    spells the mark ("kabar" or "Kabar" for Ka-Bar, "kia" for Kia; "Kia" in a title written in
    mixed case is the maker)."""
    from ..blocklist import everyday_names

    name = span.data["name"]
    languages = everyday_names().get(compact(name))
    if not languages:
        return False
    if own_script(name):
        return True
    return _written_as_the_word(listing, span, name) and bool(languages & _field_languages_besides(listing, span))


def _written_as_the_word(listing, span, name: str) -> bool:
    """Written otherwise than the list spells the mark: in lower case, without its hyphen or dot
    ("kabar" for Ka-Bar), a phrase with its words capitalised otherwise than the title the list
    gives ("Espejo De Dos Caras" for DC's "Dos Caras"), or with the capital only the field's first
    word has ("Sininho de natal": a one-word name in title case says nothing there)."""
    text = span.text
    if text.lower() != name.lower() or text.islower():
        return True
    raw = listing.fields[span.field].raw
    if _capitals_say_nothing(listing, span.field):
        return True  # "Espejo De Dos Caras Con Luz LED": every word capitalised, the phrase's too
    if " " in name:
        return text != name
    first = not raw[:span.start].strip(" \t\"'([{-–|:*#!")
    return first and name.istitle()


def _capitals_say_nothing(listing, field: str) -> bool:
    """Most of the field's words of three letters or more start with a capital (a title written in
    title case or in capitals): how a name is capitalised there is no sign it is a name. Found once
    per field, as every span of it asks."""
    def found() -> bool:
        long_words = re.findall(r"[^\W\d_]{3,}", listing.fields[field].raw)
        return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) * 10 >= len(long_words) * 8
    return listing.once(("title case", field), found)


def _field_languages_besides(listing, span) -> frozenset[str]:
    """The seed languages the span's field is written in, told by its other words, not the span's."""
    word = fold(span.text).text
    field_words, counts = _field_language_counts(listing, span.field)
    sets = language_words()
    times = field_words.count(word)
    return languages_of({lang: n - times * (word in sets[lang]) for lang, n in counts.items()})


def _product_line(listing, span, entry, ctx) -> bool:
    """A product line is named: an alias (iPhone), a line of the owner's house mark (Switch), or a
    word beside one of the mark's lines ("Stanley ... Quencher"); or (the evidence adds) a mark right
    after its maker's name ("Western Digital My Book"). The mark's initials are no line: "WD" is
    Western Digital's own short name, written as shops write the maker ("WD 2TB Elements")."""
    name = span.data["name"]
    return name != entry.term and not _initials_of(name, entry.term) or bool(entry.line_of) \
        or bool(ctx.get("near_alias"))


def _initials_of(name: str, term: str) -> bool:
    """``name`` is the initials of a term of two words or more (WD of Western Digital, PSG of
    Paris Saint-Germain)."""
    named, spelt = words(name), words(term)
    return len(named) == 1 and len(spelt) > 1 and named[0] == "".join(w[0] for w in spelt)


def _confirmed_by(listing, span, entry, latin_title: str, everyday_name: bool) -> str:
    """What in the listing confirms that an everyday word names this mark: one of the entry's
    keywords ("Pokemon" for Ditto, "Honda" for Civic; for a character or team, no everyday word), a
    work's title in Latin letters among another script's words (the evidence's ``latin_title``), or a
    distinctive mark of the same owner or keywords (Pikachu beside Ditto). Two everyday words
    do not vouch for each other ("Diaper Genie Angel care" is no Disney character). ``everyday_name``:
    the evidence's answer that the span is one of the mark's everyday names, confirmed the same way."""
    printed = _printed_as(listing, span) if goods_of(entry).fashion_house else ""
    if printed:
        return printed  # "Motif Supreme": a house's name as the print is its mark
    if not (entry.keywords or everyday_name):
        return ""
    noun = _word_after(listing, span) if goods_of(entry) is Goods.COSMETICS else ""
    if noun in FRAGRANCE_NOUNS:
        return noun  # "Far Away perfume": the name of the fragrance sold
    said = _said_in_the_listing(listing, span, entry, latin_title)
    if said:
        return said
    keys = _compact_keys(entry.keywords)
    # A kin mark read in an ordinary sense vouches for nothing: "x 23" after a measure is a size,
    # not Marvel's X-23 beside the word "storm".
    kin = (s for s in listing.spans.get("marks", []) if s is not span)
    return next((s.data["entry"].term for s in kin if _same_family_of_marks(s.data.get("entry"), entry, keys)
                 and not _ordinary_sense(listing, s)), "")


def _said_in_the_listing(listing, span, entry, latin_title: str) -> str:
    """A keyword beside the name or anywhere in the listing, or, for a character or a work, its
    other spelling; for a work, its title in Latin letters among another script's words."""
    strict = goods_of(entry) in (Goods.CHARACTER, Goods.MEDIA)
    said = _named_beside(listing, span, entry) or _keyword_said(listing, entry, strict) \
        or (_other_script_spelling(listing, span, entry) if strict else "")
    if not said and goods_of(entry) is Goods.MEDIA:
        said = latin_title  # a work's title; a character's name in Latin letters may be a brand too
    return said


# Words that say the next name is a character's: "Softcase Karakter Stitch", "personaje Stitch".
CHARACTER_WORDS = frozenset("character characters karakter personaje personajes personagem personagens "
                            "personnage personnages tokoh персонаж персонажи".split())


def _named_beside(listing, span, entry) -> str:
    """What right beside the name makes it the mark's: a mark of the listing that is one of its
    keywords, even an everyday word ("Frozen Elsa", "Elsa, Frozen": the franchise and its character
    written as one name, which two everyday words far apart are not, nor a keyword that is no mark,
    "Princess castle tent"), the keyword inside the name the list spells ("Elsa Frozen"), or
    "character" before it ("Karakter Stitch", a film's: "Karakter Frozen")."""
    before = _word_before(listing, span)
    if goods_of(entry) in (Goods.CHARACTER, Goods.MEDIA) and before in CHARACTER_WORDS:
        return f"{before} {span.text}"
    keys = _compact_keys(entry.keywords)
    if any(compact(w) in keys for w in words(span.data["name"])):
        return span.text
    raw = listing.fields[span.field].raw
    beside = (s for s in listing.spans.get("marks", ()) if s is not span and s.field == span.field
              and _only_punctuation(raw[s.end:span.start] if s.end <= span.start else raw[span.end:s.start]))
    return next((s.text for s in beside if compact(s.text) in keys), "")


def _only_punctuation(gap: str) -> bool:
    return len(gap) <= 3 and not any(c.isalnum() for c in gap)


def _keyword_said(listing, entry, strict: bool) -> str:
    """The first of the entry's keywords the listing says. A franchise's everyday keyword
    ("Princess") is in too many listings (``strict``), unless a second one is said too ("Kiss ...
    rock Band": a band's two words); a maker's product noun ("bike" for Specialized, "badminton" for
    Victor) or a team's sport is the sense itself."""
    text = _listing_words(listing)
    said = [k for k in entry.keywords if any(phrase in text for phrase in _keyword_phrases(k))]
    if not strict:
        return next(iter(said), "")
    everyday = [k for k in said if _everyday_name(k)]
    distinctive = next((k for k in said if k not in everyday), "")
    return distinctive or (" and ".join(everyday[:2]) if len(everyday) >= 2 else "")


def _other_script_spelling(listing, span, entry) -> str:
    """The same title or character written in the field in a second script too ("Avatar (Аватар)"):
    a shop spells out a title so for its buyers, not an everyday word."""
    latin = not own_script(span.text)
    other = next((s for s in listing.spans.get("marks", []) if s is not span and s.field == span.field
                  and s.data.get("entry") is entry and own_script(s.text) == latin), None)
    if other is None:
        return ""
    # A model number after either spelling makes it a product's name: "ZTE Blade V30 / ЗТЕ Блейд
    # В30" is the phone, not Marvel's Blade.
    raw = listing.fields[span.field].raw
    return "" if _names_a_model(raw, span.end) or _names_a_model(raw, other.end) else other.text


def _names_a_model(raw: str, end: int) -> bool:
    """A model designation right after a name, not a shop's article number set apart by a dash
    ("Кружка "kpop TWICE твайс - 2235"") or a quote: what makes a work's name a product's."""
    return _model_named(raw, end) and not SET_APART.match(raw, end)


def _latin_title_among_another_script(listing, span) -> str:
    """A name of two words or more in Latin letters, standing alone in a listing title written
    mostly in another script ("Сумка для сменной обуви Among Us", "Картридж Игра Sega: Metal Gear
    Solid"): the name of a work, as shops there write it; English words are no everyday words of
    Russian text. One word ("кабель Lightning", "колонки Sven") may be anything, and a model number
    after it makes it a product's name."""
    entry = span.data["entry"]
    if span.field != "title" or not goods_of(entry).property_for_merchandise or len(words(span.text)) < 2:
        return ""
    # The rest of the title is written in another script (a short one may hold more Latin letters in
    # the name than Cyrillic ones around it: 'Кружка "CALL OF DUTY - 2353", 350 мл').
    rest = listing.title[:span.start] + listing.title[span.end:]
    if any(c.isalpha() and not c.isascii() for c in span.text) or not _mostly_another_script(rest):
        return ""
    end = _end_in_latin(listing.title, span)
    if end < 0 or _names_a_model(listing.title, end):
        return ""
    return f"'{span.text}' in Latin letters"


def _label_name(listing, span) -> str:
    """A fashion house's name followed, in its run of Latin words, by two words or more of a
    product's name, in a title written in another script ("Сумка спортивная adidas LINEAR
    GYMSACK", "Футболка Reebok GS VECTOR TEE"): the name on the maker's label, which a shop of
    genuine stock copies; copies there name the house and what the product is in the title's own
    language ("Футболка Jack & Jones"). A line of the house named in that run ("TIRO" of
    "Сумка спортивная adidas TIRO GS") is part of the name on its label."""
    if span.field != "title" or not goods_of(span.data["entry"]).fashion_house:
        return ""
    title = listing.title
    run = _latin_run(title, span)
    if run is None:
        return ""
    house = _house_earlier_in_run(listing, span, run)
    name = title[(house or span).end:run.end()].split()
    if len(name) < 2 or not _mostly_another_script(title[:run.start()] + title[run.end():]):
        return ""
    return " ".join(name)


def _house_earlier_in_run(listing, span, run: re.Match):
    """The first mark of the span's own maker earlier in the same run of Latin words, or None."""
    entry = span.data["entry"]
    return next((other for other in _title_marks(listing)
                 if run.start() <= other.start < span.start and same_maker(other.data["entry"], entry)), None)


# A dash between spaces after a name, the quote that closes it, or the full stop that ends its
# phrase: what follows is apart from it ('Кружка "CALL OF DUTY - 2353"', 'Рюкзак "Among Us Mini"
# 800', "Nirvana. Нирвана. Курт Кобейн10": the design's number in the shop's catalog, not a model
# of the name).
SET_APART = re.compile(r"\s+[-–—]\s+|[\"»”]|[.;!?]\s")


# Words in Latin letters written one after another: a name, or a longer phrase a name is part of.
LATIN_RUN = re.compile(r"[A-Za-z0-9][\w'’.&-]*(?: [A-Za-z0-9][\w'’.&-]*)*", re.ASCII)


def _end_in_latin(title: str, span) -> int:
    """Where the name ends if it is the whole run of Latin words it stands in ("Call Me by Your
    Name" is a film, not the anime Your Name), or -1. A size or edition word after it is the
    design's ('"Among Us Mini" 800'), not part of another phrase: the name ends after it."""
    run = _latin_run(title, span)
    if run is None or run.start() != span.start:
        return -1
    if not all(word.lower() in EDITION_WORDS for word in title[span.end:run.end()].split()):
        return -1
    return run.end()


def _latin_run(title: str, span) -> re.Match | None:
    """The run of Latin words the span stands in, if any."""
    return next((m for m in LATIN_RUN.finditer(title) if m.start() <= span.start < m.end()), None)


# Size and edition words a design's name may carry in a title of another script.
EDITION_WORDS = frozenset("mini max pro plus lite kids kid baby big junior jr edition".split())


def _mostly_another_script(text: str) -> bool:
    """More letters of scripts other than Latin than Latin letters."""
    letters = [c for c in text if c.isalpha()]
    return sum(_latin_letters(c) for c in letters) * 2 < len(letters)


def _same_family_of_marks(other, entry, keys: frozenset[str]) -> bool:
    """A distinctive trademark of the same owner, or one that is or shares a keyword: for the
    characters of a franchise or the teams of a league. A maker's product line that is an everyday
    word ("switch") needs the maker's own name: makers list many products side by side."""
    if other is None or other is entry or other.kind != "trademark" or other.generic:
        return False
    if not goods_of(entry).property_for_merchandise:
        return False
    return other.owner == entry.owner or compact(other.term) in keys or \
        bool(keys & _compact_keys(other.keywords))


@lru_cache(maxsize=8192)
def _keyword_phrase(keyword: str) -> str:
    """A keyword's folded words, space-delimited as in :func:`_listing_words`."""
    return f" {' '.join(words(keyword))} "


@lru_cache(maxsize=8192)
def _keyword_phrases(keyword: str) -> tuple[str, ...]:
    """The keyword and, for a product noun, its words in the seed's languages (data/keyword_words.csv)."""
    return tuple(_keyword_phrase(k) for k in (keyword, *keyword_words().get(keyword.lower(), ())))


@lru_cache(maxsize=1)
def keyword_words() -> dict[str, tuple[str, ...]]:
    text = resources.files("compliance").joinpath("data/keyword_words.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row["keyword"]: tuple(w for w in row["words"].split("|") if w.strip()) for row in rows}


@lru_cache(maxsize=8192)
def _compact_keys(keywords: tuple[str, ...]) -> frozenset[str]:
    return frozenset(compact(k) for k in keywords)


def _listing_words(listing) -> str:
    """The title's, description's and bullet points' folded words, space-delimited, once per listing:
    each field's plain reading, which the mark matcher has made already, not a second reading of
    all the text at once."""
    return listing.once("words", lambda: f" {' '.join(_field_words(listing))} ")


def _field_words(listing) -> Iterator[str]:
    for name, field in listing.fields.items():
        if name != "tags":
            yield from field.plain.text.split()


def _device_category_words(listing, goods: Goods) -> list[str]:
    """The category's words, read for accessories and supplies of a device mark only."""
    return _words(listing.category) if goods is Goods.DEVICE else []


def _generic_use(listing, span, ctx, answers: tuple[bool, str, bool]) -> tuple[tuple[str, ...], str]:
    """For a generic mark's word: why it reads as the brand, and its everyday use in the listing.
    ``answers`` are the evidence's own (names its product, a Latin title, after the product), which
    other steps read too."""
    return _brand_use(listing, span, ctx, answers), _everyday_use(listing, span, span.data["entry"])


def _as_a_name(listing, span) -> bool:
    """Written as a name: capitalised, or in an Indonesian or Malay title written all in lower case,
    where no word is ("topi baseball new era yankees"): there the place of an English name says what
    capitals cannot. An English title in lower case ("black brown agenda lining leather ... case")
    uses English words as words."""
    return span.text[:1].isupper() or span.field == "title" and listing.title.islower() and _in_local_trade(listing)


def _licensee(key: str, entry) -> str:
    from ..licensees import licence_for

    licence = licence_for(key, entry) if key else None
    return f"{licence.licensee}, a {licence.relation} of {entry.term}" if licence else ""


def _authorized_everywhere(entry, authorized) -> bool:
    """Licences limited to some marketplaces are applied per target by the check instead."""
    return any(a.covers(entry) for a in authorized if not a.platforms)


def _overlap(mark_classes: frozenset[int], listing_classes: frozenset[int]) -> bool:
    """The mark covers the listing's product class, or either is unknown (then it may)."""
    return not mark_classes or not listing_classes or bool(mark_classes & listing_classes)


def _own_line_follows(listing, span, entry) -> bool:
    """The maker's own product line right after its name ("Apple MacBook Pro", "Corsair Vengeance",
    "Asus ROG Strix"): how a catalog of genuine stock names a specific product."""
    return _same_maker_beside(listing, span, entry, after=True)


def _maker_precedes(listing, span, entry) -> bool:
    """The maker's name right before the mark ("Western Digital My Book"): the mark is its line. The
    maker may be a mark of the lists or the owner the entry names ("barnes noble nook")."""
    return _same_maker_beside(listing, span, entry, after=False) or _owner_named_before(listing, span, entry)


def _owner_named_before(listing, span, entry) -> bool:
    """One to three words right before the mark name its owner ("fuji quicksnap": FUJIFILM)."""
    before = _words(listing.fields[span.field].raw[max(0, span.start - 40):span.start])[-3:]
    return any(_names_the_owner("".join(before[i:]), entry) for i in range(len(before)))


def _same_maker_beside(listing, span, entry, after: bool) -> bool:
    for other in listing.spans.get("marks", []):
        if other.field != span.field or other.kind != "mark":
            continue
        gap = other.start - span.end if after else span.start - other.end
        found = other.data.get("entry")
        if 0 <= gap <= 2 and found is not None and found is not entry and same_maker(found, entry):
            return True
    return False


def same_maker(a, b) -> bool:
    """Two marks of one maker: the same owner, a line of the other's house mark, or owners that
    share their distinctive first word ("Corsair Memory" and "Corsair Gaming") or a name
    ("Wite-Out (Société BIC)" is owned by Société BIC)."""
    if line_of_the_other(a, b):
        return True
    if not a.owner or not b.owner:
        return False
    first_a, first_b = compact(a.owner.split(" ")[0]), compact(b.owner.split(" ")[0])
    return len(first_a) >= 4 and first_a == first_b or bool(_owner_names(a.owner) & _owner_names(b.owner))


def line_of_the_other(a, b) -> bool:
    """One mark is a line of the other's house mark (Switch of Nintendo)."""
    return compact(a.line_of) == compact(b.term) or compact(b.line_of) == compact(a.term)


_IN_BRACKETS = re.compile(r"\(([^()]+)\)")


@lru_cache(maxsize=8192)
def _owner_names(owner: str) -> frozenset[str]:
    """An owner's names, compacted: the whole, and an owner written "Wite-Out (Société BIC)" or
    "Newell Brands (DYMO)" both the name outside and the name inside the brackets."""
    inside = _IN_BRACKETS.findall(owner)
    outside = _IN_BRACKETS.sub(" ", owner)
    return frozenset(name for name in map(compact, (owner, outside, *inside)) if name)


# What a part or an accessory is made to fit, as a whole product (a component is inside one).
FITTED_GOODS = tuple(g for g in Goods if g.fittable and g is not Goods.COMPONENT)


def _title_marks(listing) -> list:
    """The title's trademark spans."""
    return [s for s in listing.spans.get("marks", ()) if s.field == "title" and s.kind == "mark"
            and s.data.get("entry") is not None]


# Words that may stand between the models of a fitment list: model words, conjunctions, separators.
LIST_WORDS = frozenset("old new pro max plus ultra mini lite neo prime fi and dan y e et und и và or atau".split())


def _fittable_in_title(listing) -> tuple:
    """The title's spans of marks other products fit (devices, vehicles), in order; found once
    per listing."""
    return listing.once("fittable_in_title", lambda: tuple(sorted(
        (s for s in _title_marks(listing) if s.data.get("how") != "typo" and goods_of(s.data["entry"]) in FITTED_GOODS),
        key=lambda s: s.start)))


def _list_gap(text: str) -> bool:
    """Only model numbers, model words and separators between two models ("125 150 160", " Old New ",
    " / "), not a hyphen alone ("vario-tessar" is one name)."""
    return text.strip() != "-" and all(w.isdigit() or w in LIST_WORDS or (any(c.isdigit() for c in w) and len(w) <= 8)
               for w in re.findall(r"\w+", text.lower()))


def _in_fitment_list(listing, span) -> bool:
    """"Knalpot racing Vario 125 150 Pcx 160 Nmax Old New Aerox", "glass for iPhone 15 Pro Max /
    Samsung S24 Ultra / Redmi Note 13": three or more models of devices or vehicles of more than
    one maker, one after another with only model numbers between them, list what a part or an
    accessory fits."""
    if span.field != "title":
        return False
    found = _fittable_in_title(listing)
    if len(found) < 2 or _title_leaders(listing):
        return False  # a maker leading the title names its own product and lines ("nikon coolpix s80")
    title = listing.fields["title"].raw
    runs: list[list] = [[found[0]]]
    for before, after in zip(found, found[1:]):
        if _list_gap(title[before.end:after.start]):
            runs[-1].append(after)
        else:
            runs.append([after])
    for run in runs:
        first = run[0].data["entry"]
        several_makers = any(not (s.data["entry"] is first or same_maker(s.data["entry"], first)) for s in run)
        if _a_list(title, run) and several_makers and any(s is span for s in run):
            return True
    return False


def _a_list(title: str, run: list) -> bool:
    """Three models or more; or two written with a slash between them ("headset PS4/XBOX"), as one
    product is not made by two makers."""
    return len(run) >= 3 or len(run) == 2 and title[run[0].end:run[1].start].strip() in ("/", "\\")


def _game_platform(listing, span) -> bool:
    """"Call of Duty WWII PS4", "Minecraft Nintendo Switch": a console or computer named in a title
    that names another owner's game or character is the platform the game runs on, or what an
    accessory in the character's design fits ("Hello Kitty PS4 controller skin")."""
    if span.field != "title":
        return False
    entry = span.data["entry"]
    return any(_a_game(s) and not same_maker(s.data["entry"], entry) for s in _title_marks(listing))


def _a_game(span) -> bool:
    """A game or a character named by a name that is no everyday word ("Call of Duty", not
    "Lightning", nor "Avatar", a mark only beside its keywords)."""
    entry = span.data["entry"]
    return goods_of(entry) in (Goods.MEDIA, Goods.CHARACTER) and span.data.get("how") != "typo" \
        and not (entry.generic and entry.keywords) and not _everyday_name(span.data["name"])


def in_brand_position(listing, span) -> bool:
    """First in the title, after only words such as "New" (the context step's reading), or after
    only the maker's part number that a retailer's catalog opens the title with ("ps1109-gigabit -
    kyocera ...", "gep48560 - angel soft facial tissue")."""
    if (span.data.get("context") or {}).get("brand_position"):
        return True
    if span.field != "title":
        return False
    opening = listing.fields["title"].raw[:span.start].split()
    return len(opening) in (1, 2) and opening[-1] in ("-", "–", ":", "|", opening[0]) \
        and _part_number(opening[0]) == opening[0].lower().strip(".,;:()[]/|")


def _title_leaders(listing) -> tuple:
    """The marks named in the title's brand position (first, after only words such as "New" or
    the shop's bracketed tags), in order; found once per listing, read by every span's evidence."""
    return tuple(s.data["entry"] for s in _title_leader_spans(listing))


def _title_leader_spans(listing) -> tuple:
    return listing.once("title_leaders", lambda: tuple(
        s for s in listing.spans.get("marks", ())
        if s.field == "title" and s.data.get("entry") is not None and in_brand_position(listing, s)))


def _device_maker_leads(listing, entry) -> str:
    """Where the catalog has no brand column, another maker of devices, appliances or tools leads
    or signs the title with its own name written as it is ("razer spectre starcraft ii gaming
    mouse", "steelseries shift gaming keyboard-world of warcraft edition"): the product's maker.
    Not a misspelling, an everyday word ("Modelo" is Spanish for model) or a product line."""
    if listing.brand_column:
        return ""
    return next((s.data["entry"].term for s in (*_title_leader_spans(listing), *_title_signer_spans(listing))
                 if s.data.get("how") != "typo" and _house_mark_of_devices(s, entry)), "")


def _title_signer_spans(listing) -> tuple:
    """The marks that sign the title, as a maker's page names who made it ("... Keyboard by
    Logitech", "... Gaming Mouse | Razer"); found once per listing, as the leaders are."""
    return listing.once("title_signers", lambda: tuple(
        s for s in listing.spans.get("marks", ())
        if s.field == "title" and s.data.get("entry") is not None and _signs_title(listing, s)))


# "Édition limitée Starfield", "edición especial de Halo": the wording before a property named as an
# edition; "League of Legends Edition", "World of Warcraft Cataclysm Edition": after it (one word of
# the work's own between, its subtitle).
EDITION_BEFORE = re.compile(r"\b(?:edition|édition|edición|edição|edizione|издание)"
                            r"(?:\s+(?:limitée|limitee|limitada|limitata|spéciale|speciale|especial|special|limited))?"
                            r"(?:\s+(?:de|del|di|da|do|du))?[\s:–-]*$", re.IGNORECASE)
EDITION_AFTER = re.compile(r"^(?:\s+[\w']+)?[\s:–-]*(?:(?:limited|special|collector'?s|anniversary)\s+)?edition\b",
                           re.IGNORECASE)


def _edition_named(listing, span) -> bool:
    """The title names the property as the edition of the product it sells ("Logitech G PRO
    Mechanical Gaming Keyboard - League of Legends Edition", "Manette sans fil Xbox – Édition
    limitée Starfield"): how a maker's licensed edition is titled. Copies put the property on the
    product, they do not call the product its edition."""
    if span.field != "title":
        return False
    title = listing.title
    return bool(EDITION_BEFORE.search(title[max(0, span.start - 40):span.start])
                or EDITION_AFTER.match(title[span.end:span.end + 40]))


def _house_mark_of_devices(span, entry) -> bool:
    found = span.data["entry"]
    return found is not entry and found.kind == "trademark" and not found.generic and goods_of(found).fittable \
        and compact(span.data["name"]) == compact(found.term) and not same_maker(found, entry)


def _after_product(listing, span) -> bool:
    """The title's first mark, after one to three words that name the product ("Lampu LED Philips
    10W", "Colher Tramontina de madeira", "Mouse Logitech M170"): how titles in Indonesian,
    Spanish or Portuguese name the maker, as English ones do by leading with it. Or a mark right
    after a bundle's "+", leading the next product."""
    if span.field != "title":
        return False
    before = LEADING_TAGS.sub("", listing.fields["title"].raw[:span.start])  # "[SNI] HELM KYT ..."
    if before.rstrip().endswith("+"):
        return True  # a bundle's next product, led by its maker ("... 4 Cans + Nissin Ramen")
    if any(s.start < span.start and not s.data["entry"].generic for s in _title_marks(listing)):
        return False  # another mark comes first; an everyday word of the product's name may ("Kampas Rem")
    # "Panci Presto 8 Liter Maspion": its size between; "Kabel USB-C - Lightning Ugreen": its plugs
    return _names_a_product(CONNECTORS.sub(" ", SIZE_AFTER_PRODUCT.sub(" ", before)))


def _names_a_product(opening: str) -> bool:
    """One to three words of letters (hyphens aside) that name a product: the product a title opens
    with, before its maker's name."""
    return 1 <= len(opening.split()) <= 3 and opening.replace(" ", "").replace("-", "").isalpha() \
        and bool(title_products(opening))


# A size right after the product a title opens with, before its maker ("Panci Presto 8 Liter Maspion",
# "Kipas Angin 16 Inch Cosmos"): the product's size, not a word of its name.
SIZE_AFTER_PRODUCT = re.compile(r"(?i)\s\d+(?:[.,]\d+)?\s?(?:liters?|litres?|ltr|l|ml|cm|mm|kg|gr|g|inch|inci|watt|w)"
                                r"\s*$")


# The shop's bracketed tags a title opens with ("[SNI]", "(Ready Stock)", "【COD】"): no words of the
# product. The bracket pairs are the context step's, which reads the brand position after them.
LEADING_TAGS = re.compile(r"^\s*(?:(?:" + "|".join(f"{re.escape(o)}[^{re.escape(c)}]*{re.escape(c)}"
                                                    for o, c in OPENING_BRACKETS.items()) + r")\s*)+")

# The plugs a cable or an adapter joins, named with the product before its maker ("Kabel USB-C -
# Lightning Ugreen 1m", "Adaptador HDMI a VGA Vention"): the product's kind, not words of a name.
CONNECTORS = re.compile(r"(?i)(?:\b(?:usb[- ]?[abc]?|type[- ]?[ac]|lightning|micro[- ]?usb|mini[- ]?usb|mini[- ]?hdmi|"
                        r"hdmi|displayport|vga|dvi|thunderbolt(?:\s?\d)?|rj-?45|aux)\b"
                        r"(?:\s*(?:-|–|/|to|na|auf|zu|vers|a)(?=\s))?\s*)+")


# What a shop's or a maker's page title puts after its name: "| Samsung UK", "- Razer United
# States", "| HP® Official Store", "- Kingston Technology".
SIGNATURE_WORDS = frozenset("store shop official online global technology technologies inc ltd gmbh corp "
                            "corporation co united states kingdom us usa uk ca au eu de fr es it nl in "
                            "canada australia india germany deutschland france españa italia nederland g com".split())
SIGNATURE_BREAKS = ("|", "-", "–", "—", ":", " by")
MAKER_WORDS = (" by", " from")
CLAUSE_ENDS = tuple("|-–—,(/")


def _signs_title(listing, span) -> bool:
    """The mark alone ends the title after a separator or "by", with only store or country words
    after it ("G502 HERO Gaming Mouse | Logitech G", "Blade 15 - Gaming Laptop - Razer United
    States", "Thunderbolt 3 Express Dock HD by Belkin"), or "by" or "from" it closing a phrase
    (:func:`_named_as_maker`): how a maker's or a shop's page titles its product, naming who made it."""
    if span.field != "title":
        return False
    raw = listing.fields["title"].raw
    before = raw[:span.start].rstrip().lower()
    if _named_as_maker(before, raw[span.end:]):
        return True
    after = _words(raw[span.end:])
    if len(after) > 3 or any(w not in SIGNATURE_WORDS for w in after):
        return False
    return len(before) > 0 and before.endswith(SIGNATURE_BREAKS)


def _ends_title(listing, span) -> bool:
    """The mark's name, written as a name, is the title's last words ("... FPB/PRZF Faber-Castell");
    not a keyword in lower case tacked on ("... Juego De Colchas ... ikea")."""
    return span.field == "title" and not span.text.islower() \
        and not _words(listing.fields["title"].raw[span.end:])


def _named_as_maker(before: str, rest: str) -> bool:
    """"ibeats headphones with controltalk from monster - in-ear", "Dock HD by Belkin, silver": the
    mark after "by" or "from", closing the title's phrase, names who made the product."""
    rest = rest.lstrip()
    return before.endswith(MAKER_WORDS) and (not rest or rest.startswith(CLAUSE_ENDS))


def _leads_title(listing, entry) -> bool:
    """The mark, or another mark of its maker, is first in the title in one of its mentions
    ("Infinix Note 40X ... Warranty by Infinix Malaysia", "Western Digital WD Elements 1 TB"): its
    later mentions name the same maker's product. Or, where the catalog has no brand column, the
    owner's own name opens the title ("harman k81dj akg headphone")."""
    return any(found is entry or same_maker(found, entry) for found in _title_leaders(listing)) \
        or _owner_opens_title(listing, entry)


# Words that open many companies' names ("General Motors", "Pacific Market International") and
# many titles: no owner's own name when they open a title.
COMPANY_OPENERS = frozenset("general american national international united royal global first great new "
                            "pacific atlantic central north south east west standard universal premier "
                            "golden classic modern home smart power digital".split())


def _owner_opens_title(listing, entry) -> bool:
    """The first word of the title is the distinctive first word of the mark's owner ("harman" of
    Harman International), and none that opens many companies' names ("General" of General Motors)."""
    if listing.brand_column or not entry.owner:
        return False
    opening = _WORD.search(listing.title, _after_prefix(listing.title))
    first = compact(entry.owner.split(" ")[0])
    return opening is not None and len(first) >= 4 and compact(opening.group()) == first \
        and first not in COMPANY_OPENERS


def _other_maker_leads(listing, entry) -> str:
    """Where the catalog has no brand column, a mark of another maker's devices or goods (not a
    character or fashion house) first in the title: the product's maker ("jvc kd-r620 ... ipod
    receiver")."""
    if listing.brand_column:
        return ""
    # A misspelling opening the title ("Polera" one letter from PowerA) is no maker's name written,
    # nor an everyday-word mark that is the product's own noun ("CHARGER ORIGINAL LENOVO": no Dodge).
    return next((s.data["entry"].term for s in _title_leader_spans(listing)
                 if s.data.get("how") != "typo" and _another_makers(s.data["entry"], entry)
                 and not (s.data["entry"].generic and title_products(s.text.lower()))), "") \
        or _established_leader(listing, entry)


def _another_makers(found, entry) -> bool:
    return found.kind == "trademark" and found is not entry and not goods_of(found).copied \
        and not same_maker(found, entry)


def _established_leader(listing, entry) -> str:
    """An established maker that is no mark of the lists leading the title ("gpx iphone travel
    speaker", "pyle ipod 3.5 mm stereo to rca adapter"): a retailer's catalog names the product's
    maker first, and a device named after it is what the product works with. Not the mark's own
    owner, nor an everyday word ("magic", "pelican"), which may be any title's first word."""
    found = listing.once("established_leader", lambda: _leading_established_brand(listing))
    return found if found and not _names_the_owner(found, entry) else ""


def _coined_leader(listing) -> str:
    """Where the catalog has no brand column, a coined word opening the title, before any mark: no
    everyday word of the seed's languages, no product noun, four letters or more ("ilive iphone
    alarm clock speaker", "kroo ipad icap black"): a small maker's name, as a retailer titles
    its products (found once per listing)."""
    if listing.brand_column:
        return ""
    return listing.once("coined_leader", lambda: _first_coined_word(listing))


def _first_coined_word(listing) -> str:
    title = listing.title
    if _sells_a_phone(title):
        return ""  # "efon pintar I14 Pro Max ... Smartphone": a phone named after a famous one is none's accessory
    opening = _WORD.search(title, _after_prefix(title))
    first_mark = min((s.start for s in _title_marks(listing)), default=len(title))
    if opening is None or opening.end() > first_mark:
        return ""  # no word, or the first word is (in) a mark of the lists
    word = opening.group().lower()
    if len(word) < 4 or not word.isalpha() or word in NO_BRAND or title_products(word) or product_term(word):
        return ""
    if own_script(word):
        # Titles in another script name their maker in Latin letters ("Набор посуды Stor"); a word of
        # the title's own script opening it is what the product is ("Беспроводные наушники ..."),
        # however rare the frequency lists find its inflected form.
        return ""
    if _common(word) and not (_logo_in_another_language(listing, opening.group())
                              or _part_number_follows(title, opening.end())):
        return ""
    return word


def _part_number_follows(title: str, end: int) -> bool:
    """The word opening the title is followed by a maker's part number ("griffin gb01994 iphone 4
    elan commuter", "cocoon csn346rd netbook ipad sling"): an everyday word so placed is the
    name of the maker whose part number it is, as a retailer titles the maker's products."""
    after = title[end:end + 30].split()[:1]
    return bool(after) and _part_number(after[0]) == after[0].lower().strip(".,;:()[]/|")


def _logo_in_another_language(listing, written: str) -> bool:
    """A word in capitals opening a title otherwise in mixed case, the only one so written, that is
    another language's own word and not one of the title's ("AVRIL Soft Outdoor Balls Stretch
    Balloons ...": French in an English title): the name of the shop's label, written as its logo,
    not a word the title uses. Beside other words in capitals ("MERAH LOCTITE 545 Sellador ...")
    it is no more a logo than they are."""
    if not _capitals_in_mixed_case(listing.title, written) or \
            sum(len(w) >= 3 and w.isalpha() and w.isupper() for w in listing.title.split()) > 1:
        return False
    _, counts = _field_language_counts(listing, "title")
    title_languages = languages_of(counts) or (frozenset({"en"}) if counts.get("en", 0) >= 3 else frozenset())
    if not title_languages:
        return False
    word = " ".join(words(written))
    own = language_words()
    return not any(word in own[lang] for lang in title_languages) and \
        any(word in known for lang, known in own.items() if lang not in title_languages)


def _sells_a_phone(title: str) -> bool:
    return bool(PHONE_WORDS.search(title)) and not NOT_A_PHONE.search(title)


_CHUNK_OF_TITLE = re.compile(r"\S+")


def _after_prefix(title: str) -> int:
    """Where the title's words begin after the words such as "New" or "Preloved" that open it, also
    one glued to the next by a hyphen ("new-ihome idm12b ...", as a reseller's feed writes 1,904
    of the Walmart/Amazon titles)."""
    for m in _CHUNK_OF_TITLE.finditer(title):
        chunk = m.group().lower()
        if chunk in TITLE_PREFIX:
            continue
        head, glued, rest = chunk.partition("-")
        return m.start() + len(head) + 1 if glued and rest and head in TITLE_PREFIX else m.start()
    return len(title)


def _leading_established_brand(listing) -> str:
    title = listing.title
    opening = [m for m in _WORD.finditer(title[:80], _after_prefix(title))]
    while opening and opening[0].group().lower() in TITLE_PREFIX:
        opening.pop(0)
    first_mark = min((s.start for s in _title_marks(listing)), default=len(title))
    for size in (3, 2, 1):
        if len(opening) <= size or opening[size - 1].end() > first_mark:
            continue  # the leader is followed by the product, and is no mark of the lists itself
        name = " ".join(m.group().lower() for m in opening[:size])
        key = compact(name)
        if key in established_brands() and key not in NO_BRAND and not (size == 1 and _common(name)):
            return key
    return ""


MODEL_CODE = re.compile(r"^(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9-]{2,}$")  # "p67", "vs740": letters and digits


def _makers_line(listing, span, leader: str) -> str:
    """Where the catalog has no brand column, another maker's name (``leader``, from
    :func:`_other_maker_leads`) leading the title right before the span, and a model right after
    it ("asus sabertooth p67 ... motherboard", "acer predator helios 300"): the span names that
    maker's product line, whatever else the name is."""
    after = listing.title[span.end:span.end + 24].split()[:1]
    if not leader or span.field != "title" or not after or not MODEL_CODE.match(after[0].lower()):
        return ""
    before = listing.title[:span.start].split()
    return leader if before and compact(" ".join(before[-len(leader.split()):])) == compact(leader) else ""


def _licensee_leads(listing, entry) -> str:
    """Where the catalog has no brand column, the property's own family or a known licensee of it
    (compliance.licensees) first in the title ("LEGO Star Wars 75192", "Bandai MG 1/100 Gundam"), or a
    known licensee the title names as its maker after the product (:func:`_licensee_in_title`)."""
    from ..licensees import licence_for

    if listing.brand_column:
        return ""
    leader = next((found.term for found in _title_leaders(listing)
                   if found.kind == "trademark" and found is not entry
                   and (same_family(compact(found.term), entry) or licence_for(compact(found.term), entry))), "")
    if leader:
        return leader
    licensee = _licensee_in_title(listing) or (_kit_maker_closing_title(listing) if goods_of(entry) is Goods.SPORTS
                                               else "")
    return licensee if licensee and licence_for(compact(licensee), entry) else ""


def _kit_maker_closing_title(listing) -> str:
    """A known licensee closing a team's title, before only words such as "Original" or "Authentic"
    ("Jersey Persib Bandung Home 2024 Sportama", "Jersey Timnas Indonesia Home 2024 Erspo Original"):
    the kit maker, as a shop of the team's shirts names it. Copies name no kit maker so; a
    character's figure "by Bandai" may be a copy's keyword, so a team's only."""
    title = listing.fields["title"].raw.split() if "title" in listing.fields else []
    while title and title[-1].lower().strip(".,;:()[]|!") in ORIGINAL_WORDS:
        title.pop()
    for n in (3, 2, 1):
        name = _known_licensee(title[-n:]) if len(title) > n else ""
        # in a title all in lower case, a name that is no everyday word ("sportama")
        if name and (name[:1].isupper() or listing.title.islower() and not is_common_word(name.lower())):
            return name
    return ""


def _known_licensee(title_words: list[str]) -> str:
    """The words, their punctuation off, where they name a licensee of the register, or ""."""
    from ..licensees import known_licences

    name = " ".join(title_words).strip(".,;:()[]/|\"'«»")
    return name if compact(name) in known_licences() else ""


def _licensee_in_title(listing) -> str:
    """The known licensee whose name, in one to three words, the title names as its maker, though
    no list of marks holds it: opening the title ("FOCO Detroit Red Wings beanie", "Skinit skin fits
    iPad ... New York Yankees"); right after the one to three words of the product the title opens
    with, where Spanish, Portuguese and Indonesian titles name the maker ("Mochila Loungefly Disney
    Stitch"); in a collaboration's "<licensee> x <property>" ("Colorpop x Disney Villains"); or, in
    a title written in another script, in Latin capitals anywhere in it, as those marketplaces'
    titles name the maker after the product ("Набор детской посуды Stor. Disney / Marvel",
    "Воздушный шар Красавица и Чудовище 109 см Anagram"). In a title of Latin letters a licensee
    named later ("figure by Bandai") may be a copy's keyword. Found once per listing."""
    def found() -> str:
        title = listing.fields["title"].raw.split() if "title" in listing.fields else []
        anywhere = _mostly_another_script(listing.title)
        for start in range(len(title)):
            if not (anywhere or start <= 3 or _beside_collaboration(title, start) or _claimed_original(title, start)):
                continue  # no maker's place in a title of Latin letters: a cheap test before the names
            for n in (3, 2, 1):
                name = _known_licensee(title[start:start + n]) if start + n <= len(title) else ""
                if name and (start == 0 or name[:1].isupper() and (anywhere or _maker_slot(title, start, n))):
                    return name
        return ""
    return listing.once("licensee_in_title", found)


# The word a collaboration's name joins its two makers with: "Colorpop x Disney", "Vans × Peanuts".
COLLABORATION = frozenset({"x", "×", "X"})


def _beside_collaboration(title: list[str], start: int) -> bool:
    """A collaboration's "x" within three words after ``start`` or right before it."""
    return bool(start) and title[start - 1] in COLLABORATION \
        or any(w in COLLABORATION for w in title[start + 1:start + 4])


def _claimed_original(title: list[str], start: int) -> bool:
    """The name right after "Original" or "Official" ("Jersey Timnas Indonesia 2024 Home Original
    Erspo"): the maker the shop says made it, as a shop of genuine stock titles a licensed product."""
    return bool(start) and title[start - 1].lower().strip(".,;:()[]|") in ORIGINAL_WORDS


def _maker_slot(title: list[str], start: int, n: int) -> bool:
    """Where a title of Latin letters names the product's maker: beside a collaboration's "x", right
    after "Original" (:func:`_claimed_original`), or right after the one to three words of the
    product it opens with ("Mochila Loungefly ..."), where a one-word name that is an everyday word
    is the word ("Lámpara Foco LED": a light bulb, not FOCO, a league's licensee)."""
    if start + n < len(title) and title[start + n] in COLLABORATION or start and title[start - 1] in COLLABORATION:
        return True
    if _claimed_original(title, start):
        return True
    return _names_a_product(" ".join(title[:start])) and not (n == 1 and is_common_word(title[start].lower()))


def _model_after_another_maker(listing, span, entry) -> str:
    """A spelling with a digit right after another maker's own name ("Crucial P5 Plus", "Kingston
    A2000"): that maker's model code, which a look-alike reading ("PS Plus") does not make a
    disguised mark; copies disguise a mark standing alone, not inside another maker's model."""
    if not any(c.isdigit() for c in span.text):
        return ""
    return next((other.data["entry"].term for other in listing.spans.get("marks", ())
                 if other.field == span.field and 0 <= span.start - other.end <= 2
                 and _another_makers_own_name(other, entry)), "")


def _another_makers_own_name(span, entry) -> bool:
    return _another_mark_by_its_name(span, entry) and _another_makers(span.data["entry"], entry)


def _another_mark_by_its_name(span, entry) -> bool:
    """The span names another trademark of the lists by its own name, written as it is (no
    misspelling, no product line or alias of it)."""
    found = span.data.get("entry")
    return found is not None and found is not entry and found.kind == "trademark" and _by_its_own_name(span)


def _by_its_own_name(span) -> bool:
    """The span names its mark by the mark's own name, written as it is."""
    return span.data.get("how") in (None, "exact") and compact(span.data["name"]) == compact(span.data["entry"].term)


def _device_in_wording(listing, span, ctx) -> bool:
    """The compatibility wording that names the mark names a device or a vehicle as well ("sensor
    for nike ipod sport kit", "connector for chevrolet metro tracker prizm"): the mark is part of
    what is fitted, a device's name or a model in a list of them."""
    wording = ctx.get("wording") or ""
    return bool(wording) and ctx.get("context") == "COMPAT" and any(
        other is not span and other.field == span.field and other.data.get("entry") is not None
        and _one_wording(wording, (other.data.get("context") or {}).get("wording") or "")
        and goods_of(other.data["entry"]).fittable
        for other in listing.spans.get("marks", ()))


def _one_wording(wording: str, other: str) -> bool:
    """Two marks named by one compatibility wording: the same, or one carrying the other on through
    a list ("for chevrolet" and "for chevrolet metro tracker prizm")."""
    return bool(other) and (wording.startswith(other) or other.startswith(wording))


def _owner_named(listing, span, entry) -> str:
    """Where the catalog has no brand column, the property's own maker named by its house mark in
    the title, not as what the product fits ("Barbie Dreamtopia Doll Original Mattel", "Rg Bandai
    Astray Marco Rojo Gundam"): the owner's own product, as a shop of its stock titles it. Only the
    owning company, by its house mark, as a maker of goods (Mattel, Bandai): not another property
    of the owner (Disney beside Mickey), nor a line another maker makes under licence ("Marvel
    Legends", which copies name as a keyword)."""
    if listing.brand_column or span.field != "title" or not goods_of(entry).property_for_merchandise:
        return ""
    return next((s.data["entry"].term for s in listing.spans.get("marks", ())
                 if s.field == "title" and _owners_house_mark(s, entry)), "")


# A studio's characters and works, whose own goods its name heads (not a club's, an app's or a game
# played as a sport, which are their owner's only name).
STUDIO_GOODS = (Goods.CHARACTER, Goods.MEDIA)


def _owner_heads_title(listing, span, entry) -> str:
    """Where the catalog has no brand column, the mark leading the title opens with the owner's
    name, and the title names one of the owner's properties by a name of its own ("disney toy story
    alarm clock radio", "disney princess mini boombox"): how a retail catalog titles a studio's own
    goods. A mark that is its owner's only name (a club, an app, a band: "boston red sox iphone
    case", "STRAVA jersey") says nothing of who made the product, nor does a character's name
    leading ("hello kitty ..."). The owner's word, as written, or ""."""
    if listing.brand_column or span.field != "title" or goods_of(entry) not in STUDIO_GOODS:
        return ""
    spans = [s for s in listing.spans.get("marks", ()) if s.field == "title" and s.data.get("how") in (None, "exact")]
    leader = _house_word_leading(spans, entry)
    return leader if leader and any(_a_property_by_its_own_name(s, entry) for s in spans) else ""


def _house_word_leading(spans, entry) -> str:
    """The first word of the mark in the brand position, where it is the owner's house mark."""
    for span in spans:
        first = words(span.text)[:1]
        if first and (span.data.get("context") or {}).get("brand_position") and _house_mark(compact(first[0]), entry):
            return first[0]
    return ""


def _a_property_by_its_own_name(span, entry) -> bool:
    """A character or work of the entry's owner, named otherwise than the owner is."""
    found = span.data["entry"]
    return found.owner == entry.owner and goods_of(found) in STUDIO_GOODS \
        and not _is_the_owner(compact(span.data["name"]), entry)


def _house_mark(key: str, entry) -> bool:
    """The owner's own name that is a listed mark of that owner (Disney of Disney Enterprises), not
    a word an owner's name happens to hold ("oregon" of the University of Oregon)."""
    from ..licensees import owner_of_name

    owners = (compact(entry.owner), compact(entry.owner.split("/")[0]))  # "Disney Enterprises, Inc. / Pixar"
    return _is_the_owner(key, entry) and owner_of_name(key) in owners


# The words with which a seller says its goods are made under the owner's licence: "Officially
# Licensed", "licensed by", "Licencia Oficial", "Licenciado", "Лицензионный", "Lisensi Resmi".
LICENCE_CLAIM = re.compile(
    r"\b(?:official(?:ly)?\s+licen[cs]ed|licen[cs]ed\s+(?:by|from|product|merchandise)|licencia\s+oficial"
    r"|licenciad[oa]s?\s+oficial(?:es|mente)?|oficialmente\s+licenciad[oa]s?|produto\s+licenciado"
    r"|официальн\w*\s+лицензи\w*|лицензионн\w*|lisensi\s+resmi|berlisensi(?:\s+resmi)?)\b", re.IGNORECASE)


def _licence_claimed(listing) -> str:
    def claim() -> str:
        found = LICENCE_CLAIM.search(listing.title)
        return found.group(0) if found else ""
    return listing.once("licence_claim", claim)


def _property_it_makes(listing, span, entry) -> str:
    """Where the catalog has no brand column, a maker of goods named in the title beside a property
    it owns or is a known licensee of ("Rg Bandai Astray Marco Rojo Gundam", "Barbie Dreamtopia
    Doll Original Mattel"): the name of the product's maker, as a shop of its stock titles it,
    wherever in the title it stands. The property's own evidence reads the same pair
    (:func:`_owner_named`, :func:`_licensee_leads`)."""
    from ..licensees import licence_for

    if listing.brand_column or span.field != "title" or goods_of(entry).property_for_merchandise \
            or not _by_its_own_name(span):
        return ""
    key = compact(entry.term)
    return next((s.data["entry"].term for s in listing.spans.get("marks", ())
                 if s.field == "title" and s.data.get("entry") is not None and s.data["entry"] is not entry
                 and goods_of(s.data["entry"]).property_for_merchandise
                 and (_is_the_owner(key, s.data["entry"]) or licence_for(key, s.data["entry"]))), "")


def _owners_house_mark(span, entry) -> bool:
    if not _another_mark_by_its_name(span, entry):
        return False
    found = span.data["entry"]
    return not found.generic and not goods_of(found).property_for_merchandise \
        and not _in_compatibility_wording(span) \
        and _is_the_owner(compact(found.term), entry)


def _is_the_owner(key: str, entry) -> bool:
    """The owner's own name: its distinctive first word ("Mattel" of "Mattel, Inc."), or a company
    the owner's name holds ("Bandai" of "... (Bandai Namco Filmworks Inc.)"); not a longer name
    that starts with it ("Marvel Legends", Hasbro's line under Marvel's licence)."""
    return bool(entry.owner) and len(key) >= 4 and key in _owner_word_runs(entry.owner)


def _seller_and_title_maker(listing) -> tuple[str, str]:
    """The seller's brand key: the brand column's, or else the maker the title names (also returned)."""
    own = seller_key(listing)
    named = "" if own else title_maker(listing)
    return own or named, named


def _own_brand(listing, key: str, entry) -> bool:
    if not listing.brand_column and _the_mark_itself(key, entry):
        return False
    return same_family(key, entry) or _sister_brand(listing, entry) or _house_of_the_line(key, entry)


def _house_of_the_line(key: str, entry) -> bool:
    """The brand column names the house whose name confirms the mark, an everyday-word line of it
    ("Maybelline New York" for Fit Me, whose keywords name Maybelline): the house's own line, also
    where the lists give the line to the house's parent company. Keywords the lists write in lower
    case are everyday words ("training", "pants" of adidas's Tiro) and name no house."""
    if len(key) < 3 or not (entry.generic and entry.keywords):
        return False
    return any(len(house) >= 4 and key.startswith(house) for house in _house_keywords(entry.keywords))


@lru_cache(maxsize=4096)
def _house_keywords(keywords: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(compact(k) for k in keywords if k.strip()[:1].isupper())


def _the_mark_itself(key: str, entry) -> bool:
    """A maker read from the title, where the catalog has no brand column, that is the mark written
    in the title, not the seller's brand: the mark's own name with a letter or two added or changed
    ("IPods Lightning classic" for iPod), or a character, franchise, team or show by its own name
    ("American Horror Story / ... фандомный бокс": the property is what the goods are sold on; its
    licensee would name itself there, "Stor / ..."). A longer name that extends it ("PUMA
    Motorsport / Футболка"), or a maker's own name, stays its family."""
    if len(key) < 3:
        return False  # no maker read from the title (most listings): nothing to compare
    names = {compact(n) for n in entry.names}
    if key in names:
        return goods_of(entry).property_for_merchandise
    return any(key.startswith(n) and len(key) - len(n) <= 2 for n in names if len(n) >= 3) \
        or _one_letter_off(key, names)


def _sister_brand(listing, entry) -> bool:
    """The brand column names another mark of the same owner ("American Tourister" for a Samsonite
    case, "Converse" beside Nike): one company's family of brands."""
    return any(other is not entry and same_maker(other, entry) for other in listing.decided.get("seller_marks", ()))


def _maker_named(listing, span, entry, product_line: bool) -> bool:
    """The maker is named: the mark is no product line, its house mark is in the title, the line's
    own name opens with the house's first word ("Blue Yeti" of Blue Microphones), or the mark is
    itself a brand retailers list as a maker (LaCie of Seagate, Pentax of Ricoh)."""
    return not product_line or _house_named(listing, entry.line_of or entry.term) \
        or _opens_with_its_house(span.data["name"], entry.line_of) or compact(span.data["name"]) in established_brands()


def _house_named(listing, house: str) -> bool:
    """The house is named in the title, and not only as what the product fits: "Наушники Pods ...
    для Apple" names Apple as the phone the earbuds connect to, not as their maker."""
    key = compact(house)
    if key not in compact(listing.title):
        return False
    named = [s for s in listing.spans.get("marks", ()) if s.field == "title" and compact(s.text) == key]
    return not named or not all(_in_compatibility_wording(s) for s in named)


def _in_compatibility_wording(span) -> bool:
    """The context step read the span as what the product fits ("для Apple", "for iPhone")."""
    return Frame((span.data.get("context") or {}).get("context")) is Frame.COMPATIBLE


def _opens_with_its_house(name: str, house: str) -> bool:
    """The line's name of two words or more starts with its house's first word."""
    named, first = words(name), words(house)[:1]
    return len(named) > 1 and bool(first) and named[0] == first[0]


def _known_company(key: str) -> bool:
    """The company the listing is by is one the project knows: an established brand or a known
    licensee of any mark (a maker the title names is never a mark of the lists). A name neither
    knows is most often the shop's own label."""
    from ..licensees import known_licences

    return key in established_brands() or key in known_licences()


def seller_brand(listing) -> SellerBrand:
    """What the catalog says of the listing's own brand, from the brand column alone."""
    return _seller(seller_key(listing), listing.brand_column)


def _seller(key: str, brand_column: bool) -> SellerBrand:
    if key and key not in NO_BRAND:
        return SellerBrand.OTHER
    return SellerBrand.NONE if brand_column else SellerBrand.UNKNOWN


def _everyday_use(listing, span, entry) -> str:
    return span.text if written_as_word(listing, span, entry) else ordinary_use(listing, entry, span)


def _beside_hidden_marks(listing) -> bool:
    return any(Reading(s.data.get("how") or "exact").hidden for s in listing.spans.get("marks", []) if s.kind == "mark")


def _everyday_alias(name: str, entry) -> bool:
    """The mark named by a name that is an everyday word (Stitch, Buzz, Ditto, Abbey). Spelt in
    another script than Latin for a mark the list does not call an everyday word ("Ювентус" of
    Juventus, "Бэтмен" of Batman), a name is the mark spelt for that script's readers: a language's
    frequency list knows it from the news, not as a word. A name of everyday words ("Пингвин" of
    Penguin, generic in the list) stays one."""
    if not _latin_letters(name) and len(name) >= 3 and not entry.generic:
        return False
    return _everyday_name(name)


def _everyday_name(name: str) -> bool:
    """A one-word name that is an everyday word of a seed language (Stitch, Buzz, Ditto, Abbey)."""
    from ..matchers.marks import is_common_word

    words = _words(name)
    # Only a word of letters can be an everyday word ("X5", "R2-D2" are names), and asking
    # about one loads no frequency list for a name that is no word.
    return len(words) == 1 and words[0].isalpha() and is_common_word(words[0])


# Words that qualify an accessory between the device and its noun ("iPhone USB charge sync cable").
ACCESSORY_QUALIFIERS = frozenset("usb charge charging sync data car wall travel power fast quick micro mini "
                                 "aux audio hdmi magnetic wireless retractable coiled braided 2-in-1 3-in-1 4-in-1 "
                                 "4n1 3n1 2n1".split())


def _fitting_follows(listing, span) -> bool:
    """Within three words after the mark in the title, qualifiers aside, an accessory's noun (also
    the first part of a hyphenated word: "ipod charger-black"): the mark says what it is for. Not
    a mark put inside a connector's name ("USB iPad C cable"): that is stuffed, not fitted."""
    if span.field != "title" or _inside_connector_name(listing.title, span):
        return False
    nouns = fitting_nouns()
    others = 0
    for word in _words(listing.title[span.end:])[:8]:
        if _names_a_fitting(word, nouns):
            return True
        others += word not in ACCESSORY_QUALIFIERS
        if others == 3:
            return False
    return False


def _fitting_before(listing, span) -> bool:
    nouns = fitting_nouns()
    return span.field == "title" and any(_names_a_fitting(w, nouns) for w in _words(listing.title[:span.start]))


def _names_a_fitting(word: str, nouns: frozenset[str]) -> bool:
    """An accessory's noun, also as the first part of a hyphenated word ("ipod charger-black")."""
    return word in nouns or word.split("-")[0] in nouns


def _inside_connector_name(title: str, span) -> bool:
    before, after = _words(title[max(0, span.start - 12):span.start]), _words(title[span.end:span.end + 12])
    return bool(before and after) and before[-1] == "usb" and after[0] in ("c", "type-c", "typec")


def _first(words: list[str], nouns: frozenset[str]) -> str:
    return next((w for w in words if w in nouns), "")


# Words that say a decorative product is party supplies ("Candy Bags ... For Birthday Parties",
# "Globos de cumpleaños"): the goods a character's copies are sold as most of all.
PARTY_WORDS: frozenset[str] = frozenset(
    "party parties birthday favor favors favour favours goodie piñata pinata fiesta fiestas cumpleaños cumpleanos "
    "festa aniversário aniversario вечеринка вечеринки праздник праздника".split())


def _outside_the_name(title_words: list[str], span) -> list[str]:
    """The title's words but those of the mark's own name, once: a product noun inside the name
    ("Teh Botol Sosro", bottled tea; "botol" is a bottle; "stick" of Sony's Memory Stick) is not
    the product the title sells, nor an accessory made to fit the mark."""
    name = _words(span.text) if span.field == "title" else []
    for i in range(len(title_words) - len(name) + 1):
        if name and title_words[i:i + len(name)] == name:
            return title_words[:i] + title_words[i + len(name):]
    return title_words


def _merchandise(listing, title_words: list[str]) -> str:
    """The first decorative product the title names, not one that only qualifies another product
    ("Ring Light with Tripod Stand": a lamp, not a ring)."""
    nouns = merchandise_nouns()
    if not any(w in nouns for w in title_words):
        return ""
    modifiers = listing.once("product_modifiers", lambda: _product_modifiers(_title_products(listing)))
    return next((w for w in title_words if w in nouns and w not in modifiers), "")


# The printed editions a title may sell of a work ("Komik Doraemon Edisi Spesial", "Harry Potter and the
# Philosopher's Stone paperback book", "Книга Гарри Поттер и философский камень"): the work itself, not
# merchandise. Colouring, sticker and activity books are merchandise of their own names in the class table.
PUBLICATIONS = frozenset({"book", "books", "paperback", "hardcover", "hardback", "novel", "novels", "comic", "comics",
                          "comic book", "comic books", "manga", "manhwa", "komik", "buku", "книга", "книги", "комикс",
                          "манга"})
# A digital copy of a work sold on a marketplace is a pirate one ("Ebook Harry Potter PDF lengkap").
DIGITAL_COPY = frozenset("pdf ebook ebooks epub softfile download".split())


def _publication(listing, title_words: list[str]) -> str:
    """The printed edition the title sells, where every product its first part names (before a slash
    or a bar, past which marketplace titles list tags: "Повязка ... / Косплей / Аниме / Манга") is
    one; or ""."""
    if DIGITAL_COPY.intersection(title_words):
        return ""
    head = re.split(r"[/|]", listing.title, maxsplit=1)[0]
    products = _title_products(listing) if head == listing.title else title_products(head)
    return products[0] if products and all(p in PUBLICATIONS for p in products) else ""


# A game's or an online service's own credit, as shops sell it: vouchers, gift cards, top-ups (also
# "via ID", to the player's account), and in-game currency with its amount ("86 DM", "325 UC",
# "Shell 33"); Russian "пополнение" (top-up) and "донат" (in-game purchase).
CREDIT = re.compile(
    r"(?i)\b(?:top[\s-]?up|vouchers?|vocher|voucer|gift\s?cards?|wallet\s?codes?|via\s?id|redeem\s?codes?|"
    r"kode\s?redeem|пополнени\w*|донат(?:ы|а|ов)?|ваучер\w*|подарочн\w*\s+карт\w*)\b"
    r"|\b\d[\d.,]*\s?(?:diamonds?|dm|uc|robux|v-?bucks|shells?|gems|cp|koin|coins)\b"
    r"|\b(?:diamonds?|uc|robux|v-?bucks|shells?)\s?\d")


# What the class table reads as a product in such titles, and is the credit itself.
CREDIT_PRODUCTS = frozenset({"diamond", "diamonds", "gift card", "gift cards", "voucher", "vouchers", "wallet",
                             "card", "cards", "coin", "coins", "server"})


def _credit_sold(listing) -> str:
    """The credit the title sells, where it names no other product ("Google Play Gift Card Tablet
    Stand" sells a stand); or ""."""
    found = CREDIT.search(listing.title)
    if not found or not CREDIT_PRODUCTS.issuperset(_title_products(listing)):
        return ""
    return found.group().strip()


def _title_products(listing) -> tuple[str, ...]:
    """The product phrases the title names, in order, found once per listing."""
    return listing.once("title_products", lambda: title_products(listing.title))


def _first_product(listing) -> str:
    """The first product phrase the title names (what the listing sells, most often), or ""."""
    return next(iter(_title_products(listing)), "")


# English words this common make the compounds whose last word is the product ("ring light"); in
# the seed's other languages the product comes first ("маска карнавальная", "funda almohada").
COMPOUND_ZIPF = 3.0


def _product_modifiers(products: tuple[str, ...]) -> frozenset[str]:
    """Words that open a longer English product name of the title and name no product of their
    own in it ("ring" of "ring light", "phone" of "phone holder")."""
    from ..matchers.marks import english_words

    known = english_words(COMPOUND_ZIPF)
    phrases = [p.split() for p in products]
    english = [p for p in phrases if len(p) > 1 and all(w in known for w in p)]
    return frozenset(w for p in english for w in p[:-1]) - {p[-1] for p in phrases}


# Sunglasses and spectacles, in the seed's languages and the marketplaces': a fashion or luxury
# house's own goods (Ray-Ban, Oakley, a couture house's eyewear line), though the Nice
# classification files them with electronics in class 9. Not "glasses" (also drinking glasses),
# "lentes" (also camera lenses) nor "shades" (also lamp shades and colours).
EYEWEAR: frozenset[str] = frozenset("sunglasses sunglass eyeglasses eyewear spectacles kacamata gafas anteojos "
                                    "óculos oculos lunettes sonnenbrille brille очки".split())


# Words that make the next one a radio's frequency band, not a strap: "dual band router".
BAND_KINDS = frozenset("dual tri triple quad single multi wide ultra-wide 2-band 3-band".split())


def _first_fitting(words: list[str]) -> str:
    """The first accessory noun of the title, not a router's "dual band"; also one that a catalog
    joins by hyphens to its colour, its code or another accessory noun ("ipod charger-black",
    "interface cable-clrcca748"), not to a word that makes it another thing ("ink-jet printer",
    "battery-powered microphone")."""
    nouns = fitting_nouns()
    return next((w for i, w in enumerate(_joined_nouns(words, nouns))
                 if w in nouns and not (w.startswith("band") and i and words[i - 1] in BAND_KINDS)), "")


def _joined_nouns(words: list[str], nouns: frozenset[str]) -> list[str]:
    return [_joined_noun(w, nouns) if "-" in w else w for w in words]


def _joined_noun(word: str, nouns: frozenset[str]) -> str:
    first, *rest = word.split("-")
    if first in nouns and all(p in COLOUR_WORDS or p in nouns or any(c.isdigit() for c in p) for p in rest):
        return first
    return word


def _brand_use(listing, span, ctx, answers: tuple[bool, str, bool]) -> tuple[str, ...]:
    """Why a generic word (Apple, Coach) reads as the brand here."""
    names_its_product, latin_title, after_product = answers
    reasons = []
    if in_brand_position(listing, span):
        reasons.append("in the brand position of the title")
    if ctx.get("proper_noun"):
        reasons.append("written as a proper noun")
    if ctx.get("near_alias"):
        reasons.append("next to its own product line")
    if ctx.get("context") == "BRAND":
        reasons.append(f"named as maker ('{ctx.get('wording')}')")
    if after_tag_label(listing.fields[span.field].raw, span.start):
        reasons.append("in a tag list")
    if _capitals_in_mixed_case(listing.fields[span.field].text, span.text) \
            and not _in_another_makers_name(listing, span):
        reasons.append("written in capitals like a logo")
    if names_its_product:  # the evidence's answer, which the 'works with' step reads too
        reasons.append("right before the product, as its maker")
    if latin_title:  # the evidence's answer, which the confirmation of a work's title reads too
        reasons.append("a title in Latin letters among another script's words")
    if after_product:  # written as a name ("Sepatu Converse"; the evidence asks only then)
        reasons.append("written as a name right after the product the title opens with")
    return tuple(reasons)


def _in_another_makers_name(listing, span) -> bool:
    """Right after another maker's mark, as a word of its product's name ("GeForce GTX TITAN X"):
    capitals there are the product name's, not a logo of the everyday-word mark's own."""
    entry = span.data["entry"]
    return any(other.field == span.field and 0 <= span.start - other.end <= 1 and other.data.get("entry") is not None
               and not same_maker(other.data["entry"], entry)
               for other in listing.spans.get("marks", ()))


def _system_follows(listing, span) -> bool:
    """A system or platform mark (a component: Android, Windows) right after the span in the same
    field ("2019 New Google Play Android 8.0 OS 10 inch"): the two name the software the product
    runs, as a tablet's or a TV box's title lists it."""
    return any(other.field == span.field and 0 <= other.start - span.end <= 1
               and other.data.get("entry") is not None and goods_of(other.data["entry"]) is Goods.COMPONENT
               for other in listing.spans.get("marks", ()))


def _names_its_product(listing, span) -> bool:
    """A device maker's own name, or its line's, right before the product the title sells, of the
    mark's own classes ("FULCOL Google Tablet PC", "CIGE MediaPad 10.1 inch Tablet PC"): the name
    given to the product, not "Google Android" (its system), nor a line before a product of
    another kind ("iPod Speaker System": what the speaker plays)."""
    entry = span.data["entry"]
    # Written as a name ("Google", "iPad"): in a title all in lower case ("your canon dslr camera
    # dvd") it may be the device a guide is about, or an everyday word.
    if span.field != "title" or goods_of(entry) is not Goods.DEVICE or span.text.islower():
        return False
    between = _words(listing.fields["title"].raw[span.end:span.end + 60])
    while between and _describes_the_product(between[0]):
        between = between[1:]  # "Google 10 inch tablet", "Google Ultra Slim Tablet PC"
    # The product noun right there, read on its own: in the whole title a noun before later
    # ones may read as their modifier ("tablet Octa Core 3G 4G FDD LTE 4GB RAM").
    products = title_products(" ".join(between[:2]))
    product = products[0].split() if products else []
    if span.data["name"] != entry.term and not CLONED_DEVICES.intersection(product):
        return False  # a line before a speaker or a dock is what it plays ("iMT320 Compact iPod Speaker")
    return bool(product) and between[:len(product)] == product and not fitting_nouns().intersection(product) \
        and bool(classes_for_title(" ".join(product)) & entry.classes)


# Devices a no-name shop names after a famous line of the same device ("CIGE MediaPad 10.1 inch
# Tablet PC", "KIVBO iPad 10 inch tablet"); a line before any other product is what it plays or fits.
CLONED_DEVICES = frozenset("tablet tablets phone smartphone laptop notebook smartwatch".split())


# Words of size, shape and network that stand between a device's name and its noun ("Google 10
# inch 3G SIM tablet"), unlike a system or an edition ("Google Android tablet", "Google Version").
PRODUCT_DESCRIPTIONS = frozenset("inch inches ultra slim thin mini portable new hd fhd smart touch sim dual".split())


def _describes_the_product(word: str) -> bool:
    return word in PRODUCT_DESCRIPTIONS or any(c.isdigit() for c in word)


def _capitals_in_mixed_case(text: str, written: str) -> bool:
    """"FEAR OF GOD Double Line Bag", "SHARP Hair Dryer": capitals where the rest is not."""
    letters = [c for c in written if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return False
    rest = [c for c in text.replace(written, " ") if c.isalpha()]
    return len(rest) >= 10 and sum(c.isupper() for c in rest) / len(rest) < 0.5


ACCENTED = "a word written with accents"
SHORT_MARK = 4  # letters: a mark this short matches words of other languages once accents are folded


def _written_unlike_mark(text: str, name: str) -> bool:
    """The mark is written in capitals ("OVO", "PEZ") or with accents ("Pelé") that the text
    does not have ("Ovo", "pele"), or the text is another form of the name ("Ouais", "avons": a
    plural of Ouai, of Avon): a word that happens to be spelt so, as sellers write marks as their
    owners do."""
    if text.isalpha() and name.isalpha() and text.lower() != name.lower():
        return True
    if name.isupper():
        return len(name) >= 2 and not text.isupper()
    return not name.isascii() and text.isascii() and \
        any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", name))


def _field_language_word(listing, span) -> str:
    """The language the span's field is written in, of which the span's one word is an everyday
    word ("Creme hidratante para pele seca": pele, skin, in Portuguese), or ""."""
    word = fold(span.text).text
    if not word.isalpha() or not own_word(word):
        return ""
    own = [lang for lang, known in language_words().items() if lang != "en" and word in known]
    spoken = _field_languages_besides(listing, span)
    return next((lang for lang in own if lang in spoken), "")


def _field_language_counts(listing, field: str) -> tuple[list[str], dict[str, int]]:
    """A field's folded words and how many are each seed language's own, found once per listing."""
    field_words = listing.once(("folded words", field), lambda: words(listing.fields[field].text))
    return field_words, listing.once(("language counts", field), lambda: language_counts(field_words))


def _original_in_local_trade(listing) -> bool:
    """The title claims the original in Indonesian or Malay (see :data:`LOCAL_ORIGINAL_WORDS`), with
    no word of a copy's grade beside it ("Mirip Ori", "KW Super")."""
    field_words, _ = _field_language_counts(listing, "title")
    if LOCAL_ORIGINAL_WORDS.isdisjoint(field_words) or listing.spans.get("cues"):
        return False
    return _in_local_trade(listing)


def _in_local_trade(listing) -> bool:
    """The title is written in Indonesian or Malay: it opens with a word of those languages alone
    ("Jaket Adidas Firebird Track Top": the product's name, the rest loanwords), or their words
    outnumber any other seed language's and are no fewer than English's. Short titles of brand
    names and loanwords hold one such word at most ("Hoodie Erigo Sweater Original Warna Maroon"),
    which is enough where no other language's words match it. Found once per listing."""
    def found() -> bool:
        field_words, _ = _field_language_counts(listing, "title")
        # The marks' own words tell no language ("Seiko" is an Indonesian word too, "Gazelle" a French one).
        named = {w for s in _title_marks(listing) for w in words(s.text)}
        unnamed = [w for w in field_words if w not in named]
        if unnamed and _local_language_only(unnamed[0]):
            return True
        counts = language_counts(unnamed)
        local = max(counts.get(lang, 0) for lang in LOCAL_ORIGINAL_LANGUAGES)
        return local >= 1 and all(n < local or lang == "en" and n == local for lang, n in counts.items()
                                  if lang not in LOCAL_ORIGINAL_LANGUAGES)
    return listing.once("in local trade", found)


def _local_language_only(word: str) -> bool:
    """A word of Indonesian's or Malay's own and of no other seed language's ("sepatu", "jaket")."""
    own = language_words()
    if not any(word in own[lang] for lang in LOCAL_ORIGINAL_LANGUAGES):
        return False
    return not any(word in known for lang, known in own.items() if lang not in LOCAL_ORIGINAL_LANGUAGES)


def _english_in_other_language(listing, span) -> bool:
    """The span's one word is an everyday word of English only ("Specialized"), and its field is
    written in another of the seed's languages ("... Specialized Snapback sombreros 01 rojo"):
    there the word is not read in its English sense."""
    word = span.text.lower()
    if span.field != "title" or not (word.isascii() and word.isalpha()) or word not in language_words()["en"]:
        return False
    field_words, counts = _field_language_counts(listing, span.field)
    # English tech titles share short words with the other languages ("style", "stereo", "video"):
    # the other language must hold four words or more, over twice what English holds besides this.
    english = counts.get("en", 0) - field_words.count(word)
    return any(n >= 4 and n > 2 * english for lang, n in counts.items() if lang != "en")


def _english_name(span) -> bool:
    """The span is a name of two words or more written as one (capitalised) in Latin letters, in
    words that are no Indonesian or Malay words ("Free Fire", "Boss Baby"): in a title of those
    languages, a name, not the English words. One word may be a loanword ("Slime", "Flash")."""
    found = words(span.text)
    if span.field != "title" or len(found) < 2 or not span.text[:1].isupper() or not span.text.isascii():
        return False
    own = language_words()
    return not any(w in own[lang] for w in found for lang in LOCAL_ORIGINAL_LANGUAGES)


def _accented_word(span) -> bool:
    """'gặp' (Vietnamese) is not Gap, 'máxima' (Spanish) is not Maxima: a mark matched only after
    folding the accents of a word that has them, while the mark has none, where the mark is short
    or the accented word is an everyday word of a seed language."""
    name = span.data["name"]
    # A misspelling read only once accents are folded ("để kiểm" one letter from Deciem) is two
    # steps from the mark: words of another language.
    text = "".join(c for c in span.text if c.isalpha()) if span.data.get("how") == "typo" else span.text
    if not _accents_the_mark_lacks(text, name):
        return False
    # A longer mark: only where the accented word is a word of a seed language's dictionary and the
    # mark's own spelling is no everyday word ("máxima" is not Maxima, "funda nórdica" a duvet cover,
    # not Nordica; "Pokémon" is Pokemon, frequent either way). Accents that disguise a mark make
    # no word ("Nïke").
    return len(compact(name)) <= SHORT_MARK or span.data.get("how") == "typo" \
        or _accented_dictionary_word(text.lower()) and not _common(name.lower())


def _accented_field_word(listing, span) -> bool:
    """A word with accents the mark does not have that is an everyday word of the language its
    field is written in ("Crème suprême hydratante": French 'supreme', not the Supreme label)."""
    return _accents_the_mark_lacks(span.text, span.data["name"]) and bool(_field_language_word(listing, span))


def _accents_the_mark_lacks(text: str, name: str) -> bool:
    """A word of Latin letters with accents, read as a mark that has none, or that has others
    ("núcleos", Spanish 'cores', read as Nucléos, a Pokémon's French name)."""
    return text.isalpha() and not text.isascii() and latin_accents(text) \
        and (name.isascii() or text.casefold() != name.casefold())


def _accented_dictionary_word(word: str) -> bool:
    """A word with its accents in the dictionary of one of the seed's languages (a rarer word than
    an everyday one: "nórdica" is Zipf 3.0 in Spanish)."""
    from ..matchers.marks import is_accented_dictionary_word

    return _common(word) or is_accented_dictionary_word(word)


def latin_accents(text: str) -> bool:
    """Accents on Latin letters, not look-alike letters of another script ("Sоny" with a Cyrillic о);
    a stroked letter ("đen", Vietnamese for black) is an accent the decomposition keeps."""
    decomposed = unicodedata.normalize("NFD", text)
    bases = [c for c in decomposed if not unicodedata.combining(c)]
    accents = len(decomposed) - len(bases) + sum(c.casefold() in STROKED for c in bases)
    return accents > 0 and all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in bases)


def _common(word: str) -> bool:
    from ..matchers.marks import is_common_word

    return is_common_word(word)


MEASURE = re.compile(r"^\d+(?:[.,]\d+)?\s?(?:m|cm|mm|l|ml|g|kg|w|v)$", re.I)
SIZE_SIDE = re.compile(r"x[\s-]?\d")  # "x 23", "x-23": not "xbox 360" after a count
# A number, its unit or the side it measures ("20 inches", "20 1/8 w", "17 h") just before "x".
DIMENSION_BEFORE = re.compile(r"\d(?:\s*(?:in|inch|inches|cm|mm|m|ft|\"|'|[hwdl]))?\s*$", re.I)


def _in_dimensions(raw: str, span) -> bool:
    """"20 inches x 23 inches", "30x40", "20 1 8 w x 23 13 16 d": a mark read in a size ("X-23",
    "X 40") is the size."""
    text = span.text.strip().lower()
    before = raw[max(0, span.start - 16):span.start]  # "20 inches " at most: never the whole field
    return bool(SIZE_SIDE.match(text)) and bool(DIMENSION_BEFORE.search(before))


VERSION = re.compile(r"([a-z]{1,4})-?(\d{1,2})")


def _version_list(raw: str, span) -> str:
    """A short code written beside others of the same letters and other numbers that are no names
    of the mark ("upgrade from cs2 cs3 cs4"): versions of another product, not the mark CS2."""
    own = VERSION.fullmatch(compact(span.text))
    if own is None:
        return ""
    names = {compact(n) for n in span.data["entry"].names}
    near = _words(raw[max(0, span.start - 12):span.start])[-1:] + _words(raw[span.end:span.end + 12])[:1]
    for word in near:
        other = VERSION.fullmatch(word.replace("-", ""))
        if other and other.group(1) == own.group(1) and other.group(2) != own.group(2) \
                and compact(word) not in names:
            return " ".join(_words(raw[max(0, span.start - 12):span.end + 12]))
    return ""


def _in_code(raw: str, span) -> bool:
    """The span is joined by a hyphen to letters and digits that are no word ("lcs-csvb",
    "pkm-lcs2", "np-bd1", "lcs-cst": three letters or fewer are a code's letters, not a word): a
    maker's model code, where no character or team is named. Words glued at a capital
    ("ShrekTumbler") are words, not a code."""
    if _glued_at(raw, span.start) or _glued_at(raw, span.end):
        return False
    code = _code_around(raw, span)
    rest = [p for p in re.split(r"[-/]", code.lower()) if p and p != compact(span.text)]
    return code != span.text and bool(rest) and _code_letters(rest, code.lower())


def _code_letters(rest: list[str], code: str) -> bool:
    """The rest of a code is a code's: Latin letters and digits ("pubg/напальчники" joins a name
    to a word), no everyday word longer than three letters, and no "new" that a feed glued to
    the maker's name ("new-bic mv11bk")."""
    if rest[0] in TITLE_PREFIX and code.startswith(rest[0]):
        return False
    return all(p.isascii() for p in rest) and not any(_common(p) for p in rest if p.isalpha() and len(p) > 3)


def _glued_at(raw: str, i: int) -> bool:
    return bool(GLUED.match(raw, i)) if 2 <= i < len(raw) else False


def _code_around(raw: str, span) -> str:
    start, end = span.start, span.end
    while start > 0 and (raw[start - 1].isalnum() or raw[start - 1] in "-/"):
        start -= 1
    while end < len(raw) and (raw[end].isalnum() or raw[end] in "-/"):
        end += 1
    return raw[start:end].strip("-/")


@dataclass(frozen=True)
class EverydaySense:
    """A phrase that is also a mark, and the words that give it its everyday sense."""

    sense: str
    context: frozenset[str]


@lru_cache(maxsize=1)
def everyday_senses() -> dict[str, EverydaySense]:
    """``compliance/data/everyday_senses.csv``: folded words -> their everyday sense."""
    import csv

    text = resources.files("compliance").joinpath("data/everyday_senses.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    # The context words folded as the listing's words are ("чай" is read "чаи"), so that Cyrillic
    # words with й or ё are found at all.
    return {" ".join(words(row["words"])): EverydaySense(row["sense"], frozenset(
        " ".join(words(word)) for word in row["context"].split("|")))
        for row in rows}


def _everyday_sense(listing, span) -> str:
    """"ac dc adapter": a phrase written in its everyday technical sense, which a word of that
    sense elsewhere in the listing confirms."""
    sense = everyday_senses().get(" ".join(words(span.text)))
    if sense is None or not any(f" {w} " in _listing_words(listing) for w in sense.context):
        return ""
    return f"{sense.sense} ('{span.text}')"


def _ordinary_sense(listing, span) -> str:
    """The words around the span give it an ordinary sense: a word of a language written with
    accents ("gặp"), a measure ("3m cable"), a colour ("shark grey", "colour: coral"), or a
    component stated as fact ("Seiko movement", "Velcro closure", "with Lycra")."""
    if _accented_word(span) or _accented_field_word(listing, span):
        return f"{ACCENTED} ('{span.text}')"
    if MEASURE.match(span.text.strip()) and not _word_before(listing, span) == "by":
        return f"a measure ('{span.text}')"
    raw = listing.fields[span.field].raw
    if _in_dimensions(raw, span):
        return f"a size ('{span.text}' after a measure)"
    if _code_may_hold(span) and _in_code(raw, span):
        return f"part of a model code ('{_code_around(raw, span)}')"
    versions = _version_list(raw, span)
    if versions:
        return f"a version among others ('{versions}')"
    after = _words(raw[span.end:span.end + 30])[:2]
    before = _words(raw[max(0, span.start - 24):span.start])[-2:]
    adjacent = bool(re.match(r"[ \t]+[^\W\d_]", raw[span.end:span.end + 3]))
    return _colour(span, before, after, adjacent) or _component(span, before, after) or _words_apart(span) \
        or _spelled_out(listing, span) or _everyday_sense(listing, span)


def _spelled_out(listing, span) -> str:
    """An initialism written out beside it ("kensington bts back to school", "UPS (Uninterruptible
    Power Supply)"): the words it stands for, not the mark of those letters, unless they are the
    mark's own name or its owner's ("LV Louis Vuitton", "TNF The North Face")."""
    letters = span.text.strip()
    if not 2 <= len(letters) <= 5 or not letters.isalpha():
        return ""
    raw = listing.fields[span.field].raw
    after = _words(raw[span.end:span.end + 80])[:len(letters)]
    before = _words(raw[max(0, span.start - 80):span.start])[-len(letters):]
    for run in (after, before):
        if len(run) == len(letters) and "".join(w[0] for w in run) == letters.lower() \
                and not _names_the_mark(" ".join(run), span.data["entry"]):
            return f"the initials of '{' '.join(run)}'"
    return ""


def _names_the_mark(text: str, entry) -> bool:
    """The words are the mark's own name or its owner's, also in another number ("Teenage Mutant
    Ninja Turtle Return" spells out TMNT as the franchise)."""
    key = compact(text)
    return any(name.startswith(key) or key.startswith(name) for name in map(compact, entry.names) if name) \
        or key in compact(entry.owner or "")


def _code_may_hold(span) -> bool:
    """Whose name a maker's model code may hold as its letters: a character's or a team's (their
    names are short and common), and any name of three letters or fewer ("vq-8920" of VistaQuest
    is no VQ), except a device's, whose model codes are what accessories and supplies name."""
    goods = goods_of(span.data["entry"])
    return goods.property_for_merchandise or len(compact(span.text)) <= 3 and not goods.fittable


def _words_apart(span) -> str:
    """A mark written as one word (UltraFine, PowerCore) met as everyday words written apart
    ("ultra-fine point", "power core") where its own words start: the words, not the coined name."""
    name = span.data["name"]
    parts = words(span.text)
    # Read joined (the evasion reading drops the hyphen), but each part a whole everyday word,
    # unlike the letters of "G.U.C.C.I".
    if len(parts) < 2 or len(words(name)) != 1 or any(len(p) < 3 for p in parts):
        return ""
    if not all(_common(p) for p in parts):
        return ""
    # Cut where the name's capitals start its words ("UltraFine"), or a name that is everyday words
    # itself; a coined word cut elsewhere ("GAR-MIN" of "Garmin") is the name disguised.
    return f"the words '{span.text}'" if span.data["entry"].generic or cut_at_its_words(span.text, name) else ""


# The part of a product a device plugs into or is played and controlled through: "clock radio with
# ipod dock", "pa system with ipod player controller", "earbuds w iphone controller".
DEVICE_FEATURES = frozenset("dock docks docking cradle player controller controllers control controls remote "
                            "input port connector interface".split())


def _device_feature(listing, span) -> str:
    """"with iPod dock": the device named between "with" (or "w") and a part of the product's made
    for it, which the product works with ("rca clock radio with ipod dock"), or ""."""
    after = _word_after(listing, span)
    if after not in DEVICE_FEATURES or _word_before(listing, span) not in ("with", "w"):
        return ""
    return f"with {span.text} {after}"


def _word_after(listing, span) -> str:
    after = _words(listing.fields[span.field].raw[span.end:span.end + 24])
    return after[0] if after else ""


def _word_before(listing, span) -> str:
    before = _words(listing.fields[span.field].raw[max(0, span.start - 24):span.start])
    return before[-1] if before else ""


# Words that name an online service as where goods sell or went viral, not what is on them: "baju
# live tiktok", "celana viral tiktok", "kaos hits instagram", "as seen on TikTok", "TikTok shop".
CHANNEL_BEFORE = frozenset("live viral trending famous hits seen akun vivo вирусный тренд".split())
CHANNEL_AFTER = frozenset("viral live shop famous trending hits".split())
# Words that put the service's name on the goods after all ("Tik Tok printed tee").
PRINTED = frozenset("print printed prints design estampado estampada estampa sablon gambar motif "
                    "принт принтом".split())


def _printed_as(listing, span) -> str:
    """The print word right before the mark ("Masker Kain Motif Supreme", "Bantal Sofa Motif Nike",
    "футболка с принтом Gucci"): the mark is the goods' design, not their maker, and the word the
    design's name, not an adjective ("supreme")."""
    word = _word_before(listing, span)
    return word if word in PRINTED_BEFORE else ""


# The print words that, right before a name, make it the print: not "design", which as often names
# a colour or a style after it ("flats design pink").
PRINTED_BEFORE = PRINTED - {"design"}


def _sales_channel(listing, span) -> str:
    """The channel word beside an online service's name ("live", "viral"), or "" where there is
    none or the name is printed on the goods."""
    raw = listing.fields[span.field].raw
    before = _words(raw[max(0, span.start - 30):span.start])[-2:]
    after = _words(raw[span.end:span.end + 30])[:2]
    if any(w in PRINTED or w in LOGO_NOUNS for w in after):
        return ""
    found = [w for w in before if w in CHANNEL_BEFORE] + [w for w in after[:1] if w in CHANNEL_AFTER]
    return found[0] if found else ""


# Words that make a logo the product: a maker's emblem sold as such, or its logo on a sticker
# ("BMW M logo sticker", "Honda emblem badge chrome 3D"). Not "badge" alone: name badges are labels.
LOGO_NOUNS: frozenset[str] = frozenset("logo logos emblem emblems insignia emblema emblemas logotipo logotipos "
                                       "эмблема эмблемы шильдик шильдики лого".split())

# A sticker or decal: with the name of a vehicle maker, a fashion house, a toy, a platform or any
# mark but a device's (helmets and riding gear too) and no compatibility wording ("BMW M sticker
# decal", "Roval Rapide llantas Sticker", "Rx7x arai pegatina", "Rubik's Cube Laptop Stickers",
# "Ask Me About Android Laptop Stickers"), it is the mark's logo sold as the product; "sticker
# for Honda Civic" may be a decal kit made for the car. A device's, an appliance's or a tool's
# name beside a sticker names the skin or label made for it ("iPhone 12 decal skin").
# Characters on stickers are merchandise already.
DECAL_NOUNS: frozenset[str] = frozenset("sticker stickers decal decals pegatina pegatinas calcomania calcomanias "
                                        "adesivo adesivos autocollant autocollants aufkleber stiker наклейка "
                                        "наклейки".split())

SKIN_GOODS = frozenset({Goods.DEVICE, Goods.APPLIANCE, Goods.TOOL})


def _logo_decal(ev) -> str:
    if ev.goods in SKIN_GOODS or ev.frame is not Frame.NONE:
        return ""
    if ev.goods is Goods.VEHICLE and BODY_STRIPES.intersection(ev._title_words):
        return ""  # "Stiker Striping Yamaha Nmax 2020": the stripes made for the model's body, not its logo
    return _first(ev._title_words, DECAL_NOUNS)


# Stripe decal kits cut for a vehicle model's body panels ("striping", as Indonesian and Malay riders'
# shops call them): the model is what they fit, as "sticker for Honda Civic" may be a kit made for the car.
BODY_STRIPES = frozenset("striping stripes".split())


# A fragrance named by the noun right after it ("Far Away Perfume", "Good Girl eau de parfum"):
# a perfume house's line whose name is everyday words is confirmed so.
FRAGRANCE_NOUNS = frozenset("perfume perfumes parfum parfume perfum eau edt edp cologne colonia fragrance "
                            "духи парфюм парфюмерная туалетная".split())

COLOUR_LABELS = frozenset("colour color colours colors cor couleur farbe цвет warna".split())
# "Plain" after a colour ("Kaos Off White Polos": a plain off-white tee; "camiseta blanca lisa"): a
# garment of one colour, no print, which is what a shade names, not a label whose print is sold.
PLAIN_WORDS = frozenset("polos plain liso lisa lisos lisas uni".split())
# What may follow a shade's name: a colour word or "plain", not the label "colour" itself.
SHADE_FOLLOWERS = (COLOUR_WORDS | PLAIN_WORDS) - COLOUR_LABELS
# Words that make a colour a shade: before it ("Dark Brown", "light pink") or, in languages that
# put the adjective after, right after it ("rojo oscuro", "azul claro").
SHADE_BEFORE = frozenset("dark light deep pale bright dusty pastel neon dunkel hell".split())
SHADE_AFTER = frozenset("oscuro oscura claro clara escuro escura".split())


def _colour(span, before: list[str], after: list[str], adjacent: bool) -> str:
    """"Shark grey" (a colour word right after, nothing between), "colour: coral" (after the label),
    or the span is a colour's own name ("микс бордо": burgundy, not the club of Bordeaux), or a
    name that is a colour written as one before the noun it colours ("Brown PU Leather", not the
    character Brown; "Brown plush" may be)."""
    if span.text.lower() in COLOUR_WORDS:
        named = _colours_own_name(span, before, after, adjacent)
        if named:
            return f"a colour ('{named}')"
    # Right before a colour word, only a mark that is an everyday word (the list says generic) is a
    # shade ("shark grey", "dove grey"); any other name is the brand in that colour ("Nike black",
    # "STRAVA azul").
    # Opening a title, the word is the brand and the colour its colourway ("Puma White sneakers",
    # "Specialized Black shorts"): a shade is named after the product or in its description.
    opens_title = span.field == "title" and not before
    shade = adjacent and after and after[0] in SHADE_FOLLOWERS and span.data["entry"].generic and not opens_title
    if shade or before and before[-1] in COLOUR_LABELS:
        phrase = f"{span.text} {after[0]}" if after else span.text
        return f"a colour ('{phrase}')"
    return ""


def _colours_own_name(span, before: list[str], after: list[str], adjacent: bool) -> str:
    """The words that make a name that is a colour's own word the colour: the name alone (an alias,
    or before the noun it colours), or with a shade ("Dark Brown", "rojo oscuro"); or ""."""
    if span.data["name"] != span.data["entry"].term or _colour_before_noun(span, after, adjacent):
        return span.text
    if before and before[-1] in SHADE_BEFORE:
        return f"{before[-1]} {span.text}"
    if adjacent and after and after[0] in SHADE_AFTER:
        return f"{span.text} {after[0]}"
    return ""


def _colour_before_noun(span, after: list[str], adjacent: bool) -> bool:
    """An everyday-word mark that is a colour, not in logo capitals, right before a word that is
    no character product: the colour of what follows."""
    return bool(span.data["entry"].generic and adjacent and after and not span.text.isupper()
                and after[0] not in character_nouns())


def _component(span, before: list[str], after: list[str]) -> str:
    if before and before[-1] in MADE_OF and goods_of(span.data["entry"]) is Goods.FOOD:
        return f"what the product is made of ('{before[-1]} {span.text}')"
    if before and before[-1] in CLOTH_WORDS_BEFORE and compact(span.text) in BRAND_NAMED_CLOTHS:
        return f"the cloth the trade names so ('{before[-1]} {span.text}')"
    if not after or after[0] not in COMPONENT_NOUNS or goods_of(span.data["entry"]).property_for_merchandise:
        return ""  # a character, a team or a show is no part of a product ("Stiker One Piece Motor Helm")
    if after[0] in CLOTH_NOUNS and goods_of(span.data["entry"]).fashion_house:
        return ""
    if span.data["name"] == span.data["entry"].term:
        return f"a component stated as fact ('{span.text} {after[0]}')"
    if before and before[-1] in COMPONENT_BEFORE:
        return f"a component stated as fact ('{before[-1]} {span.text}')"
    return ""


def _beside_own_brand(listing, span, key: str) -> bool:
    """The listing's own brand is written in the title too ("MSI GeForce GTX 560"), in full or by
    the distinctive first word of a longer brand name ("Griffin" of "Griffin Technology")."""
    if len(key) < 2 or key in NO_BRAND or span.field != "title":
        return False
    raw = listing.fields["title"].raw
    rest = compact(raw[:span.start]) + " " + compact(raw[span.end:])
    words = listing.brand.split()
    first = compact(words[0]) if len(words) > 1 else ""
    return key in rest or len(first) >= 5 and first in rest


def _own_name(written: str, key: str) -> bool:
    """The seller's brand, or a name built on it ("maceview" of Mace)."""
    return written == key or len(key) >= 3 and written.startswith(key)


def _after_own_brand(listing, span, key: str) -> bool:
    """Within three words after the listing's own brand: its own product line ("Lowepro Fastpack")."""
    if len(key) < 2:
        return False
    before = re.findall(r"\w+", listing.fields[span.field].raw[:span.start])[-4:]
    return any(key.startswith(compact(w)) and len(compact(w)) >= 3 or compact(w) == key for w in before) or \
        key in compact(" ".join(before))
