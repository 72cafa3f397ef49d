"""Name what was tested or studied, what it was compared with, and what was measured.

These facts are short phrases lifted from the abstract (never paraphrased), so the writer
can quote them and the reader can find them: "randomised to prednisone taper or placebo"
gives intervention "prednisone taper" and comparison "placebo"; "Effect of pelvic floor
exercise program on incontinence" gives the intervention "pelvic floor exercise program";
"The primary outcome was a change in CSF osteopontin" gives an outcome.
"""

from __future__ import annotations

import re

from msdigest.facts.abbreviations import define_abbreviations, expand_abbreviations
from msdigest.facts.document import Document, Sentence
from msdigest.facts.model import TextFact
from msdigest.facts.phrases import phrase_problem, tidy_phrase

__all__ = ["extract_comparison", "extract_intervention", "extract_outcomes"]

# Patterns are written in lower case and matched against lower-cased text (see
# `document.lowered`): case-blind matching is several times slower.
_FLAGS = 0
_PHRASE = r"[A-Za-z0-9][\w\-+/' ]{1,70}?"
_END = (
    r"(?=\s*(?:\(|,|;|\.|:|$|\bfor\b|\bin\b|\bon\b|\bamong\b|\bafter\b|\bwith\b|\bover\b|\bat\b|"
    r"\bbetween\b|\bduring\b|\bbefore\b))"
)

_ARMS = re.compile(
    r"\b(?:randomi[sz]ed|randomly assigned|assigned|allocated)\s+(?:\(\s*\d[\d:\s]*\)\s*)?"
    r"(?:in a \d[\d:]* ratio )?to\s+(?:receive\s+|either\s+|one of\s+)*"
    rf"(?P<first>{_PHRASE})\s*(?:\([^)]*\)\s*)?(?:,\s*(?P<middle>{_PHRASE})\s*(?:\([^)]*\)\s*)?)?"
    rf",?\s+(?:or|versus|vs\.?|and)\s+(?:to\s+)?(?:receive\s+)?(?P<second>{_PHRASE}){_END}",
    _FLAGS,
)
_VERSUS = re.compile(
    rf"(?:\bof\s+|\bcomparing\s+|\bcompare\s+|:\s*)(?P<first>{_PHRASE})\s+"
    rf"(?:versus|vs\.?|compared (?:with|to))\s+(?P<second>{_PHRASE}){_END}",
    _FLAGS,
)
_VERSUS_START = re.compile(
    rf"^(?P<first>{_PHRASE})\s+(?:versus|vs\.?|compared (?:with|to))\s+(?P<second>{_PHRASE}){_END}",
    _FLAGS,
)
_EFFECT = re.compile(
    r"\b(?:effects?|efficacy|effectiveness|impact|safety|benefits?|role|influence|"
    r"tolerability|feasibility|use)\s+of\s+(?:an?\s+|the\s+)?"
    rf"(?P<what>{_PHRASE})(?=\s+(?:on|in|for|among|to|as|versus|vs)\b|\s*[:,(]|$)",
    _FLAGS,
)
# "Dietary propionate delays EAE ...", "High-salt diet suppresses ...": a title whose subject
# is what was given.
_TITLE_SUBJECT = re.compile(
    r"^(?P<what>[a-z0-9][\w\-+/' ]{2,60}?)\s+(?:delays|suppresses|accelerates|promotes|"
    r"improves|reduces|increases|protects|prevents|attenuates|ameliorates|enhances|inhibits|"
    r"exacerbates|worsens|induces|drives|modulates|restores|alleviates|limits|blocks|impairs|"
    r"rescues|reverses|decreases|lowers|slows|boosts|halts|mitigates|softens|shapes|alters|"
    r"affects|regulates|triggers|supports|dampens|aggravates|shifts|modifies|does not|did not|"
    r"fails to)\b"
)
# "Exercise training for fatigue in MS", "A group balance programme for people with MS".
_TITLE_FOR = re.compile(
    r"^(?P<what>[a-z0-9][\w\-+/' ]{2,80}?(?:programmes?|programs?|training|therapy|therapies|"
    r"treatment|stimulation|exercise|intervention|diet|supplementation|rehabilitation|app|"
    r"vaccines?|vaccination|counsel+ing|management|education|surgery|transplantation|"
    r"infusions?|injections?|yoga|walking|cycling|tablets?|capsules?))\s+(?:for|in|to)\b"
)
_ASSOCIATION = re.compile(
    r"\b(?:association|relationship|link|associations) (?:between|of)\s+"
    rf"(?P<what>{_PHRASE})\s+(?:and|with)\b",
    _FLAGS,
)
_RECEIVED = re.compile(
    r"\b(?:received|were given|were fed|were treated with|underwent|completed)\s+"
    rf"(?P<what>(?:drinking water|water|chow|food|feed|an? [\w-]+ diet|diet) "
    rf"(?:with|containing|supplemented with|enriched with) {_PHRASE}|{_PHRASE}){_END}",
    _FLAGS,
)
_OUTCOME = re.compile(
    r"\b(?:primary|secondary|main|co-primary)\s+(?:efficacy\s+|safety\s+|study\s+)?"
    r"(?:outcomes?|end-?points?)(?:\s+measures?)?\s*(?:was|were|is|are|will be|included|"
    r"include|:|comprised|consisted of)\s+(?P<what>[^.;]{3,200})",
    _FLAGS,
)
_MEASURED = re.compile(
    r"\b(?:outcome measures?|outcomes|measures)\s+(?:\w+\s+){0,4}?(?:included|were|was|:)\s+"
    r"(?P<what>[^.;]{3,200})",
    _FLAGS,
)
# "Walking speed was measured with the T25FW": the anchor is the verb; the outcome is the
# words before it in the same clause (searched backwards, so the scan stays linear).
_ASSESSED = re.compile(
    r"\s(?:was|were)\s+(?:assessed|measured|evaluated|recorded|quantified)\s+(?:\w+\s+){0,3}?"
    r"(?:using|with|by)\b"
)
_CLAUSE_START = re.compile(r"(?:^|[,;:(]\s*|\band\s+)(?P<what>[^,;:(]*)$")
_LEADING = re.compile(r"^(?:for|in|of|with|among|on|by)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?:and|or|the|a|an|of|to)$")
_NOT_A_NAME = re.compile(
    r"\b(?:was|were|is|are|had|has|have|did|showed|reported|found|focus\w*|included|"
    r"compared|suggest\w*|significantly|risk|rates?|proportion|probability|odds|number|"
    r"adverse|events?|outcomes?|effects?|nnts?|we|our|this study|these)\b|^\W|\d+ (?:trials|"
    r"studies)|^(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
)
_GENERIC = re.compile(
    r"^(?:the |a |an |this |these |our )?(?:study|patients?|participants?|treatment|"
    r"intervention|group|groups|data|results?|it|they|we)$",
    _FLAGS,
)


# A measure or a method is not what was given or compared.
_MEASURE = re.compile(
    r"\b(?:inventory|scale|questionnaire|test|index|assessment|scores?|levels?|odds|risk|"
    r"rates?|measures?|battery|survey|models?|analys[ie]s|regression|interviews?)$"
)
# "Efficacy of Gamma Knife radiosurgery": the aim goes, the treatment stays.
# "Safety evaluation of shorter infusion": aim words may also stand side by side.
# "Development of a web-based program": making the thing is the aim; the program stays.
_AIM = (
    r"(?:efficacy|effectiveness|safety|feasibility|evaluation|effects?|impact|role|use|"
    r"acceptability|tolerability|benefits?|development|design|co-design|adaptation|"
    r"implementation)"
)
_AIM_WORDS = re.compile(
    rf"^(?:the )?(?:{_AIM}(?:,? (?:and|or) | ))*{_AIM} (?:of|with) (?:an? |the )?",
    re.IGNORECASE,
)
_STUDY_WORD = re.compile(r"\s+(?:trial|study|pilot study|programme evaluation)$", re.IGNORECASE)
# "assigned to view a short film": the verb goes, the thing stays.
_LEADING_VERB = re.compile(
    r"^(?:view|watch|receive|undergo|take|use|perform|complete|attend|follow|do|join|"
    r"continue|keep|start|begin)\s+",
    re.IGNORECASE,
)


def _fact(
    sentence: Sentence,
    match: re.Match[str],
    group: str,
    rejected: list[str] | None = None,
) -> TextFact | None:
    text = sentence.text[match.start(group) : match.end(group)].strip(" ,;:")
    if sentence.in_title and group == "second":
        text = text.split(" and ")[0]  # "A versus B and long-term disability": the outcome
    text = _TRAILING.sub("", _LEADING.sub("", text))
    text = tidy_phrase(_LEADING_VERB.sub("", text))
    text = _STUDY_WORD.sub("", _AIM_WORDS.sub("", text))
    if len(text) < 3 or _GENERIC.match(text.lower()) or len(text.split()) > 10:
        return None
    if _NOT_A_NAME.search(text.lower()):
        return None  # a clause ("Six trials focussed on..."), not the name of a treatment
    problem = phrase_problem(text)
    if problem is None and re.search(r"\b(?:versus|vs)\b", text.lower()):
        problem = "holds both arms of a comparison"
    if problem is None and _MEASURE.search(text.lower()):
        problem = "names a measure or a method, not what was given"
    if problem is not None:
        if rejected is not None:
            rejected.append(f"'{text}' {problem}")
        return None
    start = sentence.text.find(text, match.start(group))
    start = start if start >= 0 else match.start(group)
    return TextFact(text, sentence.span(start, start + len(text)))


def _shared_head(
    sentence: Sentence, match: re.Match[str], rejected: list[str] | None
) -> TextFact | None:
    """Return "A B" for "A versus C B" ("early high-efficacy versus escalation treatment")."""
    first = tidy_phrase(sentence.text[match.start("first") : match.end("first")])
    second = tidy_phrase(
        sentence.text[match.start("second") : match.end("second")].split(" and ")[0]
    )
    if not first or not second or phrase_problem(first) is None or phrase_problem(second):
        return None
    head = second.split()[-1]
    text = f"{first} {head}"
    if phrase_problem(text) is not None or len(text.split()) > 10:
        return None
    if rejected is not None:
        rejected.clear()
    return TextFact(text, sentence.span(match.start("first"), match.end("first")))


_KIND_HEAD = re.compile(
    r"\s(?P<kind>trainings?|exercises?|therapy|therapies|programs?|programmes?|interventions?)$"
)


def _with_kind(sentence: Sentence, match: re.Match[str], fact: TextFact) -> TextFact:
    """Return "core stability training" for "core stability versus task oriented trainings".

    The kind of thing named once after both arms belongs to the first arm too; without it
    "core stability" reads as a body part, not as what people did.
    """
    if _KIND_HEAD.search(f" {fact.text.lower()}"):
        return fact
    second = sentence.text[match.start("second") : match.end("second")].split(" and ")[0]
    kind = _KIND_HEAD.search(tidy_phrase(second))
    if kind is None:
        return fact
    head = re.sub(r"(?<=training)s$", "", kind.group("kind"))
    text = f"{fact.text} {head}"
    return fact if phrase_problem(text) is not None else TextFact(text, fact.span)


# Words without which a pattern cannot match: a fast first test per sentence.
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _ARMS: ("randomi", "assigned", "allocated"),
    _VERSUS: ("versus", "vs", "compared"),
    _VERSUS_START: ("versus", "vs", "compared"),
    _EFFECT: (" of ",),
    _ASSOCIATION: ("association", "relationship", "link"),
    _RECEIVED: ("received", "given", "fed", "treated", "underwent", "completed"),
    _TITLE_SUBJECT: ("",),
    _TITLE_FOR: ("",),
    _OUTCOME: ("outcome", "end point", "endpoint", "end-point"),
    _MEASURED: ("outcome", "measures"),
    _ASSESSED: ("assessed", "measured", "evaluated", "recorded", "quantified"),
}


def _may_match(pattern: re.Pattern[str], sentence: Sentence) -> bool:
    return any(word in sentence.lower for word in _NEEDS.get(pattern, ("",)))


def _ordered(doc: Document) -> list[Sentence]:
    return [
        doc.title,
        *doc.in_categories("METHODS"),
        *doc.in_categories("OBJECTIVE"),
        *doc.in_categories(None),
        *doc.in_categories("RESULTS"),
    ]


def extract_intervention(doc: Document, notes: list[str] | None = None) -> TextFact | None:
    """Return what was tested (a treatment) or studied (an exposure).

    A phrase that is not a whole noun phrase is refused; when nothing else is found, the
    refusal is added to `notes` so the editor sees why the fact is empty.
    """
    rejected: list[str] = []
    for pattern, group in ((_ARMS, "first"), (_TITLE_SUBJECT, "what"), (_TITLE_FOR, "what"),
                           (_VERSUS, "first"),
                           (_VERSUS_START, "first"), (_EFFECT, "what"),
                           (_ASSOCIATION, "what"), (_RECEIVED, "what")):  # fmt: skip
        sentences = [doc.title] if pattern in (_TITLE_SUBJECT, _TITLE_FOR) else _ordered(doc)
        for sentence in sentences:
            match = pattern.search(sentence.lower) if _may_match(pattern, sentence) else None
            if match:
                fact = _fact(sentence, match, group, rejected)
                if fact is None and group == "first":
                    fact = _shared_head(sentence, match, rejected)
                elif fact is not None and pattern in (_VERSUS, _VERSUS_START):
                    fact = _with_kind(sentence, match, fact)
                if fact is not None:
                    return _written_out(doc, fact)
    if rejected and notes is not None:
        notes.append(f"intervention left out: {rejected[0]}")
    return None


def _written_out(doc: Document, fact: TextFact) -> TextFact:
    """Return `fact` with the paper's own abbreviations written out."""
    if not re.search(r"\b[A-Z][A-Za-z0-9]{1,7}s?\b", fact.text):
        return fact
    text = expand_abbreviations(fact.text, define_abbreviations(f"{doc.title.text} {doc.text}"))
    return fact if text == fact.text else TextFact(text, fact.span)


def extract_comparison(
    doc: Document, has_control: bool | None, notes: list[str] | None = None
) -> TextFact | None:
    """Return what the intervention was compared with (placebo, usual care, controls)."""
    if has_control is False:
        return None
    rejected: list[str] = []
    for pattern in (_ARMS, _VERSUS, _VERSUS_START):
        for sentence in _ordered(doc):
            match = pattern.search(sentence.lower) if _may_match(pattern, sentence) else None
            if match:
                fact = _fact(sentence, match, "second", rejected)
                if fact is not None:
                    return _written_out(doc, fact)
    named = re.compile(
        r"\b(?:placebo|sham(?: \w+)?|usual care|standard care|(?:age- and sex-matched |"
        r"matched |healthy )+controls?|healthy (?:volunteers|subjects|individuals)|"
        r"wait(?:ing)?[- ]?list (?:control)?|control group)\b",
        _FLAGS,
    )
    for sentence in _ordered(doc):
        match = named.search(sentence.lower)
        if match:
            text = tidy_phrase(sentence.text[match.start() : match.end()])
            if phrase_problem(text) is None:
                return TextFact(text, sentence.span(match.start(), match.start() + len(text)))
    if rejected and notes is not None:
        notes.append(f"comparison left out: {rejected[0]}")
    return None


def extract_outcomes(doc: Document) -> tuple[TextFact, ...]:
    """Return up to five measured outcomes, primary ones first (marked `primary`)."""
    found: list[TextFact] = []
    seen: set[str] = set()
    for pattern in (_OUTCOME, _MEASURED, _ASSESSED):
        for sentence in _ordered(doc)[1:]:
            for start, what, primary in _what(pattern, sentence):
                for part in _split_list(what):
                    part = _outcome_name(part)
                    key = part.lower()
                    longest = 18 if primary else 12
                    if key in seen or _GENERIC.match(key) or len(part.split()) > longest:
                        continue
                    if _VAGUE_OUTCOME.match(key) or phrase_problem(part) is not None:
                        continue
                    offset = sentence.text.find(part, start)
                    span = sentence.span(offset, offset + len(part)) if offset >= 0 else None
                    found.append(TextFact(part, span, primary))
                    seen.add(key)
    found.sort(key=lambda fact: not fact.primary)  # stable: primary ones first, in order
    return tuple(found[:5])


# Outcome words too vague to name a measure, and clauses that are not outcomes.
_VAGUE_OUTCOME = re.compile(
    r"^(?:(?:the )?(?:heterogeneity|associations?|results?|findings?|data|differences?|"
    r"changes?|effects?|outcomes?|measures?|clinical|obtained|variables?|parameters?|"
    r"clinical variables|volumes)$|(?:while|whereas|between|and|which|that)\b|"
    r"(?:the )?(?:associations?|effects?|impact|role) (?:with|between|of|on)\b)"
)


_TIME_POINT = re.compile(
    r"\s+(?:at|from|over|after|during|by|to)\s+(?:the end of |baseline|weeks?|months?|days?|"
    r"years?|\d)[^()]*$"
)


def _outcome_name(part: str) -> str:
    """Return an outcome phrase without a cut bracket or list word at either end."""
    part = tidy_phrase(part.split(": ")[-1])
    # "... at 12 weeks", "... from baseline to week 48": the time point is not the measure.
    part = _TIME_POINT.sub("", part)
    part = re.sub(r"\s+(?:measured|assessed|recorded|rated) (?:with|by|using|on)\b.*$", "", part)
    # "retention (target at least 80%)": a long aside is not part of the measure's name.
    part = re.sub(r"\s*\((?:[^()\s]+\s+){3,}[^()]*\)", "", part)
    if part.count("(") < part.count(")"):
        part = part[: part.rfind(")") + 1] if part.startswith("(") else part.split(")")[-1]
        part = tidy_phrase(part)
    if part.count("(") > part.count(")"):
        part = tidy_phrase(part[: part.rfind("(")])
    return part


def _what(pattern: re.Pattern[str], sentence: Sentence) -> list[tuple[int, str, bool]]:
    """Return (offset, text, primary) of what each match of `pattern` names."""
    found: list[tuple[int, str, bool]] = []
    if not _may_match(pattern, sentence):
        return found
    for match in pattern.finditer(sentence.lower):
        if "what" in pattern.groupindex:
            primary = (
                pattern is _OUTCOME
                and re.match(r"(?:primary|main|co-primary)", match.group(0)) is not None
            )
            what = sentence.text[match.start("what") : match.end("what")]
            if match.end("what") - match.start("what") >= 200 and " " in what:
                what = what.rsplit(",", 1)[0] if "," in what else ""  # cut off mid-word
            # "The primary outcome was A, and secondary outcomes included B": A alone.
            what = re.split(r",?\s+(?:while|whereas|and)\s+(?:the\s+)?secondary\b", what)[0]
            found.append((match.start("what"), what, primary))
            continue
        head = _CLAUSE_START.search(sentence.lower[max(0, match.start() - 80) : match.start()])
        if head:
            start = max(0, match.start() - 80) + head.start("what")
            words = sentence.text[start : match.start()].split()[-8:]
            text = " ".join(words)
            found.append((sentence.text.find(text, start) if text else start, text, False))
    return found


def _split_list(text: str) -> list[str]:
    """Split "A, B and C" into parts, keeping bracketed asides with their item."""
    parts = re.split(r",\s*(?:and\s+)?(?![^()]*\))|\s+and\s+(?![^()]*\))", text)
    return [p.strip(" ,;:") for p in parts if len(p.strip(" ,;:")) >= 3]
