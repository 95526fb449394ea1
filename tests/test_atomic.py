"""Tests for umt_reports.atomic: the one atomic-write helper every writer uses."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from umt_reports.atomic import file_mode, write_atomic, write_many_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_written_file_has_its_content_and_the_mode_of_a_plain_open_under_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "a.bin", b"new")
        plain = tmp_path / "plain.bin"
        plain.write_bytes(b"x")
        assert file_mode() == 0o640
    finally:
        os.umask(old)
    assert (tmp_path / "a.bin").read_bytes() == b"new"
    assert _mode(tmp_path / "a.bin") == _mode(plain) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "plain.bin"]


def test_a_writer_function_streams_into_the_file_and_durable_writes_the_same(tmp_path: Path) -> None:
    def write(handle: BinaryIO) -> None:
        handle.write(b"part 1, ")
        handle.write(b"part 2")

    write_atomic(tmp_path / "s.bin", write, durable=True)
    assert (tmp_path / "s.bin").read_bytes() == b"part 1, part 2"


def test_a_failing_writer_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "keep.txt"
    target.write_bytes(b"old")

    def broken(handle: BinaryIO) -> None:
        handle.write(b"half")
        raise ValueError("stop")

    with pytest.raises(ValueError, match="stop"):
        write_atomic(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_many_files_are_all_written_or_none_and_the_error_names_the_failing_target(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_bytes(b"old")
    missing = tmp_path / "no-such-folder" / "second.txt"
    with pytest.raises(OSError) as caught:
        write_many_atomic([(first, b"new"), (missing, b"new")])
    assert caught.value.filename == str(missing)
    assert first.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["first.txt"]

    second = tmp_path / "second.txt"
    write_many_atomic([(first, b"1"), (second, b"2")])
    assert (first.read_bytes(), second.read_bytes()) == (b"1", b"2")
