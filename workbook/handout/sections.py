"""The parts of the printable handout, each a pure function to an HTML string.

Nothing here asks the reader to type, click or run code: widgets become boxes
to tick and lines to write on, and code hints (`code_hint`) are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workbook.articles import Article
from workbook.context import ArticleContext, BetterCoverage, SourceCard
from workbook.handout._html import esc, lines
from workbook.plainwords import how_many
from workbook.rubrics import LEVELS, Rubric

#: Block roles shown in the reading view, and how.
_SHOWN = {"headline", "standfirst", "byline", "dateline", "caption", "credit", "subheading", "body",
          "sources_heading", "source"}


def article_name(article_id: str | None, articles: Sequence[Article]) -> str:
    """The short name of the article with this id among `articles` (empty if none)."""
    for article in articles:
        if article.id == article_id:
            return article.label
    return ""


def reading_view_html(article: Article, context: ArticleContext | None = None, number: int | None = None) -> str:
    """The plain text to read first: headline, byline, date, paragraphs; no highlights.

    A photo caption repeated by the website is shown once; the website's own links
    and lists around the article are left out (a note says so). When the context
    has a shortened excerpt, its paragraphs carry a star.
    """
    starred = set(context.excerpt_blocks) if context else set()
    parts = [f'<section class="page reading"><h2>{"Text " + str(number) + ": " if number else ""}{esc(article.label)}</h2>']
    if context and context.source_line:
        parts.append(f'<p class="note">{esc(context.source_line)}</p>')
    if starred:
        parts.append('<p class="note">Short on time? Read the paragraphs marked with a star (\u2605): they are the shortened version.</p>')
    left_out = 0
    for block in article.block_list:
        if block.duplicate_of is not None:
            continue
        if block.role not in _SHOWN:
            left_out += 1
            continue
        star = ' class="star"' if block.index in starred and block.role == "body" else ""
        text = esc(block.text)
        if block.role == "headline":
            parts.append(f"<h3>{text}</h3>")
        elif block.role == "subheading":
            parts.append(f"<h4>{text}</h4>")
        elif block.role in ("byline", "dateline", "standfirst"):
            parts.append(f'<p class="meta">{text}</p>')
        elif block.role in ("caption", "credit"):
            parts.append(f'<p class="caption">Photo: {text}</p>' if block.role == "caption" else f'<p class="caption">{text}</p>')
        elif block.role == "sources_heading":
            parts.append(f"<h4>{text}</h4>")
        else:
            parts.append(f"<p{star}>{text}</p>")
    if left_out:
        parts.append(f'<p class="note">{how_many(left_out, "line")} of the website around the article (links, tags) {"is" if left_out == 1 else "are"} left out.</p>')
    parts.append("</section>")
    return "".join(parts)


def glossary_html(context: ArticleContext | None) -> str:
    """The glossary as a two-column table (word, meaning), with each line's source in small print."""
    if context is None or not context.glossary:
        return '<p class="note">There is no glossary for this text. Underline the words you do not know and look them up.</p>'
    rows = "".join(
        f"<tr><th>{esc(e.term)}</th><td>{esc(e.meaning)}<br><span class=\"note\">Source: {esc(e.source)}</span></td></tr>"
        for e in context.glossary
    )
    return f'<table class="glossary"><thead><tr><th>Word</th><th>Meaning</th></tr></thead><tbody>{rows}</tbody></table>'


def primer_html(context: ArticleContext | None) -> str:
    """What happened and when: the primer's summary and its dated events, each with a source."""
    if context is None or not (context.primer_summary or context.primer_events):
        return '<p class="note">There is no background sheet for this text.</p>'
    events = "".join(
        f"<li><strong>{esc(e.when)}</strong>: {esc(e.what)} <span class=\"note\">({esc(e.source)})</span></li>"
        for e in context.primer_events
    )
    return f"<p>{esc(context.primer_summary)}</p><ul>{events}</ul>"


def source_card_worksheet_html(card: SourceCard | None) -> str:
    """"Who is behind this?" as a card to fill in: the four headings with lines, and the search plan.

    The filled-in card (the answers) is in the teacher guide, not on the learner's sheet.
    """
    plan = ""
    if card is not None and card.search_plan:
        plan = "<p><strong>Searches to try</strong> (write what you found under each heading):</p><ol>" + "".join(
            f"<li>{esc(step)}</li>" for step in card.search_plan
        ) + "</ol>"
    headings = (
        ("Who published it?", "and how do you know?"),
        ("Who owns or pays for it?", ""),
        ("What does it say it wants?", "its own words"),
        ("What do independent sources say about it?", "name them"),
    )
    def field(title: str, extra: str) -> str:
        note = f' <span class="note">({esc(extra)})</span>' if extra else ""
        return f"<dt>{esc(title)}{note}</dt><dd>{lines(2)}</dd>"

    fields = "".join(field(title, extra) for title, extra in headings)
    return (
        '<div class="question card"><p><strong>Who is behind this?</strong> Read laterally: leave the text and see '
        "what others say about who made it. No internet? Write the searches you would make, and why.</p>"
        f"{plan}<dl>{fields}</dl></div>"
    )


def better_coverage_html(coverage: BetterCoverage | None) -> str:
    """One event in the text beside a reference account, with lines for the comparison."""
    if coverage is None:
        return '<p class="note">There is no “better coverage” step for this text.</p>'
    return (
        '<div class="question"><p><strong>Find better coverage.</strong> ' + esc(coverage.event) + "</p>"
        f"<p><em>This text:</em> {esc(coverage.this_text)}</p>"
        f"<p><em>A news agency or reference:</em> {esc(coverage.reference)} <span class=\"note\">({esc(coverage.source)})</span></p>"
        "<p>What do both say? What is different? Which words are the writer's own judgement?</p>"
        f"{lines(4)}</div>"
    )


def question_html(question: Mapping[str, Any], which: str = "") -> str:
    """One question as printable HTML: the prompt, then boxes to tick or lines to write on."""
    kind = question.get("type")
    parts = ['<div class="question">']
    if which:
        parts.append(f'<div class="which">About: {esc(which)}</div>')
    parts.append(f"<p><strong>{esc(question.get('prompt'))}</strong></p>")
    if question.get("hint"):
        parts.append(f'<p class="note">Hint: {esc(question["hint"])}</p>')
    if kind in ("choice", "multi"):
        note = "Tick one box." if kind == "choice" else "Tick every box that fits."
        parts.append(f'<p class="note">{note}</p><ul>')
        parts.extend(f"<li>{esc(option.get('text'))}</li>" for option in question.get("options", []))
        parts.append("</ul>")
    elif kind == "number":
        unit = f" {esc(question['unit'])}" if question.get("unit") else ""
        parts.append(f"<p>Answer: ____________{unit}</p>")
    else:
        parts.append(lines(6 if kind == "reflection" else 2))
    parts.append("</div>")
    return "".join(parts)


def task_worksheet_html(task: Mapping[str, Any], article: Article, items: Any) -> str:
    """An annotation task on paper: each item in its sentence, with the task's labels as boxes.

    The machine's labels are not printed: the learner labels first; the teacher can
    show the machine's labels afterwards (predict, then reveal).
    """
    labels = "".join(f"<li>{esc(label)}</li>" for label in task["labels"])
    rows = []
    for number, item in enumerate(items.itertuples(), start=1):
        shown = esc(item.context)
        if item.text != item.context:
            shown += f'<br><span class="note">The part to label: “{esc(item.text)}”</span>'
        rows.append(f'<tr><td>{number}</td><td>{shown}</td><td><ul class="boxes">{labels}</ul></td></tr>')
    return (
        f'<div class="question"><p><strong>{esc(task.get("title"))}</strong>: {esc(article.label)}</p>'
        f'<p class="note">{esc(task.get("instructions"))}</p>'
        '<table class="worksheet"><thead><tr><th>#</th><th>Sentence</th><th>Your label (tick one)</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def rubric_html(rubric: Rubric) -> str:
    """One rubric: the skill, and for each level what it looks like, with an example answer."""
    heads = "".join(f"<th>{level.capitalize()}</th>" for level in LEVELS)
    cells = "".join(
        f"<td>{esc(rubric.levels[level].describe)}<br><span class=\"note\">Example: “{esc(rubric.levels[level].example)}”</span></td>"
        for level in LEVELS
    )
    return (
        f"<h3>{esc(rubric.title)}</h3><p>{esc(rubric.skill)}</p>"
        f'<table class="rubric"><thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr></tbody></table>'
    )


def assessment_html(article: Article, question: Mapping[str, Any], title: str) -> str:
    """The pre-task or post-task on paper: the unfamiliar text, where it comes from, and the question."""
    source_line = article.metadata.get("source_line", "")
    body = "".join(
        f"<h3>{esc(b.text)}</h3>" if b.role == "headline" else f"<p>{esc(b.text)}</p>"
        for b in article.block_list
    )
    return (
        f'<section class="page reading"><h2>{esc(title)}</h2>{body}'
        f'<p class="note">Where this text comes from: {esc(source_line)}</p>'
        f"{question_html(question)}</section>"
    )


def reference_sheet_html(articles: Sequence[Article]) -> str:
    """The reference sheet (facts, their sources, and what they say about claims in the texts)."""
    from workbook.timeline import reference_sheet

    sheet = reference_sheet(list(articles))
    if not len(sheet):
        return "<p>The reference sheet is empty.</p>"
    ids = {a.id for a in articles}
    rows = []
    for fact, group in sheet.groupby("fact", sort=False):
        first = group.iloc[0]
        claims = "".join(
            f"<li>{esc(article_name(row['article'], articles) or row['article'])}: "
            f"“{esc(row['quote'])}” (<em>{esc(row['relation'])}</em>)</li>"
            for _, row in group.iterrows()
            if row["article"] in ids
        )
        sources = "<br>".join(esc(s.strip()) for s in str(first["sources"]).split(" | "))
        rows.append(
            f"<tr><td>{esc(first['statement'])}</td><td>{esc(first['when'])}</td>"
            f"<td>{sources}</td><td><ul>{claims}</ul></td></tr>"
        )
    return (
        '<table class="reference"><thead><tr><th>Fact</th><th>When</th><th>Sources</th>'
        "<th>Claims in the texts</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
