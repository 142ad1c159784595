"""Which self-check questions a lesson shows: keyed ones when a key exists, generated ones otherwise.

For each text of a lesson topic:

1. questions with an answer key for that text: the shipped files
   (``workbook/data/questions/*.toml``, keyed to the seed texts) and question
   files a teacher put beside the articles (``questions.toml`` or
   ``<anything>.questions.toml`` in the articles' folder; drafted with
   ``workbook questions draft``);
2. else questions generated from the extractions (`workbook.generated_questions`),
   made for the lesson pair so that each has its twin about the other text.

So the seeds keep their written keys, and a teacher's own pair gets questions in
every lesson without any writing; a teacher who drafts and edits a file gets
their own wording.

>>> from workbook import load_seeds
>>> pair = load_seeds()
>>> [q["id"] for q in lesson_questions("start", pair[0], pair)][:1]
['start-headline-000']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbook.articles import Article
from workbook.textio import ArticleError

#: The names a question file beside the articles may have.
QUESTION_FILE = "questions.toml"
QUESTION_FILE_SUFFIX = ".questions.toml"


def is_question_file(path: Path) -> bool:
    """True for ``questions.toml`` and ``<anything>.questions.toml``."""
    return path.name == QUESTION_FILE or path.name.endswith(QUESTION_FILE_SUFFIX)


def question_folders(articles: Sequence[Article]) -> list[Path]:
    """The folders of the articles' files, once each, in order (pasted texts have none)."""
    folders: list[Path] = []
    for article in articles:
        if article.path is not None:
            folder = Path(article.path).resolve().parent
            if folder not in folders:
                folders.append(folder)
    return folders


def questions_beside(articles: Sequence[Article]) -> dict[str, dict[str, Any]]:
    """Every question in the question files beside `articles`, by id (checked like the shipped files)."""
    from workbook.questionbank import load_questions

    found: dict[str, dict[str, Any]] = {}
    for folder in question_folders(articles):
        if not any(is_question_file(path) for path in folder.glob("*.toml")):
            continue
        for qid, question in load_questions(folder).items():
            if is_question_file(Path(question["file"])):
                found[qid] = question
    return found


def keyed_questions(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """The shipped questions and those beside `articles`; a teacher's file wins over a shipped id."""
    from workbook.questionbank import load_questions

    merged = dict(load_questions())
    merged.update(questions_beside(articles))
    return list(merged.values())


def lesson_pair(article: Article | None = None) -> list[Article]:
    """The lessons' two articles (see `workbook.config`); `article` alone if it is not one of them."""
    from workbook.config import lesson_articles

    try:
        pair = lesson_articles()
    except ArticleError:
        pair = []
    if article is not None and all(a.id != article.id for a in pair):
        return [article]
    # The caller's own Article object, so its extractions (cached on it) are not made twice.
    return [article if article is not None and a.id == article.id else a for a in pair]


def lesson_questions(topic: str, article: Article | None = None, pair: Sequence[Article] | None = None) -> list[dict[str, Any]]:
    """The questions of `topic` about `article` (or about each text of the pair), keyed first, else generated.

    `pair` defaults to the lessons' articles. Questions about no text in
    particular in the topic's files come last.
    """
    from workbook.generated_questions import generated_questions

    pair = list(pair) if pair is not None else lesson_pair(article)
    if article is not None and all(a.id != article.id for a in pair):
        pair = [article]
    texts = [article] if article is not None else pair
    keyed = [q for q in keyed_questions(pair) if q.get("topic") == topic]
    chosen: list[dict[str, Any]] = []
    generated: list[dict[str, Any]] | None = None
    for text in texts:
        own = [q for q in keyed if q.get("article") == text.id]
        if not own:
            if generated is None:
                generated = generated_questions(pair, topic)
            own = [q for q in generated if q.get("article") == text.id]
        chosen += own
    return chosen + [q for q in keyed if not q.get("article")]
