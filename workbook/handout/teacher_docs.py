"""Teacher documents generated from the data files: the answer key, the reference sheet, the rubrics.

Each is Markdown under ``docs/teacher/``; a test checks every file is up to date.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbook.handout.page import REPO, _all_questions, lesson_questions
from workbook.handout.sections import article_name as _article_name

ANSWER_KEY = REPO / "docs" / "teacher" / "answer-key.md"
RUBRICS = REPO / "docs" / "teacher" / "rubrics.md"


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
        "Well-established facts behind the seed texts' claims, about the past and about the events of",
        "2024-25 they report, each with its sources, and what each fact says about a claim in a text:",
        "**supports**, **contradicts** or **leaves open**. One test decides for every claim in both texts:",
        "*supports* when the source agrees with every checkable detail; *contradicts* when it shows a",
        "checkable detail (a date, a number, a name, a place, who did what, whether something happened)",
        "is not so; *leaves open* when the words judge, go beyond the source, leave something out, or",
        "quote words the record gives differently.",
        "Generated from `workbook/data/reference_sheet.toml` by",
        "`workbook.handout.write_reference_sheet()`; do not edit by hand. Learners see the same sheet in",
        "lesson 4 (`timeline.reference_sheet([first, second])`) and on the printable handout.",
        "",
    ]
    for fact in load_reference_sheet():
        when = f" ({fact['when']})" if fact.get("when") else ""
        kind = f" *({fact['kind']})*" if fact.get("kind") else ""
        lines += [f"## {_md(fact['statement'])}{when}{kind}", ""]
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


# ---- the rubrics ------------------------------------------------------------------------------


def rubrics_markdown() -> str:
    """The beginning / emerging / mastery rubrics (``workbook/data/rubrics.toml``) as Markdown."""
    from workbook.rubrics import LEVELS, load_rubrics

    lines = [
        "# Rubrics: beginning, emerging, mastery",
        "",
        "Generated from `workbook/data/rubrics.toml` by `workbook.handout.write_rubrics()`; do not edit by",
        "hand (a test checks this file is up to date). One rubric per lesson scores its exit ticket and",
        "reflection; one scores the pre-task and the post-task, so growth shows as a move from one column",
        "to the next. Judge the reading, not the opinion: a learner who states a sourced fact (for example",
        "that UN General Assembly resolution ES-11/1 deplores Russia's \"aggression\", or that the ICC issued",
        "an arrest warrant for Vladimir Putin on 17 March 2023) is never marked down for it.",
        "",
    ]
    for rubric in load_rubrics():
        lines += [f"## {_md(rubric.title)}", "", f"*Skill:* {_md(rubric.skill)} *Scores:* "
                  + ", ".join(f"`{q}`" for q in rubric.questions), "",
                  "| level | what it looks like | example answer |", "|---|---|---|"]
        for level in LEVELS:
            entry = rubric.levels[level]
            lines.append(f"| **{level}** | {_md(entry.describe)} | “{_md(entry.example)}” |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_rubrics(path: str | Path | None = None) -> Path:
    """Write `rubrics_markdown()` to ``docs/teacher/rubrics.md`` (or `path`)."""
    return _write_doc(path, RUBRICS, rubrics_markdown())
