"""A printable handout for a class without computers, and the teacher's documents.

`handout_html()` makes one static HTML page (``workbook handout`` writes it): the
pre-task; for each text a background sheet (primer), a word list (glossary), the
plain reading view and a "Who is behind this?" card to fill in; the texts with
the machine's highlights (each with a numbered tag and a line pattern as well as
a colour, so it prints in black and white); the questions of every lesson with
boxes to tick and lines to write on (no answers), paper versions of the
annotation tasks and every exit ticket; the post-task; the rubrics; and the
reference sheet with its sources. Nothing on it asks the reader to type or run
code. Every piece of article text, metadata and question text is HTML-escaped;
the page has no scripts and loads nothing from the internet.

`write_answer_key()`, `write_reference_sheet()` and `write_rubrics()` write the
teacher's Markdown documents under ``docs/teacher/`` from the data files.

Modules: `page` (the handout), `sections` (its parts, pure functions to HTML),
`teacher_docs` (the Markdown documents).

>>> page = handout_html()                                   # doctest: +SKIP
>>> "<script" in page
False
"""

from workbook.handout.page import GENERAL, GENERAL_QUESTIONS, LESSONS, REPO, TASKS, handout_html, lesson_questions, write_handout
from workbook.handout.sections import (
    assessment_html,
    better_coverage_html,
    glossary_html,
    primer_html,
    question_html,
    reading_view_html,
    reference_sheet_html,
    rubric_html,
    source_card_worksheet_html,
    task_worksheet_html,
)
from workbook.handout.teacher_docs import (
    ANSWER_KEY,
    REFERENCE_SHEET,
    RUBRICS,
    answer_key_markdown,
    reference_sheet_markdown,
    rubrics_markdown,
    write_answer_key,
    write_reference_sheet,
    write_rubrics,
)

__all__ = [
    "ANSWER_KEY", "GENERAL", "GENERAL_QUESTIONS", "LESSONS", "REFERENCE_SHEET", "REPO", "RUBRICS", "TASKS",
    "answer_key_markdown", "assessment_html", "better_coverage_html", "glossary_html", "handout_html",
    "lesson_questions", "primer_html", "question_html", "reading_view_html", "reference_sheet_html",
    "reference_sheet_markdown", "rubric_html", "rubrics_markdown", "source_card_worksheet_html", "task_worksheet_html",
    "write_answer_key", "write_handout", "write_reference_sheet", "write_rubrics",
]
