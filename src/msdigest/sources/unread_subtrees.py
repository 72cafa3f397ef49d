"""Blank out the parts of PubMed XML that no field is read from, before they are parsed.

A PubMed record carries subtrees the parser never reads: the reference list (often half of
a recent record), comments and corrections, investigators and grants. Building them into
elements only to free them again is a large share of the parsing time. `UnreadSubtrees`
wraps the byte stream, finds those subtrees (in one pass over the "<"s with the compiled
speed-ups, else with `bytes.find`) and hands the parser newlines instead, as many as the
subtree spanned, so line numbers in error messages stay true.

It is careful rather than clever. A subtree is blanked only when its start and end tags
are both in hand and nothing between them opens or closes a comment, CDATA section or
processing instruction, so a tag name inside one is never taken for markup. It stops for
the rest of the stream after a CDATA section (where a tag name would be text) or after a
subtree too long to hold. What it leaves alone is parsed as usual: the records read are
the same either way.
"""

from __future__ import annotations

from typing import Protocol

from msdigest.sources.speedups import COMPILED

__all__ = ["UNREAD_TAGS", "UnreadSubtrees"]

#: Elements that no field of a `Paper` comes from (see pubmed_record.py) and that are
#: worth a search: large, or frequent and made of many elements.
UNREAD_TAGS = ("ReferenceList", "CommentsCorrectionsList", "InvestigatorList", "GrantList")
_LONGEST_HELD = 1 << 20  # a subtree longer than this is parsed as usual (and we stop)
_CUT_TAG = 32  # bytes kept back at the end of a block: a start tag may be cut there
_TAG_END = frozenset(b" \t\r\n>")  # what may follow the name in a start tag we blank
# Markers of comments, CDATA and processing instructions: a subtree holding one is kept.
_NOT_PLAIN = (b"<!", b"<?", b"-->", b"?>")


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class UnreadSubtrees:
    """A binary stream that reads `source` with the unread subtrees blanked out."""

    def __init__(self, source: _Readable, block: int = 1 << 16) -> None:
        self._source = source
        self._block = block
        self._held = b""  # read but not yet handed on (it may end inside a subtree)
        self._ready = b""  # handed on at the next read
        self._blanking = True
        self._ended = False
        self._failure: OSError | EOFError | None = None
        self._names = tuple(tag.encode() for tag in UNREAD_TAGS)
        self._tags = [(b"<" + name, b"</" + name + b">") for name in self._names]

    def read(self, size: int = -1, /) -> bytes:
        """Return up to `size` bytes (everything left for a negative size); b"" at the end.

        An error reading the source (a truncated gzip stream) is raised once everything
        read before it has been handed on.
        """
        while not self._ready and not self._ended:
            if self._failure is not None:
                raise self._failure
            try:
                data = self._source.read(self._block)
            except (OSError, EOFError) as exc:
                self._failure = exc
                self._ready, self._held = self._held, b""
                continue
            self._ended = not data
            self._ready = self._filter(self._held + data if self._held else data)
        if size < 0 or size >= len(self._ready):
            out, self._ready = self._ready, b""
        else:
            out, self._ready = self._ready[:size], self._ready[size:]
        return out

    def _filter(self, data: bytes) -> bytes:
        """Return what of `data` can be handed on, blanked; keep the rest in `_held`."""
        self._held = b""
        if self._blanking and b"<![CDATA[" in data:
            self._blanking = False
        if not self._blanking:
            return data
        # A start tag in the last few bytes may be cut: it waits for the next block.
        hold_from = len(data) if self._ended else max(0, len(data) - _CUT_TAG)
        subtrees: list[tuple[int, int]] = []
        position = 0
        while True:
            at, which = _find_start_tag(data, position, hold_from, self._names)
            if at < 0:
                break
            start, end_tag = self._tags[which]
            after = at + len(start)
            end = _end_of(data, after, start, end_tag)
            if end < 0:
                if self._ended or len(data) - at > _LONGEST_HELD:
                    self._blanking = False  # no end in sight: parse the rest as is
                    return data
                hold_from = at  # wait for the end tag
                break
            if any(data.find(marker, at, end) >= 0 for marker in _NOT_PLAIN):
                position = after  # a comment or the like inside: parse it as usual
            else:
                subtrees.append((at, end))
                position = end
        pieces: list[bytes] = []
        done = 0  # data[:done] is handed on
        for at, end in subtrees:
            pieces += (data[done:at], b"\n" * data.count(b"\n", at, end))
            done = end
        hold_from = max(hold_from, done)
        pieces.append(data[done:hold_from])
        self._held = data[hold_from:]
        return b"".join(pieces)


def _python_find_start_tag(
    data: bytes, start: int, stop: int, names: tuple[bytes, ...]
) -> tuple[int, int]:
    """Return (position, which) of the first start tag `<name` in data[start:stop] for any
    of `names`, followed by whitespace or ">"; (-1, -1) if none."""
    best = (-1, -1)
    for which, name in enumerate(names):
        tag = b"<" + name
        at = data.find(tag, start, stop + len(tag) - 1)
        while 0 <= at < stop:
            follow = at + len(tag)
            if follow < len(data) and data[follow] in _TAG_END:
                if best[0] < 0 or at < best[0]:
                    best = (at, which)
                break
            at = data.find(tag, at + 1, stop + len(tag) - 1)
    return best


# The same search in one pass, when the compiled speed-ups are in use.
_find_start_tag = COMPILED.find_start_tag if COMPILED is not None else _python_find_start_tag


def _end_of(data: bytes, after: int, start: bytes, end_tag: bytes) -> int:
    """Return the index just past the end tag matching a start tag, or -1 if not in data."""
    depth = 1
    position = after
    while True:
        close = data.find(end_tag, position)
        if close < 0:
            return -1
        nested = data.find(start, position, close)
        while nested >= 0:  # the same element inside itself (ReferenceList does that)
            if data[nested + len(start)] in _TAG_END:
                depth += 1
            nested = data.find(start, nested + len(start), close)
        depth -= 1
        position = close + len(end_tag)
        if depth == 0:
            return position
