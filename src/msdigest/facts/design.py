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

from msdigest.facts.cues import OWN_VOICE, DesignCues, read_cues
from msdigest.facts.document import Document
from msdigest.facts.model import Span

__all__ = ["DesignCues", "DesignDecision", "TextEvidence", "classify_design", "read_cues"]


@dataclass(frozen=True, slots=True)
class DesignDecision:
    """The design, what it rests on (publication type, MeSH or text) and its source span."""

    design: str
    basis: str
    span: Span | None
    is_protocol: bool = False
    #: "study" for an original study; "commentary" for a narrative review, commentary,
    #: viewpoint or editorial (no participants, no comparison group of its own).
    genre: str = "study"


@dataclass(frozen=True, slots=True)
class TextEvidence:
    """What the counts of people say about the study, for reading its design from text.

    `enrolled`: people were enrolled, randomised or allocated; `counted`: the study counts
    people of its own at all (respondents, analysed, "(n = 110)"); `controls`: it counts a
    control group; `methods`: the abstract has a methods section.
    """

    enrolled: bool = False
    counted: bool = False
    controls: bool = False
    methods: bool = False

    @property
    def original(self) -> bool:
        """Return True when the abstract reports a study of its own people."""
        return self.counted or self.enrolled or self.methods


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


def classify_design(
    doc: Document, cues: DesignCues, people_counted: bool | TextEvidence
) -> DesignDecision:
    """Return the study design: publication types and MeSH first, then the text.

    `people_counted` is a `TextEvidence`, or a bool saying whether people were enrolled.
    """
    evidence = (
        people_counted
        if isinstance(people_counted, TextEvidence)
        else TextEvidence(enrolled=people_counted, counted=people_counted)
    )
    if not evidence.methods and any(s.category == "METHODS" for s in doc.sentences):
        evidence = TextEvidence(evidence.enrolled, evidence.counted, evidence.controls, True)
    protocol = cues.score("protocol") >= 3 or any(
        t.lower() == "clinical trial protocol" for t in doc.paper.publication_types
    )
    from_types = _from_publication_types(doc, cues)
    if from_types is not None:
        return DesignDecision(from_types, "publication type", None, protocol)
    mesh = {term.lower() for term in doc.paper.mesh_terms}
    if "animals" in mesh and "humans" not in mesh:
        return DesignDecision("animal_or_lab", "MeSH", None, protocol)
    own_voice = cues.score("others_work") > 0 and bool(
        OWN_VOICE.search(f"{doc.title.lower} {doc.lower_text}")
    )
    design, cue = _from_text(cues, evidence, own_voice)
    if design == "other" and mesh:
        from_mesh = _from_mesh(mesh)
        if from_mesh:
            return DesignDecision(from_mesh, "MeSH", None, protocol)
    genre = "commentary" if cue == "narrative" else "study"
    return DesignDecision(design, "text", cues.span(cue) if cue else None, protocol, genre)


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
    if max(cues.score("single_arm"), cues.score("before_after")) >= 2:
        return "single_arm_trial"
    if cues.score("placebo") >= 2:
        return "randomized_controlled_trial"
    if cues.score("control_arm") >= 2:
        return "non_randomized_trial"
    return "single_arm_trial"


def _observational_kind(cues: DesignCues, controls_counted: bool = False) -> str:
    """Return cohort, case-control or cross-sectional, whichever the text states best.

    A design named outright ("cross-sectional", "case-control", "prospective cohort", "at a
    single visit") wins; otherwise the hints are weighed: controls counted or matched for a
    case-control study; a survey for a cross-sectional one; registries, records and repeated
    examinations over time for a cohort.
    """
    options = {
        "case_control": max(
            cues.score("case_control"), cues.score("healthy_controls"), 1.5 * controls_counted
        ),
        "cross_sectional": max(cues.score("cross_sectional"), cues.score("survey")),
        "cohort": max(
            cues.score("cohort_strong"), cues.score("cohort_weak"), cues.score("repeated")
        ),
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
    if options[best_name] > 0:
        return best_name
    # Only a source of data is named: records, registries and claims span time (a cohort);
    # data collected before at one visit, with no span of years, are a cross-section.
    if (
        cues.score("existing_data") >= 2
        and not cues.score("data_source")
        and not cues.score("span")
    ):
        return "cross_sectional"
    return "cohort"


def _cue_of(design: str) -> str:
    return {"case_control": "case_control", "cross_sectional": "cross_sectional"}.get(
        design, "cohort_strong"
    )


def _from_text(
    cues: DesignCues, evidence: TextEvidence, own_voice: bool = False
) -> tuple[str, str | None]:
    """Resolve the cue scores into one design, in the order a reader would.

    Reviews, case reports, lab work and genetic (Mendelian randomisation) studies first;
    then the genre: a narrative review, commentary or viewpoint that reports no people of
    its own is `other`, whatever trials it discusses. A trial needs allocation (random or
    not, placebo, a control arm) or an intervention given in the study itself; "before and
    after treatment initiation" in claims data or a registry is an observational cohort.
    """
    s = cues.score
    if s("meta") >= 3:
        return "meta_analysis", "meta"
    if s("review") >= 3 and s("case_own") < 3:
        return "systematic_review", "review"
    # the authors' own patients, with a review of the literature around them
    if s("case") >= 3 and s("randomised") < 3:
        return "case_report_or_series", "case"
    if s("others_work") >= 1.5 and not own_voice and not evidence.original:
        return "other", "narrative"  # "In a recent paper, Novak et al. show ... in mice"
    lab = max(s("animal"), s("lab"))
    if (
        lab >= 3
        and not evidence.enrolled
        and lab >= max(s("randomised"), s("trial"), s("trial_word"))
    ):
        return "animal_or_lab", "animal" if s("animal") >= s("lab") else "lab"
    if s("mendelian") >= 3:
        return "other", "mendelian"
    if s("narrative") >= 1.5 and not evidence.original:
        return "other", "narrative"
    observational = max(s("cohort_strong"), s("case_control"), s("cross_sectional"))
    # "a cross-sectional pilot study" is a small observational study, not a pilot trial
    pilot = s("pilot") if observational < s("pilot") or s("randomised") >= 3 else 0.0
    named = max(s("randomised"), pilot, s("trial"), s("single_arm"), s("nonrandomised"))
    trial = max(named, s("trial_word"), s("before_after"))
    if s("qualitative") >= 3 and s("randomised") < 3 and s("pilot") < 4.5:
        return "qualitative", "qualitative"
    if pilot >= 3:
        return "feasibility_or_pilot", "pilot"
    allocated = (
        max(s("randomised"), s("nonrandomised")) >= 3 or max(s("placebo"), s("control_arm")) >= 2
    )
    tested = max(s("trial"), s("single_arm"), s("placebo"), s("control_arm"))
    if s("development") >= 3 and s("randomised") < 3 and tested < 2 and observational < 3:
        # a tool built or tested with its users: from their feedback, or, when they used it
        # for weeks, a test of feasibility
        if s("use_period") >= 2:
            return "feasibility_or_pilot", "development"
        return "qualitative", "development"
    # Patients compared with healthy controls before and after starting a drug in routine
    # care are observed, not treated by the study: that needs a clearer intervention.
    intervened = s("intervention") >= (2 if evidence.controls else 1) and s("data_source") < 2
    if trial >= 3 and trial >= observational and (named >= 3 or allocated or intervened):
        return _trial_kind(cues), _trial_cue(cues)
    weak = max(s("cohort_weak"), s("survey"), s("data_source"), s("existing_data"))
    if observational >= 3 or weak >= 2:
        kind = _observational_kind(cues, evidence.controls)
        return kind, _cue_of(kind) if kind != "cross_sectional" or s(
            "cross_sectional"
        ) else "survey"
    if s("intervention") >= 2 or s("placebo") >= 2:
        return _trial_kind(cues), "intervention"
    if s("healthy_controls") >= 1.5 or evidence.controls:
        return "case_control", "healthy_controls"
    if s("repeated") >= 2:
        return "cohort", "repeated"
    if s("diagnostic") >= 2 and evidence.enrolled:
        return "cross_sectional", "diagnostic"
    if s("focus_groups") >= 2:
        return "qualitative", "focus_groups"
    if lab >= 2 and not evidence.enrolled:
        return "animal_or_lab", "animal" if s("animal") >= s("lab") else "lab"
    if weak > 0:
        kind = _observational_kind(cues, evidence.controls)
        return kind, _cue_of(kind)
    if evidence.enrolled or evidence.counted:
        # People of its own took part and nothing says they were compared or treated: if
        # the abstract spans years ("over 10 years") they were followed, a cohort;
        # otherwise the commonest design that fits is a cross-sectional study.
        if s("span") > 0:
            return "cohort", "span"
        return "cross_sectional", "measured"
    return "other", None


def _trial_cue(cues: DesignCues) -> str:
    names = ("randomised", "pilot", "nonrandomised", "single_arm", "trial", "before_after",
             "trial_word")  # fmt: skip
    return max(names, key=cues.score)
