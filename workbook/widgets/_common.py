"""Small pieces every screen shares: escaping, the answers store, notices and feedback boxes."""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from workbook.naming import article_name  # one way to name an article everywhere (title and author, never the file name)
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



class Screen:
    """A finished piece of HTML for a learner, shown as it is in a notebook (no widget state).

    `html` is the markup; `summary` a one-line plain-text fallback (what a
    notebook stores as text/plain, and what a screen reader of a text export gets).
    """

    def __init__(self, html_text: str, summary: str = "") -> None:
        self.html = html_text
        self.summary = summary

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.summary or "(a screen: open the notebook in JupyterLab to see it)"


#: The frame around every learner screen: dark text on white, readable in a dark theme too.
BOX_STYLE = ("color:#111111;background:#FFFFFF;padding:0.6em 0.9em;border:1px solid #999;border-radius:4px;"
             "line-height:1.6;max-width:48em")


def table_html(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], caption: str = "",
               empty: str = "Nothing to show.") -> str:
    """A wrapped HTML table for learners: only `columns` (key, heading in plain words), text never cut.

    Every cell is escaped; missing values show as an empty cell, never ``<NA>``.
    """
    if not rows:
        return f'<p class="wb-empty"><em>{_esc(empty)}</em></p>'
    head = "".join(f'<th scope="col" style="text-align:left;padding:4px 8px;border-bottom:2px solid #333">{_esc(h)}</th>'
                   for _, h in columns)
    body = []
    for row in rows:
        cells = "".join(
            f'<td style="padding:4px 8px;vertical-align:top;text-align:left;white-space:normal;overflow-wrap:anywhere">{_cell(row.get(key))}</td>'
            for key, _ in columns)
        body.append(f'<tr style="border-bottom:1px solid #ccc">{cells}</tr>')
    cap = f'<caption style="text-align:left;font-weight:bold;padding:4px 0">{_esc(caption)}</caption>' if caption else ""
    return (f'<table class="wb-table" style="border-collapse:collapse;width:100%;table-layout:auto;color:#111;background:#FFF">'
            f"{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def _cell(value: Any) -> str:
    if value is None or value is pd.NA:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _esc(value).replace("\n", "<br>")


def put_back_saved(screen: Any, controls: Any, value_for: Any) -> None:
    """Set each control to the learner's last saved answer for its item, without saving it again.

    `screen` has ``store``, ``question_id`` and a ``_restoring`` flag its save callback checks;
    `controls` maps item ids to widgets; ``value_for(answer)`` turns a saved answer into the
    widget's value, or None to leave the widget as it is.
    """
    if screen.store is None:
        return
    saved = screen.store.latest_items(screen.question_id)
    screen._restoring = True
    try:
        for item, control in controls.items():
            if item in saved:
                value = value_for(saved[item]["answer"])
                if value is not None:
                    control.value = value
    finally:
        screen._restoring = False
