"""PDF/A validation on the other core: the same verdict and the same bytes as validating inline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.render.pdf.test_pdfa import canvas_pdfa, helvetica_pdf

from umt_reports import load_meeting
from umt_reports.build import build, render_formats
from umt_reports.documents.document import Document
from umt_reports.documents.report import build_report
from umt_reports.errors import PdfaError
from umt_reports.render import RenderOptions, fonts
from umt_reports.render import pdfa_helper as background
from umt_reports.render.pdf.pdfa import require_pdfa

pytestmark = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2 or os.environ.get("UMT_VALIDATE_INLINE") is not None,
    reason="the helper runs only with two cores or more",
)


def _helper_pid() -> int:
    process = background._HELPER
    assert process is not None and process.pid is not None
    return process.pid


def test_a_build_with_docx_and_pdf_validates_in_the_helper_and_writes_the_same_bytes(
    sample_yaml: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    helped = build(sample_yaml, tmp_path / "helped", formats=["docx", "pdf"])
    assert _helper_pid() != os.getpid()
    monkeypatch.setenv("UMT_VALIDATE_INLINE", "1")
    monkeypatch.setattr(background, "_HELPER", None)
    inline = build(sample_yaml, tmp_path / "inline", formats=["docx", "pdf"])
    assert background._HELPER is None
    assert [f.sha256 for f in helped.files] == [f.sha256 for f in inline.files]
    assert [f.format for f in helped.files] == ["docx", "pdf"]  # -- the order asked for, PDF drawn first --
    assert helped.files[1].rendered.pdfa == "2B"


def test_a_lone_pdf_goes_to_a_helper_started_ahead_and_starts_none_itself(
    sample_yaml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = build_report(load_meeting(sample_yaml))
    process = background.helper()
    assert process is not None
    sent = process._sent
    [ahead] = render_formats(document, ["pdf"])
    assert process._sent == sent + 1  # -- drawn and validated there, while this process could read on --
    monkeypatch.setattr(background, "_HELPER", None)
    [alone] = render_formats(document, ["pdf"])
    assert background._HELPER is None  # -- nothing else to draw meanwhile: no helper for one PDF --
    assert ahead.data == alone.data and ahead.pdfa == "2B"


def test_a_failure_found_by_the_helper_is_the_same_pdfa_error_as_inline() -> None:
    process = background.helper()
    assert process is not None
    with pytest.raises(PdfaError) as here:
        require_pdfa(helvetica_pdf())
    finish = background.Finishing(process).start(helvetica_pdf())
    with pytest.raises(PdfaError) as helped:
        finish()
    assert helped.value.problems == here.value.problems
    assert helped.value.problems[0].code == "render.pdfa_failed"
    assert "not embedded" in helped.value.problems[0].params["findings"]


def test_the_helper_gives_back_the_bytes_it_validated() -> None:
    data = canvas_pdfa(fonts.register(fonts.resolve_font()))
    process = background.helper()
    assert background.Finishing(process).start(data)() == data
    assert background.Finishing(None).start(data)() == data


def test_render_formats_returns_the_formats_in_the_order_asked(sample_yaml: Path) -> None:
    document = build_report(load_meeting(sample_yaml))
    rendered = render_formats(document, ["pdf", "docx", "html"])
    assert [r.suffix for r in rendered] == [".pdf", ".docx", ".html"]
    assert rendered[0].pdfa == "2B" and rendered[0].pages == 2


def test_a_pdf_that_finds_the_helper_busy_is_drawn_here_and_validated_there(
    sample_yaml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = build_report(load_meeting(sample_yaml))
    inline = render_formats(document, ["pdf"])[0]  # -- one format: drawn and validated here --
    process = background.helper()
    assert process is not None
    sent: list[str] = []
    send = process.send

    def counted(message: tuple[object, ...]) -> int:
        sent.append(str(message[0]))
        return send(message)

    monkeypatch.setattr(process, "send", counted)
    monkeypatch.setattr(process, "backlog", lambda: background.BUSY_BACKLOG)
    busy = render_formats(document, ["docx", "pdf"])
    assert sent == ["validate"]
    assert busy[1].data == inline.data and busy[1].pdfa == "2B"
    monkeypatch.setattr(process, "backlog", lambda: background.BUSY_BACKLOG - 1)
    free = render_formats(document, ["docx", "pdf"])
    assert sent == ["validate", "draw"] and free[1].data == inline.data


def test_the_backlog_is_the_messages_the_helper_has_not_answered_yet() -> None:
    import time

    good = canvas_pdfa(fonts.register(fonts.resolve_font()))
    process = background.helper()
    assert process is not None and process.backlog() == 0
    finishing = background.Finishing(process)
    takes = [finishing.start(good) for _ in range(3)]
    assert 0 <= process.backlog() <= 3
    deadline = time.monotonic() + 30
    while process.backlog() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.backlog() == 0  # -- the replies were read as they came --
    assert [take() for take in takes] == [good] * 3


def test_a_batch_worker_does_not_start_a_helper_of_its_own() -> None:
    background.allow_helper(False)
    try:
        assert background.helper() is None and not background.start_helper()
    finally:
        background.allow_helper(True)


def test_remembered_schema_checks_never_hide_a_failure(sample_yaml: Path) -> None:
    from umt_reports.render.pdf import pdfa

    good = render_formats(build_report(load_meeting(sample_yaml)), ["pdf"])[0].data
    pdfa.require_pdfa(good)
    assert pdfa._PASSED_CHECKS  # -- the checks that passed are remembered --
    bad = helvetica_pdf()
    first, second = pdfa.pdfa_findings(bad), pdfa.pdfa_findings(bad)
    assert first is not None and first == second  # -- a failing check runs again and reports again --
    assert pdfa.pdfa_findings(good) is None


def test_verdicts_come_back_to_the_pdf_they_belong_to_in_any_order() -> None:
    good = canvas_pdfa(fonts.register(fonts.resolve_font()))
    process = background.helper()
    assert process is not None
    finishing = background.Finishing(process)
    first, bad, last = finishing.start(good), finishing.start(helvetica_pdf()), finishing.start(good)
    assert last() == good
    with pytest.raises(PdfaError):
        bad()
    assert first() == good


def test_a_killed_helper_leaves_the_validation_to_this_process() -> None:
    import signal

    good = canvas_pdfa(fonts.register(fonts.resolve_font()))
    process = background.helper()
    assert process is not None and process.pid is not None
    os.kill(process.pid, signal.SIGKILL)
    os.waitpid(process.pid, 0)
    assert background.Finishing(process).start(good)() == good
    with pytest.raises(PdfaError):
        background.Finishing(process).start(helvetica_pdf())()
    assert background._HELPER is None or background._HELPER is not process


def _long_document(rows: int) -> Document:
    """A report whose table runs over many pages: a large message one way, a large PDF back."""
    from umt_reports import style
    from umt_reports.documents.document import Cell, Column, DocMeta, Table

    meta = DocMeta(
        kind="report", type_name="Báo cáo", type_code="BC", subject="Danh sách", code=None,
        number=None, date=None, issuer="Ủy ban nhân dân", issuer_symbol="UBND",
    )  # fmt: skip
    table = Table(
        columns=(Column("STT", 0.1), Column("Họ và tên", 0.45), Column("Đơn vị", 0.45)),
        rows=tuple(
            (Cell(str(n)), Cell(f"Nguyễn Thị Thu Hương {n}"), Cell(f"Ủy ban nhân dân xã Thạnh Yên, ấp {n}"))
            for n in range(1, rows + 1)
        ),
    )
    return Document(meta=meta, preset=style.ND30, blocks=(table,))


@pytest.mark.slow  # -- two PDFs of about 90 pages --
def test_two_large_pdfs_in_flight_never_leave_both_processes_waiting() -> None:
    import pickle
    import threading

    documents = [_long_document(4000), _long_document(4100)]
    assert all(len(pickle.dumps(d)) > 300_000 for d in documents)
    process = background.helper()
    assert process is not None
    drawing = background.Drawing(process)
    results: list[int] = []

    def work() -> None:
        takes = [drawing.start(d, RenderOptions()) for d in documents]
        results.extend(len(take().data) for take in takes)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(120)
    assert not worker.is_alive(), "the parent and the helper are waiting for each other"
    assert len(results) == 2 and min(results) > 300_000  # -- more than a pipe holds --


def test_the_helper_answers_on_pipes_numbered_above_what_select_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if max(soft, hard if hard != resource.RLIM_INFINITY else soft) < 1200:
        pytest.skip("this system allows too few open files")
    if soft < 1200:
        resource.setrlimit(resource.RLIMIT_NOFILE, (1200, hard))
        monkeypatch.setattr(background, "_HELPER", None)
    fillers = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        monkeypatch.setattr(background, "_HELPER", None)
        process = background.helper()
        assert process is not None and min(process._in, process._out) > 1024
        good = canvas_pdfa(fonts.register(fonts.resolve_font()))
        take = background.Finishing(process).start(good)
        assert process.backlog() in (0, 1)  # -- looks whether the reply is there --
        assert take() == good
    finally:
        for fd in fillers:
            os.close(fd)
        if background._HELPER is not None:
            background._HELPER.close()
        if soft < 1200:
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_closing_a_helper_twice_leaves_files_opened_since_alone() -> None:
    process = background.Helper()
    number = process._in
    process.close()
    other = os.open(os.devnull, os.O_RDONLY)
    os.dup2(other, number)  # -- another file now has the number the helper's pipe had --
    try:
        process.close()
        os.fstat(number)  # -- still open --
    finally:
        os.close(number)
        os.close(other)
