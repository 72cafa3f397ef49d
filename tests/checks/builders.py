"""Build a valid paper, facts and summary by hand, then change one thing at a time.

The paper is a made-up study written for these tests (not real data). `good_summary()`
passes every check; each test tweaks one section with `with_text` or `dataclasses.replace`
and asserts that exactly the check concerned notices.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from msdigest.checks import run_checks
from msdigest.facts.model import (
    Duration,
    Evidence,
    GroupCount,
    Limitations,
    SampleSize,
    Span,
    StudyFacts,
    TextFact,
)
from msdigest.paper import AbstractSection, Paper
from msdigest.summary import (
    CheckReport,
    EngineInfo,
    GlossaryUse,
    LaySummary,
    Provenance,
    SummarySentence,
    WhyItMatters,
)
from msdigest.text.sentences import split_sentences

ABSTRACT = (
    AbstractSection(
        "Fatigue is common in multiple sclerosis (MS). We tested whether a home walking "
        "programme reduces fatigue.",
        "BACKGROUND",
        "BACKGROUND",
    ),
    AbstractSection(
        "In this randomised controlled trial, 62 adults with relapsing-remitting MS were "
        "assigned to a 12-week walking programme and 60 to usual care, a total of 122 "
        "participants, at 4 hospitals.",
        "METHODS",
        "METHODS",
    ),
    AbstractSection(
        "Fatigue scores fell by 25% in the walking group and by 4% with usual care "
        "(p = 0.01). Twenty participants did not finish. Thalamic volume did not change.",
        "RESULTS",
        "RESULTS",
    ),
    AbstractSection(
        "A 12-week home walking programme reduced fatigue in adults with relapsing-remitting MS.",
        "CONCLUSIONS",
        "CONCLUSIONS",
    ),
)

PAPER = Paper(
    id="test-walking-1",
    pmid="99000001",
    title="Home walking programme for fatigue in multiple sclerosis: a randomised trial",
    abstract=ABSTRACT,
    journal_title="Sample Data Journal (fictional)",
)


def span_of(text: str) -> Span:
    """Return the span of `text` in the paper's abstract (it must be there)."""
    start = PAPER.abstract_text.index(text)
    return Span(text, start, start + len(text))


def trial_facts(**changes: Any) -> StudyFacts:
    """Return the facts of the made-up trial; keyword arguments replace fields."""
    facts = StudyFacts(
        paper_id=PAPER.id,
        pmid=PAPER.pmid,
        study_design="randomized_controlled_trial",
        sample_size=SampleSize(
            total=122,
            span=span_of("a total of 122 participants"),
            groups=(GroupCount("walking", 62), GroupCount("usual care", 60)),
        ),
        has_control_group=True,
        duration=Duration("12 weeks", 84.0, span_of("12-week")),
        population=TextFact("adults with relapsing-remitting MS"),
        intervention_or_exposure=TextFact("a home walking programme"),
        comparison=TextFact("usual care"),
        conclusion=TextFact(
            "A 12-week home walking programme reduced fatigue in adults with "
            "relapsing-remitting MS.",
        ),
        limitations=Limitations(
            small_sample=False,
            no_control=False,
            observational=False,
            short_follow_up=True,
            single_site=False,
            animal_or_lab=False,
        ),
        evidence=Evidence("randomised trial", ("randomised",), 4),
    )
    return dataclasses.replace(facts, **changes)


HEADLINE = "A home walking programme eased tiredness in adults with MS in a trial."
STUDY = (
    "The study included 122 adults with relapsing-remitting MS. "
    "Some walked at home for 12 weeks and the others had their usual care. "
    "People were put into the groups by chance, like a coin toss. "
    "Tiredness scores fell by 25% in the walking group and by 4% in the usual care group. "
    "Twenty people did not finish the study."
)
WHY = WhyItMatters(
    people_with_ms=(
        "Tiredness is one of the most common problems in MS. Walking at home is cheap "
        "and easy to fit into a day."
    ),
    analogy=(
        "It is a bit like charging a phone: a little walking each day may top up the "
        "energy you have."
    ),
    caregivers=(
        "Family members who help with daily life may find that a short walk together "
        "becomes part of the routine."
    ),
    healthcare_providers=(
        "For doctors and nurses, this adds trial evidence that a simple walking plan can "
        "ease tiredness."
    ),
    may_not_apply_to=(
        "The results may not apply to people who cannot walk on their own or who have "
        "progressive MS."
    ),
)
KEEP_IN_MIND = (
    "The study lasted only 12 weeks, so we do not know if the benefit lasts. "
    "Twenty people did not finish, which can make results look better than they are. "
    "Talk to your MS team before changing your exercise or treatment."
)


def _sentences(section: str, text: str, part: str | None = None) -> list[SummarySentence]:
    return [
        SummarySentence(
            s.text, section, part, (Provenance("editorial", "framing", "written by the engine"),)
        )
        for s in split_sentences(text)
    ]


def sentences_for(summary: LaySummary) -> tuple[SummarySentence, ...]:
    """Return provenance for every sentence: study sentences cite the abstract."""
    out: list[SummarySentence] = [*_sentences("headline", summary.headline)]
    source = PAPER.abstract
    methods = source[1].text
    for sentence in _sentences("study", summary.study):
        quote = methods
        out.append(
            dataclasses.replace(
                sentence,
                sources=(Provenance("source", _ref(quote), quote),),
            )
        )
    why = summary.why_it_matters
    for part in ("people_with_ms", "analogy", "caregivers", "healthcare_providers"):
        out += _sentences("why_it_matters", getattr(why, part), part)
    out += _sentences("why_it_matters", why.may_not_apply_to, "may_not_apply_to")
    out += [
        dataclasses.replace(s, sources=(Provenance("fact", "duration", "12 weeks"),))
        for s in _sentences("keep_in_mind", summary.keep_in_mind)
    ]
    return tuple(out)


def _ref(quote: str) -> str:
    start = PAPER.abstract_text.index(quote)
    return f"abstract:{start}-{start + len(quote)}"


def good_summary(**changes: Any) -> LaySummary:
    """Return a summary of the made-up trial that passes every check.

    Keyword arguments replace fields; the provenance is rebuilt to match the new text
    unless `sentences` is given.
    """
    summary = LaySummary(
        paper_id=PAPER.id,
        pmid=PAPER.pmid,
        headline=HEADLINE,
        study=STUDY,
        why_it_matters=WHY,
        keep_in_mind=KEEP_IN_MIND,
        evidence={"label": "randomised trial", "reasons": ["randomised"]},
        glossary=(GlossaryUse("relapsing-remitting MS", "MS with attacks, then recovery."),),
        sentences=(),
        engine=EngineInfo("test", "1"),
    )
    summary = dataclasses.replace(summary, **{k: v for k, v in changes.items()})
    if "sentences" not in changes:
        summary = dataclasses.replace(summary, sentences=sentences_for(summary))
    return summary


def with_why(**parts: str) -> LaySummary:
    """Return the good summary with some parts of "why it matters" replaced."""
    return good_summary(why_it_matters=dataclasses.replace(WHY, **parts))


def report(
    summary: LaySummary | None = None, facts: StudyFacts | None = None, paper: Paper = PAPER
) -> CheckReport:
    """Return the check report of `summary` (default: the good one) on the made-up trial."""
    return run_checks(summary or good_summary(), paper, facts or trial_facts())
