"""Build the demo site's content: sample papers, drafts, published articles, an editor.

`msdigest demo` calls `build_demo` on a fresh database; tests call it too, so the demo a
new user sees is the one the tests check.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User

import msdigest
from msdigest_web.articles.roles import ensure_roles
from msdigest_web.articles.services import DraftReport, draft_missing
from msdigest_web.papers.ingest import ingest_files
from msdigest_web.papers.models import Paper

SAMPLE_CORPUS = Path(msdigest.__file__).resolve().parent / "data" / "sample" / "sample-corpus.xml"
DEMO_EDITOR = "editor"

Progress = Callable[[Iterable[Paper], int], Iterable[Paper]]


@dataclass
class DemoResult:
    """What the demo made: papers stored, the draft report, and the editor's login."""

    papers: int
    report: DraftReport
    username: str
    password: str
    skipped_records: list[str] = field(default_factory=list)


def store_papers(paths: Iterable[Path]) -> tuple[int, list[str]]:
    """Store the papers of `paths` as `msdigest ingest file` does; return (count, skips)."""
    run = ingest_files([str(p) for p in paths])
    reasons = [f"{s.get('record_id')}: {s.get('reason')}" for s in run.skip_reasons]
    return run.new + run.updated + run.unchanged, reasons


def create_editor(username: str = DEMO_EDITOR) -> tuple[str, str]:
    """Create (or reset) a staff editor with a new random password; return the login."""
    password = secrets.token_urlsafe(12)
    user, _ = User.objects.get_or_create(username=username)
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.add(ensure_roles()["Editors"])
    return username, password


def build_demo(
    *,
    corpus: Path = SAMPLE_CORPUS,
    engine: str | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Load the sample corpus, draft every paper, publish what passes, create an editor."""
    stored, skipped = store_papers([corpus])
    report = draft_missing(engine=engine, auto_publish=True, progress=progress)
    username, password = create_editor()
    return DemoResult(stored, report, username, password, skipped)
