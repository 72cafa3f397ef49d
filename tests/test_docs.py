"""The documents a new user follows must match what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from msdigest_cli.reference import render_reference

ROOT = Path(__file__).resolve().parent.parent
DEMO_COMMAND = "./scripts/bootstrap && .venv/bin/msdigest demo"
TEST_COMMAND = "./scripts/bootstrap --test && ./scripts/check"


def test_cli_reference_is_generated_from_the_commands() -> None:
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == render_reference(), (
        "docs/cli.md is out of date: run `.venv/bin/python -m msdigest_cli.reference > docs/cli.md`"
    )


def test_readme_gives_the_two_commands_first() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^\./scripts/bootstrap.*$", readme, flags=re.MULTILINE)
    assert commands[:2] == [DEMO_COMMAND, TEST_COMMAND]


def test_ci_runs_the_readme_test_command() -> None:
    """CI must run what a user runs, so a missing install step fails there first."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./scripts/bootstrap --test" in ci
    assert "./scripts/check" in ci


def test_every_doc_the_readme_links_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((docs/[^)#]+)", readme)
    assert links, "the README should point readers at docs/"
    missing = [link for link in links if not (ROOT / link).exists()]
    assert not missing


def test_readme_examples_are_what_the_writer_writes_now() -> None:
    """The three example articles must be real output, never edited by hand."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "readme_examples", ROOT / "scripts" / "readme_examples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.current(readme) == module.examples(), (
        "README examples are out of date: run `.venv/bin/python scripts/readme_examples.py`"
    )
