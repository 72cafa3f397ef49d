"""Decide whether a study had its own comparison group, and where the abstract says so.

A control group is a separate group in this study that did not get what is being tested:
placebo, sham, usual care, a waiting list, an active comparator, healthy or matched
controls, an unexposed group. Mentions of healthy people in general ("as observed in
healthy people") or comparisons with other studies do not count. Reviews have no control
group of their own (None); one-group designs (before/after trials, case reports,
qualitative work) have none (False).
"""

from __future__ import annotations

import re

from msdigest.facts.document import Document, Sentence
from msdigest.facts.model import SampleSize, Span

__all__ = ["extract_control"]

_REVIEWS = frozenset({"systematic_review", "meta_analysis"})
_ONE_GROUP = frozenset({"case_report_or_series", "qualitative"})
_OBSERVATIONAL = frozenset({"cohort", "cross_sectional", "other"})

_ARM = re.compile(
    r"\bplacebo\b|\bsham\b|\bcontrol (?:group|arm|condition|cohort)s?\b|\busual care\b|"
    r"\bstandard (?:of )?care\b|\btreatment as usual\b|\bwait(?:ing)?[- ]?list\b|\bactive "
    r"comparator\b|\bcomparator\b|\bcontrols? received\b|\bno(?:-| )(?:treatment|intervention) "
    r"(?:group|arm|control)\b|\bor not \(|\bvehicle\b"
)
_PEOPLE_CONTROLS = re.compile(
    r"\b(?:healthy|matched|normal|population|general population) (?:\w+ )?(?:controls?|"
    r"volunteers|subjects|individuals|participants|donors)\b|\bcontrols\b(?! for\b)|"
    r"\b(?:hcs?|hvs?)\b|\bcontrol (?:subjects|participants|individuals|children|women|men)\b|"
    r"\b(?:unexposed|non-?exposed|non-?users|untreated) (?:group|patients|participants|"
    r"individuals|women|controls)\b|\breference (?:group|population|cohort)\b|\bcomparison "
    r"group\b|\bwith and without (?:ms|multiple sclerosis|the disease)\b|\b(?:people|persons|"
    r"individuals|adults|children|those|participants|women|men) without (?:ms|multiple "
    r"sclerosis)\b"
)
_ANIMAL_CONTROLS = re.compile(
    r"\bsham\b|\bvehicle\b|\bcontrol (?:mice|rats|animals|group|diet|cages?)\b|\bwild-?type\b|"
    r"\blittermates?\b|\b(?:untreated|naive|sedentary|unimmuni[sz]ed) (?:mice|rats|animals)\b|"
    r"\bplacebo\b|\bcontrols\b|\(control\)|\bcompared (?:with|to)\b|\bversus\b|\bvs\.?\s|"
    r"\b[\w-]+ (?:and|or|versus|vs\.?) [\w-]+ (?:mice|mouse|rats?|animals)\b"
)
# "there was no comparison group", "without a control group", "uncontrolled".
_NO_CONTROL = re.compile(
    r"\b(?:no|without (?:a|any)|lack(?:ed|ing)? (?:a|any)|absence of (?:a|any)) (?:separate )?"
    r"(?:control|comparison|comparator) (?:group|arm|condition)s?\b|\buncontrolled\b|"
    r"\bsingle[- ](?:group|arm)\b|\bone[- ]group\b"
)
_VERSUS = re.compile(r"\bversus\b|\bvs\.?\s|\bcompared (?:with|to)\b")
# Observational comparisons of groups of people: "between menopausal and non-menopausal
# women", "a comparison of participants with MS and SCI", "patients of different age groups".
_GROUP_WORDS = (
    r"(?:women|men|patients|participants|individuals|people|persons|children|adults|groups?|"
    r"counterparts|cohorts|those|subjects|users|non-?\w+)"
)
_COMPARED_GROUPS = re.compile(
    r"\b(?:were|was) compared (?:with|to) (?:those|patients|participants|people|individuals|"
    r"women|men|children|a group|a matched|matched|the (?:general )?population|non-?\w+)\b|"
    rf"\bbetween\s+(?:[\w-]+\s+){{0,4}}?(?:and|or)\s+(?:[\w-]+\s+){{0,3}}?{_GROUP_WORDS}\b|"
    rf"\b(?:compar\w+|differ\w*)\b[^.;]{{0,80}}?\b(?:in|among|between|with|of|from)\s+"
    rf"(?:the\s+)?(?:[\w-]+\s+){{0,4}}?{_GROUP_WORDS}\b[^.;]{{0,60}}?\b(?:and|or|versus|vs)\b|"
    r"\bdifferent (?:age |treatment |exposure )?groups\b|\b(?:the )?(?:two |three |treatment )?"
    r"groups (?:were|was) (?:balanced|matched|compared|similar|weighted)\b|"
    r"\b(?:exposed|unexposed) (?:and|vs\.?|versus) (?:un)?exposed\b|"
    r"\bcompared (?:\w+ )?between (?:the )?(?:\w+ )?(?:groups|arms|cohorts)\b|"
    r"\bbetween (?:the )?(?:treatment|exposure|drug|therapy|study) groups\b|"
    r"\bcompared (?:with|to) (?:patients|people|users|those|participants|individuals) "
    r"(?:initiating|starting|treated|receiving|taking|using|switching|on)\b"
)
# People of one period compared with those of another (an era or a policy change):
# "compared with the period 2008-2014", "before and after the introduction of a guideline".
_PERIODS = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?) (?:the )?(?:[\w-]+ )?(?:period|era)\b|"
    r"\b(?:two|both|three|different) (?:calendar |time |study |treatment )?(?:periods|eras)\b|"
    r"\bbefore and after (?:the )?(?:introduction|implementation|adoption|launch|introducing|"
    r"implementing|adopting|utili[sz]ing|establishing|establishment)\b (?:of )?(?:a |an |the )?"
    r"(?:[\w-]+ ){0,3}?(?:plan|programme|program|guidelines?|policy|protocol|service|strategy|"
    r"screening|system|pathway|clinic|law|regulations?|reimbursement|criteria|"
    r"recommendations?|testing|monitoring)\b"
)
_ELSEWHERE = re.compile(
    r"\b(?:previous(?:ly)?|prior|need(?:ed|s)?|future|further|should|planned|larger|"
    r"controlling for|controlled for|adjusted for|to control)\b"
)
# "including 1,234 with MS and 1,390 with SCI" lists parts of one sample, not arms.
_BREAKDOWN = re.compile(r"\bincluding\b|\bof whom\b|\bof these\b")
_OTHER_STUDIES = re.compile(
    r"\b(?:(?:previous(?:ly)?|prior|earlier|other) (?:studies|research|reports|trials|work)|"
    r"need(?:ed|s)?|future|further (?:studies|research|trials)|should|planned)\b"
)
# "controlling for age", "self-control", "bladder control", "control of symptoms".
_NOT_A_GROUP = re.compile(
    r"\b(?:controlling|controlled for|self-control|bladder control|motor control|postural "
    r"control|symptom control|control of|control over|quality control|locus of control|"
    r"control diagnosis|disease control)\b"
)


def _search(
    doc: Document, pattern: re.Pattern[str], *, skip_background: bool = True
) -> Span | None:
    sentences: list[Sentence] = [doc.title, *doc.sentences]
    for sentence in sentences:
        if skip_background and sentence.category == "BACKGROUND":
            continue
        if _ELSEWHERE.search(sentence.lower) and sentence.category != "METHODS":
            continue
        for match in pattern.finditer(sentence.lower):
            context = sentence.lower[max(0, match.start() - 20) : match.end() + 20]
            if _NOT_A_GROUP.search(context):
                continue
            return sentence.span(match.start(), match.end())
    return None


def extract_control(
    doc: Document, design: str, size: SampleSize
) -> tuple[bool | None, Span | None]:
    """Return (has_control_group, where it is said) for the given design."""
    if design in _REVIEWS:
        return None, None
    if design in _ONE_GROUP:
        return False, None
    if design == "animal_or_lab":
        span = _search(doc, _ANIMAL_CONTROLS)
        if span is None and len(size.groups) >= 2:
            span = size.groups[0].span
        return (True, span) if span else (None, None)
    if design in {"randomized_controlled_trial", "case_control"}:
        span = _search(doc, _ARM) or _search(doc, _PEOPLE_CONTROLS)
        return True, span
    if design == "single_arm_trial":
        return False, None
    said = _search_in(doc, _NO_CONTROL, ("TITLE", "OBJECTIVE", "METHODS", "RESULTS", None))
    if said is not None:
        return False, said
    arm = _search(doc, _ARM)
    if arm:
        return True, arm
    people = _search(doc, _PEOPLE_CONTROLS)
    if people or size.healthy_controls:
        return True, people
    if design in {"feasibility_or_pilot", "non_randomized_trial"} and len(size.groups) >= 2:
        return True, size.groups[0].span
    if design == "non_randomized_trial":
        return True, None
    if design == "other":
        versus = _search(doc, _VERSUS)
        return (True, versus) if versus else (None, None)
    if design in {"cohort", "cross_sectional"}:
        compared = _search_in(
            doc, _COMPARED_GROUPS, ("TITLE", "OBJECTIVE", "METHODS", None)
        ) or _search(doc, _PERIODS)
        if compared:
            return True, compared
        if len(size.groups) >= 2 and not _search_in(doc, _BREAKDOWN, ("RESULTS", "METHODS", None)):
            return True, size.groups[0].span
    return False, None


def _search_in(
    doc: Document, pattern: re.Pattern[str], categories: tuple[str | None, ...]
) -> Span | None:
    """Return the first match in the title or the sentences of the given sections."""
    for sentence in (doc.title, *doc.sentences):
        if sentence.category not in categories:
            continue
        if _OTHER_STUDIES.search(sentence.lower):
            continue
        match = pattern.search(sentence.lower)
        if match:
            return sentence.span(match.start(), match.end())
    return None
