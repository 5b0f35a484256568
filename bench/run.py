"""Benchmark ``listguard check`` end to end, next to a plain csv read and a naive regex filter.

Generates a catalog and blocklists (see ``bench/catalog.py``; the same for the same seed),
then for every blocklist size and number of jobs runs ``listguard check`` as a separate
process, all rules, JSON Lines out, and measures wall time, listings/s, the peak memory
of the process tree and the time to the first output line. In the same run it reads the
same file with the csv module and filters it with one regular expression of every mark
name, so the ratios compare like with like on whatever machine runs them.

The generated catalog has a closed vocabulary, which flatters every cache; ``--vocabulary real``
checks rows drawn (seeded, with replacement) from the real listing sets in ``../shared/data``
instead, as ``bench/stages.py`` draws them, against the same generated blocklists.

    python bench/run.py                                  # 100k rows; 1k, 10k, 50k marks; jobs 1 and 2
    python bench/run.py --quick                          # a smoke run of a few seconds
    python bench/run.py --rows 100000,1000000 --output bench/results.json
    python bench/run.py --vocabulary real --marks 50000  # real listings' rows (needs ../shared/data)
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalog import write_blocklist, write_catalog  # noqa: E402  (a sibling file, not a package)

TARGETS = ("ebay:US", "amazon:US")
AS_OF = "2026-01-01"


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def listguard_command() -> list[str]:
    """The listguard next to this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("listguard")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("listguard")
    if found:
        return [found]
    sys.exit("listguard is not installed; run `make bench`, or `pip install -e .` first")


# -- memory of a process tree -------------------------------------------------------------

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as handle:
                kids.extend(int(k) for k in handle.read().split())
    except OSError:
        pass
    return kids


def _memory(pid: int) -> int:
    """Proportional set size (shared pages split between the processes sharing them), else RSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def tree_memory(pid: int) -> int:
    """Bytes held by ``pid`` and all its descendants; worker processes forked from the
    checker share its pages, so those are counted once, not once per worker."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        total += _memory(p)
        todo.extend(_children(p))
    return total


# -- one run of listguard -----------------------------------------------------------------

@dataclass
class Run:
    command: list[str]
    seconds: float = 0.0
    first_output: float | None = None
    peak_rss: int = 0  # bytes: the larger of the kernel's peak RSS of the child and the polled tree total
    max_rss_child: int = 0  # bytes: ru_maxrss of the child (the largest of it and its waited-for children)
    peak_tree: int = 0  # bytes: the polled peak of the process tree's summed proportional set size
    exit_code: int = 0
    listings: int = 0
    summary: dict = field(default_factory=dict)
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.exit_code in (0, 1) and bool(self.summary)


def run_listguard(command: list[str], output: Path, expect: int | None = None, label: str = "") -> Run:
    run = Run(command=command)
    output.unlink(missing_ok=True)
    errors = tempfile.TemporaryFile()
    start = time.perf_counter()
    # The report goes to standard output, redirected to the file: a file named with -o is written
    # under a temporary name and appears whole at the end, so its first line could not be timed.
    sink = open(output, "wb")
    child = subprocess.Popen(command, stdout=sink, stderr=errors)
    sink.close()
    lines = 0
    handle = None
    next_report = start + 10
    next_memory = start
    status = None
    usage = None
    while True:
        waited, status, usage = os.wait4(child.pid, os.WNOHANG)
        now = time.perf_counter()
        if waited:
            run.seconds = now - start
            break
        if now >= next_memory:
            run.peak_tree = max(run.peak_tree, tree_memory(child.pid))
            # Reading memory maps costs the bench a few milliseconds, taken from the cores it measures.
            next_memory = now + (0.2 if handle is None else 1.0)
        if handle is None and output.exists() and output.stat().st_size > 0:
            run.first_output = now - start
            handle = open(output, "rb")
        if handle is not None:
            lines += handle.read().count(b"\n")
        if label and now >= next_report:
            rate = lines / (now - start)
            done = f" of {expect:,}" if expect else ""
            say(f"{label}: {lines:,}{done} listings, {rate:,.0f}/s so far, memory {run.peak_tree / 2**20:,.0f} MB")
            next_report = now + 10
        # Poll fast until the first line shows, then gently: the bench shares the cores it measures.
        time.sleep(0.005 if handle is None else 0.5)
    child.returncode = os.waitstatus_to_exitcode(status)
    run.exit_code = child.returncode
    run.max_rss_child = usage.ru_maxrss * 1024
    run.peak_rss = max(run.peak_tree, run.max_rss_child)
    if handle is not None:
        handle.close()
    errors.seek(0)
    run.stderr = errors.read().decode("utf-8", "replace")[-2000:]
    errors.close()
    if output.exists() and output.stat().st_size:
        last = _last_line(output)
        try:
            tail = json.loads(last)
        except ValueError:
            tail = {}
        run.summary = tail.get("summary", {})
        run.listings = run.summary.get("listings", 0)
        if run.first_output is None:
            run.first_output = run.seconds
    return run


_ROW = re.compile(rb'"row": (\d+)')


def in_input_order(path: Path) -> bool:
    """Whether the report's listings are rows 1, 2, 3 ... in that order (checked after timing)."""
    expected = 1
    with open(path, "rb") as handle:
        for line in handle:
            if line.startswith(b'{"summary"'):
                break
            m = _ROW.search(line)
            if m is None or int(m.group(1)) != expected:
                return False
            expected += 1
    return True


def _last_line(path: Path) -> str:
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - 65536))
        return handle.read().decode("utf-8", "replace").rstrip("\n").rsplit("\n", 1)[-1]


def timed(command: list[str], times: int) -> list[float]:
    seconds = []
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    return seconds


# -- baselines measured in the same run ---------------------------------------------------

def csv_read_rate(path: Path) -> tuple[float, int]:
    """Listings/s of a bare csv-module read that touches the title and description."""
    start = time.perf_counter()
    rows = 0
    chars = 0
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for cells in reader:
            rows += 1
            chars += len(cells[1]) + len(cells[2])
    return rows / (time.perf_counter() - start), rows


def blocklist_names(path: Path) -> list[str]:
    names = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names.append(row["term"])
            names.extend(a for a in row["aliases"].split("|") if a)
    return names


def regex_rate(catalog: Path, blocklist: Path, budget: float, limit: int) -> dict:
    """Listings/s of one case-insensitive alternation of every name, over as many rows as fit
    in ``budget`` seconds (it is far too slow for a whole large catalog)."""
    names = sorted(set(blocklist_names(blocklist)), key=len, reverse=True)
    start = time.perf_counter()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)
    compile_seconds = time.perf_counter() - start
    rows = hits = 0
    start = time.perf_counter()
    with open(catalog, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for cells in reader:
            if pattern.search(cells[1]) or pattern.search(cells[2]):
                hits += 1
            rows += 1
            if rows >= limit or time.perf_counter() - start > budget:
                break
    seconds = time.perf_counter() - start
    return {"rate": rows / seconds, "sampled": rows, "hits": hits, "compile_seconds": compile_seconds}


# -- the benchmark ------------------------------------------------------------------------

def digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def checked_code(python: str = sys.executable) -> Path:
    """The checkout whose code the listguard under test runs: where its interpreter imports the
    package from (an editable install points at its own checkout, which need not be the one
    holding this script). Asked from a neutral directory, as the console script imports."""
    found = subprocess.run([python, "-c", "import pathlib, compliance; "
                            "print(pathlib.Path(compliance.__file__).resolve().parents[1])"],
                           capture_output=True, text=True, timeout=60, cwd=Path(python).parent)
    return Path(found.stdout.strip()) if found.returncode == 0 and found.stdout.strip() else \
        Path(__file__).resolve().parents[1]


def code_version() -> dict:
    """The commit the numbers belong to (that of the code the checked listguard imports), and
    whether its work tree differed from it."""
    repo = checked_code()
    try:
        commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    # PYTHONPATH can point the checked listguard at other code than this work tree.
    return {"commit": commit, "modified": bool(dirty), "checkout": str(repo),
            "pythonpath": os.environ.get("PYTHONPATH", "")}


def sizes(text: str) -> list[int]:
    out = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        scale = 1_000_000 if part.endswith("m") else 1000 if part.endswith("k") else 1
        out.append(int(float(part.rstrip("mk")) * scale))
    return out


def mark_label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 and n >= 1000 else str(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", help="catalog sizes, comma separated (100000,1m). Default 100000")
    parser.add_argument("--marks", help="blocklist sizes, comma separated. Default 1000,10000,50000")
    parser.add_argument("--jobs", default="1,2", help="values of listguard's --jobs, comma separated. Default 1,2")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 2,000 rows and 1k marks unless --rows or --marks say otherwise")
    parser.add_argument("--regex-seconds", type=float,
                        help="time budget of the regex baseline per blocklist (it runs over a sample). Default 10")
    parser.add_argument("--workdir", type=Path, help="keep generated files here (reused when present)")
    parser.add_argument("--output", type=Path, help="write every measurement as JSON")
    parser.add_argument("--vocabulary", choices=("generated", "real"), default="generated",
                        help="generated: the catalog of bench/catalog.py (the default); real: rows drawn (seeded) "
                             "from the real listing sets in ../shared/data, as bench/stages.py draws them")
    args = parser.parse_args(argv)
    if args.vocabulary == "real" and not real_rows_available():
        say("no ../shared/data beside the checkout (or LISTGUARD_SHARED_DATA): the real-vocabulary run needs it; "
            "skipped")
        return 0
    args.rows = args.rows or ("2000" if args.quick else "100000")
    args.marks = args.marks or ("1000" if args.quick else "1000,10000,50000")
    args.regex_seconds = args.regex_seconds or (2.0 if args.quick else 10.0)
    rows_list, marks_list, jobs_list = sizes(args.rows), sizes(args.marks), sizes(args.jobs)

    listguard = listguard_command()
    check_help = subprocess.run([*listguard, "check", "--help"], capture_output=True, text=True).stdout
    has_jobs = "--jobs" in check_help
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="listguard-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    say(f"files in {workdir}; listguard: {listguard[0]}; --jobs {'available' if has_jobs else 'not available'}")

    results: dict = {
        "started": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "seed": args.seed, "targets": list(TARGETS), "code": code_version(), "runs": [], "baselines": [],
        "vocabulary": args.vocabulary,
        "startup": {},
    }

    # Generated files are reused from --workdir only when the generator is the same.
    tag = f"s{args.seed}-{digest(Path(__file__).with_name('catalog.py'))[:8]}"
    blocklists: dict[int, Path] = {}
    for marks in marks_list:
        path = workdir / f"blocklist-{marks}-{tag}.csv"
        if not path.exists():
            say(f"writing a blocklist of {marks:,} marks")
            write_blocklist(path, marks, args.seed)
        blocklists[marks] = path

    # A fresh index cache for this run (listguard keeps built blocklist indexes on disk): the
    # start-up timings below see it cold, then warm; every catalog run after them finds it warm,
    # as a seller's second and later runs do.
    cache = Path(tempfile.mkdtemp(prefix="listguard-bench-cache-"))
    os.environ["LISTGUARD_CACHE_DIR"] = str(cache)
    # Each check records its run in the store's history, as a seller's does: into a store of this
    # benchmark's own, never the user's.
    os.environ["LISTGUARD_DB"] = str(cache / "listguard.db")
    results["startup"] = startup(listguard, workdir, blocklists, args.seed)

    for rows in rows_list:
        catalog = write_rows(workdir, rows, args.seed, args.vocabulary, tag)
        size_mb = catalog.stat().st_size / 2**20
        csv_rate, _ = csv_read_rate(catalog)
        say(f"{rows:,} rows ({size_mb:,.1f} MB): csv module reads {csv_rate:,.0f} listings/s")
        results["baselines"].append({"rows": rows, "what": "csv read", "rate": csv_rate,
                                     "catalog_mb": size_mb, "catalog_sha": digest(catalog)})
        regex: dict[int, dict] = {}
        for marks, blocklist in blocklists.items():
            say(f"regex filter over {mark_label(marks)} marks (up to {args.regex_seconds:.0f}s)")
            regex[marks] = regex_rate(catalog, blocklist, args.regex_seconds, rows)
            say(f"  {regex[marks]['rate']:,.0f} listings/s over {regex[marks]['sampled']:,} rows "
                f"(compiled in {regex[marks]['compile_seconds']:.1f}s)")
            results["baselines"].append({"rows": rows, "what": "regex filter", "marks": marks, **regex[marks]})
        for marks, blocklist in blocklists.items():
            for jobs in jobs_list:
                entry = {"rows": rows, "marks": marks, "jobs": jobs, "csv_rate": csv_rate,
                         "regex_rate": regex[marks]["rate"]}
                if jobs != 1 and not has_jobs:
                    entry["skipped"] = "n/a: --jobs not available"
                    results["runs"].append(entry)
                    continue
                out = workdir / f"report-{rows}-{marks}-{jobs}.jsonl"
                command = [*listguard, "check", str(catalog), "--no-default-blocklists", "--blocklist", str(blocklist),
                           *(x for t in TARGETS for x in ("-p", t)), "--as-of", AS_OF, "-f", "jsonl"]
                if has_jobs:
                    command += ["--jobs", str(jobs)]
                label = f"{rows:,} rows, {mark_label(marks)} marks, {jobs} job{'s' if jobs > 1 else ''}"
                say(f"checking: {label}")
                run = run_listguard(command, out, expect=rows, label=label)
                if not run.ok:
                    say(f"  failed (exit {run.exit_code}): {run.stderr.strip()[-500:]}")
                    entry["error"] = f"exit {run.exit_code}: {run.stderr.strip()[-300:]}"
                    results["runs"].append(entry)
                    continue
                rate = run.listings / run.seconds
                flagged = {k: (v.get("fail", 0), v.get("warn", 0))
                           for k, v in run.summary.get("by_platform", {}).items()}
                # After the first line the start-up (imports, building the indexes) is behind: the
                # rate from there on is what a larger catalog tends to.
                steady = (run.listings / (run.seconds - run.first_output)
                          if run.seconds > run.first_output else rate)
                entry.update({"rate": rate, "steady_rate": steady, "seconds": run.seconds,
                              "first_output": run.first_output,
                              "peak_rss_mb": run.peak_rss / 2**20, "max_rss_child_mb": run.max_rss_child / 2**20,
                              "peak_tree_mb": run.peak_tree / 2**20,
                              "listings": run.listings, "fail_warn": flagged, "report_mb": out.stat().st_size / 2**20})
                say(f"  {rate:,.0f} listings/s, {run.seconds:.1f}s, first output {run.first_output:.2f}s, "
                    f"peak RSS {run.peak_rss / 2**20:,.0f} MB")
                if run.listings != rows:
                    say(f"  warning: the report has {run.listings:,} listings, the catalog {rows:,}")
                entry["in_order"] = in_input_order(out)
                if not entry["in_order"]:
                    say("  warning: the report's listings are not in input order")
                results["runs"].append(entry)
                out.unlink(missing_ok=True)

    shutil.rmtree(cache, ignore_errors=True)
    print(table(results))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        say(f"results written to {args.output}")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if any("error" in r for r in results["runs"]) else 0


def real_rows_available() -> bool:
    import stages  # noqa: F401  (puts eval/, where the real sets are read, on the path)
    from sources import available

    return available()


def write_rows(workdir: Path, rows: int, seed: int, vocabulary: str, tag: str) -> Path:
    """The catalog of ``rows`` rows to check, written once per seed and generator and kept in ``workdir``."""
    if vocabulary == "real":
        from stages import real_rows
        from stages import write_catalog as write_real_catalog

        catalog = workdir / f"catalog-real-{rows}-s{seed}.csv"
        if not catalog.exists():
            say(f"drawing {rows:,} rows from the real listing sets")
            per_source = write_real_catalog(catalog, real_rows(rows, seed))
            say("  " + ", ".join(f"{k} {v:,}" for k, v in sorted(per_source.items())))
        return catalog
    catalog = workdir / f"catalog-{rows}-{tag}.csv"
    if not catalog.exists():
        say(f"writing a catalog of {rows:,} rows")
        start = time.perf_counter()
        kinds = write_catalog(catalog, rows, seed, progress=lambda n: say(f"  {n:,} rows written"))
        say(f"  done in {time.perf_counter() - start:.1f}s: {kinds}")
    return catalog


def startup(listguard: list[str], workdir: Path, blocklists: dict[int, Path], seed: int) -> dict:
    """``--help`` and a 10-row check: what a seller waits for on every small run."""
    say("timing listguard --help and a 10-row check")
    small = workdir / "catalog-10.csv"
    write_catalog(small, 10, seed)
    out = workdir / "report-10.jsonl"
    help_times = timed([*listguard, "--help"], 5)
    check = [*listguard, "check", str(small), "--as-of", AS_OF, "-f", "jsonl", "-o", str(out)]
    found = {"help_seconds": statistics.median(help_times),
             "ten_rows_default_lists": timed(check, 3)}
    for marks, blocklist in blocklists.items():
        # Twice: the first run builds the blocklist's indexes and saves them, the second reads them.
        found[f"ten_rows_{mark_label(marks)}_marks"] = timed(
            [*listguard, "check", str(small), "--no-default-blocklists", "--blocklist", str(blocklist),
             "--as-of", AS_OF, "-f", "jsonl", "-o", str(out)], 2)
    return found


def table(results: dict) -> str:
    lines = []
    machine = results["machine"]
    code = results.get("code") or {}
    version = f"; code {code['commit']}{' (modified)' if code.get('modified') else ''}" if code.get("commit") else ""
    rows_from = "rows drawn from real listings" if results.get("vocabulary") == "real" else "generated rows"
    lines.append(f"listguard check, targets {', '.join(results['targets'])}, all rules, {rows_from}; "
                 f"{machine['cpus']} CPUs, Python {machine['python']}{version}")
    lines.append("")
    lines.append("baselines (same run, same file)        listings/s")
    for b in results["baselines"]:
        if b["what"] == "csv read":
            lines.append(f"  {b['rows']:>9,} rows  csv module read          {b['rate']:>10,.0f}"
                         f"   ({b['catalog_mb']:,.0f} MB)")
        else:
            lines.append(f"  {b['rows']:>9,} rows  regex filter, {mark_label(b['marks']):>4} marks {b['rate']:>10,.0f}"
                         f"   (a sample of {b['sampled']:,} rows; compiled in {b['compile_seconds']:.1f}s)")
    lines.append("")
    head = (f"{'rows':>9}  {'marks':>5}  {'jobs':>4}  {'listings/s':>10}  {'steady/s':>8}  {'wall s':>7}  "
            f"{'1st out s':>9}  {'peak RSS MB':>11}  {'x csv read':>10}  {'x regex':>8}  {'x fewest marks':>14}  "
            f"{'fail %':>6}")
    lines.append(head)
    lines.append("-" * len(head))
    base: dict[tuple[int, int], float] = {}
    smallest = min((x["marks"] for x in results["runs"]), default=0)
    for r in results["runs"]:
        if "rate" in r and r["marks"] == smallest:
            base[(r["rows"], r["jobs"])] = r["rate"]
    for r in results["runs"]:
        lead = f"{r['rows']:>9,}  {mark_label(r['marks']):>5}  {r['jobs']:>4}  "
        if "rate" not in r:
            lines.append(lead + (r.get("skipped") or r.get("error", "")))
            continue
        vs_small = r["rate"] / base[(r["rows"], r["jobs"])] if (r["rows"], r["jobs"]) in base else float("nan")
        fails = [f for f, _ in r["fail_warn"].values()]
        fail_share = 100 * max(fails) / r["listings"] if fails and r["listings"] else 0.0
        lines.append(lead + f"{r['rate']:>10,.0f}  {r['steady_rate']:>8,.0f}  {r['seconds']:>7.1f}  "
                     f"{r['first_output']:>9.2f}  {r['peak_rss_mb']:>11,.0f}  {r['rate'] / r['csv_rate']:>10.3f}  "
                     f"{r['rate'] / r['regex_rate']:>8.1f}  {vs_small:>14.2f}  {fail_share:>6.1f}"
                     + ("" if r.get("in_order", True) else "  NOT IN INPUT ORDER"))
    s = results.get("startup") or {}
    if s:
        lines.append("")
        lines.append(f"listguard --help: {s['help_seconds']:.2f}s (median of 5)")
        for key, times in s.items():
            if key.startswith("ten_rows"):
                what = key.removeprefix("ten_rows_").replace("_", " ")
                cold = " (1st: empty index cache)" if "marks" in key else ""
                lines.append(f"10-row check, {what}: " + ", ".join(f"{t:.2f}s" for t in times) + cold)
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
