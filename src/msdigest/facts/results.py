"""Read what a study found: each result's outcome, direction and significance; the conclusion.

A result is a sentence from the results (or the middle of an unlabelled abstract) that
says which way an outcome went. Direction is judged for the person with MS: less fatigue,
fewer relapses or a lower risk is "improved", more of them is "worsened", whatever verb the
authors used. When the words do not tell which way is better, the result is left out rather
than guessed. Significance is True only when the abstract says so ("significantly",
"p < 0.05") and False only when it says so ("no significant", "p > 0.05").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from msdigest.facts.abbreviations import define_abbreviations, expand_abbreviations
from msdigest.facts.document import Document, Sentence
from msdigest.facts.model import Direction, Result, TextFact
from msdigest.facts.phrases import phrase_problem

__all__ = ["extract_conclusion", "extract_results", "read_result"]

# Patterns are written in lower case and matched against lower-cased text (see
# `document.lowered`): case-blind matching is several times slower.
_FLAGS = 0
_MAX_RESULTS = 6

_NO_DIFFERENCE = re.compile(
    r"\bno (?:statistically )?(?:significant |clear |relevant |notable |meaningful )?"
    r"(?:difference|effect|change|association|improvement|benefit|between-group|correlation|"
    r"increase|decrease|reduction|impact)s?\b|\bdid not (?:significantly )?(?:differ|change|"
    r"improve|affect|alter|reduce|increase|modify|influence)\b|\bremained (?:stable|unchanged|"
    r"similar|without)\b|\bwere (?:similar|comparable)\b|\bwas (?:similar|comparable)\b|"
    r"\bnot (?:significantly )?(?:associated|different|changed|modified|affected)\b|"
    r"\bunchanged\b|\b(?:was|were|remained|stayed) stable\b|\bstable in\b|"
    r"\bnon-?significant\b|\bnot (?:statistically )?significant\b|\bdoes not "
    r"(?:modify|change|affect)\b|\bwas not associated\b|\bwere not associated\b"
)
# "no serious adverse events" is not a worse outcome.
_NO_HARM = re.compile(
    r"\b(?:no|without|nor) (?:[\w-]+ ){0,3}(?:adverse events?|side effects?|safety concerns?|"
    r"complications?|deaths?)|\b(?:adverse events?|side effects?) (?:were|was) (?:rare|"
    r"uncommon|infrequent|few|mild|minor)\b"
)
_BETTER = re.compile(
    r"\bimprov\w*|\bbenefi\w*|\bameliorat\w*|\bbetter\b|\beffective\w*\b|\bfavou?rabl\w*|"
    r"\bprotect\w*|\bpromot\w* (?:myelin|repair|recovery|remyelination)|\brestor\w*|"
    r"\bgreater (?:improvement|reduction)|\breduced the risk|\blower risk|\bdecreased risk|"
    r"\bwell tolerated\b|\bsafe\b|\bsuppress\w*"
)
_WORSE = re.compile(
    r"\bworse\w*|\bworsen\w*|\bdeteriorat\w*|\bincreased (?:the )?risk|\bhigher risk|"
    r"\bincreased odds|\bhigher odds|\bdeclin\w+|\bexacerbat\w*|\baggravat\w*|\bmore "
    r"(?:frequently|likely to (?:have|experience|develop|require))|\badverse events?\b|"
    r"\bside effects\b|\bintoxicant\b|\bwithdrawn\b|\bincreased sensitivity"
)
# Changes whose direction depends on what changed: "reduced fatigue" is better, "reduced
# walking speed" is worse.
_CHANGE = re.compile(
    r"\b(?P<verb>increas\w*|decreas\w*|reduc\w*|lower\w*|higher|rais\w*|elevat\w*|"
    r"declin\w*|gain\w*|loss|less|more|fewer|shorter|longer|fell|fall\w*|dropped|rose|"
    r"risen)\b(?!-)(?P<what>[^.;,]{0,60})"
)
_UP = re.compile(r"^(?:increas|higher|rais|elevat|gain|more|longer|rose|risen)")
_BAD_THINGS = re.compile(
    r"\b(?:risk|fatigue|pain|depress\w*|anxiety|disability|edss|atrophy|lesions?|relapses?|"
    r"attacks?|infections?|adverse|side effects?|progression|symptoms?|impairment|"
    r"incontinence|spasticity|mortality|death|hospitali[sz]ation|inflammat\w+|nfl|"
    r"neurofilament|ici?q|bdi|residual|errors?|stigma|burden|severity|luts|demyelination|"
    r"amenorrhea|falls|(?:volume |tissue |axonal |weight )?loss|clinical scores?|"
    r"disease scores?|arr|relapse rates?|cdp|cdw|mfis|fss)\b"
)
_GOOD_THINGS = re.compile(
    r"\b(?:quality of life|qol|function\w*|walking|speed|balance|cogniti\w+|strength|"
    r"fitness|vo2\w*|satisfaction|adherence|seroprotection|myelin\w*|remyelination|"
    r"volume|memory|performance|mobility|power|capacity|weight gain|bladder volume|mbv|"
    r"fsfi|wellbeing|well-being|recovery|walk(?:ing)? distance|6mwd|6mwt|sdmt|symbol digit|"
    r"bbs|berg balance)\b"
)
_SIGNIFICANT = re.compile(
    r"\bsignificant(?:ly)?\b|\bp\s*[<≤]\s*0?\.0[0-5]\d*|\bp\s*=\s*0?\.0[0-4]\d*|"
    r"\bp\s*=\s*0?\.00\d*|\bp\s*<\s*0?\.001"
)
_NOT_SIGNIFICANT = re.compile(
    r"\bno (?:statistically )?significant|\bnot (?:statistically )?significant|"
    r"\bnon-?\s?significant|\bp\s*[>≥]\s*0?\.05|\bdid not reach (?:statistical )?"
    r"significance|\bn\.?s\.?\b|\b(?:did|do|does|was|were) not (?:\w+ )?(?:\w+ )?"
    r"significantly|\bnot significantly\b|\bp\s*=\s*0?\.(?:[1-9]|0[5-9])"
)
_STOP_AHEAD = (
    r"(?=\s*(?:\(|,|;|:|\.|$|\bcompared\b|\bversus\b|\bvs\b|\bbetween\b|\bat\b|\bafter\b|"
    r"\bamong\b|\bin\b|\bfrom\b|\bwhen\b|\bwith\b|\bthan\b|\bwas\b|\bwere\b|\bby\b|"
    r"\bover\b|\bduring\b|\bfor\b|\bin\b))"
)
# "improved walking speed", "a reduction in fatigue", "no effect on relapses".
_OUTCOME_AFTER = re.compile(
    r"\b(?:(?:improv\w*|increas\w*|reduc\w*|decreas\w*|lower\w*|worsen\w*)\s+(?:in\s+|on\s+|"
    r"of\s+)?|(?:chang\w*|differences?|effects?|benefits?|declin\w*|gains?|loss)\s+(?:in|on|of|"
    rf"for)\s+)(?:the\s+)?(?P<what>[a-z][\w\-' ]{{2,50}}?){_STOP_AHEAD}"
)
_SUBJECT = re.compile(
    r"^(?:the |a |an |mean |median )?(?P<what>[a-z][\w\-' ]{2,50}?)\s+(?:was|were|did|had|"
    r"showed|improved|increased|decreased|reduced|remained|correlated|differed|fell|rose|"
    r"declined|worsened)\b"
)
_NOT_AN_OUTCOME = re.compile(
    r"^(?:there|this|these|those|it|we|our|they|all|both|patients?|participants?|people|"
    r"subjects|studies|trials?|results?|data|analys[ie]s|group|groups|treatment|the study|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|\d+|was|were|is|are|between|with|no|"
    r"or|over|from|by|at|after|to|and|which|that|only|any|not|in|on|of|for|the|a|an|"
    r"when|while|although|however|overall|this|these)\b"
)
_CONCLUSION_CUE = re.compile(
    r"^(?:in conclusion|in summary|to conclude|overall|taken together|together|"
    r"(?:these|our|the) (?:results|findings|data|observations|study|present study)|this "
    r"(?:study|trial|review|analysis|case)|we conclude|collectively)"
)
_REGISTRATION = re.compile(
    r"\b(?:nct\d{6,}|isrctn|actrn|irct|clinicaltrials\.gov|trial registration|registered|"
    r"class(?:ification)? of evidence|funding|copyright)\b"
)


def _significance(text: str) -> bool | None:
    if _NOT_SIGNIFICANT.search(text):
        return False if not _SIGNIFICANT.search(_NOT_SIGNIFICANT.sub("", text)) else None
    return True if _SIGNIFICANT.search(text) else None


def _changes(text: str) -> set[str]:
    """Return "improved"/"worsened" for each change whose good or bad side is clear."""
    found: set[str] = set()
    for match in _CHANGE.finditer(text):
        up = bool(_UP.match(match.group("verb")))
        # "reduced fatigue" names the thing after the verb; "fatigue fell" before it.
        for what in (match.group("what"), text[max(0, match.start() - 40) : match.start()]):
            if _BAD_THINGS.search(what):
                found.add("worsened" if up else "improved")
                break
            if _GOOD_THINGS.search(what):
                found.add("improved" if up else "worsened")
                break
    return found


def read_result(text: str) -> tuple[Direction, bool | None] | None:
    """Return the direction and significance a sentence states, or None when unclear.

    `text` must be in lower case (`Sentence.lower`).
    """
    directions: set[str] = set()
    if _NO_DIFFERENCE.search(text):
        directions.add("no clear difference")
    rest = _NO_HARM.sub(" ", _NO_DIFFERENCE.sub(" ", text))
    if _BETTER.search(rest):
        directions.add("improved")
    if _WORSE.search(rest):
        directions.add("worsened")
    directions |= _changes(rest)
    if not directions:
        return None
    direction = "mixed" if len(directions) > 1 else directions.pop()
    return cast(Direction, direction), _significance(text)


def _outcome(sentence: Sentence) -> str | None:
    """Return a short name for what the result is about, in the sentence's own words."""
    asides = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
    cleaned = asides.sub("", sentence.text)
    lower = asides.sub("", sentence.lower)
    for pattern in (_OUTCOME_AFTER, _SUBJECT):
        match = pattern.search(lower)
        if match:
            what = match.group("what").strip()
            words = cleaned[match.start("what") : match.end("what")].strip().split()
            name = " ".join(words)
            if re.search(r"\s(?:on|in)\s", name) and pattern is _OUTCOME_AFTER:
                name = re.split(r"\s(?:on|in)\s", name)[-1]  # "effects of X on Y": Y
                what = name.lower()
            if (
                1 <= len(words) <= 8
                and not _NOT_AN_OUTCOME.match(what)
                and not _VAGUE.match(what)
                and phrase_problem(name) is None
            ):
                return name
    return None


# Words that do not name a measure ("more", "the effect", "an association").
_VAGUE = re.compile(
    r"^(?:more|less|fewer|effects?|associations?|differences?|changes?|protective effect|"
    r"benefits?|improvements?|reductions?|increases?|decreases?|focus groups|rna sequencing|"
    r"levels?|scores?|values?|outcomes?|measures?|parameters?|findings?|the effect|"
    r"time|rates?|proportions?|adjustment(?: for .*)?)$|"
    r"^(?:[\w-]+ )?(?:participants|patients|people|mice|subjects)\b|"
    r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty)[\w-]*\b"
)


@dataclass(frozen=True, slots=True)
class _Named:
    """An extracted outcome and the words that show a sentence is about it."""

    name: str
    keys: tuple[str, ...]
    primary: bool


def _named_outcomes(outcomes: Sequence[TextFact]) -> list[_Named]:
    """Return each outcome's reader name and the short forms and words that point to it."""
    named: list[_Named] = []
    for outcome in outcomes:
        name = re.sub(r"^(?:the |a |an )?(?:(?:mean |median )?changes? (?:in|of) )?", "",
                      outcome.text, flags=re.IGNORECASE)  # fmt: skip
        keys = [k.lower() for k in re.findall(r"\(([^()]{2,15})\)", name)]
        plain = re.sub(r"\s*\([^()]*\)", "", name).strip()
        if plain:
            keys.append(re.sub(r"^(?:the )", "", plain.lower()))
        keys = [k for k in keys if len(k) >= 3 and k not in {"safety", "adherence"}]
        if keys:
            named.append(_Named(plain or name, tuple(keys), outcome.primary))
    return named


def _about(sentence: Sentence, named: list[_Named]) -> _Named | None:
    """Return the extracted outcome a result sentence names, if it names one."""
    for outcome in named:
        for key in outcome.keys:
            at = sentence.lower.find(key)
            if at >= 0 and (at == 0 or not sentence.lower[at - 1].isalnum()):
                end = at + len(key)
                if end == len(sentence.lower) or not sentence.lower[end].isalnum():
                    return outcome
    return None


def _change_of(text: str, outcome: str) -> tuple[Direction, bool | None] | None:
    """Return the direction of "the 6MWD had increased" from what the outcome measures."""
    bad = _BAD_THINGS.search(outcome) is not None
    good = _GOOD_THINGS.search(outcome) is not None
    if bad == good:
        return None
    moves = {bool(_UP.match(m.group("verb"))) for m in _CHANGE.finditer(text)}
    if len(moves) != 1:
        return None
    up = moves.pop()
    direction: Direction = "improved" if up == good else "worsened"
    return direction, _significance(text)


_PRIMARY_SAID = re.compile(r"\b(?:primary|main) (?:efficacy )?(?:outcome|end ?point|endpoint)")


def _result_sentences(doc: Document) -> list[Sentence]:
    results = doc.in_categories("RESULTS")
    if results:
        return results
    # Unlabelled: the sentences between the aim and the conclusion.
    return [s for s in doc.sentences if s.category is None and s.index > 0]


def extract_results(doc: Document, outcomes: Sequence[TextFact] = ()) -> tuple[Result, ...]:
    """Return up to six results, in the order the abstract gives them.

    Each result is named by the outcome measure the sentence is about: an extracted outcome
    when the sentence names it (by its words or its short form, "6MWD"), else the words
    the sentence uses ("walking speed improved"). `primary` marks results about the primary
    outcome, or sentences that say they report it.
    """
    found: list[Result] = []
    named = _named_outcomes(outcomes)
    for sentence in _result_sentences(doc):
        if _REGISTRATION.search(sentence.lower):
            continue
        about = _about(sentence, named)
        read = read_result(sentence.lower)
        if read is None and about is not None:
            read = _change_of(sentence.lower, about.name.lower())
        if read is None:
            continue
        direction, significant = read
        outcome = about.name if about is not None else _outcome(sentence)
        if outcome is None:
            continue  # a finding we cannot name is left out rather than shown garbled
        if outcome.isupper() or re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,8}", outcome):
            defined = define_abbreviations(f"{doc.title.text} {doc.text}")
            outcome = expand_abbreviations(outcome, defined)  # "MFIS": its name
        primary = (about is not None and about.primary) or bool(
            _PRIMARY_SAID.search(sentence.lower)
        )
        found.append(Result(outcome, direction, significant, sentence.span(), primary))
        if len(found) >= _MAX_RESULTS:
            break
    return tuple(found)


def extract_conclusion(doc: Document) -> TextFact | None:
    """Return the authors' own concluding sentence."""
    for sentence in doc.in_categories("CONCLUSIONS"):
        if not _REGISTRATION.search(sentence.lower) and len(sentence.text.split()) >= 5:
            return TextFact(sentence.text, sentence.span())
    usable = [s for s in doc.sentences if not _REGISTRATION.search(s.lower)]
    for sentence in reversed(usable[len(usable) // 2 :]):
        if _CONCLUSION_CUE.search(sentence.lower):
            return TextFact(sentence.text, sentence.span())
    if len(usable) >= 3:
        return TextFact(usable[-1].text, usable[-1].span())
    return None
