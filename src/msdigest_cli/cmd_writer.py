"""Writer commands: `msdigest summarize`, `eval summaries` and `bench summarize`."""

from __future__ import annotations

from pathlib import Path

import click

from msdigest.errors import EngineError, InputError
from msdigest.facts import extract_facts
from msdigest.sources import Skipped
from msdigest.writers import DEFAULT_ENGINE, ENGINES, get_engine, write_summary
from msdigest_cli.app import CONTEXT, bench, cli
from msdigest_cli.app import evaluate as eval_group
from msdigest_cli.common import INPUT_FORMATS, echo_json, iter_input_papers, progress, report_skip

__all__ = ["bench_summarize_command", "eval_summaries", "summarize"]

SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "msdigest" / "data" / "sample"
DEV_ABSTRACTS = Path("..") / "shared" / "eval" / "dev" / "ms_abstracts.jsonl"
_ENGINE_HELP = "Writer engine, by key: " + ", ".join(
    f"{key} ({label})" for key, (label, _path) in sorted(ENGINES.items())
)


@cli.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--engine", default=DEFAULT_ENGINE, show_default=True, help=_ENGINE_HELP)
@click.option(
    "--format",
    "out_format",
    type=click.Choice(["jsonl", "markdown", "html"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one summary object per line; markdown or html: articles to read.",
)
@click.option("--input-format", type=INPUT_FORMATS, help="Input format (default: from the name).")
def summarize(
    inputs: tuple[str, ...], engine: str, out_format: str, input_format: str | None
) -> None:
    """Write a checked plain-language summary of each paper.

    INPUT is PubMed XML (.xml, .xml.gz) or JSONL. Each summary is written from the paper's
    facts and abstract, then checked; the jsonl form carries `id`, `pmid`, `headline`,
    `study`, `why_it_matters`, `keep_in_mind`, `evidence`, `glossary`, `sentences` (each
    with its provenance), `engine` and `checks`. Skipped records and papers the engine
    cannot write about go to stderr with the reason.
    """
    from msdigest.writers.render import html_page_parts, render_html, render_markdown

    writer = get_engine(engine)  # an unknown key stops here, before any input is read
    foot = None
    if out_format == "html":
        head, foot = html_page_parts()
        click.echo(head)
    first = True
    for paper in progress(iter_input_papers(inputs, input_format), desc="summarize"):
        facts = extract_facts(paper)
        try:
            summary = write_summary(paper, facts, writer)
        except EngineError as exc:
            report_skip(Skipped(str(paper.source or paper.id), f"engine error: {exc}", paper.id))
            continue
        if out_format == "jsonl":
            echo_json(summary.to_json())
        elif out_format == "markdown":
            if not first:
                click.echo("\n---\n")
            click.echo(render_markdown(summary, paper), nl=False)
        else:
            click.echo(render_html(summary, paper))
        first = False
    if foot is not None:
        click.echo(foot)


@eval_group.command(name="summaries", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--engine", default=DEFAULT_ENGINE, show_default=True, help=_ENGINE_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def eval_summaries(inputs: tuple[str, ...], engine: str, as_json: bool) -> None:
    """Measure summaries against the writer's targets.

    INPUT is PubMed XML, JSONL papers, or JSONL pairs (lines with a `reference_summary`,
    such as ../shared/eval/dev/pairs.jsonl). Prints the mean, highest and above-10 reading
    grades, sentences over 25 words, numbers not in the source, overclaiming words,
    summaries with all four sections, participant counts stated, hedged headlines,
    "small" for small studies, word counts, what a careful reader notices (the finding
    stated in "the study" and the headline, broken phrases, repeated facts, "early" said
    of a randomised trial, a specific "who it may not apply to"), per-check
    pass/warn/fail counts and, for pairs, how many of the reference summary's numbers ours
    states and both grades.
    """
    from msdigest.writers.evaluate import evaluate, format_report

    writer = get_engine(engine)
    result = evaluate(
        inputs, writer, progress=lambda items: progress(items, desc="eval", unit="paper")
    )
    if not result.summaries:
        raise InputError("no summaries were written: " + "; ".join(result.skipped[:3]))
    figures = result.to_json()
    if as_json:
        echo_json(figures)
    else:
        click.echo(format_report(figures))


@bench.command(name="summarize", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--summaries", "target", default=500, show_default=True,
              help="How many summaries to write (the inputs are repeated).")  # fmt: skip
@click.option("--engine", default=DEFAULT_ENGINE, show_default=True, help=_ENGINE_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
def bench_summarize_command(
    inputs: tuple[str, ...], target: int, engine: str, as_json: bool
) -> None:
    """Time facts + writer + all checks: summaries per second on one core (goal: at least 50).

    By default the workload is the dev abstracts in ../shared/eval/dev (when present) and
    the bundled sample corpus, repeated to --summaries.
    """
    from msdigest.bench.facts import load_bench_papers
    from msdigest.bench.summarize import bench_summarize

    paths = [Path(p) for p in inputs]
    if not paths:
        paths = sorted(SAMPLE_CORPUS.glob("*.xml"))
        if DEV_ABSTRACTS.is_file():
            paths.insert(0, DEV_ABSTRACTS)
    papers = load_bench_papers(paths)
    if not papers:
        raise InputError("no papers to benchmark: pass INPUT files")
    result = bench_summarize(papers, target=target, engine=engine)
    if as_json:
        echo_json(result.to_dict())
        return
    stages = result.to_dict()["ms_per_summary"]
    assert isinstance(stages, dict)
    click.echo(
        f"summarize ({result.engine}): {result.summaries} summaries ({result.distinct} distinct "
        f"papers) in {result.seconds:.2f} s of CPU time = {result.per_second:.0f} summaries/s "
        f"on one core (wall time {result.wall_seconds:.2f} s)"
    )
    click.echo(
        f"per summary: facts {stages['facts']} ms, writer {stages['writer']} ms, "
        f"checks {stages['checks']} ms"
        + (f"; {result.failed} engine errors" if result.failed else "")
    )
