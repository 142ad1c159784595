"""Learner tables: the sums a learner can check, the reference sheet, the side-by-side comparison.

Each screen shows only the columns a learner needs, headed in plain words, with
every text in full. The raw tables stay one call away for an "under the hood"
cell: ``figures.checks(first)``, ``timeline.reference_sheet([first, second])``,
``compare.compare([first, second])``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from workbook.articles import Article
from workbook.widgets._common import BOX_STYLE, Screen, _as_articles, article_name, table_html
from workbook.widgets.styles import plain_label

#: Plain words for the verdicts of an arithmetic check and the relations of the reference sheet.
VERDICTS = {"consistent": "the sum works", "inconsistent": "the sum does not work", "cannot tell": "cannot tell from the text"}
RELATIONS = {"supports": "fits", "contradicts": "does not fit", "leaves open": "leaves it open"}


def sum_checks_html(article: Article) -> str:
    """The arithmetic checks of one text: the words, the sentence, the sum, and what it shows."""
    from workbook import figures

    table = figures.checks(article)
    rows = [
        {"text": r["text"], "claim": r["claim"], "sum": r["arithmetic"], "verdict": VERDICTS.get(r["verdict"], r["verdict"]),
         "missing": r["missing_fact"]}
        for r in table.to_dict("records")
    ]
    return (f'<div class="wb-checks" style="{BOX_STYLE}">'
            + table_html(rows, [("text", "The words"), ("claim", "The sentence"), ("sum", "The sum"),
                                ("verdict", "What the sum shows"), ("missing", "What you would need to know")],
                         caption=f"Sums you can check in {article_name(article)}",
                         empty="The computer found no sums to check in this text.")
            + "</div>")


def sum_checks(article: Article) -> Screen:
    """The sums a learner can check in one text (see `sum_checks_html`)."""
    return Screen(sum_checks_html(article), f"Sums you can check in {article_name(article)}")


def reference_sheet_html(articles: Article | Sequence[Article]) -> str:
    """The reference sheet, one part per text: the text's words, what reference works say, whether it fits."""
    from workbook import timeline

    articles = _as_articles(articles)
    table = timeline.reference_sheet(articles)
    parts = []
    for article in articles:
        mine = table[table["article"] == article.id] if len(table) else table
        rows = [
            {"quote": r["quote"], "fact": f"{r['statement']} ({r['when']})" if _given(r.get("when")) else r["statement"],
             "relation": RELATIONS.get(r["relation"], r["relation"]), "note": r["note"], "sources": r["sources"]}
            for r in mine.to_dict("records")
        ]
        parts.append(table_html(rows, [("quote", "What the text says"), ("fact", "What reference works say"),
                                       ("relation", "Does it fit?"), ("note", "Why"), ("sources", "Source")],
                                caption=f"Reference sheet for {article_name(article)}",
                                empty=f"The reference sheet has no facts for {article_name(article)}."))
    return f'<div class="wb-reference" style="{BOX_STYLE};max-width:64em">' + "".join(parts) + "</div>"


def _given(value: object) -> bool:
    return value is not None and value is not pd.NA and str(value).strip() not in ("", "nan")


def reference_sheet(articles: Article | Sequence[Article]) -> Screen:
    """The reference sheet for the texts (see `reference_sheet_html`)."""
    return Screen(reference_sheet_html(articles), "Reference sheet")


def _measure_words(measure: str) -> str:
    """A measure of `compare.compare` in plain words: ``we_voice per 1,000 words`` -> the writer's 'we' ..."""
    head, sep, tail = measure.partition(" per ")
    if re.fullmatch(r"[a-z]+(_[a-z]+)+", head) or head in ("loaded", "label", "intensifier", "absolute",
                                                            "hedge", "exclamation", "analogy"):
        return plain_label(head) + sep + tail
    return measure


def comparison_html(articles: Article | Sequence[Article]) -> str:
    """Both texts side by side on every measure of the lessons, one column per text, grouped by lesson."""
    from workbook import compare

    articles = _as_articles(articles)
    table = compare.compare(articles)
    names = {a.label: article_name(a) for a in articles}
    columns = [("measure", "Measure")] + [(str(c), names.get(str(c), str(c))) for c in table.columns]
    parts = []
    dimensions = list(dict.fromkeys(index[0] for index in table.index))
    titles = {"text": "Length", "sourcing": "Sourcing", "figures": "Figures", "history": "History",
              "checks": "Sums to check", "rhetoric": "Rhetoric"}
    for dimension in dimensions:
        rows = []
        for (dim, measure), values in table.iterrows():
            if dim != dimension:
                continue
            row = {"measure": _measure_words(str(measure))}
            for column in table.columns:
                row[str(column)] = values[column]
            rows.append(row)
        parts.append(table_html(rows, columns, caption=titles.get(dimension, str(dimension).capitalize())))
    return f'<div class="wb-comparison" style="{BOX_STYLE};max-width:60em">' + "".join(parts) + "</div>"


def comparison(articles: Article | Sequence[Article]) -> Screen:
    """The side-by-side comparison of the texts (see `comparison_html`)."""
    return Screen(comparison_html(articles), "The texts side by side")

