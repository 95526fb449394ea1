"""Press photos: read, turn upright (EXIF), flatten to RGB and scale, for every renderer.

In: an image file. Out: :class:`Photo` JPEG bytes that DOCX, PDF/A (no alpha, no
ICC surprises) and HTML can all embed as they are.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

__all__ = ["MAX_SIDE_PX", "PhotoData", "check_photo", "load_photo"]

#: Longest side kept; text width at 300 dpi is about 1,950 px, portals show ~1,000 px.
MAX_SIDE_PX = 1600
_JPEG_QUALITY = 85


@dataclass(frozen=True)
class PhotoData:
    """An upright RGB JPEG and its size in pixels."""

    data: bytes
    width_px: int
    height_px: int


def check_photo(path: Path) -> str | None:
    """``None`` when ``path`` is a readable image, else a short reason."""
    if not path.is_file():
        return "missing"
    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return "unreadable"
    return None


def load_photo(path: Path) -> PhotoData:
    """The photo at ``path`` as an upright, RGB, at most ``MAX_SIDE_PX`` JPEG (no metadata)."""
    with Image.open(path) as original:
        image = ImageOps.exif_transpose(original)
        if image.mode in ("RGBA", "LA", "P"):
            image = image.convert("RGBA")
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        elif image.mode != "RGB":
            image = image.convert("RGB")
        image.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=_JPEG_QUALITY, optimize=True)
        return PhotoData(out.getvalue(), image.width, image.height)
