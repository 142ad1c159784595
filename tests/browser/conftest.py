"""A real JupyterLab on loopback, driven by Debian's Chromium through Playwright.

The server runs on a copy of ``notebooks/`` in a temporary folder (so autosave never
writes outputs into the repository), with its own answers folder and settings. The
browser blocks every request that is not to 127.0.0.1 or localhost, and records it, so
a chart or widget that needs the internet fails fast and visibly. A failing test leaves
a full-page screenshot in ``test-artifacts/``.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium``
(``apt-get install chromium``). Without it these tests are skipped with a reason,
unless ``WORKBOOK_REQUIRE_BROWSER`` is set (CI sets it), when they fail instead.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path(os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"Debian's Chromium is not at {CHROMIUM} (install it with: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test here `browser`; skip (or fail, in CI) when the browser is missing."""
    reason = _missing_reason()
    for item in items:
        if Path(str(item.fspath)).parent != Path(__file__).parent:
            continue
        item.add_marker(pytest.mark.browser)
        if reason and not os.environ.get("WORKBOOK_REQUIRE_BROWSER"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """A JupyterLab server started for the tests; `url(path)` adds the token."""

    def __init__(self, root: Path, port: int, token: str, process: subprocess.Popen, log: Path) -> None:
        self.root, self.port, self.token, self.process, self.log = root, port, token, process, log

    def url(self, path: str) -> str:
        joiner = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}{joiner}token={self.token}"


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    reason = _missing_reason()
    if reason:
        pytest.fail(reason) if os.environ.get("WORKBOOK_REQUIRE_BROWSER") else pytest.skip(reason)
    base = tmp_path_factory.mktemp("lab")
    root = base / "notebooks"
    shutil.copytree(NOTEBOOKS, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = base / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    env = dict(os.environ)
    env.update(
        WORKBOOK_ANSWERS_DIR=str(base / "answers"),
        JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    port, token = _free_port(), secrets.token_hex(16)
    log = base / "server.log"
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
        "--ip", "127.0.0.1", f"--port={port}", "--port-retries=0",
        f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = LabServer(root, port, token, process, log)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(server.url("api/status"), timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("JupyterLab did not start:\n" + log.read_text(errors="replace")[-3000:])
        time.sleep(0.3)
    yield server
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    reason = _missing_reason()
    if reason:
        pytest.fail(reason) if os.environ.get("WORKBOOK_REQUIRE_BROWSER") else pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


class OfflinePage:
    """A browser page that may only talk to loopback; `blocked` lists what it tried."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.blocked: list[str] = []
        self.console_errors: list[str] = []


@pytest.fixture
def offline_page(browser: object, request: pytest.FixtureRequest) -> Iterator[OfflinePage]:
    height = int(os.environ.get("WORKBOOK_SCREEN_HEIGHT", "1000"))
    context = browser.new_context(viewport={"width": 1400, "height": height})
    page = context.new_page()
    wrapped = OfflinePage(page)

    def route(route_: object) -> None:
        host = urlparse(route_.request.url).hostname or ""
        if route_.request.url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route_.continue_()
        else:
            wrapped.blocked.append(route_.request.url)
            route_.abort()

    context.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and wrapped.console_errors.append(message.text))
    page.set_default_timeout(30_000)
    yield wrapped
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            (ARTIFACTS / f"{name}.blocked.txt").write_text("\n".join(wrapped.blocked), encoding="utf-8")
        except Exception as error:  # the page may be gone; the failure itself is the report
            print(f"could not save a screenshot: {error}")
    context.close()
