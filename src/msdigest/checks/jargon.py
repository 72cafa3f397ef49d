"""Check `jargon`: every uncommon or technical word is replaced or explained.

A word is *uncommon* when wordfreq puts it below Zipf 3.0 in English, that is rarer
than about once per million words: this catches "myelin" (2.5), "thalamus" (2.4),
"cytokine" (2.7), "interferon" (2.8) and drug names (0-2), and lets through plain words
readers of an MS site know, such as "fatigue" (3.9), "bladder" (3.6), "tremor" (3.05)
or "dizziness" (3.1). A higher cut (3.5) would flag "stiffness" (3.2) and "tingling"
(3.1). Each word is looked up in its singular and American spellings as well, because
wordfreq counts "relapses" (2.5) and "randomised" (2.6) apart from "relapse" (3.3) and
"randomized" (3.3).

Three lists adjust the frequency rule, all small and kept here:
* `PLAIN_WORDS`: rare in general English but plain to people with MS ("relapsing",
  "numbness", "physiotherapy").
* `STUDY_TERMS`: research words common enough in general text to pass the frequency
  rule but opaque to lay readers ("cohort", "placebo", "baseline", "double-blind").
* Abbreviations and codes ("EDSS", "NMOSD", "CD20", "IgG") are jargon unless in
  `PLAIN_ACRONYMS` ("MS", "MRI", "DNA").

A word is *explained* when the summary lists it (or a term containing it) in
`summary.glossary` with a definition, which the website shows on hover and focus, or
when the text explains it where it is used: "the thalamus, a relay centre deep in the
brain", "EDSS (a disability scale)", "a drug called ocrelizumab", "Myelin is the
coating...", "a relay centre in the brain (thalamus)".

One or two unexplained words warn; three or more fail.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from msdigest.checks.context import CheckInput, quote
from msdigest.glossary import load_glossary
from msdigest.summary import CheckResult, GlossaryUse, Status

__all__ = [
    "FAIL_FROM",
    "NAME",
    "PLAIN_ACRONYMS",
    "PLAIN_WORDS",
    "STUDY_TERMS",
    "ZIPF_THRESHOLD",
    "check",
    "is_uncommon",
]

NAME = "jargon"
ZIPF_THRESHOLD = 3.0
#: This many unexplained words or more fail; fewer (but at least one) warn.
FAIL_FROM = 3

PLAIN_WORDS = frozenset(
    {
        "ms", "relapsing", "remitting", "relapsing-remitting", "numbness", "tiredness",
        "carer", "carers", "physio", "physiotherapy", "physiotherapist", "physiotherapists",
        "dietitian", "dietitians", "incontinence", "neurologist", "neurologists",
    }
)  # fmt: skip
PLAIN_ACRONYMS = frozenset(
    {"MS", "MRI", "MRIs", "DNA", "UK", "US", "USA", "EU", "NHS", "GP", "GPs", "COVID",
     "COVID-19", "TV", "HIV", "IQ", "CT", "ICU"}
)  # fmt: skip
STUDY_TERMS = frozenset(
    {
        "cohort", "cohorts", "placebo", "placebos", "sham", "baseline", "feasibility",
        "observational", "randomised", "randomized", "randomisation", "randomization",
        "double-blind", "single-blind", "placebo-controlled", "open-label", "meta-analysis",
        "meta-analyses", "cross-sectional", "case-control", "single-arm", "efficacy",
        "tolerability", "adherence", "prevalence", "incidence", "cognition", "correlated",
        "correlation", "statistically", "confounding", "confounders", "intervention",
        "interventions", "outcome", "outcomes", "biomarker", "biomarkers", "paradigm",
    }
)  # fmt: skip

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['\u2019][A-Za-z]+)?(?:-[A-Za-z0-9]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_BRITISH = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
    (re.compile(r"our(s?)$"), r"or\1"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
)

_WORDS_BEFORE = r"(?:[\s-]+[A-Za-z]+){0,2}?"
_APPOSITIVE_AFTER = re.compile(
    rf"{_WORDS_BEFORE}\s*(?:,|:|\u2014|\u2013|\s-)\s*(?:a|an|the|which|or|also called|"
    r"meaning|known as|called|i\.e\.|in other words)\b",
    re.IGNORECASE,
)
_PAREN_AFTER = re.compile(rf"{_WORDS_BEFORE}\s*\(\s*[^()]*?\w\s+\w[^()]*\)")
_DEFINITION_AFTER = re.compile(
    rf"{_WORDS_BEFORE}\s+(?:(?:is|are)\s+(?:a|an|the|one of|part of|a kind of|a type of)"
    r"|means|refers to|stands for|describes)\b",
    re.IGNORECASE,
)
_CALLED_BEFORE = re.compile(
    r"\b(?:called|known as|named|termed)\s+(?:(?:the|a|an)\s+)?(?:[A-Za-z-]+\s+){0,2}$",
    re.IGNORECASE,
)
_GLOSS_BEFORE = re.compile(r"\w+\s+\w+[^()]{0,60}\(\s*(?:[A-Za-z-]+\s+){0,3}$")
_SHORT_PAREN_AFTER = re.compile(r"(?:\s*[A-Za-z-]+){0,3}\s*\)")


@lru_cache(maxsize=65536)
def _variants(word: str) -> frozenset[str]:
    """Return `word` with its likely singular and American spellings."""
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
    for form in list(forms):
        for pattern, replacement in _BRITISH:
            forms.add(pattern.sub(replacement, form))
    return frozenset(forms)


@lru_cache(maxsize=65536)
def _frequency(word: str) -> float:
    return max(zipf_frequency(form, "en") for form in _variants(word))


def _is_code(part: str) -> bool:
    """Return True for abbreviations and codes: "EDSS", "CD20", "IgG", "T25FW"."""
    if any(ch.isdigit() for ch in part):
        return True
    if len(part) >= 2 and part.isupper():
        return True
    return any(ch.isupper() for ch in part[1:])


@lru_cache(maxsize=65536)
def is_uncommon(token: str) -> bool:
    """Return True when `token` (a word as written) is jargon to a lay reader."""
    bare = _POSSESSIVE.sub("", token)
    lower = bare.lower()
    if bare in PLAIN_ACRONYMS or lower in PLAIN_WORDS:
        return False
    if lower in STUDY_TERMS:
        return True
    for part in bare.split("-"):
        if not part or part.isdigit() or part in PLAIN_ACRONYMS:
            continue
        if _is_code(part):
            return True
        low = part.lower()
        if len(low) == 1 or low in PLAIN_WORDS:
            continue
        if low in STUDY_TERMS or _frequency(low) < ZIPF_THRESHOLD:
            return True
    return False


@lru_cache(maxsize=1024)
def _glossary_words(uses: tuple[GlossaryUse, ...]) -> frozenset[str]:
    """Return every word (and its singular forms) of the glossary terms the summary defines.

    A term the MS glossary knows brings its other forms along: listing "relapsing-remitting
    MS" also explains "RRMS", listing "EDSS" also explains "Kurtzke scale".
    """
    glossary = load_glossary()
    covered: set[str] = set()
    for use in uses:
        if not use.definition.strip():
            continue
        entry = glossary.get(use.term)
        forms = (use.term, *(entry.forms if entry else ()))
        for token in _TOKEN.findall(" ".join(forms)):
            lower = _POSSESSIVE.sub("", token).lower()
            covered.update(_variants(lower))
            for part in lower.split("-"):
                covered.update(_variants(part))
    return frozenset(covered)


def _in_glossary(token: str, covered: frozenset[str]) -> bool:
    lower = _POSSESSIVE.sub("", token).lower()
    if _variants(lower) & covered:
        return True
    parts = [p for p in lower.split("-") if p and not p.isdigit()]
    if len(parts) < 2:
        return False
    return all(_variants(p) & covered or not is_uncommon(p) for p in parts)


def _explained_here(text: str, start: int, end: int) -> bool:
    """Return True when the text explains the word where it stands."""
    if (
        _APPOSITIVE_AFTER.match(text, end)
        or _PAREN_AFTER.match(text, end)
        or _DEFINITION_AFTER.match(text, end)
        or _CALLED_BEFORE.search(text, max(0, start - 60), start)
    ):
        return True
    return bool(
        _SHORT_PAREN_AFTER.match(text, end)
        and _GLOSS_BEFORE.search(text, max(0, start - 80), start)
    )


def _advice_for(word: str) -> str:
    """Return what the MS glossary offers for `word`: a plain phrase, or that it defines it."""
    entry = load_glossary().get(word)
    if entry is None:
        return ""
    if entry.plain:
        return f" (plain: {quote(entry.plain)}; or list {quote(entry.term)} in the glossary)"
    return f" (the MS glossary defines {quote(entry.term)})"


def check(data: CheckInput) -> CheckResult:
    """Return pass when every uncommon word is explained, warn for 1-2 that are not, else fail.

    A word explained once (in the glossary or in the text) counts as explained wherever
    it is used again.
    """
    covered = _glossary_words(data.summary.glossary)
    first_use: dict[str, str] = {}
    explained: set[str] = set()
    for piece in data.pieces:
        for match in _TOKEN.finditer(piece.text):
            token = match.group(0)
            if not is_uncommon(token):
                continue
            key = _POSSESSIVE.sub("", token).lower()
            first_use.setdefault(key, token)
            if key in explained:
                continue
            if _in_glossary(token, covered) or _explained_here(
                piece.text, match.start(), match.end()
            ):
                explained.add(key)
    unexplained = [word for key, word in first_use.items() if key not in explained]
    if not unexplained:
        return CheckResult(
            NAME,
            "pass",
            f"no unexplained uncommon words ({len(explained)} explained by the glossary "
            "or in the text)",
        )
    listed = ", ".join(quote(word) + _advice_for(word) for word in unexplained)
    status: Status = "fail" if len(unexplained) >= FAIL_FROM else "warn"
    message = (
        f"{len(unexplained)} uncommon word{'s' if len(unexplained) > 1 else ''} not "
        f"explained: {listed}; use plain words, explain each where it is first used "
        '("the thalamus, a relay centre deep in the brain") or list it in the glossary'
    )
    return CheckResult(NAME, status, message, tuple(unexplained))
