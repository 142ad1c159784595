"""Durability of the answers store (`workbook.answers`): nothing acknowledged is ever lost.

A learner's kernel can die at any moment: a restart, a closed laptop, a
JupyterHub culling idle servers. These tests kill real writer processes
(``SIGKILL``, no clean-up) at random moments, many times over on the same
answers file, and check after every kill that

* every answer whose save had returned before the kill is still there, exactly;
* the database passes SQLite's full ``integrity_check`` and opens without being
  treated as damaged (nothing is moved aside);
* writing goes on afterwards.

Writers run as separate interpreters (``python -c``), like kernels, and
acknowledge each answer on stdout only after `AnswerStore.record` returned.
Answers are of mixed size (up to 100 KB), so kills also land inside WAL
checkpoints and multi-page writes, and the first kill can land while the file
is being created.

Damaged files: a damaged database is moved aside byte for byte, with a message
naming both places, and a fresh store starts; damage SQLite can recover from (a
garbage write-ahead log) loses nothing and moves nothing.

The widgets engineer's tests/test_answers.py covers the basic cases (four kills,
three kinds of damage); these go further.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from pathlib import Path

import pytest

from workbook import answers  # noqa: E402
AnswerStore = answers.AnswerStore
AnswersWarning = answers.AnswersWarning

pytestmark = pytest.mark.slow

#: How many times a writer is killed on the same file.
ROUNDS = 20

_WRITER = textwrap.dedent(
    """
    import json, random, sys
    from workbook.answers import AnswerStore
    path, name, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    store = AnswerStore(path)
    print("open", flush=True)
    n = 0
    while True:
        size = rng.choice([10, 200, 5_000, 100_000])
        store.record(f"{name}-{n}", {"n": n, "seed": seed, "text": "x" * size}, kind="text")
        print(f"ack {n} {size}", flush=True)
        n += 1
    """
)


def expected_answer(n: int, seed: int, size: int) -> dict:
    return {"n": n, "seed": seed, "text": "x" * size}


class Writer:
    """A writer process whose acknowledged answers are collected as they arrive."""

    def __init__(self, path: Path, name: str, seed: int) -> None:
        self.name, self.seed = name, seed
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), name, str(seed)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.acknowledged: dict[str, dict] = {}
        self.opened = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if not line.endswith("\n"):
                break  # a line cut short by the kill was never acknowledged
            parts = line.split()
            if parts == ["open"]:
                self.opened.set()
            elif len(parts) == 3 and parts[0] == "ack":
                n, size = int(parts[1]), int(parts[2])
                self.acknowledged[f"{self.name}-{n}"] = expected_answer(n, self.seed, size)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)
        self._reader.join(30)
        error = self.process.stderr.read() if self.process.stderr else ""
        assert self.process.returncode == -signal.SIGKILL, f"the writer died by itself:\n{error[-2000:]}"


def check_store(path: Path, acknowledged: dict[str, dict]) -> None:
    """Every acknowledged answer is there, the file is whole, and nothing (more) was moved aside."""
    moved_before = sorted(path.parent.glob(f"{path.name}.damaged-*"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", AnswersWarning)  # being treated as damaged would warn
        store = AnswerStore(path)
    try:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = {row["question"]: row["answer"] for row in store.attempts()}
        lost = [question for question in acknowledged if question not in saved]
        assert not lost, f"{len(lost)} acknowledged answers lost, e.g. {lost[:3]}"
        for question, answer in acknowledged.items():
            assert saved[question] == answer, f"{question} changed"
    finally:
        store.close()
    assert sorted(path.parent.glob(f"{path.name}.damaged-*")) == moved_before, "a healthy file was moved aside"


@pytest.mark.timeout(300)
def test_a_writer_killed_at_random_moments_many_times_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "answers.sqlite3"
    rng = random.Random(8)
    acknowledged: dict[str, dict] = {}
    kills_before_any_answer = 0
    for round_number in range(ROUNDS):
        writer = Writer(path, f"r{round_number}", seed=round_number)
        # The first rounds may be killed while the file is created and the interpreter starts;
        # later ones after a random stretch of saving.
        if round_number < 3:
            time.sleep(rng.uniform(0.0, 1.5))
        else:
            assert writer.opened.wait(60), "the writer never opened the store"
            time.sleep(rng.uniform(0.0, 0.4))
        writer.kill()
        kills_before_any_answer += not writer.acknowledged
        acknowledged.update(writer.acknowledged)
        check_store(path, acknowledged)
    assert len(acknowledged) > ROUNDS, "too few answers were saved for the test to mean anything"
    # Writing goes on normally afterwards.
    store = AnswerStore(path)
    store.record("after", "still works")
    assert store.latest("after")["answer"] == "still works"
    store.close()


@pytest.mark.timeout(300)
def test_two_writers_one_killed_at_random_loses_nothing(tmp_path: Path) -> None:
    """Two notebooks of one learner save at once; one kernel dies mid-save, the other goes on."""
    path = tmp_path / "answers.sqlite3"
    AnswerStore(path).close()
    rng = random.Random(2)
    acknowledged: dict[str, dict] = {}
    for round_number in range(6):
        survivor = Writer(path, f"s{round_number}", seed=100 + round_number)
        victim = Writer(path, f"v{round_number}", seed=200 + round_number)
        assert survivor.opened.wait(60) and victim.opened.wait(60)
        time.sleep(rng.uniform(0.05, 0.4))
        victim.kill()
        time.sleep(0.2)
        count = len(survivor.acknowledged)
        deadline = time.monotonic() + 30
        while len(survivor.acknowledged) < count + 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(survivor.acknowledged) >= count + 3, "the other writer stalled after the kill"
        survivor.kill()
        acknowledged.update(victim.acknowledged)
        acknowledged.update(survivor.acknowledged)
        check_store(path, acknowledged)


# ---- damaged files ----------------------------------------------------------------------------------


def _filled(path: Path, count: int = 50) -> None:
    store = AnswerStore(path)
    for n in range(count):
        store.record(f"q{n}", {"n": n, "text": "y" * 300})
    store.close()


def test_a_garbage_write_ahead_log_loses_nothing(tmp_path: Path) -> None:
    """A torn or garbage ``-wal`` file is ignored by SQLite: the store is not 'damaged'."""
    path = tmp_path / "answers.sqlite3"
    _filled(path)
    Path(f"{path}-wal").write_bytes(random.Random(3).randbytes(40_000))
    check_store(path, {f"q{n}": {"n": n, "text": "y" * 300} for n in range(50)})


@pytest.mark.parametrize("damage", ["header", "zeroed-middle", "half", "not-sqlite-at-all"])
def test_a_damaged_file_is_moved_aside_byte_for_byte(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "answers.sqlite3"
    _filled(path, 400)
    data = bytearray(path.read_bytes())
    if damage == "header":
        data[0:16] = b"NOT A DATABASE!!"
    elif damage == "zeroed-middle":
        data[4096: len(data) - 4096] = bytes(len(data) - 8192)
    elif damage == "half":
        data = data[: len(data) // 2 + 123]
    else:
        data = bytearray(b'{"format": "workbook-answers", "answers": []}')  # a download saved over it
    path.write_bytes(bytes(data))
    with pytest.warns(AnswersWarning) as warned:
        store = AnswerStore(path)
    moved = sorted(tmp_path.glob("answers.sqlite3.damaged-*"))
    main = [p for p in moved if not p.name.endswith(("-wal", "-shm", "-journal"))]
    assert len(main) == 1, moved
    assert main[0].read_bytes() == bytes(data), "the damaged file must be kept exactly, for rescue"
    message = str(warned[0].message)
    assert str(path) in message and str(main[0]) in message and "new" in message
    assert store.notice == message
    assert len(store) == 0
    store.record("fresh", 1)
    store.close()
    check_store(path, {"fresh": 1})


def test_damage_found_twice_keeps_both_copies(tmp_path: Path) -> None:
    path = tmp_path / "answers.sqlite3"
    copies = []
    for attempt in range(2):
        path.write_bytes(f"garbage number {attempt} ".encode() * 300)
        copies.append(path.read_bytes())
        with pytest.warns(AnswersWarning):
            AnswerStore(path).close()
    moved = sorted(p for p in tmp_path.glob("answers.sqlite3.damaged-*") if "-wal" not in p.name and "-shm" not in p.name)
    assert sorted(p.read_bytes() for p in moved) == sorted(copies)


def test_a_store_opened_while_another_kernel_writes_is_not_called_damaged(tmp_path: Path) -> None:
    """A busy file is not a damaged file: opening it must never move a live store aside."""
    path = tmp_path / "answers.sqlite3"
    writer = Writer(path, "busy", seed=1)
    try:
        assert writer.opened.wait(60)
        for _ in range(20):
            with warnings.catch_warnings():
                warnings.simplefilter("error", AnswersWarning)
                try:
                    AnswerStore(path, timeout=5).close()
                except answers.AnswersError as error:  # "busy; try again" is an acceptable answer
                    assert "busy" in str(error)
            time.sleep(0.02)
    finally:
        writer.kill()
    check_store(path, writer.acknowledged)

