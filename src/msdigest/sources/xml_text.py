"""Read the text of XML elements the way a reader sees it: markup gone, words whole.

PubMed titles and abstracts carry inline markup (`<i>`, `<sup>`, `<sub>`, MathML); the
text inside it is part of the sentence, so it is read with `itertext()`, never cut off at
the first child. Whitespace from pretty-printed files collapses to single spaces.

These helpers run dozens of times per record, so the common case (plain ASCII with
nothing to collapse) returns early; anything unusual goes through `clean_text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import cast

from lxml import etree

from msdigest.text.clean import clean_text

__all__ = ["element_text", "plain_text"]

_WHITESPACE = re.compile(r"\s+")
_DEBRIS = re.compile(r"&#?\w+;|</?[A-Za-z]|\u200b")  # what clean_text would change


def _itertext(node: etree._Element) -> Iterator[str]:
    return cast("Iterator[str]", node.itertext())


def _needs_collapsing(text: str) -> bool:
    return (
        "  " in text
        or "\n" in text
        or "\t" in text
        or "\r" in text
        or text[0] == " "
        or text[-1] == " "
    )


def plain_text(raw: str | None) -> str:
    """Return `raw` on one line, spaces collapsed, Unicode in NFC.

    Text that still holds entities or tags (debris from double-escaped sources) or
    zero-width spaces goes through `clean_text`.
    """
    if not raw:
        return ""
    # Most names, MeSH terms and efetch abstracts have nothing to collapse.
    text = raw if raw.isascii() and not _needs_collapsing(raw) else " ".join(raw.split())
    if ("&" in text or "<" in text or "\u200b" in text) and _DEBRIS.search(text):
        return clean_text(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def _is_math(node: etree._Element) -> bool:
    tag = node.tag
    return isinstance(tag, str) and (tag == "math" or tag.endswith("}math"))


def _math_text(math: etree._Element) -> str:
    """Return MathML as its symbols in reading order: "He3/Xe129 MRI", "VO2max".

    Layout whitespace between MathML elements is dropped; an explicit `<mtext> </mtext>`
    or `<mspace/>` stays a space.
    """
    pieces = []
    for node in math.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        name = tag.rsplit("}", 1)[-1]
        if name == "mspace":
            pieces.append(" ")
        elif name == "mtext":
            pieces.append(_WHITESPACE.sub(" ", "".join(_itertext(node))))
        elif node.text and name != "math":
            pieces.append(node.text.strip())
    return "".join(pieces)


def _raw_text(element: etree._Element) -> str:
    """Return every piece of text inside `element`, inline markup included.

    MathML is squeezed to its symbols, and the line-break indentation that pretty-printed
    files put before `<sub>`/`<sup>` is dropped so "β<sub>2</sub>" stays "β2".
    """
    pieces: list[str] = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            pass  # an entity that was not expanded (no DTD is read): keep only its tail
        elif _is_math(child):
            pieces.append(_math_text(child))
        else:
            if child.tag in ("sub", "sup") and pieces[-1][-1:].isspace() and "\n" in pieces[-1]:
                pieces[-1] = pieces[-1].rstrip()
            pieces.append("".join(_itertext(child)))
        pieces.append(child.tail or "")
    return "".join(pieces)


def element_text(element: etree._Element | None) -> str:
    """Return all text inside the element (inline markup included), cleaned; "" for None."""
    if element is None:
        return ""
    return plain_text(element.text if len(element) == 0 else _raw_text(element))
