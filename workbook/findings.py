"""Every extractor's findings for one article, stacked into one table for the highlighter.

``findings(article)`` calls the extractors and keeps, for each row, the span
columns (``article``, ``block``, ``sentence``, ``start``, ``end``, ``text``) plus

========= ================================================================
category  which tool found it: quotes, sources, figures, time, rhetoric
label     the finding's kind within the category (for example a quote's
          kind "scare", a source's type "vague", a rhetoric label)
reason    the extractor's plain-English reason, naming its list's source
detail    a short extra (the speaker, the source, the value, the year), or <NA>
========= ================================================================

===========  =========================  ======================
category     extractor                  label comes from
===========  =========================  ======================
quotes       ``sourcing.quotes``        ``kind``
sources      ``sourcing.attributions``  ``source_type``
figures      ``figures.figures``        ``kind``
time         ``timeline.time_refs``     ``kind``
rhetoric     ``rhetoric.markers``       ``label``
===========  =========================  ======================

The extractor modules are imported only when asked for, and a tool that fails on an
article costs only its category (with a `FindingsWarning` naming it), never the others.

>>> from workbook import article_from_text
>>> article = article_from_text("Title\\n\\nPrices rose 5 percent.")
>>> def fake(article):
...     return pd.DataFrame({"start": [19], "end": [28], "kind": ["share"], "reason": ["a number with percent"]})
>>> findings(article, extractors={"figures": fake})[["category", "label", "text"]].values.tolist()
[['figures', 'share', '5 percent']]
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from workbook.articles import SPAN_COLUMNS, Article
from workbook.spans import typed_frame

#: category -> (module, function, column holding the label, column holding the detail)
CATEGORIES: dict[str, tuple[str, str, str, str | None]] = {
    "quotes": ("workbook.sourcing", "quotes", "kind", "speaker"),
    "sources": ("workbook.sourcing", "attributions", "source_type", "source"),
    "figures": ("workbook.figures", "figures", "kind", "what"),
    "time": ("workbook.timeline", "time_refs", "kind", "date"),
    "rhetoric": ("workbook.rhetoric", "markers", "label", None),
}

#: What each category is called for a learner.
CATEGORY_NAMES = {
    "quotes": "Quotes",
    "sources": "Sources",
    "figures": "Figures",
    "time": "Time references",
    "rhetoric": "Rhetoric",
}

FINDING_COLUMNS = SPAN_COLUMNS + ["category", "label", "reason", "detail"]
_DTYPES = {
    "article": "string", "block": "Int64", "sentence": "Int64", "start": "int64", "end": "int64",
    "text": "string", "category": "string", "label": "string", "reason": "string", "detail": "string",
}

Extractor = Callable[[Article], pd.DataFrame]


class FindingsWarning(UserWarning):
    """One category of findings could not be made; the others are still shown."""


def empty_findings() -> pd.DataFrame:
    """A findings table with no rows."""
    return pd.DataFrame(columns=FINDING_COLUMNS).astype(_DTYPES)


def extractor_for(category: str) -> Extractor:
    """The extractor function for `category`, imported now."""
    module_name, function_name, _, _ = CATEGORIES[category]
    module = importlib.import_module(module_name)
    return getattr(module, function_name)


def _text_or_na(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return pd.NA
    text = str(value).strip()
    return text or pd.NA


def _rows(article: Article, category: str, table: pd.DataFrame) -> list[tuple[Any, ...]]:
    """`table`'s rows as findings, one tuple each, in ``FINDING_COLUMNS`` order.

    Plain Python lists, not a DataFrame per category: `findings` builds one typed
    table at the end (adding columns to a DataFrame one by one cost more than the
    extractors themselves on a short article).
    """
    _, _, label_column, detail_column = CATEGORIES.get(category, ("", "", "label", None))
    n = len(table)
    starts = _offsets(table["start"])
    ends = _offsets(table["end"])
    if "block" in table and "sentence" in table:
        blocks = table["block"].to_numpy().tolist()
        sentences = table["sentence"].to_numpy().tolist()
    else:
        located = [article.locate(s, e) for s, e in zip(starts, ends)]
        blocks = table["block"].to_numpy().tolist() if "block" in table else [b for b, _ in located]
        sentences = table["sentence"].to_numpy().tolist() if "sentence" in table else [s for _, s in located]
    text = article.text
    labels: list[Any] = []
    if label_column in table:
        for value in table[label_column]:
            value = _text_or_na(value)
            labels.append(category if value is pd.NA else value)
    else:
        labels = [category] * n
    reasons = [_text_or_na(v) for v in table["reason"]] if "reason" in table else [pd.NA] * n
    if detail_column and detail_column in table:
        details = [_text_or_na(v) for v in table[detail_column]]
    else:
        details = [pd.NA] * n
    identifier = article.id
    return [
        (identifier, block, sentence, start, end, text[start:end], category, label, reason, detail)
        for block, sentence, start, end, label, reason, detail
        in zip(blocks, sentences, starts, ends, labels, reasons, details)
    ]


def _offsets(column: pd.Series) -> list[int]:
    """A column of character offsets as Python ints (every extractor's are int64 already)."""
    if column.dtype == _INT64:
        return column.tolist()
    return pd.to_numeric(column).astype("int64").tolist()


_INT64 = np.dtype("int64")


def _position(row: tuple[Any, ...]) -> tuple[int, int, str]:
    return row[3], row[4], row[6]


def findings(
    article: Article,
    categories: Iterable[str] | None = None,
    extractors: Mapping[str, Extractor] | None = None,
) -> pd.DataFrame:
    """All findings for `article`, one row each, sorted by position.

    `categories` chooses among ``quotes``, ``sources``, ``figures``, ``time``
    and ``rhetoric`` (default: all). `extractors` replaces the real extractor
    for a category (for tests and for a teacher's own rules): it must return a
    table with at least ``start``, ``end`` and ``reason``.
    """
    extractors = dict(extractors or {})
    if categories is None:
        chosen = list(CATEGORIES) if not extractors else list(dict.fromkeys([*extractors]))
    else:
        chosen = [categories] if isinstance(categories, str) else list(categories)
    unknown = [c for c in chosen if c not in CATEGORIES and c not in extractors]
    if unknown:
        raise ValueError(
            f"Unknown finding categories: {', '.join(map(repr, unknown))}. Choose from: {', '.join(CATEGORIES)}."
        )
    frames = []
    for category in chosen:
        try:
            extractor = extractors.get(category) or extractor_for(category)
            table = extractor(article)
        except Exception as error:  # one broken tool must not hide the others from a learner
            warnings.warn(
                f"The {category} tool failed on {article.id} ({type(error).__name__}: {error}); "
                f"{category} are not highlighted.",
                FindingsWarning,
                stacklevel=2,
            )
            continue
        if table is None or len(table) == 0:
            continue
        frames.append(_rows(article, category, table))
    if not frames:
        return empty_findings()
    size = len(article.text)
    rows = [row for frame in frames for row in frame if row[3] >= 0 and row[4] <= size and row[4] > row[3]]
    rows.sort(key=_position)  # stable: ties keep the categories' order
    columns = list(zip(*rows)) if rows else [()] * len(FINDING_COLUMNS)
    return typed_frame({name: list(values) for name, values in zip(FINDING_COLUMNS, columns)}, _DTYPES)


def findings_for(articles: Iterable[Article], categories: Iterable[str] | None = None) -> pd.DataFrame:
    """`findings` for several articles, stacked."""
    frames = [findings(article, categories) for article in articles]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_findings()
