"""Choose among several phrasings deterministically, seeded by the paper's id.

A site where every article opens "This study found..." reads like a form. Each slot in
the article (the opening of "the study", the caregiver line, ...) has several wordings;
the choice is a hash of the paper id and the slot name, so the same paper always reads the
same way while neighbouring papers differ. Openers already used on the page are avoided,
so no two sentences of one summary begin alike.
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

__all__ = ["Phrasing", "is_plural", "opener", "template_fields"]

T = TypeVar("T")

_FORMATTER = string.Formatter()


@lru_cache(maxsize=4096)
def template_fields(template: str) -> tuple[str, ...]:
    """Return the names of the `{field}` placeholders in `template`."""
    return tuple(name for _, name, _, _ in _FORMATTER.parse(template) if name)


def opener(text: str, words: int = 2) -> str:
    """Return the first `words` words of `text`, lower-cased, to compare sentence openings."""
    return " ".join(re.findall(r"[a-z']+", text.lower())[:words])


class Phrasing:
    """Deterministic, repetition-avoiding choices for one summary.

    One instance serves one paper: it remembers the openers and templates it has handed
    out so that later choices on the same page avoid them.
    """

    def __init__(self, seed: str) -> None:
        self.seed = seed
        self._used_openers: set[str] = set()
        self._used_templates: set[str] = set()
        #: The template behind the last `fill`, so callers know which fields it used.
        self.last_template: str | None = None

    def number(self, slot: str, modulo: int) -> int:
        """Return a stable number in `range(modulo)` for `slot` of this paper."""
        digest = hashlib.blake2b(f"{self.seed}\x1f{slot}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") % max(1, modulo)

    def choose(self, slot: str, options: Sequence[T]) -> T:
        """Return one of `options`, the same one every time for this paper and slot."""
        if not options:
            raise ValueError(f"no options for slot {slot!r}")
        return options[self.number(slot, len(options))]

    def fresh(self, text: str) -> bool:
        """Return True when no sentence on the page opens the way `text` does."""
        return opener(text) not in self._used_openers

    def note(self, text: str) -> None:
        """Record that `text` is on the page, so no later sentence opens the same way."""
        self._used_openers.add(opener(text))

    def fill(
        self,
        slot: str,
        templates: Sequence[str],
        fields: Mapping[str, str],
        accept: Callable[[str], bool] | None = None,
    ) -> str | None:
        """Return one template of `templates` filled from `fields`, or None if none fits.

        A template fits when every placeholder it names has a non-empty value and `accept`
        (if given) takes the filled text. Among the fitting ones, templates and openers
        already used on this page are avoided when another choice exists; the pick is
        stable for this paper and slot, and the next ones are tried in a stable order.
        """
        fitting = [t for t in templates if all(fields.get(f) for f in template_fields(t))]
        if not fitting:
            return None
        # Say as much as the facts allow: prefer the templates that use the most fields.
        most = max(len(set(template_fields(t))) for t in fitting)
        fitting = [t for t in fitting if len(set(template_fields(t))) == most] + [
            t for t in fitting if len(set(template_fields(t))) < most
        ]
        fresh = [
            t
            for t in fitting
            if t not in self._used_templates
            and opener(_render(t, fields)) not in self._used_openers
        ]
        stale = [t for t in fitting if t not in fresh]
        for pool in (fresh, stale):
            if not pool:
                continue
            richest = max(len(set(template_fields(t))) for t in pool)
            best = [t for t in pool if len(set(template_fields(t))) == richest]
            pool = best + [t for t in pool if t not in best]
            first = self.number(slot, len(best))
            for template in pool[first:] + pool[:first]:
                text = _render(template, fields)
                if accept is not None and not accept(text):
                    continue
                self.last_template = template
                self._used_templates.add(template)
                self.note(text)
                return text
        return None


def _render(template: str, fields: Mapping[str, str]) -> str:
    text = _agreed(template, fields).format_map(dict(fields))
    return text[:1].upper() + text[1:]


# A verb written straight after a placeholder that is the subject of its clause (at the
# start, or after "that", "how", "and", "so") agrees with a singular value ("{it} was done");
# a plural value needs the plural verb ("the exercises were done", not "was"). A placeholder
# inside a phrase ("beyond {duration} is not known") is not the subject and is left alone.
_VERB_AFTER_FIELD = re.compile(r"(^|\b(?:that|how|and|so) )\{(\w+)\} (was|is|has)\b")
_PLURAL_VERBS = {"was": "were", "is": "are", "has": "have"}
# The head noun ends before a preposition or a relative word ("the exercises for balance").
_HEAD_END = re.compile(
    r"\s(?:of|for|with|in|on|at|to|by|from|that|which|who|called|during|over)\s",
    re.IGNORECASE,
)
# Words ending in "s" that are singular: "sclerosis", "status", "aerobics", "news", "MS".
_SINGULAR_S = re.compile(r"(?:ss|us|is|ics)$|^(?:ms|news|series|means|species)$")


def _agreed(template: str, fields: Mapping[str, str]) -> str:
    """Return `template` with "was"/"is"/"has" made plural after a plural field value."""
    if "{" not in template or not _VERB_AFTER_FIELD.search(template):
        return template

    def agree(match: re.Match[str]) -> str:
        before, name, verb = match.groups()
        if not is_plural(fields.get(name, "")):
            return match.group()
        return f"{before}{{{name}}} {_PLURAL_VERBS[verb]}"

    return _VERB_AFTER_FIELD.sub(agree, template)


def is_plural(phrase: str) -> bool:
    """Return True when the head noun of `phrase` is a regular plural ("the exercises").

    The head is the last word before a preposition or relative word; only a lower-case
    word ending in "s" counts, so names ("EXB-301"), abbreviations ("MS") and singular
    words ending in "s" ("sclerosis", "aerobics") stay singular.
    """
    head_part = _HEAD_END.split(f" {phrase.strip()} ", maxsplit=1)[0].split()
    if not head_part:
        return False
    head = head_part[-1]
    return head.isalpha() and head.islower() and head.endswith("s") and not _SINGULAR_S.search(head)
