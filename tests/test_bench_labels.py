"""The benchmark labels its figures with the code the checked listguard runs, not with the
checkout that holds the benchmark script (a before-and-after comparison runs one script on two
checkouts)."""
import importlib.util
import sys
from pathlib import Path

import compliance

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


def bench_run():
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_checked_code_is_where_the_interpreter_imports_the_package():
    assert bench_run().checked_code() == Path(compliance.__file__).resolve().parents[1]


def test_other_code_on_the_path_is_the_checked_code(tmp_path, monkeypatch):
    other = tmp_path / "other-checkout"
    (other / "compliance").mkdir(parents=True)
    (other / "compliance" / "__init__.py").write_text("")
    monkeypatch.setenv("PYTHONPATH", str(other))
    assert bench_run().checked_code() == other
