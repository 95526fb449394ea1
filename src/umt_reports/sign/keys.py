"""Where the signing key lives: a PKCS#12 file, or a PKCS#11 token (a USB token, SoftHSM).

In: a :class:`P12Key` or :class:`TokenKey` (the secret already read by the caller: the CLI
takes it from ``UMT_KEY_PASSWORD`` / ``UMT_KEY_PIN`` or a prompt). Out: a pyHanko
``Signer`` inside :func:`open_signer`'s context (a token session is closed on leaving).
Every failure of the key or token becomes a :class:`~umt_reports.sign.errors.SignError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from pyhanko.sign.signers import Signer, SimpleSigner

from umt_reports.errors import Location
from umt_reports.sign.errors import SignError, SignInputError

__all__ = ["KeySource", "P12Key", "TokenKey", "open_signer"]


@dataclass(frozen=True)
class P12Key:
    """A ``.p12``/``.pfx`` file holding the key, its certificate and (often) the CA chain."""

    path: Path
    password: str | None = None


@dataclass(frozen=True)
class TokenKey:
    """A key on a PKCS#11 token: the vendor's module, the token's label, the key's label
    (the first key of the token when ``None``) and the user PIN."""

    module: Path
    token_label: str
    pin: str
    key_label: str | None = None


KeySource = P12Key | TokenKey


@contextmanager
def open_signer(source: KeySource) -> Iterator[Signer]:
    """A pyHanko signer for ``source``, usable inside the ``with`` block.

    Raises:
        SignInputError: ``sign.key_missing`` when the file or module does not exist.
        SignError: ``sign.key_unreadable`` (wrong password, not PKCS#12) or
            ``sign.token_failed`` (no such token or key, wrong PIN).
    """
    if isinstance(source, P12Key):
        yield _p12_signer(source)
        return
    with _token_signer(source) as signer:
        yield signer


def _p12_signer(source: P12Key) -> Signer:
    if not source.path.is_file():
        raise SignInputError.of("sign.key_missing", Location.of_file(source.path), path=str(source.path))
    password = source.password.encode("utf-8") if source.password is not None else None
    try:
        signer = SimpleSigner.load_pkcs12(str(source.path), passphrase=password)  # type: ignore[no-untyped-call]
    except Exception as exc:  # -- pyHanko/cryptography raise many kinds for a bad file --
        raise SignError.of(
            "sign.key_unreadable",
            Location.of_file(source.path),
            path=str(source.path),
            reason=str(exc) or type(exc).__name__,
        ) from exc
    if signer is None:
        raise SignError.of(
            "sign.key_unreadable", Location.of_file(source.path), path=str(source.path), reason="PKCS#12"
        )
    return cast(Signer, signer)


@contextmanager
def _token_signer(source: TokenKey) -> Iterator[Signer]:
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    if not source.module.is_file():
        raise SignInputError.of("sign.key_missing", Location.of_file(source.module), path=str(source.module))
    try:
        session = open_pkcs11_session(
            str(source.module), token_criteria=TokenCriteria(label=source.token_label), user_pin=source.pin
        )
    except Exception as exc:  # -- python-pkcs11 raises one class per CKR_ code --
        raise SignError.of(
            "sign.token_failed", None, token=source.token_label, reason=str(exc) or type(exc).__name__
        ) from exc
    try:
        label = source.key_label or _first_key_label(session)
        signer = PKCS11Signer(session, key_label=label, cert_label=label)
        try:
            _ = signer.signing_cert  # -- fetch now: a missing certificate is a token problem --
        except Exception as exc:
            raise SignError.of(
                "sign.token_failed", None, token=source.token_label, reason=str(exc) or type(exc).__name__
            ) from exc
        yield signer
    finally:
        session.close()


def _first_key_label(session: object) -> str:
    """The label of the first private key on the token (one key per token is the usual case)."""
    import pkcs11

    for key in session.get_objects({pkcs11.Attribute.CLASS: pkcs11.ObjectClass.PRIVATE_KEY}):  # type: ignore[attr-defined]
        return str(key.label)
    raise SignError.of("sign.token_failed", None, token="", reason="no private key")
