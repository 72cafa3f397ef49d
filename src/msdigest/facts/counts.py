"""Find the counts of people (and of studies or animals) in a sentence, with their role.

A count is a whole number attached to who was counted: "72 eligible participants",
"Forty five ataxic PwMS", "6109 cases and 49 479 controls", "PwMS (n = 186)", "96 were
randomised". Its role says what the number means for the study: randomised, enrolled,
answered a survey, analysed, completed, merely eligible, dropped out, or a subgroup
("31 (79.5%) were female"). Choosing the study's total from these is `sample_size.py`'s job.

Numbers that are never counts of people are refused here: ages ("aged 18-60 years",
"78-year-old"), years, percentages, p-values and other statistics, doses, durations,
scores ("EDSS 6"), and counts of things (MRI scans, measurements, visits, lesions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.facts.document import lowered
from msdigest.facts.nouns import WORD as _WORD
from msdigest.facts.nouns import Kind, noun_class, scan_noun
from msdigest.facts.roles import SUBGROUP_BEFORE, Role, role_of
from msdigest.text.numbers import words_to_int

__all__ = ["NOT_PARTICIPANTS", "PEOPLE_KINDS", "Count", "Kind", "Role", "bracketed", "find_counts"]

#: Kinds of count that are people.
PEOPLE_KINDS = frozenset({"people", "controls", "disease", "implied"})
#: Roles of people who did not take part in this study, or only as a part of a group.
NOT_PARTICIPANTS = frozenset({"subgroup", "pool", "dropout", "ratio", "literature"})


@dataclass(frozen=True, slots=True)
class Count:
    """One count in a sentence: value, what was counted, its role, and where it is.

    `start`/`end` cover the number and its noun phrase (offsets into the sentence);
    `label` is the noun phrase ("healthy controls", "intervention group").
    """

    value: int
    start: int
    end: int
    kind: Kind
    role: Role
    label: str
    total_marker: bool = False
    per_group: bool = False
    n_equals: bool = False


_NUM_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand)"
)
# "1,204", "49 479", "1204", or words: "Forty five", "one hundred and twelve".
_NUMBER = re.compile(
    r"(?=\d)(?<![\w.,/:*+\-\u2212±])"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?![\d.])|\d{1,3}(?: \d{3})+(?=\s+[A-Za-z])|\d+(?!\d)(?![.,]\d))"
    r"|\b(?=[efhnostz])(?P<words>" + _NUM_WORD + r"(?:(?:\s+and\s+|[\s-]+)" + _NUM_WORD + r")*)\b"
)
_N_EQUALS = re.compile(
    r"\b(?P<n>[nN])\s*(?:=|:|\u2009=)\s*(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?![\d.])"
    r"(?!\s*(?:to|-|–|−)\s*\d)"
    r"(?P<per>\s*(?:/|per|in each|each)\s*(?:arm|group|cohort))?"
)

_UNIT = re.compile(
    r"^(?:\s*(?:%|percent|per ?cent|‰)|-?\s*(?:years?|yrs?|months?|mo|weeks?|wks?|days?|d|"
    r"hours?|hrs?|h|minutes?|mins?|min|seconds?|s|sec)\b|\s*(?:mg|g|kg|µg|μg|ug|mcg|ml|ml|"
    r"l|mm|cm|m|km|nm|hz|khz|t|ma|v|u|iu|mmol|µmol|μmol|nmol|pg|ng|bpm|°|×|x|fold|"
    r"times|million|billion|thousand\b|hundred\b)\b|\s*[-–]\s*(?:fold|times|point|item)|"
    r"\s*(?:to|–|-|and)\s*\d+\s*(?:years|months|weeks|days|%))"
)
# Words right before a number that make it a statistic, a score, a label or a date.
_BEFORE_REFUSE = re.compile(
    r"(?:\b(?:aged?|ages|mean|median|average|sd|se|iqr|p|or|hr|rr|ci|r|β|beta|edss|scores?|"
    r"grade|stage|class|type|phase|version|v|steps?|level|weeks?|days?|months?|years?|"
    r"visits?|sessions?|cycles?|doses?|tables?|figures?|figs?|fig\.|group|arm|cohort|"
    r"than|per|model|trial|study|item|items|hla|cd|il|tnf|chromosome|wave|times|"
    r"timepoint|no\.|vol\.|issue|since|until|during|"
    r"dated|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"spring|summer|autumn|fall|winter)\s*[=:]?\s*$|[=<>≤≥±~÷/×*+^]\s*$|"
    r"\d\s*(?:to|-|–|and|or)\s*$|(?<![a-z\d-])\d+\s*(?:in|of|out of)\s*$)"
)
# Roles a count can have with no noun after it: "96 were randomised", "496 (65%) responded".
_IMPLIED = re.compile(
    r"^\s*(?:\(\s*\d+(?:\.\d+)?\s*%\s*\)\s*|\[\s*\d+(?:\.\d+)?\s*%\s*\]\s*)?"
    r"(?:(?:were|was|had been|have been)\s+)?(?:(?:subsequently|then|finally|eventually|"
    r"successfully|ultimately|also)\s+)?"
    r"(?P<verb>randomi[sz]ed|randomly assigned|enrolled|included|recruited|responded|"
    r"participated|took part|completed|consented|agreed|allocated|assigned|analy[sz]ed|"
    r"withdrew|dropped out|excluded|screened|eligible|finished|returned|answered|joined|"
    r"reached the end|remained in|"
    r"(?:to |in |into )?the [\w-]+(?: [\w-]+)? (?:group|arm)\b|with(?:out)?\b)"
)
_PEOPLE_SOON = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:participants|patients|people|subjects|individuals|women|men|"
    r"children|adults|cases|controls|persons|respondents)\b"
)
_PAIRED = re.compile(r"^\s*(?:vs\.?|versus|and|or)\s+(?P<second>\d[\d,]*)(?=\s+[a-z])")
_STUDIES_SOON = re.compile(
    r"^\s*(?:(?!(?:for|of|in|with|from|to|on)\b)[\w-]+,?\s+){1,4}?(?:studies|trials|rcts)\b"
)
_TOTAL_BEFORE = re.compile(
    r"(?:\ba total of|\bin total,?|\btotal (?:sample|population|cohort|number)? ?(?:of|was|"
    r"were|=)|\boverall,?|\baltogether,?|\bsample size (?:of|was)|\bsample of|\btotall?ing|"
    r"\bcombined)\s*$"
)
_OF_THEIR = re.compile(r"\s+of (?:their|his|her) ")
_INCLUDING = re.compile(r"\bincluding\s*$")
_LIST_GAP = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,|;|,?\s*and|,?\s*or|vs\.?|versus)\s*$")
# "For each of 1,650 cases, four controls were matched": a ratio, said once per sentence.
# Spaced or em dashes that set off an aside: "48 people with MS - 20 with optic neuritis and
# 28 without - and 30 controls". Read as brackets (same length, so offsets stay).
_DASH = re.compile(r"(?<=[A-Za-z)\]]) [-–—] (?=[A-Za-z\d(])|(?<=[A-Za-z)\]])—(?=[A-Za-z\d(])")
# "Sixty-eight (68) adults": the same number in words, then in digits.
_ECHO = re.compile(r"\s*\(\s*(\d{1,3}(?:,\d{3})+|\d+)\s*\)")
# "80 blood donors matched for age and sex", "who served as controls": a control group.
_MATCHED_AFTER = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?(?:(?:who|that) (?:were|was) |were )?(?:(?:individually |closely )?"
    r"(?:age|sex|gender|age- and sex|age and sex)[- ])?matched\b|^\s*(?:who )?(?:served|acted) "
    r"as (?:\w+ )?controls\b"
)
_CASE_NOUNS = frozenset({"patients", "patient", "cases", "case"})
_PER_CASE = re.compile(r"\b(?:for (?:each|every)(?: of)?|per case|per patient)\b")


def _number_value(match: re.Match[str]) -> int | None:
    if match.group("digits"):
        return int(re.sub(r"[ ,]", "", match.group("digits")))
    return words_to_int(match.group("words"))


def _refused(text: str, start: int, end: int, value: int) -> bool:
    """Return True when the number at [start:end] is not a count (age, year, unit, stat)."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if _UNIT.match(after) or re.match(r"^-(?:year|month|week|day)", after):
        return True
    if _BEFORE_REFUSE.search(before[-16:]):
        return True
    # A year ("in 2016", "2016-2020") is never a count of people; "a total of 1982
    # participants" is.
    if _PEOPLE_SOON.match(after):
        return False
    return (1900 <= value <= 2099 and "," not in text[start:end]) and bool(
        re.match(r"^\s*(?:[-–/]|to\b|and\b|\)|,|;|\.|$)", after)
        or re.search(r"\b(?:in|since|until|from|between|of|year|during)\s*$", before)
    )


def find_counts(text: str, low: str | None = None) -> list[Count]:
    """Return the counts of people, studies and animals in `text` (one sentence), in order.

    Patterns are matched against the lower-cased sentence (same offsets); only "N = 45"
    versus "n = 45" needs the case, and labels are cut from the original text.
    """
    low = low if low is not None else lowered(text)
    if " - " in text or " – " in text or "—" in text:
        text, low = _asides(text, low)
    counts: list[Count] = []
    taken: list[tuple[int, int]] = []
    for match in _N_EQUALS.finditer(text):
        value = int(match.group("value").replace(",", ""))
        start, end = match.start(), match.end()
        close = text.find(")", end)
        open_paren = text.rfind("(", 0, start)
        enclosing_end = close + 1 if open_paren != -1 and close != -1 else end
        if _N_EQUALS.search(text, end, close if close != -1 else len(text)):
            enclosing_end = end  # "(n = 12 and n = 14)": two groups in one bracket
        label, kind = _label_before(text, open_paren if open_paren != -1 else start)
        role = role_of(low, end, start, enclosing_end, [])
        if kind == "studies":
            kind = "implied"  # "Fourteen RCTs (n = 1,842)": people in those studies
        counts.append(
            Count(value, start, enclosing_end, kind, role, label,
                  total_marker=match.group("n") == "N", per_group=bool(match.group("per")),
                  n_equals=True)
        )  # fmt: skip
        taken.append((start, end))
    for match in _NUMBER.finditer(low):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        number = _number_value(match)
        if match.group("words"):
            echo = _ECHO.match(low, end)
            if echo and int(echo.group(1).replace(",", "")) == number:
                end = echo.end()
                taken.append((echo.start(), end))
        if number is None or _refused(low, start, end, number):
            continue
        counts.extend(_count_at(text, low, start, end, number))
    counts.sort(key=lambda c: c.start)
    if _PER_CASE.search(low):
        counts = [
            _with_role(c, "ratio") if c.kind == "controls" and c.value <= 10 else c for c in counts
        ]
    return _relate(low, counts)


def _relate(text: str, counts: list[Count]) -> list[Count]:
    """Fix roles that depend on the counts around: parts of a total, items of one list.

    "2,624 participants, including 1,234 with MS and 1,390 with SCI": the two after
    "including" are parts of the first. "Twelve RCTs including 8,448 patients": the
    patients are the review's participants, not a part of anything.
    """
    related: list[Count] = []
    for count in counts:
        if related and count.start < related[-1].end:
            continue  # a number inside the previous count's noun phrase ("aquaporin 4")
        previous = related[-1] if related else None
        gap = text[previous.end : count.start] if previous else ""
        opened = _open_bracket(text, count.start)
        if (
            opened is not None
            and previous is not None
            and previous.end <= opened
            and len(text[previous.end : opened].split()) <= 4
            and count.kind in {"people", "controls", "implied"}
            and not count.n_equals
            and previous.kind in {"people", "controls", "disease", "implied"}
        ):
            # "Forty-one people enrolled (mean age 70; 26 women)": a breakdown, not a group.
            count = _with_role(count, "subgroup")
        elif opened is not None and not count.n_equals and _breaks_down(text, opened):
            # "in 70/96 of the interviewed PwMS (40 treated with A and 30 with B)"
            count = _with_role(count, "subgroup")
        elif (
            _INCLUDING.search(text[: count.start])
            and any(c.kind in {"people", "controls", "disease", "implied"} for c in related)
        ) or (previous and previous.role == "subgroup" and _LIST_GAP.match(gap)):
            count = _with_role(count, "subgroup")
        related.append(count)
    return related


def _breaks_down(text: str, opened: int) -> bool:
    """Return True when the bracket at `opened` follows a group of people counted before it."""
    before = text[max(0, opened - 40) : opened]
    words = _WORD.findall(before)
    if not words or noun_class(words[-1]) not in {"people", "controls", "disease"}:
        return False
    return any(char.isdigit() for char in text[:opened])


def _open_bracket(text: str, position: int) -> int | None:
    """Return where the bracket enclosing `position` opens, or None outside brackets."""
    depth = 0
    for i in range(position - 1, -1, -1):
        char = text[i]
        if char in ")]":
            depth += 1
        elif char in "([":
            if depth == 0:
                return i
            depth -= 1
    return None


def _with_role(count: Count, role: Role) -> Count:
    return Count(count.value, count.start, count.end, count.kind, role, count.label,
                 count.total_marker, count.per_group, count.n_equals)  # fmt: skip


def bracketed(text: str) -> str:
    """Return `text` with paired dashes around an aside read as brackets (same offsets)."""
    if " - " in text or " – " in text or "—" in text:
        return _asides(text, text)[0]
    return text


def _asides(text: str, low: str) -> tuple[str, str]:
    """Return `text` and `low` with paired dashes around an aside turned into brackets."""
    marks = [m.end() - 2 if m.group(0).startswith(" ") else m.start() for m in _DASH.finditer(text)]
    if len(marks) < 2:
        return text, low
    chars, low_chars = list(text), list(low)
    for opening, closing in zip(marks[::2], marks[1::2], strict=False):
        chars[opening] = low_chars[opening] = "("
        chars[closing] = low_chars[closing] = ")"
    return "".join(chars), "".join(low_chars)


def _count_at(text: str, low: str, start: int, end: int, value: int) -> list[Count]:
    tail = text[end:]
    kind, noun_end, label, modifiers = scan_noun(tail, value != 1)
    linked = _OF_THEIR.match(low, end) if kind is None else None
    if linked:
        # "66 people with MS and 51 of their partners": 51 partners, a group of their own
        found = scan_noun(text[linked.end() :], value != 1)
        if found[0] in {"people", "controls"}:
            kind, noun_end, label, modifiers = found
            noun_end += linked.end() - end
    before = low[max(0, start - 40) : start]
    total = bool(_TOTAL_BEFORE.search(before))
    per_group = bool(re.match(r"^\s*(?:\w+\s+)?(?:in each|per|each)\s+(?:group|arm)", low[end:]))
    studies = _STUDIES_SOON.match(low[end:])
    if studies and not (kind in PEOPLE_KINDS and noun_end <= studies.end()):
        # "six randomised, double-blind studies": a count of studies, not of people.
        return [Count(value, start, end, "studies", "none", "studies")]
    if kind is None:
        paired = _PAIRED.match(low[end:])
        if paired:
            # "62 vs 60 patients": the first number shares the second one's noun.
            kind, _, label, modifiers = scan_noun(tail[paired.end("second") :])
            if kind in {"people", "controls", "disease"}:
                role = role_of(low, end, start, end, [])
                return [Count(value, start, end, kind, role, label, total_marker=total)]
            kind = None
    if kind is None or kind == "thing":
        implied = _IMPLIED.match(low[end:])
        if kind == "thing" or implied is None:
            if per_group:
                return [Count(value, start, end, "implied", "none", "per group", per_group=True)]
            return []
        verb = implied.group("verb")
        if verb in {"with", "without"}:
            label = verb + " " + tail[implied.end() :].split(",")[0].strip()[:40]
        elif verb.endswith(("group", "arm")):
            label = tail[implied.start("verb") : implied.end("verb")].strip()
        else:
            label = "participants"
        role = role_of(low, end, start, end, [])
        if verb in {"with", "without"}:
            role = (
                "subgroup"
                if role in {"none", "enrolled"}
                and SUBGROUP_BEFORE.search(low[:start].rstrip(", ")[-30:])
                else role
            )
        return [Count(value, start, end, "implied", role, label.strip(), total_marker=total)]
    if kind == "disease" and not modifiers and re.match(r"^\s*-", tail):
        return []
    role = role_of(low, end, start, end + noun_end, [m.lower() for m in modifiers])
    head = label.rsplit(" ", 1)[-1].lower()
    if kind == "people" and head not in _CASE_NOUNS and _MATCHED_AFTER.match(low[end + noun_end :]):
        kind = "controls"
    return [
        Count(value, start, end + noun_end, kind, role, label, total_marker=total,
              per_group=per_group)
    ]  # fmt: skip


def _label_before(text: str, position: int) -> tuple[str, Kind]:
    """Return the words naming the group before "(n = 12)" and what kind of group it is."""
    words = re.findall(r"[A-Za-z][\w+\-']*", text[max(0, position - 60) : position])[-4:]
    kind: Kind = "implied"
    for word in reversed(words):
        found = noun_class(word)
        if found == "controls" or (
            found == "people" and {"healthy", "control"} & {w.lower() for w in words}
        ):
            kind = "controls"
            break
        if found == "studies" and not word.lower().endswith(("studies", "trials", "rcts")):
            break  # "the CLARITY trial (N = 1,326)": the size of this study
        if found in {"people", "disease", "studies", "animals"}:
            kind = found
            break
        if word.lower() in {"group", "groups", "arm", "arms", "cohort"}:
            break
    return " ".join(words), kind
