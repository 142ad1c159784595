"""A class on a real JupyterHub (bench/classroom): five learners, one killed kernel, one hub restart.

The short version of ``python -m bench.classroom``. Times are reported, never asserted; what is
asserted is that the class gets through: no error reply or traceback in any learner's outputs,
the killed lesson is re-run, every acknowledged answer is still in its learner's store and in
the teacher's ``workbook collect`` table, and no process is left behind.

Skips (with the reason) only where the hub cannot be installed; with ``CI=true`` or
``WORKBOOK_REQUIRE_HUB=1`` (set by .ci/run) a missing hub is a failure.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # bench/ sits beside workbook/, uninstalled
from bench.classroom import learner, memory, run  # noqa: E402
from bench.classroom.hub import HubUnavailable  # noqa: E402

REQUIRED = os.environ.get("CI", "").lower() == "true" or os.environ.get("WORKBOOK_REQUIRE_HUB") == "1"


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 21)]
    assert run.percentile(values, 50) == 10.0
    assert run.percentile(values, 95) == 19.0
    assert run.percentile([3.0], 95) == 3.0
    assert run.percentile([], 50) is None


@pytest.mark.parametrize("lesson", run.LESSONS)
def test_each_lesson_has_questions_the_bench_answers(lesson: str) -> None:
    """The bench saves an answer after each cell that shows a question; a lesson without one would save nothing."""
    notebook = json.loads((REPO / lesson).read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    assert any(learner._QUESTION_CALL.search(source) for source in sources)


def test_processes_are_told_apart_by_command_line() -> None:
    class Fake:
        def __init__(self, command: list[str]) -> None:
            self.command = command

        def cmdline(self) -> list[str]:
            return self.command

    assert memory.kind_of(Fake(["python", "-m", "ipykernel_launcher", "-f", "k.json"])) == "kernel"
    assert memory.kind_of(Fake(["/v/bin/python", "/v/bin/jupyterhub-singleuser", "--allow-root"])) == "server"
    assert memory.kind_of(Fake(["node", "/x/bin/configurable-http-proxy", "--ip", "127.0.0.1"])) == "proxy"
    assert memory.kind_of(Fake(["/v/bin/python", "/v/bin/jupyterhub", "-f", "c.py"])) == "hub"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_five_learners_survive_a_killed_kernel_and_a_hub_restart() -> None:
    try:
        result = run.run_class(5, kills=1, restart_hub=True, arrive_within=3.0, time_limit=720, log=lambda *a: None)
    except HubUnavailable as error:
        if REQUIRED:
            pytest.fail(f"JupyterHub is required here (CI or WORKBOOK_REQUIRE_HUB=1) but: {error}")
        pytest.skip(f"no JupyterHub on this machine: {error}")
    summary = result.summary()
    assert result.errors == [] and result.tracebacks == [], (result.errors + result.tracebacks)[:5]
    assert result.kills == 1 and result.killed_lessons_rerun == 1
    assert result.hub_restart.get("away_s", 0) > 0
    for lesson in result.lessons:
        assert summary["per_lesson"][lesson]["n"] == 5, summary["per_lesson"]
    assert summary["wall_s"] is not None and summary["wall_s"] > 0
    assert result.acknowledged >= 5 * 2, "every learner saves at least one answer per lesson"
    assert result.lost == []
    assert result.collected_missing == 0 and result.collected_rows >= result.acknowledged
    assert result.memory["kernels_seen"] >= 5 * 2 + 1  # two lessons each, plus the restarted kernel
    assert result.memory["kernel_max_mb"] > 20
    assert result.processes_left == 0
    assert not Path(result.root).exists()


def test_the_class_runs_inside_a_running_event_loop() -> None:
    """Playwright's sync API and a Jupyter kernel keep a loop running; the class must still run there."""
    import asyncio

    async def inner() -> int:
        await asyncio.sleep(0)
        return 42

    async def outer() -> int:
        return run._run_loop(inner())

    assert run._run_loop(outer()) == 42  # outer runs a loop, and inner has to start inside it
