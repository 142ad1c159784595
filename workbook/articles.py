"""Articles: load text files, find their blocks and sentences, and read their metadata.

>>> from workbook import load_seeds
>>> first, second = load_seeds()
>>> first.author, first.date.isoformat()
('Roy Landersen', '2025-05-12')
>>> first.blocks[["block", "role"]].head(3).values.tolist()
[[0, 'headline'], [1, 'byline'], [2, 'dateline']]

Every table has the columns ``article``, ``block``, ``start``, ``end``, ``text``
and ``role`` (sentences add ``sentence``), and for every row
``article.text[start:end] == text``.

Metadata: a folder may hold ``articles.toml`` with one table per file stem,
giving what the text itself does not state reliably::

    ["000_ef82a8ecc3978f70"]
    publisher = "..."
    language = "en"
    provenance = "..."

Keys ``title``, ``author`` and ``date`` in it override what is detected in the
text; other keys (``publisher``, ``language``, ``provenance``, ``label``) are
kept as they are.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported when a table is asked for, so `import workbook` stays light
    import pandas as pd

from workbook.blocks import Block, byline_name, segment
from workbook.dates import date_before_controls, find_line_date, parse_date, parse_date_line
from workbook.sentences import split_sentences
from workbook.textio import ARTICLE_SUFFIXES, MAX_BYTES, ArticleError, ArticleWarning, normalise

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

METADATA_FILE = "articles.toml"
SPAN_COLUMNS = ["article", "block", "sentence", "start", "end", "text"]
BLOCK_COLUMNS = ["article", "block", "start", "end", "text", "role", "duplicate_of"]
SENTENCE_COLUMNS = ["article", "block", "sentence", "start", "end", "text", "role"]


def _dtypes(columns: list[str]) -> dict[str, Any]:
    """The dtype pandas infers for each column of the article's own tables (`Article.blocks`, `Article.sentences`):
    text as pandas stores strings by itself, offsets and indices as int64, ``duplicate_of`` as Int64."""
    from workbook.spans import default_text_dtype

    text = default_text_dtype()
    numbers = {"block": "int64", "sentence": "int64", "start": "int64", "end": "int64", "duplicate_of": "Int64"}
    return {name: numbers.get(name, text) for name in columns}


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index in the article, its block, and its span."""

    index: int
    block: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, eq=False)
class Article:
    """One article, cleaned and segmented.

    `text` is the normalised text every offset points into; `raw` holds the
    file's original bytes for provenance (a web page's HTML, a Word file), with `path`
    and `format` (``plain``, ``html``, ``markdown``, ``docx``; see `workbook.formats`).
    `hints` are the (start, end, role) spans whose role the file states, and
    `file_metadata` what the file says about itself (a web page's title, author, date,
    site name); `metadata` (from ``articles.toml`` or the caller) wins over both.
    `block_list` and `sentence_list` are plain Python objects; `blocks` and
    `sentences` are the same as DataFrames.
    """

    id: str
    text: str
    raw: bytes = b""
    path: Path | None = None
    encoding: str = "utf-8"
    metadata: dict[str, Any] = field(default_factory=dict)
    format: str = "plain"
    hints: tuple[tuple[int, int, str], ...] = ()
    file_metadata: dict[str, Any] = field(default_factory=dict)

    # ---- segmentation -------------------------------------------------------------

    @cached_property
    def block_list(self) -> list[Block]:
        return segment(self.text, self.hints)

    @cached_property
    def sentence_list(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        for block in self.block_list:
            for start, end, text in split_sentences(block.text, block.start):
                sentences.append(Sentence(len(sentences), block.index, start, end, text))
        return sentences

    @cached_property
    def blocks(self) -> pd.DataFrame:
        """One row per block: article, block, start, end, text, role, duplicate_of."""
        import pandas as pd

        from workbook.spans import direct_frame

        blocks = self.block_list
        if not blocks:
            frame = pd.DataFrame([], columns=BLOCK_COLUMNS)
            frame["duplicate_of"] = frame["duplicate_of"].astype("Int64")
            return frame
        columns = {  # built column by column: the same table as from row tuples, without converting afterwards
            "article": [self.id] * len(blocks),
            "block": [b.index for b in blocks],
            "start": [b.start for b in blocks],
            "end": [b.end for b in blocks],
            "text": [b.text for b in blocks],
            "role": [b.role for b in blocks],
            "duplicate_of": [b.duplicate_of for b in blocks],
        }
        frame = direct_frame(columns, _dtypes(BLOCK_COLUMNS))  # each column straight into its dtype, much faster
        if frame is not None:
            return frame
        columns["duplicate_of"] = pd.array(columns["duplicate_of"], dtype="Int64")
        return pd.DataFrame(columns, columns=BLOCK_COLUMNS)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: article, block, sentence, start, end, text, role."""
        import pandas as pd

        from workbook.spans import direct_frame

        roles = [b.role for b in self.block_list]
        sentences = self.sentence_list
        if not sentences:
            return pd.DataFrame([], columns=SENTENCE_COLUMNS)
        columns = {
            "article": [self.id] * len(sentences),
            "block": [s.block for s in sentences],
            "sentence": [s.index for s in sentences],
            "start": [s.start for s in sentences],
            "end": [s.end for s in sentences],
            "text": [s.text for s in sentences],
            "role": [roles[s.block] for s in sentences],
        }
        frame = direct_frame(columns, _dtypes(SENTENCE_COLUMNS))
        return frame if frame is not None else pd.DataFrame(columns, columns=SENTENCE_COLUMNS)

    def blocks_with_role(self, *roles: str) -> list[Block]:
        """The blocks whose role is one of `roles`, in order."""
        return [block for block in self.block_list if block.role in roles]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentence_list]

    def locate(self, start: int, end: int | None = None) -> tuple[int | None, int | None]:
        """The (block, sentence) indices containing character `start`, or None."""
        from bisect import bisect_right

        starts = self._sentence_starts
        position = bisect_right(starts, start) - 1
        if position >= 0:
            sentence = self.sentence_list[position]
            if sentence.start <= start < max(sentence.end, sentence.start + 1):
                return sentence.block, sentence.index
        for block in self.block_list:
            if block.start <= start < block.end:
                return block.index, None
        return None, None

    # ---- what the article says about itself -----------------------------------------------

    def _first(self, role: str) -> Block | None:
        return next((b for b in self.block_list if b.role == role), None)

    @property
    def title(self) -> str | None:
        """The headline (or the metadata's title)."""
        if "title" in self.metadata:
            return str(self.metadata["title"])
        headline = self._first("headline")
        if headline:
            return headline.text
        return self.file_metadata.get("title")

    @property
    def author(self) -> str | None:
        """The name in the byline (or the metadata's author)."""
        if "author" in self.metadata:
            return str(self.metadata["author"])
        if self.file_metadata.get("author"):
            return str(self.file_metadata["author"])
        byline = self._first("byline")
        return byline_name(byline.text) if byline else None

    @property
    def date(self) -> dt.date | None:
        """The publication date from the first date line (or the metadata's date)."""
        if "date" in self.metadata:
            value = self.metadata["date"]
            return value if isinstance(value, dt.date) else parse_date(str(value))
        if self.file_metadata.get("date"):
            return parse_date(str(self.file_metadata["date"]))
        for block in self.block_list:  # the first date line, or byline run into a date ("By Jane Doe JAN. 13, 2017")
            if block.role == "dateline":
                found = parse_date_line(block.text) or date_before_controls(block.text)
                if found:
                    return found
            elif block.role == "byline":
                in_byline = find_line_date(block.text)
                if in_byline:
                    return in_byline[0]
        return None

    @property
    def publisher(self) -> str | None:
        return self.metadata.get("publisher") or self.file_metadata.get("publisher")

    @property
    def language(self) -> str | None:
        return self.metadata.get("language") or self.file_metadata.get("language")

    @property
    def label(self) -> str:
        """A short name for charts and tables: metadata ``label``, else author and year."""
        if "label" in self.metadata:
            return str(self.metadata["label"])
        parts = [part for part in (self.author, self.date.year if self.date else None) if part]
        return " ".join(map(str, parts)) or self.id

    @cached_property
    def word_count(self) -> int:
        """Words in the headline, standfirst, subheadings and body (counted once: the summary, the
        comparison and the rhetoric density all ask, and an article's blocks never change)."""
        roles = ("headline", "standfirst", "subheading", "body")
        return sum(len(b.text.split()) for b in self.block_list if b.role in roles)

    def __repr__(self) -> str:
        return (
            f"Article(id={self.id!r}, title={self.title!r}, author={self.author!r}, "
            f"date={self.date.isoformat() if self.date else None!r}, "
            f"blocks={len(self.block_list)}, sentences={len(self.sentence_list)})"
        )


# ---- loading --------------------------------------------------------------------------------


def article_from_text(
    text: str, id: str = "pasted", metadata: dict[str, Any] | None = None, max_bytes: int = MAX_BYTES
) -> Article:
    """Build an `Article` from a string (for pasted text and tests).

    The same size limit as for files applies, so a pasted book stops with a
    message instead of keeping the kernel busy for minutes.
    """
    if len(text) > max_bytes or len(text.encode("utf-8", errors="replace")) > max_bytes:
        size = len(text.encode("utf-8", errors="replace"))
        raise ArticleError(
            None,
            f"the text for {id!r} is {size / 1e6:.1f} MB, more than the {max_bytes / 1e6:.1f} MB limit for one article.",
            "Paste one article at a time, or pass a larger max_bytes if you really need it.",
        )
    cleaned = normalise(text)
    if not cleaned.strip():
        raise ArticleError(None, f"the text for {id!r} is empty.", "Paste the article's text and try again.")
    return Article(id=id, text=cleaned, raw=text.encode("utf-8"), metadata=dict(metadata or {}))


def read_metadata(folder: str | Path) -> dict[str, dict[str, Any]]:
    """Read ``articles.toml`` in `folder`, keyed by file stem (empty if absent)."""
    path = Path(folder) / METADATA_FILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ArticleError(path, f"the metadata file is not valid TOML ({error}).", "Fix the line it names.") from error
    return {str(key): dict(value) for key, value in data.items() if isinstance(value, dict)}


def load_article(path: str | Path, metadata: dict[str, Any] | None = None, max_bytes: int | None = None) -> Article:
    """Load one article file: ``.txt``, ``.html``/``.htm``, ``.md`` or ``.docx``.

    Metadata comes from `metadata` if given, else from ``articles.toml`` beside
    the file. `max_bytes` is the largest file read (default: 2 MB for text, more for
    web pages and Word files, see `workbook.formats`). Raises `ArticleError` with a
    plain message on bad input.
    """
    from workbook.formats import read_document

    path = Path(path)
    document = read_document(path, max_bytes=max_bytes)
    if metadata is None:
        metadata = read_metadata(path.parent).get(path.stem, {})
    return Article(
        id=path.stem, text=document.text, raw=document.raw, path=path, encoding=document.encoding,
        metadata=dict(metadata), format=document.format, hints=document.hints,
        file_metadata=dict(document.metadata),
    )


#: Files a folder may hold beside its articles without a word about them.
_QUIET_FILES = {METADATA_FILE}
_QUIET_SUFFIXES = (".toml",)  # question and context files beside the articles


def article_files(folder: str | Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The article files in `folder` (sorted by name), and (file, reason) for every file skipped.

    Hidden files, ``articles.toml`` and other ``.toml`` files (questions, context) are
    passed over without a reason: they are not meant as articles.
    """
    from workbook.formats import unsupported

    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in sorted(Path(folder).iterdir()):
        if path.name.startswith(".") or path.name in _QUIET_FILES or path.suffix.lower() in _QUIET_SUFFIXES:
            continue
        if path.is_dir():
            skipped.append((path, "it is a folder (folders inside the folder are not read)"))
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(path)
        else:
            error = unsupported(path)
            skipped.append((path, f"{error.problem} {error.advice}"))
    return files, skipped


def load_articles(folder: str | Path, max_bytes: int | None = None, limit: int = 2000) -> list[Article]:
    """Load every article file (``.txt``, ``.html``, ``.htm``, ``.md``, ``.docx``) in `folder`, sorted by name.

    Every other file is skipped with an `ArticleWarning` that names it and says why.
    `limit` caps how many files are read, so that a wrong folder (a whole disk)
    stops with a message instead of running for minutes.
    """
    import warnings

    folder = Path(folder)
    if not folder.exists():
        raise ArticleError(folder, "no folder by this name.", "Check the spelling and where it is.")
    if not folder.is_dir():
        return [load_article(folder, max_bytes=max_bytes)]
    files, skipped = article_files(folder)
    for path, reason in skipped:
        warnings.warn(f"{path}: skipped: {reason}", ArticleWarning, stacklevel=2)
    if not files:
        raise ArticleError(
            folder,
            "this folder has no article files.",
            "Put each article in its own file ending in .txt, .html, .md or .docx, one article per file.",
        )
    if len(files) > limit:
        raise ArticleError(
            folder,
            f"this folder has {len(files)} article files, more than the limit of {limit}.",
            "Load a smaller folder, or pass a larger limit.",
        )
    metadata = read_metadata(folder)
    return [load_article(p, metadata.get(p.stem, {}), max_bytes=max_bytes) for p in files]


def seeds_folder() -> Path:
    """The folder holding the two seed articles.

    ``WORKBOOK_SEEDS`` (an environment variable) wins; otherwise ``seeds/`` at the
    top of the repository.
    """
    override = os.environ.get("WORKBOOK_SEEDS")
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parent.parent / "seeds"


def load_seeds() -> list[Article]:
    """The two seed articles, with their metadata, in file-name order."""
    return load_articles(seeds_folder())
