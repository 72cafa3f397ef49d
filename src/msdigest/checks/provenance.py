"""Check `provenance`: every sentence says what it rests on, and the quotes are real.

The website's "where does this come from?" shows, for each sentence, the source sentence
or fact behind it; that is only worth showing if it is true. Fails when:

* `summary.sentences` is empty, or a sentence has no source at all;
* a sentence names an unknown section or part;
* the sentences of a section, joined, are not that section's text (whitespace aside):
  the provenance would then describe a text the reader does not see;
* a "source" provenance does not quote the abstract (or title) at its offsets: `ref`
  must be "abstract:<start>-<end>" (or "title:<start>-<end>") and `text` must equal that
  slice of `Paper.abstract_text` (or `Paper.title`);
* a "fact" provenance names no field of `StudyFacts`, or a fact that was not found.

Warns when a sentence of "the study" rests only on editorial framing: what the study did
and found must come from the source.
"""

from __future__ import annotations

import re
from dataclasses import fields

from msdigest.checks.context import WHY_IT_MATTERS_PARTS, CheckInput, make_result, quote
from msdigest.facts.model import LIMITATION_FLAGS, StudyFacts
from msdigest.summary import SECTIONS, CheckResult, Provenance, SummarySentence

__all__ = ["NAME", "check"]

NAME = "provenance"

_REF = re.compile(r"^(?P<where>abstract|title):(?P<start>\d+)-(?P<end>\d+)$")
_FACT_NAME = re.compile(r"^(?P<name>[a-z_]+)(?:\.(?P<sub>[a-z_]+))?(?:[.\[]\d+\]?)?")
_FACT_FIELDS = frozenset(f.name for f in fields(StudyFacts)) - {"paper_id", "pmid", "notes"}
_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _source_problem(source: Provenance, data: CheckInput) -> str | None:
    match = _REF.match(source.ref)
    if not match:
        return f"source ref {quote(source.ref)} is not 'abstract:<start>-<end>'"
    text = data.paper.abstract_text if match["where"] == "abstract" else data.paper.title
    start, end = int(match["start"]), int(match["end"])
    if text[start:end] == source.text and end > start:
        return None
    found = text.find(source.text) if source.text else -1
    if found >= 0:
        return (
            f"source {quote(source.ref)} has the wrong offsets: the quote is at "
            f"{match['where']}:{found}-{found + len(source.text)}"
        )
    return f"source {quote(source.ref)} quotes text that is not in the {match['where']}"


def _fact_problem(source: Provenance, facts: StudyFacts) -> str | None:
    match = _FACT_NAME.match(source.ref)
    name = match["name"] if match else ""
    if name not in _FACT_FIELDS:
        return f"fact {quote(source.ref)} is not a field of the study facts"
    if name == "limitations":
        sub = match["sub"] if match else None
        if sub is not None and sub not in LIMITATION_FLAGS:
            return f"fact {quote(source.ref)} names no limitation flag"
        return None
    value = getattr(facts, name)
    if value is None or value == ():
        return f"fact {quote(source.ref)} rests on a fact that was not found"
    return None


def _section_texts(data: CheckInput) -> dict[tuple[str, str | None], str]:
    """Return the text each group of sentences must add up to, keyed by (section, part)."""
    summary = data.summary
    parted = all(
        s.part in WHY_IT_MATTERS_PARTS for s in summary.sentences if s.section == "why_it_matters"
    )
    texts: dict[tuple[str, str | None], str] = {
        ("headline", None): summary.headline,
        ("study", None): summary.study,
        ("keep_in_mind", None): summary.keep_in_mind,
    }
    if parted:
        for part in WHY_IT_MATTERS_PARTS:
            texts[("why_it_matters", part)] = getattr(summary.why_it_matters, part)
    else:
        texts[("why_it_matters", None)] = summary.why_it_matters.text()
    return texts


def _key(sentence: SummarySentence, parted: bool) -> tuple[str, str | None]:
    if sentence.section == "why_it_matters" and parted:
        return (sentence.section, sentence.part)
    return (sentence.section, None)


def check(data: CheckInput) -> CheckResult:
    """Return fail for a missing or false provenance; warn for unsourced study sentences."""
    sentences = data.summary.sentences
    if not sentences:
        return CheckResult(NAME, "fail", "the summary has no sentence-level provenance")
    problems: list[str] = []
    warnings: list[str] = []
    offending: list[str] = []
    texts = _section_texts(data)
    parted = ("why_it_matters", None) not in texts
    joined: dict[tuple[str, str | None], list[str]] = {key: [] for key in texts}
    for sentence in sentences:
        where = sentence.section + (f".{sentence.part}" if sentence.part else "")
        if sentence.section not in SECTIONS:
            problems.append(f"unknown section {quote(where)}")
            offending.append(sentence.text)
            continue
        joined.setdefault(_key(sentence, parted), []).append(sentence.text)
        if not sentence.sources:
            problems.append(f"no source for {quote(sentence.text, 100)}")
            offending.append(sentence.text)
            continue
        for source in sentence.sources:
            problem = None
            if source.kind == "source":
                problem = _source_problem(source, data)
            elif source.kind == "fact":
                problem = _fact_problem(source, data.facts)
            if problem:
                problems.append(f"{problem} (for {quote(sentence.text, 80)})")
                offending.append(sentence.text)
        if sentence.section == "study" and all(s.kind == "editorial" for s in sentence.sources):
            warnings.append(
                f"study sentence rests on no source or fact: {quote(sentence.text, 100)}"
            )
            offending.append(sentence.text)
    for key, parts in joined.items():
        expected = texts.get(key, "")
        if _flat(" ".join(parts)) != _flat(expected):
            name = key[0] + (f".{key[1]}" if key[1] else "")
            problems.append(f"the sentences of {name} do not add up to its text")
            offending.append(expected or " ".join(parts))
    ok = f"all {len(sentences)} sentences have a source; quotes match the abstract"
    return make_result(NAME, problems, warnings, offending, ok)
