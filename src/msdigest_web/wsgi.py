"""WSGI entry point (`msdigest serve` runs it under waitress)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msdigest_web.settings")
application = get_wsgi_application()
