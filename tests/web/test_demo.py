"""The demo and the server: what a new user gets from `msdigest demo` and `msdigest serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User
from django.test import Client

from msdigest_web.articles.demo import SAMPLE_CORPUS, build_demo
from msdigest_web.articles.models import Article

MSDIGEST = [sys.executable, "-m", "msdigest_cli.main"]


@pytest.mark.django_db
def test_build_demo_loads_the_sample_corpus_publishes_passing_drafts_and_makes_an_editor(
    settings_fake_engine: Any,
) -> None:
    result = build_demo(engine="fake")
    assert result.papers >= 30
    assert len(result.report.drafted) == result.papers
    assert result.report.published  # the fake checks pass these
    assert Article.objects.published().count() == len(result.report.published)
    editor = User.objects.get(username=result.username)
    assert editor.is_staff and editor.groups.filter(name="Editors").exists()
    client = Client()
    assert client.login(username=result.username, password=result.password)
    assert client.get("/admin/articles/reviewqueue/").status_code == 200
    # Running it again resets the editor's password and drafts nothing twice.
    again = build_demo(engine="fake")
    assert again.report.drafted == [] and again.password != result.password


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[str], seconds: float = 60) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.communicate()}")
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


def test_serve_migrates_a_new_database_and_serves_pages(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "MSDIGEST_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [*MSDIGEST, "serve", "--port", str(port), "--threads", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        response = _wait_for(f"http://127.0.0.1:{port}/", process)
        assert response.status_code == 200
        assert "No articles have been published yet." in response.text
        assert "Content-Security-Policy" in response.headers
        css = httpx.get(f"http://127.0.0.1:{port}/static/msdigest/site.css", timeout=5)
        assert css.status_code == 200 and ".skip-link" in css.text
        assert (tmp_path / "msdigest.sqlite3").exists()
    finally:
        process.terminate()
        process.wait(timeout=10)


def _real_pipeline_missing() -> str | None:
    import msdigest.facts

    if not hasattr(msdigest.facts, "extract_facts"):
        return "msdigest.facts.extract_facts is not written yet"
    try:
        from msdigest.writers import get_engine

        get_engine("grounded")
    except Exception as exc:
        return f"the grounded engine cannot load yet: {exc}"
    return None


@pytest.mark.slow
def test_demo_command_builds_a_fresh_site_with_the_real_pipeline(tmp_path: Path) -> None:
    missing = _real_pipeline_missing()
    if missing:
        pytest.skip(missing)
    assert SAMPLE_CORPUS.exists()
    env = {**os.environ, "MSDIGEST_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    (tmp_path / "demo.sqlite3").write_text("not a database: the demo must replace it")
    result = subprocess.run(
        [*MSDIGEST, "demo", "--no-serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Demo ready:" in result.stdout
    assert "(user editor, password " in result.stdout
    published = int(result.stdout.split("articles published")[0].split(",")[-1].strip())
    assert published >= 10, result.stdout


@pytest.mark.slow
def test_bench_site_runs_and_prints_a_table(tmp_path: Path) -> None:
    env = {**os.environ, "MSDIGEST_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [*MSDIGEST, "bench", "site", "--articles", "40", "--requests", "10"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("filled 40 published articles")
    kinds = [line.split()[0] for line in lines[2:10]]
    assert kinds == ["home", "article", "topic", "search"] * 2


def test_manage_passes_commands_to_django(tmp_path: Path) -> None:
    env = {**os.environ, "MSDIGEST_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [*MSDIGEST, "manage", "check", "--deploy", "--fail-level", "ERROR"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified" in result.stdout + result.stderr


def test_serve_on_a_busy_port_says_so_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "MSDIGEST_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [*MSDIGEST, "serve", "--port", str(port)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
