"""Press photos: read, turn upright (EXIF), flatten to RGB and scale, for every renderer.

In: an image file. Out: :class:`Photo` JPEG bytes that DOCX, PDF/A (no alpha, no
ICC surprises) and HTML can all embed as they are.

Validation decodes the whole image (a truncated JPEG passes Pillow's ``verify()``), and an
image over :data:`MAX_PIXELS` is refused from its header before any pixel is decoded, so a
decompression bomb costs nothing and Pillow's own bomb warning is never printed. JPEGs are
decoded at a reduced scale (libjpeg's draft mode) when they are larger than needed.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

__all__ = ["MAX_PIXELS", "MAX_SIDE_PX", "PhotoData", "check_photo", "load_photo"]

#: Longest side kept; text width at 300 dpi is about 1,950 px, portals show ~1,000 px.
MAX_SIDE_PX = 1600
_JPEG_QUALITY = 85
#: Largest photo accepted, in pixels: a 61-megapixel camera fits, an 11,000 × 11,000 scan does
#: not (the messages ``photo.too_large`` state this number in millions).
MAX_PIXELS = 64_000_000


@dataclass(frozen=True)
class PhotoData:
    """An upright RGB JPEG and its size in pixels."""

    data: bytes
    width_px: int
    height_px: int


def check_photo(path: Path) -> str | None:
    """``None`` when ``path`` is an image we can print, else the reason: ``missing``,
    ``unreadable``, ``too_large`` (over :data:`MAX_PIXELS`) or ``truncated`` (it does not
    decode to the end).

    The image is decoded and turned upright as :func:`load_photo` will do, so that a photo
    validation accepts never fails the build."""
    if not path.is_file():
        return "missing"
    try:
        with _opened(path) as image:
            image.load()
            ImageOps.exif_transpose(image)
    except (_TooLarge, MemoryError):
        return "too_large"
    except (UnidentifiedImageError, SyntaxError):
        return "unreadable"
    except (OSError, ValueError, EOFError):
        return "truncated"
    except Exception:
        return "unreadable"
    return None


def load_photo(path: Path) -> PhotoData:
    """The photo at ``path`` as an upright, RGB, at most ``MAX_SIDE_PX`` JPEG (no metadata).

    ``path`` must have passed :func:`check_photo`."""
    with _opened(path) as original:
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


class _TooLarge(Exception):
    """The image has more than :data:`MAX_PIXELS` pixels."""


@contextmanager
def _opened(path: Path) -> Iterator[Image.Image]:
    """``path`` opened lazily (header only), refused when over :data:`MAX_PIXELS`, and set to
    decode a JPEG no larger than needed. Pillow's bomb warning and error become :class:`_TooLarge`."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _TooLarge from None
    with image:
        if image.width * image.height > MAX_PIXELS:
            raise _TooLarge
        if image.format == "JPEG":
            image.draft("RGB", (MAX_SIDE_PX, MAX_SIDE_PX))
        yield image
