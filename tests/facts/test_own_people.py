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
