"""Provenance: every sentence has a source, sections add up, quotes are really in the abstract."""

from __future__ import annotations

import dataclasses

from msdigest.summary import Provenance
from tests.checks.builders import PAPER, good_summary, report, trial_facts


def provenance(summary, facts=None):  # type: ignore[no-untyped-def]
    return report(summary, facts or trial_facts()).get("provenance")


def replace_sentence(index: int, **changes):  # type: ignore[no-untyped-def]
    summary = good_summary()
    sentences = list(summary.sentences)
    sentences[index] = dataclasses.replace(sentences[index], **changes)
    return dataclasses.replace(summary, sentences=tuple(sentences))


def study_index() -> int:
    return next(i for i, s in enumerate(good_summary().sentences) if s.section == "study")


def test_good_provenance_passes() -> None:
    result = provenance(good_summary())
    assert result.status == "pass"
    assert "all 15 sentences have a source" in result.message


def test_no_sentences_fails() -> None:
    result = provenance(good_summary(sentences=()))
    assert result.status == "fail"
    assert "no sentence-level provenance" in result.message


def test_a_sentence_without_sources_fails_and_is_quoted() -> None:
    summary = replace_sentence(0, sources=())
    result = provenance(summary)
    assert result.status == "fail"
    assert result.offending == (summary.headline,)


def test_a_quote_with_wrong_offsets_fails_and_says_where_it_is() -> None:
    index = study_index()
    source = good_summary().sentences[index].sources[0]
    start = PAPER.abstract_text.index(source.text)
    moved = Provenance(
        "source", f"abstract:{start + 1}-{start + 1 + len(source.text)}", source.text
    )
    result = provenance(replace_sentence(index, sources=(moved,)))
    assert result.status == "fail"
    assert f"the quote is at abstract:{start}-{start + len(source.text)}" in result.message


def test_a_quote_that_is_not_in_the_abstract_fails() -> None:
    invented = Provenance("source", "abstract:0-20", "Walking cured fatigue")
    result = provenance(replace_sentence(study_index(), sources=(invented,)))
    assert result.status == "fail"
    assert "not in the abstract" in result.message


def test_a_title_quote_is_checked_against_the_title() -> None:
    title = Provenance("source", "title:0-21", PAPER.title[:21])
    assert provenance(replace_sentence(0, sources=(title,))).status == "pass"
    bad = Provenance("source", "title:0-21", "Something else entirely")
    assert provenance(replace_sentence(0, sources=(bad,))).status == "fail"


def test_a_malformed_ref_fails() -> None:
    odd = Provenance("source", "paragraph 2", "Fatigue is common")
    result = provenance(replace_sentence(0, sources=(odd,)))
    assert result.status == "fail"
    assert "is not 'abstract:<start>-<end>'" in result.message


def test_sentences_must_add_up_to_the_section_text() -> None:
    summary = good_summary()
    changed = dataclasses.replace(summary, study=summary.study + " An extra sentence.")
    result = provenance(changed)
    assert result.status == "fail"
    assert "sentences of study do not add up" in result.message


def test_unknown_section_fails() -> None:
    result = provenance(replace_sentence(0, section="summary"))
    assert result.status == "fail"
    assert "unknown section" in result.message


def test_facts_must_exist() -> None:
    unknown = Provenance("fact", "favourite_colour", "blue")
    result = provenance(replace_sentence(0, sources=(unknown,)))
    assert result.status == "fail" and "not a field of the study facts" in result.message
    missing = Provenance("fact", "duration", "12 weeks")
    result = provenance(good_summary(), trial_facts(duration=None))
    assert result.status == "fail" and "fact that was not found" in result.message
    flag = Provenance("fact", "limitations.small_sample", "false")
    assert provenance(replace_sentence(0, sources=(flag,))).status == "pass"
    assert missing.ref == "duration"


def test_a_study_sentence_resting_only_on_framing_warns() -> None:
    framing = Provenance("editorial", "framing", "written by the engine")
    result = provenance(replace_sentence(study_index(), sources=(framing,)))
    assert result.status == "warn"
    assert "rests on no source or fact" in result.message
