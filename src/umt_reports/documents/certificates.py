"""Giấy khen certificates: one page per named awardee, printed in full or onto forms.

In: a validated :class:`Meeting` whose ``Giấy khen`` awards name their awardees (the
optional ``decision:`` block gives the decision number, date and signer the certificates
cite). Out: a :class:`Document` of :class:`Placed` texts, one page per awardee in the
order of the decision's list (Vietnamese name order, optionally unit by unit):

- **in full** (:func:`build_certificates`): on A4 landscape (or the profile's
  ``certificate_page``), inside a double frame, the Quốc hiệu and Tiêu ngữ, the awarding
  authority, ``TẶNG``, ``GIẤY KHEN``, the recipient, their position and unit, the
  achievement, the decision bottom left, and the place-date line and signer bottom right.
  Positions are the named layout of :mod:`umt_reports.style`, scaled to the paper;
- **on pre-printed forms** (``print_on_form=True``): only the variable texts, at the
  positions the profile's ``certificate_form`` gives, after a calibration page (rulers
  along the edges, a ``+`` at each field's anchor, the first awardee's texts in place).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from umt_reports import vn
from umt_reports.documents.awardees import Listed, listed_awardees
from umt_reports.documents.decision import authority_of, decision_signer, decision_signer_lines
from umt_reports.documents.document import Block, DocMeta, Document, PageBreak, Placed, PlacedLine
from umt_reports.documents.kinds import DocumentContext, Kind
from umt_reports.documents.parts import date_line
from umt_reports.documents.wording import Wording
from umt_reports.errors import InputError
from umt_reports.model import DecisionInfo, Meeting
from umt_reports.model.profile import FormField
from umt_reports.style import (
    CALIBRATION_CROSS_MM,
    CALIBRATION_TICK_MM,
    CERTIFICATE,
    CERTIFICATE_COLUMN,
    CERTIFICATE_COLUMN_BOTTOM_MM,
    CERTIFICATE_FRAME,
    CERTIFICATE_LAYOUT,
    CERTIFICATE_MIN_SCALE,
    CERTIFICATE_PAGE,
    PageSpec,
    preset_for,
)

__all__ = ["CERTIFIED_FORMS", "build_certificates", "certificate_count"]

#: Award forms printed as certificates by this kind.
CERTIFIED_FORMS = ("Giấy khen",)
_TEMPLATE = "certificate.j2"
#: The variable texts (the fields a pre-printed form leaves blank), in drawing order.
_MM_PER_PT = 25.4 / 72
#: Height of capitals above the baseline, in ems (Times New Roman), and the room a form's
#: column keeps above the next field's capitals, in mm.
_CAP_EM = 0.75
_FORM_CLEARANCE_MM = 1.0
_VARIABLE = ("authority", "recipient", "unit", "achievement", "decision", "date_line", "signer_title", "signer_name")


@dataclass(frozen=True)
class _Spot:
    """Where one text goes on the page being built (already scaled)."""

    x_mm: float
    y_mm: float
    role: str
    align: str
    width_mm: float | None
    size_pt: float | None = None
    underline: float = 0.0
    group: str = ""
    bottom_mm: float | None = None
    min_scale: float = 1.0

    def place(self, text: str) -> Placed:
        return Placed(
            self.x_mm,
            self.y_mm,
            text,
            self.role,
            self.align,
            self.width_mm,
            self.size_pt,
            self.underline,
            self.group,
            self.bottom_mm,
            self.min_scale,
        )


def certificate_count(meeting: Meeting) -> int:
    """How many certificates the meeting's data names (pages of the full print)."""
    return len(_awardees(meeting))


def _awardees(meeting: Meeting) -> list[Listed]:
    info = meeting.decision or DecisionInfo()
    collectives, individuals = listed_awardees(meeting, group_by_unit=info.group_by_unit)
    return [item for item in (*collectives, *individuals) if item.award.recognised in CERTIFIED_FORMS]


def build_certificates(meeting: Meeting, *, wording: Wording | None = None, print_on_form: bool = False) -> Document:
    """One Giấy khen page per named awardee; ``print_on_form`` prints only the variable texts
    at the profile's ``certificate_form`` positions, after a calibration page.

    Raises:
        InputError: no awardee of a Giấy khen is named (``commendation.no_named``), or
            ``print_on_form`` without a ``certificate_form`` in the profile (``commendation.no_form``).
    """
    wording = wording or Wording()
    issuer = meeting.issuer
    info = meeting.decision or DecisionInfo()
    awardees = _awardees(meeting)
    if not awardees:
        raise InputError.of("commendation.no_named", None, forms=vn.join_list(list(CERTIFIED_FORMS)))
    official = preset_for(issuer.kind)
    code = official.code(info.number, vn.abbreviation("Quyết định"), issuer.symbol)
    authority = authority_of(issuer)
    signer = decision_signer(meeting)
    context: dict[str, Any] = {
        "meeting": meeting,
        "issuer": issuer,
        "decision": info,
        "authority": authority,
        "code": code if info.number is not None else None,
        "code_text": code,
        "date_text": info.date.text() if info.date else "     ",
        "forms": list(dict.fromkeys(item.award.form for item in awardees)),
    }

    def say(block: str, **extra: Any) -> str:
        return "\n".join(wording.paragraphs(_TEMPLATE, block, **context, **extra))

    fixed = {
        "authority": CERTIFICATE.text("certificate.authority", authority),
        "verb": CERTIFICATE.text("certificate.verb", say("verb")),
        "decision": say("decision"),
        "date_line": date_line(issuer, info.date),
        "signer_title": "\n".join(p.text for p in decision_signer_lines(official, issuer, signer)) if signer else "",
        "signer_name": signer.name if signer else "",
    }

    def texts(item: Listed) -> dict[str, str]:
        extra = {"member": item.member, "award": item.award, "collective": item.collective}
        return {
            **fixed,
            "title": CERTIFICATE.text("certificate.title", item.award.recognised or item.award.form),
            "recipient": item.member.name,
            "unit": say("unit", **extra),
            "achievement": say("achievement", **extra),
        }

    blocks: list[Block] = []
    if print_on_form:
        form = issuer.certificate_form
        if form is None:
            raise InputError.of("commendation.no_form", None, profile=meeting.profile or issuer.full_name)
        spots = _form_column(
            {name: _form_spot(name, field) for name in _VARIABLE if (field := getattr(form.fields, name)) is not None}
        )
        if not spots:
            raise InputError.of("commendation.form_empty", None, profile=meeting.profile or issuer.full_name)
        paper = (form.page.width_mm, form.page.height_mm)
        # -- the calibration sample: the awardee with the most texts (a person with a unit) --
        sample = max(awardees, key=lambda item: sum(1 for v in texts(item).values() if v))
        blocks += _calibration(paper, spots, texts(sample), wording, context)
        for item in awardees:
            blocks.append(PageBreak())
            values = texts(item)
            blocks += [spot.place(values[name]) for name, spot in spots.items() if values[name]]
    else:
        size = issuer.certificate_page
        paper = (size.width_mm, size.height_mm) if size else (CERTIFICATE_PAGE.width_mm, CERTIFICATE_PAGE.height_mm)
        spots = _full_spots(paper)
        frame = _frame(paper)
        head = _nation(spots, official.nation_lines)
        for index, item in enumerate(awardees):
            if index:
                blocks.append(PageBreak())
            values = texts(item)
            blocks += frame
            blocks += head
            blocks += [
                _lifted(spot, spots, values).place(values[name])
                for name, spot in spots.items()
                if name not in ("nation", "motto") and values.get(name)
            ]
    type_name = "Giấy khen in trên phôi" if print_on_form else "Giấy khen"
    subject = " ".join(wording.paragraphs(_TEMPLATE, "subject", **context))
    return Document(
        meta=DocMeta(
            kind="certificates-form" if print_on_form else "certificates",
            type_name=type_name,
            type_code="",
            subject=subject,
            code=context["code"],
            number=info.number,
            date=info.date.to_date() if info.date else None,
            issuer=issuer.full_name,
            issuer_symbol=issuer.symbol,
            signer_name=signer.name if signer else None,
            signer_title=signer.title if signer else None,
            keywords=tuple(k for k in (context["code"], "Giấy khen", issuer.full_name) if k),
        ),
        preset=CERTIFICATE,
        blocks=tuple(blocks),
        page=PageSpec(
            width_mm=paper[0],
            height_mm=paper[1],
            top_mm=CERTIFICATE_PAGE.top_mm,
            bottom_mm=CERTIFICATE_PAGE.bottom_mm,
            left_mm=CERTIFICATE_PAGE.left_mm,
            right_mm=CERTIFICATE_PAGE.right_mm,
        ),
        page_numbers=False,
    )


# -- the full certificate ------------------------------------------------------------------


def _full_spots(paper: tuple[float, float]) -> dict[str, _Spot]:
    """The named layout of :mod:`umt_reports.style`, scaled from A4 landscape to ``paper``."""
    sx, sy = paper[0] / CERTIFICATE_PAGE.width_mm, paper[1] / CERTIFICATE_PAGE.height_mm
    factor = min(sx, sy)
    spots = {}
    for name, spec in CERTIFICATE_LAYOUT.items():
        size = CERTIFICATE.style(spec.role).size * factor if factor != 1 else None
        width = spec.width_mm * sx if spec.width_mm else None
        spot = _Spot(spec.x_mm * sx, spec.y_mm * sy, spec.role, spec.align, width, size, spec.underline)
        if name in CERTIFICATE_COLUMN:
            spot = replace(
                spot, group="column", bottom_mm=CERTIFICATE_COLUMN_BOTTOM_MM * sy, min_scale=CERTIFICATE_MIN_SCALE
            )
        spots[name] = spot
    return spots


def _lifted(spot: _Spot, spots: dict[str, _Spot], values: dict[str, str]) -> _Spot:
    """The achievement moves up half the gap a missing unit line leaves (collectives), so the
    page stays balanced."""
    if spot is spots["achievement"] and not values.get("unit"):
        gap = spots["achievement"].y_mm - spots["unit"].y_mm
        return replace(spot, y_mm=spot.y_mm - gap / 2)
    return spot


def _nation(spots: dict[str, _Spot], lines: tuple[tuple[str, str], ...]) -> list[Block]:
    """Quốc hiệu and Tiêu ngữ (the line under the last), or the Party's single title line."""
    if len(lines) == 1:
        spot = spots["nation"]
        return [
            Placed(
                spot.x_mm,
                spot.y_mm,
                CERTIFICATE.text("certificate.nation", lines[0][1]),
                spot.role,
                spot.align,
                spot.width_mm,
                spot.size_pt,
                underline=1.0,
            )
        ]
    nation, motto = spots["nation"], spots["motto"]
    return [
        nation.place(CERTIFICATE.text(nation.role, lines[0][1])),
        motto.place(CERTIFICATE.text(motto.role, lines[1][1])),
    ]


def _rectangle(x0: float, y0: float, x1: float, y1: float, role: str) -> list[Block]:
    return [
        PlacedLine(x0, y0, x1, y0, role),
        PlacedLine(x1, y0, x1, y1, role),
        PlacedLine(x1, y1, x0, y1, role),
        PlacedLine(x0, y1, x0, y0, role),
    ]


def _frame(paper: tuple[float, float]) -> list[Block]:
    """The double frame around a full certificate."""
    blocks: list[Block] = []
    for inset, role in CERTIFICATE_FRAME:
        blocks += _rectangle(inset, inset, paper[0] - inset, paper[1] - inset, role)
    return blocks


# -- printing onto forms -----------------------------------------------------------------


def _form_spot(name: str, field: FormField) -> _Spot:
    return _Spot(field.x_mm, field.y_mm, f"certificate.{name}", field.align, field.width_mm, field.size)


def _cap_mm(spot: _Spot) -> float:
    """How far the capitals of ``spot``'s text rise above its baseline, in mm."""
    return _CAP_EM * (spot.size_pt or CERTIFICATE.style(spot.role).size) * _MM_PER_PT


def _form_column(spots: dict[str, _Spot]) -> dict[str, _Spot]:
    """The form's recipient, unit and achievement as one column (as on the full certificate):
    it may grow down to just above the highest other field under its top, then shrinks."""
    names = [name for name in CERTIFICATE_COLUMN if name in spots]
    if not names:
        return spots
    top = spots[names[0]].y_mm
    below = [
        spot.y_mm - _cap_mm(spot) - _FORM_CLEARANCE_MM
        for name, spot in spots.items()
        if name not in names and spot.y_mm > top
    ]
    bottom = min(below) if below else None
    return {
        name: replace(spot, group="column", bottom_mm=bottom, min_scale=CERTIFICATE_MIN_SCALE)
        if name in names
        else spot
        for name, spot in spots.items()
    }


def _mm(value: float) -> str:
    return vn.format_number(Decimal(str(round(value, 1))))


def _calibration(
    paper: tuple[float, float],
    spots: dict[str, _Spot],
    sample: dict[str, str],
    wording: Wording,
    context: dict[str, Any],
) -> list[Block]:
    """Rulers along the top and left edges, a ``+`` and a label at each field's anchor, and
    the first awardee's texts where the form will get them."""
    width, height = paper
    blocks: list[Block] = []
    tick = CALIBRATION_TICK_MM
    steps = int(width // tick) + 1
    for i in range(steps):
        x = i * tick
        long = i % 2 == 0
        blocks.append(PlacedLine(x, 0, x, 4 if long else 2, "calibration.tick"))
        if i % 4 == 0 and 0 < x < width - tick:
            blocks.append(Placed(x, 7, _mm(x), "calibration.scale", "center"))
    for i in range(int(height // tick) + 1):
        y = i * tick
        long = i % 2 == 0
        blocks.append(PlacedLine(0, y, 4 if long else 2, y, "calibration.tick"))
        if i % 4 == 0 and 0 < y < height - tick:
            blocks.append(Placed(5, y + 1, _mm(y), "calibration.scale", "left"))
    notes = {"width": _mm(width), "height": _mm(height)}
    blocks.append(Placed(15, 16, wording.line(_TEMPLATE, "calibration_title", **context), "calibration.title"))
    blocks.append(
        Placed(
            15,
            22,
            wording.line(_TEMPLATE, "calibration_note", **context, **notes),
            "calibration.note",
            width_mm=width - 30,
        )
    )
    arm = CALIBRATION_CROSS_MM / 2
    for name, spot in spots.items():
        blocks.append(PlacedLine(spot.x_mm - arm, spot.y_mm, spot.x_mm + arm, spot.y_mm, "calibration.mark"))
        blocks.append(PlacedLine(spot.x_mm, spot.y_mm - arm, spot.x_mm, spot.y_mm + arm, "calibration.mark"))
        label = f"{name}: x = {_mm(spot.x_mm)}, y = {_mm(spot.y_mm)} mm"
        anchor = spot.x_mm + arm + 1 if spot.align != "right" else spot.x_mm - arm - 1
        # -- just above the sample text: its capitals rise about 0,7 of its size --
        size_mm = (spot.size_pt or CERTIFICATE.style(spot.role).size) * _MM_PER_PT
        blocks.append(
            Placed(
                anchor,
                spot.y_mm - 0.75 * size_mm - 1.2,
                label,
                "calibration.label",
                "left" if spot.align != "right" else "right",
            )
        )
        if sample.get(name):
            blocks.append(spot.place(sample[name]))
    return blocks


def _build_full(meeting: Meeting, ctx: DocumentContext) -> Document:
    return build_certificates(meeting, wording=ctx.wording)


def _build_form(meeting: Meeting, ctx: DocumentContext) -> Document:
    return build_certificates(meeting, wording=ctx.wording, print_on_form=True)


# -- text placed at fixed spots of the page: only a paged, positioned format draws it --
KIND = Kind(
    name="certificates",
    vn_name="giấy khen",
    builder=_build_full,
    formats=("pdf",),
    needs=("awards",),
    facts=("awardees",),
    template=_TEMPLATE,
    variant="certificates-form",
    order=50,
)
KIND_FORM = Kind(
    name="certificates-form",
    vn_name="giấy khen in trên phôi",
    builder=_build_form,
    formats=("pdf",),
    needs=("awards",),
    facts=("awardees",),
    template=_TEMPLATE,
    order=60,
)
