"""Document-type abbreviations (ND30 Phụ lục III §I) and the commendation forms, as data.

``abbreviation("Báo cáo")`` → ``"BC"``, the ``BC`` of ``Số: 25/BC-UBND``. Công văn and
Thư công have no abbreviation (their ký hiệu names the drafting unit instead).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .text import fold_header

__all__ = [
    "AWARD_FORMS",
    "COPY_FORM_ABBREVIATIONS",
    "DOCUMENT_TYPE_ABBREVIATIONS",
    "abbreviation",
    "match_award_form",
]

#: Type name (canonical spelling) → abbreviation, ND30 Phụ lục III §I.
DOCUMENT_TYPE_ABBREVIATIONS: Mapping[str, str] = MappingProxyType(
    {
        "Nghị quyết": "NQ",
        "Quyết định": "QĐ",
        "Chỉ thị": "CT",
        "Quy chế": "QC",
        "Quy định": "QyĐ",
        "Thông cáo": "TC",
        "Thông báo": "TB",
        "Hướng dẫn": "HD",
        "Chương trình": "CTr",
        "Kế hoạch": "KH",
        "Phương án": "PA",
        "Đề án": "ĐA",
        "Dự án": "DA",
        "Báo cáo": "BC",
        "Biên bản": "BB",
        "Tờ trình": "TTr",
        "Hợp đồng": "HĐ",
        "Công điện": "CĐ",
        "Bản ghi nhớ": "BGN",
        "Bản thỏa thuận": "BTT",
        "Giấy ủy quyền": "GUQ",
        "Giấy mời": "GM",
        "Giấy giới thiệu": "GGT",
        "Giấy nghỉ phép": "GNP",
        "Phiếu gửi": "PG",
        "Phiếu chuyển": "PC",
        "Phiếu báo": "PB",
    }
)

#: Copy form → abbreviation, ND30 Phụ lục III §I (bản sao).
COPY_FORM_ABBREVIATIONS: Mapping[str, str] = MappingProxyType({"Sao y": "SY", "Trích sao": "TrS", "Sao lục": "SL"})

#: Types that exist but carry no abbreviation of their own.
_UNABBREVIATED = ("Công văn", "Thư công")

#: Commendation forms and titles a district meeting awards (Luật Thi đua, khen thưởng 2022).
AWARD_FORMS: tuple[str, ...] = (
    "Giấy khen",
    "Bằng khen",
    "Cờ thi đua",
    "Chiến sĩ thi đua cơ sở",
    "Lao động tiên tiến",
    "Tập thể lao động tiên tiến",
    "Tập thể lao động xuất sắc",
    "Huân chương",
    "Huy chương",
    "Kỷ niệm chương",
)

# -- spelling variants people type (i/y, sĩ/sỹ) mapped to the canonical form --
_AWARD_ALIASES = {
    "Kỉ niệm chương": "Kỷ niệm chương",
    "Chiến sỹ thi đua cơ sở": "Chiến sĩ thi đua cơ sở",
}
_AWARD_BY_FOLD = {fold_header(form): form for form in AWARD_FORMS} | {
    fold_header(alias): form for alias, form in _AWARD_ALIASES.items()
}
_TYPE_BY_FOLD = {
    fold_header(name): abbr for name, abbr in (*DOCUMENT_TYPE_ABBREVIATIONS.items(), *COPY_FORM_ABBREVIATIONS.items())
}
_TITLE_PREFIX = "danh hieu "  # -- "Danh hiệu Lao động tiên tiến" --
_EDGE_PUNCTUATION = " .,:;"


def abbreviation(type_name: str) -> str:
    """Return the ND30 abbreviation of a document type or copy form: ``"Tờ trình"`` → ``"TTr"``.

    Matching ignores case, spacing and diacritics (``"to trinh"``, ``"TỜ TRÌNH"``, old-style
    ``"Giấy uỷ quyền"``). Raises ``ValueError`` for Công văn/Thư công and unknown types.
    """
    folded = fold_header(type_name)
    if folded in _TYPE_BY_FOLD:
        return _TYPE_BY_FOLD[folded]
    if folded in {fold_header(name) for name in _UNABBREVIATED}:
        raise ValueError(f"{type_name.strip()!r} has no type abbreviation in ND30 Phụ lục III")
    raise ValueError(f"unknown document type {type_name.strip()!r}")


def match_award_form(text: str) -> str | None:
    """Return the canonical award form that ``text`` names, or ``None``.

    Tolerates case, spacing, missing diacritics, a leading ``"Danh hiệu"`` and trailing words
    (``"bang khen cua Chu tich UBND tinh"`` → ``"Bằng khen"``; the longest form wins, so
    ``"Tập thể lao động tiên tiến"`` is not read as ``"Lao động tiên tiến"``).
    """
    folded = fold_header(text).strip(_EDGE_PUNCTUATION)
    if folded.startswith(_TITLE_PREFIX):
        folded = folded.removeprefix(_TITLE_PREFIX)
    if folded in _AWARD_BY_FOLD:
        return _AWARD_BY_FOLD[folded]
    prefixes = [key for key in _AWARD_BY_FOLD if folded.startswith(key + " ")]
    if not prefixes:
        return None
    return _AWARD_BY_FOLD[max(prefixes, key=len)]
