"""Say what was tested, compared and measured, in plain words a sentence can hold.

The treatment (or exposure), what it was compared with and the outcomes come from the
facts; each is kept only if it reads as the name of a thing ("a home walking programme",
"usual care", "fatigue"), not as a piece of a sentence ("the measures before", "contrast").
A rare name is introduced as such ("a treatment called ibudilast"), and a title shaped
"X for multiple sclerosis" gives the subject when the facts have none.
"""

from __future__ import annotations

import re

from msdigest.facts.model import TextFact
from msdigest.summary import Provenance
from msdigest.writers.grounded.clauses import has_verb
from msdigest.writers.grounded.context import Draft, clean_intervention, per_draft
from msdigest.writers.grounded.describe import POOR_PHRASE, STARTS_BADLY, Phrase

__all__ = [
    "comparison_phrase",
    "intervention_phrase",
    "outcome_phrases",
    "subject_reference",
    "title_subject",
    "with_article",
]

_COUNTABLE = frozenset(
    {"program", "programme", "course", "class", "app", "device", "drug", "diet", "plan",
     "protocol", "tool", "session", "film", "video", "placebo", "intervention", "vaccine",
     "injection", "infusion", "tablet", "pill", "supplement", "booklet", "website", "game",
     "workshop", "service", "clinic", "test", "scan", "procedure", "operation", "trial",
     "sham", "inhibitor", "antibody", "treatment"}
)  # fmt: skip
#: Heads that name the one thing everybody has ("the gut microbiome", "the immune system").
_THE_ONE = frozenset({"microbiome", "microbiota", "system", "thalamus", "brain", "gut"})
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


# A name ends on a noun: never on a preposition, adverb, determiner or conjunction.
_NOT_A_HEAD = frozenset(
    {"before", "after", "during", "of", "in", "on", "at", "to", "for", "with", "by", "from",
     "and", "or", "but", "the", "a", "an", "its", "their", "this", "these", "that", "than",
     "not", "only", "also", "then", "later", "again", "versus", "vs", "between", "as",
     "such", "based", "here", "there", "alone", "together", "both", "either", "each"}
)  # fmt: skip
#: Research words that name a measurement, not what was given or done.
_GENERIC_HEAD = re.compile(
    r"(?:^|\s)(?:the\s+)?(?:measures?|assessments?|data|outcomes?|variables?|scores?|results?|"
    r"levels?|parameters?|analys[ie]s|models?|criteria|inventory|questionnaire)$|"
    r"\b(?:their loss|severity levels?)\b",
    re.IGNORECASE,
)


def _names_something(phrase: str) -> bool:
    """Return True for a phrase that names a thing ("usual care"), not a sentence piece."""
    if STARTS_BADLY.match(phrase) or has_verb(phrase):
        return False
    last = phrase.split()[-1].lower()
    if last in _NOT_A_HEAD or _GENERIC_HEAD.search(phrase):
        return False  # "the measures before", "all clinical severity levels": not a thing
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
    a head everybody has one of gets "the" ("the gut microbiome"); anything else is left
    as written, since "a menopause" or "a fatigue" would be wrong.
    """
    head = re.split(r"\s+(?:of|for|in|with|to|on)\s+", phrase, maxsplit=1)[0]
    last = head.split()[-1].lower() if head.split() else ""
    if _DETERMINER.match(phrase):
        return phrase
    if last in _THE_ONE and head == phrase:
        return f"the {phrase}"
    if last not in _COUNTABLE:
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
        plain = draft.plain_phrase(_lower_title_case(clean_intervention(fact.text)), max_words=8)
        if plain is not None and (POOR_PHRASE.search(plain) or not _names_something(plain)):
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


def _lower_title_case(text: str) -> str:
    """Return "Pregnancy and Web-Based" as "pregnancy and web-based" (names keep case).

    A phrase taken from a title in Title Case has capitals a sentence would not; short forms
    ("MS") and names with inner capitals ("EXB-301", "McDonald") keep theirs.
    """
    tokens = text.split()
    capitalised = [t for t in tokens if _title_cased(t)]
    if len(capitalised) < 2:
        return text
    return " ".join(t.lower() if _title_cased(t) else t for t in tokens)


def _title_cased(token: str) -> bool:
    """Return True for "Program" or "Web-Based" (each part capitalised), not "EXB-301"."""
    parts = token.split("-")
    return all(len(p) > 1 and p[:1].isupper() and p[1:] == p[1:].lower() for p in parts)


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


# "Development of a web-based program": making or judging the thing is the aim, not the thing.
_MAKING = re.compile(
    r"^(?:development|design|co-design|adaptation|implementation|evaluation|validation) of "
    r"(?=an? |the )"
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
    lowered = " ".join(w.lower() if _title_cased(w) else w for w in words_)
    lowered = _MAKING.sub("", lowered)
    plain = draft.plain_phrase(clean_intervention(lowered), max_words=6)
    if plain is None or not _names_something(plain) or _GENERIC_SUBJECT.search(plain):
        return None
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
    if plain is None or not _names_something(plain) or POOR_PHRASE.search(plain):
        return None
    if re.match(r"(?:those|these|them|people|patients)\b", plain, re.IGNORECASE):
        return None  # "those receiving placebo" names people, not what they got
    if _BARE_CONTROL.match(plain):
        return None  # "the others control groups": a group, not what it got
    return Phrase(plain, draft.fact("comparison", fact.text, fact.span))


# A comparison that names only the group ("control groups", "the controls") says nothing
# about what that group got; the writer then says "the others were in a comparison group".
_BARE_CONTROL = re.compile(
    r"(?:an? |the )?(?:control|comparison)(?: groups?)?$|(?:the )?controls$", re.IGNORECASE
)


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
    if _VAGUE_OUTCOMES.match(plain) or POOR_PHRASE.search(plain):
        return False
    if re.search(r"[()\[\]]", plain) or _STATISTICAL_OUTCOMES.search(plain):
        return False
    if (
        STARTS_BADLY.match(plain)
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
    # A body part is not something measured ("spinal cord"); a scale or symptom is. The
    # term must be the whole word: "trial" inside "time-on-trial" does not explain it.
    whole = any(m.start == 0 and m.end == len(plain) for m in found)
    return whole and all(m.term.category != "anatomy" for m in found)


@per_draft
def outcome_phrases(draft: Draft, limit: int = 3) -> list[Phrase]:
    """Return up to `limit` measured outcomes that can be said plainly."""
    found = [
        Phrase(plain, draft.fact("outcomes", outcome.text, outcome.span))
        for outcome, plain in outcome_phrases_of(draft, draft.facts.outcomes)
    ]
    return found[:limit]


def outcome_phrases_of(draft: Draft, outcomes: tuple[TextFact, ...]) -> list[tuple[TextFact, str]]:
    """Return the outcomes that can be said plainly, each with its plain words, no repeats."""
    found: list[tuple[TextFact, str]] = []
    seen: set[str] = set()
    for outcome in outcomes:
        plain = draft.plain_phrase(outcome.text, max_words=6)
        if plain is None or plain.lower() in seen or not _good_outcome(draft, plain):
            continue
        seen.add(plain.lower())
        found.append((outcome, plain))
    return found
