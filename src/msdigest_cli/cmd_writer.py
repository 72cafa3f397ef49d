"""Commands for the writer stage (filled in by the issue that builds it)."""
