"""The printable handout: one static HTML page for a class without computers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workbook.articles import Article
from workbook.handout._html import CSS, esc
from workbook.handout.sections import (
    article_name,
    assessment_html,
    better_coverage_html,
    glossary_html,
    primer_html,
    question_html,
    reading_view_html,
    rubric_html,
    source_card_worksheet_html,
    task_worksheet_html,
)

#: The lessons in notebook order: (question topic, title shown on the handout).
LESSONS: tuple[tuple[str, str], ...] = (
    ("start", "Start here"),
    ("texts", "Lesson 1: Meet the texts"),
    ("sourcing", "Lesson 2: Sourcing"),
    ("figures", "Lesson 3: Figures"),
    ("history", "Lesson 4: History"),
    ("rhetoric", "Lesson 5: Rhetoric"),
    ("synthesis", "Lesson 6: Putting it together"),
)
#: General questions, reflections and exit tickets (in ``notebooks/questions/``) that go with each lesson.
GENERAL: dict[str, tuple[str, ...]] = {
    "start": ("tools-who-judges", "reflect-start"),
    "texts": ("tools-provenance", "tools-lateral-reading", "reflect-texts", "exit-01"),
    "sourcing": ("tools-vague-source", "tools-scare-quote", "reflect-sourcing", "exit-02"),
    "figures": ("tools-approximate", "tools-year-gap", "reflect-figures", "exit-03"),
    "history": ("tools-check-date", "tools-analogy", "reflect-history", "exit-04"),
    "rhetoric": ("tools-fact-opinion", "reflect-rhetoric", "exit-05"),
    "synthesis": ("tools-fair-comparison", "reflect-synthesis", "exit-06"),
}
#: Paper versions of the annotation tasks, by lesson topic.
TASKS: dict[str, str] = {"sourcing": "source-type", "rhetoric": "claim-kind"}
REPO = Path(__file__).resolve().parent.parent.parent
#: Where the general questions live, beside the notebooks.
GENERAL_QUESTIONS = REPO / "notebooks" / "questions"


def _lesson_articles(articles: Sequence[Article] | None) -> list[Article]:
    if articles is not None:
        return list(articles)
    from workbook.config import lesson_articles

    return lesson_articles()


def _all_questions(folders: Iterable[str | Path] | None = None) -> dict[str, dict[str, Any]]:
    """Every question in the shipped files and in the general-question folder beside the notebooks."""
    from workbook.questionbank import load_questions

    found = dict(load_questions())
    extra = [GENERAL_QUESTIONS] if folders is None else [Path(f) for f in folders]
    for folder in extra:
        if Path(folder).is_dir():
            found.update(load_questions(folder))
    return found


def lesson_questions(
    articles: Sequence[Article], questions: Mapping[str, Mapping[str, Any]]
) -> list[tuple[str, str, list[Mapping[str, Any]]]]:
    """For each lesson: its topic, its title, and its questions for these articles.

    A question about one text is kept only when that text is one of `articles`
    (so the seeds' keyed questions leave the handout when other articles are
    used); the general questions, reflections and exit tickets go with every pair.
    """
    ids = {a.id for a in articles}
    out = []
    for topic, title in LESSONS:
        chosen = [q for q in questions.values() if q.get("topic") == topic and q.get("article") in ids]
        chosen += [questions[i] for i in GENERAL.get(topic, ()) if i in questions]
        out.append((topic, title, chosen))
    return out


def _reading_section(articles: Sequence[Article]) -> str:
    from workbook.context import ContextError, article_context

    parts = ['<section class="page"><h1>Read first</h1><p>Read both texts before any analysis. '
             "The background and the word list for each text come first; the texts have no highlights.</p></section>"]
    for number, article in enumerate(articles, start=1):
        try:
            context = article_context(article)
        except ContextError as error:
            context = None
            parts.append(f'<p class="note">The background sheet for this text could not be read: {esc(error)}</p>')
        parts.append(
            f'<section class="page"><h2>Before you read text {number}: what happened, and words to know</h2>'
            f"{primer_html(context)}{glossary_html(context)}</section>"
        )
        parts.append(reading_view_html(article, context, number))
        parts.append(
            f'<section class="page"><h2>Text {number}: who is behind it?</h2>'
            f"{source_card_worksheet_html(context.source_card if context else None)}"
            f"{better_coverage_html(context.better_coverage if context else None)}</section>"
        )
    return "".join(parts)


def _task_worksheets(topic: str, articles: Sequence[Article]) -> str:
    from workbook.questionbank import load_task, task_items

    if topic not in TASKS:
        return ""
    task = load_task(TASKS[topic])
    return "".join(task_worksheet_html(task, article, task_items(task, article)) for article in articles)


def _assessment(which: str, questions: Mapping[str, Mapping[str, Any]]) -> str:
    from workbook.context import assessment_article

    qid = f"{which}-task"
    if qid not in questions:
        return ""
    title = "Before the lessons: judge an unfamiliar text" if which == "pre" else "After the lessons: judge another unfamiliar text"
    return assessment_html(assessment_article(which), questions[qid], title)


def handout_html(
    articles: Sequence[Article] | None = None,
    categories: Iterable[str] | None = None,
    question_folders: Iterable[str | Path] | None = None,
) -> str:
    """The printable handout as one HTML string.

    In order: the pre-task; for each text its background (primer), word list
    (glossary), plain reading view and a "Who is behind this?" card to fill in;
    the machine's highlights; the questions of every lesson with boxes and lines
    (no answers), the paper annotation tasks and each lesson's exit ticket; the
    post-task; the rubrics; the reference sheet with its sources.

    `articles` default to `workbook.config.lesson_articles()`, so the handout
    follows the same switch as the notebooks; `categories` limits the highlights
    (default: all); `question_folders` replaces the folder of general questions
    beside the notebooks.
    """
    from workbook.handout.sections import reference_sheet_html
    from workbook.rubrics import load_rubrics
    from workbook.widgets import highlight_html

    articles = _lesson_articles(articles)
    questions = _all_questions(question_folders)
    listing = "".join(
        f"<li><strong>{esc(a.label)}</strong>: “{esc(a.title)}”, by {esc(a.author or 'no byline')}, "
        f"{esc(a.date.isoformat() if a.date else 'no date')}; publisher: {esc(a.publisher or 'not named')}</li>"
        for a in articles
    )
    highlighted = "".join(
        f'<section class="page"><h2>Text {n} with the machine\'s highlights: {esc(a.label)}</h2>'
        '<p class="note">Use this page after you have marked the text yourself (lessons 2 to 5). Each highlight '
        "has a numbered tag; the list under the text says why it was made. The rules can be wrong: you are the judge.</p>"
        f"{highlight_html([a], categories)}</section>"
        for n, a in enumerate(articles, start=1)
    )
    lessons = []
    for topic, title, chosen in lesson_questions(articles, questions):
        if not chosen:
            continue
        body = "".join(question_html(q, article_name(q.get("article"), articles)) for q in chosen)
        lessons.append(f"<section><h2>{esc(title)}</h2>{body}{_task_worksheets(topic, articles)}</section>")
    rubrics = "".join(rubric_html(r) for r in load_rubrics())
    today = dt.date.today().isoformat()
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Media Literacy Workbook: handout</title>"
        f"<style>{CSS}</style></head><body>"
        "<h1>Media Literacy Workbook: handout</h1>"
        "<p>Two opinion texts about the war in Ukraine, side by side. Real people have died in this war: "
        "please be respectful when you discuss it. This handout teaches how to read, not what to think. "
        "Both texts get the same questions. Write your answers on the lines; tick the boxes.</p>"
        f"<ul>{listing}</ul>"
        f"{_assessment('pre', questions)}"
        f"{_reading_section(articles)}"
        f"{highlighted}"
        f'<section class="page"><h1>Questions</h1>{"".join(lessons)}</section>'
        f"{_assessment('post', questions)}"
        f'<section class="page"><h1>How your answers are read</h1><p>Each lesson\'s exit ticket and reflection, and the '
        "tasks before and after the lessons, are read with these rubrics. Your opinion of the war is never marked: "
        f"how carefully you read is.</p>{rubrics}</section>"
        f'<section class="page"><h1>Reference sheet</h1>{reference_sheet_html(articles)}</section>'
        f'<p class="note">Made {today} by the Media Literacy Workbook.</p>'
        "</body></html>\n"
    )


def write_handout(path: str | Path = "handout.html", articles: Sequence[Article] | None = None,
                  categories: Iterable[str] | None = None) -> Path:
    """Write the handout to `path` (UTF-8) and return the path. For ``workbook handout``."""
    path = Path(path)
    path.write_text(handout_html(articles, categories), encoding="utf-8")
    return path
