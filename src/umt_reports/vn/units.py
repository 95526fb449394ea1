"""Units of statistics: which ones measure (đồng, ha, %) and which ones count things.

A count is a whole number: ``1.387 người`` typed in an English-locale Excel arrives as the
decimal 1.387, and only a unit that counts things (người, hộ, hồ sơ) makes that suspicious.
In: a unit as the data writes it. Out: whether it counts things.
"""

from __future__ import annotations

from .text import fold_header

__all__ = ["MEASURE_WORDS", "counts_things"]

#: First words of units that measure rather than count (money, area, length, mass, rates).
MEASURE_WORDS: frozenset[str] = frozenset(
    fold_header(word)
    for word in (
        "%",
        "đồng",
        "nghìn",
        "ngàn",
        "triệu",
        "tỷ",
        "tỉ",
        "USD",
        "ha",
        "héc-ta",
        "km",
        "m",
        "m2",
        "m²",
        "m3",
        "tấn",
        "tạ",
        "kg",
        "lít",
        "giờ",
        "phút",
        "ngày",
        "tháng",
        "năm",
        "lần",
        "điểm",
        "độ",
        "kWh",
        "MW",
    )
)


def counts_things(unit: str | None) -> bool:
    """Whether ``unit`` counts things (``người``, ``hộ``, ``hồ sơ``) rather than measures."""
    if not unit or not unit.strip():
        return False
    first = fold_header(unit).split()[0]
    return first not in MEASURE_WORDS and "/" not in unit and not first[0].isdigit()
