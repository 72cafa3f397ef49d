"""Writers: turn a paper and its facts into a checked plain-language summary."""

from __future__ import annotations

import dataclasses

from msdigest.facts.model import StudyFacts
from msdigest.paper import Paper
from msdigest.summary import LaySummary
from msdigest.writers.base import Engine
from msdigest.writers.registry import DEFAULT_ENGINE, ENGINES, get_engine

__all__ = ["DEFAULT_ENGINE", "ENGINES", "Engine", "get_engine", "write_summary"]


def write_summary(
    paper: Paper, facts: StudyFacts, engine: Engine | str | None = None
) -> LaySummary:
    """Write the summary of `paper` with `engine` and attach its check report.

    This is the one door every summary leaves through, so no engine's output reaches an
    editor or a reader unchecked.
    """
    from msdigest.checks import run_checks

    writer = engine if isinstance(engine, Engine) else get_engine(engine)
    summary = writer.write(paper, facts)
    return dataclasses.replace(summary, checks=run_checks(summary, paper, facts))
