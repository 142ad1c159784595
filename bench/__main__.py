"""One benchmark command: ``python -m bench`` prints one table, every figure from the same run.

Rows (docs/performance.md explains each and the aims):

* both seeds through loading, segmentation and every extractor (median ms, warm);
* throughput on the PolNeAR texts (articles per second) and how time grows with
  10 times the input (more articles; a longer article);
* ``import workbook`` time in a fresh interpreter, and whether Altair came with it;
* peak memory of a kernel running each notebook, what a lesson's kernel holds, Run All to idle
  for each lesson in JupyterLab in Chromium, and the nbval suite's wall time;
* ``workbook extract`` on 840 PolNeAR files (a child process, articles per CPU second), and the
  highlighter's bytes per redraw;
* the aims of issue 14 side by side with the figures above, at the end;
* peers on the same inputs: quantulum3 beside ``workbook.figures``, pysbd beside
  ``workbook.sentences``, accuracy and time, with the ratio.

Extractors are looked up by name when the benchmark runs; one that does not
exist yet gets a "not available yet" row, so the table grows as modules land.

Usage::

    python -m bench                # everything (a few minutes: nbval runs every notebook)
    python -m bench --quick        # under a minute: fewer runs, a smaller corpus, no notebooks
    python -m bench --skip-nbval   # everything but the nbval suite
    python -m bench --profile      # also print each extractor's hot spots on the seeds
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from bench import browser, peers
from bench.common import (
    CLOCK_NAME,
    COMBINED,
    DEFAULT_BENCHMARKS,
    EXTRACTORS,
    REPO,
    Extractor,
    Table,
    find_extractors,
    cli_extract,
    highlighter_payload,
    import_time,
    kernel_parts,
    kernel_peak_rss,
    polnear_copies,
    median_ms,
    nbval_suite,
    reset_memo_caches,
    notebook_paths,
    timed,
    verdict,
)

SEEDS_AIM_MS = 50.0  # issue 8: both seeds through everything
SEGMENT_AIM_MS = 5.0  # issue 2: both seeds loaded and segmented
THROUGHPUT_AIM = 200.0  # issue 8: articles per second, everything
SEGMENT_THROUGHPUT_AIM = 500.0  # issue 2: articles per second, load and segment
LINEAR_LIMIT = 12.0  # a 10x ratio up to 12 counts as linear (timing noise on a shared machine)
IMPORT_AIM_S = 0.5
KERNEL_AIM_MB = 130.0  # issue 14: kernel peak per lesson (a bare kernel with pandas and ipywidgets is about 100 MB)
RUN_ALL_AIM_S = 6.0  # issue 14: a lesson, Run All to idle in Chromium
CLI_AIM = 200.0  # issue 14: `workbook extract` on 840 PolNeAR files, articles per second
HIGHLIGHT_AIM_KB = 100.0  # issue 14: the highlighter's bytes per redraw


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs and a smaller corpus, no notebooks or nbval: under a minute")
    parser.add_argument("--skip-nbval", action="store_true", help="do not run the nbval suite (slow)")
    parser.add_argument("--skip-notebooks", action="store_true", help="do not measure kernel memory")
    parser.add_argument("--skip-browser", action="store_true", help="do not time the lessons in Chromium")
    parser.add_argument("--runs", type=int, default=None, help="repeats for the seed timings (default 20, quick 5)")
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS,
                        help=f"the shared gold data (default {DEFAULT_BENCHMARKS})")
    parser.add_argument("--notebooks", type=Path, default=REPO / "notebooks", help="folder of lesson notebooks")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows to this JSON file")
    parser.add_argument("--profile", action="store_true", help="print each extractor's hot spots on the seeds")
    arguments = parser.parse_args(argv)
    if arguments.quick:
        arguments.skip_nbval = True
        arguments.skip_notebooks = True
        arguments.skip_browser = True
    return arguments


#: The rows the closing "aims of issue 14" section repeats, by key (filled as the run goes).
AIM_ROWS: dict[str, Any] = {}

# ---- seeds -------------------------------------------------------------------------------------


def bench_seeds(table: Table, extractors: list[Extractor], combined: list[Extractor], runs: int) -> None:
    """Both seeds: load, segment, then each extractor on the freshly segmented articles."""
    from workbook import load_seeds

    table.section(f"Both seeds, median ms of {runs} warm runs ({CLOCK_NAME})")
    available = [e for e in extractors if e.function is not None]
    failed: dict[str, str] = {}
    samples: dict[str, list[float]] = {"load": [], "segment": [], "everything": []}
    for extractor in available + [c for c in combined if c.function is not None]:
        samples[extractor.label] = []

    def segment(articles: list[Any]) -> None:
        for article in articles:
            article.block_list, article.sentence_list, article.blocks, article.sentences

    for run in range(runs + 1):  # run 0 warms up (imports, word lists, compiled patterns)
        reset_memo_caches()  # each run costs what two new articles would
        holder: dict[str, Any] = {}
        load = timed(lambda: holder.setdefault("articles", load_seeds()))
        articles = holder["articles"]
        seg = timed(lambda: segment(articles))
        total = load + seg
        for extractor in available + [c for c in combined if c.function is not None]:
            if extractor.label in failed:
                continue
            target = articles
            if extractor in combined:  # on fresh articles, so it computes everything it stacks
                reset_memo_caches()
                target = load_seeds()
                segment(target)
            try:
                seconds = timed(lambda: extractor.run(target))
            except Exception as error:  # report a teammate's crash as a row, keep measuring
                failed[extractor.label] = f"error: {type(error).__name__}: {error}"[:160]
                continue
            if run:
                samples[extractor.label].append(seconds)
            if extractor in available:
                total += seconds
        if run:
            samples["load"].append(load)
            samples["segment"].append(seg)
            samples["everything"].append(total)

    load_ms, segment_ms = median_ms(samples["load"]), median_ms(samples["segment"])
    table.add("load (read, decode, normalise, metadata)", f"{load_ms:.2f} ms")
    table.add("segmentation (blocks, sentences, their tables)", f"{segment_ms:.2f} ms")
    both = median_ms([a + b for a, b in zip(samples["load"], samples["segment"])])
    table.add("load + segmentation", f"{both:.2f} ms", aim=f"< {SEGMENT_AIM_MS:g} ms (issue 2)",
              met=verdict(both < SEGMENT_AIM_MS))
    for extractor in extractors + combined:
        what = f"{extractor.label}({'articles' if extractor.takes == 'articles' else 'article'})"
        if extractor.function is None:
            table.add(what, "—", note=extractor.missing)
        elif extractor.label in failed:
            table.add(what, "—", note=failed[extractor.label])
        else:
            note = ("stacks every extractor, timed on fresh articles; not added to the total"
                    if extractor in combined else "")
            table.add(what, f"{median_ms(samples[extractor.label]):.2f} ms", note=note)
    everything = median_ms(samples["everything"])
    missing = [e.label for e in extractors if e.function is None or e.label in failed]
    AIM_ROWS["seeds"] = table.add(
        "everything (load + segmentation + every extractor above)",
        f"{everything:.2f} ms",
        aim=f"< {SEEDS_AIM_MS:g} ms",
        met=verdict(everything < SEEDS_AIM_MS),
        note=f"without {len(missing)} missing: {', '.join(missing)}" if missing else "all extractors present",
    )


def profile_seeds(extractors: list[Extractor], runs: int = 5, top: int = 12) -> str:
    """cProfile of each extractor on both seeds: the functions taking the most time."""
    from workbook import load_seeds

    out = io.StringIO()
    for extractor in extractors:
        if extractor.function is None:
            continue
        articles = load_seeds()
        for article in articles:
            article.blocks, article.sentences
        try:
            extractor.run(articles)
        except Exception as error:
            print(f"\n### {extractor.label}: fails ({type(error).__name__}: {error})", file=out)
            continue
        profiler = cProfile.Profile()
        for _ in range(runs):
            reset_memo_caches()
            fresh = load_seeds()
            for article in fresh:
                article.blocks, article.sentences
            profiler.enable()
            extractor.run(fresh)
            profiler.disable()
        print(f"\n### {extractor.label}: {runs} runs on both seeds, freshly loaded and segmented", file=out)
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


# ---- throughput and scaling -----------------------------------------------------------------------


def _pipeline(paths: list[Path], extractors: list[Extractor]) -> None:
    from workbook import load_article

    for path in paths:
        reset_memo_caches()  # every copy counts as a new article
        article = load_article(path)
        article.blocks, article.sentences
        for extractor in extractors:
            extractor.function(article)


def _text_pipeline(text: str, extractors: list[Extractor]) -> dict[str, float]:
    """Seconds per stage for one article made from `text`: segmentation, then each extractor."""
    from workbook import article_from_text

    reset_memo_caches()
    stages: dict[str, float] = {}
    holder: dict[str, Any] = {}

    def segment() -> None:
        article = holder.setdefault("article", article_from_text(text, id="scaling"))
        article.blocks, article.sentences

    stages["segmentation"] = timed(segment)
    for extractor in extractors:
        stages[extractor.label] = timed(lambda: extractor.function(holder["article"]))
    return stages


def _median_stages(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run whose total is the median of `runs`."""
    ordered = sorted(runs, key=lambda stages: sum(stages.values()))
    return ordered[len(ordered) // 2]


def _safe(extractors: list[Extractor], probe: Any) -> tuple[list[Extractor], list[str]]:
    """The extractors that run without error on `probe` (an article), and notes on the others."""
    good, notes = [], []
    for extractor in extractors:
        try:
            extractor.function(probe)
        except Exception as error:
            notes.append(f"{extractor.label} fails: {type(error).__name__}")
        else:
            good.append(extractor)
    return good, notes


def bench_throughput(table: Table, extractors: list[Extractor], benchmarks: Path, quick: bool) -> None:
    from workbook import load_article

    folder = benchmarks / "polnear-dev" / "text"
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not paths:
        table.section("Throughput")
        table.add("PolNeAR texts", "—", note=f"skipped: no texts in {folder}")
        return
    if quick:
        paths = paths[:20]
    per_article = [e for e in extractors if e.function is not None and e.takes == "article"]
    per_article, notes = _safe(per_article, load_article(paths[0]))
    table.section(f"Throughput on {len(paths)} PolNeAR texts ({sum(p.stat().st_size for p in paths) / 1e3:.0f} KB, "
                  f"{CLOCK_NAME})")

    for label, chosen, aim in (
        ("load + segmentation", [], SEGMENT_THROUGHPUT_AIM),
        (f"load + segmentation + {len(per_article)} per-article extractors", per_article, THROUGHPUT_AIM),
    ):
        _pipeline(paths[:3], chosen)  # warm
        once = sorted(timed(lambda: _pipeline(paths, chosen)) for _ in range(3))[1]
        tenfold = timed(lambda: _pipeline(paths * 10, chosen))
        rate = len(paths) / once
        table.add(f"{label}: articles per second", f"{rate:.0f} /s", aim=f">= {aim:g} /s",
                  met=verdict(rate >= aim), note="; ".join(notes) if chosen and notes else "")
        ratio = tenfold / once
        table.add(f"{label}: time for 10x the articles ÷ 1x", f"{ratio:.1f}",
                  aim=f"≈ 10 (linear, <= {LINEAR_LIMIT:g})", met=verdict(ratio <= LINEAR_LIMIT),
                  note=f"1x {once * 1000:.0f} ms, 10x {tenfold * 1000:.0f} ms")

    # One article ten times longer: catches work that grows with the square of an article's length.
    paragraphs = [b.text for p in sorted(folder.glob("*.txt")) for b in load_article(p).block_list]
    size = 20_000 if quick else 40_000
    chosen_paragraphs: list[str] = []
    for paragraph in paragraphs:
        chosen_paragraphs.append(paragraph)
        if sum(len(p) + 2 for p in chosen_paragraphs) >= 10 * size:
            break
    cut = next(i for i in range(len(chosen_paragraphs))
               if sum(len(p) + 2 for p in chosen_paragraphs[: i + 1]) >= size)
    short_text = "\n\n".join(chosen_paragraphs[: cut + 1])
    long_text = "\n\n".join(chosen_paragraphs)
    if len(long_text) < 9 * len(short_text):
        table.add("one article 10x longer", "—", note="skipped: not enough PolNeAR text for 10x")
        return
    for label, short, long in (
        ("one article", short_text, long_text),
        ("one paragraph (no line breaks)", " ".join(short_text.split()), " ".join(long_text.split())),
    ):
        _text_pipeline(short, per_article)
        small_stages = _median_stages([_text_pipeline(short, per_article) for _ in range(3)])
        large_stages = _median_stages([_text_pipeline(long, per_article) for _ in range(1 if quick else 3)])
        once, tenfold = sum(small_stages.values()), sum(large_stages.values())
        ratio = tenfold / once
        stage_ratios = {
            stage: large_stages[stage] / small_stages[stage] for stage in small_stages if small_stages[stage] > 0
        }
        worst = sorted(stage_ratios.items(), key=lambda item: -item[1])[:3]
        table.add(
            f"{label} {len(long) / len(short):.1f}x longer ({len(long) // 1000} KB vs "
            f"{len(short) // 1000} KB), everything: time ratio",
            f"{ratio:.1f}",
            aim=f"≈ 10 (linear, <= {LINEAR_LIMIT:g})",
            met=verdict(ratio <= LINEAR_LIMIT),
            note=f"1x {once * 1000:.0f} ms, 10x {tenfold * 1000:.0f} ms; steepest: "
            + ", ".join(f"{stage} {value:.0f}x ({large_stages[stage] * 1000:.0f} ms)" for stage, value in worst),
        )


# ---- import, kernel, nbval -------------------------------------------------------------------------


def bench_startup(table: Table, extractors: list[Extractor], runs: int) -> None:
    table.section(f"Start-up, fresh interpreter, median of {runs}")
    plain = import_time(runs=runs)
    if "error" in plain:
        table.add("import workbook", "—", note=plain["error"])
    else:
        AIM_ROWS["import"] = table.add("import workbook (wall time)", f"{plain['seconds']:.3f} s", aim=f"< {IMPORT_AIM_S:g} s",
                  met=verdict(plain["seconds"] < IMPORT_AIM_S),
                  note=f"CPU time {plain['cpu']:.3f} s (numpy's threads can make it exceed wall time)")
        table.add("altair imported by `import workbook`", "yes" if plain["altair"] else "no", aim="no",
                  met=verdict(not plain["altair"]),
                  note="ipywidgets imported too" if plain["ipywidgets"] else "ipywidgets not imported either")
        table.add("pandas imported by `import workbook`", "yes" if plain.get("pandas") else "no", aim="no",
                  met=verdict(not plain.get("pandas")), note="tables import it when one is asked for")
    modules = sorted({f"workbook.{e.module}" for e in extractors if e.function is not None})
    if modules:
        full = import_time(modules, runs=runs)
        if "error" in full:
            table.add("import workbook + extractor modules", "—", note=full["error"])
        else:
            table.add("import workbook + extractor modules (wall time)", f"{full['seconds']:.3f} s",
                      aim=f"< {IMPORT_AIM_S:g} s", met=verdict(full["seconds"] < IMPORT_AIM_S),
                      note=f"CPU time {full['cpu']:.3f} s; {', '.join(m.split('.')[1] for m in modules)}; "
                           "altair " + ("imported" if full["altair"] else "not imported"))


def bench_notebooks(table: Table, folder: Path, skip_kernel: bool, skip_nbval: bool, skip_browser: bool = True) -> None:
    table.section("Notebooks")
    notebooks = notebook_paths(folder) if folder.is_dir() else []
    if skip_kernel:
        table.add("kernel peak memory (RSS)", "—", note="skipped (--quick or --skip-notebooks)")
    elif not notebooks:
        table.add("kernel peak memory (RSS)", "—", note=f"skipped: no notebooks in {folder} yet")
    else:
        results = {path.name: kernel_peak_rss(path) for path in notebooks}
        measured = {name: r for name, r in results.items() if r.get("rss_kb")}
        errors = [f"{name}: {r['error']}" for name, r in results.items() if r.get("error")]
        if measured:
            worst = max(measured, key=lambda name: measured[name]["rss_kb"])
            peak = measured[worst]["rss_kb"] / 1024
            detail = ", ".join(f"{name.split('_')[0].split('.')[0]} {r['rss_kb'] / 1024:.0f}" for name, r in measured.items())
            AIM_ROWS["kernel"] = table.add(f"kernel peak memory (RSS), largest of {len(measured)} notebooks, one kernel each",
                      f"{peak:.0f} MB", aim=f"<= {KERNEL_AIM_MB:g} MB", met=verdict(peak <= KERNEL_AIM_MB),
                      note=f"largest: {worst}; MB per notebook: {detail}")
            total = sum(r["seconds"] or 0 for r in results.values())
            table.add("run every notebook (nbclient, kernel start included)", f"{total:.1f} s",
                      note="; ".join(errors)[:300] if errors else "no errors")
        else:
            table.add("kernel peak memory (RSS)", "—", note="; ".join(errors)[:300] or "no figure reported")
    if not skip_kernel:
        parts = kernel_parts()
        if "error" in parts:
            table.add("what a lesson's kernel holds", "—", note=parts["error"])
        else:
            flags = ("altair imported", "vl-convert imported")
            held = [(name, mb) for name, mb in parts["parts"] if name not in flags]
            found = dict(parts["parts"])
            table.add("what a lesson's kernel holds (RSS added by each part, in a lesson's order)",
                      f"{parts['total']:.0f} MB", aim=f"<= {KERNEL_AIM_MB:g} MB", met=verdict(parts["total"] <= KERNEL_AIM_MB),
                      note="; ".join(f"{name} {mb:.0f}" for name, mb in held)
                      + ("; altair imported" if found.get("altair imported") else "; altair not imported")
                      + ("; vl-convert imported" if found.get("vl-convert imported") else "; vl-convert not imported")
                      + "".join(f"; not in a lesson: {name} +{mb:.0f}" for name, mb in parts.get("optional", [])))
    if skip_browser:
        table.add("lesson, Run All to idle in Chromium", "—", note="skipped (--quick or --skip-browser)")
    elif not notebooks:
        table.add("lesson, Run All to idle in Chromium", "—", note=f"skipped: no notebooks in {folder} yet")
    else:
        timed_runs = browser.run_all_times(notebooks)
        if "error" in timed_runs:
            table.add("lesson, Run All to idle in Chromium", "—", note=f"skipped: {timed_runs['error']}")
        else:
            seconds = {name: value for name, value in timed_runs["seconds"].items() if isinstance(value, float)}
            failed = [f"{name}: {value}" for name, value in timed_runs["seconds"].items() if not isinstance(value, float)]
            if seconds:
                worst = max(seconds, key=seconds.get)
                AIM_ROWS["browser"] = table.add(
                    f"lesson, Run All to idle in Chromium (wall time), slowest of {len(seconds)}", f"{seconds[worst]:.1f} s",
                    aim=f"<= {RUN_ALL_AIM_S:g} s", met=verdict(seconds[worst] <= RUN_ALL_AIM_S),
                    note=f"slowest: {worst}; s per lesson: "
                    + ", ".join(f"{name.split('-')[0]} {value:.1f}" for name, value in seconds.items())
                    + (f"; failed: {'; '.join(failed)}"[:200] if failed else ""))
            else:
                table.add("lesson, Run All to idle in Chromium", "—", note="; ".join(failed)[:300])
    if skip_nbval:
        table.add("nbval suite wall time", "—", note="skipped (--quick or --skip-nbval)")
    elif not notebooks:
        table.add("nbval suite wall time", "—", note=f"skipped: no notebooks in {folder} yet")
    else:
        result = nbval_suite(folder)
        table.add(f"nbval suite wall time (pytest --nbval-lax {folder.name}/)", f"{result['seconds']:.1f} s",
                  met=verdict(result["ok"]), note=result["summary"])


# ---- the command line, the highlighter, the aims -------------------------------------------------


def bench_cli(table: Table, benchmarks: Path, quick: bool) -> None:
    """``workbook extract`` on ten copies of the 84 PolNeAR texts (one copy with --quick), in a child process."""
    import tempfile

    copies = 1 if quick else 10
    with tempfile.TemporaryDirectory(prefix="bench-polnear-") as name:
        folder = Path(name)
        count = polnear_copies(benchmarks, folder, copies)
        table.section(f"The command line: `workbook extract` on {count} PolNeAR files (a child process, start-up included)")
        if not count:
            table.add("workbook extract", "—", note=f"skipped: no texts in {benchmarks / 'polnear-dev' / 'text'}")
            return
        result = cli_extract(folder)
    if "error" in result:
        table.add("workbook extract", "—", note=f"error: {result['error']}")
        return
    rate = count / result["cpu"]
    AIM_ROWS["cli"] = table.add(
        "articles per CPU second", f"{rate:.0f} /s", aim=f">= {CLI_AIM:g} /s", met=verdict(rate >= CLI_AIM),
        note=f"{result['cpu']:.1f} s CPU (user + system), {result['wall']:.1f} s wall ({count / result['wall']:.0f} /s by the wall "
        f"clock on this shared machine); {result['bytes'] / 1e6:.1f} MB of JSON; peak {result['peak_kb'] / 1024:.0f} MB"
        + ("" if copies == 1 else f"; {copies} copies of each text, so text-keyed memos may help a little"),
    )


def bench_highlighter(table: Table) -> None:
    table.section("Highlighter: bytes sent per redraw (both seeds, through workbook.widgets.highlight_html)")
    payload = highlighter_payload()
    if "error" in payload:
        table.add("bytes per redraw", "—", note=payload["error"])
        return
    if "redraw" in payload:
        kb = payload["redraw"] / 1024
        AIM_ROWS["highlighter"] = table.add(
            "bytes per redraw (one tick, every widget update as JSON: widgets.highlighter.redraw_payload)",
            f"{kb:.1f} KB", aim=f"< {HIGHLIGHT_AIM_KB:g} KB", met=verdict(kb < HIGHLIGHT_AIM_KB))
    kb = payload["all"] / 1024
    row = table.add("the highlighter's HTML, every category on (sent when it is first shown)", f"{kb:.0f} KB",
                    aim="" if "redraw" in payload else f"< {HIGHLIGHT_AIM_KB:g} KB",
                    met="" if "redraw" in payload else verdict(kb < HIGHLIGHT_AIM_KB),
                    note=payload.get("redraw_error", ""))
    AIM_ROWS.setdefault("highlighter", row)
    table.add("the highlighter's HTML, figures only", f"{payload['figures'] / 1024:.0f} KB")


#: The closing section: issue 14's table, each aim beside the figure measured above in this run.
AIMS = (
    ("kernel", "kernel peak per lesson"),
    ("browser", "lesson, Run All to idle in Chromium"),
    ("import", "`import workbook` (wall time)"),
    ("seeds", "both seeds through every extractor (CPU time)"),
    ("cli", "`workbook extract` on the PolNeAR files (articles per CPU second)"),
    ("highlighter", "highlighter bytes per redraw, every category"),
)


def bench_aims(table: Table) -> None:
    table.section("Aims of issue 14, side by side (the figures above, this run)")
    for key, what in AIMS:
        row = AIM_ROWS.get(key)
        if row is None:
            table.add(what, "—", note="not measured in this run (see the flags)")
        else:
            table.add(what, row.workbook, aim=row.aim, met=row.met)


# ---- peers ---------------------------------------------------------------------------------------


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}" if theirs else "—"


def bench_figures(table: Table, extractors: list[Extractor], benchmarks: Path, runs: int) -> None:
    items = peers.load_quantities(benchmarks)
    table.section(f"Figures beside quantulum3 (its own 101 test sentences, 148 quantities; {CLOCK_NAME})")
    if items is None:
        table.add("quantulum3 gold", "—", note=f"skipped: no {benchmarks / 'quantulum3' / 'quantities.json'}")
        return
    figures = next((e for e in extractors if e.label == "figures.figures"), None)
    theirs = peers.quantulum3_parser()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is absent
        their_score = peers.score_quantities(items, theirs) if callable(theirs) else None
        their_ms = peers.time_parser(items, theirs, runs) if callable(theirs) else None
    ours, our_score, our_ms, note = None, None, None, ""
    if figures is None or figures.function is None:
        note = f"figures.figures {figures.missing if figures else 'not available yet'}"
    else:
        ours = peers.workbook_figures(figures.function)
        try:
            our_score = peers.score_quantities(items, ours)
            our_ms = peers.time_parser(items, ours, runs)
        except Exception as error:
            note = f"figures.figures fails: {type(error).__name__}: {error}"[:160]
    if not callable(theirs):
        note = (note + "; " if note else "") + theirs
    table.add(
        "value recall (value right, text overlapping)",
        f"{our_score['recall']:.1%}" if our_score else "—",
        f"{their_score['recall']:.1%}" if their_score else "—",
        _ratio(our_score["recall"], their_score["recall"]) if our_score and their_score else "",
        note=note or "quantulum3 is scored on its own test gold, so it is expected near 100 %",
    )
    if our_score or their_score:
        table.add(
            "unit agreement on the values found",
            f"{our_score['unit_agreement']:.1%}" if our_score else "—",
            f"{their_score['unit_agreement']:.1%}" if their_score else "—",
            _ratio(our_score["unit_agreement"], their_score["unit_agreement"]) if our_score and their_score else "",
            note="unit names compared loosely: symbols spelled out (km = kilometre), metre = meter, plural = singular, no unit = dimensionless",
        )
    table.add(
        f"time for the 101 sentences, median of {runs}",
        f"{our_ms:.1f} ms" if our_ms is not None else "—",
        f"{their_ms:.1f} ms" if their_ms is not None else "—",
        _ratio(our_ms, their_ms) if our_ms is not None and their_ms else "",
        note="workbook side includes building and segmenting a one-paragraph article per sentence",
    )


def bench_sentences(table: Table, benchmarks: Path, runs: int, quick: bool) -> None:
    gold = peers.load_gold_sentences()
    table.section(f"Sentences beside pysbd ({len(gold)} gold passages in tests/data/sentences_gold.tsv; {CLOCK_NAME})")
    ours = peers.workbook_splitter()
    theirs = peers.pysbd_splitter()
    missing = "" if callable(theirs) else theirs
    our_score = peers.score_splitter(gold, ours)
    their_score = peers.score_splitter(gold, theirs) if callable(theirs) else None
    table.add(
        "passages split exactly right",
        f"{our_score['accuracy']:.1%}",
        f"{their_score['accuracy']:.1%}" if their_score else "—",
        _ratio(our_score["accuracy"], their_score["accuracy"]) if their_score else "",
        note=missing or f"wrong: workbook {', '.join(our_score['wrong']) or 'none'}; "
                        f"pysbd {', '.join(their_score['wrong']) or 'none'}",
    )
    table.add(
        "boundary F1 (precision / recall)",
        f"{our_score['f1']:.3f} ({our_score['precision']:.2f}/{our_score['recall']:.2f})",
        f"{their_score['f1']:.3f} ({their_score['precision']:.2f}/{their_score['recall']:.2f})" if their_score else "—",
        _ratio(our_score["f1"], their_score["f1"]) if their_score else "",
    )
    texts = [" ".join(sentences) for _, _, sentences in gold]
    our_ms = peers.time_splitter(texts, ours, runs)
    their_ms = peers.time_splitter(texts, theirs, runs) if callable(theirs) else None
    table.add(f"time for the gold passages, median of {runs}", f"{our_ms:.2f} ms",
              f"{their_ms:.1f} ms" if their_ms is not None else "—",
              _ratio(our_ms, their_ms) if their_ms else "")
    blocks = peers.polnear_blocks(benchmarks, limit=20 if quick else None)
    if blocks:
        block_runs = 1 if quick else 3
        our_ms = peers.time_splitter(blocks, ours, block_runs)
        their_ms = peers.time_splitter(blocks, theirs, block_runs) if callable(theirs) else None
        table.add(f"time for {len(blocks)} PolNeAR blocks ({sum(map(len, blocks)) // 1000} KB), median of {block_runs}",
                  f"{our_ms:.1f} ms", f"{their_ms:.0f} ms" if their_ms is not None else "—",
                  _ratio(our_ms, their_ms) if their_ms else "")


# ---- main -----------------------------------------------------------------------------------------


def describe_run(arguments: argparse.Namespace) -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=REPO, timeout=10).stdout.strip()
    except Exception:
        commit = "?"
    flags = " ".join(a for a in sys.argv[1:]) or "(no flags)"
    try:
        load = " · load average %.1f" % os.getloadavg()[0]
    except OSError:
        load = ""
    return (
        f"python -m bench {flags} · {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC · commit {commit} · "
        f"Python {platform.python_version()} · {os.cpu_count()} CPUs · {platform.machine()}{load} · "
        f"timings in {CLOCK_NAME} (BENCH_CLOCK=wall for wall time)"
    )


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    # Teammates' modules warn when a tool they stack is missing; the table already says so.
    warnings.simplefilter("ignore")
    runs = arguments.runs or (5 if arguments.quick else 20)
    started = time.perf_counter()
    extractors = find_extractors(EXTRACTORS)
    combined = find_extractors(COMBINED)
    table = Table()
    bench_seeds(table, extractors, combined, runs)
    bench_throughput(table, extractors, arguments.benchmarks, arguments.quick)
    bench_startup(table, extractors, 3 if arguments.quick else 5)
    bench_cli(table, arguments.benchmarks, arguments.quick)
    bench_highlighter(table)
    bench_notebooks(table, arguments.notebooks, arguments.skip_notebooks, arguments.skip_nbval, arguments.skip_browser)
    peer_runs = 3 if arguments.quick else 5
    bench_figures(table, extractors, arguments.benchmarks, peer_runs)
    bench_sentences(table, arguments.benchmarks, peer_runs, arguments.quick)
    bench_aims(table)

    print(describe_run(arguments))
    print()
    print(table.markdown())
    print()
    print(f"Whole benchmark: {time.perf_counter() - started:.0f} s. Rows explained in docs/performance.md.")
    if arguments.json:
        arguments.json.write_text(json.dumps(table.as_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    if arguments.profile:
        print(profile_seeds(extractors + combined))
    return 0


if __name__ == "__main__":
    sys.exit(main())
