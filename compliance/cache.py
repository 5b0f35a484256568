"""Built blocklist indexes saved on disk, keyed by a hash of what they were built from.

Building the matchers for a large blocklist (an Aho-Corasick automaton and a misspelling
index over 50,000 marks) takes seconds; reading the saved build back takes a fraction of
that, so a small check of a few listings starts fast. The key hashes the blocklist
content the build reads and the source of the code that builds it, so an edited list or
a new release never meets a stale index.

Where: ``$LISTGUARD_CACHE_DIR`` if set (``off`` turns the cache off), otherwise the
user's cache directory (``~/.cache/listguard`` on Linux). A cache that cannot be read or
written is ignored: the index is then built in memory as without it.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable

from . import __version__

KEEP = 8  # saved builds kept per kind; older ones are removed


def cache_dir() -> Path | None:
    setting = os.environ.get("LISTGUARD_CACHE_DIR")
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "false", "no") else Path(setting)
    import platformdirs

    return Path(platformdirs.user_cache_dir("listguard"))


def fingerprint(*parts, sources: tuple[str, ...] = ()) -> str:
    """A hex digest of ``parts`` (their ``repr``), the package version and the given source files."""
    h = hashlib.sha256(__version__.encode())
    for path in sources:
        h.update(Path(path).read_bytes())
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def _load(path: Path):
    enabled = gc.isenabled()
    gc.disable()  # unpickling a million small objects is mostly garbage-collector passes otherwise
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    finally:
        if enabled:
            gc.enable()


def _save(directory: Path, path: Path, value) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the whole file or none
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    kind = path.name.split("-", 1)[0]
    old = sorted(directory.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for p in old:
        p.unlink(missing_ok=True)


def load_or_build(kind: str, key: str, build: Callable[[], object]):
    """The saved build ``kind``/``key`` if there is a readable one, else ``build()`` (then saved)."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{kind}-{key}.pickle"
    if path.exists():
        try:
            return _load(path)
        except Exception:  # truncated or from an incompatible library version: rebuild
            pass
    value = build()
    try:
        _save(directory, path, value)
    except OSError:
        pass  # a read-only or full disk: the run goes on with the build in memory
    return value
