"""Generated self-check questions: valid, answerable from the text, twinned, the same every time."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from workbook import article_from_text, load_articles, load_seeds
from workbook.generated_questions import TOPICS, generated_questions
from workbook.question_draft import draft_toml
from workbook.questionbank import check_answer, load_questions

OWN_PAIR = Path(__file__).parent / "data" / "own-pair"


def _words(text: str) -> list[str]:
    text = text.replace("’", "'").replace("‘", "'").casefold()
    return re.findall(r"\w+(?:'\w+)?", text)


@pytest.fixture(scope="module", params=["own pair", "seeds"])
def pair(request):
    return load_articles(OWN_PAIR) if request.param == "own pair" else load_seeds()


@pytest.fixture(scope="module")
def found(pair):
    return generated_questions(pair)


def test_every_topic_has_keyed_questions_about_each_text(pair, found):
    for topic in TOPICS:
        for article in pair:
            mine = [q for q in found if q["topic"] == topic and q["article"] == article.id]
            assert mine, (topic, article.id)
    keyed = [q for q in found if q["type"] == "choice"]
    assert {q["topic"] for q in keyed} == set(TOPICS)


def test_valid_against_the_question_checker(pair, found, tmp_path):
    (tmp_path / "questions.toml").write_text(draft_toml(found, pair), encoding="utf-8")
    loaded = load_questions(tmp_path)  # raises WorkbookDataError on any mistake, twins included
    assert set(loaded) == {q["id"] for q in found}
    for q in found:
        assert loaded[q["id"]]["prompt"] == q["prompt"]
        assert loaded[q["id"]]["topic"] == q["topic"]
        if q["type"] == "choice":
            assert loaded[q["id"]]["options"] == [{k: v for k, v in o.items() if v is not False} for o in q["options"]]


def test_answerable_from_the_text_the_correct_option_is_in_the_cited_sentence(pair, found):
    texts = {a.id: a for a in pair}
    for q in found:
        if q["type"] != "choice":
            continue
        article = texts[q["article"]]
        evidence = q["evidence"]
        assert evidence["text"] and evidence["text"] in article.text, q["id"]
        if evidence["sentence"] is not None:
            assert article.sentence_list[evidence["sentence"]].text == evidence["text"]
        correct = [o for o in q["options"] if o.get("correct")]
        assert len(correct) == 1
        answer = _words(correct[0]["text"])
        cited = _words(evidence["text"])
        assert answer and all(word in cited for word in answer), (q["id"], correct[0]["text"], evidence["text"])
        right, feedback = check_answer(q, correct[0]["text"])
        assert right is True and feedback.startswith("Yes")
        for option in q["options"]:
            if not option.get("correct"):
                assert check_answer(q, option["text"]) [0] is False
                assert option["feedback"] and "wrong" not in option["feedback"].lower().split()


def test_twinned_both_ways_with_the_same_kind_of_question(pair, found):
    by_id = {q["id"]: q for q in found}
    for q in found:
        twin = by_id[q["twin"]]
        assert twin["twin"] == q["id"]
        assert twin["article"] != q["article"]
        assert (twin["type"], twin["topic"]) == (q["type"], q["topic"])
        assert q["id"].rsplit("-", 1)[0] == twin["id"].rsplit("-", 1)[0]


def test_the_same_articles_always_give_the_same_questions(pair, found, tmp_path):
    again = generated_questions([load_articles(OWN_PAIR) if pair[0].id == "bridge_council" else load_seeds()][0])
    assert again == found
    # Ids come from the text, not from the file name or the order of the pair.
    for article in pair:
        shutil.copy(article.path, tmp_path / f"renamed-{article.id}.txt")
    renamed = load_articles(tmp_path)
    ids = {q["id"] for q in generated_questions(list(reversed(renamed)))}
    assert ids == {q["id"] for q in found}


def test_phrased_as_what_the_computer_found_and_no_file_names(pair, found):
    for q in found:
        if q["type"] == "choice":
            assert "computer" in q["prompt"] + q.get("hint", "") or "computer" in q["options"][0]["feedback"]
        shown = " ".join([q["prompt"], q.get("hint", ""), *[o["text"] + o["feedback"] for o in q.get("options", [])]])
        for article in pair:
            assert article.id not in shown


def test_feedback_points_to_the_sentence(found):
    for q in found:
        if q["type"] != "choice" or q["evidence"]["sentence"] is None:
            continue
        everything = " ".join([q["prompt"], q.get("hint", ""), *[o["text"] + " " + o["feedback"] for o in q["options"]]])
        begin = " ".join(q["evidence"]["text"].split()[:4])
        assert begin in everything, q["id"]


def test_a_text_with_little_in_it_still_gets_a_question_for_every_topic():
    bare = article_from_text("Notes\n\nIt was a quiet day.", id="bare")
    other = article_from_text("More notes\n\nNothing much happened.", id="other")
    found = generated_questions([bare, other])
    assert {q["topic"] for q in found} == set(TOPICS)
    assert all(q["type"] == "reflection" and q["twin"] for q in found)


def test_one_text_alone_gets_questions_without_twins():
    (article,) = load_articles(OWN_PAIR)[:1]
    found = generated_questions(article, "sourcing")
    assert found and all("twin" not in q for q in found)


def test_unknown_topic_is_a_plain_error():
    with pytest.raises(ValueError, match="No lesson topic 'cooking'"):
        generated_questions(load_seeds(), "cooking")
