"""Save a pasted or uploaded article into the articles folder and make it one of the lessons' pair.

This is the part of the paste screen (`workbook.widgets.paste`) that touches files;
it has no widgets, so it can be tested and used from Python::

    from workbook.own_articles import save_article
    result = save_article(text=pasted, title="...", author="...", date="12 May 2025", slot=0)
    result.path, result.report.lines()

What happens, in this order:

1. A **draft copy** of what was pasted (and the title, author and date typed) is
   written first, to ``drafts/`` in the answers folder (``WORKBOOK_ANSWERS_DIR``,
   else ``~/workbook-answers``), so nothing is lost whatever happens next.
2. The text is read and **checked** (`workbook.checking`). An empty paste, a paste
   with no article in it (only menu lines, say) or a file that cannot be read stops
   here with a plain message; nothing else is written.
3. The article is **saved** as a new file in the **articles folder** (never over an
   existing file): the folder ``WORKBOOK_ARTICLES`` or ``workbook.toml`` names, or
   else ``my-articles/`` beside the notebooks. Title, author and date typed in the
   fields go to ``articles.toml`` in that folder (they win over what is found in the text).
4. It becomes **text 1 or text 2 of the pair**: ``lesson-pair.toml`` in the folder lists
   the two files the lessons read (see `workbook.config`); when the lessons read the
   seed texts, a ``workbook.toml`` beside the notebooks points them at the folder.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.articles import Article, article_from_text, load_article, read_metadata
from workbook.plainwords import how_many
from workbook.textio import ArticleError

#: The folder made beside the notebooks when the lessons read the seed texts.
OWN_FOLDER = "my-articles"
from workbook.config import PAIR_FILE  # the file naming the lessons' two texts (read by `workbook.config`)
#: File endings an upload may have.
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".md", ".docx")
#: Fewer words than this in the article's own text, and there is no article in it.
MIN_WORDS = 25


@dataclass
class SaveResult:
    """What `save_article` did: the file written, the article, the check report and the pair now used."""

    path: Path
    article: Article
    report: Any
    pair: list[Path]
    draft: Path | None = None
    notes: list[str] = field(default_factory=list)


def _toml_string(text: str) -> str:
    from workbook.question_draft import toml_string

    return toml_string(text)


def drafts_folder() -> Path:
    """Where draft copies of pasted texts are kept: ``drafts/`` in the answers folder."""
    from workbook.answers import answers_dir

    return Path(answers_dir()) / "drafts"


def save_draft(text: str, title: str = "", author: str = "", date: str = "", name: str | None = None) -> Path | None:
    """Keep a copy of what was pasted or typed, before anything can go wrong; None if it could not be written."""
    if not (text or "").strip() and not any(part.strip() for part in (title, author, date)):
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        folder = drafts_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"pasted-{stamp}.txt"
        head = [f"{label}: {value}" for label, value in (("Title", title), ("Author", author), ("Date", date), ("File", name)) if value]
        path.write_text("\n".join(head + ["", text or ""]), encoding="utf-8")
        return path
    except OSError:
        return None


def slug(text: str, fallback: str = "pasted-article") -> str:
    """A safe file name from a title: lower-case letters, digits and dashes, at most 60 characters.

    >>> slug("Prevent the partition & plunder of Ukraine!")
    'prevent-the-partition-plunder-of-ukraine'
    >>> slug("../../etc/passwd"), slug("")
    ('etc-passwd', 'pasted-article')
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return (text[:60].rstrip("-")) or fallback


def _free_path(folder: Path, stem: str, suffix: str) -> Path:
    path = folder / f"{stem}{suffix}"
    number = 2
    while path.exists() or any(folder.glob(f"{path.stem}.*")):
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


def _same_file(folder: Path, suffix: str, data: bytes) -> Path | None:
    """A file in `folder` with exactly these bytes (the same article saved twice), or None."""
    for path in sorted(folder.glob(f"*{suffix}")):
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return path
    return None


def articles_folder(start: str | Path | None = None) -> tuple[Path, bool]:
    """The folder new articles go to, and whether a ``workbook.toml`` must point the lessons at it.

    The folder ``WORKBOOK_ARTICLES`` or ``workbook.toml`` names; else ``my-articles``
    in the working folder (the lessons then need a ``workbook.toml``).
    """
    from workbook.config import article_source

    source = article_source(start)
    if not source.is_seeds and len(source.paths) == 1 and source.paths[0].is_dir():
        return source.paths[0], False
    if not source.is_seeds:
        setting = source.setting or "the settings"
        raise ArticleError(
            source.paths[0],
            f"the lessons read exactly the files listed in {setting}, so a new article cannot join the pair.",
            "Ask your teacher to name a folder instead (WORKBOOK_ARTICLES=folder, or folder = \"...\" in workbook.toml).",
        )
    base = Path(start) if start is not None else Path.cwd()
    return base / OWN_FOLDER, True


def _write_pair(folder: Path, files: list[Path]) -> None:
    names = []
    for path in files:
        try:
            names.append(str(path.resolve().relative_to(folder.resolve())))
        except ValueError:
            names.append(str(path.resolve()))
    lines = [
        "# The two texts the lessons read, in order (text 1, text 2). Written by the paste screen;",
        "# edit it to choose another pair from this folder. Paths are relative to this folder.",
        "files = [" + ", ".join(_toml_string(name) for name in names) + "]",
    ]
    (folder / PAIR_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _append_metadata(folder: Path, stem: str, fields: dict[str, str]) -> None:
    if not fields:
        return
    path = folder / "articles.toml"
    read_metadata(folder)  # a broken file stops here, with a message, before anything is added to it
    lines = ["", f"[{_toml_string(stem)}]  # added by the paste screen"]
    lines += [f"{key} = {_toml_string(value)}" for key, value in fields.items()]
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def _fields(title: str, author: str, date: str) -> tuple[dict[str, str], list[str]]:
    from workbook.dates import parse_date

    fields: dict[str, str] = {}
    notes: list[str] = []
    if title.strip():
        fields["title"] = " ".join(title.split())
    if author.strip():
        fields["author"] = " ".join(author.split())
    if date.strip():
        parsed = parse_date(date.strip())
        if parsed is None:
            notes.append(f"I could not read the date '{date.strip()}', so it was not saved: write it as 12 May 2025.")
        else:
            fields["date"] = parsed.isoformat()
    return fields, notes


def _no_article(article: Article) -> str | None:
    body = [b for b in article.block_list if b.role == "body"]
    words = sum(len(b.text.split()) for b in body)
    if words >= MIN_WORDS:
        return None
    left_out = sum(1 for b in article.block_list if b.role == "boilerplate")
    menus = f" {how_many(left_out, 'line')} {'looks' if left_out == 1 else 'look'} like a web page's menus and buttons." if left_out else ""
    return (
        f"I found no article in this: only {how_many(words, 'word')} of body text.{menus} "
        "Copy the article's own text (the headline and the paragraphs) and paste it again."
    )


def save_article(
    text: str | None = None,
    upload: tuple[str, bytes] | None = None,
    title: str = "",
    author: str = "",
    date: str = "",
    slot: int = 0,
    start: str | Path | None = None,
) -> SaveResult:
    """Save a pasted `text` or an `upload` (file name, bytes) and make it text ``slot + 1`` of the pair.

    Raises `ArticleError` with a plain message (the draft copy is kept, nothing else written)
    when there is nothing to save, the file cannot be read, or it holds no article.
    """
    from workbook.checking import check_article
    from workbook.config import lesson_articles

    if slot not in (0, 1):
        raise ValueError("slot is 0 (text 1) or 1 (text 2)")
    draft = save_draft(text or "", title, author, date, upload[0] if upload else None)
    fields, notes = _fields(title, author, date)
    if upload is not None:
        name, content = upload
        suffix = Path(name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise ArticleError(Path(name), f"files ending in {suffix or '(nothing)'} cannot be read here.",
                               "Upload a .txt, .html, .md or .docx file, or paste the text into the box.")
        if not content:
            raise ArticleError(Path(name), "this file is empty.", "Choose the file again, or paste the text into the box.")
        stem_source = fields.get("title") or Path(name).stem
    else:
        if not (text or "").strip():
            raise ArticleError(None, "the box is empty: there is nothing to save.", "Paste the article's text into the box, then press the button again.")
        suffix, content = ".txt", None
        first_line = next((line for line in (text or "").splitlines() if line.strip()), "")
        stem_source = fields.get("title") or first_line

    folder, needs_config = articles_folder(start)
    # Read and check the article before anything is written to the articles folder.
    if upload is not None:
        import tempfile

        with tempfile.TemporaryDirectory() as scratch:
            probe = Path(scratch) / f"{slug(Path(upload[0]).stem)}{suffix}"
            probe.write_bytes(content)  # type: ignore[arg-type]
            article = load_article(probe, dict(fields))
            article.block_list  # noqa: B018 - segment now, while the file is there
    else:
        article = article_from_text(text or "", id=slug(stem_source), metadata=dict(fields))
    problem = _no_article(article)
    if problem:
        raise ArticleError(Path(upload[0]) if upload else None, problem, "")

    data = content if upload is not None else (text or "").encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        same = _same_file(folder, suffix, data)  # type: ignore[arg-type]
        if same is not None:
            path = same
            notes.append(f"This text was already saved as {same.name}; no second copy was made.")
        else:
            path = _free_path(folder, slug(stem_source), suffix)
            path.write_bytes(data)  # type: ignore[arg-type]
            _append_metadata(folder, path.stem, fields)
    except OSError as error:
        raise ArticleError(folder, f"the article could not be saved here ({error.strerror or error}).",
                           "Ask your teacher for a folder you can write to. Your text is still in the box.") from error

    saved = load_article(path)
    report = check_article(saved)

    # The pair: the current two texts, with the new one in `slot`.
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "more articles than the lessons use": the pair file settles it below
            current = [a.path for a in lesson_articles(start) if a.path is not None]
    except ArticleError:
        current = []
    pair = [p for p in current if p is not None][:2]
    while len(pair) < 2:
        pair.append(path)
    pair[slot] = path
    if pair[0] == pair[1]:
        others = sorted(p for p in folder.iterdir() if p.suffix.lower() in UPLOAD_SUFFIXES and p != path)
        if others:
            pair[1 - slot] = others[0]
        else:
            notes.append("This is the only article in the folder so far: add a second one to compare.")
    _write_pair(folder, pair)
    if needs_config:
        base = Path(start) if start is not None else Path.cwd()
        config = base / "workbook.toml"
        if not config.exists():
            config.write_text(
                "# Written by the paste screen: the lessons read the articles in this folder.\n"
                f"[articles]\nfolder = {_toml_string(OWN_FOLDER)}\n",
                encoding="utf-8",
            )
    return SaveResult(path=path, article=saved, report=report, pair=pair, draft=draft, notes=notes)
