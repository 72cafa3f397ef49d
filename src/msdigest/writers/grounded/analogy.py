"""Choose the everyday analogy for "why it matters": one that fits what this study measured.

The analogy comes from the project's bank (`msdigest.glossary`), chosen for the concepts
this study measured and tested first, then those the summary talks about, then its design;
it must fit the direction of the finding, state no number and open no sentence the way
another on the page does. When nothing in the bank fits, a general line about how research
builds up is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from msdigest.checks.numbers import summary_numbers
from msdigest.glossary import Analogy, load_analogies, load_glossary
from msdigest.text.sentences import split_sentences
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.findings import main_finding

__all__ = ["write_analogy"]

# Used only when no analogy in the bank fits this study: true of any piece of research.
_LAST_RESORT = (
    "Research builds up like a jigsaw: each study adds a piece, and the picture gets clearer "
    "as more pieces fit.",
    "A study is a bit like a weather report for a single day: useful, but you would want "
    "more before planning a season.",
    "Science works like a relay race: each study hands on what it learned to the next.",
)
_DESIGN_CONCEPTS = {
    "randomized_controlled_trial": ("randomised controlled trial", "placebo", "control group"),
    "non_randomized_trial": ("control group",),
    "single_arm_trial": ("pilot study", "small study"),
    "feasibility_or_pilot": ("pilot study", "feasibility study", "small study"),
    "cohort": ("sample size",),
    "case_control": ("control group",),
    "cross_sectional": ("cross-sectional study",),
    "case_report_or_series": ("small study",),
    "systematic_review": ("systematic review", "meta-analysis"),
    "meta_analysis": ("meta-analysis", "systematic review"),
    "animal_or_lab": ("lab study", "animal study"),
    "qualitative": (),
    "other": ("sample size",),
}


# Analogies about a way of doing research ("shuffling a deck of cards" for randomisation,
# "following one school class" for a cohort) fit only a study done that way; a word in the
# text ("randomised trials are needed", "a clinic cohort") does not make them fit.
_DESIGN_WAYS = {
    "randomised controlled trial": ("randomisation",),
    "cohort study": ("longitudinal study", "registry"),
    "cross-sectional study": ("survey", "questionnaire"),
    "case report": ("case series",),
    "pilot study": ("feasibility study",),
}
_ALL_DESIGN_CONCEPTS = frozenset(
    concept
    for concepts in _DESIGN_CONCEPTS.values()
    for concept in concepts
    if concept not in ("small study", "sample size", "placebo", "control group")
) | frozenset(
    {"cohort study", "case report", "randomisation", "single-arm trial", "uncontrolled"}
    | {way for ways in _DESIGN_WAYS.values() for way in ways}
)
_UNCONTROLLED = frozenset({"single-arm trial", "uncontrolled"})
_RANDOMISED = re.compile(r"\brandom(?:i[sz]ed|ly (?:assigned|allocated))\b", re.IGNORECASE)
_OWN_WAYS = {
    "cohort": ("cohort study",),
    "case_report_or_series": ("case report",),
}


_GENERIC_CONCEPTS = frozenset(
    {"multiple sclerosis", "ms", "relapse", "treatment", "disease-modifying therapy",
     "relapsing-remitting ms", "relapsing ms", "clinical trial", "caregiver", "placebo"}
)  # fmt: skip


def _concepts(draft: Draft, context_text: str) -> Iterator[str]:
    """Yield the concepts to find an analogy for, best first, computing each group lazily.

    The main finding's measure and the words of its sentence come first (an analogy that
    fits what was found), then the other outcomes and the treatment, then what the text
    talks about, then the design; words that fit every MS study come last.
    """
    glossary = draft.glossary
    design = list(_DESIGN_CONCEPTS.get(draft.facts.study_design, ()))
    if draft.is_protocol:  # a plan has no finding yet: an analogy for the design fits best
        yield from design
    main = main_finding(draft)
    if main is not None:
        if main.term:
            yield main.term
        if glossary is not None:
            yield from (t.term for t in glossary.terms_in(main.sentence.text))
    intervention = draft.facts.intervention_or_exposure
    if intervention is not None:
        yield intervention.text
        if glossary is not None:
            yield from (t.term for t in glossary.terms_in(intervention.text))
    if glossary is not None:
        yield from (
            t.term
            for t in glossary.terms_in(draft.paper.title)
            if t.term.lower() not in _GENERIC_CONCEPTS
        )
    for outcome in draft.facts.outcomes:
        yield outcome.text
        if glossary is not None:
            yield from (t.term for t in glossary.terms_in(outcome.text))
    said = [t.term for t in glossary.terms_in(context_text)] if glossary else []
    yield from (t for t in said if t.lower() not in _GENERIC_CONCEPTS)
    yield from design
    if draft.strength.small:
        yield from ("small study", "sample size")
    if glossary is not None:
        background = glossary.terms_in(draft.abstract)
        yield from (t.term for t in background if t.term.lower() not in _GENERIC_CONCEPTS)
    yield from said


def write_analogy(draft: Draft, context_text: str) -> list[Line]:
    """Return the analogy sentences, each tagged with the "analogy" part."""
    seen: set[str] = set()
    direction = _direction(draft)
    tried: set[str] = set()
    for concept in _concepts(draft, context_text):
        if concept in seen:
            continue
        seen.add(concept)
        for analogy in _analogies_for(draft, concept, direction):
            if analogy.key in tried:
                continue
            tried.add(analogy.key)
            if not _fits_design(draft, concept, analogy):
                continue
            pieces = [s.text for s in split_sentences(analogy.text)]
            fresh = all(draft.phrasing.fresh(p) for p in pieces)
            # An analogy is about everyday life, not the study: it states no number at all.
            numberless = not any(summary_numbers(p) for p in pieces)
            if pieces and fresh and numberless and all(draft.acceptable(p) for p in pieces):
                for piece in pieces:
                    draft.phrasing.note(piece)
                note = f"Analogy '{analogy.key}' from the msdigest analogy bank."
                provenance = draft.editorial(f"analogy:{analogy.key}", note)
                return [Line(p, (provenance,), "analogy") for p in pieces]
    text = draft.phrasing.choose("analogy", _LAST_RESORT)
    note = "A general analogy about how research builds up; no analogy in the bank fitted."
    return [Line(text, (draft.editorial("analogy:research-general", note),), "analogy")]


def _fits_design(draft: Draft, concept: str, analogy: Analogy) -> bool:
    """Return False when `analogy` was found for a way of doing research this study did not use.

    The concept that led to the analogy must fit: "randomised trial" read in an interview
    study's text does not make a card-shuffling analogy fit. An analogy that says there was
    no comparison group never fits a study that had one.
    """
    found_for = _canonical(concept)
    if found_for in _design_concepts() and found_for not in _study_ways(draft):
        return False
    says_uncontrolled = {_canonical(c) for c in analogy.concepts} & _UNCONTROLLED
    return not (says_uncontrolled and draft.facts.has_control_group is True)


@lru_cache(maxsize=1)
def _design_concepts() -> frozenset[str]:
    return frozenset(_canonical(c) for c in _ALL_DESIGN_CONCEPTS)


def _study_ways(draft: Draft) -> set[str]:
    """Return the canonical design concepts that describe how this study was done."""
    design = draft.facts.study_design
    ways = [*_DESIGN_CONCEPTS.get(design, ()), *_OWN_WAYS.get(design, ())]
    if (
        design == "feasibility_or_pilot"
        and draft.facts.has_control_group
        and _RANDOMISED.search(draft.abstract)
    ):
        ways.append("randomised controlled trial")  # a randomised pilot was randomised too
    if design == "single_arm_trial" or draft.facts.has_control_group is False:
        ways += ["single-arm trial", "uncontrolled"]
    ways += [way for concept in list(ways) for way in _DESIGN_WAYS.get(concept, ())]
    return {_canonical(w) for w in ways}


def _analogies_for(draft: Draft, concept: str, direction: str | None) -> list[Analogy]:
    """Return the bank's analogies for `concept` that fit `direction`, in a stable order."""
    found = [
        analogy
        for analogy in _analogy_index().get(_canonical(concept), ())
        if analogy.fits_direction(direction) or analogy.fits_direction(None)
    ]
    return sorted(found, key=lambda a: draft.phrasing.number(f"analogy:{a.key}", 1 << 30))


def _canonical(concept: str) -> str:
    term = load_glossary().get(concept)
    return (term.term if term is not None else concept).lower()


@lru_cache(maxsize=1)
def _analogy_index() -> dict[str, tuple[Analogy, ...]]:
    """Return the analogy bank by canonical concept (built once per process)."""
    index: dict[str, list[Analogy]] = {}
    for analogy in load_analogies():
        for concept in analogy.concepts:
            bucket = index.setdefault(_canonical(concept), [])
            if analogy not in bucket:
                bucket.append(analogy)
    return {concept: tuple(found) for concept, found in index.items()}


def _direction(draft: Draft) -> str | None:
    if not draft.strength.firm:
        return "early evidence"
    directions = {r.direction for r in draft.facts.results}
    if len(directions) == 1:
        return directions.pop()
    return "mixed" if directions else None
