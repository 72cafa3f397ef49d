"""Turn one `<PubmedArticle>` element into a `Paper`, or a `Skipped` that says why not.

Every field of the record is read here: PMID, DOI (the article's own, never a cited
reference's), PMC id, title (with `VernacularTitle` as the fallback), abstract sections
with labels and NLM categories, journal, publication date (Year/Month/Day, Season or
`MedlineDate`, with `ArticleDate` as the fallback), Entrez date, authors (people and
groups, with affiliations), MeSH headings with major-topic flags and qualifiers,
keywords, publication types and language.

Each element's children are read in one pass (`_index`) rather than with one ElementPath
search per field: lxml's `find()` runs Python code for every call, and this runs for every
record of files with hundreds of thousands of them.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from msdigest.paper import AbstractSection, Author, MeshHeading, Paper, PubDate, month_number
from msdigest.sources.language import normalise_language
from msdigest.sources.sections import nlm_category
from msdigest.sources.skipped import Skipped
from msdigest.sources.xml_text import element_text, plain_text

__all__ = ["paper_from_element", "skips_from_element"]

_MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # noqa: SIM905
_NOTHING: dict[str, etree._Element] = {}

BOOK_REASON = "a book or book chapter (PubmedBookArticle), not a journal article"
DELETED_REASON = "deleted from PubMed (DeleteCitation)"


def _index(element: etree._Element | None) -> dict[str, etree._Element]:
    """Return the first child of each tag, found in one pass over the children."""
    if element is None:
        return _NOTHING
    found: dict[str, etree._Element] = {}
    for child in element:
        tag = child.tag
        if tag not in found:
            found[tag] = child
    return found


def _first(element: etree._Element | None, tag: str) -> etree._Element | None:
    if element is None:
        return None
    for child in element.iterchildren(tag):
        return child
    return None


def _number(text: str | None) -> int | None:
    value = (text or "").strip()
    return int(value) if value.isdigit() else None


# --- dates --------------------------------------------------------------------------------


def _pub_date(date: etree._Element | None) -> PubDate | None:
    """Read a PubDate / ArticleDate: Year, Month, Day, Season or MedlineDate."""
    if date is None:
        return None
    parts = {child.tag: child.text for child in date}
    medline = plain_text(parts.get("MedlineDate"))
    if medline:
        return PubDate.from_medline_date(medline)
    year = _number(parts.get("Year"))
    if year is None:
        return None
    season = plain_text(parts.get("Season"))
    if season:
        return PubDate.from_medline_date(f"{year} {season}")
    month = month_number(parts.get("Month"))
    day = _number(parts.get("Day")) if month else None
    return PubDate(year=year, month=month, day=day)


def _calendar_date(date: etree._Element) -> dt.date | None:
    parts = {child.tag: child.text for child in date}
    year = _number(parts.get("Year"))
    if year is None:
        return None
    try:
        return dt.date(year, _number(parts.get("Month")) or 1, _number(parts.get("Day")) or 1)
    except ValueError:
        return None


def _entry_date(history: etree._Element | None) -> dt.date | None:
    """Return the Entrez date (when PubMed listed the record), else the "pubmed" date."""
    if history is None:
        return None
    fallback = None
    for stamp in history.iterchildren("PubMedPubDate"):
        status = stamp.get("PubStatus")
        if status == "entrez":
            found = _calendar_date(stamp)
            if found:
                return found
        elif status == "pubmed" and fallback is None:
            fallback = _calendar_date(stamp)
    return fallback


# --- parts of a record --------------------------------------------------------------------


def _sections(abstract: etree._Element | None) -> tuple[AbstractSection, ...]:
    if abstract is None:
        return ()
    sections = []
    for part in abstract.iterchildren("AbstractText"):
        text = element_text(part)
        if not text:
            continue
        label = plain_text(part.get("Label")) or None
        category = part.get("NlmCategory") or (nlm_category(label) if label else None)
        sections.append(AbstractSection(text=text, label=label, category=category))
    return tuple(sections)


def _other_abstract(citation: etree._Element) -> tuple[AbstractSection, ...]:
    """Return an English `OtherAbstract`, used when the record has no `Abstract`."""
    for other in citation.iterchildren("OtherAbstract"):
        if normalise_language(other.get("Language")) == "eng":
            sections = _sections(other)
            if sections:
                return sections
    return ()


def _author(author: etree._Element) -> Author | None:
    """Read one `<Author>` in a single pass over its children."""
    last = fore = initials = collective = None
    affiliations: list[str] = []
    for child in author:
        tag = child.tag
        if tag == "LastName":
            last = plain_text(child.text) or None
        elif tag == "ForeName":
            fore = plain_text(child.text) or None
        elif tag == "Initials":
            initials = plain_text(child.text) or None
        elif tag == "CollectiveName":
            collective = element_text(child) or None
        elif tag == "AffiliationInfo":
            text = element_text(_first(child, "Affiliation"))
            if text:
                affiliations.append(text)
    if collective:
        return Author(collective_name=collective, affiliations=tuple(affiliations))
    if last or fore:
        return Author(
            last_name=last, fore_name=fore, initials=initials, affiliations=tuple(affiliations)
        )
    return None


def _authors(author_list: etree._Element | None) -> tuple[Author, ...]:
    if author_list is None:
        return ()
    authors = []
    for element in author_list.iterchildren("Author"):
        if element.get("ValidYN") == "N":
            continue  # NLM marks misspelt or withdrawn names as not valid
        author = _author(element)
        if author is not None:
            authors.append(author)
    return tuple(authors)


def _mesh(heading_list: etree._Element | None) -> tuple[MeshHeading, ...]:
    """Return MeSH headings; a heading is major if its descriptor or a qualifier is."""
    if heading_list is None:
        return ()
    headings = []
    for heading in heading_list.iterchildren("MeshHeading"):
        name = ""
        major = False
        qualifiers = []
        for child in heading:
            if child.tag == "DescriptorName":
                name = plain_text(child.text)
            elif child.tag == "QualifierName":
                qualifier = plain_text(child.text)
                if qualifier:
                    qualifiers.append(qualifier)
            else:
                continue
            major = major or child.get("MajorTopicYN") == "Y"
        if name:
            headings.append(
                MeshHeading(descriptor=name, major_topic=major, qualifiers=tuple(qualifiers))
            )
    return tuple(headings)


def _article_ids(id_list: etree._Element | None) -> dict[str, str]:
    """Return PubmedData's own ids by type (those of cited references live elsewhere)."""
    ids: dict[str, str] = {}
    if id_list is None:
        return ids
    for item in id_list.iterchildren("ArticleId"):
        kind = item.get("IdType")
        value = plain_text(item.text)
        if kind and value and kind not in ids:
            ids[kind] = value
    return ids


def _doi(article: etree._Element, ids: dict[str, str]) -> str | None:
    for location in article.iterchildren("ELocationID"):
        if location.get("EIdType") == "doi" and location.get("ValidYN") != "N":
            value = plain_text(location.text)
            if value:
                return value
    return ids.get("doi")


def _strings(container: etree._Element | None, tag: str) -> tuple[str, ...]:
    if container is None:
        return ()
    return tuple(t for t in (element_text(e) for e in container.iterchildren(tag)) if t)


def _citation(
    journal_iso: str,
    pub_date: PubDate | None,
    issue: dict[str, etree._Element],
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
    volume = element_text(issue.get("Volume"))
    number = element_text(issue.get("Issue"))
    where = volume + (f"({number})" if number else "") + (f":{pages}" if pages else "")
    if where:
        text += f";{where}"
    return text.rstrip(".") + "."


# --- one record ---------------------------------------------------------------------------


def paper_from_element(record: etree._Element, where: str) -> Paper | Skipped:
    """Turn one `<PubmedArticle>` into a `Paper`, or a `Skipped` that says why not."""
    top = _index(record)
    citation = top.get("MedlineCitation")
    cited = _index(citation)
    pmid = plain_text(cited["PMID"].text) if "PMID" in cited else ""
    record_id = pmid or None
    article = cited.get("Article")
    if citation is None or article is None:
        return Skipped(where, "no MedlineCitation/Article element", record_id)
    parts = _index(article)
    languages = [
        code
        for code in (normalise_language(e.text) for e in article.iterchildren("Language"))
        if code
    ]
    if languages and "eng" not in languages:
        return Skipped(where, f"not English (language {', '.join(languages)})", record_id)
    title = element_text(parts.get("ArticleTitle")) or element_text(parts.get("VernacularTitle"))
    if not title:
        return Skipped(where, "no title", record_id)
    abstract = _sections(parts.get("Abstract")) or _other_abstract(citation)
    if not abstract:
        return Skipped(where, "no abstract", record_id)

    pubmed_data = _index(top.get("PubmedData"))
    ids = _article_ids(pubmed_data.get("ArticleIdList"))
    journal = _index(parts.get("Journal"))
    issue = _index(journal.get("JournalIssue"))
    pub_date = _pub_date(issue.get("PubDate"))
    if pub_date is None or pub_date.year is None:
        pub_date = _pub_date(parts.get("ArticleDate")) or pub_date
    journal_iso = element_text(journal.get("ISOAbbreviation"))
    keywords: tuple[str, ...] = ()
    for keyword_list in citation.iterchildren("KeywordList"):
        keywords += _strings(keyword_list, "Keyword")
    return Paper(
        id=pmid or (f"doi:{ids['doi']}" if "doi" in ids else where),
        title=title,
        abstract=abstract,
        pmid=pmid or None,
        doi=_doi(article, ids),
        pmcid=ids.get("pmc"),
        journal_title=element_text(journal.get("Title")) or None,
        journal_iso=journal_iso or None,
        pub_date=pub_date,
        entry_date=_entry_date(pubmed_data.get("History")),
        authors=_authors(parts.get("AuthorList")),
        mesh_headings=_mesh(cited.get("MeshHeadingList")),
        keywords=keywords,
        publication_types=_strings(parts.get("PublicationTypeList"), "PublicationType"),
        language="eng",
        citation=_citation(
            journal_iso,
            pub_date,
            issue,
            element_text(_first(parts.get("Pagination"), "MedlinePgn")),
        ),
        source=where,
    )


def skips_from_element(record: etree._Element, where: str) -> list[Skipped]:
    """Return the skips for a `<PubmedBookArticle>` or a `<DeleteCitation>` (one per PMID)."""
    if record.tag == "PubmedBookArticle":
        pmid = element_text(_first(_first(record, "BookDocument"), "PMID")) or None
        return [Skipped(where, BOOK_REASON, pmid)]
    return [
        Skipped(where, DELETED_REASON, element_text(pmid) or None)
        for pmid in record.iterchildren("PMID")
    ]
