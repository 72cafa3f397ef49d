"""`msdigest summarize`, `eval summaries` and `bench summarize` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msdigest.summary import LaySummary
from msdigest_cli.main import main
from tests.conftest import FIXTURES, SAMPLE_CORPUS

CORPUS = SAMPLE_CORPUS / "sample-corpus.xml"


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


RECORD = {
    "id": "j-1",
    "title": "Balance classes for people with progressive multiple sclerosis",
    "abstract": (
        "METHODS: Twenty people with progressive multiple sclerosis took part in 8 weeks of "
        "balance classes.\nRESULTS: Balance scores improved after the classes.\n"
        "CONCLUSIONS: Balance classes are feasible for people with progressive MS."
    ),
}


def test_summarize_jsonl_has_every_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", [RECORD, {"id": "bad", "title": "No abstract"}])
    assert main(["summarize", str(source)]) == 0
    out, err = capsys.readouterr()
    (line,) = [json.loads(x) for x in out.splitlines() if x.strip()]
    for key in ("id", "pmid", "headline", "study", "why_it_matters", "keep_in_mind", "evidence",
                "glossary", "sentences", "engine", "checks"):  # fmt: skip
        assert key in line, key
    assert line["engine"]["key"] == "grounded"
    assert line["checks"]["results"]
    assert LaySummary.from_json(line).paper_id == "j-1"
    assert "bad" in err and "no abstract" in err


def test_summarize_markdown_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", [RECORD])
    assert main(["summarize", "--format", "markdown", str(source)]) == 0
    markdown = capsys.readouterr().out
    for heading in (
        "## The study",
        "## Why it matters",
        "## Keep in mind",
        "## Evidence at a glance",
    ):
        assert heading in markdown
    assert markdown.startswith("# ")
    assert main(["summarize", "--format", "html", str(source)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "<h2>The study</h2>" in page
    assert 'class="sentence" title="From' in page


def test_summarize_reads_pubmed_xml(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(CORPUS)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert len(lines) == 30
    assert all(line["headline"] and line["sentences"] for line in lines)


def test_unknown_engine_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", [RECORD])
    assert main(["summarize", "--engine", "nonesuch", str(source)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "unknown engine 'nonesuch'" in err and "grounded" in err


def test_eval_summaries_on_pairs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair = {
        **RECORD,
        "title": None,
        "reference_summary": "Twenty people took balance classes for 8 weeks; balance got better.",
    }
    source = _write_jsonl(tmp_path / "pairs.jsonl", [pair])
    assert main(["eval", "summaries", "--json", str(source)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["summaries"] == 1
    assert figures["untitled_inputs"] == 1
    assert figures["pairs"]["reference_numbers"] == 2
    assert figures["pairs"]["reference_numbers_we_state"] >= 1
    assert figures["numbers_not_in_source"] == 0
    assert set(figures["checks"]) >= {"readability", "numbers", "claims", "completeness"}


def test_eval_summaries_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "summaries", str(CORPUS)]) == 0
    report = capsys.readouterr().out
    for label in ("mean Flesch-Kincaid grade", "numbers not in source", "hedged headline",
                  "participant count stated", "checks (pass/warn/fail)"):  # fmt: skip
        assert label in report


def test_bench_summarize_reports_a_rate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "summarize", "--summaries", "30", "--json", str(CORPUS)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["summaries"] >= 30
    assert result["summaries_per_second"] > 0
    assert set(result["ms_per_summary"]) == {"facts", "writer", "checks"}


def test_fixtures_exist() -> None:
    assert CORPUS.is_file()
    assert FIXTURES.is_dir()
