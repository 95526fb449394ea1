"""The ``umt-reports`` command line: the only place where errors become messages and exit codes.

- :mod:`umt_reports.cli.edge`: language, messages, the error guard and the exit codes;
- :mod:`umt_reports.cli.commands`: the root group and its commands;
- :mod:`umt_reports.cli.archive`: the ``archive`` command group.
"""

from __future__ import annotations

from umt_reports.cli.commands import main

__all__ = ["main"]
