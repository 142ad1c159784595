"""A printable handout for a class without computers, and the teacher's answer key.

`handout_html()` makes one static HTML page: both lesson texts highlighted (each
highlight carries a numbered tag and a line pattern as well as a colour, so it
prints in black and white), the self-check questions of every lesson with boxes
to tick and lines to write on (no answers), the reflection questions, and the
reference sheet with its sources. Every piece of article text, metadata and
question text is HTML-escaped; the page has no scripts and loads nothing from
the internet. `write_handout(path)` saves it (the command line's
``workbook handout`` calls it).

`answer_key_markdown()` writes the keys and feedback of every question as
Markdown for the teacher guide (``docs/teacher/answer-key.md``).

>>> page = handout_html()                                   # doctest: +SKIP
>>> "<script" in page
False
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.articles import Article

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
#: General questions and reflections (in ``notebooks/questions/``) that go with each lesson.
GENERAL: dict[str, tuple[str, ...]] = {
    "start": ("tools-who-judges", "reflect-start"),
    "texts": ("tools-provenance", "tools-lateral-reading", "reflect-texts"),
    "sourcing": ("tools-vague-source", "tools-scare-quote", "reflect-sourcing"),
    "figures": ("tools-approximate", "tools-year-gap", "reflect-figures"),
    "history": ("tools-check-date", "tools-analogy", "reflect-history"),
    "rhetoric": ("tools-per-thousand", "tools-fact-opinion", "reflect-rhetoric"),
    "synthesis": ("tools-fair-comparison", "reflect-synthesis"),
}
REPO = Path(__file__).resolve().parent.parent
#: Where the general questions live, beside the notebooks.
GENERAL_QUESTIONS = REPO / "notebooks" / "questions"
ANSWER_KEY = REPO / "docs" / "teacher" / "answer-key.md"

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; color: #111; background: #fff; max-width: 52em; margin: 1em auto; padding: 0 1em; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
.wb-columns { display: block !important; }
.wb-columns > * { margin-bottom: 1.5em; }
.question { border: 1px solid #999; padding: 0.4em 0.8em; margin: 0.6em 0; break-inside: avoid; }
.question .which { color: #333; font-size: 0.9em; }
.question ul { list-style: none; padding-left: 0.5em; }
.question li::before { content: "\\2610  "; font-size: 1.2em; }
.lines { border-bottom: 1px solid #777; height: 1.8em; }
table.reference { border-collapse: collapse; width: 100%; font-size: 0.9em; }
table.reference th, table.reference td { border: 1px solid #999; padding: 0.3em; vertical-align: top; text-align: left; }
.page { break-before: page; page-break-before: always; }
.note { font-size: 0.9em; color: #333; }
@media print { a { color: #111; text-decoration: none; } }
"""


def _esc(value: Any) -> str:
    if value is None:
        return ""
    if value is pd.NA:
        return ""
    return html.escape(str(value), quote=True)


def _lesson_articles(articles: Sequence[Article] | None) -> list[Article]:
    if articles is not None:
        return list(articles)
    from workbook.config import lesson_articles

    return lesson_articles()


def _all_questions(folders: Iterable[str | Path] | None = None) -> dict[str, dict[str, Any]]:
    """Every question in the shipped files and in the general-question folder beside the notebooks."""
    from workbook.widgets import load_questions

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
    used); the general questions and reflections go with every pair.
    """
    ids = {a.id for a in articles}
    out = []
    for topic, title in LESSONS:
        chosen = [q for q in questions.values() if q.get("topic") == topic and q.get("article") in ids]
        chosen += [questions[i] for i in GENERAL.get(topic, ()) if i in questions]
        out.append((topic, title, chosen))
    return out


def _article_name(article_id: str | None, articles: Sequence[Article]) -> str:
    for article in articles:
        if article.id == article_id:
            return article.label
    return ""


def question_html(question: Mapping[str, Any], which: str = "") -> str:
    """One question as printable HTML: the prompt, then boxes to tick or lines to write on."""
    kind = question.get("type")
    parts = ['<div class="question">']
    if which:
        parts.append(f'<div class="which">About: {_esc(which)}</div>')
    parts.append(f"<p><strong>{_esc(question.get('prompt'))}</strong></p>")
    if question.get("hint"):
        parts.append(f'<p class="note">Hint: {_esc(question["hint"])}</p>')
    if kind in ("choice", "multi"):
        note = "Tick one box." if kind == "choice" else "Tick every box that fits."
        parts.append(f'<p class="note">{note}</p><ul>')
        parts.extend(f"<li>{_esc(option.get('text'))}</li>" for option in question.get("options", []))
        parts.append("</ul>")
    elif kind == "number":
        unit = f" {_esc(question['unit'])}" if question.get("unit") else ""
        parts.append(f"<p>Answer: ____________{unit}</p>")
    else:
        count = 6 if kind == "reflection" else 2
        parts.append('<div class="lines"></div>' * count)
    parts.append("</div>")
    return "".join(parts)


def reference_sheet_html(articles: Sequence[Article]) -> str:
    """The reference sheet (facts, their sources, and what they say about claims in the texts)."""
    from workbook.timeline import reference_sheet

    sheet = reference_sheet(list(articles))
    if not len(sheet):
        return "<p>The reference sheet is empty.</p>"
    ids = {a.id for a in articles}
    rows = []
    for fact, group in sheet.groupby("fact", sort=False):
        first = group.iloc[0]
        claims = "".join(
            f"<li>{_esc(_article_name(row['article'], articles) or row['article'])}: "
            f"“{_esc(row['quote'])}” (<em>{_esc(row['relation'])}</em>)</li>"
            for _, row in group.iterrows()
            if row["article"] in ids
        )
        sources = "<br>".join(_esc(s.strip()) for s in str(first["sources"]).split(" | "))
        rows.append(
            f"<tr><td>{_esc(first['statement'])}</td><td>{_esc(first['when'])}</td>"
            f"<td>{sources}</td><td><ul>{claims}</ul></td></tr>"
        )
    return (
        '<table class="reference"><thead><tr><th>Fact</th><th>When</th><th>Sources</th>'
        "<th>Claims in the texts</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def handout_html(
    articles: Sequence[Article] | None = None,
    categories: Iterable[str] | None = None,
    question_folders: Iterable[str | Path] | None = None,
) -> str:
    """The printable handout as one HTML string (see the module's docstring).

    `articles` default to `workbook.config.lesson_articles()`, so the handout
    follows the same switch as the notebooks; `categories` limits the
    highlights (default: all); `question_folders` replaces the folder of general
    questions beside the notebooks.
    """
    from workbook.widgets import highlight_html

    articles = _lesson_articles(articles)
    questions = _all_questions(question_folders)
    listing = "".join(
        f"<li><strong>{_esc(a.label)}</strong>: “{_esc(a.title)}”, by {_esc(a.author or 'no byline')}, "
        f"{_esc(a.date.isoformat() if a.date else 'no date')}; publisher: {_esc(a.publisher or 'not named')}</li>"
        for a in articles
    )
    texts = "".join(
        f'<section class="page"><h2>Text {n}: {_esc(a.label)}</h2>{highlight_html([a], categories)}</section>'
        for n, a in enumerate(articles, start=1)
    )
    lessons = []
    for _topic, title, chosen in lesson_questions(articles, questions):
        if not chosen:
            continue
        body = "".join(question_html(q, _article_name(q.get("article"), articles)) for q in chosen)
        lessons.append(f"<section><h2>{_esc(title)}</h2>{body}</section>")
    today = dt.date.today().isoformat()
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Media Literacy Workbook: handout</title>"
        f"<style>{_CSS}</style></head><body>"
        "<h1>Media Literacy Workbook: handout</h1>"
        "<p>Two opinion texts about the war in Ukraine, side by side. Real people have died in this war: "
        "please be respectful when you discuss it. This handout teaches how to read, not what to think. "
        "Both texts get the same questions.</p>"
        f"<ul>{listing}</ul>"
        "<p class=\"note\">Highlights were made by the workbook's rules. Each one has a numbered tag; "
        "the list under each text says why it was made. The rules can be wrong: you are the judge.</p>"
        f"{texts}"
        f'<section class="page"><h1>Questions</h1>{"".join(lessons)}</section>'
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


# ---- the teacher's answer key -----------------------------------------------------------------


def _md(text: Any) -> str:
    """Text for a Markdown table cell or line: no pipes or line breaks to break the layout."""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _key_lines(question: Mapping[str, Any]) -> list[str]:
    kind = question.get("type")
    lines: list[str] = []
    if kind in ("choice", "multi"):
        for option in question.get("options", []):
            mark = "**✓**" if option.get("correct") else "✗"
            feedback = f" — {_md(option['feedback'])}" if option.get("feedback") else ""
            lines.append(f"  - {mark} {_md(option.get('text'))}{feedback}")
    elif kind == "number":
        tolerance = question.get("tolerance", 0)
        within = f" (± {tolerance})" if tolerance else ""
        unit = f" {question['unit']}" if question.get("unit") else ""
        lines.append(f"  - **Answer:** {question.get('answer')}{unit}{within}")
    elif kind == "text":
        lines.append(f"  - **Accepted:** {', '.join(_md(a) for a in question.get('accept', []))} ({question.get('match', 'exact')} match)")
        for canonical, variants in dict(question.get("synonyms", {})).items():
            lines.append(f"  - *Also read as “{_md(canonical)}”:* {', '.join(_md(v) for v in variants)}")
        for response in question.get("responses", []):
            verdict = {True: "right", False: "not right"}.get(response.get("correct"), "not judged")
            lines.append(f"  - *Answers like* {', '.join(_md(a) for a in response['accept'])} ({verdict}): {_md(response['feedback'])}")
    else:
        lines.append("  - Free writing, no key: score it with the lesson's rubric (teacher guide, “Assessment and rubrics”).")
    feedback = question.get("feedback") or {}
    if isinstance(feedback, Mapping):
        for name, text in feedback.items():
            lines.append(f"  - *Feedback ({_md(name)}):* {_md(text)}")
    return lines


def answer_key_markdown(questions: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """The answer key of every question, lesson by lesson, as Markdown (from the data files)."""
    from workbook.articles import load_seeds

    questions = _all_questions() if questions is None else questions
    seeds = load_seeds()
    lines = [
        "# Answer key",
        "",
        "Generated from the question files by `workbook.handout.write_answer_key()`; do not edit by hand",
        "(a test checks that this file matches the question files). Questions about one text come in",
        "twins: the same question about the other text follows. The general questions work for any pair",
        "of texts. Keys: `workbook/data/questions/*.toml` and `notebooks/questions/general.toml`.",
        "",
    ]
    for _topic, title, chosen in lesson_questions(seeds, questions):
        if not chosen:
            continue
        lines += [f"## {title}", ""]
        for question in chosen:
            about = _article_name(question.get("article"), seeds) or "any text"
            lines.append(f"- **{_md(question['id'])}** ({question.get('type')}, about {about}): {_md(question.get('prompt'))}")
            lines += _key_lines(question)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _write_doc(path: str | Path | None, default: Path, text: str) -> Path:
    """Write a generated teacher document to `path` (default: its place under docs/teacher/)."""
    path = Path(path) if path is not None else default
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_answer_key(path: str | Path | None = None) -> Path:
    """Write `answer_key_markdown()` to ``docs/teacher/answer-key.md`` (or `path`)."""
    return _write_doc(path, ANSWER_KEY, answer_key_markdown())


# ---- the reference sheet for the teacher guide -----------------------------------------------

REFERENCE_SHEET = REPO / "docs" / "teacher" / "reference-sheet.md"


def reference_sheet_markdown() -> str:
    """The reference sheet (``workbook/data/reference_sheet.toml``) as Markdown for GitHub."""
    from workbook.articles import load_seeds
    from workbook.timeline import load_reference_sheet

    names = {a.id: a.label for a in load_seeds()}
    lines = [
        "# Reference sheet",
        "",
        "Well-established facts behind the seed texts' historical claims, each with its sources, and",
        "what each fact says about a claim in a text: **supports**, **contradicts** or **leaves open**.",
        "Generated from `workbook/data/reference_sheet.toml` by",
        "`workbook.handout.write_reference_sheet()`; do not edit by hand. Learners see the same sheet in",
        "lesson 4 (`timeline.reference_sheet([first, second])`) and on the printable handout.",
        "",
    ]
    for fact in load_reference_sheet():
        when = f" ({fact['when']})" if fact.get("when") else ""
        lines += [f"## {_md(fact['statement'])}{when}", ""]
        lines.append("Sources: " + "; ".join(
            f"[{_md(s['publisher'])}, *{_md(s['title'])}*]({s['url']})" for s in fact.get("sources", [])
        ))
        lines.append("")
        for claim in fact.get("claims", []):
            who = names.get(claim["article"], claim["article"])
            note = f" {_md(claim['note'])}" if claim.get("note") else ""
            lines.append(f"- **{_md(claim['relation'])}**, {who}: “{_md(claim['quote'])}”.{note}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_reference_sheet(path: str | Path | None = None) -> Path:
    """Write `reference_sheet_markdown()` to ``docs/teacher/reference-sheet.md`` (or `path`)."""
    return _write_doc(path, REFERENCE_SHEET, reference_sheet_markdown())
