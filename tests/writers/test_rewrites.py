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


def _corpus_sentences() -> list[str]:
    from msdigest.facts.document import build_document
    from msdigest.sources import Skipped, read_papers
    from tests.conftest import SAMPLE_CORPUS

    found = []
    for paper in read_papers([SAMPLE_CORPUS / "sample-corpus.xml"]):
        assert not isinstance(paper, Skipped)
        found += [s.text for s in build_document(paper).sentences]
    return found


def test_the_fast_path_gives_what_rule_by_rule_application_gives() -> None:
    from msdigest.writers.grounded.rewrites import apply_rewrites_one_by_one

    texts = [
        *_corpus_sentences(),
        "We found, versus placebo, a lower thalamic volume; e.g. prior to treatment.",
        "In conclusion, MS patients vs. healthy controls had adverse events.",
    ]
    for text in texts:
        assert apply_rewrites(text) == apply_rewrites_one_by_one(text), text


def test_a_rule_is_skipped_only_when_it_cannot_match() -> None:
    from msdigest.writers.grounded.rewrites import _ANCHORED

    for text in _corpus_sentences():
        lower = text.lower()
        for (regex, _replace), anchors in _ANCHORED:
            if regex.search(text) is not None and anchors is not None:
                assert any(anchor in lower for anchor in anchors), (regex.pattern, text)
