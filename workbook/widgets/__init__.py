"""Interactive pieces for the notebooks: highlighter, explorer, questions, tasks, answers.

API summary (for notebook authors; every function returns a widget you can put
last in a cell, and every widget saves what the learner does at once):

    from workbook import widgets as w

    w.pseudonym_chooser()                 # once, in the start notebook
    w.reading_view(article)               # the text to read: headline, byline, date, paragraphs
    w.reading_view(article, shortened=True)   # the shorter version, when the context has one
    w.about(article); w.parts(article)    # who, when, where; the parts of the text in plain words
    w.glossary(article); w.primer(article)    # words to know; what happened and when
    w.source_card(article); w.better_coverage(article)   # lateral reading (SIFT)
    w.predict(article, "quotes")          # mark sentences first (quotes, figures, time, loaded),
                                          #   then reveal the computer's marks and compare
    w.sum_checks(article); w.reference_sheet([a, b]); w.comparison([a, b])
                                          # learner tables (raw tables: figures.checks(a), ...)
    w.highlighter(articles)               # one Article or a list (two side by side)
    w.highlighter(articles, categories=["quotes", "rhetoric"], on=["rhetoric: loaded"])
                                          #   categories: quotes, sources, figures, time,
                                          #   rhetoric; `on`: groups switched on at first
    w.explorer(articles)                  # pick article + category, filter, see the table
                                          #   and each finding in its sentence and paragraph
    w.question("sourcing-source-list-000")     # one self-check question by id
    w.question("tools-run-cell", folder="questions")   # from another folder of TOML files
    w.questions("sourcing")               # every question of a lesson topic, both texts
    w.questions("sourcing", article=a)    # only the questions about article `a`
    w.reflection("synthesis-evaluate-000")     # a free-text question from the files
    w.reflection("my-notes", prompt="What did you notice?")   # or one made up on the spot
    w.annotation_task("claim-kind", a)    # label sentences, then compare with the machine
    w.annotation_task("source-type", a)   # label each source: named, vague, ...
    w.download_button()                   # "download my answers" (JSON, CSV): works on Binder
    w.paste_article()                     # paste or upload an article: saved, checked, one of the pair
    w.teacher_view("class-folder/")       # a class's downloaded files: distributions, kappa

    w.highlight_html(articles, categories=None) -> str
                                          # the highlighter as one escaped HTML string,
                                          # legend included (for the printable handout)

Driving widgets from Python (tests, or cells that run only under a test switch):
``q.answer = "..."; q.check_button.click()`` then read ``q.feedback.value`` and
``q.last_result``; ``h.toggles["figures"].value = False`` then ``h.view.value``;
``t.selectors[item].value = "opinion"; t.compare_button.click()``;
``p.name.value = "heron"; p.save_button.click()``.

Question ids, topics and the file format: ``docs/questions-format.md``; the
files are ``workbook/data/questions/*.toml`` and ``workbook/data/tasks/*.toml``.
Lesson topics: start, texts, sourcing, figures, history, rhetoric, synthesis.
Every question about one text has a twin about the other (``...-000`` / ``...-003``).

Answers go to the SQLite store in `workbook.answers` (``WORKBOOK_ANSWERS_DIR``,
else ``~/workbook-answers/``); reopening a notebook puts saved answers back.
Charts are in `workbook.charts`; the rows the highlighter draws come from
`workbook.findings.findings(article)`. Everything shown is HTML-escaped.
"""

from __future__ import annotations

from workbook.answers import AnswerStore, AnswersError, cohen_kappa, describe_kappa
from workbook.questionbank import (
    QUESTION_TYPES,
    TOPICS,
    WorkbookDataError,
    _normalise_text,
    _spread,
    check_answer,
    find_all,
    get_question,
    load_questions,
    load_task,
    normalise_text,
    parse_number,
    questions_folder,
    task_items,
    tasks_folder,
)
from workbook.widgets._common import _article_label, _as_articles, _esc, _feedback_html, _notice_html, _open_store
from workbook.widgets.answers_ui import DownloadButton, PseudonymChooser, download_button, pseudonym_chooser
from workbook.widgets.explorer import Explorer, _context_html, explorer
from workbook.widgets.highlighter import (
    Highlighter,
    highlight_html,
    highlighter,
    legend_html,
    line_style,
)
from workbook.widgets.paste import PasteArticle, paste_article
from workbook.widgets.questions import QuestionWidget, question, questions, reflection
from workbook.widgets.styles import (
    BACKGROUNDS,
    BY_LABEL,
    CATEGORY_STYLES,
    TEXT_COLOUR,
    contrast_ratio,
    group_name,
    group_of,
    group_styles,
    relative_luminance,
)
from workbook.widgets.tasks import NO_LABEL, AnnotationTask, annotation_task, none_label, task_labels
from workbook.widgets.teacher import KAPPA_MEANING, rejected_findings, side_by_side, teacher_html, teacher_view
from workbook.widgets._common import Screen, article_name, table_html
from workbook.widgets.highlighter import first_payload, redraw_payload
from workbook.widgets.chart_screen import ChartWithTable, chart
from workbook.widgets.lateral import better_coverage, better_coverage_html, source_card, source_card_html
from workbook.widgets.predict import Predict, agreement_counts, passage_items, predict, reveal_html
from workbook.widgets.reading import (
    ReadingView,
    about,
    about_html,
    glossary,
    glossary_html,
    parts,
    parts_html,
    primer,
    primer_html,
    reading_minutes,
    reading_view,
    reading_view_html,
)
from workbook.widgets.styles import PLAIN_LABELS, plain_label, tag_text
from workbook.widgets.tables import (
    comparison,
    comparison_html,
    reference_sheet,
    reference_sheet_html,
    sum_checks,
    sum_checks_html,
)

__all__ = [
    "AnnotationTask", "AnswerStore", "AnswersError", "BACKGROUNDS", "BY_LABEL", "CATEGORY_STYLES",
    "DownloadButton", "Explorer", "Highlighter", "NO_LABEL", "PseudonymChooser", "QUESTION_TYPES",
    "QuestionWidget", "TEXT_COLOUR", "TOPICS", "WorkbookDataError", "annotation_task", "check_answer",
    "cohen_kappa", "contrast_ratio", "describe_kappa", "download_button", "explorer", "find_all",
    "get_question", "group_name", "group_of", "group_styles", "highlight_html", "highlighter",
    "legend_html", "line_style", "load_questions", "load_task", "normalise_text", "parse_number",
    "pseudonym_chooser", "question", "questions", "questions_folder", "reflection", "relative_luminance",
    "task_items", "tasks_folder", "teacher_view",
    # screens added with the package split
    "ChartWithTable", "chart", "KAPPA_MEANING", "PLAIN_LABELS", "Predict", "ReadingView", "Screen", "about", "about_html", "agreement_counts",
    "article_name", "better_coverage", "better_coverage_html", "comparison", "comparison_html", "first_payload",
    "glossary", "glossary_html", "none_label", "parts", "parts_html", "passage_items", "plain_label", "predict",
    "primer", "primer_html", "reading_minutes", "reading_view", "reading_view_html", "redraw_payload",
    "reference_sheet", "reference_sheet_html", "rejected_findings", "reveal_html", "side_by_side", "source_card",
    "source_card_html", "sum_checks", "sum_checks_html", "table_html", "tag_text", "task_labels", "teacher_html",
    "PasteArticle", "paste_article",
]

from workbook.jupyter_settings import ensure_news_off as _ensure_news_off

_ensure_news_off()  # an editable install has no data files: mend it quietly (see workbook.jupyter_settings)
