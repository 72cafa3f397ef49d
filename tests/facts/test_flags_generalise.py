"""Comparison groups, follow-up lengths and sites stated the ways unseen abstracts state them.

Every abstract here is written for these tests (fictional).
"""

from __future__ import annotations

import pytest

from tests.facts.builders import facts


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        # people without the disease are the comparison group
        (
            "Balance in older adults",
            "METHODS: A total of 120 adults aged 60 and over, with and without MS, completed a "
            "balance scale. RESULTS: Scores were lower in people with MS.",
            True,
        ),
        (
            "Gait in mild MS",
            "METHODS: Twenty healthy individuals and 35 PwMS walked on an instrumented walkway.",
            True,
        ),
        # active comparators in an observational cohort
        (
            "Costs after starting oral or injectable therapies",
            "METHODS: This retrospective analysis used a commercial claims database. A total of "
            "2,900 adults starting teriflunomide (n = 1,100) or an injectable (n = 1,800) were "
            "included, and costs were compared between groups.",
            True,
        ),
        # subgroups of one case series are not a control group
        (
            "Second-line therapies in NMOSD: a case series",
            "We describe a series of 9 patients with NMOSD. Five were switched to rituximab and "
            "four to tocilizumab; relapses fell in both groups.",
            False,
        ),
        # one group followed over years
        (
            "Atrophy in early MS",
            "METHODS: Fifty patients with RRMS underwent annual MRI examinations over 5 years.",
            False,
        ),
    ],
)
def test_has_control_group(title: str, abstract: str, expected: bool | None) -> None:
    assert facts(abstract, title).has_control_group is expected


@pytest.mark.parametrize(
    ("abstract", "text", "short"),
    [
        (
            "METHODS: Eighty children with a first demyelinating event were enrolled in a "
            "prospective cohort and followed up after 8 years.",
            "8 years",
            False,
        ),
        (
            "METHODS: In this retrospective cohort study, 180 patients who switched therapy were "
            "followed for a medium period of 3 years.",
            "3 years",
            False,
        ),
        (
            "METHODS: In this pilot study, walking and cognition were recorded before the "
            "implant and 6 weeks post implantation in 20 people with MS.",
            "6 weeks",
            True,
        ),
        (
            "METHODS: In this prospective cohort study, 30 patients starting the drug were "
            "assessed at baseline and at 1 and 3 months after initiation.",
            "3 months",
            True,
        ),
    ],
)
def test_follow_up_lengths(abstract: str, text: str, short: bool) -> None:
    got = facts(abstract)
    assert got.duration is not None
    assert got.duration.text == text
    assert got.limitations.short_follow_up is short


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a named clinic, in the aim at the end of the background
        (
            "BACKGROUND: Diet may matter in MS. The present study aimed to compare diets in "
            "patients referred to the MS Clinic in Ferrara. METHODS: In this case-control study "
            "90 patients and 90 controls completed a food questionnaire.",
            True,
        ),
        # a centre named with capitals, no verb needed
        (
            "METHODS: Patients were retrieved from the cohort of the Reference Centre for Rare "
            "Inflammatory Diseases. In this cohort study 64 patients were followed for 2 years.",
            True,
        ),
        # the authors' own clinic
        (
            "METHODS: In this prospective cohort study, forty patients starting the drug at our "
            "clinic were assessed with a walking test over 6 months.",
            True,
        ),
        # nationwide sources
        (
            "METHODS: We identified 9,400 people with MS in a population-based national registry "
            "and followed them for a median of 7 years.",
            False,
        ),
        (
            "METHODS: This retrospective cohort study used a US commercial claims database of "
            "3,100 adults with MS followed for 12 months.",
            False,
        ),
    ],
)
def test_single_site(abstract: str, expected: bool) -> None:
    assert facts(abstract).limitations.single_site is expected


def test_people_observed_over_years_are_a_cohort() -> None:
    got = facts(
        "METHODS: Patients who stopped natalizumab were observed for relapses over three years. "
        "RESULTS: Of 120 patients, 30 relapsed."
    )
    assert got.study_design == "cohort"
    assert got.duration is not None
    assert got.duration.text == "three years"


def test_each_period_of_a_crossover_is_its_length() -> None:
    got = facts(
        "METHODS: In this double-blind crossover trial, 20 participants received the spray and "
        "a placebo spray in random order, each for 3 weeks.",
        "A crossover trial",
    )
    assert got.duration is not None
    assert got.duration.text == "3 weeks"
    assert got.limitations.short_follow_up is True


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "METHODS: We reviewed the records of 210 patients with NMOSD seen at Northgate "
            "General Hospital between 2012 and 2022.",
            True,
        ),
        (
            "METHODS: A web-based survey was sent to members of four national neurology "
            "societies. RESULTS: In total, 180 neurologists completed it.",
            False,
        ),
    ],
)
def test_named_centres_and_national_societies(abstract: str, expected: bool) -> None:
    assert facts(abstract).limitations.single_site is expected


def test_two_groups_of_animals_are_a_comparison() -> None:
    got = facts(
        "Here we profiled T cells in young and aged mice and found clonal expansion with age.",
        "T cells in the ageing mouse brain",
    )
    assert got.study_design == "animal_or_lab"
    assert got.has_control_group is True


def test_measurements_every_few_months_follow_a_cohort() -> None:
    got = facts(
        "METHODS: Serum NfL was measured every 3 months for 2 years in 31 patients starting "
        "alemtuzumab.",
        "Serum NfL after alemtuzumab",
    )
    assert got.study_design == "cohort"
    assert got.duration is not None
    assert got.duration.text == "2 years"


@pytest.mark.parametrize(
    "abstract",
    [
        "METHODS: Serum from 26 people with MS and 14 healthy controls was studied. Follow-up "
        "samples were drawn from 11 patients at 1 and 2 months after starting a new therapy.",
        "METHODS: We compared 30 patients with NMOSD and 30 matched controls. Repeat scans were "
        "done in 12 patients at 6 and 10 weeks.",
    ],
)
def test_people_seen_again_at_stated_times_give_a_follow_up(abstract: str) -> None:
    result = facts(abstract)
    assert result.study_design == "case_control"
    assert result.limitations.short_follow_up is True


@pytest.mark.parametrize(
    "abstract",
    [
        "METHODS: Data came from the population-based Finnish MS registry for 2004-2019.",
        "METHODS: We used the Italian MS Register to identify patients starting a therapy.",
        "METHODS: Patients were drawn from the Czech national quality registry of MS.",
    ],
)
def test_a_registry_named_for_a_country_is_not_one_site(abstract: str) -> None:
    assert facts(abstract + " RESULTS: Relapses became rarer.").limitations.single_site is False


@pytest.mark.parametrize(
    "abstract",
    [
        "METHODS: From a national registry, we studied hospital admissions of people with MS. "
        "RESULTS: Admissions were rarer in 2016-2020 compared with the period 2008-2012.",
        "METHODS: Registry data on relapses were compared before and after the introduction of "
        "a national treatment guideline.",
        "Infection rates in two calendar periods: a registry study",
    ],
)
def test_a_cohort_comparing_periods_has_a_comparison_group(abstract: str) -> None:
    if abstract.endswith("study"):
        result = facts("METHODS: We used the national MS registry of 2000-2020.", abstract)
    else:
        result = facts(abstract)
    assert result.study_design == "cohort"
    assert result.has_control_group is True


def test_a_cohort_before_and_after_starting_a_drug_has_no_comparison_group() -> None:
    abstract = (
        "METHODS: From a claims database, we counted relapses in the year before and after "
        "starting ocrelizumab in 800 people with MS."
    )
    assert facts(abstract).has_control_group is False
