"""Decide what kind of study a paper reports: from publication types and MeSH, then the text.

PubMed's publication types ("Randomized Controlled Trial", "Meta-Analysis", "Case Reports")
and MeSH check tags ("Animals" without "Humans") are assigned by indexers and are the most
reliable signal when a record has them. Records from elsewhere have only text, so the text
rules stand on their own: each cue ("randomly assigned", "prospective cohort", "in mice")
scores by where it sits (title and methods weigh most, background least) and counts for
nothing in sentences about other or future studies ("Two RCTs showed...", "A randomised
trial is needed"). The scores are then resolved in a fixed order that mirrors how a reader
classifies a study: reviews, case reports, lab work, trials, qualitative, observational.
"""

from __future__ import annotations

from dataclasses import dataclass

from msdigest.facts.cues import DesignCues, read_cues
from msdigest.facts.document import Document
from msdigest.facts.model import Span

__all__ = ["DesignCues", "DesignDecision", "classify_design", "read_cues"]


@dataclass(frozen=True, slots=True)
class DesignDecision:
    """The design, what it rests on (publication type, MeSH or text) and its source span."""

    design: str
    basis: str
    span: Span | None
    is_protocol: bool = False


_PUBLICATION_TYPES: tuple[tuple[str, str], ...] = (
    ("network meta-analysis", "meta_analysis"),
    ("meta-analysis", "meta_analysis"),
    ("systematic review", "systematic_review"),
    ("case reports", "case_report_or_series"),
    ("randomized controlled trial", "randomized_controlled_trial"),
    ("equivalence trial", "randomized_controlled_trial"),
    ("controlled clinical trial", "non_randomized_trial"),
    ("clinical trial", "trial"),
    ("pragmatic clinical trial", "trial"),
    ("observational study", "observational"),
    ("twin study", "observational"),
)


def classify_design(doc: Document, cues: DesignCues, people_counted: bool) -> DesignDecision:
    """Return the study design: publication types and MeSH first, then the text."""
    protocol = cues.score("protocol") >= 3 or any(
        t.lower() == "clinical trial protocol" for t in doc.paper.publication_types
    )
    from_types = _from_publication_types(doc, cues)
    if from_types is not None:
        return DesignDecision(from_types, "publication type", None, protocol)
    mesh = {term.lower() for term in doc.paper.mesh_terms}
    if "animals" in mesh and "humans" not in mesh:
        return DesignDecision("animal_or_lab", "MeSH", None, protocol)
    design, cue = _from_text(cues, people_counted)
    if design == "other" and mesh:
        from_mesh = _from_mesh(mesh)
        if from_mesh:
            return DesignDecision(from_mesh, "MeSH", None, protocol)
    return DesignDecision(design, "text", cues.span(cue) if cue else None, protocol)


def _from_publication_types(doc: Document, cues: DesignCues) -> str | None:
    types = {t.lower().strip() for t in doc.paper.publication_types}
    for name, design in _PUBLICATION_TYPES:
        if name in types or any(t.startswith(name + ",") for t in types):
            if design == "trial" or name.startswith("clinical trial"):
                return _trial_kind(cues)
            if design == "randomized_controlled_trial" and cues.score("pilot") >= 3:
                return "feasibility_or_pilot"
            if design == "non_randomized_trial" and cues.score("randomised") >= 2:
                return "randomized_controlled_trial"
            if design == "observational":
                return _observational_kind(cues)
            return design
    for name in types:
        if name.startswith("clinical trial"):
            return _trial_kind(cues)
    return None


def _from_mesh(mesh: set[str]) -> str | None:
    table = (
        ("case-control studies", "case_control"),
        ("cross-sectional studies", "cross_sectional"),
        ("qualitative research", "qualitative"),
        ("feasibility studies", "feasibility_or_pilot"),
        ("pilot projects", "feasibility_or_pilot"),
        ("cohort studies", "cohort"),
        ("prospective studies", "cohort"),
        ("longitudinal studies", "cohort"),
        ("retrospective studies", "cohort"),
    )
    return next((design for term, design in table if term in mesh), None)


def _trial_kind(cues: DesignCues) -> str:
    """Return which kind of trial: pilot, randomised, non-randomised or single-arm."""
    if cues.score("pilot") >= 3:
        return "feasibility_or_pilot"
    if cues.score("randomised") >= 2:
        return "randomized_controlled_trial"
    if cues.score("nonrandomised") >= 2:
        return "non_randomized_trial"
    if cues.score("single_arm") >= 2:
        return "single_arm_trial"
    if cues.score("placebo") >= 2:
        return "randomized_controlled_trial"
    if cues.score("control_arm") >= 2:
        return "non_randomized_trial"
    return "single_arm_trial"


def _observational_kind(cues: DesignCues) -> str:
    """Return cohort, case-control or cross-sectional, whichever the text states best."""
    options = {
        "case_control": max(cues.score("case_control"), cues.score("healthy_controls")),
        "cross_sectional": max(cues.score("cross_sectional"), cues.score("survey")),
        "cohort": max(cues.score("cohort_strong"), cues.score("cohort_weak")),
    }
    # Explicit names beat hints; on a tie the design named first in the abstract wins.
    explicit = {
        "case_control": cues.score("case_control"),
        "cross_sectional": cues.score("cross_sectional"),
        "cohort": cues.score("cohort_strong"),
    }
    named = {k: v for k, v in explicit.items() if v >= 3}
    if named:
        best = max(named.values())
        tied = [k for k, v in named.items() if v >= best - 0.01]
        return min(tied, key=lambda k: cues.first.get(_cue_of(k), 99))
    best_name = max(options, key=lambda k: options[k])
    return best_name if options[best_name] > 0 else "cohort"


def _cue_of(design: str) -> str:
    return {"case_control": "case_control", "cross_sectional": "cross_sectional"}.get(
        design, "cohort_strong"
    )


def _from_text(cues: DesignCues, people_counted: bool) -> tuple[str, str | None]:
    """Resolve the cue scores into one design, in the order a reader would."""
    s = cues.score
    if s("meta") >= 3:
        return "meta_analysis", "meta"
    if s("review") >= 3:
        return "systematic_review", "review"
    if s("case") >= 3 and s("randomised") < 3:
        return "case_report_or_series", "case"
    lab = max(s("animal"), s("lab"))
    if lab >= 3 and not people_counted and lab >= max(s("randomised"), s("trial")):
        return "animal_or_lab", "animal" if s("animal") >= s("lab") else "lab"
    if s("mendelian") >= 3:
        return "other", "mendelian"
    observational = max(s("cohort_strong"), s("case_control"), s("cross_sectional"))
    trial = max(s("randomised"), s("pilot"), s("trial"), s("single_arm"), s("nonrandomised"))
    if s("qualitative") >= 3 and s("randomised") < 3 and s("pilot") < 4.5:
        return "qualitative", "qualitative"
    if s("pilot") >= 3:
        return "feasibility_or_pilot", "pilot"
    if trial >= 3 and trial >= observational:
        return _trial_kind(cues), _trial_cue(cues)
    if observational >= 3 or max(s("cohort_weak"), s("survey")) >= 2:
        kind = _observational_kind(cues)
        return kind, _cue_of(kind) if kind != "cross_sectional" or s(
            "cross_sectional"
        ) else "survey"
    if s("narrative") >= 1.5:
        return "other", "narrative"
    if s("intervention") >= 2 or s("placebo") >= 2:
        return _trial_kind(cues), "intervention"
    if s("healthy_controls") >= 1.5:
        return "case_control", "healthy_controls"
    if s("repeated") >= 2:
        return "cohort", "repeated"
    if s("diagnostic") >= 2 and people_counted:
        return "cross_sectional", "diagnostic"
    if s("focus_groups") >= 2:
        return "qualitative", "focus_groups"
    if lab >= 2 and not people_counted:
        return "animal_or_lab", "animal" if s("animal") >= s("lab") else "lab"
    if max(s("cohort_weak"), s("survey")) > 0:
        kind = _observational_kind(cues)
        return kind, _cue_of(kind)
    if people_counted and s("measured") > 0:
        # People were enrolled and measured once, and nothing says more: the commonest
        # design that fits is a cross-sectional study.
        return "cross_sectional", "measured"
    return "other", None


def _trial_cue(cues: DesignCues) -> str:
    names = ("randomised", "pilot", "nonrandomised", "single_arm", "trial")
    return max(names, key=cues.score)
