"""Pictures for HTML: what type the bytes are, and how the page points at them.

In: :class:`~umt_reports.documents.document.Image` bytes. Out: a ``data:`` URI
(standalone page) or a file name plus the bytes to write beside the page (fragment).
JPEG and PNG pass through untouched (browsers read both and honour EXIF rotation);
any other picture Pillow reads is re-encoded as PNG.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import Final

from PIL import Image as PilImage

from umt_reports.errors import RenderError

__all__ = ["Picture", "data_uri", "file_name", "picture"]

_MAGIC: Final = ((b"\xff\xd8\xff", "jpeg", "jpg"), (b"\x89PNG\r\n\x1a\n", "png", "png"))
#: File names of fragment pictures: ``anh-1.jpg``, ``anh-2.png`` … in reading order.
FILE_STEM: Final = "anh"


@dataclass(frozen=True)
class Picture:
    """Image bytes a browser reads, their MIME subtype (``jpeg``/``png``) and file extension."""

    data: bytes
    subtype: str
    extension: str


def picture(data: bytes, alt: str = "") -> Picture:
    """``data`` as a JPEG or PNG picture, sniffed by its first bytes.

    Raises:
        RenderError: ``render.image_unreadable`` if the bytes are neither JPEG nor PNG
            and Pillow cannot decode them.
    """
    for magic, subtype, extension in _MAGIC:
        if data.startswith(magic):
            return Picture(data, subtype, extension)
    try:
        image = PilImage.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, PilImage.DecompressionBombError) as exc:
        raise RenderError.of("render.image_unreadable", name=alt, reason=str(exc)) from exc
    buf = io.BytesIO()
    # -- PNG keeps every mode Pillow may hand back (palette, alpha) and is deterministic --
    image.save(buf, format="PNG", optimize=False)
    return Picture(buf.getvalue(), "png", "png")


def data_uri(pic: Picture) -> str:
    """``data:image/jpeg;base64,…``."""
    return f"data:image/{pic.subtype};base64,{base64.b64encode(pic.data).decode('ascii')}"


def file_name(index: int, pic: Picture, prefix: str = "") -> str:
    """The name of the ``index``-th picture (from 1) written beside a fragment: ``anh-1.jpg``,
    or ``<prefix>anh-1.jpg`` (the build passes the page's stem, ``2022-06-22_tin-bai_``)."""
    return f"{prefix}{FILE_STEM}-{index}.{pic.extension}"
