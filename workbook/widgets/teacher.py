"""The teacher's view of a class's downloaded answers.

What it shows, each part built by a pure function from the collected table:
how the class answered each question; which machine findings the class
rejected most; exit tickets and the pre-task and post-task side by side, per
learner; and agreement per annotation task (kappa, with a line saying what it
means). Agreement statistics are shown here, to teachers, never to learners.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import ipywidgets as ipw
import pandas as pd

from workbook import answers as answers_module
from workbook.answers import describe_kappa
from workbook.plainwords import how_many
from workbook.widgets._common import _esc, table_html

#: One line a teacher reads next to a kappa figure.
KAPPA_MEANING = ("Kappa measures how far labels agree beyond what chance alone would give: 0 is chance, "
                 "1 is full agreement, below 0 is less than chance (words after Landis and Koch, 1977).")
EXIT_TICKETS = tuple(f"exit-{n:02d}" for n in range(1, 8))


def _shown(answer: Any) -> str:
    try:
        value = json.loads(answer)
    except (TypeError, ValueError):
        return "" if answer is None or answer is pd.NA else str(answer)
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def _final(table: pd.DataFrame) -> pd.DataFrame:
    return answers_module.final_answers(table) if len(table) else table


def rejected_findings(table: pd.DataFrame, limit: int = 10) -> list[dict[str, Any]]:
    """The machine's labels the class disagreed with most: task, item, the machine's label, how many learners, what they said."""
    final = _final(table)
    if final.empty or "agrees_with_machine" not in final.columns:
        return []
    marked = final[final["kind"].isin(["label", "predict"]).fillna(False) & (final["agrees_with_machine"] == False)]  # noqa: E712
    rows = []
    for (question, item), group in marked.groupby(["question", "item"], sort=False):
        said = group["answer"].map(_shown).value_counts()
        task, _, article = str(question).partition(":")
        rows.append({
            "task": task, "text": _item_text(article, str(item)), "machine": _shown(group["expected"].iloc[0]),
            "learners": int(group["pseudonym"].nunique()),
            "instead": "; ".join(f"{answer} ({count})" for answer, count in said.items()),
        })
    rows.sort(key=lambda r: -r["learners"])
    return rows[:limit]


def _item_text(article_id: str, item: str) -> str:
    """The words of an item (a sentence ``s12`` or a span ``120-140``) when the article is one of the seeds."""
    try:
        from workbook.articles import load_seeds

        article = next((a for a in load_seeds() if a.id == article_id), None)
    except Exception:
        article = None
    if article is None:
        return f"item {item}"
    try:
        if item.startswith("s"):
            return article.sentence_list[int(item[1:])].text
        start, end = (int(x) for x in item.split("-"))
        return article.text[start:end]
    except (ValueError, IndexError):
        return f"item {item}"


def side_by_side(table: pd.DataFrame, questions: Iterable[str]) -> list[dict[str, Any]]:
    """One row per learner, one column per question (the learner's final answer), for `questions`."""
    wanted = list(questions)
    final = _final(table)
    if final.empty:
        return []
    final = final[final["question"].isin(wanted)]
    rows = []
    for learner, group in final.groupby("pseudonym", sort=True):
        row: dict[str, Any] = {"learner": learner or "(no pseudonym)"}
        for question, answer in zip(group["question"], group["answer"]):
            row[question] = _shown(answer)
        rows.append(row)
    return rows


def teacher_html(table: pd.DataFrame, problems: list[str] | None = None) -> str:
    """The whole teacher's view as HTML (pure: a collected answers table in, HTML out)."""
    learners = table["pseudonym"].nunique() if len(table) else 0
    parts = [f"<p>{how_many(len(table), 'answer')} from {how_many(learners, 'learner')}.</p>"]
    if problems:
        parts.append("<p>Skipped:</p><ul>" + "".join(f"<li>{_esc(p)}</li>" for p in problems) + "</ul>")
    distribution = answers_module.distribution(table) if len(table) else pd.DataFrame()
    if len(distribution):
        rows = distribution.assign(share=(distribution["share"] * 100).round().astype(int).astype(str) + "%",
                                   correct=distribution["correct"].map(
                                       lambda v: "" if v is None or v is pd.NA else ("yes" if v else "no"))).to_dict("records")
        parts.append("<h4>Answers per question</h4>" + table_html(
            rows, [("question", "Question"), ("answer", "Answer"), ("learners", "Learners"), ("share", "Share"),
                   ("correct", "Matches the key")]))
    rejected = rejected_findings(table)
    parts.append("<h4>Machine findings the class rejected most</h4>" + table_html(
        rejected, [("task", "Task"), ("text", "The words"), ("machine", "The computer said"),
                   ("learners", "Learners who disagreed"), ("instead", "What they said instead")],
        empty="No learner has disagreed with the computer yet (or no labels were handed in)."))
    pre_post = side_by_side(table, ["pre-task", "post-task"])
    parts.append("<h4>Pre-task and post-task, side by side</h4>" + table_html(
        pre_post, [("learner", "Learner"), ("pre-task", "Pre-task"), ("post-task", "Post-task")],
        empty="No pre-task or post-task answers yet."))
    tickets = side_by_side(table, EXIT_TICKETS)
    present = [t for t in EXIT_TICKETS if any(t in row for row in tickets)]
    parts.append("<h4>Exit tickets, side by side</h4>" + table_html(
        tickets, [("learner", "Learner")] + [(t, f"Lesson {int(t[-2:])}") for t in present],
        empty="No exit tickets yet."))
    agreement = answers_module.agreement(table) if len(table) else pd.DataFrame()
    if len(agreement):
        def number(value: float) -> str:
            return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.2f}"

        rows = [{
            "task": r["task"], "learners": r["learners"], "items": r["items"],
            "between": f"{number(r['between_learners'])} ({describe_kappa(r['between_learners'])}; {r['method'] or 'n/a'})",
            "machine": f"{number(r['with_machine'])} ({describe_kappa(r['with_machine'])})",
            "share": "n/a" if math.isnan(r["agree_with_machine"]) else f"{r['agree_with_machine']:.0%}",
        } for r in agreement.to_dict("records")]
        parts.append("<h4>Agreement per annotation task (kappa)</h4>"
                     f'<p class="wb-kappa-meaning">{_esc(KAPPA_MEANING)}</p>' + table_html(
                         rows, [("task", "Task"), ("learners", "Learners"), ("items", "Items"),
                                ("between", "Kappa between learners"), ("machine", "Kappa with the computer"),
                                ("share", "Same label as the computer")]))
    return '<div class="wb-teacher" style="color:#111;background:#FFF;padding:4px">' + "".join(parts) + "</div>"


def teacher_view(paths: str | Path | Iterable[str | Path]) -> ipw.VBox:
    """A class's answers from downloaded files (see `teacher_html`)."""
    import warnings as _warnings

    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", answers_module.AnswersWarning)
        table = answers_module.collect(paths)
    box = ipw.VBox([ipw.HTML(teacher_html(table, table.attrs.get("problems", [])))])
    box.table = table  # type: ignore[attr-defined]
    return box
