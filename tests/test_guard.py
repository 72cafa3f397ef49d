"""The guard in front of slow case-blind patterns never skips a text the pattern matches."""

from __future__ import annotations

import re

import pytest

from msdigest.checks.claims import _CAUSAL, _OVERCLAIMS
from msdigest.checks.numbers import _FRACTION_IN_SUMMARY
from msdigest.text.guard import GuardedPattern, word_view

_TEXTS = (
    "The treatment doubled the walking speed.",
    "About a third of the people improved; two thirds did not.",
    "Half of them took it twice a day, once a week, or tripled the dose.",
    "This proves that the drug CURES MS and is completely safe.",
    "It has no side-effects and is risk-free, without any doubt.",
    "Smoking (causes) relapses and RAISES the risk of disability.",
    "The drug was responsible for the change.",
    "Dozens of PEOPLE were seen.",
    "Exercise improved walking in people with MS.",
    "A thırd of the patients improved.",  # dotless i: matched case-blind, so never skipped
)


@pytest.mark.parametrize("guarded", [_FRACTION_IN_SUMMARY, _OVERCLAIMS, _CAUSAL])
@pytest.mark.parametrize("text", _TEXTS)
def test_guard_never_hides_a_match(guarded: GuardedPattern, text: str) -> None:
    assert [m.group(0) for m in guarded.finditer(text)] == [
        m.group(0) for m in guarded.pattern.finditer(text)
    ]
    assert bool(guarded.search(text)) == bool(guarded.pattern.search(text))


def test_guard_skips_text_without_its_words() -> None:
    guarded = GuardedPattern(re.compile(r"\btwice\b", re.IGNORECASE), ("twice",))
    assert not guarded.may_match("Exercise improved walking.")
    assert guarded.may_match("It was taken TWICE daily.")
    assert not guarded.may_match("untwice")  # a word beginning, not any substring


def test_non_ascii_text_always_goes_to_the_pattern() -> None:
    assert word_view("café") is None
    guarded = GuardedPattern(re.compile(r"\bmost\b", re.IGNORECASE), ("most",))
    assert guarded.may_match("moſt")  # long s matches "s" case-blind
    assert guarded.search("moſt") is not None


def test_word_view_marks_word_starts() -> None:
    assert word_view("No side-effects (RISK-free).") == " no side effects  risk free  "


def test_a_guard_must_be_a_word_beginning() -> None:
    with pytest.raises(ValueError):
        GuardedPattern(re.compile("a b"), ("a b",))
