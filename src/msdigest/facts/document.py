"""Prepare an abstract for fact extraction: bounded text, sentences tagged with their section.

Every extractor reads the same `Document`, so the abstract is split once, long inputs are
cut once (a 200,000-character "abstract" would otherwise make every rule slow), and every
sentence knows whether it sits in METHODS, RESULTS or CONCLUSIONS, even when the labels are
written inline ("... in MS. Methods: Seventy-five ...") or missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.facts.model import Span
from msdigest.paper import Paper
from msdigest.sources.sections import nlm_category
from msdigest.text.sentences import split_sentences

__all__ = ["MAX_CHARS", "Document", "Sentence", "build_document", "lowered"]

#: Only this many characters of an abstract are examined. Real abstracts stay under about
#: 6,000 characters; anything longer is pasted full text or debris, and the cap keeps
#: extraction fast and bounded whatever comes in.
MAX_CHARS = 12_000

# "Methods:", "RESULTS AND CONCLUSION:", "Background and Aims:" at the start of a sentence.
_INLINE_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z][A-Za-z']*)(?:[ ,/&]+(?:and|of|[A-Z][A-Za-z']*)){0,4})\s*:\s+"
)
# Labels that NLM's word lookup would misfile ("Main outcomes and measures" is not results;
# "Case presentation" describes the patient, the methods of a case report).
_METHODS_LABEL = re.compile(
    r"\b(?:measures?|exposures?|setting|participants?|interventions?|design|case)\b",
    re.IGNORECASE,
)
# A label written as a sentence of its own: "Case Report." "Methods."
_PERIOD_LABEL = re.compile(
    r"^(?:case (?:report|presentation|description|summary)|case|methods?|results?|"
    r"conclusions?|background|introduction|objectives?|aims?|discussion)\.$",
    re.IGNORECASE,
)
# Sentences that announce the study's aim, methods or conclusion in unlabelled abstracts.
_OBJECTIVE_CUE = re.compile(
    r"\b(?:we aimed|we aim|the aims? of|the objective|the purpose|"
    r"(?:this|the present|the current|our) (?:study|analysis|work|research) aim|"
    r"was to (?:investigate|evaluate|assess|examine|determine|compare|explore|describe)|"
    r"we (?:sought|set out|hypothesi[sz]ed)|to (?:investigate|evaluate|assess|determine) whether)",
    re.IGNORECASE,
)
_CONCLUSION_CUE = re.compile(
    r"^(?:in conclusion|in summary|to conclude|overall,|taken together|together,|"
    r"(?:these|our) (?:results|findings|data|observations) (?:suggest|indicate|show|support|"
    r"highlight|demonstrate|provide)|we conclude)",
    re.IGNORECASE,
)


def lowered(text: str) -> str:
    """Return `text` in lower case with every offset unchanged.

    Extractors match lower-case patterns against lower-cased text: Python's case-blind
    matching is several times slower. A few characters change length when lower-cased
    ("İ"); those are kept as they are so spans found in the copy fit the original.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the abstract (or the title) with its section and offsets.

    `category` is NLM's section category (BACKGROUND, OBJECTIVE, METHODS, RESULTS,
    CONCLUSIONS) or None when the abstract gives no clue; `index` is the sentence's position.
    """

    text: str
    start: int
    end: int
    index: int
    category: str | None
    label: str | None = None
    in_title: bool = False
    lower: str = ""

    def __post_init__(self) -> None:
        if not self.lower and self.text:
            object.__setattr__(self, "lower", lowered(self.text))

    def span(self, start: int | None = None, end: int | None = None) -> Span:
        """Return the `Span` of this sentence, or of the part [start:end] of its text."""
        lo = 0 if start is None else start
        hi = len(self.text) if end is None else end
        section = "TITLE" if self.in_title else self.label
        return Span(self.text[lo:hi], self.start + lo, self.start + hi, section)


@dataclass(frozen=True, slots=True)
class Document:
    """The parts of a paper that fact extraction reads."""

    paper: Paper
    text: str
    title: Sentence
    sentences: tuple[Sentence, ...]
    truncated: bool
    original_length: int
    lower_text: str = ""

    def in_categories(self, *categories: str | None) -> list[Sentence]:
        """Return the sentences whose section category is one of `categories`."""
        return [s for s in self.sentences if s.category in categories]

    @property
    def has_sections(self) -> bool:
        """Return True when the abstract tells its parts apart (labels inline or not)."""
        return any(s.category is not None for s in self.sentences)


def _cap(text: str) -> tuple[str, bool]:
    """Return at most MAX_CHARS of `text`, cut at the last line or sentence end before it."""
    if len(text) <= MAX_CHARS:
        return text, False
    head = text[:MAX_CHARS]
    cut = max(head.rfind("\n"), head.rfind(". "))
    return (head[: cut + 1] if cut > MAX_CHARS // 2 else head), True


def _section_starts(paper: Paper) -> list[tuple[int, int, str | None, str | None]]:
    """Return (line start, text start, label, category) for each abstract section."""
    starts = []
    offset = 0
    for section in paper.abstract:
        prefix = len(section.label) + 2 if section.label else 0
        category = _section_category(section.label) or _usable(section.category)
        starts.append((offset, offset + prefix, section.label, category))
        text_len = prefix + len(section.text)
        offset += text_len + 1
    return starts


def _section_category(label: str | None) -> str | None:
    """Return the NLM category of a label, reading "Main outcomes and measures" as METHODS."""
    if not label:
        return None
    if _METHODS_LABEL.search(label):
        return "METHODS"
    return _usable(nlm_category(label))


def _usable(category: str | None) -> str | None:
    return None if category in (None, "UNASSIGNED") else category


# The document of the paper built last. Facts and the writer both read the document of
# the paper they are given, one after the other; keeping the last one means a summary
# splits and tags its abstract once instead of twice. The test is identity (`is`), so a
# different paper object, even an equal one, always gets its own document.
_last: Document | None = None


def build_document(paper: Paper) -> Document:
    """Split the paper's abstract into tagged sentences, examining at most MAX_CHARS.

    Documents are immutable, so the one built last is returned again for the same paper
    object (see `_last`).
    """
    global _last
    last = _last
    if last is not None and last.paper is paper:
        return last
    _last = document = _build(paper)
    return document


def _build(paper: Paper) -> Document:
    full = paper.abstract_text
    text, truncated = _cap(full)
    starts = _section_starts(paper)
    sentences: list[Sentence] = []
    current: str | None = None
    current_label: str | None = None
    current_section = -1
    for raw in split_sentences(text):
        start, body = raw.start, raw.text
        number = max((i for i, s in enumerate(starts) if s[0] <= start), default=-1)
        if number >= 0:
            _, text_start, label, category = starts[number]
            if start < text_start:  # the sentence begins with the section's own label
                body = body[text_start - start :].lstrip()
                start = raw.end - len(body)
            if number != current_section:
                current_section = number
                current, current_label = category, label
        if _PERIOD_LABEL.match(body):
            category = _section_category(body[:-1])
            if category is not None:
                current, current_label = category, body[:-1]
                continue
        inline = _INLINE_LABEL.match(body)
        if inline:
            category = _section_category(inline.group("label"))
            if category is not None:
                current, current_label = category, inline.group("label")
                body = body[inline.end() :]
                start = raw.end - len(body)
        if not body:
            continue
        sentences.append(
            Sentence(body, start, start + len(body), len(sentences), current, current_label)
        )
    if not any(s.category for s in sentences):
        sentences = _guess_categories(sentences)
    else:
        sentences = _aims_in_background(sentences)
    title = Sentence(paper.title, 0, len(paper.title), -1, "TITLE", "TITLE", in_title=True)
    return Document(paper, text, title, tuple(sentences), truncated, len(full), lowered(text))


def _aims_in_background(sentences: list[Sentence]) -> list[Sentence]:
    """Tag the aim stated at the end of a BACKGROUND section as the OBJECTIVE.

    "BACKGROUND: ... The present study aimed to determine ... in patients referred to the
    MS Clinic in <city>." describes this study, not the background.
    """
    tagged = []
    for s in sentences:
        if s.category == "BACKGROUND" and _OBJECTIVE_CUE.search(s.text):
            s = Sentence(s.text, s.start, s.end, s.index, "OBJECTIVE", s.label, s.in_title)
        tagged.append(s)
    return tagged


def _guess_categories(sentences: list[Sentence]) -> list[Sentence]:
    """Tag the aim and the closing sentences of an unlabelled abstract.

    Everything between an aim sentence and the conclusion is left untagged (None): it may
    be methods or results, and the extractors treat None as "could be either".
    """
    guessed = []
    last = len(sentences) - 1
    for s in sentences:
        category = None
        if _OBJECTIVE_CUE.search(s.text) and s.index <= max(3, last // 2):
            category = "OBJECTIVE"
        elif (s.index == last and s.index > 1) or (_CONCLUSION_CUE.search(s.text) and s.index > 1):
            category = "CONCLUSIONS"
        guessed.append(Sentence(s.text, s.start, s.end, s.index, category, s.label, s.in_title))
    return guessed
