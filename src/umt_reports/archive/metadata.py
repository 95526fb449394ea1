"""What the archive records about a document, and its ND30 Phụ lục VI XML form.

In: a ``manifest.json`` entry written by :mod:`umt_reports.build` (or, for a PDF that
came without one, the PDF's own DocInfo). Out: a :class:`Record`, and for the state
archive one XML file per document whose element names are the Phụ lục VI tags
(``FileCode``, ``TypeName``, ``CodeNumber``, ``CodeNotation``, ``IssuedDate``,
``OrganName``, ``Subject``, ``Language``, ``PageAmount``, ``Description``,
``SignerInfo/Position``, ``SignerInfo/FullName``). Facts Phụ lục VI has no tag for
(hash, size, PDF/A level, font, kind, source data, versions) go in a ``Technical``
element, so a reader of Phụ lục VI ignores them and :func:`from_xml` gets everything back.

Every text is NFC, single-spaced and free of characters XML 1.0 cannot hold, so that
``from_xml(to_xml(record)) == record`` holds for every record the archive stores.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from umt_reports import vn

__all__ = [
    "CURRENT",
    "LANGUAGE_NAMES",
    "SUPERSEDED",
    "Record",
    "fold",
    "from_element",
    "from_xml",
    "language_name",
    "record_from_entry",
    "split_code",
    "to_element",
    "to_xml",
]

#: Status of the version of a number that is in force, and of the versions it replaced.
CURRENT: Final = "current"
SUPERSEDED: Final = "superseded"

#: ISO 639-1 code (as in manifests and PDF /Lang) -> Phụ lục VI ``Language`` value.
LANGUAGE_NAMES: Final[Mapping[str, str]] = {"vi": "Tiếng Việt", "en": "Tiếng Anh", "fr": "Tiếng Pháp"}

# -- characters XML 1.0 cannot carry (C0 controls other than tab/newline, surrogates, U+FFFE/F) --
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CODE = re.compile(r"^\s*(\d+)\s*[/-]\s*(.+?)\s*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Record:
    """One archived PDF: its Phụ lục VI fields, the facts that prove it, and its catalog state.

    ``None`` means "not known" (an unnumbered document has no ``code``); the catalog
    assigns ``id``, ``status``, ``version``, the supersession links and ``archived_at``.
    """

    sha256: str
    size: int
    #: The file's name when it was archived (``2022-06-22_bao-cao_25-BC-UBND.pdf``).
    file_name: str
    #: Document kind of the toolkit (``report``, ``press`` ...); ``None`` for a foreign PDF.
    kind: str | None = None
    format: str = "pdf"
    #: PDF/A flavour the file was validated against, e.g. ``2B``.
    pdfa: str | None = None
    font: str | None = None
    #: Mã hồ sơ (FileCode): the hồ sơ the document is filed in, when the office gives one.
    file_code: str | None = None
    #: Tên loại văn bản (TypeName), e.g. ``Báo cáo``.
    type_name: str | None = None
    #: Số và ký hiệu as printed, e.g. ``25/BC-UBND`` or ``25-BC/BDVHU``.
    code: str | None = None
    #: Số của văn bản (CodeNumber), e.g. ``25``.
    code_number: str | None = None
    #: Ký hiệu của văn bản (CodeNotation), e.g. ``BC-UBND``.
    code_notation: str | None = None
    #: Ngày, tháng, năm văn bản (IssuedDate).
    issued_date: dt.date | None = None
    #: Tên cơ quan, tổ chức ban hành văn bản (OrganName).
    organ_name: str | None = None
    #: Trích yếu nội dung (Subject).
    subject: str | None = None
    #: The full title (type and subject), as in the PDF's metadata.
    title: str | None = None
    #: Ngôn ngữ (Language), e.g. ``Tiếng Việt``.
    language: str | None = None
    #: Số trang của văn bản (PageAmount).
    page_amount: int | None = None
    #: Ghi chú (Description).
    description: str | None = None
    #: Chức vụ người ký (SignerInfo/Position).
    signer_position: str | None = None
    #: Họ tên người ký (SignerInfo/FullName).
    signer_name: str | None = None
    #: Name and SHA-256 of the data file the document was built from.
    source_file: str | None = None
    source_sha256: str | None = None
    id: int | None = None
    status: str = CURRENT
    version: int = 1
    supersedes: int | None = None
    superseded_by: int | None = None
    #: When the archive received the file (UTC, ISO 8601): the only clock time recorded.
    archived_at: str | None = None

    @property
    def year(self) -> int | None:
        """Year of issue: numbers restart every year, so a number is unique within one."""
        return self.issued_date.year if self.issued_date else None

    @property
    def object_name(self) -> str:
        """Path of the stored file inside the archive root (content-addressed)."""
        return f"objects/{self.sha256[:2]}/{self.sha256}.{self.format}"

    def search_text(self) -> str:
        """The folded text :func:`fold` queries are matched against."""
        parts = (
            self.code, self.type_name, self.subject, self.title, self.organ_name, self.signer_name,
            self.signer_position, self.kind, self.file_code, self.file_name, self.description,
        )  # fmt: skip
        return fold(" ".join(p for p in parts if p))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates as ISO strings)."""
        data = dataclasses.asdict(self)
        data["issued_date"] = self.issued_date.isoformat() if self.issued_date else None
        return data


def fold(text: str) -> str:
    """Search key of ``text``: no diacritics, ``đ`` → ``d``, case-folded, single-spaced.

    ``fold("Dân vận")`` == ``fold("dan VAN")`` == ``"dan van"``.
    """
    return vn.fold_header(text)


def _text(value: Any) -> str | None:
    """NFC, single-spaced text without XML-illegal characters; ``None`` for nothing."""
    if value is None:
        return None
    text = vn.clean_spaces(_NOT_XML.sub("", vn.nfc(str(value))))
    return text or None


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def split_code(code: str | None, number: int | str | None = None) -> tuple[str | None, str | None]:
    """(CodeNumber, CodeNotation) of a printed số và ký hiệu.

    ``split_code("25/BC-UBND")`` → ``("25", "BC-UBND")``; Party style
    ``split_code("25-BC/BDVHU")`` → ``("25", "BC/BDVHU")``. A code without a leading
    number (left blank for the clerk) keeps ``number`` and the whole text as notation.
    """
    code = _text(code)
    if code is None:
        return (str(number) if number is not None else None), None
    match = _CODE.match(code)
    if match and (number is None or (str(number).isdigit() and int(number) == int(match.group(1)))):
        return match.group(1), match.group(2)
    return (str(number) if number is not None else None), code.strip(" /-") or None


def language_name(code: str | None) -> str:
    """Phụ lục VI ``Language`` for a language code (``vi`` → ``Tiếng Việt``); Vietnamese by default."""
    if not code:
        return LANGUAGE_NAMES["vi"]
    return LANGUAGE_NAMES.get(code.split("-")[0].lower(), code)


def record_from_entry(
    entry: Mapping[str, Any], *, sha256: str, size: int, file_name: str, pdfa: str | None, pages: int | None
) -> Record:
    """The record of one ``manifest.json`` entry (see :class:`umt_reports.manifest.Entry`).

    ``sha256``, ``size``, ``pdfa`` and ``pages`` are what the archive measured itself;
    the manifest's own claims are not trusted for them.
    """
    signer: Mapping[str, Any] = entry["signer"] if isinstance(entry.get("signer"), Mapping) else {}
    source: Mapping[str, Any] = entry["source"] if isinstance(entry.get("source"), Mapping) else {}
    code = _text(entry.get("code"))
    number, notation = split_code(code, _int(entry.get("number")))
    source_sha = _text(source.get("sha256"))
    return Record(
        sha256=sha256,
        size=size,
        file_name=_text(file_name) or "document.pdf",
        kind=_text(entry.get("kind")),
        format="pdf",
        pdfa=pdfa,
        font=_text(entry.get("font")),
        file_code=_text(entry.get("file_code")),
        type_name=_text(entry.get("type")),
        code=code,
        code_number=number,
        code_notation=notation,
        issued_date=_date(entry.get("date")),
        organ_name=_text(entry.get("issuer")),
        subject=_text(entry.get("subject")),
        title=_text(entry.get("title")),
        language=language_name(_text(entry.get("language"))),
        page_amount=pages if pages is not None else _int(entry.get("pages")),
        description=_text(entry.get("description")),
        signer_position=_text(signer.get("title")),
        signer_name=_text(signer.get("name")),
        source_file=_text(source.get("file")),
        source_sha256=source_sha if source_sha and _SHA256.match(source_sha) else None,
    )


# -- XML ---------------------------------------------------------------------------------

#: Phụ lục VI tags, in the order the appendix lists them, and the record attribute behind each.
PL6_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("FileCode", "file_code"),
    ("TypeName", "type_name"),
    ("CodeNumber", "code_number"),
    ("CodeNotation", "code_notation"),
    ("IssuedDate", "issued_date"),
    ("OrganName", "organ_name"),
    ("Subject", "subject"),
    ("Language", "language"),
    ("PageAmount", "page_amount"),
    ("Description", "description"),
)
SIGNER_FIELDS: Final = (("Position", "signer_position"), ("FullName", "signer_name"))
#: Facts without a Phụ lục VI tag: ``Technical/<Tag>``.
_TECHNICAL_FIELDS: Final = (
    ("Id", "id"),
    ("Code", "code"),
    ("Title", "title"),
    ("Kind", "kind"),
    ("Format", "format"),
    ("FileName", "file_name"),
    ("Sha256", "sha256"),
    ("Size", "size"),
    ("PdfaLevel", "pdfa"),
    ("Font", "font"),
    ("SourceFile", "source_file"),
    ("SourceSha256", "source_sha256"),
    ("Status", "status"),
    ("Version", "version"),
    ("Supersedes", "supersedes"),
    ("SupersededBy", "superseded_by"),
    ("ArchivedAt", "archived_at"),
)
_INT_FIELDS: Final = frozenset({"id", "size", "page_amount", "version", "supersedes", "superseded_by"})
_ROOT: Final = "Document"


def _xml_value(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _sub(parent: ET.Element, tag: str, value: Any) -> None:
    if value is not None:
        ET.SubElement(parent, tag).text = _xml_value(value)


def to_element(record: Record) -> ET.Element:
    """The ``<Document>`` element of ``record`` (unknown fields are left out)."""
    root = ET.Element(_ROOT, {"standard": "ND30/2020/ND-CP Phu luc VI"})
    for tag, attr in PL6_FIELDS:
        _sub(root, tag, getattr(record, attr))
    if record.signer_position is not None or record.signer_name is not None:
        signer = ET.SubElement(root, "SignerInfo")
        for tag, attr in SIGNER_FIELDS:
            _sub(signer, tag, getattr(record, attr))
    technical = ET.SubElement(root, "Technical")
    for tag, attr in _TECHNICAL_FIELDS:
        _sub(technical, tag, getattr(record, attr))
    return root


def to_xml(record: Record) -> bytes:
    """UTF-8 XML of one document's metadata, with an XML declaration, indented."""
    root = to_element(record)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _read(attr: str, text: str | None) -> Any:
    if text is None:
        return None
    if attr in _INT_FIELDS:
        return int(text)
    if attr == "issued_date":
        return dt.date.fromisoformat(text)
    return text


def from_element(root: ET.Element) -> Record:
    """The record an element written by :func:`to_element` describes.

    Raises:
        ValueError: the element is not a ``<Document>`` or lacks ``Technical/Sha256``,
            ``Size`` or ``FileName``, or a number or date does not parse.
    """
    if root.tag != _ROOT:
        raise ValueError(f"expected <{_ROOT}>, found <{root.tag}>")
    values: dict[str, Any] = {}
    for tag, attr in PL6_FIELDS:
        values[attr] = _read(attr, root.findtext(tag))
    for tag, attr in SIGNER_FIELDS:
        values[attr] = _read(attr, root.findtext(f"SignerInfo/{tag}"))
    for tag, attr in _TECHNICAL_FIELDS:
        values[attr] = _read(attr, root.findtext(f"Technical/{tag}"))
    for required in ("sha256", "size", "file_name"):
        if values[required] is None:
            raise ValueError(f"<{_ROOT}> lacks {required}")
    for attr, default in (("format", "pdf"), ("status", CURRENT), ("version", 1)):
        if values[attr] is None:
            values[attr] = default
    return Record(**values)


def from_xml(data: bytes | str) -> Record:
    """Read back what :func:`to_xml` wrote (see :func:`from_element` for what it raises)."""
    return from_element(ET.fromstring(data))
