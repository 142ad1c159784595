"""The question and task data layer works without widgets, and the widgets package still offers it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbook import questionbank as qb


def test_questionbank_does_not_import_ipywidgets() -> None:
    code = "import sys, workbook.questionbank; print('ipywidgets' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_widgets_re_exports_the_data_functions() -> None:
    from workbook import widgets as w

    for name in ("load_questions", "get_question", "check_answer", "parse_number", "load_task",
                 "task_items", "questions_folder", "tasks_folder", "WorkbookDataError", "TOPICS"):
        assert getattr(w, name) is getattr(qb, name)


@pytest.mark.parametrize("typed, expected", [
    ("It doesn't say!", "it does not say"),
    ("  Café   Crème ", "cafe creme"),
    ("UNKNOWN.", "unknown"),
])
def test_normalise_text(typed: str, expected: str) -> None:
    assert qb.normalise_text(typed) == expected


def test_every_shipped_question_loads() -> None:
    found = qb.load_questions()
    assert found and all(q["type"] in qb.QUESTION_TYPES for q in found.values())
