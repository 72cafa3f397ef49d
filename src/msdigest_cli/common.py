"""Helpers shared by the command modules: JSON lines out, skips to stderr, progress bars."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import click
from tqdm import tqdm

from msdigest.paper import Paper
from msdigest.sources import Skipped, read_papers

T = TypeVar("T")

INPUT_FORMATS = click.Choice(["jsonl", "pubmed-xml"])


def echo_json(obj: Any) -> None:
    """Write one JSON object as one line on stdout."""
    click.echo(json.dumps(obj, ensure_ascii=False))


def report_skip(skip: Skipped) -> None:
    """Tell the operator, on stderr, which record was skipped and why."""
    click.echo(str(skip), err=True)


def progress(
    items: Iterable[T], *, desc: str, total: int | None = None, unit: str = "rec"
) -> Iterator[T]:
    """Wrap `items` in a progress bar on stderr that appears only after two seconds.

    Short runs print nothing extra; long runs show rate and count, so an operator can tell
    a slow run from a stuck one.
    """
    bar = tqdm(
        items,
        desc=desc,
        total=total,
        unit=unit,
        delay=2.0,
        file=sys.stderr,
        dynamic_ncols=True,
        leave=False,
    )
    yield from bar


def iter_input_papers(paths: Iterable[str], fmt: str | None) -> Iterator[Paper]:
    """Yield the papers of the input files, reporting each skipped record on stderr."""
    for item in read_papers(paths, fmt):
        if isinstance(item, Skipped):
            report_skip(item)
        else:
            yield item
