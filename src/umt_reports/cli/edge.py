"""The edge shared by every command: message language, message texts, errors → exit codes.

This is the only place where errors become messages and exit codes:

- 0: done;
- 2: the input is wrong (every problem listed with its place) or a limit was hit;
- 1: the toolkit could not finish for another stated reason (font, PDF/A, archive);
- 3: an internal error (a bug) — reported in one line, never as a traceback
  (set ``UMT_DEBUG=1`` to see the traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from umt_reports.cli.help import current_lang
from umt_reports.errors import InputError, Problem, ProfileError, TemplateError, UmtError
from umt_reports.messages import render

__all__ = ["EXIT_FAILED", "EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "_guard", "_lang", "_notes", "_say"]

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

T = TypeVar("T")


def _lang() -> str:
    """The message language of this run (``--lang`` before or after the subcommand, ``UMT_LANG``)."""
    return current_lang()


def _say(code: str, **params: object) -> str:
    return render(code, params, _lang())


def _fail(error: UmtError, source: Path | None) -> NoReturn:
    """Print every problem of ``error`` (file first, then one line per place) and exit."""
    lang = _lang()
    if source is not None:
        click.echo(render("cli.problems", {"path": str(source), "count": len(error.problems)}, lang), err=True)
    for problem in error.problems:
        click.echo(f"  - {problem.format(lang)}", err=True)
    code = EXIT_INPUT if isinstance(error, (InputError, ProfileError, TemplateError)) else EXIT_FAILED
    sys.exit(code)


def _guard(action: Callable[[], T], source: Path | None = None) -> T:
    """Run ``action``; turn our errors into messages and unexpected ones into one line."""
    try:
        return action()
    except UmtError as error:
        _fail(error, source)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # -- the one place a bug is caught: no traceback for users --
        if os.environ.get("UMT_DEBUG"):
            raise
        click.echo(_say("cli.internal", kind=type(exc).__name__, detail=str(exc)[:200]), err=True)
        sys.exit(EXIT_INTERNAL)


def _notes(notes: list[Problem]) -> None:
    """Print notices that are not errors (legacy text converted, hidden rows read), one per line."""
    lang = _lang()
    for note in notes:
        click.echo(f"  * {note.format(lang)}")
