"""Shared helpers for `python -m bench`: timing, finding extractors by name, subprocess probes.

Everything here measures; nothing here asserts. The benchmark reports numbers
side by side with aims and peers (design card, principle 7), it never fails a build.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: Where the public gold data lives (never copied into the repository).
DEFAULT_BENCHMARKS = REPO.parent / "shared" / "benchmarks"

#: Every analysis function the benchmark times, looked up by name at run time so the
#: table grows as teammates' modules land: (module, function, takes).
#: `takes` is "article" (called once per article) or "articles" (called once with the list).
EXTRACTORS: tuple[tuple[str, str, str], ...] = (
    ("sourcing", "quotes", "article"),
    ("sourcing", "attributions", "article"),
    ("sourcing", "citations", "article"),
    ("sourcing", "summary", "articles"),
    ("figures", "figures", "article"),
    ("figures", "checks", "article"),
    ("timeline", "time_refs", "article"),
    ("timeline", "events", "articles"),
    ("rhetoric", "markers", "article"),
    ("rhetoric", "density", "article"),
    ("compare", "compare", "articles"),
)
#: Stacks every extractor for the highlighter; timed on its own row, never added to "everything".
COMBINED: tuple[tuple[str, str, str], ...] = (("findings", "findings", "article"),)


@dataclass
class Extractor:
    """One analysis function, or the reason it cannot be run yet."""

    module: str
    name: str
    takes: str
    function: Callable[..., Any] | None = None
    missing: str = ""

    @property
    def label(self) -> str:
        return f"{self.module}.{self.name}"

    def run(self, articles: list[Any]) -> None:
        """Call the function on every article (or once on the list)."""
        assert self.function is not None
        if self.takes == "articles":
            self.function(articles)
        else:
            for article in articles:
                self.function(article)


def find_extractor(module: str, name: str, takes: str) -> Extractor:
    """Import ``workbook.<module>`` and fetch `name`; say why not when it is not there."""
    try:
        loaded = importlib.import_module(f"workbook.{module}")
    except ModuleNotFoundError as error:
        if error.name in (f"workbook.{module}", "workbook"):
            return Extractor(module, name, takes, missing="not available yet (no module)")
        return Extractor(module, name, takes, missing=f"cannot import: needs {error.name}")
    except Exception as error:  # a teammate's module that does not import is reported, not fatal
        return Extractor(module, name, takes, missing=f"cannot import: {type(error).__name__}: {error}")
    function = getattr(loaded, name, None)
    if not callable(function):
        return Extractor(module, name, takes, missing=f"not available yet (no {name}())")
    return Extractor(module, name, takes, function=function)


def find_extractors(specs: Iterable[tuple[str, str, str]] = EXTRACTORS) -> list[Extractor]:
    return [find_extractor(*spec) for spec in specs]


#: functools caches at least this large are memos keyed on an article's text (for example
#: ``figures._scan_cached``); smaller ones hold word lists and compiled patterns.
MEMO_MIN_SIZE = 256


def reset_memo_caches() -> int:
    """Empty every text-keyed memo cache in the workbook's modules; return how many.

    The benchmark measures what a *new* article costs. Without this, timing the
    same seed twice, or the PolNeAR corpus ten times over, would mostly measure
    cache look-ups. Word lists and compiled patterns (small caches) stay warm.
    """
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("workbook.") or module is None:
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if info is None or not hasattr(value, "cache_clear"):
                continue
            try:
                maxsize = info().maxsize
            except TypeError:
                continue
            if maxsize is not None and maxsize >= MEMO_MIN_SIZE:
                value.cache_clear()
                cleared += 1
    return cleared


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


#: The clock for everything timed inside the benchmark's own process: CPU time of this
#: process. On a shared machine (two cores, six people) wall time mostly measures the
#: neighbours; CPU time is what the same work takes on an idle machine. BENCH_CLOCK=wall switches back.
CLOCK = time.process_time if os.environ.get("BENCH_CLOCK", "cpu") == "cpu" else time.perf_counter
CLOCK_NAME = "CPU time" if CLOCK is time.process_time else "wall time"


def timed(function: Callable[[], Any]) -> float:
    """Seconds taken by one call of `function` (garbage collected first, so runs are comparable)."""
    gc.collect()
    start = CLOCK()
    function()
    return CLOCK() - start


# ---- the table ----------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the table. Empty strings print as blanks."""

    what: str
    workbook: str = ""
    peer: str = ""
    ratio: str = ""
    aim: str = ""
    met: str = ""
    note: str = ""


@dataclass
class Table:
    rows: list[Row | str] = field(default_factory=list)

    def section(self, title: str) -> None:
        self.rows.append(title)

    def add(self, *args: Any, **kwargs: Any) -> Row:
        row = Row(*args, **kwargs)
        self.rows.append(row)
        return row

    def markdown(self) -> str:
        """The table as GitHub Markdown (it reads fine in a terminal too)."""
        header = ("what", "workbook", "peer", "workbook ÷ peer", "aim", "met", "note")
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        for row in self.rows:
            if isinstance(row, str):
                lines.append(f"| **{row}** |" + " |" * (len(header) - 1))
            else:
                cells = (row.what, row.workbook, row.peer, row.ratio, row.aim, row.met, row.note)
                lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
        return "\n".join(lines)

    def as_json(self) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        section = ""
        for row in self.rows:
            if isinstance(row, str):
                section = row
            else:
                out.append({"section": section, **row.__dict__})
        return out


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("yes" if ok else "NO")


# ---- subprocess probes --------------------------------------------------------------------------

_IMPORT_PROBE = """
import sys, time, json
start, cpu = time.perf_counter(), time.process_time()
import workbook
{extra}
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({{"seconds": seconds, "cpu": cpu, "altair": "altair" in sys.modules,
                  "ipywidgets": "ipywidgets" in sys.modules, "pandas": "pandas" in sys.modules}}))
"""


def import_time(extra_modules: Iterable[str] = (), runs: int = 5) -> dict[str, Any]:
    """Median wall and CPU time of ``import workbook`` (plus `extra_modules`) in fresh interpreters.

    Also says whether Altair or ipywidgets were imported along the way.
    """
    extra = "\n".join(
        f"try:\n    import {name}\nexcept ImportError:\n    pass" for name in extra_modules
    )
    code = _IMPORT_PROBE.format(extra=extra)
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO
        )
        if done.returncode != 0:
            return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {
        "seconds": statistics.median(r["seconds"] for r in results),
        "cpu": statistics.median(r["cpu"] for r in results),
        "altair": any(r["altair"] for r in results),
        "ipywidgets": any(r["ipywidgets"] for r in results),
        "pandas": any(r.get("pandas") for r in results),
    }


_NOTEBOOK_PROBE = r"""
import json, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

path = Path(sys.argv[1])
notebook = nbformat.read(path, as_version=4)
notebook.cells.append(nbformat.v4.new_code_cell(
    "import resource as _r, sys as _s\n"
    "print('BENCH-RSS', _r.getrusage(_r.RUSAGE_SELF).ru_maxrss, 'altair' in _s.modules)"
))
start = time.perf_counter()
client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                        resources={"metadata": {"path": str(path.parent)}})
error = ""
try:
    client.execute()
except Exception as exc:  # report which notebook failed, keep measuring the others
    error = f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}"
seconds = time.perf_counter() - start
rss_kb, altair = None, None
for output in notebook.cells[-1].get("outputs", []):
    for line in output.get("text", "").splitlines():
        if line.startswith("BENCH-RSS"):
            _, kb, alt = line.split()
            rss_kb, altair = int(kb), alt == "True"
print(json.dumps({"seconds": seconds, "rss_kb": rss_kb, "altair": altair, "error": error}))
"""


def notebook_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _throwaway_answers(folder: str) -> dict[str, str]:
    """The environment for running notebooks: answers go to `folder`, never the user's own store."""
    return {**os.environ, "WORKBOOK_ANSWERS_DIR": folder, "PYTHONDONTWRITEBYTECODE": "1"}


def kernel_peak_rss(notebook: Path, timeout: int = 900) -> dict[str, Any]:
    """Run `notebook` in a fresh kernel (nbclient, in a subprocess); return the kernel's peak RSS.

    The kernel reports its own peak resident set size (``ru_maxrss``) in a cell
    appended at the end, so the figure is the most memory it held at any time.
    Answers the notebook saves go to a throw-away folder.
    """
    try:
        with tempfile.TemporaryDirectory(prefix="bench-answers-") as answers:
            done = subprocess.run(
                [sys.executable, "-c", _NOTEBOOK_PROBE, str(notebook)],
                capture_output=True, text=True, timeout=timeout, cwd=REPO, env=_throwaway_answers(answers),
            )
    except subprocess.TimeoutExpired:
        return {"seconds": float(timeout), "rss_kb": None, "altair": None, "error": f"timed out after {timeout} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"seconds": None, "rss_kb": None, "altair": None,
                "error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(lines[-1])


def nbval_suite(folder: Path, timeout: int = 1800) -> dict[str, Any]:
    """Wall time of ``pytest --nbval-lax notebooks/`` in a subprocess, and its summary line.

    Answers the notebooks save go to a throw-away folder.
    """
    start = time.perf_counter()
    command = [sys.executable, "-m", "pytest", "--nbval-lax", str(folder), "-q", "-p", "no:cacheprovider"]
    try:
        with tempfile.TemporaryDirectory(prefix="bench-answers-") as answers:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=REPO,
                                  env=_throwaway_answers(answers))
    except subprocess.TimeoutExpired:
        return {"seconds": float(timeout), "summary": f"timed out after {timeout} s", "ok": False}
    seconds = time.perf_counter() - start
    lines = [line for line in done.stdout.strip().splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else "no output"
    return {"seconds": seconds, "summary": summary, "ok": done.returncode == 0}


# ---- the command line and the highlighter -----------------------------------------------------


def polnear_copies(benchmarks: Path, folder: Path, copies: int) -> int:
    """Write `copies` copies of every PolNeAR development text into `folder`; return how many files.

    Copy k of ``NAME.txt`` is ``cK_NAME.txt``, byte for byte, as a class folder of many articles.
    """
    source = benchmarks / "polnear-dev" / "text"
    texts = sorted(source.glob("*.txt")) if source.is_dir() else []
    for k in range(copies):
        for path in texts:
            (folder / f"c{k}_{path.name}").write_bytes(path.read_bytes())
    return len(texts) * copies


def cli_extract(folder: Path, extra_env: dict[str, str] | None = None, timeout: int = 1800) -> dict[str, Any]:
    """Run ``workbook extract FOLDER -o FILE`` in a child process: its CPU and wall seconds, exit status, output size.

    CPU time is the child's own (user + system, from the operating system's accounting of the
    finished child), start-up and imports included: what the command costs, whatever the neighbours do.
    """
    import resource

    with tempfile.TemporaryDirectory(prefix="bench-extract-") as out_dir:
        output = Path(out_dir) / "out.json"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, "-m", "workbook.cli", "extract", str(folder), "-o", str(output)],
                capture_output=True, text=True, timeout=timeout, cwd=REPO, env={**os.environ, **(extra_env or {})},
            )
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout} s"}
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        size = output.stat().st_size if output.exists() else 0
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1][:200]}
    return {"cpu": cpu, "wall": wall, "bytes": size, "peak_kb": after.ru_maxrss}


def highlighter_payload() -> dict[str, Any]:
    """Bytes of the highlighter's HTML for both seeds, every category on, and for one category.

    Measured through the widgets' HTML function (``workbook.widgets.highlight_html``), which is
    what one redraw puts in the widget's value and sends to the browser.
    """
    from workbook import load_seeds

    try:
        from workbook import widgets
    except Exception as error:
        return {"error": f"widgets do not import: {type(error).__name__}: {error}"[:160]}
    make = getattr(widgets, "highlight_html", None)
    if not callable(make):
        return {"error": "no workbook.widgets.highlight_html"}
    articles = load_seeds()
    every = make(articles)
    one = make(articles, categories=["figures"])
    result: dict[str, Any] = {"all": len(every.encode("utf-8")), "figures": len(one.encode("utf-8"))}
    try:  # the screens' own measure of one redraw (a tick), where the highlighter has it
        screen = importlib.import_module("workbook.widgets.highlighter")  # the module, not the function of that name
        payload = getattr(screen, "redraw_payload", None)
        if callable(payload):
            result["redraw"] = payload(screen.highlighter(articles))
    except Exception as error:
        result["redraw_error"] = f"{type(error).__name__}: {error}"[:160]
    return result


_PARTS_PROBE = r"""
import json, sys
def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
steps = [
    ("Python and ipykernel", "import ipykernel.ipkernel, ipykernel.comm"),
    ("pandas (and numpy)", "import pandas"),
    ("ipywidgets", "import ipywidgets"),
    ("workbook: widgets and every extractor", "from workbook import widgets, compare, figures, timeline, sourcing, rhetoric, findings, charts"),
    ("the two lesson articles, analysed", "from workbook.config import lesson_articles; a, b = lesson_articles(); findings.findings(a); findings.findings(b); compare.compare([a, b])"),
    ("the highlighter's HTML, every category", "html = widgets.highlight_html([a, b])"),
    ("one chart shown: a Vega-Lite spec, no Altair", "from IPython.core.formatters import DisplayFormatter; "
     "shown = widgets.chart(charts.figures_by_kind([a, b])); DisplayFormatter().format(shown.chart)"),
]
#: Not in a lesson: what a teacher's kernel adds on asking for Altair (charts.as_altair) and its offline widget.
extras = [
    ("Altair, if a teacher asks for it", "import altair"),
    ("Altair's offline widget renderer and its Vega bundle", "charts.enable_offline('jupyter')"),
]
def measured(parts, previous):
    # (name, MB added) for each (name, code) run in turn, and the RSS after the last

    found = []
    for name, code in parts:
        try:
            exec(code, globals())
        except Exception as error:
            found.append((f"{name}: failed ({type(error).__name__})", 0.0))
            continue
        now = rss()
        found.append((name, now - previous))
        previous = now
    return found, previous

start = rss()
out, total = measured(steps, start)
out.insert(0, ("Python", start))
out.append(("altair imported", 1.0 if "altair" in sys.modules else 0.0))
out.append(("vl-convert imported", 1.0 if "vl_convert" in sys.modules else 0.0))
optional, _ = measured(extras, total)
print(json.dumps({"parts": out, "total": total, "optional": optional}))
"""


def kernel_parts(timeout: int = 600) -> dict[str, Any]:
    """What a lesson's kernel holds, in MB of resident memory, added one part at a time in a fresh process.

    The order is a lesson's: the kernel, pandas, ipywidgets, the workbook's modules, the two
    articles analysed, the highlighter's HTML, then one chart shown (a Vega-Lite specification
    JupyterLab draws itself: no Altair). A part's figure is what the process grew by when it was
    added (shared libraries included). ``optional`` holds what a teacher's kernel adds on top when
    it asks for Altair (``charts.as_altair``) and Altair's offline widget; ``total`` leaves it out.
    """
    try:
        with tempfile.TemporaryDirectory(prefix="bench-answers-") as answers:
            done = subprocess.run([sys.executable, "-c", _PARTS_PROBE], capture_output=True, text=True,
                                  timeout=timeout, cwd=REPO, env=_throwaway_answers(answers))
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:200]}
    return json.loads(lines[-1])
