"""Commands for the sources stage (filled in by the issue that builds it)."""
