"""Paste or upload an article in the notebook; it is saved, checked and becomes one of the pair.

``w.paste_article()`` shows a box to paste an article's text, fields for its
title, author and date, an upload button for ``.txt``, ``.html``, ``.md`` and
``.docx`` files, a choice of which text of the pair it replaces, and a button.
Saving is done by `workbook.own_articles.save_article` (draft copy first, then the
check, then the file and the pair). On any problem the message says what to do and
the pasted text stays in the box.

Drive it from Python: ``p.text.value = "..."; p.save_button.click()``, then read
``p.status.value`` (HTML) and ``p.result``.

The HTML pieces (`report_html`, `problem_html`, `pair_html`) are plain functions
that escape everything they show.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ipywidgets as ipw

from workbook.articles import Article
from workbook.textio import ArticleError
from workbook.widgets._common import _esc

#: What the upload button accepts (the browser's file dialog shows only these).
ACCEPT = ".txt,.html,.htm,.md,.docx"
_BOX = "border-left:4px solid {colour};padding:4px 8px;margin:4px 0;color:#111;background:#FFFFFF"


def _lines_html(lines: Sequence[str]) -> str:
    return "".join(f"<li>{_esc(line)}</li>" for line in lines)


def pair_html(articles: Sequence[Article]) -> str:
    """The two texts the lessons now read, named by title and author."""
    from workbook.naming import article_name

    if not articles:
        return "<p>The lessons have no pair of texts yet.</p>"
    items = "".join(f"<li>Text {n}: {_esc(article_name(a))}</li>" for n, a in enumerate(articles, 1))
    return f'<div class="wb-pair"><strong>The lessons now read:</strong><ul>{items}</ul></div>'


def report_html(result: Any) -> str:
    """What was saved, what the check saw and its advice, and the pair now used."""
    from workbook.naming import article_name

    report = result.report
    seen = [line.strip() for line in report.seen[1:]]
    advice = [a.text for a in report.advice]
    parts = [
        f'<div class="wb-paste-saved" role="status" style="{_BOX.format(colour="#2D5A27")}">',
        f"<strong>✓ Saved</strong> {_esc(article_name(result.article))} as <code>{_esc(result.path.name)}</code> "
        f"in the folder <code>{_esc(str(result.path.parent))}</code>.",
        f"<p>What the computer found:</p><ul>{_lines_html(seen)}</ul>",
    ]
    if advice or result.notes:
        parts.append(f"<p>Please check:</p><ul>{_lines_html([*result.notes, *advice])}</ul>")
    else:
        parts.append("<p>It looks fine.</p>")
    parts.append("<p>The box and the fields are empty again, ready for the next article.</p></div>")
    return "".join(parts)


def problem_html(message: str, draft: Path | None = None) -> str:
    """A problem in plain words; says that the text is still in the box and where the draft copy is."""
    message = message[:1].upper() + message[1:]
    kept = "Your text is still in the box."
    if draft is not None:
        kept += f" A copy is kept in <code>{_esc(str(draft))}</code>."
    return (
        f'<div class="wb-paste-problem" role="alert" style="{_BOX.format(colour="#7A1F1F")}">'
        f"<strong>✗ Not saved.</strong> {_esc(message)}<br>{kept}</div>"
    )


def _upload_file(value: Any) -> tuple[str, bytes] | None:
    """(name, bytes) of the file chosen in a FileUpload, for ipywidgets 7 and 8, or None."""
    if not value:
        return None
    items = list(value.values()) if isinstance(value, dict) else list(value)
    if not items:
        return None
    item = items[0]
    name = item.get("name") or item.get("metadata", {}).get("name") or "upload.txt"
    return str(name), bytes(item.get("content", b""))


class PasteArticle(ipw.VBox):
    """The paste and upload screen (see the module's help)."""

    def __init__(self, start: str | Path | None = None) -> None:
        from workbook.lesson_questions import lesson_pair

        self.start = start
        self.result: Any = None
        self.text = ipw.Textarea(
            placeholder="Paste the article here: the headline, then the text. Menus and buttons copied with it are left out.",
            layout=ipw.Layout(width="95%", height="14em"),
        )
        self.title = ipw.Text(description="Title", placeholder="optional: the headline", layout=ipw.Layout(width="95%"))
        self.author = ipw.Text(description="Author", placeholder="optional: who wrote it", layout=ipw.Layout(width="95%"))
        self.date = ipw.Text(description="Date", placeholder="optional: for example 12 May 2025", layout=ipw.Layout(width="60%"))
        self.upload = ipw.FileUpload(accept=ACCEPT, multiple=False, description="Upload a file")
        current = lesson_pair()
        self.slot = ipw.RadioButtons(options=[("text 1", 0), ("text 2", 1)], value=0, description="Use it as",
                                     layout=ipw.Layout(width="auto"))
        self._name_slots(current)
        self.save_button = ipw.Button(description="Save the article", button_style="primary",
                                      tooltip="Saves the article in the articles folder and checks it")
        self.status = ipw.HTML()
        self.pair = ipw.HTML(pair_html(current))
        self.save_button.on_click(self._save)
        intro = ipw.HTML(
            "<p>Paste an article's text into the box <em>or</em> choose a file (.txt, .html, .md or .docx). "
            "Fill in the title, author and date if you know them. Then press <b>Save the article</b>.</p>"
        )
        super().__init__(
            [intro, self.text, self.title, self.author, self.date, ipw.HBox([ipw.HTML("Or a file:&nbsp;"), self.upload]),
             self.slot, self.save_button, self.status, self.pair],
            layout=ipw.Layout(border="1px solid #999", padding="6px", margin="6px 0"),
        )

    def _name_slots(self, current: Sequence[Article]) -> None:
        """Say in the choice which text each slot would replace."""
        from workbook.naming import short_names

        names = short_names(current) + ["(none yet)"] * (2 - len(current))
        value = self.slot.value
        self.slot.options = [(f"text 1 (instead of {names[0]})", 0), (f"text 2 (instead of {names[1]})", 1)]
        self.slot.value = value

    def _save(self, _button: Any = None) -> None:
        from workbook.config import lesson_articles
        from workbook.own_articles import save_article, save_draft

        upload = _upload_file(self.upload.value)
        try:
            self.result = save_article(
                text=None if upload else self.text.value, upload=upload, title=self.title.value,
                author=self.author.value, date=self.date.value, slot=int(self.slot.value), start=self.start,
            )
        except ArticleError as error:
            draft = save_draft(self.text.value, self.title.value, self.author.value, self.date.value)
            self.status.value = problem_html(str(error).strip(), draft)
            return
        except Exception as error:  # never a traceback on the learner's screen; the text stays in the box
            draft = save_draft(self.text.value, self.title.value, self.author.value, self.date.value)
            self.status.value = problem_html(f"Something went wrong while saving ({type(error).__name__}: {error}).", draft)
            return
        # Saved (file, articles.toml and the draft copy): the fields are cleared for the next article,
        # so its title, author and date are not given to the next one by mistake.
        self.text.value = self.title.value = self.author.value = self.date.value = ""
        self.status.value = report_html(self.result)
        try:
            now = lesson_articles(self.start)
            self.pair.value = pair_html(now)
            self._name_slots(now)
        except ArticleError as error:
            self.pair.value = f"<p>{_esc(str(error))}</p>"
        if upload:
            self.upload.value = ()


def paste_article(start: str | Path | None = None) -> PasteArticle:
    """The paste and upload screen: the article is saved, checked and becomes one of the pair."""
    return PasteArticle(start)
