"""Draw the sample meeting's illustrative photo (a hall with a stage and rows of seats).

The project makes its own sample image so nothing is taken from the web:
``python scripts/draw_sample_photo.py samples/u-minh-thuong-2022/photos/quang-canh.jpg``
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter


def draw(width: int = 1200, height: int = 800, seed: int = 2022) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (226, 214, 190))
    pen = ImageDraw.Draw(image)
    pen.rectangle([0, 0, width, int(height * 0.45)], fill=(182, 40, 40))  # stage backdrop
    pen.rectangle([int(width * 0.15), int(height * 0.08), int(width * 0.85), int(height * 0.2)], fill=(236, 200, 60))
    pen.rectangle([0, int(height * 0.45), width, int(height * 0.52)], fill=(120, 80, 50))  # stage front
    for row in range(6):  # rows of seated people, seen from behind
        y = int(height * 0.58) + row * int(height * 0.07)
        radius = 14 + row * 3
        for col in range(16):
            x = int(width * 0.04) + col * int(width * 0.06) + rng.randint(-4, 4)
            shirt = rng.choice([(250, 250, 250), (230, 236, 245), (60, 90, 140), (245, 245, 235)])
            pen.ellipse([x - radius * 1.6, y + radius * 0.8, x + radius * 1.6, y + radius * 3.2], fill=shirt)
            pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(30, 26, 24))
    return image.filter(ImageFilter.SMOOTH)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "quang-canh.jpg")
    draw().save(out, format="JPEG", quality=82, optimize=True)
    print(out)
