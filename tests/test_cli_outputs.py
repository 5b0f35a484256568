"""The report is written safely: never over an input, never half a file in place of the last
one, one line and exit 2 when it cannot be written, clean ends on Ctrl-C, SIGTERM and a closed pipe."""
import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

LISTGUARD = [sys.executable, "-c", "from cli import main; main()"]
ROOT = Path(__file__).resolve().parent.parent


def _catalog(path: Path, rows: int) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sku", "title", "brand"])
        for i in range(rows):
            writer.writerow([f"S{i}", f"Canvas tote bag number {i} with zip pocket", "Acme"])
    return path


def test_a_report_path_that_is_the_catalog_is_refused_and_the_catalog_kept(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv", 5)
    before = catalog.read_bytes()
    result = CliRunner().invoke(main, ["check", str(catalog), "-o", str(catalog)])
    assert result.exit_code == 2
    assert "is the input catalog" in result.output and "Traceback" not in result.output
    assert catalog.read_bytes() == before


def test_a_missing_folder_is_one_line_and_exit_2(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv", 2)
    result = CliRunner().invoke(main, ["check", str(catalog), "-o", str(tmp_path / "nope" / "r.json")])
    assert result.exit_code == 2
    assert "does not exist" in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device")
def test_a_full_device_is_one_line_and_exit_2(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv", 2)
    result = CliRunner().invoke(main, ["check", str(catalog), "-o", "/dev/full"])
    assert result.exit_code == 2
    assert "No space left" in result.output and "Traceback" not in result.output


def test_a_finished_report_replaces_the_last_and_leaves_no_temporary_file(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv", 3)
    report = tmp_path / "report.json"
    report.write_text("old")
    result = CliRunner().invoke(main, ["check", str(catalog), "-o", str(report)])
    assert result.exit_code == 0
    assert report.read_text().startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.csv", "report.json"]


def test_a_report_written_to_files_is_summed_up_on_standard_error(tmp_path):
    """Nothing of a report written to a file shows on the terminal: one line says what the
    check found and where the report is."""
    catalog = tmp_path / "catalog.csv"
    catalog.write_text("sku,title,brand\nS1,Canvas tote bag with zip pocket,Acme\n"
                       "S2,Pokemon Pikachu plush toy 30cm,\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", str(catalog), "-o", str(report), "--no-store"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (f"listguard: 2 listings checked: 1 fail on at least one platform, "
                                              f"0 warn only, 1 pass; report in {report}")
    to_stdout = CliRunner().invoke(main, ["check", str(catalog), "-f", "json", "--no-store"])
    assert "listings checked" not in to_stdout.stderr


def _started(process) -> None:
    """Wait until the run has read the header (the column mapping is printed then)."""
    line = process.stderr.readline()
    assert "columns:" in line, line


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "stopped")])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_stopped_run_keeps_the_previous_report(tmp_path, sig, code, word, jobs):
    catalog = _catalog(tmp_path / "catalog.csv", 200_000)
    report = tmp_path / "report.json"
    report.write_text("previous")
    # A shell starts a background job with Ctrl-C ignored, and a child inherits that: the run is
    # given the terminal's default, as a seller's shell gives it, whatever this test runs under.
    process = subprocess.Popen([*LISTGUARD, "check", str(catalog), "-o", str(report), "-j", jobs],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _started(process)
    process.send_signal(sig)
    rest = process.communicate(timeout=60)[1]
    assert process.returncode == code
    assert word in rest and "Traceback" not in rest
    assert report.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.csv", "report.json"]


def test_a_closed_pipe_ends_quietly(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv", 20_000)
    process = subprocess.Popen([*LISTGUARD, "check", str(catalog), "-f", "jsonl"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().startswith("{")
    process.stdout.close()
    err = process.communicate(timeout=120)[1]
    assert process.returncode == -signal.SIGPIPE
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_more_jobs_than_cores_are_capped_with_a_note(tmp_path):
    catalog = _catalog(tmp_path / "catalog.csv", 3)
    cores = os.cpu_count() or 1
    result = CliRunner().invoke(main, ["check", str(catalog), "-j", str(cores + 5), "-f", "json"])
    assert result.exit_code == 0
    assert f"more than the {cores} cores here; using {cores}" in result.stderr
