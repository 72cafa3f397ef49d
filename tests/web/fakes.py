"""Stand-ins for the pipeline in website tests: facts, an engine and checks we control.

The website must not depend on the real writer's prose, so these produce complete
records from the paper with rules a test can steer:

* `fake_facts`: sample size from "n = NUMBER" (or none), topics from the paper's keywords
  that are topic keys (default "treatments"), design "cohort" unless a keyword names one.
* `FakeEngine`: every section filled, each sentence with provenance, the glossary term
  "relapse" used in the study section.
* `fake_checks`: "fail" when the text says "proves" (an overclaim), "warn" when it says
  "perhaps", otherwise "pass".
"""

from __future__ import annotations

import re

from msdigest.facts.model import DESIGNS, TOPICS, Evidence, Limitations, SampleSize, StudyFacts
from msdigest.paper import Paper
from msdigest.summary import (
    CheckReport,
    CheckResult,
    EngineInfo,
    GlossaryUse,
    LaySummary,
    Provenance,
    SummarySentence,
    WhyItMatters,
)
from msdigest.text.sentences import split_sentences
from msdigest.writers.base import Engine


def fake_facts(paper: Paper) -> StudyFacts:
    match = re.search(r"\bn\s*=\s*(\d+)", paper.abstract_text)
    total = int(match.group(1)) if match else None
    topics = tuple(k for k in paper.keywords if k in TOPICS) or ("treatments",)
    design = next((k for k in paper.keywords if k in DESIGNS), "cohort")
    return StudyFacts(
        paper_id=paper.id,
        pmid=paper.pmid,
        study_design=design,
        sample_size=SampleSize(total=total, reason=None if total else "no count stated"),
        has_control_group=False,
        topics=topics,
        limitations=Limitations(small_sample=total is not None and total < 100, observational=True),
        evidence=Evidence(
            label="observational study",
            reasons=("people were observed, not assigned a treatment",),
            level=2,
        ),
    )


class FakeEngine(Engine):
    key = "fake"
    version = "1"

    def write(self, paper: Paper, facts: StudyFacts) -> LaySummary:
        first = split_sentences(paper.abstract_text)[0]
        source = Provenance("source", f"abstract:{first.start}-{first.end}", first.text)
        total = facts.sample_size.total
        count = f"{total} people with MS" if total else "People with MS"
        headline = f"A study looked at {paper.title.rstrip('.')}."
        study = (
            f"{count} took part. The researchers asked about each relapse. "
            f"They reported this: {first.text}"
        )
        why = WhyItMatters(
            people_with_ms="This may help people with MS plan with their care team.",
            caregivers="Caregivers may want to know about this work.",
            healthcare_providers="Clinicians may find the method useful.",
            may_not_apply_to="It may not apply to people with other kinds of MS.",
            analogy="It is like checking the weather before a walk.",
        )
        keep = "This was a small observational study. Larger studies are needed."
        sentences = [SummarySentence(headline, "headline", sources=(source,))]
        for piece in split_sentences(study):
            sentences.append(SummarySentence(piece.text, "study", sources=(source,)))
        for part, text in why.to_dict().items():
            kind = "editorial" if part == "analogy" else "fact"
            sentences.append(
                SummarySentence(
                    text, "why_it_matters", part, (Provenance(kind, "evidence", "observational"),)
                )
            )
        for piece in split_sentences(keep):
            sentences.append(
                SummarySentence(
                    piece.text,
                    "keep_in_mind",
                    sources=(Provenance("fact", "limitations.observational", "true"),),
                )
            )
        return LaySummary(
            paper_id=paper.id,
            pmid=paper.pmid,
            headline=headline,
            study=study,
            why_it_matters=why,
            keep_in_mind=keep,
            evidence={
                **facts.evidence.to_dict(),
                "design": facts.study_design,
                "sample_size": total,
            },
            glossary=(
                GlossaryUse("relapse", "A time when MS symptoms get worse or new ones start."),
            ),
            sentences=tuple(sentences),
            engine=EngineInfo(self.key, self.version),
        )


class BrokenEngine(Engine):
    key = "broken"
    version = "1"

    def write(self, paper: Paper, facts: StudyFacts) -> LaySummary:
        from msdigest.errors import EngineError

        raise EngineError(f"cannot write about {paper.id}")


def fake_checks(summary: LaySummary, paper: Paper, facts: StudyFacts) -> CheckReport:
    text = summary.full_text
    results = [CheckResult("length", "pass", "length is fine")]
    if "proves" in text:
        results.append(CheckResult("claims", "fail", "overclaiming word", ("proves",)))
    else:
        results.append(CheckResult("claims", "pass", "no overclaiming"))
    if "perhaps" in text:
        results.append(CheckResult("jargon", "warn", "vague word", ("perhaps",)))
    return CheckReport(tuple(results))
