"""Annotation tasks: the learner labels sentences or findings, then compares with the machine."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as ipw
import pandas as pd

from workbook.answers import AnswerStore, AnswersError, cohen_kappa
from workbook.articles import Article
from workbook.plainwords import how_many
from workbook.questionbank import load_task, marked_context, task_items
from workbook.widgets._common import _esc, _feedback_html, _notice_html, _open_store, put_back_saved


NO_LABEL = "— choose —"
#: The way out every task offers, unless its file names its own (``none_label = "not a source"``).
NONE_LABELS = {"findings": "none of these (the computer is wrong here)", "sentences": "none of these"}


def none_label(task: Mapping[str, Any]) -> str:
    """The task's "none of these / not a source" choice (from its file, or a default by kind of item)."""
    if task.get("none_label"):
        return str(task["none_label"])
    if task.get("category") == "sources":
        return "not a source"
    return NONE_LABELS.get(str(task.get("items")), "none of these")


def task_labels(task: Mapping[str, Any]) -> list[str]:
    """The labels a learner can choose: the task's own, then the "none of these" choice (once)."""
    labels = list(task["labels"])
    way_out = none_label(task)
    if not any(label.casefold() == way_out.casefold() for label in labels):
        labels.append(way_out)
    return labels


def key_label(task: Mapping[str, Any], article: Article, item: str) -> str | None:
    """The teacher's key for one item, when the task file has one (``[key."<article id>"]`` item = label)."""
    key = task.get("key") or {}
    for_article = key.get(article.id) if isinstance(key, Mapping) else None
    if isinstance(for_article, Mapping) and item in for_article:
        return str(for_article[item])
    return None


class AnnotationTask(ipw.VBox):
    """Label items (sentences or findings) of one article; then compare with the machine.

    `selectors` maps item id to its dropdown; each change is saved at once.
    ``compare_button.click()`` shows the machine's label beside each of the
    learner's, with the agreement (share equal and Cohen's kappa) in `result`.
    """

    def __init__(self, task: Mapping[str, Any], article: Article, store: AnswerStore | None = None,
                 table: pd.DataFrame | None = None) -> None:
        self.task = dict(task)
        self.article = article
        self.store, notice = _open_store(store)
        self.question_id = f"{self.task['id']}:{article.id}"
        self.items = task_items(self.task, article, table)
        self.labels_offered = task_labels(self.task)
        self._restoring = False
        self.selectors: dict[str, ipw.Dropdown] = {}
        self.status = ipw.HTML(_notice_html(notice))
        rows: list[ipw.Widget] = []
        for number, item in enumerate(self.items.to_dict("records"), start=1):
            selector = ipw.Dropdown(options=[NO_LABEL, *self.labels_offered], value=NO_LABEL,
                                    description=f"Item {number}", layout=ipw.Layout(width="22em"))
            selector.observe(lambda change, item=item: self._save(item, change["new"]), names="value")
            self.selectors[item["item"]] = selector
            before, marked, after = marked_context(item)
            text = _esc(before) + (f'<mark style="background:#FFE08A;color:#111">{_esc(marked)}</mark>' if marked else "") + _esc(after)
            rows.append(ipw.VBox([ipw.HTML(f'<div>{number}. {text}</div>'), selector],
                                 layout=ipw.Layout(margin="4px 0")))
        self.compare_button = ipw.Button(description="Compare with the machine", button_style="info")
        self.compare_button.on_click(lambda _: self.compare())
        self.result = ipw.HTML()
        header = ipw.HTML(
            f'<div><strong>{_esc(self.task.get("title", self.task["id"]))}</strong> '
            f'<span style="opacity:0.85">[{_esc(article.label)}]</span><br>{_esc(self.task.get("instructions", ""))}<br>'
            f'Labels: {", ".join(_esc(l) for l in self.labels_offered)}</div>'
        )
        if not len(self.items):
            rows = [ipw.HTML("<p><em>This text has nothing to label for this task.</em></p>")]
        super().__init__([header, self.status, *rows, self.compare_button, self.result],
                         layout=ipw.Layout(border="1px solid #999", padding="6px", margin="6px 0"))
        self._restore()

    def _save(self, item: Mapping[str, Any], label: str) -> None:
        if self._restoring or label == NO_LABEL:
            return
        if self.store is None:
            self.status.value = _notice_html("Your labels cannot be saved right now (see the message above).")
            return
        try:
            key = key_label(self.task, self.article, item["item"])
            self.store.record(self.question_id, label, kind="label", item=item["item"], topic=self.task.get("topic"),
                              article=self.article.id, expected=item["machine"],
                              correct=None if key is None else label == key,
                              agrees_with_machine=label == item["machine"],
                              agrees_with_key=None if key is None else label == key)
        except AnswersError as error:
            self.status.value = _notice_html(f"Your label could not be saved: {error}")

    def _restore(self) -> None:
        put_back_saved(self, self.selectors, lambda label: label if label in self.labels_offered else None)

    @property
    def labels(self) -> dict[str, str]:
        """The learner's labels so far, by item id."""
        return {item: s.value for item, s in self.selectors.items() if s.value != NO_LABEL}

    def compare(self) -> dict[str, Any]:
        """Show the machine's labels beside the learner's; return the agreement figures."""
        mine = self.labels
        if not mine:
            self.result.value = _feedback_html(None, "Label at least one item first.")
            return {"items": 0}
        rows, learner, machine = [], [], []
        for number, item in enumerate(self.items.to_dict("records"), start=1):
            label = mine.get(item["item"])
            same = label is not None and label == item["machine"]
            if label is not None and item["machine"] is not None:
                learner.append(label)
                machine.append(item["machine"])
            rows.append(
                f"<tr><td>{number}</td><td>{_esc(item['text'])}</td><td>{_esc(label or '—')}</td>"
                f"<td>{_esc(item['machine'] or '—')}</td><td>{'same' if same else ('—' if label is None else 'you differ')}</td>"
                f"<td>{_esc(item['reason'] or '')}</td></tr>"
            )
        agree = sum(a == b for a, b in zip(learner, machine))
        kappa = cohen_kappa(learner, machine) if learner else math.nan  # for the teacher's view, not shown here
        share = agree / len(learner) if learner else math.nan
        rejected = sum(1 for item in self.items.to_dict("records") if mine.get(item["item"]) == none_label(self.task))
        summary = (
            f"You and the computer gave the same label to {agree} of {how_many(len(learner), 'item')}"
            + (f" ({share:.0%})" if learner else "")
            + (f". You said “{none_label(self.task)}” for {rejected}" if rejected else "")
            + ". The computer follows simple rules and is often wrong. Where you differ, you are not wrong: "
            "who has the better reason?"
        )
        self.result.value = (
            f'<div><p>{_esc(summary)}</p>'
            '<table class="wb-compare" style="border-collapse:collapse"><thead><tr><th scope="col">#</th><th scope="col">The words</th><th scope="col">You</th>'
            f"<th scope=\"col\">The computer</th><th scope=\"col\">Same?</th><th scope=\"col\">The computer's reason</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
        return {"items": len(learner), "same": agree, "share": share, "kappa": kappa, "rejected": rejected}


def annotation_task(task_id: str, article: Article, store: AnswerStore | None = None,
                    folder: str | Path | None = None, table: pd.DataFrame | None = None) -> AnnotationTask:
    """The annotation task `task_id` on `article` (see `AnnotationTask`)."""
    return AnnotationTask(load_task(task_id, folder), article, store, table)

