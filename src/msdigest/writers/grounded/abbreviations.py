"""Find the abbreviations a paper defines ("Expanded Disability Status Scale (EDSS)").

Abstracts define their own short forms once and then use them everywhere ("PFEP",
"cTfh"); a reader who skipped the definition is lost. The writer expands each short form
back to the words the authors gave, and then the plain-words map can turn those words into
plain English. The matching follows Schwartz and Hearst (2003): every letter of the short
form must appear, in order, in the long form, and the first letter must start a word.
"""

from __future__ import annotations

import re

__all__ = ["find_abbreviations", "long_form_for"]

_PAREN = re.compile(r"\(([^()]{1,40})\)")
_SHORT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-+./']{0,11}$")


def _short_candidate(inside: str) -> str | None:
    """Return the short form inside a parenthesis ("BBS, 0-56" -> "BBS"), if it looks like one."""
    first = re.split(r"[,;:]\s|\s=", inside, maxsplit=1)[0].strip()
    if not _SHORT.match(first) or not re.search(r"[A-Za-z]", first):
        return None
    letters = re.sub(r"[^A-Za-z]", "", first)
    # A short form has capitals somewhere ("MS", "pwMS", "cTfh"): plain words are not one.
    if len(letters) < 2 or not re.search(r"[A-Z]", first):
        return None
    if first.isdigit() or re.fullmatch(r"[A-Z][a-z]+", first):
        return None
    return first


def long_form_for(short: str, before: str) -> str | None:
    """Return the long form of `short` at the end of `before`, or None if none matches.

    A definition inside an aside ("safety (adverse events (AEs)/...") starts after the
    aside's open bracket, which is not part of the long form.
    """
    opened = before.rfind("(")
    if opened > before.rfind(")"):
        before = before[opened + 1 :]
    words = before.split()
    letters = [c for c in short.lower() if c.isalnum()]
    if not letters or not words:
        return None
    window = " ".join(words[-min(len(letters) + 5, len(letters) * 2) :])
    text = window.lower()
    s_index = len(short) - 1
    l_index = len(text) - 1
    low_short = short.lower()
    while s_index >= 0:
        char = low_short[s_index]
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            text[l_index] != char or (s_index == 0 and l_index > 0 and text[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        s_index -= 1
        l_index -= 1
    start = text.rfind(" ", 0, l_index + 1) + 1
    long_form = window[start:].strip(" ,;:")
    if not long_form or long_form.lower() == short.lower():
        return None
    if len(long_form.split()) > len(letters) + 5 or len(long_form) <= len(short):
        return None
    if re.search(r"[()\[\]/;=]", long_form):
        return None
    return long_form


def find_abbreviations(text: str) -> dict[str, str]:
    """Return short form -> long form for every abbreviation `text` defines in parentheses.

    The first definition wins when a paper defines a short form twice.
    """
    found: dict[str, str] = {}
    for match in _PAREN.finditer(text):
        short = _short_candidate(match.group(1))
        if short is None or short in found:
            continue
        long_form = long_form_for(short, text[: match.start()])
        if long_form is None and short.endswith("s"):
            long_form = long_form_for(short[:-1], text[: match.start()])
        if long_form is None:
            continue
        found[short] = long_form
    return found
