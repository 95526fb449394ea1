"""The commendation forms of Luật Thi đua, khen thưởng 2022, and how data names them.

The law (Luật số 06/2022/QH15, Điều 7 and Điều 9) has two families: *danh hiệu thi đua*
(titles such as ``Lao động tiên tiến``, ``Chiến sĩ thi đua cơ sở``, ``Cờ thi đua``) and
*hình thức khen thưởng* (``Huân chương``, ``Bằng khen``, ``Giấy khen`` …). Each entry of
:data:`AWARD_CATALOGUE` says which family a form is in, whether it goes to persons or
collectives, and which bodies may grant it. Data writes forms loosely (``danh hiệu
“Chiến sỹ thi đua cấp cơ sở”``, ``Bằng khen của Chủ tịch UBND tỉnh``); :func:`recognise`
maps such wording to a catalogue entry. Documents keep the wording of the data; only the
kinds that must know a form (``certificates``) look at the recognised entry.

In: any text naming an award. Out: an :class:`AwardForm` of the catalogue, or ``None``
(an unknown or local form, accepted as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .text import fold_header

__all__ = ["AWARD_CATALOGUE", "AwardForm", "recognise_award", "recognise_award_form"]

Family = Literal["title", "commendation"]
Who = Literal["person", "collective", "both"]


@dataclass(frozen=True)
class AwardForm:
    """One form of the law: its canonical name, family, recipients and granting bodies."""

    name: str
    family: Family
    who: Who
    #: Who may grant it (as the law names them), highest first; empty when many bodies do.
    granted_by: tuple[str, ...] = ()
    #: Other spellings people type (matched after normalisation).
    aliases: tuple[str, ...] = ()


#: Luật Thi đua, khen thưởng 2022 (Điều 7, 9 and the articles on each form), as data.
AWARD_CATALOGUE: tuple[AwardForm, ...] = (
    # -- danh hiệu thi đua (titles) --
    AwardForm("Chiến sĩ thi đua toàn quốc", "title", "person", ("Thủ tướng Chính phủ",)),
    AwardForm(
        "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
        "title",
        "person",
        ("Bộ trưởng, Thủ trưởng ban, ngành", "Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua cấp bộ"),
    ),
    AwardForm(
        "Chiến sĩ thi đua cơ sở",
        "title",
        "person",
        ("Chủ tịch Ủy ban nhân dân cấp xã", "Thủ trưởng cơ quan, đơn vị"),
        ("Chiến sĩ thi đua cấp cơ sở",),
    ),
    AwardForm(
        "Lao động tiên tiến", "title", "person", ("Thủ trưởng cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân cấp xã")
    ),
    AwardForm("Chiến sĩ tiên tiến", "title", "person", ("Thủ trưởng cơ quan, đơn vị",)),
    AwardForm(
        "Tập thể lao động xuất sắc",
        "title",
        "collective",
        ("Bộ trưởng, Thủ trưởng ban, ngành", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ),
    AwardForm("Đơn vị quyết thắng", "title", "collective", ("Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an")),
    AwardForm(
        "Tập thể lao động tiên tiến",
        "title",
        "collective",
        ("Thủ trưởng cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân cấp xã"),
    ),
    AwardForm("Đơn vị tiên tiến", "title", "collective", ("Thủ trưởng cơ quan, đơn vị",)),
    AwardForm("Cờ thi đua của Chính phủ", "title", "collective", ("Thủ tướng Chính phủ",)),
    AwardForm(
        "Cờ thi đua", "title", "collective", ("Bộ trưởng, Thủ trưởng ban, ngành", "Chủ tịch Ủy ban nhân dân tỉnh")
    ),
    AwardForm(
        "Xã, phường, thị trấn tiêu biểu",
        "title",
        "collective",
        ("Chủ tịch Ủy ban nhân dân tỉnh",),
        ("Xã tiêu biểu", "Phường tiêu biểu", "Xã, phường, đặc khu tiêu biểu"),
    ),
    AwardForm(
        "Thôn, tổ dân phố văn hóa",
        "title",
        "collective",
        ("Chủ tịch Ủy ban nhân dân cấp xã",),
        ("Thôn văn hóa", "Tổ dân phố văn hóa", "Khu dân cư văn hóa"),
    ),
    AwardForm("Gia đình văn hóa", "title", "collective", ("Chủ tịch Ủy ban nhân dân cấp xã",)),
    # -- hình thức khen thưởng (commendations) --
    AwardForm("Huân chương", "commendation", "both", ("Chủ tịch nước",)),
    AwardForm("Huy chương", "commendation", "person", ("Chủ tịch nước",)),
    AwardForm("Anh hùng Lao động", "commendation", "both", ("Chủ tịch nước",)),
    AwardForm("Anh hùng Lực lượng vũ trang nhân dân", "commendation", "both", ("Chủ tịch nước",)),
    AwardForm("Bà mẹ Việt Nam anh hùng", "commendation", "person", ("Chủ tịch nước",)),
    AwardForm("Giải thưởng Hồ Chí Minh", "commendation", "person", ("Chủ tịch nước",)),
    AwardForm("Giải thưởng Nhà nước", "commendation", "person", ("Chủ tịch nước",)),
    AwardForm("Kỷ niệm chương", "commendation", "person", ("Bộ trưởng, Thủ trưởng ban, ngành",), ("Kỉ niệm chương",)),
    AwardForm(
        "Bằng khen",
        "commendation",
        "both",
        ("Thủ tướng Chính phủ", "Bộ trưởng, Thủ trưởng ban, ngành", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ),
    AwardForm("Giấy khen", "commendation", "both", ("Thủ trưởng cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân cấp xã")),
    # -- words real meetings use for a commendation without a named form --
    AwardForm("Khen thưởng", "commendation", "both"),
    AwardForm("Biểu dương", "commendation", "both", (), ("Tuyên dương",)),
    AwardForm("Thư khen", "commendation", "both"),
    AwardForm("Huy hiệu Đảng", "commendation", "person", ("Ban Thường vụ cấp ủy",)),
)

# -- normalisation: case and diacritics (fold), quotes, "danh hiệu", sỹ/sĩ, "cấp cơ sở" --
_QUOTES = re.compile(r"[\"“”„‟'‘’«»`]")
_PREFIXES = ("danh hieu vinh du nha nuoc ", "danh hieu ", "tang ", "hinh thuc ")
_EDGE = " .,:;-"
# -- a syllable ending in y after a consonant is also written with i (sỹ/sĩ, kỷ/kỉ) --
_PARTY_BADGE = re.compile(r"^huy hieu \d+ nam tuoi dang\b")
_FINAL_Y = re.compile(r"\b([bcdghklmnpqrstvx]+)y\b")


def _normal(text: str) -> str:
    folded = _FINAL_Y.sub(r"\1i", fold_header(_QUOTES.sub(" ", text)))  # -- sỹ and sĩ fold alike --
    folded = " ".join(folded.replace(",", " ").split()).strip(_EDGE)
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if folded.startswith(prefix):
                folded, changed = folded.removeprefix(prefix).strip(_EDGE), True
    folded = _PARTY_BADGE.sub("huy hieu dang", folded)  # -- "Huy hiệu 40 năm tuổi Đảng" --
    return folded.replace("cap co so", "co so")


_BY_KEY: dict[str, AwardForm] = {}
for _form in AWARD_CATALOGUE:
    for _spelling in (_form.name, *_form.aliases):
        _BY_KEY.setdefault(_normal(_spelling), _form)


def recognise_award_form(text: str) -> AwardForm | None:
    """The catalogue form that ``text`` names, or ``None`` for a form the law does not list.

    Tolerates case, diacritics, quotes, a leading ``danh hiệu``, ``sỹ``/``sĩ``, ``cấp cơ sở``
    for ``cơ sở`` and trailing words such as the granting body (``Bằng khen của Chủ tịch
    UBND tỉnh``, ``Huân chương Lao động hạng Ba``): the longest form that starts the text wins,
    so ``Tập thể lao động tiên tiến`` is not read as ``Lao động tiên tiến``.
    """
    key = _normal(text)
    if not key:
        return None
    if key in _BY_KEY:
        return _BY_KEY[key]
    starts = [k for k in _BY_KEY if key.startswith(k + " ")]
    if not starts:
        return None
    return _BY_KEY[max(starts, key=len)]


def recognise_award(text: str) -> str | None:
    """The canonical name of the form ``text`` names (``Chiến sĩ thi đua cơ sở``), or ``None``."""
    form = recognise_award_form(text)
    return form.name if form else None
