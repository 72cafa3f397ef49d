"""Reading the articles as a person with MS: wording that matches the study that was done.

Each test builds a short made-up abstract of the shape that once read badly (a case report
headlined as "a small study", a card-shuffling analogy for an interview study, "the others
control groups", "the exercises was") and checks the summary now reads plainly and truly.
"""

from __future__ import annotations

import dataclasses

from msdigest.facts import extract_facts
from msdigest.paper import Paper
from msdigest.summary import LaySummary
from msdigest.writers import write_summary
from msdigest.writers.grounded.phrasing import Phrasing, is_plural
from tests.writers import builders


def _text(summary: LaySummary, section: str | None = None, part: str | None = None) -> str:
    return " ".join(
        s.text
        for s in summary.sentences
        if (section is None or s.section == section) and (part is None or s.part == part)
    )


def _case_report() -> Paper:
    return builders.paper(
        "rp-1",
        "Tremor after a febrile illness in a man with multiple sclerosis: a case report",
        [
            ("BACKGROUND", "Tremor is a disabling symptom in multiple sclerosis."),
            (
                "CASE PRESENTATION",
                "We describe a 41-year-old man with relapsing-remitting MS who developed "
                "severe arm tremor after a febrile illness. The patient nevertheless kept "
                "working and his tremor eased over three months.",
            ),
            ("CONCLUSIONS", "Tremor after fever may ease without new treatment in MS."),
        ],
    )


def _case_series() -> Paper:
    return builders.paper(
        "rp-1",
        "Headache and seizures in five patients with MOG antibody disease: a case series",
        [
            (
                "METHODS",
                "We describe five patients with MOG antibody-associated disease seen at "
                "our centre.",
            ),
            (
                "RESULTS",
                "All five patients had headache and seizures, and four had fever.",
            ),
            (
                "CONCLUSIONS",
                "Headache with seizures may point to MOG antibody-associated disease.",
            ),
        ],
    )


def test_case_report_headline_names_a_case_report_not_a_small_study() -> None:
    headline = builders.summarize(_case_report()).headline
    assert "small study" not in headline
    assert "case report" in headline


def test_case_series_is_described_not_run() -> None:
    summary = builders.summarize(_case_series())
    assert "case series" in summary.headline or "a report on" in summary.headline
    assert "small study" not in summary.headline
    study = _text(summary, "study")
    assert "ran a case" not in study and "case report with" not in study
    assert "describes" in study


def test_a_contrast_that_points_back_is_dropped() -> None:
    # "The patient nevertheless kept working": the contrast leans on a sentence the
    # summary may not tell, so the fact is told without it.
    summary = builders.summarize(_case_report())
    assert "even so" not in summary.full_text.lower()
    assert "nevertheless" not in summary.full_text.lower()


def _interview_study() -> Paper:
    return builders.paper(
        "rp-1",
        "Views of a web-based relaxation program for multiple sclerosis: an interview study",
        [
            (
                "METHODS",
                "We developed a web-based relaxation program and carried out semi-structured "
                "interviews with 140 people with multiple sclerosis who had used it.",
            ),
            (
                "RESULTS",
                "People described the program as calming and easy to fit into the day.",
            ),
            (
                "CONCLUSIONS",
                "The program was viewed positively and should now be tested in a randomised "
                "controlled trial.",
            ),
        ],
    )


def test_interview_study_gets_no_randomisation_analogy() -> None:
    # The interviews are the design; "a randomised controlled trial" is only future work.
    paper = _interview_study()
    facts = dataclasses.replace(
        extract_facts(paper), study_design="qualitative", has_control_group=False
    )
    summary = write_summary(paper, facts)
    analogy = _text(summary, part="analogy").lower()
    assert analogy
    assert "shuffl" not in analogy and "coin" not in analogy and "random" not in analogy


def _snapshot_study() -> Paper:
    return builders.paper(
        "rp-1",
        "Pain and sleep in a clinic cohort with multiple sclerosis: a cross-sectional study",
        [
            (
                "METHODS",
                "In this cross-sectional study, 240 people with MS from a longitudinal "
                "cohort study completed pain and sleep ratings at one visit.",
            ),
            (
                "RESULTS",
                "Pain was common and was associated with poorer sleep quality.",
            ),
            ("CONCLUSIONS", "Pain is common in MS and is linked with poor sleep."),
        ],
    )


def test_snapshot_study_gets_no_cohort_analogy() -> None:
    analogy = _text(builders.summarize(_snapshot_study()), part="analogy").lower()
    assert analogy
    assert "cohort" not in analogy and "over years" not in analogy


def _counselling_trial() -> Paper:
    return builders.paper(
        "rp-1",
        "Group counselling and anxiety in women with multiple sclerosis: a randomized trial",
        [
            (
                "METHODS",
                "In this randomized controlled trial, 64 women with multiple sclerosis were "
                "randomly assigned to group counselling or control groups for eight weeks. "
                "The primary outcome was anxiety.",
            ),
            ("RESULTS", "Anxiety scores fell more with counselling than in the control groups."),
            ("CONCLUSIONS", "Group counselling may reduce anxiety in women with MS."),
        ],
    )


def test_a_comparison_that_names_only_the_control_group_is_not_told_as_a_treatment() -> None:
    text = builders.summarize(_counselling_trial()).full_text
    assert "the others control groups" not in text
    assert "or to control groups" not in text
    assert "the others were in a comparison group" in text


def test_a_plural_subject_takes_a_plural_verb() -> None:
    phrasing = Phrasing("agree")
    template = ("For carers, it helps to know how {it} was set up.",)
    assert phrasing.fill("a", template, {"it": "the exercises"}) == (
        "For carers, it helps to know how the exercises were set up."
    )
    assert Phrasing("agree").fill("a", template, {"it": "the programme"}) == (
        "For carers, it helps to know how the programme was set up."
    )
    # A placeholder that is not the subject of its clause keeps the verb.
    beyond = ("Whether any benefit lasts beyond {duration} is not yet known.",)
    assert "12 weeks is not" in (Phrasing("b").fill("b", beyond, {"duration": "12 weeks"}) or "")


def test_plural_heads_are_read_from_the_head_noun() -> None:
    assert is_plural("the exercises for balance")
    assert is_plural("group sessions with a therapist")
    assert not is_plural("multiple sclerosis")
    assert not is_plural("aerobics")
    assert not is_plural("a programme of exercises")
    assert not is_plural("EXB-301")


def test_next_steps_follow_from_the_design() -> None:
    # An interview study or a case report looks for no cause: "trials ... to show cause and
    # effect" or "confirm the link" does not follow from it.
    for paper in (_interview_study(), _case_report()):
        facts = extract_facts(paper)
        if "interview" in paper.title:
            facts = dataclasses.replace(facts, study_design="qualitative")
        keep = _text(write_summary(paper, facts), "keep_in_mind")
        assert keep
        assert "confirm the link" not in keep
        assert "Trials that test this directly" not in keep


def test_a_pilot_with_a_comparison_group_is_not_told_it_needs_one() -> None:
    paper = builders.paper(
        "rp-1",
        "Stretching for leg stiffness in multiple sclerosis: a randomised pilot study",
        [
            (
                "METHODS",
                "In this pilot study, 30 people with MS were randomly assigned to daily "
                "stretching or usual care for eight weeks, to test whether a full trial is "
                "possible.",
            ),
            ("RESULTS", "Recruitment was on target and 27 people finished the study."),
            ("CONCLUSIONS", "A full trial of daily stretching appears possible."),
        ],
    )
    facts = extract_facts(paper)
    assert facts.has_control_group is True
    keep = _text(write_summary(paper, facts), "keep_in_mind")
    assert keep
    assert "with a comparison group is needed" not in keep
