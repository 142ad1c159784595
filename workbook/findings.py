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

The extractor modules are imported only when asked for, so a missing or broken
one costs its category (with a `FindingsWarning` naming it), never the others.

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

import pandas as pd

from workbook.articles import SPAN_COLUMNS, Article

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


def _rows(article: Article, category: str, table: pd.DataFrame) -> pd.DataFrame:
    _, _, label_column, detail_column = CATEGORIES.get(category, ("", "", "label", None))
    frame = pd.DataFrame(index=range(len(table)))
    frame["start"] = pd.to_numeric(table["start"]).astype("int64").to_numpy()
    frame["end"] = pd.to_numeric(table["end"]).astype("int64").to_numpy()
    located = [article.locate(int(s), int(e)) for s, e in zip(frame["start"], frame["end"])]
    frame["article"] = article.id
    frame["block"] = table["block"].to_numpy() if "block" in table else [b for b, _ in located]
    frame["sentence"] = table["sentence"].to_numpy() if "sentence" in table else [s for _, s in located]
    frame["text"] = [article.text[s:e] for s, e in zip(frame["start"], frame["end"])]
    frame["category"] = category
    labels = table[label_column] if label_column in table else pd.Series([pd.NA] * len(table))
    frame["label"] = [_text_or_na(v) if _text_or_na(v) is not pd.NA else category for v in labels]
    reasons = table["reason"] if "reason" in table else pd.Series([pd.NA] * len(table))
    frame["reason"] = [_text_or_na(v) for v in reasons]
    if detail_column and detail_column in table:
        frame["detail"] = [_text_or_na(v) for v in table[detail_column]]
    else:
        frame["detail"] = pd.NA
    return frame[FINDING_COLUMNS]


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
        except ImportError as error:
            warnings.warn(
                f"The {category} tool is not available ({error}); {category} are not highlighted.",
                FindingsWarning,
                stacklevel=2,
            )
            continue
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
    frame = pd.concat(frames, ignore_index=True)
    frame = frame[(frame["start"] >= 0) & (frame["end"] <= len(article.text)) & (frame["end"] > frame["start"])]
    frame = frame.sort_values(["start", "end", "category"], kind="stable").reset_index(drop=True)
    return frame.astype(_DTYPES)


def findings_for(articles: Iterable[Article], categories: Iterable[str] | None = None) -> pd.DataFrame:
    """`findings` for several articles, stacked."""
    frames = [findings(article, categories) for article in articles]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_findings()
