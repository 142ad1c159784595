"""The lesson charts in a real JupyterLab with no internet: drawn by JupyterLab's own Vega-Lite renderer.

A notebook that draws the four lesson charts (from the seed articles, through ``w.chart``)
runs in JupyterLab while every non-loopback request is blocked. Each chart must be drawn
by JupyterLab's vega5-extension (``.jp-RenderedVegaLite``) as an SVG with marks, in a
container screen readers announce by the chart's description; the kernel must not have imported Altair; the
browser must not have asked the internet for anything, and vega-embed must not have
warned that the specification is for another Vega-Lite version than the one it ships.
"""

from __future__ import annotations

import json
import re

import pytest

from test_notebooks_in_browser import PANEL, error_outputs, open_notebook, run_all, unrun_cells

pytestmark = pytest.mark.browser

NAME = "charts-in-browser.ipynb"
CELLS = [
    "from workbook import load_seeds, charts, widgets as w\nseeds = load_seeds()",
    "w.chart(charts.timeline(seeds))",
    "w.chart(charts.figures_by_kind(seeds))",
    "w.chart(charts.sources_by_type(seeds))",
    "w.chart(charts.rhetoric_density(seeds))",
    "import sys\nprint('ALTAIR-IMPORTED' if 'altair' in sys.modules else 'NO-ALTAIR')",
]
VEGA_SVG = f"{PANEL} .jp-RenderedVegaLite .vega-embed svg.marks"


def _write_notebook(folder) -> None:
    cells = [{"cell_type": "code", "execution_count": None, "id": f"cell-{i}", "metadata": {}, "outputs": [],
              "source": source} for i, source in enumerate(CELLS)]
    notebook = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                                                           "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    (folder / NAME).write_text(json.dumps(notebook), encoding="utf-8")


def test_lesson_charts_draw_offline_with_jupyterlabs_own_renderer(offline_page, lab_server) -> None:
    _write_notebook(lab_server.root)
    warnings: list[str] = []
    offline_page.page.on("console", lambda message: message.type in ("warning", "error") and warnings.append(message.text))
    open_notebook(offline_page, lab_server, NAME)
    run_all(offline_page)
    page = offline_page.page
    assert error_outputs(offline_page) == [] and unrun_cells(offline_page) == []
    page.wait_for_function(
        "([selector, n]) => [...document.querySelectorAll(selector)].filter(svg => svg.querySelectorAll('path, rect, text').length > 2).length >= n",
        arg=[VEGA_SVG, 4], timeout=60_000,
    )
    names = page.evaluate(
        "(selector) => [...document.querySelectorAll(selector)].map(svg => svg.closest('.vega-embed').getAttribute('aria-label') || '')", VEGA_SVG)
    assert len(names) == 4
    assert any(name.startswith("Timeline: Years each text mentions") for name in names), names
    assert sum(name.startswith("Bar chart:") for name in names) == 3, names
    boxes = page.evaluate(
        "(selector) => [...document.querySelectorAll(selector)].map(svg => svg.getBoundingClientRect().width)", VEGA_SVG)
    assert all(width > 200 for width in boxes), boxes
    # vega-embed's "..." menu is switched off (a nameless control for screen readers)
    assert page.locator(f"{PANEL} .jp-RenderedVegaLite details[title='Click to view actions']").count() == 0
    assert page.locator(f"{PANEL} .wb-chart-data table").count() == 4  # each chart's data table under it
    assert "NO-ALTAIR" in page.locator(f"{PANEL} .jp-OutputArea-output").all_inner_texts()[-1]
    assert offline_page.blocked == [], offline_page.blocked[:5]
    version_warnings = [text for text in warnings if re.search(r"Vega-Lite v\d", text)]
    assert version_warnings == [], version_warnings
