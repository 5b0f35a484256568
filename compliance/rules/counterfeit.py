"""Counterfeit indicators: replica words and seller slang, and blocklist terms of kind counterfeit."""
from __future__ import annotations

from ..listing import TEXT_FIELDS
from .base import Hit, ListingRule, RuleDoc, register


@register
class CounterfeitCue(ListingRule):
    code = "CF001"
    name = "counterfeit-indicator"
    kind = "counterfeit"
    everywhere = True
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="Replica wording and seller slang for copies: replica, fake, knockoff, imitation, 1:1 copy, AAA / 7A "
             "quality, mirror quality, super clone, first copy, réplica, imitação, contrefaçon, Fälschung, "
             "реплика, копия; 'dupe' and 'reps' next to a brand. Honest uses are spared: a 1:18 scale replica "
             "model, imitation leather, AAA batteries, 10A grade virgin hair, a counterfeit-detector pen.",
        why="Every marketplace bans counterfeits and removes listings that describe an item as a replica or "
            "copy (ebay.ca/help/policies/prohibited-restricted-items/counterfeit-items-policy?id=4276; "
            "global-selling.mercadolibre.com/help/1078).",
        fails="Men's Quartz Wrist Watch AAA quality replica",
        passes="1:18 Scale Diecast Replica Model Car",
    )

    def check(self, listing, params, fields):
        has_mark = any(s.kind == "mark" for s in listing.spans.get("marks", []))
        for cue in listing.spans.get("cues", []):
            # Slang such as "dupe" or "reps" is a counterfeit cue only next to a brand.
            if cue.field not in fields or cue.data.get("scope") == "mark" and not has_mark:
                continue
            yield Hit(cue.field, cue.start, cue.end, cue.text, cue.label,
                      f"'{cue.text}' describes the item as a counterfeit or copy",
                      f"Remove '{cue.text}'. A copy of a branded product cannot be listed on any marketplace",
                      explanation=(("cue", cue.label), ("scope", cue.data.get("scope"))))


@register
class CounterfeitTerm(ListingRule):
    code = "CF002"
    name = "counterfeit-term"
    kind = "counterfeit"
    everywhere = True
    default_fields = TEXT_FIELDS
    doc = RuleDoc(
        what="A term from a blocklist entry of kind counterfeit (a seller's or agency's own list of code words).",
        why="Teams keep their own lists of code words seen in takedowns; listguard applies them like its own cues.",
        fails="(with a blocklist line 'passing quality,counterfeit') Sneakers passing quality",
        passes="Sneakers, top quality",
    )

    def check(self, listing, params, fields):
        for span in listing.spans.get("marks", []):
            if span.kind != "counterfeit" or span.field not in fields:
                continue
            entry = span.data["entry"]
            yield Hit(span.field, span.start, span.end, span.text, entry.term,
                      f"'{span.text}' is on the counterfeit term list ({entry.source})", f"Remove '{span.text}'",
                      score=span.score, severity=entry.severity, mark=entry,
                      explanation=(("source", entry.source), ("reference", entry.reference)))
