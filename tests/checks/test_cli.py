"""`msdigest check`: checking stored summaries, and writing then checking with an engine."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from msdigest.errors import EngineError
from msdigest.facts.model import StudyFacts
from msdigest.paper import Paper
from msdigest.summary import LaySummary
from msdigest.writers import ENGINES
from msdigest.writers.base import Engine
from msdigest_cli.main import main
from tests.checks.builders import good_summary

HERE = Path(__file__).resolve().parent / "fixtures"
PAPERS = str(HERE / "papers.jsonl")
SUMMARIES = str(HERE / "summaries.jsonl")
CHECK_NAMES = [
    "readability", "sentence_length", "jargon", "numbers", "claims", "advice", "completeness",
    "length", "provenance",
]  # fmt: skip


class GoodEngine(Engine):
    """Writes the hand-made walking-trial summary for any paper (a stand-in for a writer)."""

    key = "test-good"

    def write(self, paper: Paper, facts: StudyFacts) -> LaySummary:
        return dataclasses.replace(good_summary(), paper_id=paper.id, pmid=paper.pmid)


class BrokenEngine(Engine):
    key = "test-broken"

    def write(self, paper: Paper, facts: StudyFacts) -> LaySummary:
        raise EngineError("the engine has nothing to write from")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_stored_summaries_are_checked_against_their_papers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, PAPERS, "--summaries", SUMMARIES)
    assert code == 1  # one summary fails
    lines = out.splitlines()
    bad = lines.index(next(line for line in lines if line.startswith("test-walking-2  FAIL")))
    block = "\n".join(lines[bad : bad + 5])
    assert "failed: numbers, advice" in block
    assert '"300"' in block and "> 300" in block
    assert "> You should start walking every day." in block
    assert lines[-1].startswith("2 summaries checked:") and "1 fail; 3 skipped" in lines[-1]
    assert "1 input paper had no summary" in lines[-1]
    # every record that could not be checked is named on stderr with its reason
    assert "summaries.jsonl:4: not valid JSON" in err
    assert "(test-diet-1): not a summary: missing field 'headline'" in err
    assert "(no-such-paper): no source paper with this id in INPUT" in err


def test_failures_are_listed_before_warnings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # jargon (a warning) runs before advice (a failure); the report shows the failure first
    base = good_summary()
    summary = good_summary(study=base.study + " Their thalamus did not change. You must walk.")
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(summary.to_json()) + "\n")
    code, out, _err = run(capsys, PAPERS, "--summaries", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "test-walking-1  FAIL  (failed: advice; warned: jargon)"
    assert lines[1].startswith("  FAIL advice: ")
    assert lines[3].startswith("  WARN jargon: ")
    assert lines[4] == "       > thalamus"


def test_json_gives_one_object_per_summary_and_counts_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, PAPERS, "--summaries", SUMMARIES, "--json")
    assert code == 1
    objects = [json.loads(line) for line in out.splitlines()]
    assert [o["id"] for o in objects] == ["test-walking-1", "test-walking-2"]
    assert all([r["name"] for r in o["results"]] == CHECK_NAMES for o in objects)
    by_id = {o["id"]: o for o in objects}
    assert by_id["test-walking-2"]["status"] == "fail"
    numbers = next(r for r in by_id["test-walking-2"]["results"] if r["name"] == "numbers")
    assert numbers["offending"] == ["300"]
    assert "2 summaries checked" in err


def test_only_passing_summaries_exit_zero(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = Path(SUMMARIES).read_text().splitlines()[0]
    (tmp_path / "one.jsonl").write_text(first + "\n")
    code, out, _err = run(capsys, PAPERS, "--summaries", str(tmp_path / "one.jsonl"))
    assert out.splitlines()[0] == "test-walking-1  PASS"
    assert code == 0


def test_without_summaries_each_paper_is_written_and_checked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(ENGINES, "grounded", ("test", f"{__name__}.GoodEngine"))
    code, out, _err = run(capsys, PAPERS, "--json")
    objects = [json.loads(line) for line in out.splitlines()]
    assert [o["id"] for o in objects] == ["test-walking-1", "test-walking-2", "test-diet-1"]
    diet = next(o for o in objects if o["id"] == "test-diet-1")
    numbers = next(r for r in diet["results"] if r["name"] == "numbers")
    # the walking summary's numbers are not in the diet paper: the check notices
    assert numbers["status"] == "fail" and "122" in numbers["offending"]
    assert code == 1


def test_an_engine_that_fails_skips_each_paper_with_its_reason(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(ENGINES, "grounded", ("test", f"{__name__}.BrokenEngine"))
    code, out, err = run(capsys, PAPERS)
    assert code == 1  # nothing could be checked
    assert err.count("the engine has nothing to write from") == 3
    assert out.splitlines()[-1] == "0 summaries checked: 0 pass, 0 warn, 0 fail; 3 skipped"


def test_an_engine_that_cannot_load_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(ENGINES, "grounded", ("test", "msdigest.no_such_module.Engine"))
    code, out, err = run(capsys, PAPERS)
    assert code == 1
    assert out == ""
    assert err.startswith("error: engine 'grounded' cannot be loaded")


def test_the_default_engine_output_goes_through_every_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _code, out, err = run(capsys, PAPERS, "--json")
    objects = [json.loads(line) for line in out.splitlines()]
    assert len(objects) == 3, err
    assert all([r["name"] for r in o["results"]] == CHECK_NAMES for o in objects)


def test_missing_summaries_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, PAPERS, "--summaries", "nowhere.jsonl")
    assert code == 1
    assert "error: nowhere.jsonl: no such file" in err
