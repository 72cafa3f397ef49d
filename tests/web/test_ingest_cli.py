"""`msdigest ingest pubmed` and `msdigest ingest file`: counts, JSON, errors, exit status."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from msdigest_cli.main import main
from msdigest_web.papers.models import IngestRun, Paper
from tests.conftest import FIXTURES, SAMPLE_CORPUS
from tests.sources.stand_in import StandIn, running_stand_in

CORPUS = SAMPLE_CORPUS / "sample-corpus.xml"
KEYS = {"found", "new", "updated", "unchanged", "skipped", "failed"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    for server in running_stand_in():
        monkeypatch.setenv("NCBI_EMAIL", "tests@example.org")
        monkeypatch.setenv("NCBI_EUTILS_URL", server.url)
        monkeypatch.setenv("NCBI_API_KEY", "test-key")  # 10 requests/s keeps tests quick
        yield server


def _json(out: str) -> dict:
    (line,) = [line for line in out.splitlines() if line.strip()]
    return json.loads(line)


def test_ingest_file_prints_counts_and_is_idempotent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "file", str(CORPUS), "--json"]) == 0
    first = _json(capsys.readouterr().out)
    assert first.keys() >= KEYS
    assert {k: first[k] for k in KEYS} == {
        "found": 30,
        "new": 30,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
    }
    assert first["status"] == "succeeded" and first["inputs"] == [str(CORPUS)]

    assert main(["ingest", "file", str(CORPUS)]) == 0
    out, _ = capsys.readouterr()
    assert "found 30, new 0, updated 0, unchanged 30, skipped 0, failed 0" in out
    assert Paper.objects.count() == 30


def test_ingest_file_names_what_it_did_not_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "file", str(FIXTURES / "pubmed" / "no-abstract.xml")]) == 0
    _, err = capsys.readouterr()
    assert "not stored: no abstract (2); no title (1)" in err


def test_ingest_file_of_a_missing_file_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", "file", str(tmp_path / "nope.xml")]) == 1
    _, err = capsys.readouterr()
    assert err.strip() == f"error: {tmp_path / 'nope.xml'}: no such file"
    assert not IngestRun.objects.exists()


def test_ingest_pubmed_with_a_window(stand_in: StandIn, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(3):
        stand_in.add(str(97000001 + n), dt.date(2025, 1, 6))
    stand_in.add("97000099", dt.date(2025, 1, 20))  # outside the window
    status = main(
        ["ingest", "pubmed", "--mindate", "2025/01/01", "--maxdate", "2025/01/07", "--json"]
    )
    assert status == 0
    result = _json(capsys.readouterr().out)
    assert {k: result[k] for k in KEYS} == {
        "found": 3,
        "new": 3,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
    }
    assert (result["mindate"], result["maxdate"]) == ("2025-01-01", "2025-01-07")
    (search,) = stand_in.endpoint_requests("esearch")
    assert "multiple sclerosis" in search.params["term"]
    assert search.params["api_key"] == "test-key"


def test_ingest_pubmed_without_dates_continues_from_the_last_run(
    stand_in: StandIn, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    today = dt.date.today()
    stand_in.add("97100001", today)
    monkeypatch.setenv("MSDIGEST_PUBMED_QUERY", "optic neuritis[tiab]")
    assert main(["ingest", "pubmed", "--json"]) == 0
    first = _json(capsys.readouterr().out)
    assert first["query"] == "optic neuritis[tiab]"
    assert first["mindate"] == (today - dt.timedelta(days=7)).isoformat()
    assert first["maxdate"] == today.isoformat() and first["new"] == 1

    assert main(["ingest", "pubmed", "--json"]) == 0
    second = _json(capsys.readouterr().out)
    assert second["mindate"] == (today - dt.timedelta(days=1)).isoformat()
    assert (second["new"], second["unchanged"]) == (0, 1)

    assert main(["ingest", "pubmed", "--days", "3", "--query", "other[tiab]", "--json"]) == 0
    third = _json(capsys.readouterr().out)
    assert third["mindate"] == (today - dt.timedelta(days=3)).isoformat()
    assert third["query"] == "other[tiab]"


def test_ingest_pubmed_when_pubmed_cannot_be_reached(
    stand_in: StandIn, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in.down = True
    monkeypatch.setenv("NCBI_MAX_TRIES", "2")
    monkeypatch.setenv("NCBI_TIMEOUT", "2")
    status = main(["ingest", "pubmed", "--days", "1"])
    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("error: PubMed E-utilities could not be reached")
    assert "HTTP 503" in line
    run = IngestRun.objects.get()
    assert run.status == IngestRun.Status.FAILED and run.new == 0
    assert not Paper.objects.exists()


def test_ingest_pubmed_failure_with_json_still_prints_the_run(
    stand_in: StandIn, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in.down = True
    monkeypatch.setenv("NCBI_MAX_TRIES", "1")
    assert main(["ingest", "pubmed", "--days", "1", "--json"]) == 1
    out, err = capsys.readouterr()
    result = _json(out)
    assert result["status"] == "failed" and "could not be reached" in result["error"]
    assert err.startswith("error: ")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--days", "2", "--mindate", "2025/01/01"], "either --mindate/--maxdate or --days"),
        (["--maxdate", "2025/01/01"], "--maxdate needs --mindate"),
        (["--mindate", "2025/02/01", "--maxdate", "2025/01/01"], "is after --maxdate"),
        (["--mindate", "01/02/2025"], "Invalid value for '--mindate'"),
    ],
)
def test_ingest_pubmed_rejects_a_bad_window(
    stand_in: StandIn,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    assert main(["ingest", "pubmed", *arguments]) == 2
    assert message in capsys.readouterr().err
    assert not stand_in.requests


def test_ingest_pubmed_needs_an_email(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("NCBI_EMAIL", raising=False)
    assert main(["ingest", "pubmed"]) == 1
    assert "NCBI_EMAIL is not set" in capsys.readouterr().err


@pytest.mark.django_db(databases=[])
def test_ingest_file_creates_a_new_sqlite_database(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env["MSDIGEST_HOME"] = str(tmp_path / "home")
    command = [sys.executable, "-m", "msdigest_cli.main", "ingest", "file", str(CORPUS), "--json"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["new"] == 30
    assert (tmp_path / "home" / "msdigest.sqlite3").is_file()
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert json.loads(second.stdout)["unchanged"] == 30


def _runs(database: Path) -> list[tuple[int, str, int, str]]:
    """Return (id, status, new, error) of every run, read straight from the SQLite file."""
    try:
        with sqlite3.connect(database, timeout=10) as db:
            return db.execute(
                "SELECT id, status, new, error FROM papers_ingestrun ORDER BY id"
            ).fetchall()
    except sqlite3.OperationalError:  # not created yet
        return []


@pytest.mark.django_db(databases=[])
def test_a_run_killed_outright_is_marked_failed_by_the_next_run(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env["MSDIGEST_HOME"] = str(tmp_path / "home")
    database = tmp_path / "home" / "msdigest.sqlite3"
    command = [sys.executable, "-m", "msdigest_cli.main", "ingest", "file"]
    small = [*command, str(FIXTURES / "pubmed" / "collective-author.xml")]
    subprocess.run(small, env=env, capture_output=True, check=True)  # creates the database
    big = tmp_path / "big.jsonl"
    with big.open("w") as out:
        for number in range(20_000):
            record = {"id": f"k{number}", "title": f"Record {number}", "abstract": "Some text."}
            out.write(json.dumps(record) + "\n")

    killed = subprocess.Popen(
        [*command, str(big)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while not (len(runs := _runs(database)) == 2 and runs[1][2] > 0):
            assert killed.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, runs
            time.sleep(0.02)
    finally:
        killed.kill()  # SIGKILL: no handler runs, the row stays "running"
        killed.wait()
    assert _runs(database)[1][1] == "running"

    done = subprocess.run(small, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    _, status, new, error = _runs(database)[1]
    assert status == "failed" and new > 0
    assert error.startswith(f"abandoned: its process (pid {killed.pid} on ")
    assert _runs(database)[2][1] == "succeeded"
