"""Readability computed offline: syllables, Flesch-Kincaid grade."""

from __future__ import annotations

import pytest

from msdigest.text.readability import count_syllables, flesch_kincaid_grade, text_stats
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("walking", 2),
        ("people", 2),
        ("randomised", 3),
        ("thalamus", 3),
        ("year-long", 2),
        ("MS", 2),
        ("EDSS", 4),
        ("ocrelizumab", 5),
        ("the", 1),
        ("inflammation", 4),
    ],
)
def test_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_grade_separates_plain_from_technical_text() -> None:
    plain = "The study was small. People walked more. They felt a bit better after a year."
    technical = (
        "Longitudinal neuroimaging demonstrated significant attenuation of thalamic atrophy "
        "among participants randomised to the supervised aerobic intervention, independently "
        "of baseline disability and demographic characteristics."
    )
    assert flesch_kincaid_grade(plain) < 4
    assert flesch_kincaid_grade(technical) > 16


def test_counts_and_empty_text() -> None:
    stats = text_stats("One two three. Four five.")
    assert (stats.sentences, stats.words) == (2, 5)
    assert flesch_kincaid_grade("") == 0.0


def test_published_lay_summaries_score_where_they_are_said_to() -> None:
    """The two published examples are documented at about grade 10 to 12.5."""
    examples = ROOT.parent / "shared" / "examples"
    if not examples.exists():
        pytest.skip("shared examples not present")
    for path in sorted(examples.glob("*.txt")):
        article = path.read_text().split("12/31/2026")[0]
        assert 9.5 <= flesch_kincaid_grade(article) <= 14.5, path.name
