"""workbook.charts.descriptions: every chart's description and data table hold what the chart shows."""

from __future__ import annotations

import html
import math
import re

from workbook import charts
from workbook.charts import descriptions


def _cells(table_html: str) -> list[list[str]]:
    """The table's body rows as lists of cell texts (HTML entities left as written)."""
    body = table_html.split("<tbody>", 1)[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_describe_counts_lists_each_texts_largest_values_in_words():
    rows = [{"text_label": "B", "kind": "counts", "count": 1}, {"text_label": "A", "kind": "counts", "count": 2},
            {"text_label": "A", "kind": "percentages", "count": 5}]
    text = descriptions.describe_counts(rows, "kind", "count", "Bar chart: figures.")
    assert text == ("Bar chart: figures. A: percentages 5, counts 2. B: counts 1. "
                    "Every value is in the table under the chart.")


def test_describe_counts_leaves_out_the_zeros_and_says_none_when_a_text_has_nothing():
    rows = [{"text_label": "A", "kind": "counts", "count": 2}, {"text_label": "A", "kind": "percentages", "count": 0},
            {"text_label": "B", "kind": "counts", "count": 0}, {"text_label": "B", "kind": "percentages", "count": 0}]
    assert descriptions.describe_counts(rows, "kind", "count", "Bar chart: figures.") == (
        "Bar chart: figures. A: counts 2. B: none. Every value is in the table under the chart.")


def test_describe_counts_keeps_the_largest_six_and_reads_a_dataframe_too():
    import pandas as pd

    rows = [{"text_label": "A", "kind": f"k{i}", "count": i} for i in range(1, 9)]
    assert "k1 1" not in descriptions.describe_counts(rows, "kind", "count", "x") and "k8 8" in descriptions.describe_counts(rows, "kind", "count", "x")
    assert descriptions.describe_counts(pd.DataFrame(rows), "kind", "count", "x") == descriptions.describe_counts(rows, "kind", "count", "x")


def test_describe_timeline_names_every_year_of_each_text():
    rows = [{"text_label": "A", "year": 2014}, {"text_label": "A", "year": 1783}, {"text_label": "B", "year": 1949},
            {"text_label": "A", "year": 2014}]
    text = descriptions.describe_timeline(rows, "Years")
    assert "A: 1783, 2014." in text and "B: 1949." in text and text.startswith("Timeline: Years")


def test_the_data_table_holds_every_value_and_every_hover_word(seeds):
    for make in (charts.timeline, charts.figures_by_kind, charts.sources_by_type, charts.rhetoric_density):
        spec = make(seeds)
        table = charts.data_table_html(spec)
        fields = [field for field, _ in descriptions.tooltip_fields(spec)]
        heads = re.findall(r"<th[^>]*>(.*?)</th>", table)
        assert len(heads) == len(fields), make.__name__
        rows = _cells(table)
        values = spec["data"]["values"]
        assert len(rows) == len(values), make.__name__
        for drawn, cells in zip(values, rows):
            assert [html.unescape(c) for c in cells] == [str(drawn[f]) for f in fields], make.__name__
        assert "<summary>" in table and 'scope="col"' in table


def test_the_description_names_every_text_and_its_top_values(seeds):
    spec = charts.figures_by_kind(seeds)
    for text in {row["text_label"] for row in spec["data"]["values"]}:
        assert f"{text}:" in spec["description"]
    largest = max(spec["data"]["values"], key=lambda row: row["count"])
    assert f"{largest['kind']} {largest['count']}" in spec["description"]


def test_missing_values_are_blank_cells_never_nan_or_none():
    spec = {"data": {"values": [{"a": None, "b": float("nan")}, {"a": "x", "b": 2}]},
            "encoding": {"tooltip": [{"field": "a", "type": "nominal"}, {"field": "b", "type": "quantitative"}]}}
    table = charts.data_table_html(spec)
    assert _cells(table) == [["", ""], ["x", "2"]]
    assert "nan" not in table.lower() and "None" not in table
    assert descriptions.is_missing(math.nan) and descriptions.is_missing(None) and not descriptions.is_missing(0)


def test_data_table_reads_an_altair_chart_too():
    import altair as alt

    chart = alt.Chart(alt.Data(values=[{"who": "people", "n": 3}])).mark_bar().encode(
        x="n:Q", y="who:N", tooltip=[alt.Tooltip("who:N", title="source"), "n:Q"])
    table = charts.data_table_html(chart)
    assert ">source<" in table and _cells(table) == [["people", "3"]]


def test_html_in_the_data_is_escaped():
    spec = {"data": {"values": [{"s": "<script>alert(1)</script>"}]}, "encoding": {"tooltip": {"field": "s", "type": "nominal"}}}
    table = charts.data_table_html(spec)
    assert "<script>" not in table and "&lt;script&gt;" in table
