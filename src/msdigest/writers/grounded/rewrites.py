"""Rewrite research English into plain English: the rules the simplifier applies in order.

The glossary's plain-words map (`msdigest.glossary.load_plain_words`) swaps single terms.
These rules handle what a word list cannot: who did it ("We found" becomes "The
researchers found"), the grammar of hedges and statistics ("did not differ significantly"
becomes "did not clearly differ"), stock openers ("Taken together,"), and phrases whose
word order must change ("thalamic volume" becomes "the size of the thalamus"). Each rule
is a regular expression and its replacement; a capital at the start of a match is kept.

No rule may introduce a digit or a number word: the numbers check allows only numbers that
occur in the source, and a test holds this table to that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from msdigest.text.trie import trie_pattern

__all__ = ["REWRITES", "apply_rewrites", "apply_rewrites_one_by_one"]

_LITERAL = _constants.LITERAL
_SUBPATTERN = _constants.SUBPATTERN
_BRANCH = _constants.BRANCH
_MAX_REPEAT = _constants.MAX_REPEAT
_MIN_REPEAT = _constants.MIN_REPEAT

_BRAIN_PARTS = (
    r"thalamic|thalamus|hippocampal|hippocampus|cortical|cerebellar|whole[- ]brain|brain|"
    r"grey[- ]matter|gray[- ]matter|white[- ]matter|spinal[- ]cord|lesion|T2[- ]lesion|"
    r"deep grey matter|deep gray matter|putamen|caudate"
)
_PART_NOUN = {
    "thalamic": "thalamus",
    "hippocampal": "hippocampus",
    "cortical": "brain's outer layer",
    "cerebellar": "cerebellum",
    "whole brain": "whole brain",
    "whole-brain": "whole brain",
    "lesion": "damaged areas",
    "t2 lesion": "damaged areas",
    "t2-lesion": "damaged areas",
}

# (pattern, replacement); applied in this order, case-insensitively.
REWRITES: Sequence[tuple[str, str]] = (
    # Stock openers that carry no content.
    (
        r"^(?:In conclusion|In summary|To conclude|Taken together|Collectively|Overall|"
        r"Notably|Importantly|Interestingly|Of note|Altogether|Together|Surprisingly|"
        r"Unexpectedly|Remarkably|Specifically),\s*",
        "",
    ),
    (r"^(?:In|Using) (?:this|the|a|an) (?:[\w-]+ ){0,3}model,\s*", ""),
    (r"^(?:Furthermore|Moreover|Additionally|In addition|Also),\s*", ""),
    (r"(?<=\w) also (?=\w)", " "),
    # "The patient nevertheless declined": the contrast points to a sentence the summary
    # may not tell, so the fact is kept without it.
    (r"(?<=\w) (?:nevertheless|nonetheless) (?=\w)", " "),
    (
        r"\b(?:residual|unmeasured) confounding (?:cannot|could not|can not) be "
        r"(?:excluded|ruled out)\b",
        "other differences between people may explain part of the link",
    ),
    (r"^(?:Therefore|Thus|Hence|Consequently|Accordingly),\s*", "So, "),
    (r"^Conversely,\s*", "On the other hand, "),
    (r"\b(?:in addition|additionally),\s*", "also, "),
    # Who did it.
    (r"(?-i:^We )(?=[a-z])", "The researchers "),
    (r"\bwe\b", "the researchers"),
    (r"\bour (?=(?:results|findings|data|study|analysis|analyses|work|observations)\b)", "the "),
    (r"\bthe present (study|work|analysis|trial)\b", r"this \1"),
    (r"\bthe current (study|work|analysis|trial)\b", r"this \1"),
    (r"\bin this work\b", "in this study"),
    # Aims.
    (
        r"\b(?:the )?(?:aim|objective|purpose|goal)s? of (?:this|the|our) "
        r"(?:study|work|trial|analysis|review) (?:was|is|were|are) to\b",
        "this study set out to",
    ),
    (r"\b(?:aimed|sought|aims|seeks) to\b", "set out to"),
    (r"\bin order to\b", "to"),
    (r"\bto (?:determine|ascertain|establish) (?=whether|if|how|what|which)", "to find out "),
    (r"\bto (?:investigate|evaluate|examine|explore|assess)\b", "to look at"),
    # Hedging and statistics words.
    (r"\bstatistically significant(?:ly)?\b", "clear"),
    (r"\b(?:did not|didn't) (?:differ|change) significantly\b", "did not clearly change"),
    (r"\bnot significantly (different|changed|associated)\b", r"not clearly \1"),
    (r"\bno (?:statistically )?significant\b", "no clear"),
    (r"\bnon-?significant\b", "not clear"),
    (r"\bsignificantly\s+", ""),
    (
        r"\bsignificant (?=(?:improvement|reduction|increase|decrease|difference|change|effect|"
        r"association|benefit|decline|worsening|rise|drop)s?\b)",
        "clear ",
    ),
    (r"\bstatistically\s+", ""),
    # "median X was higher in A than in B": the middle value says what was typical.
    (
        r"\b(?:the )?median ((?:[a-z][\w-]* ){1,6}?)(was|were) (higher|lower|greater|longer|"
        r"shorter)\b",
        r"\1\2 typically \3",
    ),
    # Pooled effects of a review: "by a pooled 28% relative to the comparator".
    (r"\bby a pooled (?=\d)", "by "),
    (r"\brelative to (?:the )?comparators?\b", "compared with the comparison treatment"),
    (r"\brelative to (?:the )?controls?\b", "compared with the comparison group"),
    # "At trial level, ...": the authors mean the pattern across the trials reviewed.
    (r"^At (?:the )?(trial|study)[- ]level,\s*", r"Across \1s, "),
    # Microbiome words.
    (
        r"\b(lower|higher|reduced|increased|greater|decreased) alpha[- ]diversity\b",
        r"a \1 variety of gut bacteria",
    ),
    (r"\b(?:the )?alpha[- ]diversity\b", "the variety of gut bacteria"),
    # Immune cells by what they do: CD4+ T cells are helper T cells.
    (
        r"\bcirculating CD4\+ T[- ]cell (?:subsets|subpopulations)\b",
        "helper T cells in the blood",
    ),
    (r"\bCD4\+ T[- ]cell (?:subsets|subpopulations)\b", "kinds of helper T cells"),
    (r"\bmarkedly\b", "greatly"),
    (r"\bsubstantially\b", "greatly"),
    (r"\bdramatically\b", "greatly"),
    (r"\b(is|are|was|were) associated with\b", r"\1 linked to"),
    (r"\bassociated with\b", "linked to"),
    (r"\bassociations? (between|of|with)\b", r"links \1"),
    (r"\bcorrelated (?:with|to)\b", "went along with"),
    (r"\bcorrelation (?:with|to)\b", "link with"),
    (r"\bpredictive of\b", "a sign of"),
    # Verbs of science-speak.
    (r"\bdemonstrated\b", "showed"),
    (r"\bdemonstrates\b", "shows"),
    (r"\bdemonstrate\b", "show"),
    (r"\brevealed\b", "showed"),
    (r"\breveals\b", "shows"),
    (r"\b(was|were) observed\b", r"\1 seen"),
    (r"\b(was|were) detected\b", r"\1 found"),
    (r"\b(was|were|been) (?:performed|conducted|undertaken|carried out)\b", r"\1 done"),
    (r"\b(was|were) administered\b", r"\1 given"),
    (r"\b(?:utilized|utilised)\b", "used"),
    (r"\b(?:utilize|utilise)\b", "use"),
    (r"\bunderwent\b", "had"),
    (r"\bundergo\b", "have"),
    (r"\bexhibited\b", "showed"),
    (r"\bexhibit\b", "show"),
    (r"\binvestigated\b", "looked at"),
    (r"\bexamined\b", "looked at"),
    (r"\bevaluated\b", "looked at"),
    (r"\b(was|were) assessed\b", r"\1 measured"),
    (r"\bcommenced\b", "started"),
    (r"\binitiated\b", "started"),
    (r"\binitiating\b", "starting"),
    (r"\bdiscontinued\b", "stopped"),
    (r"\bdiscontinuation\b", "stopping"),
    (r"\bameliorating\b", "easing"),
    (r"\bameliorated\b", "eased"),
    (r"\bameliorates?\b", "ease"),
    (r"\battenuated\b", "reduced"),
    (r"\bexacerbated\b", "worsened"),
    (r"\bmitigat(?:e|es)\b", "ease"),
    (r"\bfacilitat(?:e|es)\b", "help"),
    (r"\benhanced\b", "improved"),
    (r"\benhances\b", "improves"),
    (r"\belevated\b", "higher"),
    (r"\bdiminished\b", "lower"),
    (r"\bdeteriorated\b", "worsened"),
    (r"\bdeterioration\b", "worsening"),
    (r"\balterations?\b", "changes"),
    (r"\baltered\b", "changed"),
    (r"\bpossess(?:es)?\b", "have"),
    (r"\bharbou?r\b", "carry"),
    (r"\belucidate\b", "explain"),
    (r"\bcharacteri[sz]ed by\b", "marked by"),
    (r"\bwere (?:randomly assigned|randomly allocated|randomi[sz]ed)\b", "were assigned by chance"),
    (r"\bwas (?:randomly assigned|randomly allocated|randomi[sz]ed)\b", "was assigned by chance"),
    (r"\b(?:were|was) enrolled\b", "took part"),
    # Connectives and small words.
    (r"\bprior to\b", "before"),
    (r"^Following\b", "After"),
    (r"\bsubsequently\b", "later"),
    (r"\bsubsequent\b", "later"),
    (r"\bapproximately\b", "about"),
    (r"\bdue to\b", "because of"),
    (r"\b(?:vs\.?|versus)(?= )", "compared with"),
    (r"\be\.g\.,?", "such as"),
    (r"\bi\.e\.,?", "that is,"),
    (r"\bvia\b", "through"),
    (r"\bwhereas\b", "while"),
    (r"\b(?:the|a) majority of (?=(?:the|these|those|their|its)\b)", "most of "),
    (r"\bthe majority of\b", "most"),
    (
        r"\b(?:primary|main) (?:outcome|end ?point|efficacy end ?point)(?: measure)?\b(?!s)",
        "main measure",
    ),
    (r"\b(?:primary|main) (?:outcome|end ?point)s?(?: measures)?\b", "main measures"),
    (r"\bsecondary (?:outcome|end ?point)s?(?: measures?)?\b", "other measures"),
    (r"\bmusculoskeletal adverse events\b", "muscle or joint problems"),
    (r"\bexacerbate\b", "worsen"),
    (r"\bmusculoskeletal\b", "muscle and joint"),
    (r"\ba majority of\b", "most"),
    (r"\bnumerous\b", "many"),
    (r"\bsufficient\b", "enough"),
    (r"\b(?:each|every|per|an) additional\b", "each extra"),
    (r"\badditional\b", "more"),
    (r"\bfrequently\b", "often"),
    (r"\bpredominantly\b", "mostly"),
    (r"\bprimarily\b", "mainly"),
    (r"\bconcomitant\b", "at the same time"),
    (r"\boptimal\b", "best"),
    (r"\bsuboptimal\b", "poor"),
    (r"\bmagnitude\b", "size"),
    (r"\ba total of\s+", ""),
    (r"\bin total,?\s*", ""),
    # People.
    (
        r"\b(?:persons|individuals|patients|subjects|people|participants) "
        r"with multiple sclerosis\b",
        "people with MS",
    ),
    (r"\bmultiple sclerosis\b", "MS"),
    (
        r"\b((?:relapsing-remitting|relapsing|progressive|primary progressive|"
        r"secondary progressive|paediatric|pediatric|early|late-onset) )?"
        r"MS (?:patients|subjects|individuals|persons|"
        r"participants|cases|sufferers)\b",
        r"people with \1MS",
    ),
    (r"\b(?:persons|individuals|patients|subjects|participants) with\b", "people with"),
    (r"\bpatients'", "people's"),
    (r"\bpatients\b", "people"),
    (r"\bpatient's\b", "person's"),
    (r"\bsubjects\b", "people"),
    (r"\bindividuals\b", "people"),
    (r"\bhealthy control (?:subjects|participants|individuals|people)\b", "healthy people"),
    (r"\bhealthy controls\b", "healthy people"),
    (r"\bhealthy volunteers\b", "healthy people"),
    # Body, brain and measures.
    (
        rf"\b(?:annual |yearly )?({_BRAIN_PARTS}) (?:volume loss|atrophy)\b",
        "shrinking of the {part}",
    ),
    (
        rf"\b(?:a )?(?:lower|smaller|reduced|decreased) ({_BRAIN_PARTS}) volumes?\b",
        "a smaller {part}",
    ),
    (
        rf"\b(?:a )?(?:higher|larger|greater|increased) ({_BRAIN_PARTS}) volumes?\b",
        "a larger {part}",
    ),
    (
        rf"\b(?:the )?(?:subcortical |deep |total |mean |normali[sz]ed )?({_BRAIN_PARTS}) "
        r"volumes?\b",
        "the size of the {part}",
    ),
    (r"\bbrain atrophy\b", "brain shrinkage"),
    (r"\bcentral nervous system\b", "brain and spinal cord"),
    (r"\bcerebrospinal fluid\b", "spinal fluid"),
    (r"\bmagnetic resonance imaging\b", "MRI"),
    # An adverse event is any health problem during a study, caused by the treatment or not.
    (r"\badverse events\b", "health problems"),
    (r"\badverse event\b", "health problem"),
    (r"\b(?:adverse effects|adverse reactions)\b", "side effects"),
    (r"\b(?:adverse effect|adverse reaction)\b", "side effect"),
    (r"\bserious adverse\b", "serious"),
    (r"\bcognitive impairment\b", "trouble with thinking and memory"),
    (r"\bvideoconferenc(?:e|es|ing)\b", "video call"),
    (r"\bprocessing-speed\b", "thinking-speed"),
    (r"\bcognitive (?:function|functioning|performance|abilities|ability)\b", "thinking ability"),
    (r"\bcognitive decline\b", "a decline in thinking ability"),
    (r"\b(?:information )?processing speed\b", "thinking speed"),
    (r"\bupper limbs?\b", "arm and hand"),
    (r"\blower limbs?\b", "legs"),
    (r"\bgait\b", "walking"),
    (r"\bdepressive symptoms\b", "signs of depression"),
    (r"\bdisability progression\b", "worsening disability"),
    (r"\bannuali[sz]ed relapse rate\b", "yearly relapse rate"),
    (r"\bquestionnaires\b", "surveys"),
    (r"\bquestionnaire\b", "survey"),
    (r"\bserum\b", "blood"),
    (r"\bin vitro\b", "in lab dishes"),
    (r"\bmurine\b", "mouse"),
    (r"\bmortality\b", "death"),
    (r"\b(fatigue|pain|symptom|exercise|disease) self-efficacy\b", r"sense of control over \1"),
    (r"\bself-efficacy\b", "sense of control"),
    (r"(?<!-)\befficacy\b", "benefit"),
    (r"\bfeasible\b", "doable"),
    (r"\bsubstructures\b", "parts"),
    (r"\b(?:alanine|aspartate) aminotransferase\b", "a liver enzyme"),
    (r"\bclinically and radiologically stable\b", "stable in symptoms and on scans"),
    (r"\bradiologically\b", "on scans"),
    (r"\bmodifiable\b", "changeable"),
    (r"\btherapies\b", "treatments"),
    (r"\btherapy\b", "treatment"),
    (r"\btherapeutic\b", "treatment"),
    (r"\bdysfunction\b", "problems"),
    (r"\bimpairments?\b", "problems"),
)


def _keep_case(original: str, replacement: str) -> str:
    first_word = original.split()[0] if original.split() else original
    ordinary = first_word[1:] == first_word[1:].lower() and not any(c.isdigit() for c in first_word)
    if original[:1].isupper() and ordinary and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _expand(match: re.Match[str], replacement: str) -> str:
    if "{part}" in replacement:
        part = match.group(1)
        noun = _PART_NOUN.get(part.lower(), part.lower())
        return replacement.replace("{part}", noun)
    return match.expand(replacement)


def _replacer(replacement: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        return _keep_case(match.group(0), _expand(match, replacement))

    return replace


_COMPILED = tuple(
    (re.compile(pattern, re.IGNORECASE), _replacer(replacement))
    for pattern, replacement in REWRITES
)

_SIMPLE = re.compile(r"\\b([A-Za-z' -]+)\\b")


def _word_rule(
    rules: list[tuple[str, str]],
) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
    """Return one regex and replacer for consecutive plain word-for-word rules."""
    table = {literal.lower(): replacement for literal, replacement in rules}
    words = sorted(table, key=len, reverse=True)
    regex = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)

    def replace(match: re.Match[str]) -> str:
        return _keep_case(match.group(0), table[match.group(0).lower()])

    return regex, replace


def _steps() -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]:
    """Return the rules as steps: runs of plain word rules merged into a single pass each.

    Merging keeps the order between a run and the rules around it; within a run no rule's
    output is another's input (a test compares the result with rule-by-rule application).
    """
    steps: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = []
    run: list[tuple[str, str]] = []
    for (pattern, replacement), compiled in zip(REWRITES, _COMPILED, strict=True):
        simple = _SIMPLE.fullmatch(pattern)
        if simple and "\\" not in replacement and "{" not in replacement:
            run.append((simple.group(1), replacement))
            continue
        if run:
            steps.append(_word_rule(run))
            run = []
        steps.append(compiled)
    if run:
        steps.append(_word_rule(run))
    return tuple(steps)


_STEPS = _steps()


def _required(items: Any) -> frozenset[str] | None:
    """Return strings one of which every match of the parsed pattern `items` contains.

    None when no such literal can be told (a rule that must always be tried). Literals
    are lower-cased, as the rules match case-blind and are tested on lower-cased text.
    """
    best: frozenset[str] | None = None
    run = ""

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, value in items:
        if op is _LITERAL:
            run += chr(value).lower()
            continue
        consider(frozenset({run}) if len(run) >= 2 else None)
        run = ""
        if op is _SUBPATTERN:
            consider(_required(value[-1]))
        elif op is _BRANCH:
            branches = [_required(branch) for branch in value[1]]
            if all(branches):
                consider(frozenset().union(*(b for b in branches if b)))
        elif op in (_MAX_REPEAT, _MIN_REPEAT) and value[0] >= 1:
            consider(_required(value[2]))
    consider(frozenset({run}) if len(run) >= 2 else None)
    return best


def _anchors(regex: re.Pattern[str]) -> frozenset[str] | None:
    try:
        return _required(_parser.parse(regex.pattern, regex.flags))
    except (re.error, TypeError, ValueError, IndexError):
        return None  # a pattern the parser cannot read is simply always tried


# Each step is tried only when the lower-cased text holds one of its literal anchors (a
# fast substring test), so a sentence pays for the few rules that may apply rather than a
# regular-expression scan per rule; a test checks that no match is ever skipped.
_ANCHORED = tuple((step, _anchors(step[0])) for step in _STEPS)
_ALL_ANCHORS = tuple(sorted({a for _, anchors in _ANCHORED if anchors for a in anchors}))


# Which anchors a text holds, found in one scan: at each position the longest anchor
# that starts there (a lookahead, so anchors may overlap), and with it every anchor it
# contains. Any anchor in the text starts somewhere, and the longest anchor starting at
# the same place contains it, so none is missed.
_ANCHOR_SCAN = re.compile(f"(?=({trie_pattern(_ALL_ANCHORS)}))")
_CONTAINED = {a: frozenset(b for b in _ALL_ANCHORS if b in a) for a in _ALL_ANCHORS}


def _present(lower: str) -> frozenset[str]:
    """Return the anchors that occur in `lower` (as `anchor in lower` would tell each)."""
    return frozenset().union(*map(_CONTAINED.__getitem__, _ANCHOR_SCAN.findall(lower)))


def apply_rewrites(text: str) -> str:
    """Return `text` with every rule of `REWRITES` applied in order."""
    present = _present(text.lower())
    for (regex, replace), anchors in _ANCHORED:
        if anchors is not None and anchors.isdisjoint(present):
            continue
        if regex.search(text) is None:
            continue
        text = regex.sub(replace, text)
        present = _present(text.lower())
    return text


def apply_rewrites_one_by_one(text: str) -> str:
    """Return `text` with each rule applied on its own, in order (the reference for tests)."""
    for regex, replace in _COMPILED:
        text = regex.sub(replace, text)
    return text
