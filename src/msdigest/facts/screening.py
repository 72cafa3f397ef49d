"""Decide whether an abstract can be read for facts at all, and say why not.

Bad input must give empty facts with a reason an editor can read, never a crash and never
a guess: an empty or one-line abstract has nothing to extract; text that is not English
would only produce nonsense matches; a huge paste is cut to `MAX_CHARS` (and noted);
markup debris ("&lt;i&gt;", "<sup>") is read as text and noted.
"""

from __future__ import annotations

import re

from msdigest.facts.document import MAX_CHARS, Document

__all__ = ["MIN_WORDS", "screen"]

#: Fewer words than this is not an abstract ("Abstract", "N/A", "No abstract available").
MIN_WORDS = 5

_ENGLISH = frozenset(
    "the of and in to a with was were for is that on by as from this at or are we be an "  # noqa: SIM905
    "patients study between which than not these after during all had have who it its "
    "compared results using into there no our".split()
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);", re.I)


def screen(doc: Document) -> tuple[bool, tuple[str, ...]]:
    """Return (usable, notes) for a prepared document."""
    notes: list[str] = []
    words = _WORD.findall(doc.text[:4000])  # enough to judge; a 12,000-character paste is slow
    if not words:
        return False, ("the abstract is empty: no facts extracted",)
    if len(words) < MIN_WORDS:
        return False, (
            f"the abstract has only {len(words)} word{'s' if len(words) != 1 else ''}: "
            "too short to extract facts",
        )
    # Counted with `map` over C functions: a generator per word cost a tenth of a millisecond.
    sample = list(map(str.lower, words[:400]))
    english = sum(map(_ENGLISH.__contains__, sample)) / len(sample)
    latin = sum(map(str.isascii, sample)) / len(sample)
    # Short texts may lack function words; judge language only on a real paragraph.
    if latin < 0.5 or (len(sample) >= 20 and english < 0.06):
        return False, ("the abstract does not look like English text: no facts extracted",)
    if doc.truncated:
        notes.append(
            f"the abstract is {doc.original_length:,} characters long; only the first "
            f"{len(doc.text):,} were examined (limit {MAX_CHARS:,})"
        )
    if _MARKUP.search(doc.text) or _MARKUP.search(doc.title.text):
        notes.append("the abstract contains markup debris (tags or entities); it was read as text")
    return True, tuple(notes)
