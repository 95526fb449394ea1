"""Digital signatures: the PDF/A file signed as the person and as the office (PAdES).

Pipeline place: after ``render/`` (which records where the signer block is), before
``archive/`` (which records each signature of the files it keeps).

    keys.py        where the key lives: a .p12 file or a PKCS#11 token
    places.py      where each signature goes, from the places the renderer recorded
    appearance.py  how it looks (picture, Times New Roman 10 text), drawn with reportlab
    signer.py      sign_pdf: pyHanko, PAdES B-B / B-T, incremental, PDF/A kept
    verify.py      list_signatures: subject, time, intact, trusted, revision, later changes
    manifest.py    the manifest entry follows the signed file
    cli.py         ``sign`` and ``signatures`` commands
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from umt_reports.sign.keys import KeySource, P12Key, TokenKey
    from umt_reports.sign.signer import ROLES, Signed, SignRequest, sign_pdf
    from umt_reports.sign.verify import SignatureInfo, list_signatures

#: Public name -> module (imported on first use: pyHanko loads only when signing).
_HOMES = {
    "KeySource": "keys",
    "P12Key": "keys",
    "TokenKey": "keys",
    "ROLES": "signer",
    "SignRequest": "signer",
    "Signed": "signer",
    "sign_pdf": "signer",
    "SignatureInfo": "verify",
    "list_signatures": "verify",
}

__all__ = [
    "ROLES",
    "KeySource",
    "P12Key",
    "SignRequest",
    "SignatureInfo",
    "Signed",
    "TokenKey",
    "list_signatures",
    "sign_pdf",
]


def __getattr__(name: str) -> Any:
    """Load the public names lazily (``umt_reports.sign.cli`` is imported by the root CLI)."""
    if name in _HOMES:
        return getattr(importlib.import_module(f"umt_reports.sign.{_HOMES[name]}"), name)
    raise AttributeError(name)
