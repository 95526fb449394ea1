"""Documents: turn a Meeting (+ issuer profile + style preset) into a :class:`Document`.

One module per kind (``report``, ...). Wording comes from Jinja2 templates in
``templates/``; the structure (which parts exist, their numbering) is decided here.
"""

from umt_reports.documents.document import (
    Annex,
    Block,
    Cell,
    Column,
    DocMeta,
    Document,
    HeaderBlock,
    Image,
    PageBreak,
    Para,
    Placed,
    PlacedLine,
    Rule,
    Run,
    SignatureBlock,
    Spacer,
    Table,
)

__all__ = [
    "Annex",
    "Block",
    "Cell",
    "Column",
    "DocMeta",
    "Document",
    "HeaderBlock",
    "Image",
    "PageBreak",
    "Para",
    "Placed",
    "PlacedLine",
    "Rule",
    "Run",
    "SignatureBlock",
    "Spacer",
    "Table",
]
