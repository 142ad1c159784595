"""workbook.widgets.chart_screen: a lesson chart with its data table under it, and no Altair in the kernel."""

from __future__ import annotations

import subprocess
import sys

from workbook import charts
from workbook import widgets as w

FIGURES = [{"article": "a", "kind": "count"}, {"article": "b", "kind": "percent"}]


def test_chart_screen_holds_the_chart_and_its_table():
    chart = charts.figures_by_kind(FIGURES, labels={"a": "Text A", "b": "Text B"})
    screen = w.chart(chart)
    assert isinstance(screen, w.ChartWithTable)
    assert screen.chart is chart and list(screen.children) == [screen.drawing, screen.table]
    assert screen.table.value == charts.data_table_html(chart)
    assert "Text A" in screen.table.value and "percentages" in screen.table.value


def test_a_plain_spec_dict_is_shown_as_a_chart():
    spec = dict(charts.figures_by_kind(FIGURES))
    screen = w.chart(spec)
    assert isinstance(screen.chart, charts.VegaLiteChart) and screen.chart == spec


def test_a_message_chart_has_no_table():
    assert w.chart(charts.figures_by_kind([])).table.value == ""


def test_showing_a_lesson_chart_imports_no_altair():
    code = (
        "import sys\n"
        "from IPython.core.formatters import DisplayFormatter\n"
        "from workbook import load_seeds, charts, widgets as w\n"
        "seeds = load_seeds()\n"
        "screen = w.chart(charts.timeline(seeds))\n"
        "data, _ = DisplayFormatter().format(screen.chart)\n"
        "print(sorted(data), 'altair' in sys.modules, 'vl_convert' in sys.modules, 'anywidget' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180, check=True).stdout
    assert out.strip().splitlines()[-1] == "['application/vnd.vegalite.v5+json', 'text/plain'] False False False"
