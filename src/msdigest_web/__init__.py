"""The msdigest website: storage, editorial workflow and public pages, built on Django.

This package sits on top of the `msdigest` pipeline library; the library never imports it.
"""

from __future__ import annotations

import os

__all__ = ["setup"]


def setup() -> None:
    """Configure Django for msdigest (idempotent); call before touching models."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msdigest_web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
