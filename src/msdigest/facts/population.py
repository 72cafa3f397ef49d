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
#: Phrases are matched in lower case; acronyms ("CIS", "RIS") only as capitals, so that
#: "95% CIs" is not a clinically isolated syndrome.
MS_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("relapsing-remitting MS", r"\brelapsing[- ]remitting\b|\brelapsing (?:forms? of )?"
                                   r"(?:ms|multiple sclerosis)\b"),
        ("primary progressive MS", r"\bprimary[- ]progressive\b"),
        ("secondary progressive MS", r"\bsecondary[- ]progressive\b"),
        ("progressive MS", r"\bprogressive (?:forms? of )?(?:ms|multiple sclerosis)\b|"
                           r"\bprogressive phase\b"),
        ("paediatric MS", r"\bp(?:a)?ediatric\b|\bchildren with\b|\bchildhood[- ]onset\b|"
                          r"\badolescents? with\b|\bjuvenile\b"),
        ("clinically isolated syndrome", r"\bclinically isolated syndrome\b"),
        ("radiologically isolated syndrome", r"\bradiologically isolated syndrome\b"),
        ("NMOSD", r"\bneuromyelitis optica\b|\baquaporin[- ]?4\b|\baqp4\b|\bnmosd\b"),
        ("MOGAD", r"\bmogad\b|\bmog[- ](?:antibody|antibodies|igg|ad\b|associated)|\banti-mog\b|"
                  r"\bmyelin oligodendrocyte glycoprotein (?:antibod|igg|-igg|associated)"),
    )
)  # fmt: skip
_ACRONYMS = {
    "relapsing-remitting MS": re.compile(r"\bR?RMS\b"),
    "primary progressive MS": re.compile(r"\bPPMS\b"),
    "secondary progressive MS": re.compile(r"\b(?:pw)?SPMS\b"),
    "progressive MS": re.compile(r"\bp(?:w)?MS\b(?<!pwMS)|\bpwPMS\b"),
    "paediatric MS": re.compile(r"\bPOMS\b"),
    "clinically isolated syndrome": re.compile(r"\bCIS\b"),
    "radiologically isolated syndrome": re.compile(r"\bRIS\b"),
    "NMOSD": re.compile(r"\bNMO(?:SD)?\b"),
    "MOGAD": re.compile(r"\bMOGAD\b"),
}
# Abbreviations for "people with ..." that a reader would not know.
_PW = {
    "pwms": "people with MS",
    "pwspms": "people with secondary progressive MS",
    "pwppms": "people with primary progressive MS",
    "pwpms": "people with progressive MS",
    "pwrrms": "people with relapsing-remitting MS",
    "pwrms": "people with relapsing MS",
}

_PEOPLE = (
    r"(?:patients|people|persons|individuals|adults|children|adolescents|women|men|"
    r"participants|subjects|pw[a-z]*ms|volunteers|mothers|pregnancies|cases|veterans|"
    r"respondents|mice|rats|animals|man|woman|boy|girl|patient|child)"
)
# "people with MS", "women with relapsing MS who could walk", "MS patients aged 18-60".
_PHRASE = re.compile(
    rf"\b(?:(?:[A-Za-z][\w+/'-]*\s+){{0,4}}){_PEOPLE}\b(?:\s+(?:with|who|aged|diagnosed|"
    r"living|having|treated|receiving|taking|undergoing|from|in)\b[^.;:]*)?",
    _FLAGS,
)
_CUT = re.compile(
    r"\s(?:were|was|had|have|has|underwent|completed|received|reported|showed|participated|"
    r"took part|will be|are|is|and (?:\d|one|two|three|four|five|six|seven|eight|nine|ten)|"
    r"revealed|showed|found|indicated|demonstrated|suggest\w*|experienced|developed|"
    r"to (?:receive|either|an?|the)|into|compared|using|by|whose|through|between)\b|"
    r"[,;]\s|\s\(n\s*=|\s[-–—]\s|—",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:a total of|total of|in|of|from|among|the|all|these|our|we|and|including|"
    r"included|enrolled|recruited|studied|a|an|\d[\d,]*|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[ -](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)\s+)+",
    re.IGNORECASE,
)
_LONG_ASIDE = re.compile(r"\s*\((?:[^()]*\([^()]*\))*[^()]*\)")
_MAX_WORDS = 16
_HEDGED = re.compile(r"\b(?:may|might|can|could|should|suggest\w*|further|future)\b")


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
    original = f"{doc.title.text}\n{doc.text}"
    found = [
        name
        for name, pattern in MS_TYPES
        if any(a in text for a in _TYPE_ANCHORS[name])
        and (pattern.search(text) or _ACRONYMS[name].search(original))
    ]
    specific = "primary progressive MS" in found or "secondary progressive MS" in found
    if specific and not MS_TYPES[3][1].search(_SPECIFIC_PROGRESSIVE.sub("", text)):
        # "primary progressive MS" alone should not also read as unspecified progressive MS.
        found = [f for f in found if f != "progressive MS"]
    return tuple(found)


# Words that cannot describe the people: where a description's beginning is cut.
_LEAD_STOP = frozenset(
    "be is are was were can could may might will would for to of in on at by with that which "  # noqa: SIM905
    "and or the than from among reduces reduce increases increase such as who not no".split()
)
_PEOPLE_WORD = re.compile(_PEOPLE, re.IGNORECASE)


def _trim_lead(text: str) -> str:
    """Drop the words before the people noun that are not about the people."""
    words = text.split()
    head = next((i for i, w in enumerate(words) if _PEOPLE_WORD.fullmatch(w.strip(",;"))), None)
    if head is None:
        return text
    start = head
    while start > 0 and words[start - 1].lower() not in _LEAD_STOP and head - start < 4:
        start -= 1
    return " ".join(words[start:])


def _tidy(text: str) -> str:
    cut = _CUT.search(text)
    if cut:
        text = text[: cut.start()]
    text = _trim_lead(text)
    # Long bracketed definitions ("(defined as having a post-void residual...)") go.
    text = _LONG_ASIDE.sub(lambda m: m.group(0) if len(m.group(0).split()) <= 4 else "", text)
    text = " ".join(_PW.get(w.lower(), w) for w in text.split())
    text = _LEADING.sub("", text.strip())
    words = text.split()
    if len(words) > _MAX_WORDS:
        text = " ".join(words[:_MAX_WORDS]) + "..."
    # Drop a dangling opening bracket or trailing connector.
    text = re.sub(r"\s*\([^)]*$", "", text)
    return re.sub(r"\s+(?:and|or|with|who|in|of|the|a)$", "", text.strip(" ,;"))


def _phrase_at(sentence: Sentence, start: int, near: int = 80) -> TextFact | None:
    match = _PHRASE.search(sentence.lower, start)
    if not match or match.start() - start > near:
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
            fact = _phrase_at(sentence, size.span.start - sentence.start, near=20)
            if fact is not None:
                return fact
    for sentence in [
        *doc.in_categories("METHODS"),
        *doc.in_categories("OBJECTIVE", None),
        doc.title,
        *doc.in_categories("RESULTS"),
    ]:
        if _HEDGED.search(sentence.lower):
            continue
        for match in _PHRASE.finditer(sentence.lower):
            if re.search(r"\bwith\b", match.group(0)):
                fact = _phrase_at(sentence, match.start())
                if fact is not None:
                    return fact
    return None


def _sentence_at(doc: Document, offset: int) -> Sentence | None:
    return next((s for s in doc.sentences if s.start <= offset < s.end), None)
