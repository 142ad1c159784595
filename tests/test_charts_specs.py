"""workbook.charts.specs: plain Vega-Lite v5 specifications, valid, drawable by Vega-Lite 5, and accessible.

The tests may import Altair (to validate against its bundled Vega-Lite schema) and
vl-convert (to compile and draw with a Vega-Lite 5 release, as JupyterLab's 5.6 does).
"""

from __future__ import annotations

import json

import pytest

from workbook import charts
from workbook.charts import specs

TIMELINE_ROWS = [
    {"text_label": "Text A", "year": 1783, "time_text": "1783", "description": "conquest", "sentence_text": "s1"},
    {"text_label": "Text A", "year": 2014, "time_text": "2014", "description": "seizure", "sentence_text": "s2"},
    {"text_label": "Text B", "year": 1949, "time_text": "1949", "description": "ceasefire", "sentence_text": "s3"},
]
COUNT_ROWS = [
    {"text_label": "Text A", "kind": "counts", "count": 2},
    {"text_label": "Text A", "kind": "percentages", "count": 1},
    {"text_label": "Text B", "kind": "percentages", "count": 4},
]
DENSITY_ROWS = [
    {"text_label": "A", "marker": "loaded words", "per_1000_words": 20.49, "shown": 20.5, "count": 3},
    {"text_label": "B", "marker": "hedges", "per_1000_words": 1.28, "shown": 1.3, "count": 1},
]


def every_spec() -> dict[str, dict]:
    return {
        "timeline": specs.timeline_spec(TIMELINE_ROWS),
        "counts": specs.count_spec(COUNT_ROWS, "kind", "Figures by kind", "figures"),
        "density": specs.density_spec(DENSITY_ROWS),
        "message": specs.message_spec("No figures found."),
    }


@pytest.mark.parametrize("name", list(every_spec()))
def test_every_spec_is_valid_vega_lite_by_altairs_schema(name):
    import altair as alt

    spec = every_spec()[name]
    json.dumps(spec)  # plain JSON: nothing but dicts, lists, strings and numbers
    alt.Chart.from_dict(spec)  # validates against the Vega-Lite schema Altair ships; raises when invalid


def test_the_schema_check_refuses_a_broken_spec():
    import altair as alt
    import jsonschema

    broken = specs.count_spec(COUNT_ROWS, "kind", "Figures by kind", "figures")
    broken["spec"]["layer"][0]["mark"] = {"type": "no-such-mark"}
    with pytest.raises(jsonschema.ValidationError):
        alt.Chart.from_dict(broken)


@pytest.mark.parametrize("name", list(every_spec()))
def test_every_spec_compiles_and_draws_with_vega_lite_5(name):
    """JupyterLab 4.6 ships Vega-Lite 5.6; vl-convert's oldest Vega-Lite 5 (5.8) is the closest we can run here."""
    import vl_convert

    spec = every_spec()[name]
    vega = vl_convert.vegalite_to_vega(spec, vl_version="5.8")
    assert vega["$schema"].startswith("https://vega.github.io/schema/vega/v5")
    drawn = vl_convert.vegalite_to_svg(spec, vl_version="5.8")
    assert "<svg" in drawn
    if name == "timeline":
        assert "Text A" in drawn and "1800" in drawn  # the text's row and the year axis
    if name == "counts":
        assert "percentages" in drawn and "Text B" in drawn


def test_schema_is_vega_lite_5_which_jupyterlab_draws():
    for spec in every_spec().values():
        assert spec["$schema"] == specs.SCHEMA_URL
    assert "/vega-lite/v5" in specs.SCHEMA_URL


def test_timeline_tells_texts_apart_by_row_colour_and_shape():
    spec = specs.timeline_spec(TIMELINE_ROWS)
    encoding = spec["encoding"]
    assert encoding["y"]["field"] == encoding["color"]["field"] == encoding["shape"]["field"] == "text_label"
    assert encoding["color"]["scale"] == {"domain": ["Text A", "Text B"], "range": specs.PALETTE[:2]}
    assert encoding["shape"]["scale"]["range"] == ["circle", "square"]
    assert [tip["field"] for tip in encoding["tooltip"]] == ["text_label", "year", "time_text", "description", "sentence_text"]
    assert spec["data"]["values"] == TIMELINE_ROWS


def test_bars_have_one_panel_per_text_okabe_ito_colours_and_numbers():
    spec = specs.count_spec(COUNT_ROWS, "kind", "Figures by kind", "figures")
    assert spec["facet"]["column"]["field"] == "text_label"
    bars, numbers = spec["spec"]["layer"]
    assert bars["mark"]["type"] == "bar" and numbers["mark"]["type"] == "text"
    assert numbers["encoding"]["text"]["field"] == "count"
    assert bars["encoding"]["color"]["scale"]["range"] == ["#0072B2", "#D55E00"]
    assert "resolve" not in spec  # one list of kinds, in the same order, in every panel
    assert spec["spec"]["encoding"]["y"]["sort"] == ["percentages", "counts"]  # most used by both texts first
    assert spec["spec"]["encoding"]["x"]["title"] == "number of figures"
    density = specs.density_spec(DENSITY_ROWS)
    assert density["spec"]["encoding"]["x"]["field"] == "per_1000_words"
    assert density["spec"]["layer"][1]["encoding"]["text"]["field"] == "shown"
    assert [t["field"] for t in density["spec"]["encoding"]["tooltip"]][-1] == "count"


def test_every_spec_has_a_description_and_no_vega_embed_menu():
    for name, spec in every_spec().items():
        assert len(spec["description"]) > 15, name
        assert spec["usermeta"] == {"embedOptions": {"actions": False}}, name


def test_no_rows_give_a_message_chart():
    for spec, words in ((specs.timeline_spec([]), "No dated events found."),
                        (specs.count_spec([], "kind", "t", "figures"), "No figures found."),
                        (specs.density_spec([]), "No rhetoric markers found.")):
        assert spec["mark"]["type"] == "text" and spec["data"]["values"] == [{"message": words}]
        assert spec["description"] == words
        assert charts.data_table_html(spec) == ""  # nothing to tabulate


def test_a_spec_does_not_share_its_rows_with_the_caller():
    rows = [dict(row) for row in COUNT_ROWS]
    spec = specs.count_spec(rows, "kind", "Figures by kind", "figures")
    spec["data"]["values"][0]["count"] = 99
    assert rows[0]["count"] == 2
