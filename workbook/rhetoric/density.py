"""How thick the rhetoric markers are: per label for a text, or per sentence for highlighters and charts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.articles import Article
from workbook.rhetoric.finding import LABELS, _memo, _records, _text_blocks
from workbook.rhetoric.voice import VOICES
from workbook.rhetoric.lexicons import matcher
from workbook.spans import span_frame, typed_frame

if TYPE_CHECKING:  # pandas is imported when the table is built
    import pandas as pd


def density(
    article: Article,
    by: str = "label",
    extra_terms: str | Path | Iterable[str | Path] | None = None,
    voice: str | None = "writer",
) -> pd.DataFrame:
    """How thick the markers are, counting the writer's own words by default.

    `voice` is ``"writer"`` (the default: markers inside someone's quotation or
    reported speech are not the writer's rhetoric and are not counted),
    ``"quoted"`` or ``"reported"``, or None to count every marker.

    ``by="label"`` (the default): one row per label with ``label``, ``count``
    and ``per_1000_words`` (markers per 1,000 words of headline, standfirst,
    subheadings and body; every label in `LABELS` appears, with 0 when absent).

    ``by="sentence"``: one row per sentence of the text's own blocks, with the
    span columns and ``words``, ``markers``, ``labels`` (the labels found, in
    order, comma-separated) and ``score`` (markers per 1,000 words of that
    sentence, so it reads like the label figures), for highlighters and charts.

    >>> from workbook import article_from_text
    >>> article = article_from_text("Title\\n\\nThe truly brutal plan failed. It rained.")
    >>> int(density(article).set_index("label").loc["loaded", "count"])
    1
    """
    if voice is not None and voice not in VOICES:
        raise ValueError(f"density(voice={voice!r}): choose voice='writer', 'quoted', 'reported' or None.")
    if by == "label":
        labels, counted, rates = label_density(article, extra_terms, voice)
        return typed_frame(
            {"label": labels, "count": counted, "per_1000_words": rates},
            {"label": "string", "count": "int64", "per_1000_words": "float64"},
        )
    found = _records(article, extra_terms, voice)
    found_labels = [record["label"] for record in found]
    if by == "sentence":
        roles = {b.index for b in _text_blocks(article)}
        by_sentence: dict[int, list[Any]] = {}  # sentence index -> its markers' labels, in the table's order
        for index, label in zip([record["sentence"] for record in found], found_labels):
            if index is not None:
                by_sentence.setdefault(index, []).append(label)
        rows = []
        for sentence in article.sentence_list:
            if sentence.block not in roles:
                continue
            here = by_sentence.get(sentence.index, [])
            words = len(sentence.text.split())
            rows.append(
                {
                    "start": sentence.start,
                    "end": sentence.end,
                    "block": sentence.block,
                    "sentence": sentence.index,
                    "words": words,
                    "markers": len(here),
                    "labels": ", ".join(here),
                    "score": round(1000 * len(here) / words, 1) if words else 0.0,
                }
            )
        return span_frame(
            article, rows, {"words": "int64", "markers": "int64", "labels": "string", "score": "float64"}
        )
    raise ValueError(f"density(by={by!r}): choose by='label' or by='sentence'.")


def label_density(
    article: Article,
    extra_terms: str | Path | Iterable[str | Path] | None = None,
    voice: str | None = "writer",
) -> tuple[list[str], list[int], list[float]]:
    """The columns of ``density(article, by="label")`` as plain lists: labels, counts, markers per 1,000 words."""
    # Only the labels are counted: read them from the marker rows, without making records.
    rows = _memo(article, extra_terms, None)["rows"]
    found_labels = [row["label"] for row in rows if voice is None or row["voice"] == voice]
    words = article.word_count
    own = {lexicon.label for lexicon in matcher(extra_terms).lexicons}
    labels = list(LABELS) + sorted((own | set(found_labels)) - set(LABELS))
    counts = Counter(found_labels)
    counted = [counts.get(label, 0) for label in labels]
    return labels, counted, [round(1000 * count / words, 2) if words else 0.0 for count in counted]
