"""Split an article's text into paragraph-like blocks and give each block a role.

Modules: `segmenting` (blocks and the layout rules for roles), `page` (the clutter of a
web page pasted with its menus, share lines and footers).

Roles: ``headline``, ``dateline`` (a line that is only a date), ``byline``,
``caption``, ``credit``, ``standfirst``, ``subheading``, ``body``,
``sources_heading``, ``source`` and ``boilerplate``.

Detection uses general layout cues, never the lines of particular articles:

* blank lines separate paragraphs; inside a paragraph group, short lines (a
  byline, a date) are blocks of their own, while hard-wrapped lines of similar
  length are joined into one block;
* patterns: "By NAME" and "—NAME" bylines, "AP Photo/NAME" credits, lines that
  are a date, a "Sources" heading followed by numbered items (``[1]``, ``2.``,
  ``(4)``), website boilerplate from ``data/boilerplate.txt``;
* position and length: the headline is the first short line, a standfirst sits
  between the headline and the byline, a caption sits next to a photo credit, a
  subheading is a short single line before a longer paragraph.

A credit run into a copy of its caption (``AP Photo/Jane DoeProtesters march...``)
is split in two, and the copy is marked as a duplicate of the caption.

>>> [(b.role, b.text) for b in segment("Big news\\n\\nBy Ann Lee\\nMay 3, 2024\\n\\nIt rained all day. Then it stopped.")]
[('headline', 'Big news'), ('byline', 'By Ann Lee'), ('dateline', 'May 3, 2024'), ('body', 'It rained all day. Then it stopped.')]
"""

from workbook.blocks.segmenting import (
    ROLES,
    Block,
    boilerplate_patterns,
    byline_name,
    byline_with_date,
    is_boilerplate,
    is_byline,
    is_caption,
    is_credit,
    segment,
    word_count,
)

__all__ = [
    "ROLES", "Block", "boilerplate_patterns", "byline_name", "byline_with_date", "is_boilerplate", "is_byline",
    "is_caption", "is_credit", "segment", "word_count",
]
