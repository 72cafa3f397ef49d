"""Commands for the sources stage: `parse`, `ingest pubmed`, `ingest file`, `bench parse`.

`parse` needs no database. The ingest commands start Django, create the database schema
when the database is new, and print the run's counts; a run that fails prints one line
on stderr and exits non-zero, with every record either fully stored or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from msdigest.errors import InputError, MsdigestError
from msdigest.paper import Paper
from msdigest.sources import Skipped, read_papers
from msdigest.sources.pubmed_xml import FileCutShort
from msdigest_cli.app import CONTEXT, bench, cli, ingest
from msdigest_cli.common import INPUT_FORMATS, echo_json, progress, report_skip

if TYPE_CHECKING:
    from msdigest_web.papers.models import IngestRun

DATE = click.DateTime(formats=["%Y/%m/%d", "%Y-%m-%d"])


# --- parse ------------------------------------------------------------------------------------


@cli.command("parse", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=INPUT_FORMATS,
    default=None,
    help="Input format for every file (default: from the name: .xml/.xml.gz or .jsonl).",
)
def parse(inputs: tuple[str, ...], fmt: str | None) -> None:
    """Read PubMed XML or JSONL files and print one Paper JSON object per line.

    Records that cannot be used are reported on stderr with their reason; the exit
    status is 0 even then. It is 1 when a file cannot be read or breaks off part-way
    (the records read before the break are still printed).
    """
    papers = skipped = 0
    broken: list[str] = []
    for path in inputs:
        try:
            for item in read_papers([path], fmt):
                if isinstance(item, Skipped):
                    skipped += 1
                    report_skip(item)
                    if isinstance(item, FileCutShort):
                        broken.append(path)
                else:
                    papers += 1
                    echo_json(item.to_dict())
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            broken.append(path)
    click.echo(f"parsed {papers} papers, skipped {skipped} records", err=True)
    if broken:
        raise click.exceptions.Exit(1)


# --- ingest -----------------------------------------------------------------------------------


def _database() -> None:
    """Start Django and create or update the schema when the database needs it."""
    import msdigest_web

    msdigest_web.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def _bar(desc: str) -> Any:
    def wrap(items: Iterator[Paper | Skipped], total: int | None) -> Iterable[Paper | Skipped]:
        return progress(items, desc=desc, total=total)

    return wrap


def _report(run: IngestRun, as_json: bool, label: str) -> None:
    counts = run.counts()
    if as_json:
        payload: dict[str, Any] = {
            **counts,
            "run": run.pk,
            "status": run.status,
            "source": run.source,
        }
        if run.source == "pubmed":
            payload.update(
                query=run.query,
                mindate=run.mindate.isoformat() if run.mindate else None,
                maxdate=run.maxdate.isoformat() if run.maxdate else None,
            )
        else:
            payload["inputs"] = run.inputs
        if run.error:
            payload["error"] = run.error
        click.echo(json.dumps(payload))
    else:
        numbers = ", ".join(f"{name} {value}" for name, value in counts.items())
        click.echo(f"{label}: {numbers} (run {run.pk}, {run.status})")
    reasons = Counter(entry["reason"] for entry in [*run.skip_reasons, *run.failures])
    if reasons:
        click.echo(
            "not stored: " + "; ".join(f"{reason} ({n})" for reason, n in reasons.most_common()),
            err=True,
        )


def _window(
    query: str, mindate: dt.datetime | None, maxdate: dt.datetime | None, days: int | None
) -> tuple[dt.date, dt.date]:
    from msdigest_web.papers.ingest import incremental_window

    today = dt.date.today()
    if days is not None and (mindate or maxdate):
        raise click.UsageError("give either --mindate/--maxdate or --days, not both")
    if maxdate and not mindate:
        raise click.UsageError("--maxdate needs --mindate")
    if mindate:
        start, end = mindate.date(), (maxdate.date() if maxdate else today)
        if start > end:
            raise click.UsageError(f"--mindate {start} is after --maxdate {end}")
        return start, end
    return incremental_window(query, today, days=days)


@ingest.command("pubmed", context_settings=CONTEXT)
@click.option(
    "--query",
    default=None,
    help="PubMed query (default: MSDIGEST_PUBMED_QUERY, else MS and related conditions).",
)
@click.option("--mindate", type=DATE, default=None, metavar="YYYY/MM/DD", help="First entry date.")
@click.option(
    "--maxdate",
    type=DATE,
    default=None,
    metavar="YYYY/MM/DD",
    help="Last entry date (default: today).",
)
@click.option(
    "--days",
    type=click.IntRange(1),
    default=None,
    metavar="N",
    help="The last N days up to today.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the run's counts as one JSON object.")
def ingest_pubmed_command(
    query: str | None,
    mindate: dt.datetime | None,
    maxdate: dt.datetime | None,
    days: int | None,
    as_json: bool,
) -> None:
    """Fetch new records from PubMed (by entry date) and store them.

    Without dates the run carries on from the last successful run of the same query
    (its last day again, as overlap) up to today; the first run takes the last 7 days.
    Needs NCBI_EMAIL; NCBI_API_KEY raises the rate from 3 to 10 requests per second.
    """
    from msdigest.sources.eutils import EutilsClient, EutilsSettings, pubmed_query

    settings = EutilsSettings.from_env()
    query = (query or "").strip() or pubmed_query()
    _database()
    from msdigest_web.papers.ingest import ingest_pubmed
    from msdigest_web.papers.models import IngestRun

    start, end = _window(query, mindate, maxdate, days)
    run = IngestRun.objects.create(
        source=IngestRun.Source.PUBMED, query=query, mindate=start, maxdate=end
    )
    label = f"PubMed {start:%Y/%m/%d}-{end:%Y/%m/%d}"
    try:
        with EutilsClient(settings) as client:
            ingest_pubmed(client, query, start, end, progress=_bar("PubMed"), run=run)
    except MsdigestError:
        if as_json:
            _report(run, as_json, label)
        raise
    _report(run, as_json, label)


@ingest.command("file", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=INPUT_FORMATS, default=None, help="Input format.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's counts as one JSON object.")
def ingest_file_command(paths: tuple[str, ...], fmt: str | None, as_json: bool) -> None:
    """Store the papers of PubMed XML (.xml, .xml.gz) or JSONL files.

    Running it again on the same files changes nothing; a changed record is updated and
    its previous version kept.
    """
    for path in paths:
        if not Path(path).is_file():
            raise InputError(f"{path}: no such file")
    _database()
    from msdigest_web.papers.ingest import ingest_files
    from msdigest_web.papers.models import IngestRun

    run = IngestRun.objects.create(source=IngestRun.Source.FILE, inputs=list(paths))
    label = f"files ({len(paths)})"
    try:
        ingest_files(paths, fmt, progress=_bar("Storing"), run=run)
    except MsdigestError:
        if as_json:
            _report(run, as_json, label)
        raise
    _report(run, as_json, label)


# --- bench ------------------------------------------------------------------------------------


@bench.command("parse", context_settings=CONTEXT)
@click.option(
    "--records",
    default=50_000,
    show_default=True,
    type=click.IntRange(1_000),
    help="Records in the generated file.",
)
@click.option(
    "--keep",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Keep the generated XML file here instead of a temporary folder.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Path(exists=True),
    help="PubMed XML files or folders to repeat (default: ../shared/eval/pubmed-xml "
    "and the sample corpus).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def bench_parse(records: int, keep: str | None, sources: tuple[str, ...], as_json: bool) -> None:
    """Measure PubMed XML parsing: records per second and peak memory at two sizes.

    Builds a large file by repeating PubMed records with new PMIDs, then parses it in a
    fresh process that reports its peak resident memory after a fifth of the records
    and at the end: equal figures show that memory does not grow with the file.
    """
    from msdigest.sources.bench import default_sources, run_parse_benchmark

    chosen = [Path(s) for s in sources] or default_sources()
    result = run_parse_benchmark(chosen, records, keep=Path(keep) if keep else None)
    if as_json:
        echo_json(result.to_dict())
    else:
        for line in result.lines():
            click.echo(line)
