"""``python -m bench.classroom``: a class of N learners on a real JupyterHub on loopback.

Usage::

    python -m bench.classroom                      # 30 learners, 5 killed kernels, one hub restart
    python -m bench.classroom --learners 5 --kills 1
    python -m bench.classroom --capacity 1,5,10,20,30   # single learner first, then each size, no faults
    python -m bench.classroom --json out.json      # also write every figure as JSON

Each learner logs in, starts a server, runs lesson 2 and lesson 5 to the end in its own kernel and
saves answers after each question. The run prints the time from the first login to the last
lesson finished, per-lesson p50 and p95, peak memory (total and per kernel), errors, and whether
every acknowledged answer is still there. It stops by itself (``--time-limit``) and ends every
process it started. Run it from the repository's top folder.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import signal
import statistics
import subprocess
import sys

from bench.classroom.hub import REPO, HubUnavailable
from bench.classroom.run import LESSONS, ClassResult, run_class


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


def header() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        commit = "?"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"classroom bench, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load average {load}"
    )


def print_result(result: ClassResult) -> None:
    s = result.summary()
    m = s["memory"]
    rows = [
        ("learners", str(s["learners"])),
        ("first login to last lesson finished", _s(s["wall_s"])),
        ("lesson time p50 / p95 (all lessons)", f"{_s(s['lesson_p50_s'])} / {_s(s['lesson_p95_s'])}"),
    ]
    for lesson, figures in s["per_lesson"].items():
        rows.append((f"  {lesson} p50 / p95 ({figures['n']} runs)", f"{_s(figures['p50_s'])} / {_s(figures['p95_s'])}"))
    rows += [
        ("server start p95 (login to ready)", _s(s["server_start_p95_s"])),
        ("kernel start p95", _s(s["kernel_start_p95_s"])),
        ("peak memory, everything", f"{m.get('total_mb', 0):.0f} MB"),
        ("peak per kernel, median / largest", f"{m.get('kernel_median_mb', 0):.0f} / {m.get('kernel_max_mb', 0):.0f} MB ({m.get('kernels_seen', 0)} kernels)"),
        *[(f"  {lesson} kernel: peak median / largest, CPU", f"{f['median']:.0f} / {f['max']:.0f} MB ({f['n']} kernels), "
           f"{f.get('cpu_median_s') or 0:.1f} CPU-s")
          for lesson, f in s["kernel_mb_by_lesson"].items()],
        ("peak per learner's server (median)", f"{m.get('server_median_mb', 0):.0f} MB"),
        ("CPU seconds: kernels / servers / hub / proxy",
         f"{m.get('cpu_kernels_s', 0):.0f} / {m.get('cpu_servers_s', 0):.0f} / {m.get('cpu_hub_s', 0):.0f} / {m.get('cpu_proxy_s', 0):.0f}"),
        ("hub / proxy peak", f"{m.get('hub_mb', 0):.0f} / {m.get('proxy_mb', 0):.0f} MB"),
        ("kernels killed (SIGKILL) / lessons re-run", f"{s['kills']} / {s['killed_lessons_rerun']}"),
        ("hub restart: away (stop + start)",
         f"{_s(s['hub_restart']['away_s'])} ({_s(s['hub_restart']['stop_s'])} + {_s(s['hub_restart']['start_s'])})"
         if s["hub_restart"] else "not done"),
        ("idle culler: servers stopped / time / memory after",
         f"{s['cull']['servers_before'] - s['cull']['servers_left']} of {s['cull']['servers_before']} / "
         f"{_s(s['cull']['seconds'])} (idle {s['cull']['idle_timeout_s']} s) / "
         f"{s['cull']['memory_before_mb']:.0f} -> {s['cull']['memory_after_mb']:.0f} MB"
         if s["cull"].get("servers_before") is not None else s["cull"].get("skipped", "not run")),
        ("answers acknowledged / lost", f"{s['acknowledged']} / {s['lost']}"),
        ("workbook collect: rows / missing / time", f"{s['collected_rows']} / {s['collected_missing']} / {_s(s['collect_s'])}"),
        ("errors (error replies, tracebacks, failures)", str(s["errors"])),
        ("stderr lines shown to learners", str(s["stderr_lines"])),
        ("requests retried (hub away, server starting)", str(s["retries"])),
        ("processes left after clean-up", str(s["processes_left"])),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    for line in (result.errors + result.tracebacks)[:20]:
        print(f"  ERROR {line}")
    for line in result.lost[:10]:
        print(f"  LOST {line}")


def capacity(sizes: list[int], args: argparse.Namespace) -> dict:
    """Run each class size without faults; the capacity is the largest whose p95 stays within 2x one learner."""
    rows, baseline = [], None
    for size in sizes:
        repeats = max(1, args.baseline_runs) if size == 1 else 1
        singles: list[dict[str, float]] = []
        for repeat in range(repeats):
            print(f"\n== {size} learner(s), no faults" + (f" (baseline run {repeat + 1} of {repeats})" if repeats > 1 else ""))
            result = run_class(size, kills=0, restart_hub=False, arrive_within=args.arrive_within * size / 30,
                               time_limit=args.time_limit)
            print_result(result)
            s = result.summary()
            singles.append({lesson: f["p95_s"] for lesson, f in s["per_lesson"].items()})
        # the baseline is each lesson's median over the single-learner runs (a shared machine is noisy)
        per = {lesson: statistics.median(run[lesson] for run in singles if run.get(lesson) is not None)
               for lesson in singles[0]}
        if baseline is None:
            baseline = per
        ratio = max((per[l] / baseline[l] for l in per if baseline.get(l)), default=None) if per else None
        rows.append({"learners": size, "p95_by_lesson": per, "ratio_to_single": ratio, "errors": s["errors"],
                     "lost": s["lost"], "peak_total_mb": s["memory"].get("total_mb"),
                     "kernel_max_mb": s["memory"].get("kernel_max_mb"), "wall_s": s["wall_s"]})
    print("\n== capacity (p95 lesson time within 2x one learner's, per lesson)")
    print(f"{'learners':>8}  {'p95 by lesson':<40} {'x single':>8}  {'peak MB':>8}  {'errors':>6}")
    fits = 0
    for row in rows:
        p95 = ", ".join(f"{l} {v:.1f}s" for l, v in row["p95_by_lesson"].items() if v is not None)
        ratio = row["ratio_to_single"]
        print(f"{row['learners']:>8}  {p95:<40} {ratio if ratio is None else round(ratio, 2)!s:>8}  {row['peak_total_mb'] or 0:>8.0f}  {row['errors']:>6}")
        if ratio is not None and ratio <= 2.0 and row["errors"] == 0 and row["lost"] == 0:
            fits = max(fits, row["learners"])
    print(f"capacity here: {fits} learner(s) at p95 <= 2x the single-learner time ({os.cpu_count()} CPUs)")
    return {"sizes": rows, "capacity": fits}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.classroom", description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=30, help="how many learners (default 30)")
    parser.add_argument("--kills", type=int, default=5, help="learners whose kernel is killed mid-lesson (default 5)")
    parser.add_argument("--no-hub-restart", action="store_true", help="do not stop and restart the hub mid-run")
    parser.add_argument("--arrive-within", type=float, default=20.0,
                        help="learners arrive spread over this many seconds (default 20, for 30 learners)")
    parser.add_argument("--time-limit", type=float, default=1800.0, help="the run stops after this many seconds (default 1800)")
    parser.add_argument("--capacity", help="comma-separated class sizes, smallest first (e.g. 1,5,10,20,30): no faults")
    parser.add_argument("--cull-after", type=int, default=30,
                        help="after the lessons, let jupyterhub-idle-culler stop servers idle this many seconds (0: skip)")
    parser.add_argument("--baseline-runs", type=int, default=3,
                        help="with --capacity: how many single-learner runs the baseline is the median of (default 3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, homes) for inspection")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    # Stop cleanly on SIGTERM, and on SIGINT even when started in the background (where it is ignored):
    # the run's `finally` then ends every process it started.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda signum, frame: (_ for _ in ()).throw(SystemExit(128 + signum)))
    print(header())
    try:
        if args.capacity:
            sizes = sorted({int(x) for x in args.capacity.split(",") if x.strip()})
            if sizes[0] != 1:
                sizes.insert(0, 1)
            report = capacity(sizes, args)
            bad = any(r["errors"] or r["lost"] for r in report["sizes"])
        else:
            print(f"== {args.learners} learners, {min(args.kills, args.learners)} killed kernel(s), "
                  f"hub restart: {'no' if args.no_hub_restart else 'yes'}, lessons: {', '.join(LESSONS)}")
            result = run_class(args.learners, kills=args.kills, restart_hub=not args.no_hub_restart,
                               arrive_within=args.arrive_within * args.learners / 30, time_limit=args.time_limit, keep=args.keep,
                               cull_after=args.cull_after or None)
            print_result(result)
            if args.keep:
                print(f"kept: {result.root}")
            report = result.summary()
            bad = bool(report["errors"] or report["lost"] or report["processes_left"])
    except HubUnavailable as error:
        print(f"cannot run a hub here: {error}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, SystemExit, asyncio.CancelledError):
        print("stopped before the end; every process the run started has been ended", file=sys.stderr)
        return 130
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2, default=str)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
