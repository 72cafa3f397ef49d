"""Turn one `<PubmedArticle>` element into a `Paper`, or a `Skipped` that says why not.

Every field of the record is made here: PMID, DOI (the article's own, never a cited
reference's), PMC id, title (with `VernacularTitle` as the fallback), abstract sections
with labels and NLM categories, journal, publication date (Year/Month/Day, Season or
`MedlineDate`, with `ArticleDate` as the fallback), Entrez date, authors (people and
groups, with affiliations), MeSH headings with major-topic flags and qualifiers,
keywords, publication types and language.

A walker first collects the raw parts of the record (`record_parts`): the compiled one
when the speed-ups are in use (`speedups`), else the plain-Python one; both give the same
parts. Everything after that (clean-up, dates, citation, the reasons to skip) is here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from lxml import etree

from msdigest.paper import AbstractSection, Author, MeshHeading, Paper, PubDate, month_number
from msdigest.sources.language import normalise_language
from msdigest.sources.record_parts import (
    AuthorParts,
    DateParts,
    MeshParts,
    RecordParts,
    SectionParts,
    first_child,
    parts_from_element,
)
from msdigest.sources.sections import nlm_category
from msdigest.sources.skipped import Skipped
from msdigest.sources.speedups import COMPILED
from msdigest.sources.xml_text import children, element_text, plain_text

__all__ = ["WALKER", "paper_from_element", "paper_from_parts", "skips_from_element"]

_MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # noqa: SIM905

BOOK_REASON = "a book or book chapter (PubmedBookArticle), not a journal article"
DELETED_REASON = "deleted from PubMed (DeleteCitation)"

Element = etree._Element


Walk = Callable[[Element], RecordParts]
Clean = Callable[[str | None], str]


def _choose_walker() -> tuple[str, Walk, Clean]:
    """Return the compiled walker and clean-up when they are in use, else the Python ones."""
    if COMPILED is None:
        return "python", parts_from_element, plain_text
    return "compiled", COMPILED.parts_from_element, COMPILED.plain_text


#: Which walker reads records here: "compiled" (Cython) or "python". `_clean` is
#: `xml_text.plain_text`, with the commonest case answered in C when compiled.
WALKER, _walk, _clean = _choose_walker()


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.isdigit():
        text = text.strip()
        if not text.isdigit():
            return None
    return int(text)


# --- dates --------------------------------------------------------------------------------


def _pub_date(parts: DateParts | None) -> PubDate | None:
    """Read a PubDate / ArticleDate: Year, Month, Day, Season or MedlineDate."""
    if parts is None:
        return None
    medline = _clean(parts.get("MedlineDate"))
    if medline:
        return PubDate.from_medline_date(medline)
    year = _number(parts.get("Year"))
    if year is None:
        return None
    season = _clean(parts.get("Season"))
    if season:
        return PubDate.from_medline_date(f"{year} {season}")
    month = month_number(parts.get("Month"))
    day = _number(parts.get("Day")) if month else None
    return PubDate(year=year, month=month, day=day)


def _calendar_date(parts: DateParts) -> dt.date | None:
    number = _number(parts.get("Year"))
    if number is None:
        return None
    try:
        return dt.date(number, _number(parts.get("Month")) or 1, _number(parts.get("Day")) or 1)
    except ValueError:
        return None


def _entry_date(history: tuple[tuple[str | None, DateParts], ...]) -> dt.date | None:
    """Return the Entrez date (when PubMed listed the record), else the "pubmed" date.

    The "pubmed" dates are read only when no Entrez date is usable: most records have
    one, and it often comes after the "pubmed" date.
    """
    pubmed_stamps = []
    for status, stamp in history:
        if status == "entrez":
            found = _calendar_date(stamp)
            if found:
                return found
        elif status == "pubmed":
            pubmed_stamps.append(stamp)
    for stamp in pubmed_stamps:
        found = _calendar_date(stamp)
        if found:
            return found
    return None


# --- parts of a record --------------------------------------------------------------------


def _sections(raw: tuple[SectionParts, ...]) -> tuple[AbstractSection, ...]:
    sections = []
    for raw_text, raw_label, category in raw:
        text = _clean(raw_text)
        if not text:
            continue
        label = _clean(raw_label) or None
        category = category or (nlm_category(label) if label else None)
        sections.append(AbstractSection(text, label, category))
    return tuple(sections)


def _other_abstract(
    others: tuple[tuple[str | None, tuple[SectionParts, ...]], ...],
) -> tuple[AbstractSection, ...]:
    """Return an English `OtherAbstract`, used when the record has no `Abstract`."""
    for language, raw in others:
        if normalise_language(language) == "eng":
            sections = _sections(raw)
            if sections:
                return sections
    return ()


def _authors(raw: tuple[AuthorParts, ...]) -> tuple[Author, ...]:
    authors = []
    for raw_last, raw_fore, raw_initials, raw_collective, raw_affiliations in raw:
        affiliations = (
            tuple(filter(None, map(_clean, raw_affiliations))) if raw_affiliations else ()
        )
        collective = _clean(raw_collective)
        if collective:
            authors.append(Author(None, None, None, collective, affiliations))
            continue
        last = _clean(raw_last) or None
        fore = _clean(raw_fore) or None
        if last or fore:
            initials = _clean(raw_initials) or None
            authors.append(Author(last, fore, initials, None, affiliations))
    return tuple(authors)


def _mesh(raw: tuple[MeshParts, ...]) -> tuple[MeshHeading, ...]:
    """Return MeSH headings; a heading is major if its descriptor or a qualifier is."""
    headings = []
    for descriptor, raw_qualifiers, major in raw:
        name = _clean(descriptor)
        if name:
            qualifiers = tuple(filter(None, map(_clean, raw_qualifiers))) if raw_qualifiers else ()
            headings.append(MeshHeading(name, major, qualifiers))
    return tuple(headings)


def _article_ids(raw: tuple[tuple[str | None, str | None], ...]) -> dict[str, str]:
    """Return PubmedData's own ids by type (those of cited references live elsewhere)."""
    ids: dict[str, str] = {}
    for kind, text in raw:
        if kind and kind not in ids:
            value = _clean(text)
            if value:
                ids[kind] = value
    return ids


def _doi(
    locations: tuple[tuple[str | None, str | None, str | None], ...], ids: dict[str, str]
) -> str | None:
    for kind, valid, text in locations:
        if kind == "doi" and valid != "N":
            value = _clean(text)
            if value:
                return value
    return ids.get("doi")


def _strings(raw: tuple[str | None, ...]) -> tuple[str, ...]:
    return tuple(filter(None, map(_clean, raw)))


def _citation(
    journal_iso: str,
    pub_date: PubDate | None,
    volume: str,
    number: str,
    pages: str,
) -> str | None:
    """Return a Vancouver-style citation: "Mult Scler. 2021 Feb;27(2):101-9."."""
    if not journal_iso:
        return None
    text = journal_iso.rstrip(".") + "."
    if pub_date is not None:
        when = pub_date.medline_date or " ".join(
            part
            for part in (
                str(pub_date.year) if pub_date.year else "",
                _MONTH_ABBREVIATIONS[pub_date.month - 1] if pub_date.month else "",
                str(pub_date.day) if pub_date.day else "",
            )
            if part
        )
        if when:
            text += f" {when}"
    where = volume + (f"({number})" if number else "") + (f":{pages}" if pages else "")
    if where:
        text += f";{where}"
    return text.rstrip(".") + "."


# --- one record ---------------------------------------------------------------------------


def paper_from_parts(parts: RecordParts, where: str) -> Paper | Skipped:
    """Turn the raw parts of one record into a `Paper`, or a `Skipped` that says why not."""
    pmid = _clean(parts.pmid)
    record_id = pmid or None
    if not parts.has_article:
        return Skipped(where, "no MedlineCitation/Article element", record_id)
    languages = list(filter(None, map(normalise_language, parts.languages)))
    if languages and "eng" not in languages:
        return Skipped(where, f"not English (language {', '.join(languages)})", record_id)
    title = _clean(parts.title) or _clean(parts.vernacular_title)
    if not title:
        return Skipped(where, "no title", record_id)
    sections = _sections(parts.abstract) or _other_abstract(parts.other_abstracts)
    if not sections:
        return Skipped(where, "no abstract", record_id)

    ids = _article_ids(parts.article_ids)
    journal_title = journal_iso = volume = number = ""
    pub_date = None
    if parts.journal is not None:
        raw_title, raw_iso, raw_volume, raw_number, raw_date = parts.journal
        journal_title, journal_iso = _clean(raw_title), _clean(raw_iso)
        volume, number = _clean(raw_volume), _clean(raw_number)
        pub_date = _pub_date(raw_date)
    if pub_date is None or pub_date.year is None:
        pub_date = _pub_date(parts.article_date) or pub_date
    return Paper(
        id=pmid or (f"doi:{ids['doi']}" if "doi" in ids else where),
        title=title,
        abstract=sections,
        pmid=pmid or None,
        doi=_doi(parts.locations, ids),
        pmcid=ids.get("pmc"),
        journal_title=journal_title or None,
        journal_iso=journal_iso or None,
        pub_date=pub_date,
        entry_date=_entry_date(parts.history),
        authors=_authors(parts.authors),
        mesh_headings=_mesh(parts.mesh),
        keywords=_strings(parts.keywords),
        publication_types=_strings(parts.publication_types),
        language="eng",
        citation=_citation(journal_iso, pub_date, volume, number, _clean(parts.pages)),
        source=where,
    )


def paper_from_element(record: Element, where: str) -> Paper | Skipped:
    """Turn one `<PubmedArticle>` into a `Paper`, or a `Skipped` that says why not."""
    return paper_from_parts(_walk(record), where)


def skips_from_element(record: Element, where: str) -> list[Skipped]:
    """Return the skips for a `<PubmedBookArticle>` or a `<DeleteCitation>` (one per PMID)."""
    if record.tag == "PubmedBookArticle":
        pmid = element_text(first_child(first_child(record, "BookDocument"), "PMID")) or None
        return [Skipped(where, BOOK_REASON, pmid)]
    return [
        Skipped(where, DELETED_REASON, element_text(pmid) or None)
        for pmid in children(record)
        if pmid.tag == "PMID"
    ]
