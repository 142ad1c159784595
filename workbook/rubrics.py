"""The beginning / emerging / mastery rubrics (``workbook/data/rubrics.toml``).

One rubric per lesson (its exit ticket and reflection) and one for the pre-task
and post-task. Each has a skill, and for each level a description and an example
answer. The handout prints them; ``docs/teacher/rubrics.md`` is generated from
them (`workbook.handout.write_rubrics`).

>>> [r.id for r in load_rubrics()][:2]
['lesson-1', 'lesson-2']
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

LEVELS = ("beginning", "emerging", "mastery")


class RubricError(ValueError):
    """The rubrics file is malformed; the message names the rubric and the field."""


@dataclass(frozen=True)
class Level:
    describe: str
    example: str


@dataclass(frozen=True)
class Rubric:
    id: str
    lesson: int
    title: str
    questions: tuple[str, ...]
    skill: str
    levels: dict[str, Level]

    def for_question(self, question_id: str) -> bool:
        return question_id in self.questions


@lru_cache(maxsize=1)
def _load() -> tuple[Rubric, ...]:
    path = resources.files("workbook").joinpath("data/rubrics.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rubrics = []
    for entry in data.get("rubric", []):
        where = f"rubrics.toml: rubric {entry.get('id')!r}"
        for key in ("id", "title", "skill"):
            if not str(entry.get(key, "")).strip():
                raise RubricError(f"{where}: `{key}` is missing.")
        levels = {}
        for level in LEVELS:
            table = entry.get(level)
            if not isinstance(table, dict) or not str(table.get("describe", "")).strip() or not str(table.get("example", "")).strip():
                raise RubricError(f"{where}: `{level}` needs describe = \"...\" and example = \"...\".")
            levels[level] = Level(str(table["describe"]), str(table["example"]))
        rubrics.append(Rubric(str(entry["id"]), int(entry.get("lesson", 0)), str(entry["title"]),
                              tuple(entry.get("questions", [])), str(entry["skill"]), levels))
    return tuple(rubrics)


def load_rubrics() -> list[Rubric]:
    """Every rubric, in file order (lessons 1 to 7, then the pre/post task)."""
    return list(_load())


def rubric_for(question_id: str) -> Rubric | None:
    """The rubric that scores `question_id` (an exit ticket, reflection or the pre/post task), or None."""
    return next((r for r in _load() if r.for_question(question_id)), None)
