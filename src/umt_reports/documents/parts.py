"""Parts every official document shares: the header, the title, the signature block.

Each function decides *what* a part says under the issuer's style preset (ND30 or
Party) and returns IR blocks; it never decides how they look.
"""

from __future__ import annotations

from umt_reports import vn
from umt_reports.documents.document import Block, DocMeta, HeaderBlock, Para, Rule, SignatureBlock, Spacer
from umt_reports.model import Issuer, PartialDate, Signer, SigningMode
from umt_reports.style import Preset

__all__ = [
    "annex_heading",
    "close_body",
    "date_line",
    "official_header",
    "official_meta",
    "recipient_lines",
    "signature_block",
    "signature_lines",
    "title_block",
]


def date_line(issuer: Issuer, date: PartialDate | None) -> str:
    """``Hà Nội, ngày 22 tháng 6 năm 2022``, with blank slots for unknown parts."""
    full = date.to_date() if date else None
    if full is not None:
        return vn.date_line(issuer.place, full)
    if date is None:
        return vn.date_line_partial(issuer.place, None, None, None)
    return vn.date_line_partial(issuer.place, date.day, date.month, date.year)


def official_header(preset: Preset, issuer: Issuer, number_line: str, date_text: str) -> HeaderBlock:
    """Two columns: issuing body over its number | national (or Party) title over the date."""
    # -- a place name in a narrow column moves to the next line whole, never cut in two --
    left: list[Block] = [
        Para.of("header.parent", vn.keep_together(preset.text("header.parent", line))) for line in issuer.parent
    ]
    names = [vn.keep_together(preset.text("header.org", line)) for line in issuer.name]
    left += [Para.of("header.org", line) for line in names]
    left.append(Rule(preset.org_rule, over=max(names, key=len), role="header.org"))
    right: list[Block] = [Para.of(role, preset.text(role, text)) for role, text in preset.nation_lines]
    last_role, last_text = preset.nation_lines[-1]
    right.append(Rule(preset.nation_rule, over=preset.text(last_role, last_text), role=last_role))
    return HeaderBlock(
        rows=(
            (tuple(left), tuple(right)),
            ((Para.of("number", number_line),), (Para.of("date_line", date_text),)),
        )
    )


def title_block(preset: Preset, type_name: str, subject: str) -> list[Block]:
    """``BÁO CÁO`` over its trích yếu, with the mark under it."""
    if preset.subject_lower_first:
        subject = vn.lower_first(subject)
    return [
        Para.of("title.kind", preset.text("title.kind", type_name), keep_with_next=True),
        Para.of("title.subject", subject, keep_with_next=True),
        Rule(preset.subject_rule, over=subject, role="title.subject"),
        Spacer(preset.subject_rule.gap_pt),
    ]


def official_meta(
    kind: str,
    type_name: str,
    type_code: str,
    subject: str,
    code: str | None,
    number: int | None,
    date: PartialDate | None,
    issuer: Issuer,
    signer: Signer | None,
    keywords: tuple[str | None, ...] = (),
) -> DocMeta:
    """The facts of an official document the manifest, PDF metadata and archive record."""
    return DocMeta(
        kind=kind,
        type_name=type_name,
        type_code=type_code,
        subject=subject,
        code=code,
        number=number,
        date=date.to_date() if date else None,
        issuer=issuer.full_name,
        issuer_symbol=issuer.symbol,
        signer_name=signer.name if signer else None,
        signer_title=signer.title if signer else None,
        keywords=tuple(k for k in (code, type_name, issuer.full_name, *keywords) if k),
    )


def annex_heading(preset: Preset, title: str, refs: list[str]) -> list[Block]:
    """``DANH SÁCH``, the list's title with its mark, then the ``(Kèm theo …)`` line(s)."""
    return [
        Para.of("annex.label", preset.text("annex.label", "Danh sách"), keep_with_next=True),
        Para.of("annex.title", title, keep_with_next=True),
        Rule(preset.subject_rule, over=title, role="annex.title"),
        Spacer(preset.subject_rule.gap_pt),
        *(Para.of("annex.ref", ref) for ref in refs),
    ]


def signature_lines(preset: Preset, issuer: Issuer, signer: Signer) -> list[Para]:
    """The authority and title lines above the signature (ND30 PL I §II.7)."""

    def authority(text: str) -> Para:
        return Para.of("signature.authority", preset.text("signature.authority", text))

    title = Para.of("signature.title", preset.text("signature.title", signer.title))
    head = issuer.head_title or signer.title
    mode = signer.mode
    lines: list[Para] = []
    if mode is SigningMode.TM:
        lines.append(authority(f"{preset.prefix('TM')} {issuer.collective or issuer.full_name}"))
        lines.append(title)
    elif mode is SigningMode.KT and issuer.kind == "party" and issuer.collective:
        # -- a cấp ủy is collective: its deputy signs T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ, no K/T line --
        lines.append(authority(f"{preset.prefix('TM')} {issuer.collective}"))
        lines.append(title)
    elif mode is SigningMode.KT:
        if issuer.collective:
            lines.append(authority(f"{preset.prefix('TM')} {issuer.collective}"))
        lines.append(authority(f"{preset.prefix('KT')} {head}"))
        lines.append(title)
    elif mode in (SigningMode.TL, SigningMode.TUQ):
        lines.append(authority(f"{preset.prefix(mode.value)} {head}"))
        lines.append(title)
    elif mode is SigningMode.Q:
        lines.append(authority(f"{preset.prefix('Q')} {signer.title}"))
    else:
        lines.append(title)
    return lines


def recipient_lines(preset: Preset, recipients: list[str], filing: list[str]) -> list[Para]:
    """``Nơi nhận:`` then ``- …;`` per recipient and the ``- Lưu: VT, …`` line."""
    lines = [Para.of("recipients.label", preset.recipients_label)]
    for item in recipients:
        lines.append(Para.of("recipients.item", f"- {item.rstrip(' ;.,')};"))
    codes = ", ".join(dict.fromkeys(["VT", *filing]))
    lines.append(Para.of("recipients.item", preset.filing_pattern.format(codes=codes)))
    return lines


def signature_block(
    preset: Preset, issuer: Issuer, signer: Signer | None, recipients: list[str], filing: list[str]
) -> SignatureBlock:
    """Recipients on the left; authority, title, space for the signature and name on the right."""
    right: list[Para | Spacer] = []
    if signer is not None:
        right += signature_lines(preset, issuer, signer)
        right.append(Spacer(preset.signature_space_pt))
        right.append(Para.of("signature.name", signer.name))
    return SignatureBlock(left=tuple(recipient_lines(preset, recipients, filing)), right=tuple(right))


def close_body(preset: Preset, text: str) -> str:
    """End the last body paragraph with the preset's closing mark (``./.`` for state bodies)."""
    if not preset.closing_mark:
        return text
    return text.rstrip(" .") + preset.closing_mark
