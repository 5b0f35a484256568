"""Run one rule on one listing the way the check does: matchers first, then the rule."""
from compliance.listing import Listing
from compliance.matchers.contact import ContactMatcher
from compliance.matchers.markup_tags import MarkupMatcher
from compliance.rules import REGISTRY

MATCHERS = (ContactMatcher(), MarkupMatcher())


def hits(code: str, params: dict, values: dict, fields: tuple[str, ...] | None = None):
    listing = Listing.from_values("SKU1", 1, values)
    for matcher in MATCHERS:
        listing.spans[matcher.name] = matcher.find(listing)
    rule = REGISTRY[code]
    return list(rule.check(listing, params, tuple(fields or rule.default_fields)))


def tm_findings(result):
    """The trademark findings of a check's result as (rule, severity, matched text lower-cased)."""
    return [(f.rule, f.severity, f.text.lower()) for f in result.findings if f.kind == "trademark"]


def severities(result, text):
    """The severities of the trademark findings on ``text`` (lower case)."""
    return {severity for _, severity, found in tm_findings(result) if found == text}


def reviewed(result, text, because):
    """The trademark findings on ``text`` (lower case) are a review, warn only, and a finding of
    the listing says ``because``."""
    return severities(result, text) == {"warn"} and any(because in f.message for f in result.findings)
