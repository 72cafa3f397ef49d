"""The analogy bank: everyday comparisons keyed to concepts, picked to fit a study."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from msdigest.errors import DataError
from msdigest.glossary import _data
from msdigest.glossary.matching import PhraseIndex, normalise
from msdigest.glossary.terms import Glossary, load_glossary

__all__ = ["FITS", "Analogy", "load_analogies", "pick_analogy"]


#: Kinds of finding an analogy can fit; "any" fits every finding.
FITS = ("any", "improved", "worsened", "no clear difference", "mixed", "early evidence")


@dataclass(frozen=True, slots=True)
class Analogy:
    """An everyday comparison for a concept, and the kinds of finding it fits (see `FITS`)."""

    key: str
    concepts: tuple[str, ...]
    text: str
    fits: tuple[str, ...]

    def fits_direction(self, direction: str | None) -> bool:
        """Return True when this analogy suits a finding of `direction` (None: unknown)."""
        return "any" in self.fits or (direction is not None and direction in self.fits)


def _analogies_from_data(data: Any, source: str = "analogies.json") -> tuple[Analogy, ...]:
    analogies = []
    for where, entry in _data.entries(data, "analogies", source):
        fits = _data.texts(entry, "fits", where)
        unknown = [f for f in fits if f not in FITS]
        if not fits or unknown:
            raise DataError(f"{where}: 'fits' must list some of {', '.join(FITS)}")
        concepts = _data.texts(entry, "concepts", where)
        if not concepts:
            raise DataError(f"{where}: 'concepts' is empty")
        analogies.append(
            Analogy(
                _data.text(entry, "key", where), concepts, _data.text(entry, "text", where), fits
            )
        )
    keys = [a.key for a in analogies]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise DataError(f"{source}: duplicate keys {', '.join(duplicates)}")
    return tuple(analogies)


class _ConceptIndex:
    """Concepts of an analogy bank, found in text through their words and glossary forms."""

    def __init__(self, analogies: tuple[Analogy, ...], glossary: Glossary) -> None:
        self.by_concept: dict[str, list[Analogy]] = {}
        forms: list[tuple[str, str]] = []
        for analogy in analogies:
            for concept in analogy.concepts:
                term = glossary.get(concept)
                canonical = normalise(term.term if term else concept)
                bucket = self.by_concept.setdefault(canonical, [])
                if analogy not in bucket:
                    bucket.append(analogy)
                forms += [(concept, canonical)] + [
                    (f, canonical) for f in (term.forms if term else ())
                ]
        self._index = PhraseIndex(forms, variants=True)

    def concepts_in(self, text_or_concepts: str | Iterable[str]) -> list[str]:
        """Return canonical concepts: for text, most mentioned first; for a list, in its order."""
        if isinstance(text_or_concepts, str):
            counts: dict[str, list[int]] = {}
            for match, concept in self._index.finditer(text_or_concepts):
                counts.setdefault(concept, [0, match.start()])[0] += 1
            return sorted(counts, key=lambda c: (-counts[c][0], counts[c][1]))
        found = (self._index.get(c) for c in text_or_concepts)
        return list(dict.fromkeys(c for c in found if c is not None))


def pick_analogy(
    text_or_concepts: str | Iterable[str],
    direction: str | None = None,
    seed: str | int = "",
    *,
    analogies: tuple[Analogy, ...] | None = None,
) -> Analogy | None:
    """Return an analogy that fits the study, the same one every time for the same seed.

    `text_or_concepts` is either text (the concept mentioned most wins, then the earliest)
    or concepts in order of preference. `direction` is the kind of finding (one of `FITS`,
    or None when unknown: then only analogies that fit any finding qualify). `seed` (the
    paper's id, say) picks among the fitting variants, so one paper always gets the same
    analogy while the pages of a site do not all repeat one. None when nothing fits.
    """
    if direction is not None and direction not in FITS:
        raise ValueError(f"direction must be one of {', '.join(FITS)} or None, not {direction!r}")
    index = _concept_index() if analogies is None else _ConceptIndex(analogies, load_glossary())
    for concept in index.concepts_in(text_or_concepts):
        fitting = [a for a in index.by_concept[concept] if a.fits_direction(direction)]
        if fitting:
            digest = hashlib.blake2b(f"{seed}\x00{concept}".encode(), digest_size=8).digest()
            return fitting[int.from_bytes(digest, "big") % len(fitting)]
    return None


@lru_cache(maxsize=1)
def load_analogies() -> tuple[Analogy, ...]:
    """Return the bundled analogy bank (read once per process)."""
    return _analogies_from_data(_data.read_data("analogies.json"))


@lru_cache(maxsize=1)
def _concept_index() -> _ConceptIndex:
    return _ConceptIndex(load_analogies(), load_glossary())
