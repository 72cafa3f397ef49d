"""Say the facts of a study in plain words: its design, who took part, how many, how long.

These phrases are the backbone of every summary: each is built from one extracted fact,
checked against the source (a count is only written if the abstract states that number),
and kept short and plain, so a sentence built from them reads at a low grade level and
can point to exactly the fact it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.summary import Provenance
from msdigest.writers.grounded.context import Draft, per_draft

__all__ = [
    "DESIGN_NOUNS",
    "DIET_WORDS",
    "POOR_PHRASE",
    "STARTS_BADLY",
    "TOPIC_SUBJECTS",
    "Phrase",
    "about_ms",
    "animal_word",
    "condition",
    "design_noun",
    "duration_phrase",
    "ms_type",
    "topic_subject",
    "who_phrase",
]

#: A plain noun for each study design, with its article.
DESIGN_NOUNS = {
    "randomized_controlled_trial": "a randomised trial",
    "non_randomized_trial": "a non-randomised trial",
    "single_arm_trial": "a single-group trial",
    "feasibility_or_pilot": "a pilot study",
    "cohort": "a cohort study",
    "case_control": "a case-control study",
    "cross_sectional": "a snapshot study",
    "case_report_or_series": "a case report",
    "systematic_review": "a review of earlier studies",
    "meta_analysis": "a review that combined earlier studies",
    "animal_or_lab": "a lab study",
    "qualitative": "an interview study",
    "other": "a study",
}
_SHORT_NOUNS = {
    "randomized_controlled_trial": "randomised trial",
    "non_randomized_trial": "trial",
    "single_arm_trial": "trial",
    "feasibility_or_pilot": "pilot study",
    "cohort": "study",
    "case_control": "study",
    "cross_sectional": "study",
    "case_report_or_series": "case report",
    "systematic_review": "review",
    "meta_analysis": "review",
    "animal_or_lab": "lab study",
    "qualitative": "interview study",
    "other": "study",
}

# Word forms match in any case; short forms only in capitals.
_MS_TYPES = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (r"(?i:relapsing[- ]remitting)|\bRRMS\b", "relapsing-remitting MS"),
        (r"(?i:secondary[- ]progressive)|\bSPMS\b", "secondary progressive MS"),
        (r"(?i:primary[- ]progressive)|\bPPMS\b", "primary progressive MS"),
        (r"(?i:\bprogressive (?:multiple sclerosis|MS)\b)|\bpMS\b", "progressive MS"),
        (r"(?i:\brelapsing (?:multiple sclerosis|MS|forms)\b)|\bRMS\b", "relapsing MS"),
        (r"(?i:neuromyelitis optica)|\bNMOSD\b|\bNMO\b", "NMOSD"),
        (
            r"\bMOGAD\b|\bMOG[- ]?(?:antibod|IgG)|anti-MOG|"
            r"(?i:myelin oligodendrocyte glycoprotein antibod)",
            "MOGAD",
        ),
        (r"(?i:clinically isolated syndrome)|\bCIS\b", "clinically isolated syndrome"),
        (r"(?i:radiologically isolated syndrome)|\bRIS\b", "radiologically isolated syndrome"),
        (r"(?i:paediatric|pediatric|childhood|\bchildren\b|adolescents)", "paediatric MS"),
    )
)
#: What a study on each topic is about, as a noun phrase that fits "evidence about ...".
TOPIC_SUBJECTS = {
    "treatments": "MS treatments",
    "exercise_and_rehabilitation": "exercise and rehabilitation",
    "symptoms": "MS symptoms",
    "cognition": "thinking and memory",
    "imaging": "what brain scans show",
    "immune_system_and_causes": "the immune system",
    "diagnosis_and_monitoring": "how MS is diagnosed and tracked",
    "lifestyle_and_diet": "lifestyle and diet",
    "pregnancy_and_family": "pregnancy and family life",
    "progressive_ms": "progressive MS",
    "paediatric_ms": "MS in children and teenagers",
    "related_conditions": "conditions related to MS",
}
_ABOUT_MS = re.compile(
    r"(?i:multiple sclerosis|neuromyelitis|demyelinat|clinically isolated syndrome|"
    r"radiologically isolated syndrome|myelin oligodendrocyte)|\b(?:MS|NMOSD|MOGAD|MOG|RRMS|"
    r"SPMS|PPMS|pwMS|PwMS|CIS)\b"
)
# Every kind in one pass: the names of the groups that matched tell which kinds are named.
_ANY_MS_TYPE = re.compile(
    "|".join(f"(?P<t{number}>{pattern.pattern})" for number, (pattern, _) in enumerate(_MS_TYPES))
)
_PAEDIATRIC = f"t{len(_MS_TYPES) - 1}"
_BOTH_PROGRESSIVE = re.compile(
    r"(?i:primary (?:or|and|and/or) secondary progressive|secondary (?:or|and|and/or) primary "
    r"progressive)|\b(?:PPMS|SPMS) (?:or|and) (?:SPMS|PPMS)\b"
)
# A cheap first test: every kind above contains one of these letters runs.
_MAYBE_MS_TYPE = re.compile(
    r"(?i:relaps|progress|neuromyelitis|isolated syndrome|myelin oligo|paediatric|pediatric|"
    r"childhood|children|adolescent)|NMO|MOG|CIS|RIS|RRMS|SPMS|PPMS|pMS|RMS"
)
# A population phrase is used as written only when it reads as "who": "women with
# relapsing-remitting MS", "adults aged 65 or over with MS".
_GOOD_POPULATION = re.compile(
    r"^(?:(?:older|younger|young|adult|female|male|pregnant)\s+)?"
    r"(?:people|adults|women|men|children|teenagers|adolescents|mothers|veterans)\b"
    r"(?:\s+aged\s+[\w -]+?)?\s+(?:with|who|living with|newly diagnosed with)\b"
)
POOR_PHRASE = re.compile(
    r"\b(?:time of|inclusion|receiving|revealed|showed|and in those|respectively|"
    r"compared|versus|than|were|was|had been)\b",
    re.IGNORECASE,
)
# A phrase that starts like this is a piece of a sentence, not a name for something.
STARTS_BADLY = re.compile(
    r"^(?:between|of|in|with|for|to|on|at|from|and|or|but|while|not|no|than|as|by|view|"
    r"receive|received|using|use)\b",
    re.IGNORECASE,
)
_ANIMALS = re.compile(
    r"\b(mice|mouse|rats?|zebrafish|marmosets?|monkeys?|primates?|pigs?|dogs?|rabbits?)\b",
    re.IGNORECASE,
)
_CELLS = re.compile(r"\b(?:cell cultures?|in vitro|cultured|organoids?|cell lines?)\b", re.I)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A plain phrase and the fact it rests on."""

    text: str
    source: Provenance


#: Words that show a lifestyle study is about food or habits of the body, not the mind.
DIET_WORDS = re.compile(
    r"\b(?:diet\w*|meals?|food\w*|eat\w*|nutri\w+|salt|sodium|coffee|caffeine|alcohol|"
    r"fasting|supplement\w*|probiotic\w*|vitamin|obes\w+|weight|bmi|body mass|smok\w+|"
    r"calori\w+)\b",
    re.IGNORECASE,
)


@per_draft
def topic_subject(draft: Draft) -> Phrase | None:
    """Return what the study's first topic is about ("MS treatments"; "treatments" off MS)."""
    topics = draft.facts.topics
    if not topics or topics[0] not in TOPIC_SUBJECTS:
        return None
    text = TOPIC_SUBJECTS[topics[0]]
    if topics[0] == "lifestyle_and_diet" and not DIET_WORDS.search(draft.source_text):
        text = "daily life"  # stress, work or mindfulness: nothing about what people eat
    if not about_ms(draft):
        text = re.sub(r"\bMS\s+", "", text).replace("conditions related to MS", "the condition")
    return Phrase(text, draft.fact("topics", topics[0]))


@per_draft
def design_noun(draft: Draft, short: bool = False) -> str:
    """Return the design as a plain noun phrase ("a pilot study", or "pilot study")."""
    design = draft.facts.study_design
    total = draft.facts.sample_size.total
    if design == "case_report_or_series" and total is not None and total > 1:
        # "a case report with 7 people" reads wrong: several patients make a case series.
        return "case series" if short else "a case series"
    if short:
        return _SHORT_NOUNS.get(design, "study")
    return DESIGN_NOUNS.get(design, "a study")


@per_draft
def ms_type(draft: Draft) -> str | None:
    """Return the kind of MS (or related condition) the study is about, if it says.

    The population fact is read first, then the title, then the abstract; the first kind
    named wins, so "relapsing-remitting MS" beats a passing mention of progressive MS.
    """
    population = draft.facts.population.text if draft.facts.population else ""
    for text in (population, draft.paper.title, draft.abstract):
        if not _MAYBE_MS_TYPE.search(text):
            continue
        named = [match.lastgroup for match in _ANY_MS_TYPE.finditer(text)]
        present = set(named)
        if text is draft.abstract:
            if len(present - {_PAEDIATRIC}) > 1:
                return None  # the abstract names several kinds: too unclear to say which
            if named and named.count(named[0]) < 2:
                return None  # named once in passing is not who took part
        if {"t1", "t2"} <= present or _BOTH_PROGRESSIVE.search(text):
            return "progressive MS"  # "primary or secondary progressive MS"
        if "t7" in present and present & {"t0", "t4"}:
            return None  # "clinically isolated syndrome or relapsing-remitting MS": both
        for number, (_pattern, name) in enumerate(_MS_TYPES):
            if f"t{number}" in present:
                return name
    return None


@per_draft
def about_ms(draft: Draft) -> bool:
    """Return True when the paper is about MS or a related condition (NMOSD, MOGAD, CIS).

    The writer never says "people with MS" about a study of something else.
    """
    return _ABOUT_MS.search(f"{draft.paper.title}\n{draft.abstract}") is not None


@per_draft
def condition(draft: Draft) -> str:
    """Return the condition as a reader would name it: the kind of MS, "MS", or a neutral phrase."""
    kind = ms_type(draft)
    if kind and kind != "paediatric MS":
        return kind
    return "MS" if about_ms(draft) else "the condition studied"


@per_draft
def animal_word(draft: Draft) -> str | None:
    """Return "mice", "rats", "cells in the lab" for lab work, else None."""
    if draft.strength.level != "lab":
        return None
    text = f"{draft.paper.title}\n{draft.abstract}"
    animal = _ANIMALS.search(text)
    if animal:
        word = animal.group(1).lower()
        plural = {"mouse": "mice", "mice": "mice", "zebrafish": "zebrafish"}
        return plural.get(word, word if word.endswith("s") else word + "s")
    if _CELLS.search(text):
        return "cells in the lab"
    return None


@per_draft
def who_phrase(draft: Draft) -> Phrase:
    """Return who took part in plain words ("women with relapsing-remitting MS")."""
    population = draft.facts.population
    animals = animal_word(draft)
    if animals:
        return Phrase(animals, draft.fact("study_design", draft.facts.study_design))
    if population is not None:
        plain = draft.plain_phrase(population.text, max_words=10)
        names_condition = not about_ms(draft) or _ABOUT_MS.search(plain or "") is not None
        if (
            plain
            and names_condition
            and _GOOD_POPULATION.match(plain)
            and not POOR_PHRASE.search(plain)
        ):
            return Phrase(plain, draft.fact("population", population.text, population.span))
    kind = ms_type(draft)
    noun = "people"
    if not about_ms(draft):
        source = (
            draft.fact("population", population.text, population.span)
            if population is not None
            else draft.fact("study_design", draft.facts.study_design)
        )
        return Phrase("people", source)
    if (
        population is not None
        and re.search(r"\bwomen\b", population.text, re.I)
        and not re.search(r"\bmen\b", population.text, re.I)
    ):
        noun = "women"
    if kind == "paediatric MS":
        text = "children and teenagers with MS"
    elif kind:
        text = f"{noun} with {kind}"
    else:
        text = f"{noun} with MS"
    if population is not None:
        return Phrase(text, draft.fact("population", population.text, population.span))
    return Phrase(text, draft.fact("study_design", draft.facts.study_design))


@per_draft
def duration_phrase(draft: Draft) -> Phrase | None:
    """Return how long the study ran, as the abstract says it ("24 weeks"), if known."""
    duration = draft.facts.duration
    if duration is None:
        return None
    text = duration.text.strip()
    # "12-week" and "12-month" read as "12 weeks" and "12 months" inside a sentence.
    text = re.sub(
        r"^(\S+?)-(day|week|month|year)s?$",
        lambda m: f"{m.group(1)} {m.group(2)}{'' if m.group(1) in ('1', 'one') else 's'}",
        text,
        flags=re.IGNORECASE,
    )
    if not draft.numbers_ok(text) or len(text.split()) > 5 or not re.search(r"\d|[a-z]", text):
        return None
    return Phrase(text, draft.fact("duration", duration.text, duration.span))
