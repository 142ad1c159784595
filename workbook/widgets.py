"""Interactive pieces for the notebooks: highlighter, explorer, questions, tasks, answers.

API summary (for notebook authors; every function returns a widget you can put
last in a cell, and every widget saves what the learner does at once):

    from workbook import widgets as w

    w.pseudonym_chooser()                 # once, in the start notebook
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

import html
import itertools
import math
import re
import sys
import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import ipywidgets as ipw
import pandas as pd

from workbook import answers as answers_module
from workbook.answers import AnswerStore, AnswersError, cohen_kappa, describe_kappa
from workbook.articles import Article
from workbook.textio import ArticleError
from workbook.findings import CATEGORY_NAMES, findings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: Lesson topics, in the order of the notebooks.
TOPICS = ("start", "texts", "sourcing", "figures", "history", "rhetoric", "synthesis")
#: Kinds of self-check question.
QUESTION_TYPES = ("choice", "multi", "number", "text", "reflection")


def find_all(article: Article, categories: Iterable[str] | None = None) -> pd.DataFrame:
    """`workbook.findings.findings`, remembered per article object and categories.

    A lesson shows the same article in a highlighter, an explorer and tasks; the
    extractors run once. Callers must not change the table they get.
    """
    key = None if categories is None else ((categories,) if isinstance(categories, str) else tuple(categories))
    return _find_cached(article, key)


@lru_cache(maxsize=32)
def _find_cached(article: Article, categories: tuple[str, ...] | None) -> pd.DataFrame:
    return findings(article, categories)


def _esc(value: Any) -> str:
    """`value` as HTML-escaped text (quotes too, so it is safe inside attributes)."""
    if value is None or value is pd.NA:
        return ""
    return html.escape(str(value), quote=True)


class WorkbookDataError(Exception):
    """A question or task file is malformed; the message names the file and the problem."""

    def _render_traceback_(self) -> list[str]:
        return [f"WorkbookDataError: {self}"]


# =====================================================================================
# Colours, tags and patterns for highlights (WCAG AA: text contrast at least 4.5:1)
# =====================================================================================

#: Text colour on highlights, and the light backgrounds behind it (all >= 12:1 with the text).
TEXT_COLOUR = "#111111"
BACKGROUNDS = ("#FFE08A", "#BDE0FE", "#C7F0C2", "#FFD1DC", "#E0D4FF", "#FFD8B0", "#CFF3F0", "#EDEDED")
#: Per category: tag colour (white text on it, >= 7:1), underline pattern, short tag prefix.
CATEGORY_STYLES: dict[str, dict[str, str]] = {
    "quotes": {"tag": "#1F4E79", "border": "solid", "prefix": "Q"},
    "sources": {"tag": "#2D5A27", "border": "dashed", "prefix": "S"},
    "figures": {"tag": "#7A1F1F", "border": "double", "prefix": "F"},
    "time": {"tag": "#5B2C83", "border": "dotted", "prefix": "T"},
    "rhetoric": {"tag": "#8A4B00", "border": "wavy", "prefix": "R"},
}
_OTHER_STYLE = {"tag": "#404040", "border": "solid", "prefix": "X"}
#: Categories whose toggles go label by label (the others have one toggle).
BY_LABEL = ("quotes", "sources", "rhetoric")


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#rrggbb`` colour."""
    colour = colour.lstrip("#")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21; AA needs 4.5 for text)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def group_of(category: str, label: str) -> str:
    """The toggle a finding belongs to: ``"quotes: scare"``, or ``"figures"``."""
    return f"{category}: {label}" if category in BY_LABEL else category


def group_name(group: str) -> str:
    """A learner's name for a toggle group: ``"Quotes: scare"``, ``"Time references"``."""
    category, _, label = group.partition(": ")
    name = CATEGORY_NAMES.get(category, category.capitalize())
    return f"{name}: {label.replace('_', ' ')}" if label else name


def group_styles(groups: Iterable[str]) -> dict[str, dict[str, str]]:
    """A style for each group: background, tag colour, border pattern and tag text."""
    styles = {}
    counters: dict[str, int] = {}
    for index, group in enumerate(sorted(set(groups), key=_group_order)):
        category, _, label = group.partition(": ")
        base = CATEGORY_STYLES.get(category, _OTHER_STYLE)
        counters[category] = counters.get(category, 0) + 1
        styles[group] = {
            "background": BACKGROUNDS[index % len(BACKGROUNDS)],
            "tag": base["tag"],
            "border": base["border"],
            "code": f"{base['prefix']}" + (f"·{label.replace('_', ' ')[:14]}" if label else ""),
        }
    return styles


def _group_order(group: str) -> tuple[int, str]:
    category = group.partition(": ")[0]
    order = list(CATEGORY_STYLES)
    return (order.index(category) if category in order else len(order), group)


# =====================================================================================
# The highlighter as HTML (pure functions: also used by the printable handout)
# =====================================================================================


def _as_articles(articles: Article | Sequence[Article]) -> list[Article]:
    if isinstance(articles, Article):
        return [articles]
    articles = list(articles)
    if not articles or not all(isinstance(a, Article) for a in articles):
        raise TypeError("Give one article, or a list of articles (from workbook.load_seeds() or load_articles()).")
    return articles


def _article_header(article: Article) -> str:
    parts = [f'<div class="wb-meta" style="font-weight:bold;font-size:1.1em">{_esc(article.title or article.id)}</div>']
    facts = []
    if article.author:
        facts.append(f"by {_esc(article.author)}")
    if article.date:
        facts.append(_esc(article.date.isoformat()))
    if article.publisher:
        facts.append(_esc(article.publisher))
    if facts:
        parts.append(f'<div class="wb-meta" style="color:#333">{" · ".join(facts)}</div>')
    parts.append(f'<div class="wb-meta" style="color:#333;font-size:0.85em">file: {_esc(article.id)}</div>')
    return "".join(parts)


def line_style(style: Mapping[str, str]) -> str:
    """CSS for a highlight's line: a solid, dashed, dotted or double bottom border, or a wavy underline."""
    if style["border"] == "wavy":
        return (f"text-decoration:underline wavy {style['tag']};text-decoration-thickness:2px;"
                "text-underline-offset:3px")
    return f"border-bottom:3px {style['border']} {style['tag']}"


def _mark_open(row: Mapping[str, Any], style: Mapping[str, str], depth: int, number: int, anchor: str) -> str:
    reason = row.get("reason") or ""
    title = f"{group_name(row['group'])}: {reason}" if reason else group_name(row["group"])
    return (
        f'<mark class="wb-hl wb-cat-{_esc(row["category"])}" data-group="{_esc(row["group"])}" '
        f'title="{_esc(title)}" aria-describedby="{anchor}-{number}" '
        f'style="background:{style["background"]};color:{TEXT_COLOUR};'
        f'{line_style(style)};padding:0 1px {1 + 3 * depth}px 1px">'
    )


def _tag(style: Mapping[str, str], number: int, anchor: str) -> str:
    return (
        f'<a class="wb-tag" href="#{anchor}-{number}" style="background:{style["tag"]};color:#FFFFFF;'
        f'font-size:0.7em;font-family:sans-serif;padding:0 3px;margin-right:2px;border-radius:3px;'
        f'text-decoration:none;vertical-align:super;white-space:nowrap">{number} {_esc(style["code"])}</a>'
    )


def _render_text(text: str, offset: int, rows: list[dict[str, Any]], styles: Mapping[str, Mapping[str, str]], anchor: str) -> str:
    """`text` (which starts at `offset`) with `rows` highlighted; overlapping spans nest."""
    start, end = offset, offset + len(text)
    inside = [r for r in rows if r["start"] < end and r["end"] > start]
    points = sorted({start, end, *[max(start, r["start"]) for r in inside], *[min(end, r["end"]) for r in inside]})
    out = []
    for left, right in itertools.pairwise(points):
        if left >= right:
            continue
        covering = [r for r in inside if r["start"] <= left and r["end"] >= right]
        covering.sort(key=lambda r: (r["start"], -r["end"], r["number"]))
        piece = ""
        for depth, row in enumerate(covering):
            piece += _mark_open(row, styles[row["group"]], len(covering) - 1 - depth, row["number"], anchor)
            if row["start"] == left:
                piece += _tag(styles[row["group"]], row["number"], anchor)
        piece += _esc(text[left - offset : right - offset]).replace("\n", "<br>")
        piece += "</mark>" * len(covering)
        out.append(piece)
    return "".join(out)


_BLOCK_STYLES = {
    "headline": "font-size:1.25em;font-weight:bold;margin:0.3em 0",
    "subheading": "font-weight:bold;margin:0.8em 0 0.3em",
    "standfirst": "font-style:italic",
    "caption": "font-size:0.9em;color:#333;font-style:italic",
    "credit": "font-size:0.85em;color:#333",
    "byline": "color:#333",
    "dateline": "color:#333",
    "boilerplate": "font-size:0.85em;color:#555",
    "source": "font-size:0.9em",
    "sources_heading": "font-weight:bold",
}


def _article_html(article: Article, rows: pd.DataFrame, styles: Mapping[str, Mapping[str, str]], anchor: str) -> str:
    records = []
    for number, row in enumerate(rows.to_dict("records"), start=1):
        row["number"] = number
        records.append(row)
    body = []
    for block in article.block_list:
        style = _BLOCK_STYLES.get(block.role, "")
        rendered = _render_text(block.text, block.start, records, styles, anchor)
        body.append(f'<p class="wb-block wb-role-{_esc(block.role)}" style="margin:0.4em 0;{style}">{rendered}</p>')
    items = []
    for row in records:
        style = styles[row["group"]]
        reason = f" — {_esc(row['reason'])}" if row.get("reason") else ""
        detail = f" ({_esc(row['detail'])})" if row.get("detail") else ""
        items.append(
            f'<li id="{anchor}-{row["number"]}" value="{row["number"]}">'
            f'<strong>{_esc(group_name(row["group"]))}</strong> [{_esc(style["code"])}]: '
            f'“{_esc(row["text"])}”{detail}{reason}</li>'
        )
    listing = (
        f'<details class="wb-reasons"><summary>Why each part is highlighted ({len(records)} findings, as a list)</summary>'
        f'<ol style="font-size:0.9em">{"".join(items)}</ol></details>'
        if records
        else '<p class="wb-reasons" style="color:#333"><em>Nothing highlighted: switch on a category above.</em></p>'
    )
    return (
        f'<div class="wb-article" data-article="{_esc(article.id)}" lang="{_esc(article.language or "en")}" '
        f'style="flex:1 1 22em;min-width:18em;max-width:48em;color:{TEXT_COLOUR};background:#FFFFFF;'
        f'padding:0.5em 0.8em;border:1px solid #999;border-radius:4px;line-height:1.6">'
        f"{_article_header(article)}{''.join(body)}{listing}</div>"
    )


def legend_html(groups: Iterable[str], styles: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """A legend: for each group its colour, underline pattern, tag and name."""
    groups = sorted(set(groups), key=_group_order)
    styles = styles or group_styles(groups)
    entries = []
    for group in groups:
        style = styles[group]
        entries.append(
            f'<span class="wb-legend-item" style="display:inline-block;margin:2px 8px 2px 0">'
            f'<span style="background:{style["background"]};color:{TEXT_COLOUR};{line_style(style)};padding:0 4px">'
            f'<span style="background:{style["tag"]};color:#FFFFFF;font-size:0.75em;padding:0 3px;border-radius:3px">'
            f"{_esc(style['code'])}</span> {_esc(group_name(group))}</span></span>"
        )
    if not entries:
        return '<div class="wb-legend"><em>No findings to show.</em></div>'
    return (
        '<div class="wb-legend" role="list" aria-label="Legend" style="color:#111;background:#FFFFFF;padding:2px">'
        "<strong>Legend</strong> (hover over a highlight, or open the list under each text, to see why it was made): "
        + "".join(f'<span role="listitem">{e}</span>' for e in entries)
        + "</div>"
    )


def _with_groups(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["group"] = [group_of(c, l) for c, l in zip(frame["category"], frame["label"])]
    for column in ("reason", "detail"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def highlight_html(
    articles: Article | Sequence[Article],
    categories: Iterable[str] | None = None,
    groups: Iterable[str] | None = None,
    table: pd.DataFrame | None = None,
) -> str:
    """The highlighted text of one or more articles side by side, as one HTML string.

    Every piece of article text and metadata is escaped. `table` is a findings
    table (default: `workbook.findings.findings` for each article); `groups`
    limits which toggle groups are shown (default: all).
    """
    articles = _as_articles(articles)
    if table is None:
        frames = [find_all(a, categories) for a in articles]
        table = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
    elif categories is not None:
        table = table[table["category"].isin(list(categories))]
    table = _with_groups(table)
    all_groups = sorted(set(table["group"]), key=_group_order)
    styles = group_styles(all_groups)
    shown = set(all_groups if groups is None else groups)
    visible = table[table["group"].isin(shown)]
    anchor = "wb-" + uuid.uuid4().hex[:8]
    columns = [
        _article_html(a, visible[visible["article"] == a.id].sort_values(["start", "end"]), styles, f"{anchor}-{i}")
        for i, a in enumerate(articles)
    ]
    return (
        f'<div class="wb-highlighter" style="color:{TEXT_COLOUR}">'
        f"{legend_html([g for g in all_groups if g in shown], styles)}"
        f'<div class="wb-columns" style="display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start">'
        f"{''.join(columns)}</div></div>"
    )


# =====================================================================================
# Answers store access from widgets
# =====================================================================================


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


# =====================================================================================
# Highlighter and explorer widgets
# =====================================================================================


class Highlighter(ipw.VBox):
    """One article or two side by side, with a checkbox per category (and per label).

    `toggles` maps each group (``"quotes: scare"``, ``"figures"``) to its checkbox;
    `view` is the HTML widget showing the text. Drive it from Python with
    ``h.toggles["figures"].value = False``.
    """

    def __init__(self, articles: Article | Sequence[Article], categories: Iterable[str] | None = None,
                 table: pd.DataFrame | None = None, on: Iterable[str] | None = None) -> None:
        self.articles = _as_articles(articles)
        if table is None:
            frames = [find_all(a, categories) for a in self.articles]
            table = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
        elif categories is not None:
            table = table[table["category"].isin(list(categories))]
        self.table = _with_groups(table)
        groups = sorted(set(self.table["group"]), key=_group_order)
        counts = self.table["group"].value_counts()
        on = set(groups if on is None else on)
        self.toggles = {
            group: ipw.Checkbox(
                value=group in on,
                description=f"{group_name(group)} ({int(counts.get(group, 0))})",
                indent=False,
                layout=ipw.Layout(width="auto", margin="0 12px 0 0"),
            )
            for group in groups
        }
        self.all_on = ipw.Button(description="Show all", tooltip="Switch on every category")
        self.all_off = ipw.Button(description="Hide all", tooltip="Switch off every category")
        self.all_on.on_click(lambda _: self._set_all(True))
        self.all_off.on_click(lambda _: self._set_all(False))
        self.view = ipw.HTML()
        self._quiet = False
        for toggle in self.toggles.values():
            toggle.observe(self._toggled, names="value")
        heading = ipw.HTML("<strong>Highlight:</strong>" if groups else "<em>No findings in this text.</em>")
        super().__init__([
            heading,
            ipw.HBox(list(self.toggles.values()), layout=ipw.Layout(flex_flow="row wrap")),
            ipw.HBox([self.all_on, self.all_off]),
            self.view,
        ])
        self.refresh()

    @property
    def shown(self) -> list[str]:
        """The groups switched on."""
        return [group for group, toggle in self.toggles.items() if toggle.value]

    def _set_all(self, value: bool) -> None:
        self._quiet = True
        try:
            for toggle in self.toggles.values():
                toggle.value = value
        finally:
            self._quiet = False
        self.refresh()

    def _toggled(self, _change: Any) -> None:
        if not self._quiet:
            self.refresh()

    def refresh(self) -> None:
        """Redraw the text with the groups that are switched on."""
        self.view.value = highlight_html(self.articles, table=self.table, groups=self.shown)


def highlighter(articles: Article | Sequence[Article], categories: Iterable[str] | None = None,
                table: pd.DataFrame | None = None, on: Iterable[str] | None = None) -> Highlighter:
    """A highlighter for one article or two side by side (see `Highlighter`).

    `categories` picks among quotes, sources, figures, time and rhetoric (default: all);
    `on` lists the groups switched on at first (default: all).
    """
    return Highlighter(articles, categories, table, on)


def _context_html(article: Article, row: Mapping[str, Any]) -> str:
    """A finding inside its sentence and its paragraph, highlighted."""
    start, end = int(row["start"]), int(row["end"])
    block_index, sentence_index = article.locate(start, end)
    mark = (f'<mark style="background:#FFE08A;color:#111;border-bottom:3px solid #7A1F1F">'
            f"{_esc(article.text[start:end])}</mark>")

    def around(left: int, right: int) -> str:
        left, right = min(left, start), max(right, end)
        return _esc(article.text[left:start]) + mark + _esc(article.text[end:right])

    parts = [f"<p><strong>{_esc(group_name(group_of(row['category'], row['label'])))}</strong>"]
    if row.get("reason"):
        parts.append(f"<br>Why: {_esc(row['reason'])}")
    parts.append("</p>")
    if sentence_index is not None:
        sentence = article.sentence_list[sentence_index]
        parts.append(f"<p><em>In its sentence:</em><br>{around(sentence.start, sentence.end)}</p>")
    if block_index is not None:
        block = article.block_list[block_index]
        parts.append(f"<p><em>In its paragraph ({_esc(block.role)}):</em><br>{around(block.start, block.end)}</p>")
    return f'<div class="wb-context" style="color:#111;background:#FFF;line-height:1.5">{"".join(parts)}</div>'


class Explorer(ipw.VBox):
    """Choose an article and a category, filter by words, see the table and each finding in context.

    Widgets: `article`, `category`, `search` (text filter), `table_view` (HTML),
    `finding` (dropdown of the rows shown) and `context` (HTML).
    """

    def __init__(self, articles: Article | Sequence[Article], table: pd.DataFrame | None = None) -> None:
        self.articles = {a.id: a for a in _as_articles(articles)}
        if table is None:
            frames = [find_all(a) for a in self.articles.values()]
            table = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
        self.all = table.reset_index(drop=True)
        self.article = ipw.Dropdown(
            options=[(a.label, a.id) for a in self.articles.values()], description="Article"
        )
        self.category = ipw.Dropdown(description="Category")
        self.search = ipw.Text(description="Filter", placeholder="words in the finding or its reason")
        self.table_view = ipw.HTML()
        self.finding = ipw.Dropdown(description="Finding", layout=ipw.Layout(width="95%"))
        self.context = ipw.HTML()
        self.article.observe(lambda _: self._categories(), names="value")
        self.category.observe(lambda _: self.refresh(), names="value")
        self.search.observe(lambda _: self.refresh(), names="value")
        self.finding.observe(lambda _: self._show(), names="value")
        super().__init__([ipw.HBox([self.article, self.category]), self.search, self.table_view, self.finding, self.context])
        self._categories()

    def _categories(self) -> None:
        present = self.all[self.all["article"] == self.article.value]["category"].unique().tolist()
        options = [("All categories", "all")] + [(CATEGORY_NAMES.get(c, c), c) for c in present]
        self.category.options = options
        self.category.value = "all"
        self.refresh()

    @property
    def rows(self) -> pd.DataFrame:
        """The findings that pass the current choices."""
        rows = self.all[self.all["article"] == self.article.value]
        if self.category.value and self.category.value != "all":
            rows = rows[rows["category"] == self.category.value]
        words = self.search.value.strip().casefold()
        if words:
            haystack = (rows["text"].fillna("") + " " + rows["label"].fillna("") + " " + rows["reason"].fillna(""))
            rows = rows[haystack.str.casefold().str.contains(words, regex=False)]
        return rows

    def refresh(self) -> None:
        rows = self.rows
        shown = rows[["sentence", "text", "category", "label", "reason"]]
        count = f"<p>{len(rows)} finding(s).</p>"
        self.table_view.value = count + (shown.to_html(index=False, escape=True, na_rep="", max_rows=200) if len(rows) else "")
        self.finding.options = [
            (f"{n + 1}. {str(t)[:70]} ({c}: {l})", index)
            for n, (index, t, c, l) in enumerate(zip(rows.index, rows["text"], rows["category"], rows["label"]))
        ]
        self.finding.value = rows.index[0] if len(rows) else None
        self._show()

    def _show(self) -> None:
        if self.finding.value is None:
            self.context.value = "<p><em>Choose a finding to see it in its sentence and paragraph.</em></p>"
            return
        row = self.all.loc[self.finding.value]
        self.context.value = _context_html(self.articles[row["article"]], row.to_dict())


def explorer(articles: Article | Sequence[Article], table: pd.DataFrame | None = None) -> Explorer:
    """An explorer for findings (see `Explorer`)."""
    return Explorer(articles, table)


# =====================================================================================
# Self-check questions: loading, checking, widgets
# =====================================================================================


def questions_folder() -> Path:
    """The folder with the question files shipped with the workbook."""
    return Path(str(resources.files("workbook").joinpath("data/questions")))


def tasks_folder() -> Path:
    """The folder with the annotation task files shipped with the workbook."""
    return Path(str(resources.files("workbook").joinpath("data/tasks")))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise WorkbookDataError(f"{path}: not valid TOML ({error}).") from error


def _check_question(path: Path, question: dict[str, Any]) -> None:
    qid = question.get("id")
    where = f"{path}: question {qid!r}"
    if not qid or not isinstance(qid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", qid):
        raise WorkbookDataError(f"{path}: every question needs an id of lower-case letters, digits and dashes (got {qid!r}).")
    kind = question.get("type")
    if kind not in QUESTION_TYPES:
        raise WorkbookDataError(f"{where}: type must be one of {', '.join(QUESTION_TYPES)} (got {kind!r}).")
    if not str(question.get("prompt", "")).strip():
        raise WorkbookDataError(f"{where}: the prompt is missing.")
    if kind in ("choice", "multi"):
        options = question.get("options")
        if not isinstance(options, list) or len(options) < 2 or not all(isinstance(o, dict) and o.get("text") for o in options):
            raise WorkbookDataError(f"{where}: give at least two options, each with text.")
        texts = [str(o["text"]) for o in options]
        if len(set(texts)) != len(texts):
            raise WorkbookDataError(f"{where}: two options have the same text.")
        right = sum(bool(o.get("correct")) for o in options)
        if kind == "choice" and right != 1:
            raise WorkbookDataError(f"{where}: a choice question needs exactly one option with correct = true (has {right}).")
        if kind == "multi" and right < 1:
            raise WorkbookDataError(f"{where}: mark at least one option correct = true.")
    if kind == "number":
        if not isinstance(question.get("answer"), (int, float)) or isinstance(question.get("answer"), bool):
            raise WorkbookDataError(f"{where}: a number question needs answer = <a number>.")
        if not isinstance(question.get("tolerance", 0), (int, float)) or question.get("tolerance", 0) < 0:
            raise WorkbookDataError(f"{where}: tolerance must be a number, 0 or more.")
    if kind == "text":
        accept = question.get("accept")
        if not isinstance(accept, list) or not accept or not all(isinstance(a, str) and a.strip() for a in accept):
            raise WorkbookDataError(f"{where}: a text question needs accept = [\"an answer\", ...].")
        if question.get("match", "exact") not in ("exact", "contains"):
            raise WorkbookDataError(f"{where}: match must be \"exact\" or \"contains\".")
    if "feedback" in question and not isinstance(question["feedback"], dict):
        raise WorkbookDataError(f"{where}: feedback must be a table (feedback.correct = \"...\").")


def load_questions(folder: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """Every question in the ``*.toml`` files of `folder` (default: the shipped ones), by id.

    Each question gets ``topic`` (from its file, unless it sets its own) and
    ``file``. Raises `WorkbookDataError` naming the file for any mistake.
    """
    folder = Path(folder).resolve() if folder is not None else questions_folder()
    if not folder.is_dir():
        raise WorkbookDataError(f"{folder}: no folder of question files here.")
    return _load_questions(str(folder))


@lru_cache(maxsize=8)
def _load_questions(folder: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(folder).glob("*.toml")):
        data = _read_toml(path)
        topic = data.get("topic", path.stem)
        listed = data.get("question", [])
        if not isinstance(listed, list):
            raise WorkbookDataError(f"{path}: write each question as a [[question]] table.")
        for question in listed:
            question = dict(question)
            _check_question(path, question)
            question.setdefault("topic", topic)
            question["file"] = str(path)
            if question["id"] in found:
                raise WorkbookDataError(f"{path}: the question id {question['id']!r} is also used in {found[question['id']]['file']}.")
            found[question["id"]] = question
    for question in found.values():
        twin = question.get("twin")
        if twin is not None and twin not in found:
            raise WorkbookDataError(f"{question['file']}: question {question['id']!r} names a twin {twin!r} that does not exist.")
    return found


def get_question(question_id: str, folder: str | Path | None = None) -> dict[str, Any]:
    """One question by id, or `WorkbookDataError` listing similar ids."""
    found = load_questions(folder)
    if question_id not in found:
        import difflib

        close = difflib.get_close_matches(question_id, list(found), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise WorkbookDataError(f"No question with the id {question_id!r}.{hint}")
    return found[question_id]


def parse_number(text: Any) -> float | None:
    """A number typed by a learner ("14,000", "3.5", "73 %", "1 200"), or None.

    >>> parse_number("14,000"), parse_number("3,5"), parse_number("73%"), parse_number("lots")
    (14000.0, 3.5, 73.0, None)
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().rstrip("%").strip()
    cleaned = cleaned.replace("\u2212", "-").replace(" ", "").replace("\u202f", "")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    elif re.fullmatch(r"[-+]?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def check_answer(question: Mapping[str, Any], answer: Any) -> tuple[bool | None, str]:
    """Whether `answer` is right (None when it cannot be judged) and the feedback for a learner."""
    kind = question["type"]
    feedback = question.get("feedback", {})
    if kind == "choice":
        if answer is None or answer == "":
            return None, "Choose one answer first."
        option = next((o for o in question["options"] if str(o["text"]) == str(answer)), None)
        if option is None:
            return None, "That is not one of the choices."
        right = bool(option.get("correct"))
        default = feedback.get("correct" if right else "wrong", "Right!" if right else "Not quite. Read the text again and try once more.")
        return right, str(option.get("feedback") or default)
    if kind == "multi":
        chosen = [str(a) for a in (answer or [])]
        if not chosen:
            return None, "Tick at least one answer first."
        options = {str(o["text"]): o for o in question["options"]}
        right_set = {t for t, o in options.items() if o.get("correct")}
        lines = []
        for text in chosen:
            option = options.get(text)
            if option is None:
                continue
            mark = "✓" if option.get("correct") else "✗"
            lines.append(f"{mark} {text}: {option.get('feedback') or ('fits' if option.get('correct') else 'does not fit')}")
        missed = right_set - set(chosen)
        right = set(chosen) == right_set
        if right:
            head = feedback.get("correct", "All right: you found every answer that fits and no others.")
        elif missed:
            head = feedback.get("wrong", "Not quite yet.") + f" {len(missed)} more answer(s) also fit: look again."
        else:
            head = feedback.get("wrong", "Not quite yet: one of your ticks does not fit.")
        return right, "\n".join([head, *lines])
    if kind == "number":
        value = parse_number(answer)
        if value is None:
            return None, "Type a number, for example 42 or 3.5."
        target, tolerance = float(question["answer"]), float(question.get("tolerance", 0))
        if abs(value - target) <= tolerance + 1e-9:
            return True, str(feedback.get("correct", "Right!"))
        if value < target and "too_low" in feedback:
            return False, str(feedback["too_low"])
        if value > target and "too_high" in feedback:
            return False, str(feedback["too_high"])
        return False, str(feedback.get("wrong", "Not quite. Check the text and your counting, then try again."))
    if kind == "text":
        given = _normalise_text(answer or "")
        if not given:
            return None, "Type an answer first."
        accepted = [_normalise_text(a) for a in question["accept"]]
        if question.get("match", "exact") == "contains":
            right = any(re.search(rf"\b{re.escape(a)}\b", given) for a in accepted)
        else:
            right = given in accepted
        return right, str(feedback.get("correct" if right else "wrong", "Right!" if right else "Not quite. Try again."))
    if kind == "reflection":
        if not str(answer or "").strip():
            return None, "Write your answer first."
        return None, str(feedback.get("saved", "Saved. There is no single right answer: compare yours with a classmate's."))
    raise WorkbookDataError(f"Unknown question type {kind!r}.")


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


class QuestionWidget(ipw.VBox):
    """A self-check question. Every press of `check_button` is saved to the answers store.

    Drive it from Python: set ``q.answer = ...`` (an option's text, a list of
    texts, or what is typed), then ``q.check_button.click()``; read `feedback`
    (HTML) and `last_result`.
    """

    def __init__(self, question: Mapping[str, Any], store: AnswerStore | None = None, article_label: str | None = None) -> None:
        self.question = dict(question)
        self.store, notice = _open_store(store)
        self.last_result: tuple[bool | None, str] | None = None
        kind = self.question["type"]
        options = [str(o["text"]) for o in self.question.get("options", [])]
        if kind == "choice":
            self.input: Any = ipw.RadioButtons(options=options, value=None, layout=ipw.Layout(width="auto"))
            self.choices: list[ipw.Checkbox] = []
            inputs: list[ipw.Widget] = [self.input]
        elif kind == "multi":
            self.choices = [ipw.Checkbox(value=False, description=o, indent=False, layout=ipw.Layout(width="auto")) for o in options]
            self.input = None
            inputs = list(self.choices)
        elif kind == "number":
            unit = self.question.get("unit")
            self.input = ipw.Text(placeholder="type a number", description="Answer", layout=ipw.Layout(width="20em"))
            self.choices = []
            inputs = [ipw.HBox([self.input, ipw.HTML(f"&nbsp;{_esc(unit)}" if unit else "")])]
        else:
            self.input = ipw.Textarea(
                placeholder="type your answer", layout=ipw.Layout(width="95%", height="6em" if kind == "reflection" else "3em")
            )
            self.choices = []
            inputs = [self.input]
        self.check_button = ipw.Button(
            description="Save my answer" if kind == "reflection" else "Check", button_style="primary",
            tooltip="Saves your answer and shows feedback",
        )
        self.feedback = ipw.HTML(_notice_html(notice))
        self.attempts_note = ipw.HTML()
        self.check_button.on_click(self._check)
        label = f'<span style="opacity:0.85">[{_esc(article_label)}]</span> ' if article_label else ""
        hint = self.question.get("hint")
        prompt = ipw.HTML(
            f'<div class="wb-question"><strong>{label}{_esc(self.question["prompt"])}</strong>'
            + (f'<br><span style="font-size:0.9em;opacity:0.85">Hint: {_esc(hint)}</span>' if hint else "")
            + "</div>"
        )
        super().__init__([prompt, *inputs, ipw.HBox([self.check_button, self.attempts_note]), self.feedback],
                         layout=ipw.Layout(border="1px solid #999", padding="6px", margin="6px 0"))
        self._restore()

    @property
    def answer(self) -> Any:
        """What the learner has entered: option text, list of option texts, or typed text."""
        if self.question["type"] == "multi":
            return [c.description for c in self.choices if c.value]
        return self.input.value

    @answer.setter
    def answer(self, value: Any) -> None:
        if self.question["type"] == "multi":
            wanted = {str(v) for v in (value or [])}
            for choice in self.choices:
                choice.value = choice.description in wanted
        elif self.question["type"] == "choice":
            self.input.value = None if value is None else str(value)
        else:
            self.input.value = "" if value is None else str(value)

    def _check(self, _button: Any = None) -> None:
        given = self.answer
        correct, text = check_answer(self.question, given)
        self.last_result = (correct, text)
        saved = ""
        empty = given in (None, "", []) or (isinstance(given, str) and not given.strip())
        if self.store is not None and not empty:
            try:
                self.store.record(
                    self.question["id"], given, kind=self.question["type"], correct=correct,
                    topic=self.question.get("topic"), article=self.question.get("article"),
                )
            except AnswersError as error:
                saved = f"\nYour answer could not be saved: {error}"
        elif self.store is None and not empty:
            saved = "\nYour answer could not be saved (see the message above)."
        self.feedback.value = _feedback_html(correct, text + saved)
        self._count()

    def _count(self) -> None:
        if self.store is None:
            return
        n = len(self.store.attempts(self.question["id"]))
        self.attempts_note.value = f'<span style="opacity:0.85">&nbsp;{n} attempt(s) saved</span>' if n else ""

    def _restore(self) -> None:
        if self.store is None:
            return
        latest = self.store.latest(self.question["id"])
        if latest is None:
            return
        try:
            self.answer = latest["answer"]
        except Exception:  # an option renamed since: keep the widget usable
            return
        correct, text = check_answer(self.question, latest["answer"])
        self.last_result = (correct, text)
        self.feedback.value = _notice_html(self.store.notice or "") + _feedback_html(correct, text, earlier=True)
        self._count()


def question(question_id: str, store: AnswerStore | None = None, folder: str | Path | None = None) -> QuestionWidget:
    """The self-check question with this id (see `QuestionWidget`)."""
    found = get_question(question_id, folder)
    return QuestionWidget(found, store, _article_label(found.get("article")))


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


def questions(topic: str, article: Article | str | None = None, store: AnswerStore | None = None,
              folder: str | Path | None = None) -> ipw.VBox:
    """Every question of a lesson `topic` (twins side by side in order), or only those about `article`."""
    if topic not in TOPICS and folder is None:
        raise WorkbookDataError(f"No lesson topic {topic!r}. Topics: {', '.join(TOPICS)}.")
    wanted = article.id if isinstance(article, Article) else article
    chosen = [q for q in load_questions(folder).values() if q.get("topic") == topic]
    if wanted is not None:
        chosen = [q for q in chosen if q.get("article") in (None, wanted)]
    if not chosen:
        which = f" about {wanted}" if wanted else ""
        return ipw.VBox([ipw.HTML(
            f"<p><em>There are no self-check questions for {_esc(topic)}{_esc(which)}: the answer keys are written "
            "for the two seed texts. Use the reflection questions and the tables instead.</em></p>"
        )])
    labels = {}
    items = [QuestionWidget(q, store, labels.setdefault(q.get("article"), _article_label(q.get("article")))) for q in chosen]
    box = ipw.VBox(items)
    box.items = items  # type: ignore[attr-defined]
    return box


def reflection(question_id: str, prompt: str | None = None, store: AnswerStore | None = None,
               article: str | None = None, topic: str | None = None) -> QuestionWidget:
    """A free-text question saved as written: from the question files, or ad hoc with `prompt`."""
    if prompt is None:
        found = dict(get_question(question_id))
    else:
        found = {"id": question_id, "type": "reflection", "prompt": prompt, "article": article, "topic": topic}
    found["type"] = "reflection"
    return QuestionWidget(found, store, _article_label(found.get("article")))


# =====================================================================================
# Annotation tasks
# =====================================================================================


def load_task(task_id: str, folder: str | Path | None = None) -> dict[str, Any]:
    """The annotation task ``<task_id>.toml`` from `folder` (default: the shipped tasks)."""
    folder = Path(folder) if folder is not None else tasks_folder()
    path = folder / f"{task_id}.toml"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", task_id) or not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.toml")))
        raise WorkbookDataError(f"No annotation task {task_id!r}. Tasks: {known}.")
    task = _read_toml(path)
    task["id"] = task_id
    task["file"] = str(path)
    labels = task.get("labels")
    if not isinstance(labels, list) or len(labels) < 2 or not all(isinstance(l, str) and l for l in labels):
        raise WorkbookDataError(f"{path}: give labels = [\"...\", \"...\"] (at least two).")
    if task.get("items") not in ("sentences", "findings"):
        raise WorkbookDataError(f"{path}: items must be \"sentences\" or \"findings\".")
    if task["items"] == "findings" and task.get("category") not in CATEGORY_NAMES:
        raise WorkbookDataError(f"{path}: items = \"findings\" needs category = one of {', '.join(CATEGORY_NAMES)}.")
    machine = task.get("machine", {})
    for rule in machine.get("rule", []):
        if rule.get("label") not in labels:
            raise WorkbookDataError(f"{path}: a machine rule gives the label {rule.get('label')!r}, which is not in labels.")
        if "pattern" in rule:
            try:
                re.compile(rule["pattern"])
            except re.error as error:
                raise WorkbookDataError(f"{path}: the pattern {rule['pattern']!r} is not a valid regular expression ({error}).") from error
    for label in dict(machine.get("map", {})).values():
        if label not in labels:
            raise WorkbookDataError(f"{path}: machine.map gives the label {label!r}, which is not in labels.")
    default = machine.get("default")
    if default is not None and default not in labels:
        raise WorkbookDataError(f"{path}: machine.default {default!r} is not in labels.")
    return task


def _spread(items: list[Any], limit: int | None) -> list[Any]:
    """At most `limit` items spread evenly from first to last."""
    if not limit or len(items) <= limit:
        return items
    if limit == 1:
        return items[:1]
    step = (len(items) - 1) / (limit - 1)
    return [items[round(i * step)] for i in range(limit)]


def _voiced(article: Article, voice: str) -> set[tuple[int, int]]:
    """Spans of the rhetoric markers in `voice` ('writer': the writer's own words)."""
    from workbook.rhetoric import marker_records

    return {(record["start"], record["end"]) for record in marker_records(article, voice=voice)}


def task_items(task: Mapping[str, Any], article: Article, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The items to label, with the machine's label and reason for each.

    Columns: item (a stable id), start, end, text, context (the sentence), machine, reason.
    """
    machine = task.get("machine", {})
    if task["items"] == "sentences":
        if table is None:
            table = find_all(article, [c for c in CATEGORY_NAMES if any(r.get("category") == c for r in machine.get("rule", []))])
        roles = set(task.get("roles", ["body"]))
        sentences = [s for s in article.sentence_list if article.block_list[s.block].role in roles]
        min_words = int(task.get("min_words", 6))
        sentences = [s for s in sentences if len(s.text.split()) >= min_words]
        sentences = _spread(sentences, task.get("limit"))
        rows = []
        for sentence in sentences:
            inside = table[(table["start"] >= sentence.start) & (table["end"] <= sentence.end)] if len(table) else table
            label, reason = machine.get("default"), machine.get("default_reason", "no rule matched, so the default label")
            for rule in machine.get("rule", []):
                if "pattern" in rule and re.search(rule["pattern"], sentence.text, flags=re.IGNORECASE):
                    label, reason = rule["label"], rule.get("reason", f"the sentence matches {rule['pattern']!r}")
                    break
                if "category" in rule and len(inside) and (inside["category"] == rule["category"]).any():
                    hits = inside[inside["category"] == rule["category"]]
                    if "labels" in rule:
                        hits = hits[hits["label"].isin(rule["labels"])]
                    if rule.get("voice"):  # e.g. only the writer's own rhetoric, not a quoted speaker's
                        hits = hits[[span in _voiced(article, rule["voice"]) for span in zip(hits["start"], hits["end"])]]
                    if hits.empty:
                        continue
                    first = hits.iloc[0]
                    label = rule["label"]
                    reason = f"{rule.get('reason', 'the machine found ' + rule['category'])}: “{first['text']}”"
                    break
            rows.append({"item": f"s{sentence.index}", "start": sentence.start, "end": sentence.end, "text": sentence.text,
                         "context": sentence.text, "machine": label, "reason": reason})
    else:
        if table is None:
            table = find_all(article, [task["category"]])
        table = table[table["category"] == task["category"]]
        mapping = dict(machine.get("map", {}))
        picked = _spread(list(table.to_dict("records")), task.get("limit"))
        rows = []
        for row in picked:
            sentence = article.sentence_list[int(row["sentence"])].text if pd.notna(row.get("sentence")) else row["text"]
            rows.append({"item": f"{row['start']}-{row['end']}", "start": row["start"], "end": row["end"], "text": row["text"],
                         "context": sentence, "machine": mapping.get(str(row["label"]), machine.get("default")),
                         "reason": row.get("reason")})
    frame = pd.DataFrame(rows, columns=["item", "start", "end", "text", "context", "machine", "reason"])
    for column in ("machine", "reason"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


NO_LABEL = "— choose —"


class AnnotationTask(ipw.VBox):
    """Label items (sentences or findings) of one article; then compare with the machine.

    `selectors` maps item id to its dropdown; each change is saved at once.
    ``compare_button.click()`` shows the machine's label beside each of the
    learner's, with the agreement (share equal and Cohen's kappa) in `result`.
    """

    def __init__(self, task: Mapping[str, Any], article: Article, store: AnswerStore | None = None,
                 table: pd.DataFrame | None = None) -> None:
        self.task = dict(task)
        self.article = article
        self.store, notice = _open_store(store)
        self.question_id = f"{self.task['id']}:{article.id}"
        self.items = task_items(self.task, article, table)
        self._restoring = False
        self.selectors: dict[str, ipw.Dropdown] = {}
        self.status = ipw.HTML(_notice_html(notice))
        rows: list[ipw.Widget] = []
        for number, item in enumerate(self.items.to_dict("records"), start=1):
            selector = ipw.Dropdown(options=[NO_LABEL, *self.task["labels"]], value=NO_LABEL,
                                    description=f"Item {number}", layout=ipw.Layout(width="22em"))
            selector.observe(lambda change, item=item: self._save(item, change["new"]), names="value")
            self.selectors[item["item"]] = selector
            text = _esc(item["context"])
            if item["text"] != item["context"] and item["text"] in item["context"]:
                text = _esc(item["context"]).replace(_esc(item["text"]), f'<mark style="background:#FFE08A;color:#111">{_esc(item["text"])}</mark>', 1)
            rows.append(ipw.VBox([ipw.HTML(f'<div>{number}. {text}</div>'), selector],
                                 layout=ipw.Layout(margin="4px 0")))
        self.compare_button = ipw.Button(description="Compare with the machine", button_style="info")
        self.compare_button.on_click(lambda _: self.compare())
        self.result = ipw.HTML()
        header = ipw.HTML(
            f'<div><strong>{_esc(self.task.get("title", self.task["id"]))}</strong> '
            f'<span style="opacity:0.85">[{_esc(article.label)}]</span><br>{_esc(self.task.get("instructions", ""))}<br>'
            f'Labels: {", ".join(_esc(l) for l in self.task["labels"])}</div>'
        )
        if not len(self.items):
            rows = [ipw.HTML("<p><em>This text has nothing to label for this task.</em></p>")]
        super().__init__([header, self.status, *rows, self.compare_button, self.result],
                         layout=ipw.Layout(border="1px solid #999", padding="6px", margin="6px 0"))
        self._restore()

    def _save(self, item: Mapping[str, Any], label: str) -> None:
        if self._restoring or label == NO_LABEL:
            return
        if self.store is None:
            self.status.value = _notice_html("Your labels cannot be saved right now (see the message above).")
            return
        try:
            self.store.record(self.question_id, label, kind="label", item=item["item"], topic=self.task.get("topic"),
                              article=self.article.id, expected=item["machine"], correct=label == item["machine"])
        except AnswersError as error:
            self.status.value = _notice_html(f"Your label could not be saved: {error}")

    def _restore(self) -> None:
        if self.store is None:
            return
        saved = self.store.latest_items(self.question_id)
        self._restoring = True
        try:
            for item, selector in self.selectors.items():
                label = saved.get(item, {}).get("answer")
                if label in self.task["labels"]:
                    selector.value = label
        finally:
            self._restoring = False

    @property
    def labels(self) -> dict[str, str]:
        """The learner's labels so far, by item id."""
        return {item: s.value for item, s in self.selectors.items() if s.value != NO_LABEL}

    def compare(self) -> dict[str, Any]:
        """Show the machine's labels beside the learner's; return the agreement figures."""
        mine = self.labels
        if not mine:
            self.result.value = _feedback_html(None, "Label at least one item first.")
            return {"items": 0}
        rows, learner, machine = [], [], []
        for number, item in enumerate(self.items.to_dict("records"), start=1):
            label = mine.get(item["item"])
            same = label is not None and label == item["machine"]
            if label is not None and item["machine"] is not None:
                learner.append(label)
                machine.append(item["machine"])
            rows.append(
                f"<tr><td>{number}</td><td>{_esc(item['text'])}</td><td>{_esc(label or '—')}</td>"
                f"<td>{_esc(item['machine'] or '—')}</td><td>{'same' if same else ('—' if label is None else 'different')}</td>"
                f"<td>{_esc(item['reason'] or '')}</td></tr>"
            )
        agree = sum(a == b for a, b in zip(learner, machine))
        kappa = cohen_kappa(learner, machine) if learner else math.nan
        share = agree / len(learner) if learner else math.nan
        summary = (
            f"You and the machine gave the same label to {agree} of {len(learner)} item(s)"
            + (f" ({share:.0%})" if learner else "")
            + f". Cohen's kappa: {'n/a' if math.isnan(kappa) else f'{kappa:.2f}'} ({describe_kappa(kappa)}). "
            "The machine follows simple rules and is often wrong: where you differ, who has the better reason?"
        )
        self.result.value = (
            f'<div><p>{_esc(summary)}</p>'
            '<table class="wb-compare" style="border-collapse:collapse"><thead><tr><th>#</th><th>text</th><th>you</th>'
            f"<th>machine</th><th></th><th>machine's reason</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
        return {"items": len(learner), "same": agree, "share": share, "kappa": kappa}


def annotation_task(task_id: str, article: Article, store: AnswerStore | None = None,
                    folder: str | Path | None = None, table: pd.DataFrame | None = None) -> AnnotationTask:
    """The annotation task `task_id` on `article` (see `AnnotationTask`)."""
    return AnnotationTask(load_task(task_id, folder), article, store, table)


# =====================================================================================
# Pseudonym, download, teacher's view
# =====================================================================================


class PseudonymChooser(ipw.VBox):
    """Choose a pseudonym once. Type into `name`, then ``save_button.click()``; see `status`."""

    def __init__(self, store: AnswerStore | None = None) -> None:
        self.store, notice = _open_store(store)
        self.name = ipw.Text(description="Pseudonym", placeholder="a made-up name, not your real one")
        self.save_button = ipw.Button(description="Save my pseudonym", button_style="primary")
        self.status = ipw.HTML(_notice_html(notice))
        self.save_button.on_click(lambda _: self.save())
        super().__init__([
            ipw.HTML('<p>Choose a pseudonym: a made-up name your teacher will recognise, '
                     "not your real name. You choose it once; it keeps your answers together.</p>"),
            ipw.HBox([self.name, self.save_button]), self.status,
        ])
        self._show_current()

    def _show_current(self) -> None:
        current = self.store.pseudonym if self.store is not None else None
        if current:
            self.name.value = current
            self.name.disabled = True
            self.save_button.disabled = True
            self.status.value += _feedback_html(True, f"Your pseudonym is “{current}”. Your answers are saved under it.")

    def save(self) -> None:
        if self.store is None:
            return
        try:
            self.store.set_pseudonym(self.name.value)
        except AnswersError as error:
            self.status.value = _feedback_html(False, str(error))
            return
        self.status.value = ""
        self._show_current()


def pseudonym_chooser(store: AnswerStore | None = None) -> PseudonymChooser:
    """The pseudonym chooser (see `PseudonymChooser`)."""
    return PseudonymChooser(store)


class DownloadButton(ipw.VBox):
    """Links that download the learner's answers as JSON and CSV, straight from the browser.

    The files are inside the links (``data:`` URLs), so no server is needed: it
    works on Binder. The links are renewed after every saved answer and by
    ``refresh_button.click()``.
    """

    def __init__(self, store: AnswerStore | None = None) -> None:
        self.store, notice = _open_store(store)
        self.links = ipw.HTML()
        self.refresh_button = ipw.Button(description="Update my download", tooltip="Include every answer saved so far")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.notice = notice
        super().__init__([self.links, self.refresh_button])
        if self.store is not None:
            self.store.listeners.append(self._on_saved)
        self.refresh()

    def _on_saved(self, _row_id: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.store is None:
            self.links.value = _notice_html(self.notice)
            return
        count = len(self.store)
        who = self.store.pseudonym
        warning = "" if who else " Choose a pseudonym first (start notebook) so your teacher knows whose answers these are."
        style = ("display:inline-block;margin:4px 8px 4px 0;padding:6px 12px;background:#1F4E79;color:#FFFFFF;"
                 "border-radius:4px;text-decoration:none;font-weight:bold")
        self.links.value = (
            _notice_html(self.notice)
            + f'<div>'
            f'<a class="wb-download" download="{_esc(self.store.download_name("json"))}" href="{self.store.data_url("json")}" '
            f'style="{style}">Download my answers (JSON)</a>'
            f'<a class="wb-download" download="{_esc(self.store.download_name("csv"))}" href="{self.store.data_url("csv")}" '
            f'style="{style}">Download my answers (CSV)</a>'
            f"<br>{count} answer(s) saved{(' for ' + _esc(who)) if who else ''}.{_esc(warning)} "
            "Hand the JSON file to your teacher.</div>"
        )


def download_button(store: AnswerStore | None = None) -> DownloadButton:
    """The "download my answers" links (see `DownloadButton`)."""
    return DownloadButton(store)


def teacher_view(paths: str | Path | Iterable[str | Path]) -> ipw.VBox:
    """A class's answers from downloaded files: answer counts per question and agreement per task."""
    import warnings as _warnings

    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", answers_module.AnswersWarning)
        table = answers_module.collect(paths)
    problems = table.attrs.get("problems", [])
    parts = [f"<p>{len(table)} answer(s) from {table['pseudonym'].nunique()} learner(s).</p>"]
    if problems:
        parts.append("<p>Skipped:</p><ul>" + "".join(f"<li>{_esc(p)}</li>" for p in problems) + "</ul>")
    distribution = answers_module.distribution(table)
    if len(distribution):
        shown = distribution.assign(share=(distribution["share"] * 100).round().astype(int).astype(str) + "%")
        parts.append("<h4>Answers per question</h4>" + shown.to_html(index=False, escape=True, na_rep=""))
    agreement = answers_module.agreement(table)
    if len(agreement):
        shown = agreement.assign(
            between_learners=agreement["between_learners"].map(lambda v: f"{v:.2f}" if not math.isnan(v) else "n/a"),
            meaning=agreement["between_learners"].map(describe_kappa),
            with_machine=agreement["with_machine"].map(lambda v: f"{v:.2f}" if not math.isnan(v) else "n/a"),
        )
        parts.append("<h4>Agreement per annotation task (kappa)</h4>" + shown.to_html(index=False, escape=True, na_rep=""))
    box = ipw.VBox([ipw.HTML(f'<div>{"".join(parts)}</div>')])
    box.table = table  # type: ignore[attr-defined]
    return box
