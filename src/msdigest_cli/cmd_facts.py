"""Commands for the facts stage (filled in by the issue that builds it)."""
