"""Commands for the website: draft, demo, serve, manage, and the site benchmark.

Django reads its settings once per process, so each command sets the environment it needs
(a demo database, a benchmark database) before `django.setup()`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from msdigest_cli.app import CONTEXT, bench, cli

DEMO_DATABASE = "demo.sqlite3"


def _home() -> Path:
    return Path(os.environ.get("MSDIGEST_HOME") or "./msdigest-data").expanduser().resolve()


def setup_django(**environment: str) -> None:
    """Set `environment` and start Django (settings are read now, once)."""
    os.environ.update(environment)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msdigest_web.settings")
    import django

    django.setup()


def migrate(verbosity: int = 0) -> None:
    """Bring the database schema up to date (a no-op when it already is)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def bar(desc: str) -> Any:
    """Return a progress function for `draft_missing` that draws a bar on stderr."""

    def wrap(items: Iterable[Any], total: int) -> Iterable[Any]:
        return tqdm(items, total=total, desc=desc, unit="paper", file=sys.stderr, leave=False)

    return wrap


def serve_site(host: str, port: int, threads: int) -> None:
    """Serve the site with waitress until interrupted."""
    from waitress import serve

    from msdigest_web.wsgi import application

    click.echo(f"Serving msdigest on http://{host}:{port}/ (Ctrl+C to stop)")
    try:
        serve(application, host=host, port=port, threads=threads, ident="msdigest", _quiet=True)
    except OSError as exc:
        raise click.ClickException(
            f"cannot serve on {host}:{port}: {exc.strerror or exc} "
            "(is another server using that port? try --port)"
        ) from exc


@cli.command(context_settings=CONTEXT)
@click.option("--engine", default=None, help="Writer engine key (default: MSDIGEST_ENGINE).")
@click.option(
    "--auto-publish/--no-auto-publish",
    default=None,
    help="Publish drafts whose checks all pass (default: MSDIGEST_AUTO_PUBLISH).",
)
def draft(engine: str | None, auto_publish: bool | None) -> None:
    """Draft an article for every stored paper that has none yet.

    Extracts the facts, writes the summary with the engine and stores it with its check
    report. A paper that cannot be drafted is reported with its reason and skipped.
    """
    setup_django()
    from django.conf import settings

    from msdigest_web.articles.services import draft_missing

    report = draft_missing(
        engine=engine or settings.MSDIGEST_ENGINE,
        auto_publish=auto_publish,
        progress=bar("Drafting"),
    )
    for paper, reason in report.skipped:
        click.echo(f"skipped {paper.source_id}: {reason}", err=True)
    held = len(report.drafted) - len(report.published)
    click.echo(
        f"drafted {len(report.drafted)}, published {len(report.published)}, "
        f"held for review {held}, skipped {len(report.skipped)}"
    )


@cli.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--no-serve", is_flag=True, help="Prepare the demo database and stop.")
def demo(host: str, port: int, no_serve: bool) -> None:
    """Build a fresh demo site from the bundled sample corpus and serve it.

    The demo database is MSDIGEST_HOME/demo.sqlite3 (MSDIGEST_HOME defaults to
    ./msdigest-data), made anew on every run; your own database is never touched.
    Drafts whose checks all pass are published; a demo editor account is created.
    """
    home = _home()
    home.mkdir(parents=True, exist_ok=True)
    database = home / DEMO_DATABASE
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.environ.pop("DATABASE_URL", None)  # the demo is always its own SQLite file
    setup_django(
        MSDIGEST_HOME=str(home),
        MSDIGEST_SQLITE_FILE=str(database),
        MSDIGEST_AUTO_PUBLISH="1",
    )
    from django.conf import settings

    from msdigest_web.articles.demo import build_demo

    click.echo(f"Preparing the demo in {database} ...", err=True)
    migrate()
    result = build_demo(engine=settings.MSDIGEST_ENGINE, progress=bar("Writing summaries"))
    report = result.report
    for reason in result.skipped_records:
        click.echo(f"skipped record {reason}", err=True)
    for paper, reason in report.skipped:
        click.echo(f"skipped {paper.source_id}: {reason}", err=True)
    held = len(report.drafted) - len(report.published)
    url = f"http://{host}:{port}/"
    click.echo(
        f"\nDemo ready: {result.papers} sample papers, {len(report.published)} articles "
        f"published, {held} held for an editor, {len(report.skipped)} skipped.\n"
        f"  Site:   {url}\n"
        f"  Admin:  {url}admin/  (user {result.username}, password {result.password})\n"
    )
    if not no_serve:
        serve_site(host, port, threads=4)


@cli.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@click.option("--demo", "use_demo", is_flag=True, help="Serve the database `msdigest demo` made.")
def serve(host: str, port: int, threads: int, use_demo: bool) -> None:
    """Serve the site from the existing database (migrating it first if needed)."""
    environment = {}
    if use_demo:
        environment["MSDIGEST_SQLITE_FILE"] = str(_home() / DEMO_DATABASE)
    setup_django(**environment)
    migrate()
    serve_site(host, port, threads)


@cli.command(
    context_settings={**CONTEXT, "ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command: msdigest manage createsuperuser, migrate, ..."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["msdigest manage", *args])


@bench.command(name="site", context_settings=CONTEXT)
@click.option("--articles", default=10_000, show_default=True, type=click.IntRange(10))
@click.option("--requests", "requests_per_page", default=200, show_default=True,
              type=click.IntRange(10), help="Requests per page kind.")  # fmt: skip
@click.option(
    "--keep",
    type=click.Path(path_type=Path),
    help="Keep the database in this folder, and reuse it when it already holds the articles.",
)
def bench_site(articles: int, requests_per_page: int, keep: Path | None) -> None:
    """Time home, article, topic and search pages over many published articles.

    Fills a temporary SQLite database with synthetic articles made from the sample
    corpus, then reports the 95th percentile per page kind through Django's test client
    and through a real waitress server on 127.0.0.1.
    """
    import tempfile

    folder = keep or Path(tempfile.mkdtemp(prefix="msdigest-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "bench.sqlite3"
    if keep is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.environ.pop("DATABASE_URL", None)
    setup_django(MSDIGEST_HOME=str(folder), MSDIGEST_SQLITE_FILE=str(database))
    from msdigest_web.articles.bench import run_benchmark

    migrate()
    for line in run_benchmark(articles, requests_per_page):
        click.echo(line)
    if keep is None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
