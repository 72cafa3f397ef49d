"""Length: 150 to 450 words for the whole summary."""

from __future__ import annotations

import dataclasses

from msdigest.text.readability import words
from tests.checks.builders import WHY, good_summary, report

PAD = "People walked near their homes on most days of the week. "


def test_length_within_bounds_passes_and_gives_the_count() -> None:
    result = report().get("length")
    assert result.status == "pass"
    assert f"{len(words(good_summary().full_text))} words (150-450)" == result.message


def test_too_short_fails() -> None:
    short_why = dataclasses.replace(WHY, people_with_ms="It may help.", caregivers="Walk together.")
    summary = good_summary(study="Adults with MS took part.", why_it_matters=short_why)
    assert len(words(summary.full_text)) < 150
    result = report(summary).get("length")
    assert result.status == "fail"
    assert "under the minimum of 150" in result.message


def test_too_long_fails() -> None:
    result = report(good_summary(study=good_summary().study + " " + PAD * 25)).get("length")
    assert result.status == "fail"
    assert "over the maximum of 450" in result.message
