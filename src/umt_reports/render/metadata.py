"""Document facts as the file formats' metadata fields can hold them.

DOCX core properties refuse text longer than 255 characters (python-docx raises on
``title``, ``subject`` and ``keywords``), and readers show PDF /Title and /Subject on one
line; so every format writes the same shortened texts (:func:`umt_reports.vn.shorten`),
and the full ones stay in the document and the manifest.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from umt_reports import vn

__all__ = ["METADATA_LIMIT", "metadata_keywords", "metadata_text"]

#: Characters of one metadata field (the DOCX core properties' limit, used by every format).
METADATA_LIMIT: Final = 255


def metadata_text(text: str) -> str:
    """``text`` on one line, cut to :data:`METADATA_LIMIT` characters at a word boundary."""
    return vn.shorten(vn.clean_spaces(text), METADATA_LIMIT)


def metadata_keywords(keywords: Iterable[str]) -> str:
    """The keywords joined with ``", "``, each whole, as many as fit (the first one cut when
    it alone is too long)."""
    kept: list[str] = []
    for keyword in (vn.clean_spaces(k) for k in keywords):
        if not keyword or keyword in kept:
            continue
        if len(", ".join([*kept, keyword])) > METADATA_LIMIT:
            if not kept:
                kept.append(metadata_text(keyword))
            break
        kept.append(keyword)
    return ", ".join(kept)
