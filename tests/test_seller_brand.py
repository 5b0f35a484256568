"""What the catalog says of the listing's own brand: no brand column, an empty or Generic cell,
or another company; and the maker's own name, line and chargers read in that light."""
import datetime as dt

import pytest

from compliance.blocklist import Entry, link_lines
from compliance.check import Checker
from compliance.listing import Listing
from compliance.platforms import load_platforms, parse_targets
from compliance.rules.evidence import SellerBrand, gather
from compliance.rules.trademark import mark_decisions

from .rule_harness import severities

E = frozenset({9})
ENTRIES = link_lines([
    Entry("Belkin", "trademark", owner="Belkin International", classes=E, goods="device"),
    Entry("Apple", "trademark", owner="Apple Inc.", classes=frozenset({9, 14}), goods="device", generic=True),
    Entry("MacBook Pro", "trademark", owner="Apple Inc.", classes=E, goods="device"),
    Entry("iPod", "trademark", owner="Apple Inc.", classes=E, goods="device"),
    Entry("AirPods", "trademark", owner="Apple Inc.", classes=E, goods="device"),
    Entry("Corsair", "trademark", owner="Corsair Memory, Inc.", classes=E, goods="device"),
    Entry("Vengeance", "trademark", owner="Corsair Gaming, Inc.", classes=E, goods="device"),
    Entry("Sony", "trademark", owner="Sony Group Corporation", classes=E, goods="device"),
    Entry("Nike", "trademark", owner="Nike, Inc.", classes=frozenset({25}), goods="fashion"),
    Entry("Baseus", "trademark", owner="Shenzhen Baseus Technology", classes=E, goods="other"),
    Entry("Disney Cars", "trademark", owner="Disney Enterprises, Inc.", aliases=("Тачки",),
          classes=frozenset({16, 21, 25, 28}), goods="character"),
    Entry("Samsonite", "trademark", owner="Samsonite IP Holdings", classes=frozenset({18}), goods="fashion"),
    Entry("American Tourister", "trademark", owner="Samsonite IP Holdings", classes=frozenset({18}),
          goods="fashion"),
    Entry("X-23", "trademark", owner="Marvel Characters, Inc.", classes=frozenset({16, 25, 28}), goods="character"),
    Entry("LCS", "trademark", owner="Riot Games, Inc.", classes=frozenset({9, 25, 41}), goods="sports"),
    Entry("Shrek", "trademark", owner="DreamWorks Animation L.L.C.", classes=frozenset({16, 21, 25, 28}),
          goods="character"),
    Entry("Manchester City", "trademark", owner="Manchester City Football Club", classes=frozenset({21, 25, 28}),
          goods="sports"),
    Entry("Western Digital", "trademark", owner="Western Digital Technologies, Inc.", classes=E, goods="device"),
    Entry("My Book", "trademark", owner="Western Digital Corporation", classes=E, goods="device"),
    Entry("Ricoh", "trademark", owner="Ricoh Imaging Company, Ltd.", classes=E, goods="device"),
    Entry("Pentax", "trademark", owner="Ricoh Imaging Company, Ltd.", classes=E, goods="device"),
    Entry("Chupa Chups", "trademark", owner="Perfetti Van Melle", aliases=("Чупа Чупс",), classes=frozenset({30}),
          goods="food"),
    Entry("GeForce RTX", "trademark", owner="NVIDIA Corporation", classes=E, goods="component"),
    Entry("Seagate", "trademark", owner="Seagate Technology LLC", classes=E, goods="device"),
    Entry("IronWolf", "trademark", owner="Seagate Technology LLC", classes=E, goods="device"),
    # A sub-brand: the owner names the company that sells under it, and its parent
    Entry("LaCie", "trademark", owner="LaCie (Seagate Technology LLC)", classes=E, goods="device"),
    Entry("JVC", "trademark", owner="JVCKenwood Corporation", classes=E, goods="device"),
    Entry("OPPO", "trademark", owner="Guangdong Oppo Mobile", classes=E, goods="device"),
    Entry("Coway", "trademark", owner="Coway Co., Ltd.", classes=frozenset({7, 11}), goods="appliance"),
    Entry("Infinix", "trademark", owner="Transsion Holdings", classes=E, goods="device"),
    Entry("Hot", "trademark", owner="Transsion Holdings", classes=E, goods="device", generic=True,
          keywords=("Infinix",)),
    Entry("ADATA", "trademark", owner="ADATA Technology", classes=E, goods="device"),
    Entry("Rev'It!", "trademark", owner="REV'IT! Sport International", classes=frozenset({9, 25}), goods="fashion"),
    Entry("Seiko", "trademark", owner="Seiko Group Corporation", classes=frozenset({9, 14}), goods="luxury"),
    Entry("Herbalife", "trademark", owner="Herbalife International", classes=frozenset({29, 30}), goods="food"),
    Entry("ZTE", "trademark", owner="ZTE Corporation", classes=E, goods="device"),
    Entry("TP-Link", "trademark", owner="TP-Link Corporation", classes=E, goods="device"),
    Entry("Yonex", "trademark", owner="Yonex Kabushiki Kaisha", classes=frozenset({18, 25, 28}), goods="other"),
    Entry("Astrox", "trademark", owner="Yonex Kabushiki Kaisha", aliases=("Yonex Astrox",),
          classes=frozenset({18, 25, 28}), goods="other"),
])


@pytest.fixture(scope="module")
def checker():
    return Checker(parse_targets(["amazon:US"], load_platforms()), ENTRIES, as_of=dt.date(2026, 1, 1))


def _blocks(checker, values: dict) -> set[str]:
    result = checker.check_batch([Listing.from_values("T1", 1, values)])[0]
    return {f.entry for f in result.findings if f.kind == "trademark" and f.severity == "block"}


def _warns(checker, values: dict) -> set[str]:
    result = checker.check_batch([Listing.from_values("T1", 1, values)])[0]
    return {f.entry for f in result.findings if f.kind == "trademark" and f.severity == "warn"}


def test_a_missing_brand_column_is_unknown_and_an_empty_or_generic_cell_is_none(checker):
    def seller(values):
        listing = Listing.from_values("T1", 1, values)
        checker.check_batch([listing])
        span = next(s for s in listing.spans["marks"] if s.kind == "mark")
        return gather(listing, span).seller
    assert seller({"title": "Belkin wireless mouse"}) is SellerBrand.UNKNOWN
    assert seller({"title": "Belkin wireless mouse", "brand": ""}) is SellerBrand.NONE
    assert seller({"title": "Belkin wireless mouse", "brand": "Generic"}) is SellerBrand.NONE
    assert seller({"title": "Belkin wireless mouse", "brand": "Acme"}) is SellerBrand.OTHER


@pytest.mark.parametrize("title", [
    "Belkin USB wireless mobile mouse plum berry",      # the maker leads: a shop's genuine stock
    "Sony Walkman 20 pin to USB cable WMCNW20MU",       # a cable with the maker's part number
    "Baseus 160W car charger QC 5.0 fast charging",     # a maker of chargers names its own charger
    "Apple USB-C to Lightning cable 1m",                # a device maker's own cable, as a retailer titles it
    "sony usb wi-fi adapter",                           # a retail table's lower-case title
    "belkin usb wireless mouse - wired - black - oem",  # OEM packaging: no claim to be the retail original
    "Original Belkin USB wireless mouse",               # a claim shops of genuine stock make as copies do
    "Mouse Belkin original wireless",
])
def test_the_maker_leading_a_title_with_no_brand_column_is_a_review(checker, title):
    assert _blocks(checker, {"title": title}) == set()
    assert _warns(checker, {"title": title})


@pytest.mark.parametrize("values", [
    {"title": "Belkin USB wireless mobile mouse plum berry", "brand": ""},         # brand column left empty
    {"title": "Belkin USB wireless mobile mouse plum berry", "brand": "Generic"},  # says unbranded
    {"title": "AirPods Pro TWS wireless earbuds noise cancelling"},                   # a product line alone
    {"title": "Nike running shoes for men"},                                       # copies are made of it
    {"title": "Apple USB-C to Lightning cable 1m", "brand": ""},                   # a cable passing as the maker's
    {"title": "Apple USB-C to Lightning cable 1m", "brand": "Generic"},            # says unbranded
])
def test_what_still_blocks_without_a_brand(checker, values):
    assert _blocks(checker, values)


@pytest.mark.parametrize("title", [
    "seiko instruments self-adhesive address labels for smart label printer 220",  # the house's other business
    "Seiko smart label printer 650 USB",
])
def test_a_watch_house_leading_a_title_of_other_goods_with_no_brand_column_is_a_review(checker, title):
    assert _blocks(checker, {"title": title}) == set()
    assert "Seiko" in _warns(checker, {"title": title})


@pytest.mark.parametrize("title", [
    "Seiko automatic men's watch stainless steel",   # its own kind of goods: what copies are titled with
    "Seiko phone case leather",                      # on a decorative product
    "Seiko 5 sports",                                # the listing does not say what it sells
])
def test_a_watch_house_on_its_own_goods_or_merchandise_still_blocks_with_no_brand_column(checker, title):
    assert _blocks(checker, {"title": title}) == {"Seiko"}


def test_every_garment_is_a_merchandise_noun_the_evidence_reads():
    from compliance.rules.evidence import merchandise_nouns
    from compliance.rules.trademark import GARMENTS

    assert GARMENTS <= merchandise_nouns(), sorted(GARMENTS - merchandise_nouns())


@pytest.mark.parametrize("values", [
    {"title": "Herbalife cycling jersey for men"},                        # no brand column
    {"title": "Polera de ciclismo Herbalife manga larga", "brand": ""},  # the brand column names no brand
    {"title": "Herbalife fans supporter t-shirt cotton"},
    {"title": "Herbalife shaker bottle 600ml"},   # a drink brand on drinkware it does not make, too
])
def test_a_company_named_on_clothing_it_does_not_make_is_its_merchandise(checker, values):
    assert _blocks(checker, values) == {"Herbalife"}


@pytest.mark.parametrize("values", [
    {"title": "Herbalife cycling jersey long sleeve men", "brand": "Acme"},   # a company that may be licensed
    {"title": "Herbalife cycling jersey long sleeve men", "brand": "Herbalife"},  # its own
    {"title": "Herbalife Formula 1 shake vanilla 750g"},                       # its own goods: a resale
])
def test_a_company_on_clothing_is_no_merchandise_where_a_brand_or_its_own_goods_say_otherwise(checker, values):
    assert _blocks(checker, values) == set()


def test_the_makers_own_line_after_its_name_is_one_specific_product(checker):
    # Apple and MacBook Pro are one product, and so are owners sharing their first word
    assert _blocks(checker, {"title": "Apple MacBook Pro 13 inch laptop"}) == set()
    assert _blocks(checker, {"title": "Corsair Vengeance LPX 16GB DDR4 3000"}) == set()


def test_a_graphics_chip_in_a_board_makers_card_is_a_component(checker):
    assert _blocks(checker, {"title": "Zotac GeForce RTX 3060 Twin Edge 12GB", "brand": "Zotac"}) == set()


@pytest.mark.parametrize("title, blocked", [
    ("retract 4n1 ipod charger black", set()),          # the device just before the charger: what it is for
    ("iPod charger retractable 4 in 1", {"iPod"}),      # leading the title: the charger's claimed maker
    ("USB iPod C fast charging cable 6ft", {"iPod"}),   # inside a connector's name, far from the cable
])
def test_a_device_named_just_before_a_charger_by_another_company(checker, title, blocked):
    assert _blocks(checker, {"title": title, "brand": "Emerge Tech"}) == blocked


@pytest.mark.parametrize("title, blocked", [
    ("zte f160 premium heavy duty car charger micro usb", set()),   # the phone's model: what it charges
    ("sony walkman nw-a45 usb charger cable", set()),               # its line and its model
    ("ZTE car charger micro usb fast", {"ZTE"}),                    # the maker and what it is: passes as ZTE's
    ("zte f160 original car charger", {"ZTE"}),                     # claimed the maker's own
])
def test_a_device_model_leading_a_charger_by_another_company_is_what_it_charges(checker, title, blocked):
    assert _blocks(checker, {"title": title, "brand": "newyorkcellphone"}) == blocked


def test_the_makers_part_number_leading_an_adapter_by_another_company_is_a_review(checker):
    # the adapter may be the maker's own product, resold under a distributor's name
    values = {"title": "tp-link tl-wn822n 300 mbps wireless n usb adapter", "brand": "global marketing partners"}
    assert _blocks(checker, values) == set() and _warns(checker, values) == {"TP-Link"}


def test_explain_says_which_brand_situation_decided(checker):
    listing = Listing.from_values("T1", 1, {"title": "Belkin USB wireless mobile mouse"})
    checker.check_batch([listing])
    decision = next(d for d in mark_decisions(listing) if d.span.text == "Belkin")
    assert decision.step == "maybe_genuine"
    assert "no brand column" in decision.outcome.message


@pytest.mark.parametrize("values, maker", [
    ({"title": "Миска Stor Disney Cars (Тачки), 500 мл"}, "stor"),            # the maker just before the mark
    ({"title": "Сумка детская ND Play / Рюкзак Тачки"}, "ndplay"),            # the maker before a slash
    ({"title": "Наушники Pro / Pods Pro с микрофоном"}, ""),                 # an everyday word: what it is
    ({"title": "Беспроводные наушники TWS Pods Pro для iPhone"}, ""),        # a technical term: what it is
    ({"title": "Миска детская Тачки, Stor"}, ""),                              # after the mark: no maker
    ({"title": "Hori / Сменные накладки Тачки"}, "hori"),                      # "Maker / product" in Russian
    ({"title": "Hori / Switch grips Тачки"}, ""),                              # a Latin title: nothing tells
    ({"title": "Stor bowl Disney Cars 500 ml"}, ""),                           # a Latin title: nothing tells
    ({"title": "Миска Stor Disney Cars", "brand": ""}, ""),                    # the brand column says
    ({"title": "Promoción jersey Disney Cars"}, ""),                           # accented Latin is no other script
])
def test_a_title_in_another_script_names_its_maker_in_latin_letters(checker, values, maker):
    from compliance.rules.evidence import title_maker
    listing = Listing.from_values("T1", 1, values)
    checker.check_batch([listing])
    assert title_maker(listing) == maker


def test_character_merchandise_by_a_known_licensee_named_in_the_title_is_licensed(checker):
    # no brand column: Stor, named as Ozon's titles name the seller, holds a Disney licence
    assert _blocks(checker, {"title": "Миска Stor Disney Cars (Тачки), 500 мл"}) == set()
    assert _warns(checker, {"title": "Миска Stor Disney Cars (Тачки), 500 мл"}) == set()
    assert _blocks(checker, {"title": "Миска детская Disney Cars (Тачки), 500 мл"}) == {"Disney Cars"}


@pytest.mark.parametrize("values, blocked", [
    ({"title": "Shrek / Кружка подарочная с рисунком"}, {"Shrek"}),     # the property where the seller goes
    ({"title": "Manchester City / Шарф болельщика"}, {"Manchester City"}),
    ({"title": "Кружка Shrek", "brand": "Shrek"}, set()),                 # the catalog's own brand column says
    ({"title": "Hori / Сменные накладки для геймпада"}, set()),          # a maker in that place stays a maker
])
def test_a_property_named_where_the_title_names_its_maker_is_no_maker(checker, values, blocked):
    # no brand column: a character or team in the seller's place of an Ozon title is what the goods are
    # sold on; a licensee names itself there
    assert _blocks(checker, values) == blocked


def test_character_merchandise_by_an_established_maker_named_in_the_title_is_a_licence_review(checker):
    # HORI is a real company that makes licensed accessories: whether this licence is among them is a review
    values = {"title": "HORI / Сменные накладки для геймпада Тачки"}
    assert _blocks(checker, values) == set() and _warns(checker, values) == {"Disney Cars"}


@pytest.mark.parametrize("title", [
    "PIFPAF KIDS / Рюкзак детский дошкольный / Тачки",      # before a slash, as Ozon prints the seller
    "Накладки на стики Zorgo Тачки для геймпада",            # in Latin letters just before the property
])
def test_character_merchandise_by_a_label_no_list_knows_fails(checker, title):
    # a shop's own label is no sign of a licence: the property sells the goods
    listing = Listing.from_values("T1", 1, {"title": title})
    result = checker.check_batch([listing])[0]
    blocks = [f for f in result.findings if f.rule == "TM001" and f.severity == "block"]
    assert [f.entry for f in blocks] == ["Disney Cars"]
    assert "no list knows as a company or licensee" in blocks[0].message
    assert "--authorized" in blocks[0].fix


@pytest.mark.parametrize("values", [
    {"title": "zorgo iphone 4 case cars lightning mcqueen"},          # a retailer's title opening with its maker
    {"title": "Рюкзак детский Тачки", "brand": "Zorgo"},              # the catalog's own brand column
    {"title": "PIFPAF KIDS / Рюкзак детский", "description": "Рисунок: Тачки, Молния Маккуин"},  # not the title
])
def test_an_unknown_maker_is_a_licence_review_where_the_catalog_itself_names_it(checker, values):
    # retailers' tables name small licensed makers too: only the marketplace title's seller label fails,
    # and only for the property its title sells
    assert _blocks(checker, values) == set()


def test_a_licence_the_seller_names_spares_its_label(checker_with):
    result = checker_with(authorized=("Disney",))("PIFPAF KIDS / Рюкзак детский дошкольный / Тачки")
    assert not [f for f in result.findings if f.kind == "trademark" and f.severity == "block"]


def test_a_brand_column_naming_a_sister_mark_of_the_same_owner_is_the_family(checker):
    values = {"title": "Samsonite double gusset leather portfolio computer case", "brand": "American Tourister"}
    assert _blocks(checker, values) == set() and _warns(checker, values) == set()
    assert _blocks(checker, {**values, "brand": "Acme Travel"}) == {"Samsonite"}


@pytest.mark.parametrize("title", [
    "Post-it easel pad self-stick tabletop 20 inches x 23 inches white",  # a size, not the character X-23
    "Sony LCS-CSVB soft carrying case with metal accents",                # a model code, not the league LCS
    "sony lcs-cst general purpose soft carrying case",                    # three letters are a code's too
])
def test_a_character_or_team_read_inside_a_size_or_a_model_code_is_not_named(checker, title):
    assert _blocks(checker, {"title": title, "brand": "Acme"}) == set()
    assert _warns(checker, {"title": title, "brand": "Acme"}) == set()


@pytest.mark.parametrize("title, mark", [
    ("ShrekTumbler Taza De Viaje Paja Cubre Con Tapa Aislado Botella De Acero Inoxidable", "Shrek"),
    ("Manchester CityTumbler Taza De Viaje Con Tapa", "Manchester City"),
])
def test_a_character_or_team_glued_to_the_product_word_is_named_not_a_model_code(checker, title, mark):
    """Words glued at a capital are words: the name before the glue is on the tumbler."""
    assert _blocks(checker, {"title": title}) == {mark}


def test_a_character_named_as_such_still_counts(checker):
    assert _blocks(checker, {"title": "X-23 action figure 6 inch", "brand": "Acme"}) == set()
    assert _warns(checker, {"title": "X-23 action figure 6 inch", "brand": "Acme"}) == {"X-23"}
    assert _blocks(checker, {"title": "X-23 action figure 6 inch", "brand": ""}) == {"X-23"}


@pytest.mark.parametrize("title", [
    "Western Digital My Book Essential 1 TB USB 3.0 desktop external hard drive",  # the maker, then its line
    "Pentax DSmobile 600 scanner",   # a line of Ricoh's that retailers list as a maker of its own
])
def test_a_maker_and_its_line_with_no_brand_column_is_a_review(checker, title):
    assert _blocks(checker, {"title": title}) == set()


def _catalog(tmp_path, brands):
    rows = ["id,title,brand"] + [f"R{i},Belkin USB wireless mobile mouse {i},{b}" for i, b in enumerate(brands)]
    path = tmp_path / "catalog.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_brand_column_empty_in_most_rows_says_nothing_of_an_empty_cell(checker, tmp_path):
    from compliance.catalog import read_catalog

    layout, listings = read_catalog(_catalog(tmp_path, ["", "", "", "Zonsan"]))
    results = checker.check_batch(list(listings))
    blocked = [r.listing.id for r in results if any(f.severity == "block" for f in r.findings)]
    assert blocked == ["R3"]  # the empty cells read as unknown; Zonsan still names another company
    assert layout.notes and "empty in 3 of the first 4 rows" in layout.notes[0]


def test_an_empty_cell_in_a_filled_brand_column_says_no_brand(checker, tmp_path):
    from compliance.catalog import read_catalog

    layout, listings = read_catalog(_catalog(tmp_path, ["Zonsan", "Zonsan", "Belkin", ""]))
    results = checker.check_batch(list(listings))
    blocked = [r.listing.id for r in results if any(f.severity == "block" for f in r.findings)]
    assert blocked == ["R0", "R1", "R3"] and layout.notes == []


@pytest.mark.parametrize("title, blocked", [
    ("Сладкий букет из Чупа Чупс / Сладкий подарок", set()),        # a bouquet made of the sweets
    ("Gift box filled with Chupa Chups lollipops", set()),
    ("Chupa Chups candy sweet 100 pcs", {"Chupa Chups"}),             # unbranded goods named after it
])
def test_a_product_made_of_a_makers_sweets_uses_them_as_material(checker, title, blocked):
    assert _blocks(checker, {"title": title, "brand": ""}) == blocked


def test_the_brand_column_read_ahead_keeps_no_listing_it_has_handed_on(tmp_path):
    import gc
    import weakref

    from compliance.catalog import read_catalog

    _, listings = read_catalog(_catalog(tmp_path, [""] * 30 + ["Zonsan"] * 10))
    handed = [weakref.ref(next(listings)) for _ in range(20)]  # the generator is still open
    gc.collect()
    assert all(ref() is None for ref in handed)


@pytest.mark.parametrize("title, blocked", [
    # an official store: the maker's own warranty named beside "original", and the maker named again
    ("Belkin USB wireless mouse - Original, 2 Year Warranty by Belkin Malaysia", set()),
    ("Belkin USB wireless mouse original garansi resmi", set()),
    ("Belkin USB wireless mouse Original Garansi 2 Tahun Official", set()),  # the warranty's length between
    # "original", with a shop's own warranty or none, is a claim copies make too: still a review
    ("Original Belkin USB wireless mouse", set()),
    ("Belkin USB wireless mouse original 1 year warranty", set()),
    ("Wardah Lightening Day Cream 30ml Original BPOM", set()),
])
def test_a_makers_warranty_in_the_title_reads_as_an_official_store(checker, title, blocked):
    assert _blocks(checker, {"title": title}) == blocked


@pytest.mark.parametrize("title, blocked, warned", [
    # a fashion or watch house with the distributor's warranty: its authorised dealer's stock
    ("Seiko 5 Sports SRPD55K1 Automatic Original Garansi Resmi", set(), {"Seiko"}),
    ("Samsonite Koper Proxis Spinner 55/20 Garansi Resmi 10 Tahun", set(), {"Samsonite"}),
    # without it, what copies are made of; with copy words, a copy whatever the warranty
    ("Seiko 5 Sports SRPD55K1 Automatic Original", {"Seiko"}, set()),
    ("Seiko 5 Sports Automatic Replica Garansi Resmi", {"Seiko"}, set()),
])
def test_a_fashion_house_with_the_official_warranty_is_a_review(checker, title, blocked, warned):
    assert _blocks(checker, {"title": title}) == blocked
    assert _warns(checker, {"title": title}) == warned


@pytest.mark.parametrize("title, brand, blocked, warned", [
    ("OEM Belkin wireless travel mouse", "Gadgetmart", set(), {"Belkin"}),   # a reseller says: the maker's stock
    ("wireless original Belkin travel mouse", "Gadgetmart", set(), {"Belkin"}),
    ("OEM Belkin wireless travel mouse", "", {"Belkin"}, set()),             # unbranded: a copy's words
    ("Original Nike running shoes", "Shoemart", {"Nike"}, set()),            # what copies are made of
])
def test_a_reseller_saying_oem_or_original_before_the_mark_is_a_review(checker, title, brand, blocked, warned):
    values = {"title": title, "brand": brand}
    assert _blocks(checker, values) == blocked
    assert _warns(checker, values) >= warned


def test_a_line_after_its_makers_name_leading_the_title_is_the_makers_product(checker_with):
    # No brand column: the maker leads, so its line further on ("Elements" of Western Digital) is the
    # same product, a review like the maker's name. With the brand column saying Generic, the line
    # right after the maker's short name ("wd elements") is judged as the maker is.
    check = checker_with()
    title = "western digital wd elements 500 gb usb 2.0 portable external hard drive"
    result = check(title, category="external hard drives", brand=None)
    assert not [f for f in result.findings if f.severity == "block"], result.findings
    assert {f.entry for f in result.findings if f.severity == "warn"} >= {"Elements"}
    generic = check(title, category="external hard drives", brand="Generic")
    assert severities(generic, "elements") == severities(generic, "western digital") != set()


@pytest.mark.parametrize("title, maker", [
    ("pioneer deh-6300ub cd receiver with ipod iphone control", "pioneer"),   # a brand retailers list
    ("clarion cx201 double din cd usb mp3 wma ipod receiver", "clarion"),     # a name, then its model code
    ("Veho VCC-003 Muvi micro camcorder", "veho"),
])
def test_with_no_brand_column_a_name_before_a_model_code_leading_the_title_is_the_maker(checker, title, maker):
    from compliance.rules.evidence import title_maker

    listing = Listing.from_values("T1", 1, {"title": title})
    checker.check_batch([listing])
    assert title_maker(listing) == maker


@pytest.mark.parametrize("values", [
    {"title": "wireless ipod receiver cx201"},                  # no name leads
    {"title": "super deh-6300ub receiver"},                     # an everyday word is no maker
    {"title": "Apple A1234 cable"},                             # a mark of the lists decides itself
    {"title": "xyzabc 4k receiver"},                            # a size, not a model code
    {"title": "pioneer deh-6300ub cd receiver", "brand": ""},   # the catalog has a brand column
])
def test_what_is_no_maker_before_a_model_code(checker, values):
    from compliance.rules.evidence import title_maker

    listing = Listing.from_values("T1", 1, values)
    checker.check_batch([listing])
    assert title_maker(listing) == ""


def test_a_device_named_in_a_makers_catalog_title_is_what_it_works_with(checker_with):
    result = checker_with()("pioneer deh-6300ub cd receiver with ipod iphone control", brand=None)
    assert not [f for f in result.findings if f.severity == "block"], result.findings


def test_a_device_named_just_before_the_adapter_mid_title_is_what_it_fits(checker_with):
    # No brand column, another name leading: the device right before the adapter is what it is for.
    check = checker_with()
    result = check("macally podtape ipod cassette tape car adapter", brand=None)
    assert not [f for f in result.findings if f.severity == "block"], result.findings
    assert "TM003" in {f.rule for f in result.findings}
    # Leading the title, the device maker's name is the claimed maker of the adapter: still a failure
    # where the brand column says the product is unbranded.
    assert [f for f in check("ipod cassette tape car adapter", brand="Generic").findings if f.severity == "block"]


def test_a_sub_brand_is_its_own_maker_and_a_line_alone_is_not():
    lines = {e.term: e.line_of for e in ENTRIES}
    assert lines["IronWolf"] == "Seagate" and lines["LaCie"] == ""


@pytest.mark.parametrize("title", [
    "lacie rikiki superspeed 750 gb usb 3.0 portable external hard drive",  # a sub-brand leads
    "(Ready Stock) Belkin USB wireless mobile mouse",                        # after the shop's bracketed tag
    "[Malaysia Set] OPPO A60 128GB smartphone",
    "OPPO A60 - Original OPPO Malaysia",                                     # the maker named twice
])
def test_a_maker_leading_a_title_with_no_brand_column_is_a_review_in_more_ways(checker, title):
    assert _blocks(checker, {"title": title}) == set()
    assert _warns(checker, {"title": title})


def test_a_maker_named_again_is_reported_once(checker):
    result = checker.check_batch([Listing.from_values("T1", 1, {"title": "OPPO A60 - Original OPPO Malaysia"})])[0]
    assert [f.start for f in result.findings if f.entry == "OPPO"] == [0]
    assert any("names OPPO again" in str(why) for _, why in result.listing.decisions)


def test_a_house_named_after_its_line_as_the_maker_is_the_same_claim(checker):
    # The line with its model is the product; the house after it is its maker, not a mark of its own.
    title = "Raket Badminton Yonex Astrox 77 Tour 4U - Original Yonex Indonesia"
    assert _blocks(checker, {"title": title}) == set()
    result = checker.check_batch([Listing.from_values("T1", 1, {"title": title})])[0]
    assert any("names Yonex again" in str(why) for _, why in result.listing.decisions)


@pytest.mark.parametrize("title", [
    "IronWolf 4TB NAS hard drive",                       # a product line alone still passes as the maker's
    "Mouse (Ready Stock) Belkin USB wireless mouse",     # only a bracket the title opens with is a tag
    "Ready Stock Belkin USB wireless mobile mouse",      # and only in brackets
])
def test_what_the_new_readings_still_block(checker, title):
    assert _blocks(checker, {"title": title})


@pytest.mark.parametrize("title", [
    "jvc kd-r620 in dash cd mp3 usb ipod receiver aux-in",
    "jvc home nxpn10 10w ipod audio system black",
])
def test_a_device_inside_a_product_another_maker_leads_is_a_review(checker, title):
    assert _blocks(checker, {"title": title}) == set()
    assert "iPod" in _warns(checker, {"title": title})


@pytest.mark.parametrize("title", [
    "studio pa speaker 40 watts with ipod player controller",   # no maker leads it
    "stereo earbuds w ipod controller black",
])
def test_a_device_named_as_what_a_part_of_the_product_is_for_is_compatibility(checker, title):
    result = checker.check_batch([Listing.from_values("T1", 1, {"title": title})])[0]
    assert [(f.rule, f.severity) for f in result.findings if f.kind == "trademark"] == [("TM003", "info")]


@pytest.mark.parametrize("title", [
    "ipod player controller with remote",            # the device leads: the product is its
    "studio pa speaker with ipood player controller",  # a look-alike spelling is no reference
])
def test_a_device_feature_leaves_other_readings_alone(checker, title):
    result = checker.check_batch([Listing.from_values("T1", 1, {"title": title})])[0]
    assert not any(f.rule == "TM003" for f in result.findings)


def test_a_device_after_a_no_name_or_fashion_lead_still_blocks(checker):
    assert "iPod" in _blocks(checker, {"title": "Nike ipod audio system black"})
    assert "iPod" in _blocks(checker, {"title": "jvc ipod audio system black", "brand": ""})


@pytest.mark.parametrize("title", [
    "GeForce RTX 4070 12GB graphics card",          # a chip line leading: the part itself, or built on it
    "AirPods Pro 2 Garansi Resmi iBox",             # a product line under the distributor's warranty
    "AirPods Pro 2 with 1 Year Apple Malaysia Warranty",
])
def test_a_line_leading_as_genuine_stock_is_titled_is_a_review(checker, title):
    assert _blocks(checker, {"title": title}) == set()
    assert _warns(checker, {"title": title})


def test_a_line_under_warranty_still_needs_to_lead_the_title(checker):
    assert _blocks(checker, {"title": "TWS earbuds AirPods Pro 2 Garansi Resmi"})


@pytest.mark.parametrize("brand", ["", "No Brand", "Tidak Ada Merk", "Không thương hiệu"])
def test_an_original_makers_charger_from_a_listing_with_no_brand_is_a_copy(checker, brand):
    # even named with the device it is for, which makes it the maker's specific product otherwise
    title = "UK Apple 61W charger MacBook Pro 13 adapter"
    assert _blocks(checker, {"title": title, "brand": brand}) == set()
    assert "MacBook Pro" in _blocks(checker, {"title": f"Original {title}", "brand": brand})


@pytest.mark.parametrize("title", [
    "Cowway PowerMax Dehumidifier 500g x 3",          # one letter from Coway, its own maker's name
    "[Ready Stock] Cowway PowerMax Dehumidifier",     # after a shop tag, still leading
    "a-data s805 8 gb usb 2.0 flash drive",           # one letter, a hyphen, a word: the maker's spelling
    "rebit 500 gb usb external hard drive",           # one letter from a fashion house, on a drive
])
def test_a_name_near_a_mark_leading_a_title_with_no_brand_column_is_a_review(checker, title):
    assert _blocks(checker, {"title": title}) == set()
    assert _warns(checker, {"title": title})


@pytest.mark.parametrize("values", [
    {"title": "2024 New infnix HOT 40 PRO smartphone 7.5 inch"},   # the misspelt maker before its own line
    {"title": "Cowway dehumidifier 500g", "brand": ""},            # the brand column says no brand
    {"title": "Cowway dehumidifier 500g", "brand": "Generic"},
    {"title": "rebit motorcycle jacket leather"},                  # one letter from it on its own goods
])
def test_a_near_name_that_is_a_disguise_still_blocks(checker, values):
    assert _blocks(checker, values)


@pytest.mark.parametrize("title", [
    "Mouse Belkin wireless USB",            # the product first, then its maker: Indonesian, Spanish word order
    "Teclado Belkin inalámbrico",
    "Water bottle 1L + Belkin mouse pad",               # a bundle's next product, led by its maker
])
def test_a_maker_right_after_the_product_opening_the_title_is_a_review(checker, title):
    assert _blocks(checker, {"title": title}) == set()
    assert _warns(checker, {"title": title}) == {"Belkin"}


@pytest.mark.parametrize("title", [
    "Zapatillas Nike running hombre",       # copies are made of it
    "Wireless mouse for office Belkin",     # not right after the product that opens the title
])
def test_what_still_blocks_after_the_product(checker, title):
    assert _blocks(checker, {"title": title})
