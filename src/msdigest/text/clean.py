"""Clean source text: entities decoded, stray markup removed, whitespace collapsed."""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["clean_text"]

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<>]*)?/?>")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean_text(text: str) -> str:
    """Return `text` with HTML entities decoded, tags dropped and spaces collapsed.

    Abstracts that went through RSS feeds or web pages carry "&lt;i&gt;" and "<sup>"
    debris; facts and summaries must see only the words. Line breaks are kept because
    they separate labelled sections.
    """
    if not text:
        return ""
    value = html.unescape(html.unescape(text)) if "&" in text else text
    value = _TAG.sub("", value)
    value = unicodedata.normalize("NFC", value)
    value = _SPACE.sub(" ", value)
    return "\n".join(line.strip() for line in value.split("\n") if line.strip())
