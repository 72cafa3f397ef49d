"""Say what this study's finding may mean for each reader: people with MS, carers, clinicians.

Built from the main finding (`findings.main_finding`: its outcome and which way it went),
what was tested, who took part and what taking part involved, so each line is about this
study and no other: "If you have MS and can walk 100 m without aid, this randomised trial
suggests a home programme may improve the 6-minute walking distance." Every line cites the
finding or the fact it rests on, and is hedged to the evidence ("may"; a link is not a
cause; a study without a comparison group cannot say what caused a change).
"""

from __future__ import annotations

import re

from msdigest.summary import Provenance
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.describe import Phrase, condition, design_noun, duration_phrase
from msdigest.writers.grounded.findings import Finding, findings, main_finding
from msdigest.writers.grounded.lines import fill_line
from msdigest.writers.grounded.practical import dose_phrase, schedule_phrase, setting_phrase
from msdigest.writers.grounded.selection import criteria
from msdigest.writers.grounded.subjects import (
    comparison_phrase,
    intervention_phrase,
    subject_reference,
)

__all__ = [
    "carers_practical",
    "headline_from_finding",
    "people_finding",
    "people_limit",
    "providers_finding",
]

_CONTROLLED = frozenset({"randomized_controlled_trial", "non_randomized_trial"})
#: Kinds of study that tested something, so a result can be told as "with the treatment".
_TESTED_KINDS = frozenset({"controlled", "uncontrolled", "review"})

_PEOPLE = {
    "better": (
        "If you have {ms} and {sel}, this {design} suggests {intervention} may {verb} {outcome}.",
        "If you have {ms}, this {design} suggests {intervention} may {verb} {outcome}.",
        "For people with {ms}, this {design} suggests {intervention} may {verb} {outcome}.",
    ),
    "no clear difference": (
        "If you have {ms} and {sel}, this {design} found no clear change in {outcome} with "
        "{intervention}.",
        "If you have {ms}, this {design} found no clear change in {outcome} with {intervention}.",
        "For people with {ms}, this {design} found no clear change in {outcome} with "
        "{intervention}.",
    ),
    "worse": ("If you have {ms}, this {design} suggests {intervention} may make {outcome} worse.",),
}
_PEOPLE_UNCONTROLLED = {
    "better": (
        "If you have {ms}, this {design} saw {outcome} improve while people had {intervention}.",
        "For people with {ms}, {outcome} improved during this {design} of {intervention}.",
    ),
    "no clear difference": (
        "If you have {ms}, this {design} saw no clear change in {outcome} with {intervention}.",
    ),
}
_PEOPLE_REVIEW = {
    "better": (
        "If you have {ms}, the studies so far suggest {intervention} may {verb} {outcome}.",
        "For people with {ms}, the studies so far suggest {intervention} may {verb} {outcome}.",
    ),
    "no clear difference": (
        "If you have {ms}, the studies so far found no clear change in {outcome} with "
        "{intervention}.",
    ),
}
_PEOPLE_LINKED = (
    "If you have {ms}, this study points to a link between {intervention} and {outcome}, "
    "not proof of cause and effect.",
    "For people with {ms}, this study links {intervention} with {outcome}; a link is not "
    "proof of cause.",
)
_LIMIT_NULL = (
    "It did not clearly change {outcome}.",
    "There was no clear change in {outcome}, though.",
)
_LIMIT_LASTS = (
    "Whether any benefit lasts beyond {duration} is not yet known.",
    "The study cannot say whether the benefit lasts beyond {duration}.",
)
_LIMIT_LASTS_UNCONTROLLED = (
    "Whether the change lasts beyond {duration} is not known.",
    "The study cannot say whether the change lasts beyond {duration}.",
)
_CARERS_SCHEDULE = (
    "For carers, it helps to know that taking part meant {schedule} {setting}.",
    "Taking part meant {schedule} {setting}; family members may be asked to help.",
    "For carers, it helps to know that taking part meant {schedule}.",
    "Taking part meant {schedule}; family members may be asked to help.",
)
_CARERS_SCHEDULE_PLANNED = (
    "For carers, it helps to know that taking part will mean {schedule} {setting}.",
    "Taking part will mean {schedule} {setting}; family members may be asked to help.",
    "For carers, it helps to know that taking part will mean {schedule}.",
    "Taking part will mean {schedule}; family members may be asked to help.",
)
_CARERS_MEDICINE = (
    "For carers who help with medicines, {name} was taken {route} {frequency} in this trial.",
    "For carers who help with medicines, {name} was taken {frequency} in this trial.",
)
_ROUTES = (
    (re.compile(r"\b(?:oral|orally|tablets?|capsules?|by mouth)\b", re.I), "by mouth"),
    (re.compile(r"\b(?:intravenous|intravenously|infusions?)\b", re.I), "as a drip into a vein"),
    (re.compile(r"\b(?:subcutaneous|subcutaneously|injections?|injected)\b", re.I),
     "as an injection"),
)  # fmt: skip
_FREQUENCY = re.compile(
    r"\b(?:once|twice|three times) (?:daily|a day|weekly|a week)|\bdaily\b|\bweekly\b", re.I
)


def _how_taken(draft: Draft) -> dict[str, Phrase | str] | None:
    """Return how a tested medicine was taken ("by mouth", "once daily"), from the methods."""
    dose = dose_phrase(draft)
    fact = draft.facts.intervention_or_exposure
    if dose is None or fact is None:
        return None
    frequency = _FREQUENCY.search(dose.text)
    name = intervention_phrase(draft)
    if frequency is None or name is None:
        return None
    fields: dict[str, Phrase | str] = {
        "name": name,
        "frequency": Phrase(frequency.group(0).lower(), dose.source),
    }
    text = " ".join(
        [draft.paper.title, fact.text, *(s.text for s in draft.sentences_in("METHODS"))]
    )
    for pattern, words in _ROUTES:
        if pattern.search(text):
            fields["route"] = words
            break
    return fields


_CARERS_SETTING = (
    "For carers, it helps to know that {it} was done {setting}.",
    "{it} was done {setting}, which matters for the family and friends who help.",
)
_PROVIDERS: dict[str, tuple[str, ...]] = {
    "better": (
        "Clinicians may note that {what} improved more with {intervention} than with {comparison}.",
        "Clinicians may note that {what} improved more with {intervention} than in the "
        "comparison group.",
    ),
    "no clear difference": (
        "Clinicians may note that {what} did not clearly differ between {intervention} and "
        "{comparison}.",
        "Clinicians may note that {what} did not clearly change with {intervention}.",
    ),
    "worse": (
        "Clinicians may note that {what} got worse with {intervention} than with {comparison}.",
    ),
}
_PROVIDERS_UNCONTROLLED: dict[str, tuple[str, ...]] = {
    "better": (
        "Clinicians may note that {what} improved with {intervention}, with no comparison group.",
    ),
    "no clear difference": (
        "Clinicians may note that {what} did not clearly change with {intervention}.",
    ),
}
_PROVIDERS_REVIEW: dict[str, tuple[str, ...]] = {
    "better": (
        "Clinicians may note that, across the studies, {what} improved with {intervention}.",
    ),
    "no clear difference": (
        "Clinicians may note that, across the studies, {what} did not clearly change with "
        "{intervention}.",
    ),
}
#: "Fewer relapses" by the kind of study: only a controlled study had a comparison group.
_PROVIDERS_FEWER: dict[str, tuple[str, ...]] = {
    "controlled": (
        "Clinicians may note that there were fewer {what} with {intervention} than with "
        "{comparison}.",
        "Clinicians may note that there were fewer {what} with {intervention} than in the "
        "comparison group.",
    ),
    "uncontrolled": (
        "Clinicians may note that there were fewer {what} with {intervention}, with no "
        "comparison group.",
    ),
    "review": (
        "Clinicians may note that, across the studies, there were fewer {what} with "
        "{intervention}.",
    ),
}
_PROVIDERS_DOSE = (
    "The dose tested was {dose}, for {duration}.",
    "The dose tested was {dose}.",
)
_LESION = re.compile(r"\blesions?\b|\bdamage\b", re.IGNORECASE)


def _outcome_words(finding: Finding) -> str | None:
    """Return the finding's outcome as a reader would say it ("fatigue", "the SDMT score")."""
    outcome = finding.outcome
    if outcome is None:
        return None
    if finding.term is not None and _LESION.search(finding.term):
        return "new areas of damage on scans"
    if finding.term == "relapse":
        return "relapses"
    outcome = re.sub(r"\s+scores?$", "", outcome)
    if re.search(r"\b(?:rate|distance|time|fitness|count)$", outcome):
        return "the " + outcome if not outcome.startswith("the ") else outcome
    return outcome


def _is_measure(draft: Draft, term: str) -> bool:
    """Return True for a named scale or test ("SDMT", "6-minute walk test")."""
    entry = draft.glossary.get(term) if draft.glossary is not None else None
    return entry is not None and (entry.measure is not None or entry.category == "outcome measures")


def _verb(finding: Finding) -> str:
    if finding.better == "lower":
        return "reduce"
    if finding.better == "higher":
        return "improve"
    return "help with"


def _selection(draft: Draft) -> str | None:
    """Return the study's most telling selection as "can walk ..." for "If you have MS and ..."."""
    for criterion in criteria(draft):
        if criterion.kind == "walk":
            return draft.plain_phrase(re.sub(r"^could\b", "can", criterion.who), max_words=10)
        if criterion.kind == "condition":
            return draft.plain_phrase(re.sub(r"^had\s+", "", criterion.who), max_words=8)
    return None


def _kind(draft: Draft) -> str:
    design = draft.facts.study_design
    if draft.strength.level == "lab":
        return "lab"  # nothing here is about what it may mean for a person yet
    if draft.strength.level == "review":
        return "review"
    if design == "qualitative":
        return "other"
    if draft.strength.level == "observational":
        return "observational"
    if design in _CONTROLLED or draft.facts.has_control_group is True:
        return "controlled"
    if draft.strength.level in ("trial", "early"):
        return "uncontrolled"
    return "other"


def _finding_fields(draft: Draft, finding: Finding) -> dict[str, Phrase | str]:
    source = draft.source(finding.sentence)
    fields: dict[str, Phrase | str] = {
        "ms": condition(draft),
        "design": design_noun(draft, short=True),
        "verb": _verb(finding),
    }
    outcome = _outcome_words(finding)
    if outcome is not None:
        fields["outcome"] = Phrase(outcome, source)
    intervention = intervention_phrase(draft)
    if intervention is not None:
        fields["intervention"] = intervention
    elif subject_reference(draft) not in ("it",) and draft.facts.intervention_or_exposure:
        fact = draft.facts.intervention_or_exposure
        reference = subject_reference(draft)
        fields["intervention"] = Phrase(
            reference, draft.fact("intervention_or_exposure", fact.text, fact.span)
        )
    comparison = comparison_phrase(draft)
    if comparison is not None:
        fields["comparison"] = comparison
    selection = _selection(draft)
    if selection is not None:
        fields["sel"] = selection
    return fields


def _cited(line: Line | None, source: Provenance) -> Line | None:
    """Return `line` citing `source` first (the finding it is built on)."""
    if line is None:
        return None
    rest = tuple(s for s in line.sources if s != source)
    return Line(line.text, (source, *rest), line.part)


_HEADLINE = {
    ("controlled", "better"): (
        "{intervention} may {verb} {outcome} in {who}, a small trial suggests.",
        "{intervention} may {verb} {outcome}, a small trial suggests.",
    ),
    ("controlled_firm", "better"): (
        "{intervention} may {verb} {outcome} in {who}, a randomised trial found.",
        "{intervention} may {verb} {outcome}, a randomised trial found.",
    ),
    ("controlled", "no clear difference"): (
        "{intervention} did not clearly change {outcome} in {who}, a small trial found.",
        "{intervention} did not clearly change {outcome}, a small trial found.",
    ),
    ("controlled_firm", "no clear difference"): (
        "{intervention} did not clearly change {outcome} in {who}, a randomised trial found.",
        "{intervention} did not clearly change {outcome}, a randomised trial found.",
    ),
    ("uncontrolled", "better"): (
        "{outcome} improved in {who} who had {intervention}, a small early study suggests.",
        "{outcome} improved with {intervention} in a small early study.",
    ),
    ("uncontrolled", "no clear difference"): (
        "{outcome} did not clearly change with {intervention} in a small early study.",
    ),
    ("review", "better"): (
        "{intervention} may {verb} {outcome}, a review of earlier studies suggests.",
    ),
    ("review", "no clear difference"): (
        "A review of earlier studies found no clear change in {outcome} with {intervention}.",
    ),
}


def headline_from_finding(draft: Draft, who: Phrase) -> Line | None:
    """Return a headline built from the main finding when no sentence of the authors fits.

    "Ibudilast did not clearly change neurofilament light chain, a randomised trial found":
    the outcome, the way it went and what was tested, framed by the evidence.
    """
    finding = main_finding(draft)
    if finding is None or draft.is_protocol:
        return None
    kind = _kind(draft)
    if kind == "controlled" and draft.strength.firm:
        kind = "controlled_firm"
    templates = _HEADLINE.get((kind, finding.direction or ""), ())
    fields = _finding_fields(draft, finding)
    fields["who"] = who
    line = fill_line(draft, "headline", templates, fields, max_words=25)
    if line is None:
        return None
    draft.headline_from = finding.sentence
    return _cited(line, draft.source(finding.sentence))


_LINKED_PAIR = re.compile(
    r"^(?P<x>[^,;]{3,60}?) (?:was|were|is|are|may be) (?:\w+ )?(?:linked|associated) "
    r"(?:to|with) (?P<y>[^,;]{3,60}?)(?:,|;|\.|$)",
    re.IGNORECASE,
)
_PEOPLE_PAIR = (
    "If you have {ms}, this study suggests a link between {x} and {y}, not proof of cause "
    "and effect.",
    "For people with {ms}, this study links {x} with {y}; a link is not proof of cause.",
)


def _people_link(draft: Draft) -> Line | None:
    """Return "a link between X and Y" for an observational study, from its first link."""
    for finding in findings(draft):
        if finding.direction != "linked":
            continue
        match = _LINKED_PAIR.match(finding.lines[0].text)
        if match is None:
            continue
        x, y = match.group("x"), match.group("y")
        if not re.match(r"[A-Z][A-Z0-9-]", x):
            x = x[:1].lower() + x[1:]
        if len(x.split()) > 8 or len(y.split()) > 8 or re.match(r"(?:this|these|it)\b", x, re.I):
            continue
        source = draft.source(finding.sentence)
        fields: dict[str, Phrase | str] = {
            "ms": condition(draft),
            "x": Phrase(x, source),
            "y": Phrase(y, source),
        }
        line = fill_line(draft, "why_people", _PEOPLE_PAIR, fields, part="people_with_ms")
        if line is not None:
            return _cited(line, source)
    return None


_PEOPLE_PILOT = (
    "If you have {ms}, this pilot mainly shows whether a larger trial of {intervention} can "
    "be run; it cannot yet say whether it helps.",
    "For people with {ms}, this pilot tests whether a bigger trial of {intervention} is "
    "possible, not yet whether it works.",
)


def people_finding(draft: Draft) -> Line | None:
    """Return what the main finding may mean for a person with MS, hedged to the evidence."""
    if draft.is_protocol:
        return None
    if draft.facts.study_design == "feasibility_or_pilot" and main_finding(draft) is None:
        intervention = intervention_phrase(draft)
        if intervention is not None:
            fields: dict[str, Phrase | str] = {"ms": condition(draft), "intervention": intervention}
            return fill_line(draft, "why_people", _PEOPLE_PILOT, fields, part="people_with_ms")
    if _kind(draft) == "observational":
        linked = _people_link(draft)
        if linked is not None:
            return linked
    finding = main_finding(draft)
    if finding is None:
        return None
    if draft.headline_from is finding.sentence:
        return None  # the headline already says it in these words
    kind = _kind(draft)
    fields = _finding_fields(draft, finding)
    direction = finding.direction or ""
    if kind == "controlled":
        templates = _PEOPLE.get(direction, ())
    elif kind == "uncontrolled":
        templates = _PEOPLE_UNCONTROLLED.get(direction, ())
    elif kind == "review":
        templates = _PEOPLE_REVIEW.get(direction, ())
    elif kind == "observational" and direction in ("linked", "better", "worse"):
        templates = _PEOPLE_LINKED
    else:
        templates = ()
    line = fill_line(draft, "why_people", templates, fields, part="people_with_ms")
    return _cited(line, draft.source(finding.sentence))


def people_limit(draft: Draft) -> Line | None:
    """Return the limit of the main finding: what did not change, or what is not yet known."""
    finding = main_finding(draft)
    if finding is None or draft.is_protocol or _kind(draft) not in _TESTED_KINDS:
        return None
    for other in findings(draft):
        if other is finding or other.direction != "no clear difference":
            continue
        outcome = _outcome_words(other)
        if outcome is None or outcome == _outcome_words(finding):
            continue
        fields: dict[str, Phrase | str] = {"outcome": Phrase(outcome, draft.source(other.sentence))}
        line = fill_line(draft, "why_people_limit", _LIMIT_NULL, fields, part="people_with_ms")
        if line is not None:
            return line
    duration = duration_phrase(draft)
    faded = any(f.direction == "no clear difference" for f in findings(draft))
    if (
        finding.direction == "better"
        and duration is not None
        and not faded
        and _kind(draft) != "observational"
    ):
        fields = {"duration": duration}
        templates = _LIMIT_LASTS_UNCONTROLLED if _kind(draft) == "uncontrolled" else _LIMIT_LASTS
        line = fill_line(draft, "why_people_limit", templates, fields, part="people_with_ms")
        return _cited(line, draft.source(finding.sentence))
    return None


def carers_practical(draft: Draft) -> Line | None:
    """Return what taking part involved (how often, where), or the dose of a medicine."""
    schedule = schedule_phrase(draft)
    setting = setting_phrase(draft)
    if schedule is not None:
        fields: dict[str, Phrase | str] = {"schedule": schedule}
        if setting is not None and setting not in schedule.text:
            fields["setting"] = setting
        # A protocol's study has not been run yet: what taking part "will mean".
        templates = _CARERS_SCHEDULE_PLANNED if draft.is_protocol else _CARERS_SCHEDULE
        return fill_line(draft, "why_carers_practical", templates, fields, part="caregivers")
    medicine = _how_taken(draft)
    if medicine is not None:
        line = fill_line(
            draft, "why_carers_practical", _CARERS_MEDICINE, medicine, part="caregivers"
        )
        if line is not None:
            return line
    reference = subject_reference(draft)
    if setting is not None and reference not in ("it", "the treatment", "the drug"):
        fields = {"setting": setting, "it": reference}
        source = draft.fact("intervention_or_exposure", reference)
        line = fill_line(draft, "why_carers_practical", _CARERS_SETTING, fields, part="caregivers")
        return _cited(line, source)
    return None


def providers_finding(draft: Draft) -> list[Line]:
    """Return the clinician's takeaway: the measure and which way it went, then dose or schedule."""
    finding = main_finding(draft)
    if finding is None or draft.is_protocol:
        return []
    kind = _kind(draft)
    tables: dict[str, dict[str, tuple[str, ...]]] = {
        "controlled": _PROVIDERS,
        "uncontrolled": _PROVIDERS_UNCONTROLLED,
        "review": _PROVIDERS_REVIEW,
    }
    table = tables.get(kind)
    if table is None:
        return []
    fields = _finding_fields(draft, finding)
    source = draft.source(finding.sentence)
    term = finding.term or finding.outcome
    if term is None:
        return []
    templates = table.get(finding.direction or "", ())
    if re.search(r"\blesion$", term) and finding.direction == "better":
        templates = _PROVIDERS_FEWER[kind]
        what = f"new {term}s" if "new" not in term else f"{term}s"
    elif term == "relapse" and finding.direction == "better":
        templates, what = _PROVIDERS_FEWER[kind], "relapses"
    elif finding.term is not None and _is_measure(draft, finding.term):
        what = f"results on {term}" if term.isupper() else f"results on the {term}"
    else:
        what = _outcome_words(finding) or term
    fields["what"] = Phrase(what, source)
    line = _cited(
        fill_line(draft, "why_providers", templates, fields, part="healthcare_providers"), source
    )
    if line is None:
        return []
    lines = [line]
    extra: dict[str, Phrase | str] = {}
    duration = duration_phrase(draft)
    if duration is not None:
        extra["duration"] = duration
    dose = dose_phrase(draft)
    if dose is not None:
        extra["dose"] = dose
        more = fill_line(draft, "why_providers_more", _PROVIDERS_DOSE, extra, part=line.part)
        if more is not None:
            lines.append(more)
    return lines
