"""How strong a study's evidence is, and whether a sentence hedges: shared by the checks.

The claims and completeness checks (and `msdigest eval summaries`) must agree on which
studies need hedged wording and on what counts as a hedge, so both live here, once.
"""

from __future__ import annotations

import re

from msdigest.facts.model import StudyFacts

__all__ = [
    "EARLY_DESIGNS",
    "LAB_DESIGNS",
    "OBSERVATIONAL_DESIGNS",
    "REVIEW_DESIGNS",
    "SMALL_SAMPLE",
    "TRIAL_DESIGNS",
    "causal_reasons",
    "design_reason",
    "hedges",
    "is_lab",
    "is_small",
    "stage_reason",
]

#: Below this many participants a study is "small" (the limitation flag uses the same cut).
SMALL_SAMPLE = 100

TRIAL_DESIGNS = frozenset(
    {
        "randomized_controlled_trial",
        "non_randomized_trial",
        "single_arm_trial",
        "feasibility_or_pilot",
    }
)
REVIEW_DESIGNS = frozenset({"systematic_review", "meta_analysis"})
OBSERVATIONAL_DESIGNS = frozenset(
    {"cohort", "case_control", "cross_sectional", "case_report_or_series", "qualitative"}
)
EARLY_DESIGNS = frozenset({"feasibility_or_pilot", "single_arm_trial"})
LAB_DESIGNS = frozenset({"animal_or_lab"})

_DESIGN_WORDS = {
    "cohort": "an observational (cohort) study",
    "case_control": "an observational (case-control) study",
    "cross_sectional": "an observational study at one point in time",
    "case_report_or_series": "a report of individual cases",
    "qualitative": "an interview (qualitative) study",
    "feasibility_or_pilot": "an early (pilot or feasibility) study",
    "single_arm_trial": "an early study with no comparison group",
    "animal_or_lab": "lab or animal research",
    "other": "a study of unclear design",
}

# Words and phrases that tell the reader a finding is tentative or limited.
_HEDGE = re.compile(
    r"\b(?:may|might|could|suggests?|suggested|suggesting|linked|associated|tied to|"
    r"appears?|appeared|seems?|seemed|possible|possibly|perhaps|preliminary|early|small|"
    r"pilot|hints?|hinted|likely|unclear|uncertain|points? to|pointed to|first step|"
    r"first look|not yet|in (?:mice|rats|animals|cells|the lab|a lab|a dish))\b",
    re.IGNORECASE,
)


def hedges(text: str) -> bool:
    """Return True when `text` holds a hedge ("may", "was linked to", "small study"...)."""
    return _HEDGE.search(text) is not None


def is_small(facts: StudyFacts) -> bool:
    """Return True when fewer than 100 people took part (by count or by the facts' flag)."""
    total = facts.sample_size.total
    if total is not None:
        return total < SMALL_SAMPLE
    return facts.limitations.small_sample is True


def is_lab(facts: StudyFacts) -> bool:
    """Return True for animal or laboratory work (by design or by the facts' flag)."""
    return facts.study_design in LAB_DESIGNS or facts.limitations.animal_or_lab is True


def design_reason(facts: StudyFacts) -> str | None:
    """Return why the design alone calls for a hedged headline, or None for trials and reviews.

    Anything that is not a trial or a review (observational work, case reports, interviews,
    lab and animal research, an unclear design) cannot show cause and effect in people.
    """
    design = facts.study_design
    if design in TRIAL_DESIGNS or design in REVIEW_DESIGNS:
        return None
    return f"it is {_DESIGN_WORDS.get(design, 'a study of unclear design')}"


def stage_reason(facts: StudyFacts) -> str | None:
    """Return why an early or small study calls for hedged wording, or None.

    Applies whatever the design: a randomised trial of 40 people is still a small study.
    """
    reasons: list[str] = []
    if facts.study_design in EARLY_DESIGNS:
        reasons.append(f"it is {_DESIGN_WORDS[facts.study_design]}")
    if is_small(facts):
        total = facts.sample_size.total
        reasons.append(f"only {total} people took part" if total else "it is a small study")
    return " and ".join(reasons) or None


def causal_reasons(facts: StudyFacts) -> tuple[str, ...]:
    """Return why the findings must not be told with causal verbs ("causes", "prevents").

    Observational, early and small studies in people cannot show cause and effect. Lab
    and animal experiments can, in animals or cells; the claims check asks them to say
    so instead.
    """
    reasons: list[str] = []
    if not is_lab(facts):
        design = design_reason(facts)
        if design:
            reasons.append(design)
        elif facts.limitations.observational is True:
            reasons.append("it is an observational study")
    stage = stage_reason(facts)
    if stage and stage not in reasons:
        reasons.append(stage)
    return tuple(reasons)
