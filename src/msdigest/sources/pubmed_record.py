"""Turn one `<PubmedArticle>` element into a `Paper`, or a `Skipped` that says why not.

Every field of the record is read here: PMID, DOI (the article's own, never a cited
reference's), PMC id, title (with `VernacularTitle` as the fallback), abstract sections
with labels and NLM categories, journal, publication date (Year/Month/Day, Season or
`MedlineDate`, with `ArticleDate` as the fallback), Entrez date, authors (people and
groups, with affiliations), MeSH headings with major-topic flags and qualifiers,
keywords, publication types and language.

This runs for every record of files with hundreds of thousands of them, so each element
is read in one pass over its children, dispatching on the tag, and never searched with
`find()` or XPath (lxml runs Python code for every such call). The children are taken as
a list (`children()`): for the small elements of a record, lxml's child iterator costs
more to set up than the loop itself. Subtrees that no field comes from (references,
grants, comments and corrections) are never entered.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from msdigest.paper import AbstractSection, Author, MeshHeading, Paper, PubDate, month_number
from msdigest.sources.language import normalise_language
from msdigest.sources.sections import nlm_category
from msdigest.sources.skipped import Skipped
from msdigest.sources.xml_text import children, element_text, plain_text

__all__ = ["paper_from_element", "skips_from_element"]

_MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # noqa: SIM905

BOOK_REASON = "a book or book chapter (PubmedBookArticle), not a journal article"
DELETED_REASON = "deleted from PubMed (DeleteCitation)"

Element = etree._Element


def _first(element: Element | None, tag: str) -> Element | None:
    if element is None:
        return None
    for child in children(element):
        if child.tag == tag:
            return child
    return None


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.isdigit():
        text = text.strip()
        if not text.isdigit():
            return None
    return int(text)


# --- dates --------------------------------------------------------------------------------


def _pub_date(date: Element | None) -> PubDate | None:
    """Read a PubDate / ArticleDate: Year, Month, Day, Season or MedlineDate."""
    if date is None:
        return None
    parts = {child.tag: child.text for child in children(date)}
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


def _calendar_date(date: Element) -> dt.date | None:
    year = month = day = None
    for child in children(date):
        tag = child.tag
        if tag == "Year":
            year = child.text
        elif tag == "Month":
            month = child.text
        elif tag == "Day":
            day = child.text
    number = _number(year)
    if number is None:
        return None
    try:
        return dt.date(number, _number(month) or 1, _number(day) or 1)
    except ValueError:
        return None


def _entry_date(history: Element | None) -> dt.date | None:
    """Return the Entrez date (when PubMed listed the record), else the "pubmed" date.

    The "pubmed" dates are read only when no Entrez date is usable: most records have
    one, and it often comes after the "pubmed" date.
    """
    if history is None:
        return None
    pubmed_stamps = []
    for stamp in children(history):
        if stamp.tag != "PubMedPubDate":
            continue
        status = stamp.get("PubStatus")
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


def _sections(abstract: Element | None) -> tuple[AbstractSection, ...]:
    if abstract is None:
        return ()
    sections = []
    for part in children(abstract):
        if part.tag != "AbstractText":
            continue
        text = element_text(part)
        if not text:
            continue
        label = plain_text(part.get("Label")) or None
        category = part.get("NlmCategory") or (nlm_category(label) if label else None)
        sections.append(AbstractSection(text, label, category))
    return tuple(sections)


def _other_abstract(others: list[Element]) -> tuple[AbstractSection, ...]:
    """Return an English `OtherAbstract`, used when the record has no `Abstract`."""
    for other in others:
        if normalise_language(other.get("Language")) == "eng":
            sections = _sections(other)
            if sections:
                return sections
    return ()


def _authors(author_list: Element | None) -> tuple[Author, ...]:
    """Read the `<Author>`s of a list, each in a single pass over its children."""
    if author_list is None:
        return ()
    authors = []
    for author in children(author_list):
        if author.tag != "Author" or author.get("ValidYN") == "N":
            continue  # NLM marks misspelt or withdrawn names as not valid
        last = fore = initials = collective = None
        affiliations: list[str] = []
        for child in children(author):
            tag = child.tag
            if tag == "LastName":
                last = plain_text(child.text) or None
            elif tag == "ForeName":
                fore = plain_text(child.text) or None
            elif tag == "Initials":
                initials = plain_text(child.text) or None
            elif tag == "AffiliationInfo":
                text = element_text(_first(child, "Affiliation"))
                if text:
                    affiliations.append(text)
            elif tag == "CollectiveName":
                collective = element_text(child) or None
        if collective:
            authors.append(Author(collective_name=collective, affiliations=tuple(affiliations)))
        elif last or fore:
            authors.append(Author(last, fore, initials, None, tuple(affiliations)))
    return tuple(authors)


def _mesh(heading_list: Element | None) -> tuple[MeshHeading, ...]:
    """Return MeSH headings; a heading is major if its descriptor or a qualifier is."""
    if heading_list is None:
        return ()
    headings = []
    for heading in children(heading_list):
        if heading.tag != "MeshHeading":
            continue
        name = ""
        major = False
        qualifiers = []
        for child in children(heading):
            tag = child.tag
            if tag == "DescriptorName":
                name = plain_text(child.text)
            elif tag == "QualifierName":
                qualifier = plain_text(child.text)
                if qualifier:
                    qualifiers.append(qualifier)
            else:
                continue
            if not major and child.get("MajorTopicYN") == "Y":
                major = True
        if name:
            headings.append(MeshHeading(name, major, tuple(qualifiers)))
    return tuple(headings)


def _article_ids(id_list: Element | None) -> dict[str, str]:
    """Return PubmedData's own ids by type (those of cited references live elsewhere)."""
    ids: dict[str, str] = {}
    if id_list is None:
        return ids
    for item in children(id_list):
        if item.tag != "ArticleId":
            continue
        kind = item.get("IdType")
        if kind and kind not in ids:
            value = plain_text(item.text)
            if value:
                ids[kind] = value
    return ids


def _doi(locations: list[Element], ids: dict[str, str]) -> str | None:
    for location in locations:
        if location.get("EIdType") == "doi" and location.get("ValidYN") != "N":
            value = plain_text(location.text)
            if value:
                return value
    return ids.get("doi")


def _strings(container: Element | None, tag: str) -> tuple[str, ...]:
    if container is None:
        return ()
    found = []
    for child in children(container):
        if child.tag == tag:
            text = element_text(child)
            if text:
                found.append(text)
    return tuple(found)


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


class _Journal:
    """The parts of `<Journal>` a paper uses, read in one pass."""

    __slots__ = ("iso", "number", "pub_date", "title", "volume")

    def __init__(self, journal: Element | None) -> None:
        self.title = self.iso = self.volume = self.number = ""
        self.pub_date: PubDate | None = None
        if journal is None:
            return
        issue = title = iso = None
        for child in children(journal):
            tag = child.tag
            if tag == "JournalIssue":
                if issue is None:
                    issue = child
            elif tag == "Title":
                if title is None:
                    title = child
            elif tag == "ISOAbbreviation" and iso is None:
                iso = child
        self.title = element_text(title)
        self.iso = element_text(iso)
        if issue is not None:
            volume = number = date = None
            for child in children(issue):
                tag = child.tag
                if tag == "Volume":
                    if volume is None:
                        volume = child
                elif tag == "Issue":
                    if number is None:
                        number = child
                elif tag == "PubDate" and date is None:
                    date = child
            self.volume = element_text(volume)
            self.number = element_text(number)
            self.pub_date = _pub_date(date)


def paper_from_element(record: Element, where: str) -> Paper | Skipped:
    """Turn one `<PubmedArticle>` into a `Paper`, or a `Skipped` that says why not."""
    citation = pubmed_data = None
    for child in children(record):
        tag = child.tag
        if tag == "MedlineCitation":
            if citation is None:
                citation = child
        elif tag == "PubmedData" and pubmed_data is None:
            pubmed_data = child
    pmid_element = article = mesh_list = None
    keyword_lists: list[Element] = []
    other_abstracts: list[Element] = []
    if citation is not None:
        for child in children(citation):
            tag = child.tag
            if tag == "Article":
                if article is None:
                    article = child
            elif tag == "PMID":
                if pmid_element is None:
                    pmid_element = child
            elif tag == "MeshHeadingList":
                if mesh_list is None:
                    mesh_list = child
            elif tag == "KeywordList":
                keyword_lists.append(child)
            elif tag == "OtherAbstract":
                other_abstracts.append(child)
    pmid = plain_text(pmid_element.text) if pmid_element is not None else ""
    record_id = pmid or None
    if citation is None or article is None:
        return Skipped(where, "no MedlineCitation/Article element", record_id)

    journal = title = vernacular = pagination = abstract = author_list = None
    type_list = article_date = None
    locations: list[Element] = []
    languages: list[str] = []
    for child in children(article):
        tag = child.tag
        if tag == "AuthorList":
            if author_list is None:
                author_list = child
        elif tag == "Abstract":
            if abstract is None:
                abstract = child
        elif tag == "ArticleTitle":
            if title is None:
                title = child
        elif tag == "Journal":
            if journal is None:
                journal = child
        elif tag == "ELocationID":
            locations.append(child)
        elif tag == "Language":
            code = normalise_language(child.text)
            if code:
                languages.append(code)
        elif tag == "PublicationTypeList":
            if type_list is None:
                type_list = child
        elif tag == "Pagination":
            if pagination is None:
                pagination = child
        elif tag == "ArticleDate":
            if article_date is None:
                article_date = child
        elif tag == "VernacularTitle" and vernacular is None:
            vernacular = child
    if languages and "eng" not in languages:
        return Skipped(where, f"not English (language {', '.join(languages)})", record_id)
    title_text = element_text(title) or element_text(vernacular)
    if not title_text:
        return Skipped(where, "no title", record_id)
    sections = _sections(abstract) or _other_abstract(other_abstracts)
    if not sections:
        return Skipped(where, "no abstract", record_id)

    history = id_list = None
    if pubmed_data is not None:
        for child in children(pubmed_data):
            tag = child.tag
            if tag == "History":
                if history is None:
                    history = child
            elif tag == "ArticleIdList" and id_list is None:
                id_list = child
    ids = _article_ids(id_list)
    issue = _Journal(journal)
    pub_date = issue.pub_date
    if pub_date is None or pub_date.year is None:
        pub_date = _pub_date(article_date) or pub_date
    keywords: tuple[str, ...] = ()
    for keyword_list in keyword_lists:
        keywords += _strings(keyword_list, "Keyword")
    return Paper(
        id=pmid or (f"doi:{ids['doi']}" if "doi" in ids else where),
        title=title_text,
        abstract=sections,
        pmid=pmid or None,
        doi=_doi(locations, ids),
        pmcid=ids.get("pmc"),
        journal_title=issue.title or None,
        journal_iso=issue.iso or None,
        pub_date=pub_date,
        entry_date=_entry_date(history),
        authors=_authors(author_list),
        mesh_headings=_mesh(mesh_list),
        keywords=keywords,
        publication_types=_strings(type_list, "PublicationType"),
        language="eng",
        citation=_citation(
            issue.iso,
            pub_date,
            issue.volume,
            issue.number,
            element_text(_first(pagination, "MedlinePgn")),
        ),
        source=where,
    )


def skips_from_element(record: Element, where: str) -> list[Skipped]:
    """Return the skips for a `<PubmedBookArticle>` or a `<DeleteCitation>` (one per PMID)."""
    if record.tag == "PubmedBookArticle":
        pmid = element_text(_first(_first(record, "BookDocument"), "PMID")) or None
        return [Skipped(where, BOOK_REASON, pmid)]
    return [
        Skipped(where, DELETED_REASON, element_text(pmid) or None)
        for pmid in children(record)
        if pmid.tag == "PMID"
    ]
