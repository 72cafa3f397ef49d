"""Read the noun phrase after a number: who or what was counted.

"72 eligible participants" counts people, "45 healthy controls" controls, "30 RRMS" people
with a disease, "12 trials" studies, "20 mice" animals; "40 MRI scans", "96 samples" or
"the two diseases" count things, which are never participants. The head noun is the last
noun of the phrase ("adult patients", "female MS patients"), so a noun used as a modifier
("MS centres", "150 individual samples") does not decide the count.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["WORD", "Kind", "noun_class", "scan_noun"]

Kind = Literal["people", "controls", "disease", "implied", "studies", "animals"]

_PEOPLE = frozenset(
    "patients patient participants participant subjects subject individuals individual people "  # noqa: SIM905
    "persons person adults adult children child adolescents adolescent youths youth teenagers "
    "women woman men man females female males male girls boys mothers fathers parents infants "
    "neonates newborns offspring volunteers volunteer respondents respondent veterans "
    "students employees workers nurses physicians doctors neurologists clinicians therapists "
    "professionals experts caregivers carers partners spouses relatives siblings twins users "
    "members residents inpatients outpatients cases case survivors donors recipients athletes "
    "families dyads couples pairs interviewees informants pwms msers teachers instructors "
    "pharmacists psychologists dietitians physiotherapists researchers stakeholders staff "
    "smokers drivers pupils".split()
)
_CONTROLS = frozenset({"controls", "hc", "hcs", "hv", "hvs", "control"})
_DISEASE = frozenset(
    "ms rrms rms spms ppms pms pwpms pwspms pwrms cis ris nmosd nmo mogad mog-ad adem "  # noqa: SIM905
    "sclerosis neuromyelitis nmosds disorders disorder diseases".split()
)
# "two diseases", "both disorders": counts of conditions, not of people.
_GENERIC_DISEASE = frozenset({"diseases", "disorders", "disease", "disorder"})
_STUDIES = frozenset(
    "studies study trials trial rcts rct articles papers publications reports".split()  # noqa: SIM905
)
_ANIMALS = frozenset(
    "mice mouse rats rat animals animal monkeys marmosets primates dogs pigs zebrafish".split()  # noqa: SIM905
)
# Nouns that make a number a count of something other than people.
_THINGS = frozenset(
    "measurements measurement scans scan mris mri images visits visit sessions session "  # noqa: SIM905
    "samples sample specimens lesions lesion items item questions sites site centres centers "
    "centre center hospitals countries regions variables genes snps cells voxels points "
    "scores score relapses attacks events infusions doses injections cycles citations records "
    "abstracts eyes eye nerves brains hemispheres tests assessments questionnaires surveys "
    "interviews groups arms weeks days months years hours minutes times levels copies units "
    "edss steps categories domains themes sequences slices tracts cohorts datasets databases "
    "registries clinics clinic practices practice teams services service units unit "
    "departments regions cities towns halls subtypes types forms pregnancies births "
    "deliveries".split()
)
# Words between the number and its noun: adjectives and modifiers, never a verb or a unit.
# Singular person nouns that, after a number above one, can only be modifiers.
_SINGULAR = frozenset(
    "individual patient participant subject person adult child adolescent woman man female "  # noqa: SIM905
    "male volunteer respondent control donor user member".split()
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+'’\-/]*|\d+(?:\.\d+)?|\(|\)|\S")
_STOP = frozenset(
    "of were was had have has in at from to for on by per than who that which whose did are "  # noqa: SIM905
    "is be been being received underwent the a an their his her its these those this all each "
    "every both either respectively versus vs vs. or will would could may showed exhibited "
    "developed reached experienced presented reported achieved demonstrated displayed met "
    "remained became died required needed used took gave answered recovered improved worsened "
    "converted relapsed progressed fulfilled started switched stopped continued scored "
    "performed completed responded compared followed used sequenced found assessed measured "
    "attended started restarted met underwent took described rated reviewed".split()
)

WORD = re.compile(r"[A-Za-z][\w-]*")


def noun_class(word: str) -> Kind | Literal["thing"] | None:
    lower = word.lower().strip("'’")
    if lower in _CONTROLS:
        return "controls"
    if lower in _PEOPLE or (lower.startswith("pw") and lower.endswith("ms")):
        return "people"
    if lower in _DISEASE or lower.startswith("aqp4") or lower.startswith("mog"):
        return "disease"
    if lower in _STUDIES:
        return "studies"
    if lower in _ANIMALS:
        return "animals"
    if lower in _THINGS:
        return "thing"
    return None


def scan_noun(
    tail: str, plural: bool = True
) -> tuple[Kind | Literal["thing"] | None, int, str, list[str]]:
    """Read the noun phrase after a number: its class, end offset, label and modifiers.

    After a number above one, a singular person noun before another word is a modifier:
    "150 individual plasma samples", "40 control brains", "12 adult mice".
    """
    modifiers: list[str] = []
    for count, token in enumerate(_TOKEN.finditer(tail)):
        word = token.group(0)
        if count >= 10 or word in "();,:[]-–—" or word.lower() in _STOP:
            return None, 0, "", modifiers
        if word[0].isdigit():
            # "aquaporin 4 antibody": a number inside a name, not after a unit.
            if not modifiers or "." in word:
                return None, 0, "", modifiers
            continue
        kind = noun_class(word)
        if kind == "people" and word.lower() in {"case", "cases"} and modifiers:
            kind = "people"
        if kind in {"people", "controls", "disease"}:
            # "adult patients", "female MS patients": the head noun is the last one;
            # "MS centres", "MS subtypes": a disease name before another word is a modifier.
            rest = tail[token.end() :]
            following = _TOKEN.match(rest.lstrip())
            nxt = following.group(0) if following else ""
            if noun_class(nxt) in {"people", "controls", "disease"} or (
                (kind == "disease" or (plural and word.lower() in _SINGULAR))
                and WORD.fullmatch(nxt) is not None
                and nxt.lower() not in _STOP
                and nxt.lower() not in {"and", "or", "with", "who", "patients"}
            ):
                modifiers.append(word)
                continue
        if kind is not None:
            lowered = [m.lower() for m in modifiers]
            if kind == "people" and any(m in {"healthy", "normal", "control"} for m in lowered):
                kind = "controls"
            if kind == "disease" and word.lower() == "sclerosis" and lowered[-1:] != ["multiple"]:
                kind = None
            if kind == "disease" and not modifiers and word.lower() in _GENERIC_DISEASE:
                return "thing", token.end(), word, modifiers  # "the two diseases"
            if kind is not None:
                label = " ".join([*modifiers, word])
                return kind, token.end(), label, modifiers
        if word.lower() == "and" and not (modifiers and modifiers[-1].endswith("-")):
            return None, 0, "", modifiers
        modifiers.append(word)
    return None, 0, "", modifiers
