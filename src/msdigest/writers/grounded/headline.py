"""Write the headline: the main finding in one sentence, hedged to the evidence.

The finding is the authors' own conclusion (or a declarative title), made plain and
softened; the frame around it says how much weight it bears ("A small early study
suggests that ...", "Early research in mice suggests that ..."). Trials and reviews may
state their finding directly. When no finding can be said plainly, the headline says what
was studied and that the evidence is early, rather than guessing.
"""

from __future__ import annotations

import re

from msdigest.facts.model import TOPICS
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.describe import (
    Phrase,
    animal_word,
    condition,
    count_phrase,
    design_noun,
    intervention_phrase,
    who_phrase,
)
from msdigest.writers.grounded.hedging import is_hedged, soften
from msdigest.writers.grounded.simplify import core_clause, has_verb, tidy
from msdigest.writers.grounded.study import conclusion_candidates, fill_line

__all__ = ["write_headline"]

MAX_HEADLINE_WORDS = 24

_FRAMES = {
    "lab": (
        "Early research in {animals} suggests that {clause}.",
        "A lab study in {animals} suggests that {clause}, but this is not yet tested in people.",
        "Early lab research suggests that {clause}.",
    ),
    "observational": (
        "{clause}, a study of {count} {who} suggests.",
        "A study of {count} {who} suggests that {clause}.",
        "{clause}, a study of {who} suggests.",
        "A study of {who} suggests that {clause}.",
        "A new study suggests that {clause}.",
    ),
    "small_early": (
        "A small early study suggests that {clause}.",
        "{clause}, a small early study suggests.",
        "A small early study of {count} {who} suggests that {clause}.",
    ),
    "early": (
        "An early study suggests that {clause}.",
        "{clause}, an early study suggests.",
        "An early study of {count} {who} suggests that {clause}.",
    ),
    "small_observational": (
        "{clause}, a small study of {count} {who} suggests.",
        "A small study of {count} {who} suggests that {clause}.",
        "{clause}, a small study suggests.",
        "A small study suggests that {clause}.",
    ),
    "small_trial": (
        "A small trial of {count} {who} suggests that {clause}.",
        "{clause}, a small trial suggests.",
        "A small trial suggests that {clause}.",
    ),
    "trial": (
        "In a trial of {count} {who}, {clause}.",
        "{clause}, a trial of {count} {who} found.",
        "{clause}, a randomised trial found.",
        "A randomised trial found that {clause}.",
    ),
    "review": (
        "{clause}, a review of earlier studies found.",
        "A review of earlier studies found that {clause}.",
        "Pooling earlier studies, researchers found that {clause}.",
    ),
}
_FALLBACK = {
    "lab": (
        "Early lab research looked at {subject}; it has not been tested in people.",
        "A lab study of {subject} gives early clues that are not yet tested in people.",
    ),
    "review": (
        "A review of earlier studies looked at {subject} in {who}.",
        "Researchers weighed up earlier studies on {subject} in {who}.",
    ),
    "trial": (
        "A trial in {who} tested {subject}.",
        "Researchers tested {subject} in a trial of {who}.",
    ),
    "other": (
        "An early study of {who} looked at {subject}; its findings may need confirming.",
        "A small early look at {subject} in {who} offers clues that may need confirming.",
    ),
}


def _frame_key(draft: Draft) -> str:
    strength = draft.strength
    if strength.level == "lab":
        return "lab"
    if strength.level == "review":
        return "review"
    if strength.level == "trial":
        return "small_trial" if strength.small else "trial"
    if strength.level == "early":
        return "small_early" if strength.small else "early"
    return "small_observational" if strength.small else "observational"


def _subject(draft: Draft) -> Phrase | None:
    intervention = intervention_phrase(draft)
    if intervention is not None:
        return intervention
    if draft.facts.topics:
        label = TOPICS.get(draft.facts.topics[0], "").lower()
        if label:
            return Phrase(label, draft.fact("topics", draft.facts.topics[0]))
    return None


def _clauses(draft: Draft) -> list[tuple[str, Line]]:
    """Return candidate findings (a plain clause and the sentence it came from)."""
    found: list[tuple[str, Line]] = []
    candidates = list(conclusion_candidates(draft))
    if has_verb(draft.paper.title) and not draft.paper.title.rstrip().endswith("?"):
        candidates.append(draft.document.title)
    for sentence in candidates:
        simplified = draft.simplify(sentence)
        if not simplified.usable or not simplified.sentences:
            continue
        clause, _cut = core_clause(simplified.sentences[0])
        safe = soften(clause, draft.strength)
        if not safe or len(safe.split()) < 4 or not has_verb(safe):
            continue
        found.append((safe, Line(safe, (draft.source(sentence),))))
    return found


def _names_people(clause: str) -> bool:
    return (
        re.search(r"\b(?:people|patients|adults|women|men|children|mice|rats)\b", clause)
        is not None
    )


def write_headline(draft: Draft) -> Line:
    """Return the one-sentence headline of the summary."""
    key = _frame_key(draft)
    count = count_phrase(draft)
    who = who_phrase(draft)
    animals = animal_word(draft) or "the lab"
    for clause, origin in _clauses(draft):
        fields: dict[str, Phrase | str] = {
            "clause": clause,
            "who": who,
            "animals": animals if animals != "cells in the lab" else "cells",
        }
        if count is not None:
            fields["count"] = count
        frames = [
            frame
            for frame in _FRAMES[key]
            if len(frame.split()) + len(clause.split()) + 3 <= MAX_HEADLINE_WORDS + 2
        ]
        if _names_people(clause):
            # "... in people with MS, a study of 62 people with MS suggests" says it twice.
            frames = [f for f in frames if "{who}" not in f] or frames
        line = fill_line(draft, "headline", tuple(frames), fields) if frames else None
        if line is None or len(line.text.split()) > MAX_HEADLINE_WORDS:
            continue
        if draft.strength.needs_hedged_headline and not is_hedged(line.text):
            continue
        draft.refs(origin.sources)
        return Line(tidy(line.text), origin.sources + line.sources)
    return _fallback(draft, who)


def _fallback(draft: Draft, who: Phrase) -> Line:
    subject = _subject(draft) or Phrase(
        condition(draft), draft.fact("study_design", draft.facts.study_design)
    )
    level = draft.strength.level
    key = (
        level
        if level in ("lab", "review")
        else "trial"
        if (level == "trial" and not draft.strength.small)
        else "other"
    )
    line = fill_line(draft, "headline", _FALLBACK[key], {"subject": subject, "who": who})
    if line is not None:
        return line
    noun = design_noun(draft)
    text = tidy(f"{noun} looked at {who.text}; its findings are early")
    return Line(text, (who.source,))
