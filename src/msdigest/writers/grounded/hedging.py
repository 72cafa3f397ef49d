"""Match the wording to the strength of the evidence.

A reader cannot weigh a study from its words alone, so the words must carry the weight:
lab and animal work says it has not been tested in people; observational, small and early
studies "suggest" and find things "linked to" each other, and never "prove" or "cause";
trials and reviews may state what they found more firmly. `soften` rewrites an authors'
sentence to that standard, or refuses it (None) when no safe rewrite exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from msdigest.facts.model import StudyFacts

__all__ = [
    "OVERCLAIM",
    "Strength",
    "evidence_strength",
    "is_hedged",
    "overclaims",
    "soften",
]

Level = Literal["lab", "observational", "early", "trial", "review", "unclear"]

_OBSERVATIONAL = {
    "cohort",
    "case_control",
    "cross_sectional",
    "case_report_or_series",
    "qualitative",
}
_EARLY = {"feasibility_or_pilot", "single_arm_trial", "non_randomized_trial"}
_REVIEW = {"systematic_review", "meta_analysis"}

#: Words no summary may use: they claim more than any single study can show.
OVERCLAIM = re.compile(
    r"\b(?:prove[sdn]?|proving|proof|cures?|cured|curing|guarantee[sd]?|definitely|"
    r"definitive(?:ly)?|conclusively|undoubtedly|certainly|breakthrough|miracle|"
    r"revolutionary|game[- ]changer|will|always|never fails?)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:may|might|could|suggests?|suggested|linked|associated|appears?|appeared|seems?|"
    r"seemed|possible|possibly|early|small|pilot|preliminary|not yet|not been tested|"
    r"in (?:mice|rats|animals|cells|the lab))\b",
    re.IGNORECASE,
)
# Present-tense claims of effect that need "may" unless the evidence is firm.
_CLAIM_VERBS = (
    "improves|reduces|prevents|protects|increases|decreases|causes|leads to|promotes|"
    "enhances|restores|slows|halts|stops|lowers|raises|boosts|benefits|helps|treats|"
    "worsens|predicts|affects|modifies|changes|delays|repairs|reverses|suppresses|inhibits|"
    "blocks|induces|triggers|drives|attenuates|ameliorates|strengthens|preserves"
)
# A plural noun looks like a verb ("FLAIR changes and seizures"); a verb is not followed
# by "and", "of", a comma or another verb, so those are left alone.
_PRESENT_CLAIM = re.compile(
    rf"(?<!\bmay )(?<!\bmight )(?<!\bcould )(?<!\bto )(?<!\bnot )\b({_CLAIM_VERBS})\b"
    r"(?!\s*(?:,|;|\.|and\b|or\b|of\b|in\b|were\b|was\b|are\b|is\b|to\b|that\b|for\b))"
)
_CAN_CLAIM = re.compile(r"\bcan (?=\w)")
_IS_EFFECTIVE = re.compile(r"\b(is|are) (?=(?:a |an )?(?:safe|effective|beneficial|useful)\b)")
_SHOWS_THAT = re.compile(r"\b(demonstrates?|demonstrated|shows?|showed|establish(?:es|ed)?) that\b")
_SUGGEST = {
    "demonstrate": "suggest",
    "demonstrates": "suggests",
    "demonstrated": "suggested",
    "show": "suggest",
    "shows": "suggests",
    "showed": "suggested",
    "establish": "suggest",
    "establishes": "suggests",
    "established": "suggested",
}
_PROVE = {"proves": "suggests", "prove": "suggest", "proved": "suggested", "proven": "shown"}
_PAST_CAUSAL = re.compile(r"\b(?:caused|led to|resulted in)\b")
_PRESENT_CAUSAL = re.compile(
    r"(?<!\bmay )(?<!\bmight )(?<!\bcould )(?<!\bnot )\b(?:causes|leads to|results in)\b"
)


@dataclass(frozen=True, slots=True)
class Strength:
    """How firmly this study's findings may be told, and why."""

    level: Level
    small: bool
    in_people: bool

    @property
    def firm(self) -> bool:
        """Return True for trials and reviews that are not small: plain past tense is fine."""
        return self.level in ("trial", "review") and not self.small

    @property
    def needs_hedged_headline(self) -> bool:
        """Return True when the headline must hedge: anything but a trial or a review."""
        return self.level not in ("trial", "review") or self.small


def evidence_strength(facts: StudyFacts) -> Strength:
    """Return the evidence strength of a study from its design and size."""
    design = facts.study_design
    total = facts.sample_size.total
    small = (total is not None and total < 100) or (
        total is None and facts.limitations.small_sample is True
    )
    level: Level
    if design == "animal_or_lab" or facts.limitations.animal_or_lab is True:
        level = "lab"
    elif design in _OBSERVATIONAL:
        level = "observational"
    elif design in _EARLY:
        level = "early"
    elif design == "randomized_controlled_trial":
        level = "trial"
    elif design in _REVIEW:
        level = "review"
    else:
        level = "unclear"
    return Strength(level=level, small=small, in_people=level != "lab")


def overclaims(text: str) -> list[str]:
    """Return the overclaiming words in `text` ("proves", "cure", "will")."""
    return [m.group(0) for m in OVERCLAIM.finditer(text)]


def is_hedged(text: str) -> bool:
    """Return True when `text` carries a hedge ("may", "suggests", "was linked to", ...)."""
    return _HEDGE.search(text) is not None


def _base(verb: str) -> str:
    if verb == "leads to":
        return "lead to"
    if verb.endswith(("ches", "shes", "sses", "xes")):
        return verb[:-2]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    return verb[:-1] if verb.endswith("s") else verb


_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|any|no|clear|significant|without|of|these|those|such|some|many|"
    r"small|large|major|minor|similar|further|other|its|their)\s+$",
    re.IGNORECASE,
)


def _may(match: re.Match[str]) -> str:
    """Put "may" before a claim verb, unless the word is a noun ("without clear changes")."""
    if _NOUN_BEFORE.search(match.string, 0, match.start()):
        return match.group(0)
    return "may " + _base(match.group(1))


def soften(text: str, strength: Strength) -> str | None:
    """Return `text` worded to match `strength`, or None when it cannot be made safe.

    Overclaiming words are never kept: "will" becomes "may", "proves" becomes
    "suggests"; a sentence that talks of a cure or a guarantee is refused. Unless the
    evidence is firm, present-tense claims get "may" ("improves" -> "may improve"),
    "shows that" becomes "suggests that", and for work that is not a trial past causal
    verbs become links ("caused" -> "was followed by" is not safe either, so refused).
    """
    text = re.sub(r"\bwill\b", "may", text)
    text = re.sub(r"\bWill\b", "May", text)
    for claim, hedge in _PROVE.items():
        text = re.sub(rf"\b{claim}\b", hedge, text)
        text = re.sub(rf"\b{claim.capitalize()}\b", hedge.capitalize(), text)
    if OVERCLAIM.search(text):
        return None
    if strength.level in ("observational", "unclear"):
        # Studies that only observe find links, whatever verb the authors chose.
        text = _PRESENT_CAUSAL.sub("may be linked to", text)
        text = _PAST_CAUSAL.sub("was linked to", text)
    if not strength.firm:
        text = _SHOWS_THAT.sub(lambda m: _SUGGEST[m.group(1).lower()] + " that", text)
        text = _IS_EFFECTIVE.sub(lambda m: "may be ", text)
        text = _CAN_CLAIM.sub("may ", text)
        text = _PRESENT_CLAIM.sub(_may, text)
        if strength.level != "trial" and _PAST_CAUSAL.search(text):
            return None
    text = re.sub(r"\bmay may\b", "may", text)
    return text
