"""How long a study lasted, as stated and in days, and time phrases that are not its length."""

from __future__ import annotations

import pytest

from tests.facts.builders import facts

TRIAL = "An exercise trial in multiple sclerosis"


@pytest.mark.parametrize(
    ("abstract", "text", "days"),
    [
        ("METHODS: Patients trained for 12 weeks.", "12 weeks", 84.0),
        ("METHODS: This 6-month trial compared two diets.", "6 months", 182.6),
        ("METHODS: A 3-week HIIT programme was compared with moderate exercise.", "3 weeks", 21.0),
        ("METHODS: Patients were followed up for 12 months.", "12 months", 365.2),
        ("RESULTS: The median follow-up was 3.2 years (range 1-6).", "3.2 years", 1168.8),
        ("RESULTS: Over a median follow-up of 18 months, three patients relapsed.", "18 months",
         547.9),
        ("METHODS: Data were collected at baseline, 6 and 12 months later.", "12 months", 365.2),
        ("METHODS: Outcomes were assessed at baseline, 8 weeks and 6 months.", "6 months", 182.6),
        ("METHODS: People took part in 8 sessions over 4 weeks.", "4 weeks", 28.0),
        ("METHODS: Participants attended six weekly group sessions.", "six weeks", 42.0),
        ("METHODS: Mice were fed cuprizone for twelve weeks.", "twelve weeks", 84.0),
        ("RESULTS: Over 96 weeks there was no difference between groups.", "96 weeks", 672.0),
        ("METHODS: Scores were recorded daily until day 35.", "35 days", 35.0),
        ("METHODS: Participants were reassessed one month after the intervention.", "one month",
         30.4),
    ],
)  # fmt: skip
def test_stated_lengths(abstract: str, text: str, days: float) -> None:
    duration = facts(abstract, TRIAL).duration
    assert duration is not None
    assert duration.text == text
    assert duration.days == days
    assert duration.span is not None


def test_the_longest_stated_length_is_the_study_length() -> None:
    got = facts(
        "METHODS: Participants trained for 12 weeks and were followed for 12 months.", TRIAL
    )
    assert got.duration is not None and got.duration.text == "12 months"
    assert got.limitations.short_follow_up is False


@pytest.mark.parametrize(
    "abstract",
    [
        "METHODS: Patients aged 18-60 years with relapses in the past 12 months took part.",
        "METHODS: Adults within ten years of symptom onset, untreated for the previous six "
        "months, were included.",
        "RESULTS: Menses returned after a mean time of 6.8 months in 30 women.",
        "METHODS: Patients were randomised over 12 months; 25 took part.",
        "RESULTS: Neurofilament light had slightly decreased at day 21 (p = 0.02).",
        "METHODS: The primary outcome was 3-month confirmed disability progression.",
        "METHODS: We conducted the study between 2016 and 2020 and from January 2018 to May 2019.",
        "METHODS: Pneumonia before age 20 years was recorded.",
    ],
)
def test_ages_windows_results_and_time_points_are_not_durations(abstract: str) -> None:
    got = facts(abstract, TRIAL)
    assert got.duration is None
    assert got.limitations.short_follow_up is None


def test_cross_sectional_studies_have_no_follow_up() -> None:
    got = facts(
        "In this cross-sectional study, adults attending one MS clinic over 9 months completed "
        "questionnaires. Of 251 people approached, 214 took part.",
        "Pain and sleep in MS",
    )
    assert got.study_design == "cross_sectional"
    assert got.duration is None


def test_case_reports_keep_only_an_explicit_follow_up() -> None:
    got = facts(
        "We describe a 52-year-old woman treated with natalizumab for 6 years who presented with "
        "2 weeks of weakness. The lesion shrank 8 weeks later. At the last follow-up, 18 months "
        "after diagnosis, she was stable.",
        "A case report",
    )
    assert got.duration is not None and got.duration.text == "18 months"


@pytest.mark.parametrize(
    ("abstract", "short"),
    [
        ("METHODS: Patients trained for 12 weeks.", True),
        ("METHODS: Patients trained for 24 weeks.", True),
        ("METHODS: Patients trained for 26 weeks.", False),
        ("METHODS: Patients were treated for 6 months.", False),
        ("METHODS: The randomized controlled period was 28 weeks.", False),
    ],
)
def test_short_follow_up_means_under_six_months(abstract: str, short: bool) -> None:
    assert facts(abstract, TRIAL).limitations.short_follow_up is short
