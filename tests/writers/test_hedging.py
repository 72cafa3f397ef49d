"""Wording follows the strength of the evidence."""

from __future__ import annotations

import pytest

from msdigest.writers.grounded.hedging import Strength, evidence_strength, is_hedged, soften
from tests.writers import builders

WEAK = Strength("observational", small=True, in_people=True)
FIRM = Strength("trial", small=False, in_people=True)


@pytest.mark.parametrize(
    ("claim", "hedged"),
    [
        ("Exercise improves walking in people with MS.", "Exercise may improve walking"),
        ("These results demonstrate that the program reduces fatigue.", "suggest that"),
        ("The drug is safe and effective.", "may be safe and effective"),
        ("Low vitamin D causes relapses.", "may be linked to relapses"),
    ],
)
def test_weak_evidence_is_hedged(claim: str, hedged: str) -> None:
    result = soften(claim, WEAK)
    assert result is not None
    assert hedged in result
    assert is_hedged(result)


def test_firm_evidence_may_state_the_finding() -> None:
    assert soften("The drug reduced relapses compared with placebo.", FIRM) == (
        "The drug reduced relapses compared with placebo."
    )


def test_overclaiming_is_never_kept() -> None:
    assert soften("This will help everyone.", FIRM) == "This may help everyone."
    assert soften("The trial proves the drug works.", FIRM) == "The trial suggests the drug works."
    assert soften("A cure for MS is near.", FIRM) is None
    assert soften("This is a breakthrough.", FIRM) is None


def test_strength_follows_design_and_size() -> None:
    _, trial = builders.trial()
    _, cohort = builders.cohort()
    _, mouse = builders.mouse()
    _, review = builders.review()
    assert evidence_strength(trial).firm
    assert not evidence_strength(cohort).firm and evidence_strength(cohort).small
    assert evidence_strength(mouse).level == "lab" and not evidence_strength(mouse).in_people
    assert evidence_strength(review).level == "review"
