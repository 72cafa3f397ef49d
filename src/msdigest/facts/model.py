"""The `StudyFacts` record: what a study was, how big, how long, and what it found.

Every fact carries the `Span` of abstract text it came from, so the writer can cite it and
the website can show the reader where each statement rests. A fact that cannot be found is
None (or empty), and `notes` says why, so the editor sees "no sample size stated" rather
than a guess.

Offsets in a `Span` index into `Paper.abstract_text`; the title, when a fact comes from it,
is marked with `section="TITLE"` and offsets into `Paper.title`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "DESIGNS",
    "DIRECTIONS",
    "LIMITATION_FLAGS",
    "TOPICS",
    "Duration",
    "Evidence",
    "GroupCount",
    "Limitations",
    "Result",
    "SampleSize",
    "Span",
    "StudyFacts",
    "TextFact",
]

DESIGNS = (
    "randomized_controlled_trial",
    "non_randomized_trial",
    "single_arm_trial",
    "feasibility_or_pilot",
    "cohort",
    "case_control",
    "cross_sectional",
    "case_report_or_series",
    "systematic_review",
    "meta_analysis",
    "animal_or_lab",
    "qualitative",
    "other",
)

#: Keys of the MS topic taxonomy and the label a reader sees.
TOPICS = {
    "treatments": "Treatments",
    "exercise_and_rehabilitation": "Exercise and rehabilitation",
    "symptoms": "Symptoms",
    "cognition": "Thinking and memory",
    "imaging": "Brain and spine scans",
    "immune_system_and_causes": "Immune system and causes",
    "diagnosis_and_monitoring": "Diagnosis and monitoring",
    "lifestyle_and_diet": "Lifestyle and diet",
    "pregnancy_and_family": "Pregnancy and family",
    "progressive_ms": "Progressive MS",
    "paediatric_ms": "MS in children",
    "related_conditions": "Related conditions (NMOSD, MOGAD)",
}

DIRECTIONS = ("improved", "worsened", "no clear difference", "mixed")
Direction = Literal["improved", "worsened", "no clear difference", "mixed"]

LIMITATION_FLAGS = (
    "small_sample",
    "no_control",
    "observational",
    "short_follow_up",
    "single_site",
    "animal_or_lab",
)


@dataclass(frozen=True, slots=True)
class Span:
    """Where a fact came from: the exact text and its offsets in the abstract (or title)."""

    text: str
    start: int
    end: int
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"text": self.text, "start": self.start, "end": self.end, "section": self.section}


@dataclass(frozen=True, slots=True)
class TextFact:
    """A fact stated in words (population, intervention, an outcome, the conclusion).

    `primary` marks an outcome the abstract names as its primary (or main) outcome.
    """

    text: str
    span: Span | None = None
    primary: bool = False


@dataclass(frozen=True, slots=True)
class GroupCount:
    """The number of people in one group ("exercise group", "healthy controls")."""

    label: str
    count: int
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class SampleSize:
    """How many people took part: the randomised or enrolled total across every group.

    `total` is None when the abstract gives no count (animal work, most reviews) and
    `reason` says so. `completers` is kept apart: a reader should hear how many joined,
    and separately how many finished.
    """

    total: int | None
    span: Span | None = None
    groups: tuple[GroupCount, ...] = ()
    healthy_controls: int | None = None
    completers: int | None = None
    studies: int | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Duration:
    """How long the treatment or follow-up lasted, as stated and in days."""

    text: str
    days: float
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """One finding: the outcome, which way it went, and whether it was significant.

    `significant` is None when the abstract does not say. `primary` is True when the result
    is about the outcome the abstract names as primary.
    """

    outcome: str
    direction: Direction
    significant: bool | None
    span: Span | None = None
    primary: bool = False


@dataclass(frozen=True, slots=True)
class Limitations:
    """The six limitation flags; None means "cannot tell from the abstract"."""

    small_sample: bool | None = None
    no_control: bool | None = None
    observational: bool | None = None
    short_follow_up: bool | None = None
    single_site: bool | None = None
    animal_or_lab: bool | None = None

    def to_dict(self) -> dict[str, bool | None]:
        """Return the flags by name."""
        return {name: getattr(self, name) for name in LIMITATION_FLAGS}

    def present(self) -> tuple[str, ...]:
        """Return the names of the flags that are true."""
        return tuple(name for name in LIMITATION_FLAGS if getattr(self, name) is True)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A plain label for how much weight a study can bear, and why.

    `level` orders labels from 1 (early lab research) to 5 (review of many trials) so code
    can compare strength without parsing the label.
    """

    label: str
    reasons: tuple[str, ...]
    level: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"label": self.label, "reasons": list(self.reasons), "level": self.level}


@dataclass(frozen=True, slots=True)
class StudyFacts:
    """Everything the writer and the checks may say about one study, with sources."""

    paper_id: str
    pmid: str | None
    study_design: str
    design_span: Span | None = None
    design_basis: str = "text"
    sample_size: SampleSize = field(default_factory=lambda: SampleSize(total=None))
    has_control_group: bool | None = None
    control_span: Span | None = None
    duration: Duration | None = None
    population: TextFact | None = None
    #: Forms of MS or related conditions the paper names ("relapsing-remitting MS", "NMOSD").
    ms_types: tuple[str, ...] = ()
    intervention_or_exposure: TextFact | None = None
    comparison: TextFact | None = None
    outcomes: tuple[TextFact, ...] = ()
    results: tuple[Result, ...] = ()
    conclusion: TextFact | None = None
    topics: tuple[str, ...] = ()
    limitations: Limitations = field(default_factory=Limitations)
    evidence: Evidence = field(
        default_factory=lambda: Evidence(label="unclear evidence", reasons=(), level=0)
    )
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the `msdigest facts` output object.

        The top-level fields use the gold-label format of `ms_labels.jsonl` (a number for
        `sample_size`, text for `duration` and `population`) so outputs and labels compare
        directly; the detail and the source spans sit beside them.
        """

        def text(fact: TextFact | None) -> str | None:
            return fact.text if fact else None

        def span(value: Span | None) -> dict[str, Any] | None:
            return value.to_dict() if value else None

        size = self.sample_size
        return {
            "id": self.paper_id,
            "pmid": self.pmid,
            "study_design": self.study_design,
            "design_basis": self.design_basis,
            "sample_size": size.total,
            "sample_size_detail": {
                "groups": [{"label": g.label, "count": g.count} for g in size.groups],
                "healthy_controls": size.healthy_controls,
                "completers": size.completers,
                "studies": size.studies,
                "reason": size.reason,
            },
            "has_control_group": self.has_control_group,
            "duration": self.duration.text if self.duration else None,
            "duration_days": self.duration.days if self.duration else None,
            "population": text(self.population),
            "ms_types": list(self.ms_types),
            "intervention_or_exposure": text(self.intervention_or_exposure),
            "comparison": text(self.comparison),
            "outcomes": [o.text for o in self.outcomes],
            "primary_outcomes": [o.text for o in self.outcomes if o.primary],
            "results": [
                {
                    "outcome": r.outcome,
                    "direction": r.direction,
                    "significant": r.significant,
                    "primary": r.primary,
                    "source": r.span.text if r.span else None,
                }
                for r in self.results
            ],
            "conclusion": text(self.conclusion),
            "topics": list(self.topics),
            "limitations": self.limitations.to_dict(),
            "evidence": self.evidence.to_dict(),
            "spans": {
                "study_design": span(self.design_span),
                "sample_size": span(size.span),
                "has_control_group": span(self.control_span),
                "duration": span(self.duration.span if self.duration else None),
                "population": span(self.population.span if self.population else None),
                "intervention_or_exposure": span(
                    self.intervention_or_exposure.span if self.intervention_or_exposure else None
                ),
                "comparison": span(self.comparison.span if self.comparison else None),
                "conclusion": span(self.conclusion.span if self.conclusion else None),
            },
            "notes": list(self.notes),
        }
