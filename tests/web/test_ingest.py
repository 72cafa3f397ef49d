"""Storing papers: de-duplication, versions, idempotent re-runs, crashes, incremental windows."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from msdigest.errors import EutilsUnavailable, InputError
from msdigest.paper import Paper as PaperRecord
from msdigest.sources import Skipped
from msdigest.sources.eutils import DEFAULT_QUERY, EutilsClient, EutilsSettings
from msdigest.sources.pacing import TokenBucket
from msdigest_web.papers.ingest import (
    ABANDONED_AFTER,
    fail_abandoned_runs,
    incremental_window,
    ingest_files,
    ingest_pubmed,
    store_paper,
)
from msdigest_web.papers.models import IngestRun, Paper, PaperVersion, this_host
from tests.conftest import FIXTURES, SAMPLE_CORPUS
from tests.sources.stand_in import StandIn, running_stand_in

PUBMED = FIXTURES / "pubmed"
CORPUS = SAMPLE_CORPUS / "sample-corpus.xml"
DAY = dt.date(2025, 3, 10)

pytestmark = pytest.mark.django_db


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    yield from running_stand_in()


def _client(server: StandIn, batch_size: int = 200) -> EutilsClient:
    settings = EutilsSettings(
        email="tests@example.org", base_url=server.url, batch_size=batch_size, timeout=5.0
    )
    return EutilsClient(
        settings, bucket=TokenBucket(1000), sleep=lambda _seconds: None, jitter=lambda: 0.0
    )


def _counts(run: IngestRun) -> dict[str, int]:
    return run.counts()


# --- files -------------------------------------------------------------------------------------


def test_ingesting_the_same_file_twice_changes_nothing_the_second_time() -> None:
    first = ingest_files([CORPUS, PUBMED / "no-abstract.xml"])
    assert first.status == IngestRun.Status.SUCCEEDED
    assert _counts(first) == {
        "found": 33,
        "new": 30,
        "updated": 0,
        "unchanged": 0,
        "skipped": 3,
        "failed": 0,
    }
    assert {(e["record_id"], e["reason"]) for e in first.skip_reasons} == {
        ("99000601", "no abstract"),
        ("99000602", "no abstract"),
        ("99000603", "no title"),
    }
    stored = {row.pmid: (row.content_hash, row.updated_at) for row in Paper.objects.all()}

    second = ingest_files([CORPUS, PUBMED / "no-abstract.xml"])
    assert (second.new, second.updated, second.unchanged, second.skipped) == (0, 0, 30, 3)
    assert Paper.objects.count() == 30
    assert not PaperVersion.objects.exists()
    assert {row.pmid: (row.content_hash, row.updated_at) for row in Paper.objects.all()} == stored


def test_a_stored_paper_holds_the_whole_record() -> None:
    ingest_files([PUBMED / "collective-author.xml"])
    row = Paper.objects.get(pmid="99000101")
    assert row.source_id == "99000101"
    assert row.doi == "10.0000/sample.2024.101"  # stored lower-case
    assert row.journal == "Journal of Sample Data (fictional)"
    assert row.entry_date == dt.date(2024, 1, 8)
    assert row.pub_date == dt.date(2024, 3, 5) and row.pub_date_display == "5 Mar 2024"
    record = row.to_record()
    assert record.doi == "10.0000/Sample.2024.101"  # the record keeps the DOI as sent
    assert [a.name for a in record.authors] == ["Example AB", "Sample MS Registry Study Group"]
    assert record.mesh_headings[0].qualifiers == ("physiopathology", "epidemiology")


def _changed_copy(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "changed.xml"
    text = (PUBMED / "collective-author.xml").read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return path


def test_a_changed_record_is_updated_in_place_and_its_old_version_kept(tmp_path: Path) -> None:
    ingest_files([PUBMED / "collective-author.xml"])
    row_id = Paper.objects.get(pmid="99000101").pk
    changed = _changed_copy(tmp_path, "Walking speed stayed stable", "Walking speed fell slightly")

    run = ingest_files([changed])
    assert (run.new, run.updated, run.unchanged) == (0, 1, 0)
    row = Paper.objects.get(pmid="99000101")
    assert row.pk == row_id
    assert "fell slightly" in row.to_record().abstract_text
    (version,) = PaperVersion.objects.filter(paper=row)
    assert "stayed stable" in version.data["abstract"][0]["text"]
    assert version.replaced_by_run == run

    again = ingest_files([changed])
    assert (again.updated, again.unchanged) == (0, 1)
    assert PaperVersion.objects.count() == 1


def test_a_record_is_matched_by_doi_in_any_case_when_it_gains_a_pmid(tmp_path: Path) -> None:
    jsonl = tmp_path / "early.jsonl"
    jsonl.write_text(
        json.dumps(
            {
                "id": "preprint-7",
                "doi": "10.0000/SAMPLE.2024.101",
                "title": "Walking speed in a relapsing MS registry (preprint).",
                "abstract": "An early version of the registry report.",
            }
        )
        + "\n"
    )
    assert ingest_files([jsonl]).new == 1

    run = ingest_files([PUBMED / "collective-author.xml"])
    assert (run.new, run.updated) == (0, 1)
    row = Paper.objects.get()
    assert (row.pmid, row.source_id) == ("99000101", "99000101")
    assert PaperVersion.objects.get().data["id"] == "preprint-7"

    # The PMID-less copy does not overwrite the PubMed record on a later run.
    back = ingest_files([jsonl])
    assert (back.new, back.updated, back.skipped) == (0, 0, 1)
    assert "already stored as PMID 99000101" in back.skip_reasons[0]["reason"]
    assert Paper.objects.get().pmid == "99000101"


def test_two_records_sharing_a_doi_but_with_different_pmids_stay_apart(tmp_path: Path) -> None:
    ingest_files([PUBMED / "collective-author.xml"])
    other = _changed_copy(tmp_path, '<PMID Version="1">99000101</PMID>', "<PMID>99000199</PMID>")
    run = ingest_files([other])
    assert run.new == 1
    assert Paper.objects.filter(doi="10.0000/sample.2024.101").count() == 2


def test_a_record_that_cannot_be_stored_fails_alone_and_the_run_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text(
        json.dumps({"id": "x" * 300, "title": "Too long an id", "abstract": "Some text."})
        + "\n"
        + json.dumps({"id": "ok-1", "title": "A fine record", "abstract": "Some text."})
        + "\n"
    )
    run = ingest_files([path])
    assert run.status == IngestRun.Status.SUCCEEDED
    assert (run.found, run.new, run.failed) == (2, 1, 1)
    assert "longer than 255" in run.failures[0]["reason"]
    assert list(Paper.objects.values_list("source_id", flat=True)) == ["ok-1"]


def test_a_file_that_breaks_off_stores_what_was_read_and_fails_the_run() -> None:
    with pytest.raises(InputError, match="breaks off"):
        ingest_files([PUBMED / "truncated.xml"])
    run = IngestRun.objects.get()
    assert run.status == IngestRun.Status.FAILED
    assert "line 6" in run.error
    assert (run.new, run.skipped) == (2, 1)
    assert sorted(Paper.objects.values_list("pmid", flat=True)) == ["99000901", "99000902"]


def test_a_missing_file_is_an_input_error_before_anything_is_recorded(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest_files([tmp_path / "absent.xml"])
    assert not IngestRun.objects.exists()


Items = Iterator[PaperRecord | Skipped]


def _interrupt_after(count: int) -> Callable[[Items, int | None], Iterable[PaperRecord | Skipped]]:
    """A progress hook that stops the run like Ctrl+C after `count` records."""

    def wrap(items: Items, total: int | None) -> Iterable[PaperRecord | Skipped]:
        for number, item in enumerate(items):
            if number == count:
                raise KeyboardInterrupt
            yield item

    return wrap


def _seen_by_another_connection() -> tuple[int, list[str]]:
    """Return (papers, run statuses) as a second database connection sees them: committed."""
    seen: list[tuple[int, list[str]]] = []

    def look() -> None:
        try:
            statuses = list(IngestRun.objects.order_by("id").values_list("status", flat=True))
            seen.append((Paper.objects.count(), statuses))
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=look)
    thread.start()
    thread.join()
    return seen[0]


# Real commits (no test transaction around it), on SQLite and PostgreSQL alike.
@pytest.mark.django_db(transaction=True)
def test_an_interrupted_run_leaves_whole_records_and_the_next_run_completes_it() -> None:
    with pytest.raises(KeyboardInterrupt):
        ingest_files([CORPUS], progress=_interrupt_after(12))
    failed = IngestRun.objects.get()
    assert failed.status == IngestRun.Status.FAILED and failed.error == "KeyboardInterrupt"
    assert failed.new == 12 and failed.finished_at is not None
    assert _seen_by_another_connection() == (12, ["failed"])  # committed, run closed
    for row in Paper.objects.all():  # nothing half-written
        assert row.to_record().abstract and row.content_hash and row.title

    done = ingest_files([CORPUS])
    assert (done.status, done.new, done.unchanged) == (IngestRun.Status.SUCCEEDED, 18, 12)
    assert _seen_by_another_connection() == (30, ["failed", "succeeded"])
    assert Paper.objects.values("pmid").distinct().count() == 30


def test_store_paper_reports_each_outcome() -> None:
    from msdigest.sources.pubmed_xml import iter_pubmed_xml

    (record,) = [i for i in iter_pubmed_xml(PUBMED / "collective-author.xml")]
    assert isinstance(record, PaperRecord)
    assert store_paper(record) == "new"
    assert store_paper(record) == "unchanged"


# --- PubMed -----------------------------------------------------------------------------------


def _fill(server: StandIn, count: int, day: dt.date, first: int) -> list[str]:
    pmids = [str(first + n) for n in range(count)]
    for pmid in pmids:
        server.add(pmid, day)
    return pmids


def test_overlapping_pubmed_windows_store_each_paper_once(stand_in: StandIn) -> None:
    monday = _fill(stand_in, 5, DAY, 93000001)
    tuesday = _fill(stand_in, 4, DAY + dt.timedelta(days=1), 93000101)
    wednesday = _fill(stand_in, 3, DAY + dt.timedelta(days=2), 93000201)
    with _client(stand_in, batch_size=2) as client:
        first = ingest_pubmed(client, DEFAULT_QUERY, DAY, DAY + dt.timedelta(days=1))
        second = ingest_pubmed(
            client, DEFAULT_QUERY, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2)
        )
    assert (first.found, first.new, first.unchanged) == (9, 9, 0)
    assert (second.found, second.new, second.unchanged) == (7, 3, 4)
    assert (first.mindate, first.maxdate) == (DAY, DAY + dt.timedelta(days=1))
    assert first.query == DEFAULT_QUERY and first.source == IngestRun.Source.PUBMED
    assert sorted(Paper.objects.values_list("pmid", flat=True)) == sorted(
        monday + tuesday + wednesday
    )


def test_pubmed_unreachable_mid_run_fails_the_run_and_the_rerun_completes_it(
    stand_in: StandIn,
) -> None:
    pmids = _fill(stand_in, 9, DAY, 94000001)
    stand_in.down_after = 3  # esearch and two batches of 2, then PubMed is gone
    with _client(stand_in, batch_size=2) as client, pytest.raises(EutilsUnavailable):
        ingest_pubmed(client, DEFAULT_QUERY, DAY, DAY)
    failed = IngestRun.objects.get()
    assert failed.status == IngestRun.Status.FAILED
    assert "could not be reached" in failed.error and "HTTP 503" in failed.error
    assert (failed.found, failed.new) == (9, 4)
    assert Paper.objects.count() == 4

    stand_in.down_after = None
    with _client(stand_in, batch_size=2) as client:
        done = ingest_pubmed(client, DEFAULT_QUERY, DAY, DAY)
    assert (done.status, done.new, done.unchanged) == (IngestRun.Status.SUCCEEDED, 5, 4)
    assert sorted(Paper.objects.values_list("pmid", flat=True)) == pmids


def test_records_pubmed_listed_but_never_sent_count_as_failed(stand_in: StandIn) -> None:
    pmids = _fill(stand_in, 3, DAY, 95000001)
    stand_in.add("95000099", DAY, abstract=None)
    stand_in.hidden.add(pmids[1])
    with _client(stand_in) as client:
        run = ingest_pubmed(client, DEFAULT_QUERY, DAY, DAY)
    assert run.status == IngestRun.Status.SUCCEEDED
    assert _counts(run) == {
        "found": 4,
        "new": 2,
        "updated": 0,
        "unchanged": 0,
        "skipped": 1,
        "failed": 1,
    }
    assert run.failures[0]["record_id"] == pmids[1]
    assert "did not return it" in run.failures[0]["reason"]
    assert run.skip_reasons[0] == {
        "where": "efetch@0#3",
        "record_id": "95000099",
        "reason": "no abstract",
    }


# --- incremental windows ----------------------------------------------------------------------


def _run(maxdate: dt.date, status: str = "succeeded", query: str = DEFAULT_QUERY) -> None:
    IngestRun.objects.create(
        source=IngestRun.Source.PUBMED,
        query=query,
        mindate=maxdate - dt.timedelta(days=3),
        maxdate=maxdate,
        status=status,
    )


def test_the_first_incremental_run_takes_the_last_seven_days() -> None:
    assert incremental_window(DEFAULT_QUERY, DAY) == (DAY - dt.timedelta(days=7), DAY)


def test_the_next_run_starts_a_day_before_the_last_successful_one_ended() -> None:
    _run(dt.date(2025, 3, 1))
    _run(dt.date(2025, 3, 5))
    _run(dt.date(2025, 3, 8), status="failed")  # a failed run does not move the start
    _run(dt.date(2025, 3, 9), query="other query")  # nor does a run of another query
    assert incremental_window(DEFAULT_QUERY, DAY) == (dt.date(2025, 3, 4), DAY)


def test_days_overrides_the_incremental_start() -> None:
    _run(dt.date(2025, 3, 5))
    assert incremental_window(DEFAULT_QUERY, DAY, days=2) == (dt.date(2025, 3, 8), DAY)


def test_a_run_that_ended_today_starts_the_next_one_yesterday() -> None:
    _run(DAY)
    assert incremental_window(DEFAULT_QUERY, DAY) == (DAY - dt.timedelta(days=1), DAY)


def test_incremental_runs_against_the_stand_in_pick_up_where_they_left(
    stand_in: StandIn,
) -> None:
    early = _fill(stand_in, 2, DAY - dt.timedelta(days=3), 96000001)
    late = _fill(stand_in, 2, DAY, 96000101)
    with _client(stand_in) as client:
        start, end = incremental_window(DEFAULT_QUERY, DAY - dt.timedelta(days=1))
        first = ingest_pubmed(client, DEFAULT_QUERY, start, end)
        start, end = incremental_window(DEFAULT_QUERY, DAY)
        assert start == DAY - dt.timedelta(days=2)
        second = ingest_pubmed(client, DEFAULT_QUERY, start, end)
    assert first.new == 2 and second.new == 2
    assert sorted(Paper.objects.values_list("pmid", flat=True)) == early + late


# --- abandoned runs ---------------------------------------------------------------------------


def _ended_pid() -> int:
    """Return the id of a process that has just ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _running(host: str, pid: int | None, *, silent_for: dt.timedelta = dt.timedelta()) -> int:
    """Store a PubMed run left `running`; its last sign of life `silent_for` ago."""
    run = IngestRun.objects.create(
        source=IngestRun.Source.PUBMED,
        query=DEFAULT_QUERY,
        mindate=dt.date(2025, 3, 6),
        maxdate=dt.date(2025, 3, 9),
        host=host,
        pid=pid,
    )
    # auto_now would overwrite a saved value; set the heartbeat directly.
    IngestRun.objects.filter(pk=run.pk).update(updated_at=timezone.now() - silent_for)
    return run.pk


def test_the_next_run_fails_a_run_whose_process_was_killed() -> None:
    killed = _running(this_host(), _ended_pid())
    done = ingest_files([PUBMED / "collective-author.xml"])
    assert done.status == IngestRun.Status.SUCCEEDED
    run = IngestRun.objects.get(pk=killed)
    assert run.status == IngestRun.Status.FAILED and run.finished_at is not None
    assert run.error.startswith(f"abandoned: its process (pid {run.pid} on {this_host()}) ended")


def test_runs_that_may_still_be_working_are_left_alone() -> None:
    this_process = _running(this_host(), os.getpid(), silent_for=dt.timedelta(minutes=50))
    elsewhere = _running("another-machine", 12345, silent_for=dt.timedelta(minutes=50))
    assert fail_abandoned_runs() == 0
    statuses = IngestRun.objects.filter(pk__in=[this_process, elsewhere]).values_list(
        "status", flat=True
    )
    assert set(statuses) == {IngestRun.Status.RUNNING}


def test_a_run_silent_for_over_an_hour_is_abandoned_wherever_it_ran() -> None:
    silent = _running(
        "another-machine", 12345, silent_for=ABANDONED_AFTER + dt.timedelta(minutes=1)
    )
    without_process = _running("", None, silent_for=ABANDONED_AFTER + dt.timedelta(minutes=1))
    assert fail_abandoned_runs() == 2
    for pk in (silent, without_process):
        run = IngestRun.objects.get(pk=pk)
        assert run.status == IngestRun.Status.FAILED
        assert run.error.startswith("abandoned: no sign of life for over 60 minutes")


def test_an_abandoned_run_never_moves_the_incremental_window() -> None:
    _run(dt.date(2025, 3, 5))
    _running(this_host(), _ended_pid())  # its window ends on 9 March
    assert fail_abandoned_runs() == 1
    assert incremental_window(DEFAULT_QUERY, DAY) == (dt.date(2025, 3, 4), DAY)


def test_a_live_run_judged_abandoned_puts_itself_back_at_its_next_save() -> None:
    run = IngestRun.objects.get(pk=_running("another-machine", 1, silent_for=ABANDONED_AFTER * 2))
    assert fail_abandoned_runs() == 1
    run.new += 1  # the live process saves its counts, as it does every second
    run.save()
    run.refresh_from_db()
    assert (run.status, run.error) == (IngestRun.Status.RUNNING, "")


# --- admin ------------------------------------------------------------------------------------


def test_admin_shows_papers_their_versions_and_runs_read_only(admin_client, tmp_path: Path) -> None:
    ingest_files([PUBMED / "collective-author.xml", PUBMED / "no-abstract.xml"])
    ingest_files([_changed_copy(tmp_path, "Walking speed stayed", "Gait speed stayed")])
    paper = Paper.objects.get(pmid="99000101")

    listing = admin_client.get("/admin/papers/paper/")
    assert listing.status_code == 200 and "99000101" in listing.content.decode()
    page = admin_client.get(f"/admin/papers/paper/{paper.pk}/change/").content.decode()
    assert "Gait speed stayed stable" in page  # the current abstract
    assert "Walking speed after two years" in page  # the title, also in the version row
    assert "https://pubmed.ncbi.nlm.nih.gov/99000101/" in page
    assert 'name="_save"' not in page  # read-only
    run = IngestRun.objects.order_by("id").first()
    runs = admin_client.get(f"/admin/papers/ingestrun/{run.pk}/change/").content.decode()
    assert "99000603" in runs and "no title" in runs
    assert admin_client.get("/admin/papers/paper/add/").status_code == 403
