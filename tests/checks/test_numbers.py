"""Numbers: every number in the summary is stated in the title or abstract."""

from __future__ import annotations

import dataclasses

import pytest

from msdigest.checks.numbers import source_numbers, summary_numbers
from msdigest.paper import AbstractSection
from tests.checks.builders import ABSTRACT, PAPER, good_summary, report, trial_facts

NO_NUMBERS = "The study was short, so we do not know if the benefit lasts. Talk to your MS team."


def only(study: str):  # type: ignore[no-untyped-def]
    """Return the good summary with `study` as the only text that holds numbers."""
    return good_summary(study=study, keep_in_mind=NO_NUMBERS)


def numbers(extra: str, paper=PAPER):  # type: ignore[no-untyped-def]
    summary = good_summary(study=good_summary().study + " " + extra)
    return report(summary, paper=paper).get("numbers")


@pytest.mark.parametrize(
    "sentence",
    [
        "Twelve weeks passed.",
        "The programme ran for 12 weeks.",
        "It was a 12-week programme.",
        "Scores fell by 25 per cent.",
        "Scores fell by 25 percent.",
        "Sixty-two people walked and sixty had usual care.",
        "Four hospitals took part.",
    ],
)
def test_numbers_written_differently_from_the_source_still_match(sentence: str) -> None:
    result = numbers(sentence)
    assert result.status == "pass", result.message


def test_every_summary_number_is_counted_in_the_pass_message() -> None:
    assert "numbers are stated in the source" in report().get("numbers").message


def test_a_number_not_in_the_source_fails_and_is_quoted() -> None:
    result = numbers("About 300 people were asked to join.")
    assert result.status == "fail"
    assert result.offending == ("300",)
    assert "About 300 people were asked to join." in result.message


def test_a_sum_of_group_counts_is_derived_unless_the_source_states_it() -> None:
    methods = (
        "In this randomised controlled trial, 62 adults with relapsing-remitting MS were "
        "assigned to a 12-week walking programme and 60 to usual care, at 4 hospitals."
    )
    paper = dataclasses.replace(
        PAPER, abstract=(ABSTRACT[0], AbstractSection(methods, "METHODS"), *ABSTRACT[2:])
    )
    summary = only("The study included 122 adults with relapsing-remitting MS.")
    result = report(summary, paper=paper).get("numbers")
    assert result.status == "fail"
    assert result.offending == ("122",)
    assert "the sum of 60 and 62" in result.message
    # The paper that states the total lets the same sentence pass.
    assert report(summary).get("numbers").status == "pass"


def test_a_converted_unit_is_a_new_number() -> None:
    # "12 weeks" in the source; "3 months" is a conversion, "a few months" is words.
    result = numbers("It lasted 3 months.")
    assert result.status == "fail" and result.offending == ("3",)
    assert numbers("It lasted a few months.").status == "pass"


def test_one_year_from_twelve_months_is_caught_but_a_year_in_words_is_not() -> None:
    abstract = (AbstractSection("We followed 40 people for 12 months."),)
    paper = dataclasses.replace(PAPER, abstract=abstract)
    facts = trial_facts(sample_size=dataclasses.replace(trial_facts().sample_size, total=40))
    year_digit = only("40 people were followed for 1 year.")
    year_word = only("40 people were followed for one year.")
    a_year = only("40 people were followed for a year.")
    assert report(year_digit, facts, paper).get("numbers").offending == ("1",)
    assert report(year_word, facts, paper).get("numbers").offending == ("one",)
    assert report(a_year, facts, paper).get("numbers").status == "pass"


def test_rounding_a_figure_is_flagged_with_the_source_figure() -> None:
    abstract = (AbstractSection("Fatigue fell by 27.4% in 80 adults."),)
    paper = dataclasses.replace(PAPER, abstract=abstract)
    summary = only("Tiredness fell by about 27% in 80 adults.")
    result = report(summary, paper=paper).get("numbers")
    assert result.status == "fail"
    assert "rounded from 27.4" in result.message


def test_a_percentage_must_match_a_percentage() -> None:
    result = numbers("About 4 people left.")  # the source has 4% and 4 hospitals
    assert result.status == "pass"
    result = numbers("Only 62% walked.")  # 62 is a count in the source
    assert result.status == "fail"
    assert "as a count, not a percentage" in result.message


def test_decimals_with_and_without_a_leading_zero_match() -> None:
    paper = dataclasses.replace(PAPER, abstract=(AbstractSection("Scores rose by .5 points."),))
    summary = only("Scores rose by 0.5 points.")
    assert report(summary, paper=paper).get("numbers").status == "pass"


def test_thousands_separators_match() -> None:
    paper = dataclasses.replace(PAPER, abstract=(AbstractSection("We surveyed 1204 adults."),))
    summary = only("The survey reached 1,204 adults.")
    assert report(summary, paper=paper).get("numbers").status == "pass"


def test_one_as_a_pronoun_is_not_a_number() -> None:
    assert summary_numbers("This is one of the first studies; no one knows why.") == ()
    assert summary_numbers("One in three people") == ((1.0, "One", False), (3.0, "three", False))
    assert summary_numbers("one group walked") == ((1.0, "one", False),)


def test_names_with_numbers_are_not_quantities() -> None:
    assert summary_numbers("during COVID-19 and with IL-6") == ()


def test_fractions_and_multiples_are_derived_unless_the_source_says_so() -> None:
    result = numbers("About half of them walked every day.")
    assert result.status == "fail" and result.offending == ("half",)
    assert numbers("Tiredness fell twice as much.").status == "fail"
    assert numbers("It was a double-blind study.").status == "pass"
    stated = dataclasses.replace(
        PAPER, abstract=(AbstractSection("Half of the 62 adults walked daily."),)
    )
    summary = only("Half of the 62 adults walked every day.")
    assert report(summary, paper=stated).get("numbers").status == "pass"


def test_source_numbers_are_cached_per_text() -> None:
    text = PAPER.title + "\n" + PAPER.abstract_text
    assert source_numbers(text) is source_numbers(text)
    assert 122.0 in source_numbers(text).plain
    assert 25.0 in source_numbers(text).percent


def test_thousands_grouped_with_a_space_in_the_source_may_be_stated_with_a_comma() -> None:
    """'6109 cases and 49 479 controls' lets a summary say '49,479 people'."""
    source = source_numbers("There were 6109 cases and 49 479 controls included.")
    assert 49479.0 in source.plain and 6109.0 in source.plain
    # both readings of the source stay, so '49' and '479' are not refused either
    assert 49.0 in source.plain and 479.0 in source.plain
    assert 1204.0 not in source_numbers("Doses of 1.204 mg were given.").plain
