"""Lessons in a real browser: Run All to idle in JupyterLab, driven by Debian's Chromium (Playwright).

Used by ``python -m bench`` (not with ``--quick`` or ``--skip-browser``). A JupyterLab server
runs on loopback on a copy of ``notebooks/`` in a temporary folder (answers to a throw-away
folder, JupyterLab's news check off); the browser may only talk to loopback. For each lesson:
open it, wait until its kernel is idle, then time from "Run All Cells" to the moment every code
cell has run and the kernel is idle again (what a learner waits for before the lesson responds).
Nothing is downloaded: Chromium is /usr/bin/chromium (``WORKBOOK_CHROMIUM``), never ``playwright install``.
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
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

CHROMIUM = Path(os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
IDLE = "/\\(ipykernel\\) \\| Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')"
DONE = f"""() => {{
    const prompts = [...document.querySelectorAll("{PANEL} .jp-CodeCell .jp-InputPrompt")].map(p => p.textContent);
    return prompts.length > 0 && /\\[\\d+\\]/.test(prompts[0]) && !prompts.some(t => t.includes('*')) && {IDLE};
}}"""


def missing() -> str | None:
    """Why the browser rows cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _shut_down_kernels(url: Any) -> None:
    """Ask the server to shut down every running kernel (best effort)."""
    try:
        with urllib.request.urlopen(url("api/kernels"), timeout=10) as response:
            kernels = json.loads(response.read())
        for kernel in kernels:
            request = urllib.request.Request(url(f"api/kernels/{kernel['id']}"), method="DELETE")
            urllib.request.urlopen(request, timeout=30).close()
    except OSError:
        pass


def run_all_times(notebooks: list[Path], timeout_s: float = 240) -> dict[str, Any]:
    """Seconds from Run All Cells to idle for each notebook, or an error, in one JupyterLab and one browser."""
    reason = missing()
    if reason:
        return {"error": reason}
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-lab-") as base_name:
        base = Path(base_name)
        root = base / "notebooks"
        shutil.copytree(notebooks[0].parent, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        settings = base / "settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True)
        (settings / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")
        env = {**os.environ, "WORKBOOK_ANSWERS_DIR": str(base / "answers"), "JUPYTERLAB_SETTINGS_DIR": str(base / "settings"),
               "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"), "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
               "PYTHONDONTWRITEBYTECODE": "1"}
        port, token = _free_port(), secrets.token_hex(16)
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ip", "127.0.0.1",
                   f"--port={port}", "--port-retries=0", f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}",
                   "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        with open(base / "server.log", "wb") as log:
            server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = lambda path: f"http://127.0.0.1:{port}/{path}{'&' if '?' in path else '?'}token={token}"  # noqa: E731
            deadline = time.monotonic() + 90
            while True:
                try:
                    with urllib.request.urlopen(url("api/status"), timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    return {"error": "JupyterLab did not start"}
                time.sleep(0.3)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})

                def route(route_: Any) -> None:
                    host = urlparse(route_.request.url).hostname or ""
                    if route_.request.url.startswith(("data:", "blob:")) or host in LOOPBACK:
                        route_.continue_()
                    else:
                        route_.abort()

                context.route("**/*", route)
                for notebook in notebooks:
                    page = context.new_page()
                    page.set_default_timeout(60_000)
                    try:
                        page.goto(url(f"lab/tree/{notebook.name}?reset"))
                        page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=90_000)
                        page.wait_for_function(f"() => {IDLE}", timeout=120_000)
                        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
                        start = time.perf_counter()
                        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
                        page.wait_for_function(DONE, timeout=timeout_s * 1000, polling=100)
                        results[notebook.name] = time.perf_counter() - start
                    except Exception as error:  # one lesson that fails is reported, the others still timed
                        results[notebook.name] = f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"
                    finally:
                        page.close()
                        _shut_down_kernels(url)  # so lessons do not share the machine with earlier ones
                context.close()
                browser.close()
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
    return {"seconds": results}
