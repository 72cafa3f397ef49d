"""Benchmark fact extraction: abstracts per second on one core.

The workload is the dev abstracts (when `../shared/eval/dev` is present) plus the bundled
sample corpus, repeated until there are at least `target` abstracts, so the figure is
comparable from run to run. Extraction is pure Python and single-threaded, so one process
measures one core.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from msdigest.facts.extract import extract_facts
from msdigest.paper import Paper
from msdigest.sources import Skipped, read_papers

__all__ = ["FactsBench", "bench_facts", "load_bench_papers"]


@dataclass(frozen=True, slots=True)
class FactsBench:
    """The result of one benchmark run."""

    abstracts: int
    distinct: int
    seconds: float
    sources: tuple[str, ...]

    @property
    def per_second(self) -> float:
        """Return abstracts extracted per second."""
        return self.abstracts / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready dict."""
        return {
            "abstracts": self.abstracts,
            "distinct_abstracts": self.distinct,
            "seconds": round(self.seconds, 3),
            "abstracts_per_second": round(self.per_second, 1),
            "sources": list(self.sources),
        }


def load_bench_papers(paths: Iterable[Path]) -> list[Paper]:
    """Read every usable paper from the given files (skipped records are left out)."""
    papers: list[Paper] = []
    for path in paths:
        papers.extend(p for p in read_papers([path]) if not isinstance(p, Skipped))
    return papers


def bench_facts(papers: list[Paper], *, target: int = 2000) -> FactsBench:
    """Extract facts from `papers` repeated to at least `target` abstracts; time it."""
    if not papers:
        raise ValueError("no papers to benchmark")
    rounds = max(1, -(-target // len(papers)))
    workload = papers * rounds
    extract_facts(papers[0])  # compile the patterns before timing
    start = time.perf_counter()
    for paper in workload:
        extract_facts(paper)
    seconds = time.perf_counter() - start
    sources = tuple(sorted({str(p.source).rsplit(":", 1)[0] for p in papers if p.source}))
    return FactsBench(len(workload), len(papers), seconds, sources)
