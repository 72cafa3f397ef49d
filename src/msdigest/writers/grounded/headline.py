"""Write the headline: the main finding in one sentence, hedged to the evidence.

The finding is the authors' own conclusion (or a declarative title), made plain and
softened; the frame around it says how much weight it bears ("A small early study
suggests that ...", "Early research in mice suggests that ..."). Trials and reviews may
state their finding directly. When no finding can be said plainly, the headline says what
was studied and that the evidence is early, rather than guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from msdigest.facts.document import Sentence
from msdigest.writers.grounded.audiences import headline_from_finding
from msdigest.writers.grounded.candidates import (
    NOT_A_FINDING,
    conclusion_candidates,
    leans_on_context,
    topic_words,
    topic_words_in,
)
from msdigest.writers.grounded.clauses import (
    core_clause,
    first_predicate,
    has_verb,
    tidy,
    trim_clauses,
)
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.counts import count_phrase
from msdigest.writers.grounded.describe import (
    Phrase,
    animal_word,
    condition,
    design_noun,
    topic_subject,
    who_phrase,
)
from msdigest.writers.grounded.findings import findings, is_safety
from msdigest.writers.grounded.hedging import is_hedged, soften
from msdigest.writers.grounded.lines import fill_line
from msdigest.writers.grounded.simplify import Simplified
from msdigest.writers.grounded.subjects import comparison_phrase, intervention_phrase

__all__ = ["write_headline"]

MAX_HEADLINE_WORDS = 25
#: A headline may read harder than the rest (it names the finding); the whole summary
#: still has to meet the grade target.
HEADLINE_GRADE = 20.0

_FRAMES = {
    "lab": (
        "Early research in {animals} suggests that {clause}.",
        "In {animals}, {clause}.",
        "A lab study in {animals} suggests that {clause}, but this is not yet tested in people.",
        "Early lab research suggests that {clause}.",
    ),
    "observational": (
        "{clause}, a study suggests.",
        "{clause}, a study of {count} {who} suggests.",
        "A study of {count} {who} suggests that {clause}.",
        "{clause}, a study of {who} suggests.",
        "A study of {who} suggests that {clause}.",
        "A new study suggests that {clause}.",
    ),
    "small_early": (
        "A small early study suggests that {clause}.",
        "In a small early study, {clause}.",
        "{clause}, a small early study suggests.",
        "A small early study of {count} {who} suggests that {clause}.",
        "{clause}, early work suggests.",
    ),
    "early": (
        "An early study suggests that {clause}.",
        "In an early study, {clause}.",
        "{clause}, an early study suggests.",
        "An early study of {count} {who} suggests that {clause}.",
        "{clause}, early work suggests.",
    ),
    "small_observational": (
        "{clause}, a small study suggests.",
        "{clause}, a small study of {count} {who} suggests.",
        "A small study of {count} {who} suggests that {clause}.",
        "{clause}, a small study suggests.",
        "A small study suggests that {clause}.",
    ),
    "small_trial": (
        "A small trial of {count} {who} suggests that {clause}.",
        "In a small trial, {clause}.",
        "{clause}, a small trial suggests.",
        "A small trial suggests that {clause}.",
    ),
    "trial": (
        "In a trial of {count} {who}, {clause}.",
        "{clause}, a trial of {count} {who} found.",
        "{clause}, a randomised trial found.",
        "A randomised trial found that {clause}.",
        "{clause}.",
    ),
    "small_review": (
        "A small review of earlier studies suggests that {clause}.",
        "{clause}, a small review of earlier studies suggests.",
    ),
    "review": (
        "{clause}, a review of earlier studies found.",
        "A review of earlier studies found that {clause}.",
        "Combining earlier studies, researchers found that {clause}.",
        "{clause}.",
    ),
    # One or a few patients described in detail: "a small study" would promise more.
    # What happened to a patient is told first ("..., a case report suggests"), never as
    # "a case report suggests that the patient stated that ...".
    "case_report": ("{clause}, a case report suggests.",),
    "case_series": (
        "{clause}, a report on {count} {who} suggests.",
        "{clause}, a case series suggests.",
    ),
}
_FALLBACK = {
    "lab": (
        "Early lab research looked at {subject}; it has not been tested in people.",
        "A lab study of {subject} gives early clues that are not yet tested in people.",
    ),
    "review": (
        "A review of earlier studies looked at {subject} in {who}.",
        "Researchers weighed up earlier studies on {subject} in {who}.",
    ),
    "small_review": (
        "A small review of earlier studies looked at {subject}; its findings may need confirming.",
    ),
    "trial": (
        "A trial in {who} looked at {subject}.",
        "Researchers looked at {subject} in a trial of {who}.",
    ),
    "small_trial": (
        "A small trial in {who} looked at {subject}.",
        "Researchers looked at {subject} in a small trial of {who}.",
    ),
    "other_small": (
        "An early study of {who} looked at {subject}; its findings may need confirming.",
        "A small early look at {subject} in {who} offers clues that may need confirming.",
        "First clues about {subject} come from a small study of {who}.",
        "A small study of {who} looked at {subject}; its results are early.",
    ),
    "case_report": (
        "A case report about {who} looked at {subject}; it offers early clues.",
        "A case report looked at {subject} in {who}; it offers early clues.",
    ),
    "case_series": (
        "A case series of {who} looked at {subject}; it offers early clues.",
        "A case series looked at {subject} in {who}; it offers early clues.",
    ),
    "other": (
        "An early study of {who} looked at {subject}; its findings may need confirming.",
        "Researchers took an early look at {subject} in {who}; the findings need confirming.",
        "A study of {who} looked at {subject}; its results are early.",
    ),
}


def _frame_key(draft: Draft) -> str:
    strength = draft.strength
    if draft.facts.study_design == "case_report_or_series":
        return _case_key(draft)
    if strength.level == "lab":
        return "lab"
    if strength.level == "review":
        return "small_review" if strength.small else "review"
    if strength.level == "trial":
        return "small_trial" if strength.small else "trial"
    if strength.level == "early":
        return "small_early" if strength.small else "early"
    return "small_observational" if strength.small else "observational"


def _subject(draft: Draft) -> Phrase | None:
    intervention = intervention_phrase(draft)
    if intervention is not None:
        return intervention
    return topic_subject(draft)


_REPORTED = re.compile(
    r"^(?:the |these |our |this )?(?:results?|data|findings|study|researchers|authors|"
    r"evidence)\b",
    re.IGNORECASE,
)
_NAME_ENDING = re.compile(r"(?:mab|nib|mod|imod|limus|ast|ine|ate|ide|ol|one|in|il|an|ex)$")


def _conclusions(draft: Draft) -> list[Sentence]:
    """Return the sentences that may hold the authors' conclusion, best first.

    The authors' own conclusion comes first, then other concluding sentences; among
    equals, the one that names what was studied, then the shorter. Ranking uses the source
    text, so only the sentences actually tried are simplified.
    """
    candidates = list(conclusion_candidates(draft))[:6]
    authoritative = {s.start for s in candidates[:2] if s.category == "CONCLUSIONS"}
    if draft.facts.conclusion is not None:
        anchor = draft.sentence_at(draft.facts.conclusion.span)
        if anchor is not None:
            authoritative.add(anchor.start)
    topic = topic_words(draft)
    return sorted(
        candidates,
        key=lambda s: (
            0 if s.start in authoritative else 1,
            -len(topic_words_in(s.text) & topic),
            len(s.text) // 60,
        ),
    )


def _results(draft: Draft) -> list[Sentence]:
    """Return the results that went one way or the other, the primary outcome's first.

    A finding in the authors' results is a better headline than the title or "a study
    looked at ..."; they are only read (and simplified) when no conclusion would do.
    """
    seen = {s.start for s in conclusion_candidates(draft)}
    about_safety = _SAFETY_TITLE.search(draft.paper.title) is not None
    told = findings(draft)[:4]
    # An observational study may find how common something is: its first finding need not
    # go one way or the other ("104 of 301 people had trouble with thinking").
    describes = draft.strength.level == "observational"
    return [
        f.sentence
        for number, f in enumerate(told)
        if (f.direction is not None or (describes and number == 0))
        and f.sentence.start not in seen
        and (about_safety or not is_safety(f.sentence.text))
    ]


_SAFETY_TITLE = re.compile(r"\b(?:safety|tolerability|adverse|side effects?)\b", re.I)


def _ordered_groups(draft: Draft) -> Iterator[list[Sentence]]:
    """Yield the sentences that may hold the headline's finding, group by group, lazily."""
    yield _conclusions(draft)
    yield _results(draft)
    if states_finding(draft.paper.title):
        yield [draft.document.title]


# "in this recent group", "in this clinic population": the headline comes before the study
# it would point back to, so the phrase goes (the frame says what the study was).
_THIS_GROUP = re.compile(
    r",? in this (?:[\w-]+ ){0,2}(?:cohort|group|population|sample|series)\b(?=[,.]|\s+and\b|$)",
    re.IGNORECASE,
)


def _clauses_of(draft: Draft, sentence: Sentence) -> list[tuple[str, str | None]]:
    """Return the finding of one sentence as headline clauses (full, then trimmed).

    Each comes with the one rare name it needs introduced, if any (see `_single_name`).
    """
    simplified = draft.simplify(sentence)
    if not simplified.sentences:
        return []
    if not simplified.usable_up_to(HEADLINE_GRADE):
        # A headline uses only the first sentence, and only its claim: "These results
        # suggest that ..." goes, and so does a second claim when the first is too long.
        first = simplified.sentences[0]
        for text in (first, first_predicate(first)):
            core, cut = core_clause(text)
            candidate = draft.simplifier.assess(sentence.text, [core + "."] if cut else [text])
            if candidate.usable_up_to(HEADLINE_GRADE) or _single_name(candidate):
                simplified = candidate
                break
    name = _single_name(simplified)
    if not simplified.usable_up_to(HEADLINE_GRADE) and name is None:
        return []
    clause, _cut = core_clause(simplified.sentences[0])
    safe = soften(clause, draft.strength)
    if safe:
        safe = _THIS_GROUP.sub("", safe)
    if not safe or len(safe.split()) < 4 or not has_verb(safe) or leans_on_context(safe):
        return []
    if NOT_A_FINDING.search(safe):
        return []
    if re.search(r"[:\"'\u2018\u2019\u201c\u201d]", safe.replace("'s ", "s ")):
        return []  # a list or a quotation is not a headline
    found = [(safe, name)]
    shorter = trim_clauses(safe).rstrip(".")
    if shorter != safe and len(shorter.split()) >= 6 and has_verb(shorter):
        shorter = shorter[:1].lower() + shorter[1:] if safe[:1].islower() else shorter
        found.append((shorter, name))
    return found


def _single_name(simplified: Simplified) -> str | None:
    """Return the one rare word that alone keeps a sentence out, if it is a name to introduce.

    A compound or drug code ("propionate", "EXB-088") can be introduced by the summary
    ("something called propionate"); a short form in capitals ("SDMT") cannot.
    """
    others = [p for p in simplified.problems if not p.startswith(("grade ", "hard words"))]
    if others or len(simplified.hard) != 1 or simplified.grade > HEADLINE_GRADE:
        return None
    word = simplified.hard[0]
    if re.fullmatch(r"[A-Z]{2,6}s?", word):
        return None
    # Only a name can be introduced as "something called ...": a code such as EXB-088,
    # or a compound or medicine ("propionate", "ibudilast"); not a hard ordinary word.
    if re.search(r"\d|[A-Z]", word[1:]) or _NAME_ENDING.search(word.lower()):
        return word
    return None


_TITLE_VERBS = re.compile(
    r"\b(?:is|are|was|were|does|do|did|has|have|can|may|improves?|improved|reduces?|reduced|"
    r"increases?|increased|decreases?|decreased|predicts?|predicted|protects?|protected|"
    r"promotes?|promoted|worsens?|worsened|modif(?:y|ies|ied)|affects?|affected|alters?|"
    r"altered|prevents?|prevented|lowers?|lowered|raises?|raised|drives?|causes?|caused|"
    r"shows?|showed|reveals?|revealed|links?|linked|helps?|helped|slows?|slowed|"
    r"delays?|delayed|restores?|restored|boosts?|boosted|tracks?|tracked|matters?)\b",
    re.IGNORECASE,
)


def states_finding(title: str) -> bool:
    """Return True for a title that states a finding ("Exercise improves fatigue in MS")."""
    head = title.split(":")[0]
    return not title.rstrip().endswith("?") and ":" not in title and bool(_TITLE_VERBS.search(head))


def _names_people(clause: str) -> bool:
    return (
        re.search(r"\b(?:people|patients|adults|women|men|children|mice|rats)\b", clause)
        is not None
    )


def _case_key(draft: Draft) -> str:
    """Return "case_series" for a report on several patients, else "case_report"."""
    total = draft.facts.sample_size.total
    return "case_series" if total is not None and total > 1 else "case_report"


def _framed(
    draft: Draft,
    key: str,
    clause: str,
    name: str | None,
    sentence: Sentence,
    who: Phrase,
    count: Phrase | None,
    animals: str,
) -> Line | None:
    """Return the clause in a frame that fits the evidence, or None if none fits."""
    origin = draft.source(sentence)
    if name is not None:
        draft.allow(name, origin)
    fields: dict[str, Phrase | str] = {
        "clause": clause,
        "who": who,
        "animals": animals if animals != "cells in the lab" else "cells",
    }
    if count is not None:
        fields["count"] = count
    frames = list(_FRAMES[key])
    if _REPORTED.match(clause):
        # "results from this study showed ..." already reports; do not stack "suggests that".
        frames = [f for f in frames if "that {clause}" not in f] or frames
    if clause.lower().startswith("in "):
        # "In cells, in neuron co-cultures, ...": one opening place is enough.
        frames = [f for f in frames if not f.startswith("In ")] or frames
    if _names_people(clause):
        # "... in people with MS, a study of 62 people with MS suggests" says it twice.
        frames = [f for f in frames if "{who}" not in f] or frames
    hedge = is_hedged if draft.strength.needs_hedged_headline else None
    line = fill_line(
        draft, "headline", tuple(frames), fields, max_words=MAX_HEADLINE_WORDS, require=hedge
    )
    if line is None:
        if name is not None:
            draft.disallow(name)
        return None
    draft.refs([origin])
    return Line(tidy(line.text), (origin, *line.sources))


def write_headline(draft: Draft) -> Line:
    """Return the one-sentence headline of the summary."""
    key = _frame_key(draft)
    count = count_phrase(draft)
    who = who_phrase(draft)
    if draft.is_protocol:
        return _planned(draft, who)
    animals = animal_word(draft) or "the lab"
    for group in _ordered_groups(draft):
        # First findings that need no rare name introduced, then those that need one.
        for with_name in (False, True):
            for sentence in group:
                for clause, name in _clauses_of(draft, sentence):
                    if (name is not None) != with_name:
                        continue
                    line = _framed(draft, key, clause, name, sentence, who, count, animals)
                    if line is not None:
                        return line
    composed = headline_from_finding(draft, who)
    if composed is not None:
        return Line(tidy(composed.text), composed.sources)
    return _fallback(draft, who)


_PLANNED = (
    "A planned early study of {subject} in {who} has no results yet.",
    "Researchers describe a planned early study of {subject} in {who}; there are no results yet.",
    "A planned early study in {who} has no results yet.",
)


def _planned(draft: Draft, who: Phrase) -> Line:
    """Return the headline of a study protocol: what is planned, and that there are no results."""
    fields: dict[str, Phrase | str] = {"who": who}
    subject = _subject(draft)
    if subject is not None:
        fields["subject"] = subject
    line = fill_line(draft, "headline", _PLANNED, fields, max_words=MAX_HEADLINE_WORDS)
    if line is not None:
        return line
    return Line("A planned early study has no results yet.", (who.source,))


_FALLBACK_NO_SUBJECT = (
    "An early study of {who} offers first clues that may need confirming.",
    "Researchers took an early look at {who}; the findings need confirming.",
)
_FALLBACK_NO_SUBJECT_TRIAL = (
    "A randomised trial in {who} reports results that need a careful read.",
    "Researchers ran a randomised trial in {who}; its results need confirming.",
)
_FALLBACK_COMPARED = (
    "{design} compared {subject} with {comparison} in {who}.",
    "{subject} was compared with {comparison} in {design} of {who}.",
    "{design} compared {subject} with {comparison}.",
)


def _fallback(draft: Draft, who: Phrase) -> Line:
    subject = _subject(draft)
    if subject is None:
        templates = (
            _FALLBACK_NO_SUBJECT_TRIAL
            if draft.facts.study_design == "randomized_controlled_trial"
            else _FALLBACK_NO_SUBJECT
        )
        line = fill_line(draft, "headline", templates, {"who": who}, max_words=MAX_HEADLINE_WORDS)
        if line is not None:
            return line
        subject = Phrase(condition(draft), draft.fact("study_design", draft.facts.study_design))
    comparison = comparison_phrase(draft)
    if comparison is not None and draft.strength.firm:
        fields: dict[str, Phrase | str] = {
            "design": Phrase(
                design_noun(draft),
                draft.fact("study_design", draft.facts.study_design, draft.facts.design_span),
            ),
            "subject": subject,
            "comparison": comparison,
        }
        if who.text != "people":  # "... in people" says nothing
            fields["who"] = who
        compared = fill_line(
            draft, "headline", _FALLBACK_COMPARED, fields, max_words=MAX_HEADLINE_WORDS
        )
        if compared is not None:
            return compared
    level = draft.strength.level
    if draft.facts.study_design == "case_report_or_series":
        key = _case_key(draft)
    elif level == "review":
        key = "small_review" if draft.strength.small else "review"
    elif level == "lab":
        key = "lab"
    elif level == "trial":
        key = "small_trial" if draft.strength.small else "trial"
    else:
        key = "other_small" if draft.strength.small else "other"
    line = fill_line(draft, "headline", _FALLBACK[key], {"subject": subject, "who": who})
    if line is not None:
        return line
    noun = design_noun(draft)
    text = tidy(f"{noun} looked at {who.text}; its findings are early")
    return Line(text, (who.source,))
