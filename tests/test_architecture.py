"""The code stays readable: small functions everywhere, and every rule can be named by a pack."""
from pathlib import Path

import pytest
from radon.complexity import cc_visit

from compliance.rules import REGISTRY
from compliance.rules.base import ListingRule

ROOT = Path(__file__).resolve().parents[1]
# The library and its command line: every module, the rules, matchers, readers and writers alike.
SOURCES = sorted([*(ROOT / "compliance").rglob("*.py"), ROOT / "cli.py"])
MAX_COMPLEXITY = 15


def _functions(path: Path):
    for block in cc_visit(path.read_text("utf-8")):
        for item in [block, *getattr(block, "methods", [])]:
            if not hasattr(item, "methods"):  # functions and methods, not classes
                yield item


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_is_above_the_complexity_limit(path):
    heavy = [(f.fullname, f.complexity) for f in _functions(path) if f.complexity > MAX_COMPLEXITY]
    assert heavy == []


def test_every_module_is_measured():
    """The rules, the matchers, the readers and the command line are all among the sources read."""
    names = {str(p.relative_to(ROOT)) for p in SOURCES}
    assert {"cli.py", "compliance/rules/trademark.py", "compliance/matchers/marks.py",
            "compliance/normalize.py"} <= names


def test_the_limit_is_measured():
    """The test above reads real complexity: a function with sixteen branches is caught."""
    source = "def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(16)) + "    return 0\n"
    assert max(f.complexity for f in cc_visit(source)) > MAX_COMPLEXITY


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_rule_implements_the_contract(code):
    rule = REGISTRY[code]
    assert type(rule).check is not ListingRule.check, f"{code} does not implement check()"


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rules_explain_works_for_every_code(code):
    from click.testing import CliRunner

    from cli import main

    result = CliRunner().invoke(main, ["rules", "explain", code])
    assert result.exit_code == 0 and code in result.output and "Traceback" not in result.output


def test_a_pack_can_name_a_detection_rule_and_set_its_severity_there():
    """A pack that names TM001 at warn runs it for its own targets; other targets keep the default."""
    import dataclasses
    import datetime as dt

    from compliance.blocklist import load_blocklists
    from compliance.check import Checker
    from compliance.listing import Listing
    from compliance.platforms import RuleConfig, Target, load_platforms

    packs = load_platforms()
    lenient = dataclasses.replace(packs["etsy"], rules=(RuleConfig("TM001", "warn", ("title",)),))
    checker = Checker([Target(packs["ebay"], "US"), Target(lenient, "US")], load_blocklists([]),
                      as_of=dt.date(2026, 1, 1))
    listing = Listing.from_values("1", 1, {"title": "Nike Air Max 90 Sneakers", "brand": "Zonsan"})
    result = checker.check_batch([listing])[0]
    assert result.verdicts == {"ebay:US": "fail", "etsy:US": "warn"}


def _run_without(code: str, blanked: tuple[str, ...]) -> list:
    """Rule ``code`` on its own failing example under the first pack that configures it (else with
    no params), every matcher's spans found except those of ``blanked``."""
    import datetime as dt

    from compliance.blocklist import load_blocklists
    from compliance.check import Checker
    from compliance.listing import Listing
    from compliance.platforms import load_platforms, parse_targets

    rule = REGISTRY[code]
    packs = load_platforms()
    checker = Checker(parse_targets(["ebay:US"], packs), load_blocklists([]), as_of=dt.date(2026, 1, 1))
    text = rule.doc.fails
    listing = Listing.from_values("1", 1, {**{name: text for name in rule.default_fields}, "title": text})
    for matcher in checker.matchers:
        listing.spans[matcher.name] = [] if matcher.name in blanked else matcher.find(listing)
    configs = [cfg for pack in packs.values() for cfg in pack.rules if cfg.code == code]
    params = {**(configs[0].param_dict if configs else {}),
              "_as_of": dt.date(2026, 1, 1), "_authorized": (), "_regions": ("US",)}
    return list(rule.check(listing, params, configs[0].fields if configs else rule.default_fields))


@pytest.mark.parametrize("code", sorted(c for c, r in REGISTRY.items() if r.reads))
def test_a_rule_that_decides_from_spans_finds_nothing_without_them(code):
    """The check does not ask a rule about a listing with none of the spans it reads (``reads``):
    the rule must then find nothing there, whatever the text says. Its own failing example, with
    every other matcher's spans and none of its own, gives no hit."""
    assert _run_without(code, REGISTRY[code].reads) == []


def test_the_test_of_what_a_rule_reads_can_fail():
    """A rule that reads the text itself finds its failing example with any matcher's spans
    blanked: the test above would catch it if it claimed to read spans only."""
    assert _run_without("LS003", ("cues",)) != []
    assert _run_without("TM001", ()) != [] and _run_without("CT003", ()) != []
