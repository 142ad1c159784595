"""The ``workbook`` command line.

    workbook extract PATH... [--format json|csv] [--output FILE]
    workbook check PATH...
    workbook compare [PATH...] [--csv FILE]
    workbook handout [PATH...] [--output FILE]
    workbook collect FOLDER_OR_FILES... [--output FILE]
    workbook questions draft FOLDER [-o questions.toml] [--force]

Problems with input files are reported as one line on standard error, with
exit status 2; nothing prints a Python traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from workbook.articles import Article, load_article, load_articles
from workbook.plainwords import how_many
from workbook.textio import ArticleError

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


def _batch_garbage_collection() -> None:
    """Settings for a one-off batch run: what is loaded by now lives until the process ends.

    Freezing it spares every later collection from walking the imported modules again, and a
    larger first threshold collects less often; each article's analysis is still freed as soon
    as it is written (by reference counting). About a tenth less CPU on a folder of articles.
    """
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def cmd_extract(args: argparse.Namespace) -> int:
    from workbook import export

    export.extractors_loaded()
    _batch_garbage_collection()
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
        print(f"Wrote {how_many(count, 'article')} to {args.output}", file=sys.stderr)
    return 0


def describe(article: Article) -> list[str]:
    """Plain-English lines telling a teacher what was found in one article, and what looks wrong."""
    from workbook.checking import check_article

    return check_article(article).lines()


def cmd_check(args: argparse.Namespace) -> int:
    """Report on every file named (a folder: every file in it), carrying on past a bad one.

    Reports go to standard output; a file that cannot be read is one line on standard
    error. Exit status 2 when any file failed.
    """
    from workbook.articles import article_files
    from workbook.checking import check_file

    failed = 0
    first = True
    for name in args.paths:
        path = Path(name)
        if path.is_dir():
            files, skipped = article_files(path)
            for skipped_path, reason in skipped:
                print(f"{skipped_path}: skipped: {reason}")
            if not files:
                print(f"workbook: {path}: this folder has no article files. "
                      "Put each article in its own file ending in .txt, .html, .md or .docx.", file=sys.stderr)
                failed += 1
                continue
        else:
            files = [path]
        for file in files:
            report = check_file(file)
            if not report.ok:
                print(f"workbook: {file}: {report.error}", file=sys.stderr)
                failed += 1
                continue
            if not first:
                print()
            first = False
            print(str(report))
    return EXIT_BAD_INPUT if failed else 0


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


def cmd_questions_draft(args: argparse.Namespace) -> int:
    """Write an editable keyed question file for the first two articles in a folder."""
    from workbook.question_draft import write_draft

    output = args.output or str(Path(args.folder) / "questions.toml")
    path, count = write_draft(args.folder, output, force=args.force)
    print(
        f"Wrote {count} questions to {path}. Check every key against the texts and edit what is wrong; "
        "as questions.toml beside the articles, the lessons show them.",
        file=sys.stderr,
    )
    return 0


def _add_questions_commands(commands: Any) -> None:
    questions = commands.add_parser("questions", help="self-check questions for your own articles")
    actions = questions.add_subparsers(dest="action", required=True)
    draft = actions.add_parser("draft", help="draft an editable question file (TOML) for the two articles in a folder")
    draft.add_argument("folder", help="the folder with the two articles")
    draft.add_argument("--output", "-o", help="file to write (default: questions.toml in the folder)")
    draft.add_argument("--force", action="store_true", help="replace the file if it exists (it may hold your edits)")
    draft.set_defaults(run=cmd_questions_draft)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbook", description="Media Literacy Workbook tools.")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="write the analysis of each article as JSON or CSV")
    extract.add_argument("paths", nargs="+", help="article files (.txt) or folders of them")
    extract.add_argument("--format", choices=("json", "csv"), default="json")
    extract.add_argument("--output", "-o", help="file to write (default: standard output)")
    extract.set_defaults(run=cmd_extract)

    check = commands.add_parser("check", help="say in plain words what was found in article files, and what to fix")
    check.add_argument("paths", nargs="+", help="article files (.txt, .html, .md, .docx) or folders of them")
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

    _add_questions_commands(commands)
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
