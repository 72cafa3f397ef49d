"""The root command and its groups; area modules attach their commands to these."""

from __future__ import annotations

import click

from msdigest import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="msdigest")
def cli() -> None:
    """msdigest: plain-language, source-checked news about new MS research.

    Read papers (PubMed XML, JSONL or live PubMed), extract the study's facts, write and
    check plain-language summaries, and serve them as a website.
    """


@cli.group(context_settings=CONTEXT)
def ingest() -> None:
    """Store papers in the database, from PubMed or from files."""


@cli.group(name="eval", context_settings=CONTEXT)
def evaluate() -> None:
    """Measure facts and summaries against labelled data."""


@cli.group(context_settings=CONTEXT)
def bench() -> None:
    """Benchmarks: speed and memory of each stage (figures for the README)."""
