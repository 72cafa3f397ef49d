"""The record a source yields instead of a paper it cannot use."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Skipped"]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that was read but cannot be used, with the reason an operator can act on.

    `where` locates it in the input ("file.xml#3", "file.jsonl:12"); `record_id` is its
    PMID or id when one could be read.
    """

    where: str
    reason: str
    record_id: str | None = None

    def __str__(self) -> str:
        ident = f" ({self.record_id})" if self.record_id else ""
        return f"skipped {self.where}{ident}: {self.reason}"
