"""Comparison groups, the six limitation flags and the evidence label a reader sees."""

from __future__ import annotations

import pytest

from msdigest.facts import LIMITATION_FLAGS
from tests.facts.builders import facts


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        ("A trial", "METHODS: 60 patients were randomised to the drug or placebo.", True),
        ("A trial", "METHODS: 30 people were randomised to training or a waiting-list control.",
         True),
        ("A pilot study", "METHODS: In this pilot, 12 people with MS took part in six weekly "
         "sessions; there was no comparison group.", False),
        ("A single-arm trial", "METHODS: In this single-arm study, 48 patients received the drug.",
         False),
        ("T cells", "We studied 28 patients with RRMS and 16 healthy controls.", True),
        ("A cohort", "METHODS: In this prospective cohort study, 186 people with MS were "
         "followed for 12 months.", False),
        ("A cohort", "METHODS: In this registry cohort, patients starting a high-efficacy therapy "
         "were compared with those starting a moderate-efficacy therapy.", True),
        ("A case report", "We describe a 34-year-old woman with MS.", False),
        ("A systematic review", "We searched MEDLINE and included 12 trials with 900 "
         "participants.", None),
        ("Mice", "Mice with EAE received the drug or vehicle (n = 10 per group).", True),
        ("Mice", "Here we show that a high-salt diet suppresses disease in a mouse model.", None),
    ],
)  # fmt: skip
def test_has_control_group(title: str, abstract: str, expected: bool | None) -> None:
    assert facts(abstract, title).has_control_group is expected


def test_flags_of_a_small_uncontrolled_short_single_site_study() -> None:
    got = facts(
        "METHODS: This single-arm study was conducted at one tertiary MS clinic. Twelve people "
        "with progressive MS took part in a 6-week programme.",
        "A fatigue programme: a feasibility study",
    )
    assert got.limitations.to_dict() == {
        "small_sample": True,
        "no_control": True,
        "observational": False,
        "short_follow_up": True,
        "single_site": True,
        "animal_or_lab": False,
    }
    assert got.evidence.label == "small early study"


def test_flags_of_a_large_multicentre_randomised_trial() -> None:
    got = facts(
        "METHODS: A total of 244 people with MS were recruited from 11 neurology clinics and "
        "randomly assigned to telephone sessions or usual care. The primary outcome was fatigue "
        "at 6 months.",
        "Telephone fatigue management: a randomised trial",
    )
    flags = got.limitations
    assert (flags.small_sample, flags.no_control, flags.observational) == (False, False, False)
    assert flags.single_site is False
    assert flags.short_follow_up is False
    assert got.evidence.label == "randomised trial"
    assert got.evidence.level == 4


def test_observational_flag_and_label() -> None:
    got = facts(
        "METHODS: In this nationwide cohort study we followed 8,317 patients for a median of "
        "5.4 years.",
        "A registry cohort",
    )
    assert got.limitations.observational is True
    assert got.evidence.label == "large observational study"
    assert any("links, not cause" in reason for reason in got.evidence.reasons)


def test_reviews_have_no_flags_that_do_not_apply() -> None:
    got = facts(
        "We searched MEDLINE and Embase. Twelve RCTs including 8,448 patients were eligible. "
        "Fingolimod increased the risk of infection.",
        "Fingolimod and infection: a systematic review and meta-analysis",
    )
    assert got.limitations.observational is None
    assert got.limitations.no_control is None
    assert got.limitations.small_sample is False
    assert got.evidence.label == "review of many studies"
    assert got.evidence.level == 5


def test_lab_work_is_labelled_early_lab_research() -> None:
    got = facts(
        "Mice with experimental autoimmune encephalomyelitis received the drug or vehicle.",
        "A drug in a mouse model",
    )
    assert got.limitations.animal_or_lab is True
    assert got.limitations.small_sample is None
    assert got.evidence.label == "early lab research"
    assert got.evidence.level == 1
    assert any("not yet tested in people" in reason for reason in got.evidence.reasons)


def test_evidence_reasons_repeat_only_extracted_numbers() -> None:
    got = facts(
        "METHODS: Forty people with MS were randomised to yoga or a waiting list for 8 weeks.",
        "Yoga for fatigue: a randomised controlled trial",
    )
    assert got.evidence.label == "small randomised trial"
    joined = " ".join(got.evidence.reasons)
    assert "40 people took part" in joined
    assert "8 weeks" in joined


def test_single_site_only_when_one_centre_is_named() -> None:
    assert facts("METHODS: 50 patients were seen.").limitations.single_site is None
    named = facts("METHODS: The trial was conducted in the MS Referral Center of Tehran.")
    assert named.limitations.single_site is True
    several = facts("METHODS: Patients were recruited at two centres.")
    assert several.limitations.single_site is False
    future = facts(
        "METHODS: The study was done at one clinic. CONCLUSIONS: Larger multicentre trials are "
        "needed."
    )
    assert future.limitations.single_site is True


def test_every_flag_is_reported_by_name() -> None:
    flags = facts("METHODS: We enrolled 120 patients with MS.").limitations.to_dict()
    assert tuple(flags) == LIMITATION_FLAGS
