"""Citations: the source list, the markers in the body that point to it, and credit lines."""

from __future__ import annotations

import re
from typing import Any, TYPE_CHECKING
from urllib.parse import urlparse


from workbook.articles import Article
from workbook.sourcing.analysis import _require_article
from workbook.spans import offset_records, span_frame

if TYPE_CHECKING:  # pragma: no cover - pandas is imported when a table is asked for
    import pandas as pd


_URL = re.compile(r"https?://[^\s<>\"”)\]]+|www\.[^\s<>\"”)\]]+")


_ITEM_MARKER = re.compile(r"\s*(?P<marker>\[(?P<a>\d{1,3})\]|\((?P<b>\d{1,3})\)|(?P<c>\d{1,3})[.)])\s*")


_BODY_MARKER = re.compile(r"\[(\d{1,3})\]|(?<=[\w.,;:!?”’\"'\s])\((\d{1,3})\)")


# "KYIV, May 3 (Reuters) — ...": a dateline with the agency in brackets, then a dash
_AGENCY_DATELINE = re.compile(r"^[^\n]{0,80}?\((?P<agency>[A-Z][A-Za-z.&]{1,14}(?: [A-Z][A-Za-z.&]+){0,2})\)\s*[—–-]{1,2}\s", re.MULTILINE)


_LANGUAGE_CODES = frozenset(
    "ar bg ca cs da de el en eo es et fa fi fr he hi hr hu hy id it ja ka kk ko lt lv nl no pl pt ro ru "
    "sk sl sr sv tr uk vi zh az be".split()
)


CITATION_COLUMNS = {
    "kind": "string",
    "marker": "string",
    "number": "Int64",
    "url": "string",
    "domain": "string",
    "language": "string",
    "cited": "boolean",
    "cited_at": "object",
    "reason": "string",
}


def _item_parts(article: Article, block: Any) -> dict[str, Any]:
    text = article.text
    match = _ITEM_MARKER.match(text, block.start, block.end)
    if match:
        number = int(match.group("a") or match.group("b") or match.group("c"))
        marker = match.group("marker")
        start = match.end()
    else:
        number, marker, start = None, None, block.start
    url_match = _URL.search(text, start, block.end)
    url = url_match.group(0).rstrip(".,;") if url_match else None
    domain = language = None
    if url:
        try:
            parsed = urlparse(url if "://" in url else f"http://{url}")
            host = (parsed.hostname or "").lower()
            path = parsed.path.split("/")
        except ValueError:  # "http://[" and other addresses no parser can read: keep the line, no domain
            host, path = "", []
        domain = host[4:] if host.startswith("www.") else host
        sub = domain.split(".")[0] if domain.count(".") >= 2 else ""
        if sub in _LANGUAGE_CODES:
            language = sub
        elif len(path) > 1 and path[1] in _LANGUAGE_CODES:
            language = path[1]
    return {"start": start, "end": block.end, "marker": marker, "number": number, "url": url, "domain": domain, "language": language}


def citations(article: Article) -> pd.DataFrame:
    """The source list, how its items are cited in the body, and photo or agency credits.

    One row per item of the source list (``kind`` ``item``), per body marker
    whose number no item has (``kind`` ``missing item``), per photo credit line
    (``kind`` ``credit``) and for a news agency named in the story's dateline,
    "KYIV (Reuters) —" (``kind`` ``agency credit``). Columns: the span columns (the item's words after
    its marker; for a missing item, the marker in the body), ``marker`` as
    written (``[1]``, ``2.``, ``(4)``), ``number``, ``url``, ``domain``,
    ``language`` (only when the address shows it, as in ``es.wikipedia.org``),
    ``cited`` (is the number used in the body?), ``cited_at`` (offsets of the
    markers in the body) and ``reason``.

    >>> from workbook import article_from_text
    >>> a = article_from_text("Poll\\n\\nMost agree.[2] Few do not.\\n\\nSources\\n\\n[1] https://es.wikipedia.org/wiki/Paz\\n\\n2. A poll.")
    >>> citations(a)[["marker", "number", "domain", "language", "cited"]].values.tolist()
    [['[1]', 1, 'es.wikipedia.org', 'es', False], ['2.', 2, <NA>, <NA>, True]]
    """
    _require_article(article, "citations")
    return _with_list_column(article, _citation_rows(article), CITATION_COLUMNS, "cited_at")


def _citation_rows(article: Article) -> list[dict[str, Any]]:
    """The rows of `citations`, in the order they are found (the table sorts them by position)."""
    text = article.text
    items = [b for b in article.block_list if b.role == "source"]
    body = [b for b in article.block_list if b.role in ("body", "standfirst", "subheading", "caption")]
    cited: dict[int, list[int]] = {}
    markers: dict[int, tuple[int, int, str]] = {}
    for block in body:
        if text.find("[", block.start, block.end) < 0 and text.find("(", block.start, block.end) < 0:
            continue  # every marker has a bracket: most paragraphs have none, so skip the pattern
        for match in _BODY_MARKER.finditer(text, block.start, block.end):
            number = int(match.group(1) or match.group(2))
            if match.group(2) and not items:
                continue  # "(4)" in a text without a source list is not a citation
            cited.setdefault(number, []).append(match.start())
            markers.setdefault(number, (match.start(), match.end(), match.group(0)))
    rows = []
    numbers = set()
    for block in items:
        parts = _item_parts(article, block)
        number = parts["number"]
        numbers.add(number)
        at = cited.get(number, []) if number is not None else []
        if parts["url"]:
            where = f"its address is on {parts['domain']}" + (
                f", and ‘{parts['language']}’ at the start of the address shows the page's language" if parts["language"] else ""
            )
        else:
            where = "it gives no web address"
        if number is None:
            status = "It has no number, so the body cannot point to it."
        elif at:
            status = f"The body points to it {len(at)} time{'s' if len(at) > 1 else ''} with the marker [{number}] or ({number})."
        else:
            status = f"No marker [{number}] or ({number}) in the body points to it: it is listed but never cited."
        parts.update(
            kind="item", cited=bool(at), cited_at=list(at),
            reason=f"This line is item {parts['marker'] or ''} of the source list; {where}. {status}".replace("  ", " "),
        )
        rows.append(parts)
    for number, (start, end, marker) in sorted(markers.items()):
        if number in numbers or not items:
            if items:
                continue
        rows.append({
            "start": start, "end": end, "kind": "missing item", "marker": marker, "number": number,
            "cited": True, "cited_at": list(cited[number]),
            "reason": f"The body cites {marker}, but the text has no source list item with number {number}.",
        })
    for block in article.block_list:
        if block.role == "credit":
            rows.append({
                "start": block.start, "end": block.end, "kind": "credit", "cited": False, "cited_at": [],
                "reason": "This line credits a photo to a photographer or agency (a credit line under a picture).",
            })
    for block in body[:3]:
        match = _AGENCY_DATELINE.search(text, block.start, min(block.end, block.start + 120))
        if match:
            rows.append({
                "start": match.start("agency"), "end": match.end("agency"), "kind": "agency credit",
                "cited": False, "cited_at": [],
                "reason": f"‘({match.group('agency')})’ before a dash at the start of the story credits the news agency "
                "that supplied it.",
            })
            break
    return rows


def _with_list_column(article: Article, rows: list[dict[str, Any]], columns: dict[str, str], name: str) -> pd.DataFrame:
    """``span_frame(article, rows, columns)`` where column `name` holds lists (dtype object).

    The same table, built faster: `span_frame` converts a whole table through
    ``astype`` when one of its columns is an object column, so the lists are left
    out of it and put in afterwards, in the rows' order (sorted by position, as
    `span_frame` sorts them, stably).
    """
    rows = sorted(rows, key=_row_position)
    others = {key: dtype for key, dtype in columns.items() if key != name}
    frame = span_frame(article, rows, others)
    import numpy as np

    values = np.empty(len(rows), dtype=object)
    for i, row in enumerate(rows):
        values[i] = row.get(name)
    frame.insert(list(columns).index(name) + len(frame.columns) - len(others), name, values)
    return frame


def _row_position(row: dict[str, Any]) -> tuple[int, int]:
    return int(row["start"]), int(row["end"])


def citation_records(article: Article) -> list[dict[str, Any]]:
    """Source-list items for the JSON export: marker, number, text, cited (built from the rows, no table)."""
    _require_article(article, "citation_records")
    items = [row for row in _citation_rows(article) if row["kind"] == "item"]
    fields = ("marker", "number", "text", "cited")
    return offset_records(article, items, fields)
