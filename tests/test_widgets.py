"""Widgets driven from Python: what they display, the feedback they give, and what they store."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from workbook import article_from_text
from workbook import widgets as w
from workbook.answers import AnswerStore
from workbook.findings import FINDING_COLUMNS

HOSTILE = (
    "<script>alert('headline')</script> Breaking news\n\n"
    "By <b>Eve</b>\n\n"
    'The mayor said "<img src=x onerror=alert(1)>" on May 3, 2020. It cost 5 dollars, cynically. '
    "Then <svg onload=alert(2)> & friends left.\n\n"
    "A second paragraph mentions 1991 and javascript:alert(3)."
)


@pytest.fixture
def store(tmp_path):
    with AnswerStore(tmp_path / "answers.sqlite3") as opened:
        yield opened


def _table(article, spans):
    """A findings table from (words, category, label, reason) tuples."""
    rows = []
    for words, category, label, reason in spans:
        start = article.text.index(words)
        block, sentence = article.locate(start)
        rows.append({"article": article.id, "block": block, "sentence": sentence, "start": start,
                     "end": start + len(words), "text": words, "category": category, "label": label,
                     "reason": reason, "detail": None})
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


@pytest.fixture
def hostile():
    return article_from_text(HOSTILE, id="evil<img src=x onerror=alert(9)>",
                             metadata={"publisher": "<script>alert('pub')</script>"})


@pytest.fixture
def hostile_table(hostile):
    return _table(hostile, [
        ("<img src=x onerror=alert(1)>", "quotes", "scare", 'a "short" <quote> with no speaker'),
        ("5 dollars", "figures", "money", "a number followed by a unit"),
        ("May 3, 2020", "time", "date", "a calendar date"),
        ("cynically", "rhetoric", "loaded", "'cynically' is in the loaded-language list"),
        ("<svg onload=alert(2)> & friends", "rhetoric", "label", "<b>not bold</b>"),
        ("The mayor said \"<img src=x onerror=alert(1)>\" on May", "sources", "person", "reported speech"),
    ])


def _visible_text(markup: str) -> str:
    """What a reader sees in the article columns (tags and the highlight tags' numbers removed)."""
    markup = re.sub(r'<a class="wb-tag[^"]*".*?</a>', "", markup)
    markup = re.sub(r"<details.*?</details>", "", markup, flags=re.S)
    markup = re.sub(r"<style>.*?</style>", "", markup, flags=re.S)
    markup = re.sub(r'<p class="wb-nothing".*?</p>', "", markup, flags=re.S)
    markup = markup.replace("<br>", "\n").replace("</p>", "\n")
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


SAFE_TAGS = {"div", "p", "mark", "a", "span", "strong", "em", "br", "details", "summary", "ol", "li", "style"}


def _tags(markup: str) -> list[tuple[str, list[str]]]:
    """Every start tag in `markup`, with its attribute names, as a browser would parse it."""
    from html.parser import HTMLParser

    found: list[tuple[str, list[str]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, [name for name, _ in attrs]))

    Collector().feed(markup)
    return found


def _marks(markup: str) -> list[str]:
    return re.findall(r'<mark class="wb-hl[^"]*" data-group="([^"]+)"', markup)


# ---- highlighter ---------------------------------------------------------------------------


def test_planted_markup_shows_as_text(hostile, hostile_table):
    view = w.highlighter(hostile, table=hostile_table).view.value
    lowered = view.lower()
    for planted in ("<script", "<img", "<svg", "<b>"):
        assert planted not in lowered  # never a live tag
    tags = _tags(view)
    assert {name for name, _ in tags} <= SAFE_TAGS
    assert not [attrs for _, attrs in tags if any(a.startswith("on") for a in attrs)]  # no event handlers
    for sheet in re.findall(r"<style>(.*?)</style>", view, flags=re.S):  # our own rules only, nothing planted
        assert re.fullmatch(r"[#\w\-.,:{}();!% >]+", sheet), sheet
    assert "&lt;script&gt;alert(&#x27;headline&#x27;)&lt;/script&gt;" in view
    assert "&lt;img src=x onerror=alert(1)&gt;" in view or "&lt;img src=x onerror=alert(1)" in view
    assert "&lt;script&gt;alert(&#x27;pub&#x27;)&lt;/script&gt;" in view  # metadata too
    assert "&lt;b&gt;not bold&lt;/b&gt;" in view  # reasons too
    text = _visible_text(view)
    assert "<img src=x onerror=alert(1)>" in text and "<svg onload=alert(2)> & friends" in text


def test_highlighting_never_changes_the_text(hostile, hostile_table):
    view = w.highlight_html(hostile, table=hostile_table)
    shown = _visible_text(view)
    for block in hostile.block_list:
        assert block.text in shown


def test_toggles_per_category_and_label_switch_highlights(hostile, hostile_table):
    widget = w.highlighter(hostile, table=hostile_table, on=list(w.group_styles(["quotes: scare", "figures", "time",
                           "rhetoric: loaded", "rhetoric: label", "sources: person"])))
    assert set(widget.toggles) == {"quotes: scare", "figures", "time", "rhetoric: loaded", "rhetoric: label", "sources: person"}
    assert set(_marks(widget.visible_html())) == set(widget.toggles)
    assert set(_marks(widget.view.value)) == set(widget.toggles)  # drawn once, every group
    widget.toggles["figures"].value = False
    assert "figures" not in _marks(widget.visible_html())
    assert "rhetoric: loaded" in _marks(widget.visible_html())
    hidden_class = widget.classes["figures"]
    assert f"mark.{hidden_class}" in widget.visibility.value  # the style sheet makes it plain text
    widget.all_off.click()
    assert _marks(widget.visible_html()) == []
    assert "Nothing highlighted" in widget.visible_html()
    assert ".wb-nothing{display:block" in widget.visibility.value
    widget.all_on.click()
    assert set(_marks(widget.visible_html())) == set(widget.toggles)
    assert widget.visibility.value == ""
    only = w.highlighter(hostile, table=hostile_table, on=["time"])
    assert set(_marks(only.visible_html())) == {"time"}


def test_highlighter_opens_with_one_group_on(hostile, hostile_table):
    widget = w.highlighter(hostile, table=hostile_table)
    assert len(widget.shown) == 1
    assert widget.shown == ["quotes: scare"]  # the first in legend order


def _hidden_in(css: str) -> set[str]:
    """The group classes a style sheet makes look like plain text."""
    rules = re.findall(r"([^{}]*)\{background:transparent!important", css)
    return set(re.findall(r"mark\.(wb-g\d+)", " ".join(rules)))


def test_a_group_that_was_off_at_first_shows_when_its_box_is_ticked(hostile, hostile_table):
    # The browser applies every style sheet it holds: the text drawn once must hide nothing itself,
    # or a box ticked later could never show its highlights.
    widget = w.highlighter(hostile, table=hostile_table)
    off = next(group for group, toggle in widget.toggles.items() if not toggle.value)
    assert widget.classes[off] in _hidden_in(widget.visibility.value)
    assert not _hidden_in(widget.view.value)
    widget.toggles[off].value = True
    assert widget.classes[off] not in _hidden_in(widget.visibility.value + widget.view.value)
    widget.all_on.click()
    assert not _hidden_in(widget.visibility.value + widget.view.value)


def test_every_tag_reads_in_full():
    styles = w.group_styles(["rhetoric: rhetorical_question", "rhetoric: appeal_to_authority", "rhetoric: we_voice",
                             "rhetoric: call_to_action", "figures"])
    assert styles["rhetoric: rhetorical_question"]["code"] == "rhetorical questions"
    assert styles["rhetoric: appeal_to_authority"]["code"] == "appeals to authority"
    assert styles["rhetoric: call_to_action"]["code"] == "calls to action"
    assert "we" in styles["rhetoric: we_voice"]["code"] and "_" not in styles["rhetoric: we_voice"]["code"]
    assert w.group_name("rhetoric: call_to_action") == "Rhetoric: calls to action"


def test_rhetoric_voice_and_strength_make_their_own_groups():
    assert w.group_of("rhetoric", "loaded") == "rhetoric: loaded"
    assert w.group_of("rhetoric", "loaded", voice="writer", strength="strong") == "rhetoric: loaded"
    assert w.group_of("rhetoric", "loaded", voice="quoted") == "rhetoric: quoted"
    assert w.group_of("rhetoric", "loaded", voice="reported", strength="weak") == "rhetoric: quoted"
    assert w.group_of("rhetoric", "hedge", voice="writer", strength="weak") == "rhetoric: weak"
    assert w.group_of("figures", "count", voice="quoted") == "figures"


def test_quoted_rhetoric_is_apart_and_off_at_first(seeds):
    widget = w.highlighter(seeds, categories=["rhetoric"])
    assert "rhetoric: quoted" in widget.toggles  # the seeds quote loaded words
    assert not widget.toggles["rhetoric: quoted"].value
    assert "in someone else" in widget.view.value or "’s words" in widget.view.value
    tags = re.findall(r'<a class="wb-tag[^"]*"[^>]*>(.*?)</a>', widget.view.value)
    assert tags and not [t for t in tags if re.search(r"\bnan\b|_", t)]  # every tag in words, never NaN or a code name


def test_a_redraw_sends_under_100_kb(seeds):
    from workbook.widgets.highlighter import first_payload, redraw_payload

    widget = w.highlighter(seeds)
    widget.all_on.click()  # the heaviest case: every category on both texts
    assert first_payload(widget) > 100_000  # the text with every finding is large...
    for group in list(widget.toggles)[:5]:
        size = redraw_payload(widget, group)
        assert 0 < size < 100_000  # ...but a tick only sends the short style sheet
        assert size < first_payload(widget) / 20
    widget.all_on.click()
    assert widget.shown == list(widget.toggles)  # measuring undid its tick


def test_each_highlight_has_a_tag_a_pattern_a_legend_and_its_reason(hostile, hostile_table):
    view = w.highlight_html(hostile, table=hostile_table)
    assert 'class="wb-legend"' in view
    for name in ("Quotes: scare quotes", "Figures", "Time references", "Rhetoric: loaded words", "Sources: people"):
        assert name in view
    marks = re.findall(r"<mark [^>]*>", view)
    assert marks
    for mark in marks:
        css_class = re.search(r"\b(wb-g\d+)\b", mark).group(1)
        rule = re.search(rf"mark\.{css_class}\{{([^}}]*)\}}", view).group(1)
        assert re.search(r"border-bottom:3px (solid|dashed|dotted|double) #|underline wavy #", rule)  # a pattern too
        assert 'title="' in mark
        described = re.search(r'aria-describedby="([^"]+)"', mark).group(1)
        assert f'id="{described}"' in view  # the reason is also in the list under the text
    assert view.count('class="wb-tag ') == len(hostile_table)
    assert "a &quot;short&quot; &lt;quote&gt; with no speaker" in view  # reason escaped inside title
    assert "<details" in view and "Why each part is highlighted" in view


def test_overlapping_highlights_nest(hostile, hostile_table):
    view = w.highlight_html(hostile, table=hostile_table)
    # the source span contains the scare quote: both marks cover the planted tag's characters
    assert re.search(r'data-group="sources: person".*?data-group="quotes: scare"', view, flags=re.S)
    assert view.count("<mark") >= len(hostile_table)
    assert view.count("<mark") == view.count("</mark>")


def test_each_category_has_its_own_line_pattern():
    patterns = [style["border"] for style in w.CATEGORY_STYLES.values()]
    assert len(set(patterns)) == len(patterns)


def test_colours_meet_wcag_aa():
    for background in w.BACKGROUNDS:
        assert w.contrast_ratio(background, w.TEXT_COLOUR) >= 4.5
    for style in w.CATEGORY_STYLES.values():
        assert w.contrast_ratio(style["tag"], "#FFFFFF") >= 4.5
    assert w.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert w.contrast_ratio("#777777", "#FFFFFF") < 4.5  # the check can fail


def test_two_articles_side_by_side_each_with_its_own_findings(hostile, hostile_table):
    other = article_from_text("Other title\n\nIt cost 7 dollars in 1999.", id="other")
    table = pd.concat([hostile_table, _table(other, [("7 dollars", "figures", "money", "a unit")])], ignore_index=True)
    view = w.highlighter([hostile, other], table=table).view.value
    columns = re.findall(r'<div class="wb-article" data-article="([^"]+)"', view)
    assert columns == [html.escape(hostile.id, quote=True), "other"]
    second = view.split('data-article="other"')[1]
    assert "7 dollars" in second and "5 dollars" not in second


def test_highlighter_on_the_seeds_with_the_real_tools(seeds):
    widget = w.highlighter(seeds)
    assert len(re.findall(r'<div class="wb-article"', widget.view.value)) == 2
    assert any(group.startswith("rhetoric") for group in widget.toggles)
    assert "Working people in Ukraine" in widget.view.value
    assert "Prevent the partition and plunder of Ukraine" in widget.view.value


# ---- explorer ------------------------------------------------------------------------------


def test_explorer_filters_and_shows_a_finding_in_context(hostile, hostile_table):
    other = article_from_text("Other title\n\nIt cost 7 dollars in 1999.", id="other")
    table = pd.concat([hostile_table, _table(other, [("7 dollars", "figures", "money", "a unit")])], ignore_index=True)
    explorer = w.explorer([hostile, other], table=table)
    assert "6 findings" in explorer.table_view.value
    explorer.category.value = "rhetoric"
    assert "2 findings" in explorer.table_view.value
    explorer.search.value = "loaded"
    assert "1 finding." in explorer.table_view.value
    assert "cynically" in explorer.context.value and "In its sentence" in explorer.context.value
    assert "In its paragraph" in explorer.context.value
    explorer.search.value = "nothing matches this"
    assert "0 findings" in explorer.table_view.value and "Choose a finding" in explorer.context.value
    explorer.search.value = ""
    explorer.category.value = "quotes"
    assert "&lt;img src=x onerror=alert(1)&gt;" in explorer.table_view.value
    assert "<img" not in explorer.table_view.value and "<img" not in explorer.context.value
    explorer.article.value = "other"
    assert explorer.category.value == "all"
    assert "1 finding." in explorer.table_view.value and "7 dollars" in explorer.context.value


# ---- questions -----------------------------------------------------------------------------


QUESTIONS = """
topic = "sourcing"

[[question]]
id = "t-choice"
type = "choice"
prompt = "Pick <b>one</b>"
options = [
  { text = "right", correct = true, feedback = "Yes, because." },
  { text = "wrong", feedback = "No: look again." },
]

[[question]]
id = "t-multi"
type = "multi"
prompt = "Tick all"
options = [
  { text = "a", correct = true, feedback = "a fits" },
  { text = "b", correct = true },
  { text = "c", feedback = "c is a trap" },
]

[[question]]
id = "t-number"
type = "number"
prompt = "How many?"
answer = 14000
tolerance = 100
feedback = { correct = "Spot on.", too_low = "Too low.", too_high = "Too high." }

[[question]]
id = "t-text"
type = "text"
prompt = "Who?"
accept = ["Gallup"]
match = "contains"

[[question]]
id = "t-reflect"
type = "reflection"
prompt = "Think."
"""


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "questions"
    path.mkdir()
    (path / "test.toml").write_text(QUESTIONS, encoding="utf-8")
    return path


def _feedback_text(widget) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", widget.feedback.value))


def test_choice_question_feedback_and_every_attempt_stored(store, folder):
    q = w.question("t-choice", store=store, folder=folder)
    assert "Pick &lt;b&gt;one&lt;/b&gt;" in q.children[0].value
    q.check_button.click()
    assert "Choose one answer first" in _feedback_text(q)
    assert len(store) == 0  # nothing given, nothing stored
    q.answer = "wrong"
    q.check_button.click()
    assert "No: look again." in _feedback_text(q) and "Not yet" in _feedback_text(q)
    q.answer = "right"
    q.check_button.click()
    assert "Yes, because." in _feedback_text(q) and "Right" in _feedback_text(q)
    stored = store.attempts("t-choice")
    assert [(r["answer"], r["correct"], r["kind"], r["topic"]) for r in stored] == [
        ("wrong", False, "choice", "sourcing"), ("right", True, "choice", "sourcing")]
    assert "2 attempts saved" in q.attempts_note.value
    q.check_button.click()
    assert "3 attempts saved" in q.attempts_note.value and "(s)" not in q.attempts_note.value


def test_reopening_restores_the_saved_answer(store, folder):
    first = w.question("t-choice", store=store, folder=folder)
    first.answer = "wrong"
    first.check_button.click()
    again = w.question("t-choice", store=store, folder=folder)
    assert again.input.value == "wrong"
    assert "saved answer from before" in again.feedback.value and "No: look again." in _feedback_text(again)
    multi = w.question("t-multi", store=store, folder=folder)
    multi.answer = ["a", "c"]
    multi.check_button.click()
    assert w.question("t-multi", store=store, folder=folder).answer == ["a", "c"]


def test_multiple_select_feedback_per_answer(store, folder):
    q = w.question("t-multi", store=store, folder=folder)
    q.choices[0].value = True  # set the checkbox itself, as a learner would
    q.check_button.click()
    text = _feedback_text(q)
    assert "1 more answer also fits: look again" in text and "a fits" in text
    q.answer = ["a", "b", "c"]
    q.check_button.click()
    assert "c is a trap" in _feedback_text(q) and q.last_result[0] is False
    q.answer = ["a", "b"]
    q.check_button.click()
    assert q.last_result[0] is True
    assert [r["answer"] for r in store.attempts("t-multi")] == [["a"], ["a", "b", "c"], ["a", "b"]]


@pytest.mark.parametrize("typed, correct, words", [
    ("14,000", True, "Spot on."), ("13 950", True, "Spot on."), ("13000", False, "Too low."),
    ("15000.5", False, "Too high."), ("lots", None, "Type a number"),
])
def test_number_question_with_tolerance(store, folder, typed, correct, words):
    q = w.question("t-number", store=store, folder=folder)
    q.answer = typed
    q.check_button.click()
    assert q.last_result[0] is correct and words in _feedback_text(q)
    assert store.latest("t-number")["answer"] == typed  # kept exactly as typed


def test_text_and_reflection_questions(store, folder):
    q = w.question("t-text", store=store, folder=folder)
    q.answer = "A GALLUP poll!"
    q.check_button.click()
    assert q.last_result[0] is True
    q.answer = "Gallupish"
    q.check_button.click()
    assert q.last_result[0] is False
    essay = "Line one.\nLine two, with “quotes” & <tags>."
    r = w.question("t-reflect", store=store, folder=folder)
    r.answer = essay
    r.check_button.click()
    assert "Saved" in _feedback_text(r)
    assert store.latest("t-reflect")["answer"] == essay and store.latest("t-reflect")["correct"] is None
    ad_hoc = w.reflection("own-notes", prompt="What did you notice?", store=store)
    ad_hoc.answer = "plenty"
    ad_hoc.check_button.click()
    assert store.latest("own-notes")["answer"] == "plenty"


def test_bad_question_files_are_named(tmp_path):
    cases = {
        "bad.toml": ("[[question]]\nid = 'x'\n", "not valid TOML"),
        "notype.toml": ('[[question]]\nid = "x"\ntype = "essay"\nprompt = "p"\n', "type must be one of"),
        "tworight.toml": ('[[question]]\nid = "x"\ntype = "choice"\nprompt = "p"\n'
                          'options = [{text="a", correct=true}, {text="b", correct=true}]\n', "exactly one option"),
        "twin.toml": ('[[question]]\nid = "x"\ntype = "reflection"\nprompt = "p"\ntwin = "y"\n', "twin 'y'"),
    }
    for name, (content, message) in cases.items():
        folder = tmp_path / name.replace(".toml", "")
        folder.mkdir()
        (folder / name).write_text(content.replace("'x'\n", "'x\n") if name == "bad.toml" else content, encoding="utf-8")
        with pytest.raises(w.WorkbookDataError, match=re.escape(message)) as error:
            w.load_questions(folder)
        assert name in str(error.value)
    with pytest.raises(w.WorkbookDataError, match="Did you mean"):
        w.get_question("start-headline-00")


# ---- the shipped question files ------------------------------------------------------------


def test_every_topic_has_questions_with_symmetric_twins():
    found = w.load_questions()
    for topic in w.TOPICS:
        assert sum(q["topic"] == topic and bool(q.get("article")) for q in found.values()) >= 4, topic
    for question in found.values():
        if not question.get("article"):  # a question about no text in particular needs no twin
            continue
        twin = found[question["twin"]]
        assert twin["twin"] == question["id"]
        assert twin["article"] != question["article"]
        assert (twin["type"], twin["topic"]) == (question["type"], question["topic"])
        assert question["id"].rsplit("-", 1)[0] == twin["id"].rsplit("-", 1)[0]


def test_shipped_keys_agree_with_the_seed_texts(seeds):
    by_id = {a.id: a for a in seeds}
    found = w.load_questions()
    for qid in ("texts-author-000", "texts-author-003"):
        q = found[qid]
        right = next(o["text"] for o in q["options"] if o.get("correct"))
        assert right == by_id[q["article"]].author
    for qid in ("start-headline-000", "start-headline-003"):
        q = found[qid]
        assert next(o["text"] for o in q["options"] if o.get("correct")) == by_id[q["article"]].title
    for qid in ("texts-subheadings-000", "texts-subheadings-003"):
        q = found[qid]
        assert q["answer"] == (by_id[q["article"]].blocks["role"] == "subheading").sum()
    for qid in ("figures-python-000", "figures-python-003"):  # the writer's own: none inside “quoted slogans”
        q = found[qid]
        text = by_id[q["article"]].text
        quoted = sum(part.count("!") for part in re.findall(r"“[^”]*”", text))
        assert q["answer"] == text.count("!") - quoted
    not_quotes = {"some", "percent", "not given", "subheading"}  # words named, not quoted from a text
    for q in found.values():  # every phrase quoted in a prompt, hint or feedback is really in its text
        texts = [q["prompt"], q.get("hint", ""), *[o.get("feedback", "") for o in q.get("options", [])],
                 *q.get("feedback", {}).values()]
        for phrase in re.findall(r"“([^”]{4,})”", " ".join(map(str, texts))):
            phrase = phrase.rstrip(".…").rstrip()
            if phrase.lower() in not_quotes or "…" in phrase:
                continue
            assert phrase in by_id[q["article"]].text, (q["id"], phrase)


def test_questions_for_a_topic_and_an_article(store, seeds):
    box = w.questions("texts", store=store)
    assert len(box.items) == 6
    only = w.questions("texts", article=seeds[1], store=store)
    assert {item.question["article"] for item in only.items} == {seeds[1].id}
    other = article_from_text("Title\n\nBody text here.", id="someone-else")
    # A text without an answer key gets questions generated from its extractions (workbook.generated_questions).
    generated = w.questions("texts", article=other, store=store).items
    assert generated and all(item.question["article"] == other.id and item.question.get("generated") for item in generated)
    with pytest.raises(w.WorkbookDataError, match="No lesson topic"):
        w.questions("cooking")


# ---- annotation tasks ----------------------------------------------------------------------

TASK = """
title = "Fact or opinion?"
instructions = "Label each sentence."
labels = ["fact", "opinion", "prediction"]
items = "sentences"
min_words = 3

[machine]
default = "fact"

[[machine.rule]]
pattern = '\\bwill\\b'
label = "prediction"
reason = "a future word"

[[machine.rule]]
category = "rhetoric"
label = "opinion"
reason = "a rhetoric marker"
"""


@pytest.fixture
def task_folder(tmp_path):
    path = tmp_path / "tasks"
    path.mkdir()
    (path / "facts.toml").write_text(TASK, encoding="utf-8")
    return path


@pytest.fixture
def plain():
    return article_from_text(
        "Title line\n\nThe bridge opened in 1990 after years. Critics cynically mocked the whole plan. "
        "It will close again next year.", id="plain")


def test_annotation_task_saves_labels_and_compares_with_the_machine(store, task_folder, plain):
    table = _table(plain, [("cynically", "rhetoric", "loaded", "in the list")])
    task = w.annotation_task("facts", plain, store=store, folder=task_folder, table=table)
    assert list(task.items["machine"]) == ["fact", "opinion", "prediction"]
    items = list(task.selectors)
    task.compare_button.click()
    assert "Label at least one item first" in task.result.value
    task.selectors[items[0]].value = "fact"
    task.selectors[items[1]].value = "fact"
    task.selectors[items[2]].value = "prediction"
    stored = store.attempts("facts:plain")
    # agreeing with the machine is stored apart; with no teacher's key, nothing is "correct" or "wrong"
    assert [(r["item"], r["answer"], r["expected"], r["agrees_with_machine"], r["correct"]) for r in stored] == [
        (items[0], "fact", "fact", True, None), (items[1], "fact", "opinion", False, None),
        (items[2], "prediction", "prediction", True, None)]
    result = task.compare()
    assert result["same"] == 2 and result["items"] == 3
    shown = html.unescape(task.result.value)
    assert "same label to 2 of 3" in shown and "a rhetoric marker" in shown
    assert "kappa" not in shown.lower()  # agreement statistics are for the teacher's view only
    assert "you are not wrong" in shown
    assert shown.count(">same<") == 2 and shown.count(">you differ<") == 1
    reopened = w.annotation_task("facts", plain, store=store, folder=task_folder, table=table)
    assert reopened.labels == {items[0]: "fact", items[1]: "fact", items[2]: "prediction"}
    assert len(store.attempts("facts:plain")) == 3  # restoring does not save again


def test_every_task_offers_none_of_these_and_a_key_is_kept_apart(store, task_folder, plain):
    table = _table(plain, [("cynically", "rhetoric", "loaded", "in the list")])
    task = w.annotation_task("facts", plain, store=store, folder=task_folder, table=table)
    way_out = w.none_label(task.task)
    assert way_out in task.labels_offered and way_out not in task.task["labels"]
    first = list(task.selectors)[0]
    task.task["key"] = {"plain": {first: "opinion"}}
    task.selectors[first].value = way_out
    row = store.latest("facts:plain", first)
    assert row["agrees_with_machine"] is False and row["agrees_with_key"] is False and row["correct"] is False
    task.selectors[first].value = "opinion"
    row = store.latest("facts:plain", first)
    assert row["agrees_with_machine"] is False and row["agrees_with_key"] is True and row["correct"] is True
    assert task.compare()["rejected"] == 0
    sources = w.load_task("source-type")
    assert w.none_label(sources) == "not a source" and "not a source" in w.task_labels(sources)


def test_old_stores_keep_their_labels_readable(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:  # the schema before agreement was kept apart
        old.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT, pseudonym TEXT NOT NULL, question TEXT NOT NULL,"
            " item TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL, topic TEXT, article TEXT, answer TEXT NOT NULL,"
            " correct INTEGER, expected TEXT, saved_at TEXT NOT NULL);"
            "INSERT INTO answers (pseudonym, question, item, kind, answer, correct, expected, saved_at) VALUES"
            " ('owl', 'claim-kind:x', 's1', 'label', '\"opinion\"', 0, '\"fact\"', '2025-01-01T00:00:00Z'),"
            " ('owl', 'q1', '', 'choice', '\"A\"', 1, NULL, '2025-01-01T00:00:00Z');")
    with AnswerStore(path) as store:
        label, choice = store.attempts()
        assert label["answer"] == "opinion" and label["agrees_with_machine"] is False and label["correct"] is None
        assert choice["correct"] is True and choice["agrees_with_machine"] is None
        store.record("q1", "B", kind="choice", correct=False)  # the old file takes new answers too
        assert len(store) == 3
        table = store.table()
        assert list(table["agrees_with_machine"].astype(object).where(table["agrees_with_machine"].notna(), None)) == [False, None, None]


def test_shipped_tasks_load_and_run_on_the_seeds(store, seeds):
    for task_id in ("claim-kind", "source-type"):
        task = w.load_task(task_id)
        assert task["labels"]
        widget = w.annotation_task(task_id, seeds[1], store=store)
        assert all(m in task["labels"] or m is None for m in widget.items["machine"])
    claim = w.annotation_task("claim-kind", seeds[0], store=store)
    assert 1 <= len(claim.items) <= 8
    with pytest.raises(w.WorkbookDataError, match="No annotation task"):
        w.load_task("../../etc/passwd")


def test_bad_task_file_is_named(tmp_path, plain):
    (tmp_path / "odd.toml").write_text('labels = ["a", "b"]\nitems = "sentences"\n[machine]\ndefault = "c"\n', encoding="utf-8")
    with pytest.raises(w.WorkbookDataError, match="odd.toml.*not in labels"):
        w.load_task("odd", tmp_path)


# ---- pseudonym, download, teacher ---------------------------------------------------------


def test_pseudonym_chooser(store):
    chooser = w.pseudonym_chooser(store)
    chooser.name.value = "a\x00b"
    chooser.save_button.click()
    assert "invisible control characters" in chooser.status.value and store.pseudonym is None
    chooser.name.value = "<b>Heron</b>"
    chooser.save_button.click()
    assert store.pseudonym == "<b>Heron</b>"
    assert "&lt;b&gt;Heron&lt;/b&gt;" in chooser.status.value and "<b>Heron" not in chooser.status.value
    assert chooser.name.disabled and chooser.save_button.disabled
    again = w.pseudonym_chooser(store)
    assert again.name.value == "<b>Heron</b>" and again.name.disabled


def _link(widget, suffix):
    match = re.search(rf'download="([^"]+\.{suffix})" href="data:[^;]+;charset=utf-8;base64,([^"]+)"', widget.links.value)
    return match.group(1), base64.b64decode(match.group(2)).decode("utf-8")


def test_download_links_carry_every_answer_and_follow_new_ones(store, folder):
    store.set_pseudonym("../owl")
    button = w.download_button(store)
    name, text = _link(button, "json")
    assert name == "answers-owl.json" and json.loads(text)["answers"] == []
    q = w.question("t-choice", store=store, folder=folder)
    q.answer = "right"
    q.check_button.click()
    name, text = _link(button, "json")
    assert [a["answer"] for a in json.loads(text)["answers"]] == ["right"]
    assert json.loads(text)["pseudonym"] == "../owl"
    name, text = _link(button, "csv")
    assert name == "answers-owl.csv" and '"""right"""' in text
    assert "1 answer saved for ../owl" in button.links.value


def test_teacher_view_shows_distribution_and_agreement(tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for name, label in (("ann", "fact"), ("ben", "opinion")):
        store = AnswerStore(tmp_path / name / "a.sqlite3")
        store.set_pseudonym(name)
        store.record("q1", "A" if name == "ann" else "B", kind="choice")
        store.record("claim-kind:x", label, kind="label", item="s1", expected="fact")
        store.record("claim-kind:x", "fact", kind="label", item="s2", expected="fact")
        (downloads / store.download_name()).write_text(store.export_json(), encoding="utf-8")
    (downloads / "junk.json").write_text("not json", encoding="utf-8")
    view = w.teacher_view(downloads)
    shown = view.children[0].value
    assert "6 answers from 2 learners" in shown and "junk.json" in shown
    assert "Answers per question" in shown and "50%" in shown
    assert "Agreement per annotation task" in shown and "claim-kind:x" in shown and "Cohen" in shown


def test_widgets_work_when_the_store_cannot_open(tmp_path, monkeypatch, folder):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("WORKBOOK_ANSWERS_DIR", str(blocker / "sub"))
    q = w.question("t-choice", folder=folder)
    assert "cannot be saved" in q.feedback.value
    q.answer = "right"
    q.check_button.click()
    assert "Yes, because." in _feedback_text(q) and "could not be saved" in _feedback_text(q)


def test_counts_read_as_good_english():
    from workbook.plainwords import how_many

    assert [how_many(n, "answer") for n in (0, 1, 2)] == ["0 answers", "1 answer", "2 answers"]
    assert how_many(1, "person", "people") == "1 person" and how_many(4, "person", "people") == "4 people"


def test_no_screen_or_message_counts_with_a_bracketed_plural():
    """A learner reads "2 attempts saved", never "2 attempt(s) saved"."""
    import re

    package = Path(w.__file__).resolve().parents[1]
    found = [f"{path.name}: {line.strip()}" for path in package.rglob("*.py")
             for line in path.read_text(encoding="utf-8").splitlines()
             if re.search(r"\b[a-z]+\(s\)", line) and ('f"' in line or "f'" in line)]
    assert found == []


def test_someone_elses_words_read_as_good_english():
    from workbook.plainwords import possessive

    assert [possessive(n) for n in ("Ann Lee", "Lewis", "military professionals", "the officials", "Ann Lee’s")] == [
        "Ann Lee’s", "Lewis’s", "military professionals’", "the officials’", "Ann Lee’s"]


def test_an_article_with_no_headline_is_never_headed_with_its_file_id():
    from workbook import article_from_text

    body = ("The talks failed on Monday, and both sides went home to think again about what they would offer "
            "when they meet next month in the same city, if they meet at all.")
    article = article_from_text(f"{body}\n\n{body}", id="paste-7f3a")
    assert article.title is None
    visible = re.sub(r"<[^>]+>", " ", w.highlight_html([article]))  # what a learner reads, without the tags
    assert "paste-7f3a" not in visible and "(no headline found)" in visible
