"""Commands for the site stage (filled in by the issue that builds it)."""
