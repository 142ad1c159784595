"""The question and task data layer works without widgets, and the widgets package still offers it."""

from __future__ import annotations

import re
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


def test_the_source_task_marks_the_sources_own_words_not_what_they_said():
    from workbook import article_from_text
    from workbook.questionbank import load_task, task_items

    article = article_from_text(
        "A headline\n\nBy Ann Writer\n\nSecretary of State Marco Rubio told the press the talks would fail. "
        "He said the other side was not serious.\n"
    )
    items = task_items(load_task("source-type"), article)
    shown = items["text"].tolist()
    assert "Secretary of State Marco Rubio" in shown
    # a pronoun source is marked where it stands, so the learner works out who "He" is
    he = items[items["text"] == "He"].iloc[0]
    assert he["context"][int(he["mark_at"]) :].startswith("He said")


def test_a_marked_item_is_marked_as_a_whole_word():
    from workbook import article_from_text
    from workbook.widgets.tasks import AnnotationTask

    # "he" stands inside "Then" and "the" before it stands as the source: only the source is marked
    article = article_from_text("A headline\n\nBy Ann Writer\n\nAnn Lee met the press. Then he said the plan would fail.\n")
    task = {"id": "t", "title": "T", "labels": ["a", "b"], "items": "findings", "category": "sources", "limit": 5,
            "machine": {"map": {"person": "a"}, "default": "b"}}
    screen = AnnotationTask(task, article, store=None)
    html = " ".join(child.children[0].value for child in screen.children if hasattr(child, "children") and child.children
                    and hasattr(child.children[0], "value"))
    assert "<mark" in html
    assert "t<mark" not in html  # never inside another word
    assert re.search(r"Then <mark[^>]*>he</mark> said", html), html


def test_marked_context_marks_the_words_where_the_item_says_they_stand():
    from workbook.questionbank import marked_context

    item = {"context": "Then the mayor said he would go.", "text": "he", "mark_at": 20}
    assert marked_context(item) == ("Then the mayor said ", "he", " would go.")
    assert marked_context({**item, "mark_at": None}) == ("Then the mayor said ", "he", " would go.")
    assert marked_context({"context": "A whole sentence.", "text": "A whole sentence.", "mark_at": None}) == ("A whole sentence.", "", "")
