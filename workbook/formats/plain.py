"""Plain text files (``.txt``): the text as it is; roles are left to `workbook.blocks`."""

from __future__ import annotations

from pathlib import Path

from workbook.formats import Document
from workbook.textio import MAX_BYTES, read_text


def read(path: Path, max_bytes: int | None = None) -> Document:
    text, raw, encoding = read_text(path, max_bytes=max_bytes or MAX_BYTES)
    return Document(text=text, raw=raw, encoding=encoding, format="plain")
