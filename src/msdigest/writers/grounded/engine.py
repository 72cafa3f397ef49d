"""The `grounded` engine: assemble the four sections into a checked-ready `LaySummary`.

The section writers propose sentences; the engine keeps the page honest and readable as
a whole: every sentence passes the same gate (numbers in the source, at most 25 words, no
overclaiming, no unexplained hard word), no sentence appears twice, the summary keeps to
150-450 words, and when the whole reads above grade 8 the hardest of the authors'
simplified sentences give way first.
"""

from __future__ import annotations

import re

from msdigest.errors import EngineError
from msdigest.facts.model import StudyFacts
from msdigest.glossary import load_glossary, load_plain_words
from msdigest.paper import Paper
from msdigest.summary import (
    EngineInfo,
    GlossaryUse,
    LaySummary,
    SummarySentence,
    WhyItMatters,
)
from msdigest.text.readability import TextStats, text_stats, word_count, words
from msdigest.writers.base import Engine
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.counts import count_phrase, groups_phrase, single_case
from msdigest.writers.grounded.describe import DESIGN_NOUNS
from msdigest.writers.grounded.headline import write_headline
from msdigest.writers.grounded.keep_in_mind import extra_lines, write_keep_in_mind
from msdigest.writers.grounded.simplify import MAX_WORDS as MAX_SENTENCE_WORDS
from msdigest.writers.grounded.study import FINDING, write_study
from msdigest.writers.grounded.why import PARTS, write_why

__all__ = ["GroundedEngine"]

#: Whole-summary targets (the length and readability checks' limits).
MIN_WORDS = 150
MAX_WORDS = 450
TARGET_GRADE = 7.0
#: Words above the minimum that a summary is filled out to, so it is not borderline.
_MARGIN = 15


class GroundedEngine(Engine):
    """Write a plain-language summary from the facts and the abstract, with no model.

    Deterministic: the same paper and facts always give the same summary.
    """

    key = "grounded"
    version = "1.0"

    def write(self, paper: Paper, facts: StudyFacts) -> LaySummary:
        """Return the summary of `paper` written from `facts` and its own abstract."""
        if not paper.abstract_text.strip():
            raise EngineError(f"{paper.id}: the paper has no abstract to write from")
        glossary = load_glossary()
        draft = Draft(paper, facts, glossary, load_plain_words())
        headline = write_headline(draft)
        study = write_study(draft, result_limit=4)
        context = " ".join(line.text for line in [headline, *study])
        why = write_why(draft, context)
        keep = write_keep_in_mind(draft)
        sections = _Sections(draft, headline, study, why, keep)
        sections.fit()
        sections.fill_out(extra_lines(draft))
        return sections.summary(paper, facts, self)


class _Sections:
    """The sentences of each section, cleaned and fitted to the length and grade goals."""

    def __init__(
        self, draft: Draft, headline: Line, study: list[Line], why: list[Line], keep: list[Line]
    ) -> None:
        self.draft = draft
        seen: set[str] = set()
        self.headline = headline
        seen.add(_norm(headline.text))
        bags: list[frozenset[str]] = []  # below the headline, no sentence says one twice
        self.study = _clean(draft, study, seen, bags)
        self.why = _clean(draft, why, seen, bags, strict=False)
        self.keep = _clean(draft, keep, seen, bags)

    def all_lines(self) -> list[Line]:
        return [self.headline, *self.study, *self.why, *self.keep]

    def text(self) -> str:
        return " ".join(line.text for line in self.all_lines())

    def word_count(self) -> int:
        return word_count(self.text())

    def fit(self) -> None:
        """Trim the study section toward the length and grade goals, never below the minimum.

        Only the authors' own simplified sentences in "the study" are optional, never the
        first finding (the main result): they are dropped hardest first while the summary
        reads above the target grade or runs over the maximum length.
        """
        first_finding = next((line for line in self.study if line.part == FINDING), None)
        stats: dict[str, TextStats] = {}

        def of(line: Line) -> TextStats:
            found = stats.get(line.text)
            if found is None:
                found = stats[line.text] = text_stats(line.text)
            return found

        while True:
            optional = [
                line
                for line in self.study[1:]
                if line.part == FINDING and line is not first_finding
            ]
            if not optional:
                return
            every = [of(line) for line in self.all_lines()]
            word_count = sum(s.words for s in every)
            whole = TextStats(
                sum(s.sentences for s in every), word_count, sum(s.syllables for s in every)
            )
            too_long = word_count > MAX_WORDS
            too_hard = whole.grade > TARGET_GRADE
            if not (too_long or too_hard):
                return
            hardest = max(optional, key=lambda line: of(line).grade)
            remaining = word_count - of(hardest).words
            if not too_long and remaining < MIN_WORDS:
                return
            self.study.remove(hardest)

    def fill_out(self, extras: list[tuple[str, Line]]) -> None:
        """Add true, general sentences until the summary has a comfortable minimum length.

        A very short abstract can give a summary just under the 150-word minimum; the
        extras (what the abstract leaves out, what a single study can and cannot show) are
        honest for any study and are added, in order, only as far as needed.
        """
        for section, line in extras:
            if self.word_count() >= MIN_WORDS + _MARGIN:
                return
            target = {"study": self.study, "why_it_matters": self.why, "keep_in_mind": self.keep}
            lines = target[section]
            if _norm(line.text) in {_norm(existing.text) for existing in self.all_lines()}:
                continue
            if "abstract" in line.text and any("abstract" in k.text for k in self.keep):
                continue  # one remark about summarising from the abstract is enough
            if not self.draft.acceptable(line.text):
                continue
            if section == "keep_in_mind" and lines:
                lines.insert(len(lines) - 1, line)  # the care-team pointer stays last
            else:
                lines.append(line)

    def _participants(self) -> str | None:
        """Return who took part as the summary says it ("148", "45 people with ... and ...")."""
        for phrase in (
            count_phrase(self.draft),
            groups_phrase(self.draft),
            single_case(self.draft),
        ):
            if phrase is not None:
                return phrase.text
        return None

    def summary(self, paper: Paper, facts: StudyFacts, engine: Engine) -> LaySummary:
        why_parts = {part: [line.text for line in self.why if line.part == part] for part in PARTS}
        sentences = [SummarySentence(self.headline.text, "headline", None, self.headline.sources)]
        sentences += [
            SummarySentence(line.text, "study", None, line.sources) for line in self.study
        ]
        for part in PARTS:  # reading order of WhyItMatters.text()
            sentences += [
                SummarySentence(line.text, "why_it_matters", part, line.sources)
                for line in self.why
                if line.part == part
            ]
        sentences += [
            SummarySentence(line.text, "keep_in_mind", None, line.sources) for line in self.keep
        ]
        full = self.text()
        glossary = self.draft.glossary
        uses = (
            tuple(GlossaryUse(t.term, t.definition) for t in glossary.terms_in(full))
            if glossary is not None
            else ()
        )
        size = facts.sample_size
        evidence = {
            "label": facts.evidence.label,
            "reasons": list(facts.evidence.reasons),
            "level": facts.evidence.level,
            "design": facts.study_design,
            "design_label": DESIGN_NOUNS.get(facts.study_design, "a study"),
            "sample_size": size.total,
            "sample_size_stated": size.total is not None and self.draft.stated(size.total),
            "participants": self._participants(),
            "groups": [{"label": g.label, "count": g.count} for g in size.groups],
        }
        return LaySummary(
            paper_id=paper.id,
            pmid=paper.pmid,
            headline=self.headline.text,
            study=" ".join(line.text for line in self.study),
            why_it_matters=WhyItMatters(**{p: " ".join(t) for p, t in why_parts.items()}),
            keep_in_mind=" ".join(line.text for line in self.keep),
            evidence=evidence,
            glossary=uses,
            sentences=tuple(sentences),
            engine=EngineInfo(engine.key, engine.version),
        )


def _norm(text: str) -> str:
    return " ".join(words(text.lower()))


_CONTENT = re.compile(r"[a-z]{4,}")


def _near_copy(bag: frozenset[str], bags: list[frozenset[str]]) -> bool:
    """Return True when a sentence shares most of its content words with an earlier one."""
    return len(bag) >= 4 and any(
        len(other) >= 4 and len(bag & other) / len(bag | other) >= 0.6 for other in bags
    )


def _clean(
    draft: Draft,
    lines: list[Line],
    seen: set[str],
    bags: list[frozenset[str]],
    strict: bool = True,
) -> list[Line]:
    """Return `lines` without repeats and without any sentence that fails the gate.

    A sentence that says nearly what an earlier one said ("The short walk time did not
    clearly change." then "It did not clearly change the short walk time.") is a repeat
    too. Analogy lines come from the project's own bank and may use a word the bank's
    concept explains (`strict=False` skips only the hard-word test for them).
    """
    kept: list[Line] = []
    for line in lines:
        key = _norm(line.text)
        if not key or key in seen or not line.sources:
            continue
        bag = frozenset(_CONTENT.findall(line.text.lower()))
        if _near_copy(bag, bags):
            continue
        if line.part == "analogy" and not strict:
            ok = draft.numbers_ok(line.text)
        elif (line.text, draft.simplifier.allowed) in draft.vetted:
            ok = word_count(line.text) <= MAX_SENTENCE_WORDS  # "may" can lengthen a sentence
        else:
            ok = draft.acceptable(line.text)
        if not ok:
            continue
        seen.add(key)
        bags.append(bag)
        kept.append(line)
    return kept
