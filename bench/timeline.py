"""Score `workbook.timeline.time_refs` on TimeBank 1.2 (TempEval-3 TBAQ-cleaned).

Usage::

    python -m bench.timeline [PATH]

PATH is the ``timebank`` folder, or the ``benchmarks`` folder that holds it;
by default ``../shared/benchmarks/timebank`` next to the repository. The data
is read in place, never copied into the repository; when it is absent the
command says so and exits cleanly.

For each ``.tml`` document the text inside ``<TEXT>`` (tags stripped) becomes
an article whose date is the document's ``<DCT>``; `time_refs` runs on it
through the normal path (segmentation included). Gold: the ``<TIMEX3>``
elements inside ``<TEXT>``.

Our kinds map to TimeML types: ``duration`` -> DURATION; ``date``, ``year``,
``era`` and ``relative`` -> DATE. For DATE and DURATION:

* **relaxed**: precision, recall and F1 where a prediction counts when it
  overlaps a gold expression of the same type;
* **strict**: the same with exact start and end;
* **year accuracy**: of the gold DATE expressions whose value begins with a
  year and that a DATE prediction overlaps, the share where our year is the
  same (and, below it, the share of all such gold expressions).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "benchmarks" / "timebank"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _folder(argument: str | None) -> Path:
    path = Path(argument) if argument else DEFAULT
    if (path / "timebank").is_dir():
        path = path / "timebank"
    return path


def parse_tml(raw: str) -> tuple[str, list[dict[str, Any]], dt.date | None]:
    """The plain text inside <TEXT>, its gold TIMEX3 spans (offsets into that text), and the DCT."""
    dct = None
    match = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    if match:
        dct = dt.date.fromisoformat(match.group(1))
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    inner = body.group(1) if body else raw
    text_parts: list[str] = []
    length = 0
    gold: list[dict[str, Any]] = []
    open_timex: dict[str, Any] | None = None
    position = 0
    for tag in _TAG.finditer(inner):
        chunk = html.unescape(inner[position:tag.start()])
        text_parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            values = dict(_ATTR.findall(attrs))
            open_timex = {"start": length, "type": values.get("type", ""), "value": values.get("value", "")}
        elif open_timex is not None:
            open_timex["end"] = length
            gold.append(open_timex)
            open_timex = None
    chunk = html.unescape(inner[position:])
    text_parts.append(chunk)
    return "".join(text_parts), gold, dct


def _prf(tp_pred: int, predicted: int, tp_gold: int, expected: int) -> tuple[float, float, float]:
    precision = tp_pred / predicted if predicted else 0.0
    recall = tp_gold / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeline", description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", help="the timebank folder (or the benchmarks folder holding it)")
    args = parser.parse_args(argv)
    folder = _folder(args.path)
    files = sorted(folder.glob("*.tml")) if folder.is_dir() else []
    if not files:
        print(f"bench.timeline: skipped, no TimeBank .tml files in {folder}.")
        return 0

    from workbook import article_from_text
    from workbook.timeline import time_refs

    counts = {t: {"gold": 0, "pred": 0, "relaxed_pred": 0, "relaxed_gold": 0, "strict": 0} for t in ("DATE", "DURATION")}
    year_total = year_matched = year_right = 0
    elapsed = 0.0
    chars = 0
    for path in files:
        text, gold, dct = parse_tml(path.read_text(encoding="utf-8"))
        if not text.strip():
            continue
        # a leading line keeps the first sentence of the story out of the headline's place
        lead = "TimeBank document\n\n"
        started = time.perf_counter()  # each document is new text: the per-text caches do not help
        article = article_from_text(lead + text, id=path.stem, metadata={"date": dct} if dct else None)
        frame = time_refs(article)
        elapsed += time.perf_counter() - started
        chars += len(text)
        shift = len(article.text) - len(text)
        if article.text[shift:] != text:  # normalisation changed lengths: map by searching
            shift = article.text.find(text[:40]) if text[:40] in article.text else len(lead)
        predictions = []
        for row in frame.itertuples(index=False):
            kind = "DURATION" if row.kind == "duration" else "DATE"
            year = None if row.year is None or row.year is getattr(__import__("pandas"), "NA") else int(row.year)
            predictions.append({"start": row.start - shift, "end": row.end - shift, "type": kind, "year": year})
        for kind in ("DATE", "DURATION"):
            golds = [g for g in gold if g["type"] == kind]
            preds = [p for p in predictions if p["type"] == kind]
            counts[kind]["gold"] += len(golds)
            counts[kind]["pred"] += len(preds)
            counts[kind]["relaxed_gold"] += sum(any(p["start"] < g["end"] and g["start"] < p["end"] for p in preds) for g in golds)
            counts[kind]["relaxed_pred"] += sum(any(p["start"] < g["end"] and g["start"] < p["end"] for g in golds) for p in preds)
            counts[kind]["strict"] += sum(any(p["start"] == g["start"] and p["end"] == g["end"] for p in preds) for g in golds)
        for g in gold:
            if g["type"] != "DATE" or not re.match(r"\d{4}", g["value"]):
                continue
            year_total += 1
            overlapping = [p for p in predictions if p["type"] == "DATE" and p["start"] < g["end"] and g["start"] < p["end"] and p["year"] is not None]
            if overlapping:
                year_matched += 1
                year_right += overlapping[0]["year"] == int(g["value"][:4])

    print(f"Time references on {folder} ({len(files)} documents, {chars:,} characters)\n")
    print(f"{'type':9} {'gold':>5} {'pred':>5}   {'relaxed P':>9} {'R':>6} {'F1':>6}   {'strict P':>8} {'R':>6} {'F1':>6}")
    for kind, c in counts.items():
        relaxed = _prf(c["relaxed_pred"], c["pred"], c["relaxed_gold"], c["gold"])
        strict = _prf(c["strict"], c["pred"], c["strict"], c["gold"])
        print(f"{kind:9} {c['gold']:5d} {c['pred']:5d}   {relaxed[0]:9.3f} {relaxed[1]:6.3f} {relaxed[2]:6.3f}   {strict[0]:8.3f} {strict[1]:6.3f} {strict[2]:6.3f}")
    if year_total:
        print(f"\nyear accuracy: {year_right}/{year_matched} = {year_right / max(year_matched, 1):.3f} of the gold dates with a year that we found with a year;"
              f" {year_right}/{year_total} = {year_right / year_total:.3f} of all gold dates with a year")
    print(f"speed: {elapsed * 1000:.0f} ms for all documents ({elapsed * 1e6 / max(chars, 1):.1f} µs per character), segmentation included")
    print("Aim: DATE relaxed F1 >= 0.85. Reference: the best rule-based TempEval-3 tagger scored about 0.90 relaxed F1 (all types).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
