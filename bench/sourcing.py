"""Score `workbook.sourcing` on PolNeAR (dev split): who is quoted, and what they said.

Usage::

    python -m bench.sourcing [PATH]

PATH is the ``polnear-dev`` folder, or the ``benchmarks`` folder that holds it;
by default ``../shared/benchmarks/polnear-dev`` next to the repository. The
data is read in place and never copied into the repository. When it is absent
the command prints a message and exits cleanly.

Gold: for each article, the ``.ann`` file of the first annotator in sorted
order (ten articles have two; ``--all-annotators`` scores against both, each
counting as one more gold document). Each gold attribution ties a Content span
(possibly discontinuous), an optional Source span and a Cue.

Predictions: the rows of `workbook.sourcing.attributions` (content span,
source mention span).

Figures, each under *overlap* (any shared character):

* **direct quotes** - gold attributions whose content holds a double quotation
  mark (“ ” or "), against predictions whose content holds one:
  content recall (share of gold contents overlapped by a prediction), content
  precision (share of predictions overlapping any gold content), and
  right source (of the recalled gold with a source: share where the matching
  prediction's source mention overlaps the gold source; "by name" also accepts
  a resolved name that contains the gold source's last word, as when the gold
  source is "Flynn" in another sentence);
* **all attributions** - the same for every gold attribution and every
  prediction, with F1 for content;
* **relation** - a prediction is right when its content overlaps a gold
  content and its source overlaps that gold's source (the README's
  whole-relation measure), precision, recall and F1;
* **speed** - milliseconds per article for `attributions` (quotes included).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "benchmarks" / "polnear-dev"
_QUOTE = re.compile(r"[“”\"]")
# Characters Article text must not change, replaced one for one so that offsets stay the gold's.
_SAME_LENGTH = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\r": "\n"})


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""
    direct: bool = False


def _spans(field_: str) -> list[tuple[int, int]]:
    spans = []
    for part in field_.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def read_gold(path: Path, text: str) -> list[Gold]:
    """Attributions in one brat ``.ann`` file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, where = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _spans(where), parts[2] if len(parts) > 2 else "")
            except ValueError:
                continue
        elif line.startswith("E"):
            parts = line.split("\t")
            roles = {}
            for item in parts[1].split():
                role, _, target = item.partition(":")
                roles[role] = target
            relations.append(roles)
    gold = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        content_text = "".join(text[s:e] for s, e in content[1])
        gold.append(Gold(content[1], source[1] if source else [], source[2] if source else "", bool(_QUOTE.search(content_text))))
    return gold


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _name_match(predicted: str | None, gold: str) -> bool:
    words = re.findall(r"[A-Za-z]+", gold)
    if not predicted or not words:
        return False
    last = words[-1].lower()
    return last in {w.lower() for w in re.findall(r"[A-Za-z]+", predicted)}


def evaluate(folder: Path, all_annotators: bool = False) -> dict[str, dict[str, float]]:
    """Score `workbook.sourcing.attributions` on a PolNeAR folder (see the module notes)."""
    from workbook.articles import Article
    from workbook.sourcing import attributions

    text_dir, ann_dir = folder / "text", folder / "attributions"
    totals = {
        name: {"gold": 0, "found": 0, "pred": 0, "pred_ok": 0, "with_source": 0, "source_ok": 0, "name_ok": 0, "rel_ok_pred": 0, "rel_found": 0}
        for name in ("direct quotes", "all attributions")
    }
    seconds = 0.0
    articles = 0
    for text_path in sorted(text_dir.glob("*.txt")):
        annotations = sorted(ann_dir.glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        raw = text_path.read_text(encoding="utf-8")
        text = raw.translate(_SAME_LENGTH)
        article = Article(id=text_path.stem, text=text)
        began = time.perf_counter()
        frame = attributions(article)
        seconds += time.perf_counter() - began
        articles += 1
        for annotation in annotations if all_annotators else annotations[:1]:
            _score(frame, read_gold(annotation, raw), totals)
    return _figures(totals, articles, seconds)


def _score(frame: Any, gold: list[Gold], totals: dict[str, dict[str, int]]) -> None:
    """Add one article's counts (against one annotator) to `totals`."""
    import pandas as pd

    predictions = []
    for row in frame.itertuples(index=False):
        source = [] if pd.isna(row.source_start) else [(int(row.source_start), int(row.source_end))]
        name = None if pd.isna(row.source) else str(row.source)
        predictions.append(([(int(row.start), int(row.end))], source, name, bool(_QUOTE.search(str(row.text)))))
    for kind, only_direct in (("direct quotes", True), ("all attributions", False)):
        t = totals[kind]
        golds = [g for g in gold if g.direct or not only_direct]
        preds = [p for p in predictions if p[3] or not only_direct]
        t["gold"] += len(golds)
        t["pred"] += len(preds)
        for g in golds:
            matches = [p for p in preds if _overlaps(g.content, p[0])]
            if matches:
                t["found"] += 1
                if g.source:
                    t["with_source"] += 1
                    if any(_overlaps(g.source, p[1]) for p in matches):
                        t["source_ok"] += 1
                    if any(_overlaps(g.source, p[1]) or _name_match(p[2], g.source_text) for p in matches):
                        t["name_ok"] += 1
            if any(_overlaps(g.content, p[0]) and (not g.source or _overlaps(g.source, p[1])) for p in preds):
                t["rel_found"] += 1
        for p in preds:
            if any(_overlaps(g.content, p[0]) for g in gold):
                t["pred_ok"] += 1
            if any(_overlaps(g.content, p[0]) and (not g.source or _overlaps(g.source, p[1])) for g in gold):
                t["rel_ok_pred"] += 1


def _figures(totals: dict[str, dict[str, int]], articles: int, seconds: float) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for name, t in totals.items():
        recall = t["found"] / t["gold"] if t["gold"] else 0.0
        precision = t["pred_ok"] / t["pred"] if t["pred"] else 0.0
        rel_recall = t["rel_found"] / t["gold"] if t["gold"] else 0.0
        rel_precision = t["rel_ok_pred"] / t["pred"] if t["pred"] else 0.0
        results[name] = {
            "gold": t["gold"],
            "predicted": t["pred"],
            "content recall": recall,
            "content precision": precision,
            "content F1": 2 * recall * precision / (recall + precision) if recall + precision else 0.0,
            "right source (span)": t["source_ok"] / t["with_source"] if t["with_source"] else 0.0,
            "right source (span or name)": t["name_ok"] / t["with_source"] if t["with_source"] else 0.0,
            "relation recall": rel_recall,
            "relation precision": rel_precision,
            "relation F1": 2 * rel_recall * rel_precision / (rel_recall + rel_precision) if rel_recall + rel_precision else 0.0,
        }
    results["speed"] = {"articles": articles, "ms per article": 1000 * seconds / articles if articles else 0.0}
    return results


def find_folder(argument: str | None) -> Path:
    if argument is None:
        return DEFAULT
    path = Path(argument).expanduser()
    if (path / "polnear-dev").is_dir():
        return path / "polnear-dev"
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sourcing", description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="the polnear-dev folder (default: ../shared/benchmarks/polnear-dev)")
    parser.add_argument(
        "--all-annotators", action="store_true",
        help="score against every annotator of the doubly annotated articles (each counts), not only the first",
    )
    args = parser.parse_args(argv)
    folder = find_folder(args.path)
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        print(f"sourcing benchmark skipped: no PolNeAR data at {folder} (expected text/ and attributions/ inside).")
        return 0
    results = evaluate(folder, all_annotators=args.all_annotators)
    aims = {
        ("direct quotes", "content recall"): 0.90,
        ("direct quotes", "right source (span or name)"): 0.85,
        ("all attributions", "content F1"): 0.60,
    }
    who = "every annotator" if args.all_annotators else "first annotator in sorted order"
    print(f"Sourcing on PolNeAR dev ({folder}), {who} per article, overlap matching")
    for name in ("direct quotes", "all attributions"):
        r = results[name]
        print(f"\n{name}: {r['gold']} gold, {r['predicted']} predicted")
        for key, value in r.items():
            if key in ("gold", "predicted"):
                continue
            aim = aims.get((name, key))
            note = f"   (aim >= {aim:.2f}: {'met' if value >= aim else 'not met'})" if aim else ""
            print(f"  {key:<28} {value:.3f}{note}")
    speed = results["speed"]
    print(f"\nspeed: {speed['ms per article']:.1f} ms per article over {speed['articles']} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
