"""Describe who was studied in a few words, and which forms of MS (or related disease).

The description comes from the words around the participant count ("Seventy-two patients
with relapsing-remitting multiple sclerosis (RRMS)" gives "patients with
relapsing-remitting multiple sclerosis (RRMS)") or, failing that, from the first phrase
that names people with a condition ("women with MS who could walk"). Selection clauses
that matter to a reader ("who could walk", "with slower processing speed", "aged 18-60
years") are kept; the statistics around them are not.
"""

from __future__ import annotations

import re

from msdigest.facts.document import Document, Sentence
from msdigest.facts.model import SampleSize, TextFact

__all__ = ["MS_TYPES", "extract_population", "find_ms_types"]

# Patterns are written in lower case and matched against lower-cased text (see
# `document.lowered`): case-blind matching is several times slower.
_FLAGS = 0

#: Forms of MS and related conditions a reader may look for, with the words that name them.
MS_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern.lower()))
    for name, pattern in (
        ("relapsing-remitting MS", r"\brelapsing[- ]remitting\b|\bRRMS\b|\brelapsing (?:forms? "
                                   r"of )?(?:MS|multiple sclerosis)\b|\bRMS\b"),
        ("primary progressive MS", r"\bprimary[- ]progressive\b|\bPPMS\b"),
        ("secondary progressive MS", r"\bsecondary[- ]progressive\b|\bSPMS\b|\bpwSPMS\b"),
        ("progressive MS", r"\bprogressive (?:forms? of )?(?:MS|multiple sclerosis)\b|\bpMS\b|"
                           r"\bprogressive phase\b"),
        ("paediatric MS", r"\bp(?:a)?ediatric\b|\bchildren with\b|\bchildhood[- ]onset\b|"
                          r"\bPOMS\b|\badolescents? with\b|\bjuvenile\b"),
        ("clinically isolated syndrome", r"\bclinically isolated syndrome\b|\bCIS\b"),
        ("radiologically isolated syndrome", r"\bradiologically isolated syndrome\b|\bRIS\b"),
        ("NMOSD", r"\bneuromyelitis optica\b|\bNMOSD\b|\bNMO\b|\baquaporin[- ]?4\b|\bAQP4\b"),
        ("MOGAD", r"\bMOGAD\b|\bMOG[- ](?:antibody|IgG|AD\b)|\banti-MOG\b|\bmyelin "
                  r"oligodendrocyte glycoprotein\b"),
    )
)  # fmt: skip

_PEOPLE = (
    r"(?:patients|people|persons|individuals|adults|children|adolescents|women|men|"
    r"participants|subjects|pwms|volunteers|mothers|pregnancies|cases|veterans|"
    r"respondents|mice|rats|animals)"
)
# "people with MS", "women with relapsing MS who could walk", "MS patients aged 18-60".
_PHRASE = re.compile(
    rf"\b(?:(?:[A-Za-z][\w+/'-]*\s+){{0,4}}){_PEOPLE}\b(?:\s+(?:with|who|aged|diagnosed|"
    r"living|having|treated|receiving|taking|undergoing|from|in|at|on)\b[^.;:]*)?",
    _FLAGS,
)
_CUT = re.compile(
    r"\s(?:were|was|had|have|has|underwent|completed|received|reported|showed|participated|"
    r"took part|will be|are|is|and (?:\d|one|two|three|four|five|six|seven|eight|nine|ten)|"
    r"to (?:receive|either|an?|the)|into|compared|using|by|whose|through|between)\b|"
    r"[,;]\s|\s\(n\s*=",
    _FLAGS,
)
_LEADING = re.compile(
    r"^(?:(?:a total of|total of|in|of|from|among|the|all|these|our|we|and|including|"
    r"included|enrolled|recruited|studied|a|an|\d[\d,]*|[A-Z][a-z]+-?[a-z]*(?:\s|-)"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred)(?:[ -]\w+)?)\s+)+",
    _FLAGS,
)
_MAX_WORDS = 16


# Substrings without which an MS type's pattern cannot match (a fast first test).
_TYPE_ANCHORS = {
    "relapsing-remitting MS": ("relapsing", "rms"),
    "primary progressive MS": ("primary", "ppms"),
    "secondary progressive MS": ("secondary", "spms"),
    "progressive MS": ("progressive", "pms"),
    "paediatric MS": ("ediatric", "children", "childhood", "poms", "adolescent", "juvenile"),
    "clinically isolated syndrome": ("clinically", "cis"),
    "radiologically isolated syndrome": ("radiologically", "ris"),
    "NMOSD": ("neuromyelitis", "nmo", "aquaporin", "aqp4"),
    "MOGAD": ("mog", "myelin oligodendrocyte"),
}


_SPECIFIC_PROGRESSIVE = re.compile(r"(?:primary|secondary)[- ]progressive")


def find_ms_types(doc: Document) -> tuple[str, ...]:
    """Return the forms of MS and related conditions the title and abstract name."""
    text = f"{doc.title.lower}\n{doc.lower_text}"
    found = [
        name
        for name, pattern in MS_TYPES
        if any(a in text for a in _TYPE_ANCHORS[name]) and pattern.search(text)
    ]
    specific = "primary progressive MS" in found or "secondary progressive MS" in found
    if specific and not MS_TYPES[3][1].search(_SPECIFIC_PROGRESSIVE.sub("", text)):
        # "primary progressive MS" alone should not also read as unspecified progressive MS.
        found = [f for f in found if f != "progressive MS"]
    return tuple(found)


def _tidy(text: str) -> str:
    cut = _CUT.search(text)
    if cut:
        text = text[: cut.start()]
    text = _LEADING.sub("", text.strip())
    words = text.split()
    if len(words) > _MAX_WORDS:
        text = " ".join(words[:_MAX_WORDS]) + "..."
    # Drop a dangling opening bracket or trailing connector.
    text = re.sub(r"\s*\([^)]*$", "", text)
    return re.sub(r"\s+(?:and|or|with|who|in|of|the|a)$", "", text.strip(" ,;"))


def _phrase_at(sentence: Sentence, start: int) -> TextFact | None:
    match = _PHRASE.search(sentence.lower, start)
    if not match or match.start() - start > 80:
        return None
    text = _tidy(sentence.text[match.start() : match.end()])
    if len(text.split()) < 2 and not re.search(r"\bwith\b", text):
        return None
    offset = sentence.text.find(text, match.start())
    if offset < 0:
        return TextFact(text, sentence.span(match.start(), match.end()))
    return TextFact(text, sentence.span(offset, offset + len(text)))


def extract_population(doc: Document, size: SampleSize) -> TextFact | None:
    """Return a short description of who was studied, with its source span."""
    if size.span is not None and size.span.section != "TITLE":
        sentence = _sentence_at(doc, size.span.start)
        if sentence is not None:
            fact = _phrase_at(sentence, size.span.start - sentence.start)
            if fact is not None:
                return fact
    for sentence in [
        *doc.in_categories("METHODS"),
        *doc.in_categories("OBJECTIVE", None),
        doc.title,
        *doc.in_categories("RESULTS"),
    ]:
        for match in _PHRASE.finditer(sentence.lower):
            if re.search(r"\bwith\b", match.group(0)):
                fact = _phrase_at(sentence, match.start())
                if fact is not None:
                    return fact
    return None


def _sentence_at(doc: Document, offset: int) -> Sentence | None:
    return next((s for s in doc.sentences if s.start <= offset < s.end), None)
