"""Charts for each dimension, as Vega-Lite specifications that draw offline in JupyterLab.

============================  ===============================================  ===========================
function                      takes                                            shows
============================  ===============================================  ===========================
``timeline(events)``          `workbook.timeline.events` (or articles)         the years each text mentions,
                                                                               one row per text
``figures_by_kind(figures)``  `workbook.figures.figures` rows (or articles)    how many figures of each kind
``sources_by_type(table)``    `workbook.sourcing.attributions` (or articles)   how many sources of each type
``rhetoric_density(table)``   `workbook.rhetoric.density` rows with an         rhetoric markers per 1,000
                              ``article`` column (or articles)                 words, by label
============================  ===============================================  ===========================

Every function takes a DataFrame (several articles stacked), the same rows as records
(a list of dicts), or, for convenience, a list of `Article` objects, and returns a
`VegaLiteChart`: a plain Vega-Lite v5 specification (a dict) that draws itself when put
last in a cell; ``w.chart(...)`` shows it with its data table. Texts are told apart by
position (one panel or row per text) and by shape, never by colour alone; colours are
the Okabe-Ito palette, which readers with colour-blindness can tell apart.

The package, one concern a file:

- `workbook.charts.rows`: the rows a chart draws, from tables, records or articles;
- `workbook.charts.specs`: the Vega-Lite specifications, pure functions of those rows;
- `workbook.charts.descriptions`: text alternatives (the description, the data table);
- `workbook.charts.display`: showing a chart (JupyterLab's built-in Vega-Lite renderer,
  or Altair's renderers when ``WORKBOOK_CHART_RENDERER`` or `enable_offline` asks).

Neither Altair nor pandas is imported here: drawing a lesson's chart needs neither.
A teacher who wants the Altair chart calls ``charts.as_altair(spec)`` (or ``chart.altair()``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workbook.articles import Article
from workbook.charts import rows as _rows
from workbook.charts.descriptions import data_table_html, describe_counts, describe_timeline, tooltip_fields
from workbook.charts.display import (
    ALTAIR_RENDERERS,
    EMBED_OPTIONS,
    MIMETYPE,
    RENDERER_VARIABLE,
    RENDERERS,
    VegaLiteChart,
    active_renderer,
    as_altair,
    enable_offline,
    mimebundle,
)
from workbook.charts.specs import NO_ACTIONS, PALETTE, SCHEMA_URL, SHAPES, count_spec, density_spec, message_spec, timeline_spec

__all__ = [
    "ALTAIR_RENDERERS", "EMBED_OPTIONS", "MIMETYPE", "NO_ACTIONS", "PALETTE", "RENDERERS", "RENDERER_VARIABLE",
    "SCHEMA_URL", "SHAPES", "VegaLiteChart", "active_renderer", "as_altair", "count_spec", "data_table_html",
    "density_spec", "describe_counts", "describe_timeline", "enable_offline", "figures_by_kind", "message_spec",
    "mimebundle", "rhetoric_density", "sources_by_type", "timeline", "timeline_spec", "tooltip_fields",
]

#: What each chart function accepts: a DataFrame, records (dicts), or articles.
Table = Any


def timeline(events: Table | Sequence[Article], labels: Mapping[str, str] | None = None,
             title: str = "Years each text mentions") -> VegaLiteChart:
    """A two-text timeline: every dated event, one row per text, with the sentence on hover.

    `events` is `workbook.timeline.events(articles)` (columns article, label, year,
    description, sentence_text, time_text, ...), the same rows as records, or the articles.
    """
    if _rows.is_articles(events):
        from workbook.timeline import events as find_events

        events = find_events(_rows.article_list(events))
    return VegaLiteChart(timeline_spec(_rows.timeline_rows(events, labels), title))


def figures_by_kind(figures: Table | Sequence[Article], labels: Mapping[str, str] | None = None,
                    title: str = "Figures by kind") -> VegaLiteChart:
    """Bars: how many figures of each kind (counts, percentages, lengths of time, ...) in each text.

    `figures` is `workbook.figures.figures` for one or more articles stacked (a table or
    records with ``article`` and ``kind``), or the articles.
    """
    from workbook.figures import figure_records

    return _count_chart(figures, figure_records, labels, "kind", title, "figures")


def sources_by_type(attributions: Table | Sequence[Article], labels: Mapping[str, str] | None = None,
                    title: str = "Sources by type") -> VegaLiteChart:
    """Bars: how many attributions of each source type (people, organisations, vague, ...) in each text.

    `attributions` is `workbook.sourcing.attributions` for one or more articles stacked (a
    table or records with ``article`` and ``source_type``), or the articles.
    """
    from workbook.sourcing import attribution_records

    return _count_chart(attributions, attribution_records, labels, "source_type", title, "sources")


def _count_chart(table: Table | Sequence[Article], records: Any, labels: Mapping[str, str] | None,
                 column: str, title: str, what: str) -> VegaLiteChart:
    """Bars counting the rows of `table` by `column`, each text apart; articles are first turned into
    rows with `records` (an extractor's records function)."""
    if _rows.is_articles(table):
        table, labels = _rows.stacked(table, records)
    counted = _rows.count_rows(_rows.with_text_labels(_rows.as_records(table), labels), column)
    return VegaLiteChart(count_spec(counted, column, title, what))


def rhetoric_density(density: Table | Sequence[Article], labels: Mapping[str, str] | None = None,
                     title: str = "Rhetoric markers per 1,000 words") -> VegaLiteChart:
    """Bars: rhetoric markers per 1,000 words, by label, one panel per text.

    `density` has ``label`` and ``per_1000_words`` (as `workbook.rhetoric.density` gives
    them) and ``article`` when it holds several texts: a table or records; or the articles.
    """
    if _rows.is_articles(density):
        from workbook.rhetoric import density as find

        density, labels = _rows.stacked(density, find)
    drawn = _rows.density_rows(_rows.with_text_labels(_rows.as_records(density), labels))
    return VegaLiteChart(density_spec(drawn, title))
