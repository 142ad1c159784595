"""Charts: the lesson charts from tables, records or articles, as Vega-Lite specs; no Altair until asked."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

from workbook import charts


def _imports(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, timeout=120, check=True)
    return set(out.stdout.split())


def test_import_workbook_does_not_import_altair():
    assert "altair" not in _imports("import workbook")
    loaded = _imports("import workbook.charts, workbook.findings, workbook.answers")
    assert "altair" not in loaded and "ipywidgets" not in loaded


def test_import_time_shows_no_altair():
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import workbook.charts"],
                            capture_output=True, text=True, timeout=120, check=True)
    assert "altair" not in result.stderr and "workbook.charts.specs" in result.stderr


def test_making_every_lesson_chart_imports_no_altair_vl_convert_or_anywidget():
    loaded = _imports(
        "from workbook import load_seeds, charts\n"
        "s = load_seeds()\n"
        "[f(s) for f in (charts.timeline, charts.figures_by_kind, charts.sources_by_type, charts.rhetoric_density)]\n"
    )
    assert "altair" not in loaded and "vl_convert" not in loaded and "anywidget" not in loaded


EVENTS = pd.DataFrame({
    "article": ["a", "a", "b", "b", "b"],
    "label": ["Text A", "Text A", "Text B", "Text B", "Text B"],
    "year": [1783, 2014, 1949, 1994, None],
    "description": ["conquest", "seizure", "ceasefire", "treaty", "undated"],
    "sentence_text": ["s1", "s2", "s3", "s4", "s5"],
    "time_text": ["1783", "2014", "1949", "1994", "later"],
})


def _data(spec: dict) -> list[dict]:
    return spec["data"]["values"]


def test_a_chart_is_a_plain_vega_lite_dict():
    chart = charts.timeline(EVENTS)
    assert isinstance(chart, dict) and chart["$schema"] == charts.SCHEMA_URL
    assert json.loads(json.dumps(chart)) == chart.to_dict() == dict(chart)
    assert json.loads(chart.to_json()) == dict(chart)
    assert "VegaLiteChart" in repr(chart) and "Timeline" in repr(chart)


def test_timeline_puts_each_text_on_its_own_row_with_shapes():
    spec = charts.timeline(EVENTS)
    encoding = spec["encoding"]
    assert encoding["y"]["field"] == "text_label" and encoding["x"]["field"] == "year"
    assert encoding["shape"]["field"] == "text_label"  # not colour alone
    rows = _data(spec)
    assert sorted(r["year"] for r in rows) == [1783, 1949, 1994, 2014]  # the undated event is left out
    assert {r["text_label"] for r in rows} == {"Text A", "Text B"}
    assert any(t.get("field") == "sentence_text" for t in encoding["tooltip"])


def test_figures_by_kind_counts_per_text():
    table = pd.DataFrame({"article": ["a", "a", "a", "b"], "kind": ["count", "count", "percent", "percent"]})
    spec = charts.figures_by_kind(table, labels={"a": "Text A", "b": "Text B"})
    counts = {(r["text_label"], r["kind"]): r["count"] for r in _data(spec)}
    assert counts == {("Text A", "counts"): 2, ("Text A", "percentages"): 1,  # plain words
                      ("Text B", "counts"): 0, ("Text B", "percentages"): 1}  # both panels list the same kinds
    assert spec["facet"]["column"]["field"] == "text_label"
    assert any(layer["mark"]["type"] == "text" for layer in spec["spec"]["layer"])  # numbers on the bars
    from_records = charts.figures_by_kind(table.to_dict("records"), labels={"a": "Text A", "b": "Text B"})
    assert from_records == spec  # records draw the same chart as the table


def test_sources_by_type_counts_per_text():
    table = pd.DataFrame({"article": ["a", "b", "b"], "source_type": ["person", "vague", None]})
    counts = {(r["text_label"], r["source_type"]): r["count"] for r in _data(charts.sources_by_type(table))}
    assert counts == {("a", "people"): 1, ("a", "vague sources"): 0, ("a", "unclear who"): 0,
                      ("b", "people"): 0, ("b", "vague sources"): 1, ("b", "unclear who"): 1}


def test_rhetoric_density_by_label():
    table = pd.DataFrame({"article": ["a", "a", "b"], "label": ["loaded", "hedge", "loaded"],
                          "count": [3, 1, 9], "per_1000_words": [20.49, 1.28, 28.5]})
    spec = charts.rhetoric_density(table, labels={"a": "A", "b": "B"})
    values = {(r["text_label"], r["marker"]): r["per_1000_words"] for r in _data(spec)}
    assert values == {("A", "loaded words"): 20.49, ("A", "hedges"): 1.28, ("B", "loaded words"): 28.5}


def test_every_chart_has_a_description_and_a_data_table():
    figures = pd.DataFrame({"article": ["a", "a", "b"], "kind": ["count", "count", "percent"]})
    density = pd.DataFrame({"article": ["a", "b"], "label": ["we_voice", "call_to_action"], "count": [2, 3],
                            "per_1000_words": [4.0, 6.5]})
    made = [charts.timeline(EVENTS), charts.figures_by_kind(figures, labels={"a": "Text A", "b": "Text B"}),
            charts.sources_by_type(pd.DataFrame({"article": ["a"], "source_type": ["person"]})),
            charts.rhetoric_density(density, labels={"a": "A", "b": "B"})]
    for chart in made:
        assert len(chart.get("description", "")) > 40, chart.get("description")
        table = charts.data_table_html(chart)
        assert "<details" in table and "<table" in table and "<th" in table
    assert "Text A: counts 2" in made[1]["description"]
    rhetoric = charts.data_table_html(made[3])
    assert "calls to action" in rhetoric and "call_to_action" not in rhetoric
    timeline_table = charts.data_table_html(made[0])
    for sentence in EVENTS.dropna(subset=["year"])["sentence_text"]:  # what shows on hover is in the table
        assert f">{sentence}<" in timeline_table


def test_empty_tables_give_a_message_not_an_error():
    for chart in (charts.timeline(EVENTS.iloc[0:0]), charts.figures_by_kind(pd.DataFrame(columns=["article", "kind"])),
                  charts.sources_by_type(pd.DataFrame()), charts.rhetoric_density(pd.DataFrame()),
                  charts.figures_by_kind([]), charts.timeline([])):
        assert chart["mark"]["type"] == "text" and "No " in _data(chart)[0]["message"]


def test_charts_from_the_seed_articles(seeds):
    for make in (charts.timeline, charts.figures_by_kind, charts.sources_by_type, charts.rhetoric_density):
        spec = make(seeds)
        assert {r["text_label"] for r in _data(spec)} == {a.label for a in seeds}, make.__name__


def test_charts_from_articles_match_charts_from_their_tables(seeds):
    from workbook.figures import figures
    from workbook.naming import short_names
    from workbook.sourcing import attributions

    labels = dict(zip([a.id for a in seeds], short_names(seeds)))
    for make, extract in ((charts.figures_by_kind, figures), (charts.sources_by_type, attributions)):
        stacked = pd.concat([extract(a) for a in seeds], ignore_index=True)
        assert make(seeds) == make(stacked, labels=labels), make.__name__


def test_offline_bundle_is_saved_once_and_reused_by_the_next_kernel(tmp_path):
    """Altair's `jupyter` renderer (chosen by a teacher) builds Vega's offline bundle (vl-convert's
    engine, ~130 MB) once and saves it; later kernels read the file instead of starting the engine."""
    script = (
        f"import sys; sys.prefix = {str(tmp_path / 'no-shared-bundle')!r}\n"  # ignore a hub's shared bundle
        "import vl_convert, altair as alt, workbook.charts as charts\n"
        "calls = []\n"
        "original = vl_convert.javascript_bundle\n"
        "vl_convert.javascript_bundle = lambda *a, **k: calls.append(1) or original(*a, **k)\n"
        "charts.enable_offline('jupyter')\n"
        "print(len(calls), len(alt.JupyterChart._esm))\n"
    )
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout.split()
            for _ in range(2)]
    saved = list((tmp_path / "media-literacy-workbook").glob("vega-bundle-*.js"))
    assert len(saved) == 1
    assert runs[0][0] == "1" and runs[1][0] == "0", "the second kernel must not build the bundle again"
    assert runs[0][1] == runs[1][1] == str(len(saved[0].read_text(encoding="utf-8")))


def test_a_hub_shares_one_offline_bundle_built_by_the_admin(tmp_path):
    """On a JupyterHub each learner has a fresh home; the bundle an admin built in
    <sys.prefix>/share is read there, so no learner's kernel starts the engine."""
    import shutil

    script = (
        "import sys\n"
        "if len(sys.argv) > 1: sys.prefix = sys.argv[1]\n"
        "import vl_convert, altair as alt, workbook.charts as charts\n"
        "calls = []\n"
        "original = vl_convert.javascript_bundle\n"
        "vl_convert.javascript_bundle = lambda *a, **k: calls.append(1) or original(*a, **k)\n"
        "charts.enable_offline('jupyter')\n"
        "print(len(calls))\n"
    )
    admin_cache, prefix, learner_cache = tmp_path / "admin", tmp_path / "prefix", tmp_path / "learner"
    environ = __import__("os").environ
    built = subprocess.run([sys.executable, "-c", script, str(tmp_path / "empty-prefix")],
                           env={**environ, "XDG_CACHE_HOME": str(admin_cache)},
                           capture_output=True, text=True, check=True).stdout.split()
    assert built == ["1"]
    shutil.copytree(admin_cache, prefix / "share")  # as `XDG_CACHE_HOME=<prefix>/share` would have written it
    reused = subprocess.run([sys.executable, "-c", script, str(prefix)], env={**environ, "XDG_CACHE_HOME": str(learner_cache)},
                            capture_output=True, text=True, check=True).stdout.split()
    assert reused == ["0"], "a learner with an empty home must reuse the shared bundle"
