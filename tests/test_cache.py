"""Built mark indexes are saved on disk by content hash, read back identical, and never stale."""
import os

import pytest

from compliance import cache
from compliance.blocklist import Entry
from compliance.matchers.marks import MarkMatcher


def _entries(n, extra=""):
    out = [Entry(term=f"Zorvex{i:05d}{extra}", kind="trademark", owner="Owner", aliases=(f"Qalu Tarnex{i:05d}",))
           for i in range(n)]
    return out + [Entry(term="Gucci", kind="trademark", owner="Guccio Gucci S.p.A.")]


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTGUARD_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(MarkMatcher, "CACHE_MIN", 10)
    return tmp_path


def _matches(matcher, text):
    return [(s, e, matcher.entries[n.entry].term, how) for s, e, n, how, _ in matcher.find_in_text(text)]


TEXTS = ["Gucci bag", "G.U.C.C.I belt", "Guccci wallet", "zorvex00007 charger", "Qalu Tarnex00012 mug",
         "qalu tarnx00012"]


def test_a_saved_index_matches_like_a_fresh_build(cache_dir):
    fresh = MarkMatcher(_entries(50), cache=False)
    first = MarkMatcher(_entries(50))  # builds and saves
    assert len(list(cache_dir.glob("marks-*.pickle"))) == 1
    second = MarkMatcher(_entries(50))  # reads the saved build
    for text in TEXTS:
        assert _matches(second, text) == _matches(fresh, text) == _matches(first, text)
    assert _matches(second, "Guccci wallet")[0][2:] == ("Gucci", "typo")


def test_another_blocklist_gets_its_own_index(cache_dir):
    MarkMatcher(_entries(50))
    other = MarkMatcher(_entries(50, extra="b"))
    assert len(list(cache_dir.glob("marks-*.pickle"))) == 2
    assert _matches(other, "zorvex00007b charger")[0][2] == "Zorvex00007b"
    assert _matches(other, "zorvex00007 charger") == []  # names with digits have no misspellings


def test_an_unreadable_cache_file_is_rebuilt(cache_dir):
    MarkMatcher(_entries(50))
    (path,) = cache_dir.glob("marks-*.pickle")
    path.write_bytes(b"not a pickle")
    matcher = MarkMatcher(_entries(50))
    assert _matches(matcher, "Gucci bag")[0][2] == "Gucci"
    assert path.read_bytes() != b"not a pickle"  # saved again


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTGUARD_CACHE_DIR", "off")
    monkeypatch.setattr(MarkMatcher, "CACHE_MIN", 10)
    assert cache.cache_dir() is None
    assert _matches(MarkMatcher(_entries(50)), "Gucci bag")[0][2] == "Gucci"


def test_an_unwritable_cache_dir_is_ignored(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory should be")
    monkeypatch.setenv("LISTGUARD_CACHE_DIR", str(blocked / "sub"))
    monkeypatch.setattr(MarkMatcher, "CACHE_MIN", 10)
    assert _matches(MarkMatcher(_entries(50)), "Gucci bag")[0][2] == "Gucci"


def test_old_builds_are_pruned(cache_dir):
    for i in range(cache.KEEP + 3):
        MarkMatcher(_entries(12, extra=str(i)))
    assert len(list(cache_dir.glob("marks-*.pickle"))) == cache.KEEP
    assert not list(cache_dir.glob("*.tmp"))


def test_the_key_changes_with_the_code(tmp_path):
    src = tmp_path / "code.py"
    src.write_text("a = 1")
    k1 = cache.fingerprint("x", sources=(str(src),))
    src.write_text("a = 2")
    assert cache.fingerprint("x", sources=(str(src),)) != k1
    assert cache.fingerprint("x") != cache.fingerprint("y")
    assert os.environ.get("LISTGUARD_CACHE_DIR")


class _Planted:
    """A pickle that creates a file when loaded: what an attacker would plant in a shared cache."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_planted_cache_file_is_never_unpickled(cache_dir, tmp_path_factory):
    import pickle

    marker = tmp_path_factory.mktemp("attack") / "ran"
    path = cache_dir / "marks-abc.pickle"
    path.write_bytes(bytes(cache.KEY_BYTES) + pickle.dumps(_Planted(str(marker))))
    assert cache.load_or_build("marks", "abc", lambda: "rebuilt") == "rebuilt"
    assert not marker.exists()
    assert cache.load_or_build("marks", "abc", lambda: "again") == "rebuilt"  # the signed rebuild is read back


def test_a_changed_byte_makes_a_signed_file_untrusted(cache_dir):
    assert cache.load_or_build("marks", "k1", lambda: {"a": 1}) == {"a": 1}
    path = cache_dir / "marks-k1.pickle"
    data = bytearray(path.read_bytes())
    data[-2] ^= 0x01
    path.write_bytes(bytes(data))
    assert cache.load_or_build("marks", "k1", lambda: {"b": 2}) == {"b": 2}


def test_the_signing_key_is_the_users_own(cache_dir):
    cache.load_or_build("marks", "k2", lambda: 1)
    key = cache.key_path()
    assert key.stat().st_size == cache.KEY_BYTES
    assert key.stat().st_mode & 0o077 == 0 and not key.is_relative_to(cache_dir)
