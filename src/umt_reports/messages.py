"""Every user-facing message, in Vietnamese and English, keyed by a stable code.

Problems (:class:`umt_reports.errors.Problem`) carry a code and parameters; this module
turns them into sentences. A message says what is wrong *and* what is expected.
Placeholders use :meth:`str.format` syntax. Vietnamese is the default language.

The catalogue is grouped by pipeline stage; codes are ``area.what``.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

__all__ = ["CATALOGUE", "LANGUAGES", "describe", "render"]

LANGUAGES = ("vi", "en")

#: code -> {"vi": template, "en": template}
CATALOGUE: dict[str, dict[str, str]] = {}


def _add(entries: Mapping[str, tuple[str, str]]) -> None:
    for code, (vi, en) in entries.items():
        if code in CATALOGUE:
            raise RuntimeError(f"duplicate message code {code!r}")
        CATALOGUE[code] = {"vi": vi, "en": en}


def describe(value: Any) -> str:
    """A found value as messages show it, the same in every language: ``[…]`` for a list,
    ``{…}`` for a mapping, dates in ISO form, long text shortened."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    if value is None:
        return "—"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


class _Formatter(string.Formatter):
    """:meth:`str.format` plus counted nouns: ``{count:plural:page|pages}`` gives ``1 page``, ``2 pages``.

    Vietnamese nouns do not change with the number (``{count} trang``); English ones do.
    """

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("plural:"):
            one, _, many = format_spec.removeprefix("plural:").partition("|")
            return f"{value} {one if value == 1 else many}"
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


def render(code: str, params: Mapping[str, Any], lang: str = "vi") -> str:
    """The message for ``code`` in ``lang``, with ``params`` filled in."""
    entry = CATALOGUE.get(code)
    if entry is None:  # -- a programming error, but never hide the problem from the user --
        return f"{code}: {dict(params)}"
    template = entry.get(lang) or entry["vi"]
    try:
        return _FORMATTER.format(template, **params)
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
        "value.too_large": (
            "{field}: «{value}» quá lớn (giới hạn {limit}); có lẽ gõ nhầm.",
            "{field}: '{value}' is too large (limit {limit}); probably a typing slip.",
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
        "photo.outside": (
            "Ảnh {file} nằm ngoài thư mục của tệp dữ liệu. Hãy chép ảnh vào thư mục đó (hoặc một thư mục con) và ghi đường dẫn tính từ đó, ví dụ photos/anh-1.jpg.",
            "Photo {file} lies outside the data file's folder. Copy the photo into that folder (or a sub-folder) and give its path from there, e.g. photos/anh-1.jpg.",
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

# -- render: images -------------------------------------------------------------------
_add(
    {
        "render.image_unreadable": (
            "Không vẽ được ảnh {name}: dữ liệu ảnh không đọc được ({reason}).",
            "Cannot draw image {name}: its data is unreadable ({reason}).",
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
        "build.write_failed": (
            "Không ghi được {path}: {reason}. Thư mục kết quả được giữ nguyên như trước.",
            "Cannot write {path}: {reason}. The output folder was left as it was.",
        ),
        "build.unknown_format": (
            "Không có định dạng «{value}». Chọn trong: {allowed}.",
            "There is no format '{value}'. Choose from: {allowed}.",
        ),
    }
)

# -- legacy: text typed in old Vietnamese encodings (TCVN3/ABC, VNI) ------------------
_add(
    {
        "legacy.converted": (
            "Chữ gõ bằng bảng mã {encoding} đã được chuyển sang Unicode: «{before}» → «{after}». Hãy kiểm tra lại.",
            "Text typed in the {encoding} encoding was converted to Unicode: '{before}' → '{after}'. Please check it.",
        ),
        "legacy.control_removed": (
            "Đã bỏ {count} ký tự điều khiển không in được khỏi chữ (thường do chép từ Word hoặc một chương trình cũ).",
            "Removed {count:plural:unprintable control character|unprintable control characters} from the text (usually pasted from Word or an old program).",
        ),
        "legacy.workbook_converted": (
            "Đã chuyển {count} ô sang Unicode (phông Times New Roman) và ghi {path}.",
            "Converted {count:plural:cell|cells} to Unicode (font Times New Roman) and wrote {path}.",
        ),
        "legacy.nothing_converted": (
            "Không có ô nào gõ bằng bảng mã cũ (TCVN3, VNI); đã ghi bản sao {path}.",
            "No cell is typed in an old encoding (TCVN3, VNI); wrote a copy to {path}.",
        ),
    }
)

# -- check: documents on disk against their meeting data -----------------------------
_add(
    {
        "check.no_manifest": (
            "Không có manifest.json trong thư mục {dir}. Hãy lập văn bản bằng `umt-reports build` trước.",
            "There is no manifest.json in {dir}. Build the documents with `umt-reports build` first.",
        ),
        "check.bad_manifest": (
            "manifest.json không đọc được ({reason}). Hãy lập lại văn bản bằng `umt-reports build`.",
            "manifest.json cannot be read ({reason}). Build the documents again with `umt-reports build`.",
        ),
        "check.no_source": (
            "Không tìm thấy tệp dữ liệu đã dùng để lập văn bản này ({source}). Chỉ rõ bằng --data TỆP.",
            "The data file this document was built from is not found ({source}). Give it with --data FILE.",
        ),
        "check.source_changed": (
            "Tệp dữ liệu đã thay đổi sau lần lập văn bản; văn bản được đối chiếu với dữ liệu hiện tại.",
            "The data file changed since the build; the documents are compared with the data as it is now.",
        ),
        "check.skipped": (
            "Không đối chiếu loại «{kind}», định dạng «{format}» (chưa đọc được).",
            "Not checked: kind '{kind}', format '{format}' (cannot be read back yet).",
        ),
        "check.file_missing": (
            "Tệp có trong manifest.json nhưng không còn trong thư mục.",
            "The file is listed in manifest.json but is no longer in the folder.",
        ),
        "check.unreadable": (
            "Không đọc được tệp dạng {format} ({reason}).",
            "Cannot read the file as {format} ({reason}).",
        ),
        "check.no_pdftotext": (
            "Cần chương trình pdftotext để đọc tệp PDF (gói poppler-utils) nhưng không tìm thấy.",
            "Reading PDF files needs pdftotext (package poppler-utils), which is not installed.",
        ),
        "check.missing_chair": (
            "không có tên người chủ trì «{phrase}».",
            "the chair's name '{phrase}' is missing.",
        ),
        "check.missing_attendee": (
            "không có tên người dự «{phrase}».",
            "the attendee's name '{phrase}' is missing.",
        ),
        "check.missing_position": (
            "không có chức vụ «{phrase}» của đồng chí {name}.",
            "the position '{phrase}' of {name} is missing.",
        ),
        "check.missing_statistic": (
            "số liệu «{label}» phải là «{phrase}» nhưng không thấy trong văn bản.",
            "the statistic '{label}' should read '{phrase}' but is not in the document.",
        ),
        "check.missing_meeting_date": (
            "không có ngày hội nghị «{phrase}».",
            "the meeting date '{phrase}' is missing.",
        ),
        "check.missing_award": (
            "không có số được khen thưởng «{phrase}» ({form}).",
            "the award count '{phrase}' ({form}) is missing.",
        ),
        "check.missing_awardee": (
            "không có tên được khen thưởng «{phrase}» ({form}).",
            "the awardee '{phrase}' ({form}) is missing.",
        ),
        "check.missing_author": (
            "không có tên tác giả «{phrase}».",
            "the author '{phrase}' is missing.",
        ),
        "check.missing_published": (
            "không có thời điểm đăng «{phrase}».",
            "the publication time '{phrase}' is missing.",
        ),
        "check.missing_code": (
            "không có số, ký hiệu «{phrase}».",
            "the number and symbol '{phrase}' are missing.",
        ),
        "check.missing_date_line": (
            "không có địa danh, ngày tháng «{phrase}».",
            "the place and date line '{phrase}' is missing.",
        ),
        "check.missing_signer": (
            "không có tên người ký «{phrase}».",
            "the signer's name '{phrase}' is missing.",
        ),
        "check.unknown_figure": (
            "số {figure} không khớp dữ liệu, tại «{phrase}» (có {found} lần, theo dữ liệu {expected} lần).",
            "the figure {figure} does not match the data, at '{phrase}' ({found:plural:time|times}; the data gives {expected}).",
        ),
        "check.lost_figure": (
            "thiếu số {figure} so với dữ liệu, tại «{phrase}» (có {found} lần, theo dữ liệu {expected} lần).",
            "the figure {figure} is missing compared with the data, at '{phrase}' ({found:plural:time|times}; the data gives {expected}).",
        ),
        "check.passed": (
            "Đã đối chiếu {count} văn bản với dữ liệu: không có khác biệt.",
            "Checked {count:plural:document|documents} against the data: no differences.",
        ),
        "check.failed": (
            "{count} khác biệt giữa văn bản và dữ liệu.",
            "{count:plural:difference|differences} between the documents and the data.",
        ),
    }
)

# -- commendation: decisions, Giấy khen, pre-printed forms --------------------------
_add(
    {
        "commendation.mm_range": (
            "Vị trí, kích thước «{value}» (mm) phải là một số từ 0 đến 2000.",
            "The position or size '{value}' (mm) must be a number from 0 to 2000.",
        ),
        "commendation.no_awards": (
            "Không có khen thưởng nào (khóa awards) để lập quyết định khen thưởng.",
            "There are no awards (key awards) to make a commendation decision from.",
        ),
        "commendation.no_named": (
            "Không có tập thể, cá nhân nào được nêu tên trong các khen thưởng {forms}: "
            "cần danh sách {{name, position, unit}} để in giấy khen (chỉ có số lượng thì không in được).",
            "No collective or individual is named in the {forms} awards: "
            "certificates need a list of {{name, position, unit}} (counts alone cannot be printed).",
        ),
        "commendation.no_form": (
            "Hồ sơ cơ quan «{profile}» không có mục certificate_form (khổ phôi và vị trí từng dòng chữ, mm) "
            "nên không in trên phôi được. Hãy thêm mục đó vào hồ sơ, hoặc bỏ --print-on-form.",
            "The profile '{profile}' has no certificate_form section (form size and the position of each text, mm), "
            "so nothing can be printed on forms. Add that section to the profile, or drop --print-on-form.",
        ),
        "commendation.form_empty": (
            "Mục certificate_form.fields của hồ sơ «{profile}» không có trường nào; cần ít nhất recipient.",
            "certificate_form.fields of the profile '{profile}' names no field; at least recipient is needed.",
        ),
        "commendation.placed_unsupported": (
            "Định dạng {format} không vẽ được chữ đặt cố định trên trang (giấy khen, in trên phôi); "
            "hãy lập loại văn bản này dưới dạng pdf.",
            "The {format} format cannot draw text placed at fixed page positions (certificates, forms); "
            "build this kind as pdf.",
        ),
        "commendation.progress": ("Đang vẽ trang PDF", "Drawing PDF pages"),
        "commendation.form_pages": (
            "Trang 1 của {path} là trang căn chỉnh: in trên giấy thường, đặt chồng lên phôi để kiểm tra "
            "vị trí; các trang sau in trên phôi.",
            "Page 1 of {path} is the calibration page: print it on plain paper and lay it over a form to "
            "check the positions; print the other pages on the forms.",
        ),
    }
)

# -- cli: command-line edge ----------------------------------------------------------
_add(
    {
        "cli.valid": ("{path}: hợp lệ.", "{path}: valid."),
        "cli.problems": ("{path}: {count} lỗi.", "{path}: {count:plural:problem|problems}."),
        "cli.written": ("Đã ghi {path}", "Wrote {path}"),
        "cli.written_file": ("Đã ghi {path} ({kind}, {format})", "Wrote {path} ({kind}, {format})"),
        "cli.written_pages": (
            "Đã ghi {path} ({kind}, {format}, {pages} trang)",
            "Wrote {path} ({kind}, {format}, {pages:plural:page|pages})",
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
            "Font {font} has no glyph for {char} ({codepoint}); {count:plural:character|characters} cannot be drawn. "
            "Remove or replace them, or use a font that covers them.",
        ),
        "render.pdf_unreadable": (
            "Không đọc được tệp PDF vừa tạo ({reason}). Đây là lỗi khi dựng PDF, không phải lỗi dữ liệu.",
            "Cannot read the PDF just drawn ({reason}). This is a rendering fault, not a data error.",
        ),
        "render.pdfa_failed": (
            "Tệp PDF không đạt chuẩn lưu trữ PDF/A-{flavour} ({count} vấn đề): {findings}. "
            "Mọi phông chữ phải được nhúng và siêu dữ liệu phải hợp lệ.",
            "The PDF does not pass PDF/A-{flavour} ({count:plural:finding|findings}): {findings}. "
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
        "xlsx.cell_too_long": (
            "Ô có {length} ký tự; một ô chỉ được tối đa {limit} ký tự (giới hạn của Excel). Hãy rút gọn hoặc chia thành nhiều dòng.",
            "The cell holds {length} characters; a cell may hold at most {limit} (Excel's own limit). Shorten it or split it over several rows.",
        ),
        "xlsx.hidden_sheet": (
            "Trang tính «{sheet}» đang bị ẩn nhưng vẫn được đọc. Nếu không muốn dùng dữ liệu này, hãy xóa nó.",
            "Sheet '{sheet}' is hidden but is still read. If this data should not be used, delete it.",
        ),
        "xlsx.hidden_rows": (
            "Các dòng {rows} đang bị ẩn nhưng vẫn được đọc. Nếu không muốn dùng các dòng này, hãy xóa chúng.",
            "Rows {rows} are hidden but are still read. If they should not be used, delete them.",
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

# -- archive: keeping issued PDF/A files, finding, verifying and exporting them ------------
_add(
    {
        "archive.path_not_found": (
            "Không tìm thấy {path}. Cần một thư mục kết quả lập văn bản, tệp manifest.json hoặc tệp PDF.",
            "{path} does not exist. Expected a build folder, a manifest.json file or a PDF file.",
        ),
        "archive.unreadable": ("Không đọc được {path}: {reason}.", "Cannot read {path}: {reason}."),
        "archive.not_pdf": (
            "{path} không phải tệp PDF đọc được. Kho chỉ nhận tệp PDF/A.",
            "{path} is not a readable PDF file. The archive accepts PDF/A files only.",
        ),
        "archive.not_pdfa": (
            "{path} không đạt PDF/A-{flavour} ({count} lỗi: {findings}). Hãy lập lại văn bản bằng umt-reports build --format pdf.",
            "{path} is not valid PDF/A-{flavour} ({count:plural:finding|findings}: {findings}). Build it again with umt-reports build --format pdf.",
        ),
        "archive.manifest_unreadable": (
            "Không đọc được manifest {path}: {reason}. Cần tệp manifest.json do umt-reports build ghi.",
            "Cannot read the manifest {path}: {reason}. Expected a manifest.json written by umt-reports build.",
        ),
        "archive.manifest_outside": (
            "Manifest ghi đường dẫn {path} ra ngoài thư mục của nó; bỏ qua vì không an toàn.",
            "The manifest names {path}, outside its own folder; refused as unsafe.",
        ),
        "archive.manifest_file_missing": (
            "Manifest ghi tệp {path} nhưng tệp không có trong thư mục. Hãy lập lại văn bản.",
            "The manifest lists {path} but the file is not in the folder. Build it again.",
        ),
        "archive.manifest_mismatch": (
            "{path} đã bị sửa sau khi lập (SHA-256 {found}…, manifest ghi {expected}…). Hãy lập lại văn bản rồi lưu.",
            "{path} changed after it was built (SHA-256 {found}…, the manifest says {expected}…). Build it again, then archive it.",
        ),
        "archive.nothing_to_add": (
            "{path} không có tệp PDF nào để lưu. Hãy lập văn bản với --format pdf.",
            "{path} holds no PDF to archive. Build with --format pdf.",
        ),
        "archive.code_taken": (
            "Số {number} năm {year} đã có trong kho (mục #{id}, {file}) với nội dung khác. Dùng --replace để thay (bản cũ được giữ lại là bản bị thay thế), hoặc cấp số khác.",
            "Number {number} of {year} is already archived (entry #{id}, {file}) with different content. Use --replace to replace it (the old one is kept as superseded), or give another number.",
        ),
        "archive.no_archive": (
            "Chưa có kho lưu trữ tại {path}. Hãy lưu văn bản bằng umt-reports archive add, hoặc chỉ đúng kho bằng --archive-dir hay biến UMT_ARCHIVE.",
            "There is no archive at {path}. Add documents with umt-reports archive add, or point to it with --archive-dir or UMT_ARCHIVE.",
        ),
        "archive.catalog_unreadable": (
            "Không đọc được danh mục kho {path}: {reason}.",
            "Cannot read the archive catalog {path}: {reason}.",
        ),
        "archive.schema_newer": (
            "Danh mục kho do phiên bản mới hơn tạo (lược đồ {found}; phiên bản này đọc đến {supported}). Hãy cập nhật umt-reports.",
            "The catalog was made by a newer version (schema {found}; this version reads up to {supported}). Update umt-reports.",
        ),
        "archive.locked": (
            "Danh mục kho {path} đang bị tiến trình khác giữ quá {seconds} giây. Hãy thử lại sau.",
            "The catalog {path} has been held by another process for more than {seconds} seconds. Try again later.",
        ),
        "archive.storage_failed": (
            "Không ghi được vào kho {path}: {reason}. Kho không thay đổi.",
            "Cannot write to the archive {path}: {reason}. The archive is unchanged.",
        ),
        "archive.not_found": (
            "Không có văn bản «{ref}» trong kho. Cần số thứ tự (#), số và ký hiệu (25/BC-UBND) hoặc đầu mã SHA-256.",
            "No document '{ref}' in the archive. Expected an entry number, a number and notation (25/BC-UBND) or a SHA-256 prefix.",
        ),
        "archive.ambiguous": (
            "«{ref}» khớp {count} văn bản (mục {ids}). Hãy dùng số thứ tự.",
            "'{ref}' matches {count} documents (entries {ids}). Use the entry number.",
        ),
        "archive.export_changed": (
            "Không xuất được: tệp của mục #{id} ({path}) bị thiếu hoặc đã thay đổi. Chạy umt-reports archive verify để xem chi tiết.",
            "Export stopped: the file of entry #{id} ({path}) is missing or changed. Run umt-reports archive verify for details.",
        ),
        "archive.bad_date": (
            "«{value}» không phải ngày. Cần dạng năm-tháng-ngày (2022-06-22) hoặc ngày/tháng/năm (22/6/2022).",
            "'{value}' is not a date. Expected year-month-day (2022-06-22) or day/month/year (22/6/2022).",
        ),
        "archive.added": ("Đã lưu #{id} {number} ({file})", "Archived #{id} {number} ({file})"),
        "archive.unchanged": (
            "Đã có #{id} {number} ({file}), không thay đổi",
            "Already archived #{id} {number} ({file}), unchanged",
        ),
        "archive.replaced": (
            "Đã lưu #{id} {number} ({file}) thay cho #{old}; bản cũ được giữ là bản bị thay thế",
            "Archived #{id} {number} ({file}) replacing #{old}; the old one is kept as superseded",
        ),
        "archive.nothing_added": ("Không có tệp PDF nào để lưu.", "No PDF to archive."),
        "archive.no_number": ("(chưa có số)", "(no number)"),
        "archive.none_found": ("Không có văn bản nào.", "No documents."),
        "archive.count": ("{count} văn bản.", "{count:plural:document|documents}."),
        "archive.verify_ok": (
            "Kho nguyên vẹn: {count} tệp đúng mã băm và đạt PDF/A.",
            "The archive is intact: {count:plural:file matches its hash and passes|files match their hashes and pass} PDF/A.",
        ),
        "archive.verify_ok_hash": (
            "Kho nguyên vẹn: {count} tệp đúng mã băm (không kiểm tra PDF/A).",
            "The archive is intact: {count:plural:file matches its hash|files match their hashes} (PDF/A not checked).",
        ),
        "archive.verify_failed": (
            "Kho có {problems} vấn đề ({count} tệp đã kiểm tra):",
            "The archive has {problems:plural:problem|problems} ({count:plural:file|files} checked):",
        ),
        "archive.finding_missing": ("thiếu tệp: #{id} {number} ({path})", "missing: #{id} {number} ({path})"),
        "archive.finding_changed": (
            "tệp đã bị thay đổi: #{id} {number} ({path})",
            "changed: #{id} {number} ({path})",
        ),
        "archive.finding_not_pdfa": (
            "không còn đạt PDF/A: #{id} {number} ({path}): {detail}",
            "no longer valid PDF/A: #{id} {number} ({path}): {detail}",
        ),
        "archive.finding_unknown": (
            "tệp lạ, không có trong danh mục: {path}",
            "unknown file, not in the catalog: {path}",
        ),
        "archive.finding_catalog": ("danh mục bị hỏng: {detail}", "the catalog is damaged: {detail}"),
        "archive.exported": (
            "Đã xuất {count} văn bản vào {path}",
            "Exported {count:plural:document|documents} to {path}",
        ),
        "archive.status_current": ("hiện hành", "current"),
        "archive.status_superseded": ("đã bị thay thế", "superseded"),
        "archive.col_id": ("#", "#"),
        "archive.col_code": ("Số, ký hiệu", "Number"),
        "archive.col_date": ("Ngày", "Date"),
        "archive.col_type": ("Loại", "Type"),
        "archive.col_subject": ("Trích yếu", "Subject"),
        "archive.col_pages": ("Trang", "Pages"),
        "archive.col_status": ("Trạng thái", "Status"),
        "archive.versions": ("Các phiên bản của số này:", "Versions of this number:"),
        "archive.field_file_code": ("Mã hồ sơ", "File code"),
        "archive.field_type_name": ("Tên loại văn bản", "Document type"),
        "archive.field_code": ("Số và ký hiệu", "Number and notation"),
        "archive.field_issued_date": ("Ngày, tháng, năm văn bản", "Issued date"),
        "archive.field_organ_name": ("Cơ quan ban hành", "Issuing organ"),
        "archive.field_subject": ("Trích yếu nội dung", "Subject"),
        "archive.field_language": ("Ngôn ngữ", "Language"),
        "archive.field_page_amount": ("Số trang", "Pages"),
        "archive.field_description": ("Ghi chú", "Description"),
        "archive.field_signer_position": ("Chức vụ người ký", "Signer position"),
        "archive.field_signer_name": ("Họ tên người ký", "Signer name"),
        "archive.field_title": ("Tiêu đề", "Title"),
        "archive.field_kind": ("Loại (umt-reports)", "Kind (umt-reports)"),
        "archive.field_file_name": ("Tên tệp khi lưu", "File name when archived"),
        "archive.field_sha256": ("SHA-256", "SHA-256"),
        "archive.field_size": ("Kích thước (byte)", "Size (bytes)"),
        "archive.field_pdfa": ("PDF/A", "PDF/A"),
        "archive.field_font": ("Phông chữ", "Font"),
        "archive.field_source": ("Dữ liệu nguồn", "Source data"),
        "archive.field_status": ("Trạng thái", "Status"),
        "archive.field_version": ("Phiên bản", "Version"),
        "archive.field_archived_at": ("Thời điểm lưu (UTC)", "Archived at (UTC)"),
        "archive.field_path": ("Tệp trong kho", "Stored file"),
    }
)


# -- field data (issue 11): open award forms, what each kind needs, dated grounds ------------
_add(
    {
        "award.form_unknown": (
            "Hình thức khen thưởng «{value}» không có trong Luật Thi đua, khen thưởng 2022; "
            "văn bản giữ nguyên cách ghi này.",
            "The award form '{value}' is not one of Luật Thi đua, khen thưởng 2022; the documents keep it as written.",
        ),
        "commendation.decision_unnamed": (
            "Khen thưởng «{form}» chỉ có số lượng, không có danh sách tên: quyết định khen thưởng phải nêu "
            "tên từng tập thể, cá nhân ({{name, position, unit}}).",
            "The award '{form}' gives counts only, no names: a commendation decision must name each "
            "collective and individual ({{name, position, unit}}).",
        ),
        "commendation.not_certified": (
            "Khen thưởng «{form}» không được in giấy khen: loại certificates chỉ in {forms} có danh sách tên.",
            "No certificate is printed for the award '{form}': the certificates kind prints only named {forms} awards.",
        ),
        "signer.from_profile": (
            "Dữ liệu không ghi người ký; dùng người ký mặc định của hồ sơ cơ quan: {title} {name}.",
            "The data names no signer; the profile's default signer is used: {title} {name}.",
        ),
        "report.before_meeting": (
            "Ngày báo cáo {date} sớm hơn ngày hội nghị {meeting}.",
            "The report date {date} is before the meeting date {meeting}.",
        ),
        "profile.inline_and_name": (
            "Khóa profile phải là tên một hồ sơ cơ quan (profiles/<tên>.yaml) hoặc một bảng các trường của hồ sơ.",
            "The profile key must be the name of a profile (profiles/<name>.yaml) or a mapping of a profile's fields.",
        ),
        "number.maybe_thousands": (
            "Số {value} {unit} có ba chữ số thập phân: nếu đã gõ {whole} {unit} trên Excel dùng dấu chấm "
            "thập phân (tiếng Anh), hãy gõ lại dạng {whole} (không dấu phân cách) hoặc định dạng ô là văn bản.",
            "{value} {unit} has three decimals: if {whole} {unit} was typed in an English-locale Excel, "
            "type it again without a separator or format the cell as text.",
        ),
        "date.day_month_ambiguous": (
            "Ô ngày được Excel hiểu là {date}; nếu đã gõ theo kiểu tháng/ngày ({swapped}) thì ngày và tháng bị đảo, "
            "hãy kiểm tra (gõ dạng văn bản 21/6/2022 để chắc chắn).",
            "Excel read this date cell as {date} (day/month); if it was typed month first ({swapped}), day and "
            "month are swapped: check it (type the date as text such as 21/6/2022 to be sure).",
        ),
        "value.example_text": (
            "«{value}» vẫn là chữ ví dụ của sổ tính mẫu (bắt đầu bằng «Ví dụ:»): hãy thay bằng dữ liệu thật "
            "hoặc xóa cả dòng ví dụ.",
            "'{value}' is still example text of the template (it starts with 'Ví dụ:'): replace it with real "
            "data or delete the whole example row.",
        ),
        "cli.exists": (
            "Tệp {path} đã có; thêm --force để ghi đè.",
            "{path} already exists; add --force to overwrite it.",
        ),
    }
)


# -- kinds registry, formats table, check against the documents drawn again (issue 15, issue 16 item 5) --
_add(
    {
        "build.format_skipped": (
            "Không lập {kind} dưới dạng {formats}: loại văn bản này chỉ có dạng {allowed}.",
            "{name} is not built as {formats}: this kind exists only as {allowed}.",
        ),
        "build.no_pair": (
            "Không lập được {kind} dưới dạng {formats}: loại văn bản này chỉ có dạng {allowed}.",
            "{name} cannot be built as {formats}: this kind exists only as {allowed}.",
        ),
        "build.kind_needs": (
            "Không lập được {kind}: dữ liệu thiếu phần {parts}.",
            "Cannot build {name}: the data lacks the part {parts}.",
        ),
        "check.path_outside": (
            "tệp «{path}» nằm ngoài thư mục kết quả; không đọc tệp này.",
            "the file '{path}' lies outside the output folder; it is not read.",
        ),
        "check.bad_hash": (
            "manifest.json ghi SHA-256 «{recorded}» không phải là một mã SHA-256 (64 chữ số hệ 16).",
            "manifest.json records the SHA-256 '{recorded}', which is not a SHA-256 (64 hex digits).",
        ),
        "check.wrong_hash": (
            "Tệp đúng như dữ liệu cho, nhưng manifest.json ghi SHA-256 {recorded}… thay vì {found}…: "
            "manifest.json đã bị sửa.",
            "The file is what the data gives, but manifest.json records the SHA-256 {recorded}… instead of "
            "{found}…: manifest.json was changed.",
        ),
        "check.saved_again": (
            "Tệp đã được lưu lại sau khi lập (SHA-256 khác manifest.json) nhưng nội dung chữ không đổi.",
            "The file was saved again after the build (its SHA-256 differs from manifest.json) but its text "
            "is unchanged.",
        ),
        "check.changed_text": (
            "văn bản ghi «{found}» ở chỗ dữ liệu và mẫu câu chữ cho «{expected}» ({count} chỗ).",
            "the document reads '{found}' where the data and templates give '{expected}' ({count} places).",
        ),
        "check.more_changes": (
            "và {count} chỗ khác nữa không khớp dữ liệu và mẫu câu chữ.",
            "and {count} more places that do not match the data and templates.",
        ),
        "check.no_templates": (
            "Không có thư mục mẫu câu chữ {path} (đã dùng khi lập văn bản). Hãy chỉ ra bằng --templates.",
            "The templates folder {path} (used for the build) does not exist. Give it with --templates.",
        ),
    }
)


# -- hardening (issue 16): YAML reader, images, templates, archive catalog ---------------------------

_add(
    {
        "yaml.tag_value": (
            "Giá trị `{value}` không đọc được theo thẻ {tag}; hãy bỏ thẻ hoặc sửa giá trị.",
            "The value `{value}` cannot be read as tag {tag} says; remove the tag or correct the value.",
        ),
        # -- the number is umt_reports.sources.photos.MAX_PIXELS, in millions --
        "photo.too_large": (
            "Ảnh {file} quá lớn (hơn 64 triệu điểm ảnh). Hãy thu nhỏ ảnh, ví dụ còn cạnh dài 3.000 điểm ảnh.",
            "Photo {file} is too large (over 64 million pixels). Scale it down, e.g. to 3,000 pixels on the long side.",
        ),
        "photo.truncated": (
            "Ảnh {file} bị hỏng hoặc không trọn vẹn (dữ liệu ảnh bị cắt cụt). Hãy chép lại tệp ảnh gốc.",
            "Photo {file} is damaged or incomplete (its image data is cut short). Copy the original file again.",
        ),
        "template.dir_missing": (
            "Không có thư mục mẫu câu chữ {path} (tùy chọn --templates).",
            "The wording template folder {path} does not exist (option --templates).",
        ),
        "template.not_utf8": (
            "Tệp mẫu câu chữ không phải văn bản UTF-8 (byte lạ ở vị trí {offset}). Hãy lưu lại tệp với mã UTF-8.",
            "The wording template is not UTF-8 text (unexpected byte at offset {offset}). Save it again as UTF-8.",
        ),
        "template.too_slow": (
            "Khối «{block}» chạy quá {seconds} giây nên bị dừng; có thể mẫu có vòng lặp quá lớn.",
            "Block '{block}' ran for over {seconds} seconds and was stopped; the template may loop too much.",
        ),
        "template.too_long": (
            "Khối «{block}» tạo ra đoạn chữ dài quá {limit} ký tự nên bị dừng.",
            "Block '{block}' builds a text longer than {limit} characters and was stopped.",
        ),
        "template.recursion": (
            "Khối «{block}» gọi lồng nhau quá sâu (một macro gọi lại chính nó không dừng).",
            "Block '{block}' nests calls too deeply (a macro calling itself without end).",
        ),
        "template.compile": (
            "Mẫu câu chữ có một biểu thức hằng không tính được (sai kiểu, chia cho 0, hoặc khóa, vị trí không có).",
            "The wording template has a constant expression that cannot be computed (wrong type, division by zero, or a missing key or index).",
        ),
        "template.division_by_zero": (
            "Khối «{block}» chia một số cho 0.",
            "Block '{block}' divides a number by zero.",
        ),
        "template.wrong_value": (
            "Khối «{block}» dùng một giá trị không hợp với phép tính hoặc bộ lọc ở dòng này (sai kiểu, hoặc khóa, vị trí không có).",
            "Block '{block}' applies an operation or filter to a value it does not fit on this line (wrong type, or a missing key or index).",
        ),
        "archive.catalog_is_folder": (
            "{path} là một thư mục, không phải tệp danh mục kho. Hãy đổi tên hoặc dời thư mục đó đi.",
            "{path} is a folder, not the archive catalog file. Rename or move that folder away.",
        ),
        "archive.catalog_lost": (
            "Kho {root} có tệp đã lưu nhưng danh mục {path} bị mất, rỗng hoặc không còn bảng nào. Không ghi gì vào kho. Hãy chạy `umt-reports archive repair` để dựng lại danh mục từ các tệp.",
            "The archive {root} holds stored files but its catalog {path} is missing, empty or has no tables. Nothing was written. Run `umt-reports archive repair` to rebuild the catalog from the files.",
        ),
        "archive.catalog_damaged": (
            "Danh mục kho {path} bị hỏng: mất bảng {tables}. Không ghi gì vào kho. Hãy chạy `umt-reports archive repair` để dựng lại danh mục từ các tệp.",
            "The archive catalog {path} is damaged: the tables {tables} are gone. Nothing was written. Run `umt-reports archive repair` to rebuild the catalog from the files.",
        ),
        "archive.query_too_long": (
            "Chuỗi tìm kiếm quá dài: tối đa {chars} ký tự và {words} từ.",
            "The search text is too long: at most {chars} characters and {words} words.",
        ),
        "archive.repaired": (
            "Đã dựng lại danh mục: {count} văn bản ({catalog} từ danh mục cũ, {record_file} từ tệp hồ sơ lưu kèm, {pdf} chỉ từ thông tin trong PDF, không có số và loại).",
            "Catalog rebuilt: {count:plural:document|documents} ({catalog} from the old catalog, {record_file} from the stored record files, {pdf} from the PDF's own information only, without number or kind).",
        ),
        "archive.repair_kept": (
            "Danh mục cũ được giữ tại {path}.",
            "The old catalog was kept as {path}.",
        ),
        "archive.repair_changed": (
            "{path}: nội dung không còn khớp mã băm trong tên tệp, không đưa vào danh mục.",
            "{path}: its content no longer matches the hash in its name; left out of the catalog.",
        ),
        "archive.repair_unreadable": (
            "{path}: không đọc được như tệp PDF, không đưa vào danh mục.",
            "{path}: cannot be read as a PDF; left out of the catalog.",
        ),
        "build.no_kind": (
            "Chưa chọn loại văn bản nào (--kind). Chọn trong: {allowed}.",
            "No document kind chosen (--kind). Choose from: {allowed}.",
        ),
        "build.no_format": (
            "Chưa chọn định dạng nào (--format). Chọn trong: {allowed}.",
            "No format chosen (--format). Choose from: {allowed}.",
        ),
        "value.number_not_text": (
            "Cần chữ nhưng gặp số {value}, không viết ra được thành chữ; nếu đây là chữ, hãy đặt trong ngoặc kép.",
            "Text expected, but found the number {value}, which cannot be written out; if it is text, put it in quotes.",
        ),
    }
)


# -- layout: texts that cannot be drawn where the document puts them (issue 11) ----------
_add(
    {
        "render.placed_overflow": (
            "Chữ quá dài để in trong khung của giấy khen, kể cả khi đã xuống dòng và thu nhỏ cỡ chữ: "
            "«{shown}». Hãy viết gọn lại.",
            "Text too long for its frame on the certificate, even wrapped and at a smaller size: "
            "'{shown}'. Please shorten it.",
        ),
        "render.too_large": (
            "Một giá trị quá dài để vẽ trên một trang (một hàng bảng hoặc một khối không được ngắt trang): "
            "«{shown}». Hãy viết gọn lại hoặc thêm dấu cách.",
            "A value is too long to draw on one page (a table row or a block that cannot break across "
            "pages): '{shown}'. Please shorten it or add spaces.",
        ),
    }
)

# -- sign: digital signatures (PAdES), their appearance and their checks -------------------
_add(
    {
        "sign.key_choice": (
            "Cần đúng một nguồn khóa: --p12 TỆP, hoặc --pkcs11 THƯ_VIỆN.so cùng --token-label NHÃN.",
            "Give exactly one key: --p12 FILE, or --pkcs11 MODULE.so with --token-label LABEL.",
        ),
        "sign.key_missing": (
            "Không tìm thấy tệp {path}: cần tệp khóa .p12 hoặc thư viện PKCS#11 (.so).",
            "{path} does not exist: expected a .p12 key file or a PKCS#11 module (.so).",
        ),
        "sign.key_unreadable": (
            "Không mở được khóa {path}: {reason}. Kiểm tra mật khẩu (biến UMT_KEY_PASSWORD) và tệp .p12.",
            "Cannot open the key {path}: {reason}. Check the password (UMT_KEY_PASSWORD) and the .p12 file.",
        ),
        "sign.token_failed": (
            "Không dùng được token “{token}”: {reason}. Kiểm tra nhãn token, nhãn khóa và mã PIN (UMT_KEY_PIN).",
            "Cannot use the token “{token}”: {reason}. Check the token label, key label and PIN (UMT_KEY_PIN).",
        ),
        "sign.password_prompt": ("Mật khẩu tệp khóa {path}", "Password of the key file {path}"),
        "sign.pin_prompt": ("Mã PIN của token {token}", "PIN of the token {token}"),
        "sign.file_unreadable": ("Không đọc được {path}: {reason}.", "Cannot read {path}: {reason}."),
        "sign.not_pdf": (
            "{path} không phải tệp PDF đọc được ({reason}).",
            "{path} is not a readable PDF ({reason}).",
        ),
        "sign.no_signer_block": (
            "{path} không ghi vị trí khối chữ ký (tệp không do umt-reports lập, hoặc văn bản không có người ký); "
            "phụ lục ký riêng thì dùng --as organisation --attachment-of SỐ_KÝ_HIỆU.",
            "{path} records no signer block (not made by umt-reports, or a document without a signer); "
            "for an attachment signed on its own use --as organisation --attachment-of NUMBER.",
        ),
        "sign.attachment_role": (
            "--attachment-of chỉ dùng với --as organisation (phụ lục do cơ quan ký số).",
            "--attachment-of goes with --as organisation (the office signs an attachment).",
        ),
        "sign.image_unreadable": (
            "Không đọc được ảnh {path}: {reason}. Cần ảnh PNG nền trong suốt.",
            "Cannot read the image {path}: {reason}. Expected a PNG with transparency.",
        ),
        "sign.failed": ("Ký số không thành công: {reason}.", "Signing failed: {reason}."),
        "sign.tsa_failed": (
            "Không lấy được dấu thời gian từ {url}: {reason}.",
            "No time stamp from {url}: {reason}.",
        ),
        "sign.pdfa_lost": (
            "Tệp đã ký không còn đạt PDF/A-2b ({findings}); không ghi tệp.",
            "The signed file is no longer PDF/A-2b ({findings}); nothing written.",
        ),
        "sign.trust_unreadable": (
            "Không đọc được chứng thư số gốc {path}: {reason}. Cần tệp PEM hoặc DER.",
            "Cannot read the root certificate {path}: {reason}. Expected a PEM or DER file.",
        ),
        "sign.signed": (
            "Đã ký {path} ({role}): {subject}, lúc {time}.",
            "Signed {path} ({role}): {subject}, at {time}.",
        ),
        "sign.manifest_moved": (
            "Đã cập nhật {path}: mục văn bản chuyển sang {name}, kèm các chữ ký.",
            "Updated {path}: the entry now names {name}, with its signatures.",
        ),
        "sign.listed": (
            "{field}: {subject}\n  ký lúc {time}; {status}; phiên bản {revision}/{revisions}; "
            "thêm sau đó: {added}\n  SHA-256 chứng thư: {fingerprint}",
            "{field}: {subject}\n  signed at {time}; {status}; revision {revision}/{revisions}; "
            "added after: {added}\n  certificate SHA-256: {fingerprint}",
        ),
        "sign.listed_timestamp": ("  dấu thời gian: {time}", "  time stamp: {time}"),
        "sign.none": ("{path} không có chữ ký số nào.", "{path} has no digital signature."),
        "sign.status_valid": ("nguyên vẹn, tin cậy", "intact, trusted"),
        "sign.status_untrusted": ("nguyên vẹn, KHÔNG tin cậy", "intact, NOT trusted"),
        "sign.status_broken": ("ĐÃ BỊ SỬA", "CHANGED"),
        "sign.added_nothing": ("không", "nothing"),
        "sign.added_signatures": ("chữ ký, trường ký", "signatures, signature fields"),
        "sign.added_validation_data": ("dữ liệu kiểm tra chữ ký", "validation data"),
        "sign.added_annotations": ("chú thích", "annotations"),
        "sign.added_other_changes": ("THAY ĐỔI KHÁC", "OTHER CHANGES"),
        "sign.build_option": (
            "--sign-as cần định dạng pdf (--format) và một nguồn khóa (--p12 hoặc --pkcs11).",
            "--sign-as needs the pdf format (--format) and a key (--p12 or --pkcs11).",
        ),
    }
)

# -- sign: signatures in the archive ----------------------------------------------------------
_add(
    {
        "archive.field_signature": ("Chữ ký số", "Signature"),
        "archive.signature_line": (
            "{subject}; ký lúc {time}; {status}; SHA-256 chứng thư {fingerprint}",
            "{subject}; signed at {time}; {status}; certificate SHA-256 {fingerprint}",
        ),
        "archive.finding_signature": (
            "#{id} {number}: chữ ký số không đạt ({detail}) — {path}",
            "#{id} {number}: a signature fails ({detail}) — {path}",
        ),
    }
)


# -- desk: the web pages of `umt-reports serve`, and `umt-reports users` ----------------------
_add(
    {
        "desk.app_name": ("Bàn làm việc văn bản", "Documents desk"),
        "desk.skip": ("Bỏ qua, đến nội dung chính", "Skip to the main content"),
        "desk.nav": ("Trang chính", "Main pages"),
        "desk.nav_build": ("Lập văn bản", "Build documents"),
        "desk.nav_archive": ("Lưu trữ", "Archive"),
        "desk.logout": ("Đăng xuất", "Sign out"),
        "desk.footer": (
            "umt-reports · văn bản theo Nghị định 30/2020/NĐ-CP và Hướng dẫn 36-HD/VPTW · chạy trên máy này",
            "umt-reports · documents after Decree 30/2020/ND-CP and Guide 36-HD/VPTW · runs on this machine",
        ),
        "desk.role_secretary": ("thư ký", "secretary"),
        "desk.role_press": ("phóng viên, biên tập", "press officer"),
        "desk.role_archivist": ("văn thư lưu trữ", "archivist"),
        "desk.role_admin": ("quản trị", "administrator"),
        "desk.login_title": ("Đăng nhập", "Sign in"),
        "desk.login_name": ("Tên đăng nhập", "User name"),
        "desk.login_password": ("Mật khẩu", "Password"),
        "desk.login_submit": ("Đăng nhập", "Sign in"),
        "desk.login_wrong": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
        "desk.login_throttled": (
            "Đã nhập sai quá nhiều lần. Hãy thử lại sau khoảng {minutes} phút.",
            "Too many failed attempts. Try again in about {minutes:plural:minute|minutes}.",
        ),
        "desk.error_title": ("Không thực hiện được (mã {status})", "Could not be done (code {status})"),
        "desk.back_home": ("Về trang lập văn bản", "Back to building documents"),
        "desk.back_job": ("Về kết quả lập văn bản", "Back to the results"),
        "desk.forbidden": (
            "Vai trò của tài khoản này không được làm việc này.",
            "This account's role may not do this.",
        ),
        "desk.csrf": (
            "Biểu mẫu đã hết hạn hoặc không gửi từ trang này. Hãy mở lại trang rồi gửi lại.",
            "The form has expired or was not sent from this page. Open the page again and resend.",
        ),
        "desk.too_large": (
            "Dữ liệu gửi lên quá lớn (tối đa {limit} MB).",
            "The upload is too large (at most {limit} MB).",
        ),
        "desk.no_job": (
            "Không có việc này (có thể đã quá hạn và được xoá).",
            "No such job (it may have expired and been removed).",
        ),
        "desk.no_file": ("Không có tệp này.", "No such file."),
        "desk.no_record": ("Không có văn bản này trong kho lưu trữ.", "No such document in the archive."),
        "desk.build_title": ("Lập văn bản từ dữ liệu hội nghị", "Build documents from meeting data"),
        "desk.build_lead": (
            "Chọn sổ tính Excel (hoặc tệp YAML) của hội nghị, kèm ảnh nếu có. Mặc định lập báo cáo dạng Word và PDF/A.",
            "Choose the meeting's Excel workbook (or YAML file), with its photos if any. By default the report is built as Word and PDF/A.",
        ),
        "desk.files_label": ("Tệp dữ liệu và ảnh", "Data file and photos"),
        "desk.files_hint": (
            "Một tệp .xlsx hoặc .yaml; có thể chọn thêm ảnh .jpg, .png cho tin bài (giữ phím Ctrl để chọn nhiều tệp).",
            "One .xlsx or .yaml file; add .jpg or .png photos for the news item (hold Ctrl to choose several files).",
        ),
        "desk.kinds_legend": ("Loại văn bản", "Document kinds"),
        "desk.formats_legend": ("Định dạng", "Formats"),
        "desk.kind_report": ("Báo cáo", "Report"),
        "desk.kind_press": ("Tin bài (cổng thông tin)", "News item (portal)"),
        "desk.kind_press-release": ("Thông cáo báo chí", "Press release"),
        "desk.kind_decision": ("Quyết định khen thưởng", "Commendation decision"),
        "desk.kind_certificates": ("Giấy khen", "Certificates"),
        "desk.kind_certificates-form": ("Giấy khen (in lên phôi)", "Certificates (on pre-printed forms)"),
        "desk.kind_thong-bao-ket-luan": ("Thông báo kết luận", "Notice of conclusions"),
        "desk.format_docx": ("Word (.docx)", "Word (.docx)"),
        "desk.format_pdf": ("PDF/A", "PDF/A"),
        "desk.format_html": ("Trang HTML", "HTML page"),
        "desk.format_html-fragment": ("Đoạn HTML để dán", "HTML fragment to paste"),
        "desk.build_submit": ("Lập văn bản", "Build"),
        "desk.upload_refused": ("Chưa lập được văn bản:", "Nothing was built:"),
        "desk.no_data_file": ("Chưa chọn tệp dữ liệu ({allowed}).", "No data file was chosen ({allowed})."),
        "desk.several_data_files": (
            "Chỉ chọn một tệp dữ liệu mỗi lần; đã chọn: {names}.",
            "Choose one data file at a time; chosen: {names}.",
        ),
        "desk.duplicate_file": ("Tệp {name} được chọn hai lần.", "The file {name} was chosen twice."),
        "desk.blank_title": ("Sổ tính mẫu", "Blank workbook"),
        "desk.blank_text": (
            "Chưa có sổ tính? Tải sổ tính mẫu, điền dữ liệu bằng Excel rồi tải lên ở đây.",
            "No workbook yet? Download the blank one, fill it in with Excel and upload it here.",
        ),
        "desk.blank_link": ("Tải sổ tính mẫu (.xlsx)", "Download the blank workbook (.xlsx)"),
        "desk.steps_title": ("Các bước", "Steps"),
        "desk.step_1": (
            "Điền sổ tính: mỗi trang tính là một phần của hội nghị.",
            "Fill in the workbook: each sheet is one part of the meeting.",
        ),
        "desk.step_2": (
            "Tải lên; nếu có lỗi, trang liệt kê từng ô cần sửa.",
            "Upload it; if something is wrong, the page lists each cell to fix.",
        ),
        "desk.step_3": (
            "Tải văn bản về, xem trước từng trang, lưu vào kho.",
            "Download the documents, preview each page, store them in the archive.",
        ),
        "desk.job_crumb": ("Kết quả", "Results"),
        "desk.state_queued": ("Đang chờ đến lượt…", "Waiting for its turn…"),
        "desk.state_running": ("Đang lập văn bản… đã vẽ {pages} trang.", "Building… {pages:plural:page|pages} drawn."),
        "desk.state_done": ("Đã lập xong {count} tệp.", "Done: {count:plural:file|files}."),
        "desk.state_failed": ("Chưa lập được văn bản.", "The documents were not built."),
        "desk.reload": ("Tải lại trang", "Reload the page"),
        "desk.problems_title": (
            "Dữ liệu có {count} lỗi cần sửa",
            "The data has {count:plural:problem|problems} to fix",
        ),
        "desk.marked_link": (
            "Tải sổ tính đã đánh dấu ô lỗi ({name})",
            "Download the workbook with the cells marked ({name})",
        ),
        "desk.marked_hint": (
            "Mỗi ô lỗi được tô màu và có ghi chú nói cần sửa gì. Sửa trong Excel rồi tải lên lại.",
            "Each problem cell is coloured and carries a comment saying what to fix. Fix it in Excel and upload again.",
        ),
        "desk.upload_again": ("Tải lên tệp đã sửa", "Upload the corrected file"),
        "desk.notes_title": ("Ghi chú", "Notes"),
        "desk.files_title": ("Văn bản đã lập", "Documents built"),
        "desk.col_file": ("Tệp", "File"),
        "desk.col_kind": ("Loại", "Kind"),
        "desk.col_format": ("Định dạng", "Format"),
        "desk.col_pages": ("Trang", "Pages"),
        "desk.col_size": ("Dung lượng", "Size"),
        "desk.zip_link": ("Tải tất cả (.zip)", "Download all (.zip)"),
        "desk.press_link": ("Xem tin bài như trên cổng thông tin", "Preview the news item as on the portal"),
        "desk.press_build": ("Lập tin bài từ dữ liệu này", "Build the news item from this data"),
        "desk.check_title": ("Đối chiếu với dữ liệu", "Fact check against the data"),
        "desk.check_ok": (
            "Khớp: mọi dữ kiện và con số trong văn bản đúng với dữ liệu.",
            "Passed: every fact and figure in the documents matches the data.",
        ),
        "desk.check_bad": ("Có {count} chỗ khác với dữ liệu:", "{count:plural:difference|differences} from the data:"),
        "desk.check_not_run": ("Chưa đối chiếu được:", "The check could not run:"),
        "desk.pages_title": ("Các trang của {name}", "Pages of {name}"),
        "desk.page_alt": ("Trang {page} của {name}", "Page {page} of {name}"),
        "desk.more_pages": ("Hiển thị {shown} trên {pages} trang.", "Showing {shown} of {pages} pages."),
        "desk.store_title": ("Lưu trữ", "Archive"),
        "desk.store_submit": (
            "Lưu {count} tệp PDF/A vào kho lưu trữ",
            "Store {count:plural:PDF/A file|PDF/A files} in the archive",
        ),
        "desk.store_replace": (
            "Thay văn bản cùng số và ký hiệu trong năm (bản cũ giữ lại là bản bị thay thế)",
            "Replace the document with the same number this year (the old one is kept as superseded)",
        ),
        "desk.store_role": (
            "Chỉ văn thư lưu trữ và quản trị được lưu vào kho.",
            "Only the archivist and the administrator store documents in the archive.",
        ),
        "desk.store_no_pdf": (
            "Không có tệp PDF/A để lưu (hãy chọn định dạng PDF/A).",
            "No PDF/A file to store (choose the PDF/A format).",
        ),
        "desk.stored_added": ("Đã lưu {code} (#{id}).", "Stored {code} (#{id})."),
        "desk.stored_unchanged": (
            "{code} đã có trong kho (#{id}), không đổi.",
            "{code} was already stored (#{id}), unchanged.",
        ),
        "desk.stored_replaced": (
            "Đã lưu {code} (#{id}), thay bản trước.",
            "Stored {code} (#{id}), replacing the earlier one.",
        ),
        "desk.press_title": ("Tin bài cho cổng thông tin", "News item for the portal"),
        "desk.press_missing": (
            "Việc này không có tin bài dạng HTML. Hãy lập tin bài (loại Tin bài, định dạng Trang HTML và Đoạn HTML).",
            "This job has no HTML news item. Build one (kind News item, formats HTML page and HTML fragment).",
        ),
        "desk.press_preview": ("Xem trước như trên cổng thông tin", "Preview as on the portal"),
        "desk.press_open": ("Mở trang {name} ở thẻ mới", "Open the page {name} in a new tab"),
        "desk.fragment_title": (
            "Đoạn HTML để dán vào trình soạn thảo của cổng",
            "HTML fragment for the portal's editor",
        ),
        "desk.fragment_hint": (
            "Sao chép đoạn này, dán vào chế độ mã nguồn (HTML) của trình soạn thảo; tải ảnh bên dưới lên cùng.",
            "Copy this fragment into the editor's source (HTML) mode; upload the photos below with it.",
        ),
        "desk.copy": ("Sao chép", "Copy"),
        "desk.copied": ("Đã sao chép", "Copied"),
        "desk.fragment_download": ("Tải {name}", "Download {name}"),
        "desk.photos_title": ("Ảnh của tin bài", "Photos of the news item"),
        "desk.archive_title": ("Kho lưu trữ văn bản", "Document archive"),
        "desk.search_words": ("Tìm theo số, trích yếu, cơ quan, người ký", "Search number, subject, body, signer"),
        "desk.search_placeholder": ("ví dụ: dan van hoặc 25/BC-UBND", "e.g. dan van or 25/BC-UBND"),
        "desk.search_kind": ("Loại", "Kind"),
        "desk.search_body": ("Cơ quan ban hành", "Issuing body"),
        "desk.search_from": ("Từ ngày", "From"),
        "desk.search_to": ("Đến ngày", "To"),
        "desk.search_submit": ("Tìm", "Search"),
        "desk.any": ("Tất cả", "Any"),
        "desk.results": ("{count} văn bản", "{count:plural:document|documents}"),
        "desk.no_results": ("Không có văn bản nào khớp.", "No document matches."),
        "desk.export_submit": (
            "Xuất {count} văn bản (.zip, kèm XML Phụ lục VI)",
            "Export {count:plural:document|documents} (.zip with Annex VI XML)",
        ),
        "desk.export_hint": (
            "Gói xuất gồm tệp PDF/A, siêu dữ liệu XML theo Phụ lục VI và bảng kê, để nộp lưu trữ lịch sử.",
            "The export holds the PDF/A files, their Annex VI XML metadata and an index, for the state archive.",
        ),
        "desk.verify_ok": (
            "Toàn vẹn: mã SHA-256 khớp, tệp đạt PDF/A-2b.",
            "Intact: the SHA-256 matches, the file passes PDF/A-2b.",
        ),
        "desk.verify_bad": ("Không toàn vẹn:", "Not intact:"),
        "desk.download": ("Tải {name}", "Download {name}"),
        "desk.metadata_title": (
            "Thông tin văn bản (Phụ lục VI, Nghị định 30/2020/NĐ-CP)",
            "Document metadata (Annex VI, Decree 30/2020/ND-CP)",
        ),
        "desk.listening": (
            "Bàn làm việc đang chạy ({mode}); mở {url} trong trình duyệt. Nhấn Ctrl+C để dừng.",
            "The desk is running ({mode}); open {url} in a browser. Press Ctrl+C to stop.",
        ),
        "desk.mode_local": ("một người dùng trên máy này, không cần đăng nhập", "one user on this machine, no login"),
        "desk.mode_login": ("cần đăng nhập", "login required"),
        "desk.cannot_listen": (
            "Không mở được bàn làm việc trên {host}:{port}: {reason}. Hãy chọn cổng khác (--port).",
            "Cannot serve on {host}:{port}: {reason}. Choose another port (--port).",
        ),
        "desk.needs_account": (
            "Không mở bàn làm việc trên {host}: chưa có tài khoản nào trong {home}. Trên địa chỉ khác 127.0.0.1, "
            "mọi người phải đăng nhập; hãy tạo tài khoản trước: umt-reports users add TÊN --role admin --home {home}",
            "Not serving on {host}: {home} has no account yet. On an address other than 127.0.0.1 everyone must "
            "sign in; create an account first: umt-reports users add NAME --role admin --home {home}",
        ),
        "desk.password_prompt": ("Mật khẩu", "Password"),
        "desk.user_added": ("Đã thêm tài khoản {name} (vai trò {role}).", "Added the account {name} (role {role})."),
        "desk.user_removed": ("Đã xoá tài khoản {name}.", "Removed the account {name}."),
        "desk.password_changed": ("Đã đổi mật khẩu của {name}.", "Changed the password of {name}."),
        "desk.user_exists": ("Tài khoản {name} đã có.", "The account {name} already exists."),
        "desk.user_unknown": ("Không có tài khoản {name}.", "There is no account {name}."),
        "desk.bad_role": (
            "Vai trò {value} không có; dùng một trong: {allowed}.",
            "There is no role {value}; use one of: {allowed}.",
        ),
        "desk.bad_name": (
            "Tên đăng nhập {value} không dùng được: chỉ chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (1–64 ký tự).",
            "The user name {value} cannot be used: only letters without accents, digits, dot, dash, underscore (1–64 characters).",
        ),
        "desk.empty_password": (
            "Mật khẩu trống: hãy nhập mật khẩu (một dòng từ stdin).",
            "Empty password: give one (one line on stdin).",
        ),
        "desk.accounts_unreadable": (
            "Không đọc được tệp tài khoản: {reason}",
            "Cannot read the accounts file: {reason}",
        ),
    }
)

# -- batch: many meetings in one build (issue 13) -------------------------------------
_add(
    {
        "batch.empty_folder": (
            "Thư mục {path} không có tệp dữ liệu nào (.yaml, .yml, .xlsx, .xlsm).",
            "The folder {path} holds no data file (.yaml, .yml, .xlsx, .xlsm).",
        ),
        "batch.progress": ("Đang lập văn bản các hội nghị", "Building the meetings"),
        "batch.col_meeting": ("Hội nghị (tệp dữ liệu)", "Meeting (data file)"),
        "batch.col_documents": ("Văn bản", "Documents"),
        "batch.col_pages": ("Trang PDF", "PDF pages"),
        "batch.col_time": ("Thời gian", "Time"),
        "batch.col_problems": ("Lỗi", "Problems"),
        "batch.done": (
            "Đã lập {built}/{total} hội nghị: {documents} văn bản, {pages} trang PDF.",
            "Built {built} of {total} meetings: {documents} documents, {pages} PDF pages.",
        ),
    }
)


# -- help: command-line help screens (i15-gates) --------------------------------------
# Codes: help.<command>[.<subcommand>] for a command, help.<command>.<option> for an option
# (looked up from the command outwards: help.archive.add.kind, help.archive.kind, help.option.kind),
# help.label.* for click's own words and help.metavar.* for the kinds of values.
_add(
    {
        "help.label.usage": ("Cách dùng:", "Usage:"),
        "help.label.options": ("Tùy chọn", "Options"),
        "help.label.commands": ("Lệnh", "Commands"),
        "help.label.default": ("mặc định", "default"),
        "help.label.required": ("bắt buộc", "required"),
        "help.label.try": ("Xem '{command} {option}' để biết cách dùng.", "Try '{command} {option}' for help."),
        "help.label.error": ("Lỗi: {message}", "Error: {message}"),
        "help.label.options_metavar": ("[TÙY CHỌN]", "[OPTIONS]"),
        "help.label.command_metavar": ("LỆNH [THAM SỐ]...", "COMMAND [ARGS]..."),
        "help.metavar.TEXT": ("CHỮ", "TEXT"),
        "help.metavar.DIRECTORY": ("THƯ MỤC", "DIRECTORY"),
        "help.metavar.FILE": ("TỆP", "FILE"),
        "help.metavar.PATH": ("ĐƯỜNG DẪN", "PATH"),
        "help.metavar.INTEGER": ("SỐ", "INTEGER"),
        "help.option.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
        "help.option.version": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
        "help.option.lang": (
            "Ngôn ngữ thông báo: vi hoặc en (mặc định vi; biến môi trường UMT_LANG).",
            "Message language: vi or en (default vi; environment variable UMT_LANG).",
        ),
        "help.option.profile_dirs": (
            "Thư mục hồ sơ cơ quan ban hành (tìm trước các thư mục mặc định).",
            "A folder of issuing-body profiles (searched before the default ones).",
        ),
        "help.main": (
            "umt-reports: lập báo cáo, tin bài, quyết định khen thưởng từ dữ liệu hội nghị.",
            "umt-reports: reports, news items and commendation decisions from meeting data.",
        ),
        "help.validate": (
            "Kiểm tra tệp dữ liệu (.yaml hoặc .xlsx) và liệt kê mọi lỗi.",
            "Check a data file (.yaml or .xlsx) and list every problem.",
        ),
        "help.convert": (
            "Chuyển sổ tính gõ bằng bảng mã cũ (TCVN3, VNI) sang Unicode, phông Times New Roman.",
            "Convert a workbook typed in an old encoding (TCVN3, VNI) to Unicode, in Times New Roman.",
        ),
        "help.xlsx-template": (
            "Tạo sổ tính Excel để nhập dữ liệu hội nghị (trống, hoặc điền từ YAML).",
            "Make an Excel workbook to fill in meeting data (blank, or filled from YAML).",
        ),
        "help.xlsx-template.source": (
            "Điền sẵn sổ tính từ một tệp meeting.yaml.",
            "Fill the workbook from a meeting.yaml file.",
        ),
        "help.build": (
            "Lập văn bản từ tệp dữ liệu (.yaml hoặc .xlsx; nhiều tệp hoặc thư mục) vào thư mục --out.",
            "Build documents from a data file (.yaml or .xlsx; several files or folders) into the --out folder.",
        ),
        "help.build.out_dir": (
            "Thư mục ghi văn bản và manifest.json (nhiều tệp dữ liệu: mỗi hội nghị một thư mục con theo tên tệp).",
            "Folder to write the documents and manifest.json into (several data files: one sub-folder per "
            "meeting, named after its file).",
        ),
        "help.build.jobs": (
            "Số tiến trình lập văn bản song song khi có nhiều hội nghị (mặc định: số nhân CPU).",
            "Processes building meetings side by side when there are several (default: the number of cores).",
        ),
        "help.build.kinds": (
            "Loại văn bản, cách nhau bằng dấu phẩy (tên tiếng Việt cũng được): {kinds}.",
            "Document kinds, comma-separated (Vietnamese names too): {kinds}.",
        ),
        "help.build.formats": (
            "Định dạng, cách nhau bằng dấu phẩy: {formats} (html-fragment: đoạn HTML để dán vào trình soạn thảo "
            "của cổng thông tin, ảnh ghi bên cạnh). Loại văn bản không có định dạng được chọn thì bỏ qua và có ghi chú.",
            "Formats, comma-separated: {formats} (html-fragment: HTML to paste into the portal's editor, pictures "
            "written beside it). A kind that lacks a chosen format is left out with a note.",
        ),
        "help.build.html_fragment": (
            "Cũ, như thêm html-fragment vào --format: ghi thêm đoạn HTML để dán vào trình soạn thảo của cổng "
            "thông tin (*.fragment.html, ảnh ghi bên cạnh).",
            "Deprecated, the same as adding html-fragment to --format: also write the HTML to paste into the "
            "portal's editor (*.fragment.html, images beside it).",
        ),
        "help.build.templates": (
            "Thư mục mẫu câu chữ thay cho templates/ (từng tệp).",
            "A folder of wording templates used instead of the bundled ones (file by file).",
        ),
        "help.build.font": (
            "Phông chữ cho PDF: tên họ phông hoặc đường dẫn tệp .ttf.",
            "Font for PDF: a family name or the path of a .ttf file.",
        ),
        "help.build.print_on_form": (
            "Giấy khen (certificates): chỉ in phần chữ thay đổi lên phôi in sẵn, theo vị trí (mm) trong mục "
            "certificate_form của hồ sơ cơ quan; trang 1 là trang căn chỉnh.",
            "Certificates: print only the variable text onto pre-printed forms, at the positions (mm) of the "
            "profile's certificate_form; page 1 is the calibration page.",
        ),
        "help.build.progress": (
            "Thanh tiến độ khi vẽ các trang PDF (trên stderr; mặc định: chỉ khi stderr là terminal).",
            "A progress bar while PDF pages are drawn (on stderr; by default only when stderr is a terminal).",
        ),
        "help.build.to_archive": (
            "Lưu các tệp PDF/A vừa lập vào kho lưu trữ (--archive-dir, UMT_ARCHIVE hoặc ./archive).",
            "Store the PDF/A files just built in the archive (--archive-dir, UMT_ARCHIVE or ./archive).",
        ),
        "help.build.archive_dir": (
            "Thư mục kho lưu trữ cho --archive.",
            "The archive folder for --archive.",
        ),
        "help.build.replace": (
            "Với --archive: thay văn bản cùng số và ký hiệu trong năm (bản cũ giữ lại là bản bị thay thế).",
            "With --archive: replace the document with the same number and notation in the year (the old "
            "one is kept as superseded).",
        ),
        "help.check": (
            "Đối chiếu văn bản trong DIR (theo manifest.json, như hiện có trên đĩa) với dữ liệu hội nghị.",
            "Compare the documents in DIR (listed in manifest.json, as they are on disk) with the meeting data.",
        ),
        "help.check.source": (
            "Tệp dữ liệu để đối chiếu (mặc định: tệp ghi trong manifest.json).",
            "The data file to compare with (default: the one named in manifest.json).",
        ),
        "help.check.templates": (
            "Thư mục mẫu câu chữ đã dùng khi lập văn bản (nếu có).",
            "The folder of wording templates used for the build (if any).",
        ),
        "help.archive": (
            "Kho lưu trữ văn bản PDF/A: lưu, tìm, kiểm tra nguyên vẹn, xuất cho lưu trữ nhà nước.",
            "The PDF/A archive: store, find, verify unchanged, export for the state archives.",
        ),
        "help.archive.archive_dir": (
            "Thư mục kho lưu trữ (mặc định ./archive, hoặc biến môi trường UMT_ARCHIVE).",
            "The archive folder (default ./archive, or the environment variable UMT_ARCHIVE).",
        ),
        "help.archive.as_json": ("In kết quả dạng JSON.", "Print the result as JSON."),
        "help.archive.include_superseded": (
            "Gồm cả các bản đã bị thay thế.",
            "Include superseded versions.",
        ),
        "help.archive.kind": (
            "Chỉ loại văn bản này (report, press ...).",
            "Only this document kind (report, press ...).",
        ),
        "help.archive.date_from": (
            "Từ ngày (2022-01-01 hoặc 1/1/2022).",
            "From this date (2022-01-01 or 1/1/2022).",
        ),
        "help.archive.date_to": (
            "Đến ngày (2022-12-31 hoặc 31/12/2022).",
            "Up to this date (2022-12-31 or 31/12/2022).",
        ),
        "help.archive.add": (
            "Lưu các tệp PDF/A: thư mục kết quả (manifest.json), tệp manifest.json hoặc tệp PDF.",
            "Store PDF/A files: a build folder (manifest.json), a manifest.json file or PDF files.",
        ),
        "help.archive.add.replace": (
            "Thay văn bản cùng số và ký hiệu trong năm; bản cũ được giữ là bản bị thay thế.",
            "Replace the document with the same number and notation in the year; the old one is kept as superseded.",
        ),
        "help.archive.list": (
            "Liệt kê văn bản trong kho (theo ngày ban hành).",
            "List the documents in the archive (by issue date).",
        ),
        "help.archive.search": (
            'Tìm văn bản theo chữ (có hoặc không dấu: "dan van" tìm được "Dân vận"), ngày và loại.',
            'Find documents by words (with or without diacritics: "dan van" finds "Dân vận"), date and kind.',
        ),
        "help.archive.show": (
            "Xem đủ thông tin một văn bản: số thứ tự (#), số và ký hiệu, hoặc đầu mã SHA-256.",
            "Show every field of one document: its id (#), its number and notation, or the start of its SHA-256.",
        ),
        "help.archive.verify": (
            "Kiểm tra mọi tệp trong kho: thiếu, bị sửa, tệp lạ; mã thoát 1 nếu có vấn đề.",
            "Check every file of the archive: missing, changed, unknown; exit code 1 if anything is found.",
        ),
        "help.archive.verify.skip_pdfa": (
            "Chỉ kiểm tra mã băm, không kiểm tra lại PDF/A.",
            "Check the hashes only, not PDF/A again.",
        ),
        "help.archive.export": (
            "Xuất văn bản (PDF, tệp XML theo Phụ lục VI Nghị định 30 và bảng mục lục) vào một tệp .zip.",
            "Export documents (PDF, the ND30 Phụ lục VI XML and an index) into a .zip file.",
        ),
        "help.archive.export.out": ("Tệp .zip để ghi.", "The .zip file to write."),
    }
)


# -- help of the commands and options added with the desk, signatures, batches and repair --------
_add(
    {
        "help.archive.trust": (
            "Chứng thư số gốc tin cậy (PEM/DER) để kiểm tra chữ ký số; có thể nêu nhiều lần.",
            "A trusted root certificate (PEM/DER) to check digital signatures against; may be given several times.",
        ),
        "help.archive.repair": (
            "Dựng lại danh mục kho bị mất hoặc hỏng từ các tệp đã lưu; danh mục cũ được giữ lại bên cạnh.",
            "Rebuild a lost or damaged catalog from the stored files; the old catalog is kept beside it.",
        ),
        "help.build.sign_as": (
            "Ký số các tệp PDF có người ký ngay khi lập (sau PDF/A, trước manifest.json).",
            "Digitally sign the PDFs that have a signer as they are built (after PDF/A, before manifest.json).",
        ),
        "help.build.sign_image": (
            "Ảnh PNG chữ ký (person) hoặc con dấu (organisation) cho --sign-as.",
            "PNG image of the signature (person) or the seal (organisation) for --sign-as.",
        ),
        "help.option.tsa": (
            "Dịch vụ cấp dấu thời gian cho --sign-as (PAdES B-T).",
            "Time-stamping service for --sign-as (PAdES B-T).",
        ),
        "help.option.p12": (
            "Tệp khóa .p12/.pfx (mật khẩu: biến UMT_KEY_PASSWORD, nếu không có thì hỏi).",
            "Key file .p12/.pfx (password: the UMT_KEY_PASSWORD variable, else a prompt).",
        ),
        "help.option.pkcs11": (
            "Thư viện PKCS#11 của USB token (.so); mã PIN: biến UMT_KEY_PIN, nếu không có thì hỏi.",
            "PKCS#11 library of the USB token (.so); PIN: the UMT_KEY_PIN variable, else a prompt.",
        ),
        "help.option.token_label": ("Nhãn của token (với --pkcs11).", "Label of the token (with --pkcs11)."),
        "help.option.key_label": (
            "Nhãn khóa trên token (mặc định: khóa đầu tiên).",
            "Label of the key on the token (default: the first key).",
        ),
        "help.serve": (
            "Mở bàn làm việc trên trình duyệt: thư ký, phóng viên, lưu trữ.",
            "Open the desk in a browser: secretary, press officer, archivist.",
        ),
        "help.serve.host": (
            "Địa chỉ lắng nghe; khác 127.0.0.1 thì cần có tài khoản (umt-reports users add).",
            "Address to listen on; any other than 127.0.0.1 needs an account (umt-reports users add).",
        ),
        "help.serve.port": ("Cổng.", "Port."),
        "help.option.home": (
            "Thư mục của bàn làm việc: tài khoản, việc, nhật ký, kho lưu trữ (mặc định UMT_HOME hoặc ./umt-desk).",
            "The desk's folder: accounts, jobs, audit log, archive (default UMT_HOME or ./umt-desk).",
        ),
        "help.serve.archive_dir": (
            "Thư mục kho lưu trữ (mặc định UMT_ARCHIVE hoặc HOME/archive).",
            "The archive folder (default UMT_ARCHIVE or HOME/archive).",
        ),
        "help.serve.job_hours": (
            "Xoá thư mục mỗi việc sau số giờ này.",
            "Remove each job's folder after this many hours.",
        ),
        "help.serve.workers": (
            "Số tiến trình lập văn bản (mặc định: số nhân CPU, ít nhất 2).",
            "Processes that build documents (default: the number of cores, at least 2).",
        ),
        "help.serve.https_cookies": (
            "Cookie phiên chỉ gửi qua HTTPS (khi chạy sau reverse proxy có HTTPS).",
            "Send the session cookie over HTTPS only (behind a reverse proxy with HTTPS).",
        ),
        "help.serve.proxy_headers": (
            "Tin tiêu đề X-Forwarded-For của reverse proxy chạy trên máy này (địa chỉ người dùng).",
            "Trust the X-Forwarded-For header of a reverse proxy on this machine (the user's address).",
        ),
        "help.sign": (
            "Ký số tệp PDF/A (PAdES) với tư cách người ký hoặc cơ quan, hiển thị theo Nghị định 30.",
            "Digitally sign a PDF/A file (PAdES) as the signer or as the office, shown as Nghị định 30 lays out.",
        ),
        "help.sign.out": (
            "Tệp PDF đã ký (cùng thư mục thì manifest.json chuyển mục của tệp sang tệp này).",
            "The signed PDF (in the same folder, manifest.json moves the file's entry to it).",
        ),
        "help.sign.role": (
            "Ký với tư cách người có thẩm quyền (person) hay cơ quan, tổ chức (organisation).",
            "Sign as the person with authority (person) or as the office (organisation).",
        ),
        "help.sign.image": (
            "Ảnh PNG nền trong suốt: chữ ký (màu xanh) hoặc con dấu (màu đỏ); không có thì hiện chữ.",
            "A PNG with transparency: the signature (blue) or the seal (red); without one, text is shown.",
        ),
        "help.sign.seal_mm": (
            "Đường kính thật của con dấu, mm (mặc định 36).",
            "The seal's real diameter, mm (default 36).",
        ),
        "help.sign.attachment_of": (
            "Phụ lục ký riêng: số và ký hiệu của văn bản chính; chữ ký cơ quan ở góc trên bên phải trang 1.",
            "An annex signed on its own: the main document's number and symbol; the office signature goes "
            "top right on page 1.",
        ),
        "help.sign.tsa": (
            "Địa chỉ dịch vụ cấp dấu thời gian (PAdES B-T).",
            "Address of the time-stamping service (PAdES B-T).",
        ),
        "help.signatures": (
            "Liệt kê và kiểm tra các chữ ký số của tệp PDF; mã thoát 0 khi mọi chữ ký còn nguyên vẹn và tin cậy.",
            "List and check the digital signatures of a PDF; exit code 0 when every signature is intact and trusted.",
        ),
        "help.signatures.trust": (
            "Chứng thư số gốc tin cậy (PEM/DER); có thể nêu nhiều lần.",
            "A trusted root certificate (PEM/DER); may be given several times.",
        ),
        "help.signatures.as_json": ("In kết quả dạng JSON.", "Print the result as JSON."),
        "help.users": (
            "Tài khoản của bàn làm việc (vai trò: secretary, press, archivist, admin).",
            "Accounts of the desk (roles: secretary, press, archivist, admin).",
        ),
        "help.users.add": (
            "Thêm tài khoản NAME; mật khẩu đọc từ stdin.",
            "Add the account NAME; the password is read from stdin.",
        ),
        "help.users.add.role": ("Vai trò của tài khoản.", "The account's role."),
        "help.users.list": ("Liệt kê tài khoản và vai trò.", "List the accounts and their roles."),
        "help.users.passwd": (
            "Đổi mật khẩu của NAME; mật khẩu mới đọc từ stdin.",
            "Change the password of NAME; the new password is read from stdin.",
        ),
        "help.users.remove": ("Xoá tài khoản NAME.", "Remove the account NAME."),
        "help.validate.kinds": (
            "Kiểm tra thêm dữ liệu có đủ để lập các loại văn bản này không (cách nhau bằng dấu phẩy): {kinds}.",
            "Also check that the data is enough to build these kinds (comma-separated): {kinds}.",
        ),
        "help.xlsx-template.force": ("Ghi đè tệp OUT nếu đã có.", "Overwrite OUT if it exists."),
    }
)
