"""Raw WordprocessingML that python-docx has no API for: the one home of OOXML workarounds.

Everything here speaks schema terms (``w:rFonts``, ``w:tcW``, ``w:titlePg``) and takes
plain numbers (twips, eighths of a point). Callers in this package speak layout terms
and never build XML themselves. Child elements are inserted in schema order, because
Word rejects out-of-order children that LibreOffice silently accepts.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

__all__ = [
    "add_page_break_run",
    "add_page_field",
    "break_section_at",
    "clear_core_dates",
    "elements",
    "ends_section",
    "is_element",
    "keep_default_styles",
    "keep_with_next",
    "mm_to_twips",
    "page_break_before",
    "pt_to_twips",
    "run_properties",
    "set_bottom_border",
    "set_cell_vertical_center",
    "set_compatibility_mode",
    "set_doc_defaults",
    "set_fonts",
    "set_lang",
    "set_new_paragraph_style",
    "set_page_number_start",
    "set_picture_description",
    "set_row",
    "set_run_text",
    "set_table_geometry",
    "style_fonts_everywhere",
]

# -- schema orders (ECMA-376 Part 1, transitional), only as far as we insert into them --
_RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
    "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
_TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)  # fmt: skip
_TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
)  # fmt: skip
_SECTPR_ORDER = (
    "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
    "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt",
    "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
    "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip
_STYLE_ORDER = (
    "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
    "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal",
    "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr",
    "w:tcPr", "w:tblStylePr",
)  # fmt: skip
#: Border sides in schema order; ``left``/``right`` (not ``start``/``end``) for LibreOffice 7.
_TABLE_SIDES = ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV")
_PBDR_ORDER = ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar")
_MARGIN_SIDES = ("w:top", "w:left", "w:bottom", "w:right")
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")

#: Word's range for border widths, in eighths of a point (ST_EighthPointMeasure use).
_BORDER_EIGHTHS = (2, 96)


def mm_to_twips(mm: float) -> int:
    """Millimetres as whole twentieths of a point."""
    return round(mm * 1440 / 25.4)


def pt_to_twips(pt: float) -> int:
    """Points as whole twentieths of a point."""
    return round(pt * 20)


def _child(parent: etree._Element, tag: str, order: Sequence[str]) -> etree._Element:
    """The ``tag`` child of ``parent``, created in schema position if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    successors = order[order.index(tag) + 1 :]
    for candidate in parent:
        if isinstance(candidate.tag, str) and _prefixed(candidate.tag) in successors:
            candidate.addprevious(element)
            return element
    parent.append(element)
    return element


def _first(parent: etree._Element, tag: str) -> etree._Element:
    """The ``tag`` child of ``parent``, created as its first child if missing (``w:rPr`` in ``w:r`` …)."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert(0, found)
    return found


def _prefixed(clark: str) -> str:
    """``{main-ns}rPr`` -> ``w:rPr`` (other namespaces are returned unchanged)."""
    w = qn("w:x")[:-1]
    return "w:" + clark[len(w) :] if clark.startswith(w) else clark


def _set(element: etree._Element, **attrs: str | int) -> etree._Element:
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


# -- fonts and language ---------------------------------------------------------------


def set_fonts(rpr: etree._Element, name: str) -> None:
    """Name ``name`` in all four font slots of ``rpr`` (ascii, hAnsi, cs, eastAsia), dropping theme fonts."""
    rfonts = _child(rpr, "w:rFonts", _RPR_ORDER)
    for attr in _THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for slot in _FONT_SLOTS:
        rfonts.set(qn(slot), name)


def set_lang(rpr: etree._Element, lang: str) -> None:
    """Mark the text of ``rpr`` as ``lang`` for all three script classes (spelling, hyphenation)."""
    _set(_child(rpr, "w:lang", _RPR_ORDER), val=lang, eastAsia=lang, bidi=lang)


def run_properties(element: etree._Element) -> etree._Element:
    """The ``w:rPr`` of a run, style or paragraph mark (``w:pPr/w:rPr``), created if missing."""
    tag = _prefixed(element.tag)
    if tag == "w:r":
        return _first(element, "w:rPr")
    if tag == "w:style":
        return _child(element, "w:rPr", _STYLE_ORDER)
    if tag == "w:p":
        return _child(_first(element, "w:pPr"), "w:rPr", _PPR_ORDER)
    raise TypeError(f"no run properties on {tag}")


def style_fonts_everywhere(styles: etree._Element, name: str, lang: str) -> None:
    """Every style, the document defaults and every nested ``w:rFonts`` name ``name`` in all slots."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = _child(_first(defaults, "w:rPrDefault"), "w:rPr", ("w:rPr",))
        set_fonts(rpr, name)
        set_lang(rpr, lang)
    for style in styles.iterfind(qn("w:style")):
        rpr = run_properties(style)
        set_fonts(rpr, name)
        set_lang(rpr, lang)
    # -- conditional table-style formats carry their own rFonts (often theme fonts) --
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in _THEME_FONT_ATTRS:
            rfonts.attrib.pop(qn(attr), None)
        for slot in _FONT_SLOTS:
            rfonts.set(qn(slot), name)


def keep_default_styles(styles: etree._Element) -> None:
    """Remove every ``w:style`` but the defaults of each type (``w:default="1"``); keep ``w:latentStyles``."""
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:default")) not in ("1", "true", "on"):
            styles.remove(style)


def set_doc_defaults(styles: etree._Element, size_pt: float) -> None:
    """Document defaults: ``size_pt`` text, single spacing, no space between paragraphs."""
    defaults = _first(styles, "w:docDefaults")
    rpr = _child(_first(defaults, "w:rPrDefault"), "w:rPr", ("w:rPr",))
    half_points = round(size_pt * 2)
    _set(_child(rpr, "w:sz", _RPR_ORDER), val=half_points)
    _set(_child(rpr, "w:szCs", _RPR_ORDER), val=half_points)
    ppr = _child(_child(defaults, "w:pPrDefault", ("w:pPrDefault",)), "w:pPr", ("w:pPr",))
    _set(_child(ppr, "w:spacing", _PPR_ORDER), before=0, after=0, line=240, lineRule="auto")


def set_compatibility_mode(settings: etree._Element, mode: int) -> None:
    """Declare the Word layout version (15 = Word 2013+; the python-docx template says 14)."""
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))


# -- paragraphs -----------------------------------------------------------------------

#: Characters python-docx turns into elements of their own (``w:tab``, ``w:br``).
_RUN_CONTROLS = frozenset("\t\r\n")


def set_new_paragraph_style(p: etree._Element, style_id: str) -> None:
    """Give paragraph ``p`` the style ``style_id``; a paragraph without properties gets them
    directly (python-docx's setter searches ~35 successor tags for each child it adds)."""
    if p.find(qn("w:pPr")) is not None:
        p.style = style_id
        return
    ppr = OxmlElement("w:pPr")
    _set(etree.SubElement(ppr, qn("w:pStyle")), val=style_id)
    p.insert(0, ppr)


def set_run_text(r: etree._Element, text: str) -> None:
    """The text of the new run ``r``, as python-docx writes it: one ``w:t`` (space kept when
    it matters); tabs and line breaks as their own elements."""
    if not text:
        return
    if _RUN_CONTROLS.isdisjoint(text):
        t = etree.SubElement(r, qn("w:t"))
        t.text = text
        if len(text.strip()) < len(text):
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return
    r.text = text


def _ppr(p: etree._Element) -> etree._Element:
    return _first(p, "w:pPr")


def keep_with_next(p: etree._Element) -> None:
    """Keep paragraph ``p`` on the page of the paragraph (or table row) that follows it."""
    keep = _child(_ppr(p), "w:keepNext", _PPR_ORDER)
    keep.attrib.pop(qn("w:val"), None)


def page_break_before(p: etree._Element) -> None:
    """Start paragraph ``p`` on a new page."""
    flag = _child(_ppr(p), "w:pageBreakBefore", _PPR_ORDER)
    flag.attrib.pop(qn("w:val"), None)


def set_bottom_border(p: etree._Element, thickness_pt: float) -> None:
    """A solid line under paragraph ``p``, ``thickness_pt`` thick, touching its text box."""
    eighths = min(max(round(thickness_pt * 8), _BORDER_EIGHTHS[0]), _BORDER_EIGHTHS[1])
    pbdr = _child(_ppr(p), "w:pBdr", _PPR_ORDER)
    _set(_child(pbdr, "w:bottom", _PBDR_ORDER), val="single", sz=eighths, space=0,
         color="auto")  # fmt: skip


def add_page_break_run(p: etree._Element, font: str, lang: str) -> None:
    """Append a run holding a page break (``w:br w:type="page"``) to ``p``."""
    run = OxmlElement("w:r")
    rpr = run_properties(run)
    set_fonts(rpr, font)
    set_lang(rpr, lang)
    _set(etree.SubElement(run, qn("w:br")), type="page")
    p.append(run)


def add_page_field(p: etree._Element, font: str, lang: str) -> None:
    """Append a PAGE field to ``p`` (begin, instruction, separate, cached result, end)."""

    def run() -> etree._Element:
        r = OxmlElement("w:r")
        rpr = run_properties(r)
        set_fonts(rpr, font)
        set_lang(rpr, lang)
        p.append(r)
        return r

    _set(etree.SubElement(run(), qn("w:fldChar")), fldCharType="begin")
    instr = etree.SubElement(run(), qn("w:instrText"))
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    _set(etree.SubElement(run(), qn("w:fldChar")), fldCharType="separate")
    # -- cached result for readers that do not update fields; never shown on page 1 --
    etree.SubElement(run(), qn("w:t")).text = "2"
    _set(etree.SubElement(run(), qn("w:fldChar")), fldCharType="end")


# -- tables ---------------------------------------------------------------------------


def set_table_geometry(
    tbl: etree._Element,
    widths_twips: Sequence[int],
    *,
    border_pt: float | None,
    cell_margins_twips: tuple[int, int, int, int],
    center: bool = False,
) -> None:
    """Fixed layout, column widths in both ``w:gridCol`` and every ``w:tcW``, borders and cell margins.

    ``border_pt`` None means borderless; ``cell_margins_twips`` is (top, left, bottom, right).
    Cell widths follow ``w:gridSpan``, so merged cells get the sum of their columns.
    """
    tblpr = _first(tbl, "w:tblPr")
    style = tblpr.find(qn("w:tblStyle"))
    if style is not None:
        tblpr.remove(style)
    _set(_child(tblpr, "w:tblW", _TBLPR_ORDER), w=sum(widths_twips), type="dxa")
    _set(_child(tblpr, "w:jc", _TBLPR_ORDER), val="center" if center else "left")
    _set(_child(tblpr, "w:tblInd", _TBLPR_ORDER), w=0, type="dxa")
    borders = _child(tblpr, "w:tblBorders", _TBLPR_ORDER)
    for side in _TABLE_SIDES:
        edge = _child(borders, side, _TABLE_SIDES)
        if border_pt is None:
            _set(edge, val="nil")
            for attr in ("sz", "space", "color"):
                edge.attrib.pop(qn(f"w:{attr}"), None)
        else:
            _set(edge, val="single", sz=round(border_pt * 8), space=0, color="auto")
    _set(_child(tblpr, "w:tblLayout", _TBLPR_ORDER), type="fixed")
    margins = _child(tblpr, "w:tblCellMar", _TBLPR_ORDER)
    for side, value in zip(_MARGIN_SIDES, cell_margins_twips):
        _set(_child(margins, side, _MARGIN_SIDES), w=value, type="dxa")

    grid = _child(tbl, "w:tblGrid", ("w:tblGrid", "w:tr"))
    for col in list(grid):
        grid.remove(col)
    for width in widths_twips:
        _set(etree.SubElement(grid, qn("w:gridCol")), w=width)

    for tr in tbl.iterfind(qn("w:tr")):
        column = 0
        for tc in tr.iterfind(qn("w:tc")):
            tcpr = _first(tc, "w:tcPr")
            span_el = tcpr.find(qn("w:gridSpan"))
            span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
            width = sum(widths_twips[column : column + span])
            _set(_child(tcpr, "w:tcW", _TCPR_ORDER), w=width, type="dxa")
            column += span


def set_cell_vertical_center(tc: etree._Element) -> None:
    """Centre the content of ``tc`` vertically."""
    tcpr = _first(tc, "w:tcPr")
    _set(_child(tcpr, "w:vAlign", _TCPR_ORDER), val="center")


def set_row(tr: etree._Element, *, header: bool = False, cant_split: bool = True) -> None:
    """Row flags: repeat as a header row on every page, and never break across pages."""
    trpr = _first(tr, "w:trPr")
    if cant_split:
        _child(trpr, "w:cantSplit", ("w:cantSplit", "w:tblHeader"))
    if header:
        _child(trpr, "w:tblHeader", ("w:tblHeader",))


# -- sections -------------------------------------------------------------------------


def set_page_number_start(sectpr: etree._Element, start: int) -> None:
    """Restart page numbering at ``start`` in this section."""
    _set(_child(sectpr, "w:pgNumType", _SECTPR_ORDER), start=start)


def ends_section(p: etree._Element) -> bool:
    """True if paragraph ``p`` already carries a section break (``w:pPr/w:sectPr``)."""
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:sectPr")) is not None


def break_section_at(p: etree._Element, sentinel: etree._Element) -> None:
    """End the current section with paragraph ``p``: it gets a copy of the body's last ``w:sectPr``.

    The body's ``w:sectPr`` then governs the next section; its header references are
    dropped so the caller can give the new section its own headers.
    """
    placeholder = _child(_ppr(p), "w:sectPr", _PPR_ORDER)
    placeholder.getparent().replace(placeholder, copy.deepcopy(sentinel))
    for ref in sentinel.findall(qn("w:headerReference")) + sentinel.findall(qn("w:footerReference")):
        sentinel.remove(ref)
    for tag in ("w:pgNumType", "w:titlePg"):
        found = sentinel.find(qn(tag))
        if found is not None:
            sentinel.remove(found)


# -- drawings and package parts -------------------------------------------------------


def set_picture_description(inline: etree._Element, text: str) -> None:
    """Alternative text of an inline picture (``wp:docPr/@descr``)."""
    doc_pr = inline.find(qn("wp:docPr"))
    if doc_pr is not None:
        doc_pr.set("descr", text)


def clear_core_dates(core: etree._Element) -> None:
    """Remove ``dcterms:created``/``modified`` and ``cp:lastPrinted`` (no clock time when undated)."""
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for found in core.findall(qn(tag)):
            core.remove(found)


def elements(root: etree._Element, tag: str) -> Iterable[etree._Element]:
    """Every ``tag`` element under ``root`` (``w:p``, ``w:r`` …)."""
    return root.iter(qn(tag))


def is_element(element: object, tag: str) -> bool:
    """True if ``element`` is a ``tag`` element."""
    return isinstance(element, BaseOxmlElement) and element.tag == qn(tag)
