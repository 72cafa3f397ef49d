"""Derive the six limitation flags from the extracted facts.

The flags feed the "keep in mind" section and the evidence label, so they follow the
labelling rules readers rely on: `small_sample` under 100 people (None when the count is
unknown); `no_control` the opposite of `has_control_group`; `observational` for cohort,
case-control, cross-sectional, case reports and qualitative work (False for trials and lab
work, None for reviews); `short_follow_up` when the stated duration is under six months
(None when none is stated); `single_site` only when the text names one centre (False when it
names several or a nationwide source); `animal_or_lab` for animal and laboratory studies.
"""

from __future__ import annotations

import re

from msdigest.facts.document import Document
from msdigest.facts.model import Duration, Limitations, SampleSize

__all__ = ["SHORT_FOLLOW_UP_DAYS", "SMALL_SAMPLE", "derive_limitations", "single_site"]

SMALL_SAMPLE = 100
#: Six months, allowing for "26 weeks" and "180 days" to count as six months.
SHORT_FOLLOW_UP_DAYS = 180.0

_OBSERVATIONAL = frozenset(
    {"cohort", "case_control", "cross_sectional", "case_report_or_series", "qualitative"}
)
_NOT_OBSERVATIONAL = frozenset(
    {
        "randomized_controlled_trial",
        "non_randomized_trial",
        "single_arm_trial",
        "feasibility_or_pilot",
        "animal_or_lab",
    }
)
# Patterns are written in lower case and matched against lower-cased text (see
# `document.lowered`): case-blind matching is several times slower.
_FLAGS = 0
# A registry named for a country ("the Swedish MS registry") covers the nation.
_NATION = (
    r"(?:swedish|danish|norwegian|finnish|icelandic|dutch|german|french|italian|spanish|"
    r"portuguese|british|english|scottish|welsh|irish|belgian|swiss|austrian|czech|polish|"
    r"hungarian|greek|turkish|israeli|iranian|lebanese|saudi|kuwaiti|egyptian|tunisian|"
    r"moroccan|south african|indian|pakistani|chinese|japanese|korean|taiwanese|australian|"
    r"canadian|american|mexican|brazilian|argentinian|argentine|chilean|colombian|serbian|"
    r"croatian|slovenian|slovak|romanian|bulgarian|estonian|latvian|lithuanian|russian)"
)
_MANY_SITES = re.compile(
    r"\bmulti-?cent(?:re|er|ric)\w*|\bmulti-?(?:site|national|institutional)\b|\bnation-?wide\b|"
    r"\bnational (?:[\w-]+ ){0,2}(?:registr\w+|registers?|database|cohort|survey|sample|"
    r"societ(?:y|ies)|associations?|study)\b|"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)[- ](?:[\w-]+ ){0,3}?"
    r"(?:cent(?:re|er)s|sites|hospitals|clinics|institutions|countries|regions|cities|towns|"
    r"societies|associations|organi[sz]ations|"
    r"states|provinces|services|units|practices)\b|\binternational "
    r"(?:multi\w+|study|trial|cohort|registry|collaboration|consortium|survey)\b|"
    r"\b(?:academic and community|community and academic|neurology|specialist) practices\b|"
    r"\bacross (?:\w+ ){0,2}(?:cent(?:re|er)s|sites|countries)\b|"
    r"\b(?:global|worldwide) (?:\w+ )?(?:database|registry|cohort|study|survey|network|data)\b|"
    r"\bregistries\b|\bpopulation-based (?:[\w-]+ ){0,3}?(?:registry|register|database|cohort)\b|"
    rf"\b{_NATION} (?:[\w-]+ ){{0,3}}?(?:registry|register|quality registry|claims database)\b|"
    r"\b(?:commercial|insurance|administrative|medicare|medicaid) (?:\w+ )?(?:claims|database|"
    r"data)\b|\bclaims (?:database|data)\b"
)
_ONE_SITE = re.compile(
    r"\bsingle[- ](?:cent(?:re|er)|site|institution|hospital|clinic)\w*|"
    r"\bmono-?cent(?:re|er|ric)\b|"
    r"\b(?:one|a single|single) (?:(?!of\b)[\w-]+ ){0,3}?(?:cent(?:re|er)|site|institution|"
    r"hospital|clinic|service|unit|department|practice)\b(?!s)|"
    r"\b(?:at|in|from|attending|of|to) (?:our|the|a|an) (?:[a-z][\w'-]*\s+|tertiary\s+|"
    r"university\s+|academic\s+|referral\s+|medical\s+|specialist\s+|outpatient\s+|care\s+){0,6}"
    r"(?:hospital|cent(?:re|er)|clinic|institute|institution|department|unit)\b"
    r"(?! or\b)(?!s\b)"
)
_SITE_VERB = re.compile(
    r"\b(?:conducted|performed|carried out|recruited|reported|treated|seen|enrolled|done|"
    r"took place|was undertaken|were included|attending|admitted|followed|referred)\b"
)


_FUTURE = re.compile(
    r"\b(?:needed|warranted|justified|future|should|larger (?:\w+ )?(?:studies|trials|samples|"
    r"cohorts|multicent\w*)|further|planned|required)\b"
)


# A site the authors call their own ("at our clinic") or name with capitals ("the MS Clinic
# in Ferrara", "the Reference Center for Rare Diseases") is one named centre.
_OUR_SITE = re.compile(
    r"\b(?:at|in|from|of|to|attending) our (?:[\w-]+ ){0,3}?(?:hospital|"
    r"cent(?:re|er)|clinic|institute|institution|department|unit)\b(?!s)"
)
# "seen at Lakeside University Hospital": a centre named without an article.
_NAMED_CENTRE = re.compile(
    r"\b(?:at|in|from|of|to)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+){1,6}(?:Hospital|Cent(?:re|er)|"
    r"Clinic|Institute|Infirmary))\b(?!s)"
)
_CENTRE_NOUN = re.compile(r"(?:Hospital|Cent(?:re|er)|Clinic|Institute|Institution|Unit)\b")


def single_site(doc: Document) -> bool | None:
    """Return True when one centre is named, False for several or nationwide, else None."""
    sentences = [
        s
        for s in (doc.title, *doc.sentences)
        if s.category != "BACKGROUND" and not _FUTURE.search(s.lower)
    ]
    if any(_MANY_SITES.search(s.lower) for s in sentences):
        return False
    for sentence in sentences:
        match = _ONE_SITE.search(sentence.lower)
        if not match:
            continue
        explicit = re.match(r"(?:single|mono|one|a single)", match.group(0), _FLAGS)
        named = not sentence.in_title and _CENTRE_NOUN.search(
            sentence.text, match.start(), match.end()
        )
        if explicit or named or _SITE_VERB.search(sentence.lower):
            return True
    if any(_OUR_SITE.search(s.lower) for s in sentences):
        return True
    centres = {
        m.group(1) for s in sentences if not s.in_title for m in _NAMED_CENTRE.finditer(s.text)
    }
    if len(centres) == 1:
        return True
    return None


def derive_limitations(
    design: str,
    size: SampleSize,
    has_control: bool | None,
    duration: Duration | None,
    one_site: bool | None,
    observational_other: bool = False,
) -> Limitations:
    """Return the six flags for a study with these facts.

    `observational_other` marks an "other" design that is still observational (a genetic
    association or Mendelian randomisation study).
    """
    reviews = design in {"systematic_review", "meta_analysis"}
    observational: bool | None
    if design in _OBSERVATIONAL:
        observational = True
    elif design in _NOT_OBSERVATIONAL:
        observational = False
    else:
        observational = True if observational_other else None
    return Limitations(
        small_sample=None if size.total is None else size.total < SMALL_SAMPLE,
        no_control=None if has_control is None else not has_control,
        observational=observational,
        short_follow_up=None if duration is None else duration.days < SHORT_FOLLOW_UP_DAYS,
        single_site=None if reviews else one_site,
        animal_or_lab=design == "animal_or_lab",
    )
