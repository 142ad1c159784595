"""Turn analysed articles into the JSON and CSV that ``workbook extract`` writes.

The JSON schema is documented in ``docs/json-schema.md``::

    {"articles": [{"id", "path", "title", "author", "date", "publisher", "text",
                   "blocks": [...], "sentences": [...], ...}]}
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from workbook.articles import Article

SCHEMA_VERSION = 1


def _block_records(article: Article) -> list[dict[str, Any]]:
    return [
        {"index": b.index, "role": b.role, "start": b.start, "end": b.end, "text": b.text, "duplicate_of": b.duplicate_of}
        for b in article.block_list
    ]


def _sentence_records(article: Article) -> list[dict[str, Any]]:
    return [
        {"index": s.index, "block": s.block, "start": s.start, "end": s.end, "text": s.text}
        for s in article.sentence_list
    ]


def _extraction_lists() -> list[tuple[str, Callable[[Article], list[dict[str, Any]]]]]:
    """The lists each extractor adds to an article's JSON, in schema order."""
    from workbook import figures, rhetoric, sourcing, timeline

    return [
        ("quotes", sourcing.quote_records),
        ("attributions", sourcing.attribution_records),
        ("citations", sourcing.citation_records),
        ("figures", figures.figure_records),
        ("time_refs", timeline.time_ref_records),
        ("checks", figures.check_records),
        ("rhetoric", rhetoric.marker_records),
    ]


def article_record(article: Article) -> dict[str, Any]:
    """Everything the workbook finds in one article, as a JSON-ready dict."""
    record: dict[str, Any] = {
        "id": article.id,
        "path": str(article.path) if article.path else None,
        "title": article.title,
        "author": article.author,
        "date": article.date.isoformat() if article.date else None,
        "publisher": article.publisher,
        "language": article.language,
        "text": article.text,
        "blocks": _block_records(article),
        "sentences": _sentence_records(article),
    }
    for key, make in _extraction_lists():
        record[key] = make(article)
    return record


def to_json(articles: Iterable[Article]) -> str:
    """The JSON document for `articles` (UTF-8 text, indented for reading)."""
    document = {"schema_version": SCHEMA_VERSION, "articles": [article_record(a) for a in articles]}
    return json.dumps(document, ensure_ascii=False, indent=2)


def to_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """One row per finding of every kind, for CSV: the span columns plus `kind` and `detail`.

    Blocks and sentences are rows too (kind ``block`` and ``sentence``), so the
    CSV holds the same information as the JSON, flattened.
    """
    rows: list[dict[str, Any]] = []
    for article in articles:
        for block in article.block_list:
            rows.append({"article": article.id, "kind": "block", "start": block.start, "end": block.end,
                         "text": block.text, "label": block.role, "detail": ""})
        for sentence in article.sentence_list:
            rows.append({"article": article.id, "kind": "sentence", "start": sentence.start, "end": sentence.end,
                         "text": sentence.text, "label": f"block {sentence.block}", "detail": ""})
        for key, make in _extraction_lists():
            for item in make(article):
                if "start" not in item or item.get("start") is None:
                    continue
                extra = {k: v for k, v in item.items() if k not in ("start", "end", "text")}
                label = next((str(extra[k]) for k in ("kind", "label", "source_type", "verdict") if extra.get(k)), "")
                rows.append({"article": article.id, "kind": key, "start": item["start"], "end": item["end"],
                             "text": item.get("text", ""), "label": label,
                             "detail": json.dumps(extra, ensure_ascii=False, default=str)})
    return pd.DataFrame(rows, columns=["article", "kind", "start", "end", "text", "label", "detail"])
