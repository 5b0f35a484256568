"""A retailer's catalog titled without a brand column: the maker it opens with (after its part
number, too), the device a product works with, sizes and version lists that read as marks, and
a maker's product line that shares a character's name."""
import pytest

from .rule_harness import reviewed, severities, tm_findings


@pytest.mark.parametrize("title, device", [
    ("gpx iphone travel speaker", "iphone"),
    ("pyle ipod 3.5 mm stereo to rca adapter", "ipod"),
    ("sylvania iphone alarm clock speaker", "iphone"),
])
def test_a_device_named_after_the_established_maker_that_leads_is_what_it_works_with(checker_with, title, device):
    result = checker_with()(title, brand=None)
    assert reviewed(result, device, "leads: fine for what it works with")


@pytest.mark.parametrize("title, device", [
    ("magic iphone travel speaker", "iphone"),   # an everyday word leading is no maker
    ("iphone travel speaker", "iphone"),         # nothing leads but the device
])
def test_no_established_maker_leading_leaves_the_device_anothers_mark(checker_with, title, device):
    assert "block" in severities(checker_with()(title, brand=None), device)


def test_the_makers_own_name_leading_is_no_other_maker(checker_with):
    # Apple leading its own iPad: maybe genuine stock, a review, not "works with".
    result = checker_with()("apple ipad 2 16gb wifi tablet", brand=None)
    assert not any("works with" in f.message for f in result.findings)


@pytest.mark.parametrize("title, line", [
    ("IPHONE 15 PRO MAX TITANIUM WHITE", "iphone"),
    ("ThinkPad T460 14in Intel Core i5 8GB 256GB SSD", "thinkpad"),
])
def test_a_device_line_and_its_model_opening_the_title_is_a_specific_product_a_review(checker_with, title, line):
    """How a shop of genuine stock titles a device with no brand column: maybe genuine, a review."""
    assert severities(checker_with()(title, brand=None), line) == {"warn"}


@pytest.mark.parametrize("title, line", [
    ("Xbox One Wireless Controller Black", "xbox one"),  # the line and what it is: no model
    ("TWS earbuds iPhone 15 Pro Max style", "iphone"),   # the line does not open the title
])
def test_a_device_line_without_its_model_or_not_opening_the_title_is_still_blocked(checker_with, title, line):
    assert "block" in severities(checker_with()(title, brand=None), line)


@pytest.mark.parametrize("title, mark", [
    ("std1002b - lumograph pencil break-resistant 2b blue barrel", "lumograph"),
    ("penbl17a - energel liquid gel roller ball pen", "energel"),
])
def test_a_part_number_opening_the_title_leaves_the_maker_in_the_brand_position(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) == {"warn"}


def test_a_size_or_a_word_before_the_mark_is_no_part_number(checker_with):
    # "16gb" is a capacity, not a maker's code: the line after it is no brand position.
    assert "block" in severities(checker_with()("16gb - energel liquid gel roller ball pen", brand=None), "energel")


@pytest.mark.parametrize("title", [
    "rugged shipping case 17 9 16 h x 20 1 8 w x 23 13 16 d outside",
    "poster frame 20 inches x 23 inches",
])
def test_a_side_of_a_size_is_no_character(checker_with, title):
    assert not any(severity == "block" for _, severity, _ in tm_findings(checker_with()(title, brand=None)))


def test_a_console_counted_before_is_no_size(checker_with):
    from compliance.rules.evidence import SIZE_SIDE

    assert SIZE_SIDE.match("x 23") and SIZE_SIDE.match("x-23")
    assert not SIZE_SIDE.match("xbox 360")


def test_a_version_among_others_is_no_mark(checker_with):
    title = "adobe photoshop cs5 image editing software upgrade for windows from cs2 cs3 cs4"
    assert "cs2" not in {text for _, _, text in tm_findings(checker_with()(title, brand=None))}


def test_a_version_alone_is_still_read(checker_with):
    found = tm_findings(checker_with()("CS2 knife skin case opener keychain", brand=None))
    assert ("TM001", "block", "cs2") in found


def test_a_character_name_as_the_leading_makers_line_before_a_model(checker_with):
    title = "asus sabertooth p67 lga 1155 sata 6gbps atx motherboard"
    result = checker_with()(title, brand=None)
    assert "sabertooth" not in {text for _, _, text in tm_findings(result)}
    assert any("product line, not Sabretooth" in str(why) for _, why in result.listing.decisions)


@pytest.mark.parametrize("title", [
    "asus sabertooth p67 figure statue",     # sold as the character's figure
    "sabertooth p67 motherboard",            # no maker leads
    "asus sabertooth motherboard",           # no model follows: the name alone
])
def test_the_character_is_still_read_without_maker_model_and_no_merchandise(checker_with, title):
    assert "sabertooth" in {text for _, _, text in tm_findings(checker_with()(title, brand=None))}


@pytest.mark.parametrize("title", [
    "Specialized Casco De Ciclismo Ultraligero",        # Spanish: cycling
    "Specialized Capacete Bicicleta Estrada",            # Portuguese: bicycle
    "Specialized Helm Sepeda Gunung",                    # Indonesian: bicycle
    "Specialized шлем для велосипеда",                   # Russian: for a bicycle
])
def test_a_keyword_in_the_listings_language_confirms_an_everyday_word_mark(checker_with, title):
    found = tm_findings(checker_with()(title, brand=""))
    assert "specialized" in {text for _, _, text in found}


@pytest.mark.parametrize("title", [
    "Y20s 8GB RAM + 256GB ROM 6.51 Inches 13MP LTE Original Smart Phones",   # "phone" written as the plural
    "Y20s 8GB RAM 256GB ROM 6.51 Inches New Mobile Phones Cheap",
])
def test_a_keyword_written_as_sellers_write_it_confirms_a_model_code(checker_with, title):
    found = tm_findings(checker_with()(title, brand=None))
    assert "y20s" in {text for _, _, text in found}


def test_without_the_keyword_in_any_language_the_everyday_word_is_spared(checker_with):
    found = tm_findings(checker_with()("Specialized Casco Ultraligero Hombre", brand=""))
    assert "specialized" not in {text for _, _, text in found}


def test_keyword_words_are_one_row_per_keyword_with_words():
    from compliance.rules.evidence import keyword_words

    table = keyword_words()
    assert len(table) >= 40 and "bike" in table
    assert all(words and all(w.strip() == w and w for w in words) for words in table.values())


@pytest.mark.parametrize("title, mark", [
    ("razer spectre starcraft ii gaming mouse", "starcraft"),
    ("steelseries shift gaming keyboard-world of warcraft cataclysm edition", "world of warcraft"),
    ("StarCraft II Gaming Mouse | Razer", "starcraft"),            # the maker signing the page's title
    ("StarCraft II Gaming Mouse by Razer", "starcraft"),
])
def test_a_device_maker_leading_a_property_is_its_licensed_edition(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert reviewed(result, mark, "its maker or licensee, leads")


@pytest.mark.parametrize("title, mark", [
    ("Samsung Galaxy S21 Hello Kitty case", "hello kitty"),       # the case fits the device leading it
    ("razer starcraft ii figure statue", "starcraft"),             # a figure is the property itself
    ("Modelo Ultraman Zoffy figure toy con caja", "ultraman"),     # an everyday word leading is no maker
    ("Hello Kitty phone case by Samsung", "hello kitty"),          # signed, still the device it fits
])
def test_no_licensed_edition_where_the_leader_is_what_it_fits_or_no_maker(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark", [
    ("Logitech G PRO Mechanical Gaming Keyboard - League of Legends Edition 920-010537", "league of legends"),
    ("Razer BlackShark V2 headset, édition limitée Fortnite", "fortnite"),
])
def test_a_property_called_the_edition_of_a_device_makers_accessory_is_licensed(checker_with, title, mark):
    # A keyboard or a headset is an accessory of a computer; called the property's edition, with
    # the maker of devices leading, it is that maker's own licensed edition.
    assert reviewed(checker_with()(title, brand=None), mark, "its maker or licensee, leads")


@pytest.mark.parametrize("title, mark", [
    ("Logitech G PRO Mechanical Gaming Keyboard League of Legends", "league of legends"),  # put on, not an edition
    ("Mechanical Gaming Keyboard - League of Legends Edition", "league of legends"),       # no maker leads
])
def test_an_edition_needs_the_word_and_a_device_maker_leading(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark, owner", [
    ("Barbie Dreamtopia Doll Original Mattel Boneka Anak", "barbie", "Mattel"),
    ("Rg Bandai Astray Marco Rojo Gundam", "gundam", "Bandai"),
])
def test_a_property_beside_its_owners_house_mark_is_the_owners_product(checker_with, title, mark, owner):
    result = checker_with()(title, brand=None)
    assert reviewed(result, mark, f"the title says {owner}, its owner, makes")


@pytest.mark.parametrize("title, mark", [
    ("disney toy story alarm clock radio", "toy story"),
    ("disney princess mini boombox", "disney princess"),     # the owner's word opens the property's name
    ("disney pixar toy story and beyond", "disney pixar"),   # an owner written "Disney ... / Pixar"
])
def test_a_studios_name_opening_the_title_with_its_property_is_the_studios_product(checker_with, title, mark):
    """Where the catalog has no brand column, a retail catalog titles a studio's own goods with the
    studio's name first: genuine stock, a review."""
    result = checker_with()(title, brand=None)
    assert reviewed(result, mark, "the title opens with its owner's name ('disney')")


@pytest.mark.parametrize("title, mark", [
    ("boston red sox pink iphone 4 hard case", "boston red sox"),   # a club is its owner's only name
    ("oregon ducks silicone iphone 3g cover case", "oregon ducks"),  # "oregon" is no mark of the university
    ("marvel superhero candy bags 12 pack", "marvel"),              # the studio alone, no property of its
    ("Disney Mickey Mouse imprimé été T-shirt pour femmes", "mickey mouse"),  # clothing: how copies are titled
    ("hello kitty mouse pad", "hello kitty"),                       # a character leading names no owner
    # party supplies: how copies are titled, whatever property they name
    ("Marvel Superhero Candy Bags 12 Pack Avengers Gift Bags For Birthday Parties", "marvel"),
    ("Disney Frozen Globos de cumpleaños 10 piezas", "disney"),
])
def test_no_studios_product_without_the_studio_and_a_property_of_its_own(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


def test_a_studios_name_opening_the_title_is_no_evidence_beside_a_brand_column(checker_with):
    # The column says the product has no brand: the title's leader does not make it the studio's.
    assert "block" in severities(checker_with()("disney toy story alarm clock radio", brand=""), "toy story")


@pytest.mark.parametrize("title, maker", [
    ("Hg Bandai Strike Freedom Gundam 1/144", "bandai"),             # its licensee, after a grade code
    ("Doll Dreamhouse Barbie with accessories by Mattel", "mattel"),  # its owner, signing the title
])
def test_the_maker_of_a_property_the_title_names_is_no_mark_on_anothers_goods(checker_with, title, maker):
    """Where the catalog has no brand column, a maker named beside the property it owns or is
    licensed for names who made the product, wherever it stands: genuine stock, a review."""
    result = checker_with()(title, brand=None)
    assert severities(result, maker) == {"warn"}, result.findings


def test_a_maker_beside_a_property_it_holds_no_licence_for_is_still_a_mark(checker_with):
    result = checker_with()("Hg Mattel Strike Freedom Gundam 1/144", brand=None)
    assert "block" in severities(result, "mattel")


@pytest.mark.parametrize("title, mark", [
    # a line another maker makes under the owner's licence, named as a keyword: no owner
    ("Маска карнавальная Халк светящаяся / маска в виде любимых героев Marvel Legends, Мстители", "халк"),
    ("Funda Pokemon Nintendo Switch OLED", "pokemon"),   # the owner's console: what the case fits
])
def test_no_owners_product_for_a_licensed_line_or_the_device_it_fits(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


def test_a_licensed_edition_needs_a_catalog_without_brand_column(checker_with):
    # With a brand column, the column names the seller; the title's leader is no evidence.
    result = checker_with()("razer spectre starcraft ii gaming mouse", brand="")
    assert "block" in severities(result, "starcraft")


def test_a_misspelling_opening_the_title_is_no_maker_leading(checker_with):
    # "Addidas" is one letter from Adidas: no maker's name written as the maker writes it.
    # ("Polera", Spanish for a T-shirt, was one letter from PowerA too; a word of Spanish is no
    # misspelling now.)
    from compliance.rules.evidence import _other_maker_leads

    title = "[Venta] Addidas Polera De Ciclismo Para Hombres Conjunto Corto MTB Ropa Strava De Jersey"
    result = checker_with()(title, brand=None)
    strava = next(s.data["entry"] for s in result.listing.spans["marks"] if s.text == "Strava")
    assert any(s.text == "Addidas" and s.data["how"] == "typo" for s in result.listing.spans["marks"])
    assert not any(s.text == "Polera" for s in result.listing.spans["marks"])
    assert _other_maker_leads(result.listing, strava) == ""


@pytest.mark.parametrize("title, device", [
    ("ilive iphone alarm clock speaker", "iphone"),
    ("kroo ipad icap black", "ipad"),
    ("soundfly sd wma mp3 player car fm transmitter for sd card usb stick mp3 players ipod zune", "ipod"),
    ("new-ilive ibp181b iphone pll fm radio boom box - ileibp181b", "iphone"),  # "new" glued by a hyphen
    ("new-ihome idm12b ipad tm iphone r ipod r rechargeable portable bluetooth r speaker", "ipad"),
    # an everyday word followed by a maker's part number: that maker's name
    ("griffin gb01994 iphone 4 elan commuter", "iphone"),
    ("cocoon csn346rd netbook ipad sling up to 10.2 inch red", "ipad"),
])
def test_a_coined_name_opening_the_title_is_the_maker_of_what_works_with_the_device(checker_with, title, device):
    result = checker_with()(title, brand=None)
    assert reviewed(result, device, "fine for what it works with")


@pytest.mark.parametrize("title, device", [
    ("efon pintar iPhone 14 Pro Max 16GB 512GB 6.7 inci HD Smartphone", "iphone"),  # a phone itself
    ("kroo ipad icap black", "ipad"),                                          # with a brand column: no
    ("griffin iphone 4 elan commuter", "iphone"),                 # an everyday word, no part number after it
])
def test_no_coined_maker_for_a_phone_itself_or_where_the_brand_column_speaks(checker_with, title, device):
    brand = "" if title.startswith("kroo") else None
    result = checker_with()(title, brand=brand)
    assert not any("fine for what it works with" in f.message for f in result.findings)
    assert "block" in severities(result, device)


@pytest.mark.parametrize("title, mark", [
    ("KIDOO Outdoor Wubble Bubble Ball Inflatable Stretch Balloon 50cm", "wubble bubble ball"),
    ("YOYOKI Beach Wubble Ball 40-120cm Inflatable Water Balloon", "wubble"),  # a size is no model
    # a French word in capitals opening an English title: the label's name, written as its logo
    ("AVRIL Soft Outdoor Balls Stretch Balloons Wubble Bubble Balls Inflatable Transparent", "wubble bubble"),
])
def test_a_mark_after_a_coined_name_opening_the_title_is_what_another_label_sells_as(checker_with, title, mark):
    # the coined name is the product's maker; the mark names what its goods are sold as
    assert severities(checker_with()(title, brand=None), mark) == {"block"}


@pytest.mark.parametrize("title, mark", [
    ("Wubble Bubble Ball with pump, 50cm", "wubble bubble ball"),       # the maker's own name leads: maybe genuine
    ("kroo ipad icap black", "ipad"),                               # a device: what the product works with
])
def test_a_mark_leading_or_fitted_is_no_other_labels_product(checker_with, title, mark):
    assert "block" not in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark", [
    ("SOFT Outdoor Balls Stretch Balloons Wubble Bubble Balls Inflatable Transparent", "wubble bubble"),  # English
    ("Avril Soft Outdoor Balls Stretch Balloons Wubble Bubble Balls Inflatable", "wubble bubble"),  # not a logo
    ("MERAH LOCTITE 545 Sellador De Rosca Rojo Pegamento Para Tuberías 50ML", "loctite"),  # capitals beside capitals
])
def test_a_word_opening_the_title_is_a_label_only_as_a_logo_of_another_language(checker_with, title, mark):
    assert "block" not in severities(checker_with()(title, brand=None), mark)


def test_the_product_a_title_names_picks_the_namesake_of_its_class(checker_with):
    # A voltage regulator is class 9: "apc" there is APC's power gear, not the fashion label A.P.C.
    result = checker_with()("apc le600 line-r 600va automatic voltage regulator", brand=None)
    marks = {f.entry for f in result.findings if f.kind == "trademark"}
    assert "A.P.C." not in marks and "APC" in marks
    assert "block" not in severities(result, "apc")


def test_a_printer_makers_own_ink_is_its_consumable_not_an_everyday_word(checker_with):
    result = checker_with()("canon cli-8m magenta ink tank", brand=None)
    assert reviewed(result, "canon", "part or consumable")


def test_a_mark_for_other_goods_is_no_block_on_office_supplies(checker_with):
    # Lee's jeans are not fingertip moisteners (class 16).
    result = checker_with()("lee 10132 - sortkwik fingertip moisteners 2 pack", brand=None)
    assert "block" not in severities(result, "lee")


def test_a_headset_for_radios_of_these_makers_is_compatibility(checker_with):
    title = "Гарнитура для раций Baofeng, Kenwood, в тканевой оплетке"
    assert ("TM003", "info", "kenwood") in tm_findings(checker_with()(title, brand=None))


def test_a_makers_own_memory_is_no_compatibility(checker_with):
    # "8GB DDR3 1600MHz" is a capacity, a memory standard and a speed, no model of a device that
    # the memory would fit: Kingston's own part, a review.
    result = checker_with()("Kingston 8GB DDR3 1600MHz Memory", brand=None)
    assert reviewed(result, "kingston", "part or consumable")
    assert not [f for f in result.findings if f.rule == "TM003"]


@pytest.mark.parametrize("after, model", [
    (" 8GB DDR3 1600MHz Memory", False),
    (" GDDR6 12GB graphics card", False),
    (" Mi Pad 4 Plus", True),
    (" AM115 speaker", True),
])
def test_sizes_speeds_and_memory_standards_are_no_model(after, model):
    from compliance.rules.evidence import _model_named

    assert _model_named("Maker" + after, len("Maker")) is model


def test_a_numbered_line_right_after_its_maker_is_a_specific_product(checker_with):
    # "Flip 5" is a line of JBL's owner with its model number, right after JBL: maybe genuine stock.
    result = checker_with()("JBL Flip 5 portable speaker", brand=None)
    assert severities(result, "flip 5") == {"warn"}


def test_a_numbered_line_without_its_maker_is_still_anothers_mark(checker_with):
    assert "block" in severities(checker_with()("Flip 5 portable speaker bluetooth", brand=None), "flip 5")


def test_a_laptop_titled_notebook_is_no_other_goods_for_its_maker(checker_with):
    # Computer shops title laptops "Notebook": the maker's mark is its own stock, not "registered
    # for other goods" (paper notebooks are class 16, laptops 9).
    result = checker_with()("lenovo thinkpad sl510 2847czu 15.6 led notebook - core 2 duo", brand=None)
    assert not any("registered for other goods" in f.message for f in result.findings)


@pytest.mark.parametrize("title, mark", [
    ("Festplatte Lexar Professional 1000x 64GB SDXC UHS-II Card", "lexar"),
    ("Disque dur Seagate BarraCuda 2TB SATA", "seagate"),
    ("Voeding Seasonic Focus Plus Gold 550W", "seasonic"),           # a Dutch shop's power supply
    ("Behuizing Fractal Design Define 7 Zwart", "fractal design"),    # and its computer case
])
def test_a_maker_after_the_product_a_european_shops_title_names_is_its_maker(checker_with, title, mark):
    # As "Lampu LED Philips" names Philips' lamp: the product first, then its maker.
    assert severities(checker_with()(title, brand=None), mark) == {"warn"}


@pytest.mark.parametrize("title, mark", [
    ("Netgear Nighthawk AC1900 Dual Band Wi-Fi Gigabit Router R7000", "netgear"),
    ("TP-Link AC1750 dual band router", "tp-link"),
])
def test_a_routers_dual_band_is_no_strap_made_for_the_maker(checker_with, title, mark):
    # "Dual band" is the router's radio, not a watch band: the maker's own router, a review.
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"warn"}
    assert not any(f.rule == "TM003" for f in result.findings)


def test_a_band_for_a_watch_is_still_what_it_fits(checker_with):
    result = checker_with()("Galaxy Watch 5 band silicone", brand=None)
    assert {rule for rule, _, _ in tm_findings(result)} == {"TM003"}


@pytest.mark.parametrize("title", [
    "vistaquest vq-8920 sport 8mp underwater camera",     # a short name is a model code's letters
    "sony stp-fsa floating camera strap",
    "pair of kenwood kfc-x173 two-way car audio speakers",
])
def test_a_short_name_inside_another_makers_model_code_is_not_named(checker_with, title):
    # the maker leading is a review of its own; the code's letters name nothing
    code = next(w for w in title.split() if "-" in w)
    assert not [f for f in tm_findings(checker_with()(title, brand=None)) if f[2] in code]


def test_a_short_name_on_its_own_goods_is_still_the_mark(checker_with):
    result = checker_with()("VQ Pantalones Cortos Casuales Para Correr Fitness Verano", brand=None)
    assert severities(result, "vq") == {"block"}
    # "new" glued to a maker's name by a feed is no model code
    assert severities(checker_with()("new-bic mv11bk velocity mechanical pencil", brand=None), "bic") == {"warn"}


@pytest.mark.parametrize("title", [
    "Gorras De Béisbol Alo Espejo De Importación ORI",
    "American Alo Pantalones De Yoga De Cintura Alta",
])
def test_a_house_known_by_its_short_name_is_named_by_it(checker_with, title):
    # Alo Yoga's caps and leggings carry its short name, no everyday word of the seed's languages
    result = checker_with()(title, brand=None)
    assert "Alo Yoga" in {f.entry for f in result.findings if f.severity == "block"}


def test_a_model_code_right_after_another_makers_name_is_no_disguised_mark(checker_with):
    # "P5 Plus" reads like "PS Plus" with a digit for the S: after Crucial it is Crucial's SSD
    result = checker_with()("Disco SSD Crucial P5 Plus 1TB M.2 NVMe PCIe 4.0", brand=None)
    assert "PlayStation Plus" not in {f.entry for f in result.findings}
    alone = checker_with()("Tarjeta P5 Plus 12 meses suscripcion", brand=None)
    assert "block" in severities(alone, "p5 plus")


@pytest.mark.parametrize("title", [
    "marware sportsuit sensor case for nike ipod sport kit for ipod nano 3g black",
    "switcheasy runaway nike plus ipod anyshoe adapter black",
])
def test_the_nike_ipod_sensor_kit_is_a_device_its_holders_fit_not_nike_on_other_goods(checker_with, title):
    result = checker_with()(title, brand=None)
    assert not [f for f in result.findings if f.severity == "block"], result.findings
    assert severities(result, "nike") == set()  # read as the kit, not as the shoe maker


def test_nike_alone_is_still_nike(checker_with):
    assert severities(checker_with()("nike running shoes for men", brand=None), "nike") == {"block"}


@pytest.mark.parametrize("title, mark", [
    ("Party Balloon Set 32PCS Officially Licensed Disney Stitch Theme Decoration", "stitch"),
    ("Camiseta Spider-Man licencia oficial para niños", "spider-man"),
    ("Футболка детская лицензионная Человек-паук", "человек-паук"),
])
def test_a_property_on_goods_the_title_says_are_licensed_is_a_review_of_the_licence(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"warn"}, result.findings
    assert any("says is licensed" in f.message for f in result.findings if f.text.lower() == mark)


@pytest.mark.parametrize("title, mark", [
    ("Party Balloon Set 32PCS Disney Stitch Theme Decoration", "stitch"),           # no claim
    ("Officially Licensed Stitch plush 1:1 replica", "stitch"),                    # copy words still fail
])
def test_without_the_claim_or_beside_copy_words_the_property_still_fails(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark", [
    # "wireless" opening a Russian title, in an inflection the frequency lists hardly know
    ("Беспроводные наушники AirDots с микрофоном и блютуз", "airdots"),
])
def test_a_word_of_the_titles_own_script_opening_it_is_no_coined_maker(checker_with, title, mark):
    # titles written in another script name their maker in Latin letters: the opening word is
    # what the product is, so the mark after it is not what another maker's product works with
    result = checker_with()(title, brand=None)
    assert not any("fine for what it works with" in f.message for f in result.findings)
    assert "block" in severities(result, mark)


def test_a_cover_named_in_russian_is_a_part_made_for_the_device(checker_with):
    result = checker_with()("Задняя крышка батарейного отсека геймпада Xbox One", brand=None)
    assert "block" not in severities(result, "xbox one")
    assert any(rule == "TM003" for rule, _, text in tm_findings(result) if text == "xbox one")


@pytest.mark.parametrize("title, fires", [
    ("Беспроводные наушники in Pods. Блютуз наушники с анимацией", True),
    ("TWS Pods earbuds wireless, touch control", True),
    # the house named only as what they connect to does not make them its product
    ("Беспроводные наушники Pods с анимацией. Bluetooth наушники для Apple и андроид", True),
    # an everyday word before a slash says what they are, not who made them
    ("Беспроводные наушники Pro / Pods Pro / A3 Pro с микрофоном", True),
    # "TWS" says what kind of earbuds they are (true wireless), not who made them
    ("Беспроводные bluetooth наушники tws pods pro для iphone для Android", True),
    ("Laundry detergent pods 60 count", False),      # pods of another kind of goods
    ("Coffee pods for the office, 100 pack", False),
])
def test_pods_is_apples_mark_only_in_a_listing_of_headphones(checker_with, title, fires):
    # the name AirPods clones are sold under; an everyday word anywhere else
    assert ("block" in severities(checker_with()(title, brand=None), "pods")) is fires


@pytest.mark.parametrize("title, mark", [
    ("hello kitty 11409-hk earbuds", "hello kitty"),
    ("spectra hello kitty kt7002 - digital camera - compact", "hello kitty"),
    ("memorex disney princess dp3501-prn - dvd player - portable", "disney princess"),
    ("Наушники Hello Kitty HK-20351 проводные", "hello kitty"),
    ("hello kitty 87009 7.1 megapixel digital camera", "hello kitty"),   # a model number right after it
    ("hello kitty 87010 digital camera with carrying case", "hello kitty"),  # the case comes with it
])
def test_a_device_listed_with_its_makers_part_number_is_a_licensed_makers_stock_a_review(checker_with, title, mark):
    """How retail catalogs list licensed electronics: the device and its maker's part number."""
    assert reviewed(checker_with()(title, brand=None), mark, "listed with its maker's part number")


@pytest.mark.parametrize("title, brand, mark", [
    ("Hello Kitty Bluetooth Earphones TWS Wireless Earbuds Cute Cartoon", None, "hello kitty"),  # no part number
    ("hello kitty 11409-hk earbuds", "Generic", "hello kitty"),               # the brand cell says nobody's
    ("Stitch plush toy ab12345 with speaker", None, "stitch"),                 # the character itself
    ("Hello Kitty covers for WH-1000XM5 headphones", None, "hello kitty"),    # the device's code, not its own
    ("hello kitty case 87010 for digital camera", None, "hello kitty"),       # the case named first is what sells
    ("hello kitty 11409-hk earbuds replica", None, "hello kitty"),            # copy words
    ("hello kitty 11409-hk mug", None, "hello kitty"),                        # no device
    ("Hello Kitty 2023 digital camera kids", None, "hello kitty"),            # a year, not a model number
    ("Hello Kitty digital camera 87009", None, "hello kitty"),                # a number not right after it
])
def test_no_licensed_device_without_its_own_part_number_or_with_signs_of_a_copy(checker_with, title, brand, mark):
    result = checker_with()(title, brand=brand)
    assert "block" in severities(result, mark)
    assert not reviewed(result, mark, "listed with its maker's part number")


@pytest.mark.parametrize("title, makers", [
    ("car charger for tablets smart phones and gaming devices including apple ipad htc evo motorola droid",
     ("apple", "htc", "motorola")),
    ("Travel adapter for phones such as Samsung Galaxy and HTC One", ("samsung", "htc")),
])
def test_makers_brought_in_as_examples_of_the_devices_it_is_for_are_what_it_fits(checker_with, title, makers):
    result = checker_with()(title, brand=None)
    for maker in makers:
        assert severities(result, maker) == {"info"}, maker


def test_including_after_no_device_word_ends_the_list(checker_with):
    # "for kids including Disney stickers": the kids are no device, Disney is what the set contains.
    assert "block" in severities(checker_with()("gift box for kids including disney frozen stickers", brand=None),
                                 "disney")



@pytest.mark.parametrize("title, mark, severity", [
    # How a retail catalog lists a maker's licensed edition: a review of the licence.
    ("razer messenger bag - dragon age ii rc21-00320100-r3m1", "dragon age", "warn"),
    # A plush is the character itself: no maker's code makes it a licensed edition.
    ("Razer Pikachu Plush Toy rc21-00320100-r3m1", "pikachu", "block"),
])
def test_a_known_maker_leading_with_its_part_number_lists_its_licensed_edition(checker_with, title, mark, severity):
    assert severities(checker_with()(title, brand=None), mark) == {severity}
