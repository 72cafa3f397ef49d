"""Measure the descriptive facts the writer builds on: who, what was given, what was found.

These facts are free text, so they are not scored exactly like the sample size. Two kinds of
measure are reported by `msdigest eval facts`:

* rates over any set of papers, needing no labels: how often an intervention or comparison
  is stated and whether it is a whole noun phrase, how many result sentences became results
  with a named outcome, how many results name an extracted outcome measure, how many papers
  state a primary outcome;
* agreement with hand-written expectations (`tests/facts/data/sample_descriptive.jsonl`
  for the sample corpus): content-word recall and precision of the population, whether the
  intervention and comparison agree (content-word F1 of at least 0.5, or both empty), and
  how many expected primary outcomes were found and flagged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from msdigest.errors import InputError
from msdigest.facts.model import StudyFacts, TextFact
from msdigest.facts.phrases import phrase_problem

__all__ = ["DescriptiveTally", "content_words", "load_expected"]

_STOPWORDS = frozenset(
    "a an the of and or with in on at for to from by as who were was is are their its plus vs "  # noqa: SIM905
    "than into people patients persons participants adults individuals".split()
)
_VAGUE = re.compile(r"^(?:more|less|effects?|associations?|changes?|differences?|results?)$")


def content_words(text: str | None) -> set[str]:
    """Return the words of `text` that carry meaning ("multiple sclerosis" counts as "ms")."""
    if not text:
        return set()
    low = re.sub(r"\bmultiple sclerosis\b", "ms", text.lower())
    return {w for w in re.findall(r"[a-z0-9+]+", low) if w not in _STOPWORDS}


def _f1(expected: str | None, predicted: str | None) -> float:
    gold, ours = content_words(expected), content_words(predicted)
    if not gold or not ours:
        return 0.0
    common = len(gold & ours)
    if not common:
        return 0.0
    precision, recall = common / len(ours), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def _agrees(expected: str | None, predicted: str | None) -> bool:
    if not expected:
        return not predicted
    return _f1(expected, predicted) >= 0.5


def load_expected(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read hand-written descriptive expectations, keyed by `id`."""
    path = Path(path)
    expected: dict[str, dict[str, Any]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read descriptive labels: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON: {exc.msg}") from exc
        if not isinstance(record, dict) or not record.get("id"):
            raise InputError(f"{path}:{number}: a descriptive label needs an `id`")
        expected[str(record["id"])] = record
    return expected


@dataclass(slots=True)
class DescriptiveTally:
    """Counts for the descriptive measures, added to paper by paper."""

    papers: int = 0
    interventions: int = 0
    interventions_whole: int = 0
    interventions_refused: int = 0
    comparisons: int = 0
    comparisons_whole: int = 0
    results: int = 0
    results_named: int = 0
    results_on_outcome: int = 0
    results_primary: int = 0
    primary_stated: int = 0
    labelled: int = 0
    population_recall: float = 0.0
    population_precision: float = 0.0
    intervention_agree: int = 0
    comparison_agree: int = 0
    primary_expected: int = 0
    primary_found: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, facts: StudyFacts, expected: dict[str, Any] | None = None) -> None:
        """Count one paper's facts, and score them when `expected` is given."""
        self.papers += 1
        self._count(facts.intervention_or_exposure, "interventions")
        self._count(facts.comparison, "comparisons")
        self.interventions_refused += any(
            n.startswith("intervention left out") for n in facts.notes
        )
        outcomes = {o.text.lower() for o in facts.outcomes}
        for result in facts.results:
            self.results += 1
            named = phrase_problem(result.outcome) is None and not _VAGUE.match(result.outcome)
            self.results_named += named
            self.results_on_outcome += any(result.outcome.lower() in o for o in outcomes)
            self.results_primary += result.primary
        self.primary_stated += any(o.primary for o in facts.outcomes)
        if expected is not None:
            self._score(facts, expected)

    def _count(self, fact: TextFact | None, name: str) -> None:
        if fact is None:
            return
        setattr(self, name, getattr(self, name) + 1)
        if phrase_problem(fact.text) is None:
            setattr(self, f"{name}_whole", getattr(self, f"{name}_whole") + 1)

    def _score(self, facts: StudyFacts, expected: dict[str, Any]) -> None:
        self.labelled += 1
        population = facts.population.text if facts.population else None
        gold = content_words(expected.get("population"))
        ours = content_words(population)
        if gold:
            self.population_recall += len(gold & ours) / len(gold)
            self.population_precision += len(gold & ours) / len(ours) if ours else 0.0
        elif not ours:
            self.population_recall += 1.0
            self.population_precision += 1.0
        for name in ("intervention_or_exposure", "comparison"):
            fact = getattr(facts, name)
            predicted = fact.text if fact else None
            if _agrees(expected.get(name), predicted):
                key = "intervention_agree" if name != "comparison" else "comparison_agree"
                setattr(self, key, getattr(self, key) + 1)
            else:
                self.misses.append(
                    {"id": facts.paper_id, "field": name,
                     "expected": expected.get(name), "predicted": predicted}
                )  # fmt: skip
        primaries = [o.text for o in facts.outcomes if o.primary]
        for outcome in expected.get("primary_outcomes") or []:
            self.primary_expected += 1
            if any(_f1(outcome, ours) >= 0.5 for ours in primaries):
                self.primary_found += 1
            else:
                self.misses.append(
                    {"id": facts.paper_id, "field": "primary_outcomes",
                     "expected": outcome, "predicted": primaries}
                )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """Return the measures as a JSON-ready dict (rates rounded to three places)."""

        def rate(part: float, whole: int) -> float | None:
            return round(part / whole, 3) if whole else None

        report: dict[str, Any] = {
            "papers": self.papers,
            "intervention_stated": self.interventions,
            "intervention_well_formed": rate(self.interventions_whole, self.interventions),
            "intervention_refused": self.interventions_refused,
            "comparison_stated": self.comparisons,
            "comparison_well_formed": rate(self.comparisons_whole, self.comparisons),
            "results": self.results,
            "results_with_named_outcome": rate(self.results_named, self.results),
            "results_on_an_extracted_outcome": rate(self.results_on_outcome, self.results),
            "results_flagged_primary": self.results_primary,
            "papers_with_primary_outcome": self.primary_stated,
        }
        if self.labelled:
            report["expected"] = {
                "labelled": self.labelled,
                "population_word_recall": rate(self.population_recall, self.labelled),
                "population_word_precision": rate(self.population_precision, self.labelled),
                "intervention_agrees": f"{self.intervention_agree}/{self.labelled}",
                "comparison_agrees": f"{self.comparison_agree}/{self.labelled}",
                "primary_outcomes_found": f"{self.primary_found}/{self.primary_expected}",
                "misses": self.misses,
            }
        return report


def tally(
    facts: Iterable[StudyFacts], expected: dict[str, dict[str, Any]] | None = None
) -> DescriptiveTally:
    """Return the descriptive measures of `facts`, scored against `expected` when given."""
    counts = DescriptiveTally()
    for one in facts:
        counts.add(one, expected.get(one.paper_id) if expected is not None else None)
    return counts
