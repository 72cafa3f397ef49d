"""Read PubMed XML (efetch output, baseline and update files) as a stream of papers.

The file is fed to lxml's pull parser (the machinery under `iterparse`) a block at a time;
each record is read as soon as the parser has moved past it and then freed, so memory
stays flat however large the file. Parts of a record that no field comes from are blanked
before parsing (`unread_subtrees`). No DTD is loaded and nothing is fetched from the
network. Text is read with `itertext()`, so inline markup (`<i>`, `<sup>`, `<sub>`,
MathML) never cuts a title or an abstract short.

A record that cannot be used is yielded as a `Skipped` with its reason: no title, no
abstract, not English, a book (`PubmedBookArticle`), or a deletion notice
(`DeleteCitation`, one per deleted PMID). A file that breaks off mid-way (a truncated
download) yields what was read and then a `FileCutShort` naming the line, so a partial
file is never mistaken for a complete one.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from msdigest.errors import InputError
from msdigest.paper import Paper
from msdigest.sources.pubmed_record import paper_from_element, skips_from_element
from msdigest.sources.skipped import Skipped
from msdigest.sources.unread_subtrees import UnreadSubtrees
from msdigest.sources.xml_text import element_text

__all__ = ["FileCutShort", "iter_pubmed_xml", "paper_from_element", "parse_pubmed_xml_bytes"]

_RECORD_TAGS = ("PubmedArticle", "PubmedBookArticle", "DeleteCitation")
_SET_TAGS = ("PubmedArticleSet", "PubmedBookArticleSet", *_RECORD_TAGS)
_GZIP_MAGIC = b"\x1f\x8b"
_BLOCK = 1 << 15  # bytes read and parsed at a time (as iterparse does)


@dataclass(frozen=True, slots=True)
class FileCutShort(Skipped):
    """The rest of a file that broke off mid-way: records after `where` were not read.

    Callers that must not treat a partial file as complete (the CLI's exit status, an
    ingest run, the E-utilities client) look for this class.
    """


# --- files ----------------------------------------------------------------------------------


def _records(record: etree._Element, where: str) -> Iterator[Paper | Skipped]:
    """Yield what one top-level element means: a paper, or one or more skips."""
    if record.tag == "PubmedArticle":
        try:
            yield paper_from_element(record, where)
        except (ValueError, TypeError, OverflowError) as exc:
            pmid = element_text(record.find("MedlineCitation/PMID")) or None
            yield Skipped(where, f"could not read the record: {exc}", pmid)
    else:
        yield from skips_from_element(record, where)


def _parser() -> etree.XMLPullParser:
    """Return a parser that reports only the start of the set element.

    The records are taken from the set as they complete, so lxml raises no Python-level
    event for any of the other elements (an end event costs it a trip into Python).
    """
    return etree.XMLPullParser(
        events=("start",),
        tag=_SET_TAGS[:2],
        no_network=True,
        resolve_entities=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _iter_source(source: io.BufferedIOBase, name: str) -> Iterator[Paper | Skipped]:
    """Yield records from an open binary stream; read and XML errors propagate.

    After each block of input, every record of the set but the last is complete (the
    parser has moved past it): it is read and then freed, so memory stays flat however
    long the file. The last record is read at the end of the document; when the input
    breaks off, only if text after it shows that its end tag was parsed, so a record cut
    short is never read as a whole one.
    """
    parser = _parser()
    stream = UnreadSubtrees(source, _BLOCK)
    root: etree._Element | None = None
    number = 0
    ended = False
    error: Exception | None = None
    while not ended and error is None:
        try:
            data = stream.read(_BLOCK)
            ended = not data
            if data:
                parser.feed(data)
            else:
                document = parser.close()
                root = document if root is None else root
        except (etree.XMLSyntaxError, OSError, EOFError) as exc:
            error = exc
        for _event, element in parser.read_events():
            if root is None and isinstance(element, etree._Element):
                root = element.getroottree().getroot()
        if root is None or root.tag not in _SET_TAGS[:2]:
            continue
        if error is None:
            keep = 0 if ended else 1
        else:
            keep = 0 if len(root) and root[-1].tail is not None else 1
        while len(root) > keep:
            record = root[0]
            if record.tag in _RECORD_TAGS:
                number += 1
                yield from _records(record, f"{name}#{number}")
            # Drop our reference first: lxml then frees the record's nodes at once
            # instead of moving them to a document of their own to free later.
            del record
            del root[0]
    if error is not None:
        raise error
    if root is not None and root.tag in _RECORD_TAGS:
        yield from _records(root, f"{name}#1")  # a document that is one record
    elif root is None or root.tag not in _SET_TAGS:
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
