"""Claims: no overclaiming, and hedging that matches the strength of the evidence."""

from __future__ import annotations

import dataclasses

import pytest

from msdigest.checks.claims import overclaims
from msdigest.facts.model import Limitations, SampleSize
from tests.checks.builders import good_summary, report, trial_facts

PILOT = trial_facts(
    study_design="feasibility_or_pilot",
    sample_size=SampleSize(total=24),
    limitations=Limitations(small_sample=True, no_control=True, observational=False),
)
COHORT = trial_facts(
    study_design="cohort",
    sample_size=SampleSize(total=1500),
    has_control_group=None,
    limitations=Limitations(small_sample=False, observational=True),
)
MICE = trial_facts(
    study_design="animal_or_lab",
    sample_size=SampleSize(total=None, reason="animal study"),
    limitations=Limitations(animal_or_lab=True, observational=False),
)


def claims(summary=None, facts=None):  # type: ignore[no-untyped-def]
    return report(summary or good_summary(), facts or trial_facts()).get("claims")


@pytest.mark.parametrize(
    "sentence",
    [
        "This proves that walking works.",
        "Walking cures tiredness.",
        "It is a breakthrough for MS.",
        "A miracle for tired people.",
        "Walking is guaranteed to help.",
        "Walking definitely helps.",
        "Walking will stop MS tiredness.",
        "It always works.",
        "Walking carries no risk.",
        "The drug has no side effects.",
        "Walking is completely safe.",
    ],
)
def test_overclaiming_fails_even_for_a_large_trial(sentence: str) -> None:
    result = claims(good_summary(study=good_summary().study + " " + sentence))
    assert result.status == "fail", sentence
    assert sentence in result.offending
    assert "overclaiming" in result.message


@pytest.mark.parametrize(
    "sentence",
    [
        "This does not prove that walking helps everyone.",
        "There is no cure for MS.",
        "The team wanted to see whether walking could cure tiredness.",
        "Walking is not a breakthrough.",
        "No side effects were reported.",
        "No side effect occurred.",
        "There were no side effects.",
        "Their scores improved and the drug was approved.",
    ],
)
def test_negated_or_open_uses_are_fine(sentence: str) -> None:
    assert overclaims(sentence) == [], sentence


def test_large_trial_may_state_its_finding_firmly() -> None:
    summary = good_summary(headline="A home walking programme reduced tiredness in a trial.")
    assert claims(summary).status == "pass"


def test_small_or_early_trial_must_hedge_its_headline() -> None:
    firm = good_summary(headline="A home walking programme eased tiredness in adults with MS.")
    result = claims(firm, PILOT)
    assert result.status == "fail"
    assert "headline must hedge" in result.message and "only 24 people" in result.message
    hedged = good_summary(
        headline="A home walking programme may ease tiredness, a small study finds."
    )
    assert claims(hedged, PILOT).status == "pass"


@pytest.mark.parametrize(
    "sentence",
    [
        "Walking causes less tiredness.",
        "Walking leads to more energy.",
        "Walking prevents relapses.",
        "Walking reduces the risk of falls.",
    ],
)
def test_causal_verbs_fail_for_observational_work(sentence: str) -> None:
    summary = good_summary(study=good_summary().study + " " + sentence)
    result = claims(summary, COHORT)
    assert result.status == "fail", sentence
    assert "observational" in result.message
    assert sentence in result.offending


@pytest.mark.parametrize(
    "sentence",
    [
        "Walking was linked to less tiredness.",
        "Walking may lead to more energy.",
        "This study cannot show that walking causes less tiredness.",
        "Inflammation can lead to more symptoms.",
        "The cause of MS is still unknown.",
        "This study adds to what we know about the immune system and causes.",
        "A small early look at immune system and causes in people with MS.",
        "Its causes are not known.",
    ],
)
def test_hedged_causal_wording_passes_for_observational_work(sentence: str) -> None:
    summary = good_summary(study=good_summary().study + " " + sentence)
    assert claims(summary, COHORT).status == "pass", sentence


def test_causal_verbs_are_allowed_for_a_large_trial() -> None:
    summary = good_summary(study=good_summary().study + " Walking reduces the risk of falls.")
    assert claims(summary).status == "pass"


def test_absolute_safety_fails_for_early_work() -> None:
    summary = good_summary(
        headline="Walking may ease tiredness in a small study.",
        study=good_summary().study + " People with MS can safely walk at home.",
    )
    result = claims(summary, PILOT)
    assert result.status == "fail" and "safely" in result.message
    seemed = dataclasses.replace(
        summary, study=good_summary().study + " Walking seemed safe for these people."
    )
    assert claims(seemed, PILOT).status == "pass"


def test_lab_work_must_say_so() -> None:
    result = claims(
        good_summary(
            headline="Salt may make MS worse.", study="A salty diet made the disease worse."
        ),
        MICE,
    )
    assert result.status == "fail"
    assert "lab or animal research must say so" in result.message


def test_lab_work_that_says_so_only_in_the_body_warns_about_the_headline() -> None:
    summary = good_summary(
        headline="Salt may make MS worse.",
        study="In mice, a salty diet made the disease worse.",
    )
    result = claims(summary, MICE)
    assert result.status == "warn"
    assert result.offending == ("Salt may make MS worse.",)
    said = dataclasses.replace(summary, headline="Salt may make an MS-like disease worse in mice.")
    assert claims(said, MICE).status == "pass"


def test_not_tested_in_people_counts_as_saying_so() -> None:
    summary = good_summary(
        headline="A salty diet may worsen an MS-like illness; it has not been tested in people.",
        study="A salty diet made the disease worse.",
    )
    assert claims(summary, MICE).status == "pass"
