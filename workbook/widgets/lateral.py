"""Lateral reading: "Who is behind this?" and "Find better coverage" (SIFT; Civic Online Reasoning).

The learner plans or does the searches first; what lateral reading finds sits
behind a "Show what we found" fold, to open after writing their own answer.
Pure ``*_html`` functions, wrapped as screens for a notebook. The facts come
from `workbook.context`; where a text has none, the screen says so.
"""

from __future__ import annotations

import re

from workbook.articles import Article
from workbook.widgets._common import BOX_STYLE, Screen, _esc, article_name
from workbook.widgets.reading import _context, _none_html, _problem


_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")


def _link(text: str) -> str:
    """`text` escaped, with each web address in it made a link (opened only if the learner clicks it)."""
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(_esc(text[last:match.start()]))
        url = match.group(0)
        out.append(f'<a href="{_esc(url)}" target="_blank" rel="noopener noreferrer">{_esc(url)}</a>')
        last = match.end()
    out.append(_esc(text[last:]))
    return "".join(out)


def _list(items: tuple[str, ...] | list[str], ordered: bool = False, links: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_link(i) if links else _esc(i)}</li>" for i in items) + f"</{tag}>"


def source_card_html(article: Article) -> str:
    """"Who is behind this?": the search plan and links first, then what lateral reading finds."""
    context = _context(article)
    if isinstance(context, Exception):
        return _problem(context)
    card = getattr(context, "source_card", None)
    if card is None:
        return _none_html("“Who is behind this?” card", article)
    found = (
        f"<dl><dt><strong>Who published it?</strong></dt><dd>{_esc(card.publisher)}</dd>"
        f"<dt><strong>Who owns or pays for it?</strong></dt><dd>{_esc(card.owner)}</dd>"
        f"<dt><strong>What does it say it wants?</strong></dt><dd>{_esc(card.aims)}</dd>"
        f"<dt><strong>What do other sources say about it?</strong></dt><dd>{_esc(card.independent)}</dd></dl>"
        f"<p><strong>Where this comes from:</strong></p>{_list(card.sources, links=True)}"
    )
    return (
        f'<div class="wb-source-card" style="{BOX_STYLE}">'
        f'<h4 style="margin:0.2em 0">Who is behind {_esc(article_name(article))}?</h4>'
        "<p><strong>Your searches.</strong> Leave the text and search. Offline? Write down what you would search "
        "for, and what you expect to find.</p>"
        f"{_list(card.search_plan, ordered=True)}"
        + (f"<p><strong>If you are online, start here:</strong></p>{_list(card.links, links=True)}" if card.links else "")
        + '<details class="wb-found"><summary><strong>Show what we found</strong> (after you write your answer)'
        f"</summary>{found}</details></div>"
    )


def source_card(article: Article) -> Screen:
    """The "Who is behind this?" card of an article (see `source_card_html`)."""
    return Screen(source_card_html(article), f"Who is behind {article_name(article)}?")


def better_coverage_html(article: Article) -> str:
    """One event as this text tells it, and as a wire service or reference work tells it."""
    context = _context(article)
    if isinstance(context, Exception):
        return _problem(context)
    coverage = getattr(context, "better_coverage", None)
    if coverage is None:
        return _none_html("“better coverage” step", article)
    sources = [s.strip() for s in coverage.source.split(";") if s.strip()]
    return (
        f'<div class="wb-better-coverage" style="{BOX_STYLE}">'
        f'<h4 style="margin:0.2em 0">Find better coverage: {_esc(coverage.event)}</h4>'
        f"<p><strong>What {_esc(article_name(article))} says:</strong> {_esc(coverage.this_text)}</p>"
        "<p>Before you open the fold: how would a news agency report this? What would you search for?</p>"
        '<details class="wb-found"><summary><strong>Show what other reports say</strong></summary>'
        f"<p>{_esc(coverage.reference)}</p><p><strong>Where this comes from:</strong></p>{_list(sources, links=True)}"
        "</details></div>"
    )


def better_coverage(article: Article) -> Screen:
    """The "better coverage" step of an article (see `better_coverage_html`)."""
    return Screen(better_coverage_html(article), f"Better coverage for {article_name(article)}")
