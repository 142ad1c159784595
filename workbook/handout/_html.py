"""Shared pieces of the printed pages: escaping and the print style sheet."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; color: #111; background: #fff; max-width: 52em; margin: 1em auto; padding: 0 1em; line-height: 1.45; }
h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; }
.wb-columns { display: block !important; }
.wb-columns > * { margin-bottom: 1.5em; }
.question { border: 1px solid #999; padding: 0.4em 0.8em; margin: 0.6em 0; break-inside: avoid; }
.question .which { color: #333; font-size: 0.9em; }
.question ul, ul.boxes { list-style: none; padding-left: 0.5em; }
.question li::before, ul.boxes li::before { content: "\\2610  "; font-size: 1.2em; }
.lines { border-bottom: 1px solid #777; height: 1.8em; }
table.reference, table.rubric, table.glossary, table.worksheet { border-collapse: collapse; width: 100%; font-size: 0.9em; }
table.reference th, table.reference td, table.rubric th, table.rubric td, table.glossary th, table.glossary td,
table.worksheet th, table.worksheet td { border: 1px solid #999; padding: 0.3em; vertical-align: top; text-align: left; }
.page { break-before: page; page-break-before: always; }
.note { font-size: 0.9em; color: #333; }
.reading p { margin: 0.5em 0; }
.reading .caption { font-style: italic; font-size: 0.9em; }
.reading .meta { color: #333; }
.reading .star::before { content: "\\2605  "; }
.card dt { font-weight: bold; margin-top: 0.6em; }
.card dd { margin-left: 0; }
@media print { a { color: #111; text-decoration: none; } }
"""


def esc(value: Any) -> str:
    """`value` as HTML text: escaped, and empty for None or a missing value."""
    if value is None or value is pd.NA:
        return ""
    return html.escape(str(value), quote=True)


def lines(count: int) -> str:
    """Ruled lines to write on."""
    return '<div class="lines"></div>' * count
