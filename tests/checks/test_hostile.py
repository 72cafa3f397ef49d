"""Output no engine should produce still gets a verdict, never a crash."""

from __future__ import annotations

import dataclasses

from msdigest.summary import WhyItMatters
from tests.checks.builders import PAPER, good_summary, report, trial_facts
from tests.conftest import ROOT


def test_an_empty_summary_fails_every_content_check_without_crashing() -> None:
    empty = dataclasses.replace(
        good_summary(),
        headline="",
        study="",
        why_it_matters=WhyItMatters("", "", "", "", ""),
        keep_in_mind="",
        glossary=(),
        sentences=(),
    )
    result = report(empty)
    assert result.status == "fail"
    failed = {r.name for r in result.results if r.status == "fail"}
    assert {"readability", "completeness", "length", "provenance"} <= failed


def test_a_huge_run_on_summary_with_markup_and_odd_characters_gets_a_report() -> None:
    junk = (
        "<b>The thalamus</b> (p<0.001; 95% CI 1.2\u20133.4) \u00b5g/mL \u2026 caused 7,777 cures! "
    )
    result = report(good_summary(study=junk * 100))
    assert result.status == "fail"
    assert "7,777" in result.get("numbers").offending
    assert result.get("claims").status == "fail"
    assert result.get("sentence_length").status == "fail"


def test_a_paper_with_an_empty_abstract_makes_every_number_unsupported() -> None:
    paper = dataclasses.replace(PAPER, title="A study", abstract=())
    result = report(good_summary(), trial_facts(), paper)
    assert result.get("numbers").status == "fail"
    assert result.get("provenance").status == "fail"  # its quotes are not in this abstract


def test_every_check_is_documented() -> None:
    from msdigest.checks import CHECKS

    docs = (ROOT / "docs" / "checks.md").read_text()
    for name in CHECKS:
        assert f"\n## {name}\n" in docs, name
