"""Built blocklist indexes saved on disk, keyed by a hash of what they were built from.

Building the matchers for a large blocklist (an Aho-Corasick automaton and a misspelling
index over 50,000 marks) takes seconds; reading the saved build back takes a fraction of
that, so a small check of a few listings starts fast. The key hashes the blocklist
content the build reads and the source of the code that builds it, so an edited list or
a new release never meets a stale index.

Where: ``$LISTGUARD_CACHE_DIR`` if set (``off`` turns the cache off), otherwise the
user's cache directory (``~/.cache/listguard`` on Linux). A cache that cannot be read or
written is ignored: the index is then built in memory as without it.

A saved build is a pickle, and loading a pickle runs whatever code it names, so each file
carries an HMAC of its content under a key of the user's own (a random key kept in the
user's configuration folder, readable by the user only, never in the cache folder). A file
whose HMAC does not match (planted in a shared cache folder, truncated, edited) is never
unpickled: the index is rebuilt and the file replaced.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable

from . import __version__
from .collector import paused_collector

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


KEY_BYTES = 32


class Untrusted(Exception):
    """A cache file not signed with this user's key."""


def key_path() -> Path:
    setting = os.environ.get("LISTGUARD_CACHE_KEY")
    if setting:
        return Path(setting)
    import platformdirs

    return Path(platformdirs.user_config_dir("listguard")) / "cache.key"


def _key() -> bytes:
    """This user's signing key, made on first use with permissions for the user only."""
    path = key_path()
    try:
        key = path.read_bytes()
        if len(key) == KEY_BYTES and (os.name != "posix" or path.stat().st_mode & 0o077 == 0):
            return key
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = os.urandom(KEY_BYTES)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache.key.")
    with os.fdopen(fd, "wb") as f:  # mkstemp creates the file readable by its owner only
        f.write(key)
    os.replace(tmp, path)
    return key


def _load(path: Path):
    with open(path, "rb") as f:
        mac = f.read(KEY_BYTES)
        digest = hmac.new(_key(), digestmod=hashlib.sha256)
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
        if not hmac.compare_digest(mac, digest.digest()):
            raise Untrusted(path)  # never unpickled
        f.seek(KEY_BYTES)
        with paused_collector():  # unpickling a million small objects is mostly collector passes otherwise
            return pickle.load(f)


class _Signing:
    """A binary file writer that feeds an HMAC with everything written after the MAC's place."""

    def __init__(self, f, key: bytes) -> None:
        self.f, self.mac = f, hmac.new(key, digestmod=hashlib.sha256)

    def write(self, data) -> int:
        self.mac.update(data)
        return self.f.write(data)


def _save(directory: Path, path: Path, value) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    key = _key()
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(bytes(KEY_BYTES))  # the MAC's place, filled in once the content is written
            signing = _Signing(f, key)
            pickle.dump(value, signing, protocol=pickle.HIGHEST_PROTOCOL)
            f.seek(0)
            f.write(signing.mac.digest())
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
        except Exception:  # unsigned, truncated or from an incompatible library version: rebuild
            pass
    value = build()
    try:
        _save(directory, path, value)
    except OSError:
        pass  # a read-only or full disk: the run goes on with the build in memory
    return value
