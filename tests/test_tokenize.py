"""The compiled context engine gives spaCy's tokens, matches and readings without loading spaCy:
spaCy stays the reference here."""
import datetime as dt
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from compliance.matchers.tokenize import RULES_FILE, Matcher, Tokenizer, export_rules, filter_spans

ROOT = Path(__file__).resolve().parents[1]

TRICKY = [
    "Genuine Apple iPhone 15 Pro Max case (e.g. for U.S. users) :) can't won't",
    "5km 10x20cm 3.5mm 1/2\" 100% 12/512GB $19.99 №5 ~30cm ±2",
    "see http://example.com/a?b=c, www.shop.co.uk and mail@shop.com!",
    "Hello  world\n\nnew line -- test... end.\tTab  ",
    "x-23 'Cause ain't (*_*) e.g.) (e.g.) i.e.,etc. Dr. Smith's U.K.-made",
    "Чехол для iPhone 13, цвет: чёрный / подарок «Москва» — 2шт.",
    "Capa Compatível Para Samsung Galaxy A54 5G, Película 3D; Frete Grátis!!!",
    "เคส iPhone 14 Pro Max สำหรับ ผู้ชาย 【พร้อมส่ง】(Ready Stock) [COD]",
    "Ốp lưng điện thoại Xiaomi Redmi Note 12 Pro+ chống sốc - Hàng chính hãng",
    "『Hello Kitty』Type-C charger 20W/30W fits Apple,Samsung&Huawei…",
    "",
    "   leading and trailing   ",
    "ALL CAPS TITLE FOR NIKE-STYLE SHOES ''quoted'' `ticks` 'single'",
]


def spacy_nlp():
    import spacy

    return spacy.blank("en")


def _tokens(doc):
    return [(t.text, t.whitespace_, t.is_punct, t.is_space, t.like_num, t.is_title, t.is_upper, t.is_alpha)
            for t in doc]


def test_the_exported_rules_are_the_installed_spacys():
    stored = json.loads(resources.files("compliance.matchers").joinpath(f"patterns/{RULES_FILE}").read_text("utf-8"))
    assert stored == json.loads(json.dumps(export_rules())), \
        "spaCy's rules changed: re-export with `python -m compliance.matchers.tokenize`"


@pytest.mark.parametrize("text", TRICKY)
def test_tokens_are_spacys(text):
    assert _tokens(Tokenizer()(text)) == _tokens(spacy_nlp()(text))


def test_tokens_are_spacys_on_a_generated_catalog(tmp_path):
    import csv

    from bench.catalog import write_catalog

    path = tmp_path / "catalog.csv"
    write_catalog(path, 1_500, seed=11)
    nlp, mine = spacy_nlp(), Tokenizer()
    with open(path, encoding="utf-8", newline="") as handle:
        texts = [text for row in csv.DictReader(handle) for text in (row["title"], row["description"][:800])]
    assert len(texts) == 3_000
    assert [_tokens(mine(t)) for t in texts] == [_tokens(nlp(t)) for t in texts]


@pytest.mark.parametrize("start, end", [(4, 9), (4, 10), (3, 9), (9, 10), (0, 3), (10, 16), (17, 19)])
def test_a_character_range_covers_the_tokens_spacys_does(start, end):
    text = "for Apple  iPhone 15 case"
    theirs = spacy_nlp()(text).char_span(start, end, alignment_mode="expand")
    ours = Tokenizer()(text).char_span(start, end, alignment_mode="expand")
    def bounds(span):
        return None if span is None else (span.start, span.end)

    assert bounds(ours) == bounds(theirs)


def test_the_matcher_finds_what_spacys_finds():
    from spacy.matcher import Matcher as SpacyMatcher
    from spacy.tokens import Span as SpacySpan

    from compliance.matchers.context import load_patterns

    nlp = spacy_nlp()
    theirs, ours = SpacyMatcher(nlp.vocab), Matcher()
    for p in load_patterns():
        theirs.add(f"{p['label']}:{p['id']}", [p["pattern"]])
        ours.add(f"{p['label']}:{p['id']}", [p["pattern"]])
    texts = {"case compatible with the Apple iPhone 15": [(3, 4), (4, 5)],
             "Hello Kitty style bag, inspired by Gucci and not Prada": [(0, 2), (7, 8), (10, 11)],
             "replacement for Canon Epson printers, fits Bosch": [(2, 3), (3, 4), (7, 8)],
             "para Samsung Galaxy y Xiaomi Redmi, like Nike": [(1, 3), (4, 6), (8, 9)]}
    for text, marks in texts.items():
        doc, mine = nlp(text), Tokenizer()(text)
        doc.ents = [SpacySpan(doc, s, e, label="MARK") for s, e in marks]
        mine.ents = filter_spans([mine.char_span(doc[s:e].start_char, doc[s:e].end_char, label="MARK")
                                  for s, e in marks])
        found_theirs = {(nlp.vocab.strings[m], s, e) for m, s, e in theirs(doc)}
        assert found_theirs and set(ours(mine)) == found_theirs


def test_readings_and_reports_are_spacys_on_a_generated_catalog(tmp_path):
    from bench.catalog import write_blocklist, write_catalog
    from compliance.blocklist import load_blocklist
    from compliance.catalog import read_catalog
    from compliance.check import Checker
    from compliance.matchers.context import ContextAnnotator
    from compliance.platforms import parse_targets

    write_catalog(tmp_path / "catalog.csv", 2_000, seed=5)
    write_blocklist(tmp_path / "marks.csv", 1_000, seed=5)
    entries = load_blocklist(tmp_path / "marks.csv")
    reports = {}
    for engine in ("compiled", "spacy"):
        checker = Checker(parse_targets(["ebay:US", "amazon:US"]), entries, as_of=dt.date(2026, 12, 1))
        checker._context = ContextAnnotator(engine)
        _, listings = read_catalog(tmp_path / "catalog.csv")
        reports[engine] = [[(f.rule, f.severity, f.field, f.start, f.end, f.message, str(f.explanation))
                            for f in result.findings] for result in checker.check(listings)]
    assert len(reports["spacy"]) == 2_000
    assert sum(1 for fs in reports["spacy"] if any(f[0] == "TM003" for f in fs)) >= 20  # context was read
    assert reports["compiled"] == reports["spacy"]


def test_a_check_does_not_load_spacy(tmp_path):
    probe = ("import runpy, sys\n"
             f"sys.argv = ['listguard', 'check', {str(ROOT / 'tests/fixtures/small.csv')!r}, '--no-store', "
             f"'-f', 'json', '-o', {str(tmp_path / 'r.json')!r}]\n"
             "try:\n    runpy.run_path('cli.py', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print('SPACY' if 'spacy' in sys.modules else 'NO SPACY', file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert (tmp_path / "r.json").exists()
    assert done.stderr.strip().endswith("NO SPACY")


def test_a_token_pattern_with_a_key_the_matcher_does_not_read_is_refused():
    """The compiled matcher reads LOWER, ORTH, ENT_TYPE and OP; a pattern naming another attribute
    (spaCy's POS, say) would otherwise be matched as if the key were not there."""
    import pytest

    from compliance.matchers.tokenize import Matcher

    with pytest.raises(ValueError, match="POS"):
        Matcher().add("X:pos", [[{"LOWER": "for"}, {"POS": "PROPN"}]])
