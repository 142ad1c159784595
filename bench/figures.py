"""Score `workbook.figures` on the quantulum3 test gold, side by side with quantulum3 itself.

Usage::

    python -m bench.figures [PATH]

PATH is ``quantities.json``, or a folder holding it (``benchmarks/quantulum3``
or ``benchmarks``); by default ``../shared/benchmarks/quantulum3`` next to the
repository. The data is read in place, never copied into the repository; when
it is absent the command says so and exits cleanly.

Gold: 101 sentences with 148 expected quantities (value, unit, surface).
For both systems, on the same sentences in the same run:

* **value recall**: share of expected quantities found with the same value
  (or the same middle of a range) by a prediction whose span overlaps the
  expected surface;
* **unit agreement**: of those, the share whose unit is the same (our plain
  names are mapped to quantulum3's unit names by the table below);
* **precision**: share of predictions that overlap some expected surface;
* **time**: milliseconds for all sentences, best of three runs (the workbook's
  per-text caches are cleared before each run, so every run does all the work).

Years and calendar dates are time references in the workbook, not figures, by
design; the gold counts bare years ("1979") as dimensionless quantities. Recall
is therefore given three ways: figures alone, figures plus the years that
`workbook.dates.find_calendar` finds (what the workbook as a whole finds), and
figures alone on the expected quantities that are not years.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "benchmarks" / "quantulum3"

#: our unit name -> quantulum3's unit name
UNIT_NAMES: dict[str, str] = {
    "km": "kilometre", "mile": "mile", "metre": "metre", "cm": "centimetre", "mm": "millimetre", "foot": "foot",
    "inch": "inch", "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "century": "century", "percent": "percentage",
    "dollar": "dollar", "euro": "euro", "pound sterling": "pound sterling", "cent": "cent", "yen": "yen",
    "kg": "kilogram", "penny": "penny", "gram": "gram", "mg": "milligram", "tonne": "tonne", "pound": "pound-mass", "litre": "litre",
    "ml": "cubic centimetre", "gallon": "gallon", "degree Celsius": "degree Celsius",
    "degree Fahrenheit": "degree fahrenheit", "square km": "square kilometre", "square mile": "square mile",
}
#: units whose plain name is already quantulum3's
UNIT_NAMES.update({name: name for name in (
    "watt", "kilowatt", "megawatt", "gigawatt", "watt hour", "kilowatt hour", "megawatt hour", "byte", "kilobyte",
    "megabyte", "gigabyte", "terabyte", "exabyte", "hertz", "megahertz", "gigahertz", "electronvolt",
    "teraelectronvolt", "centilitre", "gallon", "barrel", "hectare", "acre",
)})


def _path(argument: str | None) -> Path:
    path = Path(argument) if argument else DEFAULT
    for candidate in (path, path / "quantities.json", path / "quantulum3" / "quantities.json"):
        if candidate.is_file():
            return candidate
    return path


def _span(sentence: str, surface: str) -> tuple[int, int] | None:
    at = sentence.find(surface)
    if at < 0:
        at = sentence.lower().find(surface.lower())
    return (at, at + len(surface)) if at >= 0 else None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _unit_name(unit: str | None) -> str:
    """Our unit in quantulum3's words; a rate "dollar per kg" maps part by part."""
    if not unit:
        return "dimensionless"
    parts = unit.split(" per ")
    return " per ".join(UNIT_NAMES.get(part, part) for part in parts) if len(parts) > 1 else UNIT_NAMES.get(unit, "dimensionless")


def _ours(sentence: str) -> list[dict[str, Any]]:
    from workbook.figures import scan

    out = []
    for f in scan(sentence):
        values = [f.value] + ([f.low, f.high] if f.low is not None and f.high is not None else [])
        unit = _unit_name(f.unit)
        out.append({"start": f.start, "end": f.end, "values": values, "unit": unit})
    return out


def _years(sentence: str) -> list[dict[str, Any]]:
    from workbook.dates import find_calendar

    return [
        {"start": c.start, "end": c.end, "values": [float(c.year)], "unit": "dimensionless"}
        for c in find_calendar(sentence) if c.form in ("year", "year-range") and c.year
    ]


def _peer(parser: Any, sentence: str) -> list[dict[str, Any]]:
    out = []
    for q in parser.parse(sentence):
        start, end = q.span
        values = [float(q.value)]
        if getattr(q, "uncertainty", None):
            values += [float(q.value) - float(q.uncertainty), float(q.value) + float(q.uncertainty)]
        out.append({"start": start, "end": end, "values": values, "unit": q.unit.name})
    return out


def score(items: list[dict[str, Any]], predictions: list[list[dict[str, Any]]], skip_years: bool = False) -> dict[str, float]:
    expected = found = unit_ok = 0
    predicted = overlapping = 0
    for item, preds in zip(items, predictions):
        spans = []
        for gold in item["res"]:
            span = _span(item["req"], gold["surface"])
            spans.append(span)
            if span is None:
                continue
            is_year = gold["unit"] == "dimensionless" and float(gold["value"]).is_integer() and 1000 <= gold["value"] <= 2100 and gold["surface"].strip().isdigit()
            if skip_years and is_year:
                continue
            expected += 1
            match = next((p for p in preds if p["start"] < span[1] and span[0] < p["end"] and any(_close(v, float(gold["value"])) for v in p["values"])), None)
            if match:
                found += 1
                unit_ok += match["unit"].lower() == gold["unit"].lower()
        for p in preds:
            predicted += 1
            overlapping += any(s and p["start"] < s[1] and s[0] < p["end"] for s in spans)
    return {
        "expected": expected, "recall": found / expected if expected else 0.0,
        "unit": unit_ok / found if found else 0.0, "precision": overlapping / predicted if predicted else 0.0,
    }


def _clear_caches() -> None:
    """Forget every sentence seen before, so that each timed run does all the work."""
    from workbook import dates, figures

    figures._scan_cached.cache_clear()
    dates._find_calendar.cache_clear()


def _timed(function: Any, sentences: list[str], runs: int = 3) -> tuple[list[Any], float]:
    best = float("inf")
    result: list[Any] = []
    for _ in range(runs):
        _clear_caches()
        start = time.perf_counter()
        result = [function(s) for s in sentences]
        best = min(best, time.perf_counter() - start)
    return result, best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.figures", description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", help="quantities.json or a folder holding it")
    args = parser.parse_args(argv)
    path = _path(args.path)
    if not path.is_file():
        print(f"bench.figures: skipped, no quantulum3 gold at {path} (give the path to quantities.json).")
        return 0
    items = json.loads(path.read_text(encoding="utf-8"))
    sentences = [item["req"] for item in items]

    from workbook import article_from_text
    from workbook.figures import figures

    ours, ours_ms = _timed(_ours, sentences)
    figures(article_from_text("Warm-up\n\nIt took 3 days."))  # pandas is imported at the first table, not timed
    _, article_ms = _timed(lambda s: figures(article_from_text("Sentence\n\n" + s)), sentences, runs=1)
    years = [_years(s) for s in sentences]
    rows = [
        ("workbook.figures", score(items, ours), ours_ms),
        ("  + years as time refs", score(items, [a + b for a, b in zip(ours, years)]), None),
        ("  without gold years", score(items, ours, skip_years=True), None),
    ]
    peer_ms = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as qparser

            qparser.parse("warm up 3 km")  # loading its unit tables is not counted
            peer, peer_ms = _timed(lambda s: _peer(qparser, s), sentences)
        rows.append(("quantulum3 (peer)", score(items, peer), peer_ms))
        rows.append(("  without gold years", score(items, peer, skip_years=True), None))
    except ImportError:
        rows.append(("quantulum3 (peer)", None, None))

    print(f"Figures on {path} ({len(items)} sentences), value found with an overlapping surface\n")
    print(f"{'system':26} {'expected':>8} {'recall':>7} {'unit':>6} {'precision':>9} {'ms total':>9}")
    for name, result, ms in rows:
        if result is None:
            print(f"{name:26} not installed (pip install quantulum3)")
            continue
        timing = f"{ms:9.1f}" if ms is not None else f"{'':9}"
        print(f"{name:26} {result['expected']:8d} {result['recall']:7.3f} {result['unit']:6.3f} {result['precision']:9.3f} {timing}")
    print(f"\nworkbook.figures through figures(article_from_text(...)), segmentation included: {article_ms:.1f} ms")
    if peer_ms:
        print(f"speed ratio (quantulum3 time / workbook.figures time): {peer_ms / ours_ms:.1f}x")
    print("Aim: value recall >= 0.90 while >= 10x faster than quantulum3.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
