"""Abbreviations a paper defines are found and matched to their long forms."""

from __future__ import annotations

from msdigest.writers.grounded.abbreviations import find_abbreviations


def test_finds_definitions_in_parentheses() -> None:
    text = (
        "Patients with relapsing-remitting multiple sclerosis (RRMS) completed the Berg "
        "Balance Scale (BBS, 0-56) and the pelvic floor exercise program (PFEP)."
    )
    found = find_abbreviations(text)
    assert found["RRMS"] == "relapsing-remitting multiple sclerosis"
    assert found["BBS"] == "Berg Balance Scale"
    assert found["PFEP"] == "pelvic floor exercise program"


def test_ignores_parentheses_that_are_not_abbreviations() -> None:
    text = "Forty-two (58.3%) patients finished (p = 0.01) the program (see Methods)."
    assert find_abbreviations(text) == {}


def test_a_short_form_whose_letters_do_not_match_is_ignored() -> None:
    assert find_abbreviations("We measured thinking speed (EDSS).") == {}


def test_a_definition_inside_an_aside_is_found_without_the_open_bracket() -> None:
    text = "The outcomes were safety (adverse events (AEs)/serious events) and mood. AEs rose."
    assert find_abbreviations(text)["AEs"] == "adverse events"
