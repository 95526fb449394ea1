"""The warm path: what a process computes once and reuses for every build it runs.

In: the formats and the template folder a build uses. Out: nothing but a warmer process.
A batch, the web desk or a test that builds many documents pays once for

- the renderers' imports (python-docx, reportlab, pikepdf's PDF/A validator);
- the body font (found and registered with reportlab; :func:`~umt_reports.render.fonts.resolve_font`
  caches it);
- the DOCX base package (python-docx's template stripped to our styles, cached per layout);
- the parsed wording templates (:func:`shared_wording`: one :class:`Wording` per template
  folder, rebuilt when a file in an override folder changes);
- the issuing-body profiles (read once per file version, see
  :func:`umt_reports.sources.profiles.read_profile`).

Styles are cached where they are made (``render/pdf/styles.py``, ``render/docx/styles.py``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable
from pathlib import Path

from umt_reports.documents.wording import Wording
from umt_reports.errors import UmtError

__all__ = ["prepare", "shared_wording"]

_LOCK = threading.Lock()
_WORDINGS: dict[tuple[str, tuple[tuple[str, int, int], ...]], Wording] = {}
#: Template kinds parsed ahead by :func:`prepare`.
_TEMPLATES = ("report.j2", "press.j2", "decision.j2", "certificate.j2")


def _fingerprint(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of every file under an override folder."""
    if folder is None:
        return ()
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return tuple((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    except OSError:
        return (("?", 0, 0),)


def shared_wording(templates: str | Path | None = None) -> Wording:
    """The process's :class:`Wording` for ``templates`` (an override folder, or None for the
    bundled templates): templates are parsed once per process, not once per build. A change
    to a file of an override folder gives a fresh Wording."""
    folder = Path(templates) if templates else None
    key = (str(folder.resolve()) if folder else "", _fingerprint(folder))
    with _LOCK:
        found = _WORDINGS.get(key)
        if found is None:
            if folder is not None:  # -- forget older versions of the same folder --
                for old in [k for k in _WORDINGS if k[0] == key[0]]:
                    del _WORDINGS[old]
            found = _WORDINGS[key] = Wording(folder)
        return found


def prepare(formats: Iterable[str], *, font: str | None = None, templates: str | Path | None = None) -> None:
    """Warm this process for builds in ``formats`` (before forking workers, or at a server's start).

    Raises:
        UmtError: the font or a template is wrong (the builds would say the same, with places).
    """
    formats = set(formats)
    if "docx" in formats:
        from umt_reports.render.docx.package import new_document
        from umt_reports.render.docx.writer import WORD_LAYOUT_VERSION

        new_document(WORD_LAYOUT_VERSION)
    if "pdf" in formats:
        from umt_reports.render.pdf import pdfa

        pdfa._load()  # -- pikepdf, the validator's modules and schemas --

        from umt_reports.render.fonts import missing_glyphs, register, resolve_font
        from umt_reports.render.pdf import writer as pdf_writer  # noqa: F401

        family = resolve_font(font)
        register(family)
        missing_glyphs(family, "")  # -- reads the font's character map once --
    if formats & {"html", "html-fragment"}:
        from umt_reports.render.html import writer as html_writer  # noqa: F401
    wording = shared_wording(templates)
    for name in _TEMPLATES:
        with contextlib.suppress(UmtError):  # -- a wrong template: its builds report it, with its place --
            wording._chain(name)
