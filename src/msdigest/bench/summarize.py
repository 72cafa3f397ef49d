"""Benchmark the whole writing step: facts, the writer and every check, per paper.

This is what `msdigest draft` and the demo do for each paper, so summaries per second on
one core is the figure that says how long a backfill takes. Time is the process's CPU
time (one core's work), so a busy machine does not distort it; wall time is reported too.
The workload is the dev abstracts (when `../shared/eval/dev` is present) and the bundled
sample corpus, repeated to at least `target` summaries; the time is split by stage so a
slow stage shows itself.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

from msdigest.checks import run_checks
from msdigest.errors import MsdigestError
from msdigest.facts.extract import extract_facts
from msdigest.paper import Paper
from msdigest.writers import get_engine

__all__ = ["SummarizeBench", "bench_summarize"]


@dataclass(frozen=True, slots=True)
class SummarizeBench:
    """The result of one run: how many summaries, and the seconds spent in each stage."""

    summaries: int
    distinct: int
    engine: str
    facts_seconds: float
    write_seconds: float
    checks_seconds: float
    failed: int
    wall_seconds: float = 0.0

    @property
    def seconds(self) -> float:
        """Return the total CPU time of the three stages."""
        return self.facts_seconds + self.write_seconds + self.checks_seconds

    @property
    def per_second(self) -> float:
        """Return summaries per second, all three stages included."""
        return self.summaries / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready dict."""
        return {
            "summaries": self.summaries,
            "distinct_papers": self.distinct,
            "engine": self.engine,
            "cpu_seconds": round(self.seconds, 3),
            "wall_seconds": round(self.wall_seconds, 3),
            "summaries_per_second": round(self.per_second, 1),
            "ms_per_summary": {
                "facts": round(1000 * self.facts_seconds / max(1, self.summaries), 2),
                "writer": round(1000 * self.write_seconds / max(1, self.summaries), 2),
                "checks": round(1000 * self.checks_seconds / max(1, self.summaries), 2),
            },
            "engine_errors": self.failed,
        }


def bench_summarize(
    papers: list[Paper], *, target: int = 500, engine: str | None = None
) -> SummarizeBench:
    """Write and check summaries of `papers`, repeated to at least `target`; time each stage.

    Papers are given fresh ids on each round so no cache keyed by paper carries over
    between rounds; the first paper is written once before timing (data files and
    patterns load once per process, as in any long run).
    """
    if not papers:
        raise ValueError("no papers to benchmark")
    writer = get_engine(engine)
    first = papers[0]
    warm = extract_facts(first)
    run_checks(writer.write(first, warm), first, warm)
    rounds = max(1, -(-target // len(papers)))
    facts_time = write_time = checks_time = 0.0
    count = failed = 0
    # CPU time of this process: the figure is "per core", and other programs running on
    # the machine (a test suite, a browser) must not make the writer look slow.
    clock = time.process_time
    wall_start = time.perf_counter()
    for round_number in range(rounds):
        for paper in papers:
            if round_number:
                paper = dataclasses.replace(paper, id=f"{paper.id}#{round_number}")
            start = clock()
            facts = extract_facts(paper)
            after_facts = clock()
            try:
                summary = writer.write(paper, facts)
            except MsdigestError:  # counted and reported: one paper must not stop the run
                failed += 1
                facts_time += after_facts - start
                continue
            after_write = clock()
            run_checks(summary, paper, facts)
            done = clock()
            facts_time += after_facts - start
            write_time += after_write - after_facts
            checks_time += done - after_write
            count += 1
    wall = time.perf_counter() - wall_start
    return SummarizeBench(
        count, len(papers), writer.key, facts_time, write_time, checks_time, failed, wall
    )
