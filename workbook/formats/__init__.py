"""Turn an article file into text plus hints about the role of each part.

One module per file format, each with a ``read(path, max_bytes)`` function that
returns a `Document`:

* ``.txt`` (`workbook.formats.plain`): the text as it is; roles are left to the
  layout rules of `workbook.blocks`;
* ``.html`` / ``.htm`` (`workbook.formats.html`): a saved web page; trafilatura finds
  the main text and the page's title, author, date and site name;
* ``.md`` / ``.markdown`` (`workbook.formats.markdown`): headings become the headline and
  subheadings, the marks are stripped;
* ``.docx`` (`workbook.formats.docx`): a Word file, read with python-docx; the "Title" and
  "Heading" styles become the headline and subheadings.

Every reader writes its text as one block per paragraph with a blank line between
blocks, so `workbook.blocks.segment` finds the same blocks, and gives `hints`
(start, end, role) for the blocks whose role the file itself states. Anything else
is refused with an `ArticleError` that names the file and says what to do.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.textio import ArticleError, normalise

#: File endings and the module that reads them.
READERS: dict[str, str] = {
    ".txt": "plain",
    ".text": "plain",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
}
#: The endings a folder is searched for.
SUFFIXES: tuple[str, ...] = tuple(READERS)
#: What a teacher can do with a file the workbook does not read, by ending.
_ADVICE: dict[str, str] = {
    ".pdf": "Open the PDF, select the article's text, copy it into a plain text editor and save it as a .txt file.",
    ".doc": "Open it in Word or LibreOffice and save it again as .docx (Word document), or as plain text (.txt).",
    ".odt": "Open it in LibreOffice and save it again as .docx (Word document), or as plain text (.txt).",
    ".rtf": "Open it in a word processor and save it again as .docx (Word document), or as plain text (.txt).",
    ".mht": "Open the page in a browser and save it as \"Web page, HTML only\" (.html).",
    ".mhtml": "Open the page in a browser and save it as \"Web page, HTML only\" (.html).",
    ".webarchive": "Open the page in a browser and save it as \"Web page, HTML only\" (.html).",
    ".pages": "Export it from Pages as Word (.docx) or plain text (.txt).",
}
FORMAT_NAMES = {"plain": "plain text", "html": "web page (HTML)", "markdown": "Markdown", "docx": "Word document"}


@dataclass(frozen=True)
class Document:
    """One file read into text.

    `text` is normalised (see `workbook.textio.normalise`) with a blank line between
    blocks; `raw` is the file's bytes as they were (kept for provenance); `format`
    is ``plain``, ``html``, ``markdown`` or ``docx``; `hints` are (start, end, role)
    spans of `text` whose role the file states; `metadata` is what the file says about
    itself (``title``, ``author``, ``date`` as an ISO string, ``publisher``, ``language``).
    """

    text: str
    raw: bytes
    encoding: str
    format: str
    hints: tuple[tuple[int, int, str], ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)


class TextBuilder:
    """Collects blocks in order and writes them as one text with their role hints."""

    def __init__(self) -> None:
        self._blocks: list[tuple[str, str | None]] = []

    def add(self, text: str, role: str | None = None) -> None:
        """Add one block (its spaces and line breaks are folded to single spaces)."""
        cleaned = " ".join(normalise(text).split())
        if cleaned:
            self._blocks.append((cleaned, role))

    def __len__(self) -> int:
        return len(self._blocks)

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self._blocks]

    def build(self) -> tuple[str, tuple[tuple[int, int, str], ...]]:
        parts: list[str] = []
        hints: list[tuple[int, int, str]] = []
        position = 0
        for text, role in self._blocks:
            if parts:
                position += 2
            if role:
                hints.append((position, position + len(text), role))
            parts.append(text)
            position += len(text)
        return "\n\n".join(parts), tuple(hints)


def format_of(path: str | Path) -> str | None:
    """The reader module's name for `path`'s ending (``plain``, ``html``...), or None."""
    return READERS.get(Path(path).suffix.lower())


def unsupported(path: str | Path) -> ArticleError:
    """The message for a file whose ending the workbook does not read."""
    path = Path(path)
    suffix = path.suffix.lower()
    advice = _ADVICE.get(suffix, "Save the article as plain text (.txt), a web page (.html), Markdown (.md) or a Word document (.docx).")
    kind = f"a {suffix} file" if suffix else "a file without an ending such as .txt"
    return ArticleError(path, f"the workbook cannot read {kind}; it reads .txt, .html, .htm, .md and .docx files.", advice)


def read_document(path: str | Path, max_bytes: int | None = None) -> Document:
    """Read one article file of any supported format into a `Document`.

    `max_bytes` is the largest file read (each format has its own default: a saved web
    page or a Word file with photos is larger than its text).
    """
    path = Path(path)
    name = format_of(path)
    if name is None:
        if path.is_dir():
            raise ArticleError(path, "this is a folder, not an article file.", "Use load_articles() for a folder.")
        if not path.exists():
            raise ArticleError(path, "no file or folder by this name.", "Check the spelling and the folder it is in.")
        raise unsupported(path)
    module = importlib.import_module(f"workbook.formats.{name}")
    return module.read(path, max_bytes)
