"""One regular expression for many literal strings, shaped as a trie.

An alternation of hundreds of words ("one|two|...|ninety") makes the regex engine try
each word at every position; a trie shares their common beginnings, so a position that
cannot start any of them is left after one character. At each branch point longer
strings are tried before a string that ends there, so the longest match wins, as it
would with the alternatives sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["trie_pattern"]


def trie_pattern(strings: Iterable[str]) -> str:
    """Return a pattern (no groups) matching any of `strings`, longest first."""
    root: dict[str, Any] = {}
    for string in strings:
        node = root
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]
        return f"(?:{body})?" if "" in node else body

    return pattern(root)
