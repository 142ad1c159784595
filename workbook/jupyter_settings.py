"""Turn off JupyterLab's news and update checks in this environment (they reach the internet).

A regular ``pip install .`` (and Binder's postBuild) puts the two settings files in
place; an editable ``pip install -e .`` does not install data files, so run once::

    python -m workbook.jupyter_settings

It writes ``<environment>/share/jupyter/lab/settings/overrides.json`` (news and
update checks off) and ``<environment>/etc/jupyter/jupyter_server_config.d/
media-literacy-workbook.json`` (no news URL, never check for updates), unless they
are there already. The widgets call `ensure_news_off` quietly too, so a forgotten
step is mended by the first lesson.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}
SERVER_CONFIG = {"LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"}}


def settings_files(prefix: str | Path | None = None) -> dict[Path, dict]:
    """The files `ensure_news_off` writes, with their contents."""
    prefix = Path(prefix or sys.prefix)
    return {
        prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json": LAB_OVERRIDES,
        prefix / "etc" / "jupyter" / "jupyter_server_config.d" / "media-literacy-workbook.json": SERVER_CONFIG,
    }


def ensure_news_off(prefix: str | Path | None = None) -> list[Path]:
    """Write the settings that stop JupyterLab's news and update checks; return the files written.

    An existing ``overrides.json`` keeps its other settings: the two notification
    settings are merged in. Nothing is raised when the environment is read-only.
    """
    written = []
    for path, content in settings_files(prefix).items():
        try:
            current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (OSError, ValueError):
            continue  # a file we cannot read is left alone
        merged = dict(current)
        for key, value in content.items():
            merged[key] = {**current.get(key, {}), **value} if isinstance(value, dict) else value
        if merged == current:
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
        except OSError:
            continue
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - a one-line command
    done = ensure_news_off()
    print("\n".join(f"wrote {p}" for p in done) or "JupyterLab's news and update checks were already off.")
