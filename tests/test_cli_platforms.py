"""The rule-book commands: `platforms`, `rules [--platform P]` and `rules explain CODE`."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import main
from compliance.platforms import MARKETPLACES, load_platforms
from compliance.rules import REGISTRY


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_platforms_lists_every_pack_with_regions_and_counts():
    result = run("platforms")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["platform", "title", "default", "rules", "entries", "regions"]
    assert set(lines[1]) <= {"-", " "}
    rows = {line.split()[0]: line for line in lines[2:]}
    assert set(rows) == set(MARKETPLACES)
    packs = load_platforms()
    for name, line in rows.items():
        pack = packs[name]
        codes = len({c.code for c in pack.rules})
        assert line.endswith(" ".join(pack.regions))
        assert f" {pack.default_region} " in line and f" {codes} " in line and f" {len(pack.rules)} " in line
    assert rows["walmart"].split()[:5] == ["walmart", "Walmart", "US", "9", "12"]


def test_rules_lists_every_registered_rule_with_its_users():
    result = run("rules")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["code", "kind", "name", "used", "by"]
    codes = [line.split()[0] for line in lines[2:]]
    assert codes == sorted(REGISTRY)
    by_code = {line.split()[0]: line for line in lines[2:]}
    assert by_code["LS001"].endswith("aliexpress warn, amazon block/warn, ebay block, etsy warn, "
                                     "mercadolibre warn, walmart block")
    assert by_code["PR001"].endswith("all platforms (blocklists)")


def test_rules_for_one_platform():
    result = run("rules", "--platform", "ozon")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["code", "severity", "regions", "name"]
    rows = [line.split() for line in lines[2:]]
    assert ["RG006", "warn", "AM", "BY", "KG", "KZ", "RU", "eaeu-eac-conformity"] in rows
    assert ["RG007", "warn", "all", "lithium-battery-shipping"] in rows
    assert ["PR001", "block", "all", "prohibited-item", "(blocklists)"] in rows
    assert not any(r[0] == "LS001" for r in rows)


def test_rules_explain_prints_the_doc_and_each_use():
    result = run("rules", "explain", "LS001")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("LS001  title-too-long  (policy, default severity block)\n")
    for label in ("what", "why", "fails", "passes"):
        assert f"\n{label:<8}" in out
    assert REGISTRY["LS001"].doc.passes in out
    for name, severity, limit in [("ebay", "block", 80), ("amazon", "block", 200), ("walmart", "block", 150),
                                  ("etsy", "warn", 140), ("aliexpress", "warn", 128), ("mercadolibre", "warn", 60)]:
        assert f"\n  {name}  {severity}  " in out
        assert f'"max_length": {limit}' in out
    assert "source: https://marketplacelearn.walmart.com/" in out
    assert "  amazon  warn  FR GB  fields: title" in out


def test_rules_explain_accepts_names_and_any_case():
    assert run("rules", "explain", "title-too-long").output == run("rules", "explain", "ls001").output


def test_rules_explain_a_blocklist_rule():
    result = run("rules", "explain", "PR001")
    assert result.exit_code == 0 and "used by: every platform, through the blocklists" in result.output


@pytest.mark.parametrize("args, words", [
    (["rules", "explain", "LS01"], "unknown rule 'LS01'; did you mean LS001"),
    (["rules", "explain", "nothing-like-it"], "unknown rule 'nothing-like-it'; run 'listguard rules' for the list"),
    (["rules", "--platform", "ebey"], "unknown platform 'ebey'; known platforms:"),
])
def test_unknown_names_exit_2_with_one_line(args, words):
    result = run(*args)
    assert result.exit_code == 2
    assert words in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_platform_all_checks_every_pack_at_its_default_region(tmp_path):
    import json

    path = tmp_path / "one.csv"
    path.write_text("sku,title\nA,Wireless Earbuds Bluetooth 5.3 with Charging Case!\n", encoding="utf-8")
    result = run("check", str(path), "-p", "all", "--no-default-blocklists", "-f", "json")
    report = json.loads(result.stdout)
    packs = load_platforms()
    assert report["platforms"] == [f"{n}:{p.default_region}" for n, p in packs.items()]
    failing = {k for k, v in report["listings"][0]["verdicts"].items() if v == "fail"}
    assert failing == {"amazon:US", "walmart:US"} and result.exit_code == 1


def test_readme_platform_table_matches_the_packs():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Platforms"):]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in MARKETPLACES:
            rows[cells[0]] = cells[1:]
    packs = load_platforms()
    assert rows == {name: [p.default_region, " ".join(p.regions),
                           f"{len({c.code for c in p.rules})} ({len(p.rules)})"] for name, p in packs.items()}
