"""A meeting whose every text is as long as real data gets (issue 11 acceptance).

400-character titles (meeting, subject, section titles), 600-character reasons and
paragraphs, 150-character unit names (awardees, collectives, attendees, recipients),
four-position chairs, 18 named individuals (more than a press sentence can hold) and
10 statistics (more than a sentence can list). The words are ordinary Vietnamese words,
so lines break at spaces as in real data; one value per kind of text is exactly its length.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["REASON", "TITLE", "UNIT", "long_text", "long_values_data"]

TITLE, REASON, UNIT = 400, 600, 150

_WORDS = (
    "hội nghị tổng kết công tác phối hợp thực hiện chương trình xây dựng nông thôn mới nâng cao "
    "giai đoạn phát triển kinh tế xã hội bảo đảm quốc phòng an ninh trên địa bàn các xã thị trấn "
    "gắn với cải cách hành chính chuyển đổi số và nâng cao chất lượng phục vụ người dân doanh nghiệp"
).split()


def long_text(length: int, start: str = "", offset: int = 0) -> str:
    """Words (after ``start``) up to exactly ``length`` characters, ending on a whole word
    padded with a final word cut to fit (never a trailing space)."""
    text = start
    index = offset
    while len(text) < length:
        word = _WORDS[index % len(_WORDS)]
        index += 1
        text = f"{text} {word}" if text else word
    text = text[:length].rstrip()
    while len(text) < length:  # -- a cut landed on a space: close it with letters --
        text += "n"
    return text


def long_values_data(base: dict[str, Any]) -> dict[str, Any]:
    """``base`` (the sample meeting's data) with every text at its longest."""
    data = copy.deepcopy(base)
    data["meeting"]["title"] = long_text(TITLE, "Hội nghị", 2)
    data["meeting"]["place"] = long_text(UNIT, "Hội trường Trung tâm Chính trị", 7)
    positions = [long_text(60 + 10 * i, "Ủy viên Ban Thường vụ", 3 * i) for i in range(4)]
    data["chairs"] = [
        {"name": "Nguyễn Quốc Khởi", "positions": positions},
        {"name": "Phạm Văn Út", "positions": [long_text(90, p.split()[0], 5) for p in positions]},
        {"name": "Trần Thị Ngọc Hân", "positions": ["Phó Chủ tịch UBND huyện", *positions[1:]]},
    ]
    data["attendees"] = [
        long_text(UNIT, "Đại diện lãnh đạo", 2),
        "Thường trực Huyện ủy",
        {"name": "Lê Hoàng Phúc", "position": long_text(80, "Phó Trưởng phòng"), "unit": long_text(UNIT, "Phòng", 4)},
    ]
    data["statistics"] = [
        {
            "label": long_text(120 + i, "Tỷ lệ", i),
            "value": 10 + i * 7.25,
            "unit": "%",
            "note": long_text(UNIT, "đạt", i),
        }
        for i in range(10)
    ]
    data["sections"] = [
        {
            "title": long_text(TITLE, "Kết quả", 1),
            "paragraphs": [long_text(REASON, "Sau 5 năm", 2), long_text(REASON, "Việc", 6)],
            "points": [long_text(REASON, "Công tác", 9), long_text(150, "Phong trào", 11)],
            "sections": [{"title": long_text(TITLE, "Những hạn chế", 8), "paragraphs": [long_text(REASON, "Một", 3)]}],
        },
        {"title": long_text(TITLE, "Phương hướng", 12), "paragraphs": [long_text(REASON, "Tiếp tục", 13)]},
    ]
    units = [
        long_text(UNIT, f"Ủy ban nhân dân xã {name}", i)
        for i, name in enumerate(["Thạnh Yên", "Vĩnh Hòa", "Minh Thuận", "An Minh Bắc", "Hòa Chánh"])
    ]
    given = [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Giang",
        "Hà",
        "Khánh",
        "Lan",
        "Minh",
        "Nam",
        "Oanh",
        "Phúc",
        "Quang",
        "Sơn",
        "Tâm",
        "Uyên",
        "Vinh",
        "Yến",
    ]
    data["awards"] = [
        {
            "form": "Giấy khen",
            "decided_by": "Chủ tịch Ủy ban nhân dân huyện",
            "reason": long_text(REASON, "đã có thành tích xuất sắc trong", 1),
            "amount": 894000,
            "collectives": {"members": [{"name": unit} for unit in units]},
        },
        {
            "form": "Giấy khen",
            "decided_by": "Chủ tịch Ủy ban nhân dân huyện",
            "reason": long_text(REASON, "đã có thành tích tiêu biểu trong", 4),
            "amount": 447000,
            "individuals": [
                {
                    "name": f"Nguyễn Thị Thanh {name}",
                    "position": long_text(100, "Phó Chủ tịch", i),
                    "unit": units[i % len(units)],
                }
                for i, name in enumerate(given)
            ],
        },
    ]
    data["report"]["subject"] = long_text(TITLE, "Kết quả", 5)
    data["report"]["recipients"] = [long_text(UNIT, "Ban", i) for i in range(3)]
    data["press"]["outlet"] = long_text(UNIT, "Cổng thông tin điện tử", 2)
    data["press"]["author"] = long_text(80, "Nhóm phóng viên", 1)
    data["press"]["photos"] = [{**data["press"]["photos"][0], "caption": long_text(TITLE, "Quang cảnh", 3)}]
    data["decision"] = {
        "number": 112,
        "date": "2022-06-21",
        "proposed_by": long_text(UNIT, "Trưởng Phòng Nội vụ", 2),
        "executors": [long_text(UNIT, "Chánh Văn phòng", 1), long_text(UNIT, "Trưởng Phòng", 5)],
        "recipients": [long_text(UNIT, "Sở Nội vụ", 6)],
    }
    return data
