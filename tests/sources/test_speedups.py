"""The compiled speed-ups give exactly what their plain-Python twins give, and are used.

`msdigest.sources._speedups` (Cython) holds faster copies of the record walker
(`record_parts.parts_from_element`), the text clean-up (`xml_text.plain_text`) and the
unread-subtree search (`unread_subtrees._python_find_start_tag`). These tests hold each to
its twin on every fixture, on the real records in ../shared/eval when present, and on
generated input full of the odd things PubMed XML can hold (inline markup, MathML, CDATA,
comments, entities, namespaced look-alikes, repeated elements, invalid authors).

Where the speed-ups were not built (no C compiler), their tests skip, unless
MSDIGEST_REQUIRE_COMPILED=1 (set by CI), which makes a missing build a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from msdigest.sources import pubmed_record, record_parts, speedups
from msdigest.sources.pubmed_xml import iter_pubmed_xml
from msdigest.sources.unread_subtrees import UNREAD_TAGS, _python_find_start_tag
from msdigest.sources.xml_text import plain_text
from tests.conftest import FIXTURES, SAMPLE_CORPUS, SHARED_EVAL

try:
    from msdigest.sources import _speedups
except ImportError:  # not built here
    _speedups = None

REQUIRED = os.environ.get("MSDIGEST_REQUIRE_COMPILED", "") not in ("", "0")


def _compiled() -> ModuleType:
    """Return the compiled module; skip (fail under MSDIGEST_REQUIRE_COMPILED=1) without it."""
    if _speedups is None:
        if REQUIRED:
            pytest.fail("the compiled speed-ups are not installed (MSDIGEST_REQUIRE_COMPILED=1)")
        pytest.skip("the compiled speed-ups are not installed")
    return _speedups


@pytest.fixture
def walker() -> ModuleType:
    return _compiled()


def _records(path: Path) -> list[etree._Element]:
    """Every <PubmedArticle> of a file; a broken file gives what a recovering parser finds."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    if root is None:
        return []
    return [root] if root.tag == "PubmedArticle" else list(root.iter("PubmedArticle"))


def _xml_files() -> list[Path]:
    files = sorted(p for p in (FIXTURES / "pubmed").iterdir() if ".xml" in p.name)
    files.append(SAMPLE_CORPUS / "sample-corpus.xml")
    if (SHARED_EVAL / "pubmed-xml").is_dir():
        files += sorted((SHARED_EVAL / "pubmed-xml").glob("*.xml"))
    return files


# --- which walker runs ---------------------------------------------------------------------


def test_the_compiled_walker_is_the_one_in_use_when_built(walker: ModuleType) -> None:
    if os.environ.get("MSDIGEST_PURE_PYTHON", "") not in ("", "0"):
        pytest.skip("MSDIGEST_PURE_PYTHON is set")
    assert pubmed_record.WALKER == "compiled"


def test_compiled_speed_ups_older_than_their_source_are_not_used(
    walker: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = Path(speedups.__file__).with_name("_speedups.pyx")
    if not source.is_file():
        pytest.skip("not a source checkout")
    monkeypatch.delenv("MSDIGEST_PURE_PYTHON", raising=False)
    assert speedups.load() is walker
    with monkeypatch.context() as patch:
        patch.setattr(walker, "SOURCE_SHA256", "0" * 64)
        with pytest.warns(UserWarning, match="older _speedups.pyx"):
            assert speedups.load() is None
    monkeypatch.setenv("MSDIGEST_PURE_PYTHON", "1")
    assert speedups.load() is None


def test_pure_python_can_be_chosen_and_reads_the_same_papers(walker: ModuleType) -> None:
    """`msdigest parse` prints the same papers with either walker (end to end)."""
    files = [
        str(SAMPLE_CORPUS / "sample-corpus.xml"),
        str(FIXTURES / "pubmed" / "inline-markup.xml"),
    ]
    command = [sys.executable, "-m", "msdigest_cli.main", "parse", *files]
    outputs = {}
    for pure in ("0", "1"):
        env = {**os.environ, "MSDIGEST_PURE_PYTHON": pure}
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        outputs[pure] = done.stdout
    assert outputs["0"].count("\n") >= 30
    assert outputs["0"] == outputs["1"]


# --- same parts ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", _xml_files(), ids=lambda p: p.name)
def test_both_walkers_read_every_record_of_every_file_alike(walker: ModuleType, path: Path) -> None:
    records = _records(path)
    for record in records:
        assert walker.parts_from_element(record) == record_parts.parts_from_element(record)


def test_the_parts_hold_what_the_record_says(walker: ModuleType) -> None:
    """A check on the contract itself, not only on agreement."""
    record = etree.fromstring(
        b"""<PubmedArticle><MedlineCitation><PMID>12</PMID><Article>
        <ArticleTitle>IL-17<sup>+</sup> cells in <i>MS</i></ArticleTitle>
        <Abstract><AbstractText Label="AIM" NlmCategory="OBJECTIVE">To see.</AbstractText>
        </Abstract>
        <AuthorList><Author ValidYN="N"><LastName>Wrong</LastName></Author>
        <Author><LastName>Ng</LastName><LastName>Ngo</LastName><Initials>A</Initials>
        <AffiliationInfo><Affiliation>Lab &amp; Clinic</Affiliation></AffiliationInfo>
        </Author></AuthorList></Article>
        <MeshHeadingList><MeshHeading><DescriptorName MajorTopicYN="N">Fatigue</DescriptorName>
        <QualifierName MajorTopicYN="Y">therapy</QualifierName></MeshHeading></MeshHeadingList>
        </MedlineCitation><PubmedData><History><PubMedPubDate PubStatus="entrez"><Year>2024</Year>
        </PubMedPubDate></History></PubmedData></PubmedArticle>"""
    )
    parts = walker.parts_from_element(record)
    assert parts.pmid == "12" and parts.title == "IL-17+ cells in MS"
    assert parts.abstract == (("To see.", "AIM", "OBJECTIVE"),)
    assert parts.authors == (("Ngo", None, "A", None, ("Lab & Clinic",)),)
    assert parts.mesh == (("Fatigue", ("therapy",), True),)
    assert parts.history == (("entrez", {"Year": "2024"}),)


# --- generated records ---------------------------------------------------------------------

MATHML = "http://www.w3.org/1998/Math/MathML"
_CHARACTERS = list("ab AZ09.,;:-()%\n\t  éü–µβ≥±\u00a0\u2009\u200b&<>\"'")

words = st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=24)


def _text(value: str) -> str:
    return escape(value)


inline = st.one_of(
    words.map(_text),
    words.map(lambda w: f"<i>{_text(w)}</i>"),
    words.map(lambda w: f"<sub>{_text(w)}</sub>"),
    words.map(lambda w: f"\n   <sup>{_text(w)}</sup>"),
    words.map(lambda w: f"<b><i>{_text(w)}</i> x</b>"),
    words.map(lambda w: f'<mml:math xmlns:mml="{MATHML}"><mml:mi>{_text(w)}</mml:mi></mml:math>'),
    words.map(lambda w: f"<math><mi>{_text(w)}</mi></math>"),
    words.map(lambda w: f"<!-- {w.replace('-', '')} -->"),
    words.map(lambda w: f"<![CDATA[{w.replace(']', '')}]]>"),
    st.just("<?pi data?>"),
    st.just("&amp;lt;b&amp;gt;"),
    st.just("<x:i xmlns:x='urn:x'>ns</x:i>"),
    st.just(""),
)
mixed = st.lists(inline, max_size=4).map("".join)
maybe_attribute = st.one_of(st.none(), words)


def _element(tag: str, content: str, **attributes: str | None) -> str:
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in attributes.items() if v is not None)
    return f"<{tag}{attrs}>{content}</{tag}>"


def _some(strategy: st.SearchStrategy[str], most: int = 3) -> st.SearchStrategy[str]:
    return st.lists(strategy, max_size=most).map("\n".join)


date = _some(
    st.tuples(
        st.sampled_from(["Year", "Month", "Day", "Season", "MedlineDate", "Hour"]), words
    ).map(lambda pair: _element(pair[0], _text(pair[1]))),
    4,
)
author = st.tuples(
    st.sampled_from([None, "Y", "N"]),
    _some(
        st.one_of(
            st.tuples(st.sampled_from(["LastName", "ForeName", "Initials", "Suffix"]), mixed).map(
                lambda pair: _element(pair[0], pair[1])
            ),
            mixed.map(lambda m: _element("CollectiveName", m)),
            mixed.map(lambda m: _element("AffiliationInfo", _element("Affiliation", m))),
            st.just("<AffiliationInfo><Identifier>x</Identifier></AffiliationInfo>"),
        ),
        4,
    ),
).map(lambda pair: _element("Author", pair[1], ValidYN=pair[0]))
heading = st.tuples(
    st.lists(
        st.tuples(
            st.sampled_from(["DescriptorName", "QualifierName", "Other"]),
            mixed,
            st.sampled_from([None, "Y", "N", " Y"]),
        ),
        max_size=3,
    )
).map(
    lambda parts: _element(
        "MeshHeading",
        "".join(_element(tag, text, MajorTopicYN=major) for tag, text, major in parts[0]),
    )
)
abstract_text = st.tuples(mixed, maybe_attribute, maybe_attribute).map(
    lambda t: _element("AbstractText", t[0], Label=t[1], NlmCategory=t[2])
)
article = st.tuples(
    _some(mixed.map(lambda m: _element("ArticleTitle", m)), 2),
    _some(mixed.map(lambda m: _element("VernacularTitle", m)), 1),
    _some(_some(abstract_text, 3).map(lambda a: _element("Abstract", a)), 2),
    _some(st.sampled_from(["eng", "fre", "", " ENG "]).map(lambda w: _element("Language", w)), 2),
    _some(
        st.tuples(st.sampled_from(["doi", "pii", None]), maybe_attribute, words).map(
            lambda t: _element("ELocationID", _text(t[2]), EIdType=t[0], ValidYN=t[1])
        ),
        2,
    ),
    st.tuples(mixed, mixed, mixed, date).map(
        lambda t: _element(
            "Journal",
            _element("Title", t[0])
            + _element("ISOAbbreviation", t[1])
            + _element("JournalIssue", _element("Volume", t[2]) + _element("PubDate", t[3])),
        )
    ),
    date.map(lambda d: _element("ArticleDate", d)),
    mixed.map(lambda m: _element("Pagination", _element("MedlinePgn", m))),
    _some(author, 4).map(lambda a: _element("AuthorList", a)),
    _some(mixed.map(lambda m: _element("PublicationType", m)), 2).map(
        lambda p: _element("PublicationTypeList", p)
    ),
    st.just(
        "<x:AuthorList xmlns:x='urn:x'><x:Author><x:LastName>No</x:LastName>"
        "</x:Author></x:AuthorList>"
    ),
).flatmap(lambda parts: st.permutations(list(parts)).map("\n".join))
record = st.tuples(
    _some(words.map(lambda w: _element("PMID", _text(w))), 2),
    _some(article.map(lambda a: _element("Article", a)), 2),
    _some(heading, 3).map(lambda h: _element("MeshHeadingList", h)),
    _some(
        _some(mixed.map(lambda m: _element("Keyword", m)), 2).map(
            lambda k: _element("KeywordList", k)
        ),
        2,
    ),
    _some(
        st.tuples(maybe_attribute, _some(abstract_text, 2)).map(
            lambda t: _element("OtherAbstract", t[1], Language=t[0])
        ),
        2,
    ),
    _some(
        st.tuples(st.sampled_from(["entrez", "pubmed", "received", None]), date).map(
            lambda t: _element("PubMedPubDate", t[1], PubStatus=t[0])
        ),
        3,
    ),
    _some(
        st.tuples(st.sampled_from(["pubmed", "doi", "pmc", None]), words).map(
            lambda t: _element("ArticleId", _text(t[1]), IdType=t[0])
        ),
        3,
    ),
).map(
    lambda t: (
        "<PubmedArticle><MedlineCitation>"
        + "\n".join(t[:5])
        + "</MedlineCitation><PubmedData>"
        + _element("History", t[5])
        + _element("ArticleIdList", t[6])
        + "</PubmedData></PubmedArticle>"
    )
)

# As the reader parses (comments and PIs dropped), and keeping everything lxml can keep.
_PARSERS = [
    etree.XMLParser(remove_comments=True, remove_pis=True, resolve_entities=False),
    etree.XMLParser(strip_cdata=False, resolve_entities=False),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=record)
def test_both_walkers_read_generated_records_alike(record: str) -> None:
    _compiled()
    for parser in _PARSERS:
        element = etree.fromstring(record.encode(), parser)
        assert _speedups.parts_from_element(element) == record_parts.parts_from_element(element)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.none(), st.text(max_size=40), words))
def test_the_compiled_clean_up_matches_the_python_one(text: str | None) -> None:
    _compiled()
    assert _speedups.plain_text(text) == plain_text(text)


def test_the_reader_gives_the_same_papers_with_either_walker(
    walker: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [p for p in _xml_files() if "truncated" not in p.name]
    compiled = [list(iter_pubmed_xml(p)) for p in files]
    monkeypatch.setattr(pubmed_record, "_walk", record_parts.parts_from_element)
    monkeypatch.setattr(pubmed_record, "_clean", plain_text)
    python = [list(iter_pubmed_xml(p)) for p in files]
    assert compiled == python
    assert sum(len(items) for items in compiled) >= 40


_PIECES = [
    b"<ReferenceList>",
    b"<ReferenceList ",
    b"<ReferenceListX>",
    b"<ReferenceList",
    b"<GrantList\t",
    b"<Grant>",
    b"<CommentsCorrectionsList\n",
    b"<InvestigatorList>",
    b"</ReferenceList>",
    b"<",
    b"<<",
    b"x",
    b" ",
]


@settings(max_examples=300, deadline=None)
@given(
    data=st.lists(st.sampled_from(_PIECES), max_size=20).map(b"".join),
    start=st.integers(0, 60),
    stop=st.integers(0, 300),
)
def test_the_compiled_start_tag_search_matches_the_python_one(
    data: bytes, start: int, stop: int
) -> None:
    _compiled()
    names = tuple(tag.encode() for tag in UNREAD_TAGS)
    expected = _python_find_start_tag(data, start, stop, names)
    assert _speedups.find_start_tag(data, start, stop, names) == expected
    if expected[0] >= 0:  # and it is a start tag of that name
        assert data[expected[0] + 1 :].startswith(names[expected[1]])
