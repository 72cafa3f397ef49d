"""The `LaySummary` record: the plain-language article and where every sentence came from.

A summary is written by an engine (see `msdigest.writers`) and then checked
(see `msdigest.checks`); the check report travels with it, so a summary is never stored or
shown without the verdict on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "SECTIONS",
    "CheckReport",
    "CheckResult",
    "EngineInfo",
    "GlossaryUse",
    "LaySummary",
    "Provenance",
    "SummarySentence",
    "WhyItMatters",
]

#: The article's sections in reading order; `sentences[*].section` takes these values.
SECTIONS = ("headline", "study", "why_it_matters", "keep_in_mind")

Status = Literal["pass", "warn", "fail"]
_RANK = {"pass": 0, "warn": 1, "fail": 2}


@dataclass(frozen=True, slots=True)
class Provenance:
    """What one sentence rests on: a source sentence ("source") or an extracted fact ("fact").

    For a source sentence, `ref` is "abstract:<start>-<end>" (offsets into
    `Paper.abstract_text`) and `text` is that sentence; for a fact, `ref` is the fact's name
    ("sample_size", "limitations.small_sample") and `text` is the value or its source span.
    Engine-written framing (the analogy, the pointer to the care team) has kind "editorial".
    """

    kind: Literal["source", "fact", "editorial"]
    ref: str
    text: str

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-ready dict."""
        return {"kind": self.kind, "ref": self.ref, "text": self.text}


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence of the summary, the section it is in, and what it rests on."""

    text: str
    section: str
    part: str | None = None
    sources: tuple[Provenance, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "text": self.text,
            "section": self.section,
            "part": self.part,
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class WhyItMatters:
    """Why the study matters, for each audience, plus its limits of reach and an analogy."""

    people_with_ms: str
    caregivers: str
    healthcare_providers: str
    may_not_apply_to: str
    analogy: str

    def text(self) -> str:
        """Return the section as one paragraph in reading order."""
        parts = (
            self.people_with_ms,
            self.analogy,
            self.caregivers,
            self.healthcare_providers,
            self.may_not_apply_to,
        )
        return " ".join(p for p in parts if p)

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-ready dict."""
        return {
            "people_with_ms": self.people_with_ms,
            "caregivers": self.caregivers,
            "healthcare_providers": self.healthcare_providers,
            "may_not_apply_to": self.may_not_apply_to,
            "analogy": self.analogy,
        }


@dataclass(frozen=True, slots=True)
class GlossaryUse:
    """A glossary term the summary uses, with its plain definition."""

    term: str
    definition: str


@dataclass(frozen=True, slots=True)
class EngineInfo:
    """Which engine wrote a summary, so a stored summary can be traced and re-made."""

    key: str
    version: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The verdict of one check, with the reason and the offending text when not a pass."""

    name: str
    status: Status
    message: str
    offending: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "name": self.name,
            "status": self.status,
            "message": self.message,
            "offending": list(self.offending),
        }


@dataclass(frozen=True, slots=True)
class CheckReport:
    """All check results for one summary; `status` is the worst of them."""

    results: tuple[CheckResult, ...]

    @property
    def status(self) -> Status:
        """Return "fail" if any check failed, else "warn" if any warned, else "pass"."""
        worst: Status = "pass"
        for result in self.results:
            if _RANK[result.status] > _RANK[worst]:
                worst = result.status
        return worst

    @property
    def passed(self) -> bool:
        """Return True when no check failed (warnings allowed)."""
        return self.status != "fail"

    def by_severity(self) -> tuple[CheckResult, ...]:
        """Return the results with failures first, then warnings, then passes."""
        return tuple(sorted(self.results, key=lambda r: -_RANK[r.status]))

    def get(self, name: str) -> CheckResult | None:
        """Return the result of the check called `name`, if it ran."""
        return next((r for r in self.results if r.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"status": self.status, "results": [r.to_dict() for r in self.results]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckReport:
        """Rebuild a report from `to_dict` output."""
        return cls(
            results=tuple(
                CheckResult(
                    name=r["name"],
                    status=r["status"],
                    message=r["message"],
                    offending=tuple(r.get("offending", ())),
                )
                for r in data.get("results", ())
            )
        )


@dataclass(frozen=True, slots=True)
class LaySummary:
    """A plain-language article about one paper.

    `evidence` holds the label, its reasons, the design and the sample size as shown in
    the "evidence at a glance" box. `checks` is None only between the engine and the
    checks; every summary that leaves `msdigest.writers.write_summary` carries its report.
    """

    paper_id: str
    pmid: str | None
    headline: str
    study: str
    why_it_matters: WhyItMatters
    keep_in_mind: str
    evidence: dict[str, Any]
    glossary: tuple[GlossaryUse, ...]
    sentences: tuple[SummarySentence, ...]
    engine: EngineInfo
    checks: CheckReport | None = field(default=None, compare=False)

    def section_text(self, section: str) -> str:
        """Return one section's text by its name in `SECTIONS`."""
        if section == "why_it_matters":
            return self.why_it_matters.text()
        value = getattr(self, section)
        assert isinstance(value, str)
        return value

    @property
    def full_text(self) -> str:
        """Return every section, headline first, as the reader would read it."""
        return "\n\n".join(self.section_text(s) for s in SECTIONS)

    @property
    def body_text(self) -> str:
        """Return the sections after the headline."""
        return "\n\n".join(self.section_text(s) for s in SECTIONS[1:])

    def to_json(self) -> dict[str, Any]:
        """Return the `msdigest summarize --format jsonl` object."""
        return {
            "id": self.paper_id,
            "pmid": self.pmid,
            "headline": self.headline,
            "study": self.study,
            "why_it_matters": self.why_it_matters.to_dict(),
            "keep_in_mind": self.keep_in_mind,
            "evidence": self.evidence,
            "glossary": [{"term": g.term, "definition": g.definition} for g in self.glossary],
            "sentences": [s.to_dict() for s in self.sentences],
            "engine": {"key": self.engine.key, "version": self.engine.version},
            "checks": self.checks.to_dict() if self.checks else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LaySummary:
        """Rebuild a summary from `to_json` output (as stored by the website)."""
        return cls(
            paper_id=data["id"],
            pmid=data.get("pmid"),
            headline=data["headline"],
            study=data["study"],
            why_it_matters=WhyItMatters(**data["why_it_matters"]),
            keep_in_mind=data["keep_in_mind"],
            evidence=dict(data.get("evidence") or {}),
            glossary=tuple(GlossaryUse(**g) for g in data.get("glossary", ())),
            sentences=tuple(
                SummarySentence(
                    text=s["text"],
                    section=s["section"],
                    part=s.get("part"),
                    sources=tuple(Provenance(**p) for p in s.get("sources", ())),
                )
                for s in data.get("sentences", ())
            ),
            engine=EngineInfo(**data["engine"]),
            checks=CheckReport.from_dict(data["checks"]) if data.get("checks") else None,
        )
