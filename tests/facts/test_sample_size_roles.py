"""Whose count is the sample size: the study's own people, not parts, references or the literature.

Every text here is written for these tests (fictional), in the ways unseen abstracts state
their numbers: totals followed by controls, bracketed breakdowns, literature counts,
reference populations, review subgroups, numbers in words with digits in brackets.
"""

from __future__ import annotations

import pytest

from tests.facts.builders import facts, size

REVIEW = "Cognitive rehabilitation in multiple sclerosis: a systematic review"


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a total, its breakdown in dashes or brackets, then the controls: all take part
        (
            "METHODS: A total of 52 people with MS - 30 with fatigue and 22 without - and 25 "
            "healthy controls were enrolled.",
            77,
        ),
        (
            "METHODS: A total of 40 patients with RRMS (18 with optic neuritis, 22 without) and "
            "20 matched controls took part.",
            60,
        ),
        # a breakdown that adds up to the total is not more people
        ("METHODS: We enrolled 120 patients, 70 with RRMS and 50 with SPMS.", 120),
        # numbers in words with the digits in brackets
        (
            "METHODS: Sixty-two (62) participants with MS and thirty (30) healthy controls "
            "underwent gait analysis.",
            92,
        ),
        # cases, disease controls and healthy controls listed with one verb at the end
        (
            "Serum from 28 people with MS, 15 with other neurological diseases and 20 controls "
            "was analysed.",
            63,
        ),
        # controls named by who they are and that they were matched
        (
            "METHODS: We measured ferritin in 60 patients with MS and in 55 blood donors matched "
            "for age and sex.",
            115,
        ),
    ],
)
def test_everyone_who_took_part_counts(abstract: str, expected: int) -> None:
    assert size(abstract) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a bracket after a group already counted breaks it down
        (
            "METHODS: Structured interviews were held with 96 PwMS attending our clinic. Blood "
            "samples were taken in 70/96 of the interviewed PwMS (40 treated with drug A and 30 "
            "with drug B).",
            96,
        ),
        # people who reported an outcome are a part of those interviewed
        (
            "METHODS: Structured telephone interviews were conducted with 150 people with MS. "
            "RESULTS: Six participants reported a relapse.",
            150,
        ),
        # people counted by other studies are not this study's people
        (
            "More than 600 cases have been reported worldwide since 2010. We reviewed the "
            "records of 38 patients treated at our hospital.",
            38,
        ),
    ],
)
def test_parts_and_other_studies_people_are_not_the_total(abstract: str, expected: int) -> None:
    assert size(abstract) == expected


def test_people_with_another_condition_than_the_titles_are_a_reference_group() -> None:
    got = facts(
        "METHODS: Patients seen at the centre between 2005 and 2020 were reviewed. RESULTS: We "
        "identified 41 patients with NMOSD. In the same period, 510 patients with MS were seen.",
        "Prevalence of neuromyelitis optica spectrum disorder in a northern city",
    )
    assert got.sample_size.total == 41


@pytest.mark.parametrize(
    ("abstract", "total", "studies"),
    [
        (
            "METHODS: We searched MEDLINE and Embase. RESULTS: Twelve studies met the inclusion "
            "criteria; most examined mild cognitive impairment (MCI; n = 6) or dementia (n = 2). "
            "A total of 1,020 participants with MS were included.",
            1020,
            12,
        ),
        (
            "METHODS: We systematically searched PubMed. RESULTS: We included 9 studies "
            "(cognitive training, n = 5; exercise, n = 4) with a total of 640 participants.",
            640,
            9,
        ),
        (
            "Five studies involving 310 participants were included. Two studies assessed "
            "computer training in a total of 60 adults.",
            310,
            5,
        ),
        (
            "METHODS: We searched PubMed. RESULTS: Of 14 included trials (n = 30 to 212 each), "
            "none reported long-term outcomes.",
            None,
            14,
        ),
    ],
)
def test_review_total_beats_subgroup_counts(abstract: str, total: int | None, studies: int) -> None:
    detail = facts(abstract, REVIEW).sample_size
    assert detail.total == total
    assert detail.studies == studies


def test_mendelian_randomisation_counts_its_cases_and_controls() -> None:
    title = "Adult height and multiple sclerosis: a Mendelian randomisation study"
    stated = facts(
        "METHODS: We used genetic variants for height from a genome-wide association study of "
        "512,000 individuals and MS summary data from a consortium (11,200 cases and 19,800 "
        "controls).",
        title,
    )
    assert stated.study_design == "other"
    assert stated.sample_size.total == 31000
    assert stated.has_control_group is True
    unstated = facts(
        "We performed two-sample Mendelian randomisation with published genome-wide summary "
        "statistics for height and for MS.",
        title,
    )
    assert unstated.sample_size.total is None
    assert unstated.limitations.observational is True


def test_people_a_survey_was_sent_to_are_invited_not_respondents() -> None:
    got = facts(
        "METHODS: A questionnaire was sent to 2,000 randomly selected members of a patient "
        "society. RESULTS: Of the 2,000 members invited, 730 responded.",
        "Work and MS: a survey",
    )
    assert got.sample_size.total == 730
    assert got.study_design == "cross_sectional"


def test_review_total_after_plural_trials_and_databases_are_not_studies() -> None:
    got = facts(
        "We searched four databases for randomised trials of yoga in MS. Twelve trials "
        "(N = 1,380) were pooled. Yoga reduced fatigue.",
        "Yoga for fatigue in multiple sclerosis: a meta-analysis",
    )
    assert got.sample_size.total == 1380
    assert got.sample_size.studies == 12


def test_a_nod_to_the_literature_does_not_hide_the_studys_own_people() -> None:
    assert size("RESULTS: Consistent with the literature, fatigue was common among the 120 "
                "patients.") == 120  # fmt: skip


def test_responders_to_a_treatment_are_not_survey_respondents() -> None:
    got = facts(
        "METHODS: Forty patients took fampridine 10 mg twice daily for 2 weeks. Walking speed "
        "was measured before and after treatment. RESULTS: 18 responded.",
        "Fampridine response in MS",
    )
    assert got.sample_size.total == 40
    survey = facts(
        "METHODS: A questionnaire was mailed to 900 patients. RESULTS: In all, 512 responded.",
        "A postal survey in MS",
    )
    assert survey.sample_size.total == 512


def test_a_number_inside_a_scale_name_is_not_a_ratio() -> None:
    got = facts(
        "Sexual dysfunction was assessed with the MSISQ-19 in 210 women with MS attending two "
        "MS centres. Prevalence was 62%.",
        "Sexual dysfunction in MS",
    )
    assert got.sample_size.total == 210
    assert got.study_design == "cross_sectional"
