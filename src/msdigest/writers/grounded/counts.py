"""Say how many took part, exactly as the abstract says it.

A count is only ever a number the source states: the total when the abstract gives it,
otherwise the size of each group ("28 people with relapsing-remitting MS and 16 healthy
people"), "12 people in each group", or "a woman" for a single case. A total the extractor
added up is never written, because the numbers check would rightly call it invented.
"""

from __future__ import annotations

import re

from msdigest.text.numbers import format_count
from msdigest.writers.grounded.context import Draft, per_draft
from msdigest.writers.grounded.describe import Phrase, about_ms, condition

__all__ = ["count_phrase", "groups_phrase", "single_case"]


@per_draft
def count_phrase(draft: Draft) -> Phrase | None:
    """Return how many took part in all ("148"), only if the abstract states that number.

    A total the extractor added up from group counts is not written: the source never
    says it, and a summary must not state a number its source does not (see
    `groups_phrase` for how such studies are described).
    """
    size = draft.facts.sample_size
    if size.total is not None and size.total > 1 and draft.stated(size.total):
        return Phrase(
            format_count(size.total),
            draft.fact("sample_size", str(size.total), size.span),
        )
    return None


_SINGLE = re.compile(
    r"\b(?:a|an|one)\s+(?:\d+[- ]year[- ]old\s+|young\s+|older\s+)?(woman|man|girl|boy|"
    r"patient|person|adult|teenager|child)\b",
    re.IGNORECASE,
)


@per_draft
def single_case(draft: Draft) -> Phrase | None:
    """Return "a woman", "a man" or "a single person" for a report on one person."""
    size = draft.facts.sample_size
    if size.total != 1 and draft.facts.study_design != "case_report_or_series":
        return None
    if size.total not in (1, None):
        return None
    match = _SINGLE.search(draft.abstract)
    if match is None:
        return (
            None
            if size.total is None
            else Phrase("a single person", draft.fact("sample_size", "1", size.span))
        )
    noun = match.group(1).lower()
    noun = "person" if noun == "patient" else noun
    article = "an" if noun[0] in "aeiou" else "a"
    return Phrase(f"{article} {noun}", draft.fact("sample_size", "1", size.span))


_PER_GROUP = re.compile(
    r"\b(\d+)\s*(?:/\s*arm|per (?:arm|group)|in each (?:arm|group)|each)\b", re.IGNORECASE
)
_GROUP_LABELS = (
    (re.compile(r"healthy|volunteer|\bHCs?\b", re.I), "healthy people"),
    (
        re.compile(r"^(?:matched )?controls?$|control group|comparison", re.I),
        "people in the comparison group",
    ),
    (
        re.compile(r"intervention|treatment|exercise|training", re.I),
        "people in the treatment group",
    ),
)


def _group_label(draft: Draft, label: str) -> str | None:
    """Return a group's label as plain words ("healthy people"), or None if unclear."""
    cleaned = re.sub(r"^(?:including|and|or|with|the|a|an)\s+", "", label.strip(), flags=re.I)
    for pattern, label_words in _GROUP_LABELS:
        if pattern.search(cleaned):
            return label_words
    if cleaned.lower() == "cases" and about_ms(draft):
        return f"people with {condition(draft)}"
    plain = draft.plain_phrase(cleaned, max_words=6)
    if plain is None:
        return None
    if plain in ("people", "patients", "participants", "cases"):
        return f"people with {condition(draft)}"
    if re.match(r"(?:people|adults|women|men|children)\b", plain):
        return plain
    if (
        re.search(r"\b(?:MS|NMOSD|MOGAD|syndrome|disease|disorder)\b", plain)
        and len(plain.split()) <= 4
    ):
        return f"people with {plain}"
    return None


_SPAN_GROUP = re.compile(
    r"(?P<count>\d[\d,]*)\s+(?:(?P<healthy>healthy (?:controls|volunteers|people))|"
    r"(?:patients|people|participants|adults|women|men|children|individuals)\s+with\s+"
    r"(?P<condition>[^,;()]+?))(?=\s*(?:,|;|\band\b|$|\())",
    re.IGNORECASE,
)


def _groups_in(span: str) -> list[tuple[int, str]]:
    """Return (count, plain label) for each group a count span names ("38 patients with ...")."""
    found = []
    for match in _SPAN_GROUP.finditer(span):
        count = int(match.group("count").replace(",", ""))
        if match.group("healthy"):
            found.append((count, "healthy people"))
        else:
            found.append((count, f"people with {match.group('condition').strip()}"))
    return found


@per_draft
def groups_phrase(draft: Draft) -> Phrase | None:
    """Return the group sizes when the abstract gives no total it states itself.

    "28 people with relapsing-remitting MS and 16 healthy people" when every group's count
    is stated and its label is clear; "12 people in each group" for "n = 12/arm"; "groups
    of 14 and 14 people" when the labels are unclear. None when no count can be given.
    """
    size = draft.facts.sample_size
    groups = [g for g in size.groups if g.count > 0]
    quoted = "; ".join(g.span.text for g in groups if g.span)
    span = size.span.text if size.span else ""
    from_span = _groups_in(span)
    if len(from_span) >= 2 and all(draft.stated(count) for count, _ in from_span):
        parts = [f"{format_count(count)} {label}" for count, label in from_span]
        text = ", ".join(parts[:-1]) + " and " + parts[-1]
        if draft.acceptable_phrase(text):
            return Phrase(text, draft.fact("sample_size", span))
    controls = size.healthy_controls
    if (
        not groups
        and controls
        and size.total
        and size.total > controls
        and draft.stated(controls)
        and draft.stated(size.total - controls)
    ):
        cases = format_count(size.total - controls)
        text = f"{cases} people with {condition(draft)} and {format_count(controls)} healthy people"
        return Phrase(text, draft.fact("sample_size", span or text))
    if len(groups) >= 2 and all(draft.stated(g.count) for g in groups):
        labels = [_group_label(draft, g.label) for g in groups]
        counts = [format_count(g.count) for g in groups]
        if all(labels) and len(set(labels)) == len(labels):
            parts = [f"{c} {lab}" for c, lab in zip(counts, labels, strict=True)]
            text = ", ".join(parts[:-1]) + " and " + parts[-1]
        else:
            text = "groups of " + ", ".join(counts[:-1]) + " and " + counts[-1] + " people"
        return Phrase(text, draft.fact("sample_size", quoted or text))
    per_group = _PER_GROUP.search(span)
    if per_group and draft.stated(int(per_group.group(1))):
        text = f"{per_group.group(1)} people in each group"
        return Phrase(text, draft.fact("sample_size", span))
    return None
