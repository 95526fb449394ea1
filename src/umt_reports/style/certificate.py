"""The Giấy khen page: its paper, roles, placed fields, frame, line widths, colours and calibration marks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal

from umt_reports.style.presets import ND30
from umt_reports.style.types import PageSpec, TextStyle

__all__ = [
    "CALIBRATION_CROSS_MM",
    "CALIBRATION_TICK_MM",
    "CERTIFICATE",
    "CERTIFICATE_COLUMN",
    "CERTIFICATE_COLUMN_BOTTOM_MM",
    "CERTIFICATE_FRAME",
    "CERTIFICATE_MIN_SCALE",
    "CERTIFICATE_LAYOUT",
    "CERTIFICATE_PAGE",
    "CERTIFICATE_ROLES",
    "LINE_ROLES",
    "ROLE_COLORS",
    "PlacedField",
]


# -- commendation: the Giấy khen page ---------------------------------------------------
# Giấy khen have no rule of format (spec §4: size and layout unconfirmed); the layout below
# follows the traditional order of the printed forms: Quốc hiệu and Tiêu ngữ, the awarding
# authority, "Tặng", GIẤY KHEN, the recipient, their unit, the achievement, then the decision
# bottom left and the place-date line with the signer bottom right, inside a double frame.


@dataclass(frozen=True)
class PlacedField:
    """Where one text of a fixed page goes, in millimetres on :data:`CERTIFICATE_PAGE`.

    ``x_mm`` is measured from the paper's left edge to the end of the text named by
    ``align`` (its left end, centre or right end); ``y_mm`` from the paper's top edge to the
    baseline of the first line. ``width_mm`` wraps longer text; ``underline`` draws a line
    under the last line, that fraction of the text's width (the Tiêu ngữ line).
    """

    x_mm: float
    y_mm: float
    role: str
    align: Literal["left", "center", "right"] = "center"
    width_mm: float | None = None
    underline: float = 0.0


#: Paper of a Giấy khen printed in full: A4 landscape (offices may set another size).
CERTIFICATE_PAGE = PageSpec(top_mm=12, bottom_mm=12, left_mm=12, right_mm=12).landscape()

#: Roles of the texts placed on a Giấy khen and on the calibration page of a form.
CERTIFICATE_ROLES: Mapping[str, TextStyle] = MappingProxyType(
    {
        "certificate.nation": TextStyle(13, bold=True, upper=True, align="center"),
        "certificate.motto": TextStyle(14, bold=True, align="center"),
        "certificate.authority": TextStyle(16, bold=True, upper=True, align="center", line_spacing=1.1),
        "certificate.verb": TextStyle(15, bold=True, upper=True, align="center"),
        "certificate.title": TextStyle(40, bold=True, upper=True, align="center"),
        "certificate.recipient": TextStyle(22, bold=True, align="center"),
        "certificate.unit": TextStyle(15, italic=True, align="center", line_spacing=1.1),
        "certificate.achievement": TextStyle(15, align="center", line_spacing=1.2),
        "certificate.decision": TextStyle(13, italic=True, align="center"),
        "certificate.date_line": TextStyle(14, italic=True, align="center"),
        "certificate.signer_title": TextStyle(14, bold=True, upper=True, align="center"),
        "certificate.signer_name": TextStyle(15, bold=True, align="center"),
        "calibration.title": TextStyle(14, bold=True, align="left"),
        "calibration.note": TextStyle(11, align="left", line_spacing=1.15),
        "calibration.label": TextStyle(9, italic=True, align="left"),
        "calibration.scale": TextStyle(7, align="center"),
    }
)

#: The Giấy khen preset: ND30 roles (for anything shared) plus the certificate roles,
#: on a landscape page without page numbers.
CERTIFICATE = replace(
    ND30,
    name="certificate",
    rule="giấy khen (bố cục truyền thống)",
    page=CERTIFICATE_PAGE,
    roles=MappingProxyType({**ND30.roles, **CERTIFICATE_ROLES}),
)

#: Where each text of a full Giấy khen goes on :data:`CERTIFICATE_PAGE` (297 × 210 mm).
#: Another paper size scales the positions with the paper and the sizes with its smaller side.
CERTIFICATE_LAYOUT: Mapping[str, PlacedField] = MappingProxyType(
    {
        "nation": PlacedField(148.5, 27.0, "certificate.nation"),
        "motto": PlacedField(148.5, 33.5, "certificate.motto", underline=1.0),
        "authority": PlacedField(148.5, 51.0, "certificate.authority", width_mm=240.0),
        "verb": PlacedField(148.5, 63.0, "certificate.verb"),
        "title": PlacedField(148.5, 82.0, "certificate.title"),
        "recipient": PlacedField(148.5, 100.0, "certificate.recipient", width_mm=250.0),
        "unit": PlacedField(148.5, 110.0, "certificate.unit", width_mm=250.0),
        "achievement": PlacedField(148.5, 122.0, "certificate.achievement", width_mm=225.0),
        "decision": PlacedField(78.0, 165.0, "certificate.decision", width_mm=110.0),
        "date_line": PlacedField(212.0, 152.0, "certificate.date_line", width_mm=120.0),
        "signer_title": PlacedField(212.0, 159.0, "certificate.signer_title", width_mm=120.0),
        "signer_name": PlacedField(212.0, 189.0, "certificate.signer_name", width_mm=120.0),
    }
)

#: The double frame of a full Giấy khen: (inset from the paper's edge in mm, line role).
#: The middle of a full Giấy khen is one column: each text moves down as far as the texts
#: above it wrapped, and the column ends above :data:`CERTIFICATE_COLUMN_BOTTOM_MM` (clear
#: of the date line and the decision); when it would not, every size in it shrinks together,
#: down to :data:`CERTIFICATE_MIN_SCALE` (a 22 pt name stays above 13 pt), else the
#: certificate is refused with the place of the text.
CERTIFICATE_COLUMN: tuple[str, ...] = ("recipient", "unit", "achievement")
CERTIFICATE_COLUMN_BOTTOM_MM = 146.0
CERTIFICATE_MIN_SCALE = 0.6

CERTIFICATE_FRAME: tuple[tuple[float, str], ...] = ((9.0, "certificate.frame.outer"), (11.5, "certificate.frame.inner"))

#: Stroke widths (points) of the line roles of fixed pages.
LINE_ROLES: Mapping[str, float] = MappingProxyType(
    {
        "certificate.frame.outer": 2.4,
        "certificate.frame.inner": 0.8,
        "certificate.rule": 0.75,
        "calibration.edge": 0.5,
        "calibration.tick": 0.3,
        "calibration.mark": 0.6,
    }
)

#: Ink of roles printed in colour (RGB hex): the awarding authority and GIẤY KHEN are red
#: on the traditional forms; every other role is black.
ROLE_COLORS: Mapping[str, str] = MappingProxyType(
    {
        "certificate.authority": "#C00000",
        "certificate.title": "#C00000",
        "certificate.frame.outer": "#A0141E",
        "certificate.frame.inner": "#A0141E",
        "calibration.mark": "#0050C8",
    }
)

#: Calibration page of a pre-printed form: ruler tick spacing and the length of a field's cross, mm.
CALIBRATION_TICK_MM = 5.0
CALIBRATION_CROSS_MM = 4.0
