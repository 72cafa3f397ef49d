"""The MS glossary: terms with plain definitions, looked up by any form and found in text."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from msdigest.errors import DataError
from msdigest.glossary import _data
from msdigest.glossary.matching import PhraseIndex, normalise

__all__ = ["CATEGORIES", "Glossary", "GlossaryMatch", "GlossaryTerm", "load_glossary"]

#: The glossary's categories, in the order a reader would browse them.
CATEGORIES = (
    "anatomy",
    "immune system",
    "imaging and MRI",
    "tests and biomarkers",
    "MS types and related conditions",
    "treatments and drug classes",
    "symptoms",
    "outcome measures",
    "study and statistics",
    "rehabilitation and lifestyle",
)

#: How many texts' glossary matches `Glossary.find` remembers.
_FOUND_SIZE = 256


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """One glossary entry: the term, its plain definition and the other ways it is written.

    `plain` is a short phrase the writer may put in place of the term in running text
    ("cognitive" -> "thinking"); None when the term is better explained than replaced.
    An outcome measure may also say what its result stands for in a result sentence
    (`measure`: "MSWS-12 scores improved" reads "walking difficulty scores improved") and
    which way is better (`better`: "higher" or "lower"), so the writer can tell a reader
    whether a change was for the better without guessing.
    """

    term: str
    definition: str
    category: str
    aliases: tuple[str, ...] = ()
    plain: str | None = None
    measure: str | None = None
    better: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """Return the term followed by its aliases."""
        return (self.term, *self.aliases)


@dataclass(frozen=True, slots=True)
class GlossaryMatch:
    """A glossary term found in a text: the entry, and where and how the text wrote it."""

    term: GlossaryTerm
    start: int
    end: int
    text: str


class Glossary:
    """The MS glossary: look terms up by any of their forms, and find them in text."""

    def __init__(self, terms: Iterable[GlossaryTerm]) -> None:
        self._terms = tuple(terms)
        self._index = PhraseIndex(
            ((form, term) for term in self._terms for form in term.forms), variants=True
        )
        #: The matches of recent texts, newest last (see `find`).
        self._found: OrderedDict[str, tuple[GlossaryMatch, ...]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[GlossaryTerm]:
        return iter(self._terms)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def get(self, word_or_alias: str) -> GlossaryTerm | None:
        """Return the entry for a term, alias or plural in any case, or None.

        Lookups ignore case ("edss" finds EDSS) because the caller already knows the word is
        meant as a term; only `find`, which reads free text, insists on capitals.
        """
        key = normalise(word_or_alias)
        found = self._index.get(word_or_alias)
        for ending, singular in (("ies", "y"), ("es", ""), ("s", "")):
            if found is None and key.endswith(ending):
                found = self._index.values.get(key[: -len(ending)] + singular)
        return found

    def find(self, text: str) -> list[GlossaryMatch]:
        """Return the glossary terms in `text`, leftmost first, longest at each place.

        "relapsing-remitting MS" is one match (not "MS" inside it); matches never overlap
        and never start or end inside a word. The writer and the checks search many of
        one summary's sentences more than once, so the matches of the last `_FOUND_SIZE`
        texts are remembered (a few summaries' worth: a bound, not a store).
        """
        found = self._found.get(text)
        if found is None:
            found = self.scan(text)
            if len(self._found) >= _FOUND_SIZE:
                self._found.popitem(last=False)
            self._found[text] = found
        else:
            self._found.move_to_end(text)
        return list(found)

    def scan(self, text: str) -> tuple[GlossaryMatch, ...]:
        """Return what `find` returns, always searching `text` (the glossary benchmark's timer)."""
        return tuple(
            GlossaryMatch(term, match.start(), match.end(), match.group())
            for match, term in self._index.finditer(text)
        )

    def terms_in(self, text: str) -> list[GlossaryTerm]:
        """Return each glossary term used in `text` once, in order of first use."""
        seen: dict[str, GlossaryTerm] = {}
        for match in self.find(text):
            seen.setdefault(match.term.term, match.term)
        return list(seen.values())

    @classmethod
    def from_data(cls, data: Any, source: str = "glossary.json") -> Glossary:
        """Return a glossary built from the parsed JSON of `glossary.json`, checking its shape."""
        terms = []
        for where, entry in _data.entries(data, "terms", source):
            category = _data.text(entry, "category", where)
            if category not in CATEGORIES:
                raise DataError(f"{where}: unknown category {category!r}")
            terms.append(
                GlossaryTerm(
                    term=_data.text(entry, "term", where),
                    definition=_data.text(entry, "definition", where),
                    category=category,
                    aliases=_data.texts(entry, "aliases", where),
                    plain=_data.optional_text(entry, "plain", where),
                    measure=_data.optional_text(entry, "measure", where),
                    better=_better(entry, where),
                )
            )
        seen: dict[str, str] = {}
        for term in terms:
            for form in term.forms:
                other = seen.setdefault(normalise(form), term.term)
                if other != term.term:
                    raise DataError(f"{source}: {form!r} is used by {other!r} and {term.term!r}")
        return cls(terms)


def _better(entry: dict[str, Any], where: str) -> str | None:
    value = _data.optional_text(entry, "better", where)
    if value not in (None, "higher", "lower"):
        raise DataError(f"{where}: 'better' must be 'higher' or 'lower', not {value!r}")
    return value


@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    """Return the bundled MS glossary (read and compiled once per process)."""
    return Glossary.from_data(_data.read_data("glossary.json"))
