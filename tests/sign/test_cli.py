"""The ``sign``, ``signatures`` and ``build --sign-as`` commands: exact lines, exit codes, the manifest."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sign_pki import PASSWORD, SAMPLE, Pki

from umt_reports.cli import main

REPORT = "2022-06-22_bao-cao_25-BC-UBND.pdf"


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env={"UMT_KEY_PASSWORD": PASSWORD, **(env or {})}, input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A build folder with the sample report (PDF) and its manifest."""
    code, _, err = run("build", str(SAMPLE), "--out", str(tmp_path / "out"), "--kind", "report", "--format", "pdf")
    assert code == 0, err
    return tmp_path / "out"


@pytest.fixture
def pictures(tmp_path: Path, signature_png: bytes, seal_png: bytes) -> tuple[Path, Path]:
    (tmp_path / "ky.png").write_bytes(signature_png)
    (tmp_path / "dau.png").write_bytes(seal_png)
    return tmp_path / "ky.png", tmp_path / "dau.png"


def _fingerprint(who: object) -> str:
    from cryptography.hazmat.primitives import serialization

    return hashlib.sha256(who.cert.public_bytes(serialization.Encoding.DER)).hexdigest()  # type: ignore[attr-defined]


def _signed_as_both(built: Path, pki: Pki, pictures: tuple[Path, Path]) -> Path:
    code, out, err = run(
        "--lang",
        "en",
        "sign",
        str(built / REPORT),
        "--out",
        str(built / "bc-ky.pdf"),
        "--as",
        "person",
        "--p12",
        str(pki.p12("person")),
        "--image",
        str(pictures[0]),
    )
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"Signed {built / 'bc-ky.pdf'} (person): Common Name: Nguyễn Văn Thử,")
    assert (
        out.splitlines()[1] == f"Updated {built / 'manifest.json'}: the entry now names bc-ky.pdf, with its signatures."
    )
    code, out, err = run(
        "sign",
        str(built / "bc-ky.pdf"),
        "--out",
        str(built / "bc-ky-dau.pdf"),
        "--as",
        "organisation",
        "--p12",
        str(pki.p12("office")),
        "--image",
        str(pictures[1]),
    )
    assert code == 0, err
    return built / "bc-ky-dau.pdf"


def test_signed_as_person_then_office_both_are_listed_valid_and_the_manifest_follows(
    built: Path, pki: Pki, pictures: tuple[Path, Path]
) -> None:
    signed = _signed_as_both(built, pki, pictures)
    code, out, err = run("--lang", "en", "signatures", str(signed), "--trust", str(pki.pem("root")))
    assert code == 0, err
    lines = out.splitlines()
    assert (
        lines[0]
        == "Signature-person-1: Common Name: Nguyễn Văn Thử, Organization: Ủy ban nhân dân huyện Thử, Country: VN"
    )
    assert re.fullmatch(
        r"  signed at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00; intact, trusted; revision 2/3; "
        r"added after: signatures, signature fields",
        lines[1],
    )
    assert lines[3].startswith("Signature-organisation-1: Common Name: Ủy ban nhân dân huyện Thử")
    assert lines[4].endswith("; intact, trusted; revision 3/3; added after: nothing")
    assert lines[5] == f"  certificate SHA-256: {_fingerprint(pki.office)}"
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    [entry] = manifest["files"]
    assert entry["path"] == "bc-ky-dau.pdf"
    assert entry["sha256"] == hashlib.sha256(signed.read_bytes()).hexdigest()
    assert entry["size"] == signed.stat().st_size
    assert [(s["role"], s["revision"], s["intact"]) for s in entry["signatures"]] == [
        ("person", 1, True),
        ("organisation", 2, True),
    ]
    assert all(len(s["fingerprint_sha256"]) == 64 for s in entry["signatures"])


def test_signatures_exits_1_on_a_changed_byte(built: Path, pki: Pki, pictures: tuple[Path, Path]) -> None:
    signed = _signed_as_both(built, pki, pictures)
    data = bytearray(signed.read_bytes())
    data[10] ^= 0x01
    signed.write_bytes(bytes(data))
    code, out, _ = run("--lang", "en", "signatures", str(signed), "--trust", str(pki.pem("root")))
    assert code == 1
    assert out.count("CHANGED (CHANGED)") == 2


def test_signatures_exits_1_on_an_untrusted_root_and_says_why(
    built: Path, pki: Pki, pictures: tuple[Path, Path]
) -> None:
    signed = _signed_as_both(built, pki, pictures)
    code, out, _ = run("--lang", "en", "signatures", str(signed), "--trust", str(pki.pem("stranger")))
    assert code == 1
    assert out.count("intact, NOT trusted (NO_CERTIFICATE_CHAIN_FOUND)") == 2


def test_signatures_json_lists_each_signature(built: Path, pki: Pki, pictures: tuple[Path, Path]) -> None:
    signed = _signed_as_both(built, pki, pictures)
    code, out, _ = run("signatures", str(signed), "--trust", str(pki.pem("root")), "--json")
    assert code == 0
    data = json.loads(out)
    assert [
        (d["field"], d["status"], d["intact"], d["trusted"], d["revision"], d["revisions"], d["added_after"])
        for d in data
    ] == [
        ("Signature-person-1", "valid", True, True, 1, 3, "signatures"),
        ("Signature-organisation-1", "valid", True, True, 2, 3, "nothing"),
    ]


def test_an_unsigned_file_exits_1_and_an_unreadable_one_exits_2(built: Path, tmp_path: Path) -> None:
    code, _, err = run("--lang", "en", "signatures", str(built / REPORT))
    assert code == 1
    assert err.strip() == f"{built / REPORT} has no digital signature."
    (tmp_path / "x.pdf").write_bytes(b"nothing")
    code, _, err = run("--lang", "en", "signatures", str(tmp_path / "x.pdf"))
    assert code == 2
    assert "is not a readable PDF" in err


def test_sign_needs_exactly_one_key_source(built: Path, pki: Pki) -> None:
    code, _, err = run("--lang", "en", "sign", str(built / REPORT), "--out", str(built / "x.pdf"), "--as", "person")
    assert code == 2
    assert "Give exactly one key: --p12 FILE, or --pkcs11 MODULE.so with --token-label LABEL." in err
    assert not (built / "x.pdf").exists()


def test_the_password_is_asked_when_not_in_the_environment(built: Path, pki: Pki) -> None:
    result = CliRunner().invoke(
        main,
        ["sign", str(built / REPORT), "--out", str(built / "x.pdf"), "--as", "person", "--p12", str(pki.p12("person"))],
        env={"UMT_KEY_PASSWORD": None},
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.stderr
    assert (built / "x.pdf").is_file()


def test_a_wrong_password_exits_1_and_writes_nothing(built: Path, pki: Pki) -> None:
    before = (built / "manifest.json").read_bytes()
    code, _, err = run(
        "--lang",
        "en",
        "sign",
        str(built / REPORT),
        "--out",
        str(built / "x.pdf"),
        "--as",
        "person",
        "--p12",
        str(pki.p12("person")),
        env={"UMT_KEY_PASSWORD": "wrong"},
    )
    assert code == 1
    assert "Cannot open the key" in err
    assert not (built / "x.pdf").exists()
    assert (built / "manifest.json").read_bytes() == before


def test_signing_into_another_folder_leaves_the_manifest_alone(built: Path, pki: Pki, tmp_path: Path) -> None:
    before = (built / "manifest.json").read_bytes()
    (tmp_path / "elsewhere").mkdir()
    code, out, _ = run(
        "sign",
        str(built / REPORT),
        "--out",
        str(tmp_path / "elsewhere" / "x.pdf"),
        "--as",
        "person",
        "--p12",
        str(pki.p12("person")),
    )
    assert code == 0
    assert len(out.splitlines()) == 1
    assert (built / "manifest.json").read_bytes() == before


def test_build_sign_as_signs_the_pdfs_with_a_signer_and_records_them(
    tmp_path: Path, pki: Pki, pictures: tuple[Path, Path]
) -> None:
    out = tmp_path / "out"
    code, _, err = run(
        "build",
        str(SAMPLE),
        "--out",
        str(out),
        "--kind",
        "report,press",
        "--format",
        "pdf,docx",
        "--sign-as",
        "person",
        "--p12",
        str(pki.p12("person")),
        "--sign-image",
        str(pictures[0]),
    )
    assert code == 0, err
    entries = {e["path"]: e for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert [s["role"] for s in entries[REPORT]["signatures"]] == ["person"]
    assert "signatures" not in entries["2022-06-22_tin-bai.pdf"]  # -- the news item has no signer --
    assert "signatures" not in entries["2022-06-22_bao-cao_25-BC-UBND.docx"]
    code, _, _ = run("signatures", str(out / REPORT), "--trust", str(pki.pem("root")))
    assert code == 0
    assert entries[REPORT]["sha256"] == hashlib.sha256((out / REPORT).read_bytes()).hexdigest()


def test_build_sign_as_needs_the_pdf_format(tmp_path: Path, pki: Pki) -> None:
    code, _, err = run(
        "--lang",
        "en",
        "build",
        str(SAMPLE),
        "--out",
        str(tmp_path / "o"),
        "--format",
        "docx",
        "--sign-as",
        "person",
        "--p12",
        str(pki.p12("person")),
    )
    assert code == 2
    assert "--sign-as needs the pdf format" in err
    assert not (tmp_path / "o").exists()


def test_help_lists_the_sign_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "sign" in out.split() and "signatures" in out.split()
