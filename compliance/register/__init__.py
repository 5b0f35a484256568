"""The official trademark register: readers for the offices' published files, and the import.

Each module gives a :class:`~compliance.register.base.RegisterLayout`; :data:`LAYOUTS` lists them
in the order they are asked whether a path is theirs. ``--layout NAME`` skips the asking. Adding an
office's layout is a module here and a line in :data:`LAYOUTS`; :mod:`.importer` writes any of them
to the store.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, UsageError
from . import euipo_csv, uspto_csv, uspto_parquet, uspto_xml
from .base import RegisterLayout, Source, read_head

LAYOUTS: tuple[RegisterLayout, ...] = (uspto_xml.LAYOUT, uspto_parquet.LAYOUT, uspto_csv.LAYOUT, euipo_csv.LAYOUT)

__all__ = ["LAYOUTS", "layout_names", "open_register"]


def layout_names() -> list[str]:
    return [layout.name for layout in LAYOUTS]


def _named(name: str) -> RegisterLayout:
    for layout in LAYOUTS:
        if layout.name == name:
            return layout
    raise UsageError(f"--layout {name}: no such layout; layouts are {', '.join(layout_names())}")


def open_register(path: Path, layout: str | None = None) -> Source:
    """Open ``path`` with the layout named, or with the first that knows it."""
    if not path.exists():
        raise InputError("no such file or folder; check the path", path)
    if layout:
        return _named(layout).open(path)
    head = read_head(path)
    for candidate in LAYOUTS:
        if candidate.sniff(path, head):
            return candidate.open(path)
    raise InputError(f"not a register layout listguard reads ({', '.join(layout_names())}); name it with --layout",
                     path)
