"""The archive records each signature of a signed PDF, lists it, and re-checks it on verify."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sign"))

from sign_pki import PASSWORD, Issued, issue, make_root

from umt_reports.build import build
from umt_reports.cli import main
from umt_reports.sign import P12Key, SignRequest, sign_pdf
from umt_reports.sign.manifest import write_signed

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022" / "meeting.yaml"
REPORT = "2022-06-22_bao-cao_25-BC-UBND.pdf"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "200", "UMT_ARCHIVE": None}).invoke(main, ["--lang", "en", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def roots(tmp_path_factory: pytest.TempPathFactory) -> tuple[Issued, Issued, Issued, Path, Path, Path]:
    folder = tmp_path_factory.mktemp("pki")
    root, stranger = make_root(), make_root("Stranger Root CA")
    person = issue(root, "Nguyễn Văn Thử", "Ủy ban nhân dân huyện Thử")
    return (
        root,
        stranger,
        person,
        root.pem(folder / "root.pem"),
        stranger.pem(folder / "stranger.pem"),
        person.p12(folder / "person.p12"),
    )


@pytest.fixture
def signed_build(tmp_path: Path, roots: tuple) -> Path:  # type: ignore[type-arg]
    """A build folder whose report was signed as the person (manifest moved to the signed file)."""
    out = tmp_path / "out"
    build(SAMPLE, out, kinds=["report"], formats=["pdf"])
    signed = sign_pdf((out / REPORT).read_bytes(), P12Key(roots[5], PASSWORD), SignRequest("person"))
    write_signed(out / REPORT, out / "signed.pdf", signed.data)
    (out / REPORT).unlink()
    return out


def _fingerprint(cert: Issued) -> str:
    return hashlib.sha256(cert.cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def test_the_archive_lists_the_signing_certificate_fingerprint(
    tmp_path: Path, signed_build: Path, roots: tuple
) -> None:  # type: ignore[type-arg]
    kho = str(tmp_path / "kho")
    code, out, err = run("archive", "add", str(signed_build), "--archive-dir", kho, "--trust", str(roots[3]))
    assert code == 0, err
    code, out, _ = run("archive", "list", "--json", "--archive-dir", kho)
    [record] = json.loads(out)
    [signature] = record["signatures"]
    assert signature["fingerprint_sha256"] == _fingerprint(roots[2])
    assert (signature["field"], signature["role"], signature["status"]) == ("Signature-person-1", "person", "valid")
    assert "Nguyễn Văn Thử" in signature["subject"]
    code, out, _ = run("archive", "show", "25/BC-UBND", "--json", "--archive-dir", kho)
    assert json.loads(out)["signatures"][0]["fingerprint_sha256"] == _fingerprint(roots[2])
    code, out, _ = run("archive", "show", "25/BC-UBND", "--archive-dir", kho)
    assert _fingerprint(roots[2]) in out.replace("\n", "").replace(" ", "")


def test_without_trust_roots_the_status_is_only_intact(tmp_path: Path, signed_build: Path) -> None:
    kho = str(tmp_path / "kho")
    assert run("archive", "add", str(signed_build), "--archive-dir", kho)[0] == 0
    [record] = json.loads(run("archive", "list", "--json", "--archive-dir", kho)[1])
    assert record["signatures"][0]["status"] == "intact"


def test_verify_rechecks_signatures_against_the_given_roots(tmp_path: Path, signed_build: Path, roots: tuple) -> None:  # type: ignore[type-arg]
    kho = str(tmp_path / "kho")
    assert run("archive", "add", str(signed_build), "--archive-dir", kho)[0] == 0
    code, out, _ = run("archive", "verify", "--archive-dir", kho, "--trust", str(roots[4]))
    assert code == 1
    assert "a signature fails (Signature-person-1: untrusted (NO_CERTIFICATE_CHAIN_FOUND))" in out
    [record] = json.loads(run("archive", "list", "--json", "--archive-dir", kho)[1])
    assert record["signatures"][0]["status"] == "untrusted"
    code, out, _ = run("archive", "verify", "--archive-dir", kho, "--trust", str(roots[3]))
    assert code == 0, out
    [record] = json.loads(run("archive", "list", "--json", "--archive-dir", kho)[1])
    assert record["signatures"][0]["status"] == "valid"


def test_a_catalog_made_before_signatures_gets_the_table_on_its_first_signed_add(
    tmp_path: Path, signed_build: Path
) -> None:
    kho = tmp_path / "kho"
    unsigned = tmp_path / "unsigned"
    build(SAMPLE.with_name("meeting-awards.yaml"), unsigned, kinds=["decision"], formats=["pdf"])
    assert run("archive", "add", str(unsigned), "--archive-dir", str(kho))[0] == 0
    with sqlite3.connect(kho / "catalog.sqlite") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "signatures" not in tables  # -- as an older catalog: no signatures table --
    [record] = json.loads(run("archive", "list", "--json", "--archive-dir", str(kho))[1])
    assert record["signatures"] == []
    assert run("archive", "add", str(signed_build), "--archive-dir", str(kho))[0] == 0
    with sqlite3.connect(kho / "catalog.sqlite") as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'signatures_version'").fetchone() == ("1",)
        assert db.execute("SELECT count(*) FROM signatures").fetchone() == (1,)
    assert run("archive", "verify", "--archive-dir", str(kho))[0] == 0
