"""Answer normalisation, and every key the issue found wrong or misleading, checked against the texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbook import load_seeds
from workbook.questionbank import (
    WorkbookDataError,
    check_answer,
    get_question,
    load_questions,
    load_task,
    normalise_text,
    tasks_folder,
)

GENERAL = Path(__file__).resolve().parent.parent / "notebooks" / "questions"


@pytest.fixture(scope="module")
def seeds():
    return load_seeds()


@pytest.fixture(scope="module")
def every_question():
    return {**load_questions(), **load_questions(GENERAL)}


# ---- normalisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("It DOESN’T say!", "it does not say"),
        ("it doesnt say", "it does not say"),
        ("Can't tell", "can not tell"),
        ("  Ukraínska   Pravda. ", "ukrainska pravda"),
        ("won't", "will not"),
        ("they're", "they are"),
    ],
)
def test_normalise_text(typed, expected):
    assert normalise_text(typed) == expected


def test_ignore_words_are_left_out_of_answer_and_key():
    assert normalise_text("The text does not say", ignore=["the", "text"]) == "does not say"
    assert normalise_text("the", ignore=["the"]) == ""


def _text_question(**extra):
    question = {"type": "text", "accept": ["not given"], "match": "contains", **extra}
    return question


def test_synonyms_turn_paraphrases_into_the_key():
    question = _text_question(synonyms={"not given": ["does not say", "unknown"]}, ignore=["the", "text"])
    for typed in ("The text doesn't say.", "unknown", "NOT GIVEN", "it does not say who"):
        assert check_answer(question, typed)[0] is True, typed
    assert check_answer(question, "Gallup")[0] is False
    assert check_answer(question, "   ")[0] is None


def test_longer_paraphrases_win_over_their_parts():
    question = _text_question(accept=["nobody"], synonyms={"nobody": ["no one is named"], "somebody": ["no one"]})
    assert check_answer(question, "no one is named")[0] is True


def test_responses_give_their_own_feedback_and_verdict():
    question = _text_question(responses=[
        {"accept": ["south korea"], "match": "contains", "correct": True, "feedback": "found elsewhere"},
        {"accept": ["maybe"], "feedback": "not judged"},
    ])
    assert check_answer(question, "South Korea's estimate") == (True, "found elsewhere")
    assert check_answer(question, "maybe") == (None, "not judged")


def _write(tmp_path, body):
    folder = tmp_path / "q"
    folder.mkdir()
    (folder / "t.toml").write_text('topic = "t"\n[[question]]\nid = "x"\ntype = "text"\nprompt = "p"\naccept = ["not given"]\n' + body, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "body, words",
    [
        ('ignore = "the"\n', "ignore must be a list"),
        ('synonyms = { "not given" = "unknown" }\n', "synonyms must be a table of lists"),
        ('responses = [{ accept = ["x"] }]\n', "needs feedback"),
        ('responses = [{ accept = ["x"], feedback = "f", correct = "yes" }]\n', "true or false"),
        ('ignore = ["not", "given"]\n', "empty once the ignore words"),
    ],
)
def test_bad_normalisation_fields_are_reported(tmp_path, body, words):
    folder = _write(tmp_path, body)
    with pytest.raises(WorkbookDataError) as caught:
        load_questions(folder)
    assert words in str(caught.value) and "t.toml" in str(caught.value) and "'x'" in str(caught.value)


# ---- sourcing-poll-000: "it doesn't say", "not mentioned" and "unknown" are right --------------


@pytest.mark.parametrize(
    "typed",
    ["it doesn't say", "not mentioned", "unknown", "Not given.", "The text does not say", "nobody", "no one",
     "It doesn’t name anyone", "no source is given", "the writer doesnt say"],
)
def test_sourcing_poll_000_accepts_every_way_of_saying_the_text_does_not_say(typed):
    correct, _ = check_answer(get_question("sourcing-poll-000"), typed)
    assert correct is True, typed


@pytest.mark.parametrize("typed", ["North Korea", "Putin", "the Russian army", "Kim Jong Un"])
def test_sourcing_poll_000_still_rejects_a_name_the_text_does_not_give_as_source(typed):
    correct, feedback = check_answer(get_question("sourcing-poll-000"), typed)
    assert correct is False and "not given" in feedback


def test_sourcing_poll_000_does_not_penalise_a_sourced_fact_found_outside_the_text():
    correct, feedback = check_answer(get_question("sourcing-poll-000"), "South Korean officials")
    assert correct is True and "Yonhap" in feedback


def test_the_text_really_gives_no_source_for_the_14000(seeds):
    sentence = next(s.text for s in seeds[0].sentence_list if "14,000" in s.text)
    assert not re.search(r"\b(according to|said|says|estimated|reported)\b", sentence)


# ---- sourcing-poll-003: the date can be read two ways -----------------------------------------


def test_sourcing_poll_003_no_longer_calls_the_date_day_first(seeds):
    question = get_question("sourcing-poll-003")
    right, feedback = check_answer(question, "a Gallup poll")
    assert right is True
    assert "day-first (07.08.25)" not in feedback and "two ways" in feedback
    assert "07.08.25" in seeds[1].text and "08.21.25" in seeds[1].text
    assert check_answer(question, "Ukrainska Pravda")[0] is True
    wrong, hint = check_answer(question, "not given")
    assert wrong is False and "[2]" in hint


# ---- sourcing-source-list-003: no table the lesson never shows ---------------------------------


def test_sourcing_source_list_003_points_to_markers_that_are_in_the_text(seeds):
    option = next(o for o in get_question("sourcing-source-list-003")["options"] if o.get("correct"))
    assert "table" not in option["feedback"]
    body = " ".join(b.text for b in seeds[1].blocks_with_role("body"))
    for marker in re.findall(r"\[\d\]", option["feedback"]):
        assert marker in body
    assert "[1]" not in body, "the one item never pointed to"


# ---- figures-python: exclamation marks in the writer's own sentences ---------------------------


def _writer_exclamations(text: str) -> int:
    """Exclamation marks outside curly double quotation marks."""
    outside, depth = 0, 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == "!" and depth == 0:
            outside += 1
    return outside


@pytest.mark.parametrize("index, qid", [(0, "figures-python-000"), (1, "figures-python-003")])
def test_figures_python_counts_only_the_writers_own_exclamation_marks(seeds, index, qid):
    question = get_question(qid)
    text = seeds[index].text
    assert question["answer"] == _writer_exclamations(text)
    assert "Use Python" not in question["prompt"]
    assert ("first" if index == 0 else "second") in question["code_hint"]
    if text.count("!") != question["answer"]:
        correct, feedback = check_answer(question, str(text.count("!")))
        assert correct is False and "slogan" in feedback


# ---- every key that counts something in the text agrees with the text ---------------------------


@pytest.mark.parametrize("index, qid", [(0, "texts-subheadings-000"), (1, "texts-subheadings-003")])
def test_subheading_keys_match_the_texts(seeds, index, qid):
    question = get_question(qid)
    assert question["answer"] == len(seeds[index].blocks_with_role("subheading"))
    assert "Python" not in question.get("hint", "") and "article." not in question["feedback"]["wrong"]


def test_quoted_numbers_in_the_figure_keys_are_in_the_texts(seeds):
    assert "killing 12 people" in seeds[0].text and "73% oppose it" in seeds[1].text


# ---- wording that cannot work on paper, and guessable choices ---------------------------------


def test_no_question_asks_the_reader_to_type_or_use_python_except_in_code_hints(every_question):
    for qid, question in every_question.items():
        for field in ("prompt", "hint"):
            words = str(question.get(field, ""))
            assert not re.search(r"\b(Type a|Use Python|In Python|article\.)", words), (qid, field, words)


JOKES = ("is lying", "To make the numbers bigger", "Close the tab", "always right", "old enough to remember",
         "How long it is", "The findings are useless", "It is a percentage", "Because every text has 1,000 words")


def test_every_choice_option_is_a_plausible_answer_with_a_reason(every_question):
    for qid, question in every_question.items():
        if question["type"] not in ("choice", "multi"):
            continue
        wrong = [o for o in question["options"] if not o.get("correct")]
        assert wrong, qid
        for option in question["options"]:
            assert not any(joke in option["text"] for joke in JOKES), (qid, option["text"])
            assert len(option.get("feedback", "")) > 15, (qid, option["text"], "say why")


def test_every_task_has_a_way_to_reject_the_machine():
    for path in sorted(tasks_folder().glob("*.toml")):
        task = load_task(path.stem)
        given = set(task.get("machine", {}).get("map", {}).values()) | {r["label"] for r in task.get("machine", {}).get("rule", [])}
        given.add(task.get("machine", {}).get("default"))
        escape = [label for label in task["labels"] if label in ("none of these", "not a source")]
        assert escape and not set(escape) & given, path.name


def test_history_keys_agree_with_the_reference_sheet():
    from workbook.timeline import load_reference_sheet

    facts = {fact["id"]: fact for fact in load_reference_sheet()}
    assert "28 June 1996" in facts["ukraine-constitution-1996"]["statement"]
    right = next(o["text"] for o in get_question("history-reference-000")["options"] if o.get("correct"))
    assert right == "1996"
    right = next(o["text"] for o in get_question("history-reference-003")["options"] if o.get("correct"))
    assert right in facts["budapest-memorandum-1994"]["statement"]


def test_code_hints_are_shown_on_screen(tmp_path, monkeypatch):
    import html

    from workbook import widgets as w

    monkeypatch.setenv("WORKBOOK_ANSWERS_DIR", str(tmp_path))
    widget = w.question("figures-python-003")
    shown = html.unescape(widget.children[0].value)
    assert get_question("figures-python-003")["code_hint"] in shown


@pytest.mark.parametrize("task_id", ["source-type", "claim-kind"])
def test_every_keyed_task_item_is_still_offered_and_keyed_with_a_label_learners_can_choose(task_id, seeds):
    from workbook.questionbank import load_task, task_items
    from workbook.widgets.tasks import key_label, task_labels

    task = load_task(task_id)
    labels = set(task_labels(task))
    for article in seeds:
        keyed = task["key"][article.id]
        offered = set(task_items(task, article)["item"])
        assert set(keyed) <= offered, f"{task_id}: keyed items no longer offered for {article.id}: {set(keyed) - offered}"
        assert offered <= set(keyed), f"{task_id}: items with no key for {article.id}: {offered - set(keyed)}"
        assert {key_label(task, article, item) for item in keyed} <= labels
