"""Check `readability`: the Flesch-Kincaid grade of the whole summary.

Readers range from people with MS who have brain fog to caregivers who are not native
speakers; health-literacy guidance puts patient material at school grade 8 or below.
The grade is measured on the whole summary (headline and every section) with the
project's offline Flesch-Kincaid (`msdigest.text.readability`).
"""

from __future__ import annotations

from msdigest.checks.context import CheckInput
from msdigest.summary import CheckResult, Status
from msdigest.text.readability import count_syllables, text_stats, words

__all__ = ["FAIL_ABOVE", "GOAL", "NAME", "check"]

NAME = "readability"
#: Grade 8 or below passes; above 8 up to 10 warns; above 10 fails.
GOAL = 8.0
FAIL_ABOVE = 10.0
_HARDEST = 3


def _sentence_grade(text: str) -> float:
    found = words(text)
    if not found:
        return 0.0
    syllables = sum(count_syllables(w) for w in found)
    return 0.39 * len(found) + 11.8 * syllables / len(found) - 15.59


def check(data: CheckInput) -> CheckResult:
    """Return pass at grade 8 or below, warn up to 10, fail above 10 or with no text.

    A warning or failure quotes the hardest sentences (by their own grade), which are
    the ones to rewrite first.
    """
    stats = text_stats(data.full_text)
    if not stats.words:
        return CheckResult(NAME, "fail", "the summary has no text to measure")
    grade = stats.grade
    if grade <= GOAL:
        return CheckResult(NAME, "pass", f"Flesch-Kincaid grade {grade:.1f} (goal 8 or below)")
    hardest = sorted(data.pieces, key=lambda p: _sentence_grade(p.text), reverse=True)
    offending = tuple(p.text for p in hardest[:_HARDEST])
    status: Status = "fail" if grade > FAIL_ABOVE else "warn"
    limit = "above 10 fails" if status == "fail" else "goal 8 or below; above 10 fails"
    message = (
        f"Flesch-Kincaid grade {grade:.1f} ({limit}); "
        f"{stats.words_per_sentence:.1f} words per sentence, "
        f"{stats.syllables / stats.words:.2f} syllables per word; hardest sentences quoted"
    )
    return CheckResult(NAME, status, message, offending)
