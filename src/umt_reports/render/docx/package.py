"""The .docx package around the body: the base package, core properties, reproducible bytes.

In: a finished python-docx document and the document's :class:`DocMeta`.
Out: the bytes of the .docx, identical for identical input (no clock time anywhere).

Every document starts from a small base package made once per process from python-docx's
default template: its 164 built-in styles (440 kB of ``styles.xml`` to parse, restyle and
compress on every render), its numbering definitions for them and its bibliography part
are dropped; only the four default styles (Normal, Default Paragraph Font, Table Normal,
No List) and Word's latent-style list stay, so Word still offers its built-in styles.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import lru_cache

import docx
from docx.document import Document as WordDocument

from umt_reports import vn
from umt_reports.documents.document import DocMeta
from umt_reports.render.docx import _oxml
from umt_reports.render.metadata import metadata_keywords, metadata_text

__all__ = ["LAST_MODIFIED_BY", "ZIP_DATE_TIME", "drop_template_extras", "new_document", "save", "set_core_properties"]

#: ``cp:lastModifiedBy`` of every file we write.
LAST_MODIFIED_BY = "umt-reports"
#: Timestamp of every zip entry (the earliest a zip can hold), for byte-reproducible output.
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)

# -- parts of python-docx's template that would describe the template, not our document --
_EXTRA_RELTYPES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    # -- list definitions of the built-in list styles (dropped with them; we number in text) --
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
    # -- the template's empty bibliography sources --
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
)


def new_document(layout_version: int) -> WordDocument:
    """A fresh document opened from the base package (built once per process and layout version)."""
    return docx.Document(io.BytesIO(_base_package(layout_version)))


@lru_cache(maxsize=4)
def _base_package(layout_version: int) -> bytes:
    """python-docx's template without its extras and built-in styles, declaring ``layout_version``."""
    word = docx.Document()
    drop_template_extras(word)
    _oxml.keep_default_styles(word.styles.element)
    _oxml.set_compatibility_mode(word.settings.element, layout_version)
    raw = io.BytesIO()
    word.save(raw)
    return raw.getvalue()


def drop_template_extras(word: WordDocument) -> None:
    """Drop the template's thumbnail (an empty page), its Word 2010 ``stylesWithEffects`` copy,
    its list numbering and its bibliography part."""
    for rels in (word.part.package.rels, word.part.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in _EXTRA_RELTYPES]:
            del rels[rid]


def set_core_properties(word: WordDocument, meta: DocMeta) -> None:
    """Title, author, subject, keywords, language, fixed revision; dates at midnight of ``meta.date``."""
    core = word.core_properties
    # -- Word keeps at most 255 characters per property: the same cut as the PDF's --
    core.title = metadata_text(meta.title)
    core.author = metadata_text(meta.issuer)
    core.subject = metadata_text(meta.subject)
    core.keywords = metadata_keywords(meta.keywords)
    core.comments = ""
    core.language = meta.language
    core.last_modified_by = LAST_MODIFIED_BY
    core.revision = 1
    start = _core_instant(meta.date)
    if start is None:
        # -- python-docx can set but not remove a date; its proxy's element is the way in --
        _oxml.clear_core_dates(core._element)
        return
    core.created = start
    core.modified = start


def _core_instant(date: dt.date | None) -> dt.datetime | None:
    """The same instant as the PDF's dates (midnight in Vietnam) in naive UTC, as the core
    properties store it; ``None`` for no date, or one whose UTC instant has no four-digit
    year (``dcterms`` dates are W3CDTF: 0001-01-01 in Vietnam falls in the year 0 in UTC)."""
    if date is None:
        return None
    try:
        start = vn.day_start(date).astimezone(dt.UTC)
    except OverflowError:
        return None
    return start.replace(tzinfo=None) if 1000 <= start.year <= 9999 else None


def save(word: WordDocument) -> bytes:
    """The .docx bytes, with every zip entry stamped :data:`ZIP_DATE_TIME` (python-docx stamps 'now')."""
    raw = io.BytesIO()
    word.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=ZIP_DATE_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            # -- the same bytes on every platform (ZipInfo guesses these from the host) --
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()
