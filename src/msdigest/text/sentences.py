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

# Words after which a full stop never ends the sentence ("vs.", "et al.", "e.g.").
_ABBREVIATIONS = frozenset(
    {"al", "approx", "ca", "cf", "dr", "e.g", "eg", "i.e", "ie", "incl", "prof", "resp", "vs",
     "viz", "dept", "univ", "u.s", "u.k", "sp", "spp", "var", "ref", "refs", "eq"}
)  # fmt: skip
# Words after which a full stop ends the sentence unless a number follows ("Fig. 2",
# "No. 3", "Jan. 2020"); "...in MS. Patients..." and "...for 30 min. Then..." do end.
_BEFORE_NUMBER = frozenset(
    {"fig", "figs", "no", "nos", "vol", "vols", "p", "pp", "table", "jan", "feb", "mar", "apr",
     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip

# A candidate boundary: ., ! or ? (optionally followed by closing quotes or brackets),
# then whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"([.!?])([\"'\u201d\u2019)\]]*)(\s+)(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


_LAST_WORD = re.compile(r"(\S+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and where it sits in the text it was split from."""

    text: str
    start: int
    end: int


def _previous_word(text: str, position: int) -> str:
    # Look only at the last stretch of text: searching the whole prefix made splitting
    # quadratic in the length of a line. Fall back to the full prefix for a huge "word".
    window = text[max(0, position - 64) : position]
    match = _LAST_WORD.search(window)
    if match and (match.start() > 0 or position <= 64):
        return match.group(1).lower().lstrip("(\"'[")
    match = _LAST_WORD.search(text[:position])
    return match.group(1).lower().lstrip("(\"'[") if match else ""


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    stop = match.start(1)
    if match.group(1) != ".":
        return True
    word = _previous_word(text, stop)
    if word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS:
        return False
    if word in _BEFORE_NUMBER and re.match(r"\d", text[match.end() : match.end() + 1]):
        return False
    # Dotted abbreviations ("i.v.", "U.S.") continue the sentence. A single letter does
    # not: "...levels of vitamin D. Patients..." ends one.
    return not re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word)


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
