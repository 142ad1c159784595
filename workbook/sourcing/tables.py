"""The quotations and attributions handed out: records, and tables built from them at the edge."""

from __future__ import annotations

from typing import Any, TYPE_CHECKING


from workbook.articles import Article
from workbook.sourcing.analysis import _analyse, _require_article
from workbook.spans import frame_copy, offset_records, span_frame

if TYPE_CHECKING:  # pragma: no cover - pandas is imported when a table is asked for
    import pandas as pd


QUOTE_COLUMNS = {
    "kind": "string",
    "speaker": "string",
    "speaker_description": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue": "string",
    "reason": "string",
}


ATTRIBUTION_COLUMNS = {
    "source": "string",
    "source_start": "Int64",
    "source_end": "Int64",
    "source_type": "string",
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "reason": "string",
}


def quotes(article: Article) -> pd.DataFrame:
    """One row per quotation (text between quotation marks) in `article`.

    Columns: the span columns (``start``/``end``/``text`` include the quotation
    marks), then ``kind`` (``direct``, ``scare``, ``name``, ``slogan``,
    ``headline``), ``speaker`` (the resolved name: a later "he said" gets the
    name given earlier), ``speaker_description`` (titles and appositives such as
    "Ukraine's foreign minister"), ``speaker_start``/``speaker_end`` (the mention
    nearest the quotation that names or refers to the speaker, <NA> when none),
    ``cue`` (the reporting verb or phrase) and ``reason``.

    >>> from workbook import article_from_text
    >>> a = article_from_text("Talks\\n\\n“Why wait?” Ann Lee, the city's mayor, responded. He said it was “years ago.”")
    >>> quotes(a)[["text", "speaker", "cue"]].values.tolist()
    [['“Why wait?”', 'Ann Lee', 'responded'], ['“years ago.”', 'Ann Lee', 'said']]
    """
    _require_article(article, "quotes")
    analysis = _analyse(article)
    frame = analysis.frames.get("quotes")
    if frame is None:
        frame = analysis.frames["quotes"] = span_frame(article, quote_rows(article), QUOTE_COLUMNS)
    return frame_copy(frame)  # rhetoric, findings and summary ask again: build the table once


def attributions(article: Article) -> pd.DataFrame:
    """One row per attribution: who is reported to have said what, with or without quotation marks.

    ``start``/``end``/``text`` are the content (what was said); ``source`` is
    the resolved source ("Marco Rubio", "numerous analysts"), with the mention's
    span ``source_start``/``source_end``; ``source_type`` is ``person``,
    ``organization``, ``vague``, ``document`` or ``unknown``; ``cue`` is the
    reporting verb or phrase (with ``cue_start``/``cue_end``); ``reason`` says
    which rule and list matched.

    Forms found: "Ann Lee said (that) ...", "..., sources said.", "X, he said,
    Y" (the content runs from X to Y, the inserted words included), "told the
    press (that) ...", "according to ...", "..., who said ...", "Lee's claim
    that ...", and every direct quotation (with the speaker found by `quotes`,
    or an ``unknown`` source when none is named). Verbs of wanting or knowing
    are not attributions; a first-person source (the author) is left out.

    >>> from workbook import article_from_text
    >>> a = article_from_text("Talks\\n\\nThe plan will fail, sources said. According to a Gallup poll, most agree.")
    >>> attributions(a)[["text", "source", "source_type", "cue"]].values.tolist()
    [['The plan will fail', 'sources', 'vague', 'said'], ['most agree', 'a Gallup poll', 'document', 'According to']]
    """
    _require_article(article, "attributions")
    analysis = _analyse(article)
    frame = analysis.frames.get("attributions")
    if frame is None:
        frame = analysis.frames["attributions"] = span_frame(article, attribution_rows(article), ATTRIBUTION_COLUMNS)
    return frame_copy(frame)


def quote_rows(article: Article) -> list[dict[str, Any]]:
    """The rows `quotes` and `quote_records` are built from: offsets and fields, in the order found."""
    return [
        {
            "start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
            "speaker_description": q.speaker_description, "speaker_start": q.speaker_start,
            "speaker_end": q.speaker_end, "cue": q.cue, "reason": q.reason,
        }
        for q in _analyse(article).quotes
    ]


def attribution_rows(article: Article) -> list[dict[str, Any]]:
    """The rows `attributions` and `attribution_records` are built from."""
    return [
        {
            "start": a.start, "end": a.end, "source": a.source, "source_start": a.source_start,
            "source_end": a.source_end, "source_type": a.source_type, "cue": a.cue,
            "cue_start": a.cue_start, "cue_end": a.cue_end, "reason": a.reason,
        }
        for a in _analyse(article).attributions
    ]


#: The fields of one quotation and one attribution in the JSON export (docs/json-schema.md).
QUOTE_FIELDS = ("start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "cue")
ATTRIBUTION_FIELDS = ("source", "source_start", "source_end", "source_type", "cue", "start", "end", "text")


def quote_records(article: Article) -> list[dict[str, Any]]:
    """Quotations for the JSON export (issue 3, item 5), built from the rows without a table."""
    _require_article(article, "quote_records")
    return offset_records(article, quote_rows(article), QUOTE_FIELDS)


def attribution_records(article: Article) -> list[dict[str, Any]]:
    """Attributions for the JSON export: source, its span and type, cue, and the content's span and text."""
    _require_article(article, "attribution_records")
    return offset_records(article, attribution_rows(article), ATTRIBUTION_FIELDS)
