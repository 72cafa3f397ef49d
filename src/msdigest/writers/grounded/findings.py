"""Choose what the study found: the primary outcome's result first, then key other results.

A reader of "the study" wants the main result before anything else, then one or two other
results that matter (including one that did not change), never a list of what was
"tracked", never who enrolled or how old they were. Each finding keeps the source
sentence it rests on, the plain lines written from it, which way it went (for the person
with MS: better, worse, no clear difference, a link) and the outcome it is about, so "why
it matters" can say what the finding may mean without re-reading the abstract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.facts.document import Sentence
from msdigest.facts.results import read_result
from msdigest.glossary import GlossaryTerm
from msdigest.writers.grounded.candidates import result_candidates
from msdigest.writers.grounded.context import Draft, Line, per_draft
from msdigest.writers.grounded.lines import source_lines
from msdigest.writers.grounded.simplify import glossary_subset
from msdigest.writers.reading import is_baseline

__all__ = ["Finding", "findings", "is_safety", "main_finding", "primary_outcome"]

_PRIMARY = re.compile(
    r"\b(?:primary|main)\s+(?:efficacy\s+|study\s+)?(?:outcome|end\s?point|endpoint)s?"
    r"(?:\s+measures?)?\s+(?:was|were|is|are|included)\s+(?P<what>[^.;]+)",
    re.IGNORECASE,
)
_NO_HARM = re.compile(
    r"\b(?:no|without|nor)\b[^.;]{0,70}\b(?:adverse|side effects?|health problems?|"
    r"complications?|safety concerns?)"
)
_UP = re.compile(r"\b(?:increas\w*|rose|higher|greater|gain\w*|more)\b", re.IGNORECASE)
_DOWN = re.compile(
    r"\b(?:decreas\w*|fell|fallen|lower|less|fewer|reduc\w*|dropp\w*|declin\w*)\b", re.I
)
_SAFETY = re.compile(
    r"\b(?:side effects?|health problems?|adverse|safety|safe|tolerated|serious|infections?|"
    r"deaths?)\b",
    re.IGNORECASE,
)
_LINKED = re.compile(r"\b(?:linked|associated|predict\w*|related|correlat\w*)\b", re.IGNORECASE)
_GENERIC_WORDS = frozenset(
    {"change", "changes", "baseline", "weeks", "months", "years", "number", "score", "scores",
     "total", "from", "with", "between", "after", "during", "measured", "assessed", "mean",
     "time", "proportion", "patients", "people", "participants", "week", "month", "using"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of the study, ready to be told.

    `direction` is "better", "worse", "no clear difference", "linked" or None (unclear);
    `outcome` names what it is about in plain words ("6-minute walking distance"), or None
    when the sentence does not say plainly; `term` is the glossary name of the measure
    ("6-minute walk test"), for clinicians, and `better` which way the measure improves.
    """

    sentence: Sentence
    lines: tuple[Line, ...]
    primary: bool
    direction: str | None
    outcome: str | None
    term: str | None = None
    better: str | None = None


@per_draft
def primary_outcome(draft: Draft, stated: bool = False) -> str | None:
    """Return the primary outcome as the methods state it ("the 6-minute walk distance").

    Without a stated primary outcome, the first extracted outcome stands in for it
    (unless `stated`).
    """
    for sentence in (*draft.sentences_in("METHODS"), *draft.document.sentences):
        match = _PRIMARY.search(sentence.text)
        if match:
            return match.group("what").strip()
    facts = draft.facts.outcomes
    return facts[0].text if facts and not stated else None


def _keys(draft: Draft, text: str) -> tuple[set[str], set[str]]:
    """Return the glossary terms and the content words of `text` (short forms written out)."""
    expanded = draft.simplifier.expand(text)
    outcomes = (
        glossary_subset(draft.glossary, "outcomes", _is_outcome_term) if draft.glossary else None
    )
    terms = {m.term.term for m in outcomes.find(expanded)} if outcomes is not None else set()
    content = set(re.findall(r"[a-z]{5,}", expanded.lower())) - _GENERIC_WORDS
    return terms, content


def _is_primary(draft: Draft, sentence: Sentence) -> bool:
    primary = primary_outcome(draft)
    if primary is None:
        return False
    terms, content = _keys(draft, primary)
    their_terms, their_content = _keys(draft, sentence.text)
    if terms & their_terms - {"multiple sclerosis", "MS"}:
        return True
    return len(content & their_content) >= 2 or (len(content) == 1 and content <= their_content)


@dataclass(frozen=True, slots=True)
class _Measure:
    plain: str | None = None
    term: str | None = None
    better: str | None = None


_OUTCOME_CATEGORIES = ("symptoms", "outcome measures", "tests and biomarkers", "imaging and MRI")


def _is_outcome_term(term: GlossaryTerm) -> bool:
    return bool(term.measure or term.better) or term.category in _OUTCOME_CATEGORIES


def _measure_in(draft: Draft, text: str) -> _Measure:
    """Return the first outcome measure (or symptom, or marker) that `text` names."""
    if draft.glossary is None:
        return _Measure()
    outcomes = glossary_subset(draft.glossary, "outcomes", _is_outcome_term)
    matches = outcomes.find(draft.simplifier.expand(text))
    for match in matches:
        if match.term.measure:
            return _Measure(match.term.measure, match.term.term, match.term.better)
    for match in matches:
        if match.term.better:
            return _Measure(match.term.plain or match.term.term, match.term.term, match.term.better)
    for match in matches:
        if match.term.category in _OUTCOME_CATEGORIES:
            return _Measure(match.term.plain or match.term.term, match.term.term)
    return _Measure()


# "1.3 with EXB-301 and 3.6 with placebo", "by 38 m in the exercise group and 6 m in the
# comparison group", "in 6 people on EXB-301 and 9 on placebo": the treated arm first.
_VERSUS = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)\s*(?:%|m|points?|people|patients|participants)?\s+"
    r"(?:with|in|on|for)\s+(?:the\s+)?(?P<arm_a>[\w-]+(?:\s+[\w-]+){0,2}?)\s*"
    r"(?:,|and|versus|vs\.?|compared with)\s+(?P<b>\d+(?:\.\d+)?)\s*"
    r"(?:%|m|points?|people|patients|participants)?\s+(?:with|in|on|for)\s+(?:the\s+)?"
    r"(?P<arm_b>[\w-]+(?:\s+[\w-]+){0,3})",
    re.IGNORECASE,
)
_CONTROL_ARM = re.compile(
    r"\b(?:placebo|control|controls|comparison|usual|sham|standard|waiting|wait-list|"
    r"untreated)\b",
    re.IGNORECASE,
)


_FELL_BY = re.compile(r"\b(?:fell|fallen|decreased|reduced|dropped|declined|lowered) by\b", re.I)


def _compared(draft: Draft, text: str, better: str) -> str | None:
    """Return "better" or "worse" for a result stated as treated arm against control arm.

    The control arm is a placebo, usual care, sham or the study's stated comparison;
    amounts after "fell by" are decreases, so the larger one is the lower result.
    """
    match = _VERSUS.search(text)
    if match is None:
        return None
    comparison = draft.facts.comparison.text.lower() if draft.facts.comparison else ""
    compared_words = set(re.findall(r"[a-z]{5,}", comparison))

    def is_control(arm: str) -> bool:
        words = set(re.findall(r"[a-z]{5,}", arm.lower()))
        return bool(_CONTROL_ARM.search(arm)) or bool(words & compared_words)

    if is_control(match.group("arm_a")) or not is_control(match.group("arm_b")):
        return None
    treated, control = float(match.group("a")), float(match.group("b"))
    if treated == control:
        return None
    higher = treated > control
    if _FELL_BY.search(text):
        higher = not higher
    return "better" if higher == (better == "higher") else "worse"


def direction_of(draft: Draft, text: str) -> str | None:
    """Return which way a result went for the person with MS, or None when unclear."""
    better = _measure_in(draft, text).better
    lower = text.lower()
    if _NO_HARM.search(lower):
        return None  # "no stimulation-related adverse events": not a worse result
    read = read_result(lower)
    if read is not None and read[0] == "no clear difference":
        return "no clear difference"
    if better is not None and (read is None or read[0] == "mixed"):
        compared = _compared(draft, text, better)
        if compared is not None:
            return compared
        up, down = _UP.search(lower), _DOWN.search(lower)
        if bool(up) != bool(down):
            return "better" if (better == "higher") == bool(up) else "worse"
    if read is not None and read[0] in ("improved", "worsened"):
        if read[0] == "worsened" and re.search(r"\bstable\b", lower):
            return None  # "stable in 20 of 24 people and worse in 4": not simply worse
        return "better" if read[0] == "improved" else "worse"
    first = re.split(r",\s+(?:but|while|whereas)\s+|;\s+", lower, maxsplit=1)[0]
    if _LINKED.search(first) and not re.search(r"\bnot\b", first):
        return "linked"
    return None


def is_safety(text: str) -> bool:
    """Return True for a result about side effects or safety rather than the outcomes."""
    return _SAFETY.search(text) is not None


def _allowed(draft: Draft, sentence: Sentence) -> bool:
    """Return False for sentences about who took part rather than what was found."""
    return not is_baseline(sentence.text, draft.facts.study_design)


#: How many usable findings are enough: "the study" tells up to four, the headline and
#: "why it matters" take the best of them.
_ENOUGH = 5


@per_draft
def findings(draft: Draft) -> list[Finding]:
    """Return the study's findings that can be said plainly, best first.

    The primary outcome's results come first (in abstract order), then results that went
    one way or the other, then results with no clear difference, then safety, then the
    rest. Sentences are ranked on the source text and simplified in that order only until
    enough are usable, which keeps long abstracts cheap.
    """
    ranked: list[tuple[tuple[int, int], Sentence, bool, str | None, _Measure]] = []
    for sentence in result_candidates(draft):
        if not _allowed(draft, sentence):
            continue
        primary = _is_primary(draft, sentence)
        direction = direction_of(draft, sentence.text)
        if primary:
            rank = 0
        elif _SAFETY.search(sentence.text):
            rank = 3
        elif direction in ("better", "worse", "linked"):
            rank = 1
        else:
            rank = 2 if direction is not None else 4
        measure = _measure_in(draft, sentence.text)
        ranked.append(((rank, sentence.index), sentence, primary, direction, measure))
    found: list[Finding] = []
    ordered = sorted(ranked, key=lambda r: r[0])
    for _rank, sentence, primary, direction, measure in ordered:
        lines = source_lines(draft, sentence)
        if not lines and not found and _introduce(draft, sentence):
            lines = source_lines(draft, sentence)
        if not lines:
            continue
        found.append(
            Finding(
                sentence, tuple(lines), primary, direction, measure.plain, measure.term,
                measure.better,
            )
        )  # fmt: skip
        if len(found) == _ENOUGH:
            break
    return found


def _introduce(draft: Draft, sentence: Sentence) -> bool:
    """Allow the one rare name (a code such as EXB-088) that alone keeps a result out.

    "The study" then introduces it ("something called EXB-088"), which explains it.
    """
    simplified = draft.simplify(sentence)
    others = [p for p in simplified.problems if not p.startswith("hard words")]
    if others or len(simplified.hard) != 1:
        return False
    word = simplified.hard[0]
    if not re.fullmatch(r"[A-Z]{2,5}-?\d{2,4}[A-Za-z]?", word):
        return False  # only a code is surely a name; a rare ordinary word is not
    draft.allow(word, draft.source(sentence))
    return True


# "One study reported ...", "The other trial found ...": part of a review's evidence, not
# what the review found.
_PART_OF_EVIDENCE = re.compile(
    r"^(?:one|a single|the other|another|only one|two|three|some|several) (?:of the )?"
    r"(?:studies|study|trials?)\b",
    re.IGNORECASE,
)


_FIRST_CLAUSE = re.compile(r";\s+|,\s+(?:but|while|whereas|although|and it)\s+|\.\s+", re.I)


def _outcome_terms(draft: Draft, text: str) -> set[str]:
    """Return what the outcomes named in `text` measure ("fatigue" for MFIS and for fatigue)."""
    if draft.glossary is None:
        return set()
    outcomes = glossary_subset(draft.glossary, "outcomes", _is_outcome_term)
    return {
        re.sub(r"\s+(?:score|scores)$", "", m.term.measure or m.term.term).lower()
        for m in outcomes.find(draft.simplifier.expand(text))
    }


@per_draft
def main_finding(draft: Draft) -> Finding | None:
    """Return the finding to build "why it matters" on, or None when none is safe to build on.

    It must be clear what it is about and which way it went: one outcome in its first
    sentence, the same direction read from that sentence alone ("effective in reducing
    activity. But no difference in disability" is not "reduced disability"), no other
    finding with no clear change in the same outcome, and for a review not one study of
    many ("One study reported ...").
    """
    ranked = findings(draft)
    for finding in ranked:
        if finding.direction is None or finding.outcome is None:
            continue
        if draft.strength.level == "review" and _PART_OF_EVIDENCE.match(finding.sentence.text):
            continue
        first = _FIRST_CLAUSE.split(finding.sentence.text, maxsplit=1)[0]
        if (
            len(_outcome_terms(draft, first)) != 1
            or direction_of(draft, first) != finding.direction
        ):
            continue
        if any(
            other is not finding
            and other.outcome == finding.outcome
            and other.direction != finding.direction
            for other in ranked
        ):
            continue  # the findings disagree about this outcome
        return finding
    return None
