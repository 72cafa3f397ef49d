"""Population phrases: who took part and how they were chosen, in the abstract's words."""

from __future__ import annotations

import pytest

from tests.facts.builders import facts


def population(abstract: str, title: str = "A study in multiple sclerosis") -> str | None:
    got = facts(abstract, title).population
    return got.text if got else None


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "METHODS: Adults aged 20-60 years with MS and an EDSS score of 1.0-6.0 who could "
            "climb one flight of stairs were randomly assigned to rowing or stretching.",
            "Adults aged 20-60 years with MS and an EDSS score of 1.0-6.0 who could climb one "
            "flight of stairs",
        ),
        (
            "METHODS: Women with relapsing multiple sclerosis (RMS) who were breastfeeding "
            "were recruited at three clinics.",
            "Women with relapsing MS who were breastfeeding",
        ),
        (
            "METHODS: We enrolled 52 people with secondary progressive MS (median age 57 "
            "years; range 41-70) and 30 healthy controls.",
            "people with secondary progressive MS and healthy controls",
        ),
        (
            "METHODS: Newly diagnosed adults with MS, an EDSS below 4 and no previous "
            "treatment completed a questionnaire.",
            "Newly diagnosed adults with MS, an EDSS below 4 and no previous treatment",
        ),
        (
            "We describe a 41-year-old man with no history of migraine who presented with "
            "3 days of double vision.",
            "41-year-old man with no history of migraine",
        ),
    ],
)
def test_population_keeps_the_selection(abstract: str, expected: str) -> None:
    assert population(abstract) == expected


def test_methods_beat_background_and_results() -> None:
    text = (
        "BACKGROUND: Many people with MS report poor sleep.\n"
        "METHODS: Adults with MS and insomnia aged 30-70 years took part in a 6-week "
        "sleep programme.\n"
        "RESULTS: Patients had fewer awakenings (p = 0.01)."
    )
    assert population(text) == "Adults with MS and insomnia aged 30-70 years"


def test_what_was_done_to_the_people_is_cut_off() -> None:
    got = population(
        "METHODS: Forty participants with MS-related fatigue were randomised to a "
        "cooling vest or a sham vest."
    )
    assert got == "participants with MS-related fatigue"


def test_abbreviations_are_written_out_from_the_paper() -> None:
    got = population(
        "BACKGROUND: Bladder retention (BR) is common in MS.\n"
        "METHODS: Adult women with MS and BR attended a urology clinic."
    )
    assert got == "Adult women with MS and bladder retention"


def test_animals_for_lab_work() -> None:
    got = population(
        "Exercise may help people with MS. We fed 10-week-old female C57BL/6 mice a "
        "cuprizone diet for 6 weeks; mice with a running wheel remyelinated faster.",
        "Running and remyelination in mice",
    )
    assert got == "10-week-old female C57BL/6 mice"


def test_no_people_named_gives_none() -> None:
    assert population("METHODS: Serum samples were assayed for neurofilament light.") is None


@pytest.mark.parametrize(
    "abstract",
    [
        "METHODS: We followed 300 people with MS for 2 years and recorded their falls.",
        "METHODS: An online survey asked 400 people with MS about flu vaccination.",
    ],
)
def test_how_long_or_about_what_is_not_who_took_part(abstract: str) -> None:
    """ "A study of 300 people with MS for 2 years and recorded falls" misread the people."""
    assert population(abstract) == "people with MS"
