"""Design from the text when the words mislead: genre first, trials need allocation or treatment.

Every abstract here is written for these tests (fictional), in the styles that fooled the
first rules on unseen abstracts: narrative reviews that mention placebo trials, memory
tests called "Trial B", claims data "before and after" a drug was started, "our cohort"
measured once, structured telephone interviews, case reports labelled with a full stop.
"""

from __future__ import annotations

import pytest

from tests.facts.builders import facts


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        (
            "Vitamin D in multiple sclerosis: where do we stand?",
            "Low vitamin D has been linked to MS risk. In this narrative review we summarise the "
            "evidence. Several randomised placebo-controlled trials of cholecalciferol were "
            "small and showed no clear effect over 2 years. Observational studies in more than "
            "150,000 people suggest that low levels precede the disease.",
        ),
        (
            "B-cell depletion in MS: a review",
            "We review the mechanisms and safety of anti-CD20 antibodies. In phase 3 trials, "
            "relapses fell compared with interferon, and progression slowed compared with "
            "placebo. We discuss monitoring and vaccination.",
        ),
        (
            "Treating radiologically isolated syndrome: a viewpoint",
            "Two randomised trials have shown that treatment delays a first event compared with "
            "placebo. In this viewpoint we argue for shared decisions based on individual risk.",
        ),
        (
            "Stopping natalizumab: a commentary",
            "More than 900 cases of PML have been reported worldwide. Compared with the general "
            "population, people who stop treatment abruptly relapse often. In this commentary "
            "we argue for a short washout and registries to follow outcomes.",
        ),
    ],
)
def test_narrative_reviews_and_commentaries_are_other_with_nothing_of_their_own(
    title: str, abstract: str
) -> None:
    got = facts(abstract, title)
    assert got.study_design == "other"
    assert got.sample_size.total is None
    assert got.has_control_group is None
    assert got.duration is None
    assert got.limitations.observational is None
    assert got.limitations.no_control is None
    assert got.limitations.single_site is None


@pytest.mark.parametrize(
    ("title", "abstract", "design"),
    [
        # a memory test's "Trial B" is not a trial
        (
            "Processing speed and walking in MS",
            "METHODS: Eighty pwMS were assessed once with the Trail Making Test (Trial A and "
            "Trial B) and a timed walk. RESULTS: Slower Trial B times went with slower walking.",
            "cross_sectional",
        ),
        # "before and after treatment initiation" in claims data is a cohort
        (
            "Relapses before and after starting a new therapy",
            "METHODS: Using a national insurance claims database, we identified 2,310 people "
            "with MS who started cladribine. Relapse rates in the year before and after "
            "treatment initiation were compared.",
            "cohort",
        ),
        # "our cohort" measured at a single visit is a one-off assessment
        (
            "Serum GFAP and disability",
            "METHODS: In our cohort of 140 patients with MS, serum GFAP was measured at a single "
            "visit and related to the EDSS.",
            "cross_sectional",
        ),
        # structured telephone interviews collect data; they are not qualitative research
        (
            "Vaccine reactions in MS",
            "METHODS: Structured telephone interviews were conducted with 190 people with MS to "
            "record reactions after a booster dose. RESULTS: Fatigue was most common.",
            "cross_sectional",
        ),
        # questionnaires returned, no design word
        (
            "Bladder symptoms in an MS clinic",
            "METHODS: Patients attending the clinic were asked to complete a bladder symptom "
            "score. RESULTS: Questionnaires were returned by 131 patients (n = 131).",
            "cross_sectional",
        ),
        # secondary analysis, "cross-sectionally"
        (
            "Lesions and anxiety",
            "We analysed pre-existing data of 260 patients with MS. Cross-sectionally, more "
            "temporal lesions went with more anxiety.",
            "cross_sectional",
        ),
        # repeated annual examinations over years
        (
            "Spinal cord atrophy over time",
            "METHODS: Seventy patients with RRMS underwent annual clinical, blood and MRI "
            "examinations over 4 years.",
            "cohort",
        ),
        (
            "Outcome of childhood demyelination",
            "METHODS: Eighty children with a first demyelinating event were enrolled and "
            "followed up after 8 years.",
            "cohort",
        ),
        # cases, disease controls and controls without an explicit design word
        (
            "Serum markers in MS",
            "Plasma from 25 people with MS, 12 with other neurological diseases and 18 controls "
            "was analysed.",
            "case_control",
        ),
        # "a cross-sectional pilot study" stays observational
        (
            "Cortical lesions and cognition: a cross-sectional pilot study",
            "METHODS: In this cross-sectional pilot study, 14 people with MS underwent 7T MRI.",
            "cross_sectional",
        ),
        # real trials keep their design
        (
            "A balance programme for people with MS",
            "METHODS: Twenty-eight people with MS took part in a 6-week balance programme. "
            "Balance was measured before and after the programme.",
            "single_arm_trial",
        ),
        (
            "Ofatumumab in practice",
            "METHODS: In this single-arm, open-label study, 40 patients started ofatumumab and "
            "were followed for 12 months.",
            "single_arm_trial",
        ),
        (
            "Diaries in MS",
            "METHODS: Ninety adults with MS were randomly allocated to an app or a paper diary.",
            "randomized_controlled_trial",
        ),
    ],
)
def test_design_from_what_the_study_did(title: str, abstract: str, design: str) -> None:
    assert facts(abstract, title).study_design == design


@pytest.mark.parametrize(
    ("title", "abstract", "size"),
    [
        (
            "Myelitis with brucellosis",
            "INTRODUCTION: Infections can mimic NMOSD. Case report. We describe a case of "
            "longitudinal myelitis caused by Brucella in a farmer. CONCLUSION: Exclude "
            "infections first.",
            1,
        ),
        (
            "Myelitis and a virus",
            "BACKGROUND: Complications are recognised. CASE: We report a novel case of myelitis "
            "after infection. The patient recovered fully.",
            1,
        ),
        (
            "Lupus in a patient with MS",
            "We present a patient with MS who developed lupus and discuss how the two diseases "
            "interact.",
            1,
        ),
        (
            "Optic neuritis after vaccination",
            "We described eight patients who developed optic neuritis within 4 weeks of a "
            "vaccine. Six recovered fully.",
            8,
        ),
    ],
)
def test_case_reports_and_series(title: str, abstract: str, size: int) -> None:
    got = facts(abstract, title)
    assert got.study_design == "case_report_or_series"
    assert got.sample_size.total == size
    assert got.has_control_group is False
    assert got.limitations.observational is True


def test_a_commentary_is_graded_as_expert_opinion() -> None:
    got = facts(
        "In this commentary we argue that early high-efficacy treatment should be the default, "
        "and we outline the evidence from recent trials.",
        "Treat early and hard? A commentary",
    )
    assert got.evidence.label == "expert review or opinion"
    assert got.evidence.level == 1
    assert any("commentary" in note for note in got.notes)


def test_reviewing_our_own_patients_is_a_study_not_a_review() -> None:
    got = facts(
        "We review our experience with 45 patients treated with natalizumab at our centre over "
        "10 years. Two developed PML.",
        "Natalizumab at one centre",
    )
    assert got.study_design == "cohort"
    assert got.sample_size.total == 45
    assert got.evidence.label == "observational study"
