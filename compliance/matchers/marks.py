"""Find blocklist terms (marks and their aliases, prohibited items, counterfeit terms) in text.

Exact matching runs an Aho-Corasick automaton over the plain and the evasion readings of
each field (see :mod:`compliance.normalize`), so case, punctuation, spacing tricks,
look-alike letters and leetspeak all land on the same key. Typos (doubled, dropped,
swapped or replaced letters) in names of five letters or more are found through a
deletion-neighbourhood index, so the cost per word stays flat as the blocklist grows,
then verified with rapidfuzz; a word that is common in any of the seed's languages is
a word, not a typo. Names of four letters or fewer match exactly only.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Iterator, NamedTuple

import ahocorasick
from rapidfuzz.distance import DamerauLevenshtein

from .. import normalize
from ..blocklist import Entry
from ..normalize import Reading, disguised, evasion_reading, fold, own_script_words, plain_reading, words
from . import Span, declension

FUZZY_MIN = 5
# A lower-case letter pair, then a capital starting a lower-case word: where glued words meet.
GLUED = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
UNMISSPELT = frozenset({"character", "media", "sports", "toy", "food", "vehicle"})
# Goods whose names Russian titles decline as they would a person's ("Сова Гарри Поттера", "Кружка с
# Микки Маусом"); makers' and products' names are written as listed ("для Сяоми").
DECLINED = frozenset({"character", "media", "sports"})
COMMON_ZIPF = 3.0
COMMON_ZIPF_OTHER = 3.6
# The seed's languages and the marketplaces' (Russian, Italian, Dutch, Indonesian, Malay, Vietnamese):
# a word common in any of them ("kotak", box; "pada", on; "gặp") is a word, not a typo of a mark.
LANGUAGES = ("en", "es", "pt", "fr", "de", "ru", "it", "nl", "id", "ms", "vi")


@lru_cache(maxsize=30_000)
def is_common_word(word: str) -> bool:
    """Whether ``word`` is an everyday word in one of the seed's languages (so not a typo)."""
    if word.isalpha() and _spaced_letters(word):
        # The same answer as the frequency lookup, without loading it: the saved set holds words as
        # wordfreq reads them in these languages, NFC and case folded.
        return unicodedata.normalize("NFC", word).casefold() in common_words()
    return _common_by_frequency(word)


def _spaced_letters(word: str) -> bool:
    """Latin or Cyrillic letters: a word that wordfreq reads as one token in every seed language, so
    its frequency is the word list's own (other scripts may split into several)."""
    return all(c.isascii() or unicodedata.name(c, "").startswith(("LATIN", "CYRILLIC")) for c in word)


# An English word down to this frequency (wordfreq's large list: "airbag", "uplink", "energize",
# "mattes") is a word the seller meant, not a misspelt mark ("airtag", "tp-link", "energizer",
# "mattel"); misspellings sellers make of marks are rarer ("addidas" 1.4, "samsun" 1.8).
DICTIONARY_ZIPF = 2.3


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` is in an English dictionary as a misspelling check reads one: rarer words
    than :func:`is_common_word` asks for, of English only (the one large list among the seed's)."""
    return word.isascii() and word.isalpha() and word.lower() in dictionary_words()


def is_accented_dictionary_word(word: str) -> bool:
    """Whether ``word``, written with accents on Latin letters, is in the dictionary of a seed
    language, down to the frequency :func:`is_dictionary_word` asks of English words ("nórdica",
    Zipf 3.0 in Spanish, as in "funda nórdica")."""
    return word.lower() in accented_words()


@lru_cache(maxsize=1)
def accented_words() -> "WordSet":
    """The words with accented Latin letters in wordfreq's large lists of the seed's languages
    that have them, down to ``DICTIONARY_ZIPF``, kept in the disk cache."""
    from ..cache import fingerprint, load_or_build

    paths = _large_lists()
    key = fingerprint("accented-words", [(p.name, p.stat().st_size) for p in paths], DICTIONARY_ZIPF)
    return load_or_build("accented", key, lambda: WordSet(
        w for p in paths for w in _frequent_words(p, DICTIONARY_ZIPF) if not w.isascii() and _latin(w) and w.isalpha()))


# The seed's languages written with accented Latin letters that wordfreq has large lists of.
ACCENTED_LANGUAGES = ("es", "pt", "fr", "de", "it", "nl")


def _large_lists() -> list:
    """The files of wordfreq's large lists of :data:`ACCENTED_LANGUAGES`."""
    return [p for lang in ACCENTED_LANGUAGES for p in sorted(wordfreq_data().glob(f"large_{lang}.*"))]


def is_foreign_dictionary_word(word: str) -> bool:
    """Whether ``word`` is in the dictionary of a seed language other than English that wordfreq
    has a large list of, down to the frequency :func:`is_dictionary_word` asks of English words,
    and that language's own ("erizo", a hedgehog, "palta", an avocado, "mamut"): a word sellers
    write meaning it, no misspelt mark ("Erigo", "Patta", "Mammut")."""
    return word.isascii() and word.isalpha() and word.lower() in foreign_words()


@lru_cache(maxsize=1)
def foreign_words() -> "WordSet":
    """The words of letters in the large lists of :data:`ACCENTED_LANGUAGES` down to
    ``DICTIONARY_ZIPF`` that are their language's own (``OWN_WORD_MARGIN`` more common there than in
    English: "samsun", a Turkish city in every list, stays a misspelling to look at), kept in the
    disk cache."""
    from ..cache import fingerprint, load_or_build

    paths = _large_lists()
    key = fingerprint("foreign-words", [(p.name, p.stat().st_size) for p in paths], DICTIONARY_ZIPF,
                      OWN_WORD_MARGIN)
    return load_or_build("foreign", key, lambda: WordSet(_foreign_words(paths)))


def _foreign_words(paths) -> Iterator[str]:
    # English words down to where a word of another list at DICTIONARY_ZIPF would be its own.
    english = {w: z for z, ws in _words_by_zipf(wordfreq_data() / "large_en.msgpack.gz",
                                                 DICTIONARY_ZIPF - OWN_WORD_MARGIN) for w in ws}
    for path in paths:
        for zipf, bucket in _words_by_zipf(path, DICTIONARY_ZIPF):
            yield from (w for w in bucket if w.isascii() and w.isalpha()
                        and zipf >= english.get(w, 0.0) + OWN_WORD_MARGIN)


def dictionary_words() -> "WordSet":
    """The English words :func:`is_dictionary_word` accepts."""
    return english_words(DICTIONARY_ZIPF)


def wordfreq_data():
    """The folder of wordfreq's lists (wordfreq is a dependency, so its spec and origin are there;
    typeshed types both as optional)."""
    from importlib.util import find_spec
    from pathlib import Path

    return Path(find_spec("wordfreq").origin).parent / "data"  # type: ignore[union-attr, arg-type]


@lru_cache(maxsize=4)
def english_words(zipf: float) -> "WordSet":
    """The words of letters in wordfreq's large English list down to ``zipf``, kept in the disk cache
    (the misspelling check's dictionary, the register's vocabulary)."""
    from ..cache import fingerprint, load_or_build

    path = wordfreq_data() / "large_en.msgpack.gz"
    key = fingerprint("english-words", path.name, path.stat().st_size, zipf)
    return load_or_build("english", key, lambda: WordSet(w for w in _frequent_words(path, zipf)
                                                         if w.isascii() and w.isalpha()))


def _frequent_words(path, zipf: float) -> Iterator[str]:
    """The words of a wordfreq list down to ``zipf``, read bucket by bucket from its file (gzipped
    msgpack: a header, then one bucket of words per centibel, the most frequent first) and no
    further: the whole list, as wordfreq's readers load and keep it, is 30 MB for English."""
    for _, bucket in _words_by_zipf(path, zipf):
        yield from bucket


def _words_by_zipf(path, zipf: float) -> Iterator[tuple[float, list[str]]]:
    """Each bucket of a wordfreq list down to ``zipf``: its Zipf frequency and its words."""
    import gzip

    import msgpack  # type: ignore[import-untyped]  # wordfreq's own reader of its lists
    from wordfreq import cB_to_freq, freq_to_zipf

    with gzip.open(path, "rb") as f:
        unpacker = msgpack.Unpacker(f, raw=False)
        buckets = unpacker.read_array_header() - 1
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{path}: not a wordfreq list (header {header!r})")
        for index in range(buckets):
            bucket_zipf = round(freq_to_zipf(cB_to_freq(-index)), 2)
            if bucket_zipf < zipf:
                break
            yield bucket_zipf, unpacker.unpack()


# A word this common in a language is one of its everyday words (wordfreq's small lists hold
# every word down to Zipf 3) ...
EVERYDAY_ZIPF = 3.0
# ... if it is this much more common there than in English: the names of brands, characters and
# shows are about as common in every language's text ("disney", "batman"), its own words are not.
OWN_WORD_MARGIN = 1.0
# The languages written in Latin letters: in another script a shop writes a character's or a
# brand's name as a word of its language ("Мстители", "Халк"), so such words tell nothing.
LATIN_LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "nl", "id", "ms", "vi")


@lru_cache(maxsize=1)
def language_words() -> dict[str, "WordSet"]:
    """Each Latin-script seed language's own everyday words, folded as listings are ("pele", "ovo",
    "poco"), kept in the disk cache: what tells the language a title or a description is written in."""
    from ..cache import fingerprint, load_or_build

    data = wordfreq_data()
    files = [(p.name, p.stat().st_size) for lang in LATIN_LANGUAGES for p in sorted(data.glob(f"small_{lang}.*"))]
    key = fingerprint("language-words", files, EVERYDAY_ZIPF, OWN_WORD_MARGIN, LATIN_LANGUAGES,
                      sources=(__file__, normalize.__file__))
    return load_or_build("languages", key, _build_language_words)


def _build_language_words() -> dict[str, "WordSet"]:
    from wordfreq import freq_to_zipf, get_frequency_dict

    lists = {lang: get_frequency_dict(lang, "small") for lang in LATIN_LANGUAGES}
    found = {}
    for lang, frequencies in lists.items():
        # English's own words are those much more common in it than in any other of these
        # languages; another language's, those much more common in it than in English.
        rivals = [lists[other] for other in LATIN_LANGUAGES if other != lang] if lang == "en" else [lists["en"]]
        words = []
        for word, freq in frequencies.items():
            if not word.isalpha() or freq_to_zipf(freq) < EVERYDAY_ZIPF:
                continue
            rival = max(r.get(word, 0.0) for r in rivals)
            if rival and freq_to_zipf(freq) < freq_to_zipf(rival) + OWN_WORD_MARGIN:
                continue
            words.append(fold(word).text)
        found[lang] = WordSet(words)
    return found


def own_word(word: str) -> bool:
    """An everyday word of one of the Latin-script seed languages other than English, its own (see
    :func:`language_words`): one lookup, which most words of a listing fail."""
    return word in _other_languages_words()


@lru_cache(maxsize=1)
def _other_languages_words() -> "WordSet":
    return WordSet.union(known for lang, known in language_words().items() if lang != "en")


def any_language_word(word: str) -> bool:
    """An everyday word of one of the Latin-script seed languages, English included, its own."""
    return word in _all_languages_words()


@lru_cache(maxsize=1)
def _all_languages_words() -> "WordSet":
    return WordSet.union(language_words().values())


def language_counts(text_words: list[str]) -> dict[str, int]:
    """How many of a text's words (folded) are each Latin-script seed language's own words."""
    import numpy as np

    sets = language_words()
    # One array of the words' keys searched in each language's sorted keys: a description's hundreds
    # of words cost a search per language, not a call per word and language.
    keys = np.array([_key(w) for w in text_words], dtype=np.uint64)
    return {lang: known.count_keys(keys) for lang, known in sets.items()}


def languages_of(counts: dict[str, int]) -> frozenset[str]:
    """The seed's languages other than English a text is written in, from its
    :func:`language_counts`: most of its words that are a language's own everyday words are this
    one's (two or more, and more than are English's; close languages may tie). Brand names and
    model codes tell no language, so a title of little else has none."""
    others = {lang: n for lang, n in counts.items() if lang != "en"}
    most = max(others.values(), default=0)
    if most < 2 or most <= counts.get("en", 0):
        return frozenset()
    return frozenset(lang for lang, n in others.items() if n == most)


@lru_cache(maxsize=1)
def other_brand_words() -> frozenset[str]:
    """One-word names of brands that exist (data/other_brands.txt, and the established brands of
    data/established_brands.txt), folded: a word that names one is that brand, not a misspelling
    of another ("Koton", the clothing retailer, is no misspelt Kiton)."""
    from importlib import resources

    found: set[str] = set()
    for name in ("other_brands.txt", "established_brands.txt"):
        text = resources.files("compliance").joinpath(f"data/{name}").read_text("utf-8")
        found.update(line.strip().lower() for line in text.splitlines()
                     if not line.startswith("#") and line.strip().isalpha() and line.strip().isascii())
    return frozenset(found)


# Short words that join the words of a hyphenated name ("Kill-A-Watt", "Jack-o-Lantern").
_JOINING_WORDS = frozenset("a an o n of de la le el du und and".split())
_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


def compound_name(source: str) -> bool:
    """Words joined by hyphens, each an everyday word of three letters or more or a short joining
    word ("Kill-A-Watt"), or one letter before a word ("A-Data", "V-Tech", "K-Swiss", as "e-mail"
    is written): how a product's own name is written, not letters split to hide a mark
    ("N-I-K-E", "Gu-cci", "Ad-i-das")."""
    if not _HYPHENATED.fullmatch(source):
        return False
    parts = source.lower().split("-")
    if len(parts) == 2 and len(parts[0]) == 1 and len(parts[1]) >= 4:
        return True
    return all(p in _JOINING_WORDS or len(p) >= 3 and is_common_word(p) for p in parts) and \
        sum(len(p) >= 3 for p in parts) >= 2


def _common_by_frequency(word: str) -> bool:
    from wordfreq import zipf_frequency

    # Listings are mostly English; a word must be more common to count in the other languages,
    # or every given name of one of them ("Cassio", "Fedi") would excuse a misspelt mark.
    # The "small" lists hold every word down to Zipf 3, all this test needs, in a tenth of the memory.
    return zipf_frequency(word, "en", wordlist="small") >= COMMON_ZIPF or \
        any(zipf_frequency(word, lang, wordlist="small") >= COMMON_ZIPF_OTHER for lang in LANGUAGES[1:])


@lru_cache(maxsize=1)
def common_words() -> "WordSet":
    """Every word of letters :func:`_common_by_frequency` accepts, kept in the disk cache: loading
    eleven frequency lists takes longer than a small check, and as Python dictionaries they hold
    34 MB in every worker process (the first word in another alphabet than English's loaded them)."""
    from ..cache import fingerprint, load_or_build

    # The word lists' files identify them (reading the package's version would load its metadata,
    # slower than this whole lookup).
    data = wordfreq_data()
    files = [(p.name, p.stat().st_size) for lang in LANGUAGES for p in sorted(data.glob(f"small_{lang}.*"))]
    key = fingerprint("common-words-keys", "all letters", files, COMMON_ZIPF, COMMON_ZIPF_OTHER, LANGUAGES)
    return load_or_build("words", key, _build_common_words)


class WordSet:
    """A set of words kept as their sorted 64-bit keys (:func:`_key`): 90,000 everyday words of
    eleven languages in under a megabyte instead of thirteen, in every worker process."""

    def __init__(self, words):
        import numpy as np

        self._keys = np.unique(np.array([_key(w) for w in words], dtype=np.uint64))

    @classmethod
    def union(cls, sets) -> "WordSet":
        import numpy as np

        joined = cls(())
        joined._keys = np.unique(np.concatenate([s._keys for s in sets] or [joined._keys]))
        return joined

    _ready: dict[str, bool] = {}  # a batch's words, looked up together (see prefetch)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, word: str) -> bool:
        import numpy as np

        known = self._ready.get(word)
        if known is not None:
            return known
        k = np.uint64(_key(word))
        i = int(np.searchsorted(self._keys, k))
        return i < len(self._keys) and self._keys[i] == k

    def count_keys(self, keys) -> int:
        """How many of the words whose :func:`_key` values are ``keys`` (an array) are in the set."""
        import numpy as np

        if not len(keys) or not len(self._keys):
            return 0
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return int(np.count_nonzero(self._keys[at] == keys))

    def prefetch(self, words: list[str]) -> None:
        """Look ``words`` up together, in one search of the sorted keys, for the lookups that follow:
        a search per word costs more in the call than in the search. Replaces the last batch's."""
        import numpy as np

        if not words or not len(self._keys):
            self._ready = {}
            return
        keys = np.array([_key(w) for w in words], dtype=np.uint64)
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        self._ready = dict(zip(words, (self._keys[at] == keys).tolist()))


def _build_common_words() -> WordSet:
    from wordfreq import freq_to_zipf, get_frequency_dict

    found = set()
    for lang in LANGUAGES:
        threshold = COMMON_ZIPF if lang == "en" else COMMON_ZIPF_OTHER
        for word, freq in get_frequency_dict(lang, "small").items():
            if word.isalpha() and round(freq_to_zipf(freq), 2) >= threshold:
                found.add(word)
    return WordSet(found)


def _latin(word: str) -> bool:
    return all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in word)


# How sellers spell a mark's ampersand out: English, the short form, Indonesian and Malay, Spanish
# and Portuguese, Russian.
AMPERSAND_WORDS = ("and", "n", "dan", "y", "e", "и")
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`](?=\w)")


def _long_title(ws: list[str]) -> bool:
    """A name of two words or more, nine letters or more ("Chainsaw Man", "Stumble Guys"): one
    letter off it is no everyday phrase, and a title one letter off is looked for only where a
    word of it is no everyday word ("Chinsaw Man"; not "Spider Men")."""
    return len(ws) > 1 and sum(map(len, ws)) >= 9


def max_typos(length: int) -> int:
    return 1 if length < 9 else 2


class _Name(NamedTuple):
    entry: int
    name: str  # the wording as the blocklist writes it
    form: str  # "name", "plural" or "declined"


def _deletes(s: str) -> set[str]:
    return {s[:i] + s[i + 1:] for i in range(len(s))}


def _key(s: str) -> int:
    """A 64-bit key for a string, the same in every process (unlike ``hash``), so an index can be
    saved and shared; two different strings rarely share one, and a shared one costs only a check."""
    b = s.encode("utf-8")
    return zlib.crc32(b) << 32 | zlib.adler32(b)


@lru_cache(maxsize=64)
def _probe_keys(word: str):
    """The keys a lookup of ``word`` probes: a word is looked up in the names, the first words of
    names of several words and the titles' first words in turn, so they are made once."""
    import numpy as np

    return np.array([_key(d) for d in _deletes(word) | {word}], dtype=np.uint64)


class DeletionIndex:
    """Every name and its one-letter deletions, as sorted 64-bit keys pointing at names.

    A word within one edit of a name shares a key with it (symmetric deletion), so a lookup is
    a dozen binary searches, however many names there are. Arrays instead of a dict of sets:
    50,000 marks with aliases make about two million keys, 12 bytes each here.
    """

    def __init__(self, names: list[str]):
        import numpy as np

        self.names = names
        keys, ids = [], []
        for i, name in enumerate(names):
            for d in _deletes(name) | {name}:
                keys.append(_key(d))
                ids.append(i)
        k = np.array(keys, dtype=np.uint64)
        order = np.argsort(k, kind="stable")
        self._keys = k[order]
        self._ids = np.array(ids, dtype=np.int32)[order]

    def __len__(self) -> int:
        return len(self._keys)

    def __bool__(self) -> bool:
        return len(self.names) > 0

    _ready: dict[str, set[str]] = {}  # a batch's words, looked up together (see prefetch)

    def near(self, word: str) -> set[str]:
        """Names that share a deletion key with ``word`` (to be verified by edit distance)."""
        import numpy as np

        ready = self._ready.get(word)
        if ready is not None:
            return ready
        probes = _probe_keys(word)
        lo = np.searchsorted(self._keys, probes, "left")
        hi = np.searchsorted(self._keys, probes, "right")
        found = set()
        for a, b in zip(lo.tolist(), hi.tolist()):
            if a < b:
                found.update(self._ids[a:b].tolist())
        return {self.names[i] for i in found}

    def prefetch(self, words: list[str], probes: dict) -> None:
        """:meth:`near` of every word of ``words`` at once, kept for the lookups that follow: two
        searches of the sorted keys for a whole batch, not two per word. ``probes`` holds each
        word's keys (:func:`_probe_keys`), made once for every index. Replaces the last batch's."""
        import numpy as np

        if not words or not len(self._keys):
            self._ready = {}
            return
        flat = np.concatenate([probes[w] for w in words])
        lo = np.searchsorted(self._keys, flat, "left")
        hi = np.searchsorted(self._keys, flat, "right")
        owner = np.repeat(np.arange(len(words)), [len(probes[w]) for w in words])
        ids: list[set[int]] = [set() for _ in words]
        for k in np.nonzero(hi > lo)[0].tolist():
            ids[owner[k]].update(self._ids[lo[k]:hi[k]].tolist())
        self._ready = {w: {self.names[i] for i in found} for w, found in zip(words, ids)}


def _name_variants(entry: Entry, name: str, ws: list[str],
                   declined: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """The wordings a blocklist name is matched exactly in, each with its form: its words spaced and
    joined, as sellers respell it, in its own script, declined and in the plural."""
    variants = [(" ".join(ws), "name"), ("".join(ws), "name")]
    # Sellers drop a name's apostrophe ("dont starve", "freddys"): its words joined across it.
    unquoted = words(_APOSTROPHES.sub("", name))
    if unquoted != ws:
        variants.append((" ".join(unquoted), "name"))
    # An ampersand spelt out ("Charles and Keith", "Dolce n Gabbana", "Johnson dan Johnson").
    if "&" in name:
        for joiner in AMPERSAND_WORDS:
            variants.append((" ".join(words(name.replace("&", f" {joiner} "))), "name"))
    # And a title's article after "of" ("Pirates of Caribbean", "Lord of Rings").
    if " of the " in f" {' '.join(ws)} ":
        variants.append((f" {' '.join(ws)} ".replace(" of the ", " of ").strip(), "name"))
    if own_script(name):
        own = own_script_words(name)
        variants += [(" ".join(own), "name"), ("".join(own), "name")]
    for form in declined.get(name, ()):
        variants += [(" ".join(words(form)), "declined"), (" ".join(own_script_words(form)), "declined")]
    variants += _plural_variants(entry, name, ws)
    return variants


def _plural_variants(entry: Entry, name: str, ws: list[str]) -> list[tuple[str, str]]:
    """A name's plurals, for prohibited items ("s" and "es") and for one-word marks sold by that
    name (see :func:`_plural_sold`); none where its last word ends in "s" already."""
    plurals: list[tuple[str, str]] = []
    if entry.kind == "prohibited" or (entry.kind == "trademark" and len(ws) == 1 and len(ws[0]) >= 4
                                      and _plural_sold(entry, name)):
        last = ws[-1]
        for suffix in ("s", "es") if entry.kind == "prohibited" else ("s",):
            if not last.endswith("s") and not _word_of_its_own(last + suffix, last):
                plurals.append((" ".join(ws[:-1] + [last + suffix]), "plural"))
    return plurals


def _word_of_its_own(plural: str, name: str) -> bool:
    """The plural is an everyday word of another seed language while the name is no word of any
    ("tumis", Indonesian for a stir-fry, is no plural of Tumi; "corrales" no plural of Dyson's
    Corrale): a brand that is a word there ("pokemons", "smurfs") keeps its plural."""
    plural, name = plural.lower(), name.lower()
    return plural.isalpha() and own_word(plural) and not (own_word(name) or is_common_word(name))


def _misspelt_sought(entry: Entry, ws: list[str], squashed: str) -> bool:
    """Whether a name (``ws``, ``squashed`` its words joined) is looked for misspelt too.

    Only Latin-script names get misspelling matches: Cyrillic and other spellings are
    transliterations that already vary by seller ("Фламенго" is one letter from "фламинго",
    flamingo), so one letter off is another word far more often than a disguise. Names of
    characters, titles, teams, toys, food and car models are written right by the sellers who use
    them (buyers search for them), while one letter off such a name ("Rufflet", "Type R") is a word
    more often ("ruffle", "type c"). A title of several words is the exception: one letter off it in
    a word that is no word ("Chinsaw Man", "Bungou Stray Dogs") is the title, misspelt or disguised,
    on its merchandise.
    """
    return entry.kind == "trademark" and (entry.goods not in UNMISSPELT or _long_title(ws)) \
        and len(squashed) >= FUZZY_MIN and squashed.isalpha() and _latin(squashed)


def _first_words(fuzzy_names: dict[str, list[_Name]], words_of: dict[str, list[str]], titles: set[str],
                 others: set[str]) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """The first words of the misspellable names of several words, each with the shortest and longest
    such name it begins (squashed): those of marks, and those of properties' titles only."""
    # A misspelt name of several words ("Louis Vuiton") is looked for where a text word is, or is
    # one letter off, the first word of such a name: the words are then joined and looked up.
    multi = [n for n in fuzzy_names if len(words_of.get(n, ())) > 1]
    # First word -> the shortest and longest such name it begins (squashed): a joined candidate
    # more than two letters off either cannot be one of them.
    first_words: dict[str, tuple[int, int]] = {}
    # A property's title is looked for misspelt only from a text word that is no everyday word
    # ("Chinsaw Man", "Bungou Stray Dogs"): not after every "the", "free" or "women" of a catalog.
    title_first: dict[str, tuple[int, int]] = {}
    for n in multi:
        firsts = title_first if n in titles and n not in others else first_words
        lo, hi = firsts.get(words_of[n][0], (len(n), len(n)))
        firsts[words_of[n][0]] = (min(lo, len(n)), max(hi, len(n)))
    return first_words, title_first


def _automaton(keys: dict[str, list[_Name]]) -> tuple[ahocorasick.Automaton, list[tuple[str, tuple[_Name, ...]]]]:
    """The exact keys' automaton and the table it points into: the automaton stores an index into
    this table, an int per key, not a Python tuple."""
    automaton = ahocorasick.Automaton()
    table = [(key, tuple(names)) for key, names in keys.items()]
    for index, (key, _) in enumerate(table):
        automaton.add_word(key, index)
    if keys:
        automaton.make_automaton()
    return automaton, table


class MarkMatcher:
    """Spans of kind ``mark`` (trademark), ``prohibited`` and ``counterfeit`` for blocklist entries."""

    name = "marks"
    KINDS = ("trademark", "prohibited", "counterfeit")

    CACHE_MIN = 2_000  # entries from which the built index is saved on disk (smaller lists build in ms)

    # Set in __init__ from the state _build returns (or the disk cache holds).
    automaton: ahocorasick.Automaton
    _keys: list[tuple[str, tuple[_Name, ...]]]
    _has_keys: bool
    fuzzy_names: dict[str, list[_Name]]
    longest: int
    fuzzy: DeletionIndex
    max_words: int
    multi_first: dict[str, tuple[int, int]]
    multi_first_index: DeletionIndex
    title_first: dict[str, tuple[int, int]]
    title_first_index: DeletionIndex

    def __init__(self, entries: list[Entry], cache: bool = True):
        self.entries = [e for e in entries if e.kind in self.KINDS]
        if cache and len(self.entries) >= self.CACHE_MIN:
            from ..cache import fingerprint, load_or_build

            # Entries read from files carry the files' hash; others are hashed here.
            content = getattr(entries, "fingerprint", None) or \
                [(e.kind, e.generic, e.goods, tuple(e.names)) for e in self.entries]
            key = fingerprint(content, sources=(__file__, normalize.__file__, declension.__file__))
            state = load_or_build("marks", key, lambda: self._build(self.entries))
        else:
            state = self._build(self.entries)
        self.__dict__.update(state)
        self._fuzzy_cache: dict[str, tuple] = {}
        self._word_cache: dict[str, tuple] = {}  # word -> (misspelt names it may be, starts a multi-word name)
        self._clean: set[str] = set()  # words of the cache that are neither
        self._brands: dict[str, tuple[Entry, ...]] = {}  # brand cell -> the marks it names

    @staticmethod
    def _build(entries: list[Entry]) -> dict:
        """The automaton, the misspelling index and their tables (what the disk cache saves)."""
        keys: dict[str, list[_Name]] = {}
        fuzzy_names: dict[str, list[_Name]] = {}
        max_words = 1
        words_of: dict[str, list[str]] = {}
        titles: set[str] = set()  # names (squashed) of properties only: see title_first
        others: set[str] = set()
        # Russian titles decline a property's name ("Сова Гарри Поттера"): its case forms too.
        declined = declension.declined_names(
            name for entry in entries if entry.kind == "trademark" and entry.goods in DECLINED for name in entry.names)
        for i, entry in enumerate(entries):
            for name in entry.names:
                ws = words(name)
                if not ws:
                    continue
                for key, form in _name_variants(entry, name, ws, declined):
                    bucket = keys.setdefault(f" {key} ", [])
                    if not any(n.entry == i for n in bucket):
                        bucket.append(_Name(i, name, form))
                squashed = "".join(ws)
                if _misspelt_sought(entry, ws, squashed):
                    fuzzy_names.setdefault(squashed, []).append(_Name(i, name, "typo"))
                    words_of[squashed] = ws
                    max_words = max(max_words, len(ws))
                    (titles if entry.goods in UNMISSPELT else others).add(squashed)
        first_words, title_first = _first_words(fuzzy_names, words_of, titles, others)
        automaton, table = _automaton(keys)
        return {"automaton": automaton, "_keys": table, "_has_keys": bool(keys), "fuzzy_names": fuzzy_names,
                "longest": max(map(len, fuzzy_names), default=0),
                "fuzzy": DeletionIndex(list(fuzzy_names)), "max_words": max_words,
                "multi_first": first_words,
                "multi_first_index": DeletionIndex(sorted(w for w in first_words if len(w) >= FUZZY_MIN - 1)),
                "title_first": title_first, "title_first_index": DeletionIndex(sorted(title_first))}

    # -- exact -------------------------------------------------------------------------
    def _exact(self, reading: Reading, evasion: bool):
        if not self._has_keys:
            return
        table = self._keys
        for end, index in self.automaton.iter(reading.text):
            key, names = table[index]
            start = end - len(key) + 2  # skip the padding spaces
            stop = end  # exclusive
            for n in names:
                yield start, stop, n, evasion

    # -- fuzzy -------------------------------------------------------------------------
    CACHE_SIZE = 30_000  # words and joined words remembered; the caches start over beyond it

    def _lookup(self, candidate: str):
        hit = self._fuzzy_cache.get(candidate)
        if hit is not None:
            return hit
        found = []
        if len(candidate) >= FUZZY_MIN - 1:
            for target in self.fuzzy.near(candidate):
                # A misspelling keeps the first letter ("Guccci", "Addidas"): one that changes it is
                # another word or name far more often ("PANDER" is no Xpander).
                if target == candidate or target[0] != candidate[0]:
                    continue
                dist = DamerauLevenshtein.distance(candidate, target, score_cutoff=max_typos(len(target)))
                if dist <= max_typos(len(target)):
                    found.append((target, dist))
        result = tuple(sorted(found, key=lambda t: (t[1], t[0])))  # the same order in every process
        if len(self._fuzzy_cache) >= self.CACHE_SIZE:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[candidate] = result
        return result

    def _word(self, word: str) -> tuple:
        """(misspelt names ``word`` may be, and when it may start a misspelt name of several words, the
        lengths such a name may have once joined, else None)."""
        info = self._word_cache.get(word)
        if info is not None:
            return info
        hits = ()
        # Model numbers are no misspellings; a word longer than any name by more than a typo is
        # none either (and a 40 KB "word" would cost its every deletion).
        plain_word = FUZZY_MIN - 1 <= len(word) <= self.longest + max_typos(99) and word.isalpha()
        if plain_word:
            hits = self._lookup(word)
            # A word of a seed language is no misspelling: common in any of them, in the English
            # dictionary or another's ("erizo", a hedgehog, is no Erigo), or one of another
            # language's own everyday words ("kopling", Indonesian for a clutch, is no Kipling;
            # "praha" no Prada), or another brand's name.
            if hits and (is_common_word(word) or is_dictionary_word(word) or own_word(word)
                         or is_foreign_dictionary_word(word) or word in other_brand_words()):
                hits = ()
        multi = self._joined_lengths(word, plain_word)
        info = (hits, multi)
        if len(self._word_cache) >= self.CACHE_SIZE:
            self._word_cache.clear()
            self._clean.clear()
        self._word_cache[word] = info
        if not hits and not multi:
            self._clean.add(word)
        return info

    def _joined_lengths(self, word: str, plain_word: bool) -> tuple[int, int] | None:
        """When ``word`` may start a misspelt name of several words (it is, or is one letter off, the
        first word of one), the lengths such a name may have once joined, give or take its typos;
        else None. ``plain_word``: the word is letters only, of a length a name may be misspelt to."""
        firsts = [word] if word in self.multi_first else []
        if plain_word and self.multi_first_index:
            firsts += [first for first in self.multi_first_index.near(word)
                       if first != word and DamerauLevenshtein.distance(word, first, score_cutoff=1) <= 1]
        lengths = [self.multi_first[f] for f in firsts]
        if plain_word and word.isascii() and not (is_common_word(word) or is_dictionary_word(word)):
            lengths += self._title_lengths(word)  # the titles are in Latin letters
        if not lengths:
            return None
        slack = max_typos(99)
        return (min(lo for lo, _ in lengths) - slack, max(hi for _, hi in lengths) + slack)

    def _title_lengths(self, word: str) -> list[tuple[int, int]]:
        """The lengths (squashed) of the properties' titles ``word`` is, or is one letter off, the
        first word of."""
        if not self.title_first:
            return []
        return [self.title_first[first] for first in self.title_first_index.near(word)
                if DamerauLevenshtein.distance(word, first, score_cutoff=1) <= 1]

    def prepare(self, listings) -> None:
        """Before a batch is matched: the words of its listings that no listing before asked about,
        looked up in the misspelling indexes and the word lists together (see ``prefetch``). The
        same answers as word by word; a catalog brings a few new words a listing."""
        if not self.fuzzy:
            return
        fresh = self._unseen_words(listings)
        top = self.longest + max_typos(99)
        plain = sorted(w for w in fresh if FUZZY_MIN - 1 <= len(w) <= top and w.isalpha())
        # Made here for the batch, past the word-by-word cache (64 words: the batch would only churn it).
        probes = {w: _probe_keys.__wrapped__(w) for w in plain}
        self.fuzzy.prefetch([w for w in plain if w not in self._fuzzy_cache], probes)
        if self.multi_first_index:
            self.multi_first_index.prefetch(plain, probes)
        latin = [w for w in plain if w.isascii()]
        if self.title_first:
            self.title_first_index.prefetch(latin, probes)
        lowered = sorted({w.lower() for w in latin})
        common_words().prefetch(lowered)
        dictionary_words().prefetch(lowered)
        foreign_words().prefetch(lowered)

    def _unseen_words(self, listings) -> set[str]:
        """The words of the listings' fields (as the misspelling search reads them) that no listing
        before asked about."""
        seen = self._word_cache
        clean = self._clean
        fresh: set[str] = set()
        for listing in listings:
            for field in listing.text_fields():
                fresh.update(w for w in field.evasive.text.split() if w not in clean and w not in seen)
        return fresh

    def _typos(self, reading: Reading, taken: list[tuple[int, int]], source: str | None = None):
        """Misspelt marks among the reading's words, alone or joined with the next ones."""
        if not self.fuzzy:
            return
        words = reading.text.split()
        # Most words were seen before and are near no mark: one set lookup each, in a comprehension.
        clean = self._clean
        todo = [i for i, w in enumerate(words) if w not in clean]
        if not todo:
            return
        # The reading is " word word ... ": word k starts after k spaces and the words before it.
        starts = [k + c for k, c in enumerate(accumulate(map(len, words), initial=1))]
        covered = _covered_words(starts, taken, len(words))
        word_info, cache, joined_typos = self._word, self._word_cache, self._joined_typos
        for i in todo:
            if covered[i]:
                continue
            w = words[i]
            info = cache.get(w)
            hits, multi = info if info is not None else word_info(w)
            if not hits and not multi:
                continue
            candidates = [(hits, i + 1)] if hits else []
            if multi:
                candidates += joined_typos(words, covered, i, multi)
            for found, stop_word in candidates:
                start, stop = starts[i], starts[stop_word - 1] + len(words[stop_word - 1])
                yield from self._typo_names(reading, source, words[i:stop_word], start, stop, found)

    def _joined_typos(self, words: list[str], covered: list[bool], i: int,
                      multi: tuple[int, int]) -> list[tuple[tuple, int]]:
        """Misspelt names of several words that word ``i`` joined with the next ones may be, each with
        the word after the last one it takes; ``multi``, the lengths such a name may have joined."""
        shortest, longest = multi
        joined = words[i]
        candidates = []
        for j in range(i + 1, min(len(words), i + self.max_words)):
            if covered[j]:
                break
            joined += words[j]
            if len(joined) > longest:
                break
            if len(joined) >= shortest and joined.isalpha():
                found = self._lookup(joined)
                if found and not all(is_common_word(p) for p in words[i:j + 1]):
                    candidates.append((found, j + 1))
        return candidates

    def _typo_names(self, reading: Reading, source: str | None, parts: list[str], start: int, stop: int,
                    found: tuple):
        """The names a candidate (the words ``parts``, at ``start:stop`` of the reading) is misspelt from,
        of those ``found`` near it, with the distance and the score of each."""
        candidate = "".join(parts)
        if source is not None:
            s0, e0 = reading.src_span(start, stop)
            if any(ch.isdigit() for ch in source[s0:e0]):
                return  # a model number read as leetspeak ("S3100") is no misspelling
        phrase = len(parts) > 1 and all(is_dictionary_word(p) or is_common_word(p) for p in parts)
        for target, dist in found:
            for name in self.fuzzy_names[target]:
                if phrase and self.entries[name.entry].goods in UNMISSPELT:
                    continue  # "Boho Beach" is a style and a place, not Boom Beach misspelt
                score = 1 - dist / max(len(target), len(candidate))
                yield start, stop, name, dist, score

    # -- spans -------------------------------------------------------------------------
    def find_in_text(self, text: str, readings=None):
        """(start, end, entry, name, how, score) over visible ``text``; ``how`` says which reading matched.

        ``readings`` (plain, evasive) may be passed when the caller already has them.
        """
        if readings is None:
            folded = fold(text)
            readings = (plain_reading(folded), lambda: evasion_reading(folded))
        plain, evasive_reading = readings
        results: list[tuple] = []
        plain_spans = self._exact_in_plain(text, plain, results)  # in the plain reading
        evasive = evasive_reading()
        if evasive.text == plain.text:
            # Nothing was undone (most titles): the same words at the same places, already matched.
            evasive, taken_ev = plain, plain_spans
        else:
            taken_ev = self._exact_in_evasion(text, evasive, results)
        self._typos_in(text, evasive, taken_ev, results)
        for vs, ve, n in self._glued(text):
            # Not across a name the text has already ("iPad, AirPods" holds no "iPad Air").
            if not any(r[0] < ve and vs < r[1] and not (vs <= r[0] and r[1] <= ve) for r in results):
                results.append((vs, ve, n, "exact", 1.0))
        return _keep_longest([r for r in results if not _inside_a_number(text, r[1])])

    def _exact_in_plain(self, text: str, plain: Reading, results: list[tuple]) -> list[tuple[int, int]]:
        """The names written out in the plain reading of ``text``, added to ``results`` (written in
        look-alike letters or with accents a mark never carries: "disguised"); returns their spans
        in the reading."""
        plain_spans: list[tuple[int, int]] = []
        for s, e, n, _ in self._exact(plain, False):
            vs, ve = plain.src_span(s, e)
            source = text[vs:ve]
            if source.isascii() and own_script(n.name):
                continue  # Latin letters are no name written in Cyrillic ("cera" is no "Сега")
            entry = self.entries[n.entry]
            # Accents a mark never carries ("Márvél") disguise it as much as look-alike letters do.
            accented = not source.isascii() and _accent_not_its_own(source, entry) and \
                any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", source))
            # A name written in its own script ("Асус") is no Latin name in look-alike letters.
            how = "disguised" if (disguised(source) or accented) and not own_script(n.name) else "exact"
            results.append((vs, ve, n, how, 1.0))
            plain_spans.append((s, e))
        return plain_spans

    def _exact_in_evasion(self, text: str, evasive: Reading, results: list[tuple]) -> list[tuple[int, int]]:
        """The names the evasion reading of ``text`` finds that ``results`` has not at that place,
        added to it (a name spaced, split or in leetspeak: "evasion"; a product's compound name
        written with hyphens: "exact"); returns the spans of all it finds, in the reading."""
        taken_ev = []
        for s, e, n, _ in self._exact(evasive, True):
            vs, ve = evasive.src_span(s, e)
            taken_ev.append((s, e))
            if any(r[2].entry == n.entry and r[0] < ve and vs < r[1] for r in results):
                continue
            if _model_code(text[vs:ve], self.entries[n.entry]):
                continue
            how = "exact" if compound_name(text[vs:ve]) and not _coined_name_split(text[vs:ve], n.name,
                                                                                self.entries[n.entry]) \
                else "evasion"
            results.append((vs, ve, n, how, 1.0))
        return taken_ev

    def _typos_in(self, text: str, evasive: Reading, taken_ev: list[tuple[int, int]], results: list[tuple]) -> None:
        """The misspelt names in the evasion reading of ``text`` (outside the exact matches
        ``taken_ev``), added to ``results`` where it has no match of their entry at that place."""
        for s, e, n, _, score in self._typos(evasive, taken_ev, text):
            vs, ve = evasive.src_span(s, e)
            if any(r[2].entry == n.entry and r[0] < ve and vs < r[1] for r in results):
                continue
            results.append((vs, ve, n, "typo", score))

    def _glued(self, text: str) -> Iterator[tuple[int, int, _Name]]:
        """Names in words glued at a capital ("ShrekTumbler", "Manchester CityTumbler"): the name
        is written right and only the space before the next word is missing. Matched exactly only,
        and only where the glue is: a name inside a brand written in camel case ("MacBook" holds
        "Mac") is inside the longer match and dropped with it. Not a name that is an everyday
        word: "PowerBank" holds a word, not the mark Power."""
        if text.islower() or not self._has_keys:
            return  # no capital, no glue (and most fields of a catalog are written so, or have none)
        cuts = [m.start() for m in GLUED.finditer(text)]
        if not cuts:
            return
        pieces = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
        spaced = plain_reading(fold(" ".join(pieces)))
        # The k-th inserted space sits at cuts[k] + k in the spaced text.
        inserted = [c + k for k, c in enumerate(cuts)]
        for s, e, n, _ in self._exact(spaced, False):
            if self.entries[n.entry].generic:
                continue
            vs, ve = spaced.src_span(s, e)
            if not any(vs - 1 <= p <= ve for p in inserted):
                continue  # no glue at its edges or inside: the plain reading has it already
            yield vs - bisect_right(inserted, vs - 1), ve - bisect_right(inserted, ve - 1), n

    def find(self, listing) -> list[Span]:
        if listing.brand:
            # The brand column's own marks ("American Tourister"): their owner's other marks are family.
            # A catalog repeats its few brands, so each is looked up once.
            found = self._brands.get(listing.brand)
            if found is None:
                found = self._brands[listing.brand] = self.entries_named(listing.brand)
                if len(self._brands) > 50_000:
                    self._brands.clear()
            listing.decided["seller_marks"] = found
        spans = []
        for field in listing.text_fields():
            for vs, ve, n, how, score in self.find_in_text(field.text, (field.plain, lambda f=field: f.evasive)):
                entry = self.entries[n.entry]
                rs, re_ = field.raw_span(vs, ve)
                kind = "mark" if entry.kind == "trademark" else entry.kind
                spans.append(Span(kind, field.name, rs, re_, field.raw[rs:re_], label=entry.term, score=score,
                                  data={"entry": entry, "name": n.name, "how": how, "visible": (vs, ve)}))
        return spans


    def entries_named(self, text: str) -> tuple[Entry, ...]:
        """The trademark entries whose name, or an alias, is exactly ``text`` (folded)."""
        ws = words(text)
        if not ws or not self._has_keys:
            return ()
        found: list[Entry] = []
        for key in dict.fromkeys((f" {' '.join(ws)} ", f" {''.join(ws)} ")):
            index = self.automaton.get(key, None)
            if index is not None:
                found += [self.entries[n.entry] for n in self._keys[index][1]
                          if self.entries[n.entry].kind == "trademark"]
        return tuple(dict.fromkeys(found))


@lru_cache(maxsize=4096)
def own_script(name: str) -> bool:
    """A name written in a script other than Latin, with no Latin letter ("Сега", "Асус")."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and not any(_latin(c) for c in letters)


def _model_code(source: str, entry) -> bool:
    """Digits read as letters where they are a model code, not a disguise: fewer than three letters
    ("S7", "i5", "b1c"), or the name of a car model or a character ("trans4m")."""
    if not any(c.isdigit() for c in source):
        return False
    return sum(c.isalpha() for c in source) < 3 or entry.goods in UNMISSPELT


def _accent_not_its_own(source: str, entry) -> bool:
    """No name of the entry is written so: "ïPHONE" for iPhone (an entry with a name in Cyrillic
    too), not "Pokémon" or "Hermès" as their owners write them."""
    written = source.casefold()
    return all(name.casefold() != written for name in entry.names)


def _inside_a_number(text: str, end: int) -> bool:
    """A name ending in a number whose digits go on after a decimal point ("RC Cars.3.7V" holds
    no "Cars 3"): the number is a measure, not the name's."""
    return end > 0 and text[end - 1].isdigit() and DECIMAL_GOES_ON.match(text, end) is not None


DECIMAL_GOES_ON = re.compile(r"[.,]\d")


def _coined_name_split(source: str, name: str, entry) -> bool:
    """A coined name of one word split in two by a hyphen into everyday words where it has no word
    break ("GAR-MIN", "Sam-sung"): no compound a seller writes, but a disguise. One letter before the
    rest ("A-Data", "V-Tech") is how makers write their own names, words joined by a short word
    ("Kill-A-Watt") are a phrase, and a name cut at its own words ("Ultra-Fine") is those words."""
    parts = source.split("-")
    return not entry.generic and len(words(name)) == 1 and len(parts) == 2 and len(parts[0]) > 1 \
        and not cut_at_its_words(source, name)


def cut_at_its_words(source: str, name: str) -> bool:
    """Whether ``source``, a one-word name written apart ("ultra-fine", "power core"), is cut where
    the name's own capitals start its words ("UltraFine", "PowerCore"): those words, not a coined
    word cut anywhere ("GAR-MIN" of "Garmin")."""
    letters = [c for c in name if c.isalnum()]
    cuts = list(accumulate(len(p) for p in words(source)))[:-1]
    return bool(cuts) and all(0 < cut < len(letters) and letters[cut].isupper() and letters[cut - 1].islower()
                              for cut in cuts)


def _plural_sold(entry, name: str) -> bool:
    """Whether a one-word name is also looked for with an "s" ("IPods", "macbooks"): a mark that
    is no everyday word, or a product line written in camel case under one that is (Apple's "iPod"
    and "MacBook"), a coined name whatever the word lists say, while "apples" is the fruit."""
    return not entry.generic or any(c.isupper() for c in name[1:]) and any(c.islower() for c in name)


def _covered_words(starts: list[int], taken: list[tuple[int, int]], count: int) -> list[bool]:
    """Which of a reading's ``count`` words (word k starting at ``starts[k]``) the exact matches
    ``taken`` already cover: no misspelling is looked for in them."""
    covered = [False] * count
    for s, e in taken:
        for k in range(bisect_right(starts, s) - 1, count):
            if k < 0 or starts[k] >= e:
                break
            covered[k] = True
    return covered


def _keep_longest(results):
    """Drop a match inside a longer match ("Air Max" over "Max", "Note 40 Pro" over its own "Note 40")."""
    results.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple] = []
    for r in results:
        inside = any(k[0] <= r[0] and r[1] <= k[1] and (k[1] - k[0]) > (r[1] - r[0]) for k in kept)
        if not inside:
            kept.append(r)
    return kept
