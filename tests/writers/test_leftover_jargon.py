"""Research words that used to survive into the articles, each now said plainly or dropped.

Made-up sentences of the shapes that read badly ("median X was higher", "by a pooled 28%
relative to the comparator", "At trial level,", "alpha diversity", "CD4+ T-cell
subsets", an aside that took its comma with it); numbers stay exactly as written.
"""

from __future__ import annotations

import pytest

from msdigest.writers.grounded.clauses import trim_clauses
from msdigest.writers.grounded.rewrites import apply_rewrites


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        (
            "In relapse, median serum ferritin was lower in group A than in group B.",
            "In relapse, blood ferritin was typically lower in group A than in group B.",
        ),
        (
            "Training reduced pain by a pooled 15% relative to the comparator.",
            "Training reduced pain by 15% compared with the comparison treatment.",
        ),
        (
            "Diet changed weight relative to controls.",
            "Diet changed weight compared with the comparison group.",
        ),
        (
            "At trial level, drugs that slow relapses tend to slow scans.",
            "Across trials, drugs that slow relapses tend to slow scans.",
        ),
        (
            "People with MS had lower alpha diversity than their siblings.",
            "People with MS had a lower variety of gut bacteria than their siblings.",
        ),
        ("Alpha diversity was similar.", "The variety of gut bacteria was similar."),
        (
            "We measured circulating CD4+ T-cell subsets.",
            "The researchers measured helper T cells in the blood.",
        ),
    ],
)
def test_research_words_are_rewritten_plainly(source: str, plain: str) -> None:
    assert apply_rewrites(source) == plain


def test_a_dropped_aside_keeps_the_comma_before_a_trailing_qualifier() -> None:
    text = (
        "Drugs that slow shrinking tend to slow disability, which supports scans as a "
        "measure, particularly in relapsing MS."
    )
    trimmed = trim_clauses(text)
    assert "disability particularly" not in trimmed
    assert trimmed.startswith("Drugs that slow shrinking tend to slow disability")
