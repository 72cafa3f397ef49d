"""Simplify one sentence of an abstract into plain sentences a reader can follow.

The grounded writer never makes up a finding; what it says about results comes from the
authors' own sentences, made plain: parentheses and statistics dropped, the paper's own
abbreviations spelled out, research English rewritten (`rewrites.py`), terms swapped for
plain words (the glossary's plain-words map), long sentences split at their joints. The
result says how usable it is (words still hard, leftover statistics, length), so the
writer can use it, or fall back to a sentence built from the facts, or say less.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache

from msdigest.checks.jargon import is_uncommon
from msdigest.glossary import Glossary, GlossaryTerm, PlainWords
from msdigest.text.numbers import find_numbers
from msdigest.text.readability import flesch_kincaid_grade, word_count
from msdigest.writers.grounded.clauses import has_verb, split_long, tidy, trim_clauses
from msdigest.writers.grounded.rewrites import apply_rewrites

__all__ = [
    "MAX_WORDS",
    "Simplified",
    "Simplifier",
    "glossary_subset",
    "hard_words",
    "is_common",
    "measure_glossary",
    "strip_statistics",
]

#: A sentence of the summary may have at most this many words (the readability check's rule).
MAX_WORDS = 25
#: A plain sentence may hold this many numbers: a result ("rose by 38 m with exercise and
#: 6 m without, at 12 weeks") needs four; more is a table, not a sentence.
MAX_NUMBERS = 4
#: Short forms readers know; the paper's own expansion of these is not used.
_KNOWN_SHORT = frozenset({"MS", "MRI", "DNA", "RNA", "COVID-19", "COVID", "HIV", "UK", "US", "USA"})

# "Primary result: there was ..." -> "there was ..."
_INLINE_LABEL = re.compile(
    r"^(?:(?:primary|secondary|main|key|other)\s+)?(?:results?|outcomes?|findings?|"
    r"conclusions?|objectives?|aims?|purpose|background|methods?|interpretation|"
    r"significance|implications?|key messages?|highlights?|summary)\s*:\s+(?=\S)",
    re.IGNORECASE,
)
_BARE_SHORT = re.compile(r"\(([A-Za-z][A-Za-z0-9-]{0,11})\)")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['\u2019][A-Za-z]+)?(?:-[A-Za-z0-9]+)*")
#: A glossary name this short reads better than its short form ("relapsing-remitting MS").
_SHORT_NAME_WORDS = 3
_SCORES_AFTER = re.compile(r"\s+(scores?)\b")
_LAST_WORD = re.compile(r"([\w'-]+)\W*$")
#: Words after which a measure needs "the": "no difference in MFIS", "improved on SDMT".
_NEEDS_ARTICLE = frozenset(
    {"in", "on", "of", "for", "with", "by", "at", "to", "from", "between", "than", "and", "or",
     "including", "included", "measured", "assessed", "used", "was", "were", "is", "are"}
)  # fmt: skip
_BRACKETS = re.compile(r"\s*(?:\([^()\[\]]*\)|\[[^()\[\]]*\])")
_NUMBER = r"[-\u2212\u2013]?\d*[.,·]?\d+"
_ANY_DIGIT = re.compile(r"\d")
_STATISTICS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # p = 0.01, p<0.001, P-value 0.025, Pinteraction = 0.66, "interaction p-value 0.025"
        rf"[,;]?\s*(?:interaction\s+)?\bp\s*(?:-?\s*values?|\s*for (?:trend|interaction)|"
        rf"interaction|trend)?\s*(?:[=<>\u2264\u2265]|of)\s*{_NUMBER}",
        # 95% CI 0.78-0.99, 95%CI: -0.066; 0.046, IC 95% 0.026 - 0.074, 95% CrI ...
        rf"[,;]?\s*(?:\b\d{{2}}\s*%\s*(?:CI|CrI|IC|confidence intervals?)|"
        rf"\b(?:CI|IC)\s*\d{{2}}\s*%)\s*[:,=]?\s*{_NUMBER}\s*(?:%\s*)?(?:-|\u2013|to|,|;)\s*"
        rf"{_NUMBER}%?",
        # OR = 0.88, HR: 0.375, SMD = -1.22, I2 = 92%, r = 0.52, n = 186
        rf"[,;]?\s*\b(?:a?ORs?|a?HRs?|a?RRs?|IRR|SMD|WMD|MD|ES|rho|beta|I\s?2|I\u00b2|AUC|"
        rf"r|n|N|d|F|t|z|SD|SE|SEM|IQR|kappa|\u03c1|\u03b2|\u03ba|\u03c72|chi2)\s*[=:]\s*"
        rf"{_NUMBER}%?",
    )
)
_RESIDUE = re.compile(
    r"[=<>\u00b1\u2264\u2265\u00d7+/|]|\b\d+\s*:\s*\d+\b|\bCI\b|\bp-?value|\bSD\b|"
    r"\brespectively\b|\bet al\b|\bi\.e\b|\be\.g\b",
    re.IGNORECASE,
)
_BROKEN = re.compile(
    r"\b(?:in|of|and|or|to|with|for|between|than|by|from|on)\s*(?:[,.;:]|\band\b|\bor\b)",
    re.IGNORECASE,
)
_BROKEN_NUMBER = re.compile(r"\d+\.\d+\.\d+")
_DOUBLE_DETERMINER = re.compile(
    r"\b(?:a|an|the|percentage|mean|median|average|total)\s+(?:the|a|an)\b", re.IGNORECASE
)
_STATS_TALK = re.compile(
    r"\b(?:sub-?group analys[ie]s|main effect|interaction effect|post-?hoc|variance|"
    r"covariance|multivariate|univariate|regression|odds|hazard|confidence|"
    r"sensitivity analys[ie]s|standardi[sz]ed|adjusted|adjustment|significant|"
    # "different at statistically significant levels" read "different at clear levels".
    r"at (?:clear|significant) levels?)\b",
    re.IGNORECASE,
)
# "X remained without clear changes as well as employment results": a subject tacked on
# after the verb, which no rewrite can put back in its place.
_TRAILING_SUBJECT = re.compile(
    r"\b(?:changes?|unchanged|stable|similar|differences?|differ|the same)\s+as well as\s+"
    r"(?:the\s+)?[\w\s-]{1,40}\.?$",
    re.IGNORECASE,
)


_SUBSETS: dict[tuple[int, str], Glossary] = {}


def glossary_subset(
    glossary: Glossary, name: str, keep: Callable[[GlossaryTerm], bool]
) -> Glossary:
    """Return the part of `glossary` whose terms `keep` accepts (built once per process).

    Finding only outcome measures in a sentence with a small glossary is many times
    cheaper than with the whole one, and every sentence of an abstract is searched.
    """
    key = (id(glossary), name)
    subset = _SUBSETS.get(key)
    if subset is None:
        subset = _SUBSETS[key] = Glossary(term for term in glossary if keep(term))
    return subset


def measure_glossary(glossary: Glossary) -> Glossary:
    """Return the glossary's outcome measures that have a plain name for a result."""
    return glossary_subset(glossary, "measures", lambda term: term.measure is not None)


def is_common(word: str) -> bool:
    """Return True for a word a lay reader knows (the jargon check's own rule)."""
    return not is_uncommon(word)


def hard_words(
    text: str, glossary: Glossary | None = None, allowed: Collection[str] = ()
) -> tuple[str, ...]:
    """Return the words of `text` a lay reader may not know and no glossary entry explains.

    Uses the jargon check's rule (`msdigest.checks.jargon.is_uncommon`), so what the
    writer lets through is what the check accepts; words inside a glossary term count as
    explained, and `allowed` names (the tested treatment, introduced by the writer) pass.
    """
    allowed_lower = _forms(tuple(allowed))
    candidates = [
        match
        for match in _TOKEN.finditer(text)
        if match.group().lower() not in allowed_lower and is_uncommon(match.group())
    ]
    if not candidates or glossary is None:
        return tuple(m.group() for m in candidates)
    # A word that is itself a glossary form ("MFIS", "lesions") is explained; only the
    # rest need the (slower) search of the whole text for longer terms.
    rest = [m for m in candidates if not _is_form(glossary, m.group())]
    if not rest:
        return ()
    covered = [(m.start, m.end) for m in glossary.find(text)]
    return tuple(
        m.group()
        for m in rest
        if _SHORT_PLURAL.fullmatch(m.group())
        or not any(start <= m.start() < end for start, end in covered)
    )


# "AEs": the jargon check does not read a two-letter short form in the plural as the
# glossary's "AE", so the writer treats it as unexplained too.
_SHORT_PLURAL = re.compile(r"[A-Z]{2}s")


def _is_form(glossary: Glossary, word: str) -> bool:
    """Return True when `word` is written as one of a glossary term's forms.

    Ordinary words may be plural ("lesions"); a short form counts only as written
    ("EDSS", not "AEs"), as the glossary's own search reads them.
    """
    term = glossary.get(word)
    if term is None:
        return False
    lower = word.lower()
    for form in term.forms:
        if any(c.isupper() for c in form):
            if word == form:
                return True
        elif lower in (form, form + "s", form + "es"):
            return True
    return False


@lru_cache(maxsize=1024)
def _forms(words_: tuple[str, ...]) -> frozenset[str]:
    """Return the lower-case words with their simple singular and plural forms."""
    forms: set[str] = set()
    for word in words_:
        low = word.lower()
        forms |= {low, low + "s", low.removesuffix("s"), low.removesuffix("es")}
    return frozenset(forms)


def _drop_statistic(match: re.Match[str]) -> str:
    """Remove a statistic; if it sat between two commas, remove the second comma too."""
    after = match.string[match.end() : match.end() + 2]
    if match.group(0).lstrip().startswith((",", ";")) and after.startswith(","):
        return "\x00"  # marks a comma to drop, see strip_statistics
    return ""


def strip_statistics(text: str) -> str:
    """Return `text` without parentheses, brackets and statistical reports."""
    if "(" in text or "[" in text:
        previous = None
        while previous != text:
            previous = text
            text = _BRACKETS.sub("", text)
    if _ANY_DIGIT.search(text):
        for regex in _STATISTICS:
            text = regex.sub(_drop_statistic, text)
        text = text.replace("\x00,", "").replace("\x00", "")
    return tidy(text, end=False)


@dataclass(frozen=True, slots=True)
class Simplified:
    """A source sentence made plain: the new sentences, and what is still wrong with them.

    `problems` is empty when the sentences can go into a summary as they are.
    """

    original: str
    sentences: tuple[str, ...]
    hard: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    grade: float = 0.0
    numbers: int = 0

    @property
    def usable(self) -> bool:
        """Return True when nothing stands in the way of using these sentences."""
        return not self.problems

    def usable_up_to(self, grade: float) -> bool:
        """Return True when the only problem, if any, is a grade no higher than `grade`."""
        others = [p for p in self.problems if not p.startswith("grade ")]
        return not others and self.grade <= grade

    @property
    def text(self) -> str:
        """Return the plain sentences as one text."""
        return " ".join(self.sentences)

    @property
    def word_count(self) -> int:
        """Return the number of words in all the sentences."""
        return sum(word_count(s) for s in self.sentences)


class Simplifier:
    """Simplify the sentences of one paper, knowing its abbreviations and the glossary."""

    def __init__(
        self,
        abbreviations: Mapping[str, str] | None = None,
        glossary: Glossary | None = None,
        plain_words: PlainWords | None = None,
        allowed: Collection[str] = (),
        max_grade: float = 17.0,
    ) -> None:
        self.glossary = glossary
        self.plain_words = plain_words
        self._plain_cache: dict[str, str] = {}
        self._hard_cache: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        self.allowed = tuple(allowed)
        self.max_grade = max_grade
        usable = {
            short: long
            for short, long in (abbreviations or {}).items()
            if short not in _KNOWN_SHORT
        }
        self._abbreviations = usable
        self._abbreviation_regex = (
            re.compile(
                r"(?<![\w-])("
                + "|".join(re.escape(s) for s in sorted(usable, key=len, reverse=True))
                + r")(s?)(?![\w-])"
            )
            if usable
            else None
        )

    def _unwrap(self, match: re.Match[str]) -> str:
        """Keep "(SI)" as "SI" when it stands for a word, not beside its own definition."""
        short = match.group(1)
        long = self._abbreviations.get(short)
        if long is None or match.string[: match.start()].lower().rstrip().endswith(long.lower()):
            return match.group(0)
        return f" {short} "

    def hard_words_in(self, text: str) -> tuple[str, ...]:
        """Return the words of `text` still too hard for a lay reader (see `hard_words`)."""
        key = (text, self.allowed)
        found = self._hard_cache.get(key)
        if found is None:
            found = self._hard_cache[key] = hard_words(text, self.glossary, self.allowed)
        return found

    def expand(self, text: str) -> str:
        """Return `text` with short forms written out where that helps a reader.

        A short form the paper defines means what the paper says ("SD" may be sexual
        dysfunction, not standard deviation); when the glossary knows it by the same
        meaning, its short glossary name is used ("RRMS" becomes "relapsing-remitting MS")
        or, for a long name, the short form stays and the glossary explains it ("NMOSD").
        Undefined short forms the glossary knows get its name the same way.
        """
        if self._abbreviation_regex is not None:
            text = self._abbreviation_regex.sub(self._expand_one, text)
        return self._glossary_names(text)

    def _expand_one(self, match: re.Match[str]) -> str:
        short, plural = match.group(1), match.group(2)
        long = self._abbreviations[short]
        if long.lower() == "multiple sclerosis":
            return "MS"
        if self.glossary is not None:
            term = self.glossary.get(short + plural) or self.glossary.get(short)
            if term is not None and self.glossary.get(long) is term:
                if term.term.isupper() or len(term.term.split()) > _SHORT_NAME_WORDS:
                    return match.group(0)
                plural_short = plural or (short.endswith("s") and short[:-1].isupper())
                return term.term + ("s" if plural_short and not term.term.endswith("s") else "")
        if plural and not long.endswith("s"):
            long = long[:-1] + "ies" if re.search(r"[^aeiou]y$", long) else long + "s"
        before = match.string[: match.start()].rstrip()
        if before and before[-1] not in ".!?:" and re.match(r"[A-Z][a-z]+\b", long):
            first, _, rest = long.partition(" ")
            if not rest or not rest[:1].isupper():
                long = first.lower() + (" " + rest if rest else "")  # "Serum ..." inside
        return long

    def measures(self, text: str) -> str:
        """Return `text` with outcome measures named by what they measure.

        "MSWS-12 scores improved" becomes "walking difficulty scores improved" and "no
        difference in MFIS" becomes "no difference in the fatigue score": a reader knows
        what improved without learning the scale's name (the glossary's `measure`).
        """
        if self.glossary is None:
            return text
        out: list[str] = []
        last = 0
        for match in measure_glossary(self.glossary).find(text):
            phrase = match.term.measure
            if phrase is None or match.start < last:
                continue
            end = match.end
            scores = _SCORES_AFTER.match(text, end)
            plural = False
            if scores is not None:
                end = scores.end()
                plural = scores.group(1) == "scores"
                if not phrase.endswith(("score", "time", "rate", "distance")):
                    phrase += " score"
                if plural:
                    phrase += "s"
            previous = _LAST_WORD.search(text, 0, match.start)
            word = previous.group(1).lower() if previous else ""
            before = text[: match.start].rstrip()
            at_start = not before or before[-1] in ",;:"
            if not plural and (at_start or word in _NEEDS_ARTICLE):
                phrase = "the " + phrase
            out += [text[last : match.start], phrase]
            last = end
        if not out:
            return text
        out.append(text[last:])
        return "".join(out)

    def _glossary_names(self, text: str) -> str:
        if self.glossary is None or not re.search(r"\b[A-Z]{3,}s?\b", text):
            return text
        out: list[str] = []
        last = 0
        for match in self.glossary.find(text):
            written = match.text
            name = match.term.term
            if (
                not re.fullmatch(r"[A-Z]{3,}s?", written)
                or name.isupper()
                or written in _KNOWN_SHORT
            ):
                continue
            if len(name.split()) > _SHORT_NAME_WORDS or written in self._abbreviations:
                continue
            if written.endswith("s") and not name.endswith("s"):
                name += "s"  # "SAEs" are serious adverse events
            out += [text[last : match.start], name]
            last = match.end
        out.append(text[last:])
        return "".join(out)

    def plain(self, text: str) -> str:
        """Return `text` in plain words: statistics out, short forms expanded, rules applied.

        Results are remembered: the same phrase (a population, a treatment) is made plain
        many times while one summary is written.
        """
        cached = self._plain_cache.get(text)
        if cached is None:
            cached = self._plain_cache[text] = self._make_plain(text)
        return cached

    def _make_plain(self, text: str) -> str:
        text = _INLINE_LABEL.sub("", text)
        text = _BARE_SHORT.sub(self._unwrap, text)
        text = strip_statistics(text)
        text = self.expand(text)
        text = self.measures(text)
        text = apply_rewrites(text)
        if self.plain_words is not None:
            text = self.plain_words.replace(text)
        return tidy(text)

    def simplify(self, sentence: str) -> Simplified:
        """Return `sentence` simplified, split if long, with any problems that remain.

        When the plain version is too long or too hard, a trimmed version (asides such
        as ", which ..." and trailing ", considering ..." dropped) is tried as well, and
        the better of the two is kept.
        """
        text = self.plain(sentence)
        first = self.assess(sentence, split_long(text))
        if first.usable:
            return first
        trimmed = trim_clauses(text)
        if trimmed == text:
            return first
        second = self.assess(sentence, split_long(trimmed))
        return second if len(second.problems) <= len(first.problems) else first

    def assess(self, sentence: str, parts: list[str]) -> Simplified:
        """Return `parts` (plain sentences made from `sentence`) with what is wrong with them."""
        problems: list[str] = []
        hard: list[str] = []
        numbers = 0
        for part in parts:
            count = word_count(part)
            if count > MAX_WORDS:
                problems.append(f"{count} words")
            if count < 4:
                problems.append("too short to stand alone")
            elif not has_verb(part):
                problems.append("no verb")
            if _RESIDUE.search(part):
                problems.append("statistics left")
            if _BROKEN.search(part):
                problems.append("broken after removing brackets")
            if _STATS_TALK.search(part):
                problems.append("statistics talk")
            if re.search(r"[()\[\]]", part):
                problems.append("unbalanced brackets")
            if _BROKEN_NUMBER.search(part):
                problems.append("broken number")
            if _DOUBLE_DETERMINER.search(part) or _TRAILING_SUBJECT.search(part):
                problems.append("broken by a rewrite")
            numbers += len(find_numbers(part))
        if numbers > MAX_NUMBERS:
            problems.append(f"{numbers} numbers")
        if not parts:
            problems.append("nothing left")
        grade = 0.0
        if not problems:
            # Hard words and the grade are only worth knowing for a sentence that is
            # otherwise usable (and they cost the most to find).
            for part in parts:
                hard.extend(self.hard_words_in(part))
            grade = flesch_kincaid_grade(" ".join(parts))
            if grade > self.max_grade:
                problems.append(f"grade {grade:.1f}")
            if hard:
                problems.append("hard words: " + ", ".join(dict.fromkeys(hard)))
        return Simplified(
            original=sentence,
            sentences=tuple(parts),
            hard=tuple(dict.fromkeys(hard)),
            problems=tuple(problems),
            grade=grade,
            numbers=numbers,
        )
