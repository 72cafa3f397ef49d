"""Measure summaries against the writer's targets: `msdigest eval summaries`.

Every figure the writer is judged by is computed here, over any set of papers (PubMed XML,
our JSONL, or abstract/reference-summary pairs): reading grade (mean, worst, how many above
10), sentence length, numbers not in the source, overclaiming words, the four sections,
the participant count, hedged headlines, "small" for small studies, length in words, and
the per-check pass/warn/fail counts. For pairs (JSONL lines with a `reference_summary`) it
also reports how many of the reference summary's numbers ours states too, and the grades
of both, so ours can be compared with summaries written by people.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from msdigest.checks import CHECKS
from msdigest.checks.claims import overclaims
from msdigest.checks.completeness import states_count
from msdigest.checks.context import WHY_IT_MATTERS_PARTS
from msdigest.checks.evidence import design_reason, hedges, is_small
from msdigest.checks.numbers import source_numbers, summary_numbers
from msdigest.errors import InputError, MsdigestError
from msdigest.facts import extract_facts
from msdigest.facts.model import StudyFacts
from msdigest.paper import Paper
from msdigest.sources import Skipped, detect_format, read_papers
from msdigest.sources.jsonl import paper_from_json
from msdigest.summary import LaySummary
from msdigest.text.readability import flesch_kincaid_grade, words
from msdigest.text.sentences import split_sentences
from msdigest.writers import write_summary
from msdigest.writers.base import Engine
from msdigest.writers.reading import read_summary

__all__ = [
    "TARGETS",
    "EvalItem",
    "SummaryEval",
    "evaluate",
    "read_eval_inputs",
]

#: The targets the figures are held to (issue 4, "How good it must be").
TARGETS = {
    "mean_grade": 8.0,
    "stretch_mean_grade": 7.0,
    "max_grade": 10.0,
    "max_sentence_words": 25,
    "min_words": 150,
    "max_words": 450,
    "min_headline_finding_rate": 0.9,
    "min_not_apply_specific_rate": 0.9,
}
UNTITLED = "Untitled"


@dataclass(frozen=True, slots=True)
class EvalItem:
    """One paper to summarise, with the reference summary when the input is a pair."""

    paper: Paper
    reference: str | None = None


@dataclass(slots=True)
class SummaryEval:
    """The figures over a set of summaries; `to_json` gives them as one object."""

    summaries: int = 0
    skipped: list[str] = field(default_factory=list)
    untitled: int = 0
    grades: list[float] = field(default_factory=list)
    word_counts: list[int] = field(default_factory=list)
    long_sentences: list[str] = field(default_factory=list)
    unsourced_numbers: list[str] = field(default_factory=list)
    overclaiming: list[str] = field(default_factory=list)
    missing_sections: list[str] = field(default_factory=list)
    count_known: int = 0
    count_stated: int = 0
    count_missing: list[str] = field(default_factory=list)
    count_derived: list[str] = field(default_factory=list)
    hedge_needed: int = 0
    hedged: int = 0
    unhedged: list[str] = field(default_factory=list)
    small_needed: int = 0
    small_named: int = 0
    checks: dict[str, Counter[str]] = field(default_factory=dict)
    reference_grades: list[float] = field(default_factory=list)
    paired_grades: list[float] = field(default_factory=list)
    reference_numbers: int = 0
    reference_numbers_stated: int = 0
    results_reported: int = 0
    finding_stated: int = 0
    finding_missing: list[str] = field(default_factory=list)
    headline_finding: int = 0
    headline_without_finding: list[str] = field(default_factory=list)
    people_finding: int = 0
    providers_finding: int = 0
    broken: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    early_trial: list[str] = field(default_factory=list)
    selected: int = 0
    not_apply_specific: int = 0
    not_apply_generic: list[str] = field(default_factory=list)

    def add(self, item: EvalItem, summary: LaySummary) -> None:
        """Add the figures of one summary."""
        paper = item.paper
        facts_total = _facts_total(summary)
        self.summaries += 1
        text = summary.full_text
        grade = flesch_kincaid_grade(text)
        self.grades.append(grade)
        self.word_counts.append(len(words(text)))
        for sentence in split_sentences(text):
            if len(words(sentence.text)) > TARGETS["max_sentence_words"]:
                self.long_sentences.append(f"{paper.id}: {sentence.text}")
        source = source_numbers(f"{paper.title}\n{paper.abstract_text}")
        for value, written, percent in summary_numbers(text):
            stated = source.percent if percent else source.plain
            if round(value, 6) not in stated:
                self.unsourced_numbers.append(f"{paper.id}: {written}")
        self.overclaiming += [f"{paper.id}: {word}" for word in overclaims(text)]
        missing = _missing_sections(summary)
        if missing:
            self.missing_sections.append(f"{paper.id}: {', '.join(missing)}")
        if facts_total is not None and round(facts_total, 6) not in source.plain:
            # The extractor added the groups up; the abstract never states this total, so
            # the summary gives the group sizes instead (a sum would be an invented number).
            self.count_derived.append(f"{paper.id}: {facts_total}")
        elif facts_total is not None:
            self.count_known += 1
            if states_count(text, facts_total):
                self.count_stated += 1
            else:
                self.count_missing.append(f"{paper.id}: {facts_total}")
        if summary.checks is not None:
            for result in summary.checks.results:
                self.checks.setdefault(result.name, Counter())[result.status] += 1
        if item.reference is not None:
            self.reference_grades.append(flesch_kincaid_grade(item.reference))
            self.paired_grades.append(grade)
            ours = {round(v, 6) for v, _, _ in summary_numbers(text)}
            theirs = {round(v, 6) for v, _, _ in summary_numbers(item.reference)}
            self.reference_numbers += len(theirs)
            self.reference_numbers_stated += len(theirs & ours)

    def add_hedging(self, summary: LaySummary, needs_hedge: bool, small: bool) -> None:
        """Add whether the headline hedges where it must, and "small" where it must."""
        if needs_hedge:
            self.hedge_needed += 1
            if hedges(summary.headline):
                self.hedged += 1
            else:
                self.unhedged.append(f"{summary.paper_id}: {summary.headline}")
        if small:
            self.small_needed += 1
            if "small" in summary.full_text.lower():
                self.small_named += 1

    def add_reading(self, summary: LaySummary, paper: Paper, facts: StudyFacts) -> None:
        """Add what a careful reader would notice (see `msdigest.writers.reading`)."""
        issues = read_summary(summary, paper, facts)
        if issues.reports_results:
            self.results_reported += 1
            if issues.finding_stated:
                self.finding_stated += 1
            else:
                self.finding_missing.append(f"{paper.id}: {summary.study}")
            if issues.headline_finding:
                self.headline_finding += 1
            else:
                self.headline_without_finding.append(f"{paper.id}: {summary.headline}")
            self.people_finding += issues.people_finding
            self.providers_finding += issues.providers_finding
        self.broken += [f"{paper.id}: {b}" for b in issues.broken]
        self.repeated += [f"{paper.id}: {r}" for r in issues.repeated]
        self.early_trial += [f"{paper.id}: {e}" for e in issues.early_trial]
        if issues.selection:
            self.selected += 1
            if issues.may_not_apply_specific:
                self.not_apply_specific += 1
            else:
                self.not_apply_generic.append(
                    f"{paper.id}: {summary.why_it_matters.may_not_apply_to} "
                    f"(selection: {'; '.join(issues.selection[:4])})"
                )

    def to_json(self) -> dict[str, Any]:
        """Return every figure as one JSON-ready object."""
        count = len(self.grades)
        mean = round(sum(self.grades) / count, 2) if count else None
        figures: dict[str, Any] = {
            "summaries": self.summaries,
            "skipped": self.skipped,
            "untitled_inputs": self.untitled,
            "grade": {
                "mean": mean,
                "max": round(max(self.grades), 2) if count else None,
                "above_10": sum(g > TARGETS["max_grade"] for g in self.grades),
            },
            "sentences_over_25_words": len(self.long_sentences),
            "numbers_not_in_source": len(self.unsourced_numbers),
            "overclaiming_words": len(self.overclaiming),
            "all_sections": self.summaries - len(self.missing_sections),
            "participant_count": {
                "known": self.count_known,
                "stated": self.count_stated,
                "total_not_in_abstract": len(self.count_derived),
            },
            "hedged_headline": {"needed": self.hedge_needed, "hedged": self.hedged},
            "small_named": {"needed": self.small_needed, "named": self.small_named},
            "words": {
                "min": min(self.word_counts) if count else None,
                "mean": round(sum(self.word_counts) / count, 1) if count else None,
                "max": max(self.word_counts) if count else None,
                "within_150_450": sum(
                    TARGETS["min_words"] <= n <= TARGETS["max_words"] for n in self.word_counts
                ),
            },
            "reading": {
                "results_reported": self.results_reported,
                "finding_stated": self.finding_stated,
                "headline_states_finding": self.headline_finding,
                "people_line_rests_on_finding": self.people_finding,
                "providers_line_rests_on_finding": self.providers_finding,
                "broken_phrases": len(self.broken),
                "repeated_facts": len(self.repeated),
                "early_said_of_randomised_trial": len(self.early_trial),
                "selected_population": self.selected,
                "may_not_apply_specific": self.not_apply_specific,
            },
            "checks": {
                name: {s: self.checks.get(name, Counter())[s] for s in ("pass", "warn", "fail")}
                for name in CHECKS
            },
            "problems": {
                "long_sentences": self.long_sentences,
                "numbers_not_in_source": self.unsourced_numbers,
                "overclaiming": self.overclaiming,
                "missing_sections": self.missing_sections,
                "count_not_stated": self.count_missing,
                "total_not_in_abstract": self.count_derived,
                "unhedged_headlines": self.unhedged,
                "finding_not_stated": self.finding_missing,
                "headline_without_finding": self.headline_without_finding,
                "broken_phrases": self.broken,
                "repeated_facts": self.repeated,
                "early_said_of_randomised_trial": self.early_trial,
                "may_not_apply_generic": self.not_apply_generic,
            },
        }
        if self.reference_grades:
            pairs = len(self.reference_grades)
            figures["pairs"] = {
                "pairs": pairs,
                "reference_grade_mean": round(sum(self.reference_grades) / pairs, 2),
                "our_grade_mean": round(sum(self.paired_grades) / pairs, 2),
                "reference_numbers": self.reference_numbers,
                "reference_numbers_we_state": self.reference_numbers_stated,
            }
        figures["targets_met"] = self.targets_met()
        return figures

    def targets_met(self) -> dict[str, bool]:
        """Return each target by name and whether these figures meet it."""
        count = len(self.grades)
        mean = sum(self.grades) / count if count else 0.0
        return {
            "mean_grade_at_most_8": count > 0 and mean <= TARGETS["mean_grade"],
            "stretch_mean_grade_at_most_7": count > 0 and mean <= TARGETS["stretch_mean_grade"],
            "no_summary_above_grade_10": all(g <= TARGETS["max_grade"] for g in self.grades),
            "no_sentence_over_25_words": not self.long_sentences,
            "no_number_outside_source": not self.unsourced_numbers,
            "no_overclaiming_word": not self.overclaiming,
            "all_sections_everywhere": not self.missing_sections,
            "participant_count_always_stated": self.count_stated == self.count_known,
            "hedged_headline_where_needed": self.hedged == self.hedge_needed,
            "small_named_where_needed": self.small_named == self.small_needed,
            "all_within_150_450_words": all(
                TARGETS["min_words"] <= n <= TARGETS["max_words"] for n in self.word_counts
            ),
            "finding_stated_whenever_reported": self.finding_stated == self.results_reported,
            "headline_states_finding_at_least_90pct": self.headline_finding
            >= TARGETS["min_headline_finding_rate"] * self.results_reported,
            "no_broken_phrase": not self.broken,
            "no_repeated_fact": not self.repeated,
            "no_early_for_randomised_trial": not self.early_trial,
            "may_not_apply_specific_at_least_90pct": self.not_apply_specific
            >= TARGETS["min_not_apply_specific_rate"] * self.selected,
        }


def _facts_total(summary: LaySummary) -> int | None:
    total = summary.evidence.get("sample_size")
    return total if isinstance(total, int) else None


def _missing_sections(summary: LaySummary) -> list[str]:
    missing = [name for name in ("headline", "study", "keep_in_mind") if not getattr(summary, name)]
    why = summary.why_it_matters
    missing += [f"why_it_matters.{p}" for p in WHY_IT_MATTERS_PARTS if not getattr(why, p)]
    return missing


def read_eval_inputs(paths: Iterable[str | Path], result: SummaryEval) -> Iterator[EvalItem]:
    """Yield the papers of the input files; pairs keep their reference summary.

    A JSONL line with a `reference_summary` is a pair. Pairs without a title (9 of the 20
    in the dev set) get the title "Untitled" so they can be read; the count is reported.
    Records that cannot be read are recorded in `result.skipped` with their reason.
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        if detect_format(path) != "jsonl":
            for item in read_papers([path]):
                if isinstance(item, Skipped):
                    result.skipped.append(str(item))
                else:
                    yield EvalItem(item)
            continue
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    result.skipped.append(f"{where}: invalid JSON: {exc.msg}")
                    continue
                reference = data.get("reference_summary") if isinstance(data, dict) else None
                if isinstance(data, dict) and reference and not data.get("title"):
                    data = {**data, "title": UNTITLED}
                    result.untitled += 1
                paper = paper_from_json(data, where)
                if isinstance(paper, Skipped):
                    result.skipped.append(str(paper))
                    continue
                yield EvalItem(paper, reference if isinstance(reference, str) else None)


def evaluate(
    paths: Iterable[str | Path], engine: Engine | str | None = None, progress: Any = None
) -> SummaryEval:
    """Return the figures for summaries of every paper in `paths`, written by `engine`.

    `progress` optionally wraps the item iterator (the CLI passes a progress bar).
    """
    result = SummaryEval()
    items: Iterable[EvalItem] = read_eval_inputs(paths, result)
    if progress is not None:
        items = progress(items)
    for item in items:
        facts = extract_facts(item.paper)
        try:
            summary = write_summary(item.paper, facts, engine)
        except MsdigestError as exc:
            result.skipped.append(f"{item.paper.id}: {exc}")
            continue
        result.add(item, summary)
        result.add_hedging(summary, design_reason(facts) is not None, is_small(facts))
        result.add_reading(summary, item.paper, facts)
    return result


def format_report(figures: dict[str, Any]) -> str:
    """Return the figures as a short plain-text report, one figure a line."""
    grade = figures["grade"]
    met = figures["targets_met"]

    def mark(key: str) -> str:
        return "ok " if met[key] else "MISS"

    stretch = "met" if met["stretch_mean_grade_at_most_7"] else "not met"
    lines = [
        f"summaries                      {figures['summaries']}"
        + (f" ({len(figures['skipped'])} skipped)" if figures["skipped"] else ""),
        f"{mark('mean_grade_at_most_8')} mean Flesch-Kincaid grade    {grade['mean']}"
        f"  (target <= 8; stretch <= 7 {stretch})",
        f"{mark('no_summary_above_grade_10')} highest grade             {grade['max']}"
        f"  ({grade['above_10']} above 10)",
        f"{mark('no_sentence_over_25_words')} sentences over 25 words   "
        f"{figures['sentences_over_25_words']}",
        f"{mark('no_number_outside_source')} numbers not in source     "
        f"{figures['numbers_not_in_source']}",
        f"{mark('no_overclaiming_word')} overclaiming words        {figures['overclaiming_words']}",
        f"{mark('all_sections_everywhere')} all four sections         "
        f"{figures['all_sections']}/{figures['summaries']}",
        f"{mark('participant_count_always_stated')} participant count stated  "
        f"{figures['participant_count']['stated']}/{figures['participant_count']['known']}"
        "  (totals the abstract states; "
        f"{figures['participant_count']['total_not_in_abstract']} more are sums of groups)",
        f"{mark('hedged_headline_where_needed')} hedged headline           "
        f"{figures['hedged_headline']['hedged']}/{figures['hedged_headline']['needed']}"
        "  (studies that are not trials or reviews)",
        f"{mark('small_named_where_needed')} 'small' named             "
        f"{figures['small_named']['named']}/{figures['small_named']['needed']}"
        "  (fewer than 100 people)",
        f"{mark('all_within_150_450_words')} words                     "
        f"min {figures['words']['min']}, mean {figures['words']['mean']}, "
        f"max {figures['words']['max']}; {figures['words']['within_150_450']} within 150-450",
    ]
    reading = figures["reading"]
    reported = reading["results_reported"]
    lines += [
        f"{mark('finding_stated_whenever_reported')} finding stated in 'the study' "
        f"{reading['finding_stated']}/{reported}  (abstracts that report results)",
        f"{mark('headline_states_finding_at_least_90pct')} headline states a finding "
        f"{reading['headline_states_finding']}/{reported}  (target >= 90%)",
        f"     why it matters on the finding people {reading['people_line_rests_on_finding']}"
        f"/{reported}, clinicians {reading['providers_line_rests_on_finding']}/{reported}",
        f"{mark('no_broken_phrase')} broken phrases            {reading['broken_phrases']}",
        f"{mark('no_repeated_fact')} repeated facts            {reading['repeated_facts']}",
        f"{mark('no_early_for_randomised_trial')} 'early' for a randomised trial "
        f"{reading['early_said_of_randomised_trial']}",
        f"{mark('may_not_apply_specific_at_least_90pct')} specific 'may not apply'  "
        f"{reading['may_not_apply_specific']}/{reading['selected_population']}"
        "  (studies that select their people; target >= 90%)",
    ]
    if "pairs" in figures:
        pairs = figures["pairs"]
        lines += [
            f"     pairs                     {pairs['pairs']}"
            + (f" ({figures['untitled_inputs']} untitled)" if figures["untitled_inputs"] else ""),
            f"     reference summary grade   {pairs['reference_grade_mean']} "
            f"(ours {pairs['our_grade_mean']})",
            f"     reference numbers stated  {pairs['reference_numbers_we_state']}"
            f"/{pairs['reference_numbers']}",
        ]
    lines.append("     checks (pass/warn/fail):")
    for name, counts in figures["checks"].items():
        lines.append(f"       {name:<16} {counts['pass']}/{counts['warn']}/{counts['fail']}")
    problems = figures["problems"]
    shown = [(k, v) for k, v in problems.items() if v]
    for key, values in shown:
        lines.append(f"     {key.replace('_', ' ')}:")
        lines += [f"       {value}" for value in values[:10]]
        if len(values) > 10:
            lines.append(f"       ... and {len(values) - 10} more (see --json)")
    for skip in figures["skipped"]:
        lines.append(f"     skipped: {skip}")
    return "\n".join(lines)
