"""Store papers from PubMed or from files: de-duplicated, versioned, every run recorded.

A paper is matched to what is stored by PMID, then by DOI (compared lower-case), then by
its source id. An identical record counts as unchanged; a changed one is updated in place
and its previous version kept in `PaperVersion`. Each record is written in its own
transaction, so a run that dies half-way leaves every record either fully stored or not
at all, and the next run simply carries on: storing is idempotent.

Every run is an `IngestRun` with its window, counts and reasons. A run that stops on an
error is marked failed with that error; one whose process was killed outright is marked
failed as abandoned by the next run (`fail_abandoned_runs`). Incremental PubMed ingestion
starts from the greatest `maxdate` of the successful runs of the same query, minus one day
of overlap (records entered late on that day), up to today; with no such run, the last 7
days.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from msdigest.errors import InputError
from msdigest.paper import Paper as PaperRecord
from msdigest.sources import Skipped, read_papers
from msdigest.sources.eutils import EutilsClient, Missing, SearchResult
from msdigest.sources.pubmed_xml import FileCutShort
from msdigest_web.papers.models import IngestRun, Paper, PaperVersion, content_hash, this_host

__all__ = [
    "ABANDONED_AFTER",
    "DEFAULT_DAYS",
    "OVERLAP",
    "Outcome",
    "Progress",
    "RecordRejected",
    "SupersededRecord",
    "fail_abandoned_runs",
    "incremental_window",
    "ingest_files",
    "ingest_pubmed",
    "store_paper",
]

Outcome = Literal["new", "updated", "unchanged"]
Item = PaperRecord | Skipped
#: Wraps the stream of records (e.g. in a progress bar); gets the expected total if known.
Progress = Callable[[Iterator[Item], int | None], Iterable[Item]]

DEFAULT_DAYS = 7  # the first incremental run looks back this far
OVERLAP = dt.timedelta(days=1)
MAX_LISTED = 10_000  # reasons kept per run; the counts stay exact beyond it
_SAVE_EVERY = 1.0  # seconds between saves of a running run's counts (its heartbeat)
#: A running run with no sign of life for this long is abandoned, wherever it ran. The
#: longest silence of a live run is one E-utilities request with all its retries: with the
#: defaults, 5 tries of 30 s and pauses of at most 120 s, about ten minutes.
ABANDONED_AFTER = dt.timedelta(hours=1)


class RecordRejected(Exception):
    """A record that cannot be stored as it is (an id too long, a conflicting identity)."""


class SupersededRecord(RecordRejected):
    """A record without a PMID whose DOI belongs to a stored PubMed record (kept as is)."""


# --- one record -------------------------------------------------------------------------------


def _columns(record: PaperRecord, data: dict[str, object]) -> dict[str, object]:
    """Return the model's indexed columns for a record (the full record goes in `data`)."""
    for name, value, limit in (
        ("id", record.id, 255),
        ("PMID", record.pmid, 20),
        ("DOI", record.doi, 255),
    ):
        if value and len(value) > limit:
            raise RecordRejected(f"{name} longer than {limit} characters")
    return {
        "source_id": record.id,
        "pmid": record.pmid or None,
        "doi": record.doi.lower() if record.doi else None,
        "title": record.title,
        "journal": (record.journal or "")[:500],
        "pub_date": record.pub_date.as_date() if record.pub_date else None,
        "pub_date_display": record.pub_date.display()[:64] if record.pub_date else "",
        "entry_date": record.entry_date,
        "data": data,
        "content_hash": content_hash(data),
    }


def _find_stored(record: PaperRecord) -> Paper | None:
    """Return the stored paper this record is a version of: by PMID, DOI, then id."""
    rows = Paper.objects.select_for_update()
    if record.pmid:
        found = rows.filter(pmid=record.pmid).first()
        if found is not None:
            return found
    if record.doi:
        for found in rows.filter(doi=record.doi.lower()).order_by("id"):
            if not found.pmid or not record.pmid:
                return found  # a PMID-less copy of the same DOI is the same paper
    found = rows.filter(source_id=record.id).first()
    if found is not None and found.pmid and record.pmid and found.pmid != record.pmid:
        raise RecordRejected(
            f"id {record.id!r} is already stored for PMID {found.pmid}, not {record.pmid}"
        )
    return found


def store_paper(record: PaperRecord, run: IngestRun | None = None) -> Outcome:
    """Store one paper in its own transaction; return "new", "updated" or "unchanged".

    Raises `RecordRejected` when the record cannot be stored as it is, including a record
    without a PMID whose DOI belongs to a stored PubMed record: the copy from PubMed wins,
    so re-ingesting both never flips the stored version back and forth.
    """
    data = record.to_dict()
    columns = _columns(record, data)
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                stored = _find_stored(record)
                if stored is None:
                    Paper.objects.create(**columns)
                    return "new"
                if stored.content_hash == columns["content_hash"]:
                    return "unchanged"
                if stored.pmid and not record.pmid:
                    raise SupersededRecord(
                        f"already stored as PMID {stored.pmid} (same DOI); a record without "
                        "a PMID does not replace it"
                    )
                PaperVersion.objects.create(
                    paper=stored,
                    data=stored.data,
                    content_hash=stored.content_hash,
                    replaced_by_run=run,
                )
                for name, value in columns.items():
                    setattr(stored, name, value)
                stored.save()
                return "updated"
        except IntegrityError:
            if attempt == 2:
                raise
            # Another process stored the same paper between our look-up and insert:
            # look again, and this time find it.
    raise AssertionError("unreachable")


# --- a run ------------------------------------------------------------------------------------


def _process_ended(pid: int) -> bool:
    """Return True when no process `pid` exists on this machine (POSIX only)."""
    if os.name != "posix":
        return False  # elsewhere signal 0 is not a harmless probe
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists but belongs to someone else
    return False


def _abandonment(run: IngestRun, now: dt.datetime) -> str | None:
    """Return why a `running` run is abandoned, or None while it may still be working."""
    seen = timezone.localtime(run.updated_at).strftime("%Y-%m-%d %H:%M:%S %Z")
    if run.host == this_host() and run.pid and _process_ended(run.pid):
        return (
            f"abandoned: its process (pid {run.pid} on {run.host}) ended without finishing "
            f"the run, killed outright or the machine stopped; last sign of life {seen}"
        )
    if now - run.updated_at > ABANDONED_AFTER:
        minutes = ABANDONED_AFTER.total_seconds() / 60
        return f"abandoned: no sign of life for over {minutes:g} minutes (last {seen})"
    return None


def fail_abandoned_runs(*, now: dt.datetime | None = None, keep: IngestRun | None = None) -> int:
    """Mark `running` runs whose process is gone as failed; return how many.

    A run is abandoned when it was started on this machine by a process that no longer
    exists (killed with SIGKILL, say), or when its heartbeat (`updated_at`, saved with the
    counts at least every second while records arrive) is older than `ABANDONED_AFTER`,
    which also catches runs of other machines. Like every failed run, an abandoned one
    never moves the incremental window, so its window is fetched again. `keep` is the run
    about to start. A run wrongly judged abandoned puts itself back to `running` at its
    next save, and records its real outcome when it ends.
    """
    now = now or timezone.now()
    marked = 0
    running = IngestRun.objects.filter(status=IngestRun.Status.RUNNING)
    if keep is not None:
        running = running.exclude(pk=keep.pk)
    for run in running:
        reason = _abandonment(run, now)
        if reason is None:
            continue
        # Only if nothing changed since we looked: a live run's heartbeat wins.
        marked += IngestRun.objects.filter(
            pk=run.pk, status=IngestRun.Status.RUNNING, updated_at=run.updated_at
        ).update(status=IngestRun.Status.FAILED, finished_at=now, error=reason)
    return marked


@dataclass
class _Tally:
    """The counts of a running `IngestRun`, saved now and then and at the end."""

    run: IngestRun
    saved_at: float = 0.0

    def note(self, kind: str, item: Skipped | PaperRecord, reason: str) -> None:
        listing = self.run.skip_reasons if kind == "skipped" else self.run.failures
        if len(listing) < MAX_LISTED:
            where = item.where if isinstance(item, Skipped) else (item.source or item.id)
            record_id = item.record_id if isinstance(item, Skipped) else item.id
            listing.append({"where": where, "record_id": record_id, "reason": reason})

    def save(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.saved_at >= _SAVE_EVERY:
            self.run.save()
            self.saved_at = now


def _consume(run: IngestRun, items: Iterable[Item], *, count_found: bool) -> None:
    """Store every item of the stream into `run`; a cut-short input fails the run."""
    tally = _Tally(run)
    cut_short: FileCutShort | None = None
    for item in items:
        if count_found:
            run.found += 1
        if isinstance(item, Missing):
            run.failed += 1
            tally.note("failed", item, item.reason)
        elif isinstance(item, Skipped):
            run.skipped += 1
            tally.note("skipped", item, item.reason)
            if isinstance(item, FileCutShort):
                cut_short = item
        else:
            try:
                outcome = store_paper(item, run)
            except SupersededRecord as exc:
                run.skipped += 1
                tally.note("skipped", item, str(exc))
            except (RecordRejected, DatabaseError) as exc:
                run.failed += 1
                tally.note("failed", item, f"{type(exc).__name__}: {exc}")
            else:
                setattr(run, outcome, getattr(run, outcome) + 1)
        tally.save()
    if cut_short is not None:
        raise InputError(f"{cut_short.where}: {cut_short.reason}")


def _finish(run: IngestRun, error: BaseException | None) -> IngestRun:
    run.finished_at = timezone.now()
    if error is None:
        run.status = IngestRun.Status.SUCCEEDED
    else:
        run.status = IngestRun.Status.FAILED
        run.error = str(error) or type(error).__name__
    run.save()
    return run


def _run(run: IngestRun, work: Callable[[], None]) -> IngestRun:
    """Do the work of a run; on any error mark it failed, keep its counts, re-raise.

    Runs left `running` by killed processes are marked failed first.
    """
    try:
        fail_abandoned_runs(keep=run)
        work()
    except BaseException as exc:  # KeyboardInterrupt too: the row must not stay "running"
        _finish(run, exc)
        raise
    return _finish(run, None)


def _wrap(progress: Progress | None, items: Iterator[Item], total: int | None) -> Iterable[Item]:
    return progress(items, total) if progress else items


def ingest_files(
    paths: Sequence[str | Path],
    fmt: str | None = None,
    *,
    progress: Progress | None = None,
    run: IngestRun | None = None,
) -> IngestRun:
    """Store every paper of PubMed XML or JSONL files; return the finished run.

    Raises `InputError` (after recording the run as failed) when a file is missing,
    unreadable, or breaks off part-way; the records read before that are stored. Pass a
    `run` created beforehand to report on it even when this raises.
    """
    names = [str(path) for path in paths]
    for name in names:
        if not Path(name).is_file():
            raise InputError(f"{name}: no such file")
    if run is None:
        run = IngestRun.objects.create(source=IngestRun.Source.FILE, inputs=names)
    return _run(
        run,
        lambda: _consume(run, _wrap(progress, read_papers(names, fmt), None), count_found=True),
    )


def ingest_pubmed(
    client: EutilsClient,
    query: str,
    mindate: dt.date,
    maxdate: dt.date,
    *,
    progress: Progress | None = None,
    run: IngestRun | None = None,
) -> IngestRun:
    """Search PubMed for one entry-date window and store every record; return the run.

    Raises `SourceError` (after recording the run as failed) when PubMed cannot be
    reached; every record stored before that stays stored, and the next run redoes the
    window because only successful runs move the incremental start. Pass a `run`
    created beforehand to report on it even when this raises.
    """
    if run is None:
        run = IngestRun.objects.create(
            source=IngestRun.Source.PUBMED, query=query, mindate=mindate, maxdate=maxdate
        )

    def work() -> None:
        searches: list[SearchResult] = []
        for search in client.search_windows(query, mindate, maxdate):
            searches.append(search)
            run.found += search.count
            run.save()  # a sign of life between searches of a long backfill

        def records() -> Iterator[Item]:
            for search in searches:
                yield from client.fetch(search)

        _consume(run, _wrap(progress, records(), run.found), count_found=False)

    return _run(run, work)


def incremental_window(
    query: str, today: dt.date, *, days: int | None = None
) -> tuple[dt.date, dt.date]:
    """Return (mindate, maxdate) for a PubMed run that was given no dates.

    `days` looks back that many days from today. Otherwise the window starts one day
    before the end of the latest successful run of the same query (the overlap catches
    records entered late that day) and, with no such run, `DEFAULT_DAYS` ago.
    """
    if days is not None:
        return today - dt.timedelta(days=days), today
    last = (
        IngestRun.objects.filter(
            source=IngestRun.Source.PUBMED,
            status=IngestRun.Status.SUCCEEDED,
            query=query,
            maxdate__isnull=False,
        )
        .order_by("-maxdate", "-id")
        .first()
    )
    if last is None or last.maxdate is None:
        return today - dt.timedelta(days=DEFAULT_DAYS), today
    return min(last.maxdate - OVERLAP, today), today
