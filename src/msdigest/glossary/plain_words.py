"""The plain-words map: research English found in text and swapped for plain words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from msdigest.errors import DataError
from msdigest.glossary import _data
from msdigest.glossary.matching import PhraseIndex

__all__ = ["PlainWord", "PlainWordMatch", "PlainWords", "load_plain_words"]

#: Parts of speech a plain-words entry may declare.
_POS = ("noun", "verb", "adjective", "adverb", "phrase")


@dataclass(frozen=True, slots=True)
class PlainWord:
    """A research word or phrase and the plain words that say the same thing.

    `care` is True when the replacement cannot simply be dropped in: a verb whose tense or
    form may differ ("administered" is "gave" or "given"), or a phrase whose word order
    must change. The writer substitutes those only where it controls the grammar.
    """

    word: str
    plain: str
    pos: str
    care: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class PlainWordMatch:
    """A plain-words entry found in a text."""

    entry: PlainWord
    start: int
    end: int
    text: str


_ARTICLE_BEFORE = re.compile(r"\b([Aa]n?)(\s+)$")
_SENTENCE_END = re.compile(r"(?:[.!?:]\s+|\n\s*)$")


class PlainWords:
    """The plain-words map: find research English in text and swap in plain words."""

    def __init__(self, entries: Iterable[PlainWord], keep: Mapping[str, str] | None = None):
        self._entries = tuple(entries)
        #: Words deliberately not replaced, with the reason (see docs/glossary.md).
        self.keep: dict[str, str] = dict(keep or {})
        # "non-ambulatory" must not become "non-able to walk": no matches inside hyphenations.
        self._index = PhraseIndex(
            ((e.word, e) for e in self._entries), variants=False, inside_hyphens=False
        )

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[PlainWord]:
        return iter(self._entries)

    def get(self, word: str) -> PlainWord | None:
        """Return the entry for `word` (any case), or None."""
        return self._index.get(word)

    def find(self, text: str) -> list[PlainWordMatch]:
        """Return the entries found in `text`, leftmost first, longest at each place."""
        return [
            PlainWordMatch(entry, match.start(), match.end(), match.group())
            for match, entry in self._index.finditer(text)
        ]

    def replace(self, text: str, *, include_care: bool = False) -> str:
        """Return `text` with research words swapped for plain ones.

        Entries marked `care` are left alone unless `include_care` is set. A capital that
        starts a sentence is kept ("Participants" -> "People"), an abbreviation's is not
        ("in PwMS" -> "in people with MS"), and "a"/"an" before the words is made to agree.
        A capital inside a sentence marks a name ("the Fatigue Impact Questionnaire"), which
        is left as it is.
        """
        out: list[str] = []
        last = 0
        for match in self.find(text):
            if match.entry.care and not include_care:
                continue
            before = text[last : match.start]
            plain = match.entry.plain
            starts_sentence = not text[: match.start].strip() or _SENTENCE_END.search(before)
            ordinary_word = match.entry.word[:1].islower()
            if match.text[:1].isupper() and ordinary_word and not starts_sentence:
                continue
            if match.text.isupper() and len(match.text) > 1 and ordinary_word:
                plain = plain.upper()  # a heading in capitals stays in capitals
            elif match.text[:1].isupper() and starts_sentence:
                plain = plain[:1].upper() + plain[1:]
            article = _ARTICLE_BEFORE.search(before)
            if article:
                wanted = "an" if plain[:1].lower() in "aeiou" else "a"
                if article.group(1)[:1].isupper():
                    wanted = wanted.capitalize()
                before = before[: article.start()] + wanted + article.group(2)
            out += [before, plain]
            last = match.end
        out.append(text[last:])
        return "".join(out)

    @classmethod
    def from_data(cls, data: Any, source: str = "plain_words.json") -> PlainWords:
        """Return the map built from the parsed JSON of `plain_words.json`, checking its shape."""
        found = []
        for where, entry in _data.entries(data, "entries", source):
            pos = _data.text(entry, "pos", where)
            if pos not in _POS:
                raise DataError(f"{where}: pos must be one of {', '.join(_POS)}, not {pos!r}")
            care = entry.get("care", False)
            if not isinstance(care, bool):
                raise DataError(f"{where}: 'care' must be true or false")
            found.append(
                PlainWord(
                    word=_data.text(entry, "word", where),
                    plain=_data.text(entry, "plain", where),
                    pos=pos,
                    care=care,
                    note=_data.optional_text(entry, "note", where),
                )
            )
        keep = {
            _data.text(entry, "word", where): _data.text(entry, "reason", where)
            for where, entry in _data.entries(data, "not_replaced", source)
        }
        return cls(found, keep)


@lru_cache(maxsize=1)
def load_plain_words() -> PlainWords:
    """Return the bundled plain-words map (read and compiled once per process)."""
    return PlainWords.from_data(_data.read_data("plain_words.json"))
