"""Intervention and comparison phrases: whole noun phrases that name what was given."""

from __future__ import annotations

import pytest

from msdigest.facts.phrases import phrase_problem
from tests.facts.builders import facts


@pytest.mark.parametrize(
    "fragment",
    [
        "the measures before",
        "Cycling reduced spasticity",
        "non-invasive",
        "their loss and the role of microglia",
        "sham or",
        "a score (SDMT",
        "obtained",
    ],
)
def test_fragments_are_refused(fragment: str) -> None:
    assert phrase_problem(fragment) is not None


@pytest.mark.parametrize(
    "phrase",
    [
        "oral EXB-301 40 mg once daily",
        "matching placebo",
        "their usual diet",
        "a 10-week aquatic exercise programme",
        "high-dose vitamin D3",
    ],
)
def test_whole_phrases_are_kept(phrase: str) -> None:
    assert phrase_problem(phrase) is None


def test_a_result_sentence_is_not_an_intervention() -> None:
    got = facts(
        "METHODS: We pooled trials of yoga. RESULTS: Yoga lowered fatigue compared with "
        "usual care (SMD -0.4).",
        "Yoga and fatigue in MS: a meta-analysis",
    )
    assert (
        got.intervention_or_exposure is None or "lowered" not in got.intervention_or_exposure.text
    )


def test_shared_head_of_a_title_comparison() -> None:
    got = facts(
        "METHODS: In a registry, 900 patients starting intensive treatment were compared with "
        "those starting stepwise treatment.",
        "Early intensive versus stepwise treatment and relapse risk in MS: a cohort study",
    )
    assert got.intervention_or_exposure is not None
    assert got.intervention_or_exposure.text == "Early intensive treatment"
    assert got.comparison is not None and got.comparison.text == "stepwise treatment"


def test_a_title_subject_for_lab_work() -> None:
    got = facts(
        "Mice were given butyrate in drinking water. Butyrate-treated mice had milder EAE.",
        "Oral butyrate softens experimental autoimmune encephalomyelitis in mice",
    )
    assert got.intervention_or_exposure is not None
    assert got.intervention_or_exposure.text == "Oral butyrate"


def test_a_questionnaire_is_not_what_was_given() -> None:
    got = facts(
        "METHODS: In this cross-sectional study, 150 adults with MS completed the Fatigue "
        "Severity Scale.",
        "Fatigue in MS: a survey",
    )
    assert got.intervention_or_exposure is None
    assert any("intervention left out" in note for note in got.notes)


def test_aim_words_side_by_side_leave_the_treatment() -> None:
    """'Safety evaluation of shorter infusion' names the treatment, not the evaluation."""
    got = facts(
        "METHODS: In this single-arm substudy, 129 patients received shorter infusions. "
        "RESULTS: Infusion reactions were mild.",
        "Safety evaluation of shorter infusion for ocrelizumab in relapsing MS",
    )
    assert got.intervention_or_exposure is not None
    text = got.intervention_or_exposure.text.lower()
    assert "evaluation" not in text and "safety" not in text
    assert "shorter infusion" in text


def test_a_trait_of_the_people_joined_to_a_treatment_is_two_exposures() -> None:
    assert phrase_problem("age and DMT treatment") is not None
    assert phrase_problem("sex and interferon therapy") is not None
    assert phrase_problem("aerobic and resistance training") is None
    assert phrase_problem("vitamin D and omega-3 supplements") is None


def test_making_the_thing_is_the_aim_and_the_thing_is_the_intervention() -> None:
    """'Development of a home walking program' names the program, not its development."""
    got = facts(
        "METHODS: We co-designed the program with 15 people with MS. "
        "RESULTS: People found the program useful.",
        "Development of a home walking program for people with multiple sclerosis",
    )
    assert got.intervention_or_exposure is not None
    text = got.intervention_or_exposure.text.lower()
    assert "development" not in text and "home walking program" in text


def test_the_kind_named_after_both_arms_belongs_to_the_first_arm_too() -> None:
    """'hip strength versus step trainings' tested hip strength training."""
    got = facts(
        "METHODS: Thirty people with MS were randomly assigned to three groups. "
        "RESULTS: Balance improved in all groups.",
        "Efficacy of hip strength versus step trainings on balance in multiple sclerosis",
    )
    assert got.intervention_or_exposure is not None
    assert got.intervention_or_exposure.text == "hip strength training"
