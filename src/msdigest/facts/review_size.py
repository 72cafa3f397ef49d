"""How many people took part in the studies a review included, and how many studies.

A review reports the participants of its included studies: a stated total ("17 trials
with a total of 1,210 participants") beats a count with a people noun, which beats a bare
"(n = 6)"; inside a review's results a bracketed count is usually a number of studies per
condition or design ("multiple sclerosis (n = 7)") or one study's size ("(1 RCT, n = 20)").
Counts in sentences about a subset of the studies lose. The number of studies is kept apart.
"""

from __future__ import annotations

import re

from msdigest.facts.counts import NOT_PARTICIPANTS, PEOPLE_KINDS, Count
from msdigest.facts.document import Sentence
from msdigest.facts.model import SampleSize

__all__ = ["review_size"]

# In a review, "eligible" describes the studies included, so their people count, and so
# do people found in the literature ("a literature search identified 24 published cases").
_NOT_IN_REVIEW = NOT_PARTICIPANTS - {"pool", "literature"}
_INCLUDED_BEFORE = re.compile(
    r"\b(?:included|includes|identified|retained|analy[sz]ed|selected)\s+(?:a total of\s+)?"
    r"(?:only\s+)?$"
)
_INCLUSION = re.compile(
    r"\b(?:included|met (?:the|our)|eligible|identified|involving|enrolling|comprising|with a "
    r"total|were found|fulfilled)\b"
)
_TOTAL_NEAR = re.compile(r"\b(?:total|totall?ing|combined|altogether|in all)\b[^.;()]{0,40}$")
_STUDY_NOUN = re.compile(r"\b(?:studies|trials|rcts|articles|papers|reports)\b")
# "(1 RCT, n = 20)" inside reviews: a single study's size, not the review's participants.
_STUDY_BEFORE = re.compile(r"\b(?:rcts?|trials?|studies|study)\s*[,;(]?\s*$")


def review_size(counted: list[tuple[Sentence, list[Count]]]) -> SampleSize:
    """Return the participants of the studies a review included, and how many studies."""
    studies: int | None = None
    included: int | None = None
    for sentence, counts in counted:
        if sentence.category == "BACKGROUND":
            continue
        for count in counts:
            if count.kind == "studies" and count.role not in {"dropout", "subgroup"}:
                studies = studies or count.value
                # "we included 12 trials" beats "full texts for 58 studies"
                if _INCLUDED_BEFORE.search(sentence.lower[max(0, count.start - 40) : count.start]):
                    included = included or count.value
    studies = included or studies
    best: tuple[int, int, Sentence, Count] | None = None
    for sentence, counts in counted:
        if sentence.category == "BACKGROUND":
            continue
        for count in counts:
            score = _review_score(sentence, count)
            if score is not None and studies and _subset_of_studies(counts, studies):
                score -= 3  # "Two studies assessed night splints in a total of 26 children"
            if score is not None and (best is None or score > best[0]):
                best = (score, count.value, sentence, count)
    if best is not None:
        _, _, sentence, count = best
        return SampleSize(
            total=count.value, span=sentence.span(count.start, count.end), studies=studies
        )
    reason = "review: no participant total stated"
    if studies:
        reason += f" ({studies} studies)"
    return SampleSize(total=None, studies=studies, reason=reason)


def _subset_of_studies(counts: list[Count], studies: int) -> bool:
    """Return True when a sentence speaks of fewer studies than the review included."""
    return any(c.kind == "studies" and c.value < studies for c in counts)


def _review_score(sentence: Sentence, count: Count) -> int | None:
    """Return how much a count in a review looks like its total of participants.

    A stated total ("a total of 1,210 participants") beats a count with a people noun, which
    beats a bare "(n = 6)": inside a review's results that is usually a number of studies
    ("memory (n = 4)") or one study's size ("(1 RCT, n = 20)").
    """
    if count.kind not in PEOPLE_KINDS or count.role in _NOT_IN_REVIEW:
        return None
    text = sentence.lower
    before = _STUDY_BEFORE.search(text[: count.start])
    if count.n_equals and before is not None and not before.group(0).strip(" ,;(").endswith("s"):
        return None  # "(1 RCT, n = 20)": one study's size inside a review's results
    score = 2 if _INCLUSION.search(text) else 0
    if count.total_marker or _TOTAL_NEAR.search(text[max(0, count.start - 50) : count.start]):
        score += 4
    head = count.label.lower().rsplit(" ", 1)[-1]
    if count.kind in {"people", "controls"} or (count.kind == "disease" and not count.n_equals):
        score += 2
    elif _STUDY_NOUN.search(head):
        score += 2  # "Fourteen RCTs (n = 1,842)": the people in those studies
    elif count.n_equals:
        # "stroke (n = 9), multiple sclerosis (n = 7)": studies per condition or design
        score -= 2
    return score
