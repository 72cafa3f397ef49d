"""Check `numbers`: every number in the summary is in the source (title and abstract).

A health summary must never invent a number, and a number that is "only" rounded,
converted or added up is still a number the authors did not report: "122 people" when
the abstract says 62 and 60, "1 year" when it says 12 months, "27%" when it says 27.4%.
So a number passes only when the same value is written in the title or abstract, after
normalising how it is written ("12-month" = "12 months", "twelve" = 12, "1,204" = 1204,
"0.5" = ".5", "25%" = "25 per cent" = "25 percent"). A percentage must match a
percentage and a count a count.

Decisions, documented in docs/checks.md:
* "one" is a number only where it counts something ("one year", "one group", "one in
  three"); elsewhere ("one of the first studies", "no one") it is a pronoun and ignored.
* A number joined to letters before it by a hyphen is part of a name ("COVID-19",
  "IL-6"), not a quantity.
* Fractions and multiples in words ("half", "a third", "twice", "doubled") are derived
  quantities: they pass only when the source uses the same word or states the same value.
* Ordinals ("first", "second") are sequence, not quantity, and are not checked.
* Glossary definitions are not checked: they describe words, not the study.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from msdigest.checks.context import CheckInput, quote
from msdigest.summary import CheckResult
from msdigest.text.guard import GuardedPattern
from msdigest.text.numbers import NumberMention, find_numbers

__all__ = ["NAME", "SourceNumbers", "check", "source_numbers", "summary_numbers"]

NAME = "numbers"
# Sums and differences are only suggested as the origin of numbers this large or larger;
# below it, a match is more likely chance than arithmetic.
_ARITHMETIC_FROM = 10

_PERCENT_AFTER = re.compile(r"\s*(?:per\s?cent|percent)\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"[A-Za-z]-$")
_SMALL_WORDS = (
    r"(?:\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty|"
    r"hundred|thousand)"
)
# "one" counts something when a counting noun or a ratio follows it.
_ONE_COUNTS = re.compile(
    r"\s+(?:(?:more|extra|additional|single|full|whole|further)\s+)?"
    r"(?:(?:year|month|week|day|hour|minute|session|dose|person|people|participant|patient|"
    r"adult|child|children|woman|women|man|men|girl|boy|group|arm|trial|study|studies|centre|"
    r"center|site|clinic|hospital|case|relapse|lesion|scan|visit|injection|infusion|tablet|"
    r"pill|time|point|mouse|mice|rat|animal|country|countries)(?:s|es)?\b|"
    rf"in\s+(?:every\s+|each\s+)?{_SMALL_WORDS}|out\s+of\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Fraction:
    word: str
    in_source: re.Pattern[str]
    plain: tuple[float, ...] = ()
    percent: tuple[float, ...] = ()


_FRACTIONS = (
    _Fraction("half", re.compile(r"\bhal(?:f|ves)\b", re.I), percent=(50.0,)),
    _Fraction("third", re.compile(r"\bthirds?\b", re.I)),
    _Fraction("quarter", re.compile(r"\bquarters?\b", re.I), percent=(25.0,)),
    _Fraction("once", re.compile(r"\b(?:once|daily|weekly|monthly|yearly|annually)\b", re.I)),
    _Fraction("twice", re.compile(r"\b(?:twice|two times)\b", re.I), plain=(2.0,)),
    _Fraction("double", re.compile(r"\b(?:doubl\w*|(?:two|2)[- ]?fold)\b", re.I), plain=(2.0,)),
    _Fraction("triple", re.compile(r"\b(?:tripl\w*|(?:three|3)[- ]?fold)\b", re.I), plain=(3.0,)),
    _Fraction("dozen", re.compile(r"\bdozens?\b", re.I)),
)
_FRACTION_IN_SUMMARY = GuardedPattern(
    re.compile(
        r"\b(?P<third>(?:a|one)\s+third(?=\s+of\b)|two\s+thirds)\b|"
        r"\b(?P<quarter>(?:a|one)\s+quarter(?=\s+of\b)|three\s+quarters)\b|"
        r"\b(?P<half>half|halves)\b|\b(?P<once>once)(?=\s+(?:a|an|per|every|each)\b)|"
        r"\b(?P<twice>twice)\b|\b(?P<double>doubl(?:e|ed|es|ing))\b(?![- ]blind)|"
        r"\b(?P<triple>tripl(?:e|ed|es|ing))\b|\b(?P<dozen>dozens?)\b",
        re.IGNORECASE,
    ),
    # Most sentences hold no fraction word: they skip the pattern (see `GuardedPattern`).
    ("third", "quarter", "hal", "once", "twice", "doubl", "tripl", "dozen"),
)
_FRACTION_BY_WORD = {f.word: f for f in _FRACTIONS}


@dataclass(frozen=True, slots=True)
class SourceNumbers:
    """The numbers a source states: counts and percentages apart, plus fraction words."""

    plain: frozenset[float]
    percent: frozenset[float]
    fraction_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Found:
    value: float
    text: str
    percent: bool
    sentence: str
    fraction: str | None = None


def _key(value: float) -> float:
    return round(value, 6)


def _is_percent(text: str, mention: NumberMention) -> bool:
    return mention.kind == "percent" or bool(_PERCENT_AFTER.match(text, mention.end))


# "49 479 controls": thousands grouped with a space (or a thin or no-break space), as
# many journals print them. `find_numbers` reads two numbers there, since a summary's
# "1 204" is ambiguous; in the source both readings count, so "49,479" may be stated.
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,])")


@lru_cache(maxsize=512)
def source_numbers(source_text: str) -> SourceNumbers:
    """Return the numbers stated in a paper's title and abstract, cached per text."""
    plain: set[float] = set()
    percent: set[float] = set()
    for mention in find_numbers(source_text):
        (percent if _is_percent(source_text, mention) else plain).add(_key(mention.value))
    for match in _SPACED_THOUSANDS.finditer(source_text):
        plain.add(_key(float(re.sub(r"\D", "", match.group(0)))))
    words = frozenset(f.word for f in _FRACTIONS if f.in_source.search(source_text))
    return SourceNumbers(frozenset(plain), frozenset(percent), words)


def _counts_something(text: str, mention: NumberMention) -> bool:
    """Return False for a mention that is not a quantity ("one of", "COVID-19")."""
    if _NAME_BEFORE.search(text, max(0, mention.start - 2), mention.start):
        return False
    if mention.text.lower() == "one":
        return bool(_ONE_COUNTS.match(text, mention.end))
    return True


@lru_cache(maxsize=1024)
def summary_numbers(text: str) -> tuple[tuple[float, str, bool], ...]:
    """Return (value, text as written, is a percentage) for each quantity in `text`.

    Cached per text: the numbers and completeness checks both read the same sentences.
    """
    spans = [m.span() for m in _FRACTION_IN_SUMMARY.finditer(text)]  # in order, disjoint
    starts = [start for start, _end in spans]
    found: list[tuple[float, str, bool]] = []
    for mention in find_numbers(text):
        index = bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < spans[index][1]:
            continue  # "two" in "two thirds" is part of the fraction
        if _counts_something(text, mention):
            found.append((mention.value, mention.text, _is_percent(text, mention)))
    return tuple(found)


def _found_in(data: CheckInput) -> list[_Found]:
    found: list[_Found] = []
    for piece in data.pieces:
        for value, text, percent in summary_numbers(piece.text):
            found.append(_Found(value, text, percent, piece.text))
        for match in _FRACTION_IN_SUMMARY.finditer(piece.text):
            word = match.lastgroup or ""
            found.append(_Found(0.0, match.group(0), False, piece.text, fraction=word))
    return found


def _is_stated(item: _Found, source: SourceNumbers) -> bool:
    if item.fraction is not None:
        fraction = _FRACTION_BY_WORD[item.fraction]
        return (
            item.fraction in source.fraction_words
            or any(_key(v) in source.plain for v in fraction.plain)
            or any(_key(v) in source.percent for v in fraction.percent)
        )
    return _key(item.value) in (source.percent if item.percent else source.plain)


def _fmt(value: float) -> str:
    return f"{value:g}"


def _hint(item: _Found, source: SourceNumbers) -> str:
    """Return a short guess at where a number not in the source came from."""
    if item.fraction is not None:
        return "a fraction or multiple the source does not state"
    value = _key(item.value)
    same_kind = source.percent if item.percent else source.plain
    other_kind = source.plain if item.percent else source.percent
    if value in other_kind:
        return (
            "the source has it as a count, not a percentage"
            if item.percent
            else "the source has it only as a percentage"
        )
    for stated in sorted(same_kind):
        if stated != value and (round(stated) == value or round(stated, 1) == value):
            return f"rounded from {_fmt(stated)}; quote the source's figure"
    if value < _ARITHMETIC_FROM:
        return "not stated in the title or abstract"
    counts = sorted(v for v in source.plain if v > 0 and v == int(v))
    for i, first in enumerate(counts):
        for second in counts[i:]:
            if _key(first + second) == value:
                return f"the sum of {_fmt(first)} and {_fmt(second)}: a derived number"
    for larger in counts:
        for smaller in counts:
            if smaller < larger and _key(larger - smaller) == value:
                return f"the difference of {_fmt(larger)} and {_fmt(smaller)}: a derived number"
    if _key(value * 12) in source.plain or _key(value * 52) in source.plain:
        return "looks like a unit conversion (months or weeks to years); use the source's unit"
    return "not stated in the title or abstract"


def check(data: CheckInput) -> CheckResult:
    """Return fail, quoting each number that the title and abstract do not state."""
    source = source_numbers(data.source_text)
    found = _found_in(data)
    missing = [item for item in found if not _is_stated(item, source)]
    if not missing:
        noun = "number" if len(found) == 1 else "numbers"
        return CheckResult(NAME, "pass", f"all {len(found)} {noun} are stated in the source")
    details = "; ".join(
        f"{quote(item.text)} ({_hint(item, source)}) in {quote(item.sentence, 120)}"
        for item in missing
    )
    noun = "number is" if len(missing) == 1 else "numbers are"
    return CheckResult(
        NAME,
        "fail",
        f"{len(missing)} {noun} not in the source: {details}",
        tuple(item.text for item in missing),
    )
