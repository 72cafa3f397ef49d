"""The checks as a whole: order, a clean pass, and a check that crashes."""

from __future__ import annotations

import pytest

import msdigest.checks as checks
from msdigest.checks import CHECKS, run_checks
from msdigest.errors import CheckError
from msdigest.summary import CheckResult
from tests.checks.builders import PAPER, good_summary, report, trial_facts

EXPECTED = [
    "readability",
    "sentence_length",
    "jargon",
    "numbers",
    "claims",
    "advice",
    "completeness",
    "length",
    "provenance",
]


def test_every_check_runs_in_order_and_the_good_summary_passes_them_all() -> None:
    result = report()
    assert [r.name for r in result.results] == EXPECTED == list(CHECKS)
    assert [(r.name, r.status) for r in result.results if r.status != "pass"] == []
    assert result.status == "pass"
    assert all(r.message for r in result.results)


def test_same_input_same_report() -> None:
    assert report().to_dict() == report().to_dict()


def test_a_check_that_crashes_is_an_error_not_a_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_data: checks.CheckInput) -> CheckResult:
        raise ValueError("boom")

    monkeypatch.setitem(CHECKS, "broken", broken)
    with pytest.raises(CheckError, match="'broken' could not run on test-walking-1: boom"):
        run_checks(good_summary(), PAPER, trial_facts())
