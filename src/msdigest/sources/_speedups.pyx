# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled speed-ups for reading PubMed XML, each a faster twin of plain-Python code.

- `parts_from_element`: the record walker, `record_parts.parts_from_element` over
  libxml2's nodes. The plain-Python walker asks lxml for every element it looks at, and
  lxml answers with a new Python object each time (its tag a new string, too). Here the
  same walk reads libxml2's node structs directly, through lxml's public C API
  (`etreepublic.pxd`, the documented way for extensions to share lxml's trees), and makes
  Python objects only for the text it returns.
- `plain_text`: `xml_text.plain_text`, with the commonest case (clean ASCII) answered here.
- `find_start_tag`: the search for subtrees no field is read from
  (`unread_subtrees._python_find_start_tag`), in one pass.

Each must return exactly what its twin returns: the tests compare them on every fixture
and on generated input. Only node structs are read (never a libxml2 function called), so
the module links against nothing; lxml's headers are needed only to compile it. Text with
nested markup or MathML inside (rare) is handed to the Python helper `xml_text.raw_text`,
so there is one definition of how such text reads.
"""

from libc.string cimport memchr, memcmp, memset, strcmp

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree
from lxml.includes.tree cimport xmlNode, xmlAttr

from msdigest.sources.record_parts import RecordParts
from msdigest.sources.xml_text import plain_text as _python_plain_text
from msdigest.sources.xml_text import raw_text as _python_raw_text

cetree.import_lxml__etree()

cdef extern from *:
    """
    #ifndef MSDIGEST_SPEEDUPS_SOURCE_SHA256
    #define MSDIGEST_SPEEDUPS_SOURCE_SHA256 ""
    #endif
    """
    const char* MSDIGEST_SPEEDUPS_SOURCE_SHA256

#: SHA-256 of the .pyx this module was compiled from (set by setup.py).
SOURCE_SHA256 = MSDIGEST_SPEEDUPS_SOURCE_SHA256.decode("ascii")

ctypedef const char* cstr


# --- nodes -----------------------------------------------------------------------------------


cdef inline bint _is(xmlNode* node, cstr tag) noexcept:
    """True for an element without a namespace named `tag` (how lxml's tag "Author" reads)."""
    return (
        node.type == tree.XML_ELEMENT_NODE
        and node.ns is NULL
        and strcmp(<cstr>node.name, tag) == 0
    )


cdef inline bint _is_text(xmlNode* node) noexcept:
    return node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE


cdef inline bint _is_xinclude(xmlNode* node) noexcept:
    return node.type == tree.XML_XINCLUDE_START or node.type == tree.XML_XINCLUDE_END


cdef xmlNode* _first(xmlNode* parent, cstr tag) noexcept:
    """Return the first child element named `tag`, or NULL (also for a NULL parent)."""
    cdef xmlNode* child
    if parent is NULL:
        return NULL
    child = parent.children
    while child is not NULL:
        if _is(child, tag):
            return child
        child = child.next
    return NULL


cdef inline str _decode(const tree.xmlChar* content):
    return (<cstr>content).decode("utf-8")


cdef object _collect(xmlNode* child):
    """Return the text of the run of text nodes starting at `child`, as lxml's `.text` and
    `.tail` read it: None when there is no text node there."""
    cdef list pieces
    while child is not NULL and _is_xinclude(child):
        child = child.next
    if child is NULL or not _is_text(child):
        return None
    if child.next is NULL or not (_is_text(child.next) or _is_xinclude(child.next)):
        return _decode(child.content)  # one text node: by far the commonest case
    pieces = []
    while child is not NULL and (_is_text(child) or _is_xinclude(child)):
        if _is_text(child):
            pieces.append(_decode(child.content))
        child = child.next
    return "".join(pieces)


cdef inline object _text(xmlNode* node):
    """Return `.text` as lxml gives it: the text before the first child; None if none."""
    return _collect(node.children)


cdef bint _plain_inline(xmlNode* child) noexcept:
    """True for inline markup such as <i>, <sub>, <sup>: an element, no namespace, not
    MathML, holding only text."""
    cdef xmlNode* inner
    if child.type != tree.XML_ELEMENT_NODE or child.ns is not NULL:
        return False
    if strcmp(<cstr>child.name, b"math") == 0:
        return False
    inner = child.children
    while inner is not NULL:
        if cetree._isElement(inner):
            return False
        inner = inner.next
    return True


cdef object _inline_text(xmlNode* node):
    """Return the text of `node` when its children are text and plain inline markup only
    (what `xml_text._raw_text` gives for that case); None for anything else."""
    cdef xmlNode* child = node.children
    cdef list pieces = [_text(node) or ""]
    cdef str last
    while child is not NULL:
        if _is_text(child) or _is_xinclude(child):
            pass  # read as the text before the first child, or as a tail
        elif _plain_inline(child):
            if strcmp(<cstr>child.name, b"sub") == 0 or strcmp(<cstr>child.name, b"sup") == 0:
                last = pieces[len(pieces) - 1]
                if last[-1:].isspace() and "\n" in last:
                    pieces[len(pieces) - 1] = last.rstrip()
            pieces.append(_text(child) or "")
            pieces.append(_collect(child.next) or "")
        else:
            return None
        child = child.next
    return "".join(pieces)


cdef object _raw_text(cetree._Document doc, xmlNode* node):
    """Return all text inside `node`, as `xml_text.raw_text` does (None for a NULL node)."""
    cdef xmlNode* child
    if node is NULL:
        return None
    child = node.children
    while child is not NULL:
        if cetree._isElement(child):  # markup inside
            text = _inline_text(node)
            if text is None:  # MathML, nested markup, entities: the Python helper reads it
                return _python_raw_text(cetree.elementFactory(doc, node))
            return text
        child = child.next
    return _text(node)


cdef object _attribute(cetree._Document doc, xmlNode* node, cstr name):
    """Return the value of the attribute `name` (no namespace), or None."""
    cdef xmlAttr* attribute = node.properties
    cdef xmlNode* value
    while attribute is not NULL:
        if attribute.ns is NULL and strcmp(<cstr>attribute.name, name) == 0:
            value = attribute.children
            if value is NULL:
                return ""
            if value.next is NULL and value.type == tree.XML_TEXT_NODE:
                return _decode(value.content)
            return cetree.elementFactory(doc, node).get(name.decode("utf-8"))
        attribute = attribute.next
    return None


cdef bint _attribute_is(cetree._Document doc, xmlNode* node, cstr name, cstr wanted):
    """True when the attribute `name` (no namespace) is exactly `wanted`."""
    cdef xmlAttr* attribute = node.properties
    cdef xmlNode* value
    while attribute is not NULL:
        if attribute.ns is NULL and strcmp(<cstr>attribute.name, name) == 0:
            value = attribute.children
            if value is not NULL and value.next is NULL and value.type == tree.XML_TEXT_NODE:
                return strcmp(<cstr>value.content, wanted) == 0
            return _attribute(doc, node, name) == wanted.decode("utf-8")
        attribute = attribute.next
    return False


# --- parts -----------------------------------------------------------------------------------


cdef object _date(xmlNode* date):
    """Return the text of each date child by tag (`record_parts.DateParts`), or None."""
    cdef xmlNode* child
    cdef dict parts
    if date is NULL:
        return None
    parts = {}
    child = date.children
    while child is not NULL:
        if child.type == tree.XML_ELEMENT_NODE and child.ns is NULL:
            if strcmp(<cstr>child.name, b"Year") == 0:
                parts["Year"] = _text(child)
            elif strcmp(<cstr>child.name, b"Month") == 0:
                parts["Month"] = _text(child)
            elif strcmp(<cstr>child.name, b"Day") == 0:
                parts["Day"] = _text(child)
            elif strcmp(<cstr>child.name, b"Season") == 0:
                parts["Season"] = _text(child)
            elif strcmp(<cstr>child.name, b"MedlineDate") == 0:
                parts["MedlineDate"] = _text(child)
        child = child.next
    return parts


cdef tuple _sections(cetree._Document doc, xmlNode* abstract):
    cdef xmlNode* part = abstract.children
    cdef list sections = []
    while part is not NULL:
        if _is(part, b"AbstractText"):
            sections.append(
                (_raw_text(doc, part), _attribute(doc, part, b"Label"),
                 _attribute(doc, part, b"NlmCategory"))
            )
        part = part.next
    return tuple(sections)


cdef tuple _authors(cetree._Document doc, xmlNode* author_list):
    cdef xmlNode* author
    cdef xmlNode* child
    cdef list authors = []
    cdef list affiliations
    if author_list is NULL:
        return ()
    author = author_list.children
    while author is not NULL:
        if _is(author, b"Author") and not _attribute_is(doc, author, b"ValidYN", b"N"):
            last = fore = initials = collective = None
            affiliations = []
            child = author.children
            while child is not NULL:
                if child.type == tree.XML_ELEMENT_NODE and child.ns is NULL:
                    if strcmp(<cstr>child.name, b"LastName") == 0:
                        last = _text(child)
                    elif strcmp(<cstr>child.name, b"ForeName") == 0:
                        fore = _text(child)
                    elif strcmp(<cstr>child.name, b"Initials") == 0:
                        initials = _text(child)
                    elif strcmp(<cstr>child.name, b"AffiliationInfo") == 0:
                        affiliations.append(_raw_text(doc, _first(child, b"Affiliation")))
                    elif strcmp(<cstr>child.name, b"CollectiveName") == 0:
                        collective = _raw_text(doc, child)
                child = child.next
            authors.append((last, fore, initials, collective, tuple(affiliations)))
        author = author.next
    return tuple(authors)


cdef tuple _mesh(cetree._Document doc, xmlNode* heading_list):
    cdef xmlNode* heading
    cdef xmlNode* child
    cdef list headings = []
    cdef list qualifiers
    cdef bint major
    if heading_list is NULL:
        return ()
    heading = heading_list.children
    while heading is not NULL:
        if _is(heading, b"MeshHeading"):
            descriptor = None
            major = False
            qualifiers = []
            child = heading.children
            while child is not NULL:
                if _is(child, b"DescriptorName"):
                    descriptor = _text(child)
                    major = major or _attribute_is(doc, child, b"MajorTopicYN", b"Y")
                elif _is(child, b"QualifierName"):
                    qualifiers.append(_text(child))
                    major = major or _attribute_is(doc, child, b"MajorTopicYN", b"Y")
                child = child.next
            headings.append((descriptor, tuple(qualifiers), major))
        heading = heading.next
    return tuple(headings)


cdef tuple _texts(cetree._Document doc, xmlNode* container, cstr tag):
    cdef xmlNode* child
    cdef list found = []
    if container is NULL:
        return ()
    child = container.children
    while child is not NULL:
        if _is(child, tag):
            found.append(_raw_text(doc, child))
        child = child.next
    return tuple(found)


def parts_from_element(cetree._Element record not None):
    """Return the raw parts of one `<PubmedArticle>` (see `record_parts.RecordParts`)."""
    cdef cetree._Document doc = record._doc
    cdef xmlNode* node = record._c_node
    cdef xmlNode* citation = _first(node, b"MedlineCitation")
    cdef xmlNode* article = _first(citation, b"Article")
    cdef xmlNode* pubmed_data = _first(node, b"PubmedData")
    cdef xmlNode* pmid = _first(citation, b"PMID")
    cdef xmlNode* child
    cdef xmlNode* found
    cdef xmlNode* issue
    cdef list languages = [], locations = [], other_abstracts = [], history = [], ids = []
    cdef tuple keywords = ()
    abstract = ()
    journal = None
    if article is not NULL:
        child = article.children
        while child is not NULL:
            if _is(child, b"Language"):
                languages.append(_text(child))
            elif _is(child, b"ELocationID"):
                locations.append(
                    (_attribute(doc, child, b"EIdType"), _attribute(doc, child, b"ValidYN"),
                     _text(child))
                )
            child = child.next
        found = _first(article, b"Abstract")
        if found is not NULL:
            abstract = _sections(doc, found)
        found = _first(article, b"Journal")
        if found is not NULL:
            issue = _first(found, b"JournalIssue")
            journal = (
                _raw_text(doc, _first(found, b"Title")),
                _raw_text(doc, _first(found, b"ISOAbbreviation")),
                _raw_text(doc, _first(issue, b"Volume")),
                _raw_text(doc, _first(issue, b"Issue")),
                _date(_first(issue, b"PubDate")),
            )
    if citation is not NULL:
        child = citation.children
        while child is not NULL:
            if _is(child, b"OtherAbstract"):
                other_abstracts.append((_attribute(doc, child, b"Language"), _sections(doc, child)))
            elif _is(child, b"KeywordList"):
                keywords += _texts(doc, child, b"Keyword")
            child = child.next
    found = _first(pubmed_data, b"History")
    if found is not NULL:
        child = found.children
        while child is not NULL:
            if _is(child, b"PubMedPubDate"):
                status = _attribute(doc, child, b"PubStatus")
                if status == "entrez" or status == "pubmed":  # record_parts.HISTORY_STATUSES
                    history.append((status, _date(child)))
            child = child.next
    found = _first(pubmed_data, b"ArticleIdList")
    if found is not NULL:
        child = found.children
        while child is not NULL:
            if _is(child, b"ArticleId"):
                ids.append((_attribute(doc, child, b"IdType"), _text(child)))
            child = child.next
    return RecordParts(
        None if pmid is NULL else _text(pmid),
        article is not NULL,
        tuple(languages),
        _raw_text(doc, _first(article, b"ArticleTitle")),
        _raw_text(doc, _first(article, b"VernacularTitle")),
        abstract,
        tuple(other_abstracts),
        journal,
        _date(_first(article, b"ArticleDate")),
        _raw_text(doc, _first(_first(article, b"Pagination"), b"MedlinePgn")),
        tuple(locations),
        _authors(doc, _first(article, b"AuthorList")),
        _mesh(doc, _first(citation, b"MeshHeadingList")),
        keywords,
        _texts(doc, _first(article, b"PublicationTypeList"), b"PublicationType"),
        tuple(history),
        tuple(ids),
    )


# --- clean-up ----------------------------------------------------------------------------------


cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)
    const unsigned char* PyUnicode_1BYTE_DATA(object text)


def plain_text(raw):
    """Return `xml_text.plain_text(raw)`, answering the commonest case without Python code.

    Plain ASCII text with nothing to collapse or clean (no line break, tab, double or
    outer space, "&" or "<") comes back as it is, which is what the Python function does
    for it; anything else goes to that function.
    """
    cdef str text
    cdef const unsigned char* data
    cdef Py_ssize_t size, i
    cdef unsigned char byte
    if raw is None:
        return ""
    text = raw
    size = len(text)
    if size == 0 or not PyUnicode_IS_ASCII(text):
        return _python_plain_text(text)
    data = PyUnicode_1BYTE_DATA(text)
    if data[0] == 32 or data[size - 1] == 32:
        return _python_plain_text(text)
    for i in range(size):
        byte = data[i]
        if byte <= 32 or byte == 38 or byte == 60:  # whitespace or control, "&", "<"
            if byte != 32 or data[i + 1] == 32:  # a single space is fine
                return _python_plain_text(text)
    return text


# --- finding unread subtrees (unread_subtrees.py) -----------------------------------------------


def find_start_tag(bytes data, Py_ssize_t start, Py_ssize_t stop, tuple names):
    """Return (position, which) of the first start tag `<name` in data[start:stop] for any
    of `names` (bytes, without "<"), followed by whitespace or ">"; (-1, -1) if none.

    One pass with `memchr` over the "<"s, where a search per name would read the whole
    block once for each name that is not in it (`unread_subtrees._python_find_start_tag`).
    """
    cdef const char* buffer = data
    cdef Py_ssize_t size = len(data), which, count = len(names)
    cdef const char* found
    cdef const char* name[8]
    cdef Py_ssize_t length[8]
    cdef bint first[256]
    cdef char follow
    if count > 8:
        raise ValueError("at most 8 names")
    memset(first, 0, sizeof(first))
    for which in range(count):
        name[which] = <bytes>names[which]
        length[which] = len(<bytes>names[which])
        if length[which]:
            first[<unsigned char>name[which][0]] = True
    if stop > size:
        stop = size
    while start < stop:
        found = <const char*>memchr(buffer + start, 60, stop - start)  # "<"
        if found is NULL:
            break
        start = found - buffer
        if start + 1 < size and first[<unsigned char>found[1]]:
            for which in range(count):
                if start + 1 + length[which] < size and memcmp(
                    found + 1, name[which], length[which]
                ) == 0:
                    follow = buffer[start + 1 + length[which]]
                    if follow == 32 or follow == 9 or follow == 13 or follow == 10 or follow == 62:
                        return start, which
        start += 1
    return -1, -1
