"""Readability: Flesch-Kincaid grade of the whole summary, and sentence length."""

from __future__ import annotations

import dataclasses

from msdigest.checks import CheckInput, readability, sentence_length
from tests.checks.builders import PAPER, WHY, good_summary, report, trial_facts

HARD = (
    "Investigators characterised longitudinal neuroinflammatory biomarker trajectories "
    "alongside comprehensive neuropsychological evaluations. "
)


def _check(summary, name):  # type: ignore[no-untyped-def]
    return report(summary).get(name)


def test_plain_summary_passes_with_its_grade_in_the_message() -> None:
    result = _check(good_summary(), "readability")
    assert result.status == "pass"
    assert "grade 6." in result.message


def test_grade_between_8_and_10_warns_and_quotes_the_hardest_sentence() -> None:
    summary = good_summary(study=good_summary().study + " " + HARD * 2)
    result = _check(summary, "readability")
    grade = readability.text_stats(summary.full_text).grade
    assert 8 < grade <= 10, grade
    assert result.status == "warn"
    assert f"grade {grade:.1f}" in result.message
    assert result.offending[0] == HARD.strip()


def test_grade_above_10_fails() -> None:
    summary = good_summary(study=HARD * 4, keep_in_mind=HARD * 3 + "Talk to your MS team.")
    result = _check(summary, "readability")
    assert result.status == "fail"
    assert "above 10 fails" in result.message


def test_empty_summary_fails_rather_than_scoring_zero() -> None:
    empty = dataclasses.replace(
        good_summary(),
        headline="",
        study="",
        keep_in_mind="",
        why_it_matters=dataclasses.replace(
            WHY, people_with_ms="", analogy="", caregivers="", healthcare_providers="",
            may_not_apply_to="",
        ),
    )  # fmt: skip
    result = readability.check(CheckInput(empty, PAPER, trial_facts()))
    assert result.status == "fail"


LONG_26 = (
    "The people in the walking group went out for a short walk near their home on most days "
    "of the week for the whole of the twelve weeks."
)
LONG_22 = (
    "The people in the walking group went out for a short walk near their home on most days "
    "of the week."
)


def test_a_sentence_over_25_words_fails_and_is_quoted() -> None:
    assert len(readability.words(LONG_26)) > 25
    summary = good_summary(study=good_summary().study + " " + LONG_26)
    result = _check(summary, "sentence_length")
    assert result.status == "fail"
    assert result.offending == (LONG_26,)
    assert "over 25 words" in result.message


def test_several_sentences_of_21_to_25_words_warn_but_two_do_not() -> None:
    assert 21 <= len(readability.words(LONG_22)) <= 25
    two = good_summary(study=good_summary().study + f" {LONG_22} {LONG_22}")
    assert _check(two, "sentence_length").status == "pass"
    three = good_summary(study=good_summary().study + f" {LONG_22} {LONG_22} {LONG_22}")
    result = _check(three, "sentence_length")
    assert result.status == "warn"
    assert LONG_22 in result.offending
    assert sentence_length.SEVERAL == 3
