"""The desk over HTTP against a real server: sessions, CSRF, roles, paths, limits, audit, concurrency."""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.desk.conftest import SAMPLES, Server, csrf_of, login, upload, wait_job

pytestmark = pytest.mark.slow

YAML = SAMPLES / "meeting.yaml"
PHOTO = SAMPLES / "photos" / "quang-canh.jpg"


def test_every_page_but_login_needs_a_session(shared_office_desk: Server) -> None:
    with shared_office_desk.client() as client:
        for path in ("/", "/archive", "/archive/1", "/jobs/" + "a" * 24, "/mau/mau-nhap-lieu.xlsx"):
            response = client.get(path)
            assert (response.status_code, response.headers.get("location")) == (303, "/login"), path
        assert client.get("/login").status_code == 200


def test_the_session_cookie_is_signed_httponly_and_lax_and_pages_carry_safety_headers(
    shared_office_desk: Server,
) -> None:
    with shared_office_desk.client() as client:
        response = client.get("/login")
        cookie = response.headers["set-cookie"].lower()
        assert cookie.startswith("umt_desk=") and "httponly" in cookie and "samesite=lax" in cookie
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        client.cookies.set("umt_desk", "eyJ1c2VyIjogImx1dXRydSJ9.forged.signature")
        assert client.get("/").headers.get("location") == "/login"


def test_posts_without_the_csrf_token_get_403(shared_office_desk: Server) -> None:
    with shared_office_desk.client() as client:
        client.get("/login")
        assert client.post("/login", data={"name": "thuky", "password": "mk-thuky-2026"}).status_code == 403
        assert login(client, "thuky", "mk-thuky-2026").headers["location"] == "/"
        forged = client.post("/jobs", data={"csrf": "x" * 43}, files=[("files", ("m.yaml", b"a: 1"))])
        assert forged.status_code == 403
        assert "Biểu mẫu đã hết hạn" in forged.text
        assert client.post("/logout").status_code == 403


def test_a_wrong_password_stays_out_and_the_right_one_reaches_the_form(shared_office_desk: Server) -> None:
    with shared_office_desk.client() as client:
        wrong = login(client, "thuky", "mk-sai")
        assert wrong.status_code == 401 and "Tên đăng nhập hoặc mật khẩu không đúng." in wrong.text
        assert client.get("/").status_code == 303
        assert login(client, "thuky", "mk-thuky-2026").status_code == 303
        assert 'id="files"' in client.get("/").text


def test_roles_are_enforced_and_jobs_are_their_owners(shared_office_desk: Server) -> None:
    with shared_office_desk.client() as secretary, shared_office_desk.client() as press:
        login(secretary, "thuky", "mk-thuky-2026")
        login(press, "bientap", "mk-bientap-2026")
        accepted = upload(secretary, [YAML, PHOTO], kinds="report", formats="pdf")
        assert accepted.status_code == 303
        job = accepted.headers["location"]
        page = wait_job(secretary, job)
        assert 'id="store"' not in page
        token = csrf_of(page)
        assert secretary.post(job + "/archive", data={"csrf": token}).status_code == 403
        export = secretary.post("/archive/export", data={"csrf": token})
        assert export.status_code == 403 and "Vai trò của tài khoản này không được làm việc này." in export.text
        assert press.get(job).status_code == 404  # -- another user's job does not exist for them --
        pdf = secretary.get(job + "/files/2022-06-22_bao-cao_25-BC-UBND.pdf")
        assert pdf.content.startswith(b"%PDF") and "attachment" in pdf.headers["content-disposition"]
        for name in ("job.json", "..%2Fjob.json", "..%2F..%2Faccounts.json", "%2Fetc%2Fpasswd"):
            assert secretary.get(f"{job}/files/{name}").status_code == 404, name
        entries = [json.loads(line) for line in (shared_office_desk.home / "audit.log").read_text().splitlines()]
        built = [e for e in entries if e["action"] == "build" and e["user"] == "thuky"]
        assert built and built[-1]["source"] == "meeting.yaml" and built[-1]["kinds"] == ["report"]
        assert any(e["action"] == "download" and e["file"].endswith(".pdf") for e in entries)


def test_an_unsupported_file_is_refused_by_the_same_gate_as_the_cli(shared_office_desk: Server, tmp_path: Path) -> None:
    table = tmp_path / "so-lieu.csv"
    table.write_text("a,b\n", encoding="utf-8")
    with shared_office_desk.client() as client:
        login(client, "thuky", "mk-thuky-2026")
        refused = upload(client, [table])
        assert refused.status_code == 400
        assert "so-lieu.csv: " in refused.text and "(.csv)" in refused.text
        assert list((shared_office_desk.home / "jobs").glob("*/input/so-lieu.csv")) == []


def test_failed_logins_are_rate_limited(office_desk: Server) -> None:
    with office_desk.client() as client:
        for _ in range(5):
            assert login(client, "luutru", "sai").status_code == 401
        held = login(client, "luutru", "mk-luutru-2026")
        assert held.status_code == 429 and "Đã nhập sai quá nhiều lần" in held.text


def test_ten_simultaneous_uploads_all_finish(local_desk: Server) -> None:
    def one(_: int) -> tuple[str, bytes]:
        with local_desk.client() as client:
            accepted = upload(client, [YAML, PHOTO], kinds="report", formats="pdf")
            assert accepted.status_code == 303
            page = wait_job(client, accepted.headers["location"], timeout=600)
            assert "Đã lập xong 1 tệp." in page
            name = re.search(r'href="([^"]+\.pdf)"', page)
            assert name
            return accepted.headers["location"], client.get(name.group(1)).content

    started = time.monotonic()
    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(one, range(10)))
    elapsed = time.monotonic() - started
    assert len({job for job, _ in results}) == 10
    assert all(pdf.startswith(b"%PDF") for _, pdf in results)
    print(f"10 uploads built in {elapsed:.1f} s")


def test_the_blank_workbook_downloads_from_the_page(shared_office_desk: Server, tmp_path: Path) -> None:
    import openpyxl

    with shared_office_desk.client() as client:
        login(client, "thuky", "mk-thuky-2026")
        assert 'href="/mau/mau-nhap-lieu.xlsx"' in client.get("/").text
        response = client.get("/mau/mau-nhap-lieu.xlsx")
    assert response.status_code == 200
    assert 'filename="mau-nhap-lieu.xlsx"' in response.headers["content-disposition"]
    path = tmp_path / "mau.xlsx"
    path.write_bytes(response.content)
    book = openpyxl.load_workbook(path)
    assert "Khen thưởng" in book.sheetnames and "Hội nghị" in book.sheetnames


def test_the_pages_speak_english_with_umt_lang(tmp_path: Path) -> None:
    from tests.desk.conftest import start_server, stop_server

    server = start_server(tmp_path / "home", lang="en")
    try:
        with server.client() as client:
            page = client.get("/").text
    finally:
        stop_server(server)
    assert '<html lang="en">' in page
    assert "Build documents from meeting data" in page and "Download the blank workbook (.xlsx)" in page
