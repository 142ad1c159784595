"""Vega-Lite v5 specifications for the lesson charts, as plain dicts (no Altair, no pandas).

Each builder takes the rows a chart draws (made by `workbook.charts.rows`) and returns a
complete specification: data inline, the Okabe-Ito colours, shapes so texts are told
apart by more than colour, a `description` a screen reader announces, and tooltips (whose
fields and titles are also the columns of the data table under the chart).

The specifications keep to Vega-Lite 5 (JupyterLab 4 draws them with its own Vega-Lite
5.6 renderer, offline); `$schema` names version 5 and is only read, never fetched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workbook.charts import descriptions

#: The Vega-Lite version every specification is written for (JupyterLab 4.6 ships Vega-Lite 5.6).
SCHEMA_URL = "https://vega.github.io/schema/vega-lite/v5.json"
#: Okabe-Ito colours (Okabe and Ito 2008, "Color Universal Design"), safe for colour-blind readers.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"]
#: vega-embed's "..." menu (save as PNG, view source) is a <summary> without a name for screen
#: readers, and offers nothing a learner needs: charts are drawn without it.
NO_ACTIONS = {"embedOptions": {"actions": False}}
#: The colour of the numbers written at the end of each bar.
INK = "#111111"

Rows = Sequence[Mapping[str, Any]]


def _texts(rows: Rows) -> list[str]:
    return sorted({str(row["text_label"]) for row in rows})


def _colour(texts: list[str], legend: bool = True, title: str | None = "text") -> dict[str, Any]:
    """Colour by text, from the palette, in the texts' sorted order (so a text keeps its colour)."""
    colour: dict[str, Any] = {"field": "text_label", "type": "nominal",
                              "scale": {"domain": texts, "range": PALETTE[: len(texts)]}}
    if title is not None:
        colour["title"] = title
    if not legend:
        colour["legend"] = None
    return colour


def _tooltip(field: str, kind: str, title: str | None = None, **more: Any) -> dict[str, Any]:
    tip: dict[str, Any] = {"field": field, "type": kind}
    if title is not None:
        tip["title"] = title
    tip.update(more)
    return tip


def _top(rows: Rows, title: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    """A top-level specification around `body`, with the data inline and no vega-embed menu."""
    return {
        "$schema": SCHEMA_URL,
        "title": title,
        "description": description,
        "data": {"values": [dict(row) for row in rows]},
        **body,
        "usermeta": {"embedOptions": dict(NO_ACTIONS["embedOptions"])},
    }


def message_spec(message: str) -> dict[str, Any]:
    """A chart that only says `message` (for example "No figures found."), read aloud as its description."""
    return {
        "$schema": SCHEMA_URL,
        "description": message,
        "data": {"values": [{"message": message}]},
        "mark": {"type": "text", "size": 14},
        "encoding": {"text": {"field": "message", "type": "nominal"}},
        "width": 400,
        "height": 40,
        "usermeta": {"embedOptions": dict(NO_ACTIONS["embedOptions"])},
    }


def timeline_spec(rows: Rows, title: str = "Years each text mentions") -> dict[str, Any]:
    """Points on a line of years, one row per text, told apart by row, colour and shape.

    `rows` have ``text_label``, ``year`` (an int), ``time_text``, ``description`` and
    ``sentence_text`` (see `workbook.charts.rows.timeline_rows`); hovering a point shows them.
    """
    if not rows:
        return message_spec("No dated events found.")
    texts = _texts(rows)
    shape = {"field": "text_label", "type": "nominal", "title": "text",
             "scale": {"domain": texts, "range": SHAPES[: len(texts)]}}
    body = {
        "mark": {"type": "point", "filled": True, "size": 90, "opacity": 0.8},
        "encoding": {
            "x": {"field": "year", "type": "quantitative", "title": "year", "axis": {"format": "d"},
                  "scale": {"zero": False, "nice": False, "padding": 12}},
            "y": {"field": "text_label", "type": "nominal", "title": None},
            "color": _colour(texts),
            "shape": shape,
            "tooltip": [
                _tooltip("text_label", "nominal", "text"),
                _tooltip("year", "quantitative", "year", format="d"),
                _tooltip("time_text", "nominal", "words in the text"),
                _tooltip("description", "nominal", "what happened"),
                _tooltip("sentence_text", "nominal", "sentence"),
            ],
        },
        "width": 620,
        "height": {"step": 60},
    }
    return _top(rows, title, descriptions.describe_timeline(rows, title), body)


def _bars_per_text(rows: Rows, field: str, value: str, shown: str, axis_title: str, sort: Any,
                   tooltip: list[dict[str, Any]], colour_title: str | None) -> dict[str, Any]:
    """Horizontal bars of `value` by `field`, a number (`shown`) at each bar's end, one panel per text."""
    texts = _texts(rows)
    return {
        "facet": {"column": {"field": "text_label", "type": "nominal", "title": None,
                             "header": {"labelFontSize": 13, "labelFontWeight": "bold"}}},
        "spec": {
            "encoding": {
                "y": {"field": field, "type": "nominal", "title": None, "sort": sort},
                "x": {"field": value, "type": "quantitative", "title": axis_title},
                "tooltip": tooltip,
            },
            "layer": [
                {"mark": {"type": "bar"}, "encoding": {"color": _colour(texts, legend=False, title=colour_title)}},
                {"mark": {"type": "text", "align": "left", "dx": 3, "color": INK},
                 "encoding": {"text": {"field": shown, "type": "quantitative"}}},
            ],
            "width": 260,
            "height": {"step": 18},
        },
    }


def count_spec(rows: Rows, field: str, title: str, what: str) -> dict[str, Any]:
    """Bars: how many `what` of each `field` value each text has (rows from `rows.count_rows`)."""
    if not rows:
        return message_spec(f"No {what} found.")
    tooltip = [_tooltip("text_label", "nominal", "text"), _tooltip(field, "nominal"), _tooltip("count", "quantitative")]
    order = sorted({row[field] for row in rows}, key=lambda kind: (-sum(r["count"] for r in rows if r[field] == kind), kind))
    # the kinds both texts use most come first, in the same order in every panel
    body = _bars_per_text(rows, field, "count", "count", f"number of {what}", order, tooltip, colour_title="text")
    # one shared list of kinds, in the same order in every panel (the counts hold zeros for what a text lacks)
    opening = f"Bar chart: {title}, the number of {what} of each kind, one panel per text."
    return _top(rows, title, descriptions.describe_counts(rows, field, "count", opening), body)


def density_spec(rows: Rows, title: str = "Rhetoric markers per 1,000 words") -> dict[str, Any]:
    """Bars: rhetoric markers per 1,000 words by kind of marker, one panel per text (rows from `rows.density_rows`)."""
    if not rows:
        return message_spec("No rhetoric markers found.")
    tooltip = [_tooltip("text_label", "nominal", "text"), _tooltip("marker", "nominal", "label"),
               _tooltip("shown", "quantitative", "per 1,000 words")]
    if all("count" in row for row in rows):
        tooltip.append(_tooltip("count", "quantitative", "markers"))
    sort = {"field": "per_1000_words", "op": "sum", "order": "descending"}
    body = _bars_per_text(rows, "marker", "per_1000_words", "shown", "markers per 1,000 words", sort, tooltip,
                          colour_title=None)
    opening = f"Bar chart: {title}, by kind of marker, one panel per text."
    return _top(rows, title, descriptions.describe_counts(rows, "marker", "shown", opening), body)
