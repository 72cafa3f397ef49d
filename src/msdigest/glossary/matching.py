"""Find many phrases in text at once with one compiled regular expression shaped as a trie.

A position that cannot start any phrase fails on its first character, which keeps matching
fast enough to run on every summary. Abbreviations ("MS", "CIS", "EDSS") match only in
their own capitals so that "5 ms" is not multiple sclerosis; ordinary words match in any
case, with a space or any hyphen between their words. Matches are leftmost, then longest,
and never overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

__all__ = ["PhraseIndex", "normalise", "plural", "spellings"]

_SEPARATORS = "\\s\\-\u2010-\u2015"
_SEPARATOR_RUN = re.compile(f"[{_SEPARATORS}]+")
_SEP, _APOS, _CASE = "\x00sep", "\x00apos", "\x00case:"
_SEP_PATTERN = f"[{_SEPARATORS}]+"


def normalise(text: str) -> str:
    """Return the lookup key of a word or phrase: lower case, one space between its words."""
    return _SEPARATOR_RUN.sub(" ", text.strip().replace("\u2019", "'")).lower()


def _exact(text: str) -> str:
    """Return `text` with one space between its words but its capitals kept ("CIs" != "CIS")."""
    return _SEPARATOR_RUN.sub(" ", text.strip().replace("\u2019", "'"))


def _is_case_sensitive(segment: str) -> bool:
    """Return True when `segment` is an abbreviation that must match in its own capitals.

    A capital counts unless it only starts an ordinary word ("Kurtzke"); "MS", "pwMS", "T2",
    "IgG" and "B" are case-sensitive.
    """
    for index, char in enumerate(segment):
        if char.isupper():
            follows = segment[index + 1 : index + 2]
            if index > 0 or not follows.islower():
                return True
    return False


def plural(form: str) -> str:
    """Return the regular English plural of a word or phrase (its last word is pluralised)."""
    if form[-1:].isupper() or form[-1:].isdigit():
        return form + "s"  # "DMTs", "RCTs", "CD20s" is harmless
    lower = form.lower()
    if lower.endswith("is") and len(lower) > 4:
        return form[:-2] + "es"  # analysis -> analyses
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return form + "es"
    if lower.endswith("y") and lower[-2:-1] not in tuple("aeiou"):
        return form[:-1] + "ies"
    return form + "s"


_SUFFIX_STEMS = (
    "randomi|catheteri|magneti|standardi|hospitali|immuni|annuali|compartmentali|computeri|"
    "characteri|organi|recogni|normali|utili|minimi|optimi|summari|categori|visuali|"
    "personali|prioriti|stabili|mobili|sensiti|generali|speciali|individuali"
)
_UK_TO_US = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        (rf"\b({_SUFFIX_STEMS})s(e|ed|es|ing|ation|ations)\b", r"\1z\2"),
        (r"analys(ed|ing|e)\b", r"analyz\1"),
        (r"\bgrey\b", "gray"),
        (r"fibre", "fiber"),
        (r"centre", "center"),
        (r"tumour", "tumor"),
        (r"behaviour", "behavior"),
        (r"colour", "color"),
        (r"\bprogramme", "program"),
        (r"\bageing", "aging"),
        (r"smoulder", "smolder"),
        (r"\bhaem", "hem"),
        (r"\bpaed", "ped"),
        (r"\boedema", "edema"),
        (r"\boestrogen", "estrogen"),
        (r"\banaem", "anem"),
        (r"leucocyte", "leukocyte"),
        (r"\bfaec", "fec"),
        (r"\bfoet", "fet"),
    )
)
_US_TO_UK = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        (rf"\b({_SUFFIX_STEMS})z(e|ed|es|ing|ation|ations)\b", r"\1s\2"),
        (r"analyz(ed|ing|e)\b", r"analys\1"),
        (r"\bgray\b", "grey"),
        (r"fiber", "fibre"),
        (r"center", "centre"),
        (r"tumor\b", "tumour"),
        (r"behavior", "behaviour"),
        (r"\bcolor", "colour"),
        (r"\bprogram\b", "programme"),
        (r"\baging", "ageing"),
        (r"smolder", "smoulder"),
        (r"\bhem(atopoietic|orrhage|oglobin)", r"haem\1"),
        (r"\bpediatric", "paediatric"),
        (r"\bedema", "oedema"),
        (r"\bestrogen", "oestrogen"),
        (r"\banem", "anaem"),
        (r"leukocyte", "leucocyte"),
        (r"\bfec(al|es)\b", r"faec\1"),
        (r"\bfet(us|al)\b", r"foet\1"),
    )
)


def spellings(form: str) -> list[str]:
    """Return `form` in the other of British and American spelling, if it differs.

    Only regular, unambiguous pairs: "-isation"/"-ization" on known stems, "grey"/"gray",
    "fibre"/"fiber", "haem-"/"hem-", "paed-"/"ped-" and the like, so the data need not list
    both spellings of every term.
    """
    variants = []
    for rules in (_UK_TO_US, _US_TO_UK):
        changed = form
        for pattern, replacement in rules:
            changed = pattern.sub(replacement, changed)
        if changed != form:
            variants.append(changed)
    return variants


def _tokens(form: str) -> list[str]:
    """Return the trie tokens of `form`: lower-case characters, separators, case guards."""
    tokens: list[str] = []
    for index, segment in enumerate(_SEPARATOR_RUN.split(form.strip())):
        if index:
            tokens.append(_SEP)
        tokens.extend(_APOS if ch in "'\u2019" else ch.lower() for ch in segment)
        if _is_case_sensitive(segment):
            # A word-like start ("pwMS", "PwMS") may take either case; the capitals may not.
            word_like = segment[:1].islower() or segment[1:2].islower()
            tokens.append(_CASE + (segment[1:] if word_like else segment))
    return tokens


def _token_pattern(token: str) -> str:
    if token == _SEP:
        return _SEP_PATTERN
    if token == _APOS:
        return "['\u2019]"
    if token.startswith(_CASE):
        return f"(?-i:(?<={re.escape(token[len(_CASE) :])}))"
    return re.escape(token)


def _token_order(token: str) -> tuple[int, str]:
    # Characters before separators before case guards, so a longer form is tried first.
    return (2 if token.startswith(_CASE) else 1 if token == _SEP else 0, token)


def _trie_pattern(node: dict[str, Any]) -> str:
    alternatives = [
        _token_pattern(token) + _trie_pattern(node[token])
        for token in sorted((t for t in node if t), key=_token_order)
    ]
    if not alternatives:
        return ""
    if "" in node:  # a form ends here: try every longer one first, then stop here
        return "(?:" + "|".join(alternatives) + ")?"
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


T = TypeVar("T")
_MEMO_SIZE = 50_000


class PhraseIndex(Generic[T]):
    """Find many phrases in text with one compiled trie regex; each phrase maps to a value."""

    def __init__(
        self, forms: Iterable[tuple[str, T]], *, variants: bool, inside_hyphens: bool = True
    ) -> None:
        self.values: dict[str, T] = {}  # by lower-case key
        self.exact: dict[str, T] = {}  # by capitals too, for abbreviations ("CIs" vs "CIS")
        self._memo: dict[str, T | None] = {}  # matched text -> value; most texts repeat
        trie: dict[str, Any] = {}
        pending = list(forms)
        if variants:  # declared forms first, so they win over a generated variant
            pending += [(other, value) for form, value in pending for other in spellings(form)]
            pending += [(plural(form), value) for form, value in pending]
        for form, value in pending:
            if not form.strip():
                continue
            self.values.setdefault(normalise(form), value)
            tokens = _tokens(form)
            if any(token.startswith(_CASE) for token in tokens):
                self.exact.setdefault(_exact(form), value)
            node = trie
            for token in tokens:
                node = node.setdefault(token, {})
            node[""] = True
        body = _trie_pattern(trie) or "(?!)"
        edge = r"\w" if inside_hyphens else r"\w\-\u2010\u2011"
        self.regex = re.compile(rf"(?<![{edge}])(?:{body})(?![{edge}])", re.IGNORECASE)

    def get(self, text: str) -> T | None:
        try:
            return self._memo[text]
        except KeyError:
            pass
        found = self.exact.get(_exact(text))
        if found is None:
            found = self.values.get(normalise(text))
        if len(self._memo) >= _MEMO_SIZE:  # texts can bring endless spellings; stay bounded
            self._memo.clear()
        self._memo[text] = found
        return found

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], T]]:
        for match in self.regex.finditer(text):
            value = self.get(match.group())
            if value is not None:
                yield match, value
