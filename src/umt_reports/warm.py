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
  :func:`umt_reports.sources.profiles.read_profile`);
- a process's first drawing (:func:`rehearse`): a small document drawn once in each format,
  so that the styles, the fonts' first subsets and the PDF/A validator's font programs and
  schema checks are ready before the first real one (about 0.15 s the first build would
  otherwise pay).

Styles are cached where they are made (``render/pdf/styles.py``, ``render/docx/styles.py``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from umt_reports.errors import UmtError

if TYPE_CHECKING:
    from umt_reports.documents.document import Document
    from umt_reports.documents.wording import Wording

__all__ = ["before_helper", "prepare", "rehearse", "shared_wording"]

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
    from umt_reports.documents.wording import Wording

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
    rehearse(formats & {"docx", "pdf"}, font=font)
    wording = shared_wording(templates)
    for name in _TEMPLATES:
        with contextlib.suppress(UmtError):  # -- a wrong template: its builds report it, with its place --
            wording._chain(name)


def before_helper(formats: Iterable[str], *, font: str | None = None, pair: bool = False) -> None:
    """Do now, before the PDF/A helper is forked, what this process and the helper would each do
    after it: import the document model (the helper unpickles Documents), and, when this
    process measures or draws text too (a DOCX's rules and fitted sizes; a ``pair`` also draws
    PDFs), import reportlab's metrics and find and register the font. The helper inherits them
    instead of repeating them: about 0.1 s less work in all, and the same wait, since the
    helper starts that much later with that much less to do.

    Errors are left for the builds to report, with their places (a wrong ``--font`` included).
    """
    formats = set(formats)
    import umt_reports.documents.document  # noqa: F401

    if "docx" in formats or pair:
        from umt_reports.render.fonts import register, resolve_font

        with contextlib.suppress(UmtError):
            register(resolve_font(font))
    if pair:
        from umt_reports.render.pdf import writer  # noqa: F401


def rehearse(formats: Iterable[str], *, font: str | None = None) -> None:
    """Draw a small built-in document once in each of ``formats`` (PDFs validated as PDF/A-2b),
    and throw it away. A process's first drawing is slower than the next: styles are made,
    each face's fixed first subset is cut, the validator reads those font programs and checks
    each kind of object once. Errors are left for the builds to report, with their places."""
    from umt_reports.render import RenderOptions, render

    document = _rehearsal()
    for fmt in formats:
        with contextlib.suppress(UmtError):
            render(document, fmt, RenderOptions(font=font))


def _rehearsal() -> Document:
    """One page with what most documents draw: the header, a title, body text in the four faces
    of the font, a table and the signature block."""
    from umt_reports import style
    from umt_reports.documents.document import (
        Cell,
        Column,
        DocMeta,
        Document,
        HeaderBlock,
        Para,
        Run,
        SignatureBlock,
        Spacer,
        Table,
    )

    preset = style.ND30
    meta = DocMeta(
        kind="report",
        type_name="Báo cáo",
        type_code="BC",
        subject="Thử",
        code=None,
        number=None,
        date=None,
        issuer="Ủy ban nhân dân",
        issuer_symbol="UBND",
    )
    header = HeaderBlock(
        rows=(
            (
                (Para.of("header.parent", "ỦY BAN NHÂN DÂN"), Para.of("number", "Số:      /BC-UBND")),
                (
                    Para.of("header.nation", preset.nation_lines[0][1]),
                    Para.of("date_line", "ngày 01 tháng 01 năm 2026"),
                ),
            ),
        )
    )
    body = Para(
        "body",
        (
            Run("Nội dung "),
            Run("chính", bold=True),
            Run(", ghi chú", italic=True),
            Run(" và lưu ý.", bold=True, italic=True),
        ),
    )
    table = Table(
        columns=(Column("STT", 0.15), Column("Chỉ tiêu", 0.55), Column("Kết quả", 0.3)),
        rows=((Cell("1"), Cell("Tăng trưởng kinh tế bình quân"), Cell("19,4%/năm")),),
    )
    signature = SignatureBlock(
        left=(Para.of("recipients.label", "Nơi nhận:"),),
        right=(
            Para.of("signature.title", "CHỦ TỊCH"),
            Spacer(preset.signature_space_pt),
            Para.of("signature.name", "Nguyễn Văn An"),
        ),
    )
    return Document(
        meta=meta,
        preset=preset,
        blocks=(header, Para.of("title.kind", "BÁO CÁO"), Para.of("title.subject", "Thử"), body, table, signature),
    )
