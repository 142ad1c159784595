"""Check an article file the way a helpful colleague would: say what was found, and what to fix.

>>> from workbook import load_seeds
>>> report = check_article(load_seeds()[0])
>>> report.ok, report.seen[1]
(True, 'title:     Working people in Ukraine: ‘We fight for sovereignty over all our country’')

`check_file(path)` reads one file and never raises for a bad one: the problem becomes
the report's `error` (with ``ok`` False). `check_article(article)` checks an article
already loaded (a pasted text, for example). Each report has:

* `seen`: what was found (title, author, date and the line they came from, the blocks);
* `advice`: plain-English lines, each about something it saw ("line 3 ('Updated 17/06')
  looks like a date but I could not read it: write it as 17 June 2025").

The command ``workbook check`` prints these reports; the paste screen shows them.
"""

from __future__ import annotations

import re
import statistics
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from workbook.articles import Article, load_article
from workbook.blocks import Block, is_boilerplate
from workbook.dates import find_line_date, long_date, looks_like_date
from workbook.plainwords import how_many
from workbook.textio import ArticleError, ArticleWarning

#: Fewer words than this and the text is probably not the whole article.
SHORT_WORDS = 150
#: More words than this and the text is probably more than one article (or a whole page).
LONG_WORDS = 6000
#: Words a section or menu name has at most (a headline has more).
MENU_WORDS = 3
FORMAT_NAMES = {"plain": "plain text", "html": "web page (HTML)", "markdown": "Markdown", "docx": "Word document"}


@dataclass
class Advice:
    """One piece of advice: ``level`` is ``problem`` (fix it), ``warning`` (look at it) or ``note``."""

    level: str
    text: str
    line: int | None = None

    def __str__(self) -> str:
        return self.text


@dataclass
class CheckReport:
    """What `check_file` or `check_article` found about one article."""

    name: str
    ok: bool = True
    error: str | None = None
    article: Article | None = None
    seen: list[str] = field(default_factory=list)
    advice: list[Advice] = field(default_factory=list)

    @property
    def looks_fine(self) -> bool:
        return self.ok and not any(a.level in ("problem", "warning") for a in self.advice)

    def lines(self) -> list[str]:
        """The report as plain lines: the name, what was seen, then the advice."""
        if not self.ok:
            return [f"{self.name}: {self.error}"]
        out = [self.name] + [f"  {line}" for line in self.seen[1:]]
        if not self.advice:
            return out + ["  looks fine."]
        return out + ["  check:"] + [f"   - {a.text}" for a in self.advice]

    def __str__(self) -> str:
        return "\n".join(self.lines())


def check_file(path: str | Path) -> CheckReport:
    """Read one article file and check it; a file that cannot be read gives a report with ``ok`` False."""
    path = Path(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ArticleWarning)
        try:
            article = load_article(path)
        except ArticleError as error:
            return CheckReport(name=str(path), ok=False, error=str(error).removeprefix(f"{path}: "))
    report = check_article(article)
    for warning in caught:
        if issubclass(warning.category, ArticleWarning):
            message = str(warning.message).removeprefix(f"{path}: ")
            report.advice.insert(0, Advice("warning", message))
    return report


def _line_number(article: Article, block: Block) -> int:
    return article.text.count("\n", 0, block.start) + 1


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hard_wrap_width(text: str) -> int | None:
    """The width at which `text` looks hard-wrapped (most lines broken near one length), or None."""
    lines = [line.rstrip() for line in text.split("\n")]
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 8:
        return None
    # hard wrapping means paragraphs of several lines, not one line per paragraph
    runs, current = [], 0
    for line in lines:
        if line.strip():
            current += 1
        elif current:
            runs.append(current)
            current = 0
    if current:
        runs.append(current)
    if statistics.median(runs) < 3 and max(runs) < 6:
        return None
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    if not 40 <= width <= 100:
        return None
    near = sum(1 for length in lengths if width - 15 <= length <= width + 2)
    return width if near >= 0.6 * len(lengths) else None


def _looks_like_menu(title: str) -> bool:
    words = title.split()
    return len(words) <= MENU_WORDS or is_boilerplate(title)


def check_article(article: Article) -> CheckReport:
    """Say in plain words what was found in `article`, and give advice about what looks wrong."""
    name = str(article.path) if article.path else article.id
    roles = Counter(block.role for block in article.block_list)
    report = CheckReport(name=name, article=article)
    headline = next((b for b in article.block_list if b.role == "headline"), None)
    dateline = next((b for b in article.block_list if b.role == "dateline"), None)
    date_text = article.date.isoformat() if article.date else "(none found)"
    if article.date and dateline and article.format == "plain" and "date" not in article.metadata:
        date_text += f" (from line {_line_number(article, dateline)}, '{_quote(dateline.text)}')"
    report.seen = [
        name,
        f"title:     {article.title or '(none found)'}",
        f"author:    {article.author or '(none found)'}",
        f"date:      {date_text}",
        f"read as:   {FORMAT_NAMES.get(article.format, article.format)}, encoding {article.encoding}",
        "blocks:    " + ", ".join(f"{count} {role}" for role, count in roles.items()),
        f"sentences: {len(article.sentence_list)}; words in the article itself: {article.word_count}",
    ]
    advice = report.advice

    sentences = [b for b in article.block_list if b.role in ("body", "standfirst", "subheading") and len(b.text.split()) >= 6]
    menu_like = all(len(b.text.split()) <= 4 or b.role == "boilerplate" for b in article.block_list)
    if not sentences and article.block_list and menu_like and roles.get("boilerplate", 0):
        report.ok = False
        report.error = (
            "no article text found: every line looks like part of the web page around an article "
            f"(menus, share lines, links; for example '{_quote(next(b.text for b in article.block_list if b.role == 'boilerplate'), 40)}'). "
            "Copy the article itself: select from the headline to its last paragraph, not the whole page."
        )
        return report

    if article.title is None:
        advice.append(Advice("problem", "No headline found: put the headline alone on the first line, then a blank line."))
    elif "title" not in article.metadata and _looks_like_menu(article.title):
        line = f"line {_line_number(article, headline)} " if headline and article.format == "plain" else ""
        advice.append(Advice(
            "warning",
            f"The title I found, {line}('{_quote(article.title)}'), looks like a menu or section name from a web page, "
            "not a headline: delete the lines above the headline, or give the title in articles.toml.",
            _line_number(article, headline) if headline else None,
        ))
    if article.author is None:
        advice.append(Advice("problem", 'No byline found: add a line such as "By Jane Doe" under the headline (or an author in articles.toml).'))
    if article.date is None:
        unreadable = [b for b in article.block_list[:40] if b.role not in ("dateline",) and looks_like_date(b.text)]
        if unreadable:
            block = unreadable[0]
            inside = find_line_date(block.text)
            example = long_date(inside[0]) if inside else "17 June 2025"
            advice.append(Advice(
                "problem",
                f"line {_line_number(article, block)} ('{_quote(block.text)}') looks like a date but I could not read it: "
                f"write it as {example}, on a line of its own.",
                _line_number(article, block),
            ))
        else:
            advice.append(Advice("problem", 'No date found: add a line such as "12 May 2025" under the byline (or a date in articles.toml).'))

    body = roles.get("body", 0)
    if body == 0:
        advice.append(Advice("problem", "No body paragraphs found: separate paragraphs with a blank line."))
    elif body == 1 and article.word_count > 300:
        advice.append(Advice("warning", "The whole text is one paragraph: put a blank line between paragraphs so lessons can point to them."))
    if article.format == "plain":
        width = hard_wrap_width(article.text)
        if width:
            advice.append(Advice(
                "warning",
                f"The text is hard-wrapped (its lines are broken at about {width} characters): I joined the lines of each "
                "paragraph; check the paragraphs in the reading view, or save the text with one line per paragraph.",
            ))
    duplicates = [b for b in article.block_list if b.duplicate_of is not None]
    if duplicates:
        advice.append(Advice("note", f"{how_many(len(duplicates), 'block')} {'repeats' if len(duplicates) == 1 else 'repeat'} an earlier block word for word (often a photo caption); " + ("it is marked as a duplicate." if len(duplicates) == 1 else "they are marked as duplicates.")))
    clutter = roles.get("boilerplate", 0)
    if clutter:
        first = next(b for b in article.block_list if b.role == "boilerplate")
        advice.append(Advice(
            "note",
            f"{how_many(clutter, 'line')} {'looks' if clutter == 1 else 'look'} like the web page around the article (menus, share and follow lines, "
            f"advertising; the first is '{_quote(first.text, 40)}'); they are left out of the analysis.",
        ))
    captions = roles.get("caption", 0) + roles.get("credit", 0)
    if captions:
        advice.append(Advice("note", f"{how_many(captions, 'photo caption or credit line')} found; " + ("it is" if captions == 1 else "they are") + " not counted as the article's words."))
    if 0 < article.word_count < SHORT_WORDS:
        advice.append(Advice("warning", f"Only {article.word_count} words: is the whole article there?"))
    elif article.word_count > LONG_WORDS:
        advice.append(Advice(
            "warning",
            f"{article.word_count:,} words: that is longer than most articles (lessons work best with 500 to 3,000). "
            "Is this one article, or a whole page or several articles?",
        ))
    return report
