"""workbook.charts.rows: the rows a chart draws, the same from a DataFrame, from records and from articles."""

from __future__ import annotations

import math
import subprocess
import sys

import pandas as pd

from workbook.charts import rows


def test_records_and_a_dataframe_give_the_same_rows():
    records = [{"article": "a", "kind": "count"}, {"article": "a", "kind": None}, {"article": "b", "kind": "percent"}]
    from_records = rows.count_rows(rows.with_text_labels(rows.as_records(records), {"a": "A"}), "kind")
    from_frame = rows.count_rows(rows.with_text_labels(rows.as_records(pd.DataFrame(records)), {"a": "A"}), "kind")
    assert from_records == from_frame == [
        {"text_label": "A", "kind": "counts", "count": 1},
        {"text_label": "A", "kind": "percentages", "count": 0},  # every text lists every kind, 0 where it has none
        {"text_label": "A", "kind": "unclear who", "count": 1},  # a missing kind counts as "unknown", in plain words
        {"text_label": "b", "kind": "counts", "count": 0},  # no label given: the id
        {"text_label": "b", "kind": "percentages", "count": 1},
        {"text_label": "b", "kind": "unclear who", "count": 0},
    ]


def test_text_labels_come_from_the_label_column_only_when_every_row_has_one():
    events = [{"article": "a", "label": "Text A"}, {"article": "b", "label": None}]
    assert [r["text_label"] for r in rows.with_text_labels(events, column="label")] == ["a", "b"]
    events[1]["label"] = "Text B"
    assert [r["text_label"] for r in rows.with_text_labels(events, column="label")] == ["Text A", "Text B"]
    assert [r["text_label"] for r in rows.with_text_labels(events, {"a": "Mine"}, column="label")] == ["Mine", "b"]
    assert rows.with_text_labels([{"kind": "count"}])[0]["text_label"] == "text"


def test_timeline_rows_keep_dated_events_as_whole_years_and_blank_words():
    frame = pd.DataFrame({"article": ["a", "a", "b"], "label": ["A", "A", "B"], "year": [1783.0, math.nan, 1994],
                          "description": ["conquest", "later", None], "sentence_text": ["s1", "s2", "s3"],
                          "time_text": ["1783", "later", "1994"]})
    drawn = rows.timeline_rows(frame)
    assert drawn == [
        {"text_label": "A", "year": 1783, "time_text": "1783", "description": "conquest", "sentence_text": "s1"},
        {"text_label": "B", "year": 1994, "time_text": "1994", "description": "", "sentence_text": "s3"},
    ]
    assert all(type(r["year"]) is int for r in drawn)
    assert rows.timeline_rows([{"article": "a", "label": "A", "year": "not a year"}]) == []
    assert rows.timeline_rows(pd.DataFrame()) == []


def test_density_rows_in_plain_words_with_the_figure_shown_rounded():
    density = [{"text_label": "A", "label": "call_to_action", "count": 2, "per_1000_words": 2.85},
               {"text_label": "A", "label": "hedge", "count": 0, "per_1000_words": None}]
    assert rows.density_rows(density) == [
        {"text_label": "A", "marker": "calls to action", "per_1000_words": 2.85, "shown": round(2.85, 1), "count": 2},
        {"text_label": "A", "marker": "hedges", "per_1000_words": 0.0, "shown": 0.0, "count": 0},
    ]
    assert "count" not in rows.density_rows([{"text_label": "A", "label": "hedge", "per_1000_words": 1.0}])[0]
    assert rows.density_rows([{"text_label": "A", "label": "hedge"}]) == []  # no figure to draw


def test_articles_are_stacked_with_their_ids_and_short_names(seeds):
    from workbook.figures import figure_records, figures
    from workbook.naming import short_names

    stacked, labels = rows.stacked(seeds, figure_records)
    assert labels == dict(zip([a.id for a in seeds], short_names(seeds)))
    assert len(stacked) == sum(len(figures(a)) for a in seeds)  # the same figures as the table
    assert {r["article"] for r in stacked} == {a.id for a in seeds}
    assert rows.is_articles(seeds) and rows.is_articles(seeds[0]) and not rows.is_articles([]) and not rows.is_articles([{}])


def test_rows_need_no_pandas():
    code = ("import sys; from workbook.charts import rows, specs\n"
            "r = rows.count_rows(rows.with_text_labels([{'article': 'a', 'kind': 'count'}]), 'kind')\n"
            "specs.count_spec(r, 'kind', 't', 'figures'); print('pandas' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
