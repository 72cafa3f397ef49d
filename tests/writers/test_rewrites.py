"""The research-English rewrites make text plainer and never add a number."""

from __future__ import annotations

import re

import pytest

from msdigest.text.numbers import find_numbers
from msdigest.writers.grounded.rewrites import REWRITES, apply_rewrites


def test_no_rewrite_introduces_a_number() -> None:
    for _pattern, replacement in REWRITES:
        literal = re.sub(r"\\\d", "", replacement)
        assert not find_numbers(literal), replacement
        assert not re.search(r"\d", literal), replacement


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("We found that MS patients walked further.", "The researchers found that people with MS"),
        ("Fatigue was associated with depression.", "Fatigue was linked to depression."),
        ("Thalamic volume declined faster.", "The size of the thalamus declined faster."),
        ("In conclusion, exercise helped.", "Exercise helped."),
        ("Scores did not differ significantly.", "Scores did not clearly change."),
        ("Adverse events were mild.", "Health problems were mild."),
    ],
)
def test_rewrites(before: str, after: str) -> None:
    result = apply_rewrites(before)
    result = result[:1].upper() + result[1:]
    assert result.startswith(after)
