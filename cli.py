"""listguard's command line: parse options, call the library, render the report."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections import Counter
from typing import TYPE_CHECKING, NoReturn

import click

from compliance import __version__
from compliance.errors import ListguardError, UsageError
from compliance.formats import FORMATS

if TYPE_CHECKING:
    from compliance.inputs import ReadOptions


class Failure(click.ClickException):
    """A usage or input problem: one line on stderr, exit code 2, never a traceback."""

    exit_code = 2


def _guard(fn):
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ListguardError as exc:
            raise Failure(str(exc)) from None
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def _parse_map(values) -> dict[str, str]:
    mapping = {}
    for value in values:
        name, sep, column = value.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise Failure(f"--map {value}: write FIELD=COLUMN, e.g. --map title=\"Product Name\"")
        mapping[name.strip().lower()] = column.strip()
    return mapping


def _parse_date(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Failure(f"--as-of {value}: not an ISO date; write YYYY-MM-DD") from None


READING = "listguard.reading"


def _remember(ctx, param, value):
    ctx.meta.setdefault(READING, {})[param.name] = value
    return value


def _layout_names() -> list[str]:
    from compliance.inputs import layout_names

    return layout_names()


# How to read a catalog (compliance.inputs.ReadOptions, one option per field): kept in the click
# context rather than passed as parameters, so each command that reads a catalog takes them all.
READING_OPTIONS = [
    click.option("--input-format", type=click.Choice(_layout_names()), expose_value=False, callback=_remember,
                 help="Read the catalog in this layout instead of finding it from the content."),
    click.option("--sheet", metavar="NAME", expose_value=False, callback=_remember,
                 help="Excel workbooks: read this sheet (default: Amazon's Template sheet, else the first)."),
    click.option("--encoding", metavar="NAME", expose_value=False, callback=_remember,
                 help="The catalog's text encoding (utf-8, utf-16, cp1252, gb18030, shift_jis, cp1251, koi8-r, ...) "
                      "instead of finding it from the first 64 KB."),
    click.option("--delimiter", metavar="CHAR", expose_value=False, callback=_remember,
                 help="The CSV delimiter: ',', ';', '|', tab (or the words comma, semicolon, pipe, tab) "
                      "instead of sniffing it."),
]


def _reading(mappings) -> ReadOptions:
    """The ReadOptions of this run: --map and the READING_OPTIONS."""
    from compliance.inputs import ReadOptions

    return ReadOptions(mapping=_parse_map(mappings), **click.get_current_context().meta.get(READING, {}))


def reading_options(fn):
    for option in reversed(READING_OPTIONS):
        fn = option(fn)
    return fn


def catalog_options(fn):
    """Options shared by the commands that read a catalog."""
    options = [
        click.argument("catalog", type=click.Path(dir_okay=False)),
        click.option("--platform", "-p", "platforms", multiple=True, metavar="PLATFORM[:REGION]",
                     help="Marketplace to check for, with an ISO region (default region US); repeatable; "
                          "'all' checks every platform. Default: ebay:US and amazon:US."),
        click.option("--blocklist", "-b", "blocklists", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra blocklist CSV (term,kind,owner,aliases,...); repeatable."),
        click.option("--no-default-blocklists", is_flag=True,
                     help="Do not load the curated lists shipped with listguard."),
        click.option("--no-store", is_flag=True, help="Do not use the store: its lists, nor record this run."),
        click.option("--map", "mappings", multiple=True, metavar="FIELD=COLUMN",
                     help="Read FIELD (id, title, description, brand, category, price, tags, ...) from COLUMN; "
                          "repeatable."),
        click.option("--as-of", metavar="DATE", help="Date for patent expiry checks (YYYY-MM-DD; default today)."),
        click.option("--authorized", type=click.Path(dir_okay=False), metavar="FILE",
                     help="CSV of your own and licensed brands (brand[,owner][,platforms]): never blocked as "
                          "another's trademark (copy words still are)."),
        *READING_OPTIONS,
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def gate_options(fn):
    """Options of the gate: what a check leaves out and how it exits (see compliance.suppress)."""
    options = [
        click.option("--baseline", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Hide the findings FILE records (made by 'listguard baseline create'); they count "
                          "toward no verdict."),
        click.option("--select", "select", multiple=True, metavar="CODES",
                     help="Report only rules whose code starts with one of CODES (TM, TM00, TM001); comma "
                          "separated or repeated."),
        click.option("--ignore", "ignore", multiple=True, metavar="CODES",
                     help="Leave out rules whose code starts with one of CODES; wins over --select."),
        click.option("--exit-zero", is_flag=True,
                     help="Exit 0 even when listings fail (2 still for usage and input errors)."),
        click.option("--changed-only", type=click.Path(dir_okay=False), metavar="PREVIOUS_CATALOG",
                     help="Check only rows that are new or changed since PREVIOUS_CATALOG; the others are "
                          "reported with the verdict 'unchanged'."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _gate(mappings, baseline, select, ignore, changed_only):
    """What this run leaves out; a bad option or file is a usage error before any checking."""
    from compliance.catalog import read_catalog
    from compliance.rules import REGISTRY
    from compliance.suppress import Baseline, Gate, PreviousCatalog, RuleFilter, Suppressor

    rules = RuleFilter.parse(select, ignore, REGISTRY)
    accepted = Baseline.load(baseline) if baseline else None
    previous = None
    if changed_only:
        previous = PreviousCatalog.from_listings(read_catalog(changed_only, options=_reading(mappings))[1])
    return Gate(Suppressor(rules, accepted, REGISTRY), previous)



# -- checking against the official register (check/explain --register) ----------------------------

def register_option(fn):
    """--register: also compare titles with the store's official register (TM007)."""
    return click.option("--register", "use_register", is_flag=True,
                        help="Also compare each title's names with the live marks of the official register in the "
                             "store (TM007 warnings; import it with 'listguard register import').")(fn)


def _register_matcher(use_register: bool, no_store: bool = False):
    """The register matcher for this run, or None without --register; its size on stderr."""
    if not use_register:
        return None
    if no_store:
        raise UsageError("--register reads the register from the store, and --no-store leaves the store out; "
                         "drop one of them")
    from compliance.matchers.register import open_register

    matcher = open_register()
    click.echo(f"listguard: register: {matcher.index.marks:,} live marks from {matcher.path}", err=True)
    return matcher


def _say(lines) -> None:
    for line in lines:
        click.echo(f"listguard: {line}", err=True)


def _setup(catalog, platforms, blocklists, no_default_blocklists, mappings, as_of, authorized=None, progress=None,
           no_store=False, use_register=False):
    from compliance.authorized import load_authorized
    from compliance.blocklist import load_blocklists
    from compliance.catalog import read_catalog
    from compliance.check import Checker
    from compliance.collector import paused_collector
    from compliance.platforms import MARKETPLACES, load_platforms, parse_targets
    from compliance.store.lists import stored_lists

    # The lists, the indexes and the checker live as long as the run.
    with paused_collector(freeze=True):
        packs = load_platforms()
        targets = parse_targets(platforms, packs)
        # The store's lists when there is a store: a check never makes one for them.
        entries = load_blocklists(blocklists, defaults=not no_default_blocklists,
                                  platform_names=set(packs) | set(MARKETPLACES),
                                  stored=None if no_store else stored_lists())
        layout, listings = read_catalog(catalog, options=_reading(mappings), progress=progress)
        _say_columns(layout)
        brands = load_authorized(authorized, set(packs) | set(MARKETPLACES)) if authorized else ()
        checker = Checker(targets, entries, as_of=_parse_date(as_of), authorized=brands,
                          register=_register_matcher(use_register, no_store))
    return checker, layout, listings


def _say_columns(layout) -> None:
    """The column mapping, on stderr at the start of every run, so a seller sees what was read."""
    names = layout.column_names()
    click.echo("listguard: columns: " + ", ".join(f"{field}={column!r}" for field, column in names.items()),
               err=True)
    how = f" ({layout.encoding})" if layout.encoding else ""
    click.echo(f"listguard: read {layout.path} as {layout.input_format}{how}", err=True)
    if layout.waiver_column is not None:
        click.echo(f"listguard: waivers: rule codes in column {layout.header[layout.waiver_column]!r}, never read "
                   f"as listing text", err=True)
    if not layout.has_brand:
        click.echo("listguard: no brand column: the seller's brand is unknown, so a maker's name leading a title "
                   "is a review and every other mark named counts as another company's (name the column with "
                   "--map brand=COLUMN, or list your brands with --authorized)", err=True)


INTERNAL_ERROR = 3


class _Listguard(click.Group):
    """The command group: a fault in listguard itself (not in the seller's files, which get a
    one-line usage or input error) ends with one line naming it and exit code 3, never a
    traceback; LISTGUARD_DEBUG=1 shows the traceback for a bug report."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if os.environ.get("LISTGUARD_DEBUG"):
                raise
            click.echo(f"listguard: internal error ({type(exc).__name__}: {exc}): a fault in listguard, not in "
                       f"your files; no report was written in place of an earlier one. Run again with "
                       f"LISTGUARD_DEBUG=1 to see where, and report it", err=True)
            sys.exit(INTERNAL_ERROR)


@click.group(cls=_Listguard, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="listguard")
def main():
    """Check product listings for trademark, counterfeit, patent and marketplace-rule
    problems before you upload them.

    Example:

        listguard check catalog.csv --platform ebay:US --platform amazon:DE
    """
    _on_signals()


class Stopped(BaseException):
    """SIGTERM: end like Ctrl-C (no report in place of the last one), with the signal's exit code."""

    exit_code = 143


def _stop(signum, frame):
    raise Stopped()


def _on_signals() -> None:
    """SIGTERM ends the run cleanly; a closed pipe (``listguard ... | head``) ends it quietly."""
    import signal

    try:
        signal.signal(signal.SIGTERM, _stop)
        if hasattr(signal, "SIGPIPE"):
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    except ValueError:
        pass  # not the main thread (an embedding program): its own handlers stay


@main.command()
@catalog_options
@gate_options
@click.option("--format", "-f", "fmt", type=click.Choice(list(FORMATS)), multiple=True,
              help="Report format; repeatable with --output-dir. Default: table on a terminal, else from --output's "
                   "extension, else json.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE.")
@click.option("--output-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write a report per --format into DIR (report.json, report.sarif, report.xml, ...).")
@click.option("--fail-on", type=click.Choice(["fail", "warn"]), default="fail", show_default=True,
              help="Exit 1 when a listing fails (or also when it only warns).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes to check with; 0 uses every core. Output stays in input order.")
@register_option
@_guard
def check(catalog, platforms, blocklists, no_default_blocklists, no_store, mappings, as_of, authorized, fmt, output,
          fail_on, jobs, output_dir, baseline, select, ignore, exit_zero, changed_only, use_register):
    """Check every listing of CATALOG (CSV or TSV in UTF-8, UTF-16 or an office code page; Excel; JSON; an Amazon,
    eBay, Shopify or WooCommerce export, or a Google Merchant Center feed) and report a verdict
    per marketplace.

    Exit codes: 0 no listing fails, 1 some listing fails on some platform (or, with
    --fail-on warn, warns; an unreadable row counts as failing), 2 usage or input error.
    --exit-zero turns 1 into 0; --baseline, --select, --ignore, a listguard_ignore column and
    --changed-only leave findings or rows out, and the report counts what they left out.
    Each run is recorded in the store's history ('listguard history') unless --no-store.

    Example:

        listguard check catalog.csv -p ebay:US -p amazon:US -f json -o report.json
    """
    from compliance.output import check_output_path

    reports = _report_targets(fmt, output, output_dir)
    bar, progress = _progress_bar(catalog)
    for _, path in reports:
        if path:
            check_output_path(path, [catalog, *blocklists, authorized, baseline, changed_only])
    try:
        gate = _gate(mappings, baseline, select, ignore, changed_only)
        checker, layout, listings = _setup(catalog, platforms, blocklists, no_default_blocklists, mappings, as_of,
                                           authorized, progress, no_store, use_register)
        jobs = _cap_jobs(jobs)
        recording = None if no_store else _recording(catalog, checker)
        worst = _write_reports_or_abandon(reports, checker, layout, listings, jobs, fail_on, bar, gate, recording)
        code = 0 if exit_zero else worst
        if recording is not None:
            recording.finish(code)
            _say(filter(None, [recording.notice()]))
    except (KeyboardInterrupt, Stopped) as stop:
        _exit_stopped(stop, output, output_dir)
    sys.exit(code)


def _progress_bar(catalog):
    """A progress bar on standard error for a catalog over a megabyte when it is a terminal, and
    the callback that moves it to a byte position (both None otherwise)."""
    size = os.path.getsize(catalog) if os.path.isfile(catalog) else 0
    bar = None
    if sys.stderr.isatty() and size > 1_000_000:
        bar = click.progressbar(length=size, label="checking", file=sys.stderr)
    progress = (lambda n: bar.update(n - bar.pos)) if bar is not None else None
    return bar, progress


def _write_reports_or_abandon(reports, checker, layout, listings, jobs, fail_on, bar, gate, recording) -> int:
    """Check and write every report, then say where they went; the exit code the results give.
    A run that stops before its reports are in place is dropped from the history."""
    try:
        with _open_reports(reports) as outputs:
            worst, statuses = _write_report(outputs, checker, layout, listings, jobs, fail_on, bar, gate,
                                            recording)
        _say_written(reports, statuses)
    except BaseException:
        if recording is not None:
            recording.abandon()  # no report, no history: the run never happened for the seller
        raise
    return worst


def _exit_stopped(stop, output, output_dir) -> NoReturn:
    """A stopped or interrupted check writes no report: say so, and that a report file from
    before is left as it was."""
    kept = "; the previous report is unchanged" if output or output_dir else ""
    click.echo(f"listguard: {'stopped' if isinstance(stop, Stopped) else 'interrupted'}; no report "
               f"written{kept}", err=True)
    sys.exit(getattr(stop, "exit_code", 130))


def _report_targets(formats, output, output_dir) -> list[tuple[str, str | None]]:
    """Each report to write as (format, path); path None is standard output. With --output-dir,
    the folder is created here, before the check, so a folder that cannot be made costs no run."""
    from compliance.formats import FILE_NAMES, format_for_path

    formats = list(dict.fromkeys(formats))
    if output_dir:
        if output:
            raise Failure("--output and --output-dir: give one; --output-dir writes a file per --format")
        try:
            os.makedirs(output_dir, exist_ok=True)
        except OSError as exc:
            raise Failure(f"--output-dir {output_dir}: cannot create the folder ({exc.strerror or exc})") from None
        return [(name, os.path.join(output_dir, FILE_NAMES[name])) for name in formats or ["json"]]
    if len(formats) > 1:
        raise Failure(f"--format is given {len(formats)} times: write several formats with --output-dir DIR")
    if formats:
        return [(formats[0], output)]
    guessed = format_for_path(output) if output else None
    return [(guessed or ("table" if sys.stdout.isatty() and not output else "json"), output)]


@contextlib.contextmanager
def _open_reports(reports):
    """A stream per report: a report file is put in place only when the run ends cleanly."""
    from compliance.output import ReportFile

    with contextlib.ExitStack() as stack:
        yield [(name, stack.enter_context(ReportFile(path)) if path else sys.stdout) for name, path in reports]


def _formatters(outputs):
    """One formatter per (format, stream), driven together; colour only for a table on a terminal."""
    from compliance.formats import FanOut, get_formatter

    return FanOut([get_formatter(fmt)(stream, color=fmt == "table" and stream is sys.stdout and sys.stdout.isatty())
                   for fmt, stream in outputs])


def _cap_jobs(jobs: int) -> int:
    """0 means every core; more processes than cores only add memory and start-up time."""
    cores = os.cpu_count() or 1
    if jobs > cores:
        click.echo(f"listguard: --jobs {jobs} is more than the {cores} cores here; using {cores}", err=True)
    return cores if jobs == 0 or jobs > cores else jobs


def _say_written(reports, statuses: Counter[str]) -> None:
    """Where every report went to a file, the terminal shows nothing of it: one line on standard
    error says what the check found and where the report is."""
    from compliance.formats.table import closing_line

    paths = [path for _, path in reports]
    if paths and all(paths):
        click.echo(f"listguard: {closing_line(statuses)}; report in {', '.join(paths)}", err=True)


def _write_report(outputs, checker, layout, listings, jobs, fail_on, bar, gate,
                  recording=None) -> tuple[int, Counter[str]]:
    """Check every listing and write each (format, stream) report from the one pass over the
    results; the exit code the results give, and the listings counted by their worst verdict."""
    from compliance.check import summarize
    from compliance.formats.table import listing_status

    keys = [t.key for t in checker.targets]
    formatter = _formatters(outputs)
    with_text = formatter.wants_text
    formatter.start({"tool": {"name": "listguard", "version": __version__},
                     "checked_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                     "platforms": keys, "columns": layout.column_names(), "catalog": str(layout.path),
                     "input_format": layout.input_format, "encoding": layout.encoding})
    from compliance.ledger import Ledger

    counts = None
    worst = 0
    total = 0
    statuses: Counter[str] = Counter()
    ledger = Ledger()
    listings = gate.feed(ledger.watch(listings))
    if jobs > 1:
        from compliance.parallel import check_parallel

        results = check_parallel(checker, listings, jobs, with_text=with_text)
    else:
        results = checker.check(listings)
    results = gate.results(results)
    try:
        for result in results:
            total += 1
            counts = summarize(counts, result, keys)
            item = result.to_dict(with_text=with_text)
            formatter.listing(item)
            statuses[listing_status(item)] += 1
            if recording is not None:
                recording.listing(item)
            values = result.verdicts.values()
            if "fail" in values or "error" in values or (fail_on == "warn" and "warn" in values):
                worst = 1
    finally:
        getattr(results, "close", lambda: None)()  # stops the workers now, not when collected
    if bar is not None:
        bar.update(bar.length - bar.pos)
        bar.render_finish()
    counts = counts or {k: {"pass": 0, "warn": 0, "fail": 0, "error": 0} for k in keys}
    ledger.balance(total, counts)
    if ledger.repeats_notice():
        click.echo(f"listguard: {ledger.repeats_notice()}", err=True)
    for note in layout.notes:
        click.echo(f"listguard: {note}", err=True)
    _say(gate.notices())
    formatter.finish(gate.summarize({"listings": total, "by_platform": counts}))
    return worst, statuses


@main.command()
@catalog_options
@click.option("--id", "listing_id", required=True, help="The listing's id (SKU) to explain.")
@register_option
@_guard
def explain(catalog, platforms, blocklists, no_default_blocklists, no_store, mappings, as_of, authorized, listing_id,
            use_register):
    """Explain every decision for one listing: each finding with its normalized form,
    matched entry, owner, classes and score, and why a generic mark did or did not fire.

    Example:

        listguard explain catalog.csv --id SKU-123
    """
    from compliance.formats.table import printable

    checker, layout, listings = _setup(catalog, platforms, blocklists, no_default_blocklists, mappings, as_of,
                                       authorized, no_store=no_store, use_register=use_register)

    def say(text: str) -> None:
        # Listing text may hold escapes that would act on the terminal: spelled out as <U+001B>.
        click.echo("\n".join(printable(line) for line in text.split("\n")))

    for listing in listings:
        if listing.id != listing_id:
            continue
        result = checker.check_batch([listing])[0]
        say(f"{listing.id} (row {listing.row}, line {listing.line}): {listing.title}")
        if listing.error:
            say(f"  unreadable: {listing.error}")
            sys.exit(1)
        say(f"  brand: {listing.brand or '-'}   category: {listing.category or '-'}")
        say("  verdicts: " + ", ".join(f"{k} {v}" for k, v in result.verdicts.items()))
        if not result.findings:
            say("  no findings")
        for f in result.findings:
            say(f"\n  {f.rule} {f.severity} [{', '.join(f.platforms)}] {f.field}[{f.start}:{f.end}] {f.text!r}")
            say(f"    {f.message}")
            say(f"    fix: {f.fix}")
            say(f"    entry: {f.entry}   score: {f.score:.2f}")
            for key, value in f.explanation:
                if value not in (None, "", (), []):
                    say(f"    {key}: {value}")
        for span, why in listing.decisions:
            say(f"\n  note on {span.field}[{span.start}:{span.end}] {span.text!r}: {why}")
        return
    raise Failure(f"{catalog}: no listing with id '{listing_id}'")


def _text_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain text table: columns padded to their widest cell, the last column left unpadded."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells) -> str:
        padded = [str(c).ljust(w) for c, w in zip(cells[:-1], widths[:-1])] + [str(cells[-1])]
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


@main.command("platforms")
@_guard
def platforms_command():
    """List the marketplace rule packs: default region, regions (sites) and rule counts.

    A rule count is the number of distinct rule codes a pack lists; "entries" counts a code
    once per configuration (other parameters, severities or regions). Trademark, counterfeit,
    patent and prohibited-item rules apply on every platform through the blocklists.

    Example:

        listguard platforms
    """
    from compliance.rulebook import platform_summaries

    rows = [[s.name, s.title, s.default_region, str(len(s.rule_codes)), str(s.configs), " ".join(s.regions)]
            for s in platform_summaries()]
    click.echo(_text_table(["platform", "title", "default", "rules", "entries", "regions"], rows))


def _needs(code: str) -> str:
    """The check option a rule that runs everywhere needs (TM007: --register), else ""."""
    from compliance.rules import REGISTRY

    return REGISTRY[code].needs


def _uses_text(entry) -> str:
    if entry.everywhere:
        return f"all platforms ({_needs(entry.code) or 'blocklists'})"
    return ", ".join(f"{name} {'/'.join(sevs)}" for name, sevs in entry.severities_by_platform().items()) or "-"


@main.group("rules", invoke_without_command=True)
@click.option("--platform", "-p", "platform", metavar="PLATFORM",
              help="Only the rules that apply on PLATFORM, with their severity and regions there.")
@click.pass_context
def rules_command(ctx, platform):
    """List every rule with the platforms that use it; 'rules explain CODE' prints one rule's
    documentation.

    Example:

    \b
        listguard rules --platform walmart
        listguard rules explain LS001
    """
    if ctx.invoked_subcommand is not None:
        return
    from compliance.rulebook import rule_entries

    try:
        entries = rule_entries(platform)
    except ListguardError as exc:
        raise Failure(str(exc)) from None
    if platform is None:
        rows = [[e.code, e.kind, e.name, _uses_text(e)] for e in entries]
        click.echo(_text_table(["code", "kind", "name", "used by"], rows))
        return
    rows = []
    for e in entries:
        if e.everywhere:
            rows.append([e.code, e.default_severity, "all", f"{e.name} ({_needs(e.code) or 'blocklists'})"])
        for use in e.uses:
            rows.append([e.code, use.severity, " ".join(use.regions) or "all", e.name])
    click.echo(_text_table(["code", "severity", "regions", "name"], rows))


def _wrapped(label: str, text: str) -> list[str]:
    import textwrap

    # Addresses stay whole: a line break inside one would make it unusable.
    return textwrap.wrap(text, width=100, initial_indent=f"{label:<8}", subsequent_indent=" " * 8,
                         break_on_hyphens=False, break_long_words=False) or [label]


@rules_command.command("explain")
@click.argument("code")
@_guard
def rules_explain_command(code):
    """Print a rule's documentation: what it checks, why, a listing that fails and one that
    passes, and for each pack that uses it the severity, regions, fields, parameters and source.

    Example:

        listguard rules explain LS001
    """
    import json

    from compliance.rulebook import explain_rule

    entry = explain_rule(code)
    lines = [f"{entry.code}  {entry.name}  ({entry.kind}, default severity {entry.default_severity})", ""]
    where = f"in the {entry.doc.field.replace('_', ' ')}: " if entry.doc.field else ""
    lines += _wrapped("what", entry.doc.what) + _wrapped("why", entry.doc.why)
    lines += _wrapped("fails", where + entry.doc.fails) + _wrapped("passes", where + entry.doc.passes)
    lines.append("")
    if entry.everywhere:
        needs = _needs(entry.code)
        lines.append(f"used by: every platform, {f'with {needs}' if needs else 'through the blocklists'}")
    elif not entry.uses:
        lines.append("used by: no platform pack")
    else:
        lines.append("used by:")
        for use in entry.uses:
            regions = " ".join(use.regions) or "all regions"
            lines.append(f"  {use.platform}  {use.severity}  {regions}  fields: {', '.join(use.fields)}")
            if use.params:
                lines.append(f"    params: {json.dumps(use.params, ensure_ascii=False)}")
            lines.append(f"    source: {use.source}")
            if use.note:
                lines += ["    " + line for line in _wrapped("note", use.note)]
    click.echo("\n".join(lines))


# Run history (compliance.store.history): each check is recorded; history lists runs, diff compares two.

def _recording(catalog, checker):
    """The recording of this check in the store's history (it never stops the check)."""
    from compliance.store.history import Recording, RunSetting, file_sha256, lists_version

    setting = RunSetting(catalog=os.path.abspath(catalog), catalog_sha256=file_sha256(catalog), listguard=__version__,
                         lists=lists_version(checker.entries, checker.lists_key),
                         platforms=tuple(t.key for t in checker.targets),
                         register=checker.register.version if checker.register is not None else None)
    return Recording(setting)


def _when(timestamp: str | None) -> str:
    """An ISO 8601 UTC time as the history shows it: 2026-12-04 18:40:00."""
    return (timestamp or "-")[:19].replace("T", " ")


def _verdict_counts(counts: dict) -> str:
    parts = []
    for platform, c in counts.items():
        text = f"{platform} {c.get('pass', 0)}/{c.get('warn', 0)}/{c.get('fail', 0)}/{c.get('error', 0)}"
        parts.append(text + (f" +{c['unchanged']} unchanged" if c.get("unchanged") else ""))
    return ", ".join(parts)


def _echo_json(value) -> None:
    import json

    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


HISTORY_FORMATS = click.Choice(["table", "json"])


@main.group("history", invoke_without_command=True)
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, metavar="N",
              help="Show at most N runs.")
@click.option("--catalog", type=click.Path(dir_okay=False), metavar="PATH", help="Only the runs that checked PATH.")
@click.option("--format", "-f", "fmt", type=HISTORY_FORMATS, default="table", show_default=True,
              help="A table to read, or JSON for scripts.")
@click.pass_context
@_guard
def history_command(ctx, limit, catalog, fmt):
    """List the recorded check runs, newest first: id, start time (UTC), catalog, listings,
    exit code and the pass/warn/fail/error counts per platform. 'history show RUN' prints one run.

    Example:

    \b
        listguard history --limit 5
        listguard history --catalog catalog.csv -f json
    """
    if ctx.invoked_subcommand is not None:
        return
    from compliance.store.history import list_runs, open_history

    runs = list_runs(open_history(), limit, os.path.abspath(catalog) if catalog else None)
    if fmt == "json":
        _echo_json([r.to_dict() for r in runs])
        return
    if not runs:
        click.echo(f"no runs of {os.path.abspath(catalog)} recorded" if catalog else "no runs recorded yet")
        return
    rows = [[str(r.id), _when(r.started_at), r.catalog, str(r.listings), str(r.exit_code), _verdict_counts(r.counts)]
            for r in runs]
    click.echo(_text_table(["run", "started (UTC)", "catalog", "listings", "exit", "pass/warn/fail/error"], rows))


@history_command.command("show")
@click.argument("run", type=int)
@click.option("--format", "-f", "fmt", type=HISTORY_FORMATS, default="table", show_default=True,
              help="Text to read, or JSON for scripts.")
@_guard
def history_show_command(run, fmt):
    """Print what run RUN checked and with what: times, catalog and its hash, release, the
    blocklists' and register's versions, platforms, counts and exit code.

    Example:

        listguard history show 12
    """
    from compliance.store.history import get_run, open_history

    found = get_run(open_history(), run)
    if fmt == "json":
        _echo_json(found.to_dict())
        return
    lines = [("run", str(found.id)), ("started", _when(found.started_at)), ("finished", _when(found.finished_at)),
             ("catalog", found.catalog), ("sha256", found.catalog_sha256 or "-"),
             ("listguard", found.listguard or "-"), ("lists", found.lists or "-"), ("register", found.register or "-"),
             ("platforms", ", ".join(found.platforms)), ("listings", str(found.listings)),
             ("findings", str(found.findings)), ("exit", str(found.exit_code))]
    lines += [(platform, _verdict_counts({platform: c}).split(" ", 1)[1] + "  (pass/warn/fail/error)")
              for platform, c in found.counts.items()]
    click.echo("\n".join(f"{label:<10} {value}" for label, value in lines))


def _listing_name(listing: str, row: int) -> str:
    from compliance.formats.table import printable

    return f"{printable(listing)} (row {row})" if listing else f"row {row}"


def _diff_lines(diff) -> list[str]:
    lines = _diff_heading(diff)
    lines += _changed_listing_lines(diff.changed)
    for title, items in (("added", diff.added), ("removed", diff.removed)):
        if items:
            lines.append(title)
        lines += [f"  {_listing_name(i.listing, i.row)}  " + ", ".join(f"{p} {v}" for p, v in i.verdicts.items())
                  for i in items]
    return lines


def _diff_heading(diff) -> list[str]:
    """The two runs compared, the counts of what changed, and the platforms only one run checked."""
    lines = [f"run {r.id}  {_when(r.started_at)}  {r.catalog}  listguard {r.listguard}  lists {r.lists}"
             for r in (diff.before, diff.after)]
    shown = ", ".join(diff.compared) or "no platform both runs checked"
    lines.append(f"compared on {shown}: {len(diff.changed)} changed, {len(diff.added)} added, "
                 f"{len(diff.removed)} removed, {diff.unchanged} unchanged")
    only = [f"{p} (run {r.id} only)" for r, other in ((diff.before, diff.after), (diff.after, diff.before))
            for p in r.platforms if p not in other.platforms]
    if only:
        lines.append("not compared: " + ", ".join(only))
    return lines


def _changed_listing_lines(changed) -> list[str]:
    """Each listing whose verdict changed, with its old and new verdicts and the findings that
    appeared (+) and went away (-)."""
    from compliance.formats.table import printable

    lines = ["changed"] if changed else []
    for c in changed:
        verdicts = ", ".join(f"{p} {old} -> {new}" for p, (old, new) in c.changed.items())
        lines.append(f"  {_listing_name(c.after.listing, c.after.row)}  {verdicts}")
        lines += [f"    + {f.code} '{printable(f.matched)}'" for f in c.appeared]
        lines += [f"    - {f.code} '{printable(f.matched)}'" for f in c.went_away]
    return lines


@main.command("diff")
@click.argument("run_a", type=int)
@click.argument("run_b", type=int)
@click.option("--format", "-f", "fmt", type=HISTORY_FORMATS, default="table", show_default=True,
              help="Text to read, or JSON for scripts.")
@_guard
def diff_command(run_a, run_b, fmt):
    """Show the listings whose verdict changed from run RUN_A to run RUN_B on a platform both
    checked, with the old and new verdict and why: the findings that appeared (+) and went
    away (-), as rule code and matched text. Listings only in RUN_B are 'added', only in RUN_A
    'removed'. A listing is matched by its id, else by its row.

    Example:

        listguard diff 11 12
    """
    from compliance.store.history import diff_runs, open_history

    diff = diff_runs(open_history(), run_a, run_b)
    if fmt == "json":
        _echo_json(diff.to_dict())
        return
    click.echo("\n".join(_diff_lines(diff)))


@main.group("blocklist")
def blocklist_command():
    """Work on blocklists: find names your lists do not hold yet."""


@blocklist_command.command("suggest")
@click.argument("catalog", type=click.Path(dir_okay=False))
@click.option("--blocklist", "-b", "blocklists", multiple=True, type=click.Path(dir_okay=False),
              help="Extra blocklist CSV whose names are known already; repeatable.")
@click.option("--no-default-blocklists", is_flag=True, help="Do not count the curated lists' names as known.")
@click.option("--map", "mappings", multiple=True, metavar="FIELD=COLUMN", help="Read FIELD from COLUMN; repeatable.")
@reading_options
@click.option("--min-listings", type=click.IntRange(min=1), default=3, show_default=True,
              help="Suggest a name only when at least this many listings carry it.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the CSV to FILE.")
@_guard
def blocklist_suggest_command(catalog, blocklists, no_default_blocklists, mappings, min_listings, output):
    """List brand-like names that recur in CATALOG's brand column or lead its titles, are no
    everyday words and are in no list: a CSV (name, listings, in_brand_column, leading_title,
    examples) to review. Your own brands belong in --authorized; other makers' in a blocklist.

    Example:

        listguard blocklist suggest catalog.csv -o names.csv
    """
    import csv

    from compliance.blocklist import load_blocklists
    from compliance.catalog import read_catalog
    from compliance.formats.csv_report import spreadsheet_safe
    from compliance.store.lists import stored_lists
    from compliance.suggest import suggest_marks

    # Names the store's lists hold are known too.
    entries = load_blocklists(blocklists, defaults=not no_default_blocklists, stored=stored_lists())
    layout, listings = read_catalog(catalog, options=_reading(mappings))
    _say_columns(layout)
    found = suggest_marks(listings, entries, min_listings=min_listings)
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(["name", "listings", "in_brand_column", "leading_title", "examples"])
        for s in found:
            writer.writerow([spreadsheet_safe(s.name), s.listings, s.in_brand_column, s.leading_title,
                             spreadsheet_safe(" | ".join(s.examples))])
    finally:
        if output:
            stream.close()
    click.echo(f"listguard: {len(found)} names in at least {min_listings} listings that no list holds", err=True)


# -- the seller's lists in the store (compliance.store.lists) --------------------------------------

def _platform_names() -> set[str]:
    """What a list's platforms column may name: the rule packs and the marketplaces."""
    from compliance.platforms import MARKETPLACES, load_platforms

    return set(load_platforms()) | set(MARKETPLACES)


_KIND_WORDS = {"trademark": ("trademark", "trademarks"), "patent": ("patent", "patents"),
               "counterfeit": ("counterfeit term", "counterfeit terms"),
               "prohibited": ("prohibited item", "prohibited items")}


def _kinds_text(entries) -> str:
    """'3 trademarks, 1 patent': how many entries of each kind, in the kinds' order."""
    from collections import Counter

    from compliance.blocklist import KINDS

    counts = Counter(e.kind for e in entries)
    return ", ".join(f"{counts[k]} {_KIND_WORDS[k][counts[k] != 1]}" for k in KINDS if counts[k])


def _import_text(result, path) -> str:
    from compliance.store.lists import ImportOutcome

    n = len(result.entries)
    if result.outcome is ImportOutcome.UNCHANGED:
        return f"list '{result.name}' already holds {path} as it is ({n} entries); nothing changed"
    kinds = f" ({_kinds_text(result.entries)})" if n else ""
    repeated = ""
    if result.repeated:
        repeated = f"; {result.repeated} repeated line(s) left out, the later line of a kind and term kept"
    if result.outcome is ImportOutcome.NEW:
        return f"imported {n} entries into list '{result.name}'{kinds}{repeated}"
    return f"replaced list '{result.name}' with {n} entries from {path}{kinds}{repeated}"


@blocklist_command.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--name", metavar="NAME", help="Store the list under NAME (default: the file's name without .csv).")
@_guard
def blocklist_import_command(file, name):
    """Store the blocklist CSV FILE in the store as list NAME, for every check to use. The file is
    validated as a --blocklist file is: a bad line stops the import, naming file, line and
    column, and the store stays as it was. The same file again changes nothing; a changed file
    under the same name replaces the list's entries.

    Example:

        listguard blocklist import my-brands-to-avoid.csv --name mine
    """
    from compliance.store.db import opened_store
    from compliance.store.lists import import_list, read_list_file

    listed = read_list_file(file, _platform_names())  # before the store is opened: a bad file makes none
    with opened_store() as db:
        result = import_list(db, listed, name)
    click.echo(_import_text(result, file))


@blocklist_command.command("list")
@_guard
def blocklist_list_command():
    """List the store's lists: name, entries, the file each was imported from and when (UTC).

    Example:

        listguard blocklist list
    """
    from compliance.store.db import opened_store
    from compliance.store.lists import list_summaries

    with opened_store(create=False) as db:
        summaries = list_summaries(db)
    if not summaries:
        click.echo("no lists in the store yet; 'listguard blocklist import FILE' stores one")
        return
    rows = [[s.name, str(s.entries), s.source or "- (added by hand)", s.imported_at or "-"] for s in summaries]
    click.echo(_text_table(["list", "entries", "source", "imported"], rows))


def _held_text(held) -> list[str]:
    e = held.entry
    where = f"curated list {held.list}" if held.curated else f"store list '{held.list}'"
    line = f", line {held.line}" if held.line is not None else " (added by hand)"
    return [f"{e.term} ({e.kind}) in {where}{line}",
            f"  owner:   {e.owner or '-'}",
            f"  classes: {'|'.join(str(c) for c in sorted(e.classes)) or '-'}",
            f"  goods:   {e.goods or '-'}",
            f"  generic: {'yes' if e.generic else 'no'}",
            f"  aliases: {'|'.join(e.aliases) or '-'}"]


@blocklist_command.command("show")
@click.argument("term")
@_guard
def blocklist_show_command(term):
    """Show every entry, in the store's lists and the curated lists, whose term or an alias is TERM
    (ignoring case, spaces and punctuation): which list holds it, its kind, owner, classes, goods,
    whether it is a generic word and its aliases. Exits 1 when no list holds TERM.

    Example:

        listguard blocklist show "ray ban"
    """
    from compliance.store.db import opened_store, store_path
    from compliance.store.lists import find_term

    # No store: the curated lists alone.
    with opened_store(create=False) if store_path().exists() else contextlib.nullcontext() as db:
        found = find_term(db, term)
    if not found:
        click.echo(f"no list holds '{term}'")
        sys.exit(1)
    click.echo("\n".join(line for held in found for line in _held_text(held)))


@blocklist_command.command("add")
@click.argument("term")
@click.option("--kind", required=True, metavar="KIND", help="trademark, patent, counterfeit or prohibited.")
@click.option("--owner", default="", help="Who owns the mark or patent.")
@click.option("--classes", default="", metavar="9|25", help="Nice classes the mark is registered in, | separated.")
@click.option("--aliases", default="", metavar="A|B", help="Other wordings of the term, | separated.")
@click.option("--goods", default="", metavar="GOODS",
              help="What the mark's goods are: device, vehicle, appliance, tool, component, fashion, luxury, "
                   "character, sports, media, cosmetics, food, toy or other.")
@click.option("--reach", default="", metavar="global|local",
              help="local: a label known mostly in its home market, whose plain mention is a review (default: "
                   "global).")
@click.option("--generic", is_flag=True, help="The term is also an everyday word (checked in context).")
@click.option("--regions", default="", metavar="US|EU", help="Where it applies (default: everywhere).")
@click.option("--platforms", default="", metavar="ebay|amazon", help="Where it applies (default: every platform).")
@click.option("--severity", default="", metavar="block|warn", help="Default: block.")
@click.option("--expires", default="", metavar="YYYY-MM-DD", help="When a patent expires.")
@click.option("--keywords", default="", metavar="A|B", help="Patents: words that must appear too.")
@click.option("--reference", default="", help="Registration, patent number or address.")
@click.option("--note", default="", help="Why the term is on the list.")
@click.option("--list", "list_name", default="mine", show_default=True, metavar="NAME",
              help="The store list to add to (made if new).")
@_guard
def blocklist_add_command(term, list_name, **columns):
    """Add TERM to a store list, validated as a line of a blocklist CSV is; an entry of the same
    kind and term in that list is replaced.

    Example:

        listguard blocklist add Zorblax --kind trademark --owner "Zorblax Ltd" --classes "9|25"
    """
    from compliance.blocklist import entry_from_cells
    from compliance.store.db import opened_store
    from compliance.store.lists import add_entry

    cells = {"term": term, **columns, "generic": "true" if columns["generic"] else ""}
    platform_names = _platform_names()
    entry_from_cells(cells, platform_names)  # a bad value is refused before the store is opened
    with opened_store() as db:
        result = add_entry(db, cells, list_name, platform_names)
    verb = "replaced" if result.replaced else "added"
    place = f"in list '{result.list}'" if result.replaced else \
        f"to {'new ' if result.new_list else ''}list '{result.list}'"
    click.echo(f"{verb} '{result.entry.term}' ({result.entry.kind}) {place}")


@blocklist_command.command("remove")
@click.argument("term")
@click.option("--list", "list_name", metavar="NAME", help="Remove it from this list only (default: every list).")
@_guard
def blocklist_remove_command(term, list_name):
    """Remove TERM (every kind, ignoring case, spaces and punctuation) from the store's lists.
    The curated lists are not changed: --authorized exempts your own brands from them.

    Example:

        listguard blocklist remove Zorblax --list mine
    """
    from compliance.store.db import opened_store
    from compliance.store.lists import remove_entries

    with opened_store(create=False) as db:
        removed = remove_entries(db, term, list_name)
    for r in removed:
        click.echo(f"removed '{r.term}' ({r.kind}) from list '{r.list}'")


@blocklist_command.command("export")
@click.option("--name", metavar="NAME", help="Export this list only (default: every list, one after another).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the CSV to FILE (default: standard output).")
@_guard
def blocklist_export_command(name, output):
    """Write the store's lists as a blocklist CSV, which 'blocklist import' and --blocklist read back.

    Example:

        listguard blocklist export --name mine -o mine.csv
    """
    from compliance.output import ReportFile
    from compliance.store.db import opened_store
    from compliance.store.lists import export_cells, write_csv

    with opened_store(create=False) as db:
        cells = export_cells(db, name)
    with ReportFile(output) if output else contextlib.nullcontext(sys.stdout) as stream:
        write_csv(cells, stream)
    what = f"list '{name}'" if name is not None else "the store's lists"
    _say([f"{len(cells)} entries of {what} written to {output or 'stdout'}"])


@blocklist_command.command("stats")
@_guard
def blocklist_stats_command():
    """Count the store's entries per list, per kind and per kind of goods.

    Example:

        listguard blocklist stats
    """
    from compliance.store.db import opened_store
    from compliance.store.lists import list_stats

    with opened_store(create=False) as db:
        stats = list_stats(db)
    tables = [_text_table(["list", "entries"], [[n, str(c)] for n, c in stats.lists] or [["-", "0"]]),
              _text_table(["kind", "entries"], [[k, str(c)] for k, c in stats.kinds] or [["-", "0"]]),
              _text_table(["goods", "entries"], [[g or "(not said)", str(c)] for g, c in stats.goods] or [["-", "0"]])]
    click.echo("\n\n".join(tables))


# --- The official trademark register (listguard register ...) -----------------------------------

REGISTER_LAYOUTS = ("uspto-csv", "uspto-parquet", "uspto-xml", "euipo-csv")


@main.group("register")
def register_command():
    """The official trademark register in the store: import the USPTO's and the EUIPO's files, and
    see what the store holds."""


@register_command.command("import")
@click.argument("file", type=click.Path())
@click.option("--layout", type=click.Choice(REGISTER_LAYOUTS),
              help="The files' layout; found from their content when not given.")
@_guard
def register_import_command(file, layout):
    """Import the register FILE into the store: a folder (or zip) of the USPTO Trademark Case Files
    Dataset's case_file, owner and intl_class tables as CSV or Parquet (or case_file.csv with the
    others beside it), a USPTO daily applications XML (or its zip), or an EUIPO eSearch plus CSV
    export. Dead marks are kept, marked dead. The import is committed in batches: run the same
    command again after an interruption and it carries on; a finished import run again changes
    nothing.

    Example:

        listguard register import ~/data/uspto-casefiles/
    """
    from compliance.register.importer import import_register
    from compliance.store.db import opened_store

    reached = [0]
    try:
        with opened_store() as db:
            result = import_register(db, file, layout, after_batch=lambda done: reached.__setitem__(0, done))
    except KeyboardInterrupt:
        click.echo(f"listguard: import stopped; {reached[0]:,} records are in the store: run the same command "
                   f"again to carry on", err=True)
        sys.exit(130)
    counted = f"{_count(result.records, 'record')}, {_count(result.marks, 'mark')}"
    if result.already_done:
        click.echo(f"{result.path}: imported before ({result.layout}, {counted}); nothing changed")
    elif result.resumed_at:
        click.echo(f"{result.path}: resumed after record {result.resumed_at:,}; imported ({result.layout}, {counted})")
    else:
        click.echo(f"{result.path}: imported ({result.layout}, {counted})")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


@register_command.command("stats")
@_guard
def register_stats_command():
    """Show the register's marks per office and status, and each import: its file, layout, records
    read, marks written and whether it finished (an unfinished one resumes when run again).

    Example:

        listguard register stats
    """
    from compliance.register.lookup import register_stats
    from compliance.store.db import opened_store

    with opened_store(create=False) as db:
        stats = register_stats(db)
    if not stats.imports:
        click.echo("The register in the store is empty; import the USPTO's or the EUIPO's files with "
                   "'listguard register import FILE'")
        return
    click.echo(_text_table(["office", "status", "marks"], [[c.office, c.status, f"{c.marks:,}"]
                                                             for c in stats.counts]))
    click.echo()
    click.echo(_text_table(["file", "layout", "records", "marks", "finished"],
                           [[i.path, i.layout, f"{i.records:,}", f"{i.marks:,}", "yes" if i.finished else "no"]
                            for i in stats.imports]))


@register_command.command("show")
@click.argument("mark")
@_guard
def register_show_command(mark):
    """Show the register's marks whose words are MARK's (folded as listings are read: case, accents
    and punctuation aside), live ones first. Exit code 1 when there is none.

    Example:

        listguard register show "Ray-Ban"
    """
    from compliance.register.lookup import marks_named
    from compliance.store.db import opened_store

    with opened_store(create=False) as db:
        key, found = marks_named(db, mark)
    if not found:
        click.echo(f"No register mark has the words '{key}'")
        sys.exit(1)
    click.echo(_text_table(["serial", "registration", "mark", "owner", "status", "classes"],
                           [[m.serial, m.registration or "", m.mark, m.owner or "", f"{m.status} ({m.status_code})"
                             if m.status_code else m.status, (m.classes or "").replace("|", ", ")] for m in found]))


@main.group("baseline")
def baseline_command():
    """Record today's findings so that a check with --baseline fails only on new ones."""


@baseline_command.command("create")
@catalog_options
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the baseline to FILE (default: standard output).")
@_guard
def baseline_create_command(catalog, platforms, blocklists, no_default_blocklists, no_store, mappings, as_of,
                            authorized, output):
    """Write CATALOG's current findings as a baseline: one entry per listing id, rule and matched
    entry (a blocklist entry, or the matched text), so editing other fields of a listing keeps it
    valid. Information findings and what a row's listguard_ignore column waives are left out.

    Example:

    \b
        listguard baseline create catalog.csv -p amazon:US -o listguard-baseline.json
        listguard check catalog.csv -p amazon:US --baseline listguard-baseline.json
    """
    from compliance.output import ReportFile, check_output_path
    from compliance.suppress import Baseline

    if output:
        check_output_path(output, [catalog, *blocklists, authorized])
    checker, layout, listings = _setup(catalog, platforms, blocklists, no_default_blocklists, mappings, as_of,
                                       authorized, no_store=no_store)
    baseline = Baseline.from_findings((r.listing.id, r.findings, r.listing.waivers) for r in checker.check(listings))
    with ReportFile(output) if output else contextlib.nullcontext(sys.stdout) as stream:
        stream.write(baseline.to_json())
    listings_named = len({key.listing_id for key in baseline.keys})
    _say([f"baseline of {len(baseline)} finding(s) in {listings_named} listing(s) written to {output or 'stdout'}"])


# What a pre-commit hook may pass on to check; the report is a table, for the person committing.
HOOK_OPTIONS = ("platforms", "blocklists", "no_default_blocklists", "no_store", "mappings", "as_of", "authorized",
                "fail_on", "baseline", "select", "ignore", "exit_zero")


def _check_files(catalogs, **options):
    """Check each catalog as 'listguard check CATALOG' would, with a table report; exit with the worst code."""
    ctx = click.get_current_context()
    fmt = next(p for p in check.params if p.name == "fmt")
    worst = 0
    for catalog in catalogs:
        click.echo(f"== {catalog}")
        worst = max(worst, _exit_code(ctx, catalog, ("table",) if fmt.multiple else "table", options))
    sys.exit(worst)


def _exit_code(ctx, catalog, fmt, options) -> int:
    try:
        ctx.invoke(check, catalog=catalog, fmt=fmt, **options)
    except SystemExit as exc:
        if exc.code in (130, 143):  # Ctrl-C or SIGTERM stops every file, not only this one
            raise
        return exc.code if isinstance(exc.code, int) else 1
    except click.ClickException as exc:  # one catalog's usage or input error: the others are still checked
        exc.show()
        return exc.exit_code
    return 0


main.add_command(click.Command(
    "check-files", callback=_check_files,
    params=[click.Argument(["catalogs"], nargs=-1, type=click.Path(dir_okay=False)),
            *(p for p in check.params if p.name in HOOK_OPTIONS or p.callback is _remember)],
    short_help="Check several catalogs (a pre-commit hook's files), each on its own.",
    help="""Check each CATALOG on its own, as 'listguard check CATALOG -f table' does, and exit with
    the worst exit code: the command a pre-commit hook runs on the catalog files of a commit.

    Takes check's options for platforms, blocklists, columns, --fail-on and the gate
    (--baseline, --select, --ignore, --exit-zero).

    \b
    Example:
        listguard check-files -p amazon:US --baseline listguard-baseline.json feed.csv eu/feed.csv
    """))


# Last, after every command is registered: `python cli.py blocklist ...` must know them all.
if __name__ == "__main__":  # pragma: no cover
    main()
