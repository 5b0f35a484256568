"""The mark matcher: evasions and typos found, ordinary words left alone."""
import pytest

from compliance.matchers.marks import MarkMatcher


@pytest.fixture(scope="module")
def matcher(fixture_blocklist):
    return MarkMatcher(fixture_blocklist)


def found(matcher, text):
    return [(text[s:e], matcher.entries[n.entry].term, how) for s, e, n, how, _ in matcher.find_in_text(text)]


@pytest.mark.parametrize("text, matched, term, how", [
    ("Nike Women's Sneakers", "Nike", "Nike", "exact"),
    ("nike sneakers", "nike", "Nike", "exact"),
    ("NIKE-branded", "NIKE", "Nike", "exact"),
    ("Women's Air Max Sneakers", "Air Max", "Nike", "exact"),
    ("Women's AirMax Sneakers", "AirMax", "Nike", "exact"),
    ("Rayban Sunglasses", "Rayban", "Ray-Ban", "exact"),
    ("Nіkе Women's", "Nіkе", "Nike", "disguised"),
    ("Ni\u200bke Women's", "Ni\u200bke", "Nike", "disguised"),
    ("N I K E Men's", "N I K E", "Nike", "evasion"),
    ("G.U.C.C.I wallet", "G.U.C.C.I", "Gucci", "evasion"),
    ("G-U-C-C-I wallet", "G-U-C-C-I", "Gucci", "evasion"),
    ("N1ke shoes", "N1ke", "Nike", "evasion"),
    ("S@msung case", "S@msung", "Samsung", "evasion"),
    ("L O U I S V U I T T O N tote", "L O U I S V U I T T O N", "Louis Vuitton", "evasion"),
    ("Guccci wallet", "Guccci", "Gucci", "typo"),
    ("Gcci wallet", "Gcci", "Gucci", "typo"),
    ("Gucic wallet", "Gucic", "Gucci", "typo"),
    ("Louis Vuiitton tote", "Louis Vuiitton", "Louis Vuitton", "typo"),
    ("Samsnug charger", "Samsnug", "Samsung", "typo"),
    ("Brass Knuckles Duster", "Brass Knuckles", "brass knuckles", "exact"),
    ("Кастет латунный", "Кастет", "brass knuckles", "exact"),
])
def test_finds(matcher, text, matched, term, how):
    assert (matched, term, how) in found(matcher, text)


@pytest.mark.parametrize("text", [
    "Leather couch cover",          # couch is a word, not a typo of Coach
    "4 channel amplifier",          # channel, not Chanel
    "Air mix ventilation fan",      # two words, neither a typo
    "Apply twice daily",
    "Nikon camera strap",           # another brand one letter from nothing we list
    "Guccio wallet",                # not within the typo bound? (Gucci+o is one edit) -> see below
    "Pumas 4K 1080P",
    "Samsonite luggage",
    "Pandemic prep kit",
    "Ray of sunshine banner",
])
def test_ordinary_words_do_not_match(matcher, text):
    hits = found(matcher, text)
    if text.startswith("Guccio"):
        # one inserted letter is a typo of Gucci: the matcher must catch it
        assert hits and hits[0][1] == "Gucci"
    else:
        assert hits == [], hits


def test_short_marks_match_exactly_only():
    m = MarkMatcher([e for e in __import__("compliance.blocklist", fromlist=["x"]).load_blocklist(
        __import__("pathlib").Path(__file__).parent / "fixtures" / "blocklist.csv") if e.term == "Puma"])
    assert found(m, "Puma shoes")
    assert not found(m, "Pumma shoes")  # four letters: no fuzzy matching


def test_common_word_set_agrees_with_the_frequency_lists():
    """The saved set of everyday words answers exactly as the frequency lookup it replaces."""
    import random

    from wordfreq import get_frequency_dict

    from compliance.matchers.marks import _common_by_frequency, common_words

    rnd = random.Random(5)
    sample = []
    for lang in ("en", "de", "fr", "es", "pt"):
        words = [w for w in get_frequency_dict(lang, "small") if w.isascii() and w.isalpha()]
        sample += rnd.sample(words, 300)
    sample += ["".join(rnd.choice("aeiourstnlck") for _ in range(rnd.randint(3, 9))) for _ in range(300)]
    common = common_words()
    assert {w for w in sample if w in common} == {w for w in sample if _common_by_frequency(w)}
    assert "apple" in common and "zorvexq" not in common


def test_everyday_words_in_other_alphabets_and_with_accents_answer_as_the_frequency_lists():
    """Cyrillic and accented words, in any case, from the saved set: the same answers as the
    frequency lookup, which would load eleven lists into every worker process."""
    import random

    from wordfreq import get_frequency_dict

    from compliance.matchers.marks import _common_by_frequency, is_common_word

    rnd = random.Random(6)
    sample = []
    for lang in ("ru", "de", "fr", "es", "pt", "vi"):
        words = [w for w in get_frequency_dict(lang, "small") if w.isalpha() and not w.isascii()]
        sample += rnd.sample(words, 200)
    sample += [w.upper() for w in sample[::7]] + [w.title() for w in sample[::5]]
    sample += ["".join(rnd.choice("абвгдеёжзиклмнопрстуф") for _ in range(rnd.randint(3, 9))) for _ in range(200)]
    sample += ["Straße", "STRASSE", "NÓRDICA", "gặp", "Đen", "Чехол", "Патрик"]
    answers = {w: is_common_word.__wrapped__(w) for w in sample}
    assert answers == {w: _common_by_frequency(w) for w in sample}
    assert answers["Straße"] and answers["gặp"] and True in answers.values() and False in answers.values()


def test_words_of_latin_or_cyrillic_letters_never_load_the_frequency_lists(monkeypatch):
    import compliance.matchers.marks as marks

    def loads(word):
        raise AssertionError(f"the frequency lists were loaded for {word!r}")

    monkeypatch.setattr(marks, "_common_by_frequency", loads)
    assert [marks.is_common_word.__wrapped__(w) for w in ("Straße", "gặp", "Патрик", "zorvexq")] == [
        True, True, True, False]


def test_the_dictionary_a_misspelling_is_checked_against_holds_rarer_english_words():
    """Words down to Zipf 2.3 in English, so "airbag" and "uplink" are words; misspellings sellers
    make of marks ("addidas", 1.4) are not in it."""
    from compliance.matchers.marks import is_common_word, is_dictionary_word

    assert not is_common_word("airbag") and is_dictionary_word("airbag") and is_dictionary_word("Uplink")
    assert not is_dictionary_word("addidas") and not is_dictionary_word("guccci")
    assert not is_dictionary_word("kotak") and not is_dictionary_word("ipad2")  # English words of letters only


def test_the_dictionary_read_bucket_by_bucket_agrees_with_the_whole_frequency_list():
    import random

    from wordfreq import freq_to_zipf, get_frequency_dict

    from compliance.matchers.marks import DICTIONARY_ZIPF, dictionary_words

    words = [w for w in get_frequency_dict("en", "large") if w.isascii() and w.isalpha()]
    sample = random.Random(7).sample(words, 3000)
    frequency = get_frequency_dict("en", "large")
    kept = dictionary_words()
    assert {w for w in sample if w in kept} == \
        {w for w in sample if round(freq_to_zipf(frequency[w]), 2) >= DICTIONARY_ZIPF}


def test_the_brands_that_exist_are_words_of_letters_folded():
    from compliance.matchers.marks import other_brand_words

    brands = other_brand_words()
    assert {"koton", "viber"} <= brands and len(brands) > 5000
    assert all(w.isalpha() and w.isascii() and w == w.lower() for w in brands)


@pytest.mark.parametrize("text, matched", [
    ('Кружка "игры dont starve донт старв", 330 мл', "dont starve"),
    ("Five Nights at Freddys plush bonnie", "Five Nights at Freddys"),
    ("Dont Starve Together mug", "Dont Starve"),
])
def test_a_name_written_without_its_apostrophe_is_still_the_name(text, matched):
    """Sellers drop a name's apostrophe: its words are joined across it, as the name is written."""
    from compliance.blocklist import Entry

    merch = frozenset({9, 16, 21, 25, 28})
    assert matched in _exact_names([Entry("Don't Starve", "trademark", owner="Klei Entertainment", classes=merch,
                                          goods="media"),
                                    Entry("Five Nights at Freddy's", "trademark", owner="its owner", classes=merch,
                                          goods="character")], text)


def _exact_names(entries, text: str) -> list[str]:
    """The text of every span a matcher of ``entries`` finds in ``text`` by a name written as it is."""
    matcher = MarkMatcher(entries, cache=False)
    return [text[s:e] for s, e, _, how, _ in matcher.find_in_text(text) if how == "exact"]


@pytest.mark.parametrize("text, matched", [
    ("Игровой картридж Pirates of Caribbean : Dead Man's Chest", "Pirates of Caribbean"),
    ("pirates of the caribbean hat", "pirates of the caribbean"),
])
def test_a_title_written_without_its_article_after_of_is_still_the_name(text, matched):
    from compliance.blocklist import Entry

    assert matched in _exact_names([Entry("Pirates of the Caribbean", "trademark", owner="Disney",
                                          classes=frozenset({9, 28}), goods="media")], text)


@pytest.mark.parametrize("text, matched", [
    ("Tas Charles and Keith Mirror", "Charles and Keith"),
    ("Tas Wanita Charles n Keith Import", "Charles n Keith"),
    ("Sepatu Charles dan Keith Wanita", "Charles dan Keith"),
    ("Bolso Charles & Keith mujer", "Charles & Keith"),
])
def test_an_ampersand_spelt_out_is_still_the_name(text, matched):
    from compliance.blocklist import Entry

    assert matched in _exact_names([Entry("Charles & Keith", "trademark", owner="Charles & Keith (Singapore) Pte. Ltd.",
                                          classes=frozenset({18, 25}), goods="fashion")], text)


def _titles_matcher():
    from compliance.blocklist import Entry

    merch = frozenset({9, 16, 21, 25, 28})
    return MarkMatcher([Entry("Chainsaw Man", "trademark", owner="Shueisha", classes=merch, goods="character"),
                        Entry("Stranger Things", "trademark", owner="Netflix", classes=merch, goods="media"),
                        Entry("Boom Beach", "trademark", owner="Supercell", classes=merch, goods="media"),
                        Entry("Rufflet", "trademark", owner="Nintendo", classes=merch, goods="character")],
                       cache=False)


@pytest.mark.parametrize("text, matched, term", [
    ("Shivaduti Chinsaw Man Stickers Vinyl", "Chinsaw Man", "Chainsaw Man"),
    ("tags: strangerthing, eleven, upside down", "strangerthing", "Stranger Things"),
])
def test_a_title_of_several_words_one_letter_off_is_a_misspelling(text, matched, term):
    """A character's or a show's name of two words or more, misspelt in a word that is no word:
    merchandise sold under the name, whether by slip or to slip past a filter."""
    assert (matched, term, "typo") in found(_titles_matcher(), text)


@pytest.fixture(scope="module")
def curated():
    from compliance.blocklist import load_blocklists

    return MarkMatcher(load_blocklists([]))


@pytest.mark.parametrize("text", [
    "Boho Beach maxi dress",      # a style and a place: everyday words, not Boom Beach misspelt
    "boho,beach,summer,sundress",
    "ruffled blouse, ruffle hem",  # a name of one word is written right by the sellers who use it
])
def test_everyday_words_a_letter_or_two_off_a_title_are_no_misspelling(curated, text):
    assert [f for f in found(curated, text) if f[2] == "typo"] == []


def _glue_matcher():
    from compliance.blocklist import Entry

    merch = frozenset({9, 16, 21, 25, 28})
    return MarkMatcher([Entry("Shrek", "trademark", owner="DreamWorks", classes=merch, goods="character"),
                        Entry("Manchester City", "trademark", owner="the club", classes=merch, goods="sports"),
                        Entry("Apple", "trademark", owner="Apple Inc.", classes=frozenset({9}), goods="device",
                              aliases=("iPad", "iPad Air", "AirPods", "Mac", "MacBook")),
                        Entry("Power", "trademark", owner="a maker", classes=frozenset({9}), goods="device",
                              generic=True)], cache=False)


@pytest.mark.parametrize("text, matched", [
    ("ShrekTumbler Taza De Viaje", "Shrek"),
    ("Manchester CityTumbler Taza", "Manchester City"),
    ("Travel mug MugShrek", "Shrek"),
])
def test_a_name_glued_to_the_next_word_at_a_capital_is_found(text, matched):
    """"ShrekTumbler": the name is written right, only the space before the next word is missing."""
    assert matched in [text[s:e] for s, e, _, how, _ in _glue_matcher().find_in_text(text) if how == "exact"]


@pytest.mark.parametrize("text, absent", [
    ("MacBook Air sleeve", "Mac"),          # a camel-case brand holds a shorter name: the longer is kept
    ("cable for iPhone, iPad, AirPods", "iPad, Air"),  # no name across one the text already has
    ("PowerBank 20000mAh", "Power"),        # an everyday word split out of a glued word is a word
    ("SHREKTUMBLER mug", "SHREK"),          # capitals show no glue
])
def test_glued_words_make_no_name_across_or_inside_other_names(text, absent):
    assert absent not in [text[s:e] for s, e, *_ in _glue_matcher().find_in_text(text)]


def test_a_name_written_in_cyrillic_is_matched_in_cyrillic_and_not_by_latin_letters():
    """"Сега" is all look-alike letters: folded alone it reads "cera", Spanish for wax. Latin
    letters are no name written in Cyrillic; the name among Russian words is matched as written."""
    from compliance.blocklist import Entry

    matcher = MarkMatcher([Entry("Sega", "trademark", owner="Sega Corporation", classes=frozenset({9, 28}),
                                 goods="device", aliases=("Сега",))], cache=False)
    assert found(matcher, "Cera depilatoria tibia 500g") == []
    assert found(matcher, "Игра для Сега Mega Drive") == [("Сега", "Sega", "exact")]
    assert found(matcher, "Картридж Сега") == [("Сега", "Sega", "exact")]



def _declined_matcher():
    from compliance.blocklist import Entry

    merch = frozenset({9, 16, 25, 28})
    return MarkMatcher([Entry("Harry Potter", "trademark", owner="Warner Bros.", aliases=("Гарри Поттер",),
                              classes=merch, goods="character"),
                        Entry("Spider-Man", "trademark", owner="Marvel", aliases=("Человек-паук",),
                              classes=merch, goods="character"),
                        Entry("Hermione", "trademark", owner="Warner Bros.", aliases=("Гермиона Грейнджер",),
                              classes=merch, goods="character"),
                        Entry("Cars", "trademark", owner="Disney", aliases=("Тачки",), classes=merch,
                              goods="media"),
                        Entry("Sergey Shnurov", "trademark", owner="Sergey Shnurov", aliases=("Сергей Шнуров",),
                              classes=merch, goods="media"),
                        Entry("Samsung", "trademark", owner="Samsung", aliases=("Самсунг",),
                              classes=frozenset({9}), goods="device"),
                        Entry("Nekoma", "trademark", owner="Shueisha", aliases=("Некома",), classes=merch,
                              goods="character"),
                        Entry("Sonic", "trademark", owner="Sega", aliases=("Соник",), classes=merch,
                              goods="character")], cache=False)


@pytest.mark.parametrize("text, matched, term", [
    ("Воздушный шарик Сова Гарри Поттера 97 см.", "Гарри Поттера", "Harry Potter"),
    ("Чехол с Гарри Поттером", "Гарри Поттером", "Harry Potter"),
    ("Костюм Человека-паука детский", "Человека-паука", "Spider-Man"),
    ("Кружка Гермионы Грейнджер", "Гермионы Грейнджер", "Hermione"),
    # a man's surname after his given name, though the dictionary reads "шнуров" only as "of cords"
    ("Маска Сергея Шнурова, картон", "Сергея Шнурова", "Sergey Shnurov"),
    ("Кружка с Сергеем Шнуровым", "Сергеем Шнуровым", "Sergey Shnurov"),
    # a rare word of the dictionary ("соника") is more often the name's case form
    ("Приключения Соника на Sega", "Соника", "Sonic"),
    ("Кружка Некомы с котом", "Некомы", "Nekoma"),
])
def test_a_russian_title_declines_a_characters_name(text, matched, term):
    matcher = _declined_matcher()
    assert (matched, term, "exact") in found(matcher, text)


@pytest.mark.parametrize("text", [
    "Купить садовую тачку с колесом",   # "Тачки" (Cars) is also barrows: its case forms are that word's
    "Чехол для Самсунга",                # a maker's name is written as listed ("для Самсунг"), not declined
    "Некому подарить? Кружка с котом",   # the pronoun, though it is the case form guessed for "Некома"
])
def test_only_properties_names_that_are_no_everyday_word_are_declined(text):
    assert found(_declined_matcher(), text) == []


def test_a_product_line_in_camel_case_is_found_in_the_plural_under_an_everyday_word_mark():
    from compliance.blocklist import Entry

    apple = Entry("Apple", "trademark", owner="Apple Inc.", aliases=("iPod", "iPhone"), classes=frozenset({9}),
                  generic=True, goods="device")
    assert _exact_names([apple], "Проводные наушники IPods Lightning") == ["IPods"]
    assert _exact_names([apple], "cases for iPhones") == ["iPhones"]
    assert _exact_names([apple], "a basket of fresh apples") == []  # the everyday word keeps its own plural


@pytest.mark.parametrize("text, written, how", [
    ("Sam-sung Galaxy phone", "Sam-sung", "evasion"),           # a coined name cut where it has no word
    ("Зарядка GAR-MIN для часов", "GAR-MIN", "evasion"),
    ("A-Data flash drive 32GB", "A-Data", "exact"),              # one letter before the rest: the maker's way
    ("markers ultra-fine point", "ultra-fine", "exact"),         # cut at the name's own words (UltraFine)
])
def test_a_coined_name_cut_by_a_hyphen_where_it_has_no_word_break_is_a_disguise(text, written, how):
    from compliance.blocklist import Entry

    matcher = MarkMatcher([Entry(term, "trademark", owner=term, classes=frozenset({9}), goods="device")
                           for term in ("Samsung", "Garmin", "ADATA", "UltraFine")], cache=False)
    assert [(w, h) for w, _, h in found(matcher, text)] == [(written, how)]


BATCH = ["Guccci wallet, Samsnug charger", "Louis Vuiitton tote", "Chinsaw Man hoodie", "Leather couch cover",
         "4 channel amplifier", "Nіkе Women's", "Гарри Поттер мантия", "Boho Beach maxi dress",
         "Samsung Galaxy S23 case", "Hello Kity backpack", "ruffled blouse, ruffle hem"]


def test_a_batch_looked_up_together_finds_what_each_listing_alone_finds(curated):
    """The check looks a batch's new words up together before matching it (``prepare``): the same
    spans as a matcher asked listing by listing, whose caches start empty."""
    from compliance.blocklist import load_blocklists
    from compliance.listing import Listing

    listings = [Listing.from_values(str(i), i, {"title": t}) for i, t in enumerate(BATCH)]
    alone = MarkMatcher(load_blocklists([]))
    together = MarkMatcher(load_blocklists([]))
    together.prepare(listings)
    for listing in listings:
        expected = [(s.text, s.label, s.data["how"]) for s in alone.find(listing)]
        assert [(s.text, s.label, s.data["how"]) for s in together.find(listing)] == expected
    assert ("Guccci", "Gucci", "typo") in [(s.text, s.label, s.data["how"]) for s in alone.find(listings[0])]


def test_words_looked_up_together_get_the_answers_of_one_by_one():
    from compliance.matchers.marks import DeletionIndex, WordSet, _probe_keys

    index = DeletionIndex(sorted(["gucci", "samsung", "nikon", "chanel"]))
    words = ["guccci", "samsnug", "channel", "table", "gcci"]
    one_by_one = [index.near(w) for w in words]
    index.prefetch(words, {w: _probe_keys(w) for w in words})
    assert [index.near(w) for w in words] == one_by_one
    assert one_by_one[0] == {"gucci"} and one_by_one[3] == set()
    vocabulary = WordSet(["table", "chair", "lamp"])
    vocabulary.prefetch(["table", "tables", "lamp"])
    assert ["table" in vocabulary, "tables" in vocabulary, "lamp" in vocabulary, "sofa" in vocabulary] == \
        [True, False, True, False]
