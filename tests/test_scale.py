"""Memory stays flat over long runs: spaCy's vocabulary and the matchers' caches are bounded."""
import datetime as dt

from compliance.check import Checker
from compliance.listing import Listing
from compliance.platforms import parse_targets


def _listing(i):
    return Listing.from_values(f"S{i}", i, {
        "title": f"Phone case for iPhone 15 model QX-{i:06d}",
        "description": f"Fits Apple iPhone 15. Part number ZK{i * 7919 % 999983:06d}-{i % 97}B, batch {i}.",
    })


def test_spacy_pipeline_is_rebuilt_before_its_vocabulary_grows_without_end(fixture_blocklist, monkeypatch):
    # The spaCy engine (the reference the compiled one is tested against) keeps its memory flat too.
    from compliance.matchers.context import ContextAnnotator, SpacyEngine

    monkeypatch.setattr(SpacyEngine, "MAX_STRINGS", 2_000)
    checker = Checker(parse_targets(["amazon:US"]), fixture_blocklist, as_of=dt.date(2026, 1, 1), batch_size=50)
    checker._context = ContextAnnotator("spacy")
    first_nlp, sizes, decisions = None, [], []
    for result in checker.check(_listing(i) for i in range(1_500)):
        first_nlp = first_nlp or checker.context.engine.nlp
        sizes.append(len(checker.context.engine.nlp.vocab.strings))
        decisions.append(tuple((f.rule, f.entry) for f in result.findings if f.kind == "trademark"))
    assert checker.context.engine.nlp is not first_nlp  # rebuilt at least once
    assert max(sizes) < 2_000 + 50 * 40  # at most one batch past the bound
    # Context still read after each rebuild: compatibility wording, not the brand, every time.
    assert decisions[0] and all(rule == "TM003" for rule, _ in decisions[0])
    assert set(decisions) == {decisions[0]}


def test_misspelling_caches_are_bounded(fixture_blocklist, monkeypatch):
    from compliance.matchers.marks import MarkMatcher

    monkeypatch.setattr(MarkMatcher, "CACHE_SIZE", 500)
    matcher = MarkMatcher(fixture_blocklist)
    for i in range(3_000):
        matcher.find_in_text(f"widget{i} gadgetry{i * 31 % 1000} Guccci runners")
        assert len(matcher._word_cache) <= 500 and len(matcher._fuzzy_cache) <= 500
    assert any(how == "typo" for *_, how, _ in matcher.find_in_text("Guccci runners"))
