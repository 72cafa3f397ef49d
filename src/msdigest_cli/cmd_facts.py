"""Commands for the facts stage: `msdigest facts`, `msdigest eval facts`, `msdigest bench facts`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from msdigest.errors import InputError
from msdigest.facts import extract_facts
from msdigest.facts.descriptive import load_expected
from msdigest.facts.evaluate import EvalReport, evaluate, load_labels
from msdigest_cli.app import bench, cli
from msdigest_cli.app import evaluate as eval_group
from msdigest_cli.common import INPUT_FORMATS, echo_json, iter_input_papers, progress

SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "msdigest" / "data" / "sample"
DEV_ABSTRACTS = Path("..") / "shared" / "eval" / "dev" / "ms_abstracts.jsonl"


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=INPUT_FORMATS, help="Input format (default: from the name).")
def facts(inputs: tuple[str, ...], fmt: str | None) -> None:
    """Extract study facts: one JSON object per paper on stdout.

    INPUT is PubMed XML (.xml, .xml.gz) or JSONL. Skipped records go to stderr with their
    reason; a paper whose abstract cannot be read gets empty facts and a note.
    """
    for paper in progress(iter_input_papers(inputs, fmt), desc="facts"):
        echo_json(extract_facts(paper).to_json())


@eval_group.command(name="facts")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Gold labels (JSONL, the format of ms_labels.jsonl).",
)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=INPUT_FORMATS, help="Input format (default: from the name).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--show-errors", is_flag=True, help="List every miss: gold, predicted, source.")
@click.option(
    "--text-only",
    is_flag=True,
    help="Ignore publication types and MeSH terms: measure the text rules alone.",
)
@click.option(
    "--descriptive",
    type=click.Path(exists=True, dir_okay=False),
    help="Hand-written population, intervention, comparison and primary outcomes to score "
    "(JSONL, the format of tests/facts/data/sample_descriptive.jsonl).",
)
def eval_facts(
    gold: str,
    inputs: tuple[str, ...],
    fmt: str | None,
    as_json: bool,
    show_errors: bool,
    text_only: bool,
    descriptive: str | None,
) -> None:
    """Score extracted facts against gold labels: accuracy per field.

    Scored (exact, honouring the labels' `acceptable` answers): sample_size, study_design,
    has_control_group and each limitation flag. Duration and population are reported for
    information. The exit status is 0 whether or not the targets are met.
    """
    labels = load_labels(gold)
    papers = progress(iter_input_papers(inputs, fmt), desc="eval facts")
    expected = load_expected(descriptive) if descriptive else None
    report = evaluate(papers, labels, text_only=text_only, expected=expected)
    if report.papers == 0:
        raise InputError("no input paper matches a gold label (compare the `id` fields)")
    if as_json:
        echo_json(report.to_dict())
        return
    click.echo(format_report(report, show_errors=show_errors))


def format_report(report: EvalReport, *, show_errors: bool = False) -> str:
    """Return the eval report as text: a table of fields, then duration and population."""
    lines = [f"papers scored: {report.papers}", "", f"{'field':34} {'accuracy':>9}  target"]
    for score in report.fields:
        mark = {True: "ok", False: "BELOW", None: ""}[score.meets_target]
        target = f"{score.target:.2f}" if score.target is not None else "-"
        lines.append(
            f"{score.name:34} {score.accuracy:9.3f}  {target:>6} {mark:5} "
            f"({score.correct}/{score.total})"
        )
    d = report.duration
    lines += [
        "",
        "duration (informative): "
        f"both stated {d['both_stated']}, both absent {d['both_absent']}, "
        f"only gold {d['only_gold']}, only predicted {d['only_predicted']}; "
        f"lengths agree (±10%) {d['length_agree']}/{d['length_compared']}",
    ]
    p = report.population
    lines.append(
        "population (informative): "
        f"described {p['described']}/{p['labelled']}, "
        f"MS type agrees {p['type_agree']}/{p['type_total']}, "
        f"mean gold-word recall {p['mean_word_recall']} "
        f"(without the labels' bracketed notes {p['core_word_recall']})"
    )
    lines += _descriptive_lines(report.descriptive, show_errors=show_errors)
    if report.unlabelled:
        lines.append(f"inputs without a gold label (not scored): {len(report.unlabelled)}")
    if report.not_found:
        lines.append(f"gold labels without an input: {len(report.not_found)}")
    lines.append("")
    lines.append("all targets met" if report.all_targets_met else "some targets NOT met")
    if show_errors and report.misses:
        lines += ["", f"misses ({len(report.misses)}):"]
        for miss in report.misses:
            also = (
                f" (also accepted: {json.dumps(list(miss.acceptable))})" if miss.acceptable else ""
            )
            lines.append(
                f"- {miss.paper_id} {miss.field}: gold {json.dumps(miss.gold)}{also}, "
                f"predicted {json.dumps(miss.predicted)}"
            )
            if miss.source:
                lines.append(f"    source: {miss.source}")
    return "\n".join(lines)


def _descriptive_lines(d: dict[str, Any], *, show_errors: bool) -> list[str]:
    """Return the descriptive measures as report lines (informative, no targets)."""
    if not d:
        return []
    lines = [
        "descriptive (informative): "
        f"intervention stated {d['intervention_stated']}/{d['papers']} "
        f"(well-formed {d['intervention_well_formed']}, refused {d['intervention_refused']}), "
        f"comparison stated {d['comparison_stated']} "
        f"(well-formed {d['comparison_well_formed']}); "
        f"results {d['results']}, with a named outcome {d['results_with_named_outcome']}, "
        f"on an extracted outcome {d['results_on_an_extracted_outcome']}, "
        f"flagged primary {d['results_flagged_primary']}; "
        f"papers with a primary outcome {d['papers_with_primary_outcome']}"
    ]
    e = d.get("expected")
    if e:
        lines.append(
            f"descriptive vs hand-written ({e['labelled']} papers): "
            f"population word recall {e['population_word_recall']}, "
            f"precision {e['population_word_precision']}; "
            f"intervention agrees {e['intervention_agrees']}, "
            f"comparison agrees {e['comparison_agrees']}, "
            f"primary outcomes found {e['primary_outcomes_found']}"
        )
        if show_errors:
            for miss in e["misses"]:
                lines.append(
                    f"- {miss['id']} {miss['field']}: expected {json.dumps(miss['expected'])}, "
                    f"predicted {json.dumps(miss['predicted'])}"
                )
    return lines


@bench.command(name="facts")
@click.option("--abstracts", "target", default=2000, show_default=True,
              help="How many abstracts to extract (the inputs are repeated).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=False))
def bench_facts_command(target: int, as_json: bool, inputs: tuple[str, ...]) -> None:
    """Time fact extraction: abstracts per second on one core (goal: at least 200).

    By default the workload is the dev abstracts in ../shared/eval/dev (when present) and
    the bundled sample corpus, repeated to --abstracts.
    """
    from msdigest.bench.facts import bench_facts, load_bench_papers

    paths = [Path(p) for p in inputs]
    if not paths:
        paths = sorted(SAMPLE_CORPUS.glob("*.xml"))
        if DEV_ABSTRACTS.is_file():
            paths.insert(0, DEV_ABSTRACTS)
    papers = load_bench_papers(paths)
    if not papers:
        raise InputError("no papers to benchmark: pass INPUT files")
    result = bench_facts(papers, target=target)
    if as_json:
        echo_json(result.to_dict())
        return
    click.echo(
        f"facts: {result.abstracts} abstracts ({result.distinct} distinct) in "
        f"{result.seconds_cpu:.2f} s CPU = {result.per_second:.0f} abstracts/s on one core "
        f"(wall clock {result.per_wall_second:.0f}/s, load average {result.load_average})"
    )
    click.echo("sources: " + ", ".join(result.sources))
