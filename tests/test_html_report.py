"""The HTML report in a real browser: headless Chromium loads it from a file, its script runs (the
page's Content-Security-Policy allows exactly that script), listing text stays text, matches are
highlighted, the filters hide what they should, and a screenshot is kept as a test artifact.

Chromium is Debian's ``chromium``; where it is missing the tests install it with apt-get when
they run as root, and are skipped with the reason (also shown as a warning) where they cannot.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from compliance.formats import get_formatter

HERE = Path(__file__).parent
ARTIFACTS = HERE / "artifacts"
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                 "--disable-extensions", "--mute-audio"]
SCRIPT_PAYLOAD = "<script>alert(1);document.body.setAttribute('data-pwned','script')</script>"
IMAGE_PAYLOAD = "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"


def _installed() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def _install() -> str:
    """Install Debian's chromium; the reason it cannot be, or ''."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "headless Chromium is not installed and the tests do not run as root to install it " \
               "(apt-get install -y chromium)"
    if not shutil.which("apt-get"):
        return "headless Chromium is not installed and there is no apt-get to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=900, env=env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"installing Chromium failed: {exc}"
        if done.returncode:
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            return f"'{' '.join(step)}' failed: {last[0]}"
    return ""


@pytest.fixture(scope="module")
def chromium() -> str:
    browser = _installed()
    if browser is None:
        reason = _install()
        browser = _installed()
        if browser is None:
            reason = reason or "apt-get installed chromium but no chromium command was found"
            # A skip's reason is hidden by default; a warning is listed in every run's summary.
            warnings.warn(f"HTML report browser test skipped: {reason}", stacklevel=1)
            pytest.skip(reason)
    return browser


def _browse(browser: str, page: Path, tmp_path: Path, *args: str, fragment: str = "") -> str:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    done = subprocess.run([browser, *BROWSER_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri() + fragment],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(browser: str, page: Path, tmp_path: Path, fragment: str = "") -> "Dom":
    dom = Dom()
    dom.feed(_browse(browser, page, tmp_path, "--dump-dom", fragment=fragment))
    return dom


class Dom(HTMLParser):
    """The elements of a dumped page with their attributes, the text of marks and outputs."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.texts: dict[str, list[str]] = {"mark": [], "output": [], "td": []}
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in self.texts:
            self._open.append(tag)
            self.texts[tag].append("")

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        if self._open:
            self.texts[self._open[-1]][-1] += data

    def tags(self, name: str) -> list[dict]:
        return [attrs for tag, attrs in self.elements if tag == name]

    def rows(self) -> list[dict]:
        return [a for a in self.tags("tr") if "data-status" in a]


def _catalog(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sku", "title", "description", "brand"])
        writer.writerow(["H1", f"Gucci handbag {SCRIPT_PAYLOAD}", f"Roomy tote {IMAGE_PAYLOAD}", "Acme"])
        writer.writerow(["H2", "Canvas tote bag with zip pocket", "Strong and roomy.", "Acme"])
        writer.writerow([f"H3{IMAGE_PAYLOAD}", "Leather wallet, Gucci style", "Slim.", "Acme"])
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("html-report")
    catalog = _catalog(folder / "catalog.csv")
    result = CliRunner().invoke(main, ["check", str(catalog), "--no-default-blocklists", "-b",
                                       str(HERE / "fixtures" / "blocklist.csv"), "-f", "html",
                                       "--output-dir", str(folder / "out")])
    assert result.exit_code == 1, result.output
    return folder / "out" / "report.html"


def test_hostile_listing_text_stays_text_in_the_browser(chromium, report, tmp_path):
    dom = dump_dom(chromium, report, tmp_path)
    body = dom.tags("body")[0]
    assert "data-pwned" not in body, "listing text ran as script"
    assert len(dom.tags("script")) == 1 and dom.tags("img") == []
    assert any(a.get("onerror") is not None for _, a in dom.elements) is False
    # The page's own script ran: it filled in the count of shown listings.
    assert dom.texts["output"] == ["2 of 2 listings shown"]
    assert "Gucci" in dom.texts["mark"]
    cells = " ".join(dom.texts["td"])
    assert "<script>alert(1);" in cells and 'onerror="document.body' in cells


def test_the_screenshot_is_kept_as_a_test_artifact(chromium, report, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    shot.unlink(missing_ok=True)
    _browse(chromium, report, tmp_path, f"--screenshot={shot}", "--window-size=1280,900")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


PLATFORMS = ["ebay:US", "amazon:US"]


def _item(ident, row, verdicts, rules):
    findings = [{"rule": rule, "kind": "policy", "severity": "block" if v == "fail" else "warn", "platforms": [p],
                 "field": "title", "start": 0, "end": 5, "text": "Title", "entry": "", "score": 1.0,
                 "message": f"{rule} on {p}", "fix": ""}
                for rule, (p, v) in zip(rules, verdicts.items()) if v in ("fail", "warn")]
    return {"id": ident, "row": row, "verdicts": verdicts, "findings": findings,
            "title": "Title of " + ident, "fields": {"title": "Title of " + ident}}


FILTER_ITEMS = [
    _item("F-BOTH", 1, {"ebay:US": "fail", "amazon:US": "fail"}, ["LS001", "HT002"]),
    _item("F-EBAY", 2, {"ebay:US": "fail", "amazon:US": "pass"}, ["LS001", "LS001"]),
    _item("W-AMAZON", 3, {"ebay:US": "pass", "amazon:US": "warn"}, ["LS001", "CL010"]),
    _item("F-AMAZON", 4, {"ebay:US": "pass", "amazon:US": "fail"}, ["LS001", "HT002"]),
]


@pytest.fixture(scope="module")
def filter_page(tmp_path_factory) -> Path:
    stream = io.StringIO()
    formatter = get_formatter("html")(stream)
    formatter.start({"platforms": PLATFORMS, "catalog": "catalog.csv", "tool": {"name": "listguard"}})
    for item in FILTER_ITEMS:
        formatter.listing(item)
    formatter.finish({"listings": 4, "by_platform": {}})
    page = tmp_path_factory.mktemp("filters") / "report.html"
    page.write_text(stream.getvalue(), encoding="utf-8")
    return page


def _shown(dom: Dom) -> list[str]:
    ids = [item["id"] for item in FILTER_ITEMS]
    return [ident for ident, row in zip(ids, dom.rows()) if "hidden" not in row]


@pytest.mark.parametrize("fragment, shown", [
    ("", ["F-BOTH", "F-EBAY", "W-AMAZON", "F-AMAZON"]),
    ("#verdict=fail", ["F-BOTH", "F-EBAY", "F-AMAZON"]),
    ("#verdict=warn", ["W-AMAZON"]),
    ("#platform=ebay:US", ["F-BOTH", "F-EBAY"]),
    ("#platform=amazon:US&verdict=fail", ["F-BOTH", "F-AMAZON"]),
    ("#rule=HT002", ["F-BOTH", "F-AMAZON"]),
    ("#rule=LS001&platform=amazon:US", []),
    ("#rule=NOPE", ["F-BOTH", "F-EBAY", "W-AMAZON", "F-AMAZON"]),   # an unknown value is no filter
])
def test_filters_in_the_address_hide_the_other_rows(chromium, filter_page, tmp_path, fragment, shown):
    dom = dump_dom(chromium, filter_page, tmp_path, fragment)
    assert _shown(dom) == shown
    assert dom.texts["output"] == [f"{len(shown)} of 4 listings shown"]
