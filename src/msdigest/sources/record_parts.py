"""The raw parts of one `<PubmedArticle>`: what a `Paper` is made from, before clean-up.

Reading a record has two halves. Walking the tree to find each field's element is where
the time goes (lxml makes a Python object for every element it hands out), so it is done
by a *walker*; turning the raw text into a `Paper` (clean-up, dates, citation, reasons to
skip) is the same whoever walked, and lives in `pubmed_record.py`.

There are two walkers with one contract, `RecordParts`:

- `parts_from_element` here, in plain Python over lxml's element API: the reference, and
  what runs when the compiled walker is not installed;
- `msdigest.sources._speedups.parts_from_element`, in Cython over libxml2's nodes (lxml's
  public C API), built at install time when a C compiler is at hand: about seven times
  faster than this one.

Tests run both over every fixture and over generated records and require equal parts, so
the compiled walker can only ever be a faster copy of this one. Text is kept exactly as
lxml reports it: a name or date part is the element's `.text` (the text before its first
child), a title, abstract or affiliation is `xml_text.raw_text` (all the text inside it,
inline markup included). `None` stands for an element or attribute that is not there.
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
    "first_child",
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
#: The History stamps a paper's entry date comes from.
HISTORY_STATUSES = frozenset({"entrez", "pubmed"})


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
    history: tuple[tuple[Raw, DateParts], ...]  # PubmedData/History: (PubStatus, date),
    # the "entrez" and "pubmed" stamps only (the other stamps are never read)
    article_ids: tuple[tuple[Raw, Raw], ...]  # PubmedData/ArticleIdList: (IdType, text)


# --- the plain-Python walker ----------------------------------------------------------------


def first_child(element: Element | None, tag: str) -> Element | None:
    """Return the first child of `element` with this tag; None if none (or no element)."""
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
                affiliations.append(_full_text(first_child(child, "Affiliation")))
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


def _grouped(element: Element | None) -> dict[str, list[Element]]:
    """Return the children of `element` by tag, in one pass.

    lxml makes a new object for every child it hands out, so each element's children are
    listed once here rather than searched again for every field.
    """
    groups: dict[str, list[Element]] = {}
    if element is not None:
        for child in children(element):
            if child.tag in groups:
                groups[child.tag].append(child)
            else:
                groups[child.tag] = [child]
    return groups


def _head(groups: dict[str, list[Element]], tag: str) -> Element | None:
    found = groups.get(tag)
    return found[0] if found else None


def _journal(journal: Element) -> JournalParts:
    parts = _grouped(journal)
    issue = _grouped(_head(parts, "JournalIssue"))
    return (
        _full_text(_head(parts, "Title")),
        _full_text(_head(parts, "ISOAbbreviation")),
        _full_text(_head(issue, "Volume")),
        _full_text(_head(issue, "Issue")),
        _date(_head(issue, "PubDate")),
    )


def _texts(container: Element | None, tag: str) -> tuple[Raw, ...]:
    if container is None:
        return ()
    return tuple(raw_text(child) for child in children(container) if child.tag == tag)


def parts_from_element(record: Element) -> RecordParts:
    """Return the raw parts of one `<PubmedArticle>` (the reference walker)."""
    top = _grouped(record)
    citation = _grouped(_head(top, "MedlineCitation"))
    article_element = _head(citation, "Article")
    article = _grouped(article_element)
    pubmed_data = _grouped(_head(top, "PubmedData"))
    pmid = _head(citation, "PMID")
    abstract = _head(article, "Abstract")
    journal = _head(article, "Journal")
    history = _head(pubmed_data, "History")
    id_list = _head(pubmed_data, "ArticleIdList")
    keywords: tuple[Raw, ...] = ()
    for keyword_list in citation.get("KeywordList", ()):
        keywords += _texts(keyword_list, "Keyword")
    return RecordParts(
        pmid=pmid.text if pmid is not None else None,
        has_article=article_element is not None,
        languages=tuple(child.text for child in article.get("Language", ())),
        title=_full_text(_head(article, "ArticleTitle")),
        vernacular_title=_full_text(_head(article, "VernacularTitle")),
        abstract=_sections(abstract) if abstract is not None else (),
        other_abstracts=tuple(
            (other.get("Language"), _sections(other)) for other in citation.get("OtherAbstract", ())
        ),
        journal=_journal(journal) if journal is not None else None,
        article_date=_date(_head(article, "ArticleDate")),
        pages=_full_text(first_child(_head(article, "Pagination"), "MedlinePgn")),
        locations=tuple(
            (child.get("EIdType"), child.get("ValidYN"), child.text)
            for child in article.get("ELocationID", ())
        ),
        authors=_authors(_head(article, "AuthorList")),
        mesh=_mesh(_head(citation, "MeshHeadingList")),
        keywords=keywords,
        publication_types=_texts(_head(article, "PublicationTypeList"), "PublicationType"),
        history=tuple(
            (status, _date(stamp) or {})
            for stamp in (children(history) if history is not None else ())
            if stamp.tag == "PubMedPubDate"
            and (status := stamp.get("PubStatus")) in HISTORY_STATUSES
        ),
        article_ids=tuple(
            (item.get("IdType"), item.text)
            for item in (children(id_list) if id_list is not None else ())
            if item.tag == "ArticleId"
        ),
    )
