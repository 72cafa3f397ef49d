"""Find how long a study followed people or gave its treatment, as stated and in days.

Abstracts state length in many ways: "followed up for 12 months", "a 3-week HIIT",
"12 weeks of aerobic exercise", "median follow-up of 3.2 years", "at baseline, 6 and 12
months later", "between baseline and 6 months", "over 96 weeks", "one month after the
intervention". The longest such length is the study's duration. Many other time phrases
are not durations and are refused: ages ("before age 20 years", "78-year-old"), inclusion
rules ("within ten years of onset", "during the past six months"), disease history ("2
weeks of visual disturbance" in a case report), outcome definitions ("3-month confirmed
disability progression"), results ("after a mean time of 6.8 months"), single time points
("at day 21") and calendar periods ("between 2016 and 2020").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.facts.document import Document, Sentence
from msdigest.facts.model import Duration
from msdigest.text.numbers import words_to_int

__all__ = ["DAYS_PER_UNIT", "extract_duration", "find_durations", "parse_length"]

DAYS_PER_UNIT = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}

_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)"
)
_NUM = rf"(?:\d+(?:\.\d+)?|an?|{_WORD}(?:-{_WORD})?)"
_UNIT = r"(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)"
_LENGTH = rf"(?P<num>{_NUM})(?:\s*(?:±|\+/-)\s*[\d.]+)?(?:\s+|-)(?P<unit>{_UNIT})\b"

# Patterns are written in lower case and matched against lower-cased text (see
# `document.lowered`): case-blind matching is several times slower.
_FLAGS = 0
# (kind, pattern): "follow-up" and "treatment" lengths, and "schedule" time-point lists.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, _FLAGS))
    for kind, pattern in (
        ("follow-up", r"\b(?:follow(?:ed)?[- ]?up|observ(?:ed|ation)|monitored|tracked)"
                      r"(?:\s+(?:period|time|duration))?(?:\s+(?:was|of|for|over|lasting|"
                      r"lasted|extended to|up to|period of|after|:))+\s*(?:a |an |the )?"
                      r"(?:(?:mean|median|average|medium|maximum|total)\s+(?:\([^)]*\)\s*)?"
                      r"(?:(?:period|time|duration)\s+)?(?:of\s+)?)?"
                      r"(?:up to |at least |approximately |about |around |nearly |over |more "
                      rf"than )?{_LENGTH}"),
        ("follow-up", r"\b(?:mean|median|average)\s+(?:\([^)]*\)\s*)?(?:duration of\s+)?"
                      r"follow[- ]?up\s+(?:\([^)]*\)\s*)?(?:time\s+|period\s+|duration\s+)?"
                      rf"(?:was\s+|of\s+|:\s*|=\s*)?(?:\w+\s+)?{_LENGTH}"),
        ("follow-up", rf"{_LENGTH}\s+(?:of\s+)?(?:\w+\s+)?follow[- ]?up\b"),
        ("follow-up", r"\b(?:over|during|across|throughout)\s+(?:a |the )?(?:(?:study |"
                      r"follow-up |observation |treatment )?period of\s+)?(?:up to\s+)?"
                      rf"{_LENGTH}"),
        ("follow-up", rf"\buntil\s+{_LENGTH}\s+after\b"),
        ("last-visit", r"\b(?:last|final|latest) (?:visit|follow-up|review|assessment|contact)"
                      rf"(?:\s+\([^)]*\))?,?\s+(?:at\s+|after\s+|of\s+)?{_LENGTH}"),
        ("timepoint", rf"\b(?:between baseline and|from baseline to)\s+{_LENGTH}"),
        ("timepoint", rf"{_LENGTH}\s+(?:later|after (?:the )?(?:end of |completion of )?"
                      r"(?:the )?(?:intervention|treatment|baseline|randomi[sz]ation|"
                      r"enrol(?:l)?ment|inclusion|final session|last session|program\w*|"
                      r"training|study entry|start|delivery|surgery|transplant\w*|"
                      r"vaccination|infusion|discharge|initiation|initiating|starting|"
                      r"implant\w*|switch\w*|first dose)|post[- ]?(?:implant\w*|operative\w*|"
                      r"surgery|treatment|intervention|infusion|injection|vaccination|"
                      r"transplant\w*|baseline|randomi[sz]ation|initiation))"),
        ("treatment", rf"(?P<num>{_NUM})\s+(?:consecutive\s+)?(?P<cadence>weekly|daily|monthly|"
                      r"fortnightly)\s+(?:[\w-]+\s+){0,3}?(?:sessions|visits|classes|"
                      r"treatments|infusions|meetings|calls|doses)\b"),
        ("treatment", rf"\bfor\s+(?:a (?:total |mean |median |medium |average )?(?:period|"
                      r"time|duration) of\s+|up to\s+|a total of\s+|"
                      r"another\s+|an additional\s+|at least\s+|more than\s+|over\s+|"
                      r"about\s+|approximately\s+|a (?:mean|median|average|total)\s+"
                      rf"(?:\([^)]*\)\s*)?(?:of\s+)?)?{_LENGTH}"),
        ("follow-up", r"\b(?:until|through|up to|by)\s+(?:the end of\s+)?(?P<unit>day|week|month)"
                      r"s?\s+(?P<num>\d+)\b"),
        ("treatment", r"\b(?:study|trial|treatment|intervention|observation|core|double-blind|"
                      r"randomi[sz]ed(?: controlled)?|extension|training) period\s+"
                      rf"(?:\([^)]*\)\s*)?(?:of|was|lasted|lasting)\s+{_LENGTH}"),
        ("treatment", rf"{_LENGTH},?\s+(?:of\s+)?(?:[\w-]+,?\s+){{0,4}}?(?:program(?:me)?|"
                      r"intervention|trial|study|period|course|training|treatment|therapy|"
                      r"exercise|regimen|phase|protocol|supplementation|rehabilitation|diet|"
                      r"hiit|tdcs|rtms|stimulation|sessions?|withdrawal|follow|extension)\b"),
        ("timepoint", r"\b(?:at|after|on)\s+(?:baseline\s*(?:\([^)]*\))?\s*,?\s*(?:and\s+)?)?"
                     rf"(?:{_NUM}(?:[\s-]+{_UNIT})?\s*(?:\([^)]*\))?\s*,?\s*(?:and|or)?\s+)*"
                     rf"{_LENGTH}"),
        ("timepoint", r"\b(?:at\s+)?(?:baseline\s*,?\s*(?:and\s+)?)?(?P<unit2>weeks?|months?|"
                     r"days?)\s+\d+(?:\s*(?:,|and)\s*(?:(?:weeks?|months?|days?)\s+)?\d+)+"),
    )
)  # fmt: skip

# Words without which each pattern above cannot match (a fast first test, in order).
_NEEDS: tuple[tuple[str, ...], ...] = (
    ("follow", "observ", "monitor", "track"),
    ("mean", "median", "average"),
    ("follow",),
    ("over", "during", "across", "throughout"),
    ("until",),
    ("last", "final", "latest"),
    ("baseline",),
    ("later", "after", "post"),
    ("weekly", "daily", "monthly", "fortnightly"),
    ("for ",),
    ("until", "through", "up to", "by "),
    ("period",),
    ("program", "intervention", "trial", "study", "period", "course", "training", "treatment",
     "therap", "exercise", "regimen", "phase", "protocol", "supplement", "rehabilitation",
     "diet", "hiit", "tdcs", "rtms", "stimulation", "session", "withdrawal", "follow",
     "extension"),
    ("at ", "after ", "on "),
    ("week", "month", "day"),
)  # fmt: skip
_REFUSE_BEFORE = re.compile(
    r"(?:\b(?:randomi[sz]ed|recruited|enrolled|included|screened|identified|attending|"
    r"approached|consecutive(?:ly)?|collected|invited|registered|admitted|seen)\b(?:\s+\S+)"
    r"{0,6}\s+(?:over|during|within|in)\s+(?:a |the )?(?:period of )?$|"
    r"\b(?:aged?|age of|ages|older than|younger than|the age|within|past|previous|prior|"
    r"last|preceding|since|history of|duration of (?:the )?(?:disease|ms|illness|symptoms)|"
    r"disease duration|minimum of|mean time of|median time of|time to|every|per|each|"
    r"up to \d+ times|than|before|least|ago)\s+(?:(?!for\s)\w+\s+)?$|\bon\s+$)",
    _FLAGS,
)
_REFUSE_AFTER = re.compile(
    r"^(?:\s*-?\s*old\b|\s+of age\b|\s+(?:from|after|since|before|of) (?:\w+ ){0,2}"
    r"(?:onset|diagnosis|symptoms?|disease)|\s+(?:prior|before|ago|earlier)\b|"
    r"[-\s]+(?:\w+[-\s]+)?(?:confirmed|sustained|cdp|cdw|risk|survival|incidence|mortality|"
    r"history|recall|prevalence|relapse rate)\b)",
    _FLAGS,
)
_WORDS = {"a": 1, "an": 1}
_ITEM = re.compile(rf"\b(?P<n>{_NUM})\b(?:[\s-]+(?P<u>{_UNIT})\b)?")
# A single time point is the study's length when it is where the main outcome was measured.
_PRIMARY_AT = re.compile(
    r"\bprimary (?:\w+ )?(?:outcome|end ?-?point)|\b(?:assessed|measured|evaluated|examined|"
    r"followed(?: up)?|reassessed|re-assessed) (?:\w+ ){0,3}?at\b"
)
_AGAIN = re.compile(
    r"\b(?:follow(?:ed)?[- ]?up|repeat(?:ed)?|again|re-?(?:examined|assessed|tested|sampled|"
    r"evaluated|scanned)|second (?:samples?|visits?|assessments?|scans?))\b"
)
_ANY_UNIT = re.compile(r"(?:day|week|wk|month|year|yr|weekly|daily)")
_NO_FOLLOW_UP = frozenset({"cross_sectional", "systematic_review", "meta_analysis"})
_KINDS = {
    "case_report_or_series": {"follow-up"},
    "case_control": {"follow-up"},
    "qualitative": {"follow-up", "treatment"},
}


@dataclass(frozen=True, slots=True)
class _Found:
    days: float
    text: str
    kind: str
    sentence: Sentence
    start: int
    end: int


def parse_length(number: str, unit: str) -> float | None:
    """Return a length in days from a number ("12", "twelve", "a") and a unit ("weeks")."""
    raw = number.lower().strip()
    if raw in _WORDS:
        value: float | None = _WORDS[raw]
    elif re.fullmatch(r"\d+(?:\.\d+)?", raw):
        value = float(raw)
    else:
        value = words_to_int(raw)
    key = unit.lower().rstrip("s")
    key = {"wk": "week", "mo": "month", "yr": "year"}.get(key, key)
    if value is None or key not in DAYS_PER_UNIT or value <= 0:
        return None
    return float(value) * DAYS_PER_UNIT[key]


def _plain(number: str, unit: str) -> str:
    """Return "12 weeks" for ("12", "week"), keeping the number as written."""
    key = unit.lower().rstrip("s")
    key = {"wk": "week", "mo": "month", "yr": "year"}.get(key, key)
    singular = number.lower() in {"1", "one", "a", "an"}
    number = "1" if number.lower() in {"a", "an"} else number
    return f"{number} {key}{'' if singular else 's'}"


def find_durations(sentence: Sentence) -> list[_Found]:
    """Return every stated study length in one sentence."""
    found: list[_Found] = []
    text = sentence.lower
    if not _ANY_UNIT.search(text):
        return found
    for (kind, pattern), needs in zip(_PATTERNS, _NEEDS, strict=True):
        if not any(word in text for word in needs):
            continue
        for match in pattern.finditer(text):
            for item in _lengths(match, kind, text):
                number, unit, start, end = item
                if _REFUSE_BEFORE.search(text[max(0, start - 40) : start]):
                    continue
                if kind != "last-visit" and _REFUSE_AFTER.match(text[end : end + 40]):
                    continue
                days = parse_length(number, unit)
                if days is None or days > 366 * 40:
                    continue
                kind_found = "follow-up" if kind == "last-visit" else kind
                found.append(_Found(days, _plain(number, unit), kind_found, sentence, start, end))
    return found


def _schedule(match: re.Match[str]) -> list[tuple[str, str, int, int]]:
    """Return each time point of "at baseline, 8 weeks and 6 months" with its own unit."""
    items: list[tuple[str, str | None, int, int]] = []
    for item in _ITEM.finditer(match.group(0)):
        start = match.start() + item.start()
        items.append((item.group("n"), item.group("u"), start, match.start() + item.end()))
    found: list[tuple[str, str, int, int]] = []
    following: str | None = None
    for number, unit, start, end in reversed(items):
        following = unit or following
        if following and parse_length(number, following) is not None:
            found.append((number, following, start, end))
    return found[::-1]


def _lengths(match: re.Match[str], kind: str, text: str = "") -> list[tuple[str, str, int, int]]:
    """Return (number, unit, start, end) for the lengths a pattern match states."""
    if match.groupdict().get("unit2"):
        unit = match.group("unit2")
        numbers = list(re.finditer(r"\d+", match.group(0)))
        last = max(numbers, key=lambda m: int(m.group(0)))
        start = match.start() + last.start()
        return [(last.group(0), unit, start, match.start() + last.end())]
    if match.groupdict().get("cadence"):
        cadence = {"weekly": "weeks", "daily": "days", "monthly": "months", "fortnightly": ""}[
            match.group("cadence").lower()
        ]
        if not cadence:
            return []
        return [(match.group("num"), cadence, match.start("num"), match.end())]
    if (
        kind == "timepoint"
        and match.groupdict().get("unit")
        and re.match(r"(?:at|after|on)\b", match.group(0), _FLAGS)
    ):
        items = _schedule(match)
        if len(items) < 2 and "baseline" not in match.group(0) and not _PRIMARY_AT.search(text):
            return []  # "at 6 months" alone is a time point, not the study's length
        return [max(items, key=lambda item: parse_length(item[0], item[1]) or 0.0)]
    for group in ("num",):
        if match.group(group):
            return [(match.group("num"), match.group("unit"), match.start("num"), match.end())]
    return []


def extract_duration(doc: Document, design: str) -> Duration | None:
    """Return the longest follow-up or treatment length the abstract states, or None.

    A cross-sectional study looks once, so any length it mentions is a recruitment window
    or a recall period; case reports and case-control studies describe histories and
    sampling windows, so only an explicit follow-up counts there (also time points at which
    people were seen again).
    """
    if design in _NO_FOLLOW_UP:
        return None
    kinds = _KINDS.get(design, {"follow-up", "treatment", "timepoint"})
    candidates: list[_Found] = []
    for sentence in doc.sentences:
        if sentence.category == "BACKGROUND":
            continue
        # "follow-up samples at 2 and 4 months", "repeat scans at 6 and 12 months": people
        # seen again at stated times were followed up, whatever the design
        again = design in _KINDS and _AGAIN.search(sentence.lower)
        allowed = kinds | {"timepoint"} if again else kinds
        candidates.extend(f for f in find_durations(sentence) if f.kind in allowed)
    if not candidates:
        candidates.extend(f for f in find_durations(doc.title) if f.kind in kinds)
    if not candidates:
        return None
    best = max(candidates, key=lambda f: (f.days, -f.sentence.index))
    return Duration(
        text=best.text,
        days=round(best.days, 1),
        span=best.sentence.span(best.start, best.end),
    )
