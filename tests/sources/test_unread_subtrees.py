"""Blanking unread subtrees: the same papers, true line numbers, nothing mistaken for markup."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from msdigest.errors import InputError
from msdigest.paper import Paper
from msdigest.sources.pubmed_xml import FileCutShort, iter_pubmed_xml
from msdigest.sources.unread_subtrees import UnreadSubtrees
from tests.conftest import FIXTURES, SAMPLE_CORPUS, SHARED_EVAL

RECORD = """<PubmedArticle>
<MedlineCitation><PMID>99001001</PMID>
<Article><ArticleTitle>Walking and fatigue.</ArticleTitle>
<Abstract><AbstractText>Forty people walked daily for 12 weeks.</AbstractText></Abstract>
<GrantList CompleteYN="Y"><Grant><GrantID>G-1</GrantID></Grant></GrantList>
</Article>
<CommentsCorrectionsList><CommentsCorrections RefType="CommentIn"><RefSource>X</RefSource>
<PMID>99001999</PMID></CommentsCorrections></CommentsCorrectionsList>
</MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="pubmed">99001001</ArticleId>
<ArticleId IdType="doi">10.0000/own.1001</ArticleId></ArticleIdList>
<ReferenceList><Title>References</Title>
<Reference><Citation>A cited paper.</Citation><ArticleIdList>
<ArticleId IdType="doi">10.0000/cited.1</ArticleId></ArticleIdList></Reference>
<ReferenceList><Reference><Citation>Nested.</Citation></Reference></ReferenceList>
</ReferenceList></PubmedData>
</PubmedArticle>
"""


def _document(*records: str) -> bytes:
    return ("<PubmedArticleSet>\n" + "".join(records) + "</PubmedArticleSet>\n").encode()


def _blanked(data: bytes, block: int = 1 << 16) -> bytes:
    stream = UnreadSubtrees(io.BytesIO(data), block)
    pieces = []
    while piece := stream.read(1000):
        pieces.append(piece)
    return b"".join(pieces)


def test_unread_subtrees_become_newlines_and_the_rest_is_untouched() -> None:
    data = _document(RECORD)
    out = _blanked(data)
    assert b"ReferenceList" not in out and b"CommentsCorrections" not in out
    assert b"GrantList" not in out and b"10.0000/cited.1" not in out
    assert out.count(b"\n") == data.count(b"\n")  # line numbers stay true
    assert b"<ArticleTitle>Walking and fatigue.</ArticleTitle>" in out
    assert b'<ArticleId IdType="doi">10.0000/own.1001</ArticleId>' in out
    kept = etree.fromstring(out)
    assert kept.findtext("PubmedArticle/MedlineCitation/PMID") == "99001001"


@pytest.mark.parametrize("block", [1, 7, 50, 333, 4096])
def test_any_block_size_gives_the_same_bytes(block: int) -> None:
    data = _document(RECORD, RECORD.replace("99001001", "99001002"))
    assert _blanked(data, block) == _blanked(data)


@pytest.mark.parametrize(
    "inside",
    [
        "<!-- </ReferenceList> -->",  # an end tag in a comment is not the end
        "<?note </ReferenceList>?>",
    ],
)
def test_a_subtree_holding_a_comment_or_instruction_is_parsed_as_usual(inside: str) -> None:
    record = RECORD.replace("<Title>References</Title>", f"<Title>References</Title>{inside}")
    out = _blanked(_document(record))
    assert f"<ReferenceList><Title>References</Title>{inside}".encode() in out
    assert b"10.0000/cited.1" in out  # the whole list is kept...
    assert b"Nested." not in out  # ...but for the plain list inside it
    etree.fromstring(out)  # still well-formed


def test_a_tag_name_in_a_comment_is_not_markup() -> None:
    record = RECORD.replace("<Article>", "<!-- a <ReferenceList> begins --><Article>")
    out = _blanked(_document(record))
    assert b"<!-- a <ReferenceList> begins --><Article>" in out
    assert b"<ArticleTitle>Walking and fatigue.</ArticleTitle>" in out
    # Its "end" would not balance, so nothing is blanked: the parser sees the file as is.
    assert out == _document(record)


def test_after_a_cdata_section_nothing_more_is_blanked() -> None:
    record = RECORD.replace("Forty people", "<![CDATA[Forty]]> people")
    data = _document(RECORD, record, RECORD)
    assert _blanked(data) == data  # one block: the section is seen before anything goes


def test_a_subtree_without_its_end_is_left_for_the_parser() -> None:
    data = _document(RECORD)
    cut = data[: data.index(b"</ReferenceList></PubmedData>")]
    assert _blanked(cut).endswith(cut[cut.index(b"<ReferenceList>") :])


def test_what_was_read_before_a_read_error_is_handed_on_first() -> None:
    class Breaks(io.BytesIO):
        def read(self, size: int | None = -1, /) -> bytes:
            data = super().read(size)
            if not data:
                raise EOFError("the stream breaks off")
            return data

    data = _document(RECORD)
    stream = UnreadSubtrees(Breaks(data), 64)
    pieces = []
    with pytest.raises(EOFError):
        while piece := stream.read(1000):
            pieces.append(piece)
    assert b"".join(pieces) == _blanked(data)


def test_papers_read_with_and_without_blanking_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own.xml"
    own.write_bytes(_document(RECORD, RECORD.replace("99001001", "99001002")))
    files = [own, SAMPLE_CORPUS / "sample-corpus.xml", *sorted((FIXTURES / "pubmed").iterdir())]
    if SHARED_EVAL.joinpath("pubmed-xml").is_dir():  # real records with reference lists
        files += sorted(SHARED_EVAL.joinpath("pubmed-xml").glob("*.xml"))

    def read_all() -> list[object]:
        items: list[object] = []
        for path in files:
            try:
                items += list(iter_pubmed_xml(path))
            except InputError as exc:
                items.append(str(exc))
        return items

    blanked = read_all()
    monkeypatch.setattr("msdigest.sources.unread_subtrees.UNREAD_TAGS", ())
    assert read_all() == blanked
    papers = {item.id: item for item in blanked if isinstance(item, Paper)}
    assert papers["99001001"].doi == "10.0000/own.1001"  # never a cited paper's DOI
    assert len(papers) >= 32


def test_a_break_after_blanked_subtrees_names_the_true_line(tmp_path: Path) -> None:
    data = _document(RECORD, RECORD.replace("99001001", "99001002"))
    cut = data[: data.rindex(b"<ArticleTitle>") + 5]
    path = tmp_path / "cut.xml"
    path.write_bytes(cut)
    items = list(iter_pubmed_xml(path))
    assert [item.id for item in items if isinstance(item, Paper)] == ["99001001"]
    line = cut.count(b"\n") + 1
    assert isinstance(items[-1], FileCutShort)
    assert items[-1].where == f"{path}:{line}"
