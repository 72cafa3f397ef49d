"""Check `sentence_length`: no sentence over 25 words.

Long sentences are the main thing that makes health text hard: a reader must hold the
whole of it in mind before it makes sense. One long sentence can hide behind a good
average grade, so each sentence is checked on its own. Words are counted as the
readability formula counts them ("12-month" and "relapse-free" are one word each).
"""

from __future__ import annotations

from msdigest.checks.context import CheckInput
from msdigest.summary import CheckResult
from msdigest.text.readability import word_count

__all__ = ["LONG", "MAX_WORDS", "NAME", "SEVERAL", "check"]

NAME = "sentence_length"
#: More words than this in one sentence fails.
MAX_WORDS = 25
#: Sentences of this many words up to MAX_WORDS are long; SEVERAL of them warn.
LONG = 21
SEVERAL = 3


def check(data: CheckInput) -> CheckResult:
    """Return fail quoting every sentence over 25 words; warn when 3 or more have 21-25."""
    too_long: list[tuple[int, str]] = []
    long: list[tuple[int, str]] = []
    for piece in data.pieces:
        count = word_count(piece.text)
        if count > MAX_WORDS:
            too_long.append((count, piece.text))
        elif count >= LONG:
            long.append((count, piece.text))
    if too_long:
        counts = ", ".join(str(count) for count, _ in too_long)
        noun = "sentence is" if len(too_long) == 1 else "sentences are"
        return CheckResult(
            NAME,
            "fail",
            f"{len(too_long)} {noun} over {MAX_WORDS} words ({counts} words); split them",
            tuple(text for _, text in too_long),
        )
    if len(long) >= SEVERAL:
        return CheckResult(
            NAME,
            "warn",
            f"{len(long)} sentences have {LONG}-{MAX_WORDS} words; shorten some of them",
            tuple(text for _, text in long),
        )
    longest = max((word_count(p.text) for p in data.pieces), default=0)
    return CheckResult(NAME, "pass", f"no sentence over {MAX_WORDS} words (longest {longest})")
