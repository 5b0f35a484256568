"""Writing a report safely: never over the catalog, never half a file in place of the last one.

A report is written to a temporary file beside the target and renamed over it only when the
run has finished, so a crash, Ctrl-C, a kill or a full disk leaves the previous report as it
was. A target that is not a regular file (a terminal, a pipe, ``/dev/null``) is written
directly: there is nothing to keep and no folder to write a temporary file into.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import TextIO

from .errors import UsageError


class OutputError(UsageError):
    """The report cannot be written: one line naming the path and the reason."""


def check_output_path(output: str, inputs: list[str]) -> None:
    """Refuse a report path that is one of the run's input files or lies in a missing folder."""
    target = Path(output)
    for name in inputs:
        if name and _same_file(target, Path(name)):
            raise OutputError(f"{output}: this is the input catalog or list; the report would overwrite it. "
                              f"Write the report to another file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{output}: the folder {folder} does not exist; create it or choose another path")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


class ReportFile:
    """``with ReportFile(path) as stream:`` the report is in place after a clean exit only."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.stream: TextIO | None = None
        self._temp: Path | None = None

    def __enter__(self) -> TextIO:
        try:
            if self.path.exists() and not stat.S_ISREG(self.path.stat().st_mode):
                self.stream = open(self.path, "w", encoding="utf-8", newline="")
                return self.stream
            handle, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                            dir=self.path.parent if str(self.path.parent) else ".")
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write the report ({exc.strerror})") from None
        self._temp = Path(name)
        self.stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        return self.stream

    def __exit__(self, kind, value, traceback) -> None:
        stream = self.stream
        if stream is None:  # __enter__ failed before opening anything: nothing to finish or remove
            return
        try:
            if kind is None:
                self._finish(stream)
                return
        except OSError as exc:
            value = exc
        self._discard(stream)
        if isinstance(value, OSError):  # a full disk, a device that refuses writes
            raise OutputError(f"{self.path}: cannot write the report ({value.strerror or value}); the previous "
                              f"report, if any, is unchanged") from None

    def _finish(self, stream: TextIO) -> None:
        stream.flush()
        if self._temp is not None:
            os.fsync(stream.fileno())
            stream.close()
            mode = self.path.stat().st_mode & 0o777 if self.path.exists() else 0o666 & ~_umask()
            os.chmod(self._temp, mode)
            os.replace(self._temp, self.path)
            self._temp = None
        else:
            stream.close()

    def _discard(self, stream: TextIO) -> None:
        try:
            stream.close()
        except OSError:
            pass
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
