"""Check `length`: the whole summary has 150 to 450 words.

Under 150 words a summary cannot cover who took part, what was found, why it matters
and what to keep in mind; over 450 it stops being a summary and readers leave before
the limitations. Words are counted as the readability formula counts them.
"""

from __future__ import annotations

from msdigest.checks.context import CheckInput
from msdigest.summary import CheckResult
from msdigest.text.readability import word_count

__all__ = ["MAX_WORDS", "MIN_WORDS", "NAME", "check"]

NAME = "length"
MIN_WORDS = 150
MAX_WORDS = 450


def check(data: CheckInput) -> CheckResult:
    """Return fail outside 150-450 words, pass inside; the message gives the count."""
    count = word_count(data.full_text)
    if count < MIN_WORDS:
        source_words = word_count(data.paper.abstract_text)
        return CheckResult(
            NAME,
            "fail",
            f"{count} words, under the minimum of {MIN_WORDS} "
            f"(the abstract has {source_words} words); an editor should decide whether "
            "the source supports a full summary",
        )
    if count > MAX_WORDS:
        return CheckResult(
            NAME, "fail", f"{count} words, over the maximum of {MAX_WORDS}; cut repetition"
        )
    return CheckResult(NAME, "pass", f"{count} words ({MIN_WORDS}-{MAX_WORDS})")
