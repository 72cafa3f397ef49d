"""How many people took part: every way abstracts state it, and numbers that are not it."""

from __future__ import annotations

import pytest

from tests.facts.builders import facts, size

RCT = "A randomised controlled trial in multiple sclerosis"


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # plain totals
        ("METHODS: We enrolled 120 patients with relapsing MS.", 120),
        ("METHODS: A total of 86 people with MS took part in the study.", 86),
        ("METHODS: In total, 1,204 patients from the registry were included.", 1204),
        ("METHODS: Data from 12,345 patients in a nationwide registry were analysed.", 12345),
        ("RESULTS: There were 6109 cases and 49 479 controls included.", 55588),
        # numbers written as words
        ("METHODS: Twenty-five patients were randomized to either drug or placebo.", 25),
        ("METHODS: Forty five ataxic PwMS were randomly assigned into three groups.", 45),
        ("One hundred and twenty patients with MS received the drug for 2 weeks.", 120),
        # N = and n =
        ("METHODS: Adults (N = 230) with NMOSD were randomized to drug or placebo.", 230),
        ("METHODS: PwMS (n = 186) were assessed at baseline and after 12 months.", 186),
        ("METHODS: Participants in the substudy (N=129) received a shorter infusion.", 129),
    ],
)
def test_stated_totals(abstract: str, expected: int) -> None:
    assert size(abstract) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        ("METHODS: Patients were randomised to exercise (n = 62) or usual care (n = 60).", 122),
        ("METHODS: The trial had an intervention group (n = 12) and a control group (n = 14).", 26),
        ("METHODS: People with MS were randomly assigned (n = 12 and n = 14) to two arms.", 26),
        ("RESULTS: 62 vs 60 patients were randomised to training or stretching.", 122),
        ("METHODS: A blinded trial with three parallel arms (n=12/arm) was run.", 36),
        ("METHODS: Participants were assigned to view a film (n = 130) or not (n = 106).", 236),
    ],
)
def test_arms_add_up(abstract: str, expected: int) -> None:
    assert size(abstract, RCT) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        ("METHODS: We studied 45 patients with RRMS and 40 healthy controls.", 85),
        ("METHODS: 28 patients with RRMS and 16 age- and sex-matched healthy controls (HC).", 44),
        (
            "METHODS: We recruited 35 MOGAD, 38 AQP4+ NMOSD, 37 multiple sclerosis (MS) and "
            "60 healthy controls (HC) who underwent brain MRI.",
            170,
        ),
        (
            "METHODS: Sixteen patients with SPMS started treatment. Four healthy volunteers "
            "gave cerebrospinal fluid at baseline.",
            20,
        ),
        ("METHODS: Using two case-control studies (6985 cases, 6569 controls), we compared risks.",
         13554),
        ("METHODS: Cases were matched with 10 population controls. RESULTS: We included 300 "
         "cases and 3000 controls.", 3300),
    ],
)  # fmt: skip
def test_cases_and_controls_all_count(abstract: str, expected: int) -> None:
    assert size(abstract) == expected


@pytest.mark.parametrize(
    ("abstract", "expected", "completers"),
    [
        ("RESULTS: 96 were randomised; 81 completed the trial.", 96, 81),
        ("RESULTS: Of 250 patients screened, 180 were randomised and 161 completed.", 180, 161),
        (
            "RESULTS: Seventy-two patients were included. Forty-two (58.3%) reached the end of "
            "the study.",
            72,
            42,
        ),
        ("RESULTS: Thirty participants were randomised (15 per group); 24 completed.", 30, 24),
    ],
)
def test_randomised_wins_over_completers(abstract: str, expected: int, completers: int) -> None:
    detail = facts(abstract, RCT).sample_size
    assert detail.total == expected
    assert detail.completers == completers


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        ("RESULTS: From 764 eligible women, 496 (65%) responded to the questionnaire.", 496),
        ("RESULTS: Of 1,500 members invited, 612 returned the questionnaire (41%).", 612),
        ("RESULTS: Of 1626 patients, most had laboratory-confirmed infection (1345 [82.7%]).",
         1626),
        ("RESULTS: Among 256 participants, 80.9% were willing to be vaccinated.", 256),
        ("RESULTS: Out of 43 women, 30 (70%) recovered menses.", 43),
        ("RESULTS: Forty-one people enrolled (mean age 70.2 years, SD 4.1; 26 women).", 41),
        ("RESULTS: A total of 2,624 participants, including 1,234 with MS and 1,390 with SCI.",
         2624),
        ("RESULTS: Of 301 participants (214 women), 104 (34.6%) had cognitive impairment.", 301),
    ],
)  # fmt: skip
def test_parts_and_pools_are_not_the_total(abstract: str, expected: int) -> None:
    assert size(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        "METHODS: Adults aged 18-60 years with MS and an EDSS of 6 were eligible.",
        "METHODS: We analysed 13,718 EDSS measurements from the cohort.",
        "METHODS: Patients received 300 mg of the drug on days 1 and 15.",
        "RESULTS: 25% of patients relapsed (p = 0.04; OR 2.00, 95% CI 1.22 to 3.27).",
        "METHODS: We conducted a cohort study between 2016 and 2020 in patients older than 50.",
        "METHODS: MRI scans were repeated in 120 sessions at 3 T over 24 months.",
        "RESULTS: A 78-year-old man presented with 2 weeks of visual loss.",
        "METHODS: Patients were recruited from one tertiary MS clinic and three MS centres.",
        "BACKGROUND: MS affects 2.8 million people worldwide. METHODS: We reviewed the data.",
    ],
)
def test_ages_years_doses_scores_and_things_are_never_counts(abstract: str) -> None:
    got = facts(abstract)
    assert got.sample_size.total in (None, 1)
    if got.sample_size.total is None:
        assert got.sample_size.reason


def test_review_counts_participants_of_included_studies_and_studies_apart() -> None:
    got = facts(
        "We searched MEDLINE and Embase. Fourteen RCTs (n = 1,842) met the inclusion criteria. "
        "One study (n = 20) was small.",
        "Cognitive rehabilitation: a systematic review and meta-analysis",
    )
    assert got.study_design == "meta_analysis"
    assert got.sample_size.total == 1842
    assert got.sample_size.studies == 14


def test_review_without_a_participant_total_is_null_with_the_study_count() -> None:
    got = facts(
        "We systematically searched MEDLINE. We included 23 studies: 8 randomised trials and "
        "15 cohort studies. Results were mixed.",
        "Diet and multiple sclerosis: a systematic review",
    )
    assert got.sample_size.total is None
    assert got.sample_size.studies == 23
    assert "review" in (got.sample_size.reason or "")


def test_animal_work_has_no_participants() -> None:
    got = facts(
        "Female C57BL/6 mice (n = 12 per group) with experimental autoimmune encephalomyelitis "
        "received the drug or vehicle for 14 days.",
        "A new drug in a mouse model of multiple sclerosis",
    )
    assert got.study_design == "animal_or_lab"
    assert got.sample_size.total is None
    assert "animal" in (got.sample_size.reason or "")


def test_case_report_without_a_number_describes_one_person() -> None:
    got = facts(
        "We describe a 34-year-old woman with relapsing MS who developed a rash after "
        "starting treatment. The rash resolved.",
        "Skin reaction to a new treatment: a case report",
    )
    assert got.study_design == "case_report_or_series"
    assert got.sample_size.total == 1


def test_case_series_counts_its_patients() -> None:
    assert (
        size("Here we report three cases of MOGAD after switching treatment.", "Case series") == 3
    )


def test_groups_and_span_point_back_to_the_text() -> None:
    got = facts("METHODS: We studied 45 patients with RRMS and 40 healthy controls.")
    detail = got.sample_size
    assert [g.count for g in detail.groups] == [45, 40]
    assert detail.healthy_controls == 40
    assert detail.span is not None
    text = got.sample_size.span
    assert text is not None and "45 patients" in text.text


@pytest.mark.parametrize(
    ("abstract", "total", "studies"),
    [
        ("We identified five randomised, placebo-controlled studies involving 512 participants "
         "with MS. Adverse events were more common with the drug.", 512, 5),
        ("We screened 3,200 records, obtained full texts for 41 studies and included 9 trials "
         "with 388 participants.", 388, 9),
        ("Seventeen studies (2,210 participants) compared the drug with placebo.", 2210, 17),
        ("We included 11 studies in total: among them, only one study reported relapses "
         "(1 RCT, n = 24, RR 0.5).", None, 11),
    ],
)  # fmt: skip
def test_review_results_sections(abstract: str, total: int | None, studies: int) -> None:
    got = facts(abstract, "A Cochrane review")
    assert got.study_design in {"systematic_review", "meta_analysis"}
    assert got.sample_size.total == total
    assert got.sample_size.studies == studies
