"""Small hand-made papers and facts for the writer tests: one per study design.

Each paper is written for these tests (no real abstract is copied); its facts are built by
hand, with spans that point at the abstract, so the writer can be tested apart from fact
extraction.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from msdigest.facts import extract_facts
from msdigest.facts.model import (
    Duration,
    Evidence,
    Limitations,
    Result,
    SampleSize,
    Span,
    StudyFacts,
    TextFact,
)
from msdigest.paper import AbstractSection, Paper
from msdigest.summary import LaySummary
from msdigest.writers import write_summary


def paper(paper_id: str, title: str, sections: list[tuple[str | None, str]], **extra: Any) -> Paper:
    """Return a paper whose abstract has the given (label, text) sections."""
    return Paper(
        id=paper_id,
        title=title,
        abstract=tuple(
            AbstractSection(text=text, label=label, category=label) for label, text in sections
        ),
        pmid=extra.pop("pmid", None),
        journal_title=extra.pop("journal_title", "Test Journal of MS"),
        **extra,
    )


def summarize(paper_: Paper) -> LaySummary:
    """Return the checked summary of `paper_`, from the facts extracted from it."""
    return write_summary(paper_, extract_facts(paper_))


def span(paper_: Paper, text: str) -> Span:
    """Return the span of `text` in the paper's abstract (it must be there)."""
    start = paper_.abstract_text.index(text)
    return Span(text, start, start + len(text))


def fact(paper_: Paper, text: str, value: str | None = None) -> TextFact:
    """Return a text fact whose span is `text` in the abstract."""
    return TextFact(value or text, span(paper_, text))


def facts(paper_: Paper, design: str, **fields: Any) -> StudyFacts:
    """Return facts for `paper_` with `design` and the given fields."""
    base = StudyFacts(paper_id=paper_.id, pmid=paper_.pmid, study_design=design)
    return dataclasses.replace(base, **fields)


def trial() -> tuple[Paper, StudyFacts]:
    """A randomised trial of a walking program in 148 people with relapsing-remitting MS."""
    p = paper(
        "t-rct",
        "A home walking program and fatigue in relapsing-remitting multiple sclerosis",
        [
            ("BACKGROUND", "Fatigue is common in multiple sclerosis (MS)."),
            (
                "METHODS",
                "In this randomised controlled trial, 148 adults with relapsing-remitting MS "
                "were randomly assigned to a home walking program or usual care for 24 weeks. "
                "The primary outcome was fatigue.",
            ),
            (
                "RESULTS",
                "Fatigue improved more in the walking group than with usual care (p = 0.01). "
                "Walking speed did not differ between groups (p = 0.40).",
            ),
            (
                "CONCLUSIONS",
                "A home walking program reduced fatigue in people with relapsing-remitting MS.",
            ),
        ],
        pmid="900100001",
    )
    f = facts(
        p,
        "randomized_controlled_trial",
        sample_size=SampleSize(total=148, span=span(p, "148 adults")),
        has_control_group=True,
        duration=Duration("24 weeks", 168.0, span(p, "24 weeks")),
        population=fact(p, "adults with relapsing-remitting MS"),
        intervention_or_exposure=fact(p, "a home walking program"),
        comparison=fact(p, "usual care"),
        outcomes=(fact(p, "fatigue"),),
        results=(
            Result("fatigue", "improved", True, span(p, "Fatigue improved more in the walking")),
        ),
        conclusion=fact(
            p,
            "A home walking program reduced fatigue in people with relapsing-remitting MS.",
        ),
        topics=("exercise_and_rehabilitation", "symptoms"),
        limitations=Limitations(
            small_sample=False,
            no_control=False,
            observational=False,
            short_follow_up=False,
            animal_or_lab=False,
        ),
        evidence=Evidence("randomised trial", ("people were put into groups by chance",), 4),
    )
    return p, f


def cohort() -> tuple[Paper, StudyFacts]:
    """A cohort study linking vitamin D levels with relapses in 62 people."""
    p = paper(
        "t-cohort",
        "Vitamin D levels and relapses in multiple sclerosis",
        [
            (
                "METHODS",
                "We followed 62 people with relapsing-remitting MS for 2 years and measured "
                "their vitamin D levels every 6 months.",
            ),
            (
                "RESULTS",
                "Lower vitamin D levels were associated with more relapses (OR 1.8, 95% CI "
                "1.1-2.9).",
            ),
            (
                "CONCLUSIONS",
                "Low vitamin D causes more relapses in people with MS.",
            ),
        ],
    )
    f = facts(
        p,
        "cohort",
        sample_size=SampleSize(total=62, span=span(p, "62 people")),
        has_control_group=False,
        duration=Duration("2 years", 730.0, span(p, "2 years")),
        population=fact(p, "people with relapsing-remitting MS"),
        intervention_or_exposure=fact(p, "vitamin D levels"),
        outcomes=(fact(p, "relapses"),),
        results=(Result("relapses", "worsened", True, span(p, "Lower vitamin D levels were")),),
        conclusion=fact(p, "Low vitamin D causes more relapses in people with MS."),
        topics=("lifestyle_and_diet",),
        limitations=Limitations(
            small_sample=True, no_control=True, observational=True, animal_or_lab=False
        ),
        evidence=Evidence("observational study", ("it shows links, not cause and effect",), 2),
    )
    return p, f


def mouse() -> tuple[Paper, StudyFacts]:
    """A lab study in mice."""
    p = paper(
        "t-lab",
        "A gut bacteria product protects myelin in mice",
        [
            (
                "METHODS",
                "Female mice with an MS-like disease received propionate in their drinking "
                "water or plain water for 14 days.",
            ),
            (
                "RESULTS",
                "Treated mice had milder disease and less loss of myelin than control mice.",
            ),
            ("CONCLUSIONS", "Propionate protects myelin and may be a new treatment for MS."),
        ],
    )
    f = facts(
        p,
        "animal_or_lab",
        sample_size=SampleSize(total=None, reason="animal study without a count"),
        has_control_group=True,
        duration=Duration("14 days", 14.0, span(p, "14 days")),
        intervention_or_exposure=fact(p, "propionate"),
        conclusion=fact(p, "Propionate protects myelin and may be a new treatment for MS."),
        topics=("immune_system_and_causes",),
        limitations=Limitations(observational=False, animal_or_lab=True),
        evidence=Evidence("early lab research", ("done in mice, not people",), 1),
    )
    return p, f


def review() -> tuple[Paper, StudyFacts]:
    """A meta-analysis of exercise trials."""
    p = paper(
        "t-review",
        "Exercise and fatigue in multiple sclerosis: a meta-analysis",
        [
            (
                "RESULTS",
                "We included 18 trials with 1,046 participants. Exercise reduced fatigue "
                "compared with no exercise.",
            ),
            (
                "CONCLUSIONS",
                "Exercise may reduce fatigue in people with MS. Larger trials with longer "
                "follow-up are needed.",
            ),
        ],
    )
    f = facts(
        p,
        "meta_analysis",
        sample_size=SampleSize(total=1046, span=span(p, "1,046 participants"), studies=18),
        intervention_or_exposure=fact(p, "Exercise", "exercise"),
        outcomes=(fact(p, "fatigue"),),
        conclusion=fact(p, "Exercise may reduce fatigue in people with MS."),
        topics=("exercise_and_rehabilitation",),
        limitations=Limitations(animal_or_lab=False),
        evidence=Evidence("review of many studies", ("it combines trials",), 5),
    )
    return p, f


def pilot() -> tuple[Paper, StudyFacts]:
    """A single-group pilot study of 20 people with no comparison group."""
    p = paper(
        "t-pilot",
        "Balance classes for people with progressive MS: a pilot study",
        [
            (
                "METHODS",
                "Twenty people with progressive multiple sclerosis took part in 8 weeks of "
                "balance classes.",
            ),
            ("RESULTS", "Balance scores improved after the classes. No falls were reported."),
            ("CONCLUSIONS", "Balance classes are feasible for people with progressive MS."),
        ],
    )
    f = facts(
        p,
        "feasibility_or_pilot",
        sample_size=SampleSize(total=20, span=span(p, "Twenty people")),
        has_control_group=False,
        duration=Duration("8 weeks", 56.0, span(p, "8 weeks")),
        population=fact(p, "people with progressive multiple sclerosis"),
        intervention_or_exposure=fact(p, "balance classes"),
        outcomes=(fact(p, "Balance scores", "balance scores"),),
        conclusion=fact(p, "Balance classes are feasible for people with progressive MS."),
        topics=("exercise_and_rehabilitation", "progressive_ms"),
        limitations=Limitations(
            small_sample=True,
            no_control=True,
            observational=False,
            short_follow_up=True,
            animal_or_lab=False,
        ),
        evidence=Evidence("small early study", ("20 people", "no comparison group"), 2),
    )
    return p, f


ALL = {"trial": trial, "cohort": cohort, "mouse": mouse, "review": review, "pilot": pilot}
