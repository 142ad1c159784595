"""Reading first: the plain reading view, "who, when, where", the parts of a text, glossary and primer.

Every ``*_html`` function is pure (an article in, escaped HTML out) and works
without a kernel; the functions without ``_html`` wrap them for a notebook.
Glossary and primer come from `workbook.context` (data files keyed by article);
where a text has none, the screen says so plainly and the lesson goes on.
"""

from __future__ import annotations

import math
from typing import Any

import ipywidgets as ipw

from workbook.articles import Article
from workbook.widgets._common import BOX_STYLE, Screen, _esc, article_name, table_html

#: Roles a reader reads in the reading view (site furniture such as boilerplate is left out).
READ_ROLES = ("standfirst", "subheading", "body", "caption", "quote", "source", "sources_heading", "credit")
#: Plain words for the roles of the parts of an article.
ROLE_NAMES = {
    "headline": "headline (the title)",
    "standfirst": "standfirst (the short summary under the title)",
    "byline": "byline (who wrote it)",
    "dateline": "date line (when)",
    "subheading": "subheading",
    "body": "body (the main text)",
    "caption": "caption (words under a picture)",
    "credit": "credit (who took the picture)",
    "boilerplate": "website extras (not part of the article)",
    "source": "a source in the list of sources",
    "sources_heading": "heading of the list of sources",
    "quote": "quotation set apart",
}
#: Words per minute a young reader manages in a hard text (a careful, not a fast, pace).
READING_PACE = 150


def _context(article: Article) -> Any:
    """The article's context (glossary, primer, ...) or None; a broken context file is reported, not raised."""
    from workbook.context import ContextError, article_context

    try:
        return article_context(article)
    except ContextError as error:
        return error


def _problem(error: Exception) -> str:
    return (f'<p role="note" style="border-left:4px solid #8A4B00;background:#FFF4E0;color:#111;padding:4px 8px">'
            f"The extra notes for this text could not be read: {_esc(error)}. The lesson goes on without them.</p>")


def _date_words(article: Article) -> str:
    return article.date.strftime("%d %B %Y").lstrip("0") if article.date else ""


def reading_minutes(article: Article, blocks: list[int] | None = None) -> int:
    """About how many minutes a careful reader needs for the text (or for the chosen blocks)."""
    chosen = [b for b in article.block_list if (blocks is None or b.index in blocks) and b.role in READ_ROLES]
    words = sum(len(b.text.split()) for b in chosen)
    return max(1, math.ceil(words / READING_PACE))


def reading_view_html(article: Article, shortened: bool = False, context: Any = None) -> str:
    """The text to read: headline, byline, date, paragraphs; no highlights.

    With `shortened`, only the blocks of the context's ``excerpt_blocks`` are shown
    (a shorter version for learners who need one), marked as shortened.
    """
    context = _context(article) if context is None else context
    blocks = None
    note = ""
    if shortened:
        excerpt = getattr(context, "excerpt_blocks", ()) if not isinstance(context, Exception) else ()
        if excerpt:
            blocks = list(excerpt)
            note = ('<p class="wb-note" style="background:#EEF4FA;padding:4px 8px;border-left:4px solid #1F4E79">'
                    "<strong>Shorter version.</strong> Some paragraphs are left out; "
                    "“[…]” shows where. The full text is one click away.</p>")
        else:
            note = ('<p class="wb-note" style="background:#EEF4FA;padding:4px 8px">There is no shorter version of this '
                    "text, so here is the full text.</p>")
    byline = []
    if article.author:
        byline.append(f"By {_esc(article.author)}")
    if article.date:
        byline.append(_esc(_date_words(article)))
    publisher = article.publisher
    if publisher and publisher != "not named in the text":
        byline.append(_esc(publisher))
    paragraphs = []
    skipped = False
    for block in article.block_list:
        if block.role not in READ_ROLES:
            continue
        if blocks is not None and block.index not in blocks:
            skipped = True
            continue
        if skipped:
            paragraphs.append('<p aria-label="paragraphs left out" style="color:#333">[…]</p>')
            skipped = False
        text = _esc(block.text).replace("\n", "<br>")
        if block.role == "subheading":
            paragraphs.append(f'<h4 style="margin:1em 0 0.3em;font-size:1.05em">{text}</h4>')
        elif block.role in ("caption", "credit"):
            paragraphs.append(f'<p style="font-style:italic;color:#333;font-size:0.95em">{text}</p>')
        elif block.role == "standfirst":
            paragraphs.append(f'<p style="font-style:italic">{text}</p>')
        else:
            paragraphs.append(f"<p>{text}</p>")
    minutes = reading_minutes(article, blocks)
    return (
        f'<article class="wb-reading" lang="{_esc(article.language or "en")}" style="{BOX_STYLE};font-size:1.05em">'
        f"{note}"
        f'<h3 style="margin:0.2em 0 0.3em;font-size:1.35em">{_esc(article.title or "Untitled text")}</h3>'
        f'<p class="wb-byline" style="color:#333;margin:0 0 0.6em">{" · ".join(byline) or "No writer or date given"}</p>'
        f'<p class="wb-time" style="color:#333;font-size:0.9em">About {minutes} minute{"s" if minutes != 1 else ""} to read.</p>'
        f"{''.join(paragraphs)}</article>"
    )


class ReadingView(ipw.VBox):
    """The reading view, with a switch between the full text and a shorter version when there is one.

    `version` is the switch (``"Full text"`` / ``"Shorter version"``), `view` the HTML.
    """

    def __init__(self, article: Article, shortened: bool = False) -> None:
        self.article = article
        self.context = _context(article)
        self.view = ipw.HTML()
        has_excerpt = bool(getattr(self.context, "excerpt_blocks", ())) and not isinstance(self.context, Exception)
        self.version = ipw.ToggleButtons(options=["Full text", "Shorter version"],
                                         value="Shorter version" if shortened and has_excerpt else "Full text",
                                         tooltips=["The whole article", "Fewer paragraphs, same words"])
        self.version.observe(lambda _: self.refresh(), names="value")
        children: list[ipw.Widget] = [self.version] if has_excerpt else []
        super().__init__([*children, self.view])
        self.refresh()

    def refresh(self) -> None:
        shortened = self.version.value == "Shorter version"
        self.view.value = reading_view_html(self.article, shortened, self.context)


def reading_view(article: Article, shortened: bool = False) -> ReadingView:
    """The article to read, with no highlights (see `ReadingView`)."""
    return ReadingView(article, shortened)


def about_html(article: Article) -> str:
    """Who, when and where: the text's provenance in plain words."""
    context = _context(article)
    publisher = article.publisher or "not named in the text"
    rows = [
        {"what": "Title", "answer": article.title or "no title"},
        {"what": "Who wrote it", "answer": article.author or "no writer named"},
        {"what": "When", "answer": _date_words(article) or "no date given"},
        {"what": "Where it was published", "answer": publisher},
        {"what": "Length", "answer": f"{article.word_count:,} words, about {reading_minutes(article)} minutes to read"},
    ]
    line = getattr(context, "source_line", "") if not isinstance(context, Exception) else ""
    extra = f'<p style="margin:0.4em 0 0">{_esc(line)}</p>' if line else ""
    return (f'<div class="wb-about" style="{BOX_STYLE}">'
            + table_html(rows, [("what", "Question"), ("answer", "What the text says")],
                         caption=f"About {article_name(article)}")
            + extra + "</div>")


def about(article: Article) -> Screen:
    """Who wrote the text, when and where it was published (see `about_html`)."""
    return Screen(about_html(article), f"About {article_name(article)}")


def parts_html(article: Article) -> str:
    """The parts of the article, in order: what the computer thinks each part is, and its words in full."""
    rows = [{"n": n, "role": ROLE_NAMES.get(b.role, b.role.replace("_", " ")), "text": b.text}
            for n, b in enumerate(article.block_list, start=1)]
    return (f'<div class="wb-parts" style="{BOX_STYLE}">'
            + table_html(rows, [("n", "Part"), ("role", "What the computer thinks it is"), ("text", "The words")],
                         caption=f"The parts of {article_name(article)}")
            + "</div>")


def parts(article: Article) -> Screen:
    """The parts of an article (headline, byline, body, ...) as a learner's table."""
    return Screen(parts_html(article), f"The parts of {article_name(article)}")


def _none_html(kind: str, article: Article) -> str:
    return (f'<p class="wb-no-context" role="note" style="{BOX_STYLE}">There is no {kind} for '
            f"{_esc(article_name(article))} yet. Carry on with the lesson; note any word you do not know and "
            "look it up or ask your teacher.</p>")


def glossary_html(article: Article) -> str:
    """The words a reader may not know, each in one line, with its source."""
    context = _context(article)
    if isinstance(context, Exception):
        return _problem(context)
    if context is None or not context.glossary:
        return _none_html("glossary", article)
    rows = [{"term": e.term, "meaning": e.meaning, "source": e.source} for e in context.glossary]
    return (f'<div class="wb-glossary" style="{BOX_STYLE}">'
            + table_html(rows, [("term", "Word"), ("meaning", "What it means"), ("source", "Where this comes from")],
                         caption=f"Words to know for {article_name(article)}")
            + "</div>")


def glossary(article: Article) -> Screen:
    """The glossary of an article (see `glossary_html`)."""
    return Screen(glossary_html(article), f"Words to know for {article_name(article)}")


def primer_html(article: Article) -> str:
    """What happened and when: a short summary and the dated events, each with a source."""
    context = _context(article)
    if isinstance(context, Exception):
        return _problem(context)
    if context is None or not (context.primer_summary or context.primer_events):
        return _none_html("background note", article)
    events = [{"when": e.when, "what": e.what, "source": e.source} for e in context.primer_events]
    return (f'<div class="wb-primer" style="{BOX_STYLE}"><h4 style="margin:0.2em 0">Before you read: '
            f"what happened, and when</h4><p>{_esc(context.primer_summary)}</p>"
            + table_html(events, [("when", "When"), ("what", "What happened"), ("source", "Where this comes from")],
                         caption="Dates to know", empty="No dates listed.")
            + "</div>")


def primer(article: Article) -> Screen:
    """The context primer of an article (see `primer_html`)."""
    return Screen(primer_html(article), f"Background for {article_name(article)}")
