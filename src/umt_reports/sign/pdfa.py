"""PDF/A-2b of a signed file: pikepdf's validator, with the one finding a signature brings.

pikepdf's validator does not check interactive forms, so a signed file (its signature
fields live in ``/AcroForm``) always gets one "unsupported /AcroForm" finding. That finding
is set aside only when every field of the form is a signature field with an appearance;
anything else (a text field, a finding of another kind) stays. Appearance streams, fonts
and images are what the tests check themselves.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Final

import pikepdf

from umt_reports.render.pdf.pdfa import check_pdfa

__all__ = ["pdfa_findings", "signature_form_only"]

#: The key the validator names in its "unsupported" finding for forms.
_ACROFORM: Final = "/AcroForm"


def signature_form_only(pdf: pikepdf.Pdf) -> bool:
    """True when ``pdf`` has a form and each of its fields is a signature field with an
    appearance stream (``/AP /N``) on its widget."""
    form = pdf.Root.get(pikepdf.Name.AcroForm)
    if not isinstance(form, pikepdf.Dictionary):
        return False
    fields = form.get(pikepdf.Name.Fields, pikepdf.Array())
    if len(fields) == 0:
        return False
    for field in fields:
        if field.get(pikepdf.Name.FT) != pikepdf.Name.Sig:
            return False
        appearance = field.get(pikepdf.Name.AP)
        if not isinstance(appearance, pikepdf.Dictionary) or pikepdf.Name.N not in appearance:
            return False
    return True


def pdfa_findings(data: bytes | Path) -> list[str]:
    """The PDF/A-2b findings of ``data``, without the ``/AcroForm`` one of a form made only
    of signatures."""
    findings = check_pdfa(data)
    if not any(_ACROFORM in f for f in findings):
        return findings
    raw = data.read_bytes() if isinstance(data, Path) else data
    try:
        with pikepdf.open(io.BytesIO(raw)) as pdf:
            signatures_only = signature_form_only(pdf)
    except pikepdf.PdfError:
        return findings
    if not signatures_only:
        return findings
    return [f for f in findings if not (_ACROFORM in f and f.startswith("[unsupported]"))]
