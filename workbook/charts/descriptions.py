"""Text alternatives for the charts: a description a screen reader announces, and the data as a table.

`describe_counts` and `describe_timeline` write the sentence that goes into a
specification's ``description``; `data_table_html` turns any chart (a Vega-Lite
specification from `workbook.charts`, or an Altair chart) into an HTML table with the
same values and words a reader sees on hover, so a keyboard or screen-reader user reaches
every one of them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

Rows = Sequence[Mapping[str, Any]]


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pandas' NA (without importing pandas)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # pandas' NA refuses to be a truth value
        return True


def _by_text(rows: Rows) -> dict[str, list[Mapping[str, Any]]]:
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault(str(row["text_label"]), []).append(row)
    return dict(sorted(groups.items()))


def describe_counts(rows: Rows | Any, field: str, value: str, opening: str, most: int = 6) -> str:
    """A chart's text alternative: what it shows, then the largest values of each text in words.

    `rows` are dicts (or a DataFrame) with ``text_label``, `field` and `value`.
    """
    if hasattr(rows, "to_dict"):  # a DataFrame: its rows as dicts
        rows = rows.to_dict("records")
    parts = [opening]
    for text, group in _by_text(rows).items():
        top = sorted((row for row in group if float(row[value]) != 0), key=lambda row: -float(row[value]))[:most]
        listed = ", ".join(f"{row[field]} {float(row[value]):g}" for row in top)
        parts.append(f"{text}: {listed or 'none'}.")
    parts.append("Every value is in the table under the chart.")
    return " ".join(parts)


def describe_timeline(rows: Rows, title: str) -> str:
    """A timeline's text alternative: the years each text mentions, in order."""
    years = {text: sorted({int(row["year"]) for row in group}) for text, group in _by_text(rows).items()}
    listed = " ".join(f"{text}: {', '.join(str(year) for year in found)}." for text, found in years.items())
    return (f"Timeline: {title}, one row per text. {listed} "
            "The sentence behind each point is in the table under the chart.")


def _spec_of(chart: Any) -> dict[str, Any]:
    """The Vega-Lite specification of `chart`: a dict already, or an Altair chart's ``to_dict()``."""
    if isinstance(chart, Mapping):
        return dict(chart)
    if hasattr(chart, "to_dict"):
        return chart.to_dict(validate=False)
    return {}


def tooltip_fields(spec: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, title) of each tooltip in a specification, in order, each field once: what a reader sees on hover."""
    found: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            encoding = node.get("encoding")
            tips = encoding.get("tooltip") if isinstance(encoding, Mapping) else None
            for tip in tips if isinstance(tips, list) else ([tips] if isinstance(tips, Mapping) else []):
                field = tip.get("field")
                if field and field not in [f for f, _ in found]:
                    found.append((field, tip.get("title") or field.replace("_", " ")))
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(spec)
    return found


def chart_rows(spec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The rows a specification draws: inline ``data.values``, or the named dataset Altair writes."""
    data = spec.get("data")
    if isinstance(data, Mapping):
        if isinstance(data.get("values"), list):
            return list(data["values"])
        named = (spec.get("datasets") or {}).get(data.get("name"))
        if isinstance(named, list):
            return list(named)
    for key in ("spec", "layer"):  # data given lower down, in a facet's or a layer's own spec
        inner = spec.get(key)
        for child in inner if isinstance(inner, list) else [inner]:
            if isinstance(child, Mapping):
                found = chart_rows({**child, "datasets": spec.get("datasets")})
                if found:
                    return found
    return []


def data_table_html(chart: Any) -> str:
    """The chart's data as a table a learner can open: the same values and words as on hover, for keyboards too.

    `chart` is a specification from `workbook.charts` (or an Altair chart). A chart with
    no tooltips (the "No ... found." message) has no table: the empty string.
    """
    spec = _spec_of(chart)
    rows = chart_rows(spec)
    present = {key for row in rows for key in row}
    fields = [(field, title) for field, title in tooltip_fields(spec) if field in present]
    if not rows or not fields:
        return ""
    head = "".join(f'<th scope="col" style="text-align:left;padding:3px 6px">{html.escape(str(title))}</th>'
                   for _, title in fields)
    body = []
    for row in rows:
        cells = "".join(
            '<td style="padding:3px 6px;vertical-align:top;text-align:left">'
            f'{"" if is_missing(row.get(field)) else html.escape(str(row.get(field)))}</td>'
            for field, _ in fields
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        '<details class="wb-chart-data" style="color:#111;background:#FFF;max-width:60em">'
        "<summary>The chart as a table (the same values, for reading or a screen reader)</summary>"
        f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
        "</details>"
    )
