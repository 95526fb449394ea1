"""A throwaway PKI for the signing tests: a root CA and end-entity certificates, made with
``cryptography`` in the test run (nothing stored in the repository)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "mat-khau-thu"
#: The sample meeting the signing tests build their report from.
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022" / "meeting.yaml"


@dataclass
class Issued:
    """A key and its certificate, with the chain above it."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    chain: list[x509.Certificate]

    def p12(self, path: Path, password: str = PASSWORD) -> Path:
        """Write key, certificate and chain as a PKCS#12 file."""
        data = pkcs12.serialize_key_and_certificates(
            b"key",
            self.key,
            self.cert,
            self.chain,
            serialization.BestAvailableEncryption(password.encode()),
        )
        path.write_bytes(data)
        return path

    def pem(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path


def _name(common: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(attrs)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_root(common: str = "Test Root CA", *, years: int = 10) -> Issued:
    """A self-signed root CA valid from a year ago."""
    key = _key()
    now = dt.datetime.now(dt.UTC)
    name = _name(common)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=365))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Issued(key, cert, [])


def issue(
    root: Issued, common: str, org: str | None = None, *, expired: bool = False, timestamping: bool = False
) -> Issued:
    """An end-entity certificate signed by ``root`` (expired a month ago when asked)."""
    key = _key()
    now = dt.datetime.now(dt.UTC)
    start, end = (
        (now - dt.timedelta(days=400), now - dt.timedelta(days=30))
        if expired
        else (now - dt.timedelta(days=1), now + dt.timedelta(days=365))
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common, org))
        .issuer_name(root.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=not timestamping,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root.key.public_key()), critical=False)
    )
    if timestamping:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    return Issued(key, builder.sign(root.key, hashes.SHA256()), [root.cert])


@dataclass
class Pki:
    """The test root, a second (untrusted) root, and the keys made under them."""

    root: Issued
    stranger: Issued
    person: Issued
    office: Issued
    expired: Issued
    outsider: Issued
    tsa: Issued
    folder: Path

    def pem(self, who: str) -> Path:
        return getattr(self, who).pem(self.folder / f"{who}.pem")

    def p12(self, who: str) -> Path:
        return getattr(self, who).p12(self.folder / f"{who}.p12")
