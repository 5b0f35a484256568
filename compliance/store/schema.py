"""The store's tables, as versioned migrations.

Each migration is plain SQL run in one transaction; a release only ever appends migrations, so
a store made by any older release reaches this one's schema by running the ones it lacks. The
tables are meant to be read as they are (Datasette, the sqlite3 shell), so every one is
documented here and in the README, and columns hold values, not encoded structures, except
where a list is written ``a|b|c`` as in the blocklist CSV format.

1. **lists**: the seller's blocklists (``listguard blocklist import/add/remove``, read by
   :mod:`compliance.store.lists`). ``lists`` names each list and the file it came from;
   ``list_entries`` holds its entries in the blocklist CSV's columns, as validated on import
   (kind and severity lower case, classes in order, ``generic`` 1 or 0, empty cells NULL), one
   per list, kind and ``term_key`` (the term in letters and digits, folded: the form marks are
   compared in), so ``Ray-Ban`` and ``rayban`` are one entry, as when lists are merged.
2. **register**: the official trademark register (``listguard register import``).
   ``register_marks`` holds one row per application or registration, dead ones kept with their
   status; ``register_classes`` its Nice classes, one row each, for class narrowing;
   ``register_imports`` one row per imported file (or USPTO table set), with how far it got, so an
   import resumes. ``register_marks.owner_kind`` is the import's: which owner type the owner
   column holds, so owner rows read after the marks keep the latest owner.
3. **history**: every ``check`` run (``listguard history``, ``listguard diff``;
   :mod:`compliance.store.history` writes and reads them). ``runs`` one row per run, with what it
   checked (the catalog's absolute path and hash) and with what (release, blocklists' content hash,
   register state, platforms), its totals and exit code; ``run_counts`` verdict counts per
   marketplace; ``run_verdicts`` each listing's verdict per marketplace; ``run_findings`` each
   finding reported, one row each. Deleting a run deletes its rows (``ON DELETE CASCADE``).
4. **reach**: ``list_entries.reach``, the blocklist column of that name (``local`` for a label
   known mostly in its home market; NULL for global).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


LISTS = Migration(1, "lists", (
    """CREATE TABLE lists (
        name TEXT PRIMARY KEY,          -- what the seller calls the list (default: the file's stem)
        source TEXT,                    -- the file it was last imported from
        sha256 TEXT,                    -- that file's content hash: the same file again changes nothing;
                                        -- cleared by add or remove, so the file then restores the list
        imported_at TEXT,               -- ISO 8601 UTC; empty for a list made by 'blocklist add'
        updated_at TEXT                 -- last import, add or remove
    )""",
    """CREATE TABLE list_entries (
        id INTEGER PRIMARY KEY,
        list TEXT NOT NULL REFERENCES lists(name) ON DELETE CASCADE,
        term TEXT NOT NULL,
        term_key TEXT NOT NULL,         -- the term folded to letters and digits (compliance.normalize.compact)
        kind TEXT NOT NULL,             -- trademark, patent, counterfeit, prohibited
        owner TEXT, aliases TEXT, classes TEXT, regions TEXT, generic INTEGER, expires TEXT,
        keywords TEXT, platforms TEXT, severity TEXT, reference TEXT, goods TEXT, note TEXT,
        line INTEGER,                   -- line in the imported file (empty for entries added by hand)
        UNIQUE (list, kind, term_key)
    )""",
    "CREATE INDEX list_entries_term_key ON list_entries (term_key)",
))

REGISTER = Migration(2, "register", (
    """CREATE TABLE register_marks (
        serial TEXT PRIMARY KEY,        -- office-qualified application number: US:97123456, EM:018123456
        office TEXT NOT NULL,           -- US (USPTO), EM (EUIPO)
        registration TEXT,              -- registration number once registered
        mark TEXT NOT NULL,             -- the word mark as filed
        mark_key TEXT NOT NULL,         -- the mark folded for matching (compliance.normalize)
        owner TEXT,                     -- the current owner; joint owners a; b
        owner_kind INTEGER,             -- the office's owner type code of that owner (USPTO own_type_cd:
                                        -- 10 applicant ... 30 registrant, 31+ later), so a later one wins
        status TEXT NOT NULL,           -- live or dead
        status_code TEXT,               -- the office's own status code or word
        filed TEXT, registered TEXT,    -- ISO dates
        classes TEXT                    -- Nice classes, 9|25
    )""",
    "CREATE INDEX register_marks_key ON register_marks (mark_key)",
    """CREATE TABLE register_classes (
        serial TEXT NOT NULL REFERENCES register_marks(serial) ON DELETE CASCADE,
        class INTEGER NOT NULL,
        PRIMARY KEY (serial, class)
    ) WITHOUT ROWID""",
    "CREATE INDEX register_classes_class ON register_classes (class)",
    """CREATE TABLE register_imports (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,             -- the file or folder as given
        sha256 TEXT NOT NULL,           -- of its content (a table set's files in order): the same again resumes
        layout TEXT NOT NULL,           -- uspto-csv, uspto-parquet, uspto-xml, euipo-csv
        started_at TEXT, finished_at TEXT,
        records_done INTEGER NOT NULL DEFAULT 0,  -- records committed: a resumed import skips these
        marks INTEGER NOT NULL DEFAULT 0,         -- mark rows written (design-only marks are not)
        UNIQUE (sha256, layout)
    )""",
))

HISTORY = Migration(3, "history", (
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,       -- ISO 8601 UTC
        finished_at TEXT,               -- empty while the run is being recorded (or if it was killed)
        catalog TEXT NOT NULL,          -- the catalog's absolute path
        catalog_sha256 TEXT,            -- its content hash (empty for standard input)
        listguard TEXT,                 -- the release that ran
        lists TEXT,                     -- hash of the blocklist entries' content the run used
        register TEXT,                  -- the register's import state the run used, if --register
        platforms TEXT,                 -- ebay:US|amazon:US
        listings INTEGER,               -- rows reported
        findings INTEGER,               -- findings reported (after --baseline, --select, --ignore)
        exit_code INTEGER               -- what the check exited with
    )""",
    "CREATE INDEX runs_catalog ON runs (catalog)",
    """CREATE TABLE run_counts (
        run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        platform TEXT NOT NULL, verdict TEXT NOT NULL, listings INTEGER NOT NULL,
        PRIMARY KEY (run, platform, verdict)
    ) WITHOUT ROWID""",
    """CREATE TABLE run_verdicts (
        run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        listing TEXT NOT NULL,          -- the listing's id (empty when the catalog has none)
        row INTEGER NOT NULL,           -- its data row, from 1
        platform TEXT NOT NULL, verdict TEXT NOT NULL,  -- pass, warn, fail, error (unchanged: --changed-only)
        PRIMARY KEY (run, row, platform)
    ) WITHOUT ROWID""",
    """CREATE TABLE run_findings (
        run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        listing TEXT NOT NULL, row INTEGER NOT NULL,
        code TEXT NOT NULL,             -- the rule: TM001
        severity TEXT NOT NULL,         -- block, warn, info
        field TEXT,                     -- title, description, brand, ...
        matched TEXT,                   -- the text as the listing has it
        entry TEXT,                     -- the blocklist entry or rule parameter matched
        platforms TEXT,                 -- where it counts: ebay:US|amazon:US
        message TEXT
    )""",
    "CREATE INDEX run_findings_run ON run_findings (run, row)",
))

REACH = Migration(4, "reach", (
    # How far a mark's fame reaches (the blocklist column ``reach``): local, or NULL for global.
    "ALTER TABLE list_entries ADD COLUMN reach TEXT",
))

MIGRATIONS: tuple[Migration, ...] = (LISTS, REGISTER, HISTORY, REACH)
VERSION = MIGRATIONS[-1].version


def mark_key(mark: str) -> str:
    """The form a register mark is stored and looked up in: its folded words, one space apart
    (``Ray-Ban®`` -> ``ray ban``), the same folding the mark matcher reads listings in."""
    from ..normalize import words

    return " ".join(words(mark))
