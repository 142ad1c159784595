"""The one switch: which pair of articles the whole lesson sequence reads.

Every notebook gets its texts from `lesson_articles()`. By default these are the
two seed articles in ``seeds/``. A teacher points the whole sequence at another
pair of articles in one of two ways (the first one found wins):

1. The environment variable ``WORKBOOK_ARTICLES``: a folder of ``.txt`` files,
   or two files separated by ``os.pathsep`` (``:`` on Linux and macOS, ``;`` on
   Windows). A relative path is read from the folder the notebook runs in::

       WORKBOOK_ARTICLES=/home/teacher/my-articles jupyter lab

2. A small file ``workbook.toml`` in the folder the notebooks run in or any
   folder above it (the top of the repository is the usual place). Paths in it
   are read relative to the file itself::

       [articles]
       folder = "my-articles"            # every .txt file in this folder
       # files = ["my-articles/a.txt", "my-articles/b.txt"]   # or exactly these

A folder may hold an ``articles.toml`` with metadata (label, publisher, ...),
as ``seeds/`` does; see `workbook.articles`. A folder may also hold a
``lesson-pair.toml`` (``files = ["a.txt", "b.html"]``, written by the paste
screen, `workbook.own_articles`): then the lessons read those two files. The lessons compare two texts, so
the first two articles (in file-name order, or in the order of ``files``) are
used; if fewer than two are found, the message says so and names the place.

>>> from workbook.config import lesson_articles, describe_source
>>> [a.id for a in lesson_articles()]                       # doctest: +SKIP
['000_ef82a8ecc3978f70', '003_fc2fcc675d750f9c']
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from workbook.articles import Article, load_article, load_articles, read_metadata, seeds_folder
from workbook.textio import ArticleError, ArticleWarning

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The environment variable that points the lessons at other articles.
ENV_VARIABLE = "WORKBOOK_ARTICLES"
#: The name of the small config file searched for from the working folder upwards.
CONFIG_FILE = "workbook.toml"
#: How many articles the lessons compare.
PAIR = 2
#: A file in an articles folder naming the two texts the lessons read (the paste screen writes it).
PAIR_FILE = "lesson-pair.toml"


@dataclass(frozen=True)
class ArticleSource:
    """Where the lesson articles come from, and why.

    `origin` is ``"environment"``, ``"config file"`` or ``"seeds"``; `setting`
    names the variable or file that chose them; `paths` are the article files
    or the one folder.
    """

    origin: str
    setting: str | None
    paths: tuple[Path, ...] = field(default_factory=tuple)

    @property
    def is_seeds(self) -> bool:
        """True when the lessons use the two seed articles (the default)."""
        return self.origin == "seeds"


def find_config_file(start: str | Path | None = None) -> Path | None:
    """The nearest ``workbook.toml`` in `start` (default: the working folder) or above it."""
    folder = Path(start if start is not None else Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_FILE
        if path.is_file():
            return path
    return None


def _read_config(path: Path) -> ArticleSource:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ArticleError(path, f"this settings file is not valid TOML ({error}).", "Fix the line it names.") from error
    section = data.get("articles")
    if not isinstance(section, dict):
        raise ArticleError(
            path,
            "this settings file has no [articles] section.",
            'Add two lines:  [articles]  and  folder = "name-of-your-folder"',
        )
    base = path.parent
    if "files" in section:
        files = section["files"]
        if not isinstance(files, list) or not all(isinstance(item, str) for item in files) or not files:
            raise ArticleError(path, "'files' must be a list of file names in quotes.", 'Write for example  files = ["a.txt", "b.txt"]')
        return ArticleSource("config file", str(path), tuple(base / Path(item).expanduser() for item in files))
    if "folder" in section:
        folder = section["folder"]
        if not isinstance(folder, str) or not folder.strip():
            raise ArticleError(path, "'folder' must be a folder name in quotes.", 'Write for example  folder = "my-articles"')
        return ArticleSource("config file", str(path), (base / Path(folder).expanduser(),))
    raise ArticleError(path, "the [articles] section names no 'folder' and no 'files'.", 'Add for example  folder = "my-articles"')


def article_source(start: str | Path | None = None) -> ArticleSource:
    """Decide where the lesson articles come from, without reading them.

    ``WORKBOOK_ARTICLES`` wins, then the nearest ``workbook.toml``, then the seeds.
    """
    value = os.environ.get(ENV_VARIABLE, "").strip()
    if value:
        base = Path(start) if start is not None else Path.cwd()
        parts = [part.strip() for part in value.split(os.pathsep) if part.strip()]
        paths = tuple(p if (p := Path(part).expanduser()).is_absolute() else base / p for part in parts)
        return ArticleSource("environment", ENV_VARIABLE, paths)
    config = find_config_file(start)
    if config is not None:
        return _read_config(config)
    return ArticleSource("seeds", None, (seeds_folder(),))


def read_pair(folder: Path) -> list[str] | None:
    """The file names listed in the folder's ``lesson-pair.toml``, or None."""
    path = folder / PAIR_FILE
    if not path.is_file():
        return None
    try:
        files = tomllib.loads(path.read_text(encoding="utf-8")).get("files")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ArticleError(path, f"this file is not valid TOML ({error}).", "Fix it, or delete it to use every file in the folder.") from error
    return [str(item) for item in files] if isinstance(files, list) else None


def _load_pair(folder: Path) -> list[Article]:
    """The files a folder's ``lesson-pair.toml`` lists (written by the paste screen), in its order."""
    names = read_pair(folder)
    if not names:
        return load_articles(folder)
    articles = []
    for name in dict.fromkeys(names):
        file = Path(name) if Path(name).is_absolute() else folder / name
        if not file.is_file():
            raise ArticleError(folder / PAIR_FILE, f"it names {name}, but there is no such file.",
                               "Edit the list of files in it, or delete it to use every file in the folder.")
        articles.append(load_article(file, read_metadata(file.parent).get(file.stem, {})))
    return articles


def _load(source: ArticleSource) -> list[Article]:
    articles: list[Article] = []
    for path in source.paths:
        if not path.exists():
            where = f" (set by {source.setting})" if source.setting else ""
            raise ArticleError(path, f"no file or folder by this name{where}.", "Check the spelling and where it is.")
        if path.is_dir() and (path / PAIR_FILE).is_file():
            articles.extend(_load_pair(path))
        elif path.is_dir():
            articles.extend(load_articles(path))
        else:
            articles.append(load_article(path, read_metadata(path.parent).get(path.stem, {})))
    return articles


def lesson_articles(start: str | Path | None = None) -> list[Article]:
    """The articles every lesson notebook reads: two of them, in a fixed order.

    Raises `ArticleError` (shown in a notebook as one plain line) when the
    setting points at something missing, or at fewer articles than the lessons
    need; warns when more were found than are used.
    """
    source = article_source(start)
    articles = _load(source)
    if len(articles) < PAIR:
        place = source.setting or str(source.paths[0])
        raise ArticleError(
            source.paths[0],
            f"the lessons compare {PAIR} articles, but only {len(articles)} was found (set by {place}).",
            "Put two .txt files in the folder, or list two files.",
        )
    if len(articles) > PAIR:
        warnings.warn(
            f"{len(articles)} articles were found; the lessons use the first {PAIR}: "
            + ", ".join(a.id for a in articles[: PAIR]) + ".",
            ArticleWarning,
            stacklevel=2,
        )
    return articles[: PAIR]


def describe_source(start: str | Path | None = None) -> str:
    """One plain sentence saying which articles the lessons use and what chose them."""
    source = article_source(start)
    where = ", ".join(str(path) for path in source.paths)
    if source.is_seeds:
        return f"The lessons use the two seed articles in {where}."
    return f"The lessons use the articles in {where} (chosen by {source.setting})."


def using_seeds(start: str | Path | None = None) -> bool:
    """True when the lessons read the seed articles (so the seeds' answer keys apply)."""
    return article_source(start).is_seeds
