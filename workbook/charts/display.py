"""Showing a chart: JupyterLab's own Vega-Lite renderer by default, Altair's renderers when asked.

A chart from `workbook.charts` is a `VegaLiteChart`: a plain Vega-Lite v5 specification
(a dict) that knows how to show itself. Put last in a cell (or given to ``w.chart``), it
is displayed as the ``application/vnd.vegalite.v5+json`` mimetype, which JupyterLab 4,
Notebook 7 and Voilà draw with the Vega-Lite they ship, offline, with no widget, no
JavaScript bundle and no Altair in the kernel (Altair alone holds about 40 MB there). The
bundle also carries ``text/plain``: the chart's description, for a screen or a tool that
cannot draw it.

Renderers (``enable_offline(name)``, or ``$WORKBOOK_CHART_RENDERER`` before the first chart):

``vegalite`` (the default)
    JupyterLab's built-in renderer, as above.
``jupyter``
    Altair's interactive widget with its offline bundle (anywidget and vl-convert-python;
    selections reach Python). The bundle is saved in
    ``$XDG_CACHE_HOME/media-literacy-workbook/`` and reused by later kernels.
``inline``
    Altair's self-contained HTML chart (about 900 KB an output).
``svg``, ``png``
    Static pictures drawn by vl-convert through Altair: for printing and strict nbval.

`as_altair` gives a teacher the Altair chart of any specification; Altair is imported
only then, or when one of its renderers is chosen.
"""

from __future__ import annotations

import copy
import importlib.metadata
import importlib.util
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: The mimetype JupyterLab's vega5-extension draws (it also reads Vega-Lite 3 and 4, and Vega 5).
MIMETYPE = "application/vnd.vegalite.v5+json"
#: Options JupyterLab passes to vega-embed: no "..." menu (a nameless control for screen readers),
#: and SVG (each mark an element with an ARIA role, sharp when zoomed or printed). Vega names the
#: chart's container for screen readers with the specification's description either way.
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}
RENDERER_VARIABLE = "WORKBOOK_CHART_RENDERER"
RENDERERS = ("vegalite", "jupyter", "inline", "svg", "png")
ALTAIR_RENDERERS = ("jupyter", "inline", "svg", "png")

_enabled: str | None = None
_altair_enabled: str | None = None


def enable_offline(renderer: str | None = None) -> str:
    """Choose how charts are drawn without the internet; return the renderer chosen.

    `renderer` is ``"vegalite"`` (JupyterLab's own renderer, the default), or one of
    Altair's: ``"jupyter"``, ``"inline"``, ``"svg"``, ``"png"``; default:
    ``$WORKBOOK_CHART_RENDERER`` or ``vegalite``. Altair's ``jupyter`` falls back to
    ``inline`` when anywidget or vl-convert is missing. Only Altair's renderers import Altair.
    """
    global _enabled
    choice = (renderer or os.environ.get(RENDERER_VARIABLE) or "vegalite").strip().lower()
    if choice not in RENDERERS:
        raise ValueError(f"Unknown chart renderer {choice!r}; choose one of {', '.join(RENDERERS)}.")
    if choice in ALTAIR_RENDERERS:
        choice = _enable_altair(choice)
    _enabled = choice
    return choice


def active_renderer() -> str:
    """The renderer charts are drawn with, choosing the default the first time."""
    return _enabled or enable_offline()


def _enable_altair(choice: str) -> str:
    """Switch Altair's renderer to an offline one; return the one switched on."""
    global _altair_enabled
    import altair as alt

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
    _altair_enabled = choice
    return choice


def as_altair(spec: Mapping[str, Any]) -> Any:
    """The Altair chart of a specification (``alt.Chart.from_dict``, validated), to change or save.

    Imports Altair, and switches on an offline Altair renderer (the one chosen with
    `enable_offline`, else Altair's ``jupyter`` widget) so the chart draws without the internet.
    """
    if _altair_enabled is None:
        _enable_altair(_enabled if _enabled in ALTAIR_RENDERERS else "jupyter")
    return _altair_chart(spec)


def _altair_chart(spec: Mapping[str, Any]) -> Any:
    """The Altair chart of a specification, leaving Altair's renderer as it is (for saving files)."""
    import altair as alt

    return alt.Chart.from_dict(copy.deepcopy(dict(spec)))


def mimebundle(spec: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """What a notebook is sent for a chart: (data, metadata) for the active renderer."""
    choice = active_renderer()
    if choice != "vegalite":
        shown = as_altair(spec)._repr_mimebundle_()
        return shown if isinstance(shown, tuple) else (shown, {})
    plain = json.loads(json.dumps(dict(spec)))  # plain JSON types only, a copy the kernel can let go of
    return {MIMETYPE: plain, "text/plain": _words(spec)}, {MIMETYPE: {"embed_options": dict(EMBED_OPTIONS)}}


def _words(spec: Mapping[str, Any]) -> str:
    """A chart in words: its description, else its title."""
    return str(spec.get("description") or spec.get("title") or "A chart.")


class VegaLiteChart(dict):
    """A Vega-Lite v5 specification (a plain dict) that shows itself as a chart in a notebook.

    Everything a dict does works (``spec["encoding"]``, ``json.dumps(spec)``);
    `to_dict` gives a plain copy, `altair` the Altair chart, `save` a PNG, SVG, PDF or HTML file.
    """

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict[str, Any], dict[str, Any]]:
        return mimebundle(self)

    def __repr__(self) -> str:
        return f"<VegaLiteChart: {_words(self)}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain-text view (a terminal, or ``text/plain``): the chart's description."""
        printer.text(_words(self))

    def to_dict(self) -> dict[str, Any]:
        """A deep copy as a plain dict."""
        return copy.deepcopy(dict(self))

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(dict(self), indent=indent, ensure_ascii=False)

    def altair(self) -> Any:
        """This chart as an Altair chart (imports Altair; see `as_altair`)."""
        return as_altair(self)

    def save(self, path: str | Path, **options: Any) -> None:
        """Save as ``.png``, ``.svg``, ``.pdf`` or ``.html`` (drawn offline by vl-convert, through Altair).

        Only writes the file: how charts are shown in the notebook is left as it was.
        """
        _altair_chart(self).save(str(path), **options)


# ---- Altair's offline bundle, kept on disk so later kernels need not build it ---------------------


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
    Altair ``jupyter`` chart builds the bundle again. An admin builds it once with
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
