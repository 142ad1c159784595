"""Write the annotators' record behind the rhetoric markers' strength (`workbook.rhetoric.annotated`).

Run::

    python -m bench.annotated [PATH] [--write]

PATH is the ``semeval2023-en-train`` folder (by default ``../shared/benchmarks/semeval2023-en-train``).
Only the "dev" half of `bench.rhetoric.split_of` is read, so that ``python -m bench.rhetoric
--split test`` stays a fair measure. For every one-word ``loaded`` or ``intensifier`` marker the
workbook finds there (any voice, any strength), the command counts the word's uses in those
articles (every occurrence, in any case), the uses that overlap a Loaded_Language span of the gold
and the articles with such a use. Without ``--write`` it prints a summary; with it, it rewrites
``workbook/data/lexicons/annotated-semeval.tsv``. When the folder is absent it says so and exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from bench.rhetoric import DEFAULT_PATH, _overlap, aligned_gold, read_gold, split_of

#: A word as the record counts it: letters, with apostrophes and hyphens inside.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
#: The labels whose words the record covers (both answer to Loaded_Language in `bench.rhetoric.MAPPING`).
LABELS = ("loaded", "intensifier")


def count(folder: Path) -> tuple[dict[str, tuple[int, int, int]], int]:
    """{word: (uses, marked, articles)} for the marker words of the dev half, and how many articles were read."""
    from workbook import sourcing
    from workbook.articles import article_from_text
    from workbook.rhetoric import marker_records
    from workbook.rhetoric.annotated import record_key

    items = read_gold(folder)
    halves = split_of([article_id for article_id, _, _ in items])
    words: set[str] = set()
    texts: list[tuple[str, str, list[tuple[int, int]]]] = []
    for article_id, raw, gold in items:
        if halves[article_id] != "dev":
            continue
        aligned = aligned_gold(raw, gold)
        if aligned is None:
            continue
        loaded = aligned[1].get("Loaded_Language", [])
        article = article_from_text(raw, id=article_id)
        sourcing.quotes(article)
        for record in marker_records(article):
            if record["label"] in LABELS and _WORD.fullmatch(record["text"]):
                words.add(record_key(record["text"]))
        texts.append((article_id, article.text, loaded))
    uses: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    articles: defaultdict[str, set[str]] = defaultdict(set)
    for article_id, text, loaded in texts:
        for match in _WORD.finditer(text):
            word = record_key(match.group())
            if word not in words:
                continue
            uses[word] += 1
            if any(_overlap(match.span(), span) for span in loaded):
                marked[word] += 1
                articles[word].add(article_id)
    return {word: (uses[word], marked[word], len(articles[word])) for word in sorted(words)}, len(texts)


HEADER = """\
# The annotators' record behind the rhetoric markers' strength (read by workbook/rhetoric/annotated.py).
# source: SemEval-2023 Task 3 (subtask 3, persuasion-technique spans), English training articles, as in
#   ../shared/benchmarks/semeval2023-en-train; only the "dev" half (bench.rhetoric.split_of: even positions
#   of the sorted article ids, {articles} articles) was read, the "test" half is left for measuring.
# how it was made: python -m bench.annotated --write (bench/annotated.py). For each one-word loaded or
#   intensifier marker the workbook found in those articles: its uses there (every occurrence, any case),
#   the uses inside a Loaded_Language span of the annotators, and the articles with such a use.
# licence: the counts are the workbook's (MIT); the articles and annotations are not copied here.
word\tuses\tmarked\tarticles
"""


def main(argv: list[str] | None = None) -> int:
    from workbook.rhetoric.annotated import RECORD_PATH
    from workbook.rhetoric.strength import ANNOTATED_STRONG

    parser = argparse.ArgumentParser(prog="python -m bench.annotated", description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="the semeval2023-en-train folder")
    parser.add_argument("--write", action="store_true", help=f"rewrite {RECORD_PATH.name}")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    folder = Path(args.path).expanduser()
    if not (folder / "labels").is_dir():
        print(f"skipped: no SemEval labels under {folder}")
        return 0
    records, read = count(folder)
    often = sum(1 for uses, marked, _ in records.values() if marked / (uses + 1) >= ANNOTATED_STRONG)
    print(f"{len(records)} marker words on the dev half ({read} articles); {often} marked in at least "
          f"{ANNOTATED_STRONG:.0%} of uses")
    if args.write:
        lines = [f"{word}\t{uses}\t{marked}\t{articles}" for word, (uses, marked, articles) in records.items()]
        RECORD_PATH.write_text(HEADER.format(articles=read) + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"written: {RECORD_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
