"""The rule book: which platform packs exist, which rules they use, and each rule's documentation.

The library side of ``listguard platforms``, ``listguard rules`` and ``listguard rules
explain CODE``; the command line only renders what these functions return.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .errors import UsageError
from .platforms import Platform, RuleConfig, load_platforms
from .rules import REGISTRY
from .rules.base import ListingRule, RuleDoc


class UnknownRule(UsageError):
    """A rule code that is not registered; the message names close matches."""


@dataclass(frozen=True)
class PlatformSummary:
    """One pack as ``listguard platforms`` lists it."""

    name: str
    title: str
    default_region: str
    regions: tuple[str, ...]
    rule_codes: tuple[str, ...]  # distinct codes, in pack order
    configs: int                 # rule entries (a code may appear with other params or regions)
    source: str


@dataclass(frozen=True)
class RuleUse:
    """How one pack uses a rule: one entry of its ``rules:`` list."""

    platform: str
    severity: str
    fields: tuple[str, ...]
    params: dict
    regions: tuple[str, ...]  # empty: every region of the pack
    source: str
    note: str


@dataclass(frozen=True)
class RuleEntry:
    """A registered rule with its documentation and the packs that use it."""

    code: str
    name: str
    kind: str
    default_severity: str
    doc: RuleDoc
    uses: tuple[RuleUse, ...]

    @property
    def everywhere(self) -> bool:
        """Detection rules (trademark, counterfeit, patent, prohibited) run on every platform
        through the blocklists, without a pack entry."""
        return not self.uses and self.kind != "policy"

    def severities_by_platform(self) -> dict[str, tuple[str, ...]]:
        """``{"amazon": ("block", "warn"), ...}`` in pack order, severities block first."""
        found: dict[str, set[str]] = {}
        for use in self.uses:
            found.setdefault(use.platform, set()).add(use.severity)
        order = ("block", "warn", "info")
        return {name: tuple(s for s in order if s in sevs) for name, sevs in found.items()}


def _use(pack: Platform, cfg: RuleConfig) -> RuleUse:
    return RuleUse(platform=pack.name, severity=cfg.severity, fields=cfg.fields, params=_thaw(cfg.params),
                   regions=tuple(sorted(cfg.regions)), source=cfg.source, note=cfg.note)


def _thaw(value):
    """Pack params are frozen into tuples of pairs on load; give them back as dicts and lists."""
    if isinstance(value, tuple) and value and all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str)
                                                  for v in value):
        return {k: _thaw(v) for k, v in value}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def platform_summaries(platforms: dict[str, Platform] | None = None) -> list[PlatformSummary]:
    """Every pack, by name."""
    platforms = platforms if platforms is not None else load_platforms()
    return [PlatformSummary(name=p.name, title=p.title, default_region=p.default_region, regions=p.regions,
                            rule_codes=tuple(dict.fromkeys(c.code for c in p.rules)), configs=len(p.rules),
                            source=p.source)
            for p in sorted(platforms.values(), key=lambda p: p.name)]


def _entry(rule: ListingRule, platforms: dict[str, Platform], only: str | None = None) -> RuleEntry:
    uses = tuple(_use(pack, cfg) for pack in sorted(platforms.values(), key=lambda p: p.name)
                 if only is None or pack.name == only
                 for cfg in pack.rules if cfg.code == rule.code)
    return RuleEntry(code=rule.code, name=rule.name, kind=rule.kind, default_severity=rule.default_severity,
                     doc=rule.doc, uses=uses)


def rule_entries(platform: str | None = None, platforms: dict[str, Platform] | None = None) -> list[RuleEntry]:
    """Every registered rule, by code; with ``platform``, the rules that apply there (its pack's, with
    only that pack's uses, and the blocklist rules that run everywhere). An unknown platform is a
    :class:`UsageError`."""
    platforms = platforms if platforms is not None else load_platforms()
    if platform is None:
        return [_entry(REGISTRY[code], platforms) for code in sorted(REGISTRY)]
    name = platform.strip().lower().partition(":")[0]
    if name not in platforms:
        raise UsageError(f"unknown platform '{platform}'; known platforms: {', '.join(sorted(platforms))}")
    entries = [_entry(REGISTRY[code], platforms, name) for code in sorted(REGISTRY)]
    return [e for e in entries if e.uses or _entry(REGISTRY[e.code], platforms).everywhere]


def explain_rule(code: str, platforms: dict[str, Platform] | None = None) -> RuleEntry:
    """One rule by code (any letter case) or name (``title-too-long``); an unknown one is an
    :class:`UnknownRule` that names the closest codes."""
    platforms = platforms if platforms is not None else load_platforms()
    wanted = code.strip()
    rule = REGISTRY.get(wanted.upper())
    if rule is None:
        rule = next((r for r in REGISTRY.values() if r.name == wanted.lower()), None)
    if rule is None:
        names = {r.name: r.code for r in REGISTRY.values()}
        close = difflib.get_close_matches(wanted.upper(), sorted(REGISTRY), n=3, cutoff=0.6)
        close += [names[n] for n in difflib.get_close_matches(wanted.lower(), sorted(names), n=2, cutoff=0.6)]
        close = list(dict.fromkeys(close))[:3]
        hint = f"did you mean {', '.join(close)}?" if close else "run 'listguard rules' for the list"
        raise UnknownRule(f"unknown rule '{wanted}'; {hint}")
    return _entry(rule, platforms)
