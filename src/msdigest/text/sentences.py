"""Split scientific text into sentences, keeping each sentence's character offsets.

Abstracts are full of full stops that do not end sentences: "vs.", "e.g.", "et al.",
"Dr.", decimals ("p = 0.05"), "n = 62." followed by a lower-case word, and labels such as
"95% CI". This splitter handles those cases with rules; it needs no model or data file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

# Words after which a full stop does not end the sentence ("vs.", "et al.", "Fig.").
_ABBREVIATIONS = frozenset(
    {
        "al",
        "approx",
        "ca",
        "cf",
        "dr",
        "e.g",
        "eg",
        "etc",
        "fig",
        "figs",
        "i.e",
        "ie",
        "inc",
        "incl",
        "jr",
        "mr",
        "mrs",
        "ms",
        "no",
        "nos",
        "prof",
        "resp",
        "sr",
        "st",
        "vs",
        "vol",
        "vols",
        "wk",
        "wks",
        "yr",
        "yrs",
        "min",
        "max",
        "mo",
        "mos",
        "hr",
        "hrs",
        "sec",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
    }
)

# A candidate boundary: ., ! or ? (optionally followed by closing quotes or brackets),
# then whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"([.!?])([\"'\u201d\u2019)\]]*)(\s+)(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and where it sits in the text it was split from."""

    text: str
    start: int
    end: int


def _previous_word(text: str, position: int) -> str:
    match = re.search(r"(\S+)$", text[:position])
    return match.group(1).lower().lstrip("(\"'[") if match else ""


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    stop = match.start(1)
    if match.group(1) != ".":
        return True
    word = _previous_word(text, stop)
    if word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS:
        return False
    # Single capital initials ("J. Smith") and dotted abbreviations ("U.S.").
    if re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word):
        return False
    following = text[match.end() : match.end() + 12]
    # "Fig. 2", "No. 3": a number right after a known abbreviation was handled above;
    # a number after a sentence that ends in a number is a real boundary only if the
    # next token is not a unit-like continuation ("12. 5 mg" never happens in clean text).
    return not re.match(r"[a-z]", following)


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of `text` in order, with offsets into `text`.

    Line breaks always end a sentence (labelled abstract sections are one per line).
    """
    sentences: list[Sentence] = []
    for line_start, line in _lines(text):
        start = 0
        for match in _BOUNDARY.finditer(line):
            if not _is_boundary(line, match):
                continue
            end = match.end(2)
            _append(sentences, line, start, end, line_start)
            start = match.end(3)
        _append(sentences, line, start, len(line), line_start)
    return sentences


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _append(sentences: list[Sentence], line: str, start: int, end: int, base: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = base + start + lead
    sentences.append(Sentence(stripped, begin, begin + len(stripped)))
