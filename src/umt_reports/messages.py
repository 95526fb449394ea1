"""Every user-facing message, in Vietnamese and English, keyed by a stable code.

Problems (:class:`umt_reports.errors.Problem`) carry a code and parameters; this module
turns them into sentences. A message says what is wrong *and* what is expected.
Placeholders use :meth:`str.format` syntax. Vietnamese is the default language.

The catalogue is grouped by pipeline stage; codes are ``area.what``.
"""

from __future__ import annotations

from typing import Any, Mapping

__all__ = ["CATALOGUE", "LANGUAGES", "render"]

LANGUAGES = ("vi", "en")

#: code -> {"vi": template, "en": template}
CATALOGUE: dict[str, dict[str, str]] = {}


def _add(entries: Mapping[str, tuple[str, str]]) -> None:
    for code, (vi, en) in entries.items():
        if code in CATALOGUE:
            raise RuntimeError(f"duplicate message code {code!r}")
        CATALOGUE[code] = {"vi": vi, "en": en}


def render(code: str, params: Mapping[str, Any], lang: str = "vi") -> str:
    """The message for ``code`` in ``lang``, with ``params`` filled in."""
    entry = CATALOGUE.get(code)
    if entry is None:  # -- a programming error, but never hide the problem from the user --
        return f"{code}: {dict(params)}"
    template = entry.get(lang) or entry["vi"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{template} {dict(params)}"


# -- files: opening and recognising input files --------------------------------------
_add(
    {
        "file.not_found": ("Không tìm thấy tệp {path}.", "File not found: {path}."),
        "file.is_directory": (
            "{path} là một thư mục; cần một tệp .yaml hoặc .xlsx.",
            "{path} is a folder; expected a .yaml or .xlsx file.",
        ),
        "file.unreadable": ("Không đọc được tệp: {reason}.", "Cannot read the file: {reason}."),
        "file.empty": (
            "Tệp rỗng (0 byte). Cần một tệp .yaml hoặc .xlsx có dữ liệu hội nghị.",
            "The file is empty (0 bytes). Expected a .yaml or .xlsx file with meeting data.",
        ),
        "file.unsupported_type": (
            "Không hỗ trợ định dạng {kind}. Hãy lưu lại thành Excel Workbook (.xlsx) hoặc dùng tệp .yaml.",
            "{kind} files are not supported. Save the file as an Excel Workbook (.xlsx) or use a .yaml file.",
        ),
        "file.too_large": (
            "Tệp quá lớn ({size} byte); giới hạn là {limit} byte.",
            "The file is too large ({size} bytes); the limit is {limit} bytes.",
        ),
        "file.not_utf8": (
            "Tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {offset}). Hãy lưu lại với bảng mã UTF-8.",
            "The file is not UTF-8 text (bad byte at offset {offset}). Save it again as UTF-8.",
        ),
    }
)

# -- yaml: reading YAML --------------------------------------------------------------
_add(
    {
        "yaml.syntax": (
            "Lỗi cú pháp YAML ở dòng {line}, cột {column}: {reason}.",
            "YAML syntax error at line {line}, column {column}: {reason}.",
        ),
        "yaml.not_mapping": (
            "Tệp YAML phải là một bảng khóa: giá trị (ví dụ `meeting:`), không phải {found}.",
            "The YAML file must be a mapping of keys (such as `meeting:`), not {found}.",
        ),
        "yaml.too_many_nodes": (
            "Tệp YAML quá phức tạp (hơn {limit} phần tử sau khi mở rộng bí danh &/*); có thể là tệp độc hại.",
            "The YAML file is too complex (over {limit} elements once &/* aliases are expanded); it may be hostile.",
        ),
        "yaml.too_deep": (
            "Tệp YAML lồng quá sâu (hơn {limit} cấp).",
            "The YAML file is nested too deeply (over {limit} levels).",
        ),
        "yaml.tag": (
            "Không cho phép thẻ YAML {tag}; chỉ dùng văn bản, số, ngày, danh sách và bảng khóa.",
            "YAML tag {tag} is not allowed; use only text, numbers, dates, lists and mappings.",
        ),
        "yaml.duplicate_key": (
            "Khóa `{key}` xuất hiện hai lần (lần trước ở dòng {first_line}).",
            "Key `{key}` appears twice (first at line {first_line}).",
        ),
        "yaml.key_not_text": (
            "Khóa phải là chữ, không phải {found}.",
            "Keys must be text, not {found}.",
        ),
    }
)

# -- value: validating the meeting model ---------------------------------------------
_add(
    {
        "value.missing": ("Thiếu {field}.", "{field} is missing."),
        "value.unknown_key": (
            "Khóa không hợp lệ `{key}` (gõ nhầm?). Các khóa được phép: {allowed}.",
            "Unknown key `{key}` (a typo?). Allowed keys: {allowed}.",
        ),
        "value.not_text": (
            "{field} phải là chữ, nhận được {found}.",
            "{field} must be text, got {found}.",
        ),
        "value.blank": ("{field} đang để trống.", "{field} is blank."),
        "value.not_list": (
            "{field} phải là một danh sách, nhận được {found}.",
            "{field} must be a list, got {found}.",
        ),
        "value.not_mapping": (
            "{field} phải là một nhóm khóa: giá trị, nhận được {found}.",
            "{field} must be a mapping of keys, got {found}.",
        ),
        "value.not_number": (
            "{field}: «{value}» không phải là số. Cần một số, ví dụ 19,4 hoặc 1.387.",
            "{field}: '{value}' is not a number. Expected a number such as 19,4 or 1.387.",
        ),
        "value.not_integer": (
            "{field}: «{value}» không phải là số nguyên. Cần một số nguyên, ví dụ 5 hoặc 1.000.000.",
            "{field}: '{value}' is not a whole number. Expected one such as 5 or 1.000.000.",
        ),
        "value.negative": (
            "{field} không được âm (nhận được {value}).",
            "{field} must not be negative (got {value}).",
        ),
        "value.too_long": (
            "{field} dài {length} ký tự; tối đa {limit}.",
            "{field} is {length} characters long; the limit is {limit}.",
        ),
        "value.bad_choice": (
            "{field}: «{value}» không hợp lệ. Chọn một trong: {allowed}.",
            "{field}: '{value}' is not valid. Choose one of: {allowed}.",
        ),
        "value.invalid": ("{field}: {reason}", "{field}: {reason}"),
        "date.impossible": (
            "{field}: ngày {value} không tồn tại. Cần một ngày có thật, dạng ngày/tháng/năm (ví dụ 21/6/2022).",
            "{field}: {value} is not a real date. Expected a real date as day/month/year (e.g. 21/6/2022).",
        ),
        "date.unreadable": (
            "{field}: không hiểu ngày «{value}». Cần dạng ngày/tháng/năm (21/6/2022), ngày/tháng (21/6) hoặc năm-tháng-ngày (2022-06-21).",
            "{field}: cannot read the date '{value}'. Expected day/month/year (21/6/2022), day/month (21/6) or year-month-day (2022-06-21).",
        ),
        "date.needs_full": (
            "{field}: cần đủ ngày, tháng, năm (nhận được «{value}»).",
            "{field}: a full day, month and year is needed (got '{value}').",
        ),
        "datetime.unreadable": (
            "{field}: không hiểu thời điểm «{value}». Cần dạng 22/6/2022 13:37 hoặc 2022-06-22T13:37.",
            "{field}: cannot read the time '{value}'. Expected 22/6/2022 13:37 or 2022-06-22T13:37.",
        ),
        "award.unknown_form": (
            "{field}: hình thức khen thưởng «{value}» không có trong danh mục. Chọn một trong: {allowed}.",
            "{field}: award form '{value}' is not in the list. Choose one of: {allowed}.",
        ),
        "award.count_mismatch": (
            "{field}: số lượng ghi {count} nhưng danh sách có {named} tên. Hai số này phải bằng nhau.",
            "{field}: the count says {count} but the list names {named}. They must agree.",
        ),
        "award.empty": (
            "{field}: chưa có tập thể hay cá nhân nào được khen (cần số lượng hoặc danh sách).",
            "{field}: nobody is awarded (give a count or a list of names).",
        ),
        "signer.bad_mode": (
            "{field}: hình thức ký «{value}» không hợp lệ. Chọn một trong: {allowed}.",
            "{field}: signing mode '{value}' is not valid. Choose one of: {allowed}.",
        ),
        "signer.mode_needs_title": (
            "{field}: ký thay ({mode}) cần chức vụ của người ký (ví dụ Phó Chủ tịch).",
            "{field}: signing on behalf ({mode}) needs the signer's title (e.g. Phó Chủ tịch).",
        ),
        "report.number_range": (
            "{field}: số văn bản phải từ 1 đến 99999 (nhận được {value}).",
            "{field}: the document number must be between 1 and 99999 (got {value}).",
        ),
        "photo.missing": (
            "Không tìm thấy ảnh {file} (đường dẫn tính từ thư mục của tệp dữ liệu).",
            "Photo {file} not found (paths are relative to the data file's folder).",
        ),
        "photo.unreadable": (
            "Không đọc được ảnh {file}: cần tệp ảnh JPEG hoặc PNG.",
            "Cannot read photo {file}: expected a JPEG or PNG image.",
        ),
        "statistic.no_value": (
            "{field}: chỉ tiêu «{label}» chưa có giá trị (số hoặc chữ).",
            "{field}: statistic '{label}' has no value (a number or text).",
        ),
    }
)

# -- profile: issuing-body profiles --------------------------------------------------
_add(
    {
        "profile.not_found": (
            "Không tìm thấy hồ sơ cơ quan ban hành «{name}». Có sẵn: {available}.",
            "Issuing-body profile '{name}' not found. Available: {available}.",
        ),
        "profile.missing": (
            "Chưa chọn cơ quan ban hành: cần khóa `profile:` (tên một hồ sơ trong profiles/) hoặc `issuer:`.",
            "No issuing body: give `profile:` (a profile in profiles/) or an inline `issuer:`.",
        ),
        "profile.not_valid_on": (
            "Cơ quan «{issuer}» chỉ hoạt động {span}; văn bản đề ngày {date} nằm ngoài khoảng đó.",
            "'{issuer}' operated only {span}; the document date {date} is outside it.",
        ),
    }
)

# -- template: wording templates ------------------------------------------------------
_add(
    {
        "template.not_found": (
            "Không tìm thấy mẫu câu chữ {name} (trong --templates hoặc templates/).",
            "Wording template {name} not found (in --templates or templates/).",
        ),
        "template.syntax": (
            "Mẫu câu chữ sai cú pháp Jinja: {reason}.",
            "Wording template has a Jinja syntax error: {reason}.",
        ),
        "template.no_block": (
            "Mẫu {name} thiếu khối {{% block {block} %}}.",
            "Template {name} has no {{% block {block} %}}.",
        ),
        "template.undefined": (
            "Khối «{block}» dùng biến không có: {reason}.",
            "Block '{block}' uses an undefined variable: {reason}.",
        ),
        "template.unsafe": (
            "Khối «{block}» làm việc không được phép trong mẫu: {reason}.",
            "Block '{block}' does something templates may not do: {reason}.",
        ),
        "template.failed": ("Khối «{block}» bị lỗi: {reason}.", "Block '{block}' failed: {reason}."),
    }
)

# -- build: producing documents -------------------------------------------------------
_add(
    {
        "build.unknown_kind": (
            "Không có loại văn bản «{value}». Chọn trong: {allowed}.",
            "There is no document kind '{value}'. Choose from: {allowed}.",
        ),
        "build.unknown_format": (
            "Không có định dạng «{value}». Chọn trong: {allowed}.",
            "There is no format '{value}'. Choose from: {allowed}.",
        ),
    }
)

# -- cli: command-line edge ----------------------------------------------------------
_add(
    {
        "cli.valid": ("{path}: hợp lệ.", "{path}: valid."),
        "cli.problems": ("{path}: {count} lỗi.", "{path}: {count} problem(s)."),
        "cli.written": ("Đã ghi {path}", "Wrote {path}"),
        "cli.written_file": ("Đã ghi {path} ({kind}, {format})", "Wrote {path} ({kind}, {format})"),
        "cli.written_pages": (
            "Đã ghi {path} ({kind}, {format}, {pages} trang)",
            "Wrote {path} ({kind}, {format}, {pages} pages)",
        ),
        "cli.font": ("Phông chữ PDF: {font}", "PDF font: {font}"),
        "cli.internal": (
            "Lỗi nội bộ của umt-reports ({kind}: {detail}). Xin báo lỗi kèm tệp dữ liệu.",
            "Internal error in umt-reports ({kind}: {detail}). Please report it with the data file.",
        ),
    }
)

# -- render: fonts and PDF -----------------------------------------------------------
_add(
    {
        "render.font_not_found": (
            "Không tìm thấy phông chữ «{name}». Đã tìm ở: {searched}. "
            "Hãy cài Times New Roman hoặc Liberation Serif (gói fonts-liberation2), "
            "hoặc gói pip fontpkg-spectral, hoặc chỉ rõ đường dẫn tệp .ttf.",
            "Font '{name}' not found. Searched: {searched}. "
            "Install Times New Roman or Liberation Serif (package fonts-liberation2), "
            "or the pip package fontpkg-spectral, or give the path of a .ttf file.",
        ),
        "render.font_unusable": (
            "Không dùng được tệp phông chữ {path} ({reason}). Cần một tệp TrueType (.ttf).",
            "Cannot use the font file {path} ({reason}). Expected a TrueType (.ttf) file.",
        ),
        "render.missing_glyph": (
            "Phông chữ {font} không có ký tự {char} ({codepoint}); có {count} ký tự không vẽ được. "
            "Hãy bỏ hoặc thay các ký tự đó, hoặc dùng phông chữ có đủ ký tự.",
            "Font {font} has no glyph for {char} ({codepoint}); {count} character(s) cannot be drawn. "
            "Remove or replace them, or use a font that covers them.",
        ),
        "render.pdf_unreadable": (
            "Không đọc được tệp PDF vừa tạo ({reason}). Đây là lỗi khi dựng PDF, không phải lỗi dữ liệu.",
            "Cannot read the PDF just drawn ({reason}). This is a rendering fault, not a data error.",
        ),
        "render.pdfa_failed": (
            "Tệp PDF không đạt chuẩn lưu trữ PDF/A-{flavour} ({count} vấn đề): {findings}. "
            "Mọi phông chữ phải được nhúng và siêu dữ liệu phải hợp lệ.",
            "The PDF does not pass PDF/A-{flavour} ({count} finding(s)): {findings}. "
            "Every font must be embedded and the metadata must be valid.",
        ),
    }
)

# -- xlsx: reading and writing workbooks ---------------------------------------------
_add(
    {
        "xlsx.not_zip": (
            "Tệp .xlsx bị hỏng hoặc không phải Excel Workbook (không phải tệp zip hợp lệ). Hãy mở bằng Excel và lưu lại thành .xlsx.",
            "The .xlsx file is damaged or not an Excel Workbook (not a valid zip). Open it in Excel and save it as .xlsx again.",
        ),
        "xlsx.encrypted": (
            "Sổ tính được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại.",
            "The workbook is password-protected and cannot be read. Remove the password (File > Info > Protect Workbook) and save it again.",
        ),
        "xlsx.corrupt": (
            "Không mở được sổ tính: {reason}. Hãy mở bằng Excel và lưu lại thành .xlsx.",
            "Cannot open the workbook: {reason}. Open it in Excel and save it as .xlsx again.",
        ),
        "xlsx.not_workbook": (
            "Tệp là tệp zip nhưng không phải sổ tính Excel (thiếu xl/workbook.xml); có thể là tệp Word hoặc tệp khác bị đổi đuôi. Cần một tệp Excel Workbook (.xlsx).",
            "The file is a zip but not an Excel workbook (xl/workbook.xml is missing); it may be a renamed Word or other file. Expected an Excel Workbook (.xlsx).",
        ),
        "xlsx.zip_bomb": (
            "Tệp .xlsx khai báo {size} byte khi giải nén (nén {ratio}:1); giới hạn là {limit} byte và tỉ lệ {max_ratio}:1. Tệp có thể độc hại nên không được mở.",
            "The .xlsx file declares {size} bytes once unpacked (a {ratio}:1 ratio); the limit is {limit} bytes and {max_ratio}:1. It may be hostile, so it is not opened.",
        ),
        "xlsx.too_many_rows": (
            "Trang tính có dữ liệu ở dòng {row}; chỉ đọc tối đa {limit} dòng. Hãy xóa các dòng thừa.",
            "The sheet has data in row {row}; at most {limit} rows are read. Delete the extra rows.",
        ),
        "xlsx.formula_no_value": (
            "Các ô {cells} có công thức nhưng chưa có giá trị tính sẵn (tệp được tạo bằng chương trình, chưa mở bằng Excel). Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại, hoặc thay công thức bằng giá trị.",
            "Cells {cells} hold formulas without a computed value (the file was made by a program and never opened in Excel). Open it in Excel or LibreOffice and save it again, or replace the formulas by values.",
        ),
        "xlsx.formula_error": (
            "Ô có lỗi công thức {value}. Cần một giá trị: hãy sửa công thức hoặc ghi giá trị trực tiếp.",
            "The cell shows the formula error {value}. Expected a value: fix the formula or type the value.",
        ),
        "xlsx.missing_sheet": (
            "Không có trang tính «{sheet}» (có: {found}). Hãy tạo sổ tính mẫu bằng lệnh umt-reports và điền vào đó.",
            "There is no sheet '{sheet}' (found: {found}). Generate the template with umt-reports and fill it in.",
        ),
        "xlsx.missing_column": (
            "Trang «{sheet}» thiếu cột «{header}» (các cột đang có: {found}). Hãy thêm cột này vào dòng tiêu đề.",
            "Sheet '{sheet}' has no column '{header}' (columns found: {found}). Add it to the header row.",
        ),
        "xlsx.duplicate_header": (
            "«{header}» có hai lần (lần đầu ở ô {first}); chỉ lấy lần đầu. Hãy xóa hoặc đổi tên ô này.",
            "'{header}' appears twice (first in cell {first}); only the first is read. Delete or rename this one.",
        ),
        "xlsx.count_conflict": (
            "{field}: Số lượng ghi {count} ở đây nhưng {first} ở ô {first_cell}. Mỗi nhóm tập thể/cá nhân của một đợt khen chỉ ghi một số lượng.",
            "{field}: the count here is {count} but {first} in cell {first_cell}. Give one count per group of collectives/individuals of an award.",
        ),
        "xlsx.nested_sections": (
            "{path}: sổ tính không có chỗ cho mục con (sections lồng trong sections). Hãy gộp mục con vào mục cha, hoặc dùng tệp YAML.",
            "{path}: the workbook cannot hold sub-sections (sections inside sections). Merge them into the parent section, or keep the YAML file.",
        ),
        "xlsx.unsupported_key": (
            "{path}: sổ tính không có chỗ cho khóa này, nên dữ liệu sẽ bị mất. Hãy bỏ khóa này hoặc dùng tệp YAML.",
            "{path}: the workbook has no place for this key, so the data would be lost. Remove the key or keep the YAML file.",
        ),
        "xlsx.bad_value": (
            "{path}: không ghi được vào một ô ({found}). Cần chữ, số hoặc ngày.",
            "{path}: cannot be written into a cell ({found}). Expected text, a number or a date.",
        ),
        "xlsx.awards_merge": (
            "{path}: cùng Hình thức, Cấp quyết định, Lý do và Mức thưởng với đợt khen liền trước, nên trong sổ tính hai đợt sẽ nhập làm một. Hãy gộp hai đợt này, hoặc dùng tệp YAML.",
            "{path}: same form, decision, reason and amount as the award just before it, so the workbook would merge the two. Merge them, or keep the YAML file.",
        ),
        "xlsx.sections_merge": (
            "{path}: mục không có tên, hoặc trùng tên với mục liền trước, nên trong sổ tính sẽ nhập vào mục trước. Hãy đặt tên mục khác đi (chỉ mục đầu tiên được để trống tên).",
            "{path}: the section has no title, or the same title as the one before, so the workbook would merge it into that one. Give it a distinct title (only the first section may be untitled).",
        ),
        "xlsx.attendee_group_and_name": (
            "{path}: một dòng thành phần chỉ là một nhóm hoặc một người, không thể có cả group và name. Hãy tách thành hai dòng.",
            "{path}: an attendee line is either a group or a person, not both group and name. Split it into two lines.",
        ),
        "xlsx.cannot_write": (
            "Không ghi được tệp {path}: {reason}.",
            "Cannot write the file {path}: {reason}.",
        ),
    }
)
