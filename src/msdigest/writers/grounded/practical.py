"""Say what taking part involved: how often, how long, where, and at what dose.

A carer wants to know what a programme asks of a family ("three 40-minute sessions a week
at home"); a clinician wants the dose and schedule. Both are lifted from the methods as the
authors wrote them, numbers exactly as stated, and only when the wording is a plain
schedule; nothing is worked out or converted.
"""

from __future__ import annotations

import re

from msdigest.writers.grounded.context import Draft, per_draft
from msdigest.writers.grounded.describe import Phrase

__all__ = ["dose_phrase", "schedule_phrase", "setting_phrase"]

_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,2})"
_SCHEDULE = re.compile(
    rf"\b(?:{_COUNT}\s+(?:weekly\s+|daily\s+)?(?:\d{{1,3}}-minute\s+|\d{{1,3}}-min\s+)?"
    r"(?:group\s+|individual\s+|supervised\s+|online\s+|training\s+|exercise\s+)?sessions?"
    r"(?:\s+(?:a|per|each)\s+(?:week|day)|\s+over\s+\d{1,2}\s+weeks)?"
    r"(?:\s+(?:led|run|given|delivered) by (?:an? |the )?[a-z]+(?: [a-z]+)?)?|"
    rf"\d{{1,3}}\s+minutes?\s+(?:once|twice|{_COUNT}\s+times)\s+(?:a|per)\s+(?:day|week)|"
    rf"(?:once|twice|{_COUNT}\s+times)\s+(?:a|per)\s+(?:day|week)\s+for\s+\d{{1,2}}\s+weeks|"
    r"(?:monthly|weekly)\s+(?:[a-z]+\s+)?sessions?(?:\s+with\s+an?\s+[a-z]+)?)",
    re.IGNORECASE,
)
_DOSE = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:mg|g|mcg|\u00b5g|IU|mg/kg)(?:/day)?(?:\s+(?:once|twice)\s+"
    r"(?:daily|a day|weekly|a week)|\s+(?:daily|weekly|a day|per day))?",
)
_SETTINGS = (
    (re.compile(r"\bhome-based\b|\bat home\b", re.I), "at home"),
    (re.compile(r"\b(?:video ?call|videoconferenc\w*)\b", re.I), "by video call"),
    (re.compile(r"\b(?:telehealth|online|remote(?:ly)?|web-based|internet)\b", re.I), "online"),
    (re.compile(r"\bin (?:a |the )?group(?:s)?\b|\bgroup (?:sessions|classes|programme|program)",
                re.I), "in a group"),
)  # fmt: skip


def _methods(draft: Draft) -> list[str]:
    methods = [s.text for s in draft.sentences_in("METHODS")]
    if not methods and not draft.document.has_sections:
        methods = [s.text for s in draft.document.sentences[:5]]
    return methods


@per_draft
def schedule_phrase(draft: Draft) -> Phrase | None:
    """Return how often and how long people took part ("three 40-minute sessions a week")."""
    if draft.strength.level in ("lab", "review", "observational"):
        return None
    for sentence in draft.sentences_in("METHODS") or draft.document.sentences[:5]:
        match = _SCHEDULE.search(sentence.text)
        if match is None:
            continue
        text = match.group(0).strip()
        if not draft.numbers_ok(text) or len(text.split()) > 14:
            continue
        return Phrase(text, draft.source(sentence))
    return None


@per_draft
def dose_phrase(draft: Draft) -> Phrase | None:
    """Return the dose of a tested medicine as stated ("40 mg once daily"), if one is given."""
    if draft.strength.level not in ("trial", "early"):
        return None
    for sentence in draft.sentences_in("METHODS") or draft.document.sentences[:5]:
        match = _DOSE.search(sentence.text)
        if match is not None and draft.numbers_ok(match.group(0)):
            return Phrase(match.group(0), draft.source(sentence))
    return None


@per_draft
def setting_phrase(draft: Draft) -> str | None:
    """Return where the programme took place ("at home", "by video call"), if the methods say."""
    if draft.strength.level in ("lab", "review", "observational"):
        return None
    text = " ".join([draft.paper.title, *_methods(draft)])
    for pattern, words in _SETTINGS:
        if pattern.search(text):
            return words
    return None
