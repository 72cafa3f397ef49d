"""Benchmark the PubMed XML parser: records per second and peak memory on a large file.

The file is made by repeating PubMed records with new PMIDs: by default the real ones in
../shared/eval/pubmed-xml and the bundled sample corpus (fictional, in PubMed's format),
or the files given; the report says how many came from each. It is parsed in a fresh
Python process, which reports its peak resident memory (RSS) after a fifth of the records
and again at the end: when the two match, memory does not grow with the file. Run it as
`msdigest bench parse`.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from lxml import etree

import msdigest
from msdigest.errors import InputError
from msdigest.paper import Paper

__all__ = ["BenchParseResult", "default_sources", "record_templates", "run_parse_benchmark"]

GOAL_RECORDS_PER_SECOND = 5_000
FIRST_PMID = 800_000_000  # a nine-digit range no real PMID uses yet
_MARK = "@@MSDIGEST-BENCH-PMID@@"
_PACKAGE = Path(msdigest.__file__).resolve().parent
SAMPLE_CORPUS = _PACKAGE / "data" / "sample" / "sample-corpus.xml"


def default_sources() -> list[Path]:
    """Return the records to repeat: ../shared/eval/pubmed-xml and the sample corpus.

    `MSDIGEST_SHARED_EVAL` points at another eval folder. Without either, the project's
    own test fixtures (in a source checkout) are used.
    """
    candidates = []
    if os.environ.get("MSDIGEST_SHARED_EVAL"):
        candidates.append(Path(os.environ["MSDIGEST_SHARED_EVAL"]))
    candidates += [
        _PACKAGE.parents[1].parent / "shared" / "eval",  # next to a source checkout
        Path.cwd().parent / "shared" / "eval",
    ]
    found = [c / "pubmed-xml" for c in candidates if (c / "pubmed-xml").is_dir()][:1]
    if SAMPLE_CORPUS.is_file():
        found.append(SAMPLE_CORPUS)
    if not found:
        fixtures = _PACKAGE.parents[1] / "tests" / "fixtures" / "pubmed"
        if fixtures.is_dir():
            found.append(fixtures)
    return found


def _xml_files(sources: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            files += sorted(p for p in source.iterdir() if p.name.endswith((".xml", ".xml.gz")))
        else:
            files.append(source)
    return files


def record_templates(
    sources: Sequence[Path], unreadable: list[str] | None = None
) -> list[tuple[str, ...]]:
    """Return every `<PubmedArticle>` of the sources as its text split around its PMID.

    The PMID is cut out of MedlineCitation/PMID and of the "pubmed" ArticleId, so
    `new_pmid.join(template)` is the same record under a new PMID. Files that are not
    well-formed (the test fixtures include broken ones on purpose) are left out and named
    in `unreadable`.
    """
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    templates = []
    for path in _xml_files(sources):
        try:
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            root = etree.fromstring(data, parser)
        except (OSError, EOFError, etree.XMLSyntaxError) as exc:
            if unreadable is None:
                raise InputError(f"{path}: cannot read as PubMed XML: {exc}") from exc
            unreadable.append(f"{path.name}: {exc}")
            continue
        for article in root.iterfind("PubmedArticle"):
            pmid = article.find("MedlineCitation/PMID")
            if pmid is None:
                continue
            pmid.text = _MARK
            for item in article.iterfind("PubmedData/ArticleIdList/ArticleId"):
                if item.get("IdType") == "pubmed":
                    item.text = _MARK
            article.tail = "\n"
            text = etree.tostring(article, encoding="unicode")
            templates.append(tuple(text.split(_MARK)))
    if not templates:
        raise InputError("no <PubmedArticle> records found to build the benchmark file")
    return templates


def write_benchmark_file(path: Path, templates: Sequence[tuple[str, ...]], records: int) -> int:
    """Write `records` records cycling through the templates; return the size in bytes."""
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
        for number in range(records):
            out.write(str(FIRST_PMID + number).join(templates[number % len(templates)]))
        out.write("</PubmedArticleSet>\n")
    return path.stat().st_size


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KiB else


def _calibrate() -> float:
    """Return the CPU seconds a fixed pure-Python loop takes here, to compare machines."""
    start = time.process_time()
    total = 0
    for number in range(5_000_000):
        total += number
    return time.process_time() - start


def _measure(path: Path, checkpoint: int) -> dict[str, Any]:
    """Parse `path` in this process; return counts, times and peak RSS at two points."""
    from msdigest.sources.pubmed_record import WALKER
    from msdigest.sources.pubmed_xml import iter_pubmed_xml

    papers = skipped = 0
    marks = []
    wall, cpu = time.perf_counter(), time.process_time()
    for item in iter_pubmed_xml(path):
        if isinstance(item, Paper):
            papers += 1
        else:
            skipped += 1
        if papers + skipped == checkpoint:
            marks.append({"records": checkpoint, "peak_rss_mib": _peak_rss_mib()})
    seconds_wall, seconds_cpu = time.perf_counter() - wall, time.process_time() - cpu
    marks.append({"records": papers + skipped, "peak_rss_mib": _peak_rss_mib()})
    return {
        "papers": papers,
        "skipped": skipped,
        "seconds_wall": seconds_wall,
        "seconds_cpu": seconds_cpu,
        "memory": marks,
        "calibration_seconds": _calibrate(),
        "load_average": os.getloadavg()[0],
        "walker": WALKER,
    }


@dataclass(frozen=True)
class BenchParseResult:
    """The figures of one benchmark run (`lines()` for people, `to_dict()` for JSON)."""

    records: int
    papers: int
    skipped: int
    templates: int
    file_bytes: int
    seconds_wall: float
    seconds_cpu: float
    memory: tuple[tuple[int, float], ...]  # (records read, peak RSS in MiB)
    python: str
    lxml: str
    calibration_seconds: float = 0.0
    load_average: float = 0.0
    sources_left_out: tuple[str, ...] = ()
    #: Where the repeated records came from: (file or folder, records taken from it).
    template_sources: tuple[tuple[str, int], ...] = ()
    #: Which record walker ran: "compiled" or "python" (see pubmed_record.py).
    walker: str = ""

    @property
    def records_per_second(self) -> float:
        """Return the rate on one core: records over the CPU time the parsing process used.

        The parser runs in one thread, so this is what one core does; wall-clock time also
        counts the time other processes held the CPU, which a shared machine inflates.
        """
        return self.records / self.seconds_cpu if self.seconds_cpu else 0.0

    @property
    def bytes_per_record(self) -> float:
        """Return the average size of a record in the generated file, in bytes."""
        return self.file_bytes / self.records if self.records else 0.0

    @property
    def megabytes_per_second(self) -> float:
        """Return the rate in MB of XML per CPU second: unlike records/s, it does not depend
        on how large the repeated records are."""
        return self.file_bytes / 1e6 / self.seconds_cpu if self.seconds_cpu else 0.0

    @property
    def records_per_wall_second(self) -> float:
        """Return the rate over wall-clock time."""
        return self.records / self.seconds_wall if self.seconds_wall else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return the figures as a JSON-ready dict."""
        data = asdict(self)
        data["memory"] = [{"records": n, "peak_rss_mib": round(m, 1)} for n, m in self.memory]
        data["records_per_second"] = round(self.records_per_second)
        data["records_per_wall_second"] = round(self.records_per_wall_second)
        data["megabytes_per_second"] = round(self.megabytes_per_second, 1)
        data["bytes_per_record"] = round(self.bytes_per_record)
        data["goal_records_per_second"] = GOAL_RECORDS_PER_SECOND
        return data

    def lines(self) -> Iterator[str]:
        """Yield the report, one line at a time."""
        met = "met" if self.records_per_second >= GOAL_RECORDS_PER_SECOND else "NOT met"
        memory = ", ".join(f"{mib:.1f} MiB after {n:,} records" for n, mib in self.memory)
        growth = self.memory[-1][1] - self.memory[0][1] if len(self.memory) > 1 else 0.0
        yield "PubMed XML parse benchmark (msdigest bench parse)"
        yield (
            f"  input   {self.records:,} records ({self.papers:,} papers, {self.skipped:,} "
            f"skipped), repeating {self.templates} records; {self.file_bytes / 1e6:,.0f} MB, "
            f"{self.bytes_per_record / 1e3:.1f} kB a record"
        )
        if self.template_sources:
            yield "  from    " + ", ".join(
                f"{count} from {name}" for name, count in self.template_sources
            )
        yield (
            f"  speed   {self.records_per_second:,.0f} records/s "
            f"({self.megabytes_per_second:.0f} MB/s) on one core "
            f"({self.seconds_cpu:.1f} s CPU; wall clock {self.records_per_wall_second:,.0f}/s "
            f"in {self.seconds_wall:.1f} s at load average {self.load_average:.1f}), "
            f"{self.walker} record walker"
        )
        yield f"  memory  peak RSS {memory} (growth {growth:+.1f} MiB)"
        yield f"  goal    {GOAL_RECORDS_PER_SECOND:,} records/s: {met}"
        yield (
            f"  on      Python {self.python}, lxml {self.lxml}, {platform.machine()}; "
            f"a 5M-step Python loop takes {self.calibration_seconds:.2f} s CPU here"
        )
        for problem in self.sources_left_out:
            yield f"  left out (not well-formed): {problem}"


def run_parse_benchmark(
    sources: Sequence[Path], records: int, *, keep: Path | None = None
) -> BenchParseResult:
    """Build a file of `records` records from `sources`, parse it in a fresh process."""
    unreadable: list[str] = []
    templates: list[tuple[str, ...]] = []
    counts = []
    for source in sources:
        try:
            found = record_templates([source], unreadable)
        except InputError:  # no usable record in this one; the others may have some
            found = []
        templates += found
        counts.append((_describe(source), len(found)))
    if not templates:
        raise InputError("no <PubmedArticle> records found to build the benchmark file")
    with tempfile.TemporaryDirectory(prefix="msdigest-bench-") as folder:
        path = keep or Path(folder) / "bench.xml"
        size = write_benchmark_file(path, templates, records)
        checkpoint = max(1, min(10_000, records // 5))
        completed = subprocess.run(
            [sys.executable, "-m", "msdigest.sources.bench", str(path), str(checkpoint)],
            capture_output=True,
            text=True,
            check=False,
        )
    if completed.returncode != 0:
        raise InputError(f"the parsing process failed: {completed.stderr.strip()[-500:]}")
    figures = json.loads(completed.stdout)
    return BenchParseResult(
        records=figures["papers"] + figures["skipped"],
        papers=figures["papers"],
        skipped=figures["skipped"],
        templates=len(templates),
        file_bytes=size,
        seconds_wall=figures["seconds_wall"],
        seconds_cpu=figures["seconds_cpu"],
        memory=tuple((m["records"], m["peak_rss_mib"]) for m in figures["memory"]),
        python=platform.python_version(),
        lxml=".".join(map(str, etree.LXML_VERSION)),
        calibration_seconds=figures["calibration_seconds"],
        load_average=figures["load_average"],
        sources_left_out=tuple(unreadable),
        template_sources=tuple(counts),
        walker=figures.get("walker", ""),
    )


def _describe(source: Path) -> str:
    """Name a source as the report shows it: real records, our sample corpus, or a path."""
    if source.resolve() == SAMPLE_CORPUS.resolve():
        return "the sample corpus (fictional, written by us in PubMed's format)"
    if source.name == "pubmed-xml" and source.parent.name == "eval":
        return f"{source} (real PubMed records)"
    return str(source)


if __name__ == "__main__":  # the measuring process: python -m msdigest.sources.bench FILE N
    print(json.dumps(_measure(Path(sys.argv[1]), int(sys.argv[2]))))
