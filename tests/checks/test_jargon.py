"""Jargon: uncommon words must be replaced or explained (glossary or in the text)."""

from __future__ import annotations

import pytest

from msdigest.checks.jargon import is_uncommon
from msdigest.summary import GlossaryUse
from tests.checks.builders import good_summary, report


def jargon(study_extra: str, glossary: tuple[GlossaryUse, ...] = ()):  # type: ignore[no-untyped-def]
    summary = good_summary(
        study=good_summary().study + " " + study_extra,
        glossary=good_summary().glossary + glossary,
    )
    return report(summary).get("jargon")


@pytest.mark.parametrize(
    "word",
    ["thalamus", "myelin", "cytokines", "ocrelizumab", "EDSS", "NMOSD", "CD20", "IgG",
     "cohort", "placebo", "baseline", "double-blind", "spasticity"],
)  # fmt: skip
def test_technical_words_are_uncommon(word: str) -> None:
    assert is_uncommon(word)


@pytest.mark.parametrize(
    "word",
    ["fatigue", "bladder", "walking", "tremor", "dizziness", "stiffness", "relapses",
     "neurologists", "MS", "MRI", "relapsing-remitting", "numbness", "people's", "COVID-19",
     "Tiredness"],
)  # fmt: skip
def test_plain_words_are_not(word: str) -> None:
    assert not is_uncommon(word)


def test_british_spelling_is_judged_like_the_american() -> None:
    # wordfreq counts "randomised" far below "randomized"; neither is plain, both are study terms
    assert is_uncommon("randomised") and is_uncommon("randomized")
    assert not is_uncommon("behaviour")
    assert not is_uncommon("centre")


def test_one_unexplained_word_warns_and_names_it() -> None:
    result = jargon("Their thalamus did not change.")
    assert result.status == "warn"
    assert result.offending == ("thalamus",)
    assert '"thalamus"' in result.message


def test_three_unexplained_words_fail() -> None:
    result = jargon("Their thalamus, myelin and cytokines were measured.")
    assert result.status == "fail"
    assert set(result.offending) == {"thalamus", "myelin", "cytokines"}


def test_a_word_listed_in_the_summary_glossary_is_explained_everywhere() -> None:
    result = jargon(
        "Their thalamus did not change. The thalamus is deep inside.",
        (GlossaryUse("thalamus", "A relay centre deep in the brain."),),
    )
    assert result.status == "pass"


def test_a_glossary_entry_without_a_definition_explains_nothing() -> None:
    result = jargon("Their thalamus did not change.", (GlossaryUse("thalamus", " "),))
    assert result.status == "warn"


def test_glossary_terms_cover_plurals_and_the_words_of_a_phrase() -> None:
    result = jargon(
        "Cytokines stayed level. Optic neuritis was rare.",
        (
            GlossaryUse("cytokine", "A chemical messenger of the immune system."),
            GlossaryUse("optic neuritis", "Swelling of the nerve of the eye."),
        ),
    )
    assert result.status == "pass"


@pytest.mark.parametrize(
    "sentence",
    [
        "Their thalamus, a relay centre deep in the brain, did not change.",
        "Their thalamus (a relay centre deep in the brain) did not change.",
        "They took a drug called ocrelizumab.",
        "Myelin is the coating that protects nerves.",
        "A relay centre in the brain (the thalamus) did not change.",
        "The EDSS, which measures disability, did not change.",
    ],
)
def test_explained_in_the_text_passes(sentence: str) -> None:
    assert jargon(sentence).status == "pass", sentence


def test_an_unrelated_comma_is_not_an_explanation() -> None:
    assert jargon("Their thalamus, walking and mood were measured.").status == "warn"


def test_explained_once_covers_every_use_and_unexplained_is_named_as_written() -> None:
    assert jargon("Myelin is the coating on nerves. Myelin was measured.").status == "pass"
    result = jargon("Myelin was measured.")
    assert result.status == "warn" and result.offending == ("Myelin",)
