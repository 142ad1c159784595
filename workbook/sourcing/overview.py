"""One row per article summing up its sourcing, for comparisons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbook.articles import Article
from workbook.sourcing.analysis import _require_article
from workbook.sourcing.source_lists import _citation_rows
from workbook.sourcing.tables import attributions, quotes

if TYPE_CHECKING:  # pragma: no cover - pandas is imported when a table is asked for
    import pandas as pd


SUMMARY_COLUMNS = [
    "article", "label", "words", "quotes", "direct", "scare", "name", "slogan", "headline",
    "quotes_per_1000_words", "distinct_speakers", "attributions", "named_sources", "vague_sources",
    "document_sources", "named_share", "vague_share", "citations_listed", "citations_cited",
    "citations_uncited", "markers_without_item",
]


def summary(articles: Article | Iterable[Article]) -> "pd.DataFrame":
    """One row per article: how it uses quotations, sources and citations.

    Columns: ``article``, ``label``, ``words``, ``quotes`` and one column per
    kind (``direct`` ... ``headline``), ``quotes_per_1000_words``,
    ``distinct_speakers``, ``attributions``, ``named_sources`` (people and
    organisations), ``vague_sources``, ``document_sources``, ``named_share``,
    ``vague_share``, ``citations_listed``, ``citations_cited``,
    ``citations_uncited``, ``markers_without_item``.
    """
    import pandas as pd

    if isinstance(articles, Article):
        articles = [articles]
    articles = list(articles)
    for article in articles:
        _require_article(article, "summary")
    rows = []
    for article in articles:
        # counted from plain lists: the same counts as value_counts and boolean filters on the tables
        q = quotes(article)
        a = attributions(article)
        quote_kinds = q["kind"].tolist()
        kinds = Counter(kind for kind in quote_kinds if kind is not pd.NA)
        words = article.word_count
        types = Counter(kind for kind in a["source_type"].tolist() if kind is not pd.NA)
        named = int(types.get("person", 0) + types.get("organization", 0))
        vague = int(types.get("vague", 0))
        total = len(a)
        c = _citation_rows(article)
        cited = [row["cited"] for row in c if row["kind"] == "item"]
        speakers = {
            speaker for kind, speaker in zip(quote_kinds, q["speaker"].tolist())
            if kind is not pd.NA and kind == "direct" and speaker is not pd.NA
        } | {source for source in a["source"].tolist() if source is not pd.NA}
        rows.append({
            "article": article.id,
            "label": article.label,
            "words": words,
            "quotes": len(q),
            **{kind: int(kinds.get(kind, 0)) for kind in ("direct", "scare", "name", "slogan", "headline")},
            "quotes_per_1000_words": round(1000 * len(q) / words, 1) if words else 0.0,
            "distinct_speakers": len({s.lower() for s in speakers}),
            "attributions": total,
            "named_sources": named,
            "vague_sources": vague,
            "document_sources": int(types.get("document", 0)),
            "named_share": round(named / total, 2) if total else 0.0,
            "vague_share": round(vague / total, 2) if total else 0.0,
            "citations_listed": len(cited),
            "citations_cited": sum(1 for value in cited if value),
            "citations_uncited": sum(1 for value in cited if not value),
            "markers_without_item": sum(1 for row in c if row["kind"] == "missing item"),
        })
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
