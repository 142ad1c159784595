"""Turn analysed articles into the JSON and CSV that ``workbook extract`` writes.

The JSON schema is documented in ``docs/json-schema.md``::

    {"articles": [{"id", "path", "title", "author", "date", "publisher", "text",
                   "blocks": [...], "sentences": [...], ...}]}

The export asks each extractor for plain records (its ``*_records`` function), which an extractor
builds from its rows without a DataFrame (``spans.span_records``); only the CSV, a table by nature,
builds one at the end. The JSON is
written article by article, so an article's analysis can be freed once it is written.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO

from workbook.articles import Article

if TYPE_CHECKING:
    import pandas as pd

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


def extractors_loaded() -> None:
    """Import every extractor the export uses now (the command line does it before reading files)."""
    _extraction_lists()


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


_ENCODER = json.JSONEncoder(ensure_ascii=False)
#: The json module's C encoder, made once: ``JSONEncoder.encode`` makes a new one for every value,
#: which cost a third of the time on an article's many short items. No check for circular
#: references (records are plain data); anything unusual goes the standard way.
_C_ENCODE = (
    json.encoder.c_make_encoder(None, _ENCODER.default, json.encoder.encode_basestring, None, ": ", ", ",
                                False, False, True)
    if json.encoder.c_make_encoder is not None else None
)


def _compact(value: Any) -> str:
    """JSON for one value on one line (as ``json.dumps(value, ensure_ascii=False)`` writes it)."""
    if _C_ENCODE is not None:
        try:
            return "".join(_C_ENCODE(value, 0))
        except Exception:  # the standard encoder, for its own message
            pass
    return _ENCODER.encode(value)


def _article_json(record: dict[str, Any], indent: str = "    ") -> str:
    """One article's record as JSON: a key per line, one line per item of each list, items compact."""
    inner = indent + "  "
    lines = []
    for key, value in record.items():
        if isinstance(value, list) and value:
            items = f",\n{inner}  ".join(map(_compact, value))
            lines.append(f"{inner}{_compact(key)}: [\n{inner}  {items}\n{inner}]")
        else:
            lines.append(f"{inner}{_compact(key)}: {_compact(value)}")
    return f"{indent}{{\n" + ",\n".join(lines) + f"\n{indent}}}"


def write_json(articles: Iterable[Article], out: TextIO) -> int:
    """Write the JSON document for `articles` to `out`, one article at a time; return how many.

    Each article is analysed, written and let go before the next, so memory holds one
    article's analysis however many there are. The layout is indented for reading (a key per
    line, one line per block, sentence or finding); ``json.load`` reads it like any JSON.
    """
    out.write('{\n  "schema_version": ' + _compact(SCHEMA_VERSION) + ',\n  "articles": [')
    count = 0
    for article in articles:
        out.write(("," if count else "") + "\n" + _article_json(article_record(article)))
        count += 1
    out.write("\n  ]\n}\n" if count else "]\n}\n")
    return count


def to_json(articles: Iterable[Article]) -> str:
    """The JSON document for `articles` (UTF-8 text, indented for reading)."""
    buffer = io.StringIO()
    write_json(articles, buffer)
    return buffer.getvalue()


def to_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """One row per finding of every kind, for CSV: the span columns plus `kind` and `detail`.

    Blocks and sentences are rows too (kind ``block`` and ``sentence``), so the
    CSV holds the same information as the JSON, flattened.
    """
    import pandas as pd

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
