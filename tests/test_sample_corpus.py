"""The bundled fictional sample corpus and its gold labels.

Uses lxml only (not the project's parser), so it checks the data file itself.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import FIXTURES, SAMPLE_CORPUS, SHARED_EVAL

CORPUS = SAMPLE_CORPUS / "sample-corpus.xml"
LABELS = FIXTURES / "sample_labels.jsonl"
JOURNAL = "msdigest Sample Data (fictional)"
JOURNAL_ABBREV = "msdigest Sample Data"
DOI_PREFIX = "10.99999/msdigest-sample."
PMID_RANGE = range(900_000_001, 900_000_100)

DESIGNS = {
    "randomized_controlled_trial",
    "non_randomized_trial",
    "single_arm_trial",
    "feasibility_or_pilot",
    "cohort",
    "case_control",
    "cross_sectional",
    "case_report_or_series",
    "systematic_review",
    "meta_analysis",
    "animal_or_lab",
    "qualitative",
    "other",
}
REQUIRED_DESIGNS = DESIGNS - {"non_randomized_trial", "other"}
OBSERVATIONAL = {
    "cohort",
    "case_control",
    "cross_sectional",
    "case_report_or_series",
    "qualitative",
}
REVIEWS = {"systematic_review", "meta_analysis"}
LIMITATIONS = {
    "small_sample",
    "no_control",
    "observational",
    "short_follow_up",
    "single_site",
    "animal_or_lab",
}
LABEL_KEYS = {
    "id",
    "pmid",
    "sample_size",
    "study_design",
    "has_control_group",
    "duration",
    "population",
    "limitations",
    "acceptable",
    "notes",
}


@cache
def _tree() -> etree._ElementTree:
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    return etree.parse(str(CORPUS), parser)


def _articles() -> list[etree._Element]:
    return list(_tree().getroot().iter("PubmedArticle"))


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _abstract(article: etree._Element) -> str:
    return " ".join(_text(a) for a in article.iterfind(".//Abstract/AbstractText"))


def _pmid(article: etree._Element) -> str:
    return article.findtext("MedlineCitation/PMID") or ""


@cache
def _labels() -> dict[str, dict]:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    ids = [row["id"] for row in rows]
    duplicates = [i for i, count in Counter(ids).items() if count > 1]
    assert not duplicates, f"label ids repeated: {duplicates}"
    return {row["id"]: row for row in rows}


def test_corpus_parses_without_fetching_the_dtd() -> None:
    tree = _tree()
    assert tree.getroot().tag == "PubmedArticleSet"
    assert tree.docinfo.doctype.startswith("<!DOCTYPE PubmedArticleSet PUBLIC")
    assert 28 <= len(_articles()) <= 32


def test_pmids_are_unique_and_fictional() -> None:
    pmids = [_pmid(a) for a in _articles()]
    assert len(set(pmids)) == len(pmids)
    for pmid in pmids:
        assert pmid.isdigit() and int(pmid) in PMID_RANGE, pmid
        # A real PMID has at most 8 digits; ours have 9, so they cannot collide.
        assert len(pmid) == 9


@pytest.mark.parametrize("index", range(30))
def test_every_record_is_complete_and_marked_fictional(index: int) -> None:
    articles = _articles()
    if index >= len(articles):
        pytest.skip("fewer records")
    article = articles[index]
    pmid = _pmid(article)
    citation = article.find("MedlineCitation/Article")
    assert citation is not None, pmid
    assert _text(citation.find("ArticleTitle")), pmid
    assert citation.findtext("Journal/Title") == JOURNAL
    assert citation.findtext("Journal/ISOAbbreviation") == JOURNAL_ABBREV
    assert citation.findtext("Language") == "eng"
    words = len(_abstract(article).split())
    assert 150 <= words <= 350, (pmid, words)
    copyright_text = citation.findtext("Abstract/CopyrightInformation") or ""
    assert "fictional" in copyright_text.lower() and "msdigest" in copyright_text, pmid
    dois = [
        *(e.text for e in citation.iterfind("ELocationID[@EIdType='doi']")),
        *(e.text for e in article.iterfind("PubmedData/ArticleIdList/ArticleId[@IdType='doi']")),
    ]
    assert len(dois) == 2 and len(set(dois)) == 1, (pmid, dois)
    assert dois[0] and dois[0].startswith(DOI_PREFIX), (pmid, dois)
    ids = article.findtext("PubmedData/ArticleIdList/ArticleId[@IdType='pubmed']")
    assert ids == pmid
    entrez = article.find("PubmedData/History/PubMedPubDate[@PubStatus='entrez']")
    assert entrez is not None, pmid
    year, month = int(entrez.findtext("Year") or 0), int(entrez.findtext("Month") or 0)
    assert (2025, 6) <= (year, month) <= (2026, 11), (pmid, year, month)
    types = citation.findall("PublicationTypeList/PublicationType")
    assert types and all(re.fullmatch(r"D\d{6,9}", t.get("UI", "")) for t in types), pmid
    authors = citation.findall("AuthorList/Author")
    assert authors, pmid
    for author in authors:
        collective = author.findtext("CollectiveName")
        person = author.findtext("LastName") and author.findtext("Initials")
        assert collective or person, pmid


def test_corpus_exercises_the_pubmed_structure() -> None:
    articles = _articles()
    medline_dates = [
        a for a in articles if a.find(".//JournalIssue/PubDate/MedlineDate") is not None
    ]
    collective = [a for a in articles if a.find(".//AuthorList/Author/CollectiveName") is not None]
    unstructured = [
        a
        for a in articles
        if [t.get("Label") for t in a.iterfind(".//Abstract/AbstractText")] == [None]
    ]
    labelled = [
        a
        for a in articles
        if all(t.get("Label") and t.get("NlmCategory") for t in a.iterfind(".//AbstractText"))
    ]
    markup = [
        a
        for a in articles
        if a.find(".//Abstract//i") is not None
        or a.find(".//Abstract//sup") is not None
        or a.find(".//Abstract//sub") is not None
    ]
    with_mesh = [a for a in articles if a.find(".//MeshHeadingList/MeshHeading") is not None]
    with_keywords = [a for a in articles if a.find(".//KeywordList/Keyword") is not None]
    with_pmc = [a for a in articles if a.find(".//ArticleId[@IdType='pmc']") is not None]
    assert len(medline_dates) >= 2
    assert len(collective) >= 2
    assert 4 <= len(unstructured) <= 6
    assert len(labelled) + len(unstructured) == len(articles)
    assert len(markup) >= 4
    assert 0.55 <= len(with_mesh) / len(articles) <= 0.8
    assert len(with_keywords) >= 5
    assert len(with_pmc) >= 2
    for article in with_mesh:
        for name in article.iterfind(".//MeshHeading/DescriptorName"):
            assert re.fullmatch(r"D\d{6,9}", name.get("UI", "")), _pmid(article)
            assert name.get("MajorTopicYN") in {"Y", "N"}
    # Inline markup must not cut text: itertext sees the words after a <sup>.
    gut = next(a for a in articles if "CD4+ T cells" in _text(a.find(".//ArticleTitle")))
    assert _text(gut.find(".//ArticleTitle")).endswith("case-control study.")


def test_labels_have_one_line_per_record_in_the_dev_format() -> None:
    labels = _labels()
    assert set(labels) == {_pmid(a) for a in _articles()}
    for pmid, row in labels.items():
        assert set(row) == LABEL_KEYS, pmid
        assert row["pmid"] == pmid
        assert row["study_design"] in DESIGNS, pmid
        assert set(row["limitations"]) == LIMITATIONS, pmid
        assert set(row["acceptable"]) <= {"study_design", "sample_size", "has_control_group"}
        assert row["population"], pmid
        assert row["sample_size"] is None or (
            isinstance(row["sample_size"], int) and row["sample_size"] > 0
        )


def test_labels_cover_every_design() -> None:
    designs = Counter(row["study_design"] for row in _labels().values())
    missing = REQUIRED_DESIGNS - set(designs)
    assert not missing, f"designs without a record: {sorted(missing)}"
    assert designs["randomized_controlled_trial"] >= 4


def test_label_flags_follow_the_labelling_rules() -> None:
    for pmid, row in _labels().items():
        design, size, control = row["study_design"], row["sample_size"], row["has_control_group"]
        flags = row["limitations"]
        assert flags["small_sample"] == (None if size is None else size < 100), pmid
        assert flags["no_control"] == (None if control is None else not control), pmid
        expected_obs = None if design in REVIEWS else design in OBSERVATIONAL
        assert flags["observational"] == expected_obs, pmid
        assert flags["animal_or_lab"] == (design == "animal_or_lab"), pmid
        if design in REVIEWS:
            assert control is None, pmid
        if design == "animal_or_lab":
            assert size is None, pmid
        if row["duration"] is None:
            assert flags["short_follow_up"] is None, pmid


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spellings(number: int) -> set[str]:
    found = {str(number), f"{number:,}"}
    if number < 20:
        found.add(_UNITS[number])
    elif number < 100:
        tens, unit = divmod(number, 10)
        found.add(_TENS[tens] + ("" if unit == 0 else "-" + _UNITS[unit]))
    return found


_SUM = re.compile(r"((?:\d[\d,]*[^+=.;\d]*\+ )+\d[\d,]*[^+=.;\d]*)= (\d[\d,]*)")


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_labelled_sample_sizes_are_stated_in_the_abstracts() -> None:
    """The labelled total is in the text, or the notes show it as a sum of numbers that are."""
    labels = _labels()
    for article in _articles():
        row = labels[_pmid(article)]
        size = row["sample_size"]
        if size is None:
            continue
        text = _abstract(article).lower()
        tokens = set(re.findall(r"[a-z]+(?:-[a-z]+)?|\d[\d,]*", text))
        if tokens & _spellings(size):
            continue
        match = _SUM.search(row["notes"])
        assert match, (_pmid(article), size, "total not in the abstract and no sum in the notes")
        parts = [_number(p) for p in re.findall(r"\d[\d,]*", match.group(1))]
        assert sum(parts) == _number(match.group(2)) == size, (_pmid(article), parts, size)
        for part in parts:
            assert tokens & _spellings(part), (_pmid(article), part)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])", text) if len(s.split()) >= 8]


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", text).lower().split())


@cache
def _shared_eval_text() -> str:
    parts: list[str] = []
    for path in sorted(SHARED_EVAL.rglob("*")):
        if path.is_file() and path.suffix in {".xml", ".jsonl", ".json", ".txt", ".md"}:
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    raw = "\n".join(parts)
    # JSON escapes and XML entities would hide a copied sentence; undo the common ones.
    raw = raw.replace('\\"', '"').replace("\\n", " ").replace("&amp;", "&")
    return _normalise(raw)


def test_no_abstract_sentence_is_copied_from_the_shared_eval_data() -> None:
    if not Path(SHARED_EVAL).is_dir():
        pytest.skip(f"shared eval data not present: {SHARED_EVAL}")
    haystack = _shared_eval_text()
    assert len(haystack) > 10_000
    copied = []
    checked = 0
    for article in _articles():
        for sentence in _sentences(_abstract(article)):
            checked += 1
            if _normalise(sentence) in haystack:
                copied.append((_pmid(article), sentence))
    assert checked > 200
    assert not copied, copied


def test_the_copy_check_would_catch_a_copied_sentence() -> None:
    if not Path(SHARED_EVAL).is_dir():
        pytest.skip(f"shared eval data not present: {SHARED_EVAL}")
    first = json.loads(
        (SHARED_EVAL / "dev" / "ms_abstracts.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )
    sentence = _sentences(first["abstract"].replace("\n", " "))[1]
    assert _normalise(sentence) in _shared_eval_text()
