"""Predict, then reveal: the learner marks sentences on the plain text, then sees the machine's marks.

The learner ticks the sentences they think fit (for example "quotes someone"),
then presses "Show the computer's marks" and sees, sentence by sentence, where
they and the computer agree and differ, with the computer's reason. Neither
side is "right": the screen asks who has the better reason. Each tick is saved
(kind ``"predict"``) with the computer's mark stored as its own field, so the
teacher's view can show which machine findings a class rejected.

`passage_items` and `reveal_html` are pure and work without a kernel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import ipywidgets as ipw

from workbook.plainwords import how_many
from workbook.answers import AnswerStore, AnswersError
from workbook.articles import Article
from workbook.questionbank import find_all
from workbook.widgets._common import BOX_STYLE, _esc, _notice_html, _open_store, article_name, put_back_saved
from workbook.widgets.styles import group_name, group_of

#: What each kind of prediction asks, and which findings count as the computer's mark.
PROMPTS: dict[str, dict[str, Any]] = {
    "quotes": {
        "ask": "Tick each sentence that you think gives someone else's words (a quote, or what someone said).",
        "categories": ["quotes", "sources"],
        "labels": None,
        "short": "quotes or reports someone",
    },
    "figures": {
        "ask": "Tick each sentence that you think uses a number you could check (a count, a share, an amount).",
        "categories": ["figures"],
        "labels": None,
        "short": "uses a number",
    },
    "time": {
        "ask": "Tick each sentence that you think points to a time in the past (a year, a date, “years ago”).",
        "categories": ["time"],
        "labels": None,
        "short": "points to a time",
    },
    "loaded": {
        "ask": "Tick each sentence that you think uses loaded words: words that judge, or push your feelings.",
        "categories": ["rhetoric"],
        "labels": ["loaded", "label", "intensifier", "absolute", "scare_quote"],
        "short": "uses loaded words",
    },
}
#: Sentences shown for marking (a passage, not the whole of a long text).
PASSAGE_SIZE = 10


def passage_items(article: Article, kind: str, size: int = PASSAGE_SIZE) -> list[dict[str, Any]]:
    """A passage of body sentences to mark, each with the computer's mark (True/False) and its reasons.

    The passage is `size` consecutive body sentences of six words or more, chosen
    where the computer marks some sentences and not others (so there is something
    to agree and disagree about).
    """
    spec = PROMPTS[kind]
    table = find_all(article, spec["categories"])
    if spec["labels"] is not None and len(table):
        table = table[~((table["category"] == "rhetoric") & ~table["label"].isin(spec["labels"]))]
    sentences = [s for s in article.sentence_list
                 if article.block_list[s.block].role == "body" and len(s.text.split()) >= 6]
    items = []
    for sentence in sentences:
        inside = table[(table["start"] < sentence.end) & (table["end"] > sentence.start)] if len(table) else table
        reasons = []
        for row in inside.to_dict("records")[:3]:
            group = group_name(group_of(row["category"], row["label"]))
            reasons.append(f"{group}: “{row['text']}”" + (f" ({row['reason']})" if row.get("reason") else ""))
        items.append({"item": f"s{sentence.index}", "text": sentence.text, "machine": bool(len(inside)),
                      "reasons": reasons})
    if len(items) <= size:
        return items
    best, best_score = 0, -1
    for start in range(0, len(items) - size + 1):
        marked = sum(i["machine"] for i in items[start:start + size])
        score = min(marked, size - marked)
        if score > best_score:
            best, best_score = start, score
    return items[best:best + size]


def agreement_counts(items: Sequence[Mapping[str, Any]], marked: Iterable[str]) -> dict[str, int]:
    """How the learner's ticks and the computer's marks compare: both, only you, only the computer, neither."""
    marked = set(marked)
    counts = {"both": 0, "only_you": 0, "only_machine": 0, "neither": 0}
    for item in items:
        mine, machine = item["item"] in marked, bool(item["machine"])
        key = "both" if mine and machine else "only_you" if mine else "only_machine" if machine else "neither"
        counts[key] += 1
    return counts


def reveal_html(items: Sequence[Mapping[str, Any]], marked: Iterable[str], short: str) -> str:
    """The reveal: each sentence with the learner's tick, the computer's mark and its reason, and a summary."""
    marked = set(marked)
    counts = agreement_counts(items, marked)
    same = counts["both"] + counts["neither"]
    rows = []
    for number, item in enumerate(items, start=1):
        mine, machine = item["item"] in marked, bool(item["machine"])
        verdict = "you agree" if mine == machine else "you differ"
        colour = "#2D5A27" if mine == machine else "#8A4B00"
        why = "; ".join(item["reasons"]) if item["reasons"] else "the computer found nothing here"
        rows.append(
            f'<tr class="wb-{"agree" if mine == machine else "differ"}" style="border-bottom:1px solid #ccc">'
            f'<td style="padding:4px 6px;vertical-align:top;text-align:left">{number}</td>'
            f'<td style="padding:4px 6px;vertical-align:top;text-align:left">{_esc(item["text"])}</td>'
            f'<td style="padding:4px 6px;vertical-align:top;text-align:left">{"ticked" if mine else "not ticked"}</td>'
            f'<td style="padding:4px 6px;vertical-align:top;text-align:left">{"marked" if machine else "not marked"}</td>'
            f'<td style="padding:4px 6px;vertical-align:top;text-align:left;color:{colour};font-weight:bold">{verdict}</td>'
            f'<td style="padding:4px 6px;vertical-align:top;text-align:left">{_esc(why)}</td></tr>'
        )
    summary = (
        f"You and the computer agree on {same} of {how_many(len(items), 'sentence')}. "
        f"Marked by both of you: {counts['both']}. Only by you: {counts['only_you']}. "
        f"Only by the computer: {counts['only_machine']}."
    )
    return (
        f'<div class="wb-reveal" style="{BOX_STYLE};max-width:60em">'
        f'<p class="wb-agreement" role="status"><strong>{_esc(summary)}</strong></p>'
        "<p>The computer follows simple rules and is often wrong. Where you differ, look again: "
        "who has the better reason, you or the computer? Disagreeing is not a mistake.</p>"
        '<table class="wb-table" style="border-collapse:collapse;width:100%"><thead><tr>'
        '<th scope="col" style="text-align:left">#</th><th scope="col" style="text-align:left">Sentence</th>'
        '<th scope="col" style="text-align:left">You</th>'
        f'<th scope="col" style="text-align:left">The computer ({_esc(short)})</th>'
        '<th scope="col" style="text-align:left">Agree?</th><th scope="col" style="text-align:left">The computer\'s reason</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


_WRAP_CSS = ("<style>.wb-predict .widget-checkbox{width:auto!important;height:auto!important}"
             ".wb-predict .widget-checkbox label,.wb-predict .widget-checkbox span{white-space:normal!important;"
             "overflow:visible!important;text-overflow:clip!important;line-height:1.5}"
             ".wb-predict .widget-checkbox input{flex:none;margin-top:0.3em}</style>")


class Predict(ipw.VBox):
    """Mark sentences first, then reveal the computer's marks.

    `choices` maps each sentence's item id to its checkbox; ``reveal_button.click()``
    shows the comparison in `result` and returns the agreement counts.
    """

    def __init__(self, article: Article, kind: str = "quotes", store: AnswerStore | None = None,
                 size: int = PASSAGE_SIZE) -> None:
        if kind not in PROMPTS:
            raise ValueError(f"No prediction called {kind!r}. Choose one of: {', '.join(PROMPTS)}.")
        self.article, self.kind, self.spec = article, kind, PROMPTS[kind]
        self.store, notice = _open_store(store)
        self.question_id = f"predict-{kind}:{article.id}"
        self.items = passage_items(article, kind, size)
        self.status = ipw.HTML(_notice_html(notice))
        self._restoring = False
        self.choices: dict[str, ipw.Checkbox] = {}
        rows: list[ipw.Widget] = []
        for number, item in enumerate(self.items, start=1):
            box = ipw.Checkbox(value=False, description=f"{number}. {item['text']}", indent=False,
                               layout=ipw.Layout(width="100%", margin="2px 0"))
            box.observe(lambda change, item=item: self._save(item, change["new"]), names="value")
            self.choices[item["item"]] = box
            rows.append(box)
        self.reveal_button = ipw.Button(description="Show the computer's marks", button_style="info",
                                        tooltip="Compare your ticks with the computer's marks",
                                        layout=ipw.Layout(width="auto"))
        self.reveal_button.on_click(lambda _: self.reveal())
        self.result = ipw.HTML()
        header = ipw.HTML(
            f'{_WRAP_CSS}<div><strong>Predict first: {_esc(article_name(article))}</strong><br>'
            f"{_esc(self.spec['ask'])} Then press the button. Here is a passage of "
            f"{len(self.items)} sentences from the text.</div>"
        )
        if not self.items:
            rows = [ipw.HTML("<p><em>This text has no sentences to mark for this step.</em></p>")]
        super().__init__([header, self.status, *rows, self.reveal_button, self.result],
                         layout=ipw.Layout(border="1px solid #999", padding="6px", margin="6px 0"))
        self.add_class("wb-predict")
        self._restore()

    @property
    def marked(self) -> list[str]:
        """The item ids of the sentences the learner ticked."""
        return [item for item, box in self.choices.items() if box.value]

    def _save(self, item: Mapping[str, Any], value: bool) -> None:
        if self._restoring or self.store is None:
            return
        try:
            self.store.record(self.question_id, "marked" if value else "not marked", kind="predict",
                              item=item["item"], topic=self.kind, article=self.article.id,
                              expected="marked" if item["machine"] else "not marked",
                              agrees_with_machine=value == bool(item["machine"]))
        except AnswersError as error:
            self.status.value = _notice_html(f"Your mark could not be saved: {error}")

    def _restore(self) -> None:
        put_back_saved(self, self.choices, lambda answer: answer == "marked")

    def reveal(self) -> dict[str, int]:
        """Show where the learner and the computer agree and differ; return the counts."""
        self.result.value = reveal_html(self.items, self.marked, self.spec["short"])
        return agreement_counts(self.items, self.marked)


def predict(article: Article, kind: str = "quotes", store: AnswerStore | None = None) -> Predict:
    """Predict, then reveal, on one article (see `Predict`). `kind`: quotes, figures, time or loaded."""
    return Predict(article, kind, store)
