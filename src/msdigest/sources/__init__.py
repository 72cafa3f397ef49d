"""Sources of papers: PubMed XML files, our JSONL schema, and NCBI E-utilities.

Every reader yields, in input order, either a :class:`~msdigest.paper.Paper` or a
:class:`Skipped` that says which record could not be used and why, so the operator sees
every record that did not make it and nothing is dropped in silence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from msdigest.errors import InputError
from msdigest.paper import Paper
from msdigest.sources.skipped import Skipped

__all__ = ["FORMATS", "Skipped", "detect_format", "read_papers"]

FORMATS = ("pubmed-xml", "jsonl")


def detect_format(path: Path) -> str:
    """Return "pubmed-xml" or "jsonl" from the file name (.xml, .xml.gz, .jsonl, .json)."""
    name = path.name.lower()
    if name.endswith((".xml", ".xml.gz")):
        return "pubmed-xml"
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json")):
        return "jsonl"
    raise InputError(
        f"{path}: cannot tell the format from the name; use .xml, .xml.gz or .jsonl, "
        "or pass --format"
    )


def read_papers(paths: Iterable[str | Path], fmt: str | None = None) -> Iterator[Paper | Skipped]:
    """Yield every record of every file, in order, as a `Paper` or a `Skipped`.

    `fmt` forces one format for all files; by default each file's name decides.
    Raises `InputError` for a file that is missing or unreadable as a whole.
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        kind = fmt or detect_format(path)
        if kind == "jsonl":
            from msdigest.sources.jsonl import iter_jsonl

            yield from iter_jsonl(path)
        elif kind == "pubmed-xml":
            from msdigest.sources.pubmed_xml import iter_pubmed_xml

            yield from iter_pubmed_xml(path)
        else:
            raise InputError(f"unknown input format {kind!r}; choose one of {', '.join(FORMATS)}")
