"""Nice classes of a listing's product from its category path or title."""
from __future__ import annotations

import pytest

from compliance.classes import (
    classes_for_category,
    classes_for_title,
    listing_classes,
    load_terms,
    phrase_count,
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("Clothing, Shoes & Accessories > Men > Men's Shoes > Athletic Shoes", {25}),
        ("Clothing, Shoes & Accessories > Women > Women's Bags & Handbags", {18}),
        ("Jewelry & Watches > Watches, Parts & Accessories > Watches > Wristwatches", {14}),
        ("Beauty & Personal Care > Fragrance", {3}),
        ("Apparel & Accessories > Shoes", {25}),
        ("Apparel & Accessories > Jewelry > Watch Accessories > Watch Bands", {14}),
        ("Apparel & Accessories > Clothing Accessories > Sunglasses", {9}),
        ("Apparel & Accessories > Clothing > Activewear > Motorcycle Protective Clothing > "
         "Motorcycle Jackets", {25}),
        ("Home & Garden > Decor > Bird & Wildlife Feeders > Bird Feeders", {21}),
        ("Home & Garden > Kitchen & Dining > Kitchen Tools & Utensils > "
         "Food Peelers & Corers", {8}),
        ("Home & Garden > Plants > Seeds", {31}),
        ("Vehicles & Parts > Vehicle Parts & Accessories > Vehicle Maintenance, Care & Decor > "
         "Vehicle Decor > Vehicle Steering Wheel Covers", {12}),
        ("Toys & Games > Toys > Play Vehicles > Toy Airplanes", {28}),
        ("Toys & Games > Toys > Dolls, Playsets & Toy Figures > Action & Toy Figures", {28}),
        ("Health & Beauty > Personal Care > Hair Care > Hair Styling Tools > Hair Dryers", {11}),
        ("Health & Beauty > Personal Care > Hair Care > Hair Styling Tools > "
         "Hair Straighteners", {8}),
        ("Apparel & Accessories > Clothing Accessories > Hair Accessories > Wigs", {26}),
        ("Arts & Entertainment > Hobbies & Creative Arts > "
         "Musical Instrument & Orchestra Accessories > Metronomes", {15}),
        ("Electronics > Video Game Consoles", {28}),
        ("Software > Video Game Software", {9}),
        ("Media > Books > Print Books", {16}),
        ("headphone accessories", {9}),
        ("inkjet printer ink", {2}),
        ("laptop computers", {9}),
        ("electronics - general", {9}),
    ],
)
def test_category_paths(path: str, expected: set[int]) -> None:
    assert classes_for_category(path) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # The leaf answers; its clothing parent is not added.
        ("Clothing, Shoes & Accessories > Women > Women's Bags & Handbags", {18}),
        # "Widgets" names nothing, so the parent decides.
        ("Men's Shoes > Widgets", {25}),
        ("Clothing, Shoes & Accessories > Men > Widgets", {25}),
        # "Women" and "Men" are not products: the walk continues upward.
        ("Clothing, Shoes & Accessories > Women", {25}),
        # Other separators.
        ("Home & Garden / Kitchen & Dining / Cookware", {21}),
        ("Apparel & Accessories|Shoes", {25}),
    ],
)
def test_category_walks_from_leaf_to_root(path: str, expected: set[int]) -> None:
    assert classes_for_category(path) == expected


@pytest.mark.parametrize(
    "path", ["", "   ", "Widgets", "Widgets > Gadgets", "Men > Women", "Black > Leather"]
)
def test_unknown_category_is_empty(path: str) -> None:
    assert classes_for_category(path) == frozenset()


def test_department_word_only_when_nothing_specific() -> None:
    # "Pet" alone is a department; next to "Strollers" it is only a modifier.
    assert classes_for_category("Animals & Pet Supplies > Pet Supplies > Pet Strollers") == {12}
    assert {18, 21, 28, 31} <= classes_for_category("Animals & Pet Supplies > Pet Supplies")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Men's Lightweight Running Shoes", {25}),
        ("Coach Bus Seat Covers", {12}),
        ("Dove Bird Feeder", {21}),
        ("Dove Grey Cashmere Scarf", {25}),
        ("Jaguar Wild Animal Figure Toy", {28}),
        ("Apple Corer", {8}),
        ("Apple Tree Seeds", {31}),
        ("Dove Body Wash", {3}),
        ("Bluetooth Speaker Power Bank", {9}),
        ("Insulated Tumbler with Lid", {21}),
        ("Remote Control Car", {28}),
        ("Brake Pads Front Set", {12}),
        ("LED Headlight Bulb", {11}),
        ("Ionic Hair Dryer", {11}),
        ("Ceramic Flat Iron Hair Straightener", {8}),
        ("Cordless Vacuum Cleaner", {7}),
        ("Snare Drum Practice Pad", {15}),
        ("Hand Whistle", {9, 15, 28}),
        ("Human Hair Extensions", {26}),
        ("Lace Front Wig", {26}),
        ("Reversible Leather Belt", {25}),
        ("Polarized Sunglasses", {9}),
        ("Wooden Keepsake Box", {20}),
        ("Polera De Ciclismo Hombre Manga Corta", {25}),       # a sleeve, not the comics
        ("Maillot De Ciclismo Equipo", {25}),
        ("Tai nghe bluetooth không dây tws", {9}),             # Vietnamese: headphones
        ("Áo thun nam cotton", {25}),
        ("Bola De Burbujas Inflable", {28}),
        # a computer shop's and an office supplier's goods
        ("apc le600 line-r 600va automatic voltage regulator", {9}),
        ("kingston 4gb ddr3 sdram dimm", {9}),
        ("macally external storage enclosure for 2.5 sata hdd", {9}),
        ("lee 10132 - sortkwik fingertip moisteners 2 pack", {16}),
        # Russian product nouns
        ("Будильник Тик-Так Б-657 розовый", {14}),             # an alarm clock, not the sweets
        ("Чехол на геймпад PS4", {9}),                          # "на геймпад" is what it fits
        ("Кружка керамическая 330 мл", {21}),
        ("hp envy 17-2090nr notebook - silver", {9, 16}),      # a laptop as computer shops title it, or paper
        ("Festplatte Seagate BarraCuda 2TB", {9}),              # German and French computer goods
        ("Disque dur externe 1 To", {9}),
        ("sony clear protective jacket for bloggie camera", {9}),  # protective clothing or a device's case
        ("Diseño Personalizado Para Petronas Malasia 3d Nombre Polo", {25}),  # a polo shirt
        ("polo mallet wooden", {8}),                                # a noun after it is the product
    ],
)
def test_title_nouns(title: str, expected: set[int]) -> None:
    assert classes_for_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Multi-word phrases beat their parts.
        ("Velvet Jewelry Box", {20}),
        ("Jewelry", {14}),
        ("Slim Phone Case", {9}),
        ("Silicone Watch Band", {14}),
        ("Watch", {14}),
        ("Car Seat Covers", {12}),
        ("Wooden Bird Feeder", {21}),
        ("Ceramic Brake Pads", {12}),
        ("Oak Tree Seeds", {31}),
        ("Cat Litter Box", {21}),
        # A modifier noun adds nothing to the head noun it precedes.
        ("Jaguar Motorcycle Jacket", {25}),
        ("Football", {28}),
        ("Football Pants", {25}),
        # A kind word decides what the rest is.
        ("Toy Airplane", {28}),
        # Listed products are all kept.
        ("Football & Jacket Bundle", {25, 28}),
    ],
)
def test_title_multi_word_precedence(title: str, expected: set[int]) -> None:
    assert classes_for_title(title) == expected


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("Sneaker", "Sneakers"),
        ("Dress", "Dresses"),
        ("Watch", "Watches"),
        ("Battery", "Batteries"),
        ("Gift Box", "Gift Boxes"),
        ("Kitchen Knife", "Kitchen Knives"),
        ("Wall Shelf", "Wall Shelves"),
        ("Radio", "Radios"),
        ("Seat Cover", "Seat Covers"),
    ],
)
def test_plurals_map_like_singulars(singular: str, plural: str) -> None:
    assert classes_for_title(singular)
    assert classes_for_title(plural) == classes_for_title(singular)


@pytest.mark.parametrize(
    "title",
    ["Leather", "Steel", "Stainless Steel", "Cotton", "Wooden", "Fabric", "Black", "Rose Gold",
     "Cashmere", "Light Blue", "Men's Women's Black Leather", ""],
)
def test_materials_and_colours_alone_map_to_nothing(title: str) -> None:
    assert classes_for_title(title) == frozenset()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # The nouns after "for" name what the product fits.
        ("Seat Covers for Jaguar XF", {12}),
        ("Charger for Smart Watch", {9}),
        ("Leather Case Compatible with Galaxy Phone", {9, 18}),
        # Nothing before "for" names a product: the rest of the title is used.
        ("Gifts for Women Necklace", {14}),
    ],
)
def test_title_fit_targets(title: str, expected: set[int]) -> None:
    assert classes_for_title(title) == expected


def test_department_words_stay_out_of_titles() -> None:
    assert classes_for_title("Baby Shoes") == {25}
    assert classes_for_title("Garden") == frozenset()
    assert classes_for_category("Garden")
    assert classes_for_title("Kitchen Scissors") == {8}


@pytest.mark.parametrize(
    ("category", "title", "expected"),
    [
        ("Apparel & Accessories > Shoes", "Dove Bird Feeder", ({25}, "category")),
        ("", "Dove Bird Feeder", ({21}, "title")),
        ("   ", "Dove Bird Feeder", ({21}, "title")),
        ("Widgets > Gadgets", "Coach Bus Seat Covers", ({12}, "title")),
        ("Widgets", "Black Leather", (set(), "unknown")),
        ("", "", (set(), "unknown")),
    ],
)
def test_listing_classes_source(category: str, title: str, expected: tuple[set[int], str]) -> None:
    classes, source = listing_classes(category, title)
    assert (classes, source) == expected
    assert isinstance(classes, frozenset)


def test_category_answers_are_cached() -> None:
    path = "Apparel & Accessories > Jewelry > Necklaces"
    classes_for_category(path)
    before = classes_for_category.cache_info().hits
    assert classes_for_category(path) == {14}
    assert classes_for_category.cache_info().hits == before + 1


def test_phrase_table_is_valid() -> None:
    terms = load_terms()  # raises on duplicates or classes outside 1-45
    assert phrase_count() >= 500
    assert all(classes <= set(range(1, 46)) for classes in terms.title.values())
    assert ("sneakers",) in terms.title  # generated plural
    assert ("garden",) in terms.category and ("garden",) not in terms.title


@pytest.mark.parametrize("title, cls", [
    ("Las Mujeres Vestido De Falda Larga", 25),
    ("Сумка для сменной обуви", 18),
    ("Kaos Pria Lengan Pendek", 25),
    ("Kurma Sukari Al Qassim 1kg Premium Import Saudi", 29),    # Indonesian marketplace words
    ("Yamalube Power Matic 0.8L Oli Motor", 4),
    ("Helm KYT Galaxy Slide Half Face", 9),
    ("Rompi Safety Reflektif Proyek Jalan", 25),
])
def test_product_nouns_of_the_seed_languages_give_the_class(title, cls):
    from compliance.classes import listing_classes

    assert cls in listing_classes("", title)[0]
