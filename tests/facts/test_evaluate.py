"""Accuracy against gold labels: the dev set (when ../shared exists), our own set, the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msdigest.errors import InputError
from msdigest.facts.evaluate import TARGETS, EvalReport, evaluate, load_labels
from msdigest.sources import Skipped, read_papers
from msdigest_cli.main import main
from tests.conftest import FIXTURES, SAMPLE_CORPUS, shared_file

DATA = Path(__file__).resolve().parent / "data"
OWN_ABSTRACTS = DATA / "own_abstracts.jsonl"
OWN_LABELS = DATA / "own_labels.jsonl"


def _report(labels: Path, inputs: Path) -> EvalReport:
    papers = [p for p in read_papers([inputs]) if not isinstance(p, Skipped)]
    return evaluate(papers, load_labels(labels))


def _assert_targets(report: EvalReport) -> None:
    below = {s.name: round(s.accuracy, 3) for s in report.fields if s.meets_target is False}
    assert not below, f"below target: {below}"


def test_dev_set_meets_every_target() -> None:
    labels = shared_file("dev", "ms_labels.jsonl")
    abstracts = shared_file("dev", "ms_abstracts.jsonl")
    report = _report(labels, abstracts)
    assert report.papers == 40
    _assert_targets(report)


@pytest.mark.parametrize(
    ("name", "papers"), [("own", 30), ("own2", 15), ("own3", 43), ("own4", 26), ("own5", 27)]
)
def test_own_fixture_sets_meet_every_target(name: str, papers: int) -> None:
    report = _report(DATA / f"{name}_labels.jsonl", DATA / f"{name}_abstracts.jsonl")
    assert report.papers == papers
    _assert_targets(report)


def test_sample_corpus_meets_every_target() -> None:
    labels = FIXTURES / "sample_labels.jsonl"
    corpus = SAMPLE_CORPUS / "sample-corpus.xml"
    if not labels.exists() or not corpus.exists():
        pytest.skip("sample corpus or its labels not present yet")
    report = _report(labels, corpus)
    assert report.papers >= 20
    _assert_targets(report)


def test_acceptable_answers_count_as_correct(tmp_path: Path) -> None:
    abstracts = tmp_path / "in.jsonl"
    abstracts.write_text(
        json.dumps(
            {
                "id": "a",
                "title": "A trial",
                "abstract": "METHODS: We enrolled 120 patients with MS.",
            }
        )
        + "\n"
    )
    gold = {"id": "a", "sample_size": 100, "study_design": "cohort", "has_control_group": None,
            "limitations": {}, "acceptable": {"sample_size": [120]}}  # fmt: skip
    labels = tmp_path / "gold.jsonl"
    labels.write_text(json.dumps(gold) + "\n")
    report = _report(labels, abstracts)
    scores = {s.name: s for s in report.fields}
    assert scores["sample_size"].correct == 1
    assert set(scores) == set(TARGETS)
    assert any(m.field == "study_design" for m in report.misses)


def test_bad_gold_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"sample_size": 3}\n')
    with pytest.raises(InputError, match="needs an `id`"):
        load_labels(bad)
    bad.write_text("not json\n")
    with pytest.raises(InputError, match="invalid JSON"):
        load_labels(bad)


def test_eval_command_prints_the_table_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "facts", "--gold", str(OWN_LABELS), str(OWN_ABSTRACTS),
                 "--show-errors"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "papers scored: 30" in out
    for name in TARGETS:
        assert name in out
    assert "duration (informative)" in out
    assert "population (informative)" in out


def test_eval_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "facts", "--gold", str(OWN_LABELS), str(OWN_ABSTRACTS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["papers"] == 30
    assert set(data["fields"]) == set(TARGETS)
    assert all(0.0 <= f["accuracy"] <= 1.0 for f in data["fields"].values())
    assert {"misses", "duration", "population", "all_targets_met"} <= set(data)


def test_eval_command_with_no_matching_ids_fails_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = tmp_path / "gold.jsonl"
    labels.write_text(json.dumps({"id": "nothing-like-it", "sample_size": 1}) + "\n")
    assert main(["eval", "facts", "--gold", str(labels), str(OWN_ABSTRACTS)]) == 1
    assert "no input paper matches" in capsys.readouterr().err


def test_text_only_ignores_publication_types(tmp_path: Path) -> None:
    abstracts = tmp_path / "in.jsonl"
    record = {
        "id": "a",
        "title": "A study",
        "abstract": "METHODS: We looked at 120 people with MS and measured fatigue once.",
        "publication_types": ["Randomized Controlled Trial"],
    }
    abstracts.write_text(json.dumps(record) + "\n")
    labels = tmp_path / "gold.jsonl"
    labels.write_text(json.dumps({"id": "a", "study_design": "randomized_controlled_trial"}) + "\n")
    papers = [p for p in read_papers([abstracts]) if not isinstance(p, Skipped)]
    with_types = evaluate(papers, load_labels(labels))
    text_only = evaluate(papers, load_labels(labels), text_only=True)
    design = {s.name: s.correct for s in with_types.fields}["study_design"]
    assert design == 1
    assert {s.name: s.correct for s in text_only.fields}["study_design"] == 0


def test_review_pairs_read_as_reviews_with_their_numbers() -> None:
    from msdigest.facts import extract_facts
    from msdigest.sources.jsonl import paper_from_json

    pairs = shared_file("dev", "pairs.jsonl")
    for line in pairs.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        paper = paper_from_json(
            {"id": record["id"], "title": record["title"] or record["id"],
             "abstract": record["abstract"]},
            "pairs",
        )  # fmt: skip
        assert not isinstance(paper, Skipped)
        facts = extract_facts(paper)
        assert facts.study_design in {"systematic_review", "meta_analysis"}, record["id"]
        assert facts.sample_size.studies, record["id"]
        assert facts.has_control_group is None
