"""The explorer: pick an article and a category, filter by words, see each finding in its sentence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as ipw
import pandas as pd

from workbook.articles import Article
from workbook.findings import CATEGORY_NAMES
from workbook.plainwords import how_many
from workbook.questionbank import find_all
from workbook.widgets._common import _as_articles, _esc, article_name, table_html
from workbook.widgets.styles import group_name, group_of


def _context_html(article: Article, row: Mapping[str, Any]) -> str:
    """A finding inside its sentence and its paragraph, highlighted."""
    start, end = int(row["start"]), int(row["end"])
    block_index, sentence_index = article.locate(start, end)
    mark = (f'<mark style="background:#FFE08A;color:#111;border-bottom:3px solid #7A1F1F">'
            f"{_esc(article.text[start:end])}</mark>")

    def around(left: int, right: int) -> str:
        left, right = min(left, start), max(right, end)
        return _esc(article.text[left:start]) + mark + _esc(article.text[end:right])

    parts = [f"<p><strong>{_esc(group_name(group_of(row['category'], row['label'])))}</strong>"]
    if row.get("reason"):
        parts.append(f"<br>Why: {_esc(row['reason'])}")
    parts.append("</p>")
    if sentence_index is not None:
        sentence = article.sentence_list[sentence_index]
        parts.append(f"<p><em>In its sentence:</em><br>{around(sentence.start, sentence.end)}</p>")
    if block_index is not None:
        block = article.block_list[block_index]
        parts.append(f"<p><em>In its paragraph:</em><br>{around(block.start, block.end)}</p>")
    return f'<div class="wb-context" style="color:#111;background:#FFF;line-height:1.5">{"".join(parts)}</div>'


class Explorer(ipw.VBox):
    """Choose an article and a category, filter by words, see the table and each finding in context.

    Widgets: `article`, `category`, `search` (text filter), `table_view` (HTML),
    `finding` (dropdown of the rows shown) and `context` (HTML).
    """

    def __init__(self, articles: Article | Sequence[Article], table: pd.DataFrame | None = None) -> None:
        self.articles = {a.id: a for a in _as_articles(articles)}
        if table is None:
            frames = [find_all(a) for a in self.articles.values()]
            table = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
        self.all = table.reset_index(drop=True)
        self.article = ipw.Dropdown(
            options=[(article_name(a), a.id) for a in self.articles.values()], description="Article"
        )
        self.category = ipw.Dropdown(description="Category")
        self.search = ipw.Text(description="Filter", placeholder="words in the finding or its reason")
        self.table_view = ipw.HTML()
        self.finding = ipw.Dropdown(description="Finding", layout=ipw.Layout(width="95%"))
        self.context = ipw.HTML()
        self.article.observe(lambda _: self._categories(), names="value")
        self.category.observe(lambda _: self.refresh(), names="value")
        self.search.observe(lambda _: self.refresh(), names="value")
        self.finding.observe(lambda _: self._show(), names="value")
        super().__init__([ipw.HBox([self.article, self.category]), self.search, self.table_view, self.finding, self.context])
        self._categories()

    def _categories(self) -> None:
        present = self.all[self.all["article"] == self.article.value]["category"].unique().tolist()
        options = [("All categories", "all")] + [(CATEGORY_NAMES.get(c, c), c) for c in present]
        self.category.options = options
        self.category.value = "all"
        self.refresh()

    @property
    def rows(self) -> pd.DataFrame:
        """The findings that pass the current choices."""
        rows = self.all[self.all["article"] == self.article.value]
        if self.category.value and self.category.value != "all":
            rows = rows[rows["category"] == self.category.value]
        words = self.search.value.strip().casefold()
        if words:
            haystack = (rows["text"].fillna("") + " " + rows["label"].fillna("") + " " + rows["reason"].fillna(""))
            rows = rows[haystack.str.casefold().str.contains(words, regex=False)]
        return rows

    def refresh(self) -> None:
        rows = self.rows
        count = f"<p>{how_many(len(rows), 'finding')}.</p>"
        shown = [{"n": n, "text": t, "kind": group_name(group_of(c, l)), "reason": r}
                 for n, (t, c, l, r) in enumerate(zip(rows["text"], rows["category"], rows["label"], rows["reason"]), start=1)]
        self.table_view.value = count + (
            table_html(shown, [("n", "#"), ("text", "The words"), ("kind", "What the computer thinks it is"),
                               ("reason", "Why")]) if len(rows) else "")
        self.finding.options = [
            (f"{n + 1}. {t} ({group_name(group_of(c, l))})", index)
            for n, (index, t, c, l) in enumerate(zip(rows.index, rows["text"], rows["category"], rows["label"]))
        ]
        self.finding.value = rows.index[0] if len(rows) else None
        self._show()

    def _show(self) -> None:
        if self.finding.value is None:
            self.context.value = "<p><em>Choose a finding to see it in its sentence and paragraph.</em></p>"
            return
        row = self.all.loc[self.finding.value]
        self.context.value = _context_html(self.articles[row["article"]], row.to_dict())


def explorer(articles: Article | Sequence[Article], table: pd.DataFrame | None = None) -> Explorer:
    """An explorer for findings (see `Explorer`)."""
    return Explorer(articles, table)

