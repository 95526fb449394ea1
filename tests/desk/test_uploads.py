"""Uploads: safe names, one data file through the file gate, photos placed where the data says."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from umt_reports.desk.uploads import safe_name, save_uploads
from umt_reports.errors import InputError

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022"


class FakeUpload:
    """An uploaded file as Starlette gives it: a name and bytes read in chunks."""

    def __init__(self, filename: str, data: bytes):
        self.filename = filename
        self._data = data

    async def read(self, size: int = -1) -> bytes:
        size = len(self._data) if size < 0 else size
        chunk, self._data = self._data[:size], self._data[size:]
        return chunk


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\thu ky\\Hội nghị.xlsx", "Hội nghị.xlsx"),
        ("a/b/..", "tep"),
        ("bao cao; rm -rf.yaml", "bao cao_ rm -rf.yaml"),
        ("", "tep"),
    ],
)
def test_an_uploaded_name_keeps_only_its_last_part_and_safe_characters(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def save(uploads: list[FakeUpload], folder: Path, limit: int = 20 * 2**20):
    folder.mkdir(parents=True, exist_ok=True)
    return asyncio.run(save_uploads(uploads, folder, limit))  # type: ignore[arg-type]


def test_the_data_file_is_found_and_photos_go_where_the_data_says(tmp_path: Path) -> None:
    yaml_text = (SAMPLES / "meeting.yaml").read_bytes()
    photo = (SAMPLES / "photos" / "quang-canh.jpg").read_bytes()
    saved = save([FakeUpload("meeting.yaml", yaml_text), FakeUpload("quang-canh.jpg", photo)], tmp_path / "in")
    assert saved.data == tmp_path / "in" / "meeting.yaml"
    assert (tmp_path / "in" / "photos" / "quang-canh.jpg").read_bytes() == photo


def test_a_photo_path_leaving_the_folder_is_not_followed(tmp_path: Path) -> None:
    text = (SAMPLES / "meeting.yaml").read_text(encoding="utf-8").replace("photos/quang-canh.jpg", "../quang-canh.jpg")
    save([FakeUpload("meeting.yaml", text.encode()), FakeUpload("quang-canh.jpg", b"x")], tmp_path / "in")
    assert not (tmp_path / "quang-canh.jpg").exists()


def test_no_data_file_two_data_files_or_a_wrong_kind_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as none:
        save([FakeUpload("anh.jpg", b"x")], tmp_path / "a")
    assert [p.code for p in none.value.problems] == ["desk.no_data_file"]
    with pytest.raises(InputError) as two:
        save([FakeUpload("a.yaml", b"a: 1"), FakeUpload("b.xlsx", b"PK\x03\x04")], tmp_path / "b")
    assert str(two.value.problems[0]) == "Chỉ chọn một tệp dữ liệu mỗi lần; đã chọn: a.yaml, b.xlsx."
    with pytest.raises(InputError) as csv:
        save([FakeUpload("so-lieu.csv", b"a,b")], tmp_path / "c")
    assert [p.code for p in csv.value.problems] == ["file.unsupported_type"]


def test_a_file_over_the_limit_stops_while_it_is_read(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        save([FakeUpload("meeting.yaml", b"#" * 5000)], tmp_path / "d", limit=4096)
    assert caught.value.problems[0].code == "file.too_large"
