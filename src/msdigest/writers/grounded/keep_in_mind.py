"""Write "keep in mind": the limits that follow from the facts, and what is needed next.

Each limitation flag the facts raise becomes one plain sentence that says what it means
for the reader (a small study can mislead by chance; without a comparison group, time or
expectation may explain a change). What is needed next comes from the authors when they
say it, else from the design. The section ends by sending the reader to their care team.
"""

from __future__ import annotations

from msdigest.facts.document import Sentence
from msdigest.writers.grounded.candidates import LIMITS, NEEDED, leans_on_context
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.counts import count_phrase
from msdigest.writers.grounded.describe import Phrase, animal_word, duration_phrase
from msdigest.writers.grounded.lines import fill_line, source_lines
from msdigest.writers.grounded.subjects import subject_reference

__all__ = ["extra_lines", "write_keep_in_mind"]

_SMALL_WITH_COUNT = (
    "With {count} people, this was a small study, and small studies can give results that "
    "do not hold up.",
    "This was a small study of {count} people, so chance may explain some of what was seen.",
    "Only {count} people took part, which makes this a small study; chance plays a bigger "
    "part in small studies.",
)
_SMALL = (
    "This was a small study, so chance may explain some of what was seen.",
    "The study was small, and small studies can give results that do not hold up.",
)
_NO_CONTROL = (
    "There was no comparison group, so it is hard to tell whether {intervention} or other "
    "things, such as time, made the difference.",
    "Without a comparison group, changes may come from time or expectations rather than "
    "from {intervention}.",
    "There was no comparison group, so it is hard to tell what was behind any change.",
)
_OBSERVATIONAL_NO_CONTROL = (
    "With no treatment assigned and no comparison group, the study can show links but not "
    "cause and effect.",
    "Nobody was assigned a treatment and there was no comparison group, so this shows "
    "links, not cause and effect.",
)
_DESIGN_LIMITS = {
    "qualitative_small": (
        "Interviews with a small group describe experiences in depth; they cannot show "
        "cause and effect or how common those experiences are.",
        "A small interview study tells us what some people went through, not how often it "
        "happens or what causes it.",
    ),
    "qualitative": (
        "Interview studies describe experiences in depth; they cannot show cause and effect "
        "or how common those experiences are.",
        "An interview study tells us what some people went through, not how often it "
        "happens or what causes it.",
    ),
    "case_report_or_series": (
        "A case report describes what happened to a small number of people; it cannot show "
        "cause and effect, and others may respond differently.",
        "What happened to a small number of people may not happen to others, and a case "
        "report cannot show cause and effect.",
    ),
}
_OBSERVATIONAL = (
    "This kind of study can find links, but it cannot show cause and effect.",
    "Because nobody was assigned a treatment, the study can show links, not cause and effect.",
    "An observational study like this cannot show what causes what.",
)
_SHORT = (
    "It lasted only {duration}, so it is not known whether any effects last.",
    "With only {duration} of follow-up, longer-term effects are unknown.",
)
_SINGLE_SITE = (
    "Everyone came from a single centre, so results elsewhere may differ.",
    "The study ran at a single site, and other places may see different results.",
)
_LAB = (
    "This work was done in {animals}, and it has not been tested in people.",
    "The findings come from {animals} and have not been tested in people.",
)
_LAB_CARRY = (
    "Many results in animals or cells do not carry over to people.",
    "Results in the lab often look different once they are tried in people.",
)
_DROPOUT = (
    "Only {completers} of the {total} people finished, which can skew the results.",
    "Not everyone finished: {completers} of {total} people completed the study.",
)
_REVIEW = (
    "A review is only as strong as the studies it brings together.",
    "A review can only be as good as the studies in it.",
)
_PILOT = (
    "A pilot study mainly tests whether a bigger trial can be run, not whether a treatment works.",
    "Pilot work like this mainly tests whether a bigger trial can be run, not whether a "
    "treatment works.",
)
_NEXT = {
    "lab": (
        "Studies in people are needed before anyone knows whether this matters for their care.",
        "Research in people would have to come next.",
    ),
    "observational": (
        "Trials that test this directly would be needed to show cause and effect.",
        "Larger studies, ideally trials, are needed to confirm the link.",
    ),
    "early": (
        "A larger trial with a comparison group is needed to confirm these results.",
        "Bigger trials that compare it with another option are needed to be sure.",
    ),
    "trial": (
        "Larger and longer studies would help confirm these results.",
        "Other trials finding the same thing would make the result more certain.",
    ),
    "review": (
        "More high-quality trials would make the picture clearer.",
        "Better and larger trials are still needed on this question.",
    ),
    "unclear": ("More research is needed to confirm these results.",),
    # A pilot that already had a comparison group needs a bigger trial, not "a comparison group".
    "early_controlled": (
        "A larger trial is needed to confirm these results.",
        "Bigger trials that compare it with another option are needed to be sure.",
    ),
    # Interviews and case reports look for no link or cause: what follows is more people.
    "qualitative": (
        "Larger studies that compare groups of people would show how widely these views "
        "are shared.",
        "Larger studies that compare groups of people would show how common these experiences are.",
    ),
    "case_report_or_series": (
        "Studies of more people are needed to know how often this happens.",
        "More cases, studied in a planned way, are needed to learn more.",
    ),
}
_ONE_STUDY = (
    "This was a single study; results are more certain once other studies confirm them.",
    "Even a well-run study is rarely the last word; other studies need to confirm it.",
)
_ABSTRACT_ONLY = (
    "This summary is based on the abstract, which leaves out many details of the study.",
    "The full paper may hold details that the abstract does not give.",
)
_CARE_TEAM = (
    "If this study raises questions for you, talk to your care team before changing anything.",
    "Talk to your doctor or nurse before making any change to your care.",
    "Any change to treatment or care is best discussed with your own care team.",
)
_NEEDED = NEEDED


def _needed_next(draft: Draft) -> list[Line]:
    """Return what the authors say is needed next, made plain, or a design-based line."""
    for sentence in _needed_sentences(draft):
        if draft.source(sentence).ref in draft.used_refs:
            continue
        lines = source_lines(draft, sentence)
        if len(lines) == 1 and len(lines[0].text.split()) <= 22:
            draft.refs(lines[0].sources)
            return lines
    templates = _NEXT.get(_next_key(draft), _NEXT["unclear"])
    line = fill_line(draft, "next", templates, {})
    if line is None:
        return []
    return [Line(line.text, (draft.fact("evidence", draft.facts.evidence.label),))]


def _next_key(draft: Draft) -> str:
    """Return the `_NEXT` wordings that follow from how this study was done."""
    design = draft.facts.study_design
    if design in ("qualitative", "case_report_or_series"):
        return design
    level = draft.strength.level
    key = "early" if level == "trial" and draft.strength.small else level
    if key == "early" and draft.facts.has_control_group is True:
        return "early_controlled"
    return key


_AUTHORS_LIMITS = LIMITS
# Every match of LIMITS contains one of these: a cheap test before the regular expression.
_LIMIT_WORDS = (
    "quality", "certainty", "bias", "limited", "few ", "small", "heterogene", "imprecis",
    "limitation", "confounding", "cannot be",
)  # fmt: skip


def _authors_limits(draft: Draft) -> list[Line]:
    """Return the authors' own word on the limits of the evidence, made plain, if any."""
    lower = draft.abstract.lower()
    if not any(word in lower for word in _LIMIT_WORDS) or not _AUTHORS_LIMITS.search(
        draft.abstract
    ):
        return []
    for sentence in draft.document.sentences:
        if not _AUTHORS_LIMITS.search(sentence.text):
            continue
        if draft.source(sentence).ref in draft.used_refs or leans_on_context(sentence.text):
            continue
        lines = source_lines(draft, sentence)
        if len(lines) == 1 and len(lines[0].text.split()) <= 22:
            draft.refs(lines[0].sources)
            return lines
    return []


def _needed_sentences(draft: Draft) -> list[Sentence]:
    if not _NEEDED.search(draft.abstract):
        return []
    ordered = draft.sentences_in("CONCLUSIONS") + list(draft.document.sentences)
    seen: dict[int, Sentence] = {}
    for sentence in ordered:
        if sentence.start not in seen and _NEEDED.search(sentence.text):
            seen[sentence.start] = sentence
    return list(seen.values())


_PLANNED = (
    "This paper describes a plan, so it cannot yet tell us whether anything works.",
    "A plan is not a result: only the finished study can show whether anything works.",
)
_PLANNED_SMALL = (
    "It plans to include only {count} people, which is a small number.",
    "With {count} people planned, it will be a small study.",
)


def _planned(draft: Draft) -> list[Line]:
    """Return "keep in mind" for a study protocol: no results, its planned size, the care team."""
    lines: list[Line] = []
    design = draft.fact("study_design", draft.facts.study_design)
    line = fill_line(draft, "planned", _PLANNED, {})
    if line is not None:
        lines.append(Line(line.text, (design,)))
    count = count_phrase(draft)
    if count is not None and draft.strength.small:
        small = fill_line(draft, "planned_small", _PLANNED_SMALL[:1], {"count": count})
        if small is not None:
            lines.append(
                Line(small.text, (*small.sources, draft.fact("limitations.small_sample", "true")))
            )
    return lines + _care_team(draft)


def _care_team(draft: Draft) -> list[Line]:
    """Return the closing pointer to the reader's care team (editorial, so it is not advice)."""
    care = fill_line(draft, "care_team", _CARE_TEAM, {})
    if care is None:
        return []
    note = draft.editorial("care-team", "Standard pointer to the reader's care team; not advice.")
    return [Line(care.text, (note,))]


_EXTRA_KEEP = (
    "This summary is based on the abstract, which leaves out many details of the study.",
    "A single study is rarely the last word; results are more certain once others confirm them.",
)
_EXTRA_PROVIDERS = (
    "Clinicians may want to read the full paper for the methods and the detailed results.",
)


def extra_lines(draft: Draft) -> list[tuple[str, Line]]:
    """Return sentences true of any study, to fill out a summary that came out too short.

    Each carries the section (and part) it belongs to; the engine adds them in order only
    while the summary is under its comfortable minimum length.
    """
    note = draft.editorial("general", "True of any study summarised from its abstract.")
    extras: list[tuple[str, Line]] = [("keep_in_mind", Line(text, (note,))) for text in _EXTRA_KEEP]
    extras += [
        ("why_it_matters", Line(text, (note,), "healthcare_providers")) for text in _EXTRA_PROVIDERS
    ]
    return extras


def write_keep_in_mind(draft: Draft) -> list[Line]:
    """Return the sentences of "keep in mind", in reading order."""
    facts = draft.facts
    flags = facts.limitations
    lines: list[Line] = []

    def add(
        slot: str, templates: tuple[str, ...], fields: dict[str, Phrase | str], ref: str, value: str
    ) -> None:
        line = fill_line(draft, slot, templates, fields)
        if line is not None:
            lines.append(Line(line.text, (*line.sources, draft.fact(ref, value))))

    level = draft.strength.level
    if draft.is_protocol:
        return _planned(draft)
    if level == "lab":
        animals = animal_word(draft) or "the lab"
        add("lab", _LAB, {"animals": animals}, "limitations.animal_or_lab", "true")
        add("lab_carry", _LAB_CARRY, {}, "study_design", facts.study_design)
    if (draft.strength.small or flags.small_sample is True) and facts.study_design not in (
        "case_report_or_series",
        "qualitative",
    ):
        count = count_phrase(draft)
        if count is not None and count.text.replace(",", "").isdigit():
            add("small", _SMALL_WITH_COUNT, {"count": count}, "limitations.small_sample", "true")
        else:
            add("small", _SMALL, {}, "limitations.small_sample", "true")
    observational = flags.observational is True or level == "observational"
    design_key = facts.study_design
    if design_key == "qualitative" and draft.strength.small:
        design_key = "qualitative_small"
    design_limit = _DESIGN_LIMITS.get(design_key)
    if design_limit is not None:
        add("design_limit", design_limit, {}, "study_design", facts.study_design)
    elif flags.no_control is True and observational:
        add(
            "observational",
            _OBSERVATIONAL_NO_CONTROL,
            {},
            "limitations.observational",
            "true",
        )
    elif flags.no_control is True and level != "lab":
        fields: dict[str, Phrase | str] = {}
        if draft.facts.intervention_or_exposure is not None:
            fields["intervention"] = subject_reference(draft)
        add("no_control", _NO_CONTROL, fields, "limitations.no_control", "true")
    elif observational:
        add("observational", _OBSERVATIONAL, {}, "limitations.observational", "true")
    if flags.short_follow_up is True:
        duration = duration_phrase(draft)
        if duration is not None:
            add("short", _SHORT, {"duration": duration}, "limitations.short_follow_up", "true")
    if flags.single_site is True:
        add("single_site", _SINGLE_SITE, {}, "limitations.single_site", "true")
    size = facts.sample_size
    if (
        size.completers
        and size.total
        and size.completers < size.total * 0.85
        and draft.stated(size.completers)
        and draft.stated(size.total)
    ):
        add(
            "dropout",
            _DROPOUT,
            {"completers": str(size.completers), "total": str(size.total)},
            "sample_size.completers",
            str(size.completers),
        )
    if level == "review":
        add("review", _REVIEW, {}, "study_design", facts.study_design)
    if facts.study_design == "feasibility_or_pilot":
        add("pilot", _PILOT, {}, "study_design", facts.study_design)
    lines += _authors_limits(draft)
    if not lines and level in ("trial", "review", "early", "unclear"):
        add("one_study", _ONE_STUDY, {}, "study_design", facts.study_design)
    if len(lines) < 2:
        line = fill_line(draft, "abstract_only", _ABSTRACT_ONLY, {})
        if line is not None:
            lines.append(
                Line(
                    line.text,
                    (
                        draft.editorial(
                            "abstract-only", "The summary is written from the abstract."
                        ),
                    ),
                )
            )
    lines += _needed_next(draft)
    return lines + _care_team(draft)
