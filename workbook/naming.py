"""What an article is called on a learner's screen, in a table column or on a chart.

A learner reads titles and authors, never a file name: "op1_thiessen_zelensky"
means nothing to them, and a column headed just "2025" (an article with a date
but no byline) says nothing either.

- `article_name(article)`: the long name, for sentences and headings:
  ``“Prevent the partition and plunder of Ukraine” by Taras Shevchuk``.
- `short_name(article)`: a short name for table columns, chart labels and
  buttons: the metadata's ``label`` if a teacher gave one (the seeds have
  ``Landersen, May 2025``), else the author's surname and a short title
  (``Shevchuk: Prevent the partition…``).
- `short_names(articles)`: short names made unique for a set of articles.

When a text has no headline, its first words stand in for the title; when it
has no byline, the name says nothing about an author rather than guess.

>>> from workbook import article_from_text
>>> a = article_from_text("Rain again in the north\\n\\nBy Ann Lee\\n\\nIt rained all week.", id="file_stem_1")
>>> article_name(a), short_name(a)
('“Rain again in the north” by Ann Lee', 'Lee: Rain again in the north')
"""

from __future__ import annotations

from collections.abc import Iterable

from workbook.articles import Article

#: Longest short title, in characters, before it is cut at a word and given "…".
SHORT_TITLE = 32
#: Words of the first sentence used when a text has no headline.
FIRST_WORDS = 6


def _cut(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return (cut or text[:limit]) + "…"


def _first_words(article: Article) -> str | None:
    for sentence in article.sentence_list:
        words = sentence.text.split()
        if words:
            tail = "…" if len(words) > FIRST_WORDS else ""
            return " ".join(words[:FIRST_WORDS]).rstrip(" ,;:") + tail
    return None


def title_of(article: Article) -> str | None:
    """The article's title, else its first words, else None (an empty text)."""
    title = (article.title or "").strip()
    return " ".join(title.split()) if title else _first_words(article)


def surname(author: str | None) -> str | None:
    """The last word of an author's name ("Taras Shevchuk" -> "Shevchuk"); the first name of several."""
    if not author or not author.strip():
        return None
    first = author.replace(" and ", ",").replace("&", ",").split(",")[0].split()
    return first[-1] if first else None


def article_name(article: Article) -> str:
    """The long name: title in quotation marks and "by" the author, as far as they are known."""
    title = title_of(article)
    author = (article.author or "").strip()
    if title and author:
        return f"“{title}” by {author}"
    if title:
        return f"“{title}”"
    if author:
        return f"a text by {author}"
    return "an untitled text"


def short_name(article: Article) -> str:
    """A short name for columns and chart labels: the teacher's label, else surname and short title."""
    label = article.metadata.get("label")
    if label and str(label).strip():
        return str(label).strip()
    title = title_of(article)
    short_title = _cut(title, SHORT_TITLE) if title else None
    last = surname(article.author)
    if last and short_title:
        return f"{last}: {short_title}"
    return short_title or last or "untitled text"


def short_names(articles: Iterable[Article]) -> list[str]:
    """`short_name` of each article, made unique: a repeated name gets the long name, then a number."""
    articles = list(articles)
    names = [short_name(a) for a in articles]
    names = [_cut(article_name(a), 60) if names.count(name) > 1 else name for a, name in zip(articles, names)]
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        if names.count(name) > 1:
            seen[name] = seen.get(name, 0) + 1
            unique.append(f"{name} (text {seen[name]})")
        else:
            unique.append(name)
    return unique
