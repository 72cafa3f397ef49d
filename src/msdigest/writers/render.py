"""Render a summary for people: Markdown for reading in a terminal or a README, HTML for a page.

Both renderings follow the article's reading order (headline, the study, why it matters,
keep in mind, evidence at a glance, glossary, more details) and end with the verdict of the
checks, so a reader of a draft sees at once whether it passed. HTML escapes every piece of
text, titles included, and marks each sentence with what it rests on (`title` attribute),
which is how the site's "where does this come from?" works.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from msdigest.paper import Paper
from msdigest.summary import LaySummary, SummarySentence

__all__ = ["html_page_parts", "render_html", "render_html_page", "render_markdown"]

_PART_LABELS = (
    ("people_with_ms", "For people with MS"),
    ("caregivers", "For caregivers"),
    ("healthcare_providers", "For healthcare providers"),
    ("may_not_apply_to", "Who it may not apply to"),
    ("analogy", "Think of it this way"),
)


def _participants(summary: LaySummary) -> str:
    said = summary.evidence.get("participants")
    if isinstance(said, str) and said:
        return said
    total = summary.evidence.get("sample_size")
    stated = summary.evidence.get("sample_size_stated", True)
    if isinstance(total, int) and stated:
        return f"{total:,}"
    groups = summary.evidence.get("groups") or []
    if groups:
        return " and ".join(f"{g['count']:,} ({g['label']})" for g in groups)
    return "not stated in the abstract"


def _design(summary: LaySummary) -> str:
    label = str(summary.evidence.get("design_label") or summary.evidence.get("design") or "")
    return label[:1].upper() + label[1:]


def _details(paper: Paper | None) -> list[tuple[str, str | None]]:
    """Return (text, link) pairs for the "more details" list."""
    if paper is None:
        return []
    items: list[tuple[str, str | None]] = [(paper.title, None)]
    journal = paper.journal or ""
    date = paper.pub_date.display() if paper.pub_date else ""
    if journal or date:
        items.append((", ".join(p for p in (journal, date) if p), None))
    if paper.pubmed_url:
        items.append((f"PubMed {paper.pmid}", paper.pubmed_url))
    if paper.doi_url:
        items.append((f"DOI {paper.doi}", paper.doi_url))
    return items


def _checks_line(summary: LaySummary) -> str:
    if summary.checks is None:
        return "Checks: not run."
    results = summary.checks.results
    failing = [f"{r.name} ({r.status})" for r in summary.checks.by_severity() if r.status != "pass"]
    verdict = f"Checks: {summary.checks.status} ({len(results)} checks"
    return verdict + (f"; not passed: {', '.join(failing)})" if failing else ")")


def render_markdown(summary: LaySummary, paper: Paper | None = None) -> str:
    """Return the summary as a Markdown article."""
    why = summary.why_it_matters
    lines = [f"# {summary.headline}", "", "## The study", "", summary.study, ""]
    lines += ["## Why it matters", ""]
    for part, label in _PART_LABELS:
        text = getattr(why, part)
        if text:
            lines += [f"**{label}.** {text}", ""]
    lines += ["## Keep in mind", "", summary.keep_in_mind, ""]
    lines += ["## Evidence at a glance", ""]
    lines.append(f"- Study type: {_design(summary)}")
    lines.append(f"- Participants: {_participants(summary)}")
    evidence_label = summary.evidence.get("label")
    reasons = summary.evidence.get("reasons") or []
    if evidence_label:
        lines.append(
            f"- Evidence: {evidence_label}" + (f" ({'; '.join(reasons)})" if reasons else "")
        )
    lines.append("")
    if summary.glossary:
        lines += ["## Words used", ""]
        lines += [f"- **{g.term}**: {g.definition}" for g in summary.glossary]
        lines.append("")
    details = _details(paper)
    if details:
        lines += ["## More details", ""]
        lines += [f"- [{text}]({link})" if link else f"- {text}" for text, link in details]
        lines.append("")
    lines.append(
        f"*{_checks_line(summary)} Written by the {summary.engine.key} engine "
        f"{summary.engine.version}.*"
    )
    return "\n".join(lines).rstrip() + "\n"


def _sources_note(sentence: SummarySentence) -> str:
    notes = []
    for source in sentence.sources:
        if source.kind == "source":
            notes.append(f"From the abstract: {source.text}")
        elif source.kind == "fact":
            notes.append(f"From the fact {source.ref}: {source.text}")
        else:
            notes.append(f"Added by the writer: {source.text}")
    return " | ".join(notes)


def _sentences_html(sentences: Iterable[SummarySentence]) -> str:
    return " ".join(
        f'<span class="sentence" title="{html.escape(_sources_note(s))}">{html.escape(s.text)}'
        "</span>"
        for s in sentences
    )


def render_html(summary: LaySummary, paper: Paper | None = None) -> str:
    """Return the summary as an HTML `<article>` (every text escaped)."""
    esc = html.escape
    by_section = {
        name: [s for s in summary.sentences if s.section == name]
        for name in ("headline", "study", "why_it_matters", "keep_in_mind")
    }
    headline = _sentences_html(by_section["headline"]) or esc(summary.headline)
    out = [f'<article class="summary" id="summary-{esc(summary.paper_id)}">']
    out.append(f"<h1>{headline}</h1>")
    out.append("<h2>The study</h2>")
    out.append(f"<p>{_sentences_html(by_section['study']) or esc(summary.study)}</p>")
    out.append("<h2>Why it matters</h2>")
    for part, label in _PART_LABELS:
        sentences = [s for s in by_section["why_it_matters"] if s.part == part]
        text = _sentences_html(sentences) or esc(getattr(summary.why_it_matters, part))
        if text:
            out.append(f"<p><strong>{esc(label)}.</strong> {text}</p>")
    out.append("<h2>Keep in mind</h2>")
    out.append(f"<p>{_sentences_html(by_section['keep_in_mind']) or esc(summary.keep_in_mind)}</p>")
    out.append("<h2>Evidence at a glance</h2><ul>")
    out.append(f"<li>Study type: {esc(_design(summary))}</li>")
    out.append(f"<li>Participants: {esc(_participants(summary))}</li>")
    evidence_label = summary.evidence.get("label")
    if evidence_label:
        reasons = "; ".join(summary.evidence.get("reasons") or [])
        out.append(
            f"<li>Evidence: {esc(str(evidence_label))}" + (f" ({esc(reasons)})" if reasons else "")
        )
        out.append("</li>")
    out.append("</ul>")
    if summary.glossary:
        out.append("<h2>Words used</h2><dl>")
        for use in summary.glossary:
            out.append(f"<dt>{esc(use.term)}</dt><dd>{esc(use.definition)}</dd>")
        out.append("</dl>")
    details = _details(paper)
    if details:
        out.append("<h2>More details</h2><ul>")
        for text, link in details:
            item = f'<a href="{esc(link)}">{esc(text)}</a>' if link else esc(text)
            out.append(f"<li>{item}</li>")
        out.append("</ul>")
    out.append(f'<p class="checks"><small>{esc(_checks_line(summary))}</small></p>')
    out.append("</article>")
    return "\n".join(out)


def html_page_parts(title: str = "msdigest summaries") -> tuple[str, str]:
    """Return the start and the end of an HTML document, to stream articles between them."""
    head = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "</head>\n<body>\n<main>"
    )
    return head, "</main>\n</body>\n</html>"


def render_html_page(articles: Iterable[str], title: str = "msdigest summaries") -> str:
    """Return a complete HTML document holding the rendered articles."""
    head, foot = html_page_parts(title)
    return "\n".join([head, *articles, foot]) + "\n"
