"""Empty ``--kind`` or ``--format`` choices: a stated input problem (exit 2), never an empty manifest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from umt_reports.build import build
from umt_reports.cli import main
from umt_reports.errors import InputError

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "u-minh-thuong-2022" / "meeting.yaml"


@pytest.mark.parametrize(
    ("kinds", "formats", "expected"),
    [
        ("", "", ["Chưa chọn loại văn bản nào (--kind)", "Chưa chọn định dạng nào (--format)"]),
        (" , ", "docx", ["Chưa chọn loại văn bản nào (--kind)"]),
        ("report", ",", ["Chưa chọn định dạng nào (--format)"]),
    ],
)
def test_no_kind_or_no_format_is_exit_2_and_writes_nothing(
    tmp_path: Path, kinds: str, formats: str, expected: list[str]
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "--out", str(out), "--kind", kinds, "--format", formats])
    assert result.exit_code == 2, result.output
    lines = [line.removeprefix("  - ") for line in result.output.splitlines()[1:]]
    assert [line.split(". Chọn trong:")[0] for line in lines] == expected
    assert not out.exists()


def test_the_api_refuses_empty_choices_too(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        build(SAMPLE, tmp_path / "out", kinds=[], formats=["docx"])
    assert [p.code for p in caught.value.problems] == ["build.no_kind"]
