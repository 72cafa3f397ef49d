"""JSONL input: schema, sections, skips with reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msdigest.errors import InputError
from msdigest.paper import Paper
from msdigest.sources import Skipped, read_papers
from msdigest.sources.jsonl import iter_jsonl, split_sections
from tests.conftest import shared_file


def _write(path: Path, *objects: object) -> Path:
    path.write_text("\n".join(o if isinstance(o, str) else json.dumps(o) for o in objects) + "\n")
    return path


def test_labelled_lines_become_sections() -> None:
    sections = split_sections(
        "BACKGROUND: MS is common.\nMETHODS: We enrolled 40 people.\n"
        "more methods text\nCONCLUSION: It helped."
    )
    assert [(s.label, s.category) for s in sections] == [
        ("BACKGROUND", "BACKGROUND"),
        ("METHODS", "METHODS"),
        ("CONCLUSION", "CONCLUSIONS"),
    ]
    assert sections[1].text == "We enrolled 40 people. more methods text"


def test_a_sentence_with_a_colon_is_not_a_label() -> None:
    sections = split_sections("Two groups were compared: exercise and usual care.")
    assert sections[0].label is None


def test_optional_fields_and_citation_date(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "in.jsonl",
        {
            "id": "x1",
            "pmid": "33609298",
            "doi": "10.1/abc",
            "title": "T",
            "abstract": "OBJECTIVE: to test.\nRESULTS: it worked.",
            "citation": "Eur J Neurol. 2021 Feb 20. doi: 10.1/abc. Online ahead of print.",
            "publication_types": ["Journal Article"],
            "mesh_terms": ["Multiple Sclerosis"],
        },
    )
    (paper,) = list(iter_jsonl(path))
    assert isinstance(paper, Paper)
    assert paper.id == "x1" and paper.pmid == "33609298"
    assert paper.journal_iso == "Eur J Neurol"
    assert (paper.pub_date.year, paper.pub_date.month, paper.pub_date.day) == (2021, 2, 20)
    assert paper.mesh_terms == ("Multiple Sclerosis",)


def test_bad_records_are_skipped_with_reasons(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "in.jsonl",
        {"id": "a", "title": "No abstract"},
        "{not json",
        {"id": "b", "title": "T", "abstract": "Texte.", "language": "fr"},
        {"id": "c", "title": "T", "abstract": "Fine text."},
        ["a list"],
    )
    items = list(read_papers([path]))
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert reasons[0] == "no abstract"
    assert reasons[1].startswith("invalid JSON")
    assert reasons[2].startswith("not English")
    assert reasons[3] == "not a JSON object"
    assert [p.id for p in items if isinstance(p, Paper)] == ["c"]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_papers([tmp_path / "missing.jsonl"]))


def test_reads_every_shared_dev_abstract() -> None:
    path = shared_file("dev", "ms_abstracts.jsonl")
    items = list(read_papers([path]))
    assert len(items) == 40
    assert all(isinstance(p, Paper) and len(p.abstract) >= 1 for p in items)
    labelled = [p for p in items if isinstance(p, Paper) and p.abstract[0].label]
    assert len(labelled) >= 25
