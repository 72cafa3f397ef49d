"""Numbers in text, however they are written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from msdigest.text.numbers import find_numbers, number_words, words_to_int


def values(text: str) -> list[float]:
    return [m.value for m in find_numbers(text)]


def test_digits_words_percents_and_separators() -> None:
    assert values("Twenty-four adults and 1,204 women; 25% and 0.05") == [24, 1204, 25, 0.05]
    assert [m.kind for m in find_numbers("25% of 40 (forty)")] == ["percent", "digits", "words"]


def test_hyphenated_forms_and_ranges() -> None:
    assert values("a 12-month trial in people aged 18-60 years") == [12, 18, 60]


def test_identifiers_are_not_numbers() -> None:
    assert values("NCT01234567 and CD4 T cells, T2 lesions") == []


def test_words_round_trip() -> None:
    for value in (0, 7, 13, 25, 40, 100, 112, 999, 1204):
        assert words_to_int(number_words(value)) == value
    assert words_to_int("one hundred and twenty") == 120
    assert words_to_int("patients") is None


_WORDY = st.lists(
    st.sampled_from(
        [
            "one",
            "Twenty",
            "five",
            "hundred",
            "and",
            "thousand",
            "ninety-nine",
            "seventeen",
            "oneself",
            "often",
            "x",
            "-",
            " ",
            "  ",
            ",",
            "Eleven",
            "sixty",
            "none",
            "twelve-month",
        ]
    ),
    max_size=12,
).map(" ".join)


@given(_WORDY)
def test_fast_word_number_search_finds_what_the_plain_pattern_finds(text: str) -> None:
    """The trie-shaped search used for ASCII text must agree with the case-blind pattern."""
    from msdigest.text import numbers

    expected = [m.span() for m in numbers._WORD_NUMBER.finditer(text)]
    assert [m.span() for m in numbers._LOWER_WORD_NUMBER.finditer(text.lower())] == expected
