"""Extract a `StudyFacts` record from a `Paper`: the single entry point of this package.

The order matters and mirrors how a careful reader works: first decide whether the text can
be read at all, then what kind of study it is (a review counts studies, a lab study has no
participants), then how many people took part, whether there was a comparison group and for
how long, and last the limitations and the evidence label that follow from those facts.
"""

from __future__ import annotations

from msdigest.facts.control import extract_control
from msdigest.facts.counts import Count
from msdigest.facts.design import TextEvidence, classify_design, read_cues
from msdigest.facts.document import Sentence, build_document
from msdigest.facts.duration import extract_duration
from msdigest.facts.evidence import grade_evidence
from msdigest.facts.interventions import (
    extract_comparison,
    extract_intervention,
    extract_outcomes,
)
from msdigest.facts.limitations import derive_limitations, single_site
from msdigest.facts.model import Evidence, SampleSize, StudyFacts
from msdigest.facts.population import extract_population, find_ms_types
from msdigest.facts.results import extract_conclusion, extract_results
from msdigest.facts.sample_size import extract_sample_size, sentence_counts
from msdigest.facts.screening import screen
from msdigest.facts.topics import extract_topics
from msdigest.paper import Paper

__all__ = ["extract_facts"]

_ENROLLED = frozenset({"enrolled", "randomised", "allocated"})
_NOT_TAKING_PART = frozenset({"subgroup", "pool", "dropout", "ratio", "literature"})


def extract_facts(paper: Paper) -> StudyFacts:
    """Return the study facts of `paper`, each with the span of text it came from.

    Never raises on bad text: an abstract that cannot be read gives empty facts and a
    reason in `notes`.
    """
    doc = build_document(paper)
    usable, notes = screen(doc)
    if not usable:
        return StudyFacts(
            paper_id=paper.id,
            pmid=paper.pmid,
            study_design="other",
            design_basis="none",
            sample_size=SampleSize(total=None, reason=notes[0]),
            evidence=Evidence(label="unclear evidence", reasons=notes, level=0),
            notes=notes,
        )
    cues = read_cues(doc)
    counted = sentence_counts(doc)
    decision = classify_design(doc, cues, _evidence(counted))
    design = decision.design
    commentary = decision.genre == "commentary"
    if commentary:
        size = SampleSize(total=None, reason="narrative review or commentary: no participants")
        has_control, control_span = None, None
    else:
        size = extract_sample_size(doc, design, counted)
        has_control, control_span = extract_control(doc, design, size)
    duration = None if commentary else extract_duration(doc, design)
    limitations = derive_limitations(
        design,
        size,
        has_control,
        duration,
        None if commentary else single_site(doc),
        observational_other=design == "other" and cues.score("mendelian") >= 3,
    )
    extra = list(notes)
    if decision.is_protocol:
        extra.append("this is a study protocol: it describes a planned study and has no results")
    if size.total is None and size.reason:
        extra.append(size.reason)
    if commentary:
        extra.append("a narrative review or commentary: it reports no study of its own")
    elif design == "other":
        extra.append("the type of study could not be told from the abstract")
    outcomes = extract_outcomes(doc)
    return StudyFacts(
        paper_id=paper.id,
        pmid=paper.pmid,
        study_design=design,
        design_span=decision.span,
        design_basis=decision.basis,
        sample_size=size,
        has_control_group=has_control,
        control_span=control_span,
        duration=duration,
        population=extract_population(doc, size, design),
        ms_types=find_ms_types(doc),
        intervention_or_exposure=extract_intervention(doc, extra),
        comparison=extract_comparison(doc, has_control, extra),
        outcomes=outcomes,
        results=() if decision.is_protocol else extract_results(doc, outcomes),
        conclusion=None if decision.is_protocol else extract_conclusion(doc),
        topics=extract_topics(doc),
        limitations=limitations,
        evidence=grade_evidence(design, size, duration, limitations, commentary=commentary),
        notes=tuple(extra),
    )


def _evidence(counted: list[tuple[Sentence, list[Count]]]) -> TextEvidence:
    """Return what the counts of people outside the background say about the study."""
    own = [
        c
        for sentence, counts in counted
        if sentence.category != "BACKGROUND"
        for c in counts
        if c.role not in _NOT_TAKING_PART
    ]
    people = [c for c in own if c.kind in {"people", "controls"}]
    return TextEvidence(
        enrolled=any(c.role in _ENROLLED for c in people),
        counted=bool(people) or any(c.kind == "implied" and c.n_equals for c in own),
        controls=any(c.kind == "controls" for c in people),
    )
