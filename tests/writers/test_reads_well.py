"""What a person with MS would notice reads badly, on short abstracts written for these tests.

Each test builds a made-up abstract with the shape that once gave a garbled or empty
sentence, runs the facts and the writer on it, and checks that the summary now says
something plain and true, or says less.
"""

from __future__ import annotations

import dataclasses

from msdigest.paper import Paper
from msdigest.summary import LaySummary
from tests.writers import builders


def _all_text(summary: LaySummary) -> str:
    return " ".join(s.text for s in summary.sentences)


def _three_arm_trial() -> Paper:
    return builders.paper(
        "rw-1",
        "Tolerability of fenoprazine and lutridone in progressive multiple sclerosis: "
        "a randomised, placebo-controlled trial",
        [
            ("OBJECTIVE", "We tested whether fenoprazine and lutridone suit progressive MS."),
            (
                "METHODS",
                "Participants with progressive MS (n=12/arm) were randomised to "
                "fenoprazine (10 mg/day), lutridone (2.5 mg/day) or placebo for 6 months. "
                "The primary outcome was tolerability.",
            ),
            (
                "RESULTS",
                "An interim analysis (n=9) revealed significant differences in the "
                "time-on-trial between treatment groups and placebo (p=0.030 and 0.025) with "
                "all participants receiving fenoprazine being withdrawn during the titration "
                "period (mean dose=35±15 mg/day).",
            ),
            (
                "CONCLUSIONS",
                "The results suggest that patients with progressive MS may experience "
                "increased sensitivity to fenoprazine and lutridone.",
            ),
        ],
    )


def test_a_second_drug_named_between_treatment_and_placebo_is_told_as_another_group() -> None:
    summary = builders.summarize(_three_arm_trial())
    text = _all_text(summary)
    assert "lutridone" in summary.headline
    assert "group" in text.split("called lutridone")[0].rsplit(".", 1)[-1]
    assert "something called lutridone" not in text


def _without_conclusions(paper: Paper) -> Paper:
    return dataclasses.replace(
        paper, abstract=tuple(s for s in paper.abstract if s.label != "CONCLUSIONS")
    )


def test_a_result_on_a_coined_word_the_glossary_only_partly_matches_is_not_told() -> None:
    # "trial" inside "time-on-trial" does not explain it to a reader.
    text = _all_text(builders.summarize(_without_conclusions(_three_arm_trial())))
    assert "time-on-trial" not in text
    assert "tolerability got worse" not in text


def test_what_was_measured_is_never_told_as_a_finding() -> None:
    summary = builders.summarize(_without_conclusions(_three_arm_trial()))
    assert "measure" not in summary.headline
    assert "concluded that the main measure" not in summary.study


def test_a_rare_name_is_introduced_with_the_kind_of_thing_it_names() -> None:
    paper = builders.paper(
        "rw-1",
        "Can double vision be reduced by telerehabilitation in a multiple sclerosis patient? "
        "A case report",
        [
            (
                "",
                "Clinic visits were hard for people with chronic illness during the pandemic. "
                "In this study, we aimed to show the effect of Brandtmoller-Vesic exercises "
                "applied through telerehabilitation on vision in a patient with double vision "
                "due to multiple sclerosis (MS). In addition, the patient verbally stated that "
                "his balance increased after Brandtmoller-Vesic exercises.",
            )
        ],
    )
    summary = builders.summarize(paper)
    assert "Brandtmoller-Vesic" in summary.headline
    assert "called Brandtmoller-Vesic exercises" in summary.study


def test_a_trait_and_a_treatment_in_the_title_never_read_as_one_treatment() -> None:
    paper = builders.paper(
        "rw-1",
        "Flu vaccine response in clinical practice: the role of age and DMT treatment",
        [
            (
                "",
                "Flu vaccination is advised for people with MS. We aimed to assess whether "
                "older age and DMT changed the response to the vaccine. We conducted a cohort "
                "study between 2016 and 2020 and compared the immune response to flu vaccine "
                "in MS patients under different DMTs. We found that patients under oral DMT "
                "presented lower antibody levels comparing to patients without treatment.",
            )
        ],
    )
    text = _all_text(builders.summarize(paper))
    assert "an age and" not in text
    assert "age and disease-modifying treatment" not in text


def test_how_the_study_was_run_is_never_told_as_the_authors_conclusion() -> None:
    paper = builders.paper(
        "rw-1",
        "Sleep quality in people with multiple sclerosis",
        [
            (
                "",
                "Poor sleep is common in MS. We ran a cohort study of people with MS who "
                "wore a sleep tracker. People with more fatigue slept fewer hours.",
            )
        ],
    )
    summary = builders.summarize(paper)
    assert "concluded that the researchers ran" not in summary.study
    assert "suggests that the researchers ran" not in summary.headline


def _mindfulness_codesign() -> Paper:
    return builders.paper(
        "rw-1",
        "Development of a Web-Based Mindfulness Course for People With Multiple Sclerosis: "
        "Qualitative Co-Design Study",
        [
            ("OBJECTIVE", "This study aims to develop an online mindfulness course for MS."),
            (
                "METHODS",
                "We co-designed a web-based mindfulness course with people with multiple "
                "sclerosis (N=21) in interviews and focus groups.",
            ),
            (
                "RESULTS",
                "We identified two main themes: worry about the future and feeling alone. "
                "People who reviewed the program said it was relatable and acceptable.",
            ),
            (
                "CONCLUSIONS",
                "The web-based mindfulness course was viewed positively by end users.",
            ),
        ],
    )


def test_a_program_being_developed_is_named_without_the_aim_and_title_capitals() -> None:
    text = _all_text(builders.summarize(_mindfulness_codesign()))
    assert "development of" not in text.lower()
    assert "Web-Based" not in text


def test_the_carers_line_on_meals_needs_a_study_about_food_or_habits() -> None:
    summary = builders.summarize(_mindfulness_codesign())
    assert "Meals" not in summary.why_it_matters.caregivers
    assert "diet" not in _all_text(summary)


def test_a_verdict_without_an_outcome_is_not_the_headline() -> None:
    paper = builders.paper(
        "rw-1",
        "Step training for balance in multiple sclerosis: a randomized controlled trial",
        [
            (
                "METHODS",
                "Forty people with MS were randomly assigned to step training or usual care "
                "for 8 weeks.",
            ),
            ("RESULTS", "Balance scores changed in both groups (p<0.05, F=3.2, d=0.4)."),
            ("CONCLUSION", "Step training added to usual care seems to be a favorable approach."),
        ],
    )
    summary = builders.summarize(paper)
    assert "favorable approach" not in summary.headline
    assert "favorable approach" not in summary.study
