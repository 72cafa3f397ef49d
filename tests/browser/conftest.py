"""Browser test set-up: Debian's Chromium driven by Playwright against pytest-django's live server.

Chromium is never downloaded: the tests use /usr/bin/chromium (or MSDIGEST_CHROMIUM). They
skip, saying why, when it is absent, unless MSDIGEST_REQUIRE_BROWSER=1 (CI), which makes
a missing browser a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import (  # noqa: F401  (fixtures shared with the view tests)
    editor,
    make_article,
    make_paper,
    pipeline,
    settings_fake_engine,
)

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright() -> Iterator[None]:
    """Let tests use the ORM while Playwright's sync API keeps an event loop running.

    Module-scoped, like the browser: both end before any other test module runs, so no
    other test sees the running loop or the setting.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def _chromium() -> str:
    path = os.environ.get("MSDIGEST_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        message = f"Chromium is absent ({path} not found): browser tests cannot run"
        if os.environ.get("MSDIGEST_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " and MSDIGEST_REQUIRE_BROWSER=1")
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def browser(_orm_beside_playwright: None) -> Iterator[Any]:
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_messages = []  # type: ignore[attr-defined]
    page.on("console", lambda message: page.console_messages.append(message.text))
    yield page
    context.close()


@pytest.fixture
def axe_page(browser: Any) -> Iterator[Any]:
    """A page whose context bypasses CSP, so axe-core can be injected as a script."""
    if not AXE.exists():
        message = f"axe-core is not installed ({AXE}); run `npm ci`"
        if os.environ.get("MSDIGEST_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
