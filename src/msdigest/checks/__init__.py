"""Checks: the gate every plain-language summary passes before an editor or reader sees it.

Each check reads a summary with its paper and facts and returns a `CheckResult` (pass,
warn or fail, a message that says why, and the offending text quoted). They run in the
order of `CHECKS`; `run_checks` returns them all as one `CheckReport`. The checks judge
the text a reader sees, so any engine's output (an LLM's included) can be checked the
same way; they are deterministic and load no data per call.

Add a check by writing a module with `NAME` and `check(data: CheckInput) -> CheckResult`
and adding it to `CHECKS`; document its rule in docs/checks.md.
"""

from __future__ import annotations

from collections.abc import Callable

from msdigest.checks import (
    advice,
    claims,
    completeness,
    jargon,
    length,
    numbers,
    provenance,
    readability,
    sentence_length,
)
from msdigest.checks.context import CheckInput
from msdigest.errors import CheckError
from msdigest.facts.model import StudyFacts
from msdigest.paper import Paper
from msdigest.summary import CheckReport, CheckResult, LaySummary

__all__ = ["CHECKS", "CheckFunction", "CheckInput", "run_checks"]

CheckFunction = Callable[[CheckInput], CheckResult]

#: Every check by name, in the order they run and are reported.
CHECKS: dict[str, CheckFunction] = {
    readability.NAME: readability.check,
    sentence_length.NAME: sentence_length.check,
    jargon.NAME: jargon.check,
    numbers.NAME: numbers.check,
    claims.NAME: claims.check,
    advice.NAME: advice.check,
    completeness.NAME: completeness.check,
    length.NAME: length.check,
    provenance.NAME: provenance.check,
}


def run_checks(summary: LaySummary, paper: Paper, facts: StudyFacts) -> CheckReport:
    """Return the report of every check in `CHECKS` on `summary` against its source.

    Raises `CheckError` when a check cannot run at all (a bug, or a record so malformed
    that no verdict is possible); a check that *fails* is a result, not an error.
    """
    data = CheckInput(summary, paper, facts)
    results: list[CheckResult] = []
    for name, run in CHECKS.items():
        try:
            results.append(run(data))
        except Exception as exc:  # a crashing check must not pass for a verdict
            raise CheckError(f"check {name!r} could not run on {paper.id}: {exc}") from exc
    return CheckReport(tuple(results))
