"""Normalization: readings fold evasions, and every span maps back inside the field."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.normalize import compact, disguised, evasion_reading, fold, plain_reading

EVASION_ALPHABET = st.sampled_from(list("abcdeNIKEGUC .-_@$0134579:/'’") +
                                   ["\u200b", "\u00ad", "а", "е", "о", "р", "с", "і", "Ｇ", "𝗌", "é", "ß", "ﬁ", "\n",
                                    "<", ">"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(EVASION_ALPHABET, max_size=60).map("".join)))
def test_every_reading_span_maps_inside_the_original(text):
    folded = fold(text)
    assert len(folded.to_src) == len(folded.text)
    for reading in (plain_reading(folded), evasion_reading(folded)):
        assert len(reading.to_src) == len(reading.text)
        for start in range(len(reading.text)):
            for end in range(start + 1, min(len(reading.text), start + 12) + 1):
                s, e = reading.src_span(start, end)
                assert 0 <= s <= e <= len(text)


@pytest.mark.parametrize("text, plain, evasive", [
    ("Nike Women's", " nike women s ", " nike womens "),
    ("N I K E Men", " n i k e men ", " nike men "),
    ("G.U.C.C.I bag", " g u c c i bag ", " gucci bag "),
    ("L-O-U-I-S-V-U-I-T-T-O-N x", " l o u i s v u i t t o n x ", " louisvuitton x "),
    ("R A Y - B A N glasses", " r a y b a n glasses ", " rayban glasses "),
    ("C.oach wallet", " c oach wallet ", " coach wallet "),
    ("S@msung 4K 1080P 20000mAh 60W", " s msung 4k 1080p 20000mah 60w ", " samsung 4k 1080p 20000mah 60w "),
    ("Ni\u200bke", " nike ", " nike "),
    ("Рrаda", " prada ", " prada "),          # Cyrillic Р and а inside a Latin word
    ("Ｇｕｃｃｉ", " gucci ", " gucci "),          # full-width
    ("𝗡𝗶𝗸𝗲", " nike ", " nike "),              # math sans-serif
    ("Crème Brûlée", " creme brulee ", " creme brulee "),
    ("Часы копия", " часы копия ", " часы копия "),  # Russian words are not folded to Latin
    ("Size S M L", " size s m l ", " size sml "),
])
def test_readings(text, plain, evasive):
    folded = fold(text)
    assert plain_reading(folded).text == plain
    assert evasion_reading(folded).text == evasive


def test_spaced_letters_map_back_to_the_whole_run():
    text = "Bag R-A-Y---B-A-N style"
    reading = evasion_reading(fold(text))
    i = reading.text.index("rayban")
    s, e = reading.src_span(i, i + len("rayban"))
    assert text[s:e] == "R-A-Y---B-A-N"


@pytest.mark.parametrize("text, expected", [
    ("Nіkе", True), ("Ni\u200bke", True), ("Ｎｉｋｅ", True), ("Nike", False), ("Nestlé", False), ("копия", False),
])
def test_disguised(text, expected):
    assert disguised(text) is expected


def test_compact():
    assert compact("Ray-Ban") == "rayban"
    assert compact("The North Face") == "thenorthface"


def test_a_word_of_look_alike_letters_beside_its_own_script_stays_in_that_script():
    # "АТАКА НА" in a Russian title is Russian in capitals, not Latin "ataka ha"
    assert plain_reading(fold("Брелок АТАКА НА ТИТАНОВ")).text.split() == ["брелок", "атака", "на", "титанов"]
    # beside Latin words, or alone, look-alikes still read as the Latin they imitate
    assert plain_reading(fold("АDIDAS shoes")).text.split() == ["adidas", "shoes"]
    assert plain_reading(fold("АТАКА")).text.split() == ["ataka"]


def test_a_repeated_word_folds_the_same_wherever_it_stands():
    # Words are folded once and reused: the offsets must still be the word's own in each text.
    from compliance.normalize import fold

    first = fold("Ｎｉｋｅ Кроссовки")
    second = fold("Мужские Кроссовки Ｎｉｋｅ")
    assert first.text == "nike кроссовки" and second.text == "мужские кроссовки nike"
    assert first.to_src == list(range(len(first.text)))
    assert second.to_src == list(range(len(second.text)))
    assert fold("АDIDAS shoes").text.startswith("adidas")          # a look-alike among Latin words
    assert fold("Брелок АТАКА НА ТИТАНОВ").text == "брелок атака на титанов"  # its own script's capitals
