"""Read and check every signature of a PDF (pyHanko's validator).

In: PDF bytes and the trusted root certificates (PEM or DER files). Out: one
:class:`SignatureInfo` per signature, in signing order: who signed (the certificate's
subject), when (the signer's claim, and the time stamp's when there is one), whether the
signed bytes are unchanged (*intact*), whether the certificate leads to a trusted root and
was valid (*trusted*, with the reason when not: untrusted root, expired, revoked …), which
revision it covers, and what was added after it (nothing, signatures or form fields, or
other changes). No network access: certificates are checked against the given roots only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from umt_reports import vn
from umt_reports.errors import Location
from umt_reports.sign.errors import SignInputError

__all__ = ["SignatureInfo", "all_good", "list_signatures", "load_roots"]

#: What was added after a signature, by pyHanko's modification level.
_ADDED: Final = {
    "NONE": "nothing",
    "LTA_UPDATES": "validation-data",
    "FORM_FILLING": "signatures",
    "ANNOTATIONS": "annotations",
    "OTHER": "other-changes",
}


@dataclass(frozen=True)
class SignatureInfo:
    """One signature of a file, as checked now."""

    field: str
    #: The signing certificate's subject, e.g. ``Common Name: Nguyễn Văn A, Organization: …``.
    subject: str
    #: SHA-256 of the signing certificate (DER), lower-case hex.
    fingerprint: str
    #: The signing time the signer claims, ISO 8601 in Vietnam time.
    signed_at: str | None
    #: The time stamp's time (PAdES B-T), ISO 8601 in Vietnam time.
    timestamp: str | None
    intact: bool
    trusted: bool
    #: Why it is not trusted (pyHanko's AdES sub-indication: NO_CERTIFICATE_CHAIN_FOUND,
    #: OUT_OF_BOUNDS_NO_POE for an expired certificate, REVOKED …), else ``None``.
    problem: str | None
    #: The revision (from 0) the signature covers, and how many the file has.
    revision: int
    revisions: int
    #: What was added after it: ``nothing``, ``signatures``, ``validation-data``,
    #: ``annotations`` or ``other-changes``.
    added_after: str

    @property
    def status(self) -> str:
        """``valid`` when intact and trusted, else ``broken`` (not intact) or ``untrusted``."""
        if not self.intact:
            return "broken"
        return "valid" if self.trusted else "untrusted"

    def as_json(self) -> dict[str, Any]:
        """A plain dictionary (``--json``, the manifest, the archive), with ``status``."""
        return {**asdict(self), "status": self.status}


def load_roots(paths: list[Path]) -> list[Any]:
    """The certificates in ``paths`` (PEM, several per file, or DER).

    Raises:
        SignInputError: ``sign.trust_unreadable`` naming the file that is not a certificate.
    """
    from pyhanko.keys import load_certs_from_pemder

    roots: list[Any] = []
    for path in paths:
        try:
            roots.extend(load_certs_from_pemder([str(path)]))  # type: ignore[no-untyped-call]
        except Exception as exc:  # -- asn1crypto/OSError: a missing or garbled file --
            raise SignInputError.of(
                "sign.trust_unreadable", Location.of_file(path), path=str(path), reason=str(exc) or type(exc).__name__
            ) from exc
    return roots


def _quiet_pyhanko() -> None:
    """pyHanko logs each failed certificate path with a traceback (on stderr when no handler is
    configured); the verdicts are reported here, so its loggers get a null handler. Records still
    reach handlers an application configures on the root logger."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _iso(when: dt.datetime | None) -> str | None:
    return when.astimezone(vn.VIETNAM_TIME).replace(microsecond=0).isoformat() if when else None


def list_signatures(
    data: bytes, roots: list[Any], *, source: str = "", at: dt.datetime | None = None
) -> list[SignatureInfo]:
    """Every signature of ``data``, checked against ``roots`` at ``at`` (now by default).

    Raises:
        SignInputError: ``sign.not_pdf`` when ``data`` cannot be read as a PDF.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    _quiet_pyhanko()
    where = Location.of_file(source) if source else None
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
        revisions = reader.xrefs.total_revisions
    except Exception as exc:  # -- pyHanko's reader raises several kinds for a broken file --
        raise SignInputError.of("sign.not_pdf", where, path=source, reason=str(exc) or type(exc).__name__) from exc
    found: list[SignatureInfo] = []
    for sig in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=at)
        try:
            status = validate_pdf_signature(sig, context)
            intact, trusted = bool(status.intact and status.valid), bool(status.trusted)
            indication = status.trust_problem_indic
            problem = str(getattr(indication, "name", indication)) if indication is not None else None
            level = status.modification_level
            stamp = status.timestamp_validity.timestamp if status.timestamp_validity else None
            claimed = status.signer_reported_dt
        except Exception as exc:
            intact, trusted, problem, level, stamp, claimed = False, False, type(exc).__name__, None, None, None
        if not intact and problem is None:
            problem = "CHANGED"
        cert = sig.signer_cert
        found.append(
            SignatureInfo(
                field=str(sig.field_name),
                subject=cert.subject.human_friendly,
                fingerprint=hashlib.sha256(cert.dump()).hexdigest(),
                signed_at=_iso(claimed or sig.self_reported_timestamp),
                timestamp=_iso(stamp),
                intact=intact,
                trusted=trusted and intact,
                problem=problem if not (trusted and intact) else None,
                revision=int(sig.signed_revision),
                revisions=int(revisions),
                added_after=_ADDED.get(level.name, "other-changes")
                if level is not None
                else ("nothing" if sig.signed_revision == revisions - 1 else "other-changes"),
            )
        )
    return found


def all_good(signatures: list[SignatureInfo]) -> bool:
    """True when there is at least one signature and every one is intact and trusted."""
    return bool(signatures) and all(s.intact and s.trusted for s in signatures)
