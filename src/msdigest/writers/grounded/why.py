"""Write "why it matters": for people with MS, caregivers and clinicians, its reach, an analogy.

Each audience line names what this study looked at (the treatment or exposure, the
outcome, the kind of MS, the design and size), so no two papers get the same paragraph;
the topic picks the angle a caregiver would care about. "May not apply to" follows from
who took part. The analogy comes from the bank (`msdigest.glossary.pick_analogy`), chosen
for the concepts this summary talks about and the kind of finding.
"""

from __future__ import annotations

import re

from msdigest.facts.topics import topics_named
from msdigest.writers.grounded.analogy import write_analogy
from msdigest.writers.grounded.audiences import (
    carers_practical,
    people_finding,
    people_limit,
    providers_finding,
)
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.counts import count_phrase
from msdigest.writers.grounded.describe import (
    DIET_WORDS,
    TOPIC_SUBJECTS,
    Phrase,
    about_ms,
    animal_word,
    condition,
    design_noun,
    duration_phrase,
    ms_type,
    topic_subject,
    who_phrase,
)
from msdigest.writers.grounded.lines import fill_line
from msdigest.writers.grounded.selection import selection_lines
from msdigest.writers.grounded.subjects import (
    intervention_phrase,
    outcome_phrases,
    subject_reference,
)

__all__ = ["PARTS", "write_why"]

PARTS = ("people_with_ms", "analogy", "caregivers", "healthcare_providers", "may_not_apply_to")

_WEIGHT = {
    "lab": "very early",
    "observational": "new",
    "early": "early",
    "trial": "new",
    "review": "combined",
    "unclear": "new",
}
_PEOPLE = (
    "If you have {ms}, this {design} adds {weight} evidence about {subject} and {outcome}.",
    "This {design} speaks to people with {ms}: it looked at {subject} and {outcome}.",
    "People with {ms} may want to know what this {design} found about {subject}.",
    "If you have {ms}, this {design} adds {weight} evidence about {subject}.",
    "This {design} speaks to people with {ms} who want to know more about {subject}.",
    "If you have {ms}, this {design} adds {weight} evidence to what is known.",
)
_PEOPLE_PLANNED = (
    "If you have {ms}, this planned {design} on {subject} may be worth looking out for.",
    "People with {ms} may want to watch for the results of this {design} on {subject}.",
    "If you have {ms}, this planned {design} may be worth looking out for.",
)
_PEOPLE_NEXT = {
    "lab": (
        "It helps explain what may happen in MS, but it is not something to act on.",
        "It is a clue about how MS works, a long way from a new treatment.",
    ),
    "observational": (
        "It points to a link worth studying further rather than to a change to make today.",
        "It shows a pattern, which is a first step toward knowing whether it matters.",
    ),
    "early": (
        "It is an early step that shows what may be worth testing in a bigger trial.",
        "Early studies like this show what is worth testing properly next.",
    ),
    "small_trial": (
        "Chance chose the groups, which makes this a fair test, but the trial was small.",
        "Groups chosen by chance make this a fair test, though the trial was small.",
    ),
    "trial": (
        "Trials that compare groups chosen by chance carry more weight than most studies.",
        "A trial like this is a stronger kind of evidence, though a single trial is rarely "
        "the last word.",
    ),
    "review": (
        "Because it draws on several studies, it gives a broader view than any single study.",
        "Combined evidence like this gives a wider view than a single study can.",
    ),
    "unclear": ("It adds to a growing body of MS research.",),
    "interviews": (
        "It shows how some people saw things, which can guide what to study next.",
        "It gives people's own views, which can guide what to study next.",
    ),
    "cases": (
        "Single cases can point to something worth looking into, not what usually happens.",
        "A report like this can flag something to look into, not show what usually happens.",
    ),
    "planned": (
        "There are no results yet; this paper only sets out the plan.",
        "It is a plan, so there is nothing yet to act on.",
    ),
}
#: Designs whose weight is not a pattern or a link: interviews tell experiences, case
#: reports single cases ("it shows a pattern" would overstate both).
_DESIGN_LEVEL = {"qualitative": "interviews", "case_report_or_series": "cases"}
_PEOPLE_CASES = (
    "If you have {ms}, this {design} about {subject} may be of interest.",
    "If you have {ms}, this {design} may be of interest.",
)
_CAREGIVERS = {
    "exercise_and_rehabilitation": (
        "Family and friends often help with practice at home, so it helps to know how {it} "
        "was set up.",
        "If you help someone stay active, this shows a way {it} can be run.",
    ),
    "symptoms": (
        "Symptoms like {outcome} shape life at home too, so this may be useful to carers.",
        "Carers see the daily toll of symptoms like {outcome}, which this study looked at.",
    ),
    "cognition": (
        "Changes in thinking can be hard to spot from outside, so this may help carers.",
        "Carers often notice changes in memory and thinking first.",
    ),
    "treatments": (
        "Carers who help with medicines may want to know what this study found about {it}.",
        "Family who help with treatment may want to know what this study adds about {subject}.",
    ),
    "pregnancy_and_family": (
        "Partners and family often share choices about pregnancy and treatment, so this may "
        "speak to them too.",
    ),
    "lifestyle_and_diet": (
        "Meals and habits are often shared at home, so findings about {it} may matter to the "
        "whole family.",
    ),
    "progressive_ms": (
        "People who care for someone with progressive MS often look for new options; this "
        "adds to that search.",
    ),
    "paediatric_ms": ("Parents of young people with MS may find this study useful.",),
    "related_conditions": (
        "Families living with {ms} have fewer studies to draw on, so each new study counts.",
    ),
    "immune_system_and_causes": (
        "Carers may want to know what this study adds about {subject}.",
        "For carers, this is research to be aware of; it does not change daily care.",
    ),
    "imaging": (
        "For carers, this is research about what scans can show; it does not change daily care.",
    ),
    "diagnosis_and_monitoring": (
        "Carers often help keep track of symptoms and tests, so better ways of tracking MS "
        "may matter to them.",
    ),
}
_PREGNANCY = re.compile(r"pregnan|breastfe|postpartum|conception", re.IGNORECASE)
_CAREGIVERS_FAMILY = (
    "Partners and family often share health decisions at home, so this may speak to them too.",
)
_CAREGIVERS_DEFAULT = (
    "Carers may want to know what this study looked at: {subject} in {who}.",
    "Family and friends may want to know what this study adds about {subject}.",
    "For carers, this is a study to be aware of rather than to act on yet.",
)
_PROVIDERS = (
    "Clinicians may note the main measures, {measures_plain}, in {count} people.",
    "Clinicians may note the main measure, {measure_plain}, in {count} people.",
    "Doctors and nurses can weigh it as {evidence} with {count} people taking part.",
    "Clinicians may want to read the full paper for the details behind these results.",
    "Doctors and nurses can weigh it as {evidence}; the full paper gives the details.",
)
_NOT_APPLY = {
    "lab": (
        "The results come from {animals}, so they may not apply to people at all.",
        "As the work was done in {animals}, it may not apply to people with MS.",
    ),
    "women": (
        "Only women took part, so the findings may not apply to men.",
        "As everyone in the study was a woman, the results may not apply to men.",
    ),
    "children": ("The study was about young people, so the results may not apply to adults.",),
    "older": ("The study was about older people, so the results may not apply to younger people.",),
    "kind": (
        "Everyone in it had {ms}, so the results may not apply to other forms of MS.",
        "The people in it had {ms}; those with other forms may differ.",
    ),
    "selected": (
        "Only some kinds of people took part, so the results may not fit {everyone}.",
        "The results may not apply to people unlike those studied, such as those with more "
        "severe illness.",
    ),
    "review": (
        "The studies may not have included people like you, so the results may not fit everyone.",
    ),
}
_OTHER_KINDS = {
    "relapsing-remitting MS": True,
    "relapsing MS": True,
    "secondary progressive MS": True,
    "primary progressive MS": True,
    "progressive MS": True,
    "clinically isolated syndrome": True,
}


def _fields(draft: Draft) -> dict[str, Phrase | str]:
    facts = draft.facts
    fields: dict[str, Phrase | str] = {
        "design": design_noun(draft, short=True),
        "weight": _WEIGHT[draft.strength.level],
        "who": who_phrase(draft),
        "evidence": Phrase(
            _evidence_words(facts.evidence.label), draft.fact("evidence", facts.evidence.label)
        ),
    }
    fields["ms"] = condition(draft)
    fields["everyone"] = "everyone with MS" if about_ms(draft) else "everyone"
    subject = intervention_phrase(draft)
    if subject is None:
        subject = topic_subject(draft)
    if subject is not None:
        fields["subject"] = subject
        reference = subject_reference(draft)
        if reference != "it":
            fields["it"] = reference
    outcomes = outcome_phrases(draft, limit=2)
    if outcomes:
        fields["outcome"] = outcomes[0]
        joined = " and ".join(o.text for o in outcomes)
        # "the main measures, X" for one measure would read as a list cut short.
        key = "measures_plain" if len(outcomes) > 1 else "measure_plain"
        fields[key] = Phrase(joined, outcomes[0].source)
    count = count_phrase(draft)
    if count is not None and draft.strength.level != "lab":
        fields["count"] = count
    duration = duration_phrase(draft)
    if duration is not None:
        fields["duration"] = duration
    animals = animal_word(draft)
    if animals:
        fields["animals"] = animals
    return fields


def _evidence_words(label: str) -> str:
    """Return the evidence label as a noun phrase ("a small early study", "early lab research")."""
    if not label or re.search(r"\b(?:research|evidence)$", label):
        return label
    return ("an " if re.match(r"[aeio]", label, re.IGNORECASE) else "a ") + label


def _people(draft: Draft, fields: dict[str, Phrase | str]) -> list[Line]:
    subject = fields.get("subject")
    if subject is not None and " and " in (
        subject.text if isinstance(subject, Phrase) else subject
    ):
        fields = {k: v for k, v in fields.items() if k != "outcome"}  # "X and Y and Z" reads badly
    lines = []
    first = people_finding(draft)
    if first is None:
        templates: tuple[str, ...] = _PEOPLE_PLANNED if draft.is_protocol else _PEOPLE
        if draft.facts.study_design == "case_report_or_series":
            templates = _PEOPLE_CASES  # single cases are not "new evidence"
        first = fill_line(draft, "why_people", templates, fields, part="people_with_ms")
        if first is not None:
            first = _with_fact(draft, first, "study_design", draft.facts.study_design)
    if first is not None:
        lines.append(first)
    second = people_limit(draft)
    if second is None:
        level: str = draft.strength.level
        if level == "trial" and draft.strength.small:
            level = "small_trial"
        if draft.is_protocol:
            level = "planned"
        level = _DESIGN_LEVEL.get(draft.facts.study_design, level)
        second = fill_line(draft, "why_people_next", _PEOPLE_NEXT[level], {}, part="people_with_ms")
        if second is not None:
            second = _with_fact(draft, second, "evidence", draft.facts.evidence.label)
    if second is not None:
        lines.append(second)
    return lines


def _with_fact(draft: Draft, line: Line, name: str, value: str) -> Line:
    if line.sources:
        return line
    return Line(line.text, (draft.fact(name, value),), line.part)


_CAREGIVERS_BY_LEVEL = {
    "review": (
        "Carers get a summary of what earlier studies found about {subject}.",
        "Carers get a summary of the research so far on {subject}.",
    ),
    "lab": (
        "For carers, this is background research on how the disease works; it does not "
        "change daily care.",
        "For carers, this is early science to be aware of; it does not change daily care.",
    ),
}


def _caregivers(draft: Draft, fields: dict[str, Phrase | str]) -> list[Line]:
    practical = carers_practical(draft)
    if practical is not None:
        return [practical]
    by_level = _CAREGIVERS_BY_LEVEL.get(draft.strength.level)
    if by_level:
        line = fill_line(draft, "why_caregivers", by_level, fields, part="caregivers")
        if line is not None:
            return [_with_fact(draft, line, "study_design", draft.facts.study_design)]
    topics = _carer_topics(draft)
    if _about_topic(fields, set(draft.facts.topics) - set(topics)):
        # The subject names a topic the study only touched on: say nothing about it.
        fields = {k: v for k, v in fields.items() if k != "subject"}
    for topic in topics:
        templates = _CAREGIVERS.get(topic)
        if topic == "symptoms" and not _is_symptom(draft, fields.get("outcome")):
            continue
        if topic == "lifestyle_and_diet" and not DIET_WORDS.search(draft.source_text):
            continue  # "meals and habits are shared at home" would not fit a mindfulness course
        if topic == "pregnancy_and_family" and not _PREGNANCY.search(draft.source_text):
            templates = _CAREGIVERS_FAMILY  # menopause, fertility: not pregnancy choices
        if templates:
            line = fill_line(draft, "why_caregivers", templates, fields, part="caregivers")
            if line is not None:
                return [_with_fact(draft, line, "topics", topic)]
    line = fill_line(draft, "why_caregivers", _CAREGIVERS_DEFAULT, fields, part="caregivers")
    if line is None:
        return []
    return [_with_fact(draft, line, "study_design", draft.facts.study_design)]


#: Who the study was about: a line for them fits whatever was measured.
_POPULATION_TOPICS = ("paediatric_ms", "pregnancy_and_family")
#: What a study may only have measured or touched on (scans, blood cells), rather than be about.
_MEASURED_TOPICS = frozenset({"imaging", "immune_system_and_causes", "diagnosis_and_monitoring"})
#: Studies of what people did, said or chose (surveys, uptake, interviews): not biology.
_PEOPLES_OWN_WORDS = re.compile(
    r"\b(?:survey|questionnaire|uptake|hesitancy|attitudes?|beliefs?|views|experiences?|"
    r"perceptions?|information needs|interviews?|focus groups?)\b",
    re.IGNORECASE,
)


def _carer_topics(draft: Draft) -> list[str]:
    """Return the topics to try for the carer line, the one that fits the study best first.

    Who the study was about (children, pregnancy) comes first; then, when a treatment was
    compared, the treatment, since scans or blood tests were only how it was measured; and a
    study of what people did or said (a survey of vaccine uptake) is not about scans or
    immune cells, nor about a topic its title does not name, so those are left out.
    """
    topics = list(draft.facts.topics)
    if _PEOPLES_OWN_WORDS.search(draft.paper.title):
        named = topics_named(draft.paper.title)
        topics = [
            t
            for t in topics
            if t in _POPULATION_TOPICS or (t in named and t not in _MEASURED_TOPICS)
        ]
    tested = subject_reference(draft) in ("the treatment", "the drug")
    compared = draft.facts.intervention_or_exposure is not None and draft.strength.level in (
        "trial",
        "early",
        "observational",
    )
    if "treatments" in topics and (tested or compared) and intervention_phrase(draft):
        topics.remove("treatments")
        topics.insert(0, "treatments")
    first = [t for t in _POPULATION_TOPICS if t in topics]
    return first + [t for t in topics if t not in first]


def _about_topic(fields: dict[str, Phrase | str], topics: set[str]) -> bool:
    """Return True when the subject field is the name of one of `topics` ("the immune system")."""
    subject = fields.get("subject")
    text = subject.text if isinstance(subject, Phrase) else subject
    return any(TOPIC_SUBJECTS.get(t) == text for t in topics)


_PROVIDERS_REVIEW = (
    "Clinicians may note that it brings together {studies} studies with {count} people.",
    "Doctors and nurses can weigh it as {evidence} that brings together {studies} studies.",
    "Clinicians may want to read the full review for how strong each study was.",
)


_SYMPTOMS = frozenset(
    {"fatigue", "pain", "falls", "balance", "walking", "spasticity", "stiffness", "tremor",
     "depression", "anxiety", "sleep", "mood", "incontinence", "bladder problems",
     "bowel problems", "dizziness", "numbness", "memory", "thinking"}
)  # fmt: skip


def _is_symptom(draft: Draft, outcome: Phrase | str | None) -> bool:
    """Return True when the outcome is something a person lives with, such as fatigue."""
    if outcome is None:
        return False
    text = outcome.text if isinstance(outcome, Phrase) else outcome
    if text.lower() in _SYMPTOMS:
        return True
    found = draft.glossary.find(text) if draft.glossary is not None else []
    return any(m.term.category == "symptoms" for m in found)


def _providers(draft: Draft, fields: dict[str, Phrase | str]) -> list[Line]:
    specific = providers_finding(draft)
    if specific:
        return specific
    templates = _PROVIDERS_REVIEW if draft.strength.level == "review" else _PROVIDERS
    if draft.is_protocol:
        fields = {k: v for k, v in fields.items() if k != "count"}  # nobody has taken part yet
    studies = draft.facts.sample_size.studies
    if studies and studies > 1 and draft.stated(studies):
        fields = {
            **fields,
            "studies": Phrase(str(studies), draft.fact("sample_size", str(studies))),
        }
    line = fill_line(draft, "why_providers", templates, fields, part="healthcare_providers")
    if line is None:
        return []
    return [_with_fact(draft, line, "evidence", draft.facts.evidence.label)]


def _not_apply_key(draft: Draft) -> str:
    level = draft.strength.level
    if level == "lab":
        return "lab"
    if level == "review":
        return "review"
    population = draft.facts.population.text if draft.facts.population else ""
    text = f"{population} {draft.paper.title}"
    if re.search(r"\bwomen\b", population, re.I) and not re.search(r"\bmen\b", population, re.I):
        return "women"
    if ms_type(draft) == "paediatric MS":
        return "children"
    if re.search(
        r"\bolder (?:people|adults|patients)\b|\baged (?:6\d|7\d) (?:or|and) (?:over|older)",
        text,
        re.I,
    ):
        return "older"
    if ms_type(draft) in _OTHER_KINDS:
        return "kind"
    return "selected"


def _may_not_apply(draft: Draft, fields: dict[str, Phrase | str]) -> list[Line]:
    population = draft.facts.population
    basis = (
        draft.fact("population", population.text, population.span)
        if population is not None
        else draft.fact("study_design", draft.facts.study_design)
    )
    for templates, values in [] if draft.is_protocol else selection_lines(draft):
        line = fill_line(draft, "why_not_apply", templates, values, part="may_not_apply_to")
        if line is not None:
            return [Line(line.text, (basis,), line.part)]
    key = _not_apply_key(draft)
    line = fill_line(draft, "why_not_apply", _NOT_APPLY[key], fields, part="may_not_apply_to")
    if line is None and key != "selected":
        line = fill_line(
            draft, "why_not_apply", _NOT_APPLY["selected"], fields, part="may_not_apply_to"
        )
    if line is None:
        return []
    population = draft.facts.population
    if population is not None:
        return [_with_fact(draft, line, "population", population.text)]
    return [_with_fact(draft, line, "study_design", draft.facts.study_design)]


def write_why(draft: Draft, context_text: str) -> list[Line]:
    """Return the sentences of "why it matters", each tagged with its part.

    `context_text` is the text written so far (headline and study): the analogy is picked
    for the concepts it mentions.
    """
    fields = _fields(draft)
    lines = _people(draft, fields)
    lines += write_analogy(draft, context_text)
    lines += _caregivers(draft, fields)
    lines += _providers(draft, fields)
    lines += _may_not_apply(draft, fields)
    return lines
