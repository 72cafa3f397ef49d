"""Check `claims`: no overclaiming, and wording only as strong as the evidence.

Four rules, in order of how much harm a breach does:

1. Never overclaim, whatever the study: "proves", "cures", "breakthrough", "miracle",
   "guarantees", "definitely", "will stop/cure/prevent...", "always works", "no risk",
   "completely safe". A negated or open use is fine and often good hedging: "this does
   not prove...", "there is no cure", "to see whether it cures".
2. Observational, early (pilot, feasibility, single-arm) and small (under 100 people)
   studies cannot show cause and effect: no causal verbs for their findings ("causes",
   "leads to", "prevents", "reduces the risk") unless hedged in the same breath ("may
   lead to", "can cause", "does not show that X causes Y"); and no absolute "safe"
   ("was safe", "can safely"): say "no serious problems were seen".
3. A trial or review that is small or early must hedge its headline ("may", "small
   study", "early"...). Every other design is held to a hedged headline by the
   completeness check, so one missing hedge is reported once.
4. Lab and animal research must say so (mice, animals, the lab) or say it has not been
   tested in people; a headline that does not say so warns.
"""

from __future__ import annotations

import re

from msdigest.checks.context import CheckInput, make_result, quote
from msdigest.checks.evidence import causal_reasons, design_reason, hedges, is_lab, stage_reason
from msdigest.summary import CheckResult
from msdigest.text.guard import GuardedPattern

__all__ = ["NAME", "check", "overclaims"]

NAME = "claims"

# Every overclaim starts one of these words, or has it after a space ("no side effects"),
# so a sentence without any of them skips the pattern (see `GuardedPattern`).
_OVERCLAIM_STARTS = (
    "prov", "proof", "cur", "breakthrough", "miracle", "game", "revolutionar", "wonder",
    "magic", "guarantee", "definit", "conclusive", "certainly", "undoubtedly", "doubt",
    "always", "work", "effective", "risk", "side", "safe", "will",
)  # fmt: skip
_OVERCLAIMS = GuardedPattern(
    re.compile(
        r"\b(?:prov(?:e|es|ed|en|ing)|proof|cur(?:e|es|ed|ing)|breakthroughs?|miracle\w*|"
        r"game[- ]?chang\w*|revolutionar\w*|wonder (?:drug|treatment)s?|magic bullets?|"
        r"guarantee[sd]?|definitely|definitive(?:ly)?|conclusive(?:ly)?|certainly|undoubtedly|"
        r"without (?:a |any )?doubt|beyond (?:any )?doubt|always works?|works? for everyone|"
        r"(?:100\s?%|completely|fully|totally) effective|risk[- ]free|"
        r"no (?:risks?|side[- ]effects?)|"
        r"(?:completely|totally|perfectly|entirely|absolutely|100\s?%) safe|"
        r"safe for (?:everyone|everybody|all)|"
        r"will (?:stop|cure|prevent|reverse|slow|halt|end|fix|eliminate|eradicate|repair|restore|"
        r"heal|improve|reduce|protect|work|benefit|treat|transform)\w*)\b",
        re.IGNORECASE,
    ),
    _OVERCLAIM_STARTS,
)
# The causal verb starts a word; "... the risk" and "... responsible for" have that word
# after a space.
_CAUSAL_STARTS = (
    "caus", "lead", "led", "result", "prevent", "protect", "risk", "chance", "odds", "trigger",
    "responsible",
)  # fmt: skip
_CAUSAL = GuardedPattern(
    re.compile(
        r"\b(?:causes?|caused|causing|leads? to|led to|leading to|results? in|resulted in|"
        r"prevents?|prevented|preventing|protects? against|protected against|"
        r"(?:reduces?|reduced|reducing|lowers?|lowered|lowering|cuts?|raises?|raised|"
        r"increases?|increased|increasing) (?:the |their |your |a person's )?(?:risk|chance|odds)|"
        r"triggers?|triggered|(?:is|are|was|were) responsible for)\b",
        re.IGNORECASE,
    ),
    _CAUSAL_STARTS,
)
_ABSOLUTE_SAFE = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?safe\b|\bsafely\b", re.IGNORECASE
)
# How far before a word to look for what hedges or negates it (the patterns need less).
_LOOK_BACK = 100
_PAST_REPORT = re.compile(
    r"\b(?:were|was|had|occurred|happened|reported|seen|found|observed|recorded|noted)\b",
    re.IGNORECASE,
)
# What, just before a word, makes it negated, conditional or an open question.
_NEGATED = re.compile(
    r"(?:\bnot|n't|\bno|\bnever|\bcannot|\bnor|\bwithout|\bwhether|\bif|\bunlikely to)"
    r"\b[\w\s,'\u2019-]{0,30}$",
    re.IGNORECASE,
)
_HEDGED = re.compile(
    r"(?:\bmay|\bmight|\bcould|\bcan|\bwould|\bseem\w*|\bappear\w*|\blikely|\bnot|n't|"
    r"\bcannot|\bwhether|\bif|\bto (?:see|test|find out|learn|check|study|ask)|\blinked|"
    r"\bassociated)\b[\w\s,'\u2019-]{0,60}$",
    re.IGNORECASE,
)
# For safety "can" is no hedge: "people can safely do this" is the overclaim itself.
_SAFETY_HEDGED = re.compile(
    r"(?:\bmay|\bmight|\bcould|\bwould|\bseem\w*|\bappear\w*|\blikely|\bnot|n't|"
    r"\bcannot|\bwhether|\bif|\bto (?:see|test|find out|learn|check|study|ask))\b"
    r"[\w\s,'\u2019-]{0,60}$",
    re.IGNORECASE,
)
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|one|main|possible|likely|known|unknown)\s+$", re.I
)
# "cause(s)" ending a clause or followed by "of" is the noun: "the causes of MS".
_BARE_CAUSE = re.compile(r"causes?", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"\s*(?:[.,;:!?)]|$|(?:of|and|or|is|are|was|were|in|for|behind|among)\b)", re.IGNORECASE
)
_LAB_WORDS = re.compile(
    r"\b(?:mice|mouse|rats?|animals?|rodents?|zebrafish|monkeys?|pigs?|lab|laboratory|"
    r"test tubes?|dish(?:es)?|organoids?|in cells|cells grown)\b",
    re.IGNORECASE,
)
_NOT_IN_PEOPLE = re.compile(
    r"\bnot (?:yet )?(?:been )?(?:tested|tried|studied|shown|confirmed|checked)\b"
    r"[^.]{0,40}\b(?:people|humans|patients|a person)\b",
    re.IGNORECASE,
)


def overclaims(text: str) -> list[str]:
    """Return the overclaiming words and phrases in `text` that are not negated.

    "No side effects" and "no risk" are claims in the present tense ("it has no side
    effects") but reports in the past ("no side effects were seen", "no side effect
    occurred"), so a sentence that reports in the past tense may use them.
    """
    found = []
    for match in _OVERCLAIMS.finditer(text):
        if _NEGATED.search(text, max(0, match.start() - _LOOK_BACK), match.start()):
            continue
        if match.group(0).lower().startswith("no ") and _PAST_REPORT.search(text):
            continue
        found.append(match.group(0))
    return found


def _unhedged(
    pattern: re.Pattern[str] | GuardedPattern, text: str, hedged: re.Pattern[str] = _HEDGED
) -> list[str]:
    """Return the matches of `pattern` in `text` that no hedge or negation comes before."""
    found = []
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        if hedged.search(before) or _NOUN_BEFORE.search(before):
            continue
        if _BARE_CAUSE.fullmatch(match.group(0)) and _NOUN_AFTER.match(text, match.end()):
            continue
        found.append(match.group(0))
    return found


def check(data: CheckInput) -> CheckResult:
    """Return fail for overclaiming, unhedged causal or safety wording, or unlabelled lab work."""
    problems: list[str] = []
    warnings: list[str] = []
    offending: list[str] = []
    facts = data.facts
    causal_why = causal_reasons(facts)
    weak = bool(causal_why) or is_lab(facts)
    for piece in data.pieces:
        for word in overclaims(piece.text):
            problems.append(f"overclaiming {quote(word)} in {quote(piece.text, 120)}")
            offending.append(piece.text)
        if causal_why:
            for verb in _unhedged(_CAUSAL, piece.text):
                problems.append(
                    f"causal {quote(verb)} although {causal_why[0]} "
                    f"(say 'was linked to' or 'may'): {quote(piece.text, 120)}"
                )
                offending.append(piece.text)
        if weak:
            for word in _unhedged(_ABSOLUTE_SAFE, piece.text, _SAFETY_HEDGED):
                problems.append(
                    f"absolute {quote(word)} for early or limited evidence (say 'no serious "
                    f"problems were seen'): {quote(piece.text, 120)}"
                )
                offending.append(piece.text)
    headline = data.summary.headline
    stage = stage_reason(facts)
    if stage and design_reason(facts) is None and not hedges(headline):
        problems.append(f"the headline must hedge because {stage}")
        offending.append(headline)
    if is_lab(facts):
        text = data.full_text
        if not (_LAB_WORDS.search(text) or _NOT_IN_PEOPLE.search(text)):
            problems.append(
                "lab or animal research must say so (in mice, in the lab) "
                "or say it has not been tested in people"
            )
        elif not _LAB_WORDS.search(headline) and not _NOT_IN_PEOPLE.search(headline):
            warnings.append("the headline does not say this was lab or animal research")
            offending.append(headline)
    ok = "no overclaiming; wording matches the evidence"
    if causal_why:
        ok += f" ({'; '.join(causal_why)}: no unhedged causal wording)"
    return make_result(NAME, problems, warnings, offending, ok)
