"""The desk in a real browser (Debian's Chromium driven by Playwright), against a real server.

Screenshots of the main pages go to ``$UMT_DESK_SHOTS`` when it is set (README's
docs/images/desk-*.png are made so), else to the test's temporary folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import openpyxl
import pikepdf
import pytest

from tests.desk.conftest import SAMPLES, Server

pytestmark = pytest.mark.slow

WORKBOOK = SAMPLES / "meeting.xlsx"
PHOTO = SAMPLES / "photos" / "quang-canh.jpg"
REPORT_PDF = "2022-06-22_bao-cao_25-BC-UBND.pdf"


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("UMT_DESK_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def count_outside_requests(context: Any) -> list[str]:
    """Abort and record every request that would leave the machine."""
    outside: list[str] = []

    def handle(route: Any) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost", "::1"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return outside


def wait_done(page: Any) -> None:
    page.wait_for_selector(".status-done, .status-failed", timeout=180_000)


def test_sample_workbook_in_chromium_gives_a_pdfa_report_and_no_request_leaves(
    local_desk: Server, browser_context: Any, tmp_path: Path
) -> None:
    outside = count_outside_requests(browser_context)
    page = browser_context.new_page()
    page.goto(local_desk.url + "/")
    assert page.locator("input[name=kinds][value=report]").is_checked()
    assert page.locator("input[name=formats][value=docx]").is_checked()
    assert page.locator("input[name=formats][value=pdf]").is_checked()
    page.screenshot(path=str(shots(tmp_path) / "desk-upload.png"), full_page=True)
    page.set_input_files("#files", [str(WORKBOOK)])  # -- the workbook alone: the report prints no photo --
    page.get_by_role("button", name="Lập văn bản").click()
    wait_done(page)
    assert page.locator("#verdict").inner_text().startswith("✓ Khớp")
    link = page.locator(f"a[href$='/{REPORT_PDF}']")
    assert link.get_attribute("href").endswith(f"/files/{REPORT_PDF}")
    thumbs = page.locator(".thumbs img")
    assert thumbs.count() == 2
    assert page.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    page.screenshot(path=str(shots(tmp_path) / "desk-results.png"), full_page=True)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == REPORT_PDF
    pdf_path = tmp_path / REPORT_PDF
    download.save_as(pdf_path)
    with pikepdf.open(pdf_path) as pdf:
        meta = pdf.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("2", "B")
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    assert "BÁO CÁO" in text and "25/BC-UBND" in text
    assert outside == []


def _broken_workbook(tmp_path: Path) -> Path:
    book = openpyxl.load_workbook(WORKBOOK)
    book["Khen thưởng"]["F3"] = "mười"
    path = tmp_path / "hoi-nghi.xlsx"
    book.save(path)
    return path


def test_broken_workbook_shows_its_sheet_and_cell_and_offers_it_back_marked(
    local_desk: Server, browser_context: Any, tmp_path: Path
) -> None:
    page = browser_context.new_page()
    page.goto(local_desk.url + "/")
    page.set_input_files("#files", [str(_broken_workbook(tmp_path)), str(PHOTO)])
    page.get_by_role("button", name="Lập văn bản").click()
    wait_done(page)
    problems = page.locator("#problems li")
    assert problems.count() == 1
    assert problems.first.inner_text() == (
        "Khen thưởng!F3: «Số lượng (Khen thưởng)»: «mười» không phải là số nguyên. "
        "Cần một số nguyên, ví dụ 5 hoặc 1.000.000."
    )
    page.screenshot(path=str(shots(tmp_path) / "desk-problems.png"), full_page=True)
    with page.expect_download() as info:
        page.locator("a[href$='/hoi-nghi-loi.xlsx']").click()
    marked = tmp_path / "marked.xlsx"
    info.value.save_as(marked)
    cell = openpyxl.load_workbook(marked)["Khen thưởng"]["F3"]
    assert cell.fill.fgColor.rgb == "FFFFC7CE"
    assert "không phải là số nguyên" in cell.comment.text


def test_login_wrong_password_roles_and_forged_post(office_desk: Server, browser_context: Any, tmp_path: Path) -> None:
    page = browser_context.new_page()
    page.goto(office_desk.url + "/")
    assert urlparse(page.url).path == "/login"
    page.screenshot(path=str(shots(tmp_path) / "desk-login.png"), full_page=True)
    page.fill("#name", "thuky")
    page.fill("#password", "sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    assert urlparse(page.url).path == "/login"
    assert page.get_by_role("alert").inner_text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert page.locator("#files").count() == 0
    page.fill("#password", "mk-thuky-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    assert urlparse(page.url).path == "/"
    assert page.locator("#files").is_visible()
    # -- a forged POST (no CSRF token) from the signed-in browser is refused --
    forged = page.request.post(office_desk.url + "/jobs", multipart={"kinds": "report"})
    assert forged.status == 403
    # -- the secretary builds, but may not store in the archive --
    page.set_input_files("#files", [str(WORKBOOK), str(PHOTO)])
    page.get_by_role("button", name="Lập văn bản").click()
    wait_done(page)
    assert page.locator("#store").count() == 0
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    job = urlparse(page.url).path
    stored = page.request.post(office_desk.url + job + "/archive", form={"csrf": token})
    assert stored.status == 403
    assert page.request.get(office_desk.url + "/archive").status == 200


def test_archivist_stores_finds_proves_and_exports(office_desk: Server, browser_context: Any, tmp_path: Path) -> None:
    page = browser_context.new_page()
    page.goto(office_desk.url + "/login")
    page.fill("#name", "luutru")
    page.fill("#password", "mk-luutru-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    page.set_input_files("#files", [str(WORKBOOK), str(PHOTO)])
    page.get_by_role("button", name="Lập văn bản").click()
    wait_done(page)
    page.locator("#store").click()
    assert "Đã lưu 25/BC-UBND" in page.locator("#archive").inner_text()
    page.goto(office_desk.url + "/archive?q=dan van")
    rows = page.locator("table.records tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td").first.inner_text() == "25/BC-UBND"
    page.screenshot(path=str(shots(tmp_path) / "desk-archive.png"), full_page=True)
    rows.first.locator("a").click()
    assert page.locator("#verify").inner_text().startswith("✓ Toàn vẹn")
    sha = page.locator("#sha256").inner_text()
    assert re.fullmatch(r"[0-9a-f]{64}", sha)
    assert "Trích yếu nội dung" in page.locator("dl.fields").inner_text()
    page.screenshot(path=str(shots(tmp_path) / "desk-document.png"), full_page=True)
    page.goto(office_desk.url + "/archive?q=dan van")
    with page.expect_download() as info:
        page.locator("#export").click()
    exported = tmp_path / "export.zip"
    info.value.save_as(exported)
    with zipfile.ZipFile(exported) as zf:
        names = zf.namelist()
    assert "index.xml" in names and any(n.endswith("25-BC-UBND.pdf") for n in names)
    actions = [line for line in (office_desk.home / "audit.log").read_text(encoding="utf-8").splitlines()]
    assert any('"action": "archive.store"' in line and '"user": "luutru"' in line for line in actions)
    assert any('"action": "archive.export"' in line for line in actions)


def test_press_officer_sees_the_news_item_its_fragment_and_photos(
    office_desk: Server, browser_context: Any, tmp_path: Path
) -> None:
    page = browser_context.new_page()
    page.goto(office_desk.url + "/login")
    page.fill("#name", "bientap")
    page.fill("#password", "mk-bientap-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    assert page.locator("input[name=kinds][value=press]").is_checked()
    assert not page.locator("input[name=kinds][value=report]").is_checked()
    page.set_input_files("#files", [str(WORKBOOK), str(PHOTO)])
    page.get_by_role("button", name="Lập văn bản").click()
    wait_done(page)
    page.locator("a[href$='/press']").click()
    fragment = page.locator("#fragment").input_value()
    assert fragment.lstrip().startswith("<") and "anh-1.jpg" in fragment
    frame = page.frame_locator("iframe.preview")
    assert "25/BC-UBND" not in frame.locator("body").inner_text()
    assert frame.locator("h1").count() == 1
    assert page.locator(".photos img").count() == 1
    assert page.get_by_role("button", name="Sao chép").is_visible()
    page.screenshot(path=str(shots(tmp_path) / "desk-press.png"), full_page=True)


def test_keyboard_only_run_of_the_main_flow(local_desk: Server, browser_context: Any, tmp_path: Path) -> None:
    page = browser_context.new_page()
    page.goto(local_desk.url + "/")
    focused = []
    for _ in range(12):  # -- Tab until the file field has the focus --
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id"))
        if focused[-1] == "files":
            break
    assert focused[-1] == "files", focused
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files([str(WORKBOOK), str(PHOTO)])
    while page.evaluate("document.activeElement.type") != "submit":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_done(page)
    while not (page.evaluate("document.activeElement.href || ''")).endswith(REPORT_PDF):
        page.keyboard.press("Tab")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename == REPORT_PDF
