"""Advice: no direct medical advice; readers are pointed to their care team."""

from __future__ import annotations

import pytest

from tests.checks.builders import good_summary, report


def advice(extra: str, keep: str | None = None):  # type: ignore[no-untyped-def]
    base = good_summary()
    summary = good_summary(
        study=base.study + " " + extra, keep_in_mind=keep if keep is not None else base.keep_in_mind
    )
    return report(summary).get("advice")


@pytest.mark.parametrize(
    "sentence",
    [
        "You should start walking every day.",
        "Patients should take vitamin D.",
        "People with MS must avoid hot baths.",
        "Caregivers should make sure walks happen daily.",
        "Doctors should prescribe a walking plan.",
        "Healthcare providers can recommend this exercise.",
        "We recommend a daily walk.",
        "Stop taking your tablets if you feel tired.",
        "Do not take vitamin D without a blood test.",
        "Take 4,000 IU of vitamin D a day.",
        "Try walking for ten minutes.",
        "Ask your doctor to prescribe a walking plan.",
        "Switch to a walking plan.",
        "It is recommended to walk every day.",
    ],
)
def test_direct_advice_fails_quoting_the_sentence(sentence: str) -> None:
    result = advice(sentence)
    assert result.status == "fail", sentence
    assert result.offending == (sentence,)
    assert "medical advice" in result.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Participants took 4,000 IU of vitamin D a day.",
        "People who stopped taking their drug were asked why.",
        "The authors suggest that larger trials are needed.",
        "People with MS should talk to their MS team before changing anything.",
        "Do not change any treatment without talking to your MS team first.",
        "Ask your MS nurse whether this applies to you.",
        "Keep in mind that the study was short.",
        "Use of steroids was common in both groups.",
        "Never before had a trial tested walking at home.",
    ],
)
def test_reporting_and_pointing_to_the_care_team_is_not_advice(sentence: str) -> None:
    result = advice(sentence)
    assert result.status == "pass", (sentence, result.message)


def test_a_summary_that_never_points_to_the_care_team_warns() -> None:
    result = advice("", keep="The study lasted only 12 weeks, so we do not know if it lasts.")
    assert result.status == "warn"
    assert "care team" in result.message


def test_an_audience_named_after_a_preposition_is_not_addressed() -> None:
    sentence = "Whether this applies to people with MS must be tested in people."
    assert advice(sentence).status == "pass"
