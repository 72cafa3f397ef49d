"""Measure extracted facts against hand-made gold labels, field by field.

Gold labels use the format of `../shared/eval/dev/ms_labels.jsonl`: one object per paper
with `id` (or `pmid`), `sample_size`, `study_design`, `has_control_group`, `duration`,
`population`, `limitations` (six flags) and `acceptable`, a map from a field name to other
answers a grader also accepts. Scored fields are exact matches (after `acceptable`):
sample_size, study_design, has_control_group and each limitation flag. Duration and
population are free text in the labels, so they get an informative report instead: whether
a length was stated at all, whether the lengths agree, and how much of the gold population
description the extracted one covers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from msdigest.errors import InputError
from msdigest.facts.descriptive import DescriptiveTally, content_words
from msdigest.facts.document import Sentence
from msdigest.facts.duration import find_durations
from msdigest.facts.extract import extract_facts
from msdigest.facts.model import LIMITATION_FLAGS, StudyFacts
from msdigest.facts.population import MS_TYPES
from msdigest.paper import Paper

__all__ = ["TARGETS", "EvalReport", "FieldScore", "Miss", "evaluate", "load_labels"]

#: Accuracy each scored field must reach (issue 3).
TARGETS: dict[str, float] = {
    "sample_size": 0.95,
    "study_design": 0.90,
    "has_control_group": 0.95,
    **{f"limitations.{flag}": 0.90 for flag in LIMITATION_FLAGS},
}
_STOPWORDS = frozenset(
    "a an the of and or with in on at for to from by as who were was is are their its plus vs "  # noqa: SIM905
    "than into people patients persons participants adults individuals".split()
)


@dataclass(frozen=True, slots=True)
class FieldScore:
    """How many papers got one field right."""

    name: str
    correct: int
    total: int
    target: float | None

    @property
    def accuracy(self) -> float:
        """Return correct / total (0.0 for no papers)."""
        return self.correct / self.total if self.total else 0.0

    @property
    def meets_target(self) -> bool | None:
        """Return whether the accuracy reaches the target (None when there is no target)."""
        return None if self.target is None else self.accuracy >= self.target

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "field": self.name,
            "correct": self.correct,
            "total": self.total,
            "accuracy": round(self.accuracy, 4),
            "target": self.target,
            "meets_target": self.meets_target,
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """One wrong field: the gold answer, what else was acceptable, and what we said."""

    paper_id: str
    field: str
    gold: Any
    acceptable: tuple[Any, ...]
    predicted: Any
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "id": self.paper_id,
            "field": self.field,
            "gold": self.gold,
            "acceptable": list(self.acceptable),
            "predicted": self.predicted,
            "source": self.source,
        }


@dataclass(slots=True)
class EvalReport:
    """Scores per field, the informative reports, and every miss."""

    papers: int
    fields: list[FieldScore]
    duration: dict[str, Any]
    population: dict[str, Any]
    misses: list[Miss] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    descriptive: dict[str, Any] = field(default_factory=dict)

    @property
    def all_targets_met(self) -> bool:
        """Return True when every scored field reaches its target."""
        return all(score.meets_target is not False for score in self.fields)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (the `--json` output of `msdigest eval facts`)."""
        return {
            "papers": self.papers,
            "fields": {score.name: score.to_dict() for score in self.fields},
            "all_targets_met": self.all_targets_met,
            "duration": self.duration,
            "population": self.population,
            "descriptive": self.descriptive,
            "misses": [miss.to_dict() for miss in self.misses],
            "unlabelled": self.unlabelled,
            "labels_without_input": self.not_found,
        }


def load_labels(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read gold labels, keyed by `id` and also by `pmid` when present."""
    path = Path(path)
    labels: dict[str, dict[str, Any]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold labels: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON in gold labels: {exc.msg}") from exc
        if not isinstance(label, dict) or not (label.get("id") or label.get("pmid")):
            raise InputError(f"{path}:{number}: a gold label needs an `id` or a `pmid`")
        key = str(label.get("id") or label.get("pmid"))
        labels[key] = label
        if label.get("pmid"):
            labels.setdefault(f"pmid:{label['pmid']}", label)
    return labels


def _label_for(paper: Paper, labels: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    return labels.get(paper.id) or (labels.get(f"pmid:{paper.pmid}") if paper.pmid else None)


def _predicted(facts: StudyFacts, name: str) -> Any:
    if name.startswith("limitations."):
        return getattr(facts.limitations, name.split(".", 1)[1])
    if name == "sample_size":
        return facts.sample_size.total
    return getattr(facts, name)


def _gold(label: dict[str, Any], name: str) -> Any:
    if name.startswith("limitations."):
        return (label.get("limitations") or {}).get(name.split(".", 1)[1])
    return label.get(name)


def _source(facts: StudyFacts, name: str) -> str | None:
    span = {
        "sample_size": facts.sample_size.span,
        "study_design": facts.design_span,
        "has_control_group": facts.control_span,
        "limitations.short_follow_up": facts.duration.span if facts.duration else None,
        "limitations.small_sample": facts.sample_size.span,
    }.get(name)
    if span is not None:
        return span.text
    if name == "sample_size" and facts.sample_size.reason:
        return f"({facts.sample_size.reason})"
    if name == "study_design":
        return f"(basis: {facts.design_basis})"
    return None


def _gold_days(text: str | None) -> float | None:
    if not text:
        return None
    sentence = Sentence(text, 0, len(text), 0, "METHODS")
    lengths = [f.days for f in find_durations(sentence)]
    return max(lengths) if lengths else None


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9+]+", text.lower()) if w not in _STOPWORDS}


# The labellers' notes in brackets ("(bladder, sexual function, QoL)") say what was measured,
# not who took part: the core description is the label without them.
_NOTES = re.compile(r"\s*\([^()]*\)")


def _ms_types(text: str) -> set[str]:
    low = text.lower()
    return {name for name, pattern in MS_TYPES if pattern.search(low)}


def evaluate(
    papers: Iterable[Paper],
    labels: dict[str, dict[str, Any]],
    *,
    text_only: bool = False,
    expected: dict[str, dict[str, Any]] | None = None,
) -> EvalReport:
    """Extract facts for every labelled paper and score them against the labels.

    `text_only` drops publication types and MeSH terms first, to measure the text rules
    alone (records from sources other than PubMed have only the text). `expected` holds
    hand-written descriptive facts (`descriptive.load_expected`) to score as well.
    """
    descriptive = DescriptiveTally()
    core_sum = 0.0
    counts = {name: [0, 0] for name in TARGETS}
    misses: list[Miss] = []
    unlabelled: list[str] = []
    seen: set[int] = set()
    stated = {"both_stated": 0, "both_absent": 0, "only_gold": 0, "only_predicted": 0}
    lengths = {"compared": 0, "agree": 0}
    population = {"labelled": 0, "described": 0, "type_agree": 0, "type_total": 0}
    recall_sum = 0.0
    n = 0
    for paper in papers:
        label = _label_for(paper, labels)
        if label is None:
            unlabelled.append(paper.id)
            continue
        seen.add(id(label))
        n += 1
        if text_only:
            paper = replace(paper, publication_types=(), mesh_headings=())
        facts = extract_facts(paper)
        acceptable = label.get("acceptable") or {}
        for name in TARGETS:
            gold = _gold(label, name)
            others = tuple(acceptable.get(name, ()))
            predicted = _predicted(facts, name)
            counts[name][1] += 1
            if predicted == gold or predicted in others:
                counts[name][0] += 1
            else:
                misses.append(Miss(paper.id, name, gold, others, predicted, _source(facts, name)))
        descriptive.add(facts, expected.get(paper.id) if expected is not None else None)
        _score_duration(label, facts, stated, lengths)
        gold_population = label.get("population")
        if gold_population:
            population["labelled"] += 1
            predicted_text = " ".join(
                [facts.population.text if facts.population else "", *facts.ms_types]
            )
            if facts.population is not None:
                population["described"] += 1
            gold_words = _content_words(gold_population)
            if gold_words:
                recall_sum += len(gold_words & _content_words(predicted_text)) / len(gold_words)
            core = content_words(_NOTES.sub("", gold_population))
            if core:
                core_sum += len(core & content_words(predicted_text)) / len(core)
            gold_types = _ms_types(gold_population)
            if gold_types:
                population["type_total"] += 1
                if gold_types <= set(facts.ms_types) | _ms_types(predicted_text):
                    population["type_agree"] += 1
    fields = [FieldScore(name, c, t, TARGETS[name]) for name, (c, t) in counts.items()]
    not_found = sorted(
        {str(v.get("id") or v.get("pmid")) for v in labels.values() if id(v) not in seen}
    )
    return EvalReport(
        papers=n,
        fields=fields,
        duration={**stated, **{f"length_{k}": v for k, v in lengths.items()}},
        population={
            **population,
            "mean_word_recall": round(recall_sum / population["labelled"], 3)
            if population["labelled"]
            else None,
            "core_word_recall": round(core_sum / population["labelled"], 3)
            if population["labelled"]
            else None,
        },
        descriptive=descriptive.to_dict(),
        misses=misses,
        unlabelled=unlabelled,
        not_found=not_found,
    )


def _score_duration(
    label: dict[str, Any], facts: StudyFacts, stated: dict[str, int], lengths: dict[str, int]
) -> None:
    gold_text = label.get("duration")
    predicted = facts.duration
    if gold_text and predicted:
        stated["both_stated"] += 1
        gold_days = _gold_days(gold_text)
        if gold_days:
            lengths["compared"] += 1
            if abs(gold_days - predicted.days) <= 0.1 * gold_days:
                lengths["agree"] += 1
    elif gold_text:
        stated["only_gold"] += 1
    elif predicted:
        stated["only_predicted"] += 1
    else:
        stated["both_absent"] += 1
