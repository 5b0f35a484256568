"""How Indonesian and Malaysian marketplace titles say what a listing is: a copy's grade spelt
out ("KW Super", "KW1", "Grade Ori"), "mirip" (looks like), "Karakter" before a character's name,
a franchise written right beside its character ("Frozen Elsa"), and the official warranty after
the product a title names first."""
import pytest

from compliance.blocklist import Entry, link_lines

from .rule_harness import severities, tm_findings


def _blocked(result) -> bool:
    return any(f.severity == "block" and f.rule[:2] in ("TM", "CF") for f in result.findings)


@pytest.mark.parametrize("title", [
    "Headset Bluetooth Beats Solo 3 KW Super Bass",
    "Kacamata Rayban Aviator Pria KW1 Lensa Polarized Murah",
    "Vans Old Skool Black White Grade Ori Made in China Free Box",
])
def test_a_copys_grade_spelt_out_beside_a_mark_blocks(checker_with, title):
    assert _blocked(checker_with()(title, brand=None))


@pytest.mark.parametrize("title, mark", [
    ("Sandal Mirip Crocs Bahan Karet Murah Unisex", "crocs"),           # looks like
    ("Sepatu Slip On Kotak Catur Checkerboard Ala Vans", "vans"),       # in the manner of
    ("Bor Baterai Cordless 12V Ala Makita 2 Baterai", "makita"),
    ("Bibit Parfum Murni Aroma Bvlgari Aqua 100ml", "bvlgari"),         # a perfume refill's scent of
    ("Parfum Isi Ulang Wangi Victoria's Secret Bombshell 35ml", "victoria's secret"),
    ("Knalpot Racing Model Akrapovic Untuk Vario 150", "akrapovic"),      # "model X": the X-style
    ("Hoodie Ala H&M Polos Premium", "h&m"),                             # a fast-fashion house's name
    ("Sepatu Sneakers Model Nike Air Jordan Murah", "nike"),
])
def test_likeness_words_before_a_brand_are_a_comparison(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert ("TM002", "block", mark) in tm_findings(result)


@pytest.mark.parametrize("title, name", [
    ("Kaos Anak Frozen Elsa Anna Lengan Pendek Murah 2-8 Tahun", "elsa"),   # the franchise right beside
    ("Elsa Frozen dress kids", "elsa frozen"),                             # the list's own spelling
    ("Softcase Karakter Stitch Lucu Untuk Oppo A3s Vivo Y91", "stitch"),    # "character" before it
])
def test_an_everyday_character_name_beside_its_franchise_or_called_a_character_is_merchandise(
        checker_with, title, name):
    assert "block" in severities(checker_with()(title, brand=None), name)


@pytest.mark.parametrize("title, club", [
    ("Kaos Bola Barcelona Anak Setelan Printing", "barcelona"),   # "kaos bola": a football shirt
    ("Jersey Bola Barcelona Home 2024 Dewasa", "barcelona"),
])
def test_a_club_named_as_an_everyday_word_on_a_football_shirt_is_the_club(checker_with, title, club):
    assert "block" in severities(checker_with()(title, brand=None), club)


@pytest.mark.parametrize("title", [
    "sleeve case cover for apple ipad 2 wifi 3g model hp touchpad 9.7-inch",  # after "for": another model it fits
    "Kit Model Gundam HG RX-78-2 Bandai Original Japan 1/144",                # a model kit of a property
])
def test_model_before_a_mark_that_names_no_likeness(checker_with, title):
    result = checker_with()(title, brand=None)
    assert not [f for f in result.findings if f.rule == "TM002"], result.findings


def test_the_products_noun_leading_a_title_is_no_other_maker(checker_with):
    # "Charger" is Dodge's mark too, but here it names what is sold: Lenovo is no product it leads.
    result = checker_with()("Charger Lenovo 65W Type C Original Garansi Resmi", brand=None)
    messages = [f.message for f in result.findings if f.entry == "Lenovo"]
    assert messages and not any("Charger leads" in m for m in messages), messages


@pytest.mark.parametrize("title", [
    "Diaper Genie Angel care refill bags",   # two everyday names of one owner, not beside each other's keyword
    "frozen peas and anna's biscuits",
])
def test_everyday_words_far_from_their_franchise_stay_words(checker_with, title):
    assert not _blocked(checker_with()(title, brand=None))


@pytest.mark.parametrize("title, mark", [
    ("Tas Ransel Eiger Escaper 25L Original Garansi Resmi", "eiger"),
    ("Sandal Crocs Classic Clog Unisex Original Garansi Resmi", "classic clog"),
])
def test_the_official_warranty_after_the_product_a_title_names_first_is_a_review(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) == {"warn"}


@pytest.mark.parametrize("title, mark", [
    ("Tas Ransel Eiger Escaper 25L Original", "eiger"),
    ("Sepatu Bata Pria Kulit Formal Kantor Original", "bata"),
    ("Hoodie Erigo Sweater Original Warna Maroon", "erigo"),   # one Indonesian word among loanwords
    ("Jam Tangan Seiko 5 Automatic Asli", "seiko"),
    ("Sepatu Vans Old Skool Black White Original", "vans old skool"),
])
def test_a_bare_original_in_an_indonesian_title_is_a_resellers_claim_a_review(checker_with, title, mark):
    # copies there are titled with the trade's words for their grade ("KW super", "grade ori")
    assert severities(checker_with()(title, brand=None), mark) == {"warn"}


@pytest.mark.parametrize("title, mark", [
    ("Camiseta Deus EX MACHINA proceso ORIGINAL premium-rápido", "deus ex machina"),  # a Spanish title
    ("Tas Ransel Eiger Escaper 25L Original KW Super", "eiger"),     # the grade says copy
    ("Tas Ransel Eiger Ori Batam Pria", "eiger"),                    # "ori Batam": a copy grade's name
    ("Sepatu Bata Pria Kulit Formal Semi Ori", "bata"),              # half original
    ("Sepatu Bata Pria Kulit Formal Premium Original 1:1", "bata"),
])
def test_an_original_claim_elsewhere_or_beside_a_copys_grade_still_blocks(checker_with, title, mark):
    assert _blocked(checker_with()(title, brand=None))


def _entry(term, owner, goods, keywords=(), generic=False):
    return Entry(term=term, kind="trademark", owner=owner, classes=frozenset({3}), goods=goods,
                 keywords=tuple(keywords), generic=generic)


def test_a_line_whose_first_keyword_is_its_house_under_another_owner_is_that_houses_line():
    house = _entry("Maybelline", "Maybelline LLC", "cosmetics")
    line = _entry("Superstay", "L'Oréal S.A.", "cosmetics", ("Maybelline",), generic=True)
    linked = {e.term: e for e in link_lines([house, line])}
    assert linked["Superstay"].line_of == "Maybelline"


@pytest.mark.parametrize("keywords, house_generic, goods", [
    (("camera", "Maybelline"), False, "cosmetics"),  # a context word first: no house named
    (("Maybelline",), True, "cosmetics"),            # an everyday word is no house
    (("Maybelline",), False, "character"),           # a franchise names a character's context, not its house
])
def test_no_house_from_a_later_keyword_an_everyday_word_or_a_property(keywords, house_generic, goods):
    house = _entry("Maybelline", "Maybelline LLC", goods, generic=house_generic)
    line = _entry("Superstay", "L'Oréal S.A.", goods, keywords, generic=True)
    linked = {e.term: e for e in link_lines([house, line])}
    assert linked["Superstay"].line_of == ""


def test_a_house_line_named_with_its_house_is_maybe_genuine(checker_with):
    result = checker_with()("Maybelline Superstay Matte Ink Liquid Lipstick Original 100% BPOM", brand=None)
    assert severities(result, "superstay") == {"warn"}


def test_the_maker_after_a_product_name_holding_an_everyday_mark_word_is_a_review(checker_with):
    # "Rem" (brake) is also a character's name; the product is brake pads, and Honda follows it.
    result = checker_with()("Kampas Rem Depan Honda Beat Vario Scoopy Spacy Original AHM", brand=None)
    assert severities(result, "honda") == {"warn"}


def test_a_distinctive_mark_first_still_leaves_the_next_maker_no_leader(checker_with):
    result = checker_with()("Kaos Nike Adidas Original Murah", brand=None)
    assert "block" in severities(result, "adidas")


@pytest.mark.parametrize("title", [
    "Sepatu Vans Old Skool Black White Original Store Unisex",     # the brand's own store
    "ZARA Kemeja Linen Pria Jastip Spanyol",                        # a personal shopper buying there
    "Jastip Uniqlo Jepang Kaos AIRism Pria Original",               # the shopper's word opening the title
    "Nike Air Max 90 Triple White CN8490-100 Original 100% BNIB",   # the maker's style code, boxed
    "Celana Jeans Levis 501 Original Made in USA BNWT",             # brand new with its tags
    "Eiger Tas Ransel 25L Distributor Resmi",                       # its authorised distributor
    "Sepatu Vans Old Skool Black White Toko Resmi",
    "Uniqlo AIRism Cotton T-Shirt Pria Authorized Dealer",
])
def test_a_fashion_house_resold_with_where_its_stock_comes_from_is_a_review(checker_with, title):
    # resellers of genuine stock say where it comes from; copies say "original" and no more
    result = checker_with()(title, brand=None)
    assert not _blocked(result)
    assert any(f.severity == "warn" for f in result.findings if f.kind == "trademark")


@pytest.mark.parametrize("title", [
    "adidas Gazelle Indoor IG1639 Original",                       # no Indonesian title: copies write it too
    "Camiseta Deus Ex Machina proceso ORIGINAL premium",
    "Sepatu Nike Air Max 90 KW Super Original Store",              # copy words still fail
])
def test_a_bare_original_or_a_copys_grade_still_fails(checker_with, title):
    assert _blocked(checker_with()(title, brand=None))


def test_a_cosmetics_line_named_like_a_date_variety_is_not_on_dates(checker_with):
    # "kurma" (dates) gives the title a class of food, where a skincare line's name infringes nothing
    result = checker_with()("Kurma Sukari Al Qassim 1kg Premium Import Saudi", brand=None)
    assert "block" not in severities(result, "sukari")


@pytest.mark.parametrize("title, mark", [
    # Indonesian and Malay names of the decorative goods a character is printed on, as the list
    # gives them in English and Russian: a pillow, a night lamp, a costume, a bottle.
    ("Bantal Doraemon Karakter", "doraemon"),
    ("Lampu Tidur Karakter Doraemon", "doraemon"),
    ("Kostum Anak Superman Lengkap", "superman"),
    ("Botol Minum Anak Spiderman 500ml", "spiderman"),
    # "karakter" before a film's everyday-word title makes it the film's ("Karakter Frozen").
    ("Tumbler Anak Karakter Frozen", "frozen"),
])
def test_a_character_on_goods_named_in_indonesian_fails(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) == {"block"}


def test_a_films_everyday_word_title_alone_on_a_bottle_is_no_mark(checker_with):
    assert "block" not in severities(checker_with()("Botol Minum Anak Frozen 500ml", brand=None), "frozen")


def test_lv_confirms_a_louis_vuitton_line_that_is_an_everyday_word(checker_with):
    # "LV" is too short to be a mark on its own, but beside "Speedy" it says whose bag it is.
    assert severities(checker_with()("Tas LV Speedy 30 Wanita", brand=None), "speedy") == {"block"}
    assert "block" not in severities(checker_with()("Tas Wanita Monogram Inisial Nama Custom", brand=None),
                                     "monogram")


@pytest.mark.parametrize("title, mark", [
    ("Jersey Persib Bandung Home 2024 Grade Ori", "persib bandung"),   # a club's copied jersey
    ("Kaos Erigo Oversize Pria Hitam KW", "erigo"),                    # a local streetwear label, graded copy
    ("Sepatu Ventela Public Low Black Mirip Ori", "ventela"),
    ("Kaos Anak Upin Ipin Usia 1-8 Tahun Murah", "upin ipin"),        # Malaysian cartoons on children's goods
    ("PROMO Topi Anak Karakter Boboiboy Kupluk", "boboiboy"),
    ("Tas Sekolah Ejen Ali Anak Laki", "ejen ali"),
    ("Sticker Label Nama Karakter Tsum Tsum Anak Sekolah", "tsum tsum"),
])
def test_the_regions_own_brands_and_clubs_are_marks(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark", [
    ("Dioda damper DMV 1500 TV Polytron new original", "polytron"),   # the part, then what it goes into
    ("Transistor TR D2499 TV Samsung original", "samsung"),
])
def test_a_part_named_before_the_device_it_goes_into_is_a_review(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) == {"warn"}


def test_a_device_named_before_its_maker_without_a_part_is_no_part(checker_with):
    # "Promo TV Samsung": the television itself, whose maker follows the noun: no part reading.
    result = checker_with()("Promo TV Samsung 43 inch Smart TV", brand=None)
    assert not any("part or consumable" in f.message for f in result.findings)


@pytest.mark.parametrize("title, mark", [
    ("Kaos Polo Polos Pria Lengan Pendek Bahan Lacoste Pique", "lacoste"),   # piqué knit, as the trade calls it
    ("Kain Lacoste PE per meter warna hitam", "lacoste"),
    ("Kaos Off White Polos Oversize Unisex Cotton 24s", "off white"),       # a plain tee in that colour
    ("Kemeja Pria Warna Off White", "off white"),                          # after the word for colour
])
def test_a_cloth_or_a_colour_the_trade_names_after_a_brand_is_no_mark(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) <= {"info"}


@pytest.mark.parametrize("title, mark", [
    ("Kaos Polo Lacoste Pria Crocodile Logo", "lacoste"),         # the label itself: a review of the stock
    ("Kaos Off White Arrow Hitam", "off white"),                  # its print
])
def test_the_same_names_as_the_label_are_still_the_mark(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) & {"warn", "block"}


def test_a_luxury_house_named_plainly_in_an_indonesian_title_still_blocks(checker_with):
    assert "block" in severities(checker_with()("Tas Gucci Marmont Mini Wanita", brand=None), "gucci")


@pytest.mark.parametrize("title, mark", [
    ("Kampas Kopling Yamaha Jupiter Z Vega R Asli YGP", "yamaha"),   # a part named first, then its maker
    ("Kampas Kopling Honda Beat Original AHM", "honda"),
])
def test_a_motorcycle_part_named_in_indonesian_before_its_maker_is_a_review(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) == {"warn"}


@pytest.mark.parametrize("title, mark", [
    ("Bata Ringan Hebel 7,5 cm per m3", "bata"),                 # a brick, not the shoe maker
    ("Hiasan Miniatur Kapal Api Uap Kayu", "kapal api"),         # a steamship, not the coffee
])
def test_an_indonesian_word_that_is_a_mark_is_the_word_beside_its_senses_words(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) <= {"info"}


@pytest.mark.parametrize("title, maker", [
    ("Shampo Pantene Anti Lepek 170ml", "pantene"),                  # the product as sellers spell it
    ("Minyak Zaitun Mustika Ratu 175ml", "mustika ratu"),
    ("Panci Presto 8 Liter Maspion ORIGINAL", "maspion"),            # the pot's size between
    ("Rice Cooker 1.8L Miyako", "miyako"),
    ("Kabel USB-C - Lightning Ugreen 1m MFi Putih", "ugreen"),       # the plugs it joins between
    ("[SNI] HELM KYT TT COURSE FULL FACE DOUBLE VISOR", "kyt"),      # after the shop's bracketed tag
])
def test_the_maker_after_the_product_an_indonesian_title_names_is_its_stock_a_review(checker_with, title, maker):
    assert severities(checker_with()(title, brand=None), maker) == {"warn"}


@pytest.mark.parametrize("title, mark", [
    ("Sepatu Ventela Public Low Black Natural", "ventela"),
    ("Hijab Zoya Segi Empat Motif Bunga", "zoya"),
    ("Jaket Eiger Riding Tropic Jacket", "eiger"),
    ("Kaos Erigo T-Shirt Basic Black Unisex", "erigo"),
])
def test_a_local_label_named_plainly_as_the_maker_is_a_review(checker_with, title, mark):
    """Shops in a label's home market name it as the maker of the genuine goods they resell (the
    list's reach: local), as a fashion house famous everywhere is no proof of."""
    assert severities(checker_with()(title, brand=None), mark) == {"warn"}


@pytest.mark.parametrize("title, mark", [
    ("Sepatu Ventela Public Low Black KW Super", "ventela"),   # copy words beside a local label
    ("Vans Old Skool Black White shoes", "vans old skool"),    # a house known everywhere, in English
    ("Jersey Persib Bandung 2024 Home", "persib bandung"),     # a club: its merchandise, whatever its reach
])
def test_copy_words_a_global_house_or_a_local_property_still_block(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark", [
    ("Sepatu Adidas Superstar Hitam Putih", "adidas superstar"),
    ("Jaket Adidas Firebird Track Top", "adidas"),             # the product's name, then loanwords
    ("Kaos Uniqlo U Crew Neck", "uniqlo"),
])
def test_a_fashion_label_named_plainly_in_an_indonesian_title_is_a_review(checker_with, title, mark):
    """That trade names a copy by its grade ("KW Super", "Premium Import"), so a label named plainly
    is most often resold stock; blind labellers passed or reviewed these."""
    assert severities(checker_with()(title, brand=None), mark) == {"warn"}


@pytest.mark.parametrize("title, mark", [
    ("Sepatu Nike Air Force 1 Putih Premium Import", "nike"),    # the trade's name for a copy
    ("Tas Wanita Guess Selempang Import Batam", "guess"),
])
def test_a_copys_trade_name_in_an_indonesian_title_still_blocks(checker_with, title, mark):
    assert _blocked(checker_with()(title, brand=None))


def test_a_brand_its_group_sells_under_its_own_name_is_a_maker_not_a_line(checker_with):
    """Sariayu is Martha Tilaar Group's, as Martha Tilaar is, yet titled on its own ("Sariayu Lulur
    Mandi"), as its shops sell it: the list names it first in its owner, so it is no product line
    that copies are titled with, and leading the title it is genuine stock's review."""
    assert severities(checker_with()("Sariayu Lulur Mandi Bengkoang", brand=None), "sariayu") == {"warn"}


def test_a_fragrance_named_without_its_number_is_still_compared_with(checker_with):
    # Perfume dupes name Maison Francis Kurkdjian's Baccarat Rouge 540 without its number.
    result = checker_with()("Parfum Inspired Baccarat Rouge", brand=None)
    assert ("TM002", "block", "baccarat rouge") in tm_findings(result)


def test_a_name_of_english_words_on_an_indonesian_titles_goods_is_the_property(checker_with):
    """"Free Fire" written as a name among Indonesian words is the game, not "free" and "fire", as a
    Latin-letter name among Cyrillic is a work's; one English word may be a loanword ("Mainan
    Slime Kit Anak")."""
    assert "block" in severities(checker_with()("Gantungan Kunci Free Fire", brand=None), "free fire")
    assert not _blocked(checker_with()("Mainan Slime Kit Anak", brand=None))


@pytest.mark.parametrize("title, mark", [
    ("Masker Kain Motif Supreme Hitam", "supreme"),   # the house's name as the print, not "supreme"
    ("Bantal Sofa Motif Nike Hitam", "nike"),         # a print, not the maker's stock
    ("Sarung Bantal Sablon Adidas", "adidas"),
])
def test_a_fashion_house_named_as_the_goods_print_blocks(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark", [
    ("masker kain motif supreme hitam", "supreme"),         # the house as the print, in lower case
    ("sticker logo apple putih untuk mobil", "apple"),      # the maker's logo sold as a sticker
])
def test_an_indonesian_title_in_lower_case_still_names_the_mark(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


def test_a_colour_after_design_is_no_print_of_a_house(checker_with):
    # "design" before a word is as often the colour's or the style's as a print's.
    result = checker_with()("koss on-ear flats design pink", brand=None)
    assert "block" not in severities(result, "pink")


def test_the_national_teams_kit_maker_named_as_the_maker_is_a_licence_review(checker_with):
    # Erspo makes the Indonesian national team's jerseys (blocklists/licensees.csv).
    assert not _blocked(checker_with()("Jersey Erspo Timnas Indonesia Away 2024", brand=None))
    assert _blocked(checker_with()("Jersey Timnas Indonesia Erspo KW Grade Ori", brand=None))
    assert _blocked(checker_with()("Jersey Timnas Indonesia Away 2024", brand=None))


@pytest.mark.parametrize("title, blocked", [
    ("Jersey Persib Bandung Home 2024 Sportama", False),               # the club's kit maker closes the title
    ("Jersey Timnas Indonesia Home 2024 Erspo Original Authentic", False),
    ("jersey persib bandung home 2024 sportama", False),               # a title all in lower case
    ("Jersey Persib Bandung Home 2024 Grade Ori Sportama", True),       # copy words still fail
    ("Action figure Naruto by Bandai", True),                           # a character's figure: a team's only
])
def test_a_teams_kit_maker_closing_its_title_is_a_licence_review(checker_with, title, blocked):
    assert _blocked(checker_with()(title, brand=None)) is blocked


def test_stripes_cut_for_a_motorcycle_model_are_not_its_makers_logo(checker_with):
    assert not _blocked(checker_with()("Stiker Striping Yamaha Nmax 2020 Hitam", brand=None))
    assert _blocked(checker_with()("Stiker Logo Yamaha Chrome Timbul", brand=None))


def test_a_known_licensee_after_original_is_the_maker_the_shop_claims(checker_with):
    # "Original Erspo": the national team's kit maker named as the maker, as genuine stock is titled.
    assert not _blocked(checker_with()("Jersey Timnas Indonesia 2024 Away Original Erspo", brand=None))
    assert _blocked(checker_with()("Jersey Timnas Indonesia 2024 Away Original", brand=None))
