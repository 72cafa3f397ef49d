"""Benchmarks of each pipeline stage: the speed figures reported in the README.

Each module times one stage on real or bundled data and returns a small result record;
the `msdigest bench ...` commands print them. Benchmarks are never run as timed tests.
"""
