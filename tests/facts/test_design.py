"""Study design: publication types and MeSH first, then the words of the abstract."""

from __future__ import annotations

import pytest

from tests.facts.builders import facts


@pytest.mark.parametrize(
    ("title", "abstract", "design"),
    [
        (
            "Exercise in MS",
            "METHODS: Seventy-five pwMS were randomly assigned to high-intensity training or an "
            "active control group for 3 weeks. RESULTS: Processing speed improved.",
            "randomized_controlled_trial",
        ),
        (
            "A randomized pilot trial of prednisone taper vs placebo after relapses",
            "Twenty-five patients were randomized to prednisone taper (n=12) or placebo (n=13).",
            "feasibility_or_pilot",
        ),
        (
            "Cooling vests for heat sensitivity",
            "OBJECTIVE: To test the feasibility of a cooling vest trial. METHODS: Twenty people "
            "with MS wore an active or a sham vest.",
            "feasibility_or_pilot",
        ),
        (
            "Aquatic exercise in progressive MS",
            "METHODS: In this quasi-experimental study, 22 people chose aquatic exercise and 19 "
            "continued usual activities.",
            "non_randomized_trial",
        ),
        (
            "Ofatumumab in practice",
            "METHODS: In this single-arm, open-label phase 2 study, 48 patients received "
            "ofatumumab for 12 months.",
            "single_arm_trial",
        ),
        (
            "Pelvic floor exercise in MS",
            "METHODS: Patients completed the exercise program for 12 weeks and the questionnaires "
            "were filled in again after the programme. RESULTS: Seventy-two patients were "
            "included.",
            "single_arm_trial",
        ),
        (
            "Menopause and disability",
            "METHODS: We followed women in a prospective cohort study from their first symptoms.",
            "cohort",
        ),
        (
            "Disability in late-onset MS",
            "METHODS: The nationwide Danish Multiple Sclerosis Registry served as data source.",
            "cohort",
        ),
        (
            "Pneumonia and MS risk",
            "METHODS: This case-control study included 300 cases and 3000 matched controls.",
            "case_control",
        ),
        (
            "Vaccine willingness in MS",
            "METHODS: An online survey was conducted among 256 MS patients about vaccination.",
            "cross_sectional",
        ),
        (
            "Employment barriers",
            "DESIGN: Cross-sectional using self-report obtained by mail. PARTICIPANTS: A total "
            "of 2,624 participants.",
            "cross_sectional",
        ),
        (
            "T cells in MS",
            "We measured T cells in blood from 28 patients with RRMS and 16 healthy controls.",
            "case_control",
        ),
        (
            "Case Report: a rash after treatment",
            "We describe a 34-year-old woman with MS who developed a rash.",
            "case_report_or_series",
        ),
        (
            "Tumefactive lesions",
            "We describe five patients seen at our department with large lesions.",
            "case_report_or_series",
        ),
        (
            "Probiotics in MS: a systematic review and meta-analysis",
            "We searched PubMed and pooled three randomized controlled trials.",
            "meta_analysis",
        ),
        (
            "Pregnancy and MS",
            "SUMMARY: A systematic electronic literature search of PubMed and Embase was "
            "conducted; the eligible studies were summarized.",
            "systematic_review",
        ),
        (
            "Mirror therapy",
            "We included 62 studies with a total of 1982 participants that compared mirror "
            "therapy with other interventions.",
            "systematic_review",
        ),
        (
            "High-salt diet in a mouse model of CNS autoimmunity",
            "Here we show that a high-salt diet suppresses disease in a mouse model.",
            "animal_or_lab",
        ),
        (
            "Microglia in lesions",
            "We studied post-mortem brain tissue and cultured human microglia in vitro.",
            "animal_or_lab",
        ),
        (
            "A web-based mindfulness program: qualitative co-design study",
            "METHODS: We co-designed a program with 19 people with MS. A randomized controlled "
            "trial was planned.",
            "qualitative",
        ),
        (
            "Genetically predicted BMI and MS: a Mendelian randomization study",
            "We performed two-sample Mendelian randomization using genome-wide data.",
            "other",
        ),
    ],
)
def test_design_from_text(title: str, abstract: str, design: str) -> None:
    got = facts(abstract, title)
    assert got.study_design == design
    assert got.design_basis == "text"


def test_studies_mentioned_in_the_background_do_not_set_the_design() -> None:
    got = facts(
        "Two randomized controlled trials (RCTs) showed that neuromodulation reduces fatigue. "
        "By this proof of concept study, we tested 11 patients before and after treatment.",
        "Neuromodulation against fatigue",
    )
    assert got.study_design == "feasibility_or_pilot"


def test_a_needed_trial_in_the_conclusion_is_not_this_study() -> None:
    got = facts(
        "METHODS: We followed 76 patients in a longitudinal study for 10 years. CONCLUSION: A "
        "randomized controlled trial is needed.",
        "Predicting cognitive decline",
    )
    assert got.study_design == "cohort"


def test_study_protocol_is_noted_and_has_no_results() -> None:
    got = facts(
        "METHODS: Ten adult women with MS will be recruited. Patients will receive 10 sessions.",
        "Brain stimulation for bladder problems: study protocol for a pilot clinical trial",
    )
    assert got.study_design == "feasibility_or_pilot"
    assert got.results == ()
    assert any("protocol" in note for note in got.notes)


@pytest.mark.parametrize(
    ("types", "mesh", "design"),
    [
        (("Randomized Controlled Trial", "Journal Article"), (), "randomized_controlled_trial"),
        (("Meta-Analysis", "Systematic Review"), (), "meta_analysis"),
        (("Systematic Review",), (), "systematic_review"),
        (("Case Reports",), (), "case_report_or_series"),
        (("Clinical Trial, Phase II",), (), "single_arm_trial"),
        (("Controlled Clinical Trial",), (), "non_randomized_trial"),
        (("Observational Study",), (), "cohort"),
        (("Journal Article",), ("Animals", "Mice", "Female"), "animal_or_lab"),
        (("Journal Article",), ("Humans", "Cross-Sectional Studies"), "cross_sectional"),
    ],
)
def test_publication_types_and_mesh_come_first(
    types: tuple[str, ...], mesh: tuple[str, ...], design: str
) -> None:
    got = facts(
        "METHODS: We looked at people with multiple sclerosis. RESULTS: Findings were varied.",
        "A study",
        publication_types=types,
        mesh=mesh,
    )
    assert got.study_design == design
    assert got.design_basis in {"publication type", "MeSH"}


def test_randomised_pilot_with_rct_publication_type_is_a_pilot() -> None:
    got = facts(
        "METHODS: In this pilot study, 30 people were randomised to training or a waiting list.",
        "Balance training",
        publication_types=("Randomized Controlled Trial",),
    )
    assert got.study_design == "feasibility_or_pilot"


def test_clinical_trial_type_with_placebo_is_randomised() -> None:
    got = facts(
        "METHODS: Patients received ibudilast or placebo for 96 weeks.",
        "Ibudilast in progressive MS",
        publication_types=("Clinical Trial, Phase II",),
    )
    assert got.study_design == "randomized_controlled_trial"


def test_a_review_that_did_not_pool_is_not_a_meta_analysis() -> None:
    got = facts(
        "We systematically searched MEDLINE and Embase. Thirty-four studies were included. "
        "Because of heterogeneity, no meta-analysis was performed.",
        "The gut microbiome in MS: a systematic review",
    )
    assert got.study_design == "systematic_review"
