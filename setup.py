"""Build the compiled record walker; everything else about the package is in pyproject.toml.

`msdigest.sources._record_walk` (Cython, against lxml's public C API) reads PubMed records
about six times faster than the plain-Python walker it mirrors. It is optional: when it
cannot be built (no C compiler, no Python headers), pip still installs msdigest and the
plain-Python walker is used; `msdigest bench parse` says which one ran.
"""

import hashlib
from pathlib import Path

from setuptools import Extension, setup

WALKER_SOURCE = Path("src/msdigest/sources/_record_walk.pyx")


def _extensions() -> list[Extension]:
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError:  # built without the build requirements: plain Python only
        return []
    # The source's digest is built in, so a checkout can tell when the module it has is
    # older than the source next to it (pubmed_record.py then uses the Python walker).
    digest = hashlib.sha256(WALKER_SOURCE.read_bytes()).hexdigest()
    walker = Extension(
        "msdigest.sources._record_walk",
        [str(WALKER_SOURCE)],
        include_dirs=lxml.get_include(),
        define_macros=[("MSDIGEST_WALKER_SOURCE_SHA256", f'"{digest}"')],
        optional=True,
    )
    return cythonize(
        [walker],
        language_level=3,
        quiet=True,
        compiler_directives={"annotation_typing": False},
    )


setup(ext_modules=_extensions())
