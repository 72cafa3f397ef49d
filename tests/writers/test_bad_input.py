"""Bad input gives a shorter, honest summary: never a crash, never an invented fact."""

from __future__ import annotations

import re

import pytest

from msdigest.checks.numbers import source_numbers, summary_numbers
from msdigest.errors import EngineError
from msdigest.facts import extract_facts
from msdigest.facts.model import StudyFacts
from msdigest.paper import AbstractSection, Paper
from msdigest.summary import LaySummary
from msdigest.writers import write_summary
from msdigest.writers.grounded.engine import GroundedEngine


def _paper(text: str, title: str = "A study in multiple sclerosis") -> Paper:
    return Paper(id="bad-1", title=title, abstract=(AbstractSection(text=text),))


def _numbers_in_source(paper: Paper, summary: LaySummary) -> None:
    stated = source_numbers(f"{paper.title}\n{paper.abstract_text}")
    for value, written, percent in summary_numbers(summary.full_text):
        assert round(value, 6) in (stated.percent if percent else stated.plain), written


def test_no_facts_found_gives_an_honest_summary() -> None:
    paper = _paper("Multiple sclerosis is a disease of the brain and spinal cord that we studied.")
    facts = StudyFacts(paper_id=paper.id, pmid=None, study_design="other")
    summary = write_summary(paper, facts)
    assert "does not say how many people took part" in summary.study
    assert summary.headline and summary.keep_in_mind
    _numbers_in_source(paper, summary)


def test_a_one_sentence_abstract_is_not_padded_with_inventions() -> None:
    paper = _paper("Fatigue was common among 40 people with multiple sclerosis.")
    summary = write_summary(paper, extract_facts(paper))
    _numbers_in_source(paper, summary)
    assert "40" in summary.full_text
    source_sentences = [p for s in summary.sentences for p in s.sources if p.kind == "source"]
    assert all(p.text in paper.abstract_text or p.text in paper.title for p in source_sentences)


def test_an_abstract_full_of_statistics_gives_no_statistics() -> None:
    paper = _paper(
        "RESULTS: OR = 1.82 (95% CI 1.10-3.01; p = 0.02); HR 0.64 (0.45-0.91), I2 = 48%, "
        "SMD -0.31 (-0.52 to -0.10); r = 0.41, p < 0.001; beta = 0.22 (SE 0.08).\n"
        "CONCLUSIONS: Associations were significant (p < 0.05)."
    )
    summary = write_summary(paper, extract_facts(paper))
    assert not re.search(r"\b(?:CI|OR|HR|SMD|p =|p <)\b|=", summary.full_text)
    _numbers_in_source(paper, summary)
    assert summary.checks is not None


def test_an_empty_abstract_is_refused_clearly() -> None:
    paper = Paper(id="empty", title="Nothing", abstract=(AbstractSection(text=" "),))
    facts = StudyFacts(paper_id="empty", pmid=None, study_design="other")
    with pytest.raises(EngineError, match="no abstract"):
        GroundedEngine().write(paper, facts)


def test_a_huge_abstract_is_written_about_quickly_and_safely() -> None:
    sentence = "People with multiple sclerosis who walked more had less fatigue (p = 0.03). "
    paper = _paper(sentence * 2000)
    summary = write_summary(paper, extract_facts(paper))
    assert 150 <= len(summary.full_text.split()) <= 450
    _numbers_in_source(paper, summary)


def test_a_study_not_about_ms_never_says_ms() -> None:
    paper = _paper(
        "We followed 120 adults after stroke for 6 months. Walking speed improved with "
        "daily practice.",
        title="Walking practice after stroke",
    )
    summary = write_summary(paper, extract_facts(paper))
    assert not re.search(r"\bpeople with MS\b", summary.study)
