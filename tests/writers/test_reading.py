"""What a careful reader notices: the finding said, nothing broken, repeated or misframed.

The measures of `msdigest.writers.reading` are tested on sentences written for these tests
(they must catch each failure and pass clean prose); the writer is then held to them on
hand-made papers and on the bundled sample corpus, which covers every design.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from msdigest.facts import extract_facts
from msdigest.facts.model import Limitations, Result, SampleSize, StudyFacts
from msdigest.paper import Paper
from msdigest.sources import Skipped, read_papers
from msdigest.summary import LaySummary
from msdigest.writers import write_summary
from msdigest.writers.reading import broken_phrases, is_baseline, read_summary
from tests.conftest import SAMPLE_CORPUS
from tests.writers import builders

CORPUS = SAMPLE_CORPUS / "sample-corpus.xml"


def _corpus() -> list[tuple[Paper, StudyFacts, LaySummary]]:
    found = []
    for paper in read_papers([CORPUS]):
        assert not isinstance(paper, Skipped)
        facts = extract_facts(paper)
        found.append((paper, facts, write_summary(paper, facts)))
    return found


CORPUS_SUMMARIES = _corpus()


# --- the detectors --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have MS, this pilot study adds early evidence about measures before.",
        "Everyone got measures before for six weeks.",
        "But did not reduce fatigue compared with usual care.",
        "People were 69.9% and 71% adherent to their disease-modifying therapys.",
        "Most the studies indicated that pregnancy lowers the rate of relapses.",
        "MS showed a lower the size of the cerebellum.",
        "The heart and lung fitness, and rel. power output.",
        "The results may not apply to people with the.",
    ],
)
def test_broken_phrases_are_caught(sentence: str) -> None:
    assert broken_phrases(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Walking difficulty scores improved more with exercise.",
        "It helps explain what may happen in MS, but it is not something to act on.",
        "There was no clear difference in the fatigue score.",
        "Fatigue was worse than before.",
        "All the studies were small.",
    ],
)
def test_clean_sentences_are_not_called_broken(sentence: str) -> None:
    assert broken_phrases(sentence) == [], sentence


def test_enrolment_is_not_a_finding_but_a_pilot_s_recruitment_is() -> None:
    assert is_baseline("Ninety-six adults were randomised (48 per group).")
    assert is_baseline("Mean age was 44.7 years and 69 were women.")
    assert not is_baseline("Of 301 people (mean age 42.8 years), 104 had trouble thinking.")
    recruited = "Twenty-five people were randomised over 12 months, about 2 per month."
    assert is_baseline(recruited)
    assert not is_baseline(recruited + " The recruitment rate was low.", "feasibility_or_pilot")


# --- the writer, on hand-made papers --------------------------------------------------


def test_a_randomised_trial_states_its_primary_result_in_the_study() -> None:
    paper, facts = builders.trial()
    summary = write_summary(paper, facts)
    issues = read_summary(summary, paper, facts)
    assert issues.reports_results and issues.finding_stated, summary.study
    assert issues.headline_finding, summary.headline
    assert "Fatigue improved more in the walking group than with usual care" in summary.study


def test_a_trial_is_never_called_early() -> None:
    paper, facts = builders.trial()
    small = dataclasses.replace(
        facts,
        sample_size=SampleSize(total=48),
        limitations=dataclasses.replace(facts.limitations, small_sample=True),
    )
    for version in (facts, small):
        summary = write_summary(paper, version)
        assert read_summary(summary, paper, version).early_trial == [], summary.full_text
        assert not re.search(r"\bearly (?:study|evidence|step)", summary.full_text.lower())


def test_a_selected_population_gets_a_specific_may_not_apply_line() -> None:
    paper, facts = builders.trial()
    text = paper.abstract[1].text.replace(
        "148 adults with relapsing-remitting MS",
        "148 adults aged 18-65 years with relapsing-remitting MS who could walk 100 m without aid",
    )
    walking = dataclasses.replace(
        paper, abstract=(paper.abstract[0], dataclasses.replace(paper.abstract[1], text=text),
                         *paper.abstract[2:])
    )  # fmt: skip
    shifted = dataclasses.replace(facts, population=None)
    summary = write_summary(walking, shifted)
    line = summary.why_it_matters.may_not_apply_to
    assert "could walk 100 m without aid" in line, line
    assert "need help to walk" in line, line
    assert read_summary(summary, walking, shifted).may_not_apply_specific


def test_a_null_result_is_told_as_a_limit_for_people_with_ms() -> None:
    paper, facts = builders.trial()
    summary = write_summary(paper, facts)
    people = summary.why_it_matters.people_with_ms
    assert re.search(r"walking speed", people, re.IGNORECASE), people
    assert "home walking program may reduce fatigue" in people, people


def test_a_broken_treatment_phrase_is_never_put_into_a_sentence() -> None:
    paper, facts = builders.trial()
    broken = dataclasses.replace(
        facts,
        intervention_or_exposure=dataclasses.replace(
            facts.intervention_or_exposure, text="the measures before"
        )
        if facts.intervention_or_exposure
        else None,
    )
    summary = write_summary(paper, broken)
    assert "measures before" not in summary.full_text
    assert read_summary(summary, paper, broken).broken == []


def test_no_finding_is_invented_when_the_results_are_all_statistics() -> None:
    paper = builders.paper(
        "t-stats",
        "A trial of a programme in multiple sclerosis",
        [
            ("METHODS", "We randomly assigned 80 adults with MS to a programme or usual care."),
            ("RESULTS", "The OR was 1.8 (95% CI 1.1-2.9; p = 0.02) in the adjusted model."),
        ],
    )
    facts = builders.facts(paper, "randomized_controlled_trial", limitations=Limitations())
    summary = write_summary(paper, facts)
    assert "1.8" not in summary.full_text and "adjusted model" not in summary.full_text
    assert summary.checks is not None and summary.checks.passed


def test_a_result_from_the_facts_stands_in_when_no_sentence_can_be_used() -> None:
    paper = builders.paper(
        "t-facts-result",
        "A trial of a programme in multiple sclerosis",
        [
            ("METHODS", "We randomly assigned 80 adults with MS to a programme or usual care."),
            ("RESULTS", "Fatigue (FSS, p = 0.40; adjusted model, 95% CI -0.2 to 0.9) did not."),
        ],
    )
    result = Result("fatigue", "no clear difference", False, builders.span(paper, "Fatigue"))
    facts = builders.facts(paper, "randomized_controlled_trial", results=(result,))
    summary = write_summary(paper, facts)
    assert "There was no clear difference in fatigue." in summary.study


# --- the writer, on the sample corpus -------------------------------------------------


@pytest.mark.parametrize(("paper", "facts", "summary"), CORPUS_SUMMARIES, ids=lambda x: "")
def test_sample_summaries_read_cleanly(
    paper: Paper, facts: StudyFacts, summary: LaySummary
) -> None:
    issues = read_summary(summary, paper, facts)
    assert issues.broken == [], issues.broken
    assert issues.repeated == [], issues.repeated
    assert issues.early_trial == [], issues.early_trial
    if issues.reports_results:
        assert issues.finding_stated, (paper.id, summary.study)
    if issues.selection:
        assert issues.may_not_apply_specific, (paper.id, summary.why_it_matters.may_not_apply_to)


def test_most_sample_headlines_state_a_finding() -> None:
    reported = [read_summary(s, p, f) for p, f, s in CORPUS_SUMMARIES]
    with_results = [i for i in reported if i.reports_results]
    stated = [i for i in with_results if i.headline_finding]
    assert len(stated) >= 0.9 * len(with_results)


def test_the_home_exercise_trial_reads_as_the_lead_asked() -> None:
    summary = next(s for p, _f, s in CORPUS_SUMMARIES if p.pmid == "900000008")
    assert "6-minute walking distance had increased by 38 m" in summary.study
    assert "no clear difference in the fatigue score" in summary.study
    assert "Mean age" not in summary.study and "Ninety-six" not in summary.study
    why = summary.why_it_matters
    assert "can walk 100 m without aid" in why.people_with_ms
    assert "three 40-minute sessions a week at home" in why.caregivers
    assert "6-minute walk test" in why.healthcare_providers
    assert "could walk 100 m without aid" in why.may_not_apply_to


def test_one_study_of_a_review_is_not_told_as_what_the_review_found() -> None:
    paper = builders.paper(
        "t-review-split",
        "Vitamin D for multiple sclerosis: a systematic review",
        [
            ("RESULTS", "We included 12 trials with 933 participants. One study reported that "
                        "vitamin D reduced fatigue compared with placebo. The other study found "
                        "no effect on fatigue."),
            ("CONCLUSIONS", "Vitamin D appears to have no effect on relapses."),
        ],
    )  # fmt: skip
    facts = builders.facts(
        paper,
        "systematic_review",
        sample_size=SampleSize(total=933, studies=12),
        intervention_or_exposure=builders.fact(paper, "vitamin D"),
    )
    summary = write_summary(paper, facts)
    why = summary.why_it_matters
    assert "may reduce fatigue" not in why.people_with_ms, why.people_with_ms
    assert "fatigue improved" not in why.healthcare_providers, why.healthcare_providers


def test_a_claim_about_one_outcome_is_not_moved_to_another() -> None:
    paper = builders.paper(
        "t-two-claims",
        "A medicine for relapsing multiple sclerosis",
        [
            ("METHODS", "We randomly assigned 300 adults with relapsing MS to the medicine or "
                        "placebo for 2 years."),
            ("RESULTS", "The medicine was effective in reducing inflammatory activity, but it "
                        "made little or no difference to disability worsening."),
        ],
    )  # fmt: skip
    facts = builders.facts(
        paper,
        "randomized_controlled_trial",
        sample_size=SampleSize(total=300, span=builders.span(paper, "300 adults")),
        has_control_group=True,
        intervention_or_exposure=builders.fact(paper, "the medicine"),
    )
    summary = write_summary(paper, facts)
    assert "may reduce disability" not in summary.full_text
    assert "disability improved" not in summary.full_text


def test_a_selection_by_what_people_had_not_had_reads_without_a_double_negative() -> None:
    """'who had not received treatment' becomes 'had no treatment', never 'had not received'."""
    paper = builders.paper(
        "sel-1",
        "Gut bacteria in untreated relapsing-remitting MS: a case-control study",
        [
            (
                "METHODS",
                "We recruited 45 people with relapsing-remitting MS who had not received "
                "disease-modifying treatment for at least 6 months and 40 healthy controls.",
            ),
            ("RESULTS", "Alpha diversity did not differ between groups."),
            ("CONCLUSIONS", "Untreated MS was linked with a distinct gut profile."),
        ],
    )
    summary = write_summary(paper, extract_facts(paper))
    who = summary.why_it_matters.may_not_apply_to
    assert "disease-modifying treatment for at least 6 months" in who
    assert "had not received" not in who
    assert "people already on treatment" in who


def test_a_known_count_that_cannot_be_stated_is_not_called_missing() -> None:
    """When the facts know how many took part, never write 'the abstract does not say'."""
    paper = builders.paper(
        "count-1",
        "Childhood infection and later MS: a case-control study",
        [
            ("METHODS", "This case-control study used national registers of adults with MS."),
            ("RESULTS", "There were 812 cases and 8 120 controls. Infection was linked to MS."),
        ],
    )
    facts = dataclasses.replace(
        extract_facts(paper), sample_size=SampleSize(total=8932, reason=None)
    )
    summary = write_summary(paper, facts)
    assert "does not say how many" not in summary.study
