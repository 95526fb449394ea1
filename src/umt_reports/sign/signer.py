"""Sign a PDF/A file as the person with authority or as the office (PAdES, pyHanko).

In: the PDF bytes our renderer wrote (with its recorded places: :mod:`.places`), a key
(:mod:`.keys`) and a :class:`SignRequest`. Out: :class:`Signed`, the file with one more
signature appended as an incremental update (the bytes before it are kept as they were),
PAdES baseline B-B, or B-T when a time-stamping authority is given. The file stays
PDF/A-2b: checked after signing with pikepdf's validator (:func:`check_signed_pdfa`).

The steps::

    read the recorded places and the signature widgets already there
    choose the box (person: between title and name; office: over the person's left third;
                    attachment: top right of page 1)
    draw the appearance (picture, text in Times New Roman 10)
    pyHanko: new signature field, CMS signature (PAdES), appearance, incremental update
    PDF/A-2b validation of the result
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any, Final, Literal

import pikepdf
from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pyhanko.stamp import StaticStampStyle

from umt_reports import vn
from umt_reports.errors import Location
from umt_reports.render.measure import PT_PER_MM
from umt_reports.sign.appearance import draw_appearance, read_picture, text_size
from umt_reports.sign.errors import SignError, SignInputError
from umt_reports.sign.keys import KeySource, open_signer
from umt_reports.sign.pdfa import pdfa_findings
from umt_reports.sign.places import (
    Box,
    attachment_box,
    person_box,
    recorded_places,
    seal_box,
    signature_widgets,
    text_box,
)
from umt_reports.style import ESIGNATURE

__all__ = ["ROLES", "Role", "SignRequest", "Signed", "check_signed_pdfa", "sign_pdf", "subject_names"]

Role = Literal["person", "organisation"]
#: The two signatures of an official document, in the order they are made.
ROLES: Final = ("person", "organisation")


@dataclass(frozen=True)
class SignRequest:
    """What to sign as, and how it looks.

    ``image`` is the signer's signature (person) or the office's seal (organisation), a
    PNG with transparency; without one a text appearance is drawn. ``seal_mm`` is the
    seal's real width. ``attachment_of`` marks an attachment signed on its own by the
    office: the signature goes top right on page 1, with that number (the main
    document's số và ký hiệu) and the time, never the seal. ``when`` fixes the signing
    time (tests); it is now, to the second, in Vietnam time otherwise.
    """

    role: Role
    image: bytes | None = None
    image_name: str = ""
    seal_mm: float = ESIGNATURE.seal_mm
    attachment_of: str | None = None
    tsa_url: str | None = None
    when: dt.datetime | None = None


@dataclass(frozen=True)
class Signed:
    """The signed file and what was put in it."""

    data: bytes
    field: str
    box: Box
    signed_at: dt.datetime
    subject: str


class _TimedSigner(signers.PdfSigner):
    """A pyHanko signer whose signing time is the one drawn in the appearance."""

    def __init__(self, when: dt.datetime, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._when = when

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._when
        return session


class _PdfBytesPage(content.PdfContent):
    """Page 1 of a PDF held in memory, imported as a form XObject (pyHanko's own
    ``ImportedPdfPage`` reads a file by name)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
        self.resources.xobject["/Appearance"] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return b"/Appearance Do"


def subject_names(cert: Any) -> tuple[str, str]:
    """(person name, organisation name) of a certificate's subject; either falls back to the other."""
    subject = cert.subject.native
    common = str(subject.get("common_name", "") or "")
    org = str(subject.get("organization_name", "") or "")
    return common or org, org or common


def iso_time(when: dt.datetime) -> str:
    """``2026-12-03T15:40:12+07:00``: ISO 8601 in Vietnam time, to the second."""
    return when.astimezone(vn.VIETNAM_TIME).replace(microsecond=0).isoformat()


def sign_pdf(data: bytes, key: KeySource, request: SignRequest, *, source: str = "") -> Signed:
    """``data`` with one more signature, as ``request`` says, made with ``key``.

    Raises:
        SignInputError: not a PDF (``sign.not_pdf``), no recorded signer block
            (``sign.no_signer_block``), an unreadable image.
        SignError: the key or token failed, the TSA did not answer, or the signed file
            is no longer PDF/A-2b.
    """
    where = Location.of_file(source) if source else None
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            places = recorded_places(pdf)
            space = places.get("signer-space")
            widgets = signature_widgets(pdf, space.page) if space is not None else []
            taken = {name for page in range(len(pdf.pages)) for name, _ in signature_widgets(pdf, page)}
    except pikepdf.PdfError as exc:
        raise SignInputError.of("sign.not_pdf", where, path=source, reason=str(exc)) from exc
    when = (request.when or dt.datetime.now(vn.VIETNAM_TIME)).astimezone(vn.VIETNAM_TIME).replace(microsecond=0)
    picture = read_picture(request.image, request.image_name) if request.image is not None else None
    with open_signer(key) as signer:
        cert = signer.signing_cert
        if cert is None:  # pragma: no cover - every key source gives one
            raise SignError.of("sign.key_unreadable", where, path=source, reason="no certificate")
        person, office = subject_names(cert)
        if request.attachment_of is not None or (request.role == "organisation" and space is None):
            area = places.get("text-area")
            if request.attachment_of is None or area is None:
                raise SignInputError.of("sign.no_signer_block", where, path=source)
            lines = [request.attachment_of or office, iso_time(when)]
            box = attachment_box(area, *text_size(lines))
            picture = None  # -- an attachment's signature never shows the seal --
        elif space is None:
            raise SignInputError.of("sign.no_signer_block", where, path=source)
        elif request.role == "person":
            lines = [] if picture is not None else [person, iso_time(when)]
            if picture is not None:
                box = person_box(space, round(space.height / picture.aspect), space.height)
            else:  # -- text at the top of the space: the office's text will go under it --
                box = text_box(space, *text_size(lines), top=space.top)
        else:
            lines = [office, iso_time(when)]
            text_w, below = text_size(lines)
            inside = [b for _, b in widgets if _inside(b, space)]
            under = inside[0] if inside else space
            if picture is not None:
                # -- the seal over the signature's left third; its text centred under it --
                width = float(round(request.seal_mm * PT_PER_MM))  # -- whole points: within 0.2 mm --
                seal = seal_box(under, width, round(width * picture.aspect))
                half = max(width, text_w) / 2
                middle = seal.centre[0]
                box = Box(seal.page, middle - half, seal.bottom - below, middle + half, seal.top)
            elif inside:  # -- text under the person's text, both between title and name --
                box = text_box(space, *text_size(lines), top=under.bottom, centre=under.centre[0])
            else:
                box = person_box(space, *text_size(lines))
        box = box.snapped()
        appearance = draw_appearance(box.width, box.height, picture, lines)
        name = _field_name(request.role if request.attachment_of is None else "attachment", taken)
        signed = _pyhanko_sign(data, signer, name, box, appearance.pdf, when, request.tsa_url, person, where)
    findings = check_signed_pdfa(signed)
    if findings:
        raise SignError.of("sign.pdfa_lost", where, path=source, findings="; ".join(findings[:5]))
    return Signed(signed, name, box, when, cert.subject.human_friendly)


def _inside(box: Box, space: Box) -> bool:
    cx, cy = box.centre
    return space.left <= cx <= space.right and space.bottom <= cy <= space.top


def _field_name(role: str, taken: set[str]) -> str:
    """``Signature-person-1`` (then ``-2`` …), a name no field of the file has."""
    index = 1
    while f"Signature-{role}-{index}" in taken:
        index += 1
    return f"Signature-{role}-{index}"


def _pyhanko_sign(
    data: bytes,
    signer: signers.Signer,
    name: str,
    box: Box,
    appearance: bytes,
    when: dt.datetime,
    tsa_url: str | None,
    person: str,
    where: Location | None,
) -> bytes:
    """The pyHanko part: a new field with ``appearance`` in ``box``, signed PAdES as an
    incremental update (B-T with a time stamp from ``tsa_url``)."""
    timestamper = None
    if tsa_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(tsa_url)
    meta = signers.PdfSignatureMetadata(
        field_name=name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=person,
    )
    style = StaticStampStyle(
        background=_PdfBytesPage(appearance),
        border_width=0,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(0, 0, 0, 0),
        ),
    )
    # -- pyHanko annotates whole points but writes any number: the place keeps its hundredths --
    spec = fields.SigFieldSpec(sig_field_name=name, on_page=box.page, box=box.rect())  # type: ignore[arg-type]
    pdf_signer = _TimedSigner(
        when, meta, signer=signer, timestamper=timestamper, stamp_style=style, new_field_spec=spec
    )
    out = io.BytesIO()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        pdf_signer.sign_pdf(writer, output=out)
    except SignError:
        raise
    except Exception as exc:  # -- the pyHanko boundary: keys, tokens, TSA, PDF structure --
        from pyhanko.sign.timestamps import TimestampRequestError

        stamp_failed = isinstance(exc, TimestampRequestError) or isinstance(exc.__cause__, TimestampRequestError)
        code = "sign.tsa_failed" if stamp_failed else "sign.failed"
        raise SignError.of(code, where, url=tsa_url or "", reason=str(exc) or type(exc).__name__) from exc
    return out.getvalue()


def check_signed_pdfa(data: bytes) -> list[str]:
    """pikepdf's PDF/A-2b findings for a signed file, minus the one it cannot help (see :mod:`.pdfa`)."""
    return pdfa_findings(data)
