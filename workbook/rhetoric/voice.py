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


def quote_spans(quotes: Any) -> list[Span]:
    """(start, end, speaker) of someone else's words among `workbook.sourcing.quotes` rows, by start."""
    speakers = quotes["speaker"].tolist() if "speaker" in quotes else [None] * len(quotes["start"])
    return sorted(
        (int(s), int(e), _clean(who))
        for s, e, kind, who in zip(quotes["start"].tolist(), quotes["end"].tolist(), quotes["kind"].tolist(), speakers)
        if isinstance(kind, str) and kind in OTHERS_WORDS
    )


def reported_spans(attributions: "pd.DataFrame") -> list[Span]:
    """(start, end, source) of every attribution's content, by start."""
    if attributions is None or not len(attributions):
        return []
    sources = attributions["source"].tolist() if "source" in attributions.columns else [None] * len(attributions)
    return sorted(
        (int(s), int(e), _clean(who))
        for s, e, who in zip(attributions["start"].tolist(), attributions["end"].tolist(), sources)
    )


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
    """A function giving (voice, speaker) for a marker's span in `article`."""
    from workbook import sourcing

    in_quote = _finder(quote_spans(quotes), 1)  # a quote's span may or may not include its marks
    try:
        reported = reported_spans(sourcing.attributions(article))
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
