"""The commendation decision (quyết định khen thưởng, ND30 Phụ lục III Mẫu 1.2) and its list.

In: a validated :class:`Meeting` with awards (its optional ``decision:`` block gives the
number, date, signer, proposer, executors and recipients). Out: a :class:`Document`:

- the official header, ``QUYẾT ĐỊNH`` and ``Về việc tặng …``;
- the authority line (the head's own power: ``CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …``, from
  the profile's ``authority``), the căn cứ in italics, ``Theo đề nghị của …``;
- ``QUYẾT ĐỊNH:`` and the articles: ``Điều 1.`` who is commended, ``Điều 2.`` the money
  (only when amounts are given: the numbering never skips), then who carries it out;
- ``Nơi nhận:`` opening with ``- Như Điều …;`` and the signer (no ``TM.``: a chairman
  decides commendations in their own name; a deputy signs ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``);
- when awardees are named, the ``DANH SÁCH`` annex (own page numbers): ``I. TẬP THỂ (n)``,
  ``II. CÁ NHÂN (m)``, in Vietnamese order, optionally unit by unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from umt_reports import vn
from umt_reports.documents.awardees import Listed, awardee_table, listed_awardees
from umt_reports.documents.document import (
    Annex,
    Block,
    Document,
    Para,
    Run,
    SignatureBlock,
    Spacer,
)
from umt_reports.documents.kinds import DocumentContext, Kind
from umt_reports.documents.parts import (
    annex_heading,
    close_body,
    date_line,
    official_header,
    official_meta,
    recipient_lines,
    signature_lines,
    title_block,
)
from umt_reports.documents.wording import Wording
from umt_reports.errors import InputError
from umt_reports.model import Award, DecisionInfo, Issuer, Meeting, Signer, SigningMode
from umt_reports.style import Preset, preset_for

__all__ = [
    "TYPE_NAME",
    "authority_of",
    "build_decision",
    "decision_signer",
    "decision_signer_lines",
    "words_for",
]

TYPE_NAME = "Quyết định"
_TEMPLATE = "decision.j2"
#: The article word of decisions (ND30 PL I §V): ``Điều 1.`` in bold.
_ARTICLE = "Điều {n}."


def authority_of(issuer: Issuer) -> str:
    """Who decides, as in running text: the profile's ``authority``, else the body itself."""
    return issuer.authority or issuer.full_name


def decision_signer(meeting: Meeting) -> Signer | None:
    """The decision's signer, else the report's, else the profile's default."""
    info = meeting.decision
    return (info.signer if info else None) or meeting.report.signer or meeting.issuer.signer


def decision_signer_lines(preset: Preset, issuer: Issuer, signer: Signer) -> list[Para]:
    """Title lines above the signature of a commendation by a head (spec §4).

    A state head decides commendations in their own power, so no ``TM.`` is printed even
    when the signer's usual mode is ``TM``; a deputy signs ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``.
    Party bodies decide collectively and keep their ``T/M`` block.
    """
    if issuer.kind == "state" and signer.mode in (None, SigningMode.TM):
        return [Para.of("signature.title", preset.text("signature.title", signer.title))]
    if issuer.kind == "state" and signer.mode is SigningMode.KT:
        head = issuer.head_title or signer.title
        return [
            Para.of("signature.authority", preset.text("signature.authority", f"{preset.prefix('KT')} {head}")),
            Para.of("signature.title", preset.text("signature.title", signer.title)),
        ]
    return signature_lines(preset, issuer, signer)


def words_for(issuer: Issuer) -> Callable[[int], str]:
    """``Bằng chữ`` of an amount in đồng, read with the profile's ``number_words``."""
    forms = issuer.number_words

    def words(amount: int) -> str:
        return vn.money_in_words(int(amount), linh=forms.linh, nghin=forms.nghin)

    return words


def build_decision(meeting: Meeting, *, wording: Wording | None = None) -> Document:
    """The quyết định khen thưởng of ``meeting``'s awards, with its ``DANH SÁCH`` annex.

    Raises:
        InputError: the meeting has no awards (``commendation.no_awards``).
    """
    if not meeting.awards:
        raise InputError.of("commendation.no_awards", None)
    named = [a for a in meeting.awards if a.is_named]
    if named and len(named) < len(meeting.awards):
        # -- a decision lists whom it commends: awards known only as counts stay out of it --
        meeting = meeting.model_copy(update={"awards": named})
    wording = wording or Wording()
    preset = preset_for(meeting.issuer.kind)
    issuer = meeting.issuer
    info = meeting.decision or DecisionInfo()
    type_code = vn.abbreviation(TYPE_NAME)
    code = preset.code(info.number, type_code, issuer.symbol) if info.number is not None else None
    collectives, individuals = listed_awardees(meeting, group_by_unit=info.group_by_unit)
    has_annex = bool(collectives or individuals)
    total = sum((a.amount or 0) * (a.collective_count + a.individual_count) for a in meeting.awards)
    authority = authority_of(issuer)
    context: dict[str, Any] = {
        "meeting": meeting,
        "issuer": issuer,
        "decision": info,
        "awards": list(meeting.awards),
        "grants": _grants(meeting.awards),
        "authority": authority,
        "grounds": [g.rstrip(" ;.") for g in (info.legal_grounds or issuer.grounds_on(_decision_date(meeting)))],
        "code": code,
        "date_text": info.date.text() if info.date else "     ",
        "has_annex": has_annex,
        "total": total,
        "words": words_for(issuer),
        # -- executors that already name the awardees: Điều 3 does not add them again --
        "executors_name_awardees": any(_names_awardees(e) for e in info.executors),
    }

    def say(block: str, **extra: Any) -> list[str]:
        return wording.paragraphs(_TEMPLATE, block, **context, **extra)

    subject = info.subject or wording.line(_TEMPLATE, "subject", **context)
    blocks: list[Block] = [
        official_header(
            preset, issuer, preset.number(info.number, type_code, issuer.symbol), date_line(issuer, info.date)
        ),
        *title_block(preset, TYPE_NAME, subject),
        Para.of("decision.authority", preset.text("decision.authority", authority), keep_with_next=True),
        *(Para.of("grounds", p) for p in say("grounds")),
        Para.of(
            "decision.verb",
            preset.text("decision.verb", wording.line(_TEMPLATE, "verb", **context)),
            keep_with_next=True,
        ),
    ]
    articles: list[list[str]] = [[p for grant in context["grants"] for p in say("article_award", grant=grant)]]
    if total:
        articles.append(say("article_amount"))
    articles.append(say("article_execution"))
    articles[-1][-1] = close_body(preset, articles[-1][-1])
    for number, paragraphs in enumerate(articles, start=1):
        blocks += _article(number, paragraphs)
    signer = decision_signer(meeting)
    executes = _ARTICLE.format(n=len(articles)).rstrip(".")
    recipients = [f"Như {executes}", *info.recipients]
    right: list[Para | Spacer] = []
    if signer is not None:
        right += decision_signer_lines(preset, issuer, signer)
        right += [Spacer(preset.signature_space_pt), Para.of("signature.name", signer.name)]
    left = recipient_lines(preset, recipients, [*issuer.filing, *info.filing])
    blocks.append(SignatureBlock(left=tuple(left), right=tuple(right)))
    annexes = (_annex(preset, collectives, individuals, info.group_by_unit, say),) if has_annex else ()
    return Document(
        meta=official_meta(
            "decision",
            TYPE_NAME,
            type_code,
            subject,
            code,
            info.number,
            info.date,
            issuer,
            signer,
            tuple(a.form for a in meeting.awards),
        ),
        preset=preset,
        blocks=tuple(blocks),
        annexes=annexes,
    )


def _names_awardees(executor: str) -> bool:
    folded = vn.fold_header(executor)
    return "tap the" in folded or "ca nhan" in folded


def _decision_date(meeting: Meeting) -> dt.date | None:
    """The date whose legal grounds the decision cites: its own, else the documents' date."""
    own = meeting.decision.date.to_date() if meeting.decision and meeting.decision.date else None
    return own or meeting.document_date


def _grants(awards: list[Award]) -> list[list[Award]]:
    """Awards of the same form, decider and reason, which ``Điều 1`` says in one sentence
    (collectives and individuals often come as two awards only because their amounts differ)."""
    grants: dict[tuple[str, str | None, str | None], list[Award]] = {}
    for award in awards:
        grants.setdefault((award.form, award.decided_by, award.reason), []).append(award)
    return list(grants.values())


def _article(number: int, paragraphs: list[str]) -> list[Block]:
    """``Điều N.`` in bold before the first paragraph of the article; the rest as paragraphs."""
    if not paragraphs:
        return []
    label = _ARTICLE.format(n=number)
    first = Para("article", (Run(label, bold=True), Run(f" {paragraphs[0]}")))
    return [first, *(Para.of("article", p) for p in paragraphs[1:])]


def _annex(preset: Preset, collectives: list[Listed], individuals: list[Listed], by_unit: bool, say: Any) -> Annex:
    """``DANH SÁCH``: STT | name | position and unit | note, group by group."""
    several_forms = len({item.award.form for item in (*collectives, *individuals)}) > 1

    def note(item: Listed) -> str:
        return "; ".join(x for x in (item.award.form if several_forms else None, item.member.note) if x)

    table = awardee_table(collectives, individuals, last=("Ghi chú", 0.14, note), by_unit=by_unit)
    title = " ".join(say("annex_title"))
    return Annex(blocks=(*annex_heading(preset, title, say("annex_ref")), table))


def _build(meeting: Meeting, ctx: DocumentContext) -> Document:
    return build_decision(meeting, wording=ctx.wording)


KIND = Kind(
    name="decision",
    vn_name="quyết định khen thưởng",
    aliases=("quyết định",),
    builder=_build,
    needs=("awards",),
    facts=("awardees", "code", "date_line", "signer"),
    template=_TEMPLATE,
    order=40,
)
