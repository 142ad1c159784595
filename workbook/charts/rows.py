"""The rows each chart draws, from an extractor's table, its records, or the articles themselves.

Pure functions, no pandas: a DataFrame is read through its ``to_dict("records")``, so
a lesson that passes records never needs pandas for a chart. Every row gets a
``text_label`` (the article's short name), and code names become plain words
(`workbook.plainwords`), so a learner never reads ``call_to_action`` on a chart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from workbook.articles import Article
from workbook.charts.descriptions import is_missing
from workbook.plainwords import plain_label

Record = dict[str, Any]


def as_records(data: Any) -> list[Record]:
    """Plain dicts from records (a list of dicts) or a DataFrame; an empty list for None."""
    if data is None:
        return []
    if hasattr(data, "to_dict") and not isinstance(data, Mapping):  # a DataFrame
        return [dict(row) for row in data.to_dict("records")]
    return [dict(row) for row in data]


def is_articles(data: Any) -> bool:
    """True for an `Article` or a non-empty list or tuple of them."""
    if isinstance(data, Article):
        return True
    return isinstance(data, (list, tuple)) and bool(data) and all(isinstance(a, Article) for a in data)


def article_list(data: Article | Iterable[Article]) -> list[Article]:
    return [data] if isinstance(data, Article) else list(data)


def short_labels(articles: Iterable[Article]) -> dict[str, str]:
    """Each article's short name by id (title and author, never the file name; see `workbook.naming`)."""
    from workbook.naming import short_names

    articles = list(articles)
    return dict(zip((a.id for a in articles), short_names(articles)))


def stacked(articles: Article | Sequence[Article], extract: Callable[[Article], Any]) -> tuple[list[Record], dict[str, str]]:
    """One extractor's records for several articles, each marked with its ``article`` id, and their labels."""
    articles = article_list(articles)
    rows = [{**row, "article": article.id} for article in articles for row in as_records(extract(article))]
    return rows, short_labels(articles)


def _plain_number(value: Any) -> float | None:
    """A finite float from a number or numeric text; None otherwise."""
    if is_missing(value) or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def with_text_labels(rows: list[Record], labels: Mapping[str, str] | None = None, column: str | None = None) -> list[Record]:
    """Rows with a ``text_label``: from `column` when every row has one and no `labels` are given,
    else the `labels` entry for the row's ``article`` (else the id itself), else ``"text"``."""
    labels = dict(labels or {})
    own = bool(column) and not labels and bool(rows) and all(not is_missing(row.get(column)) for row in rows)
    out = []
    for row in rows:
        if own:
            label = str(row[column])
        elif not is_missing(row.get("article")):
            label = labels.get(str(row["article"]), str(row["article"]))
        else:
            label = "text"
        out.append({**row, "text_label": label})
    return out


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value)


def timeline_rows(events: Any, labels: Mapping[str, str] | None = None) -> list[Record]:
    """The timeline's points: each event with a year, and the words shown on hover.

    `events` are `workbook.timeline.events` rows (a table or records) with ``year``,
    ``description``, ``sentence_text``, ``time_text`` and ``article`` or ``label``.
    Events without a year are left out.
    """
    out = []
    for row in with_text_labels(as_records(events), labels, column="label"):
        year = _plain_number(row.get("year"))
        if year is None:
            continue
        out.append({"text_label": row["text_label"], "year": int(year), "time_text": _text(row.get("time_text")),
                    "description": _text(row.get("description")), "sentence_text": _text(row.get("sentence_text"))})
    return out


def count_rows(rows: list[Record], field: str) -> list[Record]:
    """How many rows of each `field` value (in plain words) each text has, sorted by text then value.

    Every text gets every value found in any text, with 0 where it has none, so the panels of
    a chart list the same kinds and a learner sees what one text has and the other lacks.
    Rows without a value count as ``unknown``. No row has `field` at all: no counts.
    """
    if not any(field in row for row in rows):
        return []
    counts = Counter((row["text_label"], plain_label(_text(row.get(field)) or "unknown")) for row in rows)
    texts = list(dict.fromkeys(row["text_label"] for row in rows))
    values = sorted({value for _, value in counts})
    return [{"text_label": text, field: value, "count": counts.get((text, value), 0)}
            for text in sorted(texts) for value in values]


def density_rows(rows: list[Record]) -> list[Record]:
    """Rhetoric markers per 1,000 words by kind of marker (plain words), with the figure shown rounded.

    `rows` have ``text_label``, ``label`` and ``per_1000_words`` (``count`` when known), as
    `workbook.rhetoric.density` gives them. Rows without those fields: none.
    """
    if not rows or not all("label" in row and "per_1000_words" in row for row in rows):
        return []
    with_count = all("count" in row for row in rows)
    out = []
    for row in rows:
        per_1000 = _plain_number(row.get("per_1000_words")) or 0.0
        drawn = {"text_label": row["text_label"], "marker": plain_label(_text(row.get("label"))),
                 "per_1000_words": per_1000, "shown": round(per_1000, 1)}
        if with_count:
            count = _plain_number(row.get("count"))
            drawn["count"] = int(count) if count is not None and count.is_integer() else count
        out.append(drawn)
    return out
