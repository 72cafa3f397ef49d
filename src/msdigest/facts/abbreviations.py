"""Write out a paper's own abbreviations in short fact phrases ("VD" -> "voiding dysfunction").

A population or treatment phrase is read out of context by the writer and the website, so
"adult female MS patients with VD" says nothing to a reader. The long form is taken only
from the paper itself, where the authors define it ("voiding dysfunction (VD)"), and only
when the initials of the words before the bracket spell the abbreviation; otherwise the
phrase is left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["define_abbreviations", "expand_abbreviations"]

_DEFINED = re.compile(r"[(\[]([A-Z][A-Za-z0-9]{1,7}?)(s?)[)\]]")
_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")
# Abbreviations a reader of an MS site knows better than their long forms.
_SMALL = frozenset({"of", "and", "in", "the", "for", "with", "to", "on", "a"})
_KEEP = frozenset({"MS", "EDSS", "MRI", "COVID-19", "DNA", "RNA", "HIV", "CSF", "IV"})


def _initials(words: list[str]) -> str:
    """Return the initials of `words`, hyphenated parts counted ("disease-modifying" -> DM)."""
    return "".join(part[0] for word in words for part in word.split("-") if part).upper()


@lru_cache(maxsize=16)
def define_abbreviations(text: str) -> dict[str, str]:
    """Return the abbreviations `text` defines, each with its long form as written.

    The result is cached (population, intervention and comparison of one paper all ask);
    callers must not change it.
    """
    found: dict[str, str] = {}
    if "(" not in text:
        return found
    for match in _DEFINED.finditer(text):
        short = match.group(1) + match.group(2)
        if short in _KEEP or short in found or not any(c.isupper() for c in short[1:] or "X"):
            continue
        letters = "".join(c for c in match.group(1) if c.isalpha()).upper()
        before = _WORD.findall(text[max(0, match.start() - 120) : match.start()])
        for size in range(1, min(len(before), len(letters) + 3) + 1):
            words = before[-size:]
            content = [w for w in words if w.lower() not in _SMALL]
            if words[0].lower() in _SMALL:
                continue
            if _initials(words) == letters or _initials(content) == letters:
                long = " ".join(words)
                if len(words) > 1 and all(w[:1].islower() for w in words[1:]):
                    long = long[0].lower() + long[1:]  # "Bladder retention" opened a sentence
                found[short] = long
                break
    return found


def expand_abbreviations(phrase: str, defined: dict[str, str]) -> str:
    """Return `phrase` with each abbreviation the paper defined written out."""
    if not defined:
        return phrase

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in defined:
            return defined[word]
        if word.endswith("s") and word[:-1] in defined:
            long = defined[word[:-1]]
            if long.endswith("s"):
                return long
            return long[:-1] + "ies" if re.search(r"[^aeiou]y$", long) else long + "s"
        return word

    return re.sub(r"\b[A-Z][A-Za-z0-9]{1,7}s?\b", swap, phrase)
