"""The ``umt-reports sign`` and ``umt-reports signatures`` commands (a thin edge over :mod:`umt_reports.sign`).

Registered lazily by the root command group (``umt_reports.cli``), like ``archive``, so
pyHanko is imported only when a signature is made or read. Conventions are those of the
root CLI: texts from the message catalogue, errors through its ``_guard`` (exit 2 for
input problems, 1 for other refusals). ``signatures`` exits 0 only when the file has
signatures and every one is intact and trusted; 1 when one is broken, untrusted (an
unknown root, an expired or revoked certificate) or there is none; 2 when the file or a
``--trust`` certificate cannot be read.

Secrets never go on the command line: the .p12 password comes from ``UMT_KEY_PASSWORD``,
the token PIN from ``UMT_KEY_PIN``, else from a prompt that does not echo.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from umt_reports.cli.edge import _guard, _say
from umt_reports.errors import InputError, Problem

__all__ = ["build_signing", "key_options", "key_source", "sign", "sign_build_options", "signatures"]


T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

#: Environment variables holding the secrets.
PASSWORD_VAR, PIN_VAR = "UMT_KEY_PASSWORD", "UMT_KEY_PIN"
EXIT_FINDINGS = 1


def key_options(command: F) -> F:
    """``--p12 FILE`` or ``--pkcs11 MODULE.so --token-label L [--key-label K]``."""
    options = [
        click.option(
            "--p12",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=f"Tệp khóa .p12/.pfx (mật khẩu: biến {PASSWORD_VAR}, nếu không có thì hỏi).",
        ),
        click.option(
            "--pkcs11",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=f"Thư viện PKCS#11 của USB token (.so); mã PIN: biến {PIN_VAR}, nếu không có thì hỏi.",
        ),
        click.option("--token-label", default=None, help="Nhãn của token (với --pkcs11)."),
        click.option("--key-label", default=None, help="Nhãn khóa trên token (mặc định: khóa đầu tiên)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def key_source(p12: Path | None, pkcs11: Path | None, token_label: str | None, key_label: str | None) -> Any:
    """The key the options name, its secret read from the environment or a prompt.

    Raises:
        InputError: ``sign.key_choice`` unless exactly one of ``--p12`` and
            ``--pkcs11 … --token-label`` is given.
    """
    from umt_reports.sign.keys import P12Key, TokenKey

    if (p12 is None) == (pkcs11 is None) or (pkcs11 is not None and not token_label):
        raise InputError([Problem("sign.key_choice", None, {})])
    if p12 is not None:
        password = os.environ.get(PASSWORD_VAR)
        if password is None:
            password = click.prompt(
                _say("sign.password_prompt", path=str(p12)), hide_input=True, default="", show_default=False, err=True
            )
        return P12Key(p12, password or None)
    assert pkcs11 is not None and token_label is not None
    pin = os.environ.get(PIN_VAR)
    if pin is None:
        pin = click.prompt(_say("sign.pin_prompt", token=token_label), hide_input=True, err=True)
    return TokenKey(pkcs11, token_label, pin, key_label)


def _read(path: Path) -> bytes:
    from umt_reports.errors import Location
    from umt_reports.sign.errors import SignInputError

    try:
        return path.read_bytes()
    except OSError as exc:
        raise SignInputError.of(
            "sign.file_unreadable", Location.of_file(path), path=str(path), reason=exc.strerror or str(exc)
        ) from None


@click.command("sign")
@click.argument("source", metavar="IN.pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp PDF đã ký (cùng thư mục thì manifest.json chuyển mục của tệp sang tệp này).",
)
@click.option(
    "--as",
    "role",
    required=True,
    type=click.Choice(["person", "organisation"]),
    help="Ký với tư cách người có thẩm quyền (person) hay cơ quan, tổ chức (organisation).",
)
@key_options
@click.option(
    "--image",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Ảnh PNG nền trong suốt: chữ ký (màu xanh) hoặc con dấu (màu đỏ); không có thì hiện chữ.",
)
@click.option(
    "--seal-mm",
    type=click.FloatRange(min=5, max=80),
    default=None,
    help="Đường kính thật của con dấu, mm (mặc định 36).",
)
@click.option(
    "--attachment-of",
    default=None,
    help="Phụ lục ký riêng: số và ký hiệu của văn bản chính; chữ ký cơ quan ở góc trên bên phải trang 1.",
)
@click.option("--tsa", default=None, help="Địa chỉ dịch vụ cấp dấu thời gian (PAdES B-T).")
def sign(
    source: Path,
    out: Path,
    role: str,
    p12: Path | None,
    pkcs11: Path | None,
    token_label: str | None,
    key_label: str | None,
    image: Path | None,
    seal_mm: float | None,
    attachment_of: str | None,
    tsa: str | None,
) -> None:
    """Ký số tệp PDF/A (PAdES) với tư cách người ký hoặc cơ quan, hiển thị theo Nghị định 30."""
    from umt_reports.sign.manifest import write_signed
    from umt_reports.sign.signer import SignRequest, sign_pdf
    from umt_reports.style import ESIGNATURE

    def run() -> tuple[Any, Path | None]:
        key = key_source(p12, pkcs11, token_label, key_label)
        if attachment_of is not None and role != "organisation":
            raise InputError([Problem("sign.attachment_role", None, {})])
        request = SignRequest(
            role="person" if role == "person" else "organisation",
            image=_read(image) if image is not None else None,
            image_name=image.name if image is not None else "",
            seal_mm=seal_mm or ESIGNATURE.seal_mm,
            attachment_of=attachment_of,
            tsa_url=tsa,
        )
        signed = sign_pdf(_read(source), key, request, source=str(source))
        return signed, write_signed(source, out, signed.data)

    signed, manifest = _guard(run, source)
    click.echo(_say("sign.signed", path=str(out), role=role, subject=signed.subject, time=signed.signed_at.isoformat()))
    if manifest is not None:
        click.echo(_say("sign.manifest_moved", path=str(manifest), name=out.name))


@click.command("signatures")
@click.argument("file", metavar="FILE.pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--trust",
    "trust",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Chứng thư số gốc tin cậy (PEM/DER); có thể nêu nhiều lần.",
)
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
def signatures(file: Path, trust: tuple[Path, ...], as_json: bool) -> None:
    """Liệt kê và kiểm tra các chữ ký số của tệp PDF; mã thoát 0 khi mọi chữ ký còn nguyên vẹn và tin cậy."""
    from umt_reports.sign.verify import all_good, list_signatures, load_roots

    found = _guard(lambda: list_signatures(_read(file), load_roots(list(trust)), source=str(file)), file)
    if as_json:
        click.echo(json.dumps([s.as_json() for s in found], ensure_ascii=False, indent=2))
    else:
        for info in found:
            status = _say(f"sign.status_{info.status}")
            click.echo(
                _say(
                    "sign.listed",
                    field=info.field,
                    subject=info.subject,
                    time=info.signed_at or "—",
                    status=f"{status} ({info.problem})" if info.problem else status,
                    revision=info.revision + 1,
                    revisions=info.revisions,
                    added=_say(f"sign.added_{info.added_after.replace('-', '_')}"),
                    fingerprint=info.fingerprint,
                )
            )
            if info.timestamp:
                click.echo(_say("sign.listed_timestamp", time=info.timestamp))
        if not found:
            click.echo(_say("sign.none", path=str(file)), err=True)
    if not all_good(found):
        sys.exit(EXIT_FINDINGS)


def build_signing(
    role: str, key: Any, image: Path | None, tsa: str | None
) -> Callable[[bytes, str], tuple[bytes, list[dict[str, Any]]]]:
    """The signing step of ``build --sign-as``: PDF bytes and file name in, signed bytes and
    the manifest's signature records out."""
    from umt_reports.sign.manifest import signature_records
    from umt_reports.sign.places import has_signer_block
    from umt_reports.sign.signer import SignRequest, sign_pdf

    picture = _read(image) if image is not None else None
    request = SignRequest(
        role="person" if role == "person" else "organisation",
        image=picture,
        image_name=image.name if image is not None else "",
        tsa_url=tsa,
    )

    def step(data: bytes, name: str) -> tuple[bytes, list[dict[str, Any]]]:
        if not has_signer_block(data):  # -- a news item has no signer: left unsigned --
            return data, []
        signed = sign_pdf(data, key, request, source=name)
        return signed.data, signature_records(signed.data)

    return step


def sign_build_options(command: F) -> F:
    """``build``'s signing options; the command receives them as one ``signing`` step (or ``None``)."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        sign_as: str | None,
        p12: Path | None,
        pkcs11: Path | None,
        token_label: str | None,
        key_label: str | None,
        sign_image: Path | None,
        tsa: str | None,
        **kwargs: Any,
    ) -> Any:
        signing = None
        if sign_as is not None:

            def prepare() -> Callable[[bytes, str], tuple[bytes, list[dict[str, Any]]]]:
                if "pdf" not in str(kwargs.get("formats", "")).lower().split(","):
                    raise InputError([Problem("sign.build_option", None, {})])
                return build_signing(sign_as, key_source(p12, pkcs11, token_label, key_label), sign_image, tsa)

            signing = _guard(prepare, kwargs.get("source"))
        return command(*args, signing=signing, **kwargs)

    options = [
        click.option(
            "--sign-as",
            type=click.Choice(["person", "organisation"]),
            default=None,
            help="Ký số các tệp PDF có người ký ngay khi lập (sau PDF/A, trước manifest.json).",
        ),
        click.option(
            "--sign-image",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Ảnh PNG chữ ký (person) hoặc con dấu (organisation) cho --sign-as.",
        ),
        click.option("--tsa", default=None, help="Dịch vụ cấp dấu thời gian cho --sign-as (PAdES B-T)."),
    ]
    decorated: Any = key_options(wrapper)
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]
