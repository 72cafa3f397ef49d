"""Decide how many people took part, from the counts found in each sentence.

The rules follow how abstracts report participants and how readers count them:
- everyone who took part counts: every arm, cases and controls, patients and healthy
  controls ("45 patients and 40 healthy controls" is 85);
- the randomised or enrolled number wins over the analysed number, which wins over the
  number who completed ("96 were randomised; 81 completed" is 96);
- people who were only eligible, screened or invited do not count ("of 764 eligible,
  496 responded" is 496), nor do parts of a total ("31 (79.5%) were female");
- reviews report the participants of the included studies, and the number of studies
  separately; animal and laboratory work has no participants; a case report without a
  number describes one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.facts.counts import NOT_PARTICIPANTS as _NOT_PARTICIPANTS
from msdigest.facts.counts import PEOPLE_KINDS as _PEOPLE_KINDS
from msdigest.facts.counts import Count, bracketed, find_counts
from msdigest.facts.document import Document, Sentence
from msdigest.facts.model import GroupCount, SampleSize
from msdigest.facts.review_size import review_size
from msdigest.text.numbers import words_to_int

__all__ = ["extract_sample_size", "sentence_counts"]

REVIEWS = frozenset({"systematic_review", "meta_analysis"})
_ROLE_PRIORITY = {
    "randomised": 10,
    "allocated": 9,
    "enrolled": 8,
    "respondents": 8,
    "base": 7,
    "none": 5,
    "analysed": 4,
    "completed": 3,
}
#: A count of people with another condition than the title's is a reference group.
_OTHER_CONDITION_PENALTY = 4
_CONDITIONS = (
    ("ms", re.compile(r"\b(?:multiple sclerosis|(?:pw)?(?:rr|sp|pp|r|p)?ms|cis)\b")),
    ("nmosd", re.compile(r"\b(?:nmosd|nmo|neuromyelitis)")),
    ("mogad", re.compile(r"\b(?:mogad|mog-ad|mog-igg|mog antibod)")),
)
_SURVEY_WORDS = ("survey", "questionnaire", "interview", "invited", "response rate", "mailed")
_SECTION_PENALTY = {"OBJECTIVE": 2, "CONCLUSIONS": 3, "TITLE": 4}
_LIST_WORD = re.compile(r"(?:,|;|\band\b|\bor\b|\bvs\b\.?|\bversus\b)")
_VERB = re.compile(
    r"\b(?:were|was|had|has|have|are|is|did|will|received|completed|underwent|showed|"
    r"developed|compared|than|enrolled|included|randomi[sz]ed|recruited|took|assigned|"
    r"allocated|participated|started|attended|who|whom|whose)\b"
)
# Words that make a later count a part of the people before it doing something more.
_EXTRA_STEP = re.compile(
    r"\b(?:also|further|additional(?:ly)?|in addition|repeat(?:ed)?|subsequent(?:ly)?|later|"
    r"second (?:round|phase|stage|visit|wave|step)|sub-?(?:groups?|sets?|samples?|stud(?:y|ies))|"
    r"smaller group|went on to|follow-up|purposive(?:ly)?)\b"
)
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_GROUPS = re.compile(
    r"\b(?P<n>two|three|four|five|six|2|3|4|5|6)\s+(?:\w+\s+){0,2}?(?:arms|groups|cohorts)\b"
    r"|\((?P<ratio>\d+\s*:\s*\d+(?:\s*:\s*\d+)*)\)"
)
_ONE_PERSON = re.compile(
    r"\b(?:a|an|one|this)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)?[- ]?(?:year-old|yo)\s+"
    r"|\b(?:a|one)\s+(?:young |elderly |middle-aged |previously healthy )?"
    r"(?:man|woman|boy|girl|patient|child|adolescent|male|female|gentleman|lady|person)\b"
    r"|\b(?:a|this|one|single)\s+(?:[a-z-]+\s+){0,2}?case\b(?![- ](?:series|control))"
    r"|\b(?:the|our) (?:index )?patient\b(?!s)"
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    value: int
    priority: int
    position: int
    sentence: Sentence
    counts: tuple[Count, ...]
    inclusive: bool


def sentence_counts(doc: Document) -> list[tuple[Sentence, list[Count]]]:
    """Return each sentence (title last) with the counts found in it."""
    found = [(s, find_counts(s.text, s.lower)) for s in (*doc.sentences, doc.title)]
    return [(s, c) for s, c in found if c]


def extract_sample_size(
    doc: Document, design: str, counted: list[tuple[Sentence, list[Count]]] | None = None
) -> SampleSize:
    """Return the number of people who took part, the groups, and how it was found.

    `counted` is `sentence_counts(doc)` when the caller has it already.
    """
    if counted is None:
        counted = sentence_counts(doc)
    if design == "other" and any(
        "mendelian" in s.lower or "genome-wide" in s.lower for s in doc.sentences
    ):
        # A genetic study counts the cases and controls whose data it used, when it says.
        size = _study_size(counted, _conditions(doc.title.lower), _is_survey(doc))
        if size.total is None:
            return SampleSize(
                total=None, reason="genetic study of published summary data: no participant count"
            )
        return size
    if design == "animal_or_lab":
        groups = tuple(
            GroupCount(c.label, c.value, s.span(c.start, c.end))
            for s, counts in counted
            for c in counts
            if c.n_equals and not c.per_group and c.kind in {"animals", "implied"}
        )[:6]
        return SampleSize(
            total=None,
            groups=groups if len(groups) >= 2 else (),
            reason="laboratory or animal study: no people took part",
        )
    if design in REVIEWS:
        return review_size(counted)
    size = _study_size(counted, _conditions(doc.title.lower), _is_survey(doc))
    if size.total is None and design == "case_report_or_series":
        return _one_case(doc) or size
    return size


def _first(counted: list[tuple[Sentence, list[Count]]], test: object) -> Count | None:
    for _, counts in counted:
        for count in counts:
            if callable(test) and test(count):
                return count
    return None


def _linked(text: str, first: Count, second: Count) -> bool:
    """Return True when two counts are items of one list ("45 patients and 40 controls")."""
    gap = text[first.end : second.start]
    depth = gap.count("(") + gap.count("[") - gap.count(")") - gap.count("]")
    if depth != 0 and not (depth == 1 and second.n_equals):
        return False  # "512,000 individuals and data from a consortium (11,200 cases ..."
    core = gap
    for _ in range(3):
        core = _PARENS.sub(" ", core)
    core = core.replace("(", " ").replace(")", " ")
    return len(core.split()) <= 9 and bool(_LIST_WORD.search(core)) and not _VERB.search(core)


def _compatible(first: Count, second: Count) -> bool:
    """Return True when two counts can be parts of one whole (not "764 eligible, 496 took part").

    A count with no role word of its own ("30 people with NMOSD, 20 with MS and 25 controls
    were analysed") shares the verb of the list it stands in.
    """
    if first.role in _NOT_PARTICIPANTS or second.role in _NOT_PARTICIPANTS:
        return False
    if "none" in (first.role, second.role):
        return True
    apart = {"completed", "analysed"}
    if first.role in apart or second.role in apart:
        return first.role == second.role
    return True


def _lists(text: str, counts: list[Count]) -> list[list[Count]]:
    """Group a sentence's people counts into lists of items that add up.

    Parts set off in brackets or dashes are stepped over ("48 people with MS (20 with optic
    neuritis and 28 without) and 30 controls" is 48 + 30), and items that add up to the
    count before them are its breakdown, not more people ("120 patients, 70 with RRMS and
    50 with SPMS" is 120).
    """
    people = [c for c in counts if c.kind in _PEOPLE_KINDS and not c.per_group]
    groups: list[list[Count]] = []
    for count in people:
        if count.role in _NOT_PARTICIPANTS:
            groups.append([count])
            continue
        chain = next((g for g in reversed(groups) if g[-1].role not in _NOT_PARTICIPANTS), None)
        if chain and _compatible(chain[-1], count) and _linked(text, chain[-1], count):
            chain.append(count)
        else:
            groups.append([count])
    split: list[list[Count]] = []
    for items in groups:
        head, rest = items[0], items[1:]
        parts = _breakdown(head, rest)
        if parts:
            split.extend([[head, *rest[parts:]], rest[:parts]])
            continue
        split.append(items)
    return split


def _breakdown(head: Count, rest: list[Count]) -> int:
    """Return how many of the items after `head` add up to it (0 when none do)."""
    total = 0
    for number, item in enumerate(rest, start=1):
        total += item.value
        if total == head.value and (number > 1 or (item.n_equals and not head.n_equals)):
            return number
        if total > head.value:
            return 0
    return 0


def _priority(counts: list[Count], sentence: Sentence, survey: bool = True) -> int | None:
    """Return how much a count (or a list of counts) looks like the study's total.

    Without a survey, questionnaire or interview in the abstract, "18 responded" are
    responders to a treatment, not respondents.
    """
    roles = [c.role for c in counts]
    if any(role in _NOT_PARTICIPANTS for role in roles):
        return None
    role = next((r for r in roles if r != "none"), "none")
    if role == "respondents" and not survey:
        role = "none"
    priority = _ROLE_PRIORITY.get(role, 5)
    if any(c.total_marker for c in counts):
        priority = max(priority, 9)
    if len(counts) == 1:
        kind = counts[0].kind
        if kind == "controls":
            return None
        if kind in {"disease", "implied"} and role == "none" and not counts[0].total_marker:
            priority = 2
    return priority - _SECTION_PENALTY.get(sentence.category or "", 0)


def _is_survey(doc: Document) -> bool:
    """Return True when people answered something: a survey, questionnaire or interview."""
    text = f"{doc.title.lower} {doc.lower_text}"
    return any(word in text for word in _SURVEY_WORDS)


def _conditions(text: str) -> frozenset[str]:
    """Return the conditions a text names: MS, NMOSD, MOGAD (by name or acronym)."""
    return frozenset(name for name, pattern in _CONDITIONS if pattern.search(text))


def _other_condition(items: list[Count], sentence: Sentence, studied: frozenset[str]) -> bool:
    """Return True when the counted people have a condition the title does not name.

    "Prevalence of NMOSD in a city": "510 patients with MS were seen" is a reference group,
    the study's people are those with NMOSD.
    """
    if not studied:
        return False
    named: set[str] = set()
    for count in items:
        around = sentence.lower[count.start : count.end + 30]
        named |= _conditions(around)
    return bool(named) and not named & studied


def _candidates(
    counted: list[tuple[Sentence, list[Count]]],
    studied: frozenset[str] = frozenset(),
    survey: bool = True,
) -> list[_Candidate]:
    found = []
    for sentence, counts in counted:
        if sentence.category == "BACKGROUND":
            continue
        for items in _lists(bracketed(sentence.lower), counts):
            priority = _priority(items, sentence, survey)
            if priority is None:
                continue
            if _other_condition(items, sentence, studied):
                priority -= _OTHER_CONDITION_PENALTY
            value = sum(c.value for c in items)
            if 0 < value < 10_000_000:
                position = sentence.index if not sentence.in_title else 10_000
                inclusive = len(items) > 1 or any(c.total_marker for c in items)
                found.append(
                    _Candidate(value, priority, position, sentence, tuple(items), inclusive)
                )
        per_group = _per_group(sentence, counts)
        if per_group is not None:
            found.append(per_group)
    return found


def _per_group(sentence: Sentence, counts: list[Count]) -> _Candidate | None:
    """Return "(n = 12/arm)" times the number of arms, when the sentence says how many."""
    for count in counts:
        if not count.per_group:
            continue
        match = _GROUPS.search(sentence.lower)
        if not match:
            return None
        if match.group("ratio"):
            groups = len(re.findall(r"\d+", match.group("ratio")))
        else:
            raw = match.group("n")
            groups = int(raw) if raw.isdigit() else words_to_int(raw) or 0
        if groups < 2:
            return None
        return _Candidate(count.value * groups, 7, sentence.index, sentence, (count,), True)
    return None


def _study_size(
    counted: list[tuple[Sentence, list[Count]]],
    studied: frozenset[str] = frozenset(),
    survey: bool = True,
) -> SampleSize:
    candidates = _candidates(counted, studied, survey)
    if not candidates:
        return SampleSize(total=None, reason="no participant count stated")
    # Within a sentence, cases with their controls beat a lone count of the same standing.
    best = max(
        candidates,
        key=lambda c: (
            c.priority,
            -c.position,
            any(x.kind == "controls" for x in c.counts),
            c.value,
        ),
    )
    best = _before_extra_step(best, candidates)
    total = best.value
    used = {id(c) for c in best.counts}
    controls = None
    if not best.inclusive and best.counts[0].kind != "controls":
        extra = _separate_controls(counted, used)
        if extra is not None:
            controls = extra.value
            total += extra.value
    groups = _groups(best, counted)
    if controls is None:
        controls = next((g.count for g in groups if _is_healthy(g.label)), None)
    completed = _first(
        counted, lambda c: c.role == "completed" and c.kind in _PEOPLE_KINDS and c.value < total
    )
    first = best.counts[0]
    last = best.counts[-1]
    return SampleSize(
        total=total,
        span=best.sentence.span(first.start, last.end),
        groups=groups,
        healthy_controls=controls,
        completers=completed.value if completed else None,
    )


def _before_extra_step(best: _Candidate, candidates: list[_Candidate]) -> _Candidate:
    """Return the earlier, larger count when `best` is a part of it doing an extra step.

    "Usability sessions were held with 16 people ... Three took part in further testing",
    "We recruited 40 adults ... A subgroup of 20 underwent MRI", "In 15 patients, repeat
    samples were taken": whatever its role word, a later and smaller count said to do
    something more is a part of the people counted before it. Randomised counts stay.
    """
    if best.priority >= _ROLE_PRIORITY["randomised"] or best.sentence.in_title:
        return best
    if not _EXTRA_STEP.search(best.sentence.lower):
        return best
    earlier = [
        c
        for c in candidates
        if c.position < best.position and c.value > best.value and c.priority >= 4
    ]
    return max(earlier, key=lambda c: (c.priority, -c.position)) if earlier else best


def _is_healthy(label: str) -> bool:
    return bool(re.search(r"\b(?:healthy|normal|control|controls|hcs?)\b", label.lower()))


def _separate_controls(counted: list[tuple[Sentence, list[Count]]], used: set[int]) -> Count | None:
    """Return a healthy-control count stated apart from the patients, if there is one."""
    for sentence, counts in counted:
        if sentence.category == "BACKGROUND" or sentence.in_title:
            continue
        for count in counts:
            if (
                id(count) not in used
                and count.kind == "controls"
                and count.role not in _NOT_PARTICIPANTS
                and count.role != "completed"
            ):
                return count
    return None


def _groups(
    best: _Candidate, counted: list[tuple[Sentence, list[Count]]]
) -> tuple[GroupCount, ...]:
    """Return the per-group counts: the summed items, or a list that adds up to the total."""
    if len(best.counts) > 1:
        return tuple(
            GroupCount(c.label, c.value, best.sentence.span(c.start, c.end)) for c in best.counts
        )
    for sentence, counts in counted:
        if sentence.category == "BACKGROUND":
            continue
        for items in _lists(bracketed(sentence.lower), counts):
            if len(items) > 1 and sum(c.value for c in items) == best.value:
                return tuple(
                    GroupCount(c.label, c.value, sentence.span(c.start, c.end)) for c in items
                )
    return ()


def _one_case(doc: Document) -> SampleSize | None:
    """Return a size of one for a case report about "a 78-year-old man" or "a patient"."""
    for sentence in (doc.title, *doc.sentences):
        match = _ONE_PERSON.search(sentence.lower)
        if match:
            return SampleSize(total=1, span=sentence.span(match.start(), match.end()))
    return None
