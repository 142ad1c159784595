"""Word documents (``.docx``), read with python-docx.

Paragraph styles say the roles: "Title" (or the first "Heading 1") is the headline,
other "Heading" styles are subheadings, "Subtitle" is the standfirst and "Caption" a
caption. Other paragraphs, and each row of a table, are blocks whose roles the rules of
`workbook.blocks` find. Pictures, text boxes and comments are not read. The file's own
"author" property is not used: it names whoever made the file, not the article's writer.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbook.formats import Document, TextBuilder
from workbook.textio import ArticleError

#: Largest Word file read, in bytes (photos make a .docx much larger than its text).
MAX_DOCX_BYTES = 20_000_000
_STYLE_ROLES = {"title": "headline", "subtitle": "standfirst", "caption": "caption"}


def _role(style_name: str, has_headline: bool) -> str | None:
    name = style_name.strip().lower()
    if name in _STYLE_ROLES:
        return _STYLE_ROLES[name]
    if name.startswith("heading"):
        level = name.removeprefix("heading").strip()
        if not has_headline and level in ("1", ""):
            return "headline"
        return "subheading"
    return None


def read(path: Path, max_bytes: int | None = None) -> Document:
    limit = max_bytes or MAX_DOCX_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(path, f"this Word file is {size / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB limit.",
                               "Save a copy without its pictures, or copy the article's text into a .txt file.")
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise ArticleError(path, "no file or folder by this name.", "Check the spelling and the folder it is in.") from error
    except OSError as error:
        raise ArticleError(path, f"the file could not be read ({error.strerror or error}).") from error
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ArticleError(
            path,
            "this is not a Word document that can be read (.docx); it may be an old .doc file or a damaged one.",
            "Open it in Word or LibreOffice and save it again as \"Word document (.docx)\", or copy its text into a .txt file.",
        ) from error
    except Exception as error:  # python-docx raises its own errors for odd packages
        raise ArticleError(path, f"this Word document could not be read ({type(error).__name__}).",
                           "Open it in Word or LibreOffice and save it again as .docx, or copy its text into a .txt file.") from error

    builder = TextBuilder()
    has_headline = False
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text
            if not text.strip():
                continue
            role = _role(paragraph.style.name if paragraph.style is not None else "", has_headline)
            has_headline = has_headline or role == "headline"
            builder.add(text, role)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and value not in cells:
                        cells.append(value)
                builder.add(" | ".join(cells))
    if not len(builder):
        raise ArticleError(
            path,
            "this Word document holds no text (only pictures, or text inside pictures or text boxes).",
            "Type or paste the article's text into the document as ordinary paragraphs, or into a .txt file.",
        )
    text, hints = builder.build()
    title = (document.core_properties.title or "").strip()
    return Document(text=text, raw=raw, encoding="docx", format="docx", hints=hints,
                    metadata={"title": title} if title else {})
