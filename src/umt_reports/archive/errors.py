"""The archive's refusals, placed in the one exception tree of :mod:`umt_reports.errors`::

    ArchiveError                 the archive could not do what was asked (storage, catalog: exit 1)
    └── ArchiveInputError        ... because of what it was given (path, file, number: exit 2)

:class:`ArchiveInputError` is also an :class:`~umt_reports.errors.InputError`, so callers
that sort errors by "is it the user's input?" (the CLI's exit codes) need no new case.
"""

from __future__ import annotations

from umt_reports.errors import ArchiveError, InputError

__all__ = ["ArchiveError", "ArchiveInputError"]


class ArchiveInputError(ArchiveError, InputError):
    """The archive refused its input: a missing path, a file that is not PDF/A, a number already used."""
