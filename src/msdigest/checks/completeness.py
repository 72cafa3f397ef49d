"""Check `completeness`: every part of the article is there and says what it must.

A reader deciding how much to trust a study needs the same few things every time: a
one-sentence headline; who took part and how many; why it matters to each audience;
and what to keep in mind. Fails when any of these is missing:

* the headline is one sentence; `study`, `keep_in_mind` and the five parts of
  `why_it_matters` (people with MS, caregivers, healthcare providers, who it may not
  apply to, an analogy) are not empty;
* the participant count is stated (in digits or words) when the facts know it;
* "keep in mind" names at least one limitation; "small" appears when fewer than 100
  people took part;
* the headline hedges when the study is not a trial or a review (the claims check
  covers small and early trials).

Warns when a limitation the facts found (no comparison group, short follow-up, one
site, lab or animal work, observational design) is not mentioned in "keep in mind".
"""

from __future__ import annotations

import re

from msdigest.checks.context import WHY_IT_MATTERS_PARTS, CheckInput, make_result
from msdigest.checks.evidence import design_reason, hedges, is_small
from msdigest.checks.numbers import source_numbers, summary_numbers
from msdigest.summary import CheckResult
from msdigest.text.sentences import split_sentences

__all__ = ["NAME", "check", "states_count"]

NAME = "completeness"

_ONE_PERSON = re.compile(
    r"\b(?:one|a single|an?)\s+(?:[\w-]+\s+){0,3}?(?:person|man|woman|patient|child|boy|"
    r"girl|adult|teenager|case)\b",
    re.IGNORECASE,
)
_EACH_GROUP = re.compile(
    r"\b(?P<count>[\w,-]+)\s+(?:(?:people|participants|adults|patients|children)\s+)?"
    r"(?:in|per) (?:each|every) (?:group|arm)\b",
    re.IGNORECASE,
)
_SMALL = re.compile(r"\bsmall\b", re.IGNORECASE)
# Wording that shows "keep in mind" names a limitation of the evidence.
_ANY_LIMITATION = re.compile(
    r"\b(?:small|few|only|short|brief|limit\w*|cannot|can't|could not|not (?:yet|clear|able|"
    r"know|show|prove|tell)|unclear|uncertain|larger|longer|bigger|more research|further|"
    r"needed|need to be|confirm\w*|compar\w*|control group|observ\w*|bias\w*|self-report\w*|"
    r"one (?:centre|center|clinic|hospital|site|country)|single|selected|may not apply|"
    r"mice|animals?|lab|laboratory|not tested|not randomi[sz]ed|no placebo|missing)\b",
    re.IGNORECASE,
)
_FLAG_WORDS = {
    "no_control": (
        "no comparison group",
        re.compile(
            r"\b(?:compar\w*|control\w*|placebo|one group|single group|cause and effect|"
            r"cause-and-effect|cannot show)\b",
            re.I,
        ),
    ),
    "observational": (
        "observational design (cannot show cause and effect)",
        re.compile(
            r"\b(?:observ\w*|cause|causes|caused|cause-and-effect|linked|link|association|"
            r"associated|cannot (?:show|prove|tell))\b",
            re.I,
        ),
    ),
    "short_follow_up": (
        "short follow-up",
        re.compile(
            r"\b(?:short\w*|brief|longer|long-term|long term|lasted only|effects? last\w*|"
            r"only [\w-]+ (?:days?|weeks?|months?))\b",
            re.I,
        ),
    ),
    "single_site": (
        "one site",
        re.compile(
            r"\b(?:one|single|a) (?:centre|center|clinic|hospital|site|place|city|country)\b",
            re.I,
        ),
    ),
    "animal_or_lab": (
        "lab or animal work",
        re.compile(r"\b(?:mice|mouse|rats?|animals?|lab|laboratory|cells|in people)\b", re.I),
    ),
}


def states_count(text: str, total: int) -> bool:
    """Return True when `text` states the number `total` in digits or in words.

    A single case may be stated as "a woman", "a 34-year-old man" or "one person"; "one"
    as a pronoun ("one of the most common problems") states nothing, and a percentage is
    not a count.
    """
    if total == 1 and _ONE_PERSON.search(text):
        return True
    return any(value == total for value, _text, percent in summary_numbers(text) if not percent)


def _states_per_group(text: str, total: int) -> bool:
    """Return True for "12 people in each group" when 12 divides a total the source never states.

    Abstracts of trials often give only the size of each arm ("n=12/arm"); the total is
    then arms x size, which the numbers check would not let a summary state.
    """
    for match in _EACH_GROUP.finditer(text):
        for value, _text, percent in summary_numbers(match.group("count")):
            if not percent and value >= 1 and total % int(value) == 0 and value < total:
                return True
    return False


def _count_problem(data: CheckInput) -> str | None:
    """Return why the participant count is not stated, or None when it is.

    When the abstract gives only the groups ("62 ... and 60 ..."), the total in the facts
    is their sum, which the numbers check forbids in a summary; stating every group's
    size then counts as stating how many took part.
    """
    size = data.facts.sample_size
    total = size.total
    assert total is not None
    text = data.full_text
    if states_count(text, total):
        return None
    parts = [g.count for g in size.groups]
    if size.healthy_controls is not None and sum(parts) != total:
        if not parts:  # "45 people with MS and 40 healthy controls": the rest had MS
            parts.append(total - size.healthy_controls)
        parts.append(size.healthy_controls)
    in_source = float(total) in source_numbers(data.source_text).plain
    if not in_source and _states_per_group(text, total):
        return None
    if not in_source and parts and sum(parts) == total:
        missing = [count for count in parts if not states_count(text, count)]
        if not missing:
            return None
        groups = ", ".join(f"{count:,}" for count in parts)
        return (
            f"the number of participants is not stated: the abstract gives groups of "
            f"{groups} (total {total:,}), and the summary leaves out "
            f"{', '.join(f'{count:,}' for count in missing)}"
        )
    return f"the number of participants ({total:,}) is not stated"


def check(data: CheckInput) -> CheckResult:
    """Return fail for a missing section or statement; warn for unmentioned limitations."""
    summary = data.summary
    facts = data.facts
    problems: list[str] = []
    warnings: list[str] = []
    offending: list[str] = []

    headline = summary.headline.strip()
    headline_sentences = split_sentences(headline)
    if not headline:
        problems.append("the headline is empty")
    elif len(headline_sentences) > 1:
        problems.append(f"the headline has {len(headline_sentences)} sentences; use one")
        offending.append(headline)
    empty = [name for name in ("study", "keep_in_mind") if not getattr(summary, name).strip()]
    why = summary.why_it_matters
    empty += [
        f"why_it_matters.{part}" for part in WHY_IT_MATTERS_PARTS if not getattr(why, part).strip()
    ]
    if empty:
        problems.append(f"empty: {', '.join(empty)}")

    total = facts.sample_size.total
    count_problem = _count_problem(data) if total is not None else None
    if count_problem:
        problems.append(count_problem)

    keep = summary.keep_in_mind
    if keep.strip() and not _ANY_LIMITATION.search(keep):
        problems.append("'keep in mind' names no limitation of the study")
        offending.append(keep)
    if is_small(facts) and not _SMALL.search(data.full_text):
        who = f"{total} people" if total is not None else "a small sample"
        problems.append(f"'small' is not named although only {who} took part")

    reason = design_reason(facts)
    if reason and headline and not hedges(headline):
        problems.append(f"the headline must hedge ('may', 'was linked to') because {reason}")
        offending.append(headline)

    for flag in facts.limitations.present():
        if flag == "small_sample" or flag not in _FLAG_WORDS:
            continue
        label, pattern = _FLAG_WORDS[flag]
        if keep.strip() and not pattern.search(keep):
            warnings.append(f"'keep in mind' does not mention: {label}")
    if warnings and keep.strip():
        offending.append(keep)

    parts = "all sections present"
    if total is not None:
        parts += f"; participant count ({total:,}) stated"
    return make_result(NAME, problems, warnings, offending, parts)
