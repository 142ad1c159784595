"""A real JupyterHub on loopback for the classroom bench: proxy, hub, and their clean-up.

The proxy is the npm ``configurable-http-proxy`` (the one JupyterHub starts by default and
Zero to JupyterHub runs in its ``proxy`` pod). It runs as its own process, not started by
the hub, so the hub can be stopped and started again while learners keep working: routes
stay in the proxy and the learners' servers keep running (``cleanup_servers = False``),
as on The Littlest JupyterHub when an admin restarts the hub.

Every process the bench starts carries the environment variable `MARKER` with this run's
id; `Hub.cleanup` ends exactly those processes (and the ones it started itself), by id.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]
#: Where the bench installs the proxy with npm when it is not on PATH (ignored by git).
PROXY_PREFIX = REPO / ".cache" / "hub-proxy"
#: configurable-http-proxy 5 needs Node.js 20 or newer; 4.6 runs on Debian 12's Node.js 18.
PROXY_PACKAGES = {True: "configurable-http-proxy@5", False: "configurable-http-proxy@4.6"}
#: Environment variable carried by every process of one bench run (value: the run's id).
MARKER = "WORKBOOK_CLASSROOM_RUN"


class HubUnavailable(RuntimeError):
    """JupyterHub or its proxy cannot be installed or started here; the message says why."""


def find_proxy() -> str | None:
    """The configurable-http-proxy command: on PATH, or installed by `install_proxy`."""
    local = PROXY_PREFIX / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return str(local)
    return shutil.which("configurable-http-proxy")


def install_proxy(timeout: float = 300) -> str:
    """Install configurable-http-proxy from npm into `PROXY_PREFIX` and return its command."""
    found = find_proxy()
    if found:
        return found
    npm = shutil.which("npm")
    if not npm:
        raise HubUnavailable(
            "configurable-http-proxy is not installed and npm is not available to install it "
            "(install Node.js 20 or newer, then: npm install -g configurable-http-proxy)"
        )
    PROXY_PREFIX.mkdir(parents=True, exist_ok=True)
    package = PROXY_PACKAGES[_node_major() >= 20]
    try:
        done = subprocess.run(
            [npm, "install", "--prefix", str(PROXY_PREFIX), "--no-audit", "--no-fund", "--loglevel=error", package],
            capture_output=True, text=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired as error:
        raise HubUnavailable(f"npm install {package} did not finish within {timeout:.0f} s") from error
    found = find_proxy()
    if done.returncode != 0 or not found:
        raise HubUnavailable(f"npm install {package} failed: {(done.stderr or done.stdout).strip()[-500:]}")
    return found


def _node_major() -> int:
    """The major version of Node.js on PATH (0 when there is none)."""
    node = shutil.which("node")
    if not node:
        return 0
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30).stdout
        return int(version.strip().lstrip("v").split(".")[0])
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return 0


def hub_commands() -> tuple[str, str]:
    """The ``jupyterhub`` and ``jupyterhub-singleuser`` commands of this Python environment."""
    bin_dir = Path(sys.executable).parent
    hub, single = bin_dir / "jupyterhub", bin_dir / "jupyterhub-singleuser"
    if not hub.exists() or not single.exists():
        raise HubUnavailable(
            f"jupyterhub is not installed in {sys.prefix} (pip install -e '.[test]' installs it)"
        )
    return str(hub), str(single)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_CONFIG = """\
# Written by bench/classroom/hub.py for one bench run. Loopback only.
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {proxy_port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.db_url = "sqlite:///{root}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{root}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = "{root}/jupyterhub.pid"
# The proxy runs on its own, so a hub restart leaves routes and learners' servers in place.
c.JupyterHub.cleanup_servers = False
c.JupyterHub.cleanup_proxy = False
c.ConfigurableHTTPProxy.should_start = False
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.auth_token = "{proxy_token}"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{root}/home/{{username}}"
c.Spawner.cmd = ["{singleuser}"]
c.Spawner.args = ["--allow-root", "--ServerApp.log_level=WARN"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.environment = {{"{marker}": "{run_id}", "PYTHONDONTWRITEBYTECODE": "1"}}
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.active_server_limit = 0
c.JupyterHub.services = [{{"name": "classroom-bench", "api_token": "{admin_token}"}}]
c.JupyterHub.load_roles = [{{
    "name": "classroom-bench",
    "scopes": ["admin:users", "admin:servers", "list:users", "read:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["classroom-bench"],
}}]
c.JupyterHub.log_level = "WARN"
"""


class Hub:
    """One JupyterHub (and its proxy) in `root`, on free loopback ports."""

    def __init__(self, root: Path, log=print) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "home").mkdir(exist_ok=True)
        self.log = log
        self.run_id = uuid.uuid4().hex
        self.proxy_port, self.proxy_api_port, self.hub_port = free_port(), free_port(), free_port()
        self.proxy_token = secrets.token_hex(16)
        self.admin_token = secrets.token_hex(16)
        self.hub_command, self.singleuser_command = hub_commands()
        self.proxy_command = install_proxy()
        self.config = self.root / "jupyterhub_config.py"
        self.config.write_text(
            _CONFIG.format(
                root=self.root, proxy_port=self.proxy_port, hub_port=self.hub_port,
                proxy_api_port=self.proxy_api_port, proxy_token=self.proxy_token,
                singleuser=self.singleuser_command, marker=MARKER, run_id=self.run_id,
                admin_token=self.admin_token,
            ),
            encoding="utf-8",
        )
        self.proxy: subprocess.Popen | None = None
        self.hub: subprocess.Popen | None = None
        self.started: list[subprocess.Popen] = []
        self.hub_starts = 0

    @property
    def url(self) -> str:
        """The public address learners use (the proxy)."""
        return f"http://127.0.0.1:{self.proxy_port}"

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env[MARKER] = self.run_id
        env["CONFIGPROXY_AUTH_TOKEN"] = self.proxy_token
        env.pop("JUPYTERHUB_API_TOKEN", None)
        return env

    def _popen(self, command: list[str], log_name: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self.root / log_name, "ab")
        process = subprocess.Popen(
            command, cwd=self.root, env={**self._env(), **(extra_env or {})}, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        log.close()
        self.started.append(process)
        return process

    def start(self, timeout: float = 120) -> None:
        """Start the proxy, then the hub; return when the hub answers through the proxy."""
        self.proxy = self._popen(
            [
                self.proxy_command, "--ip", "127.0.0.1", "--port", str(self.proxy_port),
                "--api-ip", "127.0.0.1", "--api-port", str(self.proxy_api_port),
                "--default-target", f"http://127.0.0.1:{self.hub_port}",
                "--error-target", f"http://127.0.0.1:{self.hub_port}/hub/error",
                "--log-level", "warn",
            ],
            "proxy.log",
        )
        self.start_hub(timeout)

    def start_hub(self, timeout: float = 120) -> float:
        """Start the hub process and wait until its API answers; return the seconds it took."""
        began = time.monotonic()
        self.hub = self._popen([self.hub_command, "-f", str(self.config)], "hub.log")
        self.hub_starts += 1
        deadline = began + timeout
        while time.monotonic() < deadline:
            if self.hub.poll() is not None:
                raise HubUnavailable(f"the hub exited with status {self.hub.returncode}; see {self.root / 'hub.log'}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=5) as answer:
                    if answer.status == 200 and "version" in json.loads(answer.read()):
                        return time.monotonic() - began
            except (OSError, ValueError, urllib.error.URLError):
                pass
            time.sleep(0.25)
        raise HubUnavailable(f"the hub did not answer within {timeout:.0f} s; see {self.root / 'hub.log'}:\n{self.log_tail()}")

    def stop_hub(self, timeout: float = 30) -> None:
        """Stop the hub process (SIGTERM, then SIGKILL); learners' servers and the proxy stay."""
        if self.hub is None or self.hub.poll() is not None:
            return
        self.hub.send_signal(signal.SIGTERM)
        try:
            self.hub.wait(timeout)
        except subprocess.TimeoutExpired:
            self.hub.kill()
            self.hub.wait(10)

    def restart_hub(self) -> dict[str, float]:
        """Stop and start the hub; return how long it was away and how long the start took."""
        began = time.monotonic()
        self.stop_hub()
        stopped = time.monotonic() - began
        started = self.start_hub()
        return {"stop_s": stopped, "start_s": started, "away_s": time.monotonic() - began}

    def start_culler(self, timeout: int, every: int) -> subprocess.Popen:
        """jupyterhub-idle-culler as a standalone service with the bench's token (as Z2JH and TLJH run it)."""
        return self._popen(
            [sys.executable, "-m", "jupyterhub_idle_culler", f"--url=http://127.0.0.1:{self.hub_port}/hub/api",
             f"--timeout={timeout}", f"--cull-every={every}", "--concurrency=10"],
            "culler.log", {"JUPYTERHUB_API_TOKEN": self.admin_token},
        )

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join((self.root / "hub.log").read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 30) -> dict | list | None:
        """A call to the hub's REST API as the bench's admin service (used only for clean-up)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}", data=data, method=method,
            headers={"Authorization": f"token {self.admin_token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            text = answer.read()
        return json.loads(text) if text else None

    # -- processes --

    def processes(self) -> list[psutil.Process]:
        """Every live process of this run: those the bench started and everything carrying its marker."""
        found: dict[int, psutil.Process] = {}
        for process in psutil.process_iter(["pid"]):
            try:
                if process.environ().get(MARKER) == self.run_id:
                    found[process.pid] = process
            except (psutil.Error, OSError):
                continue
        for started in self.started:
            if started.poll() is None:
                try:
                    found[started.pid] = psutil.Process(started.pid)
                except psutil.Error:
                    pass
        return list(found.values())

    def cleanup(self, timeout: float = 20) -> int:
        """End every process of this run (SIGTERM, then SIGKILL after `timeout`); return how many."""
        try:
            self.stop_hub()
        except Exception:  # a failing stop must never leave the rest running
            pass
        victims = [p for p in self.processes() if p.pid != os.getpid()]
        for process in victims:
            try:
                process.terminate()
            except psutil.Error:
                pass
        _, alive = psutil.wait_procs(victims, timeout=timeout)
        for process in alive:
            try:
                process.kill()
            except psutil.Error:
                pass
        psutil.wait_procs(alive, timeout=5)
        for started in self.started:
            try:
                started.wait(5)
            except subprocess.TimeoutExpired:
                pass
        return len(victims)
