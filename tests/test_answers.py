"""The answers store: nothing a learner gives is lost, files are safe, teachers can collect."""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import random
import signal
import sqlite3
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from workbook import answers
from workbook.answers import (
    AnswerStore,
    AnswersError,
    AnswersWarning,
    agreement,
    cohen_kappa,
    collect,
    collect_command,
    distribution,
    fleiss_kappa,
    safe_name,
)


@pytest.fixture
def store(tmp_path):
    with AnswerStore(tmp_path / "answers.sqlite3") as opened:
        yield opened


# ---- saving and reading back ---------------------------------------------------------------


def test_every_attempt_is_kept_exactly_as_given(store):
    given = ["Roy Landersen", ["a", "b"], 14000, 3.5, "Zoë wrote:\n“quoted” <b>bold</b>\x7f", None, {"x": 1}]
    for value in given:
        store.record("q1", value, kind="text")
    rows = store.attempts("q1")
    assert [row["answer"] for row in rows] == given
    assert [row["attempt"] for row in rows] == list(range(1, len(given) + 1))
    assert store.latest("q1")["answer"] == {"x": 1}
    assert store.latest("never-asked") is None


def test_answers_survive_reopening(tmp_path):
    path = tmp_path / "answers.sqlite3"
    first = AnswerStore(path)
    first.set_pseudonym("blue heron")
    first.record("q", "kept", correct=True)
    first.close()
    again = AnswerStore(path)
    assert again.pseudonym == "blue heron"
    assert again.latest("q")["answer"] == "kept"
    assert again.latest("q")["correct"] is True


def test_wal_mode_and_full_sync(store):
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_network_file_systems_get_a_rollback_journal(tmp_path, monkeypatch):
    assert answers.filesystem_type(tmp_path) != ""  # Linux: read from /proc/mounts
    monkeypatch.setattr(answers, "filesystem_type", lambda path: "nfs4")
    store = AnswerStore(tmp_path / "answers.sqlite3")
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    store.record("q", "kept")
    assert AnswerStore(tmp_path / "answers.sqlite3").latest("q")["answer"] == "kept"


def test_location_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_ANSWERS_DIR", str(tmp_path / "class"))
    assert answers.answers_dir() == tmp_path / "class"
    assert answers.default_store().path == tmp_path / "class" / "answers.sqlite3"
    monkeypatch.delenv("WORKBOOK_ANSWERS_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert answers.answers_dir() == tmp_path / "home" / "workbook-answers"


def test_pseudonym_is_chosen_once(store):
    assert store.pseudonym is None
    store.set_pseudonym("  river  ")
    assert store.pseudonym == "river"
    store.set_pseudonym("river")  # the same again is fine
    with pytest.raises(AnswersError, match="already chose"):
        store.set_pseudonym("lake")
    assert store.set_pseudonym("lake", replace=True) == "lake"
    for bad in ("", "   ", "x" * 41, "a\x00b", "?!"):
        with pytest.raises(AnswersError):
            store.set_pseudonym(bad, replace=True)


def test_answers_given_before_the_pseudonym_carry_it_in_exports(store):
    store.record("q", "early")
    store.set_pseudonym("owl")
    assert store.table()["pseudonym"].tolist() == ["owl"]


@pytest.mark.parametrize(
    "name, expected",
    [("../../etc/passwd", "etc-passwd"), ("a/b\\c", "a-b-c"), ("\x00", "learner"), ("..", "learner"),
     ("Zoë K.", "Zoe-K"), ("名前", "learner"), ("ok_name-1", "ok_name-1")],
)
def test_safe_name_removes_path_characters(name, expected):
    result = safe_name(name)
    assert result == expected
    assert "/" not in result and "\\" not in result and "\x00" not in result and ".." not in result


@pytest.mark.parametrize("pseudonym", ["../../escape", "a/../../b", "..\\..\\x", "dot.dot..", "/abs/path"])
def test_exports_stay_inside_their_folder(tmp_path, pseudonym):
    store = AnswerStore(tmp_path / "db" / "answers.sqlite3")
    store.set_pseudonym(pseudonym)
    store.record("q", "a")
    out = tmp_path / "out"
    written = store.save_export(out)
    assert written.parent == out.resolve()
    assert sorted(p.name for p in tmp_path.rglob("answers-*")) == [written.name]
    assert json.loads(written.read_text(encoding="utf-8"))["pseudonym"] == pseudonym


def test_too_long_answer_is_refused_with_a_message(store):
    with pytest.raises(AnswersError, match="characters long"):
        store.record("q", "x" * (answers.MAX_ANSWER_CHARS + 1))
    assert len(store) == 0


# ---- damage -------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "truncated", "scrambled"])
def test_a_damaged_file_is_moved_aside_and_a_fresh_store_starts(tmp_path, damage):
    path = tmp_path / "answers.sqlite3"
    first = AnswerStore(path)
    for n in range(200):
        first.record(f"q{n}", "x" * 200)
    first.close()
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    else:
        scrambled = bytearray(data)
        scrambled[100:8000] = random.Random(1).randbytes(7900)
        path.write_bytes(bytes(scrambled))
    with pytest.warns(AnswersWarning, match="damaged"):
        fresh = AnswerStore(path)
    assert fresh.notice and "moved to" in fresh.notice and str(path) in fresh.notice
    moved = list(tmp_path.glob("answers.sqlite3.damaged-*"))
    assert moved and moved[0].stat().st_size > 0
    assert len(fresh) == 0
    fresh.record("q", "after")
    assert fresh.latest("q")["answer"] == "after"


def test_a_deleted_file_is_recreated_not_written_into_the_void(store):
    store.record("q", "before")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    store.record("q", "after")
    assert store.path.exists()
    assert [row["answer"] for row in AnswerStore(store.path).attempts()] == ["after"]


def test_damage_found_while_writing_moves_the_file_aside_and_saves(tmp_path):
    path = tmp_path / "answers.sqlite3"
    store = AnswerStore(path)
    store.record("q", "first")
    store.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with open(path, "r+b") as handle:  # same file, damaged in place
        handle.write(b"garbage" * 200)
    store._connection = None  # as if the kernel kept running and the file broke under it
    store._opened_id = store._file_id()
    with pytest.warns(AnswersWarning, match="damaged"):
        store.record("q", "second")
    assert store.latest("q")["answer"] == "second"
    assert list(tmp_path.glob("answers.sqlite3.damaged-*"))


# ---- several writers, and a writer killed mid-save -------------------------------------------


def _writer(path: str, name: str, count: int) -> None:
    store = AnswerStore(path)
    for n in range(count):
        store.record(f"{name}-{n}", n, kind="number")
    store.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "answers.sqlite3")
    AnswerStore(path).close()
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_writer, args=(path, name, 60)) for name in ("left", "right")]
    for process in writers:
        process.start()
    for process in writers:
        process.join(120)
        assert process.exitcode == 0
    store = AnswerStore(path)
    questions = {row["question"] for row in store.attempts()}
    assert questions == {f"{name}-{n}" for name in ("left", "right") for n in range(60)}


def _acknowledging_writer(path: str, connection) -> None:
    store = AnswerStore(path)
    n = 0
    while True:
        row_id = store.record(f"q{n}", {"n": n, "text": "x" * 500}, kind="text")
        connection.send((row_id, n))
        n += 1


@pytest.mark.parametrize("seed", range(4))
def test_a_writer_killed_while_saving_leaves_the_store_intact(tmp_path, seed):
    path = str(tmp_path / "answers.sqlite3")
    AnswerStore(path).close()
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    process = context.Process(target=_acknowledging_writer, args=(path, theirs))
    process.start()
    wanted = random.Random(seed).randint(5, 60)
    acknowledged = []
    deadline = time.monotonic() + 60
    while len(acknowledged) < wanted and time.monotonic() < deadline:
        if ours.poll(1):
            acknowledged.append(ours.recv())
    time.sleep(random.Random(seed).random() * 0.01)  # land somewhere inside the next save
    os.kill(process.pid, signal.SIGKILL)
    process.join(10)
    while ours.poll(0.1):  # answers acknowledged just before the kill count too
        acknowledged.append(ours.recv())
    assert len(acknowledged) >= wanted
    with warnings.catch_warnings():
        warnings.simplefilter("error", AnswersWarning)  # a damaged file would warn
        store = AnswerStore(path)
    assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    saved = {row["question"]: row["answer"] for row in store.attempts()}
    for _row_id, n in acknowledged:
        assert saved[f"q{n}"] == {"n": n, "text": "x" * 500}


# ---- export, collect, summaries --------------------------------------------------------------


def _class(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    plan = {
        "ann": [("q-choice", "B", False), ("q-choice", "A", True), ("q-multi", ["x", "y"], True)],
        "ben": [("q-choice", "A", True), ("q-multi", ["x"], False)],
        "cem": [("q-choice", "C", False)],
    }
    labels = {"ann": ["fact", "opinion", "fact"], "ben": ["fact", "opinion", "opinion"], "cem": ["fact", "fact", "fact"]}
    machine = ["fact", "opinion", "fact"]
    for name, attempts in plan.items():
        store = AnswerStore(tmp_path / name / "answers.sqlite3")
        store.set_pseudonym(name)
        for question, answer, correct in attempts:
            store.record(question, answer, kind="multi" if isinstance(answer, list) else "choice", correct=correct)
        for item, (label, expected) in enumerate(zip(labels[name], machine)):
            store.record("claim-kind:000", label, kind="label", item=f"s{item}", expected=expected, correct=label == expected)
        suffix = "csv" if name == "ben" else "json"
        (folder / store.download_name(suffix)).write_text(
            store.export_csv() if suffix == "csv" else store.export_json(), encoding="utf-8"
        )
    return folder


def test_collect_merges_json_and_csv_files(tmp_path):
    folder = _class(tmp_path)
    table = collect(folder)
    assert list(table.columns) == answers.COLUMNS
    assert sorted(table["pseudonym"].unique()) == ["ann", "ben", "cem"]
    assert len(table) == 3 + 2 + 1 + 9
    ann_multi = table[(table["pseudonym"] == "ann") & (table["question"] == "q-multi")]
    assert json.loads(ann_multi["answer"].iloc[0]) == ["x", "y"]
    # Downloading twice does not double-count.
    (folder / "copy.json").write_text((folder / "answers-ann.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert len(collect(folder)) == len(table)


def test_collect_skips_bad_files_and_names_them(tmp_path):
    folder = _class(tmp_path)
    (folder / "broken.json").write_text('{"format": "workbook-ans', encoding="utf-8")
    (folder / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.warns(AnswersWarning):
        table = collect(folder)
    problems = " ".join(table.attrs["problems"])
    assert "broken.json" in problems and "other.json" in problems and "notes.csv" in problems
    assert table["pseudonym"].nunique() == 3
    with pytest.raises(AnswersError, match="no file or folder"):
        collect(tmp_path / "missing")


def test_collect_reads_a_csv_resaved_by_a_spreadsheet_with_semicolons(tmp_path):
    store = AnswerStore(tmp_path / "a.sqlite3")
    store.set_pseudonym("dot")
    store.record("q", "a, b", kind="text")
    path = tmp_path / "answers-dot.csv"
    store.table().to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    table = collect([path])
    assert table[["pseudonym", "question"]].values.tolist() == [["dot", "q"]]
    assert json.loads(table["answer"].iloc[0]) == "a, b"


def test_distribution_uses_each_learners_final_answer(tmp_path):
    table = collect(_class(tmp_path))
    dist = distribution(table)
    choice = dist[dist["question"] == "q-choice"].set_index("answer")
    assert choice.loc["A", "learners"] == 2 and choice.loc["C", "learners"] == 1
    assert "B" not in choice.index  # ann changed her mind
    assert choice["share"].sum() == pytest.approx(1.0)
    assert set(dist[dist["question"] == "q-multi"]["answer"]) == {"x; y", "x"}
    assert "claim-kind:000" not in set(dist["question"])


def test_cohen_kappa_matches_the_textbook_example():
    # Wikipedia, "Cohen's kappa": 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> kappa = 0.4
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    assert cohen_kappa(["a", "b"], ["a", "b"]) == pytest.approx(1.0)
    assert math.isnan(cohen_kappa(["a", "a"], ["a", "a"]))


def test_fleiss_kappa_matches_the_textbook_example():
    # Fleiss (1971) as worked in Wikipedia, "Fleiss' kappa": 10 items, 14 raters, 5 categories -> 0.210
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]
    items = [{category: count for category, count in enumerate(row) if count} for row in table]
    assert fleiss_kappa(items) == pytest.approx(0.210, abs=0.001)


def test_agreement_per_task(tmp_path):
    table = collect(_class(tmp_path))
    result = agreement(table).set_index("task")
    row = result.loc["claim-kind:000"]
    assert row["learners"] == 3 and row["items"] == 3 and row["method"] == "Fleiss"
    counts = [{"fact": 3}, {"opinion": 2, "fact": 1}, {"fact": 2, "opinion": 1}]
    assert row["between_learners"] == pytest.approx(fleiss_kappa(counts))
    assert row["agree_with_machine"] == pytest.approx(7 / 9)


def test_collect_command_writes_a_table_and_a_summary(tmp_path, capsys):
    folder = _class(tmp_path)
    output = tmp_path / "class.csv"
    assert collect_command([folder], output) == 0
    printed = capsys.readouterr().out
    assert "15 answers from 3 learners" in printed and "claim-kind:000" in printed
    assert len(pd.read_csv(output)) == 15
    assert set(pd.read_csv(tmp_path / "class-summary.csv")["question"]) == {"q-choice", "q-multi"}
    assert collect_command([tmp_path / "nothing-here"]) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    assert collect_command([empty]) == 1


def test_exported_csv_round_trips(store):
    store.set_pseudonym("kite")
    store.record("q", "comma, \"quote\"\nnew line", kind="text")
    text = store.export_csv()
    frame = pd.read_csv(pd.io.common.StringIO(text))
    assert json.loads(frame.loc[0, "answer"]) == "comma, \"quote\"\nnew line"
    assert store.data_url("csv").startswith("data:text/csv;charset=utf-8;base64,")


def test_store_reports_an_unwritable_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(AnswersError, match="cannot create the answers folder"):
        AnswerStore(blocker / "sub" / "answers.sqlite3")


def test_sqlite_file_is_a_plain_database(store):
    store.record("q", "a")
    assert sqlite3.connect(store.path).execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
