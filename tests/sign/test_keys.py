"""Keys: a .p12 file, and a PKCS#11 token (SoftHSM2 standing in for a USB token)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from sign_pki import PASSWORD, Pki

from umt_reports.sign import P12Key, SignRequest, TokenKey, list_signatures, sign_pdf
from umt_reports.sign.errors import SignError, SignInputError
from umt_reports.sign.keys import open_signer
from umt_reports.sign.verify import load_roots

MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
PIN, SO_PIN, LABEL = "123456", "654321", "umt-test"

needs_softhsm = pytest.mark.skipif(
    not (MODULE.is_file() and shutil.which("softhsm2-util") and shutil.which("pkcs11-tool")),
    reason="SoftHSM2 and pkcs11-tool (Debian softhsm2, opensc) are not installed",
)


@pytest.fixture(scope="module")
def token(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A SoftHSM token holding the person's key and certificate under the label ``signer``."""
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    saved = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    key = folder / "key.der"
    key.write_bytes(
        pki.person.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert = folder / "cert.der"
    cert.write_bytes(pki.person.cert.public_bytes(serialization.Encoding.DER))

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True)

    run("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN, "--so-pin", SO_PIN)
    for path, kind in ((key, "privkey"), (cert, "cert")):
        run(
            "pkcs11-tool",
            "--module",
            str(MODULE),
            "--token-label",
            LABEL,
            "--login",
            "--pin",
            PIN,
            "--write-object",
            str(path),
            "--type",
            kind,
            "--id",
            "01",
            "--label",
            "signer",
        )
    try:
        yield folder
    finally:
        if saved is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = saved


@needs_softhsm
@pytest.mark.parametrize("key_label", [None, "signer"])
def test_signing_from_a_pkcs11_token_gives_a_trusted_signature(
    pki: Pki, token: Path, report_pdf: bytes, key_label: str | None
) -> None:
    signed = sign_pdf(report_pdf, TokenKey(MODULE, LABEL, PIN, key_label), SignRequest("person"))
    [info] = list_signatures(signed.data, load_roots([pki.pem("root")]))
    assert info.status == "valid"
    assert "Nguyễn Văn Thử" in info.subject
    assert signed.subject == info.subject


@needs_softhsm
def test_a_wrong_pin_is_a_stated_token_failure(token: Path) -> None:
    with pytest.raises(SignError) as caught, open_signer(TokenKey(MODULE, LABEL, "000000")):
        pass
    assert caught.value.problems[0].code == "sign.token_failed"


@needs_softhsm
def test_an_unknown_token_label_is_a_stated_token_failure(token: Path) -> None:
    with pytest.raises(SignError) as caught, open_signer(TokenKey(MODULE, "no-such-token", PIN)):
        pass
    assert caught.value.problems[0].params["token"] == "no-such-token"


def test_a_missing_module_or_key_file_is_an_input_error(tmp_path: Path) -> None:
    for source in (TokenKey(tmp_path / "none.so", LABEL, PIN), P12Key(tmp_path / "none.p12", PASSWORD)):
        with pytest.raises(SignInputError) as caught, open_signer(source):
            pass
        assert caught.value.problems[0].code == "sign.key_missing"


def test_a_p12_file_gives_its_certificate(pki: Pki) -> None:
    with open_signer(P12Key(pki.p12("office"), PASSWORD)) as signer:
        assert signer.signing_cert is not None
        assert "Ủy ban nhân dân huyện Thử" in signer.signing_cert.subject.human_friendly
