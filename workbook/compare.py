"""Compare texts side by side: the headline figures of sourcing, figures, history and rhetoric.

`compare(articles)` returns one table with one column per article (named by
`workbook.naming.short_name`: the teacher's label, else author and short title) and one row per measure. The rows are grouped by a first index
level, the dimension:

============ ======================================================================
text         words (headline, standfirst, subheadings, body), sentences (the same
             blocks and captions; a headline is one sentence)
sourcing     quotations by kind, named / vague / document sources, citations listed
             and cited (from `workbook.sourcing.summary`)
figures      figures found, figures per 1,000 words (`workbook.figures.figures`)
history      time references, earliest and latest year, span of years
             (`workbook.timeline.time_refs`; years in the headline, standfirst,
             subheadings, body and captions)
checks       consistency checks and their verdicts (`workbook.figures.checks`)
rhetoric     markers per 1,000 words, in all and by label (`workbook.rhetoric.density`)
============ ======================================================================

Counts are whole numbers; rates are per 1,000 words, rounded to one decimal.
A year that a text does not give is left empty (<NA>).

>>> from workbook import article_from_text
>>> one = article_from_text("Rain\\n\\nWe must act now! It rained in 1990.", id="file_1", metadata={"label": "one"})
>>> table = compare([one])
>>> table.loc[("text", "words"), "one"], table.loc[("rhetoric", "we_voice per 1,000 words"), "one"]
(9, 111.1)

`to_csv(table, path)` writes the table as a CSV file a spreadsheet opens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.articles import Article
from workbook.textio import ArticleError

if TYPE_CHECKING:  # pandas is imported when the table is built, not when the module loads
    import pandas as pd

#: Block roles whose years count for the span of years (not the date line or the source list).
HISTORY_ROLES = ("headline", "standfirst", "subheading", "body", "caption")
#: Kinds of time reference that name a year outright.
YEAR_KINDS = ("year", "date", "era")
#: Quotation kinds, in the order the table shows them.
QUOTE_KINDS = ("direct", "scare", "name", "slogan", "headline")
QUOTE_NAMES = {
    "direct": "direct quotations (someone's words)",
    "scare": "scare quotes (keeping a distance)",
    "name": "names and titles in quotation marks",
    "slogan": "slogans",
    "headline": "quotations in the headline",
}
VERDICTS = ("consistent", "inconsistent", "cannot tell")


def _labels(articles: list[Article]) -> list[str]:
    """Column names: each article's short name (title and author, see `workbook.naming`), made unique."""
    from workbook.naming import short_names

    return short_names(articles)


def _per_1000(count: int, words: int) -> float:
    return round(1000 * count / words, 1) if words else 0.0


def _missing(value: Any) -> bool:
    return value is None or type(value).__name__ == "NAType" or (isinstance(value, float) and value != value)


def _measures(article: Article, sourcing_row: pd.Series) -> list[tuple[str, str, Any]]:
    """The table's rows for one article, read from each extractor's rows (no table but sourcing's summary)."""
    import pandas as pd

    from workbook import figures, timeline
    from workbook.rhetoric.density import label_density

    words = article.word_count
    text_blocks = {b.index for b in article.block_list if b.role in HISTORY_ROLES and b.duplicate_of is None}
    sentences = sum(1 for s in article.sentence_list if s.block in text_blocks)
    rows: list[tuple[str, str, Any]] = [
        ("text", "words", words),
        ("text", "sentences", sentences),
        ("sourcing", "quotations", int(sourcing_row["quotes"])),
    ]
    rows += [("sourcing", QUOTE_NAMES[kind], int(sourcing_row.get(kind, 0))) for kind in QUOTE_KINDS]
    rows += [
        ("sourcing", "quotations per 1,000 words", _per_1000(int(sourcing_row["quotes"]), words)),
        ("sourcing", "named sources (people, organisations)", int(sourcing_row["named_sources"])),
        ("sourcing", "vague sources", int(sourcing_row["vague_sources"])),
        ("sourcing", "documents as sources", int(sourcing_row["document_sources"])),
        ("sourcing", "citations listed", int(sourcing_row["citations_listed"])),
        ("sourcing", "citations cited in the text", int(sourcing_row["citations_cited"])),
    ]

    found = figures._figure_rows(article)  # the rows of figures.figures, without building its table
    rows += [
        ("figures", "figures", len(found)),
        ("figures", "figures per 1,000 words", _per_1000(len(found), words)),
    ]

    refs = [ref for ref in timeline._time_ref_rows(article) if ref["block"] in text_blocks]  # timeline.time_refs' rows
    years = [int(ref["year"]) for ref in refs if ref["kind"] in YEAR_KINDS and not _missing(ref["year"])]
    earliest = min(years) if years else pd.NA
    latest = max(years) if years else pd.NA
    rows += [
        ("history", "time references", len(refs)),
        ("history", "earliest year", earliest),
        ("history", "latest year", latest),
        ("history", "span of years", latest - earliest if years else pd.NA),
    ]

    verdicts = Counter(row["verdict"] for row in figures._check_rows(article) if not _missing(row["verdict"]))
    rows.append(("checks", "consistency checks", sum(verdicts.values())))
    rows += [("checks", verdict, verdicts.get(verdict, 0)) for verdict in VERDICTS]

    labels, counts, rates = label_density(article)
    rows.append(("rhetoric", "markers per 1,000 words", _per_1000(sum(counts), words)))
    rows += [("rhetoric", f"{label} per 1,000 words", round(float(rate), 1)) for label, rate in zip(labels, rates)]
    return rows


def compare(articles: Article | Iterable[Article]) -> pd.DataFrame:
    """One side-by-side table: a column per article, a row per measure (see the module's help).

    The index has two levels, ``dimension`` and ``measure``; values keep their
    type (whole numbers stay whole), so the columns have dtype ``object``.
    """
    import pandas as pd

    from workbook import sourcing

    articles = [articles] if isinstance(articles, Article) else list(articles)
    if not articles:
        raise ArticleError(None, "there are no articles to compare.", "Load at least one article first.")
    summary = sourcing.summary(articles)
    columns: dict[str, list[Any]] = {}
    index: list[tuple[str, str]] = []
    for name, article, (_, row) in zip(_labels(articles), articles, summary.iterrows()):
        measures = _measures(article, row)
        if not index:
            index = [(dimension, measure) for dimension, measure, _ in measures]
        columns[name] = [value for _, _, value in measures]
    table = pd.DataFrame(columns, index=_measure_index(tuple(index)).view(), dtype=object)
    table.columns.name = "article"
    return table


@lru_cache(maxsize=16)
def _measure_index(index: tuple[tuple[str, str], ...]) -> pd.MultiIndex:
    """The (dimension, measure) index, made once for each list of measures.

    Building a MultiIndex from tuples costs more than the rest of the table; each table gets
    its own view of it (``MultiIndex.view``), so renaming one table's index leaves the others alone.
    """
    import pandas as pd

    return pd.MultiIndex.from_tuples(list(index), names=["dimension", "measure"])


def to_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """Write `table` (from `compare`) to `path` as UTF-8 CSV; returns the path written.

    Raises `ArticleError` with a plain message when the folder does not exist or
    the file cannot be written.
    """
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise ArticleError(path, "the folder for this file does not exist.", "Create the folder or choose another place.")
    try:
        table.to_csv(path, encoding="utf-8")
    except OSError as error:
        raise ArticleError(path, f"the file could not be written ({error.strerror or error}).", "Choose another file name or folder.") from error
    return path
