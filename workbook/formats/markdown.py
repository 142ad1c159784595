"""Markdown files (``.md``, ``.markdown``), read with markdown-it-py (CommonMark, plus tables).

The first level-1 heading (or a heading that opens the file) is the headline; every
other heading is a subheading. Emphasis, links, code marks and images are stripped to
their words (an image leaves nothing); raw HTML in the file is dropped, never shown.
Paragraphs, list items, quotations, code blocks and table rows are one block each, and
their roles (byline, date line, body...) are found by the rules of `workbook.blocks`.
"""

from __future__ import annotations

from pathlib import Path

from workbook.formats import Document, TextBuilder
from workbook.textio import MAX_BYTES, ArticleError, read_text


def _inline_text(token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type == "image":
            continue
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def blocks_from_markdown(source: str) -> list[tuple[str, str | None]]:
    """(text, role hint) for each block of a Markdown text, in order."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(source)
    blocks: list[tuple[str, str | None]] = []
    has_headline = False
    pending_heading: str | None = None
    row: list[str] | None = None
    for token in tokens:
        if token.type == "heading_open":
            level = int(token.tag[1])
            opens_file = not blocks
            if not has_headline and (level == 1 or opens_file):
                pending_heading, has_headline = "headline", True
            else:
                pending_heading = "subheading"
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append((" | ".join(cell for cell in row if cell), None))
            row = None
        elif token.type == "inline":
            text = _inline_text(token).strip()
            if row is not None:
                row.append(text)
            elif pending_heading:
                blocks.append((text, pending_heading))
                pending_heading = None
            else:
                blocks.append((text, None))
        elif token.type in ("fence", "code_block"):
            blocks.append((token.content, None))
    return [(text, role) for text, role in blocks if text.strip()]


def read(path: Path, max_bytes: int | None = None) -> Document:
    source, raw, encoding = read_text(path, max_bytes=max_bytes or MAX_BYTES)
    builder = TextBuilder()
    for text, role in blocks_from_markdown(source):
        builder.add(text, role)
    if not len(builder):
        raise ArticleError(path, "this Markdown file has no text outside its marks and markup.",
                           "Write the article's words into it (headline, then paragraphs with a blank line between them).")
    text, hints = builder.build()
    return Document(text=text, raw=raw, encoding=encoding, format="markdown", hints=hints)
