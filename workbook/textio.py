"""Read article files from disk and normalise their text.

This is the first step of the chain: bytes on disk become one clean string,
`Article.text`, that every later offset points into. Cleaning is deliberately
small and visible, so a learner can see what changed:

* UTF-8 (with or without a byte-order mark) is read as is; anything else falls
  back to Windows-1252 with a warning that names the file.
* Windows (CRLF) and old Mac (CR) line endings become ``\\n``.
* Non-breaking spaces become ordinary spaces; zero-width characters and soft
  hyphens are removed; spaces at the end of a line are dropped.
* Text is put in Unicode NFC form (so "é" is always one character).

Problems a teacher can fix (missing file, empty file, a web page saved as HTML,
a binary file, a file too large) raise `ArticleError` with a message that names
the file and says what to do.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from pathlib import Path

#: Largest article file read, in bytes. A long feature article is about 50 KB;
#: a 100,000-word book chapter is about 600 KB. Larger files are refused with a
#: message rather than slowing a classroom kernel down.
MAX_BYTES = 2_000_000

#: File endings read by `load_articles` when it is given a folder (see `workbook.formats`).
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".md", ".markdown", ".docx")


class ArticleError(Exception):
    """A problem with an article file, explained in plain words.

    The message always names the file and says what to do about it. Notebooks
    and the command line show it as one line, never as a traceback.
    """

    def __init__(self, path: str | Path | None, problem: str, advice: str = "") -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        self.advice = advice
        where = f"{self.path}: " if self.path is not None else ""
        super().__init__(f"{where}{problem}" + (f" {advice}" if advice else ""))

    def _render_traceback_(self) -> list[str]:
        """Show only the message in Jupyter, without a Python traceback."""
        return [f"ArticleError: {self}"]


class ArticleWarning(UserWarning):
    """Something was read, but not quite as expected (for example the encoding)."""


# Characters that are removed outright: zero-width space, non-joiner, joiner,
# word joiner, byte-order mark inside the text, soft hyphen.
_REMOVED_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Characters that become an ordinary space: no-break space, narrow no-break
# space, figure space, thin space, other fixed-width spaces, and tabs.
_SPACE_CHARACTERS = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u3000\t"
# Control bytes that plain text does not hold (everything below 32 but tab, newlines, form feed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_TRAILING_SPACE = re.compile(r"[ ]+$", re.MULTILINE)
_HTML_SIGNS = re.compile(
    r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<script[\s>]",
    re.IGNORECASE,
)
_HTML_ADVICE = (
    "It looks like a web page saved as HTML. Rename the file to end in .html and the "
    "workbook reads it as a web page; or open the page in a browser, select the article "
    "text (headline to last paragraph), copy it, paste it into a plain text editor and "
    "save it as a .txt file in UTF-8, with a blank line between paragraphs."
)


def normalise(text: str) -> str:
    """Return `text` with line endings, invisible characters and spaces cleaned.

    >>> normalise("Kyiv\\u00a0\\r\\nsoft\\u00adhyphen\\u200b")
    'Kyiv\\nsofthyphen'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # a constant-time test; of the characters above, ASCII text can hold only the tab
        text = text.replace("\t", " ")
    else:  # one str.replace per character: each is a fast scan, several times faster than a regex over a class
        for character in _REMOVED_CHARACTERS:
            text = text.replace(character, "")
        for character in _SPACE_CHARACTERS:
            text = text.replace(character, " ")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if " \n" in text or text.endswith(" "):  # a plain substring test is far cheaper than the regex's scan
        text = _TRAILING_SPACE.sub("", text)
    return text


def decode(raw: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode file bytes as UTF-8, or Windows-1252 with a warning.

    Returns the decoded text and the name of the encoding used.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        where = f"{path}: " if path is not None else ""
        warnings.warn(
            f"{where}this file is not UTF-8; it was read as Windows-1252. "
            "Check that quotation marks and accents look right, and save it as UTF-8 to be sure.",
            ArticleWarning,
            stacklevel=3,
        )
        return raw.decode("cp1252", errors="replace"), "cp1252"


def check_bytes(raw: bytes, path: str | Path | None, max_bytes: int = MAX_BYTES) -> None:
    """Refuse, with a clear `ArticleError`, bytes that are not an article."""
    if len(raw) > max_bytes:
        raise _too_large(path, len(raw), max_bytes)
    sample = raw[:65536]
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise ArticleError(
            path,
            "this is not a text file (it holds binary data, for example a PDF, Word file or image).",
            "Copy the article's text into a plain text editor and save it as a .txt file in UTF-8.",
        )


def check_text(text: str, path: str | Path | None) -> None:
    """Refuse text that is empty or is a saved web page."""
    if not text.strip():
        raise ArticleError(
            path,
            "the file is empty (or holds only spaces and blank lines).",
            "Paste the article's text into it and save it again.",
        )
    if looks_like_html(text):
        raise ArticleError(path, "the file holds HTML markup.", _HTML_ADVICE)


def looks_like_html(text: str) -> bool:
    """True when `text` is a saved web page: it starts with a doctype or ``<html>``, or signs of
    markup are on two lines or more.

    One stray line of markup in a pasted page (a ``<noscript>`` tracking pixel) does not
    make the paste a web page: that line is marked as boilerplate by `workbook.blocks`.
    """
    sample = text[:20000]
    if re.match(r"\s*(?:<!doctype html|<html[\s>])", sample, re.IGNORECASE):
        return True
    lines = {sample.count("\n", 0, match.start()) for match in _HTML_SIGNS.finditer(sample)}
    return len(lines) >= 2


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> tuple[str, bytes, str]:
    """Read one article file and return (normalised text, original bytes, encoding).

    Raises `ArticleError` for a missing path, a folder, a binary, empty, HTML or
    oversized file.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, "no file or folder by this name.", "Check the spelling and the folder it is in.")
    if path.is_dir():
        raise ArticleError(path, "this is a folder, not an article file.", "Use load_articles() for a folder.")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(path, size, max_bytes)
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"the file could not be read ({error.strerror or error}).") from error
    check_bytes(raw, path, max_bytes)
    text, encoding = decode(raw, path)
    text = normalise(text)
    check_text(text, path)
    return text, raw, encoding


def _too_large(path: str | Path | None, size: int, max_bytes: int) -> ArticleError:
    return ArticleError(
        path,
        f"the file is {size / 1e6:.1f} MB, more than the {max_bytes / 1e6:.1f} MB limit for one article.",
        "Split it into one file per article, or pass a larger max_bytes if you really need it.",
    )


def _control_share(sample: bytes) -> float:
    """Share of bytes that are control characters other than tab and newlines."""
    if not sample:
        return 0.0
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample)
