"""Django settings for msdigest, read from the environment (see docs/configuration.md).

SQLite under MSDIGEST_HOME by default; PostgreSQL when DATABASE_URL is set. DEBUG is off
unless MSDIGEST_DEBUG=1 (only the demo turns it on).
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from msdigest_web.env import env_bool, env_int, env_list, env_path, env_secret, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
MSDIGEST_HOME = env_path("MSDIGEST_HOME", "./msdigest-data")

DEBUG = env_bool("MSDIGEST_DEBUG", False)
SECRET_KEY = env_secret("MSDIGEST_SECRET_KEY", MSDIGEST_HOME / "secret_key")
ALLOWED_HOSTS = env_list("MSDIGEST_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("MSDIGEST_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "msdigest_web.papers",
    "msdigest_web.articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy and Permissions-Policy (see articles/security.py).
    "msdigest_web.articles.security.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "msdigest_web.urls"
WSGI_APPLICATION = "msdigest_web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_DATABASE_URL = env_str("DATABASE_URL")
if _DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(_DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            # MSDIGEST_SQLITE_FILE lets `msdigest demo` keep its own throw-away database.
            "NAME": env_path("MSDIGEST_SQLITE_FILE", str(MSDIGEST_HOME / "msdigest.sqlite3")),
            "OPTIONS": {
                # WAL lets readers and one writer work at once; IMMEDIATE takes the write
                # lock at the start of a transaction, so concurrent writers wait instead
                # of failing with "database is locked" halfway through.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# WhiteNoise serves static files straight from the package (finders), so nothing needs
# collecting; set MSDIGEST_STATIC_ROOT to run `msdigest manage collectstatic` for a proxy.
STATIC_ROOT = env_path("MSDIGEST_STATIC_ROOT", "") if env_str("MSDIGEST_STATIC_ROOT") else None
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "/admin/login/"

# Security headers. HSTS only when the site is served over HTTPS (MSDIGEST_HTTPS=1), since
# a browser that sees HSTS on plain http://127.0.0.1 would refuse the demo afterwards.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
MSDIGEST_HTTPS = env_bool("MSDIGEST_HTTPS", False)
if MSDIGEST_HTTPS:
    SECURE_HSTS_SECONDS = env_int("MSDIGEST_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# msdigest's own settings.
MSDIGEST_ENGINE = env_str("MSDIGEST_ENGINE", "grounded")
MSDIGEST_AUTO_PUBLISH = env_bool("MSDIGEST_AUTO_PUBLISH", False)
MSDIGEST_PAGE_SIZE = env_int("MSDIGEST_PAGE_SIZE", 20, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("MSDIGEST_LOG_LEVEL", "WARNING")},
}
