"""The one exception tree of msdigest.

Every error the pipeline raises on purpose derives from :class:`MsdigestError`, so the
command line can catch that one class, print a one-line message and exit non-zero::

    MsdigestError
     ├── ConfigurationError      a setting is missing or malformed
     ├── DataError               a data file shipped in the package is malformed
     ├── InputError              a whole input file cannot be read (not one record)
     ├── SourceError             a remote source failed
     │    └── EutilsError        NCBI E-utilities; `permanent` says whether a retry can help
     │         └── EutilsUnavailable   network down, timeouts, 5xx/429 after the last try
     ├── EngineError             a writer engine failed
     │    └── UnknownEngine      no engine is registered under that key
     └── CheckError              the checks could not run (not: a check failed)

A single record that cannot be used is *not* an exception: sources yield a
:class:`msdigest.sources.Skipped` with a reason, so one bad record never stops a run.
"""

from __future__ import annotations

__all__ = [
    "CheckError",
    "ConfigurationError",
    "DataError",
    "EngineError",
    "EutilsError",
    "EutilsUnavailable",
    "InputError",
    "MsdigestError",
    "SourceError",
    "UnknownEngine",
]


class MsdigestError(Exception):
    """Base class for every error msdigest raises on purpose."""


class ConfigurationError(MsdigestError):
    """A setting (environment variable or argument) is missing or malformed."""


class DataError(MsdigestError):
    """A data file shipped inside the package (glossary, plain words, analogies) is malformed.

    It names the file and the entry, so whoever edited the data can fix it; the pipeline
    cannot run without these files, so this is an error, not a skipped record.
    """


class InputError(MsdigestError):
    """An input file cannot be read at all: missing, unreadable, or not the format claimed."""


class SourceError(MsdigestError):
    """A remote source of papers failed."""


class EutilsError(SourceError):
    """NCBI E-utilities answered with an error.

    ``permanent`` is true when trying again cannot help (a 400 for a malformed query, say),
    so callers and the retry loop know whether to back off and retry or to stop.
    """

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class EutilsUnavailable(EutilsError):
    """E-utilities could not be reached, or kept failing after every allowed try."""


class EngineError(MsdigestError):
    """A writer engine failed to produce a summary."""


class UnknownEngine(EngineError):
    """No writer engine is registered under the requested key."""


class CheckError(MsdigestError):
    """The checks could not be run (a failing check is a result, not an error)."""
