"""Score reading real web pages: saved HTML and a careless select-all paste.

Usage::

    python -m bench.webpages [PATH] [--pages]

PATH is the ``webpages-dev`` folder, or the ``benchmarks`` folder that holds it;
by default ``../shared/benchmarks/webpages-dev`` next to the repository. The data
is read in place, never copied into the repository; when it is absent the
command says so and exits cleanly. ``--pages`` also prints one line per page.

Rows, each over the same pages:

* **HTML import**: ``source.html`` read by `workbook.load_article` (trafilatura inside);
* **paste**: ``pasted.txt`` read by `workbook.load_article` (segmentation only);
* peers on the same HTML: **readability-lxml** and **jusText** (each gives the main
  text; its paragraphs are the body, its title is the title; neither gives an
  author or a date), and trafilatura called bare (its own text, no workbook blocks),
  so the workbook's own additions can be told apart from the library's.

Metrics, as ``benchmarks/README.md`` defines them:

* title right: the found title and the expected one contain each other, with the
  shorter at least 60 % of the longer, after lower-casing and keeping only letters
  and digits;
* author right (pages whose metadata has a byline): every word of the byline
  (runs of letters, lower-cased, a leading "by" dropped) is a word of the found author;
* date right (pages whose metadata has ``publishedTime``): the same day;
* body recall: the share of expected paragraphs of 8 or more words whose word
  3-grams (at least 80 % of them) are in the body blocks;
* body precision: the share of body-block characters in blocks whose 3-grams are
  mostly (50 % or more) in the expected text.

"Body blocks" are the blocks with role ``body`` (a block with fewer than three words
has no 3-grams: it counts as inside the expected text when its words are).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "benchmarks" / "webpages-dev"
AIMS = {
    "HTML import": {"title": 0.95, "author": 0.80, "date": 0.90, "recall": 0.90, "precision": 0.90},
    "paste": {"title": 0.80, "author": 0.60, "date": 0.70, "recall": 0.90, "precision": 0.85},
}
_WORD = re.compile(r"\w+", re.UNICODE)


def _folder(argument: str | None) -> Path:
    path = Path(argument) if argument else DEFAULT
    if (path / "webpages-dev").is_dir():
        path = path / "webpages-dev"
    return path


# ---- the metrics --------------------------------------------------------------------------------------


def _letters_digits(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def title_right(found: str | None, expected: str) -> bool:
    a, b = _letters_digits(found or ""), _letters_digits(expected)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= 0.6 * len(long)


def author_right(found: str | None, byline: str) -> bool:
    wanted = re.findall(r"[^\W\d_]+", byline.lower())
    if wanted[:1] == ["by"]:
        wanted = wanted[1:]
    have = set(re.findall(r"[^\W\d_]+", (found or "").lower()))
    return bool(wanted) and all(word in have for word in wanted)


def date_right(found: dt.date | None, published: str) -> bool:
    return found is not None and found.isoformat() == published[:10]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _trigrams(words: list[str]) -> set[tuple[str, str, str]]:
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}  # type: ignore[misc]


def expected_paragraphs(expected: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", expected) if len(p.split()) >= 8]


def body_recall(body: list[str], expected: str) -> tuple[int, int]:
    """(paragraphs found, paragraphs expected)."""
    have = set().union(*(_trigrams(_words(text)) for text in body)) if body else set()
    paragraphs = expected_paragraphs(expected)
    found = 0
    for paragraph in paragraphs:
        grams = _trigrams(_words(paragraph))
        if grams and len(grams & have) >= 0.8 * len(grams):
            found += 1
    return found, len(paragraphs)


def body_precision(body: list[str], expected: str) -> tuple[int, int]:
    """(characters in blocks that belong to the article, characters in body blocks)."""
    words = _words(expected)
    grams, vocabulary = _trigrams(words), set(words)
    good = total = 0
    for text in body:
        own = _words(text)
        total += len(text)
        mine = _trigrams(own)
        if mine:
            belongs = len(mine & grams) >= 0.5 * len(mine)
        else:
            belongs = bool(own) and all(word in vocabulary for word in own)
        good += len(text) if belongs else 0
    return good, total


# ---- what each reader gives ----------------------------------------------------------------------------


@dataclass
class Reading:
    """What one reader found on one page."""

    title: str | None = None
    author: str | None = None
    date: dt.date | None = None
    body: list[str] = field(default_factory=list)
    error: str = ""


def _from_article(article) -> Reading:
    return Reading(article.title, article.author, article.date,
                   [b.text for b in article.block_list if b.role == "body"])


def read_html(page: Path) -> Reading:
    from workbook import ArticleError, load_article

    try:
        return _from_article(load_article(page / "source.html", metadata={}))
    except ArticleError as error:
        return Reading(error=str(error))


def read_paste(page: Path) -> Reading:
    from workbook import ArticleError, load_article

    try:
        return _from_article(load_article(page / "pasted.txt", metadata={}))
    except ArticleError as error:
        return Reading(error=str(error))


def read_readability(page: Path) -> Reading:
    from lxml import html as lxml_html
    from readability import Document

    document = Document(page.joinpath("source.html").read_text(encoding="utf-8", errors="replace"))
    tree = lxml_html.fromstring(document.summary(html_partial=True))
    paragraphs = [" ".join(node.text_content().split()) for node in tree.iter("p", "li", "h2", "h3", "blockquote")]
    return Reading(document.short_title() or document.title(), None, None, [p for p in paragraphs if p])


def read_justext(page: Path) -> Reading:
    import justext

    raw = page.joinpath("source.html").read_bytes()
    paragraphs = justext.justext(raw, justext.get_stoplist("English"))
    body = [p.text for p in paragraphs if not p.is_boilerplate and not p.is_heading]
    title = next((p.text for p in paragraphs if p.is_heading and not p.is_boilerplate), None)
    return Reading(title, None, None, body)


def read_trafilatura_bare(page: Path) -> Reading:
    import trafilatura

    raw = page.joinpath("source.html").read_text(encoding="utf-8", errors="replace")
    document = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if document is None:
        return Reading(error="nothing extracted")
    text = document.text or ""
    day = None
    if document.date:
        try:
            day = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            day = None
    return Reading(document.title, document.author, day, [p for p in text.split("\n") if p.strip()])


READERS: dict[str, Callable[[Path], Reading]] = {
    "HTML import": read_html,
    "paste": read_paste,
    "trafilatura alone (peer)": read_trafilatura_bare,
    "readability-lxml (peer)": read_readability,
    "jusText (peer)": read_justext,
}


# ---- scoring ---------------------------------------------------------------------------------------------


@dataclass
class Score:
    title: list[bool] = field(default_factory=list)
    author: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    recall: list[int] = field(default_factory=lambda: [0, 0])
    precision: list[int] = field(default_factory=lambda: [0, 0])
    errors: int = 0
    missing: str = ""

    def value(self, metric: str) -> float | None:
        if metric in ("recall", "precision"):
            part, whole = getattr(self, metric)
            return part / whole if whole else None
        items = getattr(self, metric)
        return sum(items) / len(items) if items else None


def score_page(page: Path, reading: Reading, score: Score) -> dict[str, object]:
    metadata = json.loads(page.joinpath("expected-metadata.json").read_text(encoding="utf-8"))
    expected = page.joinpath("expected.txt").read_text(encoding="utf-8")
    line: dict[str, object] = {"page": page.name}
    if reading.error:
        score.errors += 1
        line["error"] = reading.error[:100]
    score.title.append(title_right(reading.title, metadata["title"]))
    line["title"] = reading.title
    if metadata.get("byline"):
        score.author.append(author_right(reading.author, metadata["byline"]))
        line["author"] = reading.author
    if metadata.get("publishedTime"):
        score.date.append(date_right(reading.date, metadata["publishedTime"]))
        line["date"] = reading.date.isoformat() if reading.date else None
    found, wanted = body_recall(reading.body, expected)
    good, total = body_precision(reading.body, expected)
    score.recall[0] += found
    score.recall[1] += wanted
    score.precision[0] += good
    score.precision[1] += total
    line["recall"] = f"{found}/{wanted}"
    line["precision"] = f"{good / total:.2f}" if total else "-"
    return line


def run(folder: Path, readers: dict[str, Callable[[Path], Reading]] = READERS, pages: bool = False) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    page_folders = sorted(p for p in folder.iterdir() if (p / "expected.txt").is_file())
    for name, reader in readers.items():
        score = scores.setdefault(name, Score())
        for page in page_folders:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    reading = reader(page)
                except ImportError as error:
                    score.missing = f"not installed ({error.name}; pip install it on its own)"
                    break
            line = score_page(page, reading, score)
            if pages:
                print(f"  {name:28} {json.dumps(line, ensure_ascii=False)}")
    return scores


def table(scores: dict[str, Score], count: int) -> str:
    metrics = ("title", "author", "date", "recall", "precision")
    rows = [f"Web pages ({count} pages in webpages-dev)", "",
            "| reader | " + " | ".join(metrics) + " | failed pages |", "|---" * (len(metrics) + 2) + "|"]
    for name, score in scores.items():
        if score.missing:
            rows.append(f"| {name} | {score.missing} |" + " |" * len(metrics))
            continue
        cells = []
        for metric in metrics:
            value = score.value(metric)
            aim = AIMS.get(name, {}).get(metric)
            text = "-" if value is None else f"{value:.2f}"
            if aim is not None and value is not None:
                text += f" ({'met' if value >= aim else 'aim'} {aim:.2f})"
            cells.append(text)
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {score.errors} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.webpages", description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", help="the webpages-dev folder (default: ../shared/benchmarks/webpages-dev)")
    parser.add_argument("--pages", action="store_true", help="also print one line per page and reader")
    arguments = parser.parse_args(argv)
    folder = _folder(arguments.path)
    if not folder.is_dir():
        print(f"bench.webpages: no web-page benchmark at {folder}; skipped (see ../shared/benchmarks/README.md).")
        return 0
    count = sum(1 for p in folder.iterdir() if (p / "expected.txt").is_file())
    scores = run(folder, pages=arguments.pages)
    print(table(scores, count))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
