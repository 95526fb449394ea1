"""Desk fixtures: a real ``umt-reports serve`` on a free loopback port, and Debian's Chromium
driven by Playwright (its own browser download is not reachable)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "u-minh-thuong-2022"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running desk: its base URL, home folder and process."""

    url: str
    home: Path
    process: subprocess.Popen[str]

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60)


#: The installed command, beside the interpreter running the tests.
UMT = str(Path(sys.executable).parent / "umt-reports")


def umt(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the ``umt-reports`` command and wait for it."""
    env = {**os.environ, "UMT_LANG": "vi"}
    return subprocess.run([UMT, *args], check=False, input=stdin, capture_output=True, text=True, env=env, timeout=120)


def start_server(home: Path, *extra: str, lang: str = "vi") -> Server:
    port = free_port()
    env = {**os.environ, "UMT_LANG": lang}
    env.pop("UMT_ARCHIVE", None)
    home.mkdir(parents=True, exist_ok=True)
    log = home.parent / "serve.log"
    with log.open("w", encoding="utf-8") as out:  # -- the child keeps its own copy of the handle --
        process = subprocess.Popen(
            [UMT, "serve", "--port", str(port), "--home", str(home), *extra],
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve stopped: {log.read_text(encoding='utf-8')}")
        try:
            if httpx.get(url + "/login", timeout=2).status_code < 500:
                return Server(url, home, process)
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("serve did not start in 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture
def local_desk(tmp_path: Path) -> Iterator[Server]:
    """A desk for one person on loopback: no account, no login."""
    server = start_server(tmp_path / "home")
    yield server
    stop_server(server)


@pytest.fixture
def office_desk(tmp_path: Path) -> Iterator[Server]:
    """A desk with accounts (so every page but login needs a session): one per role."""
    home = tmp_path / "home"
    for name, role in (("thuky", "secretary"), ("luutru", "archivist"), ("bientap", "press")):
        done = umt("users", "add", name, "--role", role, "--home", str(home), stdin=f"mk-{name}-2026\n")
        assert done.returncode == 0, done.stderr
    server = start_server(home)
    yield server
    stop_server(server)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def login(client: httpx.Client, name: str, password: str) -> httpx.Response:
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"csrf": token, "name": name, "password": password})


def upload(client: httpx.Client, files: list[Path], **form: Any) -> httpx.Response:
    """Post the upload form with ``files``; returns the response (303 to the job page when accepted)."""
    token = csrf_of(client.get("/").text)
    parts = [("files", (path.name, path.read_bytes())) for path in files]
    return client.post("/jobs", data={"csrf": token, **form}, files=parts)


def wait_job(client: httpx.Client, job_url: str, timeout: float = 180) -> str:
    """The job page once the build has ended (it stops refreshing itself)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = client.get(job_url)
        if 'http-equiv="refresh"' not in page.text:
            return page.text
        time.sleep(0.5)
    raise AssertionError(f"{job_url} did not finish in {timeout} s")


@pytest.fixture
def browser_context(tmp_path: Path) -> Iterator[Any]:
    """A fresh Chromium profile driven by Playwright, downloads allowed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            accept_downloads=True,
            viewport={"width": 1200, "height": 900},
            locale="vi-VN",
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def shared_office_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One desk with accounts for a whole test module (tests that do not change its state)."""
    home = tmp_path_factory.mktemp("office") / "home"
    for name, role in (("thuky", "secretary"), ("luutru", "archivist"), ("bientap", "press")):
        done = umt("users", "add", name, "--role", role, "--home", str(home), stdin=f"mk-{name}-2026\n")
        assert done.returncode == 0, done.stderr
    server = start_server(home)
    yield server
    stop_server(server)
