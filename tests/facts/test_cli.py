"""`msdigest facts` and `msdigest bench facts` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msdigest.bench.facts import bench_facts, load_bench_papers
from msdigest_cli.main import main
from tests.conftest import SAMPLE_CORPUS

OWN = Path(__file__).resolve().parent / "data" / "own_abstracts.jsonl"
KEYS = {
    "id", "pmid", "study_design", "design_basis", "sample_size", "sample_size_detail",
    "has_control_group", "duration", "duration_days", "population", "ms_types",
    "intervention_or_exposure", "comparison", "outcomes", "primary_outcomes", "results",
    "conclusion", "topics",
    "limitations", "evidence", "spans", "notes",
}  # fmt: skip


def test_facts_prints_one_object_per_paper_and_skips_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    records = [
        {"id": "ok", "title": "A trial", "abstract": "METHODS: 96 were randomised; 81 completed."},
        {"id": "no-abstract", "title": "Only a title"},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert main(["facts", str(source)]) == 0
    out, err = capsys.readouterr()
    (line,) = [json.loads(x) for x in out.splitlines()]
    assert set(line) == KEYS
    assert line["id"] == "ok"
    assert line["sample_size"] == 96
    assert line["sample_size_detail"]["completers"] == 81
    assert set(line["limitations"]) == {
        "small_sample", "no_control", "observational", "short_follow_up", "single_site",
        "animal_or_lab",
    }  # fmt: skip
    assert "no-abstract" in err and "no abstract" in err


def test_facts_reads_pubmed_xml(capsys: pytest.CaptureFixture[str]) -> None:
    corpus = SAMPLE_CORPUS / "sample-corpus.xml"
    if not corpus.exists():
        pytest.skip("sample corpus not present")
    assert main(["facts", str(corpus)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) >= 20
    assert all(line["pmid"] for line in lines)
    assert {line["design_basis"] for line in lines} & {"publication type", "MeSH"}


def test_facts_on_a_missing_file_is_one_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "/nonexistent/file.jsonl"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_bench_runs_and_reports_a_rate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "facts", "--abstracts", "60", "--json", str(OWN)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["abstracts"] >= 60
    assert data["distinct_abstracts"] == 30
    assert data["abstracts_per_second"] > 0


def test_bench_library_repeats_the_inputs() -> None:
    papers = load_bench_papers([OWN])
    result = bench_facts(papers, target=45)
    assert result.abstracts == 60  # two rounds of 30
    with pytest.raises(ValueError):
        bench_facts([], target=10)
