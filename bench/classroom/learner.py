"""One simulated learner: logs in to the hub, starts a server, runs lessons through the kernel websocket.

Everything goes through the hub's public address (the proxy), as a browser would:
the login form, the hub's REST API to start the server, the Jupyter server's REST API
(contents, sessions, kernels) and the kernel's websocket (Jupyter messaging protocol,
JSON frames). A lesson runs its code cells in order, each waiting for its reply; an
``error`` reply, or a traceback anywhere in the outputs, is recorded as what the learner saw.

Answers are saved the way a widget click saves them: after each cell that shows a
question, a code cell calls the package's answer API (`workbook.answers.default_store`)
and prints the row id it got back. That printed id is the acknowledgement; every
acknowledged answer must still be in the learner's store at the end.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import quote, urlencode

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest, HTTPResponse
from tornado.websocket import WebSocketClientConnection, websocket_connect

#: Printed by the bench's save cell, followed by the row id and the answer's token.
ACK = "WORKBOOK-ACK"
_QUESTION_CALL = re.compile(r"\b(question|questions|annotation_task)\(\s*[\"']([^\"']+)[\"']")
_TRACEBACK = "Traceback (most recent call last)"


class KernelLost(Exception):
    """The kernel died under a running lesson (the bench killed it, or it crashed)."""


class LearnerFailed(Exception):
    """Something the learner could not get past within its bounded retries."""


@dataclass
class LessonRun:
    lesson: str
    attempt: int
    started: float
    finished: float | None = None
    kernel_start_s: float | None = None
    cells: int = 0
    interrupted: bool = False  # its kernel was killed under it
    kernel_pid: int | None = None

    @property
    def seconds(self) -> float | None:
        return None if self.finished is None else self.finished - self.started


@dataclass
class Learner:
    """One learner's account, its timings and what it saw."""

    index: int
    hub_url: str
    home: str
    password: str = "classroom"
    cookies: dict[str, str] = field(default_factory=dict)
    token: str | None = None
    login_at: float | None = None
    ready_at: float | None = None
    finished_at: float | None = None
    runs: list[LessonRun] = field(default_factory=list)
    acks: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    stderr_lines: int = 0
    retries: int = 0
    kernel_pids: list[int] = field(default_factory=list)
    kills: int = 0
    kill_at: tuple[str, int] | None = None  # (lesson, cell number) at which the bench kills the kernel
    kernel_pid: int | None = None

    @property
    def name(self) -> str:
        return f"learner-{self.index:02d}"

    # ---- HTTP --------------------------------------------------------------------------------

    async def http(
        self, method: str, path: str, body: Any = None, *, form: bool = False, auth: str = "token",
        ok: tuple[int, ...] = (200, 201, 202, 204), tries: int = 120, deadline_s: float = 240,
        follow: bool = False, extra_headers: dict[str, str] | None = None,
    ) -> HTTPResponse:
        """One request through the proxy, retried (bounded) while the hub or a server is away."""
        headers = {"Accept": "application/json", **(extra_headers or {})}
        if auth == "token" and self.token:
            headers["Authorization"] = f"token {self.token}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            if form:
                payload = urlencode(body)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            else:
                payload = json.dumps(body)
                headers["Content-Type"] = "application/json"
        else:
            payload = "" if method in ("POST", "PUT", "PATCH") else None
        give_up = time.monotonic() + deadline_s
        last = ""
        for attempt in range(tries):
            request = HTTPRequest(
                self.hub_url + path, method=method, headers=headers, body=payload,
                follow_redirects=follow, request_timeout=60, connect_timeout=10,
            )
            try:
                response = await AsyncHTTPClient().fetch(request, raise_error=False)
            except (OSError, HTTPClientError, asyncio.TimeoutError) as error:
                last = f"{type(error).__name__}: {error}"
            else:
                self._keep_cookies(response)
                if response.code in ok:
                    return response
                last = f"HTTP {response.code} {response.reason}: {response.body[:200]!r}"
                if response.code in (400, 401, 403, 404, 409) and response.code not in ok:
                    raise LearnerFailed(f"{method} {path}: {last}")
            if attempt:
                self.retries += 1
            if time.monotonic() > give_up:
                break
            await asyncio.sleep(min(0.5 * (attempt + 1), 3.0))
        raise LearnerFailed(f"{method} {path}: gave up after {attempt + 1} tries ({last})")

    def _keep_cookies(self, response: HTTPResponse) -> None:
        for header in response.headers.get_list("Set-Cookie"):
            jar = SimpleCookie()
            try:
                jar.load(header)
            except Exception:
                continue
            for key, morsel in jar.items():
                self.cookies[key] = morsel.value

    # ---- hub ---------------------------------------------------------------------------------

    async def log_in(self) -> None:
        """The login form (with its XSRF field), then a token for the API, as the learner."""
        page = await self.http("GET", "/hub/login", auth="none", ok=(200,))
        match = re.search(rb'name="_xsrf"\s+value="([^"]+)"', page.body)
        xsrf = match.group(1).decode() if match else self.cookies.get("_xsrf", "")
        await self.http(
            "POST", "/hub/login?next=", {"username": self.name, "password": self.password, "_xsrf": xsrf},
            form=True, auth="none", ok=(302,),
        )
        if not any(k.startswith("jupyterhub-hub-login") for k in self.cookies):
            raise LearnerFailed("the hub did not accept the login")
        self.login_at = time.monotonic()
        answer = await self.http(
            "POST", f"/hub/api/users/{self.name}/tokens", {"note": "classroom bench", "expires_in": 7200},
            auth="none", ok=(200, 201), extra_headers={"X-XSRFToken": self.cookies.get("_xsrf", xsrf)},
        )
        self.token = json.loads(answer.body)["token"]
        self.cookies.clear()  # from here on the learner's token is what the browser's session would be

    async def start_server(self, timeout: float = 600, rounds: int = 3) -> None:
        """Start this learner's server and wait until it answers through the proxy (bounded).

        If it never answers (say the hub was restarted in the middle of the spawn), do what a
        learner is told to do on the hub's page: stop the server and start it again.
        """
        give_up = time.monotonic() + timeout
        last: Exception | None = None
        for _ in range(rounds):
            await self._spawn(give_up)
            try:
                await self.http("GET", f"/user/{self.name}/api/status", ok=(200,), tries=120, deadline_s=180)
            except LearnerFailed as error:
                last = error
                await self.http("DELETE", f"/hub/api/users/{self.name}/server", ok=(202, 204, 400, 404), deadline_s=180)
                continue
            self.ready_at = time.monotonic()
            return
        raise LearnerFailed(f"the server did not answer after {rounds} starts ({last})")

    async def _spawn(self, give_up: float) -> None:
        """Ask the hub for the server until the hub says it is ready."""
        asked, waiting_since = False, time.monotonic()
        while time.monotonic() < give_up:
            if not asked:
                response = await self.http("POST", f"/hub/api/users/{self.name}/server", ok=(201, 202, 400), tries=120, deadline_s=240)
                asked = response.code in (201, 202) or b"already" in response.body or b"pending" in response.body
                waiting_since = time.monotonic()
            model = json.loads((await self.http("GET", f"/hub/api/users/{self.name}", ok=(200,), tries=120, deadline_s=240)).body)
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                return
            if not (server and server.get("pending")) and not model.get("pending") and time.monotonic() - waiting_since > 30:
                asked = False  # the spawn was lost (e.g. the hub restarted mid-spawn): ask again
            await asyncio.sleep(1.0)
        raise LearnerFailed("the server did not start in time")

    # ---- lessons -----------------------------------------------------------------------------

    async def notebook_cells(self, path: str) -> list[str]:
        """The code cells of a notebook, read through the contents API, in order."""
        model = json.loads((await self.http("GET", f"/user/{self.name}/api/contents/{quote(path)}?content=1", ok=(200,))).body)
        cells = model["content"]["cells"]
        return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells if c["cell_type"] == "code"]

    async def open_kernel(self, path: str) -> tuple[str, str]:
        """Open the notebook as JupyterLab does (a session), returning (session id, kernel id)."""
        body = {"path": path, "name": path.rsplit("/", 1)[-1], "type": "notebook", "kernel": {"name": "python3"}}
        session = json.loads((await self.http("POST", f"/user/{self.name}/api/sessions", body, ok=(200, 201))).body)
        return session["id"], session["kernel"]["id"]

    async def close_kernel(self, session_id: str) -> None:
        await self.http("DELETE", f"/user/{self.name}/api/sessions/{session_id}", ok=(204, 404), tries=10, deadline_s=30)

    async def run_lesson(self, path: str, lesson: str, kill_hook=None, max_attempts: int = 3) -> None:
        """Run every code cell of `path` in a fresh kernel; after a killed kernel, restart it and run again."""
        cells = await self.notebook_cells(path)
        for attempt in range(1, max_attempts + 1):
            run = LessonRun(lesson, attempt, time.monotonic())
            self.runs.append(run)
            session_id, kernel_id = await self.open_kernel(path)
            try:
                await self._run_cells(kernel_id, cells, run, kill_hook if attempt == 1 else None)
            except KernelLost:
                run.interrupted = True
                await self.restart_kernel(kernel_id)
                await self.close_kernel(session_id)
                continue
            run.finished = time.monotonic()
            await self.close_kernel(session_id)
            return
        raise LearnerFailed(f"{lesson}: did not finish in {max_attempts} attempts")

    async def restart_kernel(self, kernel_id: str) -> None:
        """What a learner does after "kernel died": Kernel > Restart (the server may already have)."""
        await self.http("POST", f"/user/{self.name}/api/kernels/{kernel_id}/restart", ok=(200, 404, 500), tries=10, deadline_s=60)

    async def _connect(self, kernel_id: str) -> WebSocketClientConnection:
        url = self.hub_url.replace("http", "ws", 1) + f"/user/{self.name}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}"
        give_up = time.monotonic() + 90
        last: Exception | None = None
        while time.monotonic() < give_up:
            try:
                request = HTTPRequest(url, headers={"Authorization": f"token {self.token}"}, connect_timeout=20, request_timeout=30)
                return await websocket_connect(request, max_message_size=64 * 1024 * 1024)
            except Exception as error:  # the server is briefly unreachable: retry, bounded
                last = error
                self.retries += 1
                await asyncio.sleep(1.0)
        raise LearnerFailed(f"kernel websocket: {last}")

    def _message(self, msg_type: str, content: dict, channel: str = "shell") -> dict:
        return {
            "header": {
                "msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": self.name, "session": uuid.uuid4().hex,
                "date": dt.datetime.now(dt.timezone.utc).isoformat(), "version": "5.3",
            },
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": [],
        }

    async def _request(self, ws: WebSocketClientConnection, msg: dict, timeout: float, watch_kill: bool = False) -> tuple[dict, list[dict]]:
        """Send one shell request; return its reply and the iopub messages it caused (until idle)."""
        await ws.write_message(json.dumps(msg))
        msg_id = msg["header"]["msg_id"]
        reply, outputs, idle = None, [], False
        give_up = time.monotonic() + timeout
        while not (reply is not None and idle):
            remaining = give_up - time.monotonic()
            if remaining <= 0:
                if watch_kill and self.kills:
                    raise KernelLost("no reply after the kill")
                raise LearnerFailed(f"no reply to {msg['header']['msg_type']} within {timeout:.0f} s")
            try:
                frame = await asyncio.wait_for(ws.read_message(), timeout=min(remaining, 2.0))
            except asyncio.TimeoutError:
                continue
            if frame is None:
                raise KernelLost("the kernel websocket closed")
            if isinstance(frame, bytes):
                continue  # binary frames (widget buffers) carry nothing the bench checks
            message = json.loads(frame)
            kind = message.get("msg_type") or message.get("header", {}).get("msg_type")
            if kind == "status" and message["content"].get("execution_state") in ("restarting", "dead", "autorestarting"):
                raise KernelLost(message["content"]["execution_state"])
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if message.get("channel") == "shell" or kind.endswith("_reply"):
                reply = message
            elif kind == "status" and message["content"].get("execution_state") == "idle":
                idle = True
            elif kind in ("stream", "display_data", "execute_result", "error", "update_display_data"):
                outputs.append(message)
        return reply, outputs

    async def _kernel_ready(self, ws: WebSocketClientConnection) -> None:
        give_up = time.monotonic() + 120
        while time.monotonic() < give_up:
            try:
                await self._request(ws, self._message("kernel_info_request", {}), timeout=10)
                return
            except LearnerFailed:
                continue
        raise LearnerFailed("the kernel did not answer kernel_info within 120 s")

    async def _execute(self, ws: WebSocketClientConnection, code: str, timeout: float, silent: bool = False,
                       expressions: dict | None = None, watch_kill: bool = False) -> tuple[dict, list[dict]]:
        content = {"code": code, "silent": silent, "store_history": not silent, "user_expressions": expressions or {},
                   "allow_stdin": False, "stop_on_error": True}
        return await self._request(ws, self._message("execute_request", content), timeout, watch_kill)

    async def _run_cells(self, kernel_id: str, cells: list[str], run: LessonRun, kill_hook) -> None:
        ws = await self._connect(kernel_id)
        try:
            began = time.monotonic()
            await self._kernel_ready(ws)
            reply, _ = await self._execute(ws, "", silent=True, expressions={"pid": "__import__('os').getpid()"}, timeout=60)
            pid = int(reply["content"]["user_expressions"]["pid"]["data"]["text/plain"])
            self.kernel_pid = pid
            self.kernel_pids.append(pid)
            run.kernel_pid = pid
            run.kernel_start_s = time.monotonic() - began
            for number, code in enumerate(cells, start=1):
                if not code.strip():
                    continue
                if kill_hook is not None and self.kill_at == (run.lesson, number):
                    asyncio.get_running_loop().call_later(0.3, kill_hook, self)
                reply, outputs = await self._execute(ws, code, timeout=300, watch_kill=kill_hook is not None)
                self._check(run.lesson, number, reply, outputs)
                run.cells += 1
                match = _QUESTION_CALL.search(code)
                if match:
                    await self._save_answer(ws, run, number, match.group(2), kill_hook is not None)
        finally:
            ws.close()

    async def _save_answer(self, ws: WebSocketClientConnection, run: LessonRun, number: int, question: str, watch_kill: bool) -> None:
        """Save an answer through the package's answer API, as a widget's button would; keep the acknowledgement."""
        token = f"{self.name}/{run.lesson}/cell{number}/try{run.attempt}/{uuid.uuid4().hex[:8]}"
        code = (
            "from workbook.answers import default_store as _bench_store\n"
            f"_bench = _bench_store()\n"
            f"_bench.pseudonym or _bench.set_pseudonym({self.name!r})\n"
            f"print({ACK!r}, _bench.record({question!r}, {token!r}, kind='text', topic={run.lesson!r}))\n"
            "del _bench, _bench_store\n"
        )
        reply, outputs = await self._execute(ws, code, timeout=120, watch_kill=watch_kill)
        self._check(run.lesson, f"save after cell {number}", reply, outputs)
        for message in outputs:
            text = message["content"].get("text", "") if message["msg_type"] == "stream" else ""
            found = re.search(rf"{ACK} (\d+)", text)
            if found:
                self.acks.append({"token": token, "row": int(found.group(1)), "question": question, "lesson": run.lesson})

    def _check(self, lesson: str, where: Any, reply: dict, outputs: list[dict]) -> None:
        """Record an error reply, and any traceback a learner would see in the outputs."""
        status = reply["content"].get("status")
        if status != "ok":
            content = reply["content"]
            self.errors.append(f"{lesson} cell {where}: {content.get('ename')}: {content.get('evalue')}")
        for message in outputs:
            content = message["content"]
            if message["msg_type"] == "error":
                self.tracebacks.append(f"{lesson} cell {where}: {content.get('ename')}: {content.get('evalue')}")
                continue
            if message["msg_type"] == "stream":
                text = content.get("text", "")
                if content.get("name") == "stderr":
                    self.stderr_lines += len(text.splitlines())
            else:
                data = content.get("data", {})
                text = "\n".join(str(data.get(k, "")) for k in ("text/plain", "text/html"))
            if _TRACEBACK in text:
                self.tracebacks.append(f"{lesson} cell {where}: a traceback in the output: {text[text.find(_TRACEBACK):][:300]}")
