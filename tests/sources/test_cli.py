"""`msdigest parse` and `msdigest bench parse`: output, skips on stderr, exit status."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from msdigest.paper import Paper
from msdigest.sources.bench import record_templates, run_parse_benchmark, write_benchmark_file
from msdigest.sources.pubmed_xml import iter_pubmed_xml
from msdigest_cli.main import main
from tests.conftest import FIXTURES, SAMPLE_CORPUS

PUBMED = FIXTURES / "pubmed"


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_parse_prints_one_paper_per_line_and_skips_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["parse", str(PUBMED / "collective-author.xml"), str(PUBMED / "no-abstract.xml")])
    out, err = capsys.readouterr()
    assert status == 0
    (paper,) = _lines(out)
    assert Paper.from_dict(paper) == next(iter(iter_pubmed_xml(PUBMED / "collective-author.xml")))
    assert paper["authors"][1]["collective_name"] == "Sample MS Registry Study Group"
    assert "no-abstract.xml#1 (99000601): no abstract" in err
    assert "(99000603): no title" in err
    assert "parsed 1 papers, skipped 3 records" in err


def test_parse_reads_gzip_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = tmp_path / "records.txt"
    jsonl.write_text(json.dumps({"id": "j1", "title": "T", "abstract": "RESULTS: fine."}) + "\n")
    assert main(["parse", str(PUBMED / "inline-markup.xml.gz")]) == 0
    assert main(["parse", "--format", "jsonl", str(jsonl)]) == 0
    first, second = _lines(capsys.readouterr().out)
    assert first["title"] == 'Serum NfL and CD4+ T cells in early MS: a "pilot" study.'
    assert second["abstract"] == [{"text": "fine.", "label": "RESULTS", "category": "RESULTS"}]


def test_parse_goes_on_past_an_unreadable_file_but_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["parse", str(tmp_path / "absent.xml"), str(PUBMED / "vernacular-title.xml")])
    out, err = capsys.readouterr()
    assert status == 1
    assert "absent.xml: no such file" in err
    assert [p["pmid"] for p in _lines(out)] == ["99000801"]


def test_parse_of_a_file_that_breaks_off_prints_what_it_read_and_exits_non_zero(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["parse", str(PUBMED / "truncated.xml")])
    out, err = capsys.readouterr()
    assert status == 1
    assert [p["pmid"] for p in _lines(out)] == ["99000901", "99000902"]
    assert "malformed XML at line 6" in err


def test_parse_of_every_shared_file(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import shared_file

    files = sorted(shared_file("pubmed-xml").glob("*.xml"))
    assert main(["parse", *map(str, files)]) == 0
    out, err = capsys.readouterr()
    pmids = [p["pmid"] for p in _lines(out)]
    assert len(pmids) == 8 and "29768149" in pmids and "12091962" not in pmids
    assert "(12091962): no abstract" in err


def test_benchmark_file_repeats_real_records_with_new_pmids(tmp_path: Path) -> None:
    left_out: list[str] = []
    templates = record_templates([SAMPLE_CORPUS / "sample-corpus.xml", PUBMED], left_out)
    assert sorted(name.split(":")[0] for name in left_out) == ["truncated.xml", "truncated.xml.gz"]
    path = tmp_path / "bench.xml"
    write_benchmark_file(path, templates, 120)
    items = list(iter_pubmed_xml(path))
    assert len(items) == 120
    papers = [item for item in items if isinstance(item, Paper)]
    assert len({p.pmid for p in papers}) == len(papers)
    assert papers[0].pmid == "800000000" and papers[0].title.startswith("Oral EXB-301")


def test_bench_parse_reports_speed_and_flat_memory(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.xml.gz"
    corpus.write_bytes(gzip.compress((SAMPLE_CORPUS / "sample-corpus.xml").read_bytes()))
    result = run_parse_benchmark([corpus], 2_000)
    assert (result.records, result.papers, result.templates) == (2_000, 2_000, 30)
    assert [n for n, _ in result.memory] == [400, 2_000]
    assert result.records_per_second > 0
    assert result.megabytes_per_second == pytest.approx(
        result.file_bytes / 1e6 / result.seconds_cpu
    )
    assert "MB/s) on one core" in "\n".join(result.lines())
    assert result.memory[1][1] - result.memory[0][1] < 8  # MiB: no growth with the file
    text = "\n".join(result.lines())
    assert "records/s" in text and "peak RSS" in text and "after 2,000 records" in text
    assert result.bytes_per_record == result.file_bytes / 2_000
    assert f"{result.bytes_per_record / 1e3:.1f} kB a record" in text
    assert f"30 from {corpus}" in text  # where the repeated records came from
    assert f"{result.walker} record walker" in text and result.walker in ("compiled", "python")


def test_bench_parse_command(capsys: pytest.CaptureFixture[str]) -> None:
    source = str(SAMPLE_CORPUS / "sample-corpus.xml")
    assert main(["bench", "parse", "--records", "1000", "--source", source, "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["records"] == 1000 and figures["records_per_second"] > 0
    assert figures["bytes_per_record"] == round(figures["file_bytes"] / 1000)
    assert figures["memory"][0]["records"] == 200
