"""The case forms of Russian names, as Ozon's and Wildberries' titles write them.

A Russian title declines a character's or a team's name: "Сова Гарри Поттера" (Harry Potter's
owl), "Костюм Человека-паука", "Кружка с Микки Маусом", "Флаг ФК Спартака". The lists give each name
once, in the nominative; this module gives the other case forms, in the name's own number, from
pymorphy3's Russian dictionary and its guesser for words it does not know (most names), so the
marks matcher can look for them too. Words the dictionary marks indeclinable ("Гарри", "Барби")
keep their form. The analyzer is loaded only while an index of marks is built (the built index is
kept in the disk cache), and let go afterwards; `blocklist suggest` keeps one to tell the Russian
words that open titles from makers' names (:func:`russian_word`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

# Genitive, dative, accusative, instrumental, prepositional: the nominative is the name as listed.
CASES = ("gent", "datv", "accs", "ablt", "loct")
DECLINED_POS = ("NOUN", "ADJF")


def cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def declined_names(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each Cyrillic name's other case forms, lower case, without the name itself."""
    todo = sorted({n for n in names if cyrillic(n)})
    if not todo:
        return {}
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    return {name: _forms(morph, name) for name in todo}


def _forms(morph, name: str) -> tuple[str, ...]:
    words = name.lower().split()
    parses = [_nominative(morph, w) for w in words]
    if not any(parses) or len(words) == 1 and _everyday_noun(parses[0]):
        return ()  # "Тачки" (Cars) is also barrows: "тачку" is that word, not the film
    forms: set[str] = set()
    surname = _rule_surname(words, parses)
    for case in CASES:
        declined = [_declined(p, w, case) for w, p in zip(words, parses)]
        if surname:
            declined[-1] = words[-1] + SURNAME_CASES[case]
        forms.add(" ".join(declined))
        # A name whose last word does not decline though the guesser declines it (a woman's
        # surname: "Гермионы Грейнджер"): its first word declined alone.
        if len(words) > 1 and parses[0] is not None:
            forms.add(" ".join([declined[0]] + words[1:]))
    forms.discard(name.lower())
    lemmas = {p.normal_form for p in parses if p is not None} | set(words)
    return tuple(sorted(f for f in forms if " " in f or not _another_words_form(morph, f, lemmas)))


def _another_words_form(morph, form: str, lemmas: set[str]) -> bool:
    """A one-word case form that is a common word of the dictionary, and only as another word's:
    "некому" (no one to) is the accusative the guesser makes of "Некома", Haikyu's school, and a
    pronoun in every title that writes it. The name's own forms ("Эльзы" of "Эльза") are its
    dictionary word's; a rare word's ("Соника", Sonic's genitive) is more often the name's."""
    from .marks import is_common_word

    known = [p for p in morph.parse(form) if p.is_known]
    return bool(known) and not any(p.normal_form in lemmas or PROPER & set(p.tag.grammemes) for p in known) \
        and is_common_word(form)


# A man's surname in -ов, -ев, -ин or -ын after his given name declines by rule ("Сергей Шнуров":
# "Сергея Шнурова"), also where the dictionary knows the word only as another word's case form
# ("шнуров": of cords, "нагиев") and gives no nominative to decline it from.
SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
SURNAME_CASES = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"}


def word_forms(words: Iterable[str]) -> frozenset[str]:
    """``words`` and every case and number form of the Cyrillic nouns and adjectives among them
    (an adjective's genders too), lower case: a list that writes "накладка" also finds "накладки
    на стики", "кружку" and "мягкие игрушки". Forms come from the dictionary only; a word it does
    not know ("худи", "лонгслив") keeps its one form. Built once and kept in the disk cache."""
    listed = frozenset(w.lower() for w in words)
    todo = sorted(w for w in listed if cyrillic(w) and " " not in w)
    if not todo:
        return listed
    from importlib.metadata import version

    from ..cache import fingerprint, load_or_build

    # The dictionary's version in the key: a newer dictionary may know more forms.
    key = fingerprint(todo, version("pymorphy3-dicts-ru"), sources=(__file__,))
    return listed | load_or_build("word-forms", key, lambda: _all_forms(todo))


def _all_forms(todo: list[str]) -> frozenset[str]:
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    forms = {form for word in todo for form in _lexeme(morph, word)}
    # Titles mostly write ё as е ("совенок", "пленку"), which the dictionary spells with ё.
    return frozenset(forms | {f.replace("ё", "е") for f in forms})


def _lexeme(morph, word: str) -> set[str]:
    """The forms of each dictionary reading of ``word`` as a noun or a full adjective, in that part
    of speech (not an adjective's short or comparative forms: "мягок", "мягче"). A word that reads
    as a nominative is taken as one: "кружка" is a mug, not the genitive of "кружок" (a club)."""
    readings = [p for p in morph.parse(word) if p.is_known and p.tag.POS in DECLINED_POS]
    nominative = [p for p in readings if p.tag.case == "nomn"]
    return {f.word for p in nominative or readings for f in p.lexeme if f.tag.POS == p.tag.POS}


def _rule_surname(words: list[str], parses: list) -> bool:
    first = parses[0]
    return len(words) == 2 and parses[1] is None and first is not None and "Name" in first.tag \
        and "masc" in first.tag and words[1].endswith(SURNAME_ENDINGS) and cyrillic(words[1])


def _nominative(morph, word: str):
    """The reading of ``word`` as a nominative noun or adjective, or None (a conjunction, a Latin
    word, a word the dictionary knows only in another case, or an indeclinable one)."""
    if not cyrillic(word):
        return None
    for parse in morph.parse(word):
        if parse.tag.POS in DECLINED_POS and parse.tag.case == "nomn":
            return None if "Fixd" in parse.tag else parse
    return None


# Grammemes of proper names: a word the dictionary knows only as one ("Эльза") declines as a name.
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _everyday_noun(parse) -> bool:
    """A word the dictionary knows as an everyday noun or adjective (not guessed, not a proper
    name): its case forms are that word's, as often as the name's."""
    return parse is not None and parse.is_known and not (PROPER & set(parse.tag.grammemes))


def _declined(parse, word: str, case: str) -> str:
    if parse is None:
        return word
    grammemes = {case, parse.tag.number} if parse.tag.number else {case}
    form = parse.inflect(grammemes)
    return form.word if form is not None else word


# Parts of speech a Russian word read by the dictionary's guesser may take and still be an everyday
# word: the compound adjectives and participles of product titles ("Противоударный", "Ультратонкий").
EVERYDAY_POS = frozenset({"ADJF", "PRTF"})


def russian_word(word: str) -> bool:
    """A word of the Russian dictionary, or, unknown to it, one read as an adjective or participle:
    a title's product word ("Напальчники", "Противоударный"), not a maker's name ("АРТЭ", "RUTATU")."""
    morph = _analyzer()
    low = word.lower()
    return morph.word_is_known(low) or morph.parse(low)[0].tag.POS in EVERYDAY_POS


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
