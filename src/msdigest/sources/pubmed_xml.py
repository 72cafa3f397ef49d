"""Read PubMed XML (efetch output, baseline and update files) as a stream of papers.

The file is parsed with `lxml.etree.iterparse` one record at a time and every finished
record is cleared, so memory stays flat however large the file. No DTD is loaded and
nothing is fetched from the network. Text is read with `itertext()`, so inline markup
(`<i>`, `<sup>`, `<sub>`, MathML) never cuts a title or an abstract short.

A record that cannot be used is yielded as a `Skipped` with its reason: no title, no
abstract, not English, a book (`PubmedBookArticle`), or a deletion notice
(`DeleteCitation`, one per deleted PMID). A file that breaks off mid-way (a truncated
download) yields what was read and then a `FileCutShort` naming the line, so a partial
file is never mistaken for a complete one.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from lxml import etree

from msdigest.errors import InputError
from msdigest.paper import AbstractSection, Author, MeshHeading, Paper, PubDate, month_number
from msdigest.sources.language import normalise_language
from msdigest.sources.sections import nlm_category
from msdigest.sources.skipped import Skipped
from msdigest.text.clean import clean_text

__all__ = ["FileCutShort", "iter_pubmed_xml", "paper_from_element", "parse_pubmed_xml_bytes"]

_RECORD_TAGS = ("PubmedArticle", "PubmedBookArticle", "DeleteCitation")
_SET_TAGS = ("PubmedArticleSet", "PubmedBookArticleSet", *_RECORD_TAGS)
_WHITESPACE = re.compile(r"\s+")
_DEBRIS = re.compile(r"&#?\w+;|</?[A-Za-z]|\u200b")  # what clean_text would change
_GZIP_MAGIC = b"\x1f\x8b"
_MONTH_ABBREVIATIONS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]


@dataclass(frozen=True, slots=True)
class FileCutShort(Skipped):
    """The rest of a file that broke off mid-way: records after `where` were not read.

    Callers that must not treat a partial file as complete (the CLI's exit status, an
    ingest run, the E-utilities client) look for this class.
    """


# --- text ---------------------------------------------------------------------------


def _is_math(node: etree._Element) -> bool:
    tag = node.tag
    return isinstance(tag, str) and (tag == "math" or tag.endswith("}math"))


def _itertext(node: etree._Element) -> Iterator[str]:
    return cast("Iterator[str]", node.itertext())


def _math_text(math: etree._Element) -> str:
    """Return MathML as its symbols in reading order: "He3/Xe129 MRI", "VO2max".

    Layout whitespace between MathML elements is dropped; an explicit `<mtext> </mtext>`
    or `<mspace/>` stays a space.
    """
    pieces = []
    for node in math.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        name = tag.rsplit("}", 1)[-1]
        if name == "mspace":
            pieces.append(" ")
        elif name == "mtext":
            pieces.append(_WHITESPACE.sub(" ", "".join(_itertext(node))))
        elif node.text and name != "math":
            pieces.append(node.text.strip())
    return "".join(pieces)


def _raw_text(element: etree._Element) -> str:
    """Return every piece of text inside `element`, inline markup included.

    MathML is squeezed to its symbols ("VO2max" rather than "V . O 2 m a x"), and the
    line-break indentation that pretty-printed files put before `<sub>`/`<sup>` is
    dropped so "β<sub>2</sub>" stays "β2".
    """
    if len(element) == 0:
        return element.text or ""
    pieces: list[str] = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            pass  # an entity that was not expanded (no DTD is read): keep only its tail
        elif _is_math(child):
            pieces.append(_math_text(child))
        else:
            if child.tag in ("sub", "sup") and pieces[-1][-1:].isspace() and "\n" in pieces[-1]:
                pieces[-1] = pieces[-1].rstrip()
            pieces.append("".join(_itertext(child)))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _plain(raw: str | None) -> str:
    """Return `raw` on one line, spaces collapsed, Unicode in NFC.

    Text that still holds entities or tags (debris from double-escaped sources) or
    zero-width spaces goes through `clean_text`; the rest takes the fast path, since this
    runs some sixty times per record.
    """
    if not raw:
        return ""
    text = " ".join(raw.split())
    if ("&" in text or "<" in text or "\u200b" in text) and _DEBRIS.search(text):
        return clean_text(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def _text(element: etree._Element | None) -> str:
    """Return all text inside the element (inline markup included), cleaned."""
    if element is None:
        return ""
    return _plain(element.text if len(element) == 0 else _raw_text(element))


def _leaf(parent: etree._Element, path: str) -> str:
    """Return the cleaned text of a child that never holds markup (names, numbers)."""
    return _plain(parent.findtext(path))


def _int(parent: etree._Element, path: str) -> int | None:
    text = (parent.findtext(path) or "").strip()
    return int(text) if text.isdigit() else None


# --- dates ----------------------------------------------------------------------------


def _pub_date(date: etree._Element | None) -> PubDate | None:
    """Read a PubDate / ArticleDate: Year, Month, Day, Season or MedlineDate."""
    if date is None:
        return None
    medline = _leaf(date, "MedlineDate")
    if medline:
        return PubDate.from_medline_date(medline)
    year = _int(date, "Year")
    if year is None:
        return None
    season = _leaf(date, "Season")
    if season:
        return PubDate.from_medline_date(f"{year} {season}")
    month = month_number(_leaf(date, "Month"))
    day = _int(date, "Day") if month else None
    return PubDate(year=year, month=month, day=day)


def _calendar_date(date: etree._Element | None) -> dt.date | None:
    if date is None:
        return None
    year, month, day = _int(date, "Year"), _int(date, "Month"), _int(date, "Day")
    if year is None:
        return None
    try:
        return dt.date(year, month or 1, day or 1)
    except ValueError:
        return None


def _entry_date(pubmed_data: etree._Element | None) -> dt.date | None:
    """Return the Entrez date (when PubMed listed the record), else the "pubmed" date."""
    if pubmed_data is None:
        return None
    history = pubmed_data.find("History")
    if history is None:
        return None
    for status in ("entrez", "pubmed"):
        for stamp in history.iterfind("PubMedPubDate"):
            if stamp.get("PubStatus") == status:
                found = _calendar_date(stamp)
                if found:
                    return found
    return None


# --- parts of a record ------------------------------------------------------------------


def _abstract(article: etree._Element) -> tuple[AbstractSection, ...]:
    """Return the abstract's sections; fall back to an English `OtherAbstract`."""
    candidates = [article.find("Abstract")]
    citation = article.getparent()
    if citation is not None:
        candidates += [
            other
            for other in citation.iterfind("OtherAbstract")
            if normalise_language(other.get("Language")) == "eng"
        ]
    for abstract in candidates:
        if abstract is None:
            continue
        sections = []
        for part in abstract.iterfind("AbstractText"):
            text = _text(part)
            if not text:
                continue
            label = clean_text(part.get("Label") or "") or None
            category = part.get("NlmCategory") or (nlm_category(label) if label else None)
            sections.append(AbstractSection(text=text, label=label, category=category))
        if sections:
            return tuple(sections)
    return ()


def _author(author: etree._Element) -> Author | None:
    """Read one `<Author>` in a single pass over its children."""
    last = fore = initials = collective = None
    affiliations: list[str] = []
    for child in author:
        tag = child.tag
        if tag == "LastName":
            last = _plain(child.text) or None
        elif tag == "ForeName":
            fore = _plain(child.text) or None
        elif tag == "Initials":
            initials = _plain(child.text) or None
        elif tag == "CollectiveName":
            collective = _text(child) or None
        elif tag == "AffiliationInfo":
            text = _text(child.find("Affiliation"))
            if text:
                affiliations.append(text)
    if collective:
        return Author(collective_name=collective, affiliations=tuple(affiliations))
    if last or fore:
        return Author(
            last_name=last, fore_name=fore, initials=initials, affiliations=tuple(affiliations)
        )
    return None


def _authors(article: etree._Element) -> tuple[Author, ...]:
    author_list = article.find("AuthorList")
    if author_list is None:
        return ()
    authors = []
    for element in author_list.iterfind("Author"):
        if element.get("ValidYN") == "N":
            continue  # NLM marks misspelt or withdrawn names as not valid
        author = _author(element)
        if author is not None:
            authors.append(author)
    return tuple(authors)


def _mesh(citation: etree._Element) -> tuple[MeshHeading, ...]:
    """Return MeSH headings; a heading is major if its descriptor or a qualifier is."""
    heading_list = citation.find("MeshHeadingList")
    if heading_list is None:
        return ()
    headings = []
    for heading in heading_list.iterfind("MeshHeading"):
        name = ""
        major = False
        qualifiers = []
        for child in heading:
            if child.tag == "DescriptorName":
                name = _plain(child.text)
            elif child.tag == "QualifierName":
                qualifier = _plain(child.text)
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


def _article_ids(pubmed_data: etree._Element | None) -> dict[str, str]:
    """Return PubmedData's own ids by type (not those of cited references)."""
    ids: dict[str, str] = {}
    if pubmed_data is None:
        return ids
    for item in pubmed_data.iterfind("ArticleIdList/ArticleId"):
        kind = item.get("IdType")
        value = _text(item)
        if kind and value:
            ids.setdefault(kind, value)
    return ids


def _doi(article: etree._Element, ids: dict[str, str]) -> str | None:
    for location in article.iterfind("ELocationID"):
        if location.get("EIdType") == "doi" and location.get("ValidYN") != "N":
            value = _text(location)
            if value:
                return value
    return ids.get("doi")


def _citation(
    journal_iso: str | None,
    pub_date: PubDate | None,
    issue: etree._Element | None,
    article: etree._Element,
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
    volume = _leaf(issue, "Volume") if issue is not None else ""
    number = _leaf(issue, "Issue") if issue is not None else ""
    pages = _leaf(article, "Pagination/MedlinePgn")
    where = volume + (f"({number})" if number else "") + (f":{pages}" if pages else "")
    if where:
        text += f";{where}"
    return text.rstrip(".") + "."


# --- one record ---------------------------------------------------------------------------


def paper_from_element(record: etree._Element, where: str) -> Paper | Skipped:
    """Turn one `<PubmedArticle>` into a `Paper`, or a `Skipped` that says why not."""
    citation = record.find("MedlineCitation")
    pmid = _leaf(citation, "PMID") if citation is not None else ""
    record_id = pmid or None
    article = citation.find("Article") if citation is not None else None
    if citation is None or article is None:
        return Skipped(where, "no MedlineCitation/Article element", record_id)
    languages = [
        code
        for code in (normalise_language(lang.text) for lang in article.iterfind("Language"))
        if code
    ]
    if languages and "eng" not in languages:
        return Skipped(where, f"not English (language {', '.join(languages)})", record_id)
    title = _text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle"))
    if not title:
        return Skipped(where, "no title", record_id)
    abstract = _abstract(article)
    if not abstract:
        return Skipped(where, "no abstract", record_id)
    pubmed_data = record.find("PubmedData")
    ids = _article_ids(pubmed_data)
    journal = article.find("Journal")
    issue = journal.find("JournalIssue") if journal is not None else None
    pub_date = _pub_date(issue.find("PubDate") if issue is not None else None)
    if pub_date is None or pub_date.year is None:
        pub_date = _pub_date(article.find("ArticleDate")) or pub_date
    journal_iso = _leaf(journal, "ISOAbbreviation") if journal is not None else ""
    pmcid = ids.get("pmc")
    return Paper(
        id=pmid or (f"doi:{ids['doi']}" if "doi" in ids else where),
        title=title,
        abstract=abstract,
        pmid=pmid or None,
        doi=_doi(article, ids),
        pmcid=pmcid,
        journal_title=(_leaf(journal, "Title") if journal is not None else "") or None,
        journal_iso=journal_iso or None,
        pub_date=pub_date,
        entry_date=_entry_date(pubmed_data),
        authors=_authors(article),
        mesh_headings=_mesh(citation),
        keywords=tuple(
            t for t in (_text(k) for k in citation.iterfind("KeywordList/Keyword")) if t
        ),
        publication_types=tuple(
            t
            for t in (
                _plain(p.text) for p in article.iterfind("PublicationTypeList/PublicationType")
            )
            if t
        ),
        language="eng",
        citation=_citation(journal_iso or None, pub_date, issue, article),
        source=where,
    )


def _records(record: etree._Element, where: str) -> Iterator[Paper | Skipped]:
    """Yield what one top-level element means: a paper, or one or more skips."""
    if record.tag == "PubmedArticle":
        try:
            yield paper_from_element(record, where)
        except (ValueError, TypeError, OverflowError) as exc:
            pmid = _text(record.find("MedlineCitation/PMID")) or None
            yield Skipped(where, f"could not read the record: {exc}", pmid)
    elif record.tag == "PubmedBookArticle":
        pmid = _text(record.find("BookDocument/PMID")) or None
        yield Skipped(
            where, "a book or book chapter (PubmedBookArticle), not a journal article", pmid
        )
    else:  # DeleteCitation: PubMed withdrew these PMIDs
        for pmid_element in record.iterfind("PMID"):
            yield Skipped(
                where, "deleted from PubMed (DeleteCitation)", _text(pmid_element) or None
            )


# --- files ----------------------------------------------------------------------------------


def _iter_source(source: io.BufferedIOBase, name: str) -> Iterator[Paper | Skipped]:
    """Yield records from an open binary stream; XML errors propagate to the caller."""
    context = etree.iterparse(
        source,
        events=("end",),
        tag=_RECORD_TAGS,
        no_network=True,
        resolve_entities=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    for number, (_event, element) in enumerate(context, start=1):
        yield from _records(element, f"{name}#{number}")
        # Free the finished record and everything before it: constant memory.
        element.clear(keep_tail=False)
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
    root = context.root
    if root is None or root.tag not in _SET_TAGS:
        tag = root.tag if root is not None else "nothing"
        raise InputError(f"{name}: not PubMed XML (the root element is <{tag}>)")


def _open(path: Path) -> tuple[io.BufferedIOBase, io.BufferedIOBase]:
    """Return (stream to parse, file to close); gzip is recognised by its magic bytes."""
    try:
        handle = path.open("rb")
        magic = handle.read(2)
        handle.seek(0)
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    if magic == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=handle, mode="rb"), handle
    return handle, handle


def iter_pubmed_xml(path: str | Path) -> Iterator[Paper | Skipped]:
    """Yield a `Paper` or `Skipped` for every record of a PubMed XML file (plain or gzip).

    Raises `InputError` when the file cannot be opened or is not PubMed XML at all; a file
    that breaks off after some records yields them and then a `FileCutShort`.
    """
    path = Path(path)
    stream, handle = _open(path)
    read = 0
    try:
        for item in _iter_source(stream, str(path)):
            read += 1
            yield item
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else 0)
        if read == 0 and line <= 1:
            raise InputError(f"{path}: not readable as PubMed XML ({exc.msg})") from exc
        yield FileCutShort(
            f"{path}:{line}",
            f"malformed XML at line {line} ({exc.msg}); the file breaks off here, so records "
            f"after the {read} read were not read",
        )
    except (OSError, EOFError) as exc:  # a damaged or truncated gzip stream
        if read == 0:
            raise InputError(f"{path}: cannot read: {exc}") from exc
        yield FileCutShort(
            str(path),
            f"the file breaks off ({exc}); records after the {read} read were not read",
        )
    finally:
        stream.close()
        handle.close()


def parse_pubmed_xml_bytes(body: bytes, name: str) -> list[Paper | Skipped]:
    """Return every record of an in-memory PubMed XML document (an efetch response).

    Unlike `iter_pubmed_xml`, a body that is not well-formed raises `InputError`: a
    truncated response must be fetched again, never read as fewer records.
    """
    try:
        return list(_iter_source(io.BytesIO(body), name))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name}: malformed or truncated XML ({exc.msg})") from exc
