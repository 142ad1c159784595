"""Peers on the same inputs: quantulum3 beside `workbook.figures`, pysbd beside `workbook.sentences`.

Both sides get exactly the same strings, are warmed up once, then timed as the
median of repeated runs. Accuracy is scored the same way for both.

* Figures: the 101 sentences of quantulum3's own test gold
  (``benchmarks/quantulum3/quantities.json``, 148 expected quantities). A quantity
  is found when a result's value matches the expected value (relative tolerance
  0.1 %; for a range, its midpoint also counts) and its text overlaps the
  expected surface. Unit agreement is a second figure, on the quantities found.
* Sentences: ``tests/data/sentences_gold.tsv``, a gold set of tricky passages
  written for this project (abbreviations, initials, quotations, citations,
  dashes, decimals...). Scored as the share of passages split exactly right and
  as boundary F1. Speed is also measured on every block of the PolNeAR texts.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import REPO, median_ms, reset_memo_caches, timed

GOLD_SENTENCES = REPO / "tests" / "data" / "sentences_gold.tsv"
#: A neutral headline put before each quantulum3 sentence, so the sentence is a
#: body paragraph of a one-paragraph article (what the figures extractor reads).
HEADLINE = "Benchmark sentence\n\n"


# ---- figures ------------------------------------------------------------------------------------


@dataclass
class Found:
    start: int
    end: int
    values: tuple[float, ...]
    unit: str


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


_UNIT_SYNONYMS = {
    "": "", "dimensionless": "", "count": "", "number": "", "none": "", "nan": "", "<na>": "",
    "%": "percent", "per cent": "percent", "percentage": "percent",
    "$": "dollar", "us dollar": "dollar", "united states dollar": "dollar", "usd": "dollar",
    "£": "pound sterling", "gbp": "pound sterling", "€": "euro", "eur": "euro",
}
#: Symbols and spellings compared word by word ("km per hour" = "kilometre per hour").
_UNIT_WORDS = {
    "km": "kilometre", "kilometer": "kilometre", "m": "metre", "meter": "metre", "cm": "centimetre",
    "centimeter": "centimetre", "mm": "millimetre", "millimeter": "millimetre", "nm": "nanometre",
    "nanometer": "nanometre", "mi": "mile", "ft": "foot", "feet": "foot", "in": "inch", "inches": "inch",
    "kg": "kilogram", "g": "gram", "mg": "milligram", "lb": "pound", "lbs": "pound", "l": "litre",
    "liter": "litre", "ml": "millilitre", "milliliter": "millilitre", "h": "hour", "hr": "hour",
    "min": "minute", "s": "second", "sec": "second", "yr": "year", "mph": "mile per hour",
    "kph": "kilometre per hour", "sq": "square", "°c": "degree celsius", "°f": "degree fahrenheit",
}


def normalise_unit(unit: Any) -> str:
    """A unit name reduced for a loose comparison: symbols spelled out, plurals made singular."""
    text = "" if unit is None else str(unit).strip().lower()
    text = _UNIT_SYNONYMS.get(text, text)
    words = []
    for word in text.split():
        word = _UNIT_WORDS.get(word, word)
        if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us")):
            word = _UNIT_WORDS.get(word[:-1], word[:-1])
        words.append(word)
    text = " ".join(words)
    return _UNIT_SYNONYMS.get(text, text)


def load_quantities(benchmarks: Path) -> list[dict[str, Any]] | None:
    path = benchmarks / "quantulum3" / "quantities.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def quantulum3_parser() -> Callable[[str], list[Found]] | str:
    """quantulum3's parser as a function from a sentence to `Found` items, or why it is missing."""
    try:
        from quantulum3 import parser
    except Exception as error:  # pragma: no cover - depends on the environment
        return f"quantulum3 not installed ({error})"

    def parse(sentence: str) -> list[Found]:
        found = []
        for quantity in parser.parse(sentence):
            start, end = quantity.span
            found.append(Found(start, end, (float(quantity.value),), getattr(quantity.unit, "name", "")))
        return found

    return parse


def workbook_figures(figures: Callable[[Any], Any]) -> Callable[[str], list[Found]]:
    """`workbook.figures.figures` as a function from a sentence to `Found` items."""
    from workbook import article_from_text

    def parse(sentence: str) -> list[Found]:
        article = article_from_text(HEADLINE + sentence, id="quantulum3")
        table = figures(article)
        shift = len(HEADLINE)
        found = []
        for row in table.to_dict("records"):
            values = [_number(row.get(name)) for name in ("value", "low", "high")]
            value, low, high = values
            candidates = [v for v in (value, low, high) if v is not None]
            if low is not None and high is not None:
                candidates.append((low + high) / 2)
            found.append(Found(int(row["start"]) - shift, int(row["end"]) - shift, tuple(candidates), row.get("unit") or ""))
        return found

    return parse


def score_quantities(items: list[dict[str, Any]], parse: Callable[[str], list[Found]]) -> dict[str, float]:
    """Value recall (surface overlap and value match) and unit agreement on the values found."""
    expected = found = units = 0
    for item in items:
        sentence = item["req"]
        results = parse(sentence)
        for gold in item["res"]:
            expected += 1
            surface = gold["surface"]
            at = sentence.find(surface)
            if at < 0:
                at = sentence.lower().find(surface.lower())
            span = (at, at + len(surface)) if at >= 0 else (0, len(sentence))
            value = float(gold["value"])
            match = next(
                (r for r in results if r.start < span[1] and span[0] < r.end and any(_close(v, value) for v in r.values)),
                None,
            )
            if match is not None:
                found += 1
                units += normalise_unit(match.unit) == normalise_unit(gold.get("unit"))
    return {
        "expected": expected,
        "found": found,
        "recall": found / expected if expected else float("nan"),
        "unit_agreement": units / found if found else float("nan"),
    }


def time_parser(items: list[dict[str, Any]], parse: Callable[[str], list[Found]], runs: int) -> float:
    """Median ms to parse every sentence once (after one warm-up pass; text-keyed memos emptied each pass)."""
    sentences = [item["req"] for item in items]
    for sentence in sentences:
        parse(sentence)
    samples = []
    for _ in range(runs):
        reset_memo_caches()
        samples.append(timed(lambda: [parse(s) for s in sentences]))
    return median_ms(samples)


# ---- sentences ----------------------------------------------------------------------------------


def load_gold_sentences(path: Path = GOLD_SENTENCES) -> list[tuple[str, str, list[str]]]:
    """(item, case, sentences) per passage; the passage is the sentences joined by one space."""
    items: dict[str, tuple[str, list[str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader((line for line in handle if line.strip() and not line.startswith("#")), delimiter="\t")
        header = next(rows)
        assert header == ["item", "case", "sentence"], header
        for item, case, sentence in rows:
            items.setdefault(item, (case, []))[1].append(sentence)
    return [(item, case, sentences) for item, (case, sentences) in items.items()]


def workbook_splitter() -> Callable[[str], list[str]]:
    from workbook.sentences import split_sentences

    return lambda text: [sentence for _, _, sentence in split_sentences(text)]


def pysbd_splitter() -> Callable[[str], list[str]] | str:
    try:
        import pysbd
    except Exception as error:  # pragma: no cover
        return f"pysbd not installed ({error})"
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def _boundaries(text: str, sentences: list[str]) -> set[int] | None:
    """End offsets of every sentence but the last, or None if a sentence is not in the text."""
    ends, position = [], 0
    for sentence in sentences:
        at = text.find(sentence, position)
        if at < 0:
            return None
        position = at + len(sentence)
        ends.append(position)
    return set(ends[:-1])


def score_splitter(gold: list[tuple[str, str, list[str]]], split: Callable[[str], list[str]]) -> dict[str, Any]:
    """Share of passages split exactly as the gold, and boundary precision, recall and F1."""
    exact = true_positive = predicted = expected = 0
    wrong: list[str] = []
    for item, _case, sentences in gold:
        text = " ".join(sentences)
        got = split(text)
        if got == sentences:
            exact += 1
        else:
            wrong.append(item)
        gold_ends = _boundaries(text, sentences) or set()
        got_ends = _boundaries(text, got)
        if got_ends is None:  # the splitter changed the text: count every boundary as wrong
            got_ends = {-(i + 1) for i in range(max(len(got) - 1, 0))}
        true_positive += len(gold_ends & got_ends)
        predicted += len(got_ends)
        expected += len(gold_ends)
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"items": len(gold), "exact": exact, "accuracy": exact / len(gold) if gold else float("nan"),
            "precision": precision, "recall": recall, "f1": f1, "wrong": wrong}


def time_splitter(texts: list[str], split: Callable[[str], list[str]], runs: int) -> float:
    """Median ms to split every text once (after one warm-up pass)."""
    for text in texts:
        split(text)
    return median_ms([timed(lambda: [split(t) for t in texts]) for _ in range(runs)])


def polnear_blocks(benchmarks: Path, limit: int | None = None) -> list[str]:
    """The text of every block of the PolNeAR articles (what a splitter meets in practice)."""
    from workbook import load_article

    folder = benchmarks / "polnear-dev" / "text"
    if not folder.is_dir():
        return []
    paths = sorted(folder.glob("*.txt"))[:limit]
    return [block.text for path in paths for block in load_article(path).block_list]
