"""The MS glossary, the plain-words map and the analogy bank, and finding their words in text.

The three data files in `msdigest/data/` are written by the project (see docs/glossary.md):

* `glossary.json`: MS terms with a plain definition of at most 20 words, a category, aliases
  (abbreviations, plurals, UK/US spellings) and an optional plain phrase for running text;
* `plain_words.json`: research English mapped to plain words the writer may substitute;
* `analogies.json`: everyday analogies keyed to concepts, each saying which findings it fits.

Each file is read and compiled once per process (`load_glossary()` and friends). Finding
terms in text uses one regular expression per word list (see `msdigest.glossary.matching`):
abbreviations match only in capitals, ordinary words in any case and in the plural, and
matches are leftmost, then longest, never overlapping.
"""

from __future__ import annotations

from msdigest.glossary.analogies import FITS, Analogy, load_analogies, pick_analogy
from msdigest.glossary.plain_words import PlainWord, PlainWordMatch, PlainWords, load_plain_words
from msdigest.glossary.terms import (
    CATEGORIES,
    Glossary,
    GlossaryMatch,
    GlossaryTerm,
    load_glossary,
)

__all__ = [
    "CATEGORIES",
    "FITS",
    "Analogy",
    "Glossary",
    "GlossaryMatch",
    "GlossaryTerm",
    "PlainWord",
    "PlainWordMatch",
    "PlainWords",
    "load_analogies",
    "load_glossary",
    "load_plain_words",
    "pick_analogy",
]
