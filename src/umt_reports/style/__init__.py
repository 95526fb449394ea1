"""Official document styles as named data: Nghị định 30/2020 (state) and HD 36-HD/VPTW (Party).

This is the one place where format numbers live. A :class:`Preset` maps *roles*
(``header.org``, ``title.kind``, ``signature.name`` …) to :class:`TextStyle` values,
and carries the page geometry and the few texts the rules fix (Quốc hiệu, number
pattern, signing prefixes). Documents pick roles and apply the case rules through
:meth:`Preset.text`; renderers look roles up and draw. Nothing else holds a size,
a margin, a font name or a prefix.

- :mod:`.types`: :class:`TextStyle`, :class:`RuleSpec`, :class:`PageSpec`, :class:`Preset`;
- :mod:`.presets`: ND30, HD36 and the press preset, with the ranges the rules allow;
- :mod:`.certificate`: the Giấy khen page and the calibration page of a pre-printed form.

Everything is re-exported here (``from umt_reports.style import ND30``).
"""

from __future__ import annotations

from umt_reports.style.certificate import (
    CALIBRATION_CROSS_MM,
    CALIBRATION_TICK_MM,
    CERTIFICATE,
    CERTIFICATE_COLUMN,
    CERTIFICATE_COLUMN_BOTTOM_MM,
    CERTIFICATE_FRAME,
    CERTIFICATE_LAYOUT,
    CERTIFICATE_MIN_SCALE,
    CERTIFICATE_PAGE,
    CERTIFICATE_ROLES,
    LINE_ROLES,
    ROLE_COLORS,
    PlacedField,
)
from umt_reports.style.presets import ESIGNATURE, HD36, ND30, PRESETS, PRESS, RANGES, preset_for
from umt_reports.style.types import (
    SINGLE_LINE_EM,
    Align,
    ESignatureStyle,
    PageSpec,
    Preset,
    RuleSpec,
    TextStyle,
)

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
    "ESIGNATURE",
    "HD36",
    "LINE_ROLES",
    "ND30",
    "PRESETS",
    "PRESS",
    "RANGES",
    "ROLE_COLORS",
    "SINGLE_LINE_EM",
    "Align",
    "ESignatureStyle",
    "PageSpec",
    "PlacedField",
    "Preset",
    "RuleSpec",
    "TextStyle",
    "preset_for",
]
