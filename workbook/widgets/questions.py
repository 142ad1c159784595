"""Self-check questions and reflections: one question, a lesson's questions, free-text answers."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as ipw

from workbook.answers import AnswerStore, AnswersError
from workbook.articles import Article
from workbook.plainwords import how_many
from workbook.questionbank import TOPICS, WorkbookDataError, check_answer, get_question, load_questions
from workbook.widgets._common import _article_label, _esc, _feedback_html, _notice_html, _open_store


class QuestionWidget(ipw.VBox):
    """A self-check question. Every press of `check_button` is saved to the answers store.

    Drive it from Python: set ``q.answer = ...`` (an option's text, a list of
    texts, or what is typed), then ``q.check_button.click()``; read `feedback`
    (HTML) and `last_result`.
    """

    def __init__(self, question: Mapping[str, Any], store: AnswerStore | None = None, article_label: str | None = None) -> None:
        self.question = dict(question)
        self.store, notice = _open_store(store)
        self.last_result: tuple[bool | None, str] | None = None
        kind = self.question["type"]
        options = [str(o["text"]) for o in self.question.get("options", [])]
        if kind == "choice":
            self.input: Any = ipw.RadioButtons(options=options, value=None, layout=ipw.Layout(width="auto"))
            self.choices: list[ipw.Checkbox] = []
            inputs: list[ipw.Widget] = [self.input]
        elif kind == "multi":
            self.choices = [ipw.Checkbox(value=False, description=o, indent=False, layout=ipw.Layout(width="auto")) for o in options]
            self.input = None
            inputs = list(self.choices)
        elif kind == "number":
            unit = self.question.get("unit")
            self.input = ipw.Text(placeholder="type a number", description="Answer", layout=ipw.Layout(width="20em"))
            self.choices = []
            inputs = [ipw.HBox([self.input, ipw.HTML(f"&nbsp;{_esc(unit)}" if unit else "")])]
        else:
            self.input = ipw.Textarea(
                placeholder="type your answer", layout=ipw.Layout(width="95%", height="6em" if kind == "reflection" else "3em")
            )
            self.choices = []
            inputs = [self.input]
        self.check_button = ipw.Button(
            description="Save my answer" if kind == "reflection" else "Check", button_style="primary",
            tooltip="Saves your answer and shows feedback",
        )
        self.feedback = ipw.HTML(_notice_html(notice))
        self.attempts_note = ipw.HTML()
        self.check_button.on_click(self._check)
        label = f'<span style="opacity:0.85">[{_esc(article_label)}]</span> ' if article_label else ""
        hint = self.question.get("hint")
        prompt = ipw.HTML(
            f'<div class="wb-question"><strong>{label}{_esc(self.question["prompt"])}</strong>'
            + (f'<br><span style="font-size:0.9em;opacity:0.85">Hint: {_esc(hint)}</span>' if hint else "")
            + (f'<br><span style="font-size:0.9em;opacity:0.85">Try it in a code cell: <code>{_esc(self.question["code_hint"])}</code></span>'
               if self.question.get("code_hint") else "")
            + "</div>"
        )
        super().__init__([prompt, *inputs, ipw.HBox([self.check_button, self.attempts_note]), self.feedback],
                         layout=ipw.Layout(border="1px solid #999", padding="6px", margin="6px 0"))
        self._restore()

    @property
    def answer(self) -> Any:
        """What the learner has entered: option text, list of option texts, or typed text."""
        if self.question["type"] == "multi":
            return [c.description for c in self.choices if c.value]
        return self.input.value

    @answer.setter
    def answer(self, value: Any) -> None:
        if self.question["type"] == "multi":
            wanted = {str(v) for v in (value or [])}
            for choice in self.choices:
                choice.value = choice.description in wanted
        elif self.question["type"] == "choice":
            self.input.value = None if value is None else str(value)
        else:
            self.input.value = "" if value is None else str(value)

    def _check(self, _button: Any = None) -> None:
        given = self.answer
        correct, text = check_answer(self.question, given)
        self.last_result = (correct, text)
        saved = ""
        empty = given in (None, "", []) or (isinstance(given, str) and not given.strip())
        if self.store is not None and not empty:
            try:
                self.store.record(
                    self.question["id"], given, kind=self.question["type"], correct=correct,
                    topic=self.question.get("topic"), article=self.question.get("article"),
                )
            except AnswersError as error:
                saved = f"\nYour answer could not be saved: {error}"
        elif self.store is None and not empty:
            saved = "\nYour answer could not be saved (see the message above)."
        self.feedback.value = _feedback_html(correct, text + saved)
        self._count()

    def _count(self) -> None:
        if self.store is None:
            return
        n = len(self.store.attempts(self.question["id"]))
        self.attempts_note.value = f'<span style="opacity:0.85">&nbsp;{how_many(n, "attempt")} saved</span>' if n else ""

    def _restore(self) -> None:
        if self.store is None:
            return
        latest = self.store.latest(self.question["id"])
        if latest is None:
            return
        try:
            self.answer = latest["answer"]
        except Exception:  # an option renamed since: keep the widget usable
            return
        correct, text = check_answer(self.question, latest["answer"])
        self.last_result = (correct, text)
        self.feedback.value = _notice_html(self.store.notice or "") + _feedback_html(correct, text, earlier=True)
        self._count()


def question(question_id: str, store: AnswerStore | None = None, folder: str | Path | None = None) -> QuestionWidget:
    """The self-check question with this id (see `QuestionWidget`)."""
    found = get_question(question_id, folder)
    return QuestionWidget(found, store, _article_label(found.get("article")))




def questions(topic: str, article: Article | str | None = None, store: AnswerStore | None = None,
              folder: str | Path | None = None) -> ipw.VBox:
    """Every question of a lesson `topic` (twins side by side in order), or only those about `article`."""
    if topic not in TOPICS and folder is None:
        raise WorkbookDataError(f"No lesson topic {topic!r}. Topics: {', '.join(TOPICS)}.")
    wanted = article.id if isinstance(article, Article) else article
    labels: dict[Any, Any] = {}
    if folder is None:
        # Keyed questions where a key exists (shipped, or a teacher's file beside the articles),
        # else questions generated from the extractions (workbook.lesson_questions).
        from workbook.lesson_questions import lesson_pair, lesson_questions
        from workbook.naming import short_names

        pair = lesson_pair(article if isinstance(article, Article) else None)
        if isinstance(article, str):
            article = next((a for a in pair if a.id == article), None)
            if article is None:
                pair = []
        chosen = lesson_questions(topic, article, pair) if pair else []
        labels = dict(zip((a.id for a in pair), short_names(pair)))
    else:
        chosen = [q for q in load_questions(folder).values() if q.get("topic") == topic]
        if wanted is not None:
            chosen = [q for q in chosen if q.get("article") in (None, wanted)]
    if not chosen:
        which = f" about {wanted}" if wanted else ""
        return ipw.VBox([ipw.HTML(
            f"<p><em>There are no self-check questions for {_esc(topic)}{_esc(which)}. "
            "Use the reflection questions and the tables instead.</em></p>"
        )])
    items = [QuestionWidget(q, store, labels.get(q.get("article")) or labels.setdefault(q.get("article"), _article_label(q.get("article"))))
             for q in chosen]
    box = ipw.VBox(items)
    box.items = items  # type: ignore[attr-defined]
    return box


def reflection(question_id: str, prompt: str | None = None, store: AnswerStore | None = None,
               article: str | None = None, topic: str | None = None) -> QuestionWidget:
    """A free-text question saved as written: from the question files, or ad hoc with `prompt`."""
    if prompt is None:
        found = dict(get_question(question_id))
    else:
        found = {"id": question_id, "type": "reflection", "prompt": prompt, "article": article, "topic": topic}
    found["type"] = "reflection"
    return QuestionWidget(found, store, _article_label(found.get("article")))

