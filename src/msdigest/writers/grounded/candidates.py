"""Find the sentences of an abstract that state a finding, and those that must not.

The headline and "the study" are built from the authors' own words, so choosing the right
sentences matters: the conclusion (extracted, labelled, or recognised by its wording),
the results, and never a sentence that only makes sense after the one before it ("This
difference was lost..."), that says what is still needed ("Larger trials are needed": it
goes to "keep in mind"), that is about the limits of the evidence, or that is about the
study itself rather than what it found.
"""

from __future__ import annotations

import re

from msdigest.facts.document import Sentence
from msdigest.writers.grounded.context import Draft, per_draft
from msdigest.writers.reading import is_baseline

__all__ = [
    "LIMITS",
    "NEEDED",
    "NOT_A_FINDING",
    "conclusion_candidates",
    "leans_on_context",
    "result_candidates",
    "topic_words",
    "topic_words_in",
]

# A sentence that leans on the one before ("This difference was lost...") makes no sense
# on its own, so it is never lifted out of the abstract.
_ANAPHORA = re.compile(
    r"^(?:this|these|that|those|such|it|they|both|the latter|the former|the same|"
    r"the other|another|the remaining|the rest|in contrast|conversely|however|also)\b"
    r"(?!\s+(?:[a-z-]+\s+){0,2}(?:study|trial|review|analysis|report|work|research|paper|"
    r"case|pilot|survey|cohort|meta-analysis|results|findings|data|observations|evidence)\b)",
    re.IGNORECASE,
)
#: "The effect was similar in ...": which effect is said in an earlier sentence.
_THE_EFFECT = re.compile(
    r"^(?:the|this|that|such an?) (?:effects?|difference|association|link|changes?|increase|"
    r"decrease|benefit|improvement|reduction|pattern|finding)s?\b(?! of\b| in\b| between\b)",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"(?<=\s)(?:these|those|such|the above|the aforementioned)\s+(?:issues|problems|questions|"
    r"limitations|concerns|findings|results|effects|differences|changes|factors|"
    r"associations|patients|participants)\b|\bongoing\b|\brespectively\b|\bthem\b|\bthey\b",
    re.IGNORECASE,
)
#: Clauses about a process or an opinion, not a finding: "identification of ... is of
# importance", "the use of X requires careful monitoring".
NOT_A_FINDING = re.compile(
    r"^(?:the )?(?:identification|evaluation|assessment|investigation|determination|"
    r"use|analysis|aim|purpose|objective) of\b|\bis of (?:importance|interest)\b|"
    r"\b(?:should|must|needs? to|requires?|required)\b|"
    r"^this (?:case report|case|study|report|trial|review|paper)\b|"
    # How the study was run is a method, not a finding: "the researchers ran a cohort study".
    r"^(?:so, )?the researchers (?:ran|conducted|did|performed|carried out|designed|"
    r"recruited|enrolled|included|studied|used|collected|set out)\b|"
    # A verdict with no outcome: "X seem to be a favorable approach" says nothing found.
    r"\b(?:is|are|was|were|seems?|appears?)(?: to be)? an? (?:favou?rable|promising|good|"
    r"useful|valuable|suitable|feasible|interesting) (?:approach|option|strategy|method|"
    r"alternative|choice)\.?$|"
    # What was measured is a method, not a finding: "the main measure was tolerability".
    r"\b(?:primary|secondary|main|key) (?:outcomes?|measures?|end-?points?)(?: measures?)? "
    r"(?:was|were|is|are|will be|included|includes?)\b",
    re.IGNORECASE,
)
#: Sentences about the limits of the evidence: they belong in "keep in mind".
LIMITS = re.compile(
    r"\b(?:(?:very )?low|moderate)[- ](?:quality|certainty)|(?:certainty|quality) of (?:the )?"
    r"evidence|risk of bias|limited (?:data|evidence)|data (?:are|were) limited|"
    r"evidence (?:is|was) limited|few (?:studies|trials)|small (?:number|sample)|"
    r"heterogene\w+|imprecis\w+|limitations?\b|confounding|cannot be (?:excluded|ruled out)",
    re.IGNORECASE,
)
_NOT_TOPIC = frozenset(
    {"people", "patients", "multiple", "sclerosis", "study", "studies", "trial", "trials",
     "review", "systematic", "analysis", "untitled", "effects", "effect", "among", "versus",
     "randomized", "randomised", "controlled", "clinical", "disease", "cohort", "between"}
)  # fmt: skip
_CONCLUDES = re.compile(
    r"\b(?:suggests?|suggested|conclude[sd]?|conclusions?|indicates?|indicated|supports?|"
    r"appears? to|seems? to|is likely|are likely|provides? (?:evidence|support)|"
    r"(?:is|are|was|were) (?:not )?(?:effective|beneficial|associated)|probably|"
    r"little or no difference|there (?:is|was) (?:no|little|some|limited|insufficient)|"
    r"evidence (?:is|was) (?:uncertain|insufficient|limited|lacking))\b",
    re.IGNORECASE,
)
#: Sentences that say what research is needed next ("Larger trials are needed").
NEEDED = re.compile(
    r"\b(?:are|is) (?:still |now |urgently )?(?:needed|warranted|required)\b|"
    r"\bshould be (?:tested|confirmed|studied|explored|evaluated|investigated)\b|"
    r"\bneed(?:s)? to be (?:confirmed|tested|replicated|studied)\b|"
    r"\bfurther (?:studies|research|trials)\b|\bfuture (?:studies|research|trials|work)\b|"
    r"\bmust be (?:tested|confirmed|studied|replicated)\b|\bremains? to be\b|"
    r"\bwarrants? further\b",
    re.IGNORECASE,
)
_RESULT_CUES = re.compile(
    r"\b(?:improv|reduc|increas|decreas|lower|higher|better|worse|no (?:clear )?difference|"
    r"linked|did not|found|fewer|more|less|chang|stable|safe|side effects|drop|rose|fell)",
    re.IGNORECASE,
)


@per_draft
def conclusion_candidates(draft: Draft) -> list[Sentence]:
    """Return the authors' concluding sentences, best first.

    The extracted conclusion and the CONCLUSIONS section come first; in abstracts without
    labels, sentences that conclude ("... suggest that ...") from the second half follow.
    Sentences about what is still needed, or that lean on an earlier sentence ("these
    issues"), are left out.
    """
    found: list[Sentence] = []
    conclusion = draft.facts.conclusion
    anchor = draft.sentence_at(conclusion.span) if conclusion else None
    if anchor is not None:
        found.append(anchor)
    for sentence in draft.sentences_in("CONCLUSIONS"):
        if sentence not in found:
            found.append(sentence)
    sentences = draft.document.sentences
    half = len(sentences) // 2
    topic = topic_words(draft)
    for sentence in reversed(sentences[half:]):
        relevant = not topic or bool(topic & topic_words_in(sentence.text))
        if sentence not in found and _CONCLUDES.search(sentence.text) and relevant:
            found.append(sentence)
    # Last, a sentence near the end that reports no statistics and names what was studied:
    # abstracts without labels often end on the finding in plain words.
    for sentence in reversed(sentences[max(half, len(sentences) * 3 // 5) :]):
        relevant = bool(topic & topic_words_in(sentence.text))
        if sentence not in found and not re.search(r"\d", sentence.text) and relevant:
            found.append(sentence)
    return [
        s
        for s in found
        if not NEEDED.search(s.text)
        and not leans_on_context(s.text)
        and not LIMITS.search(s.text)
        and not is_baseline(s.text)
    ]


def topic_words_in(text: str) -> set[str]:
    """Return the content words of `text` (five letters or more, common MS words left out)."""
    return set(re.findall(r"[a-z]{5,}", text.lower())) - _NOT_TOPIC


def topic_words(draft: Draft) -> set[str]:
    """Return the words that name what the study is about: from its title and intervention."""
    intervention = draft.facts.intervention_or_exposure
    text = draft.paper.title + (f" {intervention.text}" if intervention else "")
    return topic_words_in(text)


def leans_on_context(text: str) -> bool:
    """Return True for a sentence that only makes sense after the one before it."""
    return (
        _ANAPHORA.match(text) is not None
        or _THE_EFFECT.match(text) is not None
        or _POINTS_BACK.search(text) is not None
    )


@per_draft
def result_candidates(draft: Draft) -> list[Sentence]:
    """Return result sentences, those holding an extracted result first, in abstract order."""
    anchored: list[Sentence] = []
    for result in draft.facts.results:
        sentence = draft.sentence_at(result.span)
        if sentence is not None and sentence not in anchored:
            anchored.append(sentence)
    labelled = draft.sentences_in("RESULTS")
    pool = labelled
    if not pool and not draft.document.has_sections:
        pool = list(draft.document.sentences[1:-1])
    elif not pool:
        pool = draft.sentences_in(None)
    # A RESULTS section holds results; elsewhere a sentence must read like one.
    ordered = anchored + [
        s for s in pool if s not in anchored and (labelled or _RESULT_CUES.search(s.text))
    ]
    return [s for s in ordered if not leans_on_context(s.text)]
