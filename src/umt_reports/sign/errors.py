"""The signing stage's refusals, placed in the one exception tree of :mod:`umt_reports.errors`::

    SignError                    a signature could not be made or read (key, token, TSA: exit 1)
    └── SignInputError           ... because of what it was given (not a PDF, no signer block: exit 2)

:class:`SignInputError` is also an :class:`~umt_reports.errors.InputError`, so the CLI's
"is it the user's input?" test (exit 2) needs no new case.
"""

from __future__ import annotations

from umt_reports.errors import InputError, UmtError

__all__ = ["SignError", "SignInputError"]


class SignError(UmtError):
    """Signing or reading signatures failed: a wrong password, a missing token, a TSA that did not answer."""


class SignInputError(SignError, InputError):
    """The file or option given cannot be signed or read: not a PDF, no recorded signer block."""
