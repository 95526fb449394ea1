"""The desk: ``umt-reports serve``, the web pages of the secretary, the press officer and the archivist.

A thin door over the public API (:func:`umt_reports.build.build`, :func:`umt_reports.api.read_meeting_file`,
:mod:`umt_reports.archive`, :func:`umt_reports.check.check`); it adds accounts, sessions and jobs, never
document logic::

    config.py    settings and the home folder's layout
    accounts.py  users, roles, Argon2 hashes          roles.py     what each role may do
    throttle.py  failed-login limits                  audit.py     who built, stored, exported what
    uploads.py   uploaded files through the file gate annotate.py  the workbook back, problem cells marked
    work.py      one build in a worker process        jobs.py      the pool and job folders (the seam)
    web.py       session user, CSRF, pages            app.py       the application factory
    routes/      auth, secretary, press, archive      cli.py       ``serve`` and ``users``
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str) -> object:
    if name == "create_app":
        from umt_reports.desk.app import create_app

        return create_app
    raise AttributeError(name)
