"""Strict readers for settings from the environment: a bad value stops start-up with a
message that names the variable, instead of a default silently taking over."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from msdigest.errors import ConfigurationError

__all__ = ["env_bool", "env_int", "env_list", "env_path", "env_secret", "env_str"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """Return the variable, or `default` when unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """Return a yes/no setting; anything but 1/0, true/false, yes/no, on/off is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigurationError(f"{name}={raw!r} is not a yes/no value (use 1 or 0)")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    """Return a whole-number setting."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r} is not a whole number") from None
    if minimum is not None and value < minimum:
        raise ConfigurationError(f"{name}={value} must be at least {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated list setting."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: str) -> Path:
    """Return a path setting, made absolute."""
    return Path(os.environ.get(name) or default).expanduser().resolve()


def env_secret(name: str, fallback_file: Path) -> str:
    """Return a secret from `NAME`, or the file named by `NAME_FILE`, or a generated file.

    The generated file is created once with mode 0600, so restarts keep sessions valid and
    no secret is ever committed or printed.
    """
    value = os.environ.get(name)
    if value:
        return value
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text().strip()
        except OSError as exc:
            raise ConfigurationError(f"{name}_FILE={file_name!r}: cannot read: {exc}") from exc
    if fallback_file.exists():
        return fallback_file.read_text().strip()
    fallback_file.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(50)
    descriptor = os.open(fallback_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secret)
    return secret
