"""Whose words a marker is in: the writer's own, or a quoted or reported speaker's.

Built on `workbook.sourcing`: a marker inside a quotation of someone's words
(``quotes`` of kind direct, slogan or headline) is ``quoted``, with the
quotation's speaker; a marker inside the content of an attribution ("Lee said
the plan was brutal") is ``reported``, with the attribution's source. Everything
else is the ``writer``'s. The speaker is None when the sourcing tool found no name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workbook.articles import Article

if TYPE_CHECKING:  # pragma: no cover - pandas is imported when a table is asked for
    import pandas as pd

#: The voices a marker can have.
VOICES = ("writer", "quoted", "reported")
#: Quotation kinds (from `workbook.sourcing.quotes`) that hold someone else's words.
OTHERS_WORDS = ("direct", "slogan", "headline")

Span = tuple[int, int, Any]


def _clean(value: Any) -> str | None:
    if value is None or type(value).__name__ == "NAType" or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def _column(table: Any, name: str) -> list[Any]:
    """One column of a table, a DataFrame or a mapping of column lists, as a list."""
    column = table[name]
    return column.tolist() if hasattr(column, "tolist") else list(column)


def quote_spans(quotes: Any) -> list[Span]:
    """(start, end, speaker) of someone else's words among `workbook.sourcing.quotes` rows, by position.

    `quotes` is the quotes table or a mapping of its columns. A quotation given twice, once with a
    speaker and once without, sorts with the one without first, so the named one is found.
    """
    speakers = _column(quotes, "speaker") if "speaker" in quotes else [None] * len(_column(quotes, "start"))
    spans = [
        (int(s), int(e), _clean(who))
        for s, e, kind, who in zip(_column(quotes, "start"), _column(quotes, "end"), _column(quotes, "kind"), speakers)
        if isinstance(kind, str) and kind in OTHERS_WORDS
    ]
    return sorted(spans, key=lambda span: (span[0], span[1], span[2] is not None, span[2] or ""))


def reported_spans(attributions: Any) -> list[Span]:
    """(start, end, source) of every attribution's content, by start: from the attributions table
    or from its rows (`workbook.sourcing.tables.attribution_rows`)."""
    if attributions is None or not len(attributions):
        return []
    rows = attributions.to_dict("records") if hasattr(attributions, "to_dict") else attributions
    return sorted(((int(row["start"]), int(row["end"]), _clean(row.get("source"))) for row in rows),
                  key=lambda span: (span[0], span[1], span[2] is not None, span[2] or ""))


def _finder(spans: list[Span], slack: int) -> Callable[[int, int], Span | None]:
    """A function giving the span of `spans` that holds (start, end), allowing `slack` characters either side."""
    starts = [s for s, _, _ in spans]
    reach: list[int] = []  # the furthest end of any span up to each position (spans may nest or overlap)
    furthest = -1
    for _, e, _ in spans:
        furthest = max(furthest, e)
        reach.append(furthest)

    def holding(start: int, end: int) -> Span | None:
        i = bisect_right(starts, start + slack)
        while i > 0:
            i -= 1
            if reach[i] + slack < end:
                break  # no span this early reaches far enough
            s, e, who = spans[i]
            if s - slack <= start and end <= e + slack:
                return spans[i]
        return None

    return holding


def voice_finder(article: Article, quotes: Any) -> Callable[[int, int], tuple[str, str | None]]:
    """A function giving (voice, speaker) for a marker's span in `article`.

    `quotes` is the quotes table or a mapping of its columns; the attributions are read from the
    sourcing tool's rows, so no table is built.
    """
    from workbook.sourcing import tables

    in_quote = _finder(quote_spans(quotes), 1)  # a quote's span may or may not include its marks
    try:
        reported = reported_spans(tables.attribution_rows(article))
    except Exception:  # the attribution rules are another tool's; a failure there must not hide markers
        reported = []
    in_report = _finder(reported, 0)

    def voice(start: int, end: int) -> tuple[str, str | None]:
        quote = in_quote(start, end)
        if quote is not None:
            return "quoted", quote[2]
        report = in_report(start, end)
        if report is not None:
            return "reported", report[2]
        return "writer", None

    return voice
