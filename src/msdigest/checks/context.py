"""The input every check reads: the summary, its source, and text derived from them once.

Checks run on every summary the writer makes (50 a second on one core is the goal), so
what several checks need (the summary's sentences, its whole text, the source's text) is
computed once per summary here and shared, and anything that depends only on the paper
is cached per paper by the module that needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from msdigest.facts.model import StudyFacts
from msdigest.paper import Paper
from msdigest.summary import CheckResult, LaySummary, Status
from msdigest.text.sentences import split_sentences

__all__ = [
    "WHY_IT_MATTERS_PARTS",
    "CheckInput",
    "SummaryPiece",
    "make_result",
    "quote",
    "sentence_around",
]

#: The parts of "why it matters" in reading order (the order of `WhyItMatters.text()`).
WHY_IT_MATTERS_PARTS = (
    "people_with_ms",
    "analogy",
    "caregivers",
    "healthcare_providers",
    "may_not_apply_to",
)

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SummaryPiece:
    """One sentence of the summary as a reader sees it, with its section and part."""

    section: str
    part: str | None
    text: str


class CheckInput:
    """A summary with its paper and facts, plus derived text computed at most once."""

    def __init__(self, summary: LaySummary, paper: Paper, facts: StudyFacts) -> None:
        self.summary = summary
        self.paper = paper
        self.facts = facts

    @cached_property
    def sections(self) -> tuple[tuple[str, str | None, str], ...]:
        """Return (section, part, text) for every piece of text, in reading order."""
        why = self.summary.why_it_matters
        return (
            ("headline", None, self.summary.headline),
            ("study", None, self.summary.study),
            *(("why_it_matters", part, getattr(why, part)) for part in WHY_IT_MATTERS_PARTS),
            ("keep_in_mind", None, self.summary.keep_in_mind),
        )

    @cached_property
    def full_text(self) -> str:
        """Return the whole summary, headline first, as the reader reads it."""
        return self.summary.full_text

    @cached_property
    def pieces(self) -> tuple[SummaryPiece, ...]:
        """Return every sentence of the summary, split from the section texts.

        The checks read the text a reader sees, not `summary.sentences`, so an engine
        cannot pass them by describing its output differently from what it wrote.
        """
        found: list[SummaryPiece] = []
        for section, part, text in self.sections:
            for sentence in split_sentences(text or ""):
                found.append(SummaryPiece(section, part, sentence.text))
        return tuple(found)

    @cached_property
    def source_text(self) -> str:
        """Return the title and the abstract: everything a summary may rest on."""
        return f"{self.paper.title}\n{self.paper.abstract_text}"


def quote(text: str, limit: int = 160) -> str:
    """Return `text` on one line in double quotes, shortened with "..." past `limit`."""
    flat = _SPACE.sub(" ", text[: limit * 4]).strip()  # slice first: sentences can be huge
    if len(flat) > limit:
        flat = flat[: limit - 3].rstrip() + "..."
    return f'"{flat}"'


def sentence_around(text: str, start: int, end: int) -> str:
    """Return the sentence of `text` that holds the characters `start`..`end`."""
    for sentence in split_sentences(text):
        if sentence.start <= start and end <= sentence.end:
            return sentence.text
    return text[start:end]


def make_result(
    name: str, problems: list[str], warnings: list[str], offending: list[str], ok: str
) -> CheckResult:
    """Return fail when there are problems, warn when only warnings, else pass with `ok`.

    Offending text is de-duplicated in order, so an editor reads each quote once.
    """
    status: Status = "fail" if problems else "warn" if warnings else "pass"
    message = "; ".join(problems + warnings) if status != "pass" else ok
    unique = tuple(dict.fromkeys(o for o in offending if o))
    return CheckResult(name, status, message, unique if status != "pass" else ())
