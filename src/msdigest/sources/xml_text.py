"""Read the text of XML elements the way a reader sees it: markup gone, words whole.

PubMed titles and abstracts carry inline markup (`<i>`, `<sup>`, `<sub>`, MathML); the
text inside it is part of the sentence, so it is read with `itertext()`, never cut off at
the first child. Whitespace from pretty-printed files collapses to single spaces.

These helpers run dozens of times per record, so the common cases return early: a leaf
element's text needs no `itertext()`, and plain text with nothing to collapse, no debris
and no character outside ASCII is returned as it is. Everything else goes the long way.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import cast

from lxml import etree

from msdigest.text.clean import clean_text

__all__ = ["children", "element_text", "plain_text", "raw_text"]

#: Return an element's children as a list: `element[:]`, which for small elements costs
#: less than setting up lxml's child iterator (lxml's type stubs do not cover slicing).
children: Callable[[etree._Element], list[etree._Element]] = operator.itemgetter(slice(None))

_WHITESPACE = re.compile(r"\s+")
# What clean_text would change: entities, tags, zero-width spaces. Each alternative starts
# with its own literal, so the search jumps between "&" (or "<") instead of trying every
# position of a long abstract.
_ENTITY = re.compile(r"&#?\w+;")
_TAG = re.compile(r"</?[A-Za-z]")


def plain_text(raw: str | None) -> str:
    """Return `raw` on one line, spaces collapsed, Unicode in NFC.

    Text that still holds entities or tags (debris from double-escaped sources) or
    zero-width spaces goes through `clean_text`.
    """
    if not raw:
        return ""
    if raw.isascii():
        # XML text holds no ASCII whitespace but space, tab, CR and LF.
        if (
            "  " in raw
            or "\n" in raw
            or "\t" in raw
            or "\r" in raw
            or raw[0] == " "
            or raw[-1] == " "
        ):
            raw = " ".join(raw.split())
        if ("&" in raw and _ENTITY.search(raw)) or ("<" in raw and _TAG.search(raw)):
            return clean_text(raw)
        return raw
    # Outside ASCII, no-break and thin spaces collapse too (they are not printable, and
    # neither is a zero-width space); NFC joins combining accents.
    if not raw.isprintable() or "  " in raw or raw[0] == " " or raw[-1] == " ":
        raw = " ".join(raw.split())
    if ("&" in raw and _ENTITY.search(raw)) or ("<" in raw and _TAG.search(raw)) or "\u200b" in raw:
        return clean_text(raw)
    return unicodedata.normalize("NFC", raw)


def _itertext(node: etree._Element) -> Iterator[str]:
    return cast("Iterator[str]", node.itertext())


def _is_math(tag: str) -> bool:
    return tag == "math" or tag.endswith("}math")


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
    for child in children(element):
        tag = child.tag
        if not isinstance(tag, str):
            pass  # an entity that was not expanded (no DTD is read): keep only its tail
        elif _is_math(tag):
            pieces.append(_math_text(child))
        else:
            if tag in ("sub", "sup") and pieces[-1][-1:].isspace() and "\n" in pieces[-1]:
                pieces[-1] = pieces[-1].rstrip()
            # An inline element without children (<i>, <sup>) holds only its text.
            pieces.append(child.text or "" if len(child) == 0 else "".join(_itertext(child)))
        pieces.append(child.tail or "")
    return "".join(pieces)


def raw_text(element: etree._Element) -> str | None:
    """Return all text inside the element (inline markup included), not yet cleaned."""
    return element.text if len(element) == 0 else _raw_text(element)


def element_text(element: etree._Element | None) -> str:
    """Return all text inside the element (inline markup included), cleaned; "" for None."""
    return "" if element is None else plain_text(raw_text(element))
