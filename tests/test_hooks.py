"""The pre-commit hook and the example GitHub Actions workflow, run against a throwaway repository.

The hook is run by pre-commit itself (``pre-commit try-repo``): it clones a copy of this
project's working tree, builds the hook's virtualenv with ``pip install .`` (the package index
must be reachable, as for ``make test``) and runs ``listguard check-files`` on the files given.
The workflow's ``run:`` steps that call listguard are run as the runner would, with bash.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FAILING = "sku,title,description,brand,category\nF1,N I K E Running Shoes Men,Breathable mesh.,Stridex,Shoes\n"
PASSING = "sku,title,description,brand,category\nP1,Stainless Steel Water Bottle 32 oz,Keeps drinks cold.,Trailmate," \
          "Home & Garden > Drinkware\n"
# The project's files a pip install of it reads.
PROJECT_FILES = ("pyproject.toml", "README.md", "cli.py", ".pre-commit-hooks.yaml")
PROJECT_DIRS = ("compliance", "blocklists")


def _env(**more) -> dict:
    """The environment of a command run in the throwaway repository: this venv's commands first,
    and no GIT_* variable of an outer git (a test run from a hook must not reach this repository)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **more}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=listguard tests", "-c", "user.email=tests@listguard.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True, capture_output=True, env=_env())


def _throwaway_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    _git(path, "init", "-q")
    _git(path, "add", "--", *files)
    _git(path, "commit", "-q", "-m", "catalog")
    return path


def _hooks() -> list[dict]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))


# --- the hook's definition --------------------------------------------------------------------

def test_the_hook_is_defined_as_pre_commit_reads_it():
    (hook,) = _hooks()
    assert hook["id"] == "listguard" and hook["language"] == "python" and hook["pass_filenames"] is True
    assert hook["entry"] == "listguard check-files"
    files = re.compile(hook["files"])
    assert [bool(files.search(name)) for name in ("catalog.csv", "feeds/eu.tsv", "report.json", "notes.csvx")] == \
        [True, True, False, False]


def test_the_hook_entry_runs_as_pre_commit_would(tmp_path):
    """pre-commit runs ``entry + args + filenames`` in the repository's root; this runs exactly that,
    with no pre-commit needed (the test below runs pre-commit itself)."""
    (hook,) = _hooks()
    repo = _throwaway_repo(tmp_path / "shop", {"bad.csv": FAILING, "good.csv": PASSING})
    args = ["--no-default-blocklists", "--blocklist", str(ROOT / "tests" / "fixtures" / "blocklist.csv")]

    def hook_run(*files):
        return subprocess.run([*hook["entry"].split(), *args, *files], cwd=repo, capture_output=True, text=True,
                              env=_env(), timeout=300)

    failed = hook_run("good.csv", "bad.csv")
    assert failed.returncode == 1
    assert "== good.csv" in failed.stdout and "== bad.csv" in failed.stdout and "»N I K E«" in failed.stdout
    passed = hook_run("good.csv")
    assert passed.returncode == 0 and "1 listing checked: 0 fail" in passed.stdout
    # A hook's args in .pre-commit-config.yaml come before the files: a committed baseline.
    subprocess.run(["listguard", "baseline", "create", "bad.csv", *args, "-o", "listguard-baseline.json"], cwd=repo,
                   check=True, capture_output=True, env=_env(), timeout=300)
    accepted = hook_run("--baseline", "listguard-baseline.json", "good.csv", "bad.csv")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "1 finding(s) in 1 listing(s) suppressed (1 by baseline)" in accepted.stderr


# --- pre-commit itself ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A git repository holding this project's working tree as it is now (committed or not)."""
    path = tmp_path_factory.mktemp("hook") / "listguard"
    path.mkdir()
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, path / name)
    ignored = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, path / name, ignore=ignored)
    _git(path, "init", "-q")
    _git(path, "add", "--", *PROJECT_FILES, *PROJECT_DIRS)
    _git(path, "commit", "-q", "-m", "listguard")
    return path


def test_pre_commit_try_repo_runs_the_hook_on_the_catalogs_it_is_given(hook_repo, tmp_path):
    """``pre-commit try-repo`` builds the hook's environment in a store of its own each time (about
    a minute with pip's cache warm), so one run covers a failing catalog, a passing one and a file
    the hook's ``files`` pattern leaves out."""
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra: pip install -e '.[test]'")
    repo = _throwaway_repo(tmp_path / "shop", {"catalog.csv": FAILING, "good.csv": PASSING, "notes.txt": "hi\n"})
    env = _env(PRE_COMMIT_COLOR="never")
    env.pop("PYTHONPATH", None)  # the hook runs in a virtualenv of its own: nothing may shadow what it installed
    result = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "listguard",
                             "--files", "catalog.csv", "good.csv", "notes.txt"], cwd=repo, capture_output=True,
                            text=True, timeout=900, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"listguard\.+Failed", result.stdout)
    assert "== catalog.csv" in result.stdout and "»N I K E«" in result.stdout and "F1 (row 1)" in result.stdout
    assert "== good.csv" in result.stdout and "notes.txt" not in result.stdout.split("Failed")[1]


# --- the GitHub Actions example ---------------------------------------------------------------

def _workflow() -> dict:
    return yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text("utf-8"))


def _steps() -> list[dict]:
    (job,) = _workflow()["jobs"].values()
    return job["steps"]


def test_the_workflow_checks_out_installs_checks_and_keeps_the_report():
    steps = _steps()
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    assert any(s.get("run", "").startswith("pip install") for s in steps)
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["if"] == "always()"  # the report is kept when the check fails the job
    (check,) = [s for s in steps if s.get("run", "").startswith("listguard ")]
    assert check["run"].strip() == "listguard check feed.csv -p amazon:US -f json -o report.json"
    assert upload["with"]["path"] == "report.json"


@pytest.mark.parametrize("feed, code, fails", [(FAILING, 1, 1), (PASSING, 0, 0)], ids=["failing", "passing"])
def test_the_workflow_listguard_steps_run_in_a_throwaway_repository(tmp_path, feed, code, fails):
    repo = _throwaway_repo(tmp_path / "shop", {"feed.csv": feed})
    (upload,) = [s for s in _steps() if s.get("uses", "").startswith("actions/upload-artifact@")]
    for step in _steps():
        if not step.get("run", "").startswith("listguard "):
            continue
        # The runner's default shell on Linux: bash -e {0}.
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, capture_output=True, text=True,
                                env=_env(), timeout=300)
        assert result.returncode == code, result.stderr
        report = json.loads((repo / upload["with"]["path"]).read_text("utf-8"))
        assert report["platforms"] == ["amazon:US"] and report["summary"]["listings"] == 1
        assert report["summary"]["by_platform"]["amazon:US"]["fail"] == fails
