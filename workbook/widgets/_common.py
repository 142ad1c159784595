"""Small pieces every screen shares: escaping, the answers store, notices and feedback boxes."""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from workbook import answers as answers_module
from workbook.answers import AnswerStore, AnswersError
from workbook.articles import Article
from workbook.textio import ArticleError


def _esc(value: Any) -> str:
    """`value` as HTML-escaped text (quotes too, so it is safe inside attributes)."""
    if value is None or value is pd.NA:
        return ""
    return html.escape(str(value), quote=True)



def _as_articles(articles: Article | Sequence[Article]) -> list[Article]:
    if isinstance(articles, Article):
        return [articles]
    articles = list(articles)
    if not articles or not all(isinstance(a, Article) for a in articles):
        raise TypeError("Give one article, or a list of articles (from workbook.load_seeds() or load_articles()).")
    return articles



def _open_store(store: AnswerStore | None) -> tuple[AnswerStore | None, str]:
    """The store to use, or None with a message when it cannot be opened."""
    if store is not None:
        return store, store.notice or ""
    try:
        opened = answers_module.default_store()
    except AnswersError as error:
        return None, f"Your answers cannot be saved right now: {error}"
    return opened, opened.notice or ""


def _notice_html(message: str) -> str:
    if not message:
        return ""
    return (
        '<div role="alert" style="border-left:4px solid #8A4B00;background:#FFF4E0;color:#111;padding:4px 8px;margin:4px 0">'
        f"{_esc(message)}</div>"
    )



def _feedback_html(correct: bool | None, text: str, earlier: bool = False) -> str:
    if correct is True:
        colour, icon, word = "#2D5A27", "✓", "Right"
    elif correct is False:
        colour, icon, word = "#7A1F1F", "✗", "Not yet"
    else:
        colour, icon, word = "#1F4E79", "•", "Note"
    when = " <em>(your saved answer from before)</em>" if earlier else ""
    body = "<br>".join(_esc(line) for line in text.split("\n"))
    return (
        f'<div class="wb-feedback" role="status" aria-live="polite" style="border-left:4px solid {colour};'
        f'padding:4px 8px;margin:4px 0;color:#111;background:#FFFFFF">'
        f'<strong style="color:{colour}">{icon} {word}</strong>{when}<br>{body}</div>'
    )



def _article_label(article_id: str | None) -> str | None:
    """The short label of the seed article a question is about (its id if it is not a seed)."""
    if not article_id:
        return None
    return _seed_labels().get(article_id, article_id)


@lru_cache(maxsize=1)
def _seed_labels() -> dict[str, str]:
    from workbook.articles import load_seeds

    try:
        return {article.id: article.label for article in load_seeds()}
    except ArticleError:  # no seeds folder: questions still work, labelled by id
        return {}

