"""The USPTO's daily trademark applications XML (``us-trademark-applications`` version 2.0, the
``apcYYMMDD.zip`` files): ``<trademark-applications-daily>`` ... ``<action-keys>`` holding one
``<case-file>`` per application, read with these elements:

- ``serial-number``, ``registration-number`` (``0000000`` when not registered)
- ``case-file-header``: ``mark-identification``, ``status-code`` (see :mod:`.uspto`),
  ``filing-date``, ``registration-date`` (``YYYYMMDD``)
- ``case-file-owners/case-file-owner``: ``party-name``, ``party-type`` (the latest type is the owner)
- ``classifications/classification/international-code`` (``025``), any number

The file is parsed with defusedxml a case file at a time, each cleared once read, so memory does not
grow with the file; entity declarations and external references are refused. The file may be the
XML itself or the zip the USPTO publishes it in.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO, Iterator
from xml.etree.ElementTree import Element, ParseError

from ..errors import InputError
from .base import Mark, Office, RegisterRecord, Source, iso_date, nice_class, registration_number
from .uspto import status_of

ROOT = b"trademark-applications-daily"


def _open(path: Path) -> tuple[IO[bytes], str]:
    """The XML as bytes, and its name in messages (``apc.zip:apc.xml`` for a zip's member)."""
    try:
        if zipfile.is_zipfile(path):
            archive = zipfile.ZipFile(path)
            members = [m for m in archive.namelist() if m.lower().endswith(".xml")]
            if len(members) != 1:
                raise InputError(f"holds {len(members)} XML files; give a zip with one daily file, or the XML "
                                 f"itself", path)
            return archive.open(members[0]), f"{path}:{members[0]}"
        return open(path, "rb"), str(path)
    except OSError as exc:
        raise InputError(f"cannot open the register file ({exc.strerror}); check the path", path) from None


def _owners(case: Element) -> tuple[tuple[str, ...], int | None]:
    """The names of the latest party type's owners, in file order, and that type."""
    named: list[tuple[int, str]] = []
    for owner in case.iterfind("case-file-owners/case-file-owner"):
        name = " ".join((owner.findtext("party-name") or "").split())
        kind = (owner.findtext("party-type") or "").strip()
        if name:
            named.append((int(kind) if kind.isdigit() else 0, name))
    if not named:
        return (), None
    latest = max(kind for kind, _ in named)
    return tuple(dict.fromkeys(name for kind, name in named if kind == latest)), latest


def _mark(case: Element, name: str) -> Mark | None:
    serial = (case.findtext("serial-number") or "").strip()
    if not serial.isdigit():
        raise InputError(f"a case-file's serial-number '{serial}' is not a number; is this the USPTO daily "
                         f"applications XML?", name)
    header = case.find("case-file-header")
    text = " ".join((header.findtext("mark-identification") or "").split()) if header is not None else ""
    if header is None or not text:
        return None  # a design-only mark: no words to match

    def where(message: str, field: str) -> InputError:
        return InputError(f"case-file {serial}: {field} {message}", name)

    code = (header.findtext("status-code") or "").strip()
    owners, kind = _owners(case)
    classes = {nice_class(c.text or "") for c in case.iterfind("classifications/classification/international-code")}
    return Mark(Office.US, str(int(serial)), text, status_of(code), code,
                registration_number(case.findtext("registration-number") or ""),
                iso_date(header.findtext("filing-date") or "", lambda m: where(m, "filing-date")),
                iso_date(header.findtext("registration-date") or "", lambda m: where(m, "registration-date")),
                owners, kind, tuple(sorted(c for c in classes if c is not None)))


def records(path: Path) -> Iterator[RegisterRecord | None]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    handle, name = _open(path)
    parents: list[Element] = []
    try:
        with handle:
            for event, element in iterparse(handle, events=("start", "end"), forbid_dtd=False,
                                            forbid_entities=True, forbid_external=True):
                if event == "start":
                    parents.append(element)
                    continue
                parents.pop()
                if element.tag == "case-file":
                    yield _mark(element, name)
                    if parents:
                        parents[-1].clear()  # the case file read, nothing of it is kept
    except ParseError as exc:
        line, column = exc.position
        raise InputError(f"not well-formed XML ({str(exc).split(':')[0]}); download the file again", name, line,
                         column + 1) from None
    except DefusedXmlException:
        raise InputError("declares an entity or refers outside itself, which listguard refuses; the USPTO's daily "
                         "files do neither: check where this file came from", name) from None


class UsptoXml:
    name = "uspto-xml"
    description = "USPTO daily trademark applications XML, us-trademark-applications v2.0 (or its zip)"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            return False
        if head.startswith(b"PK"):
            try:
                with zipfile.ZipFile(path) as archive:
                    return any(m.lower().endswith(".xml") for m in archive.namelist())
            except (OSError, zipfile.BadZipFile):
                return False
        return ROOT in head

    def open(self, path: Path) -> Source:
        return Source(self.name, path, (path,), lambda: records(path))


LAYOUT = UsptoXml()
