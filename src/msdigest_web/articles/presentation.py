"""Turn stored article data into what the article page shows, escaping all source text.

Nothing here trusts its input: titles, abstracts and even engine output may hold markup
("<script>" in a PubMed title is real), so every string goes through `escape` or
`format_html`, and only the markup built here is marked safe.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from msdigest.glossary import load_glossary
from msdigest.paper import Paper as PaperRecord
from msdigest_web.articles.models import DESIGN_LABELS

__all__ = [
    "GlossaryMarker",
    "IconArray",
    "citation",
    "icon_array",
    "provenance_groups",
]

MAX_ICONS = 100
_NICE_SCALES = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000)


class GlossaryMarker:
    """Mark the first use of each glossary term in the article's text.

    The term becomes a focusable element described by (`aria-describedby`) a tooltip
    holding the plain definition, which CSS shows on hover, keyboard focus and tap; the
    same definitions are listed at the end of the article for print and screen readers.
    """

    def __init__(self, glossary: list[dict[str, str]]) -> None:
        self.terms = {
            g["term"].lower(): g for g in glossary if g.get("term") and g.get("definition")
        }
        ordered = sorted(self.terms, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<![\w-])(" + "|".join(re.escape(t) for t in ordered) + r")(?![\w-])",
                re.IGNORECASE,
            )
            if ordered
            else None
        )
        self._used: set[str] = set()

    def anchor(self, term: str) -> str:
        """Return the id of the definition of `term` in the glossary list."""
        return "gloss-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")

    def _uses(self, text: str) -> list[tuple[int, int, str]]:
        """Return (start, end, term key) of every use of a term, leftmost first.

        The writer lists a term when the text uses any of its forms ("MS" for "multiple
        sclerosis", "carers" for "caregiver", "trials" for "clinical trial"), so the
        bundled glossary's matcher finds those forms; the term as written is matched too,
        for terms an engine brings that the bundled glossary does not hold.
        """
        uses = [
            (m.start, m.end, m.term.term.lower())
            for m in load_glossary().find(text)
            if m.term.term.lower() in self.terms
        ]
        if self._pattern is not None:
            uses += [(m.start(), m.end(), m.group(1).lower()) for m in self._pattern.finditer(text)]
        uses.sort(key=lambda use: (use[0], -use[1]))
        return uses

    def mark(self, text: str) -> SafeString:
        """Return `text` escaped, with the first use of each term marked up."""
        if not self.terms:
            return escape(text)
        parts: list[str] = []
        position = 0
        for start, end, key in self._uses(text):
            if key in self._used or start < position:
                continue
            self._used.add(key)
            parts.append(escape(text[position:start]))
            tip_id = f"tip-{self.anchor(key)}"
            parts.append(
                format_html(
                    '<span class="gloss"><span class="term" tabindex="0" '
                    'aria-describedby="{}">{}</span><span class="tip" role="tooltip" '
                    'id="{}">{}</span></span>',
                    tip_id,
                    text[start:end],
                    tip_id,
                    self.terms[key]["definition"],
                )
            )
            position = end
        parts.append(escape(text[position:]))
        return mark_safe("".join(parts))  # every piece above is escaped or format_html


@dataclass(frozen=True)
class IconArray:
    """How participants are drawn: the icon count, people per icon, and the words for it."""

    people: int
    icons: int
    per_icon: int
    columns: int
    rows: int
    title: str
    description: str

    @property
    def width(self) -> int:
        """Return the drawing's width in SVG units (12 per figure)."""
        return self.columns * 12

    @property
    def height(self) -> int:
        """Return the drawing's height in SVG units (22 per row)."""
        return self.rows * 22

    @property
    def display_width(self) -> int:
        """Return the width in CSS pixels: figures drawn half as big again."""
        return self.width * 3 // 2

    @property
    def display_height(self) -> int:
        return self.height * 3 // 2

    def positions(self) -> list[tuple[int, int]]:
        """Return the (x, y) of each icon, filled row by row."""
        return [((i % self.columns) * 12, (i // self.columns) * 22) for i in range(self.icons)]


def icon_array(people: int | None) -> IconArray | None:
    """Return the icon array for `people` participants, or None when the count is unknown.

    Up to 100 people get one figure each; above that each figure stands for a round
    number of people (2, 5, 10, 20, 25, 50, ...) so there are never more than 100.
    """
    if not people or people < 1:
        return None
    per_icon = next((s for s in _NICE_SCALES if math.ceil(people / s) <= MAX_ICONS), None)
    if per_icon is None:
        per_icon = math.ceil(people / MAX_ICONS)
    icons = math.ceil(people / per_icon)
    columns = min(icons, 10 if icons <= 50 else 20)
    rows = math.ceil(icons / columns)
    noun = "person" if people == 1 else "people"
    title = f"{people:,} {noun} took part"
    if per_icon == 1:
        description = f"Drawn as {icons} figures, one for each person."
    else:
        description = f"Drawn as {icons} figures; each figure stands for {per_icon} people" + (
            ", the last for fewer." if people % per_icon else "."
        )
    return IconArray(people, icons, per_icon, columns, rows, title, description)


_KIND_LABELS = {
    "source": "From the abstract",
    "fact": "From the study's facts",
    "editorial": "Added by msdigest (not from the paper)",
}


def provenance_groups(sentences: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the sentences grouped by section, each with readable source notes."""
    titles = {
        "headline": "Headline",
        "study": "The study",
        "why_it_matters": "Why it matters",
        "keep_in_mind": "Keep in mind",
    }
    groups: dict[str, list[dict[str, Any]]] = {}
    for sentence in sentences:
        notes = []
        for source in sentence.get("sources", ()):
            kind = source.get("kind", "")
            label = _KIND_LABELS.get(kind, "Source")
            if kind == "editorial" and source.get("ref") == "editor":
                label = "Written or changed by an editor"
            elif kind == "fact" and source.get("ref"):
                label = f"{label} ({source['ref'].replace('_', ' ').replace('.', ': ')})"
            text = source.get("text", "")
            if kind == "fact" and source.get("ref") == "study_design":
                text = DESIGN_LABELS.get(text, text)
            notes.append({"label": label, "text": text, "kind": kind})
        groups.setdefault(sentence.get("section", ""), []).append(
            {"text": sentence.get("text", ""), "notes": notes}
        )
    return [
        {"title": titles.get(section, section.replace("_", " ").capitalize()), "items": items}
        for section, items in groups.items()
    ]


def citation(record: PaperRecord) -> SafeString:
    """Return the full citation: authors, title, journal, date, DOI and PMID, escaped."""
    names = [a.name for a in record.authors if a.name]
    authors = ", ".join(names[:6]) + (", et al." if len(names) > 6 else "")
    parts = [
        format_html("{}.", authors) if authors else "",
        format_html("<cite>{}</cite>", record.title.rstrip(".") + "."),
        format_html("{}.", record.journal_iso or record.journal_title) if record.journal else "",
        format_html("{}.", record.pub_date.display()) if record.pub_date else "",
        format_html("doi: {}.", record.doi) if record.doi else "",
        format_html("PMID: {}.", record.pmid) if record.pmid else "",
    ]
    return format_html_join(" ", "{}", ((p,) for p in parts if p))
