"""Build the compiled speed-ups; everything else about the package is in pyproject.toml.

`msdigest.sources._speedups` (Cython, against lxml's public C API) holds faster twins of
the PubMed reader's record walker, text clean-up and unread-subtree search; with it the
reader runs about 40% faster. It is optional: when it cannot be built (no C compiler, no
Python headers), pip still installs msdigest and the plain-Python code runs;
`msdigest bench parse` says which record walker ran.
"""

import hashlib
from pathlib import Path

from setuptools import Extension, setup

SPEEDUPS_SOURCE = Path("src/msdigest/sources/_speedups.pyx")


def _extensions() -> list[Extension]:
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError:  # built without the build requirements: plain Python only
        return []
    # The source's digest is built in, so a checkout can tell when the module it has is
    # older than the source next to it (pubmed_record.py then uses the plain-Python walker).
    digest = hashlib.sha256(SPEEDUPS_SOURCE.read_bytes()).hexdigest()
    speedups = Extension(
        "msdigest.sources._speedups",
        [str(SPEEDUPS_SOURCE)],
        include_dirs=lxml.get_include(),
        define_macros=[("MSDIGEST_SPEEDUPS_SOURCE_SHA256", f'"{digest}"')],
    )
    extensions = cythonize(
        [speedups],
        language_level=3,
        quiet=True,
        compiler_directives={"annotation_typing": False},
    )
    for extension in extensions:
        extension.optional = True  # a failed compile leaves plain Python (cythonize drops it)
    return extensions


setup(ext_modules=_extensions())
