"""Find numbers in text however they are written: "1,204", "0.05", "25%", "twenty-five".

Fact extraction reads sample sizes written as words ("Twenty-four adults"); the numbers
check compares every number in a summary with the numbers in the source after normalising
"12-month", "twelve" and "25%" to plain values. Both use this one module so they agree on
what a number is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from msdigest.text.trie import trie_pattern

__all__ = ["NumberMention", "find_numbers", "format_count", "number_words", "words_to_int"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
# "twenty-five", "one hundred and twelve", "two thousand three hundred"
_WORD_NUMBER = re.compile(rf"\b(?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*\b", re.IGNORECASE)


# `_WORD_NUMBER` for lower-case ASCII text: the same matches at the same places, found
# about four times faster (a trie, and no case-blind comparison). ASCII text keeps its
# length and offsets when lower-cased; other text is searched with `_WORD_NUMBER`.
_WORD_TRIE = trie_pattern(_WORD.split("|"))
_LOWER_WORD_NUMBER = re.compile(rf"\b{_WORD_TRIE}(?:(?:\s+and\s+|[\s-]+){_WORD_TRIE})*\b")
# "1,204", "1 204" is not accepted (ambiguous with two numbers); "0.05", ".05", "25%"
_DIGITS = re.compile(
    r"(?<![\w.])(?P<number>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|\.\d+)(?P<percent>\s?%)?"
)

Kind = Literal["digits", "percent", "words"]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in text: its value, the text as written, and where it is."""

    value: float
    text: str
    start: int
    end: int
    kind: Kind


def words_to_int(text: str) -> int | None:
    """Return the value of a number written in words ("twenty-five" -> 25), else None."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total = 0
    current = 0
    for token in tokens:
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current


def _value(raw: str) -> float:
    return float(raw.replace(",", ""))


def find_numbers(text: str) -> list[NumberMention]:
    """Return every number in `text`, in order, with its value and position.

    Hyphenated forms count as their number ("12-month" -> 12); a range "18-60" gives two
    numbers; "25%" gives 25 with kind "percent"; words give kind "words".
    """
    found: list[NumberMention] = []
    for match in _DIGITS.finditer(text):
        raw = match.group("number")
        kind: Kind = "percent" if match.group("percent") else "digits"
        found.append(NumberMention(_value(raw), match.group(0), match.start(), match.end(), kind))
    ascii_text = text.isascii()
    scan = _LOWER_WORD_NUMBER.finditer(text.lower()) if ascii_text else _WORD_NUMBER.finditer(text)
    for match in scan:
        start, end = match.span()
        written = text[start:end]
        value = words_to_int(written)
        if value is not None:
            found.append(NumberMention(float(value), written, start, end, "words"))
    found.sort(key=lambda m: m.start)
    return found


def number_words(value: int) -> str:
    """Return a whole number from 0 to 9999 in words ("twenty-five"), for sentence starts."""
    if not 0 <= value < 10000:
        raise ValueError(f"{value} is out of range for number_words")
    units = {v: k for k, v in _UNITS.items()}
    tens = {v: k for k, v in _TENS.items()}
    parts: list[str] = []
    thousands, rest = divmod(value, 1000)
    if thousands:
        parts.append(f"{units[thousands]} thousand")
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        parts.append(f"{units[hundreds]} hundred")
    if rest or not parts:
        if parts:
            parts.append("and")
        if rest < 20:
            parts.append(units[rest])
        else:
            ten, unit = divmod(rest, 10)
            parts.append(tens[ten * 10] + (f"-{units[unit]}" if unit else ""))
    return " ".join(parts)


def format_count(value: int) -> str:
    """Return a count as a reader expects it: "1,204", "62"."""
    return f"{value:,}"
