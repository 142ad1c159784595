"""A chart with its text alternative: the chart, then its data as a table a learner can open.

The chart's Vega-Lite `description` (set by `workbook.charts`) is what a screen
reader announces for the drawing; the table under it holds every value and
every word that shows on hover, so a keyboard user reaches them too.

The drawing is JupyterLab's own Vega-Lite renderer (see `workbook.charts.display`):
nothing here imports Altair. An Altair chart (``charts.as_altair(spec)``) is shown too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as ipw
from IPython.display import display


class ChartWithTable(ipw.VBox):
    """`chart` drawn in an output area, and its data table (`table`, an HTML widget) under it."""

    def __init__(self, chart: Any) -> None:
        from workbook.charts import VegaLiteChart, data_table_html

        if isinstance(chart, Mapping) and not isinstance(chart, VegaLiteChart):
            chart = VegaLiteChart(chart)  # a plain specification dict draws the same way
        self.chart = chart
        self.drawing = ipw.Output()
        with self.drawing:
            display(chart)
        self.table = ipw.HTML(data_table_html(chart))
        super().__init__([self.drawing, self.table])


def chart(chart: Any) -> ChartWithTable:
    """Show a chart from `workbook.charts` with its data table (see `ChartWithTable`)."""
    return ChartWithTable(chart)
