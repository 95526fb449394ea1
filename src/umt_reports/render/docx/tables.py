"""Table-shaped blocks as Word tables: the official header, data tables, the signature block.

In: one block and the python-docx document (tables are only drawn in the body).
Out: the Word table, with fixed column widths written both as ``w:gridCol`` and as
every cell's ``w:tcW`` (LibreOffice ignores one without the other). Widths come from
the preset (header columns, signature column, cell padding) or from the block itself
(data columns as fractions of the text width).
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Pt
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from umt_reports.documents.document import Block, Cell, HeaderBlock, Para, Rule, SignatureBlock, Spacer, Table
from umt_reports.render.docx import _oxml
from umt_reports.render.docx.paragraphs import ParagraphDrawer
from umt_reports.render.measure import PT_PER_MM, fitted_size

__all__ = ["HEADER_ROLE", "TableDrawer"]

#: Role of a data table's header row.
HEADER_ROLE = "table.header"

_NO_MARGINS = (0, 0, 0, 0)


class TableDrawer:
    """Draws HeaderBlock, Table and SignatureBlock as Word tables at the end of the body."""

    def __init__(self, word: WordDocument, paragraphs: ParagraphDrawer) -> None:
        """Tables are appended to ``word``'s body; cell content is drawn by ``paragraphs``."""
        self._word = word
        self._paragraphs = paragraphs
        self._preset = paragraphs.styles.preset

    def header(self, block: HeaderBlock) -> WordTable:
        """The borderless two-column header, columns :attr:`Preset.header_columns_mm` wide, no cell margins."""
        widths_mm = self._preset.header_columns_mm
        table = self._word.add_table(rows=len(block.rows), cols=len(widths_mm))
        for (left, right), row in zip(block.rows, table.rows):
            for blocks, cell, width_mm in zip((left, right), row.cells, widths_mm):
                self.fill(cell, blocks, width_mm * PT_PER_MM, fit=True)
            _oxml.set_row(row._tr, cant_split=True)
        _oxml.set_table_geometry(
            table._tbl,
            [_oxml.mm_to_twips(w) for w in widths_mm],
            border_pt=None,
            cell_margins_twips=_NO_MARGINS,
        )
        return table

    def data(self, block: Table) -> WordTable:
        """A grid: header row repeated on every page, rows never split, merged group cells."""
        text_mm = self._paragraphs.text_width_pt / PT_PER_MM
        widths_mm = [column.width * text_mm for column in block.columns]
        pad_pt = self._preset.cell_padding_pt
        pad = _oxml.pt_to_twips(pad_pt)
        table = self._word.add_table(rows=1 + len(block.rows), cols=len(block.columns))
        # -- rows and cells are taken from the XML once: python-docx's ``table.cell`` and
        # -- ``table.rows[i]`` rebuild the whole grid on every call (quadratic in big tables) --
        header, *rows = table._tbl.tr_lst
        for column, tc, width_mm in zip(block.columns, header.tc_lst, widths_mm):
            self.fill(_Cell(tc, table), (Para.of(HEADER_ROLE, column.header),), width_mm * PT_PER_MM - 2 * pad_pt)
            _oxml.set_cell_vertical_center(tc)
        _oxml.set_row(header, header=True, cant_split=True)
        for index, (cells, tr) in enumerate(zip(block.rows, rows), start=1):
            self._data_row(table, tr, index, cells, block, widths_mm)
            _oxml.set_row(tr, cant_split=True)
        # -- the header row and the first data row keep with the next row (Word's rule for
        #    rows): a page never ends with the header and one row under it --
        for tr in [header, *rows[:1]] if len(rows) > 1 else []:
            for p in tr.iter(qn("w:p")):
                _oxml.keep_with_next(p)
        _oxml.set_table_geometry(
            table._tbl,
            [_oxml.mm_to_twips(w) for w in widths_mm],
            border_pt=self._preset.grid_pt,
            cell_margins_twips=(pad, pad, pad, pad),
            center=True,
        )
        return table

    def signature(self, block: SignatureBlock) -> WordTable:
        """Recipients left, signer right (:attr:`Preset.signature_column` of the text width); one unsplittable row.

        Every paragraph of the row keeps with the next, so the row moves as one.
        """
        text_pt = self._paragraphs.text_width_pt
        right_pt = self._preset.signature_column * text_pt
        widths_pt = (text_pt - right_pt, right_pt)
        table = self._word.add_table(rows=1, cols=2)
        row = table.rows[0]
        for blocks, cell, width_pt in zip((block.left, block.right), row.cells, widths_pt):
            for paragraph in self.fill(cell, blocks, width_pt):
                _oxml.keep_with_next(paragraph._p)
        _oxml.set_row(row._tr, cant_split=True)
        _oxml.set_table_geometry(
            table._tbl,
            [_oxml.pt_to_twips(w) for w in widths_pt],
            border_pt=None,
            cell_margins_twips=_NO_MARGINS,
        )
        return table

    def fill(self, cell: _Cell, blocks: tuple[Block, ...], available_pt: float, fit: bool = False) -> list[Paragraph]:
        """Draw ``blocks`` (Para, Rule, Spacer) into ``cell``, ``available_pt`` wide; the cell's placeholder
        paragraph is replaced. With ``fit``, a line wider than the cell drops to its role's ``fit_size``."""
        placeholder = cell.paragraphs[0]
        drawn: list[Paragraph] = []
        for block in blocks:
            if isinstance(block, Para):
                paragraph = self._paragraphs.para(cell, block)
                style = self._preset.style(block.role)
                size = fitted_size(block.text, style, self._paragraphs.family, available_pt) if fit else style.size
                if size != style.size:
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
                drawn.append(paragraph)
            elif isinstance(block, Rule):
                drawn.append(self._paragraphs.rule(cell, block, available_pt))
            elif isinstance(block, Spacer):
                drawn.append(self._paragraphs.spacer(cell, block))
            else:
                raise TypeError(f"a table cell holds paragraphs, rules and spacers, not {type(block).__name__}")
        if drawn:
            placeholder._p.getparent().remove(placeholder._p)
        else:
            drawn.append(placeholder)
        return drawn

    def _data_row(
        self,
        table: WordTable,
        tr: CT_Row,
        index: int,
        cells: tuple[Cell, ...],
        block: Table,
        widths_mm: list[float],
    ) -> None:
        """Fill row ``tr`` (number ``index``) from ``cells``, merging a cell with ``span - 1`` cells to its right."""
        if sum(cell.span for cell in cells) > len(block.columns):
            raise ValueError(
                f"table row {index} spans {sum(c.span for c in cells)} columns, the table has {len(block.columns)}"
            )
        pad_pt = self._preset.cell_padding_pt
        # -- one w:tc per grid column before any merge; a merge keeps the first and drops the rest --
        grid = list(tr.tc_lst)
        position = 0
        for cell in cells:
            target = _Cell(grid[position], table)
            if cell.span > 1:
                target = target.merge(_Cell(grid[position + cell.span - 1], table))
            role = cell.role or block.columns[position].role
            width_pt = sum(widths_mm[position : position + cell.span]) * PT_PER_MM - 2 * pad_pt
            self.fill(target, (Para.of(role, cell.text),), width_pt)
            position += cell.span
