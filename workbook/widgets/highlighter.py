"""The highlighter: an article's text with its findings marked, a legend, and the list of reasons.

`highlight_html` and the functions before it are pure (text in, HTML out): the
printable handout and the tests use them without a kernel. `Highlighter` is
the widget with a checkbox per group.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import ipywidgets as ipw
import pandas as pd

from workbook.articles import Article
from workbook.questionbank import find_all
from workbook.widgets._common import _as_articles, _esc
from workbook.widgets.styles import (
    TEXT_COLOUR,
    _group_order,
    group_name,
    group_of,
    group_styles,
)


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

