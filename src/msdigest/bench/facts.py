"""Benchmark fact extraction: abstracts per second on one core.

The workload is the dev abstracts (when `../shared/eval/dev` is present) plus the bundled
sample corpus, repeated until there are at least `target` abstracts, so the figure is
comparable from run to run. Extraction is pure Python and single-threaded, so the rate per
CPU-second of this process is the rate of one core; the wall-clock rate is reported beside
it, with the load average, because a busy machine slows the wall clock but not the CPU time.
"""

from __future__ import annotations

import os
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
    seconds_cpu: float
    seconds_wall: float
    sources: tuple[str, ...]
    load_average: float | None = None

    @property
    def per_second(self) -> float:
        """Return abstracts extracted per CPU-second: the rate of one core."""
        return self.abstracts / self.seconds_cpu if self.seconds_cpu else 0.0

    @property
    def per_wall_second(self) -> float:
        """Return abstracts extracted per second of wall-clock time."""
        return self.abstracts / self.seconds_wall if self.seconds_wall else 0.0

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready dict."""
        return {
            "abstracts": self.abstracts,
            "distinct_abstracts": self.distinct,
            "seconds_cpu": round(self.seconds_cpu, 3),
            "seconds_wall": round(self.seconds_wall, 3),
            "abstracts_per_second": round(self.per_second, 1),
            "abstracts_per_wall_second": round(self.per_wall_second, 1),
            "load_average": self.load_average,
            "sources": list(self.sources),
        }


def load_bench_papers(paths: Iterable[Path]) -> list[Paper]:
    """Read every usable paper from the given files (skipped records are left out)."""
    papers: list[Paper] = []
    for path in paths:
        papers.extend(p for p in read_papers([path]) if not isinstance(p, Skipped))
    return papers


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def bench_facts(papers: list[Paper], *, target: int = 2000) -> FactsBench:
    """Extract facts from `papers` repeated to at least `target` abstracts; time it."""
    if not papers:
        raise ValueError("no papers to benchmark")
    rounds = max(1, -(-target // len(papers)))
    workload = papers * rounds
    extract_facts(papers[0])  # compile the patterns before timing
    wall, cpu = time.perf_counter(), time.process_time()
    for paper in workload:
        extract_facts(paper)
    seconds_cpu = time.process_time() - cpu
    seconds_wall = time.perf_counter() - wall
    sources = tuple(
        sorted({str(p.source).split("#", 1)[0].rsplit(":", 1)[0] for p in papers if p.source})
    )
    return FactsBench(len(workload), len(papers), seconds_cpu, seconds_wall, sources, _load())
