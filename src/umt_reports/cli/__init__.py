"""The ``umt-reports`` command line: the only place where errors become messages and exit codes.

- :mod:`umt_reports.cli.edge`: language, messages, the error guard and the exit codes;
- :mod:`umt_reports.cli.commands`: the root group and its commands;
- :mod:`umt_reports.cli.archive`: the ``archive`` command group.

:func:`run` is the installed command: :func:`main`, then the exit. Tests call :func:`main`.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import NoReturn

from umt_reports.cli.commands import main

__all__ = ["main", "run"]


def run() -> NoReturn:
    """The ``umt-reports`` command: run :func:`main`, then end the process.

    Once the command is done, what the interpreter would still do is run the exit handlers
    (``atexit``, the finalizers of temporary folders, the helper process's end, logging)
    and then free every object of every imported module one by one: about 0.1 s after a
    build, a sixth of a one-off command. The handlers run here; the freeing is left to the
    operating system, which takes the whole process back at once. ``UMT_DEBUG=1`` keeps the
    interpreter's own exit.
    """
    try:
        main()
        code = 0
    except SystemExit as done:
        if os.environ.get("UMT_DEBUG") or not (done.code is None or isinstance(done.code, int)):
            raise  # -- a message as exit status: Python prints it --
        code = done.code or 0
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # -- a closed pipe: nothing more to say --
            stream.flush()
    os._exit(code)
