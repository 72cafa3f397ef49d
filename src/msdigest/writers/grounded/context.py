"""The working state of one summary: the paper, its facts, and the tools every section uses.

Each section writer (headline, study, why it matters, keep in mind) reads the same `Draft`:
the abstract split into tagged sentences, the simplifier primed with the paper's own
abbreviations, the phrasing chooser seeded by the paper id, and the set of numbers the
source states. It also hands out provenance, so every sentence says what it rests on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from msdigest.checks.claims import overclaims as claims_overclaims
from msdigest.checks.numbers import source_numbers, summary_numbers
from msdigest.facts.document import Document, Sentence, build_document
from msdigest.facts.model import Span, StudyFacts
from msdigest.glossary import Glossary, PlainWords
from msdigest.paper import Paper
from msdigest.summary import Provenance
from msdigest.text.readability import word_count
from msdigest.writers.grounded.abbreviations import find_abbreviations
from msdigest.writers.grounded.hedging import Strength, evidence_strength
from msdigest.writers.grounded.phrasing import Phrasing
from msdigest.writers.grounded.simplify import MAX_WORDS, Simplified, Simplifier, hard_words

__all__ = ["Draft", "Line", "clean_intervention", "per_draft"]

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Line:
    """One sentence of the summary being written, with what it rests on."""

    text: str
    sources: tuple[Provenance, ...]
    part: str | None = None


#: Designs that test something, so the tested thing can be introduced by name.
_TESTED = frozenset(
    {"randomized_controlled_trial", "non_randomized_trial", "single_arm_trial",
     "feasibility_or_pilot", "systematic_review", "meta_analysis", "animal_or_lab"}
)  # fmt: skip
_ARM = re.compile(
    r"^(?:the|a|an|oral|intravenous|subcutaneous|daily|weekly)\s+|"
    # "investigational compound EXB-088": the summary introduces the name itself.
    r"^(?:investigational|experimental|novel|candidate)\s+(?:compound|drug|agent|molecule)\s+"
    r"(?=(?-i:[A-Z][A-Z0-9]*-?\d))|"
    r"\s+(?:group|groups|arm|arms|condition)$|"
    r"\s+\d[\d.,]*\s*(?:mg|g|mcg|\u00b5g|iu|ml|mg/kg|mg/day)\b.*$|"
    r"\s+(?:once|twice|three times) (?:a |per )?(?:day|daily|week|weekly)\b.*$|"
    r"\s+for (?:the )?(?:treatment of |management of )?(?:fatigue|pain|depression|spasticity|"
    r"walking|balance|relapses?|bladder \w+|overactive bladder \w+)$",
    re.IGNORECASE,
)


#: Nouns an abstract often leaves bare ("may improve uptake") because its title says of what.
_BARE_NOUNS = ("uptake", "adherence", "hesitancy")
_NOT_OBJECTS = frozenset({"and", "of", "the", "a", "an", "low", "high", "poor", "good", "better"})


def title_objects(title: str) -> dict[str, str]:
    """Return each bare noun with what the title says it is of ("uptake": "vaccine uptake").

    "Clear advice may improve uptake" never says uptake of what; the title "Vaccine uptake
    and hesitancy ..." does, so the summary can say "vaccine uptake".
    """
    found: dict[str, str] = {}
    for noun in _BARE_NOUNS:
        match = re.search(rf"\b([A-Za-z][a-z-]+) {noun}\b", title, re.IGNORECASE)
        if match and match.group(1).lower() not in _NOT_OBJECTS:
            found[noun] = f"{match.group(1).lower()} {noun}"
    return found


def with_objects(text: str, objects: dict[str, str]) -> str:
    """Return `text` with each bare noun of `objects` said with its object."""
    for noun, named in objects.items():
        before = named.removesuffix(noun)

        def name(match: re.Match[str], before: str = before) -> str:
            said = before + match.group(0).lower()
            return said[:1].upper() + said[1:] if match.group(0)[:1].isupper() else said

        text = re.sub(
            rf"(?<!{re.escape(before)})\b{noun}\b(?! (?:of|to|among|rates?)\b)",
            name,
            text,
            flags=re.IGNORECASE,
        )
    return text


def clean_intervention(text: str) -> str:
    """Return an intervention's name without "the ... group", the route or the dose."""
    previous = None
    while previous != text:
        previous = text
        text = _ARM.sub("", text.strip())
    return text


# Facts-only phrases that no allowed word can change (see `Draft.allow`).
_STABLE = frozenset(
    {"ms_type", "about_ms", "condition", "animal_word", "design_noun", "conclusion_candidates",
     "result_candidates"}
)  # fmt: skip
_FRACTION_WORDS = re.compile(
    r"\b(half|halves|third|thirds|quarter|quarters|twice|doubl\w*|tripl\w*|dozens?)\b",
    re.IGNORECASE,
)


def per_draft(function: Callable[..., R]) -> Callable[..., R]:
    """Remember `function(draft, *args)` for the life of one draft.

    The phrases built from the facts (who took part, the treatment, the kind of MS) are
    asked for by every section; computing each once keeps the writer fast.
    """

    name = function.__qualname__
    stable = name in _STABLE

    @functools.wraps(function)
    def wrapper(draft: Draft, *args: object, **kwargs: object) -> R:
        # What depends on the rare words allowed so far is remembered per set of them.
        allowed = () if stable else draft.simplifier.allowed
        key = (name, allowed, *args, *sorted(kwargs.items()))
        if key not in draft.memo:
            draft.memo[key] = function(draft, *args, **kwargs)
        return draft.memo[key]  # type: ignore[return-value]

    return wrapper


class Draft:
    """Everything the section writers share while writing about one paper."""

    def __init__(
        self,
        paper: Paper,
        facts: StudyFacts,
        glossary: Glossary | None = None,
        plain_words: PlainWords | None = None,
    ) -> None:
        self.paper = paper
        self.facts = facts
        self.glossary = glossary
        self.abstract = paper.abstract_text
        self.document: Document = build_document(paper)
        self.phrasing = Phrasing(paper.id)
        self.strength: Strength = evidence_strength(facts)
        #: A study protocol describes a planned study: it has no results to report.
        self.is_protocol = any("protocol" in note for note in facts.notes) or bool(
            re.search(r"\bprotocol for\b|\bstudy protocol\b", paper.title, re.IGNORECASE)
        )
        self.abbreviations = find_abbreviations(f"{paper.title}\n{self.abstract}")
        #: Bare nouns the title completes ("uptake" is "vaccine uptake"), see `title_objects`.
        self.objects = title_objects(paper.title)
        self.simplifier = Simplifier(
            self.abbreviations, glossary, plain_words, allowed=self._allowed_words()
        )
        self.used_refs: set[str] = set()
        self._simplified: dict[tuple[int, int, tuple[str, ...]], Simplified] = {}
        self._acceptable: dict[tuple[str, tuple[str, ...]], bool] = {}
        self._phrase_ok: dict[tuple[str, tuple[str, ...]], bool] = {}
        #: Values computed once per summary by `per_draft` functions (who took part, ...).
        self.memo: dict[tuple[object, ...], object] = {}
        #: Rare names used outside the treatment's own name, each with where it came from.
        self.to_introduce: dict[str, Provenance] = {}
        #: The finding a headline was composed from, so "why it matters" does not repeat it.
        self.headline_from: Sentence | None = None
        #: Sentences already held to the gate when they were made (a template filled with
        #: checked values, an authors' sentence assessed by the simplifier).
        self.vetted: set[tuple[str, tuple[str, ...]]] = set()

    def _allowed_words(self) -> tuple[str, ...]:
        """Return the rare names the summary may use: those of the tested treatment.

        Only a tested treatment with a short name qualifies (trials, reviews, lab work):
        the study section then introduces it ("a treatment called ibudilast"), which
        explains it to the reader, so the name may appear again in the authors' sentences.
        """
        intervention = self.facts.intervention_or_exposure
        if intervention is None or self.facts.study_design not in _TESTED:
            return ()
        plain = Simplifier(self.abbreviations).plain(clean_intervention(intervention.text))
        if len(plain.rstrip(".").split()) > 4:
            return ()
        return tuple(dict.fromkeys(hard_words(plain, self.glossary)))[:3]

    # --- numbers -------------------------------------------------------------------------

    @cached_property
    def source_text(self) -> str:
        """Return the title and the abstract: everything a number may come from."""
        return f"{self.paper.title}\n{self.abstract}"

    def stated(self, value: float, percent: bool = False) -> bool:
        """Return True when the source states `value` (as a percentage when `percent`)."""
        numbers = source_numbers(self.source_text)
        return round(value, 6) in (numbers.percent if percent else numbers.plain)

    def numbers_ok(self, text: str) -> bool:
        """Return True when every number in `text` is stated in the source.

        Numbers are found as the numbers check finds them ("one" counts only where it
        counts something; "COVID-19" is a name), and fraction words ("half", "twice")
        pass only when the source uses them too.
        """
        if not all(self.stated(v, percent) for v, _, percent in summary_numbers(text)):
            return False
        for word in _FRACTION_WORDS.findall(text):
            if not re.search(rf"\b{re.escape(word)}", self.source_text, re.IGNORECASE):
                return False
        return True

    def acceptable(self, text: str) -> bool:
        """Return True when a sentence may go into the summary as it is.

        Every number in it is in the source, it has at most `MAX_WORDS` words, no
        overclaiming word, and no word a lay reader would not know that the glossary does
        not explain.
        """
        key = (text, self.simplifier.allowed)
        verdict = self._acceptable.get(key)
        if verdict is None:
            verdict = self._acceptable[key] = (
                self.numbers_ok(text)
                and word_count(text) <= MAX_WORDS
                and not claims_overclaims(text)
                and not self.simplifier.hard_words_in(text)
            )
        return verdict

    def acceptable_phrase(self, text: str) -> bool:
        """Return True when a phrase may go into a sentence (as `acceptable`, without length)."""
        key = (text, self.simplifier.allowed)
        verdict = self._phrase_ok.get(key)
        if verdict is None:
            verdict = self._phrase_ok[key] = (
                self.numbers_ok(text)
                and not claims_overclaims(text)
                and not self.simplifier.hard_words_in(text)
            )
        return verdict

    # --- provenance ----------------------------------------------------------------------

    def source(self, sentence: Sentence) -> Provenance:
        """Return the provenance of a source sentence (abstract offsets, or the title)."""
        if sentence.in_title:
            return Provenance("source", f"title:{sentence.start}-{sentence.end}", sentence.text)
        text = self.abstract[sentence.start : sentence.end]
        return Provenance("source", f"abstract:{sentence.start}-{sentence.end}", text)

    def fact(self, name: str, value: str, span: Span | None = None) -> Provenance:
        """Return the provenance of an extracted fact: its name and its source text."""
        return Provenance("fact", name, span.text if span is not None else value)

    @staticmethod
    def editorial(ref: str, note: str) -> Provenance:
        """Return the provenance of framing the engine adds (an analogy, the care-team line)."""
        return Provenance("editorial", ref, note)

    # --- sentences -----------------------------------------------------------------------

    def sentence_at(self, span: Span | None) -> Sentence | None:
        """Return the abstract sentence that holds `span`, if any."""
        if span is None or span.section == "TITLE":
            return None
        for sentence in self.document.sentences:
            if sentence.start <= span.start < sentence.end:
                return sentence
        return None

    def sentences_in(self, *categories: str | None) -> list[Sentence]:
        """Return the abstract sentences whose section is one of `categories`."""
        return self.document.in_categories(*categories)

    def simplify(self, sentence: Sentence) -> Simplified:
        """Return the source sentence made plain (cached per sentence and allowed names)."""
        key = (sentence.start, sentence.end, self.simplifier.allowed)
        found = self._simplified.get(key)
        if found is None:
            text = with_objects(sentence.text, self.objects)
            found = self._simplified[key] = self.simplifier.simplify(text)
        return found

    def plain_phrase(self, text: str, max_words: int = 12) -> str | None:
        """Return a fact's text as a plain phrase, or None when it stays hard or long.

        Used for population, intervention and outcome phrases that go inside a sentence
        the engine writes: the phrase keeps its case and gets no full stop.
        """
        plain = self.simplifier.plain(with_objects(text, self.objects)).rstrip(".")
        if not plain:
            return None
        if not re.match(r"[A-Z][A-Z0-9-]", plain):
            plain = plain[:1].lower() + plain[1:]
        if len(plain.split()) > max_words:
            return None
        if self.simplifier.hard_words_in(plain):
            return None
        if not self.numbers_ok(plain):
            return None
        return plain

    def allow(self, word: str, source: Provenance) -> None:
        """Let `word` (a rare name the headline needs) be used; the study will introduce it.

        `source` is the sentence the name came from, cited by the introducing sentence.
        """
        self.simplifier.allowed = tuple(dict.fromkeys((*self.simplifier.allowed, word)))
        self.to_introduce[word] = source

    def disallow(self, word: str) -> None:
        """Undo `allow` for a name that ended up not being used."""
        self.simplifier.allowed = tuple(w for w in self.simplifier.allowed if w != word)
        self.to_introduce.pop(word, None)

    def refs(self, provenance: Iterable[Provenance]) -> None:
        """Record that these sources are used, so no later section repeats them."""
        self.used_refs.update(p.ref for p in provenance if p.kind == "source")
