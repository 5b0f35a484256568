"""Counterfeit cues fire on replica wording and spare the honest uses of the same words."""
import pytest

from compliance.matchers.cues import CueMatcher


@pytest.fixture(scope="module")
def cues():
    return CueMatcher()


def ids(cues, text):
    return [c.id for _, _, c in cues.find_in_text(text)]


@pytest.mark.parametrize("text, cue", [
    ("Designer replica, looks exactly like the original", "replica"),
    ("Zapatillas hombre réplica", "replica"),
    ("Часы мужские реплика", "replica"),
    ("Bolso mujer imitación", "imitation"),
    ("Bolsa feminina imitação", "imitation"),
    ("Sac à main contrefaçon", "forged"),
    ("Uhr Fälschung", "forged"),
    ("Конструктор копия", "copy_other"),
    ("Sneakers 1:1 copy", "copy"),
    ("high copy perfume", "copy"),
    ("first copy watch", "copy"),
    ("AAA quality wallet", "aaa_grade"),
    ("7A quality handbag", "number_grade"),
    ("mirror quality bag", "mirror_quality"),
    ("super clone watch", "clone"),
    ("knock-off sunglasses", "knockoff"),
    ("This is a fake of the famous designer item", "fake"),
    ("rep sneakers fast shipping", "rep_goods"),
    ("Sepatu Nike Air Max KW Super Premium", "kw_grade_named"),
    ("Sepatu Nike Air Max KW", "kw_grade"),
    ("Headset Bluetooth Beats Solo 3 KW Super Bass", "kw_grade_named"),   # a number before: still a grade
    ("Kacamata Rayban Aviator Pria KW1 Lensa Polarized", "kw_grade_named"),
    ("Vans Old Skool Black White Grade Ori Made in China", "kw_grade_named"),
    ("Mouse Gaming Logitech G502 KW Kualitas Ori", "kw_grade"),            # a model code's digits are no power
    ("Tas Charles n Keith Mirip Ori 99% Free Box", "like_original"),
    ("Sepatu New Balance 530 Premium Original Quality Free Box", "original_quality"),
    ("Zapatillas Nike Air Force calidad original", "original_quality"),
    ("Earphone Samsung AKG Type C Ori 99% Bass", "like_original"),
    ("Sepatu Converse 70s High Premium Grade Original", "kw_grade_named"),
    ("Airpods Gen 3 Inpods Premium Mirip Original Pop Up", "like_original"),
    ("Sepatu Setara Ori Nike Air Max", "like_original"),                 # equal to the original
    ("Tas Gucci Marmont Sekelas Original", "like_original"),              # of the original's class
    ("Tas Gucci tiruan murah", "palsu"),
    ("Sepatu Ventela Imitasi", "palsu"),                                  # an imitation
    ("Kaset Game PC Bajakan Isi 40 Game", "bajakan"),                     # pirated, with no work named
    ("Giày Nike Air Force 1 hàng nhái", "hang_nhai"),
    ("เสื้อ Nike งานก๊อป", "thai_copy"),
    ("Striping Vario 125 design copy ori", "copy_ori"),
    ("Tas Wanita Guess Ori Batam Murah", "copy_ori"),                      # the copy grade's name
    ("Parfum Versace Eros Ori Singapore 100ml", "copy_ori"),
    ("Sepatu Nike Air Force 1 Putih Premium Import", "import_grade"),     # the trade's name for a copy
    ("Kaos Polo Lacoste Pria Import Premium Quality", "import_grade"),    # the same name, the other way round
    ("Tas Hermes Birkin 30 Togo Kualitas Mirror Fullset", "mirror_quality"),  # the grade's word first
    ("Jersey Bola Home 2024/25 Grade Ori Thailand Ready Stock", "thai_grade"),   # a shirt's copy grade
    ("Jersey Bola Away Thailand Quality Printing Nama", "thai_grade"),
    ("DVD Windows 11 Pro Full Version Permanen Installer", "cracked_software"),  # a licence no key gives
    ("ebook pdf atomic habits bahasa indonesia kirim via email", "book_file"),  # a pirate copy of a book
    ("Buku PDF Novel Laut Bercerita Lengkap", "book_file"),
    ("Tas Wanita Guess Selempang Import Batam", "import_grade"),
    ("Tas Hermes Birkin 30 Kulit Sapi Semi Ori", "kw_grade_named"),       # half original
    ("Catokan Rambut Philips 2in1 Curly Non Ori", "kw_grade_named"),      # not original
    ("DVD Game PS2 PES 2019 Kaset Burn", "burned_disc"),                  # a burned copy
    ("Sepatu Balenciaga Triple S Premium Original 1:1", "one_to_one"),    # the grade it copies, then 1:1
    ("Nature Republic Aloe Vera 92% KW Murah", "kw_grade"),              # a share of likeness, not kilowatts
    ("Kaos Supreme Box Logo Tee Mirror", "mirror_named"),                 # the grade closing the title
    ("Sepatu Vans Old Skool Hitam Premium 1:1 Free Box", "graded_one_to_one"),  # the seller's grade, then 1:1
    ("GaoGao Freedom Gundam 1/100 model kit", "bootleg_maker"),
    ("Daban MG Strike Freedom 8802", "bootleg_maker"),
    ("Игра для MDP: Superman", "clone_console"),           # a clone console: its games are pirate copies
    ("Картридж для Денди Super Mario Bros", "clone_console"),
    ("Cartridge for Dendy Contra", "clone_console"),
    ("Картридж Игра Sega: Gemfire (русская)", "pirate_translation"),   # no such game was published in Russian
    ("Игра Sega: Tiny Toon Adventures русская версия", "pirate_translation"),
    ("Headset Bluetooth Beats Studio 3 Copy", "copy_named"),
    ("Office 2021 Professional Plus Lifetime Key + Activator Crack", "cracked_software"),  # what breaks the licence
    ("Adobe Illustrator 2024 Pre-Activated Windows", "cracked_software"),
    ("Software AutoCAD 2020 Full Crack Permanent", "cracked_software"),
    ("Windows 11 Pro 64 bit с кряком на флешке", "cracked_software"),
    ("Airpods Pro TWS Clone", "copy_named"),
    ("Zapatillas Nike Air Max copia AAA", "copy_other"),
    ("Réplica de reloj Rolex Submariner", "replica"),
    ("Кроссовки Adidas подделка", "forged"),
    ("Sepatu Nike Air Jordan 1 KW", "kw_after_number"),     # the grade after a model's number
    ("Speaker JBL Charge 3 KW", "kw_after_number"),
])
def test_cue_fires(cues, text, cue):
    assert cue in ids(cues, text)


@pytest.mark.parametrize("text", [
    "1:18 Scale Diecast Replica Model Car",
    "Museum quality fossil replica skull",
    "AAA Batteries 24 Pack Alkaline",
    "10A Grade Virgin Human Hair Bundles",
    "Imitation leather jacket",
    "Imitation pearl necklace",
    "Kids Kitchen Imitation Toys Pretend Play Set",  # pretend play, no copy
    "Juguetes de imitación cocina para niños",
    "Sabrent USB 3.0 Dual Bay SATA Docking Station with Offline Clone",  # the disk copying it does
    "Samsung 860 EVO 500GB SSD with data migration software clone",
    "Kingston A400 240GB SSD Desktop Bundle Kit Acronis clone",
    "Disco Duro Externo 1TB para copia de seguridad",      # a backup of data
    "Hard disk esterno 2TB per copia di backup",
    "Porta copia da scrivania per documenti",              # a copy holder
    "Голографические наклейки защита от подделки 100 шт",  # goods against fakes
    "Etiquetas holográficas anti falsificación 500 uds",
    "Etiquette anti-contrefaçon hologramme",
    "Stift zur Erkennung von Falschgeld Prüfstift gefälschte Banknoten",
    "Реплика автомата АК-74 страйкбол",                    # an airsoft gun's, a sword's, a toy's replica
    "Réplica de espada medieval decorativa",
    "Pistola de juguete réplica plástico niños",
    "Bathroom Mirror Quality Glass Cabinet",               # the mirror's glass
    "Reps Counter Fitness Tracker",                        # training repetitions
    "Same Factory Price Wholesale Bulk",
    "Grade AAA Hardwood Flooring Oak",                     # a trade grade of wood
    "Fake plants for home decor",
    "Fake eyelashes 10 pairs",
    "Counterfeit detector pen for bills",
    "Anti counterfeit hologram stickers",
    "Faux leather leggings",
    "Bootleg jeans dark wash",
    "OEM replacement filter",
    "Copy paper 500 sheets",
    "Knock off dust with the brush",
    "Genset Honda 5 KW silent",             # kilowatts
    "Heater listrik 2,5 kW hemat",          # kilowatts, a decimal comma
    "Genset Honda 5-KW silent",             # kilowatts, hyphenated
    "Cermin Rias Makeup LED Mirror",        # the product is a mirror
    "Spion Motor Honda Beat Side Mirror",
    "boss audio bv4 monitor rear view mirror",
    "Sepatu Nike Ori 100% Garansi",         # the genuine claim: wholly original
    "Tupperware Eco Bottle 500ml Ori Bukan KW",   # original, not a copy
    "Nero CD burning software",                   # what the software does
    "Iron Man helmet model original 1:1 scale",   # a scale
    "Figure Naruto Premium 1:1 scale bust",        # a scale
    "Beras Thai Jasmine Kualitas Thailand 5 kg",    # the rice's grade
    "Tablet ebook pdf reader 7 inch e-ink",         # a reader of such files
    "Map dokumen buku tulis A4 plastik",            # no file
    "Jersey Timnas Thailand 2024 Home Original",    # the national team's own shirt
    "Curl activator cream for natural hair",       # a cosmetic
    "Samsung S22 LCD screen with crack, for parts",  # damage, not software
    "Pre-activated SIM card with 10 GB data",        # a prepaid card
    "Diskon 90% ori sepatu",                # a discount
    "Nike socks, 100% original quality",    # the genuine claim
    "Meteran listrik 2 kWh",
    "jvc kw-xr610 4 x 50 watts usb cd receiver",  # a model code
    "Kerusakan akibat menggunakan tinta palsu",   # a warning against fakes
    "DVD Film Keluarga Original Bukan Bajakan",   # a promise that it is not pirated
    "Cincin wanita berlian palsu lapis emas",     # a fake diamond: a rhinestone
    "Kumis palsu pesta kostum",                   # a false moustache
    "Bulu mata palsu 10 pasang",            # false eyelashes
    "Kopi ori Aceh 250 gram",               # coffee, not a copy
    "Tas Wanita Elizabeth Kulit Imitasi",   # faux leather
    "Bunga Daisy Artificial Imitasi bunga asli",   # artificial flowers, the noun after
    "Lampu LED Philips 10 Watt setara 80 watt",   # a measure's equivalent
    "Copy original receipt book",
    "Pantalones casuales hombre Tencel imitación denim pierna ancha",   # a fabric imitating another
    "Genset Honda 5 KW silent portable generator",          # kilowatts
    "Pompa Air Shimizu 0.25 kW otomatis",
    "Printer HP DeskJet 2336 All in One Print Scan Copy",  # what the machine does
    "Canon imageCLASS mono laser printer with scan and copy",
    "hammermill everyday copy and print paper",
    "Джойстик для Dendy 8 bit",              # an accessory of the clone, no game
    "Игра для Sega: Sonic the Hedgehog",     # the maker's own console: maybe a genuine cartridge
    "Картридж для Sega 16 bit (русская инструкция)",    # a manual in Russian, not the game
    "Игра для PS4 Horizon Zero Dawn (русская версия)",  # a current console: its games are published in Russian
])
def test_honest_uses_do_not_fire(cues, text):
    assert ids(cues, text) == []


def test_mark_scoped_cues_are_marked(cues):
    found = cues.find_in_text("Gucci dupe bag")
    assert [(c.id, c.scope) for _, _, c in found] == [("dupe", "mark")]
    found = cues.find_in_text("Sepatu KW super murah")
    assert [(c.id, c.scope) for _, _, c in found] == [("kw_grade_named", "mark")]
    # without a mark beside it, "Premium 1:1" may be a square's ratio ("Frame Foto Kayu Premium 1:1")
    found = cues.find_in_text("Frame Foto Kayu Premium 1:1 Polos")
    assert [(c.id, c.scope) for _, _, c in found] == [("graded_one_to_one", "mark")]


@pytest.mark.parametrize("pattern, prefixes", [
    (r"\bfakes?\b", {"fake", "fakes"}),  # an optional letter: with it and without it
    (r"\b(?:[5-9]|1[0-2])a\b", {"5a", "6a", "7a", "8a", "9a", "10a", "11a", "12a"}),
    (r"\ba{3,5}\+*\s*copy\b", {"aaa"}),
    (r"\bcounterfeits?\b", {"counterf"}),  # eight characters are enough
    (r"\bsame\s+factory", {"same" + c for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002"
                                            "\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029"
                                            "\u202f\u205f\u3000"}),
    (r"\bx?copy\b", {"copy", "xcopy"}),
    (r"\w+ copy", None),  # a match may start with any letter
    (r"\b(?:.|x)copy", None),
])
def test_literal_prefixes_read_off_the_pattern(pattern, prefixes):
    import re

    from compliance.matchers.cues import literal_prefixes
    assert literal_prefixes(re.compile(pattern)) == prefixes


def test_prefilter_never_hides_a_match(cues):
    """Every match of every cue begins with one of the literal beginnings the prefilter looks for."""
    from compliance.matchers.cues import literal_prefixes
    texts = ["Sneakers 1:1 copy", "1 : 1 replica", "AAAAA+ quality", "grade aaa", "12a grade", "#mirrorbags",
             "копию люкс", "реплики люкс", "bootlegged", "same factory", "indistinguishable from the original",
             "primeira linha", "super clones", "watches clone", "rep jerseys", "11a original",
             "same\u00a0factory", "1 x 1 copy", "watch\tclones", "top quality copy", "knock offs", "mirror-grade"]
    hit = 0
    for cue in cues.cues:
        prefixes = literal_prefixes(cue.pattern)
        for text in texts:
            for m in cue.pattern.finditer(text.casefold()):
                hit += 1
                assert prefixes is None or any(m.group().startswith(p) for p in prefixes), (cue.id, text)
    assert hit >= len(texts)


@pytest.mark.parametrize("text", [
    "Silk Roses Vine Artificial Flowers Fake Green Leaf Plants",
    "Synthetic Hair Topper Wig Fake False Bangs Clip In",
    "24pcs Fake Press On Nails Kit",
    "Synthetic Hair Topper Wig For Women Fake False With Bangs Clip In Hair Extension",
])
def test_fake_in_honest_use_with_adjectives_between(text):
    from compliance.listing import Listing
    from compliance.matchers.cues import CueMatcher

    listing = Listing.from_values("1", 1, {"title": text})
    assert not [c for c in CueMatcher().find(listing) if c.label == "fake"]
