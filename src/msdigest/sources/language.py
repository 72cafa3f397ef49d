"""Language codes: PubMed uses ISO 639-2 ("eng"); JSONL callers may write "en" or "English"."""

from __future__ import annotations

__all__ = ["normalise_language"]

_ALIASES = {
    "en": "eng",
    "eng": "eng",
    "english": "eng",
    "fr": "fre",
    "fre": "fre",
    "fra": "fre",
    "french": "fre",
    "de": "ger",
    "ger": "ger",
    "deu": "ger",
    "german": "ger",
    "es": "spa",
    "spa": "spa",
    "spanish": "spa",
    "it": "ita",
    "ita": "ita",
    "italian": "ita",
    "pt": "por",
    "por": "por",
    "portuguese": "por",
    "zh": "chi",
    "chi": "chi",
    "zho": "chi",
    "chinese": "chi",
    "ja": "jpn",
    "jpn": "jpn",
    "japanese": "jpn",
    "ru": "rus",
    "rus": "rus",
    "russian": "rus",
}


def normalise_language(value: object) -> str | None:
    """Return a three-letter code ("eng"), None when absent; unknown codes pass through."""
    if not isinstance(value, str) or not value.strip():
        return None
    key = value.strip().lower()
    return _ALIASES.get(key, key)
