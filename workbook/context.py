"""What a reader needs around a text: a glossary, a short primer, "who is behind this?", better coverage.

Lesson 1 opens each article with its context: a glossary of words a 14-year-old may
not know, a primer that says what happened and when, a source card for lateral
reading ("Who is behind this?") and a "better coverage" step that sets one event
beside a wire-service or reference account. All of it is data, keyed by article:

- the seed texts: ``workbook/data/context/<article id>.toml``;
- any other article: ``<file stem>.context.toml`` beside the article's file
  (a teacher's own pair gets its own context the same way).

Where there is no file, `article_context` returns None and the lesson says so and
goes on. A file with a mistake stops with a `ContextError` naming the file and the
field. The file format is in ``docs/questions-format.md`` ("Context files").

`assessment_article("pre" | "post")` loads the unfamiliar texts of the pre-task
and the post-task (``workbook/data/assessment/``).

>>> from workbook import load_seeds
>>> first, second = load_seeds()
>>> context = article_context(first)
>>> [entry.term for entry in context.glossary][:2]           # doctest: +SKIP
['Maidan', 'Crimean Tatars']
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from workbook.articles import Article, load_article
from workbook.textio import ArticleError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The ending of a context file that sits beside an article: ``my-article.context.toml``.
CONTEXT_SUFFIX = ".context.toml"
#: The assessment texts, by the name a notebook uses for them.
ASSESSMENT_FILES = {"pre": "assessment-pre", "post": "assessment-post"}


class ContextError(ArticleError):
    """A context or assessment file is malformed; the message names the file and the field."""

    def _render_traceback_(self) -> list[str]:
        return [f"ContextError: {self}"]


@dataclass(frozen=True)
class GlossaryEntry:
    """One word or name, explained in one line, with where the explanation comes from."""

    term: str
    meaning: str
    source: str


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event of the primer ("what happened and when")."""

    when: str
    what: str
    source: str


@dataclass(frozen=True)
class SourceCard:
    """"Who is behind this?": what lateral reading finds out about the text's publisher.

    `search_plan` holds the searches an offline class writes down and a teacher checks
    against the guide; `links` the pages an online class opens; `sources` the pages the
    card's own statements come from.
    """

    publisher: str
    owner: str
    aims: str
    independent: str
    sources: tuple[str, ...]
    search_plan: tuple[str, ...]
    links: tuple[str, ...]


@dataclass(frozen=True)
class BetterCoverage:
    """One event as the text reports it, beside a wire-service or reference account."""

    event: str
    this_text: str
    reference: str
    source: str


@dataclass(frozen=True)
class ArticleContext:
    """Everything a lesson shows around one article before the analysis starts."""

    article_id: str
    glossary: tuple[GlossaryEntry, ...]
    primer_summary: str
    primer_events: tuple[TimelineEvent, ...]
    source_card: SourceCard | None
    better_coverage: BetterCoverage | None
    excerpt_blocks: tuple[int, ...]
    source_line: str


def context_folder() -> Path:
    """The folder with the context files shipped for the seed texts."""
    return Path(str(resources.files("workbook").joinpath("data/context")))


def assessment_folder() -> Path:
    """The folder with the pre-task and post-task texts."""
    return Path(str(resources.files("workbook").joinpath("data/assessment")))


def context_path(article: Article) -> Path | None:
    """The context file for `article`: beside its file first, else the shipped one; None if neither."""
    if article.path is not None:
        beside = Path(article.path).with_name(Path(article.path).stem + CONTEXT_SUFFIX)
        if beside.is_file():
            return beside
    shipped = context_folder() / f"{article.id}.toml"
    return shipped if shipped.is_file() else None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise ContextError(path, "the file is not UTF-8 text.", "Save it again as UTF-8.") from error
    except tomllib.TOMLDecodeError as error:
        raise ContextError(path, f"the file is not valid TOML ({error}).", "Fix the line it names.") from error


def _text(path: Path, table: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ContextError(path, f"{where}: `{key}` must be a line of text (got {value!r}).",
                           f"Write {key} = \"...\" in that table.")
    return value.strip()


def _texts(path: Path, table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ContextError(path, f"{where}: `{key}` must be a list of lines of text.",
                           f"Write {key} = [\"...\", \"...\"].")
    return tuple(item.strip() for item in value)


def _tables(path: Path, data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ContextError(path, f"{where}: write each entry as a [[{key}]] table.")
    return value


def _table(path: Path, data: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ContextError(path, f"`{key}` must be a table ([{key}]).")
    return value


def parse_context(path: str | Path, article_id: str | None = None) -> ArticleContext:
    """Read one context file; every mistake raises `ContextError` naming the file and the field."""
    path = Path(path)
    data = _read(path)
    stated = data.get("article", article_id)
    if not isinstance(stated, str) or not stated.strip():
        raise ContextError(path, "the file does not say which article it is for.",
                           "Add a line article = \"<the article's file name without .txt>\" at the top.")
    if article_id is not None and stated != article_id:
        raise ContextError(path, f"the file is for the article {stated!r}, not {article_id!r}.",
                           "Check the `article` line, or rename the file.")
    glossary = []
    seen: set[str] = set()
    for number, entry in enumerate(_tables(path, data, "glossary", "glossary"), start=1):
        where = f"glossary entry {number}"
        term = _text(path, entry, "term", where)
        if term.casefold() in seen:
            raise ContextError(path, f"{where}: the term {term!r} is explained twice.", "Keep one of the two.")
        seen.add(term.casefold())
        glossary.append(GlossaryEntry(term, _text(path, entry, "meaning", f"{where} ({term})"),
                                      _text(path, entry, "source", f"{where} ({term})")))
    primer = _table(path, data, "primer") or {}
    events = tuple(
        TimelineEvent(_text(path, event, "when", f"primer event {n}"), _text(path, event, "what", f"primer event {n}"),
                      _text(path, event, "source", f"primer event {n}"))
        for n, event in enumerate(_tables(path, primer, "event", "primer"), start=1)
    )
    card_table = _table(path, data, "source_card")
    card = None
    if card_table is not None:
        card = SourceCard(
            publisher=_text(path, card_table, "publisher", "source_card"),
            owner=_text(path, card_table, "owner", "source_card"),
            aims=_text(path, card_table, "aims", "source_card"),
            independent=_text(path, card_table, "independent", "source_card"),
            sources=_texts(path, card_table, "sources", "source_card"),
            search_plan=_texts(path, card_table, "search_plan", "source_card"),
            links=_texts(path, card_table, "links", "source_card"),
        )
        if not card.sources:
            raise ContextError(path, "source_card: `sources` is empty.",
                               "Every statement on the card needs a source a teacher can check.")
    coverage_table = _table(path, data, "better_coverage")
    coverage = None
    if coverage_table is not None:
        coverage = BetterCoverage(*(_text(path, coverage_table, key, "better_coverage")
                                    for key in ("event", "this_text", "reference", "source")))
    excerpt = data.get("excerpt_blocks", [])
    if not isinstance(excerpt, list) or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in excerpt):
        raise ContextError(path, "`excerpt_blocks` must be a list of block numbers (0, 1, 2, ...).")
    if list(excerpt) != sorted(set(excerpt)):
        raise ContextError(path, "`excerpt_blocks` must list each block once, in reading order.")
    return ArticleContext(
        article_id=stated,
        glossary=tuple(glossary),
        primer_summary=_text(path, primer, "summary", "primer", required=False),
        primer_events=events,
        source_card=card,
        better_coverage=coverage,
        excerpt_blocks=tuple(excerpt),
        source_line=_text(path, data, "source_line", "the top of the file", required=False),
    )


def article_context(article: Article) -> ArticleContext | None:
    """The context (glossary, primer, source card, better coverage, excerpt) of `article`, or None.

    Looks for ``<file stem>.context.toml`` beside the article's file, then for the
    shipped ``workbook/data/context/<article id>.toml``. Excerpt block numbers
    that the article does not have raise `ContextError`, so a context file written
    for another version of a text does not silently show the wrong paragraphs.
    """
    path = context_path(article)
    if path is None:
        return None
    context = parse_context(path, article.id)
    blocks = len(article.block_list)
    beyond = [n for n in context.excerpt_blocks if n >= blocks]
    if beyond:
        raise ContextError(path, f"`excerpt_blocks` names {'block' if len(beyond) == 1 else 'blocks'} {beyond}, but the article has only {blocks} blocks (0 to {blocks - 1}).",
                           "Check the block numbers against article.blocks.")
    return context


def excerpt_text(article: Article, context: ArticleContext | None = None) -> list[str]:
    """The paragraphs of the shortened excerpt, in order (empty when there is none)."""
    context = context if context is not None else article_context(article)
    if context is None:
        return []
    return [article.block_list[n].text for n in context.excerpt_blocks]


def _assessment_metadata() -> dict[str, dict[str, Any]]:
    path = assessment_folder() / "assessment.toml"
    data = _read(path)
    return {key: dict(value) for key, value in data.items() if isinstance(value, dict)}


def assessment_article(which: str) -> Article:
    """The unfamiliar text of the pre-task (``"pre"``) or the post-task (``"post"``).

    Its metadata carries ``source_line`` (where the text comes from and under what
    terms it is shipped), ``title``, ``author`` and ``publisher``.
    """
    if which not in ASSESSMENT_FILES:
        raise ValueError(f"assessment_article: say \"pre\" or \"post\" (got {which!r}).")
    stem = ASSESSMENT_FILES[which]
    metadata = _assessment_metadata()
    if stem not in metadata:
        raise ContextError(assessment_folder() / "assessment.toml", f"there is no [\"{stem}\"] table.",
                           "Add the text's title, author, publisher and source_line.")
    entry = metadata[stem]
    if not str(entry.get("source_line", "")).strip():
        raise ContextError(assessment_folder() / "assessment.toml", f"[\"{stem}\"] has no source_line.",
                           "Say where the text comes from and why it may be shipped.")
    return load_article(assessment_folder() / f"{stem}.txt", metadata=entry)
