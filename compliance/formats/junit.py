"""JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps): a test suite per platform, a
test case per listing.

A listing that fails on the platform is a ``<failure>``, an unreadable row an ``<error>``, so
each suite's ``failures`` and ``errors`` are the run's fail and error counts for that platform.
The details (rule, matched text, reason, fix) are the element's text, which GitLab shows;
warnings go to ``<system-out>`` of a passing case.

Each case is rendered when its listing arrives and spooled per platform; only the counts are
kept, since a suite's counts open it but are known only at the end.
"""
from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from html import escape
from typing import TextIO

from .common import catalog_path, shown_findings
from .table import printable

# What XML 1.0 cannot hold at all, even as a character reference.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The suite count a verdict adds to besides ``tests``: a listing that passes or only warns is a
# passing case; a verdict named nowhere here (``unchanged``) a skipped one.
_COUNTED = {"fail": "failures", "error": "errors"}


def xml_text(text: object) -> str:
    """Text XML 1.0 can carry: forbidden characters are spelled out (``<U+001B>``)."""
    return _NOT_XML.sub(lambda m: f"<U+{ord(m.group()):04X}>", str(text))


def finding_lines(finding: dict) -> list[str]:
    """A finding as the few plain lines a CI log or test report shows."""
    marker = "BLOCK" if finding["severity"] == "block" else "WARN"
    kind = f" ({finding['kind']})" if finding.get("kind") else ""
    lines = [f"{marker} {finding['rule']}{kind} in {finding['field']}: \u00bb{printable(finding['text'])}\u00ab",
             f"  {printable(finding['message'])}"]
    if finding.get("fix"):
        lines.append(f"  fix: {printable(finding['fix'])}")
    return lines


class JunitFormatter:
    """``<testsuites>`` with one ``<testsuite>`` per platform, in the run's platform order."""

    name = "junit"
    spool_max_bytes = 1024 * 1024

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self._platforms: list[str] = []
        self._file = ""
        self._spools: dict[str, tempfile.SpooledTemporaryFile] = {}
        self._counts: dict[str, dict[str, int]] = {}

    def start(self, header: dict) -> None:
        self._platforms = list(header.get("platforms", []))
        self._file = catalog_path(header)
        for platform in self._platforms:
            self._spools[platform] = tempfile.SpooledTemporaryFile(
                max_size=self.spool_max_bytes, mode="w+", encoding="utf-8")
            self._counts[platform] = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

    def listing(self, item: dict) -> None:
        for platform in self._platforms:
            verdict = item["verdicts"].get(platform, "pass")
            counts = self._counts[platform]
            counts["tests"] += 1
            if verdict not in ("pass", "warn"):
                counts[_COUNTED.get(verdict, "skipped")] += 1
            case = self._testcase(item, platform, verdict)
            self._spools[platform].write("    " + ET.tostring(case, encoding="unicode") + "\n")

    def finish(self, summary: dict) -> None:
        keys = ("tests", "failures", "errors", "skipped")
        total = {key: sum(c[key] for c in self._counts.values()) for key in keys}
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(f"<testsuites name=\"listguard\"{_attributes(total)}>\n")
        for platform in self._platforms:
            counts = self._counts[platform]
            self.stream.write(f"  <testsuite name=\"{escape(xml_text(platform))}\"{_attributes(counts)}>\n")
            spool = self._spools[platform]
            spool.seek(0)
            while chunk := spool.read(1 << 16):
                self.stream.write(chunk)
            spool.close()
            self.stream.write("  </testsuite>\n")
        self.stream.write("</testsuites>\n")
        self.stream.flush()

    def _testcase(self, item: dict, platform: str, verdict: str) -> ET.Element:
        case = ET.Element("testcase", {"classname": platform, "name": xml_text(item["id"])})
        if self._file:
            case.set("file", xml_text(self._file))
        if item.get("line"):
            case.set("line", str(item["line"]))
        outcome = _OUTCOMES.get(verdict, _skipped)
        outcome(case, item, shown_findings(item, platform), verdict)
        return case


def _errored(case: ET.Element, item: dict, findings: list[dict], verdict: str) -> None:
    error = item.get("error") or "the row cannot be read"
    element = ET.SubElement(case, "error", {"message": xml_text(printable(error)), "type": "unreadable-row"})
    element.text = xml_text(f"{item['id']} (row {item['row']}): {error}")


def _failed(case: ET.Element, item: dict, findings: list[dict], verdict: str) -> None:
    blocking = [f for f in findings if f["severity"] == "block"]
    element = ET.SubElement(case, "failure", {"message": xml_text(_headline(blocking)),
                                              "type": blocking[0]["rule"] if blocking else "fail"})
    element.text = xml_text(_details(item, findings))


def _passed(case: ET.Element, item: dict, findings: list[dict], verdict: str) -> None:
    if findings:   # warnings: the case passes and says why in its output
        ET.SubElement(case, "system-out").text = xml_text(_details(item, findings))


def _skipped(case: ET.Element, item: dict, findings: list[dict], verdict: str) -> None:
    # A row this run did not check (``unchanged`` with --changed-only).
    ET.SubElement(case, "skipped", {"message": xml_text(verdict)})


_OUTCOMES = {"error": _errored, "fail": _failed, "pass": _passed, "warn": _passed}


def _headline(findings: list[dict]) -> str:
    if not findings:
        return "fails"
    first = findings[0]
    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
    return printable(f"{first['rule']}: {first['message']}{more}")


def _details(item: dict, findings: list[dict]) -> str:
    lines = [f"{printable(str(item['id']))} (row {item['row']})"]
    for finding in findings:
        lines += finding_lines(finding)
    return "\n".join(lines)


def _attributes(counts: dict[str, int]) -> str:
    return "".join(f' {key}="{value}"' for key, value in counts.items())
