"""Stored papers, their history, and the record of every ingest run.

A paper is stored once, de-duplicated on PMID and then DOI. When a source sends a changed
version of a record, the row is updated in place and the previous version is kept in
`PaperVersion`, so nothing is ever lost. Each ingest is an `IngestRun` with its counts and
query window; incremental PubMed ingestion resumes from the last successful run.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from typing import Any

from django.db import models

from msdigest.paper import Paper as PaperRecord


def content_hash(data: dict[str, Any]) -> str:
    """Return a stable SHA-256 of a paper's JSON, to tell a changed record from a re-send."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class Paper(models.Model):
    """One research record as stored; `data` holds the full `msdigest.paper.Paper`."""

    source_id = models.CharField(
        max_length=255, unique=True, help_text="The record's id: its PMID, or the JSONL id."
    )
    pmid = models.CharField(max_length=20, unique=True, null=True, blank=True)
    doi = models.CharField(
        max_length=255,
        null=True,
        blank=True,
        db_index=True,
        help_text="Stored lower-case; DOIs are case-insensitive.",
    )
    title = models.TextField()
    journal = models.CharField(max_length=500, blank=True)
    pub_date = models.DateField(
        null=True, blank=True, help_text="Earliest date the publication date can be."
    )
    pub_date_display = models.CharField(max_length=64, blank=True)
    entry_date = models.DateField(null=True, blank=True, db_index=True)
    data = models.JSONField()
    content_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-entry_date", "-id"]

    def __str__(self) -> str:
        ident = f"PMID {self.pmid}" if self.pmid else self.source_id
        return f"{ident}: {self.title[:80]}"

    def to_record(self) -> PaperRecord:
        """Return the stored paper as the pipeline's immutable `Paper` record."""
        return PaperRecord.from_dict(self.data)


class PaperVersion(models.Model):
    """A previous version of a paper, kept when a newer one replaced it."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="versions")
    data = models.JSONField()
    content_hash = models.CharField(max_length=64)
    replaced_at = models.DateTimeField(auto_now_add=True)
    replaced_by_run = models.ForeignKey(
        "IngestRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-replaced_at", "-id"]


def this_host() -> str:
    """Return the name of this machine, recorded on each run to tell whose process it is."""
    return socket.gethostname()[:255]


def this_process() -> int:
    """Return the id of this process, recorded on each run to see later whether it lives."""
    return os.getpid()


class IngestRun(models.Model):
    """One ingest: where from, which window, what happened to each record.

    `host` and `pid` name the process doing the run and `updated_at` is its heartbeat
    (every save of the counts), so a run whose process was killed outright can be told
    from one still working (see `papers.ingest.fail_abandoned_runs`).
    """

    class Source(models.TextChoices):
        PUBMED = "pubmed", "PubMed E-utilities"
        FILE = "file", "Local files"

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    source = models.CharField(max_length=16, choices=Source.choices)
    query = models.TextField(blank=True)
    mindate = models.DateField(null=True, blank=True)
    maxdate = models.DateField(null=True, blank=True)
    inputs = models.JSONField(default=list, blank=True, help_text="Files read, for file runs.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    found = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    skip_reasons = models.JSONField(
        default=list, blank=True, help_text="[{where, record_id, reason}] per skipped record."
    )
    failures = models.JSONField(
        default=list,
        blank=True,
        help_text="[{where, record_id, reason}] per record that could not be fetched or stored.",
    )
    error = models.TextField(blank=True, help_text="Why the run stopped, when it failed.")
    host = models.CharField(
        max_length=255, blank=True, default=this_host, help_text="Machine that ran it."
    )
    pid = models.PositiveIntegerField(
        null=True, blank=True, default=this_process, help_text="Process id on that machine."
    )
    updated_at = models.DateTimeField(
        auto_now=True, help_text="Last sign of life: the counts are saved while the run works."
    )

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        window = f" {self.mindate}..{self.maxdate}" if self.mindate else ""
        return f"{self.source}{window} ({self.status})"

    def counts(self) -> dict[str, int]:
        """Return the counts printed by `msdigest ingest ... --json`."""
        return {
            name: getattr(self, name)
            for name in ("found", "new", "updated", "unchanged", "skipped", "failed")
        }
