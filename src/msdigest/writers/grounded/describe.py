"""Say the facts of a study in plain words: its design, who took part, how many, how long.

These phrases are the backbone of every summary: each is built from one extracted fact,
checked against the source (a count is only written if the abstract states that number),
and kept short and plain, so a sentence built from them reads at a low grade level and
can point to exactly the fact it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.facts.model import TextFact
from msdigest.summary import Provenance
from msdigest.text.numbers import format_count
from msdigest.writers.grounded.context import Draft, clean_intervention, per_draft
from msdigest.writers.grounded.simplify import has_verb

__all__ = [
    "DESIGN_NOUNS",
    "TOPIC_SUBJECTS",
    "Phrase",
    "about_ms",
    "animal_word",
    "comparison_phrase",
    "condition",
    "count_phrase",
    "design_noun",
    "duration_phrase",
    "groups_phrase",
    "intervention_phrase",
    "ms_type",
    "outcome_phrases",
    "single_case",
    "subject_reference",
    "title_subject",
    "who_phrase",
    "with_article",
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
_POOR_POPULATION = re.compile(
    r"\b(?:time of|inclusion|receiving|revealed|showed|and in those|respectively|"
    r"compared|versus|than|were|was|had been)\b",
    re.IGNORECASE,
)
_COUNTABLE = frozenset(
    {"program", "programme", "course", "class", "app", "device", "drug", "diet", "plan",
     "protocol", "tool", "session", "film", "video", "placebo", "intervention", "vaccine",
     "injection", "infusion", "tablet", "pill", "supplement", "booklet", "website", "game",
     "workshop", "service", "clinic", "test", "scan", "procedure", "operation", "trial",
     "sham", "inhibitor", "antibody", "treatment"}
)  # fmt: skip
_DETERMINER = re.compile(
    r"^(?:a|an|the|their|his|her|its|this|these|those|each|every|some|any|no|both|"
    r"usual|standard)\b",
    re.IGNORECASE,
)
# Names that are surely medicines (monoclonal antibodies, kinase inhibitors, S1P modulators).
_SURE_DRUG = re.compile(r"(?:mab|nib|imod|limus)$")
# Everyday head nouns to refer back to a tested thing: "balance classes" -> "the classes".
_HEADS = frozenset(
    {"program", "programme", "classes", "class", "course", "sessions", "exercises", "app",
     "diet", "device", "training", "therapy", "treatment", "infusions", "injections",
     "supplement", "supplements", "drug", "vaccine", "intervention"}
)  # fmt: skip
# A phrase that starts like this is a piece of a sentence, not a name for something.
_STARTS_BADLY = re.compile(
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


@per_draft
def design_noun(draft: Draft, short: bool = False) -> str:
    """Return the design as a plain noun phrase ("a pilot study", or "pilot study")."""
    design = draft.facts.study_design
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
        present = {match.lastgroup for match in _ANY_MS_TYPE.finditer(text)}
        if text is draft.abstract:
            if len(present - {_PAEDIATRIC}) > 1:
                return None  # the abstract names several kinds: too unclear to say which
            named = [m.lastgroup for m in _ANY_MS_TYPE.finditer(text)]
            if named and named.count(named[0]) < 2:
                return None  # named once in passing is not who took part
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
            and not _POOR_POPULATION.search(plain)
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
def count_phrase(draft: Draft) -> Phrase | None:
    """Return how many took part in all ("148"), only if the abstract states that number.

    A total the extractor added up from group counts is not written: the source never
    says it, and a summary must not state a number its source does not (see
    `groups_phrase` for how such studies are described).
    """
    size = draft.facts.sample_size
    if size.total is not None and size.total > 1 and draft.stated(size.total):
        return Phrase(
            format_count(size.total),
            draft.fact("sample_size", str(size.total), size.span),
        )
    return None


_SINGLE = re.compile(
    r"\b(?:a|an|one)\s+(?:\d+[- ]year[- ]old\s+|young\s+|older\s+)?(woman|man|girl|boy|"
    r"patient|person|adult|teenager|child)\b",
    re.IGNORECASE,
)


@per_draft
def single_case(draft: Draft) -> Phrase | None:
    """Return "a woman", "a man" or "a single person" for a report on one person."""
    size = draft.facts.sample_size
    if size.total != 1 and draft.facts.study_design != "case_report_or_series":
        return None
    if size.total not in (1, None):
        return None
    match = _SINGLE.search(draft.abstract)
    if match is None:
        return (
            None
            if size.total is None
            else Phrase("a single person", draft.fact("sample_size", "1", size.span))
        )
    noun = match.group(1).lower()
    noun = "person" if noun == "patient" else noun
    article = "an" if noun[0] in "aeiou" else "a"
    return Phrase(f"{article} {noun}", draft.fact("sample_size", "1", size.span))


_PER_GROUP = re.compile(
    r"\b(\d+)\s*(?:/\s*arm|per (?:arm|group)|in each (?:arm|group)|each)\b", re.IGNORECASE
)
_GROUP_LABELS = (
    (re.compile(r"healthy|volunteer|\bHCs?\b", re.I), "healthy people"),
    (
        re.compile(r"^(?:matched )?controls?$|control group|comparison", re.I),
        "people in the comparison group",
    ),
    (
        re.compile(r"intervention|treatment|exercise|training", re.I),
        "people in the treatment group",
    ),
)


def _group_label(draft: Draft, label: str) -> str | None:
    """Return a group's label as plain words ("healthy people"), or None if unclear."""
    cleaned = re.sub(r"^(?:including|and|or|with|the|a|an)\s+", "", label.strip(), flags=re.I)
    for pattern, label_words in _GROUP_LABELS:
        if pattern.search(cleaned):
            return label_words
    if cleaned.lower() == "cases" and about_ms(draft):
        return f"people with {condition(draft)}"
    plain = draft.plain_phrase(cleaned, max_words=6)
    if plain is None:
        return None
    if plain in ("people", "patients", "participants", "cases"):
        return f"people with {condition(draft)}"
    if re.match(r"(?:people|adults|women|men|children)\b", plain):
        return plain
    if (
        re.search(r"\b(?:MS|NMOSD|MOGAD|syndrome|disease|disorder)\b", plain)
        and len(plain.split()) <= 4
    ):
        return f"people with {plain}"
    return None


_SPAN_GROUP = re.compile(
    r"(?P<count>\d[\d,]*)\s+(?:(?P<healthy>healthy (?:controls|volunteers|people))|"
    r"(?:patients|people|participants|adults|women|men|children|individuals)\s+with\s+"
    r"(?P<condition>[^,;()]+?))(?=\s*(?:,|;|\band\b|$|\())",
    re.IGNORECASE,
)


def _groups_in(span: str) -> list[tuple[int, str]]:
    """Return (count, plain label) for each group a count span names ("38 patients with ...")."""
    found = []
    for match in _SPAN_GROUP.finditer(span):
        count = int(match.group("count").replace(",", ""))
        if match.group("healthy"):
            found.append((count, "healthy people"))
        else:
            found.append((count, f"people with {match.group('condition').strip()}"))
    return found


@per_draft
def groups_phrase(draft: Draft) -> Phrase | None:
    """Return the group sizes when the abstract gives no total it states itself.

    "28 people with relapsing-remitting MS and 16 healthy people" when every group's count
    is stated and its label is clear; "12 people in each group" for "n = 12/arm"; "groups
    of 14 and 14 people" when the labels are unclear. None when no count can be given.
    """
    size = draft.facts.sample_size
    groups = [g for g in size.groups if g.count > 0]
    quoted = "; ".join(g.span.text for g in groups if g.span)
    span = size.span.text if size.span else ""
    from_span = _groups_in(span)
    if len(from_span) >= 2 and all(draft.stated(count) for count, _ in from_span):
        parts = [f"{format_count(count)} {label}" for count, label in from_span]
        text = ", ".join(parts[:-1]) + " and " + parts[-1]
        if draft.acceptable_phrase(text):
            return Phrase(text, draft.fact("sample_size", span))
    controls = size.healthy_controls
    if (
        not groups
        and controls
        and size.total
        and size.total > controls
        and draft.stated(controls)
        and draft.stated(size.total - controls)
    ):
        cases = format_count(size.total - controls)
        text = f"{cases} people with {condition(draft)} and {format_count(controls)} healthy people"
        return Phrase(text, draft.fact("sample_size", span or text))
    if len(groups) >= 2 and all(draft.stated(g.count) for g in groups):
        labels = [_group_label(draft, g.label) for g in groups]
        counts = [format_count(g.count) for g in groups]
        if all(labels) and len(set(labels)) == len(labels):
            parts = [f"{c} {lab}" for c, lab in zip(counts, labels, strict=True)]
            text = ", ".join(parts[:-1]) + " and " + parts[-1]
        else:
            text = "groups of " + ", ".join(counts[:-1]) + " and " + counts[-1] + " people"
        return Phrase(text, draft.fact("sample_size", quoted or text))
    per_group = _PER_GROUP.search(span)
    if per_group and draft.stated(int(per_group.group(1))):
        text = f"{per_group.group(1)} people in each group"
        return Phrase(text, draft.fact("sample_size", span))
    return None


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


def _names_something(phrase: str) -> bool:
    """Return True for a phrase that names a thing ("usual care"), not a sentence piece."""
    if _STARTS_BADLY.match(phrase) or has_verb(phrase):
        return False
    last = phrase.split()[-1].lower()
    inner_capitals = [w for w in phrase.split()[1:] if w[:1].isupper() and not w.isupper()]
    if len(inner_capitals) >= 2:
        return False  # a piece of a title in Title Case, not a name
    if re.search(r"(?:ive|al|ic|ous|ful|able|ible|ary|ory|based|high|low)$", last):
        return False  # ends on an adjective: "non-invasive"
    if re.match(r"(?:high|low|moderate|early|late)-", last, re.IGNORECASE):
        return False  # "early high-efficacy": the noun it qualifies is missing
    return any(len(w) >= 4 for w in re.findall(r"[A-Za-z]+", phrase)) or phrase.isupper()


def with_article(phrase: str) -> str:
    """Return a noun phrase with "a" or "an" when its head is a countable thing.

    Only everyday countable heads get one ("a walking programme", "a placebo", "an app");
    anything else is left as written, since "a menopause" or "a fatigue" would be wrong.
    """
    head = re.split(r"\s+(?:of|for|in|with|to|on)\s+", phrase, maxsplit=1)[0]
    last = head.split()[-1].lower() if head.split() else ""
    if _DETERMINER.match(phrase) or last not in _COUNTABLE:
        return phrase
    vowel = re.match(r"[aeio]|u(?!s[eu]|ni)|8|11|18", phrase, re.IGNORECASE)
    article = "an" if vowel else "a"
    return f"{article} {phrase}"


@per_draft
def intervention_phrase(draft: Draft, introduce: bool = False) -> Phrase | None:
    """Return what was tested or looked at, in plain words, if short enough to say.

    With `introduce`, a name the reader cannot know is introduced as such ("a treatment
    called ibudilast"), which is how the summary explains it where it first appears.
    Without an extracted intervention, the title's subject is used ("Exercise therapy for
    multiple sclerosis" gives "exercise treatment").
    """
    fact = draft.facts.intervention_or_exposure
    if (
        fact is not None
        and draft.strength.level in ("observational", "lab")
        and not _in_title(draft, fact)
    ):
        # An exposure the title does not name is too often a stray phrase to build on.
        fact = None
    plain = None
    if fact is not None:
        plain = draft.plain_phrase(clean_intervention(fact.text), max_words=8)
        if plain is not None and (_POOR_POPULATION.search(plain) or not _names_something(plain)):
            plain = None
    if plain is None:
        return title_subject(draft, introduce)
    assert fact is not None
    names = [w for w in draft.simplifier.allowed if w.lower() in plain.lower()]
    if introduce and names:
        kind = "a drug" if all(_SURE_DRUG.search(n.lower()) for n in names) else "a treatment"
        plain = f"{kind} called {plain}"
    else:
        plain = with_article(plain)
    return Phrase(plain, draft.fact("intervention_or_exposure", fact.text, fact.span))


def _in_title(draft: Draft, fact: TextFact) -> bool:
    """Return True when the title names the exposure (so it is what the study is about)."""
    title = draft.paper.title.lower()
    found = {w for w in re.findall(r"[a-z]{4,}", fact.text.lower())} - _NOT_NAMES
    return fact.text.lower() in title or (bool(found) and all(w in title for w in found))


_NOT_NAMES = frozenset({"people", "patients", "with", "multiple", "sclerosis", "disease", "study"})
# "A study in multiple sclerosis" names no subject.
_GENERIC_SUBJECT = re.compile(
    r"\b(?:study|studies|trial|trials|review|analysis|report|survey|cohort|research|"
    r"investigation|case|cases|data|evidence|outcomes?|results?|experience|update|overview)$",
    re.IGNORECASE,
)
_TITLE_SUBJECT = re.compile(
    r"^(?P<subject>[^:?]+?)\s+(?:for|in|to treat|versus|vs\.?|among)\s+(?:the\s+)?"
    r"(?:management of\s+|treatment of\s+|people with\s+|patients with\s+)?"
    r"(?:relapsing\S*\s+|progressive\s+)?(?:multiple sclerosis|MS)\b",
    re.IGNORECASE,
)


@per_draft
def title_subject(draft: Draft, introduce: bool = False) -> Phrase | None:
    """Return the subject of a title shaped "X for multiple sclerosis", in plain words."""
    match = _TITLE_SUBJECT.match(draft.paper.title)
    if match is None:
        return None
    # Titles are often in Title Case: "Pregnancy and Breastfeeding" reads "pregnancy and
    # breastfeeding" inside a sentence (short forms such as "MS" keep their capitals).
    words_ = match.group("subject").split()
    lowered = " ".join(w if w.isupper() or w[1:] != w[1:].lower() else w.lower() for w in words_)
    plain = draft.plain_phrase(lowered, max_words=6)
    if plain is None or not _names_something(plain) or _GENERIC_SUBJECT.search(plain):
        return None
    if introduce:
        plain = with_article(plain)
    start, end = match.span("subject")
    source = Provenance("source", f"title:{start}-{end}", draft.paper.title[start:end])
    return Phrase(plain, source)


@per_draft
def subject_reference(draft: Draft) -> str:
    """Return a short way to refer back to the tested thing ("the program", "the classes").

    The head noun of the intervention is used when it is an everyday word; otherwise "the
    treatment" for trials and reviews, and "it" for everything else.
    """
    fact = draft.facts.intervention_or_exposure
    if fact is None:
        return "it"
    text = fact.text.lower()
    head = re.findall(r"[a-z]+", text)[-1:] or [""]
    if head[0] in _HEADS:
        return f"the {head[0]}"
    if re.search(r"program|programme|training|exercise|rehabilitation", text):
        return "the program"
    if re.search(r"supplement|probiotic|capsule", text):
        return "the supplement"
    if re.search(r"\bdiet\b", text):
        return "the diet"
    if draft.strength.level in ("trial", "early", "review"):
        return "the treatment"
    return "it"


@per_draft
def comparison_phrase(draft: Draft) -> Phrase | None:
    """Return what the tested thing was compared with, in plain words, if known."""
    fact = draft.facts.comparison
    if fact is None:
        return None
    plain = draft.plain_phrase(fact.text, max_words=8)
    if plain is None or not _names_something(plain):
        return None
    return Phrase(plain, draft.fact("comparison", fact.text, fact.span))


_SINGLE_OUTCOMES = frozenset(
    {"fatigue", "depression", "anxiety", "balance", "walking", "pain", "relapses", "disability",
     "falls", "mood", "sleep", "spasticity", "stiffness", "tremor", "thinking", "memory",
     "cognition", "mobility", "strength", "fitness", "incontinence", "safety", "attacks",
     "infections", "death", "survival", "employment", "stigma"}
)  # fmt: skip
_STATISTICAL_OUTCOMES = re.compile(
    r"\b(?:heterogeneity|variance|effect sizes?|odds|risk ratios?|hazard|p-values?|"
    r"confidence|correlations?|regression|significance)\b",
    re.IGNORECASE,
)
_VAGUE_OUTCOMES = re.compile(
    r"^(?:the |their )?(?:volumes?|values?|levels?|scores?|effects?|outcomes?|changes?|"
    r"contrast|addition|results?|differences?|data|measures?|parameters?|markers?)$",
    re.IGNORECASE,
)


def _good_outcome(draft: Draft, plain: str) -> bool:
    """Return True for an outcome a reader can picture ("walking speed", "fatigue")."""
    if _VAGUE_OUTCOMES.match(plain) or _POOR_POPULATION.search(plain):
        return False
    if re.search(r"[()\[\]]", plain) or _STATISTICAL_OUTCOMES.search(plain):
        return False
    if (
        _STARTS_BADLY.match(plain)
        or has_verb(plain)
        or re.search(r"\b(?:while|which|that)\b", plain)
    ):
        return False
    if len(plain.split()) >= 2:
        terms = draft.glossary.find(plain) if draft.glossary is not None else []
        whole = len(terms) == 1 and terms[0].end - terms[0].start == len(plain)
        return not (whole and terms[0].term.category == "anatomy")
    if plain.lower() in _SINGLE_OUTCOMES:
        return True
    if draft.glossary is None:
        return False
    found = draft.glossary.find(plain)
    # A body part is not something measured ("spinal cord"); a scale or symptom is.
    return bool(found) and all(m.term.category != "anatomy" for m in found)


@per_draft
def outcome_phrases(draft: Draft, limit: int = 3) -> list[Phrase]:
    """Return up to `limit` measured outcomes that can be said plainly."""
    found: list[Phrase] = []
    seen: set[str] = set()
    for outcome in draft.facts.outcomes:
        plain = draft.plain_phrase(outcome.text, max_words=6)
        if plain is None or plain.lower() in seen or not _good_outcome(draft, plain):
            continue
        seen.add(plain.lower())
        found.append(Phrase(plain, draft.fact("outcomes", outcome.text, outcome.span)))
        if len(found) == limit:
            break
    return found
