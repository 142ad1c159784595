"""The ``workbook`` command line.

    workbook extract PATH... [--format json|csv] [--output FILE]
    workbook check PATH...
    workbook compare [PATH...] [--csv FILE]
    workbook handout [PATH...] [--output FILE]
    workbook collect FOLDER_OR_FILES... [--output FILE]

Problems with input files are reported as one line on standard error, with
exit status 2; nothing prints a Python traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from workbook.articles import Article, load_article, load_articles
from workbook.textio import ArticleError, ArticleWarning

EXIT_BAD_INPUT = 2


def _load_all(paths: Sequence[str]) -> list[Article]:
    articles: list[Article] = []
    for name in paths:
        path = Path(name)
        articles.extend(load_articles(path) if path.is_dir() else [load_article(path)])
    return articles


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _one_at_a_time(articles: list[Article]) -> Iterator[Article]:
    """Hand out `articles` in order, letting go of each (and so of its analysis) once the next is asked for."""
    articles.reverse()
    while articles:
        yield articles.pop()


def cmd_extract(args: argparse.Namespace) -> int:
    from workbook import export

    articles = _load_all(args.paths)  # every file is read and checked before anything is written
    count = len(articles)
    if args.format == "csv":
        _write(export.to_frame(articles).to_csv(index=False), args.output)
    elif args.output:
        target = Path(args.output)
        # written beside the target and moved into place at the end: a run that stops half-way
        # leaves the old file as it was, never half a document
        handle, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent or None)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                export.write_json(_one_at_a_time(articles), out)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(partial, 0o666 & ~umask)  # as a plain open() would have made it
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    else:
        export.write_json(_one_at_a_time(articles), sys.stdout)
    if args.output:
        print(f"Wrote {count} article(s) to {args.output}", file=sys.stderr)
    return 0


def describe(article: Article) -> list[str]:
    """Plain-English lines telling a teacher what was found in one article, and what looks wrong."""
    roles = Counter(block.role for block in article.block_list)
    lines = [
        f"{article.path or article.id}",
        f"  title:     {article.title or '(none found)'}",
        f"  author:    {article.author or '(none found)'}",
        f"  date:      {article.date.isoformat() if article.date else '(none found)'}",
        f"  encoding:  {article.encoding}",
        f"  blocks:    " + ", ".join(f"{count} {role}" for role, count in roles.items()),
        f"  sentences: {len(article.sentence_list)}; words in the article itself: {article.word_count}",
    ]
    problems = []
    if article.title is None:
        problems.append("No headline found: put the headline alone on the first line, then a blank line.")
    if article.author is None:
        problems.append('No byline found: add a line such as "By Jane Doe" under the headline (or an author in articles.toml).')
    if article.date is None:
        problems.append('No date found: add a line such as "May 12, 2025" under the byline (or a date in articles.toml).')
    if roles.get("body", 0) == 0:
        problems.append("No body paragraphs found: separate paragraphs with a blank line.")
    elif roles.get("body", 0) == 1 and article.word_count > 300:
        problems.append("The whole text is one paragraph: put a blank line between paragraphs so lessons can point to them.")
    duplicates = [b for b in article.block_list if b.duplicate_of is not None]
    if duplicates:
        problems.append(f"{len(duplicates)} block(s) repeat an earlier block word for word (often a photo caption); they are marked as duplicates.")
    if article.word_count < 100:
        problems.append(f"Only {article.word_count} words: is the whole article there?")
    lines += ["  looks fine." if not problems else "  check:"] + [f"   - {p}" for p in problems]
    return lines


def cmd_check(args: argparse.Namespace) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ArticleWarning)
        articles = _load_all(args.paths)
    for warning in caught:
        print(f"warning: {warning.message}")
    for article in articles:
        print("\n".join(describe(article)))
    return 0


def _lesson_or_given(paths: Sequence[str]) -> list[Article]:
    """The articles named on the command line, or else the lessons' pair (see workbook.config)."""
    if paths:
        return _load_all(paths)
    from workbook.config import lesson_articles

    return lesson_articles()


def cmd_compare(args: argparse.Namespace) -> int:
    from workbook import compare

    table = compare.compare(_lesson_or_given(args.paths))
    print(table.to_string())
    if args.csv:
        print(f"Wrote {compare.to_csv(table, args.csv)}", file=sys.stderr)
    return 0


def cmd_handout(args: argparse.Namespace) -> int:
    from workbook.handout import write_handout

    path = write_handout(args.output, _lesson_or_given(args.paths))
    print(f"Wrote the handout to {path}; open it in a browser and print it.", file=sys.stderr)
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    from workbook.answers import collect_command

    return collect_command(args.paths, args.output)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbook", description="Media Literacy Workbook tools.")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="write the analysis of each article as JSON or CSV")
    extract.add_argument("paths", nargs="+", help="article files (.txt) or folders of them")
    extract.add_argument("--format", choices=("json", "csv"), default="json")
    extract.add_argument("--output", "-o", help="file to write (default: standard output)")
    extract.set_defaults(run=cmd_extract)

    check = commands.add_parser("check", help="say in plain words what was found in article files")
    check.add_argument("paths", nargs="+", help="article files (.txt) or folders of them")
    check.set_defaults(run=cmd_check)

    compare = commands.add_parser("compare", help="the side-by-side table of two or more articles")
    compare.add_argument("paths", nargs="*", help="article files or folders (default: the lessons' pair)")
    compare.add_argument("--csv", help="also write the table to this CSV file")
    compare.set_defaults(run=cmd_compare)

    handout = commands.add_parser("handout", help="a printable HTML handout with the highlighted texts and the questions")
    handout.add_argument("paths", nargs="*", help="article files or folders (default: the lessons' pair)")
    handout.add_argument("--output", "-o", default="handout.html", help="file to write (default: handout.html)")
    handout.set_defaults(run=cmd_handout)

    collect = commands.add_parser("collect", help="merge a class's downloaded answer files into one table")
    collect.add_argument("paths", nargs="+", help="answer files (.json or .csv) or folders of them")
    collect.add_argument("--output", "-o", help="write the merged table here (.csv or .json) and a -summary.csv beside it")
    collect.set_defaults(run=cmd_collect)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except ArticleError as error:
        print(f"workbook: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"workbook: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
