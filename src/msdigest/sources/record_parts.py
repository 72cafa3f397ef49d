"""The raw parts of one `<PubmedArticle>`: what a `Paper` is made from, before clean-up.

Reading a record has two halves. Walking the tree to find each field's element is where
the time goes (lxml makes a Python object for every element it hands out), so it is done
by a *walker*; turning the raw text into a `Paper` (clean-up, dates, citation, reasons to
skip) is the same whoever walked, and lives in `pubmed_record.py`.

There are two walkers with one contract, `RecordParts`:

- `parts_from_element` here, in plain Python over lxml's element API: the reference, and
  what runs when the compiled walker is not installed;
- `msdigest.sources._record_walk`, in Cython over libxml2's nodes (lxml's public C API),
  built at install time when a C compiler is at hand: about six times faster, and the
  difference between ~4,000 and ~6,000 records/s for the whole parser.

Tests run both over every fixture and over generated records and require equal parts, so
the compiled walker can only ever be a faster copy of this one. Text is kept exactly as
lxml reports it: `text()` is an element's `.text` (text before its first child),
`raw_text()` is all the text inside it, inline markup included (`xml_text`). `None`
stands for an element or attribute that is not there.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from msdigest.sources.xml_text import children, raw_text

__all__ = [
    "AuthorParts",
    "DateParts",
    "JournalParts",
    "MeshParts",
    "RecordParts",
    "SectionParts",
    "parts_from_element",
]

Element = etree._Element
Raw = str | None

#: `<AbstractText>`: (raw text, Label, NlmCategory).
SectionParts = tuple[Raw, Raw, Raw]
#: A valid `<Author>`: (LastName, ForeName, Initials, CollectiveName raw text, the raw
#: text of each AffiliationInfo's first Affiliation); the last of each name wins.
AuthorParts = tuple[Raw, Raw, Raw, Raw, tuple[Raw, ...]]
#: `<MeshHeading>`: (DescriptorName text (the last), QualifierName texts, whether the
#: descriptor or any qualifier is a major topic).
MeshParts = tuple[Raw, tuple[Raw, ...], bool]
#: `<PubDate>` / `<ArticleDate>` / `<PubMedPubDate>`: the text of each date child by tag
#: (Year, Month, Day, Season, MedlineDate; the last of a tag wins).
DateParts = dict[str, Raw]
#: `<Journal>`: (Title, ISOAbbreviation, JournalIssue/Volume, JournalIssue/Issue raw
#: texts, JournalIssue/PubDate); the first of each.
JournalParts = tuple[Raw, Raw, Raw, Raw, DateParts | None]

DATE_TAGS = frozenset({"Year", "Month", "Day", "Season", "MedlineDate"})


@dataclass(slots=True)
class RecordParts:
    """Everything a `Paper` is read from, as found in one `<PubmedArticle>`.

    Where PubMed allows an element more than once but one is meant (the record's
    MedlineCitation, Article, Abstract...), the first is taken, as NLM's own tools do.
    """

    pmid: Raw  # MedlineCitation/PMID
    has_article: bool  # MedlineCitation/Article exists
    languages: tuple[Raw, ...]  # Article/Language, each
    title: Raw  # Article/ArticleTitle, raw text
    vernacular_title: Raw  # Article/VernacularTitle, raw text
    abstract: tuple[SectionParts, ...]  # Article/Abstract/AbstractText
    other_abstracts: tuple[tuple[Raw, tuple[SectionParts, ...]], ...]  # (Language, sections)
    journal: JournalParts | None  # Article/Journal
    article_date: DateParts | None  # Article/ArticleDate
    pages: Raw  # Article/Pagination/MedlinePgn, raw text
    locations: tuple[tuple[Raw, Raw, Raw], ...]  # ELocationID: (EIdType, ValidYN, text)
    authors: tuple[AuthorParts, ...]  # Article/AuthorList/Author, valid ones
    mesh: tuple[MeshParts, ...]  # MeshHeadingList/MeshHeading
    keywords: tuple[Raw, ...]  # KeywordList/Keyword raw texts, every list
    publication_types: tuple[Raw, ...]  # PublicationTypeList/PublicationType raw texts
    history: tuple[tuple[Raw, DateParts], ...]  # PubmedData/History: (PubStatus, date)
    article_ids: tuple[tuple[Raw, Raw], ...]  # PubmedData/ArticleIdList: (IdType, text)


# --- the plain-Python walker ----------------------------------------------------------------


def _first(element: Element | None, tag: str) -> Element | None:
    if element is None:
        return None
    for child in children(element):
        if child.tag == tag:
            return child
    return None


def _full_text(element: Element | None) -> Raw:
    return None if element is None else raw_text(element)


def _date(date: Element | None) -> DateParts | None:
    if date is None:
        return None
    return {child.tag: child.text for child in children(date) if child.tag in DATE_TAGS}


def _sections(abstract: Element) -> tuple[SectionParts, ...]:
    return tuple(
        (raw_text(part), part.get("Label"), part.get("NlmCategory"))
        for part in children(abstract)
        if part.tag == "AbstractText"
    )


def _authors(author_list: Element | None) -> tuple[AuthorParts, ...]:
    if author_list is None:
        return ()
    authors = []
    for author in children(author_list):
        if author.tag != "Author" or author.get("ValidYN") == "N":
            continue  # NLM marks misspelt or withdrawn names as not valid
        last = fore = initials = collective = None
        affiliations: list[Raw] = []
        for child in children(author):
            tag = child.tag
            if tag == "LastName":
                last = child.text
            elif tag == "ForeName":
                fore = child.text
            elif tag == "Initials":
                initials = child.text
            elif tag == "AffiliationInfo":
                affiliations.append(_full_text(_first(child, "Affiliation")))
            elif tag == "CollectiveName":
                collective = raw_text(child)
        authors.append((last, fore, initials, collective, tuple(affiliations)))
    return tuple(authors)


def _mesh(heading_list: Element | None) -> tuple[MeshParts, ...]:
    if heading_list is None:
        return ()
    headings = []
    for heading in children(heading_list):
        if heading.tag != "MeshHeading":
            continue
        descriptor = None
        major = False
        qualifiers = []
        for child in children(heading):
            tag = child.tag
            if tag == "DescriptorName":
                descriptor = child.text
            elif tag == "QualifierName":
                qualifiers.append(child.text)
            else:
                continue
            if child.get("MajorTopicYN") == "Y":
                major = True
        headings.append((descriptor, tuple(qualifiers), major))
    return tuple(headings)


def _journal(journal: Element) -> JournalParts:
    issue = _first(journal, "JournalIssue")
    return (
        _full_text(_first(journal, "Title")),
        _full_text(_first(journal, "ISOAbbreviation")),
        _full_text(_first(issue, "Volume")),
        _full_text(_first(issue, "Issue")),
        _date(_first(issue, "PubDate")),
    )


def _texts(container: Element | None, tag: str) -> tuple[Raw, ...]:
    if container is None:
        return ()
    return tuple(raw_text(child) for child in children(container) if child.tag == tag)


def parts_from_element(record: Element) -> RecordParts:
    """Return the raw parts of one `<PubmedArticle>` (the reference walker)."""
    citation = _first(record, "MedlineCitation")
    article = _first(citation, "Article")
    pubmed_data = _first(record, "PubmedData")
    pmid = _first(citation, "PMID")
    languages: list[Raw] = []
    locations = []
    abstract: tuple[SectionParts, ...] = ()
    other_abstracts: tuple[tuple[Raw, tuple[SectionParts, ...]], ...] = ()
    journal = None
    if article is not None:
        for child in children(article):
            if child.tag == "Language":
                languages.append(child.text)
            elif child.tag == "ELocationID":
                locations.append((child.get("EIdType"), child.get("ValidYN"), child.text))
        found = _first(article, "Abstract")
        abstract = _sections(found) if found is not None else ()
        found = _first(article, "Journal")
        journal = _journal(found) if found is not None else None
    if citation is not None:
        other_abstracts = tuple(
            (other.get("Language"), _sections(other))
            for other in children(citation)
            if other.tag == "OtherAbstract"
        )
    keywords: tuple[Raw, ...] = ()
    for child in children(citation) if citation is not None else ():
        if child.tag == "KeywordList":
            keywords += _texts(child, "Keyword")
    history = _first(pubmed_data, "History")
    id_list = _first(pubmed_data, "ArticleIdList")
    return RecordParts(
        pmid=pmid.text if pmid is not None else None,
        has_article=article is not None,
        languages=tuple(languages),
        title=_full_text(_first(article, "ArticleTitle")),
        vernacular_title=_full_text(_first(article, "VernacularTitle")),
        abstract=abstract,
        other_abstracts=other_abstracts,
        journal=journal,
        article_date=_date(_first(article, "ArticleDate")),
        pages=_full_text(_first(_first(article, "Pagination"), "MedlinePgn")),
        locations=tuple(locations),
        authors=_authors(_first(article, "AuthorList")),
        mesh=_mesh(_first(citation, "MeshHeadingList")),
        keywords=keywords,
        publication_types=_texts(_first(article, "PublicationTypeList"), "PublicationType"),
        history=tuple(
            (stamp.get("PubStatus"), _date(stamp) or {})
            for stamp in (children(history) if history is not None else ())
            if stamp.tag == "PubMedPubDate"
        ),
        article_ids=tuple(
            (item.get("IdType"), item.text)
            for item in (children(id_list) if id_list is not None else ())
            if item.tag == "ArticleId"
        ),
    )
