"""The study's own people win: over counts from the literature, later subsets, breakdowns.

Every text here is written for these tests (fictional). Each group states the same thing in
several ways that real abstracts use, so that a rule has to cover the kind, not one phrase.
"""

from __future__ import annotations

import pytest

from tests.facts.builders import facts, size

CASE_TITLE = "A rare complication of natalizumab"


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # "in literature" without the article
        (
            "Here we describe three patients with MS who developed herpes retinitis on "
            "natalizumab. A total of 15 cases are reported in literature.",
            3,
        ),
        # published cases, as a modifier of the noun
        (
            "We report two women with NMOSD and renal failure. Only eight published cases of "
            "this combination exist.",
            2,
        ),
        # previously described
        (
            "We describe four children with MOG antibodies and encephalitis. Nineteen similar "
            "children were previously described.",
            4,
        ),
        # reported so far
        (
            "This report describes a man with MS and narcolepsy after a brainstem relapse. A "
            "total of 22 such patients have been reported so far.",
            1,
        ),
        # a sentence that opens on the literature, with the count in the next clause
        (
            "We present two adults with tumefactive MS. In the published literature to date, "
            "41 patients with a similar course have been found.",
            2,
        ),
        # worldwide and globally, opening the sentence or after the verb
        (
            "Here we present two people with MS and cryptococcal meningitis on fingolimod. "
            "Worldwide, 30 cases are known to the manufacturer.",
            2,
        ),
        (
            "We describe five patients with PML after rituximab. Around 60 cases are listed "
            "globally, most in lymphoma.",
            5,
        ),
        # other people's reports, a literature search, a bibliographic database
        (
            "We present a woman with NMOSD and myasthenia. Previous reports describe 26 patients "
            "with both conditions.",
            1,
        ),
        (
            "We report a 52-year-old man with MS and PML. A review of the literature identified "
            "31 additional cases.",
            1,
        ),
        (
            "We describe two men with MS and listeria meningitis. We identified 17 further cases "
            "through a PubMed search.",
            2,
        ),
        # the literature in the same sentence as the authors' own patient
        (
            "We describe a patient with MS and sarcoidosis; 12 such patients are described in "
            "the medical literature.",
            1,
        ),
    ],
)
def test_literature_counts_never_beat_the_authors_own_patients(
    abstract: str, expected: int
) -> None:
    result = facts(abstract, CASE_TITLE)
    assert result.study_design == "case_report_or_series"
    assert result.sample_size.total == expected


@pytest.mark.parametrize(
    "abstract",
    [
        "We describe four adults who relapsed after stopping fingolimod.",
        "Here we present two people with MS who developed PML.",
        "This report describes a woman with NMOSD and lupus.",
        "We report three siblings with early-onset MS.",
    ],
)
def test_authors_describing_their_patients_is_a_case_report(abstract: str) -> None:
    assert facts(abstract, CASE_TITLE).study_design == "case_report_or_series"


@pytest.mark.parametrize(
    "abstract",
    [
        "METHODS: We present a new scoring tool for patients with MS and test it in 120 "
        "people with MS.",
        "We describe a framework for people with MS to plan exercise, tested with 45 users.",
    ],
)
def test_presenting_a_tool_for_patients_is_not_a_case_report(abstract: str) -> None:
    assert facts(abstract).study_design != "case_report_or_series"


def test_literature_in_a_comparison_clause_stays_the_study() -> None:
    abstract = (
        "METHODS: We followed 120 patients with RRMS for two years. RESULTS: As in the "
        "literature, 60 of the 120 patients relapsed."
    )
    assert size(abstract) == 120


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "Usability sessions were held with 16 people with MS in two countries. Three "
            "participants took part in further testing after the app was released.",
            16,
        ),
        (
            "METHODS: We recruited 40 adults with RRMS and timed their walking. A subgroup of "
            "20 underwent MRI.",
            40,
        ),
        (
            "METHODS: Sixty patients were included and completed a sleep diary. Twelve "
            "participants also wore an actigraph for a week.",
            60,
        ),
        (
            "METHODS: Serum from 30 people with MS and 25 healthy controls was analysed. In 12 "
            "patients, repeat samples were taken three months later.",
            55,
        ),
        (
            "METHODS: In this feasibility study, 24 people with MS used the app for six weeks. "
            "Ten participants additionally took part in exit interviews.",
            24,
        ),
        (
            "METHODS: Interviews were conducted with 21 carers. Five carers went on to join a "
            "second round of interviews a year later.",
            21,
        ),
    ],
)
def test_a_later_subset_doing_more_does_not_replace_the_enrolment(
    abstract: str, expected: int
) -> None:
    assert size(abstract) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # the randomised number stays, even when a part of it does more
        (
            "METHODS: Of 300 people screened, 120 were randomised to yoga or waiting list. "
            "Forty were also randomised to a booster session.",
            120,
        ),
        # people only invited are never the total
        (
            "METHODS: Of 500 people invited, 210 took part, and 60 of them also completed a "
            "follow-up interview.",
            210,
        ),
    ],
)
def test_the_extra_step_rule_keeps_what_outranks_it(abstract: str, expected: int) -> None:
    assert size(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        # a stated total, then studies per condition in brackets (one of them MS)
        "Eighteen trials met the inclusion criteria, with a total of 1,020 participants, "
        "including trials in stroke (n = 8), multiple sclerosis (n = 6) and ALS (n = 4).",
        # the total said with "totalling", the MS part said as a subgroup of trials
        "RESULTS: Fifteen RCTs totalling 1,020 participants were pooled; of these, five trials "
        "(n = 240) enrolled people with MS.",
        # a total without the word "total", then a per-condition list
        "RESULTS: We included 12 studies with 1,020 participants: multiple sclerosis (n = 5), "
        "epilepsy (n = 4) and migraine (n = 3).",
        # per-design breakdown in the next sentence
        "Eleven studies were eligible, comprising 1,020 people with NMOSD or MS. Designs were "
        "cohort (n = 6), case-control (n = 3) and cross-sectional (n = 2).",
    ],
)
def test_a_reviews_total_beats_its_breakdowns(abstract: str) -> None:
    title = "Interventions in chronic neurological conditions: a systematic review"
    result = facts(abstract, title)
    assert result.study_design in {"systematic_review", "meta_analysis"}
    assert result.sample_size.total == 1020


@pytest.mark.parametrize(
    "abstract",
    [
        "METHODS: We measured 60 proteins in 150 individual plasma samples and 40 control "
        "brains from donors with and without MS.",
        "METHODS: Cytokines were measured in 210 patient sera and 45 pooled CSF samples.",
    ],
)
def test_counts_of_samples_named_with_a_person_word_are_not_people(abstract: str) -> None:
    result = facts(abstract)
    assert result.sample_size.total is None
    assert result.limitations.small_sample is None


def test_a_group_named_as_the_others_relatives_counts() -> None:
    abstract = (
        "METHODS: In this cross-sectional study, 70 people with MS and 48 of their partners "
        "completed questionnaires on sleep."
    )
    assert size(abstract) == 118


def test_adult_mice_are_animals() -> None:
    abstract = "METHODS: Twelve adult mice were immunised to induce EAE and treated with a drug."
    result = facts(abstract)
    assert result.study_design == "animal_or_lab"
    assert result.sample_size.total is None


def test_a_case_series_with_a_literature_review_is_a_case_series() -> None:
    abstract = (
        "We describe three patients with MS who developed psoriasis on an anti-CD20 drug, and "
        "systematically searched PubMed for similar reports. The literature search identified "
        "11 further cases."
    )
    result = facts(abstract, "Psoriasis under anti-CD20 therapy: case series and review")
    assert result.study_design == "case_report_or_series"
    assert result.sample_size.total == 3


def test_a_systematic_review_of_published_cases_stays_a_review() -> None:
    abstract = (
        "METHODS: We systematically searched PubMed and Embase for case reports of PML under "
        "dimethyl fumarate. RESULTS: We included 28 case reports describing 31 patients."
    )
    assert facts(abstract, "PML under dimethyl fumarate").study_design == "systematic_review"


def test_people_who_completed_a_survey_before_a_purposive_interview_sample() -> None:
    abstract = (
        "METHODS: An online survey was completed by 250 people with MS. Eight respondents were "
        "purposively selected for in-depth interviews."
    )
    assert size(abstract) == 250
