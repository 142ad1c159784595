"""workbook.charts.display: a chart shows itself through JupyterLab's Vega-Lite mimetype, Altair only when asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from workbook import charts
from workbook.charts import display

FIGURES = [{"article": "a", "kind": "count"}, {"article": "a", "kind": "percent"}, {"article": "b", "kind": "count"}]


def _run(code: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k != display.RENDERER_VARIABLE}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180, check=True,
                          env={**environ, **env})
    return done.stdout.strip().splitlines()[-1]


SHOW = (
    "import json, sys\n"
    "from IPython.core.formatters import DisplayFormatter\n"
    "from workbook import charts\n"
    "chart = charts.figures_by_kind([{'article': 'a', 'kind': 'count'}])\n"
    "data, metadata = DisplayFormatter().format(chart)\n"  # what IPython sends when a cell shows the chart
    "print(json.dumps({'types': sorted(data), 'altair': 'altair' in sys.modules, 'metadata': metadata,"
    " 'plain': data.get('text/plain', '')}))\n"
)


def test_showing_a_chart_sends_the_vega_lite_mimetype_and_imports_no_altair():
    shown = json.loads(_run(SHOW))
    assert shown["types"] == ["application/vnd.vegalite.v5+json", "text/plain"]
    assert shown["altair"] is False
    assert shown["metadata"] == {"application/vnd.vegalite.v5+json": {"embed_options": {"actions": False, "renderer": "svg"}}}
    assert shown["plain"].startswith("Bar chart: Figures by kind")  # the description, for a screen that cannot draw


def test_the_renderer_variable_still_draws_through_altair_for_printing():
    shown = json.loads(_run(SHOW, WORKBOOK_CHART_RENDERER="svg"))
    assert "image/svg+xml" in shown["types"] and shown["altair"] is True


def test_the_mimebundle_holds_the_spec_as_plain_json(monkeypatch):
    monkeypatch.setattr(display, "_enabled", "vegalite")
    chart = charts.figures_by_kind(FIGURES, labels={"a": "Text A"})
    data, metadata = chart._repr_mimebundle_()
    assert data[display.MIMETYPE] == dict(chart) and type(data[display.MIMETYPE]) is dict
    assert data[display.MIMETYPE] is not chart
    assert metadata[display.MIMETYPE]["embed_options"]["actions"] is False


def test_enable_offline_chooses_a_renderer(monkeypatch):
    monkeypatch.setattr(display, "_enabled", None)
    monkeypatch.delenv(display.RENDERER_VARIABLE, raising=False)
    assert charts.enable_offline() == "vegalite" and charts.active_renderer() == "vegalite"
    with pytest.raises(ValueError, match="Unknown chart renderer"):
        charts.enable_offline("cdn")
    monkeypatch.setenv(display.RENDERER_VARIABLE, "VegaLite ")
    assert charts.enable_offline() == "vegalite"


def test_altairs_renderers_work_offline_when_asked(monkeypatch):
    import altair as alt

    monkeypatch.setattr(display, "_enabled", None)
    monkeypatch.setattr(display, "_altair_enabled", None)
    try:
        assert charts.enable_offline("jupyter") == "jupyter"
        assert alt.renderers.active == "jupyter" and alt.renderers.options.get("offline") is True
        data, _ = display.mimebundle(charts.figures_by_kind(FIGURES))
        assert "application/vnd.jupyter.widget-view+json" in data  # Altair's anywidget chart, no CDN script
        assert charts.enable_offline("inline") == "inline"
        text = display.mimebundle(charts.figures_by_kind(FIGURES))[0]["text/html"]
        assert "cdn.jsdelivr" not in text and "https://" not in text.split("vegaEmbed")[0][:2000]
    finally:
        alt.renderers.enable("default")


def test_as_altair_gives_a_teacher_the_same_chart(monkeypatch):
    import altair as alt

    monkeypatch.setattr(display, "_altair_enabled", "svg")  # leave Altair's renderer as the test found it
    for spec in (charts.timeline([{"article": "a", "label": "A", "year": 1991}]), charts.figures_by_kind(FIGURES)):
        chart = charts.as_altair(spec)
        assert isinstance(chart, (alt.Chart, alt.FacetChart))
        again = chart.to_dict()
        assert again["description"] == spec["description"]
        assert charts.descriptions.chart_rows(again) == spec["data"]["values"]  # Altair moves them to `datasets`
    assert isinstance(charts.figures_by_kind(FIGURES).altair(), alt.FacetChart)


def test_save_draws_a_picture_offline_and_leaves_the_renderer_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(display, "_altair_enabled", None)
    monkeypatch.setattr(display, "_enabled", "vegalite")
    path = tmp_path / "timeline.svg"
    charts.timeline([{"article": "a", "label": "Text A", "year": 1783}, {"article": "b", "label": "Text B", "year": 2014}]).save(path)
    drawn = path.read_text(encoding="utf-8")
    assert "<svg" in drawn and "Text A" in drawn and "1800" in drawn
    assert display._altair_enabled is None and charts.active_renderer() == "vegalite"
