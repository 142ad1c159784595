"""Charts for each dimension, drawn with Altair, working without internet.

============================  ===============================================  ===========================
function                      takes                                            shows
============================  ===============================================  ===========================
``timeline(events)``          `workbook.timeline.events` (or articles)         the years each text mentions,
                                                                               one row per text
``figures_by_kind(figures)``  `workbook.figures.figures` rows (or articles)    how many figures of each kind
``sources_by_type(table)``    `workbook.sourcing.attributions` (or articles)   how many sources of each type
``rhetoric_density(table)``   `workbook.rhetoric.density` rows with an         rhetoric markers per 1,000
                              ``article`` column (or articles)                 words, by label
============================  ===============================================  ===========================

Every function takes a DataFrame (several articles stacked) or, for
convenience, a list of `Article` objects, and returns an Altair chart: put it
last in a cell. Texts are told apart by position (one panel or row per text)
and by shape, never by colour alone; colours are the Okabe-Ito palette, which
readers with colour-blindness can tell apart.

Offline: Altair's default renderer loads its JavaScript from the internet, so
the first chart drawn calls `enable_offline()`, which picks Altair's
``jupyter`` renderer with ``offline=True`` (needs ``anywidget`` and
``vl-convert-python``; works in JupyterLab, Notebook 7 and Voilà). Set the
environment variable ``WORKBOOK_CHART_RENDERER`` to ``inline`` (a
self-contained HTML chart, about 900 KB), ``svg`` or ``png`` (static; best for
strict nbval and printing) to choose another, or call ``enable_offline("svg")``.

Building the offline bundle starts vl-convert's JavaScript engine (about 130 MB
that stays in the kernel). The bundle is saved in
``$XDG_CACHE_HOME/media-literacy-workbook/`` (``~/.cache/...``) and every later
kernel reuses it without starting the engine; Binder's ``postBuild`` makes it
once at build time.

Altair is imported only when a chart is made, so ``import workbook`` stays fast.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import sys
from pathlib import Path
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbook.articles import Article

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt

#: Okabe-Ito colours (Okabe and Ito 2008, "Color Universal Design"), safe for colour-blind readers.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"]
RENDERER_VARIABLE = "WORKBOOK_CHART_RENDERER"
RENDERERS = ("jupyter", "inline", "svg", "png")

_enabled: str | None = None


def enable_offline(renderer: str | None = None) -> str:
    """Make Altair draw charts without the internet; return the renderer chosen.

    `renderer` is ``"jupyter"`` (interactive, the default), ``"inline"``,
    ``"svg"`` or ``"png"``; default: ``$WORKBOOK_CHART_RENDERER`` or ``jupyter``.
    If ``jupyter`` cannot be used (anywidget missing), falls back to ``inline``.
    """
    global _enabled
    import altair as alt

    choice = (renderer or os.environ.get(RENDERER_VARIABLE) or "jupyter").strip().lower()
    if choice not in RENDERERS:
        raise ValueError(f"Unknown chart renderer {choice!r}; choose one of {', '.join(RENDERERS)}.")
    if choice == "jupyter":
        try:
            import anywidget  # noqa: F401

            if importlib.util.find_spec("vl_convert") is None:  # found, not imported: ~8 MB a kernel need not hold
                raise ImportError("vl_convert")
            _reuse_cached_bundle(alt)
            alt.JupyterChart.enable_offline(offline=True)  # a no-op when the saved bundle was reused
            alt.renderers.enable("jupyter", offline=True)
            _cache_bundle(alt)
        except ImportError:
            choice = "inline"
    if choice == "inline":
        alt.renderers.enable("html", template="inline")
    elif choice in ("svg", "png"):
        alt.renderers.enable(choice)
    _enabled = choice
    return choice


def _bundle_path(alt: Any) -> Path:
    """Where the offline JavaScript bundle for this Altair and vl-convert is kept.

    Building the bundle starts vl-convert's JavaScript engine, which stays in the
    kernel for good (about 130 MB). Keeping the bundle on disk lets every later
    kernel skip that: a class of thirty kernels on one JupyterHub stays light.
    """
    try:  # the installed version, read without importing vl-convert (which holds ~8 MB once imported)
        vl_version = importlib.metadata.version("vl-convert-python")
    except importlib.metadata.PackageNotFoundError:
        import vl_convert

        vl_version = vl_convert.__version__
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    name = f"vega-bundle-altair-{alt.__version__}-vl-convert-{vl_version}.js"
    return base / "media-literacy-workbook" / name


def _shared_bundle_path(alt: Any) -> Path:
    """The bundle built once for every user of this Python environment (a hub's shared one).

    On a JupyterHub every learner has a fresh home, so without this each learner's first
    chart builds the bundle again (the classroom bench measured about 80 MB more in that
    kernel). An admin builds it once with
    ``XDG_CACHE_HOME=<sys.prefix>/share python -c "import workbook.charts as c; c.enable_offline('jupyter')"``
    (docs/deploy.md); it is only read from here, never written by a learner's kernel.
    """
    own = _bundle_path(alt)
    return Path(sys.prefix) / "share" / own.parent.name / own.name


def _reuse_cached_bundle(alt: Any) -> None:
    """Give Altair's offline widget the bundle saved by an earlier kernel, if there is one."""
    chart_class = getattr(alt, "JupyterChart", None)
    if chart_class is None or getattr(chart_class, "_is_offline", True):
        return  # an Altair without these attributes, or already offline: leave it to Altair
    bundle = ""
    for path in (_bundle_path(alt), _shared_bundle_path(alt)):
        try:
            bundle = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if bundle.strip():
            break
    if bundle.strip():
        chart_class._esm = bundle
        chart_class._is_offline = True


def _cache_bundle(alt: Any) -> None:
    """Save the offline bundle Altair built, atomically, for the next kernel (best effort)."""
    chart_class = getattr(alt, "JupyterChart", None)
    bundle = getattr(chart_class, "_esm", None)
    if not getattr(chart_class, "_is_offline", False) or not isinstance(bundle, str):
        return
    try:
        path = _bundle_path(alt)
        if path.is_file():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_text(bundle, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass  # a read-only home folder only costs memory, never a chart


def _altair() -> Any:
    """Altair, with an offline renderer switched on the first time."""
    import altair as alt

    if _enabled is None:
        enable_offline()
    return alt


def _labels(articles: Iterable[Article]) -> dict[str, str]:
    """Each article's short name by id (title and author, never the file name; see `workbook.naming`)."""
    from workbook.naming import short_names

    articles = list(articles)
    return dict(zip((a.id for a in articles), short_names(articles)))


def _stacked(articles: Article | Sequence[Article], extract: Any) -> tuple[pd.DataFrame, dict[str, str]]:
    """One extractor's tables for several articles, stacked, and the articles' labels."""
    articles = _as_list(articles)
    return pd.concat([extract(a) for a in articles], ignore_index=True), _labels(articles)


def _is_articles(data: Any) -> bool:
    if isinstance(data, Article):
        return True
    return isinstance(data, (list, tuple)) and bool(data) and all(isinstance(a, Article) for a in data)


def _as_list(data: Any) -> list[Article]:
    return [data] if isinstance(data, Article) else list(data)


def _with_text_label(frame: pd.DataFrame, labels: Mapping[str, str] | None, column: str | None = None) -> pd.DataFrame:
    """Add a ``text_label`` column: the article's short label from `column` or `labels` (else its id)."""
    frame = frame.copy()
    labels = dict(labels or {})
    if column and column in frame.columns and not labels and frame[column].notna().all():
        frame["text_label"] = frame[column].astype(str)
    elif "article" in frame.columns:
        frame["text_label"] = frame["article"].astype(str).map(lambda a: labels.get(a, a))
    else:
        frame["text_label"] = "text"
    return frame


def _empty(alt: Any, message: str) -> Any:
    return alt.Chart(pd.DataFrame({"message": [message]})).mark_text(size=14).encode(text="message:N").properties(
        width=400, height=40, description=message, usermeta=NO_ACTIONS
    )


#: vega-embed's "..." menu (save as PNG, view source) is a <summary> without a name for screen
#: readers, and offers nothing a learner needs: charts are drawn without it.
NO_ACTIONS = {"embedOptions": {"actions": False}}


def describe_counts(frame: pd.DataFrame, field: str, value: str, opening: str, most: int = 6) -> str:
    """A chart's text alternative: what it shows, then the largest values of each text in words."""
    parts = [opening]
    for text, group in frame.groupby("text_label", sort=True):
        top = group.sort_values(value, ascending=False).head(most)
        listed = ", ".join(f"{row[field]} {row[value]:g}" for _, row in top.iterrows())
        parts.append(f"{text}: {listed}.")
    parts.append("Every value is in the table under the chart.")
    return " ".join(parts)


def _tooltip_fields(chart: Any) -> list[tuple[str, str]]:
    """(field, title) of each tooltip of a chart: what a reader sees on hover."""
    spec = chart.to_dict(validate=False) if hasattr(chart, "to_dict") else dict(chart)
    found: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            tips = node.get("encoding", {}).get("tooltip") if isinstance(node.get("encoding"), dict) else None
            for tip in tips if isinstance(tips, list) else ([tips] if isinstance(tips, dict) else []):
                field = tip.get("field")
                if field and field not in [f for f, _ in found]:
                    found.append((field, tip.get("title") or field.replace("_", " ")))
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(spec)
    return found


def _chart_frame(chart: Any) -> pd.DataFrame | None:
    """The DataFrame a chart draws (top level, or inside its layers or facet)."""
    data = getattr(chart, "data", None)
    if isinstance(data, pd.DataFrame):
        return data
    for attribute in ("spec", "layer"):
        inner = getattr(chart, attribute, None)
        for child in inner if isinstance(inner, list) else [inner]:
            if child is not None and not isinstance(child, (str, dict)) and hasattr(child, "data"):
                found = _chart_frame(child)
                if found is not None:
                    return found
    return None


def data_table_html(chart: Any) -> str:
    """The chart's data as a table a learner can open: the same values and words as on hover, for keyboards too."""
    import html as _html

    frame = _chart_frame(chart)
    fields = [(f, t) for f, t in _tooltip_fields(chart) if frame is not None and f in frame.columns]
    if frame is None or not fields or frame.empty:
        return ""
    head = "".join(f'<th scope="col" style="text-align:left;padding:3px 6px">{_html.escape(str(t))}</th>' for _, t in fields)
    rows = []
    for record in frame[[f for f, _ in fields]].to_dict("records"):
        cells = "".join(
            f'<td style="padding:3px 6px;vertical-align:top;text-align:left">{"" if pd.isna(v) else _html.escape(str(v))}</td>'
            for v in record.values()
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<details class="wb-chart-data" style="color:#111;background:#FFF;max-width:60em">'
        "<summary>The chart as a table (the same values, for reading or a screen reader)</summary>"
        f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        "</details>"
    )


def _count_chart(frame: pd.DataFrame, field: str, title: str, what: str) -> Any:
    """Horizontal bars: how many rows of each `field` value, one panel per text, numbers on the bars."""
    alt = _altair()
    if frame.empty or field not in frame.columns:
        return _empty(alt, f"No {what} found.")
    from workbook.plainwords import plain_label

    counts = (
        frame.assign(**{field: frame[field].astype("string").fillna("unknown").map(plain_label)})
        .groupby(["text_label", field])
        .size()
        .reset_index(name="count")
    )
    texts = sorted(counts["text_label"].unique())
    base = alt.Chart(counts).encode(
        y=alt.Y(f"{field}:N", title=None, sort="-x"),
        x=alt.X("count:Q", title=f"number of {what}"),
        tooltip=[alt.Tooltip("text_label:N", title="text"), alt.Tooltip(f"{field}:N"), alt.Tooltip("count:Q")],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("text_label:N", title="text", scale=alt.Scale(domain=texts, range=PALETTE[: len(texts)]), legend=None)
    )
    numbers = base.mark_text(align="left", dx=3, color="#111111").encode(text="count:Q")
    return (
        alt.layer(bars, numbers)
        .properties(width=260, height=alt.Step(18))
        .facet(column=alt.Column("text_label:N", title=None, header=alt.Header(labelFontSize=13, labelFontWeight="bold")))
        .resolve_scale(y="independent")
        .properties(usermeta=NO_ACTIONS, title=title, description=describe_counts(counts, field, "count", f"Bar chart: {title}, the number of {what} of each kind, one panel per text."))
    )


def timeline(events: pd.DataFrame | Sequence[Article], labels: Mapping[str, str] | None = None,
             title: str = "Years each text mentions") -> Any:
    """A two-text timeline: every dated event, one row per text, with the sentence on hover.

    `events` is `workbook.timeline.events(articles)` (columns article, year,
    description, sentence_text, ...), or the articles themselves.
    """
    if _is_articles(events):
        from workbook.timeline import events as find_events

        events = find_events(_as_list(events))
    alt = _altair()
    frame = _with_text_label(events, labels, column="label")
    if "year" not in frame.columns:
        return _empty(alt, "No dated events found.")
    frame = frame[pd.to_numeric(frame["year"], errors="coerce").notna()].copy()
    if frame.empty:
        return _empty(alt, "No dated events found.")
    frame["year"] = pd.to_numeric(frame["year"]).astype(int)
    for column in ("description", "sentence_text", "time_text", "date", "kind"):
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = frame[column].astype("string").fillna("")
    texts = sorted(frame["text_label"].unique())
    tooltip = [
        alt.Tooltip("text_label:N", title="text"),
        alt.Tooltip("year:Q", title="year", format="d"),
        alt.Tooltip("time_text:N", title="words in the text"),
        alt.Tooltip("description:N", title="what happened"),
        alt.Tooltip("sentence_text:N", title="sentence"),
    ]
    points = (
        alt.Chart(frame)
        .mark_point(filled=True, size=90, opacity=0.8)
        .encode(
            x=alt.X("year:Q", title="year", axis=alt.Axis(format="d"), scale=alt.Scale(zero=False, nice=False, padding=12)),
            y=alt.Y("text_label:N", title=None),
            color=alt.Color("text_label:N", title="text", scale=alt.Scale(domain=texts, range=PALETTE[: len(texts)])),
            shape=alt.Shape("text_label:N", title="text", scale=alt.Scale(domain=texts, range=SHAPES[: len(texts)])),
            tooltip=tooltip,
        )
    )
    years = {text: sorted(set(group["year"])) for text, group in frame.groupby("text_label")}
    description = f"Timeline: {title}, one row per text. " + " ".join(
        f"{text}: {', '.join(str(y) for y in found)}." for text, found in years.items()
    ) + " The sentence behind each point is in the table under the chart."
    return points.properties(width=620, height=alt.Step(60), title=title, description=description, usermeta=NO_ACTIONS)


def figures_by_kind(figures: pd.DataFrame | Sequence[Article], labels: Mapping[str, str] | None = None,
                    title: str = "Figures by kind") -> Any:
    """Bars: how many figures of each kind (count, percent, duration, ...) in each text.

    `figures` is `workbook.figures.figures` for one or more articles stacked (or the articles).
    """
    if _is_articles(figures):
        from workbook.figures import figures as find

        figures, labels = _stacked(figures, find)
    return _count_chart(_with_text_label(figures, labels), "kind", title, "figures")


def sources_by_type(attributions: pd.DataFrame | Sequence[Article], labels: Mapping[str, str] | None = None,
                    title: str = "Sources by type") -> Any:
    """Bars: how many attributions of each source type (person, organization, vague, ...) in each text.

    `attributions` is `workbook.sourcing.attributions` for one or more articles stacked (or the articles).
    """
    if _is_articles(attributions):
        from workbook.sourcing import attributions as find

        attributions, labels = _stacked(attributions, find)
    return _count_chart(_with_text_label(attributions, labels), "source_type", title, "sources")


def rhetoric_density(density: pd.DataFrame | Sequence[Article], labels: Mapping[str, str] | None = None,
                     title: str = "Rhetoric markers per 1,000 words") -> Any:
    """Bars: rhetoric markers per 1,000 words, by label, one panel per text.

    `density` has columns ``label`` and ``per_1000_words`` (as from
    `workbook.rhetoric.density`) and ``article`` when it holds several texts;
    or pass the articles.
    """
    if _is_articles(density):
        from workbook.rhetoric import density as find

        density, labels = _stacked(density, lambda a: find(a).assign(article=a.id))
    alt = _altair()
    if density.empty or not {"label", "per_1000_words"} <= set(density.columns):
        return _empty(alt, "No rhetoric markers found.")
    from workbook.plainwords import plain_label

    frame = density.rename(columns={"label": "marker"})
    frame["marker"] = frame["marker"].astype("string").fillna("").map(plain_label)
    frame = _with_text_label(frame, labels)
    frame["per_1000_words"] = pd.to_numeric(frame["per_1000_words"], errors="coerce").fillna(0.0)
    frame["shown"] = frame["per_1000_words"].round(1)
    texts = sorted(frame["text_label"].unique())
    base = alt.Chart(frame).encode(
        y=alt.Y("marker:N", title=None, sort=alt.EncodingSortField("per_1000_words", op="sum", order="descending")),
        x=alt.X("per_1000_words:Q", title="markers per 1,000 words"),
        tooltip=[alt.Tooltip("text_label:N", title="text"), alt.Tooltip("marker:N", title="label"),
                 alt.Tooltip("shown:Q", title="per 1,000 words")]
        + ([alt.Tooltip("count:Q", title="markers")] if "count" in frame.columns else []),
    )
    bars = base.mark_bar().encode(
        color=alt.Color("text_label:N", scale=alt.Scale(domain=texts, range=PALETTE[: len(texts)]), legend=None)
    )
    numbers = base.mark_text(align="left", dx=3, color="#111111").encode(text="shown:Q")
    return (
        alt.layer(bars, numbers)
        .properties(width=260, height=alt.Step(18))
        .facet(column=alt.Column("text_label:N", title=None, header=alt.Header(labelFontSize=13, labelFontWeight="bold")))
        .properties(usermeta=NO_ACTIONS, title=title, description=describe_counts(frame, "marker", "shown",
                                                             f"Bar chart: {title}, by kind of marker, one panel per text."))
    )
