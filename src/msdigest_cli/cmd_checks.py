"""The `msdigest check` command: run every check on summaries and say what to fix."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from msdigest.errors import InputError, MsdigestError
from msdigest.paper import Paper
from msdigest.sources import Skipped
from msdigest.summary import CheckReport, LaySummary
from msdigest_cli.app import CONTEXT, cli
from msdigest_cli.common import INPUT_FORMATS, echo_json, iter_input_papers, progress, report_skip

__all__ = ["check"]

_LABEL = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}


@cli.command("check", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--summaries",
    type=click.Path(dir_okay=False),
    help="JSONL output of `msdigest summarize` to check against INPUT (matched by id). "
    "Without it, each paper is summarised with the default engine and checked.",
)
@click.option(
    "--format",
    "fmt",
    type=INPUT_FORMATS,
    default=None,
    help="Format of INPUT (default: from the file name).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per summary instead of text."
)
def check(inputs: tuple[str, ...], summaries: str | None, fmt: str | None, as_json: bool) -> None:
    """Check plain-language summaries against their source papers.

    INPUT is PubMed XML (.xml, .xml.gz) or JSONL. For each summary, print its id and
    overall status, then every check that did not pass with its reason and the offending
    text (failures first). A last line gives the counts. Records that cannot be checked
    are skipped with a reason on stderr.

    Exit status: 1 when any summary fails a check (or none could be checked), else 0;
    warnings alone do not fail.
    """
    counts: Counter[str] = Counter()
    if summaries:
        checked = _check_summaries(Path(summaries), inputs, fmt, counts)
    else:
        checked = _write_and_check(inputs, fmt, counts)
    for summary_id, pmid, report in checked:
        counts[report.status] += 1
        if as_json:
            echo_json({"id": summary_id, "pmid": pmid, **report.to_dict()})
        else:
            _echo_report(summary_id, report)
    total = counts["pass"] + counts["warn"] + counts["fail"]
    line = (
        f"{total} summar{'y' if total == 1 else 'ies'} checked: {counts['pass']} pass, "
        f"{counts['warn']} warn, {counts['fail']} fail; {counts['skipped']} skipped"
    )
    if counts["unmatched"]:
        unmatched = counts["unmatched"]
        line += f"; {unmatched} input paper{'' if unmatched == 1 else 's'} had no summary"
    click.echo(line, err=as_json)
    if counts["fail"] or not total:
        raise click.exceptions.Exit(1)


def _echo_report(summary_id: str, report: CheckReport) -> None:
    """Print one summary's verdict: id and status, then each non-passing check."""
    results = [r for r in report.by_severity() if r.status != "pass"]
    failed = [r.name for r in results if r.status == "fail"]
    warned = [r.name for r in results if r.status == "warn"]
    notes = []
    if failed:
        notes.append(f"failed: {', '.join(failed)}")
    if warned:
        notes.append(f"warned: {', '.join(warned)}")
    click.echo(
        f"{summary_id}  {_LABEL[report.status]}" + (f"  ({'; '.join(notes)})" if notes else "")
    )
    for result in results:
        click.echo(f"  {_LABEL[result.status]} {result.name}: {result.message}")
        for text in result.offending:
            click.echo(f"       > {_one_line(text)}")


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def _extract_facts(paper: Paper) -> Any:
    from msdigest.facts import extract_facts

    return extract_facts(paper)


def _write_and_check(
    inputs: tuple[str, ...], fmt: str | None, counts: Counter[str]
) -> Iterator[tuple[str, str | None, CheckReport]]:
    """Summarise each paper with the default engine and yield its check report."""
    from msdigest.writers import get_engine, write_summary

    engine = get_engine()  # an engine that cannot load stops the run with one clear line
    for paper in progress(iter_input_papers(inputs, fmt), desc="check", unit="paper"):
        try:
            summary = write_summary(paper, _extract_facts(paper), engine)
        except MsdigestError as exc:  # the engine or the checks failed on this paper
            counts["skipped"] += 1
            report_skip(Skipped(paper.source or paper.id, str(exc), paper.id))
            continue
        assert summary.checks is not None  # write_summary always attaches the report
        yield summary.paper_id, summary.pmid, summary.checks


def _read_summaries(path: Path, counts: Counter[str]) -> list[LaySummary]:
    """Return the summaries of a JSONL file, skipping (with a reason) lines that are not one."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read summaries: {exc}") from exc
    found: list[LaySummary] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise TypeError("not a JSON object")
            found.append(LaySummary.from_json(data))
        except json.JSONDecodeError as exc:
            counts["skipped"] += 1
            report_skip(Skipped(where, f"not valid JSON ({exc.msg})"))
        except KeyError as exc:
            counts["skipped"] += 1
            report_skip(Skipped(where, f"not a summary: missing field {exc}", _id(data)))
        except (TypeError, ValueError, AttributeError) as exc:
            counts["skipped"] += 1
            report_skip(Skipped(where, f"not a summary: {exc}", _id(data)))
    return found


def _id(data: Any) -> str | None:
    return str(data["id"]) if isinstance(data, dict) and data.get("id") is not None else None


def _check_summaries(
    path: Path, inputs: tuple[str, ...], fmt: str | None, counts: Counter[str]
) -> Iterator[tuple[str, str | None, CheckReport]]:
    """Check each summary of `path` against the paper of INPUT with the same id."""
    from msdigest.checks import run_checks

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    summaries = _read_summaries(path, counts)
    wanted = {s.paper_id for s in summaries}
    papers: dict[str, Paper] = {}
    for paper in iter_input_papers(inputs, fmt):
        if paper.id in wanted:
            papers.setdefault(paper.id, paper)
        else:
            counts["unmatched"] += 1
    for summary in progress(summaries, desc="check", unit="summary"):
        paper = papers.get(summary.paper_id)
        if paper is None:
            counts["skipped"] += 1
            report_skip(
                Skipped(path.name, "no source paper with this id in INPUT", summary.paper_id)
            )
            continue
        try:
            report = run_checks(summary, paper, _extract_facts(paper))
        except MsdigestError as exc:  # facts or checks failed on this paper
            counts["skipped"] += 1
            report_skip(Skipped(path.name, str(exc), summary.paper_id))
            continue
        yield summary.paper_id, summary.pmid, report
