"""Sentence splitting of scientific text."""

from __future__ import annotations

from msdigest.text.sentences import split_sentences


def test_abbreviations_and_decimals_do_not_end_sentences() -> None:
    text = (
        "We compared 62 vs. 60 people (e.g. with RRMS), as Smith et al. did; p = 0.05. "
        "Mean age was 41.2 years. Fig. 2 shows it."
    )
    assert [s.text for s in split_sentences(text)] == [
        "We compared 62 vs. 60 people (e.g. with RRMS), as Smith et al. did; p = 0.05.",
        "Mean age was 41.2 years.",
        "Fig. 2 shows it.",
    ]


def test_offsets_point_back_into_the_text_and_lines_split() -> None:
    text = "METHODS: One. Two.\nRESULTS: Three."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["METHODS: One.", "Two.", "RESULTS: Three."]
    assert all(text[s.start : s.end] == s.text for s in sentences)
