"""Keep every answer a learner gives, safely, and let a teacher collect a class's answers.

Where answers live
------------------
One SQLite database (Python's standard library, no server) per user account:

* the folder named by the environment variable ``WORKBOOK_ANSWERS_DIR``, if set;
* otherwise ``workbook-answers/`` in the user's home folder
  (``~/workbook-answers/answers.sqlite3``).

On Binder the home folder disappears with the session, so learners press
"download my answers" (`workbook.widgets.download_button`) before they leave;
on a school JupyterHub the home folder is kept between sessions.

What is kept
------------
Every attempt, exactly as given, with the time it was saved: nothing is ever
overwritten or deleted. The latest attempt is what the widgets show when a
notebook is opened again. Each save is one transaction in write-ahead-log
(WAL) mode with full synchronisation (a rollback journal instead on network
file systems such as NFS, where WAL is unsafe), so a kernel restart, a closed tab, a
crash or two notebooks writing at once lose nothing that was acknowledged.
A damaged database file is moved aside (``answers.sqlite3.damaged-<time>``)
with a message saying so, and a fresh one is started.

The learner chooses a pseudonym once (`AnswerStore.set_pseudonym`); it names
their downloaded file, after `safe_name` has removed anything that could act
as a path (``/``, ``\\``, ``..``, NUL and other control characters).

For teachers
------------
``collect(paths)`` merges downloaded files (JSON or CSV, or folders holding
them) into one table; ``distribution(table)`` counts the answers to each
question; ``agreement(table)`` gives, for each annotation task, how far
learners agree with each other (Fleiss' kappa; Cohen's kappa when there are
exactly two) and with the machine's labels. ``collect_command(paths, output)``
does all of that for the command line (``workbook collect FOLDER_OR_FILES``).

>>> import tempfile
>>> store = AnswerStore(Path(tempfile.mkdtemp()) / "answers.sqlite3")
>>> store.set_pseudonym("blue heron")
'blue heron'
>>> store.record("start-who-wrote-000", "Roy Landersen", kind="choice", correct=True)
1
>>> store.latest("start-who-wrote-000")["answer"]
'Roy Landersen'
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import math
import os
import re
import sqlite3
import sys
import threading
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.plainwords import how_many

#: Environment variable that chooses the answers folder.
ANSWERS_DIR_VARIABLE = "WORKBOOK_ANSWERS_DIR"
#: The database file inside that folder.
DATABASE_NAME = "answers.sqlite3"
#: Identifies files made by `AnswerStore.export_json`.
FORMAT_NAME = "workbook-answers"
FORMAT_VERSION = 1
#: Longest pseudonym accepted, in characters.
MAX_PSEUDONYM = 40
#: Longest single answer accepted, in characters (a long essay is about 20,000).
MAX_ANSWER_CHARS = 200_000

#: Columns of every exported or collected answers table, in order.
COLUMNS = [
    "pseudonym", "question", "item", "kind", "topic", "article",
    "answer", "correct", "expected", "attempt", "saved_at",
    "agrees_with_machine", "agrees_with_key",
]
#: Columns added after the first release; an older store or file without them is still read.
LATER_COLUMNS = ("agrees_with_machine", "agrees_with_key")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS answers (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    pseudonym TEXT NOT NULL,
    question  TEXT NOT NULL,
    item      TEXT NOT NULL DEFAULT '',
    kind      TEXT NOT NULL,
    topic     TEXT,
    article   TEXT,
    answer    TEXT NOT NULL,
    correct   INTEGER,
    expected  TEXT,
    saved_at  TEXT NOT NULL,
    agrees_with_machine INTEGER,
    agrees_with_key     INTEGER
);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers (question, item, id);
"""


class AnswersError(Exception):
    """A problem with answers or answer files, explained in plain words."""

    def _render_traceback_(self) -> list[str]:
        """Show only the message in Jupyter, without a Python traceback."""
        return [f"AnswersError: {self}"]


class AnswersWarning(UserWarning):
    """Something about the answers store a learner or teacher should know."""


# ---- where, and under what name --------------------------------------------------------------


def answers_dir() -> Path:
    """The folder answers are kept in: ``$WORKBOOK_ANSWERS_DIR`` or ``~/workbook-answers``."""
    override = os.environ.get(ANSWERS_DIR_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return Path.home() / "workbook-answers"


def safe_name(name: str, fallback: str = "learner") -> str:
    """A file-name-safe version of `name`: letters, digits, ``-`` and ``_`` only.

    Accents are dropped ("Zoë" becomes "Zoe"); anything else, including ``/``,
    ``\\``, ``.``, NUL and other control characters, becomes ``-``. The result
    is never empty, never starts with ``-`` and is at most 40 characters.

    >>> safe_name("../../etc/passwd"), safe_name("Zoë K."), safe_name("\\x00")
    ('etc-passwd', 'Zoe-K', 'learner')
    """
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9_-]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-_")[:MAX_PSEUDONYM].strip("-_")
    return text or fallback


def check_pseudonym(name: str) -> str:
    """`name` stripped, or `AnswersError` saying what is wrong with it."""
    if not isinstance(name, str):
        raise AnswersError("A pseudonym must be text.")
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        raise AnswersError("Type a pseudonym first: a made-up name, not your real one.")
    if len(name) > MAX_PSEUDONYM:
        raise AnswersError(f"That pseudonym is {len(name)} characters long; use at most {MAX_PSEUDONYM}.")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in name):
        raise AnswersError("That pseudonym contains invisible control characters; type it again.")
    if not re.search(r"\w", name):
        raise AnswersError("Use at least one letter or digit in your pseudonym.")
    return name


#: File systems where SQLite's write-ahead log is unsafe (https://www.sqlite.org/wal.html, "WAL does
#: not work over a network filesystem"); school JupyterHubs often keep home folders on NFS.
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "afs", "fuse.sshfs", "lustre", "gpfs"}


def filesystem_type(path: str | Path) -> str:
    """The type of the file system holding `path` (``ext4``, ``nfs4`` ...), or "" if unknown.

    Read from ``/proc/mounts`` on Linux; elsewhere "" (and the store uses WAL).
    """
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    target = str(Path(path).resolve().parent)
    best, kind = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, parts[2]
    return kind


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


# ---- the store --------------------------------------------------------------------------------


class AnswerStore:
    """A learner's answers in one SQLite file.

    `path` defaults to ``answers_dir() / "answers.sqlite3"``. Opening a damaged
    file moves it aside and starts a new one; `notice` then holds the message
    (also issued as an `AnswersWarning`).
    """

    def __init__(self, path: str | Path | None = None, timeout: float = 30.0) -> None:
        self.path = Path(path) if path is not None else answers_dir() / DATABASE_NAME
        self.timeout = timeout
        self.notice: str | None = None
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._opened_id: tuple[int, int] | None = None
        #: Functions called with the new row id after every saved answer (the download link uses this).
        self.listeners: list[Any] = []
        self._open()

    # -- opening, and recovering from damage --

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        try:
            self._prepare(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def _prepare(self, connection: sqlite3.Connection) -> None:
        """Set the journal mode, check the file's integrity and create the tables."""
        connection.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        wanted = "DELETE" if filesystem_type(self.path) in NETWORK_FILESYSTEMS else "WAL"
        mode = connection.execute(f"PRAGMA journal_mode = {wanted}").fetchone()[0]
        if str(mode).lower() != wanted.lower():  # WAL refused: fall back to a rollback journal
            connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = FULL")
        result = connection.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {result}")
        connection.executescript(_SCHEMA)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(answers)")}
        missing = {"pseudonym", "question", "item", "kind", "answer", "saved_at"} - columns
        if missing:
            raise sqlite3.DatabaseError(f"the answers table lacks {sorted(missing)}")
        for column in LATER_COLUMNS:  # a store from before these columns: add them, keep every row
            if column not in columns:
                connection.execute(f"ALTER TABLE answers ADD COLUMN {column} INTEGER")

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise AnswersError(
                f"{self.path.parent}: cannot create the answers folder ({error.strerror}). "
                f"Set {ANSWERS_DIR_VARIABLE} to a folder you can write to."
            ) from error
        try:
            self._connection = self._connect()
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                raise AnswersError(f"{self.path}: the answers file is busy; try again in a moment.") from error
            self._move_aside(error)
            self._connection = self._connect()
        self._opened_id = self._file_id()

    def _move_aside(self, error: Exception) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{counter}")
        for suffix in ("", "-wal", "-shm", "-journal"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                os.replace(source, Path(f"{target}{suffix}"))
        self.notice = (
            f"The answers file {self.path} was damaged and could not be read ({error}). "
            f"It was moved to {target}, where a teacher may be able to rescue it, "
            "and a new, empty answers file was started. Answers from now on are saved as usual."
        )
        warnings.warn(self.notice, AnswersWarning, stacklevel=3)

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection; reopened if the file was deleted or replaced meanwhile."""
        if self._connection is not None and self._file_id() != self._opened_id:
            self.close()  # e.g. a teacher cleared the folder: never write into a deleted file
        if self._connection is None:
            self._open()
        assert self._connection is not None
        return self._connection

    def _file_id(self) -> tuple[int, int] | None:
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        return (status.st_dev, status.st_ino)

    def close(self) -> None:
        """Close the database (it reopens by itself when used again)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> "AnswerStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, sql: str, parameters: Sequence[Any]) -> int:
        """Run one statement in its own immediate transaction; return the new row id.

        If the file turns out to be damaged, it is moved aside, a fresh one is
        started (see `notice`) and the statement is run there.
        """
        try:
            return self._write_once(sql, parameters)
        except AnswersError:
            raise
        except sqlite3.DatabaseError as error:
            with self._lock:
                self.close()
                self._move_aside(error)
                self._open()
            return self._write_once(sql, parameters)

    def _write_once(self, sql: str, parameters: Sequence[Any]) -> int:
        with self._lock:
            connection = self.connection
            deadline = time.monotonic() + self.timeout
            while True:
                try:
                    connection.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) and "busy" not in str(error) or time.monotonic() > deadline:
                        raise AnswersError(f"{self.path}: could not save the answer ({error}). Try again.") from error
                    time.sleep(0.05)
            try:
                cursor = connection.execute(sql, parameters)
                connection.execute("COMMIT")
            except BaseException:
                try:
                    connection.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                raise
            return int(cursor.lastrowid or 0)

    # -- the pseudonym --

    @property
    def pseudonym(self) -> str | None:
        """The learner's pseudonym, or None before one is chosen."""
        with self._lock:
            row = self.connection.execute("SELECT value FROM meta WHERE key = 'pseudonym'").fetchone()
        return row[0] if row else None

    def set_pseudonym(self, name: str, replace: bool = False) -> str:
        """Choose the pseudonym (once). Choosing a different one needs ``replace=True``."""
        name = check_pseudonym(name)
        current = self.pseudonym
        if current is not None and current != name and not replace:
            raise AnswersError(
                f"You already chose the pseudonym {current!r}. Keep using it so your answers stay together."
            )
        self._write("INSERT OR REPLACE INTO meta (key, value) VALUES ('pseudonym', ?)", (name,))
        return name

    # -- answers --

    def record(
        self,
        question: str,
        answer: Any,
        kind: str = "text",
        correct: bool | None = None,
        item: str = "",
        topic: str | None = None,
        article: str | None = None,
        expected: Any = None,
        agrees_with_machine: bool | None = None,
        agrees_with_key: bool | None = None,
    ) -> int:
        """Save one attempt at once and return its number in the store (1, 2, ...).

        `answer` is kept exactly as given (text, number, list of choices, a label),
        encoded as JSON. `item` names the sentence or span of an annotation task;
        `expected` holds the machine's label for it. For a label, agreeing with the
        machine (`agrees_with_machine`) and agreeing with the teacher's key
        (`agrees_with_key`, None where there is no key) are kept apart: differing
        from the machine is not an error. `correct` is for questions with an answer
        key. When this returns, the answer is on disk.
        """
        if not question or not isinstance(question, str):
            raise AnswersError("Every answer needs the id of its question.")
        encoded = json.dumps(answer, ensure_ascii=False)
        if len(encoded) > MAX_ANSWER_CHARS:
            raise AnswersError(
                f"That answer is {len(encoded):,} characters long; the limit is {MAX_ANSWER_CHARS:,}. Shorten it."
            )
        row_id = self._write(
            "INSERT INTO answers (pseudonym, question, item, kind, topic, article, answer, correct, expected, saved_at,"
            " agrees_with_machine, agrees_with_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.pseudonym or "",
                question,
                str(item),
                kind,
                topic,
                article,
                encoded,
                None if correct is None else int(bool(correct)),
                None if expected is None else json.dumps(expected, ensure_ascii=False),
                _now(),
                None if agrees_with_machine is None else int(bool(agrees_with_machine)),
                None if agrees_with_key is None else int(bool(agrees_with_key)),
            ),
        )
        for listener in list(self.listeners):
            try:
                listener(row_id)
            except Exception as error:  # a display problem must never undo a saved answer
                warnings.warn(f"After saving answer {row_id}: {error}", AnswersWarning, stacklevel=2)
        return row_id

    def _rows(self, where: str = "", parameters: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self.connection.execute(
                "SELECT id, pseudonym, question, item, kind, topic, article, answer, correct, expected, saved_at,"
                f" agrees_with_machine, agrees_with_key FROM answers {where} ORDER BY id",
                parameters,
            )
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        counts: Counter[tuple[str, str, str]] = Counter()
        current = self.pseudonym or ""
        for row in rows:
            row["pseudonym"] = row["pseudonym"] or current  # answered before choosing a pseudonym
            row["answer"] = json.loads(row["answer"])
            row["expected"] = None if row["expected"] is None else json.loads(row["expected"])
            row["correct"] = None if row["correct"] is None else bool(row["correct"])
            for column in LATER_COLUMNS:
                row[column] = None if row[column] is None else bool(row[column])
            _read_old_label(row)
            key = (row["pseudonym"], row["question"], row["item"])
            counts[key] += 1
            row["attempt"] = counts[key]
        return rows

    def latest(self, question: str, item: str = "") -> dict[str, Any] | None:
        """The last attempt at `question` (and `item`), as a dict, or None."""
        with self._lock:
            row = self.connection.execute(
                "SELECT id FROM answers WHERE question = ? AND item = ? ORDER BY id DESC LIMIT 1", (question, str(item))
            ).fetchone()
        if row is None:
            return None
        rows = self._rows("WHERE question = ? AND item = ?", (question, str(item)))
        return rows[-1]

    def latest_items(self, question: str) -> dict[str, dict[str, Any]]:
        """For an annotation task: the last attempt for each item, keyed by item."""
        return {row["item"]: row for row in self._rows("WHERE question = ?", (question,))}

    def attempts(self, question: str | None = None) -> list[dict[str, Any]]:
        """Every attempt (at `question`, or at everything), oldest first."""
        if question is None:
            return self._rows()
        return self._rows("WHERE question = ?", (question,))

    def __len__(self) -> int:
        with self._lock:
            return int(self.connection.execute("SELECT COUNT(*) FROM answers").fetchone()[0])

    # -- export --

    def table(self) -> pd.DataFrame:
        """Every attempt as a table with `COLUMNS` (answers as JSON text)."""
        rows = self._rows()
        for row in rows:
            row["answer"] = json.dumps(row["answer"], ensure_ascii=False)
            row["expected"] = None if row["expected"] is None else json.dumps(row["expected"], ensure_ascii=False)
        return _typed(pd.DataFrame(rows, columns=COLUMNS))

    def export_json(self) -> str:
        """All attempts as a JSON document (the format `collect` reads)."""
        rows = [{name: row[name] for name in COLUMNS} for row in self._rows()]
        document = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "pseudonym": self.pseudonym,
            "exported_at": _now(),
            "answers": rows,
        }
        return json.dumps(document, ensure_ascii=False, indent=1)

    def export_csv(self) -> str:
        """All attempts as CSV text (answers as JSON text in their column)."""
        buffer = io.StringIO()
        self.table().to_csv(buffer, index=False)
        return buffer.getvalue()

    def download_name(self, suffix: str = "json") -> str:
        """The file name for a download: ``answers-<safe pseudonym>.<suffix>``."""
        return f"answers-{safe_name(self.pseudonym or 'learner')}.{suffix}"

    def data_url(self, suffix: str = "json") -> str:
        """The export as a ``data:`` URL, for a download link that needs no server."""
        if suffix == "json":
            text, mime = self.export_json(), "application/json"
        elif suffix == "csv":
            text, mime = self.export_csv(), "text/csv"
        else:
            raise AnswersError(f"Answers can be downloaded as json or csv, not {suffix!r}.")
        return f"data:{mime};charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")

    def save_export(self, folder: str | Path | None = None, suffix: str = "json") -> Path:
        """Write the export into `folder` (default: the answers folder) and return its path."""
        folder = Path(folder) if folder is not None else self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        target = (folder / self.download_name(suffix)).resolve()
        if target.parent != folder.resolve():  # safe_name makes this impossible; check anyway
            raise AnswersError(f"Refusing to write outside {folder}.")
        text = self.export_json() if suffix == "json" else self.export_csv()
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
        return target


_default: AnswerStore | None = None
_default_path: Path | None = None


def default_store() -> AnswerStore:
    """The store in `answers_dir()`, opened once per kernel (reopened if the folder changes)."""
    global _default, _default_path
    path = answers_dir() / DATABASE_NAME
    if _default is None or _default_path != path:
        _default = AnswerStore(path)
        _default_path = path
    return _default


# ---- collecting a class's files -------------------------------------------------------------


def _as_bool(value: Any) -> bool | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return {"true": True, "1": True, "false": False, "0": False}.get(value.strip().lower())
    return bool(value)


def _read_old_label(row: dict[str, Any]) -> None:
    """A label saved before agreement was kept apart: its `correct` meant "same as the machine".

    Such a row gets `agrees_with_machine` from the label and the machine's label,
    and `correct` becomes unknown (there was no teacher's key), so a learner who
    disagreed with the machine is no longer counted wrong.
    """
    if row.get("kind") in ("label", "predict") and row.get("agrees_with_machine") is None and row.get("expected") is not None:
        row["agrees_with_machine"] = row["answer"] == row["expected"]
        if row.get("agrees_with_key") is None:
            row["correct"] = None


def _old_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """`_read_old_label` for a collected table (answers and expected as JSON text)."""
    old = (frame["kind"].isin(["label", "predict"]) & frame["agrees_with_machine"].isna() & frame["expected"].notna()).fillna(False)
    if old.any():
        frame.loc[old, "agrees_with_machine"] = (
            frame.loc[old, "answer"].map(_display) == frame.loc[old, "expected"].map(_display))
        frame.loc[old & frame["agrees_with_key"].isna(), "correct"] = pd.NA
    return frame


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reindex(columns=COLUMNS)
    for name in ("pseudonym", "question", "item", "kind", "topic", "article", "answer", "expected", "saved_at"):
        frame[name] = frame[name].astype("string")
    frame["correct"] = frame["correct"].astype("boolean")
    for name in LATER_COLUMNS:
        frame[name] = frame[name].map(_as_bool).astype("boolean")
    frame = _old_labels(frame)
    frame["attempt"] = pd.to_numeric(frame["attempt"], errors="coerce").astype("Int64")
    return frame


def _read_file(path: Path) -> pd.DataFrame:
    """One downloaded answers file as a table, or AnswersError naming the problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise AnswersError(f"{path}: cannot read this file ({error}).") from error
    if path.suffix.lower() == ".json":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise AnswersError(f"{path}: not valid JSON (line {error.lineno}); was the download complete?") from error
        if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
            raise AnswersError(f"{path}: this is not a workbook answers file.")
        rows = document.get("answers")
        if not isinstance(rows, list):
            raise AnswersError(f"{path}: the file has no list of answers.")
        cleaned = []
        for row in rows:
            if not isinstance(row, dict):
                continue
            row = dict(row)
            row["answer"] = json.dumps(row.get("answer"), ensure_ascii=False)
            if row.get("expected") is not None:
                row["expected"] = json.dumps(row["expected"], ensure_ascii=False)
            if not row.get("pseudonym"):
                row["pseudonym"] = document.get("pseudonym") or ""
            cleaned.append(row)
        frame = pd.DataFrame(cleaned, columns=COLUMNS)
    elif path.suffix.lower() == ".csv":
        first_line = text.split("\n", 1)[0]
        separator = ";" if first_line.count(";") > first_line.count(",") else ","  # re-saved by a spreadsheet
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=separator)
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            raise AnswersError(f"{path}: not a readable CSV file ({error}).") from error
        missing = {"pseudonym", "question", "answer"} - set(frame.columns)
        if missing:
            raise AnswersError(f"{path}: this CSV file lacks the columns {', '.join(sorted(missing))}.")
        frame = frame.replace({"": None})
        frame["correct"] = frame.get("correct", pd.Series(dtype=str)).map(
            {"True": True, "False": False, "true": True, "false": False, "1": True, "0": False}
        )
    else:
        raise AnswersError(f"{path}: answers files end in .json or .csv.")
    frame["item"] = frame["item"].fillna("")
    frame["pseudonym"] = frame["pseudonym"].fillna("")
    return _typed(frame)


def _files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for entry in paths:
        entry = Path(entry)
        if entry.is_dir():
            files.extend(sorted(p for p in entry.iterdir() if p.is_file() and p.suffix.lower() in (".json", ".csv")))
        elif entry.exists():
            files.append(entry)
        else:
            raise AnswersError(f"{entry}: no file or folder by this name.")
    return files


def collect(paths: str | Path | Iterable[str | Path]) -> pd.DataFrame:
    """Merge a class's downloaded answers files (or folders of them) into one table.

    Files that cannot be read are skipped with an `AnswersWarning` naming them;
    the list of problems is in ``table.attrs["problems"]``. An answer that
    appears in two files (a learner who downloaded twice) is kept once.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    frames, problems = [], []
    for path in _files(paths):
        try:
            frames.append(_read_file(path))
        except AnswersError as error:
            problems.append(str(error))
            warnings.warn(str(error), AnswersWarning, stacklevel=2)
    if frames:
        table = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
    else:
        table = _typed(pd.DataFrame(columns=COLUMNS))
    table = table.drop_duplicates(subset=["pseudonym", "question", "item", "answer", "saved_at"])
    table = table.sort_values(["pseudonym", "saved_at"], kind="stable").reset_index(drop=True)
    table.attrs["problems"] = problems
    return table


def final_answers(table: pd.DataFrame) -> pd.DataFrame:
    """Each learner's last attempt at each question (and item)."""
    if table.empty:
        return table.copy()
    ordered = table.sort_values("saved_at", kind="stable")
    return ordered.drop_duplicates(subset=["pseudonym", "question", "item"], keep="last").reset_index(drop=True)


def _display(answer: Any) -> str:
    """An answer (JSON text) as a short readable string: lists joined with "; "."""
    try:
        value = json.loads(answer)
    except (TypeError, ValueError):
        return str(answer)
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def distribution(table: pd.DataFrame) -> pd.DataFrame:
    """How the class answered each question: one row per (question, answer).

    Uses each learner's final attempt. Columns: question, answer, learners,
    share (of the learners who answered that question), correct.
    Annotation tasks are left out (see `agreement`).
    """
    columns = ["question", "answer", "learners", "share", "correct"]
    final = final_answers(table)
    if final.empty:
        return pd.DataFrame(columns=columns)
    final = final[final["kind"].fillna("") != "label"].copy()
    final["shown"] = final["answer"].map(_display)
    grouped = (
        final.groupby(["question", "shown"], dropna=False)
        .agg(learners=("pseudonym", "nunique"), correct=("correct", "max"))
        .reset_index()
        .rename(columns={"shown": "answer"})
    )
    totals = final.groupby("question")["pseudonym"].nunique()
    grouped["share"] = grouped["learners"] / grouped["question"].map(totals)
    return grouped.sort_values(["question", "learners"], ascending=[True, False])[columns].reset_index(drop=True)


def cohen_kappa(first: Sequence[Any], second: Sequence[Any]) -> float:
    """Cohen's kappa for two raters' labels of the same items (NaN when undefined).

    1 is perfect agreement, 0 is what chance alone would give.

    >>> round(cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]), 3)
    0.5
    """
    if len(first) != len(second):
        raise ValueError("Both raters must label the same items.")
    n = len(first)
    if n == 0:
        return math.nan
    observed = sum(a == b for a, b in zip(first, second)) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[label] * count_b[label] for label in set(count_a) | set(count_b)) / (n * n)
    if expected == 1:
        return math.nan
    return (observed - expected) / (1 - expected)


def fleiss_kappa(items: Sequence[dict[Any, int] | Counter]) -> float:
    """Fleiss' kappa from, for each item, how many raters chose each label.

    Items rated by fewer than two raters are left out; items may have different
    numbers of raters. NaN when undefined (fewer than two items, or a single label).
    """
    items = [Counter(item) for item in items if sum(item.values()) >= 2]
    if len(items) < 2:
        return math.nan
    agreement = []
    totals: Counter[Any] = Counter()
    for item in items:
        n = sum(item.values())
        agreement.append((sum(c * c for c in item.values()) - n) / (n * (n - 1)))
        totals.update(item)
    observed = sum(agreement) / len(agreement)
    grand = sum(totals.values())
    expected = sum((count / grand) ** 2 for count in totals.values())
    if expected == 1:
        return math.nan
    return (observed - expected) / (1 - expected)


def agreement(table: pd.DataFrame) -> pd.DataFrame:
    """Agreement per annotation task, from each learner's final label for each item.

    Columns: task, learners, items, between_learners (Fleiss' kappa, or Cohen's
    when exactly two learners), method, with_machine (mean of each learner's
    Cohen's kappa against the machine's labels), agree_with_machine (share of
    labels equal to the machine's).
    """
    columns = ["task", "learners", "items", "between_learners", "method", "with_machine", "agree_with_machine"]
    final = final_answers(table)
    if final.empty:
        return pd.DataFrame(columns=columns)
    labels = final[final["kind"].fillna("") == "label"].copy()
    rows = []
    for task, group in labels.groupby("question", sort=True):
        group = group.assign(label=group["answer"].map(_display))
        learners = sorted(group["pseudonym"].unique())
        items = sorted(group["item"].unique())
        if len(learners) == 2:
            first = group[group["pseudonym"] == learners[0]].set_index("item")["label"]
            second = group[group["pseudonym"] == learners[1]].set_index("item")["label"]
            shared = first.index.intersection(second.index)
            between, method = cohen_kappa(list(first[shared]), list(second[shared])), "Cohen"
        else:
            counts = [Counter(g["label"]) for _, g in group.groupby("item")]
            between, method = fleiss_kappa(counts), "Fleiss"
        machine = group[group["expected"].notna()]
        with_machine = []
        for _, mine in machine.groupby("pseudonym"):
            value = cohen_kappa(list(mine["label"]), list(mine["expected"].map(_display)))
            if not math.isnan(value):
                with_machine.append(value)
        rows.append({
            "task": task,
            "learners": len(learners),
            "items": len(items),
            "between_learners": between,
            "method": method if len(learners) >= 2 else "",
            "with_machine": sum(with_machine) / len(with_machine) if with_machine else math.nan,
            "agree_with_machine": (
                float((machine["label"] == machine["expected"].map(_display)).mean()) if len(machine) else math.nan
            ),
        })
    return pd.DataFrame(rows, columns=columns)


def describe_kappa(value: float) -> str:
    """Words for a kappa value (Landis and Koch, 1977, Biometrics 33:159-174)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "cannot tell (too few answers, or everyone used one label)"
    if value < 0:
        return "less than chance"
    for limit, words in ((0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if value <= limit:
            return words
    return "almost perfect"


def collect_command(paths: Sequence[str | Path], output: str | Path | None = None, stream: Any = None) -> int:
    """What ``workbook collect FOLDER_OR_FILES [-o OUTPUT]`` does; returns an exit code.

    Merges the files, prints a short summary (files, learners, answers,
    problems, agreement per task) and, when `output` is given, writes the merged
    table there (``.csv`` or ``.json``) plus ``<output>-summary.csv`` with the
    answer distribution. Returns 0, or 1 when nothing could be read.
    """
    stream = stream or sys.stdout
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", AnswersWarning)
            table = collect(paths)
    except AnswersError as error:
        print(f"workbook collect: {error}", file=stream)
        return 1
    problems = table.attrs.get("problems", [])
    for problem in problems:
        print(f"skipped: {problem}", file=stream)
    learners = table["pseudonym"].nunique()
    print(f"{how_many(len(table), 'answer')} from {how_many(learners, 'learner')}.", file=stream)
    for row in agreement(table).itertuples(index=False):
        print(
            f"task {row.task}: {how_many(row.learners, 'learner')}, {how_many(row.items, 'item')}; "
            f"agreement between learners {_fmt(row.between_learners)} ({describe_kappa(row.between_learners)}); "
            f"with the machine {_fmt(row.with_machine)}.",
            file=stream,
        )
    if output is not None:
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        if output.suffix.lower() == ".json":
            output.write_text(table.to_json(orient="records", force_ascii=False, indent=1), encoding="utf-8")
        else:
            table.to_csv(output, index=False)
        summary = output.with_name(output.stem + "-summary.csv")
        distribution(table).to_csv(summary, index=False)
        print(f"wrote {output} and {summary}", file=stream)
    if table.empty:
        print("No answers found. Point the command at the downloaded answers-*.json or .csv files.", file=stream)
        return 1
    return 0


def _fmt(value: float) -> str:
    return "n/a" if value is None or math.isnan(value) else f"{value:.2f}"
