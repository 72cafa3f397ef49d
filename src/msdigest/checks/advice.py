"""Check `advice`: no direct medical advice, and a pointer to the reader's care team.

A summary reports research; it must never tell a reader what to take, stop, start or
switch, how much of anything to take, or what a doctor should prescribe. Those are
decisions for the reader and their care team, whose situation the summary cannot know.
Pointing readers to that team ("talk to your MS team before changing anything") is the
right move, and a summary that never does so warns.

Fails, quoting the sentence:
* advice to an audience: "you should", "patients must", "people with MS need to",
  "doctors should", "caregivers ought to" (except to talk to the care team);
* imperatives at the start of a sentence: "Take...", "Stop...", "Avoid...", "Try...",
  "Do not..." (except when the sentence sends the reader to their care team, as in
  "Do not change any treatment without talking to your MS team");
* always, whatever else the sentence says: "stop taking", "start taking", "keep
  taking", "do not take", "we recommend", "it is recommended", "can recommend",
  "should prescribe", "ask your doctor to prescribe", dosing ("take 4,000 IU").
Describing what participants did is not advice: "participants took 4,000 IU a day".
"""

from __future__ import annotations

import re

from msdigest.checks.context import CheckInput, make_result, quote
from msdigest.summary import CheckResult

__all__ = ["NAME", "check", "points_to_care_team"]

NAME = "advice"

_CARE_TEAM = re.compile(
    r"\b(?:talk|speak|discuss|check|ask)\w*\b[^.]{0,60}?\b(?:doctors?|GPs?|neurologists?|"
    r"nurses?|care team|MS team|health ?care (?:team|providers?|professionals?)|"
    r"health (?:team|professionals?)|clinicians?|specialists?|pharmacists?)\b|"
    r"\byour (?:MS |care |healthcare |health care |medical )?(?:team|doctor|neurologist|nurse)\b",
    re.IGNORECASE,
)
_AUDIENCE_MUST = re.compile(
    r"\b(?:you|patients|people(?: with (?:MS|multiple sclerosis))?|readers|caregivers|"
    r"carers|families|doctors|clinicians|neurologists|(?:health ?care )?providers|nurses|"
    r"everyone|anyone|women|men|parents)\s+(?:should|must|ought to|need to|have to|"
    r"had better)\b(?!\s+(?:first\s+)?(?:talk|speak|discuss|check with|ask (?:their|your)))",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|for|in|of|among|with|about|on|by|from|between|whether)\s+$", re.IGNORECASE
)
_IMPERATIVE = re.compile(
    r"^(?:please\s+)?(?:take|stop|start|switch|avoid|increase|decrease|reduce|cut|add|try|"
    r"quit|skip|eat|drink|begin|continue|don't|do not|never(?! before)|always|consider|"
    r"make sure|be sure|ask)\b",
    re.IGNORECASE,
)
_ASK_CARE_TEAM = re.compile(
    r"^(?:please\s+)?ask (?:your|their)\b(?![^.]*\b(?:to prescribe|for a prescription|"
    r"to (?:start|switch|stop|change|put))\b)",
    re.IGNORECASE,
)
_ALWAYS_ADVICE = re.compile(
    r"\b(?:stop taking|start taking|keep taking|do not take|don't take|never take|"
    r"we (?:recommend|advise|suggest that you)|it is (?:recommended|advised)|"
    r"(?:can|could|should|must) (?:recommend|prescribe)|"
    r"ask (?:your|their) [\w ]{0,30}?(?:to prescribe|for a prescription|to start|to switch|"
    r"to put)|"
    r"(?:take|taking|use|try)\s+(?:up to\s+|at least\s+|about\s+)?\d[\d,.]*\s*(?:mg|mcg|"
    r"\u00b5g|micrograms?|milligrams?|iu|units?|ml|g|grams?|capsules?|tablets?|pills?))\b",
    re.IGNORECASE,
)


def points_to_care_team(text: str) -> bool:
    """Return True when `text` sends the reader to their doctor or MS team."""
    return _CARE_TEAM.search(text) is not None


def _advice_in(sentence: str) -> str | None:
    """Return the advice phrase in `sentence`, or None when it gives no advice."""
    hard = _ALWAYS_ADVICE.search(sentence)
    if hard:
        return hard.group(0)
    for must in _AUDIENCE_MUST.finditer(sentence):
        # "whether this applies to people with MS must be tested": not addressed to them
        if not _PREPOSITION_BEFORE.search(sentence, max(0, must.start() - 20), must.start()):
            return must.group(0)
    imperative = _IMPERATIVE.match(sentence.lstrip("\"'\u201c("))
    if imperative and not _ASK_CARE_TEAM.match(sentence) and not points_to_care_team(sentence):
        return imperative.group(0)
    return None


def check(data: CheckInput) -> CheckResult:
    """Return fail for any sentence of medical advice; warn when the care team is never named."""
    problems: list[str] = []
    offending: list[str] = []
    for piece in data.pieces:
        phrase = _advice_in(piece.text)
        if phrase:
            problems.append(f"medical advice {quote(phrase)} in {quote(piece.text, 120)}")
            offending.append(piece.text)
    warnings = []
    if not points_to_care_team(data.full_text):
        warnings.append(
            "the summary never points readers to their care team "
            "(e.g. 'talk to your MS team before changing anything')"
        )
    ok = "no medical advice; points readers to their care team"
    return make_result(NAME, problems, warnings, offending, ok)
