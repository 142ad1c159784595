"""One classroom run: a hub, N learners, the faults, and the checks afterwards.

`run_class` starts a hub (`bench.classroom.hub`), lets N learners (`bench.classroom.learner`)
arrive over a few seconds, log in, start their servers and run the lessons; meanwhile it
kills some learners' kernels with SIGKILL mid-lesson and stops and restarts the hub. Then
it checks every learner's answer store for every acknowledged answer, gathers the class's
answers with ``workbook collect`` as a teacher would, and ends every process it started.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tornado.httpclient import AsyncHTTPClient

from bench.classroom.hub import REPO, Hub
from bench.classroom.learner import Learner, LearnerFailed
from bench.classroom.memory import MemorySampler


def _run_loop(coroutine: Any) -> Any:
    """``asyncio.run(coroutine)``, in a worker thread when this thread already runs an event loop.

    Playwright's sync API (the browser tests' session fixture) and a Jupyter kernel both keep a
    loop running in the main thread, and ``asyncio.run`` refuses to start inside one.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="classroom") as pool:
        return pool.submit(asyncio.run, coroutine).result()

#: The lessons every learner runs, in order (paths inside the repository).
LESSONS = ("notebooks/02-sourcing.ipynb", "notebooks/05-rhetoric.ipynb")


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def code_cells(path: Path) -> int:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return sum(1 for c in notebook["cells"] if c["cell_type"] == "code")


@dataclass
class ClassResult:
    """What one run measured; `summary()` gives the printed figures."""

    learners: int
    lessons: tuple[str, ...]
    wall_s: float | None = None
    lesson_s: dict[str, list[float]] = field(default_factory=dict)
    kernel_start_s: list[float] = field(default_factory=list)
    server_start_s: list[float] = field(default_factory=list)
    memory: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    collected_missing: int = 0
    collected_rows: int = 0
    collect_s: float | None = None
    kills: int = 0
    killed_lessons_rerun: int = 0
    hub_restart: dict[str, float] = field(default_factory=dict)
    cull: dict[str, Any] = field(default_factory=dict)
    retries: int = 0
    stderr_lines: int = 0
    processes_left: int = 0
    cleaned_up: int = 0
    root: str = ""

    kernel_mb_by_lesson: dict[str, dict[str, float]] = field(default_factory=dict)

    def all_lesson_s(self) -> list[float]:
        return [t for times in self.lesson_s.values() for t in times]

    def summary(self) -> dict[str, Any]:
        every = self.all_lesson_s()
        return {
            "learners": self.learners,
            "wall_s": self.wall_s,
            "lesson_p50_s": percentile(every, 50),
            "lesson_p95_s": percentile(every, 95),
            "per_lesson": {
                lesson: {"n": len(times), "p50_s": percentile(times, 50), "p95_s": percentile(times, 95)}
                for lesson, times in self.lesson_s.items()
            },
            "server_start_p95_s": percentile(self.server_start_s, 95),
            "kernel_start_p95_s": percentile(self.kernel_start_s, 95),
            "memory": self.memory,
            "kernel_mb_by_lesson": self.kernel_mb_by_lesson,
            "errors": len(self.errors) + len(self.tracebacks),
            "acknowledged": self.acknowledged,
            "lost": len(self.lost),
            "collected_rows": self.collected_rows,
            "collected_missing": self.collected_missing,
            "collect_s": self.collect_s,
            "kills": self.kills,
            "killed_lessons_rerun": self.killed_lessons_rerun,
            "hub_restart": self.hub_restart,
            "cull": self.cull,
            "retries": self.retries,
            "stderr_lines": self.stderr_lines,
            "processes_left": self.processes_left,
        }


def _stored_answers(home: Path) -> set[str]:
    """Every answer in a learner's store, read straight from the SQLite file (read-only)."""
    database = home / "workbook-answers" / "answers.sqlite3"
    if not database.exists():
        return set()
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        return {json.loads(row[0]) for row in connection.execute("SELECT answer FROM answers")}
    finally:
        connection.close()


def prepare_shared_bundle(log=print) -> None:
    """Build Altair's offline bundle once for every learner, as docs/deploy.md tells a hub's admin to."""
    share = Path(sys.prefix) / "share"
    if list((share / "media-literacy-workbook").glob("vega-bundle-*.js")):
        return
    code = "import workbook.charts as c; c.enable_offline('jupyter')"
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "XDG_CACHE_HOME": str(share)},
                          capture_output=True, text=True, timeout=300)
    log(f"  built the shared offline chart bundle in {share} (status {done.returncode})")


def run_class(
    learners: int = 30,
    *,
    kills: int = 5,
    restart_hub: bool = True,
    arrive_within: float = 20.0,
    time_limit: float = 1800.0,
    lessons: tuple[str, ...] = LESSONS,
    repo: Path = REPO,
    keep: bool = False,
    cull_after: int | None = None,
    log=print,
) -> ClassResult:
    """Run one class on a fresh hub and return what was measured. Always cleans up."""
    root = Path(tempfile.mkdtemp(prefix="workbook-classroom-"))
    result = ClassResult(learners=learners, lessons=tuple(Path(p).stem for p in lessons), root=str(root))
    prepare_shared_bundle(log)
    hub = Hub(root)
    sampler = MemorySampler(hub.processes)
    class_: list[Learner] = []
    try:
        hub.start()
        sampler.start()
        class_ = [Learner(i + 1, hub.url, str(root / "home" / f"learner-{i + 1:02d}")) for i in range(learners)]
        for learner in class_:  # the lesson files in each home, as nbgitpuller would put them
            shutil.copytree(repo / "notebooks", Path(learner.home) / "notebooks")
        chosen = sorted({round(i * learners / kills) for i in range(min(kills, learners))}) if kills else []
        for number, index in enumerate(chosen):
            lesson = lessons[number % len(lessons)]
            class_[index].kill_at = (Path(lesson).stem, max(1, math.ceil(code_cells(repo / lesson) / 2)))
        _run_loop(_classroom(hub, class_, result, lessons, restart_hub, arrive_within, time_limit, log))
        _check_answers(class_, result, root, log)
        if cull_after is not None:
            _cull(hub, class_, result, sampler, cull_after, log)
    finally:
        sampler.stop()
        result.memory = sampler.summary()
        by_lesson: dict[str, list[float]] = {}
        cpu_by_lesson: dict[str, list[float]] = {}
        for learner in class_:
            for lesson_run in learner.runs:
                peak = sampler.peak_by_pid.get(lesson_run.kernel_pid or -1)
                cpu = sampler.cpu_by_pid.get(lesson_run.kernel_pid or -1)
                if peak and lesson_run.finished is not None:
                    by_lesson.setdefault(lesson_run.lesson, []).append(peak[1] / 2**20)
                    cpu_by_lesson.setdefault(lesson_run.lesson, []).append(cpu[1] if cpu else 0.0)
        result.kernel_mb_by_lesson = {
            lesson: {"median": percentile(v, 50), "max": max(v), "n": len(v),
                     "cpu_median_s": percentile(cpu_by_lesson[lesson], 50)}
            for lesson, v in by_lesson.items()
        }
        result.cleaned_up = hub.cleanup()
        result.processes_left = len(hub.processes())
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
    return result


async def _classroom(hub: Hub, class_: list[Learner], result: ClassResult, lessons: tuple[str, ...],
                     restart_hub: bool, arrive_within: float, time_limit: float, log) -> None:
    AsyncHTTPClient.configure(None, max_clients=max(20, 4 * len(class_)))
    started = time.monotonic()

    def kill(learner: Learner) -> None:
        if learner.kernel_pid:
            try:
                os.kill(learner.kernel_pid, signal.SIGKILL)
                learner.kills += 1
                log(f"  killed {learner.name}'s kernel (pid {learner.kernel_pid}) mid-lesson with SIGKILL")
            except ProcessLookupError:
                pass

    async def one(learner: Learner) -> None:
        await asyncio.sleep(arrive_within * (learner.index - 1) / max(1, len(class_)))
        try:
            await learner.log_in()
            await learner.start_server()
            result.server_start_s.append(learner.ready_at - learner.login_at)
            for lesson in lessons:
                await learner.run_lesson(lesson, Path(lesson).stem, kill_hook=kill if learner.kill_at else None)
            learner.finished_at = time.monotonic()
        except (LearnerFailed, asyncio.TimeoutError) as error:
            learner.errors.append(f"{learner.name}: {error}")
        except Exception as error:  # a bench bug must show as an error, not hang the class
            learner.errors.append(f"{learner.name}: unexpected {type(error).__name__}: {error}")

    async def restart_when_half_ready() -> None:
        half = math.ceil(len(class_) / 2)
        give_up = time.monotonic() + time_limit / 2
        while time.monotonic() < give_up:
            if sum(1 for l in class_ if l.ready_at) >= half or all(l.finished_at or l.errors for l in class_):
                break
            await asyncio.sleep(0.2)
        log(f"  stopping and restarting the hub ({sum(1 for l in class_ if l.ready_at)} of {len(class_)} servers ready)")
        result.hub_restart = await asyncio.get_running_loop().run_in_executor(None, hub.restart_hub)
        log(f"  the hub was away {result.hub_restart['away_s']:.1f} s")

    tasks = [asyncio.ensure_future(one(learner)) for learner in class_]
    if restart_hub:
        tasks.append(asyncio.ensure_future(restart_when_half_ready()))
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=time_limit)
    except asyncio.TimeoutError:
        result.errors.append(f"the class did not finish within the time limit ({time_limit:.0f} s)")
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    logins = [l.login_at for l in class_ if l.login_at]
    finishes = [l.finished_at for l in class_ if l.finished_at]
    if logins and finishes and len(finishes) == len(class_):
        result.wall_s = max(finishes) - min(logins)
    for learner in class_:
        for run in learner.runs:
            if run.seconds is not None:
                result.lesson_s.setdefault(run.lesson, []).append(run.seconds)
            if run.kernel_start_s is not None:
                result.kernel_start_s.append(run.kernel_start_s)
            result.killed_lessons_rerun += run.interrupted
        result.errors.extend(learner.errors)
        result.tracebacks.extend(f"{learner.name}: {t}" for t in learner.tracebacks)
        result.kills += learner.kills
        result.retries += learner.retries
        result.stderr_lines += learner.stderr_lines
        result.acknowledged += len(learner.acks)
    log(f"  {len(finishes)} of {len(class_)} learners finished in {time.monotonic() - started:.0f} s")


def culler_installed() -> bool:
    try:
        import jupyterhub_idle_culler  # noqa: F401
    except ImportError:
        return False
    return True


def _cull(hub: Hub, class_: list[Learner], result: ClassResult, sampler: MemorySampler, after: int, log,
          limit: float = 300) -> None:
    """Leave the class idle and let jupyterhub-idle-culler stop the servers; answers must stay on disk."""
    if not culler_installed():
        result.cull = {"skipped": "jupyterhub-idle-culler is not installed"}
        return
    def running() -> int:
        return sum(1 for user in hub.api("GET", "/users") or [] if user.get("servers"))
    before, memory_before = running(), sampler.last_total
    began = time.monotonic()
    culler = hub.start_culler(timeout=after, every=max(1, after // 3))
    left = before
    while time.monotonic() - began < limit and left:
        time.sleep(2)
        left = running()
    seconds = time.monotonic() - began
    time.sleep(2.5)  # one more memory sample after the last server went
    culler.terminate()
    lost = sum(1 for l in class_ for a in l.acks if a["token"] not in _stored_answers(Path(l.home)))
    result.cull = {"idle_timeout_s": after, "servers_before": before, "servers_left": left, "seconds": seconds,
                   "memory_before_mb": memory_before / 2**20, "memory_after_mb": sampler.last_total / 2**20,
                   "lost_after_cull": lost}
    log(f"  the idle culler stopped {before - left} of {before} servers in {seconds:.0f} s")
    if left or lost:
        result.errors.append(f"idle culler: {left} server(s) still running, {lost} answer(s) missing afterwards")


def _check_answers(class_: list[Learner], result: ClassResult, root: Path, log) -> None:
    """Every acknowledged answer in its learner's store; then the teacher's ``workbook collect``."""
    for learner in class_:
        stored = _stored_answers(Path(learner.home))
        result.lost.extend(f"{learner.name}: {a['token']}" for a in learner.acks if a["token"] not in stored)
    # the teacher's step: each learner's "download my answers" file, then `workbook collect` over the homes
    for learner in class_:
        if learner.acks:
            code = (
                "from workbook.answers import AnswerStore\n"
                f"print(AnswerStore({str(Path(learner.home) / 'workbook-answers' / 'answers.sqlite3')!r}).save_export())"
            )
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=120, cwd=learner.home)
    folders = [str(Path(l.home) / "workbook-answers") for l in class_ if (Path(l.home) / "workbook-answers").is_dir()]
    if not folders:
        return
    output = root / "class-answers.csv"
    workbook = Path(sys.executable).parent / "workbook"
    began = time.monotonic()
    done = subprocess.run([str(workbook), "collect", *folders, "--output", str(output)], capture_output=True, text=True, timeout=300)
    result.collect_s = time.monotonic() - began
    if done.returncode != 0 or not output.exists():
        result.errors.append(f"workbook collect failed ({done.returncode}): {(done.stderr or done.stdout)[-300:]}")
        return
    import pandas as pd

    table = pd.read_csv(output, dtype=str, keep_default_na=False)
    result.collected_rows = len(table)
    collected = set()
    for answer in table["answer"]:
        try:
            collected.add(json.loads(answer))
        except ValueError:
            collected.add(answer)
    result.collected_missing = sum(1 for l in class_ for a in l.acks if a["token"] not in collected)
