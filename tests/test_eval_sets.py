"""The labelled real sets in eval/ stay consistent: ids and labels agree row for row, every label
is one of the three, and the titles set's rounds cover its rows (make eval reads the texts from
the shared data; these files alone are checked here)."""
import csv
import importlib.util
import json
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"


def rows(name):
    with open(EVAL / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("ids, labels", [("dev-ids.csv", "labels-dev.csv"), ("titles-ids.csv", "labels-titles.csv"),
                                          ("heldout-ids.csv", "labels-heldout.csv")])
def test_ids_and_labels_agree_row_for_row(ids, labels):
    drawn = [f"{r['source']}:{r['id']}" for r in rows(ids)]
    labelled = rows(labels)
    assert drawn == [r["id"] for r in labelled]
    assert len(set(drawn)) == len(drawn)
    assert {r["label"] for r in labelled} <= {"fail", "pass", "review"}


def test_the_audits_hold_listings_of_no_other_set():
    # Chosen among listings outside every labelled set; later titles rounds never draw them.
    audited = [r["id"] for name in ("labels-audit.csv", "labels-audit-reviews.csv") for r in rows(name)]
    assert len(set(audited)) == len(audited)
    assert {r["label"] for name in ("labels-audit.csv", "labels-audit-reviews.csv")
            for r in rows(name)} <= {"fail", "pass", "review"}
    def listing(source, id):  # a source read by its title alone is the same listings
        return source.removesuffix("-titles"), id

    elsewhere = {listing(r["source"], r["id"]) for name in ("dev-ids.csv", "titles-ids.csv", "heldout-ids.csv")
                 for r in rows(name)}
    assert not {listing(*i.split(":", 1)) for i in audited} & elsewhere


def _eval_module(name):
    """An eval script, loaded from its file (eval/ is no package)."""
    spec = importlib.util.spec_from_file_location(f"eval_{name}", EVAL / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_titles_rounds_cover_the_titles_set():
    score = _eval_module("score")
    labelled = rows("labels-titles.csv")
    assert sum(score.TITLE_ROUNDS) == len(labelled)
    assert score.round_of(0) == 1 and score.round_of(len(labelled) - 1) == len(score.TITLE_ROUNDS)
    assert 1 <= score.OPEN_ROUNDS <= len(score.TITLE_ROUNDS)
    with pytest.raises(ValueError):
        score.round_of(len(labelled))


def test_a_closed_round_counts_only_in_its_own_row(monkeypatch, capsys):
    """The per-source figures of the titles set leave out the rounds not yet opened for rule work:
    a closed round shows its size alone, so no total reveals how the session's work fares on it."""
    score = _eval_module("score")
    labels = {("shop", i): {"label": label, "mark": "Acme", "use": "", "reason": ""}
              for i, label in (("a", "fail"), ("b", "pass"), ("c", "fail"), ("d", "pass"))}
    monkeypatch.setattr(score, "TITLE_ROUNDS", (2, 2))
    monkeypatch.setattr(score, "OPEN_ROUNDS", 1)
    monkeypatch.setattr(score, "read_labels", lambda name: labels)
    monkeypatch.setattr(score, "views", lambda sources: {k: score.View(k[0], k[1], f"title {k[1]}") for k in labels})
    monkeypatch.setattr(score, "covered_marks", lambda: {"acme"})
    # blocked: "a" (a fail, open round) and "d" (a pass, closed round)
    monkeypatch.setattr(score, "ip_blocks", lambda source, rows, checker=None: {"a": ["TM001"], "d": ["TM001"]})
    score.score_set("titles", ["shop"], errors=False)
    out = capsys.readouterr().out
    assert "2 listings labelled blind (and 2 in rounds not yet opened" in out
    assert "| shop | 2 | 1/1/0 | 1 | 1.00 | 1.00 | 1.00 | 0.00 % |" in out   # the closed false block is not counted
    assert "| 2 | 2 | closed |" in out


def test_the_differential_lists_changed_listings_but_not_those_of_closed_rounds(tmp_path, capsys):
    differential = _eval_module("differential")
    closed_id = next(iter(differential.closed_ids()))
    open_id = rows("titles-ids.csv")[0]["id"]
    block = ["TM001", "trademark", "block", "Apple", "title", 0, 5, "Apple", ["amazon:US"]]
    before = {f"ozon:{open_id}": [], f"ozon-titles:{closed_id}": [], "ozon:unchanged": [block]}
    after = {f"ozon:{open_id}": [block], f"ozon-titles:{closed_id}": [block], "ozon:unchanged": [block]}
    for name, found in (("before.json", before), ("after.json", after), ("same.json", before)):
        (tmp_path / name).write_text(json.dumps(found))
    assert differential.main(["compare", str(tmp_path / "before.json"), str(tmp_path / "same.json")]) == 0
    assert "3 listings: identical" in capsys.readouterr().out
    assert differential.main(["compare", str(tmp_path / "before.json"), str(tmp_path / "after.json")]) == 1
    out = capsys.readouterr().out
    assert "2 differ (1 of them in rounds not yet opened, not listed); 2 with other blocked marks" in out
    assert f"ozon:{open_id}" in out and closed_id not in out and "ozon:unchanged" not in out


def test_the_differential_refuses_runs_over_different_listings(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps({"ozon:1": []}))
    (tmp_path / "b.json").write_text(json.dumps({"ozon:2": []}))
    assert _eval_module("differential").main(["compare", str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 1
    assert "different listings: 2 in one only" in capsys.readouterr().out
