"""Make summary sentences: fill a template from facts, or lift a source sentence plainly.

Every sentence the engine writes comes through here with the provenance it rests on:
`fill_line` for templates (citing the facts whose fields it used), `source_lines` for the
authors' own sentences made plain and worded to the evidence.
"""

from __future__ import annotations

from collections.abc import Callable

from msdigest.facts.document import Sentence
from msdigest.text.readability import word_count
from msdigest.writers.grounded.context import Draft, Line
from msdigest.writers.grounded.describe import Phrase
from msdigest.writers.grounded.hedging import soften
from msdigest.writers.grounded.phrasing import template_fields
from msdigest.writers.grounded.simplify import MAX_WORDS

__all__ = ["fill_line", "source_lines"]


def fill_line(
    draft: Draft,
    slot: str,
    templates: tuple[str, ...],
    fields: dict[str, Phrase | str],
    part: str | None = None,
    max_words: int | None = None,
    require: Callable[[str], bool] | None = None,
) -> Line | None:
    """Return a sentence from one of `templates`, citing the facts its template used.

    None when no template fits the fields, or every fitting sentence is unacceptable
    (a number the source does not state, a hard word, too long: see `Draft.acceptable`).
    """
    # The templates are plain by construction (a test holds them to it), so only the
    # values put into them need the full test; the engine checks every sentence again.
    values = {k: (v.text if isinstance(v, Phrase) else v) for k, v in fields.items()}
    values = {k: v for k, v in values.items() if draft.acceptable_phrase(v)}

    def accept(text: str) -> bool:
        return (
            word_count(text) <= MAX_WORDS
            and (max_words is None or len(text.split()) <= max_words)
            and (require is None or require(text))
        )

    text = draft.phrasing.fill(slot, templates, values, accept=accept)
    if text is None:
        return None
    used = template_fields(draft.phrasing.last_template or "")
    sources = tuple(
        value.source for name, value in fields.items() if isinstance(value, Phrase) and name in used
    )
    # Plain templates (a test holds them to it) filled with checked values pass the gate.
    draft.vetted.add((text, draft.simplifier.allowed))
    return Line(text, sources, part)


def source_lines(draft: Draft, sentence: Sentence) -> list[Line]:
    """Return a source sentence as plain summary lines, or nothing if it cannot be made safe."""
    simplified = draft.simplify(sentence)
    if not simplified.usable:
        return []
    provenance = draft.source(sentence)
    lines = []
    for text in simplified.sentences:
        safe = soften(text, draft.strength)
        if safe is None or not draft.numbers_ok(safe):
            return []
        draft.vetted.add((safe, draft.simplifier.allowed))
        lines.append(Line(safe, (provenance,)))
    return lines
