"""A self-contained HTML report: counts per platform, then every listing that fails, warns or
cannot be read, with the matched text highlighted and filters by platform, rule and verdict.

One file, nothing fetched: the style and the script are inline, and a Content-Security-Policy
allows exactly those two (by hash) and nothing else, so even text that slipped past escaping
could neither run nor load anything. All listing text is escaped (and control characters
spelled out) before it is written.

The filters read and write the page address's fragment (``report.html#verdict=fail&rule=TM001``),
so a filtered view can be linked to. Listings are rendered as they arrive and spooled; at most
:attr:`HtmlFormatter.max_listings` are listed, the rest counted, as a browser slows to a crawl
on a page of a million rows long before memory would matter here.
"""
from __future__ import annotations

import base64
import hashlib
import tempfile
from html import escape
from typing import TextIO

from .common import catalog_path, count_columns, ordered_platforms, shown_findings
from .table import listing_status, printable, snippet

SNIPPET_WIDTH = 140
_STATUS_WORDS = {"fail": "fail", "warn": "warn", "error": "unreadable", "pass": "pass"}

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.meta { color: #555; margin: 0 0 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d0d5; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
#filters { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin: .5rem 0; }
#listings { width: 100%; }
.title { color: #555; font-size: .9em; overflow-wrap: anywhere; }
.v { display: inline-block; padding: 0 .35rem; margin: 0 .2rem .2rem 0; border-radius: 3px; font-size: .85em; }
.v-fail, .v-error { background: #fde2e1; color: #8a1111; }
.v-warn { background: #fff1c7; color: #6b4d00; }
.v-pass { background: #e3f4e5; color: #1e5b28; }
ul.findings { margin: 0; padding-left: 1.1rem; }
ul.findings li { margin-bottom: .4rem; }
.rule { font-weight: 600; }
.snip { font-family: ui-monospace, monospace; background: #f7f7f9; padding: 0 .2rem; overflow-wrap: anywhere; }
mark { background: #ffd54a; color: #000; padding: 0 .1rem; }
.fix { color: #1e5b28; }
.on { color: #555; font-size: .85em; }
.note { color: #555; font-style: italic; }
[hidden] { display: none !important; }
""".strip()

SCRIPT = r"""
(function () {
  "use strict";
  var names = ["platform", "rule", "verdict"];
  var rows = Array.prototype.slice.call(document.querySelectorAll("#listings tbody tr"));
  function field(name) { return document.getElementById("f-" + name); }
  function verdictsOf(row) {
    var out = {};
    row.getAttribute("data-verdicts").split(" ").forEach(function (pair) {
      var at = pair.lastIndexOf("=");
      if (at > 0) { out[pair.slice(0, at)] = pair.slice(at + 1); }
    });
    return out;
  }
  function verdictMatches(verdicts, platform, verdict) {
    var keys = platform ? [platform] : Object.keys(verdicts);
    return keys.some(function (key) {
      var v = verdicts[key];
      return verdict ? v === verdict : (v !== undefined && v !== "pass");
    });
  }
  function findingMatches(item, platform, rule) {
    if (rule && item.getAttribute("data-rule") !== rule) { return false; }
    return !platform || item.getAttribute("data-platforms").split(" ").indexOf(platform) >= 0;
  }
  function apply() {
    var platform = field("platform").value, rule = field("rule").value, verdict = field("verdict").value;
    var shown = 0;
    rows.forEach(function (row) {
      var anyFinding = false;
      row.querySelectorAll("li[data-rule]").forEach(function (item) {
        var match = findingMatches(item, platform, rule);
        item.hidden = !match;
        anyFinding = anyFinding || match;
      });
      var ok = verdictMatches(verdictsOf(row), platform, verdict) && (!rule || anyFinding);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("shown").textContent = shown + " of " + rows.length + " listings shown";
  }
  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    names.forEach(function (name) {
      var value = params.get(name), select = field(name);
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  }
  function toHash() {
    var params = new URLSearchParams();
    names.forEach(function (name) { if (field(name).value) { params.set(name, field(name).value); } });
    var hash = params.toString();
    try {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    } catch (e) { /* a browser may refuse to change a file: address; the filter still applies */ }
  }
  names.forEach(function (name) {
    field(name).addEventListener("change", function () { toHash(); apply(); });
  });
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  fromHash();
  apply();
})();
""".strip()


def text(value: object) -> str:
    """Listing (or any) text as inert HTML: control characters spelled out, everything escaped."""
    return escape(printable(str(value)), quote=True)


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = (f"default-src 'none'; script-src {_sha256(SCRIPT)}; style-src {_sha256(STYLE)}; img-src data:; "
       f"base-uri 'none'; form-action 'none'")


def highlighted(finding: dict, raw: str | None) -> str:
    """The finding in its field: a little context each side, the match in ``<mark>``."""
    before, match, after = snippet(raw, finding["start"], finding["end"], finding.get("text") or "",
                                   width=SNIPPET_WIDTH)
    return f'<span class="snip">{text(before)}<mark>{text(match)}</mark>{text(after)}</span>'


class HtmlFormatter:
    """Rows rendered and spooled as listings arrive; the page is assembled at the end."""

    name = "html"
    wants_text = True   # the highlight needs the field's text around the match
    max_listings = 10_000
    spool_max_bytes = 4 * 1024 * 1024

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self._header: dict = {}
        self._platforms: list[str] = []
        self._spool = tempfile.SpooledTemporaryFile(max_size=self.spool_max_bytes, mode="w+", encoding="utf-8")
        self._listed = 0
        self._hidden = 0
        self._rules: set[str] = set()

    def start(self, header: dict) -> None:
        self._header = header
        self._platforms = list(header.get("platforms", []))

    def listing(self, item: dict) -> None:
        status = listing_status(item)
        if status == "pass":
            return
        if self._listed >= self.max_listings:
            self._hidden += 1
            return
        self._listed += 1
        self._spool.write(self._row(item, status))

    def finish(self, summary: dict) -> None:
        write = self.stream.write
        write(self._head())
        write(_counts_table(summary.get("by_platform", {}), self._platforms))
        write(self._filters())
        write('<table id="listings"><thead><tr><th>listing</th><th>row</th><th>verdicts</th>'
              "<th>findings</th></tr></thead>\n<tbody>\n")
        self._spool.seek(0)
        while chunk := self._spool.read(1 << 16):
            write(chunk)
        self._spool.close()
        write("</tbody></table>\n")
        if self._hidden:
            write(f'<p class="note">{self._hidden} more listings not listed; the JSON report has them all.</p>\n')
        if not self._listed:
            write('<p class="note">No listing fails, warns or is unreadable.</p>\n')
        write(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")
        self.stream.flush()

    def _head(self) -> str:
        catalog = catalog_path(self._header) or "catalog"
        tool = self._header.get("tool", {})
        meta = f"{text(catalog)} checked at {text(self._header.get('checked_at') or '')}"
        meta += f" by {text(tool.get('name', 'listguard'))} {text(tool.get('version', ''))}"
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>listguard report: {text(catalog)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
                f'<h1>listguard report</h1>\n<p class="meta">{meta}</p>\n')

    def _filters(self) -> str:
        platforms = "".join(f'<option value="{text(p)}">{text(p)}</option>' for p in self._platforms)
        rules = "".join(f'<option value="{text(r)}">{text(r)}</option>' for r in sorted(self._rules))
        verdicts = "".join(f'<option value="{v}">{_STATUS_WORDS[v]}</option>' for v in ("fail", "warn", "error"))
        return ('<form id="filters">'
                f'<label>Platform <select id="f-platform"><option value="">every platform</option>{platforms}'
                "</select></label>"
                f'<label>Rule <select id="f-rule"><option value="">every rule</option>{rules}</select></label>'
                f'<label>Verdict <select id="f-verdict"><option value="">fail, warn or unreadable</option>'
                f"{verdicts}</select></label>"
                '<output id="shown"></output></form>\n')

    def _row(self, item: dict, status: str) -> str:
        findings = shown_findings(item)
        self._rules.update(f["rule"] for f in findings)
        verdicts = " ".join(f"{p}={v}" for p, v in item["verdicts"].items())
        rules = " ".join(dict.fromkeys(f["rule"] for f in findings))
        title = item.get("title") or ""
        ident = f'{text(item["id"])}' + (f'<div class="title">{text(title[:200])}</div>' if title else "")
        badges = "".join(f'<span class="v v-{text(v)}">{text(p)} {text(_STATUS_WORDS.get(v, v))}</span>'
                         for p, v in item["verdicts"].items())
        if status == "error":
            body = f'<p>{text(item.get("error") or "")}</p>'
        else:
            fields = item.get("fields") or {}
            body = ('<ul class="findings">' + "".join(self._finding(f, fields.get(f["field"])) for f in findings)
                    + "</ul>")
        return (f'<tr data-status="{status}" data-verdicts="{text(verdicts)}" data-rules="{text(rules)}">'
                f'<td class="id">{ident}</td><td class="num">{item["row"]}</td><td>{badges}</td>'
                f"<td>{body}</td></tr>\n")

    def _finding(self, finding: dict, raw: str | None) -> str:
        on = list(finding.get("platforms") or ())
        severity = "fail" if finding["severity"] == "block" else "warn"
        parts = [f'<span class="rule">{text(finding["rule"])}</span> <span class="v v-{severity}">{severity}</span>'
                 f" in {text(finding['field'])}<br>{highlighted(finding, raw)}",
                 f"<div>{text(finding['message'])}</div>"]
        if finding.get("fix"):
            parts.append(f'<div class="fix">Fix: {text(finding["fix"])}</div>')
        if set(on) != set(self._platforms):
            parts.append(f'<div class="on">counts on {text(", ".join(on))}</div>')
        return (f'<li data-rule="{text(finding["rule"])}" data-platforms="{text(" ".join(on))}">'
                + "".join(parts) + "</li>")


def _counts_table(by_platform: dict, platforms: list[str]) -> str:
    columns = count_columns(by_platform)
    head = "".join(f"<th>{text(s)}</th>" for s in columns)
    rows = "".join(f"<tr><td>{text(n)}</td>" + "".join(f'<td class="num">{int(by_platform[n].get(s, 0))}</td>'
                                                       for s in columns) + "</tr>"
                   for n in ordered_platforms(by_platform, platforms))
    return f'<table id="counts"><thead><tr><th>platform</th>{head}</tr></thead><tbody>{rows}</tbody></table>\n'
