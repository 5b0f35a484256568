"""Marketplace rule packs: one YAML file per platform in this folder, validated on load.

A pack names the platform, the regions (sites) it serves, its default region, and the
rules that apply there, each with its code, severity, fields, parameters and source::

    name: ebay
    title: eBay
    default_region: US
    regions: [US, GB, DE, ...]
    rules:
      - code: LS001
        severity: block
        fields: [title]
        params: {max_length: 80}
        source: https://developer.ebay.com/...

Rule codes must be registered in :mod:`compliance.rules`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import InputError, UsageError
from ..regions import parse_region, region_covers
from ..yamldata import load_yaml

SEVERITIES = ("block", "warn", "info")
# Every marketplace listguard knows by name; blocklist entries may name any of them, even
# one whose rule pack a run does not load.
MARKETPLACES = ("ebay", "amazon", "aliexpress", "dhgate", "lightinthebox", "newegg", "etsy", "walmart",
                "mercadolibre", "shopee", "lazada", "ozon", "wildberries", "flipkart", "jumia")


@dataclass(frozen=True)
class RuleConfig:
    code: str
    severity: str
    fields: tuple[str, ...]
    params: tuple[tuple[str, object], ...] = ()
    source: str = ""
    note: str = ""
    regions: frozenset[str] = frozenset()  # empty: every region of the pack

    @property
    def param_dict(self) -> dict:
        return dict(self.params)


@dataclass(frozen=True)
class Platform:
    name: str
    title: str
    default_region: str
    regions: tuple[str, ...]
    rules: tuple[RuleConfig, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Target:
    """A platform at one region: the unit a verdict is given for (``ebay:US``)."""

    platform: Platform
    region: str

    @property
    def key(self) -> str:
        return f"{self.platform.name}:{self.region}"

    def rules(self):
        for rule in self.platform.rules:
            if region_covers(rule.regions, self.region):
                yield rule


def _freeze(value):
    if isinstance(value, dict):
        return tuple((k, _freeze(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def load_pack(path: Path) -> Platform:
    from ..rules import REGISTRY  # registers every rule

    data = _pack_mapping(path)
    regions = _pack_regions(data["regions"], path)
    rules = [_rule_config(item, i, REGISTRY, path) for i, item in enumerate(data["rules"] or [], 1)]
    default = parse_region(str(data["default_region"]))
    if default is None:
        raise InputError(f"default_region: '{data['default_region']}' is not an ISO country code", path)
    return Platform(name=str(data["name"]).lower(), title=str(data["title"]), default_region=default,
                    regions=tuple(regions), rules=tuple(rules), source=str(data.get("source", "")))


def _pack_mapping(path: Path) -> dict:
    """The pack file read as YAML: a mapping with every key a pack needs, or an error saying where
    the file goes wrong."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"not valid YAML ({getattr(exc, 'problem', exc)})", path,
                         mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise InputError("a platform pack is a YAML mapping with name, title, default_region, regions, rules", path, 1)
    for key in ("name", "title", "default_region", "regions", "rules"):
        if key not in data:
            raise InputError(f"missing '{key}'", path)
    return data


def _pack_regions(listed, path: Path) -> list[str]:
    """The pack's regions as ISO country codes, in the order the pack lists them."""
    regions = []
    for r in listed:
        code = parse_region(str(r))
        if code is None:
            raise InputError(f"regions: '{r}' is not an ISO country code", path)
        regions.append(code)
    return regions


def _rule_config(item, i: int, registry, path: Path) -> RuleConfig:
    """The pack's settings for its ``i``-th rule (counted from 1); what the pack leaves out comes
    from the rule's own defaults."""
    where = f"rules[{i}]"
    if not isinstance(item, dict) or "code" not in item:
        raise InputError(f"{where}: each rule needs at least a code", path)
    code = str(item["code"])
    if code not in registry:
        raise InputError(f"{where}: unknown rule code {code}", path)
    rule = registry[code]
    severity = str(item.get("severity", rule.default_severity))
    if severity not in SEVERITIES:
        raise InputError(f"{where} ({code}): severity '{severity}' is not one of {', '.join(SEVERITIES)}", path)
    fields = tuple(item.get("fields") or rule.default_fields)
    rule_regions = frozenset(
        "EU" if str(r).upper() == "EU" else (parse_region(str(r)) or str(r)) for r in item.get("regions") or ())
    return RuleConfig(code=code, severity=severity, fields=fields,
                      params=_freeze(item.get("params") or {}), source=str(item.get("source", "")),
                      note=str(item.get("note", "")), regions=rule_regions)


@lru_cache(maxsize=1)
def load_platforms() -> dict[str, Platform]:
    """Every pack shipped in this folder, by platform name."""
    folder = resources.files(__name__)
    packs = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            pack = load_pack(Path(str(item)))
            packs[pack.name] = pack
    return packs


DEFAULT_TARGETS = ("ebay:US", "amazon:US")


def parse_targets(specs, platforms=None) -> list[Target]:
    """``["ebay", "amazon:DE", "all"]`` -> targets; unknown names are a :class:`UsageError`."""
    platforms = platforms if platforms is not None else load_platforms()
    specs = list(specs) or list(DEFAULT_TARGETS)
    targets: list[Target] = []
    for spec in specs:
        name, _, region_text = spec.strip().partition(":")
        name = name.lower()
        if name == "all":
            chosen = [Target(p, p.default_region) for p in platforms.values()]
        else:
            if name not in platforms:
                raise UsageError(f"unknown platform '{name}'; known platforms: {', '.join(sorted(platforms))}, all")
            pack = platforms[name]
            region = pack.default_region
            if region_text:
                region = parse_region(region_text)
                if region is None:
                    raise UsageError(f"'{region_text}' in '{spec}' is not an ISO country code (US, DE, GB, ...)")
                if pack.regions and region not in pack.regions:
                    raise UsageError(f"{pack.title} has no site for region {region}; "
                                     f"its regions: {', '.join(pack.regions)}")
            chosen = [Target(pack, region)]
        for t in chosen:
            if t.key not in {x.key for x in targets}:
                targets.append(t)
    return targets
