"""Completeness: every section, the participant count, a limitation, "small", a hedge."""

from __future__ import annotations

import dataclasses

from msdigest.facts.model import Limitations, SampleSize
from msdigest.paper import AbstractSection
from tests.checks.builders import (
    ABSTRACT,
    PAPER,
    good_summary,
    report,
    trial_facts,
    with_why,
)


def completeness(summary=None, facts=None):  # type: ignore[no-untyped-def]
    return report(summary or good_summary(), facts or trial_facts()).get("completeness")


def test_complete_summary_passes_and_says_the_count_was_stated() -> None:
    result = completeness()
    assert result.status == "pass"
    assert "participant count (122) stated" in result.message


def test_each_empty_section_is_named() -> None:
    result = completeness(good_summary(study=" ", keep_in_mind=""))
    assert result.status == "fail"
    assert "empty: study, keep_in_mind" in result.message
    for part in (
        "people_with_ms",
        "caregivers",
        "healthcare_providers",
        "may_not_apply_to",
        "analogy",
    ):
        result = completeness(with_why(**{part: ""}))
        assert result.status == "fail", part
        assert f"why_it_matters.{part}" in result.message


def test_headline_must_be_one_sentence() -> None:
    result = completeness(good_summary(headline="Walking eased tiredness. It was a trial."))
    assert result.status == "fail"
    assert "headline has 2 sentences" in result.message
    assert result.offending == ("Walking eased tiredness. It was a trial.",)


def test_participant_count_must_be_stated_in_digits_or_words() -> None:
    study = good_summary().study.replace("122 adults", "adults")
    result = completeness(good_summary(study=study))
    assert result.status == "fail"
    assert "number of participants (122) is not stated" in result.message
    in_words = study.replace("adults", "one hundred and twenty-two adults", 1)
    assert completeness(good_summary(study=in_words)).status == "pass"


def test_unknown_count_need_not_be_stated() -> None:
    study = good_summary().study.replace("122 adults", "adults")
    facts = trial_facts(sample_size=SampleSize(total=None, reason="not stated"))
    assert completeness(good_summary(study=study), facts).status == "pass"


def test_keep_in_mind_must_name_a_limitation() -> None:
    summary = good_summary(keep_in_mind="Talk to your MS team about walking.")
    result = completeness(summary)
    assert result.status == "fail"
    assert "names no limitation" in result.message


def test_small_must_be_named_under_100_people() -> None:
    facts = trial_facts(
        sample_size=SampleSize(total=20), limitations=Limitations(small_sample=True)
    )
    study = good_summary().study.replace("122 adults", "adults")
    result = completeness(good_summary(study=study), facts)
    assert result.status == "fail"
    assert "'small' is not named although only 20 people took part" in result.message
    keep = "This was a small study. " + good_summary().keep_in_mind
    assert completeness(good_summary(study=study, keep_in_mind=keep), facts).status == "pass"


def test_headline_must_hedge_unless_a_trial_or_review() -> None:
    firm = good_summary(headline="Walking eases tiredness in adults with MS.")
    hedged = good_summary(headline="Walking may ease tiredness in adults with MS.")
    keep = "It was short and only observed people, so it cannot show cause. Talk to your MS team."
    for design in ("cohort", "cross_sectional", "case_report_or_series", "animal_or_lab", "other"):
        facts = trial_facts(study_design=design)
        result = completeness(dataclasses.replace(firm, keep_in_mind=keep), facts)
        assert result.status == "fail", design
        assert "headline must hedge" in result.message
        assert completeness(dataclasses.replace(hedged, keep_in_mind=keep), facts).status == "pass"
    for design in ("randomized_controlled_trial", "systematic_review", "meta_analysis"):
        assert completeness(firm, trial_facts(study_design=design)).status == "pass", design


def test_limitations_found_but_not_mentioned_warn() -> None:
    facts = trial_facts(limitations=Limitations(no_control=True, single_site=True))
    result = completeness(facts=facts)
    assert result.status == "warn"
    assert "no comparison group" in result.message and "one site" in result.message
    keep = (
        "There was no comparison group, and the study ran at one clinic. "
        + good_summary().keep_in_mind
    )
    assert completeness(good_summary(keep_in_mind=keep), facts).status == "pass"


def test_a_single_case_may_be_stated_in_words() -> None:
    facts = trial_facts(
        study_design="case_report_or_series",
        sample_size=SampleSize(total=1),
        limitations=Limitations(small_sample=True),
    )
    study = "Doctors describe a 34-year-old woman with MS whose walking got worse."
    keep = "This is a small report about a single person. Talk to your MS team."
    summary = good_summary(
        headline="One woman's story may hint at a rare problem.", study=study, keep_in_mind=keep
    )
    assert completeness(summary, facts).status == "pass"
    unnamed = dataclasses.replace(
        summary,
        headline="A rare problem may have been found.",
        study="Doctors describe how walking got worse.",
        keep_in_mind="This is a small report. Talk to your MS team.",
    )
    assert "number of participants (1) is not stated" in completeness(unnamed, facts).message


def test_when_the_abstract_gives_only_groups_stating_each_group_counts() -> None:
    methods = "In this trial, 62 adults walked and 60 had usual care for 12 weeks at 4 hospitals."
    paper = dataclasses.replace(
        PAPER, abstract=(ABSTRACT[0], AbstractSection(methods, "METHODS"), *ABSTRACT[2:])
    )
    study = good_summary().study.replace("122 adults", "62 adults who walked and 60 who did not")
    summary = good_summary(study=study)
    assert report(summary, trial_facts(), paper).get("completeness").status == "pass"
    one_group = good_summary(study=good_summary().study.replace("122 adults", "62 walkers"))
    result = report(one_group, trial_facts(), paper).get("completeness")
    assert result.status == "fail"
    assert "groups of 62, 60 (total 122), and the summary leaves out 60" in result.message
    # when the abstract states the total, the groups alone are not enough
    assert report(summary).get("completeness").status == "fail"


def test_limitations_said_in_other_words_count() -> None:
    facts = trial_facts(limitations=Limitations(no_control=True, short_follow_up=True))
    keep = (
        "It lasted only 30 days, so it is not known whether any effects last. "
        "A single-group study cannot show cause and effect. Talk to your MS team."
    )
    assert completeness(good_summary(keep_in_mind=keep), facts).status == "pass"


def test_patients_and_healthy_controls_stated_apart_count_as_the_total() -> None:
    """'45 people with MS and 40 healthy people' states 85 when the abstract gives no total."""
    methods = "We recruited 45 people with MS and 40 healthy controls at two centres."
    paper = dataclasses.replace(
        PAPER, abstract=(ABSTRACT[0], AbstractSection(methods, "METHODS"), *ABSTRACT[2:])
    )
    facts = trial_facts(sample_size=SampleSize(total=85, healthy_controls=40))
    both = good_summary(
        study=good_summary().study.replace(
            "122 adults", "a small group: 45 people with MS and 40 healthy people"
        )
    )
    assert report(both, facts, paper).get("completeness").status == "pass"
    patients_only = good_summary(
        study=good_summary().study.replace("122 adults", "a small group: 45 people with MS")
    )
    result = report(patients_only, facts, paper).get("completeness")
    assert result.status == "fail"
    assert "groups of 45, 40 (total 85), and the summary leaves out 40" in result.message


def test_the_size_of_each_arm_states_a_total_the_abstract_never_gives() -> None:
    """'n=12/arm' in three arms: '12 people in each group' is how the count is stated."""
    methods = "In this trial with three arms (n=12/arm), adults walked or had usual care."
    paper = dataclasses.replace(
        PAPER, abstract=(ABSTRACT[0], AbstractSection(methods, "METHODS"), *ABSTRACT[2:])
    )
    facts = trial_facts(sample_size=SampleSize(total=36))
    each = good_summary(
        study=good_summary().study.replace("122 adults", "a small group, 12 people in each group")
    )
    assert report(each, facts, paper).get("completeness").status == "pass"
    other = good_summary(
        study=good_summary().study.replace("122 adults", "a small group, 10 people in each group")
    )
    result = report(other, facts, paper).get("completeness")
    assert result.status == "fail" and "(36) is not stated" in result.message
