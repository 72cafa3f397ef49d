"""Build papers for fact tests from a few lines of abstract text."""

from __future__ import annotations

from msdigest.facts import StudyFacts, extract_facts
from msdigest.paper import MeshHeading, Paper
from msdigest.sources.jsonl import split_sections

TITLE = "A study in multiple sclerosis"


def paper(
    abstract: str,
    title: str = TITLE,
    *,
    publication_types: tuple[str, ...] = (),
    mesh: tuple[str, ...] = (),
) -> Paper:
    """Return a paper whose abstract may use "LABEL: text" lines, as JSONL input does."""
    return Paper(
        id="test",
        title=title,
        abstract=split_sections(abstract),
        publication_types=publication_types,
        mesh_headings=tuple(MeshHeading(term) for term in mesh),
    )


def facts(abstract: str, title: str = TITLE, **kwargs: tuple[str, ...]) -> StudyFacts:
    """Return the extracted facts of a paper built by `paper`."""
    return extract_facts(paper(abstract, title, **kwargs))


def size(abstract: str, title: str = TITLE) -> int | None:
    """Return the extracted participant total."""
    return facts(abstract, title).sample_size.total
