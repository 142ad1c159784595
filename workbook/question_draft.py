"""Write an editable question file for a pair of articles (``workbook questions draft``).

The draft holds the generated questions of every lesson topic (see
`workbook.generated_questions`) in the format of the shipped question files
(``docs/questions-format.md``), each with a comment quoting the sentence its key
comes from. A teacher checks every key against the texts, edits prompts and
feedback, deletes what does not fit, and puts the file beside the articles as
``questions.toml``: the lessons then show these keyed questions instead of the
generated ones (`workbook.lesson_questions`). The ids are the generated ones, so
answers learners gave before the file existed still belong to their question.

>>> print(toml_string('He said "no"\\tthen left'))
"He said \\"no\\"\\tthen left"
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workbook.articles import Article
from workbook.textio import ArticleError

#: The field order of a question in the file (the rest follow in their own order).
FIELD_ORDER = ("id", "twin", "article", "topic", "type", "prompt", "hint", "options", "answer", "tolerance", "unit",
               "accept", "match", "feedback")
#: Fields of generated questions that are not part of the file format.
NOT_WRITTEN = ("generated", "evidence", "file")


def toml_string(text: str) -> str:
    """`text` as a TOML basic string (JSON's escapes are TOML's; DEL, which TOML forbids raw, is escaped)."""
    return json.dumps(str(text), ensure_ascii=False).replace("\x7f", "\\u007F")


def toml_value(value: Any) -> str:
    """A value of a question as TOML: strings, numbers, booleans, lists and inline tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items() if item is not None) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a question file")


def _comment(text: str) -> str:
    return "# " + " ".join(str(text).split())


def question_toml(question: Mapping[str, Any]) -> str:
    """One ``[[question]]`` table, with a comment quoting the evidence when the question has some."""
    lines = []
    evidence = question.get("evidence")
    if evidence and evidence.get("text"):
        lines.append(_comment(f"From the text: {evidence['text']}"))
    lines.append("[[question]]")
    keys = [k for k in FIELD_ORDER if k in question] + [k for k in question if k not in FIELD_ORDER]
    for key in keys:
        value = question[key]
        if key in NOT_WRITTEN or value is None:
            continue
        if key == "options":
            lines.append("options = [")
            lines += [f"  {toml_value({k: v for k, v in option.items() if v not in (None, False)})}," for option in value]
            lines.append("]")
        else:
            lines.append(f"{key} = {toml_value(value)}")
    return "\n".join(lines) + "\n"


def draft_toml(questions: Iterable[Mapping[str, Any]], articles: Sequence[Article]) -> str:
    """The whole draft file: a header saying where it comes from and how to use it, then the questions."""
    from workbook.naming import article_name

    today = dt.date.today().isoformat()
    header = [
        "# Self-check questions for a pair of articles, drafted by `workbook questions draft` on " + today + ".",
        "# Source: made by the computer from what the workbook's extractors found in these texts:",
        *[f"#   {article.id}: {article_name(article)}" for article in articles],
        "# Every key is what the computer found, not a checked fact: read each question against the text,",
        "# fix or delete what is wrong, and rewrite prompts and feedback in your own words.",
        "# Put this file beside the articles as questions.toml; the lessons then show these questions.",
        "# Format: docs/questions-format.md. Keep the ids: answers are saved under them.",
        'topic = "own-articles"',
        "",
    ]
    body = []
    topic = None
    for question in questions:
        if question.get("topic") != topic:
            topic = question.get("topic")
            body.append(f"# ---- lesson topic: {topic} " + "-" * 40 + "\n")
        body.append(question_toml(question))
    return "\n".join(header) + "\n" + "\n".join(body)


def write_draft(folder: str | Path, output: str | Path, force: bool = False) -> tuple[Path, int]:
    """Draft questions for the first two articles in `folder` and write them to `output`.

    Returns the path written and the number of questions. An existing file is
    never overwritten unless `force` is true (it may hold a teacher's edits).
    """
    from workbook.articles import load_articles
    from workbook.generated_questions import generated_questions

    output = Path(output).expanduser()
    if output.exists() and not force:
        raise ArticleError(output, "this file already exists, and it may hold your edits.",
                           "Choose another name with -o, or add --force to replace it.")
    if not output.parent.is_dir():
        raise ArticleError(output, "the folder for this file does not exist.", "Create the folder or choose another place.")
    articles = load_articles(folder)[:2]
    questions = generated_questions(articles)
    output.write_text(draft_toml(questions, articles), encoding="utf-8")
    return output, len(questions)
