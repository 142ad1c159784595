"""Time `figures`, `checks`, `time_refs` and `spans.span_frame` on fresh articles.

Usage::

    python -m bench.figures_speed [--runs N] [--warm] [--tree PATH] [--profile] [--calls] [--wall]

Every run re-creates each article from its text (so nothing cached on the
``Article`` object carries over), segments it, then calls the functions:

* ``alone``: each function on its own freshly made article (what one call costs);
* ``in turn``: figures, checks, time_refs one after another on the same article
  (shared per-article work counts once); then, as ``python -m bench`` also runs
  ``events`` and ``compare`` (which call them again), the same followed by
  ``timeline.events`` and the three once more.

Before every run the text-keyed memo caches are emptied, as ``python -m bench``
does (``bench.common.reset_memo_caches``), so a run costs what new articles
cost; ``--warm`` keeps them (then repeated runs mostly measure cache look-ups).
``--tree PATH`` imports ``workbook`` from another checkout (for before/after in
one session: run both trees one after the other, several times, and compare).
Times are this process's CPU time (``--wall`` for the wall clock), so other
people's jobs on a shared machine disturb them less. ``--calls`` prints the number of Python function calls per run (steady under load).
The seed texts come from ``WORKBOOK_SEEDS`` or ``seeds/``; the PolNeAR texts from
``../shared/benchmarks/polnear-dev/text``. Numbers are medians in milliseconds.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "benchmarks" / "polnear-dev" / "text"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.figures_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warm", action="store_true", help="keep the text-keyed memo caches between runs")
    parser.add_argument("--tree", type=Path, default=None, help="import workbook from this folder")
    parser.add_argument("--profile", action="store_true", help="print cProfile hot spots (seeds, in turn)")
    parser.add_argument("--calls", action="store_true", help="print function calls per run")
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    parser.add_argument("--wall", action="store_true",
                        help="time by the wall clock (default: this process's CPU time, steadier on a busy machine)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    arguments = _arguments(argv)
    if arguments.tree:
        sys.path.insert(0, str(arguments.tree.resolve()))
        os.environ.setdefault("WORKBOOK_SEEDS", str(REPO / "seeds"))
    clock = time.perf_counter if arguments.wall else time.process_time
    import workbook
    from workbook import dates, figures, load_article, load_seeds, spans, timeline
    from workbook.articles import Article

    from bench.common import reset_memo_caches

    def clear() -> None:
        if not arguments.warm:
            reset_memo_caches()

    seeds = [(a.id, a.text, dict(a.metadata)) for a in load_seeds()]
    paths = sorted(arguments.polnear.glob("*.txt")) if arguments.polnear.is_dir() else []
    polnear = [(a.id, a.text, dict(a.metadata)) for a in (load_article(p) for p in paths)]

    def fresh(items: list[tuple[str, str, dict[str, Any]]]) -> list[Article]:
        made = [Article(id=i, text=t, metadata=m) for i, t, m in items]
        for article in made:
            article.block_list, article.sentence_list
        return made

    def figure_rows(article: Article) -> list[dict[str, Any]]:
        return [
            {"start": f.start, "end": f.end, "value": f.value, "low": f.low, "high": f.high, "unit": f.unit,
             "kind": f.kind, "what": f.what, "approximate": f.approximate, "reason": f.reason}
            for f in figures._article_figures(article)
        ]

    functions: dict[str, Callable[[Article], Any]] = {
        "figures.figures": figures.figures,
        "figures.checks": figures.checks,
        "timeline.time_refs": timeline.time_refs,
    }

    def time_one(items, call) -> float:
        clear()
        made = fresh(items)
        gc.collect()
        start = clock()
        for article in made:
            call(article)
        return clock() - start

    def in_turn(items, again: bool = False) -> float:
        """The three in turn; `again`: then events and the three again, as python -m bench's
        events and compare rows (and the highlighter) call them on the same articles."""
        clear()
        made = fresh(items)
        gc.collect()
        start = clock()
        for article in made:
            for function in functions.values():
                function(article)
        if again:
            timeline.events(made)
            for article in made:
                for function in functions.values():
                    function(article)
        return clock() - start

    def span_frame_only(items) -> float:
        clear()
        made = fresh(items)
        rows = [figure_rows(a) + [{"start": s.start, "end": s.end, "kind": "sentence"} for s in a.sentence_list] for a in made]
        columns = dict(figures.FIGURE_COLUMNS)
        gc.collect()
        start = clock()
        for article, article_rows in zip(made, rows):
            spans.span_frame(article, article_rows, columns)
        return clock() - start

    def segment(items) -> float:
        start = clock()
        fresh(items)
        return clock() - start

    for items in (seeds, polnear[:3]):  # warm up imports, compiled patterns, word lists
        in_turn(items)
        span_frame_only(items)

    print(f"workbook from {Path(workbook.__file__).parent}; {'warm' if arguments.warm else 'emptied'} memo caches; {arguments.runs} runs; "
          f"{'wall clock' if arguments.wall else 'CPU time'}")
    runs = arguments.runs
    results: dict[str, list[float]] = {}
    for _ in range(runs):
        results.setdefault("seeds: segmentation (fresh articles)", []).append(segment(seeds))
        for name, function in functions.items():
            results.setdefault(f"seeds: {name} alone", []).append(time_one(seeds, function))
        results.setdefault("seeds: spans.span_frame (figure rows + one row per sentence)", []).append(span_frame_only(seeds))
        results.setdefault("seeds: figures, checks, time_refs in turn", []).append(in_turn(seeds))
        results.setdefault("seeds: ... then timeline.events and figures, checks, time_refs again", []).append(in_turn(seeds, again=True))
    for name, samples in results.items():
        print(f"  {name:<66} {statistics.median(samples) * 1000:8.2f} ms")
    if polnear:
        rounds = max(3, runs // 5)
        seg = sorted(segment(polnear) for _ in range(rounds))[rounds // 2]
        turn = sorted(in_turn(polnear) for _ in range(rounds))[rounds // 2]
        print(f"  PolNeAR ({len(polnear)} texts): segmentation {len(polnear) / seg:8.0f} articles/s")
        print(f"  PolNeAR: figures+checks+time_refs (after segmentation) {len(polnear) / turn:8.0f} articles/s"
              f" ({turn * 1000:.0f} ms)")
        print(f"  PolNeAR: segmentation + figures+checks+time_refs          {len(polnear) / (seg + turn):8.0f} articles/s")
    if polnear:
        # one article 10 times longer: work that grows with the square of an article's length shows here
        paragraphs = [b.text for _, text, _ in polnear for b in Article(id="p", text=text).block_list]
        short, long = [], []
        for paragraph in paragraphs:
            (short if sum(map(len, short)) < 20_000 else long).append(paragraph)
            if sum(map(len, short)) + sum(map(len, long)) >= 200_000:
                break
        small = [("short", "\n\n".join(short), {})]
        large = [("long", "\n\n".join(short + long), {})]
        one = min(in_turn(small) for _ in range(3))
        ten = min(in_turn(large) for _ in range(2))
        print(f"  one article {len(large[0][1]) / len(small[0][1]):.1f}x longer: figures+checks+time_refs time ratio"
              f" {ten / one:.1f} ({one * 1000:.0f} ms -> {ten * 1000:.0f} ms)")
    if arguments.calls:
        for label, items in (("seeds", seeds), ("PolNeAR", polnear)):
            for name, function in list(functions.items()) + [("in turn", None)]:
                clear()
                made = fresh(items)
                profiler = cProfile.Profile(clock)
                profiler.enable()
                for article in made:
                    if function is None:
                        for f in functions.values():
                            f(article)
                    else:
                        function(article)
                profiler.disable()
                stats = pstats.Stats(profiler)
                print(f"  calls, {label}: {name:<24} {stats.total_calls:>10}")
    if arguments.profile:
        clear()
        made = fresh(seeds)
        profiler = cProfile.Profile(clock)
        profiler.enable()
        for article in made:
            for function in functions.values():
                function(article)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
        print(out.getvalue())


if __name__ == "__main__":
    main()
