"""The meeting workbook's layout, as data: sheets, Vietnamese headers, contract keys, lists, examples.

One description serves both sides: :mod:`umt_reports.sources.xlsx` reads a workbook
with it and :mod:`umt_reports.sources.xlsx_template` writes one from it, so a header
renamed here is renamed in both. Two kinds of sheet exist:

- a *form* (:class:`FormSheet`): column A a label, column B its value, column C a grey
  example the reader never looks at (Hội nghị, Văn bản, Quyết định, Tin bài);
- a *table* (:class:`TableSheet`): one frozen header row, then one row per item
  (Chủ trì, Thành phần, Số liệu, Nội dung, Khen thưởng, and the photos of Tin bài).

Layout rules the reader applies (and the instructions sheet explains):

- **Example rows**: a table row is ignored when its filled cells are exactly those of one
  of the template's example rows (same columns, same values). Examples start with
  ``Ví dụ:`` so real data never matches one by accident; change any cell and the row is data.
- **Attendees** (Thành phần): the ``Loại`` column says ``Nhóm`` (a group line) or
  ``Cá nhân`` (a named person). When it is blank, a row with neither Chức vụ nor Đơn vị
  is a group line, and a row with either is a named person.
- **Sections** (Nội dung): a row whose Mục is blank or equal to the Mục above continues
  that section; a different Mục starts a new one. Loại ``Đoạn văn`` (or blank) adds a
  paragraph, ``Điểm`` a lettered point.
- **Awards** (Khen thưởng): one row per awardee or per count line. A row whose Hình
  thức is blank or the same as above takes the blank Cấp quyết định, Lý do, Mức thưởng
  and Đối tượng from the row above; a row naming a different Hình thức starts afresh.
  Consecutive rows with the same (Hình thức, Cấp quyết định, Lý do, Mức thưởng) form one
  award. Within it, a row with Số lượng and no name/position/unit is a count line; a
  row with a name is a named awardee (its Số lượng, if any, is the group's count too).
  A dash (``-`` or ``—``) in Cấp quyết định, Lý do or Mức thưởng means "none" and is
  not inherited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from umt_reports import vn

__all__ = [
    "AMOUNT_FORMAT",
    "ATTENDEES",
    "ATTENDEE_GROUP",
    "ATTENDEE_PERSON",
    "AWARDS",
    "CHAIRS",
    "CONTENT_PARAGRAPH",
    "CONTENT_POINT",
    "Column",
    "DASHES",
    "DATETIME_FORMAT",
    "DATE_FORMAT",
    "DECISION",
    "EXAMPLE_PREFIX",
    "FORMS",
    "FORM_HEADERS",
    "FormField",
    "FormSheet",
    "INSTRUCTIONS",
    "INSTRUCTIONS_SHEET",
    "ISSUER",
    "Kind",
    "LISTS_SHEET",
    "MEETING",
    "NO",
    "PHOTOS",
    "PRESS",
    "REPORT",
    "SECTIONS",
    "SHEET_ORDER",
    "STATISTICS",
    "TABLES",
    "TARGET_COLLECTIVE",
    "TARGET_INDIVIDUAL",
    "TableSheet",
    "YES",
    "choice_lists",
]

#: How a cell is read and written: free text, a number (or text the model parses), a figure
#: (a number with its unit, as a percent cell is read, or text such as ``22/27``), a calendar date, a date with time, several texts in one cell, one of a list, or a yes/no
#: (:data:`YES` or :data:`NO`, a true/false value in the contract).
Kind = Literal["text", "number", "figure", "date", "datetime", "list", "choice", "bool"]

#: Text that starts every example value, so that an example never equals real data.
EXAMPLE_PREFIX = "Ví dụ: "

#: Cell texts meaning "deliberately empty" in the inheriting award columns.
DASHES = ("-", "–", "—")

#: Date and date-time display formats of date cells (Excel number formats).
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
AMOUNT_FORMAT = "#,##0"


@dataclass(frozen=True)
class Column:
    """One column of a table sheet: its contract key, Vietnamese header and how to read it."""

    key: str
    header: str
    width: float
    kind: Kind = "text"
    #: Other spellings accepted as this header (compared folded: case, spaces, diacritics).
    aliases: tuple[str, ...] = ()
    #: A workbook without this header is refused (with a located problem).
    required: bool = False
    #: Name of a list of :func:`choice_lists` offered as a drop-down.
    choices: str | None = None
    #: Split a multi-value cell on these separators (besides line breaks); ``kind="list"`` only.
    separators: str = ";"
    #: Excel number format of the column's data cells.
    number_format: str | None = None


@dataclass(frozen=True)
class TableSheet:
    """A sheet of one header row and one row per item; ``examples`` are keyed by column key."""

    name: str
    columns: tuple[Column, ...]
    examples: tuple[dict[str, Any], ...] = ()

    def column(self, key: str) -> Column:
        """The column of contract key ``key``."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


@dataclass(frozen=True)
class FormField:
    """One labelled row of a form sheet and the contract path its value goes to."""

    path: tuple[str, ...]
    label: str
    kind: Kind = "text"
    aliases: tuple[str, ...] = ()
    #: Grey text of column C: an example or a hint.
    example: str = ""
    choices: str | None = None
    #: Several rows may carry this label, one value each (a list); rows in the blank template.
    repeat: int = 0
    separators: str = ";"


@dataclass(frozen=True)
class FormSheet:
    """A label/value sheet; ``table`` is a table placed below the fields (Tin bài's photos)."""

    name: str
    fields: tuple[FormField, ...]
    table: TableSheet | None = None

    def field(self, path: tuple[str, ...]) -> FormField:
        """The field whose value goes to ``path``."""
        for item in self.fields:
            if item.path == path:
                return item
        raise KeyError(path)


#: The hidden sheet holding the drop-down lists (ignored by the reader).
LISTS_SHEET = "Danh mục"
INSTRUCTIONS_SHEET = "Hướng dẫn"

#: Column C header of form sheets, and the A/B headers.
FORM_HEADERS = ("Mục", "Giá trị", "Ví dụ, ghi chú")

ATTENDEE_GROUP = "Nhóm"
ATTENDEE_PERSON = "Cá nhân"
TARGET_COLLECTIVE = "Tập thể"
TARGET_INDIVIDUAL = "Cá nhân"
CONTENT_PARAGRAPH = "Đoạn văn"
CONTENT_POINT = "Điểm"
#: The two answers of a yes/no (``kind="bool"``) field.
YES = "Có"
NO = "Không"


def choice_lists() -> dict[str, tuple[str, ...]]:
    """The drop-down lists by name (award forms come from :data:`umt_reports.vn.AWARD_FORMS`; they
    only suggest: any form is accepted as written)."""
    return {
        "award_form": tuple(vn.AWARD_FORMS),
        "target": (TARGET_COLLECTIVE, TARGET_INDIVIDUAL),
        "signing_mode": ("TM", "KT", "TL", "TUQ", "Q", "T/M", "K/T", "T/L"),
        "content_kind": (CONTENT_PARAGRAPH, CONTENT_POINT),
        "attendee_kind": (ATTENDEE_GROUP, ATTENDEE_PERSON),
        "yes_no": (YES, NO),
        "issuer_kind": ("state", "party"),
    }


# -- form sheets -----------------------------------------------------------------------

MEETING = FormSheet(
    name="Hội nghị",
    fields=(
        FormField(
            ("profile",),
            "Cơ quan ban hành (hồ sơ)",
            aliases=("Cơ quan ban hành", "Hồ sơ", "Hồ sơ cơ quan", "profile"),
            example="Tên hồ sơ trong thư mục profiles/, chọn trong danh sách (ví dụ ubnd-u-minh-thuong)",
            choices="profiles",
        ),
        FormField(
            ("meeting", "title"),
            "Tên hội nghị",
            aliases=("Tên cuộc họp", "Hội nghị", "title"),
            example=EXAMPLE_PREFIX + "Hội nghị sơ kết công tác 6 tháng đầu năm",
        ),
        FormField(
            ("meeting", "date"),
            "Ngày họp",
            kind="date",
            aliases=("Ngày hội nghị", "Ngày", "date"),
            example="Ngày/tháng/năm, ví dụ 21/06/2022; thiếu năm thì ghi 21/6",
        ),
        FormField(
            ("meeting", "place"),
            "Địa điểm",
            aliases=("Nơi họp", "place"),
            example=EXAMPLE_PREFIX + "Hội trường UBND huyện",
        ),
    ),
)

REPORT = FormSheet(
    name="Văn bản",
    fields=(
        FormField(
            ("report", "number"),
            "Số",
            kind="number",
            aliases=("Số văn bản", "number"),
            example="Số thứ tự của báo cáo (ví dụ 25); để trống để văn thư điền",
        ),
        FormField(
            ("report", "date"),
            "Ngày",
            kind="date",
            aliases=("Ngày ban hành", "Ngày văn bản", "date"),
            example="Ngày ký, ví dụ 22/06/2022",
        ),
        FormField(
            ("report", "subject"),
            "Trích yếu",
            aliases=("subject",),
            example="Để trống thì chương trình tự ghi theo tên hội nghị",
        ),
        FormField(
            ("report", "signer", "name"),
            "Người ký",
            aliases=("Họ và tên người ký", "signer"),
            example=EXAMPLE_PREFIX + "Nguyễn Văn A",
        ),
        FormField(
            ("report", "signer", "title"),
            "Chức vụ người ký",
            aliases=("Chức vụ",),
            example=EXAMPLE_PREFIX + "Chủ tịch",
        ),
        FormField(
            ("report", "signer", "mode"),
            "Hình thức ký",
            kind="choice",
            aliases=("Thẩm quyền ký", "mode"),
            example="TM, KT, TL, TUQ, Q (cơ quan Đảng: T/M, K/T, T/L); chọn trong danh sách",
            choices="signing_mode",
        ),
        FormField(
            ("report", "recipients"),
            "Nơi nhận",
            kind="list",
            aliases=("recipients",),
            example="Mỗi nơi nhận một dòng; thêm dòng «Nơi nhận» nếu cần",
            repeat=6,
            separators="",
        ),
        FormField(
            ("report", "filing"),
            "Lưu",
            kind="list",
            aliases=("Lưu trữ", "filing"),
            example="Ký hiệu đơn vị lưu sau VT, cách nhau bằng dấu phẩy (ví dụ VP)",
            separators=";,",
        ),
    ),
)

DECISION = FormSheet(
    name="Quyết định",
    fields=(
        FormField(
            ("decision", "number"),
            "Số",
            kind="number",
            aliases=("Số quyết định", "number"),
            example="Số của quyết định khen thưởng; để trống để văn thư điền",
        ),
        FormField(
            ("decision", "date"),
            "Ngày",
            kind="date",
            aliases=("Ngày ban hành", "Ngày quyết định", "date"),
            example="Ngày ký, ví dụ 17/06/2022",
        ),
        FormField(
            ("decision", "subject"),
            "Trích yếu",
            aliases=("subject",),
            example="Để trống thì chương trình tự ghi (Về việc tặng Giấy khen …)",
        ),
        FormField(
            ("decision", "signer", "name"),
            "Người ký",
            aliases=("Họ và tên người ký", "signer"),
            example="Để trống thì lấy người ký của Văn bản",
        ),
        FormField(
            ("decision", "signer", "title"),
            "Chức vụ người ký",
            aliases=("Chức vụ",),
            example=EXAMPLE_PREFIX + "Chủ tịch",
        ),
        FormField(
            ("decision", "signer", "mode"),
            "Hình thức ký",
            kind="choice",
            aliases=("Thẩm quyền ký", "mode"),
            example="Người đứng đầu tự ký thì để trống; cấp phó ký thay thì chọn KT",
            choices="signing_mode",
        ),
        FormField(
            ("decision", "proposed_by"),
            "Theo đề nghị của",
            aliases=("Đề nghị của", "Người đề nghị", "proposed_by"),
            example=EXAMPLE_PREFIX + "Trưởng Phòng Nội vụ huyện",
        ),
        FormField(
            ("decision", "legal_grounds"),
            "Căn cứ",
            kind="list",
            aliases=("Căn cứ pháp lý", "legal_grounds"),
            example="Mỗi căn cứ một dòng; để trống thì lấy căn cứ của hồ sơ cơ quan",
            repeat=3,
            separators="",
        ),
        FormField(
            ("decision", "funding"),
            "Nguồn kinh phí",
            aliases=("Kinh phí", "funding"),
            example=EXAMPLE_PREFIX + "Quỹ Thi đua, khen thưởng huyện",
        ),
        FormField(
            ("decision", "executors"),
            "Đơn vị thi hành (Điều 3)",
            kind="list",
            aliases=("Thi hành", "executors"),
            example="Mỗi cơ quan, người thi hành một dòng; thêm dòng nếu cần",
            repeat=4,
            separators="",
        ),
        FormField(
            ("decision", "recipients"),
            "Nơi nhận",
            kind="list",
            aliases=("recipients",),
            example="Mỗi nơi nhận một dòng (sau «Như Điều …»); thêm dòng «Nơi nhận» nếu cần",
            repeat=6,
            separators="",
        ),
        FormField(
            ("decision", "filing"),
            "Lưu",
            kind="list",
            aliases=("Lưu trữ", "filing"),
            example="Ký hiệu đơn vị lưu sau VT, cách nhau bằng dấu phẩy (ví dụ NV)",
            separators=";,",
        ),
        FormField(
            ("decision", "group_by_unit"),
            "Liệt kê theo đơn vị",
            kind="bool",
            aliases=("Theo đơn vị", "group_by_unit"),
            example="Có: danh sách khen thưởng xếp theo từng đơn vị; để trống là Không",
            choices="yes_no",
        ),
    ),
)

PHOTOS = TableSheet(
    name="Tin bài",
    columns=(
        Column("file", "Tệp ảnh", 40, required=True, aliases=("Ảnh", "Tệp", "file")),
        Column("caption", "Chú thích", 50, aliases=("Chú thích ảnh", "caption")),
        Column("credit", "Nguồn ảnh", 25, aliases=("Nguồn", "Tác giả ảnh", "credit")),
    ),
    examples=({"file": EXAMPLE_PREFIX + "anh/quang-canh.jpg", "caption": "Quang cảnh hội nghị"},),
)

PRESS = FormSheet(
    name="Tin bài",
    fields=(
        FormField(
            ("press", "outlet"),
            "Cơ quan đăng tin",
            aliases=("Cơ quan đăng", "Trang tin", "outlet"),
            example=EXAMPLE_PREFIX + "Cổng thông tin điện tử huyện",
        ),
        FormField(
            ("press", "section"),
            "Chuyên mục",
            aliases=("section",),
            example=EXAMPLE_PREFIX + "Tin tức sự kiện",
        ),
        FormField(
            ("press", "published"),
            "Thời điểm đăng",
            kind="datetime",
            aliases=("Ngày đăng", "Thời gian đăng", "published"),
            example="Ngày/tháng/năm giờ:phút, ví dụ 22/06/2022 13:37",
        ),
        FormField(
            ("press", "author"),
            "Tác giả",
            aliases=("Người viết", "author"),
            example=EXAMPLE_PREFIX + "Diễm My",
        ),
    ),
    table=PHOTOS,
)

# -- table sheets ----------------------------------------------------------------------

CHAIRS = TableSheet(
    name="Chủ trì",
    columns=(
        Column("name", "Họ và tên", 28, required=True, aliases=("Họ tên", "Tên", "Người chủ trì", "name")),
        Column("positions", "Chức vụ", 60, kind="list", aliases=("Các chức vụ", "positions")),
    ),
    examples=({"name": EXAMPLE_PREFIX + "Nguyễn Văn A", "positions": "Bí thư Đảng ủy xã; Chủ tịch UBND xã"},),
)

ATTENDEES = TableSheet(
    name="Thành phần",
    columns=(
        Column(
            "who",
            "Nhóm thành phần hoặc Họ và tên",
            60,
            required=True,
            aliases=("Nhóm thành phần", "Thành phần", "Họ và tên", "Họ tên", "Nhóm"),
        ),
        Column("position", "Chức vụ", 30, aliases=("position",)),
        Column("unit", "Đơn vị", 30, aliases=("Cơ quan", "unit")),
        Column("kind", "Loại", 12, kind="choice", choices="attendee_kind", aliases=("Nhóm/Cá nhân",)),
    ),
    examples=(
        {"who": EXAMPLE_PREFIX + "Lãnh đạo các phòng, ban huyện", "kind": ATTENDEE_GROUP},
        {
            "who": EXAMPLE_PREFIX + "Trần Thị B",
            "position": "Chủ tịch UBND xã",
            "unit": "xã An Bình",
            "kind": ATTENDEE_PERSON,
        },
    ),
)

STATISTICS = TableSheet(
    name="Số liệu",
    columns=(
        Column("label", "Chỉ tiêu", 50, required=True, aliases=("Tên chỉ tiêu", "label")),
        Column("value", "Giá trị", 14, kind="figure", required=True, aliases=("Số liệu", "Kết quả", "value")),
        Column("unit", "Đơn vị tính", 14, aliases=("Đơn vị", "ĐVT", "unit")),
        Column("note", "Ghi chú", 30, aliases=("note",)),
    ),
    examples=(
        {"label": EXAMPLE_PREFIX + "Tăng trưởng kinh tế bình quân", "value": 19.4, "unit": "%/năm"},
        {"label": EXAMPLE_PREFIX + "Chỉ tiêu nghị quyết đạt và vượt", "value": "22/27", "unit": "chỉ tiêu"},
    ),
)

SECTIONS = TableSheet(
    name="Nội dung",
    columns=(
        Column("title", "Mục", 30, required=True, aliases=("Tên mục", "Tiêu đề", "title")),
        Column("kind", "Loại", 12, kind="choice", choices="content_kind", aliases=("Đoạn văn/Điểm",)),
        Column("text", "Nội dung", 100, required=True, aliases=("Đoạn văn", "text")),
    ),
    examples=(
        {
            "title": EXAMPLE_PREFIX + "Kết quả đạt được",
            "kind": CONTENT_PARAGRAPH,
            "text": "Mỗi đoạn văn một dòng; các dòng tiếp theo để trống cột Mục thì thuộc cùng mục.",
        },
        {"kind": CONTENT_POINT, "text": EXAMPLE_PREFIX + "một ý gạch đầu dòng (đánh a, b, c)."},
    ),
)

AWARDS = TableSheet(
    name="Khen thưởng",
    columns=(
        Column(
            "form",
            "Hình thức",
            24,
            required=True,
            kind="choice",
            choices="award_form",
            aliases=("Hình thức khen thưởng", "Danh hiệu", "form"),
        ),
        Column("decided_by", "Cấp quyết định", 30, aliases=("Người quyết định", "Cấp khen", "decided_by")),
        Column("reason", "Lý do", 50, aliases=("Thành tích", "reason")),
        Column(
            "amount",
            "Mức thưởng (đồng)",
            16,
            kind="number",
            number_format=AMOUNT_FORMAT,
            aliases=("Mức thưởng", "Tiền thưởng", "amount"),
        ),
        Column("target", "Đối tượng", 12, required=True, kind="choice", choices="target", aliases=("Tập thể/Cá nhân",)),
        Column("count", "Số lượng", 10, required=True, kind="number", aliases=("Số", "count")),
        Column(
            "name",
            "Họ và tên / Tên tập thể",
            32,
            required=True,
            aliases=("Họ và tên", "Họ tên", "Tên tập thể", "Tên", "name"),
        ),
        Column("position", "Chức vụ", 25, aliases=("position",)),
        Column("unit", "Đơn vị", 25, aliases=("unit",)),
        Column("note", "Ghi chú", 20, aliases=("note",)),
    ),
    examples=(
        {
            "form": "Giấy khen",
            "decided_by": EXAMPLE_PREFIX + "Chủ tịch UBND huyện",
            "reason": "có thành tích xuất sắc trong phong trào thi đua của năm",
            "amount": 1000000,
            "target": TARGET_COLLECTIVE,
            "count": 2,
        },
        {"target": TARGET_COLLECTIVE, "name": EXAMPLE_PREFIX + "Ban Dân vận xã A"},
        {"target": TARGET_COLLECTIVE, "name": EXAMPLE_PREFIX + "Ủy ban nhân dân xã B"},
        {
            "form": "Bằng khen",
            "decided_by": EXAMPLE_PREFIX + "Chủ tịch UBND tỉnh",
            "reason": "có thành tích xuất sắc",
            "target": TARGET_INDIVIDUAL,
            "count": 3,
        },
    ),
)

#: The optional issuing-body sheet: the fields of a profile (``profiles/*.yaml``) for an office
#: that has no profile file. Filled, it replaces the profile named on Hội nghị; left blank, it is
#: ignored. Dated legal grounds need a profile file (here each line is cited on any date).
ISSUER = FormSheet(
    name="Cơ quan ban hành",
    fields=(
        FormField(
            ("issuer", "kind"),
            "Loại cơ quan",
            kind="choice",
            aliases=("kind",),
            choices="issuer_kind",
            example="state (cơ quan nhà nước, Nghị định 30/2020) hoặc party (cơ quan Đảng)",
        ),
        FormField(
            ("issuer", "parent"),
            "Cơ quan chủ quản",
            kind="list",
            aliases=("parent",),
            repeat=2,
            separators="",
            example=EXAMPLE_PREFIX + "UBND TỈNH GIA LAI (mỗi dòng một dòng tiêu đề; có thể trống)",
        ),
        FormField(
            ("issuer", "name"),
            "Tên cơ quan",
            kind="list",
            aliases=("name",),
            repeat=2,
            separators="",
            example=EXAMPLE_PREFIX + "ỦY BAN NHÂN DÂN / XÃ IA SAO (mỗi dòng một dòng tiêu đề, chữ in hoa)",
        ),
        FormField(("issuer", "symbol"), "Ký hiệu cơ quan", aliases=("symbol",), example=EXAMPLE_PREFIX + "UBND"),
        FormField(
            ("issuer", "full_name"),
            "Tên đầy đủ",
            aliases=("full_name",),
            example=EXAMPLE_PREFIX + "Ủy ban nhân dân xã Ia Sao",
        ),
        FormField(("issuer", "short_name"), "Tên ngắn", aliases=("short_name",), example=EXAMPLE_PREFIX + "UBND xã"),
        FormField(
            ("issuer", "place"),
            "Địa danh",
            aliases=("place",),
            example=EXAMPLE_PREFIX + "Ia Sao (địa danh ghi ở dòng ngày tháng)",
        ),
        FormField(
            ("issuer", "collective"),
            "Tập thể (ký TM.)",
            aliases=("collective",),
            example=EXAMPLE_PREFIX + "Ủy ban nhân dân; cơ quan Đảng: Ban Thường vụ",
        ),
        FormField(
            ("issuer", "head_title"),
            "Chức danh người đứng đầu",
            aliases=("head_title",),
            example=EXAMPLE_PREFIX + "Chủ tịch",
        ),
        FormField(
            ("issuer", "authority"),
            "Thẩm quyền khen thưởng",
            aliases=("authority",),
            example=EXAMPLE_PREFIX + "Chủ tịch Ủy ban nhân dân xã Ia Sao",
        ),
        FormField(
            ("issuer", "signer", "name"),
            "Người ký mặc định",
            aliases=("signer",),
            example=EXAMPLE_PREFIX + "Nguyễn Văn A",
        ),
        FormField(("issuer", "signer", "title"), "Chức vụ người ký mặc định", example=EXAMPLE_PREFIX + "Chủ tịch"),
        FormField(
            ("issuer", "signer", "mode"),
            "Hình thức ký mặc định",
            kind="choice",
            choices="signing_mode",
            example="TM, KT, TL, TUQ, Q (cơ quan Đảng: T/M, K/T, T/L)",
        ),
        FormField(
            ("issuer", "filing"),
            "Lưu (mặc định)",
            kind="list",
            aliases=("filing",),
            separators=";,",
            example="Ký hiệu đơn vị lưu sau VT, ví dụ VP",
        ),
        FormField(
            ("issuer", "legal_grounds"),
            "Căn cứ (mặc định)",
            kind="list",
            aliases=("legal_grounds",),
            repeat=3,
            separators="",
            example="Mỗi căn cứ một dòng, không có chữ «Căn cứ» và dấu câu cuối",
        ),
        FormField(
            ("issuer", "valid_from"),
            "Hiệu lực từ ngày",
            kind="date",
            aliases=("valid_from",),
            example="Ngày cơ quan bắt đầu ban hành văn bản, ví dụ 01/07/2025",
        ),
        FormField(
            ("issuer", "valid_to"),
            "Hiệu lực đến ngày",
            kind="date",
            aliases=("valid_to",),
            example="Để trống nếu cơ quan còn hoạt động",
        ),
    ),
)

FORMS: tuple[FormSheet, ...] = (MEETING, REPORT, DECISION, PRESS, ISSUER)
TABLES: tuple[TableSheet, ...] = (CHAIRS, ATTENDEES, STATISTICS, SECTIONS, AWARDS)

#: Sheet names in workbook order (after the instructions sheet).
SHEET_ORDER: tuple[str, ...] = (
    MEETING.name,
    CHAIRS.name,
    ATTENDEES.name,
    STATISTICS.name,
    SECTIONS.name,
    AWARDS.name,
    REPORT.name,
    DECISION.name,
    PRESS.name,
    ISSUER.name,
)

#: The instructions sheet, as (heading, text) rows; an empty heading continues the block above.
INSTRUCTIONS: tuple[tuple[str, str], ...] = (
    ("HƯỚNG DẪN ĐIỀN SỔ TÍNH HỘI NGHỊ", ""),
    ("", "Sổ tính này do chương trình umt-reports tạo ra. Mỗi trang tính là một phần của báo cáo; "
         "chỉ điền vào các ô, không đổi tên trang tính. Có thể chèn dòng trống, đổi thứ tự cột; "
         "tên cột viết hoa, viết thường hay không dấu đều được."),
    ("Dòng ví dụ", "Các dòng chữ nghiêng màu xám ngay dưới tiêu đề là ví dụ (bắt đầu bằng «Ví dụ:»). "
                   "Chương trình bỏ qua một dòng khi mọi ô của nó giống hệt một dòng ví dụ; sửa bất kỳ ô nào "
                   "thì dòng đó thành dữ liệu, nên hãy xóa hẳn dòng ví dụ hoặc để nguyên."),
    ("Ngày tháng", "Ghi theo ngày/tháng/năm, ví dụ 21/06/2022 hoặc 21/6/2022. Thiếu năm thì ghi 21/6. "
                   "Thời điểm đăng tin ghi kèm giờ: 22/06/2022 13:37."),
    ("Số", "Số thập phân dùng dấu phẩy (19,4), hàng nghìn dùng dấu chấm (1.000.000). "
           "Cột Giá trị của Số liệu nhận cả chữ, ví dụ «22/27» hoặc «70 tập thể, 210 cá nhân»."),
    ("Hội nghị", "Cột A là tên mục, cột B là giá trị; cột C chỉ để tham khảo. Bắt buộc có Cơ quan ban hành "
                 "(tên hồ sơ, chọn trong danh sách) và Tên hội nghị."),
    ("Chủ trì", "Mỗi người chủ trì một dòng. Người giữ nhiều chức vụ: ghi các chức vụ trong cùng một ô, "
                "mỗi chức vụ một dòng (Alt+Enter) hoặc cách nhau bằng dấu chấm phẩy (;)."),
    ("Thành phần", "Mỗi dòng là một nhóm thành phần (ví dụ «Lãnh đạo các phòng, ban huyện») hoặc một người. "
                   "Cột Loại ghi «Nhóm» hoặc «Cá nhân». Nếu để trống cột Loại: dòng không có Chức vụ và "
                   "Đơn vị là một nhóm; dòng có Chức vụ hoặc Đơn vị là một người có tên."),
    ("Số liệu", "Mỗi chỉ tiêu một dòng: tên chỉ tiêu, giá trị (số hoặc chữ), đơn vị tính, ghi chú."),
    ("Nội dung", "Mỗi đoạn văn một dòng. Ghi tên Mục ở dòng đầu của mục; các dòng sau để trống cột Mục "
                 "(hoặc ghi lại đúng tên mục đó) thì thuộc cùng mục. Cột Loại: «Đoạn văn» (mặc định) "
                 "hoặc «Điểm» (ý được đánh a, b, c). Không hỗ trợ mục con."),
    ("Khen thưởng", "Mỗi dòng là một tập thể/cá nhân được khen, hoặc một dòng chỉ ghi Số lượng khi chưa có "
                    "danh sách. Ghi Hình thức, Cấp quyết định, Lý do, Mức thưởng ở dòng đầu; các dòng sau để "
                    "trống thì lấy theo dòng trên. Dòng ghi Hình thức khác thì bắt đầu một đợt khen mới và "
                    "không lấy các ô trống từ dòng trên. Các dòng liền nhau có cùng Hình thức, Cấp quyết định, "
                    "Lý do, Mức thưởng là một đợt khen."),
    ("", "Cột Đối tượng: «Tập thể» hoặc «Cá nhân» (để trống thì lấy theo dòng trên trong cùng đợt). "
         "Dòng có Số lượng mà không có tên là tổng số; nếu có cả danh sách tên thì số lượng phải bằng số tên. "
         "Ghi dấu gạch (-) vào Cấp quyết định, Lý do hoặc Mức thưởng để bỏ trống mà không lấy theo dòng trên."),
    ("Văn bản", "Số, ngày, người ký của báo cáo. Hình thức ký chọn trong danh sách (TM, KT, TL, TUQ, Q; "
                "cơ quan Đảng: T/M, K/T, T/L). Nơi nhận: mỗi nơi một dòng có nhãn «Nơi nhận»."),
    ("Quyết định", "Quyết định khen thưởng (nếu cần), điền như trang Văn bản; Căn cứ, Đơn vị thi hành, Nơi nhận: "
                   "mỗi dòng một mục. Liệt kê theo đơn vị: «Có» hoặc «Không»."),
    ("Tin bài", "Thông tin đăng tin trên cổng thông tin. Bảng ảnh phía dưới: tên tệp ảnh (đường dẫn tính từ "
                "thư mục chứa sổ tính), chú thích, nguồn ảnh."),
    ("Cơ quan ban hành", "Không bắt buộc: dùng khi cơ quan chưa có hồ sơ trong thư mục profiles/. Điền đủ loại "
                         "cơ quan, tên cơ quan, ký hiệu, tên đầy đủ và địa danh; khi đã điền, trang này thay cho "
                         "hồ sơ ghi ở trang Hội nghị. Để trống cả trang thì chương trình bỏ qua."),
    ("Hình thức khen thưởng", "Chọn trong danh sách hoặc gõ đúng như quyết định ghi (ví dụ «Bằng khen của Chủ tịch "
                              "UBND tỉnh», «Thư khen»): văn bản giữ nguyên cách ghi; hình thức không có trong "
                              "Luật Thi đua, khen thưởng được nhận kèm một ghi chú."),
)  # fmt: skip


# -- field names: how messages name a value, as the workbook does (i15-gates) ----------

#: Contract path of the items of each table sheet.
_TABLE_ROOTS: tuple[tuple[tuple[str, ...], TableSheet], ...] = (
    (("chairs",), CHAIRS),
    (("attendees",), ATTENDEES),
    (("statistics",), STATISTICS),
    (("sections",), SECTIONS),
    (("awards",), AWARDS),
    (("press", "photos"), PHOTOS),
)
#: Contract keys whose values sit in a column of another key (sheet name, key) -> column key.
_COLUMN_OF: dict[tuple[str, str], str] = {
    (ATTENDEES.name, "name"): "who",
    (SECTIONS.name, "paragraphs"): "text",
    (SECTIONS.name, "points"): "text",
    (AWARDS.name, "individuals"): "count",
    (AWARDS.name, "collectives"): "count",
}


def field_name(path: tuple[str | int, ...]) -> str | None:
    """The workbook's name for the value at contract ``path`` (0-based list indexes), or ``None``.

    A row of a form sheet is named by its label (``("meeting", "title")`` → ``Tên hội nghị``;
    with the sheet when two sheets share the label: ``Số (Văn bản)``); a cell of a table sheet
    by its column header and the sheet (``("chairs", 1, "name")`` → ``Họ và tên (Chủ trì)``;
    the problem's location names the row). Paths the workbook has no cell for give ``None``.
    """
    keys = tuple(part for part in path if isinstance(part, str))
    for form in FORMS:
        for item in form.fields:
            if item.path == keys:
                shared = sum(1 for other in FORMS for f in other.fields if f.label == item.label) > 1
                return f"{item.label} ({form.name})" if shared else item.label
    for root, table in _TABLE_ROOTS:
        if keys[: len(root)] != root:
            continue
        known = {column.key for column in table.columns}
        columns = [_COLUMN_OF.get((table.name, key), key) for key in reversed(keys[len(root) :])]
        column = next((key for key in columns if key in known), None)
        if column is None:
            column = table.columns[0].key if len(keys) == len(root) else None
        if column is None:
            return None
        return f"{table.column(column).header} ({table.name})"
    return None
