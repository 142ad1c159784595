"""Score `workbook.sourcing` on PolNeAR (dev split): who is quoted, and what they said.

Usage::

    python -m bench.sourcing [PATH]              # PolNeAR dev: tuning part, held-out part, all
    python -m bench.sourcing --judged [PAGES]    # the teacher-judged attributions (tests/data)

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

Held out: every fourth PolNeAR dev article in sorted order, from the fourth
(``_held_out``), is never looked at while the rules are tuned; its figures are
printed apart from the tuning part's.

``--judged`` re-scores the current extractor against
``tests/data/judged-attributions.tsv`` (attributions found on real web pages by an
earlier version and judged right or wrong by a teacher, with the right source when
it was wrong): see `score_judged`.
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


def _held_out(names: list[str]) -> set[str]:
    """The held-out part of the dev articles: every fourth in sorted order, from the fourth."""
    return {name for i, name in enumerate(sorted(names)) if i % 4 == 3}


def evaluate(folder: Path, all_annotators: bool = False, part: str = "all") -> dict[str, dict[str, float]]:
    """Score `workbook.sourcing.attributions` on a PolNeAR folder (see the module notes).

    `part` is ``all``, ``tuning`` (the articles rules may be tuned on) or ``held-out``.
    """
    from workbook.articles import Article
    from workbook.sourcing import attributions

    text_dir, ann_dir = folder / "text", folder / "attributions"
    totals = {
        name: {"gold": 0, "found": 0, "pred": 0, "pred_ok": 0, "with_source": 0, "source_ok": 0, "name_ok": 0, "rel_ok_pred": 0, "rel_found": 0}
        for name in ("direct quotes", "all attributions")
    }
    seconds = 0.0
    articles = 0
    paths = sorted(text_dir.glob("*.txt"))
    held = _held_out([path.stem for path in paths])
    if part == "tuning":
        paths = [path for path in paths if path.stem not in held]
    elif part == "held-out":
        paths = [path for path in paths if path.stem in held]
    for text_path in paths:
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
    parser.add_argument("--part", choices=("tuning", "held-out", "all"),
                        help="score one part of the dev articles only (default: each part, then all)")
    parser.add_argument("--judged", action="store_true",
                        help="re-score against tests/data/judged-attributions.tsv instead; PATH is then the webpages-dev folder")
    parser.add_argument("--show", action="store_true", help="with --judged: list every judged row that is wrong now")
    args = parser.parse_args(argv)
    if args.judged:
        return judged_main(args.path, show=args.show)
    folder = find_folder(args.path)
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        print(f"sourcing benchmark skipped: no PolNeAR data at {folder} (expected text/ and attributions/ inside).")
        return 0
    aims = {
        ("direct quotes", "content recall"): 0.92,
        ("direct quotes", "right source (span or name)"): 0.90,
        ("all attributions", "content F1"): 0.72,
    }
    who = "every annotator" if args.all_annotators else "first annotator in sorted order"
    print(f"Sourcing on PolNeAR dev ({folder}), {who} per article, overlap matching")
    parts = [args.part] if args.part else ["tuning", "held-out", "all"]
    results = {part: evaluate(folder, all_annotators=args.all_annotators, part=part) for part in parts}
    width = 10
    for name in ("direct quotes", "all attributions"):
        last = results[parts[-1]][name]
        print(f"\n{name}: {last['gold']} gold, {last['predicted']} predicted ({parts[-1]})")
        print(f"  {'':<28}" + "".join(f"{part:>{width}}" for part in parts))
        first = results[parts[0]][name]
        print(f"  {'gold':<28}" + "".join(f"{results[part][name]['gold']:>{width}}" for part in parts))
        print(f"  {'predicted':<28}" + "".join(f"{results[part][name]['predicted']:>{width}}" for part in parts))
        for key in first:
            if key in ("gold", "predicted"):
                continue
            aim = aims.get((name, key))
            note = ""
            if aim:
                note = f"   (aim >= {aim:.2f}: {'met' if last[key] >= aim else 'not met'} on {parts[-1]})"
            print(f"  {key:<28}" + "".join(f"{results[part][name][key]:>{width}.3f}" for part in parts) + note)
    for part in parts:
        speed = results[part]["speed"]
        print(f"speed ({part}): {speed['ms per article']:.1f} ms per article over {speed['articles']} articles")
    return 0


# ---------------------------------------------------------------------------------------------
# the teacher-judged attributions (tests/data/judged-attributions.tsv)
# ---------------------------------------------------------------------------------------------

JUDGED = REPO / "tests" / "data" / "judged-attributions.tsv"
PAGES = REPO.parent / "shared" / "benchmarks" / "webpages-dev"
_PRONOUN_MENTIONS = frozenset("he she it they him her them who which that his its their".split())


def read_judged(path: Path = JUDGED) -> list[dict[str, str]]:
    """The judged rows (the lines starting with '#' say how they were made)."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _norm(words: str) -> str:
    words = re.sub(r"[’']s\b", "", words.lower())
    return " ".join(re.findall(r"[\w.-]+", words)).replace(".", "")


def _source_ok(name: str | None, mention: str, alternatives: list[str]) -> bool:
    """The resolved source is one of the acceptable ones, and its mention is that source or a pronoun."""
    if not name:
        return False
    accepted = {_norm(a) for a in alternatives}
    if _norm(name) not in accepted:
        # a judge who accepted the surname the sentence uses ("Emery") accepts the person named
        # in full from an earlier sentence ("David Emery"), when the mention is that surname
        surname = _norm(name).split()[-1:]
        if not (surname and surname[0] in accepted and _norm(mention) == surname[0]):
            return False
    low = _norm(mention)
    if not low or low in accepted or low in _PRONOUN_MENTIONS:
        return True
    last = _norm(name).split()[-1:]
    # "Dr. Shadlen" for Shadlen, "Mr Obama" for Barack Obama: a title and the same surname
    return bool(last) and low.split()[-1:] == last and len(low.split()) <= len(_norm(name).split()) + 2


def _share(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_judged(pages: Path = PAGES, path: Path = JUDGED) -> dict[str, Any]:
    """Re-score the current extractor against the judged rows.

    For each judged row, the current attributions on that page whose content overlaps
    the judged content (or the content it should have had) are looked at:

    * a row judged *not an attribution* (right source ``-``) is right now when no current
      attribution overlaps it with the same cue (or, for a quotation with no cue, at all);
    * otherwise it is right when one of them has an acceptable source (resolved name and
      mention), the right type when the type was judged wrong, a cue when a missing cue was
      the problem, and, when the content was judged wrong, a content that shares at least
      90 % of the right content and is at least 90 % inside it.

    Returns counts and shares for all rows, the rows tuned on and the held-out rows,
    by problem, and the list of rows that are wrong now.
    """
    import pandas as pd

    from workbook import article_from_text
    from workbook.sourcing import attributions

    rows = read_judged(path)
    predictions: dict[str, list[tuple[int, int, str | None, str, str, str | None, int | None]]] = {}
    texts: dict[str, str] = {}
    for page in sorted({row["page"] for row in rows}):
        file = pages / page / "expected.txt"
        if not file.is_file():
            continue
        article = article_from_text(file.read_text(encoding="utf-8"), id=page)
        texts[page] = article.text
        found = []
        for r in attributions(article).itertuples(index=False):
            mention = "" if pd.isna(r.source_start) else article.text[int(r.source_start):int(r.source_end)]
            found.append((int(r.start), int(r.end), None if pd.isna(r.source) else str(r.source), mention,
                          str(r.source_type), None if pd.isna(r.cue) else str(r.cue),
                          None if pd.isna(r.cue_start) else int(r.cue_start)))
        predictions[page] = found
    results: dict[str, Any] = {"wrong now": [], "missing pages": sorted({r["page"] for r in rows} - set(texts))}
    counts: dict[str, list[int]] = {}
    for row in rows:
        if row["page"] not in predictions:
            continue
        ok = _judge_row(row, predictions[row["page"]])
        part = "held-out" if row["held_out"] == "yes" else "tuning"
        for key in ("all", part, f"problem: {row['problem'] or 'none (judged right)'}",
                    f"judged {row['verdict']}"):
            counts.setdefault(key, [0, 0])
            counts[key][0] += ok
            counts[key][1] += 1
        if not ok:
            results["wrong now"].append(row)
    results["counts"] = counts
    judged_spans = {page: [(int(r["start"]), int(r["end"])) for r in rows if r["page"] == page] +
                    [(int(r["right_start"]), int(r["right_end"])) for r in rows if r["page"] == page and r["right_start"]]
                    for page in predictions}
    results["unjudged"] = [
        (page, texts[page][p[0]:p[1]][:80], p[2], p[5]) for page, found in predictions.items() for p in found
        if not any(_share((p[0], p[1]), span) for span in judged_spans[page])
    ]
    return results


def _judge_row(row: dict[str, str], found: list[tuple[int, int, str | None, str, str, str | None, int | None]]) -> bool:
    judged = (int(row["start"]), int(row["end"]))
    right = (int(row["right_start"]), int(row["right_end"])) if row["right_start"] else None
    if row["right_source"] == "-":
        cue_at = int(row["cue_start"]) if row["cue_start"] else None
        return not any(_share((p[0], p[1]), judged) and (cue_at is None or p[6] == cue_at) for p in found)
    alternatives = row["right_source"].split("|")
    types = row["right_type"].split("|") if row["right_type"] else None
    target = right or judged
    for start, end, name, mention, kind, cue, _ in found:
        overlap = _share((start, end), target)
        if not overlap:
            continue
        if right is not None and (overlap < 0.9 * (right[1] - right[0]) or overlap < 0.9 * (end - start)):
            continue
        if not _source_ok(name, mention, alternatives):
            continue
        if types is not None and kind not in types:
            continue
        if row["problem"] == "cue" and not cue:
            continue
        return True
    return False


def judged_main(pages: str | None, show: bool = False) -> int:
    folder = Path(pages).expanduser() if pages else PAGES
    if (folder / "webpages-dev").is_dir():
        folder = folder / "webpages-dev"
    if not folder.is_dir():
        print(f"judged attributions skipped: no web pages at {folder} (the webpages-dev folder).")
        return 0
    results = score_judged(folder)
    counts = results["counts"]
    if not counts:
        print(f"judged attributions skipped: none of the judged pages is in {folder}.")
        return 0
    print(f"Teacher-judged attributions ({JUDGED.relative_to(REPO)}), re-scored on {folder}")
    print("share right now (aim >= 0.85):")
    order = ["all", "tuning", "held-out", "judged right", "judged wrong"] + sorted(k for k in counts if k.startswith("problem"))
    for key in order:
        if key in counts:
            good, total = counts[key]
            print(f"  {key:<34} {good:>4} / {total:<4} {good / total:.3f}")
    print(f"  attributions found now on no judged row: {len(results['unjudged'])} (not scored)")
    if show:
        print("\nwrong now:")
        for row in results["wrong now"]:
            held = " [held out]" if row["held_out"] == "yes" else ""
            print(f"  {row['page']}{held}: {row['content'][:70]!r} - {row['why']}")
        print("\nnot judged:")
        for page, text, source, cue in results["unjudged"]:
            print(f"  {page}: {source!r} {cue!r}: {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
