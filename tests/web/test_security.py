"""Security: headers on every page, the admin behind a login with CSRF, secrets kept safe."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_policy_and_frame_denial(client: Client) -> None:
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "script-src" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Strict-Transport-Security" not in response.headers  # plain http


def test_hsts_is_sent_over_https(client: Client, settings: object) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000  # type: ignore[attr-defined]
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_pages_have_no_inline_script_or_style(client: Client) -> None:
    for url in ("/", "/about/", "/search/?q=x", "/topics/"):
        html = client.get(url).content.decode()
        assert "<script" not in html and "style=" not in html and "<style" not in html


def test_admin_needs_a_login_and_csrf(client: Client, editor: object) -> None:
    response = client.get("/admin/articles/article/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/admin/login/", {"username": "edna", "password": "pw-edna"})
    assert response.status_code == 403


def test_debug_is_off_by_default() -> None:
    from django.conf import settings

    assert settings.DEBUG is False


def test_generated_secret_key_file_is_private(tmp_path: Path) -> None:
    from msdigest_web.env import env_secret

    secret_file = tmp_path / "secret_key"
    os.environ.pop("MSDIGEST_TEST_SECRET", None)
    value = env_secret("MSDIGEST_TEST_SECRET", secret_file)
    assert len(value) > 40
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert env_secret("MSDIGEST_TEST_SECRET", secret_file) == value
