"""Say what a count of people means for the study, from the words around it.

A count's role is read from its clause: the first role word after the noun ("96 were
randomised", "496 (65%) responded"), a role word inside the noun phrase ("72 eligible
participants"), or the last one before it ("We enrolled 45 ..."). Roles: randomised,
allocated, enrolled, answered a survey, analysed, completed, merely eligible or screened
(pool), dropped out, a part of a larger group (subgroup), a matching ratio, or people
counted elsewhere (literature: "nine cases have been reported in the literature", "more than
800 cases worldwide"), who are not this study's participants.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Literal, cast

__all__ = ["SUBGROUP_BEFORE", "Role", "role_of"]

Role = Literal[
    "randomised", "allocated", "enrolled", "respondents", "base", "analysed", "completed",
    "pool", "dropout", "subgroup", "ratio", "literature", "none",
]  # fmt: skip

_ROLE_PATTERNS: tuple[tuple[Role, re.Pattern[str]], ...] = tuple(
    (cast(Role, role), re.compile(pattern))
    for role, pattern in (
        ("dropout", r"\b(?:withdr[ae]w|withdrawn|dropped out|drop-?outs?|lost to follow|"
                    r"were excluded|was excluded|excluded|discontinu\w*|did not (?:complete|"
                    r"finish|respond|participate)|declined|refused|died|deceased)\b"),
        ("randomised", r"(?<!mendelian )\brandomi[sz]\w*|"
                       r"\brandomly (?:assigned|allocated|divided)"),
        ("allocated", r"\b(?:assigned|allocated|divided into)\b"),
        ("respondents", r"\binterviews? (?:were |was )?(?:conducted |held |performed |"
                        r"carried out |done )?with\b|\b(?:responded|respondents?|answered|"
                        r"returned (?:the|a|completed)|"
                        r"completed (?:a|an|the) (?:\w+ ){0,2}(?:survey|questionnaire)|"
                        r"completed (?:the )?(?:survey|questionnaire)|filled (?:in|out)|"
                        r"(?:survey|questionnaire)s? (?:was|were) (?:\w+ )?(?:completed|"
                        r"answered|returned|filled (?:in|out)) by)\b"),
        # taking part is being enrolled, in a survey or not
        ("enrolled", r"\b(?:agreed to participate|consented|participated|took part|joined)\b"),
        ("completed", r"\b(?:completed (?:the |all |both |their )?(?:\w+[- ]\w+ |\w+ )?(?:study|"
                      r"trial|follow-up|treatment|intervention|programme|program|protocol|"
                      r"assessments?|visits?|sessions|periods|arms|phases?|course)\b|"
                      r"completed (?:at least|more than|all|both|\d)|"
                      r"completed\s*[;,.)]|completed$|completers?|finished|reached the end|"
                      r"remained in)"),
        ("respondents", r"\bcompleted (?:a|an|the|two|three|four|all|both)?\s*(?:[\w-]+ ){0,5}?"
                        r"(?:questionnaires?|surveys?|index|scales?|inventor(?:y|ies)|tests?|"
                        r"battery|measures|interviews?|diar(?:y|ies)|forms?|instruments?)\b"),
        ("analysed", r"\b(?:analy[sz]ed|analy[sz]able|(?:interim|final) analysis|evaluable|"
                     r"available for analysis|were available|"
                     r"included in the (?:final )?analys[ie]s|per[- ]protocol)\b"),
        ("pool", r"\b(?:eligible|screened|invited|approached|contacted|potentially eligible|"
                 r"assessed for eligibility|identified as|(?:sent|distributed|mailed|"
                 r"e-?mailed|posted|offered) (?:\w+ ){0,8}?to)\b"),
        ("enrolled", r"\b(?:enrol\w*|included|including|inclusion|recruit\w*|entered|joined|"
                     r"studied|evaluated|assessed|examined|investigated|surveyed|measured|"
                     r"interviewed|followed|treated|tested|imaged|scanned|genotyped|"
                     r"identified|registered|comprised|comprising|consisted|consisting|"
                     r"involv\w*|underwent|received|were given|was given|contributed|"
                     r"report|reported|describe|described|present|presented|observed|"
                     r"collected (?:from|in)|obtained from|cohort of|sample of|sample "
                     r"consisted|data (?:from|of|on)|records of|population of|sample "
                     r"comprised|were seen|were selected|selected)\b"),
    )
)  # fmt: skip

# People counted by other studies: "have been reported in the literature", "are reported in
# literature", "nine published cases", "previously described", "reported so far", "worldwide".
_LITERATURE = re.compile(
    r"\b(?:(?:have|has|had) been (?:\w+ )?(?:reported|described|published|documented)|"
    r"(?:reported|described|published|documented) (?:\w+ )?(?:in (?:the )?(?:\w+ )?literature|"
    r"so far|to date|thus far|until now|up to now|previously|elsewhere)|in (?:the )?"
    r"(?:published |medical |scientific |\w+ )?literature|(?:reported|described|published|"
    r"documented|cases|affects?|live|living) (?:\w+ ){0,3}?(?:worldwide|globally)|(?:previous|"
    r"prior|earlier|other) (?:case )?(?:reports|publications|series|authors)|(?:review|search|"
    r"overview) of (?:the )?(?:\w+ )?literature|literature (?:review|search)|(?:pubmed|medline|"
    r"embase) search|search(?:es)? (?:of|in) (?:pubmed|medline|embase)|previously "
    r"(?:reported|described|published|documented)|published (?:case reports|cases|patients|"
    r"reports|series))\b"
)
# Said anywhere in a sentence that does not speak of this study, these mark other studies'
# people ("Since 2006, more than 800 cases have been reported"), and so does a sentence that
# opens on the literature or the world ("In the literature to date, 14 patients ...",
# "Worldwide, 38 cases ..."); "in the literature" elsewhere only counts inside the count's own
# clause ("as in the literature, 60 of 120 patients ...").
_LITERATURE_SENTENCE = re.compile(
    r"\b(?:(?:have|has|had) been (?:\w+ )?(?:reported|described|published|documented)|"
    r"(?:reported|described|published) (?:\w+ )?(?:so far|to date|thus far|until now)|(?:cases|"
    r"affects?|live|living) (?:\w+ ){0,3}?(?:worldwide|globally))\b|"
    r"^(?:[\w-]+,? ){0,3}?(?:in (?:the )?(?:[\w-]+ )?literature|worldwide|globally)\b"
)
_LITERATURE_WORDS = ("literature", "worldwide", "globally", "been ", "previous", "so far",
                     "prior ", "earlier ", "other ",
                     "to date", "elsewhere", "published", "thus far", "until now",
                     "up to now", "pubmed", "medline", "embase")  # fmt: skip
# "nine published cases", "24 previously reported patients": counted by others.
_LITERATURE_MODIFIER = re.compile(r"\b(?:published|previously (?:reported|described|published))\b")
# The study's own voice: a sentence that says "we" or "this study" is about this study.
_OWN = re.compile(r"\b(?:we|our|this (?:study|report|case|series)|the present|here)\b")
# A verb right after the noun whose subject is the counted people: an outcome of a part
# ("Four participants reported a relapse", "12 developed antibodies").
_OUTCOME_AFTER = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?(?:\w+ly\s+)?(?:reported|developed|experienced|required|needed|"
    r"relapsed|converted|progressed|achieved|showed|improved|worsened|tested "
    r"positive|switched|discontinued)\b"
)
_POOL_BEFORE = re.compile(
    r"\b(?:sent|distributed|mailed|e-?mailed|posted|offered|invited|approached|contacted)"
    r"\s+(?:\w+\s+){0,2}?(?:to\s+)?$"
)
_PERCENT_AFTER = re.compile(r"^\s*(?:\(|\[)\s*\d+(?:\.\d+)?\s*%")
_BASE_BEFORE = re.compile(
    r"(?:^|[;:]\s*)(?:of|among|amongst|from|out of|in) (?:the |all |a total of |these |"
    r"those )?$|\b(?:from|in|within|of) (?:our|the|a|an) (?:[\w-]+ ){0,2}?(?:cohort|population|"
    r"registry|register|database|sample) of\s*$"
)
SUBGROUP_BEFORE = re.compile(
    r"(?:\bof whom|\bof these|\bof them|\bof which|\bamong them|\bamong these|"
    r"\bsub-?(?:sample|set|group|cohort)s? of (?:the )?(?:\w+ ){0,4}|"
    r"\bthereof|\bnamely|\bi\.e\.,?|\bwhereas|\b(?:the )?remaining)\s*$"
)
_RATIO = re.compile(r"(?:\bmatched (?:with|to)\s*(?:up to\s*)?$|\bratio of\s*$|:\s*$)")
_CLAUSE_MARK = re.compile(r"[(\[)\]]|[,;](?= )")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_RATIO_AFTER = re.compile(r"^\s*(?:\w+\s+){0,4}?(?:per|for each|for every|each) case\b")


@lru_cache(maxsize=256)
def _clause_cuts(text: str) -> tuple[int, ...]:
    """Return where clauses start: after "; " or ", " outside parentheses."""
    depth = 0
    cuts = [0]
    for match in _CLAUSE_MARK.finditer(text):
        char = match.group(0)[0]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            cuts.append(match.start() + 1)
    cuts.append(len(text))
    return tuple(cuts)


def _clause_bounds(text: str, position: int) -> tuple[int, int]:
    """Return the clause around `position`: between "; " / ", " outside parentheses."""
    cuts = _clause_cuts(text)
    index = bisect_right(cuts, position)
    start = cuts[index - 1] if index > 0 else 0
    end = cuts[index] if index < len(cuts) else len(text)
    return start, end


def _without_parentheses(text: str) -> str:
    """Return `text` with bracketed asides removed, nested ones too."""
    for _ in range(3):
        stripped = _PARENTHESES.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    return text


def _first_role(text: str) -> Role | None:
    """Return the role whose keyword comes first in `text` (ties go to the earlier rule)."""
    best: tuple[int, int, Role] | None = None
    for order, (role, pattern) in enumerate(_ROLE_PATTERNS):
        match = pattern.search(text)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, role)
    return best[2] if best else None


def _last_role(text: str) -> Role | None:
    """Return the role whose keyword comes last in `text` ("We enrolled 45 ...")."""
    best: tuple[int, int, Role] | None = None
    for order, (role, pattern) in enumerate(_ROLE_PATTERNS):
        for match in pattern.finditer(text):
            if best is None or (match.start(), -order) > best[:2]:
                best = (match.start(), -order, role)
    return best[2] if best else None


@lru_cache(maxsize=64)
def _about_literature(text: str) -> bool:
    """Return True when the sentence speaks of people counted by other studies."""
    return any(word in text for word in _LITERATURE_WORDS) and bool(_LITERATURE.search(text))


_PARTICIPATION = frozenset(
    {"respondents", "completed", "randomised", "allocated", "enrolled", "analysed", "dropout"}
)


def role_of(text: str, number_end: int, start: int, noun_end: int, modifiers: list[str]) -> Role:
    """Say what a count means from the words around it in its clause."""
    clause_start, clause_end = _clause_bounds(text, start)
    before = text[clause_start:start]
    after = text[noun_end:clause_end]
    if _about_literature(text) and (
        _LITERATURE.search(text, clause_start, clause_end)
        or (not _OWN.search(text) and _LITERATURE_SENTENCE.search(text))
    ):
        return "literature"
    if SUBGROUP_BEFORE.search(before):
        return "subgroup"
    if _RATIO.search(before) or _RATIO_AFTER.match(after):
        return "ratio"
    if _OUTCOME_AFTER.match(after):
        return "subgroup"
    if _POOL_BEFORE.search(before):
        return "pool"  # "sent to 1,500 randomly selected members": invited, not taking part
    after_role = _first_role(" ".join(_without_parentheses(after).split()[:10]))
    percent = _PERCENT_AFTER.match(text[number_end:]) or _PERCENT_AFTER.match(after)
    if percent and after_role not in _PARTICIPATION:
        # "31 (79.5%) were female" is a part; "496 (65%) responded" still counts.
        return "subgroup"
    if after_role is not None:
        return after_role
    if modifiers and _LITERATURE_MODIFIER.search(" ".join(modifiers)):
        return "literature"
    modifier_role = _first_role(" ".join(modifiers))
    if modifier_role is not None:
        return modifier_role
    if _BASE_BEFORE.search(before):
        return "base"
    return _last_role(before) or "none"
