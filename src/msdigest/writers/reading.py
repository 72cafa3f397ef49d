"""Measure what a careful reader notices: is the finding said, is anything broken or repeated.

The mechanical targets (grade, numbers, length) say nothing about whether an article tells
a person with MS what a study found, or whether it reads as written by a careful person.
These measures do, for any engine, from the summary, its provenance and the source:

* **finding stated**: "the study" has a sentence resting on a result or conclusion of the
  source (a RESULTS or CONCLUSIONS sentence, or the sentence of an extracted result or
  conclusion) whenever the abstract reports results; enrolment and baseline sentences
  ("96 adults were randomised", "mean age was 44") do not count.
* **headline states a finding**: the headline rests on such a sentence (or on a title
  that states a finding), rather than only saying what was studied.
* **why it matters rests on the finding**: the line for people with MS, and the one for
  clinicians, cite a finding.
* **broken phrases**: fragments a careful writer never leaves ("about measures before",
  "But did not reduce ...", a sentence ending in "of", "therapys", "64.5.9%").
* **repeated facts**: the same count stated twice in "the study", or two near-identical
  sentences anywhere.
* **"early" for a randomised trial**: a full randomised trial called early.
* **specific "may not apply"**: when the source selects its people (an age range, "who
  could walk", one kind of MS, only women), the "who it may not apply to" line names that
  selection instead of a generic line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from msdigest.facts.document import Document, Sentence, build_document
from msdigest.facts.model import StudyFacts
from msdigest.paper import Paper
from msdigest.summary import LaySummary, SummarySentence

__all__ = [
    "BASELINE",
    "ReadingIssues",
    "broken_phrases",
    "finding_sentences",
    "is_baseline",
    "read_summary",
    "selection_phrases",
]

#: Sentences about who enrolled, finished or what they were like at the start: not findings.
BASELINE = re.compile(
    r"\b(?:were (?:randomi[sz]ed|randomly assigned|enrolled|included|recruited|screened|"
    r"allocated|assigned by chance)|(?:mean|median|average) (?:age|disease duration)|"
    r"\bage (?:was|of) \d|were (?:women|female|men|male)\b|\d+ (?:women|men)\b and|"
    r"baseline characteristics|completed the (?:study|trial|\d+-\w+ (?:assessment|follow-up)|"
    r"follow-up|assessment)|(?:dropped out|withdrew|lost to follow-up)|"
    r"(?:were|was) eligible|took part\b|agreed to participate|responded to|at baseline|"
    r"before the (?:intervention|treatment|programme|program|study)|"
    r"(?:were|was) identified|identified \d)",
    re.IGNORECASE,
)
_ASIDES = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")


#: What a pilot or single-group study reports as its findings: whether people came,
#: stayed and kept it up ("a recruitment rate of about 2 per month").
FEASIBILITY = re.compile(
    r"\b(?:adherence|attend\w*|retention|retained|recruitment rate|acceptab\w*|satisf\w*|"
    r"feasib\w*|completion rate)\b",
    re.IGNORECASE,
)
_FEASIBILITY_DESIGNS = frozenset({"feasibility_or_pilot", "single_arm_trial"})


def is_baseline(text: str, design: str | None = None) -> bool:
    """Return True for a sentence about who enrolled or what they were like at the start.

    Asides in brackets are left out first: "Of 301 people (mean age 42), 104 had ..." is a
    finding that mentions the age in passing. In a pilot or single-group study, how many
    came, stayed and kept it up is the finding (`design` tells).
    """
    if BASELINE.search(_ASIDES.sub("", text)) is None:
        return False
    return not (design in _FEASIBILITY_DESIGNS and FEASIBILITY.search(text))


_PROTOCOL = re.compile(r"\bprotocol for\b|\bstudy protocol\b", re.IGNORECASE)
_RESULT_CUE = re.compile(
    r"\b(?:improv|reduc|increas|decreas|lower|higher|better|worse|differ|linked|associat|"
    r"predict|fewer|more|less|chang|stable|safe|side effects|adverse|rose|fell|found|"
    r"showed|revealed|observed|evidence|benefit|harm|effective|suppress|promot|protect|enhanc|"
    r"prevent|delay|attenuat|exacerbat|worsen|we show|here we|demonstrat|feasib|acceptab|doable|"
    r"no (?:clear |significant )?(?:difference|effect|change))",
    re.IGNORECASE,
)

# --- broken phrases -------------------------------------------------------------------

_FUNCTION_END = re.compile(
    r"(?<!\bthan )(?<!\bas )\b(?:the|a|an|of|with|by|from|and|or|but|before|into|"
    r"between|its|their|this|these|such|very)\s*[.;:,]?$",
    re.IGNORECASE,
)
_SUBJECTLESS = re.compile(
    r"^(?:but|and|or|yet|while)\s+(?:did|does|do|was|were|is|are|had|has|have|could|can|"
    r"may|might|not|also|only|still|remained|showed|improved|reduced|increased|decreased)\b",
    re.IGNORECASE,
)
_FRAGMENT_SLOT = re.compile(
    r"\b(?:about|got|had|on|tested|of|to|with)\s+(?:the\s+)?(?:measures?|assessments?|"
    r"data|scores?|values?|variables?|parameters?|outcomes?)\s+(?:before|after|at|taken)\b"
    r"(?!\s+(?:and|or)\s+(?:before|after))(?!\s+(?:the|each|every|a|an)\b)|"
    r"\b(?:measures?|assessments?) before\b(?!\s+(?:and|or)\s+after)(?!\s+(?:the|each|a|an)\b)",
    re.IGNORECASE,
)
_BROKEN_NUMBER = re.compile(r"\d+\.\d+\.\d+")
_BAD_PLURAL = re.compile(r"\b[a-z]+[bcdfghjklmnpqrstvwxz]ys\b")
_DOUBLED = re.compile(r"\b([a-z]{2,})\s+\1\b", re.IGNORECASE)
_STRAY_PUNCTUATION = re.compile(r"\s[,.;:]|[,;:]{2,}|\.\.|\(\s*\)|^\W")
_MISSING_OF = re.compile(
    r"\b(?:most|many|some|few|percentage|mean|median|average) the\b|"
    r"\b(?:a|an|the) (?:the|a|an)\b|"
    r"\b(?:a|an) (?:lower|higher|smaller|larger|greater|reduced|increased) the\b",
    re.IGNORECASE,
)
_DANGLING_ABBREVIATION = re.compile(r"\b[a-z]{2,5}\.\s+[a-z]")
#: Templates that fit any study: "who it may not apply to" that names no selection.
_GENERIC_NOT_APPLY = re.compile(
    r"only some kinds of people took part|people unlike those studied|"
    r"may not have included people like you",
    re.IGNORECASE,
)
_EARLY_FRAME = re.compile(
    r"\bearly (?:study|studies|evidence|step|trial|trials|research|work|look|clues?|"
    r"findings|results)\b|\b(?:findings|results) (?:are|were) early\b|"
    r"\bfirst clues\b|\bstudies like this show what is worth testing\b",
    re.IGNORECASE,
)


def broken_phrases(text: str) -> list[str]:
    """Return what reads as broken in one sentence (empty when it reads cleanly)."""
    found: list[str] = []
    body = text.strip()
    if _FUNCTION_END.search(body):
        found.append("ends on a function word")
    if _SUBJECTLESS.match(body):
        found.append("no subject")
    if _FRAGMENT_SLOT.search(body):
        found.append("fragment in a slot")
    if _BROKEN_NUMBER.search(body):
        found.append("broken number")
    if _BAD_PLURAL.search(body):
        found.append("bad plural")
    doubled = _DOUBLED.search(body)
    if doubled and doubled.group(1).lower() not in ("that", "had"):
        found.append("doubled word")
    if _STRAY_PUNCTUATION.search(body):
        found.append("stray punctuation")
    if _MISSING_OF.search(body):
        found.append("missing 'of'")
    if _DANGLING_ABBREVIATION.search(body.rstrip(".")):
        found.append("cut abbreviation")
    return found


# --- selection ------------------------------------------------------------------------

_SELECTION = re.compile(
    r"\baged (?:between )?\d+(?:\s*(?:-|\u2013|to|and)\s*\d+)?(?: years?)?(?: or (?:over|older))?|"
    r"\b\d+\s*(?:-|\u2013|to)\s*\d+ years?(?: of age| old)?\b|"
    r"\bwho (?:could|can|were able to|was able to) [a-z0-9 .]+?"
    r"(?=\s+(?:were|was|and|or|who|with)\b|[,;()]|\.?$)|"
    r"\bable to walk\b|"
    r"\bEDSS (?:score )?(?:of |between |\u2264 |<= |< |up to )?\d[\d.]*(?:\s*(?:-|\u2013|to|and)"
    r"\s*\d[\d.]*)?|"
    r"\b(?:relapsing[- ]remitting|primary[- ]progressive|secondary[- ]progressive|progressive|"
    r"relapsing|paediatric|pediatric|newly diagnosed|treatment-na[i\u00ef]ve|untreated|NMOSD|"
    r"MOGAD|neuromyelitis|clinically isolated syndrome|who had fallen)\b|"
    r"\b(?:women|mothers|pregnant|men|children|adolescents|older adults|veterans)\b|"
    r"\bwith (?:slow(?:ed|er)? processing speed|fatigue|depression|ataxia|spasticity|"
    r"overactive bladder|cognitive impairment|pain)\b",
    re.IGNORECASE,
)
_NO_SELECTION = frozenset(
    {"animal_or_lab", "systematic_review", "meta_analysis", "case_report_or_series"}
)
_SELECTION_WORDS = re.compile(r"[a-z]{4,}|\d+(?:\.\d+)?", re.IGNORECASE)
_NOT_SELECTION_WORDS = frozenset({"with", "years", "aged", "between", "score", "could", "able"})


def selection_phrases(
    paper: Paper, facts: StudyFacts, document: Document | None = None
) -> list[str]:
    """Return the ways the study selected its people, as the source words them.

    Read from the population fact, the title and the methods (all of an abstract without
    labels): "aged 18-65 years", "who could walk 100 m without aid", "relapsing-remitting",
    "women". Lab work and reviews select no people of their own and give nothing.
    """
    if facts.study_design in _NO_SELECTION:
        return []
    document = document or build_document(paper)
    texts = [facts.population.text if facts.population else "", paper.title]
    methods = document.in_categories("METHODS")
    if not methods and not document.has_sections:
        methods = list(document.sentences[:4])
    texts += [s.text for s in methods]
    found: dict[str, str] = {}
    for text in texts:
        for match in _SELECTION.finditer(text):
            phrase = match.group(0).strip()
            found.setdefault(phrase.lower(), phrase)
    return list(found.values())


_SYNONYMS = {
    "women": ("woman",),
    "men": ("man",),
    "children": ("child", "young"),
    "adolescents": ("teenager", "young"),
    "paediatric": ("child", "teenager", "young"),
    "pediatric": ("child", "teenager", "young"),
    "untreated": ("treatment",),
    "relapsing": ("progressive",),
    "progressive": ("relapsing",),
}


def _names_selection(line: str, phrases: list[str]) -> bool:
    low = line.lower()
    for phrase in phrases:
        keys = [
            w.lower()
            for w in _SELECTION_WORDS.findall(phrase)
            if w.lower() not in _NOT_SELECTION_WORDS
        ]
        keys += [synonym for k in keys for synonym in _SYNONYMS.get(k, ())]
        if any(re.search(rf"\b{re.escape(k)}", low) for k in keys):
            return True
    return False


# --- findings -------------------------------------------------------------------------


def _overlaps(sentence: Sentence, start: int, end: int) -> bool:
    return sentence.start < end and start < sentence.end


def finding_sentences(paper: Paper, facts: StudyFacts, document: Document) -> list[Sentence]:
    """Return the source sentences that report what the study found.

    RESULTS and CONCLUSIONS sentences, the sentences of extracted results and the
    conclusion, and, in an abstract without a results section, the later sentences that
    read like results; never a sentence about enrolment or the people at the start.
    """
    spans = [r.span for r in facts.results if r.span is not None]
    if facts.conclusion is not None and facts.conclusion.span is not None:
        spans.append(facts.conclusion.span)
    has_results = bool(document.in_categories("RESULTS"))
    found = []
    for sentence in document.sentences:
        anchored = any(
            span.section != "TITLE" and _overlaps(sentence, span.start, span.end) for span in spans
        )
        labelled = sentence.category in ("RESULTS", "CONCLUSIONS")
        unlabelled = (
            not has_results
            and sentence.category is None
            and sentence.index >= 2
            and _RESULT_CUE.search(sentence.text) is not None
        )
        baseline = is_baseline(sentence.text, facts.study_design)
        if (anchored or labelled or unlabelled) and not baseline:
            found.append(sentence)
    return found


def _is_protocol(paper: Paper, facts: StudyFacts) -> bool:
    return any("protocol" in note for note in facts.notes) or bool(_PROTOCOL.search(paper.title))


def _rests_on(sentence: SummarySentence, findings: list[Sentence], title_ok: bool) -> bool:
    for source in sentence.sources:
        if source.kind == "fact" and source.ref.startswith("results"):
            return True
        if source.kind != "source":
            continue
        place, _, offsets = source.ref.partition(":")
        start_text, _, end_text = offsets.partition("-")
        if not (start_text.isdigit() and end_text.isdigit()):
            continue
        start, end = int(start_text), int(end_text)
        if place == "title" and title_ok and start == 0:
            return True
        if place == "abstract" and any(_overlaps(s, start, end) for s in findings):
            return True
    return False


@dataclass(slots=True)
class ReadingIssues:
    """What a careful reader would notice in one summary."""

    reports_results: bool
    finding_stated: bool
    headline_finding: bool
    people_finding: bool
    providers_finding: bool
    broken: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    early_trial: list[str] = field(default_factory=list)
    selection: list[str] = field(default_factory=list)
    may_not_apply_specific: bool = True


_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.]*\d)")
_CONTENT = re.compile(r"[a-z]{4,}")


def _repeated(summary: LaySummary, facts: StudyFacts, findings: list[Sentence]) -> list[str]:
    """Return counts said twice in "the study", and near-identical sentences below the headline."""
    found: list[str] = []
    size = facts.sample_size
    counts = {n for n in (size.total, size.completers, *(g.count for g in size.groups)) if n}
    # A count told twice as who took part ("96 took part" ... "96 were randomised"); a
    # finding that cites the total ("of 301 people, 104 had ...") is not a repeat.
    study = [
        s.text
        for s in summary.sentences
        if s.section == "study" and not (_rests_on(s, findings, False) and not is_baseline(s.text))
    ]
    for count in sorted(counts):
        if count < 10:
            continue
        said = [
            text
            for text in study
            if str(count) in {m.replace(",", "") for m in _NUMBER.findall(text)}
        ]
        if len(said) > 1:
            found.append(f"count {count} said {len(said)} times in the study")
    # The headline states the main finding that "the study" then tells in full: only the
    # other sentences are compared.
    texts = [s.text for s in summary.sentences if s.section != "headline"]
    bags = [set(_CONTENT.findall(t.lower())) for t in texts]
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            a, b = bags[i], bags[j]
            if len(a) >= 4 and len(b) >= 4 and len(a & b) / len(a | b) >= 0.6:
                found.append(f"near-identical: {texts[i]!r} / {texts[j]!r}")
    return found


def read_summary(summary: LaySummary, paper: Paper, facts: StudyFacts) -> ReadingIssues:
    """Return what a careful reader would notice in `summary` of `paper`."""
    document = build_document(paper)
    findings = finding_sentences(paper, facts, document)
    reports = not _is_protocol(paper, facts) and bool(findings)
    title_ok = _title_states_finding(paper.title)
    study = [s for s in summary.sentences if s.section == "study"]
    headline = [s for s in summary.sentences if s.section == "headline"]
    why = [s for s in summary.sentences if s.section == "why_it_matters"]
    issues = ReadingIssues(
        reports_results=reports,
        finding_stated=any(_rests_on(s, findings, False) for s in study),
        headline_finding=any(_rests_on(s, findings, title_ok) for s in headline),
        people_finding=any(
            _rests_on(s, findings, False) for s in why if s.part == "people_with_ms"
        ),
        providers_finding=any(
            _rests_on(s, findings, False) for s in why if s.part == "healthcare_providers"
        ),
    )
    for sentence in summary.sentences:
        for problem in broken_phrases(sentence.text):
            issues.broken.append(f"{problem}: {sentence.text}")
    issues.repeated = _repeated(summary, facts, findings)
    if facts.study_design == "randomized_controlled_trial":
        issues.early_trial = [s.text for s in summary.sentences if _EARLY_FRAME.search(s.text)]
    issues.selection = selection_phrases(paper, facts, document)
    not_apply = summary.why_it_matters.may_not_apply_to
    if issues.selection:
        issues.may_not_apply_specific = not _GENERIC_NOT_APPLY.search(
            not_apply
        ) and _names_selection(not_apply, issues.selection)
    return issues


_TITLE_VERB = re.compile(
    r"\b(?:is|are|was|were|does|do|did|improves?|improved|reduces?|reduced|increases?|"
    r"increased|decreases?|decreased|predicts?|predicted|protects?|promotes?|worsens?|"
    r"affects?|alters?|prevents?|lowers?|raises?|drives?|causes?|shows?|links?|linked|helps?|"
    r"slows?|delays?|restores?|boosts?|tracks?|matters?)\b",
    re.IGNORECASE,
)


def _title_states_finding(title: str) -> bool:
    return ":" not in title and not title.rstrip().endswith("?") and bool(_TITLE_VERB.search(title))
