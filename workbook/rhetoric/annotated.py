"""What news annotators made of a word: how often people who marked up real articles called it loaded.

The record is a data file, ``workbook/data/lexicons/annotated-semeval.tsv``, written by
``python -m bench.annotated --write`` from the "dev" half of the SemEval-2023 Task 3 English
articles (the "test" half is left for measuring). For each word the rhetoric lists can find, it
holds how many times the word occurs there (``uses``), how many of those uses the annotators
marked as Loaded_Language (``marked``) and in how many articles they did (``articles``).

`strength` uses it as evidence beside the word's use in the sentence: a word the annotators
marked in a good share of its uses is a fair example to show, and one they almost never marked
is most often a plain word in the news.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RECORD_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "annotated-semeval.tsv"


@dataclass(frozen=True)
class Annotated:
    """One word's record: its uses, the uses marked as loaded language, and the articles with a mark."""

    uses: int
    marked: int
    articles: int

    @property
    def share(self) -> float:
        """The marked share of uses, counted as marked / (uses + 1) so that a word seen once is not sure."""
        return self.marked / (self.uses + 1)


@lru_cache(maxsize=1)
def _records() -> dict[str, Annotated]:
    records: dict[str, Annotated] = {}
    for line in RECORD_PATH.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, uses, marked, articles = line.split("\t")
        if word == "word":  # the header row
            continue
        records[word] = Annotated(int(uses), int(marked), int(articles))
    return records


def record_key(word: str) -> str:
    """How the record writes a word: lower case, with a straight apostrophe."""
    return word.lower().replace("’", "'")


def annotated(word: str) -> Annotated | None:
    """The annotators' record of `word` (any case, either apostrophe), or None when it has none."""
    return _records().get(record_key(word))
