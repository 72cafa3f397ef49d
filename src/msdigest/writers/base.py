"""The writer engine contract: `(Paper, StudyFacts)` in, `LaySummary` out.

An engine is one small class with one method. It must:

* write only what the paper and its facts support (no invented number, result or claim);
* fill every section of `LaySummary` and give each sentence its provenance;
* be deterministic for the same input when it can (the `grounded` engine always is);
* raise `msdigest.errors.EngineError` when it cannot write, never return a half summary.

Engines do not run the checks: `msdigest.writers.write_summary` does, so every engine's
output goes through the same gate.
"""

from __future__ import annotations

from typing import ClassVar

from msdigest.facts.model import StudyFacts
from msdigest.paper import Paper
from msdigest.summary import LaySummary

__all__ = ["Engine"]


class Engine:
    """Base class of writer engines; subclasses set `key` and `version` and implement `write`."""

    key: ClassVar[str] = ""
    version: ClassVar[str] = "0"

    def write(self, paper: Paper, facts: StudyFacts) -> LaySummary:
        """Return the plain-language summary of `paper` built from `facts`."""
        raise NotImplementedError
