"""A generated register in the USPTO Trademark Case Files Dataset's layout, the same for the same seed.

Writes ``case_file.csv``, ``owner.csv`` and ``intl_class.csv`` (and, with ``--parquet``, the same
tables as Parquet; with ``--xml``, the same marks as a daily applications XML) for N case files
(default 1,000,000) into a folder. It reads like the real dataset:

- marks: most are ordinary words and phrases (single English words, two- and three-word phrases
  drawn from wordfreq's English list), then coined names, famous-looking names (names with
  "& Sons", coined names with "'s"), numbers and symbols; about 2 % are design-only cases with no
  words. Upper case mostly, as the USPTO writes them. The well-known marks the benchmark catalog
  names (Nike, Gucci...) are filed about a hundred times each in a million case files, live, by
  their owners in their classes, and a few times by others.
- status: about 45 % dead (abandoned 60x, cancelled 710/711, expired 900), the rest registered
  (700, 702, 800) or pending (630, 641, 686, 688); registration numbers and dates to match.
- classes: one to six Nice classes, skewed toward 9, 25, 35, 42, 41, 3, 5, 28, 30.
- owners: an applicant row, often a registrant row, sometimes a later owner or joint applicants,
  drawn from a pool of companies and people so owners repeat across marks.

Usage: python bench/register_sample.py OUT_DIR [--marks N] [--seed S] [--parquet] [--xml]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalog import KNOWN_MARKS  # noqa: E402  (the benchmark catalog's well-known marks)

CASE_COLUMNS = ("serial_no", "registration_no", "filing_dt", "registration_dt", "abandon_dt", "cfh_status_cd",
                "cfh_status_dt", "mark_draw_cd", "mark_id_char", "trade_mark_in", "serv_mark_in",
                "std_char_claim_in", "publication_dt")
OWNER_COLUMNS = ("serial_no", "own_seq", "own_type_cd", "own_entity_cd", "own_name", "own_addr_1", "own_addr_city",
                 "own_addr_state_cd", "own_addr_country_cd")
CLASS_COLUMNS = ("class_id", "serial_no", "intl_class_cd")

# (code, weight, registered?, dead?)
STATUSES = ((700, 20, True, False), (702, 6, True, False), (800, 8, True, False), (630, 5, False, False),
            (641, 6, False, False), (686, 4, False, False), (688, 6, False, False),
            (602, 18, False, True), (606, 10, False, True), (601, 3, False, True), (710, 8, True, True),
            (711, 1, True, True), (900, 5, True, True))
CLASS_WEIGHTS = {9: 14, 25: 12, 35: 11, 42: 8, 41: 7, 3: 5, 5: 5, 28: 5, 30: 4, 16: 3, 18: 3, 21: 3, 14: 3, 20: 2,
                 29: 2, 32: 2, 33: 2, 43: 2, 44: 2, 36: 2, 45: 1, 11: 2, 12: 1, 10: 1, 7: 1, 8: 1, 6: 1, 1: 1}
SUFFIXES = ("LLC", "Inc.", "Co.", "Ltd", "Corporation", "GmbH", "S.A.", "Holdings LLC", "Brands Inc.", "Group Ltd")
SYLLABLES = ("ze", "lu", "mi", "ko", "va", "tri", "on", "ax", "qu", "ra", "nex", "vo", "li", "sa", "dor", "ix", "el",
             "mo", "tek", "fi", "ny", "ka", "zo", "ri", "ven", "ta", "bel", "ca", "no", "ro")
FIRST = ("John", "Maria", "Wei", "Aisha", "Carlos", "Emma", "Raj", "Olga", "Kenji", "Fatima", "Liam", "Sofia")
STATES = ("CA", "NY", "TX", "FL", "IL", "WA", "MA", "GA", "NJ", "OH")


def _words(count: int = 30_000) -> list[str]:
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", count) if w.isalpha() and len(w) >= 3]


class Register:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.words = _words()
        self.head = self.words[:5_000]  # common words are filed as marks far more often
        # (mark, owner, classes) of the well-known marks; each is filed about a hundred times in a
        # million case files, mostly by its owner in its classes, sometimes by others (often abandoned).
        self.famous = [(term, owner, [int(c) for c in classes.split("|") if c])
                       for term, owner, _, classes, _ in KNOWN_MARKS]
        self.owners = [self._owner_name() for _ in range(150_000)]
        self.status_codes = [s for s in STATUSES]
        self.status_weights = list(itertools.accumulate(s[1] for s in STATUSES))
        self.classes = list(CLASS_WEIGHTS)
        self.class_weights = list(itertools.accumulate(CLASS_WEIGHTS.values()))

    def _word(self) -> str:
        return self.rng.choice(self.head if self.rng.random() < 0.6 else self.words)

    def _coined(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))

    def _owner_name(self) -> str:
        if self.rng.random() < 0.15:
            return f"{self._word().title()}, {self.rng.choice(FIRST)}"
        base = self._coined().title() if self.rng.random() < 0.5 else self._word().title()
        return f"{base} {self.rng.choice(SUFFIXES)}"

    def famous_mark(self) -> tuple[str, str, list[int]] | None:
        """A well-known mark filed by its owner in its own classes, about 0.4 % of case files."""
        if self.rng.random() < 0.004:
            return self.rng.choice(self.famous)
        return None

    def mark(self) -> str:
        roll = self.rng.random()
        if roll < 0.02:
            return ""  # design only
        if roll < 0.40:
            text = self._word()
        elif roll < 0.60:
            text = f"{self._word()} {self._word()}"
        elif roll < 0.68:
            text = f"{self._word()} {self._word()} {self._word()}"
        elif roll < 0.86:
            text = self._coined()
        elif roll < 0.91:
            roll = self.rng.random()
            text = self.rng.choice(self.famous)[0] if roll < 0.02 else \
                f"{self._word().title()} & Sons" if roll < 0.5 else f"{self._coined()}'s"
        elif roll < 0.96:
            text = f"{self._word()}{self.rng.choice(('-', ' '))}{self.rng.choice(('360', 'X', 'PRO', '24/7', 'MAX'))}"
        else:
            text = f"{self.rng.randint(1, 9)}{self.rng.choice(('EVER', ' STAR', ' BROTHERS', 'U'))} {self._word()}"
        return text.upper() if self.rng.random() < 0.85 else text.title()

    def status(self) -> tuple[int, bool, bool]:
        code, _, registered, dead = self.rng.choices(self.status_codes, cum_weights=self.status_weights)[0]
        return code, registered, dead

    def nice_classes(self) -> list[int]:
        roll = self.rng.random()
        count = 1 if roll < 0.65 else 2 if roll < 0.85 else 3 if roll < 0.95 else self.rng.randint(4, 6)
        return sorted(set(self.rng.choices(self.classes, cum_weights=self.class_weights, k=count)))

    def filed(self) -> dt.date:
        # Filings grow over the years: skew toward recent ones.
        year = 2025 - int(55 * self.rng.random() ** 2)
        return dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randint(0, 364))


def generate(out: Path, marks: int, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    reg = Register(seed)
    rng = reg.rng
    serial = 70_000_000
    registration = 1_000_000
    class_id = 0
    with open(out / "case_file.csv", "w", newline="", encoding="utf-8") as cf, \
            open(out / "owner.csv", "w", newline="", encoding="utf-8") as ow, \
            open(out / "intl_class.csv", "w", newline="", encoding="utf-8") as ic:
        cases, owners, classes = csv.writer(cf), csv.writer(ow), csv.writer(ic)
        cases.writerow(CASE_COLUMNS)
        owners.writerow(OWNER_COLUMNS)
        classes.writerow(CLASS_COLUMNS)
        for _ in range(marks):
            serial += rng.randint(1, 25)
            famous = reg.famous_mark()
            code, registered, dead = reg.status() if not famous else rng.choice(((700, True, False),
                                                                                 (800, True, False)))
            filed = reg.filed()
            reg_dt = filed + dt.timedelta(days=rng.randint(240, 540)) if registered else None
            if registered:
                registration += rng.randint(1, 5)
            status_dt = (reg_dt or filed) + dt.timedelta(days=rng.randint(0, 900))
            text = famous[0].upper() if famous else reg.mark()
            cases.writerow((serial, registration if registered else "0000000", filed.isoformat(),
                            reg_dt.isoformat() if reg_dt else "", status_dt.isoformat() if code in (601, 602, 606)
                            else "", code, status_dt.isoformat(), "4000" if text else "2000", text, 1, 0, 1,
                            (filed + dt.timedelta(days=200)).isoformat() if registered else ""))
            for seq, (kind, name) in enumerate(_owners(reg, registered, famous[1] if famous else None), 1):
                owners.writerow((serial, seq, kind, 3, name, f"{rng.randint(1, 9999)} Main St", "Springfield",
                                 rng.choice(STATES), "US"))
            for nice in famous[2] if famous else reg.nice_classes():
                class_id += 1
                classes.writerow((class_id, serial, f"{nice:03d}"))


def _owners(reg: Register, registered: bool, owner: str | None = None) -> list[tuple[int, str]]:
    rng = reg.rng
    first = owner or rng.choice(reg.owners)
    rows = [(10, first)]
    if owner:  # a well-known mark stays with its owner
        return rows + [(30, first)] if registered else rows
    if rng.random() < 0.04:
        rows.append((10, rng.choice(reg.owners)))  # joint applicants
    if registered:
        rows.append((30, first))
        if rng.random() < 0.12:
            rows.append((31, rng.choice(reg.owners)))  # assigned after registration
    return rows


def write_parquet(out: Path) -> None:
    import pyarrow as pa
    import pyarrow.csv as pc
    import pyarrow.parquet as pq

    text = {name: pa.string() for name in ("registration_no", "mark_id_char", "intl_class_cd", "own_type_cd",
                                           "own_name", "mark_draw_cd", "own_addr_state_cd")}
    for table in ("case_file", "owner", "intl_class"):
        reader = pc.open_csv(out / f"{table}.csv", convert_options=pc.ConvertOptions(
            column_types={"serial_no": pa.int64(), **text}, strings_can_be_null=False))
        with pq.ParquetWriter(out / f"{table}.parquet", reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)


def write_xml(out: Path) -> None:
    """The same marks as one daily applications XML (us-trademark-applications v2.0)."""
    owners: dict[str, list[tuple[str, str]]] = {}
    classes: dict[str, list[str]] = {}
    # The XML nests owners and classes in each case file: read them a block of serials at a time.
    with open(out / "owner.csv", newline="", encoding="utf-8") as ow, \
            open(out / "intl_class.csv", newline="", encoding="utf-8") as ic, \
            open(out / "case_file.csv", newline="", encoding="utf-8") as cf, \
            open(out / "daily.xml", "w", encoding="utf-8") as xml:
        owner_rows, class_rows = csv.reader(ow), csv.reader(ic)
        next(owner_rows), next(class_rows)
        pending_owner, pending_class = next(owner_rows, None), next(class_rows, None)
        xml.write('<?xml version="1.0" encoding="UTF-8"?>\n<trademark-applications-daily>\n<version><version-no>2.0'
                  '</version-no><version-date>20041108</version-date></version>\n<application-information>'
                  '<file-segments><file-segment>TRMK</file-segment><action-keys><action-key>AA</action-key>\n')
        for row in itertools.islice(csv.reader(cf), 1, None):
            serial = row[0]
            while pending_owner and pending_owner[0] == serial:
                owners.setdefault(serial, []).append((pending_owner[2], pending_owner[4]))
                pending_owner = next(owner_rows, None)
            while pending_class and pending_class[1] == serial:
                classes.setdefault(serial, []).append(pending_class[2])
                pending_class = next(class_rows, None)
            xml.write(_case_file(row, owners.pop(serial, []), classes.pop(serial, [])))
        xml.write("</action-keys></file-segments></application-information>\n</trademark-applications-daily>\n")


def _case_file(row: list[str], owners: list[tuple[str, str]], classes: list[str]) -> str:
    serial, registration, filed, registered, _, code, status_dt, _, text = row[:9]
    owner_xml = "".join(f"<case-file-owner><party-type>{k}</party-type><party-name>{escape(n)}</party-name>"
                        f"</case-file-owner>" for k, n in owners)
    class_xml = "".join(f"<classification><international-code>{c}</international-code></classification>"
                        for c in classes)
    reg_date = f"<registration-date>{registered.replace('-', '')}</registration-date>" if registered else ""
    return (f"<case-file><serial-number>{serial}</serial-number><registration-number>{registration}"
            f"</registration-number><case-file-header><filing-date>{filed.replace('-', '')}</filing-date>{reg_date}"
            f"<status-code>{code}</status-code><status-date>{status_dt.replace('-', '')}</status-date>"
            f"<mark-identification>{escape(text)}</mark-identification></case-file-header>"
            f"<classifications>{class_xml}</classifications><case-file-owners>{owner_xml}</case-file-owners>"
            f"</case-file>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--marks", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--parquet", action="store_true", help="also write the tables as Parquet")
    parser.add_argument("--xml", action="store_true", help="also write the marks as a daily XML")
    args = parser.parse_args()
    generate(args.out, args.marks, args.seed)
    if args.parquet:
        write_parquet(args.out)
    if args.xml:
        write_xml(args.out)
    print(f"wrote {args.marks:,} case files to {args.out}")


if __name__ == "__main__":
    main()
