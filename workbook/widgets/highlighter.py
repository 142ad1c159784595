"""The highlighter: an article's text with its findings marked, a legend, and the list of reasons.

`highlight_html` and the functions before it are pure (text in, HTML out): the
printable handout and the tests use them without a kernel. Each group of
findings gets a CSS class; one ``<style>`` block at the top of the HTML gives
each class its colour, line pattern and tag.

`Highlighter` is the widget. It draws the text once, with every finding marked,
and a checkbox only changes a short style sheet that hides the groups switched
off: a redraw sends a few hundred bytes, not the whole text again
(`redraw_payload` measures it). It opens with one group on, not all; weak
rhetoric markers and rhetoric in someone else's words sit behind their own
checkboxes.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import ipywidgets as ipw
import pandas as pd

from workbook.articles import Article
from workbook.plainwords import possessive
from workbook.questionbank import find_all
from workbook.widgets._common import _as_articles, _esc
from workbook.widgets.styles import (
    TEXT_COLOUR,
    _group_order,
    group_name,
    group_of,
    group_styles,
)

#: The groups a highlighter never switches on by itself (a learner opens them).
APART_GROUPS = ("rhetoric: weak", "rhetoric: quoted")


def _article_header(article: Article) -> str:
    """Headline and byline line of an article column: title, author, date, publisher (never the file id)."""
    parts = [f'<div class="wb-meta" style="font-weight:bold;font-size:1.1em">{_esc(article.title or article.label)}</div>']
    facts = []
    if article.author:
        facts.append(f"by {_esc(article.author)}")
    if article.date:
        facts.append(_esc(article.date.strftime("%d %B %Y").lstrip("0")))
    if article.publisher:
        facts.append(_esc(article.publisher))
    if facts:
        parts.append(f'<div class="wb-meta" style="color:#333">{" · ".join(facts)}</div>')
    return "".join(parts)


def line_style(style: Mapping[str, str]) -> str:
    """CSS for a highlight's line: a solid, dashed, dotted or double bottom border, or a wavy underline."""
    if style["border"] == "wavy":
        return (f"text-decoration:underline wavy {style['tag']};text-decoration-thickness:2px;"
                "text-underline-offset:3px")
    return f"border-bottom:3px {style['border']} {style['tag']}"


def group_classes(groups: Iterable[str]) -> dict[str, str]:
    """A short CSS class for each group (``wb-g0``, ``wb-g1``...), in legend order."""
    return {group: f"wb-g{index}" for index, group in enumerate(sorted(set(groups), key=_group_order))}


def style_sheet(anchor: str, styles: Mapping[str, Mapping[str, str]], classes: Mapping[str, str]) -> str:
    """The ``<style>`` block for one highlighter: each group's background, line and tag colour."""
    rules = [
        f"#{anchor} mark.wb-hl{{color:{TEXT_COLOUR};padding:0 1px 1px 1px}}",
        f"#{anchor} .wb-tag{{color:#FFFFFF;font-size:0.7em;font-family:sans-serif;padding:0 3px;margin-right:2px;"
        "border-radius:3px;text-decoration:none;vertical-align:super;white-space:nowrap}",
        # the finding's number in its own white circle, so "2 loaded words" reads as "finding 2", not a count
        f"#{anchor} .wb-num{{background:#FFFFFF;color:#111111;border-radius:7px;padding:0 4px;margin-right:3px;font-weight:bold}}",
        f"#{anchor} .wb-nothing{{display:none}}",
    ]
    for group, css_class in classes.items():
        style = styles[group]
        rules.append(f"#{anchor} mark.{css_class}{{background:{style['background']};{line_style(style)}}}")
        rules.append(f"#{anchor} .wb-tag.{css_class},#{anchor} .wb-key.{css_class}{{background:{style['tag']}}}")
    return "<style>" + "".join(rules) + "</style>"


def visibility_css(anchor: str, classes: Mapping[str, str], shown: Iterable[str]) -> str:
    """A style sheet that makes the groups not in `shown` look like plain text (tags, legend and list hidden)."""
    shown = set(shown)
    hidden = [css for group, css in classes.items() if group not in shown]
    if not hidden:
        return ""
    marks = ",".join(f"#{anchor} mark.{css}" for css in hidden)
    gone = ",".join(f"#{anchor} .wb-tag.{css},#{anchor} li.{css},#{anchor} .wb-legend-item.{css}" for css in hidden)
    rules = [
        f"{marks}{{background:transparent!important;border:0!important;text-decoration:none!important;"
        "padding:0!important;pointer-events:none}",
        f"{gone}{{display:none!important}}",
    ]
    if not shown & set(classes):
        rules.append(f"#{anchor} .wb-nothing{{display:block!important}}#{anchor} .wb-reasons,#{anchor} .wb-legend{{display:none}}")
    return "<style>" + "".join(rules) + "</style>"


def _mark_open(row: Mapping[str, Any], css_class: str, number: int, anchor: str) -> str:
    reason = row.get("reason") or ""
    title = f"{group_name(row['group'])}: {reason}" if reason else group_name(row["group"])
    return (
        f'<mark class="wb-hl wb-cat-{_esc(row["category"])} {css_class}" data-group="{_esc(row["group"])}" '
        f'title="{_esc(title)}" aria-describedby="{anchor}-{number}">'
    )


def _tag(row: Mapping[str, Any], style: Mapping[str, str], css_class: str, number: int, anchor: str) -> str:
    words = row.get("voice_words")
    if not isinstance(words, str) or not words:  # a missing value may come back from pandas as NaN
        words = style["code"]
    return (f'<a class="wb-tag {css_class}" href="#{anchor}-{number}" aria-label="finding {number}: {_esc(words)}">'
            f'<span class="wb-num">{number}</span> {_esc(words)}</a>')


def _render_text(text: str, offset: int, rows: list[dict[str, Any]], styles: Mapping[str, Mapping[str, str]],
                 classes: Mapping[str, str], anchor: str) -> str:
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
        for row in covering:
            css_class = classes[row["group"]]
            piece += _mark_open(row, css_class, row["number"], anchor)
            if row["start"] == left:
                piece += _tag(row, styles[row["group"]], css_class, row["number"], anchor)
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


def _article_html(article: Article, rows: pd.DataFrame, styles: Mapping[str, Mapping[str, str]],
                  classes: Mapping[str, str], anchor: str) -> str:
    records = []
    for number, row in enumerate(rows.to_dict("records"), start=1):
        row["number"] = number
        records.append(row)
    body = []
    for block in article.block_list:
        style = _BLOCK_STYLES.get(block.role, "")
        rendered = _render_text(block.text, block.start, records, styles, classes, anchor)
        body.append(f'<p class="wb-block wb-role-{_esc(block.role)}" style="margin:0.4em 0;{style}">{rendered}</p>')
    items = []
    for row in records:
        css_class = classes[row["group"]]
        reason = f" — {_esc(row['reason'])}" if row.get("reason") else ""
        detail = f" ({_esc(row['detail'])})" if row.get("detail") else ""
        voice = f" [{_esc(row['voice_words'])}]" if isinstance(row.get("voice_words"), str) else ""
        items.append(
            f'<li id="{anchor}-{row["number"]}" value="{row["number"]}" class="{css_class}">'
            f'<strong>{_esc(group_name(row["group"]))}</strong>{voice}: '
            f'“{_esc(row["text"])}”{detail}{reason}</li>'
        )
    nothing = '<p class="wb-nothing" style="color:#333"><em>Nothing highlighted: switch on a category above.</em></p>'
    listing = (
        f'<details class="wb-reasons"><summary>Why each part is highlighted (the findings as a list)</summary>'
        f'<ol style="font-size:0.9em">{"".join(items)}</ol></details>{nothing}'
        if records
        else nothing.replace('class="wb-nothing"', 'class="wb-reasons"')
    )
    return (
        f'<div class="wb-article" data-article="{_esc(article.id)}" lang="{_esc(article.language or "en")}" '
        f'style="flex:1 1 22em;min-width:18em;max-width:48em;color:{TEXT_COLOUR};background:#FFFFFF;'
        f'padding:0.5em 0.8em;border:1px solid #999;border-radius:4px;line-height:1.7">'
        f"{_article_header(article)}{''.join(body)}{listing}</div>"
    )


def legend_html(groups: Iterable[str], styles: Mapping[str, Mapping[str, str]] | None = None,
                classes: Mapping[str, str] | None = None) -> str:
    """A legend: for each group its colour, underline pattern, tag and name (styles inline, for any page)."""
    groups = sorted(set(groups), key=_group_order)
    styles = styles or group_styles(groups)
    classes = classes or {}
    entries = []
    for group in groups:
        style = styles[group]
        css_class = classes.get(group, "")
        entries.append(
            f'<span class="wb-legend-item {css_class}" role="listitem" style="display:inline-block;margin:2px 8px 2px 0">'
            f'<span style="background:{style["background"]};color:{TEXT_COLOUR};{line_style(style)};padding:0 4px">'
            f'<span class="wb-key" style="background:{style["tag"]};color:#FFFFFF;font-size:0.75em;padding:0 3px;border-radius:3px">'
            f"{_esc(style['code'])}</span> {_esc(group_name(group))}</span></span>"
        )
    if not entries:
        return '<div class="wb-legend"><em>No findings to show.</em></div>'
    return (
        '<div class="wb-legend" role="list" aria-label="Legend" style="color:#111;background:#FFFFFF;padding:2px">'
        "<strong>Legend</strong> (hover over a highlight, or open the list under each text, to see why it was made): "
        + "".join(entries)
        + "</div>"
    )


def _voices(articles: Sequence[Article], table: pd.DataFrame) -> dict[tuple[str, int, int], dict[str, Any]]:
    """Voice, speaker and strength of rhetoric markers, by (article, start, end), when the extractor gives them.

    Works with the rhetoric table as it is today (``in_quote`` only) and with the
    ``voice`` / ``speaker`` / ``strength`` columns the rhetoric module is gaining.
    """
    if not len(table) or not (table["category"] == "rhetoric").any():
        return {}
    from workbook import rhetoric

    found: dict[tuple[str, int, int], dict[str, Any]] = {}
    for article in articles:
        try:
            markers = rhetoric.markers(article)
        except Exception:  # the highlighter still works without voices
            continue
        columns = set(markers.columns)
        if not columns & {"voice", "strength", "in_quote"}:
            continue
        for row in markers.to_dict("records"):
            voice = row.get("voice") if "voice" in columns else None
            if voice is None or voice is pd.NA:
                voice = "quoted" if row.get("in_quote") is True else "writer"
            strength = row.get("strength") if "strength" in columns else None
            speaker = row.get("speaker") if "speaker" in columns else None
            found[(article.id, int(row["start"]), int(row["end"]))] = {
                "voice": voice,
                "strength": None if strength is pd.NA else strength,
                "speaker": None if speaker is pd.NA or not speaker else str(speaker),
            }
    return found


def with_groups(frame: pd.DataFrame, articles: Sequence[Article] | None = None) -> pd.DataFrame:
    """`frame` with a `group` column (and `voice_words` for rhetoric in someone else's words)."""
    frame = frame.copy()
    for column in ("reason", "detail"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    voices = _voices(articles or [], frame) if articles else {}
    groups, words = [], []
    for row in frame[["article", "start", "end", "category", "label"]].itertuples(index=False):
        extra = voices.get((row.article, int(row.start), int(row.end)), {}) if row.category == "rhetoric" else {}
        group = group_of(row.category, row.label, extra.get("voice"), extra.get("strength"))
        groups.append(group)
        if group == "rhetoric: quoted":
            speaker = extra.get("speaker")
            words.append(f"in {possessive(speaker)} words" if speaker else "in someone else’s words")
        else:
            words.append(None)
    frame["group"] = groups
    frame["voice_words"] = words
    return frame


#: The old private name (the handout and older tests used it).
_with_groups = with_groups


def _table_for(articles: list[Article], categories: Iterable[str] | None, table: pd.DataFrame | None) -> pd.DataFrame:
    if table is None:
        frames = [find_all(a, categories) for a in articles]
        table = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
    elif categories is not None:
        table = table[table["category"].isin(list(categories))]
    return table


def highlight_html(
    articles: Article | Sequence[Article],
    categories: Iterable[str] | None = None,
    groups: Iterable[str] | None = None,
    table: pd.DataFrame | None = None,
    anchor: str | None = None,
    render_all: bool = False,
) -> str:
    """The highlighted text of one or more articles side by side, as one HTML string.

    Every piece of article text and metadata is escaped. `table` is a findings
    table (default: `workbook.findings.findings` for each article); `groups`
    limits which toggle groups are shown (default: all). With `render_all`,
    every group is drawn and the others are hidden by a style sheet, so a widget
    can switch them on again by changing only that style sheet.
    """
    articles = _as_articles(articles)
    table = _table_for(articles, categories, table)
    if "group" not in table.columns:
        table = with_groups(table, articles)
    all_groups = sorted(set(table["group"]), key=_group_order)
    styles = group_styles(all_groups)
    classes = group_classes(all_groups)
    shown = set(all_groups if groups is None else groups)
    visible = table if render_all else table[table["group"].isin(shown)]
    legend_groups = all_groups if render_all else [g for g in all_groups if g in shown]
    anchor = anchor or "wb-" + uuid.uuid4().hex[:8]
    columns = [
        _article_html(a, visible[visible["article"] == a.id].sort_values(["start", "end"]), styles, classes, f"{anchor}-{i}")
        for i, a in enumerate(articles)
    ]
    hidden = visibility_css(anchor, classes, shown) if render_all else ""
    if not render_all and not shown & set(all_groups):
        hidden = f"<style>#{anchor} .wb-nothing{{display:block!important}}</style>"
    return (
        f'<div class="wb-highlighter" id="{anchor}" style="color:{TEXT_COLOUR}">'
        f"{style_sheet(anchor, styles, classes)}{hidden}"
        f"{legend_html(legend_groups, styles, classes)}"
        f'<div class="wb-columns" style="display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start">'
        f"{''.join(columns)}</div></div>"
    )


def default_on(groups: Sequence[str]) -> list[str]:
    """The group a highlighter opens with: the first one, never a weak or quoted group."""
    ordered = sorted(groups, key=_group_order)
    first = [g for g in ordered if g not in APART_GROUPS]
    return first[:1] or ordered[:1]


class Highlighter(ipw.VBox):
    """One article or two side by side, with a checkbox per category (and per label).

    `toggles` maps each group (``"quotes: scare"``, ``"figures"``) to its checkbox;
    `view` is the HTML widget showing the text, drawn once; `visibility` holds
    the short style sheet that hides the groups switched off. Drive it from
    Python with ``h.toggles["figures"].value = False``; `shown` lists the
    groups on. It opens with one group on (or those in `on`).
    """

    def __init__(self, articles: Article | Sequence[Article], categories: Iterable[str] | None = None,
                 table: pd.DataFrame | None = None, on: Iterable[str] | None = None) -> None:
        self.articles = _as_articles(articles)
        self.table = with_groups(_table_for(self.articles, categories, table), self.articles)
        groups = sorted(set(self.table["group"]), key=_group_order)
        counts = self.table["group"].value_counts()
        on = set(default_on(groups) if on is None else on)
        self.anchor = "wb-" + uuid.uuid4().hex[:8]
        self.classes = group_classes(groups)
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
        self.visibility = ipw.HTML()
        # Every finding is drawn once, none hidden in the text itself: which groups are shown lives only in
        # `visibility`, so that ticking a box that was off at first does show its highlights.
        self.view = ipw.HTML(highlight_html(self.articles, table=self.table, anchor=self.anchor, render_all=True))
        self._quiet = False
        for toggle in self.toggles.values():
            toggle.observe(self._toggled, names="value")
        main = [t for g, t in self.toggles.items() if g not in APART_GROUPS]
        apart = [t for g, t in self.toggles.items() if g in APART_GROUPS]
        heading = ipw.HTML("<strong>Highlight:</strong> tick a box to show one kind of finding."
                           if groups else "<em>No findings in this text.</em>")
        rows: list[ipw.Widget] = [heading, ipw.HBox(main, layout=ipw.Layout(flex_flow="row wrap"))]
        if apart:
            rows += [ipw.HTML("<em>Also:</em> weaker signs, and loaded words the writer quotes from others:"),
                     ipw.HBox(apart, layout=ipw.Layout(flex_flow="row wrap"))]
        super().__init__([*rows, ipw.HBox([self.all_on, self.all_off]), self.visibility, self.view])
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
        """Show the groups that are switched on (only the short style sheet changes)."""
        self.visibility.value = visibility_css(self.anchor, self.classes, self.shown)

    def visible_html(self) -> str:
        """The text as a learner sees it now, with only the groups switched on (for tests and printing)."""
        return highlight_html(self.articles, table=self.table, groups=self.shown)


def _tree(widget: ipw.Widget) -> list[ipw.Widget]:
    """`widget` and every widget inside it."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += _tree(child)
    return found


def redraw_payload(highlighter: Highlighter, group: str | None = None) -> int:
    """Bytes the kernel sends to the browser when one checkbox is ticked: every widget update, as JSON.

    Ticks `group` (default: the first group that is off, else the first group),
    records each synced value that changes in the highlighter's widgets during
    that one redraw, and measures the update messages ipywidgets would send for
    them (``{"method": "update", "state": {...}}``, UTF-8). The tick is undone
    afterwards. The text in `view` is sent once, when the highlighter is shown.
    """
    import json

    if not highlighter.toggles:
        return 0
    if group is None:
        off = [g for g, toggle in highlighter.toggles.items() if not toggle.value]
        group = (off or list(highlighter.toggles))[0]
    messages: list[str] = []
    watched = []
    for widget in _tree(highlighter):
        def record(change: Any, widget: ipw.Widget = widget) -> None:
            if change["name"] in widget.keys:
                to_json = widget.trait_metadata(change["name"], "to_json", widget._trait_to_json)
                state = {change["name"]: to_json(change["new"], widget)}
                messages.append(json.dumps({"method": "update", "state": state, "buffer_paths": []}))
        widget.observe(record)
        watched.append((widget, record))
    toggle = highlighter.toggles[group]
    before = toggle.value
    try:
        toggle.value = not before
    finally:
        for widget, record in watched:
            widget.unobserve(record)
        toggle.value = before
    return sum(len(message.encode("utf-8")) for message in messages)


def first_payload(highlighter: Highlighter) -> int:
    """Bytes sent when the highlighter is first shown (the text with every finding, drawn once)."""
    return len(highlighter.view.value.encode("utf-8")) + len(highlighter.visibility.value.encode("utf-8"))


def highlighter(articles: Article | Sequence[Article], categories: Iterable[str] | None = None,
                table: pd.DataFrame | None = None, on: Iterable[str] | None = None) -> Highlighter:
    """A highlighter for one article or two side by side (see `Highlighter`).

    `categories` picks among quotes, sources, figures, time and rhetoric (default: all);
    `on` lists the groups switched on at first (default: the first group only).
    """
    return Highlighter(articles, categories, table, on)
