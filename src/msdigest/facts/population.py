"""Describe who was studied in a few words, and which forms of MS (or related disease).

A population is a short noun phrase a reader understands, lifted from the abstract: who
took part, with which condition, and how the study selected them ("adults aged 18-65 years
with MS and an EDSS score of 2.0-5.5 who could walk 100 m without aid", "people with MS
aged 65 or over who had fallen at least once in the previous year"). Every phrase that
names people in the methods, the aim, the title or the results is a candidate; the one
that says most about who they were wins, and a phrase in the methods beats the same
phrase in the background. Statistics, counts, bracketed abbreviations and what was done to
the people ("were randomly assigned to ...") are cut off; "multiple sclerosis" is written
"MS", "pwSPMS" is spelled out. Nothing is added that the sentence does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.facts.abbreviations import define_abbreviations, expand_abbreviations
from msdigest.facts.document import Document, Sentence
from msdigest.facts.model import SampleSize, TextFact

__all__ = ["MS_TYPES", "extract_population", "find_ms_types"]

# Patterns are written in lower case and matched against lower-cased text (see
# `document.lowered`): case-blind matching is several times slower.

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


# Abbreviations for "people with ..." that a reader would not know.
_PW = {
    "pwms": "people with MS",
    "pwspms": "people with secondary progressive MS",
    "pwppms": "people with primary progressive MS",
    "pwpms": "people with progressive MS",
    "pwrrms": "people with relapsing-remitting MS",
    "pwrms": "people with relapsing MS",
}
# Nouns that name the people (or animals) studied.
_PEOPLE = re.compile(
    r"\b(?:patients?|people|persons?|individuals?|adults?|children|child|adolescents?|"
    r"women|woman|men|man|boys?|girls?|participants?|subjects|pw[a-z]{0,4}ms|volunteers|"
    r"mothers|pregnant women|cases|veterans|respondents|mice|rats|animals|infants|"
    r"teenagers|youths?|survivors|carers|caregivers|care partners|members|users|twins|"
    r"neurologists|clinicians|nurses|physicians)\b"
)
# Where a description of the people ends: what was done to them, or what they did.
_STOP = re.compile(
    r"\s(?:were|was|are|is|will|had|have|has|underwent|completed|received|remained|"
    r"reported|showed|participated|took part|take part|attended|answered|responded|"
    r"filled|performed|provided|contributed|revealed|found|indicated|demonstrated|"
    r"experienced|developed|enrolled|recruited|included|identified|selected|randomi[sz]ed|"
    r"assigned|allocated|using|by means|into|compared|through|via|whose|followed|"
    r"gave|donated|wore|used|did|do|does|met|agreed|consented|visited|presented|than|"
    r"harbou?r|showed|display\w*|exhibit\w*|represent\w*|account\w*|constitut\w*|"
    r"remain\w*|defined as|in which|where|when|also|can|often|frequently|typically|"
    r"usually|commonly|tend|"
    r"(?:between|from|in|during|since|until|over) (?:19|20)\d\d)\b|"
    # "followed 300 people with MS for 2 years", "asked 400 people with MS about X": how
    # long, or about what, is not who they were.
    r"\sfor (?:up to |about )?(?:\d[\d.,]*|one|two|three|four|five|six|twelve) "
    r"(?:years?|months?|weeks?|days?)\b|\sabout\b|"
    r"\s(?:in|for) (?:an?|the|this|our) (?:\w+ ){0,2}?(?:analys\w*|study|trial|review|"
    r"survey|sample|cohort)\b|\sand (?:in|for|to|of|at|the) |"
    r"\s(?:to (?:receive|either|an?|the|one|evaluate|assess|investigate|examine|determine|"
    r"compare|explore|test|describe|identify|characteri[sz]e|study))\b|[;:]|\s[-–—]\s|—|"
    r"\.(?:\s|$)"
)
# A description goes on after the people noun only with words like these.
_GOES_ON = re.compile(
    r"\s*(?:with|who|that|aged?|from|in|at|on|treated|receiving|taking|starting|"
    r"undergoing|diagnosed|living|attending|having|without|older|younger|"
    r"(?:under|over) (?:\d|the age|age)|"
    r"affected|referred|seen|of|across|carrying|newly|within|not|"
    r"(?:before|after) (?:the )?(?:age|onset|diagnosis)|"
    r"and (?:\S+ ){0,4}?(?:controls?|volunteers|individuals|partners|carers|caregivers|"
    r"fatigue|pain|depression|symptoms|disability|impairment|spasticity|an? |at least|no |"
    r"those))\b|\s*~"
)
# "(relapsing-remitting) multiple sclerosis (MS)": the bracketed acronyms and counts go.
_BRACKETS = re.compile(r"\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\[\]]*\])")
_MASK = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?\b(?<!\bMS)")
_MULTIPLE_SCLEROSIS = re.compile(r"\bmultiple sclerosis\b", re.IGNORECASE)
_EDSS = re.compile(r"\bExpanded Disability Status Scale\b(?:\s*\(EDSS\))?", re.IGNORECASE)
# Words before the people noun that describe them ("ataxic", "older", "Hispanic").
_LEAD_STOP = frozenset(
    "be is are was were can could may might will would for to of in on at by with that which "  # noqa: SIM905
    "and or the than from among reduces reduce increases increase such as who not no we our "
    "these those their its this a an all both total included enrolled recruited studied "
    "eligible consecutive remaining randomised randomized analysed analyzed assessed "
    "examined evaluated screened identified involved including comprising between vs "
    "versus per describe described report reported present presented case cases fed "
    "followed prospectively retrospectively here there where when whom had has have "
    "treat treated compare compared comparing investigate assess evaluate examine "
    "recruit enrol enroll include invited asked interviewed surveyed sampled".split()
)
_PAIR = re.compile(r"(?:^|\s)(\S+) (?:and|or) $")
_PEOPLE_ADVERBS = frozenset({"newly", "recently", "clinically", "radiologically", "highly"})
_NUMBER_WORD = re.compile(
    r"^(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+)$"
)
# What tells who the people were: a condition, an age, how they were chosen.
_CONDITION = re.compile(
    r"\b(?:ms|multiple sclerosis|sclerosis|nmosd|nmo|mogad|cis|ris|neuromyelitis|"
    r"demyelinat\w*|encephal\w*|myelitis|optic neuritis|disease(?!-)|disorder|syndrome|"
    r"injury|pain|fatigue|depression|impairment|disability|spasticity|ataxia|tremor|"
    r"symptoms|dysfunction|bladder|relapses?|lesions?|covid-19|infection|eae|"
    r"\w+ms|rrms|spms|ppms)\b"
)
_SELECTION = re.compile(
    r"\baged?\b|\b\d+ years\b|\bwho\b|\bwithout\b|\bedss\b|\bscore\b|\bable to\b|"
    r"\bnewly\b|\bolder\b|\byounger\b|\bover\b|\bunder\b|\bwithin\b|"
    r"\btreated\b|\breceiving\b|\btaking\b|\bstarting\b|\bnaive\b|\buntreated\b|\bonset\b|"
    r"\bhealthy\b|\bcontrols\b|\bprogressive\b|\brelapsing\b|\bdiagnosed\b|"
    r"\b\d+-(?:year|month|week)-old\b"
)
_KIND = re.compile(
    r"\b(?:relapsing|progressive|paediatric|pediatric|clinically isolated|radiologically "
    r"isolated|nmosd|neuromyelitis|mogad|paediatric-onset|pediatric-onset)\b"
)
_ANIMALS = re.compile(r"\b(?:mice|rats|animals)\b")
# A phrase in a sentence about what may be or should be is not who took part.
_HEDGED = re.compile(r"\b(?:may|might|should|suggest\w*|future|needed|whether)\b")
# People of other studies, not this one.
_OTHER_STUDIES = re.compile(
    r"\b(?:studies|trials|literature|previously (?:reported|described|published)|"
    r"reported cases|published)\b"
)
# Statistics mark a results sentence about the findings rather than the people.
_STATISTICS = re.compile(r"\bp\s*[<=>≤]|\bci\b|\bodds\b|\bhazard\b|\bsd\b")
_PROCEDURE = re.compile(
    r"\s(?:completed|underwent|participated|took part|answered|responded|performed|"
    r"provided|filled|attended|were (?:randomi[sz]ed|assigned|allocated|recruited|enrolled|"
    r"invited|asked|interviewed))\b"
)
# A clause verb right after "who" belongs to the clause ("who were pregnant").
_WHO_VERB = re.compile(
    r"\b(?:who|that)(?:\s+(?:had|have|has|were|was|are|is|did|do|does|could|can|would))?"
    r"(?:\s+(?:not|never|already|previously|also|all|still))?$"
)
# Kinds of MS written as capitals, spelled out for the reader.
_SHORT_TYPE_NAMES = {
    "RRMS": "relapsing-remitting MS",
    "SPMS": "secondary progressive MS",
    "PPMS": "primary progressive MS",
    "pMS": "progressive MS",
    "PMS": "progressive MS",
}
_SHORT_TYPES = re.compile(r"\b(?:RRMS|SPMS|PPMS|pMS)\b")
_MAX_WORDS = 22
_SECTION_WEIGHT = {
    "METHODS": 3.0,
    "OBJECTIVE": 2.0,
    None: 2.0,
    "RESULTS": 1.5,
    "CONCLUSIONS": 0.5,
    "BACKGROUND": 0.0,
}


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: float
    order: int
    fact: TextFact


def _masked(lower: str) -> str:
    """Return `lower` with bracketed asides blanked out (offsets kept)."""
    for _ in range(2):
        lower = _MASK.sub(lambda m: "~" * len(m.group(0)), lower)
    return lower


def _left_edge(masked: str, noun_start: int) -> int:
    """Return where the words describing the people begin, before their noun."""
    start = noun_start
    position = noun_start - 1  # the space before the noun
    for _ in range(4):
        if position <= 0 or masked[position] != " ":
            break
        begin = masked.rfind(" ", max(0, noun_start - 80), position) + 1
        word = masked[begin:position]
        if (
            not word
            or word[-1] in ",;:"
            or "~" in word
            or word in _LEAD_STOP
            or _NUMBER_WORD.match(word)
            or (word.endswith("ly") and word not in _PEOPLE_ADVERBS)
        ):
            break
        start = begin
        position = begin - 1
    # "children and adolescents", "women and men": both nouns name the people.
    pair = _PAIR.search(masked, max(0, start - 40), start)
    if pair and _PEOPLE.fullmatch(pair.group(1)):
        start = pair.start(1)
    return start


def _right_edge(masked: str, noun_end: int) -> int:
    """Return where the description of the people ends, after their noun."""
    if not _GOES_ON.match(masked, noun_end):
        return noun_end
    # A description is never longer than about 30 words: the search stops there.
    limit = min(len(masked), noun_end + 220)
    end = limit
    searched = noun_end
    for _ in range(3):
        stop = _STOP.search(masked, searched, limit)
        if stop is None:
            break
        end = stop.start()
        clause = _WHO_VERB.search(masked, noun_end, end)
        if clause and _PROCEDURE.match(masked, stop.start()):
            end = clause.start()  # "who completed a test battery": what they did
            break
        if clause:
            searched = stop.end()
            end = limit
            continue
        break
    text = masked[noun_end:end]
    # A comma ends the description unless a list of conditions follows ("with relapsing MS,
    # an EDSS score of 0-5.5 and at least one relapse in the previous year").
    comma = text.find(", ")
    if comma >= 0:
        tail = text[comma + 2 :]
        listed = (" and " in tail or " or " in tail) and len(tail.split()) <= 14
        listed = listed and not re.match(r"(?:and|or|but|which|while|whereas|although)\b", tail)
        listed = listed and not re.search(
            r"\b(?:and|or) (?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b", tail
        )
        if not listed or not re.search(r"\bwith\b|\baged\b", text[:comma]):
            end = noun_end + comma
    return end


def _tidy(text: str) -> str:
    """Return the phrase as a reader should see it: no brackets, counts or dangling words."""
    text = _EDSS.sub("EDSS", text)
    text = _BRACKETS.sub("", text)
    text = re.sub(r"\s*[(\[].*$", "", text)  # a bracket left open
    text = " ".join(_PW.get(w.lower(), w) for w in text.split())
    text = _MULTIPLE_SCLEROSIS.sub("MS", text)
    text = _SHORT_TYPES.sub(lambda m: _SHORT_TYPE_NAMES[m.group(0)], text)
    # "and 40 healthy controls": the group is kept, its count is told elsewhere.
    text = re.sub(
        r"\b(and|or) (?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten) "
        r"((?:[\w-]+ ){0,4}?(?:controls|volunteers|individuals))\b",
        r"\1 \2",
        text,
    )
    counted = re.sub(r"\b(?:and|or|with) (?:\d[\d,]*|one|two|three|four|five|six|seven|"
                     r"eight|nine|ten)\b.*$", "", text)  # fmt: skip
    if counted != text:
        # "who presented with 10 days of ...": a clause left without its object goes too.
        text = re.sub(r"\s+(?:who|that)(?:\s+\w+)?\s*$", "", counted)
    words = text.split()
    if len(words) > _MAX_WORDS:
        # Cut at the last comma or "and" that keeps the phrase whole, never mid-clause.
        head = " ".join(words[:_MAX_WORDS])
        cut = max(head.rfind(","), head.rfind(" and "), head.rfind(" who "))
        text = head[:cut] if cut > len(head) // 2 else ""
    text = text.strip(" ,;:-")
    previous = None
    while previous != text:
        previous = text
        text = re.sub(
            r"\s+(?:\w+ly|and|or|with|who|in|of|the|a|an|at|from|for|to|on|by|whose|than|that|"
            r"aged|were|was|had|have|could|can|after|before|without|not|between|within)$",
            "",
            text,
        ).strip(" ,;:-")
    return text


def _candidate(
    sentence: Sentence, masked: str, match: re.Match[str], order: int, lab: bool, penalty: float
) -> _Candidate | None:
    """Return the phrase around one people noun, scored on its raw words (tidied later)."""
    start = _left_edge(masked, match.start())
    end = _right_edge(masked, match.end())
    low = masked[start:end]
    words = [w for w in low.split() if "~" not in w]
    if len(words) < 2 and not (words and words[0] in _PW):
        return None  # "patients" alone says nothing; "pwSPMS" is written out later
    condition = bool(_CONDITION.search(low)) or "people with" in low
    selection = len(_SELECTION.findall(low))
    animals = _ANIMALS.search(low) is not None
    comparison_only = low.startswith(("healthy", "control")) or " without m" in f" {low}"[:30]
    if not animals and (comparison_only or (not condition and not selection)):
        return None  # "healthy people" are the comparison, not who the study is about
    score = 2.0 if sentence.in_title else _SECTION_WEIGHT.get(sentence.category, 1.0)
    if condition:
        score += 2.0
    if _KIND.search(low):
        score += 1.0  # "relapsing-remitting MS" says more than "MS"
    if lab:
        score += 3.0 if animals else -2.0
    score += min(3, selection) * 0.75
    score += min(len(words), 14) / 14 - 0.1 * order
    if _OTHER_STUDIES.search(sentence.lower[max(0, start - 60) : start]):
        score -= 3.0
    score -= penalty
    return _Candidate(score, order, TextFact(sentence.text[start:end], sentence.span(start, end)))


_LATE = ("BACKGROUND", "CONCLUSIONS")


def _sentences(doc: Document) -> tuple[list[Sentence], list[Sentence]]:
    """Return the sentences that may say who took part, the likeliest first, and the
    background and conclusions, read only when those say nothing."""
    methods = doc.in_categories("METHODS")
    rest = [s for s in doc.sentences if s.category not in ("METHODS", *_LATE)]
    return [*methods, doc.title, *rest], [s for s in doc.sentences if s.category in _LATE]


def extract_population(
    doc: Document, size: SampleSize, design: str | None = None
) -> TextFact | None:
    """Return a short description of who was studied, with its source span.

    For lab and animal work (`design` "animal_or_lab") the animals are preferred to the
    people with MS that the background mentions.
    """
    candidates: list[_Candidate] = []
    at_count = size.span.start if size.span is not None and size.span.section != "TITLE" else -1
    lab = design == "animal_or_lab"
    first, late = _sentences(doc)
    results_read = 0
    for group, offset in ((first, 0), (late, len(first))):
        for order, sentence in enumerate(group, start=offset):
            counted = sentence.start <= at_count < sentence.end and not sentence.in_title
            if sentence.category == "RESULTS" and not counted:
                results_read += 1
                if results_read > 2:
                    continue  # later results talk about findings, not who took part
            if not _PEOPLE.search(sentence.lower) or _HEDGED.search(sentence.lower):
                continue
            masked = _masked(sentence.lower) if "(" in sentence.lower else sentence.lower
            statistics = not sentence.in_title and _STATISTICS.search(sentence.lower)
            penalty = 1.5 if statistics else 0.0
            for match in _PEOPLE.finditer(masked):
                found = _candidate(sentence, masked, match, order, lab, penalty)
                if found is None:
                    continue
                if counted:
                    found = _Candidate(found.score + 1.5, found.order, found.fact)
                candidates.append(found)
        if candidates:
            break
    if not candidates:
        return None
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.order)):
        text = _tidy(candidate.fact.text)
        if len(text.split()) >= 2:  # "people with secondary progressive MS" from "pwSPMS"
            best = candidate.fact
            break
    else:
        return None
    if _ACRONYM.search(text):
        text = expand_abbreviations(text, define_abbreviations(f"{doc.title.text} {doc.text}"))
        text = _MULTIPLE_SCLEROSIS.sub("MS", text)
    return TextFact(text, best.span)
