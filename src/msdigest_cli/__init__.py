"""The `msdigest` command line: one entry point for the pipeline and the website."""
