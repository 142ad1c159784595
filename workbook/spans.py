"""The shared shape of every extractor's table: one row per finding, same span columns.

Every extractor (`sourcing`, `figures`, `timeline`, `rhetoric`) returns a
DataFrame that starts with these columns, so tables can be stacked, joined and
highlighted the same way:

========== ==========================================================
article    the article's id (its file stem)
block      index of the block the finding starts in
sentence   index of the sentence the finding starts in (<NA> if none)
start      character offset into ``Article.text`` (inclusive)
end        character offset (exclusive); ``text == article.text[start:end]``
text       the words found
========== ==========================================================

>>> from workbook import article_from_text
>>> article = article_from_text("Headline\\n\\nIt cost 5 dollars. Then 6.")
>>> span_frame(article, [{"start": 18, "end": 19, "kind": "count"}], {"kind": "string"})[["sentence", "text", "kind"]].values.tolist()
[[1, '5', 'count']]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from workbook.articles import SPAN_COLUMNS, Article


def span_frame(
    article: Article,
    rows: Iterable[Mapping[str, Any]],
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Build an extractor's DataFrame from rows that give at least ``start`` and ``end``.

    `columns` maps each extra column to a pandas dtype (for example
    ``{"kind": "string", "value": "float64"}``); the table has exactly the span
    columns followed by these, even when there are no rows. ``article``,
    ``block``, ``sentence`` and ``text`` are filled in from the offsets when a
    row does not give them. Rows are sorted by position.
    """
    columns = dict(columns or {})
    records = []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        block, sentence = article.locate(start, end)
        record = {
            "article": article.id,
            "block": row.get("block", block),
            "sentence": row.get("sentence", sentence),
            "start": start,
            "end": end,
            "text": article.text[start:end],
        }
        for name in columns:
            record[name] = row.get(name)
        records.append(record)
    records.sort(key=lambda record: (record["start"], record["end"]))
    frame = pd.DataFrame(records, columns=SPAN_COLUMNS + list(columns))
    dtypes = {"article": "string", "block": "Int64", "sentence": "Int64", "start": "int64", "end": "int64", "text": "string"}
    dtypes.update(columns)
    return frame.astype(dtypes)


def empty_span_frame(columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """An empty table with the span columns and `columns`, for when there is no article."""
    columns = dict(columns or {})
    frame = pd.DataFrame(columns=SPAN_COLUMNS + list(columns))
    dtypes = {"article": "string", "block": "Int64", "sentence": "Int64", "start": "int64", "end": "int64", "text": "string"}
    dtypes.update(columns)
    return frame.astype(dtypes)


def records(frame: pd.DataFrame, fields: Iterable[str]) -> list[dict[str, Any]]:
    """Rows of `frame` as plain JSON-ready dicts with only `fields` (missing values become None)."""
    fields = list(fields)
    out = []
    for row in frame[fields].itertuples(index=False):
        item = {}
        for name, value in zip(fields, row):
            if value is pd.NA or (isinstance(value, float) and value != value):
                value = None
            elif hasattr(value, "item"):
                value = value.item()
            item[name] = value
        out.append(item)
    return out
