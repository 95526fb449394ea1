"""PDF/A-2b written by reportlab itself: what a conforming file has that reportlab leaves out.

In: a reportlab canvas whose pages are drawn (not yet saved; every font embedded: see
:mod:`.fonts`, and ``invariant=1`` so that its bytes repeat), the document's
:class:`~.pdfa.PdfMetadata` and its recorded places. Out, from :func:`pdfa_bytes`: bytes that
are a PDF/A-2b file as they stand, identical for identical input;
:func:`~.pdfa.require_pdfa` still validates them before anything is written.

What is added, and why (ISO 19005-2; the rule numbers are those the validator reports)::

    /Metadata   an XMP packet, unfiltered, with pdfaid part 2 / conformance B and the
                same title, author, subject, keywords, producer and dates as DocInfo (6.6.2)
    /OutputIntents  one GTS_PDFA1 intent with the sRGB ICC profile (6.2.3)
    DocInfo     ours only: no "anonymous" creator, no /Trapped; dates at midnight Vietnam time
    /Lang       the document's language
    /Names /Dests   the places :mod:`umt_reports.sign` reads (see :mod:`.marks`)
    no /Trans   reportlab writes an empty page transition the validator does not recognise
    /ID         derived from the file's content (reportlab's, with ``invariant=1``, is the
                same for every document)

This used to be done by opening reportlab's bytes with pikepdf, running
``pikepdf.pdfa.prepare`` and saving again: about 9 ms of a 2-page report, and pikepdf's
import in the drawing process. Written directly, the parts give a file the validator
approves without that round trip.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib.util
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Final

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDestinationFitR,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)

if TYPE_CHECKING:
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfgen.canvas import Canvas

    from umt_reports.render.pdf.marks import Rect
    from umt_reports.render.pdf.pdfa import PdfMetadata

__all__ = ["add_pdfa_parts", "content_id", "docinfo_date", "pdfa_bytes", "srgb_profile", "xmp_packet"]


def _escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` as entities (not ``xml.sax.saxutils``, which imports
    urllib and http: about 30 ms of every process that draws a PDF)."""
    return html.escape(text, quote=False)


#: The PDF version in the header: PDF/A-2 is based on PDF 1.7 (ISO 32000-1).
PDF_VERSION: Final = (1, 7)
#: /OutputConditionIdentifier and /Info of the output intent.
_SRGB: Final = "sRGB"
#: The ID placeholder reportlab writes in invariant mode: two 32-digit hex strings.
_ID = re.compile(rb"/ID \n\[<([0-9a-f]{32})><([0-9a-f]{32})>\]")


@functools.cache
def _packed_profile() -> bytes:
    """The sRGB profile, compressed once per process (Flate, as reportlab compresses)."""
    return zlib.compress(srgb_profile())


@functools.cache
def srgb_profile() -> bytes:
    """The sRGB ICC profile pikepdf's PDF/A tools install, read from pikepdf's package data
    without importing pikepdf (its import is the slow part of a one-off command)."""
    spec = importlib.util.find_spec("pikepdf")
    if spec is not None and spec.origin is not None:
        path = Path(spec.origin).parent / "pdfa" / "data" / "sRGB.icc"
        if path.is_file():
            return path.read_bytes()
    from pikepdf.pdfa._output_intent import load_srgb  # -- another layout: ask pikepdf --

    return load_srgb()


def docinfo_date(meta: PdfMetadata) -> str:
    """``D:YYYYMMDDHHmmSS+07'00``: the DocInfo form of the document date (midnight Vietnam time)."""
    when = meta.instant()
    offset = when.utcoffset()
    minutes = int(offset.total_seconds()) // 60 if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"D:{when:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}"


def xmp_packet(meta: PdfMetadata) -> bytes:
    """The XMP metadata of ``meta`` (UTF-8): the DocInfo entries again, in XMP terms, and the
    PDF/A identification. An empty field is left out, as it is left out of DocInfo."""
    stamp = meta.instant().isoformat()
    lines = []
    if meta.title:
        lines.append(_alt("dc:title", meta.title))
    if meta.author:
        lines.append(f"<dc:creator><rdf:Seq><rdf:li>{_escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>")
    if meta.subject:
        lines.append(_alt("dc:description", meta.subject))
    keywords = ", ".join(meta.keywords)
    if keywords:
        lines.append(f"<pdf:Keywords>{_escape(keywords)}</pdf:Keywords>")
    lines += [
        f"<dc:language><rdf:Bag><rdf:li>{_escape(meta.language)}</rdf:li></rdf:Bag></dc:language>",
        f"<xmp:CreatorTool>{_escape(meta.producer)}</xmp:CreatorTool>",
        f"<pdf:Producer>{_escape(meta.producer)}</pdf:Producer>",
        f"<xmp:CreateDate>{stamp}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>",
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
    ]
    body = "\n".join(f"   {line}" for line in lines)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        f"{body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _alt(tag: str, text: str) -> str:
    return f'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{_escape(text)}</rdf:li></rdf:Alt></{tag}>'


class _Info(PDFInfo):
    """DocInfo with exactly the entries of :class:`PdfMetadata` (reportlab's adds an
    "anonymous" creator and ``/Trapped``, which the XMP would have to repeat)."""

    def __init__(self, meta: PdfMetadata) -> None:
        super().__init__()
        self.meta = meta
        self.title, self.author, self.subject = meta.title, meta.author, meta.subject
        self.keywords = ", ".join(meta.keywords)

    def format(self, document: PDFDocument) -> bytes:
        meta, stamp = self.meta, docinfo_date(self.meta)
        entries = {
            "Title": meta.title,
            "Author": meta.author,
            "Subject": meta.subject,
            "Keywords": self.keywords,
            "Creator": meta.producer,
            "Producer": meta.producer,
            "CreationDate": stamp,
            "ModDate": stamp,
        }
        return PDFDictionary({key: PDFString(value) for key, value in entries.items() if value}).format(document)


def add_pdfa_parts(doc: PDFDocument, meta: PdfMetadata, places: dict[str, Rect]) -> None:
    """Give reportlab's document ``doc`` (drawn, not yet saved) what PDF/A-2b asks for."""
    doc._pdfVersion = max(doc._pdfVersion, PDF_VERSION)
    doc.info = _Info(meta)
    catalog = doc.Catalog
    catalog.Lang = PDFString(meta.language)
    catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp_packet(meta)
    )
    profile = PDFStream(PDFDictionary({"N": 3, "Filter": PDFArray([PDFName("FlateDecode")])}), _packed_profile())
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(_SRGB),
            "Info": PDFString(_SRGB),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    # -- the catalog writes only the keys it knows; this one, as a direct array --
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([intent])
    pages = doc.Pages.pages
    for page in pages:
        page.Trans = None
    if places:
        names: list[object] = []
        for name, (index, left, bottom, right, top) in sorted(places.items()):
            box = (round(v, 2) for v in (left, bottom, right, top))
            names += [PDFString(name), PDFDestinationFitR(pages[index], *box)]
        catalog.Names = PDFDictionary({"Dests": PDFDictionary({"Names": PDFArray(names)})})


def pdfa_bytes(canv: Canvas, meta: PdfMetadata, places: dict[str, Rect] | None = None) -> bytes:
    """The PDF/A-2b bytes of the drawn canvas ``canv`` (not validated here): the parts added,
    the file written in memory, its /ID derived from its content."""
    add_pdfa_parts(canv._doc, meta, places or {})
    return content_id(canv.getpdfdata())


def content_id(data: bytes) -> bytes:
    """``data`` with the trailer's /ID replaced by the MD5 of the file as written (both halves):
    the same content gives the same ID, different content a different one. The ID has a fixed
    length, so no offset moves."""
    found = _ID.search(data, data.rfind(b"trailer"))
    if found is None:
        return data
    digest = hashlib.md5(data, usedforsecurity=False).hexdigest().encode("ascii")
    start, end = found.span()
    return data[:start] + b"/ID \n[<" + digest + b"><" + digest + b">]" + data[end:]
