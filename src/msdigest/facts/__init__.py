"""Study facts: what kind of study a paper reports, who took part, for how long, what it found.

`extract_facts(paper)` is the entry point; `StudyFacts` and its parts are the record the
writer, the checks and the website read. Every fact keeps the span of source text it came
from. This package never imports Django.
"""

from __future__ import annotations

from msdigest.facts.extract import extract_facts
from msdigest.facts.model import (
    DESIGNS,
    LIMITATION_FLAGS,
    TOPICS,
    Duration,
    Evidence,
    GroupCount,
    Limitations,
    Result,
    SampleSize,
    Span,
    StudyFacts,
    TextFact,
)

__all__ = [
    "DESIGNS",
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
    "extract_facts",
]
