"""Read-only admin views of stored papers, their earlier versions, and every ingest run.

Papers arrive only through ingestion, so nothing here adds, edits or deletes them: an
editor reads the record as the source sent it and its history, and an operator checks
what each run found, stored, skipped and why.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from msdigest_web.papers.models import IngestRun, Paper, PaperVersion


class ReadOnlyMixin:
    """Allow viewing only: records change through ingestion, never by hand."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _pretty_json(value: Any) -> str:
    return format_html(
        '<pre style="white-space: pre-wrap">{}</pre>',
        json.dumps(value, indent=2, ensure_ascii=False),
    )


class PaperVersionInline(ReadOnlyMixin, admin.TabularInline):
    model = PaperVersion
    extra = 0
    can_delete = False
    fields = ("replaced_at", "replaced_by_run", "content_hash", "title_then")
    readonly_fields = fields
    ordering = ("-replaced_at", "-id")

    @admin.display(description="title in that version")
    def title_then(self, version: PaperVersion) -> str:
        return str(version.data.get("title", ""))


@admin.register(Paper)
class PaperAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("source_id", "pmid", "short_title", "journal", "entry_date", "updated_at")
    list_filter = ("entry_date",)
    search_fields = ("pmid", "doi", "source_id", "title")
    date_hierarchy = "entry_date"
    inlines = [PaperVersionInline]
    fields = (
        "source_id",
        "pmid",
        "doi",
        "title",
        "journal",
        "pub_date_display",
        "entry_date",
        "abstract",
        "links",
        "created_at",
        "updated_at",
        "content_hash",
        "stored_record",
    )
    readonly_fields = fields

    @admin.display(description="title", ordering="title")
    def short_title(self, paper: Paper) -> str:
        return paper.title if len(paper.title) <= 90 else paper.title[:89] + "…"

    @admin.display(description="abstract")
    def abstract(self, paper: Paper) -> str:
        sections = paper.data.get("abstract", [])
        return format_html_join(
            "",
            "<p><strong>{}</strong>{}</p>",
            ((f"{s['label']}: " if s.get("label") else "", s.get("text", "")) for s in sections),
        )

    @admin.display(description="links")
    def links(self, paper: Paper) -> str:
        record = paper.to_record()
        parts = [
            (url, label)
            for url, label in ((record.pubmed_url, "PubMed"), (record.doi_url, "DOI"))
            if url
        ]
        return format_html_join(" · ", '<a href="{}" rel="noopener noreferrer">{}</a>', parts)

    @admin.display(description="stored record (JSON)")
    def stored_record(self, paper: Paper) -> str:
        return _pretty_json(paper.data)


@admin.register(IngestRun)
class IngestRunAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = (
        "id",
        "source",
        "status",
        "mindate",
        "maxdate",
        "found",
        "new",
        "updated",
        "unchanged",
        "skipped",
        "failed",
        "started_at",
        "finished_at",
    )
    list_filter = ("source", "status")
    fields = (
        "source",
        "status",
        "error",
        "query",
        "mindate",
        "maxdate",
        "inputs",
        "started_at",
        "finished_at",
        ("host", "pid", "updated_at"),
        ("found", "new", "updated", "unchanged", "skipped", "failed"),
        "skipped_records",
        "failed_records",
    )
    readonly_fields = (
        "source",
        "status",
        "error",
        "query",
        "mindate",
        "maxdate",
        "inputs",
        "started_at",
        "finished_at",
        "host",
        "pid",
        "updated_at",
        "found",
        "new",
        "updated",
        "unchanged",
        "skipped",
        "failed",
        "skipped_records",
        "failed_records",
    )

    @admin.display(description="skipped records and why")
    def skipped_records(self, run: IngestRun) -> str:
        return _reasons(run.skip_reasons)

    @admin.display(description="failed records and why")
    def failed_records(self, run: IngestRun) -> str:
        return _reasons(run.failures)


def _reasons(entries: list[dict[str, Any]]) -> str:
    if not entries:
        return "none"
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            "<li>{} {}: {}</li>",
            (
                (e.get("record_id") or "", f"({e.get('where')})", e.get("reason", ""))
                for e in entries
            ),
        ),
    )
