"""The teacher's view of a class's downloaded answers."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import ipywidgets as ipw

from workbook import answers as answers_module
from workbook.answers import describe_kappa
from workbook.widgets._common import _esc


def teacher_view(paths: str | Path | Iterable[str | Path]) -> ipw.VBox:
    """A class's answers from downloaded files: answer counts per question and agreement per task."""
    import warnings as _warnings

    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", answers_module.AnswersWarning)
        table = answers_module.collect(paths)
    problems = table.attrs.get("problems", [])
    parts = [f"<p>{len(table)} answer(s) from {table['pseudonym'].nunique()} learner(s).</p>"]
    if problems:
        parts.append("<p>Skipped:</p><ul>" + "".join(f"<li>{_esc(p)}</li>" for p in problems) + "</ul>")
    distribution = answers_module.distribution(table)
    if len(distribution):
        shown = distribution.assign(share=(distribution["share"] * 100).round().astype(int).astype(str) + "%")
        parts.append("<h4>Answers per question</h4>" + shown.to_html(index=False, escape=True, na_rep=""))
    agreement = answers_module.agreement(table)
    if len(agreement):
        shown = agreement.assign(
            between_learners=agreement["between_learners"].map(lambda v: f"{v:.2f}" if not math.isnan(v) else "n/a"),
            meaning=agreement["between_learners"].map(describe_kappa),
            with_machine=agreement["with_machine"].map(lambda v: f"{v:.2f}" if not math.isnan(v) else "n/a"),
        )
        parts.append("<h4>Agreement per annotation task (kappa)</h4>" + shown.to_html(index=False, escape=True, na_rep=""))
    box = ipw.VBox([ipw.HTML(f'<div>{"".join(parts)}</div>')])
    box.table = table  # type: ignore[attr-defined]
    return box

