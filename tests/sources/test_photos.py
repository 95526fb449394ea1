"""Press photos that are too large, truncated or not images: a located problem at validation,
never an internal error, a raw Pillow warning or a build that eats the memory."""

from __future__ import annotations

import io
import struct
import time
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image

from umt_reports.cli import main
from umt_reports.messages import render
from umt_reports.sources.photos import MAX_PIXELS, MAX_SIDE_PX, check_photo, load_photo


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG declaring ``width`` × ``height`` grey pixels whose data holds only 50 rows (a bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    rows = b"".join(packer.compress(b"\x00" * (width + 1)) for _ in range(50)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def _jpeg(width: int = 400, height: int = 300) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def with_photo(
    tmp_path: Path, write_yaml: Callable[..., Path], sample_data: dict[str, Any]
) -> Callable[[bytes, str], Path]:
    """A data file whose single press photo is ``photos/<name>`` holding ``data``."""

    def make(data: bytes, name: str) -> Path:
        (tmp_path / "photos" / name).write_bytes(data)
        sample_data["press"]["photos"] = [{"file": f"photos/{name}", "caption": "Ảnh"}]
        return write_yaml(sample_data)

    return make


def _photo_line(path: Path, name: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if name in line)


@pytest.mark.parametrize(
    ("data", "name", "reason", "words"),
    [
        (_png_header_only(20_000, 20_000), "bom.png", "too_large", "quá lớn (hơn 64 triệu điểm ảnh)"),
        (_png_header_only(11_000, 11_000), "lon.png", "too_large", "quá lớn (hơn 64 triệu điểm ảnh)"),
        (_jpeg()[:1500], "cut.jpg", "truncated", "bị hỏng hoặc không trọn vẹn"),
        (b"not an image at all", "fake.jpg", "unreadable", "cần tệp ảnh JPEG hoặc PNG"),
    ],
)
def test_a_bad_photo_is_a_located_problem_in_validate_and_build(
    tmp_path: Path, with_photo: Callable[[bytes, str], Path], data: bytes, name: str, reason: str, words: str
) -> None:
    path = with_photo(data, name)
    assert check_photo(tmp_path / "photos" / name) == reason
    line = _photo_line(path, name)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # -- Pillow's DecompressionBombWarning would fail the test --
        for args in (
            ["validate", str(path)],
            ["build", str(path), "--out", str(tmp_path / "out"), "--kind", "press", "--format", "html"],
        ):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 2, result.output
            assert f"meeting.yaml:{line}: " in result.output and f"photos/{name}" in result.output
            assert words in result.output
            assert "Warning" not in result.output and "Lỗi nội bộ" not in result.output
    assert time.perf_counter() - started < 20  # -- a hang guard only --
    assert not (tmp_path / "out").exists()


def test_the_too_large_message_states_the_pixel_limit() -> None:
    millions = MAX_PIXELS // 1_000_000
    assert f"{millions} triệu" in render("photo.too_large", {"file": "a.png"}, "vi")
    assert f"{millions} million" in render("photo.too_large", {"file": "a.png"}, "en")


def test_a_photo_of_exactly_the_limit_passes_and_one_pixel_more_does_not(tmp_path: Path) -> None:
    side = 8000
    assert side * side == MAX_PIXELS
    (tmp_path / "edge.png").write_bytes(_png_header_only(side, side))
    (tmp_path / "over.png").write_bytes(_png_header_only(side, side + 1))
    assert check_photo(tmp_path / "over.png") == "too_large"
    assert check_photo(tmp_path / "edge.png") is None  # -- within the limit: decoded (Pillow accepts a short stream) --


def test_a_png_cut_short_is_truncated(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.effect_noise((300, 300), 60).save(out, "PNG")
    (tmp_path / "cut.png").write_bytes(out.getvalue()[: len(out.getvalue()) // 2])
    assert check_photo(tmp_path / "cut.png") == "truncated"


@pytest.mark.slow
def test_a_large_camera_jpeg_is_decoded_at_a_reduced_scale_and_scaled_to_the_longest_side(tmp_path: Path) -> None:
    path = tmp_path / "camera.jpg"
    path.write_bytes(_jpeg(6000, 4000))
    assert check_photo(path) is None
    photo = load_photo(path)
    assert photo.width_px == MAX_SIDE_PX and abs(photo.height_px - MAX_SIDE_PX * 2 / 3) < 1
    with Image.open(io.BytesIO(photo.data)) as image:
        assert image.format == "JPEG" and image.mode == "RGB"
