"""The simplifier makes an abstract's sentences plain and says when it cannot."""

from __future__ import annotations

from msdigest.glossary import load_glossary, load_plain_words
from msdigest.writers.grounded.clauses import core_clause, split_long, trim_clauses
from msdigest.writers.grounded.simplify import Simplifier, strip_statistics


def simplifier(abbreviations: dict[str, str] | None = None) -> Simplifier:
    return Simplifier(abbreviations or {}, load_glossary(), load_plain_words())


def test_statistics_and_parentheses_are_dropped() -> None:
    text = (
        "Fatigue improved more with exercise (mean change -4.1, 95% CI -6.0 to -2.2; "
        "p < 0.001), OR = 1.8, than with usual care [ref 12]."
    )
    plain = strip_statistics(text)
    assert plain == "Fatigue improved more with exercise than with usual care."


def test_the_papers_own_abbreviations_are_written_out() -> None:
    result = simplifier({"HWP": "home walking program"}).simplify(
        "After the HWP, bladder problems eased in most women."
    )
    assert result.text == "After the home walking program, bladder problems eased in most women."


def test_research_english_becomes_plain() -> None:
    result = simplifier().simplify("We found that MS patients were associated with higher fatigue.")
    assert result.text.startswith("The researchers found that people with MS")
    assert "linked to" in result.text


def test_long_sentences_split_at_their_joints() -> None:
    text = (
        "Walking speed improved in the exercise group over the months of the study; "
        "fatigue scores did not change in either group at any time point."
    )
    parts = split_long(text)
    assert len(parts) == 2
    assert parts[1].startswith("Fatigue scores")


def test_a_fragment_is_never_split_off() -> None:
    text = (
        "Three themes emerged from the interviews with the women: uncertainty; worry; "
        "hope for the future."
    )
    assert len(split_long(text)) == 1


def test_a_sentence_of_statistics_is_refused() -> None:
    result = simplifier().simplify(
        "Serum and CSF correlations were r = 0.52 and r = 0.78 at weeks 48 and 96, respectively."
    )
    assert not result.usable
    assert result.problems


def test_hard_words_are_reported_unless_the_glossary_explains_them() -> None:
    hard = simplifier().simplify("Ubiquitin hydrolase isozymes rose in the rats.")
    assert not hard.usable
    assert any("hard words" in p for p in hard.problems)
    known = simplifier().simplify("Myelin was lost in the spinal cord of the mice.")
    assert known.usable, known.problems


def test_trim_clauses_keeps_the_main_claim() -> None:
    text = (
        "Menopause is not linked to faster disability in a clinically isolated syndrome "
        "population, considering the course of the disease."
    )
    assert trim_clauses(text) == (
        "Menopause is not linked to faster disability in people with clinically isolated syndrome."
    )


def test_core_clause_removes_the_lead_in() -> None:
    clause, cut = core_clause("These results suggest that probiotics may help people with MS.")
    assert cut
    assert clause == "probiotics may help people with MS"


def test_a_subject_tacked_on_after_the_verb_is_refused_not_rewritten() -> None:
    result = simplifier().simplify(
        "The proportion of patients with anxiety remained without significant changes as "
        "well as sleep outcomes."
    )
    assert not result.usable
    kept = simplifier().simplify("The program improved walking as well as balance.")
    assert kept.usable


def test_differences_at_significant_levels_are_statistics_talk() -> None:
    result = simplifier().simplify(
        "The scores of the two groups for all parts of the memory test were different at "
        "statistically significant levels."
    )
    assert not result.usable
