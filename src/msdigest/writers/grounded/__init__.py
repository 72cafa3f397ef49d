"""The `grounded` writer engine: deterministic, offline, written only from the source.

It turns a paper and its extracted facts into a plain-language summary using the facts,
the authors' own sentences made plain (`simplify`), the MS glossary and the analogy bank.
Same input, same output; no model and no network.
"""
