"""A generated catalog and blocklists for the benchmark, the same for the same seed.

The catalog reads like a marketplace feed: a title with the seller's own brand, a
description of about 500 characters (some of it HTML), a category path and a price.
About one row in ten names a third-party mark, plainly or disguised (spaced or dotted
letters, leetspeak, look-alike Cyrillic letters, zero-width characters, typos), in
compatibility wording, as a comparison, or next to counterfeit words; a few rows break
marketplace text rules (promotions, contact details, links).

The blocklists nest: the 1k list is the head of the 10k list, which is the head of the
50k list, so a larger list only adds marks. They start with well-known marks (the ones
the catalog mentions) and the project's curated lists, then add pronounceable invented
names with product lines as aliases; a few are everyday words marked generic.
"""
from __future__ import annotations

import csv
import random
import re
from pathlib import Path

COLUMNS = ("term", "kind", "owner", "aliases", "classes", "regions", "generic", "expires",
           "keywords", "platforms", "severity", "reference")
CURATED = Path(__file__).resolve().parents[1] / "blocklists"

# Marks the catalog names, with product lines for compatibility and comparison wording. A line
# that is also an everyday word ("Charge") is written with its brand, as a real list would.
KNOWN_MARKS: tuple[tuple[str, str, tuple[str, ...], str, bool], ...] = (
    # term, owner, aliases, classes, generic
    ("Nike", "Nike, Inc.", ("Air Max", "Air Jordan"), "18|25|28", False),
    ("Adidas", "adidas AG", ("Yeezy", "Ultraboost"), "18|25|28", False),
    ("Gucci", "Guccio Gucci S.p.A.", ("GG Marmont",), "9|14|18|25", False),
    ("Louis Vuitton", "Louis Vuitton Malletier", ("Neverfull", "Keepall"), "14|18|25", False),
    ("Chanel", "Chanel SARL", (), "3|14|18|25", False),
    ("Prada", "Prada S.A.", (), "9|14|18|25", False),
    ("Rolex", "Rolex SA", ("Submariner", "Daytona"), "14", False),
    ("Ray-Ban", "Luxottica Group S.p.A.", ("Wayfarer",), "9", False),
    ("Oakley", "Oakley, Inc.", (), "9|25", False),
    ("Samsung", "Samsung Electronics Co., Ltd.", ("Galaxy Buds",), "9", False),
    ("Apple", "Apple Inc.", ("iPhone", "iPad", "MacBook", "AirPods"), "9", True),
    ("Sony", "Sony Group Corporation", ("PlayStation", "Walkman"), "9", False),
    ("Bose", "Bose Corporation", ("QuietComfort",), "9", False),
    ("Beats", "Beats Electronics LLC", (), "9", True),
    ("Dyson", "Dyson Technology Ltd", ("Airwrap", "Supersonic"), "7|11", False),
    ("Stanley", "Pacific Market International, LLC", (), "21", True),
    ("Yeti", "YETI Coolers, LLC", ("Rambler",), "21", False),
    ("Lego", "LEGO A/S", (), "28", False),
    ("Pandora", "Pandora A/S", (), "14", True),
    ("Coach", "Tapestry, Inc.", (), "18|25", True),
    ("Michael Kors", "Michael Kors (Switzerland) International GmbH", (), "14|18|25", False),
    ("The North Face", "The North Face Apparel Corp.", (), "18|25", False),
    ("Under Armour", "Under Armour, Inc.", (), "25", False),
    ("Garmin", "Garmin Ltd.", ("Forerunner", "Fenix"), "9", False),
    ("GoPro", "GoPro, Inc.", ("GoPro HERO",), "9", False),
    ("Canon", "Canon Inc.", ("EOS",), "9", False),
    ("Nintendo", "Nintendo Co., Ltd.", ("Joy-Con",), "9|28", False),
    ("Tiffany", "Tiffany and Company", (), "14", False),
    ("Cartier", "Cartier International AG", (), "14", False),
    ("Toyota", "Toyota Jidosha Kabushiki Kaisha", ("Camry", "Corolla"), "12", False),
    ("Harley-Davidson", "H-D U.S.A., LLC", (), "12|25", False),
    ("Jeep", "FCA US LLC", ("Wrangler",), "12", False),
    ("KitchenAid", "Whirlpool Properties, Inc.", (), "7|21", False),
    ("Vitamix", "Vita-Mix Management Corporation", (), "7", False),
    ("Otterbox", "Otter Products, LLC", (), "9", False),
    ("Fitbit", "Fitbit LLC", ("Fitbit Charge", "Fitbit Versa"), "9", False),
)
# Models that follow a mark or product line in compatibility wording.
COMPAT_MODELS = {
    "iPhone": ("15 Pro Max", "14", "13 mini", "12 Pro", "SE 2022"), "iPad": ("Air 5", "Pro 11", "mini 6", "10th Gen"),
    "MacBook": ("Air M2", "Pro 14"), "AirPods": ("Pro 2", "3rd Gen"),
    "Samsung": ("Galaxy S23", "Galaxy A54", "Galaxy Tab S8"),
    "Toyota": ("Camry 2018-2023", "RAV4 2019", "Corolla 2020"), "Jeep": ("Wrangler JL", "Grand Cherokee"),
    "Garmin": ("Forerunner 255", "Fenix 7", "Venu 2"), "GoPro": ("HERO 12", "HERO 11 Black"),
    "Fitbit": ("Charge 6", "Versa 4"), "Canon": ("EOS R6", "EOS 90D"), "Dyson": ("V11", "V15 Detect"),
    "KitchenAid": ("Artisan 5 qt", "Classic stand mixer"), "Vitamix": ("5200", "E310"), "Nintendo": ("Switch OLED",),
    "Sony": ("WH-1000XM5", "PS5 controller"), "Bose": ("QC45", "SoundLink Flex"),
}

# Product families: category path, nouns, title words, and sentences for the description.
FAMILIES: tuple[dict, ...] = (
    {"category": "Clothing, Shoes & Accessories > Men > Men's Shoes > Athletic Shoes", "classes": "25",
     "nouns": ("Running Shoes", "Sneakers", "Trail Runners", "Walking Shoes", "Training Shoes"),
     "words": ("Men's", "Lightweight", "Breathable", "Mesh", "Non Slip", "Cushioned", "Size 7-13", "Black White"),
     "sentences": ("The knit upper breathes on long runs and the padded collar keeps the heel in place.",
                   "A cushioned midsole absorbs impact and returns energy with every stride.",
                   "Rubber outsole with a multi-directional tread grips wet and dry roads.",
                   "Removable insole, easy to wash; runs true to size, choose your usual size.",
                   "Reflective details help you stay visible on early morning and evening runs.")},
    {"category": "Clothing, Shoes & Accessories > Women > Women's Bags & Handbags", "classes": "18",
     "nouns": ("Tote Bag", "Crossbody Bag", "Shoulder Bag", "Handbag", "Clutch Purse", "Backpack Purse"),
     "words": ("Women's", "Vegan Leather", "Large Capacity", "Zipper", "Adjustable Strap", "Work Travel", "Brown"),
     "sentences": ("Soft vegan leather with reinforced stitching and gold tone hardware.",
                   "The main compartment holds a 13 inch laptop, a water bottle and a makeup pouch.",
                   "Inside: one zip pocket and two slip pockets for your phone and cards.",
                   "Detachable shoulder strap adjusts from 40 to 52 inches.",
                   "Measures 15 x 11 x 5.5 inches and weighs 1.3 lb.")},
    {"category": "Jewelry & Watches > Watches, Parts & Accessories > Watches > Wristwatches", "classes": "14",
     "nouns": ("Wrist Watch", "Quartz Watch", "Automatic Watch", "Chronograph Watch", "Dive Watch"),
     "words": ("Men's", "Stainless Steel", "Waterproof 100m", "Luminous", "Sapphire Glass", "Date Display", "42mm"),
     "sentences": ("Japanese quartz movement keeps accurate time; the battery lasts about three years.",
                   "Scratch resistant mineral crystal over a sunray dial with luminous hands.",
                   "Solid stainless steel band with a folding clasp; links can be removed to fit.",
                   "Water resistant to 10 ATM: fine for swimming, not for diving.",
                   "Comes in a gift box with a link removal tool and instructions.")},
    {"category": "Consumer Electronics > Portable Audio & Headphones > Headphones", "classes": "9",
     "nouns": ("Wireless Earbuds", "Bluetooth Headphones", "Over Ear Headphones", "Sport Earphones",
               "Neckband Headset"),
     "words": ("Bluetooth 5.3", "Noise Cancelling", "40H Playtime", "IPX7 Waterproof", "Deep Bass", "with Mic",
               "Black"),
     "sentences": ("Bluetooth 5.3 pairs in seconds and holds a stable link up to 15 metres.",
                   "Hybrid active noise cancelling cuts engine and office noise.",
                   "The charging case adds 30 hours; a 10 minute charge gives 2 hours of music.",
                   "Touch controls for calls, tracks and voice assistant.",
                   "Ergonomic fit with three sizes of silicone ear tips included.")},
    {"category": "Cell Phones & Accessories > Cell Phone Accessories > Cases, Covers & Skins", "classes": "9",
     "nouns": ("Phone Case", "Clear Case", "Wallet Case", "Rugged Case", "Magnetic Case"),
     "words": ("Shockproof", "Slim", "Military Grade", "Anti Scratch", "Wireless Charging", "Clear", "Blue"),
     "sentences": ("Raised edges protect the screen and camera when the phone lies flat.",
                   "Air cushion corners absorb shocks from drops up to 10 feet.",
                   "Precise cutouts keep every button, port and speaker easy to reach.",
                   "Works with wireless charging without taking the case off.",
                   "Anti-yellowing clear back shows the colour of your phone.")},
    {"category": "Home & Garden > Kitchen, Dining & Bar > Drinkware > Water Bottles", "classes": "21",
     "nouns": ("Water Bottle", "Insulated Tumbler", "Travel Mug", "Vacuum Flask", "Sports Bottle"),
     "words": ("Stainless Steel", "32 oz", "Leak Proof", "BPA Free", "Double Wall", "with Straw Lid", "Green"),
     "sentences": ("Double wall vacuum insulation keeps drinks cold for 24 hours and hot for 12.",
                   "Food grade 18/8 stainless steel, no metallic taste, BPA free.",
                   "The leak proof lid locks closed, so it can ride in a backpack.",
                   "Powder coated finish resists sweat and gives a good grip.",
                   "Wide mouth fits ice cubes and is easy to clean; hand wash recommended.")},
    {"category": "Home & Garden > Kitchen, Dining & Bar > Small Kitchen Appliances > Blenders", "classes": "7",
     "nouns": ("Countertop Blender", "Personal Blender", "Hand Mixer", "Stand Mixer", "Food Processor"),
     "words": ("1200W", "Professional", "6 Speeds", "Stainless Blades", "Dishwasher Safe", "64 oz", "Red"),
     "sentences": ("A 1200 watt motor crushes ice and frozen fruit in seconds.",
                   "Six speeds plus pulse, with presets for smoothies, soups and sauces.",
                   "Hardened stainless steel blades stay sharp after years of use.",
                   "The jar, lid and blades go in the dishwasher.",
                   "Suction feet keep the base steady on the counter.")},
    {"category": "Toys & Hobbies > Building Toys > Building Toy Sets & Packs", "classes": "28",
     "nouns": ("Building Blocks Set", "Brick Set", "STEM Building Kit", "Construction Toy", "Model Kit"),
     "words": ("1000 Pieces", "Kids Ages 6+", "Creative", "Educational", "Gift", "City Series", "Compatible Bricks"),
     "sentences": ("Over a thousand pieces to build a fire station, a truck and three figures.",
                   "Step by step illustrated instructions for beginners.",
                   "Made from non-toxic ABS plastic with smooth edges.",
                   "Encourages fine motor skills, patience and creative play.",
                   "Pieces come in numbered bags, one per stage of the build.")},
    {"category": "Sporting Goods > Fitness, Running & Yoga > Yoga & Pilates > Yoga Mats", "classes": "28",
     "nouns": ("Yoga Mat", "Exercise Mat", "Resistance Bands Set", "Foam Roller", "Jump Rope"),
     "words": ("Non Slip", "Extra Thick", "6mm", "Eco Friendly", "with Carry Strap", "Home Gym", "Purple"),
     "sentences": ("Six millimetre cushioning protects knees and elbows on hard floors.",
                   "Textured surface grips on both sides, even in hot yoga.",
                   "Free of latex and PVC; a light smell on unpacking fades in a day.",
                   "Rolls up tight and comes with a carrying strap.",
                   "Wipe clean with mild soap and water, then air dry.")},
    {"category": "Health & Beauty > Hair Care & Styling > Hair Dryers", "classes": "11",
     "nouns": ("Hair Dryer", "Hot Air Brush", "Curling Iron", "Hair Straightener", "Diffuser"),
     "words": ("Ionic", "1875W", "Fast Drying", "Low Noise", "3 Heat Settings", "Travel", "Rose Gold"),
     "sentences": ("Negative ions cut frizz and leave hair smooth and shiny.",
                   "Three heat and two speed settings, plus a cool shot button.",
                   "A concentrator and a diffuser nozzle are included.",
                   "Overheat protection switches the motor off if the filter is blocked.",
                   "Folding handle and a 6 foot cord for travel.")},
    {"category": "eBay Motors > Parts & Accessories > Car & Truck Parts & Accessories > Interior Parts",
     "classes": "12",
     "nouns": ("Floor Mats", "Seat Covers", "Steering Wheel Cover", "Cargo Liner", "Sun Shade"),
     "words": ("All Weather", "Custom Fit", "Heavy Duty", "Front & Rear", "Waterproof", "Set of 4", "Black"),
     "sentences": ("Deep channels trap water, mud and snow to protect the carpet.",
                   "Made from odourless, flexible thermoplastic that stays soft in the cold.",
                   "Nibs on the back keep the mats from sliding.",
                   "Trim to fit with scissors along the guide lines.",
                   "Rinse with a hose and let dry; no special cleaner needed.")},
    {"category": "Computers/Tablets & Networking > Laptop & Desktop Accessories > Laptop Cases & Bags", "classes": "9",
     "nouns": ("Laptop Sleeve", "Laptop Backpack", "Tablet Stand", "USB C Hub", "Charging Cable"),
     "words": ("15.6 inch", "Water Resistant", "Slim", "Padded", "USB C", "100W PD", "Grey"),
     "sentences": ("Padded walls and a plush lining keep the laptop safe from bumps.",
                   "Front pocket holds the charger, a mouse and cables.",
                   "Water resistant fabric shrugs off light rain and spills.",
                   "Supports 100W pass-through charging and 4K HDMI output.",
                   "Plug and play, no drivers needed on Windows, macOS or Linux.")},
)
SHARED_SENTENCES = (
    "Ships from our warehouse within one business day with tracking.",
    "30 day returns: if it is not right, send it back in its original packaging.",
    "Backed by a 12 month warranty against defects in materials and workmanship.",
    "Please allow slight colour differences due to screen settings.",
    "Package includes the item and a user manual; other items shown are not included.",
    "Manual measurement, please allow 1-2 cm difference.",
)
# Ordinary uses of words that are also marks: these must stay clean.
HONEST_PHRASES = ("Comes with an apple corer and a peeler.", "Fits coach bus seats and RV benches.",
                  "Runs on two AAA batteries (not included).", "Soft imitation leather strap.",
                  "Colour: dove grey.", "A 1:18 scale replica of the classic roadster.",
                  "Great gift for a new mom or a coach who has everything.")
COUNTERFEIT_WORDS = ("replica", "1:1 copy", "AAA quality", "mirror quality", "high copy", "knockoff", "fake",
                     "réplica", "imitação", "копия", "master copy", "top quality replica")
PROMOTIONS = ("Free Shipping!!!", "BEST PRICE", "Hot Sale", "Limited Offer", "100% Satisfaction Guaranteed")
CONTACTS = ("Call us at (555) 013-4477 for bulk orders.", "Email sales@example-shop.com for a discount.",
            "Visit www.example-shop.com for more colours.", "WhatsApp +1 202 555 0142 before you buy.")
SELLER_HEADS = ("Trail", "Case", "Hora", "Clay", "Sona", "Stride", "Oak", "North", "Blue", "Peak", "Home", "Bright",
                "Fox", "Iron", "Maple", "River", "Stone", "Cedar", "Nova", "Sun", "Wave", "Pine", "Cloud", "Urban")
SELLER_TAILS = ("mate", "well", "lux", "bird", "vi", "line", "craft", "nest", "ware", "works", "field", "gear",
                "home", "kind", "path", "yard", "dale", "ly", "ora", "io")
# Everyday words that are also registered marks: generic, they only count when used as a brand.
GENERIC_WORDS = ("Summit", "Harbor", "Falcon", "Crown", "Pioneer", "Anchor", "Compass", "Orbit", "Maverick",
                 "Voyager", "Ember", "Glacier", "Horizon", "Monarch", "Sterling", "Titan", "Meridian", "Legacy",
                 "Beacon", "Cascade", "Atlas", "Ranger", "Eclipse", "Nimbus", "Velvet", "Canyon", "Prairie",
                 "Spruce", "Willow", "Aspen", "Coral", "Jade", "Onyx", "Raven", "Sparrow", "Badger", "Bison",
                 "Cobalt", "Copper", "Garnet", "Harvest", "Lantern", "Mosaic", "Nomad", "Opal", "Quartz")
COLOURS = ("black", "white", "navy", "olive", "sand", "charcoal", "burgundy", "teal", "coral", "mint", "ivory",
           "slate grey", "sky blue", "forest green", "rose gold", "champagne", "mustard", "lavender", "rust",
           "khaki", "taupe", "silver", "graphite", "cream", "plum", "turquoise", "peach", "cobalt blue")
PRODUCT_LINES = ("Pro", "Max", "Air", "One", "Go", "Lite", "Ultra", "Studio", "Sport", "Mini", "Plus", "Edge")
CLASS_POOL = (3, 8, 9, 11, 12, 14, 16, 18, 20, 21, 24, 25, 28, 30)

_ONSETS = ("b", "br", "c", "cl", "d", "dr", "f", "fl", "g", "gr", "j", "k", "kr", "l", "m", "n", "p", "pr",
           "qu", "r", "s", "st", "t", "tr", "v", "z", "x", "h", "sh", "ch")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "io", "y")
_CODAS = ("", "", "", "n", "r", "x", "l", "s", "m", "k", "th", "nt")
_LEET = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5", "l": "1"}
_HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і", "y": "у"}


def _invented_name(rng: random.Random) -> str:
    syllables = rng.choice((2, 2, 3, 3, 3, 4))
    name = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables - 1))
    name += rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
    return name.capitalize()


def _catalog_words() -> frozenset[str]:
    texts = [*SHARED_SENTENCES, *HONEST_PHRASES, *COUNTERFEIT_WORDS, *PROMOTIONS, *CONTACTS, *PRODUCT_LINES]
    for family in FAMILIES:
        texts += [family["category"], *family["nouns"], *family["words"], *family["sentences"]]
    return frozenset(w.casefold() for t in texts for w in re.findall(r"\w+", t))


def _everyday_word():
    """A test for words a buyer writes anyway: an invented mark must not be one of them."""
    vocabulary = _catalog_words()
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # the bench also runs without listguard's dependencies importable here
        return lambda word: word.casefold() in vocabulary
    return lambda word: word.casefold() in vocabulary or zipf_frequency(word, "en") >= 2.5


def curated_rows(name: str) -> list[dict[str, str]]:
    """The rows of one curated list, or none when it cannot be read (it is optional here)."""
    path = CURATED / name
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return [{k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
                    for row in csv.DictReader(handle)]
    except (OSError, csv.Error, UnicodeDecodeError):
        return []


def blocklist_rows(marks: int, seed: int) -> list[dict[str, str]]:
    """``marks`` trademark rows (known, curated, then invented), plus the curated other kinds."""
    rng = random.Random(f"marks:{seed}")
    rows: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(row: dict[str, str]) -> None:
        key = row["term"].casefold()
        if key and key not in seen:
            seen.add(key)
            rows.append({c: row.get(c, "") for c in COLUMNS})

    for term, owner, aliases, classes, generic in KNOWN_MARKS:
        add({"term": term, "kind": "trademark", "owner": owner, "aliases": "|".join(aliases), "classes": classes,
             "generic": "true" if generic else "false"})
    for row in curated_rows("trademarks.csv"):
        add(row)
    rows = rows[:marks]
    generic_words = list(GENERIC_WORDS)
    everyday = _everyday_word()
    while len(rows) < marks:
        if generic_words and rng.random() < 0.02:
            term, generic = generic_words.pop(0), "true"
        else:
            term, generic = _invented_name(rng), "false"
            if everyday(term):
                continue
        aliases = []
        for _ in range(rng.choices((0, 1, 2, 3), (60, 25, 10, 5))[0]):
            line = f"{term} {rng.choice(PRODUCT_LINES)}" if rng.random() < 0.5 else _invented_name(rng)
            if not everyday(line) and line.casefold() not in seen:
                aliases.append(line)
        classes = sorted(rng.sample(CLASS_POOL, rng.choice((1, 1, 2, 3, 4))))
        region = rng.choices(("", "US", "EU", "US|GB"), (85, 6, 6, 3))[0]
        add({"term": term, "kind": "trademark",
             "owner": f"{term} Holdings {rng.choice(('Inc.', 'Ltd', 'GmbH', 'S.A.'))}",
             "aliases": "|".join(dict.fromkeys(aliases)), "classes": "|".join(map(str, classes)), "regions": region,
             "generic": generic, "reference": f"REG {rng.randrange(10**6, 10**7)}"})
    others = [r for r in curated_rows("prohibited.csv") + curated_rows("patents.csv") if r.get("term")]
    return rows + [{c: r.get(c, "") for c in COLUMNS} for r in others]


def write_blocklist(path: Path, marks: int, seed: int) -> int:
    rows = blocklist_rows(marks, seed)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def mark_names(seed: int) -> list[str]:
    """Every term and alias of the largest list: seller brands must not be among them."""
    names = []
    for row in blocklist_rows(50_000, seed):
        names.append(row["term"])
        names.extend(a for a in row["aliases"].split("|") if a)
    return names


def _spaced(name: str, rng: random.Random) -> str:
    return rng.choice((" ", ".", "-", " ")).join(name.replace(" ", "").upper())


def _leet(name: str, rng: random.Random) -> str:
    spots = [i for i, ch in enumerate(name) if ch.lower() in _LEET]
    if not spots:
        return name.upper()
    chars = list(name)
    for i in rng.sample(spots, min(len(spots), rng.choice((1, 2)))):
        chars[i] = _LEET[chars[i].lower()]
    return "".join(chars)


def _homoglyph(name: str, rng: random.Random) -> str:
    spots = [i for i, ch in enumerate(name) if ch in _HOMOGLYPHS]
    if not spots:
        return name
    chars = list(name)
    for i in rng.sample(spots, min(len(spots), 2)):
        chars[i] = _HOMOGLYPHS[chars[i]]
    return "".join(chars)


def _zero_width(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, max(2, len(name)))
    return name[:i] + rng.choice(("\u200b", "\u200c", "\u2060")) + name[i:]


def _typo(name: str, rng: random.Random) -> str:
    if len(name) < 5 or " " in name:
        return name + name[-1]
    i = rng.randrange(1, len(name) - 1)
    how = rng.choice(("double", "drop", "swap"))
    if how == "double":
        return name[:i] + name[i] + name[i:]
    if how == "drop":
        return name[:i] + name[i + 1:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


EVASIONS = (_spaced, _leet, _homoglyph, _zero_width, _typo)


class CatalogWriter:
    """Writes the same rows for the same seed, whatever the number of rows asked for."""

    header = ("sku", "title", "description", "brand", "category", "price")

    def __init__(self, seed: int):
        self.rng = random.Random(f"catalog:{seed}")
        taken = {n.casefold() for n in mark_names(seed)}
        self.sellers = [h + t for h in SELLER_HEADS for t in SELLER_TAILS if (h + t).casefold() not in taken]
        self.marks = KNOWN_MARKS

    def write(self, path: Path, rows: int, progress=None) -> dict[str, int]:
        counts: dict[str, int] = {}
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(self.header)
            for n in range(1, rows + 1):
                row, kind = self.row(n)
                counts[kind] = counts.get(kind, 0) + 1
                writer.writerow(row)
                if progress is not None and n % 100_000 == 0:
                    progress(n)
        return counts

    def row(self, n: int) -> tuple[list[str], str]:
        rng = self.rng
        family = rng.choice(FAMILIES)
        seller = rng.choice(self.sellers)
        noun = rng.choice(family["nouns"])
        words = rng.sample(family["words"], rng.randint(2, 4))
        title = " ".join([seller, *words[:1], noun, *words[1:]])
        sentences = rng.sample(family["sentences"], len(family["sentences"]))
        # Model codes, colours and sizes differ from row to row, as in real feeds, so caches
        # keyed by word do not see the same few hundred words over and over.
        sentences.insert(rng.randrange(3), (
            f"Model {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}-"
            f"{rng.randrange(100, 99999)}"
            f", colour {rng.choice(COLOURS)}, {rng.randrange(5, 60)} x {rng.randrange(5, 40)} cm, "
            f"{rng.randrange(80, 2500)} g."))
        body = []
        size = 0
        for s in sentences + list(rng.sample(SHARED_SENTENCES, 3)):
            body.append(s)
            size += len(s) + 1
            if size >= 470:
                break
        if rng.random() < 0.03:
            body.insert(rng.randrange(len(body)), rng.choice(HONEST_PHRASES))
        kind = "clean"
        roll = rng.random()
        if roll < 0.10:
            kind, title, body = self._flagged(rng, title, body, noun)
        elif roll < 0.13:
            kind = "policy"
            if rng.random() < 0.5:
                title = f"{rng.choice(PROMOTIONS)} {title}"
            else:
                body.insert(rng.randrange(len(body) + 1), rng.choice(CONTACTS))
        if rng.random() < 0.2:
            description = ("<p>" + " ".join(body[:2]) + "</p><ul>" + "".join(f"<li>{s}</li>" for s in body[2:])
                           + "</ul>")
        else:
            description = " ".join(body)
        price = f"{rng.choice((9, 12, 14, 19, 24, 29, 39, 49, 79, 129))}.{rng.choice(('99', '95', '49', '00'))}"
        return [f"BEN-{n:07d}", title, description, seller, family["category"], price], kind

    def _flagged(self, rng: random.Random, title: str, body: list[str], noun: str) -> tuple[str, str, list[str]]:
        term, _owner, aliases, _classes, _generic = rng.choice(self.marks)
        name = rng.choice((term, term, *aliases))
        how = rng.choices(("mention", "evasion", "compatible", "compare", "counterfeit"), (25, 30, 20, 10, 15))[0]
        if how == "mention":
            if rng.random() < 0.6:
                title = f"{name} {title.split(' ', 1)[1]}"
            else:
                body.insert(1, f"Same quality as the {name} original you know.")
        elif how == "evasion":
            disguised = rng.choice(EVASIONS)(name, rng)
            title = f"{disguised} {title.split(' ', 1)[1]}"
        elif how == "compatible":
            lead = next((a for a in aliases if a in COMPAT_MODELS), term)
            model = rng.choice(COMPAT_MODELS.get(lead, ("",)))
            wording = rng.choice(("Compatible with", "for", "Fits", "Replacement for"))
            target = f"{lead} {model}".strip()
            if rng.random() < 0.5:
                title = f"{title} {wording} {target}"
            else:
                body.insert(0, f"{wording} {target}.")
        elif how == "compare":
            wording = rng.choice(("{} style", "inspired by {}", "better than {}", "like {} but cheaper", "Not {}"))
            title = f"{title} {wording.format(name)}"
        else:
            cue = rng.choice(COUNTERFEIT_WORDS)
            if rng.random() < 0.5:
                title = f"{name} {cue} {noun}"
            else:
                body.insert(0, f"{cue.capitalize()} {noun.lower()}, looks exactly like the real one.")
        return how, title, body


def write_catalog(path: Path, rows: int, seed: int, progress=None) -> dict[str, int]:
    return CatalogWriter(seed).write(path, rows, progress)
