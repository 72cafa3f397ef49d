"""More designs read from the text: tools built with their users, commentaries on another
group's paper, data collected before, patients and controls observed around a new drug.

Every abstract here is written for these tests (fictional), each kind in several wordings.
"""

from __future__ import annotations

import pytest

from tests.facts.builders import facts


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        (
            "Developing a symptom diary app for MS",
            "We built a symptom diary app in three cycles. Usability testing was done with 9 "
            "people with MS, whose comments on menus and wording shaped each new version.",
        ),
        (
            "A relapse checklist for people with MS",
            "The checklist was refined iteratively with 12 people with MS and 4 nurses, who "
            "worked through it while thinking aloud. Their feedback shortened it to one page.",
        ),
        (
            "A web portal for MS clinic appointments",
            "METHODS: Following a user-centred design, 15 people with MS tried the portal and "
            "gave user feedback in short interviews.",
        ),
    ],
)
def test_a_tool_built_or_tested_with_its_users_is_qualitative(title: str, abstract: str) -> None:
    result = facts(abstract, title)
    assert result.study_design == "qualitative"
    assert result.has_control_group is False


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        (
            "An app for fatigue in MS: a pilot study",
            "METHODS: In this pilot study, 30 people with MS used the app for 8 weeks. Usability "
            "was rated with the System Usability Scale and user feedback was collected.",
            "feasibility_or_pilot",
        ),
        (
            "An app for fatigue in MS",
            "METHODS: Sixty people with MS were randomised to the app or a waiting list for 12 "
            "weeks. Usability testing sessions informed an update halfway through.",
            "randomized_controlled_trial",
        ),
    ],
)
def test_usability_inside_a_trial_leaves_the_trial(
    title: str, abstract: str, expected: str
) -> None:
    assert facts(abstract, title).study_design == expected


@pytest.mark.parametrize(
    "abstract",
    [
        "Blocking a metabolic enzyme could calm autoreactive T cells. In a recent paper, Novak "
        "et al. show that an oral inhibitor delays but does not prevent EAE in mice. Trials in "
        "people are some way off.",
        "In this issue, Tan and colleagues report that a diet low in salt changes gut bacteria "
        "in rats with EAE. The findings raise questions for people with MS.",
    ],
)
def test_a_commentary_on_another_groups_animal_paper_is_not_lab_work(abstract: str) -> None:
    result = facts(abstract, "Metabolism and autoimmunity")
    assert result.study_design == "other"
    assert result.limitations.animal_or_lab is False
    assert result.limitations.observational is None


def test_a_lab_paper_that_cites_others_stays_lab_work() -> None:
    abstract = (
        "Novak et al. showed that an enzyme shapes T cells. Here we show in mice with EAE that "
        "blocking it delays disease."
    )
    assert facts(abstract, "An enzyme in EAE").study_design == "animal_or_lab"


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "METHODS: We analysed existing data from 96 people with MS who had completed a "
            "test battery. RESULTS: Slower naming went with poorer recall.",
            "cross_sectional",
        ),
        (
            "METHODS: Archived clinical data from 150 people with MS, followed for 8 years, "
            "were analysed. RESULTS: One in three converted to progressive MS.",
            "cohort",
        ),
        (
            "METHODS: Data from a hospital registry of 300 people with MS were analysed. "
            "RESULTS: Relapses were rarer with age.",
            "cohort",
        ),
    ],
)
def test_data_collected_before_is_a_cross_section_unless_time_passes(
    abstract: str, expected: str
) -> None:
    assert facts(abstract).study_design == expected


def test_patients_and_controls_around_a_new_drug_are_observed() -> None:
    abstract = (
        "METHODS: Plasma from 25 people with RRMS and 18 healthy controls was tested for 30 "
        "cytokines. Repeat samples were drawn in 10 patients 3 months after starting "
        "cladribine. RESULTS: Four cytokines fell after treatment."
    )
    result = facts(abstract, "Cytokines before and after cladribine")
    assert result.study_design == "case_control"
    assert result.has_control_group is True
    assert result.sample_size.total == 43


def test_a_treatment_given_by_the_study_with_healthy_controls_is_a_trial() -> None:
    abstract = (
        "METHODS: Twenty people with MS received ten sessions of transcranial stimulation; "
        "20 healthy controls were assessed at baseline only. Walking was measured before and "
        "after the intervention."
    )
    design = facts(abstract).study_design
    assert design in {"single_arm_trial", "non_randomized_trial"}


def test_a_tool_used_for_weeks_in_a_usability_study_is_a_feasibility_test() -> None:
    abstract = (
        "METHODS: Eighteen people with MS used the platform at home for 6 weeks and rated it "
        "on a usability scale. RESULTS: Most used it weekly."
    )
    title = "Development and usability evaluation of a home exercise platform for MS"
    assert facts(abstract, title).study_design == "feasibility_or_pilot"
