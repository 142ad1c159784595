"""Snapshot every extractor's output, to prove a speed change changed nothing else.

Usage::

    python -m bench.snapshot --write before.json      # on the old commit
    python -m bench.snapshot --compare before.json    # on the new one: identical, or where it differs

It reads the two seeds, the PolNeAR development texts and the saved web pages of
``webpages-dev`` (each page twice: ``source.html`` and the select-all ``pasted.txt``),
in place (``--benchmarks DIR``, default ``../shared/benchmarks``; a set that is absent
is left out and the snapshot says so). For every article it keeps:

* the records of each extractor the JSON export uses (``figures.figure_records``,
  ``figures.check_records``, ``timeline.time_ref_records``, ``rhetoric.marker_records``
  and the sourcing records), through ``export.article_record``, exactly as
  ``workbook extract`` writes them;
* the tables a notebook asks for (the article's ``blocks`` and ``sentences``, ``figures.figures``, ``figures.checks``,
  ``timeline.time_refs``, ``rhetoric.markers``, ``rhetoric.density``,
  ``findings.findings``), with their columns, dtypes and every value;
* for pairs of articles (the two seeds; otherwise each article with the next in its set):
  ``timeline.events``, ``sourcing.summary`` and ``compare.compare``;
* and, unless ``--no-cli``, the JSON written by ``python -m workbook.cli extract`` on the
  seeds folder and on the PolNeAR folder, parsed.

The tables are made on one fresh load of the articles and the export on another, so a
memo that leaks between calls or between articles shows as a difference too.
The snapshot is data from the benchmark folder: write it outside the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.common import DEFAULT_BENCHMARKS, REPO

#: Per-article tables: (key, module, function).
TABLES: tuple[tuple[str, str, str], ...] = (
    ("articles.blocks", "articles", "blocks"),
    ("articles.sentences", "articles", "sentences"),
    ("figures.figures", "figures", "figures"),
    ("figures.checks", "figures", "checks"),
    ("timeline.time_refs", "timeline", "time_refs"),
    ("rhetoric.markers", "rhetoric", "markers"),
    ("rhetoric.density", "rhetoric", "density"),
    ("findings.findings", "findings", "findings"),
)
#: Tables made from a pair of articles.
PAIR_TABLES: tuple[tuple[str, str, str], ...] = (
    ("timeline.events", "timeline", "events"),
    ("sourcing.summary", "sourcing", "summary"),
    ("compare.compare", "compare", "compare"),
)


def plain(value: Any) -> Any:
    """`value` as something JSON keeps exactly and compares by value (missing values spelled out)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return repr(value) if (math.isnan(value) or math.isinf(value)) else value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return {"date": value.isoformat()}
    module = type(value).__module__
    if module.startswith("numpy"):
        item = getattr(value, "item", None)
        if callable(item):
            return plain(item())
    if module.startswith("pandas"):
        import pandas as pd

        if value is pd.NA:
            return "<NA>"
        if value is pd.NaT:
            return "<NaT>"
        if isinstance(value, pd.Timestamp):
            return {"timestamp": value.isoformat()}
    return {"repr": repr(value)}


def frame(table: Any) -> dict[str, Any]:
    """A DataFrame (or Series) as columns, dtypes, index and rows of plain values."""
    import pandas as pd

    if isinstance(table, pd.Series):
        table = table.to_frame()
    return {
        "columns": [plain(c) for c in table.columns],
        "dtypes": [str(d) for d in table.dtypes],
        "index": [plain(i) for i in table.index],
        "rows": [[plain(v) for v in row] for row in table.itertuples(index=False, name=None)],
    }


def _guard(make: Callable[[], Any]) -> Any:
    """What `make` returns, or the error it raises (an error is part of the behaviour too)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return make()
    except Exception as error:  # recorded, compared like any output
        return {"error": f"{type(error).__name__}: {error}"}


# ---- the articles -----------------------------------------------------------------------------------


def article_sets(benchmarks: Path) -> dict[str, Callable[[], list[Any]]]:
    """Each set's name and a function loading its articles afresh (sets whose data is absent are left out)."""
    from workbook import load_article, load_seeds

    sets: dict[str, Callable[[], list[Any]]] = {"seeds": load_seeds}
    polnear = sorted((benchmarks / "polnear-dev" / "text").glob("*.txt"))
    if polnear:
        sets["polnear-dev"] = lambda: [load_article(p) for p in polnear]
    pages = sorted(p for p in (benchmarks / "webpages-dev").glob("*") if p.is_dir())
    for name in ("source.html", "pasted.txt"):
        files = [page / name for page in pages if (page / name).is_file()]
        if files:
            sets[f"webpages-dev/{name}"] = lambda files=files: [_load_or_error(load_article, f) for f in files]
    return sets


def _load_or_error(load: Callable[..., Any], path: Path) -> Any:
    from workbook import ArticleError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load(path, metadata={})
    except ArticleError as error:
        return {"error": str(error), "path": str(path)}


def _name(article: Any, number: int) -> str:
    if isinstance(article, dict):
        return f"{number:03d}:{Path(article['path']).parent.name}"
    stem = f"{article.path.parent.name}/{article.path.name}" if article.path else article.id
    return f"{number:03d}:{stem}"


def _pairs(articles: list[Any]) -> Iterator[tuple[int, list[Any]]]:
    good = [(i, a) for i, a in enumerate(articles) if not isinstance(a, dict)]
    for k in range(0, len(good) - 1, 2):
        yield good[k][0], [good[k][1], good[k + 1][1]]


def snapshot_set(load: Callable[[], list[Any]]) -> dict[str, Any]:
    """Everything recorded for one set of articles, keyed ``article name / what``."""
    import importlib

    from workbook import export

    out: dict[str, Any] = {}
    tables = load()
    for number, article in enumerate(tables):
        name = _name(article, number)
        if isinstance(article, dict):
            out[f"{name}/load"] = article
            continue
        for key, module, function in TABLES:
            if module == "articles":  # the article's own tables (properties)
                out[f"{name}/{key}"] = _guard(lambda: frame(getattr(article, function)))
                continue
            make = getattr(importlib.import_module(f"workbook.{module}"), function)
            out[f"{name}/{key}"] = _guard(lambda: frame(make(article)))
    for number, pair in _pairs(tables):
        name = _name(pair[0], number)
        for key, module, function in PAIR_TABLES:
            make = getattr(importlib.import_module(f"workbook.{module}"), function)
            out[f"{name}/pair/{key}"] = _guard(lambda: frame(make(pair)))
    del tables
    for number, article in enumerate(load()):  # a second, fresh load: the export as the command line does it
        if isinstance(article, dict):
            continue
        out[f"{_name(article, number)}/export.article_record"] = _guard(lambda: _named(plain(export.article_record(article))))
    return out


def _named(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its path cut to the file's name, so two checkouts of the repository compare."""
    if record.get("path"):
        record["path"] = Path(record["path"]).name
    return record


def cli_json(folder: Path) -> Any:
    """The parsed JSON of ``workbook extract FOLDER`` run as a child process (paths made relative)."""
    with tempfile.TemporaryDirectory(prefix="snapshot-") as name:
        output = Path(name) / "out.json"
        done = subprocess.run([sys.executable, "-m", "workbook.cli", "extract", str(folder), "-o", str(output)],
                              capture_output=True, text=True, cwd=REPO, timeout=1800,
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        if done.returncode != 0:
            return {"error": done.stderr.strip().splitlines()[-1:]}
        document = json.loads(output.read_text(encoding="utf-8"))
    for item in document.get("articles", []):
        if item.get("path"):
            item["path"] = Path(item["path"]).name
    return document


def snapshot(benchmarks: Path, cli: bool = True) -> dict[str, Any]:
    from workbook.articles import seeds_folder

    result: dict[str, Any] = {"sets": {}}
    for set_name, load in article_sets(benchmarks).items():
        result["sets"][set_name] = snapshot_set(load)
        print(f"snapshot: {set_name}: {len(result['sets'][set_name])} records", file=sys.stderr)
    if cli:
        result["cli"] = {"seeds": cli_json(seeds_folder())}
        polnear = benchmarks / "polnear-dev" / "text"
        if polnear.is_dir():
            result["cli"]["polnear-dev"] = cli_json(polnear)
        print("snapshot: workbook extract on " + ", ".join(result["cli"]), file=sys.stderr)
    return result


# ---- comparing -------------------------------------------------------------------------------------


def first_difference(old: Any, new: Any, where: str = "") -> str | None:
    """Where `old` and `new` first differ, in words, or None when they are the same."""
    if type(old) is not type(new):
        return f"{where or 'top'}: {type(old).__name__} {str(old)[:120]!r} became {type(new).__name__} {str(new)[:120]!r}"
    if isinstance(old, dict):
        for key in list(old) + [k for k in new if k not in old]:
            if key not in new:
                return f"{where}/{key}: gone"
            if key not in old:
                return f"{where}/{key}: new"
            found = first_difference(old[key], new[key], f"{where}/{key}")
            if found:
                return found
        if list(old) != list(new):
            return f"{where}: keys in another order"
        return None
    if isinstance(old, list):
        for i, (a, b) in enumerate(zip(old, new)):
            found = first_difference(a, b, f"{where}[{i}]")
            if found:
                return found
        if len(old) != len(new):
            return f"{where}: {len(old)} items became {len(new)}"
        return None
    return None if old == new else f"{where}: {str(old)[:200]!r} became {str(new)[:200]!r}"


def compare_snapshots(old: dict[str, Any], new: dict[str, Any], show: int = 20) -> list[str]:
    """One line per record that differs (at most `show` in detail), empty when identical."""
    lines: list[str] = []
    differing = 0
    for part in ("sets", "cli"):
        for group in sorted(set(old.get(part, {})) | set(new.get(part, {}))):
            a, b = old.get(part, {}).get(group), new.get(part, {}).get(group)
            if a is None or b is None:
                lines.append(f"{part}/{group}: only in the {'new' if a is None else 'old'} snapshot")
                continue
            keys = list(a) + [k for k in b if k not in a] if part == "sets" else [None]
            for key in keys:
                found = first_difference(a, b, f"{part}/{group}") if key is None else (
                    first_difference(a.get(key, "<absent>"), b.get(key, "<absent>"), f"{part}/{group}/{key}"))
                if found:
                    differing += 1
                    if differing <= show:
                        lines.append(found)
    if differing > show:
        lines.append(f"... and {differing - show} more records differ")
    return lines


def count_records(data: dict[str, Any]) -> int:
    return sum(len(records) for records in data.get("sets", {}).values()) + len(data.get("cli", {}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.snapshot", description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", metavar="FILE", help="write the snapshot to FILE (outside the repository)")
    action.add_argument("--compare", metavar="FILE", help="take a snapshot now and compare it with FILE")
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS, help="the shared benchmark folder")
    parser.add_argument("--no-cli", action="store_true", help="leave out the workbook extract child runs")
    parser.add_argument("--show", type=int, default=20, help="differences to print in detail")
    arguments = parser.parse_args(argv)
    if not arguments.benchmarks.is_dir():
        # said loudly: from a git worktree the default folder is not there, and a seeds-only
        # snapshot would compare identical while missing most of the texts
        print(f"note: no benchmark folder at {arguments.benchmarks}; the snapshot holds the seeds only "
              "(give --benchmarks DIR for PolNeAR and the web pages)", file=sys.stderr)
    now = snapshot(arguments.benchmarks, cli=not arguments.no_cli)
    if arguments.write:
        Path(arguments.write).write_text(json.dumps(now, ensure_ascii=False, sort_keys=False), encoding="utf-8")
        print(f"Wrote {count_records(now)} records to {arguments.write}")
        return 0
    old = json.loads(Path(arguments.compare).read_text(encoding="utf-8"))
    if arguments.no_cli:
        old.pop("cli", None)
    lines = compare_snapshots(old, now, arguments.show)
    if not lines:
        print(f"identical: {count_records(now)} records, {', '.join(now['sets'])}"
              + (f"; workbook extract on {', '.join(now.get('cli', {}))}" if now.get("cli") else ""))
        return 0
    print("\n".join(lines))
    return 1


if __name__ == "__main__":
    sys.exit(main())
