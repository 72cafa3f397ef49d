"""Skip a slow case-blind pattern on a text that cannot match it.

Python's case-blind matching of a long list of words tries every word at every position,
which costs 10-30 microseconds a sentence; the checks and the writer run such patterns on
every sentence they see, and most sentences match none of them. Every match of such a
pattern holds one of a few word beginnings ("third", "twice"): an ASCII text that has none
of them, in any case, cannot match, and finding that out takes a fraction of the time.

The test is exact, never a guess: a text with any other character always goes to the
pattern, because case-blind matching treats a few of them ("ı", "ſ", the Kelvin sign) as
ASCII letters.
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Iterable, Iterator

__all__ = ["GuardedPattern", "word_view"]

# Every ASCII character that is not a word character becomes a space, so " word" in the
# view finds "word" only where it starts a word (where `\b` would put a boundary).
_WORD_CHARS = frozenset(string.ascii_lowercase + string.digits + "_")
# (A table over bytes: `bytes.translate` is many times faster than `str.translate` with a
# dict, and `in` is faster on the decoded `str` than on `bytes`.)
_SPACES = bytes(c + 32 if 65 <= c <= 90 else c if chr(c) in _WORD_CHARS else 32 for c in range(256))


def word_view(text: str) -> str | None:
    """Return `text` lower-cased with every non-word character a space, after a space.

    None when `text` is not ASCII: the view could then miss a case-blind match.
    """
    if not text.isascii():
        return None
    return " " + text.encode("ascii").translate(_SPACES).decode("ascii")


class GuardedPattern:
    """A compiled pattern with the word beginnings one of which every match contains.

    `starts` are lower-case letters or digits, each the beginning of a word ("doubl" for
    "doubled" and "double"); write them so that every possible match of `pattern` has one
    of them at the start of a word, or the guard would skip a real match.
    """

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: re.Pattern[str], starts: Iterable[str]) -> None:
        self.pattern = pattern
        words = tuple(starts)
        for word in words:
            if not word or not set(word) <= _WORD_CHARS:
                raise ValueError(f"a guard is a lower-case word beginning, not {word!r}")
        self.starts = tuple(" " + word for word in words)

    def may_match(self, text: str) -> bool:
        """Return False only when `pattern` surely finds nothing in `text`."""
        view = word_view(text)
        return view is None or any(start in view for start in self.starts)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return `pattern.search(text, pos, endpos)`, skipping texts it cannot match."""
        if not self.may_match(text):
            return None
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Return `pattern.finditer(text)`, skipping texts it cannot match."""
        if not self.may_match(text):
            return iter(())
        return self.pattern.finditer(text)
