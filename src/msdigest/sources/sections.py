"""Abstract section labels and the NLM categories they map to."""

from __future__ import annotations

import re

__all__ = ["LABEL_LINE", "nlm_category"]

# "METHODS: text", "Trial registration: text"; at most five words before the colon.
LABEL_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z&/,'()\- ]{1,60}?)\s*:\s+(?P<text>\S.*)$", re.S)

_CATEGORIES = {
    "BACKGROUND": ("background", "introduction", "context", "rationale", "importance"),
    "OBJECTIVE": (
        "objective",
        "objectives",
        "aim",
        "aims",
        "purpose",
        "goal",
        "goals",
        "hypothesis",
        "question",
    ),
    "METHODS": (
        "method",
        "methods",
        "design",
        "setting",
        "settings",
        "participants",
        "patients",
        "subjects",
        "materials",
        "intervention",
        "interventions",
        "measurements",
        "main outcome measures",
        "outcome measures",
        "study design",
        "search methods",
        "selection criteria",
        "data collection and analysis",
        "data sources",
        "study selection",
        "data extraction",
        "population",
    ),
    "RESULTS": ("result", "results", "findings", "main results", "outcomes"),
    "CONCLUSIONS": (
        "conclusion",
        "conclusions",
        "interpretation",
        "discussion",
        "authors' conclusions",
        "implications",
        "significance",
        "clinical relevance",
        "conclusions and relevance",
    ),
}
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"\W+")
_LOOKUP = {name: category for category, names in _CATEGORIES.items() for name in names}


def nlm_category(label: str | None) -> str | None:
    """Return NLM's category for a section label ("Methods and materials" -> "METHODS")."""
    if not label:
        return None
    key = _SPACES.sub(" ", label.strip().lower())
    if key in _LOOKUP:
        return _LOOKUP[key]
    for word in _NON_WORD.split(key):
        if word in _LOOKUP:
            return _LOOKUP[word]
    return "UNASSIGNED"
