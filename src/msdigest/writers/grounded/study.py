"""Write "the study": who took part, how many, what was done, for how long, what was found.

The frame (design, people, count, treatment, length) is built from the facts, one plain
sentence each. What was found comes from the authors' own result and conclusion
sentences, simplified and worded to the evidence; a sentence that stays too hard, holds
statistics or a number the source does not state is left out rather than forced in.
"""

from __future__ import annotations

import re

from msdigest.facts.model import TextFact
from msdigest.summary import Provenance
from msdigest.writers.grounded.candidates import NOT_A_FINDING, conclusion_candidates
from msdigest.writers.grounded.clauses import core_clause, first_predicate, has_verb
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.counts import count_phrase, groups_phrase, single_case
from msdigest.writers.grounded.describe import (
    Phrase,
    animal_word,
    condition,
    design_noun,
    duration_phrase,
    who_phrase,
)
from msdigest.writers.grounded.findings import findings, primary_outcome
from msdigest.writers.grounded.hedging import soften
from msdigest.writers.grounded.lines import fill_line
from msdigest.writers.grounded.practical import schedule_phrase
from msdigest.writers.grounded.subjects import (
    comparison_phrase,
    intervention_phrase,
    outcome_phrases,
    outcome_phrases_of,
    with_article,
)

__all__ = ["FINDING", "conclusion_line", "write_study"]

#: The `part` of a study line that tells a finding (the engine keeps the first of them).
FINDING = "finding"

_INTRO_WITH_COUNT = (
    "Researchers ran {design} with {count} {who}.",
    "This was {design} of {count} {who}.",
    "{design} looked at {count} {who}.",
    "The study team worked with {count} {who} in {design}.",
)
# A report on patients is not "run" with them: it describes what happened to them.
_INTRO_CASES = (
    "This {design} describes {count} {who}.",
    "The report describes {count} {who}.",
)
_INTRO_PLANNED = (
    "This paper plans {design} with {count} {who}.",
    "The plan is {design} with {count} {who}.",
    "This paper plans {design} in {who}.",
)
_INTRO_CELLS = (
    "This was {design} using cells grown in the lab.",
    "Researchers ran {design} with cells grown in the lab.",
)
_INTRO_SINGLE = (
    "This case report describes {single} with {ms}.",
    "The report follows {single} with {ms}.",
)
_INTRO_LABELLED = (
    "This was {design} of {groups}.",
    "Researchers ran {design} with {groups}.",
)
_INTRO_GROUPS = (
    "This was {design} in {who}, with {groups}.",
    "Researchers ran {design} in {who}, with {groups}.",
)
_INTRO_WITHOUT_COUNT = (
    "This was {design} in {who}.",
    "Researchers ran {design} in {who}.",
    "{design} looked at {who}.",
)
_REVIEW_INTRO = (
    "The researchers brought together {studies} studies, with {count} people in all.",
    "This review combined {studies} studies that together included {count} people.",
)
_REVIEW_INTRO_STUDIES = (
    "The researchers brought together {studies} earlier studies.",
    "This review brought together {studies} studies on the question.",
)
_REVIEW_INTRO_COUNT = (
    "The researchers brought together earlier research with {count} people in all.",
)
_REVIEW_INTRO_BARE = (
    "The researchers searched for earlier studies on this question and weighed them together.",
    "This review brought together the studies already done on this question.",
)
_DESIGN_EXPLAINED = {
    "randomized_controlled_trial": (
        "Chance decided who got which treatment, which keeps the comparison fair.",
        "People were put into groups by chance, so the groups started out alike.",
    ),
    "non_randomized_trial": (
        "The groups were not formed by chance, so they may have differed from the start.",
    ),
    "single_arm_trial": (
        "Everyone got the same treatment, and there was no separate comparison group.",
        "There was no comparison group: everyone in the study got the same treatment.",
    ),
    "feasibility_or_pilot": (
        "A pilot study checks whether a bigger study can work before it is run.",
        "Pilot studies test whether a larger study is possible before it starts.",
    ),
    "cohort": (
        "The researchers did not assign any treatment; they watched what happened over time.",
        "Nobody was given a treatment for the study; the researchers observed people over time.",
    ),
    "case_control": (
        "The researchers compared people who had a condition with similar people who did not.",
    ),
    "cross_sectional": (
        "It looked at people at a single point in time, like a snapshot.",
        "It measured people at a single point in time rather than following them.",
    ),
    "case_report_or_series": (
        "Reports like this describe what happened to individual patients in detail.",
    ),
    "systematic_review": ("A review like this weighs up the studies already done on a question.",),
    "meta_analysis": (
        "Combining the results of several studies can give a clearer overall answer.",
    ),
    "qualitative": (
        "The researchers talked with people in depth and looked for shared themes.",
        "In-depth interviews were used to find out what mattered to people.",
    ),
}
_DONE_COMPARED = (
    "People were assigned to {intervention} or {comparison} for {duration}.",
    "Some got {intervention} and the others {comparison}, for {duration}.",
    "People were assigned to {intervention} or {comparison}.",
    "Some got {intervention} and the others {comparison}.",
)
_DONE_TO_GROUP = (
    "People were assigned to {intervention} or to {comparison} for {duration}.",
    "People were assigned to {intervention} or to {comparison}.",
)
_DONE_VERSUS_CONTROL = (
    "Some people got {intervention} for {duration}; the others were in a comparison group.",
    "Some people got {intervention}; the others were in a comparison group.",
)
_DONE_SINGLE = (
    "Everyone got {intervention} for {duration}.",
    "All of them had {intervention} for {duration}.",
    "Everyone got {intervention}.",
)
_DONE_EXPOSURE = (
    "The researchers looked at {intervention}.",
    "The focus was {intervention}.",
)
_DONE_LAB = (
    "The researchers tested {intervention} in {animals}.",
    "The {animals} were given {intervention}.",
)
_DONE_DURATION = (
    "The study lasted {duration}.",
    "People were followed for {duration}.",
)
_DURATION_PLANNED = ("The study is planned to last {duration}.",)
_DURATION_SINGLE = ("The report covers {duration}.",)
_SPAN = re.compile(r"\b(?:over|for) \d+ (?:days|weeks|months)\b")
_OUTCOMES = (
    "The researchers measured {outcomes}.",
    "The main measures were {outcomes}.",
    "They tracked {outcomes}.",
)
_OUTCOME = (
    "The researchers measured {outcomes}.",
    "The main measure was {outcomes}.",
    "They tracked {outcomes}.",
)
_CONCLUSION = (
    "The authors concluded that {clause}.",
    "The study team's conclusion was that {clause}.",
    "In the end, the researchers judged that {clause}.",
)
_COMPLETERS = (
    "Of these, {completers} finished the study.",
    "In the end, {completers} people completed it.",
)
_NO_COUNT = {
    "lab": "The abstract does not say how many animals or samples were used.",
    "review": "The abstract does not say how many people the studies included in all.",
    "other": "The abstract does not say how many people took part.",
}
_TRIAL_DESIGNS = {
    "randomized_controlled_trial",
    "non_randomized_trial",
    "feasibility_or_pilot",
}


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _intro(draft: Draft) -> list[Line]:
    design = design_noun(draft)
    who = who_phrase(draft)
    design_fact = Phrase(
        design, draft.fact("study_design", draft.facts.study_design, draft.facts.design_span)
    )
    count = count_phrase(draft)
    level = draft.strength.level
    if level == "review":
        size = draft.facts.sample_size
        studies = (
            Phrase(str(size.studies), draft.fact("sample_size.studies", str(size.studies)))
            if size.studies and size.studies > 1 and draft.stated(size.studies)
            else None
        )
        fields: dict[str, Phrase | str] = {"design": design_fact}
        if studies and count:
            line = fill_line(draft, "intro", _REVIEW_INTRO, {"studies": studies, "count": count})
        elif studies:
            line = fill_line(draft, "intro", _REVIEW_INTRO_STUDIES, {"studies": studies})
        elif count:
            line = fill_line(draft, "intro", _REVIEW_INTRO_COUNT, {"count": count})
        else:
            line = fill_line(draft, "intro", _REVIEW_INTRO_BARE, fields)
        return [line] if line else []
    if draft.is_protocol:
        fields_planned: dict[str, Phrase | str] = {"design": design_fact, "who": who}
        if count is not None:
            fields_planned["count"] = count
        line = fill_line(draft, "intro", _INTRO_PLANNED, fields_planned)
        return [line] if line else []
    groups = groups_phrase(draft) if count is None else None
    single = single_case(draft)
    if single is not None:
        fields = {"design": design_fact, "single": single, "ms": condition(draft)}
        line = fill_line(draft, "intro", _INTRO_SINGLE, fields)
        return [line] if line else []
    if count is not None and draft.facts.study_design == "case_report_or_series":
        short = Phrase(design_noun(draft, short=True), design_fact.source)
        line = fill_line(
            draft, "intro", _INTRO_CASES, {"design": short, "count": count, "who": who}
        )
    elif count is not None and level != "lab":
        line = fill_line(
            draft, "intro", _INTRO_WITH_COUNT, {"design": design_fact, "count": count, "who": who}
        )
    elif groups is not None and level != "lab":
        labelled = not groups.text.startswith("groups of") and "each group" not in groups.text
        templates = _INTRO_LABELLED if labelled else _INTRO_GROUPS
        line = fill_line(
            draft, "intro", templates, {"design": design_fact, "groups": groups, "who": who}
        )
    elif who.text == "cells in the lab":
        line = fill_line(draft, "intro", _INTRO_CELLS, {"design": design_fact})
    else:
        line = fill_line(draft, "intro", _INTRO_WITHOUT_COUNT, {"design": design_fact, "who": who})
    return [line] if line else []


def _design_explained(draft: Draft) -> list[Line]:
    design = draft.facts.study_design
    source = draft.fact("study_design", design, draft.facts.design_span)
    if design == "animal_or_lab":
        text = draft.phrasing.fill(
            "design",
            ("No people took part in this work.", "People were not part of this work."),
            {},
        )
        return [Line(text, (source,))] if text else []
    templates = _DESIGN_EXPLAINED.get(design)
    if not templates:
        return []
    if design == "single_arm_trial" and draft.facts.has_control_group is True:
        return []
    text = draft.phrasing.fill("design", templates, {})
    return [Line(text, (source,))] if text else []


def _what_was_done(draft: Draft) -> list[Line]:
    intervention = intervention_phrase(draft, introduce=True)
    comparison = comparison_phrase(draft)
    if comparison is not None:
        comparison = Phrase(with_article(comparison.text), comparison.source)
    duration = duration_phrase(draft)
    if duration is not None and intervention is not None:
        number = re.match(r"\S+", duration.text)
        if number and re.search(rf"\b{re.escape(number.group())}[- ]", intervention.text):
            duration = None  # "a 12-week programme for 12 weeks" says it twice
    design = draft.facts.study_design
    fields: dict[str, Phrase | str] = {}
    if intervention:
        fields["intervention"] = intervention
    if comparison:
        fields["comparison"] = comparison
    schedule = schedule_phrase(draft)
    own_length = schedule is not None and _SPAN.search(schedule.text) is not None
    if duration and not own_length:
        # "8 sessions over 4 weeks" with "3 months" of follow-up: the programme did not last
        # the follow-up, so the length is told on its own below.
        fields["duration"] = duration
    line: Line | None = None
    if intervention and comparison and design in _TRIAL_DESIGNS:
        group = re.search(r"\bgroup\b", comparison.text) is not None
        line = fill_line(draft, "done", _DONE_TO_GROUP if group else _DONE_COMPARED, fields)
    elif (
        intervention
        and design in (*_TRIAL_DESIGNS, "single_arm_trial")
        and (draft.facts.has_control_group is not True)
    ):
        line = fill_line(draft, "done", _DONE_SINGLE, fields)
    elif intervention and design in _TRIAL_DESIGNS:
        line = fill_line(draft, "done", _DONE_VERSUS_CONTROL, fields)
    elif intervention and draft.strength.level == "observational":
        line = fill_line(draft, "done", _DONE_EXPOSURE, fields)
    elif intervention and draft.strength.level == "lab":
        animals = animal_word(draft)
        if animals and animals != "cells in the lab":
            fields["animals"] = animals
            line = fill_line(draft, "done", _DONE_LAB[:1], fields)
    lines = [line] if line else []
    mentioned = line is not None and duration is not None and duration.text in line.text
    if duration and not mentioned and draft.strength.level not in ("review", "lab"):
        templates: tuple[str, ...] = _DONE_DURATION
        if draft.is_protocol:
            templates = _DURATION_PLANNED
        elif single_case(draft) is not None:
            templates = _DURATION_SINGLE
        extra = fill_line(draft, "duration", templates, {"duration": duration})
        if extra:
            lines.append(extra)
    return lines


_MAIN_MEASURE_PLANNED = ("The main measures will be {primary}.",)
_MAIN_MEASURE = (
    "The main measure was {primary}.",
    "The researchers mainly measured {primary}.",
)


def _main_measure(draft: Draft) -> list[Line]:
    """Return the primary outcome as the methods state it, made plain ("the 6-minute ...")."""
    primary = primary_outcome(draft, stated=True)
    if primary is None:
        return []
    primary = re.sub(r",? and (?:participants|people|patients) were .*$", "", primary)
    plain = draft.plain_phrase(primary, max_words=14)
    if plain is None or has_verb(plain):
        return []
    source = next(
        (draft.source(s) for s in draft.document.sentences if primary in s.text),
        draft.fact("outcomes", primary),
    )
    templates = _MAIN_MEASURE_PLANNED if draft.is_protocol else _MAIN_MEASURE
    line = fill_line(draft, "outcomes", templates, {"primary": Phrase(plain, source)})
    return [line] if line is not None else []


def _outcomes(draft: Draft) -> list[Line]:
    told = findings(draft)
    if told and told[0].primary:
        return []  # the first finding names the main measure itself
    main = _main_measure(draft)
    if main:
        return main
    phrases = outcome_phrases(draft)
    if not phrases or len(findings(draft)) >= 2:
        return []  # the findings say what was measured
    templates = _OUTCOMES if len(phrases) > 1 else _OUTCOME
    text = draft.phrasing.fill(
        "outcomes", templates, {"outcomes": _join([p.text for p in phrases])}, draft.acceptable
    )
    if text is None:
        return []
    return [Line(text, tuple(p.source for p in phrases))]


def _results(draft: Draft, limit: int) -> list[Line]:
    """Return the findings in reading order: the primary result first, then key others."""
    lines: list[Line] = []
    for finding in findings(draft):
        if len(lines) >= limit:
            break
        provenance = draft.source(finding.sentence)
        if provenance.ref in draft.used_refs:
            continue
        lines.extend(Line(line.text, line.sources, FINDING) for line in finding.lines)
        draft.refs([provenance])
    if not lines and findings(draft):
        # The headline took the only finding: "the study" must still say what was found.
        finding = findings(draft)[0]
        lines.extend(Line(line.text, line.sources, FINDING) for line in finding.lines)
    return lines


def conclusion_line(
    draft: Draft, templates: tuple[str, ...] = _CONCLUSION, reuse: bool = False
) -> Line | None:
    """Return the authors' conclusion, framed as theirs, if it can be said plainly.

    With `reuse`, a conclusion already used (by the headline) may be told again.
    """
    for sentence in conclusion_candidates(draft):
        provenance = draft.source(sentence)
        if provenance.ref in draft.used_refs and not reuse:
            continue
        simplified = draft.simplify(sentence)
        if not simplified.usable and simplified.sentences:
            # Too long with two claims: the first claim alone may do.
            first = first_predicate(simplified.sentences[0])
            if first != simplified.sentences[0]:
                simplified = draft.simplifier.assess(sentence.text, [first])
        if not simplified.usable or len(simplified.sentences) != 1:
            continue
        clause, _cut = core_clause(simplified.sentences[0])
        safe = soften(clause, draft.strength)
        if not safe or len(safe.split()) < 4 or NOT_A_FINDING.search(safe):
            continue
        text = draft.phrasing.fill("conclusion", templates, {"clause": safe})
        if text is None or not draft.numbers_ok(text) or len(text.split()) > 25:
            continue
        draft.refs([provenance])
        return Line(text, (provenance,), FINDING)
    return None


_FROM_FACTS = {
    "no clear difference": ("There was no clear difference in {outcome}.",),
    "improved": ("The researchers reported that {outcome} improved.",),
    "worsened": ("The researchers reported that {outcome} got worse.",),
}


# Qualities that are judged, not measured: "safety got worse" tells the reader nothing.
_NO_WAY = re.compile(r"(?:safety|tolerability|acceptability|feasibility)\b", re.IGNORECASE)


def _result_from_facts(draft: Draft) -> list[Line]:
    """Return one extracted result in plain words, when no sentence of the authors can be used.

    Only for studies that tested something (trials, reviews of trials): in an observational
    study "worse" means "worse in one group than another", which "got worse" would misstate.
    """
    if draft.strength.level not in ("trial", "early", "review"):
        return []
    for result in draft.facts.results:
        templates = _FROM_FACTS.get(result.direction)
        if templates is None:
            continue
        fact = TextFact(result.outcome, result.span)
        phrases = outcome_phrases_of(draft, (fact,))
        if not phrases or (
            result.direction != "no clear difference" and _NO_WAY.match(phrases[0][1])
        ):
            continue
        source = draft.fact("results", result.outcome, result.span)
        outcome = Phrase(phrases[0][1], source)
        line = fill_line(draft, "from_facts", templates, {"outcome": outcome})
        if line is not None:
            return [Line(line.text, line.sources, FINDING)]
    return []


def _completers(draft: Draft) -> list[Line]:
    size = draft.facts.sample_size
    if not size.completers or size.total is None or size.completers >= size.total:
        return []
    if not (draft.stated(size.completers) and draft.stated(size.total)):
        return []
    phrase = Phrase(
        str(size.completers), draft.fact("sample_size.completers", str(size.completers))
    )
    line = fill_line(draft, "completers", _COMPLETERS, {"completers": phrase})
    return [line] if line else []


def _no_count(draft: Draft) -> list[Line]:
    if count_phrase(draft) is not None or single_case(draft) is not None:
        return []
    if groups_phrase(draft) is not None and draft.strength.level != "lab":
        return [
            Line(
                "The abstract gives the size of each group but no overall total.",
                (draft.fact("sample_size", draft.facts.sample_size.reason or "group counts"),),
            )
        ]
    if draft.facts.sample_size.total is not None:
        # The facts know a count this summary could not state in the source's own numbers:
        # saying "the abstract does not say" would be untrue, so say nothing; the
        # completeness check flags the missing count for the editor.
        return []
    level = draft.strength.level
    if level == "review" and draft.facts.sample_size.studies:
        key = "review"
    elif level == "lab":
        key = "lab"
    else:
        key = "other" if level != "review" else "review"
    reason = draft.facts.sample_size.reason or "no participant count in the abstract"
    return [Line(_NO_COUNT[key], (draft.fact("sample_size", reason),))]


_PROTOCOL = (
    "This paper describes the plan for the study; it has no results yet.",
    "The paper sets out how the study will be run, so there are no results yet.",
)
_SOMETHING_CALLED = (
    "The research also looked at something called {word}.",
    "The study also looked at something called {word}.",
)
_NAMED = {
    "review": (
        "The review looked at {intervention}.",
        "The studies in this review tested {intervention}.",
    ),
    "lab": ("The researchers tested {intervention}.",),
    "other": (
        "The treatment tested was {intervention}.",
        "The study tested {intervention}.",
    ),
}


def _introduce_name(draft: Draft, lines: list[Line]) -> list[Line]:
    """Return a line naming the tested treatment, if it has a rare name not yet introduced.

    The name is then explained where it first appears ("a treatment called ibudilast"),
    so the authors' sentences that use it can be kept.
    """
    found: list[Line] = []
    said = " ".join(line.text for line in lines)
    if draft.simplifier.allowed and " called " not in said:
        intervention = intervention_phrase(draft, introduce=True)
        if intervention is not None and " called " in intervention.text:
            level = draft.strength.level
            templates = _NAMED.get(level, _NAMED["other"])
            line = fill_line(draft, "named", templates, {"intervention": intervention})
            if line is not None:
                found.append(line)
                said += " " + line.text
    for word, source in draft.to_introduce.items():
        if re.search(rf"\bcalled (?:\S+ ){{0,2}}{re.escape(word)}\b", said):
            continue
        line = _introduce_other(draft, word, source)
        if line is not None:
            found.append(line)
    return found


_ANOTHER_ARM = (
    "Another group got a treatment called {word}.",
    "A further group was given a treatment called {word}.",
)


def _introduce_other(draft: Draft, word: str, source: Provenance) -> Line | None:
    """Return the line that introduces a rare name the headline uses, saying what it was.

    A name listed between the tested treatment and the comparison ("randomised to A, B or
    placebo") is another arm of the trial, and is told as such; "something called B"
    alone would tell the reader nothing about the part it played.
    """
    arm = _arm_between(draft, word)
    if arm is not None:
        text = draft.phrasing.fill("named_other", _ANOTHER_ARM, {"word": word})
        if text is not None:
            return Line(text, (arm,))
    named = _with_head(word, source.text)
    text = draft.phrasing.fill("named_other", _SOMETHING_CALLED, {"word": named})
    return Line(text, (source,)) if text is not None else None


# Everyday nouns that say what kind of thing a name is: "Cawthorne-Cooksey exercises".
_KIND = re.compile(
    r"(?:exercises?|training|therapy|programs?|programmes?|diet|app|device|technique|"
    r"method|approach|vaccines?|supplements?|injections?|infusions?|tablets?)\b"
)


def _with_head(word: str, source_text: str) -> str:
    """Return `word` with the everyday noun that follows it in the source, if any.

    "something called Cawthorne-Cooksey" says nothing; "something called Cawthorne-Cooksey
    exercises" tells the reader what it was, in the source's own words.
    """
    match = re.search(rf"\b{re.escape(word)}\s+(?P<kind>\S+)", source_text)
    if match is None or not _KIND.fullmatch(match.group("kind").rstrip(".,;:")):
        return word
    return f"{word} {match.group('kind').rstrip('.,;:')}"


def _arm_between(draft: Draft, word: str) -> Provenance | None:
    """Return the arms sentence when `word` is listed between the treatment and the comparison."""
    tested, compared = draft.facts.intervention_or_exposure, draft.facts.comparison
    if tested is None or compared is None or tested.span is None or compared.span is None:
        return None
    sentence = draft.sentence_at(tested.span)
    if sentence is None or not sentence.start <= compared.span.start < sentence.end:
        return None
    between = draft.abstract[tested.span.end : compared.span.start]
    if not re.fullmatch(rf"[^;]*,\s*{re.escape(word)}\b[^;]*", between, re.IGNORECASE):
        return None
    return draft.source(sentence)


def write_study(draft: Draft, result_limit: int = 3) -> list[Line]:
    """Return the sentences of "the study" section, in reading order."""
    lines = _intro(draft)
    lines += _design_explained(draft)
    lines += _what_was_done(draft)
    lines += _introduce_name(draft, lines)
    lines += _completers(draft)
    lines += _outcomes(draft)
    lines += _no_count(draft)
    if draft.is_protocol:
        line = fill_line(draft, "protocol", _PROTOCOL, {})
        if line is not None:
            lines.append(Line(line.text, (draft.fact("study_design", draft.facts.study_design),)))
        return lines
    found = _results(draft, result_limit)
    conclusion = conclusion_line(draft)
    if conclusion is None and not found:
        # "The study" always says what was found when the abstract says it.
        conclusion = conclusion_line(draft, reuse=True)
        found = found or ([] if conclusion is not None else _result_from_facts(draft))
    lines += found
    if conclusion is not None:
        lines.append(conclusion)
    return lines
